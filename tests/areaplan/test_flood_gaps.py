"""Gaps between flood risk and mitigation investment: the risk index, bivariate classes and the two lists."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from areaplan.analyses import flood_gaps as fg
from areaplan.errors import AreaPlanError


def areas(rows) -> pd.DataFrame:
    """An exposure area table: (code, c1..c4 shares, mitigation budget, projects)."""
    out = []
    for code, c1, c2, c3, c4, budget, n in rows:
        out.append({"code": code, "name_th": f"ต.{code}", "name_en": None, "parent_code": "9011", "area_km2": 10.0,
                    "c1_share": c1, "c2_share": c2, "c3_share": c3, "c4_share": c4,
                    "flooded_share": c1 + c2 + c3 + c4, "high_share": c3 + c4, "high_km2": 10.0 * (c3 + c4),
                    "mitigation_budget": budget, "mitigation_projects": n})
    return pd.DataFrame(out)


def test_risk_index_is_the_class_weighted_share():
    t = areas([("A", 0.2, 0.0, 0.0, 0.4, 0, 0), ("B", 0.0, 1.0, 0.0, 0.0, 0, 0), ("C", 0, 0, 0, 0, 0, 0)])
    r = fg.risk_index(t)
    assert r.tolist() == pytest.approx([0.2 * 0.25 + 0.4 * 1.0, 0.5, 0.0])


def test_bivariate_classes_lists_and_colours():
    rows = [
        ("high_none", 0, 0, 0.5, 0.5, 0, 0),          # highest risk, no investment → a gap
        ("high_rich", 0, 0, 0.4, 0.5, 9e6, 3),        # high risk, high investment → fine
        ("mid_mid", 0, 0.5, 0.1, 0, 2e6, 1),
        ("low_rich", 0.05, 0, 0, 0, 8e6, 2),          # little risk, much money → investment in a low-risk area
        ("dry_some", 0, 0, 0, 0, 1e5, 1),
        ("mid_low", 0.3, 0.3, 0, 0, 5e5, 1),
        ("high_low", 0, 0, 0.6, 0.1, 3e5, 1),         # risk in the middle tercile here: not listed
    ]
    result = fg.run(areas(rows))
    t = result.table.set_index("code")
    assert t.loc["high_none", "risk_class"] == 3 and t.loc["high_none", "investment_class"] == 1
    assert t.loc["dry_some", "risk_class"] == 1  # no risk at all is class 1
    assert t.loc["high_rich", "bivariate_class"] == "3-3"
    assert t.loc["high_rich", "bivariate_colour"] == fg.BIVARIATE_COLOURS[2][2]
    gaps = result.high_risk_low_investment
    assert list(gaps["code"])[0] == "high_none" and "high_rich" not in set(gaps["code"])
    assert set(result.low_risk_investment["code"]) == {"low_rich"}
    legend = result.legend()
    assert len(legend) == 9 and set(legend["colour"]) == {c for row in fg.BIVARIATE_COLOURS for c in row}
    assert "ความเสี่ยงสูง" in legend.loc[8, "label_th"]
    assert result.provenance.analysis == "flood_gaps" and result.provenance.parameters["class_weights"]
    assert "high-risk areas with little or no investment" in result.summary()[0]
    assert np.isnan(t.loc["low_rich", "budget_per_high_km2"])  # no high-risk area to spend on
    assert t.loc["high_rich", "budget_per_high_km2"] == pytest.approx(9e6 / 9.0)


def test_missing_columns_are_reported():
    with pytest.raises(AreaPlanError, match="mitigation_budget"):
        fg.run(pd.DataFrame({"code": ["A"], "c1_share": [0.1], "mitigation_projects": [0]}))


def test_gaps_on_an_exposure_result_keep_geometry(tmp_path):
    from tests.areaplan.test_flood_exposure import _projects, half_block, hazard, run, squares

    result = run(squares((0.0, 1500.0)), hazard(half_block(tmp_path)), _projects())
    gaps = fg.run(result)
    assert hasattr(gaps.table, "geometry") and len(gaps.table) == 2
    assert gaps.provenance.inputs["exposure"]["analysis"] == "flood_exposure"
