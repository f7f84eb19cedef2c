"""Theme helpers for widgets: muted secondary text, a widget's text colour and background by palette,
and applying a theme to the whole application (palette, Fusion style, muted widgets, the signal).

The theme tables themselves are in the drawing layer (`briefing.drawing.themes`), shared with paper.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from briefing.drawing.themes import Theme, current, palette, set_current, signals


def muted(widget: QWidget) -> QWidget:
    """Secondary text (hints, captions, field names) in the theme's muted colour, now and after every
    theme change. A palette, not a style sheet: a widget with a style sheet ignores font changes."""
    widget.setProperty(_MUTED, True)
    _paint_muted(widget, current())
    return widget


_MUTED = "themeMuted"


def _paint_muted(widget: QWidget, theme: Theme) -> None:
    set_text_colour(widget, theme.muted)


def set_text_colour(widget: QWidget, colour: str) -> None:
    """A widget's text colour by palette (only when it changes: each change restyles the widget)."""
    wanted = QColor(colour)
    pal = widget.palette()
    if pal.color(QPalette.ColorRole.WindowText) != wanted or pal.color(QPalette.ColorRole.Text) != wanted:
        pal.setColor(QPalette.ColorRole.WindowText, wanted)
        pal.setColor(QPalette.ColorRole.Text, wanted)
        widget.setPalette(pal)


def set_background(widget: QWidget, colour: str) -> None:
    """A widget's own background by palette."""
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(colour))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)


def apply_theme(name: str | None, app: QApplication | None = None) -> Theme:
    """Make a theme current: the application palette now, and our widgets when they get the signal."""
    found = app or QApplication.instance()
    assert isinstance(found, QApplication), "a theme is applied to a running widget application"
    app = found
    theme = set_current(name)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # the native Windows styles ignore much of a custom palette
    app.setPalette(palette(theme))
    for widget in app.allWidgets():
        if widget.property(_MUTED):
            _paint_muted(widget, theme)
    signals().theme_changed.emit(theme.name)
    return theme
