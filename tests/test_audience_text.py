"""What the room sees is audience text: no curators' working notes, ids, file names or addresses, and
Chinese where it says Chinese. Checked over the bundled briefing, and refused by the build."""

from __future__ import annotations

import re

import pytest
from test_bad_sources import edit, line_of

from briefing.__main__ import main
from briefing.drawing.formatting import source_date
from briefing.store import geo
from briefing.store.audience import problems

# What the issue found shown as content, and the kind of thing it stands for.
WORKING_NOTES = (
    "left empty",
    "low-confidence",
    "not found",
    "verify",
    "wikipedia",
    "echarts",
    "bd-09",
    "corroboration",
    "reference indicator",
    "also reported by",
    "ports.csv",
    "general knowledge",
    "unverified",
    "this pass",
    "github",
)
ID_LIKE = re.compile(r"(?<![A-Za-z0-9])(s\d{3}|p\d{2})(?![A-Za-z0-9])")
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[\s,'-]+[A-Za-z]{2,}){2,}")


def audience_texts(briefing):
    """(where, text, is Chinese) for every piece of audience text in the briefing."""
    meta = briefing.meta
    for key, chinese in (("title_zh", True), ("title_en", False), ("description", True), ("description_en", False)):
        yield f"meta.{key}", meta.get(key, ""), chinese
    for port in briefing.ports:
        for column, chinese in (
            ("name_zh", True),
            ("name_en", False),
            ("counterpart", True),
            ("counterpart_en", False),
            ("league_city", True),
            ("league_city_en", False),
            ("county", True),
            ("county_en", False),
            ("position_zh", True),
            ("position_en", False),
            ("status_zh", True),
            ("status_en", False),
        ):
            yield f"port {port.id}.{column}", getattr(port, column), chinese
    for place in briefing.places:
        yield f"place {place.id}", place.name_zh, True
        yield f"place {place.id}", place.name_en, False
    for indicator in briefing.indicators:
        yield f"indicator {indicator.id}", indicator.name_zh, True
        yield f"indicator {indicator.id}", indicator.name_en, False
    for subject in briefing.subjects:
        for obs in briefing.observations_for(subject.id):
            for column, chinese in (("period_zh", True), ("period_en", False), ("note_zh", True), ("note_en", False)):
                yield f"figure {obs.id}.{column}", getattr(obs, column), chinese
    for proposal in briefing.proposals():
        yield f"proposal {proposal.id}", proposal.title_zh, True
        yield f"proposal {proposal.id}", proposal.title_en, False


def _all_ids(briefing) -> set[str]:
    ids = {p.id for p in briefing.ports} | {p.id for p in briefing.places} | {s.id for s in briefing.sources}
    ids |= {i.id for i in briefing.indicators} | {p.id for p in briefing.proposals()}
    ids |= {o.id for s in briefing.subjects for o in briefing.observations_for(s.id)}
    return ids


def test_no_working_notes_ids_or_addresses_in_any_audience_text(bundled):
    ids = {i for i in _all_ids(bundled) if "-" in i or any(c.isdigit() for c in i)}
    checked = 0
    for where, text, chinese in audience_texts(bundled):
        lower = text.casefold()
        assert not any(word in lower for word in WORKING_NOTES), (where, text)
        assert not ID_LIKE.search(text), (where, text)
        assert not any(ident in text for ident in ids), (where, text)
        assert "://" not in text and ".csv" not in lower and "www." not in lower, (where, text)
        assert problems(text, ids, chinese) == [], (where, text)
        checked += bool(text)
    assert checked > 400


def test_no_english_paragraph_in_a_chinese_field(bundled):
    for where, text, chinese in audience_texts(bundled):
        if chinese:
            assert not ENGLISH_RUN.search(text) or len(re.findall(r"[\u4e00-\u9fff]", text)) > len(text) / 2, (
                where,
                text,
            )


def test_every_port_has_its_position_and_status_in_both_languages(bundled):
    for port in bundled.ports:
        assert port.position_zh and port.position_en and port.status_zh and port.status_en, port.id
        if port.has_position:  # the marker's point is named: the port itself, an airport, or a Chinese town
            assert any(w in port.position_zh for w in ("口岸所在", "机场所在", "国境通道", "标注点为")), port.id
        else:  # says where the port is without pretending to a point
            assert "标注点" not in port.position_zh and "Marker" not in port.position_en, port.id


def test_every_placed_port_stands_inside_the_region_or_within_500_m_of_it(bundled):
    shapes = [outline.rings for outline in bundled.outlines()]
    assert len(shapes) == 12
    placed = [p for p in bundled.ports if p.has_position]
    assert len(placed) == 13
    for port in placed:
        assert geo.outside_by_m(port.lon, port.lat, shapes) <= 500, port.id


def test_the_geometry_is_plain_and_right():
    square = [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]]
    assert geo.outside_by_m(0.5, 0.5, [square]) == 0
    # 0.01° east of the edge on the equator: about 1.11 km
    assert geo.outside_by_m(1.01, 0.5, [square]) == pytest.approx(1112, abs=5)
    holed = [square[0], [(0.25, 0.25), (0.75, 0.25), (0.75, 0.75), (0.25, 0.75)]]
    assert not geo.inside(0.5, 0.5, holed) and geo.inside(0.1, 0.1, holed)


