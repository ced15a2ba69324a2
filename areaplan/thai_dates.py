"""Dates as Thai official documents write them: day, Thai month name, Buddhist Era year."""

from __future__ import annotations

from datetime import date, datetime

from areaplan.values import BE_OFFSET, arabic_to_thai_digits

#: Thai month names, January first.
THAI_MONTHS: tuple[str, ...] = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
#: Abbreviated Thai month names, January first.
THAI_MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip


def buddhist_year(day: date) -> int:
    """The Buddhist Era year of a date (CE + 543)."""
    return day.year + BE_OFFSET


def thai_date(day: date | datetime | None = None, *, thai_digits: bool = False, short: bool = False) -> str:
    """A date as "22 พฤศจิกายน 2569" (today when None); Thai digits on request (official style)."""
    day = day or date.today()
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{day.day} {months[day.month - 1]} {buddhist_year(day)}"
    return arabic_to_thai_digits(text) if thai_digits else text


def prepared_on(day: date | datetime | None = None, *, thai_digits: bool = False) -> str:
    """The line printed on annexes: "จัดทำเมื่อ 22 พฤศจิกายน 2569"."""
    return "จัดทำเมื่อ " + thai_date(day, thai_digits=thai_digits)


def parse_iso_date(text: str | None) -> date | None:
    """A date from ISO text (2026-11-22 or a full timestamp); None for empty text."""
    if not text:
        return None
    return datetime.fromisoformat(str(text).strip().replace("Z", "+00:00")).date()
