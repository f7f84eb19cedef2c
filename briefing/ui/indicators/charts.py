"""The charts of the indicators tab: one subject's figures over the years, and subjects side by side.

Imported lazily (pyqtgraph and numpy load only when a chart is first needed). A chart is made once
and then shows one spec after another: a new subject only updates its data. What to chart is worked
out in `chart_specs` (no Qt); `charts_panel` stacks the charts.
"""

from __future__ import annotations

import functools
import html
import math

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QGraphicsView, QLabel, QVBoxLayout, QWidget

import numpy as np  # noqa: E402  (after PySide6, so pyqtgraph binds to it)
import pyqtgraph as pg  # noqa: E402

from briefing.store.records import Observation
from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec
from briefing.ui.indicators.coverage import plain_tooltip
from briefing.drawing import themes
from briefing.ui.common.theme_widgets import set_text_colour
from briefing.drawing.i18n import local_name
from briefing.drawing.chart_words import chart_word
from briefing.drawing.formatting import kind_label, value_text

_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)


# -- drawing ----------------------------------------------------------------------------------


def chart_font(base: QFont, factor: float) -> QFont:
    """Chart text is at least 14 pt at scale 1.0 (the base is 11 pt) and grows with the base."""
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 1.0) * factor)
    return font


def _style(kind: str) -> tuple[QColor, QPen]:
    """Targets hollow and dashed (a plan); derived pale and dotted (computed here); the rest solid."""
    return _theme_style(themes.current().name, kind)


@functools.lru_cache(maxsize=64)
def _theme_style(theme_name: str, kind: str) -> tuple[QColor, QPen]:
    theme = themes.theme_named(theme_name)
    accents = theme.accents
    accent = QColor(accents.get(kind, accents["reported"]))
    line = themes.KIND_LINES.get(kind)
    edge = accent.lighter(130) if theme.dark else accent.darker(120)
    pen = QPen(accent if line else edge, 3 if line else 1, line or Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)
    fill = QColor(accent)
    fill.setAlpha({"target": 0, "derived": 60}.get(kind, 255))
    return fill, pen


