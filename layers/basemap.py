"""Offline basemaps from a user-supplied MBTiles file or a local XYZ tile folder ({z}/{x}/{y}.png).

AreaPlan never requests anything over the network: a basemap is read from the local disk only, and a
source that looks like an address (http://…) is refused with a BasemapError. Tiles are web-mercator
squares; each one is drawn warped into the map CRS by the projective transform that maps its four corners
(projected with pyproj in one vectorised call per paint) onto the screen, which is exact at the corners and
well under a pixel inside a 256-pixel tile at provincial scales.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

import geopandas as gpd
import numpy as np
from psygnal import Signal
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPolygonF, QTransform
from pyproj import CRS, Transformer

from areaplan.errors import AreaPlanError
from layers.model import GROUP_BOUNDARIES, GROUPS, LayerEvents, MapLayer, StyleError, _check_number
from layers.render import RENDERERS, RenderContext

#: Half the side of the web-mercator square in metres.
MERC_HALF = 20037508.342789244
MAX_LAT = 85.0511287798
#: Most tiles drawn for one view (the zoom level drops until the view needs fewer).
MAX_TILES = 400
#: Decoded tiles kept in memory per layer.
TILE_CACHE = 512
_TILE_EXTENSIONS = ("png", "jpg", "jpeg", "webp")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class BasemapError(AreaPlanError, OSError):
    """A basemap source is missing, not a tile set, or not local."""


# ------------------------------------------------------------------------------------------ sources
class TileSource:
    """Tiles by (z, x, y) in the XYZ scheme (y = 0 at the north)."""

    path: Path
    kind: str = ""
    min_zoom: int = 0
    max_zoom: int = 0

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The encoded tile image, or None when the set has no such tile."""
        raise NotImplementedError

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """The covered area in degrees."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the file."""


def _tile_bounds_lonlat(z: int, x0: int, x1: int, y0: int, y1: int) -> tuple[float, float, float, float]:
    """Degrees covered by XYZ tiles x0..x1, y0..y1 (inclusive) at zoom z."""
    n = 2**z

    def lat(y: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))

    return (x0 / n * 360.0 - 180.0, lat(y1 + 1), (x1 + 1) / n * 360.0 - 180.0, lat(y0))


class MBTilesSource(TileSource):
    """An MBTiles file (SQLite; tile_row counts from the south, the TMS scheme)."""

    kind = "mbtiles"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            names = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
            if "tiles" not in names:
                raise BasemapError(
                    "ไฟล์นี้ไม่ใช่ MBTiles (ไม่มีตาราง tiles)", "not an MBTiles file (no tiles table)", path=path
                )
            zmin, zmax = self._db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
            self.metadata = dict(self._db.execute("SELECT name, value FROM metadata")) if "metadata" in names else {}
        except sqlite3.DatabaseError as exc:
            raise BasemapError(
                f"อ่านไฟล์ MBTiles ไม่ได้: {exc}", f"cannot read the MBTiles file: {exc}", path=path
            ) from exc
        if zmin is None:
            raise BasemapError("ไฟล์ MBTiles ไม่มีไทล์", "the MBTiles file holds no tiles", path=path)
        if str(self.metadata.get("format", "")).lower() == "pbf":
            raise BasemapError(
                "ไฟล์ MBTiles นี้เป็นไทล์เวกเตอร์ (pbf) ซึ่งยังไม่รองรับ ใช้ไทล์ภาพ png/jpg",
                "vector-tile (pbf) MBTiles are not supported; use raster png/jpg tiles",
                path=path,
            )
        self.min_zoom, self.max_zoom = int(zmin), int(zmax)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ (z, x, y); MBTiles rows count from the south."""
        with self._lock:
            row = self._db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (z, x, (2**z - 1) - y),
            ).fetchone()
        return None if row is None else bytes(row[0])

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """From the metadata's bounds, else from the tiles of the lowest zoom."""
        text = self.metadata.get("bounds")
        if text:
            try:
                b = tuple(float(v) for v in text.split(","))
                if len(b) == 4:
                    return b
            except ValueError:
                pass  # fall back to the tiles themselves
        z = self.min_zoom
        with self._lock:
            x0, x1, r0, r1 = self._db.execute(
                "SELECT MIN(tile_column), MAX(tile_column), MIN(tile_row), MAX(tile_row) FROM tiles WHERE zoom_level=?",
                (z,),
            ).fetchone()
        n = 2**z
        return _tile_bounds_lonlat(z, x0, x1, n - 1 - r1, n - 1 - r0)

    def close(self) -> None:
        """Close the database."""
        self._db.close()


