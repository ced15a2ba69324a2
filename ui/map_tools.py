"""Map tools of the main window: identify, select, measure, the selection highlight and the UTM status.

``install(window)`` registers the tools on the canvas (``MapCanvas.register_tool``), adds one checkable,
exclusive action per tool to the toolbar and the Tools menu, previous/next extent to the View menu, the
identify dock "ข้อมูลตำแหน่งที่เลือก", and status-bar labels for UTM and measurements.

Hit-testing uses ``layers.hit`` (one STRtree per layer, built once per data/CRS), never Qt item picking.
Other features add lines to the identify panel through ``IDENTIFY_PROVIDERS`` (e.g. plans touching a
tambon): each provider gets ``(window, layer_name, row)`` and returns ``[(label, value), ...]``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QLabel, QTreeWidget, QTreeWidgetItem

from areaplan.vocab import PRECISIONS, VOCABULARIES
from layers.hit import HitIndexes
from layers.model import VectorLayer
from ui.map_canvas import MapCanvas, MapTool, ToolEvent
from ui.overlays import Z_MEASURE, Z_SELECTION, GeometryOverlay, MeasureOverlay

#: Square metres in one rai (ไร่).
RAI_M2 = 1600.0
#: Pick radius of identify and click-select, in screen pixels.
PICK_RADIUS_PX = 5.0
#: At most this many projects are listed under a tambon in the identify panel.
MAX_LISTED_PROJECTS = 50

#: Thai names of workspace fields (interchange.md / the workspace schema); translated when shown.
FIELD_LABELS: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("MapTools", "รหัส"),
    "name_th": QT_TRANSLATE_NOOP("MapTools", "ชื่อ"),
    "name_en": QT_TRANSLATE_NOOP("MapTools", "ชื่อภาษาอังกฤษ"),
    "parent_code": QT_TRANSLATE_NOOP("MapTools", "รหัสเขตการปกครองที่สังกัด"),
    "village_no": QT_TRANSLATE_NOOP("MapTools", "หมู่ที่"),
    "project_id": QT_TRANSLATE_NOOP("MapTools", "รหัสโครงการ"),
    "title": QT_TRANSLATE_NOOP("MapTools", "ชื่อโครงการ"),
    "channel": QT_TRANSLATE_NOOP("MapTools", "แหล่งงบประมาณ/ช่องทาง"),
    "agency": QT_TRANSLATE_NOOP("MapTools", "หน่วยงาน"),
    "fiscal_year": QT_TRANSLATE_NOOP("MapTools", "ปีงบประมาณ"),
    "budget": QT_TRANSLATE_NOOP("MapTools", "งบประมาณ (บาท)"),
    "agenda": QT_TRANSLATE_NOOP("MapTools", "ประเด็นการพัฒนา"),
    "plan_ids": QT_TRANSLATE_NOOP("MapTools", "แผนที่เกี่ยวข้อง"),
    "status": QT_TRANSLATE_NOOP("MapTools", "สถานะ"),
    "tambon": QT_TRANSLATE_NOOP("MapTools", "ตำบล"),
    "amphoe": QT_TRANSLATE_NOOP("MapTools", "อำเภอ"),
    "changwat": QT_TRANSLATE_NOOP("MapTools", "จังหวัด"),
    "location_text": QT_TRANSLATE_NOOP("MapTools", "ที่ตั้ง"),
    "lon": QT_TRANSLATE_NOOP("MapTools", "ลองจิจูด"),
    "lat": QT_TRANSLATE_NOOP("MapTools", "ละติจูด"),
    "source": QT_TRANSLATE_NOOP("MapTools", "แหล่งข้อมูล"),
    "tambon_code": QT_TRANSLATE_NOOP("MapTools", "รหัสตำบล"),
    "amphoe_code": QT_TRANSLATE_NOOP("MapTools", "รหัสอำเภอ"),
    "changwat_code": QT_TRANSLATE_NOOP("MapTools", "รหัสจังหวัด"),
    "location_precision": QT_TRANSLATE_NOOP("MapTools", "ความละเอียดของตำแหน่ง"),
    "location_note": QT_TRANSLATE_NOOP("MapTools", "หมายเหตุตำแหน่ง"),
    "source_row": QT_TRANSLATE_NOOP("MapTools", "แถวในแฟ้มต้นทาง"),
    "hazard": QT_TRANSLATE_NOOP("MapTools", "ประเภทภัย"),
    "class": QT_TRANSLATE_NOOP("MapTools", "ระดับ"),
    "class_label": QT_TRANSLATE_NOOP("MapTools", "ระดับความเสี่ยง"),
    "frequency": QT_TRANSLATE_NOOP("MapTools", "ความถี่ (ครั้ง/ปี)"),
    "depth": QT_TRANSLATE_NOOP("MapTools", "ความลึก (ม.)"),
}
#: Fields not shown in the identify panel (internal bookkeeping).
HIDDEN_FIELDS = frozenset({"fid", "geometry", "extra", "import_id", "content_hash", "updated_at"})
#: Code fields whose values are shown with their Thai label.
CODE_LABELS: dict[str, dict[str, str]] = {**VOCABULARIES, "location_precision": PRECISIONS}
#: Fields that hold a feature's display name, in order of preference.
NAME_FIELDS = ("name_th", "title", "class_label", "project_id", "code")
_INTEGER_FIELDS = frozenset({"fiscal_year", "village_no", "source_row", "class"})

#: (window, layer_name, row) -> extra (label, value) lines for a feature in the identify panel.
IdentifyProvider = Callable[[Any, str, pd.Series], list[tuple[str, str]]]


# ---------------------------------------------------------------------------------------- formats
def format_value(fld: str, value: object) -> str:
    """A field value as shown to a user: Thai labels of codes, thousands separators, '-' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "-"
    if isinstance(value, (float, np.floating)) and fld in _INTEGER_FIELDS and float(value).is_integer():
        return str(int(value))
    vocabulary = CODE_LABELS.get(fld)
    if vocabulary is not None:
        text = str(value)
        return f"{vocabulary[text]} ({text})" if text in vocabulary else text
    if fld == "budget":
        try:
            return f"{float(value):,.2f}"
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, (float, np.floating)):
        return f"{float(value):,.6g}" if abs(float(value)) < 1e6 else f"{float(value):,.2f}"
    return str(value)


