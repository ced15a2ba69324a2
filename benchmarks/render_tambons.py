"""Milliseconds per full antialiased render of N tambon polygons + 100k points at 1920x1080 (layers.render).

    python benchmarks/render_tambons.py [--points 100000] [--vertices 1500000] [--repeat 5] [--out map.png]

Uses the tambon layer of ../shared/data/thailand_admin.gpkg when present (7,425 tambons, densified with
shapely.segmentize to about --vertices vertices, as in architecture §10), else a synthetic grid of tambons.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from layers.model import (  # noqa: E402
    CHANNEL_COLOURS,
    GROUP_PROJECTS,
    LabelSettings,
    LayerList,
    Style,
    VectorLayer,
    categorise_by_values,
)
from layers import render as render_module  # noqa: E402
from layers.render import MapRenderer  # noqa: E402

ADMIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "thailand_admin.gpkg"


def load_tambons(target_vertices: int) -> tuple[gpd.GeoDataFrame, str]:
    """Real tambons densified to about target_vertices, or a synthetic 86 x 86 grid when absent."""
    if ADMIN.exists():
        raw = gpd.read_file(ADMIN, layer="tambon")
        gdf = gpd.GeoDataFrame(
            {"name_th": raw["ADM3_TH"], "parent_code": raw["ADM2_PCODE"]}, geometry=raw.geometry, crs=raw.crs
        )
        source = f"{ADMIN.name} tambon"
    else:
        side = 86
        xs, ys = np.meshgrid(np.linspace(98.0, 105.0, side + 1)[:-1], np.linspace(6.0, 20.0, side + 1)[:-1])
        dx, dy = 7.0 / side, 14.0 / side
        boxes = shapely.box(xs.ravel(), ys.ravel(), xs.ravel() + dx, ys.ravel() + dy)
        gdf = gpd.GeoDataFrame(
            {"name_th": [f"ตำบล {i}" for i in range(boxes.size)], "parent_code": [f"{i // 9}" for i in range(boxes.size)]},
            geometry=boxes,
            crs="EPSG:4326",
        )
        source = "synthetic grid"
    if target_vertices > 0:
        length = float(shapely.length(gdf.geometry.values).sum())
        gdf = gdf.set_geometry(shapely.segmentize(gdf.geometry.values, length / target_vertices))
    return gdf, source


def random_points(bounds: np.ndarray, n: int, seed: int = 7) -> gpd.GeoDataFrame:
    """n project points spread over the bounds, coloured by channel."""
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = bounds
    x, y = rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)
    channels = np.array(list(CHANNEL_COLOURS))[rng.integers(0, len(CHANNEL_COLOURS), n)]
    return gpd.GeoDataFrame({"channel": channels}, geometry=gpd.points_from_xy(x, y), crs="EPSG:4326")


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of repeat calls."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--vertices", type=int, default=1_500_000, help="densify tambons to about this many")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--out", type=Path, help="save the last image here")
    args = parser.parse_args(argv)

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts and pixmaps need it)
    tambons, source = load_tambons(args.vertices)
    tambon_layer = VectorLayer(
        "tambon", "ตำบล", tambons,
        categorise_by_values(Style(stroke="#8a8a8a", width=0.5, category_field="parent_code"), tambons),
        labels=LabelSettings("name_th", visible=True, size=8.5),
    )  # fmt: skip
    points = random_points(tambons.total_bounds, args.points)
    point_layer = VectorLayer(
        "projects", "โครงการ", points,
        Style(stroke="#ffffff", width=0.8, point_size=7, category_field="channel", categories=CHANNEL_COLOURS),
        GROUP_PROJECTS,
    )  # fmt: skip
    layers = LayerList([tambon_layer, point_layer])
    n_vertices = int(shapely.get_num_coordinates(tambons.geometry.values).sum())
    start = time.perf_counter()
    tambon_layer.projected(layers.crs)
    project_ms = (time.perf_counter() - start) * 1000.0
    renderer = MapRenderer(layers)
    ctx = renderer.context(args.width, args.height)
    start = time.perf_counter()
    renderer.renderer("tambon").geometry()
    renderer.renderer("projects").geometry()
    build_ms = (time.perf_counter() - start) * 1000.0
    start = time.perf_counter()
    image = renderer.render_image(ctx)  # first render: level of detail, brushes, symbols, label paths
    first_ms = (time.perf_counter() - start) * 1000.0

    full = timed(lambda: renderer.render_image(ctx), args.repeat)
    tambon_layer.labels = tambon_layer.labels.with_changes(visible=False)
    point_layer.visible = False
    polygons = timed(lambda: renderer.render_image(ctx), args.repeat)
    lod_tolerance, render_module.LOD_PIXEL_TOLERANCE = render_module.LOD_PIXEL_TOLERANCE, 0.0
    polygons_full = timed(lambda: renderer.render_image(ctx), args.repeat)
    render_module.LOD_PIXEL_TOLERANCE = lod_tolerance
    tambon_layer.visible, point_layer.visible = False, True
    pts = timed(lambda: renderer.render_image(ctx), args.repeat)
    tambon_layer.visible = True
    tambon_layer.labels = tambon_layer.labels.with_changes(visible=True)
    if args.out:
        image = renderer.render_image(ctx)
        image.save(str(args.out))

    print(f"data: {len(tambons):,} tambons ({source}), {n_vertices:,} vertices; {args.points:,} points; "
          f"{args.width}x{args.height}, antialiased, {layers.crs}, median of {args.repeat}")  # fmt: skip
    print(f"project to UTM once (pyproj):                             {project_ms:8.1f} ms")
    print(f"build once (one QPainterPath per feature, anchors):       {build_ms:8.1f} ms")
    print(f"first render (+ simplified level of detail, label paths): {first_ms:8.1f} ms")
    print(f"polygons only, level of detail ({render_module.LOD_PIXEL_TOLERANCE} px):               {polygons:8.1f} ms")
    print(f"polygons only, full detail (no simplification):           {polygons_full:8.1f} ms")
    print(f"points only:                                              {pts:8.1f} ms")
    print(f"full render (polygons + points + labels):                 {full:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
