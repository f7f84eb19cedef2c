"""A bad curated row stops the build with file:line, exit status 1, and nothing written."""

from __future__ import annotations

import csv
from pathlib import Path

import fixture_facts as F
import pytest

from briefing.__main__ import main


def edit(folder: Path, name: str, row_id: str, **changes: str) -> None:
    path = folder / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    assert any(row["id"] == row_id for row in rows), f"{name} has no row {row_id!r}"
    for row in rows:
        if row["id"] == row_id:
            row.update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def duplicate_first_row(folder: Path, name: str) -> None:
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")


def line_of(folder: Path, name: str, row_id: str) -> int:
    for number, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(row_id + ","):
            return number
    raise AssertionError(row_id)


CASES = {
    "missing passage": ("observations.csv", F.LOWER_BOUND, {"passage_id": "p99"}, "unknown passage 'p99'"),
    "number not in passage": (
        "observations.csv",
        F.LOWER_BOUND,
        {"as_written": "超2500万吨", "value": "2500"},
        "does not appear in passage",
    ),
    "value not in figure": ("observations.csv", F.LOWER_BOUND, {"value": "2500"}, "does not appear in"),
    "unknown port": ("proposals.csv", F.PORT_PROPOSAL, {"port_ids": "atlantis"}, "unknown port 'atlantis'"),
    "malformed coordinate": ("ports.csv", F.EXACT_PORT, {"lat": "42,57"}, "lat '42,57' is not a number"),
    "coordinate out of range": ("ports.csv", F.EXACT_PORT, {"lon": "301.3"}, "outside"),
    "half a coordinate": ("ports.csv", F.EXACT_PORT, {"lon": ""}, "both lat and lon"),
    "unknown kind": ("observations.csv", F.LOWER_BOUND, {"kind": "guess"}, "kind 'guess' is not one of"),
    # sources as a reader cites them
    "publication without a date": ("sources.csv", F.PUBLICATION, {"published": ""}, "a publication needs its date"),
    "source without a publisher": ("sources.csv", F.PUBLICATION, {"publisher": ""}, "publisher is empty"),
    "date that is not a date": ("sources.csv", F.PUBLICATION, {"published": "Nov 2023"}, "is not a date like"),
    "reference work without any date": ("sources.csv", F.ENCYCLOPEDIA, {"accessed": ""}, "no date: give the date"),
    "consulted on a month, not a day": ("sources.csv", F.ENCYCLOPEDIA, {"accessed": "2026-12"}, "is not a day like"),
    "address with a stray bracket": (
        "sources.csv",
        F.ADDRESSED_SOURCE,
        {"url": "https://example.org/airports.dat)"},
        "ends in a stray ')'",
    ),
    "address in the title": (
        "sources.csv",
        F.PUBLICATION,
        {"title": "Xinhua http://en.people.cn/n3/x.html"},
        "title holds an address",
    ),
    "two addresses in one": (
        "sources.csv",
        F.PUBLICATION,
        {"url": "http://a.org/x (mirror http://b.org/y)"},
        "is not a single http(s) address",
    ),
    "repost without its address": ("sources.csv", F.REPOST, {"url": ""}, "url_kind is repost but there is no url"),
    # confidence and precision
    "high confidence on a repost": (
        "observations.csv",
        F.REPOST_FIGURE,
        {"confidence": "high"},
        f"read from a repost ({F.REPOST_FIGURE_SOURCE}): at most medium",
    ),
    "high confidence on a lower bound": (
        "observations.csv",
        F.SOURCE_FIGURE,
        {"confidence": "high", "kind": "lower_bound"},
        "confidence high for a lower bound",
    ),
    "decimals on a quoted value": (
        "observations.csv",
        F.LOWER_BOUND,
        {"decimals": "0"},
        "decimals is for a derived value only",
    ),
    "period without English": ("observations.csv", F.LOWER_BOUND, {"period_en": ""}, "period_en is empty"),
    # a port drawn outside China
    "port placed across the border": (
        "ports.csv",
        F.RAIL_PORT,
        {"lat": "43.72", "lon": "111.91"},
        "3.9 km outside the region's outline",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_row_names_file_and_line(case, fixture_copy, tmp_path, capsys):
    name, row_id, changes, message = CASES[case]
    line = line_of(fixture_copy, name, row_id)
    edit(fixture_copy, name, row_id, **changes)
    out = tmp_path / "out.sqlite"
    assert main(["build", str(fixture_copy), "-o", str(out)]) == 1
    error = capsys.readouterr().err.strip()
    assert f"{name}:{line}: " in error and message in error, error
    assert "Traceback" not in error
    assert not out.exists()
    assert not list(tmp_path.glob(".building-*"))


def test_duplicate_id(fixture_copy, tmp_path, capsys):
    duplicate_first_row(fixture_copy, "passages.csv")
    assert main(["build", str(fixture_copy), "-o", str(tmp_path / "out.sqlite")]) == 1
    error = capsys.readouterr().err
    assert "passages.csv:" in error and f"duplicate id '{F.rows('passages')[0]['id']}'" in error


def test_a_failed_build_leaves_the_previous_database_alone(fixture_copy, tmp_path):
    out = tmp_path / "out.sqlite"
    assert main(["build", str(fixture_copy), "-o", str(out)]) == 0
    before = out.read_bytes()
    edit(fixture_copy, "observations.csv", F.LOWER_BOUND, passage_id="p99")
    assert main(["build", str(fixture_copy), "-o", str(out)]) == 1
    assert out.read_bytes() == before


def test_derived_formula_may_not_run_code(fixture_copy, tmp_path, capsys):
    code = "__import__('os').getcwd() + {nmg-trade-2024}"
    edit(fixture_copy, "observations.csv", F.DERIVED, formula=code)
    assert main(["build", str(fixture_copy), "-o", str(tmp_path / "out.sqlite")]) == 1
    assert "may use only numbers" in capsys.readouterr().err


def test_a_list_naming_a_port_twice(fixture_copy, tmp_path, capsys):
    edit(fixture_copy, "proposals.csv", F.PORT_PROPOSAL, port_ids=f"{F.APPROXIMATE_PORT};{F.APPROXIMATE_PORT}")
    assert main(["build", str(fixture_copy), "-o", str(tmp_path / "out.sqlite")]) == 1
    assert f"port_ids lists '{F.APPROXIMATE_PORT}' twice" in capsys.readouterr().err


def test_an_unwritable_output_is_a_message_not_a_traceback(fixture_copy, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["build", str(fixture_copy), "-o", str(blocker / "out.sqlite")]) == 1
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err