class XYZFolderSource(TileSource):
    """A folder of tiles laid out as {z}/{x}/{y}.png (or .jpg/.webp), y = 0 at the north."""

    kind = "xyz"

    def __init__(self, path: Path) -> None:
        self.path = path
        zooms = sorted(int(p.name) for p in path.iterdir() if p.is_dir() and p.name.isdigit())
        self.ext = None
        for z in zooms:
            first = next((f for f in (path / str(z)).glob("*/*.*") if f.suffix[1:].lower() in _TILE_EXTENSIONS), None)
            if first is not None:
                self.ext = first.suffix
                break
        if not zooms or self.ext is None:
            raise BasemapError(
                "โฟลเดอร์นี้ไม่มีไทล์แบบ {z}/{x}/{y}.png", "the folder holds no {z}/{x}/{y}.png tiles", path=path
            )
        self.min_zoom, self.max_zoom = zooms[0], zooms[-1]

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile file's bytes, or None when it is absent."""
        f = self.path / str(z) / str(x) / f"{y}{self.ext}"
        try:
            return f.read_bytes()
        except FileNotFoundError:
            return None

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """From the tiles of the lowest zoom."""
        z = self.min_zoom
        xs = [int(p.name) for p in (self.path / str(z)).iterdir() if p.name.isdigit()]
        ys = [int(f.stem) for x in xs for f in (self.path / str(z) / str(x)).glob(f"*{self.ext}") if f.stem.isdigit()]
        return _tile_bounds_lonlat(z, min(xs), max(xs), min(ys), max(ys))


def open_tile_source(source: str | Path) -> TileSource:
    """An MBTiles file or an XYZ folder on the local disk (BasemapError for anything else)."""
    text = str(source)
    if _URL.match(text):
        raise BasemapError(
            "AreaPlan ใช้แผนที่ฐานจากไฟล์ในเครื่องเท่านั้น ไม่ดาวน์โหลดจากอินเทอร์เน็ต",
            "AreaPlan uses basemaps from local files only and never downloads tiles",
            path=text,
        )
    path = Path(text)
    if not path.exists():
        raise BasemapError("ไม่พบไฟล์หรือโฟลเดอร์แผนที่ฐาน", "basemap file or folder not found", path=path)
    if path.is_dir():
        return XYZFolderSource(path)
    return MBTilesSource(path)


# -------------------------------------------------------------------------------------------- model
class BasemapLayer(MapLayer):
    """A basemap drawn under every other layer; it has no features and does not count in the map extent."""

    def __init__(
        self,
        source: str | Path,
        *,
        name: str = "basemap",
        title_th: str | None = None,
        group: str = GROUP_BOUNDARIES,
        visible: bool = True,
        opacity: float = 1.0,
    ) -> None:
        if group not in GROUPS:
            raise StyleError(f"กลุ่มชั้นข้อมูลไม่ถูกต้อง {group!r}", f"unknown group {group!r}", field="group")
        self.tiles = open_tile_source(source)
        self.events = LayerEvents()
        self._name = name
        self._group = group
        self._title_th = title_th or f"แผนที่ฐาน ({self.tiles.path.name})"
        self.title_en = f"Basemap ({self.tiles.path.name})"
        self._visible = bool(visible)
        self._opacity = _check_number(opacity, "opacity", 0.0, 1.0)
        self.style = None
        #: An empty feature table: a basemap has no features.
        self.data = gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs="EPSG:4326"))

    def __repr__(self) -> str:
        return f"BasemapLayer({self._name!r}, {str(self.tiles.path)!r})"

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """NaNs: a basemap does not decide the map's CRS or extent."""
        return (math.nan, math.nan, math.nan, math.nan)

    def coverage_lonlat(self) -> tuple[float, float, float, float]:
        """The area the tiles cover, in degrees."""
        return self.tiles.bounds_lonlat()

    def projected(self, crs: str) -> gpd.GeoSeries:
        """No geometry (LayerList.extent ignores the basemap)."""
        return gpd.GeoSeries([], crs=crs)

    def close(self) -> None:
        """Release the tile file."""
        self.tiles.close()


