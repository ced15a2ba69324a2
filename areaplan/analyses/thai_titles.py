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
   ``รพ.สต.`` → โรงพยาบาลส่งเสริมสุขภาพตำบล, ``ปตร.`` → ประตูระบายน้ำ.
4. Specifications (กว้าง/ยาว/หนา/ลึก/ระยะทาง/ความยาว/ปริมาตร/พื้นที่ … เมตร/กิโลเมตร/ลูกบาศก์เมตร/ไร่)
   and counts (``1 แห่ง``, ``2 คัน``) are cut out of the name and parsed into numbers (metres, m², m³, rai).
5. The address (ตำบล…/อำเภอ…/จังหวัด…) and village numbers (หมู่ที่ N, kept as a set) are cut out.
6. Phase and part markers (ระยะที่/ช่วงที่/ตอนที่/เฟส/โซน/แห่งที่/จุดที่ N); a cost line of another item
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
   Thai titles put the head noun first (``ถนน… พร้อมท่อระบายน้ำ`` is a road).
9. Named places: บ้าน…, ชุมชน…, คลอง…, หนอง…, ห้วย…, ลำ…, บึง…, แม่น้ำ…, สาย…, ซอย…, ถนน<name>, วัด…, โรงเรียน…
   — generic words that follow these (ถนนคอนกรีต…, คลองส่งน้ำ, บ้านพัก…) are not names.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from areaplan.values import clean_text, thai_digits_to_arabic

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
        "ถนน", "ผิวจราจร", "ผิวทาง", "ทางหลวง", "ลาดยาง", "ทางเดินเท้า", "ทางเท้า", "ไหล่ทาง",
        "เส้นทางคมนาคม", "ทางลำลอง", "ลูกรัง", "หินคลุก")),
    WorkType("drainage", "ระบายน้ำ", "drainage", (
        "ท่อระบายน้ำ", "รางระบายน้ำ", "ระบบระบายน้ำ", "คูระบายน้ำ", "คลองระบายน้ำ", "ระบายน้ำ",
        "บ่อพัก", "รางวี", "ท่อลอด")),
    WorkType("dredging", "ขุดลอก", "dredging", ("ขุดลอก", "ลอกคลอง", "ลอกตะกอน", "กำจัดวัชพืช")),
    WorkType("weir", "ฝาย", "weir", ("ฝายชะลอน้ำ", "ฝายมีชีวิต", "ฝายยาง", "ฝาย")),
    WorkType("water_gate", "ประตูระบายน้ำ", "water gate", (
        "ประตูระบายน้ำ", "อาคารบังคับน้ำ", "อาคารอัดน้ำ", "ทำนบ")),
    WorkType("reservoir", "แหล่งเก็บน้ำ", "reservoir", (
        "อ่างเก็บน้ำ", "แก้มลิง", "สระเก็บน้ำ", "สระน้ำ", "ขุดสระ", "บ่อเก็บน้ำ", "แหล่งน้ำ", "เขื่อนเก็บกักน้ำ")),
    WorkType("irrigation", "ระบบส่งน้ำ", "irrigation canal", (
        "คลองส่งน้ำ", "ระบบส่งน้ำ", "คูส่งน้ำ", "ดาดคอนกรีต", "ลำเหมือง", "ท่อส่งน้ำ", "ระบบกระจายน้ำ")),
    WorkType("pumping", "สถานีสูบน้ำ", "pumping station", (
        "สถานีสูบน้ำ", "ระบบสูบน้ำ", "เครื่องสูบน้ำ", "สูบน้ำด้วยไฟฟ้า", "สูบน้ำพลังงานแสงอาทิตย์")),
    WorkType("water_supply", "ประปา", "water supply", (
        "ประปา", "หอถังสูง", "ถังเก็บน้ำ", "น้ำดื่ม", "ระบบกรองน้ำ", "บ่อบาดาล", "น้ำบาดาล", "บ่อน้ำตื้น")),
    WorkType("embankment", "ป้องกันตลิ่ง", "embankment", (
        "เขื่อนป้องกันตลิ่ง", "ป้องกันตลิ่ง", "อาคารป้องกันตลิ่ง", "คันกั้นน้ำ", "คันป้องกันน้ำท่วม",
        "พนังกั้นน้ำ", "คันพนัง", "กำแพงกันคลื่น", "เขื่อนกันคลื่น", "ตลิ่ง", "เขื่อน")),
    WorkType("bridge", "สะพาน", "bridge", ("สะพาน", "ท่อเหลี่ยม")),
    WorkType("lighting", "ไฟฟ้าส่องสว่าง", "street lighting", (
        "ไฟฟ้าส่องสว่าง", "ไฟฟ้าแสงสว่าง", "ไฟส่องสว่าง", "โคมไฟ", "เสาไฟ", "ไฟกิ่ง", "ไฟถนน",
        "ไฟฟ้าสาธารณะ", "ไฟจราจร")),
    WorkType("power", "ไฟฟ้า", "power supply", ("ขยายเขตไฟฟ้า", "หม้อแปลงไฟฟ้า", "เขตไฟฟ้า", "ไฟฟ้าแรงต่ำ")),
    WorkType("health", "สถานบริการสาธารณสุข", "health centre", (
        "โรงพยาบาลส่งเสริมสุขภาพตำบล", "สถานีอนามัย", "ศูนย์สุขภาพชุมชน", "สถานีสุขภาพ", "โรงพยาบาล")),
    WorkType("building", "อาคาร", "building", (
        "อาคาร", "ศาลา", "หอประชุม", "ที่ทำการ", "บ้านพัก", "โรงอาหาร", "ห้องน้ำ", "ศูนย์พัฒนาเด็กเล็ก",
        "ห้องเรียน", "โรงจอดรถ", "รั้ว", "หอพัก")),
    WorkType("training", "ฝึกอบรม", "training", (
        "ฝึกอบรม", "อบรม", "สัมมนา", "ศึกษาดูงาน", "พัฒนาศักยภาพ", "ส่งเสริมอาชีพ", "ฝึกอาชีพ")),
    WorkType("tourism", "ท่องเที่ยว", "tourism", ("แหล่งท่องเที่ยว", "ท่องเที่ยว", "จุดชมวิว", "ลานวัฒนธรรม")),
    WorkType("waste", "ขยะ", "solid waste", ("ขยะ", "มูลฝอย", "ธนาคารขยะ")),
    WorkType("wastewater", "บำบัดน้ำเสีย", "wastewater", ("บำบัดน้ำเสีย", "น้ำเสีย")),
    WorkType("cctv", "กล้องวงจรปิด", "CCTV", ("กล้องวงจรปิด", "cctv", "กล้องโทรทัศน์วงจรปิด")),
    WorkType("vehicle", "ยานพาหนะ", "vehicle", (
        "รถบรรทุก", "รถยนต์", "รถโดยสาร", "รถพยาบาล", "รถกระบะ", "รถจักรยานยนต์", "รถฟาร์ม", "รถขุด",
        "รถดับเพลิง", "รถนั่ง", "รถตัก")),
    WorkType("sports", "ลานกีฬา", "sports ground", (
        "สนามกีฬา", "ลานกีฬา", "สนามฟุตบอล", "เครื่องออกกำลังกาย", "ลานออกกำลังกาย", "สนามเด็กเล่น")),
    WorkType("market", "ตลาด", "market", ("ตลาด",)),
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
    (r"ลบ\s*\.\s*ม\s*\.?", " ลูกบาศก์เมตร "),
    (r"ตร\s*\.\s*ม\s*\.?", " ตารางเมตร "),
    (r"ตร\s*\.\s*กม\s*\.?", " ตารางกิโลเมตร "),
    (r"กม\s*\.?(?=\s*\d)|(?<=\d)\s*กม\s*\.?", " กิโลเมตร "),
    (r"(?<=\d)\s*ซม\s*\.?", " เซนติเมตร "),
    (r"(?<=\d)\s*ม\s*\.(?!\s*\d)|(?<=\d)\s*ม(?=\s|$)", " เมตร "),
    (r"(?<![ก-๙A-Za-z.])(?:ม\s*\.|หมู่ที่|หมู่)\s*(?=\d)", " หมู่ที่ "),
    (r"(?<![ก-๙A-Za-z.])ต\s*\.\s*(?=[ก-ฮเ-ไ])", " ตำบล"),
    (r"(?<![ก-๙A-Za-z.])อ\s*\.\s*(?=[ก-ฮเ-ไ])", " อำเภอ"),
    (r"(?<![ก-๙A-Za-z.])จ\s*\.\s*(?=[ก-ฮเ-ไ])", " จังหวัด"),
    (r"(?<![ก-๙A-Za-z.])บ\s*\.\s*(?=[ก-ฮเ-ไ])", " บ้าน"),
    (r"(?<![ก-๙A-Za-z.])ซ\s*\.\s*(?=[ก-ฮเ-ไ0-9])", " ซอย"),
)
#: a literal each abbreviation needs (the pattern is skipped when the title lacks it: most titles lack most)
_ABBREV_NEEDS = ("ล", "ถ", "สต", "ปตร", "ลบ", "ตร", "ตร", "กม", "ซม", "ม", "ม", ".", ".", ".", ".", ".")
#: a cheap necessary condition for each abbreviation, checked on the current text just before its pass: a
#: search that starts with a literal (fast in `re`) instead of a pattern led by a lookbehind (tried everywhere)
_ABBREV_PRE = (
    re.compile(r"คสล|ค\s*\.\s*ส"), re.compile(r"ถ\s*\."), re.compile(r"รพ\s*\."), None, re.compile(r"ลบ\s*\."),
    re.compile(r"ตร\s*\."), re.compile(r"ตร\s*\."), None, None, re.compile(r"\d\s*ม"), None,
    re.compile(r"ต\s*\."), re.compile(r"อ\s*\."), re.compile(r"จ\s*\."), re.compile(r"บ\s*\."), re.compile(r"ซ\s*\."),
)


