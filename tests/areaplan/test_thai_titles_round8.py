"""Title reading for issue 4, round 8 (read from blind set 9 after its one measurement): works the vocabulary did
not know (guard rails, village broadcasting, greenhouses, earth-bank walls), a road's surface that is no verb,
leads before a colon, and requests decided by a village meeting or proposed by a network."""

from __future__ import annotations

from areaplan.analyses.thai_titles import features


def test_guard_rails_are_road_safety_not_a_road():
    # real FY2565 titles (department of highways)
    for title in ("ติดตั้งราวกันอันตรายทางหลวงหมายเลข 4 ตอนควบคุม 0603 ตอนหนองหมู - ห้วยยาง",
                  "งานราวกันอันตราย ทางหลวงหมายเลข 1256 ตอนควบคุม 0101, 0102",
                  "โค้งหักศอก กลางคืนมองไม่เห็น จึงขอให้ติดราวกันรถตกตรงโค้งทางไปบ้านดง"):
        assert features(title).work_type == "road_safety", title
    assert features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านดง หมู่ที่ 3").work_type == "road"


def test_broadcasting_greenhouses_and_earth_bank_walls():
    assert features("โครงการติดตั้งระบบกระจายเสียงไร้สายประจำหมู่บ้าน หมู่ที่ 1 บ้านวังผา").work_type == "broadcast"
    assert features("ติดตั้งหอกระจายข่าวระบบวิทยุไร้สาย หมู่ที่ 2").work_type == "broadcast"
    assert features("ประชาคมหมู่ที่ 5 มีมติขอสร้างโรงเรือนกางมุ้งปลูกผักปลอดสาร").work_type == "greenhouse"
    assert features("งานก่อสร้างโรงเรือนปลูกพืชระบบควบคุมอัจฉริยะ (Smart Farm)").work_type == "greenhouse"
    assert features("ทำแนวกันดินริมแม่น้ำเมยที่พังเข้ามาใกล้บ้าน หมู่ 5").work_type == "embankment"
    assert features("ก่อสร้างแนวป้องกันตลิ่งพังด้วยกล่องเกเบียน ริมฝั่งแม่น้ำเมย").work_type == "embankment"


def test_a_roads_surface_after_the_road_is_no_repair_verb():
    assert features("ถนนดินยกระดับลงลูกรัง สายบ้านหนองสะพุง - สวนมะม่วง ม.15").action == "new"
    assert features("ก่อสร้างถนนดินยกระดับลงลูกรัง สายบ้านหนองสะพุง - สวนมะม่วง").action == "new"
    assert features("ลงหินคลุกถนนเส้นนาหว้าไปโนนทอง").action == "repair"  # a verb before the road still is


def test_what_is_said_before_a_colon_by_a_programme_or_a_list_is_not_the_name():
    f = features("แผนงานเสริมสร้างความเข้มแข็งของชุมชน : โครงการติดตั้งราวกันอันตราย ช่วงโค้งบ้านทาม")
    assert f.work_type == "road_safety" and "แผนงาน" not in f.name
    g = features("ลำดับความต้องการที่ 5 : เปลี่ยนท่อลอดตรงคลองหินขาวให้ใหญ่ขึ้น หมู่ 14")
    assert "ลำดับ" not in g.name and g.work_type == "drainage"
    assert "ยุทธศาสตร์" not in features("ประเด็นยุทธศาสตร์พัฒนาการเกษตร / โครงการโรงเรือนปลูกผัก บ้านนา").name


def test_requests_from_a_village_meeting_or_a_network():
    f = features("ประชาคมหมู่ที่ 5 มีมติขอลอกหนองกุดแข้ที่ตื้นเขินให้เก็บน้ำได้")
    assert f.work_type == "dredging" and f.request and ("water", "หนองกุดแข้") in f.places
    g = features("เครือข่ายองค์กรชุมชนหมู่ 7 เสนอให้ทำประปาบาดาลให้หมู่บ้าน (น้ำไหลไม่ถึงท้ายหมู่บ้าน)")
    assert g.work_type == "water_supply" and g.request


# ---- round 9 (read from blind set 10 after its one measurement)

def test_a_village_number_after_a_word_without_a_space():
    f = features("เขื่อนป้องกันตลิ่งแบบกำแพงคอนกรีตเสริมเหล็ก ริมลำน้ำยัง พื้นที่หมู่ 6 ตำบลหนองบัว")
    assert f.villages == frozenset({6}) and f.parts == frozenset()  # not a numbered part "#6"
    assert features("ถนนลูกรัง กม.5").villages == frozenset()  # ม. inside กม. is no village


def test_a_programmes_activity_is_the_work():
    f = features("โครงการเชื่อมโยงเส้นทางคมนาคมเพื่อการค้า กิจกรรมสะพานท่อเหลี่ยม คสล. ข้ามคลองท่าแพ หมู่ที่ 15")
    assert f.work_type == "bridge" and "เชื่อมโยง" not in f.name


def test_crematoria_earth_dykes_and_canal_lining():
    assert features("ชาวบ้านหนองเม็ก หมู่ 3 ขอสร้างเมรุใหม่ที่วัดอุดม แบบไม่มีควัน").work_type == "building"
    assert features("ขอถมคันดินริมลำน้ำสวยกันน้ำเข้านา").work_type == "embankment"
    # real FY2565: lining a canal upgrades one that exists (against building a new canal)
    f = features("ดาดคอนกรีตคลองส่งน้ำ 16 ขวา และอาคารประกอบ 1 สาย ระยะที่ 3")
    assert f.work_type == "irrigation" and f.action == "repair" and f.name.startswith("ดาดคอนกรีต")
