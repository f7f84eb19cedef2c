"""Text from a briefing is shown as text: markup in a foreign file is never interpreted."""

from __future__ import annotations

import fixture_facts as F
import pytest
from conftest import show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextEdit
from test_bad_sources import edit

from briefing.__main__ import main

MARKUP = "<b>粗体</b>"


@pytest.fixture
def marked_up_briefing(fixture_copy, tmp_path):
    edit(fixture_copy, "ports.csv", F.EXACT_PORT, name_zh=f"策克{MARKUP}口岸", status_zh=f"状态{MARKUP}")
    edit(fixture_copy, "indicators.csv", F.FREIGHT, name_zh=f"货运量{MARKUP}")
    edit(fixture_copy, "speakers.csv", F.DEPUTY, titles=f"兴安盟委书记{MARKUP}")
    out = tmp_path / "marked.sqlite"
    assert main(["build", str(fixture_copy), "-o", str(out)]) == 0
    return out


def test_markup_in_the_database_is_shown_literally(marked_up_briefing, qtbot, qt_fonts, settings):
    window = show_window(qtbot, qt_fonts, settings, db=marked_up_briefing, size=(1600, 900))
    window.selection.select_subject(F.EXACT_PORT)
    shown = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        for label in window.findChildren(QLabel):
            if MARKUP in label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
                shown += 1
            assert "粗体</b>" not in label.text() or label.textFormat() == Qt.TextFormat.PlainText
        for view in window.findChildren(QTextEdit):
            if "粗体" in view.toPlainText():
                assert MARKUP in view.toPlainText()
                shown += 1
    assert shown >= 2  # the port's name and status, at least, were on screen somewhere
