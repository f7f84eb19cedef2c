"""The proposals tab: who spoke (filterable by body), what they proposed, and the full text with the
search matches highlighted, linking to the ports it concerns and to the article's passages."""

from __future__ import annotations

import html
import logging
import re
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.drawing import themes
from briefing.drawing.formatting import body_label, proposal_title
from briefing.drawing.i18n import local_name
from briefing.store import BriefingError
from briefing.store.records import BODIES, Delegate, Proposal
from briefing.store.search import find_spans
from briefing.ui.common.layout_fence import LayoutFence
from briefing.ui.common.link_row import LinkRow
from briefing.ui.common.selection import Selection
from briefing.ui.proposals.proposal_cards import card_list, highlight_style, highlighted_markup, muted
from briefing.ui.proposals.proposal_models import (
    ProposalTableModel,
    RecordFilterProxy,
    RecordRole,
    SpeakerTableModel,
    short_titles,
)
from briefing.ui.proposals.proposal_search import ProposalIndex, highlight_terms

# What this tab uses: proposals and speakers (every match: the list shows them all, a page at a
# time), and ports and places (an English name found there tells which Chinese name to highlight).
# Passages and series would only crowd them out.
SEARCH_KINDS = ("port", "place", "proposal", "delegate")


def _link_style() -> str:
    theme = themes.current()
    return (
        f"QPushButton#portLink, QPushButton#passageLink {{ color:{theme.chip_text};"
        f" background:{theme.chip_background}; border:1px solid {theme.chip_border}; border-radius:5px;"
        " padding:5px 12px; }"
        f"QPushButton#portLink:hover, QPushButton#passageLink:hover {{ background:{theme.list_selected}; }}"
    )


def _of_body(body: str, speaker: Delegate) -> bool:
    return speaker.body == body


