"""What the ports tab's details pane shows: one read-only document, database text as text, addresses to
read or copy but never open, in the theme's colours, the chosen language and the presentation font size."""

from __future__ import annotations

from dataclasses import replace

import fixture_facts as F
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.drawing import fonts, i18n, themes
from briefing.ui.common import theme_widgets
from briefing.ui.common.selection import Selection
from briefing.ui.ports.port_details import PortDetails
from briefing.ui.ports.ports_tab import PortsTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def defaults_afterwards(qapp, qt_fonts):
    """Other tests expect Chinese, the light theme and the normal font size, even when one here fails."""
    yield
    if i18n.current_language() != "zh":
        i18n.set_language("zh", qapp)
    if themes.current().name != "light":
        theme_widgets.apply_theme("light", qapp)
    fonts.apply_font(qapp, qt_fonts, 1.0)
    QApplication.processEvents()


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def tab(qtbot, briefing, qt_fonts):
    widget = PortsTab(briefing, Selection())
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fragments(details):
    """(text, character format) of every run of text in the document, in order."""
    block = details.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            yield fragment.text(), fragment.charFormat()
            it += 1
        block = block.next()


def format_of(details, text: str):
    return next(fmt for shown, fmt in fragments(details) if shown == text)


def test_before_a_port_is_chosen_the_pane_says_how_to_choose_one(tab):
    assert tab.details.toPlainText() == "在地图或表格中选择一个口岸,即可查看详情。"
    assert tab.details.title_text() == ""


def test_every_field_is_shown_with_its_name(tab, briefing):
    tab.table.selectRow(tab.proxy.row_of(F.EXACT_PORT))
    curated = F.row("ports", F.EXACT_PORT)  # a road port to Mongolia with an exact coordinate
    lines = tab.details.toPlainText().splitlines()
    assert lines[:2] == [curated["name_zh"], curated["name_en"]]
    assert "\t方式\t公路" in lines
    assert f"\t对方口岸\t{curated['counterpart']} (蒙古国)" in lines
    assert f"\t盟市\t{curated['league_city']}" in lines
    assert f"\t旗县\t{curated['county']}" in lines
    assert f"\t坐标\t北纬 {curated['lat']}°,东经 {curated['lon']}° · 确切位置" in lines
    assert f"\t位置说明\t{curated['position_zh']}" in lines
    assert f"\t状态\t{curated['status_zh']}" in lines
    texts = tab.details.source_texts()
    assert f"\t来源\t{texts[0]}" in lines
    assert all(text in lines for text in texts[1:])  # each title and address on a line of its own


def test_a_port_without_sources_or_fields_shows_dashes(tab, briefing):
    bare = replace(briefing.port(F.EXACT_PORT), county="", position_zh="", status_zh="", counterpart="")
    tab.details.show_port(bare, ())
    for key in ("county", "basis", "status", "counterpart", "sources"):
        assert tab.details.field_text(key) == "—"
    assert tab.details.source_texts() == ["—"]


def test_database_text_is_shown_as_text_never_as_markup_or_links(tab, briefing):
    source = briefing.port_sources(F.EXACT_PORT)[0][1]
    odd = replace(briefing.port(F.EXACT_PORT), name_zh="<b>策克</b>", status_zh="a < b & c <a href='x'>y</a>")
    tab.details.show_port(odd, (("roster", replace(source, title="<i>标题</i>", url="https://e.org/?a=1&b=<2>")),))
    shown = tab.details.toPlainText()
    assert "<b>策克</b>" in shown
    assert "a < b & c <a href='x'>y</a>" in shown
    assert "[名录] <i>标题</i>" in shown and "https://e.org/?a=1&b=<2>" in shown
    assert not any(fmt.isAnchor() for _, fmt in fragments(tab.details))


def test_the_details_can_be_selected_and_copied(tab):
    tab.table.selectRow(tab.proxy.row_of(F.SERIES_PORT))
    tab.details.selectAll()
    tab.details.copy()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(F.name_zh(F.SERIES_PORT))
    assert all(line in copied for line in tab.details.source_texts())


