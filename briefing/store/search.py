"""Query the search index: Chinese by bigram phrase, pinyin and English by prefix, one character by scan."""

from __future__ import annotations

import sqlite3

from briefing.store.records import SearchHit
from briefing.store.text import bigrams, cjk_runs, latin_words

SNIPPET_CHARS = 72
# Ports and proposals first when scores tie: that is what a presenter usually looks for.
_KIND_ORDER = {"port": 0, "place": 1, "proposal": 2, "delegate": 3, "indicator": 4, "series": 5, "passage": 6}


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


def search(conn: sqlite3.Connection, query: str, limit: int = 50, kinds: tuple[str, ...] | None = None,
           ranges: dict[str, tuple[int, int]] | None = None) -> list[SearchHit]:
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


def _segments(wanted, ranges) -> list[tuple[int, int]]:
    """The wanted kinds' rowid ranges, the kind a presenter looks for first coming first."""
    ordered = sorted((k for k in ranges if wanted is None or k in wanted), key=lambda k: _KIND_ORDER.get(k, 9))
    return [ranges[k] for k in ordered]


def _candidates(conn: sqlite3.Connection, expression: str, limit: int, wanted, ranges) -> list[tuple[int, float]]:
    """(rowid, score) of the best matches: when at most BROAD documents match, all ranked by bm25
    (four times `limit` of them, since kinds reorder ties); else, with ranges, each wanted kind's
    first matches in document order (score 0, so the order is final: `limit` of them)."""
    n = limit * 4
    first = conn.execute("SELECT rowid, bm25(search_fts, 1.0, 0.7, 0.9) FROM search_fts "
                         "WHERE search_fts MATCH ? LIMIT ?", (expression, BROAD + 1)).fetchall()
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
            found += [(rowid, 0.0) for rowid, _ in first if low <= rowid <= high][:n - len(found)]
        else:
            found += conn.execute("SELECT rowid, 0.0 FROM search_fts WHERE search_fts MATCH ? "
                                  "AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?",
                                  (expression, low, high, n - len(found))).fetchall()
        if len(found) >= n:
            break
    return found


def _documents(conn: sqlite3.Connection, candidates: list[tuple[int, float]], wanted) -> list[tuple]:
    """(kind, ref_id, title, body, score) for candidate rowids, in their order, of the wanted kinds."""
    scores = dict(candidates)
    docs: dict[int, tuple] = {}
    rowids = list(scores)
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        for rowid, kind, ref_id, title, body in conn.execute(
                "SELECT rowid, kind, ref_id, title, body FROM search_docs WHERE rowid IN "
                f"({','.join('?' * len(chunk))})", chunk):
            if wanted is None or kind in wanted:
                docs[rowid] = (kind, ref_id, title, body, scores[rowid])
    return [docs[rowid] for rowid in rowids if rowid in docs]


def _scan(conn: sqlite3.Connection, query: str, limit: int, wanted=None, ranges=None) -> list[tuple]:
    """Substring scan for one-character queries and whatever the index cannot express."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found: list[tuple] = []
    for segment in _segments(wanted, ranges) if ranges is not None else [None]:
        within, params = ("", ()) if segment is None else (" AND rowid BETWEEN ? AND ?", segment)
        found += conn.execute(
            "SELECT kind, ref_id, title, body, 0.0 FROM search_docs "
            f"WHERE (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\'){within} ORDER BY rowid LIMIT ?",
            (pattern, pattern, *params, limit - len(found))).fetchall()
        if len(found) >= limit:
            break
    return found


def _highlight_terms(conn: sqlite3.Connection, query: str) -> list[str]:
    """What to mark in a snippet: the Chinese as typed, plus the words a pinyin query stands for."""
    terms = [run for run in cjk_runs(query)]
    for word in latin_words(query):
        terms.append(word)
        if word.isascii() and word.isalpha():
            rows = conn.execute(
                "SELECT word FROM search_words WHERE pinyin LIKE ? OR initials = ? "
                "ORDER BY length(word) DESC LIMIT 40",
                (word + "%", word),
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
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, min(e, end) + shift) for s, e in spans if s >= start and s < end)
    return prefix + text[start:end] + suffix, inside
