"""The map canvas: a pyqtgraph ViewBox in the map's metric CRS with one item per layer (architecture §4).

Each layer item paints through the same ``layers.render`` renderer the print composer uses. The item keeps
a pixmap of its last render: repaints with an unchanged view just blit it, and while the view is moving
(drag, wheel) the stale pixmap is drawn transformed; the layers are rendered again once the view settles.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseDragEvent
from pyproj import Transformer
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from layers.model import LayerList, VectorLayer
from layers.render import LabelGrid, RenderContext, VectorRenderer, make_renderer

#: Background of the map (the sea and neighbouring countries show through it).
BACKGROUND = "#dce6ee"
#: Milliseconds without a range change after which the view counts as settled and is rendered again.
SETTLE_MS = 180


class CachedMapItem(pg.GraphicsObject):
    """A canvas item that renders into a viewport-sized pixmap and reuses it (paint() only draws).

    Subclasses implement ``draw(painter, ctx)`` and ``map_bounds()``, and call ``invalidate()`` when what
    they draw changes.
    """

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__()
        self._canvas = canvas
        self._rect: QRectF | None = None
        self._pixmap: QPixmap | None = None
        self._pixmap_transform: QTransform | None = None
        self._pixmap_key: tuple | None = None
        self._generation = 0
        #: How many times the item was rendered into its pixmap (tests and benchmarks read it).
        self.render_count = 0

    def draw(self, painter: QPainter, ctx: RenderContext) -> None:
        """Paint onto a painter whose world transform maps the map CRS to device pixels."""
        raise NotImplementedError

    def map_bounds(self) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of what the item draws, in the map CRS."""
        raise NotImplementedError

    def invalidate(self) -> None:
        """Drop the cached pixmap and bounds and schedule a repaint."""
        self._generation += 1
        self._rect = None
        self.prepareGeometryChange()
        self.update()

    def release(self) -> None:
        """Free the cached pixmap (e.g. while hidden)."""
        self._pixmap = None

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        """The extent in map units with a margin for strokes, symbols and labels."""
        if self._rect is None:
            bounds = self.map_bounds()
            if bounds is None:
                self._rect = QRectF()
            else:
                minx, miny, maxx, maxy = bounds
                margin = max(maxx - minx, maxy - miny, 2000.0) * 0.1
                self._rect = QRectF(minx - margin, miny - margin, maxx - minx + 2 * margin, maxy - miny + 2 * margin)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Blit the cached pixmap, draw it transformed while the view moves, or render a new one."""
        transform = painter.transform()
        if widget is None:  # exporters and QGraphicsScene.render(): draw straight onto the target
            device = painter.device()
            self.draw(painter, self._context(transform, device.width(), device.height(), 1.0))
            return
        width, height = widget.width(), widget.height()
        dpr = widget.devicePixelRatioF()
        key = (self._generation, width, height, dpr)
        cached = self._pixmap is not None and self._pixmap_key == key
        if cached and self._pixmap_transform == transform:
            self._blit(painter, QTransform())
            return
        if cached and self._canvas.moving:
            inverse, ok = self._pixmap_transform.inverted()
            if ok:
                self._blit(painter, inverse * transform)
                return
        self._render(transform, width, height, dpr, key)
        self._blit(painter, QTransform())

    def _context(self, transform: QTransform, width: int, height: int, dpr: float) -> RenderContext:
        inverse, _ok = transform.inverted()
        box = inverse.mapRect(QRectF(0.0, 0.0, float(width), float(height)))
        extent = (box.left(), box.top(), box.right(), box.bottom())
        return RenderContext(extent, int(width), int(height), crs=self._canvas.crs, device_pixel_ratio=dpr)

    def _render(self, transform: QTransform, width: int, height: int, dpr: float, key: tuple) -> None:
        pixmap = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            painter.setTransform(transform)
            self.draw(painter, self._context(transform, width, height, dpr))
        finally:
            painter.end()
        self._pixmap, self._pixmap_transform, self._pixmap_key = pixmap, QTransform(transform), key
        self.render_count += 1

    def _blit(self, painter: QPainter, device_transform: QTransform) -> None:
        painter.save()
        painter.setTransform(device_transform)
        if not device_transform.isIdentity():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawPixmap(QPointF(0.0, 0.0), self._pixmap)
        painter.restore()


class LayerItem(CachedMapItem):
    """One layer's features, drawn by the layer's renderer from ``layers.render``."""

    def __init__(self, layer: VectorLayer, renderer: VectorRenderer, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self.layer = layer
        self.renderer = renderer
        renderer.changed.connect(self.invalidate)
        layer.events.visible.connect(self._on_visible_change)
        self.setVisible(layer.visible)

    def close(self) -> None:
        """Disconnect from the layer and the renderer and free the cache."""
        self.renderer.changed.disconnect(self.invalidate)
        self.layer.events.visible.disconnect(self._on_visible_change)
        self.renderer.close()
        self.release()

    def _on_visible_change(self, visible: bool) -> None:
        self.setVisible(visible)
        if not visible:
            self.release()  # hidden layers hold no pixmap

    def map_bounds(self) -> tuple[float, float, float, float] | None:
        """The layer's extent in the map CRS."""
        return self.renderer.bounds()

    def draw(self, painter: QPainter, ctx: RenderContext) -> None:
        """The layer's features (labels are drawn by the LabelsItem above all layers)."""
        self.renderer.paint(painter, ctx, labels=False)


