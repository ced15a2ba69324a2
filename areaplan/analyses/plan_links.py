"""Plans and areas: which plans touch an area, and which areas a plan touches, answered from one index.

The rules (docs/plans.md explains them for users):

* **Areas** are DOPA codes: changwat 2 digits, amphoe 4, tambon 6, muban 8. An area's ancestors are its code's
  prefixes (``901104`` lies in ``9011`` and ``90``). PCODEs (``TH901104``) and Thai digits are accepted.
* A plan **touches** an area when its coverage lists the area itself (relation ``listed``), an area that
  contains it (``inside``: the plan covers ``90``, the area is ``901104``), or an area inside it
  (``contains``: the plan covers ``90110403``, the area is ``901104``); or when one of its projects lies in the
  area (``via_projects``).
* A **project lies** in the most precise area known for it: its village (``tambon_code`` + ``village_no``),
  else its tambon, amphoe or changwat; and so in every ancestor of that area. Unlocated projects lie nowhere.
* **Empty coverage** (no codes written and no ``plan_areas`` rows) means the owner's whole jurisdiction, found
  by :func:`resolve_jurisdictions`: national plans cover the whole country; plans of other levels (except
  region and cluster, whose owner is one office for several provinces) cover the administrative area their
  owner names (``จังหวัดสงขลา``, ``ที่ทำการปกครองอำเภอหาดใหญ่``, ``อบต.คอหงส์``, ``เทศบาลนครหาดใหญ่``), the
  name looked up in the workspace's boundaries within the parent plan's area; an annual action plan whose owner
  names no area inherits its parent plan's area when the parent has the same level. Otherwise the plan's area is
  unknown: it touches areas through its projects only, and the checks list it.
* A project's **budget in an area** counts once per plan it is linked to (a project in two plans shows in
  both); area totals count each project once.

:class:`PlanIndex` reads a workspace once (arrays sorted by code, so a prefix is one binary search) and answers
:meth:`PlanIndex.area_links` and :meth:`PlanIndex.plan_areas` in milliseconds at national scale.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from areaplan.errors import AreaPlanError
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.values import clean_text, is_blank, split_ids, thai_digits_to_arabic
from areaplan.vocab import LEVELS, PLAN_KINDS
from areaplan.workspace.gpkg import now_iso

#: Administrative levels of the workspace and the length of their DOPA codes.
ADMIN_LEVELS: dict[str, int] = {"changwat": 2, "amphoe": 4, "tambon": 6, "muban": 8}
LEVEL_OF_LENGTH: dict[int, str] = {n: lv for lv, n in ADMIN_LEVELS.items()}
ADMIN_LABELS: dict[str, tuple[str, str]] = {
    "country": ("ทั้งประเทศ", "whole country"),
    "changwat": ("จังหวัด", "province"),
    "amphoe": ("อำเภอ", "district"),
    "tambon": ("ตำบล", "subdistrict"),
    "muban": ("หมู่บ้าน", "village"),
}
#: The coverage code that means every area (national plans with empty coverage).
WHOLE_COUNTRY = ""
#: How a plan's coverage relates to an area, strongest first (the number is the priority).
RELATIONS: dict[str, tuple[int, str, str]] = {
    "listed": (3, "อยู่ในพื้นที่ครอบคลุมของแผนโดยตรง", "listed in the plan's coverage"),
    "inside": (2, "อยู่ภายในพื้นที่ที่แผนครอบคลุม", "inside an area the plan covers"),
    "contains": (1, "มีพื้นที่ที่แผนครอบคลุมอยู่ภายใน", "contains an area the plan covers"),
}
_RELATION_OF = {v[0]: k for k, v in RELATIONS.items()}
_RELATION_NAMES = np.array([_RELATION_OF.get(i) for i in range(4)], dtype=object)
#: Where a plan's coverage came from.
COVERAGE_SOURCES: dict[str, tuple[str, str]] = {
    "coverage": ("พื้นที่ครอบคลุมที่ระบุในแผน", "coverage written in the plan"),
    "country": ("แผนระดับชาติ ครอบคลุมทั้งประเทศ", "national plan: the whole country"),
    "owner": ("เขตของหน่วยงานเจ้าของแผน", "the owner's jurisdiction"),
    "parent": ("พื้นที่ของแผนแม่ระดับเดียวกัน", "the area of its same-level parent plan"),
}
#: Words before an area name in an owner's name, by the administrative level they name.
OWNER_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("changwat", ("องค์การบริหารส่วนจังหวัด", "อบจ.", "จังหวัด", "จ.")),
    ("amphoe", ("อำเภอ", "อ.", "เขต")),
    ("tambon", ("องค์การบริหารส่วนตำบล", "อบต.", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "ตำบล", "ต.",
                "แขวง")),
)
#: Plan levels whose owner's name does not tell their area (one office plans for several provinces).
NO_OWNER_RULE: tuple[str, ...] = ("region", "cluster")
PLAN_LEVEL_ORDER: dict[str, int] = {lv: i for i, lv in enumerate(LEVELS)}
PLAN_KIND_ORDER: dict[str, int] = {k: i for i, k in enumerate(PLAN_KINDS)}

PLAN_FIELDS = ("plan_id", "name", "level", "kind", "agenda", "owner", "period_start", "period_end", "coverage",
               "parent_id")
PROJECT_FIELDS = ("source", "project_id", "title", "channel", "agency", "fiscal_year", "budget", "agenda", "status",
                  "village_no", "tambon_code", "amphoe_code", "changwat_code", "location_precision")
_UNLOCATED = "~"  # sorts after every digit: never inside a code prefix range
#: Columns of the plan and project rows in query answers.
PLAN_OUTPUT = ("plan_id", "name", "level", "kind", "agenda", "owner", "period_start", "period_end", "parent_id",
               "annual")
PROJECT_OUTPUT = ("project_id", "source", "title", "fiscal_year", "budget", "agenda", "channel", "agency", "status",
                  "area_code", "location_precision")


# ------------------------------------------------------------------------------------------- codes

def normalize_code(code: object) -> str:
    """DOPA digits of an area code ('TH901104' -> '901104'; Thai digits and spaces accepted)."""
    text = thai_digits_to_arabic(clean_text(code)).replace(" ", "").upper()
    return text[2:] if text.startswith("TH") else text


def is_area_code(code: str) -> bool:
    """True for 2, 4, 6 or 8 DOPA digits."""
    return code.isdigit() and len(code) in LEVEL_OF_LENGTH


def ancestors(code: str) -> list[str]:
    """The codes of the areas containing an area, widest first ('901104' -> ['90', '9011'])."""
    return [code[:k] for k in (2, 4, 6) if k < len(code)]


def _upper(prefix: str) -> str | None:
    """The smallest string greater than every string starting with `prefix` (None for the empty prefix)."""
    if not prefix:
        return None
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def prefix_range(sorted_codes: np.ndarray, prefix: str) -> tuple[int, int]:
    """(lo, hi): the slice of a sorted code array whose codes start with `prefix`."""
    if not prefix:
        return 0, len(sorted_codes)
    lo = int(np.searchsorted(sorted_codes, prefix, "left"))
    hi = int(np.searchsorted(sorted_codes, _upper(prefix), "left"))
    return lo, hi


def prefix_ranges(sorted_codes: np.ndarray, prefixes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised :func:`prefix_range` for many prefixes."""
    prefixes = np.asarray(prefixes, dtype="U8")
    lo = np.searchsorted(sorted_codes, prefixes, "left")
    uppers = np.array([_upper(p) or "\uffff" for p in prefixes.tolist()], dtype="U8")
    hi = np.searchsorted(sorted_codes, uppers, "left")
    empty = np.array([p == "" for p in prefixes.tolist()], dtype=bool)
    lo = np.where(empty, 0, lo)
    hi = np.where(empty, len(sorted_codes), hi)
    return lo.astype(np.int64), np.asarray(hi, dtype=np.int64)


