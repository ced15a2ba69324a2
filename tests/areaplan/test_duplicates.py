"""Duplicate detection: scoring and vetoes per hard-negative kind, decisions, groups, outputs and the CLI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from areaplan.analyses.duplicates import (
    DuplicateInputs, DuplicateParams, _same_place, record_decision, run, run_workspace, tambon_neighbours, validate,
)
from areaplan.errors import AreaPlanError
from tests.areaplan.fixtures import KHO_HONG, KHLONG_HAE, fill

REPO = Path(__file__).resolve().parents[2]


def frame(rows, points=None, crs="EPSG:4326"):
    df = pd.DataFrame(rows)
    for col, default in (("tambon_code", "901104"), ("channel", "province"), ("agency", ""),
                         ("fiscal_year", 2568), ("budget", 500_000), ("source", "t.csv")):
        if col not in df.columns:
            df[col] = default
    geoms = [shapely.Point(p) if p else None for p in (points or [None] * len(df))]
    df["location_precision"] = ["point" if g is not None else "village" for g in geoms]
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs=crs), crs=crs)


def flagged(rows, points=None, **params):
    res = run(DuplicateInputs(frame(rows, points), params=DuplicateParams(**params)))
    return res, {frozenset(p) for p in zip(res.pairs.project_id_a, res.pairs.project_id_b)}


ROAD_PV = "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านควน-บ้านนา ม.4 ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา"
ROAD_LC = "ก่อสร้างถนน คสล. สายบ้านควน - บ้านนา หมู่ที่ ๔ กว้าง 4 ม. ยาว 200 ม. หนา 0.15 ม."


def test_same_work_two_channels_is_flagged_with_reasons():
    res, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV, "channel": "province"},
        {"project_id": "B", "title": ROAD_LC, "channel": "local", "fiscal_year": 2569},
    ], points=[(100.45, 7.0), (100.4505, 7.0008)])
    assert pairs == {frozenset("AB")}
    reasons = res.pairs.loc[0, "reasons"]
    assert "หมู่ที่ 4 เดียวกัน" in reasons and "same village 4" in reasons
    assert "ประเภทงานถนนเหมือนกัน" in reasons and "same work type road" in reasons
    assert "ช่องทางต่างกัน province/local" in reasons and "different channels province/local" in reasons
    assert " ม." in reasons and " m apart" in reasons
    assert res.pairs.loc[0, "score"] >= 0.75
    print("reasons:", reasons)


def test_neighbour_village_is_vetoed():
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV},
        {"project_id": "B", "title": ROAD_PV.replace("ม.4", "ม.5"), "channel": "local"},
    ])
    assert pairs == set()


def test_different_work_same_place_is_vetoed():
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV},
        {"project_id": "B", "title": "ก่อสร้างรางระบายน้ำ คสล. สายบ้านควน-บ้านนา ม.4", "channel": "local"},
    ])
    assert pairs == set()


def test_later_phase_is_vetoed():
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV + " ระยะที่ 1"},
        {"project_id": "B", "title": ROAD_PV + " ระยะที่ 2", "fiscal_year": 2569},
    ])
    assert pairs == set()


def test_later_year_repeat_of_one_office_is_vetoed():
    same = {"title": ROAD_PV, "agency": "สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา", "channel": "province"}
    _, pairs = flagged([{"project_id": "A", **same, "fiscal_year": 2567},
                        {"project_id": "B", **same, "fiscal_year": 2568}])
    assert pairs == set()
    _, pairs = flagged([
        {"project_id": "A", "title": "ฝึกอบรมอาสาสมัคร อปพร. ประจำปีงบประมาณ 2567", "channel": "local"},
        {"project_id": "B", "title": "ฝึกอบรมอาสาสมัคร อปพร. ประจำปีงบประมาณ 2568", "channel": "province"},
    ])
    assert pairs == set()


def test_multi_year_wording_is_vetoed_even_with_another_agency():
    t = ROAD_PV + " (งบประมาณผูกพันข้ามปี พ.ศ. 2567-2569)"
    _, pairs = flagged([{"project_id": "A", "title": t, "agency": "x", "fiscal_year": 2567},
                        {"project_id": "B", "title": t, "agency": "y", "fiscal_year": 2568}])
    assert pairs == set()


def test_same_year_same_channel_repeat_is_flagged():
    _, pairs = flagged([{"project_id": "A", "title": ROAD_PV}, {"project_id": "B", "title": ROAD_LC}])
    assert pairs == {frozenset("AB")}


def test_maintenance_vs_new_is_vetoed():
    # a repair costs a fraction of the build
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV},
        {"project_id": "B", "title": "ซ่อมแซมถนนคอนกรีตเสริมเหล็ก สายบ้านควน-บ้านนา ม.4", "channel": "local",
         "budget": 150_000},
    ])
    assert pairs == set()


def test_new_and_repair_at_one_price_in_one_village_is_one_work():
    # two offices, one numbered village, budgets within 10 %: one estimate of one work, whatever verb each wrote
    result, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV, "budget": 500_000},
        {"project_id": "B", "title": "ปรับปรุงถนนคอนกรีตเสริมเหล็ก สายบ้านควน-บ้านนา ม.4", "channel": "local",
         "budget": 490_000},
    ])
    assert pairs == {frozenset("AB")}
    assert "one budget in one village" in result.pairs["reasons_en"].iloc[0]
    # within one channel the verb still parts them
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV, "budget": 500_000},
        {"project_id": "B", "title": "ปรับปรุงถนนคอนกรีตเสริมเหล็ก สายบ้านควน-บ้านนา ม.4", "budget": 490_000},
    ])
    assert pairs == set()


def test_same_tambon_name_other_amphoe_not_compared():
    # same title, tambon codes of two different tambons and no boundaries: never candidates
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV, "tambon_code": "901104"},
        {"project_id": "B", "title": ROAD_PV, "tambon_code": "401104"},
    ])
    assert pairs == set()


def test_same_road_other_segment_is_vetoed():
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV + " ช่วง กม.0+000 - กม.1+200"},
        {"project_id": "B", "title": ROAD_PV + " ช่วง กม.1+200 - กม.2+500", "channel": "local"},
    ])
    assert pairs == set()
    _, pairs = flagged([
        {"project_id": "A", "title": ROAD_PV + " ช่วงบ้านควน ถึงบ้านดอน"},
        {"project_id": "B", "title": ROAD_PV + " ช่วงบ้านดอน ถึงบ้านนา", "channel": "local"},
    ])
    assert pairs == set()


def test_far_points_are_not_duplicates():
    _, pairs = flagged([{"project_id": "A", "title": "ก่อสร้างศาลาอเนกประสงค์"},
                        {"project_id": "B", "title": "ก่อสร้างศาลาอเนกประสงค์", "channel": "local"}],
                       points=[(100.41, 6.96), (100.49, 7.04)])
    assert pairs == set()


def test_years_window():
    rows = [{"project_id": "A", "title": ROAD_PV, "fiscal_year": 2566},
            {"project_id": "B", "title": ROAD_LC, "channel": "local", "fiscal_year": 2568}]
    assert flagged(rows)[1] == set()
    assert flagged(rows, years=2)[1] == {frozenset("AB")}


def test_distance_blocking_without_tambon():
    res, pairs = flagged([{"project_id": "A", "title": ROAD_PV, "tambon_code": None},
                          {"project_id": "B", "title": ROAD_LC, "tambon_code": None, "channel": "local"}],
                         points=[(100.45, 7.0), (100.451, 7.0)])
    assert pairs == {frozenset("AB")} and res.candidates == 1


def test_adjacent_tambons_from_polygons():
    tambons = gpd.GeoDataFrame({"code": ["901104", "901105", "901106"]},
                               geometry=[KHO_HONG, KHLONG_HAE, shapely.box(101, 7, 101.1, 7.1)], crs="EPSG:4326")
    codes = pd.Index(["901104", "901105", "901106"]).to_numpy(dtype=object)
    n = tambon_neighbours(tambons, codes)
    assert set(map(tuple, n.to_numpy().tolist())) == {(0, 0), (1, 1), (2, 2), (0, 1), (1, 0)}
    road = "ก่อสร้างถนน คสล. สายบ้านควน-บ้านแห"
    rows = [{"project_id": "A", "title": road, "tambon_code": "901104"},
            {"project_id": "B", "title": road, "tambon_code": "901105", "channel": "local"}]
    res = run(DuplicateInputs(frame(rows), tambons))
    assert len(res.pairs) == 1 and "ตำบลติดกัน" in res.pairs.loc[0, "reasons"]
    assert len(run(DuplicateInputs(frame(rows), None)).pairs) == 0


def test_groups_and_budget_at_stake():
    res, _ = flagged([
        {"project_id": "A", "title": ROAD_PV, "budget": 500_000},
        {"project_id": "B", "title": ROAD_LC, "channel": "local", "budget": 480_000},
        {"project_id": "C", "title": ROAD_LC.replace("ก่อสร้าง", "โครงการก่อสร้าง"), "channel": "community",
         "budget": 450_000},
    ])
    assert len(res.groups) == 1
    g = res.groups.iloc[0]
    assert g["size"] == 3 and g["total_budget"] == 1_430_000 and g["budget_at_stake"] == 930_000
    assert set(res.members["project_id"]) == {"A", "B", "C"}
    assert (res.pairs["group_id"] == g["group_id"]).all()


def test_provenance_and_validate():
    res, _ = flagged([{"project_id": "A", "title": ROAD_PV}])
    assert res.provenance.analysis == "duplicates" and res.provenance.parameters["threshold"] == 0.75
    assert json.loads(res.provenance.to_json())["areaplan_version"]
    problems = validate(DuplicateInputs(frame([{"project_id": "A", "title": ROAD_PV}]),
                                        params=DuplicateParams(threshold=1.5)))
    assert problems and problems[0].field == "threshold"
    with pytest.raises(AreaPlanError, match="threshold must be in"):
        run(DuplicateInputs(frame([{"project_id": "A", "title": ROAD_PV}]), params=DuplicateParams(threshold=0)))


def test_cancel():
    from areaplan.errors import Cancelled

    with pytest.raises(Cancelled):
        run(DuplicateInputs(frame([{"project_id": "A", "title": ROAD_PV}])), cancelled=lambda: True)


# ---------------------------------------------------------------------------------------- decisions

def _workspace_with_pair(workspace, tmp_path):
    from areaplan.importers.pipeline import import_file

    fill(workspace)
    csv = tmp_path / "projects.csv"
    pd.DataFrame([
        {"project_id": "A", "title": ROAD_PV, "channel": "province", "fiscal_year": 2568, "budget": 500000,
         "lon": 100.45, "lat": 7.0},
        {"project_id": "B", "title": ROAD_LC, "channel": "local", "fiscal_year": 2568, "budget": 480000,
         "tambon": "คอหงส์", "amphoe": "หาดใหญ่", "changwat": "สงขลา"},
    ]).to_csv(csv, index=False)
    import_file(workspace, csv)
    return csv


def test_decisions_persisted_and_respected(workspace, tmp_path):
    csv = _workspace_with_pair(workspace, tmp_path)
    first = run_workspace(workspace)
    assert len(first.pairs) == 1
    record_decision(workspace, "A", "B", "not_duplicate", note="คนละสาย", reviewer="สมชาย")
    d = workspace.read_table("duplicate_decisions")
    assert d.loc[0, "decision"] == "not_duplicate" and d.loc[0, "hash_a"] and d.loc[0, "source_a"] == "projects.csv"
    again = run_workspace(workspace)
    assert len(again.pairs) == 0 and again.suppressed == 1
    # a changed record re-opens the pair
    from areaplan.importers.pipeline import import_file

    pd.read_csv(csv).assign(budget=[500000, 490000]).to_csv(csv, index=False)
    import_file(workspace, csv)
    reopened = run_workspace(workspace)
    assert len(reopened.pairs) == 1 and reopened.pairs.loc[0, "decision"] == "changed"


def test_duplicate_decision_carried(workspace, tmp_path):
    _workspace_with_pair(workspace, tmp_path)
    record_decision(workspace, "B", "A", "duplicate", keep="A", reviewer="x")
    res = run_workspace(workspace)
    assert res.pairs.loc[0, "decision"] == "duplicate" and res.pairs.loc[0, "keep"] == "A"
    assert res.groups.loc[0, "decisions"] == "duplicate"
    with pytest.raises(AreaPlanError, match="decision must be one of"):
        record_decision(workspace, "A", "B", "maybe")
    with pytest.raises(AreaPlanError, match="keep must be one of the pair"):
        record_decision(workspace, "A", "B", "duplicate", keep="Z")
    with pytest.raises(AreaPlanError, match="no project 'Z'"):
        record_decision(workspace, "A", "Z", "unsure")


def test_exports(tmp_path):
    from openpyxl import load_workbook

    from areaplan.exporters.duplicates import write_pairs_csv, write_report_xlsx

    res, _ = flagged([{"project_id": "A", "title": ROAD_PV}, {"project_id": "B", "title": ROAD_LC, "channel": "local"}])
    write_pairs_csv(res, tmp_path / "p.csv")
    out = pd.read_csv(tmp_path / "p.csv", encoding="utf-8-sig")
    assert list(out.columns[:5]) == ["project_id_a", "project_id_b", "score", "reasons", "group_id"]
    write_report_xlsx(res, tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["กลุ่ม groups", "รายการ members", "คู่ pairs", "ที่มา provenance"]
    assert wb["รายการ members"].max_row == 3


# ---------------------------------------------------------------------------------------- CLI

def test_cli_on_a_csv_alone(tmp_path):
    csv = tmp_path / "projects.csv"
    pd.DataFrame([
        {"รหัสโครงการ": "PV-1", "ชื่อโครงการ": ROAD_PV, "ช่องทาง": "แผนพัฒนาจังหวัด", "ปีงบประมาณ": 2568,
         "งบประมาณ": "500,000", "ลองจิจูด": 100.45, "ละติจูด": 7.0},
        {"รหัสโครงการ": "LC-1", "ชื่อโครงการ": ROAD_LC, "ช่องทาง": "อบต.", "ปีงบประมาณ": 2568,
         "งบประมาณ": "480,000", "ตำบล": "คอหงส์", "อำเภอ": "หาดใหญ่", "จังหวัด": "สงขลา"},
        {"รหัสโครงการ": "LC-2", "ชื่อโครงการ": "ขุดลอกคลองอู่ตะเภา ม.2 ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา", "ช่องทาง": "อบต.",
         "ปีงบประมาณ": 2568, "งบประมาณ": "300,000"},
    ]).to_csv(csv, index=False)
    out = tmp_path / "pairs.csv"
    report = tmp_path / "report.xlsx"
    proc = subprocess.run([sys.executable, "-m", "ui.cli", "duplicates", str(csv), "--out", str(out),
                           "--report", str(report)], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    pairs = pd.read_csv(out, encoding="utf-8-sig")
    assert {frozenset(p) for p in zip(pairs.project_id_a, pairs.project_id_b)} == {frozenset(("PV-1", "LC-1"))}
    assert report.exists() and "compared" in proc.stdout
    again = subprocess.run([sys.executable, "-m", "ui.cli", "duplicates", str(csv), "--out", str(out)],
                           capture_output=True, text=True, cwd=REPO)
    assert again.returncode != 0 and "--overwrite" in again.stderr


# ---------------------------------------------------------------------------------------- demo workspace

def test_demo_workspace_planted_pairs(tmp_path):
    import shutil

    committed = REPO / "sample_data" / "demo_songkhla.gpkg"
    if not committed.exists():
        pytest.skip("demo workspace not built")
    demo = shutil.copy(committed, tmp_path / "demo.gpkg")  # a run stores the titles it read: not in the repo's file
    with sqlite3.connect(demo) as con:
        truth = json.loads(dict(con.execute("SELECT key, value FROM metadata").fetchall())["demo_true_duplicates"])
    res = run_workspace(demo)
    flagged_ = {frozenset(p) for p in zip(res.pairs.project_id_a, res.pairs.project_id_b)}
    found: dict[str, list[int]] = {}
    for t in truth:
        found.setdefault(t["kind"], [0, 0])
        found[t["kind"]][0] += frozenset((t["project_id_a"], t["project_id_b"])) in flagged_
        found[t["kind"]][1] += 1
    print("demo workspace planted pairs flagged:", found)
    hit, total = found["same_work_two_channels"]
    assert hit / total >= 0.85
    assert all(v[0] == 0 for k, v in found.items() if k != "same_work_two_channels")


def test_two_registration_codes_or_two_stretches_are_two_roads():
    base = "ลาดยางถนนลาดยาง สายบ้านควน - บ้านนา {} หมู่ที่ 4 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา"
    rows = [{"project_id": "A", "title": base.format("รหัสสายทาง สข.ถ.1-0011")},
            {"project_id": "B", "title": base.format("รหัสสายทาง สข.ถ.1-0010"), "channel": "local"}]
    assert flagged(rows)[1] == set()
    rows[1]["title"] = base.format("รหัสสายทาง สข.ถ.1-0011")
    assert flagged(rows)[1] == {frozenset("AB")}
    # a stretch named after ตอน, or between any two things after ช่วงจาก … ถึง …
    rows = [{"project_id": "A", "title": base.format("ตอนบ้านนา - บ้านโคก")},
            {"project_id": "B", "title": base.format("ตอนบ้านควน - บ้านนา"), "channel": "local"}]
    assert flagged(rows)[1] == set()
    rows = [{"project_id": "A", "title": base.format("ช่วงจากศาลาเก่าถึงป้อมยาม")},
            {"project_id": "B", "title": base.format("ช่วงจากป้อมยามถึงศาลเจ้า"), "channel": "local"}]
    assert flagged(rows)[1] == set()


def test_two_routes_that_share_one_end_are_two_stretches():
    # round 15: a drain along บ้านนา-บ้านโคก and one along บ้านควน-บ้านนา are two stretches of one line, even when
    # the rest of the titles agree; the route written backwards is the same route
    drain = "ก่อสร้างรางระบายน้ำ คสล. รูปตัวยู พร้อมฝาปิด สาย{} หมู่ที่ 4 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา"
    rows = [{"project_id": "A", "title": drain.format("บ้านนา - บ้านโคก"), "budget": 1_440_000},
            {"project_id": "B", "title": drain.format("บ้านควน - บ้านนา"), "channel": "local", "budget": 1_450_000}]
    res, pairs = flagged(rows)
    assert pairs == set()
    rows[1]["title"] = drain.format("บ้านโคก - บ้านนา")
    assert flagged(rows)[1] == {frozenset("AB")}


def test_a_public_wifi_point_is_a_work_at_a_place_not_a_purchase():
    # round 16: copies of one Wi-Fi point through two channels are one work; purchases of equipment are not compared
    wifi = ("จัดตั้งจุดกระจายสัญญาณอินเทอร์เน็ตไร้สาย (Wi-Fi) สาธารณะ อุปกรณ์ Access Point 4 ชุด "
            "บริเวณศาลาประชาคมบ้านหนองเงือก หมู่ที่ 12 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา")
    rows = [{"project_id": "A", "title": wifi, "channel": "local", "budget": 179_000},
            {"project_id": "B", "title": wifi, "channel": "cluster", "budget": 173_000}]
    assert flagged(rows)[1] == {frozenset("AB")}
    bought = "จัดซื้อครุภัณฑ์คอมพิวเตอร์ สำนักงาน อบต.คอหงส์ หมู่ที่ 12 ตำบลคอหงส์"
    rows = [{"project_id": "A", "title": bought, "channel": "local"},
            {"project_id": "B", "title": bought, "channel": "cluster"}]
    assert flagged(rows)[1] == set()


def test_an_early_warning_station_is_a_work_at_a_place_not_a_purchase():
    # round 17: copies of one warning station (its rain gauges are no equipment line) through two channels are one
    # work, even without a village; in one village, its loudspeaker-tower wording is the same work too
    station = ("โครงการติดตั้งสถานีเตือนภัยล่วงหน้า (น้ำป่า-ดินถล่ม) สถานีหลักพร้อมเครื่องวัดปริมาณน้ำฝนและระดับน้ำ 2 จุด "
               "ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา")
    rows = [{"project_id": "A", "title": station, "channel": "function", "budget": 683_000},
            {"project_id": "B", "title": station, "channel": "province", "budget": 678_000}]
    assert flagged(rows)[1] == {frozenset("AB")}
    rows[0]["title"] = station.replace("2 จุด", "2 จุด บ้านควนลัง ม.9")
    rows[1]["title"] = ("โครงการติดตั้งระบบเตือนภัยน้ำหลากล่วงหน้าพร้อมหอกระจายเสียง สถานีหลักพร้อมเครื่องวัดปริมาณน้ำฝน"
                        "และระดับน้ำ 2 จุด บ้านควนลัง ม.9 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา")
    assert flagged(rows)[1] == {frozenset("AB")}


def test_a_place_name_with_a_tone_mark_typed_wrong_is_the_same_place():
    # round 17: บ้านไร่ขี้เหล้ก is บ้านไร่ขี้เหล็ก typed in a hurry; another village's name is still another place
    assert _same_place("บ้านไร่ขี้เหล็ก", "บ้านไร่ขี้เหล้ก") and not _same_place("บ้านไร่ขี้เหล็ก", "บ้านไร่ขี้ตุ่น")
    plan = ("โครงการดำเนินการก่อส้รางสะพานท่อเหลี่ยม คสล. ข้ามคลองบางพระน้อย หมู่ที่ 13 บ้านไร่ขี้เหล็ก ตำบลคอหงส์ "
            "อำเภอหาดใหญ่ จังหวัดสงขลา (ชนิด 2 ช่อง ขนาด 2.10x2.10 ม.)")
    asked = "ระดมทุนทำท่อเหลี่ยม ตรงคลองบางพระน้อย บ้านไร่ขี้เหล้ก (โดยกองทุนสวัสดิการชุมชนตำบลคอหงส์)"
    rows = [{"project_id": "A", "title": plan, "channel": "province", "budget": 659_000, "fiscal_year": 2569},
            {"project_id": "B", "title": asked, "channel": "other", "budget": 660_000, "fiscal_year": 2570}]
    assert flagged(rows)[1] == {frozenset("AB")}
    rows[1]["title"] = asked.replace("บ้านไร่ขี้เหล้ก", "บ้านไร่ขี้ตุ่น")
    assert flagged(rows)[1] == set()


def test_free_text_adds_evidence_but_does_not_part_a_pair():
    formal = "ก่อสร้างฝายชะลอน้ำ คสล. คลองบางหลวง หมู่ที่ 4 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา สันฝายยาว 20 เมตร"
    # a villager's request: the stream its reason mentions is a word of the reason, not another stream
    asked = "ชาวบ้านหมู่ 4 ขอทำฝายกั้นห้วยไว้ใช้หน้าแล้ง ด้วยเหตุที่หน้าแล้งห้วยแห้งหมด ไม่มีน้ำเลี้ยงวัว"
    rows = [{"project_id": "A", "title": formal, "budget": 1_760_000, "agency": "กรมชลประทาน"},
            {"project_id": "B", "title": asked, "channel": "community", "budget": 1_800_000, "agency": "หมู่ 4"}]
    assert flagged(rows)[1] == {frozenset("AB")}
    # not in another village
    rows[1]["title"] = asked.replace("หมู่ 4", "หมู่ 6")
    assert flagged(rows)[1] == set()
    # two plans' titles naming two streams in one village are two weirs
    rows[1] = {"project_id": "B", "title": formal.replace("คลองบางหลวง", "ห้วยทรายขาว"), "channel": "local",
               "budget": 1_800_000, "agency": "อบต.คอหงส์"}
    assert flagged(rows)[1] == set()
