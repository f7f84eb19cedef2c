"""The indicators tab: subject list, fact cards, charts and the coverage matrix, headless."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from briefing import paths
from briefing.store import open_briefing
from briefing.drawing import fonts
from briefing.ui.indicators.coverage import SUBJECT_ID_ROLE, CoverageModel, SubjectTreeModel
from briefing.drawing.formatting import kind_label
from briefing.ui.common.selection import Selection

# The offscreen platform reports that it cannot pass window size hints on whenever a top-level
# window's minimum size changes (a font change does that to any window still open in the session).
# It is a note about the test platform, not about this code; every other warning still fails.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")


@pytest.fixture(scope="module")
def briefing():
    opened = open_briefing(paths.bundled_database())
    yield opened
    opened.close()


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
    tab.show_subject("ceke")
    card = card_with_value(tab, "超2400万吨")
    assert card.property("kind") == "lower_bound"
    assert card.badge.property("kind") == "lower_bound"
    assert card.badge.text() == kind_label("lower_bound")
    assert "下限" in card.badge.text()
    assert card.period.text() == "2024年"


def test_nmg_derived_card_shows_readable_formula(tab):
    tab.show_subject("nmg")
    derived = [card for card in tab.cards.cards if card.property("kind") == "derived"]
    assert derived
    cars = next(card for card in derived if card.observation.id == "nmg-used-car-exports-2023")
    text = cars.formula.text()
    assert "8357辆 ÷ (1 + 68.3%)" in text
    assert "二手车出口量" in text and "二手车出口量同比增速" in text
    assert "{" not in text
    assert cars.value.text().startswith("≈") and "4966" in cars.value.text()  # whole vehicles only
    assert cars.badge.text() == kind_label("derived")


def test_view_source_asks_for_the_passage(qtbot, tab):
    tab.show_subject("ceke")
    card = card_with_value(tab, "超2400万吨")
    with qtbot.waitSignal(tab.selection_for_test.passage_requested, timeout=1000) as blocker:
        qtbot.mouseClick(card.source_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["p15", "超2400万吨"]


def test_reference_figure_shows_source_and_confidence(tab):
    tab.show_subject("ceke")
    card = card_with_value(tab, "1844.07万吨")
    assert card.source_button is None
    assert card.source_label.text().startswith("来源:新华社 · 2024-10-15 · ")  # cited: publisher, date, title
    assert "可信度:中" in card.source_label.text()  # read in a repost: never high


def test_target_card_looks_different_from_reported(tab):
    tab.show_subject("nmg")
    target = next(card for card in tab.cards.cards if card.observation.kind == "target")
    reported = next(card for card in tab.cards.cards if card.observation.kind == "reported")
    assert target.objectName() == reported.objectName() == "factCard"
    assert target.property("kind") == "target" and reported.property("kind") == "reported"
    assert target.badge.text() == "目标" and reported.badge.text() != target.badge.text()
    tab.host.show()
    target.ensurePolished()
    reported.ensurePolished()
    # the style sheet draws a dashed border for targets: the two cards' frames render differently
    assert target.grab().toImage().pixelColor(2, target.height() // 2) != \
        reported.grab().toImage().pixelColor(2, reported.height() // 2)


def test_subject_without_figures_says_so(tab):
    tab.show_subject("shiwei")
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
    assert len(names) == 20
    assert "室韦口岸(本简报无数据)" in names
    assert "策克口岸" in names


def test_selection_flows_both_ways_without_loops(qtbot, tab):
    selection = tab.selection_for_test
    emitted = []
    selection.subject_selected.connect(emitted.append)
    selection.select_subject("ganqimaodu")  # another tab picks a port
    assert tab.subject_id == "ganqimaodu"
    assert tab.subject_view.currentIndex().data(SUBJECT_ID_ROLE) == "ganqimaodu"
    assert emitted == ["ganqimaodu"]
    tab.subject_view.setCurrentIndex(tab.subject_model.index_of("ceke"))  # the presenter picks here
    assert selection.subject_id == "ceke"
    assert emitted == ["ganqimaodu", "ceke"]
    assert tab.cards.headings() == ["口岸货运量(通关过货量)"]


def test_coverage_shows_a_dash_for_what_was_not_reported(briefing):
    model = CoverageModel()
    model.set_rows(briefing.subjects, briefing.indicators, briefing.coverage())
    row = model.row_of("ceke")
    columns = {model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole): c
               for c in range(model.columnCount())}
    trade = next(c for tip, c in columns.items() if "外贸进出口总值" in tip)
    freight = next(c for tip, c in columns.items() if "口岸货运量" in tip)
    empty = model.index(row, trade)
    assert empty.data() == "—"
    assert empty.data(Qt.ItemDataRole.ToolTipRole) == "未报告"
    assert model.index(row, freight).data() == "2"
    shiwei = model.row_of("shiwei")
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
    index = tab.coverage_model.index(tab.coverage_model.row_of("manzhouli-rail"), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert tab.selection_for_test.subject_id == "manzhouli-rail"
    assert tab.subject_id == "manzhouli-rail"


def test_charts_series_and_comparison(tab):
    tab.host.show()
    tab.show_subject("ganqimaodu")
    charts = tab.charts
    series = [c for c in charts.series if not c.isHidden()]
    comparisons = [c for c in charts.comparisons if not c.isHidden()]
    assert len(series) == 1 and series[0].spec.indicator.id == "freight-volume"
    assert [o.period for o in series[0].spec.points] == ["2022", "2023"]
    brushes = series[0].bars.opts["brushes"]  # the 2022 lower bound hatched, the 2023 figure solid
    assert brushes[0].style() == Qt.BrushStyle.BDiagPattern and brushes[1].style() == Qt.BrushStyle.SolidPattern
    assert "3785.67万吨" in series[0].hover_text_at(0.9, 100.0)
    comparison = comparisons[0]
    subjects = [subject.id for subject, _ in comparison.spec.bars]
    assert "ganqimaodu" in subjects and "nmg-land-ports" not in subjects  # no part beside its whole
    assert len({obs.unit for _, obs in comparison.spec.bars}) == 1


def test_charts_reuse_their_plots(tab):
    tab.host.show()
    tab.show_subject("ganqimaodu")
    first = tab.charts.visible_charts()[0].plot
    tab.show_subject("nmg")
    tab.show_subject("ganqimaodu")
    assert tab.charts.visible_charts()[0].plot is first


def test_chart_text_is_large_and_follows_the_font(qapp, tab, default_fonts):
    tab.host.show()
    tab.show_subject("ganqimaodu")
    chart = tab.charts.visible_charts()[0]
    before = chart.plot.getAxis("bottom").style["tickFont"].pointSizeF()
    assert before >= 14
    fonts.apply_font(qapp, default_fonts, 1.6)
    qapp.processEvents()
    after = chart.plot.getAxis("bottom").style["tickFont"].pointSizeF()
    assert after == pytest.approx(before * 1.6, rel=0.02)
    assert chart.title.font().pointSizeF() > after


def test_pyqtgraph_loads_only_when_the_tab_is_shown():
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from briefing import paths; from briefing.store import open_briefing;"
        "from briefing.ui.common.selection import Selection; from briefing.ui.indicators.indicators_tab import IndicatorsTab;"
        "tab = IndicatorsTab(open_briefing(paths.bundled_database()), Selection()); tab.show_subject('ceke');"
        "before = 'pyqtgraph' in sys.modules or 'numpy' in sys.modules; tab.setVisible(True); app.processEvents();"
        "print(before, 'pyqtgraph' in sys.modules); sys.exit(0 if (not before and 'pyqtgraph' in sys.modules) else 1)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_figure_later_than_the_article_says_so_on_its_card(tab):
    tab.show_subject("erenhot-rail")
    later, earlier = card_with_value(tab, "3807列"), card_with_value(tab, "2531列")
    assert later.period.text() == "2025年1月1日至12月15日 · 晚于原文"  # the article is of March 2025
    assert "晚于原文" not in earlier.period.text()
    tab.show_subject("nmg")  # the article's own 2025 target is not a later figure
    target = card_with_value(tab, "1.3亿吨")
    assert "晚于原文" not in target.period.text()
