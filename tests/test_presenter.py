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

from briefing.ui.presenting.agenda import Agenda, Stop, save_agenda
from briefing.ui.presenting.view_state import ViewState, capture

AGENDA = Agenda((
    Stop("开场:二连浩特", ViewState("ports", F.RAIL_PORT, 3.0, (112.0, 43.65)), "先讲中欧班列\n再讲落地加工"),
    Stop("庄和的建议", ViewState("proposals", F.RAIL_PORT, proposal_id=F.RAIL_PROPOSAL), "一句话概括"),
    Stop("旧口岸", ViewState("ports", "xyz"), ""),
))


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
    window.view_menu.actions()[-1].trigger()  # View > 演讲者视图
    assert tools.presenter_action.isChecked()
    qtbot.addWidget(tools.presenter)
    qtbot.waitExposed(tools.presenter)
    return tools.presenter


def test_the_view_menu_toggles_the_presenter_view(window, presenter):
    assert window.view_menu.actions()[-1].text() == "演讲者视图"
    assert presenter.isVisible() and presenter.windowTitle() == "演讲者视图"
    window.view_menu.actions()[-1].trigger()
    assert not presenter.isVisible()


def test_the_presenter_sees_this_stop_its_notes_the_next_stop_and_the_passage(window, presenter):
    assert presenter.counter.text() == "第 1 / 3 站"
    assert presenter.current_name.text() == "开场:二连浩特"
    assert presenter.notes.text() == "先讲中欧班列\n再讲落地加工"
    assert presenter.next_name.text() == "庄和的建议"
    assert presenter.next_notes.text() == "一句话概括"
    assert presenter.on_screen.text() == f"投影画面:口岸 · {F.name_zh(F.RAIL_PORT)}"
    figure = next(o for o in window.briefing.observations_for(F.RAIL_PORT) if o.passage_id)
    assert presenter.passage_text() == window.briefing.passage(figure.passage_id).text
    assert figure.as_written in presenter.passage_text()


def test_stepping_from_the_presenter_window_moves_the_projected_view(window, presenter, qtbot):
    tools = window.presenter_tools
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert tools.model.current == 1 and window.tabs.currentIndex() == 2
    assert presenter.current_name.text() == "庄和的建议" and presenter.next_name.text() == "旧口岸"
    proposal = window.briefing.proposal(F.RAIL_PROPOSAL)
    assert presenter.passage_text() == window.briefing.passage(proposal.passage_id).text
    assert presenter.next_problems.text() == "⚠ 找不到口岸 xyz"
    qtbot.mouseClick(presenter.next_button, Qt.MouseButton.LeftButton)
    assert presenter.current_problems.text() == "⚠ 找不到口岸 xyz"
    assert presenter.next_name.text() == "(最后一站)" and not presenter.next_button.isEnabled()
    qtbot.keyClick(presenter, Qt.Key.Key_PageUp)
    assert tools.model.current == 1


def test_the_presenter_follows_the_view_when_the_presenter_clicks_away(window, presenter, qtbot):
    window.selection.select_subject(F.SERIES_PORT)
    window.presenter_tools.watcher.flush()
    assert presenter.on_screen.text() == f"投影画面:口岸 · {F.name_zh(F.SERIES_PORT)}"
    assert presenter.current_name.text() == "开场:二连浩特"  # still the stop it came from


def test_closing_the_presenter_window_unchecks_the_menu(window, presenter):
    presenter.close()
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


TWO_SCREENS = {"screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "projector", "x": 1440, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1},
]}

TWO_SCREEN_RUN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from briefing import paths
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
tools.set_presenter_view(True)
for _ in range(5):
    app.processEvents()
print(json.dumps({"screens": [s.name() for s in app.screens()], "main": window.screen().name(),
                  "presenter": tools.presenter.screen().name(), "full_screen": window.isFullScreen(),
                  "next": tools.presenter.next_name.text()}, ensure_ascii=False))
"""


def test_with_two_screens_the_presenter_takes_the_laptop_and_the_view_fills_the_projector(tmp_path, agenda_file,
                                                                                         fixture_db):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run([sys.executable, "-c", TWO_SCREEN_RUN, str(agenda_file), str(tmp_path / "s.ini"),
                             str(fixture_db)],
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["screens"] == ["laptop", "projector"]  # Qt took the two-screen configuration
    assert shown == {"screens": ["laptop", "projector"], "main": "projector", "presenter": "laptop",
                     "full_screen": True, "next": "庄和的建议"}
