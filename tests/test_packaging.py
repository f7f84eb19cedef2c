"""A plain `pip install .` carries the bundled database and every resource the viewer needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_database_and_resources(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:  # no setuptools in the venv: let pip fetch the build backend
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "briefing/db/briefing.sqlite",
        "briefing/resources/fonts/NotoSansCJKsc-Regular.subset.otf",
        "briefing/resources/fonts/OFL.txt",
        "briefing/resources/geo/nmg_leagues.geojson",
        "briefing/resources/briefings/nmg-ports-2025/observations.csv",
        "briefing/store/queries.py",
        "briefing/ui/shell/main_window.py",
        "briefing/drawing/themes.py",
        "briefing/ui/ports/map_view.py",
        "briefing/export/handout.py",
        "briefing/resources/i18n/briefing_en.qm",
    }
    assert expected <= names, expected - names
    packages = {str(init.parent.relative_to(ROOT)) for init in (ROOT / "briefing").rglob("__init__.py")}
    missing = {pkg for pkg in packages if f"{pkg}/__init__.py" not in names}
    assert not missing, f"list these in pyproject.toml [tool.setuptools] packages: {missing}"
