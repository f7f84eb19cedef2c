"""Exports a presenter takes away: the PDF handout, the CSV of figures, chart images; and failures
that leave nothing half-written. PDFs are read back with poppler's pdfinfo/pdftotext."""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import fixture_facts as F
import pytest
from conftest import show_window
from PySide6.QtCore import QBuffer, QIODevice, QPoint
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from briefing.drawing.formatting import value_text
from briefing.export import ExportCancelled, ExportError
from briefing.export.csv_export import write_csv
from briefing.export.handout import ordered_subjects, prepare, write_handout
from briefing.export.layout import Column, Flow
from briefing.store import open_briefing

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="needs poppler-utils (pdfinfo, pdftotext, pdffonts)",
)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def handouts(tmp_path_factory, qapp, fixture_db):
    """The test briefing's handout in both languages, written once for the module."""
    briefing = open_briefing(fixture_db)
    prepare()
    folder = tmp_path_factory.mktemp("handouts")
    made = {
        lang: (folder / f"handout-{lang}.pdf", write_handout(briefing, folder / f"handout-{lang}.pdf", lang))
        for lang in ("zh", "en")
    }
    yield made
    briefing.close()


@needs_poppler
def test_handout_pages_carry_the_figures_as_text(handouts, fixture_briefing):
    path, pages = handouts["zh"]
    assert pdf_pages(path) == pages >= 8
    text = pdf_text(path)
    later = F.row("observations", F.LATER_FULL_YEAR)["period_zh"]  # short enough to stay on one line
    for expected in (
        F.name_zh(F.EXACT_PORT),
        F.LOWER_BOUND_TEXT,
        "2073.1亿元",
        "口岸分布图",
        "代表委员建议",
        "资料来源",  # and the article's date and the latest figure's:
        f"原文: {F.ARTICLE_MONTH}",
        f"补充数据截至: {F.DATA_THROUGH}",
        "时期后标 * 者晚于原文发表",
        f"{later} *",  # a later figure is marked where it is shown
        f"第 1 页 / 共 {pages} 页",
        f"第 {pages} 页 / 共 {pages} 页",
    ):
        assert expected in text, expected
    speakers = {d.name_zh for d in fixture_briefing.delegates}
    assert any(name in text for name in speakers)
    # 口 must come out as 口 (U+53E3), not the look-alike radical ⼝ a system font would map it to
    assert "⼝" not in text and "口岸" in text
    assert "briefing" in F.meta()["title_en"] and F.meta()["title_en"] in text  # no ligature glyph (fi) drops out


@needs_poppler
def test_handout_embeds_the_font(handouts):
    path, _ = handouts["zh"]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded (emb column)


@needs_poppler
def test_handout_in_english_has_english_headings_and_names(handouts, fixture_briefing):
    path, pages = handouts["en"]
    text = pdf_text(path)
    for expected in (
        "Meeting handout",
        "Port map",
        "Figures by subject",
        "Sources",
        "Contents",
        f"Page 1 of {pages}",
        F.name_en(F.EXACT_PORT),
        F.LOWER_BOUND_TEXT,
        "2073.1亿元",
    ):
        assert expected in text, expected
    assert "口岸分布图" not in text and "资料来源" not in text
    assert fixture_briefing.proposals()[0].title_zh[:8] in text  # proposals stay in Chinese


