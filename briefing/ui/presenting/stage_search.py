"""A question from the room: a small search box on the presenter's screen (on the stage itself with
one screen). Type a port, place, speaker or topic in Chinese, pinyin or English; Enter shows that
slide at once, and Esc or Backspace on the stage goes back to the agenda where it was."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from briefing.drawing.slides.deck import slides_for_stops
from briefing.ui.presenting.agenda import Stop
from briefing.ui.presenting.stage_deck import Deck
from briefing.ui.presenting.view_state import ViewState

KINDS = ("port", "place", "delegate", "proposal", "passage")
SHOWN = 6  # hits listed under the box
SNIPPET = 40  # characters of a passage shown in the list


def stop_for_hit(briefing, kind: str, ref_id: str, title: str) -> Stop | None:
    """The stop that shows a search hit, as an agenda would hold it."""
    if kind in ("port", "place"):
        return Stop(title, ViewState("ports", ref_id))
    if kind == "proposal":
        proposal = briefing.proposal(ref_id)
        subject = proposal.port_ids[0] if proposal is not None and proposal.port_ids else ""
        return Stop(title, ViewState("proposals", subject, proposal_id=ref_id))
    if kind == "delegate":
        spoken = [p for p in briefing.proposals() if p.delegate_id == ref_id]
        return stop_for_hit(briefing, "proposal", spoken[0].id, title) if spoken else None
    if kind == "passage":
        return Stop(title, ViewState("sources", passage_id=ref_id))
    return None


def hit_line(hit) -> str:
    """A hit as the list shows it: a name, or for a passage or proposal its words around the match
    (passages of one section share its title)."""
    if hit.kind in ("passage", "proposal") and hit.snippet:
        snippet = " ".join(hit.snippet.split())
        snippet = snippet if len(snippet) <= SNIPPET else snippet[: SNIPPET - 1] + "…"
        return f"{hit.title} · {snippet}" if hit.kind == "proposal" else snippet
    return hit.title


def same_subject(stop: Stop, wanted: Stop) -> bool:
    view, other = stop.view, wanted.view
    if other.proposal_id:
        return view.tab == "proposals" and view.proposal_id == other.proposal_id
    if other.passage_id:
        return view.tab == "sources" and view.passage_id == other.passage_id
    return bool(other.subject_id) and view.subject_id == other.subject_id and view.tab in ("ports", "indicators")


def slide_for(deck: Deck, stop: Stop):
    """The agenda's own slide for this stop's subject if it has one, else one made for it now."""
    for index, own in enumerate(deck.stops):
        if same_subject(own, stop) and index < len(deck.slides):
            return deck.slides[index]
    made = slides_for_stops(deck.briefing, (stop,), deck.language)
    return made[0] if made else None


class StageSearch(QFrame):
    """The box and its best hits. It closes itself on Enter (showing the slide) or Esc (showing nothing)."""

    closed = Signal()

    def __init__(self, deck: Deck, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = parent  # the stage or the presenter view
        self.setObjectName("stageSearch")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.deck = deck
        self.title = QLabel()
        self.box = QLineEdit()
        self.box.setObjectName("stageSearchBox")
        self.box.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setObjectName("stageSearchHits")
        self.hits.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows move in it from the box
        self.hits.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hits.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it is as tall as its rows
        self.hits.setTextElideMode(Qt.TextElideMode.ElideRight)  # the presenter's list, never the room's
        self.hits.itemClicked.connect(lambda item: self.choose(self.hits.row(item)))
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.box)
        layout.addWidget(self.hits)
        layout.addWidget(self.status)
        self.box.textChanged.connect(self._search)
        self.box.installEventFilter(self)
        self._found: list[Stop] = []
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr("观众提问:查找口岸、地方、发言人或话题(回车显示,Esc 取消)"))
        self.box.setPlaceholderText(self.tr("中文、拼音或英文"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def open(self) -> None:
        host = self.host
        font = QFont(host.font())  # readable at a glance, from the screen's size as the slides are
        font.setPixelSize(max(16, round(host.height() / 40)))
        self.setFont(font)
        width = min(max(host.width() // 2, 420), host.width() - 40)
        self.setFixedWidth(width)
        self.box.clear()
        self._search("")
        self.adjustSize()
        self.move((host.width() - width) // 2, max(16, host.height() // 12))
        self.show()
        self.raise_()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_box(self) -> None:
        self.hide()
        self.host.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def _search(self, text: str) -> None:
        self.hits.clear()
        self._found = []
        query = text.strip()
        if query:
            for hit in self.deck.briefing.search(query, limit=SHOWN * 3, kinds=KINDS):
                stop = stop_for_hit(self.deck.briefing, hit.kind, hit.ref_id, hit.title)
                if stop is None or any(same_subject(stop, seen) for seen in self._found):
                    continue
                self._found.append(stop)
                self.hits.addItem(QListWidgetItem(hit_line(hit)))
                if len(self._found) == SHOWN:
                    break
        if self._found:
            self.hits.setCurrentRow(0)
        self.hits.setVisible(bool(self._found))
        self.status.setText(self.tr("没有找到") if query and not self._found else "")
        self.status.setVisible(bool(self.status.text()))
        rows = sum(self.hits.sizeHintForRow(row) for row in range(len(self._found)))
        self.hits.setFixedHeight(rows + 2 * self.hits.frameWidth() + 2 if self._found else 0)
        self.adjustSize()

    def choose(self, row: int) -> bool:
        """Show the slide of the hit in this row; False when there is none."""
        if not 0 <= row < len(self._found):
            return False
        slide = slide_for(self.deck, self._found[row])
        if slide is None:
            return False
        self.close_box()
        self.deck.show_found(slide)
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_box()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose(max(self.hits.currentRow(), 0))
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._found:
                step = 1 if key == Qt.Key.Key_Down else -1
                self.hits.setCurrentRow(min(max(self.hits.currentRow() + step, 0), len(self._found) - 1))
                return True
        return False
