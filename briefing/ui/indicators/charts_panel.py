"""The charts panel of the indicators tab: a subject's charts stacked in a scrolling sheet, a few of
each kind with a button for more, or a sentence saying there is nothing to draw.

Imported lazily with `charts` (pyqtgraph and numpy). The charts are kept in pools: a new subject
fills the charts already made and hides the rest.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from briefing.drawing import themes
from briefing.drawing.chart_specs import Rankings, comparison_specs, series_specs
from briefing.store.records import Observation
from briefing.ui.common.layout_fence import settle_layouts
from briefing.ui.common.theme_widgets import set_background, set_text_colour
from briefing.ui.indicators.charts import Chart, ComparisonChart, SeriesChart, chart_font

_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)
CHARTS_AT_ONCE = 2  # the panel shows a few charts of each kind, with a button for more


class ChartsPanel(QScrollArea):
    """The charts for one subject, stacked; says so in words when there is nothing to draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sheet = QWidget()
        sheet.setObjectName("chartSheet")
        self._sheet = sheet
        self._layout = QVBoxLayout(sheet)
        self._layout.setContentsMargins(12, 8, 12, 12)
        self._layout.setSpacing(18)
        self.empty = QLabel()
        self.empty.setObjectName("chartEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.empty)
        self._charts_at = self._layout.count()
        self.more = QPushButton()  # after the charts: a few of each kind at a time
        self.more.setObjectName("moreCharts")
        self.more.clicked.connect(self._on_more_clicked)
        self.more.hide()
        self._layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(1)
        self.setWidget(sheet)
        self.verticalScrollBar().valueChanged.connect(self._draw_in_view)  # charts are drawn as they come into view
        self.series: list[SeriesChart] = []
        self.comparisons: list[ComparisonChart] = []
        self._at_once = CHARTS_AT_ONCE
        self._subject: tuple[Any, str, tuple[Observation, ...]] | None = None
        self._rankings: Rankings | None = None
        self._laying_out = False
        # The charts a subject shows at once are made now, with the panel: making one (a pyqtgraph plot)
        # took 50 ms, paid by the first click on a subject that needed another.
        self._grow(self.series, SeriesChart, CHARTS_AT_ONCE)
        self._grow(self.comparisons, ComparisonChart, CHARTS_AT_ONCE)
        self._apply_fonts()
        self._apply_theme()
        self.retranslate()
        themes.signals().theme_changed.connect(self._apply_theme)

    def retranslate(self) -> None:
        """The message and every chart's titles, legend and axes in the current language
        (pyqtgraph's items are not widgets and never receive LanguageChange)."""
        self.empty.setText(
            QCoreApplication.translate(
                "ChartsPanel",
                "没有可作图的数据\n\n该主体没有两个以上年份的全年数据,\n也没有可与其他口岸对比的全年数据。",
            )
        )
        self.more.setText(QCoreApplication.translate("ChartsPanel", "显示更多图表"))
        for chart in self.visible_charts():
            chart.set_spec(chart.spec)

    def _apply_theme(self, *_args) -> None:
        theme = themes.current()  # palettes, not a style sheet: see card_look
        set_background(self._sheet, theme.chart_background)
        set_text_colour(self.empty, theme.chart_text)
        for chart in (*self.series, *self.comparisons):
            chart.apply_theme()

    def show_subject(
        self, briefing, subject_id: str, observations: tuple[Observation, ...], more: bool = False
    ) -> None:
        """A subject's charts, a few of each kind (`more`: the next few as well, keeping the scroll)."""
        self._at_once = self._at_once + CHARTS_AT_ONCE if more else CHARTS_AT_ONCE
        self._subject = (briefing, subject_id, observations)
        if self._rankings is None or self._rankings.briefing is not briefing:
            self._rankings = Rankings(briefing)  # each indicator's ranking is worked out once per briefing
        series = series_specs(briefing, observations)
        comparisons = comparison_specs(briefing, subject_id, observations, self._at_once + 1, self._rankings)
        self._laying_out = True  # charts are drawn once, where the layout puts them, not first where they were
        try:
            self._fill(self.series, SeriesChart, series[: self._at_once])
            self._fill(self.comparisons, ComparisonChart, comparisons[: self._at_once])
            self.more.setVisible(len(series) > self._at_once or len(comparisons) > self._at_once)
            has_charts = bool(series or comparisons)
            self.empty.setVisible(not has_charts)
            if not more:
                self.verticalScrollBar().setValue(0)
            if self.isVisible():
                settle_layouts(self)
        finally:
            self._laying_out = False
        self._draw_in_view()
        if self.isVisible():
            self._prepare_paint()

    def _prepare_paint(self) -> None:
        """Finish the plots' layouts, contents and queued scene work now, then let the window paint.
        A scene's queued processing of changed items (a plot shown again marks all of them) ends with
        Qt sending the window's pending repaint: left to the event loop it painted the window before
        everything had its place, and a second and third paint of the tab followed. So: every plot
        prepared first, then their scenes' queued work, the first of which paints the window (a
        later plot's scene may still repaint that plot alone afterwards)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # e.g. an axis's new width
        charts = self.visible_charts()
        for chart in charts:
            chart.prepare_paint()
        for chart in charts:
            QCoreApplication.sendPostedEvents(chart.plot.scene(), QEvent.Type.MetaCall)

    def _on_more_clicked(self) -> None:
        if self._subject is not None:
            self.show_subject(*self._subject, more=True)

    def _in_view(self, chart: Chart) -> bool:
        """Whether any of a chart is scrolled into view (its geometry is in the sheet's coordinates)."""
        if self._laying_out:
            return False
        top = self.verticalScrollBar().value()
        return chart.geometry().intersects(QRect(0, top, self._sheet.width(), self.viewport().height()))

    def _draw_in_view(self, *_args) -> None:
        for chart in self.visible_charts():
            chart.draw_if_in_view()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._draw_in_view()

    def in_view(self, chart: Chart) -> bool:
        """Whether any of `chart` is scrolled into the panel's view (it is drawn only then)."""
        return self._in_view(chart)

    def visible_charts(self) -> list[Chart]:
        return [chart for chart in (*self.series, *self.comparisons) if not chart.isHidden()]

    def _grow(self, pool: list, kind: type, count: int) -> None:
        while len(pool) < count:
            chart = kind()
            chart.in_view = self._in_view
            chart.apply_fonts(self.font())
            offset = len(self.series) if pool is self.series else len(self.series) + len(self.comparisons)
            self._layout.insertWidget(self._charts_at + offset, chart)
            chart.hide()
            pool.append(chart)

    def _fill(self, pool: list, kind: type, specs: list) -> None:
        self._grow(pool, kind, len(specs))
        for chart, spec in zip(pool, specs):
            chart.show()
            chart.show_spec(spec)
        for chart in pool[len(specs) :]:
            chart.hide()

    def _apply_fonts(self) -> None:
        base = self.font()
        empty = chart_font(base, 1.4)
        empty.setBold(True)
        self.empty.setFont(empty)
        for chart in (*self.series, *self.comparisons):
            chart.apply_fonts(base)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _FONT_EVENTS:
            self._apply_fonts()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
