"""Measure the frozen app: its size on disk, its file count, and its start time against the source.

Build the bundle first (`pyinstaller --noconfirm briefing.spec`), then from the repository root:

    python benchmarks/bundle.py [--bundle dist/briefing] [--runs 15] [--platform offscreen] [--json]

Start time is the wall time from launching the process to its exit with `--quit-after-paint`,
which quits right after the main window's first paint: so it is launch-to-first-paint plus a short
teardown, the same for both. Runs alternate frozen and source after one warm-up each (a cold disk
cache is not what a presenter sees on the second launch); median and p95 (nearest rank) per side.
Settings go to a temporary folder, so the user's own are neither read nor changed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def executable(bundle: Path) -> Path:
    return bundle / ("briefing.exe" if sys.platform == "win32" else "briefing")


def disk_usage(folder: Path) -> dict[str, int]:
    """Bytes allocated on disk (as du counts them), apparent bytes, files and symlinks."""
    allocated = apparent = files = links = 0
    seen: set[tuple[int, int]] = set()
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            stat = os.lstat(os.path.join(dirpath, name))
            if os.path.islink(os.path.join(dirpath, name)):
                links += 1
                continue
            files += 1
            if (stat.st_dev, stat.st_ino) in seen:
                continue
            seen.add((stat.st_dev, stat.st_ino))
            apparent += stat.st_size
            # st_blocks is POSIX-only; Windows has no cheap allocated size, so use the apparent one.
            allocated += stat.st_blocks * 512 if hasattr(stat, "st_blocks") else stat.st_size
    return {"allocated_bytes": allocated, "apparent_bytes": apparent, "files": files, "symlinks": links}


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    inner = folder / "_internal" if (folder / "_internal").is_dir() else folder
    sizes = []
    for entry in inner.iterdir():
        if entry.is_symlink():
            continue
        size = disk_usage(entry)["allocated_bytes"] if entry.is_dir() else entry.stat().st_size
        sizes.append((entry.name, size))
    return sorted(sizes, key=lambda item: -item[1])[:count]


def time_start(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    try:
        result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"error: {' '.join(command)} did not quit within 120 s (a dialog waiting?)") from None
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(
            f"error: {' '.join(command)} exited {result.returncode}: "
            f"{result.stderr.decode(errors='replace').strip()[-300:]}"
        )
    return elapsed


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {
        "median_s": round(statistics.median(ordered), 3),
        "p95_s": round(p95, 3),
        "min_s": round(ordered[0], 3),
        "runs": len(ordered),
    }


def measure_start(bundle: Path, runs: int, platform: str) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as config:
        env = dict(os.environ, QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=config)
        if sys.platform == "win32":
            env["APPDATA"] = config
        commands = {
            "frozen": [str(executable(bundle)), "--quit-after-paint"],
            "source": [sys.executable, "-m", "briefing", "--quit-after-paint"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            time_start(command, env)  # warm-up: disk cache, fontconfig cache, .pyc files
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(time_start(command, env))
    return {name: summary(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "briefing")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        help="Qt platform plugin for the start-time runs (default: offscreen)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not executable(args.bundle).is_file():
        print(
            f"error: no frozen app at {args.bundle} (build it: pyinstaller --noconfirm briefing.spec)", file=sys.stderr
        )
        return 1

    usage = disk_usage(args.bundle)
    parts = largest_parts(args.bundle)
    start = measure_start(args.bundle, args.runs, args.platform)
    ratio = round(start["frozen"]["median_s"] / start["source"]["median_s"], 2)
    if args.json:
        print(
            json.dumps(
                {
                    "bundle": str(args.bundle),
                    **usage,
                    "largest": dict(parts),
                    "platform": args.platform,
                    "start": start,
                    "frozen_over_source": ratio,
                }
            )
        )
        return 0
    mb = 1024 * 1024
    print(
        f"bundle {args.bundle}: {usage['allocated_bytes'] / mb:.1f} MiB on disk "
        f"({usage['apparent_bytes'] / mb:.1f} MiB of file contents), "
        f"{usage['files']} files and {usage['symlinks']} symlinks"
    )
    print("largest parts: " + ", ".join(f"{name} {size / mb:.1f}" for name, size in parts) + " (MiB)")
    for name in ("frozen", "source"):
        s = start[name]
        print(
            f"start to first paint, {name:6} ({args.platform}, {s['runs']} runs): "
            f"median {s['median_s']:.3f} s, p95 {s['p95_s']:.3f} s, min {s['min_s']:.3f} s"
        )
    print(f"frozen / source (medians): {ratio}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
