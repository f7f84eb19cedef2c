"""Charts drawn with QPainter: into the PDF handout as vectors, into a PNG of any size, or onto a slide.

They draw the same specs as the viewer's charts (a subject's figures over the years; subjects side
by side) in the same visual language: actual values solid, estimates pale and dotted, targets
hollow and dashed, lower bounds hatched; every bar carries its value as the source wrote it (in
English in an English document), and every chart has a legend of the kinds it draws.
pyqtgraph is not used here: its SVG exporter fails on current Qt, and a widget cannot be painted
off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from briefing.drawing import themes
from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec
from briefing.drawing.chart_words import bar_name, chart_word, comparison_subtitle, legend_entries
from briefing.drawing.formatting import unit_text, value_text
from briefing.drawing.i18n import local_name
from briefing.drawing.paint_font import export_font

TEXT, SUBTLE, BASE = QColor("#1b1f24"), QColor("#4a5058"), QColor("#8f98a3")
HIGHLIGHT, OTHERS = QColor("#e8590c"), QColor("#8ea5c0")  # kept for callers; bars are coloured by kind now
ChartSpec = SeriesSpec | ComparisonSpec
ACCENTS = themes.LIGHT.accents  # the cards' colours in the light theme, so a kind looks the same everywhere
NATURAL_WIDTH = 495.0  # points: the chart's width in the handout; an image scales from it


SERIES_HEIGHT = 200.0  # points
LEGEND_HEIGHT = 16.0  # points: the row of swatches under every chart


def chart_height(spec: ChartSpec) -> float:
    """The chart's height in the handout, in points: a comparison grows with its bars."""
    if isinstance(spec, ComparisonSpec):
        return 58.0 + 30.0 * len(spec.bars) + LEGEND_HEIGHT
    return SERIES_HEIGHT + LEGEND_HEIGHT


class _Colours:
    """Text and accent colours: the print colours by default, or a theme's (a slide in the dark theme)."""

    def __init__(self, theme: themes.Theme | None = None) -> None:
        if theme is None:
            self.text, self.subtle, self.base, self.accents = TEXT, SUBTLE, BASE, ACCENTS
        else:
            self.text, self.subtle = QColor(theme.chart_text), QColor(theme.chart_subtitle)
            self.base, self.accents = QColor(theme.chart_subtitle), theme.accents


class _Pen:
    """Fonts and line widths for a target measured in points (`unit` device units per point)."""

    def __init__(self, painter: QPainter, family: str, unit: float) -> None:
        self.painter, self.family, self.unit = painter, family, unit

    def font(self, size: float, bold: bool = False) -> QFont:
        return export_font(self.family, size * self.unit, bold)

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.painter.device())

    def text(self, font: QFont, colour: QColor, rect: QRectF, flags: Qt.AlignmentFlag, text: str) -> None:
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(rect, int(flags), text)

    def fitted(self, text: str, size: float, width: float, bold: bool = False, smallest: float = 6.0) -> QFont:
        """The font at `size`, or smaller (down to `smallest`) until `text` fits `width`."""
        font = self.font(size, bold)
        while size > smallest and self.metrics(font).horizontalAdvance(text) > width:
            size -= 0.5
            font = self.font(size, bold)
        return font


def _style(kind: str, unit: float, colours: _Colours | None = None, selected: bool = False) -> tuple[QBrush, QPen]:
    """Solid for a stated value, hatched for a lower bound (the true value is higher), pale and
    dotted for a derived value, hollow and dashed for a target; a selected bar heavily outlined."""
    colours = colours or _Colours()
    accent = QColor(colours.accents.get(kind, colours.accents["reported"]))
    line = themes.KIND_LINES.get(kind)
    if kind == "target":
        brush, pen = QBrush(Qt.BrushStyle.NoBrush), QPen(accent, 1.6 * unit, Qt.PenStyle.DashLine)
    elif kind == "derived":
        pale = QColor(accent)
        pale.setAlpha(60)
        brush, pen = QBrush(pale), QPen(accent, 1.6 * unit, Qt.PenStyle.DotLine)
    elif kind == "lower_bound":  # hatched by `_bar`: lines, crisp in a PDF and at any size
        brush, pen = QBrush(Qt.BrushStyle.NoBrush), QPen(accent, 1.4 * unit)
    else:
        brush, pen = QBrush(accent), QPen(accent.darker(120), 0.5 * unit)
    if selected:
        pen = QPen(colours.text, 1.8 * unit, line or Qt.PenStyle.SolidLine)
    return brush, pen