class ProposalsTab(QWidget):
    """Speakers | proposals | the selected proposal, under a search box and two filters."""

    proposal_opened = Signal()  # another proposal (or none) is shown in the reader

    def __init__(self, briefing, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._briefing = briefing
        self._selection = selection
        self._proposals: tuple[Proposal, ...] = ()
        self._index = ProposalIndex((), ())
        self._query = ""
        self._search_failed = False  # the last search met a damaged index
        self._terms: list[str] = []
        self._ranking: list[int] | None = None  # the proposals' rows a search found, best first
        self._speaker_id = ""
        self._current: Proposal | None = None
        self._filter_stale = False  # the port filter waits while another tab is in front
        self._rendered: tuple = ()  # what the reader shows, as _look() puts it
        self._build()
        self._apply_fonts()
        selection.subject_selected.connect(self._on_subject_selected)
        self.set_briefing(briefing)

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self._search = QLineEdit()
        self._search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(lambda: self.set_query(self._search.text()))
        self._search.textChanged.connect(self._search_timer.start)
        self._body = QComboBox()
        self._body.addItem("", "")
        for body in BODIES:
            self._body.addItem(body_label(body), body)
        self._body.currentIndexChanged.connect(self._on_body_changed)
        self._port_only = QCheckBox()
        self._port_only.toggled.connect(self._refilter_proposals)
        self._count = QLabel()
        self._count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # it only widens
        bar = QHBoxLayout()
        bar.addWidget(self._search, 1)
        self._body_label = QLabel()
        bar.addWidget(self._body_label)
        for widget in (self._body, self._port_only, self._count):
            bar.addWidget(widget)

        self._speaker_model, self._speaker_proxy = SpeakerTableModel(self), RecordFilterProxy(self)
        self._speakers = card_list(self._speaker_model, self._speaker_proxy)
        self._speakers.selectionModel().currentChanged.connect(self._on_speaker_changed)
        self._proposal_model, self._proposal_proxy = ProposalTableModel(self), RecordFilterProxy(self)
        self._list = card_list(self._proposal_model, self._proposal_proxy)
        self._list.selectionModel().currentChanged.connect(self._on_proposal_changed)

        self._reader = QTextBrowser()
        self._reader.setOpenLinks(False)
        self._reader.setOpenExternalLinks(False)
        self._reader.document().contentsChanged.connect(self.proposal_opened)
        self._speaker_line, self._topics = QLabel(), QLabel()
        self._speaker_line.setTextFormat(Qt.TextFormat.PlainText)
        self._topics.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        for label in (self._speaker_line, self._topics):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._ports_row = LinkRow("portLink", self._open_port)
        self._passages_row = LinkRow("passageLink", self._open_passage)
        self._meta = QWidget()
        self._meta.setStyleSheet(_link_style())
        form = QFormLayout(self._meta)
        form.setContentsMargins(4, 8, 4, 4)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._field_labels = [QLabel() for _ in range(4)]
        speaker_label, topics_label, ports_label, passages_label = self._field_labels
        form.addRow(speaker_label, self._speaker_line)
        form.addRow(topics_label, self._topics)
        form.addRow(ports_label, self._ports_row)  # a row of links (a layout)
        form.addRow(passages_label, self._passages_row)

        self._headings = [QLabel() for _ in range(3)]
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for heading, pane_body in zip(self._headings, (self._speakers, self._list, self._reader)):
            pane = QWidget()
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(heading)
            column.addWidget(pane_body, 1)
            if pane_body is self._reader:
                column.addWidget(self._meta)
            splitter.addWidget(pane)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 5)
        splitter.setSizes([380, 570, 950])
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(bar)
        column.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # see layout_fence: a new count, topic line or set of links repaints what changed, not the window
        layout.addWidget(LayoutFence(content))
        self._set_texts()
        themes.signals().theme_changed.connect(self._apply_theme)

    def _set_texts(self) -> None:
        self._search.setPlaceholderText(QCoreApplication.translate("ProposalsTab", "搜索建议:口岸、羊绒、manzhouli…"))
        self._body.setItemText(0, QCoreApplication.translate("ProposalsTab", "全部"))
        for index, body in enumerate(BODIES, start=1):
            self._body.setItemText(index, body_label(body))
        self._body_label.setText(QCoreApplication.translate("ProposalsTab", "身份:"))
        for label, text in zip(
            self._field_labels,
            (
                QCoreApplication.translate("ProposalsTab", "发言人"),
                QCoreApplication.translate("ProposalsTab", "主题"),
                QCoreApplication.translate("ProposalsTab", "涉及口岸"),
                QCoreApplication.translate("ProposalsTab", "原文"),
            ),
        ):
            label.setText(text)
        for label, text in zip(
            self._headings,
            (
                QCoreApplication.translate("ProposalsTab", "发言人"),
                QCoreApplication.translate("ProposalsTab", "建议"),
                QCoreApplication.translate("ProposalsTab", "建议全文"),
            ),
        ):
            label.setText(text)

    def retranslate(self) -> None:
        """Every visible string in the current language; the proposals themselves stay in Chinese."""
        self._set_texts()
        self._on_subject_selected(self._selection.subject_id)
        self._update_count()
        self._refresh_lists()

    def _apply_theme(self, *_args) -> None:
        self._meta.setStyleSheet(_link_style())
        self._refresh_lists()

    def _refresh_lists(self) -> None:
        """Cards and the reader drawn again: their labels and colours are read when drawn."""
        for view in (self._speakers, self._list):
            view.rows().forget_cards()  # their labels and colours are new
            view.doItemsLayout()  # cards may change height with the new labels
            view.viewport().update()
        self._show_proposal(self._current)

    def _apply_fonts(self) -> None:
        base = self.font()
        bold = QFont(base)
        bold.setBold(True)
        for label in self._headings + self._field_labels:
            label.setFont(bold)
        reading = QFont(base)
        reading.setPointSizeF(base.pointSizeF() * 1.15)
        self._reader.setFont(reading)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()  # the presentation scale changed: keep the derived sizes in step
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- public -----------------------------------------------------------------------------

    def set_briefing(self, briefing) -> None:
        self._briefing = briefing
        self._proposals = briefing.proposals()
        self._index = ProposalIndex(self._proposals, briefing.delegates)
        counts: dict[str, int] = {}
        for proposal in self._proposals:
            counts[proposal.delegate_id] = counts.get(proposal.delegate_id, 0) + 1
        self._current = None
        self._speaker_model.set_rows(briefing.delegates, counts)
        self._proposal_model.set_rows(self._proposals, briefing.delegates)
        self._speaker_id = ""
        self._on_body_changed()
        self._on_subject_selected(self._selection.subject_id)
        self.set_query(self._search.text())

    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def set_query(self, text: str) -> None:
        """Search now (the search box calls this after a short pause in typing)."""
        self._search_timer.stop()
        if self._search.text() != text:
            self._search.blockSignals(True)
            self._search.setText(text)
            self._search.blockSignals(False)
        self._query = text.strip()
        marked = bool(self._terms)
        self._search_failed = False
        if self._query:
            try:
                found = self._briefing.matches(self._query, SEARCH_KINDS)  # every match, a few in detail
            except BriefingError as exc:  # a damaged search index: said in the count, the details logged
                logging.getLogger(__name__).warning("search for %r failed: %s", self._query, exc.line())
                self._search_failed = True
                self._ranking, self._terms = self._index.ranked(()), []
            else:
                self._ranking = self._index.ranked(found.refs)
                self._terms = highlight_terms(self._query, found.hits)
        else:
            self._ranking, self._terms = None, []
        self._speakers.cards().set_terms(self._terms)  # repaints the cards whose marks change
        self._current = None  # a new query shows its best hit first
        # from no marks to some, or back, cards change height: start the list afresh (a page of rows to
        # lay out again, not every row it had been given)
        self._refilter_proposals(afresh=marked != bool(self._terms))
        self._list.cards().set_terms(self._terms)

    def visible_proposals(self) -> list[Proposal]:
        """Every proposal the list holds, in order, including those it has not laid out yet."""
        if self._filter_stale:
            self._refilter_proposals()
        return self._proposal_proxy.records()

    def select_proposal(self, proposal_id: str) -> bool:
        source_row = self._index.row_of.get(proposal_id, -1)
        row = self._proposal_proxy.row_of(source_row) if source_row >= 0 else -1
        if row >= 0:
            self._list.setCurrentIndex(self._proposal_proxy.index(row, 0))
        return row >= 0

    def current_proposal(self) -> Proposal | None:
        if self._filter_stale:
            self._refilter_proposals()
        return self._current

    def open_proposal(self, proposal_id: str) -> bool:
        """Show a proposal, clearing the search, filters and speaker if they hide it (an agenda stop asks)."""
        if self.select_proposal(proposal_id):
            return True
        self._port_only.setChecked(False)
        self._body.setCurrentIndex(0)
        self._speakers.setCurrentIndex(self._speaker_proxy.index(0, 0))  # the "all speakers" row
        self.set_query("")
        return self.select_proposal(proposal_id)

    # -- filters ----------------------------------------------------------------------------

    def _on_body_changed(self, *_args) -> None:
        body = self._body.currentData() or ""
        self._speaker_proxy.set_filter(partial(_of_body, body) if body else None)
        speaker = self._speakers.currentIndex().data(RecordRole)
        if speaker is None or (body and speaker.body != body):
            self._speakers.setCurrentIndex(self._speaker_proxy.index(0, 0))
        self._refilter_proposals()

    def _on_speaker_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        speaker = current.data(RecordRole) if current.isValid() else None
        self._speaker_id = speaker.id if speaker is not None else ""
        self._refilter_proposals()

    def _on_subject_selected(self, subject_id: str) -> None:
        subject = self._briefing.subject(subject_id) if subject_id else None
        self._port_only.setEnabled(subject is not None)
        self._port_only.setText(
            QCoreApplication.translate("ProposalsTab", "仅显示与所选口岸相关({0})").format(local_name(subject))
            if subject
            else QCoreApplication.translate("ProposalsTab", "仅显示与所选口岸相关")
        )
        if self._port_only.isChecked():
            if self.window().isVisible() and not self.isVisible():
                self._filter_stale = True  # filtered when this tab comes to the front, not at every click
            else:
                self._refilter_proposals()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._filter_stale:
            self._refilter_proposals()
        try:
            self._briefing.prepare_matches(SEARCH_KINDS)  # once per briefing: before the first keystroke
        except BriefingError as exc:  # the search says so when it is used
            logging.getLogger(__name__).warning("search index unreadable: %s", exc.line())

    def _subject_ports(self) -> set[str] | None:
        """The ports the selected subject stands for; None when it does not narrow anything."""
        subject_id = self._selection.subject_id
        if not self._port_only.isChecked() or not subject_id:
            return None
        if self._briefing.port(subject_id) is not None:
            return {subject_id}
        place = next((p for p in self._briefing.places if p.id == subject_id), None)
        return set(place.port_ids) if place is not None and place.level != "region" else None

    def _refilter_proposals(self, *_args, afresh: bool = False) -> None:
        self._filter_stale = False
        self._proposal_proxy.set_rows(
            self._index.rows(self._ranking, self._body.currentData() or "", self._speaker_id, self._subject_ports()),
            afresh,
        )
        self._update_count()
        kept = self._current is not None and self.select_proposal(self._current.id)
        if not kept and self._proposal_proxy.rowCount():
            self._list.setCurrentIndex(self._proposal_proxy.index(0, 0))
        current = self._list.currentIndex()
        # render even when the current row did not change: the highlighted terms may have (but not
        # twice: a new current row has just been rendered by _on_proposal_changed)
        shown = current.data(RecordRole) if current.isValid() else None
        if self._rendered != self._look(shown):
            self._show_proposal(shown)
        else:
            self._current = shown  # the reader already shows it; a query may have cleared the record of it
        # no repaint of the lists here: new rows repaint themselves, and new marks were repainted by
        # the delegates' set_terms (card by card: repainting both lists whole was a third of a keystroke)

    def _update_count(self) -> None:
        shown = self._proposal_proxy.total()
        if self._search_failed:
            text = QCoreApplication.translate("ProposalsTab", "无法搜索:本简报的搜索索引已损坏")
        elif self._query:
            text = QCoreApplication.translate("ProposalsTab", "“{0}”:{1} 条建议").format(self._query, shown)
        else:
            text = QCoreApplication.translate("ProposalsTab", "共 {0} 条建议").format(shown)
        self._count.setText(text)
        # the label only ever widens: a count of another width moved the search box and the filters
        # beside it, and repainted them, at every keystroke
        self._count.setMinimumWidth(max(self._count.minimumWidth(), self._count.sizeHint().width()))

    # -- the reader -------------------------------------------------------------------------

    def _on_proposal_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_proposal(current.data(RecordRole) if current.isValid() else None)

    def _look(self, proposal: Proposal | None) -> tuple:
        """What the reader's content depends on: the proposal and where the search marks it (or, with
        none, the query the hint names). Typing on often leaves the marks as they were."""
        if proposal is None:
            return None, self._query
        text = "\n".join((proposal.title_zh, proposal.text_zh, *proposal.topics))
        return proposal, tuple(find_spans(text, self._terms)) if self._terms else ()

    def _show_proposal(self, proposal: Proposal | None) -> None:
        self._current = proposal
        self._rendered = self._look(proposal)
        self._meta.setVisible(proposal is not None)
        if proposal is None:
            hint = QCoreApplication.translate("ProposalsTab", "没有符合筛选条件的建议。")
            if self._query:
                hint = QCoreApplication.translate(
                    "ProposalsTab", "没有找到与“{0}”相关的建议。试试其他关键词,或清除筛选条件。"
                ).format(self._query)
            if self._search_failed:  # not "nothing found": the search itself could not run
                hint = QCoreApplication.translate(
                    "ProposalsTab", "本简报的搜索索引已损坏,无法搜索。清除搜索框即可浏览全部建议。"
                )
            self._reader.setHtml(f"<p style='color:{muted()}'>{html.escape(hint)}</p>")
            return
        paragraphs = [p.strip() for p in proposal.text_zh.split("\n") if p.strip()]
        body = "".join(
            f"<p style='line-height:150%; margin-bottom:10px'>{highlighted_markup(p, self._terms)}</p>"
            for p in paragraphs
        )
        title = f"<h2>{highlighted_markup(proposal_title(proposal), self._terms)}</h2>"
        if proposal_title(proposal) != proposal.title_zh:  # a translation: the Chinese heading beneath
            title += f"<p style='color:{muted()}'>{highlighted_markup(proposal.title_zh, self._terms)}</p>"
        self._reader.setHtml(f"{title}{body}")
        self._show_meta(proposal)

    def _show_meta(self, proposal: Proposal) -> None:
        speaker = self._briefing.delegate(proposal.delegate_id)
        if speaker is None:
            self._speaker_line.setText(proposal.delegate_id)
        else:
            extra = short_titles(speaker)
            self._speaker_line.setText(" · ".join(filter(None, (speaker.name_zh, body_label(speaker.body), extra))))
        chip = f"background-color:{themes.current().chip_background}; color:{themes.current().text};"
        self._topics.setText(
            "&nbsp; ".join(
                f"<span style='{highlight_style() if self._terms and find_spans(t, self._terms) else chip}'>"
                f"&nbsp;{html.escape(t)}&nbsp;</span>"
                for t in proposal.topics
            )
        )
        ports = filter(None, (self._briefing.port(pid) for pid in proposal.port_ids))
        self._ports_row.set_links(
            [(QCoreApplication.translate("ProposalsTab", "{0} ›").format(local_name(port)), port.id) for port in ports],
            QCoreApplication.translate("ProposalsTab", "涉及全区口岸,未指明具体口岸"),
        )
        passages = filter(None, (self._briefing.passage(pid) for pid in proposal.passage_ids))
        self._passages_row.set_links(
            [
                (QCoreApplication.translate("ProposalsTab", "查看原文(第{0}段)").format(passage.position), passage.id)
                for passage in passages
            ]
        )

    def port_buttons(self) -> list[QPushButton]:
        return self._ports_row.buttons()

    def passage_buttons(self) -> list[QPushButton]:
        return self._passages_row.buttons()

    def reader_document(self) -> QTextDocument:
        return self._reader.document()

    # -- what a presenter sees and uses (read by the tests, and by anyone driving the tab) ----

    def show_proposal(self, proposal: Proposal | None) -> None:
        """Show `proposal` in the reader (None: the hint), whether or not the list holds it."""
        self._show_proposal(proposal)

    def speaker_rows(self) -> list[tuple[Delegate | None, str]]:
        """The speaker list as shown: each row's speaker (None for "all speakers") and body label."""
        proxy = self._speaker_proxy
        return [
            (proxy.index(row, 0).data(RecordRole), proxy.index(row, SpeakerTableModel.COL_BODY).data() or "")
            for row in range(proxy.rowCount())
        ]

    def select_speaker_row(self, row: int) -> None:
        """Choose the speaker list's `row` (0: all speakers), as a click there does."""
        self._speakers.setCurrentIndex(self._speaker_proxy.index(row, 0))

    def body_filter(self) -> QComboBox:
        """The body filter (its items' data: '' for all, or a body such as 'official')."""
        return self._body

    def search_box(self) -> QLineEdit:
        """The search box (typing in it searches after a short pause)."""
        return self._search

    def port_only_box(self) -> QCheckBox:
        """ "Only the selected port's proposals"."""
        return self._port_only

    def proposal_view(self) -> QListView:
        """The proposal list's view (it is handed rows a page at a time)."""
        return self._list

    def loaded_rows(self) -> int:
        """How many proposals the list's view has been handed so far."""
        return self._proposal_proxy.rowCount()

    def count_text(self) -> str:
        """The count beside the search box ("共 10 条建议")."""
        return self._count.text()

    def topics_markup(self) -> str:
        """The shown proposal's topics, as the label's rich text."""
        return self._topics.text()

    def port_link_texts(self) -> list[str]:
        """The shown proposal's port links' texts, or the note that it names no port."""
        return self._ports_row.texts()

    def _open_port(self, port_id: str) -> None:
        self._selection.select_subject(port_id)
        self._selection.show_tab("ports")

    def _open_passage(self, passage_id: str) -> None:
        self._selection.show_passage(passage_id, self._passage_highlight(passage_id))

    def _passage_highlight(self, passage_id: str) -> str:
        """What to mark in the passage: the first search match in it, else its first sentence."""
        passage = self._briefing.passage(passage_id)
        if passage is None:
            return ""
        spans = find_spans(passage.text, self._terms) if self._terms else []
        if spans:
            return passage.text[spans[0][0] : spans[0][1]]
        return re.split(r"[。!?;]", passage.text.lstrip("▲▼ "), maxsplit=1)[0][:40]
