"""Page layout for the handout: text that wraps and flows over pages, tables that repeat their header,
headings that never sit alone at the foot of a page, and figures that move whole to the next page.

Layout happens first and records, per page, what to draw; painting comes after, so the footer can
say "page 3 of 17" and the cover can list the page of each section. Sizes are given in points
and converted to the paint device's units (1200 per inch for a QPdfWriter).

A long document is laid out twice instead of being held whole: a first pass only counts pages and
notes where each section starts (`keep=False`), and a second, given those, hands each page to
`on_page` as soon as it is complete (to be painted and forgotten). Layout is deterministic, so both
passes break pages in the same places, and memory stays at one page of drawing steps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from briefing.drawing.paint_font import export_font
from briefing.export.save import ExportCancelled

Draw = Callable[[QPainter], None]
INK, MUTED, RULE = QColor("#1b1f24"), QColor("#5b616b"), QColor("#c9ced6")
HEADER_FILL, STRIPE = QColor("#e9edf2"), QColor("#f7f8fa")
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 50.0, 58.0, 62.0  # points
MIN_LINES_AT_FOOT = 2  # a paragraph starts on a page only if this many of its lines fit there
KEEP_TOGETHER_LINES = 6  # a block of several paragraphs this short is never split over pages


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width
    bold: bool = False
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass
class TableRows:
    """A table measured for its width: each cell's lines, and each row's height."""

    columns: tuple[Column, ...]
    widths: list[float]
    header: list[list[str]]
    header_height: float
    rows: list[list[list[str]]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)

    def opening_height(self, rows: int = 2) -> float:
        """The header and the first rows: what must fit below a heading."""
        return self.header_height + sum(self.heights[:rows])


class Flow:
    """A cursor running down A4 pages; every placed item becomes a drawing step on its page."""

    def __init__(
        self,
        device: QPdfWriter,
        family: str,
        keep: bool = True,
        on_page: Callable[[int, list[Draw]], None] | None = None,
        sections: dict[str, int] | None = None,
    ) -> None:
        """`keep`: hold every page's steps in `pages` (for `paint`); otherwise a page's steps go to
        `on_page(number, steps)` once the page is complete (call `finish` after the last), or
        nowhere. `sections`: the section pages found by an earlier pass, for the contents."""
        self.device = device
        self.family = family
        self.unit = device.resolution() / 72.0  # device units per point
        self.width = device.width()
        self.height = device.height()
        self.left = self.pt(MARGIN_X)
        self.right = self.width - self.pt(MARGIN_X)
        self.top = self.pt(MARGIN_TOP)
        self.bottom = self.height - self.pt(MARGIN_BOTTOM)
        self.keep, self.on_page = keep, on_page
        self.pages: list[list[Draw]] = []  # every page's steps (keep), or only the page being laid out
        self.page_count = 0
        self.sections: dict[str, int] = dict(sections or {})  # name -> page number (1-based)
        self.running: list[str] = []  # per page: the section named in the page header
        self._section = ""
        self.y = self.top
        self.new_page()

    # -- units and text -------------------------------------------------------------------------

    def pt(self, points: float) -> float:
        return points * self.unit

    @property
    def text_width(self) -> float:
        return self.right - self.left

    def font(self, size: float, bold: bool = False) -> QFont:
        return export_font(self.family, self.pt(size), bold)

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def line_height(self, font: QFont) -> float:
        return self.metrics(font).lineSpacing() * 1.18

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        """Lines of `text` that fit `width`; Chinese breaks between characters, Latin between words."""
        lines: list[str] = []
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        for paragraph in re.sub(r"\n\s*\n+", "\n", text).split("\n"):  # blank lines between paragraphs: none
            layout = QTextLayout(paragraph, font, self.device)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].rstrip())
            layout.endLayout()
            if not paragraph:
                lines.append("")
        return lines

    # -- pages ----------------------------------------------------------------------------------

    def new_page(self) -> None:
        if not self.keep:
            self._hand_over()
        self.pages.append([])
        self.page_count += 1
        self.running.append(self._section)
        self.y = self.top

    def _hand_over(self) -> None:
        """The page just finished goes to `on_page`, and its steps are dropped."""
        if self.pages:
            steps = self.pages.pop()
            if self.on_page is not None:
                self.on_page(self.page_count, steps)

    def finish(self) -> None:
        """After the last item: hand over the last page (without `keep`)."""
        if not self.keep:
            self._hand_over()

    def add(self, draw: Draw) -> None:
        self.pages[-1].append(draw)

    def room(self) -> float:
        return self.bottom - self.y

    def at_top(self) -> bool:
        return self.y <= self.top + 1

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` fits below the cursor (or we are already at the top)."""
        if height > self.room() and not self.at_top():
            self.new_page()

    def space(self, points: float) -> None:
        self.y = min(self.y + self.pt(points), self.bottom)

    def mark(self, name: str, running: str) -> None:
        """Note the page a section starts on; `running` becomes the page header from here on."""
        self.sections.setdefault(name, self.page_count)
        self._section = running
        if self.at_top():
            self.running[-1] = running

    # -- blocks ---------------------------------------------------------------------------------

    def text(
        self,
        text: str,
        size: float = 9.5,
        bold: bool = False,
        colour: QColor = INK,
        indent: float = 0.0,
        after: float = 4.0,
        keep_with: float = 0.0,
        hang: str = "",
    ) -> None:
        """Paragraphs (one per line of `text`, blank lines dropped), a little apart; they flow over
        pages line by line, never leaving a single line behind.

        `hang` is a label set in the indent before the first line, as in "[12]  text".
        """
        paragraphs = [part for part in text.split("\n") if part.strip()] or [""]
        if len(paragraphs) > 1:  # a short block (a reference and its link) stays on one page
            font = self.font(size, bold)
            width = self.text_width - self.pt(indent)
            lines = sum(len(self.wrap(part, font, width)) for part in paragraphs)
            if lines <= KEEP_TOGETHER_LINES:
                self.ensure(lines * self.line_height(font) + keep_with)
        for number, paragraph in enumerate(paragraphs):
            last = number == len(paragraphs) - 1
            self._paragraph(
                paragraph,
                size,
                bold,
                colour,
                indent,
                after if last else size * 0.35,
                keep_with if last else 0.0,
                hang if number == 0 else "",
            )

    def _paragraph(
        self,
        text: str,
        size: float,
        bold: bool,
        colour: QColor,
        indent: float,
        after: float,
        keep_with: float,
        hang: str,
    ) -> None:
        font = self.font(size, bold)
        x, width = self.left + self.pt(indent), self.text_width - self.pt(indent)
        lines = self.wrap(text, font, width)
        step = self.line_height(font)
        ascent = self.metrics(font).ascent()
        self.ensure(step * min(len(lines), MIN_LINES_AT_FOOT) + keep_with)
        for index, line in enumerate(lines):
            if self.room() < step:
                self.new_page()
            baseline = self.y + ascent
            if index == 0 and hang:
                self.add(_text_at(font, colour, QPointF(self.left, baseline), hang))
            self.add(_text_at(font, colour, QPointF(x, baseline), line))
            self.y += step
        self.space(after)

    def heading(
        self,
        text: str,
        size: float,
        keep_with: float,
        before: float = 10.0,
        after: float = 5.0,
        colour: QColor = INK,
        rule: bool = False,
        mark: str = "",
    ) -> None:
        """A heading that moves to the next page unless `keep_with` of what follows fits under it;
        `mark` names the section it opens (for the contents and the running page header)."""
        font = self.font(size, bold=True)
        lines = self.wrap(text, font, self.text_width)
        step = self.line_height(font)
        if not self.at_top():
            self.space(before)
        self.ensure(step * len(lines) + self.pt(after) + keep_with)
        if mark:
            self.mark(mark, running=text)
        for line in lines:
            self.add(_text_at(font, colour, QPointF(self.left, self.y + self.metrics(font).ascent()), line))
            self.y += step
        if rule:
            y = self.y + self.pt(1)
            self.add(_rule(QPointF(self.left, y), QPointF(self.right, y), INK, self.pt(1.2)))
            self.y += self.pt(3)
        self.space(after)

    def figure(self, height: float, draw: Callable[[QPainter, QRectF], None], after: float = 8.0) -> QRectF:
        """A drawing `height` tall across the text width; moves whole to the next page if needed."""
        self.ensure(height)
        rect = QRectF(self.left, self.y, self.text_width, min(height, self.bottom - self.top))
        frozen = QRectF(rect)

        def step(painter: QPainter) -> None:
            draw(painter, frozen)

        self.add(step)
        self.y += rect.height()
        self.space(after)
        return rect

    # -- tables ---------------------------------------------------------------------------------

    def measure_table(self, columns: tuple[Column, ...], rows: list[list[str]], size: float = 8.8) -> TableRows:
        total = sum(c.share for c in columns)
        widths = [self.text_width * c.share / total for c in columns]
        pad = self.pt(3.2)
        head_font = self.font(size, bold=True)
        header = [self.wrap(c.title, head_font, w - 2 * pad) for c, w in zip(columns, widths)]
        table = TableRows(columns, widths, header, self._row_height(header, head_font))
        for row in rows:
            cells = [self.wrap(text, self.font(size, c.bold), w - 2 * pad) for text, c, w in zip(row, columns, widths)]
            table.rows.append(cells)
            table.heights.append(self._row_height(cells, self.font(size)))
        return table

    def _row_height(self, cells: list[list[str]], font: QFont) -> float:
        return max(len(lines) for lines in cells) * self.line_height(font) + 2 * self.pt(2.6)

    def table(self, table: TableRows, size: float = 8.8, continued: str = "") -> None:
        """Rows go down the page; a row that does not fit starts a new page under `continued`
        ("… (continued)") and a repeated header."""
        self.ensure(table.opening_height(2))
        self._table_row(table, table.header, table.header_height, size, header=True)
        for index, (cells, height) in enumerate(zip(table.rows, table.heights)):
            if height > self.room() and not self.at_top():
                self.new_page()
                if continued:
                    self.text(continued, size=8.5, colour=MUTED, after=3)
                self._table_row(table, table.header, table.header_height, size, header=True)
            self._table_row(table, cells, height, size, stripe=index % 2 == 1)
        self.space(6)

    def _table_row(self, table: TableRows, cells, height: float, size: float, header=False, stripe=False) -> None:
        top, pad = self.y, self.pt(3.2)
        fill = HEADER_FILL if header else (STRIPE if stripe else None)
        row_rect = QRectF(self.left, top, self.text_width, height)
        steps: list[Draw] = []
        if fill is not None:
            steps.append(_fill(row_rect, fill))
        x = self.left
        for lines, column, width in zip(cells, table.columns, table.widths):
            font = self.font(size, bold=header or column.bold)
            step, ascent = self.line_height(font), self.metrics(font).ascent()
            for n, line in enumerate(lines):
                baseline = top + self.pt(2.6) + n * step + ascent
                if column.align == Qt.AlignmentFlag.AlignRight:
                    advance = self.metrics(font).horizontalAdvance(line)
                    steps.append(_text_at(font, INK, QPointF(x + width - pad - advance, baseline), line))
                else:
                    steps.append(_text_at(font, INK, QPointF(x + pad, baseline), line))
            x += width
        bottom = top + height
        steps.append(
            _rule(
                QPointF(self.left, bottom),
                QPointF(self.right, bottom),
                INK if header else RULE,
                self.pt(0.8 if header else 0.4),
            )
        )
        for drawn in steps:
            self.add(drawn)
        self.y = bottom

    # -- painting -------------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        new_page: Callable[[], bool],
        decorate: Callable[[QPainter, int, int], None],
        progress: Callable[[int, int], bool] | None = None,
    ) -> int:
        """Paint every page in order; `progress(done, total)` returning False cancels."""
        total = len(self.pages)
        for number, steps in enumerate(self.pages, start=1):
            if progress is not None and not progress(number - 1, total):
                raise ExportCancelled()
            if number > 1 and not new_page():
                raise OSError("the PDF writer could not start a new page")
            for step in steps:
                step(painter)
            decorate(painter, number, total)
        if progress is not None and not progress(total, total):
            raise ExportCancelled()
        return total


def _text_at(font: QFont, colour: QColor, at: QPointF, text: str) -> Draw:
    def draw(painter: QPainter) -> None:
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(at, text)

    return draw


def _rule(a: QPointF, b: QPointF, colour: QColor, width: float) -> Draw:
    def draw(painter: QPainter) -> None:
        painter.setPen(QPen(colour, width))
        painter.drawLine(a, b)

    return draw


def _fill(rect: QRectF, colour: QColor) -> Draw:
    def draw(painter: QPainter) -> None:
        painter.fillRect(rect, colour)

    return draw
