"""Every SQL statement the viewer runs: an open briefing, read-only, returning frozen records."""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import Any

from briefing.store import boundary, value_checks
from briefing.store import search as search_module
from briefing.store.errors import BriefingError
from briefing.store.opening import FULL_CHECK_BYTES, connect_readonly, verify_pages
from briefing.store.records import (
    Delegate,
    Indicator,
    Observation,
    Outline,
    Passage,
    Place,
    Port,
    Proposal,
    SearchHit,
    Source,
    Subject,
    Summary,
)

# A query longer than this is cut here: no one types one, and a pasted page would build an FTS or
# LIKE pattern SQLite refuses as too complex.
MAX_QUERY = 200


def open_briefing(path: Path | str, full_check: bool | None = None) -> Briefing:
    """Open read-only. `full_check`: read every page now (True), or only for small files (None)."""
    return Briefing(Path(path), full_check)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in (text or "").split(";") if part)


class Briefing:
    """A briefing database opened read-only. Lists are read once and kept; the file never changes."""

    def __init__(self, path: Path, full_check: bool | None = None) -> None:
        self.path = Path(path)
        self._conn = connect_readonly(self.path, full_check)
        # A small file was checked whole at open; a large one's figures are checked as they are read.
        self._scanned = full_check if full_check is not None else (self.path.stat().st_size <= FULL_CHECK_BYTES)

    def close(self) -> None:
        self._conn.close()

    def verify(self) -> None:
        """Read and check every page (what opening skips for a large file); BriefingError if damaged."""
        try:
            verify_pages(self._conn, self.path)
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, boundary.describe(exc, self._conn)) from None
        try:
            boundary.check_briefing(self._conn, self.path, whole=True)
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, boundary.describe(exc, self._conn)) from None

    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        try:
            rows: list[sqlite3.Row] = self._conn.execute(sql, params).fetchall()
            return rows
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, boundary.describe(exc, self._conn)) from None

    def _checked(self, table: str, rows: list[sqlite3.Row], columns: dict[int, str]) -> list[sqlite3.Row]:
        """A large file's rows checked for over-long text as they are read (a small file, and every
        table the viewer reads whole, was checked at open); column 0 is the row's id."""
        if not self._scanned:
            for row in rows:
                for position, column in columns.items():
                    limit = value_checks.text_limit(table, column)
                    if isinstance(row[position], str) and len(row[position]) > limit:
                        raise BriefingError(
                            self.path, f"table {table!r}, id {row[0]!r}: {column} is longer than {limit:,} characters"
                        )
        return rows

    def _passage_rows(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        return self._checked("passages", self._rows(sql, params), {2: "section", 4: "text"})

    # -- metadata ---------------------------------------------------------------------------

    @cached_property
    def meta(self) -> dict[str, str]:
        return {str(key): str(value) for key, value in self._rows("SELECT key, value FROM meta")}

    def summary(self) -> Summary:
        ((ports,),) = self._rows("SELECT count(*) FROM ports")
        ((observations,),) = self._rows("SELECT count(*) FROM observations")
        ((proposals,),) = self._rows("SELECT count(*) FROM proposals")
        ((delegates,),) = self._rows("SELECT count(*) FROM delegates")
        ((passages,),) = self._rows("SELECT count(*) FROM passages")
        meta = self.meta
        return Summary(
            title_zh=meta.get("title_zh", ""),
            title_en=meta.get("title_en", ""),
            as_of=meta.get("as_of", ""),
            data_through=meta.get("data_through", ""),
            schema_version=_whole(meta.get("schema_version", "0")),
            built_at=meta.get("built_at", ""),
            ports=ports,
            observations=observations,
            proposals=proposals,
            delegates=delegates,
            passages=passages,
        )

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    # -- sources and passages ---------------------------------------------------------------

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        return tuple(
            Source(*r)
            for r in self._rows(
                "SELECT id, kind, publisher, coalesce(published,''), coalesce(accessed,''), title, coalesce(language,''), coalesce(url,''), "
                "coalesce(url_kind,'') FROM sources ORDER BY id = ? DESC, id",
                (self.meta.get("source_id", ""),),
            )
        )

    def source(self, source_id: str) -> Source | None:
        return self._by_id("sources").get(source_id)

    def _by_id(self, name: str) -> dict[str, Any]:
        """A cached id -> record map of one of the lists above, so lookups do not scan the list."""
        cache = self.__dict__.setdefault("_id_maps", {})
        if name not in cache:
            found: dict[str, Any] = {}
            for record in getattr(self, name):
                found.setdefault(record.id, record)  # the first, as a scan of the list would find
            cache[name] = found
        by_id: dict[str, Any] = cache[name]
        return by_id

    def passages(self) -> tuple[Passage, ...]:
        return tuple(
            Passage(*r)
            for r in self._passage_rows(
                "SELECT id, source_id, coalesce(section,''), position, text FROM passages ORDER BY position"
            )
        )

    def passage(self, passage_id: str) -> Passage | None:
        rows = self._passage_rows(
            "SELECT id, source_id, coalesce(section,''), position, text FROM passages WHERE id = ?", (passage_id,)
        )
        return Passage(*rows[0]) if rows else None

    # A large article is read a page of passages at a time (the sources tab): counted and fetched by
    # ordinal (0 = the first passage in reading order), optionally of one source only.

    def _of_source(self, source_id: str | None) -> tuple[str, tuple[object, ...]]:
        return ("WHERE source_id = ? ", (source_id,)) if source_id is not None else ("", ())

    def passage_count(self, source_id: str | None = None) -> int:
        where, params = self._of_source(source_id)
        ((count,),) = self._rows("SELECT count(*) FROM passages " + where, params)
        return int(count)

    def passages_page(self, first: int, count: int, source_id: str | None = None) -> tuple[Passage, ...]:
        """Up to `count` passages in reading order, from the `first` (an ordinal, from 0)."""
        where, params = self._of_source(source_id)
        return tuple(
            Passage(*r)
            for r in self._passage_rows(
                "SELECT id, source_id, coalesce(section,''), position, text FROM passages "
                + where
                + "ORDER BY position LIMIT ? OFFSET ?",
                (*params, max(count, 0), max(first, 0)),
            )
        )

    def passage_ordinal(self, passage_id: str, source_id: str | None = None) -> int | None:
        """How many passages (of `source_id`, if given) come before this one; None if there is no such
        passage (or it belongs to another source)."""
        found = self.passage(passage_id)
        if found is None or (source_id is not None and found.source_id != source_id):
            return None
        where, params = self._of_source(source_id)
        where = (where + "AND " if where else "WHERE ") + "position < ?"
        ((before,),) = self._rows("SELECT count(*) FROM passages " + where, (*params, found.position))
        return int(before)

    def passage_sections(self, source_id: str | None = None) -> tuple[tuple[str, int], ...]:
        """(section, ordinal of its first passage) for every run of passages under one heading."""
        where, params = self._of_source(source_id)
        runs, previous = [], None
        try:  # one pass in reading order (twice as fast as SQL window functions over 60,000 rows)
            for ordinal, (section,) in enumerate(
                self._conn.execute("SELECT coalesce(section,'') FROM passages " + where + "ORDER BY position", params)
            ):
                if section != previous:
                    runs.append((section, ordinal))
                    previous = section
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, boundary.describe(exc, self._conn)) from None
        return tuple(runs)

    def port_sources(self, port_id: str) -> tuple[tuple[str, Source], ...]:
        """(role, source) pairs behind a port's roster entry and its coordinate."""
        by_id = {s.id: s for s in self.sources}
        return tuple(
            (role, by_id[sid])
            for role, sid in self._rows(
                "SELECT role, source_id FROM port_sources WHERE port_id = ? ORDER BY role DESC, source_id", (port_id,)
            )
            if sid in by_id
        )

    # -- ports, places, indicators ----------------------------------------------------------

    @cached_property
    def ports(self) -> tuple[Port, ...]:
        return tuple(
            Port(*r)
            for r in self._rows(
                "SELECT id, name_zh, name_en, mode, coalesce(country,''), coalesce(counterpart,''), "
                "coalesce(counterpart_en,''), coalesce(league_city,''), coalesce(league_city_en,''), "
                "coalesce(county,''), coalesce(county_en,''), lat, lon, coalesce(coord_precision,''), "
                "coalesce(position_zh,''), coalesce(position_en,''), coalesce(status_zh,''), coalesce(status_en,'') "
                "FROM ports ORDER BY rowid"
            )
        )

    def port(self, port_id: str) -> Port | None:
        return self._by_id("ports").get(port_id)

    @cached_property
    def places(self) -> tuple[Place, ...]:
        members: dict[str, list[str]] = {}
        for place_id, port_id in self._rows("SELECT place_id, port_id FROM place_ports ORDER BY rowid"):
            members.setdefault(place_id, []).append(port_id)
        return tuple(
            Place(pid, zh, en or "", level, tuple(members.get(pid, ())))
            for pid, zh, en, level in self._rows("SELECT id, name_zh, name_en, level FROM places ORDER BY rowid")
        )

    @cached_property
    def subjects(self) -> tuple[Subject, ...]:
        """Ports, then places, each once: everything an observation can be about."""
        return tuple(Subject(p.id, "port", p.name_zh, p.name_en) for p in self.ports) + tuple(
            Subject(p.id, p.level, p.name_zh, p.name_en) for p in self.places
        )

    def subject(self, subject_id: str) -> Subject | None:
        return self._by_id("subjects").get(subject_id)

    def place(self, place_id: str) -> Place | None:
        return self._by_id("places").get(place_id)

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(
            Indicator(i, zh, en or "", unit or "")
            for i, zh, en, unit in self._rows("SELECT id, name_zh, name_en, unit FROM indicators ORDER BY rowid")
        )

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self._by_id("indicators").get(indicator_id)

    # -- observations -----------------------------------------------------------------------

    _OBS = (
        "SELECT o.id, o.subject_id, o.indicator_id, o.period, coalesce(o.period_zh,''), o.value, "
        "coalesce(o.unit,''), o.kind, coalesce(o.as_written,''), o.passage_id, o.source_id, "
        "coalesce(o.confidence,''), coalesce(o.formula,''), coalesce(o.note_zh,''), "
        "(SELECT group_concat(input_id, ';') FROM observation_inputs i WHERE i.observation_id = o.id), "
        "coalesce(o.note_en,''), coalesce(o.period_en,''), o.period_inferred, o.decimals, o.after_article "
        "FROM observations o "
    )

    def _observations(self, where: str, params: tuple[object, ...]) -> tuple[Observation, ...]:
        rows = self._rows(self._OBS + where, params)
        if not self._scanned:  # a large file: each figure is checked here, as it is read
            for r in rows:
                problem = value_checks.observation_problem(r[5], r[7], r[3], r[18])
                if problem:
                    raise BriefingError(self.path, f"table 'observations', id {r[0]!r}: {problem}")
        # the first 14 columns are Observation's first 14 fields, in order (_OBS selects them so)
        return tuple(
            Observation(
                *r[:14],
                inputs=_split(r[14]),
                note_en=r[15],  # type: ignore[misc]
                period_en=r[16],
                period_inferred=bool(r[17]),
                decimals=r[18],
                after_article=bool(r[19]),
            )
            for r in rows
        )

    def observations_for(self, subject_id: str) -> tuple[Observation, ...]:
        """A subject's figures; the last few subjects' are kept (cards and charts both ask, per click)."""
        recent = self.__dict__.setdefault("_recent_observations", {})
        found = recent.pop(subject_id, None)
        if found is None:
            found = self._observations(
                "WHERE o.subject_id = ? ORDER BY o.indicator_id, o.period, o.position", (subject_id,)
            )
            if len(recent) >= 4:
                del recent[next(iter(recent))]
        recent[subject_id] = found
        observations: tuple[Observation, ...] = found
        return observations

    def latest_annual(self, indicator_id: str, kinds: tuple[str, ...]) -> tuple[Observation, ...]:
        """Each subject's latest full-year figure (period `YYYY`) of one indicator among `kinds`, one per
        unit (the first by position when a year has several). Ranked by SQLite, kept once read: the
        scaled briefing's 20,000 figures per indicator would otherwise all become records."""
        key = (indicator_id, tuple(kinds))
        cache = self.__dict__.setdefault("_latest_annual", {})
        if key not in cache:
            marks = ",".join("?" * len(kinds))
            cache[key] = self._observations(
                "JOIN (SELECT rowid AS row, row_number() OVER (PARTITION BY subject_id, coalesce(unit, '') "
                "ORDER BY period DESC, position) AS rank FROM observations WHERE indicator_id = ? "
                f"AND kind IN ({marks}) AND period GLOB '[0-9][0-9][0-9][0-9]') latest "
                "ON o.rowid = latest.row AND latest.rank = 1 ORDER BY o.subject_id, o.position",
                (indicator_id, *kinds),
            )
        latest_found: tuple[Observation, ...] = cache[key]
        return latest_found

    def observation(self, observation_id: str) -> Observation | None:
        found = self._observations("WHERE o.id = ?", (observation_id,))
        return found[0] if found else None

    def observations_citing(self, passage_id: str, limit: int | None = None) -> tuple[Observation, ...]:
        """The figures citing a passage in order; only the first `limit` of them if given."""
        if limit is None:
            return self._observations("WHERE o.passage_id = ? ORDER BY o.position", (passage_id,))
        return self._observations("WHERE o.passage_id = ? ORDER BY o.position LIMIT ?", (passage_id, max(limit, 0)))

    def citation_counts(self, passage_ids: tuple[str, ...] | list[str]) -> dict[str, int]:
        """How many figures cite each of these passages (counted on the index, none fetched); a
        passage no figure cites is left out."""
        counts: dict[str, int] = {}
        ids = list(dict.fromkeys(passage_ids))
        for start in range(0, len(ids), 500):  # well under SQLite's limit on bound parameters
            chunk = ids[start : start + 500]
            counts.update(
                (str(pid), int(n))
                for pid, n in self._rows(
                    f"SELECT passage_id, count(*) FROM observations WHERE passage_id IN ({','.join('?' * len(chunk))}) "
                    "GROUP BY passage_id",
                    tuple(chunk),
                )
            )
        return counts

    def coverage(self) -> dict[tuple[str, str], int]:
        """(subject, indicator) -> how many observations: what the briefing reports, and so what not."""
        return {
            (s, i): n
            for s, i, n in self._rows(
                "SELECT subject_id, indicator_id, count(*) FROM observations GROUP BY subject_id, indicator_id"
            )
        }

    def figure_counts(self, subject_ids: tuple[str, ...] | None = None) -> list[tuple[str, str, int, int]]:
        """(subject, indicator, figures, full years with a figure) for every series of these subjects
        (or of all), counted on the index: what a handout would hold, without reading it."""
        where, params = _of_subjects(subject_ids)
        return [
            tuple(row)
            for row in self._rows(
                "SELECT subject_id, indicator_id, count(*), count(DISTINCT period) FILTER "
                "(WHERE period GLOB '[0-9][0-9][0-9][0-9]') FROM observations WHERE "
                + where
                + "GROUP BY subject_id, indicator_id",
                params,
            )
        ]

    def cited_passage_count(self, subject_ids: tuple[str, ...] | None = None) -> int:
        """How many passages the figures of these subjects (or of all) cite, each counted once."""
        where, params = _of_subjects(subject_ids)
        ((count,),) = self._rows(
            "SELECT count(DISTINCT passage_id) FROM observations WHERE passage_id IS NOT NULL AND " + where, params
        )
        return int(count)

    def subjects_with_observations(self) -> tuple[str, ...]:
        return tuple(s for (s,) in self._rows("SELECT DISTINCT subject_id FROM observations"))

    # -- delegates and proposals ------------------------------------------------------------

    @cached_property
    def delegates(self) -> tuple[Delegate, ...]:
        return tuple(
            Delegate(*r)
            for r in self._rows(
                "SELECT id, name_zh, body, coalesce(titles,''), passage_id FROM delegates ORDER BY rowid"
            )
        )

    def delegate(self, delegate_id: str) -> Delegate | None:
        return self._by_id("delegates").get(delegate_id)

    _PROPOSALS = (
        "SELECT p.id, p.delegate_id, p.title_zh, p.text_zh, p.passage_id, "
        "(SELECT group_concat(passage_id, ';') FROM (SELECT passage_id FROM proposal_passages "
        "  WHERE proposal_id = p.id ORDER BY position)), "
        "coalesce(p.topics, ''), "
        "(SELECT group_concat(port_id, ';') FROM proposal_ports WHERE proposal_id = p.id), "
        "coalesce(p.title_en, '') "
        "FROM proposals p "
    )

    def _proposals(self, where: str, params: tuple[object, ...]) -> tuple[Proposal, ...]:
        return tuple(
            Proposal(
                pid, did, title, text, passage, _split(passages) or (passage,), _split(topics), _split(ports), title_en
            )
            for pid, did, title, text, passage, passages, topics, ports, title_en in self._checked(
                "proposals", self._rows(self._PROPOSALS + where, params), {2: "title_zh", 3: "text_zh", 8: "title_en"}
            )
        )

    def proposals(self) -> tuple[Proposal, ...]:
        return self._proposals("ORDER BY p.position", ())

    def proposal(self, proposal_id: str) -> Proposal | None:
        found = self._proposals("WHERE p.id = ?", (proposal_id,))
        return found[0] if found else None

    # -- map and search ---------------------------------------------------------------------

    def outlines(self) -> tuple[Outline, ...]:
        found = []
        for i, zh, en, lon, lat, rings in self._rows(
            "SELECT id, name_zh, name_en, label_lon, label_lat, rings FROM outlines ORDER BY id"
        ):
            try:  # checked at open; parsed here through the same bounded reader
                found.append(Outline(i, zh, en or "", lon, lat, value_checks.parse_rings(rings)))
            except ValueError as exc:
                raise BriefingError(self.path, f"table 'outlines', id {i!r}: rings {exc}") from None
        return tuple(found)

    def search(self, query: str, limit: int = 50, kinds: tuple[str, ...] | None = None) -> list[SearchHit]:
        """Best hits first; `kinds` ("port", "proposal" …) narrows the search to those documents."""
        try:
            return search_module.search(self._conn, query[:MAX_QUERY], limit, kinds, self._kind_ranges())
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, f"cannot be searched: {boundary.describe(exc, self._conn)}") from None

    def matches(
        self, query: str, kinds: tuple[str, ...], detailed: int = search_module.DETAILED
    ) -> search_module.Matches:
        """Every match of these kinds, best first (the order of search()); the first `detailed` of
        each kind with snippets, the rest as ids only."""
        try:
            return search_module.matches(
                self._conn, query[:MAX_QUERY], kinds, self._kind_ranges(), detailed, self._document_refs(tuple(kinds))
            )
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, f"cannot be searched: {boundary.describe(exc, self._conn)}") from None

    def prepare_matches(self, kinds: tuple[str, ...]) -> None:
        """Read now what matches() reads once per open briefing (tens of ms on a large one), so the
        first keystroke does not wait for it."""
        try:
            self._kind_ranges()
            self._document_refs(tuple(kinds))
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, f"cannot be searched: {boundary.describe(exc, self._conn)}") from None

    # What the search learns once: the file never changes while it is open.
    def _kind_ranges(self) -> dict[str, tuple[int, int]] | None:
        if "_search_ranges" not in self.__dict__:
            self._search_ranges = search_module.kind_ranges(self._conn)
        return self._search_ranges

    def _document_refs(self, kinds: tuple[str, ...]) -> dict[int, tuple[str, str]]:
        refs = self.__dict__.setdefault("_search_refs", {})
        if kinds not in refs:
            refs[kinds] = search_module.document_refs(self._conn, kinds)
        found: dict[int, tuple[str, str]] = refs[kinds]
        return found


def _whole(text: str) -> int:
    """A whole number from meta text (checked at open), 0 if it is not one."""
    return int(text) if isinstance(text, str) and text.strip().isdigit() and len(text) < 10 else 0


def _of_subjects(subject_ids: tuple[str, ...] | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE condition (and its parameters) keeping the observations of these subjects; all of
    them for None, none for an empty tuple."""
    if subject_ids is None:
        return "1 ", ()
    ids = tuple(dict.fromkeys(subject_ids))
    return (f"subject_id IN ({','.join('?' * len(ids))}) " if ids else "0 "), ids
