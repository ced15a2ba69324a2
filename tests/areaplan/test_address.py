"""Written Thai addresses -> DOPA tambon codes: codes, name columns, free text, titles."""

from __future__ import annotations

import time

import geothai
import numpy as np
import pandas as pd
import pytest

from areaplan.errors import ImportFormatError
from areaplan.locate.address import AddressMatch, AddressResolver, parse_address

# Songkhla, checked against geothai below
KHO_HONG = "901104"  # ตำบลคอหงส์ อำเภอหาดใหญ่
KHLONG_HAE = "901105"  # ตำบลคลองแห อำเภอหาดใหญ่
HAT_YAI = "9011"
MUEANG_SONGKHLA = "9001"
SONGKHLA = "90"


@pytest.fixture(scope="module")
def resolver() -> AddressResolver:
    return AddressResolver()


def test_reference_codes_are_what_geothai_says():
    assert geothai.subdistrict(KHO_HONG).name_th == "คอหงส์"
    assert geothai.subdistrict(KHLONG_HAE).name_th == "คลองแห"
    assert geothai.district(HAT_YAI).name_th == "หาดใหญ่"
    assert geothai.district(MUEANG_SONGKHLA).name_th == "เมืองสงขลา"
    assert [a.subdistrict.code for a in geothai.match("คอหงส์", district="หาดใหญ่", province="สงขลา")] == [KHO_HONG]


# -- free text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",
        "ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา",
        "ต. คอหงส์ อ. หาดใหญ่ จ. สงขลา",
        "ตำบล คอหงส์ อำเภอ หาดใหญ่ จังหวัด สงขลา",
        "ตำบลคอหงส์อำเภอหาดใหญ่จังหวัดสงขลา",  # no space between the parts
        "ต.คอหงส์อ.หาดใหญ่จ.สงขลา",
        "ตําบลคอหงส์ อําเภอหาดใหญ่ จังหวัดสงขลา",  # decomposed sara am (PDF text)
        "ตำบลคอ\u200bหงส์ อำเภอหาด\u200bใหญ่",  # zero-width spaces
        "ก่อสร้างถนน ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา 1 สาย",  # other words around
    ],
)
def test_text_forms_resolve_to_kho_hong(resolver, text):
    m = resolver.resolve(location_text=text)
    assert (m.tambon_code, m.amphoe_code, m.changwat_code) == (KHO_HONG, HAT_YAI, SONGKHLA)
    assert m.precision == "tambon" and m.method == "location_text"
    assert m.note_th == "" and m.note_en == ""


def test_location_text_with_village(resolver):
    m = resolver.resolve(location_text="ม.3 ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา")
    assert m == AddressMatch(KHO_HONG, HAT_YAI, SONGKHLA, 3, "tambon", "location_text")


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("หมู่ที่ 3 ตำบลคอหงส์ อำเภอหาดใหญ่", 3),
        ("หมู่ ๓ ต.คอหงส์ อ.หาดใหญ่", 3),
        ("ม.๑๒ ต.คอหงส์ อ.หาดใหญ่", 12),
        ("หมู่บ้านคลองแห หมู่ที่ ๕ ตำบลคลองแห อำเภอหาดใหญ่", 5),
        ("ปริมาตร 3 ลบ.ม. ตำบลคลองแห อำเภอหาดใหญ่", None),  # "ลบ.ม. " is not a village
    ],
)
def test_village_number_from_text(resolver, text, village):
    m = resolver.resolve(location_text=text)
    assert m.tambon_code in (KHO_HONG, KHLONG_HAE) and m.village_no == village


def test_village_no_value_wins_over_text(resolver):
    m = resolver.resolve(location_text="ม.3 ต.คอหงส์ อ.หาดใหญ่", village_no="หมู่ที่ ๗")
    assert m.village_no == 7
    assert resolver.resolve(location_text="ต.คอหงส์ อ.หาดใหญ่", village_no=4.0).village_no == 4


