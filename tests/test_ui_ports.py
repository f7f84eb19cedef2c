"""What a presenter sees on the ports tab: the roster and its filters, the map, and the two kept in step."""

from __future__ import annotations

from dataclasses import replace

import fixture_facts as F
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QPushButton

from briefing.drawing import themes
from briefing.ui.common.selection import Selection
from briefing.ui.ports.map_view import PortMarker, port_tooltip
from briefing.ui.ports.port_models import PortTableModel
from briefing.ui.ports.ports_tab import PortsTab

# The offscreen platform says this whenever a shown top-level window's size limits change; it is not
# ours to fix. Every other Qt warning still fails a test.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def tab(qtbot, briefing, selection, default_fonts):
    widget = PortsTab(briefing, selection)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reset_view()
    return widget


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def selected_port(tab: PortsTab) -> str:
    rows = tab.table.selectionModel().selectedRows()
    return rows[0].data(PortTableModel.PortIdRole) if rows else ""


def marker_point(tab: PortsTab, port_id: str) -> QPoint:
    """Where the marker is drawn in the map's viewport (after any spreading of a crowded group)."""
    marker = tab.map.marker(port_id)
    return tab.map.mapFromScene(marker.pos()) + marker.moved_by.toPoint()


def test_table_lists_the_whole_roster(tab, briefing):
    total = F.port_count()
    assert tab.table.model().rowCount() == total
    assert tab.count_label.text() == f"显示 {total} / {total} 个口岸"
    names = {tab.proxy.index(row, PortTableModel.COL_NAME).data() for row in range(total)}
    assert names == {port.name_zh for port in briefing.ports}


@pytest.mark.parametrize("mode", ["rail", "road", "air", ""])
def test_mode_filter(tab, mode):
    choose(tab.mode_combo, mode)
    assert tab.table.model().rowCount() == (F.ports_by_mode()[mode] if mode else F.port_count())


def test_mode_filter_offers_chinese_labels(tab):
    texts = [tab.mode_combo.itemText(i) for i in range(tab.mode_combo.count())]
    assert texts == ["全部", "铁路", "公路", "航空"]
    texts = [tab.country_combo.itemText(i) for i in range(tab.country_combo.count())]
    assert texts == ["全部", "俄罗斯", "蒙古国", "无(航空)"]


def test_country_filter(tab):
    tab.country_combo.setCurrentIndex(tab.country_combo.findText("俄罗斯"))
    assert tab.table.model().rowCount() == F.ports_by_country()["Russia"]
    tab.country_combo.setCurrentIndex(tab.country_combo.findText("无(航空)"))
    assert tab.table.model().rowCount() == F.ports_by_country()[""]


def test_text_filter_matches_chinese_english_and_counterpart(qtbot, tab):
    qtbot.keyClicks(tab.text_filter, "erenhot")  # typed; QTest cannot type hanzi, so those are set
    assert tab.table.model().rowCount() == F.ports_matching("erenhot") >= 2
    tab.text_filter.setText("满洲里")
    assert tab.table.model().rowCount() == F.ports_matching("满洲里") >= 2
    tab.text_filter.setText("Zamyn")  # only a counterpart's name
    assert tab.table.model().rowCount() == F.ports_matching("Zamyn") >= 1
    assert tab.text_filter.placeholderText()


def test_filtered_out_ports_fade_on_the_map(tab):
    choose(tab.mode_combo, "air")
    assert tab.map.marker(F.AIR_PORT).opacity() == 1.0
    assert tab.map.marker(F.EXACT_PORT).opacity() < 0.5
    choose(tab.mode_combo, "")
    assert tab.map.marker(F.EXACT_PORT).opacity() == 1.0


