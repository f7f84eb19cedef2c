"""Agendas: stops built in the viewer, saved, opened again, and stepped through with a clicker's keys."""

from __future__ import annotations

import json
import subprocess
import sys

import fixture_facts as F
import pytest
from conftest import settings_at, show_window
from PySide6.QtCore import Qt

from briefing.ui.presenting.agenda import (
    Agenda,
    AgendaError,
    AgendaModel,
    Stop,
    default_agenda_path,
    load_agenda,
    save_agenda,
)
from briefing.ui.presenting.view_state import ViewState, capture


@pytest.fixture
def window(qtbot, qt_fonts, settings, fixture_db):
    return show_window(qtbot, qt_fonts, settings, fixture_db, size=(1280, 800))


def settle(qtbot) -> None:
    qtbot.wait(1)  # one pass of the event loop: deferred layout and scrolling run
    qtbot.wait(1)


def stop(name, tab="ports", subject="", zoom=1.0, centre=None, chart="", proposal="", passage="", notes=""):
    return Stop(name, ViewState(tab, subject, zoom, centre, chart, proposal, passage), notes)


THREE = Agenda(
    (
        stop("满洲里", "ports", F.MANZHOULI_RAIL, 3.0, (117.4, 49.6), notes="讲中欧班列"),
        stop("全区图表", "indicators", F.REGION, chart=F.USED_CARS),
        stop("凌云的建议", "proposals", F.MANZHOULI_RAIL, proposal=F.MANZHOULI_PROPOSAL),
    )
)


def test_the_agenda_model_passes_qtmodeltester(qtmodeltester, fixture_briefing):
    model = AgendaModel()
    model.set_briefing(fixture_briefing)
    model.set_agenda(Agenda(THREE.stops + (stop("坏", subject="xyz"),)))
    model.set_current(1)
    qtmodeltester.check(model, force_py=True)
    model.move_stop(0, 2)
    model.removeRows(1, 1)
    qtmodeltester.check(model, force_py=True)


def test_reorder_rename_delete_and_notes_edit_the_stops(fixture_briefing):
    model = AgendaModel()
    model.set_briefing(fixture_briefing)
    model.set_agenda(THREE)
    model.set_current(0)
    assert model.move_stop(0, 2)
    assert [s.name for s in model.stops()] == ["全区图表", "凌云的建议", "满洲里"]
    assert model.current == 2  # the current stop moved with its row
    assert model.setData(model.index(1), "  建议  ")
    assert model.setData(model.index(1), "新备注", AgendaModel.NotesRole)
    assert model.stop(1).name == "建议" and model.stop(1).notes == "新备注"
    assert model.index(1).data() == "建议"
    assert model.removeRows(0, 1)
    assert [model.index(r).data() for r in range(model.rowCount())] == ["建议", "满洲里"]
    assert model.modified