def test_unreadable_village_no_is_noted_and_text_used(resolver):
    m = resolver.resolve(location_text="ม.3 ต.คอหงส์ อ.หาดใหญ่", village_no="สาม")
    assert m.tambon_code == KHO_HONG and m.village_no == 3
    assert "อ่านหมู่ที่ไม่ได้" in m.note_th and "village number not read" in m.note_en


def test_names_followed_by_other_words(resolver):
    m = resolver.resolve(
        title="รถโดยสาร ขนาด 12 ที่นั่ง ตำบลเวียง อำเภอเมืองเชียงราย จังหวัดเชียงราย 1 คัน"
    )
    assert m.tambon_code == "570101" and m.precision == "tambon" and m.method == "title"
    m = resolver.resolve(title="รถบรรทุก ตำบลบ้านต๋อม อำเภอเมืองพะเยา จังหวัดพะเยา 1 คัน")
    assert m.tambon_code == "560107"
    m = resolver.resolve(title="รถบรรทุก สำนักงานจังหวัดพะเยา 1 คัน")
    assert (m.tambon_code, m.amphoe_code, m.changwat_code, m.precision) == (None, None, "56", "changwat")


def test_weak_prefixes_do_not_invent_places(resolver):
    # แขวงทางหลวงชนบท (rural-road office) and เขตพื้นที่ are not Bangkok แขวง/เขต
    m = resolver.resolve(title="แขวงทางหลวงชนบทสงขลา เขตพื้นที่การศึกษา ตำบลคอหงส์ อำเภอหาดใหญ่")
    assert m.tambon_code == KHO_HONG and m.note_th == ""


def test_amphoe_name_ending_in_khet(resolver):
    m = resolver.resolve(location_text="ตำบลลาดกระทิง อำเภอสนามชัยเขต จังหวัดฉะเชิงเทรา")
    assert m.tambon_code == "240805" and m.amphoe_code == "2408"


@pytest.mark.parametrize(
    "text",
    ["อ.เมือง จ.สงขลา", "อำเภอเมือง จังหวัดสงขลา", "อำเภอเมืองสงขลา", "อำเภอเมืองจังหวัดสงขลา"],
)
def test_capital_district(resolver, text):
    m = resolver.resolve(location_text=text)
    assert (m.tambon_code, m.amphoe_code, m.changwat_code) == (None, MUEANG_SONGKHLA, SONGKHLA)
    assert m.precision == "amphoe"


def test_capital_district_with_tambon(resolver):
    m = resolver.resolve(location_text="ต.บ่อยาง อ.เมือง จ.สงขลา")
    assert m.tambon_code == "900101" and m.precision == "tambon"


def test_capital_district_without_changwat_is_not_guessed(resolver):
    m = resolver.resolve(location_text="อ.เมือง")
    assert m.precision == "unlocated" and m.amphoe_code is None
    assert "ไม่ระบุจังหวัด" in m.note_th and "without a changwat" in m.note_en


def test_bangkok_khwaeng_and_khet(resolver):
    m = resolver.resolve(location_text="แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร")
    assert (m.tambon_code, m.amphoe_code, m.changwat_code) == ("100704", "1007", "10")
    m = resolver.resolve(location_text="แขวงลุมพินีเขตปทุมวัน กทม.")
    assert m.tambon_code == "100704"
    # บางจาก is a แขวง of two เขต: the เขต decides
    assert resolver.resolve(location_text="แขวงบางจาก เขตภาษีเจริญ กรุงเทพฯ").tambon_code == "102206"
    m = resolver.resolve(location_text="แขวงบางจาก กรุงเทพมหานคร")
    assert m.tambon_code is None and m.changwat_code == "10" and m.precision == "changwat"
    assert "ซ้ำกัน 2 แห่ง" in m.note_th


def test_ambiguous_tambon_without_amphoe(resolver):
    # สะกอม is a tambon of both จะนะ (900304) and เทพา (900507), Songkhla
    m = resolver.resolve(location_text="ตำบลสะกอม จังหวัดสงขลา")
    assert m.tambon_code is None and m.amphoe_code is None
    assert m.changwat_code == SONGKHLA and m.precision == "changwat"
    assert "'สะกอม' ซ้ำกัน 2 แห่ง" in m.note_th and "none guessed" in m.note_en
    assert "900304" in m.note_en and "900507" in m.note_en
    m = resolver.resolve(location_text="ตำบลสะกอม อำเภอเทพา จังหวัดสงขลา")
    assert m.tambon_code == "900507" and m.note_th == ""


