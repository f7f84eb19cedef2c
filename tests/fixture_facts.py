"""What the test briefing (tests/fixtures/briefing) holds, in one place: the rows the behaviour tests
name, by the edge each one stands for, and counts read from the curated files themselves.

Edit a fixture file, then this module if a named row changed; no test should name a fixture id or a
count from it anywhere else. The bundled 2025 briefing is tested in test_bundled_briefing.py only.
"""

from __future__ import annotations

import csv
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "fixtures" / "briefing"


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of one curated file (`ports`, `observations`, ...), in file order."""
    with open(SOURCES / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def meta() -> dict[str, str]:
    """briefing.toml: the test briefing's id, titles, date, description."""
    return tomllib.loads((SOURCES / "briefing.toml").read_text(encoding="utf-8"))


def row(name: str, row_id: str) -> dict[str, str]:
    return next(r for r in rows(name) if r["id"] == row_id)


# --- subjects -------------------------------------------------------------------------------------
REGION = "nmg"  # the region: reported, target, growth-rate, cumulative and derived figures
CITY = "ordos"  # a league city: a share, an approximate figure, derived figures
PORT_GROUP = "erenhot-ports"  # a port group (rail + road), derived share of cumulative figures
LAND_PORTS = "nmg-land-ports"  # the group of every land port: a whole never shown beside its parts

EXACT_PORT = "ceke"  # road, Mongolia, exact coordinate; a lower bound (p15) and a reference figure
EXACT_PORT_SOURCE = "s025"  # one of its roster sources, with an address
APPROXIMATE_PORT = "arxan"  # road, approximate coordinate; no figures, one proposal
SERIES_PORT = "ganqimaodu"  # road; freight 2020, 2022, 2023 (2021 missing) and a part-year figure
NO_FIGURES_PORT = "shiwei"  # road, Russia, no sourced coordinate: no figures at all
RAIL_PORT = "erenhot-rail"  # rail; shares its coordinate with ROAD_TWIN; a proposal names it; its
# China–Europe trains a year are compared with MANZHOULI_RAIL's (a comparison chart comes first)
RAIL_PASSAGE = "p16"  # about RAIL_PORT's China–Europe trains (中欧班列)
ROAD_TWIN = "erenhot-road"
MANZHOULI_RAIL = "manzhouli-rail"  # rail, Russia; two proposals name it (and manzhouli-road)
MANZHOULI_ROAD = "manzhouli-road"
MANZHOULI_AIR = "manzhouli-air"  # air port close to the two Manzhouli land ports
AIR_PORT = "hohhot-air"  # air, exact, a reference figure

# --- sources (the build's checks of how a source is cited) --------------------------------------
PUBLICATION = "s080"  # a dated publication, read in a repost
ENCYCLOPEDIA = "s003"  # a reference work without a date of its own: dated by the day it was consulted
REPOST = "s001"  # a publication read in a repost: its address is the copy's
ADDRESSED_SOURCE = "s064"  # a reference with an address
REPOST_FIGURE = "ref-manzhouli-rail-ce-trains-2022"  # a figure read in a repost: at most medium confidence
REPOST_FIGURE_SOURCE = "s082"
SOURCE_FIGURE = "ref-ganqimaodu-freight-2023"  # a figure read at its publisher's own page, confidence high

# --- figures --------------------------------------------------------------------------------------
LOWER_BOUND = "ceke-freight-2024"  # 超2400万吨, in passage p15
LOWER_BOUND_TEXT = "超2400万吨"
LOWER_BOUND_PASSAGE = "p15"
PASSAGE_BEFORE_LOWER_BOUND = "p14"  # cites no figure
REFERENCE_FIGURE_TEXT = "1844.07万吨"  # EXACT_PORT's part-year figure from a news agency (新华社)
REFERENCE_SOURCE = "s094"  # that figure's source: a news agency's photo caption, read in a repost
DERIVED = "nmg-trade-2023"  # {nmg-trade-2024} / (1 + {nmg-trade-growth-2024} / 100)
DERIVED_WORKING = "2073.1亿元 ÷ (1 + 5.8%)"
DERIVED_TEXT = "1959.5"  # 2073.1 / 1.058, to the one decimal its inputs allow
MADE_UP = "fx-ganqimaodu-freight-2020"  # from a non-article source whose title has <b> markup
SERIES_YEARS = ("2020", "2022", "2023")
SERIES_LATEST_TEXT = "3785.67万吨"
FREIGHT = "freight-volume"  # reported by several ports: a comparison
TRADE = "foreign-trade-value"  # REGION's 2024 (reported) and 2023 (derived)
FREIGHT_NAME = "口岸货运量(通关过货量)"
TRAINS = "ce-trains"  # China–Europe trains a year: RAIL_PORT and MANZHOULI_RAIL, compared
USED_CARS = "used-car-exports"  # REGION's 2023 (derived) and 2024 (cumulative): a two-year series
USED_CARS_2024 = "8357"  # that 2024 figure, as written (辆)
SEVERAL_FIGURES_PASSAGE = "p37"  # five figures in one paragraph
AFTER_ARTICLE = "ref-erenhot-rail-ce-trains-2025-12-15"  # a later figure than the article (to 15 Dec 2025)
BEFORE_ARTICLE = "ref-erenhot-rail-ce-trains-2023"  # RAIL_PORT's trains in 2023: not later than the article
LATER_FULL_YEAR = "ref-nmg-land-ports-freight-2025"  # a later figure for a whole year (2025年全年)
TARGET = "nmg-port-freight-target-2025"  # the article's own plan for 2025: never a later figure
ARTICLE_MONTH, DATA_THROUGH = "2025-03", "2025-12"  # the article's date and the latest figure's month

