"""Alignment checks between plans and projects (docs/plans.md lists the rules and defaults).

* ``unaligned`` — projects of local or community plans (linked to a plan of level local, village or tambon, or
  proposed through the local or community channel) that no provincial or cluster plan takes up: none of their
  plans, nor any plan above those (parent chain), is at level province or cluster.
* ``idle_plans`` — provincial plans with no located project: no project lying in any area is linked to the plan
  or to its same-level sub-plans (its annual action plans).
* ``period_mismatch`` — a project linked to a plan whose period (period_start–period_end, BE) does not include
  the project's fiscal year.
* ``cycles`` — parent chains that come back to where they started (A → B → A).
* ``missing_parents`` — a parent_id that is not a plan of the workspace.
* ``unknown_plans`` — projects naming a plan id (plan_ids) that is not in the workspace.
* ``no_area`` — plans whose area is unknown: empty coverage whose owner's jurisdiction cannot be found, or
  coverage codes none of which exist; they touch areas through their projects only.

:func:`plan_calendar` gives the periods and the fiscal years of each plan's projects for a timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from areaplan.analyses.base import AnalysisResult, Provenance
from areaplan.analyses.plan_links import _UNLOCATED, PlanIndex
from areaplan.errors import Problem
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.values import is_blank

ANALYSIS = "plan_checks"

#: Check name -> (Thai title, English title), in report order.
CHECKS: dict[str, tuple[str, str]] = {
    "unaligned": ("โครงการของแผนท้องถิ่น/ชุมชนที่ไม่เชื่อมกับแผนจังหวัดหรือกลุ่มจังหวัด",
                  "local or community projects linked to no provincial or cluster plan"),
    "idle_plans": ("แผนระดับจังหวัดที่ไม่มีโครงการในพื้นที่ใดเลย", "provincial plans with no project in any area"),
    "period_mismatch": ("โครงการที่ปีงบประมาณอยู่นอกช่วงเวลาของแผน",
                        "projects whose fiscal year is outside their plan's period"),
    "cycles": ("แผนแม่วนกลับ", "parent cycles"),
    "missing_parents": ("แผนแม่ที่ไม่มีในพื้นที่ทำงาน", "parent plans missing from the workspace"),
    "unknown_plans": ("รหัสแผนในโครงการที่ไม่มีในพื้นที่ทำงาน", "plan ids of projects that are not in the workspace"),
    "no_area": ("แผนที่ไม่ทราบพื้นที่", "plans whose area is unknown"),
}


@dataclass
class ChecksParams:
    """Which levels and channels the checks look at (stored in the provenance)."""

    aligned_levels: tuple[str, ...] = ("province", "cluster")
    local_levels: tuple[str, ...] = ("local", "village", "tambon")
    local_channels: tuple[str, ...] = ("local", "community")
    idle_levels: tuple[str, ...] = ("province",)
    through_parents: bool = True


@dataclass
class ChecksInputs:
    """What the checks read: a plan index and the parameters."""

    index: PlanIndex
    params: ChecksParams = field(default_factory=ChecksParams)


@dataclass
class ChecksResult(AnalysisResult):
    """One frame per check (see CHECKS)."""

    unaligned: pd.DataFrame = field(default_factory=pd.DataFrame)
    idle_plans: pd.DataFrame = field(default_factory=pd.DataFrame)
    period_mismatch: pd.DataFrame = field(default_factory=pd.DataFrame)
    cycles: pd.DataFrame = field(default_factory=pd.DataFrame)
    missing_parents: pd.DataFrame = field(default_factory=pd.DataFrame)
    unknown_plans: pd.DataFrame = field(default_factory=pd.DataFrame)
    no_area: pd.DataFrame = field(default_factory=pd.DataFrame)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Check name -> its rows, in report order."""
        return {name: getattr(self, name) for name in CHECKS}

    def counts(self) -> dict[str, int]:
        """Check name -> number of findings."""
        return {name: len(frame) for name, frame in self.tables().items()}

    def summary(self) -> list[str]:
        """One bilingual line per check."""
        return [f"{th}: {n:,} ({en}: {n:,})" for (name, (th, en)), n in zip(CHECKS.items(), self.counts().values())]


def validate(inputs: ChecksInputs) -> list[Problem]:
    """What the user can fix before the checks run (errors stop them; warnings do not)."""
    if not len(inputs.index.plans):
        return [Problem("ไม่มีแผนในพื้นที่ทำงาน (นำเข้าด้วย areaplan import --kind plans)",
                        "there are no plans in the workspace (import them with areaplan import --kind plans)",
                        severity="warning")]
    return []


