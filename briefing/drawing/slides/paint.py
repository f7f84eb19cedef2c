"""Paint a slide with QPainter into any rectangle: the stage, a presenter thumbnail, a PDF page.

The slide is laid out in the largest 16:9 box of the rectangle; every size comes from that box's
height (text at least 1/40 of it, hero figures at least 1/8), so the same slide reads the same at
1366x768, 1920x1080 or 3840x2160. What does not fit is left out by priority (a third figure, a
profile's quotation, the later sentences of a proposal), never cut short or shrunk below the floor.
`slide_text_boxes` lays a slide out without painting and returns every text with its size.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter

from briefing.drawing.slides import deck
from briefing.drawing.slides.blocks import columns, frame, header, heroes, profile
from briefing.drawing.slides.colours import slide_colours
from briefing.drawing.slides.pictures import draw_picture
from briefing.drawing.slides.text import Canvas, TextBox, lay_out
from briefing.drawing.themes import LIGHT, Theme

ASPECT = 16 / 9
QUOTE_CAP = 0.085  # a passage's largest size, as a share of the slide's height (a hero is 1/8)
_DASH = {"target": Qt.PenStyle.DashLine, "derived": Qt.PenStyle.DotLine}


def slide_area(rect: QRectF) -> QRectF:
    """The largest 16:9 box centred in `rect`."""
    width = min(rect.width(), rect.height() * ASPECT)
    area = QRectF(0, 0, width, width / ASPECT)
    area.moveCenter(rect.center())
    return area


def paint_slide(painter: QPainter, rect: QRectF, slide: deck.Slide, theme: Theme) -> None:
    """Draw `slide` filling `rect` (its background to the edges, the slide in its 16:9 box)."""
    colours = slide_colours(theme)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(rect, QColor(colours.background))
    _lay_out(Canvas(painter, slide_area(rect), colours), slide)
    painter.restore()


def slide_text_boxes(
    slide: deck.Slide, size: QSizeF | tuple[float, float], theme: Theme | None = None
) -> list[TextBox]:
    """Every text of the slide as laid out at `size` (logical pixels), without painting."""
    return laid_out_slide(slide, size, theme).boxes


def laid_out_slide(slide: deck.Slide, size: QSizeF | tuple[float, float], theme: Theme | None = None) -> Canvas:
    """The slide laid out at `size` without painting: its texts (`boxes`) and map markers (`markers`)."""
    width, height = (size.width(), size.height()) if isinstance(size, QSizeF) else size
    canvas = Canvas(None, slide_area(QRectF(0, 0, width, height)), slide_colours(theme or LIGHT))
    _lay_out(canvas, slide)
    return canvas


def _lay_out(canvas: Canvas, slide: deck.Slide) -> None:
    if isinstance(slide, deck.SubjectSlide):
        _subject(canvas, slide)
    elif isinstance(slide, deck.ProfileSlide):
        profile(canvas, slide)
    elif isinstance(slide, deck.ProposalSlide):
        _proposal(canvas, slide)
    elif isinstance(slide, deck.PassageSlide):
        _passage(canvas, slide)
    elif isinstance(slide, deck.OverviewSlide):
        _overview(canvas, slide)
    else:
        _sources(canvas, slide)


# -- slides ------------------------------------------------------------------------------------------


def _subject(canvas: Canvas, slide: deck.SubjectSlide) -> None:
    area = frame(canvas)
    top = header(canvas, area, slide.name, slide.other_name, slide.line)
    left, right = columns(area, top, 0.52 if slide.picture else 1.0)
    heroes(canvas, left, slide.heroes, centred=slide.picture is not None and slide.picture.kind == "map")
    if slide.picture is not None:
        draw_picture(canvas, right, slide.picture)


def _overview(canvas: Canvas, slide: deck.OverviewSlide) -> None:
    area = frame(canvas)
    top = header(canvas, area, slide.title, slide.subtitle)
    left, right = columns(area, top, 0.5)
    heroes(canvas, left, slide.heroes, centred=True)  # beside the map
    draw_picture(canvas, right, slide.picture)


def _proposal(canvas: Canvas, slide: deck.ProposalSlide) -> None:
    c = canvas.c
    area = frame(canvas)
    posts = (
        slide.titles
        if slide.titles and slide.seat in slide.titles
        else " · ".join(x for x in (slide.seat, slide.titles if slide.titles != slide.speaker else "") if x)
    )
    top = header(canvas, area, slide.title, "")
    speaker = canvas.text(
        slide.speaker,
        QRectF(area.left(), top, area.width(), canvas.h * 0.1),
        canvas.px(0.042),
        "speaker",
        c.ink,
        c.background,
        bold=True,
        max_lines=1,
    )
    y = speaker.rect.bottom() if speaker else top
    if posts and posts != slide.speaker:
        shown = canvas.text(
            posts,
            QRectF(area.left(), y, area.width(), canvas.h * 0.1),
            canvas.px(0.03),
            "seat",
            c.muted,
            c.background,
            max_lines=2,
        )
        y = shown.rect.bottom() if shown else y
    top = y + canvas.h * 0.03
    concerns = slide.ports_label
    bottom = area.bottom()
    for text, role in ((slide.source, "source"), (concerns, "ports")):
        if not text:
            continue
        laid = canvas.fit(text, area.width(), canvas.h * 0.12, canvas.px(0.03 if role == "ports" else 0.0), max_lines=2)
        if laid is not None:
            bottom -= laid.height
            canvas.draw(
                laid,
                QPointF(area.left(), bottom),
                text,
                role,
                c.ink if role == "ports" else c.muted,
                c.background,
                box_width=area.width(),
            )
    bottom -= canvas.h * 0.03
    # the key sentences (up to three, in the order spoken, "……" where some are left out), as large as fits
    indent = canvas.h * 0.035
    quote = QRectF(area.left() + indent, top, area.width() - indent, bottom - top)
    shown = None
    ranks = slide.ranks or tuple(range(len(slide.sentences)))
    for count in range(min(3, len(ranks)), 0, -1):
        text = _excerpt(slide.sentences, sorted(ranks[:count]))
        if count > 1 and len(text) > 140:  # a room reads a few lines, not a page
            continue
        laid = canvas.fit(text, quote.width(), quote.height(), canvas.px(0.07), canvas.px(0.042))
        if laid is not None:
            # a short quotation sits a third of the way down the room left, not under the speaker's name
            # with the lower half of the slide empty
            at = QPointF(quote.left(), quote.top() + max(0.0, quote.height() - laid.height) / 3)
            shown = canvas.draw(laid, at, text, "quote", c.ink, c.background, box_width=quote.width())
            break
    if shown is None and ranks:
        shown = canvas.force(
            _excerpt(slide.sentences, list(ranks[:1])), quote, canvas.px(0.036), "quote", c.ink, c.background
        )
    if canvas.painter is not None and shown is not None:  # a bar beside the quotation, in ink (the seat is a word)
        bar = QColor(c.ink)
        canvas.painter.fillRect(QRectF(area.left(), shown.rect.top(), canvas.h * 0.008, shown.rect.height()), bar)


def _excerpt(sentences: tuple[str, ...], chosen: list[int]) -> str:
    """The chosen sentences in order, "……" marking what is left out before, between and after them."""
    text, last = "", -1
    for index in chosen:
        text += ("……" if index != last + 1 else "") + sentences[index]
        last = index
    return text + ("……" if last != len(sentences) - 1 else "")


def _passage(canvas: Canvas, slide: deck.PassageSlide) -> None:
    """The paragraph as large as fits up to QUOTE_CAP, its block centred (a little above the middle) in
    the room under the header: a short paragraph stands in the slide, not at the top of an empty page."""
    c = canvas.c
    area = frame(canvas)
    top = header(canvas, area, slide.heading or slide.source, slide.source if slide.heading else "", slide.about)
    room = QRectF(area.left(), top, area.width(), area.bottom() - top)
    start = slide.quote.find(slide.highlight) if slide.highlight else -1
    marks = [(start, len(slide.highlight), c.mark_ink, c.mark)] if start >= 0 else None
    laid = canvas.fit(slide.quote, room.width(), room.height(), canvas.px(QUOTE_CAP), canvas.px(0.03))
    if laid is None:
        canvas.force(slide.quote, room, canvas.px(0.03), "quote", c.ink, c.background)
        return
    at = QPointF(room.left(), room.top() + max(0.0, room.height() - laid.height) * 0.45)
    canvas.draw(laid, at, slide.quote, "quote", c.ink, c.background, box_width=room.width(), marks=marks)
    if start >= 0:  # the marked figure, recorded with its own colours for the contrast check
        canvas.boxes.append(TextBox(slide.highlight, laid.px, QRectF(at, QSizeF(0, 0)), "mark", c.mark_ink, c.mark))


def _sources(canvas: Canvas, slide: deck.SourcesSlide) -> None:
    c = canvas.c
    area = frame(canvas)
    top = header(canvas, area, slide.title, "")
    note = lay_out(slide.note, canvas.floor, area.width())
    bottom = area.bottom() - note.height
    y = top
    for index, line in enumerate(slide.lines):
        laid = canvas.fit(
            line, area.width(), canvas.h * 0.12, canvas.px(0.034 if index == 0 else 0.028), bold=index == 0, max_lines=2
        )
        if laid is None or y + laid.height > bottom - canvas.h * 0.02:
            break
        canvas.draw(
            laid,
            QPointF(area.left(), y),
            line,
            "source_line",
            c.ink,
            c.background,
            bold=index == 0,
            box_width=area.width(),
        )
        y += laid.height + canvas.h * 0.012
    canvas.draw(note, QPointF(area.left(), bottom), slide.note, "note", c.muted, c.background, box_width=area.width())
