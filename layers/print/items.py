"""The items of an annex page, each painted into a rectangle in device pixels.

Map content is painted by the same renderers as the canvas (layers.render / layers.raster, architecture §4);
the items around it (legend, scale bar, north arrow, grid, overview, header, footer) are drawn here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from areaplan.thai_numbers import digits, format_scale
from areaplan.vocab import VOCABULARIES
from layers.fonts import thai_font
from layers.model import LayerList, VectorLayer, category_key
from layers.print.page import Units
from layers.print.text import ALIGN_CENTER, ALIGN_RIGHT, PrintError, TextRecorder, draw_text
from layers.render import (
    LOD_PIXEL_TOLERANCE, LabelGrid, MapRenderer, RenderContext, VectorRenderer, paths_from_coords, qcolor,
)
from layers.style import legend_entries

INK = "#202020"


# ------------------------------------------------------------------------------------------ the map
class _FrameLabelGrid(LabelGrid):
    """The label grid of a map frame that does not start at the device origin."""

    def __init__(self, frame: QRectF) -> None:
        super().__init__(int(frame.width()), int(frame.height()))
        self._dx, self._dy = frame.left(), frame.top()

    def place(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Claim a box given in device pixels of the page."""
        return super().place(x0 - self._dx, y0 - self._dy, x1 - self._dx, y1 - self._dy)


def map_context(frame: QRectF, extent: Iterable[float], dpi: float, crs: str, *, scale: float | None = None,
                padding: float = 0.0) -> RenderContext:
    """The render context of a map frame: ``extent`` grown to the frame (plus padding), or a fixed 1:scale."""
    w, h = max(1, int(round(frame.width()))), max(1, int(round(frame.height())))
    if scale:
        minx, miny, maxx, maxy = (float(v) for v in extent)
        cx, cy = (minx + maxx) / 2.0, (miny + maxy) / 2.0
        upp = scale * 0.0254 / dpi  # metres on the ground per device pixel
        half_w, half_h = upp * w / 2.0, upp * h / 2.0
        return RenderContext((cx - half_w, cy - half_h, cx + half_w, cy + half_h), w, h, dpi=dpi, for_export=True, crs=crs)
    return RenderContext.fit(extent, w, h, padding=padding, dpi=dpi, for_export=True, crs=crs)


#: Boundaries are simplified to this many millimetres on paper (finer than any printed line width).
PRINT_TOLERANCE_MM = 0.12
#: Rasters are read at no more than this resolution (their cells are coarser than paper dots anyway).
RASTER_MAX_DPI = 200.0


def print_context(ctx: RenderContext, layer_renderer: object) -> RenderContext:
    """The context one layer is painted with: polygons and lines simplified to PRINT_TOLERANCE_MM, rasters
    read at up to RASTER_MAX_DPI, point symbols at full resolution (PDF size and speed, not looks)."""
    from layers.raster import RasterRenderer

    if isinstance(layer_renderer, RasterRenderer):
        return replace(ctx, device_pixel_ratio=min(1.0, RASTER_MAX_DPI / ctx.dpi))
    geometry = getattr(layer_renderer, "geometry", None)
    if geometry is None:
        return ctx
    geom = geometry()
    if len(geom.point_xy):
        return ctx
    tolerance_px = PRINT_TOLERANCE_MM / 25.4 * ctx.dpi
    return replace(ctx, device_pixel_ratio=min(1.0, LOD_PIXEL_TOLERANCE / max(tolerance_px, 1e-6)))