def _reaches(ix: PlanIndex, levels: tuple[str, ...], through_parents: bool) -> np.ndarray:
    """Per plan: it, or (through_parents) a plan above it, has one of the levels."""
    own = ix.plans["level"].isin(levels).to_numpy()
    if not through_parents:
        return own
    out = own.copy()
    known = np.zeros(len(own), dtype=bool)
    for p in range(len(own)):
        path = []
        q = p
        while q >= 0 and not known[q] and q not in path:
            path.append(q)
            q = int(ix.parent_pos[q])
        value = bool(out[q]) if q >= 0 and known[q] else False
        for r in reversed(path):
            value = value or bool(own[r])
            out[r] = value
            known[r] = True
    return out


def _cycles(ix: PlanIndex) -> pd.DataFrame:
    state = np.zeros(len(ix.plans), dtype=np.int8)  # 0 new, 1 on the current walk, 2 done
    ids = ix.plans["plan_id"].astype(str).to_numpy()
    rows = []
    for p in range(len(ids)):
        walk = []
        q = p
        while q >= 0 and state[q] == 0:
            state[q] = 1
            walk.append(q)
            q = int(ix.parent_pos[q])
        if q >= 0 and state[q] == 1:
            cycle = walk[walk.index(q):]
            names = [ids[c] for c in cycle] + [ids[q]]
            rows.append({"cycle": len(rows) + 1, "plans": " → ".join(names), "length": len(cycle),
                         "plan_ids": ";".join(ids[c] for c in cycle)})
        for w in walk:
            state[w] = 2
    return pd.DataFrame(rows, columns=["cycle", "plans", "length", "plan_ids"])


