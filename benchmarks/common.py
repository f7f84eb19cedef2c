"""Shared by the benchmark scripts: statistics, figure records, targets, and child processes.

A figure is one JSON object: name, briefing, median, p95, unit, n, and where they apply ratio (to
a baseline), target and met. Percentiles are nearest-rank, so p95 of few samples is their maximum.
"""

from __future__ import annotations

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
OUT = ROOT / "benchmarks" / "out"  # git-ignored: generated sources and databases live here
BUNDLED = ROOT / "db" / "briefing.sqlite"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def figure(name: str, briefing: str, values: list[float], unit: str, **extra) -> dict:
    """A figure from raw samples; `extra` adds ratio, target, met, note and the like."""
    record = {
        "name": name,
        "briefing": briefing,
        "median": round(statistics.median(values), 3),
        "p95": round(p95(values), 3),
        "unit": unit,
        "n": len(values),
    }
    record.update({k: v for k, v in extra.items() if v is not None})
    return record


def judge(record: dict, limit: float, on: str = "p95", text: str | None = None) -> dict:
    """Mark a figure against a ceiling: met when its `on` value (median, p95 or ratio) is within it."""
    record["target"] = text or f"{on} ≤ {limit:g} {record['unit'] if on != 'ratio' else '×'}".strip()
    record["met"] = record[on] <= limit
    return record


def child_environment(settings_dir: str | None = None) -> dict[str, str]:
    """Headless unless told otherwise, and settings in a folder of their own (never the user's)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = settings_dir or tempfile.mkdtemp(prefix="briefing-bench-settings-")
    env["XDG_CONFIG_HOME"] = folder
    env["APPDATA"] = folder
    # As installed, a viewer starts from compiled bytecode (pip compiles it); without this every
    # launch would compile the package again. (__pycache__ is git-ignored.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed_process(
    command: list[str], env: dict[str, str], timeout: float = 600
) -> tuple[float, float | None, int, str]:
    """Wall seconds from start to exit, peak resident MB of the child (None where the OS cannot
    say), its exit code and the end of what it wrote to stderr."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak = None
        if hasattr(os, "wait4"):
            deadline = start + timeout
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.001)
            wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, else KiB
        else:
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            wall = time.perf_counter() - start
        errors.seek(0)
        tail = errors.read()[-2000:].decode("utf-8", "replace")
    return wall, peak, process.returncode, tail


def run_json_child(command: list[str], env: dict[str, str], timeout: float = 1800) -> list[dict]:
    """Run a benchmark script that prints JSON lines; its figures, or an error naming what failed."""
    result = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise RuntimeError(f"{' '.join(command[1:3])} failed ({result.returncode}): " + " | ".join(tail))
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def format_table(records: list[dict]) -> str:
    """The figures as a plain-text table for people."""
    header = ("figure", "briefing", "median", "p95", "unit", "n", "ratio", "target", "met")
    rows = [header]
    for r in records:
        ratio = r.get("ratio")
        ratio_text = "" if ratio is None else f"{ratio:.2f}"
        if "ratio_floor" in r:
            ratio_text += f" / {r['ratio_floor']:.2f}"
        met = "" if "met" not in r else ("yes" if r["met"] else "NO")
        rows.append(
            (
                r["name"],
                r["briefing"],
                f"{r['median']:g}",
                f"{r['p95']:g}",
                r["unit"],
                str(r["n"]),
                ratio_text,
                r.get("target", ""),
                met,
            )
        )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def emit(record: dict) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)
