"""Whole-process figures: launch to first paint, and the viewer's peak memory at start.

Each round starts, in a rotating order, the viewer on each briefing (`briefing view DB
--quit-after-paint`) and the two bare baselines: (a) a window with a pyqtgraph chart
(baseline_pyqtgraph.py) and (b) the same window drawn with plain QPainter (baseline_qpainter.py),
so all of them meet the same disk cache and the same neighbours on a shared machine. A ratio is
the median of the per-round ratios. Wall time runs from starting the process to its exit; peak
memory is the child's own maximum resident set (from wait4).

    python benchmarks/launch.py [--rounds 10] [--scaled DB]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BUNDLED, ROOT, child_environment, emit, figure, judge, timed_process  # noqa: E402

BASELINE_A = ROOT / "benchmarks" / "baseline_pyqtgraph.py"
BASELINE_B = ROOT / "benchmarks" / "baseline_qpainter.py"


def commands(briefings: dict[str, Path]) -> dict[str, list[str]]:
    found = {
        f"viewer:{label}": [sys.executable, "-m", "briefing", "view", str(db), "--quit-after-paint"]
        for label, db in briefings.items()
    }
    found["baseline (a) pyqtgraph"] = [sys.executable, str(BASELINE_A)]
    found["baseline (b) QPainter"] = [sys.executable, str(BASELINE_B)]
    return found


def measure(briefings: dict[str, Path], rounds: int, warmup: int = 1) -> list[dict]:
    runs = commands(briefings)
    names = list(runs)
    walls: dict[str, list[float]] = {name: [] for name in names}
    peaks: dict[str, list[float]] = {name: [] for name in names}
    for round_index in range(warmup + rounds):
        order = names[round_index % len(names) :] + names[: round_index % len(names)]
        for name in order:
            wall, peak, code, errors = timed_process(runs[name], child_environment(), timeout=900)
            if code != 0:
                raise RuntimeError(f"{name} exited with {code}: {errors.strip().splitlines()[-1:]}")
            if round_index >= warmup:
                walls[name].append(wall)
                if peak is not None:
                    peaks[name].append(peak)
    records = []
    floor_a, floor_b = walls["baseline (a) pyqtgraph"], walls["baseline (b) QPainter"]
    for name in names:
        label = name.split(":", 1)[1] if name.startswith("viewer:") else "-"
        if name.startswith("viewer:"):
            ratio = statistics.median(w / a for w, a in zip(walls[name], floor_a))
            ratio_floor = statistics.median(w / b for w, b in zip(walls[name], floor_b))
            limit = 1.0 if label == "bundled" else 2.0
            record = figure(
                "launch to first paint",
                label,
                walls[name],
                "s",
                ratio=round(ratio, 2),
                ratio_floor=round(ratio_floor, 2),
                baseline="(a) pyqtgraph window; ratio_floor: (b)",
            )
            records.append(
                judge(
                    record,
                    limit,
                    on="ratio",
                    text=f"≤ {limit:g}× baseline (a)" + (", aim 1.5× (b)" if label == "bundled" else ""),
                )
            )
            if peaks[name]:
                records.append(
                    judge(
                        figure("peak memory at start", label, peaks[name], "MB"), 150.0 if label == "bundled" else 250.0
                    )
                )
        else:
            records.append(figure(f"launch, {name}", label, walls[name], "s"))
            if peaks[name]:
                records.append(figure(f"peak memory, {name}", label, peaks[name], "MB"))
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--scaled", type=Path, help="a scaled briefing to launch as well")
    args = parser.parse_args()
    briefings = {"bundled": BUNDLED}
    if args.scaled:
        briefings["scaled"] = args.scaled
    for record in measure(briefings, args.rounds):
        emit(record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
