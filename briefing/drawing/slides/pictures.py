"""A slide's one picture at the slide's type scale: a history chart, a comparison, or a map inset.

The viewer's and the handout's charts label bars in small print and elide long names; a room needs
every label at the slide's floor or larger, so these draw fewer, larger things: a comparison shows
as many bars as have room for a readable row, the subject's own always among them, and a map names
only the ports it marks, leaving out a name that has no free spot rather than piling it on another.
Shapes and colours are the viewer's (map_items' projection and marker shapes, the kinds' lines).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from briefing.drawing.map_geometry import marker_path, outline_path, project
from briefing.drawing.slides.colours import SlideColours
from briefing.drawing.slides.deck import MapPort, Picture
from briefing.drawing.slides.text import Canvas, Laid, lay_out
from briefing.store.records import Outline

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


def _bar_style(c: SlideColours, kind: str, width: float) -> tuple[QBrush, QPen]:
    accent = QColor(c.accents.get(kind, c.accents["reported"]))
    if kind in _DASH:
        pale = QColor(accent)
        pale.setAlpha(50 if kind == "derived" else 0)
        return QBrush(pale), QPen(accent, width, _DASH[kind])
    return QBrush(accent), QPen(accent, 1)


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
            brush, pen = _bar_style(c, kind, max(2.0, canvas.h / 300))
            painter.save()
            painter.setRenderHint(painter.RenderHint.Antialiasing)
            painter.setBrush(brush)
            painter.setPen(pen)
            painter.drawRect(bar)
            painter.restore()
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
    """Horizontal bars, largest first; the subject's own bar in the highlight colour and starred."""
    c = canvas.c
    top = _titles(canvas, rect, picture)
    px = canvas.px(0.03)
    rows = list(picture.bars)
    room = int((rect.bottom() - top) // (px * 1.9))
    row = min(canvas.h * 0.11, (rect.bottom() - top) / max(1, min(room, len(rows))))
    if len(rows) > room:  # keep the subject's own bar, then the largest
        own = [r for r in rows if r[4]]
        rows = sorted(own + [r for r in rows if not r[4]][: max(0, room - len(own))], key=lambda r: -r[3])
    if not rows:
        return
    name_laid = [lay_out(r[0], px, rect.width(), r[4]) for r in rows]
    value_laid = [lay_out(r[1], px, rect.width(), True) for r in rows]
    name_w = min(max(laid.width for laid in name_laid) + px * 0.4, rect.width() * 0.42)
    value_w = max(laid.width for laid in value_laid) + px * 0.4
    bar_left = rect.left() + name_w
    bar_room = max(rect.width() - name_w - value_w, rect.width() * 0.15)
    highest = max(r[3] for r in rows) or 1.0
    painter = canvas.painter
    for index, (entry, name, value) in enumerate(zip(rows, name_laid, value_laid)):
        y = top + index * row
        if name.width > name_w - px * 0.4:  # a long name wraps onto two lines of the row, or fits smaller
            name = canvas.fit(entry[0], name_w - px * 0.4, row, px, bold=entry[4]) or name
        canvas.draw(
            name,
            QPointF(bar_left - px * 0.4 - name.width, y + (row - name.height) / 2),
            entry[0],
            "chart_name",
            c.ink,
            c.background,
            bold=entry[4],
        )
        length = entry[3] / highest * bar_room
        if painter is not None:
            brush, pen = _bar_style(c, entry[2], max(2.0, canvas.h / 300))
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen if entry[2] not in _DASH else pen)
            painter.setBrush(QColor(c.selected if entry[4] else c.others) if entry[2] not in _DASH else brush)
            painter.drawRect(QRectF(bar_left, y + row * 0.15, length, row * 0.7))
            painter.restore()
        canvas.draw(
            value,
            QPointF(bar_left + length + px * 0.3, y + (row - value.height) / 2),
            entry[1],
            "chart_value",
            c.ink,
            c.background,
            bold=True,
        )


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
    at = {p.id: to_slide.map(project(p.lon, p.lat)) for p in picture.ports}
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
            _marker(painter, c, port.mode, port.hollow, at[port.id], big if port.marked else radius * 0.8)
        painter.restore()
    taken = [QRectF(at[p.id].x() - big, at[p.id].y() - big, 2 * big, 2 * big) for p in picture.ports if p.marked]
    _legend(canvas, area.left(), area.bottom() + canvas.floor * 0.4, rows)
    _labels(canvas, area, picture, at, big, taken)
    if painter is not None:
        painter.save()
        painter.setPen(QPen(QColor(c.rule), max(1.0, canvas.h / 1080)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)
        painter.restore()


def _labels(
    canvas: Canvas, area: QRectF, picture: Picture, at: dict[str, QPointF], big: float, taken: list[QRectF]
) -> None:
    """Each marked place named once (three ports of one town share a name), beside its marker where
    there is room; a name with no free spot is left out."""
    c = canvas.c
    seen: dict[str, list[MapPort]] = {}
    for port in picture.ports:
        if port.marked:
            seen.setdefault(port.label, []).append(port)
    px = canvas.floor
    pad = px * 0.25
    for label, ports in seen.items():
        centre = QPointF(sum(at[p.id].x() for p in ports) / len(ports), sum(at[p.id].y() for p in ports) / len(ports))
        laid = lay_out(label, px, area.width(), True)
        w, h = laid.width + 2 * pad, laid.height
        gap = big * 1.3
        spots = [
            QRectF(centre.x() + gap, centre.y() - h / 2, w, h),
            QRectF(centre.x() - gap - w, centre.y() - h / 2, w, h),
            QRectF(centre.x() - w / 2, centre.y() - gap - h, w, h),
            QRectF(centre.x() - w / 2, centre.y() + gap, w, h),
            QRectF(centre.x() + gap * 0.8, centre.y() - gap * 0.8 - h, w, h),
            QRectF(centre.x() + gap * 0.8, centre.y() + gap * 0.8, w, h),
            QRectF(centre.x() - gap * 0.8 - w, centre.y() - gap * 0.8 - h, w, h),
            QRectF(centre.x() - gap * 0.8 - w, centre.y() + gap * 0.8, w, h),
        ]
        for spot in spots:
            if area.contains(spot) and not any(spot.intersects(t) for t in taken):
                canvas.fill(spot, c.halo, px * 0.2)
                canvas.draw(laid, QPointF(spot.left() + pad, spot.top()), label, "map_label", c.ink, c.halo, bold=True)
                taken.append(spot)
                break


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
    elif key == "hollow":
        painter.setPen(QPen(QColor(c.ink), max(2.0, size * 0.42)))
        painter.setBrush(QColor(c.background))
        painter.drawEllipse(centre, size * 0.9, size * 0.9)
    else:
        _marker(painter, c, key, False, centre, size)
    painter.restore()
