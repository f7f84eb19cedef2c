"""The bundled 2025 briefing itself: what its curated files hold, that db/briefing.sqlite is a fresh
build of them, and that its figures and passages are the article's, verbatim. These are the tests that
name the bundled briefing's ids and counts (with test_frozen.py and test_fonts.py, about the frozen app
and the bundled font): edit that briefing, and only these need updating. Behaviour tests run on the
test briefing (tests/fixtures/briefing, described in tests/fixture_facts.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from briefing_invariants import figures_cited_in_passages, unplaced_ports
from conftest import SOURCES

from briefing import paths
from briefing.__main__ import main
from briefing.store import open_briefing


def dump(path: Path) -> list[str]:
    """The database's content as SQL, without the one line that records the wall-clock build time."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "'built_at'" not in line]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "fresh.sqlite"
    assert main(["build", str(SOURCES), "-o", str(out)]) == 0
    return out


def test_build_holds_the_article(fresh):
    briefing = open_briefing(fresh)
    summary = briefing.summary()
    assert summary.ports == 20
    assert summary.passages == 43
    assert summary.proposals >= 9
    modes = [p.mode for p in briefing.ports]
    assert (modes.count("rail"), modes.count("road"), modes.count("air")) == (2, 12, 6)
    assert len(briefing.outlines()) == 12
    briefing.close()


def test_bundled_database_matches_a_fresh_build(fresh):
    assert dump(paths.bundled_database()) == dump(fresh), (
        "db/briefing.sqlite is stale: run `briefing build resources/briefings/nmg-ports-2025 -o db/briefing.sqlite`"
    )


def test_ports_without_a_sourced_coordinate_have_none(bundled):
    # no sourced point on the Chinese side: never a town across the border, never a guess
    assert unplaced_ports(bundled) == {
        "mandula",
        "uliji",
        "arihashate",
        "heishantou",
        "shiwei",
        "ganqimaodu",
        "zhuengadabuqi",
    }


def test_every_article_figure_cites_a_passage_that_contains_it(bundled):
    assert figures_cited_in_passages(bundled, "nmgrb-2025-03") >= 30


def test_derived_value_follows_its_formula_to_the_precision_its_inputs_allow(bundled):
    cars = bundled.observation("nmg-used-car-exports-2023")
    assert cars.kind == "derived" and cars.formula and cars.decimals == 0
    value = {o.kind: o.value for o in (bundled.observation(i) for i in cars.inputs)}
    assert value == {"reported": 8357, "growth_rate": 68.3}
    assert cars.value == round(8357 / 1.683) == 4966  # whole vehicles, never 4965.54


def test_a_published_figure_replaces_a_derived_one(bundled):
    trade = [
        o for o in bundled.observations_for("nmg") if o.indicator_id == "foreign-trade-value" and o.period == "2023"
    ]
    assert [(o.kind, o.value) for o in trade] == [("reported", 1965.3)]
    source = bundled.source(trade[0].source_id)
    assert (source.publisher, source.published) == ("Xinhua", "2024-01-23")


def test_speakers_keep_officials_apart(bundled):
    bodies = {d.body for d in bundled.delegates}
    assert bodies == {"npc_deputy", "cppcc_member", "official"}
    names = {d.name_zh for d in bundled.delegates if d.body != "official"}
    assert {"凌云", "庄河", "苏和", "陈爱雪", "吴城", "冀明珠", "王召明"} <= names


def test_manzhouli_proposal_links_both_land_ports(bundled):
    def linked(port_id: str) -> set[str]:
        return {p.id for p in bundled.proposals() if port_id in p.port_ids}

    assert linked("manzhouli-rail") and linked("manzhouli-rail") == linked("manzhouli-road")


@pytest.mark.parametrize(
    "joined", ["“入区即退”约2.4亿元", "涵盖了蒙古国、俄罗斯、白俄罗斯", "实现进出口增长", "出境班列可通达"]
)
def test_column_breaks_are_rejoined(bundled, joined):
    """The newspaper's column breaks cut four paragraphs mid-sentence; a passage is the whole paragraph."""
    assert sum(joined in p.text for p in bundled.passages()) == 1


def test_passages_are_the_article_verbatim(bundled):
    """Every passage stands in the source text as received (source.txt), whitespace aside."""
    source = "".join((SOURCES / "source.txt").read_text(encoding="utf-8").split())
    passages = bundled.passages()
    for passage in passages:
        assert "".join(passage.text.split()) in source, passage.id
    assert [p.position for p in passages] == list(range(1, len(passages) + 1))


def test_check_with_no_file_checks_the_bundled_briefing(capsys):
    before = paths.bundled_database().read_bytes()
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "20 ports" in out and "proposals" in out and "sha256 " in out
    assert paths.bundled_database().read_bytes() == before
