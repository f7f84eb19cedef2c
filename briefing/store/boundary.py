"""The boundary for briefing files from elsewhere: everything the viewer, the handout and the search
use is checked here, once, before any of it reaches a widget or a page.

A briefing often arrives on a USB stick from someone else, so it is treated as hostile:
- the path must name a regular file (a named pipe or a device would block or never end); a
  write-ahead log or an unfinished change beside it is folded into a private copy, so the viewer
  shows what SQLite would (the user's files are only read);
- every contract object must be a real table with stored columns (a view, a virtual table or a
  computed column could run arbitrary work on each read);
- every statement runs under a time budget (SQLite's progress handler) and no value may exceed
  LENGTH_LIMIT bytes (SQLite's own limit), so a crafted file fails in seconds instead of hanging;
- every value must make sense: numbers finite and in range, coordinates on Earth, text valid UTF-8
  and of a sane length, outlines JSON of the expected shape and depth, ids unique, links pointing
  at real rows, modes, kinds, levels and periods among the allowed ones.
A value that fails is reported in one line naming the file, the table, the row and the problem.

Limits, and why:
- TIME_BUDGET_S (3 s of the reading thread's CPU time, plus 20 ms per MB of file): the slowest
  statement on the 1,000,000-figure benchmark briefing (386 MB) takes under 0.6 s of CPU, reading
  every page of it 0.5 s; CPU time, not the clock, so a loaded machine does not fail a good file.
- LENGTH_LIMIT (32 MB): the largest value a briefing needs is an outline's rings (20 KB today; a
  detailed region outline is 1–2 MB as JSON).
- NAME_LIMIT (1,000 characters) for names and titles (the longest real one, a source's title, is
  387), TEXT_LIMIT (10,000, a page) for other short text such as labels, units and periods: far above
  any real value, and laid out by Qt in milliseconds; LONG_TEXT_LIMIT (1,000,000) for passages,
  proposal texts, notes and statuses; RINGS_LIMIT (16,000,000) for an outline's JSON.
- VALUE_LIMIT (1e18): the bound the build applies to a figure.
- An outline's rings are exactly three levels deep ([[[lon, lat], …], …]); anything deeper is refused
  before parsing, so no parser recursion depends on the file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import tempfile
import time
import weakref
from pathlib import Path
from typing import Any

from briefing.store.errors import BriefingError
from briefing.store.schema import TABLES
from briefing.store.value_checks import (
    LARGE_TABLES,
    check_links,
    check_meta,
    check_outlines,
    check_text,
    check_values,
)

TIME_BUDGET_S = 3.0
TIME_BUDGET_PER_MB_S = 0.02
LENGTH_LIMIT = 32 * 1024 * 1024
_PROGRESS_STEPS = 20_000  # SQLite instructions between looks at the clock (about 0.1–0.5 ms)


# -- the file and the connection ---------------------------------------------------------------


def check_file_kind(path: Path) -> list[Path]:
    """A regular file (never opened here: a named pipe would block). Returns what lies beside it that
    SQLite would read too: a write-ahead log (`-wal`) or an unfinished change (`-journal`), non-empty
    regular files; one that is not a regular file is refused."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise BriefingError(path, "no such file") from None
    except OSError as exc:
        raise BriefingError(path, f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(mode):
        raise BriefingError(path, "is a folder, not a briefing database")
    if stat.S_ISFIFO(mode):
        raise BriefingError(path, "is a named pipe, not a briefing database")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise BriefingError(path, "is a device, not a briefing database")
    if not stat.S_ISREG(mode):
        raise BriefingError(path, "is not a regular file")
    pending = []
    for suffix in ("-wal", "-journal"):
        beside = Path(f"{path}{suffix}")
        try:
            info = os.stat(beside)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            raise BriefingError(path, f"has {beside.name} beside it, which is not a regular file")
        if info.st_size > 0:
            pending.append(beside)
    return pending


def folded_copy(path: Path, pending: list[Path]) -> Path:
    """A private copy of the file with the changes SQLite would read from beside it folded in (a
    write-ahead log checkpointed, an unfinished change rolled back), so the viewer shows what SQLite
    shows; the user's files are only read. The copy's folder goes when its connection closes."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-folded-"))
    copy = folder / "briefing.sqlite"
    try:
        shutil.copyfile(path, copy)
        for beside in pending:
            shutil.copyfile(beside, Path(f"{copy}{beside.name[len(path.name) :]}"))
        conn = sqlite3.connect(copy, factory=BudgetConnection)
        try:
            harden(conn, copy)
            conn.execute("PRAGMA trusted_schema=OFF")
            if hasattr(conn, "enable_load_extension"):
                conn.enable_load_extension(False)
            conn.execute("PRAGMA journal_mode=DELETE").fetchall()  # checkpoints a log, rolls back a journal
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        names = ", ".join(p.name for p in pending)
        reason = describe(exc) if isinstance(exc, sqlite3.Error) else (exc.strerror or str(exc))
        raise BriefingError(path, f"has changes beside it ({names}) that cannot be read: {reason}") from None
    return copy


def remove_with(conn: sqlite3.Connection, copy: Path) -> None:
    """Remove a folded copy's folder when its connection is closed or collected."""
    folder = copy.parent
    if isinstance(conn, BudgetConnection):
        conn.private_folder = folder
        weakref.finalize(conn, shutil.rmtree, folder, True)


def time_budget(path: Path) -> float:
    try:
        size_mb = os.stat(path).st_size / 1e6
    except OSError:
        size_mb = 0.0
    return TIME_BUDGET_S + TIME_BUDGET_PER_MB_S * size_mb


class BudgetConnection(sqlite3.Connection):
    """A connection whose every statement (its execution and the reading of its rows) must finish
    within `budget` seconds of the calling thread's CPU time; past it SQLite stops it ("interrupted")."""

    budget = TIME_BUDGET_S

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = time.thread_time() + self.budget
        self.timed_out = False  # the last statement was stopped by the budget (not by a signal)
        self.private_folder: Path | None = None  # a folded copy's folder, removed on close
        self.set_progress_handler(self._past_deadline, _PROGRESS_STEPS)

    def _past_deadline(self) -> int:
        if time.thread_time() > self._deadline:
            self.timed_out = True
            return 1
        return 0

    def close(self) -> None:
        super().close()
        folder = self.private_folder
        if folder is not None:  # a folded copy (see folded_copy): gone with its connection
            shutil.rmtree(folder, ignore_errors=True)

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:  # sqlite3's, with a fresh budget
        self._deadline = time.thread_time() + self.budget
        self.timed_out = False
        return super().execute(*args, **kwargs)


def harden(conn: sqlite3.Connection, path: Path) -> None:
    if isinstance(conn, BudgetConnection):
        conn.budget = time_budget(path)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LENGTH_LIMIT)


