"""Every way a briefing file can be wrong: one line naming the file, no traceback, file unchanged."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import fixture_facts as F
import pytest

from briefing.__main__ import main
from briefing.store import BriefingError, open_briefing
from briefing.store.opening import connect_readonly
from briefing.store.schema import SCHEMA_VERSION


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


def copy_of(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite"
    shutil.copyfile(db, target)
    return target


def relaxed_copy(db: Path, tmp_path: Path, table: str, column: str, value) -> Path:
    """A file with the right tables but no declared constraints, holding one row that breaks the contract."""
    source = sqlite3.connect(db)
    target_path = tmp_path / "relaxed.sqlite"
    target = sqlite3.connect(target_path)
    for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_fts%'"):
        columns = [row[1] for row in source.execute(f'PRAGMA table_info("{name}")')]
        target.execute(f'CREATE TABLE "{name}" ({", ".join(columns)})')
        rows = source.execute(f'SELECT * FROM "{name}"').fetchall()
        target.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(columns))})', rows)
    target.execute(source.execute("SELECT sql FROM sqlite_master WHERE name='search_fts'").fetchone()[0])
    target.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = 3', (value,))
    target.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    target.execute("PRAGMA application_id = 1112688177")
    target.commit()
    target.close()
    source.close()
    return target_path


def make(kind: str, tmp_path: Path, db: Path) -> Path:
    """A file of `kind`, made in `tmp_path` (from the good briefing `db` where it needs one)."""
    path = tmp_path / f"{kind}.sqlite"
    if kind == "missing":
        return path
    if kind == "directory":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "not sqlite":
        path.write_text("port,value\n策克,2400\n", encoding="utf-8")
    elif kind == "truncated":
        data = db.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif kind == "corrupt":
        data = bytearray(db.read_bytes())
        for offset in range(4096, len(data) - 4096, 4096):  # scribble over every page's header
            data[offset : offset + 16] = b"\xff" * 16
        path.write_bytes(bytes(data))
    elif kind == "another schema":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        conn.commit()
        conn.close()
    elif kind == "newer version":
        path = copy_of(db, tmp_path)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 7")
        conn.close()
    elif kind == "null where a value is needed":
        path = relaxed_copy(db, tmp_path, "ports", "name_zh", None)
    elif kind == "text where a number belongs":
        path = relaxed_copy(db, tmp_path, "observations", "value", "two thousand")
    elif kind == "missing table":
        path = copy_of(db, tmp_path)
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE proposal_ports")
        conn.commit()
        conn.close()
    return path


EXPECTED = {
    "missing": "no such file",
    "directory": "is a folder",
    "empty": "is empty",
    "not sqlite": "is not an SQLite database",
    "truncated": "damaged or truncated",
    "corrupt": "damaged or truncated",
    "another schema": "not a briefing",
    "newer version": "newer viewer (schema version 7",
    "null where a value is needed": "table 'ports', row 3: name_zh is empty",
    "text where a number belongs": "table 'observations', row 3: value is not a number",
    "missing table": "missing the table 'proposal_ports'",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_bad_database_gets_one_clear_line(kind, tmp_path, capsys, fixture_db):
    path = make(kind, tmp_path, fixture_db)
    before = sha(path)
    with pytest.raises(BriefingError) as caught:
        open_briefing(path)
    message = str(caught.value)
    assert EXPECTED[kind] in message and str(path) in message and "\n" not in message
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and EXPECTED[kind] in err and "Traceback" not in err
    assert sha(path) == before
    assert not list(tmp_path.glob("*-journal")) and not list(tmp_path.glob("*-wal"))


def test_check_summarises_a_good_database(capsys, fixture_db):
    before = sha(fixture_db)
    assert main(["check", str(fixture_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and f"{F.port_count()} ports" in out and "proposals" in out and "sha256 " in out
    assert sha(fixture_db) == before


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM ports",
        "UPDATE ports SET name_zh = 'x'",
        "CREATE TABLE notes (text)",
        "PRAGMA user_version = 99",
        "PRAGMA journal_mode = WAL",  # would rewrite the file's header
        "VACUUM",
    ],
)
def test_the_connection_the_store_reads_through_cannot_change_the_file(statement, fixture_db, tmp_path):
    path = copy_of(fixture_db, tmp_path)
    before = sha(path)
    conn = connect_readonly(path)
    try:
        conn.execute(statement).fetchall()
        conn.commit()
    except sqlite3.DatabaseError:
        pass  # refused; a pragma that only reports is harmless as long as the file stays as it was
    conn.close()
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no journal or log left beside it
