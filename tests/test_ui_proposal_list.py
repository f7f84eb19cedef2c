"""The proposal list on a long result: rows handed to the view a page at a time, every one still
listed, counted, selectable and reachable from the keyboard; link buttons that follow the proposal."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QModelIndex, Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from briefing.ui.proposals.proposal_models import HIGHLIGHT_COLOUR, ProposalTableModel, RecordFilterProxy  # noqa: E402
from briefing.ui.proposals.proposals_tab import ProposalsTab  # noqa: E402
from briefing.ui.common.selection import Selection  # noqa: E402


@pytest.fixture
def paged(monkeypatch):
    """Pages of three rows, so the bundled briefing's ten proposals fill four of them."""
    monkeypatch.setattr(RecordFilterProxy, "PAGE", 3)


@pytest.fixture
def tab(qtbot, qt_fonts, bundled, paged):
    widget = ProposalsTab(bundled, Selection())
    qtbot.addWidget(widget)
    widget.resize(1600, 400)  # a few cards high: the view asks for rows until its viewport is full
    return widget


def test_paged_proxy_passes_the_model_tester(qtmodeltester, bundled, paged):
    model = ProposalTableModel()
    model.set_rows(bundled.proposals(), bundled.delegates)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_rows(reversed(range(model.rowCount())))
    assert proxy.rowCount() == 3 and proxy.canFetchMore(QModelIndex())
    qtmodeltester.check(proxy)
    while proxy.canFetchMore(QModelIndex()):
        proxy.fetchMore(QModelIndex())
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        p.title_zh for p in reversed(bundled.proposals())]


def test_every_proposal_is_listed_and_counted_though_few_are_laid_out(tab, bundled):
    assert tab._proposal_proxy.rowCount() < 10  # what the view has been given so far
    assert [p.id for p in tab.visible_proposals()] == [p.id for p in bundled.proposals()]
    assert tab._count.text() == "共 10 条建议"
    tab.set_query("口岸")
    assert tab._count.text() == f"“口岸”:{len(tab.visible_proposals())} 条建议"


def test_a_proposal_further_down_can_be_selected(tab, bundled):
    last = bundled.proposals()[-1]
    assert tab.select_proposal(last.id)
    assert tab.current_proposal() == last
    assert tab._list.currentIndex().row() == len(bundled.proposals()) - 1


def test_end_key_goes_to_the_last_proposal_and_down_keys_on_past_a_page(tab, qtbot, bundled):
    tab._list.setFocus()
    for _ in range(4):
        qtbot.keyClick(tab._list, Qt.Key.Key_Down)
    assert tab.current_proposal() == bundled.proposals()[4]  # past the first page of three
    qtbot.keyClick(tab._list, Qt.Key.Key_End)
    assert tab.current_proposal() == bundled.proposals()[-1]
    qtbot.keyClick(tab._list, Qt.Key.Key_Home)
    assert tab.current_proposal() == bundled.proposals()[0]


def test_link_buttons_follow_the_proposal_shown(tab, qtbot, bundled):
    with_two = next(p for p in bundled.proposals() if len(p.passage_ids) == 2 and p.port_ids)
    with_one = next(p for p in bundled.proposals() if len(p.passage_ids) == 1 and not p.port_ids)
    assert tab.select_proposal(with_two.id)
    assert len(tab.passage_buttons()) == 2 and len(tab.port_buttons()) == len(with_two.port_ids)
    assert tab.select_proposal(with_one.id)
    assert len(tab.passage_buttons()) == 1 and tab.port_buttons() == []
    assert tab._ports_row.texts() == ["涉及全区口岸,未指明具体口岸"]
    passage = bundled.passage(with_one.passage_ids[0])
    assert tab.passage_buttons()[0].text() == f"查看原文(第{passage.position}段)"
    with qtbot.waitSignal(tab._selection.passage_requested) as blocker:
        qtbot.mouseClick(tab.passage_buttons()[0], Qt.MouseButton.LeftButton)
    assert blocker.args[0] == passage.id
    assert tab.select_proposal(with_two.id)
    assert [b.text() for b in tab.port_buttons()] == [f"{bundled.port(pid).name_zh} ›" for pid in with_two.port_ids]


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
    assert tab._list.itemDelegate().terms == ("羊绒",)
    assert _marked(tab.reader_document()) == ["羊绒"]
    assert "羊绒" in tab._topics.text()
