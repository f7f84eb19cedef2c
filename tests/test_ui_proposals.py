"""The proposals tab: speakers and bodies, search with highlighting, links to ports and passages."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import fixture_facts as F  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from briefing.store.records import Delegate, Proposal  # noqa: E402
from briefing.ui.common.selection import Selection  # noqa: E402
from briefing.ui.proposals.proposal_cards import escape_with_highlights, highlighted_markup  # noqa: E402
from briefing.ui.proposals.proposal_models import (  # noqa: E402
    HIGHLIGHT_COLOUR,
    ProposalTableModel,
    RecordFilterProxy,
    SpeakerTableModel,
    short_titles,
)
from briefing.ui.proposals.proposal_search import ProposalIndex, highlight_terms  # noqa: E402
from briefing.ui.proposals.proposals_tab import ProposalsTab  # noqa: E402


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def tab(qtbot, qt_fonts, briefing, selection):
    widget = ProposalsTab(briefing, selection)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)  # never shown: the offscreen plugin warns on showing a top-level window
    return widget


def _speakers(tab: ProposalsTab) -> list[Delegate | None]:
    return [speaker for speaker, _ in tab.speaker_rows()]


def _highlighted_text(document) -> list[str]:
    """Every run of text in the document whose background is the highlight colour."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            brush = fmt.background()
            if brush.style() != Qt.BrushStyle.NoBrush and brush.color() == QColor(HIGHLIGHT_COLOUR):
                found.append(fragment.text())
            iterator += 1
        block = block.next()
    return found


# -- models and helpers ----------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, briefing):
    proposals = ProposalTableModel()
    proposals.set_rows(briefing.proposals(), briefing.delegates)
    qtmodeltester.check(proposals)
    speakers = SpeakerTableModel()
    speakers.set_rows(briefing.delegates, {F.DEPUTY: 1})
    qtmodeltester.check(speakers)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(proposals)
    proxy.set_filter(lambda p: "口岸" in p.title_zh, lambda p: -len(p.title_zh))
    qtmodeltester.check(proxy)
    assert proposals.headerData(ProposalTableModel.COL_TITLE, Qt.Orientation.Horizontal) == "标题"


def test_escaping_helper_shows_markup_literally():
    text = "<b>x</b> & 羊绒"
    markup = escape_with_highlights(text, [(11, 13)])
    assert "<b>" not in markup
    assert "&lt;b&gt;x&lt;/b&gt; &amp; " in markup
    assert markup.endswith(">羊绒</span>") and "background-color:#ffe066" in markup
    assert highlighted_markup("a & b", []) == "a &amp; b"
    assert "<span" in highlighted_markup("<i>口岸</i>", ["口岸"]) and "<i>" not in highlighted_markup(
        "<i>口岸</i>", ["口岸"]
    )


def test_database_text_is_never_interpreted(qtbot, qt_fonts, briefing, selection):
    """A proposal whose text holds tags shows the tags, through the real display path."""
    tab = ProposalsTab(briefing, selection)
    qtbot.addWidget(tab)
    passage = F.PORT_PROPOSAL_FIRST_PASSAGE
    fake = Proposal(
        "fake",
        F.DEPUTY,
        "<b>标题</b> & co",
        "第一段 <script>x</script> &amp;\n\n羊绒",
        passage,
        (passage,),
        ("<i>主题</i>",),
        (),
    )
    tab.show_proposal(fake)
    plain = tab.reader_document().toPlainText()
    assert "<b>标题</b> & co" in plain
    assert "<script>x</script> &amp;" in plain
    assert "&lt;i&gt;" in tab.topics_markup()


def rank_proposals(refs, proposals) -> dict[str, int]:
    """Proposal id -> rank, as the tab's index ranks (kind, ref_id) hits."""
    return {proposals[row].id: rank for rank, row in enumerate(ProposalIndex(proposals, ()).ranked(refs))}


def test_ranking_maps_speaker_hits_to_their_proposals(briefing):
    proposals = briefing.proposals()
    ranking = rank_proposals([("delegate", F.CPPCC_MEMBER), ("proposal", F.PORT_PROPOSAL)], proposals)
    assert list(ranking) == [*F.proposals_of(F.CPPCC_MEMBER), F.PORT_PROPOSAL]
    assert len(F.proposals_of(F.CPPCC_MEMBER)) == 2
    assert highlight_terms("manzhouli", briefing.search("manzhouli", 500))[-1] == "满洲里"


def test_short_titles_drop_the_body_label(briefing):
    assert short_titles(briefing.delegate(F.DEPUTY)) == F.DEPUTY_SHORT_TITLES
    assert short_titles(briefing.delegate(F.OFFICIAL)) == ""


# -- the tab ---------------------------------------------------------------------------------


def test_speakers_show_every_one_with_their_bodies(tab, briefing):
    speakers = _speakers(tab)
    assert speakers[0] is None  # "all speakers" comes first
    assert len(speakers[1:]) == F.speaker_count()
    bodies = {d.body for d in speakers[1:]}
    assert bodies == {"npc_deputy", "cppcc_member", "official"}
    labels = {label for _, label in tab.speaker_rows()[1:]}
    assert labels == {"全国人大代表", "全国政协委员", "官员"}
    assert len(tab.visible_proposals()) == len(briefing.proposals())


