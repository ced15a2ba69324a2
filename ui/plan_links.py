"""แผน › แผนในพื้นที่: click an area to list every plan and project touching it; choose a plan to see its areas.

The shared :class:`PlanIndexService` builds one :class:`areaplan.analyses.plan_links.PlanIndex` per workspace on a
worker thread (its own connection to the workspace file), together with the imported need indicators, and
builds it again after ``workspaceChanged`` (open, close, imports) and, debounced, after edits. The other plan
screens (matrix, checks, calendar, indicators) listen to its ``indexChanged``.

The dock :class:`PlanLinksPanel` answers both questions of docs/plans.md:

* **area → plans**: the map tool "ดูแผนในพื้นที่" (or the area box) shows an area's plans as a tree
  level → plan → projects with the projects and budget of each plan *in that area*, and the projects in no plan;
* **plan → areas**: choosing a plan (the plan box, or a plan in the tree) puts a temporary layer
  ``plan_coverage`` on the map (group แผน): every area the plan touches, graduated by its budget in the area
  (``layers.style.graduated_style``, quantiles, YlOrRd); areas it covers without projects get a pale fill. The
  plan can be shown with its sub-plans of the same level and kind (annual action plans) or with every plan below it.

The identify panel also lists the plans touching a tambon (``IDENTIFY_PROVIDERS``).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError, Cancelled
from areaplan.vocab import AGENDAS, LEVELS, PLAN_KINDS
from layers.model import GROUP_PLANS, LabelSettings, Style, StyleError, VectorLayer
from layers.style import graduated_style, legend_entries
from ui.map_canvas import MapTool, ToolEvent
from ui.overlays import HIGHLIGHT_COLOUR, Z_HIGHLIGHT, GeometryOverlay
from ui.worker import JobRunner, progress_value, run_job

#: Name of the temporary layer that shows the areas of the chosen plan.
PLAN_LAYER = "plan_coverage"
#: Boundary layers an area can be picked from, by DOPA code length.
ADMIN_LAYERS: dict[int, str] = {2: "changwat", 4: "amphoe", 6: "tambon", 8: "muban"}
#: Levels a user picks areas and colours plans at.
PICK_LEVELS: tuple[str, ...] = ("tambon", "amphoe", "changwat")
#: At most this many projects are listed under one plan in the tree (the rest as one "… more" line).
MAX_PROJECTS_LISTED = 200
#: A plan with at most this many projects in the area shows them unfolded.
EXPAND_PROJECTS = 10
#: Plans listed under a tambon in the identify panel.
MAX_IDENTIFY_PLANS = 12
#: Fill of areas a plan covers but has no project in.
COVERED_FILL = "#d6e4ef"
#: Ramp and classes of the budget colours.
BUDGET_RAMP, BUDGET_CLASSES = "YlOrRd", 5
#: Rows measured when a table fits its columns to their contents.
RESIZE_ROWS = 40
#: Milliseconds after an edit before the index is built again.
EDIT_REBUILD_MS = 1500
#: Which plans a chosen plan is shown with.
FAMILIES: tuple[str, ...] = ("same_level", "plan", "all")
_ROLE = Qt.ItemDataRole.UserRole


# ------------------------------------------------------------------------------------------ labels
def level_names() -> dict[str, str]:
    """Thai names of the administrative levels users pick."""
    t = QCoreApplication.translate
    return {"tambon": t("PlanLinks", "ตำบล"), "amphoe": t("PlanLinks", "อำเภอ"), "changwat": t("PlanLinks", "จังหวัด"),
            "muban": t("PlanLinks", "หมู่บ้าน"), "country": t("PlanLinks", "ทั้งประเทศ")}  # fmt: skip


def relation_names() -> dict[str, str]:
    """Thai names of how a plan touches an area."""
    t = QCoreApplication.translate
    return {
        "listed": t("PlanLinks", "อยู่ในพื้นที่ครอบคลุมของแผนโดยตรง"),
        "inside": t("PlanLinks", "อยู่ภายในพื้นที่ที่แผนครอบคลุม"),
        "contains": t("PlanLinks", "มีพื้นที่ที่แผนครอบคลุมอยู่ภายใน"),
        "projects": t("PlanLinks", "มีโครงการของแผนในพื้นที่"),
    }


def relation_short_names() -> dict[str, str]:
    """Short Thai names of how a plan touches an area (tree and table cells)."""
    t = QCoreApplication.translate
    return {"listed": t("PlanLinks", "ระบุพื้นที่นี้"), "inside": t("PlanLinks", "อยู่ในพื้นที่แผน"),
            "contains": t("PlanLinks", "มีส่วนของแผน"), "projects": t("PlanLinks", "มีโครงการ")}  # fmt: skip


def coverage_source_names() -> dict[str, str]:
    """Thai names of where a plan's coverage came from."""
    t = QCoreApplication.translate
    return {
        "coverage": t("PlanLinks", "พื้นที่ครอบคลุมที่ระบุในแผน"),
        "country": t("PlanLinks", "แผนระดับชาติ ครอบคลุมทั้งประเทศ"),
        "owner": t("PlanLinks", "เขตของหน่วยงานเจ้าของแผน"),
        "parent": t("PlanLinks", "พื้นที่ของแผนแม่ระดับเดียวกัน"),
    }


def family_names() -> dict[str, str]:
    """Thai names of the plan families a plan is shown with."""
    t = QCoreApplication.translate
    return {
        "same_level": t("PlanLinks", "แผนนี้และแผนปฏิบัติการประจำปี (แผนย่อยระดับและประเภทเดียวกัน)"),
        "plan": t("PlanLinks", "เฉพาะแผนนี้"),
        "all": t("PlanLinks", "แผนนี้และแผนย่อยทุกระดับ"),
    }


