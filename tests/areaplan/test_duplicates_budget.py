"""Evidence from budgets, titles that name no place and yearly activities (issue 4)."""

from __future__ import annotations

from tests.areaplan.test_duplicates import flagged


def test_budget_far_apart_is_another_scope():
    rows = [
        {"project_id": "A", "title": "ก่อสร้างลานกีฬาอเนกประสงค์พร้อมหลังคาคลุม บ้านเมืองทอง หมู่ที่ 4",
         "channel": "province", "agency": "จังหวัดร้อยเอ็ด", "budget": 4_800_000},
        {"project_id": "B", "title": "ติดตั้งเครื่องออกกำลังกายกลางแจ้ง ลานกีฬาบ้านเมืองทอง ม.4 จำนวน 12 ชุด",
         "channel": "local", "agency": "อบต.เมืองทอง", "budget": 420_000},
    ]
    res, pairs = flagged(rows)
    assert pairs == set()


def test_no_place_same_work_same_tambon_close_budgets_is_flagged():
    res, pairs = flagged([
        {"project_id": "A", "title": "ติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV) ในเขตตำบลรอบเมือง 24 จุด",
         "channel": "local", "agency": "เทศบาลตำบลรอบเมือง", "budget": 1_850_000},
        {"project_id": "B", "title": "ติดตั้งระบบกล้อง CCTV เพื่อความปลอดภัยในชีวิตและทรัพย์สิน ต.รอบเมือง",
         "channel": "province", "agency": "จังหวัดร้อยเอ็ด", "budget": 1_980_000},
    ])
    assert pairs == {frozenset("AB")}
    assert "neither names a place" in res.pairs.loc[0, "reasons"]
    assert "budgets close" in res.pairs.loc[0, "reasons"]


def test_yearly_activity_next_year_is_not_a_duplicate():
    _, pairs = flagged([
        {"project_id": "A", "title": "รณรงค์ป้องกันโรคไข้เลือดออก ตำบลบาตง", "channel": "province",
         "agency": "ที่ทำการปกครองจังหวัดนราธิวาส", "fiscal_year": 2567},
        {"project_id": "B", "title": "รณรงค์ป้องกันโรคไข้เลือดออก ตำบลบาตง", "channel": "province",
         "agency": "สำนักงานจังหวัดนราธิวาส", "fiscal_year": 2568},
    ])
    assert pairs == set()


def test_solar_pump_written_two_ways_is_flagged():
    _, pairs = flagged([
        {"project_id": "A", "title": "ระบบสูบน้ำโซลาร์เซลล์ ห้วยทราย หมู่ 4", "channel": "local"},
        {"project_id": "B", "title": "ระบบกระจายน้ำด้วยพลังงานแสงอาทิตย์เพื่อการเกษตร ห้วยทราย หมู่ที่ 4 บ้านหนองไผ่ "
                                     "แผงโซลาร์ 10 kW", "channel": "province"},
    ])
    assert pairs == {frozenset("AB")}


def test_one_village_water_supply_described_two_ways_is_flagged():
    # the groundwater system with its tower and the village's request name one work in one village
    _, pairs = flagged([
        {"project_id": "A", "title": "ขอสนับสนุนระบบน้ำประปาบ้านขวาวใหญ่ หมู่ 2 (น้ำไม่พอใช้หน้าแล้ง)",
         "channel": "community", "agency": "แผนชุมชนบ้านขวาวใหญ่"},
        {"project_id": "B", "title": "ก่อสร้างระบบประปาบาดาลขนาดใหญ่ พร้อมหอถังสูง บ้านขวาวใหญ่ หมู่ที่ 2 ตำบลขวาว",
         "channel": "function", "agency": "กรมทรัพยากรน้ำบาดาล"},
    ])
    assert pairs == {frozenset("AB")}


def test_route_with_and_without_ban_is_one_road():
    _, pairs = flagged([
        {"project_id": "A", "title": "ก่อสร้างถนน คสล. สายห้วยลอย-น้ำปูน อ.บ่อเกลือ (ถนนลาดชันสูง) ยาว 2 กม.",
         "channel": "local", "agency": "อบจ.น่าน"},
        {"project_id": "B", "title": "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านห้วยลอย - บ้านน้ำปูน ตำบลภูฟ้า อำเภอบ่อเกลือ "
                                     "ขนาดกว้าง 5 เมตร ยาว 2,000 เมตร", "channel": "province", "agency": "จังหวัดน่าน"},
    ])
    assert pairs == {frozenset("AB")}


def test_north_and_south_side_of_one_temple_are_two_works():
    _, pairs = flagged([
        {"project_id": "A", "title": "ก่อสร้างเขื่อนป้องกันตลิ่ง พร้อมสะพานคนเดิน ทางเท้า และห้องน้ำ บริเวณพื้นที่ด้านทิศเหนือ "
                                     "วัดพระบรมธาตุสวี ตำบลนาโพธิ์", "channel": "cluster"},
        {"project_id": "B", "title": "ก่อสร้างเขื่อนป้องกันตลิ่ง บริเวณพื้นที่ด้านทิศใต้ วัดพระบรมธาตุสวี (ฝังตรงข้าม) "
                                     "ความยาว 100 เมตร ตำบลนาโพธิ์", "channel": "province"},
    ])
    assert pairs == set()
