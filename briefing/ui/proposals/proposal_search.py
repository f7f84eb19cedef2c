"""Which proposals a search and the proposals tab's filters keep, in what order, and which words a
search marks in them. Qt-free: plain records in, model rows and terms out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from briefing.store.records import Delegate, Proposal, SearchHit
from briefing.store.text import cjk_runs, latin_words


class ProposalIndex:
    """Which proposals (as model rows) a search and the tab's filters keep, from lookups made once per
    briefing: asking each of 10,000 proposals, in Python, on every keystroke and every step through
    the ports was most of what those cost."""

    def __init__(self, proposals: Sequence[Proposal], delegates: Iterable[Delegate]) -> None:
        bodies = {d.id: d.body for d in delegates}
        self.row_of = {proposal.id: row for row, proposal in enumerate(proposals)}
        self._count = len(proposals)
        self._speaker = [proposal.delegate_id for proposal in proposals]
        self._body = [bodies.get(proposal.delegate_id) for proposal in proposals]
        self._by_speaker: dict[str, list[int]] = {}
        self._by_port: dict[str, list[int]] = {}
        for row, proposal in enumerate(proposals):
            self._by_speaker.setdefault(proposal.delegate_id, []).append(row)
            for port_id in proposal.port_ids:
                self._by_port.setdefault(port_id, []).append(row)

    def ranked(self, refs: Iterable[tuple[str, str]]) -> list[int]:
        """Rows in hit order: a proposal hit ranks itself, a speaker hit all their proposals."""
        refs = refs if isinstance(refs, (list, tuple)) else list(refs)
        if not any(kind == "delegate" for kind, _ in refs):  # the usual case, and 10,000 hits long
            row_of = self.row_of
            return list(
                dict.fromkeys(row_of[ref_id] for kind, ref_id in refs if kind == "proposal" and ref_id in row_of)
            )
        seen: set[int] = set()
        rows: list[int] = []
        for kind, ref_id in refs:
            if kind == "proposal":
                found: Iterable[int] = (self.row_of[ref_id],) if ref_id in self.row_of else ()
            elif kind == "delegate":
                found = self._by_speaker.get(ref_id, ())
            else:
                continue
            for row in found:
                if row not in seen:
                    seen.add(row)
                    rows.append(row)
        return rows

    def rows(
        self, ranked: list[int] | None, body: str = "", speaker: str = "", ports: set[str] | None = None
    ) -> list[int]:
        """The rows kept, in rank order (or the article's without a search): of this body and speaker
        when given, and concerning one of `ports` when it is not None."""
        rows: Iterable[int] = range(self._count) if ranked is None else ranked
        if speaker and ranked is None:
            rows = self._by_speaker.get(speaker, [])
        if ports is not None:
            allowed = {row for port_id in ports for row in self._by_port.get(port_id, ())}
            rows = sorted(allowed.intersection(rows)) if ranked is None else [r for r in rows if r in allowed]
        if speaker:
            rows = [row for row in rows if self._speaker[row] == speaker]
        if body:
            rows = [row for row in rows if self._body[row] == body]
        return list(rows)


def highlight_terms(query: str, hits: Iterable[SearchHit]) -> list[str]:
    """What to mark in a proposal's full text: the query's Chinese as typed, its Latin words, and the
    Chinese words the store matched for it (how 'manzhouli' comes to mark 满洲里)."""
    terms = set(cjk_runs(query)) | set(latin_words(query))
    found: set[str] = set()
    for hit in hits:
        found |= {hit.snippet[start:end].strip() for start, end in hit.spans}
        if not hit.spans and hit.kind in ("port", "place"):
            found |= set(cjk_runs(hit.title)[:1])  # matched by its English name: 'Erenhot' names 二连浩特
    terms |= _common_stems({word for word in found if cjk_runs(word) and not latin_words(word)})
    return sorted((t for t in terms if t), key=len, reverse=True)


def _common_stems(words: set[str]) -> set[str]:
    # A pinyin prefix matches long index words (满洲里市继续坚持, 满洲里地处中俄蒙三国交界); words that
    # share a first character are cut to their common prefix when it is still a word (2+ characters),
    # so the highlight marks 满洲里 rather than half a sentence.
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    stems: set[str] = set()
    for group in groups.values():
        stem = os.path.commonprefix(group)
        stems |= {stem} if len(group) > 1 and len(stem) >= 2 else set(group)
    return stems
