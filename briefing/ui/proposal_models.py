"""Item models behind the proposals tab (speakers, proposals), their filter proxy, the card
delegate that draws their rows, and the escaped highlight markup the two readers share.

The models follow one pattern: ``COL_*`` constants in render order, ``set_rows()`` that resets
the model, ``SortRole`` for a native sort value and ``RecordRole`` for the backing record.
Filtering and ranking happen in :class:`RecordFilterProxy`, never in the models.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractProxyModel, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex,
    QRect, QRectF, QSize, Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.store.records import Delegate, Proposal, SearchHit
from briefing.store.search import find_spans
from briefing.store.text import cjk_runs, latin_words
from briefing.ui import themes
from briefing.ui.formatting import body_label

SortRole = Qt.ItemDataRole.UserRole
RecordRole = Qt.ItemDataRole.UserRole + 1

# One colour per body, so deputies, CPPCC members and officials never blur together on screen.
HIGHLIGHT_COLOUR = themes.LIGHT.search_highlight  # search matches in the light theme (the tests check it)


def body_colour(body: str) -> QColor:
    bodies = themes.current().bodies
    return QColor(bodies.get(body, bodies["official"]))


def highlight_style() -> str:
    """A search match in markup: dark text on yellow in either theme."""
    theme = themes.current()
    return f"background-color:{theme.search_highlight}; color:{theme.search_highlight_text}; font-weight:bold;"


def muted() -> str:
    return themes.current().muted

_BODY_ZH = {"npc_deputy": "全国人大代表", "cppcc_member": "全国政协委员"}
_Index = QModelIndex | QPersistentModelIndex


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


def short_titles(delegate: Delegate) -> str:
    """A speaker's titles without the body label they usually start with (shown separately)."""
    titles = delegate.titles.strip()
    if titles == delegate.name_zh:
        return ""  # officials are named by their post; saying it twice adds nothing
    # the stored titles are Chinese whatever the interface language, so strip the Chinese label too
    for prefix in (body_label(delegate.body), _BODY_ZH.get(delegate.body, "")):
        if prefix and titles.startswith(prefix):
            titles = titles[len(prefix):].lstrip(",,、 ")
    return titles


class _RecordTableModel(QAbstractTableModel):
    """Shared plumbing: rows of records, a reset on set_rows, nothing for a valid parent."""

    _HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def records(self) -> list:
        """Each row's record (RecordRole), in row order."""
        return list(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._HEADERS)):
            return QCoreApplication.translate(type(self).__name__, self._HEADERS[section])
        return None


class ProposalTableModel(_RecordTableModel):
    """One row per proposal: title, speaker (with body), topics."""

    COL_TITLE, COL_SPEAKER, COL_TOPICS = range(3)
    _HEADERS = (QT_TRANSLATE_NOOP("ProposalTableModel", "标题"), QT_TRANSLATE_NOOP("ProposalTableModel", "发言人"),
                QT_TRANSLATE_NOOP("ProposalTableModel", "主题"))  # translated lazily in headerData

    def set_rows(self, proposals: Sequence[Proposal], delegates: Iterable[Delegate]) -> None:
        by_id = {d.id: d for d in delegates}
        self.beginResetModel()
        self._rows = [(position, proposal, by_id.get(proposal.delegate_id))
                      for position, proposal in enumerate(proposals)]
        self.endResetModel()

    def records(self) -> list:
        return [proposal for _, proposal, _ in self._rows]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        position, proposal, speaker = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return proposal
        if role == SortRole:
            return position  # the article's order
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_TITLE:
                return proposal.title_zh
            if column == self.COL_SPEAKER:
                if speaker is None:
                    return proposal.delegate_id
                return f"{speaker.name_zh} · {body_label(speaker.body)}"
            if column == self.COL_TOPICS:
                return " · ".join(proposal.topics)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_SPEAKER and speaker is not None:
            return body_colour(speaker.body)
        return None


