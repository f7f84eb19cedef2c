"""How a fact card looks, painted from the current theme: a border and badge per kind of figure, so
the kind reads without colour too (targets dashed, derived values dotted, the rest a coloured bar).

Painted rather than styled: a style sheet over the cards made Qt re-resolve it for every label each
time a card changed, which cost more than a frame on every step through the ports.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QLabel, QWidget

from briefing.drawing import themes
from briefing.ui.common.theme_widgets import set_text_colour

_OUTLINED = themes.KIND_LINES  # hollow kinds: a plan, a computation
CARD_RADIUS = 8
_BAR = 8  # the coloured bar down a card's left edge
_PADDING = (16, 12, 16, 12)


def tint(accent: str, background: str, amount: float) -> QColor:
    """`amount` of the accent over the background: a card's faint wash in its kind's colour."""
    a, b = QColor(accent), QColor(background)
    return QColor(
        round(b.red() + (a.red() - b.red()) * amount),
        round(b.green() + (a.green() - b.green()) * amount),
        round(b.blue() + (a.blue() - b.blue()) * amount),
    )


def _accent(theme: themes.Theme, kind: str) -> QColor:
    return QColor(theme.accents.get(kind, theme.accents["reported"]))


def content_margins(kind: str) -> tuple[int, int, int, int]:
    """The padding inside a card, outside its border (3 px for a hollow kind; else 1 px and the bar)."""
    left, top, right, bottom = _PADDING
    if kind in _OUTLINED:
        return left + 3, top + 3, right + 3, bottom + 3
    return left + _BAR, top + 1, right + 1, bottom + 1


def paint_card(painter: QPainter, rect: QRect, kind: str, theme: themes.Theme) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    accent = _accent(theme, kind)
    if kind in _OUTLINED:
        painter.setPen(QPen(accent, 3, _OUTLINED[kind]))
        painter.setBrush(tint(accent.name(), theme.card_background, 0.05))
        painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), CARD_RADIUS, CARD_RADIUS)
        return
    outline = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.setPen(QPen(QColor(theme.card_border), 1))
    painter.setBrush(QColor(theme.card_background))
    painter.drawRoundedRect(outline, CARD_RADIUS, CARD_RADIUS)
    bar = QPainterPath()
    bar.addRoundedRect(QRectF(rect), CARD_RADIUS, CARD_RADIUS)
    painter.setClipRect(QRect(rect.left(), rect.top(), _BAR, rect.height()))
    painter.fillPath(bar, accent)


class CardText(QLabel):
    """Plain text on a card that the mouse can select, made cheap to change and to draw.

    A label becomes selectable when the pointer first enters it: a selectable label lays out and
    draws its text through a whole text document, which took twice as long per label as plain
    text, for every label on every step. (The two measure text the same: nothing moves.) And a
    label remembers its height for each width it was asked about until its text or font changes:
    the card grid asks each label several times per layout, at a few widths.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        if text != self.text():
            self._heights.clear()
            if not self.underMouse():  # a new figure in a pooled card: plain again until pointed at
                self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            super().setText(text)

    def enterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().enterEvent(event)

    def setContentsMargins(self, *margins) -> None:  # noqa: N802 (Qt override)
        self._heights.clear()
        super().setContentsMargins(*margins)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


class Badge(CardText):
    """The kind of a figure, in a rounded chip: filled with the kind's colour, or hollow and dashed
    (target) or dotted (derived). The `kind` property says which."""

    def set_kind(self, kind: str) -> None:
        self.setProperty("kind", kind)
        border = 2 if kind in _OUTLINED else 0
        self.setContentsMargins(14 + border, 2 + border, 14 + border, 2 + border)
        self._set_ink(kind)
        self.update()

    def _set_ink(self, kind: str) -> None:
        theme = themes.current()
        if kind not in _OUTLINED:
            ink = theme.base
        else:  # text in a hollow badge: the accent, darkened on a light card
            ink = theme.accents[kind] if theme.dark else QColor(theme.accents[kind]).darker(127).name()
        set_text_colour(self, ink)

    def apply_theme(self) -> None:
        self._set_ink(str(self.property("kind")))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        theme, kind = themes.current(), str(self.property("kind"))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = _accent(theme, kind)
        if kind in _OUTLINED:
            painter.setPen(QPen(accent, 2, _OUTLINED[kind]))
            painter.setBrush(QColor(theme.card_background))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 5, 5)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRectF(self.rect()), 5, 5)
        painter.end()
        super().paintEvent(event)


class BoxedLabel(CardText):
    """Text in a rounded box: a formula's working, or the message that a subject has no figures."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._box: tuple[str, str, int] = ("", "", 0)

    def set_box(self, fill: str, border: str = "", radius: int = 4, padding: tuple[int, int] = (6, 4)) -> None:
        edge = 1 if border else 0
        self.setContentsMargins(padding[0] + edge, padding[1] + edge, padding[0] + edge, padding[1] + edge)
        self._box = (fill, border, radius)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        fill, border, radius = self._box
        if fill:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(border), 1) if border else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            painter.end()
        super().paintEvent(event)
