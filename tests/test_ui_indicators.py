"""The indicators tab: subject list, fact cards, charts and the coverage matrix, headless."""

from __future__ import annotations

import subprocess
import sys

import fixture_facts as F
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from briefing.drawing import fonts
from briefing.drawing.formatting import kind_label
from briefing.ui.common.selection import Selection
from briefing.ui.indicators.coverage import SUBJECT_ID_ROLE, CoverageModel, SubjectTreeModel

# The offscreen platform reports that it cannot pass window size hints on whenever a top-level
# window's minimum size changes (a font change does that to any window still open in the session).
# It is a note about the test platform, not about this code; every other warning still fails.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def tab(qtbot, briefing, default_fonts):
    from briefing.ui.indicators.indicators_tab import IndicatorsTab

    selection = Selection()
    widget = IndicatorsTab(briefing, selection)
    # A host without a size constraint: a top-level window with a minimum size makes the offscreen
    # platform warn ("does not support propagateSizeHints"), and warnings fail these tests.
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(widget)
    host.resize(1600, 900)
    qtbot.addWidget(host)
    widget.host = host
    widget.selection_for_test = selection
    return widget


def card_with_value(tab, text):
    return next(card for card in tab.cards.cards if card.value.text() == text)


def test_ceke_shows_lower_bound_card(tab):
    tab.show_subject(F.EXACT_PORT)
    card = card_with_value(tab, F.LOWER_BOUND_TEXT)
    assert card.property("kind") == "lower_bound"
    assert card.badge.property("kind") == "lower_bound"
    assert card.badge.text() == kind_label("lower_bound")
    assert "下限" in card.badge.text()
    assert card.period.text() == F.row("observations", F.LOWER_BOUND)["period_zh"]


def test_nmg_derived_card_shows_readable_formula(tab):
    tab.show_subject(F.REGION)
    derived = [card for card in tab.cards.cards if card.property("kind") == "derived"]
    assert derived
    trade = next(card for card in derived if card.observation.id == F.DERIVED)
    text = trade.formula.text()
    assert F.DERIVED_WORKING in text
    assert F.indicator_zh(F.TRADE) in text and F.indicator_zh("foreign-trade-growth") in text
    assert "{" not in text
    assert trade.value.text().startswith("≈") and F.DERIVED_TEXT in trade.value.text()  # as precise as its inputs
    assert trade.badge.text() == kind_label("derived")


