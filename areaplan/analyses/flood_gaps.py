"""Gaps between flood risk and flood-mitigation investment, per area (normally per tambon).

**Risk index** (0–1, documented in docs/flood.md)::

    risk_index = Σ_k  w_k × share_k          w = CLASS_WEIGHTS = {1: 0.25, 2: 0.5, 3: 0.75, 4: 1.0}

i.e. the class-weighted share of the area: 0 = nothing flooded, 1 = the whole area in the very-high class,
0.5 = e.g. all of it medium, or half of it very high. Areas without data count their unknown part as 0.

**Investment** = the budget (baht) of flood-mitigation projects located in the area (agenda ``water`` or work
type dredging, weir, embankment, drainage, water gate, pumping station) and their number.

**Bivariate classes** (3 × 3): risk class 1–3 and investment class 1–3, each by terciles (mapclassify
``Quantiles(k=3)``) over the areas with a risk (resp. investment) above zero; areas with no risk (no investment)
are class 1. The colour of an area is ``BIVARIATE_COLOURS[risk_class - 1][investment_class - 1]``.

Lists:

* **high risk, little or no investment** — risk class 3 and investment class 1, highest risk first;
* **investment in low-risk areas** — risk class 1 and investment class 3, largest budget first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from areaplan.analyses.base import AnalysisResult, Provenance
from areaplan.errors import AreaPlanError, Problem

ANALYSIS = "flood_gaps"
#: Weight of each class's share in the risk index.
CLASS_WEIGHTS: dict[int, float] = {1: 0.25, 2: 0.5, 3: 0.75, 4: 1.0}
#: 3 × 3 bivariate colours, [risk class - 1][investment class - 1] (Stevens' purple–teal scheme: risk runs
#: from grey to purple, investment from grey to teal; dark blue = high risk and high investment).
BIVARIATE_COLOURS: tuple[tuple[str, str, str], ...] = (
    ("#e8e8e8", "#ace4e4", "#5ac8c8"),
    ("#dfb0d6", "#a5add3", "#5698b9"),
    ("#be64ac", "#8c62aa", "#3b4994"),
)
RISK_LABELS: dict[int, tuple[str, str]] = {1: ("ความเสี่ยงต่ำ", "low risk"), 2: ("ความเสี่ยงปานกลาง", "medium risk"),
                                           3: ("ความเสี่ยงสูง", "high risk")}
INVESTMENT_LABELS: dict[int, tuple[str, str]] = {1: ("ลงทุนน้อย/ไม่มี", "little or none"),
                                                 2: ("ลงทุนปานกลาง", "medium"), 3: ("ลงทุนมาก", "high")}
GAP_COLUMNS: tuple[str, ...] = (
    "code", "name_th", "name_en", "parent_code", "area_km2", "flooded_share", "high_share", "risk_index",
    "mitigation_projects", "mitigation_budget", "budget_per_high_km2", "risk_class", "investment_class",
    "bivariate_class", "bivariate_colour", "gap",
)


@dataclass
class GapParams:
    """Parameters of the gap analysis (stored in the provenance)."""

    class_weights: dict[int, float] = field(default_factory=lambda: dict(CLASS_WEIGHTS))
    k: int = 3  # classes per axis of the bivariate map


@dataclass
class GapResult(AnalysisResult):
    """Per-area risk and investment with bivariate classes, and the two lists a committee reads."""

    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    risk_breaks: list[float] = field(default_factory=list)
    investment_breaks: list[float] = field(default_factory=list)

    @property
    def high_risk_low_investment(self) -> pd.DataFrame:
        """High-risk areas with little or no flood-mitigation budget, highest risk first."""
        t = self.table
        return t[t["gap"] == "high_risk_low_investment"].sort_values(["risk_index", "mitigation_budget"],
                                                                     ascending=[False, True], kind="stable")

    @property
    def low_risk_investment(self) -> pd.DataFrame:
        """Low-risk areas receiving much flood-mitigation budget, largest budget first."""
        t = self.table
        return t[t["gap"] == "low_risk_investment"].sort_values("mitigation_budget", ascending=False, kind="stable")

    def legend(self) -> pd.DataFrame:
        """The bivariate legend as data: risk_class, investment_class, colour, Thai and English labels."""
        rows = []
        for r in range(1, 4):
            for i in range(1, 4):
                rows.append({"risk_class": r, "investment_class": i, "colour": BIVARIATE_COLOURS[r - 1][i - 1],
                             "label_th": f"{RISK_LABELS[r][0]} / {INVESTMENT_LABELS[i][0]}",
                             "label_en": f"{RISK_LABELS[r][1]} / {INVESTMENT_LABELS[i][1]} investment"})
        return pd.DataFrame(rows)

    def summary(self) -> list[str]:
        """Bilingual summary lines."""
        a, b = len(self.high_risk_low_investment), len(self.low_risk_investment)
        return [f"พื้นที่เสี่ยงสูงแต่ลงทุนน้อยหรือไม่มี {a:,} แห่ง; ลงทุนมากในพื้นที่เสี่ยงต่ำ {b:,} แห่ง "
                f"({a:,} high-risk areas with little or no investment; {b:,} low-risk areas with high investment)"]


def risk_index(areas: pd.DataFrame, weights: dict[int, float] | None = None) -> pd.Series:
    """Class-weighted share of each area (0–1; see the module docstring)."""
    w = weights or CLASS_WEIGHTS
    total = pd.Series(0.0, index=areas.index)
    for k, wk in w.items():
        col = f"c{k}_share"
        if col in areas:
            total += wk * pd.to_numeric(areas[col], errors="coerce").fillna(0.0)
    return total.clip(0.0, 1.0)


def tercile_classes(values: pd.Series, k: int = 3) -> tuple[np.ndarray, list[float]]:
    """Classes 1..k: values ≤ 0 (or missing) are 1; positive values by quantiles (mapclassify) into 1..k."""
    import mapclassify

    v = pd.to_numeric(values, errors="coerce").fillna(0.0).to_numpy(float)
    out = np.ones(len(v), dtype=np.int64)
    pos = v > 0
    breaks: list[float] = []
    if pos.sum() >= k:
        q = mapclassify.Quantiles(v[pos], k=k)
        out[pos] = q.yb + 1
        breaks = [float(b) for b in q.bins]
    elif pos.any():
        out[pos] = k  # too few to split: every positive value is "high"
        breaks = [float(v[pos].max())]
    return out, breaks


def validate(areas: pd.DataFrame) -> list[Problem]:
    """What is missing from an exposure table for the gap analysis."""
    problems = []
    need = ("code", "mitigation_budget", "mitigation_projects")
    for col in need:
        if col not in areas:
            problems.append(Problem(f'ไม่มีคอลัมน์ "{col}" ในตารางความเสี่ยง', f"the exposure table has no {col!r}",
                                    field=col))
    if not any(f"c{k}_share" in areas for k in CLASS_WEIGHTS):
        problems.append(Problem("ไม่มีสัดส่วนตามระดับความเสี่ยง", "the exposure table has no class shares"))
    if len(areas) == 0:
        problems.append(Problem("ไม่มีพื้นที่ให้วิเคราะห์", "there are no areas to analyse"))
    return problems


def run(exposure, params: GapParams | None = None) -> GapResult:
    """Risk index vs mitigation investment per area of an ExposureResult (or its areas table)."""
    p = params or GapParams()
    areas = exposure.areas if hasattr(exposure, "areas") else exposure
    errors = [q for q in validate(areas) if q.severity == "error"]
    if errors:
        raise AreaPlanError(errors[0].th, errors[0].en, field=errors[0].field)
    t = pd.DataFrame({c: areas[c].to_numpy() for c in ("code", "name_th", "name_en", "parent_code", "area_km2",
                                                        "flooded_share", "high_share") if c in areas})
    t["risk_index"] = risk_index(areas, p.class_weights).to_numpy()
    t["mitigation_projects"] = pd.to_numeric(areas["mitigation_projects"], errors="coerce").fillna(0).astype(int).to_numpy()
    budget = pd.to_numeric(areas["mitigation_budget"], errors="coerce").fillna(0.0).to_numpy(float)
    t["mitigation_budget"] = budget
    high_km2 = pd.to_numeric(areas.get("high_km2", pd.Series(np.nan, index=areas.index)), errors="coerce").to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        t["budget_per_high_km2"] = np.where(high_km2 > 0, budget / high_km2, np.nan)
    rc, rb = tercile_classes(t["risk_index"], p.k)
    ic, ib = tercile_classes(t["mitigation_budget"], p.k)
    t["risk_class"] = rc
    t["investment_class"] = ic
    t["bivariate_class"] = [f"{r}-{i}" for r, i in zip(rc, ic)]
    t["bivariate_colour"] = [BIVARIATE_COLOURS[min(r, 3) - 1][min(i, 3) - 1] for r, i in zip(rc, ic)]
    t["gap"] = np.select([(rc == p.k) & (ic == 1), (rc == 1) & (ic == p.k)],
                         ["high_risk_low_investment", "low_risk_investment"], "")
    base = getattr(exposure, "provenance", None)
    prov = Provenance(ANALYSIS, parameters={"class_weights": p.class_weights, "k": p.k, "risk_breaks": rb,
                                            "investment_breaks": ib, "classing": "mapclassify Quantiles of values > 0"},
                      inputs={"exposure": base.as_dict() if base is not None else None, "areas": len(t)})
    cols = [c for c in GAP_COLUMNS if c in t]
    out = t[cols]
    if hasattr(areas, "geometry") and "geometry" in getattr(areas, "columns", []):
        import geopandas as gpd

        out = gpd.GeoDataFrame(out, geometry=areas.geometry.values, crs=areas.crs)
    return GapResult(prov, table=out, risk_breaks=rb, investment_breaks=ib)