def baht(value: object) -> str:
    """A budget in whole baht with thousands separators ('' when missing)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return f"{number:,.0f}" if math.isfinite(number) else ""


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def plan_title(plan: dict | pd.Series) -> str:
    """'PV90 · แผนพัฒนาจังหวัดสงขลา …' for lists and titles."""
    return f"{plan.get('plan_id')} · {_text(plan.get('name'))}"


def period_text(start: object, end: object) -> str:
    """'2566–2570' ('?' for a missing year)."""
    return f"{_text(start) or '?'}–{_text(end) or '?'}"


# ------------------------------------------------------------------------------------------ a table model
@dataclass(frozen=True)
class Column:
    """A column of a FrameTableModel: frame key, header and how to show it (text, int, money, year, float)."""

    key: str
    header: str
    kind: str = "text"


_FORMATS = {"money": "{:,.0f}", "int": "{:,.0f}", "float": "{:,.2f}", "year": "{:.0f}"}


@dataclass
class TableData:
    """A frame prepared for FrameTableModel: display texts and sort values per column (no Qt, any thread)."""

    frame: pd.DataFrame
    columns: list[Column]
    texts: list[list[str]]
    sort: list[np.ndarray]
    background: np.ndarray | None = None
    tooltips: np.ndarray | None = None


def table_data(frame: pd.DataFrame, columns: Iterable[Column], *, background: np.ndarray | None = None,
               tooltips: np.ndarray | None = None) -> TableData:
    """Format a frame for a FrameTableModel; `background`/`tooltips` are (rows, columns) arrays or None.

    Columns missing from the frame are left out. Safe on a worker thread, so long tables are formatted there.
    """
    frame = frame.reset_index(drop=True)
    cols = [c for c in columns if c.key in frame.columns]
    texts: list[list[str]] = []
    sort: list[np.ndarray] = []
    for c in cols:
        series = frame[c.key]
        if c.kind == "text":
            shown = [_text(v) for v in series.tolist()]
            texts.append(shown)
            sort.append(np.array(shown, dtype=object))
            continue
        nums = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
        fmt = _FORMATS.get(c.kind, "{:,.0f}").format
        texts.append([fmt(v) if math.isfinite(v) else "" for v in nums.tolist()])
        sort.append(np.where(np.isfinite(nums), nums, -np.inf))
    return TableData(frame, cols, texts, sort, background, tooltips)


class FrameTableModel(QAbstractTableModel):
    """A read-only table over a DataFrame: formatted text, numbers sortable by value, optional cell colours."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data = table_data(pd.DataFrame(), [])
        self._shape = (0, 0)

    def set_frame(self, frame: pd.DataFrame, columns: Iterable[Column], *, background: np.ndarray | None = None,
                  tooltips: np.ndarray | None = None) -> None:
        """Show a frame; `background`/`tooltips` are (rows, columns) arrays of colour texts / tips (or None)."""
        self.set_data(table_data(frame, columns, background=background, tooltips=tooltips))

    def set_data(self, data: TableData) -> None:
        """Show a prepared table (see table_data)."""
        self.beginResetModel()
        self._data = data
        self._shape = (len(data.frame), len(data.columns))
        self.endResetModel()

    @property
    def frame(self) -> pd.DataFrame:
        """The frame shown (row positions are model rows)."""
        return self._data.frame

    @property
    def columns(self) -> list[Column]:
        """The columns shown."""
        return list(self._data.columns)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows of the frame."""
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Columns shown."""
        return 0 if parent.isValid() else self._shape[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort value (UserRole), alignment, background and tooltip of a cell."""
        if not index.isValid():
            return None
        r, c, d = index.row(), index.column(), self._data
        if role == Qt.ItemDataRole.DisplayRole:
            return d.texts[c][r]
        if role == _ROLE:
            value = d.sort[c][r]
            return float(value) if isinstance(value, (float, np.floating)) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and d.columns[c].kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and d.background is not None:
            colour = d.background[r, c]
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if d.tooltips is not None and d.tooltips[r, c]:
                return d.tooltips[r, c]
            return d.texts[c][r] if d.columns[c].kind == "text" else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt naming)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column headers; row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            cols = self._data.columns
            return cols[section].header if section < len(cols) else None
        return str(section + 1)

    def record(self, row: int) -> dict:
        """The frame row of a model row as a dict."""
        return self._data.frame.iloc[row].to_dict()


def table_view(parent: QWidget, model: FrameTableModel) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable, read-only, row-selecting table over a FrameTableModel (through a sort proxy)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # rows in the model's order until a header is clicked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(22)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(RESIZE_ROWS)  # measuring every Thai text of a long table takes seconds
    header.setMaximumSectionSize(420)
    return view, proxy


class LegendWidget(QWidget):
    """A small legend: a title and one (colour swatch, text) entry per class, in columns."""

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str | None]] = []
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(1)
        for col in range(self.COLUMNS):
            self._grid.setColumnStretch(2 * col + 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self._title)
        layout.addLayout(self._grid)

    def set_entries(self, title: str, rows: Iterable[tuple[str, str | None]]) -> None:
        """Show a title and (text, colour) rows (an empty list hides the legend)."""
        self._rows = list(rows)
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._title.setText(title)
        for i, (text, colour) in enumerate(self._rows):
            swatch = QLabel(self)
            pixmap = QPixmap(18, 12)
            pixmap.fill(QColor(colour) if colour else QColor(0, 0, 0, 0))
            swatch.setPixmap(pixmap)
            row, col = divmod(i, self.COLUMNS)
            self._grid.addWidget(swatch, row, 2 * col)
            self._grid.addWidget(QLabel(text, self), row, 2 * col + 1)
        self.setVisible(bool(self._rows))

    def entries(self) -> list[tuple[str, str | None]]:
        """The (text, colour) rows shown."""
        return list(self._rows)

    def title(self) -> str:
        """The legend's title."""
        return self._title.text()


# ------------------------------------------------------------------------------------------ the index service
def read_plan_data(ws: Any, *, progress: Any = None, cancelled: Any = None) -> tuple[Any, pd.DataFrame]:
    """(PlanIndex, indicators table) of an open workspace."""
    from areaplan.analyses.indicators import read_indicators
    from areaplan.analyses.plan_links import PlanIndex
    from areaplan.progress import Reporter

    rep = Reporter(progress, cancelled)
    index = PlanIndex.from_workspace(ws, progress=rep.sub(0.0, 0.9), cancelled=cancelled)
    rep(0.92, "อ่านตัวชี้วัด")
    indicators = read_indicators(ws)
    rep(1.0, "พร้อม")
    return index, indicators


def index_job(path: str | Path, *, progress: Any = None, cancelled: Any = None) -> tuple[Any, pd.DataFrame]:
    """Open the workspace file on this (worker) thread and read its plan index and indicators."""
    from areaplan.workspace import Workspace

    with Workspace.open(path) as ws:
        return read_plan_data(ws, progress=progress, cancelled=cancelled)


def workspace_file(window: Any) -> Path | None:
    """The open workspace's file when it is a real workspace the plan index can read (else None)."""
    ws = getattr(window, "workspace", None)
    path = getattr(ws, "path", None)
    if ws is None or path is None or not hasattr(ws, "query"):
        return None
    return Path(path) if Path(path).is_file() else None


def has_plan_data(window: Any) -> bool:
    """True when the open workspace holds plans or indicators (then the index is built as soon as it opens)."""
    if workspace_file(window) is None:
        return False
    try:
        rows = window.workspace.query("SELECT (SELECT count(*) FROM plans), (SELECT count(*) FROM indicators)")
    except sqlite3.Error:  # a workspace without these tables: nothing to build yet
        return False
    return bool(rows) and any(int(v or 0) > 0 for v in rows[0])


class PlanIndexService(QObject):
    """One plan index (and the indicators) per open workspace, built on a worker thread, for every plan screen."""

    #: the index was replaced (or dropped: ``index`` is None)
    indexChanged = Signal()
    #: (fraction, message) while building
    progressChanged = Signal(float, str)
    #: True while a build runs
    buildingChanged = Signal(bool)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.index: Any = None
        self.indicators = pd.DataFrame(columns=["area_code", "level", "indicator", "value", "unit", "year", "source"])
        self.runner: JobRunner | None = None
        self.last_error: BaseException | None = None
        self.builds = 0
        self._generation = 0
        self._wanted = False
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(EDIT_REBUILD_MS)
        self._edit_timer.timeout.connect(self._rebuild_after_edit)
        window.workspaceChanged.connect(self._on_workspace_changed)
        stack = getattr(window, "undo_stack", None)
        if stack is not None:
            stack.indexChanged.connect(lambda _i: self._edit_timer.start() if self.index is not None else None)

    @property
    def ready(self) -> bool:
        """True when an index of the open workspace is available."""
        return self.index is not None

    def is_building(self) -> bool:
        """True while a build runs."""
        return self.runner is not None and self.runner.is_running()

    def available(self) -> bool:
        """True when the open workspace can be indexed (a workspace file)."""
        return workspace_file(self.window) is not None

    def ensure(self) -> None:
        """Build the index now if there is none (a plan screen was opened); keep it up to date from now on."""
        self._wanted = True
        if self.index is None and not self.is_building():
            self.rebuild()

    def rebuild(self) -> JobRunner | None:
        """Build the index of the open workspace again on a worker thread (None when there is no workspace file)."""
        path = workspace_file(self.window)
        self._generation += 1
        if self.runner is not None and self.runner.is_running():
            self.runner.cancel()
        if path is None:
            self.runner = None
            return None
        generation = self._generation
        self.last_error = None
        runner = run_job(
            self.window, lambda progress, cancelled: index_job(path, progress=progress, cancelled=cancelled),
            title=self.tr("ดัชนีแผน"), label=self.tr("กำลังสร้างดัชนีแผน…"),
            on_done=lambda result: self._on_done(generation, result),
            on_exception=lambda exc: self._on_failed(generation, exc), dialog=False,
        )  # fmt: skip
        runner.progressChanged.connect(lambda f, m: self.progressChanged.emit(f, m) if generation == self._generation
                                       else None)
        runner.finished.connect(lambda: self.buildingChanged.emit(self.is_building()))
        self.runner = runner
        self.buildingChanged.emit(True)
        return runner

    def _on_done(self, generation: int, result: tuple[Any, pd.DataFrame]) -> None:
        if generation != self._generation:
            return
        self.index, self.indicators = result
        self.builds += 1
        self.indexChanged.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.last_error = exc
        if not isinstance(exc, Cancelled):
            self.window.statusBar().showMessage(self.tr("สร้างดัชนีแผนไม่ได้: {error}").format(error=str(exc)), 10000)
        self.indexChanged.emit()

    def _rebuild_after_edit(self) -> None:
        if self.index is not None:
            self.rebuild()

    def _on_workspace_changed(self) -> None:
        self._edit_timer.stop()
        had = self.index is not None
        self.index = None
        self.indicators = self.indicators.iloc[0:0]
        if self.available() and (self._wanted or has_plan_data(self.window)):
            self.rebuild()
        else:
            self._generation += 1
            if self.runner is not None and self.runner.is_running():
                self.runner.cancel()
        if had or not self.is_building():
            self.indexChanged.emit()

    def summary(self) -> str:
        """One line on what the index holds (or why there is none)."""
        if self.index is None:
            if self.is_building():
                return self.tr("กำลังสร้างดัชนีแผน…")
            if not self.available():
                return self.tr("เปิดพื้นที่ทำงานเพื่อดูแผน")
            if self.last_error is not None and not isinstance(self.last_error, Cancelled):
                return self.tr("สร้างดัชนีแผนไม่ได้: {error}").format(error=str(self.last_error))
            return self.tr("ยังไม่ได้สร้างดัชนีแผน")
        ix = self.index
        return self.tr("แผน {plans} แผน · โครงการ {projects} โครงการ · การเชื่อมโยง {links} รายการ").format(
            plans=f"{len(ix.plans):,}", projects=f"{len(ix.projects):,}", links=f"{len(ix.links):,}")


# ------------------------------------------------------------------------------------------ map helpers
def boundary_layer(window: Any, level: str) -> VectorLayer | None:
    """The workspace's boundary layer of a level, if shown."""
    layers = getattr(window, "layers", None)
    if layers is None or level not in layers or not isinstance(layers[level], VectorLayer):
        return None
    return layers[level]


def area_geometries(window: Any, codes: Iterable[str]) -> gpd.GeoDataFrame:
    """Rows (code, geometry in EPSG:4326) of the boundary features with these codes, any level."""
    wanted = pd.Series(sorted({str(c) for c in codes if c}), dtype=object)
    parts = []
    for length, level in ADMIN_LAYERS.items():
        layer = boundary_layer(window, level)
        mine = wanted[wanted.str.len() == length]
        if layer is None or not len(mine) or "code" not in layer.data.columns:
            continue
        data = layer.data
        hit = data[data["code"].astype(str).isin(mine)]
        if len(hit):
            parts.append(hit[["code", "geometry"]])
    if not parts:
        return gpd.GeoDataFrame({"code": []}, geometry=[], crs="EPSG:4326")
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=parts[0].crs)


