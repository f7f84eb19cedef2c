"""The figures as CSV: one row per observation with its citation, UTF-8 with a BOM so Excel reads
the Chinese correctly.

Numbers are written exactly as stored (never rounded: a derived 1959.4517958412096 stays so),
and every row names the paragraph (id and text) or the outside source it came from.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from briefing.drawing.i18n import checked_language, in_language, local_name
from briefing.export.save import write_bytes
from briefing.store.records import Passage

COLUMNS = (
    "observation_id",
    "subject_id",
    "subject",
    "indicator_id",
    "indicator",
    "period",
    "period_label",
    "value",
    "unit",
    "kind",
    "as_written",
    "passage_id",
    "passage_text",
    "source_id",
    "source",
    "source_url",
    "formula",
    "note",
    "source_publisher",
    "source_published",
    "source_accessed",
    "source_url_kind",
    "confidence",
    "after_article",
)


def number_cell(value: float) -> str:
    """The stored number, exactly: 2400 for 2400.0, and every digit of a float (repr round-trips)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def observations_in(briefing, subject_id: str | None = None) -> list:
    """One subject's observations, or every subject's in the briefing's order."""
    subjects = [subject_id] if subject_id else [s.id for s in briefing.subjects]
    return [obs for sid in subjects for obs in briefing.observations_for(sid)]


def rows(briefing, observations, lang: str = "zh") -> list[dict[str, str]]:
    lang = checked_language(lang)
    passages: dict[str, Passage | None] = {}
    out = []
    for obs in observations:
        subject = briefing.subject(obs.subject_id)
        indicator = briefing.indicator(obs.indicator_id)
        if obs.passage_id and obs.passage_id not in passages:
            passages[obs.passage_id] = briefing.passage(obs.passage_id)
        passage = passages.get(obs.passage_id) if obs.passage_id else None
        source = briefing.source(passage.source_id if passage else obs.source_id)
        out.append(
            {
                "observation_id": obs.id,
                "subject_id": obs.subject_id,
                "subject": local_name(subject, lang) if subject else obs.subject_id,
                "indicator_id": obs.indicator_id,
                "indicator": local_name(indicator, lang) if indicator else obs.indicator_id,
                "period": obs.period,
                "period_label": in_language(obs.period_zh, obs.period_en, lang),
                "value": number_cell(obs.value),
                "unit": obs.unit,
                "kind": obs.kind,
                "as_written": obs.as_written,
                "passage_id": obs.passage_id or "",
                "passage_text": passage.text if passage else "",
                "source_id": source.id if source else obs.source_id,
                "source": source.title if source else "",
                "source_url": source.url if source else "",
                "formula": obs.formula,
                "note": in_language(obs.note_zh, obs.note_en, lang),
                "source_publisher": source.publisher if source else "",
                "source_published": source.published if source else "",
                "source_accessed": source.accessed if source else "",
                "source_url_kind": source.url_kind if source else "",
                "confidence": obs.confidence,
                "after_article": "yes" if obs.after_article else "",
            }
        )
    return out


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), =cmd|' /C calc'!A0,
# @SUM(…)): text from a briefing gets a leading ' so it stays text. The value column is left alone: it is
# a number this module writes (number_cell), and a negative figure must stay a number.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_COLUMNS = frozenset({"value"})


def text_cell(text: str) -> str:
    """Text a spreadsheet shows as text, never runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(table: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)  # the csv module's dialect: what Excel expects
    writer.writeheader()
    writer.writerows(
        {
            key: value if key in NUMBER_COLUMNS or not isinstance(value, str) else text_cell(value)
            for key, value in row.items()
        }
        for row in table
    )
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(briefing, path: Path, subject_id: str | None = None, lang: str = "zh") -> int:
    """Write the observations (of one subject, or all) as CSV, atomically; returns the row count."""
    table = rows(briefing, observations_in(briefing, subject_id), lang)
    write_bytes(Path(path), csv_bytes(table), protected=(briefing.path,))
    return len(table)
