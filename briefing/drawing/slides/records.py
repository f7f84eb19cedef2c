"""The slides as data: what each kind of slide shows, every word already in the slide's language.
`compose` makes them from the briefing; `paint` draws them; the presenter view reads their citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec
from briefing.store.records import Outline


@dataclass(frozen=True)
class Citation:
    """What stands behind a figure or quotation on a slide: a paragraph of the article or a source."""

    line: str  # short, for the audience: "内蒙古日报 2025-03 · 第 16 段" / "Xinhua 2023-02-24"
    passage_id: str = ""
    source_id: str = ""
    text: str = ""  # the paragraph itself (for the presenter), or the source's title
    highlight: str = ""  # the figure as written, to mark in `text`


@dataclass(frozen=True)
class Hero:
    """A figure drawn large: the value as written, what it measures, when, its kind, and its source."""

    value: str  # 超2400万吨, 约2.4亿元, ≈1959.45亿元 (derived)
    label: str  # the indicator's name
    period: str  # 2024年 / 2024
    kind: str
    kind_label: str  # 实际值, 下限(超/至少), 目标, 推算值 …
    source: str  # the short source line
    observation_id: str = ""
    written: str = ""  # in English, the figure as the source wrote it in Chinese ("" when the same)


@dataclass(frozen=True)
class MapPort:
    id: str
    label: str  # the place, short: 满洲里 / Manzhouli
    mode: str
    lon: float
    lat: float
    hollow: bool  # an approximate position
    marked: bool  # drawn large and named


@dataclass(frozen=True)
class Picture:
    """The one picture of a slide: a history chart, a comparison, or a map with some ports marked."""

    kind: str  # "series", "comparison" or "map"
    title: str = ""
    note: str = ""  # the unit; what the star means
    points: tuple[tuple[str, str, str, float], ...] = ()  # series: (year, value as written, kind, value)
    bars: tuple[tuple[str, str, str, float, bool], ...] = ()  # comparison: (name, value, kind, value, own)
    ports: tuple[MapPort, ...] = ()  # map
    outlines: tuple[Outline, ...] = ()  # map: the leagues' outlines (store records)
    leagues: tuple[str, ...] = ()  # map: leagues (Chinese names) tinted, for ports without a position
    legend: tuple[tuple[str, str], ...] = ()  # map: (mode, its name) for the modes shown
    spec: SeriesSpec | ComparisonSpec | None = field(default=None, compare=False)


@dataclass(frozen=True, kw_only=True)
class _Base:
    stop_name: str = ""
    citations: tuple[Citation, ...] = ()

    @property
    def kind(self) -> str:
        return KINDS[type(self)]


@dataclass(frozen=True, kw_only=True)
class SubjectSlide(_Base):
    """A port or place with figures: name, one line of what it is, up to three figures, one picture."""

    subject_id: str
    name: str
    other_name: str
    line: str
    heroes: tuple[Hero, ...]
    picture: Picture | None = None


@dataclass(frozen=True)
class ProfileEntry:
    port_id: str
    name: str
    other_name: str
    line: str  # mode · counterpart (country) · league or city
    place: str  # where the map has it: exact, nearby town, approximate, no coordinate
    said: str = ""  # what the article says of it (one sentence), or that it does not name it
    said_source: str = ""
    named: bool = False  # whether the article names it (else `said` says that it does not)
    proposals: tuple[str, ...] = ()  # the headings of delegates' proposals about it
    status: str = ""  # how it is open (year-round, seasonal, what it carries), as the briefing says


@dataclass(frozen=True, kw_only=True)
class ProfileSlide(_Base):
    """Ports without figures: one large, or several together (a group by mode and neighbour)."""

    title: str
    subtitle: str
    entries: tuple[ProfileEntry, ...]
    picture: Picture | None = None


@dataclass(frozen=True, kw_only=True)
class ProposalSlide(_Base):
    proposal_id: str
    speaker: str
    seat: str  # 全国人大代表 / 全国政协委员 / 官员 (in the slide's language)
    body: str  # npc_deputy, cppcc_member or official
    titles: str  # the speaker's posts as the article gives them
    title: str  # the proposal's heading
    sentences: tuple[str, ...]  # its sentences in order
    ranks: tuple[int, ...] = ()  # indices into `sentences`, the key ones first (the painter shows the top few)
    ports: tuple[str, ...]  # names of the ports it concerns ("" tuple: the region in general)
    ports_label: str  # "涉及口岸:满洲里铁路口岸、满洲里公路口岸" / "Ports concerned: Manzhouli (railway), …"
    source: str


@dataclass(frozen=True, kw_only=True)
class PassageSlide(_Base):
    passage_id: str
    heading: str  # the section
    quote: str
    highlight: str  # the figure as written, marked in the quote ("" for none)
    source: str
    about: str = ""  # whose figure is marked, and what it measures


@dataclass(frozen=True, kw_only=True)
class OverviewSlide(_Base):
    title: str
    subtitle: str
    heroes: tuple[Hero, ...]
    picture: Picture


@dataclass(frozen=True, kw_only=True)
class SourcesSlide(_Base):
    title: str
    lines: tuple[str, ...]  # the article first, then the sources behind the figures shown
    note: str


Slide = SubjectSlide | ProfileSlide | ProposalSlide | PassageSlide | OverviewSlide | SourcesSlide
KINDS = {
    SubjectSlide: "subject",
    ProfileSlide: "profile",
    ProposalSlide: "proposal",
    PassageSlide: "passage",
    OverviewSlide: "overview",
    SourcesSlide: "sources",
}
