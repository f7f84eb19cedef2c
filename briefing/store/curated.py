"""Read and validate a briefing's curated source folder; stop at the first bad row with file:line."""

from __future__ import annotations

import ast
import csv
import math
import operator
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.store.curated_checks import check_audience_text, check_source
from briefing.store.errors import BuildError
from briefing.store.records import (
    BODIES,
    CONFIDENCES,
    KINDS,
    MODES,
    PLACE_LEVELS,
    PRECISIONS,
)

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_FORMULA_REF = re.compile(r"\{([^{}]+)\}")


@dataclass
class Row:
    """One CSV row with the line it starts on, so every error can point at it."""

    file: Path
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return (self.values.get(key) or "").strip()

    def raw(self, key: str) -> str:
        return self.values.get(key) or ""

    def fail(self, problem: str) -> BuildError:
        return BuildError(self.file, self.line, problem)

    def list(self, key: str) -> list[str]:
        items = [part.strip() for part in self[key].split(";") if part.strip()]
        for item in items:
            if items.count(item) > 1:
                raise self.fail(f"{key} lists {item!r} twice")
        return items


@dataclass
class Curated:
    """Everything a build needs, validated, in file order."""

    folder: Path
    meta: dict[str, str]
    sources: list[Row]
    passages: list[Row]
    ports: list[Row]
    places: list[Row]
    indicators: list[Row]
    observations: list[Row]
    derived_values: dict[str, float] = field(default_factory=dict)
    derived_inputs: dict[str, list[str]] = field(default_factory=dict)
    speakers: list[Row] = field(default_factory=list)
    proposals: list[Row] = field(default_factory=list)


REQUIRED_COLUMNS = {
    "sources.csv": ("id", "kind", "publisher", "published", "title", "language", "url", "url_kind", "curator_note"),
    "passages.csv": ("id", "section", "text"),
    "ports.csv": (
        "id",
        "name_zh",
        "name_en",
        "mode",
        "country",
        "counterpart",
        "counterpart_en",
        "league_city",
        "league_city_en",
        "county",
        "county_en",
        "lat",
        "lon",
        "coord_precision",
        "position_zh",
        "position_en",
        "status_zh",
        "status_en",
        "source_ids",
        "coord_source_ids",
        "curator_note",
    ),
    "places.csv": ("id", "name_zh", "name_en", "level", "port_ids"),
    "indicators.csv": ("id", "name_zh", "name_en", "unit"),
    "observations.csv": (
        "id",
        "subject_id",
        "indicator_id",
        "period",
        "period_zh",
        "period_en",
        "period_inferred",
        "value",
        "decimals",
        "unit",
        "kind",
        "as_written",
        "passage_id",
        "source_id",
        "confidence",
        "formula",
        "note_zh",
        "note_en",
        "curator_note",
    ),
    "speakers.csv": ("id", "name_zh", "body", "titles", "passage_id"),
    "proposals.csv": ("id", "speaker_id", "title_zh", "title_en", "text_zh", "passage_ids", "topics", "port_ids"),
}
# Columns the build never copies into the database: the curators' own notes.
CURATOR_COLUMNS = ("curator_note",)


def not_a_file(path: Path) -> str:
    """Why a curated file cannot be read: it is missing, or it is something else (a folder, a pipe
    or a device, which would block or never end) under that name."""
    return "is not a regular file (a folder, pipe or device)" if path.exists() else "file is missing"


def read_rows(folder: Path, name: str) -> list[Row]:
    path = folder / name
    if not path.is_file():
        raise BuildError(path, 0, not_a_file(path))
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED_COLUMNS[name] if c not in header]
            if missing:
                raise BuildError(path, 1, f"missing column(s): {', '.join(missing)}")
            rows, start = [], 2
            for values in reader:
                if None in values:
                    raise BuildError(path, start, "more cells than the header has columns")
                rows.append(Row(path, start, values))
                start = reader.line_num + 1
            return rows
    except UnicodeDecodeError as exc:
        raise BuildError(path, 0, f"not UTF-8 text ({exc.reason})") from None


def _unique_ids(rows: list[Row], seen: dict[str, Row] | None = None) -> dict[str, Row]:
    seen = {} if seen is None else seen
    for row in rows:
        ident = row["id"]
        if not ident:
            raise row.fail("id is empty")
        if not _ID.match(ident):
            raise row.fail(f"id {ident!r} must be lower-case ASCII letters, digits, '-', '.' or '_'")
        if ident in seen:
            other = seen[ident]
            raise row.fail(f"duplicate id {ident!r} (first at {other.file.name}:{other.line})")
        seen[ident] = row
    return seen


def _require(row: Row, *columns: str) -> None:
    for column in columns:
        if not row[column]:
            raise row.fail(f"{column} is empty")


