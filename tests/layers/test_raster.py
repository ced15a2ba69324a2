"""Raster layers: decimated window reads, class colours, nodata, reprojection, caching, print resolution."""

from __future__ import annotations

import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import rasterio  # noqa: E402
from pyproj import Transformer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from rasterio.transform import Affine  # noqa: E402

from layers.model import GROUP_HAZARDS, LayerList, StyleError  # noqa: E402
from layers.raster import RasterError, RasterLayer, RasterRenderer, RasterStyle  # noqa: E402
from layers.render import MapRenderer, RenderContext, make_renderer, qcolor  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"
UTM = "EPSG:32647"


@pytest.fixture(autouse=True)
def _gui(qapp):
    """A Qt application object (images need one); nothing here creates a widget."""
    return qapp


@pytest.fixture
def depth() -> RasterLayer:
    if not DEMO.exists():
        pytest.skip("demo workspace missing (areaplan demo --out sample_data/demo_songkhla.gpkg)")
    layer = RasterLayer("flood_depth", f"GPKG:{DEMO}:flood_depth", kind="depth", nodata=-9999.0, opacity=1.0)
    yield layer
    layer.close()


def full_values(layer: RasterLayer) -> np.ndarray:
    """The whole raster at full resolution, read independently of the renderer (NaN = nodata)."""
    with rasterio.open(layer.source) as src:
        arr = src.read(1).astype(np.float64)
    arr[arr == -9999.0] = np.nan
    return arr


def paint(renderer, ctx: RenderContext) -> np.ndarray:
    """RGBA (h, w, 4) of a transparent image the renderer painted (not premultiplied)."""
    image = QImage(ctx.width, ctx.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setTransform(ctx.transform())
    renderer.paint(painter, ctx)
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    bpl = image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=ctx.height * bpl).reshape(ctx.height, bpl)
    return data[:, : ctx.width * 4].reshape(ctx.height, ctx.width, 4).copy()


def rgb(colour: str) -> tuple[int, int, int]:
    c = qcolor(colour)
    return (c.red(), c.green(), c.blue())


def expected_class(values: np.ndarray, style: RasterStyle) -> np.ndarray:
    """Class index per value (-1 = transparent) computed with plain comparisons."""
    out = np.full(values.shape, -1)
    for i, (lo, hi) in enumerate(zip(style.breaks[:-1], style.breaks[1:])):
        out[(values > lo) & (values <= hi)] = i
    return out


# ------------------------------------------------------------------------------------------- model
def test_layer_model_defaults_and_events(depth):
    assert depth.title_th == "ความลึกน้ำท่วม (ม.)"
    assert depth.group == GROUP_HAZARDS
    assert depth.info.crs == UTM and depth.info.overviews == (2, 4, 8)
    lon0, lat0, lon1, lat1 = depth.bounds_lonlat()
    assert 100.0 < lon0 < lon1 < 101.2 and 6.6 < lat0 < lat1 < 8.0
    assert len(depth.data) == 0
    seen = []
    depth.events.opacity.connect(seen.append)
    depth.events.style.connect(seen.append)
    depth.opacity = 0.5
    depth.style = RasterStyle.default_for("class")
    assert seen == [0.5, RasterStyle.default_for("class")]
    # the list accepts it, its extent covers the raster footprint, and the registry gives our renderer
    layers = LayerList([depth])
    assert layers.crs == UTM
    assert layers.extent() == pytest.approx(depth.info.bounds)
    assert isinstance(make_renderer(depth, UTM), RasterRenderer)


def test_style_defaults_and_errors():
    depth = RasterStyle.default_for("depth")
    assert depth.breaks == (0.0, 0.5, 1.0, 2.0, math.inf)
    assert [label for label, _ in depth.legend()] == ["0–0.5 ม.", "0.5–1 ม.", "1–2 ม.", "> 2 ม."]
    assert [label for label, _ in RasterStyle.default_for("class").legend()] == ["ต่ำ", "ปานกลาง", "สูง", "สูงมาก"]
    assert RasterStyle.default_for("frequency").mode == "ramp"
    with pytest.raises(StyleError, match="need one more break than colours"):
        RasterStyle(breaks=(0, 1), colours=("#000000", "#ffffff"), labels=())
    with pytest.raises(StyleError, match="ขอบชั้นต้องเรียงจากน้อยไปมาก"):
        RasterStyle(breaks=(0, 2, 1), colours=("#000000", "#ffffff"), labels=())
    with pytest.raises(StyleError, match="vmax must exceed vmin"):
        RasterStyle(mode="ramp", vmin=1.0, vmax=1.0)
    with pytest.raises(StyleError, match='"classes" or "ramp"'):
        RasterStyle(mode="stretch")
    with pytest.raises(StyleError, match="#rrggbb"):
        RasterStyle(colours=("blue", "#000000", "#000000", "#000000"))
    with pytest.raises(StyleError, match="raster kind must be one of"):
        RasterStyle.default_for("slope")


