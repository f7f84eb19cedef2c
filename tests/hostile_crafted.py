"""Crafted briefing files, as an attacker (or an unlucky USB stick) would make them.

Each builder takes a folder and returns the path of the file to open; `CASES` lists them with the
words the one-line refusal must contain ("" for a file that must open).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing import paths

BUNDLED = paths.bundled_database()
BIG_TEXT = 10 * 1024 * 1024  # "a 10 MB port name"


def copy(folder: Path, name: str = "crafted.sqlite") -> Path:
    target = folder / name
    shutil.copyfile(BUNDLED, target)
    return target


def edited(folder: Path, *statements: str, params: tuple = ()) -> Path:
    """A copy of the bundled briefing changed by SQL (its own declarations stay: STRICT, NOT NULL)."""
    path = copy(folder)
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement, params if "?" in statement else ())
    conn.commit()
    conn.close()
    return path


def relaxed(folder: Path, *statements: str) -> Path:
    """A copy with the same tables and rows but nothing declared (no types, keys or NOT NULL), as
    another tool might write it, then changed by SQL."""
    source = sqlite3.connect(BUNDLED)
    path = folder / "relaxed.sqlite"
    target = sqlite3.connect(path)
    for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_fts%'"):
        columns = [row[1] for row in source.execute(f'PRAGMA table_info("{name}")')]
        target.execute(f'CREATE TABLE "{name}" ({", ".join(columns)})')
        rows = source.execute(f'SELECT * FROM "{name}"').fetchall()
        target.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(columns))})', rows)
    target.execute(source.execute("SELECT sql FROM sqlite_master WHERE name='search_fts'").fetchone()[0])
    for statement in statements:
        target.execute(statement)
    target.execute(f"PRAGMA user_version = {source.execute('PRAGMA user_version').fetchone()[0]}")
    target.execute(f"PRAGMA application_id = {source.execute('PRAGMA application_id').fetchone()[0]}")
    target.commit()
    target.close()
    source.close()
    return path


def _replace_table(folder: Path, table: str, definition: str) -> Path:
    """The bundled briefing with one contract table swapped for another object of the same name."""
    path = copy(folder)
    conn = sqlite3.connect(path)
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(definition)
    conn.commit()
    conn.close()
    return path


def view_bomb(folder: Path) -> Path:
    """The issue's 'done when': a view in place of `ports` that never ends, with a 10 MB name."""
    return _replace_table(
        folder,
        "ports",
        (
            "CREATE VIEW ports AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
            f"SELECT 'p' || x AS id, printf('%.*c', {BIG_TEXT}, 'x') AS name_zh, 'n' AS name_en, 'road' AS mode, "
            "'' AS country, '' AS counterpart, '' AS league_city, '' AS county, 40.0 AS lat, 110.0 AS lon, "
            "'' AS coord_precision, '' AS coord_basis, '' AS status FROM c"
        ),
    )


def view_blobs(folder: Path) -> Path:
    return _replace_table(
        folder,
        "passages",
        (
            "CREATE VIEW passages AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) "
            "SELECT 'x' || x AS id, 'article' AS source_id, '' AS section, x AS position, randomblob(20000) AS text "
            "FROM c"
        ),
    )


def virtual_table(folder: Path) -> Path:
    return _replace_table(
        folder, "indicators", "CREATE VIRTUAL TABLE indicators USING fts5(id, name_zh, name_en, unit)"
    )


def computed_column(folder: Path) -> Path:
    """`ports.name_zh` computed on every read (9 MB each time) instead of stored."""
    path = copy(folder)
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(ports)")]
    conn.execute("ALTER TABLE ports RENAME TO old_ports")
    definitions = [
        "name_zh TEXT GENERATED ALWAYS AS (printf('%.*c', 9000000, 'x')) VIRTUAL" if c == "name_zh" else c
        for c in columns
    ]
    stored = ", ".join(c for c in columns if c != "name_zh")
    conn.execute(f"CREATE TABLE ports ({', '.join(definitions)})")
    conn.execute(f"INSERT INTO ports ({stored}) SELECT {stored} FROM old_ports")
    conn.execute("DROP TABLE old_ports")
    conn.commit()
    conn.close()
    return path


def not_fts(folder: Path) -> Path:
    return _replace_table(folder, "search_fts", "CREATE TABLE search_fts (bi, py, en)")


def shadow_view(folder: Path) -> Path:
    """The search index's own storage swapped for a view that never ends."""
    path = copy(folder)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET type = 'view', name = 'search_fts_idx', tbl_name = 'search_fts_idx', "
        "rootpage = 0, sql = 'CREATE VIEW search_fts_idx AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
        "SELECT x + 1 FROM c) SELECT x AS segid, x AS term, x AS pgno FROM c' WHERE name = 'search_fts_idx'"
    )
    conn.commit()
    conn.close()
    return path


