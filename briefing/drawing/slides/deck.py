"""What each slide of the stage says, worked out from the briefing and an agenda stop (no painting).

A stop of the agenda (see the agenda file: tab, subject, chart, proposal, passage) becomes one slide:
a port or place with figures, a profile of ports without figures, a proposal, a passage, the
overview map, or the closing list of sources. The same slides are painted on the stage, in the
presenter view's pictures and in the deck PDF (see `paint`). All words are resolved here, in the
language asked for, so painting needs nothing but the slide and a theme.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.drawing.slides.basics import _W
from briefing.drawing.slides.compose import Composer
from briefing.drawing.slides.records import (
    KINDS,
    Citation,
    Hero,
    MapPort,
    OverviewSlide,
    PassageSlide,
    Picture,
    ProfileEntry,
    ProfileSlide,
    ProposalSlide,
    Slide,
    SourcesSlide,
    SubjectSlide,
)
from briefing.drawing.slides.words import Words
from briefing.store.records import Port

if TYPE_CHECKING:
    from briefing.store.queries import Briefing

__all__ = [
    "KINDS",
    "Citation",
    "Hero",
    "MapPort",
    "OverviewSlide",
    "PassageSlide",
    "Picture",
    "ProfileEntry",
    "ProfileSlide",
    "ProposalSlide",
    "Slide",
    "SourcesSlide",
    "SubjectSlide",
    "default_stops",
    "slide_for_stop",
    "slides_for_stops",
]


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


def slide_for_stop(composer: Composer, stop: object) -> Slide:
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
    composer = Composer(briefing, language)
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
    for members in groups.values():  # six rows at most on a slide, shared evenly (7 ports: 4 and 3, not 6 and 1)
        count = -(-len(members) // 6)
        size = -(-len(members) // count)
        result += [members[start : start + size] for start in range(0, len(members), size)]
    return result


def default_stops(briefing: Briefing, language: str | None = None) -> list[dict[str, object]]:
    """A default agenda from the briefing, as stops of the agenda file (`Stop.from_json` reads each):
    overview, the region's headline figures, the ports with figures, the others grouped on profile
    slides, the proposals, and the sources. Names are in `language` (the interface's by default)."""
    words = Words(language)
    composer = Composer(briefing, words.language)

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
    groups = _groups(without)
    titles = [composer.group_title(g) if len(g) > 1 else composer.names(g[0])[0] for g in groups]
    for group, title in zip(groups, titles):
        if titles.count(title) > 1:  # the presenter's list tells the parts of a group apart
            title = f"{title} ({titles[: groups.index(group) + 1].count(title)}/{titles.count(title)})"
        stops.append({"name": title, "tab": "ports", "slide": "profiles", "ports": [p.id for p in group]})
    for proposal in briefing.proposals():
        stops.append({"name": proposal.title_zh, "tab": "proposals", "proposal_id": proposal.id})
    stops.append({"name": t("stop_sources"), "tab": "sources", "slide": "sources"})
    return stops