def test_clicking_a_marker_selects_the_row(qtbot, tab, selection):
    qtbot.mouseClick(tab.map.viewport(), Qt.MouseButton.LeftButton, pos=marker_point(tab, F.EXACT_PORT))
    assert selection.subject_id == F.EXACT_PORT
    assert selected_port(tab) == F.EXACT_PORT
    assert tab.map.marker(F.EXACT_PORT).selected
    assert tab.details.title_text() == F.name_zh(F.EXACT_PORT)


def test_clicking_a_marker_in_a_crowded_group_selects_that_port(qtbot, tab, selection):
    # Erenhot's rail and road ports share one coordinate; the map spreads them so each can be clicked.
    for port_id in (F.RAIL_PORT, F.ROAD_TWIN, F.MANZHOULI_AIR):
        qtbot.mouseClick(tab.map.viewport(), Qt.MouseButton.LeftButton, pos=marker_point(tab, port_id))
        assert selection.subject_id == port_id
        assert selected_port(tab) == port_id


def test_selecting_a_row_highlights_the_marker(tab, selection):
    tab.table.selectRow(tab.proxy.row_of(F.AIR_PORT))
    assert tab.map.selected_port() == F.AIR_PORT
    assert tab.map.marker(F.AIR_PORT).selected
    assert not tab.map.marker(F.EXACT_PORT).selected
    assert selection.subject_id == F.AIR_PORT


def test_selection_from_another_tab_is_shown_without_echo(qtbot, tab, selection):
    heard = []
    selection.subject_selected.connect(heard.append)
    selection.select_subject(F.RAIL_PORT)
    assert selected_port(tab) == F.RAIL_PORT
    assert tab.map.selected_port() == F.RAIL_PORT
    assert heard == [F.RAIL_PORT]
    selection.select_subject("region")  # a place, not a port: the tab keeps what it shows
    assert selected_port(tab) == F.RAIL_PORT


def test_ports_without_coordinate_are_listed_not_drawn(qtbot, tab, selection):
    drawn = {item.port.id for item in tab.map.scene().items() if isinstance(item, PortMarker)}
    assert len(drawn) == F.placed_count()
    assert not drawn & set(F.UNPLACED)
    assert tab.map.unplaced_box.isVisible()
    assert tab.map.unplaced_names() == F.unplaced_names()
    box = tab.map.unplaced_box.geometry()
    assert box.left() < 50 and box.bottom() > tab.map.height() - 50  # the bottom-left corner
    button = next(b for b in tab.map.unplaced_box.findChildren(QPushButton) if b.text() == F.name_zh(F.UNPLACED[-1]))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert selection.subject_id == F.UNPLACED[-1]
    assert selected_port(tab) == F.UNPLACED[-1]
    assert "无可靠坐标" in tab.details.field_text("coordinate")


def test_exact_and_approximate_markers_are_filled_differently(tab):
    exact, approximate = tab.map.marker(F.EXACT_PORT), tab.map.marker(F.APPROXIMATE_PORT)
    assert exact.port.coord_precision == "exact" and approximate.port.coord_precision == "approximate"
    assert exact.fill_colour != approximate.fill_colour
    image = tab.map.viewport().grab().toImage()
    assert image.pixelColor(marker_point(tab, F.APPROXIMATE_PORT)) == QColor("white")  # hollow: white inside
    centre = image.pixelColor(marker_point(tab, F.EXACT_PORT))
    assert centre == QColor(themes.current().map_ink)  # solid: the one marker ink, whatever the mode


def test_markers_keep_their_size_when_zooming(tab):
    marker = tab.map.marker(F.EXACT_PORT)
    assert marker.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    before = marker.boundingRect()
    tab.map.zoom_by(4.0)
    assert marker.boundingRect() == before
    assert any(label.text == F.name_zh(F.EXACT_PORT) for label in tab.map.labels())  # close up, full names
    tab.reset_view()
    assert any(label.text == F.short_name(F.EXACT_PORT) for label in tab.map.labels())  # from afar, short names


