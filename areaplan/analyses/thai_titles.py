"""Thai project titles: normalise the writing and pull out what a reviewer compares.

Offices write one work in many ways: ``ก่อสร้างถนน คสล. สายบ้านนา ม.3 กว้าง 4 ม. ยาว 200 ม.`` in a local plan,
``โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนา หมู่ที่ 3 ตำบล… ระยะทาง 0.200 กิโลเมตร`` in a department's
budget. :func:`normalize` settles the writing (Unicode, sara am, digits, abbreviations, spacing);
:func:`features` separates the *name* of the work from its specification, address, village, phase and
year, and recognises the work type, the named places and whether it is maintenance or new construction.

Rules, in the order they apply (each has a test quoting a real title, tests/areaplan/test_thai_titles.py):

1. Unicode NFC, decomposed sara am (``ํ`` + ``า``) joined, zero-width and no-break spaces removed,
   runs of spaces collapsed (:func:`areaplan.values.clean_text`).
2. Thai digits → Arabic digits; thousands commas inside numbers removed.
3. Abbreviations expanded (:data:`ABBREVIATIONS`): ``คสล.``/``ค.ส.ล.`` → คอนกรีตเสริมเหล็ก, ``ถ.`` → ถนน,
   ``ม.3``/``หมู่ 3`` → หมู่ที่ 3, ``ต.``/``อ.``/``จ.`` → ตำบล/อำเภอ/จังหวัด, ``บ.`` → บ้าน, ``ซ.`` → ซอย,
   ``กม.`` → กิโลเมตร, ``ม.`` after a number → เมตร, ``ลบ.ม.`` → ลูกบาศก์เมตร, ``ตร.ม.`` → ตารางเมตร,
   ``รพ.สต.`` → โรงพยาบาลส่งเสริมสุขภาพตำบล, ``ปตร.`` → ประตูระบายน้ำ, ``ทรบ.`` → ท่อระบายน้ำ.
4. Specifications (กว้าง/ยาว/หนา/ลึก/ระยะทาง/ความยาว/ปริมาตร/พื้นที่ … เมตร/กิโลเมตร/ลูกบาศก์เมตร/ไร่)
   and counts (``1 แห่ง``, ``2 คัน``) are cut out of the name and parsed into numbers (metres, m², m³, rai).
5. The address (ตำบล…/อำเภอ…/จังหวัด…) and village numbers (หมู่ที่ N, kept as a set) are cut out.
6. Phase markers (ระยะที่/ช่วงที่/ตอนที่/เฟส N) and numbered parts of one place (โซน/แห่งที่/จุดที่/ตัวที่ N,
   kept in :attr:`TitleFeatures.parts`) are cut out; a cost line of another item
   (ค่าควบคุมงาน…, ค่าออกแบบ…) is marked :attr:`TitleFeatures.component`, kilometre chainages (``0+000 - 3+950``), a year in the title
   (ประจำปี 2567) and multi-year wording (ผูกพัน, ข้ามปี) are cut out and kept as features.
7. Leading ``โครงการ``/``ค่า``/``งาน``/``จ้าง(เหมา)``/``ก่อสร้าง`` and the other action verbs are stripped,
   repeatedly (``โครงการก่อสร้างก่อสร้าง…``), and a word written twice in a row is written once.
   The action decides :attr:`TitleFeatures.action`: ``repair`` (ซ่อมแซม/ปรับปรุง/บำรุงรักษา/ซ่อมสร้าง…)
   or ``new`` (ก่อสร้าง/สร้าง/ติดตั้ง/ขยาย…); a physical work named without a verb is ``new``.
   The comparison key also drops a trailing ``พร้อม…`` (extras offices add or leave out).
8. Synonyms (:data:`SYNONYMS`): กล้องโทรทัศน์วงจรปิด/CCTV, โซล่าเซลล์/พลังงานแสงอาทิตย์, ไฟฟ้าแสงสว่าง/ส่องสว่าง,
   ถนนคอนกรีต = ถนนคอนกรีตเสริมเหล็ก, filler ภายใน/ประจำหมู่บ้าน dropped.
   The work type is the earliest keyword of :data:`WORK_TYPES` in the name (the longest at one position):
   Thai titles put the head noun first (``ถนน… พร้อมท่อระบายน้ำ`` is a road). Buildings include โรง…
   (โรงฝึก, โรงยิม…); equipment and information systems (ครุภัณฑ์, เครื่อง…, คอมพิวเตอร์, เว็บไซต์, ระบบ…
   อิเล็กทรอนิกส์) are purchases, except a machine a work is done with (``ด้วยเครื่อง…``) and furniture bought
   with a building (``อาคาร… พร้อมครุภัณฑ์`` is a building).
9. Named places: บ้าน…, ชุมชน…, คลอง…, หนอง…, ห้วย…, ลำ…, บึง…, แม่น้ำ…, สาย…, ซอย…, ถนน<name>, วัด…, โรงเรียน…
   — generic words that follow these (ถนนคอนกรีต…, คลองส่งน้ำ, บ้านพัก…, ลำน้ำสายหลัก) are not names, nor are
   วัด in ตรวจวัด/เครื่องวัด; a name ends before a size (ขนาด…).
10. Parts of one place (:attr:`TitleFeatures.parts`): the reach (ตอนบน/ตอนล่าง/ตอนกลาง…), the head, middle or
    tail of a canal or stream (ต้น/กลาง/ปลายคลอง…), a bank or branch (ฝั่งซ้าย, ``1 ซ้าย``/``1 ขวา``), the numbered
    parts of rule 6, and a number that ends the name (``เหนือเขื่อนวังร่มเกล้า 1``, ``DIKE 9-1``): one member of a
    series of works written from one template.
11. The name of the structure (:attr:`TitleFeatures.site`): what follows the first work keyword, after words that
    describe the work instead of naming it (ด้วยไฟฟ้า, ทดน้ำ, คอนกรีตเสริมเหล็ก, สาย, ริม, หมู่บ้าน, แบบ…,
    พร้อม<another work>…) and up to the next part of the title (พร้อม…, บริเวณ…, brackets, sizes, the project or
    the address); compared without vowel and tone marks (``สถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำ บ้านโคกยาง`` →
    บานโคกยาง).
12. What is not the name (rule 12): remarks in brackets, purpose and complaint clauses (เพื่อ…, ลดต้นทุน…,
    แก้ปัญหา…, ถนนมืด), request and grant wording, a strategy lead, the owning local government (อบต.…,
    เทศบาลตำบล…), a local road code; a request that names the place first is read work first
    (``ซอยข้างโรงเรียน ขอทำถนนคอนกรีต``). Routes are named places without สาย too (จากบ้านก ไปบ้านข, บ้านก - บ้านข,
    เส้น…), and northern streams (ลำน้ำ…, น้ำ… after ข้าม/ริม/ฝาย); the side of a place (ด้านทิศเหนือ…) is a part.
13. Yearly activities (:data:`RECURRING_WORDS`: training, campaigns, festivals, fire breaks, weed clearing…),
    read before ``พร้อม…``, set :attr:`TitleFeatures.recurring`: next year's is another one.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from areaplan.values import clean_text, thai_digits_to_arabic

if TYPE_CHECKING:
    import numpy as np

# --------------------------------------------------------------------------------------------- work types


@dataclass(frozen=True)
class WorkType:
    """One kind of work, its labels and the keywords that name it in a title."""

    code: str
    th: str
    en: str
    keywords: tuple[str, ...]


#: The work-type keyword table. A title's work type is its earliest keyword (the longest at one position).
WORK_TYPES: tuple[WorkType, ...] = (
    WorkType("road", "ถนน", "road", (
        "ถนน", "ผิวจราจร", "ผิวทาง", "ทางหลวง", "ลาดยาง", "ทางเดินเท้า", "ทางเท้า",
        # a walkway along the water is a path, not a crossing (สะพานทางเดินเลียบคลอง = ทางเดินเลียบคลอง)
        "ทางเดินเลียบ", "สะพานทางเดินเลียบ", "ไหล่ทาง",
        # a walking path for exercise is a path (ทางเดินออกกำลังกายรอบหนอง), not a sports ground
        "ทางเดินออกกำลังกาย", "ทางวิ่งออกกำลังกาย",
        "เส้นทางคมนาคม", "ทางลำลอง", "ลูกรัง", "หินคลุก",
        # paving blocks (ถนนปูบล็อก, ปูบล็อกตัวหนอน) and a farm track (ทางลำเลียงผลผลิต)
        "ปูบล็อก", "บล็อกตัวหนอน", "อิฐตัวหนอน", "บล็อกประสาน", "ทางลำเลียง")),
    WorkType("drainage", "ระบายน้ำ", "drainage", (
        "ท่อระบายน้ำ", "รางระบายน้ำ", "ระบบระบายน้ำ", "คูระบายน้ำ", "คลองระบายน้ำ", "ระบายน้ำ",
        "บ่อพัก", "รางวี", "ท่อลอด", "ร่องระบายน้ำ")),
    WorkType("dredging", "ขุดลอก", "dredging", ("ขุดลอก", "ลอกคลอง", "ลอกตะกอน", "กำจัดวัชพืช")),
    WorkType("weir", "ฝาย", "weir", ("ฝายชะลอน้ำ", "ฝายมีชีวิต", "ฝายยาง", "ฝาย")),
    WorkType("water_gate", "ประตูระบายน้ำ", "water gate", (
        "ประตูระบายน้ำ", "อาคารบังคับน้ำ", "อาคารอัดน้ำ", "ทำนบ", "บานระบาย")),
    WorkType("reservoir", "แหล่งเก็บน้ำ", "reservoir", (
        "อ่างเก็บน้ำ", "แก้มลิง", "สระเก็บน้ำ", "สระน้ำ", "ขุดสระ", "ขุดหนอง", "ขุดขยาย", "บ่อเก็บน้ำ", "แหล่งน้ำ", "เขื่อนเก็บกักน้ำ",
        "ธนาคารน้ำใต้ดิน")),  # pits that store rain underground
    WorkType("irrigation", "ระบบส่งน้ำ", "irrigation canal", (
        "คลองส่งน้ำ", "ระบบส่งน้ำ", "คูส่งน้ำ", "ดาดคอนกรีต", "ลำเหมือง", "ท่อส่งน้ำ", "ระบบกระจายน้ำ", "คลองผันน้ำ",
        "ผันน้ำ")),
    WorkType("pumping", "สถานีสูบน้ำ", "pumping station", (
        "สถานีสูบน้ำ", "ระบบสูบน้ำ", "เครื่องสูบน้ำ", "ชุดสูบน้ำ", "สูบน้ำด้วยไฟฟ้า", "สูบน้ำพลังงานแสงอาทิตย์")),
    WorkType("water_supply", "ประปา", "water supply", (
        "ประปา", "หอถังสูง", "หอถัง", "ถังเก็บน้ำ", "น้ำดื่ม", "ระบบกรองน้ำ", "บ่อบาดาล", "น้ำบาดาล", "บ่อน้ำตื้น")),
    WorkType("embankment", "ป้องกันตลิ่ง", "embankment", (
        "เขื่อนป้องกันตลิ่ง", "ป้องกันตลิ่ง", "อาคารป้องกันตลิ่ง", "คันกั้นน้ำ", "คันป้องกันน้ำท่วม",
        "แนวกันดิน", "กำแพงกันดิน", "กล่องเกเบียน", "คันดินกั้นน้ำ", "คันดินกันน้ำ", "ถมคันดิน",
        "พนังกั้นน้ำ", "คันพนัง", "กำแพงกันคลื่น", "เขื่อนกันคลื่น", "ตลิ่ง", "เขื่อน",
        # the coast: rock revetments against waves and erosion (แนวหินทิ้ง, ป้องกันคลื่น, กัดเซาะชายฝั่ง)
        "หินทิ้ง", "หินเรียง", "กันคลื่น", "ป้องกันคลื่น", "กัดเซาะ")),
    WorkType("bridge", "สะพาน", "bridge", ("สะพาน", "ท่อเหลี่ยม")),
    WorkType("lighting", "ไฟฟ้าส่องสว่าง", "street lighting", (
        "ไฟฟ้าส่องสว่าง", "ไฟฟ้าแสงสว่าง", "ไฟส่องสว่าง", "โคมไฟ", "เสาไฟ", "ไฟกิ่ง", "ไฟถนน",
        "ไฟฟ้าสาธารณะ", "ไฟจราจร")),
    WorkType("power", "ไฟฟ้า", "power supply", ("ขยายเขตไฟฟ้า", "หม้อแปลงไฟฟ้า", "เขตไฟฟ้า", "ไฟฟ้าแรงต่ำ",
                                               # in speech: ขยายไฟฟ้าเข้าไร่, ดึงสายไฟเข้าสวน, ไฟฟ้าเพื่อการเกษตร
                                               "ขยายไฟฟ้า", "ไฟฟ้าเข้า", "ดึงสายไฟ", "ไฟฟ้าเพื่อการเกษตร")),
    WorkType("health", "สถานบริการสาธารณสุข", "health centre", (
        "โรงพยาบาลส่งเสริมสุขภาพตำบล", "สถานีอนามัย", "ศูนย์สุขภาพชุมชน", "สถานีสุขภาพ", "โรงพยาบาล",
        "ที่อนามัย", "อนามัยบ้าน", "อนามัยตำบล")),  # the health station in speech (ห้องทำฟันที่อนามัยบ้าน…)
    WorkType("building", "อาคาร", "building", (
        "อาคาร", "ศาลา", "หอประชุม", "ที่ทำการ", "บ้านพัก", "โรงอาหาร", "ห้องน้ำ", "ศูนย์พัฒนาเด็กเล็ก",
        "ห้องเรียน", "โรงจอดรถ", "ลานจอดรถ", "ที่จอดรถ", "รั้ว", "หอพัก", "โรง", "ห้องส้วม", "ส้วม",
        "เมรุ", "เตาเผาศพ",
        # a bus stop with a roof is a shelter, not a vehicle (ป้ายหยุดรถโดยสาร, ศาลาที่พักผู้โดยสาร); a day-care centre
        "ป้ายหยุดรถ", "ที่พักผู้โดยสาร", "ศาลารอรถ", "ที่รอรถ", "ศูนย์ดูแลผู้สูงอายุ", "ศูนย์ผู้สูงอายุ",
        # a village's gate arch (ซุ้มประตูทางเข้าหมู่บ้าน); a canteen in speech (ที่กินข้าว, ที่รับประทานอาหาร)
        "ซุ้มประตู", "ที่กินข้าว", "ที่รับประทานอาหาร",
        # a crematorium in a plan's words (ฌาปนสถานพร้อมเตาเผาไร้ควัน) is the เมรุ a village asks for
        "ฌาปนสถาน", "เตาเผาไร้ควัน")),
    WorkType("training", "ฝึกอบรม", "training", (
        "ฝึกอบรม", "อบรม", "สัมมนา", "ศึกษาดูงาน", "พัฒนาศักยภาพ", "ส่งเสริมอาชีพ", "ฝึกอาชีพ")),
    WorkType("tourism", "ท่องเที่ยว", "tourism", ("แหล่งท่องเที่ยว", "ท่องเที่ยว", "จุดชมวิว", "ลานวัฒนธรรม",
                                                  # a nature trail (even when it is a boardwalk: สะพานทางเดิน)
                                                  "ทางเดินศึกษา", "เส้นทางเดินศึกษา", "เส้นทางศึกษา")),
    WorkType("waste", "ขยะ", "solid waste", ("ขยะ", "มูลฝอย", "ธนาคารขยะ", "ปุ๋ยหมัก", "หมักปุ๋ย", "ทำปุ๋ย", "ปุ๋ยอินทรีย์")),
    WorkType("wastewater", "บำบัดน้ำเสีย", "wastewater", ("บำบัดน้ำเสีย", "น้ำเสีย")),
    WorkType("cctv", "กล้องวงจรปิด", "CCTV", ("กล้องวงจรปิด", "cctv", "กล้องโทรทัศน์วงจรปิด")),
    WorkType("vehicle", "ยานพาหนะ", "vehicle", (
        "รถบรรทุก", "รถยนต์", "รถโดยสาร", "รถพยาบาล", "รถกระบะ", "รถจักรยานยนต์", "รถฟาร์ม", "รถขุด",
        "รถดับเพลิง", "รถนั่ง", "รถตัก")),
    WorkType("sports", "ลานกีฬา", "sports ground", (
        "สนามกีฬา", "ลานกีฬา", "สนามฟุตบอล", "เครื่องออกกำลังกาย", "ลานออกกำลังกาย", "สนามเด็กเล่น",
        "สนามฟุตซอล", "สนามบาสเกตบอล", "สนามวอลเลย์บอล", "สนามตะกร้อ", "สนามเปตอง", "ลานเปตอง", "สนามแบดมินตัน",
        # outdoor fitness in other words (เครื่องเล่นออกกำลังกาย, ที่ออกกำลังกาย, อุปกรณ์ฟิตเนส)
        "เครื่องเล่นออกกำลังกาย", "ออกกำลังกาย", "ฟิตเนส")),
    # a market, and its stalls or yard in other words (ลานค้าชุมชน, แผงค้า, ที่ขายของ in speech)
    WorkType("market", "ตลาด", "market", ("ตลาด", "ลานค้า", "แผงค้า", "ที่ขายของ", "ที่ขายสินค้า")),
    # purchases of equipment and information systems: bought for an office, not built at a place
    WorkType("equipment", "ครุภัณฑ์", "equipment", (
        "ครุภัณฑ์", "เครื่อง", "อุปกรณ์", "คอมพิวเตอร์", "ระบบสารสนเทศ", "อิเล็กทรอนิกส์", "ซอฟต์แวร์", "ซอฟท์แวร์",
        "โปรแกรม", "เว็บไซต์", "แอปพลิเคชัน", "แอปพลิเคชั่น", "ระบบฐานข้อมูล")),
    # (appended: the positions of the types above are stored by other analyses' caches)
    # a yard for drying or processing crops: ลานตากข้าว, ลานตากผลผลิต, ลานอเนกประสงค์ตากผลผลิต
    WorkType("drying_yard", "ลานตากผลผลิต", "crop drying yard", (
        "ลานตาก", "ตากข้าว", "ตากผลผลิต", "ตากพืชผล", "ลานอเนกประสงค์ตาก", "ลานค้าข้าว")),
    # disease vectors: mosquito larvae, dengue fever (ยุงลาย / ไข้เลือดออก name one campaign)
    WorkType("disease", "ควบคุมโรค", "disease control", (
        "ไข้เลือดออก", "ยุงลาย", "ลูกน้ำยุง", "ควบคุมโรค", "ป้องกันโรค", "พ่นหมอกควัน", "โรคติดต่อ")),
    # guard rails, studs, mirrors and signs along a road: another work than the road itself
    WorkType("road_safety", "อุปกรณ์อำนวยความปลอดภัยทางถนน", "road safety equipment", (
        "ราวกันอันตราย", "ราวกั้นอันตราย", "ราวกันรถตก", "ราวเหล็กกันรถ", "อุปกรณ์อำนวยความปลอดภัย", "หมุดสะท้อนแสง",
        "กระจกโค้ง", "ป้ายเตือน", "ลูกระนาด", "ไฟเตือน", "ไฟกระพริบ", "ไฟกะพริบ")),
    # a village's loudspeakers or wireless broadcast towers (หอกระจายข่าว, เสียงตามสาย, ระบบกระจายเสียงไร้สาย)
    WorkType("broadcast", "หอกระจายข่าว", "village broadcasting", (
        "หอกระจายข่าว", "ระบบกระจายเสียง", "กระจายเสียง", "เสียงตามสาย", "วิทยุชุมชน")),
    # growing houses (โรงเรือนปลูกผัก, โรงเรือนกางมุ้ง, โรงเรือนกันแมลง, smart farm)
    WorkType("greenhouse", "โรงเรือนปลูกพืช", "greenhouse", (
        "โรงเรือนปลูก", "โรงเรือนผัก", "โรงเรือนกันแมลง", "โรงเรือนกางมุ้ง", "โรงเรือนเพาะ", "โรงเรือนอัจฉริยะ",
        "สมาร์ทฟาร์ม", "smart farm", "โรงมุ้ง", "โรงเรือนมุ้ง", "มุ้งกันแมลง")),
    # a public Wi-Fi point at a place (จุดกระจายสัญญาณอินเทอร์เน็ต, ไวไฟ): installed where people meet, not a purchase
    # for an office (its access points are no equipment line)
    WorkType("wifi", "อินเทอร์เน็ตสาธารณะ", "public Wi-Fi", (
        "จุดกระจายสัญญาณ", "อินเทอร์เน็ต", "อินเตอร์เน็ต", "ไวไฟ", "wi-fi", "wifi", "เน็ตประชารัฐ")),
    # an early-warning station or tower at a place (สถานีเตือนภัยล่วงหน้า, ระบบเตือนภัยน้ำหลาก, หอเตือนภัย): installed
    # where the water rises, not a purchase for an office (its rain gauges are no equipment line)
    WorkType("warning", "ระบบเตือนภัย", "early warning", (
        "เตือนภัย", "เครื่องเตือนภัย", "แจ้งเตือนภัย", "ระบบแจ้งเตือน")),
    # a landing for boats or fishers (ท่าเทียบเรือ, โป๊ะเทียบเรือ, ท่าขึ้นปลา in speech)
    WorkType("pier", "ท่าเทียบเรือ", "pier", (
        "ท่าเทียบเรือ", "สะพานท่าเทียบเรือ", "โป๊ะเทียบเรือ", "โป๊ะ", "ท่าจอดเรือ", "ท่าขึ้นลงเรือ", "ท่าขึ้นปลา")),
)
WORK_TYPE_BY_CODE: dict[str, WorkType] = {w.code: w for w in WORK_TYPES}

_KW_TO_TYPE: dict[str, str] = {}
for _w in WORK_TYPES:
    for _k in _w.keywords:
        _KW_TO_TYPE.setdefault(_k, _w.code)


def trie_regex(words) -> str:
    """One regex alternation shaped as a trie (longest match first): far faster than a flat list in `re`."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_KW_RE = re.compile("(?=[" + "".join(sorted({k.lower()[0] for k in _KW_TO_TYPE})) + "])"
                    + trie_regex({k.lower() for k in _KW_TO_TYPE}), re.IGNORECASE)

