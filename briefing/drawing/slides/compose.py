"""Each kind of slide made from the briefing: a subject with figures, a profile of ports without
figures, a proposal, a passage, the overview, the sources."""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.drawing.formatting import briefing_title, proposal_title, source_date
from briefing.drawing.i18n import in_language
from briefing.drawing.slides.basics import _SENTENCE, Basics
from briefing.drawing.slides.records import (
    Citation,
    OverviewSlide,
    PassageSlide,
    ProfileEntry,
    ProfileSlide,
    ProposalSlide,
    Slide,
    SourcesSlide,
    SubjectSlide,
)
from briefing.store.records import Port, Source


class Composer(Basics):
    """Makes slides; remembers the outside sources of the figures it shows, for the closing slide."""

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
            in_language(port.status_zh, port.status_en, self.w.language),
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
        not_drawn = sum(1 for port in self.b.ports if not port.has_position)
        if not_drawn:  # counted above but not on the map: the room is told, not left to count
            legend += (("note", self.t("not_drawn", not_drawn)),)
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
                lines.append(_short_title(source, self.w.language))
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


def _short_title(source: Source, language: str) -> str:
    """A source's title without the curators' asides ("(repost)", "(summary)")."""
    title = re.sub(r"\s*\((?:repost|summary|via [^)]*|[^)]*mirror[^)]*)\)", "", source.title).strip()
    return f"{source.publisher} {title} {source_date(source, language)}".strip() if source.publisher else title
