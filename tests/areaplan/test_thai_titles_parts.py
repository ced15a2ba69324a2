"""Rules 10–11 and the work types added for real budget titles: each case quotes a title of the FY2565 Budget Act
(../shared/data/budget2565/projects_fy2565.csv), where one template names many different structures."""

from __future__ import annotations

from areaplan.analyses.duplicates import _same_place, sites_differ
from areaplan.analyses.thai_titles import features, normalize

# ------------------------------------------------------------------ the abbreviation ทรบ.

TRB_MIDDLE = "ปรับปรุง ทรบ. กลางคลองระบายน้ำสาย ที่ 3 (นานาค) ตำบลนานาค อำเภอตากใบ จังหวัดนราธิวาส"
TRB_TAIL = "ปรับปรุง ทรบ. ปลายคลองระบายนำสาย ที่ 3 (นานาค) ตำบลนานาค อำเภอตากใบ จังหวัดนราธิวาส"


def test_trb_is_a_drainage_culvert():
    assert "ท่อระบายน้ำ กลางคลองระบายน้ำ" in normalize(TRB_MIDDLE)
    f = features(TRB_MIDDLE)
    assert (f.work_type, f.action) == ("drainage", "repair")


# ------------------------------------------------------------------ rule 10: parts of one place


def test_head_middle_tail_of_a_canal():
    assert features(TRB_MIDDLE).parts == {"กลาง"}
    assert features(TRB_TAIL).parts == {"ปลาย"}
    # a village called โคกกลาง is no middle part
    assert features("ติดตั้งกล้องวงจรปิด บ้านโคกกลาง หมู่ที่ 9 คลองแงะ").parts == set()


def test_upper_reach():
    upper = features("ฝายบ้านเนินทองตอนบนพร้อมระบบส่งน้ำ พื้นที่ชลประทาน 150 ไร่ ตำบลบ้านดง อำเภอชาติตระการ "
                     "จังหวัดพิษณุโลก")
    plain = features("ฝายบ้านเนินทอง พื้นที่รับประโยชน์ 100 ไร่ ตำบลบ้านดง อำเภอชาติตระการ จังหวัดพิษณุโลก")
    assert upper.parts == {"ตอนบน"} and plain.parts == set()


def test_left_and_right_branches():
    left = features("ปรับปรุงคลองส่งน้ำคลองซอย 1 ซ้าย อ่างเก็บน้ำเขาระกำขยาย กม. 0+200 ถึง กม. 1+500 "
                    "ตำบลหนองเสม็ด อำเภอเมืองตราด จังหวัดตราด")
    assert "ซ้าย" in left.parts
    right = features("คันกันนำคลองระบายใหญ่ 1 ขวา แม่น้ำน้อย 1 พื้นที่รับประโยชน์ 5,000 ไร่ ตำบลบางหลวง "
                     "อำเภอสรรพยา จังหวัดชัยนาท")
    assert right.parts == {"ขวา", "#1"}


def test_numbered_sites_zones_and_points_are_parts_not_phases():
    site = features("โครงการเขื่อนป้องกันการกัดเซาะตลิ่งคลองหลังสวนแห่งที่ 11 กม.26+400 หมู่ที่ 6 ตำบลท่ามะพลา "
                    "อำเภอหลังสวน จังหวัดชุมพร")
    assert site.parts == {"แห่งที่ 11"} and site.phase is None
    zone = features("ขุดลอกบึงราชนก โซน 2 สนับสนุนแผนบริหารจัดการบึงราชนก ปริมาตรเก็บกัก 2.70 ล้าน ลบ.ม. "
                    "ตำบลวังพิกุล อำเภอวังทอง จังหวัดพิษณุโลก")
    assert zone.parts == {"โซน 2"} and zone.phase is None and "โซน" not in zone.name
    point = features("ก่อสร้างเขื่อนป้องกันตลิ่งแม่น้ำวัง หมู่ที่ 4 (จุดที่ 2) ตำบลแม่สลิด อำเภอบ้านตาก จังหวัดตาก "
                     "ชนิดหินเรียง ความยาว 300.00 เมตร 1 แห่ง")
    assert point.parts == {"จุดที่ 2"}
    phase = features("เพิ่มประสิทธิภาพระบบกักเก็บลำห้วยคล้า ระยะที่ 1 ตำบลวังหิน อำเภอวังหิน จังหวัดศรีสะเกษ 1 แห่ง")
    assert phase.phase == 1 and phase.parts == set()


