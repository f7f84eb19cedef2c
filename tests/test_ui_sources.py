"""The sources tab: the article in reading order, cited figures, other sources, marked passages."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import fixture_facts as F  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QTextCursor  # noqa: E402

from briefing.ui.common.selection import Selection  # noqa: E402
from briefing.ui.proposals.proposal_models import HIGHLIGHT_COLOUR  # noqa: E402
from briefing.ui.sources.sources_tab import SourcesTab  # noqa: E402


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def tab(qtbot, qt_fonts, briefing, selection):
    widget = SourcesTab(briefing, selection)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    return widget


def _format_at(document, position: int):
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_metadata_and_passages_in_reading_order(tab, briefing):
    title, byline, note = tab.metadata_texts()
    article = F.row("sources", F.ARTICLE)
    assert title.startswith(F.ARTICLE_TITLE_START)
    assert article["publisher"] in byline and article["published"] in byline
    assert article["curator_note"] and not note  # the curators' note on the article stays in the curated files
    text = tab.reader_document().toPlainText()
    passages = briefing.passages()
    positions = [text.index(p.text) for p in passages]
    assert positions == sorted(positions)
    assert text.index("两会·建言") < text.index(briefing.passage(F.DEPUTY_PASSAGE).text)
    curated = {p["section"] for p in F.rows("passages")}
    assert len(tab.section_names()) == len({p.section for p in passages}) == len(curated)


def test_cited_figures_are_listed_under_their_passage(tab):
    text = tab.reader_document().toPlainText()
    _start, end = tab.passage_range(F.LOWER_BOUND_PASSAGE)
    after = text[end : text.index("二连浩特铁路口岸", end)]  # the next passage
    assert F.LOWER_BOUND_TEXT in after and F.name_zh(F.EXACT_PORT) in after


def test_other_sources_are_plain_text_not_links(tab, briefing):
    others = tab.other_sources_view()
    plain = others.document().toPlainText()
    # cited as a reader cites it: title, then publisher and date, then the address, marked when a copy
    assert F.DECODED_ADDRESS in plain
    repost = F.row("sources", F.REPOST)
    assert f"{repost['title']}\n{repost['publisher']} · {repost['published']}\n转载页:{repost['url']}" in plain
    assert F.row("sources", F.MARKUP_SOURCE)["title"] in plain  # its <b>…</b> shown as written
    assert "其他来源" in tab.heading_texts()[2]
    assert not others.openLinks() and not others.openExternalLinks()
    assert "<a " not in others.toHtml()


def test_show_passage_marks_and_highlights(tab):
    tab.show_passage(F.LOWER_BOUND_PASSAGE, F.LOWER_BOUND_TEXT)
    assert tab.marked_passage() == F.LOWER_BOUND_PASSAGE
    document = tab.reader_document()
    start, end = tab.passage_range(F.LOWER_BOUND_PASSAGE)
    text = document.toPlainText()[start:end]
    offset = text.index(F.LOWER_BOUND_TEXT)
    block = document.findBlock(start)
    assert block.blockFormat().background().style() != Qt.BrushStyle.NoBrush  # the passage is tinted
    for i in range(len(F.LOWER_BOUND_TEXT)):
        fmt = _format_at(document, start + offset + i)
        assert fmt.background().color() == QColor(HIGHLIGHT_COLOUR)
        assert fmt.fontWeight() == QFont.Weight.Bold
    assert _format_at(document, start).background().color() != QColor(HIGHLIGHT_COLOUR)
    other = document.findBlock(tab.passage_range(F.PASSAGE_BEFORE_LOWER_BOUND)[0])
    assert other.blockFormat().background().style() == Qt.BrushStyle.NoBrush  # only the requested passage is marked


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_show_passage_scrolls_it_into_view(tab, qtbot):
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.reader_scroll_value() == 0
    tab.show_passage(F.LOWER_BOUND_PASSAGE, F.LOWER_BOUND_TEXT)
    qtbot.waitUntil(lambda: tab.reader_scroll_value() > 0, timeout=2000)
    reader = tab.reader_view()
    rect = reader.cursorRect(_cursor_at(reader.document(), tab.passage_range(F.LOWER_BOUND_PASSAGE)[0]))
    assert 0 <= rect.top() < reader.viewport().height()


def _cursor_at(document, position):
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor


def test_passage_requested_signal_reaches_the_tab(tab, selection):
    selection.show_passage(F.PORT_PROPOSAL_SECOND_PASSAGE, "羊绒")
    assert tab.marked_passage() == F.PORT_PROPOSAL_SECOND_PASSAGE
    start, end = tab.passage_range(F.PORT_PROPOSAL_SECOND_PASSAGE)
    offset = tab.reader_document().toPlainText()[start:end].index("羊绒")
    assert _format_at(tab.reader_document(), start + offset).background().color() == QColor(HIGHLIGHT_COLOUR)


def test_unknown_passage_and_reload(tab, briefing):
    tab.show_passage(F.LOWER_BOUND_PASSAGE, "")
    tab.show_passage("no-such-passage", "x")
    assert tab.marked_passage() == F.LOWER_BOUND_PASSAGE
    tab.set_briefing(briefing)
    assert tab.marked_passage() == ""
