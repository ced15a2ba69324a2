"""Per-area need indicators (CSV/XLSX keyed by DOPA code or PCODE) into the long table ``indicators``.

Two shapes are read (docs/plans.md):

* **wide** — one row per area, a code column (``area_code``/``code``/``รหัสพื้นที่``, ``tambon_code``/
  ``รหัสตำบล``/``ADM3_PCODE``, ``amphoe_code``, ``changwat_code``, ``village_code``/``รหัสหมู่บ้าน``; the most
  precise one present is used, a 6-digit tambon code plus ``หมู่ที่`` makes a village code), and one column per
  indicator. A numeric column (TPMAP poverty counts, population) becomes an indicator named by its header; a unit
  in brackets (``คนจน (คน)``) becomes the unit and a trailing year (``ประชากร 2566``) the year. A text column with
  few distinct values (DDPM village risk lists: ``ประเภทภัย`` = ``อุทกภัย``) becomes one count indicator per value,
  ``ประเภทภัย: อุทกภัย`` = number of rows of the area.
* **long** — columns ``indicator``/``ตัวชี้วัด`` and ``value``/``ค่า`` (and optionally ``unit``/``หน่วย``,
  ``year``/``ปี``).

Nothing is lost: a row without a code, with a code that exists nowhere (not in the workspace's boundaries and
not in the national DOPA register), or a value that is not a number goes to ``rejected_rows`` with file, row and
field; the other values of the row are imported. Importing a file again replaces what that file brought.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from areaplan.errors import ImportFormatError, Problem
from areaplan.importers.columns import fold_header, match_headers
from areaplan.importers.normalize import parse_column, text_column
from areaplan.importers.plans import PlanContext, normalize_area_code
from areaplan.importers.projects import raw_records
from areaplan.importers.report import RejectedRow
from areaplan.importers.table import RawTable
from areaplan.values import clean_text, parse_number, parse_village_no, parse_year
from areaplan.workspace.gpkg import now_iso

#: Key and long-format columns (English name or Thai header).
INDICATOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "village_code": ("village_code", "muban_code", "รหัสหมู่บ้าน", "vill_code", "adm4_pcode"),
    "tambon_code": ("tambon_code", "รหัสตำบล", "tam_code", "t_code", "adm3_pcode", "subdistrict_code"),
    "amphoe_code": ("amphoe_code", "รหัสอำเภอ", "amp_code", "a_code", "adm2_pcode", "district_code"),
    "changwat_code": ("changwat_code", "รหัสจังหวัด", "prov_code", "p_code", "adm1_pcode", "province_code"),
    "area_code": ("area_code", "code", "pcode", "รหัสพื้นที่", "รหัสเขตการปกครอง", "รหัส"),
    "village_no": ("village_no", "หมู่ที่", "หมู่", "moo"),
    "indicator": ("indicator", "ตัวชี้วัด", "ชื่อตัวชี้วัด"),
    "value": ("value", "ค่า", "ค่าตัวชี้วัด"),
    "unit": ("unit", "หน่วย", "หน่วยนับ"),
    "year": ("year", "ปี", "ปีข้อมูล", "ปี พ.ศ.", "ปีงบประมาณ"),
}
#: Descriptive columns that are never indicators (names, row numbers, coordinates).
DESCRIPTIVE: frozenset[str] = frozenset(fold_header(h) for h in (
    "name", "name_th", "name_en", "ชื่อ", "ชื่อพื้นที่", "ตำบล", "อำเภอ", "จังหวัด", "หมู่บ้าน", "ชื่อหมู่บ้าน",
    "ชื่อตำบล",
    "ชื่ออำเภอ", "ชื่อจังหวัด", "tambon", "amphoe", "changwat", "village", "province", "district", "subdistrict",
    "adm1_th", "adm1_en", "adm2_th", "adm2_en", "adm3_th", "adm3_en", "adm4_th", "adm4_en", "tam_name_t",
    "amp_name_t", "prov_name_t", "tam_name_e", "amp_name_e", "prov_name_e", "ที่ตั้ง", "หมายเหตุ", "note", "remark",
    "ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#", "fid", "objectid", "id", "lat", "lon", "latitude", "longitude",
    "x", "y", "ละติจูด", "ลองจิจูด", "source", "แหล่งข้อมูล", "geometry", "wkt",
))
#: Header-row detection also counts descriptive headers (an XLSX title row sits above the header).
HEADER_SCHEMA: dict[str, tuple[str, ...]] = {**INDICATOR_COLUMNS, "_names": tuple(DESCRIPTIVE)}
#: Codes from the most precise key column first.
_KEY_ORDER = ("village_code", "tambon_code", "amphoe_code", "changwat_code", "area_code")
_LEVEL_OF_LENGTH = {2: "changwat", 4: "amphoe", 6: "tambon", 8: "muban"}
#: A text column is counted per value when it has at most this many distinct values.
MAX_CATEGORIES = 30
#: A column is numeric when at least this share of its non-blank cells are numbers.
NUMERIC_SHARE = 0.5
_UNIT = re.compile(r"[(\[（]\s*(.*?)\s*[)\]）]\s*$")
_YEAR = re.compile(r"^(.*?\S)\s*(?:ปี\s*|พ\.ศ\.\s*)?((?:25|20)\d\d)$")
COLUMNS = ("area_code", "level", "indicator", "value", "unit", "year", "source", "source_row", "imported_at")


@dataclass
class MappedIndicators:
    """Indicator rows in the long format of the ``indicators`` table and what was rejected."""

    frame: pd.DataFrame
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _code_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_area_code(clean_text(value)) if clean_text(value) else ""


def split_header(header: str) -> tuple[str, str | None, int | None]:
    """(indicator name, unit, year) from a header such as 'คนจน (คน)' or 'ประชากร 2566'."""
    text = clean_text(header)
    unit = None
    m = _UNIT.search(text)
    if m:
        unit = m.group(1) or None
        text = text[: m.start()].strip()
    year = None
    y = _YEAR.match(text)
    if y:
        try:
            year = parse_year(y.group(2))
            text = y.group(1).strip()
        except ValueError:
            year = None
    return text, unit, year


def _keys(df: pd.DataFrame, mapping_back: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Per row: the most precise area code written, and the header it came from."""
    code = pd.Series("", index=df.index, dtype=object)
    origin = pd.Series(None, index=df.index, dtype=object)
    vno = None
    if "village_no" in df.columns:
        vno, _ = parse_column(df["village_no"], parse_village_no)
    for key in reversed(_KEY_ORDER):  # coarse first; finer columns overwrite
        if key not in df.columns:
            continue
        values = df[key].map(_code_text)
        if vno is not None and key in ("tambon_code", "area_code"):
            ok = (values.str.len() == 6) & vno.notna()
            values = values.where(~ok, values + vno.map(lambda v: f"{int(v):02d}" if v == v and v else ""))
        has = values != ""
        code = code.where(~has, values)
        origin = origin.where(~has, mapping_back[key])
    return code, origin