# --- speakers and proposals -----------------------------------------------------------------------
CPPCC_MEMBER = "ling-yun"  # two proposals, both naming the two Manzhouli land ports
DEPUTY = "su-he"  # an NPC deputy: titles 全国人大代表、兴安盟委书记
DEPUTY_SHORT_TITLES = "兴安盟委书记"  # those titles without the body's name
OFFICIAL = "ordos-customs-official"
PORT_PROPOSAL = "su-he-arxan-port-economy"  # names APPROXIMATE_PORT; quotes p22 and p23; has 羊绒
RAIL_PROPOSAL = "zhuang-he-erenhot-rail"  # names RAIL_PORT
RAIL_PROPOSAL_PASSAGE = "p18"  # where it is quoted
MANZHOULI_PROPOSAL = "ling-yun-manzhouli-infrastructure"  # three passages
MARKUP_PROPOSAL = "ordos-customs-bonded-rebate"  # its title carries <b>…</b>; names no port
NO_PORT_PROPOSAL = "nmg-commerce-expand-exports"  # one passage, names no port
PORT_PROPOSAL_FIRST_PASSAGE = "p22"
PORT_PROPOSAL_SECOND_PASSAGE = "p23"  # where PORT_PROPOSAL's 羊绒 is
DEPUTY_PASSAGE = "p21"  # where DEPUTY is introduced (section 两会·建言)
ARTICLE = "nmgrb-2025-03"
ARTICLE_TITLE_START = "20个口岸动能强劲"
DECODED_ADDRESS = "https://zh.wikipedia.org/zh/满洲里口岸"  # s003's address, as shown
MARKUP_SOURCE = "fx-yearbook"  # a non-article source whose title carries <b>…</b>


# no sourced coordinate on the Chinese side, in file order
UNPLACED = tuple(p["id"] for p in rows("ports") if not p["lat"])


# --- counts, read from the files ------------------------------------------------------------------
def ports() -> tuple[dict[str, str], ...]:
    return rows("ports")


def port_count() -> int:
    return len(ports())


def ports_by_mode() -> Counter[str]:
    return Counter(p["mode"] for p in ports())


def ports_by_country() -> Counter[str]:
    return Counter(p["country"] for p in ports())


def placed_count() -> int:
    return sum(1 for p in ports() if p["lat"])


def unplaced_names() -> list[str]:
    return [p["name_zh"] for p in ports() if not p["lat"]]


def name_zh(subject_id: str) -> str:
    found = [r for r in rows("ports") + rows("places") if r["id"] == subject_id]
    return found[0]["name_zh"]


def indicator_zh(indicator_id: str) -> str:
    return row("indicators", indicator_id)["name_zh"]


def indicator_en(indicator_id: str) -> str:
    return row("indicators", indicator_id)["name_en"]


def name_en(subject_id: str) -> str:
    found = [r for r in rows("ports") + rows("places") if r["id"] == subject_id]
    return found[0]["name_en"]


def observations_of(subject_id: str) -> list[dict[str, str]]:
    return [o for o in rows("observations") if o["subject_id"] == subject_id]


def proposal_count() -> int:
    return len(rows("proposals"))


def proposals_naming(port_id: str) -> list[str]:
    return [p["id"] for p in rows("proposals") if port_id in p["port_ids"].split(";")]


def passage_count() -> int:
    return len(rows("passages"))


def speaker_count() -> int:
    return len(rows("speakers"))


def ports_matching(text: str) -> int:
    """How many ports a presenter's filter text finds: in either name or the counterpart's."""
    text = text.casefold()
    columns = ("name_zh", "name_en", "counterpart", "counterpart_en")
    return sum(1 for p in ports() if any(text in p[k].casefold() for k in columns))


def short_name(port_id: str) -> str:
    """The map's far-zoom label: the Chinese name without 口岸."""
    return name_zh(port_id).removesuffix("口岸")


def publisher(source_id: str) -> str:
    """Who published a source (新华社, 内蒙古日报 ...)."""
    return row("sources", source_id)["publisher"]


def officials() -> list[str]:
    """The officials' Chinese names, in file order."""
    return [r["name_zh"] for r in rows("speakers") if r["body"] == "official"]


def proposals_of(speaker_id: str) -> list[str]:
    return [p["id"] for p in rows("proposals") if p["speaker_id"] == speaker_id]


def proposals_mentioning(word: str) -> int:
    """How many proposals hold `word` in their title, text or topics."""
    return sum(1 for p in rows("proposals") if any(word in p[k] for k in ("title_zh", "text_zh", "topics")))
