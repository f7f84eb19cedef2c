"""The presenter view: current and next stop, notes, the passage behind the figure, and where it goes
with one screen or two."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import fixture_facts as F
import pytest
from conftest import show_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from briefing.ui.presenting.agenda import Agenda, Stop, save_agenda
from briefing.ui.presenting.stage import StageWindow, render_slide
from briefing.ui.presenting.view_state import ViewState, capture

AGENDA = Agenda(
    (
        Stop("开场:二连浩特", ViewState("ports", F.RAIL_PORT, 3.0, (112.0, 43.65)), "先讲中欧班列\n再讲落地加工"),
        Stop("庄和的建议", ViewState("proposals", F.RAIL_PORT, proposal_id=F.RAIL_PROPOSAL), "一句话概括"),
        Stop("旧口岸", ViewState("ports", "xyz"), ""),
    )
)


@pytest.fixture
def agenda_file(tmp_path):
    path = tmp_path / "talk.agenda.json"
    save_agenda(AGENDA, path)
    return path


@pytest.fixture
def window(qtbot, qt_fonts, settings, agenda_file, fixture_db):
    win = show_window(qtbot, qt_fonts, settings, fixture_db, size=(1280, 800))
    assert win.presenter_tools.start(agenda_file) == ""
    return win


@pytest.fixture
def presenter(window, qtbot):
    tools = window.presenter_tools
    window.view_menu.actions()[-1].trigger()  # View > 演讲者视图: presenting, with the presenter view
    assert tools.presenting and tools.presenter_action.isChecked()
    qtbot.addWidget(tools.presenter)
    qtbot.addWidget(tools.stage)
    qtbot.waitExposed(tools.presenter)
    qtbot.waitUntil(tools.presenter.isActiveWindow)
    return tools.presenter


def same_image(a: QImage, b: QImage) -> bool:
    return a.convertToFormat(QImage.Format.Format_RGB32) == b.convertToFormat(QImage.Format.Format_RGB32)


def test_with_one_screen_the_presenter_view_takes_the_stage_place_and_never_covers_it(window, presenter, qtbot):
    tools = window.presenter_tools
    assert window.view_menu.actions()[-1].text() == "演讲者视图"
    assert presenter.isVisible() and presenter.windowTitle() == "演讲者视图"
    assert not tools.stage.isVisible()  # one screen: the presenter view instead of the stage, not over it
    assert presenter.stage_button.isVisible() and not presenter.swap_button.isVisible()
    qtbot.mouseClick(presenter.stage_button, Qt.MouseButton.LeftButton)  # back to the slides
    assert tools.stage.isVisible() and tools.stage.isFullScreen() and not presenter.isVisible()
    assert not tools.presenter_action.isChecked()
    window.presenter_tools.set_presenter_view(True)
    assert presenter.isVisible() and not tools.stage.isVisible()


def test_the_presenter_sees_this_slide_the_next_the_notes_and_the_passage_behind_the_figures(window, presenter):
    deck = window.presenter_tools.deck
    assert presenter.counter.text() == "第 1 / 3 站"
    assert presenter.notes.text() == "先讲中欧班列\n再讲落地加工"
    assert presenter.current_picture.slide is deck.slides[0] and presenter.next_picture.slide is deck.slides[1]
    assert deck.slides[0].subject_id == F.RAIL_PORT
    cited = [c for c in deck.slides[0].citations if c.passage_id]
    assert cited  # the passages behind the figures on this slide, each with its figure marked
    text = presenter.passage_text()
    for citation in cited:
        assert window.briefing.passage(citation.passage_id).text in text
        assert citation.highlight in text and citation.line in text


def test_the_pictures_are_the_real_slides_painted_small(window, presenter, qtbot):
    tools = window.presenter_tools
    picture = presenter.current_picture.image()
    assert picture is not None and picture.width() >= 320
    stage = StageWindow(tools.deck)  # the stage itself, at the picture's size
    qtbot.addWidget(stage)
    stage.resize(picture.deviceIndependentSize().toSize())
    assert same_image(stage.grab().toImage(), picture)
    nxt = presenter.next_picture.image()
    assert same_image(nxt, render_slide(tools.deck.slides[1], nxt.deviceIndependentSize().toSize()))
    assert not same_image(nxt, render_slide(tools.deck.slides[0], nxt.deviceIndependentSize().toSize()))


def test_stepping_from_the_presenter_view_moves_the_stage_and_the_analyst_view(window, presenter, qtbot):
    tools = window.presenter_tools
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert tools.deck.index == 1 and presenter.counter.text() == "第 2 / 3 站" and not presenter.problems.isVisible()
    qtbot.waitUntil(lambda: tools.model.current == 1)
    assert window.tabs.currentIndex() == 2
    assert presenter.notes.text() == "一句话概括"
    proposal = window.briefing.proposal(F.RAIL_PROPOSAL)
    assert window.briefing.passage(proposal.passage_id).text in presenter.passage_text()
    qtbot.mouseClick(presenter.next_button, Qt.MouseButton.LeftButton)
    assert tools.deck.index == 2 and presenter.notes.text() == "(本站没有备注)"
    assert presenter.problems.isVisible() and presenter.problems.text() == "⚠ 找不到口岸 xyz"
    assert presenter.next_picture.slide is None and not presenter.next_button.isEnabled()
    qtbot.keyClick(presenter, Qt.Key.Key_B)
    assert "黑屏" in presenter.state.text() and tools.deck.blank == "black"
    qtbot.keyClick(presenter, Qt.Key.Key_PageUp)  # back from black, then back a stop
    qtbot.keyClick(presenter, Qt.Key.Key_PageUp)
    assert tools.deck.index == 1 and presenter.state.text() == ""


def test_a_number_typed_on_the_presenter_view_shows_there_not_on_the_stage(window, presenter, qtbot):
    qtbot.keyClicks(presenter, "3")
    assert "3" in presenter.state.text() and window.presenter_tools.deck.index == 0
    qtbot.keyClick(presenter, Qt.Key.Key_Return)
    assert window.presenter_tools.deck.index == 2


def test_closing_the_presenter_view_brings_the_stage_back(window, presenter, qtbot):
    presenter.close()
    qtbot.waitUntil(window.presenter_tools.stage.isVisible)
    assert not window.presenter_tools.presenter_action.isChecked()


def test_a_stop_map_view_survives_the_window_being_resized(window, qtbot):
    tools, view = window.presenter_tools, AGENDA.stops[0].view
    tools.go_to(0)
    width = window.ports_tab.map.width()
    window.resize(1700, 1000)
    qtbot.waitUntil(lambda: window.ports_tab.map.width() > width)
    qtbot.wait(1)
    shown = capture(window)
    pixel = 1 / (window.ports_tab.map.transform().m11() * 100 * 0.7)
    assert shown.map_zoom == pytest.approx(view.map_zoom, rel=0.01)
    assert shown.map_centre == pytest.approx(view.map_centre, abs=2 * pixel)
    window.ports_tab.map.zoom_by(1.5)  # the presenter takes over: a resize keeps their view
    scale = window.ports_tab.map.transform().m11()
    width = window.ports_tab.map.width()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.ports_tab.map.width() < width)
    qtbot.wait(1)
    assert window.ports_tab.map.transform().m11() == pytest.approx(scale)


TWO_SCREENS = {
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1440,
            "height": 900,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "projector",
            "x": 1440,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

TWO_SCREEN_RUN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from briefing.app import create_application
from briefing.store import open_briefing
from briefing.ui.shell.main_window import MainWindow
from briefing.ui.common.settings import Settings

app = create_application()
window = MainWindow(open_briefing(Path(sys.argv[3])),
                    Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.show()
tools = window.presenter_tools
tools.start(Path(sys.argv[1]))
tools.presentation_action.trigger()  # F5

def settle(until=lambda: True):
    for _ in range(100):
        app.processEvents()
        if until():
            break

settle(lambda: tools.presenter is not None and tools.presenter.isActiveWindow())
stage, presenter, deck = tools.stage, tools.presenter, tools.deck
shown = {"screens": [s.name() for s in app.screens()], "stage": stage.screen().name(),
         "presenter": presenter.screen().name(), "stage_full": stage.isFullScreen(),
         "stage_size": [stage.width(), stage.height()], "presenter_visible": presenter.isVisible(),
         "main_full": window.isFullScreen(), "counter": presenter.counter.text()}
QTest.keyClick(presenter, Qt.Key.Key_PageDown)
QTest.keyClick(presenter, Qt.Key.Key_Slash)
box = presenter.findChild(QLineEdit, "stageSearchBox")
shown["box_on_presenter"] = box is not None and box.isVisible()
shown["typing_on_stage"] = [w.objectName() for w in stage.findChildren(QLineEdit) if w.isVisible()]
QTest.keyClicks(box, sys.argv[4])
QTest.keyClick(box, Qt.Key.Key_Return)
shown["found"] = getattr(deck.found, "subject_id", "")
shown["stage_typing_shown"] = stage.show_typing
settle()
QTest.keyClick(presenter, Qt.Key.Key_Escape)
shown["back_to"] = [deck.index, deck.found is None]
presenter.swap_button.click()
settle()
shown["swapped"] = [stage.screen().name(), presenter.screen().name()]
print(json.dumps(shown, ensure_ascii=False))
"""