# ------------------------------------------------------------------------------------------- jurisdictions

@dataclass
class _NameIndex:
    """Area names per administrative level: name -> codes, and the name lengths to try (longest first)."""

    by_name: dict[str, dict[str, list[str]]]
    lengths: dict[str, list[int]]

    @classmethod
    def from_areas(cls, areas: pd.DataFrame) -> _NameIndex:
        by_name: dict[str, dict[str, list[str]]] = {lv: {} for lv in ("changwat", "amphoe", "tambon")}
        for lv in by_name:
            sub = areas[areas["level"] == lv]
            for name, code in zip(sub["name_th"], sub["code"]):
                name = clean_text(name)
                if name:
                    by_name[lv].setdefault(name, []).append(code)
        lengths = {lv: sorted({len(n) for n in d}, reverse=True) for lv, d in by_name.items()}
        return cls(by_name, lengths)


def _related(code: str, scope: list[str]) -> bool:
    return any(code.startswith(s) or s.startswith(code) for s in scope)


def owner_areas(owner: object, names: _NameIndex, scope: list[str] | None = None) -> tuple[list[str], str | None]:
    """The area codes an owner's name names (most precise level), and a note when names are ambiguous."""
    text = clean_text(owner)
    if not text:
        return [], None
    found: dict[str, dict[str, list[str]]] = {}
    for level, markers in OWNER_MARKERS:
        index, lengths = names.by_name[level], names.lengths[level]
        for marker in markers:
            start = 0
            while (i := text.find(marker, start)) >= 0:
                start = i + len(marker)
                rest = text[start:].lstrip()
                for n in lengths:
                    codes = index.get(rest[:n])
                    if codes and len(rest) >= n:
                        found.setdefault(level, {})[rest[:n]] = codes
                        break
    if not found:
        return [], None
    finest = [lv for lv in ("tambon", "amphoe", "changwat") if lv in found]
    wider = [c for lv in finest[1:] for codes in found[lv].values() for c in codes]
    out: list[str] = []
    for name, codes in found[finest[0]].items():
        if scope:
            codes = [c for c in codes if _related(c, scope)] or ([] if len(codes) > 1 else codes)
        if wider:
            codes = [c for c in codes if any(c.startswith(w) for w in wider)] or codes
        if len(codes) > 1:
            return [], f"{name}: {', '.join(codes)}"
        out.extend(codes)
    return sorted(set(out)), None


