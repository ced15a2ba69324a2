"""QPainter renderers shared by the map canvas and the print composer (architecture §4).

A renderer paints one layer onto any QPainter whose world transform maps the map CRS (metres, y up) to
device pixels. Everything expensive is built once behind a dirty flag: projected geometry, one QPainterPath
per feature (never merged: merged antialiased fills are 12x slower, §10), brushes, point symbols and label
text paths. ``paint()`` only culls with numpy and draws.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely
import shiboken6
from psygnal import Signal
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QGlyphRun,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTextLayout,
    QTransform,
)

from layers.fonts import thai_pixel_font
from layers.model import LayerList, Style, VectorLayer, category_key

_POLYGON_TYPES = (3, 6)
_LINE_TYPES = (1, 2, 5)
_POINT_TYPES = (0, 4)
_OCCUPANCY_CELL = 4  # pixels per cell of the label collision grid


# ------------------------------------------------------------------------------------------ context
@dataclass(frozen=True)
class RenderContext:
    """What a renderer needs to know about the target: map extent (CRS units), size (px), dpi, purpose."""

    extent: tuple[float, float, float, float]
    width: int
    height: int
    dpi: float = 96.0
    for_export: bool = False
    crs: str = "EPSG:32647"
    device_pixel_ratio: float = 1.0

    @classmethod
    def fit(
        cls, extent: Iterable[float], width: int, height: int, *, padding: float = 0.0, **kwargs: object
    ) -> RenderContext:
        """A context whose extent is grown (centred) to the image's aspect ratio, plus a padding fraction."""
        minx, miny, maxx, maxy = (float(v) for v in extent)
        w = max(maxx - minx, 1e-9) * (1.0 + 2.0 * padding)
        h = max(maxy - miny, 1e-9) * (1.0 + 2.0 * padding)
        upp = max(w / max(width, 1), h / max(height, 1))
        cx, cy = (minx + maxx) / 2.0, (miny + maxy) / 2.0
        half_w, half_h = upp * width / 2.0, upp * height / 2.0
        return cls((cx - half_w, cy - half_h, cx + half_w, cy + half_h), int(width), int(height), **kwargs)

    @property
    def units_per_pixel(self) -> float:
        """Map units (metres) per device pixel along x."""
        return (self.extent[2] - self.extent[0]) / max(self.width, 1)

    @property
    def scale(self) -> float:
        """The scale denominator N of 1:N at this dpi."""
        return self.units_per_pixel * self.dpi / 0.0254

    @property
    def px(self) -> float:
        """Device pixels per nominal (96 dpi) pixel: style sizes are multiplied by this."""
        return self.dpi / 96.0

    def transform(self) -> QTransform:
        """Map CRS -> device pixels (y flipped) for a painter drawing straight onto the target."""
        minx, miny, maxx, maxy = self.extent
        sx = self.width / max(maxx - minx, 1e-12)
        sy = self.height / max(maxy - miny, 1e-12)
        return QTransform(sx, 0.0, 0.0, -sy, -minx * sx, maxy * sy)


def qcolor(value: str) -> QColor:
    """QColor from CSS hex #rrggbb or #rrggbbaa (Qt reads 8 digits as #aarrggbb, CSS as #rrggbbaa)."""
    color = QColor(value[:7])
    if len(value) == 9:
        color.setAlpha(int(value[7:9], 16))
    return color


def graduated_classes(values: Iterable[object], breaks: Iterable[float]) -> np.ndarray:
    """The class of each value for ascending upper bounds (mapclassify's rule: first i with v <= breaks[i];
    above the last break -> last class); -1 for missing or non-numeric values. Vectorised."""
    bins = np.asarray(tuple(breaks), dtype=np.float64)
    numbers = pd.to_numeric(pd.Series(values, copy=False), errors="coerce").to_numpy(dtype=np.float64)
    if not len(bins):
        return np.full(len(numbers), -1, dtype=np.int64)
    classes = np.minimum(np.searchsorted(bins, numbers, side="left"), len(bins) - 1).astype(np.int64)
    classes[~np.isfinite(numbers)] = -1
    return classes


def _map_xy(t: QTransform, xy: np.ndarray) -> np.ndarray:
    """Apply an affine QTransform to an (n, 2) array."""
    out = np.empty_like(xy, dtype=np.float64)
    out[:, 0] = t.m11() * xy[:, 0] + t.m21() * xy[:, 1] + t.dx()
    out[:, 1] = t.m12() * xy[:, 0] + t.m22() * xy[:, 1] + t.dy()
    return out