def test_ambiguous_across_changwat_is_unlocated(resolver):
    m = resolver.resolve(location_text="ตำบลวังทอง")
    assert m.precision == "unlocated" and m.tambon_code is None and m.changwat_code is None
    assert "ซ้ำกัน 9 แห่ง" in m.note_th
    assert resolver.resolve(location_text="ต.วังทอง จ.พิษณุโลก").tambon_code == "650801"


@pytest.mark.parametrize(
    ("text", "code", "written", "official"),
    [
        ("ตำบลทาวังทอง อำเภอเมืองพะเยา จังหวัดพะเยา", "560113", "ทาวังทอง", "ท่าวังทอง"),  # tone mark lost
        ("ต.คอหงส อ.หาดใหญ่ จ.สงขลา", KHO_HONG, "คอหงส", "คอหงส์"),  # thanthakhat lost
        ("ตำบลกึดช้าง อำเภอแม่แตง จังหวัดเชียงใหม่", "500612", "กึดช้าง", "กื้ดช้าง"),
        ("ตำบลในเมืองหนองคาย อำเภอเมืองหนองคาย จังหวัดหนองคาย", "430101", "ในเมืองหนองคาย", "ในเมือง"),
    ],
)
def test_typo_corrected_inside_amphoe_with_note(resolver, text, code, written, official):
    m = resolver.resolve(location_text=text)
    assert m.tambon_code == code and m.precision == "tambon"
    assert m.note_th == f"แก้ชื่อตำบล '{written}' เป็น '{official}'"
    assert m.note_en == f"corrected tambon name '{written}' to '{official}'"


def test_typo_corrected_inside_changwat_when_amphoe_unknown(resolver):
    m = resolver.resolve(location_text="ตำบลท่าวังทองง จังหวัดพะเยา")
    assert m.tambon_code == "560113"
    assert "แก้ชื่อตำบล 'ท่าวังทองง' เป็น 'ท่าวังทอง'" in m.note_th


def test_typo_in_changwat_name_corrected(resolver):
    m = resolver.resolve(location_text="ตำบลสงเปลือย อำเภอนามน จังหวัดกาฬฟ์สินธุ์")
    assert m.tambon_code == "460203"
    assert "แก้ชื่อจังหวัด 'กาฬฟ์สินธุ์' เป็น 'กาฬสินธุ์'" in m.note_th


def test_distant_name_is_not_corrected(resolver):
    # ตะพง is in Rayong, not in หาดใหญ่: keep the amphoe, do not guess a tambon
    m = resolver.resolve(location_text="ตำบลตะพง อำเภอหาดใหญ่ จังหวัดสงขลา")
    assert m.tambon_code is None and m.amphoe_code == HAT_YAI and m.precision == "amphoe"
    assert "ไม่พบตำบล 'ตะพง'" in m.note_th and "not found" in m.note_en


def test_unknown_place_is_unlocated(resolver):
    m = resolver.resolve(location_text="ตำบลไม่มีจริง อำเภอไม่มีจริง จังหวัดไม่มีจริง")
    assert m.precision == "unlocated" and m.method == ""
    assert (m.tambon_code, m.amphoe_code, m.changwat_code) == (None, None, None)
    assert "ไม่พบตำบล" in m.note_th
    assert "ไม่พบจังหวัด 'ไม่มีจริง'" in m.note_th and "changwat 'ไม่มีจริง' not found" in m.note_en
    m = resolver.resolve(title="จัดซื้อครุภัณฑ์สำนักงาน 5 รายการ")
    assert m.precision == "unlocated" and "ไม่พบชื่อ" in m.note_th and "no tambon" in m.note_en
    m = resolver.resolve()
    assert m == AddressMatch(None, None, None, None, "unlocated", "")


