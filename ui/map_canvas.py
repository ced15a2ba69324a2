"""The map canvas: a pyqtgraph ViewBox in the map's metric CRS with one item per layer (architecture §4).

Each layer item paints through the same ``layers.render`` renderer the print composer uses. The item keeps
a pixmap of its last render: repaints with an unchanged view just blit it, and while the view is moving
(drag, wheel) the stale pixmap is drawn transformed; the layers are rendered again once the view settles.

Interaction goes through one current *tool* (``MapTool``): pan (the default) and zoom box live here, other
features register theirs (identify, select, measure in ui/map_tools.py) with ``register_tool``. The wheel
zooms and the middle button pans whatever the tool. Settled extents form a previous/next history.
Other features draw on the map with ``add_overlay(item, z)`` (see ui/overlays.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent, MouseDragEvent
from pyproj import Transformer
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from layers.model import LayerList, VectorLayer
from layers.render import LabelGrid, RenderContext, VectorRenderer, make_renderer
from ui.overlays import Z_RUBBER_BAND, RubberBand

#: Background of the map (the sea and neighbouring countries show through it).
BACKGROUND = "#dce6ee"
#: Milliseconds without a range change after which the view counts as settled and is rendered again.
SETTLE_MS = 180
#: How many extents the previous/next history keeps.
HISTORY_SIZE = 50
#: Smallest extent (map units, metres) zoom_to_bounds shows, so a point or a tiny feature is not a blur.
MIN_ZOOM_SIZE = 200.0


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


# ------------------------------------------------------------------------------------------ tools
@dataclass(frozen=True)
class ToolEvent:
    """A mouse event for a tool: position in map units (the map CRS) and in widget pixels."""

    x: float
    y: float
    button: Qt.MouseButton
    modifiers: Qt.KeyboardModifier
    double: bool = False

    @property
    def shift(self) -> bool:
        """Shift was held (e.g. add to the selection)."""
        return bool(self.modifiers & Qt.KeyboardModifier.ShiftModifier)


class MapTool:
    """One interaction mode of the canvas; subclasses override the handlers they need.

    A tool with ``drags_box`` gets the left-button drag as a rectangle (``box_changed``/``box_finished``);
    otherwise the left drag pans. Clicks go to ``click``; cursor moves to ``hover``; Escape to ``cancel``.
    """

    #: Stable name used by set_tool() and the actions.
    name = "tool"
    #: Thai title for actions and tooltips; mark it QT_TRANSLATE_NOOP("MapTools", ...) (MapTools translates it).
    title = ""
    cursor = Qt.CursorShape.ArrowCursor
    drags_box = False

    def __init__(self, canvas: MapCanvas) -> None:
        self.canvas = canvas

    def activate(self) -> None:
        """The tool became current."""

    def deactivate(self) -> None:
        """Another tool became current: drop any half-finished state and overlays."""
        self.cancel()

    def click(self, event: ToolEvent) -> None:
        """A click (or a double click, with ``event.double``) at a map position."""

    def hover(self, x: float, y: float) -> None:
        """The cursor moved over the map (map units)."""

    def box_changed(self, rect: QRectF, event: ToolEvent) -> None:
        """A left drag is in progress (rect in map units, normalised)."""
        self.canvas.rubber_band.set_rect(rect)

    def box_finished(self, rect: QRectF, event: ToolEvent) -> None:
        """The left drag ended."""
        self.canvas.rubber_band.set_rect(None)

    def cancel(self) -> None:
        """Escape: forget what is in progress."""
        self.canvas.rubber_band.set_rect(None)


class PanTool(MapTool):
    """Drag to pan (the default tool)."""

    name = "pan"
    title = QT_TRANSLATE_NOOP("MapTools", "เลื่อนแผนที่")
    cursor = Qt.CursorShape.OpenHandCursor


class ZoomBoxTool(MapTool):
    """Drag a box to zoom to it; a click zooms in twice around the point (Shift: out)."""

    name = "zoom_box"
    title = QT_TRANSLATE_NOOP("MapTools", "ขยายด้วยกรอบ")
    cursor = Qt.CursorShape.CrossCursor
    drags_box = True

    def box_finished(self, rect: QRectF, event: ToolEvent) -> None:
        """Zoom to the box (a box of a few pixels counts as a click)."""
        super().box_finished(rect, event)
        upp = self.canvas.units_per_pixel()
        if rect.width() < 4 * upp or rect.height() < 4 * upp:
            self.click(event)
            return
        self.canvas.set_extent(rect.left(), rect.top(), rect.right(), rect.bottom())

    def click(self, event: ToolEvent) -> None:
        """Zoom in (out with Shift) by 2 around the clicked point."""
        if event.button != Qt.MouseButton.LeftButton or event.double:
            return
        self.canvas.zoom_at(event.x, event.y, 2.0 if event.shift else 0.5)


class MapViewBox(pg.ViewBox):
    """A ViewBox with locked aspect that pans with setRange (translateBy drifts in scale, §10).

    Mouse clicks and left drags go to the current tool (``self.tool``); middle drag always pans.
    """

    def __init__(self) -> None:
        super().__init__(lockAspect=1.0, enableMenu=False, invertY=False, defaultPadding=0.02)
        self.setMouseMode(pg.ViewBox.PanMode)
        self.tool: MapTool | None = None

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) map units keeping the scale exactly."""
        self.setRange(self.viewRect().translated(dx, dy), padding=0.0)

    def _tool_event(self, ev: MouseClickEvent | MouseDragEvent, *, double: bool = False) -> ToolEvent:
        p = self.mapSceneToView(ev.scenePos())
        return ToolEvent(float(p.x()), float(p.y()), ev.button(), ev.modifiers(), double)

    def mouseClickEvent(self, ev: MouseClickEvent) -> None:  # noqa: N802 (pyqtgraph)
        """Clicks go to the current tool."""
        if self.tool is not None and ev.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            ev.accept()
            self.tool.click(self._tool_event(ev, double=ev.double()))
            return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev: MouseDragEvent, axis: int | None = None) -> None:  # noqa: N802 (pyqtgraph)
        """Left drag: the tool's box or a pan; middle drag pans (through setRange)."""
        tool = self.tool
        if ev.button() == Qt.MouseButton.LeftButton and axis is None and tool is not None and tool.drags_box:
            ev.accept()
            start = self.mapSceneToView(ev.buttonDownScenePos())
            end = self.mapSceneToView(ev.scenePos())
            rect = QRectF(start, end).normalized()
            if ev.isFinish():
                tool.box_finished(rect, self._tool_event(ev))
            else:
                tool.box_changed(rect, self._tool_event(ev))
            return
        buttons = (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton)
        if ev.button() in buttons and axis is None and self.state["mouseMode"] == pg.ViewBox.PanMode:
            ev.accept()
            delta = self.mapToView(ev.lastPos()) - self.mapToView(ev.pos())
            self.pan_by(delta.x(), delta.y())
            self.sigRangeChangedManually.emit(self.state["mouseEnabled"])
            return
        super().mouseDragEvent(ev, axis)


