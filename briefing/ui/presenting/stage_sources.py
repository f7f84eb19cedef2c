"""What stands behind the figures on a slide, for the presenter: each passage of the article (with
the figures as written to mark in it) or outside source, once, in the order the slide cites them.
Read from the slide's own citations, never guessed from what else is on screen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Behind:
    line: str  # the short source line the slide shows ("内蒙古日报 2025-03-04 · 第 16 段")
    text: str  # the passage, or the outside source's title
    figures: tuple[str, ...] = ()  # as written, to mark in `text`


def sources_behind(slide) -> list[Behind]:
    found: dict[str, Behind] = {}
    for citation in getattr(slide, "citations", ()) or ():
        key = citation.passage_id or citation.source_id or citation.line
        if not key or not (citation.text or citation.line):
            continue
        figures = (citation.highlight,) if citation.highlight else ()
        if key in found:
            old = found[key]
            found[key] = Behind(old.line, old.text, old.figures + tuple(f for f in figures if f not in old.figures))
        else:
            found[key] = Behind(citation.line, citation.text or citation.line, figures)
    return list(found.values())
