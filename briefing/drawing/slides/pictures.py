"""A slide's one picture at the slide's type scale: a history chart, a comparison, or a map inset.

The viewer's and the handout's charts label bars in small print and elide long names; a room needs
every label at the slide's floor or larger, so these draw fewer, larger things: a comparison shows
as many bars as have room for a readable row, the subject's own always among them, and a map names
only the ports it marks, leaving out a name that has no free spot rather than piling it on another.
Shapes and colours are the viewer's (map_items' projection and marker shapes, the kinds' lines).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from briefing.drawing.chart_painter import hatch
from briefing.drawing.map_geometry import marker_path, outline_path, project
from briefing.drawing.slides.colours import SlideColours
from briefing.drawing.slides.deck import MapPort, Picture
from briefing.drawing.slides.text import Canvas, Laid, lay_out
from briefing.store.records import Outline

_MODE_ORDER = {"rail": 0, "road": 1, "air": 2}  # a town's markers at one point: left to right in this order
_DASH = {"target": Qt.PenStyle.DashLine, "derived": Qt.PenStyle.DotLine}  # as on the cards (themes.KIND_LINES)


def draw_picture(canvas: Canvas, rect: QRectF, picture: Picture) -> None:
    if picture.kind == "map":
        draw_map(canvas, rect, picture)
    elif picture.kind == "series":
        draw_series(canvas, rect, picture)
    elif picture.kind == "comparison":
        draw_comparison(canvas, rect, picture)


def _titles(canvas: Canvas, rect: QRectF, picture: Picture) -> float:
    """The chart's title and note at the top of `rect`; returns where the plot starts."""
    c, top = canvas.c, rect.top()
    for text, share, role, colour, bold in (
        (picture.title, 0.032, "chart_title", c.ink, True),
        (picture.note, 0.0, "chart_note", c.muted, False),
    ):
        if not text:
            continue
        box = canvas.text(
            text,
            QRectF(rect.left(), top, rect.width(), rect.height() * 0.3),
            canvas.px(share),
            role,
            colour,
            c.background,
            bold=bold,
            max_lines=2,
        )
        if box is not None:
            top += box.rect.height()
    return top + canvas.floor * 0.5


def draw_bar(painter: QPainter, rect: QRectF, kind: str, colour: QColor, width: float) -> None:
    """A bar in its kind's style, as on the cards and the analyst's charts: solid for a stated value,
    hatched for a lower bound (the true value is higher), pale and dotted for a derived value,
    empty and dashed for a target."""
    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    if kind in _DASH:
        pale = QColor(colour)
        pale.setAlpha(50 if kind == "derived" else 0)
        painter.setBrush(QBrush(pale))
        painter.setPen(QPen(colour, width, _DASH[kind]))
    elif kind == "lower_bound":
        hatch(painter, rect, colour, width * 0.8, width * 3.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, width))
    else:
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRect(rect)
    painter.restore()


