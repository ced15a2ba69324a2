"""Title reading for issue 4, round 5: a community request in plain speech against a formal title of one work
(ขอขุดหนองกลางบ้าน… / พัฒนาแหล่งน้ำหนองสาธารณะ…, ขอไฟส่องทาง… / ไฟฟ้าส่องสว่าง…, ขอทำห้องน้ำกับที่จอดรถ… /
ลานจอดรถ-ห้องน้ำแหล่งท่องเที่ยว…), and the later-phase marker ส่วนที่ N."""

from __future__ import annotations

from areaplan.analyses.thai_titles import features


def test_pond_request_is_a_water_source_work_and_its_pond_is_no_name():
    f = features("ขอขุดหนองกลางบ้านให้ลึก บ้านโนนแดง หมู่ 6 เนื่องจากหน้าแล้งวัวควายไม่มีน้ำกิน")
    assert f.work_type == "reservoir"
    # "the pond in the middle of the village" and "the public pond" describe a pond, they do not name one
    assert ("village", "บ้านโนนแดง") in f.places
    assert not [p for p in f.places if p[0] == "water"]
    assert not [p for p in f.places if p[1].startswith("บ้านบ้าน")]
    formal = features("พัฒนาแหล่งน้ำหนองสาธารณะ พร้อมระบบสูบน้ำพลังงานแสงอาทิตย์ บ้านโนนแดง หมู่ที่ 6")
    assert formal.work_type == "reservoir"
    assert not [p for p in formal.places if p[0] == "water"]


def test_village_hall_in_the_village_middle_keeps_the_village_name():
    f = features("ขอสร้างศาลากลางบ้าน บ้านท่าช้างใต้ หมู่ 8 ศาลาเดิมคับแคบ")
    assert f.work_type == "building"
    assert ("village", "บ้านท่าช้างใต้") in f.places
    assert not [p for p in f.places if p[1].startswith("บ้านบ้าน")]


def test_night_lamps_request_is_lighting_and_night_is_no_reach():
    f = features("ขอไฟส่องทางตอนกลางคืน ซอยวัดเก่า บ้านนาคำ หมู่ 3 มีลักขโมยในซอย")
    assert f.work_type == "lighting"
    assert f.parts == frozenset()  # ตอนกลางคืน is a time of day, not the middle reach (ตอนกลาง)
    assert "ตอนกลาง" in features("ขุดลอกลำห้วยยาง ตอนกลาง บ้านนาคำ").parts


def test_tourist_parking_and_toilets_are_a_tourism_work():
    for title in ("บ้านผาสุก หมู่ 4 ขอทำห้องน้ำกับที่จอดรถให้นักท่องเที่ยว ช่วงเทศกาลรถจอดเต็มถนน",
                  "พัฒนาแหล่งท่องเที่ยวชุมชน ก่อสร้างลานจอดรถและห้องน้ำสาธารณะ บ้านผาสุก หมู่ที่ 4",
                  "ก่อสร้างลานจอดรถ-ห้องน้ำแหล่งท่องเที่ยว พร้อมป้ายสื่อความหมาย บ้านผาสุก หมู่ที่ 4"):
        assert features(title).work_type == "tourism", title
    # parking without a tourist spot stays a building (a health centre's car park, a school's toilets)
    assert features("ก่อสร้างลานจอดรถ ที่ทำการองค์การบริหารส่วนตำบลผาสุก").work_type == "building"
    assert features("ก่อสร้างห้องน้ำนักเรียน โรงเรียนบ้านผาสุก").work_type == "building"


def test_complaint_clause_names_no_village():
    f = features("หมู่ 10 ขอทำเขื่อนกันตลิ่งพัง คลองท่าแพ ตลิ่งพังทุกปีบ้านเสี่ยงพัง")
    assert f.work_type == "embankment"
    assert ("water", "คลองท่าแพ") in f.places
    assert not [p for p in f.places if p[0] == "village"]


def test_plain_request_does_not_say_repair_or_new():
    req = features("ขอถนนลูกรังเข้าสวน เส้นบ้านนาดี ไป บ้านโคกใหญ่ บ้านนาดี หมู่ 2 ขนผลผลิตออกจากสวนไม่ได้ตอนฝนตก")
    assert req.request and req.action == "new"  # read as new, marked as a request that may be for a repair
    assert not features("ขอสร้างถนนลูกรัง สายบ้านนาดี-บ้านโคกใหญ่").request  # a verb says what is asked
    assert not features("ปรับปรุงถนนลูกรัง สายบ้านนาดี-บ้านโคกใหญ่ หมู่ที่ 2").request


def test_part_two_is_a_later_phase():
    f = features("ก่อสร้างถนนลาดยางผิวจราจรแอสฟัลต์ติกคอนกรีต สายบ้านโป่ง–บ้านหนองแก ส่วนที่ 2 ผิวจราจรกว้าง 6.00 เมตร")
    assert f.phase == 2
    assert features("ขุดลอกตะกอนดินห้วยทรายขาว ส่วนที่ 2 หมู่ 2").phase == 2


def test_continuing_from_the_first_stretch_is_a_later_phase():
    assert features("ขอเทถนนคอนกรีต ต่อจากเส้นเดิม บ้านนาดี หมู่ 2").phase == 2
    assert features("ทำทางจักรยานเลียบชายหาด ช่วงหาดทรายแก้ว - หาดหินขาว (ต่อจากช่วงแรก) ยาว 1,100 ม.").phase == 2
    assert features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนาดี-บ้านโคกใหญ่ หมู่ที่ 2").phase is None