def test_with_two_screens_the_stage_fills_the_projector_and_the_presenter_view_the_laptop(
    tmp_path, agenda_file, fixture_db
):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            TWO_SCREEN_RUN,
            str(agenda_file),
            str(tmp_path / "s.ini"),
            str(fixture_db),
            F.SERIES_PORT,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["screens"] == ["laptop", "projector"]  # Qt took the two-screen configuration
    assert shown == {
        "screens": ["laptop", "projector"],
        "stage": "projector",
        "presenter": "laptop",
        "stage_full": True,
        "stage_size": [1920, 1080],
        "presenter_visible": True,
        "main_full": False,
        "counter": "第 1 / 3 站",
        "box_on_presenter": True,
        "typing_on_stage": [],  # the room never sees the typing
        "found": F.SERIES_PORT,
        "stage_typing_shown": False,
        "back_to": [1, True],  # Esc: the agenda's stop where it was
        "swapped": ["laptop", "projector"],  # the presenter swapped the screens
    }


ONE_SMALL_SCREEN = {
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}

SMALL_SCREEN_RUN = """
import json, sys
from PySide6.QtCore import QSettings
from briefing import paths
from briefing.app import create_application
from briefing.store import open_briefing
from briefing.ui.shell.main_window import MainWindow
from briefing.ui.common.settings import Settings

app = create_application()
window = MainWindow(open_briefing(paths.bundled_database()),
                    Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.show()
for _ in range(5):
    app.processEvents()
tools = window.presenter_tools
tools.set_presenter_view(True)
for _ in range(5):
    app.processEvents()
rect = lambda r: [r.x(), r.y(), r.width(), r.height()]
presenter = tools.presenter
print(json.dumps({"available": rect(window.screen().availableGeometry()), "main": rect(window.frameGeometry()),
                  "presenter": rect(presenter.frameGeometry()), "presenter_min": [
                      presenter.minimumSizeHint().width(), presenter.minimumSizeHint().height()]}))
"""


def test_first_launch_on_the_bundled_briefing_and_its_presenter_view_fit_a_1366x768_screen(tmp_path):
    """About the shipped app: a first launch opens the bundled briefing, whose names set the widths."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(ONE_SMALL_SCREEN), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", SMALL_SCREEN_RUN, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    x, y, width, height = shown["available"]
    assert (width, height) == (1366, 768)
    for name in ("main", "presenter"):
        left, top, w, h = shown[name]
        assert left >= x and top >= y and left + w <= x + width and top + h <= y + height, (name, shown)
    assert shown["presenter_min"][0] <= width and shown["presenter_min"][1] <= height