def test_several_tambons_use_the_first_with_a_note(resolver):
    m = resolver.resolve(location_text="ตำบลคอหงส์ และตำบลคลองแห อำเภอหาดใหญ่ จังหวัดสงขลา")
    assert m.tambon_code == KHO_HONG
    assert m.note_th == "ข้อความระบุ 2 ตำบล ใช้ตำบลแรก 'คอหงส์'"
    assert m.note_en == "the location text names 2 tambons; used the first, 'คอหงส์'"
    m = resolver.resolve(
        title="ถนน หมู่ที่ 11 หมู่ที่ 15 ตำบลนาเริก และหมู่ที่ 10 ตำบลหมอนนาง อำเภอพนัสนิคม จังหวัดชลบุรี 1 สาย"
    )
    assert m.tambon_code == "200605" and m.village_no == 11
    assert "ชื่อโครงการระบุ 2 ตำบล" in m.note_th and "2 villages" in m.note_en


def test_each_tambon_takes_the_amphoe_written_after_it(resolver):
    m = resolver.resolve(
        title="ถนนสาย ตำบลไทรโยค อำเภอไทรโยค, ตำบลลิ่นถิ่น อำเภอทองผาภูมิ จังหวัดกาญจนบุรี"
    )
    assert m.tambon_code[:4] == geothai.match("ไทรโยค", district="ไทรโยค")[0].district.code
    # a changwat inside an agency name before the address does not mislead
    m = resolver.resolve(
        title="ศูนย์พัฒนาสตรี จังหวัดสงขลา ตำบลบ้านต๋อม อำเภอเมืองพะเยา จังหวัดพะเยา"
    )
    assert m.tambon_code == "560107"


# -- columns and codes -------------------------------------------------------------------------


def test_name_columns(resolver):
    m = resolver.resolve(tambon="คอหงส์", amphoe="หาดใหญ่", changwat="สงขลา")
    assert m == AddressMatch(KHO_HONG, HAT_YAI, SONGKHLA, None, "tambon", "columns")
    assert resolver.resolve(tambon="ต.คอหงส์", amphoe="อ.หาดใหญ่", changwat="จ.สงขลา").tambon_code == KHO_HONG
    assert resolver.resolve(tambon="ตำบลบ่อยาง", amphoe="เมือง", changwat="สงขลา").tambon_code == "900101"
    assert resolver.resolve(tambon="Kho Hong", amphoe="Hat Yai", changwat="Songkhla").tambon_code == KHO_HONG


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tambon": KHO_HONG},
        {"tambon": "๙๐๑๑๐๔"},
        {"tambon": "TH901104"},
        {"tambon": 901104},
        {"tambon": 901104.0},
        {"tambon": KHO_HONG, "amphoe": "๙๐๑๑", "changwat": 90},
        {"tambon": KHO_HONG, "title": "ตำบลคลองแห อำเภอหาดใหญ่"},  # the code wins over the title
    ],
)
def test_codes_in_columns(resolver, kwargs):
    m = resolver.resolve(**kwargs)
    assert (m.tambon_code, m.amphoe_code, m.changwat_code) == (KHO_HONG, HAT_YAI, SONGKHLA)
    assert m.precision == "tambon" and m.method == "code" and m.note_th == ""


def test_muban_code_gives_tambon_and_village(resolver):
    m = resolver.resolve(tambon="90110403")
    assert m.tambon_code == KHO_HONG and m.village_no == 3


def test_amphoe_code_is_a_scope_for_names(resolver):
    m = resolver.resolve(tambon="สะกอม", amphoe="9005")
    assert m.tambon_code == "900507" and m.method == "columns"
    m = resolver.resolve(amphoe="TH9011")
    assert (m.amphoe_code, m.changwat_code, m.precision, m.method) == (HAT_YAI, SONGKHLA, "amphoe", "code")


def test_unknown_code_is_noted_and_names_used(resolver):
    m = resolver.resolve(tambon="999999", amphoe="หาดใหญ่", location_text="ต.คลองแห")
    assert m.tambon_code == KHLONG_HAE and m.method == "location_text"
    assert "ไม่พบรหัส 999999" in m.note_th and "999999" in m.note_en


