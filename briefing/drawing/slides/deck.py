"""What each slide of the stage says, worked out from the briefing and an agenda stop (no painting).

A stop of the agenda (see the agenda file: tab, subject, chart, proposal, passage) becomes one slide:
a port or place with figures, a profile of ports without figures, a proposal, a passage, the
overview map, or the closing list of sources. The same slides are painted on the stage, in the
presenter view's pictures and in the deck PDF (see `paint`). All words are resolved here, in the
language asked for, so painting needs nothing but the slide and a theme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefing.drawing.chart_specs import ComparisonSpec, SeriesSpec, comparison_specs, is_annual, series_specs
from briefing.drawing.chart_words import chart_word
from briefing.drawing.formatting import (
    briefing_title,
    period_text,
    proposal_title,
    unit_text,
    value_text,
    written_text,
)
from briefing.drawing.i18n import short_chinese_name, short_english_name
from briefing.drawing.slides.words import Words
from briefing.store.records import Observation, Outline, Port, Source, Subject

if TYPE_CHECKING:
    from briefing.store.queries import Briefing


class Named(Protocol):
    """A record with a Chinese name and perhaps an English one (port, place, indicator, league)."""

    @property
    def name_zh(self) -> str: ...

    @property
    def name_en(self) -> str: ...


MAX_HEROES = 3
MAX_BARS = 6  # a comparison on a slide: the largest few and the subject itself (a room reads six bars)
# Which figures lead a slide: levels (money, tonnes, trains) before rates and shares, counts of
# things (个, 家, 项) after those, plans and computed values last; reported before cumulative.
_TIERS = {
    "reported": 0,
    "lower_bound": 0,
    "approximate": 0,
    "cumulative": 0,
    "growth_rate": 1,
    "share": 1,
    "target": 3,
    "derived": 4,
}
_COUNTS = ("个", "大", "项", "家", "条")
_SENTENCE = re.compile(r"[^。!?;!?]+[。!?!?;]?")
_DATED = re.compile(r"^(.*?\d{4}(?:-\d{2}){0,2})")  # "Xinhua 2023-02-24 'Title…'" -> "Xinhua 2023-02-24"


# -- slide records ----------------------------------------------------------------------------------


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

# -- words --------------------------------------------------------------------------------------------

_AS_WRITTEN = QT_TRANSLATE_NOOP("FactCard", "原文:{written}")  # the cards' own words for it
_W = {  # marked for lupdate; str() where used, as the marker is typed object
    "paragraph": QT_TRANSLATE_NOOP("Slides", "第 {0} 段"),
    "not_named": QT_TRANSLATE_NOOP("Slides", "原文未单独提及"),
    "concerns": QT_TRANSLATE_NOOP("Slides", "涉及口岸"),
    "sources": QT_TRANSLATE_NOOP("Slides", "资料来源"),
    "sources_note": QT_TRANSLATE_NOOP("Slides", "每个数字都注明出处:原文段落,或其他公开来源。"),
    "more_sources": QT_TRANSLATE_NOOP("Slides", "另有 {0} 个来源,见简报的“来源”"),
    "star": QT_TRANSLATE_NOOP("Slides", "★ 本页主体"),
    "no_figures": QT_TRANSLATE_NOOP("Slides", "尚无数据的口岸"),
    "group_road": QT_TRANSLATE_NOOP("Slides", "通往{0}的公路口岸"),
    "group_air": QT_TRANSLATE_NOOP("Slides", "航空口岸"),
    "group_rail": QT_TRANSLATE_NOOP("Slides", "铁路口岸"),
    "group_sub": QT_TRANSLATE_NOOP("Slides", "本简报中尚无这些口岸的数据"),
    "profile_sub": QT_TRANSLATE_NOOP("Slides", "本简报中尚无此口岸的数据"),
    "hollow": QT_TRANSLATE_NOOP("Slides", "空心:大致位置"),
    "proposal_about": QT_TRANSLATE_NOOP("Slides", "代表委员建议:"),
    "league": QT_TRANSLATE_NOOP("Slides", "无坐标口岸所在盟市"),
    "stop_overview": QT_TRANSLATE_NOOP("Slides", "全区口岸概览"),
    "stop_sources": QT_TRANSLATE_NOOP("Slides", "资料来源"),
}


# -- composing ----------------------------------------------------------------------------------------


class _Composer:
    def __init__(self, briefing: Briefing, language: str) -> None:
        self.b, self.w = briefing, Words(language)
        self.en = self.w.language == "en"
        meta = briefing.meta
        self.article = briefing.source(meta.get("source_id", ""))
        self.shown_sources: list[str] = []
        self.outlines: tuple[Outline, ...] | None = None

    def t(self, key: str, *args: object) -> str:
        text = self.w.say("Slides", str(_W[key]))
        return text.format(*args) if args else text

    # names
    def names(self, record: Named) -> tuple[str, str]:
        """(name, other name): the interface language's first, the other as a subtitle."""
        zh, en = record.name_zh, getattr(record, "name_en", "") or ""
        if self.en and en:
            return en, zh
        return zh, en

    def period(self, obs: Observation) -> str:
        return period_text(obs, self.w.language)

    def source_line(self, obs: Observation | None = None, passage_id: str = "", source_id: str = "") -> str:
        passage_id = passage_id or (obs.passage_id if obs is not None else "") or ""
        source_id = source_id or (obs.source_id if obs is not None else "")
        if passage_id:
            passage = self.b.passage(passage_id)
            source = self.b.source(passage.source_id) if passage else None
            head = _short_source(source) if source else ""
            number = self.t("paragraph", passage.position) if passage else ""
            return " · ".join(x for x in (head, number) if x)
        source = self.b.source(source_id)
        return _short_source(source) if source else source_id

    def citation(self, obs: Observation) -> Citation:
        if obs.passage_id:
            passage = self.b.passage(obs.passage_id)
            return Citation(self.source_line(obs), obs.passage_id, "", passage.text if passage else "", obs.as_written)
        source = self.b.source(obs.source_id)
        self._remember(obs.source_id)
        return Citation(self.source_line(obs), "", obs.source_id, source.title if source else "", "")

    def _remember(self, source_id: str) -> None:
        if source_id and source_id not in self.shown_sources:
            self.shown_sources.append(source_id)

    # figures
    def value(self, obs: Observation) -> str:
        """As the source wrote it (超2400万吨, 约2.4亿元); a derived value as ≈1,959.45亿元."""
        return value_text(obs, self.w.language)

    def hero(self, obs: Observation) -> Hero:
        indicator = self.b.indicator(obs.indicator_id)
        label = self.names(indicator)[0] if indicator else obs.indicator_id
        value, written = self.value(obs), written_text(obs)
        shown_written = self.w.say("FactCard", str(_AS_WRITTEN)).format(written=written) if written != value else ""
        return Hero(
            value,
            label,
            self.period(obs),
            obs.kind,
            self.w.kind(obs.kind),
            self.source_line(obs),
            obs.id,
            shown_written,
        )

    def heroes(self, observations: tuple[Observation, ...], first: str = "") -> list[Observation]:
        counts: dict[tuple[str, str], int] = {}
        for o in observations:
            if is_annual(o):
                counts[(o.indicator_id, o.unit)] = counts.get((o.indicator_id, o.unit), 0) + 1

        def key(obs: Observation) -> tuple[bool, bool, int, bool, bool, int, int, bool, int]:
            passage = self.b.passage(obs.passage_id) if obs.passage_id else None
            tier = _TIERS.get(obs.kind, 5)
            if tier == 0 and ("%" in obs.unit or "百分点" in obs.unit):
                tier = 1
            elif tier <= 1 and obs.unit in _COUNTS:
                tier = 2
            return (
                obs.indicator_id != first,
                obs.passage_id is None,
                tier,
                obs.kind == "cumulative",
                not is_annual(obs) and obs.passage_id is None,  # a full year before part of a later one
                -(counts.get((obs.indicator_id, obs.unit), 0) >= 2),
                -int(obs.period[:4] or 0),
                "元" not in obs.unit,  # of the same year, an amount of money (trade, exports) leads
                passage.position if passage else 0,
            )

        ranked = sorted(observations, key=key)
        chosen: list[Observation] = []
        for obs in ranked:  # one figure per indicator first
            if obs.indicator_id not in {o.indicator_id for o in chosen} and len(chosen) < MAX_HEROES:
                chosen.append(obs)
        later_first = sorted(ranked, key=lambda o: o.period, reverse=True)
        for obs in later_first:  # then, with room left, other periods of those shown, the latest first
            if obs not in chosen and len(chosen) < MAX_HEROES and not obs.is_derived:
                chosen.append(obs)
        return chosen

    # pictures
    def chart(self, subject_id: str, observations: tuple[Observation, ...], first: str) -> Picture | None:
        series = series_specs(self.b, observations)
        series.sort(key=lambda s: (s.indicator.id != first, -len(s.points)))
        comparisons = comparison_specs(self.b, subject_id, observations)
        comparisons.sort(key=lambda s: (s.indicator.id != first, -len(s.bars)))
        if series and (not comparisons or series[0].indicator.id == first or comparisons[0].indicator.id != first):
            spec = series[0]
            name = self.names(spec.indicator)[0]
            points = tuple((self._year(o.period), self._bar_label(o), o.kind, o.value) for o in spec.points)
            return Picture(
                "series",
                chart_word("series_title", self.w.language, name=name),
                chart_word("series_subtitle", self.w.language, unit=unit_text(spec.unit, self.w.language)),
                points=points,
                spec=spec,
            )
        if comparisons:
            comparison = comparisons[0]
            name = self.names(comparison.indicator)[0]
            bars = list(comparison.bars)
            if len(bars) > MAX_BARS:  # the largest, and the subject itself in place of the smallest of them
                top = bars[-(MAX_BARS - 1) :]
                own = [b for b in bars if b[0].id == subject_id and b not in top]
                bars = sorted(own + top, key=lambda b: b[1].value) if own else bars[-MAX_BARS:]
            rows = tuple(
                (
                    ("★ " if s.id == subject_id else "") + self.short_name(s),
                    f"{self.value(o)} ({self._year(o.period)})",
                    o.kind,
                    o.value,
                    s.id == subject_id,
                )
                for s, o in reversed(bars)
            )
            return Picture(
                "comparison",
                chart_word("comparison_title", self.w.language, name=name),
                self._comparison_note(comparison.unit, {o.period for _, o in bars}),
                bars=rows,
                spec=comparison,
            )
        return None

    def _comparison_note(self, unit: str, years: set[str]) -> str:
        """The unit, whether the bars share a year (a comparison across years says so), the star."""
        if len(years) == 1:
            year = next(iter(years))
            note = chart_word("comparison_one_year", self.w.language, unit=unit_text(unit, self.w.language), year=year)
        else:
            note = chart_word("comparison_mixed", self.w.language, unit=unit_text(unit, self.w.language))
        return f"{note} · {self.t('star')}"

    def _year(self, period: str) -> str:
        return chart_word("year", self.w.language, year=period)

    def _bar_label(self, obs: Observation) -> str:
        text = self.value(obs)
        return chart_word("target_prefix", self.w.language) + text if obs.kind == "target" else text

    def short_name(self, record: Subject) -> str:
        name, _ = self.names(record)
        port = self.b.port(record.id)
        if self.en and port is not None and port.name_en:  # "Erenhot (Rail)": the town and the mode
            return f"{short_english_name(port.name_en)} ({self.w.mode(port.mode)})"
        return name

    def map_picture(self, marked: Iterable[str], leagues: Iterable[str] = ()) -> Picture:
        marked = set(marked)
        ports = tuple(
            MapPort(p.id, self.map_label(p), p.mode, p.lon, p.lat, p.coord_precision != "exact", p.id in marked)
            for p in self.b.ports
            if p.lon is not None and p.lat is not None
        )
        modes = [m for m in ("rail", "road", "air") if any(p.mode == m and p.marked for p in ports)]
        legend = [(m, self.w.mode(m)) for m in modes]
        if any(p.marked and p.hollow for p in ports):
            legend.append(("hollow", self.t("hollow")))
        leagues = tuple(leagues)
        if leagues:
            legend.append(("league", self.t("league")))
        if self.outlines is None:
            self.outlines = self.b.outlines()
        return Picture("map", ports=ports, outlines=self.outlines, leagues=leagues, legend=tuple(legend))

    def map_label(self, port: Port) -> str:
        if self.en and port.name_en:
            return short_english_name(port.name_en)
        return short_chinese_name(port.name_zh)

    # port lines
    def port_line(self, port: Port) -> str:
        parts = [self.w.mode(port.mode)]
        counterpart = (port.counterpart_en if self.en else "") or port.counterpart
        if counterpart:
            parts.append(f"{counterpart} ({self.w.country(port.country)})")
        if self.outlines is None:
            self.outlines = self.b.outlines()
        league = next((o for o in self.outlines if o.name_zh == port.league_city), None)
        parts.append(self.names(league)[0] if league else (port.league_city_en if self.en else "") or port.league_city)
        return " · ".join(p for p in parts if p)

    def said(self, port: Port) -> tuple[str, str, str]:
        """The shortest sentence of the article that names the port as a port (its place and 口岸; for
        an airport, 航空 or 机场 too: a sentence about the city is not about its airport), with its
        source line and passage id; ("", "", "") when the article does not name it."""
        short = short_chinese_name(port.name_zh)
        if not self.article:
            return "", "", ""
        found: list[tuple[str, str]] = []
        for passage in self.b.passages():
            if passage.source_id != self.article.id or short not in passage.text:
                continue
            for sentence in _SENTENCE.findall(passage.text):
                about_port = "口岸" in sentence and (port.mode != "air" or "航空" in sentence or "机场" in sentence)
                if short in sentence and about_port:
                    found.append((sentence.strip(), passage.id))
        if not found:
            return "", "", ""
        sentence, passage_id = min(found, key=lambda item: len(item[0]))
        return sentence, self.source_line(passage_id=passage_id), passage_id

    # slides
    def subject_slide(self, subject_id: str, chart: str, name: str) -> Slide | None:
        port = self.b.port(subject_id)
        observations = self.b.observations_for(subject_id)
        if not observations:
            return self.profile_slide([port], name) if port else None
        place = self.b.place(subject_id)
        if port is not None:
            (title, other), line = self.names(port), self.port_line(port)
        elif place is not None:
            (title, other), line = self.names(place), self.w.place_level(place.level)
        else:
            return None
        chosen = self.heroes(observations, chart)
        picture = self.chart(subject_id, observations, chart or (chosen[0].indicator_id if chosen else ""))
        if picture is None and port and port.has_position:
            picture = self.map_picture([port.id])
        citations = tuple(self.citation(o) for o in chosen)
        return SubjectSlide(
            stop_name=name,
            subject_id=subject_id,
            name=title,
            other_name=other,
            line=line,
            heroes=tuple(self.hero(o) for o in chosen),
            picture=picture,
            citations=citations,
        )

    def entry(self, port: Port) -> tuple[ProfileEntry, Citation | None]:
        name, other = self.names(port)
        sentence, line, passage_id = self.said(port)
        entry = ProfileEntry(
            port.id,
            name,
            other,
            self.port_line(port),
            self.w.precision(port.coord_precision),
            sentence or self.t("not_named"),
            line,
            bool(sentence),
            tuple(
                f"{self.t('proposal_about')}{proposal_title(p, self.w.language)}"
                for p in self.b.proposals()
                if port.id in p.port_ids
            ),
            (port.status_en if self.en else "") or port.status_zh,
        )
        passage = self.b.passage(passage_id) if passage_id else None
        return entry, (Citation(line, passage_id, "", passage.text) if passage else None)

    def profile_slide(self, ports: list[Port], name: str, title: str = "") -> ProfileSlide:
        made = [self.entry(p) for p in ports]
        entries = tuple(e for e, _ in made)
        if len(ports) == 1:
            title, subtitle = entries[0].name, entries[0].other_name
            subtitle = subtitle + (" · " if subtitle else "") + self.t("profile_sub")
        else:
            subtitle = self.t("group_sub")
        placed = [p.id for p in ports if p.has_position]
        leagues = [p.league_city for p in ports if not p.has_position]
        return ProfileSlide(
            stop_name=name,
            title=title,
            subtitle=subtitle,
            entries=entries,
            picture=self.map_picture(placed, leagues),
            citations=tuple(c for _, c in made if c is not None),
        )

    def group_title(self, ports: list[Port]) -> str:
        modes = {p.mode for p in ports}
        countries = {p.country for p in ports}
        if modes == {"air"}:
            return self.t("group_air")
        if modes == {"rail"}:
            return self.t("group_rail")
        if modes == {"road"} and len(countries) == 1:
            return self.t("group_road", self.w.country(countries.pop()))
        return self.t("no_figures")

    def proposal_slide(self, proposal_id: str, name: str) -> ProposalSlide | None:
        proposal = self.b.proposal(proposal_id)
        if proposal is None:
            return None
        speaker = self.b.delegate(proposal.delegate_id)
        ports = tuple(self.names(port)[0] for pid in proposal.port_ids if (port := self.b.port(pid)) is not None)
        sentences = tuple(s.strip() for s in _SENTENCE.findall(proposal.text_zh.replace("\n", "")) if s.strip())
        ranks = _key_sentences(sentences, proposal.title_zh)
        passages = [self.b.passage(pid) for pid in proposal.passage_ids]
        citations = tuple(Citation(self.source_line(passage_id=p.id), p.id, "", p.text) for p in passages if p)
        return ProposalSlide(
            stop_name=name,
            proposal_id=proposal.id,
            speaker=speaker.name_zh if speaker else "",
            seat=self.w.body(speaker.body) if speaker else "",
            body=speaker.body if speaker else "",
            titles=speaker.titles if speaker else "",
            title=proposal_title(proposal, self.w.language),
            sentences=sentences,
            ranks=ranks,
            ports=ports,
            ports_label=(
                f"{self.t('concerns')}: {', '.join(ports)}" if self.en else f"{self.t('concerns')}:{'、'.join(ports)}"
            )
            if ports
            else "",
            source=citations[0].line if citations else "",
            citations=citations,
        )

    def passage_slide(self, passage_id: str, subject_id: str, name: str) -> PassageSlide | None:
        passage = self.b.passage(passage_id)
        if passage is None:
            return None
        mine = [o for o in self.b.observations_citing(passage_id) if o.as_written and o.subject_id == subject_id]
        highlight = mine[0].as_written if mine else ""
        about = ""
        if mine:
            subject = self.b.subject(subject_id)
            indicator = self.b.indicator(mine[0].indicator_id)
            about = " · ".join(self.names(r)[0] for r in (subject, indicator) if r is not None)
        line = self.source_line(passage_id=passage_id)
        section = passage.section.split(" / ")[-1] if passage.section else ""
        return PassageSlide(
            stop_name=name,
            passage_id=passage_id,
            heading=section,
            quote=passage.text,
            highlight=highlight,
            source=line,
            about=about,
            citations=(Citation(line, passage_id, "", passage.text, highlight),),
        )

    def overview_slide(self, name: str) -> OverviewSlide:
        title = briefing_title(self.b.meta, self.w.language)
        other = briefing_title(self.b.meta, "zh" if self.en else "en")
        other = "" if other == title else other
        region = next((p for p in self.b.places if p.level == "region"), None)
        chosen = self.heroes(self.b.observations_for(region.id)) if region else []
        counts: dict[str, int] = {}
        for port in self.b.ports:
            counts[port.mode] = counts.get(port.mode, 0) + 1
        picture = self.map_picture([p.id for p in self.b.ports])
        # the legend counts the ports of each mode (the title says how many in all)
        legend = tuple((key, f"{text} {counts[key]}" if key in counts else text) for key, text in picture.legend)
        return OverviewSlide(
            stop_name=name,
            title=title,
            subtitle=other,
            heroes=tuple(self.hero(o) for o in chosen),
            picture=replace(picture, legend=legend),
            citations=tuple(self.citation(o) for o in chosen),
        )

    def sources_slide(self, name: str) -> SourcesSlide:
        lines = []
        if self.article:
            lines.append(f"{self.article.publisher}《{self.article.title}》 {self.article.published}".strip())
        for source_id in self.shown_sources:
            source = self.b.source(source_id)
            if source is not None and source is not self.article:
                lines.append(_short_title(source))
        others = len(self.b.sources) - len(lines)
        note = self.t("sources_note") + (" " + self.t("more_sources", others) if others > 0 else "")
        return SourcesSlide(stop_name=name, title=self.t("sources"), lines=tuple(lines), note=note)


