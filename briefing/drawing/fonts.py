"""Load the bundled CJK font and make it the application font, so any machine renders Chinese."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from briefing import paths

FONT_FILES = ("NotoSansCJKsc-Regular.subset.otf", "NotoSansCJKsc-Bold.subset.otf")
BASE_POINT_SIZE = 11.0  # readable on a laptop; the presentation scale multiplies it


def load_bundled_fonts() -> str:
    """Register the bundled faces; return their family name (empty if none could be loaded).

    Given as bytes, not as a file name: a font engine that opens files by their 8-bit name cannot
    open one in a folder such as C:\\Users\\张三\\Desktop\\口岸 简报\\ (FreeType on Windows: every
    glyph came out as a box)."""
    family = ""
    for name in FONT_FILES:
        try:
            data = (paths.fonts_dir() / name).read_bytes()
        except OSError:
            continue
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family


def apply_font(app: QGuiApplication, family: str, scale: float) -> QFont:
    font = QFont(family) if family else QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return font
