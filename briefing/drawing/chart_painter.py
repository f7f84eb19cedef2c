"""Charts drawn with QPainter: into the PDF handout as vectors, into a PNG of any size, or onto a slide.

They draw the same specs as the viewer's charts (a subject's figures over the years; subjects side
by side) in the same visual language: actual values solid, estimates pale and dotted, targets
hollow and dashed, lower bounds marked ▲; every bar carries its value as the source wrote it.
pyqtgraph is not used here: its SVG exporter fails on current Qt, and a widget cannot be painted
off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from briefing.drawing import themes
from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec
from briefing.drawing.chart_words import chart_word
from briefing.drawing.i18n import local_name
from briefing.drawing.paint_font import export_font
from briefing.drawing.formatting import value_text

TEXT, SUBTLE, BASE = QColor("#1b1f24"), QColor("#4a5058"), QColor("#8f98a3")
HIGHLIGHT, OTHERS = QColor("#e8590c"), QColor("#8ea5c0")
ChartSpec = SeriesSpec | ComparisonSpec
ACCENTS = themes.LIGHT.accents  # the cards' colours in the light theme, so a kind looks the same everywhere
NATURAL_WIDTH = 495.0  # points: the chart's width in the handout; an image scales from it


SERIES_HEIGHT = 200.0  # points


def chart_height(spec: ChartSpec) -> float:
    """The chart's height in the handout, in points: a comparison grows with its bars."""
    return 58.0 + 21.0 * len(spec.bars) if isinstance(spec, ComparisonSpec) else SERIES_HEIGHT


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


def _style(kind: str, unit: float) -> tuple[QBrush, QPen]:
    accent = QColor(ACCENTS.get(kind, ACCENTS["reported"]))
    if kind == "target":
        return QBrush(Qt.BrushStyle.NoBrush), QPen(accent, 1.6 * unit, Qt.PenStyle.DashLine)
    if kind == "derived":
        pale = QColor(accent)
        pale.setAlpha(60)
        return QBrush(pale), QPen(accent, 1.6 * unit, Qt.PenStyle.DotLine)
    return QBrush(accent), QPen(accent.darker(120), 0.5 * unit)


