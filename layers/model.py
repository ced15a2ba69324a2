"""Layer models: data, style, visibility, opacity and labels, with an event after each validated change.

The napari pattern (architecture §3): a setter validates, stores, then emits ``events.<property>``; views
(the map canvas, the layer tree, the print composer) subscribe and mirror the model. This module imports no
Qt at all, so models can be built and tested anywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import geopandas as gpd
import pandas as pd
import numpy as np
import shapely
from psygnal import Signal, SignalGroup

from areaplan.errors import AreaPlanError
from areaplan.locate.spatial import metric_crs

# --------------------------------------------------------------------------------------------- groups
#: Features projected per call (see VectorLayer.projected).
PROJECT_SLICE = 5_000

GROUP_BOUNDARIES = "ขอบเขตการปกครอง"
GROUP_PROJECTS = "โครงการ"
GROUP_HAZARDS = "พื้นที่เสี่ยงภัย"
GROUP_PLANS = "แผน"
#: The layer-tree groups, in the order the tree shows them.
GROUPS: tuple[str, ...] = (GROUP_BOUNDARIES, GROUP_PROJECTS, GROUP_HAZARDS, GROUP_PLANS)
#: English names of the groups (for a later English UI and for logs).
GROUPS_EN: dict[str, str] = {
    GROUP_BOUNDARIES: "Administrative boundaries",
    GROUP_PROJECTS: "Projects",
    GROUP_HAZARDS: "Hazard areas",
    GROUP_PLANS: "Plans",
}

POINT_SYMBOLS: tuple[str, ...] = ("circle", "square", "triangle", "diamond")

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


class StyleError(AreaPlanError, ValueError):
    """A style, label or layer setting has a value that cannot be used."""


# ------------------------------------------------------------------------------------------- styles
def _check_colour(value: str | None, what: str, *, allow_none: bool = True) -> str | None:
    if value is None and allow_none:
        return None
    if not isinstance(value, str) or not _HEX.match(value):
        raise StyleError(
            f"สีของ {what} ต้องเป็นรหัสสีแบบ #rrggbb หรือ #rrggbbaa ได้ {value!r}",
            f"{what} colour must be #rrggbb or #rrggbbaa, got {value!r}",
            field=what,
        )
    return value.lower()


def _check_number(value: float, what: str, lo: float, hi: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not (lo <= number <= hi):
        raise StyleError(
            f"{what} ต้องอยู่ระหว่าง {lo:g} ถึง {hi:g} ได้ {value!r}",
            f"{what} must be between {lo:g} and {hi:g}, got {value!r}",
            field=what,
        )
    return number


def category_key(value: object) -> str | None:
    """The text key of an attribute value for a categorised style (1.0 -> "1"; None/NaN -> None)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    if isinstance(value, (np.floating, np.integer)):
        return category_key(value.item())
    return str(value)


