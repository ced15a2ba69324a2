"""Rules added for community requests and other offices' wording (issue 4): each case is written the way the
titles of a tambon plan, a community plan or a department's budget line are written."""

from __future__ import annotations

from areaplan.analyses.thai_titles import feature_columns, features, normalize


def test_solar_water_distribution_is_a_solar_pump():
    a = features("ระบบกระจายน้ำด้วยพลังงานแสงอาทิตย์เพื่อการเกษตร ห้วยทราย บ้านหนองไผ่ หมู่ที่ 1 ตำบลหนองหลวง")
    b = features("ก่อสร้างระบบสูบน้ำพลังงานแสงอาทิตย์ ขนาด 12 กิโลวัตต์ ห้วยทราย บ้านหนองไผ่ หมู่ที่ 1")
    c = features("ส่งน้ำเข้าแปลงเกษตร ขอชุดสูบน้ำโซล่าเซลล์ ห้วยทราย หมู่ที่ 1")
    assert a.work_type == b.work_type == c.work_type == "pumping"
    assert a.key == "ระบบสูบน้ำพลังงานแสงอาทิตย์ห้วยทรายบ้านหนองไผ่"


def test_electric_power_is_a_size():
    f = features("ระบบสูบน้ำพลังงานแสงอาทิตย์ หนองสาหร่าย บ้านท่าตะคร้อ หมู่ที่ 10 แผงโซลาร์ 10 kW")
    assert f.specs["power"] == 10.0 and "kW" not in f.key
    assert features("ระบบสูบน้ำโซลาร์เซลล์ ขนาด 12 กิโลวัตต์ ห้วยทราย ม. 1").specs["size"] == 12.0


def test_route_spoken_as_sen_and_asphalt_as_yangmatoi():
    f = features("เส้นบ้านห้วยน้ำขุ่น–บ้านปางมะหัน หมู่ 13 ขอทำถนนยางมะตอย เพื่อเชื่อมการคมนาคมระหว่างหมู่บ้าน")
    assert "ถนนลาดยาง" in normalize("ขอทำถนนยางมะตอย")
    assert ("road", "บ้านห้วยน้ำขุ่น-บ้านปางมะหัน") in f.places
    assert f.work_type == "road"
    assert not [p for p in f.places if p == ("road", "ลาดยาง")]


def test_request_with_the_place_first_is_read_work_first():
    f = features("ซอยข้างโรงเรียน หมู่ที่ ๑๐ ขอทำถนนคอนกรีต")
    g = features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยข้างโรงเรียน หมู่ที่ 10")
    assert f.key == g.key == "ถนนคอนกรีตเสริมเหล็กซอยข้างโรงเรียน"


def test_solar_lamps_requested_are_street_lighting():
    f = features("สายบ้านเนินทราย - บ้านท่าพริก บ้านเนินทราย หมู่ที่ 7 ขอไฟโซล่าเซลล์ ถนนมืด เพื่อความปลอดภัย")
    assert f.work_type == "lighting"
    assert "มืด" not in f.key  # the complaint is no name


def test_route_without_sai():
    f = features("เทถนนคอนกรีตทางขึ้นดอยบ้านห้วยลอยไปบ้านน้ำปูน")
    g = features("ขอลงหินคลุกถนนเส้นนาหว้าไปโนนทอง (ฤดูฝนรถเข้าไม่ได้)")
    assert ("road", "ห้วยลอย-น้ำปูน") in f.places
    assert ("road", "นาหว้า-โนนทอง") in g.places
    assert ("road", "ห้วยลอย-น้ำปูน") in features("ก่อสร้างถนน คสล. สายบ้านห้วยลอย - บ้านน้ำปูน ตำบลภูฟ้า").places


def test_northern_streams_named_nam():
    assert ("water", "น้ำปั้ว") in features("ก่อสร้างสะพานข้ามน้ำปั้ว แทนสะพานไม้เดิม หมู่ 2").places
    assert ("water", "น้ำปั้ว") in features("ก่อสร้างสะพานคอนกรีตเสริมเหล็กข้ามลำน้ำปั้ว บ้านน้ำปั้ว หมู่ที่ 2").places
    assert ("water", "น้ำน่าน") in features("ป้องกันตลิ่งทรุดริมแม่น้ำน่าน ช่วงบ้านดอนศรีเสริม ต.ดู่ใต้").places
    assert ("water", "น้ำน่าน") in features("ก่อสร้างเขื่อนกันตลิ่งพัง ริมน้ำน่าน ม.4 บ้านดอนศรีเสริม ยาว 320 ม.").places
    # flood water and tap water are no stream; a village called น้ำปั้ว is a village
    assert not [p for p in features("ขยายเขตประปา ริมน้ำท่วมขัง บ้านน้ำปั้ว").places if p[0] == "water"]


def test_bank_protection_written_without_khuean():
    assert features("ป้องกันตลิ่งทรุดริมแม่น้ำน่าน").key == features("เขื่อนกันตลิ่งพัง ริมแม่น้ำน่าน").key


def test_village_hall_names():
    a = features("ศาลาประชาคม หมู่ที่ 13 บ้านเขาสามสิบหาบ ขนาดกว้าง 8 เมตร ยาว 15 เมตร ต.ปิล๊อก")
    b = features("ขอสนับสนุนงบประมาณอาคารอเนกประสงค์ชั้นเดียว ขนาด 8x15 ม. ม.13 บ้านเขาสามสิบหาบ ต.ปิล๊อก")
    assert a.key == b.key == "ศาลาอเนกประสงค์บ้านเขาสามสิบหาบ"


