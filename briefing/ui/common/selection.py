"""What the presenter is looking at, shared by every tab: the selected subject and requests to jump."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

TABS = ("ports", "indicators", "proposals", "sources")  # the main window's tabs, in their order


class Selection(QObject):
    """One object the tabs share. Tabs call the methods; they listen to the past-tense signals.

    A subject is a port id or a place id (the region, a city, a group of ports).
    """

    subject_selected = Signal(str)
    passage_requested = Signal(str, str)  # passage id, text to highlight in it (may be empty)
    tab_requested = Signal(str)  # "ports", "indicators", "proposals", "sources"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subject_id = ""

    @property
    def subject_id(self) -> str:
        return self._subject_id

    def select_subject(self, subject_id: str) -> None:
        if subject_id and subject_id != self._subject_id:
            self._subject_id = subject_id
            self.subject_selected.emit(subject_id)

    def reset(self) -> None:
        """Forget the selection (a new briefing was opened)."""
        self._subject_id = ""

    def show_passage(self, passage_id: str, highlight: str = "") -> None:
        self.passage_requested.emit(passage_id, highlight)
        self.tab_requested.emit("sources")

    def show_tab(self, name: str) -> None:
        self.tab_requested.emit(name)