def hatch(painter: QPainter, rect: QRectF, colour: QColor, width: float, step: float) -> None:
    """A lower bound's bar: diagonal lines `step` apart inside `rect` (lines, so crisp in a PDF and
    at any size; the true value is higher than the bar, so it is not drawn solid)."""
    if rect.width() <= 0 or rect.height() <= 0:
        return
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(colour, width))
    offset = -rect.height()
    while offset < rect.width():
        painter.drawLine(
            QPointF(rect.left() + offset, rect.bottom()), QPointF(rect.left() + offset + rect.height(), rect.top())
        )
        offset += step
    painter.restore()


def _bar(painter: QPainter, rect: QRectF, kind: str, unit: float, colours: _Colours, selected: bool = False) -> None:
    """One bar (or a legend's swatch) in its kind's style; a lower bound's hatching drawn as lines."""
    brush, outline = _style(kind, unit, colours, selected)
    if kind == "lower_bound":
        hatch(painter, rect, QColor(colours.accents["lower_bound"]), 0.8 * unit, 4.0 * unit)
    painter.setBrush(brush)
    painter.setPen(outline)
    painter.drawRect(rect)


def _titles(pen: _Pen, rect: QRectF, title: str, subtitle: str, colours: _Colours | None = None) -> float:
    """Title and subtitle at the top of `rect`; returns the height they take."""
    colours = colours or _Colours()
    title_font, sub_font = pen.font(11.0, bold=True), pen.font(8.0)
    top = rect.top()
    for font, colour, text in ((title_font, colours.text, title), (sub_font, colours.subtle, subtitle)):
        height = pen.metrics(font).lineSpacing()
        elided = pen.metrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        pen.text(
            font,
            colour,
            QRectF(rect.left(), top, rect.width(), height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            elided,
        )
        top += height * 1.1
    return top - rect.top() + 4 * pen.unit


def _legend(pen: _Pen, rect: QRectF, spec: ChartSpec, lang: str, colours: _Colours) -> None:
    """Every kind of bar the chart draws, with a swatch drawn as the bars are; and the star."""
    font = pen.font(7.5)
    metrics = pen.metrics(font)
    swatch = 9 * pen.unit
    x, y = rect.left(), rect.bottom() - LEGEND_HEIGHT * pen.unit + 3 * pen.unit
    for kind, words in legend_entries(spec, lang, section=True):
        if kind == "selected":
            pen.text(font, colours.text, QRectF(x, y, swatch + 2 * pen.unit, swatch), Qt.AlignmentFlag.AlignCenter, "★")
        else:
            _bar(pen.painter, QRectF(x, y, swatch, swatch), kind, pen.unit, colours)
        x += swatch + 3 * pen.unit
        words_box = QRectF(x, y - 2 * pen.unit, metrics.horizontalAdvance(words) + 2, swatch + 4 * pen.unit)
        pen.text(font, colours.subtle, words_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words)
        x += metrics.horizontalAdvance(words) + 12 * pen.unit


def draw_series(
    painter: QPainter,
    rect: QRectF,
    spec: SeriesSpec,
    lang: str,
    family: str,
    unit: float,
    theme: themes.Theme | None = None,
) -> None:
    """Vertical bars over the years (a missing year a gap marked —), each labelled with its value."""
    pen, colours = _Pen(painter, family, unit), _Colours(theme)
    name = local_name(spec.indicator, lang)
    used = _titles(
        pen,
        rect,
        chart_word("series_title", lang, name=name),
        chart_word("series_subtitle", lang, unit=unit_text(spec.unit, lang)),
        colours,
    )  # no axis numbers
    years = list(spec.years)
    slots = {year: [obs for obs in spec.points if obs.period == year] for year in years}
    label_font = pen.font(8.0)
    axis_height = pen.metrics(label_font).lineSpacing() * 1.4
    legend = LEGEND_HEIGHT * unit
    plot = QRectF(rect.left() + 6 * unit, rect.top() + used, rect.width() - 12 * unit, rect.height() - used - legend)
    value_room = pen.metrics(pen.font(8.5, bold=True)).lineSpacing() * 1.3
    floor = plot.bottom() - axis_height
    top = max(obs.value for obs in spec.points) or 1.0
    scale = (floor - plot.top() - value_room) / top  # from zero to the largest value, its label above it
    slot_width = plot.width() / len(years)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, year in enumerate(years):
        group = slots[year]
        left = plot.left() + index * slot_width + slot_width * 0.15
        width = slot_width * 0.7 / max(len(group), 1)
        if not group:
            pen.text(
                pen.font(8.5, bold=True),
                colours.subtle,
                QRectF(left, floor - value_room, width, value_room),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                "—",
            )
        for n, obs in enumerate(group):
            x = left + n * width
            bar = QRectF(x + width * 0.06, floor - obs.value * scale, width * 0.88, obs.value * scale)
            _bar(painter, bar, obs.kind, unit, colours)
            label = (chart_word("target_prefix", lang) if obs.kind == "target" else "") + value_text(obs, lang)
            font = pen.fitted(label, 8.5, width * 1.0 + slot_width * 0.3 / len(group), bold=True)
            above = QRectF(x - slot_width * 0.15, bar.top() - value_room, width + slot_width * 0.3, value_room)
            pen.text(font, colours.text, above, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label)
        pen.text(
            label_font,
            colours.text,
            QRectF(plot.left() + index * slot_width, floor, slot_width, axis_height),
            Qt.AlignmentFlag.AlignCenter,
            chart_word("year", lang, year=year),
        )
    painter.setPen(QPen(colours.base, 0.8 * unit))
    painter.drawLine(QPointF(plot.left(), floor), QPointF(plot.right(), floor))
    _legend(pen, rect, spec, lang, colours)


def _wrapped(pen: _Pen, font: QFont, text: str, width: float) -> str:
    """`text` on one line if it fits `width`, else on two (at a space, or between Chinese characters)."""
    metrics = pen.metrics(font)
    if metrics.horizontalAdvance(text) <= width:
        return text
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces or range(1, len(text)), key=lambda i: abs(i - len(text) / 2))
    elide = Qt.TextElideMode.ElideRight
    return "\n".join(metrics.elidedText(part.strip(), elide, width) for part in (text[:cut], text[cut:]))