def _abbrev_fast(p: str) -> str:
    """The same pattern in a shape ``re`` scans faster: a lookbehind led pattern ``(?<!C)X…`` becomes
    ``X(?<!CX)…`` (a literal first), one led by ``(?<=\\d)\\s*`` gets a lookahead on its first character."""
    if p.startswith("(?<![ก-๙A-Za-z.])") and p[17] in "ถตอจบซ" and p[18] == "\\":
        return p[17] + "(?<![ก-๙A-Za-z.]" + p[17] + ")" + p[18:]
    if p.startswith("(?<![ก-๙A-Za-z.])(?:ม"):
        return "(?=[มห])" + p
    first = {r"(?<=\d)\s*ซม": r"[\sซ]", r"(?<=\d)\s*ม\s": r"[\sม]", r"กม\s*\.?(?=": r"[\sก]"}
    for lead, cls in first.items():
        if p.startswith(lead):
            return f"(?={cls})(?:{p})"
    return p


_ABBREV_RE = tuple((re.compile(_abbrev_fast(p)), r, need, pre)
                   for (p, r), need, pre in zip(ABBREVIATIONS, _ABBREV_NEEDS, _ABBREV_PRE))

#: Words offices use for one thing, written one way (after the abbreviations).
SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"กล้องโทรทัศน์วงจรปิด|กล้องวงจรปิด\s*(?:cctv)?|กล้อง\s*cctv|(?<!กล้อง)cctv", "กล้องวงจรปิด"),
    (r"โซล่าเซลล์|โซลาร์เซลล์|โซล่าร์เซลล์|พลังงานแสงอาทิตย์", "พลังงานแสงอาทิตย์"),
    (r"ไฟฟ้าแสงสว่าง|ไฟส่องสว่าง|โคมไฟถนน|ไฟฟ้าสาธารณะ", "ไฟฟ้าส่องสว่าง"),
    (r"ถนนคอนกรีต(?!เสริมเหล็ก)", "ถนนคอนกรีตเสริมเหล็ก"),
    (r"(?:ภายใน|ประจำ)?หมู่บ้าน(?=\s*บ้าน)|ภายในหมู่บ้าน|ประจำหมู่บ้าน", " "),
)
_SYNONYM_NEEDS = (("กล้อง", "cctv", "CCTV"), ("โซล", "แสงอาทิตย์"), ("ไฟ",), ("ถนนคอนกรีต",), ("หมู่บ้าน",))
_SYNONYM_RE = tuple((re.compile(p, re.IGNORECASE), r, need) for (p, r), need in zip(SYNONYMS, _SYNONYM_NEEDS))
_THAI_DIGIT = re.compile("[๐-๙]")
#: Work types that describe one work from two sides (dredging a pond = improving a reservoir): never a veto.
WORK_FAMILIES: dict[str, str] = {"reservoir": "dredging", "irrigation": "dredging", "water_gate": "weir",
                                 "health": "building", "power": "lighting"}

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"ล้าน\s*ลูกบาศก์เมตร|ลูกบาศก์เมตร|ตารางกิโลเมตร|ตารางเมตร|กิโลเมตร|เซนติเมตร|เมตร|ไร่|นิ้ว"
#: specification keyword -> feature name
_SPEC_KEYS: tuple[tuple[str, str], ...] = (
    ("ความกว้าง", "width"), ("กว้าง", "width"), ("ความยาว", "length"), ("ยาว", "length"),
    ("ระยะทางรวม", "length"), ("ระยะทาง", "length"), ("ความหนา", "thickness"), ("หนา", "thickness"),
    ("ความลึก", "depth"), ("ลึก", "depth"), ("ปริมาตรเก็บกัก", "volume"), ("ปริมาตร", "volume"),
    ("ปริมาณดินขุด", "volume"), ("ปริมาณดิน", "volume"), ("ความจุ", "volume"),
    ("พื้นที่รับประโยชน์", "benefit_area"), ("พื้นที่ชลประทาน", "benefit_area"),
    ("พื้นที่ผิวจราจร", "area"), ("พื้นที่", "area"), ("ขนาดเส้นผ่าศูนย์กลาง", "diameter"),
    ("เส้นผ่าศูนย์กลาง", "diameter"), ("สันฝายสูง", "height"), ("ความสูง", "height"), ("สูง", "height"),
    ("ขนาด", "size"),
)
_SPEC_KW = "|".join(re.escape(k) for k, _ in _SPEC_KEYS)
#: a lookahead on the first character a match can start with (``re`` then rejects most positions at once);
#: the keyword alternation as a trie matches what the flat list matches (each longer word precedes its prefixes)
_SPEC_FIRST = "".join(sorted({"ห", "ข", "ผ", "ไ", "ป", "ก"} | {k[0] for k, _ in _SPEC_KEYS}))
_SPEC_RE = re.compile(
    rf"(?=[{_SPEC_FIRST}])(?:หรือ(?:มี)?\s*)?(?:ขนาด\s*)?(?:ผิวจราจร\s*|ไหล่ทาง\s*|ปากคลอง\s*|ก้นคลอง\s*)?(?P<kw>{trie_regex(k for k, _ in _SPEC_KEYS)})\s*"
    rf"(?:ไม่น้อยกว่า|ไม่เกิน|ประมาณ|รวม|ละ)?\s*(?P<a>{_NUM})(?:\s*-\s*(?P<b>{_NUM}))?\s*(?P<unit>{_UNIT})?(?:\s*/\s*(?:ชั่วโมง|ชม\.?|วินาที|วัน))?"
)
_COUNT_RE = re.compile(
    r"(?=[จ\d])(?:จำนวน\s*)?\d+\s*(?:แห่ง|สายทาง|จุด|คัน|เครื่อง|ชุด|หลัง|ต้น|ระบบ|โครงการ|รายการ|บ่อ|ดวง|ท่อน|สถานี|"
    r"ครอบครัว|สนาม|อาคาร|ยูนิต|ห้อง|งาน)(?=\s|$|\))"
)
_UNIT_FACTOR = {"กิโลเมตร": 1000.0, "เซนติเมตร": 0.01, "นิ้ว": 0.0254, "ตารางกิโลเมตร": 1e6}