# ----------------------------------------------------------------------------------------- renderer
def zoom_for(units_per_pixel: float, lat: float) -> int:
    """The web-mercator zoom whose 256-px tiles show about one map unit (metre) per device pixel."""
    ground = 2 * MERC_HALF * max(math.cos(math.radians(lat)), 1e-6) / 256.0  # metres per pixel at zoom 0
    return max(0, round(math.log2(ground / max(units_per_pixel, 1e-9))))


class BasemapRenderer:
    """Paints the tiles of one zoom level under the view, each warped into the map CRS."""

    changed = Signal()

    def __init__(self, layer: BasemapLayer, crs: str) -> None:
        self.layer = layer
        self._crs = crs
        self._tiles: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()
        self._set_transformers()
        #: (zoom, number of tiles) of the last paint (tests, benchmarks).
        self.last_tiles: tuple[int, int] = (-1, 0)
        layer.events.opacity.connect(self._on_opacity_change)

    def _set_transformers(self) -> None:
        self._to_merc = Transformer.from_crs(self._crs, "EPSG:3857", always_xy=True)
        self._from_merc = Transformer.from_crs("EPSG:3857", self._crs, always_xy=True)
        self._to_lonlat = Transformer.from_crs(self._crs, "EPSG:4326", always_xy=True)

    def close(self) -> None:
        """Stop listening to the layer and drop decoded tiles."""
        self.layer.events.opacity.disconnect(self._on_opacity_change)
        self._tiles.clear()

    def _on_opacity_change(self, _opacity: float) -> None:
        self.changed.emit()

    @property
    def crs(self) -> str:
        """The map CRS."""
        return self._crs

    @crs.setter
    def crs(self, value: str) -> None:
        if value != self._crs:
            self._crs = value
            self._set_transformers()
            self.changed.emit()

    def bounds(self) -> tuple[float, float, float, float] | None:
        """The tiles' coverage in the map CRS, limited to the CRS's area of use (plus a margin)."""
        west, south, east, north = self.layer.coverage_lonlat()
        area = CRS.from_user_input(self._crs).area_of_use
        if area is not None:
            west, east = max(west, area.west - 10), min(east, area.east + 10)
            south, north = max(south, area.south - 10), min(north, area.north + 10)
        south, north = max(south, -80.0), min(north, 80.0)
        if not (west < east and south < north):
            return None
        lon = np.linspace(west, east, 21)
        lat = np.linspace(south, north, 21)
        gx, gy = np.meshgrid(lon, lat)
        x, y = Transformer.from_crs("EPSG:4326", self._crs, always_xy=True).transform(gx.ravel(), gy.ravel())
        x, y = np.asarray(x), np.asarray(y)
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return None
        return (float(x[ok].min()), float(y[ok].min()), float(x[ok].max()), float(y[ok].max()))

    def paint_labels(self, painter: QPainter, ctx: RenderContext, grid: object = None) -> None:
        """Basemaps carry their own labels."""

    def _image(self, z: int, x: int, y: int) -> QImage | None:
        key = (z, x, y)
        if key in self._tiles:
            self._tiles.move_to_end(key)
            return self._tiles[key]
        data = self.layer.tiles.tile(z, x, y)
        image = None
        if data is not None:
            image = QImage.fromData(data)
            image = None if image.isNull() else image
        self._tiles[key] = image
        if len(self._tiles) > TILE_CACHE:
            self._tiles.popitem(last=False)
        return image

    def tiles_for(self, ctx: RenderContext) -> tuple[int, range, range]:
        """(zoom, x range, y range) of the tiles under the view."""
        minx, miny, maxx, maxy = ctx.extent
        gx, gy = np.meshgrid(np.linspace(minx, maxx, 9), np.linspace(miny, maxy, 9))
        mx, my = self._to_merc.transform(gx.ravel(), gy.ravel())
        mx = np.clip(np.nan_to_num(np.asarray(mx), nan=0.0), -MERC_HALF, MERC_HALF)
        my = np.clip(np.nan_to_num(np.asarray(my), nan=0.0), -MERC_HALF, MERC_HALF)
        _lon, lat = self._to_lonlat.transform((minx + maxx) / 2, (miny + maxy) / 2)
        upp = ctx.units_per_pixel / max(ctx.device_pixel_ratio, 1e-6)
        tiles = self.layer.tiles
        z = min(max(zoom_for(upp, lat if math.isfinite(lat) else 0.0), tiles.min_zoom), tiles.max_zoom)
        while True:
            n = 2**z
            size = 2 * MERC_HALF / n
            x0 = max(0, math.floor((mx.min() + MERC_HALF) / size))
            x1 = min(n - 1, math.floor((mx.max() + MERC_HALF) / size))
            y0 = max(0, math.floor((MERC_HALF - my.max()) / size))
            y1 = min(n - 1, math.floor((MERC_HALF - my.min()) / size))
            if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES or z <= tiles.min_zoom:
                return z, range(x0, x1 + 1), range(y0, y1 + 1)
            z -= 1

    def paint(self, painter: QPainter, ctx: RenderContext, *, points: bool = True, labels: bool = True) -> None:
        """Draw every available tile of the view's zoom level under the view."""
        if not self.layer.visible or self.layer.opacity <= 0:
            return
        z, xs, ys = self.tiles_for(ctx)
        self.last_tiles = (z, 0)
        if not len(xs) or not len(ys):
            return
        size = 2 * MERC_HALF / 2**z
        ex = np.array([-MERC_HALF + x * size for x in range(xs.start, xs.stop + 1)])
        ey = np.array([MERC_HALF - y * size for y in range(ys.start, ys.stop + 1)])
        gx, gy = np.meshgrid(ex, ey)  # (rows = y edges, cols = x edges)
        cx, cy = self._from_merc.transform(gx.ravel(), gy.ravel())
        t = painter.transform()
        cx, cy = np.asarray(cx), np.asarray(cy)
        dx = (t.m11() * cx + t.m21() * cy + t.dx()).reshape(gx.shape)
        dy = (t.m12() * cx + t.m22() * cy + t.dy()).reshape(gx.shape)
        drawn = 0
        painter.save()
        try:
            painter.setOpacity(painter.opacity() * self.layer.opacity)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            for j, y in enumerate(ys):
                for i, x in enumerate(xs):
                    image = self._image(z, x, y)
                    if image is None:
                        continue
                    corners = (dx[j, i], dy[j, i], dx[j, i + 1], dy[j, i + 1],
                               dx[j + 1, i + 1], dy[j + 1, i + 1], dx[j + 1, i], dy[j + 1, i])  # fmt: skip
                    if not all(map(math.isfinite, corners)):
                        continue
                    quad = QPolygonF([QPointF(corners[k], corners[k + 1]) for k in range(0, 8, 2)])
                    w, h = image.width(), image.height()
                    source = QPolygonF([QPointF(0, 0), QPointF(w, 0), QPointF(w, h), QPointF(0, h)])
                    warp = QTransform()
                    if not QTransform.quadToQuad(source, quad, warp):
                        continue
                    painter.setTransform(warp)
                    # a quarter-pixel overdraw hides hairline seams between neighbouring tiles
                    painter.drawImage(QRectF(-0.25, -0.25, w + 0.5, h + 0.5), image, QRectF(0, 0, w, h))
                    drawn += 1
        finally:
            painter.restore()
        self.last_tiles = (z, drawn)


RENDERERS[BasemapLayer] = BasemapRenderer