def test_view_source_asks_for_the_passage(qtbot, tab):
    tab.show_subject(F.EXACT_PORT)
    card = card_with_value(tab, F.LOWER_BOUND_TEXT)
    with qtbot.waitSignal(tab.selection_for_test.passage_requested, timeout=1000) as blocker:
        qtbot.mouseClick(card.source_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [F.LOWER_BOUND_PASSAGE, F.LOWER_BOUND_TEXT]


def test_reference_figure_shows_source_and_confidence(tab):
    tab.show_subject(F.EXACT_PORT)
    card = card_with_value(tab, F.REFERENCE_FIGURE_TEXT)
    assert card.source_button is None
    # cited: publisher, date, title; read in a repost, so never high
    source = F.row("sources", F.REFERENCE_SOURCE)
    assert card.source_label.text().startswith(f"来源:{source['publisher']} · {source['published']} · ")
    assert "可信度:中" in card.source_label.text() and source["url_kind"] == "repost"


def test_target_card_looks_different_from_reported(tab):
    tab.show_subject(F.REGION)
    target = next(card for card in tab.cards.cards if card.observation.kind == "target")
    reported = next(card for card in tab.cards.cards if card.observation.kind == "reported")
    assert target.objectName() == reported.objectName() == "factCard"
    assert target.property("kind") == "target" and reported.property("kind") == "reported"
    assert target.badge.text() == "目标" and reported.badge.text() != target.badge.text()
    tab.host.show()
    target.ensurePolished()
    reported.ensurePolished()
    # the style sheet draws a dashed border for targets: the two cards' frames render differently
    assert target.grab().toImage().pixelColor(2, target.height() // 2) != reported.grab().toImage().pixelColor(
        2, reported.height() // 2
    )


def test_subject_without_figures_says_so(tab):
    tab.show_subject(F.NO_FIGURES_PORT)
    assert tab.cards.cards == []
    assert "本简报没有关于该口岸的数据" in tab.cards.message_text()
    assert "0" not in tab.cards.message_text()
    tab.host.show()
    assert not tab.charts.empty.isHidden()
    assert tab.charts.visible_charts() == []


def test_subject_list_groups_and_greys(tab):
    model = tab.subject_model
    headings = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert headings == ["全区与城市", "口岸组合", "口岸"]
    ports = model.index(2, 0)
    names = [model.index(row, 0, ports).data() for row in range(model.rowCount(ports))]
    assert len(names) == F.port_count()
    assert f"{F.name_zh(F.NO_FIGURES_PORT)}(本简报无数据)" in names
    assert F.name_zh(F.EXACT_PORT) in names


def test_selection_flows_both_ways_without_loops(qtbot, tab):
    selection = tab.selection_for_test
    emitted = []
    selection.subject_selected.connect(emitted.append)
    selection.select_subject(F.SERIES_PORT)  # another tab picks a port
    assert tab.subject_id == F.SERIES_PORT
    assert tab.subject_view.currentIndex().data(SUBJECT_ID_ROLE) == F.SERIES_PORT
    assert emitted == [F.SERIES_PORT]
    tab.subject_view.setCurrentIndex(tab.subject_model.index_of(F.EXACT_PORT))  # the presenter picks here
    assert selection.subject_id == F.EXACT_PORT
    assert emitted == [F.SERIES_PORT, F.EXACT_PORT]
    assert tab.cards.headings() == [F.FREIGHT_NAME]


def test_coverage_shows_a_dash_for_what_was_not_reported(briefing):
    model = CoverageModel()
    model.set_rows(briefing.subjects, briefing.indicators, briefing.coverage())
    row = model.row_of(F.EXACT_PORT)
    columns = {
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole): c
        for c in range(model.columnCount())
    }
    trade = next(c for tip, c in columns.items() if F.indicator_zh(F.TRADE) in tip)
    freight = next(c for tip, c in columns.items() if F.FREIGHT_NAME in tip)
    empty = model.index(row, trade)
    assert empty.data() == "—"
    assert empty.data(Qt.ItemDataRole.ToolTipRole) == "未报告"
    curated = sum(o["indicator_id"] == F.FREIGHT for o in F.observations_of(F.EXACT_PORT))
    assert model.index(row, freight).data() == str(curated)
    shiwei = model.row_of(F.NO_FIGURES_PORT)
    assert all(model.index(shiwei, c).data() == "—" for c in range(model.columnCount()))
    assert "0" not in {model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())}


def test_models_pass_the_model_tester(qtmodeltester, briefing):
    coverage = CoverageModel()
    coverage.set_rows(briefing.subjects, briefing.indicators, briefing.coverage())
    qtmodeltester.check(coverage)
    subjects = SubjectTreeModel()
    counts = {}
    for (subject_id, _), n in briefing.coverage().items():
        counts[subject_id] = counts.get(subject_id, 0) + n
    subjects.set_subjects(briefing.subjects, counts)
    qtmodeltester.check(subjects)


