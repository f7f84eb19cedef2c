"""The offline port map: league outlines and port markers drawn in a QGraphicsScene, no tiles, no numpy.

Markers and names keep their on-screen size (map_items draws them once, as pictures Qt copies) and
the outlines are cached per zoom level, so panning a map of a thousand ports only copies pixels.
Where names go is worked out in map_layout: at every change for a small map; for a crowd, once per
view, then only around the chosen port; after a zoom, once the wheel rests.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QPushButton

from briefing.drawing import themes
from briefing.drawing.i18n import local_name
from briefing.drawing.map_geometry import COS_LAT, DEGREE, neighbours, outline_path, project, theme_colour
from briefing.drawing.map_labels import Planner, nudge_names, rect_area
from briefing.store.records import Port
from briefing.ui.ports.map_items import OutlineItem, PortMarker, TextBadge, port_tooltip
from briefing.ui.ports.map_overlays import (
    UNPLACED_NAMED,
    corner_box,
    corner_box_style,
    fill_legend,
    fill_unplaced,
    legend_icon,
    place_corner_boxes,
)

FULL_NAME_ZOOM = 2.2  # from this much closer than the fitted view, labels give full names
RELABEL_AFTER_ZOOM_MS = 120  # names are placed anew once the wheel rests, not at every notch


class PortMap(QGraphicsView):
    """Inner Mongolia's leagues and its ports. Wheel zooms at the cursor, drag pans, a click selects."""

    port_clicked = Signal(str)
    zoomed = Signal()  # by the wheel (a pan moves the scroll bars)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # Names are re-placed on every selection and zoom: a spatial index would be rebuilt each time,
        # while a walk over a thousand items to paint an exposed area costs next to nothing.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(320, 240)
        self._outline_items: list[OutlineItem] = []
        self._markers: dict[str, PortMarker] = {}
        self._labels: list[TextBadge] = []
        self._fixed_labels: list[TextBadge] = []  # league and neighbour names
        self._region = QRectF()
        self._selected = ""
        self._visible: set[str] | None = None
        self._fit_scale, self._user_zoomed, self._pressed = 1.0, False, ""
        self._layout_pending = False  # names are placed when the map is on screen (or asked about)
        self._layout_at_paint = False  # ... at the next paint (after a resize)
        self._planner = Planner()
        self._relabel_timer = QTimer(self, singleShot=True, interval=RELABEL_AFTER_ZOOM_MS)
        self._relabel_timer.timeout.connect(self._flush_layout)
        self.legend = self._overlay()
        self.unplaced_box = self._overlay()
        self._unplaced: tuple[Port, ...] = ()
        self._unplaced_named = 0  # how many of them the corner box names (the rest are in its menu)
        self._apply_theme()
        themes.signals().theme_changed.connect(self._apply_theme)

    def _apply_theme(self, *_args) -> None:
        """Sea, land, borders, names and overlays in the current theme's colours."""
        self.setBackgroundBrush(theme_colour("map_sea"))
        for item in self._outline_items:
            pen = QPen(theme_colour("map_border"), 1.3)
            pen.setCosmetic(True)
            item.setPen(pen)
        self._tint_league()
        for badge in self._fixed_labels:
            badge.restyle(badge.text, badge.font, theme_colour("map_country" if badge.factor > 1 else "map_muted"))
        for frame in (self.legend, self.unplaced_box):
            frame.setStyleSheet(corner_box_style())
        self._build_legend()
        self._set_unplaced(self._unplaced)
        for marker in self._markers.values():
            marker.redraw()  # their pictures in the new colours
        for badge in self._labels:
            badge.redraw()
        self._relayout()  # port names in the theme's ink

    # -- content ----------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        self.set_content(briefing.outlines(), briefing.ports)

    def set_content(self, outlines, ports) -> None:
        scene = self.scene()
        scene.clear()
        self._markers, self._labels, self._fixed_labels, self._selected = {}, [], [], ""
        self._outline_items = []
        region = QPainterPath()
        for outline in outlines:
            path = outline_path(outline)
            item = OutlineItem(path, outline)
            pen = QPen(theme_colour("map_border"), 1.3)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setBrush(theme_colour("map_land"))
            # Drawn once per zoom level, then copied: filling the outlines again under every changed
            # name or marker took most of a repaint.
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            scene.addItem(item)
            self._outline_items.append(item)
            region.addPath(path)
            badge = self._add_fixed(
                local_name(outline),
                0.9,
                theme_colour("map_muted"),
                outline.label_lon,
                outline.label_lat,
                rect_area(path.boundingRect()),
            )
            badge.record = outline
        if outlines:
            for name, lon, lat in neighbours():
                self._add_fixed(name, 2.3, theme_colour("map_country"), lon, lat)
        for port in ports:
            if port.has_position:
                marker = PortMarker(port, self._radius())
                scene.addItem(marker)
                self._markers[port.id] = marker
                region.addEllipse(marker.pos(), DEGREE / 2, DEGREE / 2)  # fits the ports even without outlines
        self._region = region.boundingRect()
        self.setSceneRect(
            self._region.adjusted(
                -self._region.width(), -self._region.height(), self._region.width(), self._region.height()
            )
        )
        self._set_unplaced(tuple(p for p in ports if not p.has_position))
        self._visible = None
        self.reset_view()

    def _add_fixed(self, text: str, factor: float, colour: QColor, lon: float, lat: float, area=0.0) -> TextBadge:
        badge = TextBadge(text, self._fixed_font(factor), colour, halo=False)
        badge.factor, badge.area = factor, area
        badge.centre_on_anchor()
        badge.setPos(project(lon, lat))
        badge.setZValue(5)
        self.scene().addItem(badge)
        self._fixed_labels.append(badge)
        return badge

    def markers(self) -> dict[str, PortMarker]:
        self._flush_layout()
        return dict(self._markers)

    def marker(self, port_id: str) -> PortMarker | None:
        self._flush_layout()
        return self._markers.get(port_id)

    def labels(self) -> list[TextBadge]:
        self._flush_layout()
        return [badge for badge in self._labels if badge.isVisible()]

    # -- selection and filtering --------------------------------------------------------------

    def selected_port(self) -> str:
        return self._selected

    def set_selected(self, port_id: str) -> None:
        """Highlight a port (no signal) and bring it into view; an empty id clears the highlight."""
        self._selected = port_id if port_id in self._markers or port_id in {p.id for p in self._unplaced} else ""
        self._bold_selected()
        self._tint_league()
        marker = self._markers.get(self._selected)
        if marker is not None:
            margin = round(self._radius() * 4)
            if (
                not self.viewport()
                .rect()
                .adjusted(margin, margin, -margin, -margin)
                .contains(self.mapFromScene(marker.pos()))
            ):
                self.centerOn(marker.pos())
        self._relayout()

    def _tint_league(self) -> None:
        """A selected port without a position has no marker: its league is tinted instead, so the map
        still says roughly where it is; every other league is plain land."""
        port = next((p for p in self._unplaced if p.id == self._selected), None)
        for item in self._outline_items:
            marked = port is not None and item.record is not None and item.record.name_zh == port.league_city
            item.setBrush(theme_colour("map_land_marked" if marked else "map_land"))

    def tinted_leagues(self) -> list[str]:
        """The leagues drawn tinted (the selected unplaced port's), by their Chinese names."""
        marked = theme_colour("map_land_marked")
        return [item.record.name_zh for item in self._outline_items if item.record and item.brush().color() == marked]

    def set_visible_ports(self, port_ids: set[str] | None) -> None:
        """Fade the ports the table's filter hides; None shows them all at full strength."""
        visible = None if port_ids is None else set(port_ids)
        if visible != self._visible:
            self._visible = visible
            self._relayout()

    # -- view -------------------------------------------------------------------------------

    def reset_view(self, relayout: bool = True) -> None:
        self.resetTransform()
        if not self._region.isEmpty():
            margin = self._region.width() * 0.02
            target = self._region.adjusted(-margin, -margin, margin, margin)
            # the region fits above the box of unplaced ports, so the box never hides its south
            view = QRectF(self.viewport().rect())
            reserve = self.unplaced_box.height() + 12 if not self.unplaced_box.isHidden() else 0
            room = view.adjusted(0, 0, 0, -reserve) if view.height() - reserve >= view.height() * 0.6 else view
            scale = min(room.width() / target.width(), room.height() / target.height())
            if scale > 0:
                self.scale(scale, scale)
                self.centerOn(target.center() + QPointF(0, (view.height() - room.height()) / 2 / scale))
        self._fit_scale = self.transform().m11() or 1.0
        self._user_zoomed = False
        if relayout:
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
        # The frame shows the zoom at once (markers and names keep their cached drawings, anchored to
        # their places); the names are placed anew when the zooming rests.
        self._layout_pending = True
        self._relabel_timer.start()

    def view_zoom(self) -> float:
        """How far in the view is, relative to the whole region fitted (1.0); an agenda stop keeps it."""
        return self.transform().m11() / self._fit_scale if self._fit_scale else 1.0

    def view_centre(self) -> tuple[float, float]:
        """The (lon, lat) at the middle of the view."""
        size = self.viewport().size()  # the exact middle: QRect.center() is half a pixel off
        centre = self.viewportTransform().inverted()[0].map(QPointF(size.width() / 2, size.height() / 2))
        return centre.x() / (COS_LAT * DEGREE), -centre.y() / DEGREE

    def set_view(self, zoom: float, lon: float, lat: float) -> None:
        """Show the map `zoom` times closer than the fitted region, centred on (lon, lat)."""
        self.reset_view()
        fitted = self.mapToScene(self.viewport().rect().center())
        wanted = project(lon, lat)
        if abs(zoom - 1.0) < 1e-3 and (fitted - wanted).manhattanLength() < 1.0:
            return  # the fitted view: stays fitted when the window is resized
        target = min(max(self._fit_scale * zoom, self._fit_scale * 0.7), self._fit_scale * 30)
        self.scale(target / self._fit_scale, target / self._fit_scale)
        self.centerOn(wanted)
        self._user_zoomed = True
        self._relayout()

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25**steps, event.position())
            self.zoomed.emit()
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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._layout_at_paint:  # after a resize (not a zoom, whose names wait for the wheel to rest)
            self._flush_layout()
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place_overlays()
        if not self._user_zoomed:
            self.reset_view(relayout=False)
        # Names are placed at the next paint, not at each size a window passes through as it opens
        # (at start the map was laid out at two sizes, a fifth of a second each on a thousand ports).
        self._layout_pending = self._layout_at_paint = True
        self.viewport().update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() not in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            return
        countries = iter(name for name, _, _ in neighbours())
        for badge in self._fixed_labels:  # league and country names follow the presentation scale
            text = badge.text
            if badge.record is not None:  # a league: its name in the interface language
                text = local_name(badge.record)
            elif badge.factor > 1:
                text = next(countries)
            badge.restyle(text, self._fixed_font(badge.factor), badge.colour)
            badge.centre_on_anchor()
        for marker in self._markers.values():
            marker.setToolTip(port_tooltip(marker.port))
        self._build_legend()
        self._set_unplaced(self._unplaced)
        # The boxes' new words are shown by Qt at the next pass of the event loop; size them after it.
        QTimer.singleShot(0, self, self._resize_overlays)  # not after the map is gone
        self._relayout()

    def _resize_overlays(self) -> None:
        for box in (self.legend, self.unplaced_box):
            box.adjustSize()
        self._place_overlays()
        self._layout_pending = self._layout_at_paint = True  # names make way for the boxes' new sizes
        self.viewport().update()

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
        """Place markers and names now if the map is on screen; else when it is shown or asked about."""
        self._layout_pending = True
        if self.isVisible():
            self._flush_layout()
        else:  # e.g. the language switched on another tab: the names change when the map is next painted
            self._layout_at_paint = True

    def _flush_layout(self) -> None:
        self._relabel_timer.stop()
        self._layout_at_paint = False
        if not self._layout_pending:
            return
        self._layout_pending = False
        if not self._markers:
            for badge in self._labels:
                badge.hide()
            return
        full = self.transform().m11() >= self._fit_scale * FULL_NAME_ZOOM
        at = {pid: QPointF(self.mapFromScene(m.pos())) for pid, m in self._markers.items()}
        overlays = [(QRectF(w.geometry()), 3.0) for w in (self.legend, self.unplaced_box) if not w.isHidden()]
        # Country names are fixed obstacles; league names give way to the ports afterwards.
        fixed = [(self._fixed_rect(b), 1.0) for b in self._fixed_labels if b.factor > 1]
        ports = {pid: m.port for pid, m in self._markers.items()}
        args = (
            full,
            self._radius(),
            QFontMetricsF(self._scaled_font(1.0, bold=True)),
            overlays + fixed,
            QRectF(self.viewport().rect()),
        )
        view = (self.transform().m11(), self.mapFromScene(QPointF()).toTuple(), self.viewport().size().toTuple())
        plan = self._planner.plan(ports, at, self._selected, *args, view=view)
        self._make_room_for(plan.occupied + [rect for rect, _ in overlays])
        radius = self._radius()
        for pid, offset in plan.offsets.items():
            marker = self._markers[pid]
            marker.set_geometry(offset, radius, pid == self._selected)
            marker.setOpacity(1.0 if self._visible is None or pid in self._visible else 0.25)
        fonts = {bold: self._scaled_font(1.0, bold=bold) for bold in (False, True)}
        # The same name keeps its item (and its drawing); the other items, hidden ones included, take
        # the new names. (Looked up by name alone, the hidden items all shared one empty name and all
        # but one were passed over: each placing made new ones, 1,700 after forty zooms of a crowded
        # map, holding 35 MB of pictures and walked at every paint.)
        kept: dict[tuple, TextBadge] = {}
        spare: list[TextBadge] = []
        for badge in self._labels:
            key = (badge.port_ids, badge.text)
            if badge.port_ids and key not in kept:
                kept[key] = badge
            else:
                spare.append(badge)
        wanted = [(kept.pop((entry[0], entry[1]), None), entry) for entry in plan.labels]
        spare.extend(kept.values())
        for found, (port_ids, text, anchor, rect, pitch) in wanted:
            badge = found if found is not None else (spare.pop() if spare else self._new_label(fonts[False]))
            bold = self._selected in port_ids
            stacked = "\n" in text
            badge.show_text(
                text,
                fonts[bold and not stacked],
                theme_colour("map_ink"),
                port_ids.index(self._selected) if bold and stacked else -1,
                rect,
                pitch,
            )
            badge.port_ids = port_ids
            badge.port_id = port_ids[0] if len(port_ids) == 1 else ""
            badge.setToolTip(self._markers[port_ids[0]].toolTip() if len(port_ids) == 1 else "")
            badge.setPos(self.mapToScene(anchor.toPoint()))
            badge.setZValue(25 if bold else 15)
            faded = self._visible is not None and not set(port_ids) & self._visible
            badge.setOpacity(0.35 if faded else 1.0)
            badge.show()
        for badge in spare:
            badge.port_ids, badge.port_id = (), ""
            badge.clear()

    def _new_label(self, font: QFont) -> TextBadge:
        badge = TextBadge("", font, theme_colour("map_ink"), halo=True)
        self.scene().addItem(badge)
        self._labels.append(badge)
        return badge

    def _fixed_rect(self, badge: TextBadge) -> QRectF:
        return badge.home.translated(QPointF(self.mapFromScene(badge.pos())))

    def _make_room_for(self, occupied: list[QRectF]) -> None:
        """Nudge each league name off the ports' markers and labels, bigger leagues first; else hide it."""
        leagues = [badge for badge in self._fixed_labels if badge.factor <= 1]  # country names stay put
        shifts = nudge_names(
            [(badge.area, self._fixed_rect(badge)) for badge in leagues], occupied, self._radius() * 0.8
        )
        for badge, shift in zip(leagues, shifts):
            badge.setVisible(shift is not None)
            if shift is not None:
                badge.place(badge.home.translated(shift))

    # -- the corner boxes (filled by map_layout) ---------------------------------------------

    def _overlay(self) -> QFrame:
        return corner_box(self)

    def _place_overlays(self) -> None:
        place_corner_boxes(self.legend, self.unplaced_box, self.height())
        # A box wider than the map names fewer ports (the rest stay in its menu), and all again
        # once the map is wide enough: it never runs off the map's edge.
        room, most = self.width() - 24, min(len(self._unplaced), UNPLACED_NAMED)
        if self._unplaced_named < most:
            self._fill_unplaced(most)
        while self._unplaced_named > 1 and self.unplaced_box.width() > room:
            self._fill_unplaced(self._unplaced_named - 1)

    def _fill_unplaced(self, named: int) -> None:
        self._unplaced_named = named
        fill_unplaced(self.unplaced_box, self._unplaced, port_tooltip, self.port_clicked.emit, named)
        self._bold_selected()
        place_corner_boxes(self.legend, self.unplaced_box, self.height())

    def _bold_selected(self) -> None:
        for button in self.unplaced_box.findChildren(QPushButton):
            style = "font-weight: bold;" if button.property("port_id") == self._selected else ""
            if button.styleSheet() != style:  # each style sheet set restyles and lays the box out again
                button.setStyleSheet(style)

    def _build_legend(self) -> None:
        radius, ratio = self._radius(), self.devicePixelRatioF()
        fill_legend(self.legend, lambda shapes, hollow: legend_icon(shapes, hollow, radius, ratio))
        self._place_overlays()

    def _set_unplaced(self, ports: tuple[Port, ...]) -> None:
        self._unplaced = ports
        self._fill_unplaced(min(len(ports), UNPLACED_NAMED))
        self._place_overlays()

    def unplaced_names(self) -> list[str]:
        """The names in the corner box (the first few of the ports without a coordinate)."""
        return [b.text() for b in self.unplaced_box.findChildren(QPushButton) if b.property("port_id")]