# --------------------------------------------------------------------------------------------- rules

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")

#: Abbreviations, in the order they are expanded (pattern, replacement).
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"ค\s*\.\s*ส\s*\.\s*ล\s*\.?|คสล\s*\.?", " คอนกรีตเสริมเหล็ก "),
    (r"(?<![ก-๙A-Za-z.])ถ\s*\.\s*(?=คอนกรีตเสริมเหล็ก|\s*คอนกรีต|\s*ลาดยาง|\s*ลูกรัง|\s*หินคลุก|\s*[ก-ฮเ-ไ])", "ถนน "),
    (r"รพ\s*\.\s*สต\s*\.?", " โรงพยาบาลส่งเสริมสุขภาพตำบล "),
    (r"ปตร\s*\.?", " ประตูระบายน้ำ "),
    (r"ทรบ\s*\.?", " ท่อระบายน้ำ "),
    (r"ลบ\s*\.\s*ม\s*\.?", " ลูกบาศก์เมตร "),
    (r"ตร\s*\.\s*ม\s*\.?", " ตารางเมตร "),
    (r"ตร\s*\.\s*กม\s*\.?", " ตารางกิโลเมตร "),
    (r"กม\s*\.?(?=\s*\d)|(?<=\d)\s*กม\s*\.?", " กิโลเมตร "),
    (r"(?<=\d)\s*ซม\s*\.?", " เซนติเมตร "),
    (r"(?<=\d)\s*ม\s*\.(?!\s*\d)|(?<=\d)\s*ม(?=\s|$)", " เมตร "),
    # (also หมูที่ 13, หมู่.6; หมู่ after a letter when the space is missing: พื้นที่หมู่ 6)
    # (and ม without its dot before a village number, ม 2 บ้าน…: a size's ม after a number is metres by then)
    (r"(?<![ก-๙A-Za-z.])ม\s*\.\s*(?=\d)|(?<![ก-๙A-Za-z.\d])ม\s(?=\d{1,2}(?![\d.]))|(?<![A-Za-z.])(?:หมู่?ที่|หมู่(?:\s*\.)?)\s*(?=\d)", " หมู่ที่ "),
    (r"(?<![ก-๙A-Za-z.])ต\s*\.\s*(?=[ก-ฮเ-ไ])", " ตำบล"),
    (r"(?<![ก-๙A-Za-z.])อ\s*\.\s*(?=[ก-ฮเ-ไ])", " อำเภอ"),
    (r"(?<![ก-๙A-Za-z.])จ\s*\.\s*(?=[ก-ฮเ-ไ])", " จังหวัด"),
    (r"(?<![ก-๙A-Za-z.])บ\s*\.\s*(?=[ก-ฮเ-ไ])", " บ้าน"),
    (r"(?<![ก-๙A-Za-z.])ซ\s*\.\s*(?=[ก-ฮเ-ไ0-9])", " ซอย"),
    # a stretch named by its village, the word written close (ช่วงบ.ท่าฉนวนใต้)
    (r"(?<=ช่วง)บ\s*\.\s*(?=[ก-ฮเ-ไ])", " บ้าน"),
    (r"(?<![ก-๙A-Za-z.])ร\s*\.\s*ร\s*\.\s*", " โรงเรียน"),  # ร.ร.บ้านหนองบัว = โรงเรียนบ้านหนองบัว
)
#: a literal each abbreviation needs (the pattern is skipped when the title lacks it: most titles lack most)
_ABBREV_NEEDS = ("ล", "ถ", "สต", "ปตร", "ทรบ", "ลบ", "ตร", "ตร", "กม", "ซม", "ม", "ม", ".", ".", ".", ".", ".", "ช่วงบ", "ร")
#: a cheap necessary condition for each abbreviation, checked on the current text just before its pass: a
#: search that starts with a literal (fast in `re`) instead of a pattern led by a lookbehind, a digit or a class
#: (tried everywhere); ``X\s*ม`` is ``ม`` after X, after X and a space, or after two spaces (the text has single
#: spaces but where a replacement pads itself)
_ABBREV_PRE = (
    re.compile(r"คสล|ค\s*\.\s*ส"), re.compile(r"ถ\s*\."), re.compile(r"รพ\s*\."), None, None, re.compile(r"ลบ\s*\."),
    re.compile(r"ตร\s*\."), re.compile(r"ตร\s*\."), None, None, re.compile(r"ม(?:(?<=\dม)|(?<=\d\sม)|(?<=\s\sม))"), None,
    re.compile(r"ต\s*\."), re.compile(r"อ\s*\."), re.compile(r"จ\s*\."), re.compile(r"บ\s*\."), re.compile(r"ซ\s*\."),
    None, re.compile(r"ร\s*\.\s*ร"),
)


#: runs of passes with a shared necessary condition, checked once at the run's first pass (first: (condition,
#: end of the run)): when it fails there, no pass of the run applies (a pass that does not apply leaves the text
#: as it is). ตร.ม./ตร.กม. both need ``ตร\s*\.``; the address letters ต. อ. จ. บ. ซ. each need ``[ตอจบซ]\s*\.``
_ABBREV_GROUP = {6: (re.compile(r"ตร\s*\."), 8),
                 12: (re.compile(r"\.(?:(?<=[ตอจบซ]\.)|(?<=[ตอจบซ]\s\.)|(?<=\s\s\.))"), 17)}


def _abbrev_fast(p: str) -> str:
    """The same pattern in a shape ``re`` scans faster: a lookbehind led pattern ``(?<!C)X…`` becomes
    ``X(?<!CX)…`` (a literal first), one led by ``(?<=\\d)\\s*`` gets a lookahead on its first character."""
    if p.startswith("(?<![ก-๙A-Za-z.])") and p[17] in "ถตอจบซ" and p[18] == "\\":
        return p[17] + "(?<![ก-๙A-Za-z.]" + p[17] + ")" + p[18:]
    if p == (r"(?<![ก-๙A-Za-z.])ม\s*\.\s*(?=\d)|(?<![ก-๙A-Za-z.\d])ม\s(?=\d{1,2}(?![\d.]))"
             r"|(?<![A-Za-z.])(?:หมู่?ที่|หมู่(?:\s*\.)?)\s*(?=\d)"):
        # the first letter, then the rest
        return (r"[มห](?:(?<=ม)(?<![ก-๙A-Za-z.]ม)\s*\.|(?<=ม)(?<![ก-๙A-Za-z.\d]ม)\s(?=\d{1,2}(?![\d.]))"
                r"|(?<=ห)(?<![A-Za-z.]ห)(?:มู่?ที่|มู่(?:\s*\.)?))\s*(?=\d)")
    first = {r"(?<=\d)\s*ซม": r"[\sซ]", r"(?<=\d)\s*ม\s": r"[\sม]", r"กม\s*\.?(?=": r"[\sก]"}
    for lead, cls in first.items():
        if p.startswith(lead):
            return f"(?={cls})(?:{p})"
    return p


_ABBREV_RE = tuple((re.compile(_abbrev_fast(p)), r, need, pre)
                   for (p, r), need, pre in zip(ABBREVIATIONS, _ABBREV_NEEDS, _ABBREV_PRE))

#: the abbreviation passes as run: (index, pattern, replacement, literal, precondition or None, condition of the run
#: of passes it starts or None, end of that run)
_ABBREV_PASSES = tuple((k, rx, r, need, pre, *_ABBREV_GROUP.get(k, (None, 0)))
                       for k, (rx, r, need, pre) in enumerate(_ABBREV_RE))

