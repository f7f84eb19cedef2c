"""Load the bundled CJK font and make it the application font, so any machine renders Chinese."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from briefing import paths

FONT_FILES = ("NotoSansCJKsc-Regular.subset.otf", "NotoSansCJKsc-Bold.subset.otf")
BASE_POINT_SIZE = 11.0  # readable on a laptop; the presentation scale multiplies it


def load_bundled_fonts() -> str:
    """Register the bundled faces; return their family name (empty if none could be loaded)."""
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family


def apply_font(app: QGuiApplication, family: str, scale: float) -> QFont:
    font = QFont(family) if family else QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return font