@dataclass(frozen=True)
class Style:
    """How features are drawn; colours are CSS hex (#rrggbb or #rrggbbaa), sizes in pixels at 96 dpi.

    A categorised style sets ``category_field`` and ``categories`` (value -> fill colour); features whose
    value is not listed use ``fill``. Points use the category colour as their fill too.

    A graduated style sets ``graduated_field``, ascending class upper bounds ``breaks`` (mapclassify's
    ``bins``: a value v is in the first class i with v <= breaks[i]; values above the last break go to the
    last class) and one colour per class in ``colours``; missing values use ``fill``. ``method`` and
    ``ramp`` record how the classes were made (layers.style) so an editor can show it again.
    """

    fill: str | None = "#f2efe9"
    stroke: str | None = "#555555"
    width: float = 0.8
    point_size: float = 7.0
    point_symbol: str = "circle"
    category_field: str | None = None
    categories: tuple[tuple[str, str], ...] = ()
    graduated_field: str | None = None
    breaks: tuple[float, ...] = ()
    colours: tuple[str, ...] = ()
    method: str | None = None
    ramp: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fill", _check_colour(self.fill, "fill"))
        object.__setattr__(self, "stroke", _check_colour(self.stroke, "stroke"))
        object.__setattr__(self, "width", _check_number(self.width, "width", 0.0, 50.0))
        object.__setattr__(self, "point_size", _check_number(self.point_size, "point_size", 0.5, 200.0))
        if self.point_symbol not in POINT_SYMBOLS:
            raise StyleError(
                f"สัญลักษณ์จุดต้องเป็นหนึ่งใน {', '.join(POINT_SYMBOLS)} ได้ {self.point_symbol!r}",
                f"point_symbol must be one of {', '.join(POINT_SYMBOLS)}, got {self.point_symbol!r}",
                field="point_symbol",
            )
        raw = self.categories.items() if isinstance(self.categories, Mapping) else self.categories
        pairs = tuple((category_key(k) or "", _check_colour(c, f"category {k}", allow_none=False)) for k, c in raw)
        object.__setattr__(self, "categories", pairs)
        self._check_graduated()

    def _check_graduated(self) -> None:
        breaks = tuple(_check_number(b, "breaks", -1e300, 1e300) for b in self.breaks)
        colours = tuple(_check_colour(c, f"class {i + 1}", allow_none=False) for i, c in enumerate(self.colours))
        object.__setattr__(self, "breaks", breaks)
        object.__setattr__(self, "colours", colours)
        if any(b > a for a, b in zip(breaks[1:], breaks[:-1])):
            raise StyleError(
                f"ขอบชั้นต้องเรียงจากน้อยไปมาก ได้ {list(breaks)}",
                f"class breaks must be ascending, got {list(breaks)}",
                field="breaks",
            )
        if len(breaks) != len(colours):
            raise StyleError(
                f"จำนวนสี({len(colours)}) ต้องเท่ากับจำนวนชั้น({len(breaks)})",
                f"need one colour per class: {len(breaks)} breaks, {len(colours)} colours",
                field="colours",
            )
        if self.graduated_field and self.category_field:
            raise StyleError(
                "ใช้ได้ทีละแบบ: แยกตามหมวด หรือ ไล่ระดับตามค่า",
                "a style is either categorised or graduated, not both",
                field="graduated_field",
            )

    @property
    def kind(self) -> str:
        """"graduated", "categorised" or "single" (how fills are chosen)."""
        if self.graduated_field and self.breaks:
            return "graduated"
        if self.category_field and self.categories:
            return "categorised"
        return "single"

    @property
    def category_map(self) -> dict[str, str]:
        """The categories as a dict: attribute value (as text) -> fill colour."""
        return dict(self.categories)

    def with_changes(self, **changes: Any) -> Style:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)


@dataclass(frozen=True)
class LabelSettings:
    """Label text from one attribute; sizes in points (text) and pixels at 96 dpi (halo, thresholds).

    A label is dropped when its feature is smaller on screen than ``min_feature_px`` or, for polygons
    with ``fit`` set, narrower than the text; overlapping labels are dropped, largest features first.
    """

    field: str | None = None
    visible: bool = False
    size: float = 9.0
    color: str = "#202020"
    halo_color: str | None = "#ffffffdd"
    halo_width: float = 1.6
    bold: bool = False
    min_feature_px: float = 12.0
    fit: bool = True
    max_labels: int = 600

    def __post_init__(self) -> None:
        object.__setattr__(self, "color", _check_colour(self.color, "label color", allow_none=False))
        object.__setattr__(self, "halo_color", _check_colour(self.halo_color, "halo"))
        object.__setattr__(self, "size", _check_number(self.size, "label size", 1.0, 200.0))
        object.__setattr__(self, "halo_width", _check_number(self.halo_width, "halo_width", 0.0, 20.0))
        object.__setattr__(self, "min_feature_px", _check_number(self.min_feature_px, "min_feature_px", 0.0, 1e6))
        if self.visible and not self.field:
            raise StyleError("ป้ายชื่อที่แสดงต้องระบุคอลัมน์", "visible labels need a field", field="field")

    def with_changes(self, **changes: Any) -> LabelSettings:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)