class MapCanvas(pg.GraphicsView):
    """The map view: layers in the map's metric CRS, tools, wheel zoom, extent history, overlays."""

    #: Emitted with (lon, lat) in degrees when the cursor moves over the map.
    cursorMoved = Signal(float, float)
    #: Emitted with (x, y) in the map CRS when the cursor moves over the map.
    mapCursorMoved = Signal(float, float)
    #: Emitted with the scale denominator N (of 1:N) when the view range changes.
    scaleChanged = Signal(float)
    #: Emitted with the name of the new current tool.
    toolChanged = Signal(str)
    #: Emitted when the extent history or its position changed.
    historyChanged = Signal()

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

        self.rubber_band = RubberBand()
        self.add_overlay(self.rubber_band, Z_RUBBER_BAND)
        self.tools: dict[str, MapTool] = {}
        self._tool: MapTool | None = None
        self.register_tool(PanTool(self))
        self.register_tool(ZoomBoxTool(self))
        self.set_tool("pan")

        self._history: list[QRectF] = []
        self._history_index = -1
        self._navigating = False
        self.action_previous_extent = QAction(self.tr("ย้อนกลับ"), self)
        self.action_previous_extent.setToolTip(self.tr("ขอบเขตแผนที่ก่อนหน้า (Alt+←)"))
        self.action_previous_extent.setShortcut(QKeySequence("Alt+Left"))
        self.action_previous_extent.triggered.connect(self.previous_extent)
        self.action_next_extent = QAction(self.tr("ถัดไป"), self)
        self.action_next_extent.setToolTip(self.tr("ขอบเขตแผนที่ถัดไป (Alt+→)"))
        self.action_next_extent.setShortcut(QKeySequence("Alt+Right"))
        self.action_next_extent.triggered.connect(self.next_extent)
        self.addActions([self.action_previous_extent, self.action_next_extent])
        self._update_history_actions()

    # -- tools
    def register_tool(self, tool: MapTool) -> None:
        """Make a tool available to set_tool() under its name (replacing one of the same name)."""
        self.tools[tool.name] = tool

    @property
    def tool(self) -> MapTool | None:
        """The current tool."""
        return self._tool

    def set_tool(self, name: str) -> None:
        """Make a registered tool current (KeyError for an unknown name)."""
        tool = self.tools[name]
        if tool is self._tool:
            return
        if self._tool is not None:
            self._tool.deactivate()
        self._tool = tool
        self.view.tool = tool
        self.viewport().setCursor(tool.cursor)
        tool.activate()
        self.toolChanged.emit(name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        """Escape cancels what the current tool is doing."""
        if event.key() == Qt.Key.Key_Escape and self._tool is not None:
            self._tool.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- overlays
    def add_overlay(self, item: QGraphicsItem, z: float) -> None:
        """Draw an item above the layers (map CRS coordinates); it stays across workspaces."""
        item.setZValue(z)
        self.view.addItem(item, ignoreBounds=True)

    def remove_overlay(self, item: QGraphicsItem) -> None:
        """Take an overlay off the map."""
        self.view.removeItem(item)

    # -- layers
    def set_layers(self, layers: LayerList | None) -> None:
        """Show a layer list (or nothing) and zoom to its full extent."""
        self.clear_layers()
        self.layers = layers
        self._history.clear()
        self._history_index = -1
        self._update_history_actions()
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

    def extent(self) -> tuple[float, float, float, float]:
        """The shown extent (minx, miny, maxx, maxy) in the map CRS."""
        r = self.view.viewRect()
        return (r.left(), r.top(), r.right(), r.bottom())

    def set_extent(self, minx: float, miny: float, maxx: float, maxy: float, *, padding: float = 0.0) -> None:
        """Show at least this rectangle of the map CRS (grown to the window's aspect), plus a padding fraction."""
        rect = QRectF(QPointF(minx, miny), QPointF(maxx, maxy)).normalized()
        if rect.width() <= 0 or rect.height() <= 0 or not all(map(math.isfinite, (minx, miny, maxx, maxy))):
            raise ValueError(f"an extent needs a positive width and height, got {(minx, miny, maxx, maxy)}")
        self.view.setRange(rect, padding=padding)

    def zoom_to_bounds(
        self, minx: float, miny: float, maxx: float, maxy: float, crs: str = "EPSG:4326", *, margin: float = 0.1
    ) -> None:
        """Show bounds given in any CRS (degrees by default) with a margin fraction on each side."""
        if crs != self.crs:
            minx, miny, maxx, maxy = Transformer.from_crs(crs, self.crs, always_xy=True).transform_bounds(
                minx, miny, maxx, maxy
            )
        cx, cy = (minx + maxx) / 2.0, (miny + maxy) / 2.0
        half_w = max(maxx - minx, MIN_ZOOM_SIZE) / 2.0
        half_h = max(maxy - miny, MIN_ZOOM_SIZE) / 2.0
        self.set_extent(cx - half_w, cy - half_h, cx + half_w, cy + half_h, padding=margin)

    def zoom_at(self, x: float, y: float, factor: float) -> None:
        """Scale the view by ``factor`` (< 1 zooms in) keeping the map point (x, y) under the same pixel."""
        r = self.view.viewRect()
        left = x - (x - r.left()) * factor
        top = y - (y - r.top()) * factor
        self.view.setRange(QRectF(left, top, r.width() * factor, r.height() * factor), padding=0.0)

    def units_per_pixel(self) -> float:
        """Map units (metres) per screen pixel along x."""
        width_px = self.view.width()
        return self.view.viewRect().width() / width_px if width_px > 0 else math.nan

    def _on_range_changed(self, *_args: object) -> None:
        self.moving = True
        self._settle.start()
        self.scaleChanged.emit(self.scale_denominator())

    def settle(self) -> None:
        """End the moving state now, record the extent in the history and render the layers for it."""
        self._settle.stop()
        self.moving = False
        self._record_extent()
        for item in (*self._items.values(), self.labels_item):
            item.update()

    # -- extent history
    def _record_extent(self) -> None:
        if self.layers is None:
            return
        rect = QRectF(self.view.viewRect())
        if self._navigating:
            self._navigating = False
            if 0 <= self._history_index < len(self._history):
                self._history[self._history_index] = rect  # the same extent as the window resolved it
            return
        if 0 <= self._history_index < len(self._history) and _same_rect(self._history[self._history_index], rect):
            return
        del self._history[self._history_index + 1 :]
        self._history.append(rect)
        del self._history[:-HISTORY_SIZE]
        self._history_index = len(self._history) - 1
        self._update_history_actions()

    def _go_to_history(self, index: int) -> None:
        if not 0 <= index < len(self._history):
            return
        self._history_index = index
        self._navigating = True
        self.view.setRange(self._history[index], padding=0.0)
        self._update_history_actions()

    def previous_extent(self) -> None:
        """Go back to the previous settled extent (Alt+Left)."""
        self._go_to_history(self._history_index - 1)

    def next_extent(self) -> None:
        """Go forward again after previous_extent (Alt+Right)."""
        self._go_to_history(self._history_index + 1)

    def history(self) -> tuple[list[QRectF], int]:
        """The recorded extents and the position of the current one."""
        return list(self._history), self._history_index

    def _update_history_actions(self) -> None:
        self.action_previous_extent.setEnabled(self._history_index > 0)
        self.action_next_extent.setEnabled(0 <= self._history_index < len(self._history) - 1)
        self.historyChanged.emit()

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

    def widget_to_map(self, x: float, y: float) -> tuple[float, float]:
        """Widget pixel position -> map CRS coordinates."""
        point = self.view.mapSceneToView(self.mapToScene(round(x), round(y)))
        return (float(point.x()), float(point.y()))

    def map_to_widget(self, x: float, y: float) -> QPointF:
        """Map CRS coordinates -> widget pixel position."""
        return QPointF(self.mapFromScene(self.view.mapViewToScene(QPointF(x, y))))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._to_lonlat is None or not self.view.sceneBoundingRect().contains(scene_pos):
            return
        point = self.view.mapSceneToView(scene_pos)
        x, y = float(point.x()), float(point.y())
        self.mapCursorMoved.emit(x, y)
        if self._tool is not None:
            self._tool.hover(x, y)
        lon, lat = self.map_to_lonlat(x, y)
        if math.isfinite(lon) and math.isfinite(lat):
            self.cursorMoved.emit(lon, lat)


def _same_rect(a: QRectF, b: QRectF) -> bool:
    """Two extents equal to a millionth of their size."""
    tol = 1e-6 * max(a.width(), a.height(), b.width(), b.height(), 1.0)
    return all(abs(u - v) <= tol for u, v in zip((a.left(), a.top(), a.right(), a.bottom()),
                                                   (b.left(), b.top(), b.right(), b.bottom())))
