"""Need indicators keyed by DOPA code or PCODE: wide and long tables, village risk lists, choropleth values."""

from __future__ import annotations

import json

import openpyxl
import pytest

from areaplan.analyses.indicators import indicator_catalog, indicator_values, need_and_investment, read_indicators
from areaplan.analyses.plan_links import PlanIndex
from areaplan.errors import ImportFormatError
from areaplan.importers.pipeline import import_file
from tests.areaplan import fixtures


@pytest.fixture
def ws(workspace):
    fixtures.fill(workspace)
    return workspace


def values(ws, indicator):
    t = read_indicators(ws)
    return t[t["indicator"] == indicator].set_index("area_code")


def test_tpmap_style_table_keyed_by_dopa_code(ws, tmp_path):
    f = tmp_path / "tpmap.csv"
    f.write_text("รหัสตำบล,ตำบล,จำนวนคนจนเป้าหมาย (คน),ประชากร 2566\n"
                 "901104,คอหงส์,\"1,250\",๕๐๐๐\n901105,คลองแห,87,6200\n", encoding="utf-8")
    report = import_file(ws, f, "indicators")
    assert report.kind == "indicators" and not report.rejected and report.imported == 4
    poor = values(ws, "จำนวนคนจนเป้าหมาย")
    assert poor.loc["901104", "value"] == 1250 and poor.loc["901104", "unit"] == "คน"
    assert poor.loc["901104", "level"] == "tambon"
    pop = values(ws, "ประชากร")
    assert pop.loc["901104", "value"] == 5000 and pop.loc["901105", "year"] == 2566
    assert "ตำบล" not in set(read_indicators(ws)["indicator"]), "name columns are not indicators"


def test_pcode_key_and_unknown_code_reported(ws, tmp_path):
    f = tmp_path / "pop.csv"
    f.write_text("ADM3_PCODE,ADM3_TH,population\nTH901104,คอหงส์,5000\nTH909999,ไม่มี,10\nTH901105,คลองแห,x\n",
                 encoding="utf-8")
    report = import_file(ws, f, "indicators")
    assert report.imported == 1 and report.exit_code == 3
    rows = {r.row: r for r in report.rejected}
    assert set(rows) == {3, 4}
    assert rows[3].field == "ADM3_PCODE" and "909999" in rows[3].reason and "pop.csv" in rows[3].reason
    assert rows[4].field == "population"
    stored = ws.read_table("rejected_rows")
    assert sorted(stored["row"]) == [3, 4] and json.loads(stored.set_index("row").loc[3, "raw"])["ADM3_TH"] == "ไม่มี"
    assert values(ws, "population").loc["901104", "value"] == 5000


def test_village_risk_list_counts_per_area(ws, tmp_path):
    f = tmp_path / "ddpm.csv"
    f.write_text("รหัสตำบล,หมู่ที่,ชื่อหมู่บ้าน,ประเภทภัย\n901104,3,บ้านควน,อุทกภัย\n901105,1,บ้านนา,อุทกภัย\n"
                 "901105,2,บ้านทุ่ง,อุทกภัย\n901105,2,บ้านทุ่ง,ดินโคลนถล่ม\n", encoding="utf-8")
    report = import_file(ws, f, "indicators")
    assert not report.rejected
    flood = values(ws, "ประเภทภัย: อุทกภัย")
    assert set(flood.index) == {"90110403", "90110501", "90110502"} and (flood["level"] == "muban").all()
    table = read_indicators(ws)
    tambon = indicator_values(table, "ประเภทภัย: อุทกภัย", level="tambon").set_index("code")["value"]
    assert tambon.to_dict() == {"901104": 1.0, "901105": 2.0}, "villages at risk summed to the tambon"
    cat = indicator_catalog(table).set_index("indicator")
    assert cat.loc["ประเภทภัย: ดินโคลนถล่ม", "areas"] == 1


def test_long_format_xlsx_with_title_row_and_reimport(ws, tmp_path):
    path = tmp_path / "need.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["ตัวชี้วัดความจำเป็นรายตำบล จังหวัดสงขลา ปี 2567"])
    sheet.append([])
    sheet.append(["รหัสพื้นที่", "ตัวชี้วัด", "ค่า", "หน่วย", "ปี"])
    sheet.append(["901104", "ครัวเรือนยากจน", 40, "ครัวเรือน", 2024])
    sheet.append(["9011", "ครัวเรือนยากจน", 300, "ครัวเรือน", 2024])
    wb.save(path)
    report = import_file(ws, path, "indicators")
    assert report.imported == 2 and not report.rejected
    hh = values(ws, "ครัวเรือนยากจน")
    assert hh.loc["9011", "year"] == 2567 and hh.loc["9011", "level"] == "amphoe"
    import_file(ws, path, "indicators")
    assert ws.count("indicators") == 2, "importing the same file again replaces its rows"
    amphoe = indicator_values(read_indicators(ws), "ครัวเรือนยากจน", level="amphoe")
    assert amphoe["value"].tolist() == [300.0], "a value given at the level wins over summed tambons"


def test_need_and_investment_side_by_side(ws, tmp_path):
    (tmp_path / "p.csv").write_text("tambon_code,poor\n901104,100\n901105,0\n", encoding="utf-8")
    (tmp_path / "projects.csv").write_text("project_id,title,budget,tambon,amphoe,changwat\n"
                                           "K1,ถนน,500000,คอหงส์,หาดใหญ่,สงขลา\n", encoding="utf-8")
    import_file(ws, tmp_path / "p.csv", "indicators")
    import_file(ws, tmp_path / "projects.csv")
    out = need_and_investment(PlanIndex.from_workspace(ws), indicator_values(read_indicators(ws), "poor"))
    row = out.set_index("code").loc["901104"]
    assert row["value"] == 100 and row["budget"] == 500_000 and row["budget_per_unit"] == 5_000


def test_file_without_code_column(ws, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("ตำบล,ประชากร\nคอหงส์,5000\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="รหัสพื้นที่"):
        import_file(ws, f, "indicators")
    assert ws.count("indicators") == 0
