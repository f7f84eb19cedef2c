"""Build-time figures: generate a scaled briefing's sources at two sizes and time `briefing build`.

The scaled sources come from generate_scaled.py and go through the real build path (the same
command a data editor runs). The ratio is (time at the large size / time at the small one) divided
by how much larger the large one is: at most 1 means the build grows no faster than linearly. Each
build is a whole process, so start-up (Python, jieba's dictionary) is in both.

    python benchmarks/build_growth.py [--quick]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, ROOT, child_environment, emit, figure, judge, timed_process  # noqa: E402

GENERATOR = ROOT / "benchmarks" / "generate_scaled.py"

FULL = {"ports": 1000, "indicators": 50, "periods": 20, "proposals": 10000}  # about 1,000,000 figures
QUARTER = {"ports": 250, "indicators": 50, "periods": 20, "proposals": 2500}
QUICK_LARGE = {"ports": 30, "indicators": 4, "periods": 4, "proposals": 60}
QUICK_SMALL = {"ports": 15, "indicators": 4, "periods": 4, "proposals": 30}


def amount(size: dict) -> int:
    """What a build has to do, counted as figures plus proposals (the index holds both)."""
    return size["ports"] * size["indicators"] * size["periods"] + size["proposals"]


def describe(size: dict) -> str:
    figures = size["ports"] * size["indicators"] * size["periods"]
    return (
        f"{size['ports']} ports × {size['indicators']} indicators × {size['periods']} periods "
        f"= {figures:,} figures, {size['proposals']:,} proposals"
    )


def sources(size: dict, folder: Path) -> Path:
    """Generated in a child process: a million rows would leave this one large, and on Linux a
    child's peak memory counts the parent it was forked from (the launch figures measure children)."""
    command = [sys.executable, str(GENERATOR), str(folder)] + [f"--{key}={value}" for key, value in size.items()]
    result = subprocess.run(command, capture_output=True, text=True, env=child_environment())
    if result.returncode != 0:
        raise RuntimeError(f"generate_scaled.py failed: {result.stderr.strip().splitlines()[-1:]}")
    return folder


def build(folder: Path, output: Path) -> float:
    if output.exists():
        output.unlink()
    wall, _peak, code, errors = timed_process(
        [sys.executable, "-m", "briefing", "build", str(folder), "-o", str(output)], child_environment(), 3600
    )
    if code != 0:
        raise RuntimeError(f"briefing build {folder} failed: {errors.strip().splitlines()[-1:]}")
    return wall


def measure(small: dict, large: dict, runs_small: int, runs_large: int, keep: Path) -> list[dict]:
    """Build both sizes; the last large build is kept at `keep` (the scaled briefing for the rest).
    Sources and scratch files go next to it."""
    out = keep.parent
    out.mkdir(parents=True, exist_ok=True)
    small_src, large_src = sources(small, out / "small-src"), sources(large, out / "large-src")
    scratch = out / "scratch.sqlite"
    small_times = [build(small_src, scratch) for _ in range(runs_small)]
    large_times = [build(large_src, scratch) for _ in range(runs_large - 1)] + [build(large_src, keep)]
    scratch.unlink(missing_ok=True)
    for folder in (small_src, large_src):
        shutil.rmtree(folder, ignore_errors=True)
    growth = amount(large) / amount(small)
    ratio = statistics.median(large_times) / statistics.median(small_times) / growth
    return [
        figure("build", "small", small_times, "s", size=describe(small)),
        judge(
            figure(
                "build",
                "large",
                large_times,
                "s",
                size=describe(large),
                ratio=round(ratio, 2),
                baseline=f"the small build ({growth:.3g}× less to do)",
            ),
            1.0,
            on="ratio",
            text="growth ≤ linear (ratio ≤ 1)",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two small sizes (seconds)")
    args = parser.parse_args()
    small, large = (QUICK_SMALL, QUICK_LARGE) if args.quick else (QUARTER, FULL)
    keep = OUT / ("scaled-quick.sqlite" if args.quick else "scaled.sqlite")
    for record in measure(small, large, 1 if args.quick else 3, 1 if args.quick else 2, keep):
        emit(record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