class SpeakerTableModel(_RecordTableModel):
    """The speakers, after a first "all speakers" row whose record is None."""

    COL_NAME, COL_BODY, COL_TITLES, COL_PROPOSALS = range(4)
    _HEADERS = (QT_TRANSLATE_NOOP("SpeakerTableModel", "发言人"), QT_TRANSLATE_NOOP("SpeakerTableModel", "身份"),
                QT_TRANSLATE_NOOP("SpeakerTableModel", "职务"), QT_TRANSLATE_NOOP("SpeakerTableModel", "建议数"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] = {}

    def set_rows(self, delegates: Sequence[Delegate], proposal_counts: dict[str, int]) -> None:
        self.beginResetModel()
        self._rows = [None, *delegates]
        self._counts = dict(proposal_counts)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        speaker: Delegate | None = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return speaker
        if role == SortRole:
            return index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(speaker, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_BODY and speaker is not None:
            return body_colour(speaker.body)
        return None

    def _text(self, speaker: Delegate | None, column: int, full: bool) -> str:
        if speaker is None:
            total = sum(self._counts.values())
            return {self.COL_NAME: QCoreApplication.translate("SpeakerTableModel", "全部发言人"),
                    self.COL_TITLES: QCoreApplication.translate("SpeakerTableModel", "不限发言人"),
                    self.COL_PROPOSALS: str(total)}.get(column, "")
        if column == self.COL_NAME:
            return speaker.name_zh
        if column == self.COL_BODY:
            return body_label(speaker.body)
        if column == self.COL_TITLES:
            return speaker.titles if full else short_titles(speaker)
        if column == self.COL_PROPOSALS:
            return str(self._counts.get(speaker.id, 0))
        return ""


class RecordFilterProxy(QAbstractProxyModel):
    """Filter rows by a predicate on their record, and order them by a rank (else in the model's order,
    which is SortRole order).

    A row whose record is None (the "all speakers" row) always passes and always comes first. The
    rows kept are worked out in one pass over the records, in Python, and Qt asks only about the
    rows it shows: a QSortFilterProxyModel called back into Python for every row and every
    comparison, which took seconds for 10,000 proposals.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._accepts: Callable[[object], bool] | None = None
        self._rank: Callable[[object], float] | None = None
        self._records: list = []  # the model's records, in its row order
        self._rows: list[int] = []  # the model rows shown, in order
        self._where: dict[int, int] = {}  # model row -> row here

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._on_source_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._refilter()
        self.endResetModel()

    def set_filter(self, accepts: Callable[[object], bool] | None,
                   rank: Callable[[object], float] | None = None) -> None:
        self.beginResetModel()
        self._accepts, self._rank = accepts, rank
        self._refilter()
        self.endResetModel()

    def record_row(self, wanted: Callable[[object], bool]) -> int:
        """The first row here whose record `wanted` accepts, or -1 (no Qt call per row)."""
        return next((row for row, source in enumerate(self._rows)
                     if self._records[source] is not None and wanted(self._records[source])), -1)

    def _on_source_reset(self) -> None:
        self._refilter()
        self.endResetModel()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        shown = [self._where[row] for row in range(top_left.row(), bottom_right.row() + 1) if row in self._where]
        if shown:
            self.dataChanged.emit(self.index(min(shown), top_left.column()),
                                  self.index(max(shown), bottom_right.column()), roles)

    def _refilter(self) -> None:
        model = self.sourceModel()
        if model is None:
            self._records, self._rows, self._where = [], [], {}
            return
        self._records = model.records() if hasattr(model, "records") else [
            model.index(row, 0).data(RecordRole) for row in range(model.rowCount())]
        accepts, rank, records = self._accepts, self._rank, self._records
        rows = [row for row, record in enumerate(records) if record is None or accepts is None or accepts(record)]
        if rank is not None:
            rows.sort(key=lambda row: (records[row] is not None, rank(records[row]) if records[row] is not None else 0))
        else:
            rows.sort(key=lambda row: records[row] is not None)  # stable: None first, then the model's order
        self._rows = rows
        self._where = {source: row for row, source in enumerate(rows)}

    # -- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: _Index | None = None):
        return super().parent() if index is None else QModelIndex()  # no argument: the QObject parent

    def sibling(self, row: int, column: int, index: _Index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and bool(self._rows)

    def mapToSource(self, index: _Index) -> QModelIndex:  # noqa: N802 (Qt override)
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return QModelIndex()
        return self.sourceModel().index(self._rows[index.row()], index.column())

    def mapFromSource(self, index: _Index) -> QModelIndex:  # noqa: N802 (Qt override)
        row = self._where.get(index.row()) if index.isValid() else None
        return QModelIndex() if row is None else self.createIndex(row, index.column())


def rank_proposals(hits: Iterable[SearchHit], proposals: Sequence[Proposal]) -> dict[str, int]:
    """Proposal id -> rank, in hit order: a proposal hit ranks itself, a speaker hit all their proposals."""
    by_speaker: dict[str, list[str]] = {}
    for proposal in proposals:
        by_speaker.setdefault(proposal.delegate_id, []).append(proposal.id)
    known = {p.id for p in proposals}
    ranking: dict[str, int] = {}
    for hit in hits:
        if hit.kind == "proposal" and hit.ref_id in known:
            ranking.setdefault(hit.ref_id, len(ranking))
        elif hit.kind == "delegate":
            for proposal_id in by_speaker.get(hit.ref_id, ()):
                ranking.setdefault(proposal_id, len(ranking))
    return ranking


def highlight_terms(query: str, hits: Iterable[SearchHit]) -> list[str]:
    """What to mark in a proposal's full text: the query's Chinese as typed, its Latin words, and the
    Chinese words the store matched for it (how 'manzhouli' comes to mark 满洲里)."""
    terms = set(cjk_runs(query)) | set(latin_words(query))
    found: set[str] = set()
    for hit in hits:
        found |= {hit.snippet[start:end].strip() for start, end in hit.spans}
        if not hit.spans and hit.kind in ("port", "place"):
            found |= set(cjk_runs(hit.title)[:1])  # matched by its English name: 'Erenhot' names 二连浩特
    terms |= _common_stems({word for word in found if cjk_runs(word) and not latin_words(word)})
    return sorted((t for t in terms if t), key=len, reverse=True)


def _common_stems(words: set[str]) -> set[str]:
    # A pinyin prefix matches long index words (满洲里市继续坚持, 满洲里地处中俄蒙三国交界); words that
    # share a first character are cut to their common prefix when it is still a word (2+ characters),
    # so the highlight marks 满洲里 rather than half a sentence.
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    stems: set[str] = set()
    for group in groups.values():
        stem = os.path.commonprefix(group)
        stems |= {stem} if len(group) > 1 and len(stem) >= 2 else set(group)
    return stems


# -- drawing the rows ---------------------------------------------------------------------------

class CardDelegate(QStyledItemDelegate):
    """Paints a row as a card: bold title, a coloured line (body), a grey line, a body-colour bar."""

    CACHED = 96  # laid-out cards kept (a screenful of both lists, and some): painting one laid it out again

    def __init__(self, view: QListView, columns: tuple[int, int, int], colour_column: int) -> None:
        super().__init__(view)
        self._view, self._columns, self._colour_column = view, columns, colour_column
        self.terms: list[str] = []
        self._documents: dict[tuple, QTextDocument] = {}
        self._heights: dict[tuple, int] = {}

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: float) -> QTextDocument:
        title, subtitle, detail = (index.siblingAtColumn(c).data() or "" for c in self._columns)
        colour = index.siblingAtColumn(self._colour_column).data(Qt.ItemDataRole.DecorationRole)
        tint = colour.name() if isinstance(colour, QColor) else muted()
        key = (title, subtitle, detail, tint, muted(), tuple(self.terms), option.font.key(), round(width))
        document = self._documents.pop(key, None)
        if document is None:
            document = self._lay_out(option, title, subtitle, detail, tint, width)
            if len(self._documents) >= self.CACHED:
                del self._documents[next(iter(self._documents))]  # the least recently used
        self._documents[key] = document
        return document

    def _lay_out(self, option: QStyleOptionViewItem, title: str, subtitle: str, detail: str, tint: str,
                 width: float) -> QTextDocument:
        markup = f"<div style='font-weight:bold'>{highlighted_markup(title, self.terms)}</div>"
        if subtitle:
            markup += f"<div style='color:{tint}'>{html.escape(subtitle)}</div>"
        if detail:
            markup += f"<div style='color:{muted()}'>{highlighted_markup(detail, self.terms)}</div>"
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(10)
        document.setHtml(markup)
        document.setTextWidth(max(width - 8, 40))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """The card's height from font metrics, as the laid-out card will have it: a list asks this of
        every row (10,000 in a large briefing), so no text document is made for it."""
        width = self._view.viewport().width()
        texts = tuple(index.siblingAtColumn(c).data() or "" for c in self._columns)
        key = (texts, option.font.key(), width, bool(self.terms))
        height = self._heights.get(key)
        if height is None:
            inner = int(max(width - 8, 40) - 2 * 10)  # the document's margins
            bold = QFont(option.font)
            bold.setBold(True)
            wrap = int(Qt.TextFlag.TextWordWrap)
            # a highlighted word is bold, and may wrap the detail line sooner: measure it bold then
            fonts = (bold, option.font, bold if self.terms else option.font)
            height = 20 + sum(QFontMetrics(font).boundingRect(QRect(0, 0, inner, 1 << 20), wrap, text).height()
                              for font, text in zip(fonts, texts) if text)
            if len(self._heights) > 20000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(themes.current().list_selected))
        colour = index.siblingAtColumn(self._colour_column).data(Qt.ItemDataRole.DecorationRole)
        rule = QColor(themes.current().list_rule)
        bar = colour if isinstance(colour, QColor) else rule
        painter.fillRect(rect.x(), rect.y() + 6, 5, rect.height() - 12, bar)
        painter.fillRect(rect.x(), rect.bottom(), rect.width(), 1, rule)
        document = self._document(option, index, rect.width())
        painter.translate(rect.x() + 8, rect.y())
        document.drawContents(painter, QRectF(0, 0, rect.width() - 8, rect.height()))
        painter.restore()


class _CardList(QListView):
    """A list whose cards re-wrap when it gets narrower or wider (Adjust mode only reacts to height)."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


def card_list(model, proxy: RecordFilterProxy, columns: tuple[int, int, int], colour_column: int) -> QListView:
    """A list view of `proxy` over `model`, drawing each row as a card from three of its columns."""
    proxy.setSourceModel(model)
    view = _CardList()
    view.setModel(proxy)
    view.setItemDelegate(CardDelegate(view, columns, colour_column))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view
