"""What the map draws: league borders at their width, leaders to ports moved aside, and names that
come and go with the zoom without piling up out of sight."""

from __future__ import annotations

import fixture_facts as F
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, qGray
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene

from briefing.ui.ports.map_items import OutlineItem, TextBadge
from briefing.ui.ports.map_view import FULL_NAME_ZOOM, PortMap

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def port_map(qtbot, fixture_briefing, qt_fonts):
    view = PortMap()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.set_briefing(fixture_briefing)
    view.show()
    qtbot.waitExposed(view)
    view.reset_view()
    return view


def port_names(view: PortMap) -> list[TextBadge]:
    """Every port-name item in the scene, shown or not (league and country names have no halo)."""
    return [item for item in view.scene().items() if isinstance(item, TextBadge) and item.halo]


def shown_texts(view: PortMap) -> list[str]:
    return sorted(badge.text for badge in view.labels())


def test_zooming_in_and_out_reuses_the_name_items(port_map):
    counts, far = [], None
    for _ in range(4):
        port_map.zoom_by(40)  # as close as the map goes: full names, and more of them fit
        assert any(text.endswith("口岸") for text in shown_texts(port_map))
        port_map.zoom_by(1 / 60)  # as far out as it goes: fewer fit, the rest wait as spares
        far = far or shown_texts(port_map)
        assert shown_texts(port_map) == far  # the same names each time
        counts.append(len(port_names(port_map)))
    assert counts == [counts[0]] * 4  # a fixed pool, however often the names are placed again


def test_hidden_names_keep_no_picture(port_map):
    port_map.zoom_by(FULL_NAME_ZOOM * 4)  # close in, where more names fit
    port_map.labels()
    port_map.zoom_by(1 / (FULL_NAME_ZOOM * 6))  # and out past the fitted view, where fewer do
    shown = set(map(id, port_map.labels()))
    hidden = [badge for badge in port_names(port_map) if id(badge) not in shown]
    assert hidden, "expected spare name items after zooming out"
    assert all(not badge.isVisible() and badge.pixmap().isNull() for badge in hidden)
    assert all(not badge.pixmap().isNull() for badge in port_map.labels())


def border_ink(item_width: float, land: QColor) -> tuple[float, float, QColor]:
    """A 100-unit square league drawn at 1:1 with its border `item_width` pixels wide, at ten sub-pixel
    placings: the mean ink across its top and its left edge (pixels' worth of black, a grey pixel
    counting in part), and the colour inside."""
    path = QPainterPath()
    path.addRect(QRectF(0, 0, 100, 100))
    item = OutlineItem(path)
    pen = QPen(QColor("black"), item_width)
    pen.setCosmetic(True)
    item.setPen(pen)
    item.setBrush(land)
    scene = QGraphicsScene()
    scene.addItem(item)
    top = left = 0.0
    for tenth in range(10):
        image = QImage(120, 120, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(0, 0, 120, 120), QRectF(-10 - tenth / 10, -10 - tenth / 10, 120, 120))
        painter.end()
        top += sum((255 - qGray(image.pixel(60, y))) / 255 for y in range(2, 18)) / 10  # the edge is near y = 10
        left += sum((255 - qGray(image.pixel(x, 60))) / 255 for x in range(2, 18)) / 10
    inside = QColor(image.pixel(60, 60))
    scene.removeItem(item)
    return top, left, inside


@pytest.mark.parametrize("width", [1.0, 1.3, 2.0])
def test_league_borders_have_their_width_in_every_direction(qapp, width):
    top, left, _ = border_ink(width, QColor("white"))
    assert top == pytest.approx(width, abs=0.2)  # a 1.3 border reads heavier than a 1-pixel line
    assert left == pytest.approx(width, abs=0.2)
    land = QColor(200, 200, 200)
    assert border_ink(width, land)[2] == land  # the land inside is filled


def visible_leaders(marker) -> list[QGraphicsPixmapItem]:
    return [child for child in marker.childItems() if isinstance(child, QGraphicsPixmapItem) and child.isVisible()]


def test_a_marker_moved_aside_has_a_leader_from_its_true_place(port_map):
    # Erenhot's rail and road ports share one coordinate: the map spreads them and draws leaders.
    marker = port_map.marker(F.RAIL_PORT)
    assert marker.moved_by.manhattanLength() > 1
    (leader,) = visible_leaders(marker)
    picture, corner = leader.pixmap().toImage(), leader.offset()
    spot = picture.pixelColor(round(-corner.x()), round(-corner.y()))  # the true place: a dot
    assert spot.alpha() > 200
    middle = marker.moved_by / 2 - corner  # halfway along the line to the marker
    assert picture.pixelColor(round(middle.x()), round(middle.y())).alpha() > 0


def test_a_marker_in_its_place_has_no_leader(port_map):
    marker = port_map.marker(F.EXACT_PORT)
    assert marker.moved_by.manhattanLength() < 1
    assert visible_leaders(marker) == []
