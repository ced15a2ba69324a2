"""Offline basemaps: MBTiles (TMS rows) and XYZ folders drawn warped into UTM; clear errors; no network."""

from __future__ import annotations

import ast
import math
import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pyproj import Transformer  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from layers.basemap import BasemapError, BasemapLayer, BasemapRenderer, zoom_for  # noqa: E402
from layers.model import LayerList  # noqa: E402
from layers.render import RenderContext, make_renderer  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
UTM = "EPSG:32647"
#: Hat Yai; the test tile set is 3 x 3 tiles of zoom 9 around it.
CENTRE = (100.47, 7.0)
ZOOM = 9


@pytest.fixture(autouse=True)
def _gui(qapp):
    return qapp


def tile_xy(lon: float, lat: float, z: int) -> tuple[int, int]:
    """XYZ tile of a point (y = 0 at the north)."""
    n = 2**z
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return int((lon + 180.0) / 360.0 * n), int(y)


def tile_centre(z: int, x: int, y: int) -> tuple[float, float]:
    """(lon, lat) of a tile's centre."""
    n = 2**z
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * (y + 0.5) / n))))
    return (x + 0.5) / n * 360.0 - 180.0, lat


def tile_colour(x: int, y: int) -> QColor:
    """A distinct solid colour per tile of the 3 x 3 set."""
    cx, cy = tile_xy(*CENTRE, ZOOM)
    i, j = x - cx + 1, y - cy + 1
    return QColor(40 + 90 * i, 40 + 90 * j, 200)


def png(colour: QColor) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def tiles() -> list[tuple[int, int, int, bytes]]:
    cx, cy = tile_xy(*CENTRE, ZOOM)
    return [(ZOOM, x, y, png(tile_colour(x, y))) for x in (cx - 1, cx, cx + 1) for y in (cy - 1, cy, cy + 1)]


def make_mbtiles(path: Path) -> Path:
    """An MBTiles file of the test tiles (rows in the TMS scheme, counted from the south)."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "test"), ("format", "png")])
    db.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)", [(z, x, 2**z - 1 - y, data) for z, x, y, data in tiles()]
    )
    db.commit()
    db.close()
    return path


def make_xyz(root: Path) -> Path:
    """A {z}/{x}/{y}.png folder of the test tiles."""
    for z, x, y, data in tiles():
        folder = root / str(z) / str(x)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{y}.png").write_bytes(data)
    return root


def render(layer: BasemapLayer, ctx: RenderContext) -> tuple[QImage, BasemapRenderer]:
    renderer = BasemapRenderer(layer, UTM)
    image = QImage(ctx.width, ctx.height, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setTransform(ctx.transform())
    renderer.paint(painter, ctx)
    painter.end()
    return image, renderer


def view_around_centre(width: int = 600, height: int = 600) -> RenderContext:
    """A UTM view of the middle tile and part of its neighbours at about zoom-9 resolution."""
    x, y = Transformer.from_crs("EPSG:4326", UTM, always_xy=True).transform(*CENTRE)
    half = 300 * width / 2  # ~300 m per pixel, zoom 9 at this latitude
    return RenderContext.fit((x - half, y - half, x + half, y + half), width, height, crs=UTM)


def check_tiles_in_place(image: QImage, ctx: RenderContext) -> int:
    """Each tile's centre shows its own colour; returns how many tile centres were in view."""
    to_utm = Transformer.from_crs("EPSG:4326", UTM, always_xy=True)
    seen = 0
    for z, x, y, _data in tiles():
        ux, uy = to_utm.transform(*tile_centre(z, x, y))
        col = int((ux - ctx.extent[0]) / ctx.units_per_pixel)
        row = int((ctx.extent[3] - uy) / ctx.units_per_pixel)
        if 0 <= col < ctx.width and 0 <= row < ctx.height:
            got = image.pixelColor(col, row)
            want = tile_colour(x, y)
            assert (got.red(), got.green(), got.blue()) == (want.red(), want.green(), want.blue()), (x, y)
            seen += 1
    return seen


@pytest.mark.parametrize("kind", ["mbtiles", "xyz"])
def test_tiles_are_drawn_in_place(tmp_path, kind):
    source = make_mbtiles(tmp_path / "base.mbtiles") if kind == "mbtiles" else make_xyz(tmp_path / "tiles")
    layer = BasemapLayer(source)
    assert layer.tiles.kind == kind and (layer.tiles.min_zoom, layer.tiles.max_zoom) == (ZOOM, ZOOM)
    assert layer.title_th.startswith("แผนที่ฐาน")
    ctx = view_around_centre()
    image, renderer = render(layer, ctx)
    assert renderer.last_tiles == (ZOOM, 9)
    assert check_tiles_in_place(image, ctx) >= 4
    # outside the tile set nothing is drawn
    far = RenderContext.fit((ctx.extent[0] - 5e5, ctx.extent[1], ctx.extent[0] - 4e5, ctx.extent[3]), 100, 100, crs=UTM)
    image, renderer = render(layer, far)
    assert renderer.last_tiles[1] == 0 and image.pixelColor(50, 50).alpha() == 0
    # coverage from the tiles themselves (no bounds in the metadata)
    w, s, e, n = layer.coverage_lonlat()
    assert w < CENTRE[0] < e and s < CENTRE[1] < n
    layer.close()


