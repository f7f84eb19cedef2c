"""What audience text may not contain: the curators' working vocabulary, ids, file names, addresses,
and, in a Chinese field, English prose.

Audience text is what the viewer, the stage, the handout and the CSV show. The rules here are used
by the build (which refuses a curated file that breaks them, pointing at its line) and by the tests
over the bundled briefing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words from the research trail, not from the briefing: how a value was found, which pass, what is
# still to check. Latin words match whole words, case-insensitively; Chinese phrases anywhere.
PROCESS_WORDS = (
    "pass",
    "left empty",
    "low-confidence",
    "low confidence",
    "verify",
    "verified",
    "unverified",
    "wikipedia",
    "wiki",
    "echarts",
    "bd-09",
    "geocode",
    "look-up",
    "lookup",
    "corroboration",
    "researcher",
    "curator",
    "reference indicator",
    "infobox",
    "github",
    "todo",
    "fixme",
    "approx",
    "general knowledge",
    "not found",
    "per ports",
    "dashboard",
    "mirror",
)
PROCESS_PHRASES_ZH = ("待核实", "未核实", "待查", "留空", "低可信度", "维基", "调研", "检索")
_PROCESS = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(w) for w in PROCESS_WORDS) + r")(?![A-Za-z])", re.IGNORECASE
)
_FILE_NAME = re.compile(r"[\w.-]+\.(?:csv|toml|sqlite|json|geojson|py|md|txt|dat)\b", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|cn|org|net|hk|ru|mn|de|info|io)\b", re.IGNORECASE)
# A short id of the curated files (s088, p02): one lower-case letter and digits, alone.
_SHORT_ID = re.compile(r"(?<![A-Za-z0-9])[a-z]\d{2,4}(?![A-Za-z0-9])")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Three or more Latin words in a row (with spaces, commas, hyphens or apostrophes between them).
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,'’()-]+[A-Za-z]{2,}){2,}")


def problems(text: str, ids: Iterable[str] = (), chinese: bool = False) -> list[str]:
    """Why `text` cannot be shown to an audience (empty when it can). `ids`: the briefing's own ids,
    any of which is an internal name; `chinese`: the field is Chinese."""
    found: list[str] = []
    if not text:
        return found
    if match := _PROCESS.search(text):
        found.append(f"the working word {match.group(0)!r}")
    for phrase in PROCESS_PHRASES_ZH:
        if phrase in text:
            found.append(f"the working word {phrase!r}")
    if match := _FILE_NAME.search(text):
        found.append(f"the file name {match.group(0)!r}")
    if match := _URL.search(text):
        found.append(f"an address {match.group(0)!r}")
    if match := _SHORT_ID.search(text):
        found.append(f"the internal id {match.group(0)!r}")
    for ident in ids:
        if ident in text and ("-" in ident or any(c.isdigit() for c in ident)):
            found.append(f"the internal id {ident!r}")
            break
    if chinese and (match := _ENGLISH_RUN.search(text)):
        if len(_CJK.findall(text)) < 2 * len(match.group(0).split()):
            found.append(f"English prose in a Chinese field ({match.group(0)[:30]!r}…)")
    return found
