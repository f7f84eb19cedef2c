"""Meeting-safe: no network at all, no update or sign-in prompts, and after a crash the viewer
reopens on the stop the presenter was at."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import fixture_facts as F
import pytest
from PySide6.QtCore import QSettings

from briefing.store import open_briefing
from briefing.ui.common.settings import Settings
from briefing.ui.presenting.agenda import Agenda, Stop, save_agenda
from briefing.ui.presenting.view_state import ViewState
from briefing.ui.shell.main_window import MainWindow

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"

# Runs the viewer's full self-test with every way Python opens a connection made to fail and be
# recorded, then lists the internet sockets the process holds, whoever opened them (Qt's own C++
# code included; Linux only). Local sockets (the X server, D-Bus) are not the network.
GUARDED_RUN = r"""
import json, os, socket, sys
attempts = []

def refuse(name):
    def blocked(*args, **kwargs):
        attempts.append(name + repr(args[1:] if name in ("connect", "connect_ex", "sendto") else args))
        raise OSError("network blocked by the meeting-safe test")
    return blocked

socket.socket.connect = refuse("connect")
socket.socket.connect_ex = refuse("connect_ex")
socket.socket.sendto = refuse("sendto")
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")

from briefing.__main__ import main
code = main(sys.argv[1:])

def inet_sockets():
    inodes = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            with open(f"/proc/self/net/{table}") as handle:
                inodes |= {line.split()[9] for line in list(handle)[1:]}
        except OSError:
            return []
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            held.append(target)
    return held

print(json.dumps({"code": code, "attempts": attempts, "inet": inet_sockets(),
                  "qtnetwork": "PySide6.QtNetwork" in sys.modules}))
"""


def test_a_full_self_test_makes_no_network_request(tmp_path):
    agenda = tmp_path / "talk.agenda.json"
    save_agenda(
        Agenda(
            (
                Stop("满洲里", ViewState("ports", F.MANZHOULI_RAIL)),
                Stop("全区", ViewState("indicators", F.REGION, chart=F.TRADE)),
            )
        ),
        agenda,
    )
    result = subprocess.run(
        [sys.executable, "-c", GUARDED_RUN, "view", "--self-test", "--agenda", str(agenda)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "self-test ok" in result.stdout
    assert report == {"code": 0, "attempts": [], "inet": [], "qtnetwork": False}


NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "requests",
    "httpx",
    "webbrowser",
    "ftplib",
    "smtplib",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineWidgets",
}


def test_no_module_of_the_viewer_can_reach_the_network():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "devtools" in path.parts:
            continue  # developers' tools, never shipped in the viewer
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        bad = {n for n in names if n in NETWORK_MODULES or n.split(".")[0] in NETWORK_MODULES}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
        assert "openUrl" not in path.read_text(encoding="utf-8"), path.name  # no link opens a browser


def _menu_texts(menu) -> list[str]:
    texts = []
    for action in menu.actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


@pytest.fixture
def settings_file(tmp_path) -> Path:
    return tmp_path / "settings.ini"


def _window(qtbot, qt_fonts, settings_file: Path, db: Path) -> MainWindow:
    window = MainWindow(
        open_briefing(db), Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)), qt_fonts
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_there_are_no_update_or_sign_in_prompts(qtbot, qt_fonts, settings_file, fixture_db):
    window = _window(qtbot, qt_fonts, settings_file, fixture_db)
    texts = [t for action in window.menuBar().actions() for t in [action.text(), *_menu_texts(action.menu())]]
    assert "议程(&A)" in texts and "演讲者视图" in texts and "对比另一份简报…" in texts  # the menus are read
    for word in ("检查更新", "登录", "注册", "账号", "账户", "update", "sign in", "log in", "account"):
        assert not [t for t in texts if word in t.lower()], word


AGENDA = Agenda(
    (
        Stop("满洲里", ViewState("ports", F.MANZHOULI_RAIL, 2.0, (117.4, 49.6))),
        Stop("全区数据", ViewState("indicators", F.REGION)),
        Stop("策克", ViewState("ports", F.EXACT_PORT)),
    )
)


def test_after_a_crash_the_viewer_reopens_on_the_last_stop(qtbot, qt_fonts, settings_file, tmp_path, fixture_db):
    path = tmp_path / "talk.agenda.json"
    save_agenda(AGENDA, path)
    first = _window(qtbot, qt_fonts, settings_file, fixture_db)
    tools = first.presenter_tools
    assert tools.start(path) == ""
    tools.set_presenting(True)
    tools.step(1)
    # written to disk by itself, a moment later: the window is never closed (the power goes)
    qtbot.waitUntil(lambda: Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).last_stop == 1)

    again = _window(qtbot, qt_fonts, settings_file, fixture_db)  # a new start-up reading the same settings file
    assert again.presenter_tools.start(None) == ""  # as `briefing view` calls it: no --agenda given
    restored = again.presenter_tools
    assert restored.model.current == 1 and restored.model.path == path and not restored.model.modified
    assert again.tabs.currentIndex() == 1 and again.selection.subject_id == F.REGION
    assert restored.presenting and restored.stage.isVisible() and restored.deck.index == 1
    restored.step(1)
    qtbot.waitUntil(lambda: again.selection.subject_id == F.EXACT_PORT)


def test_unsaved_stops_survive_a_crash_too(qtbot, qt_fonts, settings_file, fixture_db):
    first = _window(qtbot, qt_fonts, settings_file, fixture_db)
    first.selection.select_subject(F.APPROXIMATE_PORT)
    first.presenter_tools.add_current_view()
    qtbot.waitUntil(
        lambda: F.APPROXIMATE_PORT in Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).last_agenda
    )

    again = _window(qtbot, qt_fonts, settings_file, fixture_db)
    again.presenter_tools.start(None)
    model = again.presenter_tools.model
    assert [s.view.subject_id for s in model.stops()] == [F.APPROXIMATE_PORT]
    assert model.modified and model.path is None  # still to be saved


def test_the_last_view_of_another_briefing_is_not_restored(qtbot, qt_fonts, settings_file, fixture_db):
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.last_briefing = "/elsewhere/other.sqlite"
    settings.last_view = json.dumps({"tab": "sources", "subject_id": F.EXACT_PORT})
    settings.sync()
    window = _window(qtbot, qt_fonts, settings_file, fixture_db)
    window.presenter_tools.start(None)
    assert window.tabs.currentIndex() != 3


def test_a_damaged_recovery_record_is_ignored(qtbot, qt_fonts, settings_file, fixture_db):
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.last_briefing = str(fixture_db.resolve())
    settings.last_view = "{not json"
    settings.last_agenda = json.dumps({"version": 1, "stops": [{"name": 5}]})
    settings.last_stop = 7
    settings.sync()
    window = _window(qtbot, qt_fonts, settings_file, fixture_db)
    assert window.presenter_tools.start(None) == ""
    assert window.presenter_tools.model.rowCount() == 0
