"""The proposal list on a long result: rows handed to the view a page at a time, every one still
listed, counted, selectable and reachable from the keyboard; link buttons that follow the proposal."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import fixture_facts as F  # noqa: E402
from PySide6.QtCore import QModelIndex, Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from briefing.ui.common.selection import Selection  # noqa: E402
from briefing.ui.proposals.proposal_models import HIGHLIGHT_COLOUR, ProposalTableModel, RecordFilterProxy  # noqa: E402
from briefing.ui.proposals.proposals_tab import ProposalsTab  # noqa: E402

PAGE = 2


@pytest.fixture
def paged(monkeypatch):
    """Pages of two rows, so the test briefing's proposals fill three or more of them."""
    assert F.proposal_count() > 2 * PAGE
    monkeypatch.setattr(RecordFilterProxy, "PAGE", PAGE)


@pytest.fixture
def briefing(fixture_briefing):
    return fixture_briefing


@pytest.fixture
def selection():
    return Selection()


@pytest.fixture
def tab(qtbot, qt_fonts, briefing, paged, selection):
    widget = ProposalsTab(briefing, selection)
    qtbot.addWidget(widget)
    widget.resize(1600, 400)  # a few cards high: the view asks for rows until its viewport is full
    return widget


def test_paged_proxy_passes_the_model_tester(qtmodeltester, briefing, paged):
    model = ProposalTableModel()
    model.set_rows(briefing.proposals(), briefing.delegates)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_rows(reversed(range(model.rowCount())))
    assert proxy.rowCount() == PAGE and proxy.canFetchMore(QModelIndex())
    qtmodeltester.check(proxy)
    while proxy.canFetchMore(QModelIndex()):
        proxy.fetchMore(QModelIndex())
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        p.title_zh for p in reversed(briefing.proposals())
    ]


def test_every_proposal_is_listed_and_counted_though_few_are_laid_out(tab, briefing):
    assert tab.loaded_rows() < F.proposal_count()  # what the view has been given so far
    assert [p.id for p in tab.visible_proposals()] == [p.id for p in briefing.proposals()]
    assert tab.count_text() == f"共 {F.proposal_count()} 条建议"
    tab.set_query("口岸")
    assert tab.count_text() == f"“口岸”:{len(tab.visible_proposals())} 条建议"


def test_a_proposal_further_down_can_be_selected(tab, briefing):
    last = briefing.proposals()[-1]
    assert tab.select_proposal(last.id)
    assert tab.current_proposal() == last
    assert tab.proposal_view().currentIndex().row() == len(briefing.proposals()) - 1


def test_end_key_goes_to_the_last_proposal_and_down_keys_on_past_a_page(tab, qtbot, briefing):
    view = tab.proposal_view()
    view.setFocus()
    for _ in range(PAGE + 1):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert tab.current_proposal() == briefing.proposals()[PAGE + 1]  # past the first page
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert tab.current_proposal() == briefing.proposals()[-1]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert tab.current_proposal() == briefing.proposals()[0]


def test_link_buttons_follow_the_proposal_shown(tab, qtbot, briefing, selection):
    with_two = next(p for p in briefing.proposals() if len(p.passage_ids) == 2 and p.port_ids)
    with_one = next(p for p in briefing.proposals() if len(p.passage_ids) == 1 and not p.port_ids)
    assert tab.select_proposal(with_two.id)
    assert len(tab.passage_buttons()) == 2 and len(tab.port_buttons()) == len(with_two.port_ids)
    assert tab.select_proposal(with_one.id)
    assert len(tab.passage_buttons()) == 1 and tab.port_buttons() == []
    assert tab.port_link_texts() == ["涉及全区口岸,未指明具体口岸"]
    passage = briefing.passage(with_one.passage_ids[0])
    assert tab.passage_buttons()[0].text() == f"查看原文(第{passage.position}段)"
    with qtbot.waitSignal(selection.passage_requested) as blocker:
        qtbot.mouseClick(tab.passage_buttons()[0], Qt.MouseButton.LeftButton)
    assert blocker.args[0] == passage.id
    assert tab.select_proposal(with_two.id)
    assert [b.text() for b in tab.port_buttons()] == [f"{briefing.port(pid).name_zh} ›" for pid in with_two.port_ids]


def _marked(document) -> list[str]:
    """The runs of text drawn on the search highlight."""
    found, block = [], document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().color() == QColor(HIGHLIGHT_COLOUR):
                found.append(fragment.text())
            iterator += 1
        block = block.next()
    return found


def test_typing_on_to_the_same_results_moves_the_marks(tab):
    """羊 and 羊绒 find the same proposal: the list keeps its rows, and the marks follow the query."""
    tab.set_query("羊")
    first = tab.visible_proposals()
    assert _marked(tab.reader_document()) == ["羊"]
    tab.set_query("羊绒")
    assert tab.visible_proposals() == first
    assert tab.proposal_view().itemDelegate().terms == ("羊绒",)
    assert _marked(tab.reader_document()) == ["羊绒"]
    assert "羊绒" in tab.topics_markup()