def resolve_jurisdictions(plans: pd.DataFrame, listed: pd.DataFrame, areas: pd.DataFrame) -> tuple[pd.DataFrame,
                                                                                                       pd.DataFrame]:
    """Coverage of plans with empty coverage: rows (plan_id, code, source), and the plans left unresolved.

    `listed` holds the written coverage (plan_id, area_code); `areas` the workspace's boundaries (code, level,
    name_th). The unresolved frame has plan_id, reason_th, reason_en.
    """
    names = _NameIndex.from_areas(areas)
    written: dict[str, list[str]] = {}
    for pid, code in zip(listed["plan_id"], listed["area_code"]):
        written.setdefault(pid, []).append(code)
    info = {r["plan_id"]: r for r in plans[["plan_id", "level", "owner", "parent_id", "coverage"]]
            .astype(object).where(plans[["plan_id", "level", "owner", "parent_id", "coverage"]].notna(), None)
            .to_dict("records")}
    memo: dict[str, tuple[list[str], str | None]] = {}
    rows: list[tuple[str, str, str]] = []
    unresolved: list[tuple[str, str, str]] = []

    def resolve(pid: str, stack: frozenset) -> tuple[list[str], str | None]:
        if pid in memo:
            return memo[pid]
        rec = info.get(pid)
        if rec is None or pid in stack:
            return [], None
        if pid in written:
            memo[pid] = (written[pid], "coverage")
            return memo[pid]
        if not is_blank(rec["coverage"]):
            memo[pid] = ([], None)  # written codes, none of them known: touches through projects only
            return memo[pid]
        level = rec["level"]
        result: tuple[list[str], str | None] = ([], None)
        reason = None
        if level == "national":
            result = ([WHOLE_COUNTRY], "country")
        elif level in NO_OWNER_RULE:
            reason = ("แผนระดับภาคหรือกลุ่มจังหวัดต้องระบุพื้นที่ครอบคลุม (รหัสจังหวัด)",
                      "a region or cluster plan needs its coverage written (province codes)")
        else:
            parent = rec["parent_id"]
            scope, _ = resolve(parent, stack | {pid}) if parent else ([], None)
            codes, ambiguous = owner_areas(rec["owner"], names, [s for s in scope if s] or None)
            if codes:
                result = (codes, "owner")
            elif parent and scope and info.get(parent, {}).get("level") == level:
                result = (list(scope), "parent")
            elif ambiguous:
                reason = (f"ชื่อพื้นที่ในชื่อหน่วยงานเจ้าของแผนซ้ำกันหลายแห่ง ({ambiguous})",
                          f"the owner's area name matches several areas ({ambiguous})")
            else:
                reason = ("ไม่พบชื่อเขตการปกครองในชื่อหน่วยงานเจ้าของแผน ต้องระบุพื้นที่ครอบคลุม",
                          "the owner's name names no area of the workspace; write the coverage")
        if reason:
            unresolved.append((pid, *reason))
        memo[pid] = result
        return result

    for pid in info:
        codes, source = resolve(pid, frozenset())
        if source and source != "coverage":
            rows.extend((pid, c, source) for c in codes)
    return (pd.DataFrame(rows, columns=["plan_id", "code", "source"]),
            pd.DataFrame(unresolved, columns=["plan_id", "reason_th", "reason_en"]).drop_duplicates("plan_id"))


# ------------------------------------------------------------------------------------------- results