def test_overzoom_uses_the_deepest_level(tmp_path):
    layer = BasemapLayer(make_xyz(tmp_path / "tiles"))
    ctx = view_around_centre()
    zoomed = RenderContext.fit(
        (ctx.extent[0] + 40_000, ctx.extent[1] + 40_000, ctx.extent[2] - 40_000, ctx.extent[3] - 40_000), 600, 600,
        crs=UTM,
    )  # fmt: skip
    image, renderer = render(layer, zoomed)
    assert renderer.last_tiles[0] == ZOOM and renderer.last_tiles[1] >= 1
    assert image.pixelColor(300, 300).alpha() == 255


def test_zoom_for_matches_tile_resolution():
    # zoom 9 tiles at 7°N: 2*pi*R*cos(7°)/(256*512) ≈ 303 m per pixel
    assert zoom_for(303.0, 7.0) == 9
    assert zoom_for(303.0 / 4, 7.0) == 11


def test_basemap_in_a_layer_list_leaves_crs_and_extent_to_the_data(tmp_path):
    layer = BasemapLayer(make_xyz(tmp_path / "tiles"))
    layers = LayerList([layer], crs=UTM)
    assert layers.extent() is None
    renderer = make_renderer(layer, UTM)
    assert isinstance(renderer, BasemapRenderer)
    minx, miny, maxx, maxy = renderer.bounds()
    assert minx < 650_000 < maxx and miny < 774_000 < maxy


def test_bad_sources_are_clear_errors(tmp_path):
    with pytest.raises(BasemapError, match="ไม่พบไฟล์หรือโฟลเดอร์แผนที่ฐาน.*basemap file or folder not found"):
        BasemapLayer(tmp_path / "missing.mbtiles")
    text = tmp_path / "notes.mbtiles"
    text.write_text("not a database " * 100)
    with pytest.raises(BasemapError, match="อ่านไฟล์ MBTiles ไม่ได้.*cannot read the MBTiles file"):
        BasemapLayer(text)
    other = tmp_path / "other.mbtiles"
    sqlite3.connect(other).execute("CREATE TABLE things (a)").connection.commit()
    with pytest.raises(BasemapError, match="ไม่ใช่ MBTiles.*no tiles table"):
        BasemapLayer(other)
    empty = tmp_path / "empty.mbtiles"
    db = sqlite3.connect(empty)
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.commit()
    db.close()
    with pytest.raises(BasemapError, match="ไม่มีไทล์.*holds no tiles"):
        BasemapLayer(empty)
    vector = make_mbtiles(tmp_path / "vector.mbtiles")
    db = sqlite3.connect(vector)
    db.execute("UPDATE metadata SET value = 'pbf' WHERE name = 'format'")
    db.commit()
    db.close()
    with pytest.raises(BasemapError, match=r"ไทล์เวกเตอร์ \(pbf\).*vector-tile \(pbf\) MBTiles are not supported"):
        BasemapLayer(vector)
    (tmp_path / "folder").mkdir()
    with pytest.raises(BasemapError, match=r"โฟลเดอร์นี้ไม่มีไทล์.*holds no \{z\}/\{x\}/\{y\}.png tiles"):
        BasemapLayer(tmp_path / "folder")
    with pytest.raises(BasemapError, match="ไม่ดาวน์โหลดจากอินเทอร์เน็ต.*never downloads"):
        BasemapLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert isinstance(BasemapError("a", "b"), OSError)


def test_broken_tile_is_skipped(tmp_path):
    root = make_xyz(tmp_path / "tiles")
    cx, cy = tile_xy(*CENTRE, ZOOM)
    (root / str(ZOOM) / str(cx) / f"{cy}.png").write_bytes(b"not a png")
    image, renderer = render(BasemapLayer(root), view_around_centre())
    assert renderer.last_tiles == (ZOOM, 8)


NETWORK_MODULES = ("urllib", "http", "requests", "httpx", "aiohttp", "socket", "PySide6.QtNetwork", "ftplib")


@pytest.mark.parametrize("path", ["layers/basemap.py", "layers/raster.py", "ui/raster_view.py"])
def test_no_network_code(path):
    """AreaPlan never fetches tiles: the basemap and raster code import no network module."""
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    bad = [n for n in names if any(n == m or n.startswith(m + ".") for m in NETWORK_MODULES)]
    assert not bad, f"{path} imports {bad}"
    assert "QNetwork" not in (REPO / path).read_text(encoding="utf-8")