class Chart(QWidget):
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
        # No cached background: drawing the cached image was Qt's costliest step per chart (an image
        # blend split across threads), and a plain fill of the background colour is cheaper than that.
        self.plot.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
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
        self._label_state: dict[int, tuple] = {}  # id of a label -> its text and anchor
        self._boxes: list[tuple[float, float, float, float, str]] = []
        self._base = QFont()
        self.spec: SeriesSpec | ComparisonSpec | None = None
        self._drawn: tuple | None = None  # the spec last drawn, and the plot's width then
        self.in_view = None  # set by the panel: whether the chart is scrolled into view (None: it is)
        self._written_ticks: dict[str, list[tuple[float, str]]] = {"bottom": [], "left": []}
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

    def _set_label(self, item: pg.TextItem, text: str, anchor: tuple[float, float], x: float, y: float) -> None:
        """A value label; its text and anchor are set only when they change (each lays out a document)."""
        if self._label_state.get(id(item)) != (text, anchor):
            self._label_state[id(item)] = (text, anchor)
            item.setText(text)
            item.setAnchor(anchor)
        item.setPos(x, y)
        item.setVisible(True)

    def _set_markers(self, points: list[tuple[float, float]]) -> None:
        """The lower bounds' triangles; hidden when there are none (else they ask for a repaint at every paint)."""
        if points or self.markers.isVisible():
            self.markers.setData(pos=np.asarray(points, float).reshape(-1, 2))
        self.markers.setVisible(bool(points))

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
        set_text_colour(self.title, theme.chart_text)
        set_text_colour(self.subtitle, theme.chart_subtitle)
        if self.spec is not None:
            self.set_spec(self.spec)

    def show_spec(self, spec) -> None:
        """Show a spec: its titles and the plot's height now; the plot itself now if the chart is in
        view, else when it is scrolled into view (a thousand-port briefing stacks charts below the fold)."""
        self.spec = spec
        self._set_titles(*self.titles(spec))
        self.plot.setMinimumHeight(self.plot_height())
        self.draw_if_in_view()

    def draw_if_in_view(self) -> None:
        if self.spec is not None and not self.isHidden() and (self.in_view is None or self.in_view(self)):
            self.draw()

    def draw(self) -> None:
        """Draw the spec, unless this very spec is drawn already at this width."""
        if self.spec is not None and self._drawn != (self.spec, self.plot.width()):
            self.set_spec(self.spec)

    def prepare_paint(self) -> None:
        """Place the plot's contents now rather than as it starts painting: pyqtgraph brings the
        view's transform, and the value labels it places, up to date when the paint begins, and what
        moves then asks for another paint of the plot."""
        if self._drawn is not None and not self.isHidden():
            self.plot.scene().prepareForPaint()

    def grab(self, *args):  # a chart exported "as on screen" is drawn first, even if never scrolled to
        self.draw()
        return super().grab(*args)

    def moveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().moveEvent(event)
        self.draw_if_in_view()  # laid out into view

    def _view_width(self, left_axis: int) -> int:
        """About how wide the bars' area is: the plot less its left axis and margins."""
        return max(self.plot.width() - left_axis - 24, 150)

    def _set_titles(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)

    def _value_font(self) -> QFont:
        font = chart_font(self._base, 1.3)
        font.setBold(True)
        return font

    def apply_fonts(self, base: QFont) -> None:
        self._base = QFont(base)
        tick = chart_font(base, 1.3)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTickFont(tick)
        title = chart_font(base, 1.55)
        title.setBold(True)
        self.title.setFont(title)
        self.subtitle.setFont(chart_font(base, 1.15))
        for item in self._labels:
            item.setFont(self._value_font())
        self.markers.setSize(QFontMetrics(tick).height() * 0.8)
        if self.spec is not None:
            self.set_spec(self.spec)
        self.plot.setMinimumHeight(self.plot_height())

    def plot_height(self) -> int:
        return QFontMetrics(chart_font(self._base, 1.3)).height() * 15

    def set_spec(self, spec) -> None:
        raise NotImplementedError

    def titles(self, spec) -> tuple[str, str]:
        raise NotImplementedError

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # What fits (names, value labels, year labels) depends on the plot's width: redraw when it changes.
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            self.draw_if_in_view()
        return super().eventFilter(watched, event)

    def _on_mouse_moved(self, position) -> None:
        view = self.plot.plotItem.vb
        if view.sceneBoundingRect().contains(position):
            point = view.mapSceneToView(position)
            text = self.hover_text_at(point.x(), point.y())
            view.setToolTip(plain_tooltip(text) if text else "")

    def hover_text_at(self, x: float, y: float) -> str:
        return next((tip for x0, x1, y0, y1, tip in self._boxes if x0 <= x <= x1 and y0 <= y <= y1), "")

    # -- what the chart shows (read by the tests, and by anyone checking a drawing) --------------

    def value_labels(self) -> list[str]:
        """The values written on the bars, as shown (a crowded chart writes only some)."""
        return [item.textItem.toPlainText() for item in self._labels if item.isVisible()]

    def value_label_boxes(self) -> list[QRectF]:
        """Where those values are written, in the plot's scene coordinates (in the same order)."""
        return [item.sceneBoundingRect() for item in self._labels if item.isVisible()]

    def axis_ticks(self, side: str) -> list[tuple[float, str]]:
        """The labelled ticks on the `side` ("bottom" or "left") axis: (position, text); [] for none."""
        return list(self._written_ticks[side])

    def drawn_spec(self) -> SeriesSpec | ComparisonSpec | None:
        """The spec the plot last drew (None: never drawn); a chart out of view waits to be drawn."""
        return self._drawn[0] if self._drawn is not None else None


def _tip(obs: Observation, subject_name: str = "") -> str:
    head = f"{subject_name}\n" if subject_name else ""
    return f"{head}{obs.period_zh or obs.period}\n{kind_label(obs.kind)}:{value_text(obs)}"


