"""แผน › ตัวชี้วัดความจำเป็น: an imported need indicator as a choropleth beside the plans, need vs investment."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from ui.indicator_view import NEED_LAYER, NO_DATA_FILL
from ui.plan_links import PLAN_LAYER


@pytest.fixture
def need_window(demo_main_window, demo_path, qtbot, tmp_path):
    """The demo window after importing a TPMAP-like poor-people count per tambon through the import job."""
    window = demo_main_window
    with sqlite3.connect(demo_path) as con:
        codes = [r[0] for r in con.execute("SELECT code FROM tambon ORDER BY code")]
    need = pd.DataFrame({"รหัสตำบล": codes, "ชื่อตำบล": "-",
                         "คนจน (คน)": [(i * 37) % 200 + 1 for i in range(len(codes))],
                         "ประชากร 2566": [1000 + i for i in range(len(codes))]})
    path = tmp_path / "need.csv"
    need.to_csv(path, index=False)
    service = window.plan_index_service
    qtbot.waitUntil(lambda: service.ready, timeout=30_000)
    builds = service.builds
    job = window.workbench.start_import([path], "indicators")
    qtbot.waitUntil(lambda: not job.is_running(), timeout=30_000)
    qtbot.waitUntil(lambda: service.builds > builds and service.ready, timeout=30_000)
    window.need = need.set_index("รหัสตำบล")["คนจน (คน)"]
    window.action_indicator_view.trigger()
    return window


def show(qtbot, view, **choice) -> None:
    view.set_choice("คนจน", **choice)
    view.shown = None
    view.show_indicator()
    qtbot.waitUntil(lambda: view.shown is not None, timeout=30_000)


def test_indicator_choropleth_with_legend_and_need_vs_investment(need_window, demo_path, qtbot, artifacts):
    window = need_window
    view = window.indicator_view
    assert view.indicators() == ["คนจน", "ประชากร"]
    assert view.indicator_combo.itemText(0) == "คนจน (คน)"
    show(qtbot, view)
    layer = window.layers[NEED_LAYER]
    assert layer.group == "แผน" and len(layer.data) == 127
    shown = layer.data.set_index("code")["value"]
    assert (shown.sort_index() == window.need.sort_index().astype(float)).all()
    assert layer.style.kind == "graduated" and layer.style.ramp == "Purples"
    title = view.legend.title()
    assert title == "คนจน (คน)" and len(view.legend.entries()) == len(layer.style.breaks) + 1
    assert view.legend.entries()[-1] == ("ไม่มีข้อมูล", NO_DATA_FILL)
    # need beside investment: budget of the projects lying in each tambon, from the workspace file
    with sqlite3.connect(demo_path) as con:
        budget = pd.Series(dict(con.execute("SELECT tambon_code, sum(budget) FROM projects GROUP BY tambon_code")))
    frame = view.model.frame.set_index("code")
    assert np.allclose(frame["budget"].reindex(budget.index), budget)
    per = frame["budget"] / frame["value"]
    assert np.allclose(frame["budget_per_unit"], per)
    # the table lists the neediest first; the scatter has one point per area
    first = view.proxy.index(0, 0).data()
    assert first == window.need.idxmax()
    assert len(view.scatter.data) == 127
    window.layers["projects"].visible = False
    window.canvas.full_extent()
    window.canvas.settle()
    qtbot.wait(100)
    window.grab().save(str(artifacts / "plan_indicators.png"))


def test_budget_per_unit_measure_and_amphoe_sums(need_window, qtbot):
    view = need_window.indicator_view
    show(qtbot, view, measure="budget_per_unit")
    assert need_window.layers[NEED_LAYER].style.ramp == "RdYlGn"
    assert view.legend.title() == "งบประมาณต่อหน่วย (บาท ต่อ คน)"
    show(qtbot, view, level="amphoe", measure="value", how="sum")
    amphoe = need_window.layers[NEED_LAYER].data.set_index("code")["value"]
    expected = need_window.need.groupby(need_window.need.index.str[:4]).sum()
    assert len(amphoe) == 16 and (amphoe.sort_index() == expected.sort_index().astype(float)).all()


def test_toggle_between_need_and_plan_coverage(need_window, qtbot):
    window = need_window
    view = window.indicator_view
    assert not view.toggle_plan_layer()  # no plan shown yet: says so
    assert "ต้องมีทั้งชั้นตัวชี้วัดและชั้นพื้นที่ของแผน" in view.status_label.text()
    panel = window.plan_links
    panel.show_plan("AG-RID")
    qtbot.waitUntil(lambda: PLAN_LAYER in window.layers, timeout=30_000)
    show(qtbot, view)
    need, plan = window.layers[NEED_LAYER], window.layers[PLAN_LAYER]
    assert need.visible and not plan.visible  # one choropleth at a time
    assert view.toggle_plan_layer()
    assert plan.visible and not need.visible
    assert view.toggle_plan_layer()
    assert need.visible and not plan.visible
    view.clear()
    assert NEED_LAYER not in window.layers


def test_without_indicators_the_view_explains_how_to_import(demo_main_window, qtbot):
    window = demo_main_window
    qtbot.waitUntil(lambda: window.plan_index_service.ready, timeout=30_000)
    window.action_indicator_view.trigger()
    view = window.indicator_view
    assert view.indicators() == [] and not view.show_button.isEnabled()
    assert "ยังไม่มีตัวชี้วัด" in view.status_label.text() and view.import_button.isEnabled()