def _key_sentences(sentences: tuple[str, ...], title: str) -> tuple[int, ...]:
    """Sentence indices, the key ones first: those that propose (建议, 推动, 加快 …) and share most
    words with the proposal's heading; the scene-setting ones (政府工作报告提出 …) last."""
    pairs = {title[i : i + 2] for i in range(len(title) - 1)}
    verbs = ("建议", "要", "推动", "加快", "加大", "提升", "做大做强", "将")

    def score(index: int) -> float:
        text = sentences[index]
        shared = sum(1 for i in range(len(text) - 1) if text[i : i + 2] in pairs)
        return shared + 4 * any(v in text for v in verbs) - 6 * ("报告提出" in text) - index * 0.1

    return tuple(sorted(range(len(sentences)), key=score, reverse=True))


def _short_source(source: Source) -> str:
    if source.publisher:
        return f"{source.publisher} {source.published}".strip()
    found = _DATED.match(source.title)
    return found.group(1).strip() if found else source.title


def _short_title(source: Source) -> str:
    """A source's title without the curators' asides ("(repost)", "(summary)")."""
    title = re.sub(r"\s*\((?:repost|summary|via [^)]*|[^)]*mirror[^)]*)\)", "", source.title).strip()
    return f"{source.publisher} {title} {source.published}".strip() if source.publisher else title