def test_place_after_the_extras_stays_in_the_key():
    f = features("ก่อสร้างระบบประปาบาดาลขนาดใหญ่ พร้อมหอถังสูง บ้านขวาวใหญ่ หมู่ที่ 2 ตำบลขวาว")
    assert f.key == "ระบบประปาบาดาลบ้านขวาวใหญ่"
    assert features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก พร้อมวางท่อระบายน้ำ").key == "ถนนคอนกรีตเสริมเหล็ก"


def test_purpose_clauses_cut():
    f = features("ระบบสูบน้ำพลังงานแสงอาทิตย์ หนองสาหร่าย บ้านท่าตะคร้อ ลดต้นทุนค่าไฟฟ้าของเกษตรกร")
    g = features("โครงการระบบประปาผิวดิน บ้านห้วยแร้ง ม.11 แก้ปัญหาน้ำประปาไหลไม่แรง")
    assert "ลดต้นทุน" not in f.key and "แก้ปัญหา" not in g.key


def test_compass_side_is_a_part_of_the_place():
    north = features("ก่อสร้างเขื่อนป้องกันตลิ่ง บริเวณพื้นที่ด้านทิศเหนือ วัดพระบรมธาตุสวี ตำบลนาโพธิ์")
    south = features("ก่อสร้างเขื่อนป้องกันตลิ่ง บริเวณพื้นที่ด้านทิศใต้ วัดพระบรมธาตุสวี (ฝังตรงข้าม) ความยาว 100 เมตร")
    assert north.parts == {"ทิศเหนือ"} and south.parts == {"ทิศใต้"}


def test_yearly_activities():
    assert features("ทำแนวกันไฟและลาดตระเวนป้องกันไฟป่า ตำบลโคกตะบอง").recurring
    assert features("รณรงค์ป้องกันโรคไข้เลือดออก ตำบลบาตง").recurring
    assert features("โครงการกำจัดผักตบชวาและวัชพืชในแหล่งน้ำ ต.ปรังเผล").recurring
    # a built work is not, even with weeding among its extras
    assert not features("ขุดลอกคลองตะเคียนพร้อมกำจัดวัชพืช ช่วงวัดตะเคียน").recurring
    cols = feature_columns(["รณรงค์ป้องกันโรคไข้เลือดออก ตำบลบาตง", "ก่อสร้างถนน คสล. สายบ้านนา"])
    assert cols.recurring.tolist() == [True, False]


def test_parking_lot_is_no_vehicle_purchase():
    f = features("ก่อสร้างลานจอดรถบรรทุกสินค้าผ่านแดน และห้องสุขาสาธารณะ ด่านคลองลึก อ.อรัญประเทศ")
    assert f.work_type == "building"


def test_surfacing_a_track_is_an_upgrade():
    a = features("ขอลงหินคลุกถนนเส้นนาหว้าไปโนนทอง (ฤดูฝนรถเข้าไม่ได้)")
    b = features("ปรับปรุงถนนลูกรังเป็นถนนหินคลุก สายนาหว้า – โนนทอง หมู่ที่ 9 กว้าง 4 ม. ยาว 2,300 ม.")
    assert a.action == b.action == "repair"
    assert ("road", "นาหว้า-โนนทอง") in a.places & b.places


def test_owner_and_road_code_are_address():
    a = features("ก่อสร้างอาคารศูนย์พัฒนาเด็กเล็ก อบต.บ้านใหม่ ขนาด 3 ห้องเรียน (แบบ สถ.ศพด.3)")
    b = features("เงินอุดหนุนเฉพาะกิจ ค่าก่อสร้างศูนย์พัฒนาเด็กเล็ก ตำบลบ้านใหม่ อำเภอมหาราช 1 แห่ง")
    assert a.key == b.key == "ศูนย์พัฒนาเด็กเล็ก"
    c = features("เงินอุดหนุนเฉพาะกิจ ถนนคอนกรีตเสริมเหล็ก รหัสทางหลวงท้องถิ่น สก.ถ.85-012 สายบ้านหนองผักบุ้ง - บ้านเขาสะแกกรัง")
    assert "รหัส" not in c.key and "85" not in c.key
    assert features("ติดตั้งกล้องวงจรปิด ในเขตเทศบาลตำบลท่าหลวง").key == "กล้องวงจรปิด"


def test_excavated_volume_is_a_size():
    f = features("ฟื้นฟูแหล่งน้ำหนองบัว บ้านแงง หมู่ที่ 1 ตำบลแงง ปริมาตรดินขุด 40,000 ลูกบาศก์เมตร")
    assert f.specs["volume"] == 40000.0 and "ปริมาตร" not in f.key


def test_route_with_village_numbers_on_both_ends():
    f = features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองผักบุ้ง หมู่ที่ 6 - บ้านเขาสะแกกรัง หมู่ที่ 10 ตำบลป่าไร่")
    g = features("ถนนคอนกรีตหนองผักบุ้ง–เขาสะแกกรัง ทางขนส่งมันสำปะหลัง ฝนตกรถติดหล่ม")
    assert f.villages == {6, 10}
    assert ("road", "หนองผักบุ้ง-เขาสะแกกรัง") in f.places & g.places


def test_stream_named_after_a_weir():
    assert ("water", "น้ำยาว") in features("ก่อสร้างฝาย คสล. น้ำยาว ม.2 บ้านตาลชุม พร้อมคลองส่งน้ำ").places
    assert not [p for p in features("ก่อสร้างฝายน้ำล้น ห้วยไผ่").places if p == ("water", "น้ำล้น")]
