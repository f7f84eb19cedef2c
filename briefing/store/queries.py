"""Every SQL statement the viewer runs: an open briefing, read-only, returning frozen records."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cached_property
from pathlib import Path

from briefing.store import search as search_module
from briefing.store.errors import BriefingError
from briefing.store.opening import connect_readonly
from briefing.store.records import (
    Delegate, Indicator, Observation, Outline, Passage, Place, Port, Proposal, SearchHit, Source,
    Subject, Summary,
)


def open_briefing(path: Path | str) -> "Briefing":
    return Briefing(Path(path))


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in (text or "").split(";") if part)


class Briefing:
    """A briefing database opened read-only. Lists are read once and kept; the file never changes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn = connect_readonly(self.path)

    def close(self) -> None:
        self._conn.close()

    def reopen(self) -> "Briefing":
        """A second connection for another thread (sqlite3 connections stay in their thread)."""
        return Briefing(self.path)

    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, f"cannot be read ({exc})") from None

    # -- metadata ---------------------------------------------------------------------------

    @cached_property
    def meta(self) -> dict[str, str]:
        return dict(self._rows("SELECT key, value FROM meta"))

    def summary(self) -> Summary:
        (ports,), = self._rows("SELECT count(*) FROM ports")
        (observations,), = self._rows("SELECT count(*) FROM observations")
        (proposals,), = self._rows("SELECT count(*) FROM proposals")
        (delegates,), = self._rows("SELECT count(*) FROM delegates")
        (passages,), = self._rows("SELECT count(*) FROM passages")
        meta = self.meta
        return Summary(
            title_zh=meta.get("title_zh", ""), title_en=meta.get("title_en", ""),
            as_of=meta.get("as_of", ""), schema_version=int(meta.get("schema_version", 0)),
            built_at=meta.get("built_at", ""), ports=ports, observations=observations,
            proposals=proposals, delegates=delegates, passages=passages,
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
        return tuple(Source(*r) for r in self._rows(
            "SELECT id, title, coalesce(publisher,''), coalesce(published,''), coalesce(url,''), "
            "coalesce(note,'') FROM sources ORDER BY id = ? DESC, id", (self.meta.get("source_id", ""),)))

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def passages(self) -> tuple[Passage, ...]:
        return tuple(Passage(*r) for r in self._rows(
            "SELECT id, source_id, coalesce(section,''), position, text FROM passages ORDER BY position"))

    def passage(self, passage_id: str) -> Passage | None:
        rows = self._rows(
            "SELECT id, source_id, coalesce(section,''), position, text FROM passages WHERE id = ?", (passage_id,))
        return Passage(*rows[0]) if rows else None

    def port_sources(self, port_id: str) -> tuple[tuple[str, Source], ...]:
        """(role, source) pairs behind a port's roster entry and its coordinate."""
        by_id = {s.id: s for s in self.sources}
        return tuple((role, by_id[sid]) for role, sid in self._rows(
            "SELECT role, source_id FROM port_sources WHERE port_id = ? ORDER BY role DESC, source_id",
            (port_id,)) if sid in by_id)

    # -- ports, places, indicators ----------------------------------------------------------

    @cached_property
    def ports(self) -> tuple[Port, ...]:
        return tuple(Port(*r) for r in self._rows(
            "SELECT id, name_zh, name_en, mode, coalesce(country,''), coalesce(counterpart,''), "
            "coalesce(league_city,''), coalesce(county,''), lat, lon, coalesce(coord_precision,''), "
            "coalesce(coord_basis,''), coalesce(status,'') FROM ports ORDER BY rowid"))

    def port(self, port_id: str) -> Port | None:
        return next((p for p in self.ports if p.id == port_id), None)

    @cached_property
    def places(self) -> tuple[Place, ...]:
        members: dict[str, list[str]] = {}
        for place_id, port_id in self._rows("SELECT place_id, port_id FROM place_ports ORDER BY rowid"):
            members.setdefault(place_id, []).append(port_id)
        return tuple(Place(pid, zh, en or "", level, tuple(members.get(pid, ()))) for pid, zh, en, level in
                     self._rows("SELECT id, name_zh, name_en, level FROM places ORDER BY rowid"))

    @cached_property
    def subjects(self) -> tuple[Subject, ...]:
        """Ports, then places, each once: everything an observation can be about."""
        return tuple(Subject(p.id, "port", p.name_zh, p.name_en) for p in self.ports) + tuple(
            Subject(p.id, p.level, p.name_zh, p.name_en) for p in self.places)

    def subject(self, subject_id: str) -> Subject | None:
        return next((s for s in self.subjects if s.id == subject_id), None)

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(Indicator(i, zh, en or "", unit or "") for i, zh, en, unit in
                     self._rows("SELECT id, name_zh, name_en, unit FROM indicators ORDER BY rowid"))

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    # -- observations -----------------------------------------------------------------------

    _OBS = ("SELECT o.id, o.subject_id, o.indicator_id, o.period, coalesce(o.period_zh,''), o.value, "
            "coalesce(o.unit,''), o.kind, coalesce(o.as_written,''), o.passage_id, o.source_id, "
            "coalesce(o.confidence,''), coalesce(o.formula,''), coalesce(o.note,''), "
            "(SELECT group_concat(input_id, ';') FROM observation_inputs i WHERE i.observation_id = o.id) "
            "FROM observations o ")

    def _observations(self, where: str, params: tuple) -> tuple[Observation, ...]:
        rows = self._rows(self._OBS + where, params)
        return tuple(Observation(*r[:14], inputs=_split(r[14])) for r in rows)

    def observations_for(self, subject_id: str) -> tuple[Observation, ...]:
        return self._observations("WHERE o.subject_id = ? ORDER BY o.indicator_id, o.period, o.position",
                                  (subject_id,))

    def observations_of(self, indicator_id: str) -> tuple[Observation, ...]:
        return self._observations("WHERE o.indicator_id = ? ORDER BY o.subject_id, o.period, o.position",
                                  (indicator_id,))

    def observation(self, observation_id: str) -> Observation | None:
        found = self._observations("WHERE o.id = ?", (observation_id,))
        return found[0] if found else None

    def observations_citing(self, passage_id: str) -> tuple[Observation, ...]:
        return self._observations("WHERE o.passage_id = ? ORDER BY o.position", (passage_id,))

    def coverage(self) -> dict[tuple[str, str], int]:
        """(subject, indicator) -> how many observations: what the briefing reports, and so what not."""
        return {(s, i): n for s, i, n in self._rows(
            "SELECT subject_id, indicator_id, count(*) FROM observations GROUP BY subject_id, indicator_id")}

    def subjects_with_observations(self) -> tuple[str, ...]:
        return tuple(s for (s,) in self._rows("SELECT DISTINCT subject_id FROM observations"))

    # -- delegates and proposals ------------------------------------------------------------

    @cached_property
    def delegates(self) -> tuple[Delegate, ...]:
        return tuple(Delegate(*r) for r in self._rows(
            "SELECT id, name_zh, body, coalesce(titles,''), passage_id FROM delegates ORDER BY rowid"))

    def delegate(self, delegate_id: str) -> Delegate | None:
        return next((d for d in self.delegates if d.id == delegate_id), None)

    _PROPOSALS = (
        "SELECT p.id, p.delegate_id, p.title_zh, p.text_zh, p.passage_id, "
        "(SELECT group_concat(passage_id, ';') FROM (SELECT passage_id FROM proposal_passages "
        "  WHERE proposal_id = p.id ORDER BY position)), "
        "coalesce(p.topics, ''), "
        "(SELECT group_concat(port_id, ';') FROM proposal_ports WHERE proposal_id = p.id) "
        "FROM proposals p ")

    def _proposals(self, where: str, params: tuple) -> tuple[Proposal, ...]:
        return tuple(
            Proposal(pid, did, title, text, passage, _split(passages) or (passage,), _split(topics), _split(ports))
            for pid, did, title, text, passage, passages, topics, ports in self._rows(self._PROPOSALS + where, params)
        )

    def proposals(self) -> tuple[Proposal, ...]:
        return self._proposals("ORDER BY p.position", ())

    def proposals_for_port(self, port_id: str) -> tuple[Proposal, ...]:
        return self._proposals(
            "WHERE p.id IN (SELECT proposal_id FROM proposal_ports WHERE port_id = ?) ORDER BY p.position",
            (port_id,))

    def proposal(self, proposal_id: str) -> Proposal | None:
        found = self._proposals("WHERE p.id = ?", (proposal_id,))
        return found[0] if found else None

    # -- map and search ---------------------------------------------------------------------

    def outlines(self) -> tuple[Outline, ...]:
        return tuple(
            Outline(i, zh, en or "", lon, lat, tuple(tuple((x, y) for x, y in ring) for ring in json.loads(rings)))
            for i, zh, en, lon, lat, rings in self._rows(
                "SELECT id, name_zh, name_en, label_lon, label_lat, rings FROM outlines ORDER BY id")
        )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        try:
            return search_module.search(self._conn, query, limit)
        except sqlite3.DatabaseError as exc:
            raise BriefingError(self.path, f"cannot be searched ({exc})") from None