def describe(exc: sqlite3.Error, conn: sqlite3.Connection | None = None) -> str:
    """An SQLite error as the end of a one-line message (never quoting a whole value from the file)."""
    text = str(exc)
    if "interrupted" in text and getattr(conn, "timed_out", True):
        budget = getattr(conn, "budget", TIME_BUDGET_S)
        return f"takes too long to read (a query ran past {budget:.0f} s; the file may be built to stall readers)"
    if "interrupted" in text:  # a signal arrived while SQLite worked (Ctrl+C): the caller knows which
        return "was not read to the end (interrupted)"
    if "too big" in text:
        return f"holds a value larger than {LENGTH_LIMIT // (1024 * 1024)} MB"
    decoding = re.match(r"Could not decode to UTF-8 column '([^']{0,100})", text)
    if decoding:
        return f"holds text that is not valid UTF-8 (column {decoding.group(1)})"
    if "malformed" in text or "corrupt" in text:
        return f"is damaged or truncated ({short(text)})"
    if "not a database" in text:
        return "is not an SQLite database"
    return f"cannot be read ({short(text)})"


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# -- the objects -------------------------------------------------------------------------------


def check_objects(conn: sqlite3.Connection, path: Path) -> None:
    """Every contract name is a stored table with stored columns; the search index is FTS5."""
    objects = {
        name: (kind, sql or "")
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view')")
    }
    for table in TABLES:
        kind, sql = objects.get(table.name, ("", ""))
        if kind == "view":
            raise BriefingError(path, f"has a view named {table.name!r} where a table belongs")
        if kind == "table" and sql.lstrip().upper().startswith("CREATE VIRTUAL"):
            raise BriefingError(path, f"has a virtual table named {table.name!r} where a stored table belongs")
        if kind == "table":
            for row in conn.execute(f'PRAGMA table_xinfo("{table.name}")'):
                if row[1] in table.columns and row[6] in (2, 3):
                    raise BriefingError(path, f"table {table.name!r}: column {row[1]} is computed, not stored")
    kind, sql = objects.get("search_fts", ("", ""))
    if kind and not re.match(r"\s*CREATE\s+VIRTUAL\s+TABLE\s+\"?search_fts\"?\s+USING\s+fts5\s*\(", sql, re.I):
        raise BriefingError(path, "has a search index (search_fts) that is not an FTS5 table")
    for name, (kind, _sql) in objects.items():
        if name.startswith("search_fts_") and kind != "table":
            raise BriefingError(path, f"has a {kind} named {name!r} where the search index keeps a table")


# -- all of it ---------------------------------------------------------------------------------


def check_briefing(conn: sqlite3.Connection, path: Path, whole: bool) -> None:
    """Everything above. `whole`: every table, links and text included (a small file, `briefing
    check`); otherwise the tables a large file is read from in pieces are checked as they are read."""
    check_meta(conn, path)
    tables = TABLES if whole else tuple(t for t in TABLES if t.name not in LARGE_TABLES)
    check_values(conn, path, tables)
    check_outlines(conn, path)
    check_text(conn, path, tables)
    if whole:
        check_links(conn, path)
