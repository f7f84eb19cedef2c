"""A briefing larger than the test briefing: the sources tab reads it a page at a time with a bounded
list of citing figures per passage, an old file without the newer index still opens, and the
handout says up front how long it would be and offers the selected ports instead.

The large briefing is a small scaled one (benchmarks/generate_scaled.py through `briefing build`):
145 passages (three pages of the reader), each cited by 12 figures (more than the reader lists).
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import fixture_facts as F
import pytest
from conftest import ROOT

from briefing.__main__ import main
from briefing.store import open_briefing

PORTS, INDICATORS, PERIODS, PROPOSALS = 25, 5, 12, 20


@pytest.fixture(scope="module")
def large_path(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("generate_scaled", ROOT / "benchmarks" / "generate_scaled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("large")
    module.generate(folder / "src", PORTS, INDICATORS, PERIODS, PROPOSALS)
    out = folder / "large.sqlite"
    assert main(["build", str(folder / "src"), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def large(large_path):
    briefing = open_briefing(large_path)
    yield briefing
    briefing.close()


# -- the store ---------------------------------------------------------------------------------------


def test_pages_of_passages_agree_with_the_whole_article(large):
    everything = large.passages()
    assert large.passage_count() == len(everything) == PORTS * INDICATORS + PROPOSALS
    assert large.passages_page(0, 50) + large.passages_page(50, 50) + large.passages_page(100, 50) == everything
    assert large.passages_page(len(everything), 50) == ()
    for ordinal in (0, 49, 50, len(everything) - 1):
        assert large.passage_ordinal(everything[ordinal].id) == ordinal
    assert large.passage_ordinal("no-such-passage") is None
    assert large.passage_ordinal(everything[0].id, source_id="another-source") is None
    sections = large.passage_sections()
    assert [s for s, _ in sections] == list(dict.fromkeys(p.section for p in everything))
    assert all(everything[ordinal].section == section for section, ordinal in sections)


def test_citations_are_counted_and_listed_in_order_without_fetching_them_all(large, fixture_briefing):
    passage = large.passages()[0]
    every = large.observations_citing(passage.id)
    assert len(every) == PERIODS
    assert large.observations_citing(passage.id, 10) == every[:10]
    assert large.citation_counts([passage.id, "no-such-passage"]) == {passage.id: PERIODS}
    small = fixture_briefing
    cited = {o.passage_id for s in small.subjects for o in small.observations_for(s.id) if o.passage_id}
    counts = fixture_briefing.citation_counts([p.id for p in fixture_briefing.passages()])
    assert set(counts) == cited
    assert all(n == len(fixture_briefing.observations_citing(pid)) for pid, n in counts.items())


def test_the_build_indexes_citations_and_an_older_file_without_the_index_opens_the_same(fixture_briefing, tmp_path):
    built = sqlite3.connect(f"file:{fixture_briefing.path}?mode=ro", uri=True)
    try:
        indexes = {
            row[0]
            for row in built.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
            )
        }
        plan = " ".join(
            row[3]
            for row in built.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM observations WHERE passage_id = ? ORDER BY position",
                (F.LOWER_BOUND_PASSAGE,),
            )
        )
    finally:
        built.close()
    assert any("passage_id" in sql and "position" in sql for sql in indexes)
    assert "USING INDEX" in plan and "TEMP B-TREE" not in plan
    older = tmp_path / "older.sqlite"
    shutil.copy(fixture_briefing.path, older)
    conn = sqlite3.connect(older)
    name = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%passage_id%position%'"
    ).fetchone()[0]
    conn.execute(f'DROP INDEX "{name}"')
    conn.commit()
    conn.close()
    reopened = open_briefing(older)
    try:
        cited = F.LOWER_BOUND_PASSAGE
        assert reopened.observations_citing(cited) == fixture_briefing.observations_citing(cited)
        assert reopened.citation_counts([cited]) == fixture_briefing.citation_counts([cited])
    finally:
        reopened.close()


# -- the sources tab ---------------------------------------------------------------------------------


@pytest.fixture
def tab(qtbot, qt_fonts, large):
    from briefing.ui.common.selection import Selection
    from briefing.ui.sources.sources_tab import SourcesTab

    selection = Selection()
    widget = SourcesTab(large, selection)
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.selection = selection
    return widget


def test_a_long_article_is_read_a_page_at_a_time(tab, large):
    from briefing.ui.sources.sources_tab import PAGE_PASSAGES

    everything = large.passages()
    assert tab.page_range() == (0, PAGE_PASSAGES, len(everything))
    text = tab.reader_document().toPlainText()
    assert everything[0].text in text and everything[PAGE_PASSAGES - 1].text in text
    assert everything[PAGE_PASSAGES].text not in text
    earlier, label, later = tab.pager()
    assert label.text() == f"第 1–{PAGE_PASSAGES} 段,共 {len(everything)} 段"
    assert not earlier.isEnabled() and later.isEnabled()
    later.click()
    assert tab.page_range()[0] == PAGE_PASSAGES
    assert everything[PAGE_PASSAGES].text in tab.reader_document().toPlainText()
    later.click()
    assert tab.page_range()[1] == len(everything) and not later.isEnabled()


def test_each_passage_lists_its_first_figures_and_counts_the_rest(tab, large):
    from briefing.ui.sources.sources_tab import CITATIONS_SHOWN

    passage = large.passages()[0]
    text = tab.reader_document().toPlainText()
    _start, end = tab.passage_range(passage.id)
    following = text[end : text.index(large.passages()[1].text)]
    assert following.count("引用本段的数据:") == CITATIONS_SHOWN
    assert f"… 另有 {PERIODS - CITATIONS_SHOWN} 条数据引用本段" in following
    for obs in large.observations_citing(passage.id)[:CITATIONS_SHOWN]:
        assert obs.as_written in following


def test_following_a_citation_to_another_page_opens_and_marks_it(tab, large):
    from PySide6.QtCore import Qt

    everything = large.passages()
    target = everything[120]
    figure = large.observations_citing(target.id)[0]
    tab.selection.show_passage(target.id, figure.as_written)
    assert tab.marked_passage() == target.id
    first, last, _total = tab.page_range()
    assert first <= 120 < last
    start, end = tab.passage_range(target.id)
    document = tab.reader_document()
    assert document.findBlock(start).blockFormat().background().style() != Qt.BrushStyle.NoBrush
    offset = document.toPlainText()[start:end].index(figure.as_written)
    cursor = document.find(figure.as_written, start)
    assert cursor.selectionStart() == start + offset
    assert cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush
    assert tab.current_section() == target.section


def test_a_section_on_another_page_opens_that_page(tab, large):
    sections = large.passage_sections()
    row, ordinal = next((r, o) for r, (_s, o) in enumerate(sections) if o >= 50)
    tab.open_section(row)
    first, last, _total = tab.page_range()
    assert first <= ordinal < last


def test_a_short_article_is_one_page_with_every_citation(qtbot, qt_fonts, fixture_briefing):
    from briefing.ui.common.selection import Selection
    from briefing.ui.sources.sources_tab import SourcesTab

    widget = SourcesTab(fixture_briefing, Selection())
    qtbot.addWidget(widget)
    text = widget.reader_document().toPlainText()
    assert widget.pager() is None
    assert widget.page_range() == (0, len(fixture_briefing.passages()), len(fixture_briefing.passages()))
    cited = sum(1 for s in fixture_briefing.subjects for o in fixture_briefing.observations_for(s.id) if o.passage_id)
    assert text.count("引用本段的数据:") == cited
    assert "另有" not in text


def test_marking_another_passage_clears_the_first(qtbot, qt_fonts, fixture_briefing):
    from PySide6.QtCore import Qt

    from briefing.ui.common.selection import Selection
    from briefing.ui.sources.sources_tab import SourcesTab

    widget = SourcesTab(fixture_briefing, Selection())
    qtbot.addWidget(widget)
    widget.show_passage(F.LOWER_BOUND_PASSAGE, F.LOWER_BOUND_TEXT)
    widget.show_passage(F.PORT_PROPOSAL_SECOND_PASSAGE, "羊绒")
    document = widget.reader_document()
    start, end = widget.passage_range(F.LOWER_BOUND_PASSAGE)
    assert document.findBlock(start).blockFormat().background().style() == Qt.BrushStyle.NoBrush
    cursor = document.find("超2400万吨", start)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    assert cursor.charFormat().fontWeight() != 700
    start, _end = widget.passage_range(F.PORT_PROPOSAL_SECOND_PASSAGE)
    assert document.findBlock(start).blockFormat().background().style() != Qt.BrushStyle.NoBrush


# -- the handout -------------------------------------------------------------------------------------


def _export(*args, timeout=180):
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", *map(str, args)], capture_output=True, text=True, timeout=timeout
    )


def test_the_estimate_is_close_to_the_pages_written(qapp, fixture_briefing, large, tmp_path):
    from briefing.export.handout import prepare, write_handout
    from briefing.export.handout_scope import estimate_pages

    prepare()
    for briefing, subjects in ((fixture_briefing, None), (large, ("port-3",))):
        pages = write_handout(briefing, tmp_path / "h.pdf", "zh", subject_ids=subjects)
        estimate = estimate_pages(briefing, subjects).pages
        assert 0.7 * pages <= estimate <= 1.3 * pages, (pages, estimate)


def test_a_handout_of_hundreds_of_pages_is_refused_up_front_with_its_estimate(large_path, tmp_path):
    result = _export(large_path, "--pdf", tmp_path / "all.pdf", "--ports", "port-1,no-such-port")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "'no-such-port'" in result.stderr
    from briefing.export import handout_scope

    assert handout_scope.estimate_pages(open_briefing(large_path)).pages > 100
    assert list(tmp_path.iterdir()) == []


def test_a_long_handout_is_written_only_with_all_or_for_some_ports(fixture_db, tmp_path, monkeypatch, capsys):
    """The refusal as `briefing export` gives it, on the test briefing with the bar for a long
    handout lowered below its whole handout and set at one port's."""
    from briefing.export import handout_scope

    briefing = open_briefing(fixture_db)
    whole = handout_scope.estimate_pages(briefing).pages
    one_port = handout_scope.estimate_pages(briefing, (F.RAIL_PORT,)).pages
    briefing.close()
    assert one_port < whole
    monkeypatch.setattr(handout_scope, "LONG_HANDOUT_PAGES", one_port)
    out = tmp_path / "handout.pdf"
    assert main(["export", str(fixture_db), "--pdf", str(out)]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and f"about {whole:,} pages" in said and "--ports" in said and "--all" in said
    assert list(tmp_path.iterdir()) == []
    assert main(["export", str(fixture_db), "--pdf", str(out), "--all"]) == 0 and out.is_file()
    out.unlink()
    assert main(["export", str(fixture_db), "--pdf", str(out), "--ports", F.RAIL_PORT]) == 0 and out.is_file()
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_handout_of_one_port_holds_its_section_and_its_proposals_only(large_path, large, tmp_path):
    out = tmp_path / "port.pdf"
    result = _export(large_path, "--pdf", out, "--ports", "port-3")
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    cover = subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True, text=True, check=True).stdout
    names = {p.id: p.name_zh for p in large.ports}
    assert "本讲义只含:" + names["port-3"] in cover
    assert [pid for pid, name in names.items() if name in cover] == ["port-3"]  # the contents: its section only
    mine = [p for p in large.proposals() if "port-3" in p.port_ids]
    others = [p for p in large.proposals() if "port-3" not in p.port_ids]
    assert all(p.title_zh in text for p in mine)
    assert not any(f"\n{p.title_zh}\n" in text for p in others)


