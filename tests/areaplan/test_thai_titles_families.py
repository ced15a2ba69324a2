"""Title reading for the rules that generalise across offices (issue 4, round 4): kinds of place descriptor,
road registration codes, extensions, split villages and work families. Titles are written the way a tambon plan,
a community request or a department's budget line writes them."""

from __future__ import annotations

from areaplan.analyses.thai_titles import features, normalize


def test_soi_route_and_road_code_are_three_kinds_of_descriptor():
    soi = features("ก่อสร้างท่อระบายน้ำ คสล. พร้อมบ่อพัก ซอยประชาร่วมใจ 3 บ้านหนองแวง ต.โนนสูง")
    route = features("ก่อสร้างท่อระบายน้ำ ค.ส.ล. สายบ้านหนองแวง-บ้านโคกกลาง")
    code = features("ก่อสร้างถนนคอนกรีต บ้านหนองแวง ม.7 สาย ขก.ถ.1-0087 กว้าง 5 ม. ยาว 420 ม. หนา 0.15 ม.")
    assert ("soi", "ประชาร่วมใจ 3") in soi.places
    assert ("road", "บ้านหนองแวง-บ้านโคกกลาง") in route.places
    # the code is the road's number in the register, not a route from "ขก.ถ.1" to "0087"
    assert ("code", "ขก.ถ.1-0087") in code.places
    assert not [p for p in code.places if p[0] == "road"]
    assert ("code", "บร.4012") in features("ติดตั้งไฟฟ้าส่องสว่าง สายทาง บร.4012 บ้านโคกเมือง").places


def test_extension_is_a_later_phase():
    assert features("ขุดลอกพร้อมขยาย คลองบางกระเจ้า (ส่วนต่อขยาย) บ้านบางพลับ หมู่ที่ 4").phase == 2
    assert features("ก่อสร้างถนน คสล. สายบ้านนาเหนือ-บ้านห้วยไร่ ช่วงต่อขยาย หมู่ที่ 3").phase == 2
    assert features("ขุดลอกพร้อมขยาย คลองบางกระเจ้า บ้านบางพลับ หมู่ที่ 4").phase is None


def test_drain_channel_written_as_rang():
    for title in ("ก่อสร้างราง คสล. ม.6 บ้านท่าเสา", "ก่อสร้างรางคอนกรีตรูปตัวยู บ้านท่าเสา หมู่ที่ 6"):
        assert features(title).work_type == "drainage", title
    assert features("ลานตากข้าว พื้นที่ 400 ตารางเมตร").work_type == "drying_yard"  # ตาราง is no channel


def test_village_hall_family():
    keys = {features(t).key for t in ("ขอสร้างศาลาหมู่บ้าน หมู่ที่ 9", "ก่อสร้างศาลาประจำหมู่บ้าน หมู่ที่ 9",
                                      "ก่อสร้างศาลาประชาคม หมู่ที่ 9", "ก่อสร้างอาคารเอนกประสงค์ หมู่ที่ 9")}
    assert keys == {"ศาลาอเนกประสงค์"}


def test_toilet_family_is_a_building():
    a = features("ก่อสร้างห้องน้ำห้องส้วมนักเรียน โรงเรียนบ้านหนองบัว")
    b = features("ก่อสร้างอาคารห้องน้ำนักเรียน โรงเรียนบ้านหนองบัว หมู่ที่ 2")
    c = features("ขอสร้างส้วมสาธารณะ ตลาดนัดชุมชน")
    assert a.work_type == b.work_type == "building"
    assert "building" in c.work_types


def test_compost_family_is_waste():
    for title in ("จัดตั้งลานหมักปุ๋ยอินทรีย์จากขยะ บ้านดงมะไฟ หมู่ที่ 3", "ขอลานทำปุ๋ยหมัก (ขยะล้นถัง)",
                  "ก่อสร้างโรงปุ๋ยหมัก บ้านดงมะไฟ"):
        assert "waste" in features(title).work_types, title


def test_drying_yard_family():
    for title in ("ขอลานตากข้าว ตากข้าวบนถนน เกิดอุบัติเหตุ", "ก่อสร้างลานอเนกประสงค์ตากผลผลิต ม.10",
                  "ก่อสร้างลานตากพืชผลทางการเกษตร บ้านนาดี"):
        assert features(title).work_type == "drying_yard", title


def test_disease_control_family():
    a = features("รณรงค์กำจัดลูกน้ำยุงลายและพ่นหมอกควัน บ้านไผ่ล้อม หมู่ 6")
    b = features("โครงการป้องกันและควบคุมโรคไข้เลือดออก ตำบลห้วยโรง")
    assert a.work_type == b.work_type == "disease"
    assert a.recurring and b.recurring  # still yearly activities: next year's campaign is another one


def test_cctv_family():
    assert "กล้องวงจรปิด" in normalize("ติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV) ซอยบ้านนายมา")
    assert features("ขอติดกล้อง CCTV เส้นบ้านโนนแดง-บ้านหัวขัว").work_type == "cctv"


def test_tourism_family():
    a = features("บ้านผาสุก หมู่ ๓ ขอพัฒนาแหล่งท่องเที่ยวในหมู่บ้าน นักท่องเที่ยวมาก ไม่มีที่จอดรถ")
    b = features("ก่อสร้างแหล่งท่องเที่ยวเชิงเกษตร หมู่ที่ 3 บ้านผาสุก ตำบลนาหมอบุญ")
    assert a.work_type == b.work_type == "tourism"