# ---------------------------------------------------------------------------------------- the layer
class LayerEvents(SignalGroup):
    """Events of a layer, one per property; each is emitted after the new value is stored."""

    visible = Signal(bool)
    opacity = Signal(float)
    style = Signal(object)
    labels = Signal(object)
    data = Signal()
    title_th = Signal(str)

class MapLayer:
    """What every layer on the map has: a stable name, a group, a Thai title, visibility and opacity.

    Setters validate, store, then emit the event of the same name (events.visible, events.opacity,
    events.title_th); views subscribe and mirror the model (architecture §3).
    """

    events: LayerEvents
    _name: str
    _group: str
    _title_th: str
    _visible: bool
    _opacity: float

    @property
    def name(self) -> str:
        """The stable name (the workspace layer name)."""
        return self._name

    @property
    def group(self) -> str:
        """The layer-tree group (one of GROUPS)."""
        return self._group

    @property
    def title_th(self) -> str:
        """The Thai title shown in the layer tree and legends."""
        return self._title_th

    @title_th.setter
    def title_th(self, value: str) -> None:
        value = str(value).strip()
        if not value:
            raise StyleError("ชื่อชั้นข้อมูลต้องไม่ว่าง", "title must not be empty", layer=self._name, field="title_th")
        if value != self._title_th:
            self._title_th = value
            self.events.title_th.emit(value)

    @property
    def visible(self) -> bool:
        """Whether the layer is drawn."""
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        value = bool(value)
        if value != self._visible:
            self._visible = value
            self.events.visible.emit(value)

    @property
    def opacity(self) -> float:
        """Opacity from 0 (invisible) to 1 (opaque)."""
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        value = _check_number(value, "opacity", 0.0, 1.0)
        if value != self._opacity:
            self._opacity = value
            self.events.opacity.emit(value)