def _one_of(row: Row, column: str, allowed: tuple[str, ...]) -> None:
    if row[column] not in allowed:
        raise row.fail(f"{column} {row[column]!r} is not one of {', '.join(allowed)}")


def _known(row: Row, column: str, ident: str, known: dict[str, Row] | set[str], what: str) -> None:
    if ident not in known:
        raise row.fail(f"unknown {what} {ident!r} in {column}")


def load(folder: Path) -> Curated:
    """Read every file of a curated folder and check it; raise BuildError at the first problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BuildError(folder, 0, "not a folder of curated briefing files")
    meta = _load_meta(folder)
    cur = Curated(
        folder=folder,
        meta=meta,
        sources=read_rows(folder, "sources.csv"),
        passages=read_rows(folder, "passages.csv"),
        ports=read_rows(folder, "ports.csv"),
        places=read_rows(folder, "places.csv"),
        indicators=read_rows(folder, "indicators.csv"),
        observations=read_rows(folder, "observations.csv"),
        speakers=read_rows(folder, "speakers.csv"),
        proposals=read_rows(folder, "proposals.csv"),
    )
    sources = _unique_ids(cur.sources)
    for row in cur.sources:
        check_source(row)
    if meta["source_id"] not in sources:
        raise BuildError(folder / "briefing.toml", 0, f"source_id {meta['source_id']!r} is not in sources.csv")
    passages = _unique_ids(cur.passages)
    for row in cur.passages:
        _require(row, "text")
    ports = _check_ports(cur.ports, sources)
    subjects = dict(ports)
    places = _unique_ids(cur.places, subjects)
    for row in cur.places:
        _require(row, "name_zh")
        _one_of(row, "level", PLACE_LEVELS)
        for port_id in row.list("port_ids"):
            _known(row, "port_ids", port_id, ports, "port")
    del places
    indicators = _unique_ids(cur.indicators)
    for row in cur.indicators:
        _require(row, "name_zh")
    _check_observations(cur, subjects, indicators, passages, sources)
    speakers = _unique_ids(cur.speakers)
    for row in cur.speakers:
        _require(row, "name_zh")
        _one_of(row, "body", BODIES)
        if row["passage_id"]:
            _known(row, "passage_id", row["passage_id"], passages, "passage")
    _unique_ids(cur.proposals)
    for row in cur.proposals:
        _check_proposal(row, speakers, passages, ports)
    check_audience_text(cur)
    return cur


def _load_meta(folder: Path) -> dict[str, str]:
    path = folder / "briefing.toml"
    if not path.is_file():
        raise BuildError(path, 0, not_a_file(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BuildError(path, 0, f"not valid TOML ({exc})") from None
    for key in ("id", "title_zh", "as_of", "source_id"):
        if not str(data.get(key, "")).strip():
            raise BuildError(path, 0, f"{key} is missing")
    return {key: str(value) for key, value in data.items()}


def _number(row: Row, column: str, low: float, high: float) -> float:
    text = row[column]
    try:
        number = float(text)
    except ValueError:
        raise row.fail(f"{column} {text!r} is not a number") from None
    if not (low <= number <= high) or math.isnan(number):
        raise row.fail(f"{column} {text!r} is outside {low:g}..{high:g}")
    return number


def _check_ports(rows: list[Row], sources: dict[str, Row]) -> dict[str, Row]:
    ports = _unique_ids(rows)
    for row in rows:
        _require(row, "name_zh", "name_en")
        _one_of(row, "mode", MODES)
        has_lat, has_lon = bool(row["lat"]), bool(row["lon"])
        if has_lat != has_lon:
            raise row.fail("a coordinate needs both lat and lon, or neither")
        if has_lat:
            _number(row, "lat", -90, 90)
            _number(row, "lon", -180, 180)
            _one_of(row, "coord_precision", PRECISIONS)
            if not row.list("coord_source_ids"):
                raise row.fail("a coordinate needs coord_source_ids")
        elif row["coord_precision"]:
            raise row.fail("coord_precision is set but the port has no coordinate")
        for column in ("source_ids", "coord_source_ids"):
            for source_id in row.list(column):
                _known(row, column, source_id, sources, "source")
    return ports


def _check_observations(
    cur: Curated,
    subjects: dict[str, Row],
    indicators: dict[str, Row],
    passages: dict[str, Row],
    sources: dict[str, Row],
) -> None:
    observations = _unique_ids(cur.observations)
    passage_text = {pid: row.raw("text") for pid, row in passages.items()}
    for row in cur.observations:
        _require(row, "subject_id", "indicator_id", "period", "kind")
        _known(row, "subject_id", row["subject_id"], subjects, "port or place")
        _known(row, "indicator_id", row["indicator_id"], indicators, "indicator")
        _one_of(row, "kind", KINDS)
        passage_id, source_id = row["passage_id"], row["source_id"]
        if passage_id:
            _known(row, "passage_id", passage_id, passages, "passage")
        if source_id:
            _known(row, "source_id", source_id, sources, "source")
        if not passage_id and not source_id:
            raise row.fail("an observation needs a passage_id or a source_id")
        _check_figure_fields(row, sources)
        if row["kind"] == "derived":
            if not row["formula"]:
                raise row.fail("a derived observation needs a formula")
            if row["value"]:
                raise row.fail("leave value empty for a derived observation: the build computes it")
            continue
        _number(row, "value", -1e18, 1e18)
        if passage_id:
            written = row["as_written"]
            if not written:
                raise row.fail("as_written is empty: give the figure as the passage writes it")
            if written not in passage_text[passage_id]:
                raise row.fail(f"{written!r} does not appear in passage {passage_id}")
            if row["value"] not in written:
                raise row.fail(f"value {row['value']!r} does not appear in {written!r}")
    _compute_derived(cur, observations)


def _check_figure_fields(row: Row, sources: dict[str, Row]) -> None:
    _require(row, "period_en")
    if row["period_inferred"] not in ("", "yes", "no"):
        raise row.fail(f"period_inferred {row['period_inferred']!r} is not yes, no or empty")
    if row["decimals"]:
        if row["kind"] != "derived":
            raise row.fail("decimals is for a derived value only: other values stand as written")
        if not re.fullmatch(r"-?\d", row["decimals"]):
            raise row.fail(f"decimals {row['decimals']!r} is not a whole number from -9 to 9")
    confidence = row["confidence"]
    if confidence:
        _one_of(row, "confidence", CONFIDENCES)
    if confidence == "high":
        if row["kind"] in ("lower_bound", "approximate"):
            raise row.fail(f"confidence high for a {row['kind'].replace('_', ' ')}: at most medium")
        source = sources.get(row["source_id"])
        if source is not None and source["url_kind"] in ("repost", "mirror"):
            raise row.fail(
                f"confidence high for a figure read from a {source['url_kind']} ({source['id']}): at most medium"
            )


def _compute_derived(cur: Curated, observations: dict[str, Row]) -> None:
    """Evaluate every derived formula over the values it names, following chains of derivation."""
    pending = [row for row in cur.observations if row["kind"] == "derived"]
    for row in pending:
        refs = _FORMULA_REF.findall(row["formula"])
        if not refs:
            raise row.fail("formula names no observation; write inputs as {observation-id}")
        for ref in refs:
            _known(row, "formula", ref, observations, "observation")
        cur.derived_inputs[row["id"]] = list(dict.fromkeys(refs))
    for _ in range(len(pending) + 1):
        progressed = False
        for row in pending:
            if row["id"] in cur.derived_values:
                continue
            values = {}
            for ref in cur.derived_inputs[row["id"]]:
                source = observations[ref]
                if source["kind"] == "derived":
                    if ref not in cur.derived_values:
                        break
                    values[ref] = cur.derived_values[ref]
                else:
                    values[ref] = float(source["value"])
            else:
                cur.derived_values[row["id"]] = _evaluate(row, values)
                progressed = True
        if not progressed:
            break
    for row in pending:
        if row["id"] not in cur.derived_values:
            raise row.fail("formula depends on itself through other derived observations")


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _evaluate(row: Row, values: dict[str, float]) -> float:
    """Arithmetic only (+ - * / and brackets): a formula in a data file must never run code."""
    names = {f"v{i}": ref for i, ref in enumerate(values)}
    text = row["formula"]
    for name, ref in names.items():
        text = text.replace("{" + ref + "}", name)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        raise row.fail(f"formula {row['formula']!r} is not arithmetic") from None

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return float(_OPS[type(node.op)](walk(node.left), walk(node.right)))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in names:
            return values[names[node.id]]
        raise row.fail(f"formula {row['formula']!r} may use only numbers, + - * / and {{ids}}")

    try:
        return walk(tree)
    except ZeroDivisionError:
        raise row.fail(f"formula {row['formula']!r} divides by zero") from None


def _check_proposal(row: Row, speakers: dict[str, Row], passages: dict[str, Row], ports: dict[str, Row]) -> None:
    _require(row, "speaker_id", "title_zh", "text_zh", "passage_ids")
    _known(row, "speaker_id", row["speaker_id"], speakers, "speaker")
    cited = row.list("passage_ids")
    for passage_id in cited:
        _known(row, "passage_ids", passage_id, passages, "passage")
    for port_id in row.list("port_ids"):
        _known(row, "port_ids", port_id, ports, "port")
    texts = [passages[pid].raw("text") for pid in cited]
    for paragraph in re.split(r"\n\s*\n", row.raw("text_zh").strip()):
        paragraph = paragraph.strip()
        if paragraph and not any(paragraph in text for text in texts):
            raise row.fail(f"text {paragraph[:20]!r}… is not found verbatim in passages {', '.join(cited)}")
