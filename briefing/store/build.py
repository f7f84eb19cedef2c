"""Compile a curated folder into a briefing database with sqlite-utils, in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from briefing.atomic import replacing
from briefing.store import curated as curated_files
from briefing.store.curated_checks import check_positions
from briefing.store.errors import BuildError
from briefing.store.records import period_end_month
from briefing.store.schema import APPLICATION_ID, SCHEMA_VERSION, SEARCH_FTS_DDL, TABLES
from briefing.store.search_index import Doc, Indexer

SUBJECT_NAME_SEPARATOR = " · "
# The briefing.toml keys copied into meta; anything else there (a curator_note) stays in the folder.
META_KEYS = ("id", "title_zh", "title_en", "as_of", "source_id", "description", "description_en", "outlines")


def build(source_dir: Path, output: Path, outlines: Path | None = None) -> dict[str, int]:
    """Validate `source_dir`, then write `output` atomically; on any error nothing is written."""
    cur = curated_files.load(Path(source_dir))
    outline_rows = _read_outlines(outlines) if outlines else []
    check_positions(cur, [json.loads(row["rings"]) for row in outline_rows])
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with replacing(output, prefix=".building-", suffix=".sqlite") as temp:
            counts = _write(cur, temp, outline_rows)
    except sqlite3.Error as exc:  # validation should have caught it; still no traceback, no file
        raise BuildError(output, 0, f"could not be written ({exc})") from None
    except OSError as exc:
        raise BuildError(output, 0, f"could not be written ({exc.strerror})") from None
    return counts


def _read_outlines(path: Path) -> list[dict[str, Any]]:
    if Path(path).exists() and not Path(path).is_file():  # a pipe would never end the read
        raise BuildError(path, 0, f"cannot read map outlines: {curated_files.not_a_file(Path(path))}")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildError(path, 0, f"cannot read map outlines ({exc})") from None
    rows = []
    for feature in data.get("features", []):
        props, geometry = feature["properties"], feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [ring for polygon in polygons for ring in polygon]
        rows.append(
            {
                "id": str(props["adcode"]),
                "name_zh": props["name_zh"],
                "name_en": props.get("name_en", ""),
                "label_lon": float(props["label_lon"]),
                "label_lat": float(props["label_lat"]),
                "rings": json.dumps(rings, separators=(",", ":")),
            }
        )
    return rows


def sources_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(folder).iterdir()):
        if path.is_file() and path.suffix in {".csv", ".toml"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _built_at() -> str:
    # SOURCE_DATE_EPOCH makes the build time reproducible too, as reproducible-builds tools expect.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat()


def _create_tables(db: sqlite_utils.Database) -> None:
    for table in TABLES:
        pk = table.pk
        db.table(table.name).create(
            table.columns,
            pk=pk,
            not_null=set(table.not_null),
            foreign_keys=list(table.foreign_keys),
            strict=True,
        )
        for columns in table.indexes:
            db.table(table.name).create_index(list(columns))
    db.execute(SEARCH_FTS_DDL)


def _write(cur: curated_files.Curated, path: Path, outline_rows: list[dict[str, Any]]) -> dict[str, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=DELETE")
    with db.atomic():
        _create_tables(db)
        counts = _insert_all(db, cur, outline_rows)
        _index(db, cur)
        db.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise BuildError(cur.folder, 0, f"foreign key check failed: {problems[:3]}")
    db.vacuum()
    conn.close()
    return counts


def _insert_all(
    db: sqlite_utils.Database, cur: curated_files.Curated, outline_rows: list[dict[str, Any]]
) -> dict[str, int]:
    meta = {k: v for k, v in cur.meta.items() if k in META_KEYS}
    meta.update(
        schema_version=str(SCHEMA_VERSION),
        built_at=_built_at(),
        sources_sha256=sources_digest(cur.folder),
        data_through=data_through(cur),
    )
    db.table("meta").insert_all([{"key": k, "value": v} for k, v in sorted(meta.items())])
    db.table("sources").insert_all(
        {c: r[c] for c in ("id", "kind", "publisher", "published", "accessed", "title", "language", "url", "url_kind")}
        for r in cur.sources
    )
    article = cur.meta["source_id"]
    db.table("passages").insert_all(
        {"id": r["id"], "source_id": article, "section": r["section"], "position": i, "text": r.raw("text")}
        for i, r in enumerate(cur.passages, 1)
    )
    # the ports table's text columns, as the schema declares them (lat and lon are numbers, below)
    ports_table = next(table for table in TABLES if table.name == "ports")
    port_columns = [column for column, kind in ports_table.columns.items() if kind is str]
    db.table("ports").insert_all(
        {
            **{c: r[c] for c in port_columns},
            "lat": float(r["lat"]) if r["lat"] else None,
            "lon": float(r["lon"]) if r["lon"] else None,
        }
        for r in cur.ports
    )
    db.table("port_sources").insert_all(
        {"port_id": r["id"], "source_id": s, "role": role}
        for r in cur.ports
        for role, column in (("roster", "source_ids"), ("coordinate", "coord_source_ids"))
        for s in r.list(column)
    )
    db.table("places").insert_all({c: r[c] for c in ("id", "name_zh", "name_en", "level")} for r in cur.places)
    db.table("place_ports").insert_all(
        {"place_id": r["id"], "port_id": p} for r in cur.places for p in r.list("port_ids")
    )
    db.table("indicators").insert_all({c: r[c] for c in ("id", "name_zh", "name_en", "unit")} for r in cur.indicators)
    db.table("observations").insert_all(_observation_rows(cur), batch_size=5000)
    db.table("observation_inputs").insert_all(
        {"observation_id": oid, "input_id": ref} for oid, refs in cur.derived_inputs.items() for ref in refs
    )
    db.table("delegates").insert_all(
        {
            "id": r["id"],
            "name_zh": r["name_zh"],
            "body": r["body"],
            "titles": r.raw("titles").strip(),
            "passage_id": r["passage_id"] or None,
        }
        for r in cur.speakers
    )
    db.table("proposals").insert_all(
        (
            {
                "id": r["id"],
                "delegate_id": r["speaker_id"],
                "title_zh": r["title_zh"],
                "title_en": r["title_en"],
                "text_zh": r.raw("text_zh").strip(),
                "passage_id": r.list("passage_ids")[0],
                "topics": ";".join(r.list("topics")),
                "position": i,
            }
            for i, r in enumerate(cur.proposals, 1)
        ),
        batch_size=2000,
    )
    db.table("proposal_passages").insert_all(
        {"proposal_id": r["id"], "passage_id": p, "position": i}
        for r in cur.proposals
        for i, p in enumerate(r.list("passage_ids"), 1)
    )
    db.table("proposal_ports").insert_all(
        {"proposal_id": r["id"], "port_id": p} for r in cur.proposals for p in r.list("port_ids")
    )
    db.table("proposal_topics").insert_all(
        {"proposal_id": r["id"], "topic": t} for r in cur.proposals for t in dict.fromkeys(r.list("topics"))
    )
    if outline_rows:
        db.table("outlines").insert_all(outline_rows)
    return {
        "passages": len(cur.passages),
        "ports": len(cur.ports),
        "places": len(cur.places),
        "indicators": len(cur.indicators),
        "observations": len(cur.observations),
        "delegates": len(cur.speakers),
        "proposals": len(cur.proposals),
        "outlines": len(outline_rows),
    }


def data_through(cur: curated_files.Curated) -> str:
    """The month the latest figure's period ends in (targets are plans, not figures)."""
    months = [period_end_month(r["period"]) for r in cur.observations if r["kind"] != "target"]
    return max(months, default=period_end_month(cur.meta["as_of"]))


