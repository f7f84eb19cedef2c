"""Query the search index: Chinese by bigram phrase, pinyin and English by prefix, one character by scan."""

from __future__ import annotations

import re
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
        parts.append("{bi py en} : " + _quote(word) + " *")
    return " AND ".join(parts) if parts else None


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    query = query.strip()
    if not query:
        return []
    expression = match_expression(query)
    rows = []
    if expression is not None:
        try:
            rows = conn.execute(
                "SELECT d.kind, d.ref_id, d.title, d.body, bm25(search_fts, 1.0, 0.7, 0.9) AS score "
                "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
                "WHERE search_fts MATCH ? ORDER BY score LIMIT ?",
                (expression, limit * 4),
            ).fetchall()
        except sqlite3.OperationalError:
            rows = []
    if not rows:
        rows = _scan(conn, query, limit * 4)
    terms = _highlight_terms(conn, query)
    hits = []
    for kind, ref_id, title, body, score in rows:
        snippet, spans = _snippet(body, terms)
        hits.append(SearchHit(kind, ref_id, title, snippet, float(score), spans))
    hits.sort(key=lambda h: (round(h.score, 3), _KIND_ORDER.get(h.kind, 9)))
    return hits[:limit]


def _scan(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple]:
    """Substring scan for one-character queries and whatever the index cannot express."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return conn.execute(
        "SELECT kind, ref_id, title, body, 0.0 FROM search_docs "
        "WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' ORDER BY rowid LIMIT ?",
        (pattern, pattern, limit),
    ).fetchall()


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
        if not term:
            continue
        for m in re.finditer(re.escape(term.lower()), lowered):
            spans.append((m.start(), m.end()))
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
