"""Rasters and offline basemaps on the map canvas (installed into the main window by ui.extensions).

- Canvas items for RasterLayer and BasemapLayer are registered in ``ui.map_canvas.ITEMS``. They are
  CachedMapItems: while the view moves they draw their last image transformed, and once the view has been
  still for the canvas's settle delay they read the raster again for the new view (one decimated read).
- When a workspace opens, its registered hazard rasters become layers of the พื้นที่เสี่ยงภัย group, drawn
  above the filled tambons but below the outlines, hazard zones and projects.
- Layer menu: "เพิ่มแผนที่ฐาน (MBTiles/โฟลเดอร์ XYZ)…" adds a local basemap at the bottom.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from areaplan.errors import AreaPlanError
from layers.basemap import BasemapError, BasemapLayer
from layers.model import GROUP_BOUNDARIES, LayerList
from layers.raster import RasterError, RasterLayer
from ui.map_canvas import ITEMS, LayerItem

#: Layers a raster is drawn above (the filled boundary layers), when present.
_FILLED_BELOW = ("tambon",)


class RasterItem(LayerItem):
    """A raster or basemap on the canvas: the renderer reads and colours, the item caches and blits."""


ITEMS[RasterLayer] = RasterItem
ITEMS[BasemapLayer] = RasterItem


def raster_layers(workspace: Any) -> list[RasterLayer]:
    """A layer per registered raster of a workspace (none when it has no ``rasters()``)."""
    records = workspace.rasters() if hasattr(workspace, "rasters") else []
    out = []
    for rec in records:
        kind = rec.get("kind") or "depth"
        nodata = rec.get("nodata")
        out.append(
            RasterLayer(
                str(rec["name"]), str(rec["gdal_path"]), kind=kind if kind in ("depth", "frequency", "class") else "depth",
                nodata=None if nodata is None else float(nodata),
            )
        )  # fmt: skip
    return out


def raster_index(layers: LayerList) -> int:
    """Where rasters go: above the filled boundary layers, below outlines, hazard zones and projects."""
    names = layers.names()
    filled = [i for i, name in enumerate(names) if name in _FILLED_BELOW]
    if filled:
        return filled[-1] + 1
    later = [i for i, layer in enumerate(layers) if layer.group != GROUP_BOUNDARIES]
    return later[0] if later else len(names)


def _refresh_tree(window: Any, layers: LayerList, names: list[str]) -> None:
    """Show new layers in a layer tree that does not follow insertions itself."""
    tree = getattr(window, "layer_tree", None)
    if tree is None or not hasattr(tree, "layer_item"):
        return
    missing = False
    for name in names:
        try:
            tree.layer_item(name)
        except KeyError:
            missing = True
    if missing:
        tree.set_layers(layers)


class RasterView:
    """The raster feature of one main window."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self._opened: list[Any] = []  # raster and basemap layers this feature created (closed on change)
        window.workspaceChanged.connect(self.on_workspace_changed)
        self.action_add_basemap = QAction(
            QCoreApplication.translate("RasterView", "เพิ่มแผนที่ฐาน (MBTiles/โฟลเดอร์ XYZ)…"), window
        )
        self.action_add_basemap.setObjectName("actionAddBasemap")
        self.action_add_basemap.triggered.connect(self.ask_basemap)
        window.menu_layer.addAction(self.action_add_basemap)

    def _forget_closed(self) -> None:
        layers = self.window.layers
        keep = []
        for layer in self._opened:
            if layers is not None and layer.name in layers and layers[layer.name] is layer:
                keep.append(layer)
            else:
                layer.close()
        self._opened = keep

    def on_workspace_changed(self) -> None:
        """Add the workspace's rasters to a newly shown layer list (once)."""
        self._forget_closed()
        layers, workspace = self.window.layers, self.window.workspace
        if layers is None or workspace is None:
            return
        try:
            new = [layer for layer in raster_layers(workspace) if layer.name not in layers]
        except (AreaPlanError, OSError) as exc:
            self.window.statusBar().showMessage(str(exc), 10000)
            return
        index = raster_index(layers)
        for layer in new:
            layers.insert(index, layer)
            self._opened.append(layer)
        _refresh_tree(self.window, layers, [layer.name for layer in new])

    def add_basemap(self, source: str | Path) -> BasemapLayer:
        """Add a local basemap (MBTiles file or XYZ folder) at the bottom of the map."""
        layers = self.window.layers
        if layers is None:
            raise BasemapError("เปิดพื้นที่ทำงานก่อนเพิ่มแผนที่ฐาน", "open a workspace before adding a basemap")
        name, n = "basemap", 1
        while name in layers:
            n += 1
            name = f"basemap_{n}"
        layer = BasemapLayer(source, name=name)
        layers.insert(0, layer)
        self._opened.append(layer)
        _refresh_tree(self.window, layers, [name])
        return layer

    def ask_basemap(self) -> None:
        """Ask for an MBTiles file (or any tile inside an XYZ folder) and add it."""
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("RasterView", "เพิ่มแผนที่ฐาน"),
            "",
            QCoreApplication.translate(
                "RasterView", "MBTiles (*.mbtiles);;ไทล์ในโฟลเดอร์ XYZ {z}/{x}/{y} (*.png *.jpg *.jpeg *.webp)"
            ),
        )
        if not path:
            return
        source = Path(path)
        if source.suffix.lower() != ".mbtiles":  # a tile picked inside z/x/y.png: the folder three levels up
            source = xyz_root(source)
        try:
            self.add_basemap(source)
        except (AreaPlanError, OSError) as exc:
            QMessageBox.critical(self.window, QCoreApplication.translate("RasterView", "เพิ่มแผนที่ฐานไม่ได้"), str(exc))


def xyz_root(tile: Path) -> Path:
    """The root of an XYZ folder from one of its tiles ({root}/{z}/{x}/{y}.png), else the tile's folder."""
    y, x, z = tile, tile.parent, tile.parent.parent
    if y.stem.isdigit() and x.name.isdigit() and z.name.isdigit():
        return z.parent
    return tile.parent


def install(window: Any) -> RasterView:
    """Add the raster feature to a main window."""
    view = RasterView(window)
    window.raster_view = view
    return view


__all__ = ["RasterError", "RasterItem", "RasterView", "install", "raster_index", "raster_layers", "xyz_root"]