def test_port_labels_do_not_overlap(tab):
    for zoom in (1.0, 3.0):
        tab.reset_view()
        tab.map.zoom_by(zoom)
        # each label's text box (its white halo may touch a neighbour's at the corners)
        rects = [
            label.rect.translated(tab.map.mapFromScene(label.pos()).toPointF()).adjusted(3, 3, -3, -3)
            for label in tab.map.labels()
        ]
        # nearly every placed port: the Manzhouli and Erenhot groups under one name each
        assert len(rects) >= F.placed_count() - 4
        for i, a in enumerate(rects):
            for b in rects[i + 1 :]:
                assert not a.intersects(b), (a, b)


def test_filtering_keeps_the_shown_port(tab, selection):
    selection.select_subject(F.NO_FIGURES_PORT)
    choose(tab.mode_combo, "rail")  # a road port: unmarked in the table, still shown
    assert selected_port(tab) == "" and selection.subject_id == F.NO_FIGURES_PORT
    assert tab.details.title_text() == F.name_zh(F.NO_FIGURES_PORT)
    choose(tab.mode_combo, "")
    assert selected_port(tab) == F.NO_FIGURES_PORT


def test_step_follows_the_table_order(tab, selection):
    tab.step(1)
    assert selection.subject_id == tab.proxy.port_id_at(0)
    tab.step(1)
    assert selection.subject_id == tab.proxy.port_id_at(1)
    tab.table.sortByColumn(PortTableModel.COL_MODE, Qt.SortOrder.DescendingOrder)  # air first
    choose(tab.mode_combo, "air")
    tab.step(1)
    assert tab.map.selected_port() == tab.proxy.port_id_at(0)
    tab.step(-5)
    assert selected_port(tab) == tab.proxy.port_id_at(0)  # stops at the top
    tab.step(100)
    assert selected_port(tab) == tab.proxy.port_id_at(F.ports_by_mode()["air"] - 1)  # stops at the bottom


def test_focus_search_and_reset_view(qtbot, tab):
    tab.focus_search()
    qtbot.waitUntil(tab.text_filter.hasFocus)
    scale = tab.map.transform().m11()
    tab.map.zoom_by(3.0)
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.map.transform().m11() == pytest.approx(scale)


def test_set_briefing_reloads(tab, briefing, selection):
    selection.select_subject(F.NO_FIGURES_PORT)
    choose(tab.mode_combo, "rail")
    tab.set_briefing(briefing)
    assert tab.model.rowCount() == F.port_count()
    assert len(tab.map.markers()) == F.placed_count()
    assert tab.map.selected_port() == F.NO_FIGURES_PORT  # the shared selection survives a reload
    assert tab.map.unplaced_names() == F.unplaced_names()  # listed once, not twice


def test_details_show_the_sources_to_read_never_to_open(tab):
    tab.table.selectRow(tab.proxy.row_of(F.EXACT_PORT))
    texts = tab.details.source_texts()
    assert f"[名录] {F.row('sources', F.ARTICLE)['title']}" in texts
    assert F.row("sources", F.EXACT_PORT_SOURCE)["url"] in texts  # the address, to read or copy
    shown = tab.details.toPlainText()
    assert all(text in shown for text in texts)
    assert tab.details.isReadOnly()
    assert not tab.details.openLinks() and not tab.details.openExternalLinks()


def test_tooltips_show_database_text_literally(briefing):
    port = replace(briefing.port(F.EXACT_PORT), name_zh="<b>策克</b>", counterpart="a < b & c")
    tip = port_tooltip(port)
    assert "&lt;b&gt;策克&lt;/b&gt;" in tip and "a &lt; b &amp; c" in tip
    assert "公路" in tip and "确切位置" in tip and F.name_en(F.EXACT_PORT) in tip


def test_models_pass_the_model_tester(qtmodeltester, tab):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    choose(tab.country_combo, "Mongolia")
    tab.table.sortByColumn(PortTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(tab.proxy)