def zoom_to_frame(window: Any, frame: gpd.GeoDataFrame) -> bool:
    """Zoom the map to the features of a frame (any CRS); False when none is located."""
    if frame is None or not len(frame):
        return False
    geoms = frame.geometry
    geoms = geoms[~(geoms.isna() | geoms.is_empty)]
    if geoms.empty:
        return False
    crs = str(geoms.crs) if geoms.crs is not None else "EPSG:4326"
    minx, miny, maxx, maxy = geoms.total_bounds
    window.canvas.zoom_to_bounds(float(minx), float(miny), float(maxx), float(maxy), crs=crs)
    return True


def project_rows(window: Any, keys: pd.DataFrame) -> gpd.GeoDataFrame:
    """The projects layer rows of (source, project_id) keys (project_id alone when there is no source column)."""
    layer = getattr(window, "layers", None)
    if layer is None or "projects" not in layer:
        return gpd.GeoDataFrame({"fid": []}, geometry=[], crs="EPSG:4326")
    data = window.layers["projects"].data
    ids = keys["project_id"].astype(str)
    if "source" in keys.columns and "source" in data.columns and keys["source"].notna().all():
        wanted = set(zip(keys["source"].astype(str), ids))
        mask = pd.Series(list(zip(data["source"].astype(str), data["project_id"].astype(str))),
                         index=data.index).isin(wanted)
    else:
        mask = data["project_id"].astype(str).isin(set(ids))
    return data[mask.to_numpy()]


def show_projects(window: Any, keys: pd.DataFrame, fallback_areas: Iterable[str] = ()) -> int:
    """Select projects on the map and zoom to them (to their areas when they have no point); how many found."""
    rows = project_rows(window, keys)
    if "fid" in rows.columns:
        window.selection.set("projects", [int(f) for f in rows["fid"].dropna()])
    if not zoom_to_frame(window, rows):
        zoom_to_frame(window, area_geometries(window, fallback_areas))
    return len(rows)


class AreaHighlight:
    """An outline on the map around the areas last shown (one per window, shared by the plan screens)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.overlay = GeometryOverlay(HIGHLIGHT_COLOUR, width=3.0, fill_alpha=0)
        window.canvas.add_overlay(self.overlay, Z_HIGHLIGHT)
        self.codes: list[str] = []
        window.workspaceChanged.connect(self.clear)

    def show(self, codes: Iterable[str], *, zoom: bool = True) -> bool:
        """Outline these areas (and zoom to them); False when none is on the map."""
        frame = area_geometries(self.window, codes)
        self.codes = sorted(frame["code"].astype(str)) if len(frame) else []
        layers = self.window.layers
        if layers is None or not len(frame):
            self.overlay.clear()
            return False
        self.overlay.set_geometries(frame.to_crs(layers.crs).geometry.to_numpy())
        if zoom:
            zoom_to_frame(self.window, frame)
        return True

    def clear(self) -> None:
        """Remove the outline."""
        self.codes = []
        self.overlay.clear()


def area_highlight(window: Any) -> AreaHighlight:
    """The window's shared area highlight (made on first use)."""
    highlight = getattr(window, "plan_area_highlight", None)
    if highlight is None:
        highlight = window.plan_area_highlight = AreaHighlight(window)
    return highlight


