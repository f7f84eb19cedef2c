"""The deck on the stage: the slides of an agenda, which one is up, the screen blacked or whitened,
a stop number being typed, and a slide found for a question from the room. The stage and the
presenter view both hand their keys to it, so the clicker works with focus on either."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from briefing.drawing.slides.deck import Slide, slides_for_stops

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_N}
BACK_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_P}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
WHITE_KEYS = {Qt.Key.Key_W, Qt.Key.Key_Comma}
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
DIGITS = {getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)}


class Deck(QObject):
    """The slides of some stops and what the stage shows of them. `changed` after any change;
    `leave_requested` on Esc; `search_requested` on / or Ctrl+F."""

    changed = Signal()
    leave_requested = Signal()
    search_requested = Signal()

    def __init__(self, briefing, stops, language: str, parent=None) -> None:
        super().__init__(parent)
        self.briefing = briefing
        self.stops = tuple(stops)
        self.language = language
        self.slides: list[Slide] = list(slides_for_stops(briefing, self.stops, language))
        self.index = 0
        self.blank = ""  # "", "black" or "white"
        self.typed = ""  # digits of a stop number, until Enter
        self.found: Slide | None = None  # a slide shown for a question, over the agenda

    # -- what is shown ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.slides)

    def current(self) -> Slide | None:
        """The slide on the stage (a found one, else the agenda's), whatever the blanking."""
        if self.found is not None:
            return self.found
        return self.slides[self.index] if 0 <= self.index < len(self.slides) else None

    def upcoming(self) -> Slide | None:
        """The slide the next click shows (back to the agenda's own when a found slide is up)."""
        if self.found is not None:
            return self.slides[self.index] if 0 <= self.index < len(self.slides) else None
        return self.slides[self.index + 1] if self.index + 1 < len(self.slides) else None

    def current_stop(self):
        return self.stops[self.index] if 0 <= self.index < len(self.stops) else None

    def set_language(self, language: str) -> None:
        """The same stops in another language: the same slide stays up."""
        if language == self.language:
            return
        self.language = language
        self.slides = list(slides_for_stops(self.briefing, self.stops, language))
        self.found = None
        self.changed.emit()

    # -- moving -------------------------------------------------------------------------------

    def go(self, index: int) -> bool:
        if not self.slides:
            return False
        index = min(max(index, 0), len(self.slides) - 1)
        moved = index != self.index or self.found is not None or bool(self.blank)
        self.index, self.found, self.blank, self.typed = index, None, "", ""
        if moved:
            self.changed.emit()
        return moved

    def step(self, delta: int) -> None:
        """The clicker. A blacked screen comes back first; a found slide goes back to the agenda."""
        if self.blank or self.found is not None:
            self.blank, self.found, self.typed = "", None, ""
            self.changed.emit()
            return
        self.go(self.index + delta)

    def set_blank(self, kind: str) -> None:
        """Black or white the screen; the same key again brings the slide back."""
        self.blank = "" if self.blank == kind else kind
        self.typed = ""
        self.changed.emit()

    def show_found(self, slide: Slide) -> None:
        """A slide for a question from the room, shown at once over the agenda (Esc goes back)."""
        self.found, self.blank, self.typed = slide, "", ""
        self.changed.emit()

    def back_to_agenda(self) -> bool:
        if self.found is None:
            return False
        self.found = None
        self.changed.emit()
        return True

    # -- keys ---------------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a key from the stage or the presenter view; False when it is not a stage key."""
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        control = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        if (key == Qt.Key.Key_F and control) or (key == Qt.Key.Key_Slash and not control):
            self.typed = ""
            self.search_requested.emit()
            return True
        if control or modifiers & Qt.KeyboardModifier.AltModifier:
            return False
        if key in DIGITS:
            self.typed = (self.typed + DIGITS[key])[-4:]
            self.changed.emit()
        elif key in ENTER_KEYS:
            if self.typed:
                self.go(int(self.typed) - 1)
                self.typed = ""
                self.changed.emit()
            else:
                self.step(1)
        elif key == Qt.Key.Key_Backspace:
            if self.typed:
                self.typed = self.typed[:-1]
                self.changed.emit()
            elif not self.back_to_agenda():
                self.step(-1)
        elif key == Qt.Key.Key_Escape:
            if self.typed:
                self.typed = ""
                self.changed.emit()
            elif not self.back_to_agenda():
                self.leave_requested.emit()
        elif key in NEXT_KEYS:
            self.step(1)
        elif key in BACK_KEYS:
            self.step(-1)
        elif key in BLACK_KEYS:
            self.set_blank("black")
        elif key in WHITE_KEYS:
            self.set_blank("white")
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.slides) - 1)
        else:
            return False
        return True
