"""The ports tab: the map beside a filterable roster table and the selected port's details."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.drawing.formatting import country_label, mode_label
from briefing.store.records import MODES
from briefing.ui.common import theme_widgets
from briefing.ui.ports.map_keeper import MapKeeper
from briefing.ui.ports.map_view import PortMap
from briefing.ui.ports.port_details import PortDetails
from briefing.ui.ports.port_models import PortFilterProxy, PortTableModel

NAME_COLUMNS = (PortTableModel.COL_NAME, PortTableModel.COL_ENGLISH)  # this language's name and the other's
WIDE_COLUMNS = (PortTableModel.COL_COUNTERPART,)  # capped: a long name wraps
FIT_ROWS = 100  # rows a column's width is fitted to
NAME_EMS = 15  # an English name wider than this many em wraps onto a second line (a Chinese name is never so wide)


class PortsTab(QWidget):
    """Map and roster kept in step: a port picked in one is picked in the other and in every tab."""

    view_changed = Signal()  # the map was zoomed or panned

    def __init__(self, briefing, selection, parent=None) -> None:
        super().__init__(parent)
        self._briefing, self._selection = briefing, selection
        self._current, self._syncing = "", False
        self.model = PortTableModel(self)
        self.proxy = PortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.map = PortMap()
        self.details = PortDetails()
        self.details.league_name = self.model.league_name
        self._build()
        self.map.port_clicked.connect(self._on_port_clicked)
        self.map.horizontalScrollBar().valueChanged.connect(self.view_changed)
        self.map.verticalScrollBar().valueChanged.connect(self.view_changed)
        self.map.zoomed.connect(self.view_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        selection.subject_selected.connect(self._on_subject_selected)
        self.set_briefing(briefing)

    def map_view(self) -> tuple[float, tuple[float, float]]:
        """The map's zoom (relative to the whole region) and centre (lon, lat), as a view records them."""
        return self.map.view_zoom(), self.map.view_centre()

    def show_map_view(self, zoom: float, centre: tuple[float, float] | None) -> None:
        """Show a recorded map view (None: the whole region) and keep it through the resizes that follow."""
        MapKeeper.of(self.map).apply(zoom, centre)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.map_title, self.map_hint = QLabel(), QLabel()
        theme_widgets.muted(self.map_hint)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_view)
        header = QHBoxLayout()
        for widget in (self.map_title, self.map_hint):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self.reset_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(header)
        left_layout.addWidget(self.map, 1)

        self.text_filter = QLineEdit()
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(lambda text: self._filter(self.proxy.set_text, text))
        self.mode_label, self.country_label = QLabel(), QLabel()
        self.mode_combo, self.country_combo = QComboBox(), QComboBox()
        self.mode_combo.currentIndexChanged.connect(
            lambda _: self._filter(self.proxy.set_mode, self.mode_combo.currentData())
        )
        self.country_combo.currentIndexChanged.connect(
            lambda _: self._filter(self.proxy.set_country, self.country_combo.currentData())
        )
        self.mode_label.setBuddy(self.mode_combo)
        self.country_label.setBuddy(self.country_combo)
        # The text filter on a line of its own, so its hint is read whole at 1366 wide; the choices
        # and the count under it.
        filters = QVBoxLayout()
        filters.addWidget(self.text_filter)
        choices = QHBoxLayout()
        for control in (self.mode_label, self.mode_combo, self.country_label, self.country_combo):
            choices.addWidget(control)
        choices.addStretch(1)
        self.count_label = QLabel()
        theme_widgets.muted(self.count_label)
        choices.addWidget(self.count_label)
        filters.addLayout(choices)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a long English name takes two lines rather than ending in "…"
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        # A row with a wrapped name is made taller by _fit_rows, after the columns are fitted and whenever
        # the rows are sorted or filtered (Qt's own row fitting measured every cell at each column change:
        # seconds for a thousand ports).
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.timeout.connect(self._fit_rows)
        for signal in (
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(self._rows_timer.start)
        # Columns fit the first rows' texts, not all of them: a thousand ports took half a second at
        # start. A longer name further down is elided, and its tooltip has it in full.
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        header_view = self.table.horizontalHeader()
        header_view.setStretchLastSection(True)
        header_view.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # roster order until a header is clicked
        self.table.setSortingEnabled(True)

        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.table)
        right_split.addWidget(self.details)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        right_split.setSizes([1, 1])  # start even: the details document asks for less height than it uses
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(filters)
        right_layout.addWidget(right_split, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.retranslate()

    def retranslate(self) -> None:
        """Every visible string again, in the current language (also after a font change)."""
        self.map_title.setText(self.tr("口岸分布图"))
        self.map_hint.setText(self.tr("滚轮缩放 · 拖动平移 · 点击选择"))
        self.reset_button.setText(self.tr("重置视图"))
        self.text_filter.setPlaceholderText(self.tr("筛选:中文名、英文名或对方口岸"))
        self.mode_label.setText(self.tr("方式"))
        self.country_label.setText(self.tr("邻国"))
        self._fill_combo(self.mode_combo, [("", self.tr("全部"))] + [(mode, mode_label(mode)) for mode in MODES])
        countries = list(dict.fromkeys(p.country for p in self._briefing.ports if p.country)) if self._briefing else []
        entries = [("", self.tr("全部"))] + [(c, country_label(c)) for c in countries]
        if self._briefing and any(not p.country for p in self._briefing.ports):
            entries.append((PortFilterProxy.NO_COUNTRY, self.tr("无(航空)")))
        self._fill_combo(self.country_combo, entries)
        self.model.retranslate()  # before the details pane, which hears of a language change after its tab
        self._update_count()
        font = QFont(self.font())
        font.setBold(True)
        self.map_title.setFont(font)

    @staticmethod
    def _fill_combo(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        """Refill keeping the chosen value (a language change or a new briefing keeps the filter)."""
        chosen = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        for value, text in entries:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        combo.currentIndexChanged.emit(combo.currentIndex())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fit_columns()  # names and labels in the other language have other widths
        elif event.type() == QEvent.Type.FontChange:
            self.retranslate()
            self._fit_columns()

    # -- public API -------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        """Show another briefing: table, map, filters and details all start again."""
        self._briefing = briefing
        self._current = ""
        self.model.set_ports(briefing.ports, {o.name_zh: o.name_en for o in briefing.outlines() if o.name_en})
        self.map.set_briefing(briefing)
        self.details.show_port(None)
        self.retranslate()
        self._fit_columns()
        self._on_filter_changed()
        if briefing.port(self._selection.subject_id):
            self._show(self._selection.subject_id)

    def reset_view(self) -> None:
        self.map.reset_view()

    def focus_search(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def step(self, delta: int) -> None:
        """Select the port `delta` rows away in the table's current order (stops at either end)."""
        rows = self.proxy.rowCount()
        if not rows or not delta:
            return
        row = self.proxy.row_of(self._current)
        target = (0 if delta > 0 else rows - 1) if row < 0 else min(max(row + delta, 0), rows - 1)
        if target != row:
            self._select(self.proxy.port_id_at(target))

    # -- selection --------------------------------------------------------------------------

    def _select(self, port_id: str) -> None:
        self._show(port_id)
        self._selection.select_subject(port_id)

    def _show(self, port_id: str) -> None:
        """Show a port in the map, the table and the details without telling anyone."""
        port = self._briefing.port(port_id) if self._briefing else None
        if port is None:
            return
        self._current = port_id
        self._syncing = True
        try:
            self._select_row(port_id)
            self.map.set_selected(port_id)
            self.details.show_port(port, self._briefing.port_sources(port_id))
        finally:
            self._syncing = False

    def _select_row(self, port_id: str) -> None:
        row = self.proxy.row_of(port_id)
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _on_port_clicked(self, port_id: str) -> None:
        self._select(port_id)

    def _on_table_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        if rows:
            port_id = rows[0].data(PortTableModel.PortIdRole)
            if port_id and port_id != self._current:
                self._select(port_id)

    def _on_subject_selected(self, subject_id: str) -> None:
        if self._syncing or subject_id == self._current or not self._briefing:
            return
        if self._briefing.port(subject_id) is not None:
            self._show(subject_id)

    def _filter(self, setter, value) -> None:
        """Narrow the table; the port being shown stays shown (the view would move the selection)."""
        self._syncing = True
        try:
            setter(value or "")
            self._select_row(self._current)  # marks it again if it is listed, clears the mark if not
        finally:
            self._syncing = False
        self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        if self.proxy.mode or self.proxy.country or self.proxy.text:
            self.map.set_visible_ports(self.proxy.visible_port_ids())
        else:
            self.map.set_visible_ports(None)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("显示 {shown} / {total} 个口岸").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def _fit_columns(self) -> None:
        # The two names come first and are never cut: a column as wide as its longest name up to a
        # cap, and a longer (English) name wraps within it. The counterpart port has a narrower cap.
        # No capped column is narrower than its heading or its longest word, so nothing ends in "…";
        # the columns after the names scroll into view.
        self.table.resizeColumnsToContents()
        metrics = self.fontMetrics()
        header = self.table.horizontalHeader()
        for columns, cap in (
            (WIDE_COLUMNS, metrics.horizontalAdvance("M") * 10),
            (NAME_COLUMNS, metrics.horizontalAdvance("m") * NAME_EMS),
        ):
            for column in columns:
                floor = max(self._longest_word(column), header.sectionSizeFromContents(column).width())
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), max(cap, floor)))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows one line high, except where a name wraps in its capped column: as many lines as it takes."""
        self._rows_timer.stop()
        rows = self.table.verticalHeader()
        metrics = self.table.fontMetrics()
        margin = self._cell_margin() - 1  # as the style sets text in a cell: its margins and the grid line
        one, pitch = rows.defaultSectionSize(), max(metrics.height(), metrics.lineSpacing())
        widths = {column: self.table.columnWidth(column) - margin for column in WIDE_COLUMNS + NAME_COLUMNS}
        for row in range(self.proxy.rowCount()):
            lines = 1
            for column, width in widths.items():
                text = str(self.proxy.index(row, column).data() or "")
                if metrics.horizontalAdvance(text) > width:
                    wrapped = metrics.boundingRect(QRect(0, 0, max(1, width), 100000), Qt.TextFlag.TextWordWrap, text)
                    lines = max(lines, round(wrapped.height() / pitch))
            height = one + (lines - 1) * pitch
            if rows.sectionSize(row) != height:
                rows.resizeSection(row, height)

    def _cell_margin(self) -> int:
        """A cell's text margins, its grid line and a pixel to spare."""
        return 2 * (self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 1) + 2

    def _longest_word(self, column: int) -> int:
        """The widest run without a space (a whole Chinese name) in a column's first rows, with the cell's
        margins: the column is never narrower, so only a name with spaces wraps, between its words."""
        metrics = self.table.fontMetrics()
        margin = self._cell_margin()
        widest = 0
        for row in range(min(self.proxy.rowCount(), FIT_ROWS)):
            text = str(self.proxy.index(row, column).data() or "")
            widest = max([widest] + [metrics.horizontalAdvance(word) for word in text.split()])
        return widest + margin