#: Words offices use for one thing, written one way (after the abbreviations).
SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"กล้องโทรทัศน์วงจรปิด|กล้องวงจรปิด\s*(?:cctv)?|กล้อง\s*cctv|(?<!กล้อง)cctv", "กล้องวงจรปิด"),
    # sunlight in speech is solar power (ปั๊มน้ำใช้ไฟจากแสงแดด = ระบบสูบน้ำพลังงานแสงอาทิตย์)
    (r"โซล่าเซลล์|โซลาร์เซลล์|โซล่าร์เซลล์|พลังงานแสงอาทิตย์|(?:ไฟ(?:ฟ้า)?\s*)?(?:จาก\s*)?(?:พลัง(?:งาน)?\s*)?แสงแดด",
     "พลังงานแสงอาทิตย์"),
    # a pump in speech is a pumping system (ปั๊มน้ำ, ปั๊มสูบน้ำ)
    (r"(?:เครื่อง\s*)?ปั๊ม\s*(?:สูบ\s*)?น้ำ", "ระบบสูบน้ำ"),
    # a solar water distribution system is a solar pump (ระบบกระจายน้ำด้วยพลังงานแสงอาทิตย์ = ระบบสูบน้ำพลังงานแสงอาทิตย์)
    (r"(?:ระบบ\s*)?(?:กระจาย|ส่ง|สูบ)น้ำ\s*(?:(?:ด้วย|ใช้)\s*)?(?=พลังงานแสงอาทิตย์)", "ระบบสูบน้ำ"),
    # solar lamps in a request: ขอไฟโซล่าเซลล์ = ไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์
    (r"(?<!เสา)(?<!โคม)ไฟ(?=\s*พลังงานแสงอาทิตย์)", "ไฟฟ้าส่องสว่าง"),
    (r"ไฟฟ้าแสงสว่าง|ไฟส่องสว่าง|ไฟส่องทาง|โคมไฟถนน|โคมไฟฟ้า|โคมไฟ(?!ฟ้า)|ไฟฟ้าสาธารณะ", "ไฟฟ้าส่องสว่าง"),
    (r"ถนนคอนกรีต(?!เสริมเหล็ก)|ถนน\s*ปูน(?:ซีเมนต์)?", "ถนนคอนกรีตเสริมเหล็ก"),  # (ถนนปูน: concrete in speech)
    # ยางมะตอย is the everyday word for asphalt
    (r"ยางมะตอย|ราดยาง", "ลาดยาง"),
    (r"ลาน\s*(?:ปูน|คอนกรีต|ซีเมนต์)?\s*(?:ไว้|สำหรับ|เพื่อ)?\s*ตาก", "ลานตาก"),  # ลานปูนไว้ตากมัน = a drying yard
    # a camera that reads number plates is CCTV (กล้องจับทะเบียนรถ, กล้องอ่านป้ายทะเบียน)
    (r"กล้อง\s*(?:วงจรปิด\s*)?(?=(?:จับ|อ่าน)\s*(?:ป้าย)?ทะเบียน)", "กล้องวงจรปิด"),
    # a route called เส้น… in speech is a สาย… in a plan (ขอถนนลาดยาง เส้นบ้านก–บ้านข)
    (r"เส้น\s*(?=บ้าน|ชุมชน|วัด|โรงเรียน)", "สาย"),
    # asphalt roads: ลาดยาง / แอสฟัลท์ติกคอนกรีต / Asphaltic Concrete / ลาดยาง (AC) are one surface
    (r"(?:(?<=ถนน)\s+)?(?:ลาดยาง\s*)?(?:ผิว\s*)?(?:แอสฟัลต์ติก|แอสฟัลท์ติก|แอสฟัลติก|แอสฟัลต์|แอสฟัลท์|asphaltic|asphalt)\s*(?:คอนกรีต|concrete)?"
     r"|ลาดยาง\s*\(?\s*a\.?c\.?\s*\)?(?![a-z])", "ลาดยาง"),
    # highway numbers: ทล.4015 / ทางหลวงหมายเลข 4015 / ทางหลวงแผ่นดินหมายเลข 4015 (and สายแยก ทล. written apart)
    (r"(?:(?<=แยก)\s+)?(?:(?<![ก-๙])ทล\s*\.\s*(?=\d)|ทางหลวง(?:แผ่นดิน)?\s*หมายเลข\s*)", "ทางหลวงหมายเลข"),
    # village water supply: ประปาหมู่บ้าน / ระบบประปา / ระบบน้ำประปา
    (r"(?:ระบบ\s*)?(?:น้ำ)?ประปา(?:\s*หมู่บ้าน)?", "ระบบประปา"),
    # weirs: ฝายกั้นน้ำ / ฝายน้ำล้น / ฝายทดน้ำ / ฝายชะลอน้ำ name one kind of structure
    (r"ฝาย\s*(?:กั้นน้ำ|น้ำล้น|ทดน้ำ|ชะลอน้ำ)", "ฝาย"),
    (r"(?:สะพาน\s*)?ท่อ\s*(?:ลอด)?\s*เหลี่ยม|box\s*culvert", "สะพานท่อเหลี่ยม"),
    (r"เขื่อน\s*(?:ป้องกัน|กัน)\s*ตลิ่ง(?:\s*(?:พัง|ทรุด)(?:ตัว)?)?|(?<!เขื่อน)ป้องกันตลิ่ง(?:\s*(?:พัง|ทรุด)(?:ตัว)?)?",
     "เขื่อนป้องกันตลิ่ง"),
    # a gate that shuts out or lets in water, in speech (ประตูน้ำ, ประตูกั้นน้ำ, ประตูปิดเปิดน้ำ)
    (r"ประตู\s*(?:กั้น\s*|ปิด\s*-?\s*เปิด\s*|เปิด\s*-?\s*ปิด\s*)?น้ำ", "ประตูระบายน้ำ"),
    # a building in speech (ตึกเรียน, ตึกผู้ป่วย); a dental room or building (ห้องทำฟัน, ตึกทำฟัน) is the dental building
    (r"(?:ห้อง|ตึก|อาคาร)\s*(?:ทำฟัน|ทันตกรรม)", "อาคารทันตกรรม"),
    (r"(?<!บ้าน)ตึก(?=\s*[ก-๙])", "อาคาร"),  # (not บ้านตึก, a village and a tambon)
    (r"เอนกประสงค์", "อเนกประสงค์"),
    # the village hall: ศาลาประชาคม / ศาลาอเนกประสงค์ / อาคารอเนกประสงค์ (ประจำหมู่บ้าน) name one building
    (r"(?:ศาลา|อาคาร)\s*(?:ประชาคม|อเนกประสงค์|เอนกประสงค์)(?:\s*(?:ประจำ|ของ)?หมู่บ้าน(?=\s|$))?"
     r"|ศาลา\s*(?:ประจำ|ของ)?\s*หมู่บ้าน(?=\s|$)", "ศาลาอเนกประสงค์"),
    # clearing a stream or pond of silt, in other words (ลอกคลอง, ลอกลำน้ำห้วย…, ขุดห้วย…, ขุดลำห้วย…): dredging
    (r"(?<!ขุด)ลอก(?=\s*(?:คลอง|ลำน้ำ|ลำห้วย|ห้วย|ลำ(?=[ก-ฮ])|คู(?=[ก-ฮ\s])|ร่องน้ำ|หนอง|พรุ|บึง|สระ))|ขุด(?!ลอก)(?=\s*(?:ลำน้ำ|ลำห้วย|ห้วย))",
     "ขุดลอก"),
    # a channel of concrete or U-shape is a drain: ราง คสล. / รางคอนกรีต / รางรูปตัวยู = รางระบายน้ำ
    (r"(?<!ตา)(?<!ทาง)ราง\s*(?=คอนกรีต|คสล|ค\.ส\.ล|รูปตัว|ตัวยู|ยู\s)", "รางระบายน้ำ "),
    # the container word before a facility that is itself a building: ระบบกล้องวงจรปิด, อาคารศูนย์พัฒนาเด็กเล็ก
    (r"(?:ระบบ|อาคาร)\s*(?=กล้องวงจรปิด|ศูนย์พัฒนาเด็กเล็ก)", ""),
    # (ภายในหมู่บ้านหัวสำโรง: the village บ้านหัวสำโรง, its name kept)
    (r"(?:ภายใน|ประจำ)?หมู่บ้าน(?=\s*บ้าน)|(?:ภายใน|ประจำ)หมู่(?=บ้าน[ก-๙])|ภายในหมู่บ้าน|ประจำหมู่บ้าน", " "),
    # ซ่อม typed with ช (the two letters look alike): ช่อมแซม, ช่อมสร้าง
    (r"ช่อม(?=แซม|สร้าง|บำรุง)", "ซ่อม"),
    # น้ำ without its tone mark (typed, or lost from a PDF: คลองส่งนำ, ถังเก็บนำฝน, ด้านปลายนำ); not นำ (to lead):
    # นำเสนอ, นำร่อง, ผู้นำ
    (r"(?:(?<=ส่ง)|(?<=เก็บ)|(?<=สูบ)|(?<=ระบาย))นำ(?!เสนอ|เข้า|ร่อง|เที่ยว|ทาง|มา|ไป)|(?:(?<=ต้น)|(?<=ปลาย)|(?<=ท้าย))นำ(?![ก-๙])"
     r"|นำ(?=ฝน|ประปา|บาดาล|ดื่ม)", "น้ำ"),
)
_SYNONYM_NEEDS = (("กล้อง", "cctv", "CCTV"), ("โซล", "แสงอาทิตย์", "แสงแดด"), ("ปั๊ม",), ("แสงอาทิตย์",), ("แสงอาทิตย์",),
                  ("ไฟ",),
                  ("ถนนคอนกรีต", "ปูน"), ("ยางมะตอย", "ราดยาง"), ("ตาก",), ("ทะเบียน",), ("เส้น",),
                  ("แอสฟัล", "sphalt", "SPHALT", "ลาดยาง"), ("ทล", "ทางหลวง"), ("ประปา",), ("ฝาย",),
                  ("เหลี่ยม", "ulvert", "ULVERT"), ("ตลิ่ง",), ("ประตู",), ("ทำฟัน", "ทันตกรรม"), ("ตึก",), ("เอนก",), ("ประสงค์", "ประชาคม", "ศาลา"), ("ลอก", "ขุด"), ("ราง ", "รางค", "รางร", "รางต", "รางย"), ("กล้องวงจรปิด", "ศูนย์พัฒนาเด็กเล็ก"),
                  ("หมู่บ้าน",), ("ช่อม",), ("นำ",))
_SYNONYM_RE = tuple((re.compile(p, re.IGNORECASE), r, need) for (p, r), need in zip(SYNONYMS, _SYNONYM_NEEDS))
#: a cheap necessary condition of a synonym pass whose literal is common (ลาดยาง alone is not rewritten: an
#: asphalt word or ลาดยาง (AC) is needed), checked before the costly pass
_SYNONYM_PRE = {i: re.compile(r"แอสฟัล|(?i:asphalt)|ลาดยาง\s*\(?\s*[aA]")
                for i, (p, _r) in enumerate(SYNONYMS) if p.startswith("(?:(?<=ถนน)")}
#: the synonym passes as run: (pattern, replacement, first literal, the other literals, precondition or None)
_SYNONYM_PASSES = tuple((rx, r, needs[0], needs[1:], _SYNONYM_PRE.get(i))
                        for i, (rx, r, needs) in enumerate(_SYNONYM_RE))
_THAI_DIGIT = re.compile("[๐-๙]")
#: any character that rule 1–2 changes: invisible marks, Thai digits, commas, dashes, ไปยาลน้อย
_CHAR_FIX = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad๐-๙,–—ฯ]")
#: Work types that describe one work from two sides (dredging a pond = improving a reservoir): never a veto.
WORK_FAMILIES: dict[str, str] = {"reservoir": "dredging", "irrigation": "dredging", "water_gate": "weir",
                                 "health": "building", "power": "lighting",
                                 # a warning tower is often the village's loudspeaker tower (หอเตือนภัย/หอกระจายข่าว)
                                 "warning": "broadcast"}

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"กิโลวัตต์|kw|kW|KW|ล้าน\s*ลูกบาศก์เมตร|ลูกบาศก์เมตร|ตารางกิโลเมตร|ตารางเมตร|กิโลเมตร|เซนติเมตร|เมตร|ไร่|นิ้ว"
#: specification keyword -> feature name
_SPEC_KEYS: tuple[tuple[str, str], ...] = (
    ("ความกว้าง", "width"), ("กว้าง", "width"), ("ความยาว", "length"), ("ยาว", "length"),
    ("ระยะทางรวม", "length"), ("ระยะทาง", "length"), ("ความหนา", "thickness"), ("หนา", "thickness"),
    ("ความลึก", "depth"), ("ลึก", "depth"), ("ปริมาตรเก็บกัก", "volume"), ("ปริมาตร", "volume"),
    ("ปริมาณดินขุด", "volume"), ("ปริมาตรดินขุด", "volume"), ("ปริมาตรดิน", "volume"), ("ปริมาณดิน", "volume"), ("ความจุ", "volume"),
    ("พื้นที่รับประโยชน์", "benefit_area"), ("พื้นที่ชลประทาน", "benefit_area"),
    ("พื้นที่ผิวจราจร", "area"), ("พื้นที่", "area"), ("เนื้อที่", "area"), ("ขนาดเส้นผ่าศูนย์กลาง", "diameter"),
    ("เส้นผ่าศูนย์กลาง", "diameter"), ("สันฝายสูง", "height"), ("ความสูง", "height"), ("สูง", "height"),
    ("แผงโซลาร์", "power"), ("แผงพลังงานแสงอาทิตย์", "power"), ("ไหล่ทางข้างละ", "shoulder"), ("ไหล่ทาง", "shoulder"), ("ขนาด", "size"),
    ("กำลังการผลิต", "capacity"), ("กำลังผลิต", "capacity"),
)
#: a lookahead on the first character a match can start with (``re`` then rejects most positions at once);
#: the keyword alternation as a trie matches what the flat list matches (each longer word precedes its prefixes)
_SPEC_FIRST = "".join(sorted({"ห", "ข", "ผ", "ไ", "ป", "ก"} | {k[0] for k, _ in _SPEC_KEYS}))
_SPEC_RE = re.compile(
    rf"(?=[{_SPEC_FIRST}])(?:หรือ(?:มี)?\s*)?(?:ขนาด\s*)?(?:ผิวจราจร\s*|ไหล่ทาง\s*|ปากคลอง\s*|ก้นคลอง\s*)?(?P<kw>{trie_regex(k for k, _ in _SPEC_KEYS)})\s*"
    rf"(?:ไม่น้อยกว่า|ไม่เกิน|ประมาณ|รวม|ละ|เฉลี่ย)?\s*(?P<a>{_NUM})(?![\d.])(?!\s*(?:ห้อง|หลัง|ชั้น|ช่อง|คัน|เครื่อง|ชุด|จุด|แห่ง))(?:\s*-\s*(?P<b>{_NUM}))?(?:\s*[x×]\s*\(?\s*{_NUM}\s*\)?)*\s*(?P<unit>{_UNIT})?(?:\s*(?:/|ต่อ)\s*(?:ชั่วโมง|ชม\.?|วินาที|วัน))?"
)
#: the characters of the words a specification may start with before its keyword (and white space)
_SPEC_LEAD_CHARS = frozenset("หรือมีขนาดผิวจราจรไหล่ทางปากคลองก้น")
_COUNT_RE = re.compile(
    r"(?=[จข\d])(?:จำนวน\s*|ขนาด\s*)?\d+\s*(?:แห่ง|สายทาง|จุด|คัน|เครื่อง|ชุด|หลัง|ต้น|ระบบ|โครงการ|รายการ|บ่อ|ดวง|ท่อน|สถานี|"
    r"ครอบครัว|สนาม|อาคาร|ยูนิต|ห้องเรียน|ห้อง|งาน)(?=\s|$|\))"
    # (… ระยะทาง 2.700 กิโลเมตร 1 สาย: the count of roads that ends a line; not หมู่ที่ 3 สาย…, a village and a route)
    r"|(?<!ที่)(?<!ที่\s)(?<![\d.])\d{1,2}\s*สาย(?=\s*(?:$|\)))"
)
_UNIT_FACTOR = {"กิโลเมตร": 1000.0, "เซนติเมตร": 0.01, "นิ้ว": 0.0254, "ตารางกิโลเมตร": 1e6}