class SeriesChart(Chart):
    """Vertical bars over the years: actuals solid, estimates pale and dotted, targets hollow."""

    def set_spec(self, spec: SeriesSpec) -> None:
        self.spec = spec
        self._drawn = (spec, self.plot.width())
        years = sorted({obs.period for obs in spec.points})
        slots: dict[str, list[Observation]] = {year: [] for year in years}
        for obs in spec.points:
            slots[obs.period].append(obs)
        x0, x1, heights, kinds, centres, columns = [], [], [], [], [], []
        for index, year in enumerate(years):
            width = 0.7 / len(slots[year])
            for slot, obs in enumerate(slots[year]):
                left = index - 0.35 + slot * width
                x0.append(left + 0.03)
                x1.append(left + width - 0.03)
                heights.append(obs.value)
                kinds.append(obs.kind)
                centres.append(left + width / 2)
                columns.append(index)
        self._set_bars(x0, x1, [0.0] * len(heights), heights, kinds)
        top = max(heights)
        self._boxes = [(a, b, 0.0, max(h, top * 0.08), _tip(o)) for a, b, h, o in zip(x0, x1, heights, spec.points)]
        texts = [(chart_word("target_prefix") if obs.kind == "target" else "") + value_text(obs)
                 for obs in spec.points]
        ticks = [chart_word("year", year=y) for y in years]
        labelled = self._labelled_years(ticks)
        (left, right), written = self._place_values(x0, x1, heights, texts,
                                                        [column in labelled for column in columns], ticks)
        for item, (i, anchor, x) in zip(self._label_pool(len(written)), written):
            self._set_label(item, texts[i], (anchor, 1.0), x, heights[i])
        bounds = [(c, h * 0.92) for c, h, o in zip(centres, heights, spec.points) if o.kind == "lower_bound"]
        self._set_markers(bounds)
        self._written_ticks = {"bottom": [(i, ticks[i]) for i in sorted(labelled)], "left": []}
        self.plot.getAxis("bottom").setTicks([self._written_ticks["bottom"],
                                              [(i, "") for i in range(len(years)) if i not in labelled]])
        self.plot.getAxis("left").setTicks(None)
        self.plot.setXRange(left, right, padding=0)
        self.plot.setYRange(0, top * 1.2, padding=0)
        self._set_titles(*self.titles(spec))

    def titles(self, spec: SeriesSpec) -> tuple[str, str]:
        return (chart_word("series_title", name=local_name(spec.indicator)),
                chart_word("series_subtitle", unit=spec.unit))

    def _labelled_years(self, ticks: list[str]) -> set[int]:
        """The years named under the axis: all when they fit side by side; with many years (twenty
        on a narrow chart), every second, third … year counted back from the latest."""
        metrics = QFontMetrics(chart_font(self._base, 1.3))
        per_year = self._view_width(int(self.plot.getAxis("left").width())) / max(len(ticks), 1)
        stride = max(1, math.ceil((max(metrics.horizontalAdvance(tick) for tick in ticks) + 12) / per_year))
        last = len(ticks) - 1
        return {index for index in range(len(ticks)) if (last - index) % stride == 0}

    def _place_values(self, x0: list[float], x1: list[float], heights: list[float], texts: list[str],
                      named: list[bool], ticks: list[str]) -> tuple[tuple[float, float], list[tuple[int, float, float]]]:
        """Which bars get their value written on top, and where: every one when there is room. With
        many years, those whose text can stand on the bar (centred, or flush with one of its edges)
        without overlapping another value or covering a taller bar: the latest first, then the years
        named under the axis, then the rest, tallest first. (Every bar still shows its exact figure on
        hover, and the cards list them all.) Returns the x range, widened where an outer value would
        be cut off (a value, or the outer years' names), and (bar, anchor, x) for each value written."""
        view, years = self._view_width(int(self.plot.getAxis("left").width())), len(ticks)
        self._per_unit, span = view / (years + 0.2), (-0.6, years - 0.4)
        tick_half = QFontMetrics(chart_font(self._base, 1.3)).horizontalAdvance(ticks[-1]) / 2 + 4
        for _ in range(8):  # widening the range narrows every year a little: place again until it settles
            written, wanted = self._try_values(x0, x1, heights, texts, named, years)
            wanted = (min(wanted[0], -tick_half / self._per_unit), max(wanted[1], years - 1 + tick_half / self._per_unit))
            settled = abs((wanted[1] - wanted[0]) - (span[1] - span[0])) < 1e-3
            span, self._per_unit = wanted, view / (wanted[1] - wanted[0])
            if settled:
                break
        return span, written

    def _try_values(self, x0: list[float], x1: list[float], heights: list[float], texts: list[str],
                    named: list[bool], years: int) -> tuple[list[tuple[int, float, float]], tuple[float, float]]:
        metrics = QFontMetrics(self._value_font())
        count = len(heights)
        order = sorted(range(count), key=lambda i: (i != count - 1, not named[i], -heights[i]))
        written: list[tuple[int, float, float]] = []
        taken: list[tuple[float, float]] = []
        for i in order:
            width = (metrics.horizontalAdvance(texts[i]) + 8) / self._per_unit
            for anchor, x in ((0.5, (x0[i] + x1[i]) / 2), (0.0, x0[i]), (1.0, x1[i])):
                lo = x - anchor * width
                hi = lo + width
                covers = any(heights[j] > heights[i] and x1[j] > lo and x0[j] < hi for j in range(count) if j != i)
                # only the latest value may reach past the outer years (the range widens for it)
                outside = lo < -0.6 or (hi > years - 0.4 and i != count - 1)
                if not covers and not outside and not any(b > lo and a < hi for a, b in taken):
                    written.append((i, anchor, x))
                    taken.append((lo, hi))
                    break
        return sorted(written), (min([-0.6] + [lo for lo, _ in taken]), max([years - 0.4] + [hi for _, hi in taken]))


