"""Where the map's port markers move aside and its names go, and the two boxes in its corners.

Label placement works in viewport pixels and knows nothing of the scene. Rectangles are looked up
through a grid of cells, so a map of a thousand ports is placed in milliseconds, not seconds; in a
crowd, a name that has no free side is left out (its tooltip still has it) rather than piled on
another, and groups too large to spread in a row keep their markers where they are.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from briefing.drawing.i18n import local_name, short_chinese_name, short_port_name
from briefing.store.records import MODES, Port

MAX_SPREAD = 6  # a crowd larger than this is not spread in a row: its markers stay at their places
CROWD = 150  # past this many markers, choosing a port re-places only its own group (see reselect)
CELL = 48.0  # pixels per grid cell for the rectangle index

Box = tuple[float, float, float, float]  # left, top, right, bottom


def _box(rect: QRectF) -> Box:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def rect_area(rect: QRectF) -> float:
    return max(0.0, rect.width()) * max(0.0, rect.height()) if rect.isValid() else 0.0


class RectIndex:
    """Rectangles (with a weight) found by the grid cells they cover."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.boxes: list[Box] = []
        self.weights: list[float] = []

    def add(self, box: Box, weight: float = 1.0) -> int:
        index = len(self.boxes)
        self.boxes.append(box)
        self.weights.append(weight)
        for cell in self._cells_of(box):
            self._cells[cell].append(index)
        return index

    @staticmethod
    def _cells_of(box: Box) -> Iterator[tuple[int, int]]:
        for x in range(math.floor(box[0] / CELL), math.floor(box[2] / CELL) + 1):
            for y in range(math.floor(box[1] / CELL), math.floor(box[3] / CELL) + 1):
                yield x, y

    def near(self, box: Box) -> set[int]:
        found: set[int] = set()
        for cell in self._cells_of(box):
            found.update(self._cells.get(cell, ()))
        return found


def _inset(box: Box) -> Box:
    """A label's text box: its halo may touch a neighbour's at the corners; the names may not."""
    return box[0] + 3, box[1] + 3, box[2] - 3, box[3] - 3


def _hits_any(box: Box, others: list[Box]) -> bool:
    left, top, right, bottom = box
    for other_left, other_top, other_right, other_bottom in others:
        if other_right > left and other_left < right and other_bottom > top and other_top < bottom:
            return True
    return False


def _weighted_overlap(box: Box, others: list[tuple[Box, float]], ceiling: float = math.inf) -> float:
    """Area of `box` covered by the others, each times its weight; stops once past `ceiling`."""
    total = 0.0
    left, top, right, bottom = box
    for (other_left, other_top, other_right, other_bottom), weight in others:
        if other_right <= left or other_left >= right or other_bottom <= top or other_top >= bottom:
            continue  # most neighbours miss: no arithmetic for them
        w = (right if right < other_right else other_right) - (left if left > other_left else other_left)
        h = (bottom if bottom < other_bottom else other_bottom) - (top if top > other_top else other_top)
        total += w * h * weight
        if total > ceiling:
            break
    return total


class LabelPlan:
    """Where markers move aside and where each label goes, in viewport pixels."""

    def __init__(self) -> None:
        self.offsets: dict[str, QPointF] = {}
        self.labels: list[tuple[tuple[str, ...], str, QPointF, QRectF, float]] = []  # ids, text, anchor, rect, pitch
        self.occupied: list[QRectF] = []  # markers and port labels, which league names must give way to
        self.groups: list[list[str]] = []  # the groups of markers, in the order they were placed
        self.extents: list[QRectF] = []  # each group's markers (with room for the ring when selected)


def _clusters(ports: dict[str, Port], at: dict[str, QPointF], radius: float) -> list[list[str]]:
    """Ports whose markers would touch, or same-named ports close by (the Manzhouli and Erenhot trios).

    Only ports in neighbouring grid cells are compared; a crowd too large to spread comes back as
    one group per port."""
    near, same = radius * 2.8, radius * 7
    points = {pid: (p.x(), p.y()) for pid, p in at.items()}
    short = {pid: short_chinese_name(ports[pid].name_zh) for pid in at}
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for pid, (x, y) in points.items():
        grid[(math.floor(x / same), math.floor(y / same))].append(pid)
    parent = {pid: pid for pid in at}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    for (cx, cy), members in grid.items():
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for b in grid.get((cx + dx, cy + dy), ()):
                    for a in members:
                        if a < b:
                            d = math.dist(points[a], points[b])
                            if d < near or (d < same and short[a] == short[b]):
                                parent[root(b)] = root(a)
    clusters: dict[str, list[str]] = {}
    for pid in sorted(at):
        clusters.setdefault(root(pid), []).append(pid)

    def order(pid: str) -> tuple[int, str]:
        return MODES.index(ports[pid].mode) if ports[pid].mode in MODES else 9, ports[pid].name_zh

    groups = []
    for members in clusters.values():
        groups.extend([sorted(members, key=order)] if len(members) <= MAX_SPREAD else [[pid] for pid in members])
    return groups


