"""The benchmarks still run: `benchmarks/run.py --quick --json` at small sizes, every figure well formed.

This checks that the scripts work and report what they should, never how fast anything is (speed
is for benchmarks/run.py to report, not for a test to assert on a shared machine).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {"name": str, "briefing": str, "median": (int, float), "p95": (int, float), "unit": str}
# Every kind of figure the issue asks for, each on the bundled briefing and the small scaled one.
EXPECTED = {
    ("launch to first paint", "bundled"),
    ("launch to first paint", "scaled-quick"),
    ("peak memory at start", "bundled"),
    ("peak memory at start", "scaled-quick"),
    ("launch, baseline (a) pyqtgraph", "-"),
    ("launch, baseline (b) QPainter", "-"),
    ("next port (ports tab)", "bundled"),
    ("next port (indicators tab)", "scaled-quick"),
    ("next port (proposals tab)", "bundled"),
    ("map zoom, all ports", "scaled-quick"),
    ("map pan, all ports", "bundled"),
    ("peak memory, session", "scaled-quick"),
    ("build", "small"),
    ("build", "large"),
    ("PDF handout export", "bundled"),
}


def test_quick_benchmarks_print_well_formed_figures(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("{") for line in lines), "with --json, stdout holds only JSON lines"
    figures = [json.loads(line) for line in lines]
    for figure in figures:
        for key, kind in REQUIRED.items():
            assert isinstance(figure.get(key), kind), (key, figure)
        assert figure["p95"] >= figure["median"] >= 0, figure
        assert figure["unit"] in {"s", "ms", "MB"}, figure
    found = {(f["name"], f["briefing"]) for f in figures}
    assert EXPECTED <= found, EXPECTED - found
    searches = {f["name"] for f in figures if f["name"].startswith("search keystroke")}
    assert {
        "search keystroke, store (2-char Chinese 口岸)",
        "search keystroke, proposals tab (pinyin manzhouli)",
        "search keystroke, store (English Erenhot)",
    } <= searches
    launch = next(f for f in figures if f["name"] == "launch to first paint" and f["briefing"] == "bundled")
    assert launch["ratio"] > 0 and launch["ratio_floor"] > 0, "both baseline ratios are reported"
    growth = next(f for f in figures if f["name"] == "build" and f["briefing"] == "large")
    assert growth["ratio"] > 0 and "met" in growth
    assert not list(tmp_path.glob("*-src")), "generated sources are removed after the build"