def map_indicators(raw: RawTable, context: PlanContext | None = None) -> MappedIndicators:
    """Normalise one RawTable of indicators to long rows, checking every area code."""
    context = context or PlanContext()
    name = raw.path.name
    src = raw.frame.drop(columns=["geometry"], errors="ignore")
    mapping = match_headers(list(src.columns), INDICATOR_COLUMNS)
    back = {v: k for k, v in mapping.items()}
    if not any(k in back for k in _KEY_ORDER):
        accepted = ", ".join(a for k in _KEY_ORDER for a in INDICATOR_COLUMNS[k][:3])
        raise ImportFormatError(
            f"ไม่มีคอลัมน์รหัสพื้นที่ (หัวคอลัมน์ที่ใช้ได้ เช่น {accepted}); หัวคอลัมน์ที่พบ: "
            f"{', '.join(map(str, src.columns[:12]))}",
            f"no area code column (accepted headers include {accepted})", path=raw.path, layer=raw.layer,
            field="area_code")
    df = src[list(mapping)].rename(columns=mapping)
    warnings: list[Problem] = list(raw.warnings)
    notes: list[str] = []
    problems: dict[int, list[tuple[str, str, str]]] = {}

    def reject(row: object, fld: str, th: str, en: str) -> None:
        problems.setdefault(int(row), []).append((fld, th, en))

    code, origin = _keys(df, back)
    bad_rows: set[int] = set()
    for row in df.index[code == ""]:
        reject(row, "area_code", "ไม่มีรหัสพื้นที่", "no area code")
        bad_rows.add(int(row))
    distinct = pd.Series(code[code != ""].unique())
    exists = {c: context.code_exists(c) for c in distinct}
    for row in df.index[(code != "") & ~code.map(lambda c: exists.get(c, True))]:
        c = code[row]
        reject(row, str(origin[row]),
               f'รหัสพื้นที่ "{c}" ไม่มีอยู่จริง (ไม่พบในขอบเขตของพื้นที่ทำงานและทะเบียนรหัส DOPA; '
               "ใช้รหัส 2/4/6/8 หลัก "
               "หรือ PCODE เช่น TH901104)",
               f"area code {c!r} does not exist (not in the workspace boundaries nor the DOPA register; use a "
               "2/4/6/8-digit code or a PCODE such as TH901104)")
        bad_rows.add(int(row))
    year_col = None
    if "year" in df.columns:
        year_col, errs = parse_column(df["year"], parse_year)
        for row, exc in errs.dropna().items():
            reject(row, back["year"], exc.th, exc.en)
            bad_rows.add(int(row))
    good = ~df.index.isin(list(bad_rows))
    parts: list[pd.DataFrame] = []
    if "indicator" in df.columns and "value" in df.columns:
        ind = text_column(df["indicator"])
        values, errs = parse_column(df["value"], lambda v: parse_number(v, "ค่าตัวชี้วัด", "the value"))
        for row, exc in errs.dropna().items():
            reject(row, back["value"], exc.th, exc.en)
        for row in df.index[ind.isna()]:
            reject(row, back["indicator"], "ไม่มีชื่อตัวชี้วัด", "no indicator name")
        unit = text_column(df["unit"]) if "unit" in df.columns else pd.Series(None, index=df.index, dtype=object)
        keep = good & ind.notna().to_numpy() & errs.isna().to_numpy() & values.notna().to_numpy()
        parts.append(pd.DataFrame({"area_code": code, "indicator": ind, "value": values, "unit": unit,
                                   "year": year_col, "source_row": df.index, "kind": "value"})[keep])
    else:
        for header in [c for c in src.columns if str(c) not in mapping and fold_header(c) not in DESCRIPTIVE]:
            part, cell_errors, note = _wide_column(src[header], str(header), code, year_col, good)
            if note:
                notes.append(note)
            for row, (th, en) in cell_errors.items():
                reject(row, str(header), th, en)
            if part is not None:
                parts.append(part)
        if not parts:
            warnings.append(Problem(f"{name}: ไม่พบคอลัมน์ตัวชี้วัด (ตัวเลขหรือประเภท)",
                                    f"{name}: no indicator column (numbers or categories) found",
                                    severity="warning"))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["area_code", "indicator", "value", "unit", "year", "source_row", "kind"])
    frame = _combine(frame, reject)
    frame["level"] = frame["area_code"].str.len().map(_LEVEL_OF_LENGTH)
    frame["source"] = raw.source
    frame["imported_at"] = now_iso()
    rejected = []
    if problems:
        raws = raw_records(raw.frame, pd.Index(sorted(problems)))
        for row in sorted(problems):
            items = problems[row]
            flds = ", ".join(dict.fromkeys(f for f, _, _ in items))
            th = "; ".join(f'คอลัมน์ "{f}": {t}' for f, t, _ in items)
            en = "; ".join(f"field {f}: {e}" for f, _, e in items)
            rejected.append(RejectedRow(row, flds, f"{name} แถว {row} {th} (row {row}: {en})", raws[row]))
    frame = frame.reindex(columns=list(COLUMNS)).astype(object)
    return MappedIndicators(frame.where(frame.notna(), None), rejected, warnings, notes)


