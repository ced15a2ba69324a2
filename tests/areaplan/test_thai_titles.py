"""Every Thai title rule, each with a title taken from the real FY2565 budget file (budget2565/projects_fy2565.csv).

Where the real file has no example of a writing (decomposed sara am, zero-width space, ถ.คสล., a doubled verb,
the จ้าง prefix), the test takes a real title and writes it the way other offices do; the comment says so.
"""

from __future__ import annotations

import pytest

from areaplan.analyses.thai_titles import WORK_TYPES, features, normalize, work_type_label

# real titles (FY2565 Budget Act line items)
ROAD_KSL = ("ก่อสร้างถนน คสล. พร้อมวางท่อระบายน้ำ คสล. ถนนไอยรา 1 ต่อจากเดิม จากหน้าหมู่บ้านฟีนิกปาร์ก - "
            "คลองระพีพัฒน์ หมู่ที่ 14 - หมู่ที่ 15 ตำบลคลองสอง อำเภอคลองหลวง จังหวัดปทุมธานี")
BRIDGE_KSL = "ปรับปรุงสะพาน ค.ส.ล. ข้ามคลอง LMC อ่างเก็บน้ำพุทธอุทยาน 14 แห่ง"
KAEMLING_MU = "แก้มลิง หมู่ 6 บ้านทุ่งกว้าง พร้อมระบบส่งน้ำ ปริมาตรเก็บกัก 250,000 ลูกบาศก์เมตร ตำบลหนองขุ่น อำเภอวัดสิงห์ จังหวัดชัยนาท"
BANK_AMPHOE = "เขื่อนป้องกันตลิ่งชุมชนบ้านเขาน้อยฝั่งตะวันออก อ.ปราณบุรี ตำบลปราณบุรี อำเภอปราณบุรี จังหวัดประจวบคีรีขันธ์"
DRAIN_TAMBON = "ระบบระบายน้ำลำจักราชพร้อมอาคารประกอบ ต.หนองพลวง ระยะทาง 8 กิโลเมตร ตำบลหนองพลวง อำเภอจักราช จังหวัดนครราชสีมา"
DRAIN_CHANGWAT = ("ปรับปรุงระบบระบายน้ำเหนือเขื่อนทดน้ำพญาแมน าเห็น โครงการส่งน้ำ และบำรุงรักษาแควน้อยบำรุงแดน จ.พิษณุโลก "
                  "ตำบลบ้านยาง อำเภอวัดโบสถ์ จังหวัดพิษณุโลก")
WEIR_THAI_DIGIT = "ฝายห้วยเดื่อ พื้นที่รับประโยชน์ ๕ ส่ง 100 ไร่ ตำบลวังนกแอ่น อำเภอวังทอง จังหวัดพิษณุโลก"
NONG_PROJECT = "โครงการพัฒนาหนองเล็งทรายระยะที่ 4 โดยเรือขุด จำนวน 0.98 ล้านลูกบาศก์เมตร ตำบลแม่ใจ อำเภอแม่ใจ จังหวัดพะเยา"
BANK_NEW = ("ก่อสร้างเขื่อนป้องกันตลิ่งริมแม่น้ำลาว บ้านสบห้วย หมู่ที่ 1 ตำบลจอมหมอกแก้ว อำเภอแม่ลาว จังหวัดเชียงราย "
            "ความยาว 200 เมตร 1 แห่ง")
FOOTPATH = "ก่อสร้างทางเดินเท้า ความยาว 0.834 กิโลเมตร และศาลาพักผ่อน ตำบลพันท้ายนรสิงห์ อำเภอเมืองสมุทรสาคร จังหวัดสมุทรสาคร 1 แห่ง"
KAEMLING_VOL = "แก้มลิงคลองละลม พร้อมอาคารประกอบ ปริมาตรเก็บกัก 0.22 ล้าน ลบ.ม. ตำบลตลาดไทร อำเภอประทาย จังหวัดนครราชสีมา"
BANK_PHASE = "เขื่อนป้องกันตลิ่งคลองท่าแซะ (บริเวณบ้านเขาแก้ว ระยะที่ 2) ความยาว 0.35 กิโลเมตร ตำบลนากระตาม อำเภอท่าแซะ จังหวัดชุมพร"
CANAL_SEGMENT = ("ดาดคอนกรีตคลองส่งน้ำ 2 ซ้ายพลเทพ พร้อมอาคารประกอบ (ช่วงที่ 4) กม.3+000 ถึง กม.8+300 "
                 "โครงการส่งนำและบำรุงรักษาพลเทพ ตำบลนางลือ อำเภอเมืองชัยนาท จังหวัดชัยนาท")