def _observation_rows(cur: curated_files.Curated) -> Iterator[dict[str, Any]]:
    article = cur.meta["source_id"]
    as_of = period_end_month(cur.meta["as_of"])
    passage_of = {}
    for position, r in enumerate(cur.observations, 1):
        passage_of[r["id"]] = r["passage_id"]
        derived = r["kind"] == "derived"
        passage_id = r["passage_id"] or None
        if derived and not passage_id:
            inputs = [passage_of.get(ref) for ref in cur.derived_inputs[r["id"]]]
            passage_id = next((p for p in inputs if p), None)
        decimals = int(r["decimals"]) if r["decimals"] else None
        value = cur.derived_values[r["id"]] if derived else float(r["value"])
        if derived and decimals is not None:
            value = round(value, decimals)  # never shown more precise than its inputs allow
        yield {
            "id": r["id"],
            "subject_id": r["subject_id"],
            "indicator_id": r["indicator_id"],
            "period": r["period"],
            "period_zh": r["period_zh"],
            "period_en": r["period_en"],
            "period_inferred": int(r["period_inferred"] == "yes"),
            "value": value,
            "decimals": decimals,
            "unit": r["unit"],
            "kind": r["kind"],
            "as_written": r["as_written"],
            "passage_id": passage_id,
            "source_id": r["source_id"] or article,
            "confidence": r["confidence"],
            "formula": r["formula"],
            "note_zh": r["note_zh"],
            "note_en": r["note_en"],
            "after_article": int(period_end_month(r["period"]) > as_of and r["kind"] != "target"),
            "position": position,
        }