# -- stops --------------------------------------------------------------------------------------------


def _field(stop: object, name: str) -> str:
    """A stop's field whether the stop is an agenda Stop (name, view) or its JSON object."""
    if isinstance(stop, dict):
        value = stop.get(name, "")
    elif name in ("name", "notes"):
        value = getattr(stop, name, "")
    else:
        view = getattr(stop, "view", stop)
        value = getattr(view, name, None)
        if value is None:
            value = (getattr(view, "extra", None) or {}).get(name, "")
    return value if isinstance(value, str) else ""


def _ports_field(stop: object) -> list[str]:
    data = stop if isinstance(stop, dict) else (getattr(getattr(stop, "view", stop), "extra", None) or {})
    ports = data.get("ports", [])
    return [p for p in ports if isinstance(p, str)] if isinstance(ports, list) else []


def slide_for_stop(composer: _Composer, stop: object) -> Slide:
    name = _field(stop, "name")
    tab, subject = _field(stop, "tab") or "ports", _field(stop, "subject_id")
    proposal, passage, chart = _field(stop, "proposal_id"), _field(stop, "passage_id"), _field(stop, "chart")
    special = _field(stop, "slide")
    made: Slide | None = None
    if special == "profiles":
        ports = [p for p in (composer.b.port(pid) for pid in _ports_field(stop)) if p is not None]
        if ports:
            made = composer.profile_slide(ports, name, composer.group_title(ports))
    elif special == "sources":
        made = composer.sources_slide(name)
    elif special == "overview":
        made = composer.overview_slide(name)
    if made is None and tab == "sources" and passage:
        made = composer.passage_slide(passage, subject, name)
    if made is None and tab == "proposals" and proposal:
        made = composer.proposal_slide(proposal, name)
    if made is None and subject and chart != "coverage":
        made = composer.subject_slide(subject, chart, name)
    if made is None and proposal:
        made = composer.proposal_slide(proposal, name)
    if made is None and passage:
        made = composer.passage_slide(passage, subject, name)
    if made is None and tab == "sources":
        made = composer.sources_slide(name)
    return made if made is not None else composer.overview_slide(name)


