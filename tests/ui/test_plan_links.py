"""แผน › แผนในพื้นที่ on a copy of the demo: click a tambon → its plans and projects; choose a plan → its areas."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Transformer
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from ui.plan_links import COVERED_FILL, PLAN_LAYER, plans_in_area

KHO_HONG = "901104"


def widget_point(window, lon: float, lat: float) -> QPoint:
    to_map = Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True)
    return window.canvas.map_to_widget(*to_map.transform(lon, lat)).toPoint()


def click_map(qtbot, window, lon: float, lat: float) -> None:
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     widget_point(window, lon, lat))
    qtbot.wait(QApplication.doubleClickInterval() + 30)


def sql(path, query: str, params: tuple = ()) -> list[tuple]:
    """Ask the workspace file directly (an answer independent of the plan index)."""
    with sqlite3.connect(path) as con:
        return con.execute(query, params).fetchall()


@pytest.fixture
def plans_window(demo_main_window, qtbot):
    """The demo window once its plan index is built (the demo holds plans, so it builds on open)."""
    qtbot.waitUntil(lambda: demo_main_window.plan_index_service.ready, timeout=30_000)
    return demo_main_window


def choose_plan(qtbot, panel, plan_id: str) -> None:
    """Pick a plan in the plan box as a user does (the list's activated signal) and wait for the map."""
    i = panel.plan_combo.findData(plan_id)
    assert i >= 0, plan_id
    panel.plan_combo.setCurrentIndex(i)
    panel.plan_combo.activated.emit(i)
    qtbot.waitUntil(lambda: panel.plan_map is not None and panel.plan_map.plan_id == plan_id, timeout=20_000)


def test_done_when_click_a_tambon_choose_the_provincial_plan_open_matrix_and_checks(plans_window, demo_path, qtbot,
                                                                                   tmp_path, artifacts):
    window = plans_window
    panel = window.plan_links
    # the Plans menu has the screens; the map tool opens the dock
    plans_menu = [a.text() for a in window.menu_plans.actions()]
    assert "แผนในพื้นที่ / พื้นที่ของแผน…" in plans_menu and "ตารางพื้นที่ × ประเด็น…" in plans_menu
    window.action_plan_tool.trigger()
    assert window.canvas.tool.name == "plan_links" and window.plan_links_dock.isVisible()

    # 1. click ตำบลคอหงส์ on the map
    tambon = window.layers["tambon"].data
    row = tambon[tambon["code"] == KHO_HONG].iloc[0]
    window.canvas.zoom_to_bounds(*row.geometry.bounds)
    window.canvas.settle()
    inside = shapely.point_on_surface(row.geometry)
    click_map(qtbot, window, inside.x, inside.y)
    assert panel.links is not None and panel.links.area["code"] == KHO_HONG

    # every project lying in the tambon, with the money, straight from the workspace file
    n, money = sql(demo_path, "SELECT count(*), sum(budget) FROM projects WHERE tambon_code = ?", (KHO_HONG,))[0]
    heading = panel.area_label.text()
    assert heading.startswith("ตำบลคอหงส์ (901104) อำเภอหาดใหญ่ จังหวัดสงขลา")
    assert f"โครงการในพื้นที่ {n:,} โครงการ งบประมาณ {money:,.0f} บาท" in heading
    # every plan linked to one of those projects is listed, with exactly its projects here and their budget
    linked = pd.DataFrame(sql(demo_path, "SELECT pp.plan_id, p.project_id, p.budget FROM project_plans pp "
                                         "JOIN projects p ON p.project_id = pp.project_id AND p.source = pp.source "
                                         "WHERE p.tambon_code = ?", (KHO_HONG,)),
                          columns=["plan_id", "project_id", "budget"])
    listed = panel.tree_plans()
    for plan_id, mine in linked.groupby("plan_id"):
        assert plan_id in listed
        assert sorted(panel.tree_projects(plan_id)) == sorted(mine["project_id"])
        item = next(panel.tree.topLevelItem(i).child(j) for i in range(panel.tree.topLevelItemCount())
                    for j in range(panel.tree.topLevelItem(i).childCount())
                    if panel.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole) == ("plan", plan_id))
        assert item.text(2) == str(len(mine)) and item.text(3) == f"{mine['budget'].sum():,.0f}"
    # plans touching it by coverage: the province's plan (owner จังหวัดสงขลา), the district plan (9011), the tambon
    # plan, the village plan inside it (contains), the national strategy; not another tambon's or town's plan
    assert {"PV90", "DI-9011", "TB-901104", "VL-90110403", "NAT-STRAT", "AG-RID"} <= set(listed)
    assert not {"TB-900105", "LC-HYC", "DI-9001"} & set(listed)
    levels = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert levels[0] == "ระดับชาติ" and "จังหวัด" in levels and levels[-1] == "โครงการที่ไม่อยู่ในแผนใด"
    unplanned = sql(demo_path, "SELECT p.project_id FROM projects p WHERE p.tambon_code = ? AND NOT EXISTS "
                               "(SELECT 1 FROM project_plans pp WHERE pp.project_id = p.project_id "
                               "AND pp.source = p.source)", (KHO_HONG,))
    assert sorted(panel.tree_projects(None)) == sorted(r[0] for r in unplanned)

    # 2. choose the provincial plan: its areas on the map, coloured by budget in each tambon
    window.canvas.full_extent()
    choose_plan(qtbot, panel, "PV90")
    layer = window.layers[PLAN_LAYER]
    assert layer.group == "แผน" and len(layer.data) == 127  # the province's every tambon
    family = ("PV90", "PV90-2567", "PV90-2568", "PV90-2569")  # the plan and its annual action plans
    budgets = pd.DataFrame(sql(demo_path, "SELECT DISTINCT p.source, p.project_id, p.tambon_code, p.budget "
                                          "FROM projects p JOIN project_plans pp "
                                          "ON p.project_id = pp.project_id AND p.source = pp.source "
                                          f"WHERE pp.plan_id IN ({','.join('?' * len(family))})", family),
                           columns=["source", "project_id", "tambon_code", "budget"])
    expected = budgets.groupby("tambon_code")["budget"].sum()
    shown = layer.data.set_index("code")["budget"]
    assert np.allclose(shown.reindex(expected.index).to_numpy(), expected.to_numpy())
    assert (shown.drop(expected.index) == 0).all()
    style = layer.style
    assert style.kind == "graduated" and style.graduated_field and style.ramp == "YlOrRd"
    richest = shown.idxmax()
    from layers.render import graduated_classes

    classes = graduated_classes(layer.data[style.graduated_field], style.breaks)
    assert classes[list(layer.data["code"]).index(richest)] == len(style.breaks) - 1  # darkest class
    assert panel.legend.entries()[-1] == ("ครอบคลุม ไม่มีโครงการ", COVERED_FILL)
    assert "PV90 · แผนพัฒนาจังหวัดสงขลา" in panel.plan_label.text()
    x0, x1 = window.canvas.view.viewRange()[0]
    province = window.layers["changwat"].projected(window.layers.crs).total_bounds
    assert x0 <= province[0] + 1 and x1 >= province[2] - 1  # zoomed to the plan's areas

    # 3. open the matrix and export it
    window.action_plan_matrix.trigger()
    matrix = window.plan_matrix
    qtbot.waitUntil(lambda: matrix.result is not None, timeout=20_000)
    assert matrix.model.rowCount() == 127
    water = sql(demo_path, "SELECT sum(budget) FROM projects WHERE tambon_code = ? AND agenda = 'water'", (KHO_HONG,))
    assert matrix.cell(KHO_HONG, "water")[0] == f"{water[0][0]:,.0f}"
    out = tmp_path / "matrix.xlsx"
    runner = matrix.export_xlsx(out)
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=30_000)
    assert matrix.last_export == out and out.exists()
    from openpyxl import load_workbook

    assert "งบประมาณ budget" in load_workbook(out, read_only=True).sheetnames

    # 4. open the checks
    window.action_plan_checks.trigger()
    checks = window.plan_checks
    qtbot.waitUntil(lambda: checks.result is not None, timeout=20_000)
    assert checks.current_check() == "unaligned"
    assert checks.model.rowCount() == len(checks.result.unaligned) > 0
    assert checks.check_list.item(0).text().endswith(f"({len(checks.result.unaligned):,})")

    window.plan_matrix_dock.raise_()
    qtbot.wait(100)
    window.grab().save(str(artifacts / "plan_matrix.png"))
    window.plan_checks_dock.hide()
    window.plan_matrix_dock.hide()
    window.plan_links_dock.raise_()
    window.canvas.full_extent()
    window.canvas.settle()
    qtbot.wait(100)
    window.grab().save(str(artifacts / "plan_links.png"))


