"""Canvas overlays: selection highlight, measure line/polygon, rubber band, search highlight.

Each overlay is a QGraphicsObject in map coordinates (the map CRS, metres) added with
``MapCanvas.add_overlay(item, z)``. Pens are cosmetic (widths in pixels whatever the scale) and point
markers are drawn in device pixels, so overlays look the same at every zoom.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pyqtgraph as pg
import shapely
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from layers.render import paths_from_coords

#: Above this many points a highlight draws dots in one call instead of a ring per point.
MAX_RINGS = 2000

#: z values of the overlays (the layers use 0..n, labels 1e6).
Z_SELECTION = 2e6
Z_HIGHLIGHT = 2.5e6
Z_MEASURE = 3e6
Z_RUBBER_BAND = 4e6

SELECTION_COLOUR = "#ffd400"
HIGHLIGHT_COLOUR = "#e8175d"
MEASURE_COLOUR = "#d7191c"
RUBBER_BAND_COLOUR = "#1565c0"


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _translucent(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def _polygonf(xy: np.ndarray) -> QPolygonF:
    """A QPolygonF filled from an (n, 2) float64 array in one copy."""
    polygon = QPolygonF()
    polygon.resize(len(xy))
    buffer = shiboken6.VoidPtr(polygon.data(), len(xy) * 16, True)
    np.frombuffer(buffer, dtype=np.float64).reshape(-1, 2)[:] = np.ascontiguousarray(xy, dtype=np.float64)
    return polygon


def _starts(index: np.ndarray) -> np.ndarray:
    return np.r_[True, index[1:] != index[:-1]] if len(index) else np.empty(0, dtype=bool)


def geometry_paths(geoms: Iterable[object]) -> tuple[list[QPainterPath], list[QPainterPath], np.ndarray]:
    """Polygon paths, line paths and an (n, 2) array of point coordinates of projected geometries."""
    arr = np.asarray(list(geoms) if not isinstance(geoms, np.ndarray) else geoms, dtype=object)
    if not len(arr):
        return [], [], np.empty((0, 2))
    parts, owner = shapely.get_parts(arr, return_index=True)
    if not len(parts):
        return [], [], np.empty((0, 2))
    parts = parts[~shapely.is_empty(parts)]
    tid = shapely.get_type_id(parts)
    owner = np.arange(len(parts))  # one path per part is fine for a highlight
    polys = np.isin(tid, (3, 6))
    rings, ring_part = shapely.get_rings(parts[polys], return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    _ids, poly_paths = paths_from_coords(coords, _starts(ring_of), owner[polys][ring_part][ring_of])
    lines = np.isin(tid, (1, 2, 5))
    lcoords, line_of = shapely.get_coordinates(parts[lines], return_index=True)
    _ids, line_paths = paths_from_coords(lcoords, _starts(line_of), line_of, closed=False)
    points = shapely.get_coordinates(parts[np.isin(tid, (0, 4))])
    return poly_paths, line_paths, points


class MapOverlay(pg.GraphicsObject):
    """Base of the overlays: cached map-unit bounds plus a margin of a few pixels for pens and markers."""

    #: Pixels added around the bounds for strokes and point markers.
    MARGIN_PX = 12.0

    def __init__(self) -> None:
        super().__init__()
        self._bounds: QRectF = QRectF()

    def set_bounds(self, rect: QRectF) -> None:
        """Set what the overlay covers (map units) and schedule a repaint."""
        self.prepareGeometryChange()
        self._bounds = QRectF(rect)
        self.update()

    def _pixel(self) -> float:
        """Map units per screen pixel (1.0 before the item is in a view)."""
        try:
            length = self.pixelLength(pg.Point(1, 0))
        except (TypeError, AttributeError):  # not in a view yet
            length = None
        return float(length) if length else 1.0

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        """The covered map rectangle grown by MARGIN_PX pixels."""
        if self._bounds.isNull():
            return QRectF()
        m = self.MARGIN_PX * self._pixel()
        return self._bounds.adjusted(-m, -m, m, m)

    def viewTransformChanged(self) -> None:  # noqa: N802 (pyqtgraph naming)
        """The pixel margin changes with the scale."""
        super().viewTransformChanged()
        self.prepareGeometryChange()


class GeometryOverlay(MapOverlay):
    """Outlines (and translucent fills) of projected geometries, e.g. the selection or a found place."""

    def __init__(self, colour: str = SELECTION_COLOUR, *, width: float = 3.0, fill_alpha: int = 60) -> None:
        super().__init__()
        self.colour = colour
        self.width = width
        self.fill_alpha = fill_alpha
        self._polys: list[QPainterPath] = []
        self._lines: list[QPainterPath] = []
        self._points = np.empty((0, 2))

    def set_geometries(self, geoms: Iterable[object]) -> None:
        """Show these geometries (map CRS); an empty list hides the overlay's drawing."""
        arr = np.asarray(list(geoms) if not isinstance(geoms, np.ndarray) else geoms, dtype=object)
        if len(arr):
            arr = arr[~(shapely.is_missing(arr) | shapely.is_empty(arr))]
        self._polys, self._lines, self._points = geometry_paths(arr)
        if len(arr):
            minx, miny, maxx, maxy = shapely.total_bounds(arr)
            self.set_bounds(QRectF(minx, miny, max(maxx - minx, 1e-6), max(maxy - miny, 1e-6)))
        else:
            self.set_bounds(QRectF())

    def clear(self) -> None:
        """Show nothing."""
        self.set_geometries([])

    def is_empty(self) -> bool:
        """True when nothing is shown."""
        return not (self._polys or self._lines or len(self._points))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Outlines with a light fill, lines, and point rings in pixels."""
        if self.is_empty():
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        halo = _pen("#ffffff", self.width + 2.5)
        pen = _pen(self.colour, self.width)
        if self._polys:
            painter.setBrush(QBrush(_translucent(self.colour, self.fill_alpha)))
            for p in (halo, pen):
                painter.setPen(p)
                for path in self._polys:
                    painter.drawPath(path)
        if self._lines:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for p in (halo, pen):
                painter.setPen(p)
                for path in self._lines:
                    painter.drawPath(path)
        if len(self._points):
            t = painter.transform()
            painter.resetTransform()
            xy = self._points
            dx = t.m11() * xy[:, 0] + t.m21() * xy[:, 1] + t.dx()
            dy = t.m12() * xy[:, 0] + t.m22() * xy[:, 1] + t.dy()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            r = 4.0 + self.width
            if len(xy) <= MAX_RINGS:
                for p in (halo, pen):
                    painter.setPen(p)
                    for x, y in zip(dx.tolist(), dy.tolist()):
                        painter.drawEllipse(QPointF(x, y), r, r)
            else:  # many points: one drawPoints call per pen (round dots), never a Python loop per frame
                dots = _polygonf(np.column_stack([dx, dy]))
                for colour, size in (("#ffffff", 2 * r + 2.5), (self.colour, 2 * r)):
                    painter.setPen(_pen(colour, size))
                    painter.drawPoints(dots)
        painter.restore()


class RubberBand(MapOverlay):
    """A dashed rectangle drawn while dragging a zoom or select box."""

    def __init__(self, colour: str = RUBBER_BAND_COLOUR) -> None:
        super().__init__()
        self.colour = colour
        self.rect: QRectF | None = None
        self.setVisible(False)

    def set_rect(self, rect: QRectF | None) -> None:
        """Show a rectangle in map units, or hide the band with None."""
        self.rect = rect.normalized() if rect is not None else None
        self.setVisible(self.rect is not None)
        self.set_bounds(self.rect if self.rect is not None else QRectF())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """The dashed rectangle with a faint fill."""
        if self.rect is None:
            return
        painter.save()
        painter.setPen(_pen(self.colour, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(_translucent(self.colour, 40)))
        painter.drawRect(self.rect)
        painter.restore()


class MeasureOverlay(MapOverlay):
    """The measured line or polygon: placed vertices plus a live segment to the cursor."""

    def __init__(self, colour: str = MEASURE_COLOUR) -> None:
        super().__init__()
        self.colour = colour
        self.vertices: list[tuple[float, float]] = []
        self.cursor: tuple[float, float] | None = None
        self.closed = False

    def set_state(
        self, vertices: Sequence[tuple[float, float]], cursor: tuple[float, float] | None, *, closed: bool
    ) -> None:
        """Show the vertices (map units), an optional cursor position and whether it is an area."""
        self.vertices = [(float(x), float(y)) for x, y in vertices]
        self.cursor = cursor
        self.closed = closed
        pts = self._points()
        if pts:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            self.set_bounds(QRectF(min(xs), min(ys), max(max(xs) - min(xs), 1e-6), max(max(ys) - min(ys), 1e-6)))
        else:
            self.set_bounds(QRectF())

    def _points(self) -> list[tuple[float, float]]:
        return self.vertices + ([self.cursor] if self.cursor is not None else [])

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """The line (or polygon with a light fill) and a dot at each vertex."""
        pts = self._points()
        if not pts:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        polygon = QPolygonF([QPointF(x, y) for x, y in pts])
        pen = _pen(self.colour, 2.0)
        if self.closed and len(pts) >= 3:
            painter.setPen(pen)
            painter.setBrush(QBrush(_translucent(self.colour, 50)))
            painter.drawPolygon(polygon)
        else:
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(polygon)
        t = painter.transform()
        painter.resetTransform()
        painter.setPen(_pen("#ffffff", 1.5))
        painter.setBrush(QBrush(QColor(self.colour)))
        for x, y in self.vertices:
            painter.drawEllipse(t.map(QPointF(x, y)), 3.5, 3.5)
        painter.restore()
