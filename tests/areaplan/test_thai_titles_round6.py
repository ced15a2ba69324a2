"""Title reading for issue 4, round 6 (read from blind sets 6 and 7 after their one measurement): requests said
mid-sentence (ชาวบ้านจึงขอ…, อยากได้…, อยากให้…), plain words for a work (ตึก, ห้องทำฟัน, ปั๊มน้ำ, แสงแดด,
ประตูปิดเปิดน้ำ, ปูบล็อก, สนามฟุตซอล, ลอก/ขุดห้วย), upkeep verbs (ทาสี, เปลี่ยน, ต่อเติม, ลอกท่อ), and names that
were misread (ชาวบ้าน, ถนนใหม่, บ้านหน้าเขา…, ร.ร., ช่วงบ., พรุ…)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from areaplan.analyses.duplicates import DuplicateInputs, _same_place, run
from areaplan.analyses.thai_titles import features, normalize


def _places(title: str, kind: str) -> set[str]:
    return {v for k, v in features(title).places if k == kind}


def test_a_request_said_after_its_reason_is_read_as_the_work_asked_for():
    f = features("ต้องอ้อมไปอีกสามกิโลกว่าจะถึงสวน ชาวบ้านจึงขอสะพานเดินข้ามน้ำ ข้ามคลองบางยาง หมู่ 1")
    assert f.work_type == "bridge" and f.request
    assert f.name.startswith("สะพาน") and "อ้อม" not in f.name  # the reason is not part of the name
    assert ("water", "คลองบางยาง") in f.places
    assert not [v for k, v in f.places if k == "village"]  # ชาวบ้าน (villagers) names no village
    # the work type comes from what is asked for, not from a word of the complaint before it
    g = features("ไฟฟ้าเข้าไม่ถึงแปลงนา ชาวบ้านจึงอยากได้ปั๊มน้ำใช้ไฟจากแสงแดด ริมลำห้วยซับแดง หมู่ 16")
    assert g.work_type == "pumping" and "ระบบสูบน้ำพลังงานแสงอาทิตย์" in g.name
    formal = features("ติดตั้งระบบสูบน้ำพลังงานแสงอาทิตย์เพื่อการเกษตร ริมลำห้วยซับแดง หมู่ที่ 16 ตำบลบ้านเพชร")
    assert formal.work_type == "pumping" and ("water", "ลำห้วยซับแดง") in g.places & formal.places


def test_wanting_a_stream_dug_is_dredging_it():
    f = features("อยากให้ขุดห้วยแม่ลานช่วงหลังหมู่บ้าน ผักตบกับดินโคลนอุดตันทางน้ำ")
    assert f.work_type == "dredging" and f.request
    assert ("water", "ห้วยแม่ลาน") in f.places
    for title in ("โครงการลอกลำน้ำห้วยแม่ลาน ช่วงบ.ท่าเรือใต้ ม.9 ดินขุด 78,200 ลบ.ม.",
                  "ขุดลอกพร้อมปรับปรุงสภาพห้วยแม่ลาน ช่วงบ้านท่าเรือใต้ หมู่ที่ 9"):
        g = features(title)
        assert g.work_type == "dredging", title
        assert ("village", "บ้านท่าเรือใต้") in g.places, title  # ช่วงบ. = ช่วงบ้าน
    assert features("ขุดคูระบายน้ำ บ้านนา").work_type == "drainage"  # digging a ditch is not dredging


def test_a_reason_after_because_runs_to_the_next_place():
    f = features("ขอท่อลอดถนนใหม่ ถนนสายทุ่งทอง-วังตะกู บ้านทุ่งทอง หมู่ 10 เพราะท่อเดิมเล็ก น้ำข้ามถนนจนรถผ่านไม่ได้")
    assert "เพราะ" not in f.name and "ท่อเดิม" not in f.name
    assert _places("ขอท่อลอดถนนใหม่ ถนนสายทุ่งทอง-วังตะกู", "road") == {"ทุ่งทอง-วังตะกู"}  # ถนนใหม่ is a new road
    g = features("ขอถนนคอนกรีต เนื่องจากหน้าฝนเป็นหลุม บ้านโนนดู่ หมู่ 2")
    assert ("village", "บ้านโนนดู่") in g.places and "หลุม" not in g.name


def test_plain_words_for_buildings_and_gates():
    assert normalize("ขอตึกเรียนใหม่") == "ขออาคารเรียนใหม่"
    assert normalize("ตำบลบ้านตึก อำเภอศรีสัชนาลัย").startswith("ตำบลบ้านตึก")  # a place called บ้านตึก stays
    f = features("บ้านเขาทอง ม.3 ขอห้องทำฟันที่อนามัยบ้านเขาทอง (เด็กและผู้สูงอายุรอคิวนาน)")
    assert f.work_type == "health" and "อาคารทันตกรรม" in f.name
    school = features("ขอตึกเรียนใหม่ให้โรงเรียนบ้านไร่อ้อย เนื่องจากห้องเรียนไม่พอ ต้องเรียนรวมชั้น")
    assert ("landmark", "โรงเรียนบ้านไร่อ้อย") in school.places  # ให้โรงเรียน… says for whom: kept
    for title in ("น้ำเค็มหนุนเข้าสวนช่วงหน้าแล้ง ชาวบ้านจึงขอประตูปิดเปิดน้ำ คลองท่าหลวง หมู่ 6",
                  "ก่อสร้างอาคารอัดน้ำพร้อมบานระบาย คลองท่าหลวง บ้านดงกระทุ่ม หมู่ที่ 6",
                  "ขอประตูกั้นน้ำ คลองท่าหลวง",
                  # a real FY2565 title
                  "ปรับปรุงประตูบานระบาย กม.15+314 ของคันกันน้ำเค็มสายอัมพวา โครงการชลประทานสมุทรสงคราม"):
        assert features(title).work_type == "water_gate", title


def test_paving_blocks_sports_fields_and_farm_tracks():
    assert features("โครงการปูบล็อกตัวหนอน ม.9 ต.ปลวกแดง กว้าง 4 ม. ยาว 70 ม.").work_type == "road"
    f = features("ก่อสร้างถนนปูบล็อกประสาน (ตัวหนอน) ซอยโรงงานยาง บ้านเนินงาม หมู่ที่ 9")
    assert f.work_type == "road" and _places(f.text, "road") == set()  # the surface is not a road's name
    g = features("ก่อสร้างสนามฟุตซอลพร้อมรั้วตาข่าย บ้านหัวถนนใหม่ หมู่ที่ 7")
    assert g.work_type == "sports"
    assert not [v for k, v in g.places if k == "road"]  # ถนน inside a village's name is no road
    assert features("ขอทางลำเลียงผลผลิต บ้านนาดี หมู่ 4").work_type == "road"


def test_upkeep_verbs_are_repairs():
    assert features("ทาสีกันสนิมสะพานเหล็กทางเดิน ข้ามคลองบางไผ่ หมู่ 1").action == "repair"
    assert features("เปลี่ยนกล้องวงจรปิดที่เสีย สี่แยกบ้านนา").action == "repair"
    assert features("ต่อเติมอาคารเรียน โรงเรียนบ้านนา").action == "repair"
    f = features("ลอกท่อลอดที่อุดตัน ถนนสายทุ่งทอง-วังตะกู บ้านทุ่งทอง ม.10")
    assert f.action == "repair" and f.work_type == "drainage" and f.name.startswith("ลอกท่อลอด")
    # real FY2565: cleaning drains under a highway is upkeep
    assert features("งานลอกท่อดูดเลนโคลนด้วยเครื่องฉีดน้ำแรงดันสูง ถนนหมายเลข 3 กิโลเมตรที่ 19+700").action == "repair"
    # เปลี่ยน in a person's name or a policy is no repair
    assert features("ขอลาดยางถนน ซอยบ้านนายเปลี่ยน บ้านบุตาสง").action == "new"
    assert features("จัดซื้อและติดตั้งโสตทัศนูปกรณ์สำหรับรองรับการปรับเปลี่ยนการทำงาน").action == "new"


def test_names_that_were_misread():
    # a village whose name starts with a stop word (หน้า…), a school written ร.ร., the school word written twice
    assert _places("ขอโรงอาหารให้โรงเรียน ร.ร.บ้านหน้าเขาสามัคคี หมู่ 3", "landmark") == {"โรงเรียนบ้านหน้าเขาสามัคคี"}
    assert _places("อาคารอเนกประสงค์โรงเรียน (โรงอาหาร) โรงเรียนบ้านหน้าเขาสามัคคี หมู่ที่ 3", "landmark") == {
        "โรงเรียนบ้านหน้าเขาสามัคคี"}
    assert ("village", "บ้านหน้าโพธิ์") in features("จัดหาแหล่งน้ำบาดาล บ้านหน้าโพธิ์").places
    # a peat swamp of the south is a water (real FY2565: พรุโต๊ะนาย), but not inside a village's or canal's name
    assert ("water", "พรุโต๊ะนาย") in features("ปรับปรุงประสิทธิภาพการเก็บกักน้ำพรุโต๊ะนาย").places
    assert _places("สถานีสูบน้ำด้วยไฟฟ้าคลองพรุขวาง", "water") == {"คลองพรุขวาง"}
    # a programme a work is filed under is not its name
    f = features("ก่อสร้างอาคารบริการทันตกรรม รพ.สต.บ้านเขาทอง หมู่ที่ 3 ภายใต้แผนงานยกระดับเศรษฐกิจฐานราก")
    assert f.work_type == "health" and "ภายใต้" not in f.name and "แผนงาน" not in f.name


def test_a_route_with_and_without_ban_before_its_ends_is_one_place():
    assert _same_place("บ้านทุ่งทอง-บ้านวังตะกู", "ทุ่งทอง-วังตะกู")
    assert not _same_place("บ้านทุ่งทอง-บ้านวังตะกู", "ทุ่งทอง-หนองบัว")


def _frame(rows: list[tuple]) -> pd.DataFrame:
    import geopandas as gpd
    import shapely

    cols = ["project_id", "title", "channel", "agency", "fiscal_year", "budget", "tambon_code", "x", "y"]
    f = pd.DataFrame(rows, columns=cols)
    geom = [shapely.Point(x, y) if x == x else None for x, y in zip(f.x, f.y)]
    out = gpd.GeoDataFrame(f.drop(columns=["x", "y"]), geometry=gpd.GeoSeries(geom, crs="EPSG:32647"),
                           crs="EPSG:32647")
    out["location_precision"] = np.where(out.geometry.notna(), "point", "tambon")
    return out


def test_a_segment_by_chainage_far_from_a_title_of_its_road_without_one_is_another_stretch():
    road = "สายบ้านหัวขัว - บ้านหนองบัวแดง"
    rows = [("A", f"บ้านหัวขัว ม.11 ขอทำถนนคอนกรีต{road} แทนทางลูกรัง", "community", "บ้าน", 2568, 2_600_000,
             "410101", 800_000.0, 1_900_000.0),
            ("B", f"ก่อสร้างถนน คสล. {road} ช่วง กม.4+500 - กม.5+000 ยาว 430 เมตร", "function", "ทช.", 2568,
             1_840_000, "410101", 802_100.0, 1_900_000.0)]
    far = run(DuplicateInputs(_frame(rows)))
    assert far.pairs.empty, "2.1 km apart: the segment is another stretch of the road"
    near = rows[:1] + [rows[1][:7] + (800_300.0, 1_900_000.0)]
    assert len(run(DuplicateInputs(_frame(near))).pairs) == 1, "300 m apart: may be the same work"
