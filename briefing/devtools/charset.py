"""Character sets for font subsetting: which characters the bundled font must cover."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: File patterns under resources/briefings/ whose text the font must render.
BRIEFING_PATTERNS = ("*.csv", "*.toml", "*.md")


def characters_in(paths: Iterable[str | Path]) -> set[str]:
    """Return every character (code point) in the given UTF-8 text files.

    Control characters (line breaks, tabs, BOM) are included as they occur; a
    caller that builds a font subset can simply add them, since a font without a
    glyph for them is harmless.  Raises UnicodeDecodeError on a non-UTF-8 file,
    so a badly saved CSV is noticed rather than silently skipped.
    """
    chars: set[str] = set()
    for path in paths:
        chars.update(Path(path).read_text(encoding="utf-8"))
    return chars


def gb2312_characters() -> set[str]:
    """Return every character of GB 2312, by decoding each valid 2-byte code.

    GB 2312 in EUC-CN: lead byte 0xA1-0xF7, trail byte 0xA1-0xFE; codes that are
    unassigned fail to decode and are skipped.
    """
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.update(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def ascii_latin1_characters() -> set[str]:
    """Printable ASCII (U+0020-U+007E) and printable Latin-1 (U+00A0-U+00FF)."""
    return {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}


def punctuation_characters() -> set[str]:
    """Common CJK, fullwidth and general punctuation plus a few symbols."""
    ranges = [(0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2010, 0x206F)]
    chars = {chr(c) for lo, hi in ranges for c in range(lo, hi + 1)}
    chars.update("“”‘’…—·•▲▼□■●○◆◇★")
    return chars


def resource_text_files(resources: str | Path) -> list[Path]:
    """The text files under resources/ whose characters the font must cover.

    Every *.csv, *.toml and *.md under resources/briefings/ (recursively), and
    resources/i18n/*.ts if that folder exists; sorted, for a stable result.
    """
    root = Path(resources)
    files: set[Path] = set()
    briefings = root / "briefings"
    for pattern in BRIEFING_PATTERNS:
        files.update(p for p in briefings.rglob(pattern) if p.is_file())
    i18n = root / "i18n"
    if i18n.is_dir():
        files.update(p for p in i18n.glob("*.ts") if p.is_file())
    return sorted(files)
