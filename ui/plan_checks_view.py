"""แผน › ตรวจความเชื่อมโยงแผน: the alignment checks of areaplan.analyses.plan_checks as lists with zoom-to.

The checks run on a worker thread over the shared plan index. The left list names each check with the number of
findings; the table shows the findings of the chosen one. Double-clicking a finding (or ขยายไปที่รายการ) shows
it on the map: a project is selected and zoomed to (its area when it has no point), a plan is shown through the
แผนในพื้นที่ dock (its areas coloured by budget). ส่งออก XLSX writes the checks workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from areaplan.vocab import AGENDAS, LEVELS, PLAN_KINDS
from ui.plan_links import Column, FrameTableModel, TableData, show_projects, table_data, table_view
from ui.plan_index_view import PlanIndexView
from ui.worker import JobRunner

#: What a finding of each check points at on the map.
TARGETS: dict[str, str] = {"unaligned": "project", "period_mismatch": "project", "unknown_plans": "project_ids",
                           "idle_plans": "plan", "missing_parents": "plan", "no_area": "plan", "cycles": "cycle"}


def check_titles() -> dict[str, str]:
    """Thai titles of the checks, in report order."""
    t = QCoreApplication.translate
    return {
        "unaligned": t("PlanChecksView", "โครงการท้องถิ่น/ชุมชนที่ไม่เชื่อมกับแผนจังหวัดหรือกลุ่มจังหวัด"),
        "idle_plans": t("PlanChecksView", "แผนระดับจังหวัดที่ไม่มีโครงการในพื้นที่ใดเลย"),
        "period_mismatch": t("PlanChecksView", "โครงการที่ปีงบประมาณอยู่นอกช่วงเวลาของแผน"),
        "cycles": t("PlanChecksView", "แผนแม่วนกลับ"),
        "missing_parents": t("PlanChecksView", "แผนแม่ที่ไม่มีในพื้นที่ทำงาน"),
        "unknown_plans": t("PlanChecksView", "รหัสแผนในโครงการที่ไม่มีในพื้นที่ทำงาน"),
        "no_area": t("PlanChecksView", "แผนที่ไม่ทราบพื้นที่"),
    }


def column_headers() -> dict[str, tuple[str, str]]:
    """Thai header and display kind of every column the checks produce."""
    t = QCoreApplication.translate
    return {
        "source": (t("PlanChecksView", "ไฟล์ที่มา"), "text"),
        "project_id": (t("PlanChecksView", "รหัสโครงการ"), "text"),
        "title": (t("PlanChecksView", "ชื่อโครงการ"), "text"),
        "channel": (t("PlanChecksView", "ช่องทาง"), "text"),
        "agency": (t("PlanChecksView", "หน่วยงาน"), "text"),
        "fiscal_year": (t("PlanChecksView", "ปีงบประมาณ"), "year"),
        "budget": (t("PlanChecksView", "งบประมาณ (บาท)"), "money"),
        "agenda": (t("PlanChecksView", "ประเด็น"), "text"),
        "area_code": (t("PlanChecksView", "รหัสพื้นที่"), "text"),
        "area_name": (t("PlanChecksView", "พื้นที่"), "text"),
        "plan_ids": (t("PlanChecksView", "แผนที่เชื่อม"), "text"),
        "reason_th": (t("PlanChecksView", "เหตุผล"), "text"),
        "plan_id": (t("PlanChecksView", "รหัสแผน"), "text"),
        "plan_name": (t("PlanChecksView", "ชื่อแผน"), "text"),
        "name": (t("PlanChecksView", "ชื่อแผน"), "text"),
        "level": (t("PlanChecksView", "ระดับ"), "text"),
        "kind": (t("PlanChecksView", "ประเภท"), "text"),
        "owner": (t("PlanChecksView", "หน่วยงานเจ้าของแผน"), "text"),
        "period_start": (t("PlanChecksView", "ปีเริ่ม"), "year"),
        "period_end": (t("PlanChecksView", "ปีสิ้นสุด"), "year"),
        "projects": (t("PlanChecksView", "จำนวนโครงการ"), "int"),
        "sub_plans": (t("PlanChecksView", "แผนย่อยระดับเดียวกัน"), "text"),
        "cycle": (t("PlanChecksView", "ลำดับ"), "int"),
        "plans": (t("PlanChecksView", "แผนที่วนกลับ"), "text"),
        "length": (t("PlanChecksView", "จำนวนแผน"), "int"),
        "parent_id": (t("PlanChecksView", "แผนแม่"), "text"),
        "project_ids": (t("PlanChecksView", "รหัสโครงการ"), "text"),
        "coverage": (t("PlanChecksView", "พื้นที่ครอบคลุม"), "text"),
    }


def checks_job(index: Any, through_parents: bool, *, progress: Any = None, cancelled: Any = None) -> Any:
    """Run the alignment checks on the index."""
    from areaplan.analyses import plan_checks

    params = plan_checks.ChecksParams(through_parents=through_parents)
    return plan_checks.run(plan_checks.ChecksInputs(index, params), progress=progress, cancelled=cancelled)


def findings(result: Any, key: str, index: Any) -> pd.DataFrame:
    """The findings of one check as listed: codes shown with their Thai labels, area names beside area codes."""
    frame = result.tables()[key].copy()
    for col, vocab in (("agenda", AGENDAS), ("level", LEVELS), ("kind", PLAN_KINDS)):
        if col in frame.columns:
            frame[col] = frame[col].map(lambda v, vocab=vocab: vocab.get(v, v) if isinstance(v, str) else v)
    if "area_code" in frame.columns and index is not None:
        names = dict(zip(index.areas["code"], index.areas["name_th"]))
        frame.insert(list(frame.columns).index("area_code") + 1, "area_name",
                     frame["area_code"].map(lambda c: names.get(c[:6]) if isinstance(c, str) else None))
    return frame


def findings_tables(result: Any, index: Any, headers: dict[str, tuple[str, str]]) -> dict[str, TableData]:
    """Every check's findings as a prepared table (headers: column_headers(); runs on a worker thread)."""
    out = {}
    for key in result.tables():
        frame = findings(result, key, index)
        out[key] = table_data(frame, [Column(c, *headers[c]) for c in frame.columns if c in headers])
    return out


