"""The build from curated files (the test briefing's): reproducible, marked as a briefing, and holding
what the files say: figures cite passages that contain them, derived values follow their formulas,
a port without a sourced coordinate has none. The bundled briefing's own content is checked in
test_bundled_briefing.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import fixture_facts as F
import pytest
from briefing_invariants import figures_cited_in_passages, unplaced_ports
from conftest import FIXTURE_SOURCES

from briefing.__main__ import main
from briefing.store import open_briefing
from briefing.store.schema import SCHEMA_VERSION


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
    assert main(["build", str(FIXTURE_SOURCES), "-o", str(out)]) == 0
    return out


def test_build_holds_the_curated_rows(fresh):
    briefing = open_briefing(fresh)
    try:
        summary = briefing.summary()
        assert summary.ports == F.port_count()
        assert summary.passages == F.passage_count()
        assert summary.proposals == F.proposal_count()
        modes = [p.mode for p in briefing.ports]
        assert {mode: modes.count(mode) for mode in set(modes)} == dict(F.ports_by_mode())
        assert len(briefing.outlines()) == 12  # the region's leagues, from briefing.toml's outlines
    finally:
        briefing.close()


def test_building_twice_gives_the_same_content(fresh, tmp_path):
    again = tmp_path / "again.sqlite"
    assert main(["build", str(FIXTURE_SOURCES), "-o", str(again)]) == 0
    assert dump(again) == dump(fresh)


def test_schema_version_and_application_id(fresh):
    conn = sqlite3.connect(fresh)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x42524631
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_ports_without_a_sourced_coordinate_have_none(fixture_briefing):
    assert unplaced_ports(fixture_briefing) == set(F.UNPLACED)


def test_every_figure_cites_a_passage_that_contains_it_or_another_source(fixture_briefing):
    cited = figures_cited_in_passages(fixture_briefing, F.ARTICLE)
    assert cited == sum(1 for o in F.rows("observations") if o["passage_id"] and o["kind"] != "derived")


def test_derived_value_follows_its_formula_to_the_precision_its_inputs_allow(fixture_briefing):
    trade = fixture_briefing.observation(F.DERIVED)
    assert trade.kind == "derived" and trade.formula and trade.decimals == 1
    value = {o.kind: o.value for o in (fixture_briefing.observation(i) for i in trade.inputs)}
    assert value == {"reported": 2073.1, "growth_rate": 5.8}
    assert trade.value == round(2073.1 / 1.058, 1) == 1959.5  # never 1959.45…


def test_every_kind_body_mode_and_precision_is_in_the_test_briefing(fixture_briefing):
    """The test briefing keeps every edge the behaviour tests rely on."""
    kinds = {o.kind for s in fixture_briefing.subjects for o in fixture_briefing.observations_for(s.id)}
    assert kinds == {
        "reported",
        "cumulative",
        "target",
        "lower_bound",
        "approximate",
        "growth_rate",
        "share",
        "derived",
    }
    assert {d.body for d in fixture_briefing.delegates} == {"npc_deputy", "cppcc_member", "official"}
    assert {p.mode for p in fixture_briefing.ports} == {"rail", "road", "air"}
    assert {p.coord_precision for p in fixture_briefing.ports} == {"exact", "nearby_town", "approximate", ""}
    assert {p.level for p in fixture_briefing.places} >= {"region", "league_city", "port_group"}
    made_up = fixture_briefing.observation(F.MADE_UP)  # a figure from a source that is not the article
    assert made_up.source_id != F.ARTICLE and not made_up.passage_id and "<b>" in made_up.note_zh
    series = sorted(
        o.period
        for o in fixture_briefing.observations_for(F.SERIES_PORT)
        if o.indicator_id == F.FREIGHT and len(o.period) == 4
    )
    assert series == list(F.SERIES_YEARS) and len(series) >= 3  # a missing year between them
    assert len(fixture_briefing.observations_citing(F.SEVERAL_FIGURES_PASSAGE)) >= 5
    assert "<b>" in next(p for p in fixture_briefing.proposals() if p.id == F.MARKUP_PROPOSAL).title_zh
    assert not fixture_briefing.observations_for(F.NO_FIGURES_PORT)
    assert len([p for p in fixture_briefing.delegates if p.body == "official"]) >= 2


def test_english_names_of_counterparts_and_banners_are_searchable(fixture_briefing):
    counterpart = F.row("ports", F.RAIL_PORT)["counterpart_en"].split()[0]  # Zamyn-Üüd
    found = {hit.ref_id for hit in fixture_briefing.search(counterpart, kinds=("port",))}
    expected = {p["id"] for p in F.ports() if p["counterpart_en"].startswith(counterpart)}
    assert found == expected >= {F.RAIL_PORT, F.ROAD_TWIN}
    county = F.row("ports", F.EXACT_PORT)["county_en"]  # Ejin Banner
    assert F.EXACT_PORT in {hit.ref_id for hit in fixture_briefing.search(county, kinds=("port",))}


def test_a_briefing_dated_by_its_year_only_has_no_later_figures_within_that_year():
    from briefing.store.records import has_later_figures, period_end_month

    assert period_end_month("2025") == "2025-12" and period_end_month("2025-03-10") == "2025-03"
    assert not has_later_figures({"as_of": "2025", "data_through": "2025-12"})
    assert has_later_figures({"as_of": "2025-03", "data_through": "2025-12"})
    assert not has_later_figures({"as_of": "2025-03"})  # a file built before data_through existed
