"""Item models behind the proposals tab (speakers, proposals) and their filter proxy.

The models follow one pattern: ``COL_*`` constants in render order, ``set_rows()`` that resets
the model, ``SortRole`` for a native sort value, ``RecordRole`` for the backing record and
``CardRole`` for what a card shows. Filtering and ranking happen in :class:`RecordFilterProxy`
(with ``proposal_search`` choosing the rows), never in the models; ``proposal_cards`` draws them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from briefing.drawing import themes
from briefing.drawing.formatting import body_label, proposal_title
from briefing.drawing.i18n import QT_TRANSLATE_NOOP
from briefing.store.records import Delegate, Proposal
from briefing.ui.common.plain_text import plain_tooltip

SortRole = Qt.ItemDataRole.UserRole
RecordRole = Qt.ItemDataRole.UserRole + 1
CardRole = Qt.ItemDataRole.UserRole + 2  # (title, subtitle, detail, colour or None): one call per card

HIGHLIGHT_COLOUR = themes.LIGHT.search_highlight  # search matches in the light theme (the tests check it)


_LEADING_SEPARATORS = re.compile(r"^[,,、 ]+")  # what joins a body to the titles after it


def speaker_ink() -> QColor:
    """The colour of a speaker's line and card bar, whatever their body: plain ink, for a colour means
    a kind of figure everywhere else; the body is said in words ("全国人大代表")."""
    return QColor(themes.current().text)


_BODY_ZH = {"npc_deputy": "全国人大代表", "cppcc_member": "全国政协委员"}
_Index = QModelIndex | QPersistentModelIndex


def short_titles(delegate: Delegate) -> str:
    """A speaker's titles without the body label they usually start with (shown separately)."""
    titles = delegate.titles.strip()
    if titles == delegate.name_zh:
        return ""  # officials are named by their post; saying it twice adds nothing
    # the stored titles are Chinese whatever the interface language, so strip the Chinese label too
    for prefix in (body_label(delegate.body), _BODY_ZH.get(delegate.body, "")):
        if prefix and titles.startswith(prefix):
            titles = _LEADING_SEPARATORS.sub("", titles[len(prefix) :])
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
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._HEADERS)
        ):
            return QCoreApplication.translate(type(self).__name__, self._HEADERS[section])
        return None


