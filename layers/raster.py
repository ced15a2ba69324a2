"""Raster layers (flood depth, frequency, hazard class): model, style and a QPainter renderer.

The renderer reads only what the target shows (architecture §4): the window of the raster under the view,
decimated by GDAL to the target's pixel size (``out_shape``; GDAL serves such reads from the overviews), then
reprojected into the map CRS when the raster is stored in another one. Values become colours through a
lookup table in one numpy indexing step; nodata and values outside every class stay transparent. The last
image is kept per (extent, size, style), so repaints of an unchanged view and the print composer's second
pass cost nothing.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace
from typing import Any

import geopandas as gpd
import numpy as np
import rasterio
import shapely
from rasterio.transform import Affine
from psygnal import Signal
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from rasterio.enums import Resampling
from rasterio.errors import RasterioError
from rasterio.warp import reproject, transform_bounds
from rasterio.windows import Window

from areaplan.errors import AreaPlanError
from layers.model import (
    GROUP_HAZARDS,
    GROUPS,
    GROUPS_EN,
    LayerEvents,
    MapLayer,
    StyleError,
    _check_colour,
    _check_number,
)
from layers.render import RENDERERS, RenderContext, qcolor

RASTER_KINDS: tuple[str, ...] = ("depth", "frequency", "class")


class RasterError(AreaPlanError, OSError):
    """A raster cannot be opened or read."""


# ------------------------------------------------------------------------------------------- style
@dataclass(frozen=True)
class RasterStyle:
    """How raster values become colours; colours are CSS hex (#rrggbb or #rrggbbaa).

    ``mode="classes"``: class i holds values v with ``breaks[i] < v <= breaks[i + 1]`` (use ``math.inf`` for
    an open top class) and is drawn in ``colours[i]``; values outside every class are transparent.
    ``mode="ramp"``: values from ``vmin`` to ``vmax`` run through the ``ramp`` colours (clamped at both ends);
    values at or below ``clear_at_or_below`` are transparent. Nodata is always transparent.
    """

    mode: str = "classes"
    breaks: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0, math.inf)
    colours: tuple[str, ...] = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")
    labels: tuple[str, ...] = ("0–0.5 ม.", "0.5–1 ม.", "1–2 ม.", "> 2 ม.")
    vmin: float = 0.0
    vmax: float = 1.0
    ramp: tuple[str, ...] = ("#ffffcc", "#41b6c4", "#253494")
    clear_at_or_below: float | None = None

    def __post_init__(self) -> None:
        if self.mode not in ("classes", "ramp"):
            raise StyleError(
                f'รูปแบบแรสเตอร์ต้องเป็น "classes" หรือ "ramp" ได้ {self.mode!r}',
                f'raster style mode must be "classes" or "ramp", got {self.mode!r}',
                field="mode",
            )
        breaks = tuple(float(b) for b in self.breaks)
        colours = tuple(_check_colour(c, f"class {i + 1}", allow_none=False) for i, c in enumerate(self.colours))
        ramp = tuple(_check_colour(c, f"ramp {i + 1}", allow_none=False) for i, c in enumerate(self.ramp))
        object.__setattr__(self, "breaks", breaks)
        object.__setattr__(self, "colours", colours)
        object.__setattr__(self, "ramp", ramp)
        object.__setattr__(self, "labels", tuple(str(s) for s in self.labels))
        if self.mode == "classes":
            if len(breaks) != len(colours) + 1 or not colours:
                raise StyleError(
                    f"ต้องมีขอบชั้นมากกว่าจำนวนสีหนึ่งค่า ได้ขอบ {len(breaks)} ค่า สี {len(colours)} สี",
                    f"need one more break than colours, got {len(breaks)} breaks and {len(colours)} colours",
                    field="breaks",
                )
            if any(not (a < b) for a, b in zip(breaks[:-1], breaks[1:])) or any(map(math.isnan, breaks)):
                raise StyleError(
                    f"ขอบชั้นต้องเรียงจากน้อยไปมาก ได้ {breaks}",
                    f"breaks must increase, got {breaks}",
                    field="breaks",
                )
            if self.labels and len(self.labels) != len(colours):
                raise StyleError(
                    "จำนวนคำอธิบายชั้นต้องเท่ากับจำนวนสี",
                    f"need one label per class, got {len(self.labels)} labels for {len(colours)} classes",
                    field="labels",
                )
        else:
            vmin = _check_number(self.vmin, "vmin", -1e30, 1e30)
            vmax = _check_number(self.vmax, "vmax", -1e30, 1e30)
            if not vmax > vmin or len(ramp) < 2:
                raise StyleError(
                    f"ค่าสูงสุดต้องมากกว่าค่าต่ำสุดและต้องมีสีอย่างน้อย 2 สี ได้ {vmin:g}–{vmax:g}",
                    f"vmax must exceed vmin and a ramp needs 2 colours, got {vmin:g}-{vmax:g}",
                    field="vmax",
                )

    def with_changes(self, **changes: Any) -> RasterStyle:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    @classmethod
    def default_for(cls, kind: str, *, vmax: float | None = None) -> RasterStyle:
        """The default look of a hazard raster kind: depth classes in blues, frequency ramp, risk classes."""
        if kind == "depth":
            return cls()
        if kind == "class":
            return cls(
                breaks=(0.5, 1.5, 2.5, 3.5, 4.5),
                colours=("#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
                labels=("ต่ำ", "ปานกลาง", "สูง", "สูงมาก"),
            )
        if kind == "frequency":
            top = vmax if vmax is not None and math.isfinite(vmax) and vmax > 0 else 10.0
            return cls(mode="ramp", vmin=0.0, vmax=float(top), ramp=("#fff7bc", "#fe9929", "#993404"),
                       labels=(), clear_at_or_below=0.0)  # fmt: skip
        raise StyleError(
            f"ชนิดแรสเตอร์ต้องเป็นหนึ่งใน {', '.join(RASTER_KINDS)} ได้ {kind!r}",
            f"raster kind must be one of {', '.join(RASTER_KINDS)}, got {kind!r}",
            field="kind",
        )

    def lut(self) -> np.ndarray:
        """The colour lookup table, (n, 4) uint8 RGBA (non-premultiplied); row 0 is transparent."""
        stops = self.colours if self.mode == "classes" else self.ramp
        rgba = np.array([qcolor(c).getRgb() for c in stops], dtype=np.float64)
        if self.mode == "classes":
            table = np.zeros((len(self.colours) + 2, 4), dtype=np.uint8)  # below, classes..., above
            table[1:-1] = rgba
            return table
        pos = np.linspace(0.0, 1.0, len(stops))
        t = np.linspace(0.0, 1.0, 256)
        table = np.zeros((257, 4), dtype=np.uint8)  # 0 transparent, 1..256 the ramp
        for ch in range(4):
            table[1:, ch] = np.round(np.interp(t, pos, rgba[:, ch]))
        return table

    def class_index(self, values: np.ndarray) -> np.ndarray:
        """Row of the lookup table per value: 0 below, 1..n the classes (or ramp steps), past the end above.

        NaN (nodata) gets row 0. Classes count the breaks a value exceeds, one vectorised comparison per
        break (faster than a binary search for the handful of classes a hazard map has).
        """
        values = np.asarray(values)
        if self.mode == "classes":
            if len(self.breaks) > 24:
                index = np.digitize(values, np.asarray(self.breaks), right=True)
                index[np.isnan(values)] = 0
                return index
            index = np.zeros(values.shape, dtype=np.uint8)
            for edge in self.breaks:
                np.add(index, values > edge, out=index, casting="unsafe")
            return index
        with np.errstate(invalid="ignore"):
            t = np.clip((values - self.vmin) * (255.0 / (self.vmax - self.vmin)), 0.0, 255.0)
            index = np.where(np.isnan(t), 0.0, t + 1.5).astype(np.uint16)
            if self.clear_at_or_below is not None:
                index[values <= self.clear_at_or_below] = 0
        return index

    def colourise(self, values: np.ndarray) -> np.ndarray:
        """RGBA uint8 (h, w, 4) for a float array where NaN marks nodata (one 32-bit gather per pixel)."""
        table = np.ascontiguousarray(self.lut()).view(np.uint32).ravel()
        rgba = table[self.class_index(values)]
        return rgba.view(np.uint8).reshape(*rgba.shape, 4)

    def legend(self) -> list[tuple[str, str]]:
        """(label, colour) rows for a legend."""
        if self.mode == "classes":
            labels = self.labels or tuple(f"{a:g}–{b:g}" for a, b in zip(self.breaks[:-1], self.breaks[1:]))
            return list(zip(labels, self.colours))
        return [(f"{self.vmin:g}", self.ramp[0]), (f"{self.vmax:g}", self.ramp[-1])]


RASTER_TITLES: dict[str, tuple[str, str]] = {
    "depth": ("ความลึกน้ำท่วม (ม.)", "Flood depth (m)"),
    "frequency": ("ความถี่น้ำท่วม", "Flood frequency"),
    "class": ("ระดับความเสี่ยงน้ำท่วม", "Flood risk class"),
}


# ------------------------------------------------------------------------------------------- model
@dataclass(frozen=True)
class RasterInfo:
    """What the renderer needs to know about a raster without reading pixels."""

    width: int
    height: int
    transform: Any  # affine.Affine
    crs: str
    nodata: float | None
    overviews: tuple[int, ...]
    bounds: tuple[float, float, float, float]


class RasterLayer(MapLayer):
    """A raster shown on the map (a file or a GeoPackage gridded coverage, any path rasterio opens).

    ``nodata`` overrides what GDAL reports (GDAL drops the nodata of GeoPackage float coverages; the
    workspace records it in its ``hazards`` table). The dataset is opened on first use and kept open
    until ``close()``.
    """

    def __init__(
        self,
        name: str,
        source: str,
        *,
        kind: str = "depth",
        title_th: str | None = None,
        title_en: str | None = None,
        style: RasterStyle | None = None,
        group: str = GROUP_HAZARDS,
        nodata: float | None = None,
        visible: bool = True,
        opacity: float = 0.85,
    ) -> None:
        if not name:
            raise StyleError("ชั้นข้อมูลต้องมีชื่อ", "a layer needs a name", field="name")
        if group not in GROUPS:
            raise StyleError(
                f"กลุ่มชั้นข้อมูลต้องเป็นหนึ่งใน {', '.join(GROUPS)} ได้ {group!r}",
                f"group must be one of {', '.join(GROUPS_EN.values())}, got {group!r}",
                layer=name,
                field="group",
            )
        if kind not in RASTER_KINDS:
            RasterStyle.default_for(kind)  # raises the StyleError
        self.events = LayerEvents()
        self._name = name
        self._group = group
        self.kind = kind
        self.source = str(source)
        default_th, default_en = RASTER_TITLES[kind]
        self._title_th = title_th or default_th
        self.title_en = title_en or default_en
        self._nodata = nodata
        self._visible = bool(visible)
        self._opacity = _check_number(opacity, "opacity", 0.0, 1.0)
        self._lock = threading.RLock()
        self._dataset: Any = None
        self.info = self._open_info()
        self._style = style if style is not None else RasterStyle.default_for(kind, vmax=self._max_hint())
        #: An empty feature table: rasters have pixels, not features (views that list features show none).
        self.data = gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs="EPSG:4326"))

    def __repr__(self) -> str:
        return f"RasterLayer({self._name!r}, {self.source!r}, kind={self.kind!r}, visible={self._visible})"

    # -- the dataset
    def _open_info(self) -> RasterInfo:
        ds = self.dataset()
        if ds.crs is None:
            raise RasterError(
                "แรสเตอร์ไม่ระบุระบบพิกัด (CRS)", "the raster has no CRS", path=self.source, layer=self._name
            )
        nodata = self._nodata if self._nodata is not None else ds.nodata
        return RasterInfo(
            ds.width, ds.height, ds.transform, ds.crs.to_string(),
            None if nodata is None else float(nodata), tuple(ds.overviews(1)), tuple(ds.bounds),
        )  # fmt: skip

    def dataset(self) -> Any:
        """The open rasterio dataset (opened on first use)."""
        with self._lock:
            if self._dataset is None:
                try:
                    self._dataset = rasterio.open(self.source)
                except (RasterioError, OSError) as exc:
                    raise RasterError(
                        f"เปิดแรสเตอร์ไม่ได้: {exc}", f"cannot open the raster: {exc}",
                        path=self.source, layer=self._name,
                    ) from exc  # fmt: skip
            return self._dataset

    def close(self) -> None:
        """Close the dataset (it is opened again when needed)."""
        with self._lock:
            if self._dataset is not None:
                self._dataset.close()
                self._dataset = None

    def _max_hint(self) -> float | None:
        """The largest value, from the smallest overview (for a default ramp)."""
        if self.kind != "frequency":
            return None
        info = self.info
        f = max(info.overviews or (1,))
        arr = self.read(Window(0, 0, info.width, info.height), (max(1, info.height // f), max(1, info.width // f)))
        return float(np.nanmax(arr)) if np.isfinite(arr).any() else None

    def read(self, window: Window, out_shape: tuple[int, int]) -> np.ndarray:
        """Band 1 of a window decimated to ``out_shape`` (nearest), float32 with NaN for nodata."""
        with self._lock:
            try:
                arr = self.dataset().read(1, window=window, out_shape=out_shape, resampling=Resampling.nearest)
            except RasterioError as exc:
                raise RasterError(
                    f"อ่านแรสเตอร์ไม่ได้: {exc}", f"cannot read the raster: {exc}", path=self.source, layer=self._name
                ) from exc
        arr = arr.astype(np.float32, copy=False)
        nodata = self.info.nodata
        if nodata is not None and math.isfinite(nodata):
            arr[arr == np.float32(nodata)] = np.nan
        return arr

    # -- properties (same names and events as VectorLayer)

    @property
    def style(self) -> RasterStyle:
        """How values become colours."""
        return self._style

    @style.setter
    def style(self, value: RasterStyle) -> None:
        if not isinstance(value, RasterStyle):
            raise StyleError(
                "รูปแบบต้องเป็น RasterStyle", "style must be a RasterStyle", layer=self._name, field="style"
            )
        if value != self._style:
            self._style = value
            self.events.style.emit(value)

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) of the raster in degrees."""
        return tuple(float(v) for v in transform_bounds(self.info.crs, "EPSG:4326", *self.info.bounds))

    def bounds_in(self, crs: str) -> tuple[float, float, float, float]:
        """The raster's bounds in another CRS (densified edges)."""
        if crs == self.info.crs:
            return self.info.bounds
        return tuple(float(v) for v in transform_bounds(self.info.crs, crs, *self.info.bounds, densify_pts=21))

    def projected(self, crs: str) -> gpd.GeoSeries:
        """The raster's footprint (one box) in a CRS, so LayerList.extent() covers rasters too."""
        return gpd.GeoSeries([shapely.box(*self.bounds_in(crs))], crs=crs)


# ---------------------------------------------------------------------------------------- renderer
@dataclass
class RasterImage:
    """One rendered raster image and the map rectangle (minx, miny, maxx, maxy) it covers."""

    image: QImage
    bounds: tuple[float, float, float, float]
    read_shape: tuple[int, int]


def rgba_image(rgba: np.ndarray) -> QImage:
    """A QImage owning a copy of an (h, w, 4) uint8 RGBA array."""
    rgba = np.ascontiguousarray(rgba)
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


class RasterRenderer:
    """Paints one RasterLayer onto any QPainter mapping the map CRS to device pixels."""

    changed = Signal()

    def __init__(self, layer: RasterLayer, crs: str) -> None:
        self.layer = layer
        self._crs = crs
        self._cache: tuple[tuple, RasterImage | None] | None = None
        #: (rows, cols) of the last read from the file, and how many reads were made (tests, benchmarks).
        self.last_read_shape: tuple[int, int] | None = None
        self.read_count = 0
        ev = layer.events
        self._connections = [(ev.style, self._on_style_change), (ev.opacity, self._on_opacity_change)]
        for signal, slot in self._connections:
            signal.connect(slot)

    def close(self) -> None:
        """Stop listening to the layer and drop the cached image."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        self._cache = None

    def _on_style_change(self, _style: object) -> None:
        self._cache = None
        self.changed.emit()

    def _on_opacity_change(self, _opacity: float) -> None:
        self.changed.emit()

    @property
    def crs(self) -> str:
        """The map CRS this renderer draws in."""
        return self._crs

    @crs.setter
    def crs(self, value: str) -> None:
        if value != self._crs:
            self._crs = value
            self._cache = None
            self.changed.emit()

    def bounds(self) -> tuple[float, float, float, float] | None:
        """The raster's extent in the map CRS."""
        return self.layer.bounds_in(self._crs)

    def paint_labels(self, painter: QPainter, ctx: RenderContext, grid: object = None) -> None:
        """Rasters have no labels."""

    # -- reading
    def image(self, ctx: RenderContext) -> RasterImage | None:
        """The coloured image of what ``ctx`` shows (cached for the last extent, size and style)."""
        width = max(1, round(ctx.width * ctx.device_pixel_ratio))
        height = max(1, round(ctx.height * ctx.device_pixel_ratio))
        key = (tuple(round(v, 6) for v in ctx.extent), width, height, self._crs, self.layer.style)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        if self.layer.info.crs == self._crs and _north_up(self.layer.info.transform):
            values, bounds = self._read_native(ctx.extent, width, height)
        else:
            values, bounds = self._read_warped(ctx.extent, width, height)
        result = None
        if values is not None:
            result = RasterImage(rgba_image(self.layer.style.colourise(values)), bounds, self.last_read_shape)
        self._cache = (key, result)
        return result

    def _window(self, bounds: tuple[float, float, float, float]) -> Window | None:
        """The whole-pixel window of the raster covering a box in the raster CRS (clipped), or None."""
        info = self.layer.info
        t = info.transform
        left, bottom, right, top = bounds
        c0 = max(0, math.floor((left - t.c) / t.a))
        c1 = min(info.width, math.ceil((right - t.c) / t.a))
        r0 = max(0, math.floor((top - t.f) / t.e))
        r1 = min(info.height, math.ceil((bottom - t.f) / t.e))
        if c1 <= c0 or r1 <= r0:
            return None
        return Window(c0, r0, c1 - c0, r1 - r0)

    def _read(self, window: Window, out_shape: tuple[int, int]) -> np.ndarray:
        values = self.layer.read(window, out_shape)
        self.last_read_shape = values.shape
        self.read_count += 1
        return values

    def _read_native(self, extent: tuple, width: int, height: int) -> tuple[np.ndarray | None, tuple]:
        """Same CRS: read the window under the view at (at most) one pixel per device pixel."""
        window = self._window(extent)
        if window is None:
            return None, extent
        t = self.layer.info.transform
        ppu_x = width / max(extent[2] - extent[0], 1e-12)
        ppu_y = height / max(extent[3] - extent[1], 1e-12)
        out_w = min(int(window.width), max(1, math.ceil(window.width * t.a * ppu_x)))
        out_h = min(int(window.height), max(1, math.ceil(window.height * -t.e * ppu_y)))
        values = self._read(window, (out_h, out_w))
        x0 = t.c + window.col_off * t.a
        y1 = t.f + window.row_off * t.e
        bounds = (x0, y1 + window.height * t.e, x0 + window.width * t.a, y1)
        return values, bounds

    def _read_warped(self, extent: tuple, width: int, height: int) -> tuple[np.ndarray | None, tuple]:
        """Another CRS: read the source window decimated to about the view's resolution, warp into the view."""
        info = self.layer.info
        src_box = transform_bounds(self._crs, info.crs, *extent, densify_pts=21)
        window = self._window(src_box) if _north_up(info.transform) else Window(0, 0, info.width, info.height)
        if window is None:
            return None, extent
        t = info.transform
        frac_x = min(1.0, window.width * abs(t.a) / max(src_box[2] - src_box[0], 1e-12))
        frac_y = min(1.0, window.height * abs(t.e) / max(src_box[3] - src_box[1], 1e-12))
        out_w = min(int(window.width), max(2, math.ceil(width * frac_x)))
        out_h = min(int(window.height), max(2, math.ceil(height * frac_y)))
        values = self._read(window, (out_h, out_w))
        sx, sy = window.width / out_w, window.height / out_h
        src_transform = Affine(
            t.a * sx, t.b * sy, t.c + window.col_off * t.a + window.row_off * t.b,
            t.d * sx, t.e * sy, t.f + window.col_off * t.d + window.row_off * t.e,
        )  # fmt: skip
        minx, miny, maxx, maxy = extent
        dst_transform = Affine((maxx - minx) / width, 0.0, minx, 0.0, -(maxy - miny) / height, maxy)
        dst = np.full((height, width), np.nan, dtype=np.float32)
        reproject(
            values, dst, src_transform=src_transform, src_crs=info.crs, src_nodata=np.nan,
            dst_transform=dst_transform, dst_crs=self._crs, dst_nodata=np.nan,
            resampling=Resampling.nearest,
        )  # fmt: skip
        return dst, tuple(extent)

    # -- painting
    def paint(self, painter: QPainter, ctx: RenderContext, *, points: bool = True, labels: bool = True) -> None:
        """Draw the raster; the painter's world transform must map the map CRS to device pixels."""
        if not self.layer.visible or self.layer.opacity <= 0:
            return
        rendered = self.image(ctx)
        if rendered is None:
            return
        minx, miny, maxx, maxy = rendered.bounds
        target = painter.transform().mapRect(QRectF(minx, miny, maxx - minx, maxy - miny))
        painter.save()
        try:
            painter.resetTransform()
            painter.setOpacity(painter.opacity() * self.layer.opacity)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp class edges
            painter.drawImage(target, rendered.image)
        finally:
            painter.restore()


def _north_up(t: Any) -> bool:
    return t.b == 0 and t.d == 0 and t.a > 0 and t.e < 0


RENDERERS[RasterLayer] = RasterRenderer