CANAL_KM = ("ปรับปรุงเสริมขอบคอนกรีตดาดคลองซอย 15.2L-RMC.กิวลม กม.0+000 - กม.3+950 โครงการส่งน้ำและบำรุงรักษากิ่วลม-กิ่วค "
            "ตำบลนิคมพัฒนา อำเภอเมืองลำปาง จังหวัดลำปาง")
ROAD_REPAIR = "ซ่อมแซมถนนลาดยางคลองส่งน้ำ 14 ซ้าย ความยาว 4.487 กม. โครงการส่งน้ำและบำรุงรักษามหาราช ตำบลพุทเลา อำเภอบางปะหัน จังหวัดพระนครศรีอยุธยา"
ROAD_NAMED = ("ปรับปรุงถนนลาดยางแอสฟัลติกคอนกรีตทางหลวงท้องถิ่น สายวัดชุมแสง - วิทยาลัยการอาชีพ (ชบ.ถ.1-0514) ผิวจราจร "
              "กว้าง 7.00 เมตร หนา 0.05 เมตร ยาว 3,956.00 เมตร")
WEIR_UPPER = "ฝายห้วยแซงตอนบน พื้นที่รับประโยชน์ 350 ไร่ ตำบลกองโพน อำเภอนาตาล จังหวัดอุบลราชธานี"
LIGHT = "ติดตั้งระบบไฟฟ้าส่องสว่าง ตำบลหล่มสัก อำเภอหล่มสัก จังหวัดเพชรบูรณ์ 1 แห่ง"
LIGHT_TOURISM = "ติดตั้งไฟฟ้าส่องสว่างแหล่งท่องเที่ยวท่าเทียบเรือบ้านตะเสะ ตำบลตะเสะ อำเภอหาดสำราญ จังหวัดตรัง 1 สายทาง"
WATER_PIPE = ("วางท่อประปาบริเวณ ถนนสาย 314 หมู่ที่ 3 ตำบลลาดขวาง ถึงตำบลแสนภูดาษ อำเภอบ้านโพธิ์ จังหวัดฉะเชิงเทรา "
              "ระยะทาง 4.186 กิโลเมตร 1 แห่ง")
DREDGE = "ขุดลอกอ่างเก็บน้ำหนองช้างใหญ่ ตำบลยางกระโพหลุ่ม อำเภอม่วงสามสิบ จังหวัดอุบลราชธานี"
TRAINING = "พัฒนาเครือข่ายศูนย์วิจัยและฝึกอบรมด้านสิ่งแวดล้อม ตำบลคลองห้า อำเภอคลองหลวง จังหวัดปทุมธานี งาน"
TOURISM = "ก่อสร้างศูนย์บริการนักท่องเที่ยวเชียงคาน ตำบลเชียงคาน อำเภอเชียงคาน จังหวัดเลย 1 แห่ง"
WASTE = "รถบรรทุกขยะ ขนาด 6 ตัน 6 ล้อ แบบอัดท้าย ตำบลท่าชัย อำเภอศรีสัชนาลัย จังหวัดสุโขทัย 1 คัน"
EMBANK = "คันกั้นน้ำแม่พุงฝั่งขวา ระยะที่ 2 พื้นที่รับประโยชน์ 1,000 ไร่ โครงการชลประทานเชียงราย ตำบลป่าแงะ อำเภอป่าแดด จังหวัดเชียงราย"
PUMP = "สถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำ พื้นที่ชลประทาน 2,337 ไร่ บ้านแจ่มอารมณ์ ตำบลดงครั้งใหญ่ อำเภอเกษตรวิสัย จังหวัดร้อยเอ็ด"
BUILDING = "ปรับปรุงอาคารหอพัก วิทยาเขตตรัง ตำบลทุ่งกระบือ อำเภอย่านตาขาว จังหวัดตรัง 1 แห่ง"
HEALTH = "ปรับปรุงอาคาร รพ.สต.บ้านหนองตะไก้ หมู่ที่ 7"  # rพ.สต. is not in the FY2565 file; written as local plans do
CCTV = ("โครงการยกระดับมาตรฐานและเพิ่มขีดความสามารถในการป้องกัน ปราบปรามอาชญากรรม ด้วยระบบกล้องโทรทัศน์วงจรปิด (CCTV) "
        "ตำบลเมืองพัทยา อำเภอบางละมุง จังหวัดชลบุรี")  # a shortened real title (the file's is 300 characters)
