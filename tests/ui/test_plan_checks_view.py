"""แผน › ตรวจความเชื่อมโยงแผน: the checks as lists with counts, zoom-to and export, on a copy of the demo."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

PLANS_CSV = (
    "plan_id,name,level,kind,agenda,owner,period_start,period_end,coverage,parent_id\n"
    "X-NOAREA,แผนที่ระบุพื้นที่ผิด,tambon,area,,คณะกรรมการพัฒนา,2567,2570,901199,PV90\n"
    "X-ORPHAN,แผนที่แผนแม่หายไป,province,area,,จังหวัดสงขลา,2566,2570,90,NO-SUCH-PLAN\n"
    "X-OLD,แผนเก่า,province,agenda,water,สำนักงานจังหวัดสงขลา,2560,2562,90,PV90\n"
)


@pytest.fixture
def checks(demo_main_window, qtbot):
    """The checks dock opened from the Plans menu, run once."""
    window = demo_main_window
    window.action_plan_checks.trigger()
    view = window.plan_checks
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)
    return view


def test_every_check_is_listed_with_its_count(checks):
    counts = checks.result.counts()
    texts = [checks.check_list.item(i).text() for i in range(checks.check_list.count())]
    assert len(texts) == 7
    assert texts[0] == f"โครงการท้องถิ่น/ชุมชนที่ไม่เชื่อมกับแผนจังหวัดหรือกลุ่มจังหวัด ({counts['unaligned']:,})"
    assert all(t.endswith(f"({n:,})") for t, n in zip(texts, counts.values()))
    assert checks.current_check() == "unaligned" and checks.model.rowCount() == counts["unaligned"]
    headers = [checks.model.headerData(i, Qt.Orientation.Horizontal) for i in range(checks.model.columnCount())]
    assert "รหัสโครงการ" in headers and "พื้นที่" in headers  # area names are added beside the codes


def test_zoom_to_an_unaligned_project_selects_it(checks, demo_main_window):
    window = demo_main_window
    before = window.canvas.view.viewRange()
    checks.view.selectRow(0)
    shown = checks.proxy.mapToSource(checks.proxy.index(0, 0)).row()
    rec = checks.result.unaligned.iloc[shown]
    assert checks.zoom_to_current()
    projects = window.layers["projects"].data
    fid = projects[(projects["project_id"] == rec["project_id"]) & (projects["source"] == rec["source"])]["fid"]
    assert window.selection.get("projects") == frozenset(int(f) for f in fid)
    after = window.canvas.view.viewRange()
    assert after[0][1] - after[0][0] < before[0][1] - before[0][0]


def test_direct_only_counts_more_unaligned_projects(checks, qtbot):
    through = checks.result.counts()["unaligned"]
    checks.direct_check.setChecked(True)
    qtbot.waitUntil(lambda: checks.result is not None and checks.result.provenance.parameters["through_parents"]
                    is False, timeout=30_000)
    assert checks.result.counts()["unaligned"] >= through


def test_new_findings_after_an_import_and_a_manual_link_show_and_zoom(checks, demo_main_window, qtbot, tmp_path):
    window = demo_main_window
    service = window.plan_index_service
    csv = tmp_path / "plans_bad.csv"
    csv.write_text(PLANS_CSV, encoding="utf-8")
    builds = service.builds
    job = window.workbench.start_import([csv], "plans")
    qtbot.waitUntil(lambda: not job.is_running(), timeout=30_000)
    qtbot.waitUntil(lambda: service.builds > builds, timeout=30_000)
    # a project linked by hand to the old plan: its fiscal year is outside the plan's period
    from areaplan.analyses.plan_links import link_projects

    link_projects(window.workspace, pd.DataFrame({"source": ["projects_province.xlsx:โครงการ"],
                                                  "project_id": ["PV67-0001"], "plan_id": ["X-OLD"]}))
    builds = service.builds
    window.action_rebuild_plan_index.trigger()
    qtbot.waitUntil(lambda: service.builds > builds, timeout=30_000)
    window.plan_checks_dock.raise_()
    qtbot.waitUntil(lambda: checks.result is not None and checks.result.counts()["period_mismatch"] == 1,
                    timeout=30_000)
    counts = checks.result.counts()
    assert counts["missing_parents"] == 1 and counts["no_area"] == 1

    checks.show_check("period_mismatch")
    assert checks.model.rowCount() == 1 and checks.model.record(0)["plan_id"] == "X-OLD"
    assert checks.zoom_to_row(0)
    projects = window.layers["projects"].data
    assert window.selection.get("projects") == frozenset(
        int(f) for f in projects.loc[projects["project_id"] == "PV67-0001", "fid"])

    checks.show_check("missing_parents")
    assert checks.model.record(0)["parent_id"] == "NO-SUCH-PLAN"
    assert checks.zoom_to_row(0)  # a plan finding shows the plan through แผนในพื้นที่
    panel = window.plan_links
    qtbot.waitUntil(lambda: panel.plan_map is not None and panel.plan_map.plan_id == "X-ORPHAN", timeout=30_000)
    assert window.plan_links_dock.isVisible() and len(panel.plan_map.areas) == 127

    checks.show_check("no_area")
    assert checks.model.record(0)["plan_id"] == "X-NOAREA"
    assert "ไม่มีในพื้นที่ทำงาน" in checks.model.record(0)["reason_th"]


def test_export_checks_workbook(checks, tmp_path, qtbot):
    out = tmp_path / "checks.xlsx"
    runner = checks.export_xlsx(out)
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=30_000)
    assert checks.last_export == out
    assert load_workbook(out, read_only=True).sheetnames[0] == "สรุป summary"