def paint_map(
    painter: QPainter,
    frame: QRectF,
    ctx: RenderContext,
    renderer: MapRenderer,
    *,
    names: Iterable[str] | None = None,
    labels: bool = True,
    after_layers: object = None,
    recorder: TextRecorder | None = None,
) -> None:
    """Paint the layers (bottom first, labels last) clipped to a frame; ``after_layers(painter)`` runs under
    the labels with the map transform set (highlights, masks). Labels are text whose runs go to ``recorder``
    (PDF /ActualText)."""
    wanted = None if names is None else set(names)
    layers = [layer for layer in renderer.layers if wanted is None or layer.name in wanted]
    painter.save()
    try:
        painter.setClipRect(frame)
        painter.fillRect(frame, QColor("#ffffff"))
        painter.translate(frame.topLeft())
        painter.setTransform(ctx.transform(), True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for layer in layers:
            layer_renderer = renderer.renderer(layer.name)
            layer_renderer.paint(painter, print_context(ctx, layer_renderer), labels=False)
        if callable(after_layers):
            after_layers(painter)
        if labels:
            sink = recorder.draw_run if recorder is not None else None
            grid = _FrameLabelGrid(frame)
            for layer in reversed(layers):
                layer_renderer = renderer.renderer(layer.name)
                if isinstance(layer_renderer, VectorRenderer):
                    layer_renderer.paint_labels(painter, ctx, grid, text_sink=sink)
                else:
                    layer_renderer.paint_labels(painter, ctx, grid)
    finally:
        painter.restore()


def geometry_path(geom: object) -> QPainterPath:
    """One QPainterPath (odd-even) of a polygonal shapely geometry, in its own coordinates."""
    if geom is None or shapely.is_empty(geom):
        return QPainterPath()
    parts = shapely.get_parts(np.asarray([geom], dtype=object))
    polys = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
    rings = shapely.get_rings(polys)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    if not len(coords):
        return QPainterPath()
    starts = np.r_[True, ring_of[1:] != ring_of[:-1]]
    _ids, paths = paths_from_coords(coords, starts, np.zeros(len(coords), dtype=np.int64))
    path = paths[0]
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def highlight(painter: QPainter, ctx: RenderContext, area_path: QPainterPath, units: Units, *, mask: bool) -> None:
    """Fade everything outside the area and outline it (painter in map coordinates)."""
    if area_path.isEmpty():
        return
    painter.save()
    minx, miny, maxx, maxy = ctx.extent
    if mask:
        outside = QPainterPath()
        outside.setFillRule(Qt.FillRule.OddEvenFill)
        outside.addRect(QRectF(minx, miny, maxx - minx, maxy - miny))
        outside.addPath(area_path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(255, 255, 255, 115)))
        painter.drawPath(outside)
    pen = QPen(QColor("#b2182b"), units.mm(0.55))
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(area_path)
    painter.restore()


# -------------------------------------------------------------------------------------------- grid
@cache
def _transformer(src: str, dst: str) -> Transformer:
    return Transformer.from_crs(src, dst, always_xy=True)


_MINUTE_STEPS = (0.25, 0.5, 1, 2, 2.5, 5, 10, 15, 20, 30, 60, 120, 300)
_METRE_STEPS = (100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000)


def _step(span: float, steps: Iterable[float], lines: int = 4) -> float:
    for s in steps:
        if span / s <= lines:
            return float(s)
    return float(list(steps)[-1])


def dms(value: float, positive: str, negative: str) -> str:
    """Degrees as 100°30′E (seconds only when not whole minutes)."""
    hemi = positive if value >= 0 else negative
    total = round(abs(value) * 3600)
    d, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{d}°{m:02d}′{s:02d}″{hemi}" if s else f"{d}°{m:02d}′{hemi}"


def grid_lines(extent: tuple[float, float, float, float], crs: str, kind: str) -> list[tuple[str, str, np.ndarray]]:
    """Grid lines over an extent: (axis "x"/"y", label, (n, 2) map coordinates) for lon/lat or UTM grids."""
    minx, miny, maxx, maxy = extent
    out: list[tuple[str, str, np.ndarray]] = []
    if kind == "utm":
        if "326" not in crs and "327" not in crs:
            return out
        step = _step(max(maxx - minx, maxy - miny), _METRE_STEPS)
        for x in np.arange(math.ceil(minx / step) * step, maxx, step):
            out.append(("x", f"{x:,.0f}E", np.array([[x, miny], [x, maxy]])))
        for y in np.arange(math.ceil(miny / step) * step, maxy, step):
            out.append(("y", f"{y:,.0f}N", np.array([[minx, y], [maxx, y]])))
        return out
    if kind != "lonlat":
        return out
    to_ll = _transformer(crs, "EPSG:4326")
    to_map = _transformer("EPSG:4326", crs)
    t = np.linspace(0.0, 1.0, 21)
    ex = np.r_[minx + t * (maxx - minx), np.full(21, maxx), minx + t * (maxx - minx), np.full(21, minx)]
    ey = np.r_[np.full(21, miny), miny + t * (maxy - miny), np.full(21, maxy), miny + t * (maxy - miny)]
    lon, lat = to_ll.transform(ex, ey)
    lon0, lon1, lat0, lat1 = float(np.min(lon)), float(np.max(lon)), float(np.min(lat)), float(np.max(lat))
    step = _step(max(lon1 - lon0, lat1 - lat0) * 60.0, _MINUTE_STEPS) / 60.0
    samples = np.linspace(0.0, 1.0, 41)
    for value in np.arange(math.ceil(lon0 / step - 1e-9) * step, lon1, step):
        xs, ys = to_map.transform(np.full(41, value), lat0 + samples * (lat1 - lat0))
        out.append(("x", dms(value, "E", "W"), np.column_stack([xs, ys])))
    for value in np.arange(math.ceil(lat0 / step - 1e-9) * step, lat1, step):
        xs, ys = to_map.transform(lon0 + samples * (lon1 - lon0), np.full(41, value))
        out.append(("y", dms(value, "N", "S"), np.column_stack([xs, ys])))
    return out


