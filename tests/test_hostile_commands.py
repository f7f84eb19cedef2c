"""Faults around the commands: special targets, the same path twice, a full disk, signals and
killed exports. Each ends in one line (or a clean stop), never a traceback, and never replaces
anything but a regular file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_hostile_databases import run_commands, terminal_lines

from briefing import paths

# Named pipes, devices, signals and resource limits: the POSIX faults this suite makes.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX faults")

EXPORT = [sys.executable, "-m", "briefing", "export"]


def one_line(result: dict, *words: str) -> str:
    lines = terminal_lines(result)
    assert len(lines) == 1 and lines[0].startswith("error: "), result
    assert "Traceback" not in result["err"]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_bad_targets_are_refused_in_one_line(tmp_path):
    (tmp_path / "config").mkdir()
    os.mkfifo(tmp_path / "pipe.pdf")
    os.mkfifo(tmp_path / "pipe.sqlite")
    (tmp_path / "a-file").write_text("keep", encoding="utf-8")
    same = str(tmp_path / "same")
    commands = [  # the viewer first: it needs a QApplication, where an export makes a QGuiApplication
        ["view", "--screenshot", "/proc/x"],
        ["view", "--screenshot", str(tmp_path / "a-file")],
        ["export", "--pdf", same, "--csv", same],
        ["export", "--pdf", str(tmp_path / "x" / ".." / "same2"), "--csv", str(tmp_path / "same2")],
        ["export", "--pdf", "/dev/null"],
        ["export", "--csv", "/dev/null"],
        ["export", "--pdf", str(tmp_path / "pipe.pdf")],
        ["export", "--csv", str(tmp_path)],
        ["export", "--pdf", "/proc/x/handout.pdf"],
        ["build", str(paths.bundled_sources()), "-o", str(tmp_path / "pipe.sqlite")],
        ["build", str(tmp_path / "no-such-folder"), "-o", str(tmp_path / "out.sqlite")],
        ["check", str(tmp_path / "pipe.sqlite")],
        ["search", "口岸", "--db", "/dev/zero"],
        ["diff", str(tmp_path / "pipe.sqlite"), str(paths.bundled_database())],
    ]
    # a viewer per process (a second one in the same process is not what a user runs)
    results, elapsed = run_commands(commands[:1] + commands[2:], tmp_path)
    second, more = run_commands(commands[1:2], tmp_path)
    results.insert(1, second[0])
    words = [
        ("/proc/x",),
        ("a-file", "not a folder"),
        ("both name",),
        ("both name",),
        ("/dev/null", "is a device"),
        ("/dev/null", "is a device"),
        ("pipe.pdf", "named pipe"),
        ("is a folder",),
        ("/proc/x",),
        ("pipe.sqlite", "named pipe"),
        ("no-such-folder",),
        ("pipe.sqlite", "named pipe"),
        ("/dev/zero", "is a device"),
        ("pipe.sqlite", "named pipe"),
    ]
    for result, expected in zip(results, words):
        assert result["code"] == 1, result
        one_line(result, *expected)
    assert not os.path.exists(same) and not (tmp_path / "same2").exists()
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep"
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    assert elapsed + more < 12


def _export_until_part(target: Path, env: dict) -> subprocess.Popen:
    """An export of the handout, returned once its temporary file exists (the signal handlers are in place)."""
    child = subprocess.Popen(
        [*EXPORT, "--pdf", str(target), "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not list(target.parent.glob(".*.part")):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    return child


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["Ctrl+C", "SIGTERM", "SIGHUP"])
def test_a_stopped_export_removes_its_partial_file(signum, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"the earlier handout")
    child = _export_until_part(target, env)
    child.send_signal(signum)
    out, err = child.communicate(timeout=30)
    lines = [line for line in err.splitlines() if line.strip()]
    assert child.returncode == 128 + signum, (out, err)
    assert lines == [f"error: export stopped ({signal.Signals(signum).name}); no partial file was left"], err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]
    assert target.read_bytes() == b"the earlier handout"


def test_a_killed_export_leaves_nothing_after_the_next_run(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    target = tmp_path / "handout.pdf"
    child = _export_until_part(target, env)
    child.kill()
    child.communicate(timeout=30)
    left = list(tmp_path.glob(".*.part"))
    assert left, "kill -9 leaves the temporary file"
    running = tmp_path / f".handout-{os.getpid()}-inuse.pdf.part"  # an export still running: left alone
    running.write_bytes(b"")
    done = subprocess.run([*EXPORT, "--pdf", str(target)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.glob(".*.part")) == [running.name]


def _small_file_limit() -> None:
    import resource  # POSIX only

    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))  # as a nearly full disk: writes fail past 20 kB


def test_a_full_disk_is_one_line_and_keeps_the_earlier_files(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    pdf, csv = tmp_path / "h.pdf", tmp_path / "f.csv"
    pdf.write_bytes(b"earlier pdf")
    csv.write_bytes(b"earlier csv")
    for target in (["--pdf", str(pdf)], ["--csv", str(csv)]):
        done = subprocess.run(
            [*EXPORT, *target, "--lang", "en"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_small_file_limit,
        )
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 1 and len(lines) == 1 and lines[0].startswith("error: cannot write"), done.stderr
        assert "Traceback" not in done.stderr
    assert pdf.read_bytes() == b"earlier pdf" and csv.read_bytes() == b"earlier csv"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.csv", "h.pdf"]


@pytest.mark.parametrize("agenda", ["pipe", "/dev/zero", "bom"])
def test_the_viewer_never_blocks_on_an_agenda(agenda, tmp_path):
    (tmp_path / "config").mkdir()
    opens = agenda == "bom"
    if agenda == "pipe":
        agenda = str(tmp_path / "talk.agenda.json")
        os.mkfifo(agenda)
    elif agenda == "bom":  # as Windows Notepad saves it: opens
        agenda = str(tmp_path / "talk.agenda.json")
        Path(agenda).write_bytes(b'\xef\xbb\xbf{"version": 1, "stops": [{"name": "x", "subject_id": "ceke"}]}')
    (result,), elapsed = run_commands([["view", "--self-test", "--agenda", agenda]], tmp_path)
    if opens:
        assert result["code"] == 0 and not terminal_lines(result), result
    else:
        assert result["code"] == 1
        one_line(result, agenda, "不是普通文件")
    assert elapsed < 20  # a whole self-test; a blocked read would never end (the run is killed at 60 s)


def test_the_viewer_starts_when_its_settings_file_is_a_pipe(tmp_path):
    folder = tmp_path / "config" / "PortBriefing"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "briefing-viewer.ini")
    (result,), elapsed = run_commands([["view", "--self-test"]], tmp_path)
    assert result["code"] == 0 and "self-test ok" in result["out"], result
    assert elapsed < 20  # a whole self-test; a blocked start would never end


@pytest.mark.parametrize("where", ["organisation file", "system-wide file", "system-wide organisation file"])
def test_the_viewer_starts_when_a_settings_file_it_does_not_own_is_a_pipe(where, tmp_path, monkeypatch):
    # Qt also reads an organisation-wide file and system-wide ones under the user's; an administrator's
    # or another program's pipe there must not stop the viewer from starting
    system = tmp_path / "system"
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system))
    target = {
        "organisation file": tmp_path / "config" / "PortBriefing.ini",
        "system-wide file": system / "PortBriefing" / "briefing-viewer.ini",
        "system-wide organisation file": system / "PortBriefing.ini",
    }[where]
    target.parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "config").mkdir(exist_ok=True)
    os.mkfifo(target)
    (result,), elapsed = run_commands([["view", "--self-test"]], tmp_path, timeout=30)
    assert result["code"] == 0 and "self-test ok" in result["out"], result
    assert elapsed < 20