_ADMIN_RE = re.compile(r"(?=[แ,ตอจ])(?:และ\s*|,\s*)?(?<!สุขภาพ)(?<!ส่วน)(?:ตำบล|อำเภอ|จังหวัด)\s*[ก-๙]+(?:\s*,)?")
_VILLAGE_RE = re.compile(r"(?=[แ,ห])(?:และ\s*|,\s*)?หมู่ที่\s*(\d{1,2})(?!\d)(?:\s*(?:,|-|และ|ถึง)\s*(?=หมู่ที่|\d))?")
_VILLAGE_LIST_RE = re.compile(r"หมู่ที่\s*(\d{1,2})((?:\s*(?:,|และ)\s*\d{1,2}(?!\d))+)")
_PHASE_RE = re.compile(r"(?=[(\sรชตเpโแจ])\(?\s*(?:ระยะที่|ช่วงที่|ตอนที่|เฟสที่|เฟส|phase|ระยะ|โซน(?:ที่)?|แห่งที่|จุดที่)\s*(\d{1,2})(?!\d)\s*\)?",
                       re.IGNORECASE)
_PHASE_WORDS = ("ระยะ", "ช่วงที่", "ตอนที่", "เฟส", "phase", "Phase", "PHASE", "โซน", "แห่งที่", "จุดที่")
_CHAIN_RE = re.compile(r"(?=[ก\d])(?:กิโลเมตร(?:ที่)?\s*)?(\d{1,3})\+(\d{3})")
_SEGMENT_RE = re.compile(r"(?=[ชก\d])(?:ช่วง\s*)?(?:กิโลเมตร(?:ที่)?\s*)?\d{1,3}\+\d{3}(?:\s*(?:-|ถึง)\s*(?:กิโลเมตร(?:ที่)?\s*)?\d{1,3}\+\d{3})?")
_SEGMENT_NAMED_RE = re.compile(r"ช่วง\s*(?:จาก\s*)?((?:บ้าน|ชุมชน|วัด|โรงเรียน|แยก|สะพาน|คลอง)[^\s-]+)\s*(?:ถึง|ไป|-)\s*"
                               r"((?:บ้าน|ชุมชน|วัด|โรงเรียน|แยก|สะพาน|คลอง)[^\s-]+)")
