"""What changed between two briefings: exactly the ports, figures and proposals that differ."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_SOURCES

from briefing import paths
from briefing.store import open_briefing
from briefing.store.build import build
from briefing.store.diff import describe, diff_briefings, plain


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """Two builds of the test briefing's curated files: as they are, and with one figure changed (a figure from a
    public source, so no passage has to change with it), one port added and one proposal removed."""
    import shutil

    root = tmp_path_factory.mktemp("diff")
    folder = root / "briefing"
    shutil.copytree(FIXTURE_SOURCES, folder)
    outlines = paths.geo_outlines()
    old = root / "old.sqlite"
    build(folder, old, outlines)

    header, observations = _rows(folder / "observations.csv")
    formulas = " ".join(row["formula"] for row in observations)
    changed = next(
        row
        for row in observations
        if not row["passage_id"] and row["kind"] != "derived" and "{" + row["id"] + "}" not in formulas
    )
    before = changed["value"]
    changed["value"] = "4819" if before != "4819" else "4820"
    _write(folder / "observations.csv", header, observations)

    header, ports = _rows(folder / "ports.csv")
    added = dict(ports[-1], id="test-new-port", name_zh="测试新口岸", name_en="Test new port")
    _write(folder / "ports.csv", header, ports + [added])

    header, proposals = _rows(folder / "proposals.csv")
    removed = proposals[-1]
    _write(folder / "proposals.csv", header, proposals[:-1])

    new = root / "new.sqlite"
    build(folder, new, outlines)
    return {
        "old": old,
        "new": new,
        "observation": changed["id"],
        "before": before,
        "after": changed["value"],
        "port": added["id"],
        "proposal": removed["id"],
    }


def test_the_diff_lists_exactly_the_changed_figure_the_added_port_and_the_removed_proposal(edited):
    diff = diff_briefings(open_briefing(edited["old"]), open_briefing(edited["new"]))
    listed = {(c.kind, c.change, c.id) for c in diff.changes}
    assert listed == {
        ("observation", "changed", edited["observation"]),
        ("port", "added", edited["port"]),
        ("proposal", "removed", edited["proposal"]),
    }
    (figure,) = diff.of("observation", "changed")
    assert [(f.name, plain(f.old), plain(f.new)) for f in figure.fields] == [
        ("value", edited["before"], edited["after"])
    ]
    assert diff.of("port", "added")[0].label.startswith("测试新口岸")


def test_a_briefing_against_itself_has_no_differences(fixture_briefing):
    diff = diff_briefings(fixture_briefing, fixture_briefing)
    assert diff.is_empty
    assert describe(diff)[-1] == "no differences in ports, observations or proposals"


def test_values_are_shown_as_stored_never_rounded():
    assert plain(4818.0) == "4818"
    assert plain(38.3) == "38.3"
    assert plain(0.1 + 0.2) == "0.30000000000000004"
    assert plain(None) == ""


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_briefing_diff_prints_added_removed_and_changed(edited):
    result = _run("diff", str(edited["old"]), str(edited["new"]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "ports: 1 added, 0 removed, 0 changed" in lines[2]
    assert f"+ port        {edited['port']}  测试新口岸 Test new port" in lines
    assert any(line.startswith(f"- proposal    {edited['proposal']}  ") for line in lines)
    assert f"      value: {edited['before']} -> {edited['after']}" in lines


def test_briefing_diff_with_a_bad_file_says_so_in_one_line(tmp_path, edited):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    result = _run("diff", str(edited["old"]), str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {bad}: is not an SQLite database"
    assert "Traceback" not in result.stderr


def test_compare_with_shows_the_changes_in_a_dialog(qtbot, qt_fonts, tmp_path, edited):
    from PySide6.QtCore import QSettings

    from briefing.ui.common.settings import Settings
    from briefing.ui.shell.main_window import MainWindow

    window = MainWindow(
        open_briefing(edited["old"]), Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), qt_fonts
    )
    qtbot.addWidget(window)
    dialog = window.presenter_tools.compare_with(edited["new"])
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert sorted(dialog.listed()) == sorted(
        [
            ("口岸(1)", "新增", edited["port"]),
            ("数据(1)", "修改", edited["observation"]),
            ("建议(1)", "删除", edited["proposal"]),
        ]
    )
    assert window.presenter_tools.compare_with(tmp_path / "missing.sqlite") is None
    assert "no such file" in window.presenter_tools.last_message
