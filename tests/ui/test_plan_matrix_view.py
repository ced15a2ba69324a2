"""แผน › ตารางพื้นที่ × ประเด็น: the heat-map table on a copy of the demo, measures, levels, gaps, export, zoom."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from openpyxl import load_workbook

from ui.plan_matrix_view import GAP_COLOURS, HEAT_END, HEAT_MID, HEAT_START, heat_colours


def sql(path, query: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(query, params).fetchall()


@pytest.fixture
def matrix(demo_main_window, qtbot):
    """The matrix dock opened from the Plans menu, computed."""
    window = demo_main_window
    window.action_plan_matrix.trigger()
    view = window.plan_matrix
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)
    return view


def test_heat_colours_run_white_orange_red_over_positive_values():
    values = np.array([[0.0, 1.0, 2.0], [3.0, np.nan, 0.0]])
    colours = heat_colours(values)
    assert colours[0, 0] == "" and colours[1, 1] == "" and colours[1, 2] == ""  # zero and missing: no colour
    # smallest positive value white, the median orange, the largest red (the workbook's colour scale)
    assert [colours[0, 1], colours[0, 2], colours[1, 0]] == [HEAT_START, HEAT_MID, HEAT_END]
    assert heat_colours(np.zeros((2, 2))).tolist() == [["", ""], ["", ""]]


def test_budget_and_project_counts_match_the_workspace(matrix, demo_path):
    code = "900101"
    assert matrix.model.rowCount() == 127
    for agenda, n, money in sql(demo_path, "SELECT agenda, count(*), sum(budget) FROM projects WHERE tambon_code = ? "
                                           "GROUP BY agenda", (code,)):
        text, colour = matrix.cell(code, agenda)
        assert text == f"{money:,.0f}" and colour not in ("", *GAP_COLOURS.values())
        matrix.set_measure("projects")
        assert matrix.cell(code, agenda)[0] == str(n)
        matrix.set_measure("budget")
    total = sql(demo_path, "SELECT sum(budget) FROM projects WHERE tambon_code = ?", (code,))[0][0]
    assert matrix.cell(code, "total")[0] == f"{total:,.0f}"


def test_gaps_are_empty_and_shaded(matrix):
    gaps = matrix.result.gaps()
    assert set(gaps["gap"]) == set(GAP_COLOURS)  # the demo has both kinds
    for kind in GAP_COLOURS:
        rec = gaps[gaps["gap"] == kind].iloc[0]
        text, colour = matrix.cell(rec["area_code"], rec["agenda"])
        assert text == "" and colour == GAP_COLOURS[kind]


def test_amphoe_rows_and_a_fiscal_year(matrix, demo_path, qtbot):
    matrix.set_level("amphoe")
    qtbot.waitUntil(lambda: matrix.result is not None and matrix.result.areas["level"].eq("amphoe").all(),
                    timeout=30_000)
    assert matrix.model.rowCount() == 16
    year_index = matrix.year_combo.findData(2568)
    assert year_index > 0
    matrix.year_combo.setCurrentIndex(year_index)
    qtbot.waitUntil(lambda: matrix.result is not None
                    and matrix.result.provenance.parameters["fiscal_years"] == [2568], timeout=30_000)
    money = sql(demo_path, "SELECT sum(budget) FROM projects WHERE tambon_code LIKE '9011%' "
                           "AND fiscal_year = 2568")[0][0]
    assert matrix.cell("9011", "total")[0] == f"{money:,.0f}"


def test_filter_and_click_zooms_to_the_area(matrix, demo_main_window):
    matrix.filter_edit.setText("คอหงส์")
    assert matrix.proxy.rowCount() == 1
    before = demo_main_window.canvas.view.viewRange()
    matrix.view.clicked.emit(matrix.proxy.index(0, 3))
    assert demo_main_window.plan_area_highlight.codes == ["901104"]
    after = demo_main_window.canvas.view.viewRange()
    assert after[0][1] - after[0][0] < (before[0][1] - before[0][0]) / 3  # zoomed in on the tambon


def test_export_writes_the_workbook_off_the_ui_thread(matrix, tmp_path, qtbot):
    out = tmp_path / "m.xlsx"
    runner = matrix.export_xlsx(out)
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=30_000)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["งบประมาณ budget", "โครงการ projects", "แผนเชิงประเด็น plans"]
    assert "บันทึกตารางที่" in matrix.status_label.text()
    bad = matrix.export_xlsx(tmp_path / "missing-folder" / "m.xlsx")
    qtbot.waitUntil(lambda: not bad.is_running(), timeout=30_000)
    assert "ส่งออกไม่ได้" in matrix.status_label.text() and "ไม่พบโฟลเดอร์ปลายทาง" in matrix.status_label.text()
