"""The charts of the indicators tab: one subject's figures over the years, and subjects side by side.

Imported lazily (pyqtgraph and numpy load only when a chart is first needed). A chart is made once
and then shows one spec after another: a new subject only updates its data. What to chart is worked
out in `chart_specs` (no Qt); `charts_panel` stacks the charts.
"""

from __future__ import annotations

import functools
import html
import math

import numpy as np  # noqa: E402  (after PySide6, so pyqtgraph binds to it)
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QGraphicsView, QLabel, QVBoxLayout, QWidget

from briefing.drawing import themes
from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec
from briefing.drawing.chart_words import bar_name, chart_word, comparison_subtitle, legend_entries
from briefing.drawing.formatting import axis_unit_text, kind_label, period_text, value_text, written_text
from briefing.drawing.i18n import local_name
from briefing.store.records import Observation
from briefing.ui.common.theme_widgets import set_text_colour
from briefing.ui.indicators.coverage import plain_tooltip

_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange)


# -- drawing ----------------------------------------------------------------------------------


def chart_font(base: QFont, factor: float) -> QFont:
    """Chart text is at least 14 pt at scale 1.0 (the base is 11 pt) and grows with the base."""
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 1.0) * factor)
    return font


def _style(kind: str, selected: bool = False) -> tuple[QBrush, QPen]:
    """Targets hollow and dashed (a plan); derived pale and dotted (computed here); lower bounds
    hatched (the true value is higher); the rest solid. A selected bar gets a heavy outline."""
    return _theme_style(themes.current().name, kind, selected)


@functools.lru_cache(maxsize=64)
def _theme_style(theme_name: str, kind: str, selected: bool = False) -> tuple[QBrush, QPen]:
    theme = themes.theme_named(theme_name)
    accents = theme.accents
    accent = QColor(accents.get(kind, accents["reported"]))
    line = themes.KIND_LINES.get(kind)
    edge = accent.lighter(130) if theme.dark else accent.darker(120)
    pen = QPen(
        accent if line or kind == "lower_bound" else edge,
        3 if line or kind == "lower_bound" else 1,
        line or Qt.PenStyle.SolidLine,
    )
    if selected:
        pen = QPen(QColor(theme.chart_text), 3, line or Qt.PenStyle.SolidLine)
    pen.setCosmetic(True)
    if kind == "lower_bound":
        return QBrush(accent, Qt.BrushStyle.BDiagPattern), pen
    fill = QColor(accent)
    fill.setAlpha({"target": 0, "derived": 60}.get(kind, 255))
    return QBrush(fill), pen


_SWATCHES = {
    "reported": "■",
    "cumulative": "■",
    "approximate": "■",
    "lower_bound": "▨",
    "derived": "▤",
    "target": "□",
    "selected": "★",
}


