"""Title rules of issue 4, round 13 (read from blind15 and blind16 after their one measurement): a village number
without its dot, averages and ``เนื้อที่`` as sizes, what a programme says before a colon, a road's registration
code, a stretch named after ``ตอน`` or between any two things, a keyword inside a village's name, and a few
works named in other words."""

from __future__ import annotations

import pytest

from areaplan.analyses.thai_titles import features, normalize


def test_a_village_number_written_without_its_dot():
    assert "หมู่ที่ 2" in normalize("หนองหลวง ม 2 บ้านดอนแดง ต.หนองแก")
    assert features("ขุดลอกหนองหลวง ม 2 บ้านดอนแดง").villages == frozenset({2})
    # a size's ม after a number stays metres, and a long number is no village
    assert normalize("กว้าง 4 ม 2 ช่องจราจร") == "กว้าง 4 เมตร 2 ช่องจราจร"
    assert features("ขุดลอกหนองหลวง ม 250 ไร่").villages == frozenset()


def test_an_average_and_an_extent_are_sizes():
    f = features("ขุดลอกหนองหลวง หมู่ที่ 2 (ลึกเฉลี่ย 3 เมตร เนื้อที่ประมาณ 7.5 ไร่)")
    assert f.specs.get("depth") == 3.0 and f.specs.get("benefit_area") == 7.5  # (an area in rai, as พื้นที่ … ไร่)
    assert features("ลานตากผลผลิต เนื้อที่ 1,200 ตารางเมตร หมู่ที่ 2").specs.get("area") == 1200.0
    g = features("ถนนดินลูกรัง กว้าง 5 เมตร หนาเฉลี่ย 0.30 เมตร หมู่ที่ 4")
    assert g.specs.get("thickness") == 0.3 and "เฉลี่ย" not in g.name


def test_what_a_programme_says_before_a_colon_is_not_the_work():
    f = features("ผลผลิตส่งเสริมเศรษฐกิจฐานรากและการท่องเที่ยว : โครงการต่อเติมอาคารแพทย์แผนไทย รพ.สต.บ้านนาดี หมู่ที่ 5")
    assert f.work_type == "health" and "ท่องเที่ยว" not in f.name
    g = features("คมนาคมเชื่อมแหล่งผลิต : กิจกรรมหลัก โครงการก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3")
    assert g.work_type == "road" and g.name.startswith("ถนน")
    # what a villager writes before a colon (no project follows it) is kept: it may name the place
    h = features("บ้านหนองแก หมู่ 3 : ถนนคอนกรีตสายกลางบ้าน")
    assert ("village", "บ้านหนองแก") in h.places


def test_a_road_code_is_a_place_not_words_of_the_name():
    a = features("ลาดยางถนนสายบ้านนา - บ้านดอน รหัสสายทาง ขก.ถ.6-0011 หมู่ที่ 14 ตำบลโนนทอง")
    b = features("ลาดยางถนนสายบ้านนา - บ้านดอน รหัสสายทาง ขก.ถ.6-0010 หมู่ที่ 14 ตำบลโนนทอง")
    assert ("code", "ขก.ถ.6-0011") in a.places and ("code", "ขก.ถ.6-0010") in b.places
    assert a.key == b.key and "0011" not in a.key
    # the second of two abbreviations is a unit's name, not a code (บก.รน. 1 ลำ)
    assert all(kind != "code" for kind, _ in features("เรือตรวจการณ์ ขนาด 30 ฟุต บก.รน. 1 ลำ").places)


def test_a_stretch_after_ton_or_between_any_two_things():
    f = features("ลาดยางถนนสายบ้านนา - บ้านดอน ตอนบ้านดอน - บ้านโคก หมู่ที่ 2")
    assert f.segment_ends == frozenset({"บ้านดอน", "บ้านโคก"})
    g = features("ทำถนนคอนกรีตสายหลังวัดป่า หมู่ 4 ช่วงจากศาลาเก่าถึงบ่อน้ำตื้นร้าง")
    assert g.segment_ends == frozenset({"ศาลาเก่า", "บ่อน้ำตื้นร้าง"})
    # ตอนบน/ตอนล่าง are parts of one place, not a stretch's ends
    assert features("ขุดลอกลำห้วยทราย ตอนบน หมู่ที่ 3").segment_ends == frozenset()


