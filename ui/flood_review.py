"""Tools → ทบทวนพื้นที่เสี่ยงน้ำท่วม…: the flood-risk review for disaster-risk-reduction committees.

The committee picks a hazard of the workspace and a level (tambon, amphoe, changwat); the exposure analysis
(areaplan.analyses.flood_exposure) and the gap analysis (flood_gaps) run on a worker thread with their own
connection to the workspace file. The dock then shows

* a temporary map layer of the areas, graduated by the share of high/very-high area, or (toggle) the bivariate
  risk × investment classes of the gap analysis;
* a sortable table of the areas (ranked by high-risk share); a row zooms the map to the area and selects it;
* the construction projects in high/very-high zones ("in deep water") of the whole province;
* charts: km² by class per amphoe, and mitigation budget against the risk index (a click selects the area);
* for the chosen area: its projects with their exposure class/depth and flag, the plans touching it, and the
  committee's note (saved in the workspace table ``area_notes``);
* the provenance (hazard source, thresholds, CRS, date, version) and an export of everything to XLSX.

The committee edits a hazard's class thresholds in a dialog (ui/flood_thresholds.py; saved in the workspace, undoable
through the window's undo stack, then the analysis runs again), and adds or replaces hazard layers. The last result
of each (hazard, level) is stored in the workspace (areaplan.analyses.exposure_store) and shown again when the dock
opens, with a warning and a rerun button when its inputs changed since.
"""

from __future__ import annotations

import getpass
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError, Cancelled
from layers.model import GROUP_HAZARDS, LabelSettings, Style, VectorLayer

#: The workspace layer that holds every hazard given as vector zones (areaplan.importers.hazard).
ZONES_TABLE = "hazard_zones"
from ui.flood_charts import BudgetRiskChart, ClassAreaChart, area_by_class
from ui.plan_links import (
    Column,
    FrameTableModel,
    LegendWidget,
    area_highlight,
    boundary_layer,
    put_temporary_layer,
    remove_temporary_layer,
    table_view,
    zoom_to_frame,
)
from ui.docks import add_tool_dock
from ui.worker import JobRunner, progress_value, run_job

#: Name of the temporary map layer.
FLOOD_LAYER = "flood_review"
LEVELS: tuple[str, ...] = ("tambon", "amphoe", "changwat")
#: Upper bounds of the high-risk-share classes on the map (0 = none is drawn with NONE_FILL).
SHARE_BREAKS: tuple[float, ...] = (0.05, 0.15, 0.30, 0.50, 1.0)
SHARE_COLOURS: tuple[str, ...] = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
NONE_FILL = "#f4f4f4"
FLAG_FILL = "#ffd6d6"
GAP_FILL = {"high_risk_low_investment": "#f3d9ef", "low_risk_investment": "#d9f0f0"}
MAP_MODES = ("share", "bivariate", "off")
FILTERS = ("all", "high_risk_low_investment", "low_risk_investment", "flagged")