def test_order_of_evidence(resolver):
    # name columns beat location_text, which beats the title
    m = resolver.resolve(tambon="คอหงส์", amphoe="หาดใหญ่", location_text="ต.คลองแห อ.หาดใหญ่")
    assert m.tambon_code == KHO_HONG and m.method == "columns"
    m = resolver.resolve(location_text="ต.คลองแห อ.หาดใหญ่", title="ตำบลคอหงส์ อำเภอหาดใหญ่")
    assert m.tambon_code == KHLONG_HAE and m.method == "location_text"
    # a partial answer is kept and narrows the next source
    m = resolver.resolve(changwat="สงขลา", location_text="ตำบลบ่อยาง")
    assert m.tambon_code == "900101" and m.method == "location_text"
    m = resolver.resolve(changwat="สงขลา", title="ครุภัณฑ์ 1 ชุด")
    assert (m.changwat_code, m.precision, m.method) == (SONGKHLA, "changwat", "columns")


# -- parse_address --------------------------------------------------------------------------------


def test_parse_address_parts_as_written():
    p = parse_address("หมู่ที่ ๕ ต.คอหงส์อ.หาดใหญ่ จ.สงขลา")
    assert (p.tambon, p.amphoe, p.changwat, p.village_no, p.tambon_count) == ("คอหงส์", "หาดใหญ่", "สงขลา", 5, 1)
    p = parse_address("ตำบลคอหงส์อำเภอหาดใหญ่จังหวัดสงขลา")
    assert (p.tambon, p.amphoe, p.changwat) == ("คอหงส์", "หาดใหญ่", "สงขลา")
    p = parse_address("ตำบลลาดขวาง - ตำบลสนามจันทร์ อำเภอบ้านโพธิ์ จังหวัดฉะเชิงเทรา")
    assert (p.tambon, p.amphoe, p.tambon_count) == ("ลาดขวาง", "บ้านโพธิ์", 2)
    p = parse_address("ไม่มีที่อยู่")
    assert (p.tambon, p.amphoe, p.changwat, p.village_no, p.tambon_count) == (None, None, None, None, 0)
    assert parse_address("อำเภอสนามชัยเขต จังหวัดฉะเชิงเทรา").amphoe == "สนามชัยเขต"


# -- gazetteer ---------------------------------------------------------------------------------


def _gazetteer(tambon_codes: dict[str, str]) -> pd.DataFrame:
    rows = [
        ("90", "สงขลา", "Songkhla", "changwat", None),
        ("9011", "หาดใหญ่", "Hat Yai", "amphoe", "90"),
        ("9001", "เมืองสงขลา", "Mueang Songkhla", "amphoe", "90"),
    ]
    rows += [(code, name, "", "tambon", code[:4]) for name, code in tambon_codes.items()]
    return pd.DataFrame(rows, columns=["code", "name_th", "name_en", "level", "parent_code"])


def test_gazetteer_codes_win_over_geothai():
    gaz = _gazetteer({"คอหงส์": "901199", "คลองแห": "901105", "บ่อยาง": "900101"})
    r = AddressResolver(gaz)
    m = r.resolve(location_text="ม.3 ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา")
    assert (m.tambon_code, m.amphoe_code, m.precision, m.village_no) == ("901199", HAT_YAI, "tambon", 3)
    assert r.resolve(tambon="คอหงส์", amphoe="หาดใหญ่").tambon_code == "901199"
    assert r.resolve(tambon="TH901199").tambon_code == "901199"
    assert r.resolve(location_text="ต.บ่อยาง อ.เมือง จ.สงขลา").tambon_code == "900101"


