"""Normalisers for values users write: Thai digits, BE/CE years, budgets, village numbers."""

from __future__ import annotations

import math
import re
import unicodedata

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

#: Years before this are read as Common Era and converted (CE 2025 -> BE 2568).
BE_OFFSET = 543
_MIN_CE, _MAX_CE = 1900, 2200
_MIN_BE, _MAX_BE = _MIN_CE + BE_OFFSET, _MAX_CE + BE_OFFSET


class ValueProblem(ValueError):
    """A value cannot be read; the message is bilingual and names what was expected."""

    def __init__(self, th: str, en: str) -> None:
        self.th = th
        self.en = en
        super().__init__(f"{th} ({en})")


def thai_digits_to_arabic(text: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9."""
    return text.translate(_THAI_DIGITS)


def arabic_to_thai_digits(text: str) -> str:
    """Replace 0–9 with Thai digits ๐–๙ (official document style)."""
    return text.translate(_ARABIC_TO_THAI)


# nikhahit + (tone mark) + sara aa, as typed on some keyboards, is one sara am.
_SARA_AM_SPLIT = re.compile("\u0e4d([\u0e48-\u0e4b])\u0e32")


def clean_text(value: object) -> str:
    """NFC text with the decomposed sara am joined, no zero-width marks and single spaces."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    t = str(value)
    if t.isascii():
        return " ".join(t.split()) if "  " in t or t != t.strip() or "\t" in t or "\n" in t else t
    if not unicodedata.is_normalized("NFC", t):
        t = unicodedata.normalize("NFC", t)
    if "\u0e4d" in t:
        t = _SARA_AM_SPLIT.sub("\\1\u0e33", t).replace("\u0e4d\u0e32", "\u0e33")
    if "\u200b" in t or "\ufeff" in t:
        t = t.replace("\u200b", "").replace("\ufeff", "")
    return " ".join(t.split())


def is_blank(value: object) -> bool:
    """True for None, NaN and text that is empty after trimming."""
    return clean_text(value) == ""


def parse_year(value: object) -> int | None:
    """A fiscal year as Buddhist Era from BE, CE, Thai digits, 'พ.ศ. 2568' or 'ปีงบประมาณ 2568'."""
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueProblem(
                f"ปีต้องเป็นจำนวนเต็ม ได้ {value!r}", f"expected a whole year, got {value!r}"
            )
        year = int(value)
    else:
        text = thai_digits_to_arabic(clean_text(value))
        text = re.sub(r"^(ปีงบประมาณ|ปีงบ|ปี|พ\.ศ\.|พ\.ศ|ค\.ศ\.|fy|FY)\s*", "", text).strip()
        text = re.sub(r"\.0+$", "", text)
        if not re.fullmatch(r"\d{4}", text):
            raise ValueProblem(
                f"ปีงบประมาณต้องเป็นปี 4 หลัก (พ.ศ. หรือ ค.ศ.) ได้ {clean_text(value)!r}",
                f"expected a 4-digit year (BE or CE), got {clean_text(value)!r}",
            )
        year = int(text)
    if _MIN_BE <= year <= _MAX_BE:
        return year
    if _MIN_CE <= year <= _MAX_CE:
        return year + BE_OFFSET
    raise ValueProblem(
        f"ปี {year} อยู่นอกช่วงที่เป็นไปได้", f"year {year} is outside any plausible range"
    )


_MULTIPLIERS = {
    "ล้าน": 1_000_000,
    "ล.": 1_000_000,
    "แสน": 100_000,
    "หมื่น": 10_000,
    "พัน": 1_000,
    "m": 1_000_000,
    "mb": 1_000_000,
    "million": 1_000_000,
}
_BUDGET = re.compile(
    r"^(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?P<mult>ล้าน|ล\.|แสน|หมื่น|พัน|million|mb|m)?\s*(?:บาท|baht|thb|฿)?\.?$",
    re.IGNORECASE,
)


def parse_budget(value: object) -> float | None:
    """A budget in baht from '1,250,000', '1.25 ล้าน', '๑,๒๕๐,๐๐๐', '1,250,000 บาท' or a number."""
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        fast = str(value).replace(",", "")
        if fast.isascii() and fast.replace(".", "", 1).isdigit():
            return round(float(fast), 2)
        text = thai_digits_to_arabic(clean_text(value)).replace(",", "").replace("฿", "")
        text = text.replace(" ", "") if re.fullmatch(r"[\d\s.]+", text) else text
        m = _BUDGET.match(text.strip())
        if not m:
            raise ValueProblem(
                f"งบประมาณต้องเป็นตัวเลข ได้ {clean_text(value)!r}",
                f"expected a number, got {clean_text(value)!r}",
            )
        number = float(m.group("num")) * _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
    if math.isnan(number) or math.isinf(number) or number < 0:
        raise ValueProblem(
            f"งบประมาณต้องเป็นจำนวนไม่ติดลบ ได้ {value!r}",
            f"expected a non-negative amount, got {value!r}",
        )
    return round(number, 2)


def parse_int(value: object, what_th: str = "ค่า", what_en: str = "value") -> int | None:
    """A whole number from text with Thai digits or a float like 3.0."""
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueProblem(
                f"{what_th}ต้องเป็นจำนวนเต็ม ได้ {value!r}", f"{what_en} must be whole, got {value!r}"
            )
        return int(value)
    text = re.sub(r"\.0+$", "", thai_digits_to_arabic(clean_text(value)))
    if not re.fullmatch(r"\d+", text):
        raise ValueProblem(
            f"{what_th}ต้องเป็นจำนวนเต็ม ได้ {clean_text(value)!r}",
            f"{what_en} must be a whole number, got {clean_text(value)!r}",
        )
    return int(text)


_VILLAGE = re.compile(r"(?:หมู่ที่|หมู่|ม\.)\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])")


def parse_village_no(value: object) -> int | None:
    """A village number from '3', 'หมู่ที่ 3', 'ม.3', 'หมู่ ๓'."""
    if is_blank(value):
        return None
    text = clean_text(value)
    m = _VILLAGE.search(text)
    if m:
        return int(thai_digits_to_arabic(m.group(1)))
    return parse_int(text, "หมู่ที่", "village number")


def find_village_no(text: str) -> int | None:
    """The first village number written inside a free text, or None."""
    m = _VILLAGE.search(clean_text(text))
    return int(thai_digits_to_arabic(m.group(1))) if m else None


def parse_number(value: object, what_th: str = "ค่า", what_en: str = "value") -> float | None:
    """A decimal number (coordinates) with Thai digits and an optional thousands comma."""
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = thai_digits_to_arabic(clean_text(value)).replace(",", "")
    try:
        return float(text)
    except ValueError:
        raise ValueProblem(
            f"{what_th}ต้องเป็นตัวเลข ได้ {clean_text(value)!r}",
            f"{what_en} must be a number, got {clean_text(value)!r}",
        ) from None


def split_ids(value: object) -> list[str]:
    """Ids separated by ';' or ',' (plan_ids, coverage), trimmed, empty ones dropped, order kept."""
    if is_blank(value):
        return []
    seen: list[str] = []
    for part in re.split(r"[;,]", clean_text(value)):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def fiscal_year_of(year: int, month: int) -> int:
    """The Thai fiscal year (BE) of a CE calendar date: it starts on 1 October."""
    return year + BE_OFFSET + (1 if month >= 10 else 0)
