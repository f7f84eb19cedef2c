"""The slide's colours, from a theme: every text colour at least 7:1 against what is behind it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from briefing.drawing.themes import Theme


@dataclass(frozen=True)
class SlideColours:
    background: str
    ink: str  # titles, figures, quotations
    muted: str  # subtitles, sources, labels (still 7:1)
    card: str  # behind a hero figure, a profile row
    rule: str  # lines, frames (not text)
    mark: str  # behind the figure highlighted in a quotation
    mark_ink: str
    land: str
    land_marked: str  # the league of a port without a position
    sea: str
    border: str
    halo: str  # behind a map label (opaque, so its contrast is known)
    others: str  # the other subjects' bars in a comparison
    selected: str  # the subject's own bar: ink, not a colour (an orange one read as a target)
    accents: dict[str, str]  # kind -> colour of a hero's bar or frame (not text); the one meaning of a colour
    dark: bool


def slide_colours(theme: Theme) -> SlideColours:
    if theme.dark:
        return SlideColours(
            background="#000000",
            ink="#ffffff",
            muted="#d0d7de",
            card="#12161c",
            rule="#6e7681",
            mark="#ffd43b",
            mark_ink="#000000",
            land="#1b2129",
            land_marked="#3a3000",
            sea="#05080c",
            border="#8b98a5",
            halo="#000000",
            others="#6f8fb3",
            selected="#ffffff",
            accents=dict(theme.accents),
            dark=True,
        )
    return SlideColours(
        background="#ffffff",
        ink="#15191e",
        muted="#3b4149",
        card="#f1f3f6",
        rule="#9aa3ad",
        mark="#ffe066",
        mark_ink="#15191e",
        land="#f6f1e3",
        land_marked="#ffe9a8",
        sea="#e6ebf0",
        border="#8f9aa6",
        halo="#ffffff",
        others="#8ea5c0",
        selected="#15191e",
        accents=dict(theme.accents),
        dark=False,
    )


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
