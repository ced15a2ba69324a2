"""Identify and select on 100k project points + 7,425 tambon polygons (layers.hit + the identify rows).

    python benchmarks/identify.py [--points 100000] [--vertices 1500000] [--queries 500] [--repeat 5]

Prints the index build time per layer and milliseconds per identify query (median and 95th percentile over
random positions inside the country): the STRtree query on both layers, and the full identify a click does
(query, the rows' Thai attributes, and the tambon's projects with their budget total). Target: <= 10 ms.
Uses the tambon layer of ../shared/data/thailand_admin.gpkg (densified as in render_tambons.py) when present,
else a synthetic grid.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from render_tambons import load_tambons, random_points  # noqa: E402

from layers.hit import HitIndexes  # noqa: E402
from layers.model import GROUP_PROJECTS, LayerList, VectorLayer  # noqa: E402
from ui.map_tools import IDENTIFY_PROVIDERS, feature_attributes, feature_name  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--vertices", type=int, default=1_500_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    tambons, source = load_tambons(args.vertices)
    tambons["code"] = [f"{i:06d}" for i in range(len(tambons))]
    tambons["fid"] = np.arange(1, len(tambons) + 1)
    points = random_points(tambons.total_bounds, args.points)
    rng = np.random.default_rng(11)
    points["fid"] = np.arange(1, len(points) + 1)
    points["project_id"] = [f"P{i:06d}" for i in range(len(points))]
    points["title"] = "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก"
    points["budget"] = rng.uniform(1e5, 1e7, len(points)).round(-3)
    points["tambon_code"] = tambons["code"].to_numpy()[rng.integers(0, len(tambons), len(points))]
    tambon_layer = VectorLayer("tambon", "ตำบล", tambons)
    project_layer = VectorLayer("projects", "โครงการ", points, group=GROUP_PROJECTS)
    layers = LayerList([tambon_layer, project_layer])
    crs = layers.crs
    n_vertices = int(shapely.get_num_coordinates(tambons.geometry.values).sum())
    print(f"{len(tambons):,} tambons ({source}, {n_vertices:,} vertices) + {len(points):,} points, map CRS {crs}")

    start = time.perf_counter()
    for layer in layers:
        layer.projected(crs)
    print(f"projection to {crs}: {(time.perf_counter() - start) * 1000:.0f} ms (cached by the layers, shared with drawing)")

    builds = {name: [] for name in layers.names()}
    for _ in range(args.repeat):
        indexes = HitIndexes()
        for layer in layers:
            t0 = time.perf_counter()
            indexes.index(layer, crs)
            builds[layer.name].append((time.perf_counter() - t0) * 1000)
    for name, runs in builds.items():
        print(f"index build {name:9s}: {statistics.median(runs):7.1f} ms (median of {args.repeat})")

    window = SimpleNamespace(layers=layers)
    minx, miny, maxx, maxy = tambon_layer.projected(crs).total_bounds
    inside = tambon_layer.projected(crs).union_all() if hasattr(tambon_layer.projected(crs), "union_all") else None
    xy = np.column_stack([rng.uniform(minx, maxx, args.queries * 4), rng.uniform(miny, maxy, args.queries * 4)])
    if inside is not None:
        xy = xy[shapely.contains_xy(inside, xy[:, 0], xy[:, 1])]
    xy = xy[: args.queries]
    index_of = {layer.name: indexes.index(layer, crs) for layer in layers}

    for scale_name, metres_per_px in (("country (1,500 m/px)", 1500.0), ("province (100 m/px)", 100.0)):
        tol = 5 * metres_per_px
        query_ms, full_ms, hits = [], [], []
        for x, y in xy:
            t0 = time.perf_counter()
            found = [(name, index.hit_positions(x, y, tol)) for name, index in index_of.items()]
            t1 = time.perf_counter()
            rows = 0
            for name, positions in found:
                data = layers[name].data
                for pos in positions.tolist():
                    row = data.iloc[pos]
                    feature_name(row)
                    feature_attributes(row)
                    for provider in IDENTIFY_PROVIDERS:
                        provider(window, name, row)
                    rows += 1
            t2 = time.perf_counter()
            query_ms.append((t1 - t0) * 1000)
            full_ms.append((t2 - t0) * 1000)
            hits.append(rows)
        q, f = np.array(query_ms), np.array(full_ms)
        print(
            f"identify at {scale_name}: STRtree query {np.median(q):.3f} ms (p95 {np.percentile(q, 95):.3f}); "
            f"with rows + tambon projects {np.median(f):.2f} ms (p95 {np.percentile(f, 95):.2f}); "
            f"{np.mean(hits):.1f} features per click over {len(xy)} clicks"
        )

    box_ms = []
    for x, y in xy[:100]:
        t0 = time.perf_counter()
        index_of["projects"].in_rect((x - 20_000, y - 20_000, x + 20_000, y + 20_000))
        box_ms.append((time.perf_counter() - t0) * 1000)
    print(f"select 40 x 40 km rectangle on the points: {np.median(box_ms):.3f} ms median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
