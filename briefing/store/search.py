"""Query the search index: Chinese by bigram phrase, pinyin and English by prefix, one character by scan.

search() gives the best hits with snippets (the command line, a search box's suggestions); matches()
gives every match of some kinds at once, as plain references, for a list that shows them all.
"""

from __future__ import annotations

import bisect
import sqlite3
from dataclasses import dataclass

from briefing.store.records import SearchHit
from briefing.store.text import bigrams, cjk_runs, latin_words

SNIPPET_CHARS = 72
# Ports and proposals first when scores tie: that is what a presenter usually looks for.
_KIND_ORDER = {"port": 0, "place": 1, "proposal": 2, "delegate": 3, "indicator": 4, "series": 5, "passage": 6}


Ranges = dict[str, tuple[int, int]] | None  # each kind's rowid range in the index; None when kinds interleave
Document = tuple[str, str, str, str, float]  # kind, ref_id, title, body, score


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a query, or None when it needs the substring fallback."""
    parts = []
    for run in cjk_runs(query):
        if len(run) < 2:
            return None
        parts.append("bi : " + _quote(" ".join(bigrams(run))))
    for word in latin_words(query):
        # A word is a prefix of what is being typed; one letter alone is not (it would stand for every
        # pinyin syllable it starts, and expanding those cost 0.1 s over the scaled briefing's index).
        parts.append("{bi py en} : " + _quote(word) + (" *" if len(word) > 1 else ""))
    return " AND ".join(parts) if parts else None


# A term found in more documents than this says little about any one of them, and scoring every
# match is what made such a query slow (0.3 s for 口岸 over the scaled briefing's 120,000 matches,
# where every score rounds to the same value anyway). Broad queries list matches by kind, in
# document order; narrower ones are ranked by bm25 as a whole.
BROAD = 2000


def kind_ranges(conn: sqlite3.Connection) -> dict[str, tuple[int, int]] | None:
    """Each kind's rowid range, when the build wrote the documents kind by kind (it does); None when
    kinds interleave, and then every query is ranked over the whole index.

    The ends of each block are found by bisection on rowids (a few hundred row lookups), and each
    kind's count through the (kind, ref_id) index must equal its block's size: a few milliseconds,
    where asking the index for each kind's smallest and largest rowid took ten times as long.
    """
    low, high = conn.execute("SELECT min(rowid), max(rowid) FROM search_docs").fetchone()
    if low is None:
        return {}

    def kind_at(rowid: int) -> str | None:
        row = conn.execute("SELECT kind FROM search_docs WHERE rowid = ?", (rowid,)).fetchone()
        return row[0] if row else None

    ranges: dict[str, tuple[int, int]] = {}
    start = low
    while start <= high:
        kind = kind_at(start)
        if kind is None or kind in ranges:
            return None  # a gap in the rowids, or a kind in two places
        first, last = start, high + 1  # kind_at(first) == kind; the block ends before `last`
        while last - first > 1:
            middle = (first + last) // 2
            if kind_at(middle) == kind:
                first = middle
            else:
                last = middle
        ranges[kind] = (start, first)
        start = first + 1
    for kind, (first, last) in ranges.items():
        (count,) = conn.execute("SELECT count(*) FROM search_docs WHERE kind = ?", (kind,)).fetchone()
        if count != last - first + 1:
            return None
    return ranges


def search(
    conn: sqlite3.Connection,
    query: str,
    limit: int = 50,
    kinds: tuple[str, ...] | None = None,
    ranges: dict[str, tuple[int, int]] | None = None,
) -> list[SearchHit]:
    """Hits for a query, best first. `kinds` narrows to some kinds of document; `ranges` (from
    kind_ranges) lets a broad query be answered one kind at a time."""
    query = query.strip()
    if not query:
        return []
    wanted = frozenset(kinds) if kinds else None  # None: every kind
    expression = match_expression(query)
    rows = []
    if expression is not None:
        try:
            rows = _documents(conn, _candidates(conn, expression, limit, wanted, ranges), wanted)
        except sqlite3.OperationalError:
            rows = []
    if not rows and cjk_runs(query):  # Latin words are all in the index: a scan would find nothing more
        rows = [r for r in _scan(conn, query, limit * 4, wanted, ranges) if wanted is None or r[0] in wanted]
    rows.sort(key=lambda r: (round(r[4], 3), _KIND_ORDER.get(r[0], 9)))
    terms = _highlight_terms(conn, query)
    hits = []
    for kind, ref_id, title, body, score in rows[:limit]:
        snippet, spans = _snippet(body, terms)
        hits.append(SearchHit(kind, ref_id, title, snippet, float(score), spans))
    return hits


DETAILED = 100  # hits of each kind that matches() gives snippets: enough to learn what a pinyin query stood for


@dataclass(frozen=True)
class Matches:
    """Every match of a query among some kinds of document, best first, and the first few as hits."""

    refs: tuple[tuple[str, str], ...] = ()  # (kind, ref_id) of each match
    hits: tuple[SearchHit, ...] = ()  # the first `detailed` matches of each kind, with snippets, in order


def matches(
    conn: sqlite3.Connection,
    query: str,
    kinds: tuple[str, ...],
    ranges: dict[str, tuple[int, int]] | None,
    detailed: int = DETAILED,
    refs: dict[int, tuple[str, str]] | None = None,
) -> Matches:
    """Every match of `kinds`, in search()'s order: ranked by bm25 when at most BROAD of them match, else
    kind by kind in document order. Only the first `detailed` of each kind get a snippet: making one
    for each of 10,000 proposals is what a limit was there to avoid. `refs` is document_refs() for
    these kinds, kept by the caller: matches are told apart by rowid, without reading their rows."""
    query = query.strip()
    wanted = frozenset(kinds)
    if not query or not wanted:
        return Matches()
    if refs is None:
        refs = document_refs(conn, tuple(wanted))
    expression = match_expression(query)
    rowids: list[int] = []  # ascending
    scores: dict[int, float] | None = None
    if expression is not None:
        try:
            rowids, scores = _every_match(conn, expression, wanted, ranges, refs)
        except sqlite3.OperationalError:
            rowids, scores = [], None
    if not rowids and cjk_runs(query):  # as search() falls back: Latin words are all in the index
        rowids, scores = _every_substring(conn, query, wanted, ranges, refs), None
    if scores is not None:
        rowids.sort(key=scores.__getitem__)  # as search() ranks: by score, then by rounded score and kind
        rowids.sort(key=lambda r: (round(scores[r], 3), _KIND_ORDER.get(refs[r][0], 9)))
        runs = [rowids]
    else:
        runs = _kind_by_kind(rowids, refs, ranges)
    chosen: list[int] = []
    for run in runs:
        taken: dict[str, int] = {}
        for rowid in run:
            kind = refs[rowid][0]
            if taken.get(kind, 0) < detailed:
                taken[kind] = taken.get(kind, 0) + 1
                chosen.append(rowid)
            elif len(runs) > 1:
                break  # a run holds one kind
    ordered = [rowid for run in runs for rowid in run]
    return Matches(tuple(map(refs.__getitem__, ordered)), _detail(conn, query, chosen, scores))


def document_refs(conn: sqlite3.Connection, kinds: tuple[str, ...]) -> dict[int, tuple[str, str]]:
    """rowid -> (kind, ref_id) of every document of these kinds, read from the (kind, ref_id) index alone."""
    found: dict[int, tuple[str, str]] = {}
    for kind in kinds:
        found.update(
            (rowid, (kind, ref_id))
            for rowid, ref_id in conn.execute("SELECT rowid, ref_id FROM search_docs WHERE kind = ?", (kind,))
        )
    return found


def _blocks(wanted: frozenset[str], ranges: Ranges) -> list[tuple[int, int] | None]:
    """Rowid ranges covering the wanted kinds, ascending, neighbours joined (one statement each);
    [None] when the kinds interleave and every statement must read the whole index."""
    if ranges is None:
        return [None]
    blocks: list[tuple[int, int] | None] = []
    last: tuple[int, int] | None = None
    for low, high in sorted(ranges[k] for k in wanted if k in ranges):
        if last is not None and low == last[1] + 1:
            last = blocks[-1] = (last[0], high)
        else:
            last = (low, high)
            blocks.append(last)
    return blocks


def _within(block: tuple[int, int] | None) -> tuple[str, tuple[int, ...]]:
    """The condition (and parameters) keeping a statement to one of _blocks()."""
    return ("", ()) if block is None else (" AND rowid BETWEEN ? AND ?", block)


def _every_match(
    conn: sqlite3.Connection, expression: str, wanted: frozenset[str], ranges: Ranges, refs: dict[int, tuple[str, str]]
) -> tuple[list[int], dict[int, float] | None]:
    """Rowids of every match, ascending, and their bm25 scores when at most BROAD match (a second,
    narrow statement; None when more do, and then the order is the documents')."""
    rowids: list[int] = []
    for block in _blocks(wanted, ranges):
        within, params = _within(block)
        rowids += [
            rowid
            for (rowid,) in conn.execute(
                f"SELECT rowid FROM search_fts WHERE search_fts MATCH ?{within} ORDER BY rowid", (expression, *params)
            )
        ]
    if ranges is None:
        rowids = [rowid for rowid in rowids if rowid in refs]  # the whole index was read
    if not rowids or len(rowids) > BROAD:
        return rowids, None
    scores: dict[int, float] = {}
    for block in _blocks(wanted, ranges):
        within, params = _within(block)
        scores.update(
            conn.execute(
                f"SELECT rowid, bm25(search_fts, 1.0, 0.7, 0.9) FROM search_fts WHERE search_fts MATCH ?{within}",
                (expression, *params),
            )
        )
    return rowids, scores


def _every_substring(
    conn: sqlite3.Connection, query: str, wanted: frozenset[str], ranges: Ranges, refs: dict[int, tuple[str, str]]
) -> list[int]:
    """Rowids, ascending, of every document of the wanted kinds holding `query` (what _scan finds)."""
    if any(c.isascii() and c.isalpha() for c in query):  # LIKE: ASCII letters in either case
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        test, params = "(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')", (pattern, pattern)
    else:  # the same test, a third quicker over 10,000 proposals
        test, params = "(instr(title, ?) > 0 OR instr(body, ?) > 0)", (query, query)
    rowids: list[int] = []
    for block in _blocks(wanted, ranges):
        within, limits = _within(block)
        rowids += [
            rowid
            for (rowid,) in conn.execute(
                f"SELECT rowid FROM search_docs WHERE {test}{within} ORDER BY rowid", (*params, *limits)
            )
            if rowid in refs
        ]
    return rowids


def _kind_by_kind(rowids: list[int], refs: dict[int, tuple[str, str]], ranges: Ranges) -> list[list[int]]:
    """Ascending rowids split into one run per kind, the kinds in presenting order (cut at the kinds'
    rowid ranges: no Python work per match)."""
    if ranges is None:
        by_kind: dict[str, list[int]] = {}
        for rowid in rowids:
            by_kind.setdefault(refs[rowid][0], []).append(rowid)
        return [by_kind[k] for k in sorted(by_kind, key=lambda k: _KIND_ORDER.get(k, 9))]
    runs = []
    for kind in sorted(ranges, key=lambda k: _KIND_ORDER.get(k, 9)):
        low, high = ranges[kind]
        run = rowids[bisect.bisect_left(rowids, low) : bisect.bisect_right(rowids, high)]
        if run:
            runs.append(run)
    return runs


def _detail(
    conn: sqlite3.Connection, query: str, chosen: list[int], scores: dict[int, float] | None
) -> tuple[SearchHit, ...]:
    """Hits with snippets for the chosen rowids, in their order."""
    if not chosen:
        return ()
    terms = _highlight_terms(conn, query)
    hits = []
    candidates = [(rowid, scores[rowid] if scores is not None else 0.0) for rowid in chosen]
    for kind, ref_id, title, body, score in _documents(conn, candidates, None):
        snippet, spans = _snippet(body, terms)
        hits.append(SearchHit(kind, ref_id, title, snippet, float(score), spans))
    return tuple(hits)


def _segments(wanted: frozenset[str] | None, ranges: dict[str, tuple[int, int]]) -> list[tuple[int, int]]:
    """The wanted kinds' rowid ranges, the kind a presenter looks for first coming first."""
    ordered = sorted((k for k in ranges if wanted is None or k in wanted), key=lambda k: _KIND_ORDER.get(k, 9))
    return [ranges[k] for k in ordered]


def _candidates(
    conn: sqlite3.Connection, expression: str, limit: int, wanted: frozenset[str] | None, ranges: Ranges
) -> list[tuple[int, float]]:
    """(rowid, score) of the best matches: when at most BROAD documents match, all ranked by bm25
    (four times `limit` of them, since kinds reorder ties); else, with ranges, each wanted kind's
    first matches in document order (score 0, so the order is final: `limit` of them)."""
    n = limit * 4
    first = conn.execute(
        "SELECT rowid, bm25(search_fts, 1.0, 0.7, 0.9) FROM search_fts WHERE search_fts MATCH ? LIMIT ?",
        (expression, BROAD + 1),
    ).fetchall()
    segments = _segments(wanted, ranges) if ranges is not None else None
    if len(first) <= BROAD or segments is None:
        if segments is not None:
            first = [row for row in first if any(low <= row[0] <= high for low, high in segments)]
        ranked = sorted(first, key=lambda row: row[1])  # one statement: a prefix is expanded only once
        return ranked if wanted is not None and segments is None else ranked[:n]  # kinds sorted out later
    covered = first[-1][0]  # the first statement saw every match up to this rowid
    n = limit
    found: list[tuple[int, float]] = []
    for low, high in segments:
        if high <= covered:
            found += [(rowid, 0.0) for rowid, _ in first if low <= rowid <= high][: n - len(found)]
        else:
            found += conn.execute(
                "SELECT rowid, 0.0 FROM search_fts WHERE search_fts MATCH ? "
                "AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?",
                (expression, low, high, n - len(found)),
            ).fetchall()
        if len(found) >= n:
            break
    return found


def _documents(
    conn: sqlite3.Connection, candidates: list[tuple[int, float]], wanted: frozenset[str] | None
) -> list[Document]:
    """(kind, ref_id, title, body, score) for candidate rowids, in their order, of the wanted kinds."""
    scores = dict(candidates)
    docs: dict[int, Document] = {}
    rowids = list(scores)
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        for rowid, kind, ref_id, title, body in conn.execute(
            f"SELECT rowid, kind, ref_id, title, body FROM search_docs WHERE rowid IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            if wanted is None or kind in wanted:
                docs[rowid] = (kind, ref_id, title, body, scores[rowid])
    return [docs[rowid] for rowid in rowids if rowid in docs]


def _scan(
    conn: sqlite3.Connection, query: str, limit: int, wanted: frozenset[str] | None = None, ranges: Ranges = None
) -> list[Document]:
    """Substring scan for one-character queries and whatever the index cannot express."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found: list[Document] = []
    for segment in _segments(wanted, ranges) if ranges is not None else [None]:
        within, params = ("", ()) if segment is None else (" AND rowid BETWEEN ? AND ?", segment)
        found += conn.execute(
            "SELECT kind, ref_id, title, body, 0.0 FROM search_docs "
            f"WHERE (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\'){within} ORDER BY rowid LIMIT ?",
            (pattern, pattern, *params, limit - len(found)),
        ).fetchall()
        if len(found) >= limit:
            break
    return found


def _highlight_terms(conn: sqlite3.Connection, query: str) -> list[str]:
    """What to mark in a snippet: the Chinese as typed, plus the words a pinyin query stands for."""
    terms = [run for run in cjk_runs(query)]
    for word in latin_words(query):
        terms.append(word)
        if word.isascii() and word.isalpha():
            # the prefix as a range, so both columns' indexes answer it (LIKE read the whole table);
            # ties go in table order, as they did when the table was read through
            rows = conn.execute(
                "SELECT word FROM search_words WHERE (pinyin >= ? AND pinyin < ?) OR initials = ? "
                "ORDER BY length(word) DESC, rowid LIMIT 40",
                (word, word[:-1] + chr(ord(word[-1]) + 1), word),
            ).fetchall()
            terms.extend(w for (w,) in rows if len(w) > 1)
    if not terms:
        terms = [query]
    return sorted(set(terms), key=len, reverse=True)


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Character ranges of every occurrence of any term (case-insensitive), merged, in order."""
    lowered = text.lower()
    spans = []
    for term in terms:
        term = term.lower()
        if not term:
            continue
        start = lowered.find(term)
        while start >= 0:  # non-overlapping, left to right, as a regular expression would find them
            spans.append((start, start + len(term)))
            start = lowered.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _snippet(text: str, terms: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    text = " ".join(text.split())
    spans = find_spans(text, terms)
    if not spans:
        return text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else ""), ()
    first = spans[0][0]
    start = max(0, first - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    # a match the window would cut in two ends it instead: half of 口岸 marked as 口 told the viewer
    # to highlight every 口
    end = max([end] + [e for s, e in spans if s < end < e])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and s < end)
    return prefix + text[start:end] + suffix, inside