#: Rule 5, the local government that owns the work (อบต.บ้านใหม่, เทศบาลตำบลดู่ใต้) and a local road's
#: registration code (รหัสทางหลวงท้องถิ่น สก.ถ.85-012) are part of the address, not of the name
_OWNER_RE = re.compile(r"(?:องค์การบริหารส่วนตำบล|(?<![ก-๙])อบต\s*\.|เทศบาล(?:ตำบล|เมือง|นคร))\s*[ก-๙]+"
                       # (the words only: the registration code after them names the road, a place of kind code)
                       r"|รหัส(?:สายทาง|ทางหลวงท้องถิ่น)"
                       r"|(?:ภายใน|ใน)?เขต(?=\s*(?:ตำบล|อำเภอ|จังหวัด|เทศบาล|องค์การบริหาร|อบต))")
_ADMIN_RE = re.compile(r"(?=[แ,ตอจ])(?:และ\s*|,\s*)?(?<!สุขภาพ)(?<!ส่วน)(?:ตำบล|อำเภอ|จังหวัด)\s*[ก-๙]+(?:\s*,)?")
_VILLAGE_RE = re.compile(r"(?=[แ,ห])(?:และ\s*|,\s*)?หมู่ที่\s*(\d{1,2})(?!\d)(?:\s*(?:,|-|และ|ถึง)\s*(?=หมู่ที่|\d))?")
#: without "," and "และ" in a title the optional lead of these two never matches: the same patterns without it
#: (a literal first, which ``re`` scans for fast; the lookbehinds written after the keyword they guard)
_VILLAGE_PLAIN_RE = re.compile(r"หมู่ที่\s*(\d{1,2})(?!\d)(?:\s*(?:,|-|และ|ถึง)\s*(?=หมู่ที่|\d))?")
_ADMIN_PLAIN_RE = re.compile(
    "[ตอจ](?:" + "|".join(f"(?<={w[0]}){w[1:]}" for w in ("ตำบล", "อำเภอ", "จังหวัด")) + ")"
    + "".join(f"(?<!{lead}{w})" for w in ("ตำบล", "อำเภอ", "จังหวัด") for lead in ("สุขภาพ", "ส่วน"))
    + r"\s*[ก-๙]+(?:\s*,)?")
_VILLAGE_LIST_RE = re.compile(r"หมู่ที่\s*(\d{1,2})((?:\s*(?:,|และ)\s*\d{1,2}(?!\d))+)")
#: (ปีที่ 3: the third year of a programme, not a school grade: มัธยมศึกษาปีที่ 3)
_PHASE_RE = re.compile(r"(?=[(\sรชตเpโแจสป])\(?\s*(?P<w>ระยะที่|ช่วงที่|ตอนที่|ส่วนที่|เฟสที่|เฟส|phase|ระยะ|โซน(?:ที่)?|แห่งที่|จุดที่|ตัวที่"
                       r"|(?<!ศึกษา)ปีที่)\s*(\d{1,2})(?!\d)"
                       # (not a distance: บ่อพักทุกระยะ 20 เมตร)
                       r"(?!\s*(?:[.,]\d|เมตร|กิโลเมตร|เซนติเมตร))\s*\)?",
                       re.IGNORECASE)
_PHASE_WORDS = ("ระยะ", "ช่วงที่", "ตอนที่", "ส่วนที่", "เฟส", "phase", "Phase", "PHASE", "โซน", "แห่งที่", "จุดที่", "ตัวที่",
                "ปีที่")
#: any of the words (one scan of the literals: as fast as thirteen ``in`` tests, measured 1.04 against 1.10 µs)
_PHASE_WORD_RE = re.compile(trie_regex(_PHASE_WORDS))
#: numbered parts of one place (the zone, site or unit of a set), not phases in time
_PART_WORDS = {"โซน": "โซน", "โซนที่": "โซน", "แห่งที่": "แห่งที่", "จุดที่": "จุดที่", "ตัวที่": "ตัวที่"}
_CHAIN_RE = re.compile(r"(?=[ก\d])(?:กิโลเมตร(?:ที่)?\s*)?(\d{1,3})\+(\d{3})")
_SEGMENT_RE = re.compile(r"(?=[ชก\d])(?:ช่วง\s*)?(?:กิโลเมตร(?:ที่)?\s*)?\d{1,3}\+\d{3}(?:\s*(?:-|ถึง)\s*(?:กิโลเมตร(?:ที่)?\s*)?\d{1,3}\+\d{3})?")
#: (a stretch between two named places, after ช่วง or ตอน: ตอนบ้านก - บ้านข; or any two things a writer names
#: after ช่วงจาก … ถึง …: ช่วงจากบ่อขยะร้างถึงป้อมยามเดิม; or the tambon at whose border it lies)
_SEGMENT_NAMED_RE = re.compile(r"(?:ช่วง|ตอน)\s*(?:จาก\s*)?((?:ทางเข้า|หน้า|ปากทาง)?(?:บ้าน|ชุมชน|วัด|โรงเรียน|แยก|สะพาน|คลอง)[^\s-]+)"
                               r"\s*(?:ถึง|ไป|-)\s*((?:ทางเข้า|หน้า|ปากทาง)?(?:บ้าน|ชุมชน|วัด|โรงเรียน|แยก|สะพาน|คลอง)[^\s-]+)"
                               r"|ช่วง\s*จาก\s*([^\s\-]+?)\s*(?:ไปจนถึง|ถึง)\s*([^\s\-]+)"
                               # the stretch at a border (ช่วงรอยต่อตำบลแม่กระบุง): the tambon it meets is its end
                               r"|ช่วง\s*(?:รอยต่อ|ติดต่อ|ติด)\s*(?:กับ\s*)?(?:เขต\s*)?((?:ตำบล|อำเภอ|จังหวัด)\s*[ก-๙]+)")
#: a stretch between two house numbers (จากบ้านเลขที่ 11 ถึงบ้านเลขที่ 76): its ends, like a named segment's
_SEGMENT_HOUSES_RE = re.compile(r"(?:ช่วง\s*)?(?:จาก\s*)?บ้านเลขที่\s*(\d+(?:/\d+)?)\s*(?:ถึง|ไป|-)\s*บ้านเลขที่\s*(\d+(?:/\d+)?)")
#: an item's number in a list of projects (ชุดโครงการ… ลำดับที่ 7, "8. โครงการ…"): not part of the name or a part
_LIST_ITEM_RE = re.compile(r"ลำดับที่\s*\d{1,3}(?!\d)|^\(?\d{1,3}[.)]\s*(?=[ก-๙])")
#: (also ปีงบ 2567, งบปี 2568, ข้อบัญญัติ 2568, ปี 2568 and a bare year in a bracket, (2569): the year of the line)
#: (and a budget year in two digits, ปีงบฯ 68 / ปีงบประมาณ 69 / ปี 68: 2568, 2569; not a count of years: ปี 60 เดือน)
_YEAR_RE = re.compile(r"(?:(?:ประจำปี(?:งบประมาณ)?|ปีงบประมาณ|ปีงบ|งบปี|ข้อบัญญัติ(?:งบประมาณ)?(?:\s*ปี)?|(?<![ก-๙])ปี)\s*"
                      r"(?:พ\.ศ\.\s*)?|(?<=\()(?=25\d\d\s*\)))(25\d\d)(?!\d)(?!\s*[-–]\s*25\d\d)"
                      r"|(?:ประจำปีงบประมาณ|ปีงบประมาณ|ปีงบ|(?<![ก-๙])ปี)\s*([5-9]\d)(?![\d.,/-])(?!\s*(?:ปี|เดือน|คน|ราย|%))")
_MULTI_YEAR_RE = re.compile(r"\(?[^()]*?(?:ผูกพัน|ข้ามปี)[^()]*\)?")
_COMPONENT_RE = re.compile(r"(?:โครงการ\s*)?(?:ค่าควบคุมงาน|ค่าออกแบบ|ค่าจ้างที่ปรึกษา|ค่าจ้างควบคุมงาน|ค่าสำรวจออกแบบ)")
_MULTI_YEAR_WORD = re.compile(r"ผูกพัน|ข้ามปี|งบประมาณต่อเนื่อง")
#: the programme a line is filed under, to the end (… ภายใต้โครงการส่งเสริมการท่องเที่ยวเชิงวิถีวัฒนธรรม): neither
#: its name nor its work
_FILED_UNDER_RE = re.compile(r"(?<=\S)\s+ภายใต้โครงการ.*$")
#: the plan and strategic issue a line is filed under, in brackets after the work ([แผนพัฒนากลุ่มจังหวัด…
#: ประเด็นการพัฒนาที่ 2], cut short or whole): no number in it is a part of the work
_PLAN_NOTE_RE = re.compile(r"(?<=\S)\s*[\[(]\s*(?:แผนพัฒนา|ประเด็นการพัฒนา|ประเด็นยุทธศาสตร์|ยุทธศาสตร์)[^\[\]()]*(?:[\])]|$)")
#: one chainage that a stretch starts from (ต่อจาก กม.0+430, กม.1+200 เป็นต้นไป): the rest after a stretch built before
_ONWARD_RE = re.compile(r"ต่อจาก\s*(?:กิโลเมตร(?:ที่)?\s*)?\d{1,3}\+\d{3}|\d{1,3}\+\d{3}\s*(?:เป็นต้นไป|ไปจนสุด)")
#: a continuation of a work begun in an earlier year (not the multi-year wording งบประมาณต่อเนื่อง)
_CONTINUED_RE = re.compile(r"\(?\s*(?:โครงการ|งาน)?(?<!งบประมาณ)ต่อเนื่อง\s*\)?|\(?\s*(?:ส่วน|ช่วง)?ต่อขยาย\s*\)?"
                           r"|\(?\s*ส่วนขยาย\s*\)?"
                           # ต่อจากเดิม / ต่อจากช่วงแรก / ต่อจากถนนเส้นเดิม / ต่อจากแนวเดิม / ต่อเชื่อมของเดิม: the
                           # stretch that follows the first one
                           # (ต่อเชื่อมจากจุดเดิมที่ก่อสร้างปี 2567: from the point where the earlier stretch ended)
                           r"|\(?\s*ต่อ(?:จาก|เชื่อม(?:จาก)?)(?:ของ|ถนน|เส้น|ช่วง|ระยะ|โครงการ|แนว|จุดสิ้นสุด|จุด)?(?:เดิม|แรก)"
                           r"(?:ที่(?:ก่อสร้าง|สร้าง|ทำ)(?:ไว้)?(?:แล้ว)?)?"
                           r"(?:\s*(?:ปี|ปีงบประมาณ)\s*(?:พ\.ศ\.\s*)?25\d\d)?\s*\)?"
                           # (ส่วนที่เหลือของแนว): what is left of a line begun before
                           r"|\(?\s*ส่วนที่เหลือ(?:ของ[^\s()]*)?\s*\)?"
                           # a word of its own after the name (ถนนสายหน้าวัด… เพิ่มเติม): more of a work done before
                           r"|(?<!\S)\(?เพิ่มเติม\)?(?!\S)")

_REPAIR = ("ซ่อมแซม", "ซ่อมสร้าง", "ซ่อมบำรุง", "ปรับปรุง", "บำรุงรักษา", "บูรณะ", "เสริมผิว", "ฟื้นฟู", "ซ่อม",
           # surfacing a track that exists (ลงหินคลุก/ลงลูกรัง ถนนเส้น…): an upgrade, like ปรับปรุงถนนลูกรังเป็นหินคลุก
           "ลงหินคลุก", "ลงลูกรัง",
           # painting, replacing, extending or cleaning what stands (ทาสีสะพาน, เปลี่ยนกล้องที่เสีย, ต่อเติมอาคาร,
           # ลอกท่อลอดที่อุดตัน): work on an asset that exists, not a new one
           "ทาสี", "เปลี่ยน", "ต่อเติม", "ลอกท่อ", "ล้างท่อ", "ล้างทำความสะอาด",
           # topping up what wears away (เติมหินคลุก, เติมวัสดุกรองบ่อ…); lining a canal that exists (ดาดคอนกรีต…)
           "เติม", "ดาดคอนกรีต")
#: repair words that hold their object (ลอกท่อ…, ล้างท่อ…): the name keeps them
_REPAIR_OBJECT = ("ลอกท่อ", "ล้างท่อ", "ดาดคอนกรีต")
#: surfacing words: a repair verb before a road (ลงหินคลุกถนน…), a description after one (ถนนดินลงลูกรัง)
_SURFACING = ("ลงหินคลุก", "ลงลูกรัง")
_NEW = ("ก่อสร้าง", "สร้าง", "ติดตั้ง", "ขยายเขต", "ขยาย", "วาง", "ขุดเจาะ", "จัดซื้อ", "จัดหา")
#: (เปลี่ยน in a name or a policy is no repair: ซอยบ้านนายเปลี่ยน, ปรับเปลี่ยนพฤติกรรม)
_ACTION_RE = re.compile("(?:" + trie_regex(_REPAIR + _NEW) + ")(?<!นายเปลี่ยน)(?<!นางเปลี่ยน)(?<!ปรับเปลี่ยน)(?<!เพิ่มเติม)")
#: leading words stripped from the name, repeatedly
#: Work types that are not built, so a title without a verb says nothing of repair or new work.
_NO_ACTION = ("training", "tourism", "waste", "vehicle", "market")
_PREFIXES = ("โครงการ", "รายการ", "กิจกรรมหลัก", "กิจกรรมย่อย", "กิจกรรม", "ค่าก่อสร้าง", "ค่าควบคุมงาน", "ค่า", "งาน",
             "จ้างเหมา", "จ้าง", "การ", "ดำเนินการ", "ระดมทุน",  # (ระดมทุนทำ…: a fund raised for the work)
             "และ", "พร้อม", "ก่อสร้างใหม่", "ใหม่") + tuple(w for w in _REPAIR + _NEW if w not in _REPAIR_OBJECT)
_DOUBLED = ("โครงการ", "ก่อสร้าง", "ปรับปรุง", "ซ่อมแซม", "ติดตั้ง", "จัดซื้อ", "ขุดลอก")
_PREFIX_RE = re.compile(r"^(?:" + trie_regex(_PREFIXES) + r")\s*")

