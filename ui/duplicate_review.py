"""Tools → ตรวจโครงการซ้ำซ้อน…: run the duplicate analysis and let a reviewer decide pair by pair.

The analysis (areaplan.analyses.duplicates) runs on a worker thread against its own connection to the
workspace file; the dock then lists the groups (sortable by score or budget at stake, filtered by amphoe,
channel, year and review status), shows the pairs of the chosen group side by side with the differing fields
highlighted and the reasons in Thai and English, zooms the map to the members and selects them. Each decision
(buttons or keys D/N/U, keep A/B, a note) is committed at once with record_decision and the next pair follows;
a decision goes on the window's undo stack (Ctrl+Z or the dock's "ย้อนการตัดสิน" button withdraws it).
"""

from __future__ import annotations

import dataclasses
import getpass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError, Cancelled
from ui.docks import add_tool_dock
from ui.worker import JobRunner, progress_value, run_job

#: The record fields compared side by side.
FIELDS: tuple[str, ...] = ("title", "channel", "agency", "fiscal_year", "budget", "village_no", "tambon")
#: Keys → decisions.
DECISION_KEYS = {Qt.Key.Key_D: "duplicate", Qt.Key.Key_N: "not_duplicate", Qt.Key.Key_U: "unsure"}
#: Location precisions whose point only stands for an area (the map shows the area instead).
AREA_PRECISIONS = ("tambon", "amphoe", "unlocated")
DIFF_BRUSH = QBrush(QColor("#ffe08a"))
DECIDED_BRUSH = QBrush(QColor("#d9f2d9"))
ALL = "__all__"


def field_labels() -> dict[str, str]:
    """Thai labels of the compared fields."""
    t = QCoreApplication.translate
    return {
        "title": t("DuplicateReview", "ชื่อโครงการ"), "channel": t("DuplicateReview", "ช่องทาง"),
        "agency": t("DuplicateReview", "หน่วยงาน"), "fiscal_year": t("DuplicateReview", "ปีงบประมาณ"),
        "budget": t("DuplicateReview", "งบประมาณ (บาท)"), "village_no": t("DuplicateReview", "หมู่ที่"),
        "tambon": t("DuplicateReview", "ตำบล"),
    }  # fmt: skip


def decision_labels() -> dict[str, str]:
    """Thai labels of the decisions."""
    t = QCoreApplication.translate
    return {"duplicate": t("DuplicateReview", "ซ้ำ"), "not_duplicate": t("DuplicateReview", "ไม่ซ้ำ"),
            "unsure": t("DuplicateReview", "ไม่แน่ใจ"), "changed": t("DuplicateReview", "ข้อมูลเปลี่ยน ต้องตรวจใหม่"),
            "": t("DuplicateReview", "ยังไม่ตรวจ")}  # fmt: skip


def analysis_job(source: Any, *, progress: Any = None, cancelled: Any = None) -> dict[str, Any]:
    """Run the analysis on a workspace path (own connection) or an open workspace; add member details."""
    from areaplan.analyses.duplicates import DuplicateInputs, run, save_title_features

    if isinstance(source, (str, Path)):
        from areaplan.workspace import Workspace

        with Workspace.open(source) as ws:
            inputs = DuplicateInputs.from_workspace(ws)
            result = run(inputs, progress=progress, cancelled=cancelled)
            save_title_features(ws, result)  # the next run reads these titles from the workspace
    else:
        inputs = DuplicateInputs.from_workspace(source)
        result = run(inputs, progress=progress, cancelled=cancelled)
    projects = inputs.projects.reset_index(drop=True)
    records = pd.DataFrame(index=projects.index)
    for col in (*FIELDS, "fid", "amphoe_code", "tambon_code", "project_id", "source", "location_precision"):
        records[col] = projects[col] if col in projects.columns else None
    geoms = getattr(projects, "geometry", None)
    if geoms is not None and len(projects):
        lonlat = geoms.to_crs("EPSG:4326") if geoms.crs is not None and str(geoms.crs) != "EPSG:4326" else geoms
        b = lonlat.bounds
        for col in ("minx", "miny", "maxx", "maxy"):
            records[col] = b[col].to_numpy()
    return {"result": result, "records": records}


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.0f}"
    return str(value)