def field_label(fld: str) -> str:
    """The name of a field in the UI language (its FIELD_LABELS text translated; else the field itself)."""
    return QCoreApplication.translate("MapTools", FIELD_LABELS[fld]) if fld in FIELD_LABELS else fld


def feature_attributes(row: pd.Series) -> list[tuple[str, str]]:
    """(field name in the UI language, shown value) of every visible field of a feature."""
    return [
        (field_label(str(fld)), format_value(str(fld), row[fld]))
        for fld in row.index
        if fld not in HIDDEN_FIELDS
    ]


def feature_name(row: pd.Series) -> str:
    """The name to show for a feature (its Thai name, title, ...)."""
    for fld in NAME_FIELDS:
        if fld in row.index and format_value(fld, row[fld]) != "-":
            return str(row[fld])
    return str(row.get("fid", ""))


def format_distance(metres: float) -> str:
    """'850.0 ม.' below a kilometre, '12.345 กม.' above."""
    if metres < 1000.0:
        return QCoreApplication.translate("MapTools", "{value} ม.").format(value=f"{metres:,.1f}")
    return QCoreApplication.translate("MapTools", "{value} กม.").format(value=f"{metres / 1000.0:,.3f}")


def format_area(square_metres: float) -> str:
    """Square metres, square kilometres and rai (1 rai = 1,600 m²)."""
    return QCoreApplication.translate("MapTools", "{m2} ตร.ม. = {km2} ตร.กม. = {rai} ไร่").format(
        m2=f"{square_metres:,.0f}", km2=f"{square_metres / 1e6:,.3f}", rai=f"{square_metres / RAI_M2:,.2f}"
    )


def path_length(vertices: list[tuple[float, float]]) -> float:
    """Length of a polyline in map units (metres in the map's UTM CRS)."""
    if len(vertices) < 2:
        return 0.0
    xy = np.asarray(vertices, dtype=float)
    return float(np.hypot(*np.diff(xy, axis=0).T).sum())


def polygon_area(vertices: list[tuple[float, float]]) -> float:
    """Area of the polygon through the vertices (square map units; 0 below three vertices)."""
    if len(vertices) < 3:
        return 0.0
    return float(shapely.Polygon(vertices).area)