def test_every_source_can_be_cited(bundled):
    article = bundled.meta["source_id"]
    for source in bundled.sources:
        assert source.publisher and source.title, source.id
        assert "://" not in source.title and "corroboration" not in source.title.casefold(), source.id
        if source.kind == "publication":
            assert re.fullmatch(r"\d{4}(-\d\d){0,2}", source.published), source.id
        if source.url:
            assert re.fullmatch(r"https?://\S+", source.url), source.id
            assert not source.url.endswith(")") or source.url.count("(") == source.url.count(")"), source.id
        if source.url_kind in ("repost", "mirror"):
            assert source.url, source.id
    for subject in bundled.subjects:  # no figure rests on an undated source
        for obs in bundled.observations_for(subject.id):
            assert bundled.source(obs.source_id).published, obs.id
    publications = [s for s in bundled.sources if s.id != article and s.kind == "publication"]
    assert len(publications) >= 50 and all(s.published for s in publications)
    # every source has a date: published, or for an encyclopedia entry the day it was consulted
    for source in bundled.sources:
        assert re.fullmatch(r"\d{4}(-\d\d){0,2}", source.published) or re.fullmatch(
            r"\d{4}-\d\d-\d\d", source.accessed
        ), source.id


def test_a_reference_work_is_cited_with_the_day_it_was_consulted(bundled):
    consulted = [s for s in bundled.sources if not s.published]
    assert {s.id for s in consulted} == {"s003", "s005", "s013", "s028", "s045", "s051"}
    wikipedia = bundled.source("s003")
    assert source_date(wikipedia, "zh") == "查阅于 2026-12-03"
    assert source_date(wikipedia, "en") == "accessed 2026-12-03"
    assert source_date(bundled.source("s096"), "en") == "2024-01-23"  # a publication keeps its own date


def test_meta_gives_the_articles_date_and_the_latest_figures(bundled):
    assert bundled.meta["as_of"] == "2025-03"
    assert bundled.meta["data_through"] == "2025-12"  # 3807 trains to 15 December, the 2025 full year
    later = [o for s in bundled.subjects for o in bundled.observations_for(s.id) if o.after_article]
    assert later and all(o.source_id != "nmgrb-2025-03" for o in later)


def test_the_banner_shows_both_dates_in_either_language(window):
    from test_i18n import switch

    assert "原文 2025年3月 · 补充数据截至 2025年12月" in window.banner.text()
    switch(window, "en")
    try:
        assert "Article March 2025 · later figures to December 2025" in window.banner.text()
    finally:
        switch(window, "zh")


# Rows of the test briefing (tests/fixtures/briefing), made wrong one at a time.
REFUSED = {
    "working note in a status": (
        "ports.csv",
        "ceke",
        {"status_zh": "Coordinates: not found (left empty)"},
        "status_zh is audience text but holds the working word",
    ),
    "wikipedia in a position": (
        "ports.csv",
        "manzhouli-road",
        {"position_en": "As placed in the zh.wikipedia infobox."},
        "position_en is audience text",
    ),
    "internal id in a note": (
        "observations.csv",
        "ref-erenhot-rail-ce-trains-2023",
        {"note_en": "Also reported by: s088"},
        "the internal id 's088'",
    ),
    "figure id in a note": (
        "observations.csv",
        "ceke-freight-2024",
        {"note_zh": "见 erenhot-rail-ce-trains-cumulative-2025"},
        "the internal id",
    ),
    "file name in a note": (
        "observations.csv",
        "ceke-freight-2024",
        {"note_en": "Taken from ports.csv."},
        "the file name 'ports.csv'",
    ),
    "address in a status": ("ports.csv", "ceke", {"status_en": "See https://example.org/ceke"}, "an address"),
    "English paragraph in a Chinese field": (
        "ports.csv",
        "ceke",
        {"status_zh": "Year-round (opened 1992 as seasonal; year-round status approval 2005)"},
        "English prose in a Chinese field",
    ),
    "English period in a Chinese field": (
        "observations.csv",
        "ceke-freight-2024",
        {"period_zh": "Full year of the twenty twenty four"},
        "English prose",
    ),
    "process word in a proposal title": (
        "proposals.csv",
        "su-he-arxan-port-economy",
        {"title_en": "Arxan port economy (verify the translation)"},
        "'verify'",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_build_refuses_audience_text_that_is_not(case, fixture_copy, tmp_path, capsys):
    name, row_id, changes, message = REFUSED[case]
    line = line_of(fixture_copy, name, row_id)
    edit(fixture_copy, name, row_id, **changes)
    out = tmp_path / "out.sqlite"
    assert main(["build", str(fixture_copy), "-o", str(out)]) == 1
    error = capsys.readouterr().err.strip()
    assert f"{name}:{line}: " in error and message in error, error
    assert "Traceback" not in error and not out.exists()


def test_the_build_refuses_a_working_note_in_the_briefings_title(fixture_copy, tmp_path, capsys):
    toml = fixture_copy / "briefing.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('title_en = "', 'title_en = "(low-confidence) '), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("title_en"))
    assert main(["build", str(fixture_copy), "-o", str(tmp_path / "out.sqlite")]) == 1
    error = capsys.readouterr().err
    assert f"briefing.toml:{line}: title_en is audience text" in error


def test_curator_notes_stay_out_of_the_database(bundled, source_copy):
    import sqlite3

    from briefing import paths

    conn = sqlite3.connect(paths.bundled_database())
    columns = {
        row[1] for table in ("sources", "ports", "observations") for row in conn.execute(f"PRAGMA table_info({table})")
    }
    keys = {key for (key,) in conn.execute("SELECT key FROM meta")}
    conn.close()
    assert "curator_note" not in columns and "note" not in columns and "coord_basis" not in columns
    assert "curator_note" not in keys and "as_of_note" not in keys
    assert "Undated in the source file" in (source_copy / "sources.csv").read_text(encoding="utf-8")
