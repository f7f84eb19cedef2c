"""Subset Noto Sans CJK SC (Regular, Bold) to the characters the app can show.

Run from the repository root:

    python -m briefing.devtools.subset_font [--source-dir DIR] [--resources DIR]

It reads the SC face out of Debian's fonts-noto-cjk collections
(/usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc), keeps every
GB 2312 character, printable ASCII and Latin-1, common CJK/fullwidth/general
punctuation and every character that occurs in resources/briefings/ (*.csv,
*.toml, *.md) and resources/i18n/*.ts, and writes CFF-flavoured OpenType files to
resources/fonts/NotoSansCJKsc-{Regular,Bold}.subset.otf.

The output is deterministic: the same source fonts and the same resource text
give byte-identical files (timestamps are pinned to the source font's, nothing
is recalculated from the clock).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from briefing.devtools.charset import (
    ascii_latin1_characters,
    characters_in,
    gb2312_characters,
    punctuation_characters,
    resource_text_files,
)

FAMILY = "Noto Sans CJK SC"
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
# (style, source collection, output file)
STYLES = (
    ("Regular", "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.subset.otf"),
    ("Bold", "NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.subset.otf"),
)


def find_face(ttc: Path, family: str, style: str) -> int:
    """Index of the face in a .ttc whose name table says family/style.

    Checks the typographic family (name ID 16) if present, else the legacy
    family (ID 1), and the subfamily (ID 17 / ID 2).  Exactly one face must
    match.
    """
    collection = TTCollection(str(ttc), lazy=True)
    matches = []
    for index, font in enumerate(collection.fonts):
        name = font["name"]
        fam = name.getDebugName(16) or name.getDebugName(1)
        sub = name.getDebugName(17) or name.getDebugName(2)
        if fam == family and sub == style:
            matches.append(index)
    collection.close()
    if len(matches) != 1:
        raise SystemExit(f"{ttc}: expected one face '{family} {style}', found {matches}")
    return matches[0]


def wanted_codepoints(resources: Path) -> tuple[list[int], list[Path]]:
    """Sorted code points to keep, and the resource files that were read."""
    files = resource_text_files(resources)
    chars = gb2312_characters() | ascii_latin1_characters() | punctuation_characters() | characters_in(files)
    return sorted(ord(c) for c in chars), files


def subset_options() -> subset.Options:
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.hinting = False  # CFF hints are a sizeable part of the charstrings
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.recalc_bounds = True
    options.prune_unicode_ranges = True
    options.prune_codepage_ranges = True
    # Keep fontTools' default layout features (kern, liga, vertical 'vert' and
    # 'vrt2', ...) except 'locl': in the SC face it only maps to the Japanese,
    # Korean, Traditional Chinese and Hong Kong glyph forms (~5,800 extra
    # glyphs, +1 MB).  Without it the briefing's Simplified Chinese text keeps
    # SC forms whatever language the user's locale tags it with.
    options.layout_features = [f for f in options.layout_features if f != "locl"]
    return options


def subset_face(ttc: Path, index: int, codepoints: list[int]) -> tuple[bytes, int, str]:
    """Subset one face; returns (OTF bytes, glyph count, full font name)."""
    font = TTFont(str(ttc), fontNumber=index, recalcTimestamp=False, lazy=False)
    created, modified = font["head"].created, font["head"].modified
    options = subset_options()
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    # Pin timestamps to the source face's, so output never depends on the clock.
    font["head"].created = created
    font["head"].modified = modified
    buf = io.BytesIO()
    font.save(buf, reorderTables=True)
    data = buf.getvalue()
    glyphs = font["maxp"].numGlyphs
    full_name = font["name"].getDebugName(4)
    font.close()
    return data, glyphs, full_name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help="folder with NotoSansCJK-{Regular,Bold}.ttc (default: %(default)s)",
    )
    parser.add_argument(
        "--resources",
        type=Path,
        default=Path("resources"),
        help="the repository's resources/ folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    codepoints, files = wanted_codepoints(args.resources)
    print(
        f"{len(codepoints)} code points requested (GB 2312 + ASCII/Latin-1 + punctuation + {len(files)} resource files)"
    )
    out_dir = args.resources / "fonts"
    out_dir.mkdir(parents=True, exist_ok=True)
    for style, ttc_name, out_name in STYLES:
        ttc = args.source_dir / ttc_name
        index = find_face(ttc, FAMILY, style)
        data, glyphs, full_name = subset_face(ttc, index, codepoints)
        out = out_dir / out_name
        out.write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()[:16]
        print(
            f"{out}: {len(data):,} bytes, {glyphs} glyphs, '{full_name}' (face {index} of {ttc.name}), sha256 {digest}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