def test_identify_lists_the_plans_of_a_tambon(plans_window):
    window = plans_window
    row = window.layers["tambon"].data.set_index("code").loc[KHO_HONG]
    lines = dict(plans_in_area(window, "tambon", pd.Series({"code": KHO_HONG})))
    links = window.plan_index_service.index.area_links(KHO_HONG)
    totals = links.totals
    assert lines["แผนที่เกี่ยวข้อง"] == f"{totals['plans']} แผน (มีโครงการในตำบล {totals['plans_with_projects']} แผน)"
    assert lines["ไม่อยู่ในแผนใด"] == f"{links.totals['unplanned_projects']} โครงการ"
    assert plans_in_area(window, "amphoe", pd.Series({"code": "9011"})) == []
    # and through the real identify tool
    results = window.map_tools.identify(*Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True).transform(
        *shapely.point_on_surface(row.geometry).coords[0]))
    tambon = [r for r in results if r.layer == "tambon"][0]
    assert ("แผนที่เกี่ยวข้อง", lines["แผนที่เกี่ยวข้อง"]) in tambon.extra


def test_area_box_accepts_a_name_and_reports_an_unknown_one(plans_window, qtbot):
    panel = plans_window.plan_links
    panel.area_edit.setText("คอหงส์")
    qtbot.keyClick(panel.area_edit, Qt.Key.Key_Return)
    assert panel.links.area["code"] == KHO_HONG
    assert plans_window.plan_area_highlight.codes == [KHO_HONG]
    panel.area_edit.setText("ไม่มีตำบลนี้")
    qtbot.keyClick(panel.area_edit, Qt.Key.Key_Return)
    assert "ไม่พบพื้นที่" in panel.area_label.text()


