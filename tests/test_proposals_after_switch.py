"""A live language switch keeps the proposal the reader shows (it once said "no proposals match")."""

from __future__ import annotations

from briefing.drawing import i18n


def test_the_open_proposal_survives_a_language_switch_made_on_another_tab(window, qapp, qtbot):
    window.show_tab("proposals")
    qtbot.wait(50)
    tab = window.proposals_tab
    shown = tab.current_proposal()
    assert shown is not None
    window.show_tab("sources")
    try:
        window.set_language("en")
        qtbot.wait(50)
        window.show_tab("proposals")
        qtbot.wait(50)
        assert tab.current_proposal() == shown
        text = tab.reader_document().toPlainText()
        assert "No proposals match" not in text and shown.text_zh.split("\n")[0][:10] in text
    finally:
        i18n.set_language("zh", qapp)
