"""The Windows check's runs: the frozen briefing.exe under Wine, against what Linux prints.

The app is copied to `C:\\Users\\张三\\Desktop\\口岸 简报\\briefing\\` in the Wine prefix and every
command runs from there, writing there, under a Western (cp1252) and a Chinese (cp936) Windows
code page, its output read through a pipe and, through cmd.exe, redirected to a file. Output is
compared with the same command run by this Linux Python on the same briefing, so a wrong
encoding, a lost character or a different result fails the check with one line.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.devtools.windows_check_env import CheckFailed, Env

# Wine takes the Windows code page from the Unix locale.
CODE_PAGES = {"cp1252": "en_US.UTF-8", "cp936": "zh_CN.UTF-8"}
USER_FOLDER = ("users", "张三", "Desktop", "口岸 简报")
WIN_FOLDER = "C:\\Users\\张三\\Desktop\\口岸 简报"
QUERY = "口岸"
MIXED_FOLDER = "Zamyn-Üüd 口岸"
WINE_CRASH = b"wine: Unhandled"
# What Qt's offscreen platform says on Windows, where a real desktop uses the Windows platform: it
# looks for fonts in Qt's own folder (the viewer brings its font), and cannot size windows.
OFFSCREEN_ONLY = (
    "WARNING: QFontDatabase: Cannot find font directory",
    "Note that Qt no longer ships fonts.",
    "WARNING: This plugin does not support propagateSizeHints()",
)

# cmd.exe redirects a Windows program's output into Windows files (Wine gives CPython an invalid
# handle for a Unix file). ASCII only: the paths and arguments come in through the environment.
REDIRECT_CMD = "\r\n".join(
    [
        "@echo off",
        '"%BRIEFING_EXE%" %BRIEFING_ARGS% > "%BRIEFING_OUT%" 2> "%BRIEFING_ERR%"',
        "exit /b %ERRORLEVEL%",
        "",
    ]
)


@dataclass
class Result:
    code: int
    out: bytes
    err: bytes

    def text(self, stream: str = "out") -> str:
        """The output as UTF-8; anything else fails the check."""
        data = self.out if stream == "out" else self.err
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CheckFailed(f"std{stream} is not UTF-8 ({exc.reason} at byte {exc.start}): {data[:80]!r}") from None


class Runner:
    """Runs briefing.exe from the Chinese folder with a chosen code page and way of reading output."""

    def __init__(self, env: Env, dist: Path) -> None:
        self.env = env
        self.folder = env.prefix.joinpath("drive_c", *USER_FOLDER)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        shutil.copytree(dist, self.folder / "briefing", symlinks=True)
        self.exe = f"{WIN_FOLDER}\\briefing\\briefing.exe"
        self.wine_crashes: list[str] = []
        (env.prefix / "drive_c" / "redirect.cmd").write_bytes(REDIRECT_CMD.encode("ascii"))

    def linux_path(self, name: str) -> Path:
        return self.folder / name

    def windows_path(self, name: str) -> str:
        return f"{WIN_FOLDER}\\{name}"

    def run(self, args: list[str], code_page: str = "cp1252", via: str = "pipe", timeout: float = 300) -> Result:
        """briefing.exe with `args`, its output read through a pipe or (`via="file"`) from the files
        cmd.exe redirected it to.

        Wine itself may crash on a loaded machine ("wine: Unhandled page fault", seen here once, in
        a run that passed the next 20 times): such a run is tried once more, and named in
        `self.wine_crashes` for the summary."""
        result = self._run(args, code_page, via, timeout)
        if WINE_CRASH in result.err:
            self.wine_crashes.append(" ".join(args))
            result = self._run(args, code_page, via, timeout)
        return result

    def _run(self, args: list[str], code_page: str, via: str, timeout: float) -> Result:
        # Offscreen, through the prefix's registry (see windows_check_env.set_windows_environment).
        locale = CODE_PAGES[code_page]
        if via == "pipe":
            done = self.env.wine([self.exe, *args], locale=locale, timeout=timeout)
            return Result(done.returncode, done.stdout, done.stderr)
        out, err = self.linux_path("out.txt"), self.linux_path("err.txt")
        out.unlink(missing_ok=True)
        err.unlink(missing_ok=True)
        done = self.env.wine(
            ["cmd", "/c", "C:\\redirect.cmd"],
            locale=locale,
            timeout=timeout,
            BRIEFING_EXE=self.exe,
            BRIEFING_ARGS=" ".join(_quoted(arg) for arg in args),
            BRIEFING_OUT=self.windows_path("out.txt"),
            BRIEFING_ERR=self.windows_path("err.txt"),
        )
        if not out.exists():
            raise CheckFailed(f"cmd.exe did not run briefing.exe {' '.join(args)}: {done.stdout[-200:]!r}")
        return Result(done.returncode, out.read_bytes(), err.read_bytes() if err.exists() else b"")


def _quoted(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg


def linux(args: list[str]) -> Result:
    """The same command run by this Python (from source), for reference."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        env={**_clean_env(), "QT_QPA_PLATFORM": "offscreen"},
    )
    if done.returncode != 0:
        raise CheckFailed(f"briefing {' '.join(args)} fails on Linux too: {done.stderr.decode()[-200:]}")
    return Result(done.returncode, done.stdout, done.stderr)


