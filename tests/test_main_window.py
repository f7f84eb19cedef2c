"""The window a presenter drives: tabs, keys a clicker sends, font scale, settings, opening files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import fixture_facts as F
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from briefing.store import open_briefing
from briefing.ui.common.settings import Settings
from briefing.ui.shell.main_window import MainWindow


def test_four_tabs_with_chinese_titles(window):
    assert [window.tabs.tabText(i) for i in range(4)] == ["口岸", "指标", "代表建议", "原文"]
    assert "内蒙古" in window.banner.text() and "内蒙古日报" in window.banner.text()
    # the article's date and the latest figure's
    article, latest = (f"{int(m[:4])}年{int(m[5:])}月" for m in (F.ARTICLE_MONTH, F.DATA_THROUGH))
    assert f"原文 {article} · 补充数据截至 {latest}" in window.banner.text()


def test_ctrl_number_switches_tabs(window, qtbot):
    for index in (3, 1, 0, 2):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index


def test_clicker_keys_step_through_ports(window, qtbot):
    window.selection.select_subject(F.MANZHOULI_RAIL)
    first = window.selection.subject_id
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    second = window.selection.subject_id
    assert second != first and window.briefing.port(second) is not None
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.selection.subject_id == first
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.selection.subject_id == second


def test_font_scale_keys_are_remembered(window, qtbot, settings):
    base = window.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.font_scale == pytest.approx(1.2)
    qtbot.waitUntil(lambda: window.font().pointSizeF() == pytest.approx(base * 1.2))
    assert settings.font_scale == pytest.approx(1.2)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_scale == pytest.approx(1.1)
    window.set_font_scale(1.0)


def test_settings_round_trip(window, settings, qt_fonts, qtbot, fixture_db):
    window.tabs.setCurrentIndex(2)
    window.selection.select_subject(F.EXACT_PORT)
    window.close()
    again = MainWindow(open_briefing(fixture_db), settings, qt_fonts)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2
    assert again.selection.subject_id == F.EXACT_PORT


def test_corrupt_settings_fall_back_to_defaults(tmp_path):
    path = tmp_path / "broken.ini"
    path.write_bytes(b"[view]\nfont_scale=huge\nlast_tab=minus\n\x00\xff\xfe")
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.font_scale == 1.0 and settings.last_tab == 0


def test_bad_file_keeps_the_current_briefing(window, tmp_path, qtbot):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    before = window.briefing
    assert window.open_file(bad) is False
    assert window.briefing is before and window.briefing.ports
    assert "notes.sqlite" in window.last_warning and "is not an SQLite database" in window.last_warning
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_opening_another_briefing(window, tmp_path, fixture_db):
    import shutil

    copy = tmp_path / "other.sqlite"
    shutil.copyfile(fixture_db, copy)
    assert window.open_file(copy)
    assert window.briefing.path == copy and "other.sqlite" in window.windowTitle()


def test_screenshot_command_writes_four_full_hd_pngs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "view", "--screenshot", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    images = sorted(tmp_path.glob("*.png"))
    assert [p.name for p in images] == ["1-ports.png", "2-indicators.png", "3-proposals.png", "4-sources.png"]
    for path in images:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1920, 1080)


def _self_test(config: Path) -> subprocess.CompletedProcess:
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    return subprocess.run(
        [sys.executable, "-m", "briefing", "--self-test"], capture_output=True, text=True, timeout=600, env=env
    )


def test_self_test_passes_and_records_it_in_the_users_settings(tmp_path):
    result = _self_test(tmp_path / "config")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test ok" in result.stdout
    written = list((tmp_path / "config").rglob("*.ini"))
    assert len(written) == 1 and str(written[0]) in result.stdout
    recorded = Settings(QSettings(str(written[0]), QSettings.Format.IniFormat))
    assert recorded.last_self_test.startswith("20") and recorded.last_tab == 0  # nothing else remembered


def test_self_test_fails_when_settings_cannot_be_saved(tmp_path):
    blocked = tmp_path / "config"
    blocked.write_text("a file where the settings folder should be", encoding="utf-8")
    result = _self_test(blocked)
    assert result.returncode == 1
    assert "the settings file cannot be written" in result.stderr and "Traceback" not in result.stderr


def test_view_of_a_bad_file_exits_with_a_message(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "view", str(bad), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1 and "is empty" in result.stderr and "Traceback" not in result.stderr
