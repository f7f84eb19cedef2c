"""The port map for print: league outlines, neighbours' names, port markers, labels and a legend,
drawn with QPainter as vectors (no widget, no scene), in print colours whatever the screen theme.

Geometry is the viewer's: the same projection, marker shapes and label placement (map_items and
map_layout), so the handout's map reads like the one on screen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform

from briefing.drawing import map_geometry
from briefing.drawing.i18n import local_name, short_port_name
from briefing.drawing.map_geometry import legend_entries, map_word, neighbours, outline_path, project
from briefing.drawing.map_labels import plan_labels
from briefing.drawing.paint_font import export_font
from briefing.store.records import MODES

INK, MUTED, COUNTRY_INK = QColor("#1c2630"), QColor("#5f6d7a"), QColor("#a2adb8")
LAND, BORDER, SEA, PAPER = QColor("#f6f1e3"), QColor("#8f9aa6"), QColor("#e6ebf0"), QColor("white")
PIXEL = 0.75  # points per map pixel
_SHAPE_PITCH = 9.5  # map pixels from one legend marker to the next in a row


def map_aspect(outlines, ports) -> float:
    """Height over width of the region (outlines and placed ports) in the map's projection."""
    box = _extent(outlines, ports)
    return box.height() / box.width() if box.width() > 0 else 0.75


def _extent(outlines, ports) -> QRectF:
    points = [project(lon, lat) for outline in outlines for ring in outline.rings for lon, lat in ring]
    points += [project(p.lon, p.lat) for p in ports if p.has_position]
    if not points:
        return QRectF(0, 0, 1, 1)
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _font(family: str, unit: float, size: float, bold: bool = False) -> QFont:
    return export_font(family, size * unit, bold)


def draw_marker(painter: QPainter, mode: str, hollow: bool, centre: QPointF, radius: float) -> None:
    """A marker in ink whatever its mode (its shape says the mode), white inside when hollow (as on screen)."""
    map_geometry.draw_marker(painter, mode, hollow, centre, radius, INK, PAPER)


def _legend_indent(unit: float) -> float:
    """Where a legend row's words start: after a column for each mode's shape."""
    return (11 + _SHAPE_PITCH * (len(MODES) - 1) + 9) * unit


