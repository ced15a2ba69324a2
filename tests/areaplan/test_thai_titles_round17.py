"""Title rules of issue 4, round 17 (read from blind22 after its one measurement): the plan and strategic issue a
cluster line is filed under, an early-warning station and a pier as works at a place, a crematorium, a market in other
words, ``น้ำ`` without its tone mark, the upstream or downstream side of a stretch, a continuation from the old point,
the count of roads that ends a line, a highway's number, a group's proposal, a wish list, a bracket that says who does
the work or which strategy it serves, a road named as where a work stands and a fund raised for a work."""

from __future__ import annotations

import pytest

from areaplan.analyses.thai_titles import features, normalize

BASE = ("ค่าก่อสร้างจุดชมวิวพร้อมลานจอดรถ บริเวณเขาตะแบก บ.หนองเสม็ด ม.12 ต.หนองปรือ อ.บางละมุง จ.ชลบุรี")


@pytest.mark.parametrize("note", [
    " [แผนพัฒนากลุ่มจังหวัดภาคตะวันออก 1 ประเด็นการพัฒนาที่ 2]",
    " (แผนพัฒนากลุ่มจังหวัดภาคใต้ฝั่งอันดามัน ประเด็นการพัฒนาที่ 3)",
    " [แผนพัฒนากลุ่มจังหวัดภาคใต้ฝั่งอันดามัน ประเด็นการพัฒนาที่ 2",  # cut short at the end of the cell
])
def test_the_plan_a_cluster_line_is_filed_under_is_no_part_of_the_work(note):
    filed, plain = features(BASE + note), features(BASE)
    assert filed.parts == plain.parts == frozenset()
    assert filed.key == plain.key and filed.places == plain.places


@pytest.mark.parametrize("title, work_type", [
    ("โครงการติดตั้งสถานีเตือนภัยล่วงหน้า (น้ำป่า-ดินถล่ม) สถานีหลักพร้อมเครื่องวัดปริมาณน้ำฝน 2 จุด ต.หาดส้มแป้น", "warning"),
    ("ติดตั้งระบบเตือนภัยน้ำหลากล่วงหน้าพร้อมหอกระจายเสียง บ้านควนเลียบ ม.9", "warning"),
    ("ค่าก่อสร้างท่าเทียบเรือประมงพื้นบ้าน ริมคลองตาเสือ หมู่ที่ 1 ยื่นลงน้ำยาว 35 เมตร", "pier"),
    ("มติประชาคมบ้านคลองมะปราง: ทำท่าขึ้นปลาที่คลองตาเสือ ตอนน้ำลงต้องเดินลุยโคลน", "pier"),
    ("ก่อสร้างฌาปนสถานพร้อมเตาเผาไร้ควัน ณ วัดป่าสันติธรรม บ้านโนนงาม ม.4", "building"),
    ("ก่อสร้างลานค้าชุมชนพร้อมหลังคาคลุม ข้างวัดกลาง บ้านดอนคำ หมู่ 1", "market"),
    ("อยากได้ที่ขายของให้แม่ค้าในหมู่บ้าน ตรงข้างวัดกลาง ที่บ้านดอนคำ หมู่ 1", "market"),
    # a road named as where a work stands is not the work (ข้างทางถนน…, ริมถนน…)
    ("ก่อสร้างศาลาที่พักผู้โดยสาร คสล. ข้างทางถนนสายบ้านนาต้อง–บ้านนาเหนือ 4 หลัง ม.8", "building"),
    ("ก่อสร้างรางระบายน้ำ คสล. ริมถนนสายบ้านโคก หมู่ที่ 2", "drainage"),
    ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโคก-บ้านนา หมู่ที่ 2", "road"),
])
def test_works_named_in_other_words(title, work_type):
    assert features(title).work_type == work_type


def test_nam_without_its_tone_mark():
    assert "ระบบส่งน้ำ" in normalize("ค่าวางระบบส่งนำด้วยท่อเพื่อการเกษตร")
    assert "คลองส่งน้ำ" in normalize("ดาดคอนกรีตคลองส่งนำสายซอย 3")
    assert "ถังเก็บน้ำฝน" in normalize("ถังเก็บนำฝนคอนกรีตเสริมเหล็ก 7 ถัง")
    assert features("ค่าวางระบบส่งนำด้วยท่อ จากคลองนางย่อน บ.ไร่ปรง ม.3").work_type == "irrigation"
    # นำ (to lead) stays: นำเสนอ, ผู้นำ, นำร่อง
    for t in ("ส่งนำเสนอแผนชุมชน", "อบรมผู้นำชุมชน", "โครงการนำร่องคัดแยกขยะ"):
        assert normalize(t) == t


