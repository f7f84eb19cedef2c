"""The values of a briefing from elsewhere, checked (see boundary.py for the whole boundary and why
each limit is what it is): numbers finite and in range, text of a sane length and valid UTF-8, codes
among the allowed values, periods as dates, ids unique, links pointing at rows that exist, outlines
JSON of the expected shape. Each check names the file, the table, the row and the problem in one
line (BriefingError); SQL aggregates do the scanning where SQLite can, Python only where it cannot.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from pathlib import Path

from briefing.store.errors import BriefingError
from briefing.store.records import BODIES, CONFIDENCES, KINDS, MODES, PLACE_LEVELS, PRECISIONS, SOURCE_KINDS, URL_KINDS
from briefing.store.schema import SCHEMA_VERSION, TABLES, Table

NAME_LIMIT = 1_000
TEXT_LIMIT = 10_000
LONG_TEXT_LIMIT = 1_000_000
RINGS_LIMIT = 16_000_000
VALUE_LIMIT = 1e18

ROLES = ("roster", "coordinate")
SEARCH_KINDS = ("port", "place", "indicator", "series", "delegate", "proposal", "passage")
# Allowed values: (table, column) -> the values, or None for "any"; empty text and NULL are
# judged by the contract's required columns, not here.
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {
    ("ports", "mode"): MODES,
    ("ports", "coord_precision"): PRECISIONS,
    ("places", "level"): PLACE_LEVELS,
    ("delegates", "body"): BODIES,
    ("observations", "kind"): KINDS,
    ("port_sources", "role"): ROLES,
    ("search_docs", "kind"): SEARCH_KINDS,
    ("observations", "confidence"): CONFIDENCES,
    ("sources", "kind"): SOURCE_KINDS,
    ("sources", "url_kind"): URL_KINDS,
}
DECIMALS_LIMIT = 20  # a derived figure's decimals: a double holds 17 significant digits; 10**9 would be a 1 GB string
RANGES: dict[str, tuple[float, float]] = {
    "decimals": (0, DECIMALS_LIMIT),
    "period_inferred": (0, 1),
    "after_article": (0, 1),
    "lat": (-90.0, 90.0),
    "lon": (-180.0, 180.0),
    "label_lat": (-90.0, 90.0),
    "label_lon": (-180.0, 180.0),
}
PERIOD_GLOBS = ("[0-9][0-9][0-9][0-9]", "[0-9][0-9][0-9][0-9]-[01][0-9]", "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]")
_PERIOD = re.compile(r"[0-9]{4}(-[01][0-9](-[0-3][0-9])?)?")
_LONG_COLUMNS = re.compile(r"(^|_)(text|body|note|notes|status|description|titles)(_[a-z]{2})?$")
# Tables the viewer reads in pieces on a large briefing: scanned at open only for a small file (and
# by `briefing check`); otherwise their records are checked as they are read (check_observation).
LARGE_TABLES = frozenset(
    {
        "observations",
        "observation_inputs",
        "passages",
        "proposals",
        "proposal_passages",
        "proposal_ports",
        "proposal_topics",
        "search_docs",
        "search_words",
    }
)


def check_meta(conn: sqlite3.Connection, path: Path) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return
    value = row[0]
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{1,6}", value.strip()):
        raise BriefingError(path, f"table 'meta': schema_version {_quoted(value)} is not a whole number")
    if int(value) != SCHEMA_VERSION:
        raise BriefingError(
            path, f"table 'meta': schema_version {int(value)} does not match the file's version {SCHEMA_VERSION}"
        )


def _quoted(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


# -- the values, in SQL ------------------------------------------------------------------------


def text_limit(table: str, column: str) -> int:
    if (table, column) == ("outlines", "rings"):
        return RINGS_LIMIT
    if _LONG_COLUMNS.search(column):
        return LONG_TEXT_LIMIT
    return NAME_LIMIT if column.startswith(("name", "title")) else TEXT_LIMIT


def _value_rules(table: Table, present: set[str]) -> list[tuple[str, str, str]]:
    """(column, SQL condition true for a bad row, problem) for the values of one table."""
    rules: list[tuple[str, str, str]] = []
    for column, kind in table.columns.items():
        if column not in present:
            continue
        q = f'"{column}"'
        if kind is str:
            limit = text_limit(table.name, column)
            rules.append((column, f"length({q}) > {limit}", f"is longer than {limit:,} characters"))
            allowed = ALLOWED.get((table.name, column))
            if allowed:
                listed = ", ".join(f"'{a}'" for a in allowed)
                rules.append((column, f"{q} <> '' AND {q} NOT IN ({listed})", f"is not one of {', '.join(allowed)}"))
        else:
            low, high = RANGES.get(column, (-VALUE_LIMIT, VALUE_LIMIT))
            rules.append(
                (
                    column,
                    f"typeof({q}) IN ('real', 'integer') AND NOT ({q} BETWEEN {low!r} AND {high!r})",
                    f"is not a finite number between {low:g} and {high:g}",
                )
            )
    if table.name == "observations" and "period" in present:
        # the byte length too: GLOB stops at a NUL character, so '2024\0anything' would pass it alone
        globs = " OR ".join(
            f"(period GLOB '{g}' AND length(CAST(period AS BLOB)) = {n})" for g, n in zip(PERIOD_GLOBS, (4, 7, 10))
        )
        rules.append(("period", f"NOT ({globs})", "is not a year, a month (YYYY-MM) or a day (YYYY-MM-DD)"))
    if table.name == "ports" and {"lat", "lon"} <= present:
        rules.append(("lat", "(lat IS NULL) <> (lon IS NULL)", "and lon must both be given or both be empty"))
    return rules


def check_values(conn: sqlite3.Connection, path: Path, tables: tuple[Table, ...]) -> None:
    """One pass over each table, all its rules at once: the first bad row of each rule is found by
    SQLite, and only a table with a bad row costs a second look."""
    for table in tables:
        present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        rules = _value_rules(table, present)
        if not rules:
            continue
        firsts = ", ".join(f"min(rowid) FILTER (WHERE {condition})" for _column, condition, _problem in rules)
        found = conn.execute(f'SELECT {firsts} FROM "{table.name}"').fetchone()
        for (column, _condition, problem), row in zip(rules, found):
            if row is not None:
                raise BriefingError(path, f"table {table.name!r}, row {row}: {column} {problem}")


def check_links(conn: sqlite3.Connection, path: Path) -> None:
    """Ids unique where the file does not enforce it; every link pointing at a row that exists."""
    for table in TABLES:
        keys = (table.pk,) if isinstance(table.pk, str) else table.pk
        if keys == ("rowid",) or _declared_unique(conn, table.name, keys):
            continue
        columns = ", ".join(f'"{k}"' for k in keys)
        row = conn.execute(
            f'SELECT min(rowid), {columns} FROM "{table.name}" GROUP BY {columns} HAVING count(*) > 1 LIMIT 1'
        ).fetchone()
        if row is not None:
            raise BriefingError(
                path,
                f"table {table.name!r}, row {row[0]}: {'/'.join(keys)} "
                f"{_quoted('/'.join(map(str, row[1:])))} appears more than once",
            )
    for table in TABLES:
        for column, other, other_column in table.foreign_keys:
            row = conn.execute(
                f'SELECT rowid, "{column}" FROM "{table.name}" WHERE "{column}" IS NOT NULL AND "{column}" '
                f'NOT IN (SELECT "{other_column}" FROM "{other}") LIMIT 1'
            ).fetchone()
            if row is not None:
                raise BriefingError(
                    path, f"table {table.name!r}, row {row[0]}: {column} {_quoted(row[1])} names no row of {other!r}"
                )
    row = conn.execute(
        "SELECT rowid, subject_id FROM observations WHERE subject_id NOT IN (SELECT id FROM ports) "
        "AND subject_id NOT IN (SELECT id FROM places) LIMIT 1"
    ).fetchone()
    if row is not None:
        raise BriefingError(
            path, f"table 'observations', row {row[0]}: subject_id {_quoted(row[1])} names no port or place"
        )


def _declared_unique(conn: sqlite3.Connection, table: str, keys: tuple[str, ...]) -> bool:
    for _seq, name, unique, *_rest in conn.execute(f'PRAGMA index_list("{table}")'):
        if unique and tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')) == keys:
            return True
    return False


# -- text, in Python (SQLite cannot tell valid UTF-8) --------------------------------------------


def check_text(conn: sqlite3.Connection, path: Path, tables: tuple[Table, ...], chunk: int = 50_000) -> None:
    """Every text value of these tables decodes as UTF-8. Read a chunk of rows per statement, so each
    stays within the time budget however large the table; decoded by sqlite3 itself (in C), and a
    chunk that fails is read again as bytes to name the row."""
    for table in tables:
        present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        columns = [c for c, kind in table.columns.items() if kind is str and c in present]
        if not columns:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        select = f'SELECT rowid, {quoted} FROM "{table.name}" WHERE rowid > ? ORDER BY rowid LIMIT {chunk}'
        last = -(2**63)
        while True:
            try:
                rows = conn.execute(select, (last,)).fetchall()
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                _name_undecodable(conn, path, table.name, columns, select, last)
                raise
            if len(rows) < chunk:
                break
            last = rows[-1][0]


def _name_undecodable(
    conn: sqlite3.Connection, path: Path, table: str, columns: list[str], select: str, last: int
) -> None:
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        rows = conn.execute(select, (last,)).fetchall()
    finally:
        conn.text_factory = previous
    for row in rows:
        for column, value in zip(columns, row[1:]):
            if isinstance(value, bytes):
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    raise BriefingError(
                        path, f"table {table!r}, row {row[0]}: {column} is not valid UTF-8 text"
                    ) from None


# -- records as they are read (large files) -----------------------------------------------------


def observation_problem(value: object, kind: str, period: str, decimals: object = None) -> str:
    """What is wrong with a figure read from a file that was not scanned whole at open, or ""."""
    if decimals is not None and (not isinstance(decimals, int) or not 0 <= decimals <= DECIMALS_LIMIT):
        return f"decimals is not a whole number between 0 and {DECIMALS_LIMIT}"
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (isinstance(value, float) and not math.isfinite(value))
        or abs(value) > VALUE_LIMIT
    ):
        return f"value is not a finite number between {-VALUE_LIMIT:g} and {VALUE_LIMIT:g}"
    if kind not in KINDS:
        return f"kind is not one of {', '.join(KINDS)}"
    if not isinstance(period, str) or not _PERIOD.fullmatch(period):
        return "period is not a year, a month (YYYY-MM) or a day (YYYY-MM-DD)"
    return ""


# -- outlines ----------------------------------------------------------------------------------

_RINGS_CHARACTERS = re.compile(r"[\[\]0-9eE.,+\-]*")


def parse_rings(text: object) -> tuple[tuple[tuple[float, float], ...], ...]:
    """An outline's rings from its JSON, or ValueError saying what is wrong. Only brackets, numbers
    and commas are accepted, and no more than three levels of brackets, before the parser runs."""
    if not isinstance(text, str):
        raise ValueError("is not text")
    if len(text) > RINGS_LIMIT:
        raise ValueError(f"is longer than {RINGS_LIMIT:,} characters")
    compact = "".join(text.split())
    if not _RINGS_CHARACTERS.fullmatch(compact):
        raise ValueError("is not a JSON list of rings of [lon, lat] numbers")
    if "[[[[" in compact:
        raise ValueError("is nested deeper than rings of [lon, lat] points")
    try:
        data = json.loads(compact)
    except (ValueError, RecursionError):
        raise ValueError("is not valid JSON") from None
    if not isinstance(data, list):
        raise ValueError("is not a list of rings")
    rings = []
    for ring in data:
        if not isinstance(ring, list) or len(ring) < 3:
            raise ValueError("has a ring that is not a list of at least three points")
        points = []
        for point in ring:
            if not isinstance(point, list) or len(point) != 2:
                raise ValueError("has a point that is not [lon, lat]")
            lon, lat = point
            if not (
                isinstance(lon, (int, float))
                and isinstance(lat, (int, float))
                and -180 <= lon <= 180
                and -90 <= lat <= 90
            ):
                raise ValueError("has a point off the Earth (lon within ±180, lat within ±90)")
            points.append((float(lon), float(lat)))
        rings.append(tuple(points))
    return tuple(rings)


def check_outlines(conn: sqlite3.Connection, path: Path) -> None:
    for rowid, rings in conn.execute("SELECT rowid, rings FROM outlines"):
        try:
            parse_rings(rings)
        except ValueError as exc:
            raise BriefingError(path, f"table 'outlines', row {rowid}: rings {exc}") from None
