"""The areas an atlas prints: province, amphoe and tambon with their project counts, filtered and ordered.

Qt-free: the print composer (layers.print) and the command line choose pages with these functions.
DOPA codes nest (changwat 2 digits, amphoe 4, tambon 6), so a project belongs to an area when its code at that
level equals the area's code; the codes come from ``tambon_code`` (and ``amphoe_code``/``changwat_code`` for
projects located only to an amphoe).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from areaplan.errors import AreaPlanError

#: Boundary levels an atlas can print, largest first.
LEVELS: tuple[str, ...] = ("changwat", "amphoe", "tambon")
LEVEL_TH: dict[str, str] = {"changwat": "จังหวัด", "amphoe": "อำเภอ", "tambon": "ตำบล"}
LEVEL_EN: dict[str, str] = {"changwat": "Province", "amphoe": "District", "tambon": "Subdistrict"}
#: Code length of each level.
CODE_LENGTH: dict[str, int] = {"changwat": 2, "amphoe": 4, "tambon": 6}
#: Sort keys: name -> (column, ascending). Prefix "-" to reverse.
SORT_KEYS: dict[str, tuple[str, bool]] = {
    "code": ("code", True),
    "name": ("sort_th", True),
    "name_en": ("name_en", True),
    "projects": ("projects", False),
    "budget": ("budget", False),
}
#: Columns of the area table (what a filter expression may use).
AREA_COLUMNS: tuple[str, ...] = (
    "level", "code", "name_th", "name_en", "parent_code", "changwat_code", "amphoe_code", "projects", "budget",
)  # fmt: skip

_LEADING_VOWELS = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_NON_CONSONANT = re.compile("[\u0e2f-\u0e4f]")


class AtlasError(AreaPlanError, ValueError):
    """The areas asked for cannot be chosen (unknown code, bad filter or sort)."""


@dataclass(frozen=True)
class Area:
    """One area of an atlas page: its level, DOPA code, names, parent and project totals."""

    level: str
    code: str
    name_th: str
    name_en: str = ""
    parent_code: str | None = None
    projects: int = 0
    budget: float = 0.0

    @property
    def title(self) -> str:
        """The Thai name with its level: "ตำบลคอหงส์", "อำเภอหาดใหญ่", "จังหวัดสงขลา"."""
        return f"{LEVEL_TH.get(self.level, '')}{self.name_th}"


def thai_sort_key(text: object) -> str:
    """A key that sorts Thai words in dictionary order: consonants first, then vowels and tone marks (a
    leading vowel เ แ โ ใ ไ counts after its consonant)."""
    text = str(text or "")
    return _NON_CONSONANT.sub("", text) + "\x00" + _LEADING_VOWELS.sub(r"\2\1", text)


def project_area_codes(projects: pd.DataFrame) -> pd.DataFrame:
    """The changwat, amphoe and tambon code of every project (empty text where unknown), vectorised."""
    n = len(projects)

    def column(name: str) -> pd.Series:
        if name in projects.columns:
            return projects[name].astype("string").fillna("").str.strip()
        return pd.Series([""] * n, index=projects.index, dtype="string")

    tambon = column("tambon_code")
    amphoe = column("amphoe_code")
    changwat = column("changwat_code")
    amphoe = amphoe.where(amphoe != "", tambon.str[:4])
    changwat = changwat.where(changwat != "", amphoe.str[:2])
    return pd.DataFrame({"changwat": changwat, "amphoe": amphoe, "tambon": tambon}, index=projects.index)


def area_table(boundaries: Mapping[str, pd.DataFrame], projects: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every boundary feature of the atlas levels with its parents, project count and total budget."""
    frames = []
    for level in LEVELS:
        frame = boundaries.get(level)
        if frame is None or not len(frame):
            continue
        code = frame["code"].astype(str).str.strip()
        parent = frame["parent_code"] if "parent_code" in frame.columns else pd.Series(None, index=frame.index)
        frames.append(pd.DataFrame({
            "level": level,
            "code": code.to_numpy(),
            "name_th": frame["name_th"].fillna("").astype(str).to_numpy() if "name_th" in frame else code.to_numpy(),
            "name_en": frame["name_en"].fillna("").astype(str).to_numpy() if "name_en" in frame else "",
            "parent_code": parent.astype("string").to_numpy(),
        }))  # fmt: skip
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in (*AREA_COLUMNS, "sort_th")})
    table = pd.concat(frames, ignore_index=True)
    table["changwat_code"] = table["code"].str[:2]
    table["amphoe_code"] = np.where(table["level"] == "changwat", None, table["code"].str[:4])
    table["projects"] = 0
    table["budget"] = 0.0
    if projects is not None and len(projects):
        codes = project_area_codes(projects)
        budget = pd.to_numeric(projects["budget"], errors="coerce") if "budget" in projects else None
        for level in LEVELS:
            key = codes[level]
            counts = key[key != ""].value_counts()
            rows = table["level"] == level
            table.loc[rows, "projects"] = table.loc[rows, "code"].map(counts).fillna(0).astype(int)
            if budget is not None:
                sums = budget.groupby(key).sum(min_count=1)
                table.loc[rows, "budget"] = table.loc[rows, "code"].map(sums).fillna(0.0).astype(float)
    table["projects"] = table["projects"].astype(int)
    table["sort_th"] = table["name_th"].map(thai_sort_key)
    return table