def put_temporary_layer(window: Any, layer: VectorLayer) -> bool:
    """Show a temporary layer just above the tambons (replacing one of the same name); False without a map."""
    layers = getattr(window, "layers", None)
    if layers is None:
        return False
    if layer.name in layers:
        layers.remove(layer.name)
    names = layers.names()
    anchor = next((n for n in ("tambon", "amphoe", "changwat") if n in names), None)
    layers.insert(names.index(anchor) + 1 if anchor else len(names), layer)
    return True


def remove_temporary_layer(window: Any, name: str) -> None:
    """Take a temporary layer off the map (nothing when it is not there)."""
    layers = getattr(window, "layers", None)
    if layers is not None and name in layers:
        layers.remove(name)


def choropleth_layer(name: str, title: str, boundaries: gpd.GeoDataFrame, values: pd.DataFrame, value_field: str,
                     *, crs: str, ramp: str, empty_fill: str, k: int = BUDGET_CLASSES,
                     zero_is_empty: bool = True) -> tuple[VectorLayer, Style]:
    """A layer of the boundary features listed in `values` (by code) graduated on `value_field`.

    Features whose value is missing (or zero with `zero_is_empty`) get `empty_fill`. The geometries are
    projected to the map CRS here, so a worker thread can build the layer and the UI thread only shows it.
    """
    frame = boundaries[["code", "name_th", "geometry"]].merge(values.drop(columns=["name_th"], errors="ignore"),
                                                              on="code", how="inner")
    frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=boundaries.crs)
    shown = pd.to_numeric(frame[value_field], errors="coerce")
    if zero_is_empty:
        shown = shown.where(shown > 0)
    frame["_value"] = shown
    base = Style(fill=empty_fill, stroke="#6b6b6b", width=0.6)
    try:
        style = graduated_style(base, frame, "_value", method="quantile", k=k, ramp=ramp)
    except StyleError:  # no value to classify: every feature gets the plain fill
        style = base
    layer = VectorLayer(name, title, frame, style, GROUP_PLANS, opacity=0.85,
                        labels=LabelSettings(field="name_th", visible=False, size=8.0))
    layer.projected(crs)
    return layer, style


# ------------------------------------------------------------------------------------------ plan → areas
def plan_family(index: Any, plan_id: str, family: str) -> list[str]:
    """The plan and the sub-plans it is shown with: none, descendants of the same level and kind (its annual
    action plans), or every descendant."""
    root = index.find_plan(plan_id)
    ids = [str(index.plans["plan_id"].iat[root])]
    if family == "plan":
        return ids
    level, kind = index.plans["level"].iat[root], index.plans["kind"].iat[root]
    seen, todo = {root}, [root]
    while todo:
        p = todo.pop()
        for child_id in index.children(p):
            c = index.find_plan(child_id)
            same = index.plans["level"].iat[c] == level and index.plans["kind"].iat[c] == kind
            if c in seen or (family == "same_level" and not same):
                continue
            seen.add(c)
            todo.append(c)
            ids.append(child_id)
    return ids


_RANK = {"listed": 3, "inside": 2, "contains": 1}


