"""Command-line output in any console code page, redirected to a file or a pipe.

Windows writes a redirected stream in the system's code page: cp1252 on a Western machine, cp936
(GBK) on a Chinese one. PYTHONIOENCODING gives a Linux run the same encodings. A
briefing's names are Chinese, which cp1252 cannot write at all; a briefing kept in a folder named
"Ömnögovi 口岸" gives `check` a line that neither cp1252 nor cp936 can write whole.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import fixture_facts as F
import pytest

from briefing.__main__ import is_command_line_run, main
from briefing.console import configure_streams

CODE_PAGES = ("cp1252", "cp936")
FOLDER = "Ömnögovi 口岸"


@pytest.fixture(scope="module")
def mongolian_copy(tmp_path_factory, fixture_db) -> Path:
    """The test briefing in a folder whose name has "Ö" (not in cp936) and Chinese (not in cp1252)."""
    import shutil

    folder = tmp_path_factory.mktemp("code-pages") / FOLDER
    folder.mkdir()
    return Path(shutil.copy2(fixture_db, folder / "简报 2025.sqlite"))


def _briefing(args: list[str], encoding: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "briefing", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_search_json_through_a_pipe_is_utf8_in_any_code_page(encoding, mongolian_copy):
    done = _briefing(["search", "口岸", "--json", "--db", str(mongolian_copy)], encoding)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    hits = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert any(hit["title"] == F.name_zh(F.EXACT_PORT) for hit in hits)


@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_output_redirected_to_a_file_is_utf8_in_any_code_page(tmp_path, encoding, mongolian_copy):
    out = tmp_path / "口岸 结果.txt"
    with open(out, "wb") as handle:
        searched = _briefing(["search", "口岸", "--db", str(mongolian_copy)], encoding, stdout=handle)
        checked = _briefing(["check", str(mongolian_copy)], encoding, stdout=handle)
    assert searched.returncode == 0 and checked.returncode == 0, checked.stderr.decode("utf-8", "replace")
    text = out.read_bytes().decode("utf-8")
    assert F.name_zh(F.EXACT_PORT) in text and f"ok: {mongolian_copy}: " in text


@pytest.mark.parametrize("encoding", CODE_PAGES)
def test_check_and_its_error_through_pipes_in_any_code_page(tmp_path, encoding, mongolian_copy):
    done = _briefing(["check", str(mongolian_copy)], encoding)
    assert done.returncode == 0 and done.stdout.decode("utf-8").startswith(f"ok: {mongolian_copy}: ")
    missing = tmp_path / FOLDER / "没有这个简报.sqlite"
    done = _briefing(["check", str(missing)], encoding)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert err.startswith("error: ") and str(missing) in err and len(err.splitlines()) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_a_terminal_that_cannot_show_a_character_gets_a_replacement_not_an_error(mongolian_copy):
    import pty

    leader, follower = pty.openpty()
    try:
        env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "check", str(mongolian_copy)],
            stdout=follower,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            timeout=120,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    shown = b"".join(chunks).decode("cp1252")
    assert "Ömnögovi ??" in shown  # cp1252 shows "Ö", not 口岸: replaced, never a UnicodeEncodeError


def test_redirected_streams_become_utf8_and_cannot_fail():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    saved = sys.stdout
    sys.stdout = stream
    try:
        configure_streams()
        print("口岸 Ömnögovi \udcff")  # a lone surrogate, as from an undecodable file name
        sys.stdout.flush()
    finally:
        sys.stdout = saved
    assert raw.getvalue().decode("utf-8") == "口岸 Ömnögovi \\udcff\n"


def test_missing_streams_are_left_alone(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    configure_streams(command_line=False)
    assert sys.stdout is None and sys.stderr is None


@pytest.mark.parametrize(
    ("argv", "command_line"),
    [
        (["check"], True),
        (["--self-test"], True),
        (["view", "x.sqlite", "--screenshot=d"], True),
        ([], False),
        (["view", "x.sqlite"], False),
        ([str(Path("a b.sqlite"))], False),
    ],
)
def test_commands_and_the_viewer_batch_modes_are_command_line_runs(argv, command_line):
    assert is_command_line_run(argv) == command_line


def test_a_command_sets_its_streams_up_as_a_command_line_run(monkeypatch, fixture_db, capsys):
    seen = []
    monkeypatch.setattr("briefing.console.configure_streams", lambda command_line=True: seen.append(command_line))
    assert main(["check", str(fixture_db)]) == 0
    assert seen == [True] and capsys.readouterr().out.startswith(f"ok: {fixture_db}: ")