_PLACE_KINDS: tuple[tuple[str, str, str], ...] = (
    # (kind, keyword, negative lookahead of generic words that are not names)
    ("road", "สาย", r"ทาง|ใหญ่|ไฟ|ส่ง|ซอย|ไฟฟ้า|ละ|ต่างๆ|รอง|หลัก|ที่(?!\s?\d)"),
    ("soi", "ซอย", r"ย่อย|ต่างๆ|\s?ซอย"),  # (ในซอย ซอยท่าเรือแจว: the second ซอย names it)
    ("road", "ถนน", r"คอนกรีต|ลาดยาง|ลูกรัง|หินคลุก|แอสฟัลต์|ผิว|สาย|เข้า|เลียบ|ภายใน|คันคลอง|พารา|ใน|เพื่อ|ดิน|ทาง|ซอย|สู่|ไป|เชื่อม|และ|บ้าน|เส้น"
              r"|ปูบล็อก|บล็อก|ใหม่|เดิม|เก่า|ขาด|พัง|ชำรุด|เสีย|ทรุด|ที่(?!\s?\d)"),
    # (บ้านนายบรรจง, บ้านนางสมใจ: a person's house, no village; บ้านนายาง is a village)
    ("village", "บ้าน", r"พัก|เรือน|เลขที่|ผู้|ปลอดภัย|มั่นคง|แบบ|บ้าน|นาย(?=[ก-ฮ])|นาง(?=[ก-ฮ])"),
    # (ชุมชนฐานราก, ชุมชนเข้มแข็ง, ชุมชนน่าอยู่: what a programme wants communities to be, no community's name)
    ("village", "ชุมชน", r"ต่างๆ|ชุมชน|ฐานราก|เข้มแข็ง|น่าอยู่|ยั่งยืน|สุขภาวะ|ปลอดภัย|พึ่งตนเอง|ท้องถิ่น|สีเขียว|ในเขต"),
    ("water", "คลอง", r"ส่งน้ำ|ระบายน้ำ|ซอย|ไส้ไก่|ดาด|ดิน|ธรรมชาติ|ส่ง|ต่างๆ"),
    ("water", "หนอง", r"น้ำสาธารณะ|สาธารณะ|กลาง(?:หมู่)?บ้าน"),
    ("water", "ลำห้วย", r""),
    ("water", "ห้วย", r""),
    ("water", "บึง", r""),
    ("water", "พรุ", r""),
    ("water", "แม่น้ำ", r""),
    # northern streams are named น้ำ…/ลำน้ำ… (ข้ามลำน้ำปั้ว, ริมน้ำน่าน): a bare น้ำ only after ข้าม/ริม
    ("water", "ลำน้ำ", r"สาย|ธรรมชาติ|สาธารณะ|ต่างๆ"),
    ("water", "น้ำ", r"ล้น|ท่วม|ประปา|ดื่ม|บาดาล|เสีย|ฝน|ทะเล|ตก|ขัง|หลาก|ใต้ดิน|ผิวดิน"),
    ("water", "อ่างเก็บน้ำ", r""),
    ("landmark", "วัด", r"ถุ|ระดับ|ค่า|ขนาด|ปริมาณ"),
    ("landmark", "โรงเรียน", r"ต่างๆ|โรงเรียน"),
)
_STOP = r"โครงการ|เสนอ|เข้าหมู่บ้าน|เข้าสู่|ถึง|พร้อม|เชื่อม|และ|บริเวณ|ช่วง|จาก|ไปยัง|ไป|หมู่ที่|เพื่อ|ซึ่ง|โดย|ระยะ|หน้า|ข้าง|ด้าน|ขนาด"
#: words a place keyword may end, which make it no place: คลองสาย…, หมู่บ้าน…, ตรวจวัด…/เครื่องวัด… (measuring)
_PLACE_LOOKBEHIND = {"สาย": "(?<!คลองสาย)(?<!ไร้สาย)(?<!ตามสาย)", "ซอย": "(?<!คลองซอย)", "บ้าน": "(?<!หมู่บ้าน)(?:(?<!ชาวบ้าน)|(?!\\s?(?:จึง|เอา|ต้อง|อยาก|เดือดร้อน|ขอ|ได้|ไม่|มี|ทั้ง|และ|ที่|ใน|ส่วน|เรา|แถว)))",
                     "พรุ": "(?<!บ้านพรุ)(?<!คลองพรุ)",
                     "วัด": "(?<!ตรวจวัด)(?<!เครื่องวัด)(?<!จังหวัด)",
                     # a water inside a village's name is no water (บ้านคลองมะนาว, บ้านหนองบัว, บ้านห้วยพาน)
                     "น้ำ": "(?:(?<=ข้ามน้ำ)|(?<=ริมน้ำ)|(?<=ฝายน้ำ)|(?<=ฝาย น้ำ)|(?<=เหล็ก น้ำ))", "คลอง": "(?<!บ้านคลอง)", "หนอง": "(?<!บ้านหนอง)", "ห้วย": "(?<!บ้านห้วย)", "บึง": "(?<!บ้านบึง)"}
_PLACE_RE = tuple(
    # the lookbehind after the keyword (``สาย(?<!คลองสาย)`` = ``(?<!คลอง)สาย``) lets ``re`` scan for the literal
    (kind, kw, re.compile(re.escape(kw) + _PLACE_LOOKBEHIND.get(kw, "") + r"\s?" + (rf"(?!{neg})" if neg else "")
                          # (a village's name may start with a stop word: บ้านหน้าเขา, บ้านจากดง)
                          + rf"((?:(?:(?<=บ้าน)|(?!{_STOP}))[ก-๙A-Za-z0-9./{'-' if kind == 'road' else ''}])+"
                          + (r"(?:\s\d+(?![\d.]))?)" if kind in ("road", "soi") else ")")))
    for kind, kw, neg in _PLACE_KINDS
)
_DASH = re.compile(r"\s*-\s*")
_PUNCT = re.compile(r"[()\"'“”\[\]{};:]+")
_PUNCT_KEEP_BRACKETS = re.compile(r"[\"'“”{};:]+")
#: a programme, strategy, fund or priority said before ``:`` or `` / `` (then the work): not the work's name
#: (a lead opens the title: a strategy named in a bracket after the work, ``… (ยุทธศาสตร์กลุ่มจังหวัด: …)``, is a remark)
#: (or anything said before a colon that a project or item follows: ผลผลิต… : โครงการ…, ประเด็น… : รายการ…)
_COLON_LEAD_RE = re.compile(r"^[^:/(\[]*?(?:แผนงาน|ยุทธศาสตร์|ลำดับความต้องการ|ความต้องการที่|กองทุน|สถาบัน|เครือข่าย|"
                            r"สภาองค์กร)[^:/]*(?::|\s/\s)\s*|^[^:/(\[]*:\s*(?=โครงการ|รายการ|กิจกรรม|ผลผลิต)")
#: Rule 12, remarks: what a bracket holds (``(น้ำไม่พอใช้หน้าแล้ง)``, ``(AC)``, ``(ซอยริมคลอง)``) is not the name
_BRACKET_RE = re.compile(r"[(\[][^()\[\]]*[)\]]?")
#: Rule 12, purpose and complaint clauses, up to the next space: ``เพื่อการเกษตร``, ``เก็บน้ำไว้ทำนาปรัง``,
#: ``(หนองสิม)ให้ลึก``, ``แทนถนนลูกรัง…``, ``หน้าฝนรถขึ้นไม่ได้``, ``…ผักตบชวาเต็ม เรือสัญจรไม่ได้``
_PURPOSE_RE = re.compile(
    r"(?:เพื่อ|เก็บน้ำไว้|(?<=[ก-๙])(?<!ผู้)(?<!อยาก)(?<!ต้องการ)(?<!เสนอ)ให้(?=[ก-๙])(?!โรงเรียน|วัด|บ้าน|ชุมชน|หมู่บ้าน|คนบ้าน|ชาวบ้าน))\S*"
    r"|(?<!\S)ภายใต้(?:แผนงาน|ยุทธศาสตร์|แผน)\S*"
    r"|(?<!\S)(?:เพราะ|เนื่องจาก|ตอนนี้|เหตุผล).*?(?=\s(?:บ้าน|ชุมชน|สาย|ซอย|คลอง|ห้วย|หนอง|ลำ|แม่น้ำ|บึง|พรุ|วัด|โรงเรียน)|$)"
    r"|(?<!\S)(?:แทน|ปัจจุบัน|หน้าฝน|หน้าแล้ง|ฤดูฝน|ฤดูแล้ง|ฝนตก|ไว้|ใช้)\S*"
    r"|(?<=\s)(?:ลดต้นทุน|ลดปัญหา|ลดความ|แก้ปัญหา|แก้ไขปัญหา)\S*"
    # (a word that also holds a request or what is wrong with the thing is cut by the narrower rules instead)
    r"|(?<!\S)(?![^\s]*(?:ที่(?:อุดตัน|ชำรุด|เสีย|พัง|ตื้นเขิน)|ขอ|อยาก|ต้องการ))[^\s]*(?:ไม่ได้|ไม่พอ|ลำบาก|ทุกปี|เสี่ยง|ตื้นเขิน|ติดหล่ม|ชำรุดเสียหาย|(?:ถนน|ทาง|ซอย)มืด|เดือดร้อน)\S*"
    # what is wrong with the thing (ท่อลอดที่อุดตัน, กล้องที่เสีย): a state, not a name
    r"|(?<=[ก-๙])ที่(?:อุดตัน|ชำรุด|เสีย(?!ง)|พัง|ตื้นเขิน)\S*"
    # a standard size class or storey count of a design is a size, not a name (ขนาดกลาง, ชั้นเดียว)
    r"|ขนาด(?:ใหญ่|กลาง|เล็ก)(?:พิเศษ)?|ชั้นเดียว")
#: Rule 12, request and grant wording before the work: ขอสนับสนุน…, ขอรับการสนับสนุน…, เงินอุดหนุนเฉพาะกิจ…,
#: and the plain verbs of a community request (ทำถนน…, เทถนน…, เทคอนกรีตถนน…, ขอสร้างศาลา…, ขอติดกล้อง…)
_REQUEST_RE = re.compile(
    r"^(?:ขอรับการสนับสนุน(?:งบประมาณ)?|ขอสนับสนุน(?:งบประมาณ)?|ขอรับงบประมาณ|เงินอุดหนุนเฉพาะกิจ|เงินอุดหนุน"
    r"|อยากให้(?:มี|ทำ|สร้าง)?|อยากได้|(?:ความ)?ต้องการ(?:ให้)?(?:มี)?|ขอสร้าง|ขอติดตั้ง"
    r"|(?:ขอ(?:สร้าง|ติดตั้ง|ติด)?|ทำ|เท(?:คอนกรีต)?)(?=\s*(?:ถนน|ระบบ|ประปา|ฝาย|ทาง|ลาน|ศาลา|สะพาน|ราง|ท่อ|ลง|คอนกรีต"
    r"|อาคาร|กล้อง|ห้องน้ำ|ส้วม|ไฟ|เสาไฟ|หอ|บ่อ|โรง)))\s*")
#: the words of someone asking or explaining (a villager's request, a club's proposal), not of a plan's line
SPOKEN_RE = re.compile(r"ขอ|อยาก|ต้องการ|เสนอ|เพราะ|เนื่องจาก|เหตุ|ปัญหา|มติ|ความประสงค์")
#: Rule 12, a strategy lead of a cluster or department title (พัฒนา…, เพิ่มประสิทธิภาพ…, ยกระดับ…, แก้ไขปัญหา…,
#: บริหารจัดการ…) before the work itself (… กิจกรรม<work>, … โดย<work>, … ก่อสร้าง<work>)
_LEAD_WORDS = ("พัฒนา", "เพิ่มประสิทธิภาพ", "เพิ่มความ", "ยกระดับ", "แก้ไขปัญหา", "แก้ปัญหา", "บริหารจัดการ", "ส่งเสริม")
_LEAD_RE = re.compile(r"^(?:โครงการ\s*)?(?:" + trie_regex(_LEAD_WORDS) + ")")
_ACTIVITY_RE = re.compile(r"\sกิจกรรม\s*(?=\S)")
_WORK_START_RE = re.compile(r"^[(\[]?(?:กิจกรรม|รายการ|โดย|งาน)?\s*(?=" + trie_regex(("ก่อสร้าง", "ปรับปรุง", "ซ่อมแซม", "ซ่อมสร้าง", "ขุดลอก",
                                                                   "ติดตั้ง", "สร้าง")) + ")")


#: the facilities of a tourist spot named first in a title (ลานจอดรถ…, ที่จอดรถ…, ห้องน้ำ…, ห้องส้วม…)
_TOURIST_FACILITY_RE = re.compile(r"ลานจอดรถ|ที่จอดรถ|ห้องน้ำ|ห้องส้วม|ส้วม")
#: Rule 12, a request that names the place first: ``ซอยข้างโรงเรียน ขอทำถนนคอนกรีต`` (the work after ขอ)
_REQUEST_MID_RE = re.compile(r"(?:\s|(?<=จึง)|(?<=มติ)|(?<=[-:])|(?<=[ก-๙])(?=อยาก))(?:ขอ(?:รับ)?(?:การ)?(?:สนับสนุน)?(?:ทำ|สร้าง|เท|ลง)?|อยากให้(?:มี|ทำ|สร้าง)?"
                             r"|อยากได้|(?:ความ)?ต้องการ(?:ให้)?(?:มี)?|เสนอให้(?:ทำ|มี|สร้าง)?)\s*(?=[ก-๙])")
#: what a villager says before asking (ชาวบ้านจึง…): no place
_ASKER_RE = re.compile(r"\s*(?:ชาวบ้าน|ประชาชน|พวกเรา|เรา)?\s*(?:จึง|เลย)?\s*$")
#: what starts a named place after the extras of a work: the key keeps it (``… พร้อมหอถังสูง บ้านขวาวใหญ่``)
_PLACE_AFTER_RE = re.compile(r"\s(?:ภายใน|บริเวณ)?(?=บ้าน|ชุมชน|สาย|ซอย|คลอง|ห้วย|หนอง|ลำ|แม่น้ำ|บึง|วัด|โรงเรียน)")


#: Rule 13, activities held every year (each year's is a new one): training, campaigns, festivals and
#: competitions, fire breaks and patrols, weed and water-hyacinth clearing, mosquito spraying, road grading
RECURRING_WORDS = ("ฝึกอบรม", "อบรม", "สัมมนา", "ศึกษาดูงาน", "รณรงค์", "จัดงาน", "งานประเพณี", "สืบสานประเพณี",
                   "เทศกาล", "แข่งขันกีฬา", "แนวกันไฟ", "ลาดตระเวน", "ดับไฟป่า", "กำจัดผักตบชวา", "กำจัดวัชพืช",
                   "พ่นหมอกควัน", "ฉีดพ่น", "ควบคุมโรค", "ป้องกันโรค", "ปรับเกรด", "เกรดถนน", "ตัดหญ้า")
_RECURRING_RE = re.compile(trie_regex(RECURRING_WORDS))


#: a wish said glued to the name of who wishes it, and the dash or colon before the work (…อยากได้ -)
_WISH_TAIL_RE = re.compile(r"(?:อยากได้|อยากให้|ต้องการ)?[-:]*$")
#: a word that starts with a place (not ถนน…, which says what the road is like)
_PLACE_START_RE = re.compile(r"(?:บ้าน|ชุมชน|ซอย|สาย|คลอง|ลำห้วย|ห้วย|หนอง|บึง|พรุ|แม่น้ำ|ลำน้ำ|วัด|โรงเรียน)(?!จึง|ต้อง|อยาก)")


def _request_first(name: str) -> str:
    """The work a request names after ขอ / อยากได้ / อยากให้ / ต้องการ, then the places said before it (rule 12); the
    rest said before it is the reason for asking (ต้องอ้อมไปอีกสามกิโล ชาวบ้านจึงขอ…) and is left out."""
    m = _REQUEST_MID_RE.search(name)
    if m is None:
        return name
    work = name[m.end():]
    # (a work keyword in the first word asked for: ขอทำร่องระบายน้ำ…, ขอโรงมุ้งปลูกผัก…)
    if not _KW_RE.search(_PREFIX_RE.sub("", work).split(" ", 1)[0]):
        return name
    # the words said before that start with a place (ซอยข้างโรงเรียน, ชาวบ้านดอนหมากเห็บ → บ้านดอนหมากเห็บ)
    # (เรื่องที่ชาวบ้านโนนแดงอยากได้ - ขอ…: what the villagers of บ้านโนนแดง want)
    said = [w for w in (_WISH_TAIL_RE.sub("", w.removeprefix("เรื่องที่").removeprefix("ชาว"))
                        for w in _ASKER_RE.sub("", name[: m.start()]).split())
            if _PLACE_START_RE.match(w)]
    return " ".join([work, *said]).strip()


