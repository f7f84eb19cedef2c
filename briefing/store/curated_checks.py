"""The build's checks that a curated folder is fit for an audience: sources a reader can cite,
audience text free of the curators' working notes, and ports placed inside the region."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.store import audience, geo
from briefing.store.errors import BuildError
from briefing.store.records import SOURCE_KINDS, URL_KINDS

if TYPE_CHECKING:
    from briefing.store.curated import Curated, Row

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_ADDRESS = re.compile(r"^https?://[^\s<>\"]+$")
# The most a placed port may stand outside the region's outline (the outline is simplified to ~0.01°).
OUTLINE_TOLERANCE_M = 500.0
# Audience text, per file: the columns and whether each is Chinese.
AUDIENCE_COLUMNS = {
    "ports.csv": {
        "name_zh": True,
        "name_en": False,
        "counterpart": True,
        "counterpart_en": False,
        "league_city": True,
        "league_city_en": False,
        "county": True,
        "county_en": False,
        "position_zh": True,
        "position_en": False,
        "status_zh": True,
        "status_en": False,
    },
    "places.csv": {"name_zh": True, "name_en": False},
    "indicators.csv": {"name_zh": True, "name_en": False},
    "observations.csv": {"period_zh": True, "period_en": False, "note_zh": True, "note_en": False},
    "proposals.csv": {"title_zh": True, "title_en": False},
}
META_AUDIENCE = {"title_zh": True, "title_en": False, "description": True, "description_en": False}


def check_source(row: Row) -> None:
    """A source as a reader cites it: who published it, when (for a publication), its title, and
    an address that is only an address."""
    for column in ("title", "publisher"):
        if not row[column]:
            raise row.fail(f"{column} is empty")
    for column, allowed in (("kind", SOURCE_KINDS), ("url_kind", URL_KINDS)):
        if row[column] not in allowed:
            raise row.fail(f"{column} {row[column]!r} is not one of {', '.join(a or '(empty)' for a in allowed)}")
    if row["kind"] == "publication" and not row["published"]:
        raise row.fail("published is empty: a publication needs its date (2024-01-23, 2024-01 or 2024)")
    if row["published"] and not _DATE.match(row["published"]):
        raise row.fail(f"published {row['published']!r} is not a date like 2024-01-23, 2024-01 or 2024")
    if row["accessed"] and not _DAY.match(row["accessed"]):
        raise row.fail(f"accessed {row['accessed']!r} is not a day like 2026-12-03")
    if not row["published"] and not row["accessed"]:
        raise row.fail(
            "no date: give the date it was published or revised (published), or, for a reference work "
            "without one, the day it was consulted (accessed, 2026-12-03)"
        )
    if row["url"] and not _ADDRESS.match(row["url"]):
        raise row.fail(f"url {row['url']!r} is not a single http(s) address")
    url = row["url"]
    if url.endswith((",", ";", ".")) or (url.endswith(")") and url.count("(") < url.count(")")):
        raise row.fail(f"url {url!r} ends in a stray {url[-1]!r}")
    if row["url_kind"] in ("repost", "mirror") and not row["url"]:
        raise row.fail(f"url_kind is {row['url_kind']} but there is no url")
    for column in ("title", "publisher"):
        if "://" in row[column]:
            raise row.fail(f"{column} holds an address: put it in url")


def _audience_ids(cur: Curated) -> set[str]:
    rows = (
        cur.sources,
        cur.passages,
        cur.ports,
        cur.places,
        cur.indicators,
        cur.observations,
        cur.speakers,
        cur.proposals,
    )
    return {row["id"] for group in rows for row in group}


def check_audience_text(cur: Curated) -> None:
    """Audience text never carries the curators' working words, ids, file names or addresses, and a
    Chinese field is never English prose."""
    ids = _audience_ids(cur)
    groups = {
        "ports.csv": cur.ports,
        "places.csv": cur.places,
        "indicators.csv": cur.indicators,
        "observations.csv": cur.observations,
        "proposals.csv": cur.proposals,
    }
    for name, rows in groups.items():
        for row in rows:
            for column, chinese in AUDIENCE_COLUMNS[name].items():
                found = audience.problems(row[column], ids, chinese)
                if found:
                    raise row.fail(f"{column} is audience text but holds {found[0]}: keep it in curator_note")
    path = cur.folder / "briefing.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for key, chinese in META_AUDIENCE.items():
        found = audience.problems(cur.meta.get(key, ""), ids, chinese)
        if found:
            line = next((n for n, text in enumerate(lines, 1) if text.split("=")[0].strip() == key), 0)
            raise BuildError(path, line, f"{key} is audience text but holds {found[0]}: keep it in curator_note")


def check_positions(cur: Curated, shapes: Sequence[Sequence[geo.Ring]]) -> None:
    """Every placed port stands inside the briefing's outline of the region, or within 500 m of it."""
    if not shapes:
        return
    boxes = []
    for rings in shapes:
        xs = [point[0] for ring in rings for point in ring]
        ys = [point[1] for ring in rings for point in ring]
        boxes.append(((min(xs), min(ys), max(xs), max(ys)), rings))
    for row in cur.ports:
        if not row["lat"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        near = [
            rings
            for (x0, y0, x1, y1), rings in boxes
            if x0 - 0.01 <= lon <= x1 + 0.01 and y0 - 0.01 <= lat <= y1 + 0.01
        ]
        outside = geo.outside_by_m(lon, lat, near or [rings for _, rings in boxes])
        if outside > OUTLINE_TOLERANCE_M:
            raise row.fail(
                f"lat/lon {row['lat']}, {row['lon']} is {outside / 1000:.1f} km outside the region's "
                "outline: place the port on the Chinese side, or leave it unplaced"
            )