@needs_poppler
def test_contents_page_numbers_lead_to_each_subject_and_its_first_figure(handouts, fixture_briefing):
    """The cover's contents give each section's page; there the heading sits with its first row
    (a heading never stays behind alone at the foot of the previous page)."""
    path, pages = handouts["zh"]
    cover = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    contents = dict(re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", cover, re.M))
    order = {i.id: n for n, i in enumerate(fixture_briefing.indicators)}
    for subject in ordered_subjects(fixture_briefing):
        page = int(contents[subject.name_zh])
        text = pdf_text(path, page)
        first = min(
            fixture_briefing.observations_for(subject.id), key=lambda o: (order.get(o.indicator_id, 999), o.period)
        )
        assert subject.name_zh in text.splitlines() and value_text(first)[:6] in text, subject.id
    assert int(contents["资料来源"]) <= pages and "资料来源" in pdf_text(path, int(contents["资料来源"]))


@needs_poppler
def test_long_tables_repeat_their_header_on_the_next_page(qapp):
    family = prepare()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    flow = Flow(writer, family)
    table = flow.measure_table(
        (Column("指标名称", 0.6), Column("数值栏", 0.4)), [[f"第{n}行", str(n)] for n in range(1, 121)]
    )
    flow.table(table, continued="表格(续)")
    painter = QPainter(writer)
    flow.paint(painter, writer.newPage, lambda *_: None)
    painter.end()
    assert len(flow.pages) >= 3
    data = bytes(buffer.data())
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    pages = out.split("\f")
    assert all("指标名称" in page and "数值栏" in page for page in pages if page.strip())
    assert all("表格(续)" in page for page in pages[1:] if page.strip())
    assert "第120行" in out and "第1行" in out


def test_csv_round_trips_every_figure_with_its_citation(tmp_path, fixture_briefing):
    path = tmp_path / "figures.csv"
    count = write_csv(fixture_briefing, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    observations = [o for s in fixture_briefing.subjects for o in fixture_briefing.observations_for(s.id)]
    assert count == len(rows) == len(observations)
    by_id = {row["observation_id"]: row for row in rows}
    for obs in observations:
        row = by_id[obs.id]
        assert float(row["value"]) == obs.value  # every digit, never rounded
        assert (row["subject_id"], row["indicator_id"], row["period"], row["unit"], row["kind"]) == (
            obs.subject_id,
            obs.indicator_id,
            obs.period,
            obs.unit,
            obs.kind,
        )
        assert row["as_written"] == obs.as_written and row["formula"] == obs.formula and row["note"] == obs.note_zh
        if obs.passage_id:
            assert row["passage_id"] == obs.passage_id
            assert row["passage_text"] == fixture_briefing.passage(obs.passage_id).text
            assert obs.as_written in row["passage_text"]
        else:
            source = fixture_briefing.source(obs.source_id)
            assert row["source_id"] == obs.source_id and row["source"] == source.title
            # cited as a reader cites it, with how sure and whether it is later than the article
            assert (row["source_publisher"], row["source_published"]) == (source.publisher, source.published)
            assert row["source_published"] and row["confidence"] == obs.confidence
        assert row["after_article"] == ("yes" if obs.after_article else "")
    assert by_id[F.LOWER_BOUND]["as_written"] == F.LOWER_BOUND_TEXT
    assert by_id[F.AFTER_ARTICLE]["after_article"] == "yes"


def test_csv_of_one_subject(tmp_path, fixture_briefing):
    path = tmp_path / "ceke.csv"
    figures = fixture_briefing.observations_for(F.EXACT_PORT)
    assert write_csv(fixture_briefing, path, F.EXACT_PORT, lang="en") == len(figures)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["subject"] for row in rows} == {"Ceke (Sekhee)"}


@pytest.mark.parametrize(
    "target",
    [
        "under-a-file",
        pytest.param(
            "proc",
            marks=pytest.mark.skipif(
                not Path("/proc").is_dir(), reason="Linux /proc: a folder nobody can write to, root included"
            ),
        ),
    ],
)
def test_export_to_an_unwritable_place_fails_cleanly(tmp_path, fixture_briefing, qapp, target):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    path = blocker / "handout.pdf" if target == "under-a-file" else Path("/proc/briefing-handout.pdf")
    prepare()
    with pytest.raises(ExportError) as caught:
        write_handout(fixture_briefing, path, "zh")
    assert caught.value.problem and "\n" not in caught.value.problem
    with pytest.raises(ExportError):
        write_csv(fixture_briefing, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert not any(p.name.startswith("briefing-handout") for p in Path("/proc").iterdir())


def test_cancelled_handout_leaves_nothing_and_keeps_the_old_file(tmp_path, fixture_briefing, qapp):
    prepare()
    path = tmp_path / "handout.pdf"
    path.write_bytes(b"the previous handout")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 3  # cancel after three pages

    with pytest.raises(ExportCancelled):
        write_handout(fixture_briefing, path, "zh", progress)
    assert seen[-1][0] == 3 and seen[-1][1] > 3
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]
    assert path.read_bytes() == b"the previous handout"


def test_a_full_disk_leaves_nothing_behind(tmp_path):
    resource = pytest.importorskip("resource")  # POSIX: a file-size limit stands in for a full disk

    def small_disk():  # a file-size limit makes writes come up short, as a full disk does
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "--pdf", str(tmp_path / "h.pdf")],
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: cannot write")
    assert list(tmp_path.iterdir()) == []


def test_the_briefing_itself_is_never_overwritten(tmp_path, fixture_db):
    database = tmp_path / "copy.sqlite"
    shutil.copy(fixture_db, database)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    briefing = open_briefing(database)
    try:
        with pytest.raises(ExportError, match="briefing database"):
            write_csv(briefing, database)
    finally:
        briefing.close()
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir()] == ["copy.sqlite"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", *args], capture_output=True, text=True, timeout=120
    )