WATER_GATE = "ประตูระบายน้ำร่องแมดพร้อมระบบส่งน้ำบ้านสันหลวง พื้นที่รับประโยชน์ 1,200 ไร่ โครงการชลประทานพะเยา ตำบลทุ่งรวงทอง อำเภอจุน จังหวัดพะเยา"


def test_unicode_nfc_decomposed_sara_am_and_zero_width():
    # ถนน คสล. … ตำบลคลองสอง written with ํ + า (decomposed sara am) and a zero-width space, as some keyboards do
    typed = ROAD_KSL.replace("ตำบล", "ต\u0e4d\u0e32บล").replace("ถนน", "ถนน\u200b", 1)
    assert normalize(typed) == normalize(ROAD_KSL)
    assert "\u200b" not in normalize(typed) and "\u0e4d" not in normalize(typed)


def test_stray_spaces_collapse():
    assert normalize("  ติดตั้งระบบไฟฟ้าส่องสว่าง   ตำบลหล่มสัก\u00a0อำเภอหล่มสัก ") == \
        "ติดตั้งระบบไฟฟ้าส่องสว่าง ตำบลหล่มสัก อำเภอหล่มสัก"


def test_thai_digits():
    assert "5 ส่ง 100 ไร่" in normalize(WEIR_THAI_DIGIT)


def test_thousands_comma():
    assert "250000 ลูกบาศก์เมตร" in normalize(KAEMLING_MU)


def test_abbreviation_kor_sor_lor():
    assert normalize(ROAD_KSL).startswith("ก่อสร้างถนน คอนกรีตเสริมเหล็ก พร้อมวางท่อระบายน้ำ คอนกรีตเสริมเหล็ก")
    assert "สะพาน คอนกรีตเสริมเหล็ก ข้ามคลอง" in normalize(BRIDGE_KSL)


def test_abbreviation_tor_kor_sor_lor_is_road():
    # ถ.คสล. (written by local offices) for the real "ก่อสร้างถนน คสล. …"
    local = ROAD_KSL.replace("ก่อสร้างถนน คสล.", "ก่อสร้าง ถ.คสล.")
    assert features(local).key == features(ROAD_KSL).key
    assert features(local).work_type == "road"


def test_abbreviation_village_mor_and_mu():
    assert features(KAEMLING_MU).villages == {6}
    assert features(ROAD_KSL).villages == {14, 15}
    assert features(ROAD_KSL.replace("หมู่ที่ 14 - หมู่ที่ 15", "ม.14 - ม.15")).villages == {14, 15}


def test_abbreviation_tambon_amphoe_changwat():
    assert "อำเภอปราณบุรี ตำบลปราณบุรี" in normalize(BANK_AMPHOE)
    assert "ตำบลหนองพลวง ระยะทาง" in normalize(DRAIN_TAMBON)
    assert "จังหวัดพิษณุโลก ตำบลบ้านยาง" in normalize(DRAIN_CHANGWAT)
    # the address is not part of the name compared
    assert "ปราณบุรี" not in features(BANK_AMPHOE).key