def plan_labels(
    ports: dict[str, Port],
    at: dict[str, QPointF],
    selected: str,
    full: bool,
    radius: float,
    metrics: QFontMetricsF,
    obstacles: list[tuple[QRectF, float]],
    bounds: QRectF,
) -> LabelPlan:
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
        extents.append(
            QRectF(anchor.x() - half_w - reach, anchor.y() - half_h - reach, 2 * (half_w + reach), 2 * (half_h + reach))
        )
    plan.occupied = list(extents)
    plan.groups, plan.extents = groups, extents
    keep_off = radius * 0.8  # a label hugging another port's marker reads as that port's name
    placed = RectIndex()
    for rect, weight in obstacles:
        placed.add(_box(rect), weight)
    own_index = [placed.add(_box(e.adjusted(-keep_off, -keep_off, keep_off, keep_off)), 1.0) for e in extents]
    labels = RectIndex()  # text boxes: halos may touch at the corners; the names may not
    edge = _box(bounds)
    line_spacing = metrics.lineSpacing()
    for members, ext, own in zip(groups, extents, own_index):
        pitch = max(line_spacing, radius * (3.8 if selected in members and len(members) > 1 else 2.6))
        names = [local_name(ports[p]) if full else short_port_name(ports[p]) for p in members]
        text = "\n".join(names) if full and len(members) > 1 else "/".join(dict.fromkeys(names))
        lines = text.split("\n")
        w = max(metrics.horizontalAdvance(line) for line in lines) + 10
        h = pitch * (len(lines) - 1) + line_spacing + 4
        left, right = ext.left() - 2 - w, ext.right() + 2
        mid_x, mid_y = ext.center().x() - w / 2, ext.center().y() - h / 2
        nudge = h * 0.6
        spots = [
            (right, mid_y),
            (left, mid_y),
            (right, mid_y - nudge),
            (right, mid_y + nudge),
            (left, mid_y - nudge),
            (left, mid_y + nudge),
        ]
        if len(lines) == 1:
            top, bottom = ext.top() - h, ext.bottom()
            spots += [
                (mid_x, top),
                (mid_x, bottom),
                (right - 4, top + 4),
                (right - 4, bottom - 4),
                (left + 4, top + 4),
                (left + 4, bottom - 4),
            ]
        boxes = [(x, y, x + w, y + h) for x, y in spots]
        around = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )  # every spot lies in here: look the neighbours up once
        names_near = [labels.boxes[i] for i in labels.near(around)]
        if selected not in members and all(_hits_any(_inset(box), names_near) for box in boxes):
            continue  # every side already holds a name (in a crowd, most do): no need to weigh them
        weighed = [(placed.boxes[i], placed.weights[i]) for i in placed.near(around) if i != own]
        best, best_cost = None, math.inf
        for box in boxes:
            # a few square pixels of halo are a tie; ties keep the earlier, more natural spot
            outside = 4 * (w * h - _overlap(box, edge))
            ceiling = (best_cost + 0.5) * 30 - outside  # past this the spot cannot win: stop adding
            cost = round((_weighted_overlap(box, weighed, ceiling) + outside) / 30)
            if cost < best_cost:
                best, best_cost = box, cost
                if cost == 0:
                    break
        if best is None:
            continue  # no candidate spot at all (a group with no sides to try)
        text_box = _inset(best)
        if selected not in members and _hits_any(text_box, names_near):
            continue  # no free side: better no name (the tooltip still has it) than two names in a pile
        placed.add(best, 10.0)  # covering a name is far worse than crowding a marker
        labels.add(text_box)
        rect = QRectF(best[0], best[1], w, h)
        plan.occupied.append(rect)
        plan.labels.append((tuple(members), text, ext.center(), rect.translated(-ext.center()), pitch))
    return plan


