"""The indicators tab made quick to step through: cards and charts reused from one subject to the
next, charts drawn as they come into view, layout changes fenced in, and twenty-year charts that stay
legible. Each test checks what a presenter sees, not how long it took (that is in benchmarks/)."""

from __future__ import annotations

import fixture_facts as F
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QVBoxLayout, QWidget

from briefing.drawing.chart_specs import Rankings, SeriesSpec, comparison_specs
from briefing.drawing.formatting import same_figure, value_text
from briefing.store.records import Indicator, Observation
from briefing.ui.common.layout_fence import LayoutFence
from briefing.ui.common.selection import Selection
from briefing.ui.indicators.fact_cards import FactCard

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


def _host(qtbot, widget: QWidget, width: int, height: int) -> QWidget:
    """A top-level window without a size constraint (offscreen warns about minimum sizes otherwise)."""
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(widget)
    host.resize(width, height)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def tab(qtbot, briefing, qt_fonts):
    from briefing.ui.indicators.indicators_tab import IndicatorsTab

    widget = IndicatorsTab(briefing, Selection())
    widget.host = _host(qtbot, widget, 1600, 900)
    return widget


def shown_cards(tab) -> list[FactCard]:
    """The cards a presenter can see: every FactCard in the sheet that is not hidden."""
    return [card for card in tab.cards.widget().findChildren(FactCard) if card.isVisibleTo(tab.cards.widget())]


def test_the_next_subject_reuses_the_cards_and_shows_only_its_own_figures(tab, briefing):
    tab.show_subject(F.REGION)
    made = set(map(id, tab.cards.widget().findChildren(FactCard)))
    tab.show_subject(F.EXACT_PORT)
    QApplication.processEvents()
    ceke = {value_text(obs) for obs in briefing.observations_for(F.EXACT_PORT)}
    assert {card.value.text() for card in shown_cards(tab)} == ceke
    assert len(shown_cards(tab)) == len(briefing.observations_for(F.EXACT_PORT))
    assert tab.cards.headings() == [F.FREIGHT_NAME]
    tab.show_subject(F.REGION)
    assert set(map(id, tab.cards.widget().findChildren(FactCard))) == made  # no card made anew
    # one card per figure: a figure given in several passages is one card
    assert len(shown_cards(tab)) == len({same_figure(obs) for obs in briefing.observations_for(F.REGION)})


def test_a_reused_card_takes_the_new_figures_kind_source_and_working(tab):
    tab.show_subject(F.REGION)  # reported, target and derived figures: some cards show a formula
    assert any(card.formula is not None for card in tab.cards.cards)
    tab.show_subject(F.EXACT_PORT)
    by_value = {card.value.text(): card for card in tab.cards.cards}
    quoted, referenced = by_value[F.LOWER_BOUND_TEXT], by_value[F.REFERENCE_FIGURE_TEXT]
    assert quoted.property("kind") == quoted.badge.property("kind") == "lower_bound"
    assert quoted.source_button is not None and quoted.source_label is None
    assert referenced.source_button is None
    assert referenced.source_label.text().startswith(f"来源:{F.publisher(F.REFERENCE_SOURCE)}")
    assert all(card.formula is None for card in tab.cards.cards)  # no working left over from nmg
    assert all(not card.note.text() or card.note.isVisibleTo(card) for card in tab.cards.cards)


def test_card_text_becomes_selectable_when_the_pointer_reaches_it(tab):
    tab.show_subject(F.EXACT_PORT)
    label = tab.cards.cards[0].value
    point = QPointF(label.rect().center())
    QApplication.sendEvent(label, QEnterEvent(point, label.mapToGlobal(point), label.mapToGlobal(point)))
    label.setSelection(0, 2)
    assert label.selectedText() == label.text()[:2]


def test_a_fence_passes_on_a_larger_minimum_and_fills_its_place(qtbot):
    inner = QLabel("短")
    fence = LayoutFence(inner)
    host = _host(qtbot, fence, 400, 100)
    before = host.minimumSizeHint().width()
    inner.setText("一个很长很长的口岸名称,不折行时需要更宽的窗口" * 2)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert host.minimumSizeHint().width() > before
    assert inner.geometry() == fence.rect()