_YEAR_RE = re.compile(r"(?:ประจำปี(?:งบประมาณ)?|ปีงบประมาณ)\s*(?:พ\.ศ\.\s*)?(25\d\d)(?!\s*[-–]\s*25\d\d)")
_MULTI_YEAR_RE = re.compile(r"\(?[^()]*?(?:ผูกพัน|ข้ามปี)[^()]*\)?")
_COMPONENT_RE = re.compile(r"(?:โครงการ\s*)?(?:ค่าควบคุมงาน|ค่าออกแบบ|ค่าจ้างที่ปรึกษา|ค่าจ้างควบคุมงาน|ค่าสำรวจออกแบบ)")
_MULTI_YEAR_WORD = re.compile(r"ผูกพัน|ข้ามปี|งบประมาณต่อเนื่อง")

_REPAIR = ("ซ่อมแซม", "ซ่อมสร้าง", "ซ่อมบำรุง", "ปรับปรุง", "บำรุงรักษา", "บูรณะ", "เสริมผิว", "ฟื้นฟู", "ซ่อม")
_NEW = ("ก่อสร้าง", "สร้าง", "ติดตั้ง", "ขยายเขต", "ขยาย", "วาง", "ขุดเจาะ", "จัดซื้อ", "จัดหา")
_ACTION_RE = re.compile(trie_regex(_REPAIR + _NEW))
#: leading words stripped from the name, repeatedly
#: Work types that are not built, so a title without a verb says nothing of repair or new work.
_NO_ACTION = ("training", "tourism", "waste", "vehicle", "market")
_PREFIXES = ("โครงการ", "ค่าก่อสร้าง", "ค่าควบคุมงาน", "ค่า", "งาน", "จ้างเหมา", "จ้าง", "การ", "ดำเนินการ",
             "และ", "พร้อม", "ก่อสร้างใหม่", "ใหม่") + _REPAIR + _NEW
