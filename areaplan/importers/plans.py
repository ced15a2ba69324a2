"""Plans: map a RawTable to plan records, their coverage areas and parent links."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from areaplan.errors import Problem
from areaplan.importers.columns import PLAN_COLUMNS, PLAN_REQUIRED, match_headers
from areaplan.importers.normalize import code_column, parse_column, text_column
from areaplan.importers.projects import raw_records, check_required
from areaplan.importers.report import RejectedRow
from areaplan.importers.table import RawTable
from areaplan.values import parse_year, split_ids, thai_digits_to_arabic
from areaplan.workspace.gpkg import now_iso


@dataclass
class MappedPlans:
    """Plan records, coverage rows (plan_id, area_code) and what was rejected."""

    frame: pd.DataFrame
    areas: pd.DataFrame
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def normalize_area_code(code: str) -> str:
    """DOPA digits from an area code ('TH9011' -> '9011', Thai digits accepted)."""
    text = thai_digits_to_arabic(str(code)).strip().upper()
    return text[2:] if text.startswith("TH") else text


def map_plans(raw: RawTable) -> MappedPlans:
    """Normalise and validate the plans of one RawTable."""
    src = raw.frame
    mapping = match_headers(list(src.columns), PLAN_COLUMNS)
    check_required(raw, mapping, PLAN_REQUIRED, PLAN_COLUMNS)
    df = src[list(mapping)].rename(columns=mapping)

    def col(name: str) -> pd.Series:
        return df[name] if name in df.columns else pd.Series([None] * len(df), index=df.index, dtype=object)

    out = pd.DataFrame(index=src.index)
    errors: dict[object, tuple[str, str, str]] = {}
    warnings: list[Problem] = list(raw.warnings)
    for name in ("plan_id", "name", "owner", "parent_id", "coverage"):
        out[name] = text_column(col(name))
    for name in ("plan_id", "name"):
        for row in out.index[out[name].isna()]:
            errors.setdefault(row, (name, "ว่าง ต้องมีค่า", "empty; a value is required"))
    for name in ("level", "kind", "agenda"):
        values, unknown = code_column(col(name), name)
        out[name] = values
        for row, label in unknown.dropna().items():
            warnings.append(Problem(f'ค่า "{label}" ไม่อยู่ในรายการรหัส {name} เก็บไว้ตามที่เขียน',
                                    f"{label!r} is not a known {name} code; kept as written",
                                    row=int(row), field=name, severity="warning"))
    for name in ("period_start", "period_end"):
        values, errs = parse_column(col(name), parse_year)
        out[name] = values
        for row, exc in errs.dropna().items():
            errors.setdefault(row, (name, exc.th, exc.en))
    bad_period = out["period_start"].notna() & out["period_end"].notna() & (
        out["period_start"].astype(float) > out["period_end"].astype(float))
    for row in out.index[bad_period]:
        errors.setdefault(row, ("period_end", "ปีสิ้นสุดมาก่อนปีเริ่ม", "period_end is before period_start"))
    dup = out["plan_id"].duplicated(keep="first") & out["plan_id"].notna()
    first_row = {pid: row for row, pid in out["plan_id"][~dup].items()}
    for row in out.index[dup]:
        errors.setdefault(row, ("plan_id", f"รหัสแผน {out['plan_id'][row]} ซ้ำกับแถว {first_row[out['plan_id'][row]]}",
                                f"plan_id repeats row {first_row[out['plan_id'][row]]}"))
    rejected = []
    if errors:
        raws = raw_records(src, pd.Index(list(errors)))
        for row, (fld, th, en) in errors.items():
            rejected.append(RejectedRow(int(row), fld, f'{raw.path.name} แถว {row} คอลัมน์ "{fld}": {th} (row {row}, field {fld}: {en})', raws[row]))
    out = out[~out.index.isin(list(errors))].copy()
    out["coverage"] = out["coverage"].map(lambda v: ";".join(normalize_area_code(c) for c in split_ids(v)) if v else None)
    out["coverage"] = out["coverage"].astype(object).where(out["coverage"].notna(), None)
    areas = [(pid, code) for pid, cov in zip(out["plan_id"], out["coverage"])
             if isinstance(cov, str) and cov for code in cov.split(";")]
    known = set(out["plan_id"])
    for row, parent in out["parent_id"].dropna().items():
        if parent not in known:
            warnings.append(Problem(f"แผนแม่ {parent} ไม่อยู่ในไฟล์นี้ (ต้องนำเข้าแยก)",
                                    f"parent plan {parent!r} is not in this file (import it too)",
                                    row=int(row), field="parent_id", severity="warning"))
    extra_cols = [c for c in src.columns if c not in mapping]
    out["extra"] = [json.dumps({k: v for k, v in r.items() if v is not None and v == v}, ensure_ascii=False, default=str)
                    for r in src.loc[out.index, extra_cols].to_dict("records")] if extra_cols else None
    out["source"] = raw.source
    out["source_row"] = out.index.astype(int)
    out["updated_at"] = now_iso()
    return MappedPlans(out, pd.DataFrame(areas, columns=["plan_id", "area_code"]).drop_duplicates(), rejected, warnings)