class VectorLayer(MapLayer):
    """A vector layer: a GeoDataFrame (EPSG:4326) and how to show it."""

    def __init__(
        self,
        name: str,
        title_th: str,
        gdf: gpd.GeoDataFrame,
        style: Style | None = None,
        group: str = GROUP_BOUNDARIES,
        *,
        visible: bool = True,
        opacity: float = 1.0,
        labels: LabelSettings | None = None,
        title_en: str | None = None,
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
        self.events = LayerEvents()
        self._name = name
        self._group = group
        self.title_en = title_en or name
        self._title_th = str(title_th)
        self._data = self._check_data(gdf, name)
        self._style = style if style is not None else Style()
        self._labels = labels if labels is not None else LabelSettings()
        self._visible = bool(visible)
        self._opacity = _check_number(opacity, "opacity", 0.0, 1.0)
        self._projected: dict[str, gpd.GeoSeries] = {}

    def __repr__(self) -> str:
        return f"VectorLayer({self._name!r}, {len(self._data)} features, visible={self._visible})"

    @staticmethod
    def _check_data(gdf: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
        if not isinstance(gdf, gpd.GeoDataFrame):
            raise StyleError("ข้อมูลต้องเป็น GeoDataFrame", "data must be a GeoDataFrame", layer=name)
        if gdf.crs is None and len(gdf):
            raise StyleError("ข้อมูลต้องระบุระบบพิกัด (CRS)", "data must have a CRS", layer=name)
        return gdf

    @property
    def data(self) -> gpd.GeoDataFrame:
        """The features (do not modify in place; assign a new frame to change them)."""
        return self._data

    @data.setter
    def data(self, gdf: gpd.GeoDataFrame) -> None:
        self._data = self._check_data(gdf, self._name)
        self._projected.clear()
        self.events.data.emit()

    @property
    def style(self) -> Style:
        """How features are drawn."""
        return self._style

    @style.setter
    def style(self, value: Style) -> None:
        if not isinstance(value, Style):
            raise StyleError("รูปแบบต้องเป็น Style", "style must be a Style", layer=self._name, field="style")
        if value != self._style:
            self._style = value
            self.events.style.emit(value)

    @property
    def labels(self) -> LabelSettings:
        """Label settings."""
        return self._labels

    @labels.setter
    def labels(self, value: LabelSettings) -> None:
        if not isinstance(value, LabelSettings):
            raise StyleError(
                "ป้ายชื่อต้องเป็น LabelSettings", "labels must be LabelSettings", layer=self._name, field="labels"
            )
        if value != self._labels:
            self._labels = value
            self.events.labels.emit(value)

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) of the located features in degrees; NaNs when there are none."""
        geoms = self._data.geometry
        located = geoms[~(geoms.isna() | geoms.is_empty)]
        if located.empty:
            return (math.nan, math.nan, math.nan, math.nan)
        minx, miny, maxx, maxy = located.total_bounds
        return (float(minx), float(miny), float(maxx), float(maxy))

    def projected(self, crs: str) -> gpd.GeoSeries:
        """The geometries in a metric CRS, projected once and cached until the data change."""
        cached = self._projected.get(crs)
        if cached is None:
            geoms = self._data.geometry
            if geoms.crs is None:
                cached = geoms
            elif len(geoms) <= PROJECT_SLICE:
                cached = geoms.to_crs(crs)
            else:
                # slices keep each GEOS/PROJ call short, so a worker thread projecting a big layer
                # never holds the interpreter long enough to stall the UI thread
                parts = [geoms.iloc[i : i + PROJECT_SLICE].to_crs(crs) for i in range(0, len(geoms), PROJECT_SLICE)]
                cached = gpd.GeoSeries(pd.concat(parts), crs=crs)
            self._projected[crs] = cached
        return cached

    def label_texts(self) -> np.ndarray:
        """The label text of every feature (object array; None where there is no text)."""
        fld = self._labels.field
        if not fld or fld not in self._data.columns:
            return np.full(len(self._data), None, dtype=object)
        col = self._data[fld]
        out = col.astype(object).where(col.notna(), None).to_numpy(dtype=object)
        return np.array([None if v is None or str(v).strip() == "" else str(v) for v in out], dtype=object)


# ------------------------------------------------------------------------------------ the layer list
class LayerListEvents(SignalGroup):
    """Events of the layer list (``moved`` carries the old and the new index of a layer)."""

    inserted = Signal(int, object)
    removed = Signal(int, object)
    moved = Signal(int, int, object)
    crs = Signal(str)


class LayerList:
    """The ordered layers of a map (first = drawn first, at the bottom) and the map's metric CRS."""

    def __init__(self, layers: Iterable[VectorLayer] = (), crs: str | None = None) -> None:
        self.events = LayerListEvents()
        self._layers: list[VectorLayer] = []
        for layer in layers:
            self._check_new(layer)
            self._layers.append(layer)
        self._crs = crs or metric_crs(self._bounding_boxes())

    def _check_new(self, layer: VectorLayer) -> None:
        if any(existing.name == layer.name for existing in self._layers):
            raise StyleError("มีชั้นข้อมูลชื่อนี้แล้ว", "a layer with this name exists", layer=layer.name)

    def __iter__(self) -> Iterator[VectorLayer]:
        return iter(list(self._layers))

    def __len__(self) -> int:
        return len(self._layers)

    def __getitem__(self, key: int | str) -> VectorLayer:
        if isinstance(key, str):
            for layer in self._layers:
                if layer.name == key:
                    return layer
            raise KeyError(key)
        return self._layers[key]

    def __contains__(self, name: object) -> bool:
        return any(layer.name == name for layer in self._layers)

    def names(self) -> list[str]:
        """Layer names, bottom first."""
        return [layer.name for layer in self._layers]

    def in_group(self, group: str) -> list[VectorLayer]:
        """The layers of one group, top-most first (the order a layer tree shows)."""
        return [layer for layer in reversed(self._layers) if layer.group == group]

    def append(self, layer: VectorLayer) -> None:
        """Add a layer on top."""
        self.insert(len(self._layers), layer)

    def insert(self, index: int, layer: VectorLayer) -> None:
        """Add a layer at a position (0 = bottom)."""
        self._check_new(layer)
        self._layers.insert(index, layer)
        self.events.inserted.emit(index, layer)

    def remove(self, name: str) -> VectorLayer:
        """Remove a layer by name and return it."""
        layer = self[name]
        index = self._layers.index(layer)
        del self._layers[index]
        self.events.removed.emit(index, layer)
        return layer

    def move(self, name: str, index: int) -> None:
        """Move a layer to a drawing position (0 = bottom; negative counts from the top, -1 = top)."""
        layer = self[name]
        n = len(self._layers)
        target = index + n if index < 0 else index
        if not 0 <= target < n:
            raise StyleError(
                f"ตำแหน่งต้องอยู่ระหว่าง 0 ถึง {n - 1} ได้ {index}",
                f"index must be between 0 and {n - 1}, got {index}",
                layer=name,
            )
        old = self._layers.index(layer)
        if old == target:
            return
        del self._layers[old]
        self._layers.insert(target, layer)
        self.events.moved.emit(old, target, layer)

    @property
    def crs(self) -> str:
        """The metric CRS every view of this map draws in (EPSG:32647 or EPSG:32648)."""
        return self._crs

    @crs.setter
    def crs(self, value: str) -> None:
        if value != self._crs:
            self._crs = value
            self.events.crs.emit(value)

    def _bounding_boxes(self) -> gpd.GeoSeries:
        boxes = [layer.bounds_lonlat() for layer in self._layers]
        return gpd.GeoSeries([shapely.box(*b) for b in boxes if all(map(math.isfinite, b))], crs="EPSG:4326")

    def extent(self) -> tuple[float, float, float, float] | None:
        """Union of the layers' bounds in the map CRS (minx, miny, maxx, maxy), or None when empty."""
        boxes = []
        for layer in self._layers:
            geoms = layer.projected(self._crs)
            located = geoms[~(geoms.isna() | geoms.is_empty)]
            if not located.empty:
                boxes.append(located.total_bounds)
        if not boxes:
            return None
        arr = np.array(boxes, dtype=float)
        return (float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 2].max()), float(arr[:, 3].max()))