def legend_html(entries: list[tuple[str, str]]) -> str:
    """A chart's legend: each kind's swatch in its colour, then its words (escaped: never markup)."""
    theme = themes.current()
    parts = []
    for kind, words in entries:
        colour = theme.chart_text if kind == "selected" else theme.accents.get(kind, theme.accents["reported"])
        parts.append(f'<span style="color:{colour}">{_SWATCHES.get(kind, "■")}</span>&nbsp;{html.escape(words)}')
    return "&nbsp;&nbsp;&nbsp; ".join(parts)


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
        self.legend = QLabel()  # every colour the chart uses, and what it means
        self.legend.setObjectName("chartKinds")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
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
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        self.bars = pg.BarGraphItem(x0=[], x1=[], y0=[], y1=[])  # pens=[] trips a pyqtgraph 0.14 bug
        self.plot.addItem(self.bars)
        self._labels: list[pg.TextItem] = []
        self._label_state: dict[int, tuple] = {}  # id of a label -> its text and anchor
        self._boxes: list[tuple[float, float, float, float, str]] = []
        self._base = QFont()
        self.spec: SeriesSpec | ComparisonSpec | None = None
        self._drawn: tuple | None = None  # the spec last drawn, and the plot's width then
        self.in_view = None  # set by the panel: whether the chart is scrolled into view (None: it is)
        self._written_ticks: dict[str, list[tuple[float, str]]] = {"bottom": [], "left": [], "right": []}
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

    def _set_bars(self, x0, x1, y0, y1, kinds: list[str], selected: list[bool] | None = None) -> None:
        styles = [_style(kind, chosen) for kind, chosen in zip(kinds, selected or [False] * len(kinds))]
        self.bars.setOpts(
            x0=np.asarray(x0, float),
            x1=np.asarray(x1, float),
            y0=np.asarray(y0, float),
            y1=np.asarray(y1, float),
            brushes=[s[0] for s in styles],
            pens=[s[1] for s in styles],
        )

    def apply_theme(self) -> None:
        """Background, axes, value labels and bars in the current theme (pyqtgraph has no palette)."""
        theme = themes.current()
        self.plot.setBackground(theme.chart_background)
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(theme.chart_text))
            axis.setTextPen(pg.mkPen(theme.chart_text))
        for item in self._labels:
            item.setColor(theme.chart_text)
        set_text_colour(self.title, theme.chart_text)
        set_text_colour(self.subtitle, theme.chart_subtitle)
        set_text_colour(self.legend, theme.chart_subtitle)
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
        if self.spec is not None:
            self.legend.setText(legend_html(legend_entries(self.spec)))

    def _value_font(self) -> QFont:
        font = chart_font(self._base, 1.3)
        font.setBold(True)
        return font

    def apply_fonts(self, base: QFont) -> None:
        self._base = QFont(base)
        tick = chart_font(base, 1.3)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTickFont(tick)
        # The axis under the bars as tall as its text at once: left to itself, pyqtgraph grows it only
        # after a first paint with the text cut (years missing at a large font scale).
        self.plot.getAxis("bottom").setHeight(int(QFontMetrics(tick).height() * self.BOTTOM_LINES))
        title = chart_font(base, 1.55)
        title.setBold(True)
        self.title.setFont(title)
        self.subtitle.setFont(chart_font(base, 1.15))
        self.legend.setFont(chart_font(base, 1.15))
        for item in self._labels:
            item.setFont(self._value_font())
        if self.spec is not None:
            self.set_spec(self.spec)
        self.plot.setMinimumHeight(self.plot_height())

    BOTTOM_LINES = 1.6  # the bottom axis: its ticks' text (a comparison's also has the unit beneath)

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
        """The values written on the chart, as shown (a crowded history chart writes only some, and
        a dash for a year without a figure)."""
        return [item.textItem.toPlainText() for item in self._labels if item.isVisible()]

    def value_label_boxes(self) -> list[QRectF]:
        """Where the labels written on the plot stand, in its scene coordinates (in the same order)."""
        return [item.sceneBoundingRect() for item in self._labels if item.isVisible()]

    def axis_ticks(self, side: str) -> list[tuple[float, str]]:
        """The labelled ticks on the `side` ("bottom", "left" or "right") axis: (position, text)."""
        return list(self._written_ticks[side])

    def drawn_spec(self) -> SeriesSpec | ComparisonSpec | None:
        """The spec the plot last drew (None: never drawn); a chart out of view waits to be drawn."""
        return self._drawn[0] if self._drawn is not None else None


def _tip(obs: Observation, subject_name: str = "") -> str:
    """A bar's exact figure; in English with the Chinese as the source wrote it beneath."""
    head = f"{subject_name}\n" if subject_name else ""
    text = QCoreApplication.translate("Chart", "{period}\n{kind}:{value}").format(
        period=period_text(obs), kind=kind_label(obs.kind), value=value_text(obs)
    )
    written = written_text(obs)
    return f"{head}{text}" + (f"\n{written}" if written != value_text(obs) else "")