def _clean(value: object) -> object:
    """JSON-friendly scalar (numpy -> Python, NaN -> None)."""
    if value is None:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows of a frame as JSON-friendly dicts."""
    return [{k: _clean(v) for k, v in r.items()} for r in frame.astype(object).to_dict("records")]


@dataclass
class AreaLinks:
    """Every plan touching one area, with the projects and budget of each plan in that area."""

    area: dict
    #: one row per plan: plan fields, relation (listed/inside/contains/None), coverage_source, via_projects,
    #: projects and budget in the area
    plans: pd.DataFrame
    #: one row per (plan, project) link of a project lying in the area
    projects: pd.DataFrame
    #: projects lying in the area that are linked to no plan
    unplanned: pd.DataFrame
    totals: dict

    def groups(self) -> list[dict]:
        """Plans grouped by plan level then kind (national first), each with its projects in the area."""
        by_plan = {pid: g for pid, g in self.projects.groupby("plan_id", sort=False)} if len(self.projects) else {}
        out = []
        for (level, kind), g in self.plans.groupby(["level", "kind"], sort=False, dropna=False):
            level = None if level is None or (isinstance(level, float) and math.isnan(level)) else level
            kind = None if kind is None or (isinstance(kind, float) and math.isnan(kind)) else kind
            plans = []
            for rec in records(g):
                sub = by_plan.get(rec["plan_id"])
                rec["projects_list"] = records(sub.drop(columns=["plan_id"])) if sub is not None else []
                plans.append(rec)
            out.append({"level": level, "level_th": LEVELS.get(level, level or "ไม่ระบุระดับ"),
                        "kind": kind, "kind_th": PLAN_KINDS.get(kind, kind or "ไม่ระบุประเภท"),
                        "projects": int(g["projects"].sum()), "budget": float(g["budget"].sum()), "plans": plans})
        return out

    def to_dict(self) -> dict:
        """The whole answer as JSON-friendly data (area, totals, groups with projects, unplanned projects)."""
        return {"area": self.area, "totals": self.totals, "groups": self.groups(),
                "unplanned_projects": records(self.unplanned)}


@dataclass
class PlanAreas:
    """Every area one plan touches, with its projects and budget in each."""

    plan: dict
    #: the plan's written or derived coverage: code, level, name_th, source
    coverage: pd.DataFrame
    #: one row per area: code, level, name_th, name_en, parent_code, relation, via_projects, projects, budget
    areas: pd.DataFrame
    #: the plan's projects with the area they lie in
    projects: pd.DataFrame
    #: parent chain (nearest first) and child plan ids
    parents: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    note: str | None = None

    def at_level(self, level: str = "tambon") -> pd.DataFrame:
        """The touched areas of one administrative level (for colouring a layer by budget)."""
        return self.areas[self.areas["level"] == level].reset_index(drop=True)

    @property
    def totals(self) -> dict:
        """Counts of touched areas per level, projects and budget of the plan."""
        counts = self.areas["level"].value_counts().to_dict() if len(self.areas) else {}
        located = self.projects[self.projects["area_code"].notna()] if len(self.projects) else self.projects
        return {"areas": {lv: int(counts.get(lv, 0)) for lv in ADMIN_LEVELS},
                "projects": int(len(self.projects)), "located_projects": int(len(located)),
                "budget": float(self.projects["budget"].fillna(0).sum()) if len(self.projects) else 0.0}

    def to_dict(self) -> dict:
        """The whole answer as JSON-friendly data."""
        return {"plan": self.plan, "parents": self.parents, "children": self.children, "note": self.note,
                "coverage": records(self.coverage), "totals": self.totals, "areas": records(self.areas),
                "projects": records(self.projects)}


# ------------------------------------------------------------------------------------------- index

def _text_array(series: pd.Series) -> np.ndarray:
    return series.astype(object).where(series.notna(), None).to_numpy(dtype=object)


def _code_series(series: pd.Series) -> np.ndarray:
    """Clean code text per row as a fixed-width array; '' when missing (each distinct value cleaned once)."""
    codes, uniques = pd.factorize(series.astype(object).to_numpy(), use_na_sentinel=True)
    clean = []
    for v in uniques:
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        clean.append(str(v).strip())
    table = np.array([*clean, ""], dtype="U8")
    return table[codes]


def _lookup(sorted_codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Position of each value in a sorted code array, -1 when absent."""
    if not len(sorted_codes):
        return np.full(len(values), -1, dtype=np.int64)
    pos = np.searchsorted(sorted_codes, values)
    ok = pos < len(sorted_codes)
    ok[ok] = sorted_codes[pos[ok]] == values[ok]
    return np.where(ok, pos, -1).astype(np.int64)


