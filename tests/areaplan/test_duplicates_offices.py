"""Duplicates written by two offices in their own words (issue 4): same work, same named place, same tambon."""

from __future__ import annotations

from tests.areaplan.test_duplicates import flagged


def test_same_work_and_named_place_is_flagged_despite_low_similarity():
    res, pairs = flagged([
        {"project_id": "A", "title": "ก่อสร้างฝายกั้นน้ำห้วยไผ่ เก็บน้ำไว้ใช้หน้าแล้ง บ้านคลองมะนาว หมู่ ๙",
         "channel": "community"},
        {"project_id": "B", "title": "ก่อสร้างฝายน้ำล้นคอนกรีตเสริมเหล็ก ห้วยไผ่ บ้านคลองมะนาว หมู่ที่ 9 ตำบลทุ่งมหาเจริญ "
                                     "สูง 2.50 เมตร 1 แห่ง", "channel": "function"},
    ])
    assert pairs == {frozenset("AB")}
    assert "same work at the same named place" in res.pairs.loc[0, "reasons"]


def test_highway_spur_written_two_ways_is_flagged():
    _, pairs = flagged([
        {"project_id": "A", "title": "ก่อสร้างถนนลาดยางแอสฟัลติกคอนกรีต สายแยกทางหลวงหมายเลข 4015 - บ้านนาแว "
                                     "ตำบลนาแว อำเภอฉวาง ระยะทาง 4.500 กิโลเมตร 1 สายทาง", "channel": "function"},
        {"project_id": "B", "title": "ก่อสร้างถนนลาดยาง (AC) สายแยก ทล.4015 – บ้านนาแว ต.นาแว อ.ฉวาง ระยะทาง ๔.๕ กม. "
                                     "เพื่อการขนส่งผลผลิตยางพารา", "channel": "province"},
    ])
    assert pairs == {frozenset("AB")}


def test_another_stream_in_the_same_village_is_not_joined():
    _, pairs = flagged([
        {"project_id": "A", "title": "ก่อสร้างฝายกั้นน้ำห้วยไผ่ บ้านคลองมะนาว หมู่ ๙", "channel": "community"},
        {"project_id": "B", "title": "ก่อสร้างฝาย คสล. ห้วยทราย ม.9 บ้านคลองมะนาว", "channel": "local"},
    ])
    assert pairs == set()


def test_one_agencys_own_lines_are_not_joined_by_the_place_alone():
    _, pairs = flagged([
        {"project_id": "A", "title": "ปรับปรุงเพิ่มประสิทธิภาพการเก็บกักน้ำอ่างเก็บน้ำคลองสียัด ตำบลท่าตะเกียบ",
         "channel": "function", "agency": "กรมชลประทาน"},
        {"project_id": "B", "title": "ปรับปรุงเพิ่มประสิทธิภาพระบบการบริหารจัดการน้ำท้าย River Outlet อ่างเก็บน้ำคลองสียัด",
         "channel": "function", "agency": "กรมชลประทาน"},
    ])
    assert pairs == set()


def test_a_phase_two_title_is_not_the_unnumbered_first():
    _, pairs = flagged([
        {"project_id": "A", "title": "ขุดลอกหนองสิม หมู่ ๔ บ้านสระบัว ขนาดกว้าง ๑๒๐ ม. ยาว ๒๕๐ ม.", "channel": "local"},
        {"project_id": "B", "title": "ขุดลอกหนองสิม (ระยะที่ 2) พร้อมอาคารประกอบ บ้านสระบัว หมู่ที่ 4", "channel": "function"},
    ])
    assert pairs == set()


def test_dredging_restores_so_rehabilitation_is_no_repair_veto():
    _, pairs = flagged([
        {"project_id": "A", "title": "ฟื้นฟูแหล่งน้ำหนองบัว บ้านแงง หมู่ที่ 1 ตำบลแงง อำเภอปัว", "channel": "function"},
        {"project_id": "B", "title": "ขุดลอกหนองน้ำสาธารณะ หนองบัว บ้านแงง หมู่ที่ 1", "channel": "local"},
    ])
    assert pairs == {frozenset("AB")}