def _clean_env() -> dict[str, str]:
    import os

    return {key: value for key, value in os.environ.items() if key not in ("PYTHONIOENCODING", "PYTHONUTF8")}


def expect(ok: bool, problem: str) -> None:
    if not ok:
        raise CheckFailed(problem)


def succeeded(result: Result, what: str) -> str:
    if result.code != 0:
        err = result.err.decode("utf-8", "replace").strip().splitlines()
        raise CheckFailed(f"{what}: exit {result.code}: {err[-1] if err else 'no message'}")
    err = [
        line
        for line in result.err.decode("utf-8", "replace").splitlines()
        if line.strip() and not line.startswith(OFFSCREEN_ONLY)
    ]
    if err:
        raise CheckFailed(f"{what}: unexpected stderr: {' / '.join(err)[:200]}")
    return result.text()


def lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").strip("\n").split("\n")


def check_commands(runner: Runner, db: Path, report) -> None:
    """check, search (text and JSON) and an error, per code page and per way of reading output."""
    reference_search = lines(linux(["search", QUERY, "--db", str(db)]).text())
    reference_json = [json.loads(line) for line in lines(linux(["search", QUERY, "--db", str(db), "--json"]).text())]
    digest = linux(["check", str(db)]).text().rsplit("sha256 ", 1)[-1].strip()
    missing = runner.windows_path("没有这个简报.sqlite")
    # A folder name neither code page can write whole: "Ü" is not in cp936, Chinese not in cp1252.
    mixed = runner.linux_path(MIXED_FOLDER)
    mixed.mkdir(exist_ok=True)
    shutil.copy2(db, mixed / "简报.sqlite")
    for code_page in CODE_PAGES:
        for via in ("pipe", "file"):
            where = f"{code_page}, {via}"
            out = succeeded(runner.run(["check"], code_page, via), f"check ({where})")
            expect(
                out.startswith("ok: ") and f"{WIN_FOLDER}\\briefing\\_internal\\db".lower() in out.lower(),
                f"check ({where}) printed {out[:120]!r}",
            )
            expect(out.strip().endswith(digest), f"check ({where}): the SHA-256 is not Linux's {digest}")
            out = succeeded(
                runner.run(["check", runner.windows_path(f"{MIXED_FOLDER}\\简报.sqlite")], code_page, via),
                f"check in {MIXED_FOLDER} ({where})",
            )
            expect(
                f"{MIXED_FOLDER}\\简报.sqlite: " in out and out.strip().endswith(digest),
                f"check in {MIXED_FOLDER} ({where}) printed {out[:160]!r}",
            )

            out = succeeded(runner.run(["search", QUERY], code_page, via), f"search {QUERY} ({where})")
            expect(lines(out) == reference_search, f"search {QUERY} ({where}) differs from Linux: {out[:160]!r}")

            out = succeeded(runner.run(["search", QUERY, "--json"], code_page, via), f"search --json ({where})")
            try:
                got = [json.loads(line) for line in lines(out)]
            except json.JSONDecodeError as exc:
                raise CheckFailed(f"search --json ({where}) is not JSON lines: {exc}") from None
            expect(got == reference_json, f"search --json ({where}) differs from Linux")

            result = runner.run(["check", missing], code_page, via)
            err = result.text("err")
            expect(
                result.code == 1
                and len(lines(err)) == 1
                and err.startswith("error: ")
                and "没有这个简报.sqlite" in err
                and "Traceback" not in err,
                f"check of a missing file ({where}): exit {result.code}, stderr {err[:160]!r}",
            )
        report(
            f"check (also in {MIXED_FOLDER}), search {QUERY} (text and --json), a one-line error: "
            f"{code_page}, pipe and file"
        )