class PlanIndex:
    """Plans, areas, projects and their links, indexed once for fast area ↔ plan queries.

    Build with :meth:`from_workspace` (reads the workspace) or :meth:`from_frames`; then ask
    :meth:`area_links`, :meth:`plan_areas`, :meth:`find_area`, :meth:`find_plan`. The frames ``areas``,
    ``plans``, ``projects``, ``links``, ``coverage`` are public and read-only.
    """

    def __init__(self, areas: pd.DataFrame, plans: pd.DataFrame, projects: pd.DataFrame,
                 project_plans: pd.DataFrame, plan_areas: pd.DataFrame, *, source: str = "",
                 progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None) -> None:
        rep = Reporter(progress, cancelled)
        self.source = source
        self.built_at = now_iso()
        rep(0.0, "จัดเรียงเขตการปกครอง")
        # ---- areas, sorted by code
        areas = areas.copy()
        areas["code"] = [normalize_code(c) for c in _code_series(areas["code"])]
        areas = areas[areas["code"].map(is_area_code)].drop_duplicates("code").sort_values("code")
        self.areas = areas.reset_index(drop=True)[["code", "level", "name_th", "name_en", "parent_code"]]
        self.area_codes = self.areas["code"].to_numpy(dtype="U8")
        self._area_pos = pd.Index(self.areas["code"])
        self._area_dict: dict[str, int] = dict(zip(self.areas["code"], range(len(self.areas))))
        self.level_codes: dict[str, np.ndarray] = {
            lv: self.area_codes[(self.areas["level"] == lv).to_numpy()] for lv in ADMIN_LEVELS}
        # ---- plans
        plans = plans.reindex(columns=list(PLAN_FIELDS)).copy()
        plans = plans[plans["plan_id"].notna()].drop_duplicates("plan_id").reset_index(drop=True)
        for col in ("period_start", "period_end"):
            plans[col] = pd.to_numeric(plans[col], errors="coerce").astype("Int64")
        plans["annual"] = (plans["period_start"] == plans["period_end"]).fillna(False).astype(bool)
        self.plans = plans
        self._plan_pos = pd.Index(plans["plan_id"])
        n_plans = len(plans)
        rep(0.15, "หาพื้นที่ของแผน")
        # ---- coverage: written codes and derived jurisdictions
        pa = plan_areas.reindex(columns=["plan_id", "area_code"]).dropna()
        pa = pa.assign(area_code=pa["area_code"].map(normalize_code))
        pa = pa[pa["area_code"].map(is_area_code) & pa["plan_id"].isin(self._plan_pos)].drop_duplicates()
        derived, self.unresolved = resolve_jurisdictions(plans, pa, self.areas)
        cov = pd.concat([pd.DataFrame({"plan_id": pa["plan_id"], "code": pa["area_code"], "source": "coverage"}),
                         derived], ignore_index=True)
        cov["plan"] = self._plan_pos.get_indexer(cov["plan_id"])
        cov = cov.sort_values(["code", "plan"], kind="stable").reset_index(drop=True)
        self.coverage = cov
        self.cov_code = cov["code"].to_numpy(dtype="U8")
        self.cov_plan = cov["plan"].to_numpy(dtype=np.int64)
        by_plan = np.argsort(self.cov_plan, kind="stable")
        self._cov_by_plan = by_plan
        self._cov_plan_off = np.searchsorted(self.cov_plan[by_plan], np.arange(n_plans + 1))
        rep(0.35, "จัดตำแหน่งโครงการ")
        # ---- projects, sorted by the code of the area they lie in
        projects = projects.reindex(columns=["fid", *PROJECT_FIELDS]).copy()
        tam = _code_series(projects["tambon_code"])
        amp = _code_series(projects["amphoe_code"])
        chw = _code_series(projects["changwat_code"])
        vno = pd.to_numeric(projects["village_no"], errors="coerce").to_numpy(dtype=float)
        has_v = (np.char.str_len(tam) == 6) & (vno >= 1) & (vno <= 99)
        two = np.array([f"{i:02d}" for i in range(100)], dtype="U2")
        vill = np.char.add(tam, two[np.where(has_v, vno, 0).astype(np.int64)])
        loc = np.where(has_v, vill, np.where(tam != "", tam, np.where(amp != "", amp, np.where(chw != "", chw,
                                                                                              _UNLOCATED))))
        loc = np.asarray(loc, dtype="U8")
        order = np.argsort(loc, kind="stable")
        projects = projects.iloc[order].reset_index(drop=True)
        self.proj_loc = loc[order]
        projects["area_code"] = self.proj_loc.astype(object)
        self.projects = projects
        self.proj_budget = pd.to_numeric(projects["budget"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
        #: position in `areas` of the area of each project at each level (-1 when none)
        self.proj_area: dict[str, np.ndarray] = {}
        lengths = np.char.str_len(self.proj_loc)
        for lv, n in ADMIN_LEVELS.items():
            cut = np.where(lengths >= n, self.proj_loc.astype(f"U{n}"), "")
            self.proj_area[lv] = _lookup(self.area_codes, cut)
        rep(0.6, "เชื่อมโครงการกับแผน")
        # ---- links (project × plan), sorted by project position
        links = project_plans.reindex(columns=["project_id", "plan_id", "source", "how"]).dropna(
            subset=["project_id", "plan_id"])
        keys = pd.DataFrame({"source": projects["source"].astype(str), "project_id": projects["project_id"].astype(str),
                             "project": np.arange(len(projects))}).drop_duplicates(["source", "project_id"])
        pos = links[["source", "project_id"]].astype(str).merge(keys, how="left", on=["source", "project_id"])[
            "project"].fillna(-1).to_numpy(dtype=np.int64)
        plan = self._plan_pos.get_indexer(links["plan_id"])
        links = links.assign(project=pos, plan=plan)
        #: links to plan ids that are not in the plans table (typing errors in plan_ids)
        self.dangling = links[(links["plan"] < 0) & (links["project"] >= 0)][["source", "project_id", "plan_id"]]
        links = links[(links["plan"] >= 0) & (links["project"] >= 0)].drop_duplicates(["project", "plan"])
        links = links.sort_values(["project", "plan"], kind="stable").reset_index(drop=True)
        self.links = links
        self.link_proj = links["project"].to_numpy(dtype=np.int64)
        self.link_plan = links["plan"].to_numpy(dtype=np.int64)
        lb = np.argsort(self.link_plan, kind="stable")
        self._link_by_plan = lb
        self._link_plan_off = np.searchsorted(self.link_plan[lb], np.arange(n_plans + 1))
        self.proj_has_link = np.zeros(len(projects), dtype=bool)
        self.proj_has_link[self.link_proj] = True
        # ---- plan tree
        parent_pos = self._plan_pos.get_indexer(plans["parent_id"].astype(object).where(plans["parent_id"].notna(),
                                                                                           "\0"))
        self.parent_pos = parent_pos.astype(np.int64)
        self._plan_ids = plans["plan_id"].to_numpy(dtype=object)
        self._children: dict[int, list[int]] = {}
        for child, parent in enumerate(self.parent_pos.tolist()):
            if parent >= 0:
                self._children.setdefault(parent, []).append(child)
        self._level_rank = plans["level"].map(PLAN_LEVEL_ORDER).fillna(len(LEVELS)).to_numpy(dtype=np.int64)
        self._kind_rank = plans["kind"].map(PLAN_KIND_ORDER).fillna(len(PLAN_KINDS)).to_numpy(dtype=np.int64)
        self._plan_cols = {c: plans[c].to_numpy(dtype=object) for c in PLAN_OUTPUT}
        self._proj_cols = {c: projects[c].to_numpy(dtype=object) for c in PROJECT_OUTPUT}
        self._proj_cols["budget"] = pd.to_numeric(projects["budget"], errors="coerce").to_numpy(dtype=float)
        self._proj_cols["area_code"] = np.where(self.proj_loc == _UNLOCATED, None, self._proj_cols["area_code"])
        self._area_cols = {c: self.areas[c].to_numpy(dtype=object) for c in self.areas.columns}
        self._cov_source = cov["source"].to_numpy(dtype=object)
        rep(1.0, "พร้อม")

    # ----------------------------------------------------------------- building
    @classmethod
    def from_workspace(cls, ws, *, progress: ProgressCallback | None = None,
                       cancelled: CancelCheck | None = None) -> PlanIndex:
        """Read boundaries, plans, projects and links from an open workspace and index them."""
        rep = Reporter(progress, cancelled)
        rep(0.0, "อ่านพื้นที่ทำงาน")
        parts = []
        for lv in ADMIN_LEVELS:
            rows = ws.query(f'SELECT code, name_th, name_en, parent_code FROM "{lv}"')
            parts.append(pd.DataFrame(rows, columns=["code", "name_th", "name_en", "parent_code"]).assign(level=lv))
        areas = pd.concat(parts, ignore_index=True)
        plans = pd.DataFrame(ws.query(f"SELECT {', '.join(PLAN_FIELDS)} FROM plans ORDER BY fid"),
                             columns=list(PLAN_FIELDS))
        rep.check()
        projects = pd.DataFrame(ws.query(f"SELECT fid, {', '.join(PROJECT_FIELDS)} FROM projects"),
                                columns=["fid", *PROJECT_FIELDS])
        rep(0.3, "อ่านการเชื่อมโยงแผน")
        project_plans = pd.DataFrame(ws.query("SELECT project_id, plan_id, source, how FROM project_plans"),
                                     columns=["project_id", "plan_id", "source", "how"])
        plan_areas = pd.DataFrame(ws.query("SELECT plan_id, area_code FROM plan_areas"),
                                  columns=["plan_id", "area_code"])
        return cls(areas, plans, projects, project_plans, plan_areas, source=str(ws.path),
                   progress=rep.sub(0.4, 1.0))

    @classmethod
    def from_path(cls, path, **kwargs) -> PlanIndex:
        """Open a workspace file, index it, close it."""
        from areaplan.workspace import Workspace

        with Workspace.open(path) as ws:
            return cls.from_workspace(ws, **kwargs)

    # ----------------------------------------------------------------- lookups
    def find_area(self, text: object) -> str:
        """The DOPA code of an area given by code, PCODE or a unique Thai/English name."""
        code = normalize_code(text)
        if code in self._area_dict:
            return code
        name = clean_text(text)
        hits = self.areas[(self.areas["name_th"] == name) | (self.areas["name_en"].str.casefold() == name.casefold())]
        if len(hits) == 1:
            return str(hits["code"].iloc[0])
        if len(hits) > 1:
            listed = ", ".join(f"{c} {n}" for c, n in zip(hits["code"][:10], hits["name_th"][:10]))
            raise AreaPlanError(f'ชื่อพื้นที่ "{name}" ซ้ำกันหลายแห่ง โปรดระบุรหัส: {listed}',
                                f"the area name {name!r} matches several areas; give the code: {listed}",
                                field="area")
        raise AreaPlanError(f'ไม่พบพื้นที่ "{clean_text(text)}" ในพื้นที่ทำงาน '
                            "(ใช้รหัส DOPA เช่น 901104 หรือ TH901104)",
                            f"area {clean_text(text)!r} is not in the workspace (use a DOPA code such as 901104 "
                            "or a PCODE such as TH901104)", field="area")

    def find_plan(self, plan_id: object) -> int:
        """The position of a plan in `plans`, by its id (case-insensitive)."""
        text = clean_text(plan_id)
        pos = self._plan_pos.get_indexer([text])[0]
        if pos < 0:
            folded = self.plans["plan_id"].astype(str).str.casefold()
            hits = np.flatnonzero(folded.to_numpy() == text.casefold())
            if len(hits) == 1:
                return int(hits[0])
            raise AreaPlanError(f'ไม่พบแผนรหัส "{text}" ในพื้นที่ทำงาน', f"plan {text!r} is not in the workspace",
                                field="plan")
        return int(pos)

    def area_record(self, code: str) -> dict:
        """Code, level, names and the names of the containing areas of one area."""
        pos = self._area_dict.get(code, -1)
        if pos >= 0:
            rec = {c: _clean(v[pos]) for c, v in self._area_cols.items()}
        else:
            rec = {"code": code, "level": LEVEL_OF_LENGTH.get(len(code)), "name_th": None, "name_en": None,
                   "parent_code": None}
        rec["within"] = [{"code": a, "level": LEVEL_OF_LENGTH[len(a)], "name_th": self.area_name(a)}
                         for a in ancestors(code)]
        return rec

    def area_name(self, code: str) -> str | None:
        """The Thai name of an area (None when not in the workspace)."""
        pos = self._area_dict.get(code, -1)
        return None if pos < 0 else self.areas["name_th"].iat[pos]

    # ----------------------------------------------------------------- queries
    def area_links(self, area: object) -> AreaLinks:
        """Plans touching one area, grouped by level and kind, with their projects and budget in the area."""
        code = self.find_area(area)
        # coverage: exact codes of the area and its ancestors, and the codes inside it
        parts = []
        for a in [WHOLE_COUNTRY, *ancestors(code)]:
            lo, hi = np.searchsorted(self.cov_code, a, "left"), np.searchsorted(self.cov_code, a, "right")
            parts.append((np.arange(lo, hi), RELATIONS["inside"][0]))
        lo, hi = prefix_range(self.cov_code, code)
        idx = np.arange(lo, hi)
        exact = self.cov_code[lo:hi] == code
        parts.append((idx[exact], RELATIONS["listed"][0]))
        parts.append((idx[~exact], RELATIONS["contains"][0]))
        cov_idx = np.concatenate([p for p, _ in parts])
        cov_rel = np.concatenate([np.full(len(p), r, dtype=np.int64) for p, r in parts])
        # projects lying in the area and their links
        p_lo, p_hi = prefix_range(self.proj_loc, code)
        l_lo, l_hi = np.searchsorted(self.link_proj, [p_lo, p_hi], "left")
        lp = self.link_plan[l_lo:l_hi]
        lproj = self.link_proj[l_lo:l_hi]
        n_plans = len(self.plans)
        touched = np.unique(np.concatenate([self.cov_plan[cov_idx], lp]))
        rel = np.zeros(n_plans, dtype=np.int64)
        np.maximum.at(rel, self.cov_plan[cov_idx], cov_rel)
        counts = np.bincount(lp, minlength=n_plans)
        budget = np.bincount(lp, weights=self.proj_budget[lproj], minlength=n_plans)
        # coverage source of the strongest relation per plan
        order = np.argsort(-cov_rel, kind="stable")
        first_plan, first = np.unique(self.cov_plan[cov_idx][order], return_index=True)
        best_src = np.full(n_plans, None, dtype=object)
        best_src[first_plan] = self._cov_source[cov_idx][order][first]
        touched = touched[np.lexsort((self._plan_ids[touched].astype(str), self._kind_rank[touched],
                                      self._level_rank[touched]))]
        data = {c: self._plan_cols[c][touched] for c in PLAN_OUTPUT}
        data["relation"] = _RELATION_NAMES[rel[touched]]
        data["coverage_source"] = best_src[touched]
        data["via_projects"] = counts[touched] > 0
        data["projects"] = counts[touched]
        data["budget"] = budget[touched]
        plans = pd.DataFrame(data)
        linked = pd.DataFrame({"plan_id": self._plan_ids[lp], **{c: self._proj_cols[c][lproj] for c in PROJECT_OUTPUT}})
        free = np.flatnonzero(~self.proj_has_link[p_lo:p_hi]) + p_lo
        unplanned = pd.DataFrame({c: self._proj_cols[c][free] for c in PROJECT_OUTPUT})
        in_area = slice(p_lo, p_hi)
        totals = {"plans": int(len(plans)), "plans_with_projects": int((counts[touched] > 0).sum()),
                  "projects": int(p_hi - p_lo), "budget": float(self.proj_budget[in_area].sum()),
                  "planned_projects": int(self.proj_has_link[in_area].sum()),
                  "planned_budget": float(self.proj_budget[in_area][self.proj_has_link[in_area]].sum()),
                  "unplanned_projects": int(len(free))}
        return AreaLinks(self.area_record(code), plans, linked, unplanned, totals)

    def plan_areas(self, plan: object, *, levels: Iterable[str] = tuple(ADMIN_LEVELS)) -> PlanAreas:
        """Every area a plan touches (coverage or projects), with its projects and budget in each."""
        p = self.find_plan(plan)
        levels = tuple(levels)
        n = len(self.areas)
        rel = np.zeros(n, dtype=np.int8)
        c_idx = self._cov_by_plan[self._cov_plan_off[p]:self._cov_plan_off[p + 1]]
        codes = self.cov_code[c_idx].tolist()
        for c in codes:
            lo, hi = prefix_range(self.area_codes, c)
            np.maximum(rel[lo:hi], RELATIONS["inside"][0], out=rel[lo:hi])
            for a in ancestors(c):
                pos = self._area_dict.get(a, -1)
                if pos >= 0:
                    rel[pos] = max(rel[pos], RELATIONS["contains"][0])
            pos = self._area_dict.get(c, -1) if c else -1
            if pos >= 0:
                rel[pos] = RELATIONS["listed"][0]
        l_idx = self._link_by_plan[self._link_plan_off[p]:self._link_plan_off[p + 1]]
        projs = np.sort(self.link_proj[l_idx])
        count = np.zeros(n, dtype=np.int64)
        budget = np.zeros(n, dtype=float)
        for lv in ADMIN_LEVELS:
            a = self.proj_area[lv][projs]
            ok = a >= 0
            count += np.bincount(a[ok], minlength=n)
            budget += np.bincount(a[ok], weights=self.proj_budget[projs][ok], minlength=n)
        hit = np.flatnonzero((rel > 0) | (count > 0))
        if set(levels) != set(ADMIN_LEVELS):
            hit = hit[np.isin(self._area_cols["level"][hit], list(levels))]
        areas = pd.DataFrame({**{c: v[hit] for c, v in self._area_cols.items()},
                              "relation": _RELATION_NAMES[rel[hit]], "via_projects": count[hit] > 0,
                              "projects": count[hit], "budget": budget[hit]})
        cov_codes = self.cov_code[c_idx].tolist()
        cov = pd.DataFrame({"code": cov_codes, "level": [LEVEL_OF_LENGTH.get(len(c), "country") for c in cov_codes],
                            "name_th": [self.area_name(c) if c else "ทั้งประเทศ" for c in cov_codes],
                            "source": self._cov_source[c_idx]})
        proj = pd.DataFrame({c: self._proj_cols[c][projs] for c in PROJECT_OUTPUT})
        plan_rec = {c: _clean(self.plans[c].iat[p]) for c in self.plans.columns}
        note = None
        pid = plan_rec["plan_id"]
        if not len(cov):
            hit_u = self.unresolved[self.unresolved["plan_id"] == pid]
            if len(hit_u):
                note = f"{hit_u['reason_th'].iat[0]} ({hit_u['reason_en'].iat[0]})"
            elif not is_blank(plan_rec.get("coverage")):
                note = ("รหัสพื้นที่ครอบคลุมไม่มีในพื้นที่ทำงาน แผนเกี่ยวข้องกับพื้นที่ผ่านโครงการเท่านั้น "
                        "(the coverage codes are not in the workspace; the plan touches areas through its projects)")
        return PlanAreas(plan_rec, cov, areas, proj, self.parent_chain(p), self.children(p), note)

    def parent_chain(self, p: int) -> list[str]:
        """Ids of the plans above one plan, nearest first (stops at a cycle)."""
        out: list[str] = []
        seen = {p}
        q = int(self.parent_pos[p])
        while q >= 0 and q not in seen:
            out.append(str(self._plan_ids[q]))
            seen.add(q)
            q = int(self.parent_pos[q])
        return out

    def children(self, p: int) -> list[str]:
        """Ids of the plans whose parent is this plan."""
        return [str(self._plan_ids[c]) for c in self._children.get(p, [])]

    def summary(self) -> list[str]:
        """What the index holds, one bilingual line."""
        return [f"พื้นที่ {len(self.areas):,} แห่ง แผน {len(self.plans):,} แผน โครงการ {len(self.projects):,} โครงการ "
                f"การเชื่อมโยงโครงการกับแผน {len(self.links):,} รายการ "
                f"({len(self.areas):,} areas, {len(self.plans):,} plans, {len(self.projects):,} projects, "
                f"{len(self.links):,} project-plan links)"]


# ------------------------------------------------------------------------------------------- editing links

def link_projects(ws, links: pd.DataFrame, *, how: str = "manual") -> int:
    """Link projects to plans by hand (columns source, project_id, plan_id); return links written."""
    frame = links.reindex(columns=["project_id", "plan_id", "source"]).dropna().assign(how=how)
    if not len(frame):
        return 0
    with ws.transaction():
        ws.upsert("project_plans", frame)
    return len(frame)


def unlink_projects(ws, links: pd.DataFrame) -> int:
    """Remove project-plan links (columns source, project_id, plan_id), whatever made them; return how many."""
    n = 0
    with ws.transaction():
        for src, pid, plan in links.reindex(columns=["source", "project_id", "plan_id"]).itertuples(index=False):
            n += ws.delete("project_plans", "source = ? AND project_id = ? AND plan_id = ?", (src, pid, plan))
    return n


def coverage_codes(value: object) -> list[str]:
    """The normalised codes of a coverage text ('TH90; 9011' -> ['90', '9011'])."""
    return [normalize_code(c) for c in split_ids(value)]
