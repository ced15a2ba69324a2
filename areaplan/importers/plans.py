"""Plans: map a RawTable to plan records, their coverage areas and parent links, checking what can go wrong.

What happens to a row with a problem (nothing is lost; docs/plans.md):

* no ``plan_id`` or ``name``, a ``plan_id`` repeated in the file, an unreadable year, or ``period_end`` before
  ``period_start``: the row goes to ``rejected_rows`` with the file, row, field and reason;
* a ``level``, ``kind`` or ``agenda`` that is no known code or Thai label: kept as written, with a warning;
* a coverage code that exists nowhere (not in the workspace's boundaries and not in the national register of
  DOPA codes shipped with geothai): the row is kept, the code stays in ``plans.coverage`` as written, but it is
  not written to ``plan_areas`` (it touches no area), with a warning naming the code;
* a ``parent_id`` that closes a cycle (A → B → A), counting the plans already in the workspace: kept with a
  warning (the alignment checks list cycles too); a parent not found anywhere: kept with a warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from areaplan.errors import Problem
from areaplan.importers.columns import PLAN_COLUMNS, PLAN_REQUIRED, match_headers
from areaplan.importers.normalize import code_column, parse_column, text_column
from areaplan.importers.projects import check_required, raw_records
from areaplan.importers.report import RejectedRow
from areaplan.importers.table import RawTable
from areaplan.values import parse_year, split_ids, thai_digits_to_arabic
from areaplan.vocab import VOCABULARIES
from areaplan.workspace.gpkg import now_iso

_AREA_LEVELS = ("changwat", "amphoe", "tambon", "muban")


@dataclass
class MappedPlans:
    """Plan records, coverage rows (plan_id, area_code) and what was rejected."""

    frame: pd.DataFrame
    areas: pd.DataFrame
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def normalize_area_code(code: str) -> str:
    """DOPA digits from an area code ('TH9011' -> '9011', Thai digits accepted)."""
    text = thai_digits_to_arabic(str(code)).strip().upper().replace(" ", "")
    return text[2:] if text.startswith("TH") else text


@lru_cache(maxsize=1)
def national_codes() -> frozenset[str]:
    """Every changwat, amphoe and tambon DOPA code of the national register (geothai)."""
    import geothai

    codes: set[str] = set()
    for p in geothai.provinces():
        codes.add(p.code)
        for d in geothai.districts(p.code):
            codes.add(d.code)
            codes.update(s.code for s in geothai.subdistricts(d.code))
    return frozenset(codes)


@dataclass
class PlanContext:
    """What plan rows are checked against: known area codes and the plans already in the workspace."""

    area_codes: frozenset[str] = frozenset()
    #: tambons of the workspace that have villages (a village code there must be one of them)
    tambons_with_villages: frozenset[str] = frozenset()
    #: plan_id -> parent_id of the plans already in the workspace
    parents: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_workspace(cls, ws) -> PlanContext:
        """Boundary codes and plan parents of an open workspace."""
        codes: set[str] = set()
        for level in _AREA_LEVELS:
            codes.update(str(r[0]) for r in ws.query(f'SELECT code FROM "{level}"') if r[0] is not None)
        with_villages = {str(r[0])[:6] for r in ws.query('SELECT code FROM "muban"') if r[0] is not None}
        parents = dict(ws.query("SELECT plan_id, parent_id FROM plans"))
        return cls(frozenset(codes), frozenset(with_villages), parents)

    def code_exists(self, code: str) -> bool:
        """True when an area code is in the workspace or the national register (villages: their tambon)."""
        if code in self.area_codes:
            return True
        if not code.isdigit() or len(code) not in (2, 4, 6, 8):
            return False
        if len(code) == 8:
            tambon = code[:6]
            return code[6:] != "00" and tambon not in self.tambons_with_villages and self.code_exists(tambon)
        return code in national_codes()


def _accepted(vocabulary: str) -> str:
    return ", ".join(f"{code} ({label})" for code, label in VOCABULARIES[vocabulary].items())


def map_plans(raw: RawTable, ws=None, *, context: PlanContext | None = None) -> MappedPlans:
    """Normalise and validate the plans of one RawTable (checked against the workspace `ws` when given)."""
    if context is None:
        context = PlanContext.from_workspace(ws) if ws is not None else PlanContext()
    name = raw.path.name
    src = raw.frame
    mapping = match_headers(list(src.columns), PLAN_COLUMNS)
    check_required(raw, mapping, PLAN_REQUIRED, PLAN_COLUMNS)
    df = src[list(mapping)].rename(columns=mapping)

    def col(column: str) -> pd.Series:
        if column in df.columns:
            return df[column]
        return pd.Series([None] * len(df), index=df.index, dtype=object)

    out = pd.DataFrame(index=src.index)
    errors: dict[object, tuple[str, str, str]] = {}
    warnings: list[Problem] = list(raw.warnings)
    for column in ("plan_id", "name", "owner", "parent_id", "coverage"):
        out[column] = text_column(col(column))
    for column in ("plan_id", "name"):
        for row in out.index[out[column].isna()]:
            errors.setdefault(row, (column, "ว่าง ต้องมีค่า", "empty; a value is required"))
    for column in ("level", "kind", "agenda"):
        values, unknown = code_column(col(column), column)
        out[column] = values
        for row, label in unknown.dropna().items():
            pid = out.at[row, "plan_id"]
            warnings.append(Problem(
                f'{name}: แผน {pid} {column} "{label}" ไม่อยู่ในรายการรหัส เก็บไว้ตามที่เขียน '
                f"(ค่าที่ใช้ได้: {_accepted(column)})",
                f"{name}: plan {pid}: {label!r} is not a known {column} code; kept as written "
                f"(accepted: {', '.join(VOCABULARIES[column])})",
                row=int(row), field=column, severity="warning"))
    for column in ("period_start", "period_end"):
        values, errs = parse_column(col(column), parse_year)
        out[column] = values
        for row, exc in errs.dropna().items():
            errors.setdefault(row, (column, exc.th, exc.en))
    start = pd.to_numeric(out["period_start"], errors="coerce")
    end = pd.to_numeric(out["period_end"], errors="coerce")
    for row in out.index[(start > end).fillna(False)]:
        errors.setdefault(row, ("period_end", f"ปีสิ้นสุด {int(end[row])} มาก่อนปีเริ่ม {int(start[row])}",
                                f"period_end {int(end[row])} is before period_start {int(start[row])}"))
    dup = out["plan_id"].duplicated(keep="first") & out["plan_id"].notna()
    first_row = {pid: row for row, pid in out["plan_id"][~dup].items()}
    for row in out.index[dup]:
        pid = out["plan_id"][row]
        errors.setdefault(row, ("plan_id", f"รหัสแผน {pid} ซ้ำกับแถว {first_row[pid]}",
                                f"plan_id repeats row {first_row[pid]}"))
    rejected = []
    if errors:
        raws = raw_records(src, pd.Index(list(errors)))
        for row, (fld, th, en) in errors.items():
            rejected.append(RejectedRow(int(row), fld, f'{name} แถว {row} คอลัมน์ "{fld}": {th} '
                                                       f"(row {row}, field {fld}: {en})", raws[row]))
    out = out[~out.index.isin(list(errors))].copy()
    out["coverage"] = out["coverage"].map(
        lambda v: ";".join(normalize_area_code(c) for c in split_ids(v)) if v else None)
    out["coverage"] = out["coverage"].astype(object).where(out["coverage"].notna(), None)
    areas = []
    for row, pid, cov in zip(out.index, out["plan_id"], out["coverage"]):
        for code in (cov.split(";") if isinstance(cov, str) and cov else []):
            if context.code_exists(code):
                areas.append((pid, code))
                continue
            warnings.append(Problem(
                f'{name}: แผน {pid} รหัสพื้นที่ "{code}" ไม่มีอยู่จริง '
                "(ไม่พบในขอบเขตของพื้นที่ทำงานและทะเบียนรหัส DOPA) "
                "เก็บไว้ตามที่เขียนแต่ไม่นับเป็นพื้นที่ของแผน; ใช้รหัส 2/4/6/8 หลัก เช่น 90, 9011, 901104",
                f"{name}: plan {pid}: area code {code!r} does not exist (not in the workspace boundaries nor the "
                "DOPA register); kept as written but not counted as the plan's area; use 2/4/6/8-digit codes "
                "such as 90, 9011, 901104",
                row=int(row), field="coverage", severity="warning"))
    _check_parents(out, context, name, warnings)
    extra_cols = [c for c in src.columns if c not in mapping]
    out["extra"] = [json.dumps({k: v for k, v in r.items() if v is not None and v == v}, ensure_ascii=False,
                               default=str)
                    for r in src.loc[out.index, extra_cols].to_dict("records")] if extra_cols else None
    out["source"] = raw.source
    out["source_row"] = out.index.astype(int)
    out["updated_at"] = now_iso()
    return MappedPlans(out, pd.DataFrame(areas, columns=["plan_id", "area_code"]).drop_duplicates(), rejected,
                       warnings)


def _check_parents(out: pd.DataFrame, context: PlanContext, name: str, warnings: list[Problem]) -> None:
    """Warn about parents found nowhere and about parent chains that come back to a plan of this file."""
    parents = {**context.parents, **dict(zip(out["plan_id"], out["parent_id"]))}
    row_of = dict(zip(out["plan_id"], out.index))
    reported: set[str] = set()
    for pid, parent in zip(out["plan_id"], out["parent_id"]):
        if parent is None:
            continue
        if parent not in parents:
            warnings.append(Problem(
                f"{name}: แผน {pid} แผนแม่ {parent} ไม่อยู่ในไฟล์นี้และในพื้นที่ทำงาน (นำเข้าแผนแม่ด้วย) "
                "เก็บไว้ตามที่เขียน",
                f"{name}: plan {pid}: parent plan {parent!r} is neither in this file nor in the workspace "
                "(import it too); kept as written",
                row=int(row_of[pid]), field="parent_id", severity="warning"))
            continue
        if pid in reported:
            continue
        chain = [pid]
        q = parent
        while q is not None and q not in chain and q in parents:
            chain.append(q)
            q = parents.get(q)
        if q is not None and q in chain:
            cycle = chain[chain.index(q):] + [q]
            text = " → ".join(cycle)
            for member in cycle[:-1]:
                if member in row_of and member not in reported:
                    reported.add(member)
                    warnings.append(Problem(
                        f"{name}: แผน {member} แผนแม่วนกลับมาที่เดิม ({text}) เก็บไว้ตามที่เขียน โปรดแก้ parent_id",
                        f"{name}: plan {member}: its parent chain comes back to itself ({text}); kept as written, "
                        "please correct parent_id",
                        row=int(row_of[member]), field="parent_id", severity="warning"))
