"""The port roster as a Qt table model, and the proxy that filters and sorts it for the ports tab."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from briefing.drawing import i18n
from briefing.drawing.formatting import country_label, mode_label, precision_label
from briefing.store.records import MODES, PRECISIONS, Port
from briefing.ui.common.plain_text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex


class PortTableModel(QAbstractTableModel):
    """One row per port, in roster order; the proxy does the sorting and filtering."""

    COL_NAME, COL_ENGLISH, COL_MODE, COL_COUNTRY, COL_COUNTERPART, COL_LEAGUE, COL_PRECISION = range(7)
    COLUMN_COUNT = 7

    SortRole = Qt.ItemDataRole.UserRole + 1
    PortIdRole = Qt.ItemDataRole.UserRole + 2
    PortRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ports: tuple[Port, ...] = ()
        self._league_names: dict[str, str] = {}

    def set_ports(self, ports, league_names: dict[str, str] | None = None) -> None:
        """`league_names`: a league's Chinese name -> its English name (from the map outlines)."""
        self.beginResetModel()
        self._ports = tuple(ports)
        self._league_names = dict(league_names or {})
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and labels are looked up when shown; tell the views to show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._ports:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ports) - 1, self.COLUMN_COUNT - 1))

    def port_at(self, row: int) -> Port | None:
        return self._ports[row] if 0 <= row < len(self._ports) else None

    def row_of(self, port_id: str) -> int:
        return next((row for row, port in enumerate(self._ports) if port.id == port_id), -1)

    # -- Qt overrides -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._ports)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 (Qt override)
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < self.COLUMN_COUNT:
            return self._headers()[section]  # looked up now, so a language change shows at once
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ports)):
            return None
        port, column = self._ports[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(port, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # escaped: Qt would read markup in a name as HTML
            return plain_tooltip(self._display(port, column))
        if role == self.SortRole:
            return self._sort_value(port, column, index.row())
        if role == self.PortIdRole:
            return port.id
        if role == self.PortRole:
            return port
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- helpers ----------------------------------------------------------------------------

    @staticmethod
    def _headers() -> tuple[str, ...]:
        # The second column holds the name in the other language: English beside Chinese, and back.
        other = (
            QCoreApplication.translate("PortTableModel", "中文名")
            if i18n.is_english()
            else QCoreApplication.translate("PortTableModel", "英文名")
        )
        return (
            QCoreApplication.translate("PortTableModel", "口岸"),
            other,
            QCoreApplication.translate("PortTableModel", "方式"),
            QCoreApplication.translate("PortTableModel", "邻国"),
            QCoreApplication.translate("PortTableModel", "对方口岸"),
            QCoreApplication.translate("PortTableModel", "盟市"),
            QCoreApplication.translate("PortTableModel", "坐标"),
        )

    def league_name(self, port: Port) -> str:
        """The port's league or city; in English where the map's outline of it has an English name."""
        if i18n.is_english():
            return port.league_city_en or self._league_names.get(port.league_city, "") or port.league_city
        return port.league_city

    def _display(self, port: Port, column: int) -> str:
        name = i18n.local_name(port)
        return {
            self.COL_NAME: name,
            self.COL_ENGLISH: port.name_zh if name != port.name_zh else port.name_en,
            self.COL_MODE: mode_label(port.mode),
            self.COL_COUNTRY: country_label(port.country),
            self.COL_COUNTERPART: i18n.in_language(port.counterpart, port.counterpart_en) or "—",
            self.COL_LEAGUE: self.league_name(port),
            self.COL_PRECISION: precision_label(port.coord_precision),
        }.get(column, "")

    def _sort_value(self, port: Port, column: int, row: int):
        # Ordinal columns sort in their natural order (rail, road, air; exact before approximate);
        # ties keep the roster order, which the proxy reads from the row.
        if column == self.COL_MODE:
            return MODES.index(port.mode) if port.mode in MODES else len(MODES)
        if column == self.COL_PRECISION:
            return PRECISIONS.index(port.coord_precision) if port.coord_precision in PRECISIONS else len(PRECISIONS)
        if column == self.COL_COUNTRY:
            return country_label(port.country) if port.country else "\uffff"  # airports last
        return self._display(port, column)


class PortFilterProxy(QSortFilterProxyModel):
    """Filters by mode, neighbouring country and free text; sorts by the model's SortRole."""

    NO_COUNTRY = "-"  # set_country(NO_COUNTRY) keeps the ports without a neighbour: the airports

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._mode = ""
        self._country = ""
        self._text = ""
        self._collator = QCollator(QLocale("zh_CN"))
        self._collator.setNumericMode(True)
        self.setSortRole(PortTableModel.SortRole)

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def country(self) -> str:
        return self._country

    @property
    def text(self) -> str:
        return self._text

    def set_mode(self, mode: str) -> None:
        self._set_filter("_mode", mode or "")

    def set_country(self, country: str) -> None:
        self._set_filter("_country", country or "")

    def set_text(self, text: str) -> None:
        self._set_filter("_text", (text or "").strip().casefold())

    def _set_filter(self, name: str, value: str) -> None:
        if getattr(self, name) == value:
            return
        setattr(self, name, value)
        self.invalidateRowsFilter()  # (deprecated from Qt 6.10 for begin/endFilterChange; we ship 6.9)

    def port_id_at(self, row: int) -> str:
        index = self.index(row, 0)
        return index.data(PortTableModel.PortIdRole) if index.isValid() else ""

    def row_of(self, port_id: str) -> int:
        return next((row for row in range(self.rowCount()) if self.port_id_at(row) == port_id), -1)

    def visible_port_ids(self) -> set[str]:
        return {self.port_id_at(row) for row in range(self.rowCount())}

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        port = model.port_at(source_row) if isinstance(model, PortTableModel) else None
        if port is None:
            return False
        if self._mode and port.mode != self._mode:
            return False
        if self._country == self.NO_COUNTRY:
            if port.country:
                return False
        elif self._country and port.country != self._country:
            return False
        if self._text:
            haystack = " ".join((port.name_zh, port.name_en, port.counterpart, port.counterpart_en)).casefold()
            return self._text in haystack
        return True

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802 (Qt override)
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if isinstance(a, str) and isinstance(b, str):
            order = self._collator.compare(a, b)  # Chinese in pinyin order, as readers expect
            return order < 0 if order else left.row() < right.row()
        if a == b or a is None or b is None:
            return left.row() < right.row()
        return a < b