def _index(db: sqlite_utils.Database, cur: curated_files.Curated) -> None:
    names = {r["id"]: r["name_zh"] for r in cur.ports}
    names.update({r["id"]: r["name_zh"] for r in cur.places})
    english = {r["id"]: r["name_en"] for r in cur.ports}
    english.update({r["id"]: r["name_en"] for r in cur.places})
    indicators = {r["id"]: r for r in cur.indicators}
    speakers = {r["id"]: r for r in cur.speakers}
    gazetteer = [n.removesuffix("口岸") for n in names.values()] + list(names.values())
    gazetteer += [r["name_zh"] for r in cur.speakers] + [r["name_zh"] for r in cur.indicators]
    gazetteer += [t for r in cur.proposals for t in r.list("topics")]
    indexer = Indexer(gazetteer)

    def docs() -> Iterator[Doc]:
        for r in cur.ports:
            body = " ".join(filter(None, [r["name_zh"], r["counterpart"], r["league_city"], r["county"], r["country"]]))
            in_english = " ".join(
                filter(
                    None,
                    [r["name_en"], r["counterpart_en"], r["county_en"], r["league_city_en"], r["country"], r["mode"]],
                )
            )
            yield Doc("port", r["id"], r["name_zh"], body, in_english)
        for r in cur.places:
            yield Doc("place", r["id"], r["name_zh"], r["name_zh"], r["name_en"])
        for r in cur.indicators:
            yield Doc("indicator", r["id"], r["name_zh"], f"{r['name_zh']} {r['unit']}", r["name_en"])
        # One document per series (a subject's figures for one indicator), not per figure: a
        # scaled briefing has a million figures, and a series is what a presenter looks for.
        series: dict[tuple[str, str], list[curated_files.Row]] = {}
        for r in cur.observations:
            series.setdefault((r["subject_id"], r["indicator_id"]), []).append(r)
        for (subject_id, indicator_id), rows in series.items():
            ind = indicators[indicator_id]
            figures = " ".join(
                f"{r['period_zh'] or r['period']} {r['as_written'] or r['value'] + r['unit']}" for r in rows
            )
            notes = " ".join(r["note_zh"] for r in rows if r["note_zh"])
            title = f"{names[subject_id]}{SUBJECT_NAME_SEPARATOR}{ind['name_zh']}"
            yield Doc(
                "series",
                f"{subject_id}/{indicator_id}",
                title,
                f"{ind['name_zh']} {figures} {notes}".strip(),
                f"{english[subject_id]} {ind['name_en']}",
            )
        for r in cur.speakers:
            yield Doc("delegate", r["id"], r["name_zh"], f"{r['name_zh']} {r.raw('titles')}")
        for r in cur.proposals:
            speaker = speakers[r["speaker_id"]]["name_zh"]
            port_names = " ".join(english[p] for p in r.list("port_ids"))
            body = f"{r.raw('text_zh')}\n{speaker} {' '.join(r.list('topics'))}"
            yield Doc("proposal", r["id"], r["title_zh"], body, port_names)
        for r in cur.passages:
            yield Doc("passage", r["id"], r["section"], r.raw("text"))

    doc_rows, fts_rows = [], []
    for rowid, doc in enumerate(docs(), 1):
        doc_rows.append({"rowid": rowid, "kind": doc.kind, "ref_id": doc.ref_id, "title": doc.title, "body": doc.body})
        bi, py, en = indexer.columns(doc)
        fts_rows.append((rowid, bi, py, en))
        if len(doc_rows) >= 5000:
            _flush(db, doc_rows, fts_rows)
    _flush(db, doc_rows, fts_rows)
    db.table("search_words").insert_all(
        {"word": w, "pinyin": p, "initials": i} for w, (p, i) in sorted(indexer.words.items())
    )


def _flush(db: sqlite_utils.Database, doc_rows: list[dict[str, Any]], fts_rows: list[tuple[Any, ...]]) -> None:
    db.table("search_docs").insert_all(doc_rows)
    db.conn.executemany("INSERT INTO search_fts(rowid, bi, py, en) VALUES (?, ?, ?, ?)", fts_rows)
    doc_rows.clear()
    fts_rows.clear()