def test_clicking_a_coverage_cell_selects_its_subject(qtbot, tab):
    tab.host.show()
    tab.pages.setCurrentIndex(1)
    view = tab.coverage_view
    index = tab.coverage_model.index(tab.coverage_model.row_of(F.MANZHOULI_RAIL), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert tab.selection_for_test.subject_id == F.MANZHOULI_RAIL
    assert tab.subject_id == F.MANZHOULI_RAIL


def test_charts_series_and_comparison(tab):
    tab.host.show()
    tab.show_subject(F.SERIES_PORT)
    charts = tab.charts
    series = [c for c in charts.series if not c.isHidden()]
    comparisons = [c for c in charts.comparisons if not c.isHidden()]
    assert len(series) == 1 and series[0].spec.indicator.id == F.FREIGHT
    assert [o.period for o in series[0].spec.points] == list(F.SERIES_YEARS)  # part-year figures left out
    brushes = series[0].bars.opts["brushes"]  # the 2022 lower bound hatched, the other figures solid
    hatched = [brush.style() == Qt.BrushStyle.BDiagPattern for brush in brushes]
    assert hatched == [o.kind == "lower_bound" for o in series[0].spec.points] and hatched.count(True) == 1
    assert all(brush.style() == Qt.BrushStyle.SolidPattern for brush, h in zip(brushes, hatched) if not h)
    latest = int(F.SERIES_YEARS[-1]) - int(F.SERIES_YEARS[0])  # one place per year, the missing one too
    assert F.SERIES_LATEST_TEXT in series[0].hover_text_at(latest - 0.1, 100.0)
    assert "—" in series[0].value_labels()  # the year without a figure says so
    comparison = comparisons[0]
    subjects = [subject.id for subject, _ in comparison.spec.bars]
    assert F.SERIES_PORT in subjects and F.LAND_PORTS not in subjects  # no part beside its whole
    assert len({obs.unit for _, obs in comparison.spec.bars}) == 1
    tab.show_subject(F.EXACT_PORT)  # its latest year has no company: the ports' latest years, three of them
    (wide,) = [c for c in tab.charts.comparisons if not c.isHidden()]
    assert len(wide.spec.bars) >= 3 and F.EXACT_PORT in [subject.id for subject, _ in wide.spec.bars]


def test_charts_reuse_their_plots(tab):
    tab.host.show()
    tab.show_subject(F.SERIES_PORT)
    first = tab.charts.visible_charts()[0].plot
    tab.show_subject(F.REGION)
    tab.show_subject(F.SERIES_PORT)
    assert tab.charts.visible_charts()[0].plot is first


def test_chart_text_is_large_and_follows_the_font(qapp, tab, default_fonts):
    tab.host.show()
    tab.show_subject(F.SERIES_PORT)
    chart = tab.charts.visible_charts()[0]
    before = chart.plot.getAxis("bottom").style["tickFont"].pointSizeF()
    assert before >= 14
    fonts.apply_font(qapp, default_fonts, 1.6)
    qapp.processEvents()
    after = chart.plot.getAxis("bottom").style["tickFont"].pointSizeF()
    assert after == pytest.approx(before * 1.6, rel=0.02)
    assert chart.title.font().pointSizeF() > after


def test_pyqtgraph_loads_only_when_the_tab_is_shown(fixture_db):
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from briefing.store import open_briefing;"
        "from briefing.ui.common.selection import Selection; from briefing.ui.indicators.indicators_tab import IndicatorsTab;"
        f"tab = IndicatorsTab(open_briefing({str(fixture_db)!r}), Selection()); tab.show_subject({F.EXACT_PORT!r});"
        "before = 'pyqtgraph' in sys.modules or 'numpy' in sys.modules; tab.setVisible(True); app.processEvents();"
        "print(before, 'pyqtgraph' in sys.modules); sys.exit(0 if (not before and 'pyqtgraph' in sys.modules) else 1)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_figure_later_than_the_article_says_so_on_its_card(tab):
    tab.show_subject(F.RAIL_PORT)
    cards = {card.observation.id: card for card in tab.cards.cards}
    later, earlier = cards[F.AFTER_ARTICLE], cards[F.BEFORE_ARTICLE]
    period = F.row("observations", F.AFTER_ARTICLE)["period_zh"]
    assert later.period.text() == f"{period} · 晚于原文"  # the article is of March 2025
    assert "晚于原文" not in earlier.period.text()
    tab.show_subject(F.REGION)  # the article's own 2025 target is not a later figure
    target = next(card for card in tab.cards.cards if card.observation.id == F.TARGET)
    assert "晚于原文" not in target.period.text()
