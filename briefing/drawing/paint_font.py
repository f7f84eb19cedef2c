"""The bundled CJK font under a family name of its own, so an export always embeds the bundled file.

A machine with Noto Sans CJK SC installed has two faces of that name, and Qt may pick the system's
full font: the PDF is then larger, and its text maps 口 to the Kangxi radical ⼝ (the full font
shares the glyph), so copying or searching "口岸" in the handout fails. Registering the bundled
files under a private family (the sfnt `name` table rewritten in memory, the files untouched)
leaves Qt no choice.
"""

from __future__ import annotations

import struct

from PySide6.QtGui import QFont, QFontDatabase

from briefing import paths
from briefing.drawing import fonts

FAMILY = "Briefing Handout Sans"
_ORIGINAL = "Noto Sans CJK SC"
_state: dict[str, str] = {}


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def _decode(platform: int, raw: bytes) -> tuple[str, str]:
    codec = "utf-16-be" if platform in (0, 3) else "latin-1"
    return raw.decode(codec), codec


def renamed_font(data: bytes, family: str) -> bytes:
    """The font with every name record that says Noto Sans CJK SC saying `family` instead.

    The new name table is appended at the end of the file and the table directory points at it;
    every other table keeps its offset.
    """
    num_tables = struct.unpack(">H", data[4:6])[0]
    for index in range(num_tables):
        entry = 12 + 16 * index
        tag, _, offset, length = struct.unpack(">4sIII", data[entry : entry + 16])
        if tag == b"name":
            break
    else:
        raise ValueError("font has no name table")
    table = data[offset : offset + length]
    fmt, count, storage = struct.unpack(">HHH", table[:6])
    if fmt != 0:
        raise ValueError("unsupported name table format")
    records, strings = [], b""
    for i in range(count):
        platform, encoding, language, name_id, size, start = struct.unpack(">6H", table[6 + 12 * i : 18 + 12 * i])
        text, codec = _decode(platform, table[storage + start : storage + start + size])
        raw = text.replace(_ORIGINAL, family).encode(codec)
        records.append(struct.pack(">6H", platform, encoding, language, name_id, len(raw), len(strings)))
        strings += raw
    new_table = struct.pack(">HHH", 0, count, 6 + 12 * count) + b"".join(records) + strings
    body = data + b"\0" * (-len(data) % 4)
    directory = struct.pack(">4sIII", b"name", _checksum(new_table), len(body), len(new_table))
    return body[:entry] + directory + body[entry + 16 :] + new_table


def handout_family() -> str:
    """Register the bundled faces under FAMILY once; fall back to the ordinary bundled family."""
    if "family" in _state:
        return _state["family"]
    family = ""
    for name in fonts.FONT_FILES:
        try:
            data = renamed_font((paths.fonts_dir() / name).read_bytes(), FAMILY)
        except (OSError, ValueError, struct.error):
            continue
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0 and FAMILY in QFontDatabase.applicationFontFamilies(font_id):
            family = FAMILY
    _state["family"] = family or fonts.load_bundled_fonts()
    return _state["family"]


def export_font(family: str, pixels: float, bold: bool = False) -> QFont:
    """A font for exported text: sized in device pixels, unhinted, and without ligatures, since a
    ligature glyph (fi) has no single character behind it and drops out of copied text.

    A handout asks for one of a dozen fonts for every line and table cell it lays out (millions on a
    large briefing); each is made once and handed out as a copy (QFont copies share their data)."""
    key = (family, max(1, round(pixels)), bool(bold))
    font = _fonts.get(key)
    if font is None:
        font = QFont(family)
        font.setPixelSize(key[1])
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
        _fonts[key] = font
    return QFont(font)


_fonts: dict[tuple[str, int, bool], QFont] = {}