def _in_extent(bounds: np.ndarray, extent: tuple[float, float, float, float]) -> np.ndarray:
    minx, miny, maxx, maxy = extent
    return (bounds[:, 2] >= minx) & (bounds[:, 0] <= maxx) & (bounds[:, 3] >= miny) & (bounds[:, 1] <= maxy)


# ----------------------------------------------------------------------------------- path building
def _polygonf(xy: np.ndarray) -> QPolygonF:
    """A QPolygonF filled from an (n, 2) float64 array with one memory copy."""
    polygon = QPolygonF()
    polygon.resize(len(xy))
    buffer = shiboken6.VoidPtr(polygon.data(), len(xy) * 16, True)  # QPointF = two qreals
    np.frombuffer(buffer, dtype=np.float64).reshape(-1, 2)[:] = xy
    return polygon


def paths_from_coords(
    coords: np.ndarray, ring_start: np.ndarray, owner: np.ndarray, *, closed: bool = True
) -> tuple[np.ndarray, list]:
    """One QPainterPath per owner (odd-even fill) from vertices grouped by owner.

    ``ring_start`` marks the first vertex of each ring or line. Each ring is copied into a QPolygonF from
    numpy in one go, so the cost is a few Qt calls per ring, never one per vertex.
    """
    if len(coords) == 0:
        return np.empty(0, dtype=np.int64), []
    xy = np.ascontiguousarray(coords[:, :2], dtype=np.float64)
    starts = np.flatnonzero(ring_start)
    ends = np.append(starts[1:], len(xy))
    ring_owner = owner[starts]
    paths: list[QPainterPath] = []
    current = None
    path = QPainterPath()
    for s, e, o in zip(starts.tolist(), ends.tolist(), ring_owner.tolist()):
        if o != current:
            path = QPainterPath()
            paths.append(path)
            current = o
        path.addPolygon(_polygonf(xy[s:e]))
        if closed:
            path.closeSubpath()
    return np.unique(ring_owner), paths


def _starts(index: np.ndarray) -> np.ndarray:
    """True where a run of equal values begins."""
    return np.r_[True, index[1:] != index[:-1]] if len(index) else np.empty(0, dtype=bool)


@dataclass
class _Paths:
    """Polygon and line paths of a layer at one level of detail (ids index the layer's features)."""

    poly_ids: np.ndarray
    poly_paths: list
    poly_bounds: np.ndarray
    line_ids: np.ndarray
    line_paths: list
    line_bounds: np.ndarray

    @classmethod
    def build(cls, parts: np.ndarray, owner: np.ndarray, tid: np.ndarray, fbounds: np.ndarray) -> _Paths:
        """Paths of the polygon and line parts (``owner`` gives each part's feature index)."""
        keep = ~shapely.is_empty(parts) & ~shapely.is_missing(parts) if len(parts) else np.empty(0, dtype=bool)
        poly_mask = np.isin(tid, _POLYGON_TYPES) & keep
        rings, ring_part = shapely.get_rings(parts[poly_mask], return_index=True)
        coords, ring_of = shapely.get_coordinates(rings, return_index=True)
        poly_ids, poly_paths = paths_from_coords(coords, _starts(ring_of), owner[poly_mask][ring_part][ring_of])

        line_mask = np.isin(tid, _LINE_TYPES) & keep
        lcoords, line_of = shapely.get_coordinates(parts[line_mask], return_index=True)
        line_ids, line_paths = paths_from_coords(
            lcoords, _starts(line_of), owner[line_mask][line_of], closed=False
        )
        return cls(poly_ids, poly_paths, fbounds[poly_ids], line_ids, line_paths, fbounds[line_ids])


#: Geometry is simplified for drawing to this fraction of a device pixel (levels of detail are powers of 2).
LOD_PIXEL_TOLERANCE = 0.5
#: How many simplified levels of detail a layer keeps.
LOD_LEVELS_KEPT = 8


