"""แผน › ปฏิทินแผน: plan periods as bars and project fiscal years as points (pyqtgraph) on a copy of the demo."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest

from ui.plan_calendar import IN_PERIOD, OUT_OF_PERIOD, calendar_rows, current_fiscal_year


@pytest.fixture
def calendar(demo_main_window, qtbot):
    window = demo_main_window
    qtbot.waitUntil(lambda: window.plan_index_service.ready, timeout=30_000)
    window.action_plan_calendar.trigger()
    qtbot.waitUntil(lambda: len(window.plan_calendar.rows) > 0, timeout=30_000)
    return window.plan_calendar


def test_fiscal_year_starts_on_1_october():
    assert current_fiscal_year(dt.date(2024, 9, 30)) == 2567
    assert current_fiscal_year(dt.date(2024, 10, 1)) == 2568


def test_one_bar_per_plan_spanning_its_period(calendar, demo_path):
    with sqlite3.connect(demo_path) as con:
        plans = con.execute("SELECT plan_id, period_start, period_end FROM plans").fetchall()
    rows = calendar.rows
    assert sorted(rows["plan_id"]) == sorted(p[0] for p in plans)
    assert rows["level"].iloc[0] == "national" and rows["level"].iloc[-1] == "local"
    opts = calendar.bars.opts
    assert len(opts["x0"]) == len(plans)
    row = {pid: i for i, pid in enumerate(rows["plan_id"])}
    for pid, start, end in plans:
        i = int(np.flatnonzero(np.asarray(opts["y"]) == row[pid])[0])
        assert (opts["x0"][i], opts["x1"][i]) == (start, end + 1)  # inclusive years
    # annual action plans right after their plan
    ids = list(rows["plan_id"])
    assert ids.index("PV90-2567") == ids.index("PV90") + 1


def test_points_are_the_fiscal_years_with_projects(calendar, demo_path):
    with sqlite3.connect(demo_path) as con:
        expected = con.execute("SELECT pp.plan_id, p.fiscal_year, count(*) FROM project_plans pp JOIN projects p ON "
                               "p.project_id = pp.project_id AND p.source = pp.source "
                               "WHERE p.fiscal_year IS NOT NULL GROUP BY pp.plan_id, p.fiscal_year").fetchall()
    points = calendar.points
    assert len(points) == len(expected) == len(calendar.scatter.data)
    got = {(r.plan_id, int(r.fiscal_year)): int(r.projects) for r in points.itertuples(index=False)}
    assert got == {(p, int(y), ): n for p, y, n in expected}
    colours = {b.color().name() for b in calendar.scatter.data["brush"]}
    assert colours <= {IN_PERIOD, OUT_OF_PERIOD}


def test_filters_and_clicking_a_row_shows_the_plan(calendar, demo_main_window, qtbot):
    calendar.set_filters(level="province")
    assert set(calendar.rows["level"]) == {"province"} and len(calendar.rows) == 8
    calendar.set_filters(kind="agenda")
    assert set(calendar.rows["kind"]) == {"agenda"}
    calendar.set_filters()
    y = float(list(calendar.rows["plan_id"]).index("AG-RID"))
    assert calendar.choose_row(y + 0.2) == "AG-RID"
    assert "AG-RID" in calendar.info_label.text() and "2567–2569" in calendar.info_label.text()
    panel = demo_main_window.plan_links
    qtbot.waitUntil(lambda: panel.plan_map is not None and panel.plan_map.plan_id == "AG-RID", timeout=30_000)


def test_calendar_rows_put_children_after_parents():
    import pandas as pd

    cal = pd.DataFrame({"plan_id": ["B", "A", "A1", "C"], "name": list("BAac"),
                        "level": ["province", "province", "province", "national"], "kind": "area", "agenda": None,
                        "period_start": [2560, 2566, 2567, 2561], "period_end": [2570, 2570, 2567, 2580],
                        "parent_id": [None, None, "A", None]})
    assert list(calendar_rows(cal)["plan_id"]) == ["C", "B", "A", "A1"]