def confirm_replace(parent: Any, name: str) -> bool:
    """Ask whether to replace the hazard layer of that name (tests replace this function)."""
    t = QCoreApplication.translate
    answer = QMessageBox.question(
        parent, t("FloodReview", "แทนที่ชั้นข้อมูลเดิม? (Replace existing?)"),
        t("FloodReview", "มีชั้นข้อมูลภัยชื่อ {name} อยู่แล้ว แทนที่ด้วยไฟล์ใหม่หรือไม่? ผลการวิเคราะห์ที่เก็บไว้ของชั้นนี้จะไม่เป็นปัจจุบัน "
                         "(a hazard named {name} exists; replace it? Its stored results become out of date.)").format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class ThresholdsCommand(QUndoCommand):
    """A hazard's class table changed by the committee; undo puts the previous one back (both stored as JSON)."""

    def __init__(self, review: FloodReview, hazard: str, old: str | None, new: str | None) -> None:
        super().__init__(QCoreApplication.translate("FloodReview", "เปลี่ยนเกณฑ์ระดับความเสี่ยงของ {name}").format(
            name=hazard))
        self.review, self.hazard, self.old, self.new = review, hazard, old, new
        self.written = True  # pushed after the first write succeeded (push's redo() must not write again)

    def redo(self) -> None:
        if self.written:
            self.written = False
            return
        self._write(self.new)

    def undo(self) -> None:
        self._write(self.old)

    def _write(self, text: str | None) -> None:
        try:
            self.review._write_thresholds(self.hazard, text)
        except Exception as exc:  # noqa: BLE001 - an exception cannot leave undo(); the history no longer holds
            window = self.review.window_
            window.statusBar().showMessage(str(exc), 10000)
            stack = getattr(window, "undo_stack", None)
            if stack is not None:
                QTimer.singleShot(0, stack.clear)


def level_labels() -> dict[str, str]:
    """Thai labels of the levels."""
    t = QCoreApplication.translate
    return {"tambon": t("FloodReview", "ตำบล"), "amphoe": t("FloodReview", "อำเภอ"),
            "changwat": t("FloodReview", "จังหวัด")}  # fmt: skip


def gap_labels() -> dict[str, str]:
    """Thai labels of the gap flags."""
    t = QCoreApplication.translate
    return {"high_risk_low_investment": t("FloodReview", "เสี่ยงสูง ลงทุนน้อย/ไม่มี"),
            "low_risk_investment": t("FloodReview", "ลงทุนในพื้นที่เสี่ยงต่ำ"), "": ""}  # fmt: skip


def class_label(code: object) -> str:
    """Thai label of a hazard class code (0 = not flooded)."""
    t = QCoreApplication.translate
    names = {0: t("FloodReview", "ไม่ท่วม"), 1: t("FloodReview", "ต่ำ"), 2: t("FloodReview", "ปานกลาง"),
             3: t("FloodReview", "สูง"), 4: t("FloodReview", "สูงมาก")}  # fmt: skip
    try:
        return names.get(int(code), "")
    except (TypeError, ValueError):
        return ""


def area_columns(value_kind: str) -> list[Column]:
    """Columns of the area table."""
    t = QCoreApplication.translate
    unit = t("FloodReview", "ม.") if value_kind == "depth" else ""
    mean = t("FloodReview", "ความลึกเฉลี่ย") if value_kind == "depth" else t("FloodReview", "ค่าเฉลี่ย")
    top = t("FloodReview", "ความลึกสูงสุด") if value_kind == "depth" else t("FloodReview", "ค่าสูงสุด")
    return [
        Column("name_th", t("FloodReview", "พื้นที่")), Column("code", t("FloodReview", "รหัส")),
        Column("area_km2", t("FloodReview", "ตร.กม."), "float"), Column("area_rai", t("FloodReview", "ไร่"), "int"),
        Column("c1_pct", t("FloodReview", "ต่ำ %"), "float"), Column("c2_pct", t("FloodReview", "ปานกลาง %"), "float"),
        Column("c3_pct", t("FloodReview", "สูง %"), "float"), Column("c4_pct", t("FloodReview", "สูงมาก %"), "float"),
        Column("high_pct", t("FloodReview", "เสี่ยงสูง+สูงมาก %"), "float"),
        Column("value_mean", f"{mean} {unit}".strip(), "float"), Column("value_max", f"{top} {unit}".strip(), "float"),
        Column("projects", t("FloodReview", "โครงการ"), "int"),
        Column("flagged_projects", t("FloodReview", "ก่อสร้างในที่เสี่ยง"), "int"),
        Column("mitigation_projects", t("FloodReview", "โครงการป้องกันน้ำท่วม"), "int"),
        Column("mitigation_budget", t("FloodReview", "งบป้องกันน้ำท่วม (บาท)"), "money"),
        Column("risk_index", t("FloodReview", "ดัชนีความเสี่ยง"), "float"),
        Column("gap_label", t("FloodReview", "ช่องว่าง")), Column("note", t("FloodReview", "บันทึกคณะกรรมการ")),
    ]  # fmt: skip


def project_columns() -> list[Column]:
    """Columns of the project tables."""
    t = QCoreApplication.translate
    return [
        Column("flag_text", t("FloodReview", "เตือน")), Column("title", t("FloodReview", "ชื่อโครงการ")),
        Column("area_name", t("FloodReview", "พื้นที่")),
        Column("class_text", t("FloodReview", "ระดับความเสี่ยง")), Column("depth", t("FloodReview", "ค่า (ม./ครั้ง)"), "float"),
        Column("high_pct", t("FloodReview", "ส่วนในที่เสี่ยงสูง %"), "float"),
        Column("work_type", t("FloodReview", "ประเภทงาน")), Column("agenda", t("FloodReview", "ประเด็น")),
        Column("fiscal_year", t("FloodReview", "ปีงบประมาณ"), "year"),
        Column("budget", t("FloodReview", "งบประมาณ (บาท)"), "money"), Column("project_id", t("FloodReview", "รหัสโครงการ")),
    ]  # fmt: skip


def plan_columns() -> list[Column]:
    """Columns of the plans table."""
    t = QCoreApplication.translate
    return [Column("plan_id", t("FloodReview", "รหัสแผน")), Column("name", t("FloodReview", "ชื่อแผน")),
            Column("level", t("FloodReview", "ระดับ")), Column("relation", t("FloodReview", "ความสัมพันธ์")),
            Column("projects", t("FloodReview", "โครงการ"), "int"),
            Column("budget", t("FloodReview", "งบประมาณ (บาท)"), "money")]  # fmt: skip


# ------------------------------------------------------------------------------------------ the worker job
def review_job(path: str | Path, hazard: str | None, level: str, crs: str | None, *, progress: Any = None,
               cancelled: Any = None) -> dict[str, Any]:
    """Exposure + gaps + plan index of a workspace file (own connection), and the map layer built off the UI."""
    from areaplan.analyses import flood_exposure as fx
    from areaplan.analyses import flood_gaps
    from areaplan.analyses.exposure_store import fingerprints, save_result
    from areaplan.analyses.plan_links import PlanIndex
    from areaplan.progress import Reporter
    from areaplan.workspace import Workspace

    rep = Reporter(progress, cancelled)
    rep(0.0, QCoreApplication.translate("FloodReview", "อ่านพื้นที่ทำงาน"))
    with Workspace.open(path) as ws:
        inputs = fx.ExposureInputs.from_workspace(ws, hazard, level=level, progress=rep.sub(0.0, 0.05))
        prints = fingerprints(ws, inputs.hazard.name, level)  # the inputs as read for this run
        rep.check()
        try:
            index = PlanIndex.from_workspace(ws, cancelled=cancelled)
        except Cancelled:
            raise
        except Exception:  # noqa: BLE001 - the plans are an extra; the review works without them
            index = None
    result = fx.run(inputs, progress=rep.sub(0.05, 0.85), cancelled=cancelled)
    rep(0.85, QCoreApplication.translate("FloodReview", "วิเคราะห์ช่องว่างการลงทุน"))
    gaps = flood_gaps.run(result)
    table = area_table(result, gaps)
    layer = flood_layer(table, level, crs)
    # the last point where a cancel stops the run: after it the result is stored and shown, both or neither
    rep(0.95, QCoreApplication.translate("FloodReview", "เก็บผลในพื้นที่ทำงาน"))
    saved: str | None = None
    try:  # one transaction: the previous stored result stays if this fails
        with Workspace.open(path) as ws:
            save_result(ws, result, prints=prints)
    except Exception as exc:  # noqa: BLE001 - the result is shown anyway; the dock says why it is not kept
        saved = str(exc)
    return {"result": result, "gaps": gaps, "table": table, "index": index, "layer": layer, "prints": prints,
            "save_error": saved}


def stored_job(path: str | Path, hazard: str, level: str, crs: str | None, *, only_stale: bool = False
               ) -> dict[str, Any] | None:
    """The stored result as the dock shows it, read with an own connection (worker thread); only its staleness when
    ``only_stale`` (the result is shown already)."""
    from areaplan.analyses.exposure_store import stale_reasons
    from areaplan.workspace import Workspace

    with Workspace.open(path) as ws:
        if only_stale:
            return {"stale": [p.message for p in stale_reasons(ws, hazard, level)]}
        return stored_outcome(ws, hazard, level, crs)


def stored_outcome(ws: Any, hazard: str, level: str, crs: str | None) -> dict[str, Any] | None:
    """The stored last result of (hazard, level) as the dock shows it (gaps, table, plan index, map layer), or None."""
    from areaplan.analyses import flood_gaps
    from areaplan.analyses.exposure_store import load_result
    from areaplan.analyses.plan_links import PlanIndex

    stored = load_result(ws, hazard, level)
    if stored is None:
        return None
    result = stored.result
    gaps = flood_gaps.run(result)
    table = area_table(result, gaps)
    try:
        index = PlanIndex.from_workspace(ws)
    except Exception:  # noqa: BLE001 - the plans are an extra; the review works without them
        index = None
    return {"result": result, "gaps": gaps, "table": table, "index": index, "layer": flood_layer(table, level, crs),
            "stored": stored}


def area_table(result: Any, gaps: Any) -> gpd.GeoDataFrame:
    """The exposure areas ranked by high-risk share, with percentages, risk index and gap flags joined."""
    ranked = result.ranked()
    t = ranked.copy()
    for k in (1, 2, 3, 4):
        t[f"c{k}_pct"] = pd.to_numeric(t[f"c{k}_share"], errors="coerce") * 100.0
    t["high_pct"] = pd.to_numeric(t["high_share"], errors="coerce") * 100.0
    g = pd.DataFrame(gaps.table).drop(columns="geometry", errors="ignore").set_index("code")
    codes = t["code"].astype(str)
    for col in ("risk_index", "risk_class", "investment_class", "bivariate_class", "bivariate_colour", "gap"):
        t[col] = codes.map(g[col]).to_numpy() if col in g else None
    t["gap"] = t["gap"].fillna("")
    t["gap_label"] = t["gap"].map(gap_labels()).fillna("")
    t["note"] = ""
    return gpd.GeoDataFrame(t.reset_index(drop=True), geometry="geometry", crs=result.areas.crs)


def share_style() -> Style:
    """Graduated fill by the share of high/very-high area (fixed breaks; areas without any are light grey)."""
    return Style(fill=NONE_FILL, stroke="#6b6b6b", width=0.6, graduated_field="high_map", breaks=SHARE_BREAKS,
                 colours=SHARE_COLOURS, method="manual")


def bivariate_style() -> Style:
    """Categorised fill by the 3 × 3 risk-investment class."""
    from areaplan.analyses.flood_gaps import BIVARIATE_COLOURS

    cats = tuple((f"{r}-{i}", BIVARIATE_COLOURS[r - 1][i - 1]) for r in range(1, 4) for i in range(1, 4))
    return Style(fill=NONE_FILL, stroke="#6b6b6b", width=0.6, category_field="bivariate_class", categories=cats)


def flood_layer(table: gpd.GeoDataFrame, level: str, crs: str | None) -> VectorLayer:
    """The temporary layer of the areas (projected to the map CRS here so the UI thread only draws it)."""
    frame = table[["code", "name_th", "high_share", "bivariate_class", "geometry"]].copy()
    high = pd.to_numeric(frame["high_share"], errors="coerce")
    frame["high_map"] = high.where(high > 0)
    frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=table.crs)
    title = QCoreApplication.translate("FloodReview", "ความเสี่ยงน้ำท่วมราย{level}").format(level=level_labels()[level])
    layer = VectorLayer(FLOOD_LAYER, title, frame, share_style(), GROUP_HAZARDS, opacity=0.85,
                        labels=LabelSettings(field="name_th", visible=False, size=8.0), title_en="flood review")
    if crs:
        layer.projected(crs)
    return layer