# ------------------------------------------------------------------------------ workspace defaults
class WorkspaceReader(Protocol):
    """The part of areaplan.workspace.Workspace the map needs."""

    def layer_names(self) -> list[str]:
        """Names of the non-empty vector layers."""

    def read_layer(self, name: str) -> gpd.GeoDataFrame:
        """One vector layer in EPSG:4326."""

    def metadata(self) -> dict[str, str]:
        """Workspace metadata (title, versions)."""


#: A qualitative pastel palette (ColorBrewer Set3) for polygons categorised by a code.
PASTEL = (
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
)  # fmt: skip

CHANNEL_COLOURS = {
    "province": "#1f77b4",
    "cluster": "#9467bd",
    "function": "#d62728",
    "local": "#2ca02c",
    "community": "#ff7f0e",
    "other": "#7f7f7f",
}

HAZARD_COLOURS = {
    **dict.fromkeys(("low", "1", "ต่ำ"), "#fecc5c99"),
    **dict.fromkeys(("medium", "2", "ปานกลาง"), "#fd8d3caa"),
    **dict.fromkeys(("high", "3", "สูง"), "#f03b20aa"),
    **dict.fromkeys(("very_high", "4", "สูงมาก"), "#bd0026bb"),
}


@dataclass(frozen=True)
class LayerDefaults:
    """How a workspace layer is titled, grouped and styled when first shown."""

    title_th: str
    title_en: str
    group: str
    style: Style
    labels: LabelSettings = field(default_factory=LabelSettings)
    visible: bool = True


