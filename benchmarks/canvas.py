"""Benchmark: the desktop canvas on the national scene (issue 3 speed targets).

National tambons (7,425, densified to ~200 vertices each) + 100,000 project points, 1920×1080, antialiased:
- full redraw of the canvas (pyqtgraph scene through the layers/ renderers), target ≤ 100 ms median;
- the same scene painted by the renderers straight onto a QImage (plain QPainter), to show the canvas overhead;
- one pan frame at province scale while the view moves (cached pictures), target ≤ 16 ms;
- identify on 100k points + 7,425 polygons, target ≤ 10 ms; peak memory, target ≤ 1 GB.
Usage: python benchmarks/canvas.py [--points 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
ADMIN = REPO.parent / "shared" / "data" / "thailand_admin.gpkg"


def median_ms(fn, repeat: int) -> float:
    """Median wall time of fn() in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def scene(points: int):
    """National tambons densified to ~200 vertices and random project points inside Thailand's tambons."""
    import geopandas as gpd
    import numpy as np
    import pyogrio
    import shapely

    tambon = pyogrio.read_dataframe(ADMIN, layer="tambon")
    utm = tambon.to_crs(32647)
    step = float(utm.length.sum()) / (200 * len(utm))  # ~200 vertices per tambon on average
    tambon = gpd.GeoDataFrame(
        {"code": tambon["ADM3_PCODE"].str[2:], "name_th": tambon["ADM3_TH"], "name_en": tambon["ADM3_EN"],
         "parent_code": tambon["ADM2_PCODE"].str[2:], "fid": np.arange(1, len(tambon) + 1)},
        geometry=utm.segmentize(step).to_crs(4326).values, crs=4326)
    rng = np.random.default_rng(1)
    pick = rng.integers(0, len(tambon), points)
    pts = shapely.point_on_surface(tambon.geometry.values[pick])
    jitter = rng.normal(0, 0.01, (points, 2))
    xy = np.c_[shapely.get_x(pts), shapely.get_y(pts)] + jitter
    projects = gpd.GeoDataFrame(
        {"project_id": [f"P{i}" for i in range(points)], "title": "ถนน", "fid": np.arange(1, points + 1),
         "channel": rng.choice(["province", "cluster", "function", "local", "community", "other"], points),
         "tambon_code": tambon["code"].to_numpy()[pick], "budget": rng.integers(1e5, 1e7, points)},
        geometry=shapely.points(xy), crs=4326)
    return tambon, projects


def main() -> int:
    """Print the figures."""
    p = argparse.ArgumentParser()
    p.add_argument("--points", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=15)
    args = p.parse_args()
    if not ADMIN.exists():
        sys.exit(f"needs {ADMIN}")
    from PySide6.QtGui import QImage, QPainter

    from layers.model import LayerList, layer_from_workspace
    from layers.render import MapRenderer, RenderContext
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    tambon, projects = scene(args.points)
    t0 = time.perf_counter()
    layers = LayerList([layer_from_workspace("tambon", tambon), layer_from_workspace("projects", projects)])
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    window.set_layers(layers, title="benchmark")
    canvas = window.canvas
    canvas.resize(1920, 1080)
    app.processEvents()
    canvas.settle()
    app.processEvents()
    print(f"scene: {len(tambon):,} tambons ({sum(len(g.exterior.coords) for g in tambon.geometry.explode().values):,} vertices), "
          f"{len(projects):,} points; canvas {canvas.width()}x{canvas.height()}; load+first paint {time.perf_counter() - t0:.2f} s")

    def full_redraw() -> None:
        for item in canvas._items.values():
            item.invalidate() if hasattr(item, "invalidate") else item.update()
        canvas.viewport().repaint()

    print(f"canvas full redraw (median of {args.repeat}):        {median_ms(full_redraw, args.repeat):7.1f} ms  (target ≤ 100)")

    image = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32_Premultiplied)
    (x0, x1), (y0, y1) = canvas.view.viewRange()

    renderer = MapRenderer(layers)
    ctx = RenderContext((x0, y0, x1, y1), image.width(), image.height(), crs=layers.crs)

    def plain() -> None:
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, ctx)
        painter.end()

    print(f"same scene, renderers on a plain QImage:         {median_ms(plain, args.repeat):7.1f} ms")

    # pan at province scale: zoom to Songkhla's tambons, then move the view as a drag does
    songkhla = tambon[tambon["code"].str.startswith("90")].total_bounds
    canvas.zoom_to_bounds(*songkhla)
    canvas.settle()
    app.processEvents()
    (x0, x1), (y0, y1) = canvas.view.viewRange()
    dx = (x1 - x0) / 200
    frames = []
    for i in range(60):
        t0 = time.perf_counter()
        canvas.view.setRange(xRange=(x0 + i * dx, x1 + i * dx), yRange=(y0, y1), padding=0)
        canvas.viewport().repaint()
        frames.append((time.perf_counter() - t0) * 1000)
    print(f"pan frame at province scale (median of 60):      {statistics.median(frames):7.1f} ms  (target ≤ 16; "
          f"p95 {sorted(frames)[56]:.1f})")
    canvas.settle()

    tools = getattr(window, "map_tools", None)
    if tools is not None:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        tools.identify(cx, cy)
        print(f"identify at the view centre (median of 50):       {median_ms(lambda: tools.identify(cx, cy), 50):7.1f} ms  (target ≤ 10)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory:                                     {peak:7.0f} MB  (target ≤ 1024)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