class MapFigure:
    """The map for one handout; `draw` paints it into a rectangle of the page (device units)."""

    def __init__(self, outlines, ports, lang: str, family: str, unit: float) -> None:
        self.outlines, self.ports, self.lang, self.family = outlines, ports, lang, family
        self.unit = unit  # device units per point
        self.px = 1 / PIXEL  # map pixels per point, while drawing

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        # Work in screen-like pixels (0.75 pt each), the space the viewer's label planner is tuned for.
        painter.save()
        scale = self.unit * PIXEL
        painter.scale(scale, scale)
        rect = QRectF(rect.x() / scale, rect.y() / scale, rect.width() / scale, rect.height() / scale)
        self._draw(painter, rect, 1 / PIXEL)
        painter.restore()

    def _draw(self, painter: QPainter, rect: QRectF, unit: float) -> None:
        box = _extent(self.outlines, self.ports)
        pad = 0.03
        box = box.adjusted(-box.width() * pad, -box.height() * pad, box.width() * pad, box.height() * pad)
        scale = min(rect.width() / box.width(), rect.height() / box.height())
        offset = QPointF(rect.center().x() - box.center().x() * scale, rect.center().y() - box.center().y() * scale)
        to_page = QTransform(scale, 0, 0, scale, offset.x(), offset.y())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(rect)
        painter.fillRect(rect, SEA)
        for outline in self.outlines:
            path = outline_path(outline)
            painter.setPen(QPen(BORDER, 0.6 * unit))
            painter.setBrush(LAND)
            painter.drawPath(to_page.map(path))
        metrics = QFontMetricsF(_font(self.family, unit, 7.5, bold=True))
        countries = self._countries(painter, to_page)
        legend = self._legend_rect(painter, rect)
        radius = 4.2 * unit
        placed = {p.id: p for p in self.ports if p.has_position}
        at = {pid: to_page.map(project(p.lon, p.lat)) for pid, p in placed.items()}
        named = {pid: replace(p, name_zh=short_port_name(p, self.lang)) for pid, p in placed.items()}
        plan = plan_labels(named, at, "", False, radius, metrics, [(legend, 3.0)] + countries, rect)
        self._leagues(painter, to_page, plan.occupied + [legend])
        for pid, port in placed.items():
            offset = plan.offsets.get(pid, QPointF())
            if abs(offset.x()) + abs(offset.y()) > 1:  # moved aside: a leader to the true spot
                painter.setPen(QPen(MUTED, 0.6 * unit))
                painter.drawLine(at[pid], at[pid] + offset)
                painter.setBrush(INK)
                painter.drawEllipse(at[pid], 1.1 * unit, 1.1 * unit)
            draw_marker(painter, port.mode, port.coord_precision != "exact", at[pid] + offset, radius)
        font = _font(self.family, unit, 7.5, bold=True)
        for _, text, anchor, relative, pitch in plan.labels:
            box = relative.translated(anchor)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(box, 2 * unit, 2 * unit)
            painter.setFont(font)
            painter.setPen(INK)
            inner = box.adjusted(5, 2, -5, -2)  # the planner's pixel padding
            for i, line in enumerate(text.split("\n")):
                row = QRectF(inner.left(), inner.top() + i * pitch, inner.width(), metrics.lineSpacing())
                painter.drawText(
                    row,
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip),
                    line,
                )
        self._draw_legend(painter, legend)
        painter.setClipping(False)
        painter.setPen(QPen(BORDER, 0.6 * unit))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()

    def _countries(self, painter: QPainter, to_page: QTransform) -> list[tuple[QRectF, float]]:
        font = _font(self.family, self.px, 15, bold=True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 118)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(COUNTRY_INK)
        taken = []
        for name, lon, lat in neighbours(self.lang):
            centre = to_page.map(project(lon, lat))
            width, height = metrics.horizontalAdvance(name), metrics.lineSpacing()
            box = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), name)
            taken.append((box, 1.0))
        return taken

    def _leagues(self, painter: QPainter, to_page: QTransform, occupied: list[QRectF]) -> None:
        """League and city names, each nudged off the ports and their labels, or left out."""
        font = _font(self.family, self.px, 6.5)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(MUTED)
        pad = 2 * self.px
        taken = [r.adjusted(-pad, -pad, pad, pad) for r in occupied]
        for outline in self.outlines:
            name = local_name(outline, self.lang)
            centre = to_page.map(project(outline.label_lon, outline.label_lat))
            w, h = metrics.horizontalAdvance(name), metrics.lineSpacing()
            home = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
            for dx, dy in ((0, 0), (0, -h), (0, h), (-w * 0.6, 0), (w * 0.6, 0), (0, -2 * h), (0, 2 * h)):
                spot = home.translated(dx, dy)
                if not any(spot.intersects(t) for t in taken):
                    painter.drawText(spot, int(Qt.AlignmentFlag.AlignCenter), name)
                    taken.append(spot)
                    break

    def _legend_rect(self, painter: QPainter, rect: QRectF) -> QRectF:
        metrics = QFontMetricsF(_font(self.family, self.px, 7))
        entries = legend_entries(self.lang)
        width = max(metrics.horizontalAdvance(text) for _, _, text in entries) + _legend_indent(self.px) + 6 * self.px
        height = metrics.lineSpacing() * 1.25 * (len(entries) + 1) + 8 * self.px
        return QRectF(rect.left() + 8 * self.px, rect.bottom() - height - 8 * self.px, width, height)

    def _draw_legend(self, painter: QPainter, box: QRectF) -> None:
        unit = self.px
        font, bold = _font(self.family, unit, 7), _font(self.family, unit, 7, bold=True)
        metrics = QFontMetricsF(font)
        painter.setPen(QPen(BORDER, 0.5 * unit))
        painter.setBrush(QColor(255, 255, 255, 238))
        painter.drawRoundedRect(box, 3 * unit, 3 * unit)
        step = metrics.lineSpacing() * 1.25
        top = box.top() + 4 * unit
        painter.setFont(bold)
        painter.setPen(INK)
        painter.drawText(
            QRectF(box.left() + 6 * unit, top, box.width(), step),
            int(Qt.AlignmentFlag.AlignVCenter),
            map_word("legend", self.lang),
        )
        for index, (modes, hollow, text) in enumerate(legend_entries(self.lang), start=1):
            row = QRectF(box.left(), top + index * step, box.width(), step)
            for mode in modes:  # each shape in its own column, as on screen
                centre = QPointF(box.left() + (11 + _SHAPE_PITCH * MODES.index(mode)) * unit, row.center().y())
                draw_marker(painter, mode, hollow, centre, 3.2 * unit)
            painter.setFont(font)
            painter.setPen(INK)
            painter.drawText(row.adjusted(_legend_indent(unit), 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter), text)