def test_abbreviation_kilometre_and_cubic_metre():
    assert features(ROAD_REPAIR).specs["length"] == pytest.approx(4487.0)
    assert features(KAEMLING_VOL).specs["volume"] == pytest.approx(220_000.0)


def test_prefix_project_stripped():
    f = features(NONG_PROJECT)
    assert f.key.startswith("พัฒนาหนองเล็งทราย")


def test_prefix_construct_stripped_and_action_new():
    f = features(BANK_NEW)
    assert f.key.startswith("เขื่อนป้องกันตลิ่งริมแม่น้ำลาว")
    assert f.action == "new"


def test_prefix_hire_and_doubled_verbs():
    # "จ้างเหมา" and a doubled "ก่อสร้าง" added to the real BANK_NEW title
    assert features("จ้างเหมาโครงการก่อสร้างก่อสร้าง" + BANK_NEW.removeprefix("ก่อสร้าง")).key == features(BANK_NEW).key


def test_specification_separated_and_parsed():
    f = features(ROAD_NAMED)
    assert f.specs["width"] == pytest.approx(7.0)
    assert f.specs["thickness"] == pytest.approx(0.05)
    assert f.specs["length"] == pytest.approx(3956.0)
    assert "กว้าง" not in f.name and "เมตร" not in f.name
    assert features(FOOTPATH).specs["length"] == pytest.approx(834.0)
    assert features(BANK_NEW).specs == {"length": 200.0, "count": 1.0}


@pytest.mark.parametrize(("title", "code"), [
    (ROAD_KSL, "road"), (DRAIN_TAMBON, "drainage"), (DREDGE, "dredging"), (WEIR_THAI_DIGIT, "weir"),
    (WATER_PIPE, "water_supply"), (BANK_NEW, "embankment"), (EMBANK, "embankment"), (BRIDGE_KSL, "bridge"),
    (LIGHT, "lighting"), (LIGHT_TOURISM, "lighting"), (BUILDING, "building"), (HEALTH, "health"),
    (TRAINING, "training"), (TOURISM, "tourism"), (WASTE, "vehicle"), (CCTV, "cctv"), (PUMP, "pumping"),
    (KAEMLING_VOL, "reservoir"), (WATER_GATE, "water_gate"), (CANAL_SEGMENT, "irrigation"),
])
def test_work_type(title, code):
    assert features(title).work_type == code


def test_work_types_second_keyword_recorded():
    f = features(ROAD_KSL)
    assert f.work_type == "road" and f.work_types == {"road", "drainage"}
    assert "waste" in features(WASTE).work_types


def test_work_type_table_labels():
    assert len({w.code for w in WORK_TYPES}) == len(WORK_TYPES)
    assert work_type_label("road") == "ถนน" and work_type_label("road", "en") == "road"


def test_named_places():
    assert features(BANK_PHASE).places >= {("water", "คลองท่าแซะ"), ("village", "บ้านเขาแก้ว")}
    assert ("village", "บ้านสบห้วย") in features(BANK_NEW).places
    assert ("water", "หนองเล็งทราย") in features(NONG_PROJECT).places
    assert ("water", "ห้วยแซงตอนบน") in features(WEIR_UPPER).places


def test_road_and_soi_names():
    assert ("road", "วัดชุมแสง-วิทยาลัยการอาชีพ") in features(ROAD_NAMED).places
    local = "ก่อสร้างถนน คสล. ซ.เทศบาล 5 ม.2"  # ซ. as local plans write a soi
    assert ("soi", "เทศบาล 5") in features(local).places  # a soi is its own kind of place (not a route)
    assert features("ดาดคอนกรีตคลองซอย 5L").places == frozenset()  # คลองซอย is a canal, not a soi


def test_phase_markers():
    assert features(BANK_PHASE).phase == 2
    assert features(EMBANK).phase == 2
    assert features(CANAL_SEGMENT).phase == 4
    assert features(NONG_PROJECT).phase == 4


def test_kilometre_segment():
    assert features(CANAL_KM).segment == (0.0, 3950.0)
    assert features(CANAL_SEGMENT).segment == (3000.0, 8300.0)


