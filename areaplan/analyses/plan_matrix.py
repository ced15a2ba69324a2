"""The area × agenda matrix: projects, budget and agenda plans per tambon (or amphoe/changwat) per agenda.

A cell counts the projects lying in the area whose agenda is the column's (a project without an agenda takes
the agenda of an agenda plan it is linked to, else it goes to ``unspecified``), their budget, and the distinct
agenda plans of that agenda touching the area (by coverage or by projects, the rules of
:mod:`areaplan.analyses.plan_links`). A cell without projects is a **gap**: ``plan_without_projects`` when an agenda
plan covers it, ``no_plan_no_project`` otherwise. Everything is vectorised over the :class:`PlanIndex` arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from areaplan.analyses.base import AnalysisResult, Provenance
from areaplan.analyses.plan_links import ADMIN_LEVELS, PlanIndex, prefix_ranges
from areaplan.errors import AreaPlanError, Problem
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.vocab import AGENDAS

ANALYSIS = "plan_matrix"
UNSPECIFIED = "unspecified"
MEASURES: dict[str, tuple[str, str]] = {
    "projects": ("จำนวนโครงการ", "projects"),
    "budget": ("งบประมาณ (บาท)", "budget (baht)"),
    "plans": ("จำนวนแผนเชิงประเด็น", "agenda plans"),
}
GAP_KINDS: dict[str, tuple[str, str]] = {
    "plan_without_projects": ("มีแผนแต่ไม่มีโครงการ", "an agenda plan covers it but no project"),
    "no_plan_no_project": ("ไม่มีแผนและไม่มีโครงการ", "neither an agenda plan nor a project"),
}


@dataclass
class MatrixParams:
    """Parameters of the matrix (stored in the provenance)."""

    level: str = "tambon"
    fiscal_years: tuple[int, ...] | None = None
    channels: tuple[str, ...] | None = None


@dataclass
class MatrixInputs:
    """What the matrix reads: a plan index and the parameters."""

    index: PlanIndex
    params: MatrixParams = field(default_factory=MatrixParams)


@dataclass
class MatrixResult(AnalysisResult):
    """Long cells (area × agenda) and the areas with their names and totals."""

    cells: pd.DataFrame = field(default_factory=pd.DataFrame)
    areas: pd.DataFrame = field(default_factory=pd.DataFrame)
    agendas: tuple[str, ...] = ()

    def wide(self, measure: str = "budget") -> pd.DataFrame:
        """One row per area, one column per agenda (codes) of one measure, plus ``total``."""
        table = self.cells.pivot(index="area_code", columns="agenda", values=measure)
        table = table.reindex(index=self.areas["code"], columns=list(self.agendas)).fillna(0)
        if measure != "plans":
            table["total"] = table.sum(axis=1)
        table.index.name = "area_code"
        return table

    def gaps(self) -> pd.DataFrame:
        """The cells without projects, with their kind of gap."""
        return self.cells[self.cells["gap"] != ""].reset_index(drop=True)

    def summary(self) -> list[str]:
        """Bilingual summary lines."""
        n_cells = len(self.cells)
        gaps = self.cells.loc[self.cells["gap"] != "", "gap"].value_counts().to_dict() if n_cells else {}
        pwp = gaps.get("plan_without_projects", 0)
        return [f"พื้นที่ {len(self.areas):,} แห่ง × ประเด็น {len(self.agendas)} ด้าน: ช่องว่าง {sum(gaps.values()):,} "
                f"จาก {n_cells:,} ช่อง (มีแผนแต่ไม่มีโครงการ {pwp:,}) "
                f"({len(self.areas):,} areas × {len(self.agendas)} agendas: {sum(gaps.values()):,} of {n_cells:,} "
                f"cells are gaps; {pwp:,} have an agenda plan but no project)"]


def level_positions(index: PlanIndex, level: str) -> tuple[np.ndarray, np.ndarray]:
    """(global positions of the level's areas in index.areas, inverse map global -> level position or -1)."""
    glob = np.flatnonzero((index.areas["level"] == level).to_numpy())
    inv = np.full(len(index.areas), -1, dtype=np.int64)
    inv[glob] = np.arange(len(glob))
    return glob, inv


def plan_area_counts(index: PlanIndex, level: str, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Distinct plans touching each area of a level, per group: array (n_groups, n_areas).

    `groups` gives a group number per plan position (-1 leaves the plan out). A plan touches an area through
    its coverage (the area, an area containing it or inside it) or through a project lying in it.
    """
    codes = index.level_codes[level]
    n = len(codes)
    width = ADMIN_LEVELS[level]
    out = np.zeros((n_groups, n), dtype=np.int64)
    if n == 0:
        return out
    # coverage rows of the chosen plans, reduced to the codes no other code of the same plan contains
    sel = groups[index.cov_plan] >= 0 if len(index.cov_plan) else np.zeros(0, dtype=bool)
    cp = index.cov_plan[sel]
    cc = pd.Series(index.cov_code[sel], dtype=object)
    pstr = pd.Series(cp.astype(str), dtype=object) + "|"
    keys = set(pstr + cc)
    redundant = np.zeros(len(cc), dtype=bool)
    lengths = cc.str.len().to_numpy()
    for k in (0, 2, 4, 6):
        redundant |= (lengths > k) & (pstr + cc.str[:k]).isin(keys).to_numpy()
    ranges = pd.DataFrame({"p": cp[~redundant], "c": cc[~redundant].str[:width].to_numpy()}).drop_duplicates()
    lo, hi = prefix_ranges(codes, ranges["c"].to_numpy(dtype="U8"))
    rp = ranges["p"].to_numpy(dtype=np.int64)
    g = groups[rp]
    diff = np.zeros((n_groups, n + 1), dtype=np.int64)
    np.add.at(diff, (g, lo), 1)
    np.add.at(diff, (g, hi), -1)
    out += np.cumsum(diff, axis=1)[:, :n]
    # plans touching an area through projects outside their coverage
    _, inv = level_positions(index, level)
    lsel = groups[index.link_plan] >= 0 if len(index.link_plan) else np.zeros(0, dtype=bool)
    lp = index.link_plan[lsel]
    ga = index.proj_area[level][index.link_proj[lsel]]
    ok = ga >= 0
    lp, la = lp[ok], inv[ga[ok]]
    if len(lp):
        pair = np.unique(lp * (n + 1) + la)
        lp, la = pair // (n + 1), pair % (n + 1)
        starts = rp * (n + 1) + lo
        ends = rp * (n + 1) + hi
        order = np.argsort(starts, kind="stable")
        starts, ends = starts[order], ends[order]
        j = np.searchsorted(starts, pair, "right") - 1
        covered = (j >= 0) & (pair < ends[np.maximum(j, 0)]) if len(starts) else np.zeros(len(pair), dtype=bool)
        np.add.at(out, (groups[lp[~covered]], la[~covered]), 1)
    return out


def project_agendas(index: PlanIndex) -> np.ndarray:
    """The agenda code of each project (index order): its own, else its agenda plan's, else 'unspecified'."""
    own = index.projects["agenda"].astype(object).where(index.projects["agenda"].isin(list(AGENDAS)), None)
    plan_agenda = index.plans["agenda"].where((index.plans["kind"] == "agenda")
                                              & index.plans["agenda"].isin(list(AGENDAS)), None).to_numpy(dtype=object)
    via = pd.Series(plan_agenda[index.link_plan], index=index.link_proj, dtype=object).dropna()
    via = via[~via.index.duplicated()]
    fallback = pd.Series(None, index=np.arange(len(index.projects)), dtype=object)
    fallback.loc[via.index] = via.to_numpy()
    return own.fillna(fallback).fillna(UNSPECIFIED).to_numpy(dtype=object)


def validate(inputs: MatrixInputs) -> list[Problem]:
    """What the user can fix before the matrix runs (errors stop it; warnings do not)."""
    p = inputs.params
    problems: list[Problem] = []
    if p.level not in ("changwat", "amphoe", "tambon"):
        problems.append(Problem(f"ระดับพื้นที่ต้องเป็น changwat, amphoe หรือ tambon ได้ {p.level}",
                                f"the level must be changwat, amphoe or tambon, got {p.level!r}", field="level"))
        return problems
    if not len(inputs.index.level_codes[p.level]):
        problems.append(Problem(f"พื้นที่ทำงานไม่มีขอบเขตระดับ {p.level}",
                                f"the workspace has no {p.level} boundaries", field="level"))
    if not len(inputs.index.projects):
        problems.append(Problem("ไม่มีโครงการในพื้นที่ทำงาน ทุกช่องจะว่าง",
                                "there are no projects; every cell is a gap",
                                severity="warning"))
    return problems


def run(inputs: MatrixInputs, *, progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None) -> MatrixResult:
    """Count projects, budget and agenda plans per area per agenda."""
    errors = [p for p in validate(inputs) if p.severity == "error"]
    if errors:
        raise AreaPlanError(errors[0].th, errors[0].en, field=errors[0].field)
    rep = Reporter(progress, cancelled)
    ix, p = inputs.index, inputs.params
    glob, inv = level_positions(ix, p.level)
    n = len(glob)
    rep(0.1, "นับโครงการตามประเด็น")
    agenda = project_agendas(ix)
    agendas = list(AGENDAS) + ([UNSPECIFIED] if (agenda == UNSPECIFIED).any() else [])
    ag_of = {a: i for i, a in enumerate(agendas)}
    ag = pd.Series(agenda).map(ag_of).to_numpy(dtype=np.int64)
    keep = ix.proj_area[p.level] >= 0
    if p.fiscal_years:
        keep &= pd.to_numeric(ix.projects["fiscal_year"], errors="coerce").isin(p.fiscal_years).to_numpy()
    if p.channels:
        keep &= ix.projects["channel"].isin(p.channels).to_numpy()
    area = inv[ix.proj_area[p.level][keep]]
    cell = area * len(agendas) + ag[keep]
    size = n * len(agendas)
    projects = np.bincount(cell, minlength=size)
    budget = np.bincount(cell, weights=ix.proj_budget[keep], minlength=size)
    rep(0.5, "นับแผนเชิงประเด็น")
    plan_group = ix.plans["agenda"].map(ag_of).where(ix.plans["kind"] == "agenda").fillna(-1).to_numpy(dtype=np.int64)
    plans = plan_area_counts(ix, p.level, plan_group, len(agendas)).T.reshape(-1)
    rep(0.85, "จัดตาราง")
    codes = ix.area_codes[glob]
    cells = pd.DataFrame({"area_code": np.repeat(codes, len(agendas)), "agenda": np.tile(agendas, n),
                          "projects": projects, "budget": budget, "plans": plans})
    cells["gap"] = np.where(cells["projects"] > 0, "",
                            np.where(cells["plans"] > 0, "plan_without_projects", "no_plan_no_project"))
    areas = ix.areas.iloc[glob][["code", "level", "name_th", "name_en"]].reset_index(drop=True)
    for lv in ("changwat", "amphoe"):
        width = ADMIN_LEVELS[lv]
        if width < ADMIN_LEVELS[p.level]:
            pos = ix._area_pos.get_indexer(areas["code"].str[:width])
            names = ix.areas["name_th"].to_numpy(dtype=object)
            areas[f"{lv}_name"] = np.where(pos >= 0, names[np.maximum(pos, 0)], None)
    areas["projects"] = projects.reshape(n, len(agendas)).sum(axis=1)
    areas["budget"] = budget.reshape(n, len(agendas)).sum(axis=1)
    areas["gaps"] = (projects.reshape(n, len(agendas))[:, :len(AGENDAS)] == 0).sum(axis=1)
    provenance = Provenance(ANALYSIS, parameters={"level": p.level, "fiscal_years": list(p.fiscal_years or []),
                                                  "channels": list(p.channels or [])},
                            inputs={"source": ix.source, "areas": n, "projects": int(keep.sum()),
                                    "plans": len(ix.plans)})
    rep(1.0, "เสร็จ")
    return MatrixResult(provenance=provenance, cells=cells, areas=areas, agendas=tuple(agendas))
