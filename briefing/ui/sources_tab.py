"""The sources tab: the article's passages in reading order under their section headings, the
figures that cite each passage, and every other source; jumps to and marks a requested passage.

The reader is built with QTextCursor and plain insertText, so database text is never parsed as
HTML, and the document positions of every passage are known for marking and scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextOption,
)
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from briefing.store.records import Passage, Source
from briefing.store.search import find_spans
from briefing.ui import themes
from briefing.ui.formatting import value_text
from briefing.ui.i18n import local_name
from briefing.ui.selection import Selection



def _colour(name: str) -> QColor:
    """A colour of the current theme; the reader's text is rebuilt when the theme changes."""
    return QColor(getattr(themes.current(), name))



def _char_format(colour: QColor | None = None, bold: bool = False, size_step: int = 0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if colour is not None:
        fmt.setForeground(colour)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if size_step:
        # relative to the document's font, so the presentation scale keeps applying
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, size_step)
    return fmt


def _block_format(top: float = 0, bottom: float = 0, left: float = 0, line_height: int = 100,
                  tint: QColor | None = None) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(left)
    if line_height != 100:
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if tint is not None:
        fmt.setBackground(tint)
    return fmt


def highlight_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(_colour("search_highlight"))
    fmt.setForeground(_colour("search_highlight_text"))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _read_only_browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    browser.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs wrap too
    return browser


class SourcesTab(QWidget):
    """Article metadata on top; sections | the article | other sources, side by side."""

    def __init__(self, briefing, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._briefing = briefing
        self._selection = selection
        self._passages: tuple[Passage, ...] = ()
        self._passage_spans: dict[str, tuple[int, int]] = {}  # id -> document range of its text
        self._passage_blocks: dict[str, int] = {}
        self._section_blocks: list[int] = []
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
        themes.muted(self._note)
        self._sections = QListWidget()
        self._sections.setWordWrap(True)
        self._sections.setSpacing(2)
        self._sections.itemClicked.connect(self._on_section_clicked)
        self._reader = _read_only_browser()
        self._others = _read_only_browser()
        self._headings = [QLabel(), QLabel(), QLabel()]
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for heading, body in zip(self._headings, (self._sections, self._reader, self._others)):
            pane = QWidget()
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(heading)
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
        passages = briefing.passages()
        article = self._main_source(briefing, passages)
        self._passages = tuple(p for p in passages if article is None or p.source_id == article.id)
        self._show_metadata(article)
        self._show_other_sources([s for s in briefing.sources if article is None or s.id != article.id])
        self._render()
        self._sections.clear()
        for number, section in zip(self._section_blocks, dict.fromkeys(p.section for p in self._passages)):
            item = QListWidgetItem(section or QCoreApplication.translate("SourcesTab", "(无标题)"))
            item.setData(Qt.ItemDataRole.UserRole, number)
            self._sections.addItem(item)

    def show_passage(self, passage_id: str, highlight: str = "") -> None:
        """Mark a passage, highlight `highlight` inside it, and bring it into view."""
        self._ensure_filled()
        if passage_id not in self._passage_spans:
            return
        self._marked = (passage_id, highlight)
        self._render()
        section = next((p.section for p in self._passages if p.id == passage_id), None)
        sections = list(dict.fromkeys(p.section for p in self._passages))
        if section in sections:
            self._sections.setCurrentRow(sections.index(section))
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
        parts = [source.publisher, source.published] + ([source.url] if source.url else [])
        self._byline.setText(" · ".join(p for p in parts if p))
        self._note.setText(QCoreApplication.translate("SourcesTab", "说明:") + source.note if source.note else "")
        self._note.setVisible(bool(source.note))

    def _show_other_sources(self, sources: list[Source]) -> None:
        self._headings[2].setText(QCoreApplication.translate("SourcesTab", "其他来源({0})").format(len(sources)))
        document = self._others.document()
        document.clear()
        cursor = QTextCursor(document)
        for number, source in enumerate(sources):
            if number:
                cursor.insertBlock(_block_format(top=10))
            cursor.insertText(source.title, _char_format())
            details = " · ".join(p for p in (source.publisher, source.published) if p)
            for line in filter(None, (details, source.url or QCoreApplication.translate("SourcesTab", "(无网址)"))):
                cursor.insertBlock(_block_format(left=14), _char_format(_colour("muted"), size_step=-1))
                cursor.insertText(line)
        self._others.moveCursor(QTextCursor.MoveOperation.Start)

    def _render(self) -> None:
        document = self._reader.document()
        document.clear()
        cursor = QTextCursor(document)
        self._passage_spans.clear()
        self._passage_blocks.clear()
        self._section_blocks = []
        marked_id, highlight = self._marked
        section = None
        for passage in self._passages:
            tint = _colour("reader_mark") if passage.id == marked_id else None
            if passage.section != section:
                section = passage.section
                self._insert_block(cursor, _block_format(top=22 if self._section_blocks else 4, bottom=6))
                self._section_blocks.append(cursor.blockNumber())
                heading = section or QCoreApplication.translate("SourcesTab", "(无标题)")
                cursor.insertText(heading, _char_format(_colour("reader_heading"), bold=True, size_step=1))
            self._insert_block(cursor, _block_format(top=8, bottom=2, line_height=150, tint=tint))
            self._passage_blocks[passage.id] = cursor.blockNumber()
            cursor.insertText(f"§{passage.position}  ", _char_format(_colour("muted"), size_step=-1))
            start = cursor.position()
            cursor.insertText(passage.text, _char_format())
            self._passage_spans[passage.id] = (start, cursor.position())
            self._insert_citations(cursor, passage, tint)
        if marked_id and highlight and marked_id in self._passage_spans:
            self._highlight(marked_id, highlight)
        self._reader.moveCursor(QTextCursor.MoveOperation.Start)

    @staticmethod
    def _insert_block(cursor: QTextCursor, fmt: QTextBlockFormat) -> None:
        if cursor.position() == 0 and cursor.block().length() == 1:
            cursor.setBlockFormat(fmt)  # the document's first, still empty block
        else:
            cursor.insertBlock(fmt)

    def _insert_citations(self, cursor: QTextCursor, passage: Passage, tint: QColor | None) -> None:
        for obs in self._briefing.observations_citing(passage.id):
            subject = self._briefing.subject(obs.subject_id)
            indicator = self._briefing.indicator(obs.indicator_id)
            parts = (local_name(subject) if subject else obs.subject_id,
                     local_name(indicator) if indicator else obs.indicator_id, obs.period_zh or obs.period,
                     value_text(obs))
            cursor.insertBlock(_block_format(left=28, tint=tint), _char_format(_colour("muted"), size_step=-1))
            prefix = QCoreApplication.translate("SourcesTab", "引用本段的数据:")
            cursor.insertText(prefix + " · ".join(p for p in parts if p))

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
        number = self._passage_blocks.get(self._marked[0])
        if number is not None:
            self._scroll_to_block(number, 0.2)  # leave some of the preceding text in view

    def _on_section_clicked(self, item: QListWidgetItem) -> None:
        self._scroll_to_block(int(item.data(Qt.ItemDataRole.UserRole)), 0.0)

    def _on_passage_requested(self, passage_id: str, highlight: str) -> None:
        self.show_passage(passage_id, highlight)
