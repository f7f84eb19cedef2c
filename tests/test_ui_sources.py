"""The sources tab: the article in reading order, cited figures, other sources, marked passages."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QTextCursor  # noqa: E402

from briefing.ui.proposals.proposal_models import HIGHLIGHT_COLOUR  # noqa: E402
from briefing.ui.common.selection import Selection  # noqa: E402
from briefing.ui.sources.sources_tab import SourcesTab  # noqa: E402


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def tab(qtbot, qt_fonts, bundled, selection):
    widget = SourcesTab(bundled, selection)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    return widget


def _format_at(document, position: int):
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_metadata_and_passages_in_reading_order(tab, bundled):
    assert tab._title.text().startswith("20个口岸动能强劲")
    assert "内蒙古日报" in tab._byline.text() and "2025-03" in tab._byline.text()
    assert not tab._note.text()  # the curators' note on the article's date stays in the curated files
    text = tab.reader_document().toPlainText()
    passages = bundled.passages()
    positions = [text.index(p.text) for p in passages]
    assert positions == sorted(positions)
    assert text.index("两会·建言") < text.index(bundled.passage("p21").text)
    assert tab._sections.count() == len({p.section for p in passages})


def test_cited_figures_are_listed_under_their_passage(tab):
    text = tab.reader_document().toPlainText()
    _start, end = tab.passage_range("p15")
    after = text[end:text.index("二连浩特铁路口岸", end)]
    assert "超2400万吨" in after and "策克口岸" in after


def test_other_sources_are_plain_text_not_links(tab, bundled):
    others = tab._others
    plain = others.document().toPlainText()
    # cited as a reader cites it: title, then publisher and date, then the address, marked when a copy
    assert "https://zh.wikipedia.org/zh/满洲里口岸" in plain
    assert "内蒙古20个对外开放口岸打通互联互通“大动脉”\n内蒙古日报 · 2023-11-29\n转载页:https://td.fyun.cc/" in plain
    assert "corroboration" not in plain and "ECharts" not in plain
    assert "其他来源" in tab._headings[2].text()
    assert not others.openLinks() and not others.openExternalLinks()
    assert "<a " not in others.toHtml()


def test_show_passage_marks_and_highlights(tab):
    tab.show_passage("p15", "超2400万吨")
    assert tab.marked_passage() == "p15"
    document = tab.reader_document()
    start, end = tab.passage_range("p15")
    text = document.toPlainText()[start:end]
    offset = text.index("超2400万吨")
    block = document.findBlock(start)
    assert block.blockFormat().background().style() != Qt.BrushStyle.NoBrush  # the passage is tinted
    for i in range(len("超2400万吨")):
        fmt = _format_at(document, start + offset + i)
        assert fmt.background().color() == QColor(HIGHLIGHT_COLOUR)
        assert fmt.fontWeight() == QFont.Weight.Bold
    assert _format_at(document, start).background().color() != QColor(HIGHLIGHT_COLOUR)
    other = document.findBlock(tab.passage_range("p14")[0])
    assert other.blockFormat().background().style() == Qt.BrushStyle.NoBrush  # only the requested passage is marked


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_show_passage_scrolls_it_into_view(tab, qtbot):
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.reader_scroll_value() == 0
    tab.show_passage("p15", "超2400万吨")
    qtbot.waitUntil(lambda: tab.reader_scroll_value() > 0, timeout=2000)
    reader = tab._reader
    rect = reader.cursorRect(_cursor_at(reader.document(), tab.passage_range("p15")[0]))
    assert 0 <= rect.top() < reader.viewport().height()


def _cursor_at(document, position):
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor


def test_passage_requested_signal_reaches_the_tab(tab, selection):
    selection.show_passage("p23", "羊绒")
    assert tab.marked_passage() == "p23"
    start, end = tab.passage_range("p23")
    offset = tab.reader_document().toPlainText()[start:end].index("羊绒")
    assert _format_at(tab.reader_document(), start + offset).background().color() == QColor(HIGHLIGHT_COLOUR)


def test_unknown_passage_and_reload(tab, bundled):
    tab.show_passage("p15", "")
    tab.show_passage("no-such-passage", "x")
    assert tab.marked_passage() == "p15"
    tab.set_briefing(bundled)
    assert tab.marked_passage() == ""