def _twenty_years() -> SeriesSpec:
    values = [
        1369.4,
        1505.8,
        1006.4,
        4867.7,
        3937.7,
        4701.5,
        4167.6,
        3359.7,
        3715.2,
        1599.4,
        632.3,
        4263.9,
        2468.4,
        2749.6,
        821.6,
        297.9,
        4677.4,
        404.9,
        3123.8,
        2960.1,
    ]
    points = tuple(
        Observation(
            f"o{year}", "p", "freight", str(year), "", value, "万吨", "reported", f"{value}万吨", "p1", "s", "", "", ""
        )
        for year, value in zip(range(2006, 2026), values)
    )
    return SeriesSpec(Indicator("freight", "货运量", "Freight", "万吨"), "万吨", points)


def test_a_twenty_year_chart_writes_values_that_never_overlap_and_keeps_every_figure(qtbot, qt_fonts):
    from briefing.ui.indicators.charts import SeriesChart

    chart = SeriesChart()
    chart.apply_fonts(QApplication.font())
    host = _host(qtbot, chart, 760, 560)  # noqa: F841 (kept: the chart lives in it)
    spec = _twenty_years()
    chart.set_spec(spec)
    QApplication.processEvents()
    texts = chart.value_labels()
    assert 2 <= len(texts) < 20  # twenty values side by side would run into each other
    assert "2960.1万吨" in texts  # the latest year always
    assert set(texts) <= {value_text(obs) for obs in spec.points}  # exactly as written, never rounded
    boxes = sorted(chart.value_label_boxes(), key=lambda rect: rect.left())
    assert len(boxes) == len(texts)
    assert all(a.right() <= b.left() for a, b in zip(boxes, boxes[1:]))
    view = chart.plot.plotItem.vb.sceneBoundingRect()
    assert all(view.contains(box) for box in boxes)  # none cut off at the plot edge
    ticks = dict(chart.axis_ticks("bottom"))
    assert ticks[19] == "2025年"
    for index, obs in enumerate(spec.points):  # every bar keeps its exact figure on hover
        assert value_text(obs) in chart.hover_text_at(index, obs.value / 2)


def test_a_chart_below_the_fold_is_drawn_when_scrolled_into_view_or_exported(tab, qtbot):
    tab.host.resize(1600, 560)
    tab.show_subject(F.REGION)
    QApplication.processEvents()
    panel = tab.charts
    charts = panel.visible_charts()
    assert len(charts) >= 2
    below = charts[-1]
    assert not panel.in_view(below)  # the sheet is taller than the panel
    assert below.drawn_spec() != below.spec  # not drawn while out of view
    panel.verticalScrollBar().setValue(below.y())
    QApplication.processEvents()
    assert below.drawn_spec() == below.spec
    shown = (
        [obs.value for obs in below.spec.points]
        if hasattr(below.spec, "points")
        else [obs.value for _, obs in below.spec.bars]
    )
    assert sorted(below.bars.opts["y1"] if hasattr(below.spec, "points") else below.bars.opts["x1"]) == sorted(shown)
    panel.verticalScrollBar().setValue(0)
    tab.show_subject(F.CITY)
    tab.show_subject(F.REGION)
    grabbed = panel.visible_charts()[-1]
    assert grabbed.grab().width() > 0 and grabbed.drawn_spec() == grabbed.spec  # exported "as on screen"


def test_comparisons_from_kept_rankings_are_the_comparisons(briefing):
    rankings = Rankings(briefing)
    for subject in briefing.subjects:
        observations = briefing.observations_for(subject.id)
        assert comparison_specs(briefing, subject.id, observations, rankings=rankings) == comparison_specs(
            briefing, subject.id, observations
        )


class _PaintCount(QObject):
    """Counts the paint events each watched widget receives."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.counts = {widget: 0 for widget in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and watched in self.counts:
            self.counts[watched] += 1
        return False


@pytest.mark.parametrize("start", [F.MANZHOULI_ROAD, F.APPROXIMATE_PORT])
def test_stepping_to_a_port_with_charts_paints_its_cards_and_charts_once(tab, qtbot, start):
    # A presenter stepping through ports sees the new cards and charts appear in one go: each sheet
    # is painted once, not first at old places or widths and then again.
    tab.show_subject(start)
    assert tab.charts is not None  # the charts panel made and shown
    qtbot.wait(50)
    sheets = (tab.cards.widget(), tab.charts.widget())
    counter = _PaintCount(*sheets)
    tab.show_subject(F.MANZHOULI_RAIL)
    qtbot.wait(50)
    assert [counter.counts[sheet] for sheet in sheets] == [1, 1]
    assert [chart.spec.indicator.id for chart in tab.charts.visible_charts()]  # charts are shown
    assert all(chart.drawn_spec() == chart.spec for chart in tab.charts.visible_charts() if tab.charts.in_view(chart))