def _apply_filter(table: pd.DataFrame, expression: str | None) -> pd.DataFrame:
    if not expression or not expression.strip():
        return table
    try:
        result = table.query(expression, engine="python")
    except Exception as exc:  # noqa: BLE001 - pandas raises many types for a bad expression; all are user input
        raise AtlasError(
            f"ตัวกรองพื้นที่ใช้ไม่ได้: {expression!r} ({exc}) ใช้คอลัมน์ {', '.join(AREA_COLUMNS)}",
            f"cannot use the area filter {expression!r} ({type(exc).__name__}: {exc}); "
            f"columns: {', '.join(AREA_COLUMNS)}",
            field="filter",
        ) from exc
    if not isinstance(result, pd.DataFrame):
        raise AtlasError(
            f"ตัวกรองพื้นที่ต้องเป็นเงื่อนไขจริง/เท็จ ได้ {expression!r}",
            f"the area filter must be a true/false condition, got {expression!r}",
            field="filter",
        )
    return result


def _apply_sort(table: pd.DataFrame, sort: str | None) -> pd.DataFrame:
    sort = (sort or "code").strip()
    reverse = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        raise AtlasError(
            f"เรียงตาม {key!r} ไม่ได้ ใช้ได้: {', '.join(SORT_KEYS)}",
            f"cannot sort by {key!r}; use one of {', '.join(SORT_KEYS)}",
            field="sort",
        )
    column, ascending = SORT_KEYS[key]
    return table.sort_values([column, "code"], ascending=[ascending != reverse, True], kind="stable")


def _areas(rows: pd.DataFrame) -> list[Area]:
    return [
        Area(r.level, r.code, r.name_th, r.name_en, None if pd.isna(r.parent_code) else str(r.parent_code),
             int(r.projects), float(r.budget))
        for r in rows.itertuples(index=False)
    ]  # fmt: skip


def select_areas(
    table: pd.DataFrame,
    level: str,
    *,
    codes: Iterable[str] | None = None,
    filter: str | None = None,  # noqa: A002 - the CLI option's name
    sort: str | None = "code",
) -> list[Area]:
    """The areas of one level, optionally only some codes (or their children), filtered and sorted."""
    if level not in LEVELS:
        raise AtlasError(
            f"ระดับพื้นที่ต้องเป็นหนึ่งใน {', '.join(LEVELS)} ได้ {level!r}",
            f"level must be one of {', '.join(LEVELS)}, got {level!r}",
            field="level",
        )
    rows = table[table["level"] == level]
    if codes:
        wanted = [str(c).strip() for c in codes if str(c).strip()]
        unknown = [c for c in wanted if not table["code"].eq(c).any()]
        if unknown:
            raise AtlasError(
                f"ไม่พบพื้นที่รหัส {', '.join(unknown)} ในพื้นที่ทำงาน",
                f"no area with code {', '.join(unknown)} in the workspace",
                field="area",
            )
        rows = rows[rows["code"].str.startswith(tuple(wanted))]
    rows = _apply_sort(_apply_filter(rows, filter), sort)
    return _areas(rows)