def test_the_upstream_and_downstream_side_of_a_stretch_are_two_parts():
    up = features("ก่อสร้างถนนลาดยาง ซอยบ้านนายชวลิต (ช่วงเลียบลำห้วยกระเบียด ด้านต้นน้ำ) ม.13 ต.ชะโนด")
    down = features("ก่อสร้างถนนลาดยาง ซอยบ้านนายชวลิต (ช่วงเลียบลำห้วยกระเบียด ด้านปลายนำ) ม.13 ต.ชะโนด")
    assert up.parts == frozenset({"ต้นน้ำ"}) and down.parts == frozenset({"ปลายน้ำ"})


def test_a_continuation_from_the_old_point_is_a_later_phase():
    f = features("ก่อสร้างเขื่อนป้องกันตลิ่ง ริมฝั่งลำน้ำยาว หมู่ที่ 12 ยาว 380 ม. ต่อเชื่อมจากจุดเดิมที่ก่อสร้างปี 2567")
    assert f.phase == 2 and "2567" not in f.name


def test_the_count_of_roads_that_ends_a_line():
    f = features("ก่อสร้างถนนลาดยาง สายบ้านเขาไม้แก้ว - ทางหลวงหมายเลข 3340 ตำบลหนองกะขะ ระยะทาง 2.700 กิโลเมตร 1 สาย")
    assert f.specs.get("count") == 1.0 and not f.name.endswith("สาย")
    assert ("road", "บ้านเขาไม้แก้ว-ทางหลวงหมายเลข3340") in f.places
    # a village and a route after it are no count of roads
    g = features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 สาย บ้านนา-บ้านดอน")
    assert g.villages == frozenset({3}) and "count" not in g.specs


def test_a_highways_number_is_no_member_of_a_series():
    f = features("กิจกรรมย่อย ก่อสร้างถนนลาดยาง สายบ้านเขาไม้แก้ว - ทางหลวงหมายเลข 3340 (ระยะทาง 2.720 กิโลเมตร)")
    assert f.parts == frozenset()
    # a number that ends a structure's name still is (ฝายห้วยทราย 1 / ฝายห้วยทราย 2)
    assert features("ก่อสร้างฝายห้วยทราย 2 ตำบลคอหงส์").parts == frozenset({"#2"})


def test_a_groups_proposal_names_the_work_not_the_group():
    f = features("กลุ่มผู้ใช้น้ำลำห้วยขี้นาค เสนอให้ทำเขื่อนกันดินริมตลิ่งตรงลำห้วยป่งแดง ในพื้นที่บ้านโคกอีเลิศ")
    assert f.work_type == "embankment"
    assert ("water", "ลำห้วยป่งแดง") in f.places and not any("ขี้นาค" in v for _, v in f.places)


def test_a_wish_list_names_the_villagers_and_the_work():
    f = features("เรื่องที่ชาวบ้านโนนแดงอยากได้ - ขอเตาเผาศพแบบไม่มีควันที่วัดโนนงาม")
    assert f.work_type == "building"
    assert ("village", "บ้านโนนแดง") in f.places and ("landmark", "วัดโนนงาม") in f.places
    assert not any(kind == "road" for kind, _ in f.places)


def test_a_bracket_that_says_who_does_it_or_which_strategy_it_serves_is_no_place():
    f = features("ระดมทุนทำท่อเหลี่ยม ตรงคลองบางพระน้อย บ้านไร่ขี้เหล็ก (โดยกองทุนสวัสดิการชุมชนตำบลคลองตำหรุ)")
    assert f.work_type == "bridge" and f.name.startswith("สะพานท่อเหลี่ยม")  # (ระดมทุน: a fund raised for it)
    assert not any("กองทุน" in v for _, v in f.places)
    g = features("ก่อสร้างอาคารศูนย์ OTOP ชุมชน บ้านหนองโจดน้อย หมู่ที่ 2 พร้อมลานจอดรถ (ยกระดับการท่องเที่ยวชุมชนสร้างรายได้)")
    assert g.work_type == "building" and ("village", "ชุมชนสร้างรายได้") not in g.places