class SeriesChart(Chart):
    """Vertical bars over the years: actuals solid, estimates pale and dotted, targets hollow."""

    def set_spec(self, spec: SeriesSpec) -> None:
        self.spec = spec
        self._drawn = (spec, self.plot.width())
        years = list(spec.years)  # a year without a figure keeps its place: a gap, marked —
        slots: dict[str, list[Observation]] = {year: [] for year in years}
        for obs in spec.points:
            slots[obs.period].append(obs)
        x0, x1, heights, kinds, centres, columns, points = [], [], [], [], [], [], []
        for index, year in enumerate(years):
            width = 0.7 / max(len(slots[year]), 1)
            for slot, obs in enumerate(slots[year]):
                left = index - 0.35 + slot * width
                x0.append(left + 0.03)
                x1.append(left + width - 0.03)
                heights.append(obs.value)
                kinds.append(obs.kind)
                centres.append(left + width / 2)
                columns.append(index)
                points.append(obs)
        self._set_bars(x0, x1, [0.0] * len(heights), heights, kinds)
        top = max(heights)
        self._boxes = [(a, b, 0.0, max(h, top * 0.08), _tip(o)) for a, b, h, o in zip(x0, x1, heights, points)]
        # A value wider than its year (an English one: "196.53 billion yuan") takes two lines.
        value_metrics = QFontMetrics(self._value_font())
        per_year = int(self._view_width(int(self.plot.getAxis("left").width())) / len(years) * 0.95)
        texts = []
        for obs in points:
            text = (chart_word("target_prefix") if obs.kind == "target" else "") + value_text(obs)
            wrapped = wrap_name(text, value_metrics, per_year, most=2)
            texts.append(text if "…" in wrapped else wrapped)  # too narrow even so: the placing decides
        ticks = [chart_word("year", year=y) for y in years]
        labelled = self._labelled_years(ticks)
        (left, right), written = self._place_values(
            x0, x1, heights, texts, [column in labelled for column in columns], ticks
        )
        gaps = [index for index, year in enumerate(years) if not slots[year]]
        labels = self._label_pool(len(written) + len(gaps))
        for item, (i, anchor, x) in zip(labels, written):
            self._set_label(item, texts[i], (anchor, 1.0), x, heights[i])
        for item, index in zip(labels[len(written) :], gaps):
            self._set_label(item, "—", (0.5, 1.0), index, 0.0)
        self._written_ticks = {"bottom": [(i, ticks[i]) for i in sorted(labelled)], "left": [], "right": []}
        self.plot.getAxis("bottom").setTicks(
            [self._written_ticks["bottom"], [(i, "") for i in range(len(years)) if i not in labelled]]
        )
        self.plot.getAxis("left").setTicks(None)
        self.plot.hideAxis("right")
        self.plot.setXRange(left, right, padding=0)
        # From zero to a little above the largest value: room for its value's lines above it, no more.
        view = max(self.plot.height() - self.plot.getAxis("bottom").height() - 24, 60)
        lines = max((texts[i].count("\n") + 1 for i, _, _ in written), default=1)
        room = lines * value_metrics.lineSpacing() + 12
        self.plot.setYRange(0, top * max(view / max(view - room, view * 0.6), 1.05), padding=0)
        self._set_titles(*self.titles(spec))

    def titles(self, spec: SeriesSpec) -> tuple[str, str]:
        return (
            chart_word("series_title", name=local_name(spec.indicator)),
            chart_word("series_subtitle", unit=axis_unit_text(spec.unit)),
        )

    def _labelled_years(self, ticks: list[str]) -> set[int]:
        """The years named under the axis: all when they fit side by side; with many years (twenty
        on a narrow chart), every second, third … year counted back from the latest."""
        metrics = QFontMetrics(chart_font(self._base, 1.3))
        per_year = self._view_width(int(self.plot.getAxis("left").width())) / max(len(ticks), 1)
        stride = max(1, math.ceil((max(metrics.horizontalAdvance(tick) for tick in ticks) + 12) / per_year))
        last = len(ticks) - 1
        return {index for index in range(len(ticks)) if (last - index) % stride == 0}

    def _place_values(
        self,
        x0: list[float],
        x1: list[float],
        heights: list[float],
        texts: list[str],
        named: list[bool],
        ticks: list[str],
    ) -> tuple[tuple[float, float], list[tuple[int, float, float]]]:
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
            wanted = (
                min(wanted[0], -tick_half / self._per_unit),
                max(wanted[1], years - 1 + tick_half / self._per_unit),
            )
            settled = abs((wanted[1] - wanted[0]) - (span[1] - span[0])) < 1e-3
            span, self._per_unit = wanted, view / (wanted[1] - wanted[0])
            if settled:
                break
        return span, written

    def _try_values(
        self, x0: list[float], x1: list[float], heights: list[float], texts: list[str], named: list[bool], years: int
    ) -> tuple[list[tuple[int, float, float]], tuple[float, float]]:
        metrics = QFontMetrics(self._value_font())
        count = len(heights)
        order = sorted(range(count), key=lambda i: (i != count - 1, not named[i], -heights[i]))
        written: list[tuple[int, float, float]] = []
        taken: list[tuple[float, float]] = []
        for i in order:
            width = (max(metrics.horizontalAdvance(line) for line in texts[i].split("\n")) + 8) / self._per_unit
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