def test_body_filter_officials_leaves_the_officials(tab):
    tab.body_filter().setCurrentIndex(tab.body_filter().findData("official"))
    officials = [d for d in _speakers(tab) if d is not None]
    assert [d.name_zh for d in officials] == F.officials()
    assert len(officials) >= 2
    assert {p.delegate_id for p in tab.visible_proposals()} == {d.id for d in officials}


def test_selecting_a_speaker_filters_and_all_row_restores(tab, briefing):
    row = next(r for r, d in enumerate(_speakers(tab)) if d is not None and d.id == F.CPPCC_MEMBER)
    tab.select_speaker_row(row)
    assert {p.delegate_id for p in tab.visible_proposals()} == {F.CPPCC_MEMBER}
    tab.select_speaker_row(0)
    assert len(tab.visible_proposals()) == len(briefing.proposals())


def test_search_yangrong_finds_su_he_and_highlights(tab):
    tab.set_query("羊绒")
    visible = tab.visible_proposals()
    assert [p.id for p in visible] == [F.PORT_PROPOSAL]
    assert tab.current_proposal().id == F.PORT_PROPOSAL
    assert "羊绒" in _highlighted_text(tab.reader_document())
    assert '<span style="background-color:#ffe066' in highlighted_markup(visible[0].text_zh, ["羊绒"])
    fmt = tab.reader_document().find("羊绒").charFormat()
    assert fmt.fontWeight() >= 700


def test_search_pinyin_finds_ling_yun_and_marks_the_chinese(tab):
    tab.set_query("manzhouli")
    ids = [p.id for p in tab.visible_proposals()]
    assert set(ids) == set(F.proposals_of(F.CPPCC_MEMBER))
    assert "满洲里" in _highlighted_text(tab.reader_document())
    assert tab.search_box().text() == "manzhouli"


def test_search_kouan_returns_several_in_hit_order(tab, briefing):
    tab.set_query("口岸")
    visible = tab.visible_proposals()
    assert len(visible) >= 3
    ranking = rank_proposals([(h.kind, h.ref_id) for h in briefing.search("口岸", 500)], briefing.proposals())
    assert [p.id for p in visible] == sorted(ranking, key=ranking.get)
    tab.set_query("")
    assert len(tab.visible_proposals()) == len(briefing.proposals())


def test_no_match_says_so(tab):
    tab.set_query("不存在的词语")
    assert tab.visible_proposals() == []
    assert "没有找到" in tab.reader_document().toPlainText()


def test_typing_searches_after_a_pause(tab, qtbot):
    qtbot.keyClicks(tab.search_box(), "manzhouli")
    qtbot.waitUntil(lambda: len(tab.visible_proposals()) == len(F.proposals_of(F.CPPCC_MEMBER)), timeout=2000)


def test_port_link_selects_the_port_and_asks_for_the_ports_tab(tab, qtbot, selection):
    assert tab.select_proposal(F.PORT_PROPOSAL)
    buttons = tab.port_buttons()
    assert [b.text() for b in buttons] == [f"{F.name_zh(F.APPROXIMATE_PORT)} ›"]
    with qtbot.waitSignal(selection.tab_requested) as blocker:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert blocker.args == ["ports"]
    assert selection.subject_id == F.APPROXIMATE_PORT


def test_proposal_without_port_says_it_concerns_all_ports(tab):
    assert tab.select_proposal(F.NO_PORT_PROPOSAL)
    assert tab.port_buttons() == []
    assert tab.port_link_texts() == ["涉及全区口岸,未指明具体口岸"]


def test_passage_link_requests_the_passage_with_the_match(tab, qtbot, selection):
    tab.set_query("羊绒")
    buttons = tab.passage_buttons()
    assert len(buttons) == 2
    with qtbot.waitSignal(selection.passage_requested) as blocker:
        qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == [F.PORT_PROPOSAL_SECOND_PASSAGE, "羊绒"]


def test_port_filter_follows_the_selected_subject(tab, selection):
    tab.port_only_box().setChecked(True)
    selection.select_subject(F.MANZHOULI_RAIL)
    assert {p.id for p in tab.visible_proposals()} == set(F.proposals_naming(F.MANZHOULI_RAIL))
    assert len(F.proposals_naming(F.MANZHOULI_RAIL)) == 2
    assert F.name_zh(F.MANZHOULI_RAIL) in tab.port_only_box().text()
    selection.select_subject(F.PORT_GROUP)  # a group of ports stands for its members
    assert [p.id for p in tab.visible_proposals()] == [F.RAIL_PROPOSAL]
    tab.port_only_box().setChecked(False)
    assert len(tab.visible_proposals()) == F.proposal_count()


def test_focus_search_and_reload(tab, qtbot, briefing):
    tab.set_query("口岸")
    tab.focus_search()
    assert tab.search_box().selectedText() == "口岸"
    tab.set_briefing(briefing)
    assert len(tab.visible_proposals()) >= 3  # the query survives a reload
