"""The viewer with hostile text and damage: markup in every text column shown as text in every
tooltip, a damaged search index said in the proposals tab, damage met while reading reported in
one line, and the CSV never handing a spreadsheet a formula."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from conftest import show_window
from hostile_crafted import damaged_index
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QToolTip, QTreeWidget

from briefing import paths
from briefing.export.csv_export import write_csv
from briefing.store import open_briefing
from briefing.store.schema import TABLES
from briefing.store.value_checks import ALLOWED
from briefing.ui.presenting.agenda import Agenda, Stop
from briefing.ui.presenting.view_state import ViewState
from briefing.ui.shell.diff_dialog import DiffDialog

MARKUP = '<img src="/dev/zero"><b style="color:red">粗</b><a href="file:///etc/passwd">link</a>'
_KEEP = {column for _table, column in ALLOWED} | {"period", "rings", "topics", "word", "language"}


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory):
    """The bundled briefing with markup added to every text column that is not an id or a code."""
    path = tmp_path_factory.mktemp("markup") / "markup.sqlite"
    shutil.copyfile(paths.bundled_database(), path)
    conn = sqlite3.connect(path)
    for table in TABLES:
        columns = [
            c
            for c, kind in table.columns.items()
            if kind is str and c not in _KEEP and c != "id" and not c.endswith("_id") and table.name != "meta"
        ]
        if columns:
            sets = ", ".join(f'"{c}" = CASE WHEN "{c}" IS NULL THEN NULL ELSE "{c}" || ? END' for c in columns)
            conn.execute(f'UPDATE "{table.name}" SET {sets}', (MARKUP,) * len(columns))
    conn.execute("UPDATE meta SET value = value || ? WHERE key IN ('title_zh', 'title_en')", (MARKUP,))
    conn.commit()
    conn.close()
    return path


def shown_as(tooltip: str) -> str:
    """What Qt shows for a tooltip: rich text if it guesses so, else the characters given."""
    if GuiQt.mightBeRichText(tooltip):
        document = QTextDocument()
        document.setHtml(tooltip)
        return document.toPlainText()
    return tooltip


def tooltips(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(), depth: int = 0):  # noqa: B008
    try:
        rows, columns = model.rowCount(parent), model.columnCount(parent)
    except TypeError:  # a model of Qt's own whose counts PySide does not expose (a list of one column)
        rows, columns = model.rowCount(parent), 1
    for row in range(min(rows, 200)):
        for column in range(columns):
            index = model.index(row, column, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                yield tip
            if depth < 2 and column == 0 and model.rowCount(index) > 0:
                yield from tooltips(model, index, depth + 1)


def assert_literal(tip: str) -> None:
    if "/dev/zero" in tip or "粗" in tip:
        text = shown_as(tip)
        assert "<img" not in tip or not GuiQt.mightBeRichText(tip) or "&lt;img" in tip, tip
        if "粗" in tip:
            assert "<b" in text or "粗" not in text.replace(MARKUP, ""), text


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")  # the offscreen platform, showing a tooltip
def test_every_tooltip_shows_markup_as_text(marked_up, qtbot, qt_fonts, settings):
    window = show_window(qtbot, qt_fonts, settings, db=marked_up, size=(1600, 900))
    tools = window.presenter_tools
    tools.model.set_agenda(
        Agenda(
            (
                Stop(f"站{MARKUP}", ViewState("ports", "ceke"), f"备注{MARKUP}"),
                Stop("x", ViewState("ports", f"nowhere{MARKUP}")),
            )
        )
    )
    seen = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        window.selection.select_subject("ceke")
        qtbot.wait(10)
        for view in window.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            shown_here = False
            for tip in tooltips(model):
                if MARKUP in shown_as(tip) or "/dev/zero" in tip:
                    assert MARKUP in shown_as(tip) or "…" in shown_as(tip), tip[:300]
                    seen += 1
                    if not shown_here and view.isVisible():  # and hovered: Qt shows it, reading no image
                        QToolTip.showText(view.viewport().mapToGlobal(view.viewport().rect().center()), tip, view)
                        qtbot.wait(5)
                        shown_here = True
            QToolTip.hideText()
    for tip in tooltips(tools.model):
        assert "<img" not in shown_as(tip).replace(MARKUP, "") and MARKUP in shown_as(tip)
        seen += 1
    assert seen >= 20  # the ports table's columns, the proposal and speaker lists, the agenda


def test_the_compare_dialog_shows_markup_as_text(marked_up, qtbot, qt_fonts, settings):
    old, new = open_briefing(paths.bundled_database()), open_briefing(marked_up)
    from briefing.store.diff import diff_briefings

    dialog = DiffDialog(diff_briefings(old, new), str(old.path), str(new.path))
    qtbot.addWidget(dialog)
    tree = dialog.findChild(QTreeWidget)
    seen = 0
    for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())):
        for change in (item.child(j) for j in range(item.childCount())):
            for node in [change] + [change.child(k) for k in range(change.childCount())]:
                tip = node.toolTip(2)
                if "/dev/zero" in tip:
                    assert MARKUP in shown_as(tip), tip[:300]
                    seen += 1
    assert seen >= 10


def test_the_open_error_dialog_shows_a_file_name_as_text(tmp_path, qapp, monkeypatch):
    from briefing import app

    formats = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: formats.append((box.textFormat(), box.text())) or 0)
    app.show_error("无法打开简报", f"{tmp_path}/{MARKUP}.sqlite: is not an SQLite database")
    assert formats == [(Qt.TextFormat.PlainText, f"{tmp_path}/{MARKUP}.sqlite: is not an SQLite database")]


def test_damage_met_while_reading_is_one_line_not_a_traceback(tmp_path):
    """A large file is checked as it is read: its bad figure, met while the viewer draws its tabs, is
    one line on the terminal, and the screenshots are still written."""
    from hostile_crafted import large_with_bad_figure

    db = large_with_bad_figure(tmp_path)
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "view", str(db), "--screenshot", str(shots)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    said = [line for line in done.stderr.splitlines() if line.strip() and "propagateSizeHints" not in line]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert len(said) == 1 and said[0].startswith(f"error: {db}: table 'observations', id "), said
    assert said[0].endswith("value is not a finite number between -1e+18 and 1e+18")
    assert len(list(shots.glob("*.png"))) == 4


QUERIES = [
    "口岸",
    "满洲里",
    "manzhouli",
    "mzl",
    "Erenhot",
    "羊绒",
    "a",
    "口",
    '"',
    "AND",
    "OR x",
    "*",
    "NEAR(",
    "二连浩特",
    "策克",
    "eren",
    "^",
    "'",
    "col:x",
    "(",
    "-",
    "+",
    "煤炭 运输",
]


def test_a_damaged_search_index_is_said_in_the_proposals_tab(tmp_path, qtbot, qt_fonts, settings):
    window = show_window(qtbot, qt_fonts, settings, db=damaged_index(tmp_path))
    window.tabs.setCurrentIndex(2)
    tab = window.proposals_tab
    failed = 0
    for query in QUERIES:
        tab.set_query(query)  # raises nothing
        failed += tab.count_text() == "无法搜索:本简报的搜索索引已损坏"  # the count says so, not "0 found"
    assert len(QUERIES) == 23 and failed >= 12
    tab.set_query("口岸")
    assert "损坏" in tab.count_text()
    tab.set_query("")
    assert tab.visible_proposals()  # with no query, every proposal is listed again


def test_the_csv_never_hands_a_spreadsheet_a_formula(tmp_path):
    path = tmp_path / "formulas.sqlite"
    shutil.copyfile(paths.bundled_database(), path)
    conn = sqlite3.connect(path)
    conn.execute(
        """UPDATE observations SET as_written = '=HYPERLINK("http://x","y")', unit = '@SUM(1+1)',
                    note_zh = '+cmd', formula = '-2+3', period_zh = ? , value = -3.5 WHERE rowid = 1""",
        ("\t=1",),
    )
    conn.execute(
        """UPDATE observations SET as_written = '=cmd|'' /C calc''!A0', note_zh = ? WHERE rowid = 2""", ("\r=1",)
    )
    conn.commit()
    conn.close()
    out = tmp_path / "figures.csv"
    write_csv(open_briefing(path), out)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    first = next(r for r in rows if r["unit"].startswith("'@"))
    assert first["as_written"] == '\'=HYPERLINK("http://x","y")' and first["unit"] == "'@SUM(1+1)"
    assert first["note"] == "'+cmd" and first["formula"] == "'-2+3" and first["period_label"] == "'\t=1"
    assert first["value"] == "-3.5"  # a number stays a number
    second = next(r for r in rows if r["as_written"].startswith("'=cmd"))
    assert second["note"] == "'\r=1"
    for row in rows:
        for key, cell in row.items():
            assert key == "value" or not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (key, cell)
