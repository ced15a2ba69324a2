"""Milliseconds per redraw of the demo flood-depth raster at 1920x1080 (layers.raster).

    python benchmarks/raster_render.py [--repeat 7] [--width 1920 --height 1080] [--out depth.png]

Scenarios (medians of --repeat runs):
- cold: a new renderer each run (decimated window read through GDAL + colour lookup + QImage + draw);
- cached: the same view again (the renderer's cached image is only drawn);
- zoomed: a 10 km view at full resolution (native window, upscaled by the painter), cold;
- warped: the same raster drawn on a map in EPSG:4326 (read + rasterio.warp.reproject), cold;
- paper: an A4 landscape page at 300 dpi (3508x2480), cold.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402

from layers.raster import RasterLayer, RasterRenderer  # noqa: E402
from layers.render import RenderContext  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "sample_data" / "demo_songkhla.gpkg"


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


def draw(renderer: RasterRenderer, ctx: RenderContext, image: QImage) -> None:
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setTransform(ctx.transform())
    renderer.paint(painter, ctx)
    painter.end()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--out", type=Path, help="write the full view to this PNG")
    args = parser.parse_args()
    if not DEMO.exists():
        sys.exit(f"demo workspace not found: {DEMO} (areaplan demo --out {DEMO})")
    _app = QGuiApplication.instance() or QGuiApplication([])
    layer = RasterLayer("flood_depth", f"GPKG:{DEMO}:flood_depth", nodata=-9999.0)
    crs = layer.info.crs
    w, h = args.width, args.height
    full = RenderContext.fit(layer.info.bounds, w, h, crs=crs, padding=0.02)
    cx, cy = 665_000.0, 800_000.0
    zoom = RenderContext.fit((cx - 5000, cy - 5000, cx + 5000, cy + 5000), w, h, crs=crs)
    lonlat = RenderContext.fit(layer.bounds_lonlat(), w, h, crs="EPSG:4326", padding=0.02)
    paper = RenderContext.fit(layer.info.bounds, 3508, 2480, crs=crs, dpi=300.0, for_export=True)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    big = QImage(paper.width, paper.height, QImage.Format.Format_ARGB32_Premultiplied)

    def cold(ctx: RenderContext, target: QImage, map_crs: str = crs) -> Callable[[], None]:
        return lambda: draw(RasterRenderer(layer, map_crs), ctx, target)

    warm = RasterRenderer(layer, crs)
    draw(warm, full, image)
    shape = warm.last_read_shape
    print(f"demo flood depth: {layer.info.width}x{layer.info.height} px, overviews {layer.info.overviews}")
    print(f"view {w}x{h}: decimated read {shape[1]}x{shape[0]} px")
    rows = [
        ("cold (read + colour + draw)", median_ms(cold(full, image), args.repeat)),
        ("cached (draw only)", median_ms(lambda: draw(warm, full, image), args.repeat)),
        ("zoomed 10 km, cold", median_ms(cold(zoom, image), args.repeat)),
        ("warped to EPSG:4326, cold", median_ms(cold(lonlat, image, "EPSG:4326"), args.repeat)),
        ("A4 300 dpi page, cold", median_ms(cold(paper, big), args.repeat)),
    ]
    for name, ms in rows:
        print(f"{name:32s} {ms:8.1f} ms")
    if args.out:
        draw(warm, full, image)
        image.save(str(args.out))
        print(f"wrote {args.out}")
    layer.close()


if __name__ == "__main__":
    main()
