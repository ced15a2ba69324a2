"""Title reading for issue 4, round 7 (read from blind set 8 after its one measurement): ต้องการ… requests, villagers
of a named village, more continuation markers, village numbers written with a typo or a dot, ราดยาง, drying yards
and plate-reading cameras in speech, groundwater banks, capacities and words that are not road names."""

from __future__ import annotations

from areaplan.analyses.thai_titles import features, normalize


def test_a_want_said_after_a_complaint_is_the_work_asked_for_and_the_villagers_name_their_village():
    f = features("ชาวบ้านดอนหมากเห็บ หมู่ 18 เดือดร้อน ถนนลูกรังฝุ่นเยอะ เด็กไปโรงเรียนลำบาก "
                 "ต้องการราดยางถนนสายที่ไปบ้านหนองหญ้าคา")
    assert f.work_type == "road" and f.request and f.villages == frozenset({18})
    assert f.name.startswith("ลาดยางถนน")  # ราดยาง is ลาดยาง misspelt
    assert {("village", "บ้านดอนหมากเห็บ"), ("village", "บ้านหนองหญ้าคา")} <= f.places
    assert not [v for k, v in f.places if k == "road"]  # สายที่ไป… is "the road that goes to", no road's name
    assert "เดือดร้อน" not in f.name and "ฝุ่น" not in f.name
    # villagers who do something name no village
    assert not [v for k, v in features("ชาวบ้านจึงขอสะพานข้ามคลองบางยาง").places if k == "village"]


def test_drying_yards_and_plate_cameras_in_speech():
    f = features("ชาวบ้านเนินสามยอด หมู่ 3 เดือดร้อน ต้องตากบนถนนเสี่ยงรถชน ต้องการลานปูนไว้ตากมันสำปะหลัง")
    assert f.work_type == "drying_yard" and ("village", "บ้านเนินสามยอด") in f.places
    g = features("อยากได้กล้องจับทะเบียนรถทางเข้า-ออกหมู่บ้าน ให้คนบ้านบางระแนะ ตอนนี้เกิดอุบัติเหตุชนแล้วหนี")
    assert g.work_type == "cctv" and ("village", "บ้านบางระแนะ") in g.places  # ให้คนบ้าน… says for whom
    assert "อุบัติเหตุ" not in g.name  # ตอนนี้… (what happens now) is the reason
    assert features("งานติดตั้งกล้องโทรทัศน์วงจรปิดอ่านป้ายทะเบียน (LPR) บ้านบางระแนะ").work_type == "cctv"


def test_more_continuation_markers_are_a_later_phase():
    for title in ("กิจกรรมขุดลอกห้วยกองข้าว ต่อเชื่อมของเดิมอีก 1,490 ม. หมู่ที่ 6",
                  "ติดตั้งโคมไฟถนนพลังงานแสงอาทิตย์ ถนนสายบ้านดอนปู่ตา - บ้านกุดหว้า (ต่อจากแนวเดิม) หมู่ที่ 9",
                  "ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ ถนนสายบ้านโต๊ะแซะ - บ้านปาดัง ส่วนขยาย หมู่ที่ 16"):
        assert features(title).phase == 2, title
    assert features("ติดตั้งโคมไฟถนนพลังงานแสงอาทิตย์ ถนนสายบ้านดอนปู่ตา - บ้านกุดหว้า หมู่ที่ 9").phase is None


def test_village_numbers_with_a_typo_or_a_dot():
    # real FY2565: "หมูที่ 5" (the tone mark left out)
    assert features("อนุรักษ์ฟื้นฟูหนองหอยกาบ บ้านนาราดพัฒนา หมูที่ 5 ตำบลลำมูล").villages == frozenset({5})
    assert features("ชาวบ้านบูเกะ หมู่.6 ขอท่อเหลี่ยมตรงคลองกูวา").villages == frozenset({6})
    assert "หมู 20 ตัว" in normalize("เลี้ยงหมู 20 ตัว")  # a pig is not a village


def test_upkeep_top_ups_groundwater_banks_and_capacities():
    assert features("ขอเติมวัสดุกรองบ่อธนาคารน้ำใต้ดิน บ้านบางไผ่ หมู่ 18").action == "repair"
    assert features("จัดหาวัสดุเพิ่มเติม ธนาคารน้ำใต้ดิน บ้านบางไผ่").action != "repair"  # เพิ่มเติม = more
    assert features("ธนาคารน้ำใต้ดินแบบระบบปิด บ้านบางไผ่ ม.18").work_type == "reservoir"
    f = features("ก่อสร้างระบบประปาหมู่บ้านแบบผิวดิน บ้านกุดหว้า กำลังผลิตไม่น้อยกว่า 10 ลูกบาศก์เมตรต่อชั่วโมง หมู่ที่ 13")
    assert "กำลังผลิต" not in f.name and "ชั่วโมง" not in f.name  # a capacity is a size, not part of the name


def test_words_that_are_no_road_or_community_name():
    assert not [v for k, v in features("ท่อลอดเหลี่ยม เพื่อป้องกันน้ำกัดเซาะถนนขาด บ้านบาโงยือริง").places
                if k == "road"]
    # a numbered line keeps its number (สายที่ 4 and สายที่ 5 are two lines)
    assert ("road", "ที่ 4") in features("ปรับปรุงระบบท่อส่งน้ำ สายที่ 4 บ้านนา").places
    assert ("village", "ชุมชนบ้านโคกตะเคียน") in features("อาคารคัดแยกขยะ ชุมชน ชุมชนบ้านโคกตะเคียน").places
    assert not [v for k, v in features("ขอถนนหินคลุกจากหมู่บ้านไปบ้านสวนหลวง").places if v.startswith("หมู่บ้าน")]
