"""Nothing but the main window comes up while it opens and is resized: a box that names fewer
ports as the map narrows must not flash its old buttons as windows of their own, which would also
take the keyboard from the main window (F5 would do nothing)."""

from __future__ import annotations

from conftest import show_window
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class WindowsShown(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.names.append(type(watched).__name__)
        return False


def test_only_the_main_window_comes_up_and_it_keeps_the_keyboard(qtbot, qt_fonts, settings):
    spy = WindowsShown()
    app = QApplication.instance()
    app.installEventFilter(spy)
    try:
        # the bundled briefing has seven ports without a coordinate: more than the box names at once
        window = show_window(qtbot, qt_fonts, settings, size=(1280, 760))
        for width in (1100, 900, 1366):
            window.resize(width, 760)
            qtbot.wait(20)
    finally:
        app.removeEventFilter(spy)
    assert spy.names == ["MainWindow"]
    assert QApplication.activeWindow() is window


def test_the_box_of_unplaced_ports_counts_them_all_in_either_language(qtbot, qt_fonts, settings):
    from PySide6.QtWidgets import QPushButton

    window = show_window(qtbot, qt_fonts, settings, size=(1280, 760))
    unplaced = [p for p in window.briefing.ports if not p.has_position]
    for language, total in (("zh", f"等 {len(unplaced)} 个"), ("en", f"({len(unplaced)} in all)")):
        window.set_language(language)
        QApplication.processEvents()
        buttons = window.ports_tab.map.unplaced_box.findChildren(QPushButton)
        more = next(b for b in buttons if b.menu() is not None)
        named = [b for b in buttons if b.menu() is None]
        assert more.text() == total  # the count is of all of them, not of those left in the menu
        assert len(named) + len(more.menu().actions()) == len(unplaced) == 7
    window.set_language("zh")
