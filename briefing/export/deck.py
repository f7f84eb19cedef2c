"""The slide deck as PDF: the stage's slides, one 16:9 page each, for a meeting-room PC that is not
the presenter's laptop, or as a handout in slide form.

Each page is the same drawing as the stage (`briefing.drawing.slides`), painted at 1920x1080 logical
pixels and scaled onto the page: text is real text in the bundled font (embedded, selectable and
searchable), the map and charts are vectors. The file appears only when complete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from briefing import __version__
from briefing.drawing.paint_font import handout_family
from briefing.drawing.slides.deck import Slide, default_stops, slides_for_stops
from briefing.drawing.slides.paint import paint_slide
from briefing.drawing.themes import LIGHT
from briefing.export.save import ExportCancelled, check_target, streamed

Progress = Callable[[int, int], bool]
PAGE_MM = QSizeF(338.667, 190.5)  # 13.333 x 7.5 inches: the usual widescreen slide
LOGICAL = QSizeF(1920, 1080)  # the slide is laid out at this size, then scaled onto the page


def deck_slides(briefing, stops: Sequence | None, lang: str) -> list[Slide]:
    """The slides of an agenda's stops, or of the default agenda made from the briefing."""
    return slides_for_stops(briefing, default_stops(briefing, lang) if stops is None else stops, lang)


def render_deck(slides: Sequence[Slide], device: QIODevice, title: str, theme, progress: Progress | None = None) -> int:
    """Paint `slides` as PDF pages into an open device; returns the page count.
    `progress(done, total)` returning False cancels (ExportCancelled)."""
    handout_family()  # the bundled faces under the export family: always the embedded font
    writer = QPdfWriter(device)
    writer.setPageSize(QPageSize(PAGE_MM, QPageSize.Unit.Millimeter, "Slide 16:9"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(288)
    writer.setTitle(title)
    writer.setCreator(f"briefing {__version__}")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        scale = min(page.width() / LOGICAL.width(), page.height() / LOGICAL.height())
        for number, slide in enumerate(slides, start=1):
            if progress is not None and not progress(number - 1, len(slides)):
                raise ExportCancelled()
            if number > 1 and not writer.newPage():
                raise OSError("the PDF writer could not start a new page")
            painter.save()
            painter.scale(scale, scale)
            paint_slide(painter, QRectF(0, 0, LOGICAL.width(), LOGICAL.height()), slide, theme)
            painter.restore()
        if progress is not None and not progress(len(slides), len(slides)):
            raise ExportCancelled()
    finally:
        painter.end()
    return len(slides)


def write_deck(
    briefing, path: Path, lang: str = "zh", stops: Sequence | None = None, theme=None, progress: Progress | None = None
) -> int:
    """The deck as `path`: one page per stop of `stops` (the default agenda when None), in `lang`.
    ExportError or ExportCancelled leave no file behind."""

    path = Path(path)
    check_target(path, (briefing.path,))
    slides = deck_slides(briefing, stops, lang)
    title = briefing.meta.get("title_en" if lang == "en" else "title_zh", "") or briefing.meta.get("title_zh", "")
    with streamed(path, protected=(briefing.path,), ending=b"%%EOF\n") as device:
        return render_deck(slides, device, title, theme or LIGHT, progress)