def slides_for_stops(briefing: Briefing, stops: Iterable[object], language: str) -> list[Slide]:
    """One slide per stop, in order, in `language` ("zh" or "en"). A stop naming what the briefing
    lacks falls back to the next thing it names, and at last to the overview: never a blank slide."""
    composer = _Composer(briefing, language)
    slides = [slide_for_stop(composer, stop) for stop in stops]
    # the closing list of sources names the outside sources of every figure shown before it
    return [composer.sources_slide(s.stop_name) if isinstance(s, SourcesSlide) else s for s in slides]


# -- the default agenda -------------------------------------------------------------------------------


def _groups(ports: list[Port]) -> list[list[Port]]:
    """Ports without figures by mode and neighbour, so the clicker steps through a few slides."""
    groups: dict[tuple[str, str], list[Port]] = {}
    for port in ports:
        groups.setdefault((port.mode, port.country if port.mode != "air" else ""), []).append(port)
    result = []
    for members in groups.values():
        for start in range(0, len(members), 6):  # six rows at most on a slide
            result.append(members[start : start + 6])
    return result


def default_stops(briefing: Briefing, language: str | None = None) -> list[dict[str, object]]:
    """A default agenda from the briefing, as stops of the agenda file (`Stop.from_json` reads each):
    overview, the region's headline figures, the ports with figures, the others grouped on profile
    slides, the proposals, and the sources. Names are in `language` (the interface's by default)."""
    words = Words(language)
    composer = _Composer(briefing, words.language)

    def t(key: str) -> str:
        return words.say("Slides", str(_W[key]))

    stops: list[dict[str, object]] = [{"name": t("stop_overview"), "tab": "ports", "slide": "overview"}]
    having = set(briefing.subjects_with_observations())
    region = next((p for p in briefing.places if p.level == "region" and p.id in having), None)
    if region is not None:
        chosen = composer.heroes(briefing.observations_for(region.id))
        first = chosen[0].indicator_id if chosen else ""
        stops.append({"name": composer.names(region)[0], "tab": "indicators", "subject_id": region.id, "chart": first})
    for place in briefing.places:
        if place.level == "league_city" and place.id in having:
            stops.append({"name": composer.names(place)[0], "tab": "indicators", "subject_id": place.id})
    without = []
    for port in briefing.ports:
        if port.id in having:
            stops.append({"name": composer.names(port)[0], "tab": "indicators", "subject_id": port.id})
        else:
            without.append(port)
    for group in _groups(without):
        title = composer.group_title(group) if len(group) > 1 else composer.names(group[0])[0]
        stops.append({"name": title, "tab": "ports", "slide": "profiles", "ports": [p.id for p in group]})
    for proposal in briefing.proposals():
        stops.append({"name": proposal.title_zh, "tab": "proposals", "proposal_id": proposal.id})
    stops.append({"name": t("stop_sources"), "tab": "sources", "slide": "sources"})
    return stops
