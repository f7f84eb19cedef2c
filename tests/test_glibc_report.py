"""The glibc report reads the symbol versions a bundle's files need, as binutils' readelf does."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.devtools import glibc_report

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="ELF files and glibc are Linux's")


def _python_libraries() -> list[Path]:
    """Real ELF files of the running interpreter: its executable and the math extension."""
    import math

    files = [Path(sys.executable).resolve()]
    if getattr(math, "__file__", None):
        files.append(Path(math.__file__))
    return files


def _readelf_glibc(path: Path) -> set[str]:
    listing = subprocess.run(["readelf", "-V", "-W", str(path)], capture_output=True, text=True, check=True)
    needs = listing.stdout.split("Version needs section", 1)
    return set(re.findall(r"Name: (GLIBC_[0-9.]+)", needs[1])) if len(needs) > 1 else set()


@pytest.mark.skipif(not shutil.which("readelf"), reason="needs binutils' readelf to compare with")
def test_versions_match_readelf():
    for path in _python_libraries():
        found = {
            version
            for versions in glibc_report.version_needs(path).values()
            for version in versions
            if version.startswith("GLIBC_")
        }
        assert found == _readelf_glibc(path), path


def test_non_elf_files_are_not_read(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a library", encoding="utf-8")
    with pytest.raises(glibc_report.NotElf):
        glibc_report.version_needs(text)


def _bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle"
    (folder / "_internal").mkdir(parents=True)
    for path in _python_libraries():
        shutil.copy2(path, folder / "_internal" / path.name)
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return folder


def test_report_names_the_highest_version_and_the_files_needing_it(tmp_path, capsys):
    folder = _bundle(tmp_path)
    assert glibc_report.main([str(folder), "--json"]) == 0
    report = capsys.readouterr().out
    highest = max(
        (
            version
            for path in _python_libraries()
            for versions in glibc_report.version_needs(path).values()
            for version in versions
            if version.startswith("GLIBC_")
        ),
        key=glibc_report.version_key,
    )
    assert f'"glibc": "{highest.removeprefix("GLIBC_")}"' in report
    assert '"elf_files": 2' in report  # the zip is not counted


def test_fails_above_the_limit_with_the_files_to_blame(tmp_path, capsys):
    folder = _bundle(tmp_path)
    assert glibc_report.main([str(folder), "--max", "2.2.5"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: the bundle needs glibc ")
    assert any(path.name in error for path in _python_libraries())
    assert glibc_report.main([str(folder), "--max", "99.0"]) == 0


def test_bad_arguments_get_one_line(tmp_path, capsys):
    assert glibc_report.main([str(tmp_path / "missing")]) == 2
    assert glibc_report.main([str(tmp_path), "--max", "new"]) == 2
    assert glibc_report.main([str(tmp_path)]) == 2  # an empty folder has no ELF files
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("error: ") for line in errors)