def test_named_segment_ends():
    f = features("ก่อสร้างถนน คสล. สายบ้านนา-บ้านโคก ช่วงบ้านนา ถึงบ้านดอน ม.3")
    assert f.segment_ends == {"บ้านนา", "บ้านดอน"}


def test_maintenance_versus_new():
    assert features(ROAD_REPAIR).action == "repair"
    assert features(CANAL_KM).action == "repair"
    assert features(BANK_NEW).action == "new"
    assert features(WEIR_UPPER).action == "new"  # a physical work named without a verb is built new


def test_year_in_title_and_multi_year():
    f = features("ฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน ประจำปีงบประมาณ 2567")
    assert f.title_year == 2567 and "2567" not in f.key
    g = features(BANK_NEW + " (งบประมาณผูกพันข้ามปี พ.ศ. 2567-2569)")
    assert g.multi_year and g.key == features(BANK_NEW).key


def test_synonyms_cctv_and_solar():
    a = features("ติดตั้งกล้องวงจรปิด CCTV บ้านนาทอน ม.11")
    b = features("ติดตั้งกล้องโทรทัศน์วงจรปิด ภายในหมู่บ้าน บ้านนาทอน หมู่ที่ 11")
    assert a.key == b.key


# ------------------------------------------------------------------ speed paths give the same features

_SAME_TITLES = [
    "โครงการก่อสร้างถนน ค.ส.ล. สายบ้านนา ม.3 กว้าง 4 ม. ยาว 200 ม. หนา 0.15 ม. ต.หนองบัว อ.เมือง จ.ขอนแก่น",
    "ก่อสร้างถนนคอนกรีต ระยะทาง 1,200 ม. ระยะที่ 2 หมู่ที่ 3, 5 และ 7 ตำบลนาดี 1 แห่ง",
    "ปรับปรุงอาคาร รพ.สต.บ้านโคกกลาง ประจำปีงบประมาณ พ.ศ. 2567 (งบผูกพัน)",
    "ค่าควบคุมงาน ก่อสร้างสะพาน ถ. ลาดยาง กม. 0+000 - 3+950 ช่วงบ้านนาแค ถึงบ้านหัวนา",
    "ขุดลอกคลองส่งน้ำ ปริมาตรดินขุด 12,000 ลบ.ม. พื้นที่ 3 ไร่ ซ.5 บ.ดงเย็น ๑ แห่ง",
]


def test_features_many_same_as_features_serial_and_pooled():
    from areaplan.analyses import thai_titles as tt

    titles = _SAME_TITLES * 3 + ["", None, "ฝึกอบรมส่งเสริมอาชีพ"]
    expected = [features(t) for t in titles]
    assert tt.features_many(titles) == expected
    assert [f.specs for f in tt.features_many(titles)] == [f.specs for f in expected]
    runs = [titles[:7], titles[7:12], titles[12:]]
    # the worker path itself, on a few titles: one spawned worker and this process share the runs
    pooled = [f for part in tt._pool(tt._features_chunk, tt._features_chunk_worker, runs, 1, None, None)  # noqa: SLF001
              for f in part]
    assert pooled == expected and [f.specs for f in pooled] == [f.specs for f in expected]


def test_feature_columns_match_features_serial_and_pooled(monkeypatch):
    import numpy as np

    from areaplan.analyses import thai_titles as tt

    titles = _SAME_TITLES * 3 + ["", None, "ฝึกอบรมส่งเสริมอาชีพ", "ก่อสร้างถนน กม. 1+000 - 2+500 ช่วงบ้านนา ถึงบ้านดอน"]
    expected = [features(t) for t in titles]
    serial = tt.feature_columns(titles)
    monkeypatch.setattr(tt, "POOL_MIN_TITLES", 1)
    monkeypatch.setattr(tt, "CHUNK_TITLES", 4)
    pooled = tt.feature_columns(titles, processes=2)
    for cols in (serial, pooled):
        assert [cols.keys[i] for i in cols.name_id] == [f.key for f in expected]
        assert [cols.places[i] for i in cols.name_id] == [f.places for f in expected]
        assert [tt.WORK_TYPES[w].code if w >= 0 else None for w in cols.work_type] == [f.work_type for f in expected]
        assert cols.phase.tolist() == [f.phase or 0 for f in expected]
        assert cols.villages.tolist() == [sum(1 << v for v in f.villages) for f in expected]
        for c, k in enumerate(tt.SPEC_COLUMNS):
            assert [None if np.isnan(x) else x for x in cols.specs[:, c]] == [f.specs.get(k) for f in expected]
        seg = [None if np.isnan(a) else (a, b) for a, b in cols.segment.tolist()]
        assert seg == [f.segment for f in expected]