def test_a_number_that_ends_the_name_is_one_of_a_series():
    dam = features("ก่อสร้างอาคารป้องกันตลิ่งแม่น้ำตากแดด เหนือเขื่อนวังร่มเกล้า 1 ตำบลโคกหม้อ อำเภอทัพทัน "
                   "จังหวัดอุทัยธานี กว้าง 25.00 เมตร สูง 7.00 เมตร ยาว 900.00 เมตร 1 แห่ง")
    assert dam.parts == {"#1"}
    dike = features("ปรับปรุงถนนพนังกันนำ DIKE 9-1 ระยะทาง 6.02 กิโลเมตร โครงการส่งน้ำและบำรุงรักษามูลล่าง "
                    "ตำบลดอนแรด อำเภอรัตนบุรี จังหวัดสุรินทร์")
    assert dike.parts == {"#9-1"}
    # storeys, counts and sizes are no series number
    assert features("ปรับปรุงโรงฝึกกีฬาอเนกประสงค์ 3 ชั้น วิทยาเขตอุดรธานี 1 แห่ง").parts == set()


# ------------------------------------------------------------------ rule 11: the name of the structure

PUMP_A = ("สถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำ พื้นที่ชลประทาน 400 ไร่ บ้านโคกยาง โครงการก่อสร้าง สชป.15 "
          "ตำบลโคกยาง อำเภอเหนือคลอง จังหวัดกระบี่")
PUMP_B = ("สถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำ พื้นที่ชลประทาน 400 ไร่ ฝายคลองอินทนิน โครงการก่อสร้าง สชป.15 "
          "ตำบลโคกยาง อำเภอเหนือคลอง จังหวัดกระบี่")


def test_the_name_after_the_work_noun_skips_words_that_describe_the_work():
    assert features(PUMP_A).site == "บานโคกยาง"  # ด้วยไฟฟ้า, พร้อมระบบส่งน้ำ and the sizes set aside; marks dropped
    assert features(PUMP_B).site == "ฝายคลองอนทนน"
    gate = features("ประตูระบายน้ำหลวงพ่อใหญ่ ขนาดบาน กว้าง 6 เมตร สูง 3 เมตร จำนวน 2 ช่อง "
                    "โครงการส่งน้ำและบำรุงรักษาลำพระเพลิง ตำบลตูม อำเภอปักธงชัย จังหวัดนครราชสีมา")
    assert gate.site == "หลวงพอใหญ"
    road = features("ก่อสร้างถนน คสล. สายบ้านควน - บ้านนา หมู่ที่ ๔ กว้าง 4 ม. ยาว 200 ม. หนา 0.15 ม.")
    assert road.site == "บานควน-บานนา"


def test_different_structure_names_from_one_template():
    assert sites_differ(features(PUMP_A).site, features(PUMP_B).site)
    gate_a = features("ประตูระบายน้ำหลวงพ่อใหญ่ ขนาดบาน กว้าง 6 เมตร สูง 3 เมตร จำนวน 2 ช่อง")
    gate_b = features("ประตูระบายน้ำบ้านวังวารีวน ขนาดบาน กว้าง 6 เมตร สูง 3 เมตร จำนวน 2 ช่อง")
    assert sites_differ(gate_a.site, gate_b.site)
    weir_a = features("ก่อสร้างฝายทดน้ำห้วยตามั่นตอนบน พร้อมขุดลอกลำห้วย ตำบลหนองโสน อำเภอเลาขวัญ จังหวัดกาญจนบุรี")
    weir_b = features("ก่อสร้างฝายทดน้ำห้วยตาสุข พร้อมขุดลอกลำห้วย ตำบลหนองโสน อำเภอเลาขวัญ จังหวัดกาญจนบุรี")
    assert sites_differ(weir_a.site, weir_b.site)
    mouth_a = features("ขุดลอกสันดอนที่ปากลำน้ำสายหลักไหลลงสู่หนองหาร ห้วยโมง ตำบลธาตุเชิงชุม อำเภอเมืองสกลนคร")
    mouth_b = features("ขุดลอกสันดอนที่ปากลำน้ำสายหลักไหลลงสู่หนองหาร ห้วยทราย ตำบลฮางโฮง อำเภอเมืองสกลนคร")
    assert sites_differ(mouth_a.site, mouth_b.site)


def test_one_structure_written_two_ways_is_one_name():
    # a garbled PDF line, one river
    a = features("ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำเจ้าพระยา หมู่ที่ 3 ตำบลโรงช้าง อำเภอพรหมบุรี จังหวัดสิงห์บุรี")
    b = features("ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำเจ้าพร ้าพระยา บริเวณ หมู่ที่ 3 ตำบลโรงช้าง อำเภอพรหมบุรี")
    assert a.site and b.site and not sites_differ(a.site, b.site)
    # marks dropped by hurried typing, a route written from its other end, one title naming more
    same = [("ประตูระบายน้ำบ้านหนองบัว", "ประตูระบายน้ำบ้านหนองบว"),
            ("ถนน คสล. สายบ้านควน-บ้านนา", "ถนน คสล. สายบ้านนา-บ้านควน"),
            ("ขุดขยายสระน้ำหนองไผ่ บ้านนาแค", "ขุดสระเก็บน้ำสาธารณะหนองไผ่"),
            ("ระบบประปาหมู่บ้านแบบผิวดิน ขนาดใหญ่ บ้านโพนทอง", "ระบบประปาหมู่บ้าน บ้านโพนทอง")]
    for x, y in same:
        sx, sy = features(x).site, features(y).site
        assert sx and sy and not sites_differ(sx, sy), (x, y)