@dataclass
class _Geometry:
    """Projected geometry of a layer, prepared for drawing (built when data or CRS change)."""

    parts: np.ndarray  # single-part geometries, with their feature index in ``owner``
    owner: np.ndarray
    tid: np.ndarray
    full: _Paths
    point_xy: np.ndarray
    point_ids: np.ndarray
    feature_bounds: np.ndarray  # (n, 4), NaN for missing geometry
    anchors: np.ndarray  # (n, 2) label anchor per feature, NaN where none
    sizes: np.ndarray  # (n, 2) bbox width, height per feature in map units
    point_like: np.ndarray  # (n,) bool: the feature is only points
    bounds: tuple[float, float, float, float] | None
    lods: dict = field(default_factory=dict)  # level -> _Paths simplified to 2**level map units

    @classmethod
    def build(cls, geoms: np.ndarray) -> _Geometry:
        """Prepare an array of projected shapely geometries (None for unlocated features)."""
        n = len(geoms)
        parts, owner = shapely.get_parts(geoms, return_index=True)
        tid = shapely.get_type_id(parts) if len(parts) else np.empty(0, dtype=np.int64)
        keep = ~shapely.is_empty(parts) if len(parts) else np.empty(0, dtype=bool)
        fbounds = shapely.bounds(geoms) if n else np.empty((0, 4))
        full = _Paths.build(parts, owner, tid, fbounds)

        point_mask = np.isin(tid, _POINT_TYPES) & keep
        point_xy = shapely.get_coordinates(parts[point_mask])
        point_ids = owner[point_mask]

        present = np.isfinite(fbounds).all(axis=1)
        sizes = np.zeros((n, 2))
        sizes[present] = fbounds[present, 2:] - fbounds[present, :2]
        anchors = cls._anchors(parts, owner, tid, keep, n)
        point_like = np.zeros(n, dtype=bool)
        point_like[point_ids] = True
        point_like[full.poly_ids] = False
        point_like[full.line_ids] = False
        total = None
        if present.any():
            b = fbounds[present]
            total = (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))
        return cls(parts, owner, tid, full, point_xy, point_ids, fbounds, anchors, sizes, point_like, total)

    def paths_for(self, units_per_pixel: float) -> _Paths:
        """Paths simplified to under LOD_PIXEL_TOLERANCE pixels at this scale (full detail when zoomed in)."""
        if not (len(self.full.poly_ids) or len(self.full.line_ids)):
            return self.full
        tolerance = LOD_PIXEL_TOLERANCE * units_per_pixel
        if not math.isfinite(tolerance) or tolerance < 1.0:
            return self.full
        level = math.floor(math.log2(tolerance))
        paths = self.lods.get(level)
        if paths is None:
            simplified = shapely.simplify(self.parts, 2.0**level, preserve_topology=False)
            paths = _Paths.build(simplified, self.owner, self.tid, self.feature_bounds)
            if len(self.lods) >= LOD_LEVELS_KEPT:
                self.lods.pop(next(iter(self.lods)))
            self.lods[level] = paths
        return paths

    @staticmethod
    def _anchors(parts: np.ndarray, owner: np.ndarray, tid: np.ndarray, keep: np.ndarray, n: int) -> np.ndarray:
        """Label anchor: a point inside the largest polygon part, a line's midpoint, or the first point."""
        anchors = np.full((n, 2), np.nan)
        if not len(parts):
            return anchors
        score = np.where(np.isin(tid, _POLYGON_TYPES), 2e30 + shapely.area(parts), 0.0)
        score = np.where(np.isin(tid, _LINE_TYPES), 1e30 + shapely.length(parts), score)
        score = np.where(keep, score, -1.0)
        order = np.lexsort((-score, owner))
        feats, first = np.unique(owner[order], return_index=True)
        best = parts[order[first]]
        best_tid = tid[order[first]]
        pts = np.empty(len(best), dtype=object)
        is_poly = np.isin(best_tid, _POLYGON_TYPES)
        is_line = np.isin(best_tid, _LINE_TYPES)
        pts[is_poly] = shapely.point_on_surface(best[is_poly])
        pts[is_line] = shapely.line_interpolate_point(best[is_line], 0.5, normalized=True)
        other = ~(is_poly | is_line)
        pts[other] = shapely.point_on_surface(best[other])
        ok = keep[order[first]]
        xy = shapely.get_coordinates(pts[ok])
        anchors[feats[ok]] = xy
        return anchors


@dataclass
class _Paint:
    """Pens, brushes and symbols derived from the style (built when the style or dpi change)."""

    pen: QPen
    colours: list  # CSS colour (or None) of each brush
    brushes: list
    feature_brush: np.ndarray  # (n,) index into brushes
    point_order: np.ndarray  # point indices sorted by brush
    point_groups: list  # (brush index, start, end) over point_order
    symbols: dict = field(default_factory=dict)  # (brush index, dpr) -> QPixmap


@dataclass
class _LabelCache:
    texts: np.ndarray
    priority: np.ndarray  # feature indices, most important first
    font_px: float = -1.0
    paths: dict = field(default_factory=dict)  # feature index -> (QPainterPath around 0, 0; ink box)
    runs_key: tuple = ()
    runs: dict = field(default_factory=dict)  # feature index -> ([(QGlyphRun, origin, text)], ink box)