def test_a_soi_written_twice_is_one_soi():
    a = features("ขอเทถนนคอนกรีตในซอยท่าน้ำ ที่บ้านนาดี ม.12")
    b = features("เทคอนกรีตถนนคอนกรีตเสริมเหล็กในซอย ซอยท่าน้ำ บ้านนาดี ม.12")
    assert ("soi", "ท่าน้ำ") in a.places and ("soi", "ท่าน้ำ") in b.places


def test_a_keyword_inside_a_village_name_is_no_work():
    f = features("ก่อสร้างถนน คสล. ภายในซอยริมทะเล บ้านสะพานหินร่วมใจ หมู่ที่ 1")
    assert f.work_type == "road" and f.work_types == frozenset({"road"})
    assert features("ขุดลอกคลองบ้านฝายหิน หมู่ที่ 3").work_types == frozenset({"dredging"})


@pytest.mark.parametrize("title, work_type", [
    ("จัดทำโรงเรือนกันแมลงปลูกผัก กลุ่มเกษตรกรบ้านนา หมู่ 9", "greenhouse"),
    ("จัดทำโรงเรือนผักอินทรีย์หลังคาพลาสติก หมู่ที่ 4", "greenhouse"),
    ("จัดสร้างโรงเรือนแปรรูปผลผลิตชุมชน หมู่ 11", "building"),  # a processing shed is no greenhouse
    ("ติดตั้งหอถังเหล็กเก็บน้ำทรงแชมเปญ บ้านนา หมู่ที่ 6", "water_supply"),
    ("สร้างสะพานทางเดินเลียบน้ำ คสล. เลียบคลองบางแก้ว หมู่ 7", "road"),  # a walkway along the water
    ("สร้างสะพานคอนกรีตเสริมเหล็กข้ามคลองบางแก้ว หมู่ 7", "bridge"),
    ("สร้างแนวหินทิ้งป้องกันการกัดเซาะชายฝั่ง บ้านหาดทอง หมู่ 1", "embankment"),
])
def test_works_named_in_other_words(title, work_type):
    assert features(title).work_type == work_type


def test_the_work_in_a_bracket_after_a_programme_lead():
    f = features("โครงการยกระดับโครงข่ายคมนาคมเชื่อมแหล่งผลิตสู่ตลาด (งานก่อสร้างศาลาที่พักผู้โดยสาร บ้านนาดี ม.13)")
    assert f.work_type == "building" and "ตลาด" not in f.name


def test_a_year_a_page_or_a_clusters_number_is_no_member_of_a_series():
    # round 14, read from blind19 after its one measurement
    assert features("ทำโรงเรือนผัก หลังวัดสระแก้ว (ม.11) 6 หลัง (ข้อบัญญัติ 2569)").parts == frozenset()
    assert features("ขยายระบบประปา จุดใหม่หน้าวัดป่า (ม.5) (แผนพัฒนาท้องถิ่น 66-70 หน้า 35)").parts == frozenset()
    assert features("ก่อสร้างลานตาก ภายใต้โครงการพัฒนาโครงสร้างพื้นฐาน กลุ่มจังหวัดภาคเหนือตอนล่าง 1").parts == frozenset()
    # a number that ends a name is still one member of a series
    assert features("ขุดลอกคลองซอย 1 ตำบลบ้านดง").parts != frozenset()


def test_the_year_of_a_line_in_other_words():
    assert features("ค่ายคุณธรรมเยาวชน (2569)").title_year == 2569
    assert features("ตรวจคัดกรองมะเร็งเต้านม ปีงบ 2567 อำเภอถลาง").title_year == 2567
    assert features("สร้างโรงปุ๋ย กลุ่มทำปุ๋ย (ม.3) (ข้อบัญญัติ 2567)").title_year == 2567
    # a number that starts a bracket is a year only when the bracket holds nothing else
    assert features("ลานตาก (2,500 ตร.ม.) หมู่ที่ 2").title_year is None
    # a span of years is an obligation, not the year of the line
    assert features("ก่อสร้างสะพาน คสล. (งบผูกพันข้ามปี 2567-2569)").title_year is None