def _without_extras(name: str) -> str:
    """The name without ``พร้อม <extras>``, keeping a named place that follows the extras."""
    head, extras = _PLUS_RE.split(name, maxsplit=1)
    m = _PLACE_AFTER_RE.search(extras)
    return (head + extras[m.end():] if m else head) or name


def _remark(m: re.Match) -> str:
    """A bracket's text when it names a place (``ห้วยเหนือ (บ้านป่ายาง)``: one of a series), else a space (also
    for who does the work or the strategy it serves)."""
    inner = m.group(0)
    said = inner[1:].lstrip()
    if said.startswith("โดย") or _LEAD_RE.match(said):
        # who does it (โดยกองทุนสวัสดิการชุมชนตำบล…, โดยกลุ่มผู้ใช้น้ำห้วย…) or the strategy it serves
        # (ยกระดับการท่องเที่ยวชุมชน…), not where
        return " "
    return " " + inner[1:].rstrip(")]") + " " if _REMARK_PLACE_RE.search(inner) else " "


def _split_lead(t: str) -> tuple[str, str]:
    """(the work, the strategy lead before it) of a title that opens with a strategy (rule 12), or with a
    programme whose activity follows (โครงการเชื่อมโยงเส้นทาง… กิจกรรมสะพานท่อเหลี่ยม…), or with a strategy in
    square brackets ([พัฒนาเส้นทาง…] รายการก่อสร้างถนน…)."""
    if t.startswith("[") and "]" in t:
        end = t.index("]")
        if t[end + 1:].strip():
            return t[end + 1:].strip(), t[1:end]
    if not _LEAD_RE.match(t):
        m = _ACTIVITY_RE.search(t) if t.startswith("โครงการ") and "กิจกรรม" in t else None
        if m is not None and _KW_RE.match(_PREFIX_RE.sub("", t[m.end():])):
            return t[m.end():], t[: m.start()]
        return t, ""
    words = t.split(" ")
    for i in range(1, len(words)):
        m = _WORK_START_RE.match(words[i])
        if m:
            rest = " ".join([words[i][m.end():], *words[i + 1:]]).strip()
            if rest:
                return rest, " ".join(words[:i])
    m = re.search(r"กิจกรรม(?=\S)", t)
    if m and m.start() > 0:
        return t[m.end():], t[: m.start()]
    return t, ""



def normalize(title: object) -> str:
    """Rules 1–3: Unicode, sara am, invisible characters, Thai digits, abbreviations and spacing."""
    t = clean_text(title)
    if not t:
        return ""
    if _CHAR_FIX.search(t):  # most titles have none of these characters: one scan instead of five
        t = _INVISIBLE.sub("", t)
        if _THAI_DIGIT.search(t):
            t = thai_digits_to_arabic(t)
        if "," in t:
            t = _THOUSANDS.sub("", t)
        t = t.replace("–", "-").replace("—", "-").replace("ฯ", "")
    skip_to = 0
    for k, rx, rep, need, pre, group, end in _ABBREV_PASSES:
        if k < skip_to:
            continue
        if group is not None and not (need in t and group.search(t)):
            skip_to = end  # no pass of the run applies
            continue
        if need in t and (pre is None or pre.search(t)):
            t = rx.sub(rep, t)
    if "-" in t:
        t = _DASH.sub("-", t)
    for rx, rep, need, needs, pre in _SYNONYM_PASSES:
        if need not in t:
            for n in needs:
                if n in t:
                    break
            else:
                continue  # none of its literals: the pass does not apply
        if pre is None or pre.search(t):
            t = rx.sub(rep, t)
    return " ".join(t.split())


@dataclass(frozen=True)
class TitleFeatures:
    """What a title says, separated: the name of the work and its attributes."""

    text: str  # the normalised title
    name: str  # the name of the work: no prefix, spec, address, village, phase or year (spaces kept)
    key: str  # the name without spaces: what titles are compared on
    work_type: str | None
    work_types: frozenset[str]
    action: str | None  # "repair" | "new" | None
    villages: frozenset[int]
    places: frozenset[tuple[str, str]]  # (kind, name): road/village/water/landmark
    phase: int | None
    segment: tuple[float, float] | None  # kilometre chainage in metres (start, end)
    segment_ends: frozenset[str]  # named ends of a segment: ช่วงบ้านก ถึงบ้านข
    title_year: int | None
    multi_year: bool
    component: bool  # a cost line of another item: ค่าควบคุมงาน (supervision), ค่าออกแบบ (design), ค่าจ้างที่ปรึกษา
    specs: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    parts: frozenset[str] = frozenset()  # which part of a place: ตอนบน, กลาง/ปลาย, ซ้าย/ขวา, แห่งที่ 2, a series number #1
    # the name that follows the work noun (สถานีสูบน้ำ<บ้านโคกยาง>) without marks: what the structure is called
    site: str = ""
    # an activity offices hold every year (training, a campaign, a festival, fire breaks, weed clearing): each
    # year's is a new one, so two years are never one duplicate
    recurring: bool = False
    # a title that names the thing without a verb (a request ขอถนนลูกรัง…, ขอทำห้องน้ำ…, or a bare noun in a plan
    # ถนนผิวแอสฟัลต์ สาย…; from round 11): action is read as "new", but it may as well be a repair of what exists
    request: bool = False

    @property
    def village(self) -> int | None:
        """The village number when the title names exactly one."""
        return next(iter(self.villages)) if len(self.villages) == 1 else None


_SPEC_NAME: dict[str, str] = {}
for _k, _n in _SPEC_KEYS:
    _SPEC_NAME.setdefault(_k, _n)


def _cut(t: str, matches: list) -> str:
    """``rx.sub(" ", t)`` from the matches ``rx.finditer(t)`` already found (one scan instead of two)."""
    if not matches:
        return t
    if len(matches) == 1:  # the common case (one village number, one size)
        s, e = matches[0].span()
        return t[:s] + " " + t[e:]
    parts = []
    pos = 0
    for m in matches:
        s, e = m.span()
        parts.append(t[pos:s])
        pos = e
    parts.append(t[pos:])
    return " ".join(parts)


def _dedupe_words(text: str) -> str:
    """Drop a word (or a leading run) written twice in a row: ``ก่อสร้างก่อสร้าง`` → ``ก่อสร้าง``."""
    words = text.split()
    out: list[str] = []
    for w in words:
        if not out or out[-1] != w:
            out.append(w)
    text = " ".join(out)
    for verb in _DOUBLED:
        while verb + verb in text:
            text = text.replace(verb + verb, verb)
    return text


#: words a place's name follows: a work keyword right after them is part of that name
_NAMED_BY = ("บ้าน", "ชุมชน", "วัด")
#: words a road follows when it is where another work stands (ข้างทางถนน…, ริมถนน…, ตามแนวถนน…)
_ALONG = ("ข้างทาง", "ริมทาง", "ริม", "ข้าง", "ตามแนว", "ตลอดแนว", "เลียบ")


def _keywords(name: str):
    """(match, work type code) of each work keyword in the name, in order."""
    for m in _KW_RE.finditer(name):
        code = _KW_TO_TYPE.get(m.group(0).lower()) or _KW_TO_TYPE[m.group(0)]
        if code == "equipment" and name.endswith("ด้วย", 0, m.start()):
            continue  # ด้วยเครื่อง…: the tool a work is done with, not a purchase
        if code == "building" and name.startswith("เรียน", m.end()) and m.group(0) == "โรง":
            continue  # โรงเรียน: a school named as the place of a work (หน้าโรงเรียน…), not a shed (โรง…)
        if name.endswith(_NAMED_BY, 0, m.start()):
            continue  # บ้านสะพานไม้ตาล, ชุมชนฝายหิน, วัดสระแก้ว: the name of a village or temple, not a work
        if code == "road" and name[: m.start()].rstrip().endswith(_ALONG):
            continue  # ศาลาที่พักผู้โดยสาร ข้างทางถนนสาย…: the road is where the work stands, not a work
        yield m, code


def _work_types(name: str) -> tuple[str | None, frozenset[str]]:
    first: tuple[int, int, str] | None = None
    found: set[str] = set()
    for m, code in _keywords(name):
        found.add(code)
        if first is None:
            first = (m.start(), -len(m.group(0)), code)
    # at one position the longest keyword wins: re alternation is ordered longest first already
    return (first[2] if first else None), frozenset(found)


_WT_ORDER = {w.code: i for i, w in enumerate(WORK_TYPES)}
#: what a building holds or is bought with, which does not make it another work (a building is their container)
_CONTAINED = frozenset(("building", "equipment", "vehicle"))
_TRIM_RE = re.compile(r"(?=[\s-])(?:(?:\s*-\s*)+$|^\s*-\s*|\s-\s)")
_PLUS_RE = re.compile(r"\s*พร้อม")
_ROUTE_JOIN_RE = re.compile(r"((?:สาย|เส้น)\S+)\s+-\s+(?=\S)")
#: cheap necessary conditions (searches that start with a literal or a digit) before the costlier passes
_SPEC_PRE = re.compile(rf"(?:{trie_regex(_SPEC_NAME)})\s*(?:ไม่น้อยกว่า|ไม่เกิน|ประมาณ|รวม|ละ|เฉลี่ย)?\s*\d")
_COUNT_PRE = re.compile(r"\d\s*(?:แห่ง|สายทาง|จุด|คัน|เครื่อง|ชุด|หลัง|ต้น|ระบบ|โครงการ|รายการ|บ่อ|ดวง|ท่อน|สถานี|"
                        r"ครอบครัว|สนาม|อาคาร|ยูนิต|ห้อง|งาน|สาย)")
_PHASE_PRE = re.compile(r"(?:ระยะ|ช่วงที่|ตอนที่|ส่วนที่|เฟส|โซน|แห่งที่|จุดที่|ตัวที่|ปีที่)(?:ที่)?\s*\d|phase\s*\d", re.IGNORECASE)


_PLACE_KW_RE = re.compile(trie_regex({kw for _, kw, _ in _PLACE_KINDS}))
#: (not the วัด of จังหวัด: "(ยุทธศาสตร์กลุ่มจังหวัด …)" is a remark)
_REMARK_PLACE_RE = re.compile("(?:" + trie_regex({kw for _, kw, _ in _PLACE_KINDS} - {"น้ำ", "ลำน้ำ"}) + ")(?<!จังหวัด)")
#: Rule 9, a route between two villages without สาย: จากบ้านก ไปบ้านข, บ้านก - บ้านข, เส้นก ไป ข (the road ก-ข)
_ROUTE_END = rf"((?:(?!{_STOP})[ก-๙A-Za-z0-9.])+)"
_ROUTE_RE = re.compile(rf"(?:(?:จาก|สาย|เส้น)\s*(?:บ้าน)?|(?<![ก-๙])บ้าน|(?<=[ก-๙])บ้าน(?<!หมู่บ้าน)"
                       rf"|(?:(?<=เหล็ก)|(?<=ลาดยาง)|(?<=ลูกรัง)|(?<=หินคลุก))\s*(?!สาย|เส้น|จาก|ซอย|ถนน|ทาง)(?:บ้าน)?){_ROUTE_END}"
                       rf"\s*(?:-|ไปยัง|ไปสู่|ไป|ถึง)\s*(?:บ้าน)?{_ROUTE_END}")


#: A local road's registration code (พร.ถ.1-0042, บร.3906, นฐ.3923, ชพ.ถ.85-012): a province's two letters, a dot,
#: optionally ถ., then digits. A code names the road in the register, a route (สาย…) or soi (ซอย…) names it on the
#: ground: a code and a route are two descriptors of different kinds, never a conflict.
#: (not the second of two abbreviations, บก.รน. 1 ลำ: a unit's name and a count)
_ROAD_CODE_RE = re.compile(r"(?<![ก-๙.])[ก-ฮ]{2}\s?\.\s?(?:ถ\s?\.\s?)?\d[\d\-.]*\d|(?<![ก-๙.])[ก-ฮ]{2}\s?\.\s?(?:ถ\s?\.\s?)?\d")


#: words after สาย that begin a clause, not a route's end (ถนนสายที่ไปบ้าน… = the road that goes to บ้าน…)
_NOT_ROUTE_ENDS = frozenset(("ที่", "ซึ่ง", "ทาง", "หมู่บ้าน"))


def _places(text: str) -> frozenset[tuple[str, str]]:
    """The named places of a name, as (kind, name): kinds road (สาย…, ถนน…, a route ก-ข), soi, code (a road's
    registration code), water, village, landmark."""
    out: set[tuple[str, str]] = set()
    present = set(_PLACE_KW_RE.findall(text))
    if "ลำห้วย" in text:
        present.add("ห้วย")
    if "ลำน้ำ" in present or "แม่น้ำ" in present:
        present.add("น้ำ")
    for kind, kw, rx in _PLACE_RE:
        if kw not in present:
            continue
        for m in rx.finditer(text):
            name = m.group(1).strip(" -./")
            if len(name) >= 2:
                if kind == "road" and _ROAD_CODE_RE.fullmatch(name):
                    kind = "code"  # สาย พร.ถ.1-0042: the registration code, not the route's name
                elif kind == "soi" and name.startswith(("บ้านนาย", "บ้านนาง")):
                    name = name[4:]  # ซอยบ้านนายบรรจง = ซอยนายบรรจง: the soi to someone's house
                out.add((kind, f"{kw}{name}" if kind not in ("road", "soi", "code") else name))
                if kw in ("แม่น้ำ", "ลำน้ำ", "ลำห้วย"):  # ริมแม่น้ำน่าน = ริมน้ำน่าน, ลำห้วยทราย = ห้วยทราย
                    out.add((kind, f"{kw[-3:] if kw.endswith('น้ำ') else kw[2:]}{name}"))
    if "." in text:
        out.update(("code", m.group(0).replace(" ", "")) for m in _ROAD_CODE_RE.finditer(text))
    if "ไป" in text or "-" in text:
        for m in _ROUTE_RE.finditer(text):
            a, b = m.group(1).strip(" -./"), m.group(2).strip(" -./")
            if len(a) >= 2 and len(b) >= 2 and a not in _NOT_ROUTE_ENDS and not _ROAD_CODE_RE.fullmatch(f"{a}-{b}"):
                out.add(("road", f"{a}-{b}"))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _spec_value_of(kw: str, a: str, b: str | None, unit: str | None) -> tuple[str, float]:
    """(feature name, value in metres/m²/m³/rai) of one specification (few distinct ones: cached)."""
    name = _SPEC_NAME[kw]
    x = float(a)
    value = max(x, float(b)) if b else x
    unit = "".join(unit.split()) if unit else ""
    if unit.startswith("ล้าน"):
        value *= 1e6
    else:
        value *= _UNIT_FACTOR.get(unit, 1.0)
    if name == "area" and unit == "ไร่":
        name = "benefit_area"
    return name, value


