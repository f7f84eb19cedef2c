"""Refresh the translation catalogues from the code and compile them (developers only).

    python -m briefing.devtools.update_translations          # lupdate, then lrelease
    python -m briefing.devtools.update_translations --check  # exit 1 if anything is stale or unfinished

`pyside6-lupdate` scans briefing/**/*.py and merges what it finds into resources/i18n/*.ts, keeping
the translations already there and dropping strings the code no longer has. Chinese is the source
language, so briefing_zh_CN.ts holds only plural forms (Qt's convention for the source language)
and briefing_en.ts holds every message. `pyside6-lrelease` then compiles each .ts into its .qm.

--check does the same into a temporary folder and compares: the messages in the code against those
in each .ts, the compiled .qm against a fresh compile, and the English catalogue for untranslated
messages. It changes nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from briefing import paths

PACKAGE = Path(__file__).resolve().parent.parent
CATALOGUES = {"zh_CN": ["-pluralonly"], "en": []}  # target locale -> extra lupdate options
SOURCE_LANGUAGE = "zh_CN"


class ToolError(Exception):
    """A Qt tool is missing or failed; the message says which and why."""


def _tool(name: str) -> str:
    """The PySide6 console script, next to this Python first (a venv need not be on PATH)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise ToolError(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise ToolError(f"{Path(command[0]).name} failed: {(result.stderr or result.stdout).strip()}")


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(folder: Path, locale: str) -> Path:
    return folder / f"briefing_{locale}.ts"


def lupdate(folder: Path) -> None:
    files = [str(p) for p in source_files()]
    for locale, options in CATALOGUES.items():
        _run(
            [
                _tool("pyside6-lupdate"),
                *files,
                "-silent",
                "-no-obsolete",
                "-locations",
                "relative",
                "-source-language",
                SOURCE_LANGUAGE,
                "-target-language",
                locale,
                *options,
                "-ts",
                str(ts_path(folder, locale)),
            ]
        )


def lrelease(folder: Path) -> None:
    for locale in CATALOGUES:
        ts = ts_path(folder, locale)
        _run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))])


# -- reading catalogues ---------------------------------------------------------------------------


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> its <message>, without vanished or obsolete ones."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = message
    return found


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """Messages without a finished translation: (context, source)."""
    missing = []
    for (context, source, _), message in messages(ts).items():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
        text = "".join(forms) if forms else (translation.text if translation is not None else "")
        if translation is None or translation.get("type") == "unfinished" or not (text or "").strip():
            missing.append((context, source))
    return missing


def check(folder: Path | None = None) -> list[str]:
    """What is stale or unfinished, one line each; an empty list means all is current."""
    folder = folder or paths.i18n_dir()
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        for locale in CATALOGUES:
            if ts_path(folder, locale).is_file():
                shutil.copy2(ts_path(folder, locale), ts_path(fresh, locale))
        lupdate(fresh)
        lrelease(fresh)
        for locale in CATALOGUES:
            committed, updated = ts_path(folder, locale), ts_path(fresh, locale)
            if not committed.is_file():
                problems.append(f"{committed.name}: missing")
                continue
            added = set(messages(updated)) - set(messages(committed))
            gone = set(messages(committed)) - set(messages(updated))
            for context, source, _ in sorted(added):
                problems.append(f"{committed.name}: not yet in the catalogue: [{context}] {source}")
            for context, source, _ in sorted(gone):
                problems.append(f"{committed.name}: no longer in the code: [{context}] {source}")
            qm = committed.with_suffix(".qm")
            if not qm.is_file():
                problems.append(f"{qm.name}: missing (run lrelease)")
            elif qm.read_bytes() != updated.with_suffix(".qm").read_bytes():
                problems.append(f"{qm.name}: older than {committed.name} (run lrelease)")
    for context, source in unfinished(ts_path(folder, "en")) if ts_path(folder, "en").is_file() else []:
        problems.append(f"briefing_en.ts: untranslated: [{context}] {source}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report stale or unfinished catalogues, change nothing")
    args = parser.parse_args(argv)
    folder = paths.i18n_dir()
    try:
        if args.check:
            problems = check(folder)
            for line in problems:
                print(line)
            print(f"{len(problems)} problem(s)" if problems else "translations are current and complete")
            return 1 if problems else 0
        folder.mkdir(parents=True, exist_ok=True)
        lupdate(folder)
        lrelease(folder)
    except ToolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    english = ts_path(folder, "en")
    todo = unfinished(english)
    print(f"{len(messages(english))} messages; {len(todo)} untranslated in {english.name}")
    for context, source in todo:
        print(f"  [{context}] {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