def paint_grid(painter: QPainter, frame: QRectF, ctx: RenderContext, kind: str, units: Units, *,
               thai_digits: bool = False, recorder: TextRecorder | None = None) -> None:
    """Grid lines inside the frame and their labels above (x) and left of (y) it."""
    lines = grid_lines(ctx.extent, ctx.crs, kind)
    if not lines:
        return
    minx, miny, maxx, maxy = ctx.extent
    t = ctx.transform()
    pen = QPen(QColor(60, 60, 60, 150), units.mm(0.13))
    font = thai_font(6.0)
    label_mm = 4.6
    painter.save()
    painter.setClipRect(frame)
    painter.setPen(pen)
    for _axis, _label, xy in lines:
        dev = np.column_stack([t.m11() * xy[:, 0] + t.dx(), t.m22() * xy[:, 1] + t.dy()]) + [frame.left(), frame.top()]
        painter.drawPolyline(QPolygonF([QPointF(float(x), float(y)) for x, y in dev]))
    painter.restore()
    for axis, label, xy in lines:
        text = digits(label, thai_digits)
        if axis == "x":  # where the line crosses the top edge
            order = np.argsort(xy[:, 1])
            x = float(np.interp(maxy, xy[order, 1], xy[order, 0]))
            if not minx <= x <= maxx:
                continue
            px = frame.left() + (x - minx) / (maxx - minx) * frame.width()
            box = QRectF(px - units.mm(15), frame.top() - units.mm(label_mm), units.mm(30), units.mm(label_mm))
            draw_text(painter, box, text, font, align=ALIGN_CENTER, recorder=recorder, fit=False)
        else:  # where the line crosses the left edge, written upwards
            order = np.argsort(xy[:, 0])
            y = float(np.interp(minx, xy[order, 0], xy[order, 1]))
            if not miny <= y <= maxy:
                continue
            py = frame.top() + (maxy - y) / (maxy - miny) * frame.height()
            painter.save()
            painter.translate(frame.left() - units.mm(label_mm), py)
            painter.rotate(-90.0)
            box = QRectF(-units.mm(15), 0.0, units.mm(30), units.mm(label_mm))
            draw_text(painter, box, text, font, align=ALIGN_CENTER, recorder=recorder, fit=False)
            painter.restore()


