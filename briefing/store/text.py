"""Splitting text for the search index, shared by the build and the query side (no dictionary)."""

from __future__ import annotations

import re

# CJK unified ideographs (with extension A and compatibility ideographs).
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+(?:\.[0-9]+)?")


def cjk_runs(text: str) -> list[str]:
    return CJK_RUN.findall(text)


def bigrams(run: str) -> list[str]:
    """Overlapping two-character pieces of one CJK run; a lone character stands for itself."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def latin_words(text: str) -> list[str]:
    return [word.lower() for word in LATIN_WORD.findall(text)]


def bigram_text(text: str) -> str:
    """The `bi` column: bigrams of each CJK run (never spanning punctuation) plus Latin words."""
    parts: list[str] = []
    for run in cjk_runs(text):
        parts.extend(bigrams(run))
    parts.extend(latin_words(text))
    return " ".join(parts)