class ProposalTableModel(_RecordTableModel):
    """One row per proposal: title, speaker (with body), topics."""

    COL_TITLE, COL_SPEAKER, COL_TOPICS = range(3)
    _HEADERS = (
        QT_TRANSLATE_NOOP("ProposalTableModel", "标题"),
        QT_TRANSLATE_NOOP("ProposalTableModel", "发言人"),
        QT_TRANSLATE_NOOP("ProposalTableModel", "主题"),
    )  # translated lazily in headerData

    def set_rows(self, proposals: Sequence[Proposal], delegates: Iterable[Delegate]) -> None:
        by_id = {d.id: d for d in delegates}
        self.beginResetModel()
        self._rows = [
            (position, proposal, by_id.get(proposal.delegate_id)) for position, proposal in enumerate(proposals)
        ]
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
        if role == CardRole:
            colour = speaker_ink() if speaker is not None else None
            return (
                proposal_title(proposal),
                self._speaker_text(proposal, speaker),
                " · ".join(proposal.topics),
                colour,
            )
        if role == SortRole:
            return position  # the article's order
        if role == Qt.ItemDataRole.ToolTipRole:  # escaped: Qt would read markup in a title as HTML
            return plain_tooltip(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TITLE:
                return proposal_title(proposal)
            if column == self.COL_SPEAKER:
                return self._speaker_text(proposal, speaker)
            if column == self.COL_TOPICS:
                return " · ".join(proposal.topics)
        return None

    @staticmethod
    def _speaker_text(proposal: Proposal, speaker: Delegate | None) -> str:
        return proposal.delegate_id if speaker is None else f"{speaker.name_zh} · {body_label(speaker.body)}"


class SpeakerTableModel(_RecordTableModel):
    """The speakers, after a first "all speakers" row whose record is None."""

    COL_NAME, COL_BODY, COL_TITLES, COL_PROPOSALS = range(4)
    _HEADERS = (
        QT_TRANSLATE_NOOP("SpeakerTableModel", "发言人"),
        QT_TRANSLATE_NOOP("SpeakerTableModel", "身份"),
        QT_TRANSLATE_NOOP("SpeakerTableModel", "职务"),
        QT_TRANSLATE_NOOP("SpeakerTableModel", "建议数"),
    )

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
        if role == CardRole:
            return (
                self._text(speaker, self.COL_NAME, False),
                self._text(speaker, self.COL_BODY, False),
                self._text(speaker, self.COL_TITLES, False),
                speaker_ink() if speaker else None,
            )
        if role == SortRole:
            return index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(speaker, column, False)
        if role == Qt.ItemDataRole.ToolTipRole:  # escaped: Qt would read markup in titles as HTML
            return plain_tooltip(self._text(speaker, column, True))
        return None

    def _text(self, speaker: Delegate | None, column: int, full: bool) -> str:
        if speaker is None:
            total = sum(self._counts.values())
            return {
                self.COL_NAME: QCoreApplication.translate("SpeakerTableModel", "全部发言人"),
                self.COL_TITLES: QCoreApplication.translate("SpeakerTableModel", "不限发言人"),
                self.COL_PROPOSALS: str(total),
            }.get(column, "")
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
    """Chosen rows of its model in a chosen order, handed to the view a page at a time.

    The rows come from `set_rows()` (model rows, in order) or `set_filter()` (a predicate on each
    record and a rank; a row whose record is None, the "all speakers" row, always passes and comes
    first). Either way they are worked out in Python in one pass, and Qt asks only about the rows
    it shows: a QSortFilterProxyModel called back into Python for every row and every comparison.
    A view lays out every row it is given, so it gets PAGE rows, and more (canFetchMore/fetchMore)
    as it scrolls to the end of them: a search listing 10,000 proposals laid out 10,000 cards.
    """

    PAGE = 60  # more than a tall screen shows at once: the view asks for more itself when it shows the last

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._accepts: Callable[[object], bool] | None = None
        self._rank: Callable[[object], float] | None = None
        self._rows: list[int] = []  # the model rows shown, in order, fetched or not
        self._fetched = 0  # how many of them the view has been given
        self._where: dict[int, int] | None = None  # model row -> row here, made when first asked
        self._cards: dict[int, tuple] = {}  # model row -> its CardRole, kept until the model changes
        self._fetching = False

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._on_source_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._show(self._filtered())
        self.endResetModel()

    def set_filter(
        self, accepts: Callable[[object], bool] | None, rank: Callable[[object], float] | None = None
    ) -> None:
        self._accepts, self._rank = accepts, rank
        self.set_rows(self._filtered())

    def set_rows(self, rows: Iterable[int], afresh: bool = False) -> bool:
        """Show these model rows, in this order; False when they are the rows shown already (then the
        view keeps its layout, and repaints only what else changed: typing on often finds the same),
        unless `afresh`."""
        rows = list(rows)
        if rows == self._rows and not afresh:
            return False
        self.beginResetModel()
        self._show(rows)
        self.endResetModel()
        return True

    def total(self) -> int:
        """How many rows are shown, fetched or not."""
        return len(self._rows)

    def records(self) -> list:
        """The record of every row shown, fetched or not, in order."""
        records = self._records()
        return [records[row] for row in self._rows]

    def row_of(self, source_row: int) -> int:
        """The row here of a model row, fetching the rows up to it; -1 if it is not shown."""
        row = self._positions().get(source_row, -1)
        self.fetch_through(row)
        return row

    def card(self, row: int) -> tuple | None:
        """What CardRole gives for a row here: asked at every layout and paint of every card shown, so
        kept (until the model changes, or forget_cards() for a new theme or language)."""
        if not 0 <= row < self._fetched:
            return None
        source = self._rows[row]
        card = self._cards.get(source)
        if card is None:
            model = self.sourceModel()
            card = self._cards[source] = model.data(model.index(source, 0), CardRole)
        return card

    def forget_cards(self) -> None:
        self._cards.clear()

    def fetch_through(self, row: int) -> None:
        """Hand the view every row up to `row` now (to select it, or to go to the end)."""
        end = min(row + 1, len(self._rows))
        if end > self._fetched and not self._fetching:  # not again from a slot told of this insertion
            self._fetching = True
            try:
                self.beginInsertRows(QModelIndex(), self._fetched, end - 1)
                self._fetched = end
                self.endInsertRows()
            finally:
                self._fetching = False

    def _positions(self) -> dict[int, int]:
        """Model row -> row here, made when first asked after the rows change."""
        if self._where is None:
            self._where = {source: row for row, source in enumerate(self._rows)}
        return self._where

    def _show(self, rows: list[int]) -> None:
        self._rows, self._where = rows, None
        self._fetched = min(self.PAGE, len(rows))

    def _records(self) -> list:
        model = self.sourceModel()
        if model is None:
            return []
        return (
            model.records()
            if hasattr(model, "records")
            else [model.index(row, 0).data(RecordRole) for row in range(model.rowCount())]
        )

    def _filtered(self) -> list[int]:
        accepts, rank, records = self._accepts, self._rank, self._records()
        rows = [row for row, record in enumerate(records) if record is None or accepts is None or accepts(record)]
        if rank is not None:
            rows.sort(key=lambda row: (records[row] is not None, rank(records[row]) if records[row] is not None else 0))
        else:
            rows.sort(key=lambda row: records[row] is not None)  # stable: None first, then the model's order
        return rows

    def _on_source_reset(self) -> None:
        self._cards.clear()
        self._show(self._filtered())  # rows set by number belonged to the old records: start from all
        self.endResetModel()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        self._cards.clear()
        where = self._positions()
        shown = [
            where[row]
            for row in range(top_left.row(), bottom_right.row() + 1)
            if where.get(row, self._fetched) < self._fetched
        ]
        if shown:
            self.dataChanged.emit(
                self.index(min(shown), top_left.column()), self.index(max(shown), bottom_right.column()), roles
            )

    # -- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and self._fetched < len(self._rows)

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802 (Qt override)
        if not parent.isValid():
            self.fetch_through(self._fetched + self.PAGE - 1)

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < self._fetched and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: _Index | None = None):
        return super().parent() if index is None else QModelIndex()  # no argument: the QObject parent

    def sibling(self, row: int, column: int, index: _Index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and self._fetched > 0

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # asked for every card painted and measured: straight to the model, not through mapToSource
        if not index.isValid() or not 0 <= index.row() < self._fetched:
            return None
        if role == CardRole:
            return self.card(index.row())
        model = self.sourceModel()
        return model.data(model.index(self._rows[index.row()], index.column()), role)

    def mapToSource(self, index: _Index) -> QModelIndex:  # noqa: N802 (Qt override)
        if not index.isValid() or not 0 <= index.row() < self._fetched:
            return QModelIndex()
        return self.sourceModel().index(self._rows[index.row()], index.column())

    def mapFromSource(self, index: _Index) -> QModelIndex:  # noqa: N802 (Qt override)
        if not index.isValid():
            return QModelIndex()
        row = self._positions().get(index.row(), self._fetched)
        return self.createIndex(row, index.column()) if row < self._fetched else QModelIndex()