# --------------------------------------------------------------------------- scale bar, north arrow
def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above a length (metres)."""
    if metres <= 0 or not math.isfinite(metres):
        return 1.0
    power = 10.0 ** math.floor(math.log10(metres))
    for m in (5.0, 2.0, 1.0):
        if m * power <= metres:
            return m * power
    return power


def _distance_text(metres: float, unit_km: bool, thai_digits: bool) -> str:
    value = metres / 1000.0 if unit_km else metres
    text = f"{value:,.{0 if float(value).is_integer() else 1}f}"
    return digits(text, thai_digits)


def nice_scale(denominator: float) -> float:
    """A scale denominator rounded to 2-3 significant digits (1:51,234 -> 1:51,000)."""
    if denominator <= 0 or not math.isfinite(denominator):
        return denominator
    digits_ = max(int(math.floor(math.log10(denominator))) - 1, 0)
    return round(denominator, -digits_)


def paint_scale_bar(painter: QPainter, rect: QRectF, ctx: RenderContext, units: Units, *, exact_scale: float | None,
                    thai_digits: bool = False, recorder: TextRecorder | None = None) -> None:
    """A metric scale bar of four alternating segments, its distances and "มาตราส่วน 1:N"."""
    upp = ctx.units_per_pixel
    max_px = min(rect.width() * 0.45, units.mm(70))
    length = nice_length(max_px * upp)
    bar_px = length / upp
    unit_km = length >= 1000
    seg = bar_px / 4.0
    x0 = rect.left() + units.mm(2)
    y0 = rect.top() + units.mm(1.2)
    h = units.mm(1.6)
    painter.save()
    painter.setPen(QPen(QColor(INK), units.mm(0.15)))
    for i in range(4):
        painter.setBrush(QBrush(QColor(INK if i % 2 == 0 else "#ffffff")))
        painter.drawRect(QRectF(x0 + i * seg, y0, seg, h))
    painter.restore()
    font = thai_font(6.5)
    for frac in (0.0, 0.5, 1.0):
        x = x0 + frac * bar_px
        text = _distance_text(length * frac, unit_km, thai_digits)
        box = QRectF(x - units.mm(10), y0 + h, units.mm(20), units.mm(3.8))
        draw_text(painter, box, text, font, align=ALIGN_CENTER, recorder=recorder, fit=False)
    unit = "กิโลเมตร" if unit_km else "เมตร"
    draw_text(painter, QRectF(x0 + bar_px + units.mm(8), y0 - units.mm(1.5), units.mm(20), units.mm(4.5)), unit,
              font, recorder=recorder)  # fmt: skip
    scale = exact_scale or nice_scale(ctx.scale)
    text = "มาตราส่วน " + format_scale(scale, thai_digits=thai_digits)
    draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), units.mm(5)), text, thai_font(8.5, bold=True),
              align=ALIGN_RIGHT, recorder=recorder)  # fmt: skip


def north_angle(ctx: RenderContext) -> float:
    """Degrees from grid north (up on the map) to true north at the map centre (clockwise positive)."""
    minx, miny, maxx, maxy = ctx.extent
    cx, cy = (minx + maxx) / 2.0, (miny + maxy) / 2.0
    try:
        lon, lat = _transformer(ctx.crs, "EPSG:4326").transform(cx, cy)
        x2, y2 = _transformer("EPSG:4326", ctx.crs).transform(lon, min(lat + 0.01, 89.9))
    except Exception:  # noqa: BLE001 - a CRS pyproj cannot transform: draw grid north
        return 0.0
    return math.degrees(math.atan2(x2 - cx, y2 - cy))


def paint_north_arrow(painter: QPainter, frame: QRectF, ctx: RenderContext, units: Units, *,
                      recorder: TextRecorder | None = None) -> None:
    """A north arrow in the map's top-right corner, turned to true north."""
    w, h = units.mm(9), units.mm(14)
    box = QRectF(frame.right() - w - units.mm(2.5), frame.top() + units.mm(2.5), w, h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(255, 255, 255, 210)))
    painter.drawRoundedRect(box, units.mm(1.2), units.mm(1.2))
    draw_text(painter, QRectF(box.left(), box.top(), w, units.mm(4.5)), "N", thai_font(8, bold=True),
              align=ALIGN_CENTER, recorder=recorder)  # fmt: skip
    cx, cy = box.center().x(), box.top() + units.mm(8.8)
    painter.translate(cx, cy)
    painter.rotate(north_angle(ctx))
    r = units.mm(4.2)
    left = QPolygonF([QPointF(0, -r), QPointF(-r * 0.45, r * 0.75), QPointF(0, r * 0.4)])
    right = QPolygonF([QPointF(0, -r), QPointF(r * 0.45, r * 0.75), QPointF(0, r * 0.4)])
    painter.setPen(QPen(QColor(INK), units.mm(0.15)))
    painter.setBrush(QBrush(QColor(INK)))
    painter.drawPolygon(left)
    painter.setBrush(QBrush(QColor("#ffffff")))
    painter.drawPolygon(right)
    painter.restore()


# ------------------------------------------------------------------------------------------- legend
def _swatch_kind(layer: VectorLayer) -> str:
    types = layer.data.geom_type.dropna() if len(layer.data) else []
    if not len(types):
        return "polygon"
    top = str(types.mode().iloc[0])
    return "point" if "Point" in top else "line" if "Line" in top else "polygon"


