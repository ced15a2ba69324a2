"""The area × agenda matrix: projects, budget and agenda plans per tambon, gaps, and its workbook."""

from __future__ import annotations

import openpyxl
import pytest

from areaplan.analyses import plan_matrix
from areaplan.errors import AreaPlanError
from areaplan.exporters.plan_links import write_matrix_xlsx
from tests.areaplan import plan_fixtures


@pytest.fixture(scope="module")
def result():
    return plan_matrix.run(plan_matrix.MatrixInputs(plan_fixtures.index()))


def cell(result, code, agenda):
    c = result.cells
    return c[(c["area_code"] == code) & (c["agenda"] == agenda)].iloc[0]


def test_projects_and_budget_per_tambon_and_agenda(result):
    water = cell(result, "901105", "water")
    assert water["projects"] == 2 and water["budget"] == 1_200_000, "P1 (village 2) and P3"
    assert cell(result, "901104", "transport")["budget"] == 500_000
    assert list(result.areas["code"]) == ["900101", "901104", "901105", "910101"], "every tambon is a row"
    assert result.wide("budget").loc["901105", "total"] == 1_320_000, "P1 + P3 + P7 (agenda unspecified)"


def test_a_project_without_agenda_takes_its_agenda_plans_agenda_or_unspecified(result):
    assert "unspecified" in result.agendas, "P7 has no agenda and no agenda plan"
    assert cell(result, "901105", "unspecified")["projects"] == 1


def test_agenda_plans_per_cell_and_gaps(result):
    assert cell(result, "901105", "water")["plans"] == 1, "AG-W through its project"
    satun = cell(result, "910101", "water")
    assert satun["plans"] == 1 and satun["projects"] == 0 and satun["gap"] == "plan_without_projects"
    assert cell(result, "901104", "education")["plans"] == 1, "PV-EDU: the owner's province"
    assert cell(result, "900101", "water")["gap"] == "no_plan_no_project"
    assert cell(result, "901105", "water")["gap"] == ""
    gaps = result.gaps()
    assert (gaps["projects"] == 0).all() and len(gaps) == (result.cells["projects"] == 0).sum()


def test_amphoe_level_and_fiscal_year_filter():
    ix = plan_fixtures.index()
    amphoe = plan_matrix.run(plan_matrix.MatrixInputs(ix, plan_matrix.MatrixParams(level="amphoe")))
    assert amphoe.wide("budget").loc["9011", "transport"] == 800_000, "P5 is located to the amphoe only"
    fy = plan_matrix.run(plan_matrix.MatrixInputs(ix, plan_matrix.MatrixParams(fiscal_years=(2571,))))
    assert fy.wide("budget").loc["901105", "water"] == 200_000, "only P3 is of 2571"
    with pytest.raises(AreaPlanError, match="level"):
        plan_matrix.run(plan_matrix.MatrixInputs(ix, plan_matrix.MatrixParams(level="muban")))


def test_matrix_workbook_has_heat_map_and_empty_gaps(result, tmp_path):
    path = write_matrix_xlsx(result, tmp_path / "matrix.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["งบประมาณ budget", "โครงการ projects", "แผนเชิงประเด็น plans"]
    sheet = wb["งบประมาณ budget"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    water = "น้ำ การชลประทาน น้ำท่วม ภัยแล้ง (water)"
    assert rows["901105"][water] == 1_200_000 and rows["901105"]["อำเภอ (amphoe)"] == "หาดใหญ่"
    assert rows["900101"][water] is None, "a gap is left empty"
    rules = [r for rng in sheet.conditional_formatting for r in rng.rules]
    assert any(r.type == "colorScale" for r in rules)
    gap_col = header.index(water) + 1
    satun_row = [r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == "910101"][0]
    assert sheet.cell(row=satun_row, column=gap_col).fill.fgColor.rgb == "FFF8CBD0", "pink: plan but no project"
    assert wb["ช่องว่าง gaps"].max_row - 1 == len(result.gaps())