def reselect(
    base: LabelPlan,
    ports: dict[str, Port],
    at: dict[str, QPointF],
    selected: str,
    full: bool,
    radius: float,
    metrics: QFontMetricsF,
    obstacles: list[tuple[QRectF, float]],
    bounds: QRectF,
) -> LabelPlan:
    """`base`, placed with nothing selected, with `selected` chosen: only its group is placed again,
    with room for the ring and its name always shown; names that would lie under it are left out.
    For a crowded map, where placing every name takes tens of milliseconds, per click."""
    index = next((i for i, group in enumerate(base.groups) if selected in group), None)
    if index is None:
        return base
    members = base.groups[index]
    keep_off = radius * 0.8
    reach = base.extents[index].adjusted(-600, -200, 600, 200)  # wherever its name can go: the rest is moot
    others = [
        (extent.adjusted(-keep_off, -keep_off, keep_off, keep_off), 1.0)
        for i, extent in enumerate(base.extents)
        if i != index and extent.intersects(reach)
    ]
    kept = [label for label in base.labels if label[0] != tuple(members)]
    names = [(rect, 10.0) for rect in (label[3].translated(label[2]) for label in kept) if rect.intersects(reach)]
    mine = plan_labels(
        {p: ports[p] for p in members},
        {p: at[p] for p in members},
        selected,
        full,
        radius,
        metrics,
        obstacles + others + names,
        bounds,
    )
    plan = LabelPlan()
    plan.groups, plan.extents = base.groups, list(base.extents)
    plan.extents[index] = mine.extents[0]
    plan.offsets = {**base.offsets, **mine.offsets}
    chosen = mine.labels[0]
    chosen_box = _inset(_box(chosen[3].translated(chosen[2])))
    plan.labels = [
        label for label in kept if not _hits_any(_inset(_box(label[3].translated(label[2]))), [chosen_box])
    ] + [chosen]
    plan.occupied = plan.extents + [label[3].translated(label[2]) for label in plan.labels]
    return plan


def nudge_names(names: list[tuple[float, QRectF]], occupied: list[QRectF], pad: float) -> list[QPointF | None]:
    """For each (area, rect) of a league name, the shift that moves it off the markers and port names
    (bigger leagues first), or None where it must be hidden."""
    taken = RectIndex()
    for rect in occupied:
        taken.add(_box(rect.adjusted(-pad, -pad, pad, pad)))
    shifts: list[QPointF | None] = [None] * len(names)
    for index in sorted(range(len(names)), key=lambda i: -names[i][0]):
        home = names[index][1]
        shifts[index] = free = free_shift(home, taken)
        if free is not None:
            taken.add(_box(home.translated(free)))
    return shifts


class Planner:
    """Plans a map's names: all of them at every change for a small map; for a crowd (more than
    CROWD markers), all of them once per view and then, per click, only the chosen port's group."""

    def __init__(self) -> None:
        self._crowd: tuple[tuple[object, ...], LabelPlan] | None = (
            None  # (the view it is for, the plan with nothing chosen)
        )

    def plan(
        self,
        ports: dict[str, Port],
        at: dict[str, QPointF],
        selected: str,
        full: bool,
        radius: float,
        metrics: QFontMetricsF,
        obstacles: list[tuple[QRectF, float]],
        bounds: QRectF,
        view: tuple[object, ...],
    ) -> LabelPlan:
        """`view` identifies what the markers' pixel places depend on (zoom, scroll, size)."""
        if len(ports) <= CROWD:
            return plan_labels(ports, at, selected, full, radius, metrics, obstacles, bounds)
        key = (
            view,
            full,
            radius,
            metrics.lineSpacing(),
            tuple(_box(rect) for rect, _ in obstacles),
            short_port_name(next(iter(ports.values()))),
        )  # the last: the language of the names
        if self._crowd is None or self._crowd[0] != key:
            self._crowd = (key, plan_labels(ports, at, "", full, radius, metrics, obstacles, bounds))
        return reselect(self._crowd[1], ports, at, selected, full, radius, metrics, obstacles, bounds)


def free_shift(home: QRectF, taken: RectIndex) -> QPointF | None:
    """The first small shift that moves a league name off everything taken, or None."""
    w, h = home.width(), home.height()
    for dx, dy in ((0, 0), (0, -h), (0, h), (-w * 0.6, 0), (w * 0.6, 0), (0, -2 * h), (0, 2 * h)):
        box = _box(home.translated(dx, dy))
        if not any(_intersects(box, taken.boxes[i]) for i in taken.near(box)):
            return QPointF(dx, dy)
    return None


def _intersects(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
