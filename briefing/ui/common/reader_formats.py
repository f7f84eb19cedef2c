"""Text formats for the reader documents (the sources tab's article, the presenter's passage): theme
colours, character and block formats, the search highlight, and a read-only browser that opens no
links. Database text goes into these documents with insertText only, never as HTML.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat, QTextOption
from PySide6.QtWidgets import QTextBrowser

from briefing.drawing import themes


def colour(name: str) -> QColor:
    """A colour of the current theme; the reader's text is rebuilt when the theme changes."""
    return QColor(getattr(themes.current(), name))


def char_format(ink: QColor | None = None, bold: bool = False, size_step: int = 0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if ink is not None:
        fmt.setForeground(ink)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if size_step:
        # relative to the document's font, so the presentation scale keeps applying
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, size_step)
    return fmt


def block_format(
    top: float = 0, bottom: float = 0, left: float = 0, line_height: int = 100, tint: QColor | None = None
) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(left)
    if line_height != 100:
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if tint is not None:
        fmt.setBackground(tint)
    return fmt


def highlight_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(colour("search_highlight"))
    fmt.setForeground(colour("search_highlight_text"))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def read_only_browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    browser.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs wrap too
    return browser
