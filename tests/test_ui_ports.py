"""What a presenter sees on the ports tab: the roster and its filters, the map, and the two kept in step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QPushButton

from briefing import paths
from briefing.store import open_briefing
from briefing.ui.ports.map_view import PortMarker, port_tooltip
from briefing.ui.ports.port_models import PortTableModel
from briefing.ui.ports.ports_tab import PortsTab
from briefing.ui.common.selection import Selection

UNPLACED = ("mandula", "arihashate", "heishantou", "shiwei", "uliji")  # no sourced point on the Chinese side
UNPLACED_NAMES = ["满都拉口岸", "阿日哈沙特口岸", "黑山头口岸", "室韦口岸", "乌力吉口岸"]

# The offscreen platform says this whenever a shown top-level window's size limits change; it is not
# ours to fix. Every other Qt warning still fails a test.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def briefing():
    opened = open_briefing(paths.bundled_database())
    yield opened
    opened.close()


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
    assert tab.table.model().rowCount() == 20
    assert tab.count_label.text() == "显示 20 / 20 个口岸"
    names = {tab.proxy.index(row, PortTableModel.COL_NAME).data() for row in range(20)}
    assert names == {port.name_zh for port in briefing.ports}


@pytest.mark.parametrize(("mode", "rows"), [("rail", 2), ("road", 12), ("air", 6), ("", 20)])
def test_mode_filter(tab, mode, rows):
    choose(tab.mode_combo, mode)
    assert tab.table.model().rowCount() == rows


def test_mode_filter_offers_chinese_labels(tab):
    texts = [tab.mode_combo.itemText(i) for i in range(tab.mode_combo.count())]
    assert texts == ["全部", "铁路", "公路", "航空"]
    texts = [tab.country_combo.itemText(i) for i in range(tab.country_combo.count())]
    assert texts == ["全部", "俄罗斯", "蒙古国", "无(航空)"]


def test_country_filter(tab):
    tab.country_combo.setCurrentIndex(tab.country_combo.findText("俄罗斯"))
    assert tab.table.model().rowCount() == 4
    tab.country_combo.setCurrentIndex(tab.country_combo.findText("无(航空)"))
    assert tab.table.model().rowCount() == 6


def test_text_filter_matches_chinese_english_and_counterpart(qtbot, tab):
    qtbot.keyClicks(tab.text_filter, "erenhot")  # typed; QTest cannot type hanzi, so those are set
    assert tab.table.model().rowCount() == 3
    tab.text_filter.setText("满洲里")
    assert tab.table.model().rowCount() == 3
    tab.text_filter.setText("Zamyn")
    assert tab.table.model().rowCount() == 2
    assert tab.text_filter.placeholderText()


def test_filtered_out_ports_fade_on_the_map(tab):
    choose(tab.mode_combo, "air")
    assert tab.map.marker("hohhot-air").opacity() == 1.0
    assert tab.map.marker("ceke").opacity() < 0.5
    choose(tab.mode_combo, "")
    assert tab.map.marker("ceke").opacity() == 1.0


def test_clicking_a_marker_selects_the_row(qtbot, tab, selection):
    qtbot.mouseClick(tab.map.viewport(), Qt.MouseButton.LeftButton, pos=marker_point(tab, "ceke"))
    assert selection.subject_id == "ceke"
    assert selected_port(tab) == "ceke"
    assert tab.map.marker("ceke").selected
    assert tab.details.title_text() == "策克口岸"


def test_clicking_a_marker_in_a_crowded_group_selects_that_port(qtbot, tab, selection):
    # Erenhot's rail and road ports share one coordinate; the map spreads them so each can be clicked.
    for port_id in ("erenhot-rail", "erenhot-road", "manzhouli-air"):
        qtbot.mouseClick(tab.map.viewport(), Qt.MouseButton.LeftButton, pos=marker_point(tab, port_id))
        assert selection.subject_id == port_id
        assert selected_port(tab) == port_id


def test_selecting_a_row_highlights_the_marker(tab, selection):
    tab.table.selectRow(tab.proxy.row_of("hailar-air"))
    assert tab.map.selected_port() == "hailar-air"
    assert tab.map.marker("hailar-air").selected
    assert not tab.map.marker("ceke").selected
    assert selection.subject_id == "hailar-air"


def test_selection_from_another_tab_is_shown_without_echo(qtbot, tab, selection):
    heard = []
    selection.subject_selected.connect(heard.append)
    selection.select_subject("erenhot-rail")
    assert selected_port(tab) == "erenhot-rail"
    assert tab.map.selected_port() == "erenhot-rail"
    assert heard == ["erenhot-rail"]
    selection.select_subject("region")  # a place, not a port: the tab keeps what it shows
    assert selected_port(tab) == "erenhot-rail"


def test_ports_without_coordinate_are_listed_not_drawn(qtbot, tab, selection):
    drawn = {item.port.id for item in tab.map.scene().items() if isinstance(item, PortMarker)}
    assert len(drawn) == 15
    assert not drawn & set(UNPLACED)
    assert tab.map.unplaced_box.isVisible()
    assert tab.map.unplaced_names() == UNPLACED_NAMES
    box = tab.map.unplaced_box.geometry()
    assert box.left() < 50 and box.bottom() > tab.map.height() - 50  # the bottom-left corner
    button = next(b for b in tab.map.unplaced_box.findChildren(QPushButton) if b.text() == "乌力吉口岸")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert selection.subject_id == "uliji"
    assert selected_port(tab) == "uliji"
    assert "无可靠坐标" in tab.details.field_text("coordinate")


def test_exact_and_approximate_markers_are_filled_differently(tab):
    exact, approximate = tab.map.marker("ceke"), tab.map.marker("arxan")
    assert exact.port.coord_precision == "exact" and approximate.port.coord_precision == "approximate"
    assert exact.fill_colour != approximate.fill_colour
    image = tab.map.viewport().grab().toImage()
    assert image.pixelColor(marker_point(tab, "arxan")) == QColor("white")  # hollow: white inside
    centre = image.pixelColor(marker_point(tab, "ceke"))
    assert centre.blue() > 150 and centre.red() < 80  # solid: the road colour


def test_markers_keep_their_size_when_zooming(tab):
    marker = tab.map.marker("ceke")
    assert marker.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    before = marker.boundingRect()
    tab.map.zoom_by(4.0)
    assert marker.boundingRect() == before
    assert any(label.text == "策克口岸" for label in tab.map.labels())  # close up, full names
    tab.reset_view()
    assert any(label.text == "策克" for label in tab.map.labels())  # from afar, short names


def test_port_labels_do_not_overlap(tab):
    for zoom in (1.0, 3.0):
        tab.reset_view()
        tab.map.zoom_by(zoom)
        # each label's text box (its white halo may touch a neighbour's at the corners)
        rects = [label.rect.translated(tab.map.mapFromScene(label.pos()).toPointF()).adjusted(3, 3, -3, -3)
                 for label in tab.map.labels()]
        assert len(rects) >= 11  # 15 ports, the Manzhouli and Erenhot groups under one name each
        for i, a in enumerate(rects):
            for b in rects[i + 1:]:
                assert not a.intersects(b), (a, b)


def test_filtering_keeps_the_shown_port(tab, selection):
    selection.select_subject("shiwei")
    choose(tab.mode_combo, "rail")  # shiwei is a road port: unmarked in the table, still shown
    assert selected_port(tab) == "" and selection.subject_id == "shiwei"
    assert tab.details.title_text() == "室韦口岸"
    choose(tab.mode_combo, "")
    assert selected_port(tab) == "shiwei"


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
    assert selected_port(tab) == tab.proxy.port_id_at(5)


def test_focus_search_and_reset_view(qtbot, tab):
    tab.focus_search()
    qtbot.waitUntil(tab.text_filter.hasFocus)
    scale = tab.map.transform().m11()
    tab.map.zoom_by(3.0)
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.map.transform().m11() == pytest.approx(scale)


def test_set_briefing_reloads(tab, briefing, selection):
    selection.select_subject("shiwei")
    choose(tab.mode_combo, "rail")
    tab.set_briefing(briefing)
    assert tab.model.rowCount() == 20
    assert len(tab.map.markers()) == 15
    assert tab.map.selected_port() == "shiwei"  # the shared selection survives a reload
    assert tab.map.unplaced_names() == UNPLACED_NAMES  # listed once, not twice


def test_details_show_the_sources_to_read_never_to_open(tab):
    tab.table.selectRow(tab.proxy.row_of("ceke"))
    texts = tab.details.source_texts()
    assert "[名录] 20个口岸动能强劲 这里是活力迸发的内蒙古(两会特刊)" in texts
    assert "https://www.montsame.mn/en/read/275169" in texts  # the address, to read or copy
    shown = tab.details.toPlainText()
    assert all(text in shown for text in texts)
    assert tab.details.isReadOnly()
    assert not tab.details.openLinks() and not tab.details.openExternalLinks()


def test_tooltips_show_database_text_literally(briefing):
    port = replace(briefing.port("ceke"), name_zh="<b>策克</b>", counterpart="a < b & c")
    tip = port_tooltip(port)
    assert "&lt;b&gt;策克&lt;/b&gt;" in tip and "a &lt; b &amp; c" in tip
    assert "公路" in tip and "确切位置" in tip and "Ceke (Sekhee)" in tip


def test_models_pass_the_model_tester(qtmodeltester, tab):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    choose(tab.country_combo, "Mongolia")
    tab.table.sortByColumn(PortTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(tab.proxy)