def _num(value: object) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return math.nan
    return v


# ------------------------------------------------------------------------------------------ the dock
class FloodReview(QWidget):
    """The dock's contents: choose hazard and level, run, map, table, charts, area details, notes, export."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("floodReview")
        self.window_ = window
        self._loading = True  # while the hazard list is refilled (no stored result is read per item)
        self.result: Any = None
        self.gaps: Any = None
        self.index: Any = None
        self.table = pd.DataFrame()
        self.runner: JobRunner | None = None
        self.export_runner: JobRunner | None = None
        self.last_error: BaseException | None = None
        self.last_export: Path | None = None
        self.current_code: str | None = None

        # -- controls
        self.hazard_combo = QComboBox(self)
        self.hazard_combo.setToolTip(self.tr("ชั้นข้อมูลภัยในพื้นที่ทำงาน (เพิ่มด้วย areaplan hazard add)"))
        self.level_combo = QComboBox(self)
        for level in LEVELS:
            self.level_combo.addItem(level_labels()[level], level)
        self.run_button = QPushButton(self.tr("วิเคราะห์"), self)
        self.run_button.clicked.connect(self.run_analysis)
        self.cancel_button = QPushButton(self.tr("ยกเลิก"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self.tr("ส่งออก XLSX…"), self)
        self.export_button.setToolTip(self.tr("ตารางพื้นที่ โครงการเสี่ยง ช่องว่าง บันทึกคณะกรรมการ และที่มา"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._ask_export)
        self.thresholds_button = QPushButton(self.tr("เกณฑ์ระดับความเสี่ยง (Class thresholds)…"), self)
        self.thresholds_button.setObjectName("floodThresholdsButton")
        self.thresholds_button.setToolTip(self.tr("แก้ไขเกณฑ์แบ่งระดับความเสี่ยงของชั้นข้อมูลภัยที่เลือก บันทึกในพื้นที่ทำงาน"))
        self.thresholds_button.clicked.connect(self.open_thresholds)
        self.add_hazard_button = QPushButton(self.tr("เพิ่มชั้นข้อมูลภัย…"), self)
        self.add_hazard_button.setToolTip(self.tr("เพิ่มหรือแทนที่ GeoTIFF ความลึก/ความถี่/ระดับ หรือไฟล์พื้นที่เสี่ยง"))
        self.add_hazard_button.clicked.connect(self.ask_add_hazard)
        self.stale_label = QLabel(self)
        self.stale_label.setObjectName("floodStaleLabel")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #9a4d00;")
        self.rerun_button = QPushButton(self.tr("วิเคราะห์ใหม่"), self)
        self.rerun_button.setObjectName("floodRerunButton")
        self.rerun_button.clicked.connect(self.run_analysis)
        self.stored: Any = None  # the StoredExposure shown, when the shown result was read from the workspace
        self.add_runner: JobRunner | None = None
        self.loader: JobRunner | None = None  # reads the stored result
        self._generation = 0  # bumped by every choice, run and workspace change: a late stored result is dropped
        self._stale: list[str] = []
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("ภัย"), self))
        top.addWidget(self.hazard_combo, 2)
        top.addWidget(self.level_combo)
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.export_button)
        tools_row = QHBoxLayout()
        tools_row.addWidget(self.thresholds_button)
        tools_row.addWidget(self.add_hazard_button)
        tools_row.addStretch(1)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale_label, 1)
        stale_row.addWidget(self.rerun_button)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.status_label = QLabel(self.tr("เลือกชั้นข้อมูลภัยและระดับพื้นที่ แล้วกด \"วิเคราะห์\""), self)
        self.status_label.setWordWrap(True)
        self.provenance_label = QLabel(self)
        self.provenance_label.setWordWrap(True)
        self.provenance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provenance_label.setStyleSheet("color: #555555;")

        self.map_combo = QComboBox(self)
        self.map_combo.addItem(self.tr("แผนที่: สัดส่วนพื้นที่เสี่ยงสูง"), "share")
        self.map_combo.addItem(self.tr("แผนที่: ความเสี่ยง × การลงทุน (bivariate)"), "bivariate")
        self.map_combo.addItem(self.tr("ไม่แสดงบนแผนที่"), "off")
        self.map_combo.currentIndexChanged.connect(lambda _i: self.set_map_mode(self.map_combo.currentData()))
        self.filter_combo = QComboBox(self)
        for key, text in (("all", self.tr("ทุกพื้นที่")), ("high_risk_low_investment", self.tr("เสี่ยงสูง ลงทุนน้อย/ไม่มี")),
                          ("low_risk_investment", self.tr("ลงทุนในพื้นที่เสี่ยงต่ำ")),
                          ("flagged", self.tr("มีงานก่อสร้างในที่เสี่ยงสูง"))):  # fmt: skip
            self.filter_combo.addItem(text, key)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._fill_areas())
        view_row = QHBoxLayout()
        view_row.addWidget(self.map_combo, 1)
        view_row.addWidget(self.filter_combo, 1)
        self.legend = LegendWidget(self)
        self.legend.hide()
        self.gap_label = QLabel(self)
        self.gap_label.setWordWrap(True)

        # -- the area table
        self.area_model = FrameTableModel(self)
        self.area_view, self.area_proxy = table_view(self, self.area_model)
        self.area_view.setObjectName("floodAreaTable")
        self.area_view.selectionModel().currentRowChanged.connect(self._on_area_row)

        # -- tabs
        self.tabs = QTabWidget(self)
        # the selected area
        area_tab = QWidget(self)
        self.area_title = QLabel(self.tr("เลือกพื้นที่ในตารางหรือกราฟ"), area_tab)
        self.area_title.setWordWrap(True)
        self.project_model = FrameTableModel(self)
        self.project_view, self.project_proxy = table_view(area_tab, self.project_model)
        self.project_view.clicked.connect(lambda index: self._on_project_clicked(self.project_model,
                                                                                 self.project_proxy, index))
        self.plan_label = QLabel(area_tab)
        self.plan_model = FrameTableModel(self)
        self.plan_view, _ = table_view(area_tab, self.plan_model)
        self.note_edit = QPlainTextEdit(area_tab)
        self.note_edit.setPlaceholderText(self.tr("บันทึกของคณะกรรมการสำหรับพื้นที่นี้"))
        self.note_edit.setMaximumHeight(80)
        self.note_status = QComboBox(area_tab)
        for code, text in (("", self.tr("ไม่ระบุสถานะ")), ("follow_up", self.tr("ติดตาม")),
                           ("proposed", self.tr("เสนอโครงการ")), ("done", self.tr("ดำเนินการแล้ว"))):  # fmt: skip
            self.note_status.addItem(text, code)
        self.note_save = QPushButton(self.tr("บันทึก"), area_tab)
        self.note_save.clicked.connect(self.save_note)
        self.note_info = QLabel(area_tab)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_status)
        note_row.addWidget(self.note_save)
        note_row.addWidget(self.note_info, 1)
        inner = QSplitter(Qt.Orientation.Vertical, area_tab)
        inner.addWidget(self.project_view)
        plans = QWidget(area_tab)
        plans_layout = QVBoxLayout(plans)
        plans_layout.setContentsMargins(0, 0, 0, 0)
        plans_layout.addWidget(self.plan_label)
        plans_layout.addWidget(self.plan_view)
        inner.addWidget(plans)
        area_layout = QVBoxLayout(area_tab)
        area_layout.addWidget(self.area_title)
        area_layout.addWidget(inner, 1)
        area_layout.addWidget(self.note_edit)
        area_layout.addLayout(note_row)
        self.tabs.addTab(area_tab, self.tr("พื้นที่ที่เลือก"))
        # flagged projects of the whole result
        self.flagged_model = FrameTableModel(self)
        self.flagged_view, self.flagged_proxy = table_view(self, self.flagged_model)
        self.flagged_view.clicked.connect(lambda index: self._on_project_clicked(self.flagged_model,
                                                                                 self.flagged_proxy, index))
        self.tabs.addTab(self.flagged_view, self.tr("ก่อสร้างในที่เสี่ยงสูง"))
        # charts
        self.class_chart = ClassAreaChart(self)
        self.budget_chart = BudgetRiskChart(self)
        self.budget_chart.areaClicked.connect(lambda code: self.select_area(code))
        self.tabs.addTab(self.class_chart, self.tr("พื้นที่ตามระดับ"))
        self.tabs.addTab(self.budget_chart, self.tr("งบ × ความเสี่ยง"))
        # provenance
        self.provenance_text = QPlainTextEdit(self)
        self.provenance_text.setReadOnly(True)
        self.tabs.addTab(self.provenance_text, self.tr("ที่มา"))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.area_view)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools_row)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addLayout(stale_row)
        layout.addWidget(self.provenance_label)
        layout.addLayout(view_row)
        layout.addWidget(self.legend)
        layout.addWidget(self.gap_label)
        layout.addWidget(splitter, 1)
        self._set_note_enabled(False)
        self._set_stale([])
        window.workspaceChanged.connect(self._on_workspace_changed)
        self._fill_hazards()
        self.hazard_combo.currentIndexChanged.connect(lambda _i: self._on_choice_changed())
        self.level_combo.currentIndexChanged.connect(lambda _i: self._on_choice_changed())

    # -- hazards
    def _fill_hazards(self) -> None:
        self._loading = True
        try:
            self._fill_hazard_combo()
        finally:
            self._loading = False

    def _fill_hazard_combo(self) -> None:
        from areaplan.analyses.flood_exposure import hazard_records

        current = self.hazard_combo.currentData()
        self.hazard_combo.clear()
        ws = self.window_.workspace
        records: list[dict] = []
        if ws is not None and hasattr(ws, "read_table"):
            try:
                records = hazard_records(ws)
            except Exception:  # noqa: BLE001 - an old workspace without the hazards table
                records = []
        kinds = {"depth": self.tr("ความลึก"), "frequency": self.tr("ความถี่"), "class": self.tr("ระดับ")}
        for rec in records:
            store = self.tr("แรสเตอร์") if rec.get("storage") in ("gpkg", "file") else self.tr("พื้นที่")
            self.hazard_combo.addItem(f"{rec['name']} ({kinds.get(rec.get('kind'), rec.get('kind'))}, {store})",
                                      rec["name"])
        if current is not None and self.hazard_combo.findData(current) >= 0:
            self.hazard_combo.setCurrentIndex(self.hazard_combo.findData(current))
        elif records:  # prefer the only depth raster, like the CLI
            depth = [i for i, r in enumerate(records) if r.get("kind") == "depth" and r.get("storage") in ("gpkg", "file")]
            self.hazard_combo.setCurrentIndex(depth[-1] if depth else 0)
        self.run_button.setEnabled(bool(records) and not self.is_running())
        self.thresholds_button.setEnabled(bool(records))
        self.add_hazard_button.setEnabled(ws is not None and getattr(ws, "path", None) is not None)
        if ws is not None and not records:
            self.status_label.setText(self.tr("ยังไม่มีชั้นข้อมูลภัยในพื้นที่ทำงาน เพิ่มด้วย areaplan hazard add "
                                              "(no hazard in the workspace yet)"))

    def refresh_hazards(self) -> None:
        """Read the workspace's hazard list again (after a hazard was added) and show the stored result."""
        self._fill_hazards()
        self.show_stored()

    def set_hazard(self, name: str) -> bool:
        """Choose a hazard by name; False when the workspace has none of that name."""
        i = self.hazard_combo.findData(name)
        if i >= 0:
            self.hazard_combo.setCurrentIndex(i)
        return i >= 0

    def set_level(self, level: str) -> None:
        """Choose the level of areas (tambon, amphoe, changwat)."""
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(level), 0))

    # -- running
    def run_analysis(self) -> JobRunner | None:
        """Start the analysis on a worker thread; None when there is no workspace file or a run is going on."""
        ws = self.window_.workspace
        path = getattr(ws, "path", None)
        if ws is None or path is None or not Path(path).is_file():
            return None
        if self.is_running():
            return None
        hazard, level = self.hazard_combo.currentData(), self.level_combo.currentData()
        layers = self.window_.layers
        crs = layers.crs if layers is not None else None
        self._generation += 1  # a stored result still being read is not shown over this run
        self.last_error = None
        self.run_button.setEnabled(False)
        self.rerun_button.setEnabled(False)
        self.thresholds_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("กำลังวิเคราะห์…"))
        self.runner = run_job(
            self, lambda progress, cancelled: review_job(path, hazard, level, crs, progress=progress,
                                                         cancelled=cancelled),
            title=self.tr("ทบทวนพื้นที่เสี่ยงน้ำท่วม"), label=self.tr("กำลังวิเคราะห์…"),
            on_done=self._on_done, on_exception=self._on_failed, dialog=False,
        )  # fmt: skip
        self.runner.progressChanged.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        return self.runner

    def is_running(self) -> bool:
        """True while an analysis runs."""
        return self.runner is not None and self.runner.is_running()

    def cancel(self) -> None:
        """Ask the running analysis to stop."""
        if self.is_running():
            self.runner.cancel()
            self.status_label.setText(self.tr("กำลังยกเลิก…"))

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(progress_value(fraction))
        if message:
            self.status_label.setText(message)

    def _on_finished(self) -> None:
        self.run_button.setEnabled(self.hazard_combo.count() > 0)
        self.rerun_button.setEnabled(True)
        self.thresholds_button.setEnabled(self.hazard_combo.count() > 0)
        self.cancel_button.setEnabled(False)
        self.runner = None

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if isinstance(exc, Cancelled):
            self.progress_bar.setValue(0)
            if self.result is not None:
                self.status_label.setText(self.tr("ยกเลิกการวิเคราะห์แล้ว ยังแสดงผลเดิม (cancelled; the previous "
                                                  "result is still shown)"))
            else:
                self.status_label.setText(self.tr("ยกเลิกการวิเคราะห์แล้ว (cancelled)"))
        else:
            self.status_label.setText(self.tr("วิเคราะห์ไม่ได้: {error}").format(
                error=str(exc) if isinstance(exc, AreaPlanError) else repr(exc)))

    def _on_done(self, outcome: dict[str, Any]) -> None:
        self.set_outcome(outcome)

    def set_outcome(self, outcome: dict[str, Any]) -> None:
        """Show a finished analysis (result, gaps, table, plan index, map layer); a fresh one is stored in the
        workspace as the last result of its hazard and level, a stored one says when it was computed."""
        self.result, self.gaps, self.index = outcome["result"], outcome["gaps"], outcome["index"]
        self.table = outcome["table"]
        self.stored = outcome.get("stored")
        self._join_notes()
        self.progress_bar.setValue(1000)
        lines = self.result.summary() + self.gaps.summary()
        warnings = [w.message for w in self.result.warnings]
        head = [self.when_line(self.result.provenance.created_at)]
        if self.stored is None and "prints" in outcome:
            error = outcome.get("save_error")
            head.append(self.tr("เก็บผลในพื้นที่ทำงานไม่ได้: {error}").format(error=error) if error else
                        self.tr("เก็บผลไว้ในพื้นที่ทำงานแล้ว เปิดหน้าจอนี้ครั้งหน้าจะเห็นผลนี้ (stored in the workspace)"))
        self.status_label.setText("\n".join(head + lines + warnings))
        self._set_stale([p.message for p in self.stored.stale] if self.stored is not None else [])
        self._show_provenance()
        self._fill_areas()
        self._fill_flagged()
        self._fill_charts()
        self._put_layer(outcome["layer"])
        self.set_map_mode(self.map_combo.currentData())
        self.export_button.setEnabled(True)
        self.select_area(None)

    # -- the stored last result
    def when_line(self, created_at: str) -> str:
        """"ผลเมื่อ <Buddhist Era date> (results of <date>)" for a result computed at ``created_at``."""
        from areaplan.analyses.exposure_store import when_text

        th, en = when_text(created_at)
        return self.tr("ผลเมื่อ {th} (results of {en})").format(th=th, en=en)

    def _on_choice_changed(self) -> None:
        if self._loading or self.is_running():
            return
        if self.isVisible() or self.result is not None:
            self.show_stored()

    def show_stored(self) -> JobRunner | None:
        """Show the stored last result of the chosen hazard and level (read on a worker thread with its own
        connection), with its date and a warning when its inputs changed since. Returns the loading job, or None
        when nothing is stored (the table is then emptied) or there is nothing to read."""
        from areaplan.analyses.exposure_store import run_record

        ws = self.window_.workspace
        hazard, level = self.hazard_combo.currentData(), self.level_combo.currentData()
        path = getattr(ws, "path", None)
        self._generation += 1
        if self.is_running() or ws is None or hazard is None or path is None or not hasattr(ws, "read_table"):
            return None
        try:
            rec = run_record(ws, hazard, level)
        except AreaPlanError:
            rec = None
        if rec is None:
            if self.result is not None:
                self._clear_result()
                self.status_label.setText(self.tr("ยังไม่มีผลของภัยและระดับนี้ กด \"วิเคราะห์\" "
                                                  "(no stored result for this hazard and level)"))
            return None
        shown = self.result is not None and (self.result.hazard, self.result.level) == (hazard, level) and \
            self.result.provenance.created_at == rec.get("created_at")
        layers = self.window_.layers
        crs = layers.crs if layers is not None else None
        generation = self._generation

        def job(progress: Any, cancelled: Any) -> dict[str, Any] | None:
            return stored_job(path, hazard, level, crs, only_stale=shown)

        def done(outcome: dict[str, Any] | None) -> None:
            if generation != self._generation or self.is_running() or outcome is None:
                return  # another hazard/level/run was chosen meanwhile
            if shown:
                self._set_stale(outcome["stale"])
            else:
                self.set_outcome(outcome)

        def failed(exc: BaseException) -> None:
            if generation == self._generation and not self.is_running():
                self.last_error = exc
                self.status_label.setText(self.tr("อ่านผลที่เก็บไว้ไม่ได้: {error}").format(error=str(exc)))

        def finished() -> None:
            if self.loader is runner:
                self.loader = None

        if not shown:
            self.status_label.setText(self.tr("กำลังอ่านผลล่าสุดที่เก็บไว้… (reading the stored result)"))
        runner = run_job(self, job, title=self.tr("ผลล่าสุด"), label="", on_done=done, on_exception=failed,
                         dialog=False)
        runner.finished.connect(finished)
        self.loader = runner
        return runner

    def stale_reasons(self) -> list[str]:
        """Why the shown result is out of date, one bilingual line each (empty: up to date)."""
        return list(self._stale)

    def _refresh_thresholds_stale(self) -> None:
        """After the thresholds changed: compare only the thresholds with those of the shown stored result."""
        from areaplan.analyses.exposure_store import reason, stale_reasons

        ws = self.window_.workspace
        if self.result is None or ws is None:
            return
        try:
            changed = bool(stale_reasons(ws, self.result.hazard, self.result.level, ("thresholds_fp",)))
        except AreaPlanError:
            return
        line = reason("thresholds_fp")
        others = [r for r in self._stale if r != line]
        self._set_stale(([line] if changed else []) + others)

    def _set_stale(self, reasons: list[str]) -> None:
        self._stale = list(reasons)
        if reasons:
            self.stale_label.setText(self.tr("⚠ ผลนี้ไม่เป็นปัจจุบัน: {reasons} กด \"วิเคราะห์ใหม่\" "
                                             "(out of date; run again)").format(reasons="; ".join(reasons)))
        self.stale_label.setVisible(bool(reasons))
        self.rerun_button.setVisible(bool(reasons))
        self.stale_label.setProperty("stale", bool(reasons))

    def is_stale(self) -> bool:
        """True when the out-of-date warning is shown."""
        return bool(self.stale_label.property("stale"))

    # -- thresholds
    def thresholds_dialog(self) -> Any:
        """A thresholds dialog for the chosen hazard (not yet shown), or None without a hazard."""
        from areaplan.analyses.exposure_store import hazard_record, scheme_kind
        from areaplan.analyses.hazard_classes import load_scheme
        from ui.flood_thresholds import ThresholdsDialog

        ws, hazard = self.window_.workspace, self.hazard_combo.currentData()
        if ws is None or hazard is None:
            return None
        rec = hazard_record(ws, hazard)
        if rec is None:
            return None
        return ThresholdsDialog(self, hazard, load_scheme(ws, hazard, kind=scheme_kind(ws, rec)))

    def open_thresholds(self) -> bool:
        """Show the thresholds dialog; on Save store the table (undoable) and run the analysis again."""
        dialog = self.thresholds_dialog()
        if dialog is None:
            return False
        self.last_thresholds_dialog = dialog
        try:
            if dialog.exec() != dialog.DialogCode.Accepted:
                return False
            scheme = dialog.scheme()
        finally:
            dialog.deleteLater()
        if scheme is None:
            return False
        try:
            return self.apply_thresholds(scheme)
        except AreaPlanError as exc:
            self.status_label.setText(self.tr("บันทึกเกณฑ์ไม่ได้: {error}").format(error=str(exc)))
            return False

    def apply_thresholds(self, scheme: Any, *, rerun: bool = True) -> bool:
        """Save a class table for the chosen hazard through the window's undo stack and rerun; False if unchanged."""
        from areaplan.analyses.hazard_classes import check_scheme, default_scheme, saved_thresholds

        ws, hazard = self.window_.workspace, self.hazard_combo.currentData()
        if ws is None or hazard is None:
            return False
        check_scheme(scheme)
        old = saved_thresholds(ws, hazard)
        new = None if scheme == default_scheme(scheme.kind) else scheme.to_json()
        if old == new:
            self.status_label.setText(self.tr("เกณฑ์ไม่เปลี่ยน (the thresholds are unchanged)"))
            return False
        self._write_thresholds(hazard, new)  # raises before anything is pushed when it cannot be saved
        stack = getattr(self.window_, "undo_stack", None)
        if stack is not None:
            stack.push(ThresholdsCommand(self, hazard, old, new))
        if rerun:
            self.run_analysis()
        return True

    def _write_thresholds(self, hazard: str, text: str | None) -> None:
        from areaplan.analyses.hazard_classes import ClassScheme, restore_thresholds

        ws = self.window_.workspace
        if ws is None:
            return
        restore_thresholds(ws, hazard, text)
        lines = ClassScheme.from_json(text).lines() if text else [self.tr("ค่าเริ่มต้น (the defaults)")]
        self.window_.statusBar().showMessage(self.tr("เกณฑ์ระดับความเสี่ยงของ {name}: {lines}").format(
            name=hazard, lines="; ".join(lines)), 8000)
        if not self.is_running():
            self._refresh_thresholds_stale()

    # -- adding / replacing a hazard
    def ask_add_hazard(self) -> None:
        """Choose a hazard file, its kind and name, and add it (asking before replacing a hazard of that name)."""
        from areaplan.importers.registry import RASTER_EXTENSIONS

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("เพิ่มชั้นข้อมูลภัย"), "",
            self.tr("GeoTIFF หรือพื้นที่เสี่ยง (*.tif *.tiff *.gpkg *.shp *.geojson *.zip);;ทุกไฟล์ (*)"))
        if not path:
            return
        kind = "depth"
        if Path(path).suffix.lower() in RASTER_EXTENSIONS:
            kinds = ["depth", "frequency", "class"]
            kind, ok = QInputDialog.getItem(self, self.tr("ค่าในภาพ"), self.tr("ภาพแรสเตอร์เก็บค่าอะไร (depth m, "
                                            "frequency count, class 1..4)"), kinds, 0, False)
            if not ok:
                return
        name, ok = QInputDialog.getText(self, self.tr("ชื่อชั้นข้อมูลภัย"), self.tr("ชื่อ (hazard name)"),
                                        text=Path(path).stem)
        if ok and name.strip():
            self.add_hazard_file(path, name=name.strip(), kind=kind)

    def add_hazard_file(self, path: str | Path, *, name: str | None = None, kind: str = "depth") -> JobRunner | None:
        """Add a hazard file on a worker thread; a name in use is replaced only after confirm_replace says yes."""
        from areaplan.importers.hazard import add_hazard, hazard_names

        ws = self.window_.workspace
        if ws is None or getattr(ws, "path", None) is None or self.is_running():
            return None
        if self.add_runner is not None and self.add_runner.is_running():
            return None
        name = (name or Path(path).stem).strip()
        replace = name in hazard_names(ws)
        if replace and not confirm_replace(self, name):
            self.status_label.setText(self.tr("ไม่ได้แทนที่ชั้นข้อมูลภัย {name} (not replaced)").format(name=name))
            return None
        if replace:
            self._close_raster_layer(name)  # its table is about to be dropped
        self.last_error = None
        self.add_hazard_button.setEnabled(False)
        self.status_label.setText(self.tr("กำลังเพิ่มชั้นข้อมูลภัย {name}…").format(name=name))

        def job(progress: Any, cancelled: Any) -> Any:
            return add_hazard(ws, path, name=name, kind=kind, replace=replace, progress=progress, cancelled=cancelled)

        def done(report: Any) -> None:
            view = getattr(self.window_, "raster_view", None)
            if view is not None:
                view.on_workspace_changed()  # the new raster on the map
            self._refresh_zones_layer()  # new or replaced vector zones on the map
            self._fill_hazards()
            self.set_hazard(name)
            self.show_stored()  # a replaced hazard: its stored result is shown as out of date
            shown = [self.when_line(self.result.provenance.created_at)] if self.result is not None else []
            self.status_label.setText("\n".join([*report.lines(), *shown]))

        def failed(exc: BaseException) -> None:
            self.last_error = exc
            self.status_label.setText(self.tr("เพิ่มชั้นข้อมูลภัยไม่ได้: {error}").format(error=str(exc)))

        def finished() -> None:
            self.add_hazard_button.setEnabled(True)
            self.add_runner = None

        self.add_runner = run_job(self, job, title=self.tr("เพิ่มชั้นข้อมูลภัย"), label=str(path), on_done=done,
                                  on_exception=failed, dialog=False)
        self.add_runner.progressChanged.connect(self._on_progress)
        self.add_runner.finished.connect(finished)
        return self.add_runner

    def _refresh_zones_layer(self) -> None:
        """Show the workspace's hazard zones as they are now (after zones were added or replaced)."""
        from layers.model import layer_from_workspace

        ws, layers = self.window_.workspace, self.window_.layers
        if ws is None or layers is None or ZONES_TABLE not in ws.layer_names():
            return
        zones = ws.read_layer(ZONES_TABLE)
        if ZONES_TABLE in layers and isinstance(layers[ZONES_TABLE], VectorLayer):
            layers[ZONES_TABLE].data = zones
        elif len(zones):
            layers.append(layer_from_workspace(ZONES_TABLE, zones))

    def _close_raster_layer(self, name: str) -> None:
        layers = self.window_.layers
        if layers is None or name not in layers or isinstance(layers[name], VectorLayer):
            return
        layer = layers.remove(name)
        close = getattr(layer, "close", None)
        if close is not None:
            close()

    # -- provenance
    def provenance_lines(self) -> list[str]:
        """The provenance of the shown result: hazard, source, thresholds, CRS, date, version, warnings."""
        if self.result is None:
            return []
        prov = self.result.provenance
        info, params = prov.inputs, prov.parameters
        t = self.tr
        lines = [
            t("ชั้นข้อมูลภัย: {name} ({kind}) จากไฟล์ {source} เก็บแบบ {storage}").format(
                name=info.get("hazard"), kind=info.get("hazard_kind"), source=info.get("hazard_source") or "-",
                storage=info.get("hazard_storage")),
            t("เกณฑ์ระดับความเสี่ยง: {classes}").format(classes="; ".join(params.get("classes", []))),
            t("ระบบพิกัดภาพ: {raster} · ความละเอียด {res} · คำนวณพื้นที่ใน {metric}").format(
                raster=info.get("raster_crs") or "-", res=info.get("raster_resolution") or "-",
                metric=info.get("metric_crs")),
            t("วันที่วิเคราะห์: {date} · AreaPlan {version} · {engine}").format(
                date=prov.created_at, version=getattr(prov, "areaplan_version", ""), engine=info.get("engine", "")),
        ]  # fmt: skip
        return lines + [w.message for w in self.result.warnings]

    def _show_provenance(self) -> None:
        lines = self.provenance_lines()
        self.provenance_label.setText("\n".join(lines[:4]))
        full = lines + [""] + list(self.result.provenance.lines()) + [""] + list(self.gaps.provenance.lines())
        self.provenance_text.setPlainText("\n".join(full))

    # -- notes
    def _notes(self) -> pd.DataFrame:
        from areaplan.analyses.area_notes import notes

        ws = self.window_.workspace
        if ws is None or self.result is None:
            return pd.DataFrame(columns=["area_code", "note", "status"])
        return notes(ws, self.result.level)

    def _join_notes(self) -> None:
        n = self._notes()
        if len(self.table):
            by_code = dict(zip(n["area_code"].astype(str), n["note"].fillna("").astype(str))) if len(n) else {}
            self.table["note"] = self.table["code"].astype(str).map(by_code).astype(object).fillna("")

    def _set_note_enabled(self, enabled: bool) -> None:
        for widget in (self.note_edit, self.note_status, self.note_save):
            widget.setEnabled(enabled)

    def _show_note(self, code: str | None) -> None:
        from areaplan.analyses.area_notes import note_for

        ws = self.window_.workspace
        note = note_for(ws, self.result.level, code) if code and ws is not None and self.result is not None else None
        self.note_edit.setPlainText((note or {}).get("note") or "")
        status = (note or {}).get("status") or ""
        self.note_status.setCurrentIndex(max(self.note_status.findData(status), 0))
        if note:
            self.note_info.setText(self.tr("บันทึกเมื่อ {when} โดย {who}").format(
                when=note.get("updated_at") or "-", who=note.get("author") or "-"))
        else:
            self.note_info.setText("")
        self._set_note_enabled(bool(code))

    def save_note(self) -> bool:
        """Save the note of the selected area in the workspace; False without an area or a workspace."""
        from areaplan.analyses.area_notes import save_note

        ws = self.window_.workspace
        if ws is None or self.result is None or not self.current_code:
            return False
        try:
            save_note(ws, self.result.level, self.current_code, self.note_edit.toPlainText().strip(),
                      author=getpass.getuser(), status=self.note_status.currentData() or None)
        except AreaPlanError as exc:
            self.note_info.setText(self.tr("บันทึกไม่ได้: {error}").format(error=str(exc)))
            return False
        code = self.current_code
        self._join_notes()
        self._fill_areas(keep=code)
        self._show_note(code)
        return True

    # -- tables
    def visible_table(self) -> pd.DataFrame:
        """The area rows shown (after the gap filter), in ranked order."""
        t = self.table
        key = self.filter_combo.currentData()
        if not len(t) or key == "all":
            return t
        if key == "flagged":
            return t[pd.to_numeric(t["flagged_projects"], errors="coerce").fillna(0) > 0]
        return t[t["gap"] == key]

    def _fill_areas(self, keep: str | None = None) -> None:
        keep = keep or self.current_code
        frame = pd.DataFrame(self.visible_table()).drop(columns="geometry", errors="ignore")
        kind = self.result.hazard_kind if self.result is not None else "depth"
        background = None
        if len(frame):
            cols = [c for c in area_columns(kind) if c.key in frame.columns]
            fills = frame["gap"].map(GAP_FILL).fillna("").to_numpy(dtype=object)
            background = np.repeat(fills[:, None], len(cols), axis=1)
        self.area_model.set_frame(frame, area_columns(kind), background=background)
        self.area_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # model order = ranked
        self.area_proxy.sort(-1)
        self.area_view.resizeColumnsToContents()
        if keep:
            self._select_row(keep)

    def _project_frame(self, projects: pd.DataFrame) -> pd.DataFrame:
        if projects is None or not len(projects):
            return pd.DataFrame()
        p = pd.DataFrame(projects).drop(columns="geometry", errors="ignore").copy()
        p["flag_text"] = np.where(p["flagged"].fillna(False).astype(bool), "⚠ " + self.tr("เสี่ยงสูง"), "")
        p["class_text"] = [class_label(c) if s else self.tr("ไม่ได้ตรวจ (ไม่มีพิกัด)")
                           for c, s in zip(p["max_class"], p["sampled"].fillna(False))]
        value = pd.to_numeric(p.get("hazard_value"), errors="coerce")
        p["depth"] = value.fillna(pd.to_numeric(p.get("value_max"), errors="coerce"))
        p["high_pct"] = pd.to_numeric(p["high_share"], errors="coerce") * 100.0
        names = dict(zip(self.table["code"].astype(str), self.table["name_th"].astype(str))) if len(self.table) else {}
        key = f"{self.result.level}_key"
        p["area_name"] = p[key].astype(str).map(names).fillna("") if key in p else ""
        return p

    def _fill_flagged(self) -> None:
        frame = self._project_frame(self.result.flagged_projects())
        self.flagged_model.set_frame(frame, project_columns())
        self.flagged_view.resizeColumnsToContents()
        n = len(frame)
        self.tabs.setTabText(1, self.tr("ก่อสร้างในที่เสี่ยงสูง ({n})").format(n=n))

    def _fill_charts(self) -> None:
        names: dict[str, str] = {}
        amphoe = boundary_layer(self.window_, "amphoe")
        if amphoe is not None and {"code", "name_th"} <= set(amphoe.data.columns):
            names = dict(zip(amphoe.data["code"].astype(str), amphoe.data["name_th"].astype(str)))
        self.class_chart.set_data(area_by_class(self.result.areas, self.result.level, names))
        self.budget_chart.set_data(pd.DataFrame(self.table).drop(columns="geometry", errors="ignore"))
        hi, lo = len(self.gaps.high_risk_low_investment), len(self.gaps.low_risk_investment)
        self.gap_label.setText(self.tr("ช่องว่าง: เสี่ยงสูงแต่ลงทุนน้อยหรือไม่มี {hi} แห่ง · ลงทุนในพื้นที่เสี่ยงต่ำ {lo} แห่ง")
                               .format(hi=hi, lo=lo))

    # -- map
    def set_map_mode(self, mode: str) -> None:
        """Show the areas by high-risk share ("share"), by bivariate gap class ("bivariate"), or hide them."""
        i = self.map_combo.findData(mode)
        if i >= 0 and self.map_combo.currentIndex() != i:
            self.map_combo.setCurrentIndex(i)  # calls back here
            return
        layers = self.window_.layers
        if layers is None or FLOOD_LAYER not in layers:
            self.legend.set_entries("", [])
            return
        layer = layers[FLOOD_LAYER]
        layer.visible = mode != "off"
        if mode == "bivariate":
            layer.style = bivariate_style()
            entries = [(f"{r['label_th']}", r["colour"]) for r in self.gaps.legend().to_dict("records")]
            self.legend.set_entries(self.tr("ความเสี่ยง × งบป้องกันน้ำท่วม"), entries)
        elif mode == "share":
            layer.style = share_style()
            lows = (0.0, *SHARE_BREAKS[:-1])
            entries = [(self.tr("ไม่มีพื้นที่เสี่ยงสูง"), NONE_FILL)] + [
                (f"{lo * 100:.0f}–{hi * 100:.0f} %", c) for lo, hi, c in zip(lows, SHARE_BREAKS, SHARE_COLOURS)]
            self.legend.set_entries(self.tr("สัดส่วนพื้นที่เสี่ยงสูง + สูงมาก"), entries)
        else:
            self.legend.set_entries("", [])

    def _put_layer(self, layer: VectorLayer) -> None:
        # above the boundaries and the hazard layers, below the projects; inserted (not moved) so the layer
        # panel does not record a new order of the workspace's own layers
        layers = self.window_.layers
        if layers is None:
            return
        remove_temporary_layer(self.window_, FLOOD_LAYER)
        if "projects" in layers:
            layers.insert(layers.names().index("projects"), layer)
        else:
            put_temporary_layer(self.window_, layer)

    def map_layer(self) -> VectorLayer | None:
        """The temporary flood layer on the map, if shown."""
        layers = self.window_.layers
        return layers[FLOOD_LAYER] if layers is not None and FLOOD_LAYER in layers else None

    # -- selecting an area
    def _select_row(self, code: str) -> bool:
        frame = self.area_model.frame
        if not len(frame):
            return False
        hits = np.flatnonzero(frame["code"].astype(str).to_numpy() == str(code))
        if not len(hits):
            return False
        index = self.area_proxy.mapFromSource(self.area_model.index(int(hits[0]), 0))
        self.area_view.blockSignals(False)
        self.area_view.setCurrentIndex(index)
        self.area_view.scrollTo(index)
        return True

    def select_area(self, code: str | None) -> bool:
        """Select an area: its table row, the map (outline, selection, zoom), chart mark, projects, plans, note."""
        if code is not None and self.visible_table() is not self.table and \
                str(code) not in set(self.visible_table()["code"].astype(str)):
            self.filter_combo.setCurrentIndex(0)  # the area is filtered out: show every area
        if code is not None and self.current_code != str(code) and self._select_row(str(code)):
            return True  # the row change shows the area
        self._show_area(None if code is None else str(code))
        return code is not None

    def _on_area_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.area_proxy.mapToSource(current).row()
        self._show_area(str(self.area_model.record(row)["code"]))

    def _show_area(self, code: str | None) -> None:
        self.current_code = code
        self.budget_chart.mark(code)
        if code is None or self.result is None:
            self.area_title.setText(self.tr("เลือกพื้นที่ในตารางหรือกราฟ"))
            self.project_model.set_frame(pd.DataFrame(), [])
            self.plan_model.set_frame(pd.DataFrame(), [])
            self.plan_label.setText("")
            self._show_note(None)
            return
        rec = self.table[self.table["code"].astype(str) == code]
        if len(rec):
            r = rec.iloc[0]
            self.area_title.setText(self.tr(
                "{name} ({code}): {km2:,.2f} ตร.กม. · ท่วม {flooded:.1f} % · เสี่ยงสูง/สูงมาก {high:.1f} % "
                "({high_km2:,.2f} ตร.กม.) · ดัชนีความเสี่ยง {risk:.2f} · งบป้องกันน้ำท่วม {budget:,.0f} บาท").format(
                name=r["name_th"], code=code, km2=_num(r["area_km2"]), flooded=_num(r["flooded_share"]) * 100,
                high=_num(r["high_share"]) * 100, high_km2=_num(r["high_km2"]), risk=_num(r["risk_index"]),
                budget=_num(r["mitigation_budget"])))  # fmt: skip
            self._show_on_map(code, rec)
        projects = self._project_frame(self.result.projects_in(code))
        if len(projects):
            projects = projects.sort_values(["flagged", "high_share", "budget"], ascending=False, kind="stable")
            fills = np.where(projects["flagged"].astype(bool).to_numpy(), FLAG_FILL, "")
            cols = [c for c in project_columns() if c.key in projects.columns]
            self.project_model.set_frame(projects, project_columns(),
                                         background=np.repeat(fills[:, None].astype(object), len(cols), axis=1))
        else:
            self.project_model.set_frame(pd.DataFrame(), [])
        self.project_view.resizeColumnsToContents()
        self._show_plans(code)
        self._show_note(code)

    def _show_plans(self, code: str) -> None:
        from ui.plan_links import relation_names

        plans = pd.DataFrame()
        if self.index is not None:
            try:
                plans = self.index.area_links(code).plans.copy()
            except AreaPlanError:
                plans = pd.DataFrame()
        if len(plans) and "relation" in plans:
            plans["relation"] = plans["relation"].map(relation_names()).fillna(plans["relation"])
        self.plan_model.set_frame(plans, plan_columns())
        self.plan_view.resizeColumnsToContents()
        self.plan_label.setText(self.tr("แผนที่ครอบคลุมพื้นที่นี้ {n} แผน").format(n=len(plans)))

    def _show_on_map(self, code: str, rec: pd.DataFrame) -> None:
        window = self.window_
        if window.layers is None:
            return
        highlight = area_highlight(window)
        if not highlight.show([code]):
            zoom_to_frame(window, gpd.GeoDataFrame(rec[["code"]], geometry=rec.geometry.values, crs=rec.crs))
        layer = boundary_layer(window, self.result.level)
        if layer is not None and {"code", "fid"} <= set(layer.data.columns):
            hit = layer.data[layer.data["code"].astype(str) == code]
            window.selection.set(self.result.level, [int(f) for f in hit["fid"]])

    def _on_project_clicked(self, model: FrameTableModel, proxy: Any, index: QModelIndex) -> None:
        if not index.isValid():
            return
        rec = model.record(proxy.mapToSource(index).row())
        fid = rec.get("fid")
        if fid is None or (isinstance(fid, float) and math.isnan(fid)):
            return
        self.window_.selection.set("projects", [int(fid)])
        layers = self.window_.layers
        if layers is not None and "projects" in layers:
            data = layers["projects"].data
            hit = data[data["fid"] == int(fid)] if "fid" in data.columns else data.iloc[0:0]
            if len(hit) and not hit.geometry.is_empty.all():
                b = hit.to_crs("EPSG:4326").total_bounds if hit.crs is not None else hit.total_bounds
                pad = 0.01
                self.window_.canvas.zoom_to_bounds(b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad, crs="EPSG:4326")

    # -- export
    def export_xlsx(self, path: str | Path) -> JobRunner | None:
        """Write the result, the gaps, the notes of the level and the provenance to an XLSX (worker thread)."""
        from areaplan.exporters.exposure import write_exposure

        if self.result is None:
            return None
        result, gaps, notes = self.result, self.gaps, self._notes()
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")

        def job(progress: Any, cancelled: Any) -> Path:
            progress(0.1, "")
            return write_exposure(result, target, gaps=gaps, notes=notes, overwrite=True)

        def done(written: Path) -> None:
            self.last_export = Path(written)
            self.status_label.setText(self.tr("ส่งออกแล้ว: {path}").format(path=str(written)))

        def failed(exc: BaseException) -> None:
            self.last_error = exc
            self.status_label.setText(self.tr("ส่งออกไม่ได้: {error}").format(error=str(exc)))

        self.export_runner = run_job(self, job, title=self.tr("ส่งออก XLSX"), label=self.tr("กำลังเขียนไฟล์…"),
                                     on_done=done, on_exception=failed, dialog=False)
        return self.export_runner

    def _ask_export(self) -> None:
        if self.result is None:
            return
        name = f"flood_{self.result.level}_{self.result.hazard}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("ส่งออกผลความเสี่ยงน้ำท่วม"), name, "Excel (*.xlsx)")
        if path:
            self.export_xlsx(path)

    # -- workspace
    def _on_workspace_changed(self) -> None:
        if self.is_running():
            self.runner.cancel()
        self._clear_result()
        self._fill_hazards()
        if self.isVisible():
            self.show_stored()

    def _clear_result(self) -> None:
        self._generation += 1
        self.result = self.gaps = self.index = self.stored = None
        self._set_stale([])
        self.table = pd.DataFrame()
        self.current_code = None
        self.area_model.set_frame(pd.DataFrame(), [])
        self.flagged_model.set_frame(pd.DataFrame(), [])
        self.project_model.set_frame(pd.DataFrame(), [])
        self.plan_model.set_frame(pd.DataFrame(), [])
        self.class_chart.set_data(pd.DataFrame())
        self.budget_chart.set_data(pd.DataFrame())
        self.legend.set_entries("", [])
        remove_temporary_layer(self.window_, FLOOD_LAYER)
        self.provenance_label.setText("")
        self.provenance_text.setPlainText("")
        self.gap_label.setText("")
        self.export_button.setEnabled(False)
        self._show_note(None)


def install(window: Any) -> FloodReview:
    """Add Tools → ทบทวนพื้นที่เสี่ยงน้ำท่วม… opening the flood-risk review dock."""
    review = FloodReview(window)
    dock, action = add_tool_dock(
        window, review, title=QCoreApplication.translate("FloodReview", "ความเสี่ยงน้ำท่วม"),
        action_text=QCoreApplication.translate("FloodReview", "ทบทวนพื้นที่เสี่ยงน้ำท่วม…"), object_name="floodReview",
        menu=window.menu_tools, on_open=review.refresh_hazards)
    window.flood_review, window.flood_dock, window.action_flood_review = review, dock, action
    return review


__all__ = ["FLOOD_LAYER", "FloodReview", "area_table", "install", "review_job"]
