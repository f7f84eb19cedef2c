"""The briefing database's contract: tables, columns, keys and indexes, documented in db/SCHEMA.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SCHEMA_VERSION = 3
# PRAGMA application_id marks a file as a briefing ("BRF1" as a 32-bit integer).
APPLICATION_ID = 0x42524631


@dataclass(frozen=True)
class Table:
    name: str
    columns: dict[str, type]  # column -> str | int | float, in order
    pk: str | tuple[str, ...]
    not_null: frozenset[str]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)
    # Indexes are for speed, not content: the build creates them, and a file without one still opens
    # (opening.py checks tables and columns), only slower; so adding one needs no new schema version.
    indexes: tuple[tuple[str, ...], ...] = ()


def _t(
    name: str,
    columns: dict[str, type],
    pk: str | tuple[str, ...],
    not_null: set[str],
    foreign_keys: Iterable[tuple[str, str, str]] = (),
    indexes: Iterable[tuple[str, ...]] = (),
) -> Table:
    return Table(name, columns, pk, frozenset(not_null), tuple(foreign_keys), tuple(indexes))


TABLES: tuple[Table, ...] = (
    _t("meta", {"key": str, "value": str}, "key", {"key", "value"}),
    _t(
        "sources",
        {
            "id": str,
            "kind": str,
            "publisher": str,
            "published": str,
            "accessed": str,
            "title": str,
            "language": str,
            "url": str,
            "url_kind": str,
        },
        "id",
        {"id", "kind", "publisher", "title"},
    ),
    _t(
        "passages",
        {"id": str, "source_id": str, "section": str, "position": int, "text": str},
        "id",
        {"id", "source_id", "position", "text"},
        [("source_id", "sources", "id")],
        [("position",)],
    ),
    _t(
        "ports",
        {
            "id": str,
            "name_zh": str,
            "name_en": str,
            "mode": str,
            "country": str,
            "counterpart": str,
            "counterpart_en": str,
            "league_city": str,
            "league_city_en": str,
            "county": str,
            "county_en": str,
            "lat": float,
            "lon": float,
            "coord_precision": str,
            "position_zh": str,
            "position_en": str,
            "status_zh": str,
            "status_en": str,
        },
        "id",
        {"id", "name_zh", "name_en", "mode"},
    ),
    _t(
        "port_sources",
        {"port_id": str, "source_id": str, "role": str},
        ("port_id", "source_id", "role"),
        {"port_id", "source_id", "role"},
        [("port_id", "ports", "id"), ("source_id", "sources", "id")],
    ),
    _t("places", {"id": str, "name_zh": str, "name_en": str, "level": str}, "id", {"id", "name_zh", "level"}),
    _t(
        "place_ports",
        {"place_id": str, "port_id": str},
        ("place_id", "port_id"),
        {"place_id", "port_id"},
        [("place_id", "places", "id"), ("port_id", "ports", "id")],
    ),
    _t("indicators", {"id": str, "name_zh": str, "name_en": str, "unit": str}, "id", {"id", "name_zh"}),
    _t(
        "observations",
        {
            "id": str,
            "subject_id": str,
            "indicator_id": str,
            "period": str,
            "period_zh": str,
            "period_en": str,
            "period_inferred": int,
            "value": float,
            "decimals": int,
            "unit": str,
            "kind": str,
            "as_written": str,
            "passage_id": str,
            "source_id": str,
            "confidence": str,
            "formula": str,
            "note_zh": str,
            "note_en": str,
            "after_article": int,
            "position": int,
        },
        "id",
        {
            "id",
            "subject_id",
            "indicator_id",
            "period",
            "value",
            "kind",
            "source_id",
            "position",
            "period_inferred",
            "after_article",
        },
        [("indicator_id", "indicators", "id"), ("passage_id", "passages", "id"), ("source_id", "sources", "id")],
        # (passage_id, position): the figures citing a passage, in order, and how many (the sources tab)
        [("subject_id", "indicator_id", "period"), ("indicator_id", "subject_id"), ("passage_id", "position")],
    ),
    _t(
        "observation_inputs",
        {"observation_id": str, "input_id": str},
        ("observation_id", "input_id"),
        {"observation_id", "input_id"},
        [("observation_id", "observations", "id"), ("input_id", "observations", "id")],
    ),
    _t(
        "delegates",
        {"id": str, "name_zh": str, "body": str, "titles": str, "passage_id": str},
        "id",
        {"id", "name_zh", "body"},
        [("passage_id", "passages", "id")],
    ),
    _t(
        "proposals",
        {
            "id": str,
            "delegate_id": str,
            "title_zh": str,
            "title_en": str,
            "text_zh": str,
            "passage_id": str,
            "topics": str,
            "position": int,
        },
        "id",
        {"id", "delegate_id", "title_zh", "text_zh", "passage_id", "position"},
        [("delegate_id", "delegates", "id"), ("passage_id", "passages", "id")],
        [("delegate_id",)],
    ),
    _t(
        "proposal_passages",
        {"proposal_id": str, "passage_id": str, "position": int},
        ("proposal_id", "passage_id"),
        {"proposal_id", "passage_id", "position"},
        [("proposal_id", "proposals", "id"), ("passage_id", "passages", "id")],
    ),
    _t(
        "proposal_ports",
        {"proposal_id": str, "port_id": str},
        ("proposal_id", "port_id"),
        {"proposal_id", "port_id"},
        [("proposal_id", "proposals", "id"), ("port_id", "ports", "id")],
        [("port_id",)],
    ),
    _t(
        "proposal_topics",
        {"proposal_id": str, "topic": str},
        ("proposal_id", "topic"),
        {"proposal_id", "topic"},
        [("proposal_id", "proposals", "id")],
        [("topic",)],
    ),
    _t(
        "outlines",
        {"id": str, "name_zh": str, "name_en": str, "label_lon": float, "label_lat": float, "rings": str},
        "id",
        {"id", "name_zh", "label_lon", "label_lat", "rings"},
    ),
    _t(
        "search_docs",
        {"rowid": int, "kind": str, "ref_id": str, "title": str, "body": str},
        "rowid",
        {"rowid", "kind", "ref_id", "title", "body"},
        indexes=[("kind", "ref_id")],
    ),
    # Chinese words of the index with their pinyin, so a pinyin query can highlight what it found.
    _t(
        "search_words",
        {"word": str, "pinyin": str, "initials": str},
        "word",
        {"word", "pinyin", "initials"},
        indexes=[("pinyin",), ("initials",)],
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

# The search index: bigrams of Chinese text (bi), pinyin and initials (py), English words (en).
SEARCH_FTS_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(bi, py, en, content='', tokenize=\"unicode61 remove_diacritics 2\")"
)