@needs_poppler
def test_cli_writes_pdf_and_csv(tmp_path):
    result = run_cli("--pdf", str(tmp_path / "h.pdf"), "--csv", str(tmp_path / "f.csv"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(tmp_path / "h.pdf")
    assert f"{pages} pages" in result.stdout and "Port map" in pdf_text(tmp_path / "h.pdf")
    assert (tmp_path / "f.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "args",
    [
        ("--pdf", "{tmp}/notes.txt/h.pdf"),
        ("{tmp}/notes.txt", "--csv", "{tmp}/f.csv"),
        (),
    ],
)
def test_cli_failures_are_one_line(tmp_path, args):
    (tmp_path / "notes.txt").write_text("not a database")
    result = run_cli(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


# -- in the viewer --------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, qt_fonts, settings, fixture_db):
    return show_window(qtbot, qt_fonts, settings, fixture_db, size=(1600, 900))


def test_file_menu_offers_the_exports(window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert {"导出讲义(PDF)…", "导出数据(CSV)…", "导出图表图片(PNG)…"} <= set(texts)


@needs_poppler
def test_handout_from_the_window_runs_in_a_worker_with_progress(window, qtbot, tmp_path):
    actions = window.export_actions
    path = tmp_path / "handout.pdf"
    actions.start_handout(path, "zh")
    assert actions.progress is not None and actions.progress.labelText()
    qtbot.waitUntil(lambda: actions.worker is None, timeout=60_000)
    assert pdf_pages(path) >= 8
    assert str(path) in actions.last_outcome


def test_closing_the_viewer_during_a_handout_stops_it_and_leaves_nothing(window, qtbot, tmp_path):
    actions = window.export_actions
    folder = tmp_path / "handouts"
    folder.mkdir()
    actions.start_handout(folder / "handout.pdf", "zh")
    worker = actions.worker
    window.close()
    assert worker.isFinished()  # stopped and waited for, not destroyed while running
    assert list(folder.iterdir()) == []  # neither the handout nor its temporary file


def test_a_cancelled_worker_writes_nothing(qtbot, tmp_path, fixture_db):
    from briefing.ui.shell.export_dialogs import HandoutWorker

    prepare()
    worker = HandoutWorker(fixture_db, tmp_path / "handout.pdf", "zh")
    worker.cancel()
    with qtbot.waitSignal(worker.cancelled, timeout=60_000):
        worker.start()
    worker.wait()
    assert list(tmp_path.iterdir()) == []


def test_csv_of_the_selected_subject_from_the_window(window, tmp_path):
    window.selection.select_subject(F.EXACT_PORT)
    path = tmp_path / "ceke.csv"
    assert window.export_actions.write_csv(path, F.EXACT_PORT)
    assert "超2400万吨" in path.read_text(encoding="utf-8-sig")


def test_chart_images_at_screen_and_slide_size(window, qtbot, tmp_path):
    window.tabs.setCurrentWidget(window.indicators_tab)
    window.selection.select_subject(F.SERIES_PORT)
    charts = window.export_actions.shown_charts()
    assert charts
    actions = window.export_actions
    assert actions.save_chart(charts[0], tmp_path / "screen.png", None)
    screen = QImage(str(tmp_path / "screen.png"))
    grabbed = charts[0].grab().toImage()
    assert (screen.width(), screen.height()) == (grabbed.width(), grabbed.height())
    assert actions.save_chart(charts[0], tmp_path / "slide.png", (1920, 1080))
    slide = QImage(str(tmp_path / "slide.png"))
    assert (slide.width(), slide.height()) == (1920, 1080)
    colours = {slide.pixelColor(x, y).name() for x in range(0, 1920, 40) for y in range(0, 1080, 40)}
    assert "#ffffff" in colours and len(colours) > 3  # drawn on white, with bars in colour
    assert not actions.save_chart(charts[0], tmp_path / "screen.png" / "x.png", None)
    assert "x.png" in actions.last_outcome


# Popping a menu up on the offscreen platform: notes about the test platform, not about this code.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_right_click_on_a_chart_offers_export(window, qtbot):
    window.tabs.setCurrentWidget(window.indicators_tab)
    window.selection.select_subject(F.SERIES_PORT)
    chart = window.export_actions.shown_charts()[0]
    viewport = chart.plot.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(40, 40), viewport.mapToGlobal(QPoint(40, 40)))
    QApplication.sendEvent(viewport, event)
    menu = window.export_actions.chart_menu
    assert menu is not None and [a.text() for a in menu.actions()] == ["导出此图表为图片…"]
    menu.close()
