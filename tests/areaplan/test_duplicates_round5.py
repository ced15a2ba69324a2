"""Duplicate rules of issue 4, round 5: a community request against a formal title of one work, budgets far apart
through two channels, a tambon-wide line against works of two villages, and later-phase markers. Each pair is
written as a community plan and an office would write one work (or two works) in their own words."""

from __future__ import annotations

from tests.areaplan.test_duplicates import flagged

FORMAL_ROAD = ("โครงการปรับปรุงถนนลูกรังเข้าพื้นที่การเกษตร สายบ้านนาดี - บ้านโคกใหญ่ บ้านนาดี หมู่ที่ 2 "
               "ขนาดกว้าง 5.00 เมตร ยาว 640 เมตร 1 สาย")
REQUEST_ROAD = "ขอถนนลูกรังเข้าสวน เส้นบ้านนาดี ไป บ้านโคกใหญ่ บ้านนาดี หมู่ 2 ขนผลผลิตออกจากสวนไม่ได้ตอนฝนตก"


def test_request_without_verb_against_repair_with_close_budget_is_one_work():
    res, pairs = flagged([
        {"project_id": "A", "title": FORMAL_ROAD, "channel": "local", "agency": "อบต.นาดี", "budget": 352_000},
        {"project_id": "B", "title": REQUEST_ROAD, "channel": "community", "agency": "คณะกรรมการหมู่บ้าน บ้านนาดี",
         "budget": 371_000, "fiscal_year": 2567},
    ])
    assert pairs == {frozenset("AB")}
    reasons = res.pairs.loc[0, "reasons"]
    assert "repair or new not told apart" in reasons and "ไม่ระบุชัดว่าซ่อมหรือสร้างใหม่" in reasons


def test_request_without_verb_against_cheap_repair_stays_apart():
    # a repair costing a third of the request: the request asks for a new build, the line repairs what exists
    _, pairs = flagged([
        {"project_id": "A", "title": FORMAL_ROAD, "channel": "local", "agency": "อบต.นาดี", "budget": 352_000},
        {"project_id": "B", "title": REQUEST_ROAD, "channel": "community", "agency": "คณะกรรมการหมู่บ้าน บ้านนาดี",
         "budget": 1_150_000},
    ])
    assert pairs == set()


def test_pond_request_against_formal_water_source_of_one_village():
    _, pairs = flagged([
        {"project_id": "A", "title": "ขอขุดหนองกลางบ้านให้ลึก บ้านโนนแดง หมู่ 6 เนื่องจากหน้าแล้งวัวควายไม่มีน้ำกิน",
         "channel": "community", "agency": "คณะกรรมการหมู่บ้าน บ้านโนนแดง", "budget": 918_000},
        {"project_id": "B", "title": "โครงการพัฒนาแหล่งน้ำหนองสาธารณะ พร้อมระบบสูบน้ำพลังงานแสงอาทิตย์ บ้านโนนแดง "
                                     "หมู่ที่ 6 ความจุไม่น้อยกว่า 40,000 ลูกบาศก์เมตร 1 แห่ง",
         "channel": "province", "agency": "จังหวัดศรีสะเกษ", "budget": 951_000, "fiscal_year": 2569},
    ])
    assert pairs == {frozenset("AB")}


def test_tourist_facilities_request_against_formal_title():
    res, pairs = flagged([
        {"project_id": "A", "title": "ก่อสร้างลานจอดรถ-ห้องน้ำแหล่งท่องเที่ยว พร้อมป้ายสื่อความหมาย บ้านผาสุก หมู่ที่ 4",
         "channel": "function", "agency": "กรมการท่องเที่ยว", "budget": 2_610_000},
        {"project_id": "B", "title": "บ้านผาสุก หมู่ 4 ขอทำห้องน้ำกับที่จอดรถให้นักท่องเที่ยว ช่วงเทศกาลรถจอดเต็มถนน",
         "channel": "community", "agency": "คณะกรรมการหมู่บ้าน บ้านผาสุก", "budget": 2_500_000},
    ])
    assert pairs == {frozenset("AB")}
    assert "same work type tourism" in res.pairs.loc[0, "reasons"]


def test_budgets_of_two_channels_far_apart_are_another_scope():
    title = "ปรับปรุงพื้นที่ตลาดนัดชุมชนเป็นอาคารโครงเหล็กหลังคาเมทัลชีท บ้านดอนชัย หมู่ที่ 1 ตำบลศรีถ้อย"
    res, pairs = flagged([
        {"project_id": "A", "title": title, "channel": "cluster", "agency": "กลุ่มจังหวัด", "budget": 300_000},
        {"project_id": "B", "title": title + " ขนาด 20 x 40 เมตร", "channel": "local", "agency": "เทศบาลตำบลศรีถ้อย",
         "budget": 2_000_000},
    ])
    assert pairs == set()
    assert res.set_aside.get("scope") == 1


def test_one_office_repeating_a_title_with_two_budgets_is_still_shown():
    # one line split in two in one office's list: the committee must see it (no scope veto within one channel)
    title = "อาคารหอพัก พร้อมครุภัณฑ์ โรงเรียนกีฬาจังหวัดนครสวรรค์ ตำบลนครสวรรค์ตก"
    _, pairs = flagged([
        {"project_id": "A", "title": title, "channel": "function", "agency": "กรมพลศึกษา", "budget": 1_550_000},
        {"project_id": "B", "title": title, "channel": "function", "agency": "กรมพลศึกษา", "budget": 6_400_000},
    ])
    assert pairs == {frozenset("AB")}


def test_tambon_wide_line_joins_only_its_best_village():
    _, pairs = flagged([
        {"project_id": "T", "title": "ก่อสร้างลานตากพืชผล คสล. ตำบลนาท่าม ขนาด 6.00 x 24.00 เมตร 1 แห่ง",
         "channel": "province", "agency": "จังหวัดตรัง", "budget": 937_000},
        {"project_id": "X", "title": "ก่อสร้างลานตากผลผลิตทางการเกษตร คสล. บ้านหาดทราย หมู่ที่ 3 ขนาด 6.00 x 24.00 เมตร",
         "channel": "function", "agency": "กรมส่งเสริมการเกษตร", "budget": 931_000},
        {"project_id": "Y", "title": "ก่อสร้างลานตากผลผลิตทางการเกษตร คสล. บ้านบ่อหิน หมู่ที่ 5 ขนาด 6.00 x 24.00 เมตร",
         "channel": "function", "agency": "กรมส่งเสริมการเกษตร", "budget": 829_000},
    ])
    assert pairs == {frozenset("TX")}


def test_part_two_of_one_road_is_a_later_phase():
    base = ("ก่อสร้างถนนลาดยางผิวจราจรแอสฟัลต์ติกคอนกรีต สายบ้านโป่ง–บ้านหนองแก{} บ้านโป่ง หมู่ที่ 5 "
            "ผิวจราจรกว้าง 6.00 เมตร หนา 0.05 เมตร ระยะทาง 1.712 กิโลเมตร")
    _, pairs = flagged([
        {"project_id": "A", "title": base.format(" ส่วนที่ 2"), "channel": "province", "budget": 4_800_000},
        {"project_id": "B", "title": base.format(""), "channel": "local", "agency": "อบต.โป่ง", "budget": 5_020_000},
    ])
    assert pairs == set()