def test_normalize_prefilters_do_not_change_expansions():
    # each abbreviation pass is skipped only when its literal is missing: these all still expand
    t = normalize("คสล. ค . ส . ล . ถ.ลาดยาง รพ.สต. ปตร. 5 ลบ.ม. 3 ตร.ม. กม.2 10 ซม. 4 ม. ม.3 ต.นา อ.เมือง จ.ตาก บ.ดง ซ.2")
    for word in ("คอนกรีตเสริมเหล็ก", "ถนน", "โรงพยาบาลส่งเสริมสุขภาพตำบล", "ประตูระบายน้ำ", "ลูกบาศก์เมตร",
                 "ตารางเมตร", "กิโลเมตร", "เซนติเมตร", "4 เมตร", "หมู่ที่ 3", "ตำบลนา", "อำเภอเมือง", "จังหวัดตาก",
                 "บ้านดง", "ซอย2"):
        assert word in t, word


def test_fast_regex_shapes_match_the_written_patterns():
    # the compiled patterns are reshaped for speed (a literal or a lookahead first, keywords as a trie):
    # on edge cases (lookbehinds at the start, after Thai letters, dots, digits) they cut exactly as written
    import re

    from areaplan.analyses import thai_titles as tt

    samples = ["ถ.ลาดยาง", "กถ.ลาดยาง", ".ต.นา", "ต.นา", "xอ.เมือง", " จ.ตาก", "บ.ดง", "1บ.ดง", "ซ.2", "ม.3", "หมู่3",
               "นม.3", "5ม.", "5 ม ", "5ม", "กม.2", "2กม.", "2 กม", "10ซม.", "ยาว 5 ม.", "คลองสายใหม่", "สายบ้านนา",
               "หมู่บ้านนา", "บ้านนา", "คลองซอยนา", "ซอยนา", " - ถนน - ", "-ถนน-", "ถนน -", "ระยะทางรวม 5 กม.",
               "ความยาว 3 เมตร หรือมี พื้นที่ 20 ตารางเมตร", "ขนาดเส้นผ่าศูนย์กลาง 2 นิ้ว", "(ระยะที่ 2)", " phase 3",
               "จำนวน 2 แห่ง", "0+000 - 3+950", "และ ตำบลนา, อำเภอเมือง", ", หมู่ที่ 3, 4 และ 5",
               "ระบบตรวจวัดในสภาพจริง", "เครื่องวัดระดับน้ำ", "หน้าวัดปทุมทอง", "รพ.สต.ตำบลนา อำเภอเมือง", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา ตำบลนา", "องค์การบริหารส่วนตำบลนา",
               "หมู่ที่ 3-5 ตำบล นา", "หมู่ที่ 12ถึง หมู่ที่ 4", "หมู่ที่ 123", "จังหวัดสงขลา ตำบล",
               "เสียงตามสายแบบไร้สาย สายบ้านนา", "บ่อพักทุกระยะ 20 เมตร"]
    for (p, _), (rx, *_rest) in zip(tt.ABBREVIATIONS, tt._ABBREV_RE):  # noqa: SLF001
        for s in samples:
            assert rx.sub("|", s) == re.sub(p, "|", s), (p, s)
    for kind, kw, rx in tt._PLACE_RE:  # noqa: SLF001
        lb = {"สาย": r"(?<!คลอง)(?<!ไร้)(?<!ตาม)", "ซอย": r"(?<!คลอง)", "บ้าน": r"(?<!หมู่)",
              "วัด": r"(?<!ตรวจ)(?<!เครื่อง)(?<!จังห)"}.get(kw, "")
        fast_lb = tt._PLACE_LOOKBEHIND.get(kw, "")  # noqa: SLF001
        written = re.compile(lb + re.escape(kw) + rx.pattern[len(re.escape(kw)) + len(fast_lb):])
        for s in samples:
            assert [m.span(1) for m in rx.finditer(s)] == [m.span(1) for m in written.finditer(s)], (kw, s)
    for s in samples:
        assert tt._TRIM_RE.sub(" ", s) == re.sub(r"(?:\s*-\s*)+$|^\s*-\s*|\s-\s", " ", s), s  # noqa: SLF001
        written = "(?:" + "|".join(re.escape(k) for k, _ in tt._SPEC_KEYS) + r")\s*(?:ไม่น้อยกว่า|ไม่เกิน|ประมาณ|รวม|ละ)?\s*\d"
        assert bool(tt._SPEC_PRE.search(s)) == bool(re.search(written, s)), s  # noqa: SLF001
        plain = s.replace(",", " ").replace("และ", " ")
        assert ([m.span() for m in tt._VILLAGE_PLAIN_RE.finditer(plain)]  # noqa: SLF001
                == [m.span() for m in tt._VILLAGE_RE.finditer(plain)]), s  # noqa: SLF001
        assert tt._ADMIN_PLAIN_RE.sub("|", plain) == tt._ADMIN_RE.sub("|", plain), s  # noqa: SLF001


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_feature_columns_same_with_each_way_of_starting_workers(monkeypatch, method):
    import multiprocessing

    from areaplan.analyses import thai_titles as tt

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} start method not available on this platform")
    titles = _SAME_TITLES * 3 + ["รณรงค์ป้องกันโรคไข้เลือดออก ตำบลบาตง", "ขอลงหินคลุกถนนเส้นนาหว้าไปโนนทอง"]
    serial = tt.feature_columns(titles)
    monkeypatch.setattr(tt, "POOL_MIN_TITLES", 1)
    monkeypatch.setattr(tt, "CHUNK_TITLES", 3)
    monkeypatch.setattr(tt, "start_context", lambda: multiprocessing.get_context(method))
    pooled = tt.feature_columns(titles, processes=2)
    assert [pooled.keys[i] for i in pooled.name_id] == [serial.keys[i] for i in serial.name_id]
    assert pooled.recurring.tolist() == serial.recurring.tolist() == [features(t).recurring for t in titles]
    assert pooled.villages.tolist() == serial.villages.tolist()
    assert pooled.action.tolist() == serial.action.tolist()


