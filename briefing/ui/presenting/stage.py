"""The stage: what the room sees while someone presents. One window, full screen, that paints the
deck's slide and nothing else (no menus, tabs, tables, filters, hints or editing controls), or a
black or white screen. Its keys go to the deck."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from briefing.drawing import themes
from briefing.drawing.slides.paint import paint_slide
from briefing.ui.presenting.stage_deck import Deck

BLANK_COLOURS = {"black": QColor("#000000"), "white": QColor("#ffffff")}


def prepare(painter: QPainter) -> None:
    """The same hints on the stage and in the presenter's pictures, so they are the same drawing."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def paint_stage(painter: QPainter, rect: QRect, deck: Deck | None, slide=None) -> None:
    """A slide (the deck's current one unless given) filling `rect`, or the blank screen."""
    if deck is not None and deck.blank and slide is None:
        painter.fillRect(rect, BLANK_COLOURS[deck.blank])
        return
    slide = slide if slide is not None else (deck.current() if deck is not None else None)
    theme = themes.current()
    if slide is None:  # a deck without slides (an empty briefing): the theme's plain background
        painter.fillRect(rect, QColor(theme.base))
        return
    paint_slide(painter, QRectF(rect), slide, theme)


def render_slide(slide, size: QSize, ratio: float = 1.0) -> QImage:
    """The slide as the stage paints it at `size` (logical pixels), into an image."""
    image = QImage(
        QSize(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio))),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    prepare(painter)
    paint_stage(painter, QRect(0, 0, size.width(), size.height()), None, slide)
    painter.end()
    return image


class StageWindow(QWidget):
    """The full-screen slide. It knows nothing of the analyst's window; keys go to the deck."""

    closed = Signal()

    def __init__(self, deck: Deck, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("stage")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)  # no pointer over the slide until the mouse moves
        self.setMouseTracking(True)
        self.deck: Deck | None = deck
        self.show_typing = False  # the stop number being typed: only when no presenter view shows it
        deck.changed.connect(self.update)
        themes.signals().theme_changed.connect(self.update)
        self.setWindowTitle(self.tr("演示"))

    def set_deck(self, deck: Deck | None) -> None:
        """Show another deck (a new show, a rebuilt agenda), or none when the show ends."""
        if self.deck is not None:
            self.deck.changed.disconnect(self.update)
        self.deck = deck
        if deck is not None:
            deck.changed.connect(self.update)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        prepare(painter)
        paint_stage(painter, self.rect(), self.deck)
        if self.show_typing and self.deck is not None and self.deck.typed:  # small, in a corner; gone at Enter
            font = QFont(self.font())
            font.setPixelSize(max(14, self.height() // 30))
            painter.setFont(font)
            painter.setPen(QColor("#888888"))
            painter.drawText(
                self.rect().adjusted(0, 0, -self.height() // 40, -self.height() // 40),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                self.deck.typed,
            )
        painter.end()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.deck is None or not self.deck.handle_key(event):
            super().keyPressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.unsetCursor()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.deck is not None and event.button() == Qt.MouseButton.LeftButton:  # a click advances
            self.deck.step(1)
        elif self.deck is not None and event.button() == Qt.MouseButton.RightButton:
            self.deck.step(-1)
        else:
            super().mousePressEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("演示"))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().closeEvent(event)
        self.closed.emit()
