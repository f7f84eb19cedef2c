"""Chinese renders on a machine with no CJK fonts: the bundled font is the application font and covers the data."""

from __future__ import annotations

import sqlite3

from PySide6.QtGui import QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from briefing import paths
from briefing.drawing import fonts


def database_characters() -> set[str]:
    conn = sqlite3.connect(paths.bundled_database())
    chars: set[str] = set()
    tables = [
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_fts%'")
    ]
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for cell in row:
                if isinstance(cell, str):
                    chars.update(cell)
    conn.close()
    return {c for c in chars if not c.isspace() and c.isprintable()}


def test_application_font_is_the_bundled_cjk_font(qt_fonts):
    assert qt_fonts == "Noto Sans CJK SC"
    assert QApplication.font().family() == qt_fonts
    assert qt_fonts in QFontDatabase.families()


def test_every_character_in_the_database_is_in_the_bundled_font(qt_fonts):
    raw = QRawFont(str(paths.fonts_dir() / fonts.FONT_FILES[0]), 12)
    assert raw.isValid()
    # A glyph index of 0 is .notdef, the tofu box. (QRawFont.supportsCharacter consults the OS/2
    # range bits, which say nothing about a subset, so we ask for the glyph itself.)
    assert raw.glyphIndexesForString("丟") == [0]  # outside GB2312 and the data: the check can fail
    missing = sorted(c for c in database_characters() if raw.glyphIndexesForString(c) in ([], [0]))
    assert not missing, f"not in the font subset (run python -m briefing.devtools.subset_font): {''.join(missing)}"


def test_bold_face_covers_the_same_text(qt_fonts):
    raw = QRawFont(str(paths.fonts_dir() / fonts.FONT_FILES[1]), 12)
    assert raw.isValid()
    assert all(index != 0 for index in raw.glyphIndexesForString("策克口岸满洲里二连浩特"))


def test_licence_ships_beside_the_font():
    text = (paths.fonts_dir() / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in text.upper()
