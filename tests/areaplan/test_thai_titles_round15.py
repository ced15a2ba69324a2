"""Title rules of issue 4, round 15 (read from blind17 and blind18 after their one measurement): works named in
other words (a bus shelter, outdoor fitness, a net house, a nature trail, warning lights, power in speech), the
head or tail stretch of a route, the n-th year of a programme, a budget year in two digits, more of a work
(``เพิ่มเติม``) and a stretch onward from one chainage, the programme a cluster files a line under, a request
whose first word holds its work, and ซ่อม typed with ช."""

from __future__ import annotations

import pytest

from areaplan.analyses.thai_titles import features, normalize


@pytest.mark.parametrize("title, work_type", [
    # a bus stop with a roof is a shelter, not a bus (รถโดยสาร)
    ("ป้ายหยุดรถโดยสารพร้อมหลังคา หน้าวัดหนองบัว หมู่ที่ 8", "building"),
    ("ศาลาที่พักผู้โดยสาร ปากทางเข้าบ้านโคก หมู่ 2", "building"),
    # outdoor fitness, whatever it is called; a villager's ขอเครื่องเล่นออกกำลังกาย is no purchase of equipment
    ("ขอเครื่องเล่นออกกำลังกาย ข้างสวนยาง หมู่ 11", "sports"),
    ("เสนอขอที่ออกกำลังกาย ข้างไร่ข้าวโพด บ้านแม่โป่ง หมู่ 6", "sports"),
    # a net house for vegetables is a greenhouse
    ("ขอโรงมุ้งปลูกผัก ให้กลุ่มปลูกผัก บ้านหนองตา ม.5", "greenhouse"),
    # a nature trail, even as a boardwalk (สะพานทางเดิน) with rest shelters (ศาลาพัก)
    ("เส้นทางเดินศึกษาระบบนิเวศ (สะพานทางเดิน) ในป่าชุมชนบ้านวังตาล ม.7", "tourism"),
    ("ก่อสร้างทางเดินศึกษาธรรมชาติ ในป่าชุมชนบ้านวังตาล ม.7 พร้อมศาลาพัก 3 หลัง", "tourism"),
    # warning lights at a junction are road-safety equipment
    ("ติดตั้งไฟเตือนทางแยกระบบโซลาร์เซลล์ สี่แยกกลางบ้าน หมู่ที่ 6", "road_safety"),
    ("ชาวบ้านหมู่ 6 จึงขอไฟกระพริบ สี่แยกกลางบ้าน", "road_safety"),
    # power in speech: the reason's engine (เครื่องยนต์สูบน้ำ) is no purchase
    ("ชาวบ้านไร่กลอยเสนอ ขอขยายไฟฟ้าเข้าไร่ — ต้องใช้เครื่องปั่นไฟสูบน้ำ น้ำมันแพง", "power"),
    ("ขออนุเคราะห์ดึงสายไฟ เข้าไร่ ให้คนบ้านบางหิน หมู่ 5 เพราะต้องใช้เครื่องยนต์สูบน้ำ", "power"),
    # a day-care centre for the elderly is a building
    ("ก่อสร้างศูนย์ดูแลผู้สูงอายุในชุมชน (Day Care) บ้านสนิง ม.11", "building"),
])
def test_works_named_in_other_words(title, work_type):
    assert features(title).work_type == work_type


def test_a_request_whose_first_word_holds_the_work():
    # the complaint before ขอ (น้ำเสียขัง…) is the reason; the work is the drain asked for
    f = features("น้ำเสียขังส่งกลิ่นเหม็น ชาวบ้านหมู่ 12 บ้านเนินสวน จึงขอทำร่องระบายน้ำ แถวหน้าวัด")
    assert f.work_type == "drainage" and f.name.startswith("ร่องระบายน้ำ")
    assert ("village", "บ้านเนินสวน") in f.places
    # one who proposes (…เสนอ) is no part of the village's name
    g = features("ชาวบ้านไร่กลอยเสนอ ขอขยายไฟฟ้าเข้าไร่นายบุญส่ง")
    assert ("village", "บ้านไร่กลอย") in g.places


