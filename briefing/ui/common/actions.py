"""Menu and shortcut actions made in one typed call (Qt's own keyword properties are untyped)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def action(
    parent: QObject,
    triggered: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | Sequence[QKeySequence] | None = None,
    checkable: bool = False,
) -> QAction:
    """A QAction owned by `parent` calling `triggered` (with the checked state when `checkable`)."""
    made = QAction(parent)
    made.setCheckable(checkable)
    if isinstance(shortcut, QKeySequence):
        made.setShortcut(shortcut)
    elif isinstance(shortcut, QKeySequence.StandardKey):
        made.setShortcut(QKeySequence(shortcut))
    elif isinstance(shortcut, str):
        made.setShortcut(QKeySequence(shortcut))
    elif shortcut is not None:
        made.setShortcuts(list(shortcut))
    made.triggered.connect(triggered)
    return made
