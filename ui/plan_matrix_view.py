"""แผน › ตารางพื้นที่ × ประเด็น: projects, budget or agenda plans per area per agenda, as a heat-map table.

The matrix (areaplan.analyses.plan_matrix) runs on a worker thread over the shared plan index whenever the index,
the level (ตำบล/อำเภอ/จังหวัด) or the fiscal year changes; the worker also formats and colours the table of each
measure, so switching the measure only swaps tables.
Cells are coloured like the exported workbook: white → orange → red over the non-empty agenda cells (the middle
colour at their median), gaps shaded pink (an agenda plan covers the area but no project) or grey (neither).
Clicking a row zooms the map to the area; ส่งออก XLSX writes the workbook with the same heat-map
(areaplan.exporters.plan_links.write_matrix_xlsx), also on a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from areaplan.exporters.plan_links import GAP_FILLS, HEAT
from areaplan.vocab import AGENDAS
from ui.plan_links import Column, FrameTableModel, TableData, area_highlight, table_data, table_view
from ui.plan_index_view import PlanIndexView
from ui.worker import JobRunner

#: Heat-map colours (the workbook's colour scale) and the gap shades.
HEAT_START, HEAT_MID, HEAT_END = ("#" + HEAT[k][2:].lower() for k in ("start_color", "mid_color", "end_color"))
GAP_COLOURS: dict[str, str] = {kind: "#" + fill.fgColor.rgb[2:].lower() for kind, fill in GAP_FILLS.items()}
MATRIX_LEVELS: tuple[str, ...] = ("tambon", "amphoe", "changwat")
MEASURE_KEYS: tuple[str, ...] = ("budget", "projects", "plans")


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)


def heat_colours(values: np.ndarray) -> np.ndarray:
    """Colour texts of a 2-D array: white → orange → red from the smallest positive value through the median to
    the largest; '' for values ≤ 0 or missing."""
    values = np.asarray(values, dtype=float)
    out = np.full(values.shape, "", dtype=object)
    positive = np.isfinite(values) & (values > 0)
    if not positive.any():
        return out
    v = values[positive]
    lo, mid, hi = float(v.min()), float(np.median(v)), float(v.max())
    start, middle, end = _rgb(HEAT_START), _rgb(HEAT_MID), _rgb(HEAT_END)
    low_t = np.clip((v - lo) / (mid - lo), 0, 1) if mid > lo else np.ones_like(v)
    high_t = np.clip((v - mid) / (hi - mid), 0, 1) if hi > mid else np.zeros_like(v)
    below = v <= mid
    rgb = np.where(below[:, None], start + (middle - start) * low_t[:, None], middle + (end - middle) * high_t[:, None])
    rgb = np.rint(rgb).astype(int)
    out[positive] = [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in rgb.tolist()]
    return out


def matrix_table(result: Any, measure: str, labels: dict[str, str]) -> TableData:
    """One measure of a matrix result as a prepared table: names, agendas and total, heat colours, gap shades and
    tips (labels: translated headers and tips, see PlanMatrixView.labels). Runs on a worker thread."""
    areas = result.areas.reset_index(drop=True)
    wide = result.wide(measure).reset_index(drop=True)
    agendas = list(result.agendas)
    frame = pd.concat([areas, wide], axis=1)
    head = [Column("code", labels["code"]), Column("name_th", labels["name_th"])]
    if "amphoe_name" in areas.columns:
        head.append(Column("amphoe_name", labels["amphoe_name"]))
    kind = "money" if measure == "budget" else "int"
    cols = head + [Column(a, AGENDAS.get(a, labels["unspecified"]), kind) for a in agendas]
    if "total" in wide.columns:
        cols.append(Column("total", labels["total"], kind))
    n_head, n_ag = len(head), len(agendas)
    colours = np.full((len(frame), len(cols)), "", dtype=object)
    tips = np.full((len(frame), len(cols)), "", dtype=object)
    block_colours = heat_colours(wide[agendas].to_numpy(dtype=float))
    if "total" in wide.columns:
        colours[:, -1] = heat_colours(wide[["total"]].to_numpy(dtype=float))[:, 0]
    gap = result.cells.pivot(index="area_code", columns="agenda", values="gap").reindex(
        index=areas["code"], columns=agendas).fillna("").to_numpy(dtype=object)
    plans = result.cells.pivot(index="area_code", columns="agenda", values="plans").reindex(
        index=areas["code"], columns=agendas).fillna(0).to_numpy(dtype=int)
    block_tips = np.full(gap.shape, "", dtype=object)
    for kind_key, colour in GAP_COLOURS.items():
        hit = gap == kind_key
        if measure != "plans":
            block_colours[hit] = colour
        block_tips[hit] = [labels[kind_key].format(n=n) for n in plans[hit].tolist()]
    colours[:, n_head:n_head + n_ag] = block_colours
    tips[:, n_head:n_head + n_ag] = block_tips
    if measure != "plans":  # gaps show empty, as in the workbook
        frame[agendas] = frame[agendas].where(frame[agendas] != 0)
    return table_data(frame, cols, background=colours, tooltips=tips)


def matrix_job(index: Any, level: str, years: tuple[int, ...] | None, *, progress: Any = None,
               cancelled: Any = None) -> Any:
    """Run the area × agenda matrix on the index."""
    from areaplan.analyses import plan_matrix

    params = plan_matrix.MatrixParams(level=level, fiscal_years=years)
    return plan_matrix.run(plan_matrix.MatrixInputs(index, params), progress=progress, cancelled=cancelled)


class PlanMatrixView(PlanIndexView):
    """The dock's contents: measure, level, year, filter, the heat-map table and export."""

    areaClicked = Signal(str)

    def __init__(self, window: Any, service: Any) -> None:
        super().__init__(window, service)
        self.setObjectName("planMatrixView")
        self.measure_combo = QComboBox(self)
        for key, text in (("budget", self.tr("งบประมาณ (บาท)")), ("projects", self.tr("จำนวนโครงการ")),
                          ("plans", self.tr("จำนวนแผนเชิงประเด็น"))):
            self.measure_combo.addItem(text, key)
        self.measure_combo.currentIndexChanged.connect(self._fill)
        self.level_combo = QComboBox(self)
        for key, text in (("tambon", self.tr("ตำบล")), ("amphoe", self.tr("อำเภอ")), ("changwat", self.tr("จังหวัด"))):
            self.level_combo.addItem(text, key)
        self.level_combo.currentIndexChanged.connect(self.run)
        self.year_combo = QComboBox(self)
        self.year_combo.addItem(self.tr("ทุกปีงบประมาณ"), None)
        self.year_combo.currentIndexChanged.connect(self.run)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("ค้นหาพื้นที่"))
        self.filter_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("ส่งออก XLSX…"), self)
        self.export_button.clicked.connect(self._ask_export)
        controls = QHBoxLayout()
        for widget in (self.measure_combo, self.level_combo, self.year_combo):
            controls.addWidget(widget)
        controls.addWidget(self.filter_edit, 1)
        controls.addWidget(self.export_button)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.legend_label = QLabel(self)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setText(self.tr(
            "<span style='background:{pink}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> มีแผนเชิงประเด็นแต่ไม่มีโครงการ "
            "&nbsp; <span style='background:{grey}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> ไม่มีแผนและไม่มีโครงการ "
            "&nbsp; <span style='background:{red}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> ค่ามาก").format(
            pink=GAP_COLOURS["plan_without_projects"], grey=GAP_COLOURS["no_plan_no_project"], red=HEAT_END))
        self.model = FrameTableModel(self)
        self.view, self.proxy = table_view(self, self.model)
        self.view.setSelectionBehavior(self.view.SelectionBehavior.SelectItems)
        self.view.clicked.connect(self._on_clicked)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status_label)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.view, 1)
        self.watch_index()
        self._update_status()

    # -- state
    @property
    def measure(self) -> str:
        """The measure shown: budget, projects or plans."""
        return str(self.measure_combo.currentData())

    def set_measure(self, measure: str) -> None:
        """Show another measure (no recompute)."""
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(measure)))

    @property
    def level(self) -> str:
        """The level of the rows."""
        return str(self.level_combo.currentData())

    def set_level(self, level: str) -> None:
        """Rows at another level (recomputes)."""
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))

    def _fill_years(self) -> None:
        index = self.service.index
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        if index is not None and len(index.projects):
            years = pd.to_numeric(index.projects["fiscal_year"], errors="coerce").dropna().astype(int).unique()
            for year in sorted(years.tolist()):
                self.year_combo.addItem(self.tr("ปีงบประมาณ {year}").format(year=year), int(year))
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)) if current is not None else 0)
        self.year_combo.blockSignals(False)

    def _update_status(self, text: str | None = None) -> None:
        if text is not None:
            self.status_label.setText(text)
        elif self.service.index is None:
            self.status_label.setText(self.service.summary())
        elif self.result is not None:
            self.status_label.setText(" ".join(self.result.summary()))
        self.export_button.setEnabled(self.result is not None)

    def _index_reset(self) -> None:
        self._fill_years()

    # -- computing
    def labels(self) -> dict[str, str]:
        """Translated headers and gap tooltips handed to the worker that prepares the tables."""
        return {"code": self.tr("รหัส"), "name_th": self.tr("ชื่อพื้นที่"), "amphoe_name": self.tr("อำเภอ"),
                "unspecified": self.tr("ไม่ระบุประเด็น"), "total": self.tr("รวม"),
                "plan_without_projects": self.tr("ช่องว่าง: มีแผนเชิงประเด็น {n} แผนแต่ไม่มีโครงการ"),
                "no_plan_no_project": self.tr("ช่องว่าง: ไม่มีแผนเชิงประเด็นและไม่มีโครงการ")}  # fmt: skip

    def run(self) -> JobRunner | None:
        """Compute the matrix and prepare its three tables on a worker thread (None when there is no index yet)."""
        index = self.current_index()
        if index is None:
            return None
        level = self.level
        year = self.year_combo.currentData()
        years = (int(year),) if year is not None else None
        labels = self.labels()

        def job(progress: Any, cancelled: Any) -> tuple[Any, dict[str, TableData]]:
            from areaplan.progress import Reporter

            rep = Reporter(progress, cancelled)
            result = matrix_job(index, level, years, progress=rep.sub(0.0, 0.6), cancelled=cancelled)
            tables = {}
            for i, measure in enumerate(MEASURE_KEYS):
                rep(0.6 + 0.13 * i, "จัดตาราง")
                tables[measure] = matrix_table(result, measure, labels)
            return result, tables

        return self.start(job, index, title=self.tr("ตารางพื้นที่ × ประเด็น"), busy=self.tr("กำลังคำนวณตาราง…"),
                          failed=self.tr("คำนวณตารางไม่ได้: {error}"))

    def _show_result(self) -> None:
        self._fill()

    def _fill(self) -> None:
        table = self.tables.get(self.measure)
        if self.result is None or table is None:
            return
        same_columns = [c.key for c in self.model.columns] == [c.key for c in table.columns]
        self.model.set_data(table)
        if not same_columns:
            self.view.resizeColumnsToContents()
        self._update_status()

    def cell(self, area_code: str, agenda: str) -> tuple[str, str]:
        """(text, background colour) shown for an area and an agenda (tests and scripted checks)."""
        frame = self.model.frame
        row = int(np.flatnonzero(frame["code"].astype(str).to_numpy() == area_code)[0])
        col = [c.key for c in self.model.columns].index(agenda)
        index = self.model.index(row, col)
        background = self.model.data(index, Qt.ItemDataRole.BackgroundRole)
        return self.model.data(index), background.name() if background is not None else ""

    def _on_clicked(self, proxy_index: QModelIndex) -> None:
        row = self.proxy.mapToSource(proxy_index).row()
        code = str(self.model.frame["code"].iat[row])
        area_highlight(self.window_).show([code])
        self.areaClicked.emit(code)

    # -- export
    def _ask_export(self) -> None:
        path = self.ask_xlsx_path(self.tr("ส่งออกตารางพื้นที่ × ประเด็น"), "matrix.xlsx")
        if path is not None:
            self.export_xlsx(path)

    def export_xlsx(self, path: str | Path) -> JobRunner | None:
        """Write the matrix workbook on a worker thread (None when there is no matrix yet)."""
        from areaplan.exporters.plan_links import write_matrix_xlsx

        result = self.result
        if result is None:
            return None
        target = Path(path)
        return self.export(lambda: write_matrix_xlsx(result, target), target, title=self.tr("ส่งออกตาราง"),
                           saved=self.tr("บันทึกตารางที่ {path} แล้ว"))


def install(window: Any) -> PlanMatrixView:
    """Add แผน › ตารางพื้นที่ × ประเด็น… (a bottom dock)."""
    from ui.plans_menu import add_plan_dock, plans_service

    view = PlanMatrixView(window, plans_service(window))
    add_plan_dock(window, view, "plan_matrix", QCoreApplication.translate("PlanMatrixView", "ตารางพื้นที่ × ประเด็น"),
                  QCoreApplication.translate("PlanMatrixView", "ตารางพื้นที่ × ประเด็น…"))
    return view


__all__ = ["PlanMatrixView", "heat_colours", "install", "matrix_job", "matrix_table"]