def family_areas(index: Any, plan_ids: list[str], level: str, *, progress: Any = None,
                 cancelled: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(areas of a level touched by any of the plans with relation, projects and budget; the projects).

    A project linked to several of the plans counts once; its budget goes to the area it lies in.
    """
    from areaplan.analyses.plan_links import ADMIN_LEVELS
    from areaplan.progress import Reporter

    rep = Reporter(progress, cancelled)
    answers = []
    for i, p in enumerate(plan_ids):
        if i % 20 == 0:
            rep(i / max(len(plan_ids), 1), "หาพื้นที่ของแผน")
        answers.append(index.plan_areas(p, levels=(level,)))
    touched = pd.concat([a.areas for a in answers], ignore_index=True)
    cols = ["code", "level", "name_th", "name_en", "parent_code", "relation"]
    touched = touched.reindex(columns=cols)
    touched["_rank"] = touched["relation"].map(_RANK).fillna(0)
    touched = (touched.sort_values(["code", "_rank"], ascending=[True, False], kind="stable")
               .drop_duplicates("code").drop(columns="_rank"))
    projects = pd.concat([a.projects.assign(plan_id=a.plan["plan_id"]) for a in answers], ignore_index=True)
    projects = projects.drop_duplicates(["source", "project_id"]).reset_index(drop=True)
    width = ADMIN_LEVELS[level]
    loc = projects["area_code"].astype(object).where(projects["area_code"].notna(), "")
    loc = loc.astype(str)
    inside = loc.str.len() >= width
    agg = (projects[inside.to_numpy()].assign(code=loc[inside].str[:width].to_numpy())
           .groupby("code").agg(projects=("project_id", "size"), budget=("budget", "sum")))
    out = touched.merge(agg, left_on="code", right_index=True, how="left")
    out["projects"] = out["projects"].fillna(0).astype(int)
    out["budget"] = out["budget"].fillna(0.0)
    out["via_projects"] = out["projects"] > 0
    out["relation"] = out["relation"].where(out["relation"].notna(), None)
    return out.sort_values(["budget", "code"], ascending=[False, True], kind="stable").reset_index(drop=True), projects


@dataclass
class PlanMap:
    """What showing a plan on the map produced (built on a worker thread)."""

    plan_id: str
    family: str
    level: str
    plan_ids: list[str]
    answer: Any  # PlanAreas of the plan itself
    areas: pd.DataFrame
    projects: pd.DataFrame
    layer: VectorLayer | None
    style: Style | None
    layers: Any = None  # the LayerList the layer was built for
    totals: dict = field(default_factory=dict)


def plan_map_job(index: Any, plan_id: str, family: str, level: str, boundaries: gpd.GeoDataFrame | None, crs: str,
                 title: str, layers: Any, *, progress: Any = None, cancelled: Any = None) -> PlanMap:
    """Areas of a plan (and its family) at one level, with the graduated temporary layer to show them."""
    answer = index.plan_areas(plan_id)
    ids = plan_family(index, plan_id, family)
    areas, projects = family_areas(index, ids, level, progress=progress, cancelled=cancelled)
    layer = style = None
    if boundaries is not None and len(boundaries) and len(areas):
        layer, style = choropleth_layer(PLAN_LAYER, title, boundaries, areas[["code", "relation", "projects",
                                                                            "budget"]],
                                        "budget", crs=crs, ramp=BUDGET_RAMP, empty_fill=COVERED_FILL)
    located = projects["area_code"].notna() if len(projects) else pd.Series(dtype=bool)
    totals = {"areas": len(areas), "with_projects": int((areas["projects"] > 0).sum()) if len(areas) else 0,
              "projects": len(projects), "located": int(located.sum()),
              "budget": float(pd.to_numeric(projects["budget"], errors="coerce").fillna(0).sum()) if len(projects)
              else 0.0}
    return PlanMap(str(answer.plan["plan_id"]), family, level, ids, answer, areas, projects, layer, style, layers,
                   totals)


# ------------------------------------------------------------------------------------------ the map tool
class AreaPlansTool(MapTool):
    """Click an area: the plans dock lists the plans and projects touching it."""

    name = "plan_links"
    title = QT_TRANSLATE_NOOP("PlanLinks", "ดูแผนในพื้นที่")
    cursor = Qt.CursorShape.PointingHandCursor

    def __init__(self, canvas: Any, panel: PlanLinksPanel) -> None:
        super().__init__(canvas)
        self.panel = panel

    def click(self, event: ToolEvent) -> None:
        """Show the plans of the area under the click."""
        if event.button == Qt.MouseButton.LeftButton and not event.double:
            self.panel.pick_at(event.x, event.y)


def plans_in_area(window: Any, layer_name: str, row: pd.Series) -> list[tuple[str, str]]:
    """Identify lines for a tambon: how many plans touch it, then each plan with projects here."""
    service = getattr(window, "plan_index_service", None)
    if layer_name != "tambon" or service is None or service.index is None:
        return []
    try:
        links = service.index.area_links(str(row.get("code", "")))
    except AreaPlanError:
        return []
    t = QCoreApplication.translate
    totals = links.totals
    out = [(t("PlanLinks", "แผนที่เกี่ยวข้อง"),
            t("PlanLinks", "{n} แผน (มีโครงการในตำบล {m} แผน)").format(n=f"{totals['plans']:,}",
                                                                       m=f"{totals['plans_with_projects']:,}"))]
    shown = links.plans.sort_values(["budget", "projects"], ascending=False, kind="stable")
    shown = shown[shown["projects"] > 0]
    for rec in shown.head(MAX_IDENTIFY_PLANS).itertuples(index=False):
        out.append((str(rec.plan_id), t("PlanLinks", "{name}: {n} โครงการ {budget} บาท").format(
            name=_text(rec.name), n=f"{int(rec.projects):,}", budget=baht(rec.budget))))
    if totals["unplanned_projects"]:
        out.append((t("PlanLinks", "ไม่อยู่ในแผนใด"), t("PlanLinks", "{n} โครงการ").format(
            n=f"{totals['unplanned_projects']:,}")))
    return out


# ------------------------------------------------------------------------------------------ the dock
class PlanLinksPanel(QWidget):
    """The dock's contents: an area's plans and projects (tree), and a chosen plan's areas (map, table)."""

    areaShown = Signal(str)
    planShown = Signal(str)

    TREE_COLUMNS = 4  # name, how it touches, projects, budget in the area

    def __init__(self, window: Any, service: PlanIndexService) -> None:
        super().__init__(window)
        self.setObjectName("planLinksPanel")
        self.window_ = window
        self.service = service
        self.links: Any = None  # AreaLinks shown
        self.plan_map: PlanMap | None = None
        self.plan_runner: JobRunner | None = None
        self.last_error: BaseException | None = None
        self.highlight = area_highlight(window)

        # status
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumHeight(12)
        self.progress_bar.setTextVisible(False)
        self.rebuild_button = QPushButton(self.tr("สร้างดัชนีใหม่"), self)
        self.rebuild_button.setToolTip(self.tr("อ่านแผน โครงการ และการเชื่อมโยงจากพื้นที่ทำงานอีกครั้ง"))
        self.rebuild_button.clicked.connect(service.rebuild)
        status = QHBoxLayout()
        status.addWidget(self.status_label, 1)
        status.addWidget(self.rebuild_button)

        # area → plans
        self.pick_button = QPushButton(self.tr("คลิกพื้นที่บนแผนที่"), self)
        self.pick_button.setCheckable(True)
        self.pick_button.setToolTip(self.tr("เลือกเครื่องมือแล้วคลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการ"))
        self.level_combo = QComboBox(self)
        for level in PICK_LEVELS:
            self.level_combo.addItem(level_names()[level], level)
        self.level_combo.setToolTip(self.tr("ระดับพื้นที่ที่คลิกเลือกและที่ใช้แสดงพื้นที่ของแผน"))
        self.level_combo.currentIndexChanged.connect(self._on_level_changed)
        self.area_edit = QLineEdit(self)
        self.area_edit.setPlaceholderText(self.tr("รหัสหรือชื่อพื้นที่ เช่น 901104 หรือ คอหงส์"))
        self.area_edit.returnPressed.connect(self._on_area_entered)
        pick = QHBoxLayout()
        pick.addWidget(self.pick_button)
        pick.addWidget(self.level_combo)
        pick.addWidget(self.area_edit, 1)
        self.area_label = QLabel(self.tr("คลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการที่เกี่ยวข้อง"), self)
        self.area_label.setWordWrap(True)
        self.area_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(self.TREE_COLUMNS)
        self.tree.setHeaderLabels([self.tr("ระดับ / แผน / โครงการ"), self.tr("ความเกี่ยวข้อง"), self.tr("โครงการ"),
                                   self.tr("งบประมาณในพื้นที่ (บาท)")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setResizeContentsPrecision(RESIZE_ROWS)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_activated)
        area_box = QWidget(self)
        area_layout = QVBoxLayout(area_box)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addLayout(pick)
        area_layout.addWidget(self.area_label)
        area_layout.addWidget(self.tree, 1)

        # plan → areas
        self.plan_combo = QComboBox(self)
        self.plan_combo.setEditable(True)
        self.plan_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.plan_combo.lineEdit().setPlaceholderText(self.tr("เลือกแผนเพื่อดูพื้นที่บนแผนที่"))
        completer = self.plan_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.plan_combo.activated.connect(self._on_plan_chosen)
        self.family_combo = QComboBox(self)
        for key in FAMILIES:
            self.family_combo.addItem(family_names()[key], key)
        self.family_combo.currentIndexChanged.connect(self._refresh_plan)
        self.clear_plan_button = QPushButton(self.tr("ล้างแผนบนแผนที่"), self)
        self.clear_plan_button.clicked.connect(self.clear_plan)
        self.zoom_check = QCheckBox(self.tr("ขยายไปที่แผน"), self)
        self.zoom_check.setToolTip(self.tr("ขยายแผนที่ไปที่พื้นที่ของแผนเมื่อเลือกแผน"))
        self.zoom_check.setChecked(True)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.family_combo, 1)
        plan_row.addWidget(self.zoom_check)
        plan_row.addWidget(self.clear_plan_button)
        self.plan_label = QLabel(self)
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = LegendWidget(self)
        self.legend.hide()
        self.areas_model = FrameTableModel(self)
        self.areas_view, self.areas_proxy = table_view(self, self.areas_model)
        self.areas_view.clicked.connect(self._on_area_row_clicked)
        plan_box = QWidget(self)
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.plan_combo)
        plan_layout.addLayout(plan_row)
        plan_layout.addWidget(self.plan_label)
        plan_layout.addWidget(self.legend)
        plan_layout.addWidget(self.areas_view, 1)

        self.areas_view.verticalHeader().setVisible(False)
        self.areas_view.setMinimumHeight(60)
        self.tree.setMinimumHeight(120)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(area_box)
        splitter.addWidget(plan_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(status)
        layout.addWidget(self.progress_bar)
        layout.addWidget(splitter, 1)

        self.tool = AreaPlansTool(window.canvas, self)
        window.canvas.register_tool(self.tool)
        self.pick_button.toggled.connect(self._on_pick_toggled)
        window.canvas.toolChanged.connect(self._on_tool_changed)
        service.indexChanged.connect(self._on_index_changed)
        service.progressChanged.connect(self._on_progress)
        service.buildingChanged.connect(lambda _b: self._update_status())
        window.workspaceChanged.connect(self._on_workspace_changed)
        self._update_status()
        self._fill_plans()

    # -- status
    def _update_status(self) -> None:
        building = self.service.is_building()
        self.progress_bar.setVisible(building)
        self.rebuild_button.setEnabled(self.service.available() and not building)
        self.status_label.setText(self.service.summary())

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(progress_value(fraction))
        if message:
            self.status_label.setText(self.tr("กำลังสร้างดัชนีแผน: {step}").format(step=message))

    def _on_index_changed(self) -> None:
        self._update_status()
        self._fill_plans()
        index = self.service.index
        if index is None:
            return
        area = self.links.area["code"] if self.links is not None else None
        self.links = None
        if area:
            try:
                self.show_area(area, zoom=False)
            except AreaPlanError:
                self._clear_area()
        if self.plan_map is not None:
            plan = self.plan_map.plan_id
            self.plan_map = None
            if plan in set(index.plans["plan_id"].astype(str)):
                self.show_plan(plan, zoom=False)
            else:
                self.clear_plan()

    def _on_workspace_changed(self) -> None:
        self._clear_area()
        self.plan_map = None
        self.plan_label.setText("")
        self.legend.set_entries("", [])
        self.areas_model.set_frame(pd.DataFrame(), [])

    # -- levels and tools
    @property
    def level(self) -> str:
        """The administrative level areas are picked and plans coloured at."""
        return str(self.level_combo.currentData())

    def set_level(self, level: str) -> None:
        """Pick and colour at this level (tambon, amphoe or changwat)."""
        i = self.level_combo.findData(level)
        if i >= 0:
            self.level_combo.setCurrentIndex(i)

    def _on_level_changed(self) -> None:
        self._refresh_plan()

    def _on_pick_toggled(self, on: bool) -> None:
        canvas = self.window_.canvas
        if on and canvas.tool is not self.tool:
            self.service.ensure()
            canvas.set_tool(self.tool.name)
        elif not on and canvas.tool is self.tool:
            canvas.set_tool("pan")

    def _on_tool_changed(self, name: str) -> None:
        self.pick_button.blockSignals(True)
        self.pick_button.setChecked(name == self.tool.name)
        self.pick_button.blockSignals(False)

    # -- area → plans
    def pick_at(self, x: float, y: float) -> str | None:
        """Show the plans of the area of the current level at a map position (map CRS); its code or None."""
        layer = boundary_layer(self.window_, self.level)
        if layer is None:
            return None
        tools = getattr(self.window_, "map_tools", None)
        if tools is not None:
            index = tools.indexes.index(layer, self.window_.canvas.crs)
        else:
            from layers.hit import HitIndex, layer_fids

            index = HitIndex(layer.projected(self.window_.canvas.crs).values, layer_fids(layer))
        positions = index.hit_positions(x, y, 0.0)
        if not len(positions):
            self.window_.statusBar().showMessage(self.tr("ไม่พบพื้นที่ตรงตำแหน่งที่คลิก"), 4000)
            return None
        code = str(layer.data["code"].iloc[int(positions[0])])
        self.show_area(code, zoom=False)
        return code

    def _on_area_entered(self) -> None:
        text = self.area_edit.text().strip()
        if not text:
            return
        try:
            self.show_area(text)
        except AreaPlanError as exc:
            self.area_label.setText(str(exc))

    def show_area(self, area: str, *, zoom: bool = True) -> Any:
        """List the plans and projects touching an area (code, PCODE or name); None until the index is built.

        Raises AreaPlanError for an area that is not in the workspace.
        """
        index = self.service.index
        if index is None:
            self.service.ensure()
            self.area_label.setText(self.tr("กำลังสร้างดัชนีแผน กรุณารอสักครู่แล้วคลิกอีกครั้ง"))
            return None
        links = index.area_links(area)
        self.links = links
        self._fill_tree(links)
        self.highlight.show([links.area["code"]], zoom=zoom)
        self.areaShown.emit(str(links.area["code"]))
        return links

    def _clear_area(self) -> None:
        self.links = None
        self.tree.clear()
        self.area_label.setText(self.tr("คลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการที่เกี่ยวข้อง"))

    def _area_heading(self, links: Any) -> str:
        a, t = links.area, links.totals
        names = level_names()
        within = " ".join(f"{names.get(w['level'], '')}{w['name_th'] or w['code']}" for w in reversed(a["within"]))
        head = f"{names.get(a['level'], '')}{a.get('name_th') or ''} ({a['code']}) {within}".strip()
        return head + "\n" + self.tr(
            "แผนที่เกี่ยวข้อง {plans} แผน (มีโครงการในพื้นที่ {with_projects} แผน) · โครงการในพื้นที่ {projects} "
            "โครงการ งบประมาณ {budget} บาท · ไม่อยู่ในแผนใด {unplanned} โครงการ").format(
            plans=f"{t['plans']:,}", with_projects=f"{t['plans_with_projects']:,}", projects=f"{t['projects']:,}",
            budget=baht(t["budget"]), unplanned=f"{t['unplanned_projects']:,}")  # fmt: skip

    def _fill_tree(self, links: Any) -> None:
        tree = self.tree
        tree.setUpdatesEnabled(False)
        tree.clear()
        self.area_label.setText(self._area_heading(links))
        relations, short = relation_names(), relation_short_names()
        sources = coverage_source_names()
        by_plan: dict[str, list[dict]] = {}
        for rec in links.projects.to_dict("records"):
            by_plan.setdefault(rec["plan_id"], []).append(rec)
        bold = tree.font()
        bold.setBold(True)
        groups: dict[str | None, list[dict]] = {}  # plans come sorted by level: keep that order
        for rec in links.plans.to_dict("records"):
            level = rec.get("level")
            groups.setdefault(level if isinstance(level, str) else None, []).append(rec)
        for level_key, plans in groups.items():
            top = QTreeWidgetItem(tree, [
                LEVELS.get(level_key, level_key or self.tr("ไม่ระบุระดับ")),
                self.tr("{n} แผน").format(n=len(plans)), f"{sum(int(r['projects']) for r in plans):,}",
                baht(sum(float(r["budget"]) for r in plans))])  # fmt: skip
            top.setData(0, _ROLE, ("level", level_key))
            for col in range(self.TREE_COLUMNS):
                top.setFont(col, bold)
            for rec in plans:
                keys = [rec["relation"]] if rec.get("relation") in relations else []
                if rec.get("via_projects"):
                    keys.append("projects")
                kind = PLAN_KINDS.get(rec.get("kind"), _text(rec.get("kind")))
                agenda = AGENDAS.get(rec.get("agenda")) if rec.get("agenda") else None
                item = QTreeWidgetItem(top, [plan_title(rec), ", ".join(short[k] for k in keys),
                                             f"{int(rec['projects']):,}", baht(rec["budget"])])
                item.setData(0, _ROLE, ("plan", str(rec["plan_id"])))
                item.setToolTip(1, "\n".join(relations[k] for k in keys))
                source = sources.get(rec.get("coverage_source") or "", "")
                tip = [plan_title(rec), f"{kind}" + (f" · {agenda}" if agenda else ""),
                       self.tr("ช่วงเวลา {period} · เจ้าของแผน {owner}").format(
                           period=period_text(rec.get("period_start"), rec.get("period_end")),
                           owner=_text(rec.get("owner")))]  # fmt: skip
                if source:
                    tip.append(self.tr("ที่มาของพื้นที่: {source}").format(source=source))
                item.setToolTip(0, "\n".join(tip))
                mine = by_plan.get(rec["plan_id"])
                if mine:
                    self._add_projects(item, mine)
                    item.setExpanded(len(mine) <= EXPAND_PROJECTS)
            top.setExpanded(True)
        if len(links.unplanned):
            top = QTreeWidgetItem(tree, [self.tr("โครงการที่ไม่อยู่ในแผนใด"), "", f"{len(links.unplanned):,}",
                                         baht(links.unplanned["budget"].sum())])
            top.setData(0, _ROLE, ("unplanned", None))
            for col in range(self.TREE_COLUMNS):
                top.setFont(col, bold)
            self._add_projects(top, links.unplanned.head(MAX_PROJECTS_LISTED).to_dict("records"),
                               len(links.unplanned))
        for col in range(1, self.TREE_COLUMNS):
            tree.resizeColumnToContents(col)
        tree.setUpdatesEnabled(True)

    def _add_projects(self, parent: QTreeWidgetItem, projects: list[dict], total: int | None = None) -> None:
        """Project items under a plan (at most MAX_PROJECTS_LISTED, then one '… more' item)."""
        total = len(projects) if total is None else total
        for rec in projects[:MAX_PROJECTS_LISTED]:
            year = _text(rec.get("fiscal_year"))
            text = f"{rec['project_id']} · {_text(rec.get('title'))}"
            item = QTreeWidgetItem(parent, [text, self.tr("ปีงบประมาณ {year}").format(year=year) if year else "", "",
                                            baht(rec.get("budget"))])
            item.setData(0, _ROLE, ("project", _text(rec.get("source")), str(rec["project_id"]),
                                    _text(rec.get("area_code"))))
            item.setToolTip(0, text)
        if total > MAX_PROJECTS_LISTED:
            more = QTreeWidgetItem(parent, [self.tr("… และอีก {n} โครงการ").format(
                n=f"{total - MAX_PROJECTS_LISTED:,}"), "", "", ""])
            more.setData(0, _ROLE, ("more", None))

    def tree_plans(self) -> list[str]:
        """Plan ids listed in the tree, in tree order."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                data = top.child(j).data(0, _ROLE)
                if data and data[0] == "plan":
                    out.append(data[1])
        return out

    def tree_projects(self, plan_id: str | None = None) -> list[str]:
        """Project ids listed under a plan (None: under 'no plan')."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            parents = [top] if plan_id is None and top.data(0, _ROLE)[0] == "unplanned" else [
                top.child(j) for j in range(top.childCount()) if plan_id is not None
                and (top.child(j).data(0, _ROLE) or (None,))[0] == "plan" and top.child(j).data(0, _ROLE)[1] == plan_id]
            for parent in parents:
                for k in range(parent.childCount()):
                    data = parent.child(k).data(0, _ROLE)
                    if data and data[0] == "project":
                        out.append(data[2])
        return out

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, _ROLE)
        if data and data[0] == "plan":
            self.show_plan(data[1])

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, _ROLE)
        if not data:
            return
        if data[0] == "plan":
            self.show_plan(data[1])
        elif data[0] == "project":
            _kind, source, project_id, area = data
            keys = pd.DataFrame({"source": [source or None], "project_id": [project_id]})
            show_projects(self.window_, keys, [area] if area else [])

    # -- plan → areas
    def _fill_plans(self) -> None:
        current = self.current_plan()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        index = self.service.index
        if index is not None and len(index.plans):
            order = index.plans.assign(_lv=index.plans["level"].map({k: i for i, k in enumerate(LEVELS)}).fillna(99))
            for rec in order.sort_values(["_lv", "plan_id"], kind="stable").to_dict("records"):
                self.plan_combo.addItem(plan_title(rec), str(rec["plan_id"]))
        self.plan_combo.setCurrentIndex(-1)
        if current:
            i = self.plan_combo.findData(current)
            if i >= 0:
                self.plan_combo.setCurrentIndex(i)
        self.plan_combo.blockSignals(False)

    def current_plan(self) -> str | None:
        """The plan id chosen in the plan box."""
        data = self.plan_combo.currentData()
        return str(data) if data else None

    def _on_plan_chosen(self, _index: int) -> None:
        plan = self.current_plan()
        if plan:
            self.show_plan(plan)

    def _refresh_plan(self) -> None:
        if self.plan_map is not None:
            self.show_plan(self.plan_map.plan_id, zoom=False)

    @property
    def family(self) -> str:
        """Which sub-plans a plan is shown with (FAMILIES)."""
        return str(self.family_combo.currentData())

    def set_family(self, family: str) -> None:
        """Show plans with this family (FAMILIES)."""
        i = self.family_combo.findData(family)
        if i >= 0:
            self.family_combo.setCurrentIndex(i)

    def show_plan(self, plan_id: str, *, zoom: bool | None = None) -> JobRunner | None:
        """Show a plan's areas on the map coloured by budget (a worker builds the layer); None without an index."""
        index = self.service.index
        if index is None:
            self.service.ensure()
            return None
        try:
            pid = str(index.plans["plan_id"].iat[index.find_plan(plan_id)])
        except AreaPlanError as exc:
            self.plan_label.setText(str(exc))
            return None
        i = self.plan_combo.findData(pid)
        if i >= 0 and self.plan_combo.currentIndex() != i:
            self.plan_combo.blockSignals(True)
            self.plan_combo.setCurrentIndex(i)
            self.plan_combo.blockSignals(False)
        if self.plan_runner is not None and self.plan_runner.is_running():
            self.plan_runner.cancel()
        zoom = self.zoom_check.isChecked() if zoom is None else zoom
        level, family = self.level, self.family
        layer = boundary_layer(self.window_, level)
        boundaries = layer.data if layer is not None else None
        layers = self.window_.layers
        crs = self.window_.canvas.crs
        title = self.tr("พื้นที่ของแผน {plan}").format(plan=pid)
        self.plan_label.setText(self.tr("กำลังหาพื้นที่ของแผน {plan}…").format(plan=pid))
        runner = run_job(
            self, lambda progress, cancelled: plan_map_job(index, pid, family, level, boundaries, crs, title, layers,
                                                           progress=progress, cancelled=cancelled),
            title=self.tr("พื้นที่ของแผน"), label=title, dialog=False,
            on_done=lambda result: self._on_plan_done(result, zoom, index),
            on_exception=self._on_plan_failed,
        )  # fmt: skip
        self.plan_runner = runner
        return runner

    def _on_plan_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if not isinstance(exc, Cancelled):
            self.plan_label.setText(self.tr("แสดงพื้นที่ของแผนไม่ได้: {error}").format(error=str(exc)))

    def _on_plan_done(self, result: PlanMap, zoom: bool, index: Any) -> None:
        if index is not self.service.index or result.layers is not self.window_.layers:
            return  # the workspace or the index changed meanwhile
        self.plan_map = result
        self._show_plan_text(result)
        if result.layer is not None:
            put_temporary_layer(self.window_, result.layer)
            if zoom:
                zoom_to_frame(self.window_, result.layer.data)
        else:
            remove_temporary_layer(self.window_, PLAN_LAYER)
        self._fill_areas_table(result)
        self.planShown.emit(result.plan_id)

    def _show_plan_text(self, result: PlanMap) -> None:
        plan = result.answer.plan
        t = result.totals
        kind = PLAN_KINDS.get(plan.get("kind"), _text(plan.get("kind")))
        agenda = AGENDAS.get(plan.get("agenda")) if plan.get("agenda") else None
        lines = [f"<b>{plan_title(plan)}</b>",
                 " · ".join(x for x in (LEVELS.get(plan.get("level"), _text(plan.get("level"))), kind, agenda,
                                        period_text(plan.get("period_start"), plan.get("period_end")),
                                        _text(plan.get("owner"))) if x)]
        more_lines: list[str] = []  # in the tooltip: coverage and parents
        cov = result.answer.coverage
        if len(cov):
            names = coverage_source_names()
            shown = "; ".join(f"{r.code or ''} {r.name_th or ''}".strip() for r in cov.head(8).itertuples(index=False))
            more = f" … (+{len(cov) - 8})" if len(cov) > 8 else ""
            more_lines.append(self.tr("พื้นที่ครอบคลุม: {areas}{more} ({source})").format(
                areas=shown, more=more, source=names.get(cov["source"].iat[0], "")))
        if result.answer.parents:
            more_lines.append(self.tr("แผนแม่: {chain}").format(chain=" → ".join(result.answer.parents)))
        if len(result.plan_ids) > 1:
            lines.append(self.tr("รวมแผนย่อย: {plans}").format(plans=", ".join(result.plan_ids[1:12])
                                                            + (" …" if len(result.plan_ids) > 12 else "")))
        lines.append(self.tr("{level}ที่เกี่ยวข้อง {areas} แห่ง มีโครงการ {with_projects} แห่ง · โครงการ {projects} "
                             "โครงการ (ระบุที่ตั้งได้ {located}) งบประมาณ {budget} บาท").format(
            level=level_names()[result.level], areas=f"{t['areas']:,}", with_projects=f"{t['with_projects']:,}",
            projects=f"{t['projects']:,}", located=f"{t['located']:,}", budget=baht(t["budget"])))  # fmt: skip
        if result.answer.note:
            lines.append(self.tr("หมายเหตุ: {note}").format(note=result.answer.note))
        self.plan_label.setText("<br>".join(lines))
        self.plan_label.setToolTip("<br>".join(lines[:1] + more_lines))
        if result.style is not None:
            rows = legend_entries(result.style) if result.style.kind == "graduated" else []
            rows.append((self.tr("ครอบคลุม ไม่มีโครงการ"), COVERED_FILL))
            self.legend.set_entries(self.tr("งบประมาณในพื้นที่ (บาท)"), rows)
        else:
            self.legend.set_entries("", [])

    def _fill_areas_table(self, result: PlanMap) -> None:
        frame = result.areas.copy()
        names = relation_short_names()
        frame["how"] = [names.get(r, "") if r else names["projects"] for r in frame["relation"].tolist()]
        self.areas_model.set_frame(frame, [
            Column("code", self.tr("รหัส")), Column("name_th", self.tr("ชื่อ")),
            Column("how", self.tr("ความเกี่ยวข้อง")),
            Column("projects", self.tr("โครงการ"), "int"), Column("budget", self.tr("งบประมาณ (บาท)"), "money")])
        self.areas_view.resizeColumnsToContents()

    def _on_area_row_clicked(self, proxy_index: QModelIndex) -> None:
        row = self.areas_proxy.mapToSource(proxy_index).row()
        code = str(self.areas_model.frame["code"].iat[row])
        self.highlight.show([code])

    def clear_plan(self) -> None:
        """Take the plan's areas off the map."""
        if self.plan_runner is not None and self.plan_runner.is_running():
            self.plan_runner.cancel()
        self.plan_map = None
        remove_temporary_layer(self.window_, PLAN_LAYER)
        self.plan_label.setText("")
        self.legend.set_entries("", [])
        self.areas_model.set_frame(pd.DataFrame(), [])
        self.plan_combo.setCurrentIndex(-1)


