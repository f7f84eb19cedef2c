"""Report the newest glibc a Linux bundle needs, from the symbol versions its ELF files require.

glibc is backward- but not forward-compatible: a library linked against glibc 2.34 that uses a
symbol versioned GLIBC_2.34 will not load on a 2.31 system. Every ELF file records, in its
version-needs section (.gnu.version_r, what `readelf -V` prints), the versions it requires of each
library; the highest GLIBC_x.y over the whole bundle is the oldest glibc it can run on.

    python -m briefing.devtools.glibc_report dist/briefing [--max 2.31] [--json]

Exits 1 when a file needs a newer glibc than --max. Reads the ELF files itself (no binutils).
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

SHT_GNU_VERNEED = 0x6FFFFFFE
ELF_MAGIC = b"\x7fELF"


class NotElf(Exception):
    """The file is not an ELF object this reader understands."""


def version_needs(path: Path) -> dict[str, set[str]]:
    """{needed library: {version names}} from the file's .gnu.version_r section ({} if it has none)."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or len(data) < 64:
        raise NotElf(path)
    wide = data[4] == 2  # ELFCLASS64
    order = "<" if data[5] == 1 else ">"  # ELFDATA2LSB
    if wide:
        (shoff,) = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        section = order + "IIQQQQIIQQ"
    else:
        (shoff,) = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        section = order + "IIIIIIIIII"
    sections = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
    needs: dict[str, set[str]] = {}
    for _name, kind, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strings = sections[link][4]
        entry = offset
        for _ in range(info):  # sh_info: number of Verneed entries
            _version, count, file_name, aux, following = struct.unpack_from(order + "HHIII", data, entry)
            names = needs.setdefault(_string(data, strings + file_name), set())
            at = entry + aux
            for _ in range(count):
                _hash, _vflags, _other, name, aux_next = struct.unpack_from(order + "IHHII", data, at)
                names.add(_string(data, strings + name))
                at += aux_next
            if not following:
                break
            entry += following
    return needs


def _string(data: bytes, start: int) -> str:
    return data[start : data.index(b"\0", start)].decode("ascii", "replace")


def version_key(name: str) -> tuple[int, ...]:
    """'GLIBC_2.2.5' -> (2, 2, 5); names without a number sort first."""
    digits = name.rsplit("_", 1)[-1]
    try:
        return tuple(int(part) for part in digits.split("."))
    except ValueError:
        return ()


@dataclass
class Report:
    files: int = 0
    glibc: dict[str, list[str]] = field(default_factory=dict)  # GLIBC_x.y -> files needing it
    glibcxx: dict[str, list[str]] = field(default_factory=dict)  # GLIBCXX_x -> files, if not shipped

    @staticmethod
    def highest(table: dict[str, list[str]]) -> str:
        return max(table, key=version_key) if table else ""

    def as_dict(self) -> dict[str, object]:
        glibc, glibcxx = self.highest(self.glibc), self.highest(self.glibcxx)
        return {
            "elf_files": self.files,
            "glibc": glibc.removeprefix("GLIBC_"),
            "glibc_needed_by": sorted(self.glibc.get(glibc, [])),
            "glibcxx": glibcxx.removeprefix("GLIBCXX_"),
            "glibcxx_needed_by": sorted(self.glibcxx.get(glibcxx, [])),
        }


def scan(folder: Path) -> Report:
    """Every ELF file under folder (symlinks are skipped: their targets are scanned where they are)."""
    report = Report()
    shipped = {path.name for path in folder.rglob("libstdc++.so*")}
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath, name)
            if path.is_symlink() or not path.is_file():
                continue
            try:
                needs = version_needs(path)
            except (NotElf, struct.error, ValueError, IndexError):
                continue
            report.files += 1
            where = path.relative_to(folder).as_posix()
            for library, versions in needs.items():
                for version in versions:
                    if version.startswith("GLIBC_") and version_key(version):
                        report.glibc.setdefault(version, []).append(where)
                    elif version.startswith("GLIBCXX_") and library not in shipped:
                        report.glibcxx.setdefault(version, []).append(where)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the bundle, e.g. dist/briefing")
    parser.add_argument("--max", help="fail if any file needs a newer glibc than this, e.g. 2.31")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error: no folder {args.folder}", file=sys.stderr)
        return 2
    if args.max is not None and not version_key("GLIBC_" + args.max):
        print(f"error: --max wants a version such as 2.31, not {args.max!r}", file=sys.stderr)
        return 2
    report = scan(args.folder)
    result = report.as_dict()
    if not result["elf_files"]:
        print(f"error: no ELF files in {args.folder}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        needed_by = result["glibc_needed_by"]
        assert isinstance(needed_by, list)
        print(
            f"{result['elf_files']} ELF files; highest glibc needed: {result['glibc']}"
            f" (by {', '.join(needed_by[:4])}{' ...' if len(needed_by) > 4 else ''})"
        )
        if result["glibcxx"]:
            print(f"highest libstdc++ symbol version needed from the system: GLIBCXX_{result['glibcxx']}")
    if args.max is not None and version_key("GLIBC_" + str(result["glibc"])) > version_key("GLIBC_" + args.max):
        print(f"error: the bundle needs glibc {result['glibc']}, newer than {args.max}:", file=sys.stderr)
        for version, files in sorted(report.glibc.items(), key=lambda item: version_key(item[0])):
            if version_key(version) > version_key("GLIBC_" + args.max):
                print(f"  {version}: {', '.join(sorted(files))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