def test_gazetteer_falls_back_to_geothai_with_a_note():
    gaz = _gazetteer({"คลองแห": "901105"})  # no คอหงส์, no Chiang Rai at all
    r = AddressResolver(gaz)
    m = r.resolve(location_text="ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา")
    assert m.tambon_code == KHO_HONG and m.precision == "tambon"
    assert "ไม่มีในขอบเขตการปกครองของพื้นที่ทำงาน" in m.note_th and "not in the workspace" in m.note_en
    m = r.resolve(location_text="ตำบลเวียง อำเภอเมืองเชียงราย จังหวัดเชียงราย")
    assert m.tambon_code == "570101"


def test_gazetteer_tambon_matched_when_geothai_code_differs():
    # geothai's code for คอหงส์ (901104) is absent from the gazetteer: the gazetteer's own code is used
    gaz = _gazetteer({"คอหงส์": "901188"})
    r = AddressResolver(gaz)
    m = r.resolve(tambon=KHO_HONG)
    assert m.tambon_code == "901188" and m.method == "code"
    assert "รหัสตำบล 901104 ใช้รหัส 901188" in m.note_th and "901188 in the workspace" in m.note_en
    assert r.resolve(location_text="ตำบลคอหงส์ จังหวัดสงขลา").tambon_code == "901188"


def test_gazetteer_without_required_columns_is_refused():
    with pytest.raises(ImportFormatError, match=r"ต้องมีคอลัมน์ code, name_th, level ขาด level.*missing level"):
        AddressResolver(pd.DataFrame({"code": ["90"], "name_th": ["สงขลา"]}))


def test_gazetteer_accepts_cod_ab_codes():
    gaz = _gazetteer({"คอหงส์": "901104"})
    gaz["code"] = "TH" + gaz["code"]
    gaz["parent_code"] = gaz["parent_code"].map(lambda c: "TH" + c if isinstance(c, str) else None)
    r = AddressResolver(gaz)
    assert r.resolve(location_text="ต.คอหงส์ อ.หาดใหญ่").tambon_code == KHO_HONG


# -- frames and speed --------------------------------------------------------------------------------


def test_resolve_frame_keeps_index_and_columns(resolver):
    frame = pd.DataFrame(
        {
            "tambon": ["คอหงส์", None, np.nan, KHO_HONG],
            "amphoe": ["หาดใหญ่", None, None, None],
            "changwat": [None, None, None, None],
            "location_text": [None, "ม.5 ต.คลองแห อ.หาดใหญ่", None, None],
            "title": ["ถนน", "คลอง", "ไม่มีที่อยู่", None],
            "village_no": ["๓", None, None, 2],
        },
        index=[10, 11, 12, 13],
    )
    out = resolver.resolve_frame(frame)
    assert list(out.index) == [10, 11, 12, 13]
    assert list(out.columns) == [
        "tambon_code", "amphoe_code", "changwat_code", "village_no", "precision", "method", "note_th", "note_en",
    ]
    assert out["tambon_code"].tolist() == [KHO_HONG, KHLONG_HAE, None, KHO_HONG]
    assert out["village_no"].dtype == "Int64"
    assert out["village_no"].tolist() == [3, 5, pd.NA, 2]
    assert out["precision"].tolist() == ["tambon", "tambon", "unlocated", "tambon"]
    assert out["method"].tolist() == ["columns", "location_text", "", "code"]
    # frame with only some of the columns, and an empty frame
    only = resolver.resolve_frame(pd.DataFrame({"title": ["ต.คอหงส์ อ.หาดใหญ่"]}))
    assert only["tambon_code"].tolist() == [KHO_HONG]
    empty = resolver.resolve_frame(pd.DataFrame({"title": pd.Series([], dtype=object)}))
    assert len(empty) == 0 and "precision" in empty.columns


def test_resolve_frame_100k_rows_is_fast():
    places = [
        (s.name_th, d.name_th, p.name_th)
        for p in geothai.provinces()[:30]
        for d in geothai.districts(p.code)
        for s in geothai.subdistricts(d.code)[:3]
    ][:2_500]
    rng = np.random.default_rng(1)
    pick = rng.integers(0, len(places), 100_000)
    village = rng.integers(1, 5, 100_000)
    titles = [f"ก่อสร้างถนน หมู่ที่ {v} ตำบล{places[i][0]} อำเภอ{places[i][1]} จังหวัด{places[i][2]} 1 สาย"
              for i, v in zip(pick, village)]
    frame = pd.DataFrame({"title": titles, "village_no": [None] * 100_000})
    r = AddressResolver()
    t0 = time.perf_counter()
    out = r.resolve_frame(frame)
    elapsed = time.perf_counter() - t0
    assert out["tambon_code"].notna().mean() > 0.97
    assert (out["village_no"] == pd.Series(village)).mean() > 0.97
    assert elapsed < 3.0, f"100k rows took {elapsed:.2f} s"


