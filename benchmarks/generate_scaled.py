"""Generate a scaled briefing's curated source folder (ports × indicators × periods, proposals).

The scaled briefing goes through the real build path: this writes the same CSV files a data editor
would, and `briefing build` compiles them. Proposal texts are the article's own sentences
recombined, so their length and vocabulary are realistic. Never commit the output.

    python benchmarks/generate_scaled.py OUT_DIR [--ports 1000 --indicators 50 --periods 20 --proposals 10000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
from pathlib import Path

from briefing.store.curated import REQUIRED_COLUMNS
from briefing.store.geo import inside

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "resources" / "briefings" / "nmg-ports-2025"
GEO = ROOT / "resources" / "geo"  # the real league outlines: the map is drawn as the bundled one is
MODES = ("rail", "road", "air")
COUNTRIES = {"rail": ("Russia", "Mongolia"), "road": ("Russia", "Mongolia"), "air": ("",)}
UNITS = ("万吨", "亿元", "列", "辆", "万人次", "%")
SYLLABLES = "满洲里二连浩特甘其毛都策克阿尔山乌力吉黑头室韦珠恩嘎达布额格日哈沙巴彦淖呼和包鄂多斯海拉锡林郭勒"


def columns(name: str) -> list[str]:
    """A curated file's columns, as the build requires them."""
    return list(REQUIRED_COLUMNS[name])


def _write(path: Path, header: list[str], rows) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _region_shapes() -> list[tuple[tuple[float, float, float, float], list]]:
    """Each league's rings with its bounding box, read once."""
    if not _SHAPES:
        data = json.loads((GEO / "nmg_leagues.geojson").read_text(encoding="utf-8"))
        for feature in data["features"]:
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            rings = [ring for polygon in polygons for ring in polygon]
            xs = [x for ring in rings for x, _ in ring]
            ys = [y for ring in rings for _, y in ring]
            _SHAPES.append(((min(xs), min(ys), max(xs), max(ys)), rings))
    return _SHAPES


_SHAPES: list = []


def _point_in_region(rng: random.Random) -> tuple[float, float]:
    """A random (lon, lat) inside the region's outline: a build refuses a port placed outside it."""
    while True:
        lon, lat = round(rng.uniform(97, 126), 4), round(rng.uniform(37, 53), 4)
        for (x0, y0, x1, y1), rings in _region_shapes():
            if x0 <= lon <= x1 and y0 <= lat <= y1 and inside(lon, lat, rings):
                return lon, lat


def _sentences() -> list[str]:
    text = (ARTICLE / "passages.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    found = []
    for row in rows:
        found.extend(s for s in re.findall(r"[^。!?]+[。!?]", row["text"]) if 20 <= len(s) <= 120)
    return found


def generate(out: Path, ports: int, indicators: int, periods: int, proposals: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    outlines = Path(os.path.relpath(GEO / "nmg_leagues.geojson", out.resolve())).as_posix()
    (out / "briefing.toml").write_text(
        'id = "scaled"\ntitle_zh = "规模测试简报"\ntitle_en = "Scaled benchmark briefing"\n'
        f'as_of = "2025-03"\nsource_id = "article"\noutlines = "{outlines}"\n',
        encoding="utf-8",
    )
    shutil.copy(ARTICLE / "sources.csv", out / "sources.csv")
    with (out / "sources.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))  # the copied file's own columns, optional ones included
    article = {"id": "article", "kind": "publication", "publisher": "基准测试", "published": "2025-03"}
    article.update(title="规模测试文章", language="zh")
    with (out / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header, restval="").writerow(article)

    names = []
    for i in range(ports):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        names.append(f"{name}{i}口岸")
    port_rows = []
    for i, name in enumerate(names):
        mode = MODES[i % 3]
        placed = i % 10 != 0
        lon, lat = _point_in_region(rng) if placed else (None, None)
        port_rows.append(
            [
                f"port-{i}",
                name,
                f"Port {i}",
                mode,
                rng.choice(COUNTRIES[mode]),
                f"Counterpart {i}",
                f"Counterpart {i}",
                "测试盟",
                "Test League",
                "测试旗",
                "Test Banner",
                f"{lat:.4f}" if placed else "",
                f"{lon:.4f}" if placed else "",
                "exact" if placed else "",
                "",
                "",
                "",
                "",
                "s001",
                "s001" if placed else "",
                "",
            ]
        )
    counts = {
        "ports": _write(
            out / "ports.csv",
            columns("ports.csv"),
            port_rows,
        )
    }
    _write(
        out / "places.csv",
        columns("places.csv"),
        [["region", "全区", "Region", "region", ""]],
    )
    indicator_rows = [[f"ind-{j}", f"测试指标{j}", f"Indicator {j}", UNITS[j % len(UNITS)]] for j in range(indicators)]
    counts["indicators"] = _write(out / "indicators.csv", columns("indicators.csv"), indicator_rows)

    sentences = _sentences()
    passages, observations = [], []
    first_year = 2025 - periods + 1
    for i in range(ports):
        for j in range(indicators):
            unit = UNITS[j % len(UNITS)]
            figures = [f"{round(rng.uniform(1, 5000), 1)}{unit}" for _ in range(periods)]
            pid = f"p-{i}-{j}"
            passages.append(
                [
                    pid,
                    "规模测试",
                    f"{names[i]}测试指标{j}:"
                    + ",".join(f"{first_year + k}年{figure}" for k, figure in enumerate(figures))
                    + "。",
                ]
            )
            for k, figure in enumerate(figures):
                value = figure[: -len(unit)]
                observations.append(
                    [
                        f"o-{i}-{j}-{k}",
                        f"port-{i}",
                        f"ind-{j}",
                        str(first_year + k),
                        f"{first_year + k}年",
                        f"{first_year + k}",
                        "",
                        value,
                        "",
                        unit,
                        "reported",
                        figure,
                        pid,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
    proposal_rows, speaker_rows = [], []
    for s in range(max(1, proposals // 10)):
        speaker_rows.append(
            [f"speaker-{s}", f"代表{s}", ("npc_deputy", "cppcc_member", "official")[s % 3], "测试职务", ""]
        )
    for n in range(proposals):
        text = "".join(rng.sample(sentences, k=min(len(sentences), rng.randint(3, 6))))
        pid = f"q-{n}"
        passages.append([pid, "规模测试建议", text])
        linked = ";".join(sorted({f"port-{rng.randrange(ports)}" for _ in range(rng.randint(0, 2))}))
        proposal_rows.append(
            [
                f"prop-{n}",
                f"speaker-{n % len(speaker_rows)}",
                f"测试建议{n}",
                f"Test proposal {n}",
                text,
                pid,
                "口岸经济;落地加工",
                linked,
            ]
        )
    counts["passages"] = _write(out / "passages.csv", columns("passages.csv"), passages)
    counts["observations"] = _write(
        out / "observations.csv",
        columns("observations.csv"),
        observations,
    )
    counts["speakers"] = _write(out / "speakers.csv", columns("speakers.csv"), speaker_rows)
    counts["proposals"] = _write(
        out / "proposals.csv",
        columns("proposals.csv"),
        proposal_rows,
    )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--ports", type=int, default=1000)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--periods", type=int, default=20)
    parser.add_argument("--proposals", type=int, default=10000)
    args = parser.parse_args()
    print(generate(args.out, args.ports, args.indicators, args.periods, args.proposals))


if __name__ == "__main__":
    main()
