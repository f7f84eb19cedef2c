"""Open a briefing database read-only and check it, turning every way a file can be wrong into one line."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from briefing.store import boundary
from briefing.store.errors import BriefingError
from briefing.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, Table

_SQLITE_HEADER = b"SQLite format 3\x00"
_TYPES = {str: ("text",), int: ("integer",), float: ("real", "integer")}
# Reading every page (PRAGMA quick_check) costs about 0.7 ms per MB: nothing for the bundled briefing,
# a second for a 350 MB one. Above this size the viewer opens after the cheap checks, and the full
# one runs in `briefing check` (or `Briefing.verify()`); a bad page met later is still one clear line.
FULL_CHECK_BYTES = 16 * 1024 * 1024


def connect_readonly(path: Path | str, full_check: bool | None = None) -> sqlite3.Connection:
    """Connect and run the checks; the file is never written, and nothing in it runs as code.

    `full_check`: read every page (True), only the header, size and schema (False), or decide by
    the file's size (None).
    """
    path = Path(path)
    pending = _check_file(path)
    # what SQLite would read: the file itself, or a private copy with the changes beside it folded in
    stored = boundary.folded_copy(path, pending) if pending else path
    if full_check is None:
        full_check = stored.stat().st_size <= FULL_CHECK_BYTES
    uri = stored.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, factory=boundary.BudgetConnection)
    except sqlite3.Error as exc:
        if stored != path:
            shutil.rmtree(stored.parent, ignore_errors=True)
        raise BriefingError(path, boundary.describe(exc)) from None
    if stored != path:
        boundary.remove_with(conn, stored)
    try:
        boundary.harden(conn, stored)
        conn.execute("PRAGMA trusted_schema=OFF")
        if hasattr(conn, "enable_load_extension"):
            conn.enable_load_extension(False)
        conn.execute("PRAGMA query_only=ON")
        _check_database(conn, path, full_check, stored)
    except BriefingError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise BriefingError(path, boundary.describe(exc, conn)) from None
    return conn


def _check_file(path: Path) -> list[Path]:
    """The file's header; returns the changes beside it that SQLite would read (see boundary)."""
    pending = boundary.check_file_kind(path)  # before anything opens it: a named pipe would block the open
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise BriefingError(path, f"cannot be read ({exc.strerror})") from None
    if not header:
        raise BriefingError(path, "is empty")
    if header != _SQLITE_HEADER:
        raise BriefingError(path, "is not an SQLite database")
    return pending


def verify_pages(conn: sqlite3.Connection, path: Path) -> None:
    """Read every page and check it (PRAGMA quick_check)."""
    status = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if status != "ok":  # SQLite's report can run to several lines and quote the file: its first words
        logging.getLogger(__name__).info("%s: integrity check: %s", path, status)  # all of it, in the log only
        raise BriefingError(path, f"is damaged or truncated (integrity check: {boundary.short(str(status), 120)})")


def _check_size(conn: sqlite3.Connection, path: Path, stored: Path) -> None:
    """A truncated file is shorter than its header says: caught without reading the pages."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    if stored.stat().st_size < pages * page_size:
        raise BriefingError(path, "is damaged or truncated (shorter than its header says)")


def _check_database(conn: sqlite3.Connection, path: Path, full_check: bool, stored: Path) -> None:
    """`path` names the file in messages; `stored` is what is open (the file, or its folded copy)."""
    if full_check:
        verify_pages(conn, path)
    else:
        _check_size(conn, path, stored)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise BriefingError(path, "is an SQLite database but not a briefing (another application's file)")
    if version > SCHEMA_VERSION:
        raise BriefingError(
            path, f"was made for a newer viewer (schema version {version}; this viewer reads {SCHEMA_VERSION})"
        )
    if version < SCHEMA_VERSION:
        raise BriefingError(path, f"has an old schema version {version}; rebuild it with `briefing build`")
    boundary.check_objects(conn, path)  # before any row is read: a view in a table's place runs on reading
    _check_contract(conn, path)
    boundary.check_briefing(conn, path, whole=full_check)


def _check_contract(conn: sqlite3.Connection, path: Path) -> None:
    strict = {row[1]: bool(row[5]) for row in conn.execute("PRAGMA table_list") if row[0] == "main"}
    for table in TABLES:
        if table.name not in strict:
            raise BriefingError(path, f"is missing the table {table.name!r}")
        info = {row[1]: row for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        for column in table.columns:
            if column not in info and not (column == "rowid" and table.name == "search_docs"):
                raise BriefingError(path, f"table {table.name!r} is missing the column {column!r}")
        _check_rows(conn, path, table, info, strict[table.name])


def _check_rows(
    conn: sqlite3.Connection, path: Path, table: Table, info: dict[str, tuple[Any, ...]], is_strict: bool
) -> None:
    """Scan only what the file's own schema does not already enforce (a foreign-built file)."""
    conditions = []
    for column, kind in table.columns.items():
        if column not in info:
            continue
        declared_not_null = bool(info[column][3]) or bool(info[column][5])
        if column in table.not_null and not declared_not_null:
            conditions.append((column, f'"{column}" IS NULL', "is empty"))
        declared = (info[column][2] or "").upper()
        enforced = is_strict and declared in {"TEXT", "INTEGER", "REAL"}
        if not enforced:
            allowed = ", ".join(f"'{t}'" for t in (*_TYPES[kind], "null"))
            expected = {str: "text", int: "a whole number", float: "a number"}[kind]
            conditions.append((column, f'typeof("{column}") NOT IN ({allowed})', f"is not {expected}"))
    for column, condition, problem in conditions:
        row = conn.execute(f'SELECT rowid FROM "{table.name}" WHERE {condition} LIMIT 1').fetchone()
        if row is not None:
            raise BriefingError(path, f"table {table.name!r}, row {row[0]}: {column} {problem}")
