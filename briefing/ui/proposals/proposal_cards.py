"""How the proposals tab draws its lists and marks search matches: escaped markup with highlights,
the card delegate (laid-out cards kept, heights from font metrics), and the list view of cards.

A card is what a model gives for ``CardRole`` (title, subtitle, detail, colour or None), read through
the proxy, which keeps it: a list asks for it at every layout and paint of every card.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.drawing import themes
from briefing.store.search import find_spans
from briefing.ui.proposals.proposal_models import RecordFilterProxy


def highlight_style() -> str:
    """A search match in markup: dark text on yellow in either theme."""
    theme = themes.current()
    return f"background-color:{theme.search_highlight}; color:{theme.search_highlight_text}; font-weight:bold;"


def muted() -> str:
    return themes.current().muted


def escape_with_highlights(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Database text as safe markup: everything escaped, the given ranges wrapped in a highlight span."""
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        parts.append(html.escape(text[cursor:start]))
        parts.append(f'<span style="{highlight_style()}">{html.escape(text[start:end])}</span>')
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


def highlighted_markup(text: str, terms: Sequence[str]) -> str:
    """Escape `text` and highlight every occurrence of any term (case-insensitive)."""
    return escape_with_highlights(text, find_spans(text, list(terms)) if terms else ())


def _marks(card: tuple, terms: Sequence[str]) -> tuple:
    """Where a card's title and detail lines are marked for these terms."""
    if not terms:
        return (), ()
    return tuple(find_spans(card[0], list(terms))), tuple(find_spans(card[2], list(terms)))


class CardDelegate(QStyledItemDelegate):
    """Paints a row as a card: bold title, a line in the card's ink (speaker, body), a grey line, an ink bar."""

    CACHED = 96  # laid-out cards kept (a screenful of both lists, and some): painting one laid it out again

    def __init__(self, view: QListView, proxy: RecordFilterProxy) -> None:
        super().__init__(view)
        self._view, self._proxy = view, proxy
        self._terms: tuple[str, ...] = ()
        self._documents: dict[tuple, QTextDocument] = {}
        self._heights: dict[tuple, int] = {}
        self._line_heights: dict[tuple, int] = {}

    @property
    def terms(self) -> tuple[str, ...]:
        return self._terms

    def set_terms(self, terms: Sequence[str]) -> None:
        """Mark these terms from now on, repainting the cards in view whose marks change (a list of
        speakers mostly keeps its marks from one keystroke to the next). Going from no terms to some,
        or back, lays the list out again: a marked detail line is measured bold, and may wrap sooner."""
        old, new = self._terms, tuple(terms)
        if old == new:
            return
        self._terms = new
        view = self._view
        if bool(old) != bool(new):
            view.doItemsLayout()  # now, so the coming paint draws it (a delayed layout painted twice)
            view.viewport().update()
            return
        for index in _indexes_in_view(view):
            card = self._proxy.card(index.row())
            if card is not None and _marks(card, old) != _marks(card, new):
                view.update(index)

    def _document(self, option: QStyleOptionViewItem, card: tuple, width: float) -> QTextDocument:
        title, subtitle, detail, colour = card
        tint = colour.name() if isinstance(colour, QColor) else muted()
        marks = _marks(card, self._terms)
        # keyed by the marks, not the terms: a card whose marks stay the same is not laid out again
        key = (
            title,
            subtitle,
            detail,
            tint,
            muted(),
            themes.current().search_highlight,
            marks,
            option.font.key(),  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
            round(width),
        )
        document = self._documents.pop(key, None)
        if document is None:
            document = self._lay_out(option, card, tint, marks, width)
            if len(self._documents) >= self.CACHED:
                del self._documents[next(iter(self._documents))]  # the least recently used
        self._documents[key] = document
        return document

    @staticmethod
    def _lay_out(option: QStyleOptionViewItem, card: tuple, tint: str, marks: tuple, width: float) -> QTextDocument:
        title, subtitle, detail, _colour = card
        markup = f"<div style='font-weight:bold'>{escape_with_highlights(title, marks[0])}</div>"
        if subtitle:
            markup += f"<div style='color:{tint}'>{html.escape(subtitle)}</div>"
        if detail:
            markup += f"<div style='color:{muted()}'>{escape_with_highlights(detail, marks[1])}</div>"
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
        document.setDocumentMargin(10)
        document.setHtml(markup)
        document.setTextWidth(max(width - 8, 40))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 (Qt override)
        """The card's height from font metrics, as the laid-out card will have it: a list asks this of
        every row it holds, so no text document is made for it."""
        width = self._view.viewport().width()
        card = self._proxy.card(index.row())
        texts = tuple(card[:3]) if card is not None else ("", "", "")
        font_key = option.font.key()  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
        key = (texts, font_key, width, bool(self._terms))
        height = self._heights.get(key)
        if height is None:
            inner = int(max(width - 8, 40) - 2 * 10)  # the document's margins
            # a highlighted word is bold, and may wrap the detail line sooner: measure it bold then
            bolds = (True, False, bool(self._terms))
            font: QFont = option.font  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
            lines = [self._line_height(font, font_key, bold, inner, text) for bold, text in zip(bolds, texts) if text]
            height = 20 + sum(lines)
            if len(self._heights) > 20000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height + 2)

    def _line_height(self, font: QFont, font_key: str, bold: bool, inner: int, text: str) -> int:
        """One line's wrapped height, kept per line: marks appearing re-measure only the detail lines."""
        key = (text, font_key, bold, inner)
        height = self._line_heights.get(key)
        if height is None:
            if bold:
                font = QFont(font)
                font.setBold(True)
            height = (
                QFontMetrics(font)
                .boundingRect(QRect(0, 0, inner, 1 << 20), int(Qt.TextFlag.TextWordWrap), text)
                .height()
            )
            if len(self._line_heights) > 60000:
                self._line_heights.clear()
            self._line_heights[key] = height
        return height

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card = self._proxy.card(index.row())
        if card is None:
            return
        rect = option.rect  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]  # PySide6 6.9's stubs omit the option's fields
            painter.fillRect(rect, QColor(themes.current().list_selected))
        rule = QColor(themes.current().list_rule)
        bar = card[3] if isinstance(card[3], QColor) else rule
        painter.fillRect(rect.x(), rect.y() + 6, 5, rect.height() - 12, bar)
        painter.fillRect(rect.x(), rect.bottom(), rect.width(), 1, rule)
        document = self._document(option, card, rect.width())
        painter.translate(rect.x() + 8, rect.y())
        document.drawContents(painter, QRectF(0, 0, rect.width() - 8, rect.height()))
        painter.restore()


