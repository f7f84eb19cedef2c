"""Atomic writing for every export, through `briefing.atomic.replacing`: a temporary file beside the
target, renamed over it only when complete, so the user never finds a half-written export and an
existing file of the same name stays as it was after a failure or a full disk. Small exports are
made in memory and written in one piece (`write_bytes`); the handout and the deck, which can run to
thousands of pages, are written as they are made (`streamed`), and removed when cancelled or failed.
Only a regular file is ever replaced, and a killed export's temporary file is cleaned up later.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice

from briefing.atomic import replacing


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
    """Refuse, before any work, a target that is a folder, a device or a pipe (only a regular file
    is ever replaced: run as root, an export onto /dev/null would otherwise replace the system's
    /dev/null), or one of the files being read."""
    special = _special_kind(path)
    if special == "folder":
        raise ExportError(path, "is a folder, not a file name")
    if special:
        raise ExportError(path, f"is {special}, not a regular file; only a regular file is replaced")
    if any(_same_file(path, other) for other in protected):
        raise ExportError(path, "is the briefing database being exported; choose another file name")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise ExportError(path, f"{parent} is a file, not a folder")
    if not parent.exists():
        raise ExportError(path, f"the folder {parent} does not exist")


def _special_kind(path: Path) -> str:
    """What `path` names when it is not a regular file, else "" (never opened: a pipe would block)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def write_bytes(path: Path, data: bytes, protected: tuple[Path, ...] = ()) -> None:
    """Write `data` as `path`, whole, or raise ExportError and leave nothing behind.

    Exports are made in memory first and written in one piece; a disk that fills up fails the
    write or the flush, and the temporary file is discarded.
    """
    path = Path(path)
    check_target(path, protected)
    try:
        with replacing(path, prefix=_part_prefix(path) + f"{os.getpid()}-", suffix=_part_suffix(path)) as temp:
            temp.write_bytes(data)
    except OSError as exc:
        raise ExportError(path, exc.strerror or "could not be saved (is the disk full?)") from None


@contextmanager
def streamed(path: Path, protected: tuple[Path, ...] = (), ending: bytes = b"") -> Iterator[QFile]:
    """A file to write a large export into as it is made (a PDF of thousands of pages is not held
    in memory): a temporary file beside `path`, renamed over it only if the block ends without an
    exception and every write went through; otherwise removed, leaving `path` as it was.

    A write that fails sets the file's error; one that only comes up short (the disk filled up on
    the very last write) shows as a file that does not end with `ending` (for a PDF, %%EOF).
    """
    path = Path(path)
    check_target(path, protected)
    remove_stale_parts(path)
    try:
        with replacing(path, prefix=_part_prefix(path) + f"{os.getpid()}-", suffix=_part_suffix(path)) as temp:
            device = QFile(str(temp))
            if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
                raise ExportError(path, device.errorString() or "cannot be created")
            try:
                yield device
            except OSError as exc:  # a write the PDF writer could not make (a full disk, a device gone)
                raise ExportError(path, exc.strerror or str(exc) or "could not be written") from None
            device.flush()
            failed = device.error() != QFile.FileError.NoError
            problem = (device.errorString() or "could not be written") if failed else ""
            device.close()
            if not problem and ending and not _ends_with(temp, ending):
                problem = "the file came out short (is the disk full?)"
            if problem:
                raise ExportError(path, problem)
    except OSError as exc:  # making, flushing or renaming the temporary file
        raise ExportError(path, exc.strerror or "could not be saved") from None


# A killed export (kill -9, a power cut) leaves its temporary file behind: the next export to the
# same folder removes it. Its name carries the process id, so a file of an export still running
# (another window, another command) is left alone; where a process cannot be asked after (Windows),
# only files a day old are removed.
STALE_PART_SECONDS = 24 * 3600


def _part_prefix(path: Path) -> str:
    return f".{path.stem}-"


def _part_suffix(path: Path) -> str:
    return path.suffix + ".part"


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove the temporary files that exports to `path` killed earlier left beside it."""
    removed: list[Path] = []
    try:
        candidates = list(Path(path).parent.glob(_part_prefix(path) + "*" + _part_suffix(path)))
    except OSError:
        return removed
    for candidate in candidates:
        middle = candidate.name[len(_part_prefix(path)) : -len(_part_suffix(path))]
        pid = middle.split("-", 1)[0]
        if pid.isdigit() and int(pid) == os.getpid():
            continue
        if not _abandoned(candidate, int(pid) if pid.isdigit() else None):
            continue
        try:
            if stat.S_ISREG(os.lstat(candidate).st_mode):
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _abandoned(candidate: Path, pid: int | None) -> bool:
    if pid is not None and sys.platform != "win32":  # os.kill(pid, 0) only asks on POSIX
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:  # alive, another user's
            return False
        return False
    try:
        return time.time() - os.lstat(candidate).st_mtime > STALE_PART_SECONDS
    except OSError:
        return False


def _ends_with(path: Path, ending: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size < len(ending):
                return False
            handle.seek(size - len(ending))
            return handle.read(len(ending)) == ending
    except OSError:
        return False
