"""A row of link buttons (a proposal's ports, its passages in the article) that keeps its buttons and
relabels them for the next item shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton


class LinkRow(QHBoxLayout):
    """A row of link buttons, relabelled from one proposal to the next rather than made anew (deleted
    buttons cost the window a second layout and paint after each proposal shown), or a note when
    there is nothing to link."""

    def __init__(self, name: str, opened) -> None:
        super().__init__()
        self._name, self._opened = name, opened
        self._buttons: list[QPushButton] = []
        self._shown = 0
        self._note = QLabel()
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(self._note)
        self.addStretch(1)

    def set_links(self, links: list[tuple[str, str]], note: str = "") -> None:
        """(text, id) of each link, in order; `note` shows instead when there is none."""
        while len(self._buttons) < len(links):
            button = QPushButton()
            button.setObjectName(self._name)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, b=button: self._opened(b.property("target")))
            self.insertWidget(len(self._buttons), button)
            self._buttons.append(button)
        for position, button in enumerate(self._buttons):
            if position < len(links):
                button.setText(links[position][0])
                button.setProperty("target", links[position][1])
            button.setHidden(position >= len(links))
        self._shown = len(links)
        self._note.setText("" if links else note)
        self._note.setHidden(bool(links) or not note)

    def buttons(self) -> list[QPushButton]:
        return self._buttons[: self._shown]

    def texts(self) -> list[str]:
        """What the row shows: the links' texts, or the note."""
        return [button.text() for button in self.buttons()] or ([self._note.text()] if self._note.text() else [])