def _cut_stage(text: str) -> tuple:
    """Rules 4–6 on a normalised title: (rest of the text, component, multi_year, year, specs, segment,
    segment_ends, phase, villages, numbered parts)."""
    t = text
    component = bool(_COMPONENT_RE.match(t))
    multi_year = "ผูกพัน" in t or "ข้ามปี" in t or "งบประมาณต่อเนื่อง" in t  # _MULTI_YEAR_WORD
    if multi_year:
        t = _MULTI_YEAR_RE.sub(" ", t)
    if "ภายใต้โครงการ" in t:
        t = _FILED_UNDER_RE.sub(" ", t)
    if ("แผนพัฒนา" in t or "ประเด็น" in t or "ยุทธศาสตร์" in t) and ("[" in t or "(" in t):
        t = _PLAN_NOTE_RE.sub(" ", t)
    year = None
    m = _YEAR_RE.search(t) if "25" in t or "ปี" in t else None
    if m:
        year = int(m.group(1)) if m.group(1) else 2500 + int(m.group(2))
        t = t[: m.start()] + " " + t[m.end():]
    specs: dict[str, float] = {}
    first = _SPEC_PRE.search(t)  # every spec match holds this (a keyword, then a number)
    if first:
        # no spec starts before the first keyword's lead (หรือมี/ขนาด/ผิวจราจร… and spaces): scan from there
        pos = first.start()
        while pos and (t[pos - 1] in _SPEC_LEAD_CHARS or t[pos - 1].isspace()):  # \s is str.isspace
            pos -= 1
        ms = list(_SPEC_RE.finditer(t, pos))
        for m in ms:
            k, v = _spec_value_of(*m.group("kw", "a", "b", "unit"))
            if k not in specs:
                specs[k] = v
        t = _cut(t, ms)
    ms = list(_COUNT_RE.finditer(t)) if _COUNT_PRE.search(t) else None
    if ms:
        specs.setdefault("count", float(_COUNT_NUM_RE.match(ms[0].group(0)).group(1)))
        t = _cut(t, ms)
    segment = None
    onward = False
    if "+" in t:
        chains = [int(a) * 1000 + int(b) for a, b in _CHAIN_RE.findall(t)]
        segment = (float(min(chains)), float(max(chains))) if len(chains) >= 2 else None
        onward = len(chains) == 1 and _ONWARD_RE.search(t) is not None
        t = _SEGMENT_RE.sub(" ", t)
    ends: frozenset[str] = _NO_ENDS
    m = _SEGMENT_NAMED_RE.search(t) if "ช่วง" in t or "ตอน" in t else None
    if m is None and "บ้านเลขที่" in t:
        m = _SEGMENT_HOUSES_RE.search(t)
    if m:
        ends = frozenset(x for x in m.groups() if x is not None)
        t = t[: m.start()] + " " + t[m.end():]
    if "ลำดับที่" in t or t[:1].isdigit() or t[:1] == "(":
        t = _LIST_ITEM_RE.sub(" ", t)
    phase = None
    parts: frozenset[str] = _NO_PARTS
    ms = list(_PHASE_RE.finditer(t)) if _PHASE_WORD_RE.search(t) and _PHASE_PRE.search(t) else None
    if ms:
        numbered = frozenset(f"{_PART_WORDS[m.group('w')]} {int(m.group(2))}"
                             for m in ms if m.group("w") in _PART_WORDS)
        phase = next((int(m.group(2)) for m in ms if m.group("w") not in _PART_WORDS), None)
        parts = numbered or parts
        t = _cut(t, ms)
    if onward:
        phase = phase or 2  # (ต่อจาก กม.0+430 เป็นต้นไป): the stretch after one built before
    if (phase is None and ("ต่อเนื่อง" in t or "ขยาย" in t or "ต่อจาก" in t or "ต่อเชื่อม" in t or "ส่วนที่เหลือ" in t
                           or "เพิ่มเติม" in t)
            and _CONTINUED_RE.search(t)):
        phase = 2  # (ต่อเนื่อง), (ส่วนต่อขยาย): the continuation or extension of a work begun before
        t = _CONTINUED_RE.sub(" ", t)
    villages: frozenset[int] = _NO_VILLAGES
    if "หมู่ที่" in t and "," not in t and "และ" not in t:  # the common case, scanned faster (same matches)
        vs = list(_VILLAGE_PLAIN_RE.finditer(t))
        villages = frozenset([int(m.group(1)) for m in vs])
        t = _cut(t, vs)
    elif "หมู่ที่" in t:
        found: set[int] = set()
        ms = list(_VILLAGE_LIST_RE.finditer(t))
        for m in ms:
            found.update(int(x) for x in _DIGITS_RE.findall(m.group(2)))
        vs = list(_VILLAGE_RE.finditer(t))
        for m in vs:
            found.add(int(m.group(1)))
        if ms:
            t = _VILLAGE_RE.sub(" ", _cut(t, ms))
        else:  # the same matches cut the same text: ``_VILLAGE_RE.sub(" ", t)`` without a second scan
            t = _cut(t, vs)
        villages = frozenset(found)
    if "อบต" in t or "ส่วนตำบล" in t or "เทศบาล" in t or "รหัส" in t or "เขต" in t:
        t = _OWNER_RE.sub(" ", t)
    if "ตำบล" in t or "อำเภอ" in t or "จังหวัด" in t:
        t = (_ADMIN_RE if "," in t or "และ" in t else _ADMIN_PLAIN_RE).sub(" ", t)
    if ":" in t or " / " in t:
        # what a programme, a fund or a priority list says before a colon (แผนงาน… : โครงการ…, ลำดับความต้องการที่ 5 :)
        t = _COLON_LEAD_RE.sub(" ", t)
    if '"' in t or "'" in t or "“" in t or "”" in t or "{" in t or "}" in t or ";" in t or ":" in t:
        t = _PUNCT_KEEP_BRACKETS.sub(" ", t)  # literal tests first: a scan for a class costs more
    t = " ".join(t.split())
    if "-" in t:
        # a route whose ends carried village numbers (สายบ้านก หมู่ที่ 6 - บ้านข หมู่ที่ 10): joined again
        t = _ROUTE_JOIN_RE.sub(r"\1-", t) if " - " in t else t
        t = " ".join(_TRIM_RE.sub(" ", t).split())
    return t, component, multi_year, year, specs, segment, ends, phase, villages, parts


@lru_cache(maxsize=100_000)
def _name_stage(t: str) -> tuple:
    """Rules 7–11 on what is left of a title: (name, key, work type, work types, action, places, parts, site,
    recurring, request).

    Titles written from one template leave the same rest (the address, village and sizes cut out): cached.
    """
    full = " ".join(_PUNCT.sub(" ", t).split())
    work, lead = _split_lead(t)
    # the remark a bracket holds is left out of the name, unless the work is named only there
    plain = _BRACKET_RE.sub(_remark, work) if "(" in work or "[" in work else work
    if plain != work and not _KW_RE.search(plain):
        plain = work
    plain = " ".join(_PUNCT.sub(" ", plain).split())
    work = " ".join(_PUNCT.sub(" ", work).split())
    head = _PLUS_RE.split(work, maxsplit=1)[0] if "พร้อม" in work else work
    m = _ACTION_RE.search(head)  # the action of the work, not of its extras (… พร้อมปรับปรุงอาคารประกอบ)
    while m is not None and m.group(0) in _SURFACING and "ถนน" in head[: m.start()]:
        m = _ACTION_RE.search(head, m.end())  # ถนนดินยกระดับลงลูกรัง: the road's surface, not a verb
    action = None
    if m:
        action = "repair" if m.group(0) in _REPAIR else "new"
    name = _PURPOSE_RE.sub(" ", plain) if _PURPOSE_RE.search(plain) else plain
    name = " ".join(name.split())
    while True:
        stripped = _REQUEST_RE.sub("", _PREFIX_RE.sub("", name))
        if stripped == name:
            break
        name = stripped
    name = _dedupe_words(name).strip(" -,")
    asked: tuple[str | None, frozenset[str]] = (None, frozenset())
    if (" ขอ" in name or "จึงขอ" in name or "มติขอ" in name or "-ขอ" in name or "อยาก" in name or "ต้องการ" in name
            or "เสนอให้" in name):
        reordered = _request_first(name)
        if reordered != name:
            name = reordered
            asked = _work_types(name)  # the work asked for, not a word of the reason said before it
    if not name:
        name = " ".join(_PUNCT.sub(" ", t).split())
    work_type, work_types = asked if asked[0] is not None else _work_types(work)
    if work_type is None and lead:
        work_type, work_types = _work_types(full)
    first_kw = _KW_RE.search(work) if work_type == "building" and "ท่องเที่ยว" in t else None
    if first_kw is not None and _TOURIST_FACILITY_RE.match(work, first_kw.start()):
        # parking and toilets for visitors (ลานจอดรถ-ห้องน้ำแหล่งท่องเที่ยว, ขอทำห้องน้ำกับที่จอดรถให้นักท่องเที่ยว,
        # พัฒนาแหล่งท่องเที่ยว… ก่อสร้างลานจอดรถและห้องน้ำ): the facilities of a tourist spot are a tourism work
        work_type, work_types = "tourism", work_types | {"tourism"}
    specific = work_types - _CONTAINED if work_type == "building" else None
    if specific and plain != work:
        # (a work named only in a bracket is the building's purpose: อาคารศูนย์ OTOP (ยกระดับการท่องเที่ยว…))
        specific = _work_types(plain)[1] - _CONTAINED
    if specific:
        # a building is the container: the specific work wins (equipment bought with it does not, and a building
        # that names a vehicle houses it: ศาลารอรถโดยสาร, อาคารจอดรถดับเพลิง are buildings, not purchases)
        work_type = min(specific, key=_WT_ORDER.__getitem__)
    # a title without a verb (ขอถนนลูกรัง…, ถนนผิวแอสฟัลต์ สาย…): read as new work, but marked: it may be a repair
    request = action is None and work_type not in (None, *_NO_ACTION)
    if action is None and work_type not in (None, *_NO_ACTION):
        action = "new"  # a bare noun in a plan (ถนน คสล. สาย…) means building it
    key = _without_extras(name) if "พร้อม" in name else name  # "… พร้อม <extras>" varies between offices
    if "." in key:  # a road's registration code is one of its places (kind code), not words of its name
        key = _ROAD_CODE_RE.sub(" ", key)
    # the places of the strategy lead and of the remarks count too (แก้ไขปัญหาตลิ่งริมแม่น้ำน่าน … โดยก่อสร้าง…)
    places = _places(name) | _places(" ".join(_PUNCT.sub(" ", lead).split())) if lead else _places(name)
    recurring = bool(_RECURRING_RE.search(head))
    return (name, key.replace(" ", ""), work_type, work_types, action, places, _parts(work), _site(name), recurring,
            request)


#: Rule 10, parts of one place: the upper/lower reach (ตอนบน/ตอนล่าง…), the head/middle/tail of a canal
#: (ต้น/กลาง/ปลายคลอง), the left/right bank or branch (ฝั่งซ้าย, คลองซอย 1 ซ้าย) and a number that ends the
#: name (เหนือเขื่อนวังร่มเกล้า 1, คลองซอย 1): one member of a series of works from one template
_POS_PART_RE = re.compile(
    r"ตอน(?P<reach>บน|ล่าง|กลาง(?!คืน|วัน)|ต้น|ปลาย)"
    r"|(?:(?<![ก-๙])|(?<=ช่วง))(?P<along>ต้น|กลาง|ปลาย)(?=\s*(?:คลอง|ลำ|ห้วย|แม่น้ำ|หนอง|อ่าง|ทาง|สาย))"
    r"|ฝั่ง(?P<bank>ซ้าย|ขวา)|(?<=\d)\s*(?P<side>ซ้าย|ขวา)"
    r"|ทิศ(?P<compass>(?:เหนือ|ใต้|ตะวันออก|ตะวันตก)(?:เฉียง(?:เหนือ|ใต้))?)"
    # (a number after a unit is a size: ดินขุด 147830 ม3; a year, a page of a plan or a cluster's number is no member
    # of a series: ข้อบัญญัติ 2568, แผนพัฒนาท้องถิ่น 66-70 หน้า 35, กลุ่มจังหวัดภาคเหนือตอนล่าง 1)
    # (the side of a stream a stretch lies on: ด้านต้นน้ำ / ด้านปลายน้ำ)
    r"|ด้าน(?P<flow>ต้นน้ำ|ปลายน้ำ|ท้ายน้ำ)"
    r"|(?<=[ก-๙A-Za-z])(?<![\d\s]ม)(?<!หน้า)(?<!กลุ่ม)(?<!ตอนล่าง)(?<!ตอนบน)(?<!ปี)(?<!บัญญัติ)(?<!หมายเลข)"
    r"\s*(?!25\d\d(?!\d))(?P<num>\d{1,4}(?:-\d{1,3})?)(?=\s*(?:ซ้าย|ขวา)?\s*(?:$|พร้อม|\(|โครงการ))")


def _parts(name: str) -> frozenset[str]:
    out = set()
    for m in _POS_PART_RE.finditer(name):
        kind = m.lastgroup
        value = m.group(kind)
        out.add("ตอน" + value if kind == "reach" else "#" + value if kind == "num" else
                "ทิศ" + value if kind == "compass" else value)
    return frozenset(out) if out else _NO_PARTS


#: Rule 11, the name of the structure: what follows the first work keyword of the name, after words that
#: describe the work rather than name it (ด้วยไฟฟ้า, คอนกรีตเสริมเหล็ก, ทดน้ำ, สาย, ริม, พร้อม<another work>…),
#: up to the next part of the title (พร้อม…, บริเวณ…, (…), sizes, the project or address that follows)
_SITE_WORDS = (
    "ด้วยไฟฟ้า", "ด้วยพลังงานแสงอาทิตย์", "พลังงานแสงอาทิตย์", "ระบบไฟฟ้า", "ทดน้ำ", "ชะลอน้ำ", "คอนกรีตเสริมเหล็ก",
    "คอนกรีต", "ลาดยาง", "แอสฟัลต์ติกคอนกรีต", "แอสฟัลท์ติกคอนกรีต", "พาราแอสฟัลต์ติกคอนกรีต", "แอสฟัลต์ติก",
    "ลูกรัง", "หินคลุก", "ผิวจราจร", "สาย", "ริมฝั่ง", "ริม", "อเนกประสงค์", "ภายใน", "หมู่บ้าน", "สาธารณะ",
    "ขนาดใหญ่", "ขนาดกลาง", "ขนาดเล็ก", "เก็บน้ำ", "กักเก็บน้ำ", "บาดาล", "ผิวดิน", "ภูเขา", "รูปตัวยู", "รูปตัววี",
    "ตัวยู")
_SITE_SKIP = re.compile(r"(?:\s*(?:" + trie_regex(_SITE_WORDS) + r"|แบบ[^\s\d]+|พร้อม\s*(?:" + trie_regex(_KW_TO_TYPE)
                        + r")))*\s*")
_SITE_END = re.compile(
    r"\s*(?:พร้อม|บริเวณ|[(\[,])|\s+(?:" + trie_regex((
        "โครงการ", "ตำบล", "อำเภอ", "จังหวัด", "หมู่ที่", "ขนาด", "จำนวน", "ระยะ", "ชนิด", "แบบ", "เพื่อ", "ความ", "กว้าง",
        "ยาว", "สูง", "ลึก", "หนา", "ปริมาตร", "พื้นที่", "ปริมาณ", "สนับสนุน", "เนื้อที่", "ช่วง", "ตาม", "จาก", "ณ")) + ")")