def utm_of(lon: float, lat: float) -> tuple[str, str]:
    """The UTM zone label ('47N') and EPSG code of a position."""
    zone = min(max(int((lon + 180.0) // 6.0) + 1, 1), 60)
    north = lat >= 0
    return f"{zone}{'N' if north else 'S'}", f"EPSG:{32600 + zone if north else 32700 + zone}"


_UTM_TRANSFORMERS: dict[str, Transformer] = {}


def lonlat_to_utm(lon: float, lat: float) -> tuple[str, float, float]:
    """(zone label, easting, northing) of a position in its own UTM zone."""
    label, epsg = utm_of(lon, lat)
    transformer = _UTM_TRANSFORMERS.get(epsg)
    if transformer is None:
        transformer = _UTM_TRANSFORMERS[epsg] = Transformer.from_crs("EPSG:4326", epsg, always_xy=True)
    e, n = transformer.transform(lon, lat)
    return label, float(e), float(n)


# --------------------------------------------------------------------------------------- identify
_PROJECTS_BY_TAMBON: list = [None, {}]  # [the projects frame it was built from, code -> row positions]


def projects_by_tambon(projects: pd.DataFrame) -> dict[str, np.ndarray]:
    """Row positions of the projects of each tambon code, built once per projects frame (vectorised)."""
    if _PROJECTS_BY_TAMBON[0] is not projects:
        codes = projects["tambon_code"]
        present = codes.notna().to_numpy()
        groups = pd.Series(np.flatnonzero(present)).groupby(codes[present].astype(str).to_numpy()).indices
        positions = np.flatnonzero(present)
        _PROJECTS_BY_TAMBON[:] = [projects, {code: positions[idx] for code, idx in groups.items()}]
    return _PROJECTS_BY_TAMBON[1]


def tambon_projects(window: Any, layer_name: str, row: pd.Series) -> list[tuple[str, str]]:
    """For a tambon: the count and budget total of projects whose tambon_code is its code, then each one."""
    if layer_name != "tambon" or window.layers is None or "projects" not in window.layers:
        return []
    projects = window.layers["projects"].data
    if "tambon_code" not in projects.columns:
        return []
    positions = projects_by_tambon(projects).get(str(row.get("code", "")), np.empty(0, dtype=np.int64))
    mine = projects.iloc[positions]
    budget = pd.to_numeric(mine["budget"], errors="coerce") if "budget" in mine.columns else pd.Series(dtype=float)
    out = [(
        QCoreApplication.translate("MapTools", "โครงการในตำบล"),
        QCoreApplication.translate("MapTools", "{n} โครงการ งบประมาณรวม {total} บาท").format(
            n=f"{len(mine):,}", total=f"{float(budget.sum()):,.2f}"
        ),
    )]  # fmt: skip
    listed = mine.head(MAX_LISTED_PROJECTS)
    ids = listed["project_id"].astype(str).tolist() if "project_id" in listed.columns else [""] * len(listed)
    titles = listed["title"].astype(str).tolist() if "title" in listed.columns else [""] * len(listed)
    budgets = listed["budget"].tolist() if "budget" in listed.columns else [None] * len(listed)
    for pid, title, money in zip(ids, titles, budgets):
        out.append((pid, QCoreApplication.translate("MapTools", "{title} ({budget} บาท)").format(
            title=title, budget=format_value("budget", money)
        )))
    if len(mine) > MAX_LISTED_PROJECTS:
        out.append(("…", QCoreApplication.translate("MapTools", "และอีก {n} โครงการ").format(
            n=f"{len(mine) - MAX_LISTED_PROJECTS:,}"
        )))
    return out


#: Extra identify lines per feature; the plans feature appends "plans touching this area" here.
IDENTIFY_PROVIDERS: list[IdentifyProvider] = [tambon_projects]


@dataclass
class IdentifyResult:
    """One feature found under the cursor."""

    layer: str
    layer_title: str
    fid: int
    name: str
    attributes: list[tuple[str, str]]
    extra: list[tuple[str, str]] = field(default_factory=list)


def vector_layers_top_first(window: Any) -> list[VectorLayer]:
    """The visible vector layers, top-most first."""
    if window.layers is None:
        return []
    return [layer for layer in reversed(list(window.layers)) if isinstance(layer, VectorLayer) and layer.visible]


# ------------------------------------------------------------------------------------------ tools
class IdentifyTool(MapTool):
    """Click: list every feature under the cursor on the visible layers in the identify panel."""

    name = "identify"
    title = QT_TRANSLATE_NOOP("MapTools", "ระบุข้อมูล")
    cursor = Qt.CursorShape.WhatsThisCursor

    def __init__(self, canvas: MapCanvas, tools: MapTools) -> None:
        super().__init__(canvas)
        self.tools = tools

    def click(self, event: ToolEvent) -> None:
        """Identify at the clicked point."""
        if event.button == Qt.MouseButton.LeftButton and not event.double:
            self.tools.show_identify(self.tools.identify(event.x, event.y))


class SelectTool(MapTool):
    """Click or drag a rectangle to select features; Shift adds to the selection."""

    name = "select"
    title = QT_TRANSLATE_NOOP("MapTools", "เลือกข้อมูล")
    cursor = Qt.CursorShape.PointingHandCursor
    drags_box = True

    def __init__(self, canvas: MapCanvas, tools: MapTools) -> None:
        super().__init__(canvas)
        self.tools = tools

    def click(self, event: ToolEvent) -> None:
        """Select what is under the point."""
        if event.button == Qt.MouseButton.LeftButton and not event.double:
            self.tools.select_at(event.x, event.y, add=event.shift)

    def box_finished(self, rect: QRectF, event: ToolEvent) -> None:
        """Select what the rectangle touches (a box of a few pixels is a click)."""
        super().box_finished(rect, event)
        upp = self.canvas.units_per_pixel()
        if rect.width() < 3 * upp and rect.height() < 3 * upp:
            self.click(event)
            return
        self.tools.select_in_rect((rect.left(), rect.top(), rect.right(), rect.bottom()), add=event.shift)


class MeasureTool(MapTool):
    """Click vertices; the distance (or area) follows the cursor; double or right click ends it."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: MapCanvas, tools: MapTools, *, area: bool) -> None:
        super().__init__(canvas)
        self.tools = tools
        self.area = area
        self.name = "measure_area" if area else "measure_distance"
        self.title = QT_TRANSLATE_NOOP("MapTools", "วัดพื้นที่") if area else QT_TRANSLATE_NOOP("MapTools", "วัดระยะทาง")
        self.vertices: list[tuple[float, float]] = []
        self.cursor_xy: tuple[float, float] | None = None
        self.finished = False
        self.overlay = MeasureOverlay()
        canvas.add_overlay(self.overlay, Z_MEASURE)

    def click(self, event: ToolEvent) -> None:
        """Left click adds a vertex (starting anew after a finished one); double/right click finishes."""
        if event.double or event.button == Qt.MouseButton.RightButton:
            self.finished = bool(self.vertices)
            self.cursor_xy = None
            self._update()
            return
        if event.button != Qt.MouseButton.LeftButton:
            return
        if self.finished:
            self.vertices, self.finished = [], False
        self.vertices.append((event.x, event.y))
        self._update()

    def hover(self, x: float, y: float) -> None:
        """The live segment follows the cursor."""
        if self.vertices and not self.finished:
            self.cursor_xy = (x, y)
            self._update()

    def cancel(self) -> None:
        """Forget the measurement."""
        super().cancel()
        self.vertices, self.cursor_xy, self.finished = [], None, False
        self._update()

    def points(self) -> list[tuple[float, float]]:
        """The measured vertices plus the live cursor position."""
        return self.vertices + ([self.cursor_xy] if self.cursor_xy is not None else [])

    def value(self) -> float:
        """Metres (distance) or square metres (area) of the current measurement."""
        return polygon_area(self.points()) if self.area else path_length(self.points())

    def text(self) -> str:
        """The measurement as shown in the status bar and on the map."""
        if not self.vertices:
            return ""
        if self.area:
            return QCoreApplication.translate("MapTools", "พื้นที่ {area}").format(area=format_area(self.value()))
        return QCoreApplication.translate("MapTools", "ระยะทาง {distance}").format(distance=format_distance(self.value()))

    def _update(self) -> None:
        self.overlay.set_state(self.vertices, self.cursor_xy, closed=self.area)
        self.tools.show_measure(self.text())


# ------------------------------------------------------------------------------------- the feature
class MapTools(QObject):
    """The tools, identify panel, selection highlight and status labels of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.canvas: MapCanvas = window.canvas
        self.indexes = HitIndexes()
        self.last_identify: list[IdentifyResult] = []

        # identify panel
        self.identify_tree = QTreeWidget()
        self.identify_tree.setColumnCount(2)
        self.identify_tree.setHeaderLabels([self.tr("รายการ"), self.tr("ค่า")])
        self.identify_tree.setAlternatingRowColors(True)
        self.identify_dock = QDockWidget(self.tr("ข้อมูลตำแหน่งที่เลือก"), window)
        self.identify_dock.setObjectName("identifyDock")
        self.identify_dock.setWidget(self.identify_tree)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.identify_dock)
        self.identify_dock.hide()

        # selection highlight
        self.selection_overlay = GeometryOverlay()
        self.canvas.add_overlay(self.selection_overlay, Z_SELECTION)
        self._selected_geoms: dict[str, np.ndarray] = {}
        window.selection.events.changed.connect(self._on_selection_changed)

        # status bar
        self.utm_label = QLabel(window)
        self.utm_label.setObjectName("utmLabel")
        self.measure_label = QLabel(window)
        self.measure_label.setObjectName("measureLabel")
        window.statusBar().addPermanentWidget(self.utm_label)
        window.statusBar().insertPermanentWidget(0, self.measure_label)
        self.canvas.cursorMoved.connect(self._on_cursor_moved)
        self.map_label = QLabel(self.canvas)  # the live measurement on the map, top left
        self.map_label.setObjectName("measureMapLabel")
        self.map_label.setStyleSheet(
            "QLabel { background: rgba(255,255,255,220); border: 1px solid #888; border-radius: 3px; padding: 3px; }"
        )
        self.map_label.move(8, 8)
        self.map_label.hide()

        # tools and actions
        self.identify_tool = IdentifyTool(self.canvas, self)
        self.select_tool = SelectTool(self.canvas, self)
        self.distance_tool = MeasureTool(self.canvas, self, area=False)
        self.area_tool = MeasureTool(self.canvas, self, area=True)
        for tool in (self.identify_tool, self.select_tool, self.distance_tool, self.area_tool):
            self.canvas.register_tool(tool)
        self.action_group = QActionGroup(window)
        self.action_group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        window.toolbar.addSeparator()
        for name in ("pan", "zoom_box", "identify", "select", "measure_distance", "measure_area"):
            tool = self.canvas.tools[name]
            action = QAction(self.tr(tool.title), window)
            action.setObjectName(f"tool_{name}")
            action.setCheckable(True)
            action.setToolTip(self.tr(tool.title))
            action.triggered.connect(lambda _checked=False, name=name: self.canvas.set_tool(name))
            self.action_group.addAction(action)
            window.menu_tools.addAction(action)
            window.toolbar.addAction(action)
            self.actions[name] = action
        self.actions[self.canvas.tool.name if self.canvas.tool else "pan"].setChecked(True)
        self.canvas.toolChanged.connect(self._on_tool_changed)

        self.action_clear_selection = QAction(self.tr("ล้างการเลือก"), window)
        self.action_clear_selection.triggered.connect(window.selection.clear)
        window.menu_tools.addAction(self.action_clear_selection)

        window.menu_view.addSeparator()
        window.menu_view.addAction(self.canvas.action_previous_extent)
        window.menu_view.addAction(self.canvas.action_next_extent)
        window.menu_view.addAction(self.identify_dock.toggleViewAction())
        window.toolbar.addAction(self.canvas.action_previous_extent)
        window.toolbar.addAction(self.canvas.action_next_extent)
        window.workspaceChanged.connect(self._on_workspace_changed)

    # -- tools
    def _on_tool_changed(self, name: str) -> None:
        action = self.actions.get(name)
        if action is not None:
            action.setChecked(True)
        else:  # a tool of another feature: none of ours is checked
            checked = self.action_group.checkedAction()
            if checked is not None:
                self.action_group.setExclusive(False)
                checked.setChecked(False)
                self.action_group.setExclusive(True)
        if name not in ("measure_distance", "measure_area"):
            self.show_measure("")

    def _on_workspace_changed(self) -> None:
        self.indexes.clear()
        self._selected_geoms.clear()
        self.selection_overlay.clear()
        self.show_identify([])
        for tool in (self.distance_tool, self.area_tool):
            tool.cancel()

    def tolerance(self) -> float:
        """The pick radius in map units at the current scale."""
        upp = self.canvas.units_per_pixel()
        return PICK_RADIUS_PX * upp if math.isfinite(upp) else 0.0

    # -- identify
    def identify(self, x: float, y: float, tolerance: float | None = None) -> list[IdentifyResult]:
        """Every feature of the visible vector layers at a map position, top layer first."""
        tol = self.tolerance() if tolerance is None else tolerance
        out: list[IdentifyResult] = []
        crs = self.canvas.crs
        for layer in vector_layers_top_first(self.window):
            index = self.indexes.index(layer, crs)
            for pos in index.hit_positions(x, y, tol).tolist():
                row = layer.data.iloc[pos]
                extra: list[tuple[str, str]] = []
                for provider in IDENTIFY_PROVIDERS:
                    extra.extend(provider(self.window, layer.name, row))
                out.append(IdentifyResult(
                    layer.name, layer.title_th, int(index.fids[pos]), feature_name(row),
                    feature_attributes(row), extra,
                ))  # fmt: skip
        return out

    def show_identify(self, results: list[IdentifyResult]) -> None:
        """Fill the identify panel (showing it when something was found)."""
        self.last_identify = results
        tree = self.identify_tree
        tree.clear()
        for result in results:
            top = QTreeWidgetItem(tree, [result.layer_title, result.name])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFont(1, font)
            for label, value in result.attributes:
                QTreeWidgetItem(top, [label, value])
            if result.extra:
                extra = QTreeWidgetItem(top, [self.tr("ข้อมูลที่เกี่ยวข้อง"), ""])
                for label, value in result.extra:
                    QTreeWidgetItem(extra, [label, value])
                extra.setExpanded(True)
            top.setExpanded(True)
        tree.resizeColumnToContents(0)
        if results:
            self.identify_dock.show()
            self.window.statusBar().showMessage(self.tr("พบ {n} รายการ").format(n=len(results)), 4000)
        elif self.identify_dock.isVisible():
            self.window.statusBar().showMessage(self.tr("ไม่พบข้อมูล ณ ตำแหน่งนี้"), 4000)

    # -- select
    def _current_layer_name(self) -> str | None:
        tree = getattr(self.window, "layer_tree", None)
        getter = getattr(tree, "current_layer_name", None)
        if callable(getter):
            return getter()
        item = tree.currentItem() if tree is not None else None
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _target_layers(self) -> list[VectorLayer]:
        """The layer chosen in the layer tree when it is a visible vector layer, else all visible, top first."""
        layers = vector_layers_top_first(self.window)
        current = self._current_layer_name()
        chosen = [layer for layer in layers if layer.name == current]
        return chosen or layers

    def _apply_selection(self, found: tuple[str, np.ndarray] | None, add: bool) -> str | None:
        selection = self.window.selection
        if found is None:
            if not add:
                selection.clear()
            return None
        name, fids = found
        if not add:
            for other in selection.layers():
                if other != name:
                    selection.clear(other)
        selection.set(name, fids.tolist(), "add" if add else "replace")
        return name

    def select_at(self, x: float, y: float, *, add: bool = False) -> str | None:
        """Select the features at a map position on the top-most target layer with any; the layer name."""
        tol, crs = self.tolerance(), self.canvas.crs
        for layer in self._target_layers():
            fids = self.indexes.index(layer, crs).hits(x, y, tol)
            if len(fids):
                return self._apply_selection((layer.name, fids), add)
        return self._apply_selection(None, add)

    def select_in_rect(self, rect: tuple[float, float, float, float], *, add: bool = False) -> str | None:
        """Select what a map rectangle touches on the top-most target layer with any; the layer name."""
        crs = self.canvas.crs
        for layer in self._target_layers():
            fids = self.indexes.index(layer, crs).in_rect(rect)
            if len(fids):
                return self._apply_selection((layer.name, fids), add)
        return self._apply_selection(None, add)

    def _on_selection_changed(self, name: str, fids: frozenset[int]) -> None:
        layers = self.window.layers
        if layers is None or name not in layers or not isinstance(layers[name], VectorLayer) or not fids:
            self._selected_geoms.pop(name, None)
        else:
            layer = layers[name]
            index = self.indexes.index(layer, self.canvas.crs)
            self._selected_geoms[name] = index.geoms[index.positions_of(fids)]
        parts = [g for g in self._selected_geoms.values() if len(g)]
        self.selection_overlay.set_geometries(np.concatenate(parts) if parts else [])

    # -- status and measure
    def _on_cursor_moved(self, lon: float, lat: float) -> None:
        zone, e, n = lonlat_to_utm(lon, lat)
        self.utm_label.setText(self.tr("UTM {zone}  E {e}  N {n}").format(zone=zone, e=f"{e:,.0f}", n=f"{n:,.0f}"))

    def show_measure(self, text: str) -> None:
        """Show a measurement in the status bar and on the map (hidden when empty)."""
        self.measure_label.setText(text)
        self.map_label.setText(text)
        self.map_label.adjustSize()
        self.map_label.setVisible(bool(text))


def install(window: Any) -> MapTools:
    """Add the map tools to a main window (window.map_tools)."""
    tools = MapTools(window)
    window.map_tools = tools
    return tools
