"""Where a point lies against the map outlines: inside or not, and how far from the nearest edge.

Small plane geometry on a local equirectangular projection (metres), which is exact enough for a
check at the scale of hundreds of metres; the store has no geometry library at run time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

EARTH_RADIUS_M = 6_371_008.8

Ring = Sequence[Sequence[float]]  # [(lon, lat), ...], closed or not


def inside(lon: float, lat: float, rings: Iterable[Ring]) -> bool:
    """Even-odd rule over all the rings of a shape (outer rings and holes alike)."""
    crossings = 0
    for ring in rings:
        count = len(ring)
        for i in range(count):
            x1, y1 = ring[i][0], ring[i][1]
            x2, y2 = ring[(i + 1) % count][0], ring[(i + 1) % count][1]
            if (y1 > lat) != (y2 > lat):
                x_at = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
                if lon < x_at:
                    crossings += 1
    return crossings % 2 == 1


def distance_to_edge_m(lon: float, lat: float, rings: Iterable[Ring]) -> float:
    """The shortest distance in metres from the point to any edge of the rings."""
    scale_x = math.cos(math.radians(lat)) * math.pi / 180 * EARTH_RADIUS_M
    scale_y = math.pi / 180 * EARTH_RADIUS_M
    best = math.inf
    for ring in rings:
        count = len(ring)
        for i in range(count):
            ax, ay = (ring[i][0] - lon) * scale_x, (ring[i][1] - lat) * scale_y
            bx, by = (ring[(i + 1) % count][0] - lon) * scale_x, (ring[(i + 1) % count][1] - lat) * scale_y
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def outside_by_m(lon: float, lat: float, shapes: Iterable[Iterable[Ring]]) -> float:
    """0 if the point is inside any of the shapes, else its distance to the nearest edge of them."""
    shapes = [list(rings) for rings in shapes]
    if any(inside(lon, lat, rings) for rings in shapes):
        return 0.0
    return min((distance_to_edge_m(lon, lat, rings) for rings in shapes), default=math.inf)
