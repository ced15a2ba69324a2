"""What an annex is printed from: the map's layers, the boundary and project tables, workspace metadata.

``PrintSource.from_workspace`` reads a workspace the way the desktop app shows it (vector layers, registered
flood rasters above the filled tambons, the styles saved in ``layer_styles``); ``PrintSource.from_layers``
takes the layers a window shows. ``snapshot_layers`` copies a LayerList so a worker thread can print while
the user keeps working on the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from areaplan.atlas_areas import LEVELS, Area, area_table, project_area_codes
from layers.model import GROUP_BOUNDARIES, LayerList, VectorLayer, layers_from_workspace
from layers.style import apply_layer_state, parse_layer_state

#: Layers a raster is drawn above (the filled boundary layers), as in the desktop app.
_FILLED_BELOW = ("tambon",)


def _raster_layers(workspace: Any) -> list:
    from layers.raster import RasterLayer

    out = []
    for rec in workspace.rasters() if hasattr(workspace, "rasters") else []:
        kind = rec.get("kind") or "depth"
        nodata = rec.get("nodata")
        out.append(RasterLayer(
            str(rec["name"]), str(rec["gdal_path"]), kind=kind if kind in ("depth", "frequency", "class") else "depth",
            nodata=None if nodata is None or pd.isna(nodata) else float(nodata),
        ))  # fmt: skip
    return out


def _raster_index(layers: LayerList) -> int:
    names = layers.names()
    filled = [i for i, name in enumerate(names) if name in _FILLED_BELOW]
    if filled:
        return filled[-1] + 1
    later = [i for i, layer in enumerate(layers) if layer.group != GROUP_BOUNDARIES]
    return later[0] if later else len(names)


def workspace_layers(workspace: Any) -> LayerList:
    """The layers of a workspace as the app shows them: vectors, rasters, saved styles and order."""
    layers = layers_from_workspace(workspace)
    index = _raster_index(layers)
    for raster in _raster_layers(workspace):
        layers.insert(index, raster)
        index += 1
    saved = workspace.load_styles() if hasattr(workspace, "load_styles") else {}
    orders = {}
    for name, state in saved.items():
        if name in layers:
            apply_layer_state(layers[name], state)
            order = parse_layer_state(state, layer=name).get("order")
            if order is not None:
                orders[name] = order
    if orders:
        names = layers.names()
        keyed = sorted(names, key=lambda n: (orders.get(n, names.index(n)), names.index(n)))
        for i, name in enumerate(keyed):
            if layers.names().index(name) != i:
                layers.move(name, i)
    return layers


def snapshot_layers(layers: LayerList) -> LayerList:
    """A copy of a LayerList with new layer objects (same data, styles and visibility) for another thread."""
    from layers.basemap import BasemapLayer
    from layers.raster import RasterLayer

    out = []
    for layer in layers:
        if isinstance(layer, VectorLayer):
            out.append(VectorLayer(
                layer.name, layer.title_th, layer.data, layer.style, layer.group, visible=layer.visible,
                opacity=layer.opacity, labels=layer.labels, title_en=layer.title_en,
            ))  # fmt: skip
        elif isinstance(layer, RasterLayer):
            out.append(RasterLayer(
                layer.name, layer.source, kind=layer.kind, title_th=layer.title_th, title_en=layer.title_en,
                style=layer.style, group=layer.group, nodata=layer.info.nodata, visible=layer.visible,
                opacity=layer.opacity,
            ))  # fmt: skip
        elif isinstance(layer, BasemapLayer):
            out.append(BasemapLayer(layer.tiles.path, name=layer.name, title_th=layer.title_th, group=layer.group,
                                    visible=layer.visible, opacity=layer.opacity))  # fmt: skip
    return LayerList(out, crs=layers.crs)


@dataclass
class PrintSource:
    """Layers, areas and projects of one workspace, ready for the composer."""

    layers: LayerList
    metadata: dict = field(default_factory=dict)
    workspace_name: str = ""

    def __post_init__(self) -> None:
        boundaries = {level: self.layers[level].data for level in LEVELS if level in self.layers}
        if "projects" in self.layers:
            self.projects = pd.DataFrame(self.layers["projects"].data.drop(columns="geometry", errors="ignore"))
        else:
            self.projects = pd.DataFrame(columns=["project_id", "title", "tambon_code", "budget"])
        self.project_codes = project_area_codes(self.projects)
        self.areas = area_table(boundaries, self.projects)
        self._geometry: dict[tuple[str, str], Any] = {}

    @classmethod
    def from_workspace(cls, workspace: Any) -> PrintSource:
        """Read a workspace (an open areaplan Workspace) as the app would show it."""
        name = Path(str(getattr(workspace, "path", "") or "")).name
        return cls(workspace_layers(workspace), dict(workspace.metadata()), name)

    @property
    def crs(self) -> str:
        """The metric CRS the map is drawn in."""
        return self.layers.crs

    def geometry(self, area: Area) -> Any:
        """The area's boundary in the map CRS (a shapely geometry; None when the layer is missing)."""
        key = (area.level, area.code)
        if key not in self._geometry:
            geom = None
            if area.level in self.layers:
                layer = self.layers[area.level]
                rows = layer.data["code"].astype(str).to_numpy() == area.code
                if rows.any():
                    projected = layer.projected(self.crs)
                    geom = shapely.union_all(projected[rows].to_numpy())
            self._geometry[key] = geom
        return self._geometry[key]

    def province_geometry(self, area: Area) -> Any:
        """The boundary of the province holding an area (map CRS), for overview maps."""
        province = Area("changwat", area.code[:2], "")
        geom = self.geometry(province)
        if geom is None and "amphoe" in self.layers:
            layer = self.layers["amphoe"]
            rows = layer.data["code"].astype(str).str.startswith(area.code[:2]).to_numpy()
            if rows.any():
                geom = shapely.union_all(layer.projected(self.crs)[rows].to_numpy())
        return geom

    def projects_in(self, area: Area) -> pd.DataFrame:
        """The projects of an area (all of them, located on the map or only by address)."""
        return self.projects[self.project_codes[area.level].to_numpy() == area.code]

    def boundary_frame(self, level: str) -> gpd.GeoDataFrame | None:
        """A boundary layer's features (EPSG:4326), or None."""
        return self.layers[level].data if level in self.layers else None