def legend_rows(layers: LayerList, names: Iterable[str] | None = None) -> list[tuple[str, str, str | None, str | None, str]]:
    """Rows of a legend for the visible layers, top layer first: (kind, text, fill, stroke, shape).

    kind is "heading" or "item"; shape is "polygon", "line", "point" or "raster". Categories are listed for
    coded fields (channel, agenda, status, …) and hazard classes, and only those present in the data.
    """
    from layers.raster import RasterLayer

    wanted = None if names is None else set(names)
    rows: list[tuple[str, str, str | None, str | None, str]] = []
    for layer in reversed(list(layers)):
        if not layer.visible or layer.opacity <= 0 or (wanted is not None and layer.name not in wanted):
            continue
        if isinstance(layer, RasterLayer):
            rows.append(("heading", layer.title_th, None, None, "raster"))
            rows += [("item", text, colour, None, "raster") for text, colour in layer.style.legend()]
            continue
        if not isinstance(layer, VectorLayer):
            continue
        style = layer.style
        shape = _swatch_kind(layer)
        field = style.category_field
        listed = style.kind == "graduated" or (
            style.kind == "categorised" and (field in VOCABULARIES or field in ("class", "hazard"))
        )
        if not listed:
            rows.append(("item", layer.title_th, style.fill, style.stroke, shape))
            continue
        rows.append(("heading", layer.title_th, None, None, shape))
        if style.kind == "categorised":
            present = {category_key(v) for v in layer.data[field].unique()} if field in layer.data else set()
            names_by_key = {}
            label_col = f"{field}_label"
            if label_col in layer.data.columns:
                pairs = layer.data[[field, label_col]].dropna().drop_duplicates(field)
                names_by_key = {category_key(k): str(v) for k, v in zip(pairs[field], pairs[label_col])}
            for (text, colour), (key, _c) in zip(legend_entries(style), style.categories):
                if key in present:
                    short = text.split(" / ")[0].split(" (")[0].strip() or text  # "งบพัฒนาจังหวัด"
                    rows.append(("item", names_by_key.get(key, short), colour, style.stroke, shape))
        else:
            rows += [("item", text, colour, style.stroke, shape) for text, colour in legend_entries(style)]
    return rows


def _paint_swatch(painter: QPainter, box: QRectF, fill: str | None, stroke: str | None, shape: str, units: Units) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(qcolor(stroke), units.mm(0.25)) if stroke else QPen(Qt.PenStyle.NoPen)
    painter.setPen(pen)
    painter.setBrush(QBrush(qcolor(fill)) if fill else QBrush())
    if shape == "point":
        r = min(box.width(), box.height()) * 0.38
        painter.drawEllipse(box.center(), r, r)
    elif shape == "line":
        painter.setPen(QPen(qcolor(stroke or fill or INK), units.mm(0.5)))
        painter.drawLine(QLineF(box.left(), box.center().y(), box.right(), box.center().y()))
    else:
        if shape == "raster":
            painter.setPen(QPen(QColor("#909090"), units.mm(0.1)))
        elif not fill and stroke:
            painter.setPen(QPen(qcolor(stroke), units.mm(0.45)))
        painter.drawRect(box.adjusted(units.mm(0.3), units.mm(0.3), -units.mm(0.3), -units.mm(0.3)))
    painter.restore()