def test_the_head_and_tail_stretch_of_a_route_are_parts():
    head = features("ยกระดับถนนลาดยาง สายบ้านควน - บ้านสามแยก (ช่วงต้นสาย ด้านบ้านควน) หมู่ 6")
    tail = features("ยกระดับถนนลาดยาง สายบ้านควน - บ้านสามแยก (ช่วงปลายสาย ด้านทุ่งนา) หมู่ 6")
    assert "ต้น" in head.parts and "ปลาย" in tail.parts and head.parts != tail.parts


def test_the_nth_year_of_a_programme_is_a_phase_not_a_school_grade():
    assert features("โครงการงานวันเด็ก ต.คำเตย (ปีที่ 3) (650 คน)").phase == 3
    assert features("โครงการงานวันเด็ก ต.คำเตย (ปีที่ 4) (650 คน)").phase == 4
    assert features("ทัศนศึกษานักเรียนชั้นมัธยมศึกษาปีที่ 3 ตำบลคำเตย").phase is None


def test_a_budget_year_in_two_digits():
    assert features("สัตว์ปลอดโรค คนปลอดภัย จากโรคพิษสุนัขบ้า ตำบลเขาขลุง ปีงบฯ 68 เป้าหมาย 700 ตัว").title_year == 2568
    assert features("ฉีดวัคซีนพิษสุนัขบ้า ปีงบประมาณ 69").title_year == 2569
    # a two-digit number elsewhere is no year (ปีงบ is needed), nor a size after it
    assert features("ฉีดวัคซีนพิษสุนัขบ้า 68 ตัว").title_year is None
    assert features("ปีงบ 68.5 ล้าน").title_year is None


def test_more_of_a_work_and_a_stretch_onward_from_a_chainage_follow_one_built_before():
    first = features("จัดทำรางระบายน้ำแบบ U-Shape ถนนสายหน้าวัดบ้านห้วย บริเวณบ้านเนินสวน หมู่ที่ 12")
    more = features("จัดทำรางระบายน้ำแบบ U-Shape ถนนสายหน้าวัดบ้านห้วย เพิ่มเติม บริเวณบ้านเนินสวน หมู่ที่ 12")
    assert first.phase is None and more.phase == 2 and "เพิ่มเติม" not in more.name
    # glued to the work it is a word of the name, not a marker
    assert features("ติดตั้งไฟฟ้าส่องสว่างเพิ่มเติม หมู่ที่ 3").phase is None
    onward = features("เส้นทางเดินศึกษาระบบนิเวศ ในป่าชุมชนบ้านป่าคำ (ต่อจาก กม.0+430 เป็นต้นไป) หมู่ที่ 8")
    assert onward.phase == 2 and onward.segment is None


def test_the_programme_a_cluster_files_a_line_under_is_not_its_name():
    plain = features("จัดกิจกรรมเนื่องในวันเด็กแห่งชาติ ตำบลคลองขุด อำเภอเมืองสตูล")
    filed = features("จัดกิจกรรมเนื่องในวันเด็กแห่งชาติ ตำบลคลองขุด อำเภอเมืองสตูล "
                     "ภายใต้โครงการส่งเสริมการท่องเที่ยวเชิงวิถีวัฒนธรรม")
    assert filed.key == plain.key and filed.work_type is None


def test_sorm_typed_with_cho_is_a_repair():
    assert "ซ่อมแซม" in normalize("โครงการช่อมแซมอาคารรับน้ำเข้าแก้มลิงเดิม หนองน้ำซับ")
    assert features("โครงการช่อมแซมอาคารรับน้ำเข้าแก้มลิงเดิม หนองน้ำซับ ม.13").action == "repair"
