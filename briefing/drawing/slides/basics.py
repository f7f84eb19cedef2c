"""The words and figures of slides: names in the slide's language, figures as written with their
sources, which figures lead, the one picture (a chart or a map), and what the article says of a port."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefing.drawing.chart_specs import comparison_specs, is_annual, series_specs
from briefing.drawing.chart_words import chart_word
from briefing.drawing.formatting import period_text, source_date, unit_text, value_text, written_text
from briefing.drawing.i18n import in_language, short_chinese_name, short_english_name
from briefing.drawing.slides.records import Citation, Hero, MapPort, Picture
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
    "not_drawn": QT_TRANSLATE_NOOP("Slides", "另有 {0} 个无可靠坐标,未标出"),
    "stop_overview": QT_TRANSLATE_NOOP("Slides", "全区口岸概览"),
    "stop_sources": QT_TRANSLATE_NOOP("Slides", "资料来源"),
}


def _short_source(source: Source, language: str) -> str:
    if source.publisher:
        return f"{source.publisher} {source_date(source, language)}".strip()
    found = _DATED.match(source.title)
    return found.group(1).strip() if found else source.title


class Basics:
    """Names, figures, sources and pictures in one language, for the slide builders (`compose`)."""

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
            head = _short_source(source, self.w.language) if source else ""
            number = self.t("paragraph", passage.position) if passage else ""
            return " · ".join(x for x in (head, number) if x)
        source = self.b.source(source_id)
        return _short_source(source, self.w.language) if source else source_id

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
        # every shape and fill drawn is in the legend, the small unmarked ports' too
        modes = [m for m in ("rail", "road", "air") if any(p.mode == m for p in ports)]
        legend = [(m, self.w.mode(m)) for m in modes]
        if any(p.hollow for p in ports):
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
        counterpart = in_language(port.counterpart, port.counterpart_en, self.w.language)
        if counterpart:
            parts.append(f"{counterpart} ({self.w.country(port.country)})")
        if self.outlines is None:
            self.outlines = self.b.outlines()
        league = next((o for o in self.outlines if o.name_zh == port.league_city), None)
        parts.append(
            self.names(league)[0] if league else in_language(port.league_city, port.league_city_en, self.w.language)
        )
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
