"""The one way the viewer tells the person something in a box: plain text (a file name or an error may
quote anything), window-modal but not blocking, so a clicker and the event loop keep going."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def tell(parent: QWidget | None, title: str, text: str, warning: bool = True) -> QMessageBox:
    """Open a message box over `parent` and return it (already shown)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
