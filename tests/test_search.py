"""Search finds what a user means: Chinese by two-character pieces, pinyin, initials and English names."""

from __future__ import annotations

import json

import fixture_facts as F
import pytest

from briefing.__main__ import main


def ids(hits, kind=None):
    return [h.ref_id for h in hits if kind is None or h.kind == kind]


@pytest.mark.parametrize("query", ["manzhouli", "mzl", "Manzhouli", "满洲里"])
def test_manzhouli_finds_its_ports(fixture_briefing, query):
    found = ids(fixture_briefing.search(query), "port")
    assert {F.MANZHOULI_RAIL, F.MANZHOULI_ROAD, F.MANZHOULI_AIR} <= set(found)


@pytest.mark.parametrize("query", ["erlianhaote", "Erenhot", "二连浩特"])
def test_erenhot_finds_its_ports(fixture_briefing, query):
    assert {F.RAIL_PORT, F.ROAD_TWIN} <= set(ids(fixture_briefing.search(query), "port"))


def test_two_character_chinese(fixture_briefing):
    hits = fixture_briefing.search("羊绒")
    assert F.PORT_PROPOSAL in ids(hits, "proposal")
    proposal = next(h for h in hits if h.ref_id == F.PORT_PROPOSAL)
    start, end = proposal.spans[0]
    assert proposal.snippet[start:end] == "羊绒"


def test_kouan_ranks_ports_and_proposals(fixture_briefing):
    hits = fixture_briefing.search("口岸", limit=100)
    assert len(ids(hits, "port")) == F.port_count()  # every port's name ends in 口岸
    assert len(ids(hits, "proposal")) >= F.proposals_mentioning("口岸") >= 3


def test_phrase_query(fixture_briefing):
    hits = fixture_briefing.search("中欧班列")
    assert F.RAIL_PASSAGE in ids(hits, "passage") and F.RAIL_PROPOSAL in ids(hits, "proposal")


def test_indicator_search_finds_its_observation(fixture_briefing):
    hits = fixture_briefing.search("二手车")
    series = next(h for h in hits if h.kind == "series" and F.USED_CARS_2024 in h.snippet)
    assert series.ref_id == f"{F.REGION}/{F.USED_CARS}" and "二手车" in series.title


def test_one_character_falls_back_to_a_scan(fixture_briefing):
    hits = fixture_briefing.search("绒")
    assert F.PORT_PROPOSAL in ids(hits, "proposal")


def test_nothing_and_odd_input(fixture_briefing):
    assert fixture_briefing.search("") == []
    assert fixture_briefing.search("zzzzqqq") == []
    assert isinstance(fixture_briefing.search('"口岸 OR'), list)


def test_search_command_prints_json(capsys, fixture_db):
    assert main(["search", "羊绒", "--json", "--db", str(fixture_db)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and {"kind", "id", "title", "snippet"} <= set(lines[0])
    assert any(line["id"] == F.PORT_PROPOSAL for line in lines)


KINDS = ("port", "place", "proposal", "delegate")


@pytest.mark.parametrize("query", ["口岸", "羊绒", "manzhouli", "ma", "Erenhot", "中欧班列", "绒", "zzzz"])
def test_matches_lists_every_match_in_the_order_search_ranks_them(fixture_briefing, query):
    """The proposals tab lists every match (matches) where search gives the best few with snippets."""
    found = fixture_briefing.matches(query, KINDS)
    assert list(found.refs) == [(h.kind, h.ref_id) for h in fixture_briefing.search(query, 100_000, KINDS)]
    assert [(h.kind, h.ref_id) for h in found.hits] == list(found.refs)  # few enough to all have snippets
    assert {kind for kind, _ in found.refs} <= set(KINDS)


def test_matches_of_one_character_scan_the_text(fixture_briefing):
    found = fixture_briefing.matches("绒", ("proposal",))
    assert found.refs == (("proposal", F.PORT_PROPOSAL),)
    assert found.hits[0].snippet[slice(*found.hits[0].spans[0])] == "绒"


def test_a_snippet_never_cuts_a_match_in_two():
    """A match at the edge of a snippet is shown whole: half of 口岸 marked as 口 once told the viewer
    to highlight every 口."""
    from briefing.store.search import SNIPPET_CHARS, _snippet

    text = "口岸" + "甲" * (SNIPPET_CHARS - 3) + "口岸" + "乙" * 10
    snippet, spans = _snippet(text, ["口岸"])
    assert [snippet[start:end] for start, end in spans] == ["口岸", "口岸"]
    assert snippet.endswith("乙…") is False and snippet.endswith("口岸…")