#: How an exported label's glyph runs reach the page: ``sink(painter, origin, run, colour, text)`` where the
#: painter's world transform puts the label's anchor at (0, 0) and ``text`` is the run's source string ("" for
#: halo copies). The print pipeline passes one that queues the runs for its PDF /ActualText pass.
LabelTextSink = Callable[[QPainter, QPointF, QGlyphRun, QColor, str], None]

#: Exported labels draw their halo as copies of the text moved around rings out to the halo width, spaced by
#: about a letter's stem width (this fraction of the font size) so the copies close up into a solid halo: a
#: few bytes of PDF text each, where a stroked outline costs kilobytes per label.
HALO_STROKE_EM = 0.07

_LABEL_RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
)


def draw_glyph_run(painter: QPainter, origin: QPointF, run: QGlyphRun, colour: QColor, _text: str) -> None:
    """Draw one glyph run in a colour (the default LabelTextSink)."""
    painter.setPen(QPen(colour))
    painter.drawGlyphRun(origin, run)


def _halo_offsets(radius: float, spacing: float) -> list[QPointF]:
    """Offsets on rings out to ``radius``, neighbours at most about ``spacing`` apart."""
    spacing = max(spacing, 0.5)
    rings = max(1, math.ceil(radius / spacing))
    out = []
    for k in range(1, rings + 1):
        rho = radius * k / rings
        n = max(4, math.ceil(2.0 * math.pi * rho / spacing))
        out += [QPointF(rho * math.cos(a), rho * math.sin(a)) for a in (np.arange(n) * (2.0 * math.pi / n)).tolist()]
    return out


