"""Codes and Thai labels of channels, agendas, statuses, plan levels and kinds (interchange.md)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

CHANNELS: dict[str, str] = {
    "province": "งบพัฒนาจังหวัด / แผนพัฒนาจังหวัด",
    "cluster": "งบกลุ่มจังหวัด / แผนพัฒนากลุ่มจังหวัด",
    "function": "งบกระทรวง กรม (งบฟังก์ชัน)",
    "local": "แผนพัฒนาท้องถิ่น (อบจ. เทศบาล อบต.)",
    "community": "แผนชุมชน / แผนหมู่บ้าน",
    "other": "อื่น ๆ (เอกชน, องค์การมหาชน, กองทุน)",
}

AGENDAS: dict[str, str] = {
    "water": "น้ำ การชลประทาน น้ำท่วม ภัยแล้ง",
    "transport": "ถนน คมนาคม",
    "agriculture": "เกษตร",
    "economy": "เศรษฐกิจ การท่องเที่ยว การค้า",
    "education": "การศึกษา",
    "health": "สาธารณสุข",
    "environment": "ทรัพยากรธรรมชาติ สิ่งแวดล้อม ขยะ",
    "safety": "ความปลอดภัย ป้องกันภัย",
    "social": "สังคม สวัสดิการ ที่อยู่อาศัย",
    "other": "อื่น ๆ",
}

STATUSES: dict[str, str] = {
    "proposed": "เสนอ",
    "approved": "อนุมัติ",
    "in_progress": "กำลังดำเนินการ",
    "done": "แล้วเสร็จ",
    "cancelled": "ยกเลิก",
}

LEVELS: dict[str, str] = {
    "national": "ระดับชาติ",
    "region": "ภาค",
    "cluster": "กลุ่มจังหวัด",
    "province": "จังหวัด",
    "district": "อำเภอ",
    "tambon": "ตำบล",
    "village": "หมู่บ้าน",
    "local": "ท้องถิ่น",
}

PLAN_KINDS: dict[str, str] = {
    "area": "แผนเชิงพื้นที่",
    "agenda": "แผนเชิงประเด็น / แผนเชิงภารกิจ",
}

PRECISIONS: dict[str, str] = {
    "point": "จุดพิกัด",
    "line": "เส้น",
    "polygon": "รูปแปลง",
    "village": "หมู่บ้าน",
    "tambon": "ตำบล",
    "amphoe": "อำเภอ",
    "unlocated": "ระบุที่ตั้งไม่ได้",
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "channel": CHANNELS,
    "agenda": AGENDAS,
    "status": STATUSES,
    "level": LEVELS,
    "kind": PLAN_KINDS,
}

# Alternatives people write that are not words of the label itself.
_EXTRA_ALIASES: dict[str, dict[str, str]] = {
    "channel": {
        "งบจังหวัด": "province",
        "กลุ่มจังหวัด": "cluster",
        "งบกระทรวง": "function",
        "กระทรวง": "function",
        "กรม": "function",
        "ฟังก์ชัน": "function",
        "งบฟังก์ชัน": "function",
        "ท้องถิ่น": "local",
        "อปท.": "local",
        "อปท": "local",
        "ชุมชน": "community",
        "หมู่บ้าน": "community",
        "อื่นๆ": "other",
    },
    "agenda": {"อื่นๆ": "other", "คมนาคม": "transport", "ชลประทาน": "water"},
    "status": {
        "เสนอโครงการ": "proposed",
        "ได้รับอนุมัติ": "approved",
        "ดำเนินการ": "in_progress",
        "เสร็จแล้ว": "done",
        "เสร็จสิ้น": "done",
        "inprogress": "in_progress",
        "in progress": "in_progress",
        "canceled": "cancelled",
    },
    "level": {"ชาติ": "national", "จังหวัด": "province", "อำเภอ": "district", "อปท.": "local"},
    "kind": {
        "เชิงพื้นที่": "area",
        "พื้นที่": "area",
        "เชิงประเด็น": "agenda",
        "ประเด็น": "agenda",
        "ภารกิจ": "agenda",
        "แผนเชิงภารกิจ": "agenda",
    },
}

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-, width- and space-insensitive key for comparing labels."""
    t = unicodedata.normalize("NFC", str(text)).replace("\u0e4d\u0e32", "\u0e33")
    return _SPACES.sub("", t).casefold()


@cache
def _lookup(vocabulary: str) -> dict[str, str]:
    table = VOCABULARIES[vocabulary]
    index: dict[str, str] = {}
    for code, label in table.items():
        index[fold(code)] = code
        index[fold(label)] = code
        # alternatives: split at "/", parentheses, commas and spaces
        for part in re.split(r"[/(),]|\s+", label):
            part = part.strip()
            if part and part not in ("อื่น", "ๆ", "และ"):
                index.setdefault(fold(part), code)
    for alias, code in _EXTRA_ALIASES.get(vocabulary, {}).items():
        index.setdefault(fold(alias), code)
    return index


def to_code(vocabulary: str, value: str) -> str | None:
    """The code for a code, a Thai label or one alternative inside a label; None if unknown."""
    if value is None:
        return None
    key = fold(value)
    if not key:
        return None
    return _lookup(vocabulary).get(key)


def label(vocabulary: str, code: str, lang: str = "th") -> str:
    """The display label of a code (Thai), or the code itself for English or unknown codes."""
    if lang == "th":
        return VOCABULARIES[vocabulary].get(code, code)
    return code
