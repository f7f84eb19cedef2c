"""Charts for the indicators tab: one subject's figures over the years, and subjects side by side.

Imported lazily by the tab (pyqtgraph and numpy load only when a chart is first needed). Plot
widgets are created once and kept in a pool; a new subject only updates their data.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

import numpy as np  # noqa: E402  (after PySide6, so pyqtgraph binds to it)
import pyqtgraph as pg  # noqa: E402

from briefing.store.records import Indicator, Observation, Subject
from briefing.ui.coverage import plain_tooltip
from briefing.ui import themes
from briefing.ui.i18n import local_name
from briefing.ui.formatting import kind_label, value_text

_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)
_YEAR = re.compile(r"\d{4}")
# Kinds that state a level for the period itself; comparisons use only these.
LEVEL_KINDS = ("reported", "lower_bound", "approximate")
# A briefing of a thousand ports must stay readable and quick: a comparison shows the largest
# subjects and the selected one (and says how many report it), and the panel shows a few charts
# of each kind with a button for more.
MAX_BARS = 15
CHARTS_AT_ONCE = 2


def is_annual(obs: Observation) -> bool:
    return bool(_YEAR.fullmatch(obs.period))


@dataclass(frozen=True)
class SeriesSpec:
    """One indicator of one subject, in one unit, over at least two years."""

    indicator: Indicator
    unit: str
    points: tuple[Observation, ...]  # sorted by year


@dataclass(frozen=True)
class ComparisonSpec:
    """One indicator across subjects that do not overlap: each subject's latest full-year level."""

    indicator: Indicator
    unit: str
    bars: tuple[tuple[Subject, Observation], ...]
    selected_id: str
    total: int = 0  # how many subjects report it (the bars may show fewer: the largest, and the selected)


def _indicator(briefing, indicator_id: str) -> Indicator:
    return briefing.indicator(indicator_id) or Indicator(indicator_id, indicator_id, "", "")


def series_specs(briefing, observations: tuple[Observation, ...]) -> list[SeriesSpec]:
    groups: dict[tuple[str, str], dict[tuple[str, str], Observation]] = {}
    for obs in observations:
        if is_annual(obs) and obs.kind not in ("growth_rate", "share"):
            groups.setdefault((obs.indicator_id, obs.unit), {}).setdefault((obs.period, obs.kind), obs)
    specs = []
    for (indicator_id, unit), by_year_kind in groups.items():
        if len({period for period, _ in by_year_kind}) >= 2:
            points = tuple(sorted(by_year_kind.values(), key=lambda o: (o.period, o.kind == "target")))
            specs.append(SeriesSpec(_indicator(briefing, indicator_id), unit, points))
    return specs


def _members(briefing, subject_id: str) -> set[str]:
    """The ports a subject stands for: itself, a group's members, or every port for the region."""
    place = briefing.place(subject_id)
    if place is None:
        return {subject_id}
    if place.level == "region":
        return {p.id for p in briefing.ports} | {subject_id}
    return set(place.port_ids) | {subject_id}


def comparison_specs(briefing, subject_id: str, observations: tuple[Observation, ...],
                     limit: int | None = None) -> list[ComparisonSpec]:
    """Where others report the same indicator, unit and kind of level for a full year (at most
    `limit` of them).

    Subjects that overlap the selected one (a port and the group that contains it) are left out:
    a part beside its whole is not a comparison.
    """
    mine = _members(briefing, subject_id)
    specs = []
    seen: set[tuple[str, str]] = set()
    for own in observations:
        key = (own.indicator_id, own.unit)
        if own.kind not in LEVEL_KINDS or not is_annual(own) or key in seen:
            continue
        if limit is not None and len(specs) >= limit:
            break
        seen.add(key)
        latest: dict[str, Observation] = {}
        for obs in briefing.latest_annual(own.indicator_id, LEVEL_KINDS):  # each subject's latest year
            if obs.unit != own.unit:
                continue
            if obs.subject_id != subject_id and _members(briefing, obs.subject_id) & mine:
                continue
            latest[obs.subject_id] = obs
        if len(latest) >= 2 and subject_id in latest:
            ranked = sorted(latest.items(), key=lambda item: item[1].value)
            shown = ranked[-MAX_BARS:]
            if subject_id not in dict(shown):  # the selected one always, in place of the smallest shown
                shown = sorted(shown[1:] + [(subject_id, latest[subject_id])], key=lambda item: item[1].value)
            bars = tuple((briefing.subject(sid) or Subject(sid, "", sid, ""), obs) for sid, obs in shown)
            specs.append(ComparisonSpec(_indicator(briefing, own.indicator_id), own.unit, bars, subject_id,
                                        total=len(latest)))
    return specs