def wrap_name(name: str, metrics: QFontMetrics, room: int, most: int = 3) -> str:
    """A name that does not fit `room` on one line, on up to `most` lines (broken at spaces, and
    between the characters of a Chinese word too wide for a line); the last line elided only if
    even that is too narrow."""
    if metrics.horizontalAdvance(name) <= room:
        return name
    # pieces with what joins each to the one before: words by a space; a Chinese word wider than
    # the room ("★ 满洲里铁路口岸" on a narrow chart) character by character
    pieces: list[tuple[str, str]] = []
    for word in name.split(" "):
        if metrics.horizontalAdvance(word) > room and any("\u3400" <= ch <= "\u9fff" for ch in word):
            pieces += [(ch, "" if i else " ") for i, ch in enumerate(word)]
        else:
            pieces.append((word, " "))
    lines: list[str] = []
    for piece, joiner in pieces:
        if lines and metrics.horizontalAdvance(lines[-1] + joiner + piece) <= room:
            lines[-1] += joiner + piece
        else:
            lines.append(piece)
    if len(lines) > most:
        joiner = " " if " " in name else ""
        lines = lines[: most - 1] + [joiner.join(lines[most - 1 :])]
    elide = Qt.TextElideMode.ElideRight
    return "\n".join(metrics.elidedText(line, elide, room) for line in lines)