# -- caches: a text's answer does not depend on what was resolved before it ------------------------

_SHARED_TAIL_TEXTS = [
    "ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",
    "ก่อสร้างถนน หมู่ที่ 3 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",
    "ขุดลอกคลอง หมู่ที่ 7 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",
    "ขุดลอกคลอง หมู่ที่ 7 หมู่ที่ 8 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",  # two villages: a note
    "ขุดลอกคลอง หมู่ที่ 7 ตำบลคอหงส์ หมู่ที่ 9 อำเภอหาดใหญ่ จังหวัดสงขลา",
    "ขุดลอกคลอง ตำบลคอหงส์ หมู่ที่ 9 อำเภอหาดใหญ่ จังหวัดสงขลา",  # the village after the tambon
    "ขุดลอกคลอง หมู่ที่ ๗ ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",  # Thai digits before the tail
    "ขุดลอกคลอง  หมู่ที่ 7 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",  # two spaces before the tail
    "ขุดลอกคลอง หมู่ที่ 7 ตำบลคอหงส์  อำเภอหาดใหญ่ จังหวัดสงขลา",  # two spaces in the tail
    "ขุดลอกคลอง หมู่ที่ 7 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา ",  # a space at the end
    " ขุดลอกคลอง หมู่ที่ 7 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",  # a space at the start
    "ขุดลอก\u200bคลอง หมู่ที่ 7 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา",  # zero-width space before the tail
    "ขุดลอกคลอง หมู่ที่ 7 ตําบลคอหงส์ อําเภอหาดใหญ่ จังหวัดสงขลา",  # decomposed sara am in the tail
    "ขุดลอกคลอง หมู่ที่ 7 ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา ๑ สาย",
    "ขุดลอกคลอง ม.7 ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา",
    "ขุดลอกคลอง ม.7ต.คอหงส์อ.หาดใหญ่จ.สงขลา",
    "ถนน หมู่ที่ 11 หมู่ที่ 15 ตำบลนาเริก และหมู่ที่ 10 ตำบลหมอนนาง อำเภอพนัสนิคม จังหวัดชลบุรี 1 สาย",
    "ถนน หมู่ที่ 15 ตำบลนาเริก และหมู่ที่ 10 ตำบลหมอนนาง อำเภอพนัสนิคม จังหวัดชลบุรี 1 สาย",
    "หมู่ที่ 2 ตำบลสะกอม จังหวัดสงขลา",  # ambiguous tambon: village of a changwat-level answer
    "หมู่ที่ 2 อำเภอหาดใหญ่ จังหวัดสงขลา",  # no tambon at all
    "หมู่ที่ 2 ครุภัณฑ์ 1 ชุด",  # no place at all
    "แขวงทางหลวงชนบทสงขลา หมู่ที่ 4 ตำบลคอหงส์ อำเภอหาดใหญ่",
    "แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร",
    "หมู่ 5 แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร",
]


