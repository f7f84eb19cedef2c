"""Colour themes: a light one for print-like screens and a high-contrast dark one for dim rooms.

A theme is a palette for Qt's own widgets plus named colours that our widgets and drawings read
(charts, the map, fact cards, the readers, slides). `set_current()` makes one current; the widget
layer's `apply_theme()` (ui/common/theme_widgets.py) also sets the application palette and emits
`signals().theme_changed`, and widgets that paint with their own colours connect to it and repaint.

There is deliberately no application-wide style sheet: with one set, Qt stops passing application
font changes on to child widgets, and the presentation font scale (Ctrl+= / Ctrl+-) relies on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette

THEMES = ("light", "dark")  # the first is the default

# The kinds drawn hollow, and their line, wherever a figure is drawn (cards, badges, chart bars):
# a target dashed (a plan), a derived value dotted (computed here); the others solid.
KIND_LINES = {"target": Qt.PenStyle.DashLine, "derived": Qt.PenStyle.DotLine}


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    # Qt's palette
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    placeholder: str
    disabled_text: str
    # our own widgets
    muted: str  # secondary text: hints, captions, units
    banner_background: str
    banner_text: str
    chart_background: str
    chart_text: str
    chart_subtitle: str
    card_sheet: str  # behind the fact cards
    card_background: str
    card_border: str
    card_heading: str
    formula_background: str
    map_sea: str
    map_land: str
    map_land_marked: str  # the league of a selected port that has no position on the map
    map_border: str
    map_ink: str  # port names, the selection ring, every port marker (colour is kept for kinds of figure)
    map_muted: str  # league names, leader lines
    map_country: str  # neighbouring countries' names
    map_halo: str  # behind port names (with alpha)
    overlay_background: str  # the map's legend and corner box (with alpha)
    overlay_border: str
    reader_heading: str  # section headings in the article
    reader_mark: str  # behind the passage a citation opened
    search_highlight: str  # behind search matches; text on it is `search_highlight_text`
    search_highlight_text: str
    list_selected: str  # a selected card in the proposal and speaker lists
    list_rule: str
    chip_background: str  # topic chips, link buttons
    chip_text: str
    chip_border: str
    coverage_reported_background: str
    coverage_reported_text: str
    # kind of figure -> colour (cards, bars): the only meaning a colour carries anywhere. A port's mode
    # is its marker's shape and a speaker's body is a word, both in plain ink, so blue is never also
    # "a road port" nor green "an airport".
    accents: dict[str, str] = field(default_factory=dict)


LIGHT = Theme(
    name="light",
    dark=False,
    window="#f4f4f2",
    window_text="#15191e",
    base="#ffffff",
    alternate_base="#f3f5f7",
    text="#15191e",
    button="#ebebe8",
    highlight="#1f5fa8",
    highlighted_text="#ffffff",
    link="#1763b0",
    placeholder="#6b727c",
    disabled_text="#8a8f98",
    muted="#5b616b",
    banner_background="#f3f3f0",
    banner_text="#4a4f55",
    chart_background="#ffffff",
    chart_text="#1b1f24",
    chart_subtitle="#4a5058",
    card_sheet="#eef0f3",
    card_background="#ffffff",
    card_border="#cfd4db",
    card_heading="#1b1f24",
    formula_background="#f4f5f7",
    map_sea="#e6ebf0",
    map_land="#f6f1e3",
    map_land_marked="#ffe9a8",
    map_border="#8f9aa6",
    map_ink="#1c2630",
    map_muted="#5f6d7a",
    map_country="#a2adb8",
    map_halo="#e1ffffff",
    overlay_background="#eeffffff",
    overlay_border="#b6c0ca",
    reader_heading="#1f3a5f",
    reader_mark="#fff4d6",
    search_highlight="#ffe066",
    search_highlight_text="#1a1a1a",
    list_selected="#dce9fb",
    list_rule="#e3e6eb",
    chip_background="#f3f7fc",
    chip_text="#1f5fa8",
    chip_border="#c7d6ea",
    coverage_reported_background="#dcebf9",
    coverage_reported_text="#163f6b",
    accents={
        "reported": "#1f5fa8",
        "cumulative": "#0f7b6c",
        "lower_bound": "#2e7d32",
        "approximate": "#7b4fa0",
        "growth_rate": "#b4441a",
        "share": "#8a6d00",
        "target": "#c46a12",
        "derived": "#6b7079",
    },
)

# Near-black surfaces, white text, bright accents: every text colour is at least 7:1 against its
# background (WCAG AAA), so figures read from the back of a darkened room.
DARK = Theme(
    name="dark",
    dark=True,
    window="#161a1f",
    window_text="#ffffff",
    base="#000000",
    alternate_base="#1a1f25",
    text="#ffffff",
    button="#262c34",
    highlight="#ffd43b",
    highlighted_text="#000000",
    link="#8cc8ff",
    placeholder="#b8c0ca",
    disabled_text="#8a939e",
    muted="#c9d1d9",
    banner_background="#14181d",
    banner_text="#e6edf3",
    chart_background="#000000",
    chart_text="#ffffff",
    chart_subtitle="#d0d7de",
    card_sheet="#0b0d10",
    card_background="#1a1f26",
    card_border="#6e7681",
    card_heading="#ffffff",
    formula_background="#21262d",
    map_sea="#05080c",
    map_land="#1b2129",
    map_land_marked="#3a3000",
    map_border="#8b98a5",
    map_ink="#ffffff",
    map_muted="#c9d1d9",
    map_country="#8b98a5",
    map_halo="#e6000000",
    overlay_background="#f0101418",
    overlay_border="#6e7681",
    reader_heading="#8cc8ff",
    reader_mark="#3a3000",
    search_highlight="#ffd43b",
    search_highlight_text="#000000",
    list_selected="#1f3b5c",
    list_rule="#30363d",
    chip_background="#161b22",
    chip_text="#8cc8ff",
    chip_border="#58728f",
    coverage_reported_background="#123a63",
    coverage_reported_text="#ffffff",
    accents={
        "reported": "#58a6ff",
        "cumulative": "#3fd0b8",
        "lower_bound": "#56d364",
        "approximate": "#d2a8ff",
        "growth_rate": "#ff8c5a",
        "share": "#e3b341",
        "target": "#ffa657",
        "derived": "#b1bac4",
    },
)

_THEMES = {theme.name: theme for theme in (LIGHT, DARK)}
assert tuple(_THEMES) == THEMES
_state: dict[str, Any] = {"theme": LIGHT, "signals": None}


class ThemeSignals(QObject):
    theme_changed = Signal(str)  # the new theme's name


def signals() -> ThemeSignals:
    """The one object that announces theme changes (created with the application)."""
    if _state["signals"] is None:
        _state["signals"] = ThemeSignals(QCoreApplication.instance())
    signals_object: ThemeSignals = _state["signals"]
    return signals_object


def current() -> Theme:
    theme: Theme = _state["theme"]
    return theme


def theme_named(name: str | None) -> Theme:
    return _THEMES.get((name or "").strip().lower(), LIGHT)


def colour(value: str) -> QColor:
    """'#rrggbb', or '#aarrggbb' with alpha first, as Qt reads it."""
    return QColor(value)


def rgba(value: str) -> str:
    """A theme colour for a style sheet, alpha included: 'rgba(r, g, b, a)'."""
    c = QColor(value)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {c.alpha()})"


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    roles = {
        role.Window: theme.window,
        role.WindowText: theme.window_text,
        role.Base: theme.base,
        role.AlternateBase: theme.alternate_base,
        role.Text: theme.text,
        role.Button: theme.button,
        role.ButtonText: theme.text,
        role.BrightText: theme.highlight,
        role.Highlight: theme.highlight,
        role.HighlightedText: theme.highlighted_text,
        role.Link: theme.link,
        role.LinkVisited: theme.link,
        role.ToolTipBase: theme.card_background,
        role.ToolTipText: theme.text,
        role.PlaceholderText: theme.placeholder,
    }
    for name, value in roles.items():
        pal.setColor(name, QColor(value))
    base = QColor(theme.window)
    # Fusion draws bevels and frames from these; derive them so frames stay visible in both themes.
    pal.setColor(role.Light, base.lighter(160) if theme.dark else QColor("#ffffff"))
    pal.setColor(role.Midlight, base.lighter(140) if theme.dark else base.darker(110))
    pal.setColor(role.Mid, QColor(theme.card_border))
    pal.setColor(role.Dark, QColor(theme.card_border).darker(130) if not theme.dark else QColor(theme.map_border))
    pal.setColor(role.Shadow, QColor("#000000"))
    pal.setColor(role.Accent, QColor(theme.highlight))
    for disabled in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, disabled, QColor(theme.disabled_text))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Base, QColor(theme.window))
    pal.setColor(QPalette.ColorGroup.Inactive, role.Highlight, QColor(theme.highlight))
    pal.setColor(QPalette.ColorGroup.Inactive, role.HighlightedText, QColor(theme.highlighted_text))
    return pal


def set_current(name: str | None) -> Theme:
    """Make a theme the one drawings read; returns it (an unknown name gives the light theme)."""
    theme = theme_named(name)
    _state["theme"] = theme
    return theme