def _wide_column(series: pd.Series, header: str, code: pd.Series, year_col: pd.Series | None, good) -> tuple[
        pd.DataFrame | None, dict, str | None]:
    """Long rows of one wide column: numbers as they are, a few categories as counts; cell errors; a note."""
    indicator, unit, year = split_header(header)
    text = text_column(series)
    filled = text.notna()
    if not filled.any():
        return None, {}, None
    values, errs = parse_column(series, lambda v: parse_number(v, "ค่าตัวชี้วัด", "the value"))
    numeric_share = float(values[filled].notna().mean())
    years = pd.Series(year, index=series.index, dtype=object) if year is not None else (
        year_col if year_col is not None else pd.Series(None, index=series.index, dtype=object))
    if numeric_share >= NUMERIC_SHARE:
        bad = {row: (exc.th, exc.en) for row, exc in errs.dropna().items() if good[series.index.get_loc(row)]}
        keep = good & values.notna().to_numpy()
        part = pd.DataFrame({"area_code": code, "indicator": indicator, "value": values, "unit": unit,
                             "year": years, "source_row": series.index, "kind": "value"})[keep]
        return part, bad, None
    categories = text[filled].unique()
    if len(categories) > MAX_CATEGORIES:
        return None, {}, (f"คอลัมน์ {header} เป็นข้อความหลากหลาย ({len(categories):,} ค่า) ไม่นำเข้าเป็นตัวชี้วัด "
                          f"(column {header!r} holds free text with {len(categories):,} values; not an indicator)")
    keep = good & filled.to_numpy()
    part = pd.DataFrame({"area_code": code, "indicator": indicator + ": " + text.fillna(""), "value": 1.0,
                         "unit": unit or "แถว", "year": years, "source_row": series.index, "kind": "count"})[keep]
    return part, {}, None


