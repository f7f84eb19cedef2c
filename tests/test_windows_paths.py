"""Paths a Windows user has: spaces and Chinese characters (the app unpacked to
`C:\\Users\\张三\\Desktop\\口岸 简报\\`), a handout saved the way Windows allows, and agendas of the
bundled briefing kept in the user's data folder rather than inside the app."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import paths

FOLDER = ("Users", "张三", "Desktop", "口岸 简报")


def _briefing(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "cp936"},
    )


@pytest.fixture
def chinese_folder(tmp_path) -> Path:
    folder = tmp_path.joinpath(*FOLDER)
    folder.mkdir(parents=True)
    return folder


def test_check_and_export_in_a_folder_with_spaces_and_chinese(chinese_folder):
    db = chinese_folder / "简报 2025.sqlite"
    shutil.copy2(paths.bundled_database(), db)
    done = _briefing("check", str(db))
    assert done.returncode == 0 and done.stdout.decode("utf-8").startswith(f"ok: {db}: ")

    pdf, csv = chinese_folder / "讲义 张三.pdf", chinese_folder / "数据 张三.csv"
    for attempt in ("new", "over the file written before"):
        done = _briefing("export", str(db), "--pdf", str(pdf), "--csv", str(csv))
        assert done.returncode == 0, (attempt, done.stderr.decode("utf-8", "replace"))
        out = done.stdout.decode("utf-8")
        assert f"wrote {pdf}: " in out and f"wrote {csv}: " in out
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.endswith(b"%%EOF\n")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf") and "口岸" in csv.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in chinese_folder.iterdir()) == sorted([db.name, pdf.name, csv.name])


def test_the_handout_is_flushed_through_a_handle_windows_accepts(chinese_folder, bundled, qapp, monkeypatch):
    """Windows refuses to flush a file opened read-only ("Permission denied"), which failed every
    handout there; POSIX does not mind, so this test holds os.fsync to Windows' rule."""
    import fcntl

    from briefing.export.handout import prepare, write_handout

    real_fsync = os.fsync

    def windows_fsync(fd: int) -> None:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", windows_fsync)
    prepare()
    target = chinese_folder / "讲义.pdf"
    target.write_bytes(b"the old handout")
    assert write_handout(bundled, target, "en") > 1
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in chinese_folder.iterdir()] == ["讲义.pdf"]


def test_agendas_of_the_briefing_inside_the_app_go_to_the_data_folder(tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    from briefing.ui.presenting.agenda import default_agenda_path

    app = tmp_path.joinpath(*FOLDER, "briefing", "_internal")
    (app / "db").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(app), raising=False)
    data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    assert default_agenda_path(app / "db" / "briefing.sqlite") == data / "agendas" / "briefing.agenda.json"
    elsewhere = tmp_path.joinpath(*FOLDER, "我的 简报.sqlite")
    assert default_agenda_path(elsewhere) == elsewhere.parent / "我的 简报.agenda.json"