class _NumberItem(QTableWidgetItem):
    """A table item that sorts by a number, shown formatted."""

    def __init__(self, value: float, text: str) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole, float(value))
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return float(mine) < float(theirs)


class DecisionCommand(QUndoCommand):
    """One recorded decision; undo withdraws it from the workspace, redo records it again."""

    def __init__(self, review: DuplicateReview, index: int, values: tuple[str, str, str], text: str) -> None:
        super().__init__(text)
        self.review, self.values = review, values
        pair = review.pairs.loc[index]
        self.key = tuple(str(pair[c]) for c in ("source_a", "project_id_a", "source_b", "project_id_b"))
        self.previous = tuple(str(pair[c] or "") for c in ("decision", "keep", "note"))
        self.fid: int | None = None
        self.recorded = False  # True while the decision is in the workspace

    def redo(self) -> None:
        if not self.recorded:  # QUndoStack.push calls redo() on a decision that is already recorded
            self.fid = self.review._write_decision(self.key, *self.values)
            self.recorded = True

    def undo(self) -> None:
        self.review._withdraw_decision(self.review.pair_index(self.key), self.fid, self.previous)
        self.recorded = False


class DuplicateReview(QWidget):
    """The dock's contents: run, filter, list groups, compare a pair, decide."""

    GROUP_COLUMNS = 7  # group, score, members, channels, years, budget at stake, status

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("duplicateReview")
        self.window_ = window
        self.result: Any = None
        self.records: pd.DataFrame | None = None
        self.pairs = pd.DataFrame()
        self.runner: JobRunner | None = None
        self.current_group: int | None = None
        self.current_pair: int | None = None  # index into self.pairs
        self.last_error: BaseException | None = None
        self._last_command: DecisionCommand | None = None  # used when the window has no undo stack

        self.run_button = QPushButton(self.tr("วิเคราะห์"), self)
        self.run_button.clicked.connect(self.run_analysis)
        self.cancel_button = QPushButton(self.tr("ยกเลิก"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.status_label = QLabel(self.tr("กด \"วิเคราะห์\" เพื่อค้นหาโครงการซ้ำซ้อน"), self)
        self.status_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress_bar, 1)
        self.export_button = QPushButton(self.tr("ส่งออกรายงาน…"), self)
        self.export_button.setToolTip(self.tr("รายงานสำหรับคณะกรรมการ (PDF หรือ XLSX) พร้อมผลการพิจารณาปัจจุบัน"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._ask_export)
        top.addWidget(self.export_button)

        self.amphoe_filter = QComboBox(self)
        self.channel_filter = QComboBox(self)
        self.year_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        for value, text in ((ALL, self.tr("ทุกสถานะ")), ("unreviewed", self.tr("ยังไม่ตรวจ")),
                            ("decided", self.tr("ตรวจแล้ว"))):  # fmt: skip
            self.status_filter.addItem(text, value)
        self.sort_combo = QComboBox(self)
        self.sort_combo.addItem(self.tr("เรียงตามคะแนน"), "score")
        self.sort_combo.addItem(self.tr("เรียงตามงบประมาณที่ซ้ำ"), "budget")
        for combo in (self.amphoe_filter, self.channel_filter, self.year_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.sort_combo.currentIndexChanged.connect(self._apply_sort)
        filters = QHBoxLayout()
        for combo in (self.amphoe_filter, self.channel_filter, self.year_filter, self.status_filter, self.sort_combo):
            filters.addWidget(combo)
        self.review_label = QLabel(self)

        self.group_table = QTableWidget(0, self.GROUP_COLUMNS, self)
        self.group_table.setHorizontalHeaderLabels([
            self.tr("กลุ่ม"), self.tr("คะแนน"), self.tr("โครงการ"), self.tr("ช่องทาง"), self.tr("ปีงบประมาณ"),
            self.tr("งบประมาณที่ซ้ำ (บาท)"), self.tr("สถานะการตรวจ")])  # fmt: skip
        self.group_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.group_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.group_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.group_table.verticalHeader().setVisible(False)
        self.group_table.setSortingEnabled(True)
        self.group_table.itemSelectionChanged.connect(self._on_group_selected)

        self.pair_label = QLabel(self)
        self.compare_table = QTableWidget(len(FIELDS), 2, self)
        self.compare_table.setHorizontalHeaderLabels(["A", "B"])
        self.compare_table.setVerticalHeaderLabels([field_labels()[f] for f in FIELDS])
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.setWordWrap(True)
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reasons_label = QLabel(self)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decision_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for key, decision in ((Qt.Key.Key_D, "duplicate"), (Qt.Key.Key_N, "not_duplicate"), (Qt.Key.Key_U, "unsure")):
            letter = {Qt.Key.Key_D: "D", Qt.Key.Key_N: "N", Qt.Key.Key_U: "U"}[key]
            button = QPushButton(f"{decision_labels()[decision]} ({letter})", self)
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            self.decision_buttons[decision] = button
            buttons.addWidget(button)
        self.keep_combo = QComboBox(self)
        self.keep_combo.addItem(self.tr("ไม่ระบุรายการที่เก็บ"), "")
        self.keep_combo.addItem(self.tr("เก็บ A"), "a")
        self.keep_combo.addItem(self.tr("เก็บ B"), "b")
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("หมายเหตุ"))
        buttons.addWidget(self.keep_combo)
        buttons.addWidget(self.note_edit, 1)
        self.undo_button = QPushButton(self.tr("ย้อนการตัดสิน"), self)
        self.undo_button.setToolTip(self.tr("ถอนผลการพิจารณาล่าสุด (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        buttons.addWidget(self.undo_button)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.pair_label)
        lower_layout.addWidget(self.compare_table, 1)
        lower_layout.addWidget(self.reasons_label)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.group_table)
        splitter.addWidget(lower)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addLayout(filters)
        layout.addWidget(self.review_label)
        layout.addWidget(splitter, 1)
        for widget in (self, self.group_table, self.compare_table):
            widget.installEventFilter(self)
        self._set_pair_enabled(False)
        self._fill_filters()
        self._update_review_label()
        window.workspaceChanged.connect(self._on_workspace_changed)
        stack = getattr(window, "undo_stack", None)
        if stack is not None:
            stack.indexChanged.connect(lambda _i: self._update_undo_button())

    # -- running
    def run_analysis(self) -> JobRunner | None:
        """Start the analysis on the window's workspace (a worker thread); None when no workspace is open."""
        ws = self.window_.workspace
        if ws is None or (self.runner is not None and self.runner.is_running()):
            return None
        path = getattr(ws, "path", None)
        source = path if path is not None and Path(path).is_file() else ws
        self.last_error = None
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("กำลังวิเคราะห์…"))
        self.runner = run_job(
            self, lambda progress, cancelled: analysis_job(source, progress=progress, cancelled=cancelled),
            title=self.tr("ตรวจโครงการซ้ำซ้อน"), label=self.tr("กำลังวิเคราะห์…"),
            on_done=self._on_done, on_exception=self._on_failed, dialog=False,
        )  # fmt: skip
        self.runner.progressChanged.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        return self.runner

    def cancel(self) -> None:
        """Ask the running analysis to stop."""
        if self.runner is not None and self.runner.is_running():
            self.runner.cancel()
            self.status_label.setText(self.tr("กำลังยกเลิก…"))

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(progress_value(fraction))
        if message:
            self.status_label.setText(message)

    def _on_finished(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.runner = None

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("ยกเลิกการวิเคราะห์แล้ว"))
        elif isinstance(exc, AreaPlanError):
            self.status_label.setText(self.tr("วิเคราะห์ไม่ได้: {error}").format(error=str(exc)))
        else:
            self.status_label.setText(self.tr("วิเคราะห์ไม่ได้: {error}").format(error=repr(exc)))

    def _on_done(self, outcome: dict[str, Any]) -> None:
        self.progress_bar.setValue(1000)
        self.set_result(outcome["result"], outcome["records"])

    def set_result(self, result: Any, records: pd.DataFrame) -> None:
        """Show an analysis result (records: the projects' fields by analysis row)."""
        self.result, self.records = result, records
        self.pairs = result.pairs.reset_index(drop=True).copy()
        self.pairs["decision"] = self.pairs["decision"].fillna("").astype(str)
        text = " ".join(result.summary()[:1])
        if result.suppressed:
            text += " " + self.tr("(ซ่อน {n} คู่ที่ตัดสินแล้วว่าไม่ซ้ำ)").format(n=result.suppressed)
        self.status_label.setText(text)
        self.export_button.setEnabled(True)
        self._fill_filters()
        self._fill_groups()

    def current_result(self) -> Any:
        """The analysis result with the decisions made since it ran (for reports)."""
        if self.result is None:
            return None
        pairs = self.pairs.copy()
        groups = self.result.groups.copy()
        decided = pairs[pairs["decision"] != ""].groupby("group_id")["decision"].agg(lambda d: ", ".join(sorted(set(d))))
        groups["decisions"] = groups["group_id"].map(decided).fillna("")
        return dataclasses.replace(self.result, pairs=pairs, groups=groups)

    def export_report(self, path: str | Path) -> JobRunner | None:
        """Write the committee report (PDF or XLSX by extension) on a worker thread."""
        result = self.current_result()
        if result is None:
            return None
        path = Path(path)

        def job(progress: Any, cancelled: Any) -> Path:
            if path.suffix.lower() == ".pdf":
                from layers.print.duplicates_report import write_report_pdf

                return write_report_pdf(result, path, progress=progress, cancelled=cancelled)
            from areaplan.exporters.duplicates import write_report_xlsx

            return write_report_xlsx(result, path)

        def done(written: Path) -> None:
            self.window_.statusBar().showMessage(self.tr("เขียนรายงาน {name} แล้ว").format(name=written.name), 8000)

        def failed(exc: BaseException) -> None:
            self.last_error = exc
            self.status_label.setText(self.tr("เขียนรายงานไม่ได้: {error}").format(error=str(exc)))

        self.last_error = None
        self.export_runner = run_job(self, job, title=self.tr("ส่งออกรายงาน"), label=self.tr("กำลังเขียนรายงาน…"),
                                     on_done=done, on_exception=failed)
        return self.export_runner

    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("ส่งออกรายงานโครงการซ้ำซ้อน"), self.tr("รายงานโครงการซ้ำซ้อน.pdf"),
            self.tr("PDF (*.pdf);;Excel (*.xlsx)"))  # fmt: skip
        if path:
            if Path(path).suffix.lower() not in (".pdf", ".xlsx"):
                path += ".pdf"
            self.export_report(path)

    def _on_workspace_changed(self) -> None:
        self.export_button.setEnabled(False)
        self.result, self.records, self.pairs = None, None, pd.DataFrame()
        self.current_group = self.current_pair = None
        self.group_table.setRowCount(0)
        self._show_pair(None)
        self._fill_filters()
        self._update_review_label()

    # -- groups
    def _members(self, group_id: int) -> pd.DataFrame:
        m = self.result.members
        return m[m["group_id"] == group_id]

    def _group_pairs(self, group_id: int) -> list[int]:
        return self.pairs.index[self.pairs["group_id"] == group_id].tolist()

    def group_status(self, group_id: int) -> str:
        """"decided" when every pair of the group has a decision (other than 'changed'), else "unreviewed"."""
        decisions = self.pairs.loc[self._group_pairs(group_id), "decision"]
        return "decided" if len(decisions) and all(d and d != "changed" for d in decisions) else "unreviewed"

    def _member_records(self, group_id: int) -> pd.DataFrame:
        return self.records.loc[self._members(group_id)["row"].astype(int).to_numpy()]

    def _fill_filters(self) -> None:
        amphoe_names: dict[str, str] = {}
        layers = self.window_.layers
        if layers is not None and "amphoe" in layers:
            data = layers["amphoe"].data
            if "code" in data.columns and "name_th" in data.columns:
                amphoe_names = dict(zip(data["code"].astype(str), data["name_th"].astype(str)))
        members = self.records.loc[self.result.members["row"].astype(int)] if self.result is not None else None
        options = {
            self.amphoe_filter: (self.tr("ทุกอำเภอ"), members["amphoe_code"] if members is not None else []),
            self.channel_filter: (self.tr("ทุกช่องทาง"), members["channel"] if members is not None else []),
            self.year_filter: (self.tr("ทุกปี"), members["fiscal_year"] if members is not None else []),
        }
        for combo, (all_text, values) in options.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, ALL)
            for value in sorted({_text(v) for v in values} - {""}):
                label = f"{amphoe_names[value]} ({value})" if combo is self.amphoe_filter and value in amphoe_names else value
                combo.addItem(label, value)
            combo.blockSignals(False)

    def _fill_groups(self) -> None:
        table = self.group_table
        table.setSortingEnabled(False)
        table.blockSignals(True)
        table.clearSelection()
        groups = self.result.groups if self.result is not None else pd.DataFrame()
        table.setRowCount(len(groups))
        for row, g in enumerate(groups.itertuples(index=False)):
            gid = int(g.group_id)
            group_item = _NumberItem(gid, str(gid))
            group_item.setData(Qt.ItemDataRole.UserRole + 1, gid)
            items = [
                group_item, _NumberItem(g.max_score, f"{g.max_score:.2f}"), _NumberItem(g.size, str(g.size)),
                QTableWidgetItem(str(g.channels)), QTableWidgetItem(str(g.fiscal_years)),
                _NumberItem(g.budget_at_stake if pd.notna(g.budget_at_stake) else 0.0,
                            f"{g.budget_at_stake:,.0f}" if pd.notna(g.budget_at_stake) else ""),
                QTableWidgetItem(""),
            ]  # fmt: skip
            for col, item in enumerate(items):
                table.setItem(row, col, item)
            self._update_group_row(row)
        table.blockSignals(False)
        table.setSortingEnabled(True)
        self._apply_sort()
        self._apply_filters()
        self.current_group = self.current_pair = None
        self._show_pair(None)

    def _row_of_group(self, group_id: int) -> int:
        for row in range(self.group_table.rowCount()):
            if self.group_table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1) == group_id:
                return row
        return -1

    def _update_group_row(self, row: int) -> None:
        gid = int(self.group_table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1))
        status = self.group_status(gid)
        decisions = sorted({d for d in self.pairs.loc[self._group_pairs(gid), "decision"] if d})
        text = ", ".join(decision_labels().get(d, d) for d in decisions) if decisions else decision_labels()[""]
        item = self.group_table.item(row, 6)
        item.setText(text)
        item.setData(Qt.ItemDataRole.UserRole, status)
        for col in range(self.GROUP_COLUMNS):
            self.group_table.item(row, col).setBackground(DECIDED_BRUSH if status == "decided" else QBrush())

    def _apply_sort(self) -> None:
        column = 1 if self.sort_combo.currentData() == "score" else 5
        self.group_table.sortItems(column, Qt.SortOrder.DescendingOrder)

    def _apply_filters(self) -> None:
        if self.result is None:
            self._update_review_label()
            return
        wanted = {
            "amphoe_code": self.amphoe_filter.currentData(), "channel": self.channel_filter.currentData(),
            "fiscal_year": self.year_filter.currentData(),
        }  # fmt: skip
        status = self.status_filter.currentData()
        for row in range(self.group_table.rowCount()):
            gid = int(self.group_table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1))
            recs = self._member_records(gid)
            show = all(value in (None, ALL) or value in {_text(v) for v in recs[col]} for col, value in wanted.items())
            if status not in (None, ALL):
                show = show and self.group_status(gid) == status
            self.group_table.setRowHidden(row, not show)
        self._update_review_label()

    def visible_groups(self) -> list[int]:
        """The listed group ids in table order (after filters and sorting)."""
        return [int(self.group_table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1))
                for row in range(self.group_table.rowCount()) if not self.group_table.isRowHidden(row)]  # fmt: skip

    def review_counts(self) -> tuple[int, int]:
        """(decided groups, groups) of the current result."""
        if self.result is None:
            return 0, 0
        ids = self.result.groups["group_id"].astype(int).tolist()
        return sum(self.group_status(g) == "decided" for g in ids), len(ids)

    def _update_review_label(self) -> None:
        done, total = self.review_counts()
        text = self.tr("ตรวจแล้ว {n} จาก {m} กลุ่ม").format(n=done, m=total)
        suppressed = getattr(self.result, "suppressed", 0) or 0
        if suppressed:
            text += " " + self.tr("(และ {k} คู่ที่ตัดสินแล้วว่าไม่ซ้ำ ไม่แสดงอีก)").format(k=suppressed)
        self.review_label.setText(text)

    def select_group(self, group_id: int) -> None:
        """Choose a group (as clicking its row does)."""
        row = self._row_of_group(group_id)
        if row >= 0:
            self.group_table.selectRow(row)

    def _on_group_selected(self) -> None:
        rows = {i.row() for i in self.group_table.selectedItems()}
        if not rows or self.result is None:
            return
        gid = int(self.group_table.item(min(rows), 0).data(Qt.ItemDataRole.UserRole + 1))
        if gid == self.current_group:
            return
        self.current_group = gid
        pairs = self._group_pairs(gid)
        undecided = [i for i in pairs if not self.pairs.at[i, "decision"] or self.pairs.at[i, "decision"] == "changed"]
        self._show_pair((undecided or pairs or [None])[0])
        self._show_on_map(gid)

    def _show_on_map(self, group_id: int) -> None:
        recs = self._member_records(group_id)
        fids = [int(f) for f in recs["fid"].dropna()]
        self.window_.selection.set("projects", fids)
        # members placed by address carry their area's representative point: show the area itself
        by_area = recs["location_precision"].isin(AREA_PRECISIONS) if "location_precision" in recs.columns else \
            pd.Series(False, index=recs.index)
        if "minx" in recs.columns:
            by_area |= recs["minx"].isna()
        bounds = []
        if {"minx", "miny", "maxx", "maxy"} <= set(recs.columns):
            b = recs.loc[~by_area, ["minx", "miny", "maxx", "maxy"]].dropna()
            pad = 0.005  # ~500 m around single points
            bounds += [(r.minx - pad, r.miny - pad, r.maxx + pad, r.maxy + pad) for r in b.itertuples()]
        layers = self.window_.layers
        placed = pd.Series(False, index=recs.index)
        for level in ("tambon", "amphoe"):  # the finest area each member is known by
            column = f"{level}_code"
            if column not in recs.columns or layers is None or level not in layers:
                continue
            known = by_area & ~placed & recs[column].notna()
            areas = layers[level].data
            hit = areas[areas["code"].isin(recs.loc[known, column].astype(str))]
            if len(hit):
                if hit.crs is not None and str(hit.crs) != "EPSG:4326":
                    hit = hit.to_crs("EPSG:4326")
                bounds.append(tuple(hit.total_bounds))
            placed |= known
        if bounds:
            arr = np.array(bounds, dtype=float)
            self.window_.canvas.zoom_to_bounds(arr[:, 0].min(), arr[:, 1].min(), arr[:, 2].max(), arr[:, 3].max(),
                                               crs="EPSG:4326")

    # -- pairs
    def _set_pair_enabled(self, enabled: bool) -> None:
        for widget in (*self.decision_buttons.values(), self.keep_combo, self.note_edit):
            widget.setEnabled(enabled)

    def _show_pair(self, index: int | None) -> None:
        self.current_pair = index
        table = self.compare_table
        if index is None or self.records is None:
            for r in range(len(FIELDS)):
                for c in range(2):
                    table.setItem(r, c, QTableWidgetItem(""))
            self.pair_label.setText(self.tr("เลือกกลุ่มเพื่อดูคู่โครงการ"))
            self.reasons_label.setText("")
            self._set_pair_enabled(False)
            return
        pair = self.pairs.loc[index]
        ra, rb = self.records.loc[int(pair["row_a"])], self.records.loc[int(pair["row_b"])]
        table.setHorizontalHeaderLabels([f"A: {pair['project_id_a']}", f"B: {pair['project_id_b']}"])
        for r, name in enumerate(FIELDS):
            va, vb = _text(ra.get(name)), _text(rb.get(name))
            for c, value in enumerate((va, vb)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if va != vb:
                    item.setBackground(DIFF_BRUSH)
                table.setItem(r, c, item)
        table.resizeRowsToContents()
        group_pairs = self._group_pairs(int(pair["group_id"]))
        decision = pair["decision"]
        self.pair_label.setText(self.tr("กลุ่ม {g} คู่ที่ {i} จาก {n} · คะแนน {s:.2f} · {d}").format(
            g=int(pair["group_id"]), i=group_pairs.index(index) + 1, n=len(group_pairs), s=float(pair["score"]),
            d=decision_labels().get(decision, decision)))  # fmt: skip
        self.reasons_label.setText(f"{pair['reasons_th']}\n({pair['reasons_en']})")
        keep = pair.get("keep") or ""
        self.keep_combo.setCurrentIndex(
            1 if keep and keep == pair["project_id_a"] else 2 if keep and keep == pair["project_id_b"] else 0)
        self.note_edit.setText(str(pair.get("note") or ""))
        self._set_pair_enabled(True)

    def decide(self, decision: str) -> bool:
        """Record a decision on the shown pair (committed now, undoable), then show the next pair to review."""
        if self.current_pair is None or self.window_.workspace is None:
            return False
        index = self.current_pair
        pair = self.pairs.loc[index]
        side = self.keep_combo.currentData()
        keep = ""
        if decision == "duplicate" and side:
            keep = str(pair["project_id_a"] if side == "a" else pair["project_id_b"])
        command = DecisionCommand(self, index, (decision, keep, self.note_edit.text().strip()),
                                  self.tr("ตัดสิน \"{d}\" {a} กับ {b}").format(
                                      d=decision_labels()[decision], a=pair["project_id_a"], b=pair["project_id_b"]))
        try:
            command.redo()
        except AreaPlanError as exc:
            self.status_label.setText(self.tr("บันทึกผลการพิจารณาไม่ได้: {error}").format(error=str(exc)))
            return False
        self._push(command)
        self.window_.statusBar().showMessage(
            self.tr("บันทึก \"{d}\" สำหรับ {a} กับ {b} แล้ว").format(
                d=decision_labels()[decision], a=pair["project_id_a"], b=pair["project_id_b"]), 5000)  # fmt: skip
        self._advance(int(pair["group_id"]), index)
        return True

    def _push(self, command: DecisionCommand) -> None:
        """Put a recorded decision on the window's undo stack (or keep it for the undo button)."""
        stack = getattr(self.window_, "undo_stack", None)
        if stack is not None:
            stack.push(command)
        else:
            self._last_command = command
        self._update_undo_button()

    def _last_decision(self) -> DecisionCommand | None:
        stack = getattr(self.window_, "undo_stack", None)
        if stack is None:
            return self._last_command
        last = stack.command(stack.index() - 1) if stack.canUndo() else None
        return last if isinstance(last, DecisionCommand) else None

    def _update_undo_button(self) -> None:
        self.undo_button.setEnabled(self._last_decision() is not None)

    def undo_last(self) -> None:
        """Withdraw the latest decision (when it is the latest edit of the window)."""
        command = self._last_decision()
        stack = getattr(self.window_, "undo_stack", None)
        if command is None:
            return
        if stack is not None:
            stack.undo()
        else:
            command.undo()
            self._last_command = None
        self._update_undo_button()

    def pair_index(self, key: tuple[str, ...]) -> int | None:
        """The row of self.pairs for (source_a, project_id_a, source_b, project_id_b); None when not listed."""
        if not len(self.pairs):
            return None
        cols = ("source_a", "project_id_a", "source_b", "project_id_b")
        match = np.logical_and.reduce([self.pairs[c].astype(str).to_numpy() == v for c, v in zip(cols, key)])
        hits = self.pairs.index[match]
        return int(hits[0]) if len(hits) else None

    def _write_decision(self, key: tuple[str, ...], decision: str, keep: str, note: str) -> int:
        """Store a decision on the pair (source_a, id_a, source_b, id_b), update the lists; return its fid."""
        from areaplan.analyses.duplicates import record_decision

        ws = self.window_.workspace
        try:
            reviewer = getpass.getuser()
        except (KeyError, OSError):  # no user name in the environment
            reviewer = ""
        with ws.transaction():
            record_decision(ws, (key[0], key[1]), (key[2], key[3]), decision, keep=keep or None, note=note,
                            reviewer=reviewer)
            fid = int(ws.query("SELECT max(fid) FROM duplicate_decisions")[0][0])
        self._set_decision(self.pair_index(key), (decision, keep, note))
        return fid

    def _withdraw_decision(self, index: int | None, fid: int | None, previous: tuple[str, str, str]) -> None:
        """Delete a stored decision and show the pair as it was before it."""
        ws = self.window_.workspace
        if ws is not None and fid is not None:
            ws.delete_row("duplicate_decisions", fid)
        self._set_decision(index, previous)
        if index is not None and index in self.pairs.index:
            gid = int(self.pairs.at[index, "group_id"])
            if gid != self.current_group:
                self.select_group(gid)
            self._show_pair(index)
            self.window_.statusBar().showMessage(self.tr("ถอนผลการพิจารณาแล้ว"), 5000)

    def _set_decision(self, index: int | None, values: tuple[str, str, str]) -> None:
        if index is None or index not in self.pairs.index:
            return
        self.pairs.loc[index, ["decision", "keep", "note"]] = list(values)
        row = self._row_of_group(int(self.pairs.at[index, "group_id"]))
        if row >= 0:
            self._update_group_row(row)
        self._update_review_label()

    def _advance(self, group_id: int, index: int) -> None:
        def open_pair(i: int) -> bool:
            d = self.pairs.at[i, "decision"]
            return not d or d == "changed"

        pairs = self._group_pairs(group_id)
        later = [i for i in pairs[pairs.index(index) + 1:] + pairs[: pairs.index(index)] if open_pair(i)]
        if later:
            self._show_pair(later[0])
            return
        groups = self.visible_groups()
        start = groups.index(group_id) + 1 if group_id in groups else 0
        for gid in groups[start:] + groups[:start]:
            if gid != group_id and any(open_pair(i) for i in self._group_pairs(gid)):
                self.select_group(gid)
                return
        self._show_pair(index)  # everything listed is decided: stay on this pair

    # -- keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """D/N/U decide, A/B choose the record to keep (in the dock's tables and on the dock)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.handle_key(event.key()):
            return True
        return super().eventFilter(watched, event)

    def handle_key(self, key: int) -> bool:
        """Act on a decision key; True when it was one."""
        if self.current_pair is None:
            return False
        if key in DECISION_KEYS:
            return self.decide(DECISION_KEYS[key])
        if key in (Qt.Key.Key_A, Qt.Key.Key_B):
            self.keep_combo.setCurrentIndex(1 if key == Qt.Key.Key_A else 2)
            return True
        return False


def install(window: Any) -> DuplicateReview:
    """Add Tools → ตรวจโครงการซ้ำซ้อน… opening the duplicate review dock."""
    review = DuplicateReview(window)

    def start() -> None:
        if review.result is None:
            review.run_analysis()

    dock, action = add_tool_dock(
        window, review, title=QCoreApplication.translate("DuplicateReview", "โครงการซ้ำซ้อน"),
        action_text=QCoreApplication.translate("DuplicateReview", "ตรวจโครงการซ้ำซ้อน…"),
        object_name="duplicateReview", menu=window.menu_tools, on_open=start)
    window.duplicate_review, window.duplicate_dock, window.action_duplicate_review = review, dock, action
    return review


__all__ = ["DuplicateReview", "analysis_job", "install"]