#: Thai vowels above and below and tone marks: a site is compared on the letters that carry it (PDF text and
#: hurried typing drop marks: ตลิ่ง/ตลิง, กั้นน้ำ/กันนำ)
_MARKS = str.maketrans("", "", "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
                       "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e .\"'")


def _site(name: str) -> str:
    m = next(_keywords(name), (None,))[0]
    if m is None:
        return ""
    rest = name[m.end():]
    rest = rest[_SITE_SKIP.match(rest).end():]
    end = _SITE_END.search(rest)
    return (rest[: end.start()] if end else rest).translate(_MARKS).lower()


_NO_ENDS: frozenset[str] = frozenset()
_NO_PARTS: frozenset[str] = frozenset()
_NO_VILLAGES: frozenset[int] = frozenset()
_COUNT_NUM_RE = re.compile(r"(?:จำนวน\s*|ขนาด\s*)?(\d+)")
_DIGITS_RE = re.compile(r"\d+")


@lru_cache(maxsize=200_000)
def features(title: object) -> TitleFeatures:
    """Rules 1–9 on one title (cached: call it once per distinct title)."""
    text = normalize(title)
    t, component, multi_year, year, specs, segment, ends, phase, villages, parts = _cut_stage(text)
    name, key, work_type, work_types, action, places, name_parts, site, recurring, request = _name_stage(t)
    return TitleFeatures(
        text=text, name=name, key=key, segment_ends=ends, work_type=work_type, work_types=work_types,
        action=action, villages=villages, places=places, phase=phase, segment=segment,
        title_year=year, multi_year=multi_year, component=component, specs=specs, parts=parts | name_parts, site=site,
        recurring=recurring, request=request,
    )


# --------------------------------------------------------------------------------------------- many titles

#: the sizes compared between two titles, in the column order of :attr:`FeatureColumns.specs`
SPEC_COLUMNS = ("length", "width", "volume", "area", "benefit_area", "diameter", "depth")
_WT_INDEX = {w.code: i for i, w in enumerate(WORK_TYPES)}


def _title_row(title: object) -> tuple:
    """What :class:`FeatureColumns` keeps of one title (the cut stage, then the cached name stage)."""
    t, component, multi_year, year, specs, segment, ends, phase, villages, parts = _cut_stage(normalize(title))
    return _name_stage(t), component, multi_year, year, specs, segment, ends, phase, villages, parts


@dataclass
class FeatureColumns:
    """The features of many titles as columns (one row per title): what a vectorised comparison reads.

    Names and their named places are kept once per distinct name (:attr:`name_id` indexes them).
    """

    n: int
    name_id: np.ndarray  # int64 index into names/keys/places
    names: list[str]
    keys: list[str]
    places: list[frozenset]
    work_type: np.ndarray  # int16 index into WORK_TYPES, -1 unknown
    action: np.ndarray  # int8: 0 unknown, 1 repair, 2 new
    villages: np.ndarray  # int64 bit mask of village numbers 1–62
    phase: np.ndarray  # int32, 0 none
    title_year: np.ndarray  # int32, 0 none
    multi_year: np.ndarray  # bool
    component: np.ndarray  # bool
    segment: np.ndarray  # float64 (n, 2) chainage start/end in metres, NaN none
    segment_ends: np.ndarray  # int64 id of the named ends (ช่วงบ้านก ถึงบ้านข), -1 none
    specs: np.ndarray  # float64 (n, len(SPEC_COLUMNS)), NaN where the title gives no such size
    part_id: np.ndarray  # int64 index into part_sets, -1 when the title names no part
    part_sets: list[frozenset]  # distinct sets of parts (TitleFeatures.parts)
    sites: list[str]  # per distinct name: the name of the structure (TitleFeatures.site)
    recurring: np.ndarray | None = None  # bool: a yearly activity (TitleFeatures.recurring)
    request: np.ndarray | None = None  # bool: a request without a verb (TitleFeatures.request)
    #: int64 bit mask of every work type the title names (bit i = WORK_TYPES[i]), its own work type included
    work_mask: np.ndarray | None = None


_ACTION_CODE = {"repair": 1, "new": 2}


def _chunk(titles: list) -> tuple:
    """The features of a run of titles as compact columns (what a worker process sends back).

    (distinct name stages, stage id per title, distinct segment ends, ends id per title, then one array per
    column of :class:`FeatureColumns`).
    """
    import numpy as np

    n = len(titles)
    stages: dict[tuple, int] = {}
    ends: dict[frozenset, int] = {}
    part_sets: dict[frozenset, int] = {}
    masks: dict[frozenset, int] = {_NO_VILLAGES: 0}
    stage_id, part_id, ends_id, villages = [], [], [], []
    phase, year, multi, component = [], [], [], []
    has_seg, seg_values, has_specs = [], [], []
    cut, norm, name_stage = _cut_stage, normalize, _name_stage
    # one pass, one row at a time: the columns are filled as the rows are read (no list of rows kept)
    for i, title in enumerate(titles):
        t, comp, my, yr, sp, segment, e, ph, vs, parts = cut(norm(title))
        stage = name_stage(t)
        stage_id.append(stages.setdefault(stage, len(stages)))
        name_parts = stage[6]
        part_id.append(part_sets.setdefault(parts | name_parts, len(part_sets)) if parts or name_parts else -1)
        ends_id.append(ends.setdefault(e, len(ends)) if e else -1)
        mask = masks.get(vs)
        if mask is None:
            mask = masks[vs] = sum(1 << v for v in vs if 0 < v < 63)
        villages.append(mask)
        phase.append(ph or 0)
        year.append(yr or 0)
        multi.append(my)
        component.append(comp)
        if segment is not None:
            has_seg.append(i)
            seg_values.append(segment)
        if sp:
            has_specs.append((i, sp))
    seg = np.full((n, 2), np.nan)
    if has_seg:
        seg[has_seg] = seg_values
    specs = np.full((n, len(SPEC_COLUMNS)), np.nan)
    for c, k in enumerate(SPEC_COLUMNS):
        rows_k = [(i, sp[k]) for i, sp in has_specs if k in sp]
        if rows_k:
            specs[[i for i, _ in rows_k], c] = [v for _, v in rows_k]
    return (list(stages), np.array(stage_id, dtype=np.int64), list(ends), np.array(ends_id, dtype=np.int64),
            np.array(villages, dtype=np.int64), np.array(phase, dtype=np.int32), np.array(year, dtype=np.int32),
            np.array(multi, dtype=bool), np.array(component, dtype=bool), seg, specs, list(part_sets),
            np.array(part_id, dtype=np.int64))


def _worker_chunk(titles: list) -> tuple:
    gc.disable()  # many small objects without cycles (see duplicates._prepare); this process only does this
    return _chunk(titles)


def _columns(parts: list[tuple]) -> FeatureColumns:
    """One :class:`FeatureColumns` from the chunks' columns, in order."""
    import numpy as np

    stage_index: dict[tuple, int] = {}
    ends_index: dict[frozenset, int] = {}
    part_index: dict[frozenset, int] = {}
    stage_ids, ends_ids, part_ids = [], [], []
    for stages, stage_id, ends, ends_id, *_, part_sets, part_id in parts:
        local = np.array([stage_index.setdefault(s, len(stage_index)) for s in stages], dtype=np.int64)
        stage_ids.append(local[stage_id] if len(stage_id) else stage_id)
        local_e = np.array([ends_index.setdefault(e, len(ends_index)) for e in ends] + [-1], dtype=np.int64)
        ends_ids.append(local_e[ends_id])
        local_p = np.array([part_index.setdefault(e, len(part_index)) for e in part_sets] + [-1], dtype=np.int64)
        part_ids.append(local_p[part_id])
    stages = list(stage_index)
    name_index: dict[str, int] = {}
    s_name = np.array([name_index.setdefault(s[0], len(name_index)) for s in stages] + [0], dtype=np.int64)
    first: dict[str, tuple] = {}
    for s in stages:
        first.setdefault(s[0], s)
    s_wt = np.array([_WT_INDEX.get(s[2], -1) for s in stages] + [-1], dtype=np.int16)
    s_act = np.array([_ACTION_CODE.get(s[4], 0) for s in stages] + [0], dtype=np.int8)
    s_rec = np.array([s[8] for s in stages] + [False], dtype=bool)
    s_req = np.array([s[9] for s in stages] + [False], dtype=bool)
    s_mask = np.array([sum(1 << _WT_INDEX[c] for c in s[3] | ({s[2]} if s[2] else set())) for s in stages] + [0],
                      dtype=np.int64)
    stage_id = np.concatenate(stage_ids) if parts else np.zeros(0, np.int64)

    def cat(k: int, empty):
        return np.concatenate([p[k] for p in parts]) if parts else empty

    return FeatureColumns(
        n=len(stage_id), name_id=s_name[stage_id], names=list(name_index),
        keys=[first[x][1] for x in name_index], places=[first[x][5] for x in name_index],
        work_type=s_wt[stage_id], action=s_act[stage_id], villages=cat(4, np.zeros(0, np.int64)),
        phase=cat(5, np.zeros(0, np.int32)), title_year=cat(6, np.zeros(0, np.int32)),
        multi_year=cat(7, np.zeros(0, bool)), component=cat(8, np.zeros(0, bool)),
        segment=cat(9, np.zeros((0, 2))), segment_ends=np.concatenate(ends_ids) if parts else np.zeros(0, np.int64),
        specs=cat(10, np.zeros((0, len(SPEC_COLUMNS)))),
        part_id=np.concatenate(part_ids) if parts else np.zeros(0, np.int64), part_sets=list(part_index),
        sites=[first[x][7] for x in name_index], recurring=s_rec[stage_id],
        request=s_req[stage_id], work_mask=s_mask[stage_id],
    )


#: from this many distinct titles on, the titles are read in worker processes too (starting one costs ~0.3 s)
POOL_MIN_TITLES = 20_000
#: titles per run handed to a process: small enough to share the work evenly (the last runs a worker holds
#: are what this process may wait for at the end), large enough to cost little to send
CHUNK_TITLES = 2_000
#: runs per worker queued before ``meanwhile`` runs here (this process feeds no more until it is done)
MEANWHILE_RUNS = 4


def feature_columns(titles, progress=None, processes: int | None = None, meanwhile=None) -> FeatureColumns:
    """:class:`FeatureColumns` of the titles, in order; over all cores (worker processes) for many titles.

    The same features as :func:`features` gives one by one; when worker processes cannot be started the titles
    are read here, one after the other. ``progress(done, total)`` is called now and then. ``meanwhile()``, when
    given, runs here once the workers have started (other work that does not need the titles).
    """
    return _columns(read_chunks(titles, progress, processes, meanwhile))


def read_chunk(titles: list) -> tuple:
    """The features of a run of titles, read here, as the compact chunk :func:`columns_of_chunks` joins (and
    :mod:`areaplan.analyses.title_features` stores)."""
    return _chunk(titles)


def columns_of_chunks(chunks: list[tuple]) -> FeatureColumns:
    """One :class:`FeatureColumns` from chunks of :func:`read_chunk`, rows in order."""
    return _columns(chunks)


def read_chunks(titles, progress=None, processes: int | None = None, meanwhile=None) -> list[tuple]:
    """Chunks of :func:`read_chunk` for the titles, in order; over all cores (worker processes) for many titles."""
    return _map_chunks(_chunk, _worker_chunk, list(titles), progress, processes, meanwhile)


def features_many(titles, progress=None, processes: int | None = None) -> list[TitleFeatures]:
    """:func:`features` of each title, in order; over all cores (worker processes) for many titles."""
    parts = _map_chunks(_features_chunk, _features_chunk_worker, list(titles), progress, processes)
    return [f for part in parts for f in part]


def _features_chunk(titles: list) -> list[TitleFeatures]:
    return [features(t) for t in titles]


def _features_chunk_worker(titles: list) -> list[TitleFeatures]:
    gc.disable()
    return _features_chunk(titles)


def _map_chunks(here, worker, titles: list, progress, processes: int | None, meanwhile=None) -> list:
    """``here`` (in this process) or ``worker`` (in a worker process) on consecutive runs of the titles, in order."""
    n = len(titles)
    procs = processes if processes is not None else min(os.cpu_count() or 1, 8)
    runs = [titles[i: i + CHUNK_TITLES] for i in range(0, n, CHUNK_TITLES)]
    if n >= POOL_MIN_TITLES and procs > 1:
        try:
            return _pool(here, worker, runs, procs - 1, progress, meanwhile)
        except _NoPool:  # no processes here (sandbox, frozen app without freeze_support…): read them serially
            pass
    if meanwhile is not None:
        meanwhile()
    out: list = []
    for k, run in enumerate(runs):
        if progress is not None:
            progress(k * CHUNK_TITLES, n)
        out.append(here(run))
    if progress is not None:
        progress(n, n)
    return out


class _NoPool(Exception):
    """Worker processes could not be started or died: the caller reads the titles itself."""


def start_context():
    """How worker processes start: forked on Linux from a process with one Python thread and no Qt loaded
    (instant: the modules are loaded already); from a fork server when other threads may run (the desktop app
    runs the analysis in a Qt worker thread, and forking a process with threads is unsafe); spawned elsewhere
    (Windows, macOS)."""
    import multiprocessing
    import sys
    import threading

    if sys.platform.startswith("linux"):
        if threading.active_count() == 1 and not any(m.startswith("PySide6") for m in sys.modules):
            return multiprocessing.get_context("fork")
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _pool(here, worker, runs: list, workers: int, progress, meanwhile) -> list:
    """Worker processes take runs from the front while this process takes them from the back, until they meet.

    The share adapts to how fast each side is (the workers start later, other programs may load a core);
    at most two runs per worker wait in the queue, so this process never waits long for the last ones.
    """
    from collections import deque

    n_runs = len(runs)
    total = sum(len(r) for r in runs)
    out: list = [None] * n_runs
    try:
        pool = start_context().Pool(workers)
    except Exception as exc:  # noqa: BLE001
        raise _NoPool from exc
    with pool:
        lo, hi = 0, n_runs
        inflight: deque = deque()

        def feed(ahead: int = 2) -> None:
            nonlocal lo
            while lo < hi and len(inflight) < ahead * workers:
                inflight.append((lo, pool.apply_async(worker, (runs[lo],))))
                lo += 1

        def collect(block: bool) -> None:
            while inflight and (block or inflight[0][1].ready()):
                k, res = inflight.popleft()
                try:
                    out[k] = res.get()
                except Exception as exc:  # noqa: BLE001 - a worker that died: read its run here
                    if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                        raise
                    out[k] = here(runs[k])

        if meanwhile is not None:
            # enough runs queued that the workers keep busy while this process does the other work
            feed(MEANWHILE_RUNS if hi - lo > 4 * MEANWHILE_RUNS * workers else 2)
            meanwhile()
        else:
            feed()
        while lo < hi:
            collect(False)
            feed()
            if lo >= hi:
                break
            hi -= 1
            out[hi] = here(runs[hi])
            if progress is not None:
                progress(sum(len(runs[k]) for k in range(n_runs) if out[k] is not None), total)
        collect(True)
    if progress is not None:
        progress(total, total)
    return out


def work_type_label(code: str | None, lang: str = "th") -> str:
    """The Thai or English label of a work type code ("" for None)."""
    if not code:
        return ""
    w = WORK_TYPE_BY_CODE.get(code)
    if w is None:
        return code
    return w.th if lang == "th" else w.en