def check_exports(runner: Runner, db: Path, work: Path, report) -> None:
    """export --pdf (zh and en, over an existing file) and --csv into the Chinese folder; diff."""
    reference = work / "linux-export"
    shutil.rmtree(reference, ignore_errors=True)
    reference.mkdir(parents=True)
    linux_pages = linux(["export", str(db), "--pdf", str(reference / "zh.pdf")]).text().strip().rsplit(": ", 1)[-1]
    linux(["export", str(db), "--csv", str(reference / "zh.csv")])
    for code_page in CODE_PAGES:
        pdf, csv = f"讲义 {code_page}.pdf", f"数据 {code_page}.csv"
        for attempt in ("new", "over an existing file"):
            out = succeeded(
                runner.run(["export", "--pdf", runner.windows_path(pdf), "--csv", runner.windows_path(csv)], code_page),
                f"export ({code_page}, {attempt})",
            )
            expect(linux_pages in out, f"export ({code_page}): {out.strip()!r}, Linux wrote {linux_pages}")
        data = runner.linux_path(pdf).read_bytes()
        expect(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), f"{pdf} is not a whole PDF")
        expect(
            runner.linux_path(csv).read_bytes() == (reference / "zh.csv").read_bytes(),
            f"{csv} differs from the CSV Linux writes",
        )
        leftovers = [p.name for p in runner.folder.iterdir() if p.name.endswith(".part")]
        expect(not leftovers, f"export left temporary files: {leftovers}")
    out = succeeded(
        runner.run(["export", "--pdf", runner.windows_path("handout en.pdf"), "--lang", "en"]), "export --lang en"
    )
    expect(runner.linux_path("handout en.pdf").stat().st_size > 10_000, f"export --lang en: {out.strip()}")
    report(
        f"export --pdf ({linux_pages}, zh and en, new and over an existing file) and --csv "
        f"(byte for byte as on Linux) into {WIN_FOLDER}"
    )

    changed = runner.linux_path("改过的 briefing.sqlite")
    shutil.copy2(db, changed)
    with sqlite3.connect(changed) as connection:
        # name_en is in every schema version; diff reports the change field by field.
        connection.execute("UPDATE ports SET name_en = name_en || ' (changed)' WHERE id = (SELECT min(id) FROM ports)")
    connection.close()
    expected = lines(linux(["diff", str(db), str(changed)]).text())
    for code_page in CODE_PAGES:
        out = succeeded(
            runner.run(
                ["diff", f"{WIN_FOLDER}\\briefing\\_internal\\db\\briefing.sqlite", runner.windows_path(changed.name)],
                code_page,
                "file",
            ),
            f"diff ({code_page})",
        )
        expect(lines(out) == expected, f"diff ({code_page}) differs from Linux: {out[:160]!r}")
    report("diff of two briefings (one in the Chinese folder) as on Linux: cp1252 and cp936, to a file")


