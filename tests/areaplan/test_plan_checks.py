"""Alignment checks on the hand-made case, and the checks workbook."""

from __future__ import annotations

import openpyxl
import pytest

from areaplan.analyses import plan_checks
from areaplan.exporters.plan_links import write_checks_xlsx
from tests.areaplan import plan_fixtures


@pytest.fixture(scope="module")
def ix():
    return plan_fixtures.index()


@pytest.fixture(scope="module")
def result(ix):
    return plan_checks.run(plan_checks.ChecksInputs(ix))


def test_local_projects_not_reaching_a_provincial_plan(result):
    un = result.unaligned.set_index("project_id")
    assert set(un.index) == {"P4", "P7"}, "P3's local plan LC has the provincial plan PV as parent"
    assert un.loc["P4", "reason_en"] == "linked to no plan"
    assert un.loc["P7", "plan_ids"] == "LC2" and "no provincial" in un.loc["P7", "reason_en"]


def test_direct_links_only(ix):
    direct = plan_checks.run(plan_checks.ChecksInputs(ix, plan_checks.ChecksParams(through_parents=False)))
    assert "P3" not in set(direct.unaligned["project_id"]), "P3 is also linked to PV-2568 directly"
    assert {"P4", "P7"} <= set(direct.unaligned["project_id"])


def test_provincial_plans_without_projects(result):
    assert result.idle_plans["plan_id"].tolist() == ["PV-EDU"], "PV has projects through PV-2568"


def test_fiscal_years_outside_the_plan_period(result):
    rows = result.period_mismatch
    assert set(zip(rows["plan_id"], rows["project_id"])) == {("LC", "P3"), ("PV-2568", "P3")}
    assert rows.set_index("plan_id").loc["LC", "period_end"] == 2570


def test_tree_checks(result):
    assert result.cycles["plans"].tolist() == ["X → Y → X"] or result.cycles["plans"].tolist() == ["Y → X → Y"]
    assert result.missing_parents["plan_id"].tolist() == ["Z"]
    assert result.unknown_plans["plan_id"].tolist() == ["GHOST"]
    assert set(result.no_area["plan_id"]) == {"CL", "BADCOV"}
    assert all(result.no_area["reason_en"] != "")


def test_checks_workbook(result, ix, tmp_path):
    names = dict(zip(ix.areas["code"], ix.areas["name_th"]))
    path = write_checks_xlsx(result, tmp_path / "checks.xlsx", area_names=names)
    wb = openpyxl.load_workbook(path)
    summary = {r[1]: r[2] for r in wb["สรุป summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["parent cycles"] == 1 and summary["plans whose area is unknown"] == 2
    amphoe = list(wb["ตามอำเภอ by amphoe"].iter_rows(min_row=2, values_only=True))
    assert amphoe == [("9011", "หาดใหญ่", 2, 170_000)]
    assert len(summary) == len(plan_checks.CHECKS)


def test_plan_calendar(ix):
    cal = plan_checks.plan_calendar(ix)
    lc = cal[cal["plan_id"] == "LC"].set_index("fiscal_year")
    assert lc.loc[2571, "projects"] == 1 and not bool(lc.loc[2571, "in_period"])
    assert cal[cal["plan_id"] == "NAT"]["fiscal_year"].isna().all()
