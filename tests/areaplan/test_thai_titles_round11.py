"""Title rules of issue 4, round 11 (read from blind13 after its one measurement): list numbers, a wireless
loudspeaker is no route, what is left of a line and a stretch between house numbers."""

from __future__ import annotations

from areaplan.analyses.thai_titles import features


def test_a_list_item_number_is_neither_name_nor_part():
    f = features("ชุดโครงการเชื่อมโยงโครงข่ายคมนาคมสู่แหล่งผลิต ลำดับที่ 12 โครงการถนนลาดยางสายเลียบคลองสวนหมาก ม.1")
    assert f.parts == frozenset() and "ลำดับ" not in f.name
    assert not any("โครงการ" in v for _, v in f.places)  # (ชุมชน โครงการ… is no community's name)
    g = features("8. โครงการก่อสร้างฝายชะลอน้ำแบบกึ่งถาวรกั้นคลองทุ่งมะเม่า บ้านหาดพลับพลึง หมู่ที่ 7")
    assert g.work_type == "weir" and not g.name.startswith("8")
    # a number that ends a name is still a part (one member of a numbered series: คลองซอย 1)
    assert features("ขุดลอกคลองซอย 1 ตำบลบ้านดง").parts != frozenset()


def test_a_wireless_loudspeaker_is_no_route():
    f = features("ติดตั้งระบบเสียงตามสายแบบไร้สายประจำหมู่บ้าน ม.9 บ.ดอนกระต่ายขาว")
    assert f.work_type == "broadcast" and all(kind != "road" for kind, _ in f.places)
    assert ("road", "บ้านนา-บ้านดอน") in features("ก่อสร้างถนน คสล. สายบ้านนา-บ้านดอน หมู่ที่ 3").places


def test_what_is_left_of_a_line_is_a_later_phase():
    assert features("ก่อสร้างเขื่อนป้องกันตลิ่ง ริมห้วยตะเคียน (ส่วนที่เหลือของแนว) หมู่ 7").phase == 2
    f = features("วางระบบท่อจ่ายน้ำประปาไปยังแปลงอ้อยหัวฝาย ต่อจากจุดสิ้นสุดเดิมปี 2567 หมู่ที่ 14")
    assert f.phase == 2 and f.parts == frozenset() and "2567" not in f.name


def test_a_stretch_between_house_numbers_or_named_points_has_ends():
    a = features("ลงลูกรังถนนเข้าทุ่งนาดอนม่วง จากบ้านเลขที่ 11 ถึงบ้านเลขที่ 76 บ้านนาสะเดาทอง(ม.4)")
    b = features("ลงลูกรังถนนเข้าทุ่งนาดอนม่วง จากบ้านเลขที่ 76 ถึงบ้านเลขที่ 184 บ้านนาสะเดาทอง(ม.4)")
    assert a.segment_ends and b.segment_ends and a.segment_ends != b.segment_ends and a.key == b.key
    c = features("ถนนลาดยางสายเลียบคลองทุ่งมะเม่า ช่วงหน้าวัดห้วยตาปานถึงทางเข้าโรงเรียนบ้านดอนมะพร้าว ยาว 2750 เมตร")
    assert c.segment_ends == frozenset({"หน้าวัดห้วยตาปาน", "ทางเข้าโรงเรียนบ้านดอนมะพร้าว"})


def test_a_title_without_a_verb_does_not_say_new_or_repair():
    bare = features("ถนนผิวแอสฟัลต์แบบ Cape Seal สายเลียบคลองสวนหมาก ม.1 บ.สระบัวแดงใต้")
    assert bare.action == "new" and bare.request  # read as new, marked: it may as well be an upgrade
    assert not features("ก่อสร้างถนนผิวแอสฟัลต์ สายเลียบคลองสวนหมาก ม.1").request
    assert not features("ปรับปรุงถนนผิวแอสฟัลต์ สายเลียบคลองสวนหมาก ม.1").request


# round 12 (read from blind14 after its one measurement)

def test_sizes_are_neither_phases_nor_parts():
    assert features("วางรางระบายน้ำรูปตัว U สองข้างถนนหน้าวัดคลองตาขำ พร้อมบ่อพักทุกระยะ 20 เมตร รวม 360 เมตร").phase is None
    assert features("โครงการขุดแก้มลิง บึงกะพี้น้อย หมู่ 3 ดินขุด 147830 ม3").parts == frozenset()
    assert features("ก่อสร้างถนน คสล. ระยะที่ 2 สายบ้านนา").phase == 2


def test_item_and_activity_prefixes_and_a_bracketed_lead():
    a = features("รายการก่อสร้างโรงเรือนผลิตก้อนเชื้อเห็ด ของวิสาหกิจชุมชนบ้านโนนผักหวาน")
    b = features("กิจกรรมก่อสร้างโรงเรือนผลิตก้อนเชื้อเห็ด ของวิสาหกิจชุมชนบ้านโนนผักหวาน")
    assert a.key == b.key and not a.key.startswith("รายการ")
    c = features("[พัฒนาเส้นทางโลจิสติกส์ชนบทรองรับการท่องเที่ยววิถีชุมชน] รายการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองรี")
    assert c.work_type == "road" and "ท่องเที่ยว" not in c.key
