"""Atomic writing for every export: a temporary file beside the target, renamed into place on success.

QSaveFile writes `name.XXXXXX` in the target's folder and renames it over the target only on
commit(); a failure or a full disk discards the temporary file, so the user never finds a
half-written export, and an existing file of the same name stays as it was. A cancelled export
never reaches this module: exports are made in memory and written only when complete.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile


class ExportError(Exception):
    """An export that could not be written: `path` and, in one line, `problem`."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(path: Path, protected: tuple[Path, ...] = ()) -> None:
    """Refuse, before any work, a target that is a folder or one of the files being read."""
    if path.is_dir():
        raise ExportError(path, "is a folder, not a file name")
    if any(_same_file(path, other) for other in protected):
        raise ExportError(path, "is the briefing database being exported; choose another file name")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise ExportError(path, f"{parent} is a file, not a folder")
    if not parent.exists():
        raise ExportError(path, f"the folder {parent} does not exist")


def write_bytes(path: Path, data: bytes, protected: tuple[Path, ...] = ()) -> None:
    """Write `data` as `path` through a QSaveFile, or raise ExportError and leave nothing behind.

    Exports are made in memory first and written in one piece, so every byte is accounted for:
    a disk that fills up shows as a short write (which Qt does not flag as an error) and is
    refused here, and the temporary file is discarded.
    """
    path = Path(path)
    check_target(path, protected)
    device = QSaveFile(str(path))
    device.setDirectWriteFallback(False)  # never write the target in place, even where renaming is hard
    if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Unbuffered):
        raise ExportError(path, device.errorString() or "cannot be created")
    written = device.write(data)
    if written != len(data) or device.error() != QSaveFile.FileError.NoError:
        problem = _reason(device) or f"only {max(written, 0)} of {len(data)} bytes could be written (is the disk full?)"
        device.cancelWriting()
        device.commit()  # after cancelWriting, commit() only removes the temporary file
        raise ExportError(path, problem)
    if not device.commit():
        raise ExportError(path, _reason(device) or "could not be saved (is the disk full, or the file open elsewhere?)")


def _reason(device: QSaveFile) -> str:
    if device.error() == QSaveFile.FileError.NoError:
        return ""
    text = device.errorString()
    return "" if not text or text == "Unknown error" else text