#: Workspace layers in drawing order (bottom first) with their default look.
WORKSPACE_LAYERS: dict[str, LayerDefaults] = {
    "tambon": LayerDefaults(
        "ตำบล", "Subdistricts", GROUP_BOUNDARIES,
        Style(fill="#f2efe9", stroke="#8a8a8a", width=0.6, category_field="parent_code"),
        LabelSettings(field="name_th", visible=True, size=8.5, color="#333333"),
    ),
    "amphoe": LayerDefaults(
        "อำเภอ", "Districts", GROUP_BOUNDARIES, Style(fill=None, stroke="#5a5a5a", width=1.4),
        LabelSettings(field="name_th", size=10.0, bold=True, min_feature_px=40.0),
    ),
    "changwat": LayerDefaults(
        "จังหวัด", "Provinces", GROUP_BOUNDARIES, Style(fill=None, stroke="#2b2b2b", width=2.2),
        LabelSettings(field="name_th", size=12.0, bold=True, min_feature_px=80.0),
    ),
    "hazard_zones": LayerDefaults(
        "พื้นที่เสี่ยงน้ำท่วม", "Flood hazard zones", GROUP_HAZARDS,
        Style(fill="#f03b2088", stroke=None, width=0.0, category_field="class", categories=HAZARD_COLOURS),
    ),
    "muban": LayerDefaults(
        "หมู่บ้าน", "Villages", GROUP_BOUNDARIES,
        Style(fill="#4d4d4d", stroke="#ffffff", width=0.5, point_size=4.0),
        LabelSettings(field="name_th", size=7.5), visible=False,
    ),
    "projects": LayerDefaults(
        "โครงการ", "Projects", GROUP_PROJECTS,
        Style(fill="#1f77b4", stroke="#ffffff", width=0.8, point_size=7.0, category_field="channel",
              categories=CHANNEL_COLOURS),
        LabelSettings(field="title", size=8.0, min_feature_px=0.0, fit=False),
    ),
}  # fmt: skip


def categorise_by_values(style: Style, gdf: gpd.GeoDataFrame, palette: tuple[str, ...] = PASTEL) -> Style:
    """Give each distinct value of the style's category field a palette colour (cycling), sorted by value."""
    fld = style.category_field
    if not fld or fld not in gdf.columns:
        return style
    values = sorted({k for k in (category_key(v) for v in gdf[fld].unique()) if k is not None})
    return style.with_changes(categories=tuple((v, palette[i % len(palette)]) for i, v in enumerate(values)))


def layer_from_workspace(name: str, gdf: gpd.GeoDataFrame) -> VectorLayer:
    """A layer with the default title, group and style of a workspace layer name."""
    defaults = WORKSPACE_LAYERS.get(name)
    if defaults is None:
        return VectorLayer(name, name, gdf, Style(), GROUP_PLANS if "plan" in name else GROUP_BOUNDARIES)
    style = defaults.style
    if style.category_field and not style.categories:
        style = categorise_by_values(style, gdf)
    return VectorLayer(
        name, defaults.title_th, gdf, style, defaults.group,
        visible=defaults.visible, labels=defaults.labels, title_en=defaults.title_en,
    )  # fmt: skip


def layers_from_workspace(ws: WorkspaceReader) -> LayerList:
    """Read every non-empty vector layer of a workspace into a LayerList in drawing order."""
    names = list(ws.layer_names())
    order = {name: i for i, name in enumerate(WORKSPACE_LAYERS)}
    names.sort(key=lambda n: order.get(n, len(order)))
    return LayerList(layer_from_workspace(name, ws.read_layer(name)) for name in names)

