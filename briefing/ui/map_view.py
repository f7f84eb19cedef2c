"""The offline port map: league outlines and port markers drawn in a QGraphicsScene, no tiles, no numpy."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame, QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsView, QGridLayout, QHBoxLayout, QLabel,
    QPushButton,
)

from briefing.store.records import MODES, Port
from briefing.ui.formatting import country_label, mode_label, precision_label

DEGREE = 100.0  # scene units per degree of latitude
COS_LAT = math.cos(math.radians(44.0))  # equirectangular, true to scale at the region's middle latitude
MODE_COLOURS = {"rail": QColor("#c4461b"), "road": QColor("#1763b0"), "air": QColor("#0b7d55")}
INK, MUTED, COUNTRY_INK = QColor("#1c2630"), QColor("#5f6d7a"), QColor("#a2adb8")
LAND, BORDER, SEA = QColor("#f6f1e3"), QColor("#8f9aa6"), QColor("#e6ebf0")
FULL_NAME_ZOOM = 2.2  # from this much closer than the fitted view, labels give full names
OVERLAY_STYLE = ("QFrame#mapOverlay { background: rgba(255,255,255,238); border: 1px solid #b6c0ca;"
                 " border-radius: 6px; } QPushButton { border: none; color: #1763b0; text-decoration: underline;"
                 " padding: 0 2px; text-align: left; }")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PortMap", text)


def neighbours() -> tuple[tuple[str, float, float], ...]:
    """Neighbouring countries, named where their land is (no foreign outline is drawn)."""
    return ((_tr("俄罗斯"), 114.6, 51.9), (_tr("蒙古国"), 106.5, 45.2))


def project(lon: float, lat: float) -> QPointF:
    return QPointF(lon * COS_LAT * DEGREE, -lat * DEGREE)


def short_name(name: str) -> str:
    for suffix in ("铁路口岸", "公路口岸", "航空口岸", "口岸"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def port_tooltip(port: Port) -> str:
    """Rich text built only from escaped database text, so nothing in the data is read as markup."""
    rows = [f"<b>{html.escape(port.name_zh)}</b>", html.escape(port.name_en),
            html.escape(f"{_tr('方式')}: {mode_label(port.mode)}")]
    if port.counterpart:
        rows.append(html.escape(f"{_tr('对方口岸')}: {port.counterpart} ({country_label(port.country)})"))
    rows.append(html.escape(f"{_tr('坐标')}: {precision_label(port.coord_precision)}"))
    return "<br>".join(rows)


def marker_path(mode: str, radius: float) -> QPainterPath:
    """The mode as a shape centred on (0, 0): rail a square, road a circle, air a triangle."""
    path = QPainterPath()
    if mode == "rail":
        side = radius * 1.75
        path.addRect(QRectF(-side / 2, -side / 2, side, side))
    elif mode == "air":
        r = radius * 1.35
        path.moveTo(0, -r)
        path.lineTo(r * 0.866, r * 0.5)
        path.lineTo(-r * 0.866, r * 0.5)
        path.closeSubpath()
        path.translate(0, r * 0.12)
    else:
        path.addEllipse(QPointF(0, 0), radius, radius)
    return path


def draw_marker(painter: QPainter, mode: str, hollow: bool, centre: QPointF, radius: float) -> None:
    colour = MODE_COLOURS.get(mode, INK)
    if hollow:  # an approximate position: white inside, a thick coloured rim
        painter.setPen(QPen(colour, max(2.5, radius * 0.42), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(QBrush(QColor("white")))
    else:
        painter.setPen(QPen(QColor("white"), max(1.5, radius * 0.22)))
        painter.setBrush(QBrush(colour))
    painter.drawPath(marker_path(mode, radius).translated(centre))


class PortMarker(QGraphicsItem):
    """A port at its true position, painted in pixels; `offset` moves it aside within a crowded cluster."""

    def __init__(self, port: Port, radius: float) -> None:
        super().__init__()
        self.port, self.radius, self.offset, self.selected = port, radius, QPointF(), False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(project(port.lon, port.lat))
        self.setZValue(10)
        self.setToolTip(port_tooltip(port))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def hollow(self) -> bool:
        return self.port.coord_precision != "exact"

    @property
    def fill_colour(self) -> QColor:
        return QColor("white") if self.hollow else MODE_COLOURS.get(self.port.mode, INK)

    def set_geometry(self, offset: QPointF, radius: float, selected: bool) -> None:
        self.prepareGeometryChange()
        self.offset, self.radius, self.selected = offset, radius, selected
        self.setZValue(20 if selected else 10)
        self.update()

    def _size(self) -> float:
        return self.radius * (1.3 if self.selected else 1.0)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        reach = self._size() * 2.2 + 4
        box = QRectF(self.offset.x() - reach, self.offset.y() - reach, 2 * reach, 2 * reach)
        return box.united(QRectF(-4, -4, 8, 8))

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self.offset, self._size() * 1.5, self._size() * 1.5)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if abs(self.offset.x()) + abs(self.offset.y()) > 1:  # moved aside: a leader to the true spot
            painter.setPen(QPen(MUTED, 1.2))
            painter.drawLine(QPointF(), self.offset)
            painter.setBrush(QBrush(INK))
            painter.drawEllipse(QPointF(), 2.2, 2.2)
        size = self._size()
        if self.selected:
            painter.setPen(QPen(QColor("white"), 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self.offset, size * 1.75, size * 1.75)
            painter.setPen(QPen(INK, 3))
            painter.drawEllipse(self.offset, size * 1.75, size * 1.75)
        draw_marker(painter, self.port.mode, self.hollow, self.offset, size)


class TextBadge(QGraphicsItem):
    """Text of constant on-screen size at a scene point; `rect` (pixels) says where, relative to it."""

    def __init__(self, text: str, font: QFont, colour: QColor, halo: bool, port_id: str = "") -> None:
        super().__init__()
        self.text, self.font, self.colour, self.halo, self.port_id = text, font, colour, halo, port_id
        self.rect, self.pitch, self.home = QRectF(), 0.0, QRectF()
        self.factor, self.area = 1.0, 0.0  # for league and country names: size, and the league's extent
        self.emphasis = -1  # the line drawn bold: the selected port's
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def centre_on_anchor(self) -> None:
        metrics = QFontMetricsF(self.font)
        width = max(metrics.horizontalAdvance(line) for line in self.text.split("\n"))
        height = metrics.lineSpacing() * len(self.text.split("\n"))
        self.home = QRectF(-width / 2, -height / 2, width, height)  # centred; _make_room_for may shift it
        self.place(self.home)

    def place(self, rect: QRectF, pitch: float = 0.0) -> None:
        self.prepareGeometryChange()
        self.rect, self.pitch = QRectF(rect), pitch
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.halo:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(self.rect, 4, 4)
        painter.setFont(self.font)
        painter.setPen(self.colour)
        metrics = QFontMetricsF(self.font)
        pitch = self.pitch or metrics.lineSpacing()
        inner = self.rect.adjusted(5, 2, -5, -2) if self.halo else self.rect
        align = Qt.AlignmentFlag.AlignLeft if self.halo else Qt.AlignmentFlag.AlignHCenter
        bold = QFont(self.font)
        bold.setBold(True)
        for i, line in enumerate(self.text.split("\n")):
            painter.setFont(bold if i == self.emphasis else self.font)
            row = QRectF(inner.left(), inner.top() + i * pitch, inner.width(), metrics.lineSpacing())
            painter.drawText(row, int(align | Qt.AlignmentFlag.AlignVCenter), line)


class LabelPlan:
    """Where markers move aside and where each label goes, in viewport pixels."""

    def __init__(self) -> None:
        self.offsets: dict[str, QPointF] = {}
        self.labels: list[tuple[tuple[str, ...], str, QPointF, QRectF, float]] = []  # ids, text, anchor, rect, pitch
        self.occupied: list[QRectF] = []  # markers and port labels, which league names must give way to


def _clusters(ports: dict[str, Port], at: dict[str, QPointF], radius: float) -> list[list[str]]:
    """Ports whose markers would touch, or same-named ports close by (the Manzhouli and Erenhot trios)."""
    parent = {pid: pid for pid in at}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            pid = parent[pid]
        return pid

    ids = sorted(at)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            d = math.dist((at[a].x(), at[a].y()), (at[b].x(), at[b].y()))
            if d < radius * 2.8 or (short_name(ports[a].name_zh) == short_name(ports[b].name_zh) and d < radius * 7):
                parent[root(b)] = root(a)
    clusters: dict[str, list[str]] = {}
    for pid in ids:
        clusters.setdefault(root(pid), []).append(pid)
    order = lambda pid: (MODES.index(ports[pid].mode) if ports[pid].mode in MODES else 9, ports[pid].name_zh)
    return [sorted(c, key=order) for c in clusters.values()]


def plan_labels(ports: dict[str, Port], at: dict[str, QPointF], selected: str, full: bool, radius: float,
                metrics: QFontMetricsF, obstacles: list[tuple[QRectF, float]], bounds: QRectF) -> LabelPlan:
    """Spread each crowded group's markers in a row (a column, with full names), then put its label
    on the side where it covers the least: other markers, other labels, the overlays, the edge."""
    groups = sorted(_clusters(ports, at, radius), key=lambda c: (selected not in c, -len(c), at[c[0]].y()))
    plan, extents = LabelPlan(), []
    for members in groups:
        roomy = selected in members and len(members) > 1  # the highlight ring needs room in a group
        pitch, gap = max(metrics.lineSpacing(), radius * (3.8 if roomy else 2.6)), radius * (3.4 if roomy else 2.7)
        n, stacked = len(members), full and len(members) > 1
        anchor = QPointF(sum(at[p].x() for p in members) / n, sum(at[p].y() for p in members) / n)
        for i, pid in enumerate(members):
            step = i - (n - 1) / 2
            plan.offsets[pid] = anchor + (QPointF(0, step * pitch) if stacked else QPointF(step * gap, 0)) - at[pid]
        reach = radius * (2.9 if selected in members else 1.7)
        half_w, half_h = (0, (n - 1) / 2 * pitch) if stacked else ((n - 1) / 2 * gap, 0)
        extents.append(QRectF(anchor.x() - half_w - reach, anchor.y() - half_h - reach,
                              2 * (half_w + reach), 2 * (half_h + reach)))
    plan.occupied = list(extents)
    keep_off = radius * 0.8  # a label hugging another port's marker reads as that port's name
    placed = list(obstacles) + [(e.adjusted(-keep_off, -keep_off, keep_off, keep_off), 1.0) for e in extents]
    labels: list[QRectF] = []
    for index, (members, ext) in enumerate(zip(groups, extents)):
        pitch = max(metrics.lineSpacing(), radius * (3.8 if selected in members and len(members) > 1 else 2.6))
        names = [ports[p].name_zh if full else short_name(ports[p].name_zh) for p in members]
        text = "\n".join(names) if full and len(members) > 1 else "/".join(dict.fromkeys(names))
        lines = text.split("\n")
        w = max(metrics.horizontalAdvance(line) for line in lines) + 10
        h = pitch * (len(lines) - 1) + metrics.lineSpacing() + 4
        left, right = ext.left() - 2 - w, ext.right() + 2
        mid_x, mid_y = ext.center().x() - w / 2, ext.center().y() - h / 2
        nudge = h * 0.6
        spots = [(right, mid_y), (left, mid_y), (right, mid_y - nudge), (right, mid_y + nudge),
                 (left, mid_y - nudge), (left, mid_y + nudge)]
        if len(lines) == 1:
            top, bottom = ext.top() - h, ext.bottom()
            spots += [(mid_x, top), (mid_x, bottom), (right - 4, top + 4), (right - 4, bottom - 4),
                      (left + 4, top + 4), (left + 4, bottom - 4)]
        own = len(obstacles) + index

        def cost(rect: QRectF) -> float:
            overlap = sum(_area(rect.intersected(o)) * weight for i, (o, weight) in enumerate(placed) if i != own)
            return overlap + 4 * (_area(rect) - _area(rect.intersected(bounds)))

        # a few square pixels of halo are a tie; ties keep the earlier, more natural spot
        best = min((QRectF(x, y, w, h) for x, y in spots), key=lambda rect: round(cost(rect) / 30))
        text_box = best.adjusted(3, 3, -3, -3)  # halos may touch at the corners; the names may not
        if selected not in members and any(_area(text_box.intersected(r.adjusted(3, 3, -3, -3))) > 0 for r in labels):
            continue  # no free side: better no name (the tooltip still has it) than two names in a pile
        placed.append((best, 10.0))  # covering a name is far worse than crowding a marker
        labels.append(best)
        plan.occupied.append(best)
        plan.labels.append((tuple(members), text, ext.center(), best.translated(-ext.center()), pitch))
    return plan


def _empty(layout) -> None:
    while layout.count():
        widget = layout.takeAt(0).widget()
        widget.setParent(None)  # gone from findChildren() at once, not at the next event loop pass
        widget.deleteLater()


def _area(rect: QRectF) -> float:
    return max(0.0, rect.width()) * max(0.0, rect.height()) if rect.isValid() else 0.0


class PortMap(QGraphicsView):
    """Inner Mongolia's leagues and its ports. Wheel zooms at the cursor, drag pans, a click selects."""

    port_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(SEA)
        self.setMinimumSize(320, 240)
        self._markers: dict[str, PortMarker] = {}
        self._labels: list[TextBadge] = []
        self._fixed_labels: list[TextBadge] = []  # league and neighbour names
        self._region = QRectF()
        self._selected = ""
        self._visible: set[str] | None = None
        self._fit_scale, self._user_zoomed, self._pressed = 1.0, False, ""
        self.legend = self._overlay()
        self.unplaced_box = self._overlay()
        self._unplaced: tuple[Port, ...] = ()
        self._build_legend()

    # -- content ----------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        self.set_content(briefing.outlines(), briefing.ports)

    def set_content(self, outlines, ports) -> None:
        scene = self.scene()
        scene.clear()
        self._markers, self._labels, self._fixed_labels, self._selected = {}, [], [], ""
        region = QPainterPath()
        for outline in outlines:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for ring in outline.rings:
                path.moveTo(project(*ring[0]))
                for lon, lat in ring[1:]:
                    path.lineTo(project(lon, lat))
                path.closeSubpath()
            item = QGraphicsPathItem(path)
            pen = QPen(BORDER, 1.3)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setBrush(LAND)
            scene.addItem(item)
            region.addPath(path)
            self._add_fixed(outline.name_zh, 0.9, MUTED, outline.label_lon, outline.label_lat,
                            _area(path.boundingRect()))
        if outlines:
            for name, lon, lat in neighbours():
                self._add_fixed(name, 2.3, COUNTRY_INK, lon, lat)
        for port in ports:
            if port.has_position:
                marker = PortMarker(port, self._radius())
                scene.addItem(marker)
                self._markers[port.id] = marker
                region.addEllipse(marker.pos(), DEGREE / 2, DEGREE / 2)  # fits the ports even without outlines
        self._region = region.boundingRect()
        self.setSceneRect(self._region.adjusted(-self._region.width(), -self._region.height(),
                                                self._region.width(), self._region.height()))
        self._set_unplaced(tuple(p for p in ports if not p.has_position))
        self._visible = None
        self.reset_view()

    def _add_fixed(self, text: str, factor: float, colour: QColor, lon: float, lat: float, area=0.0) -> None:
        badge = TextBadge(text, self._fixed_font(factor), colour, halo=False)
        badge.factor, badge.area = factor, area
        badge.centre_on_anchor()
        badge.setPos(project(lon, lat))
        badge.setZValue(5)
        self.scene().addItem(badge)
        self._fixed_labels.append(badge)

    def markers(self) -> dict[str, PortMarker]:
        return dict(self._markers)

    def marker(self, port_id: str) -> PortMarker | None:
        return self._markers.get(port_id)

    def labels(self) -> list[TextBadge]:
        return list(self._labels)

    # -- selection and filtering --------------------------------------------------------------

    def selected_port(self) -> str:
        return self._selected

    def set_selected(self, port_id: str) -> None:
        """Highlight a port (no signal) and bring it into view; an empty id clears the highlight."""
        self._selected = port_id if port_id in self._markers or port_id in {p.id for p in self._unplaced} else ""
        for button in self.unplaced_box.findChildren(QPushButton):
            button.setStyleSheet("font-weight: bold;" if button.property("port_id") == self._selected else "")
        marker = self._markers.get(self._selected)
        if marker is not None:
            margin = self._radius() * 4
            if not self.viewport().rect().adjusted(margin, margin, -margin, -margin).contains(
                    self.mapFromScene(marker.pos())):
                self.centerOn(marker.pos())
        self._relayout()

    def set_visible_ports(self, port_ids: set[str] | None) -> None:
        """Fade the ports the table's filter hides; None shows them all at full strength."""
        self._visible = None if port_ids is None else set(port_ids)
        self._relayout()

    # -- view -------------------------------------------------------------------------------

    def reset_view(self) -> None:
        self.resetTransform()
        if not self._region.isEmpty():
            margin = self._region.width() * 0.02
            self.fitInView(self._region.adjusted(-margin, -margin, margin, margin),
                           Qt.AspectRatioMode.KeepAspectRatio)
        self._fit_scale = self.transform().m11() or 1.0
        self._user_zoomed = False
        self._relayout()

    def zoom_by(self, factor: float, at=None) -> None:
        """Zoom keeping the scene point under `at` (viewport pixels; the centre by default) still."""
        current = self.transform().m11()
        target = min(max(current * factor, self._fit_scale * 0.7), self._fit_scale * 30)
        if abs(target - current) < 1e-9:
            return
        at = self.viewport().rect().center() if at is None else at.toPoint()
        before = self.mapToScene(at)
        self.scale(target / current, target / current)
        after = self.mapToScene(at)
        self.centerOn(self.mapToScene(self.viewport().rect().center()) - (after - before))
        self._user_zoomed = True
        self._relayout()

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        port_id = self._port_at(event.position().toPoint()) if event.button() == Qt.MouseButton.LeftButton else ""
        self._pressed = port_id
        if port_id:
            event.accept()  # a press on a port is a click, not the start of a drag
        else:
            super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        pressed, self._pressed = self._pressed, ""
        if pressed and pressed == self._port_at(event.position().toPoint()):
            event.accept()
            self.port_clicked.emit(pressed)
            return
        super().mouseReleaseEvent(event)

    def _port_at(self, pos) -> str:
        for item in self.items(pos):
            if isinstance(item, PortMarker):
                return item.port.id
            if isinstance(item, TextBadge) and item.port_id:
                return item.port_id
        return ""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place_overlays()
        if self._user_zoomed:
            self._relayout()
        else:
            self.reset_view()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() not in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            return
        countries = iter(name for name, _, _ in neighbours())
        for badge in self._fixed_labels:  # league and country names follow the presentation scale
            badge.font = self._fixed_font(badge.factor)
            badge.text = next(countries) if badge.factor > 1 else badge.text
            badge.centre_on_anchor()
        for marker in self._markers.values():
            marker.setToolTip(port_tooltip(marker.port))
        self._build_legend()
        self._set_unplaced(self._unplaced)
        self._relayout()

    # -- layout of markers and labels -----------------------------------------------------------

    def _scaled_font(self, factor: float, bold: bool = False, spacing: float = 0.0) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(1.0, self.font().pointSizeF() * factor))
        font.setBold(bold)
        if spacing:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100 + spacing)
        return font

    def _fixed_font(self, factor: float) -> QFont:
        return self._scaled_font(factor, spacing=18 if factor > 1.5 else 0.0)

    def _radius(self) -> float:
        return max(6.0, QFontMetricsF(self.font()).height() * 0.36)

    def _relayout(self) -> None:
        for badge in self._labels:
            self.scene().removeItem(badge)
        self._labels = []
        if not self._markers:
            return
        full = self.transform().m11() >= self._fit_scale * FULL_NAME_ZOOM
        at = {pid: QPointF(self.mapFromScene(m.pos())) for pid, m in self._markers.items()}
        overlays = [(QRectF(w.geometry()), 3.0) for w in (self.legend, self.unplaced_box) if not w.isHidden()]
        # Country names are fixed obstacles; league names give way to the ports afterwards.
        fixed = [(self._fixed_rect(b), 1.0) for b in self._fixed_labels if b.factor > 1]
        plan = plan_labels({pid: m.port for pid, m in self._markers.items()}, at, self._selected, full,
                           self._radius(), QFontMetricsF(self._scaled_font(1.0, bold=True)), overlays + fixed,
                           QRectF(self.viewport().rect()))
        self._make_room_for(plan.occupied + [rect for rect, _ in overlays])
        for pid, offset in plan.offsets.items():
            marker = self._markers[pid]
            marker.set_geometry(offset, self._radius(), pid == self._selected)
            marker.setOpacity(1.0 if self._visible is None or pid in self._visible else 0.25)
        for port_ids, text, anchor, rect, pitch in plan.labels:
            bold = self._selected in port_ids
            stacked = text.count("\n") > 0
            badge = TextBadge(text, self._scaled_font(1.0, bold=bold and not stacked), INK, halo=True,
                              port_id=port_ids[0] if len(port_ids) == 1 else "")
            badge.emphasis = port_ids.index(self._selected) if bold and stacked else -1
            badge.place(rect, pitch)
            badge.setPos(self.mapToScene(anchor.toPoint()))
            badge.setZValue(25 if bold else 15)
            faded = self._visible is not None and not set(port_ids) & self._visible
            badge.setOpacity(0.35 if faded else 1.0)
            if len(port_ids) == 1:
                badge.setToolTip(self._markers[port_ids[0]].toolTip())
            self.scene().addItem(badge)
            self._labels.append(badge)

    def _fixed_rect(self, badge: TextBadge) -> QRectF:
        return badge.home.translated(QPointF(self.mapFromScene(badge.pos())))

    def _make_room_for(self, occupied: list[QRectF]) -> None:
        """Nudge each league name off the ports' markers and labels, bigger leagues first; else hide it."""
        pad = self._radius() * 0.8
        taken = [rect.adjusted(-pad, -pad, pad, pad) for rect in occupied]
        for badge in sorted(self._fixed_labels, key=lambda b: -b.area):
            home = self._fixed_rect(badge)
            if badge.factor > 1:  # a country name stays put; the port labels kept clear of it
                continue
            w, h = home.width(), home.height()
            shifts = [(0, 0), (0, -h), (0, h), (-w * 0.6, 0), (w * 0.6, 0), (0, -2 * h), (0, 2 * h)]
            free = next((QPointF(dx, dy) for dx, dy in shifts
                         if not any(home.translated(dx, dy).intersects(t) for t in taken)), None)
            badge.setVisible(free is not None)
            if free is not None:
                badge.place(badge.home.translated(free))
                taken.append(home.translated(free))

    # -- overlays ---------------------------------------------------------------------------

    def _overlay(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("mapOverlay")
        frame.setStyleSheet(OVERLAY_STYLE)
        return frame

    def _place_overlays(self) -> None:
        margin = 12
        for frame in (self.legend, self.unplaced_box):
            frame.adjustSize()
        self.legend.move(margin, margin)
        self.unplaced_box.move(margin, self.height() - self.unplaced_box.height() - margin)

    def _build_legend(self) -> None:
        layout = self.legend.layout() or QGridLayout(self.legend)
        _empty(layout)
        layout.setContentsMargins(10, 8, 12, 8)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(3)
        title = QLabel(_tr("图例"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title, 0, 0, 1, 2)
        entries = [(mode, False, mode_label(mode)) for mode in MODES]
        entries += [("", False, _tr("确切位置")), ("", True, _tr("邻近城镇或大致位置"))]
        for row, (mode, hollow, text) in enumerate(entries, start=1):
            icon = QLabel()
            icon.setPixmap(self._legend_icon(mode, hollow))
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(icon, row, 0)
            layout.addWidget(label, row, 1)
        self._place_overlays()

    def _legend_icon(self, mode: str, hollow: bool) -> QPixmap:
        radius = self._radius()
        size = int(radius * 3.2)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if mode:
            draw_marker(painter, mode, False, QPointF(size / 2, size / 2), radius)
        else:  # the fill legend uses a neutral circle, so it reads apart from the mode colours
            painter.setPen(QPen(MUTED, max(2.5, radius * 0.42)) if hollow else QPen(QColor("white"), 1.5))
            painter.setBrush(QColor("white") if hollow else MUTED)
            painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
        painter.end()
        return pixmap

    def _set_unplaced(self, ports: tuple[Port, ...]) -> None:
        self._unplaced = ports
        layout = self.unplaced_box.layout() or QHBoxLayout(self.unplaced_box)
        _empty(layout)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(QLabel(_tr("无可靠坐标的口岸:")))
        for index, port in enumerate(ports):
            if index:
                layout.addWidget(QLabel(_tr("、")))
            button = QPushButton(port.name_zh)
            button.setProperty("port_id", port.id)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(port_tooltip(port))
            button.clicked.connect(lambda _=False, pid=port.id: self.port_clicked.emit(pid))
            layout.addWidget(button)
        self.unplaced_box.setVisible(bool(ports))
        self._place_overlays()

    def unplaced_names(self) -> list[str]:
        return [b.text() for b in self.unplaced_box.findChildren(QPushButton)]
