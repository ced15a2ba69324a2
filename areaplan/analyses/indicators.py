"""Need indicators for choropleths: the imported ``indicators`` table per area, beside plans and investment.

:func:`indicator_catalog` lists what was imported; :func:`indicator_values` gives one value per area of a level
(a finer level's values summed or averaged up by code prefix: village counts become tambon counts);
:func:`need_and_investment` puts an indicator next to the projects, budget and plans of every area, with the
budget per unit of need, so a map can show need and investment together.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from areaplan.analyses.plan_links import ADMIN_LEVELS, PlanIndex
from areaplan.analyses.plan_matrix import level_positions, plan_area_counts
from areaplan.errors import AreaPlanError

AGGREGATIONS = ("sum", "mean", "max", "none")


def read_indicators(ws) -> pd.DataFrame:
    """The whole ``indicators`` table of a workspace."""
    rows = ws.query("SELECT area_code, level, indicator, value, unit, year, source FROM indicators")
    return pd.DataFrame(rows, columns=["area_code", "level", "indicator", "value", "unit", "year", "source"])


def indicator_catalog(table: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: unit, years, levels, number of areas, value range, sources."""
    if not len(table):
        return pd.DataFrame(columns=["indicator", "unit", "years", "levels", "areas", "min", "max", "sources"])
    g = table.groupby("indicator", sort=True)
    return pd.DataFrame({
        "unit": g["unit"].agg(lambda s: next((u for u in s if isinstance(u, str) and u), None)),
        "years": g["year"].agg(lambda s: sorted({int(y) for y in s.dropna()})),
        "levels": g["level"].agg(lambda s: sorted(set(s.dropna()), key=lambda lv: ADMIN_LEVELS.get(lv, 9))),
        "areas": g["area_code"].nunique(),
        "min": g["value"].min(), "max": g["value"].max(),
        "sources": g["source"].agg(lambda s: sorted(set(s))),
    }).reset_index()


def indicator_values(table: pd.DataFrame, indicator: str, *, level: str = "tambon", year: int | None = None,
                     how: str = "sum") -> pd.DataFrame:
    """(code, value) of one indicator at one level; finer values aggregated up with `how` (sum/mean/max/none).

    `year` None takes the latest year present for the indicator (rows without a year when there is none).
    Values given at the level itself win over aggregated finer ones.
    """
    if how not in AGGREGATIONS:
        raise AreaPlanError(f"วิธีรวมค่าต้องเป็น {', '.join(AGGREGATIONS)}", f"how must be one of {AGGREGATIONS}",
                            field="how")
    rows = table[table["indicator"] == indicator]
    if not len(rows):
        raise AreaPlanError(f'ไม่พบตัวชี้วัด "{indicator}" (นำเข้าด้วย areaplan import --kind indicators)',
                            f"no indicator {indicator!r} (import it with areaplan import --kind indicators)",
                            field="indicator")
    years = pd.to_numeric(rows["year"], errors="coerce")
    if year is None and years.notna().any():
        year = int(years.max())
    rows = rows[years == year] if year is not None else rows[years.isna()]
    width = ADMIN_LEVELS[level]
    codes = rows["area_code"].astype(str)
    exact = rows[codes.str.len() == width]
    out = exact.groupby("area_code")["value"].first()
    if how != "none":
        finer = rows[codes.str.len() > width]
        up = finer.groupby(finer["area_code"].astype(str).str[:width])["value"].agg(how)
        out = pd.concat([out, up[~up.index.isin(out.index)]])
    return out.rename("value").rename_axis("code").reset_index().sort_values("code", kind="stable").reset_index(
        drop=True)


def need_and_investment(index: PlanIndex, values: pd.DataFrame, *, level: str = "tambon") -> pd.DataFrame:
    """Every area of a level with the indicator value, projects, budget, plans touching it, budget per unit."""
    glob, inv = level_positions(index, level)
    n = len(glob)
    area = index.proj_area[level]
    ok = area >= 0
    projects = np.bincount(inv[area[ok]], minlength=n)
    budget = np.bincount(inv[area[ok]], weights=index.proj_budget[ok], minlength=n)
    plans = plan_area_counts(index, level, np.zeros(len(index.plans), dtype=np.int64), 1)[0]
    out = index.areas.iloc[glob][["code", "name_th"]].reset_index(drop=True)
    out["value"] = out["code"].map(values.set_index("code")["value"])
    out["projects"] = projects
    out["budget"] = budget
    out["plans"] = plans
    with np.errstate(divide="ignore", invalid="ignore"):
        per = out["budget"] / out["value"]
    out["budget_per_unit"] = per.where(out["value"] > 0)
    return out