@pytest.mark.parametrize("column", ["title", "location_text"])
def test_shared_text_caches_give_the_answer_of_a_fresh_resolver(column):
    fresh = [AddressResolver().resolve(**{column: t}) for t in _SHARED_TAIL_TEXTS]
    # one resolver, the texts twice and in two orders: the tail/head caches are reused
    r = AddressResolver()
    texts = _SHARED_TAIL_TEXTS + _SHARED_TAIL_TEXTS[::-1]
    out = r.resolve_frame(pd.DataFrame({column: texts}))
    expected = fresh + fresh[::-1]
    for (i, row), want in zip(out.iterrows(), expected):
        got = AddressMatch(*(None if pd.isna(v) else v for v in row.tolist()))
        assert got == want, texts[i]
    assert [r.resolve(**{column: t}) for t in texts] == expected
    # the cases above do what they say
    by_text = dict(zip(_SHARED_TAIL_TEXTS, fresh))
    assert (by_text[_SHARED_TAIL_TEXTS[1]].tambon_code, by_text[_SHARED_TAIL_TEXTS[1]].village_no) == (KHO_HONG, 3)
    assert by_text[_SHARED_TAIL_TEXTS[3]].village_no == 7 and "2 villages" in by_text[_SHARED_TAIL_TEXTS[3]].note_en
    assert by_text[_SHARED_TAIL_TEXTS[5]].village_no == 9
    assert all(by_text[t].tambon_code == KHO_HONG and by_text[t].village_no == 7 for t in _SHARED_TAIL_TEXTS[6:16])
    assert by_text["หมู่ที่ 2 อำเภอหาดใหญ่ จังหวัดสงขลา"].village_no == 2
    assert by_text["หมู่ 5 แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร"].tambon_code == "100704"


def test_resolve_frame_groups_like_resolve_with_mixed_columns():
    frame = pd.DataFrame(
        {
            "tambon": [None, np.nan, KHO_HONG, "คอหงส์", None, pd.NA, "90110403"],
            "amphoe": [None, None, None, "หาดใหญ่", "9011", None, None],
            "changwat": [None, None, 90, None, None, None, None],
            "title": ["หมู่ที่ 3 ตำบลคลองแห อำเภอหาดใหญ่", "หมู่ที่ 3 ตำบลคลองแห อำเภอหาดใหญ่", None, "ถนน", "ตำบลคลองแห",
                      np.nan, "หมู่ที่ 5 ตำบลคลองแห"],
            "village_no": [None, 4, "๒", np.nan, "สาม", None, None],
        }
    )
    r = AddressResolver()
    out = r.resolve_frame(frame)
    for i, row in enumerate(frame.itertuples(index=False)):
        want = AddressResolver().resolve(**row._asdict())
        got = AddressMatch(*(None if pd.isna(v) else v for v in out.iloc[i].tolist()))
        assert got == want, i
    assert out["tambon_code"].tolist() == [KHLONG_HAE, KHLONG_HAE, KHO_HONG, KHO_HONG, KHLONG_HAE, None, KHO_HONG]
    assert out["village_no"].tolist() == [3, 4, 2, pd.NA, pd.NA, pd.NA, 3]


def test_resolve_frame_100k_distinct_titles_is_fast():
    # every title different (as in a real import): the address tail repeats, the rest does not
    places = [
        (s.name_th, d.name_th, p.name_th)
        for p in geothai.provinces()
        for d in geothai.districts(p.code)
        for s in geothai.subdistricts(d.code)
    ]
    works = ["ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ขุดลอกคลอง", "ก่อสร้างฝายชะลอน้ำ", "ติดตั้งไฟฟ้าส่องสว่าง"]
    rng = np.random.default_rng(2)
    combos = rng.choice(len(places) * len(works) * 14, size=100_000, replace=False)
    place_i, rest = np.divmod(combos, len(works) * 14)
    work_i, village = np.divmod(rest, 14)
    titles = [
        f"{works[w]} หมู่ที่ {v + 1} ตำบล{places[i][0]} อำเภอ{places[i][1]} จังหวัด{places[i][2]}"
        for i, w, v in zip(place_i, work_i, village)
    ]
    assert len(set(titles)) == 100_000
    frame = pd.DataFrame({"title": titles, "village_no": [None] * 100_000})
    r = AddressResolver()
    t0 = time.perf_counter()
    out = r.resolve_frame(frame)
    elapsed = time.perf_counter() - t0
    assert out["tambon_code"].notna().mean() > 0.97
    assert (out["village_no"] == pd.Series(village + 1)).all()
    assert elapsed < 6.0, f"100k distinct titles took {elapsed:.2f} s"
