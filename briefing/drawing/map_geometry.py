"""The map's geometry, shared by the screen, paper and slides: the projection from longitude and
latitude, league outlines as paths, the port markers' shapes, and the neighbouring countries' names.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from briefing.drawing import themes
from briefing.drawing.formatting import country_label, mode_label
from briefing.drawing.i18n import QT_TRANSLATE_NOOP, translate_in
from briefing.store.records import MODES, Outline

DEGREE = 100.0  # scene units per degree of latitude
COS_LAT = math.cos(math.radians(44.0))  # equirectangular, true to scale at the region's middle latitude


def theme_colour(name: str) -> QColor:
    """A named colour of the current theme."""
    return QColor(getattr(themes.current(), name))


def marker_ink() -> QColor:
    """Every port marker's colour, whatever its mode: the mode is the marker's shape and the position's
    precision its fill, so colour keeps its one meaning, the kind of a figure."""
    return QColor(themes.current().map_ink)


def neighbours(language: str | None = None) -> tuple[tuple[str, float, float], ...]:
    """Neighbouring countries, named where their land is (no foreign outline is drawn)."""
    return ((country_label("Russia", language), 114.6, 51.9), (country_label("Mongolia", language), 106.5, 45.2))


_MAP_WORDS = {
    "legend": QT_TRANSLATE_NOOP("PortMap", "图例"),
    "exact": QT_TRANSLATE_NOOP("PortMap", "确切位置"),
    "approximate": QT_TRANSLATE_NOOP("PortMap", "邻近城镇或大致位置"),
}


def map_word(key: str, language: str | None = None) -> str:
    """The map legend's words: its title, and what solid (exact) and hollow (approximate) markers mean."""
    return translate_in(language, "PortMap", _MAP_WORDS[key])


def legend_entries(language: str | None = None) -> list[tuple[tuple[str, ...], bool, str]]:
    """The map legend's rows, for the screen and the handout alike: (the shapes drawn, hollow, words).
    A shape per mode, drawn solid; then every shape solid (an exact position) and every shape hollow
    (an approximate one), so each marker the map draws is in the legend as it is drawn."""
    entries = [((mode,), False, mode_label(mode, language)) for mode in MODES]
    return entries + [(MODES, False, map_word("exact", language)), (MODES, True, map_word("approximate", language))]


def project(lon: float, lat: float) -> QPointF:
    return QPointF(lon * COS_LAT * DEGREE, -lat * DEGREE)


def outline_path(outline: Outline) -> QPainterPath:
    """A league's rings as one projected path; odd-even fill keeps its holes open."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in outline.rings:
        path.moveTo(project(*ring[0]))
        for lon, lat in ring[1:]:
            path.lineTo(project(lon, lat))
        path.closeSubpath()
    return path


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


def draw_marker(
    painter: QPainter,
    mode: str,
    hollow: bool,
    centre: QPointF,
    radius: float,
    colour: QColor,
    paper: QColor,
    min_rim: float = 0.0,
    min_edge: float = 0.0,
) -> None:
    """A port marker: the mode's shape in `colour` (the one marker ink, whatever the mode); hollow (an
    approximate position) is `paper` inside with a thick rim, solid has a thin `paper` edge. The screen keeps lines at least
    `min_rim`/`min_edge` pixels wide; paper scales them with the marker."""
    if hollow:
        painter.setPen(
            QPen(
                colour,
                max(min_rim, radius * 0.42),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.setBrush(QBrush(paper))
    else:
        painter.setPen(QPen(paper, max(min_edge, radius * 0.22)))
        painter.setBrush(QBrush(colour))
    painter.drawPath(marker_path(mode, radius).translated(centre))