def _indexes_in_view(view: QListView) -> list[QModelIndex]:
    """The rows the viewport shows, top to bottom (found at its two edges, not measured row by row)."""
    model = view.model()
    top = view.indexAt(QPoint(1, 1))
    if not top.isValid():
        return []
    bottom = view.indexAt(QPoint(1, view.viewport().height() - 2))
    last = bottom.row() if bottom.isValid() else model.rowCount() - 1
    return [model.index(row, 0) for row in range(top.row(), last + 1)]


class CardList(QListView):
    """A list of cards that re-wrap when it gets narrower or wider (Adjust mode only reacts to height).
    Its model hands rows over a page at a time; End fetches the rest and goes to the very last."""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def cards(self) -> CardDelegate:
        """The delegate that draws the cards (set by `card_list`)."""
        delegate = self.itemDelegate()
        assert isinstance(delegate, CardDelegate)
        return delegate

    def rows(self) -> RecordFilterProxy:
        """The filtered rows the list shows (set by `card_list`)."""
        proxy = self.model()
        assert isinstance(proxy, RecordFilterProxy)
        return proxy

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers) -> QModelIndex:  # noqa: N802
        model = self.model()
        if action == QAbstractItemView.CursorAction.MoveEnd and isinstance(model, RecordFilterProxy):
            model.fetch_through(model.total() - 1)
        return super().moveCursor(action, modifiers)


def card_list(model, proxy: RecordFilterProxy) -> CardList:
    """A list view of `proxy` over `model`, drawing each row as a card."""
    proxy.setSourceModel(model)
    view = CardList()
    view.setModel(proxy)
    view.setItemDelegate(CardDelegate(view, proxy))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view
