"""Parts of a slide's layout: the frame and header, hero figures drawn as on the cards, the two
columns, and the rows of a profile (ports without figures)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from briefing.drawing.slides import records as deck
from briefing.drawing.slides.pictures import draw_picture
from briefing.drawing.slides.text import HERO, Canvas, Laid, lay_out

_DASH = {"target": Qt.PenStyle.DashLine, "derived": Qt.PenStyle.DotLine}  # as on the cards (themes.KIND_LINES)


def frame(canvas: Canvas) -> QRectF:
    m = canvas.h * 0.05
    return canvas.rect.adjusted(m * 1.2, m, -m * 1.2, -m * 0.8)


def header(canvas: Canvas, area: QRectF, title: str, subtitle: str, line: str = "") -> float:
    """Title, the other-language name or a subtitle (beside the title when it fits there), and one
    line of what it is; returns the y below."""
    c = canvas.c
    box = canvas.force(
        title,
        QRectF(area.left(), area.top(), area.width(), canvas.h * 0.17),
        canvas.px(0.06),
        "title",
        c.ink,
        c.background,
        bold=True,
    )
    y = box.rect.bottom() + canvas.h * 0.005
    if subtitle and box.rect.height() < box.px * 1.5:  # a one-line title: the subtitle may sit beside it
        title_width = lay_out(title, box.px, area.width(), True).width
        beside = lay_out(subtitle, canvas.px(0.034), area.width())
        gap = canvas.h * 0.03
        if title_width + gap + beside.width <= area.width() and beside.layout.lineCount() == 1:
            baseline = box.rect.top() + box.px * 1.22 / 2 + box.px * 0.36  # near the title's baseline
            canvas.draw(
                beside,
                QPointF(area.left() + title_width + gap, baseline - beside.px * 0.86),
                subtitle,
                "subtitle",
                c.muted,
                c.background,
            )
            subtitle = ""
    for text, share, role in ((subtitle, 0.034, "subtitle"), (line, 0.034, "line")):
        if text:
            shown = canvas.text(
                text,
                QRectF(area.left(), y, area.width(), canvas.h * 0.1),
                canvas.px(share),
                role,
                c.muted,
                c.background,
                max_lines=2,
            )
            if shown is not None:
                y = shown.rect.bottom()
    y += canvas.h * 0.02
    if canvas.painter is not None:
        canvas.painter.save()
        canvas.painter.setPen(QPen(QColor(canvas.c.rule), max(1.0, canvas.h / 540)))
        canvas.painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        canvas.painter.restore()
    return y + canvas.h * 0.03


def heroes(canvas: Canvas, rect: QRectF, figures: tuple[deck.Hero, ...], centred: bool = False) -> None:
    """Hero figures stacked in `rect`, each as on the cards (a bar in its kind's colour; a target's
    frame dashed, a derived value's dotted); a figure that has no room is left out. `centred`: the
    stack stands a little above the middle of `rect` (beside a map, itself centred), not at its top."""
    c = canvas.c
    pad = canvas.h * 0.014
    inner = rect.width() - 2 * pad - canvas.h * 0.012
    y = rect.top()
    gap = canvas.h * 0.016
    cards: list[tuple[deck.Hero, list[HeroLine], Laid, list[tuple[Laid, str, str]], float]] = []
    for hero in figures:
        figure = _hero_lines(canvas, hero.value, inner)
        label = canvas.fit(hero.label, inner, canvas.h * 0.12, canvas.px(0.032), max_lines=2)
        # when and what kind, then where from: on one line when it fits, else on two
        meta_text = " · ".join(x for x in (hero.period, hero.kind_label, hero.written) if x)
        lines = [(meta_text + " · " + hero.source, None)]
        joined = canvas.fit(lines[0][0], inner, canvas.h * 0.1, canvas.floor, max_lines=1)
        if joined is not None:
            small = [(joined, joined.layout.text(), "hero_meta")]
        else:
            meta = canvas.fit(meta_text, inner, canvas.h * 0.1, canvas.floor, max_lines=2)
            source = canvas.fit(hero.source, inner, canvas.h * 0.1, canvas.floor, max_lines=2)
            small = (
                []
                if meta is None or source is None
                else [(meta, meta_text, "hero_meta"), (source, hero.source, "source")]
            )
        if not figure or label is None or not small:
            continue
        figure[-1] = figure[-1][:3] + (_clear_of(figure[-1], label),)
        height = 2 * pad + sum(pitch for *_, pitch in figure) + label.height + sum(laid.height for laid, _, _ in small)
        if y + height > rect.bottom() + 0.5:
            continue  # a later, shorter figure may still have room
        cards.append((hero, figure, label, small, height))
        y += height + gap
    used = y - gap - rect.top() if cards else 0.0
    y = rect.top() + (max(0.0, rect.height() - used) * 0.4 if centred else 0.0)
    for hero, figure, label, small, height in cards:
        card = QRectF(rect.left(), y, rect.width(), height)
        _card(canvas, card, hero.kind)
        x = card.left() + pad + canvas.h * 0.012
        top = card.top() + pad
        for laid, text, role, pitch in figure:
            shift = (laid.px * 1.06 - laid.px * 1.22) / 2  # the first line's box, centred in a tighter pitch
            canvas.draw(
                laid,
                QPointF(x, top + shift),
                text,
                role,
                c.ink,
                c.card,
                bold=True,
                box_width=inner,
                box_height=laid.height,
            )
            top += pitch
        for laid, text, role, colour in [(label, hero.label, "hero_label", c.ink)] + [
            (laid, text, role, c.muted) for laid, text, role in small
        ]:
            canvas.draw(laid, QPointF(x, top), text, role, colour, c.card, box_width=inner)
            top += laid.height
        y += height + gap


HeroLine = tuple[Laid, str, str, float]  # laid out, its text, its role, the pitch it takes


def _hero_lines(canvas: Canvas, value: str, width: float) -> list[HeroLine]:
    """The figure on one line at hero size; or its prefix ("over", "about") on a line of its own above
    the number and unit; or wrapped on two lines. [] when it does not fit at hero size."""

    def at_hero(text: str, lines: int) -> Laid | None:
        return canvas.fit(
            text, width, canvas.h * 0.2 * lines, canvas.h * 0.13, canvas.h * HERO, bold=True, max_lines=lines
        )

    lead, space, unit = value.rpartition(" ")
    if space and len(unit) <= 3:  # "1.32 million t": a short unit stays with the word before it
        value = f"{lead}\u00a0{unit}"
    one = at_hero(value, 1)
    if one is not None:
        return [(one, value, "hero", one.px * 1.06)]
    prefix, _, rest = value.partition(" ")
    if rest and not any(ch.isdigit() for ch in prefix):  # "over 2100万吨": a word before the number
        head = canvas.fit(prefix, width, canvas.h * 0.1, canvas.px(0.05), bold=True, max_lines=1)
        body = at_hero(rest, 1)
        if head is not None and body is not None:
            return [(head, prefix, "hero_prefix", head.px * 1.06), (body, rest, "hero", body.px * 1.06)]
    two = at_hero(value, 2)
    if two is not None:
        return [(two, value, "hero", two.px * 2.4)]  # the second line's descenders: see _clear_of
    return []


def _ink(laid: Laid, last: bool) -> float:
    """Where the glyphs of a text's first line begin (or its last line's end), below its top."""
    line = laid.layout.lineAt(laid.layout.lineCount() - 1 if last else 0)
    text = laid.layout.text()[line.textStart() : line.textStart() + line.textLength()]
    ink = QFontMetricsF(laid.layout.font()).tightBoundingRect(text)
    return line.y() + line.ascent() + (ink.bottom() if last else ink.top())


def _clear_of(line: HeroLine, label: Laid) -> float:
    """The figure's last line's pitch: tight (1.06 of its size for one line), but never so tight that a
    descender ("flights", a comma) reaches the glyphs of the label under it."""
    laid, _, _, pitch = line
    shift = (laid.px * 1.06 - laid.px * 1.22) / 2  # as drawn in heroes()
    return max(pitch, shift + _ink(laid, True) - _ink(label, False) + laid.px * 0.02)


def _card(canvas: Canvas, rect: QRectF, kind: str) -> None:
    painter, c = canvas.painter, canvas.c
    if painter is None:
        return
    accent = QColor(c.accents.get(kind, c.accents["reported"]))
    radius = canvas.h * 0.008
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(c.card))
    if kind in _DASH:
        painter.setPen(QPen(accent, max(2.0, canvas.h / 270), _DASH[kind]))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setBrush(accent)
        painter.drawRect(QRectF(rect.left(), rect.top(), canvas.h * 0.008, rect.height()))
    painter.restore()


def columns(area: QRectF, top: float, split: float = 0.5) -> tuple[QRectF, QRectF]:
    gap = area.width() * 0.035
    left = QRectF(area.left(), top, area.width() * split - gap / 2, area.bottom() - top)
    right = QRectF(left.right() + gap, top, area.right() - left.right() - gap, area.bottom() - top)
    return left, right


def profile(canvas: Canvas, slide: deck.ProfileSlide) -> None:
    c = canvas.c
    area = frame(canvas)
    top = header(canvas, area, slide.title, slide.subtitle)
    left, right = columns(area, top, 0.56)
    single = len(slide.entries) == 1
    # as large as fits: each port's name and line, and what the article says of it where there is room
    plans: list[EntryPlan | None] = []
    for scale, with_said in (
        (2.0, "all"),
        (1.75, "all"),
        (1.5, "all"),
        (1.3, "all"),
        (1.15, "all"),
        (1.0, "all"),
        (1.5, "named"),
        (1.3, "named"),
        (1.15, "named"),
        (1.0, "named"),
        (1.5, "status"),
        (1.3, "status"),
        (1.15, "status"),
        (1.0, "status"),
        (1.5, ""),
        (1.3, ""),
        (1.15, ""),
        (1.0, ""),
        (0.99, ""),  # last: each text as large as it fits on its own
    ):
        plans = [
            _entry_plan(
                canvas,
                left.width(),
                e,
                single,
                with_said == "all" or (with_said == "named" and e.named),
                scale,
                single or with_said != "",
            )
            for e in slide.entries
        ]
        if all(p is not None for p in plans) and sum(p[0] for p in plans if p is not None) <= left.height():
            break
    y = left.top()
    for plan in plans:
        if plan is None or y + plan[0] > left.bottom() + 0.5:
            break
        height, parts = plan
        for laid, text, role, colour, bold, dy in parts:
            canvas.draw(
                laid, QPointF(left.left(), y + dy), text, role, colour, c.background, bold=bold, box_width=left.width()
            )
        y += height
    if slide.picture is not None:
        draw_picture(canvas, right, slide.picture)


EntryPlan = tuple[float, list[tuple[Laid, str, str, str, bool, float]]]  # height; (laid, text, role, ink, bold, dy)


def _entry_plan(
    canvas: Canvas,
    width: float,
    entry: deck.ProfileEntry,
    single: bool,
    with_said: bool,
    scale: float = 1.0,
    with_status: bool = True,
) -> EntryPlan | None:
    c = canvas.c
    big = canvas.px((0.045 if single else 0.036) * scale)
    body = canvas.px((0.034 if single else 0.026) * scale)
    small = canvas.px(0.026 * scale)
    rows = [
        (entry.name, big, "entry_name", c.ink, True, 1),
        (entry.other_name, small, "entry_other", c.muted, False, 2),
        (entry.line, body, "entry_line", c.ink, False, 1),  # one line: never broken inside a name
        (entry.place, small, "entry_place", c.muted, False, 2),
    ]
    if single:
        rows = rows[2:]  # the name and the other name are the slide's title and subtitle already
    else:
        rows = rows[:3]  # in a group: name, other name, what it is
    if with_status and entry.status:
        rows.append((entry.status, body, "status", c.ink, False, 4 if single else 2))
    if with_said and entry.said:
        rows.append((entry.said, body, "said", c.ink, False, 9 if single else 3))
        if entry.said_source and entry.named:
            rows.append((entry.said_source, small, "source", c.muted, False, 1))
    if single:
        rows += [(title, body, "proposal", c.ink, True, 3) for title in entry.proposals]
    parts, y = [], 0.0
    for text, px, role, colour, bold, lines in rows:
        if not text:
            continue
        # names and lines keep their size (the same on every row; a smaller scale is tried instead);
        # a quotation may shrink to the floor
        laid = canvas.fit(
            text, width, canvas.h, px, None if role == "said" or scale < 1 else px, bold=bold, max_lines=lines
        )
        if laid is None:
            return None
        parts.append((laid, text, role, colour, bold, y))
        y += laid.height
    return y + canvas.h * (0.03 if single else 0.018), parts
