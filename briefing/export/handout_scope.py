"""What a handout covers and about how long it will be, known before any page is laid out.

A handout has one section per subject with figures, its charts, every proposal and the sources.
For the bundled briefing that is under twenty pages; for a briefing of a thousand ports it is tens
of thousands, which no meeting wants and which takes many minutes to write. `estimate_pages`
counts what would go in (on the database's indexes, in well under a second even then) and turns it
into pages with the layout's own sizes, so the command line and the export dialog can say so up
front and offer the handout of some ports instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.drawing.chart_painter import SERIES_HEIGHT

LONG_HANDOUT_PAGES = 300  # above this, the whole handout is written only when asked for explicitly

# The layout's sizes in points (layout.py, handout.py, chart_image.py), checked against its output
# (the bundled briefing: 18 pages; one of 50 ports, 50,000 figures and 500 proposals: 5,259):
PAGE_HEIGHT = 722.0  # A4 less the top and bottom margins
TABLE_ROW = 20.2  # one line of a figures table
SUBJECT_HEADING = 64.0  # a subject's heading, details and table header
COMPARISON_BAR, COMPARISON_FRAME, CHART_GAP = 21.0, 58.0, 10.0
MAX_BARS = 15  # charts.MAX_BARS: a comparison shows at most this many subjects
PROPOSAL_HEAD = 62.0  # title, speaker and ports lines
CHARACTERS_PER_LINE, TEXT_LINE = 44, 15.2  # proposals' text
SOURCE_ENTRY = 56.0  # a reference: heading line and an excerpt of about two lines
ROSTER_ROW = 16.0
FILL = 1.08  # pages are not filled to the last point: headings move to the next page with their text


@dataclass(frozen=True)
class Estimate:
    pages: int  # about
    subjects: int
    figures: int
    proposals: int

    @property
    def long(self) -> bool:
        return self.pages > LONG_HANDOUT_PAGES


def ports_of(briefing, subject_ids) -> set[str]:
    """The ports some subjects stand for: the ports themselves and the members of places."""
    ports: set[str] = set()
    for subject_id in subject_ids:
        place = briefing.place(subject_id)
        if place is not None:
            ports.update(place.port_ids)
        elif briefing.port(subject_id) is not None:
            ports.add(subject_id)
    return ports


def proposals_in_scope(briefing, subject_ids: tuple[str, ...] | None) -> list:
    """Every proposal, or those about a port the subjects stand for, in the briefing's order."""
    proposals = briefing.proposals()
    if subject_ids is None:
        return list(proposals)
    ports = ports_of(briefing, subject_ids)
    return [p for p in proposals if ports.intersection(p.port_ids)]


def unknown_subjects(briefing, subject_ids) -> list[str]:
    return [s for s in subject_ids if briefing.subject(s) is None]


def estimate_pages(briefing, subject_ids: tuple[str, ...] | None = None) -> Estimate:
    """About how many pages the handout (of every subject, or of these) will have."""
    every = briefing.figure_counts()
    series = every if subject_ids is None else briefing.figure_counts(subject_ids)
    reporting: dict[str, int] = {}  # indicator -> subjects with a full year of it: a comparison's bars
    for _subject, indicator, _figures, years in every:
        reporting[indicator] = reporting.get(indicator, 0) + (years > 0)
    points, chart_pages = 0.0, 0.0
    per_page_series = max(1, int(PAGE_HEIGHT // (SERIES_HEIGHT + CHART_GAP)))
    for _subject, indicator, figures, years in series:
        points += figures * TABLE_ROW
        chart_pages += (years >= 2) / per_page_series  # a chart never splits over pages
        if years and reporting[indicator] >= 2:
            height = COMPARISON_FRAME + COMPARISON_BAR * min(reporting[indicator], MAX_BARS) + CHART_GAP
            chart_pages += 1 / max(1, int(PAGE_HEIGHT // height))
    subjects = {row[0] for row in series}
    proposals = proposals_in_scope(briefing, subject_ids)
    for proposal in proposals:
        points += PROPOSAL_HEAD + (len(proposal.text_zh) // CHARACTERS_PER_LINE + 1) * TEXT_LINE
    cited = briefing.cited_passage_count(subject_ids) + sum(len(p.passage_ids) for p in proposals)
    ports = len(briefing.ports) if subject_ids is None else len(ports_of(briefing, subject_ids))
    points += len(subjects) * (SUBJECT_HEADING + TEXT_LINE) + cited * SOURCE_ENTRY + ports * ROSTER_ROW
    pages = 2 + round(points * FILL / PAGE_HEIGHT + chart_pages)  # and the cover and the map
    return Estimate(pages, len(subjects), sum(row[2] for row in series), len(proposals))