def draw_comparison(
    painter: QPainter,
    rect: QRectF,
    spec: ComparisonSpec,
    lang: str,
    family: str,
    unit: float,
    theme: themes.Theme | None = None,
) -> None:
    """Horizontal bars, one per subject, coloured by the kind of figure; the section's own subject
    starred, bold and outlined. Names wrap rather than being cut; the longest bar ends before the values."""
    pen, colours = _Pen(painter, family, unit), _Colours(theme)
    name = local_name(spec.indicator, lang)
    used = _titles(
        pen,
        rect,
        chart_word("comparison_title", lang, name=name),
        comparison_subtitle(spec, unit_text(spec.unit, lang), lang),
        colours,
    )
    value_font = pen.font(8.5, bold=True)
    names = [
        bar_name(local_name(subject, lang), obs, spec, lang, star=subject.id == spec.selected_id)
        for subject, obs in spec.bars
    ]
    values = [f" {value_text(obs, lang)}" for _, obs in spec.bars]
    name_width = min(
        max(pen.metrics(pen.font(8.5, bold=True)).horizontalAdvance(n) for n in names) + 8 * unit, rect.width() * 0.34
    )
    value_width = max(pen.metrics(value_font).horizontalAdvance(v) for v in values) + 4 * unit
    bar_left = rect.left() + name_width
    bar_room = max(rect.width() - name_width - value_width, rect.width() * 0.2)
    right = max(obs.value for _, obs in spec.bars) or 1.0
    legend = LEGEND_HEIGHT * unit
    row = (rect.height() - used - legend) / len(spec.bars)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, ((subject, obs), label, value) in enumerate(zip(spec.bars, names, values)):
        top = rect.top() + used + index * row
        chosen = subject.id == spec.selected_id
        font = pen.font(8.5, bold=chosen)
        pen.text(
            font,
            colours.text,
            QRectF(rect.left(), top, name_width - 6 * unit, row),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _wrapped(pen, font, label, name_width - 6 * unit),
        )
        length = obs.value / right * bar_room
        _bar(painter, QRectF(bar_left, top + row * 0.2, length, row * 0.6), obs.kind, unit, colours, chosen)
        pen.text(
            value_font,
            colours.text,
            QRectF(bar_left + length, top, value_width + 40 * unit, row),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            value,
        )
    painter.setPen(QPen(colours.base, 0.8 * unit))
    painter.drawLine(QPointF(bar_left, rect.top() + used), QPointF(bar_left, rect.bottom() - legend))
    _legend(pen, rect, spec, lang, colours)


def draw_chart(
    painter: QPainter,
    rect: QRectF,
    spec: ChartSpec,
    lang: str,
    family: str,
    unit: float,
    theme: themes.Theme | None = None,
) -> None:
    """A series or a comparison; `theme`: a theme's colours (a slide), else the print colours."""
    if isinstance(spec, ComparisonSpec):
        draw_comparison(painter, rect, spec, lang, family, unit, theme)
    else:
        draw_series(painter, rect, spec, lang, family, unit, theme)
