"""The indicators tab: pick a subject, see its figures as cards and charts, and see what is covered.

pyqtgraph and numpy are not imported here: the charts module loads the first time the tab is
shown, so the main window can paint its first tab before they load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.store.records import Subject

if TYPE_CHECKING:
    from briefing.ui.indicators.charts_panel import ChartsPanel
from briefing.drawing import i18n
from briefing.drawing.formatting import mode_label, period_text, subject_kind_label
from briefing.drawing.i18n import local_name
from briefing.ui.common import theme_widgets
from briefing.ui.common.layout_fence import LayoutFence, settle_layouts
from briefing.ui.indicators.coverage import SUBJECT_ID_ROLE, ColumnHeader, CoverageModel, SubjectTreeModel
from briefing.ui.indicators.fact_cards import CardContext, FactCardPanel
from briefing.ui.indicators.subject_list import SubjectList

_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)


class IndicatorsTab(QWidget):
    """Subjects on the left; on the right, cards and charts for one subject, or the coverage matrix."""

    view_changed = Signal()  # between the figures and the coverage matrix

    def __init__(self, briefing, selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._briefing = briefing
        self._selection = selection
        self._subject_id = ""
        self._pending = ""  # chosen while another tab is in front: shown when this tab is
        self._syncing = False
        self._charts: ChartsPanel | None = None  # created on first show: see _ensure_charts
        self._charts_stale = True
        self._coverage: dict[tuple[str, str], int] = {}
        self._counts: dict[str, int] = {}

        self.subject_model = SubjectTreeModel(self)
        self.subject_view = SubjectList()
        self.subject_view.setObjectName("subjectList")
        self.subject_view.setModel(self.subject_model)
        self.subject_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # names wrap instead
        self.subject_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.subject_view.selectionModel().currentChanged.connect(self._on_subject_current_changed)

        self.cards = FactCardPanel()
        self.cards.source_requested.connect(self._selection.show_passage)
        self.title = QLabel()
        self.title.setObjectName("subjectTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subjectSubtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.title, self.subtitle):  # wrapped: a long name must not widen the window's minimum
            label.setWordWrap(True)
        theme_widgets.muted(self.subtitle)  # a palette, not a style sheet: style sheets stop font changes

        self.coverage_model = CoverageModel(self)
        self.coverage_view = self._coverage_view()

        self.pages = QTabWidget()
        self.pages.setObjectName("indicatorPages")
        self.pages.addTab(LayoutFence(self._cards_page()), "")  # see layout_fence: a step repaints only what changed
        self.pages.addTab(self._coverage_page(), "")
        self.pages.currentChanged.connect(self.view_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.subject_view)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self._outer = splitter
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(LayoutFence(splitter))

        selection.subject_selected.connect(self._on_subject_selected)
        self._apply_fonts()
        self._set_texts()
        self.set_briefing(briefing)

    # -- building ---------------------------------------------------------------------------

    def _cards_page(self) -> QWidget:
        page = QWidget()
        self._charts_holder = QVBoxLayout()
        self._charts_holder.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setLayout(self._charts_holder)
        self._body = QSplitter(Qt.Orientation.Horizontal)
        self._body.addWidget(self.cards)
        self._body.addWidget(holder)
        self._body.setStretchFactor(0, 1)
        self._body.setStretchFactor(1, 1)
        self._body.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self._body, 1)
        return page

    def _coverage_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("coverageTable")
        view.setHorizontalHeader(ColumnHeader(view))  # English heads turned upright
        view.setModel(self.coverage_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # One line per subject, sized in _fit_coverage: sizing each row to its contents asked for every
        # cell of the matrix (4 s for 1,000 subjects by 50 indicators)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.clicked.connect(self._on_coverage_clicked)
        view.doubleClicked.connect(self._on_coverage_double_clicked)
        return view

    def _coverage_page(self) -> QWidget:
        page = QWidget()
        legend = self._coverage_legend = QLabel()
        legend.setObjectName("coverageLegend")
        legend.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(legend)
        layout.addWidget(self.coverage_view, 1)
        return page

    # -- data -------------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        self._briefing = briefing
        coverage = briefing.coverage()
        counts: dict[str, int] = {}
        for (subject_id, _), n in coverage.items():
            counts[subject_id] = counts.get(subject_id, 0) + n
        self._coverage, self._counts = coverage, counts
        self._fill_models()
        wanted = self._selection.subject_id
        if not briefing.subject(wanted):
            wanted = next((s.id for s in briefing.subjects if counts.get(s.id)), "")
        self._subject_id = ""
        if wanted:
            self._display(wanted)

    def _fill_models(self) -> None:
        """The subject list and the coverage matrix, with names in the current language."""
        self._syncing = True
        try:
            self.subject_model.set_subjects(self._briefing.subjects, self._counts)
            self.coverage_model.set_rows(self._briefing.subjects, self._briefing.indicators, self._coverage)
        finally:
            self._syncing = False
        self.subject_view.expandAll()
        self._fit_subject_list()
        self._fit_coverage()

    def _set_texts(self) -> None:
        self.pages.setTabText(0, QCoreApplication.translate("IndicatorsTab", "指标卡片"))
        self.pages.setTabText(1, QCoreApplication.translate("IndicatorsTab", "覆盖情况"))
        self._coverage_legend.setText(
            QCoreApplication.translate(
                "IndicatorsTab",
                "数字 = 本简报中该项的数据条数;— = 未报告(不是零)。单击一行选中该主体,双击打开它的指标卡片。",
            )
        )

    def retranslate(self) -> None:
        """Every visible string in the current language: page titles, lists, headers, cards and charts."""
        self._set_texts()
        self._fill_models()
        shown, self._subject_id = self._subject_id, ""
        if shown:
            self._display(shown)  # cards, header and (when visible) charts again
        elif self._charts is not None:
            self._charts.retranslate()

    def show_subject(self, subject_id: str) -> None:
        """Show a subject here and make it the shared selection."""
        self.pages.setCurrentIndex(0)
        self._display(subject_id)
        self._selection.select_subject(subject_id)

    @property
    def subject_id(self) -> str:
        return self._pending or self._subject_id

    def _display(self, subject_id: str, now: bool = False) -> None:
        subject = self._briefing.subject(subject_id)
        if subject is None or subject_id == self._subject_id:
            self._pending = "" if subject is not None else self._pending
            return
        if not now and self.window().isVisible() and not self.isVisible():
            self._pending = subject_id  # cards are built when the tab comes to the front, not per click
            return
        self._pending = ""
        self._subject_id = subject_id
        self._sync_views(subject_id)
        observations = self._briefing.observations_for(subject_id)
        self._show_header(subject, observations)
        indicators = {i.id: i for i in self._briefing.indicators}
        self.cards.show_observations(subject, observations, indicators, lambda obs: self._card_context(obs, subject))
        self._charts_stale = True
        if self.isVisible():
            settle_layouts(self.cards)  # the new cards laid out before the window paints: painted once
            # Charts last: bringing their plots up to date makes Qt paint the window at once (a
            # QGraphicsView sends the window's pending repaint after its scene's changes), so
            # everything else must have its place by then.
            self._update_charts(observations)

    def _card_context(self, obs, subject: Subject) -> CardContext:
        inputs, names = {}, {}
        for input_id in obs.inputs:
            found = self._briefing.observation(input_id)
            if found is None:
                continue
            inputs[input_id] = found
            indicator = self._briefing.indicator(found.indicator_id)
            name = local_name(indicator) if indicator else found.indicator_id
            if found.subject_id != subject.id:
                other = self._briefing.subject(found.subject_id)
                name = f"{local_name(other) if other else found.subject_id} {name}"
            names[input_id] = QCoreApplication.translate("IndicatorsTab", "{name}({period})").format(
                name=name, period=period_text(found)
            )
        source = None if obs.passage_id else self._briefing.source(obs.source_id)
        return CardContext(subject, inputs, names, source)

    def _show_header(self, subject: Subject, observations) -> None:
        self.title.setText(local_name(subject))
        parts = [subject_kind_label(subject.kind)]
        port = self._briefing.port(subject.id) if subject.kind == "port" else None
        if port is not None:
            parts.append(mode_label(port.mode))
        if observations:
            parts.append(
                QCoreApplication.translate("IndicatorsTab", "{n} 条数据 · {k} 项指标").format(
                    n=len(observations), k=len({o.indicator_id for o in observations})
                )
            )
        else:
            parts.append(QCoreApplication.translate("IndicatorsTab", "本简报无数据"))
        self.subtitle.setText("  ·  ".join(parts))

    # -- charts, loaded late ----------------------------------------------------------------

    def _ensure_charts(self) -> ChartsPanel:
        if self._charts is None:
            from briefing.ui.indicators.charts_panel import ChartsPanel  # pyqtgraph + numpy load here, not at start-up

            charts = self._charts = ChartsPanel()
            self._charts_holder.addWidget(charts)
            self._charts_stale = True
            return charts
        return self._charts

    def _show_pending(self) -> None:
        if self._pending:
            self._display(self._pending, now=True)

    def _update_charts(self, observations: tuple | None = None) -> None:
        self._show_pending()
        charts = self._ensure_charts()
        if self._charts_stale and self._subject_id:
            if observations is None:
                observations = self._briefing.observations_for(self._subject_id)
            charts.show_subject(self._briefing, self._subject_id, observations)
            self._charts_stale = False

    @property
    def charts(self):
        """The charts panel, created if needed (tests and the export code use it)."""
        self._update_charts()
        return self._charts

    def current_chart(self) -> str:
        """The indicator whose chart is at the top of the charts ("coverage" for the matrix; "" if none)."""
        if self.pages.currentIndex() == 1:
            return "coverage"
        charts = self._charts if not self._charts_stale else None
        shown = charts.visible_charts() if charts is not None else []
        top = charts.verticalScrollBar().value() if charts is not None and shown else 0
        best = min(shown, key=lambda chart: abs(chart.y() - top), default=None)
        return best.spec.indicator.id if best is not None and best.spec is not None else ""

    def show_chart(self, chart: str) -> bool:
        """Bring a chart (an indicator id, or "coverage") into view; False when the subject has no such chart."""
        self.pages.setCurrentIndex(1 if chart == "coverage" else 0)
        if chart in ("", "coverage"):
            return True
        panel = self.charts
        found = next((c for c in panel.visible_charts() if c.spec is not None and c.spec.indicator.id == chart), None)
        if found is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the charts' final places
            panel.verticalScrollBar().setValue(found.y())
        return found is not None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_subject_list()  # the list's share of the window, now that the window has its size
        if not self._body.sizes()[1] or self._charts is None:
            width = max(self._body.width(), 600)
            self._body.setSizes([width // 2, width - width // 2])
        self._update_charts()

    # -- keeping the views and the selection in step ----------------------------------------

    def _sync_views(self, subject_id: str) -> None:
        self._syncing = True
        try:
            index = self.subject_model.index_of(subject_id)
            if index.isValid():
                self.subject_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.subject_view.scrollTo(index)
            row = self.coverage_model.row_of(subject_id)
            if row >= 0:
                self.coverage_view.selectRow(row)
        finally:
            self._syncing = False

    def _on_subject_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        subject_id = current.data(SUBJECT_ID_ROLE) if current.isValid() else None
        if self._syncing or not subject_id:
            return
        self._display(subject_id)
        self._selection.select_subject(subject_id)

    def _on_subject_selected(self, subject_id: str) -> None:
        self._display(subject_id)  # from another tab: show it, but do not announce it again

    def _on_coverage_clicked(self, index: QModelIndex) -> None:
        subject = self.coverage_model.subject_at(index.row())
        if subject is not None:
            self._display(subject.id)
            self._selection.select_subject(subject.id)

    def _on_coverage_double_clicked(self, index: QModelIndex) -> None:
        self._on_coverage_clicked(index)
        self.pages.setCurrentIndex(0)

    # -- fonts --------------------------------------------------------------------------------

    def _fit_coverage(self) -> None:
        # One character per line in the column heads, so a column needs one character's width.
        header = self.coverage_view.horizontalHeader()
        width = self.coverage_view.fontMetrics().horizontalAdvance("口") * 2
        header.setMinimumSectionSize(width)
        header.setDefaultSectionSize(width)
        # English names run long (airports): the row heads are capped at the longest name of the bundled
        # briefing (an airport's), so a longer one from another briefing is elided, its tooltip whole.
        cap = self.coverage_view.fontMetrics().horizontalAdvance("口") * 26 if i18n.is_english() else 16777215
        self.coverage_view.verticalHeader().setMaximumWidth(cap)
        rows = self.coverage_view.verticalHeader()
        if self.coverage_model.rowCount():  # every row head is one (elided) line: the first one's height
            rows.setDefaultSectionSize(rows.sectionSizeHint(0))

    def _fit_subject_list(self) -> None:
        # At least wide enough for every name up to a cap; beyond it the longest names (English airport
        # names) wrap onto a second line, leaving the charts room for their own names. A wide window
        # gives the list up to 30 % of its width, so there they need not wrap.
        scroll_bar = self.subject_view.style().pixelMetric(self.subject_view.style().PixelMetric.PM_ScrollBarExtent)
        width = self.subject_view.natural_width() + scroll_bar + 2 * self.subject_view.frameWidth() + 4
        self.subject_view.setMinimumWidth(min(max(width, 200), 420))
        total = sum(self._outer.sizes())
        wanted = min(width, int(total * 0.3))
        if total > 0 and self._outer.sizes()[0] < wanted:
            self._outer.setSizes([wanted, total - wanted])

    def _apply_fonts(self) -> None:
        base = self.font()
        title = QFont(base)
        title.setPointSizeF(max(base.pointSizeF(), 1.0) * 1.9)
        title.setBold(True)
        self.title.setFont(title)
        subtitle = QFont(base)
        subtitle.setPointSizeF(max(base.pointSizeF(), 1.0) * 1.05)
        self.subtitle.setFont(subtitle)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in _FONT_EVENTS:
            self._apply_fonts()
            self._fit_subject_list()
            self._fit_coverage()
        super().changeEvent(event)