def draw_series(canvas: Canvas, rect: QRectF, picture: Picture) -> None:
    """Vertical bars over the years, each with its value as written above it, the year below."""
    c = canvas.c
    top = _titles(canvas, rect, picture)
    points = picture.points
    slot = rect.width() / max(1, len(points))
    label_px = canvas.px(0.03)
    value_laid = [canvas.fit(v, slot * 0.96, canvas.h, label_px, bold=True, max_lines=2) for _, v, _, _ in points]
    value_room = max((laid.height for laid in value_laid if laid is not None), default=canvas.floor * 1.3)
    year_room = canvas.floor * 1.5
    floor_y = rect.bottom() - year_room
    plot_top = top + value_room
    highest = max((v for *_, v in points), default=1.0) or 1.0
    scale = max(0.0, floor_y - plot_top) / highest
    painter = canvas.painter
    for index, ((year, value, kind, number), laid) in enumerate(zip(points, value_laid)):
        left = rect.left() + index * slot
        height = number * scale
        bar = QRectF(left + slot * 0.2, floor_y - height, slot * 0.6, height)
        if painter is not None:
            accent = QColor(c.accents.get(kind, c.accents["reported"]))
            draw_bar(painter, bar, kind, accent, max(2.0, canvas.h / 300))
        if laid is not None:
            canvas.draw(
                laid,
                QPointF(left + (slot - laid.width) / 2, bar.top() - laid.height),
                value,
                "chart_value",
                c.ink,
                c.background,
                bold=True,
            )
        canvas.text(
            year,
            QRectF(left, floor_y + canvas.floor * 0.2, slot, year_room),
            canvas.floor,
            "chart_axis",
            c.ink,
            c.background,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
    if painter is not None:
        painter.save()
        painter.setPen(QPen(QColor(c.rule), max(1.0, canvas.h / 540)))
        painter.drawLine(QPointF(rect.left(), floor_y), QPointF(rect.right(), floor_y))
        painter.restore()


def draw_comparison(canvas: Canvas, rect: QRectF, picture: Picture) -> None:
    """Horizontal bars, largest first, each under its name so the bars have the column's width; the
    subject's own bar in ink and starred, every bar drawn as its kind is (a lower bound hatched)."""
    c = canvas.c
    top = _titles(canvas, rect, picture)
    px = canvas.px(0.03)
    rows = list(picture.bars)
    bar_h = px * 1.5
    step = px * 1.35 + bar_h + px * 0.75  # a name line, its bar, a gap
    room = max(1, int((rect.bottom() - top) // step))
    if len(rows) > room:  # keep the subject's own bar, then the largest
        own = [r for r in rows if r[4]]
        rows = sorted(own + [r for r in rows if not r[4]][: max(0, room - len(own))], key=lambda r: -r[3])
    if not rows:
        return
    # with few bars, thicker ones: the column is filled rather than its top third
    share = (rect.bottom() - top) / len(rows) - px * 2.4
    bar_h = min(px * 2.6, max(bar_h, share * 0.6))
    value_laid = [lay_out(r[1], px, rect.width(), True) for r in rows]
    value_w = max(laid.width for laid in value_laid) + px * 0.4
    bar_room = max(rect.width() - value_w, rect.width() * 0.3)
    highest = max(r[3] for r in rows) or 1.0
    painter = canvas.painter
    y = top + px * 0.3
    for entry, value in zip(rows, value_laid):
        name = canvas.fit(entry[0], rect.width(), px * 2.6, px, bold=entry[4]) or lay_out(
            entry[0], px, rect.width(), entry[4]
        )
        canvas.draw(name, QPointF(rect.left(), y), entry[0], "chart_name", c.ink, c.background, bold=entry[4])
        y += name.height + px * 0.1
        length = entry[3] / highest * bar_room
        bar = QRectF(rect.left(), y, length, bar_h)
        if painter is not None:
            own_ink = QColor(c.selected if entry[4] else c.others)
            fill = own_ink if entry[2] not in _DASH else QColor(c.accents.get(entry[2], c.accents["reported"]))
            draw_bar(painter, bar, entry[2], fill, max(2.0, canvas.h / 300))
        canvas.draw(
            value,
            QPointF(bar.right() + px * 0.3, bar.center().y() - value.height / 2),
            entry[1],
            "chart_value",
            c.ink,
            c.background,
            bold=True,
        )
        y += bar_h + px * 0.75
        if y > rect.bottom():
            break


# -- the map ------------------------------------------------------------------------------------------


_PATHS: dict[tuple[str, int], QPainterPath] = {}  # outline -> its projected path (thousands of points: made once)


def _outline(outline: Outline) -> QPainterPath:
    key = (outline.id, id(outline.rings))
    if key not in _PATHS:
        if len(_PATHS) > 200:
            _PATHS.clear()
        _PATHS[key] = outline_path(outline)
    return _PATHS[key]


def _extent(picture: Picture) -> QRectF:
    points = [project(lon, lat) for outline in picture.outlines for ring in outline.rings for lon, lat in ring]
    points += [project(p.lon, p.lat) for p in picture.ports]
    if not points:
        return QRectF(0, 0, 1, 1)
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _marker(painter: QPainter, c: SlideColours, mode: str, hollow: bool, centre: QPointF, radius: float) -> None:
    colour = QColor(c.ink)  # one ink for every mode: the shape says the mode, colour is kept for kinds
    paper = QColor(c.background)
    if hollow:  # an approximate position: empty inside, a thick coloured rim (as on the viewer's map)
        painter.setPen(
            QPen(
                colour,
                max(2.0, radius * 0.42),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.setBrush(paper)
    else:
        painter.setPen(QPen(paper, max(1.0, radius * 0.22)))
        painter.setBrush(colour)
    painter.drawPath(marker_path(mode, radius).translated(centre))


def draw_map(canvas: Canvas, rect: QRectF, picture: Picture) -> None:
    c, painter = canvas.c, canvas.painter
    rows = _legend_rows(canvas, rect.width(), picture)
    legend_height = canvas.floor * 1.5 * len(rows)
    rect = rect.adjusted(0, 0, 0, -(legend_height + canvas.floor * 0.4) if rows else 0)
    box = _extent(picture)
    pad = 0.04
    box = box.adjusted(-box.width() * pad, -box.height() * pad, box.width() * pad, box.height() * pad)
    scale = min(rect.width() / box.width(), rect.height() / box.height())
    area = QRectF(0, 0, box.width() * scale, box.height() * scale)
    area.moveCenter(rect.center())
    offset = QPointF(area.center().x() - box.center().x() * scale, area.center().y() - box.center().y() * scale)
    to_slide = QTransform(scale, 0, 0, scale, offset.x(), offset.y())
    radius = canvas.h * 0.011
    big = canvas.h * 0.017
    true = {p.id: to_slide.map(project(p.lon, p.lat)) for p in picture.ports}
    size = {p.id: big if p.marked else radius * 0.8 for p in picture.ports}
    shapes = {p.id: marker_box(p.mode, p.hollow, size[p.id]) for p in picture.ports}
    modes = {p.id: _MODE_ORDER.get(p.mode, len(_MODE_ORDER)) for p in picture.ports}
    at = spread_markers(true, shapes, big * 0.15, modes)
    if painter is not None:
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.fillRect(area, QColor(c.sea))
        for outline in picture.outlines:
            tinted = outline.name_zh in picture.leagues
            painter.setPen(QPen(QColor(c.ink if tinted else c.border), max(1.0, canvas.h / (360 if tinted else 900))))
            painter.setBrush(QColor(c.land_marked if tinted else c.land))
            painter.save()
            painter.setTransform(to_slide, True)
            pen = painter.pen()
            pen.setWidthF(pen.widthF() / scale)  # the outline is drawn in map units
            painter.setPen(pen)
            painter.drawPath(_outline(outline))
            painter.restore()
        for port in sorted(picture.ports, key=lambda p: p.marked):
            _marker(painter, c, port.mode, port.hollow, at[port.id], size[port.id])
        painter.restore()
    boxes = {p.id: shapes[p.id].translated(at[p.id]) for p in picture.ports}
    canvas.markers.extend((p.id, boxes[p.id], true[p.id]) for p in picture.ports)
    taken = [boxes[p.id] for p in picture.ports if p.marked]  # the small markers are in `boxes` as well
    _legend(canvas, area.left(), area.bottom() + canvas.floor * 0.4, rows)
    _labels(canvas, area, picture, boxes, big, taken)
    if painter is not None:
        painter.save()
        painter.setPen(QPen(QColor(c.rule), max(1.0, canvas.h / 1080)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)
        painter.restore()


def marker_box(mode: str, hollow: bool, half: float) -> QRectF:
    """The box a marker covers around its centre, its rim included (a triangle reaches above its radius)."""
    rim = max(2.0, half * 0.42) if hollow else max(1.0, half * 0.22)
    return marker_path(mode, half).boundingRect().adjusted(-rim / 2, -rim / 2, rim / 2, rim / 2)


def spread_markers(
    true: dict[str, QPointF], shapes: dict[str, QRectF], gap: float, order: dict[str, int] | None = None
) -> dict[str, QPointF]:
    """Where each marker is drawn: at its port's point, unless it would touch another marker.

    Markers drawn largely on top of one another (a town's rail, road and air ports) stand side by
    side in a row, left to right as their points lie (`order` breaks ties), the row centred on their
    points' middle. A row or marker that still touches another is pushed apart from it along the line
    between them, each by half of what they need (`gap` apart); so a marker moves about one marker's
    width in a town of three, and elsewhere no more than its neighbours make it."""
    ids = sorted(true, key=lambda pid: (true[pid].x(), true[pid].y(), (order or {}).get(pid, 0), pid))
    rows = _stacked(ids, true, shapes)
    centres, offsets = [], {}
    for members in rows:
        middle = QPointF(
            sum(true[p].x() for p in members) / len(members), sum(true[p].y() for p in members) / len(members)
        )
        length = sum(shapes[p].width() for p in members) + gap * (len(members) - 1)
        x = -length / 2
        for pid in members:
            offsets[pid] = QPointF(x - shapes[pid].left(), 0) if len(members) > 1 else true[pid] - middle
            x += shapes[pid].width() + gap
        centres.append(middle)
    extents = [_united([shapes[p].translated(offsets[p]) for p in members]) for members in rows]
    for _ in range(40):
        moved = False
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                moved = _push_apart(centres, extents, i, j, gap) or moved
        if not moved:
            break
    return {pid: centres[index] + offsets[pid] for index, members in enumerate(rows) for pid in members}


def _united(boxes: list[QRectF]) -> QRectF:
    box = QRectF(boxes[0])
    for other in boxes[1:]:
        box = box.united(other)
    return box


def _stacked(ids: list[str], at: dict[str, QPointF], shapes: dict[str, QRectF]) -> list[list[str]]:
    """The markers in groups drawn largely on top of one another where their points are (closer than
    three quarters of their widths: a town's ports), in `ids`' order; markers that merely touch are
    left to be pushed apart."""
    group = {pid: pid for pid in ids}

    def root(pid: str) -> str:
        while group[pid] != pid:
            pid = group[pid]
        return pid

    for index, a in enumerate(ids):
        for b in ids[index + 1 :]:
            reach = (shapes[a].width() + shapes[b].width()) / 2 * 0.75
            if at[b].x() - at[a].x() > reach:
                break  # ids run west to east: none further on is that close to `a`
            if math.dist((at[a].x(), at[a].y()), (at[b].x(), at[b].y())) < reach:
                group[root(b)] = root(a)
    found: dict[str, list[str]] = {}
    for pid in ids:
        found.setdefault(root(pid), []).append(pid)
    return list(found.values())


def _push_apart(centres: list[QPointF], extents: list[QRectF], i: int, j: int, gap: float) -> bool:
    box_a, box_b = extents[i].translated(centres[i]), extents[j].translated(centres[j])
    if not box_a.adjusted(-gap, -gap, gap, gap).intersects(box_b):
        return False
    d = box_b.center() - box_a.center()
    length = math.hypot(d.x(), d.y())
    ux, uy = (d.x() / length, d.y() / length) if length > 0.01 else (1.0, 0.0)
    short_x = (box_a.right() + gap - box_b.left()) if ux >= 0 else (box_b.right() + gap - box_a.left())
    short_y = (box_a.bottom() + gap - box_b.top()) if uy >= 0 else (box_b.bottom() + gap - box_a.top())
    step = min(short / (2 * abs(u)) for short, u in ((short_x, ux), (short_y, uy)) if abs(u) > 1e-6) + 0.01
    centres[i] -= QPointF(ux * step, uy * step)
    centres[j] += QPointF(ux * step, uy * step)
    return True


def _labels(
    canvas: Canvas, area: QRectF, picture: Picture, boxes: dict[str, QRectF], big: float, taken: list[QRectF]
) -> None:
    """Each marked place named once (three ports of one town share a name), beside its markers where
    there is room; a name with no free spot is left out."""
    c = canvas.c
    seen: dict[str, list[MapPort]] = {}
    for port in picture.ports:
        if port.marked:
            seen.setdefault(port.label, []).append(port)
    px = canvas.floor
    pad = px * 0.25
    small = [boxes[p.id] for p in picture.ports if not p.marked]
    for label, ports in seen.items():
        marks = boxes[ports[0].id]
        for port in ports[1:]:
            marks = marks.united(boxes[port.id])
        centre = marks.center()
        laid = lay_out(label, px, area.width(), True)
        w, h = laid.width + 2 * pad, laid.height
        gap = big * 0.3
        left, right, top, bottom = marks.left() - gap, marks.right() + gap, marks.top() - gap, marks.bottom() + gap
        spots = [
            QRectF(right, centre.y() - h / 2, w, h),
            QRectF(left - w, centre.y() - h / 2, w, h),
            QRectF(centre.x() - w / 2, top - h, w, h),
            QRectF(centre.x() - w / 2, bottom, w, h),
            QRectF(right - gap, top - h + gap, w, h),
            QRectF(right - gap, bottom - gap, w, h),
            QRectF(left - w + gap, top - h + gap, w, h),
            QRectF(left - w + gap, bottom - gap, w, h),
        ]
        # a spot that hides no marker at all, else one that hides only small ones (never a named port's)
        free = [spot for spot in spots if area.contains(spot) and not any(spot.intersects(t) for t in taken)]
        clear = [spot for spot in free if not any(spot.intersects(b) for b in small)]
        for spot in (clear or free)[:1]:
            canvas.fill(spot, c.halo, px * 0.2)
            canvas.draw(laid, QPointF(spot.left() + pad, spot.top()), label, "map_label", c.ink, c.halo, bold=True)
            taken.append(spot)


LegendRow = list[tuple[str, str, Laid, float]]  # (key, text, laid out, width) per entry


def _legend_rows(canvas: Canvas, width: float, picture: Picture) -> list[LegendRow]:
    """What the marks mean (each mode's shape, a hollow mark, a tinted league), in rows of at most
    `width`; [] when there is nothing to explain or an entry is wider than that."""
    px = canvas.floor
    rows: list[LegendRow] = [[]]
    for key, text in picture.legend:
        laid = lay_out(text, px, width, False)
        entry = px * 1.35 + laid.width + px * 0.9
        if rows[-1] and sum(w for *_, w in rows[-1]) + entry > width:
            rows.append([])
        rows[-1].append((key, text, laid, entry))
    if not picture.legend or any(sum(w for *_, w in row) > width for row in rows):
        return []
    return rows


def _legend(canvas: Canvas, left: float, top: float, rows: list[LegendRow]) -> None:
    """The legend's rows under the map, on the slide's own background."""
    c, px = canvas.c, canvas.floor
    marker, height = px * 0.45, px * 1.5
    for number, row in enumerate(rows):
        x, middle = left, top + height * (number + 0.5)
        for key, text, laid, width in row:
            if canvas.painter is not None:
                _legend_mark(canvas.painter, canvas, key, QPointF(x + marker, middle), marker)
            canvas.draw(laid, QPointF(x + px * 1.35, middle - laid.height / 2), text, "map_legend", c.ink, c.background)
            x += width


def _legend_mark(painter: QPainter, canvas: Canvas, key: str, centre: QPointF, size: float) -> None:
    c = canvas.c
    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    if key == "league":
        painter.setPen(QPen(QColor(c.ink), max(1.0, canvas.h / 540)))
        painter.setBrush(QColor(c.land_marked))
        painter.drawRect(QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size))
    elif key == "note":  # words only: nothing on the map looks like it
        pass
    elif key == "hollow":
        painter.setPen(QPen(QColor(c.ink), max(2.0, size * 0.42)))
        painter.setBrush(QColor(c.background))
        painter.drawEllipse(centre, size * 0.9, size * 0.9)
    else:
        _marker(painter, c, key, False, centre, size)
    painter.restore()
