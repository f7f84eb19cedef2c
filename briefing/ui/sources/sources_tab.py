"""The sources tab: the article's passages in reading order under their section headings, the
figures that cite each passage, and every other source; jumps to and marks a requested passage.

The reader is built with QTextCursor and plain insertText, so database text is never parsed as
HTML, and the document positions of every passage are known for marking and scrolling. It holds
one page of passages (the whole article when it is short, as the bundled one is), each with its
first few citing figures and how many more there are: a briefing of a million figures and sixty
thousand passages opens here as fast as a small one. Marking a passage on the page re-formats
its blocks only; a passage on another page brings that page in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.drawing import themes
from briefing.drawing.formatting import period_text, source_date, value_text
from briefing.drawing.i18n import local_name
from briefing.store.records import Passage, Source
from briefing.store.search import find_spans
from briefing.ui.common import theme_widgets
from briefing.ui.common.reader_formats import block_format, char_format, colour, highlight_format, read_only_browser
from briefing.ui.common.selection import Selection

PAGE_PASSAGES = 50  # passages in the reader at a time (the bundled article's 43 fit); a longer one has pages
CITATIONS_SHOWN = 10  # figures listed under a passage; more are counted ("… and 12 more")


class SourcesTab(QWidget):
    """Article metadata on top; sections | the article | other sources, side by side."""

    def __init__(self, briefing, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._briefing = briefing
        self._selection = selection
        self._passages: tuple[Passage, ...] = ()  # the page in the reader
        self._article_id: str | None = None  # the source whose passages are shown (None: all passages)
        self._total = 0  # passages in the article
        self._first = 0  # ordinal of the page's first passage
        self._sections_at: tuple[tuple[str, int], ...] = ()  # (heading, ordinal of its first passage)
        self._passage_spans: dict[str, tuple[int, int]] = {}  # id -> document range of its text
        self._passage_blocks: dict[str, tuple[int, int]] = {}  # id -> its first and last block
        self._marked: tuple[str, str] = ("", "")
        self._scroll_pending = False
        self._stale = True  # the article is laid out when first needed (see set_briefing)
        self._build()
        self._apply_fonts()
        selection.passage_requested.connect(self._on_passage_requested)
        self.set_briefing(briefing)
        themes.signals().theme_changed.connect(self._refill)

    def retranslate(self) -> None:
        """Headings, notes and the figures cited under each passage in the current language; the
        article itself stays as written."""
        self._refill()

    def _refill(self, *_args) -> None:
        if self._stale:
            return  # filled in the current language and theme when first shown
        scroll = self._reader.verticalScrollBar().value()
        section = self._sections.currentRow()
        self._fill()  # keeps the marked passage marked
        self._sections.setCurrentRow(section)
        self._reader.verticalScrollBar().setValue(scroll)

    def _build(self) -> None:
        self._title, self._byline, self._note = QLabel(), QLabel(), QLabel()
        for label in (self._title, self._byline, self._note):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme_widgets.muted(self._note)
        self._sections = QListWidget()
        self._sections.setWordWrap(True)
        self._sections.setSpacing(2)
        self._sections.itemClicked.connect(self._on_section_clicked)
        self._reader = read_only_browser()
        self._others = read_only_browser()
        self._headings = [QLabel(), QLabel(), QLabel()]
        self._earlier, self._later, self._page_label = QPushButton(), QPushButton(), QLabel()
        self._earlier.clicked.connect(lambda: self._turn(-1))
        self._later.clicked.connect(lambda: self._turn(1))
        self._pager = QWidget()
        pager = QHBoxLayout(self._pager)
        pager.setContentsMargins(0, 0, 0, 0)
        pager.addWidget(self._earlier)
        pager.addWidget(self._page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self._later)
        self._pager.hide()  # shown only when the article is longer than a page
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for heading, body in zip(self._headings, (self._sections, self._reader, self._others)):
            pane = QWidget()
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(heading)
            if body is self._reader:
                column.addWidget(self._pager)
            column.addWidget(body, 1)
            splitter.addWidget(pane)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 6)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([320, 1000, 580])
        layout = QVBoxLayout(self)
        for label in (self._title, self._byline, self._note):
            layout.addWidget(label)
        layout.addWidget(splitter, 1)

    def _apply_fonts(self) -> None:
        base = self.font()
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.4)
        title.setBold(True)
        self._title.setFont(title)
        bold = QFont(base)
        bold.setBold(True)
        for heading in self._headings:
            heading.setFont(bold)
        reading = QFont(base)
        reading.setPointSizeF(base.pointSizeF() * 1.15)
        self._reader.setFont(reading)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            if self._marked[0]:  # the text reflowed: bring the marked passage back
                self._request_scroll()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._ensure_filled()
        if self._scroll_pending:
            QTimer.singleShot(0, self, self._scroll_to_marked)  # after the layout has its final width

    # -- public -----------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        """Show another briefing. In a window the article is laid out when this tab is first shown
        (or asked about): a large briefing's takes seconds, and the presenter may never look."""
        self._briefing = briefing
        self._marked = ("", "")
        self._first = 0
        self._stale = True
        if self.parentWidget() is None or self.isVisible():
            self._ensure_filled()

    def _ensure_filled(self) -> None:
        if self._stale:
            self._stale = False
            self._fill()

    def _fill(self) -> None:
        """Headings, metadata, other sources, the article and its section list, from the briefing."""
        briefing = self._briefing
        self._headings[0].setText(QCoreApplication.translate("SourcesTab", "版面"))
        self._headings[1].setText(QCoreApplication.translate("SourcesTab", "原文"))
        article = self._main_source(briefing, briefing.passages_page(0, 1))
        self._total = briefing.passage_count()
        self._article_id = None  # no filter when every passage is the article's (then counting is cheaper)
        if article is not None and briefing.passage_count(article.id) != self._total:
            self._article_id = article.id
            self._total = briefing.passage_count(article.id)
        self._show_metadata(article)
        self._show_other_sources([s for s in briefing.sources if article is None or s.id != article.id])
        self._sections_at = briefing.passage_sections(self._article_id)
        self._sections.clear()
        for section, ordinal in self._sections_at:
            item = QListWidgetItem(section or QCoreApplication.translate("SourcesTab", "(无标题)"))
            item.setData(Qt.ItemDataRole.UserRole, ordinal)
            self._sections.addItem(item)
        self._load_page(self._page_of(min(self._first, max(self._total - 1, 0))))  # the page in view stays

    def show_passage(self, passage_id: str, highlight: str = "") -> None:
        """Mark a passage, highlight `highlight` inside it, and bring it into view."""
        self._ensure_filled()
        if passage_id in self._passage_spans:
            ordinal = self._first + next(i for i, p in enumerate(self._passages) if p.id == passage_id)
        else:
            ordinal = self._briefing.passage_ordinal(passage_id, self._article_id)
            if ordinal is None:
                return
        previous = self._marked[0]
        self._marked = (passage_id, highlight)
        if passage_id in self._passage_spans:
            self._format_passage(previous, marked=False)
            self._format_passage(passage_id, marked=True)
        else:
            self._load_page(self._page_of(ordinal))
        self._sections.setCurrentRow(self._section_row(ordinal))
        self._request_scroll()

    def _request_scroll(self) -> None:
        if self.isVisible():
            self._scroll_to_marked()
            QTimer.singleShot(0, self, self._scroll_to_marked)  # again once pending layout has settled
        else:
            self._scroll_pending = True

    def marked_passage(self) -> str:
        return self._marked[0]

    def passage_range(self, passage_id: str) -> tuple[int, int] | None:
        """Where a passage's text sits in the reader's document (start, end positions)."""
        self._ensure_filled()
        return self._passage_spans.get(passage_id)

    def reader_document(self) -> QTextDocument:
        self._ensure_filled()
        return self._reader.document()

    def reader_scroll_value(self) -> int:
        self._ensure_filled()
        return self._reader.verticalScrollBar().value()

    # -- what a reader sees and uses (read by the tests, and by anyone driving the tab) --------

    def reader_view(self) -> QTextBrowser:
        """The article's read-only view."""
        self._ensure_filled()
        return self._reader

    def other_sources_view(self) -> QTextBrowser:
        """The read-only list of the other sources (titles and addresses as text, never links)."""
        self._ensure_filled()
        return self._others

    def metadata_texts(self) -> tuple[str, str, str]:
        """The article's title, byline and note, as shown above it."""
        self._ensure_filled()
        return self._title.text(), self._byline.text(), self._note.text()

    def heading_texts(self) -> list[str]:
        """The pane headings: sections, the article, other sources."""
        return [label.text() for label in self._headings]

    def section_names(self) -> list[str]:
        """The section list's entries, in reading order."""
        self._ensure_filled()
        return [self._sections.item(row).text() for row in range(self._sections.count())]

    def current_section(self) -> str:
        """The section list's highlighted entry ("" for none)."""
        item = self._sections.currentItem()
        return item.text() if item is not None else ""

    def open_section(self, row: int) -> None:
        """Go to the section list's `row`, as a click on it does (turning the page if need be)."""
        self._ensure_filled()
        self._on_section_clicked(self._sections.item(row))

    def pager(self) -> tuple[QPushButton, QLabel, QPushButton] | None:
        """Earlier page, "第 a–b 段,共 n 段", later page; None while the article fits one page."""
        self._ensure_filled()
        return None if self._pager.isHidden() else (self._earlier, self._page_label, self._later)

    # -- building ---------------------------------------------------------------------------

    @staticmethod
    def _main_source(briefing, passages: tuple[Passage, ...]) -> Source | None:
        if passages:
            found = briefing.source(passages[0].source_id)
            if found is not None:
                return found
        return briefing.sources[0] if briefing.sources else None

    def _show_metadata(self, source: Source | None) -> None:
        if source is None:
            self._title.setText(QCoreApplication.translate("SourcesTab", "此简报没有收录原文"))
            self._byline.setText("")
            self._note.setText("")
            return
        self._title.setText(source.title)
        parts = [source.publisher, source_date(source)] + ([source.url] if source.url else [])
        self._byline.setText(" · ".join(p for p in parts if p))
        self._note.setText("")
        self._note.setVisible(False)

    def _show_other_sources(self, sources: list[Source]) -> None:
        self._headings[2].setText(QCoreApplication.translate("SourcesTab", "其他来源({0})").format(len(sources)))
        document = self._others.document()
        document.clear()
        cursor = QTextCursor(document)
        for number, source in enumerate(sources):
            if number:
                cursor.insertBlock(block_format(top=10))
            cursor.insertText(source.title, char_format())
            details = " · ".join(
                p
                for p in (source.publisher, source_date(source) or QCoreApplication.translate("SourcesTab", "无日期"))
                if p
            )
            for line in filter(None, (details, _address_line(source))):
                cursor.insertBlock(block_format(left=14), char_format(colour("muted"), size_step=-1))
                cursor.insertText(line)
        self._others.moveCursor(QTextCursor.MoveOperation.Start)

    # -- pages ------------------------------------------------------------------------------

    @staticmethod
    def _page_of(ordinal: int) -> int:
        """The first ordinal of the page holding `ordinal`."""
        return max(ordinal, 0) // PAGE_PASSAGES * PAGE_PASSAGES

    def _section_row(self, ordinal: int) -> int:
        """The row of the section list whose run of passages holds `ordinal`."""
        row = -1
        for number, (_section, first) in enumerate(self._sections_at):
            if first > ordinal:
                break
            row = number
        return row

    def _load_page(self, first: int) -> None:
        self._first = first
        self._passages = self._briefing.passages_page(first, PAGE_PASSAGES, self._article_id)
        self._render()
        paged = self._total > PAGE_PASSAGES
        self._pager.setVisible(paged)
        if paged:
            self._earlier.setText(QCoreApplication.translate("SourcesTab", "◀ 前一页"))
            self._later.setText(QCoreApplication.translate("SourcesTab", "后一页 ▶"))
            self._page_label.setText(
                QCoreApplication.translate("SourcesTab", "第 {first}–{last} 段,共 {total} 段").format(
                    first=f"{first + 1:,}", last=f"{first + len(self._passages):,}", total=f"{self._total:,}"
                )
            )
            self._earlier.setEnabled(first > 0)
            self._later.setEnabled(first + len(self._passages) < self._total)

    def _turn(self, step: int) -> None:
        first = self._first + step * PAGE_PASSAGES
        if 0 <= first < self._total:
            self._load_page(first)
            self._sections.setCurrentRow(self._section_row(first))

    def page_range(self) -> tuple[int, int, int]:
        """The reader's page: ordinals of its first and last passage + 1, and how many passages in all."""
        self._ensure_filled()
        return self._first, self._first + len(self._passages), self._total

    # -- building ---------------------------------------------------------------------------

    def _render(self) -> None:
        document = self._reader.document()
        document.setUndoRedoEnabled(False)  # nobody undoes a read-only page; recording it costs time
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one layout pass for the page, not one per inserted block
        self._passage_spans.clear()
        self._passage_blocks.clear()
        marked_id, highlight = self._marked
        citations = self._briefing.citation_counts([p.id for p in self._passages])
        section = None
        for passage in self._passages:
            tint = colour("reader_mark") if passage.id == marked_id else None
            if passage.section != section:  # the page's first passage names its section too
                self._insert_block(cursor, block_format(top=4 if section is None else 22, bottom=6))
                section = passage.section
                heading = section or QCoreApplication.translate("SourcesTab", "(无标题)")
                cursor.insertText(heading, char_format(colour("reader_heading"), bold=True, size_step=1))
            self._insert_block(cursor, block_format(top=8, bottom=2, line_height=150, tint=tint))
            first_block = cursor.blockNumber()
            cursor.insertText(f"§{passage.position}  ", char_format(colour("muted"), size_step=-1))
            start = cursor.position()
            cursor.insertText(passage.text, char_format())
            self._passage_spans[passage.id] = (start, cursor.position())
            self._insert_citations(cursor, passage, tint, citations.get(passage.id, 0))
            self._passage_blocks[passage.id] = (first_block, cursor.blockNumber())
        if marked_id and highlight and marked_id in self._passage_spans:
            self._highlight(marked_id, highlight)
        cursor.endEditBlock()
        self._reader.moveCursor(QTextCursor.MoveOperation.Start)

    def _format_passage(self, passage_id: str, marked: bool) -> None:
        """Tint (or untint) a passage on the page and its figures, and mark the highlight in it (or
        clear it): only these blocks change, so the rest of the page keeps its layout."""
        if passage_id not in self._passage_blocks:
            return
        document = self._reader.document()
        first, last = self._passage_blocks[passage_id]
        cursor = QTextCursor(document)
        for number in range(first, last + 1):
            cursor.setPosition(document.findBlockByNumber(number).position())
            fmt = cursor.blockFormat()
            if marked:
                fmt.setBackground(colour("reader_mark"))
            else:
                fmt.clearBackground()
            cursor.setBlockFormat(fmt)
        start, end = self._passage_spans[passage_id]
        if marked:
            if self._marked[1]:
                self._highlight(passage_id, self._marked[1])
        else:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(char_format())

    @staticmethod
    def _insert_block(cursor: QTextCursor, fmt: QTextBlockFormat) -> None:
        if cursor.position() == 0 and cursor.block().length() == 1:
            cursor.setBlockFormat(fmt)  # the document's first, still empty block
        else:
            cursor.insertBlock(fmt)

    def _insert_citations(self, cursor: QTextCursor, passage: Passage, tint: QColor | None, count: int) -> None:
        """The first CITATIONS_SHOWN figures citing the passage, and how many more there are."""
        shown = self._briefing.observations_citing(passage.id, CITATIONS_SHOWN) if count else ()
        block, text = block_format(left=28, tint=tint), char_format(colour("muted"), size_step=-1)
        prefix = QCoreApplication.translate("SourcesTab", "引用本段的数据:")
        for obs in shown:
            subject = self._briefing.subject(obs.subject_id)
            indicator = self._briefing.indicator(obs.indicator_id)
            parts = (
                local_name(subject) if subject else obs.subject_id,
                local_name(indicator) if indicator else obs.indicator_id,
                period_text(obs),
                value_text(obs),
            )
            cursor.insertBlock(block, text)
            cursor.insertText(prefix + " · ".join(p for p in parts if p))
        if count > len(shown):
            cursor.insertBlock(block, text)
            cursor.insertText(
                QCoreApplication.translate("SourcesTab", "… 另有 {n} 条数据引用本段").format(
                    n=f"{count - len(shown):,}"
                )
            )

    def _highlight(self, passage_id: str, highlight: str) -> None:
        start, end = self._passage_spans[passage_id]
        text = self._reader.document().toPlainText()[start:end]
        cursor = QTextCursor(self._reader.document())
        for span_start, span_end in find_spans(text, [highlight]):
            cursor.setPosition(start + span_start)
            cursor.setPosition(start + span_end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(highlight_format())

    # -- navigation -------------------------------------------------------------------------

    def _scroll_to_block(self, number: int, context: float) -> None:
        document = self._reader.document()
        block = document.findBlockByNumber(number)
        top = document.documentLayout().blockBoundingRect(block).top()
        viewport = self._reader.viewport().height()
        self._reader.verticalScrollBar().setValue(int(top - viewport * context))

    def _scroll_to_marked(self) -> None:
        self._scroll_pending = False
        blocks = self._passage_blocks.get(self._marked[0])
        if blocks is not None:
            self._scroll_to_block(blocks[0], 0.2)  # leave some of the preceding text in view

    def _on_section_clicked(self, item: QListWidgetItem) -> None:
        ordinal = int(item.data(Qt.ItemDataRole.UserRole))
        if not self._first <= ordinal < self._first + len(self._passages):
            self._load_page(self._page_of(ordinal))
        index = ordinal - self._first
        passage = self._passages[index] if 0 <= index < len(self._passages) else None
        if passage is not None:  # its heading is the block before it, unless it opens the page
            number = self._passage_blocks[passage.id][0]
            self._scroll_to_block(number - 1 if number else 0, 0.0)

    def _on_passage_requested(self, passage_id: str, highlight: str) -> None:
        self.show_passage(passage_id, highlight)


def _address_line(source: Source) -> str:
    """The address to copy, saying whether it is the publisher's own page or a copy of it."""
    if not source.url:
        return QCoreApplication.translate("SourcesTab", "(无网址)")
    if source.url_kind == "repost":
        return QCoreApplication.translate("SourcesTab", "转载页:") + source.url
    if source.url_kind == "mirror":
        return QCoreApplication.translate("SourcesTab", "镜像页:") + source.url
    return source.url
