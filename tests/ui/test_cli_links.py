"""`areaplan links|matrix|checks` end to end on a small workspace built through the import commands."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.areaplan import fixtures
from ui.cli import main

PLANS = ("plan_id,name,level,kind,agenda,owner,period_start,period_end,coverage,parent_id\n"
         "PV,แผนพัฒนาจังหวัดสงขลา,จังหวัด,area,,จังหวัดสงขลา,2566,2570,,\n"
         "PV-W,แผนบริหารจัดการน้ำจังหวัดสงขลา,จังหวัด,agenda,น้ำ,สำนักงานจังหวัดสงขลา,2566,2570,,PV\n"
         "TB,แผนพัฒนาตำบลคอหงส์,ตำบล,area,,,2567,2570,901104,PV\n"
         "LC,แผนพัฒนาท้องถิ่น อบต.คลองแห,ท้องถิ่น,area,,อบต.คลองแห,2566,2567,,\n")
PROJECTS = ("project_id,title,budget,fiscal_year,agenda,channel,tambon,amphoe,changwat,plan_ids\n"
            "K1,ขุดลอกคลอง ต.คอหงส์,1250000,2568,water,province,คอหงส์,หาดใหญ่,สงขลา,PV-W;TB\n"
            "K2,ถนนคอนกรีต ต.คลองแห,300000,2568,transport,local,คลองแห,หาดใหญ่,สงขลา,LC\n")


@pytest.fixture
def ws(tmp_path):
    from areaplan.workspace import Workspace

    path = tmp_path / "ws.gpkg"
    with Workspace.create(path) as w:
        fixtures.fill(w)
    (tmp_path / "plans.csv").write_text(PLANS, encoding="utf-8")
    (tmp_path / "projects.csv").write_text(PROJECTS, encoding="utf-8")
    assert main(["import", str(path), str(tmp_path / "plans.csv"), "--kind", "plans"]) == 0
    assert main(["import", str(path), str(tmp_path / "projects.csv")]) == 0
    return path


def test_links_area_table(ws, capsys):
    capsys.readouterr()
    assert main(["links", str(ws), "--area", "TH901104"]) == 0
    out = capsys.readouterr().out
    assert "คอหงส์ (901104)" in out and "อำเภอหาดใหญ่" in out
    assert "PV-W" in out and "TB" in out and "K1" in out and "1,250,000" in out
    assert "อบต.คลองแห" not in out, "LC covers คลองแห only"
    assert out.index("จังหวัด (province)") < out.index("ตำบล (tambon)"), "grouped by level, widest first"


def test_links_area_json(ws, capsys):
    capsys.readouterr()
    assert main(["links", str(ws), "--area", "คลองแห", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["area"]["code"] == "901105" and data["totals"]["projects"] == 1
    plans = {p["plan_id"]: p for g in data["groups"] for p in g["plans"]}
    assert plans["LC"]["coverage_source"] == "owner" and plans["LC"]["budget"] == 300_000
    assert plans["LC"]["projects_list"][0]["project_id"] == "K2"
    assert "TB" not in plans


def test_links_plan_table_and_json(ws, capsys):
    capsys.readouterr()
    assert main(["links", str(ws), "--plan", "PV-W"]) == 0
    out = capsys.readouterr().out
    assert "PV-W" in out and "แผนแม่ (parents): PV" in out and "901104" in out and "901105" in out
    assert main(["links", str(ws), "--plan", "TB", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    codes = {a["code"]: a for a in data["areas"]}
    assert codes["901104"]["relation"] == "listed" and codes["901104"]["budget"] == 1_250_000
    assert "901105" not in codes and data["totals"]["projects"] == 1


def test_unknown_plan_or_area_is_one_line_exit_2(ws, capsys):
    capsys.readouterr()
    assert main(["links", str(ws), "--plan", "NOPE"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "NOPE" in err and "Traceback" not in err
    assert main(["links", str(ws), "--area", "999999"]) == 2


def test_matrix_and_checks_workbooks(ws, tmp_path, capsys):
    out = tmp_path / "matrix.xlsx"
    assert main(["matrix", str(ws), "--out", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    sheet = wb["งบประมาณ budget"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["901104"]["น้ำ การชลประทาน น้ำท่วม ภัยแล้ง (water)"] == 1_250_000
    assert any(r.type == "colorScale" for rng in sheet.conditional_formatting for r in rng.rules)
    assert main(["matrix", str(ws), "--out", str(out)]) == 2, "an existing output needs --overwrite"
    checks = tmp_path / "checks.xlsx"
    assert main(["checks", str(ws), "--out", str(checks)]) == 0
    printed = capsys.readouterr().out
    assert "parent cycles: 0" in printed
    wb = openpyxl.load_workbook(checks)
    periods = list(wb["นอกช่วงแผน period"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5]) for r in periods] == [("LC", "K2")], "2568 is outside LC's 2566–2567"
    unaligned = list(wb["ไม่เชื่อมแผนจังหวัด unaligned"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in unaligned] == ["K2"], "LC has no provincial parent"