def test_the_export_dialog_offers_the_selected_port_with_estimates(qtbot, qt_fonts, settings, large_path, monkeypatch):
    from conftest import show_window

    from briefing.export import handout_scope
    from briefing.ui.shell.export_dialogs import ExportDialog

    window = show_window(qtbot, qt_fonts, settings, size=(1600, 900), db=large_path)
    window.selection.select_subject("port-3")
    actions = window.export_actions
    dialog = ExportDialog("t", Path("h.pdf"), "*.pdf", window)
    group = actions.add_scope_choice(dialog)
    texts = [b.text() for b in group.buttons()]
    assert texts[0].startswith("全部(约 ") and "当前主体:" in texts[1] and "页)" in texts[1]
    assert ExportDialog.value(group) in ([], None)  # short enough: the whole briefing by default
    monkeypatch.setattr(handout_scope, "LONG_HANDOUT_PAGES", 10)
    dialog = ExportDialog("t", Path("h.pdf"), "*.pdf", window)
    group = actions.add_scope_choice(dialog)
    assert ExportDialog.value(group) == ["port-3"]  # a long one: the selected port is offered instead


def test_five_digit_references_stay_on_one_line(qapp, fixture_briefing):
    """In a briefing of 60,000 paragraphs a figure's reference is [43811]: its column widens (from the
    indicator column) so every row stays one line tall; the usual [12] keeps the usual widths."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from briefing.export.handout import Handout, prepare
    from briefing.export.layout import Flow

    class Recording(Flow):
        tables: list = []

        def measure_table(self, columns, rows, size=8.8):
            table = super().measure_table(columns, rows, size)
            self.tables.append(table)
            return table

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    flow = Recording(QPdfWriter(buffer), prepare())
    handout = Handout(fixture_briefing, flow, "zh")
    observations = fixture_briefing.observations_for(F.EXACT_PORT)
    handout.subject_section(fixture_briefing.subject(F.EXACT_PORT), observations)
    usual = flow.tables[-1]
    handout = Handout(fixture_briefing, flow, "zh")
    for n in range(43810):  # the references before this section's
        handout.cite.numbers[("passage", f"filler-{n}")] = n + 1
    handout.subject_section(fixture_briefing.subject(F.EXACT_PORT), observations)
    wide = flow.tables[-1]
    assert all(cells[-1][0].startswith("[438") for cells in wide.rows)
    assert all(len(cells[-1]) == 1 for cells in wide.rows)  # one line each
    assert wide.widths[-1] > usual.widths[-1] and wide.widths[0] < usual.widths[0]
    assert sum(wide.widths) == pytest.approx(sum(usual.widths))
