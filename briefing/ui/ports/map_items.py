"""What the map draws: league outlines, port markers and names that keep their on-screen size, their
shapes in one ink, and the projection from longitude and latitude to the scene.

Markers and names are pictures drawn once and copied by Qt: a marker is one of a few sprites (per
shape, fill, size and theme), a name a picture of its own. Painting a map of a thousand ports
so runs no Python at all: a pan or a zoom only copies pixels. (Python-drawn items cost a call
each per paint; Qt's own item cache redrew every item nudged by a fraction of a pixel.)
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QGraphicsPixmapItem

from briefing.drawing import map_geometry as geometry
from briefing.drawing.formatting import country_label, mode_label, precision_label
from briefing.drawing.i18n import local_name
from briefing.drawing.map_geometry import marker_ink, project, theme_colour
from briefing.store.records import Outline, Port


def port_tooltip(port: Port) -> str:
    """Rich text built only from escaped database text, so nothing in the data is read as markup."""
    other = port.name_zh if local_name(port) != port.name_zh else port.name_en  # the other language
    rows = [
        f"<b>{html.escape(local_name(port))}</b>",
        html.escape(other),
        html.escape(QCoreApplication.translate("PortMap", "方式") + f": {mode_label(port.mode)}"),
    ]
    if port.counterpart:
        rows.append(
            html.escape(
                QCoreApplication.translate("PortMap", "对方口岸")
                + f": {port.counterpart} ({country_label(port.country)})"
            )
        )
    rows.append(
        html.escape(QCoreApplication.translate("PortMap", "坐标") + f": {precision_label(port.coord_precision)}")
    )
    return "<br>".join(rows)


def draw_marker(painter: QPainter, mode: str, hollow: bool, centre: QPointF, radius: float) -> None:
    """A marker in the current theme's one marker ink (paper: white, or black in the dark theme), lines
    never thinner than a screen can show."""
    geometry.draw_marker(
        painter, mode, hollow, centre, radius, marker_ink(), theme_colour("base"), min_rim=2.5, min_edge=1.5
    )


_SPRITES: dict[tuple, tuple[QPixmap, float]] = {}  # (mode, hollow, size, ratio, colours) -> (sprite, half width)


def _pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0


def marker_sprite(mode: str, hollow: bool, size: float, ratio: float) -> tuple[QPixmap, float]:
    """A marker drawn once (per shape, fill, size, pixel ratio and theme) and its half width."""
    key = (mode, hollow, round(size, 3), ratio, marker_ink().rgba(), theme_colour("base").rgba())
    found = _SPRITES.get(key)
    if found is None:
        half = math.ceil(size * 1.8 + 2)
        sprite = QPixmap(round(2 * half * ratio), round(2 * half * ratio))
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_marker(painter, mode, hollow, QPointF(half, half), size)
        painter.end()
        found = _SPRITES[key] = (sprite, float(half))
    return found


def leader_picture(offset: QPointF, ratio: float) -> tuple[QPixmap, QPointF]:
    """The leader of a marker moved aside to `offset`: a line from the port's true spot (0, 0) with a
    dot there, drawn once as a picture, and where the picture's corner goes.

    A picture, not a line and an ellipse item: Qt works out a line item's bounds by stroking its
    outline at every paint, and a crowded map has hundreds of leaders (a third of a repaint)."""
    box = QRectF(QPointF(), offset).normalized().adjusted(-3, -3, 3, 3)
    left, top = math.floor(box.left()), math.floor(box.top())
    width, height = math.ceil(box.right()) - left, math.ceil(box.bottom()) - top
    picture = QPixmap(round(width * ratio), round(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(-left, -top)
    painter.setPen(QPen(theme_colour("map_muted"), 1.2))
    painter.drawLine(QPointF(), offset)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(theme_colour("map_ink")))
    painter.drawEllipse(QPointF(), 2.2, 2.2)
    painter.end()
    return picture, QPointF(left, top)


class OutlineItem(QGraphicsPathItem):
    """A league: its land filled, its border drawn with the pen's colour and width in pixels.

    Qt draws a line of up to 1 pixel with its fast line drawer; a wider one goes through the general
    stroker, which works out a join at each of the outlines' thousands of corners (8 ms per redraw,
    most of a zoom step, against 0.6 ms). A border wider than a pixel is therefore drawn as 1-pixel
    lines side by side, a fraction of a pixel apart: the same ink (1.3 px of it for the usual 1.3)."""

    def __init__(self, path: QPainterPath, record: Outline | None = None) -> None:
        super().__init__(path)
        self.record = record

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: N802 (Qt override)
        path, pen = self.path(), self.pen()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush())
        painter.drawPath(path)
        width = pen.widthF() if pen.isCosmetic() else 0.0
        if not 1.0 < width <= 2.0:
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            return
        hairline = QPen(pen)
        hairline.setWidthF(1.0)
        painter.setPen(hairline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        shift = width - 1.0  # in device pixels, diagonally: borders running either way thicken
        painter.save()
        painter.setTransform(painter.transform() * QTransform.fromTranslate(shift, shift))
        painter.drawPath(path)
        painter.restore()


class PortMarker(QGraphicsPixmapItem):
    """A port at its true position, in pixels; `offset` moves it aside within a crowded cluster.

    Qt draws it (a sprite, with a leader and a ring as child items when needed): no Python runs when
    the map is painted."""

    def __init__(self, port: Port, radius: float) -> None:
        super().__init__()
        self.port, self.radius, self.moved_by, self.selected = port, radius, QPointF(), False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        if port.lon is not None and port.lat is not None:  # only placed ports get a marker
            self.setPos(project(port.lon, port.lat))
        self.setZValue(10)
        self.setToolTip(port_tooltip(port))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._leader: QGraphicsPixmapItem | None = None
        self._ring: tuple[QGraphicsEllipseItem, QGraphicsEllipseItem] | None = None
        self.redraw()

    @property
    def hollow(self) -> bool:
        return self.port.coord_precision != "exact"

    @property
    def fill_colour(self) -> QColor:
        return theme_colour("base") if self.hollow else marker_ink()

    def set_geometry(self, offset: QPointF, radius: float, selected: bool) -> None:
        if (offset - self.moved_by).manhattanLength() < 0.01 and radius == self.radius and selected == self.selected:
            return  # unchanged: nothing to redraw
        self.moved_by, self.radius, self.selected = QPointF(offset), radius, selected
        self.setZValue(20 if selected else 10)
        self.redraw()

    def _size(self) -> float:
        return self.radius * (1.3 if self.selected else 1.0)

    def redraw(self) -> None:
        """The sprite, leader and ring for the current offset, size, selection and theme."""
        size = self._size()
        sprite, half = marker_sprite(self.port.mode, self.hollow, size, _pixel_ratio())
        self.setPixmap(sprite)
        self.setOffset(self.moved_by.x() - half, self.moved_by.y() - half)
        moved = abs(self.moved_by.x()) + abs(self.moved_by.y()) > 1
        if moved and self._leader is None:  # a leader from the true spot to the marker moved aside
            self._leader = QGraphicsPixmapItem(self)
            self._leader.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        if self._leader is not None:
            if moved:
                picture, corner = leader_picture(self.moved_by, _pixel_ratio())
                self._leader.setPixmap(picture)
                self._leader.setOffset(corner)
            self._leader.setVisible(moved)
        if self.selected and self._ring is None:
            self._ring = (QGraphicsEllipseItem(self), QGraphicsEllipseItem(self))
            for item in self._ring:
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        if self._ring is not None:
            reach = size * 1.75
            for item, colour, width in zip(self._ring, (theme_colour("base"), theme_colour("map_ink")), (6, 3)):
                item.setRect(self.moved_by.x() - reach, self.moved_by.y() - reach, 2 * reach, 2 * reach)
                item.setPen(QPen(colour, width))
                item.setBrush(Qt.BrushStyle.NoBrush)
                item.setVisible(self.selected)


class TextBadge(QGraphicsPixmapItem):
    """Text of constant on-screen size at a scene point; `rect` (pixels) says where, relative to it.

    The text is drawn once into a picture that Qt copies at every paint; moving a name (as every
    zoom does) keeps the picture, and only new words, font, colours or size draw it anew.
    """

    def __init__(self, text: str, font: QFont, colour: QColor, halo: bool, port_id: str = "") -> None:
        super().__init__()
        self.text, self.font, self.colour, self.halo, self.port_id = text, font, colour, halo, port_id
        self.rect, self.pitch, self.home = QRectF(), 0.0, QRectF()
        self.factor, self.area = 1.0, 0.0  # for league and country names: size, and the league's extent
        self.port_ids: tuple[str, ...] = ()  # the ports a placed port name stands for (several when stacked)
        self.emphasis = -1  # the line drawn bold: the selected port's
        self.record = None  # the outline a league name belongs to (renamed on a language change)
        self._drawn_for: tuple | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)

    def centre_on_anchor(self) -> None:
        metrics = QFontMetricsF(self.font)
        width = max(metrics.horizontalAdvance(line) for line in self.text.split("\n"))
        height = metrics.lineSpacing() * len(self.text.split("\n"))
        self.home = QRectF(-width / 2, -height / 2, width, height)  # centred; _make_room_for may shift it
        self.place(self.home)

    def place(self, rect: QRectF, pitch: float = 0.0) -> None:
        resized = rect.size() != self.rect.size() or pitch != self.pitch
        self.rect, self.pitch = QRectF(rect), pitch
        self.setOffset(rect.topLeft())
        if resized:
            self.redraw()

    def show_text(self, text: str, font: QFont, colour: QColor, emphasis: int, rect: QRectF, pitch: float) -> None:
        """New words, looks and box at once: drawn once (restyle, then place, drew a reused name twice)."""
        self.text, self.font, self.colour, self.emphasis = text, font, colour, emphasis
        self.rect, self.pitch = QRectF(rect), pitch
        self.setOffset(rect.topLeft())
        self.redraw()

    def clear(self) -> None:
        """Hide, and let the picture go: a name taken up again is drawn anew in any case."""
        self.text, self._drawn_for = "", None
        self.setPixmap(QPixmap())
        self.hide()

    def restyle(self, text: str, font: QFont, colour: QColor, emphasis: int = -1) -> None:
        if (text, emphasis) != (self.text, self.emphasis) or font != self.font or colour != self.colour:
            self.text, self.font, self.colour, self.emphasis = text, font, colour, emphasis
            self.redraw()

    def redraw(self) -> None:
        """Draw the picture again if anything it shows has changed (words, looks, size, theme)."""
        if not self.text:  # a spare name, hidden (a theme change redraws every name)
            return
        ratio = _pixel_ratio()
        key = (
            self.text,
            self.font.key(),
            self.colour.rgba(),
            self.emphasis,
            self.rect.size().toTuple(),
            self.pitch,
            self.halo,
            theme_colour("map_halo").rgba(),
            ratio,
        )
        if key == self._drawn_for:
            return
        self._drawn_for = key
        picture = QPixmap(self.rect.size().toSize().grownBy(QMargins(0, 0, 1, 1)) * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        self._draw(painter)
        painter.end()
        self.setPixmap(picture)

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        box = QRectF(0, 0, self.rect.width(), self.rect.height())
        if self.halo:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_colour("map_halo"))
            painter.drawRoundedRect(box, 4, 4)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        metrics = QFontMetricsF(self.font)
        pitch = self.pitch or metrics.lineSpacing()
        inner = box.adjusted(5, 2, -5, -2) if self.halo else box
        align = Qt.AlignmentFlag.AlignLeft if self.halo else Qt.AlignmentFlag.AlignHCenter
        bold = QFont(self.font)
        bold.setBold(True)
        for i, line in enumerate(self.text.split("\n")):
            painter.setFont(bold if i == self.emphasis else self.font)
            row = QRectF(inner.left(), inner.top() + i * pitch, inner.width(), metrics.lineSpacing())
            painter.drawText(row, int(align | Qt.AlignmentFlag.AlignVCenter), line)
