"""Batch modes for people and CI: render every tab to PNG, or walk every tab and port and report."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.store import BriefingError

if TYPE_CHECKING:
    from briefing.ui.shell.main_window import MainWindow

SCREEN_SIZE = (1920, 1080)
SCREENSHOT_SUBJECT = "erenhot-rail"  # a port with figures, a chart, proposals and a passage


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _prepare(window: MainWindow) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on a small first screen
    window.resize(*SCREEN_SIZE)
    window.show()
    _settle()


def _unwritable(folder: Path) -> str:
    """Why screenshots cannot go into `folder` (made if missing), or ""."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return "it is a file, not a folder"
    except OSError as exc:
        return exc.strerror or str(exc)
    if not os.access(folder, os.W_OK):
        return "the folder is read-only"
    return ""


def save_screenshots(window: MainWindow, folder: Path) -> int:
    """Each tab, with a port selected, at 1920x1080; prints the files written."""
    problem = _unwritable(folder)
    if problem:
        print(f"error: cannot write screenshots into {folder}: {problem}", file=sys.stderr)
        return 1
    _prepare(window)
    subject = (
        SCREENSHOT_SUBJECT
        if window.briefing.subject(SCREENSHOT_SUBJECT)
        else (window.briefing.ports[0].id if window.briefing.ports else "")
    )
    window.selection.select_subject(subject)
    names = ("1-ports", "2-indicators", "3-proposals", "4-sources")
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        if name == "4-sources":
            observations = window.briefing.observations_for(subject)
            cited = next((o for o in observations if o.passage_id), None)
            if cited and cited.passage_id:
                window.sources_tab.show_passage(cited.passage_id, cited.as_written)
                window.tabs.setCurrentIndex(index)
        _settle()
        path = folder / f"{name}.png"
        if path.exists() and not path.is_file() or not window.grab().save(str(path)):  # a pipe would block
            print(f"error: could not write {path}", file=sys.stderr)
            return 1
        print(path)
    return 0


def self_test(window: MainWindow) -> int:
    """Every tab, every port and place, rendered; any exception or empty render fails with its reason.
    Damage in the briefing found as it is read fails in one line, as every command reports it."""
    errors: list[str] = []
    damage: list[str] = []
    previous_hook = sys.excepthook

    def hook(kind, value, tb) -> None:
        if isinstance(value, BriefingError):
            damage.append(value.line())
        else:
            errors.append("".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
    try:
        _prepare(window)
        subjects = [s.id for s in window.briefing.subjects]
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            for subject in subjects:
                if damage:
                    break
                window.selection.select_subject(subject)
                _settle()
                if window.grab().isNull():
                    errors.append(f"tab {index}, {subject}: nothing rendered")
            for _ in range(len(window.briefing.ports) + 1):
                window.step_port(1)
            _settle()
    except BriefingError as exc:
        damage.append(exc.line())
    except Exception:  # noqa: BLE001 — the report must name whatever went wrong
        errors.append(traceback.format_exc())
    finally:
        sys.excepthook = previous_hook
    if damage:
        print(f"error: {damage[0]}", file=sys.stderr)
        return 1
    settings = window.settings  # the viewer must be able to remember things: record the pass there
    if not errors:
        settings.last_self_test = datetime.now().isoformat(timespec="seconds")
        if not settings.saved():
            errors.append(f"the settings file cannot be written: {settings.file_name}")
    if errors:
        print("self-test failed:\n" + "\n".join(errors), file=sys.stderr)
        return 1
    print(
        f"self-test ok: {window.tabs.count()} tabs, {len(window.briefing.subjects)} subjects; "
        f"settings in {settings.file_name}"
    )
    return 0