def test_asphalt_prefilter_keeps_every_rewrite():
    # ลาดยาง alone is left as it is; an asphalt word or (AC) after it is still rewritten
    assert normalize("ถนนลาดยาง สายบ้านนา") == "ถนนลาดยาง สายบ้านนา"
    assert normalize("ก่อสร้างถนนลาดยาง (AC) สายบ้านนา") == "ก่อสร้างถนนลาดยาง สายบ้านนา"
    assert normalize("ก่อสร้างถนน Asphaltic Concrete สายบ้านนา") == "ก่อสร้างถนนลาดยาง สายบ้านนา"
    assert normalize("ถนน ASPHALT สายบ้านนา") == "ถนนลาดยางสายบ้านนา"  # (the pass takes the space after it)


def test_spec_scan_from_the_first_keyword_finds_every_size():
    f = features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนา หมู่ที่ 3 ตำบลนา อำเภอเมือง หรือมีพื้นที่ไม่น้อยกว่า 800 ตารางเมตร "
                 "ผิวจราจรกว้าง 4 เมตร ยาว 200 เมตร")
    assert f.specs["area"] == 800.0 and f.specs["width"] == 4.0 and f.specs["length"] == 200.0
    assert "พื้นที่" not in f.key and "หรือมี" not in f.name