def test_an_agenda_round_trips_through_its_file(tmp_path, fixture_briefing):
    path = tmp_path / "talk.agenda.json"
    agenda = Agenda(THREE.stops, fixture_briefing.sha256())
    save_agenda(agenda, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["briefing_sha256"] == fixture_briefing.sha256()
    assert data["stops"][0] == {
        "name": "满洲里",
        "tab": "ports",
        "subject_id": F.MANZHOULI_RAIL,
        "map": {"zoom": 3.0, "center": [117.4, 49.6]},
        "chart": "",
        "proposal_id": "",
        "passage_id": "",
        "notes": "讲中欧班列",
    }
    assert load_agenda(path) == agenda


def test_the_window_goes_through_every_stop_of_an_agenda_built_in_it(window, qtbot, qt_fonts, tmp_path, fixture_db):
    tools = window.presenter_tools
    window.selection.select_subject(F.RAIL_PORT)
    window.tabs.setCurrentIndex(0)
    window.ports_tab.map.set_view(4.0, 112.0, 43.7)
    tools.add_current_view()
    window.selection.select_subject(F.REGION)
    window.tabs.setCurrentIndex(1)
    settle(qtbot)
    assert window.indicators_tab.show_chart(F.USED_CARS)  # as if scrolled down to it
    tools.add_current_view()
    window.proposals_tab.open_proposal(F.RAIL_PROPOSAL)
    window.tabs.setCurrentIndex(2)
    tools.add_current_view()
    window.sources_tab.show_passage(F.RAIL_PROPOSAL_PASSAGE)
    window.tabs.setCurrentIndex(3)
    tools.add_current_view()
    wanted = [s.view for s in tools.model.stops()]
    assert [v.tab for v in wanted] == ["ports", "indicators", "proposals", "sources"]
    assert wanted[1].chart == F.USED_CARS and wanted[2].proposal_id == F.RAIL_PROPOSAL
    path = tmp_path / "built.agenda.json"
    assert tools.write_agenda(path) and not tools.model.modified

    again = show_window(qtbot, qt_fonts, settings_at(tmp_path / "other.ini"), fixture_db, size=(1280, 800))
    assert again.presenter_tools.open_agenda(path)
    for row, view in enumerate(wanted):
        again.presenter_tools.go_to(row)
        settle(qtbot)
        shown = capture(again)
        assert (shown.tab, shown.subject_id) == (view.tab, view.subject_id)
        assert shown.proposal_id == view.proposal_id or view.tab != "proposals"
        assert shown.passage_id == view.passage_id or view.tab != "sources"
        if view.tab == "ports":
            pixel = 1 / (again.ports_tab.map.transform().m11() * 100 * 0.7)  # a screen pixel, in degrees
            assert shown.map_zoom == pytest.approx(4.0, rel=0.01)
            assert shown.map_centre == pytest.approx(view.map_centre, abs=2 * pixel)
            assert view.map_centre == pytest.approx((112.0, 43.7), abs=2 * pixel)
        if view.tab == "indicators":
            assert shown.chart == F.USED_CARS
            assert again.indicators_tab.charts.verticalScrollBar().value() > 0


@pytest.fixture
def presenting(window, tmp_path):
    path = tmp_path / "three.agenda.json"
    save_agenda(THREE, path)
    assert window.presenter_tools.open_agenda(path)
    window.presenter_tools.set_presenting(True)
    return window


def test_clicker_keys_step_through_stops_in_presentation_mode(presenting, qtbot):
    window, tools = presenting, presenting.presenter_tools
    stage = tools.stage
    assert stage.isVisible() and tools.deck.index == 0
    assert tools.model.current == 0 and window.selection.subject_id == F.MANZHOULI_RAIL
    qtbot.keyClick(stage, Qt.Key.Key_PageDown)
    assert tools.deck.index == 1  # the stage at once; the analyst's window follows the stop
    qtbot.waitUntil(lambda: tools.model.current == 1)
    assert window.tabs.currentIndex() == 1 and window.selection.subject_id == F.REGION
    qtbot.keyClick(stage, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tools.model.current == 2)
    assert window.tabs.currentIndex() == 2
    assert window.proposals_tab.current_proposal().id == F.MANZHOULI_PROPOSAL
    qtbot.keyClick(stage, Qt.Key.Key_Right)  # the last stop: stays
    assert tools.deck.index == 2
    qtbot.keyClick(stage, Qt.Key.Key_PageUp)
    qtbot.keyClick(stage, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: tools.model.current == 0)
    assert window.tabs.currentIndex() == 0


def test_outside_presentation_mode_the_keys_still_step_through_ports(presenting, qtbot):
    tools = presenting.presenter_tools
    tools.set_presenting(False)
    assert tools.stage is not None and not tools.stage.isVisible()
    qtbot.waitUntil(presenting.isActiveWindow)  # leaving the stage gives the keys back to the main window
    before = presenting.selection.subject_id
    qtbot.keyClick(presenting, Qt.Key.Key_PageDown)
    assert tools.model.current == 0 and presenting.selection.subject_id != before


def test_a_stop_naming_a_missing_port_is_marked_and_opens_without_it(window, qtbot, tmp_path):
    path = tmp_path / "missing.agenda.json"
    save_agenda(Agenda((stop("口岸一", subject=F.EXACT_PORT), stop("旧口岸", "indicators", "xyz"))), path)
    tools = window.presenter_tools
    assert tools.open_agenda(path)
    assert tools.panel.row_text(1) == "2. 旧口岸  ⚠ 找不到口岸 xyz"
    tools.go_to(1)
    assert window.tabs.currentIndex() == 1 and window.selection.subject_id == F.EXACT_PORT  # the last good subject
    assert tools.model.current == 1


BAD_FILES = {
    "not-json.agenda.json": ("{ stops: [", "不是议程文件(第 1 行不是有效的 JSON)"),
    "foreign.json": (json.dumps({"type": "FeatureCollection", "features": []}), "不是议程文件(缺少 version 或 stops)"),
    "newer.agenda.json": (
        json.dumps({"version": 2, "stops": []}),
        "由更新版本的查看器制作(议程版本 2,本程序读取版本 1)",
    ),
    "bad-stop.agenda.json": (
        json.dumps({"version": 1, "stops": [{"name": "a"}, {"name": "b", "map": {"zoom": -1}}]}),
        "第 2 站:map 的 zoom 不是正数",
    ),
    "bad-tab.agenda.json": (
        json.dumps({"version": 1, "stops": [{"name": "a", "tab": "slides"}]}),
        "第 1 站:tab “slides” 不是 ports, indicators, proposals, sources 之一",
    ),
    "empty.agenda.json": ("", "不是议程文件(第 1 行不是有效的 JSON)"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_or_foreign_agenda_file_gets_one_clear_line(tmp_path, name):
    text, problem = BAD_FILES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert caught.value.problem == problem
    assert "\n" not in str(caught.value)
    assert path.read_text(encoding="utf-8") == text  # never changed


def test_opening_a_bad_agenda_keeps_the_current_one(presenting, tmp_path):
    tools = presenting.presenter_tools
    path = tmp_path / "binary.agenda.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    assert not tools.open_agenda(path)
    assert "不是议程文件" in tools.last_message and str(path) in tools.last_message
    assert tools.model.rowCount() == 3 and tools.model.current == 0


def test_a_failed_save_leaves_the_old_file_as_it_was(tmp_path):
    path = tmp_path / "talk.agenda.json"
    save_agenda(THREE, path)
    before = path.read_bytes()
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(AgendaError):
        save_agenda(THREE, blocker / "talk.agenda.json")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "talk.agenda.json"]


def test_agendas_are_saved_beside_the_briefing_or_else_in_the_data_folder(tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    briefing = tmp_path / "nmg.sqlite"
    assert default_agenda_path(briefing) == tmp_path / "nmg.agenda.json"
    monkeypatch.setattr("briefing.ui.presenting.agenda.os.access", lambda path, mode: False)  # a read-only USB stick
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert default_agenda_path(briefing) == tmp_path.joinpath(data, "agendas", "nmg.agenda.json")


def _view(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "view", *args], capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def test_view_with_a_bad_agenda_says_so_in_one_line(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    result = _view("--agenda", str(path), "--quit-after-paint")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: 文件:{path} 问题:不是议程文件(缺少 version 或 stops)"]
    assert "Traceback" not in result.stderr