_DOUBLED = ("โครงการ", "ก่อสร้าง", "ปรับปรุง", "ซ่อมแซม", "ติดตั้ง", "จัดซื้อ", "ขุดลอก")
_PREFIX_RE = re.compile(r"^(?:" + trie_regex(_PREFIXES) + r")\s*")

_PLACE_KINDS: tuple[tuple[str, str, str], ...] = (
    # (kind, keyword, negative lookahead of generic words that are not names)
    ("road", "สาย", r"ทาง|ใหญ่|ไฟ|ส่ง|ซอย|ไฟฟ้า|ละ|ต่างๆ|รอง"),
    ("road", "ซอย", r"ย่อย|ต่างๆ"),
    ("road", "ถนน", r"คอนกรีต|ลาดยาง|ลูกรัง|หินคลุก|แอสฟัลต์|ผิว|สาย|เข้า|เลียบ|ภายใน|คันคลอง|พารา|ใน|เพื่อ|ดิน|ทาง|ซอย|สู่|ไป|เชื่อม|และ|บ้าน"),
    ("village", "บ้าน", r"พัก|เรือน|เลขที่|ผู้|ปลอดภัย|มั่นคง|แบบ"),
    ("village", "ชุมชน", r"ต่างๆ"),
    ("water", "คลอง", r"ส่งน้ำ|ระบายน้ำ|ซอย|ไส้ไก่|ดาด|ดิน|ธรรมชาติ|ส่ง|ต่างๆ"),
    ("water", "หนอง", r"น้ำสาธารณะ"),
    ("water", "ลำห้วย", r""),
    ("water", "ห้วย", r""),
    ("water", "บึง", r""),
    ("water", "แม่น้ำ", r""),
    ("water", "อ่างเก็บน้ำ", r""),
    ("landmark", "วัด", r"ถุ|ระดับ|ค่า|ขนาด|ปริมาณ"),
    ("landmark", "โรงเรียน", r"ต่างๆ"),
)
_STOP = r"ถึง|พร้อม|เชื่อม|และ|บริเวณ|ช่วง|จาก|ไปยัง|ไป|หมู่ที่|เพื่อ|ซึ่ง|โดย|ระยะ|หน้า|ข้าง|ด้าน"
_PLACE_RE = tuple(
    # the lookbehind after the keyword (``สาย(?<!คลองสาย)`` = ``(?<!คลอง)สาย``) lets ``re`` scan for the literal
    (kind, kw, re.compile(re.escape(kw) + (rf"(?<!คลอง{kw})" if kw in ("สาย", "ซอย") else r"(?<!หมู่บ้าน)" if kw == "บ้าน" else "") + r"\s?" + (rf"(?!{neg})" if neg else "")
                          + rf"((?:(?!{_STOP})[ก-๙A-Za-z0-9./{'-' if kind == 'road' else ''}])+"
                          + (r"(?:\s\d+(?![\d.]))?)" if kind == "road" else ")")))
    for kind, kw, neg in _PLACE_KINDS
)
_DASH = re.compile(r"\s*-\s*")
_PUNCT = re.compile(r"[()\"'“”\[\]{};:]+")