def damaged_index(folder: Path) -> Path:
    """The search index's pages scribbled over (its structure records kept): every search reads damage.
    The same bytes every run, so the same searches fail."""
    path = copy(folder)
    conn = sqlite3.connect(path)
    noise = random.Random(15)
    for rowid, size in conn.execute("SELECT id, length(block) FROM search_fts_data WHERE id > 10").fetchall():
        conn.execute("UPDATE search_fts_data SET block = ? WHERE id = ?", (noise.randbytes(size), rowid))
    conn.commit()
    conn.close()
    return path


def wal_beside(folder: Path) -> Path:
    """Changes left in a write-ahead log beside the file (copied while another program had it open)."""
    work = copy(folder, "work.sqlite")
    conn = sqlite3.connect(work)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE ports SET name_en = 'Changed in the log' WHERE rowid = 1")
    conn.commit()
    target = folder / "crafted.sqlite"
    shutil.copyfile(work, target)
    shutil.copyfile(f"{work}-wal", f"{target}-wal")
    conn.close()
    return target


def pipe_as_log(folder: Path) -> Path:
    path = copy(folder)
    os.mkfifo(f"{path}-wal")
    return path


def journal_beside(folder: Path) -> Path:
    path = copy(folder)
    Path(f"{path}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.sqlite"
    os.mkfifo(path)
    return path


def device(folder: Path) -> Path:
    return Path("/dev/zero")


def over_length_limit(folder: Path) -> Path:
    """A passage larger than SQLite may hand over (33 MB of text)."""
    return edited(folder, "UPDATE passages SET text = printf('%.*c', 34603008, 'x') WHERE rowid = 2")


def large_with_bad_figure(folder: Path) -> Path:
    """Past the size where opening reads every row: an infinite figure found when it is read."""
    return edited(
        folder,
        "UPDATE observations SET value = 1e999 WHERE rowid = 3",
        "CREATE TABLE padding (data BLOB)",
        "INSERT INTO padding VALUES (zeroblob(17000000))",
    )


def large_with_long_passage(folder: Path) -> Path:
    """Past the size where opening reads every row: a 2 MB passage found when it is read."""
    return edited(
        folder,
        "UPDATE passages SET text = printf('%.*c', 2000000, 'x') WHERE rowid = 3",
        "CREATE TABLE padding (data BLOB)",
        "INSERT INTO padding VALUES (zeroblob(17000000))",
    )


Builder = Callable[[Path], Path]

# (name, builder, words the one-line refusal contains; "" when the file must open)
CASES: list[tuple[str, Builder, str]] = [
    ("view in place of ports, 10 MB name", view_bomb, "view named 'ports'"),
    ("view of random blobs in place of passages", view_blobs, "view named 'passages'"),
    ("virtual table in place of indicators", virtual_table, "virtual table named 'indicators'"),
    ("computed column", computed_column, "computed"),
    ("search index not FTS5", not_fts, "not an FTS5 table"),
    ("search index storage replaced by a view (SQLite itself finds damage)", shadow_view, "is damaged"),
    (
        "10 MB port name",
        lambda f: edited(f, f"UPDATE ports SET name_zh = printf('%.*c', {BIG_TEXT}, 'x') WHERE rowid = 2"),
        "name_zh is longer than",
    ),
    (
        "10 MB port status",
        lambda f: edited(f, f"UPDATE ports SET status_zh = printf('%.*c', {BIG_TEXT}, 'x') WHERE rowid = 2"),
        "status_zh is longer than",
    ),
    ("value over SQLite's length limit", over_length_limit, "larger than 32 MB"),
    ("figure of inf", lambda f: edited(f, "UPDATE observations SET value = 1e999 WHERE rowid = 4"), "row 4: value"),
    ("figure of -inf", lambda f: edited(f, "UPDATE observations SET value = -1e999 WHERE rowid = 4"), "row 4: value"),
    ("figure of 1e308", lambda f: edited(f, "UPDATE observations SET value = 1e308 WHERE rowid = 4"), "row 4: value"),
    ("latitude of inf", lambda f: edited(f, "UPDATE ports SET lat = 1e999 WHERE rowid = 5"), "row 5: lat"),
    ("longitude of 1e308", lambda f: edited(f, "UPDATE ports SET lon = 1e308 WHERE rowid = 5"), "row 5: lon"),
    ("latitude of 95", lambda f: edited(f, "UPDATE ports SET lat = 95 WHERE rowid = 5"), "row 5: lat"),
    ("latitude without longitude", lambda f: edited(f, "UPDATE ports SET lon = NULL WHERE rowid = 6"), "row 6: lat"),
    (
        "outline label of inf",
        lambda f: edited(f, "UPDATE outlines SET label_lon = 1e999 WHERE rowid = 2"),
        "row 2: label_lon",
    ),
    (
        "outline point of inf",
        lambda f: edited(f, "UPDATE outlines SET rings = '[[[1e999, 40], [110, 41], [111, 40]]]' WHERE rowid = 2"),
        "row 2: rings",
    ),
    (
        "outline point of 1e308",
        lambda f: edited(f, "UPDATE outlines SET rings = '[[[1e308, 40], [110, 41], [111, 40]]]' WHERE rowid = 2"),
        "row 2: rings",
    ),
    (
        "outline not JSON",
        lambda f: edited(f, "UPDATE outlines SET rings = '[[[110, 40], [110' WHERE rowid = 2"),
        "row 2: rings",
    ),
    (
        "outline nested 100,000 deep",
        lambda f: edited(f, "UPDATE outlines SET rings = ? WHERE rowid = 2", params=("[" * 100_000 + "]" * 100_000,)),
        "row 2: rings",
    ),
    (
        "outline of the wrong shape",
        lambda f: edited(f, "UPDATE outlines SET rings = '[1, 2, 3]' WHERE rowid = 2"),
        "row 2: rings",
    ),
    (
        "outline with words",
        lambda f: edited(f, """UPDATE outlines SET rings = '[[["a", "b"]]]' WHERE rowid = 2"""),
        "row 2: rings",
    ),
    (
        "outline point of three numbers",
        lambda f: edited(
            f, "UPDATE outlines SET rings = '[[[110, 40, 1], [110, 41, 1], [111, 40, 1]]]' WHERE rowid = 2"
        ),
        "row 2: rings",
    ),
    (
        "port name not UTF-8",
        lambda f: edited(f, "UPDATE ports SET name_zh = CAST(X'E6BBA1FF' AS TEXT) WHERE rowid = 6"),
        "row 6: name_zh is not valid UTF-8",
    ),
    (
        "meta not UTF-8",
        lambda f: edited(f, "UPDATE meta SET value = CAST(X'C328' AS TEXT) WHERE key = 'title_zh'"),
        "is not valid UTF-8",
    ),
    (
        "passage not UTF-8",
        lambda f: edited(f, "UPDATE passages SET text = CAST(X'80808080' AS TEXT) WHERE rowid = 7"),
        "row 7: text is not valid UTF-8",
    ),
    (
        "schema_version 'one'",
        lambda f: edited(f, "UPDATE meta SET value = 'one' WHERE key = 'schema_version'"),
        "schema_version 'one' is not a whole number",
    ),
    (
        "schema_version '1e5'",
        lambda f: edited(f, "UPDATE meta SET value = '1e5' WHERE key = 'schema_version'"),
        "schema_version '1e5' is not a whole number",
    ),
    ("write-ahead log beside (read as SQLite reads it)", wal_beside, ""),
    ("unfinished journal beside (SQLite ignores a torn one)", journal_beside, ""),
    ("a named pipe as the write-ahead log", pipe_as_log, "-wal beside it, which is not a regular file"),
    ("named pipe", fifo, "named pipe"),
    ("device", device, "is a device"),
    (
        "duplicate port id",
        lambda f: relaxed(f, "INSERT INTO ports SELECT * FROM ports WHERE rowid = 3"),
        "appears more than once",
    ),
    (
        "figure citing no passage",
        lambda f: relaxed(f, "UPDATE observations SET passage_id = 'nowhere' WHERE rowid = 8"),
        "row 8: passage_id 'nowhere' names no row of 'passages'",
    ),
    (
        "figure of no subject",
        lambda f: relaxed(f, "UPDATE observations SET subject_id = 'nowhere' WHERE rowid = 8"),
        "names no port or place",
    ),
    (
        "proposal of no speaker",
        lambda f: relaxed(f, "UPDATE proposals SET delegate_id = 'nobody' WHERE rowid = 2"),
        "names no row of 'delegates'",
    ),
    (
        "unknown mode",
        lambda f: relaxed(f, "UPDATE ports SET mode = 'boat' WHERE rowid = 3"),
        "row 3: mode is not one of",
    ),
    (
        "unknown kind",
        lambda f: relaxed(f, "UPDATE observations SET kind = 'rumour' WHERE rowid = 3"),
        "row 3: kind is not one of",
    ),
    (
        "unknown level",
        lambda f: relaxed(f, "UPDATE places SET level = 'planet' WHERE rowid = 2"),
        "row 2: level is not one of",
    ),
    (
        "unknown body",
        lambda f: relaxed(f, "UPDATE delegates SET body = 'king' WHERE rowid = 2"),
        "row 2: body is not one of",
    ),
    (
        "garbage period",
        lambda f: edited(f, "UPDATE observations SET period = 'next spring' WHERE rowid = 3"),
        "row 3: period",
    ),
    ("damaged search index", damaged_index, ""),
    (
        "a figure's decimals of 10**9",
        lambda f: edited(f, "UPDATE observations SET decimals = 1000000000 WHERE rowid = 4"),
        "row 4: decimals",
    ),
    ("large file with an infinite figure", large_with_bad_figure, "value is not a finite number"),
    ("large file with a 2 MB passage", large_with_long_passage, "text is longer than 1,000,000 characters"),
    (
        "a trigger (never fires on reading)",
        lambda f: edited(f, "CREATE TRIGGER t AFTER INSERT ON ports BEGIN DELETE FROM ports; END"),
        "",
    ),
]
