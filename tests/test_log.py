"""The log keeps what went wrong: Qt's warnings and unexpected errors with their tracebacks, and the
person sees one dialog at a time with the log's path."""

from __future__ import annotations

import logging
import subprocess
import sys

from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QMessageBox

from briefing import log


def _text(path) -> str:
    for handler in logging.getLogger(log.LOGGER).handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_a_qt_warning_reaches_the_log(tmp_path, qapp):
    path = log.start_log(tmp_path, echo=False)
    try:
        qWarning("a font could not be loaded: test-42")
        assert path == tmp_path / log.LOG_FILE and log.log_path() == path
        assert "WARNING briefing.qt: a font could not be loaded: test-42" in _text(path)
    finally:
        log.start_log(tmp_path / "after", echo=False)  # let go of the file before tmp_path goes


def test_an_unexpected_error_is_logged_with_its_traceback_and_shown_once(tmp_path, qapp):
    path = log.start_log(tmp_path, echo=False)
    shown: list[str] = []
    report = log.ErrorReport(None)

    def show(text: str) -> None:  # a dialog that is still open when the next error comes
        shown.append(text)
        try:
            raise KeyError("second")
        except KeyError as second:
            report(type(second), second, second.__traceback__)

    report.show = show
    try:
        raise ValueError("first failure")
    except ValueError as first:
        report(type(first), first, first.__traceback__)
    assert shown == ["ValueError: first failure"]  # one dialog, not two
    assert report.suppressed == 1
    text = _text(path)
    assert "Traceback (most recent call last)" in text
    assert "ValueError: first failure" in text and "KeyError: 'second'" in text


def test_an_unwritable_folder_leaves_the_log_to_stderr(tmp_path, qapp):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert log.start_log(blocker / "sub", echo=False) is None
    assert log.log_path() is None


def test_the_about_box_shows_where_the_log_is(window, tmp_path, qtbot):
    path = log.start_log(tmp_path, echo=False)
    window.show_about()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and str(path) in boxes[-1].text()
    boxes[-1].close()


def test_the_viewer_writes_its_log_in_the_users_data_folder(tmp_path):
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "view", "--quit-after-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert list((tmp_path / "data").rglob(log.LOG_FILE)), "no log file under the data folder"