class ComparisonChart(Chart):
    """Horizontal bars, one per subject, coloured by the kind of figure (as on the cards); the
    selected subject starred and outlined. The values stand in a column at the right, so the value
    axis runs from zero to a little above the largest value."""

    BOTTOM_LINES = 2.4

    def value_labels(self) -> list[str]:
        """The values written beside the bars (the right axis), in the bars' order."""
        return [text for _, text in self._written_ticks["right"]]

    def name_labels(self) -> list[str]:
        """The subjects' names written above their bars (a long one on two or three lines)."""
        return super().value_labels()

    def set_spec(self, spec: ComparisonSpec) -> None:
        self.spec = spec
        self._drawn = (spec, self.plot.width())
        count = len(spec.bars)
        values = [obs.value for _, obs in spec.bars]
        selected = [subject.id == spec.selected_id for subject, _ in spec.bars]
        theme = themes.current()
        ys = list(range(count))
        tick_metrics = QFontMetrics(chart_font(self._base, 1.3))
        value_metrics = QFontMetrics(self._value_font())
        # The values' column takes at most 40% of the width; a longer value wraps onto more lines.
        widest = int(max(self.plot.width() * 0.4, value_metrics.horizontalAdvance("0") * 10))
        texts = [wrap_name(value_text(obs), value_metrics, widest) for _, obs in spec.bars]
        label_room = max(value_metrics.horizontalAdvance(line) for text in texts for line in text.split("\n"))
        label_room += tick_metrics.height()
        values_axis = self.plot.getAxis("right")
        self.plot.showAxis("right")
        self.plot.hideAxis("left")
        values_axis.setTickFont(self._value_font())
        values_axis.setStyle(tickLength=0)
        values_axis.setWidth(label_room)
        room = max(self.plot.width() - label_room - 40, tick_metrics.horizontalAdvance("口") * 6)
        names = [
            wrap_name(bar_name(local_name(subject), obs, spec, star=chosen), tick_metrics, room, most=4)
            for (subject, obs), chosen in zip(spec.bars, selected)
        ]
        self._name_lines = max(name.count("\n") + 1 for name in names)
        # Each row (one unit high, as tall as the name's lines and 1.4 more): a little space, the bar
        # (0.9 of a line), and the subject's name above it on the full width; its value at the right.
        row = self._name_lines + 1.4
        bottom, bar = 0.25 / row, 0.9 / row
        lows, highs = [y - 0.5 + bottom for y in ys], [y - 0.5 + bottom + bar for y in ys]
        self._set_bars([0.0] * count, values, lows, highs, [obs.kind for _, obs in spec.bars], selected)
        right = max(values)
        self._boxes = [
            (0.0, max(v, right * 0.05), low, y + 0.5, _tip(obs, local_name(subject)))
            for v, y, low, (subject, obs) in zip(values, ys, lows, spec.bars)
        ]
        written = [((low + high) / 2, text) for low, high, text in zip(lows, highs, texts)]
        self._written_ticks = {"bottom": [], "left": [], "right": written}
        values_axis.setTicks([written])
        font = chart_font(self._base, 1.3)
        for item, name, y, chosen in zip(self._label_pool(count), names, ys, selected):
            font.setBold(chosen)
            if item.textItem.font() != font:
                item.setFont(font)
            self._set_label(item, name, (0.0, 1.0), 0.0, highs[y] + 0.05 / row)
        self.plot.getAxis("bottom").setTicks(None)
        self._set_unit_label(
            html.escape(axis_unit_text(spec.unit)), theme.chart_text, chart_font(self._base, 1.3).pointSizeF()
        )
        self.plot.setYRange(-0.5, count - 0.5, padding=0)
        self.plot.setXRange(0, right * 1.05, padding=0)  # from zero to a little above the largest value
        self._set_titles(*self.titles(spec))
        self.plot.setMinimumHeight(self.plot_height())

    def titles(self, spec: ComparisonSpec) -> tuple[str, str]:
        subtitle = comparison_subtitle(spec, axis_unit_text(spec.unit))
        if spec.total > len(spec.bars):
            subtitle += "\n" + chart_word("comparison_shown", total=spec.total, shown=len(spec.bars))
        return (chart_word("comparison_title", name=local_name(spec.indicator)), subtitle)

    def plot_height(self) -> int:
        line = QFontMetrics(chart_font(self._base, 1.3)).height()
        count = len(self.spec.bars) if isinstance(self.spec, ComparisonSpec) else 3
        return int(line * (3.5 + (getattr(self, "_name_lines", 1) + 1.4) * count))

    def _set_unit_label(self, unit: str, colour: str, points: float) -> None:
        """The unit under the axis (set only when it changes: pyqtgraph lays it out as a document)."""
        label = (unit, colour, round(points, 1))
        if label != getattr(self, "_unit_label", None):
            self._unit_label = label
            self.plot.getAxis("bottom").setLabel(unit, **{"color": colour, "font-size": f"{points:.1f}pt"})
