"""Text on a slide: sized from the slide's height (never the desktop font), wrapped, shrunk down to
a floor, and recorded as it is laid out, so a test can read every size and box a room would see.

Every text goes through `Canvas.text`, which lays it out with Qt's own text layout and, when there
is a painter, draws it. Nothing is ever elided: text that does not fit at the floor is reported as
not fitting (the slide's layout then leaves out lower-priority content), and if drawn anyway is
recorded as clipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextLayout, QTextOption

from briefing.drawing.paint_font import export_font, handout_family
from briefing.drawing.slides.colours import SlideColours

FLOOR = 1 / 40  # the smallest text, as a share of the slide's height
HERO = 1 / 8  # the smallest hero figure
LEADING = 1.22  # line pitch as a multiple of the pixel size (the font's own is 1.45: too loose for slides)


@dataclass(frozen=True)
class TextBox:
    """One laid-out text of a slide: what it says, its pixel size, where, and whether it fits."""

    text: str
    px: float
    rect: QRectF  # the box it was given (its lines fill the top of it)
    role: str  # title, subtitle, body, hero, label, source, chart, map …
    colour: str
    background: str  # what is behind it, for contrast
    bold: bool = False
    elided: bool = False  # never set: slides do not elide (kept so a test can say so)
    clipped: bool = False  # the text needed more room than its box


@dataclass(frozen=True)
class Laid:
    """A text laid out at one size: its layout, height and widest line."""

    layout: QTextLayout
    px: float
    height: float
    width: float
    fits: bool


def _font(px: float, bold: bool) -> QFont:
    font = export_font(handout_family(), px, bold)
    font.setPixelSize(max(1, round(px)))
    return font


def lay_out(
    text: str,
    px: float,
    width: float,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    leading: float = LEADING,
) -> Laid:
    """`text` wrapped at word boundaries (any character in Chinese) into `width`."""
    layout = QTextLayout(text, _font(px, bold))
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    pitch = px * leading
    y, widest, fits = 0.0, 0.0, True
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        ascent_pad = (pitch - line.height()) / 2  # centre the font's own line box in the pitch
        line.setPosition(QPointF(0, y + ascent_pad))
        widest = max(widest, line.naturalTextWidth())
        if line.naturalTextWidth() > width + 0.5:  # one word wider than the box
            fits = False
        y += pitch
    layout.endLayout()
    return Laid(layout, px, y, widest, fits)


class Canvas:
    """Lays out (and, with a painter, draws) the texts and shapes of one slide in `rect`."""

    def __init__(self, painter: QPainter | None, rect: QRectF, colours: SlideColours) -> None:
        self.painter, self.rect, self.c = painter, QRectF(rect), colours
        self.h = rect.height()
        self.floor = self.h * FLOOR
        self.boxes: list[TextBox] = []
        self.markers: list[tuple[str, QRectF, QPointF]] = []  # a map's port markers: id, box drawn, true point

    def px(self, share: float) -> float:
        """A size as a share of the slide's height, never below the floor."""
        return max(self.floor, self.h * share)

    def fit(
        self,
        text: str,
        width: float,
        height: float,
        px: float,
        floor: float | None = None,
        bold: bool = False,
        max_lines: int = 0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> Laid | None:
        """The largest size from `px` down to `floor` at which `text` fits `width` x `height`
        (and `max_lines`), or None when it does not fit even at the floor."""
        floor = max(self.floor, floor or self.floor)
        size = max(px, floor)
        while True:
            laid = lay_out(text, size, width, bold, align)
            lines = laid.layout.lineCount()
            if laid.fits and laid.height <= height + 0.5 and (not max_lines or lines <= max_lines):
                return laid
            if size <= floor:
                return None
            size = max(floor, size * 0.94)

    def draw(
        self,
        laid: Laid,
        at: QPointF,
        text: str,
        role: str,
        colour: str,
        background: str,
        bold: bool = False,
        box_width: float | None = None,
        box_height: float | None = None,
        marks: list[tuple[int, int, str, str]] | None = None,
    ) -> TextBox:
        """Draw a laid-out text with its top-left at `at`; `marks`: (start, length, ink, fill) runs."""
        width = box_width if box_width is not None else laid.width
        height = box_height if box_height is not None else laid.height
        rect = QRectF(at.x(), at.y(), width, height)
        clipped = not laid.fits or laid.height > height + 0.5 or laid.width > width + 0.5
        box = TextBox(laid.layout.text(), laid.px, rect, role, colour, background, bold, False, clipped)
        self.boxes.append(box)
        if self.painter is not None:
            painter = self.painter
            painter.setPen(QColor(colour))
            ranges = []
            for start, length, ink, fill in marks or ():
                fmt = QTextCharFormat()
                fmt.setForeground(QColor(ink))
                fmt.setBackground(QColor(fill))  # a selection recolours; it cannot change the font
                selection = QTextLayout.FormatRange()
                # PySide6 6.9's type stubs omit FormatRange's fields (they exist at run time)
                for name, value in (("start", start), ("length", length), ("format", fmt)):
                    setattr(selection, name, value)
                ranges.append(selection)
            laid.layout.draw(painter, at, ranges)
        return box

    def text(
        self,
        text: str,
        rect: QRectF,
        px: float,
        role: str,
        colour: str,
        background: str,
        floor: float | None = None,
        bold: bool = False,
        max_lines: int = 0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        marks: list[tuple[int, int, str, str]] | None = None,
    ) -> TextBox | None:
        """Fit and draw `text` in `rect`; None (and nothing drawn) when it cannot fit."""
        laid = self.fit(text, rect.width(), rect.height(), px, floor, bold, max_lines, align)
        if laid is None:
            return None
        return self.draw(laid, rect.topLeft(), text, role, colour, background, bold, rect.width(), laid.height, marks)

    def force(
        self,
        text: str,
        rect: QRectF,
        px: float,
        role: str,
        colour: str,
        background: str,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> TextBox:
        """Draw text that must be there (a slide's title) at the best size that fits, or at the
        floor, marked clipped, if nothing fits (a test then fails: nothing is hidden silently)."""
        laid = self.fit(text, rect.width(), rect.height(), px, None, bold, 0, align)
        if laid is None:
            laid = lay_out(text, self.floor, rect.width(), bold, align)
        return self.draw(
            laid,
            rect.topLeft(),
            text,
            role,
            colour,
            background,
            bold,
            rect.width(),
            min(laid.height, rect.height()) if laid.height <= rect.height() + 0.5 else rect.height(),
        )

    # shapes: drawn only with a painter
    def fill(self, rect: QRectF, colour: str, radius: float = 0.0) -> None:
        if self.painter is None:
            return
        self.painter.save()
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(colour))
        if radius:
            self.painter.drawRoundedRect(rect, radius, radius)
        else:
            self.painter.drawRect(rect)
        self.painter.restore()
