"""Frozen records the store hands out; the viewer never sees a database row."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of observation, in the order the viewer lists them.
KINDS = (
    "reported",
    "cumulative",
    "target",
    "lower_bound",
    "approximate",
    "growth_rate",
    "share",
    "derived",
)
MODES = ("rail", "road", "air")
PRECISIONS = ("exact", "nearby_town", "approximate")
BODIES = ("npc_deputy", "cppcc_member", "official")
CONFIDENCES = ("high", "medium", "low")
# A source is a dated publication (news, an official release, a journal) or a reference work (an
# encyclopedia entry, a gazetteer, a data set) whose version may carry no date.
SOURCE_KINDS = ("publication", "reference")
# What the source's address points at: the publisher's own page, or a copy on another site.
URL_KINDS = ("", "original", "repost", "mirror")
PLACE_LEVELS = ("region", "league_city", "port_group")


@dataclass(frozen=True)
class Source:
    """A source as a reader cites it: who published it, when, under what title, and where to read it.

    `url_kind` says whether `url` is the publisher's own page ("original" or "") or a copy of it on
    another site ("repost", "mirror"); `publisher` always names the original publisher. `accessed` is
    the day a curator consulted a reference work that carries no date of its own (an encyclopedia
    entry), the date such a work is cited with."""

    id: str
    kind: str
    publisher: str
    published: str
    accessed: str
    title: str
    language: str
    url: str
    url_kind: str

    @property
    def is_copy(self) -> bool:
        return self.url_kind in ("repost", "mirror")


@dataclass(frozen=True)
class Passage:
    id: str
    source_id: str
    section: str
    position: int
    text: str


@dataclass(frozen=True)
class Port:
    id: str
    name_zh: str
    name_en: str
    mode: str
    country: str
    counterpart: str
    counterpart_en: str
    league_city: str
    league_city_en: str
    county: str
    county_en: str
    lat: float | None
    lon: float | None
    coord_precision: str
    position_zh: str  # audience text: what the marker's point is and how sure it is
    position_en: str
    status_zh: str  # audience text: whether and how the port operates
    status_en: str

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Place:
    """A subject that is not a single port: the region, a city, or ports counted together."""

    id: str
    name_zh: str
    name_en: str
    level: str
    port_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Subject:
    """Anything an observation can be about: a port or a place."""

    id: str
    kind: str  # "port" or a place level
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    unit: str


@dataclass(frozen=True)
class Observation:
    id: str
    subject_id: str
    indicator_id: str
    period: str
    period_zh: str
    value: float
    unit: str
    kind: str
    as_written: str
    passage_id: str | None
    source_id: str
    confidence: str
    formula: str
    note_zh: str  # audience text
    inputs: tuple[str, ...] = field(default=())
    note_en: str = ""
    period_en: str = ""
    period_inferred: bool = False  # the curator dated a figure its passage or source leaves undated
    decimals: int | None = None  # a derived value's precision: the decimals its inputs allow
    after_article: bool = False  # its period ends after the article's date: a later figure

    @property
    def is_derived(self) -> bool:
        return self.kind == "derived"


@dataclass(frozen=True)
class Delegate:
    """A speaker: a deputy, a CPPCC member, or an official quoted without a seat."""

    id: str
    name_zh: str
    body: str
    titles: str
    passage_id: str | None


@dataclass(frozen=True)
class Proposal:
    id: str
    delegate_id: str
    title_zh: str
    text_zh: str
    passage_id: str
    passage_ids: tuple[str, ...]
    topics: tuple[str, ...]
    port_ids: tuple[str, ...]
    title_en: str = ""  # the curator's translation of the heading, not the article's words


@dataclass(frozen=True)
class Outline:
    """A league or city outline for the map: rings of (lon, lat) points, and a label point."""

    id: str
    name_zh: str
    name_en: str
    label_lon: float
    label_lat: float
    rings: tuple[tuple[tuple[float, float], ...], ...]


@dataclass(frozen=True)
class SearchHit:
    kind: str  # port, place, indicator, series, proposal, delegate, passage
    ref_id: str
    title: str
    snippet: str
    score: float
    spans: tuple[tuple[int, int], ...] = ()  # matched character ranges within snippet


@dataclass(frozen=True)
class Summary:
    title_zh: str
    title_en: str
    as_of: str
    data_through: str
    schema_version: int
    built_at: str
    ports: int
    observations: int
    proposals: int
    delegates: int
    passages: int


def period_end_month(period: str) -> str:
    """The month a sortable period ends in: `2024` -> `2024-12`, `2025-03-10` -> `2025-03`."""
    period = period.strip()
    return period[:7] if len(period) >= 7 else f"{period[:4]}-12"


def has_later_figures(meta: dict[str, str]) -> bool:
    """Whether a briefing's figures reach past its article's date (meta `data_through` after `as_of`)."""
    as_of, through = meta.get("as_of", ""), meta.get("data_through", "")
    return bool(as_of and through) and through > period_end_month(as_of)
