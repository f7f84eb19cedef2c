"""The main window never flashes a window of its own: a box the map fills again as it is resized
(the ports with no coordinate) must not leave a label or a button to show up as a separate window,
which on a projector is a flicker and takes the keyboard from the presenter view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class ShownWindows(QObject):
    """Every widget shown as a top-level window while it listens."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {getattr(watched, 'text', lambda: '')()}".strip())
        return False


def test_resizing_the_window_shows_no_window_but_itself(window, qtbot):
    app = QApplication.instance()
    listener = ShownWindows()
    app.installEventFilter(listener)
    try:
        for width in (1280, 900, 1600, 1000):  # the box of unplaced ports names fewer, then more
            window.resize(width, 800)
            qtbot.wait(20)
    finally:
        app.removeEventFilter(listener)
    assert listener.shown == []