def normalize(title: object) -> str:
    """Rules 1–3: Unicode, sara am, invisible characters, Thai digits, abbreviations and spacing."""
    t = clean_text(title)
    if not t:
        return ""
    t = _INVISIBLE.sub("", t)
    if _THAI_DIGIT.search(t):
        t = thai_digits_to_arabic(t)
    if "," in t:
        t = _THOUSANDS.sub("", t)
    t = t.replace("–", "-").replace("—", "-").replace("ฯ", "")
    for rx, rep, need, pre in _ABBREV_RE:
        if need in t and (pre is None or pre.search(t)):
            t = rx.sub(rep, t)
    if "-" in t:
        t = _DASH.sub("-", t)
    for rx, rep, needs in _SYNONYM_RE:
        if any(n in t for n in needs):
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

    @property
    def village(self) -> int | None:
        """The village number when the title names exactly one."""
        return next(iter(self.villages)) if len(self.villages) == 1 else None


_SPEC_NAME: dict[str, str] = {}
for _k, _n in _SPEC_KEYS:
    _SPEC_NAME.setdefault(_k, _n)
_SPEC_WORDS = tuple(_SPEC_NAME)
#: ``_SPEC_WORDS_RE.search(t)`` is ``any(w in t for w in _SPEC_WORDS)`` in one scan (likewise the phase words)
_SPEC_WORDS_RE = re.compile(trie_regex(_SPEC_WORDS))
_PHASE_WORDS_RE = re.compile(trie_regex(_PHASE_WORDS))


def _spec_value(m: re.Match) -> tuple[str, float]:
    kw, a, b, unit = m.group("kw", "a", "b", "unit")
    name = _SPEC_NAME[kw]
    a = float(a)
    value = max(a, float(b)) if b else a
    unit = "".join(unit.split()) if unit else ""
    if unit.startswith("ล้าน"):
        value *= 1e6
    else:
        value *= _UNIT_FACTOR.get(unit, 1.0)
    if name == "area" and unit == "ไร่":
        name = "benefit_area"
    return name, value


def _cut(t: str, matches: list) -> str:
    """``rx.sub(" ", t)`` from the matches ``rx.finditer(t)`` already found (one scan instead of two)."""
    if not matches:
        return t
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


