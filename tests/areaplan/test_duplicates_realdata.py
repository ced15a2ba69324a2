"""Pairs from the FY2565 Budget Act that one template writes for different works, and the real duplicates among
them: what a committee sees flagged. Titles quoted from ../shared/data/budget2565/projects_fy2565.csv; the last
test runs the whole file when it is present."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from areaplan.analyses.duplicates import DuplicateInputs, inputs_from_files, run
from tests.conftest import shared_file

WEST, EAST = "901104", "901105"  # two tambons side by side (polygons below)
TAMBONS = gpd.GeoDataFrame({"code": [WEST, EAST]}, geometry=[shapely.box(100.0, 7.0, 100.1, 7.1),
                                                              shapely.box(100.1, 7.0, 100.2, 7.1)], crs="EPSG:4326")


def pairs_of(rows, tambons=None):
    df = pd.DataFrame(rows)
    for col, default in (("tambon_code", WEST), ("channel", "province"), ("agency", ""), ("fiscal_year", 2565),
                         ("budget", 1_000_000), ("source", "t.csv")):
        df[col] = df[col].fillna(default) if col in df.columns else default
    frame = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries([None] * len(df), crs="EPSG:4326"), crs="EPSG:4326")
    res = run(DuplicateInputs(frame, tambons))
    return res, {frozenset(p) for p in zip(res.pairs.project_id_a, res.pairs.project_id_b)}


def two(a, b, **b_cols):
    return [{"project_id": "A", "title": a, "channel": "province"},
            {"project_id": "B", "title": b, "channel": "cluster", **b_cols}]


def test_pumping_stations_of_one_template_at_different_villages_are_not_flagged():
    _, pairs = pairs_of(two("สถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำบ้านตากลาง ตำบลกระโพ อำเภอท่าตูม จังหวัดสุรินทร์ 1 แห่ง",
                            "ก่อสร้างสถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำ บ้านตาทิตย์-บ้านจินดา ตำบลกระโพ อำเภอท่าตูม "
                            "จังหวัดสุรินทร์ 1 แห่ง"))
    assert pairs == set()


def test_water_gates_with_different_names_are_not_flagged():
    gate = "ประตูระบายน้ำ{} ขนาดบาน กว้าง 6 เมตร สูง 3 เมตร จำนวน 2 ช่อง โครงการส่งน้ำและบำรุงรักษาลำพระเพลิง"
    res, pairs = pairs_of(two(gate.format("หลวงพ่อใหญ่"), gate.format("บ้านวังวารีวน")))
    assert pairs == set()
    _, pairs = pairs_of(two(gate.format("หลวงพ่อใหญ่"), gate.format("หลวงพ่อใหญ่")))
    assert pairs == {frozenset("AB")}  # the same gate through two channels is


def test_culverts_at_the_middle_and_the_tail_of_one_canal_are_not_flagged():
    _, pairs = pairs_of(two("ปรับปรุง ทรบ. กลางคลองระบายน้ำสาย ที่ 3 (นานาค) ตำบลนานาค อำเภอตากใบ จังหวัดนราธิวาส",
                            "ปรับปรุง ทรบ. ปลายคลองระบายนำสาย ที่ 3 (นานาค) ตำบลนานาค อำเภอตากใบ จังหวัดนราธิวาส"))
    assert pairs == set()


def test_upper_weir_and_zones_are_other_parts():
    _, pairs = pairs_of(two("ฝายบ้านเนินทองตอนบนพร้อมระบบส่งน้ำ พื้นที่ชลประทาน 150 ไร่ ตำบลบ้านดง",
                            "ฝายบ้านเนินทอง พื้นที่รับประโยชน์ 100 ไร่ ตำบลบ้านดง"))
    assert pairs == set()
    _, pairs = pairs_of(two("ขุดลอกบึงราชนก สนับสนุนแผนบริหารจัดการบึงราชนก ปริมาตรเก็บกัก 3 ล้าน ลบ.ม. ตำบลวังพิกุล",
                            "ขุดลอกบึงราชนก โซน 3 สนับสนุนแผนบริหารจัดการบึงราชนก ปริมาตรเก็บกัก 3 ล้าน ลบ.ม. "
                            "ตำบลวังพิกุล"))
    assert pairs == set()


def test_repair_of_a_building_against_building_it():
    # as in the Budget Act: one university's lines, a repair of 10 M against instalments of the build
    repair = "ปรับปรุงโรงฝึกกีฬาอเนกประสงค์ 3 ชั้น วิทยาเขตอุดรธานี ตำบลหมากแข้ง 1 แห่ง"
    build = "โรงฝึกกีฬาอเนกประสงค์ 3 ชั้น วิทยาเขตอุดรธานี ตำบลหมากแข้ง 1 หลัง"
    agency = "มหาวิทยาลัยการกีฬาแห่งชาติ"
    for budget in (12_250_000, 17_416_000, 57_834_000):
        rows = [{"project_id": "A", "title": repair, "channel": "function", "agency": agency, "budget": 10_000_000},
                {"project_id": "B", "title": build, "channel": "function", "agency": agency, "budget": budget}]
        assert pairs_of(rows)[1] == set()
    # through two channels, the bare noun (which does not say new or repair) at a far higher cost: another scope
    _, pairs = pairs_of(two(repair, build, budget=57_834_000))
    assert pairs == set()


def test_equipment_purchases_are_not_place_based_works():
    machine = ("เครื่องเพิ่มประสิทธิภาพสารพันธุกรรมพร้อมระบบตรวจวัดในสภาพจริง ตำบลหาดใหญ่ อำเภอหาดใหญ่ "
               "จังหวัดสงขลา 1 เครื่อง")
    _, pairs = pairs_of(two(machine, machine))
    assert pairs == set()
    # a building bought with its furniture is a building: the same one twice is flagged
    dorm = "อาคารหอพัก พร้อมครุภัณฑ์ โรงเรียนกีฬาจังหวัดนครสวรรค์ ตำบลบึงเสนาท อำเภอเมืองนครสวรรค์ 1 หลัง"
    _, pairs = pairs_of(two(dorm, dorm))
    assert pairs == {frozenset("AB")}


def test_a_diversion_canal_is_not_the_retention_pond_it_feeds():
    _, pairs = pairs_of(two("คลองผันน้ำลำปะเทีย - อ่างเก็บน้ำสนามบิน ตำบลตะโกตาพิ อำเภอประโคนชัย จังหวัดบุรีรัมย์",
                            "แก้มลิงอ่างเก็บน้ำสนามบิน พร้อมอาคารประกอบ ตำบลตะโกตาพิ อำเภอประโคนชัย จังหวัดบุรีรัมย์"))
    assert pairs == set()


def test_bank_protection_along_one_river_in_two_tambons_is_two_stretches():
    rows = two("ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำตรังพร้อมปรับปรุงภูมิทัศน์ บ้านปากหมัน ความยาวไม่น้อยกว่า 200 เมตร",
               "ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำตรัง พร้อมปรับปรุงภูมิทัศน์ ความยาวไม่น้อยกว่า 200 เมตร",
               tambon_code=EAST)
    _, pairs = pairs_of(rows, TAMBONS)
    assert pairs == set()
    # the same village named by both joins them
    rows[1]["title"] = rows[1]["title"].replace("ปรับปรุงภูมิทัศน์", "ปรับปรุงภูมิทัศน์ บ้านปากหมัน")
    _, pairs = pairs_of(rows, TAMBONS)
    assert pairs == {frozenset("AB")}


def test_village_numbers_in_two_tambons_are_two_villages():
    rows = two("ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำลพบุรี บริเวณหมู่ที่ 1 ความยาว 160.00 เมตร 1 แห่ง",
               "ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำลพบุรี บริเวณหมู่ที่ 2 ความยาว 160.00 เมตร 1 แห่ง", tambon_code=EAST)
    _, pairs = pairs_of(rows, TAMBONS)
    assert pairs == set()
    road = "ก่อสร้างถนน คสล. สายบ้านควน-บ้านแห หมู่ที่ {}"
    _, pairs = pairs_of(two(road.format(3), road.format(5), tambon_code=EAST), TAMBONS)
    assert pairs == {frozenset("AB")}  # one road between two villages of two tambons


def test_the_real_duplicates_stay_flagged():
    # one stream's storage, phase 1, through the Royal Irrigation Department and a provincial cluster
    res, pairs = pairs_of(two(
        "เพิ่มประสิทธิภาพระบบเก็บกักลำห้วยคล้า ระยะที่ 1 พร้อมอาคารประกอบ ปริมาตรเก็บกัก 0.85 ล้าน.ลบ.ม "
        "ตำบลโพนยาง อำเภอวังหิน จังหวัดศรีสะเกษ",
        "เพิ่มประสิทธิภาพระบบกักเก็บลำห้วยคล้า ระยะที่ 1 ตำบลวังหิน อำเภอวังหิน จังหวัดศรีสะเกษ 1 แห่ง",
        tambon_code=EAST), TAMBONS)
    assert pairs == {frozenset("AB")}
    assert "ลำห้วยคล้า" in res.pairs.loc[0, "reasons"]
    # bank protection in one village through two channels (one line garbled by the PDF)
    _, pairs = pairs_of(two(
        "ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำเจ้าพระยา หมู่ที่ 3 ตำบลโรงช้าง อำเภอพรหมบุรี จังหวัดสิงห์บุรี "
        "ระยะทาง 255.00 เมตร 1 แห่ง",
        "ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำเจ้าพร ้าพระยา บริเวณ หมู่ที่ 3 ตำบลโรงช้าง อำเภอพรหมบุรี จังหวัดสิงห์บุรี "
        "ความยาวไม่น้อยกว่า 89.00 เมตร 1 แห่ง"))
    assert pairs == {frozenset("AB")}


def test_real_fy2565_file_flags_few_groups():
    path = shared_file("budget2565/projects_fy2565.csv")
    boundaries = shared_file("thailand_admin.gpkg")
    res = run(inputs_from_files([path], boundaries=boundaries))
    # 27 groups before the rules for templates, parts, purchases and rivers; by reading, 24 of them false
    assert 1 <= len(res.groups) <= 8, res.groups
    pairs = {frozenset(p) for p in zip(res.pairs.project_id_a, res.pairs.project_id_b)}
    assert frozenset(("2022.3.4.441", "2022.3.13(2).439")) in pairs  # ลำห้วยคล้า: a real duplicate
    titles = " ".join(res.pairs.title_a) + " ".join(res.pairs.title_b)
    for template in ("สถานีสูบน้ำด้วยไฟฟ้า", "ทรบ.", "เครื่องชั่ง", "DIKE"):
        assert template not in titles


@pytest.mark.parametrize("years", [0, 1])
def test_multi_year_lines_of_the_real_file_are_not_flagged(years):
    path = shared_file("budget2565/projects_fy2565.csv")
    inputs = inputs_from_files([path], years=years)
    res = run(inputs)
    fy = inputs.projects.set_index("project_id")["fiscal_year"]
    repeats = [(a, b) for a, b, ta, tb in zip(res.pairs.project_id_a, res.pairs.project_id_b, res.pairs.title_a,
                                               res.pairs.title_b) if ta == tb and fy.get(a) != fy.get(b)]
    assert repeats == []