def install(window: Any) -> PlanLinksPanel:
    """Add the dock แผนในพื้นที่ (Plans menu, map tool, identify lines) to a main window."""
    from ui.map_tools import IDENTIFY_PROVIDERS
    from ui.plans_menu import plans_menu, plans_service

    service = plans_service(window)
    panel = PlanLinksPanel(window, service)
    dock = QDockWidget(QCoreApplication.translate("PlanLinks", "แผนในพื้นที่"), window)
    dock.setObjectName("planLinksDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()

    def open_dock() -> None:
        dock.show()
        dock.raise_()
        service.ensure()

    action = QAction(QCoreApplication.translate("PlanLinks", "แผนในพื้นที่ / พื้นที่ของแผน…"), window)
    action.setObjectName("actionPlanLinks")
    action.setStatusTip(QCoreApplication.translate(
        "PlanLinks", "คลิกพื้นที่เพื่อดูแผนและโครงการ หรือเลือกแผนเพื่อดูพื้นที่บนแผนที่ (Plans and areas)"))
    action.triggered.connect(open_dock)
    tool_action = QAction(QCoreApplication.translate("PlanLinks", "ดูแผนในพื้นที่"), window)
    tool_action.setObjectName("tool_plan_links")
    tool_action.setCheckable(True)
    tool_action.setToolTip(QCoreApplication.translate("PlanLinks",
                                                      "คลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการที่เกี่ยวข้อง"))

    def use_tool(checked: bool) -> None:
        if checked:
            open_dock()
        panel.pick_button.setChecked(checked)

    tool_action.toggled.connect(use_tool)
    window.canvas.toolChanged.connect(lambda name: tool_action.setChecked(name == panel.tool.name))
    menu = plans_menu(window)
    menu.addAction(action)
    menu.addAction(tool_action)
    window.toolbar.addAction(tool_action)
    if plans_in_area not in IDENTIFY_PROVIDERS:
        IDENTIFY_PROVIDERS.append(plans_in_area)
    window.plan_links, window.plan_links_dock = panel, dock
    window.action_plan_links, window.action_plan_tool = action, tool_action
    return panel


__all__ = ["FrameTableModel", "LegendWidget", "TableData", "table_data", "PlanIndexService", "PlanLinksPanel", "family_areas", "install",
           "plan_family", "plans_in_area"]