def _work_types(name: str) -> tuple[str | None, frozenset[str]]:
    first: tuple[int, int, str] | None = None
    found: set[str] = set()
    for m in _KW_RE.finditer(name):
        code = _KW_TO_TYPE.get(m.group(0).lower()) or _KW_TO_TYPE[m.group(0)]
        found.add(code)
        if first is None:
            first = (m.start(), -len(m.group(0)), code)
    # at one position the longest keyword wins: re alternation is ordered longest first already
    return (first[2] if first else None), frozenset(found)


_WT_ORDER = {w.code: i for i, w in enumerate(WORK_TYPES)}
_TRIM_RE = re.compile(r"(?=[\s-])(?:(?:\s*-\s*)+$|^\s*-\s*|\s-\s)")
_PLUS_RE = re.compile(r"\s*พร้อม")
#: cheap necessary conditions (searches that start with a literal or a digit) before the costlier passes
_SPEC_PRE = re.compile(rf"(?:{_SPEC_KW})\s*(?:ไม่น้อยกว่า|ไม่เกิน|ประมาณ|รวม|ละ)?\s*\d")
_COUNT_PRE = re.compile(r"\d\s*(?:แห่ง|สายทาง|จุด|คัน|เครื่อง|ชุด|หลัง|ต้น|ระบบ|โครงการ|รายการ|บ่อ|ดวง|ท่อน|สถานี|"
                        r"ครอบครัว|สนาม|อาคาร|ยูนิต|ห้อง|งาน)")
_PHASE_PRE = re.compile(r"(?:ระยะ|ช่วงที่|ตอนที่|เฟส|โซน|แห่งที่|จุดที่)(?:ที่)?\s*\d|phase\s*\d", re.IGNORECASE)


_PLACE_KW_RE = re.compile(trie_regex({kw for _, kw, _ in _PLACE_KINDS}))