def _combine(frame: pd.DataFrame, reject) -> pd.DataFrame:
    """Counts summed per area; a repeated numeric value of one area, indicator and year rejected."""
    if not len(frame):
        return frame.drop(columns=["kind"])
    frame = frame.copy()
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    key = ["area_code", "indicator", "year"]
    counts = frame[frame["kind"] == "count"]
    counts = counts.groupby(key, dropna=False, sort=False).agg(
        value=("value", "sum"), unit=("unit", "first"), source_row=("source_row", "first")).reset_index()
    values = frame[frame["kind"] == "value"]
    dup = values.duplicated(key, keep="first")
    if dup.any():
        first = values[~dup].set_index(key)["source_row"]
        for rec in values[dup].itertuples(index=False):
            row0 = first.get((rec.area_code, rec.indicator, rec.year))
            reject(rec.source_row, rec.indicator,
                   f"ค่าของพื้นที่ {rec.area_code} ตัวชี้วัด {rec.indicator} ซ้ำกับแถว {row0}",
                   f"the value of area {rec.area_code}, indicator {rec.indicator!r} repeats row {row0}")
    values = values[~dup].drop(columns=["kind"])
    return pd.concat([values, counts], ignore_index=True)


def import_indicators(ws, path, layer, report, rep, _hazard_name=None, chunk_rows=50_000) -> None:
    """Pipeline step for kind "indicators": map every table of a file and replace what it brought before."""
    from areaplan.importers.registry import iter_tables

    context = PlanContext.from_workspace(ws)
    sources: set[str] = set()
    for raw in iter_tables(path, schema=HEADER_SCHEMA, layer=layer, chunk_rows=chunk_rows):
        rep.check()
        if raw.source not in sources:
            sources.add(raw.source)
            ws.delete("indicators", "source = ?", (raw.source,))
            ws.delete("rejected_rows", "source = ?", (raw.source,))
        report.rows_read += len(raw.frame)
        mapped = map_indicators(raw, context)
        report.rejected.extend(mapped.rejected)
        report.warnings.extend(mapped.warnings)
        report.notes.extend(mapped.notes)
        report.imported += ws.write_table("indicators", mapped.frame)
        for level, n in mapped.frame["level"].value_counts().items():
            report.precision_counts[str(level)] = report.precision_counts.get(str(level), 0) + int(n)
    if report.imported:
        names = sorted(set(ws.query("SELECT DISTINCT indicator FROM indicators WHERE source IN (%s)"
                                    % ",".join("?" for _ in sources), tuple(sources))))
        shown = ", ".join(n[0] for n in names[:8]) + (" …" if len(names) > 8 else "")
        report.notes.append(f"ตัวชี้วัด {len(names)} รายการ: {shown} ({len(names)} indicators)")