class LabelsItem(CachedMapItem):
    """The labels of every layer, above all layers, placed top layer first without overlaps."""

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self.layer_items: list[LayerItem] = []  # bottom first

    def map_bounds(self) -> tuple[float, float, float, float] | None:
        """The union of the layers' extents."""
        boxes = [b for b in (item.map_bounds() for item in self.layer_items) if b is not None]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)
        )

    def draw(self, painter: QPainter, ctx: RenderContext) -> None:
        """Labels of the visible layers, sharing one collision grid."""
        grid = LabelGrid(ctx.width, ctx.height)
        for item in reversed(self.layer_items):
            item.renderer.paint_labels(painter, ctx, grid)


#: Model type -> canvas item type (napari's layer_to_visual); a new layer type adds one entry.
ITEMS: dict[type, type] = {VectorLayer: LayerItem}


def make_item(layer: VectorLayer, crs: str, canvas: MapCanvas) -> LayerItem:
    """The canvas item registered for a layer's type, with its renderer."""
    for cls in type(layer).__mro__:
        if cls in ITEMS:
            return ITEMS[cls](layer, make_renderer(layer, crs), canvas)
    raise TypeError(f"no canvas item for {type(layer).__name__}")


class MapViewBox(pg.ViewBox):
    """A ViewBox with locked aspect that pans with setRange (translateBy drifts in scale, §10)."""

    def __init__(self) -> None:
        super().__init__(lockAspect=1.0, enableMenu=False, invertY=False, defaultPadding=0.02)
        self.setMouseMode(pg.ViewBox.PanMode)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) map units keeping the scale exactly."""
        self.setRange(self.viewRect().translated(dx, dy), padding=0.0)

    def mouseDragEvent(self, ev: MouseDragEvent, axis: int | None = None) -> None:  # noqa: N802 (pyqtgraph)
        """Left/middle drag pans (through setRange); other buttons keep pyqtgraph's behaviour."""
        buttons = (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton)
        if ev.button() in buttons and axis is None and self.state["mouseMode"] == pg.ViewBox.PanMode:
            ev.accept()
            delta = self.mapToView(ev.lastPos()) - self.mapToView(ev.pos())
            self.pan_by(delta.x(), delta.y())
            self.sigRangeChangedManually.emit(self.state["mouseEnabled"])
            return
        super().mouseDragEvent(ev, axis)