def _draws_text(painter: QPainter) -> bool:
    """Whether glyph runs stay text on this painter's device (QSvgGenerator turns them into outlines, so SVG
    keeps one outline per label instead of one per halo copy)."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() != QPaintEngine.Type.SVG


def _with_alpha(colour: QColor, factor: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(max(0.0, min(1.0, out.alphaF() * factor)))
    return out


# ------------------------------------------------------------------------------------ the renderer
class VectorRenderer:
    """Paints one VectorLayer; listens to the layer and rebuilds only what a change makes stale."""

    changed = Signal()

    def __init__(self, layer: VectorLayer, crs: str) -> None:
        self.layer = layer
        self._crs = crs
        self._geometry: _Geometry | None = None
        self._paint_cache: _Paint | None = None
        self._paint_px = -1.0
        self._labels: _LabelCache | None = None
        ev = layer.events
        self._connections = [
            (ev.data, self._on_data_change),
            (ev.style, self._on_style_change),
            (ev.labels, self._on_labels_change),
            (ev.opacity, self._on_opacity_change),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

    def close(self) -> None:
        """Stop listening to the layer."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []

    # -- dirty flags
    def _on_data_change(self) -> None:
        self._geometry = None
        self._paint_cache = None
        self._labels = None
        self.changed.emit()

    def _on_style_change(self, _style: Style) -> None:
        self._paint_cache = None
        self.changed.emit()

    def _on_labels_change(self, _labels: object) -> None:
        self._labels = None
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
            self._on_data_change()

    # -- builders
    def geometry(self) -> _Geometry:
        """The prepared geometry (built on first use after a data or CRS change)."""
        if self._geometry is None:
            geoms = np.asarray(self.layer.projected(self._crs).array, dtype=object)
            self._geometry = _Geometry.build(geoms)
        return self._geometry

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of the layer in the map CRS, or None when nothing is located."""
        return self.geometry().bounds

    def _paint_state(self, px: float) -> _Paint:
        if self._paint_cache is None or self._paint_px != px:
            self._paint_cache = self._build_paint(px)
            self._paint_px = px
        return self._paint_cache

    def _build_paint(self, px: float) -> _Paint:
        style = self.layer.style
        data = self.layer.data
        if style.stroke is None or style.width <= 0:
            pen = QPen(Qt.PenStyle.NoPen)
        else:
            pen = QPen(qcolor(style.stroke), style.width * px)
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        colours = [style.fill]
        feature_brush = np.zeros(len(data), dtype=np.int64)
        if style.category_field and style.category_field in data.columns and style.categories:
            cmap = style.category_map
            keys = [category_key(v) for v in data[style.category_field].to_numpy(dtype=object)]
            index = {c: i + 1 for i, c in enumerate(cmap)}
            colours += list(cmap.values())
            feature_brush = np.fromiter((index.get(k, 0) for k in keys), dtype=np.int64, count=len(keys))
        elif style.graduated_field and style.graduated_field in data.columns and style.breaks:
            colours += list(style.colours)
            feature_brush = graduated_classes(data[style.graduated_field], style.breaks) + 1
        brushes = [QBrush(Qt.BrushStyle.NoBrush) if c is None else QBrush(qcolor(c)) for c in colours]
        geom = self.geometry()
        point_brush = feature_brush[geom.point_ids] if len(geom.point_ids) else np.empty(0, dtype=np.int64)
        order = np.argsort(point_brush, kind="stable")
        groups = []
        if len(order):
            sorted_b = point_brush[order]
            cuts = np.flatnonzero(np.r_[True, sorted_b[1:] != sorted_b[:-1], True])
            groups = [(int(sorted_b[a]), int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:])]
        return _Paint(pen, colours, brushes, feature_brush, order, groups)

    def _symbol(self, state: _Paint, brush: int, px: float, dpr: float) -> QPixmap:
        key = (brush, dpr)
        pixmap = state.symbols.get(key)
        if pixmap is not None:
            return pixmap
        style = self.layer.style
        size = style.point_size * px * dpr
        pen_w = (style.width * px * dpr) if style.stroke is not None else 0.0
        side = int(math.ceil(size + pen_w + 2))
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = state.colours[brush]
        p.setBrush(QBrush(qcolor(colour)) if colour else QBrush(Qt.BrushStyle.NoBrush))
        p.setPen(QPen(qcolor(style.stroke), pen_w) if pen_w > 0 else QPen(Qt.PenStyle.NoPen))
        c, r = side / 2.0, size / 2.0
        if style.point_symbol == "circle":
            p.drawEllipse(QPointF(c, c), r, r)
        elif style.point_symbol == "square":
            p.drawRect(QRectF(c - r, c - r, size, size))
        else:
            pts = (
                [(c, c - r), (c + r, c + r * 0.8), (c - r, c + r * 0.8)]
                if style.point_symbol == "triangle"
                else [(c, c - r), (c + r, c), (c, c + r), (c - r, c)]
            )
            p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        p.end()
        state.symbols[key] = pixmap
        return pixmap

    # -- painting
    def paint(self, painter: QPainter, ctx: RenderContext, *, points: bool = True, labels: bool = True) -> None:
        """Draw the layer; the painter's world transform must map the map CRS to device pixels."""
        if not self.layer.visible or self.layer.opacity <= 0:
            return
        geom = self.geometry()
        state = self._paint_state(ctx.px)
        painter.save()
        try:
            painter.setOpacity(painter.opacity() * self.layer.opacity)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._paint_paths(painter, ctx, geom, state)
            if points and len(geom.point_xy):
                self._paint_points(painter, ctx, geom, state)
            if labels:
                self.paint_labels(painter, ctx)
        finally:
            painter.restore()

    def _paint_paths(self, painter: QPainter, ctx: RenderContext, geom: _Geometry, state: _Paint) -> None:
        painter.setPen(state.pen)
        lod = geom.paths_for(ctx.units_per_pixel / max(ctx.device_pixel_ratio, 1e-6))
        if len(lod.poly_ids):
            visible = np.flatnonzero(_in_extent(lod.poly_bounds, ctx.extent))
            brush_of = state.feature_brush[lod.poly_ids[visible]]
            paths, brushes = lod.poly_paths, state.brushes
            last = -1
            set_brush, draw = painter.setBrush, painter.drawPath
            for i, b in zip(visible.tolist(), brush_of.tolist()):
                if b != last:
                    set_brush(brushes[b])
                    last = b
                draw(paths[i])
        if len(lod.line_ids) and state.pen.style() != Qt.PenStyle.NoPen:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            visible = np.flatnonzero(_in_extent(lod.line_bounds, ctx.extent))
            draw, paths = painter.drawPath, lod.line_paths
            for i in visible.tolist():
                draw(paths[i])

    def _paint_points(self, painter: QPainter, ctx: RenderContext, geom: _Geometry, state: _Paint) -> None:
        transform = painter.transform()
        dpr = float(ctx.device_pixel_ratio)
        xy = geom.point_xy[state.point_order]
        minx, miny, maxx, maxy = ctx.extent
        margin = self.layer.style.point_size * ctx.px * ctx.units_per_pixel
        inside = (
            (xy[:, 0] >= minx - margin) & (xy[:, 0] <= maxx + margin)
            & (xy[:, 1] >= miny - margin) & (xy[:, 1] <= maxy + margin)
        )  # fmt: skip
        device = _map_xy(transform, xy)
        painter.resetTransform()
        for brush, start, end in state.point_groups:
            sel = np.flatnonzero(inside[start:end]) + start
            if not len(sel):
                continue
            symbol = self._symbol(state, brush, ctx.px, dpr)
            # Points of one colour landing on the same device pixel draw the same symbol at the same
            # place: draw it once (at national scale most of 100k points share pixels).
            xy_px = np.rint(device[sel])
            if len(xy_px) > 1:
                key = xy_px[:, 0].astype(np.int64) * 1_000_003 + xy_px[:, 1].astype(np.int64)
                xy_px = xy_px[np.unique(key, return_index=True)[1]]
            # QPainter::PixmapFragment is ten qreals: x, y, sourceLeft, sourceTop, width, height,
            # scaleX, scaleY, rotation, opacity; one call draws every point of a colour.
            fragments = np.zeros((len(xy_px), 10), dtype=np.float64)
            fragments[:, 0:2] = xy_px
            fragments[:, 4] = symbol.width()
            fragments[:, 5] = symbol.height()
            fragments[:, 6:8] = 1.0 / dpr
            fragments[:, 9] = 1.0
            first = shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment)
            painter.drawPixmapFragments(first, len(fragments), symbol)
        painter.setTransform(transform)

    def _label_cache(self) -> _LabelCache:
        if self._labels is None:
            geom = self.geometry()
            texts = self.layer.label_texts()
            has = np.array([t is not None for t in texts], dtype=bool) & np.isfinite(geom.anchors).all(axis=1)
            area = geom.sizes[:, 0] * geom.sizes[:, 1]
            idx = np.flatnonzero(has)
            self._labels = _LabelCache(texts, idx[np.argsort(-area[idx], kind="stable")])
        return self._labels

    def _label_path(self, cache: _LabelCache, i: int, font_px: float) -> tuple[QPainterPath, QRectF]:
        """The label's text path around (0, 0): centred on its ink horizontally, on the font's x-height band
        vertically (so labels with and without Thai upper marks share a baseline), and its ink box."""
        if cache.font_px != font_px:
            cache.paths.clear()
            cache.font_px = font_px
        entry = cache.paths.get(i)
        if entry is None:
            font = thai_pixel_font(font_px, bold=self.layer.labels.bold)
            metrics = QFontMetricsF(font)
            path = QPainterPath()
            path.addText(0.0, 0.0, font, cache.texts[i])
            path.translate(-path.boundingRect().center().x(), (metrics.ascent() - metrics.descent()) / 2.0)
            entry = (path, path.boundingRect())
            cache.paths[i] = entry
        return entry

    def _label_runs(self, cache: _LabelCache, i: int, font_px: float, painter: QPainter) -> tuple[list, QRectF]:
        """The label as glyph runs placed like ``_label_path`` (ink centred on (0, 0) horizontally, x-height
        band vertically) for real text in exported maps: [(run, origin, source text)] and the ink box."""
        device = painter.device()
        key = (font_px, device.logicalDpiX(), device.logicalDpiY())
        if cache.runs_key != key:
            cache.runs.clear()
            cache.runs_key = key
        entry = cache.runs.get(i)
        if entry is None:
            text = str(cache.texts[i])
            font = thai_pixel_font(font_px, bold=self.layer.labels.bold)
            metrics = QFontMetricsF(font)
            path = QPainterPath()
            path.addText(0.0, 0.0, font, text)
            ink = path.boundingRect()
            dx, dy = -ink.center().x(), (metrics.ascent() - metrics.descent()) / 2.0
            layout = QTextLayout(text, font, device)
            layout.beginLayout()
            line = layout.createLine()
            line.setPosition(QPointF(0.0, 0.0))
            layout.endLayout()
            origin = QPointF(dx, dy - line.ascent())  # layouts put the baseline at the line's ascent
            runs = [run for run in layout.glyphRuns(-1, -1, _LABEL_RUN_FLAGS) if run.glyphIndexes()]
            # the whole label is the text of its first run, so copying a label gives it once
            entry = ([(run, origin, text if k == 0 else "") for k, run in enumerate(runs)], ink.translated(dx, dy))
            cache.runs[i] = entry
        return entry

    def paint_labels(
        self, painter: QPainter, ctx: RenderContext, grid: LabelGrid | None = None, *, text_sink: LabelTextSink | None = None
    ) -> None:
        """Draw labels largest feature first, dropping small features and labels that overlap ``grid``.

        Exported maps (``ctx.for_export``, except to SVG) get real text — glyph runs in Sarabun with a halo of
        offset copies — through ``text_sink``; the screen gets cached outline paths."""
        settings = self.layer.labels
        if not (settings.visible and self.layer.visible and self.layer.opacity > 0):
            return
        geom = self.geometry()
        cache = self._label_cache()
        if not len(cache.priority):
            return
        ppu = 1.0 / max(ctx.units_per_pixel, 1e-12)
        cand = cache.priority
        anchors = geom.anchors[cand]
        minx, miny, maxx, maxy = ctx.extent
        size_px = geom.sizes[cand].max(axis=1) * ppu
        keep = (
            (anchors[:, 0] >= minx) & (anchors[:, 0] <= maxx) & (anchors[:, 1] >= miny) & (anchors[:, 1] <= maxy)
            & ((size_px >= settings.min_feature_px) | geom.point_like[cand])
        )  # fmt: skip
        cand = cand[keep][: settings.max_labels * 3]
        if not len(cand):
            return
        grid = grid if grid is not None else LabelGrid(ctx.width, ctx.height)
        transform = painter.transform()
        device = _map_xy(transform, geom.anchors[cand])
        width_px = geom.sizes[cand, 0] * ppu
        font_px = settings.size * ctx.dpi / 72.0
        halo = settings.halo_width * ctx.px
        point_offset = self.layer.style.point_size * ctx.px
        halo_pen = None
        if settings.halo_color is not None and halo > 0:
            halo_pen = QPen(qcolor(settings.halo_color), 2.0 * halo)
            halo_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        text_brush = QBrush(qcolor(settings.color))
        if ctx.for_export and _draws_text(painter):
            self._paint_label_text(painter, ctx, grid, cand, device, width_px, font_px, halo, point_offset, text_sink)
            return
        painter.save()
        try:
            painter.setOpacity(painter.opacity() * self.layer.opacity)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            drawn = 0
            for k, i in enumerate(cand.tolist()):
                path, box = self._label_path(cache, i, font_px)
                if settings.fit and not geom.point_like[i] and width_px[k] < 0.8 * box.width():
                    continue
                x, y = float(device[k, 0]), float(device[k, 1])
                if geom.point_like[i]:  # right of the symbol
                    x += point_offset / 2.0 + box.width() / 2.0 + 2.0
                if not grid.place(
                    x + box.left() - halo, y + box.top() - halo, x + box.right() + halo, y + box.bottom() + halo
                ):
                    continue
                painter.setTransform(QTransform.fromTranslate(x, y))
                if halo_pen is not None:
                    painter.strokePath(path, halo_pen)
                painter.fillPath(path, text_brush)
                drawn += 1
                if drawn >= settings.max_labels:
                    break
        finally:
            painter.restore()

    def _paint_label_text(
        self,
        painter: QPainter,
        ctx: RenderContext,
        grid: LabelGrid,
        cand: np.ndarray,
        device: np.ndarray,
        width_px: np.ndarray,
        font_px: float,
        halo: float,
        point_offset: float,
        text_sink: LabelTextSink | None,
    ) -> None:
        """paint_labels for exported maps: the same placement, drawn as glyph runs (see LabelTextSink)."""
        settings = self.layer.labels
        geom = self.geometry()
        cache = self._label_cache()
        sink = text_sink or draw_glyph_run
        opacity = painter.opacity() * self.layer.opacity
        text_colour = _with_alpha(qcolor(settings.color), opacity)
        halo_colour = None
        offsets: list[QPointF] = []
        if settings.halo_color is not None and halo > 0:
            # opaque: the copies overlap, so a see-through halo would come out blotchy
            halo_colour = qcolor(settings.halo_color)
            halo_colour.setAlphaF(max(0.0, min(1.0, opacity)))
            offsets = _halo_offsets(halo, HALO_STROKE_EM * font_px)
        painter.save()
        try:
            painter.setOpacity(1.0)  # folded into the colours, which a queued run keeps
            drawn = 0
            for k, i in enumerate(cand.tolist()):
                runs, box = self._label_runs(cache, i, font_px, painter)
                if settings.fit and not geom.point_like[i] and width_px[k] < 0.8 * box.width():
                    continue
                x, y = float(device[k, 0]), float(device[k, 1])
                if geom.point_like[i]:  # right of the symbol
                    x += point_offset / 2.0 + box.width() / 2.0 + 2.0
                if not grid.place(
                    x + box.left() - halo, y + box.top() - halo, x + box.right() + halo, y + box.bottom() + halo
                ):
                    continue
                painter.setTransform(QTransform.fromTranslate(x, y))
                for offset in offsets:
                    for run, origin, _text in runs:
                        sink(painter, origin + offset, run, halo_colour, "")
                for run, origin, text in runs:
                    sink(painter, origin, run, text_colour, text)
                drawn += 1
                if drawn >= settings.max_labels:
                    break
        finally:
            painter.restore()