def find_area(table: pd.DataFrame, code: str) -> Area:
    """The area with a DOPA code (any level)."""
    rows = table[table["code"] == str(code).strip()]
    if not len(rows):
        raise AtlasError(
            f"ไม่พบพื้นที่รหัส {code} ในพื้นที่ทำงาน", f"no area with code {code} in the workspace", field="area"
        )
    return _areas(rows.iloc[:1])[0]


def nested_areas(
    table: pd.DataFrame, *, codes: Iterable[str] | None = None, filter: str | None = None, sort: str | None = "code"  # noqa: A002
) -> list[Area]:
    """Province first, then each amphoe followed by its tambons (the nested report's page order)."""
    out: list[Area] = []
    provinces = select_areas(table, "changwat", sort="code")
    wanted = [str(c).strip() for c in codes or () if str(c).strip()]
    for province in provinces:
        if wanted and not any(w.startswith(province.code) or province.code.startswith(w) for w in wanted):
            continue
        out.append(province)
        amphoes = select_areas(table, "amphoe", codes=wanted or [province.code], filter=filter, sort=sort)
        tambons = select_areas(table, "tambon", codes=wanted or [province.code], filter=filter, sort=sort)
        for amphoe in amphoes:
            if not amphoe.code.startswith(province.code):
                continue
            out.append(amphoe)
            out += [t for t in tambons if t.code.startswith(amphoe.code)]
    return out


def parents_of(table: pd.DataFrame, area: Area) -> list[Area]:
    """The amphoe and changwat containing an area, nearest first (those present in the table)."""
    out = []
    for level in ("amphoe", "changwat"):
        n = CODE_LENGTH[level]
        if len(area.code) > n:
            rows = table[(table["level"] == level) & (table["code"] == area.code[:n])]
            if len(rows):
                out.append(_areas(rows.iloc[:1])[0])
    return out


def full_title(table: pd.DataFrame, area: Area) -> str:
    """"ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา": the area with its parents."""
    names = dict(zip(zip(table["level"], table["code"]), table["name_th"]))
    parts = [area.title]
    for level in ("amphoe", "changwat"):
        n = CODE_LENGTH[level]
        name = names.get((level, area.code[:n])) if len(area.code) > n else None
        if name is not None:
            parts.append(f"{LEVEL_TH[level]}{name}")
    return " ".join(parts)


def projects_in(projects: pd.DataFrame, area: Area, codes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The projects of an area (``codes`` from project_area_codes, computed when not given)."""
    codes = project_area_codes(projects) if codes is None else codes
    return projects[codes[area.level].to_numpy() == area.code]


def children_of(table: pd.DataFrame, area: Area) -> list[Area]:
    """The areas one level down (amphoe of a province, tambons of an amphoe), by code."""
    if area.level == "tambon":
        return []
    child = LEVELS[LEVELS.index(area.level) + 1]
    return select_areas(table, child, codes=[area.code], sort="code")





def resolve_area(table: pd.DataFrame, text: str) -> Area:
    """An area from a DOPA code, or a Thai or English name ("คอหงส์", "ตำบลคอหงส์", "Kho Hong")."""
    text = str(text or "").strip()
    if text.isdigit():
        return find_area(table, text)
    name = text
    level = None
    for prefix, lvl in (("จังหวัด", "changwat"), ("อำเภอ", "amphoe"), ("ตำบล", "tambon"),
                        ("จ.", "changwat"), ("อ.", "amphoe"), ("ต.", "tambon")):  # fmt: skip
        if name.startswith(prefix):
            name, level = name[len(prefix):].strip(), lvl
            break
    mask = (table["name_th"] == name) | (table["name_en"].str.casefold() == name.casefold())
    if level is not None:
        mask &= table["level"] == level
    rows = table[mask]
    if len(rows) == 1:
        return _areas(rows)[0]
    if not len(rows):
        raise AtlasError(f"ไม่พบพื้นที่ชื่อ {text!r} ในพื้นที่ทำงาน", f"no area named {text!r} in the workspace",
                         field="area")  # fmt: skip
    choices = ", ".join(f"{LEVEL_TH[r.level]}{r.name_th} ({r.code})" for r in rows.itertuples())
    raise AtlasError(
        f"ชื่อ {text!r} ตรงกับหลายพื้นที่: {choices} ระบุรหัสหรือคำนำหน้า (ตำบล/อำเภอ)",
        f"{text!r} matches several areas: {choices}; give the code or a prefix (ตำบล/อำเภอ)",
        field="area",
    )