def check_viewer(runner: Runner, shots: Path, report) -> None:
    """The frozen self-test, and the screenshots in both languages (copied out for a person to look at)."""
    out = succeeded(runner.run(["--self-test"]), "--self-test")
    expect(out.startswith("self-test ok"), f"--self-test printed {out.strip()!r}")
    expect("AppData/Roaming" in out.replace("\\", "/"), f"--self-test: settings not under AppData: {out.strip()}")
    report(out.strip().replace(str(runner.env.prefix), "…"))
    shutil.rmtree(shots, ignore_errors=True)
    for lang in ("zh", "en"):
        name = f"screenshots {lang}"
        succeeded(runner.run(["--screenshot", runner.windows_path(name), "--lang", lang]), f"--screenshot ({lang})")
        pngs = sorted(runner.linux_path(name).glob("*.png"))
        expect(len(pngs) >= 4, f"--screenshot ({lang}) wrote {len(pngs)} PNGs")
        for png in pngs:
            expect(
                png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000,
                f"{png.name} ({lang}) is not a full screenshot",
            )
        shutil.copytree(runner.linux_path(name), shots / lang)
    report(f"screenshots, zh and en: {shots} (look at them)")


def start_time(runner: Runner, runs: int) -> tuple[float, list[float]]:
    """Launch to first paint (--quit-after-paint, offscreen) under Wine: median of `runs` after a warm-up."""
    times = []
    for index in range(runs + 1):
        begin = time.perf_counter()
        result = runner.run(["--quit-after-paint"], timeout=120)
        elapsed = time.perf_counter() - begin
        if result.code != 0:
            raise CheckFailed(f"--quit-after-paint: exit {result.code}")
        if index:
            times.append(elapsed)
    return statistics.median(times), times


# Run by the Windows Python under Wine (from source): the main window's menus, tabs, headers and
# lists must use the application font, not the platform's own (Windows: 9 pt, about 8 px).
FONT_PROBE = """
import os
os.environ["QT_QPA_PLATFORM"] = "windows"
from briefing import paths
from briefing.app import create_application, prepare_application
from briefing.store import open_briefing
from briefing.ui.shell.main_window import MainWindow
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QMenuBar, QTabBar
app = create_application()
family, settings = prepare_application(app, "zh")
window = MainWindow(open_briefing(paths.bundled_database()), settings, family)
size = app.font().pointSizeF()
kinds = (QMenuBar, QMenu, QTabBar, QHeaderView, QAbstractItemView)
small = sorted({f"{type(w).__name__} {w.font().family()} {w.font().pointSizeF():g} pt" for w in app.allWidgets()
                if isinstance(w, kinds) and w.font().pointSizeF() < size - 0.01})
print(f"{app.font().family()} {size:g} pt" + ("; smaller: " + ", ".join(small) if small else ""))
"""


def check_fonts(env: Env, display: str, report) -> None:
    """The probe on Qt's Windows platform (Wine's X11 driver on `display`). Qt 6.9's Windows platform
    stops at start under Wine 8 (it asks WinRT's UISettings for the colour scheme, which Wine lacks):
    then this is reported as not checked, not as a failure of the app."""
    done = env.wine([str(env.python / "python.exe"), "-c", FONT_PROBE], DISPLAY=display, timeout=300)
    out = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode != 0 and not out and b"Traceback" not in done.stderr:
        report("interface font: not checked (Qt's Windows platform does not start under this Wine)")
        return
    if done.returncode != 0 or not out:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CheckFailed(f"the interface font probe failed: {err[-1] if err else done.returncode}")
    expect("smaller:" not in out, f"interface font: {out}")
    report(f"interface font on Qt's Windows platform: {out} for menus, tabs, headers and lists")