class PlanChecksView(PlanIndexView):
    """The dock's contents: the checks with counts, the findings of one, zoom-to and export."""

    def __init__(self, window: Any, service: Any) -> None:
        super().__init__(window, service)
        self.setObjectName("planChecksView")
        self.direct_check = QCheckBox(self.tr("นับเฉพาะการเชื่อมกับแผนจังหวัด/กลุ่มจังหวัดโดยตรง"), self)
        self.direct_check.setToolTip(self.tr("ไม่นับการเชื่อมผ่านแผนแม่ (--direct-only)"))
        self.direct_check.toggled.connect(lambda _on: self.run())
        self.zoom_button = QPushButton(self.tr("ขยายไปที่รายการ"), self)
        self.zoom_button.clicked.connect(self.zoom_to_current)
        self.export_button = QPushButton(self.tr("ส่งออก XLSX…"), self)
        self.export_button.clicked.connect(self._ask_export)
        controls = QHBoxLayout()
        controls.addWidget(self.direct_check, 1)
        controls.addWidget(self.zoom_button)
        controls.addWidget(self.export_button)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.check_list = QListWidget(self)
        self.check_list.currentRowChanged.connect(self._on_check_chosen)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.model = FrameTableModel(self)
        self.view, self.proxy = table_view(self, self.model)
        self.view.doubleClicked.connect(self._on_double_clicked)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.description)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.check_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)
        self.watch_index()
        self._fill_list()
        self._update_status()

    # -- state
    def _update_status(self, text: str | None = None) -> None:
        if text is not None:
            self.status_label.setText(text)
        elif self.service.index is None:
            self.status_label.setText(self.service.summary())
        elif self.result is not None:
            total = sum(self.result.counts().values())
            self.status_label.setText(self.tr("พบ {n} รายการจากการตรวจ {k} ข้อ").format(
                n=f"{total:,}", k=len(self.result.counts())))
        has = self.result is not None
        self.export_button.setEnabled(has)
        self.zoom_button.setEnabled(has)

    def _index_reset(self) -> None:
        self._fill_list()

    def run(self) -> JobRunner | None:
        """Run the checks on a worker thread (None when there is no index yet)."""
        index = self.current_index()
        if index is None:
            return None
        through = not self.direct_check.isChecked()
        headers = column_headers()

        def job(progress: Any, cancelled: Any) -> tuple[Any, dict[str, TableData]]:
            result = checks_job(index, through, progress=progress, cancelled=cancelled)
            return result, findings_tables(result, index, headers)

        return self.start(job, index, title=self.tr("ตรวจความเชื่อมโยงแผน"), busy=self.tr("กำลังตรวจ…"),
                          failed=self.tr("ตรวจไม่ได้: {error}"))

    def _show_result(self) -> None:
        self._fill_list()
        self._update_status()

    # -- lists
    def _fill_list(self) -> None:
        current = self.current_check()
        counts = self.result.counts() if self.result is not None else {}
        self.check_list.blockSignals(True)
        self.check_list.clear()
        for key, title in check_titles().items():
            n = counts.get(key)
            item = QListWidgetItem(f"{title} ({n:,})" if n is not None else title, self.check_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if n:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        self.check_list.blockSignals(False)
        keys = list(check_titles())
        first = next((k for k in keys if counts.get(k)), keys[0])
        self.check_list.setCurrentRow(keys.index(current) if current in keys and self.result is not None
                                      and counts.get(current) else keys.index(first))
        self._on_check_chosen(self.check_list.currentRow())

    def current_check(self) -> str | None:
        """The check whose findings are listed."""
        item = self.check_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_check(self, key: str) -> None:
        """List the findings of one check."""
        keys = list(check_titles())
        if key in keys:
            self.check_list.setCurrentRow(keys.index(key))

    def _on_check_chosen(self, _row: int) -> None:
        key = self.current_check()
        if key is None:
            return
        from areaplan.analyses.plan_checks import CHECKS

        self.description.setText(f"<b>{check_titles()[key]}</b> ({CHECKS[key][1]})")
        table = self.tables.get(key)
        if self.result is None or table is None:
            self.model.set_frame(pd.DataFrame(), [])
            return
        self.model.set_data(table)
        self.view.resizeColumnsToContents()

    # -- zoom
    def _on_double_clicked(self, proxy_index: QModelIndex) -> None:
        self.zoom_to_row(self.proxy.mapToSource(proxy_index).row())

    def zoom_to_current(self) -> bool:
        """Show the selected finding on the map."""
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return False
        return self.zoom_to_row(self.proxy.mapToSource(rows[0]).row())

    def zoom_to_row(self, row: int) -> bool:
        """Show one finding of the listed check on the map; False when it has nothing to show."""
        key = self.current_check()
        if key is None or self.result is None or not 0 <= row < len(self.model.frame):
            return False
        rec = self.result.tables()[key].iloc[row]
        target = TARGETS[key]
        if target == "project":
            keys = pd.DataFrame({"source": [rec.get("source")], "project_id": [rec.get("project_id")]})
            area = rec.get("area_code")
            return show_projects(self.window_, keys, [area] if isinstance(area, str) else []) > 0
        if target == "project_ids":
            ids = [p for p in str(rec.get("project_ids") or "").split(";") if p]
            return show_projects(self.window_, pd.DataFrame({"project_id": ids})) > 0
        plan = rec.get("plan_id") if target == "plan" else str(rec.get("plan_ids") or "").split(";")[0]
        panel = getattr(self.window_, "plan_links", None)
        if panel is None or not plan:
            return False
        self.window_.plan_links_dock.show()
        return panel.show_plan(str(plan)) is not None

    # -- export
    def _ask_export(self) -> None:
        path = self.ask_xlsx_path(self.tr("ส่งออกผลตรวจความเชื่อมโยงแผน"), "checks.xlsx")
        if path is not None:
            self.export_xlsx(path)

    def export_xlsx(self, path: str | Path) -> JobRunner | None:
        """Write the checks workbook on a worker thread (None when the checks have not run)."""
        from areaplan.exporters.plan_links import write_checks_xlsx

        result, index = self.result, self.service.index
        if result is None or index is None:
            return None
        names = dict(zip(index.areas["code"], index.areas["name_th"]))
        target = Path(path)
        return self.export(lambda: write_checks_xlsx(result, target, area_names=names), target,
                           title=self.tr("ส่งออกผลตรวจ"), saved=self.tr("บันทึกผลตรวจที่ {path} แล้ว"))


def install(window: Any) -> PlanChecksView:
    """Add แผน › ตรวจความเชื่อมโยงแผน… (a bottom dock)."""
    from ui.plans_menu import add_plan_dock, plans_service

    view = PlanChecksView(window, plans_service(window))
    add_plan_dock(window, view, "plan_checks", QCoreApplication.translate("PlanChecksView", "ตรวจความเชื่อมโยงแผน"),
                  QCoreApplication.translate("PlanChecksView", "ตรวจความเชื่อมโยงแผน…"))
    return view


__all__ = ["PlanChecksView", "check_titles", "checks_job", "findings", "findings_tables", "install"]
