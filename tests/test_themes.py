"""Colour themes: the dark one really is dark and high in contrast, charts and the map follow a switch,
and the choice is remembered."""

from __future__ import annotations

import fixture_facts as F
import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from briefing.drawing import themes
from briefing.ui.common import theme_widgets
from briefing.ui.common.settings import Settings

# Text on its background. The dark theme is for dim rooms: WCAG AAA (7:1) for every pair; the light one AA.
TEXT_PAIRS = [
    ("window_text", "window"),
    ("text", "base"),
    ("muted", "window"),
    ("muted", "card_background"),
    ("chart_text", "chart_background"),
    ("chart_subtitle", "chart_background"),
    ("map_ink", "map_land"),
    ("map_muted", "map_land"),
    ("banner_text", "banner_background"),
    ("highlighted_text", "highlight"),
    ("search_highlight_text", "search_highlight"),
    ("text", "list_selected"),
    ("text", "reader_mark"),
    ("coverage_reported_text", "coverage_reported_background"),
    ("chip_text", "chip_background"),
    ("reader_heading", "base"),
    ("link", "base"),
    ("card_heading", "card_sheet"),
    ("placeholder", "base"),
]


def luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture(autouse=True)
def light_afterwards(qapp):
    """Other tests draw with the palette they started with: restore it, and the light theme."""
    palette = qapp.palette()
    yield
    theme_widgets.apply_theme("light", qapp)
    qapp.setPalette(palette)


@pytest.mark.parametrize(("theme", "minimum"), [(themes.DARK, 7.0), (themes.LIGHT, 4.5)])
def test_text_contrast(theme, minimum):
    weak = [
        (a, b, round(contrast(getattr(theme, a), getattr(theme, b)), 1))
        for a, b in TEXT_PAIRS
        if contrast(getattr(theme, a), getattr(theme, b)) < minimum
    ]
    assert weak == []


def test_dark_accents_stand_out_on_dark_charts_and_cards():
    for kind, accent in themes.DARK.accents.items():
        assert contrast(accent, themes.DARK.chart_background) >= 7.0, kind
        assert contrast(accent, themes.DARK.base) >= 7.0, kind  # badge text is drawn in `base` on the accent


def grab_pixel(widget, point: QPoint | None = None) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(point or QPoint(3, 3))


def test_switching_to_dark_darkens_the_window_the_charts_and_the_map(window, settings):
    window.selection.select_subject(F.RAIL_PORT)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    chart = window.indicators_tab.charts.comparisons[0]
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert chart.plot.backgroundBrush().color() == QColor(themes.LIGHT.chart_background)

    window.set_theme("dark")
    QApplication.processEvents()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert window.palette().color(QPalette.ColorRole.Window) == QColor(themes.DARK.window)
    assert chart.plot.backgroundBrush().color() == QColor(themes.DARK.chart_background)
    assert grab_pixel(chart.plot).lightness() < 30  # what is drawn, not only what is set
    assert chart.plot.getAxis("right").textPen().color() == QColor(themes.DARK.chart_text)
    # bars in the dark theme's colour for their kind (as on the cards), the selected one outlined in the text colour
    assert QColor(themes.DARK.accents["reported"]) in [brush.color() for brush in chart.bars.opts["brushes"]]
    assert QColor(themes.DARK.chart_text) in [pen.color() for pen in chart.bars.opts["pens"]]

    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    map_view = window.ports_tab.map
    assert map_view.backgroundBrush().color() == QColor(themes.DARK.map_sea)
    corner = grab_pixel(map_view.viewport(), QPoint(map_view.viewport().width() - 3, 3))
    assert corner == QColor(themes.DARK.map_sea)
    assert all(label.colour == QColor(themes.DARK.map_ink) for label in map_view.labels())

    window.set_theme("light")
    QApplication.processEvents()
    assert chart.plot.backgroundBrush().color() == QColor(themes.LIGHT.chart_background)
    assert map_view.backgroundBrush().color() == QColor(themes.LIGHT.map_sea)


def test_fact_cards_and_muted_text_follow_the_theme(window):
    window.selection.select_subject(F.EXACT_PORT)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    window.set_theme("dark")
    QApplication.processEvents()
    card = window.indicators_tab.cards.cards[0]
    assert grab_pixel(card, QPoint(card.width() // 2, card.height() - 4)).lightness() < 60
    subtitle = window.indicators_tab.subtitle
    assert subtitle.palette().color(QPalette.ColorRole.WindowText) == QColor(themes.DARK.muted)


def test_the_theme_is_remembered(window, settings, tmp_path):
    window.set_theme("dark")
    assert settings.theme == "dark"
    assert window.theme_actions["dark"].isChecked()
    assert Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)).theme == "dark"


def test_unknown_or_missing_settings_fall_back_to_the_defaults(tmp_path):
    raw = QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat)
    settings = Settings(raw)
    assert (settings.language, settings.theme) == ("zh", "light")
    raw.setValue("view/language", "klingon")
    raw.setValue("view/theme", 42)
    assert (settings.language, settings.theme) == ("zh", "light")
    assert themes.theme_named("no-such-theme") is themes.LIGHT
