"""The deck PDF: one 16:9 page per slide, its words and figures as selectable text in the embedded
bundled font, written whole or not at all; from the command line too."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from briefing import paths
from briefing.drawing.slides import deck
from briefing.export.deck import write_deck
from briefing.export.save import ExportCancelled, ExportError
from briefing.ui.presenting.agenda import load_agenda

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="needs poppler-utils (pdfinfo, pdftotext, pdffonts)",
)
AGENDA = paths.bundled_sources() / "agenda.json"


def _info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def _text(path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def default_deck(qapp, bundled, tmp_path_factory):
    path = tmp_path_factory.mktemp("deck") / "deck.pdf"
    pages = write_deck(bundled, path, "zh")
    return path, pages


@needs_poppler
def test_one_widescreen_page_per_slide(default_deck, bundled):
    path, pages = default_deck
    assert pages == len(deck.default_stops(bundled, "zh"))
    info = _info(path)
    assert int(info["Pages"]) == pages
    width, height = (float(v) for v in info["Page size"].split()[0:3:2])
    assert abs(width / height - 16 / 9) < 0.01


@needs_poppler
def test_names_and_figures_are_text_as_written(default_deck, bundled):
    path, _ = default_deck
    text = _text(path)
    for expected in ("满洲里铁路口岸", "Manzhouli (railway)", "2073.1亿元", "超2400万吨", "凌云", "资料来源"):
        assert expected in text, expected
    stops = deck.default_stops(bundled, "zh")
    ceke = next(i for i, s in enumerate(stops, 1) if s.get("subject_id") == "ceke")
    assert "超2400万吨" in _text(path, ceke) and "策克口岸" in _text(path, ceke)


@needs_poppler
def test_the_bundled_font_is_embedded(default_deck):
    path, _ = default_deck
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), rows


@needs_poppler
def test_the_english_deck_of_the_shipped_agenda(qapp, bundled, tmp_path):
    path = tmp_path / "en.pdf"
    stops = load_agenda(AGENDA).stops
    assert write_deck(bundled, path, "en", stops) == len(stops)
    text = _text(path)
    assert "Ceke (Sekhee)" in text and "策克口岸" in text  # the English name, the Chinese as its subtitle


def test_a_cancelled_deck_leaves_the_old_file(qapp, bundled, tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        write_deck(bundled, path, "zh", progress=lambda done, total: done < 3)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pdf"]


def test_a_deck_into_a_missing_folder_fails_cleanly(qapp, bundled, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_deck(bundled, tmp_path / "nowhere" / "deck.pdf", "zh")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", *args], capture_output=True, text=True, timeout=180
    )


@needs_poppler
def test_cli_writes_the_deck_of_an_agenda(tmp_path):
    out = tmp_path / "slides.pdf"
    result = _cli("--slides", str(out), "--agenda", str(AGENDA), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}: {len(load_agenda(AGENDA).stops)} slides (en)"
    assert int(_info(out)["Pages"]) == len(load_agenda(AGENDA).stops)


def test_cli_with_a_bad_agenda_says_so_in_one_line(tmp_path):
    bad = tmp_path / "bad.agenda.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "slides.pdf"
    result = _cli("--slides", str(out), "--agenda", str(bad))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and str(bad) in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_file_menu_writes_the_deck_of_the_open_agenda(qtbot, qt_fonts, settings, tmp_path):
    from conftest import show_window

    window = show_window(qtbot, qt_fonts, settings, size=(1366, 768))
    actions = window.export_actions
    assert actions.slides_action in window.file_menu.actions()
    assert actions.slides_action.text() == "导出幻灯片(PDF)…"
    window.presenter_tools.model.set_agenda(load_agenda(AGENDA))
    stops = actions.agenda_stops()
    assert len(stops) == len(load_agenda(AGENDA).stops)
    path = tmp_path / "slides.pdf"
    assert actions.write_slides(path, "zh", stops)
    assert path.read_bytes().startswith(b"%PDF") and str(path) in actions.last_outcome
    assert f"{len(stops)}" in actions.last_outcome


def test_the_slides_dialog_writes_the_chosen_language_and_agenda(qtbot, qt_fonts, settings, tmp_path, monkeypatch):
    from conftest import show_window
    from PySide6.QtWidgets import QDialog

    from briefing.ui.shell import export_dialogs

    window = show_window(qtbot, qt_fonts, settings, size=(1366, 768))
    window.export_actions.folder = tmp_path
    written = []

    def choose_english(dialog) -> QDialog.DialogCode:
        english = next(b for b in dialog.findChildren(export_dialogs.QRadioButton) if b.property("value") == "en")
        english.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialogs.ExportDialog, "exec", choose_english)
    monkeypatch.setattr(window.export_actions, "write_slides", lambda *args: written.append(args) or True)
    window.export_actions.export_slides()
    ((path, lang, stops),) = written
    assert path.name.endswith("slides-en.pdf") and lang == "en" and stops is None  # no agenda open: the default
