"""Build the Windows app and check it under Wine, on a Debian machine: one command.

    python -m briefing.devtools.windows_check [--work build/windows-check] [--fresh] [--runs 5]

Needs Debian's `wine64 wine gcc-mingw-w64-x86-64 locales` (with en_US.UTF-8 and zh_CN.UTF-8
generated; `.ci/windows-check` installs all of it) and network access to PyPI for the first run.
It prepares a Wine prefix with two stand-in DLLs built here from `winstubs/` (what Wine lacks:
Windows' icuuc.dll, and the ucrtbase complex accessors numpy calls), python.org's embeddable
CPython 3.13 with the project's packages as win_amd64 wheels, builds `briefing.spec` with the
Windows PyInstaller into a one-folder `briefing.exe`, and runs it under Wine from
`C:\\Users\\张三\\Desktop\\口岸 简报\\`: the self-test, screenshots in Chinese and English, `check`,
`search` (text and JSON), a one-line error, `export --pdf/--csv` and `diff`, in a cp1252 and a
cp936 code page, read through a pipe and redirected to a file; then the start-up time, size and
files. Any failure ends the command with exit 1 and one line saying what failed.

The work folder (git-ignored) keeps the downloads, the prefix and the Python between runs;
`--fresh` starts it over. The stand-ins never reach the app: the check fails if they do.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from briefing import __version__
from briefing.devtools import windows_check_env as envmod
from briefing.devtools.windows_check_env import ROOT, CheckFailed, Env, windows_path
from briefing.devtools.windows_check_runs import (
    Runner,
    check_commands,
    check_exports,
    check_fonts,
    check_viewer,
    start_time,
)


def _say(text: str) -> None:
    print(f"windows-check: {text}", flush=True)


def build_app(env: Env) -> Path:
    """`pyinstaller briefing.spec` with the Windows Python; returns dist/briefing."""
    dist, build = env.work / "dist", env.work / "pyinstaller"
    shutil.rmtree(dist / "briefing", ignore_errors=True)
    done = env.wine(
        [
            str(env.python / "python.exe"),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            windows_path(dist),
            "--workpath",
            windows_path(build),
            "briefing.spec",
        ],
        cwd=ROOT,
        timeout=1800,
    )
    (env.work / "pyinstaller.log").write_bytes(done.stdout + done.stderr)
    app = dist / "briefing"
    if done.returncode != 0 or not (app / "briefing.exe").is_file():
        tail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise CheckFailed(
            f"the Windows PyInstaller build failed: {tail[-1] if tail else 'no output'} "
            f"(log: {env.work / 'pyinstaller.log'})"
        )
    return app


def check_bundle(env: Env, app: Path) -> dict[str, float]:
    """No stand-in shipped; no console window; the icon and version resource; size and files."""
    shipped = {p.name.lower() for p in app.rglob("*.dll")}
    leaked = shipped & {"icuuc.dll", "ucrtbase.dll", f"{envmod.UCRT_WINE_COPY}.dll"}
    if leaked:
        raise CheckFailed(f"the bundle carries the check's stand-in DLLs: {', '.join(sorted(leaked))}")
    sys.path.insert(0, str(env.python / "Lib" / "site-packages"))  # pefile is pure Python
    try:
        pefile = importlib.import_module("pefile")
        pe = pefile.PE(str(app / "briefing.exe"), fast_load=False)
    finally:
        sys.path.pop(0)
    if pe.OPTIONAL_HEADER.Subsystem != pefile.SUBSYSTEM_TYPE["IMAGE_SUBSYSTEM_WINDOWS_GUI"]:
        raise CheckFailed("briefing.exe is a console program: it would open a console window")
    resources = (
        {entry.id for entry in pe.DIRECTORY_ENTRY_RESOURCE.entries}
        if hasattr(pe, "DIRECTORY_ENTRY_RESOURCE")
        else set()
    )
    if pefile.RESOURCE_TYPE["RT_GROUP_ICON"] not in resources:
        raise CheckFailed("briefing.exe has no icon")
    versions = {
        key.decode(): value.decode()
        for info in getattr(pe, "FileInfo", [[]])[0]
        if hasattr(info, "StringTable")
        for table in info.StringTable
        for key, value in table.entries.items()
    }
    if not versions.get("ProductVersion", "").startswith(__version__):
        raise CheckFailed(f"briefing.exe's version resource says {versions.get('ProductVersion')!r}, not {__version__}")
    size = files = 0
    for path in app.rglob("*"):
        if path.is_file():
            files += 1
            size += path.stat().st_size
    return {"bytes": size, "files": files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefing.devtools.windows_check", description="Build the Windows app and check it under Wine."
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "windows-check",
        help="work folder, kept between runs (default: build/windows-check)",
    )
    parser.add_argument("--fresh", action="store_true", help="delete the work folder first (downloads too)")
    parser.add_argument(
        "--reuse-build", action="store_true", help="check the app built by the last run instead of building it again"
    )
    parser.add_argument("--runs", type=int, default=5, help="start-up runs to take the median of (default 5)")
    args = parser.parse_args(argv)

    begin = time.monotonic()
    missing = envmod.missing_tools()
    if missing:
        print(f"windows-check: missing Debian packages: apt-get install {' '.join(missing)}", file=sys.stderr)
        return 1
    locales = envmod.missing_locales()
    if locales:
        print(
            f"windows-check: missing locales {', '.join(locales)}: enable them in /etc/locale.gen and "
            "run locale-gen (Wine takes the Windows code page from them)",
            file=sys.stderr,
        )
        return 1
    work = args.work.resolve()
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    env = Env(work)
    try:
        step = time.monotonic()
        envmod.prepare_prefix(env)
        envmod.set_windows_environment(env)
        envmod.build_stubs(env)
        envmod.prepare_python(env)
        envmod.check_icu_stub(env, env.python / "Lib" / "site-packages" / "PySide6" / "Qt6Core.dll")
        _say(f"Wine prefix, stand-in DLLs and Windows Python ready ({time.monotonic() - step:.0f} s)")
        step = time.monotonic()
        app = env.work / "dist" / "briefing"
        if not (args.reuse_build and (app / "briefing.exe").is_file()):
            app = build_app(env)
        bundle = check_bundle(env, app)
        _say(
            f"built {app / 'briefing.exe'} ({time.monotonic() - step:.0f} s): "
            f"{bundle['bytes'] / 2**20:.1f} MiB, {bundle['files']} files; windowed, icon, version {__version__}"
        )
        db = app / "_internal" / "db" / "briefing.sqlite"
        runner = Runner(env, app)
        check_viewer(runner, work / "screenshots", _say)
        check_commands(runner, db, _say)
        check_exports(runner, db, work, _say)
        with virtual_display() as display:
            check_fonts(env, display, _say)
        median, times = start_time(runner, args.runs)
        crashes = runner.wine_crashes
        _say(
            f"start to first paint under Wine (offscreen): median {median:.2f} s of "
            f"{len(times)} ({', '.join(f'{t:.2f}' for t in times)}); load average {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} cores"
        )
    except CheckFailed as exc:
        print(f"windows-check: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        _wineserver(env, "-k")
    if crashes:
        _say(f"Wine crashed and the run was repeated (a Wine fault, not the app's): {'; '.join(crashes)}")
    _say(f"all passed in {time.monotonic() - begin:.0f} s")
    return 0


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """A private Xvfb at 1920x1080, for Qt's Windows platform (through Wine's X11 driver)."""
    if not shutil.which("Xvfb"):
        raise CheckFailed("no Xvfb: apt-get install xvfb")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as answer:
            number = answer.readline().strip()
        if not number:
            raise CheckFailed("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wineserver(env: Env, flag: str) -> None:
    """`-k`: end this prefix's wineserver (and anything it still runs)."""
    loader = Path(envmod.wine_loader())
    server = shutil.which("wineserver") or str(loader.parent / "wineserver64")
    if os.access(server, os.X_OK):
        subprocess.run(
            [server, flag],
            env=env.variables(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )


if __name__ == "__main__":
    sys.exit(main())