class MapCanvas(pg.GraphicsView):
    """The map view: layers in the map's metric CRS, wheel zoom, drag pan, cursor position in lon/lat."""

    #: Emitted with (lon, lat) in degrees when the cursor moves over the map.
    cursorMoved = Signal(float, float)
    #: Emitted with the scale denominator N (of 1:N) when the view range changes.
    scaleChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=BACKGROUND)
        self.view = MapViewBox()
        self.setCentralItem(self.view)
        self.layers: LayerList | None = None
        self._items: dict[str, LayerItem] = {}
        self.labels_item = LabelsItem(self)
        self.labels_item.setZValue(1e6)
        self.view.addItem(self.labels_item, ignoreBounds=True)
        self._to_lonlat: Transformer | None = None
        #: True from a range change until SETTLE_MS pass without another one.
        self.moving = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.settle)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.view.sigRangeChanged.connect(self._on_range_changed)

    # -- layers
    def set_layers(self, layers: LayerList | None) -> None:
        """Show a layer list (or nothing) and zoom to its full extent."""
        self.clear_layers()
        self.layers = layers
        if layers is None:
            return
        self._to_lonlat = Transformer.from_crs(layers.crs, "EPSG:4326", always_xy=True)
        for layer in layers:
            self._add_item(layer)
        layers.events.inserted.connect(self._on_inserted)
        layers.events.removed.connect(self._on_removed)
        layers.events.crs.connect(self._on_crs_change)
        self.full_extent()

    def clear_layers(self) -> None:
        """Remove every layer item and stop listening to the layer list."""
        if self.layers is not None:
            self.layers.events.inserted.disconnect(self._on_inserted)
            self.layers.events.removed.disconnect(self._on_removed)
            self.layers.events.crs.disconnect(self._on_crs_change)
        for name in list(self._items):
            self._remove_item(name)
        self.layers = None
        self._to_lonlat = None
        self._restack()

    @property
    def crs(self) -> str:
        """The map CRS of the shown layers (EPSG:32647 when there are none)."""
        return self.layers.crs if self.layers is not None else "EPSG:32647"

    def _add_item(self, layer: VectorLayer) -> None:
        item = make_item(layer, self.layers.crs, self)
        self._items[layer.name] = item
        self.view.addItem(item, ignoreBounds=True)
        item.renderer.changed.connect(self.labels_item.invalidate)
        layer.events.visible.connect(self._on_visible_change)
        self._restack()

    def _restack(self) -> None:
        names = self.layers.names() if self.layers is not None else []
        stack = [self._items[name] for name in names if name in self._items]
        for z, item in enumerate(stack):
            item.setZValue(z)
        self.labels_item.layer_items = stack
        self.labels_item.invalidate()

    def _on_visible_change(self, _visible: bool) -> None:
        self.labels_item.invalidate()

    def _remove_item(self, name: str) -> None:
        item = self._items.pop(name)
        item.renderer.changed.disconnect(self.labels_item.invalidate)
        item.layer.events.visible.disconnect(self._on_visible_change)
        self.view.removeItem(item)
        item.close()

    def _on_inserted(self, _index: int, layer: VectorLayer) -> None:
        self._add_item(layer)

    def _on_removed(self, _index: int, layer: VectorLayer) -> None:
        self._remove_item(layer.name)
        self._restack()

    def _on_crs_change(self, crs: str) -> None:
        self._to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        for item in self._items.values():
            item.renderer.crs = crs  # the renderer rebuilds its geometry and tells the item
        self.full_extent()

    def layer_item(self, name: str) -> LayerItem:
        """The canvas item of a layer."""
        return self._items[name]

    # -- navigation
    def full_extent(self) -> None:
        """Zoom to all layers."""
        extent = self.layers.extent() if self.layers is not None else None
        if extent is None:
            return
        minx, miny, maxx, maxy = extent
        self.view.setRange(QRectF(minx, miny, maxx - minx, maxy - miny), padding=0.03)

    def _on_range_changed(self, *_args: object) -> None:
        self.moving = True
        self._settle.start()
        self.scaleChanged.emit(self.scale_denominator())

    def settle(self) -> None:
        """End the moving state now and render every layer for the current view."""
        self._settle.stop()
        self.moving = False
        for item in (*self._items.values(), self.labels_item):
            item.update()

    def scale_denominator(self) -> float:
        """N of the scale 1:N on this screen (metres per pixel x logical dpi / 0.0254)."""
        width_px = self.view.width()
        if width_px <= 0:
            return math.nan
        return self.view.viewRect().width() / width_px * self.logicalDpiX() / 0.0254

    # -- coordinates
    def map_to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """Map CRS (metres) -> (lon, lat) in degrees."""
        if self._to_lonlat is None:
            return (math.nan, math.nan)
        lon, lat = self._to_lonlat.transform(x, y)
        return (float(lon), float(lat))

    def widget_to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        """Widget pixel position -> (lon, lat) in degrees."""
        point = self.view.mapSceneToView(self.mapToScene(round(x), round(y)))
        return self.map_to_lonlat(point.x(), point.y())

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._to_lonlat is None or not self.view.sceneBoundingRect().contains(scene_pos):
            return
        point = self.view.mapSceneToView(scene_pos)
        lon, lat = self.map_to_lonlat(point.x(), point.y())
        if math.isfinite(lon) and math.isfinite(lat):
            self.cursorMoved.emit(lon, lat)