def paint_legend(painter: QPainter, rect: QRectF, rows: list, units: Units, *, recorder: TextRecorder | None = None) -> None:
    """The legend in one or more columns; rows that do not fit end with "…"."""
    title_h = units.mm(5.5)
    draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), title_h), "คำอธิบายสัญลักษณ์",
              thai_font(9, bold=True), recorder=recorder)  # fmt: skip
    row_h = units.mm(3.9)
    top = rect.top() + title_h
    per_col = max(1, int((rect.bottom() - top) // row_h))
    n_cols = max(1, min(3, math.ceil(len(rows) / per_col), int(rect.width() // units.mm(42)) or 1))
    col_w = rect.width() / n_cols
    font = thai_font(7.2)
    bold = thai_font(7.2, bold=True)
    capacity = per_col * n_cols
    shown = rows if len(rows) <= capacity else rows[: capacity - 1] + [("item", "…", None, None, "none")]
    for i, (kind, text, fill, stroke, shape) in enumerate(shown):
        col, row = divmod(i, per_col)
        x = rect.left() + col * col_w
        y = top + row * row_h
        if kind == "heading":
            draw_text(painter, QRectF(x, y, col_w - units.mm(1), row_h), text, bold, recorder=recorder)
            continue
        indent = units.mm(1.5)
        if shape != "none":
            _paint_swatch(painter, QRectF(x + indent, y + units.mm(0.6), units.mm(6), row_h - units.mm(1.2)), fill,
                          stroke, shape, units)  # fmt: skip
        draw_text(painter, QRectF(x + indent + units.mm(7.5), y, col_w - indent - units.mm(8.5), row_h), text, font,
                  recorder=recorder)  # fmt: skip


# ----------------------------------------------------------------------------------------- overview
def paint_overview(painter: QPainter, rect: QRectF, renderer: MapRenderer, province: object, area: object,
                   map_extent: tuple[float, float, float, float], units: Units, *,
                   recorder: TextRecorder | None = None) -> None:
    """The province with the area in red and the main map's extent as a box."""
    caption_h = units.mm(4.5)
    draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), caption_h), "แผนที่แสดงที่ตั้ง",
              thai_font(8, bold=True), recorder=recorder)  # fmt: skip
    frame = QRectF(rect.left(), rect.top() + caption_h, rect.width(), rect.height() - caption_h)
    bounds = shapely.bounds(province) if province is not None else None
    if bounds is None or not np.isfinite(bounds).all():
        bounds = map_extent
    ctx = map_context(frame, bounds, units.dpi, renderer.layers.crs, padding=0.05)
    area_path = geometry_path(area)

    def mark(p: QPainter) -> None:
        p.save()
        p.setPen(QPen(QColor("#b2182b"), units.mm(0.2)))
        p.setBrush(QBrush(QColor(228, 26, 28, 170)))
        p.drawPath(area_path)
        minx, miny, maxx, maxy = map_extent
        pen = QPen(QColor("#67000d"), units.mm(0.3))
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(minx, miny, maxx - minx, maxy - miny))
        p.restore()

    paint_map(painter, frame, ctx, renderer, labels=False, after_layers=mark)
    painter.save()
    painter.setPen(QPen(QColor("#606060"), units.mm(0.2)))
    painter.setBrush(QBrush())
    painter.drawRect(frame)
    painter.restore()


# ------------------------------------------------------------------------------ header, footer, logo
def paint_logo(painter: QPainter, rect: QRectF, path: str) -> None:
    """An image (PNG/JPEG/SVG raster) fitted into a rectangle, keeping its aspect ratio."""
    image = QImage(str(path))
    if image.isNull():
        raise PrintError("อ่านไฟล์ตราสัญลักษณ์ไม่ได้", "cannot read the logo image", path=Path(path))
    scale = min(rect.width() / image.width(), rect.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    painter.drawImage(QRectF(rect.left(), rect.top() + (rect.height() - h) / 2.0, w, h), image)


def paint_header(painter: QPainter, rect: QRectF, title: str, subtitle: str, units: Units, *,
                 logo: str | None = None, font_scale: float = 1.0, recorder: TextRecorder | None = None) -> None:
    """Title (bold) and subtitle, centred, with an optional logo on the left; a rule underneath."""
    left = rect.left()
    if logo:
        side = rect.height() - units.mm(1)
        paint_logo(painter, QRectF(left, rect.top(), side, side), logo)
    pad = rect.height() if logo else 0.0
    inner = QRectF(rect.left() + pad, rect.top(), rect.width() - 2 * pad, rect.height())
    title_h = inner.height() * 0.58
    draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), title_h), title,
              thai_font(14.5 * font_scale, bold=True), align=ALIGN_CENTER, recorder=recorder)  # fmt: skip
    if subtitle:
        draw_text(painter, QRectF(inner.left(), inner.top() + title_h, inner.width(), inner.height() - title_h),
                  subtitle, thai_font(10 * font_scale), align=ALIGN_CENTER, color="#404040", recorder=recorder)  # fmt: skip
    painter.save()
    painter.setPen(QPen(QColor("#808080"), units.mm(0.25)))
    painter.drawLine(QLineF(rect.left(), rect.bottom(), rect.right(), rect.bottom()))
    painter.restore()


def paint_footer(painter: QPainter, rect: QRectF, lines: list[str], date_text: str, page_text: str, units: Units, *,
                 recorder: TextRecorder | None = None) -> None:
    """Source and provenance lines, then the date (left) and page number (right)."""
    painter.save()
    painter.setPen(QPen(QColor("#808080"), units.mm(0.2)))
    painter.drawLine(QLineF(rect.left(), rect.top(), rect.right(), rect.top()))
    painter.restore()
    font = thai_font(6.8)
    row = units.mm(3.6)
    y = rect.top() + units.mm(0.6)
    for text in lines[:2]:
        draw_text(painter, QRectF(rect.left(), y, rect.width(), row), text, font, color="#404040", recorder=recorder)
        y += row
    last = QRectF(rect.left(), y, rect.width(), row * 1.2)
    draw_text(painter, last, date_text, thai_font(7.5), recorder=recorder)
    if page_text:
        draw_text(painter, last, page_text, thai_font(7.5), align=ALIGN_RIGHT, recorder=recorder)
