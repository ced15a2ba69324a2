"""Title rules of issue 4, round 16 (read from blind21 after its one measurement): a public Wi-Fi point is a work at a
place, a village's gate arch and a canteen in speech are buildings, an exercise path is a path, ``ถนนปูน`` is a concrete
road, the soi to someone's house, a village named after ``ภายในหมู่บ้าน``, what a programme wants communities to be,
a year after a bare ``ปี`` in two digits and the stretch at a tambon's border."""

from __future__ import annotations

import pytest

from areaplan.analyses.thai_titles import features, normalize


@pytest.mark.parametrize("title, work_type", [
    ("โครงการจัดตั้งจุดกระจายสัญญาณอินเทอร์เน็ตไร้สาย (Wi-Fi) สาธารณะ อุปกรณ์ Access Point 4 ชุด บริเวณศาลาประชาคม", "wifi"),
    ("ชาวบ้านหนองเงือก ม.12 ฝากเรื่องนี้: ขอไวไฟฟรีที่ศาลาประชาคม เด็กต้องไปนั่งเล่นเน็ตหน้าร้านค้า", "wifi"),
    ("จัดสร้างซุ้มประตูทางเข้าหมู่บ้าน ปากทางเข้าบ้านหนองกุง ม.14", "building"),
    ("กิจกรรม CSR ทำซุ้มประตู บ้านหนองกุง มอบแก่ชุมชน ม.14", "building"),
    ("อยากให้สร้างที่กินข้าวให้เด็กโรงเรียนบ้านโป่ง", "building"),
    # a path to walk round a pond for exercise is a path, like the footpath a plan builds there
    ("หมู่ 14 ทางรอบหนองรกหญ้าและมืด อยากได้ทางเดินออกกำลังกายรอบหนองสะลีก", "road"),
    ("ก่อสร้างลานออกกำลังกาย ข้างวัดสุวรรณ หมู่ 7", "sports"),
])
def test_works_named_in_other_words(title, work_type):
    assert features(title).work_type == work_type


def test_a_concrete_road_in_speech_and_the_soi_to_someones_house():
    asked = features("หมู่ 9 บ.หัวสำโรงเหนือ น้ำขังเป็นแอ่งเดินไม่ได้ อยากให้ทำถนนปูนในซอยนายบรรจง")
    plan = features("จัดทำถนนคอนกรีตเสริมเหล็ก ซอยบ้านนายบรรจง ภายในหมู่บ้านหัวสำโรงเหนือ ขนาด 4x260x0.15 ม.")
    assert "ถนนคอนกรีตเสริมเหล็ก" in asked.name
    assert ("soi", "นายบรรจง") in asked.places and ("soi", "นายบรรจง") in plan.places
    # ภายในหมู่บ้าน<name> names the village; a person's house (บ้านนายบรรจง) is no village, บ้านนายาง is one
    assert ("village", "บ้านหัวสำโรงเหนือ") in plan.places and ("village", "บ้านนายบรรจง") not in plan.places
    assert ("village", "บ้านนายาง") in features("ขุดลอกหนองน้ำ บ้านนายาง หมู่ที่ 3").places
    assert "ถนนคอนกรีตเสริมเหล็ก" in normalize("ขอถนนปูนซีเมนต์ ซอยวัด")


def test_what_a_programme_wants_communities_to_be_is_no_community():
    f = features("[โครงการเสริมสร้างคุณภาพชีวิตชุมชนฐานราก] ก่อสร้างลานสุขภาพพร้อมเครื่องออกกำลังกาย ข้างวัดสุวรรณคีรี")
    assert not any(kind == "village" for kind, _ in f.places)
    assert ("village", "ชุมชนบ้านใหม่") in features("ถนนคอนกรีตเสริมเหล็ก ชุมชนบ้านใหม่ หมู่ที่ 3").places


def test_a_year_after_a_bare_pi_in_two_digits():
    assert features("โครงการงานไหมผูกเสี่ยว ต.ดอนช้าง อ.เมืองขอนแก่น ปี 69").title_year == 2569
    assert features("โครงการงานวันเด็ก ในเขต อบต.ปากน้ำ ปี 67").title_year == 2567
    # a count of years or a number before ปี is no year
    assert features("ผู้สูงอายุ ปี 65 คน ตำบลดอนช้าง").title_year is None
    assert features("เด็กอายุ 3 ปี 60 คน").title_year is None


def test_the_stretch_at_a_tambons_border():
    a = features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยบ้านนายเสงี่ยม ช่วงรอยต่อตำบลแม่กระบุง กว้าง 4 เมตร (หมู่ 13) ต.ลิ่นถิ่น")
    b = features("ก่อสร้างถนนคอนกรีตเสริมเหล็ก ซอยบ้านนายเสงี่ยม ช่วงรอยต่อตำบลห้วยเขย่ง กว้าง 4 เมตร (หมู่ 13) ต.ลิ่นถิ่น")
    assert a.segment_ends == frozenset({"ตำบลแม่กระบุง"}) and b.segment_ends == frozenset({"ตำบลห้วยเขย่ง"})