def test_colourise_is_a_lookup():
    style = RasterStyle.default_for("depth")
    values = np.array([[np.nan, 0.0, 0.2, 0.5, 0.7, 1.0, 1.5, 2.0, 7.0]], dtype=np.float32)
    out = style.colourise(values)
    assert out.shape == (1, 9, 4) and out.dtype == np.uint8
    assert list(out[0, :2, 3]) == [0, 0]  # nodata and dry ground are transparent
    classes = [tuple(out[0, i, :3]) for i in range(2, 9)]
    c = [rgb(x) for x in style.colours]
    assert classes == [c[0], c[0], c[1], c[1], c[2], c[2], c[3]]
    ramp = RasterStyle.default_for("frequency", vmax=4.0).colourise(np.array([0.0, 0.01, 4.0, 9.0, np.nan]))
    assert list(ramp[:, 3]) == [0, 255, 255, 255, 0]
    assert tuple(ramp[2, :3]) == tuple(ramp[3, :3]) == rgb("#993404")


def test_missing_raster_is_a_clear_error(tmp_path):
    with pytest.raises(RasterError, match="เปิดแรสเตอร์ไม่ได้.*cannot open the raster"):
        RasterLayer("x", str(tmp_path / "none.tif"))


# ---------------------------------------------------------------------------------------- rendering
def test_demo_depth_renders_classes_with_transparent_nodata(depth):
    ctx = RenderContext.fit(depth.info.bounds, 400, 400, crs=UTM)
    renderer = RasterRenderer(depth, UTM)
    rgba = paint(renderer, ctx)
    # the value under every image pixel centre, from the full-resolution raster
    values = full_values(depth)
    rows, cols = np.mgrid[0 : ctx.height, 0 : ctx.width]
    upp = ctx.units_per_pixel
    x = ctx.extent[0] + (cols + 0.5) * upp
    y = ctx.extent[3] - (rows + 0.5) * upp
    t = depth.info.transform
    col, row = (x - t.c) / t.a, (y - t.f) / t.e
    col, row = np.floor(col).astype(int), np.floor(row).astype(int)
    inside = (col >= 0) & (col < depth.info.width) & (row >= 0) & (row < depth.info.height)
    under = np.full(x.shape, np.nan)
    under[inside] = values[row[inside], col[inside]]
    want = expected_class(under, depth.style)

    drawn = rgba[..., 3] > 0
    assert (want >= 0).sum() > 1000  # the demo floods a few thousand screen pixels
    agree = (drawn == (want >= 0)).mean()
    assert agree > 0.97, f"wet/dry agree on {agree:.1%} of pixels"
    # nodata and dry ground are transparent (away from class edges, where decimation may shift a pixel)
    assert not drawn[np.isnan(under) & ~inside].any()  # outside the raster nothing is drawn
    # every drawn pixel has one of the class colours, and mostly the expected one
    palette = np.array([rgb(c) for c in depth.style.colours])
    got = np.argmin(np.abs(rgba[drawn][:, None, :3].astype(int) - palette[None]).sum(axis=2), axis=1)
    exact = np.abs(rgba[drawn][:, :3].astype(int) - palette[got]).max()
    assert exact == 0
    both = drawn & (want >= 0)
    match = (got[both[drawn]] == want[both]).mean()
    assert match > 0.95, f"class colour right on {match:.1%} of wet pixels"


def test_read_is_decimated_to_the_screen_and_cached(depth):
    renderer = RasterRenderer(depth, UTM)
    ctx = RenderContext.fit(depth.info.bounds, 300, 300, crs=UTM)
    paint(renderer, ctx)
    rows, cols = renderer.last_read_shape
    assert rows <= 300 and cols <= 300 and rows * cols < depth.info.width * depth.info.height / 10
    assert renderer.read_count == 1
    paint(renderer, ctx)  # same view: the cached image, no read
    assert renderer.read_count == 1
    # zoomed in to 5 km at 1000 px: the native window (about 50 x 50 pixels), never upsampled on read
    cx, cy = 675_000.0, 810_000.0
    zoom = RenderContext.fit((cx - 2500, cy - 2500, cx + 2500, cy + 2500), 1000, 1000, crs=UTM)
    paint(renderer, zoom)
    assert renderer.read_count == 2
    assert renderer.last_read_shape == (50, 50)
    # a style change re-colours
    depth.style = RasterStyle.default_for("class")
    paint(renderer, zoom)
    assert renderer.read_count == 3