class ComparisonChart(Chart):
    """Horizontal bars, one per subject, the selected one in orange and starred."""

    def set_spec(self, spec: ComparisonSpec) -> None:
        self.spec = spec
        self._drawn = (spec, self.plot.width())
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
        texts = [chart_word("comparison_value", value=value_text(obs), year=obs.period) for _, obs in spec.bars]
        for item, text, value, y in zip(self._label_pool(count), texts, values, ys):
            self._set_label(item, text, (0.0, 0.5), value, y)
        self._set_markers([])
        tick_metrics = QFontMetrics(chart_font(self._base, 1.3))
        value_metrics = QFontMetrics(self._value_font())
        label_room = max(value_metrics.horizontalAdvance(text) for text in texts) + 14  # + the label's margins
        # Names get what the value labels and a readable bar leave; longer ones are elided (tooltip has all).
        room = max(self.plot.width() - label_room - tick_metrics.height() * 6, tick_metrics.horizontalAdvance("口") * 6)
        ticks = []
        for y, (subject, _), chosen in zip(ys, spec.bars, selected):
            name = ("★ " if chosen else "") + local_name(subject)
            ticks.append((y, tick_metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)))
        left = self.plot.getAxis("left")
        left.setTicks([ticks])
        self._written_ticks = {"bottom": [], "left": list(ticks)}
        left_width = max(tick_metrics.horizontalAdvance(text) for _, text in ticks) + tick_metrics.height()
        left.setWidth(left_width)
        self.plot.getAxis("bottom").setTicks(None)
        self._set_unit_label(html.escape(spec.unit), theme.chart_text, chart_font(self._base, 1.3).pointSizeF())
        self.plot.setYRange(-0.6, count - 0.4, padding=0)
        # The bars' scale leaves the longest value label room at the right. The view is the widget less
        # the new left axis (left.width() still says the old one until the next layout) and the margins.
        view_width = self._view_width(left_width)
        self.plot.setXRange(0, right * view_width / max(view_width - label_room, view_width * 0.3), padding=0)
        self._set_titles(*self.titles(spec))
        self.plot.setMinimumHeight(self.plot_height())

    def titles(self, spec: ComparisonSpec) -> tuple[str, str]:
        subtitle = chart_word("comparison_subtitle", unit=spec.unit)
        if spec.total > len(spec.bars):
            subtitle += "\n" + chart_word("comparison_shown", total=spec.total, shown=len(spec.bars))
        return (chart_word("comparison_title", name=local_name(spec.indicator)),
                subtitle)

    def plot_height(self) -> int:
        line = QFontMetrics(chart_font(self._base, 1.3)).height()
        count = len(self.spec.bars) if isinstance(self.spec, ComparisonSpec) else 3
        return line * (4 + 2 * count)

    def _set_unit_label(self, unit: str, colour: str, points: float) -> None:
        """The unit under the axis (set only when it changes: pyqtgraph lays it out as a document)."""
        label = (unit, colour, round(points, 1))
        if label != getattr(self, "_unit_label", None):
            self._unit_label = label
            self.plot.getAxis("bottom").setLabel(unit, **{"color": colour, "font-size": f"{points:.1f}pt"})