def _titles(pen: _Pen, rect: QRectF, title: str, subtitle: str) -> float:
    """Title and subtitle at the top of `rect`; returns the height they take."""
    title_font, sub_font = pen.font(11.0, bold=True), pen.font(8.0)
    top = rect.top()
    for font, colour, text in ((title_font, TEXT, title), (sub_font, SUBTLE, subtitle)):
        height = pen.metrics(font).lineSpacing()
        elided = pen.metrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        pen.text(font, colour, QRectF(rect.left(), top, rect.width(), height),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        top += height * 1.1
    return top - rect.top() + 4 * pen.unit


def _triangle(centre: QPointF, size: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(centre.x(), centre.y() - size * 0.6)
    path.lineTo(centre.x() + size * 0.55, centre.y() + size * 0.4)
    path.lineTo(centre.x() - size * 0.55, centre.y() + size * 0.4)
    path.closeSubpath()
    return path


def draw_series(painter: QPainter, rect: QRectF, spec: SeriesSpec, lang: str, family: str, unit: float) -> None:
    """Vertical bars over the years, each labelled with its value as written."""
    pen = _Pen(painter, family, unit)
    name = local_name(spec.indicator, lang)
    used = _titles(pen, rect, chart_word("series_title", lang, name=name),
                   chart_word("series_subtitle", lang, unit=spec.unit))
    years = sorted({obs.period for obs in spec.points})
    slots = {year: [obs for obs in spec.points if obs.period == year] for year in years}
    label_font = pen.font(8.0)
    axis_height = pen.metrics(label_font).lineSpacing() * 1.4
    plot = QRectF(rect.left() + 6 * unit, rect.top() + used, rect.width() - 12 * unit, rect.height() - used)
    value_room = pen.metrics(pen.font(8.5, bold=True)).lineSpacing() * 1.3
    floor = plot.bottom() - axis_height
    top = max(obs.value for obs in spec.points) or 1.0
    scale = (floor - plot.top() - value_room) / top
    slot_width = plot.width() / len(years)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, year in enumerate(years):
        group = slots[year]
        left = plot.left() + index * slot_width + slot_width * 0.15
        width = slot_width * 0.7 / len(group)
        for n, obs in enumerate(group):
            x = left + n * width
            bar = QRectF(x + width * 0.06, floor - obs.value * scale, width * 0.88, obs.value * scale)
            brush, outline = _style(obs.kind, unit)
            painter.setBrush(brush)
            painter.setPen(outline)
            painter.drawRect(bar)
            label = (chart_word("target_prefix", lang) if obs.kind == "target" else "") + value_text(obs, lang)
            font = pen.fitted(label, 8.5, width * 1.0 + slot_width * 0.3 / len(group), bold=True)
            pen.text(font, TEXT, QRectF(x - slot_width * 0.15, bar.top() - value_room, width + slot_width * 0.3,
                                        value_room), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                     label)
            if obs.kind == "lower_bound" and bar.height() > 12 * unit:
                painter.setPen(QPen(QColor("white"), 0.8 * unit))
                painter.setBrush(QColor(ACCENTS["lower_bound"]).lighter(150))
                painter.drawPath(_triangle(QPointF(bar.center().x(), bar.top() + 7 * unit), 8 * unit))
        pen.text(label_font, TEXT, QRectF(plot.left() + index * slot_width, floor, slot_width, axis_height),
                 Qt.AlignmentFlag.AlignCenter, chart_word("year", lang, year=year))
    painter.setPen(QPen(BASE, 0.8 * unit))
    painter.drawLine(QPointF(plot.left(), floor), QPointF(plot.right(), floor))


def draw_comparison(painter: QPainter, rect: QRectF, spec: ComparisonSpec, lang: str, family: str, unit: float) -> None:
    """Horizontal bars, one per subject, the section's own subject in orange and starred."""
    pen = _Pen(painter, family, unit)
    name = local_name(spec.indicator, lang)
    used = _titles(pen, rect, chart_word("comparison_title", lang, name=name),
                   chart_word("comparison_subtitle_section", lang, unit=spec.unit))
    value_font = pen.font(8.5, bold=True)
    names = [("★ " if subject.id == spec.selected_id else "") + local_name(subject, lang)
             for subject, _ in spec.bars]
    values = [f" {value_text(obs, lang)} ({chart_word('year', lang, year=obs.period)})" for _, obs in spec.bars]
    name_width = min(max(pen.metrics(pen.font(8.5, bold=True)).horizontalAdvance(n) for n in names) + 8 * unit,
                     rect.width() * 0.4)
    value_width = max(pen.metrics(value_font).horizontalAdvance(v) for v in values) + 4 * unit
    bar_left = rect.left() + name_width
    bar_room = max(rect.width() - name_width - value_width, rect.width() * 0.2)
    right = max(obs.value for _, obs in spec.bars) or 1.0
    row = (rect.height() - used) / len(spec.bars)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, ((subject, obs), label, value) in enumerate(zip(spec.bars, names, values)):
        top = rect.top() + used + index * row
        chosen = subject.id == spec.selected_id
        font = pen.font(8.5, bold=chosen)
        elided = pen.metrics(font).elidedText(label, Qt.TextElideMode.ElideRight, name_width - 6 * unit)
        pen.text(font, TEXT, QRectF(rect.left(), top, name_width - 6 * unit, row),
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
        length = obs.value / right * bar_room
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HIGHLIGHT if chosen else OTHERS)
        painter.drawRect(QRectF(bar_left, top + row * 0.18, length, row * 0.64))
        pen.text(value_font, TEXT, QRectF(bar_left + length, top, value_width + 40 * unit, row),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
    painter.setPen(QPen(BASE, 0.8 * unit))
    painter.drawLine(QPointF(bar_left, rect.top() + used), QPointF(bar_left, rect.bottom()))


def draw_chart(painter: QPainter, rect: QRectF, spec: ChartSpec, lang: str, family: str, unit: float) -> None:
    if isinstance(spec, ComparisonSpec):
        draw_comparison(painter, rect, spec, lang, family, unit)
    else:
        draw_series(painter, rect, spec, lang, family, unit)