def test_plan_alone_versus_with_its_annual_plans(plans_window, qtbot):
    panel = plans_window.plan_links
    panel.set_family("plan")
    choose_plan(qtbot, panel, "PV90")
    # PV90 itself has no project (they are linked to its annual action plans): covered, pale, no classes
    assert panel.plan_map.totals["projects"] == 0
    layer = plans_window.layers[PLAN_LAYER]
    assert layer.style.kind == "single" and layer.style.fill == COVERED_FILL
    assert panel.legend.entries() == [("ครอบคลุม ไม่มีโครงการ", COVERED_FILL)]
    panel.set_family("same_level")  # refreshes the shown plan
    qtbot.waitUntil(lambda: panel.plan_map is not None and panel.plan_map.family == "same_level", timeout=20_000)
    assert panel.plan_map.plan_ids == ["PV90", "PV90-2567", "PV90-2568", "PV90-2569"]
    assert plans_window.layers[PLAN_LAYER].style.kind == "graduated"
    panel.clear_plan()
    assert PLAN_LAYER not in plans_window.layers


def test_clicking_a_plan_in_the_tree_shows_it_and_amphoe_level_colours_districts(plans_window, qtbot):
    panel = plans_window.plan_links
    panel.show_area(KHO_HONG)
    item = next(panel.tree.topLevelItem(i).child(j) for i in range(panel.tree.topLevelItemCount())
                for j in range(panel.tree.topLevelItem(i).childCount())
                if panel.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole) == ("plan", "DI-9011"))
    panel.tree.itemClicked.emit(item, 0)
    qtbot.waitUntil(lambda: panel.plan_map is not None and panel.plan_map.plan_id == "DI-9011", timeout=20_000)
    tambon_codes = set(plans_window.layers[PLAN_LAYER].data["code"])
    assert tambon_codes and all(c.startswith("9011") and len(c) == 6 for c in tambon_codes)
    panel.set_level("amphoe")
    qtbot.waitUntil(lambda: panel.plan_map.level == "amphoe", timeout=20_000)
    assert list(plans_window.layers[PLAN_LAYER].data["code"]) == ["9011"]


def test_the_index_is_rebuilt_after_an_import(plans_window, qtbot, tmp_path):
    window = plans_window
    service = window.plan_index_service
    builds = service.builds
    plans = tmp_path / "plans_extra.csv"
    plans.write_text("plan_id,name,level,kind,agenda,owner,period_start,period_end,coverage,parent_id\n"
                     "TB-901104-WATER,แผนน้ำตำบลคอหงส์,tambon,agenda,water,อบต.คอหงส์,2568,2570,901104,TB-901104\n",
                     encoding="utf-8")
    job = window.workbench.start_import([plans], "plans")
    qtbot.waitUntil(lambda: not job.is_running(), timeout=30_000)
    qtbot.waitUntil(lambda: service.builds > builds and service.ready, timeout=30_000)
    panel = window.plan_links
    assert panel.plan_combo.findData("TB-901104-WATER") >= 0
    assert "TB-901104-WATER" in panel.show_area(KHO_HONG).plans["plan_id"].tolist()
    assert "TB-901104-WATER" in panel.tree_plans()


def test_a_workspace_without_plans_still_lists_the_projects_of_a_tambon(main_window, qtbot):
    window = main_window
    service = window.plan_index_service
    assert not service.ready and not service.is_building()  # no plans: nothing is built until asked
    window.action_plan_tool.trigger()
    qtbot.waitUntil(lambda: service.ready, timeout=20_000)
    panel = window.plan_links
    links = panel.show_area("901101")
    assert links.totals["plans"] == 0 and panel.tree_plans() == []
    assert panel.tree_projects(None) == ["P-000"]
    assert "แผนที่เกี่ยวข้อง 0 แผน" in panel.area_label.text()


def test_an_edit_rebuilds_the_index_and_the_shown_area(plans_window, qtbot):
    window = plans_window
    service, panel = window.plan_index_service, window.plan_links
    panel.show_area(KHO_HONG)
    before = panel.links.totals["budget"]
    projects = window.layers["projects"].data
    mine = projects[projects["tambon_code"] == KHO_HONG].iloc[0]
    builds = service.builds
    assert window.editing.edit_attribute("projects", int(mine["fid"]), "budget", float(mine["budget"]) + 1_000_000)
    qtbot.waitUntil(lambda: service.builds > builds, timeout=30_000)  # after the edit debounce, on a worker
    assert panel.links.totals["budget"] == pytest.approx(before + 1_000_000)
    assert f"งบประมาณ {before + 1_000_000:,.0f} บาท" in panel.area_label.text()
