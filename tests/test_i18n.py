"""The interface in Chinese and English: a complete, current catalogue and a live switch that retitles
everything on screen, with database names in the language the database has them."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import fixture_facts as F
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from briefing.devtools import update_translations
from briefing.drawing import i18n

TAB_TITLES = {"zh": ["口岸", "指标", "代表建议", "原文"], "en": ["Ports", "Indicators", "Proposals", "Source text"]}


@pytest.fixture(autouse=True)
def chinese_afterwards(qapp):
    """Every other test expects the default language (and locale); put them back even when a test fails."""
    locale = QLocale()
    yield
    if i18n.current_language() != "zh":
        i18n.set_language("zh", qapp)
        QApplication.processEvents()
    QLocale.setDefault(locale)


def switch(window, language: str) -> None:
    window.set_language(language)
    QApplication.processEvents()  # Qt posts LanguageChange to each window


def tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())][:4]


# -- the catalogue ------------------------------------------------------------------------------


def test_english_catalogue_is_complete_and_current_with_the_code():
    """lupdate over the code into a scratch copy finds exactly the catalogue's messages, every one
    translated, and the compiled .qm files match a fresh lrelease."""
    problems = update_translations.check()
    assert problems == [], "run python -m briefing.devtools.update_translations:\n" + "\n".join(problems)


def test_the_check_reports_an_untranslated_message(tmp_path):
    ts = tmp_path / "briefing_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en">\n'
        "<context><name>MainWindow</name>"
        "<message><source>口岸</source><translation>Ports</translation></message>"
        '<message><source>指标</source><translation type="unfinished"></translation></message>'
        "</context></TS>\n",
        encoding="utf-8",
    )
    assert update_translations.unfinished(ts) == [("MainWindow", "指标")]


def test_catalogues_ship_compiled_and_qt_strings_follow_the_language(qapp):
    assert i18n.catalogue_path("en").is_file()
    i18n.set_language("en", qapp)
    assert QCoreApplication.translate("MainWindow", "原文") == "Source text"
    i18n.set_language("zh", qapp)
    assert QCoreApplication.translate("MainWindow", "原文") == "原文"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own, from qtbase_zh_CN


@pytest.mark.parametrize(
    ("given", "code"), [("en", "en"), ("EN_us", "en"), ("zh-Hans", "zh"), ("fr", "zh"), ("", "zh"), (None, "zh")]
)
def test_language_codes_are_normalised(given, code):
    assert i18n.normalise(given) == code


# -- switching live ---------------------------------------------------------------------------------


def test_switching_language_retitles_tabs_menus_headers_and_charts(window, settings):
    window.selection.select_subject(F.RAIL_PORT)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    charts = window.indicators_tab.charts
    assert tab_titles(window) == TAB_TITLES["zh"]
    assert charts.comparisons[0].title.text() == f"{F.indicator_zh(F.TRAINS)}:各地对比"

    switch(window, "en")
    assert tab_titles(window) == TAB_TITLES["en"]
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&View"]
    assert window.language_menu.title().startswith("Language")
    header = window.ports_tab.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Port"
    assert window.indicators_tab.pages.tabText(0) == "Figures"
    comparison = charts.comparisons[0]
    assert comparison.title.text() == f"{F.indicator_en(F.TRAINS)}: comparison"
    assert comparison.subtitle.text().startswith("Unit: trains")
    names = [name.replace("\n", " ") for name in comparison.name_labels()]
    assert any(name.startswith("★ Erenhot") for name in names)
    assert any(name.startswith(F.name_en(F.MANZHOULI_RAIL)) for name in names)
    values = comparison.value_labels()
    assert values and all(re.fullmatch(r"(over )?[\d,]+ trains", text) for text in values)  # English, no 列
    assert window.indicators_tab.cards.headings()[0] == F.indicator_en(F.TRAINS)
    assert window.indicators_tab.title.text() == F.name_en(F.RAIL_PORT)

    switch(window, "zh")
    assert tab_titles(window) == TAB_TITLES["zh"]
    assert charts.comparisons[0].title.text() == f"{F.indicator_zh(F.TRAINS)}:各地对比"
    assert window.indicators_tab.cards.headings()[0] == F.indicator_zh(F.TRAINS)


def test_series_chart_axes_follow_the_language(window):
    window.selection.select_subject(F.REGION)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    series = window.indicators_tab.charts.series[0]
    years = [text for _, text in series.axis_ticks("bottom")]
    assert years and all(text.endswith("年") for text in years)
    switch(window, "en")
    assert [text for _, text in series.axis_ticks("bottom")] == [y.removesuffix("年") for y in years]
    assert series.title.text().endswith(": by year")
    assert "Reported" in series.legend.text() and "实际值" not in series.legend.text()


def test_the_choice_is_remembered_and_checked_in_the_menu(window, settings):
    switch(window, "en")
    assert settings.language == "en"
    assert window.language_actions["en"].isChecked() and not window.language_actions["zh"].isChecked()
    switch(window, "zh")
    assert settings.language == "zh"


def test_database_names_in_english_where_the_database_has_them(window, fixture_briefing):
    switch(window, "en")
    tab = window.ports_tab
    names = [tab.proxy.index(row, 0).data() for row in range(tab.proxy.rowCount())]
    rail = F.MANZHOULI_RAIL
    assert F.name_en(rail) in names and F.name_zh(rail) not in names
    second = [tab.proxy.index(row, 1).data() for row in range(tab.proxy.rowCount())]
    assert F.name_zh(rail) in second  # the other language beside it
    assert tab.model.headerData(1, Qt.Orientation.Horizontal) == "Chinese name"
    erenhot = tab.model.row_of(F.RAIL_PORT)
    assert tab.model.index(erenhot, tab.model.COL_LEAGUE).data() == F.row("ports", F.RAIL_PORT)["league_city_en"]
    assert set(tab.map.unplaced_names()) == {F.name_en(port) for port in F.UNPLACED}
    assert any(label.text == "Erenhot" or label.text.startswith("Erenhot") for label in tab.map.labels())


def test_proposals_stay_in_chinese_and_link_to_ports_by_their_english_names(window):
    tab = window.proposals_tab
    assert tab.select_proposal(F.RAIL_PROPOSAL)
    switch(window, "en")
    proposal = tab.current_proposal()
    assert proposal.id == F.RAIL_PROPOSAL
    assert proposal.title_zh in tab.reader_document().toPlainText()
    assert [button.text() for button in tab.port_buttons()] == [f"{F.name_en(F.RAIL_PORT)} ›"]


def test_short_english_names_for_map_labels():
    assert i18n.short_english_name("Erenhot / Erlian / Ereen (railway)") == "Erenhot"
    assert i18n.short_english_name("Hohhot Baita International Airport") == "Hohhot"
    assert i18n.short_english_name("Hailar (Hulunbuir Dongshan International Airport)") == "Hailar"
    assert i18n.short_english_name("Heishantou") == "Heishantou"


# -- the command line --------------------------------------------------------------------------------


def test_lang_option_overrides_for_the_run_without_being_saved(tmp_path, fixture_db):
    # In a child process: a whole run leaves a destroyed main window behind, and pyqtgraph's
    # scene items must not be torn down under the rest of this test session.
    argv = ["view", str(fixture_db), "--lang", "en", "--screenshot", str(tmp_path / "shots")]
    code = (
        "import sys; from briefing.__main__ import main;"
        "from briefing.drawing import i18n; from briefing.ui.common.settings import Settings;"
        f"rc = main({argv!r}); print('RESULT', rc, i18n.current_language(), Settings().language); sys.stdout.flush();"
        "import os; os._exit(0)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    line = next(text for text in result.stdout.splitlines() if text.startswith("RESULT"))
    assert line.split()[1:] == ["0", "en", "zh"], result.stderr[-2000:]  # English for this run only
    assert len(list((tmp_path / "shots").glob("*.png"))) == 4


def test_an_unknown_language_is_refused_in_one_line(tmp_path, fixture_db):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    argv = ["view", str(fixture_db), "--lang", "fr", "--quit-after-paint"]  # were it taken: a paint, then 0
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *argv], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 2
    assert "invalid choice: 'fr'" in result.stderr and "Traceback" not in result.stderr


def test_no_home_made_translation_wrappers():
    """lupdate only sees literal strings: a helper that passes its own parameter to translate() or tr()
    hides every string it is called with (mark such strings with QT_TRANSLATE_NOOP instead)."""
    import ast

    wrappers = []
    for path in update_translations.source_files():
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            parameters = {a.arg for a in function.args.args + function.args.kwonlyargs}
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
                    continue
                owner = call.func.value.id if isinstance(call.func.value, ast.Name) else ""
                if (
                    call.func.attr == "translate"
                    and owner in ("QCoreApplication", "QApplication")
                    or call.func.attr == "tr"
                ):
                    text = (
                        call.args[1]
                        if call.func.attr == "translate" and len(call.args) > 1
                        else (call.args[0] if call.func.attr == "tr" and call.args else None)
                    )
                    if isinstance(text, ast.Name) and text.id in parameters:
                        wrappers.append(f"{path.name}:{call.lineno} {function.name}()")
    assert wrappers == []
