"""The frozen app (dist/briefing/, built by `pyinstaller --noconfirm briefing.spec`) runs on its own.

Skipped when no bundle has been built; .ci/run builds it before running the tests. Each test runs
the bundle as a user would, with settings sent to a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "briefing"
APP = BUNDLE / ("briefing.exe" if sys.platform == "win32" else "briefing")
TIMEOUT = 300

pytestmark = pytest.mark.skipif(
    not APP.is_file(),
    reason=f"no frozen app at {APP.relative_to(ROOT)}: build it with `pyinstaller --noconfirm briefing.spec` "
    "(needs `pip install -e '.[app]'`; .ci/run does both)",
)


def _run(app: Path, *args: str, platform: str = "offscreen", config: Path, wrap: list[str] | None = None):
    env = dict(os.environ, QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=str(config), HOME=str(config))
    if sys.platform == "win32":
        env["APPDATA"] = str(config)
    return subprocess.run(
        [*(wrap or []), str(app), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
    )


def test_self_test_passes_offscreen(tmp_path):
    result = _run(APP, "--self-test", config=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    if sys.platform != "win32":  # no console on Windows, so nothing to read
        assert "self-test ok" in result.stdout


@pytest.mark.skipif(
    sys.platform != "linux" or not shutil.which("xvfb-run"),
    reason="the xcb check needs Linux and xvfb-run (apt-get install xvfb xauth)",
)
def test_self_test_passes_on_a_real_x_server(tmp_path):
    """Offscreen cannot notice a missing xcb library; a real X server does."""
    result = _run(APP, "--self-test", platform="xcb", config=tmp_path, wrap=["xvfb-run", "-a"])
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test ok" in result.stdout


def test_bundled_database_is_the_checkout_database(bundled, tmp_path):
    """`briefing check` works frozen (hashing without OpenSSL) and the bundle is not stale."""
    result = _run(APP, "check", config=tmp_path)
    if sys.platform == "win32":
        pytest.skip("no console on Windows to read the summary from")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("ok: ")
    assert bundled.sha256() in result.stdout, "dist/briefing is older than db/briefing.sqlite: rebuild it"


def test_search_works_frozen(tmp_path):
    if sys.platform == "win32":
        pytest.skip("no console on Windows to read the matches from")
    result = _run(APP, "search", "二连浩特", "--limit", "3", config=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "二连浩特" in result.stdout


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


def _as_unprivileged_user() -> list[str]:
    """Root ignores permission bits, so as root the app runs as `nobody` to make read-only real."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: a read-only folder would not stop root's writes")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.skipif(os.name != "posix", reason="uses POSIX permissions to make the folder read-only")
def test_read_only_bundle_writes_only_to_user_locations():
    wrap = _as_unprivileged_user()
    with tempfile.TemporaryDirectory(prefix="briefing-frozen-") as scratch:
        scratch = Path(scratch)
        scratch.chmod(0o755)  # mkdtemp makes it 0700; the unprivileged user must get through
        bundle = scratch / "briefing"
        shutil.copytree(BUNDLE, bundle, symlinks=True)
        config, shots = scratch / "config", scratch / "shots"
        for folder in (config, shots):
            folder.mkdir(mode=0o777)
            folder.chmod(0o777)
        for path in [bundle, *bundle.rglob("*")]:
            if not path.is_symlink():
                path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)
        before = _snapshot(bundle)
        try:
            result = _run(bundle / APP.name, "--self-test", config=config, wrap=wrap)
            assert result.returncode == 0, result.stderr[-3000:]
            result = _run(bundle / APP.name, "--screenshot", str(shots), config=config, wrap=wrap)
            assert result.returncode == 0, result.stderr[-3000:]
            assert sorted(p.name for p in shots.glob("*.png")), "no screenshots written"
            assert _snapshot(bundle) == before, "the app wrote into its own folder"
            assert list(config.rglob("*.ini")), "settings were not written to the user's config folder"
        finally:
            for path in [bundle, *bundle.rglob("*")]:
                if not path.is_symlink():
                    path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o200)