def test_print_reads_at_the_export_resolution(depth):
    renderer = RasterRenderer(depth, UTM)
    screen = RenderContext.fit(depth.info.bounds, 200, 200, crs=UTM)
    paper = RenderContext.fit(depth.info.bounds, 800, 800, crs=UTM, dpi=384.0, for_export=True)
    paint(renderer, screen)
    small = renderer.last_read_shape
    paint(renderer, paper)
    assert renderer.last_read_shape[0] > 3 * small[0]
    # and through the MapRenderer the print composer uses
    image = MapRenderer(LayerList([depth], crs=UTM)).render_image(paper, background=None)
    assert not image.isNull()


def test_hidden_or_transparent_layer_draws_nothing(depth):
    renderer = RasterRenderer(depth, UTM)
    ctx = RenderContext.fit(depth.info.bounds, 100, 100, crs=UTM)
    depth.visible = False
    assert paint(renderer, ctx)[..., 3].max() == 0
    depth.visible = True
    depth.opacity = 0.0
    assert paint(renderer, ctx)[..., 3].max() == 0
    assert renderer.read_count == 0


def test_opacity_applies(depth):
    depth.opacity = 0.5
    renderer = RasterRenderer(depth, UTM)
    alpha = paint(renderer, RenderContext.fit(depth.info.bounds, 200, 200, crs=UTM))[..., 3]
    assert set(np.unique(alpha)) <= {0, 127, 128}


def test_raster_in_another_crs_lands_in_place(tmp_path):
    """A GeoTIFF in EPSG:4326 drawn on a UTM 47N map: a wet block appears where it is on the ground."""
    path = tmp_path / "depth_4326.tif"
    res = 0.005
    west, north = 100.40, 7.10
    data = np.full((40, 40), -9999.0, dtype=np.float32)
    data[10:20, 20:30] = 1.5  # lon 100.50-100.55, lat 7.00-7.05
    data[25:35, 5:15] = 0.3  # lon 100.425-100.475, lat 6.925-6.975
    with rasterio.open(
        path, "w", driver="GTiff", width=40, height=40, count=1, dtype="float32",
        crs="EPSG:4326", transform=Affine(res, 0.0, west, 0.0, -res, north), nodata=-9999.0,
    ) as dst:  # fmt: skip
        dst.write(data, 1)
    layer = RasterLayer("d4326", str(path), kind="depth", opacity=1.0)
    renderer = RasterRenderer(layer, UTM)
    bounds = layer.bounds_in(UTM)
    assert bounds[0] == pytest.approx(Transformer.from_crs("EPSG:4326", UTM, always_xy=True).transform(west, 7.1)[0], abs=200)
    ctx = RenderContext.fit(bounds, 400, 400, crs=UTM)
    rgba = paint(renderer, ctx)
    to_utm = Transformer.from_crs("EPSG:4326", UTM, always_xy=True)

    def pixel(lon: float, lat: float) -> np.ndarray:
        x, y = to_utm.transform(lon, lat)
        col = int((x - ctx.extent[0]) / ctx.units_per_pixel)
        row = int((ctx.extent[3] - y) / ctx.units_per_pixel)
        return rgba[row, col]

    style = layer.style
    assert tuple(pixel(100.525, 7.025)[:3]) == rgb(style.colours[2])  # 1.5 m: class 1–2 m
    assert tuple(pixel(100.45, 6.95)[:3]) == rgb(style.colours[0])  # 0.3 m: class 0–0.5 m
    assert pixel(100.45, 7.05)[3] == 0  # nodata
    assert pixel(100.56, 7.025)[3] == 0  # just east of the block (one 0.005° pixel beyond its edge)
    # the wet area on screen matches the block's area on the ground (10 x 10 pixels of ~550 m)
    wet = (rgba[..., 3] > 0).sum() * ctx.units_per_pixel**2
    assert wet == pytest.approx(2 * 100 * (res * 111_320) ** 2 * math.cos(math.radians(7)), rel=0.1)
    layer.close()