# -- drawing ----------------------------------------------------------------------------------


def _chart_font(base: QFont, factor: float) -> QFont:
    """Chart text is at least 14 pt at scale 1.0 (the base is 11 pt) and grows with the base."""
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 1.0) * factor)
    return font


def _style(kind: str) -> tuple[QColor, QPen]:
    """Targets hollow and dashed (a plan); derived pale and dotted (computed here); the rest solid."""
    accents = themes.current().accents
    accent = QColor(accents.get(kind, accents["reported"]))
    line = {"target": Qt.PenStyle.DashLine, "derived": Qt.PenStyle.DotLine}.get(kind)
    edge = accent.lighter(130) if themes.current().dark else accent.darker(120)
    pen = QPen(accent if line else edge, 3 if line else 1, line or Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)
    fill = QColor(accent)
    fill.setAlpha({"target": 0, "derived": 60}.get(kind, 255))
    return fill, pen


class _Chart(QWidget):
    """A titled, still, white plot with large dark text; hovering a bar shows its exact figure.

    The title is a word-wrapped QLabel above the plot (plain text, never HTML), so a long
    indicator name wraps instead of forcing the plot wider than the panel.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("chartTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("chartSubtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        self.plot = pg.PlotWidget(background=themes.current().chart_background)
        self.plot.setMenuEnabled(False)  # its SVG export is broken on this Qt; nothing to pan on a slide
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.plotItem.setContentsMargins(4, 16, 16, 4)  # room for the top tick label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.plot, 1)
        self.bars = pg.BarGraphItem(x0=[], x1=[], y0=[], y1=[])  # pens=[] trips a pyqtgraph 0.14 bug
        self.plot.addItem(self.bars)
        self.markers = pg.ScatterPlotItem(symbol="t1")
        self.plot.addItem(self.markers)
        self._labels: list[pg.TextItem] = []
        self._boxes: list[tuple[float, float, float, float, str]] = []
        self._base = QFont()
        self.spec = None
        self.apply_theme()
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.installEventFilter(self)

    def _label_pool(self, count: int) -> list[pg.TextItem]:
        while len(self._labels) < count:
            item = pg.TextItem(color=themes.current().chart_text)
            item.setFont(self._value_font())
            self.plot.addItem(item)
            self._labels.append(item)
        for item in self._labels[count:]:
            item.setVisible(False)
        return self._labels[:count]

    def _set_bars(self, x0, x1, y0, y1, kinds: list[str], brushes=None) -> None:
        styles = [_style(kind) for kind in kinds]
        self.bars.setOpts(x0=np.asarray(x0, float), x1=np.asarray(x1, float), y0=np.asarray(y0, float),
                          y1=np.asarray(y1, float), brushes=brushes or [s[0] for s in styles],
                          pens=[s[1] for s in styles])

    def apply_theme(self) -> None:
        """Background, axes, value labels and bars in the current theme (pyqtgraph has no palette)."""
        theme = themes.current()
        self.plot.setBackground(theme.chart_background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(theme.chart_text))
            axis.setTextPen(pg.mkPen(theme.chart_text))
        self.markers.setPen(pg.mkPen(theme.chart_background, width=2))
        self.markers.setBrush(pg.mkBrush(theme.accents["lower_bound"]))
        for item in self._labels:
            item.setColor(theme.chart_text)
        if self.spec is not None:
            self.set_spec(self.spec)

    def _set_titles(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)

    def _value_font(self) -> QFont:
        font = _chart_font(self._base, 1.3)
        font.setBold(True)
        return font

    def apply_fonts(self, base: QFont) -> None:
        self._base = QFont(base)
        tick = _chart_font(base, 1.3)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTickFont(tick)
        title = _chart_font(base, 1.55)
        title.setBold(True)
        self.title.setFont(title)
        self.subtitle.setFont(_chart_font(base, 1.15))
        for item in self._labels:
            item.setFont(self._value_font())
        self.markers.setSize(QFontMetrics(tick).height() * 0.8)
        if self.spec is not None:
            self.set_spec(self.spec)
        self.plot.setMinimumHeight(self.plot_height())

    def plot_height(self) -> int:
        return QFontMetrics(_chart_font(self._base, 1.3)).height() * 15

    def set_spec(self, spec) -> None:
        raise NotImplementedError

    def _on_mouse_moved(self, position) -> None:
        view = self.plot.plotItem.vb
        if view.sceneBoundingRect().contains(position):
            point = view.mapSceneToView(position)
            text = self.hover_text_at(point.x(), point.y())
            view.setToolTip(plain_tooltip(text) if text else "")

    def hover_text_at(self, x: float, y: float) -> str:
        return next((tip for x0, x1, y0, y1, tip in self._boxes if x0 <= x <= x1 and y0 <= y <= y1), "")


def _tip(obs: Observation, subject_name: str = "") -> str:
    head = f"{subject_name}\n" if subject_name else ""
    return f"{head}{obs.period_zh or obs.period}\n{kind_label(obs.kind)}:{value_text(obs)}"


class SeriesChart(_Chart):
    """Vertical bars over the years: actuals solid, estimates pale and dotted, targets hollow."""

    def set_spec(self, spec: SeriesSpec) -> None:
        self.spec = spec
        years = sorted({obs.period for obs in spec.points})
        slots: dict[str, list[Observation]] = {year: [] for year in years}
        for obs in spec.points:
            slots[obs.period].append(obs)
        x0, x1, heights, kinds, centres = [], [], [], [], []
        for index, year in enumerate(years):
            width = 0.7 / len(slots[year])
            for slot, obs in enumerate(slots[year]):
                left = index - 0.35 + slot * width
                x0.append(left + 0.03)
                x1.append(left + width - 0.03)
                heights.append(obs.value)
                kinds.append(obs.kind)
                centres.append(left + width / 2)
        self._set_bars(x0, x1, [0.0] * len(heights), heights, kinds)
        top = max(heights)
        self._boxes = [(a, b, 0.0, max(h, top * 0.08), _tip(o)) for a, b, h, o in zip(x0, x1, heights, spec.points)]
        for item, obs, centre, height in zip(self._label_pool(len(spec.points)), spec.points, centres, heights):
            prefix = QCoreApplication.translate("SeriesChart", "目标 ") if obs.kind == "target" else ""
            item.setText(prefix + value_text(obs))
            item.setAnchor((0.5, 1.0))
            item.setPos(centre, height)
            item.setVisible(True)
        bounds = [(c, h * 0.92) for c, h, o in zip(centres, heights, spec.points) if o.kind == "lower_bound"]
        self.markers.setData(pos=np.asarray(bounds, float).reshape(-1, 2))
        self.plot.getAxis("bottom").setTicks(
            [[(i, QCoreApplication.translate("SeriesChart", "{year}年").format(year=y)) for i, y in enumerate(years)]])
        self.plot.getAxis("left").setTicks(None)
        self.plot.setXRange(-0.6, len(years) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.2, padding=0)
        self._set_titles(
            QCoreApplication.translate("SeriesChart", "{name}:历年").format(name=local_name(spec.indicator)),
            QCoreApplication.translate("SeriesChart", "单位:{unit}    全年数据").format(unit=spec.unit))


class ComparisonChart(_Chart):
    """Horizontal bars, one per subject, the selected one in orange and starred."""

    def set_spec(self, spec: ComparisonSpec) -> None:
        self.spec = spec
        count = len(spec.bars)
        values = [obs.value for _, obs in spec.bars]
        selected = [subject.id == spec.selected_id for subject, _ in spec.bars]
        theme = themes.current()
        brushes = [QColor(theme.chart_selected if chosen else theme.chart_others) for chosen in selected]
        ys = list(range(count))
        self._set_bars([0.0] * count, values, [y - 0.32 for y in ys], [y + 0.32 for y in ys],
                       ["reported"] * count, brushes=brushes)
        right = max(values)
        self._boxes = [(0.0, max(v, right * 0.05), y - 0.32, y + 0.32, _tip(obs, local_name(subject)))
                       for v, y, (subject, obs) in zip(values, ys, spec.bars)]
        texts = [QCoreApplication.translate("ComparisonChart", " {value}({year}年)").format(
            value=value_text(obs), year=obs.period) for _, obs in spec.bars]
        for item, text, value, y in zip(self._label_pool(count), texts, values, ys):
            item.setText(text)
            item.setAnchor((0.0, 0.5))
            item.setPos(value, y)
            item.setVisible(True)
        self.markers.setData(pos=np.empty((0, 2)))
        tick_metrics = QFontMetrics(_chart_font(self._base, 1.3))
        value_metrics = QFontMetrics(self._value_font())
        label_room = max(value_metrics.horizontalAdvance(text) for text in texts) + 14  # + the label's margins
        # Names get what the value labels and a readable bar leave; longer ones are elided (tooltip has all).
        room = max(self.plot.width() - label_room - tick_metrics.height() * 8, tick_metrics.horizontalAdvance("口") * 6)
        ticks = []
        for y, (subject, _), chosen in zip(ys, spec.bars, selected):
            name = ("★ " if chosen else "") + local_name(subject)
            ticks.append((y, tick_metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)))
        left = self.plot.getAxis("left")
        left.setTicks([ticks])
        left_width = max(tick_metrics.horizontalAdvance(text) for _, text in ticks) + tick_metrics.height()
        left.setWidth(left_width)
        self.plot.getAxis("bottom").setTicks(None)
        self.plot.getAxis("bottom").setLabel(html.escape(spec.unit), **{
            "color": theme.chart_text, "font-size": f"{_chart_font(self._base, 1.3).pointSizeF():.1f}pt"})
        self.plot.setYRange(-0.6, count - 0.4, padding=0)
        # The bars' scale leaves the longest value label room at the right. The view is the widget less
        # the new left axis (left.width() still says the old one until the next layout) and the margins.
        view_width = max(self.plot.width() - left_width - 24, 150)
        self.plot.setXRange(0, right * view_width / max(view_width - label_room, view_width * 0.3), padding=0)
        subtitle = QCoreApplication.translate("ComparisonChart", "单位:{unit}    各地最近一个全年的数据,年份见括号;"
                                              "★ = 当前选中").format(unit=spec.unit)
        if spec.total > count:
            subtitle += "\n" + QCoreApplication.translate(
                "ComparisonChart", "共 {total} 处报告此项;图中列出其中 {shown} 处:数值最大者与当前选中者").format(
                total=spec.total, shown=count)
        self._set_titles(
            QCoreApplication.translate("ComparisonChart", "{name}:各地对比").format(name=local_name(spec.indicator)),
            subtitle)
        self.plot.setMinimumHeight(self.plot_height())

    def plot_height(self) -> int:
        line = QFontMetrics(_chart_font(self._base, 1.3)).height()
        count = len(self.spec.bars) if self.spec is not None else 3
        return line * (4 + 2 * count)

    def eventFilter(self, watched, event: QEvent) -> bool:
        # Names are elided and the value labels given room by the plot's width: redo on resize.
        if watched is self.plot and event.type() == QEvent.Type.Resize and self.spec is not None:
            self.set_spec(self.spec)
        return super().eventFilter(watched, event)


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
        self.legend = QLabel()
        self.legend.setObjectName("chartLegend")
        self.legend.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setObjectName("chartEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.legend)
        self._layout.addWidget(self.empty)
        self._charts_at = self._layout.count()
        self.more = QPushButton()  # after the charts: a few of each kind at a time
        self.more.setObjectName("moreCharts")
        self.more.clicked.connect(self._on_more_clicked)
        self.more.hide()
        self._layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(1)
        self.setWidget(sheet)
        self.series: list[SeriesChart] = []
        self.comparisons: list[ComparisonChart] = []
        self._at_once, self._subject = CHARTS_AT_ONCE, None
        # The charts a subject shows at once are made now, with the panel: making one (a pyqtgraph plot)
        # took 50 ms, paid by the first click on a subject that needed another.
        self._grow(self.series, SeriesChart, CHARTS_AT_ONCE)
        self._grow(self.comparisons, ComparisonChart, CHARTS_AT_ONCE)
        self._apply_fonts()
        self._apply_theme()
        self.retranslate()
        themes.signals().theme_changed.connect(self._apply_theme)

    def retranslate(self) -> None:
        """The legend, the message and every chart's titles and axes in the current language
        (pyqtgraph's items are not widgets and never receive LanguageChange)."""
        self.legend.setText(QCoreApplication.translate(
            "ChartsPanel", "实心 = 实际值    浅色点线框 = 推算值    空心虚线框 = 目标    ▲ = 下限(超/至少)"))
        self.empty.setText(QCoreApplication.translate(
            "ChartsPanel", "没有可作图的数据\n\n该主体没有两个以上年份的全年数据,\n也没有可与其他口岸对比的全年数据。"))
        self.more.setText(QCoreApplication.translate("ChartsPanel", "显示更多图表"))
        for chart in self.visible_charts():
            chart.set_spec(chart.spec)

    def _apply_theme(self, *_args) -> None:
        theme = themes.current()
        self._sheet.setStyleSheet(
            f"QWidget#chartSheet {{ background: {theme.chart_background}; }} QLabel {{ color: {theme.chart_text}; }}"
            f" QLabel#chartSubtitle, QLabel#chartLegend {{ color: {theme.chart_subtitle}; }}")
        for chart in (*self.series, *self.comparisons):
            chart.apply_theme()

    def show_subject(self, briefing, subject_id: str, observations: tuple[Observation, ...],
                     more: bool = False) -> None:
        """A subject's charts, a few of each kind (`more`: the next few as well, keeping the scroll)."""
        self._at_once = self._at_once + CHARTS_AT_ONCE if more else CHARTS_AT_ONCE
        self._subject = (briefing, subject_id, observations)
        series = series_specs(briefing, observations)
        comparisons = comparison_specs(briefing, subject_id, observations, self._at_once + 1)
        self._fill(self.series, SeriesChart, series[:self._at_once])
        self._fill(self.comparisons, ComparisonChart, comparisons[:self._at_once])
        self.more.setVisible(len(series) > self._at_once or len(comparisons) > self._at_once)
        has_charts = bool(series or comparisons)
        self.legend.setVisible(bool(series))
        self.empty.setVisible(not has_charts)
        if not more:
            self.verticalScrollBar().setValue(0)

    def _on_more_clicked(self) -> None:
        if self._subject is not None:
            self.show_subject(*self._subject, more=True)

    def visible_charts(self) -> list[_Chart]:
        return [chart for chart in (*self.series, *self.comparisons) if not chart.isHidden()]

    def _grow(self, pool: list, kind: type, count: int) -> None:
        while len(pool) < count:
            chart = kind()
            chart.apply_fonts(self.font())
            offset = len(self.series) if pool is self.series else len(self.series) + len(self.comparisons)
            self._layout.insertWidget(self._charts_at + offset, chart)
            chart.hide()
            pool.append(chart)

    def _fill(self, pool: list, kind: type, specs: list) -> None:
        self._grow(pool, kind, len(specs))
        for chart, spec in zip(pool, specs):
            chart.set_spec(spec)
            chart.show()
        for chart in pool[len(specs):]:
            chart.hide()

    def _apply_fonts(self) -> None:
        base = self.font()
        self.legend.setFont(_chart_font(base, 1.0))
        empty = _chart_font(base, 1.4)
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