def run(inputs: ChecksInputs, *, progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None) -> ChecksResult:
    """Run every check on the index."""
    rep = Reporter(progress, cancelled)
    ix, prm = inputs.index, inputs.params
    plans, projects = ix.plans, ix.projects
    ids = plans["plan_id"].astype(str).to_numpy()
    n_proj = len(projects)
    proj_cols = ["source", "project_id", "title", "channel", "agency", "fiscal_year", "budget", "agenda",
                 "area_code"]
    # ---- unaligned local/community projects
    rep(0.0, "ตรวจการเชื่อมโยงแผนท้องถิ่น")
    reach = _reaches(ix, prm.aligned_levels, prm.through_parents)
    local_plan = plans["level"].isin(prm.local_levels).to_numpy()
    is_local = np.zeros(n_proj, dtype=bool)
    is_local[ix.link_proj[local_plan[ix.link_plan]]] = True
    is_local |= projects["channel"].isin(prm.local_channels).to_numpy()
    aligned = np.zeros(n_proj, dtype=bool)
    aligned[ix.link_proj[reach[ix.link_plan]]] = True
    flagged = np.flatnonzero(is_local & ~aligned)
    unaligned = projects.iloc[flagged][proj_cols].reset_index(drop=True)
    among = np.isin(ix.link_proj, flagged)
    linked = pd.Series(ids[ix.link_plan[among]], index=ix.link_proj[among]).groupby(level=0).agg(";".join)
    unaligned["plan_ids"] = linked.reindex(flagged).fillna("").to_numpy()
    none = unaligned["plan_ids"] == ""
    unaligned["reason_th"] = np.where(none, "ไม่ได้เชื่อมกับแผนใดเลย",
                                      "แผนที่เชื่อมไม่ต่อถึงแผนจังหวัดหรือแผนกลุ่มจังหวัด")
    unaligned["reason_en"] = np.where(none, "linked to no plan",
                                      "its plans lead to no provincial or cluster plan")
    unaligned["area_code"] = unaligned["area_code"].where(unaligned["area_code"] != _UNLOCATED, None)
    # ---- provincial plans without located projects (with their same-level sub-plans)
    rep(0.3, "ตรวจแผนที่ไม่มีโครงการ")
    located = ix.proj_loc[ix.link_proj] != _UNLOCATED
    direct = np.bincount(ix.link_plan, minlength=len(plans))
    direct_located = np.bincount(ix.link_plan[located], minlength=len(plans))
    levels = plans["level"].to_numpy(dtype=object)
    children: dict[int, list[int]] = {}
    for child, parent in enumerate(ix.parent_pos.tolist()):
        if parent >= 0 and levels[child] == levels[parent]:
            children.setdefault(parent, []).append(child)
    rows = []
    for p in np.flatnonzero(plans["level"].isin(prm.idle_levels).to_numpy()).tolist():
        family, todo = {p}, [p]
        while todo:
            for c in children.get(todo.pop(), []):
                if c not in family:
                    family.add(c)
                    todo.append(c)
        fam = sorted(family)
        if direct_located[fam].sum() == 0:
            rec = plans.iloc[p]
            rows.append({"plan_id": rec["plan_id"], "name": rec["name"], "level": rec["level"], "kind": rec["kind"],
                         "agenda": rec["agenda"], "owner": rec["owner"], "period_start": rec["period_start"],
                         "period_end": rec["period_end"], "projects": int(direct[fam].sum()),
                         "sub_plans": ";".join(ids[c] for c in fam if c != p)})
    idle = pd.DataFrame(rows, columns=["plan_id", "name", "level", "kind", "agenda", "owner", "period_start",
                                       "period_end", "projects", "sub_plans"])
    # ---- fiscal years outside the plan's period
    rep(0.5, "ตรวจช่วงเวลาของแผน")
    fy = pd.to_numeric(projects["fiscal_year"], errors="coerce").to_numpy(dtype=float)[ix.link_proj]
    start = plans["period_start"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)[ix.link_plan]
    end = plans["period_end"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)[ix.link_plan]
    with np.errstate(invalid="ignore"):
        outside = ~np.isnan(fy) & ((~np.isnan(start) & (fy < start)) | (~np.isnan(end) & (fy > end)))
    k = np.flatnonzero(outside)
    mism = projects.iloc[ix.link_proj[k]][["source", "project_id", "title", "fiscal_year", "budget"]]
    mism = mism.reset_index(drop=True)
    mism.insert(0, "plan_id", ids[ix.link_plan[k]])
    mism.insert(1, "plan_name", plans["name"].to_numpy()[ix.link_plan[k]])
    mism.insert(2, "period_start", start[k])
    mism.insert(3, "period_end", end[k])
    # ---- the plan tree
    rep(0.7, "ตรวจแผนแม่")
    cycles = _cycles(ix)
    has_parent = plans["parent_id"].notna().to_numpy() & (plans["parent_id"].astype(str).str.strip() != "").to_numpy()
    miss = plans[has_parent & (ix.parent_pos < 0)][["plan_id", "name", "level", "parent_id"]].reset_index(drop=True)
    unknown = ix.dangling.groupby("plan_id").agg(projects=("project_id", "size"),
                                                 project_ids=("project_id", lambda s: ";".join(s.astype(str)[:20])))
    unknown = unknown.reset_index().sort_values("projects", ascending=False, kind="stable").reset_index(drop=True)
    # ---- plans without a known area
    covered = np.zeros(len(plans), dtype=bool)
    covered[ix.cov_plan] = True
    no_area = plans[~covered][["plan_id", "name", "level", "owner", "coverage"]].reset_index(drop=True)
    reasons = ix.unresolved.set_index("plan_id")
    written = no_area["coverage"].map(lambda v: not is_blank(v))
    no_area["reason_th"] = np.where(written, "รหัสพื้นที่ครอบคลุมไม่มีในพื้นที่ทำงาน",
                                    no_area["plan_id"].map(reasons["reason_th"]).astype(object).fillna(""))
    no_area["reason_en"] = np.where(written, "none of the coverage codes is in the workspace",
                                    no_area["plan_id"].map(reasons["reason_en"]).astype(object).fillna(""))
    provenance = Provenance(ANALYSIS, parameters={k2: list(v) if isinstance(v, tuple) else v
                                                  for k2, v in prm.__dict__.items()},
                            inputs={"source": ix.source, "plans": len(plans), "projects": n_proj,
                                    "links": len(ix.links)})
    rep(1.0, "เสร็จ")
    return ChecksResult(provenance=provenance, unaligned=unaligned, idle_plans=idle, period_mismatch=mism,
                        cycles=cycles, missing_parents=miss, unknown_plans=unknown, no_area=no_area)


def plan_calendar(index: PlanIndex) -> pd.DataFrame:
    """Per plan and fiscal year of its projects: period, projects and budget (rows with fiscal_year None when
    a plan has no dated project) — the data of a plan timeline."""
    ix = index
    fy = pd.to_numeric(ix.projects["fiscal_year"], errors="coerce").to_numpy(dtype=float)[ix.link_proj]
    long = pd.DataFrame({"plan": ix.link_plan, "fiscal_year": fy, "budget": ix.proj_budget[ix.link_proj]})
    long = long.dropna(subset=["fiscal_year"])
    agg = long.groupby(["plan", "fiscal_year"]).agg(projects=("budget", "size"), budget=("budget", "sum"))
    agg = agg.reset_index()
    base = ix.plans[["plan_id", "name", "level", "kind", "agenda", "period_start", "period_end", "parent_id"]]
    out = base.reset_index(drop=True).reset_index(names="plan").merge(agg, on="plan", how="left")
    out["fiscal_year"] = out["fiscal_year"].astype("Int64")
    out["projects"] = out["projects"].fillna(0).astype(int)
    out["budget"] = out["budget"].fillna(0.0)
    out["in_period"] = ((out["fiscal_year"] >= out["period_start"]) & (out["fiscal_year"] <= out["period_end"]))
    return out.drop(columns=["plan"])
