"""The one place that knows where resources live: a checkout, an installed wheel, or a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root_with(name: str) -> Path:
    """Return the folder that holds `name` (resources or db) in whichever layout we run from."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / name
    installed = _PACKAGE / name  # a wheel maps resources/ and db/ into the package
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name  # a checkout or an editable install


def resources_dir() -> Path:
    return _root_with("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def db_dir() -> Path:
    return _root_with("db")


def bundled_database() -> Path:
    return db_dir() / "briefing.sqlite"


def bundled_sources() -> Path:
    return resource("briefings", "nmg-ports-2025")


def fonts_dir() -> Path:
    return resource("fonts")


def geo_outlines() -> Path:
    return resource("geo", "nmg_leagues.geojson")


def i18n_dir() -> Path:
    return resource("i18n")