# ------------------------------------------------------------------ work types found in real titles


def test_buildings_named_with_rong_and_repair_against_new():
    repair = features("ปรับปรุงโรงฝึกกีฬาอเนกประสงค์ 3 ชั้น วิทยาเขตอุดรธานี ตำบลหมากแข้ง อำเภอเมืองอุดรธานี "
                      "จังหวัดอุดรธานี 1 แห่ง")
    new = features("โรงฝึกกีฬาอเนกประสงค์ 3 ชั้น วิทยาเขตอุดรธานี ตำบลหมากแข้ง อำเภอเมืองอุดรธานี จังหวัดอุดรธานี "
                   "1 หลัง")
    assert (repair.work_type, repair.action) == ("building", "repair")
    assert (new.work_type, new.action) == ("building", "new")
    assert features("ปรับปรุงโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านท่าประดู่").work_type == "health"


def test_equipment_and_information_systems_are_purchases():
    for title in (
        "เครื่องชั่งสอบเทียบมวล (Mass Comparator) สำหรับสอบเทียบ ตุ้มน้ำหนักชั้นความเที่ยง E2 พิกัด 10-50 กรัม "
        "กรมการค้าภายใน ตำบลบางกระสอ อำเภอเมืองนนทบุรี จังหวัดนนทบุรี 1 เครื่อง",
        "พัฒนาระบบจดทะเบียนบริษัทจำกัดคนเดียวทางอิเล็กทรอนิกส์ กรมพัฒนาธุรกิจการค้า ตำบลบางกระสอ 1 ระบบ",
        "พัฒนาเว็บไซต์กรมส่งเสริมการค้าระหว่างประเทศ กรมส่งเสริมการค้า ระหว่างประเทศ ตำบลบางกระสอ 1 ระบบ",
    ):
        assert features(title).work_type == "equipment", title
    # a building bought with its furniture stays a building; a machine the work is done with is no purchase
    assert features("อาคารหอพัก พร้อมครุภัณฑ์ โรงเรียนกีฬาจังหวัดนครสวรรค์ ตำบลบึงเสนาท 1 หลัง").work_type == "building"
    drain = features("งานลอกท่อดูดเลนโคลนด้วยเครื่องฉีดน้ำแรงดันสูง ถนนหมายเลข 3 ชื่อตอนแบริ่ง - ท้ายบ้าน")
    assert drain.work_type == "road"


def test_diversion_canal_is_irrigation():
    f = features("คลองผันน้ำลำปะเทีย - อ่างเก็บน้ำสนามบิน ตำบลตะโกตาพิ อำเภอประโคนชัย จังหวัดบุรีรัมย์")
    assert f.work_type == "irrigation"


# ------------------------------------------------------------------ named places


def test_measuring_is_no_temple_and_sizes_end_a_name():
    f = features("เครื่องเพิ่มประสิทธิภาพสารพันธุกรรมพร้อมระบบตรวจวัดในสภาพจริง ตำบลหาดใหญ่ 1 เครื่อง")
    assert not [p for p in f.places if p[0] == "landmark"]
    weir = features("ก่อสร้างฝายทดน้ำห้วยตามั่นตอนบน พร้อมขุดลอกลำห้วย ตำบลหนองโสน อำเภอเลาขวัญ "
                    "จังหวัดกาญจนบุรี ขนาดฝายกว้าง 20.00 เมตร สันฝายสูง 2.50 เมตร 1 แห่ง")
    assert ("water", "ห้วยตามั่นตอนบน") in weir.places
    assert not any("ขนาด" in name for _, name in weir.places)
    main_stream = features("ขุดลอกสันดอนที่ปากลำน้ำสายหลักไหลลงสู่หนองหาร ห้วยโมง ตำบลธาตุเชิงชุม")
    assert not [p for p in main_stream.places if p[0] == "road"]  # ลำน้ำสายหลัก: the main stream, no road


def test_a_longer_number_is_another_road():
    assert not _same_place("หมายเลข 3", "หมายเลข 3268")
    assert _same_place("บ้านเนินทอง", "บ้านเนินทองตอนบน")
    assert _same_place("แม่น้ำเจ้าพระยา", "แม่น้ำเจ้าพระยา")