def test_a_port_opens_at_its_name(qtbot, briefing, qt_fonts):
    details = PortDetails()
    qtbot.addWidget(details)
    details.resize(500, 200)
    # chosen before the pane is laid out
    details.show_port(briefing.port(F.EXACT_PORT), briefing.port_sources(F.EXACT_PORT))
    details.show()
    qtbot.waitExposed(details)
    QApplication.processEvents()
    assert details.verticalScrollBar().maximum() > 0
    assert details.verticalScrollBar().value() == 0
    details.verticalScrollBar().setValue(details.verticalScrollBar().maximum())
    details.show_port(briefing.port(F.SERIES_PORT), briefing.port_sources(F.SERIES_PORT))
    QApplication.processEvents()
    assert details.verticalScrollBar().value() == 0
    assert details.cursorForPosition(details.viewport().rect().topLeft()).block().text() == F.name_zh(F.SERIES_PORT)


def test_names_and_addresses_are_muted_in_either_theme(tab):
    tab.table.selectRow(tab.proxy.row_of(F.EXACT_PORT))
    url = next(text for text in tab.details.source_texts() if text.startswith("https://"))
    for theme in (themes.LIGHT, themes.DARK):
        theme_widgets.apply_theme(theme.name)
        for text in (F.name_en(F.EXACT_PORT), "\t方式", url):
            assert format_of(tab.details, text).foreground().color() == QColor(theme.muted)
        assert format_of(tab.details, "\t公路").foreground().color() != QColor(theme.muted)


def test_the_pane_follows_the_language(tab):
    tab.table.selectRow(tab.proxy.row_of(F.EXACT_PORT))
    i18n.set_language("en", QApplication.instance())
    QApplication.processEvents()
    lines = tab.details.toPlainText().splitlines()
    assert lines[:2] == [F.name_en(F.EXACT_PORT), F.name_zh(F.EXACT_PORT)]
    assert "\tMode\tRoad" in lines
    assert tab.details.source_texts()[0].startswith("[Roster] ")


def test_the_pane_follows_the_presentation_font_size(tab, qt_fonts):
    tab.table.selectRow(tab.proxy.row_of(F.EXACT_PORT))
    body = tab.details.document().defaultFont().pointSizeF()
    title = format_of(tab.details, F.name_zh(F.EXACT_PORT)).font().pointSizeF()
    assert title > body * 1.3
    fonts.apply_font(QApplication.instance(), qt_fonts, 1.5)
    QApplication.processEvents()
    assert tab.details.document().defaultFont().pointSizeF() == pytest.approx(body * 1.5)
    assert format_of(tab.details, F.name_zh(F.EXACT_PORT)).font().pointSizeF() == pytest.approx(title * 1.5)


def test_arrow_keys_step_ports_while_the_pane_has_the_focus(qtbot, window):
    ports = window.ports_tab
    window.tabs.setCurrentWidget(ports)
    window.selection.select_subject(ports.proxy.port_id_at(0))
    qtbot.mouseClick(ports.details.viewport(), Qt.MouseButton.LeftButton)  # e.g. to select an address
    qtbot.waitUntil(ports.details.hasFocus)
    qtbot.keyClick(ports.details, Qt.Key.Key_Right)
    assert window.selection.subject_id == ports.proxy.port_id_at(1)
    assert ports.details.title_text() == window.briefing.port(ports.proxy.port_id_at(1)).name_zh


def test_a_port_chosen_on_another_tab_is_shown_when_the_ports_tab_returns(qtbot, window):
    window.tabs.setCurrentWidget(window.ports_tab)
    window.selection.select_subject(F.EXACT_PORT)
    window.tabs.setCurrentWidget(window.indicators_tab)
    window.selection.select_subject(F.SERIES_PORT)
    window.set_theme("dark")
    window.tabs.setCurrentWidget(window.ports_tab)
    QApplication.processEvents()
    details = window.ports_tab.details
    assert details.toPlainText().startswith(f"{F.name_zh(F.SERIES_PORT)}\n{F.name_en(F.SERIES_PORT)}")
    assert format_of(details, "\t方式").foreground().color() == QColor(themes.DARK.muted)