def _places(text: str) -> frozenset[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    present = set(_PLACE_KW_RE.findall(text))
    if "ลำห้วย" in text:
        present.add("ห้วย")
    for kind, kw, rx in _PLACE_RE:
        if kw not in present:
            continue
        for m in rx.finditer(text):
            name = m.group(1).strip(" -./")
            if len(name) >= 2:
                out.add((kind, f"{kw}{name}" if kind != "road" else name))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def features(title: object) -> TitleFeatures:
    """Rules 1–9 on one title (cached: call it once per distinct title)."""
    text = normalize(title)
    t = text
    component = bool(_COMPONENT_RE.match(t))
    multi_year = "ผูกพัน" in t or "ข้ามปี" in t or "งบประมาณต่อเนื่อง" in t  # _MULTI_YEAR_WORD
    if multi_year:
        t = _MULTI_YEAR_RE.sub(" ", t)
    year = None
    m = _YEAR_RE.search(t) if "ปี" in t else None
    if m:
        year = int(m.group(1))
        t = t[: m.start()] + " " + t[m.end():]
    specs: dict[str, float] = {}
    if _SPEC_WORDS_RE.search(t) and _SPEC_PRE.search(t):  # every spec match holds these
        ms = list(_SPEC_RE.finditer(t))
        for m in ms:
            k, v = _spec_value(m)
            specs.setdefault(k, v)
        t = _cut(t, ms)
    ms = list(_COUNT_RE.finditer(t)) if _COUNT_PRE.search(t) else None
    if ms:
        specs.setdefault("count", float(re.match(r"(?:จำนวน\s*)?(\d+)", ms[0].group(0)).group(1)))
        t = _cut(t, ms)
    segment = None
    if "+" in t:
        chains = [int(a) * 1000 + int(b) for a, b in _CHAIN_RE.findall(t)]
        segment = (float(min(chains)), float(max(chains))) if len(chains) >= 2 else None
        t = _SEGMENT_RE.sub(" ", t)
    ends: frozenset[str] = frozenset()
    m = _SEGMENT_NAMED_RE.search(t) if "ช่วง" in t else None
    if m:
        ends = frozenset((m.group(1), m.group(2)))
        t = t[: m.start()] + " " + t[m.end():]
    phase = None
    ms = list(_PHASE_RE.finditer(t)) if _PHASE_WORDS_RE.search(t) and _PHASE_PRE.search(t) else None
    if ms:
        phase = int(ms[0].group(1))
        t = _cut(t, ms)
    villages: set[int] = set()
    if "หมู่ที่" in t:
        ms = list(_VILLAGE_LIST_RE.finditer(t))
        for m in ms:
            villages.update(int(x) for x in re.findall(r"\d+", m.group(2)))
        for m in _VILLAGE_RE.finditer(t):
            villages.add(int(m.group(1)))
        t = _cut(t, ms)
        t = _VILLAGE_RE.sub(" ", t)
    if "ตำบล" in t or "อำเภอ" in t or "จังหวัด" in t:
        t = _ADMIN_RE.sub(" ", t)
    t = _PUNCT.sub(" ", t)
    t = " ".join(t.split())
    if "-" in t:
        t = _TRIM_RE.sub(" ", t)
    m = _ACTION_RE.search(t)
    action = None
    if m:
        action = "repair" if m.group(0) in _REPAIR else "new"
    name = " ".join(t.split())
    while True:
        stripped = _PREFIX_RE.sub("", name)
        if stripped == name:
            break
        name = stripped
    name = _dedupe_words(name).strip(" -,")
    if not name:
        name = " ".join(t.split())
    work_type, work_types = _work_types(" ".join(t.split()))
    if work_type == "building" and len(work_types) > 1:  # a building is the container: the specific work wins
        work_type = min(work_types - {"building"}, key=_WT_ORDER.__getitem__)
    if action is None and work_type not in (None, *_NO_ACTION):
        action = "new"  # a bare noun in a plan (ถนน คสล. สาย…) means building it
    key = (_PLUS_RE.split(name, maxsplit=1)[0] if "พร้อม" in name else name) or name  # "… พร้อม <extras>" varies between offices
    return TitleFeatures(
        text=text, name=name, key=key.replace(" ", ""), segment_ends=ends, work_type=work_type, work_types=work_types,
        action=action, villages=frozenset(villages), places=_places(name), phase=phase, segment=segment,
        title_year=year, multi_year=multi_year, component=component, specs=specs,
    )


#: from this many distinct titles on, :func:`features_many` reads them in worker processes (the start costs ~0.5 s)
POOL_MIN_TITLES = 20_000


def _features_chunk(titles: list) -> list[TitleFeatures]:
    gc.disable()  # many small objects without cycles (see duplicates._prepare)
    return [features(t) for t in titles]


def features_many(titles, progress=None, processes: int | None = None) -> list[TitleFeatures]:
    """:func:`features` of each title, in order; over all cores (spawned processes) for many titles.

    ``progress(done, total)`` is called now and then. The result is the same as ``[features(t) for t in titles]``;
    when the worker processes cannot be started the titles are read here, one after the other.
    """
    titles = list(titles)
    n = len(titles)
    procs = processes if processes is not None else min(os.cpu_count() or 1, 8)
    if n >= POOL_MIN_TITLES and procs > 1:
        try:
            return _features_pool(titles, procs, progress)
        except Exception:  # noqa: BLE001 - no processes here (sandbox, frozen app…): read them serially
            pass
    out: list[TitleFeatures] = []
    step = max(1, n // 20)
    for k, t in enumerate(titles):
        if progress is not None and k % step == 0:
            progress(k, n)
        out.append(features(t))
    return out


def _features_pool(titles: list, procs: int, progress) -> list[TitleFeatures]:
    """``procs - 1`` spawned workers read the tail of the list while this process reads the head.

    The workers' share is a little smaller: they also pickle their results, which are unpickled here.
    """
    import multiprocessing

    n = len(titles)
    workers = procs - 1
    head = n - int(n * workers / procs * 0.9)
    size = max(500, -(-(n - head) // (workers * 4)))
    chunks = [titles[i: i + size] for i in range(head, n, size)]
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending = pool.map_async(_features_chunk, chunks)
        out: list[TitleFeatures] = []
        step = max(1, head // 10)
        for k in range(head):
            if progress is not None and k % step == 0:
                progress(k, n)
            out.append(features(titles[k]))
        for part in pending.get():
            out.extend(part)
    if len(out) != n:
        raise RuntimeError("worker results incomplete")
    if progress is not None:
        progress(n, n)
    return out


def work_type_label(code: str | None, lang: str = "th") -> str:
    """The Thai or English label of a work type code ("" for None)."""
    if not code:
        return ""
    w = WORK_TYPE_BY_CODE.get(code)
    if w is None:
        return code
    return w.th if lang == "th" else w.en