class LabelGrid:
    """Which parts of the target already hold a label (a coarse occupancy grid, shared across layers)."""

    def __init__(self, width: int, height: int, cell: int = _OCCUPANCY_CELL) -> None:
        self.cell = cell
        self._occupied = np.zeros((height // cell + 1, width // cell + 1), dtype=bool)

    def place(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Claim a device-pixel box; False when it leaves the target or overlaps a placed label."""
        rows, cols = self._occupied.shape
        c0, r0 = math.floor(x0 / self.cell), math.floor(y0 / self.cell)
        c1, r1 = math.floor(x1 / self.cell) + 1, math.floor(y1 / self.cell) + 1
        if c0 < 0 or r0 < 0 or c1 > cols or r1 > rows:
            return False
        box = self._occupied[r0:r1, c0:c1]
        if box.any():
            return False
        box[:] = True
        return True


#: Model type -> renderer type (napari's layer_to_visual); a new layer type adds one entry.
RENDERERS: dict[type, type] = {VectorLayer: VectorRenderer}


def make_renderer(layer: VectorLayer, crs: str) -> VectorRenderer:
    """The renderer registered for a layer's type."""
    for cls in type(layer).__mro__:
        if cls in RENDERERS:
            return RENDERERS[cls](layer, crs)
    raise TypeError(f"no renderer for {type(layer).__name__}")


class MapRenderer:
    """Paints a whole LayerList (bottom first) onto any QPainter: images, PDFs, print annexes."""

    def __init__(self, layers: LayerList) -> None:
        self.layers = layers
        self._renderers: dict[str, VectorRenderer] = {}
        for layer in layers:
            self._renderers[layer.name] = make_renderer(layer, layers.crs)
        layers.events.inserted.connect(self._on_inserted)
        layers.events.removed.connect(self._on_removed)
        layers.events.crs.connect(self._on_crs_change)

    def close(self) -> None:
        """Stop listening to the layers."""
        self.layers.events.inserted.disconnect(self._on_inserted)
        self.layers.events.removed.disconnect(self._on_removed)
        self.layers.events.crs.disconnect(self._on_crs_change)
        for renderer in self._renderers.values():
            renderer.close()
        self._renderers.clear()

    def _on_inserted(self, _index: int, layer: VectorLayer) -> None:
        self._renderers[layer.name] = make_renderer(layer, self.layers.crs)

    def _on_removed(self, _index: int, layer: VectorLayer) -> None:
        renderer = self._renderers.pop(layer.name, None)
        if renderer is not None:
            renderer.close()

    def _on_crs_change(self, crs: str) -> None:
        for renderer in self._renderers.values():
            renderer.crs = crs

    def renderer(self, name: str) -> VectorRenderer:
        """The renderer of one layer."""
        return self._renderers[name]

    def context(self, width: int, height: int, *, extent: Iterable[float] | None = None, **kwargs: object) -> RenderContext:
        """A context showing ``extent`` (default: all layers, 2 % padding) in an image of this size."""
        if extent is None:
            extent = self.layers.extent() or (0.0, 0.0, 1.0, 1.0)
            kwargs.setdefault("padding", 0.02)
        return RenderContext.fit(extent, width, height, crs=self.layers.crs, **kwargs)

    def render(self, painter: QPainter, ctx: RenderContext) -> None:
        """Paint every visible layer; the painter maps device pixels as the context describes."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.setTransform(ctx.transform(), True)
            layers = list(self.layers)
            for layer in layers:
                self._renderers[layer.name].paint(painter, ctx, labels=False)
            grid = LabelGrid(ctx.width, ctx.height)
            for layer in reversed(layers):  # labels above every layer; the top layer's labels win
                self._renderers[layer.name].paint_labels(painter, ctx, grid)
        finally:
            painter.restore()

    def render_image(self, ctx: RenderContext, background: str | None = "#ffffff") -> QImage:
        """A new ARGB image of the map."""
        image = QImage(ctx.width, ctx.height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(qcolor(background) if background else QColor(0, 0, 0, 0))
        painter = QPainter(image)
        try:
            self.render(painter, ctx)
        finally:
            painter.end()
        return image

