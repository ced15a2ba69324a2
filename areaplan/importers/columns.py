"""Header aliases (English and Thai) of the interchange formats and header matching."""

from __future__ import annotations

import re
import unicodedata

PROJECT_COLUMNS: dict[str, tuple[str, ...]] = {
    "project_id": ("project_id", "รหัสโครงการ", "รหัส", "id"),
    "title": ("title", "ชื่อโครงการ", "โครงการ", "name"),
    "channel": ("channel", "ช่องทาง", "แหล่งงบประมาณ", "แหล่งงบ"),
    "agency": ("agency", "หน่วยงาน", "หน่วยงานรับผิดชอบ", "หน่วยงานดำเนินการ"),
    "fiscal_year": ("fiscal_year", "ปีงบประมาณ", "ปี", "year"),
    "budget": ("budget", "งบประมาณ", "วงเงิน"),
    "agenda": ("agenda", "ประเด็น", "ประเด็นการพัฒนา", "ด้าน"),
    "plan_ids": ("plan_ids", "แผน", "รหัสแผน"),
    "status": ("status", "สถานะ"),
    "village_no": ("village_no", "หมู่ที่", "หมู่"),
    "tambon": ("tambon", "ตำบล", "ต."),
    "amphoe": ("amphoe", "อำเภอ", "อ."),
    "changwat": ("changwat", "จังหวัด", "จ."),
    "location_text": ("location_text", "ที่ตั้ง", "สถานที่ดำเนินการ"),
    "lon": ("lon", "ลองจิจูด", "x", "longitude", "long", "lng"),
    "lat": ("lat", "ละติจูด", "y", "latitude"),
    "wkt": ("wkt", "geometry"),
}
PROJECT_REQUIRED = ("project_id", "title")

PLAN_COLUMNS: dict[str, tuple[str, ...]] = {
    "plan_id": ("plan_id", "รหัสแผน"),
    "name": ("name", "ชื่อแผน"),
    "level": ("level", "ระดับ"),
    "kind": ("kind", "ประเภท"),
    "agenda": ("agenda", "ประเด็น"),
    "owner": ("owner", "หน่วยงานเจ้าของแผน"),
    "period_start": ("period_start", "ปีเริ่ม"),
    "period_end": ("period_end", "ปีสิ้นสุด"),
    "coverage": ("coverage", "พื้นที่ครอบคลุม"),
    "parent_id": ("parent_id", "แผนแม่"),
}
PLAN_REQUIRED = ("plan_id", "name")

_UNIT = re.compile(r"\s*[(\[（].*?[)\]）]\s*$")


def fold_header(header: object) -> str:
    """Header key: NFC, case-folded, trimmed, without a trailing unit in brackets."""
    text = unicodedata.normalize("NFC", str(header if header is not None else ""))
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\ufeff", "").strip()
    text = _UNIT.sub("", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def alias_index(schema: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded alias -> canonical column name."""
    return {fold_header(alias): name for name, aliases in schema.items() for alias in aliases}


def match_headers(headers: list[object], schema: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map each original header that names a known column to that column.

    A header spelling the column's own name wins over an alias (a KML file with both `id` and
    `project_id` maps `project_id`); otherwise the first matching header wins.
    """
    index = alias_index(schema)
    found: dict[str, str] = {}
    taken: set[str] = set()
    exact = [h for h in headers if fold_header(h) in schema]
    for header in [*exact, *(h for h in headers if h not in exact)]:
        name = index.get(fold_header(header))
        if name and name not in taken and str(header) not in found:
            found[str(header)] = name
            taken.add(name)
    return found


def header_score(cells: list[object], schema: dict[str, tuple[str, ...]]) -> int:
    """How many cells of a row name distinct known columns (used to find the header row)."""
    return len(match_headers([c for c in cells if c not in (None, "")], schema))
