"""Rule 12 and the synonyms added for titles written by other offices (issue 4): each with a real-style title."""

from __future__ import annotations

from areaplan.analyses.thai_titles import features, normalize


def test_asphalt_surfaces_are_one_word():
    ac = normalize("ก่อสร้างถนนลาดยาง (AC) สายแยก ทล.4015 – บ้านนาแว")
    asphaltic = normalize("ก่อสร้างถนนลาดยางแอสฟัลติกคอนกรีต สายแยกทางหลวงหมายเลข 4015 - บ้านนาแว")
    english = normalize("ก่อสร้างถนน Asphaltic Concrete รหัสทางหลวงท้องถิ่น รอ.ถ.1-0127 สายบ้านกู่-โพนครก")
    assert ac == asphaltic == "ก่อสร้างถนนลาดยาง สายแยกทางหลวงหมายเลข4015-บ้านนาแว"
    assert english.startswith("ก่อสร้างถนนลาดยาง ")


def test_highway_numbers_and_their_road_place():
    a = features("ก่อสร้างถนนแอสฟัลท์ติกคอนกรีต สายแยก ทล.348 – บ้านโคคลาน ระยะทาง 3,800 เมตร อ.ตาพระยา")
    b = features("ก่อสร้างถนนลาดยาง สายแยกทางหลวงหมายเลข 348 - บ้านโคคลาน ตำบลโคคลาน อำเภอตาพระยา จังหวัดสระแก้ว "
                 "ระยะทาง 3.800 กิโลเมตร 1 สายทาง")
    assert ("road", "แยกทางหลวงหมายเลข348-บ้านโคคลาน") in a.places & b.places
    assert a.specs["length"] == b.specs["length"] == 3800.0  # 3,800 เมตร = 3.800 กิโลเมตร


def test_water_supply_weir_culvert_bank_synonyms():
    assert features("ขอสนับสนุนระบบน้ำประปาบ้านขวาวใหญ่ หมู่ 2").key == features(
        "โครงการก่อสร้างประปาหมู่บ้าน ม.2 บ้านขวาวใหญ่").key == "ระบบประปาบ้านขวาวใหญ่"
    assert normalize("ก่อสร้างฝายกั้นน้ำห้วยไผ่") == normalize("ก่อสร้างฝายน้ำล้นห้วยไผ่") == "ก่อสร้างฝายห้วยไผ่"
    assert features("ก่อสร้างท่อลอดเหลี่ยม คสล. (Box Culvert) ข้ามลำห้วยหินลาด").work_type == "bridge"
    assert normalize("ก่อสร้างเขื่อนกันตลิ่งพัง ริมน้ำน่าน") == "ก่อสร้างเขื่อนป้องกันตลิ่ง ริมน้ำน่าน"
    assert features("ก่อสร้างประตูน้ำปากคลองกบเจา หมู่ที่ 1").work_type == "water_gate"
    assert normalize("ติดตั้งโคมไฟโซลาร์เซลล์") == normalize("ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์")


def test_purpose_and_remarks_are_not_the_name():
    f = features("ขุดลอกหนองสิมให้ลึก เก็บน้ำไว้ทำนาปรัง บ้านสระบัว")
    assert f.key == "ขุดลอกหนองสิมบ้านสระบัว"
    assert ("water", "หนองสิม") in f.places
    g = features("ขอสนับสนุนระบบน้ำประปาบ้านขวาวใหญ่ หมู่ 2 (น้ำไม่พอใช้หน้าแล้ง)")
    assert "แล้ง" not in g.key and g.villages == {2}
    assert features("ก่อสร้างถนนลาดยาง (AC) สายแยก ทล.4015 ระยะทาง ๔.๕ กม. เพื่อการขนส่งผลผลิตยางพารา").key == (
        "ถนนลาดยางสายแยกทางหลวงหมายเลข4015")
    assert "แทน" not in features("ทำถนนคอนกรีตซอย 3 ริมคลอง แทนถนนลูกรังที่เป็นหลุมบ่อ").key


def test_a_bracket_that_names_a_place_stays():
    a = features("อาคารบังคับน้ำห้วยเหนือ (บ้านป่ายาง) พื้นที่รับประโยชน์ 300 ไร่ ตำบลขอนแก่น")
    b = features("อาคารบังคับน้ำห้วยเหนือ (บ้านเมืองเก่า) พื้นที่รับประโยชน์ 300 ไร่ ตำบลเมืองเปลือย")
    assert a.site != b.site and ("village", "บ้านป่ายาง") in a.places


def test_request_and_grant_wording_is_stripped():
    assert features("ขอสนับสนุนระบบน้ำประปาบ้านขวาวใหญ่").key == "ระบบประปาบ้านขวาวใหญ่"
    assert features("เทถนนคอนกรีตทางขึ้นดอยบ้านห้วยลอยไปบ้านน้ำปูน").key.startswith("ถนน")
    assert features("เงินอุดหนุนเฉพาะกิจ ก่อสร้างถนน ค.ส.ล. ซอย ๓ ริมคลอง ม.๕").key.startswith("ถนน")


def test_a_strategy_lead_gives_way_to_the_work():
    f = features("เพิ่มประสิทธิภาพแหล่งน้ำเพื่อการเกษตรทุ่งกุลาร้องไห้ กิจกรรมขุดลอกหนองสิม ม.4 ต.ทุ่งกุลา")
    assert f.work_type == "dredging" and f.key == "ขุดลอกหนองสิม"
    g = features("แก้ไขปัญหาตลิ่งทรุดตัวริมแม่น้ำเจ้าพระยา บริเวณวัดไม้ตรา ต.ไม้ตรา อ.บางไทร "
                 "โดยก่อสร้างเขื่อนป้องกันตลิ่ง ยาว ๑๘๐ ม.")
    assert g.work_type == "embankment"
    assert ("water", "แม่น้ำเจ้าพระยา") in g.places  # the lead's places still count


def test_the_action_is_that_of_the_work_not_its_extras():
    assert features("ขุดลอกอ่างเก็บน้ำห้วยยาง พร้อมปรับปรุงอาคารประกอบ ตำบลเขาสามสิบ").action == "new"


def test_a_continued_work_is_a_later_phase():
    f = features("ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำเจ้าพระยา บริเวณหน้าวัดไม้ตรา (ต่อเนื่อง) หมู่ที่ 3")
    assert f.phase == 2
    assert not features("ก่อสร้างถนน คสล. (งบประมาณต่อเนื่อง) หมู่ที่ 3").phase
