"""The flood-risk review dock on a copy of the demo workspace with a committee's depth GeoTIFF added."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pytestqt")
rasterio = pytest.importorskip("rasterio")

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"
HAZARD = "committee_depth"
#: lon/lat box of the deep (2.5 m, class สูงมาก) block: the Hat Yai basin of the demo.
DEEP = (100.35, 6.85, 100.60, 7.10)


def write_depth_tif(path: Path) -> Path:
    """A 200 m depth raster in UTM 47N over the demo province: 2.5 m in DEEP, 0.7 m in a band, nodata elsewhere."""
    from pyproj import Transformer
    from rasterio.transform import from_origin

    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32647", always_xy=True)
    x0, y0 = to_utm.transform(100.0, 8.0)
    x1, y1 = to_utm.transform(101.2, 6.2)
    res = 200.0
    width, height = int((x1 - x0) / res), int((y0 - y1) / res)
    transform = from_origin(x0, y0, res, res)
    xs = transform.c + (np.arange(width) + 0.5) * res
    ys = transform.f - (np.arange(height) + 0.5) * res
    xs, ys = np.meshgrid(xs, ys)
    lon, lat = Transformer.from_crs("EPSG:32647", "EPSG:4326", always_xy=True).transform(xs, ys)
    depth = np.full((height, width), -9999.0, dtype="float32")
    depth[(lat > 7.2) & (lat < 7.4)] = 0.7  # a medium band in the north
    deep = (lon > DEEP[0]) & (lon < DEEP[2]) & (lat > DEEP[1]) & (lat < DEEP[3])
    depth[deep] = 2.5
    with rasterio.open(path, "w", driver="GTiff", width=width, height=height, count=1, dtype="float32",
                       crs="EPSG:32647", transform=transform, nodata=-9999.0) as dst:
        dst.write(depth, 1)
    return path


@pytest.fixture
def review(qtbot, demo_main_window, tmp_path):
    """The dock opened from Tools on the demo copy after the committee added its depth GeoTIFF."""
    from areaplan.importers.pipeline import import_file

    window = demo_main_window
    tif = write_depth_tif(tmp_path / "depth.tif")
    import_file(window.workspace, tif, "hazard", hazard_name=HAZARD, raster_kind="depth")
    window.action_flood_review.trigger()
    panel = window.flood_review
    assert window.flood_dock.isVisible()
    assert panel.set_hazard(HAZARD), "the added GeoTIFF is offered in the hazard list"
    panel.set_level("tambon")
    return panel


def run(qtbot, panel) -> None:
    runner = panel.run_analysis()
    assert runner is not None
    qtbot.waitUntil(lambda: panel.runner is None, timeout=120_000)
    assert panel.last_error is None, panel.last_error
    assert panel.result is not None


def test_committee_sees_ranked_tambons_deep_projects_gaps_and_exports(qtbot, review, tmp_path):
    panel, window = review, review.window_
    run(qtbot, panel)
    assert panel.result.hazard == HAZARD
    assert panel.progress_bar.value() == 1000

    # tambons ranked by exposure: the table's first rows are the ones inside the deep block
    model = panel.area_model
    assert model.rowCount() == 127
    shares = pd.to_numeric(model.frame["high_share"]).to_numpy()
    assert np.all(np.diff(shares) <= 1e-12), "ranked by high-risk share, largest first"
    assert shares[0] > 0.9
    top = model.frame.iloc[0]
    assert model.data(model.index(0, 0)) == top["name_th"]

    # the choropleth: a temporary layer graduated by high-risk share, toggled to the bivariate gap map
    layer = panel.map_layer()
    assert layer is not None and layer.visible
    assert layer.style.kind == "graduated" and layer.style.graduated_field == "high_map"
    assert panel.legend.entries()[0][1] == "#f4f4f4"
    panel.set_map_mode("bivariate")
    assert layer.style.kind == "categorised" and layer.style.category_field == "bivariate_class"
    assert len(panel.legend.entries()) == 9
    panel.set_map_mode("share")

    # projects in deep water: every listed one is a flagged construction project in class 3-4
    flagged = panel.flagged_model.frame
    assert len(flagged) > 0
    assert flagged["flagged"].all() and (flagged["max_class"] >= 3).all()
    assert "⚠" in panel.flagged_model.data(panel.flagged_model.index(0, 0))
    assert f"({len(flagged)})" in panel.tabs.tabText(1)

    # gaps: the high-risk/little-investment filter shows exactly the gap list
    hi = panel.gaps.high_risk_low_investment
    assert f"{len(hi)} แห่ง" in panel.gap_label.text()
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findData("high_risk_low_investment"))
    assert set(panel.area_model.frame["code"]) == set(hi["code"].astype(str))
    panel.filter_combo.setCurrentIndex(0)

    # clicking a row zooms the map to the tambon and selects it
    before = window.canvas.zoom_to_bounds
    zoomed = []
    window.canvas.zoom_to_bounds = lambda *a, **k: (zoomed.append(a), before(*a, **k))[1]
    panel.area_view.setCurrentIndex(panel.area_proxy.index(0, 0))
    assert panel.current_code == str(top["code"])
    assert zoomed, "the map zoomed to the area"
    fid = window.layers["tambon"].data.set_index("code").loc[top["code"], "fid"]
    assert window.selection.get("tambon") == frozenset({int(fid)})
    assert str(top["name_th"]) in panel.area_title.text()
    projects = panel.project_model.frame
    assert len(projects) == int(top["projects"]) and len(projects) > 0
    assert set(projects["tambon_key"].astype(str)) == {str(top["code"])}
    assert panel.plan_label.text()  # plans touching it (possibly none)

    # provenance lines in the dock
    text = panel.provenance_label.text()
    assert HAZARD in text and "depth.tif" in text and "EPSG:32647" in text and "AreaPlan" in text

    # export the table to XLSX
    out = tmp_path / "flood.xlsx"
    assert panel.export_xlsx(out) is not None
    qtbot.waitUntil(lambda: panel.last_export is not None, timeout=60_000)
    sheets = pd.read_excel(out, sheet_name=None)
    areas = sheets["พื้นที่"]
    assert len(areas) == 127
    assert str(areas.iloc[0, 0]) == str(top["code"])
    assert len(sheets["งานก่อสร้างเสี่ยง"]) == len(flagged)
    assert len(sheets["เสี่ยงสูงลงทุนน้อย"]) == len(hi)
    assert "ที่มา" in sheets

    ARTIFACTS.mkdir(exist_ok=True)
    from PySide6.QtCore import Qt

    names = window.layers.names()
    assert names.index("flood_review") == names.index("projects") - 1, "drawn over the hazards, under the projects"
    window.resizeDocks([window.flood_dock], [560], Qt.Orientation.Horizontal)
    panel.tabs.setCurrentIndex(0)
    window.canvas.settle()
    assert window.grab().save(str(ARTIFACTS / "flood_review.png"))


def test_chart_click_selects_the_area(qtbot, review):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    panel = review
    run(qtbot, panel)
    panel.tabs.setCurrentWidget(panel.budget_chart)
    chart = panel.budget_chart
    qtbot.waitUntil(lambda: chart.plot.isVisible())
    # the point with the largest budget stands alone at the top of the chart
    code = chart.codes[int(np.argmax(chart.xy[:, 1]))]
    pos = chart.view_point(code)
    QTest.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos.toPoint())
    qtbot.waitUntil(lambda: panel.current_code == code, timeout=5000)
    row = panel.area_proxy.mapToSource(panel.area_view.currentIndex()).row()
    assert str(panel.area_model.record(row)["code"]) == code
    assert len(chart.marker.data) == 1
    # the stacked chart has one bar per amphoe (tambons grouped by their amphoe), classes stacked
    table = panel.class_chart.table
    assert len(table) == panel.table["parent_code"].nunique()
    total = table[[f"c{k}_km2" for k in (1, 2, 3, 4)]].to_numpy().sum()
    assert total == pytest.approx(pd.to_numeric(panel.result.areas["flooded_km2"]).sum(), rel=1e-9)
    assert 4 in panel.class_chart.bars and 2 in panel.class_chart.bars


def test_note_and_last_result_shown_after_reopening(qtbot, review, demo_path):
    from areaplan.analyses.area_notes import note_for

    panel, window = review, review.window_
    run(qtbot, panel)
    ranked = panel.area_model.frame["code"].astype(str).tolist()
    created = panel.result.provenance.created_at
    code = ranked[0]
    assert panel.select_area(code)
    assert panel.note_save.isEnabled()
    panel.note_edit.setPlainText("เสนอขุดลอกคลองก่อนฤดูฝน")
    panel.note_status.setCurrentIndex(panel.note_status.findData("proposed"))
    assert panel.save_note()
    assert panel.table.set_index("code").loc[code, "note"] == "เสนอขุดลอกคลองก่อนฤดูฝน"

    window.open_workspace(demo_path)  # reopen: the last review is read back from the workspace at once
    assert panel.loader is not None, "the stored result is read on a worker thread"
    qtbot.waitUntil(lambda: panel.loader is None, timeout=60_000)
    assert note_for(window.workspace, "tambon", code)["note"] == "เสนอขุดลอกคลองก่อนฤดูฝน"
    assert panel.runner is None, "nothing is recomputed"
    assert panel.result is not None and panel.result.provenance.created_at == created
    assert panel.status_label.text().startswith("ผลเมื่อ ") and "(results of " in panel.status_label.text()
    assert " 25" in panel.status_label.text().splitlines()[0], "a Buddhist Era date"
    assert not panel.is_stale() and not panel.rerun_button.isVisible()
    assert panel.area_model.frame["code"].astype(str).tolist() == ranked
    assert panel.map_layer() is not None and panel.export_button.isEnabled()
    assert HAZARD in panel.provenance_label.text() and "depth.tif" in panel.provenance_label.text()
    panel.select_area(code)
    assert len(panel.project_model.frame) > 0
    assert panel.note_edit.toPlainText() == "เสนอขุดลอกคลองก่อนฤดูฝน"
    assert panel.note_status.currentData() == "proposed"
    assert panel.note_info.text().startswith("บันทึกเมื่อ")


def slow_engine(monkeypatch, delay: float = 0.05) -> None:
    """Make the real exposure engine slow: every progress report of fx.run waits a little (cancel still works)."""
    import time

    from areaplan.analyses import flood_exposure as fx

    real = fx.run

    def slow(inputs, *, progress=None, cancelled=None):
        def tick(fraction, message=""):
            time.sleep(delay)
            if progress is not None:
                progress(fraction, message)

        return real(inputs, progress=tick, cancelled=cancelled)

    monkeypatch.setattr(fx, "run", slow)


def test_cancel_a_long_run_keeps_the_previous_result(qtbot, review, monkeypatch):
    from PySide6.QtCore import Qt

    from areaplan.analyses.exposure_store import run_record
    from areaplan.errors import Cancelled

    panel = review
    panel.set_level("amphoe")
    run(qtbot, panel)
    previous, rows = panel.result, panel.area_model.frame["code"].astype(str).tolist()
    layer = panel.map_layer()
    stored = run_record(panel.window_.workspace, HAZARD, "amphoe")["created_at"]

    slow_engine(monkeypatch, delay=0.2)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.runner is not None and panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: panel.progress_bar.value() > 0, timeout=60_000)  # the engine is under way
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.runner is None, timeout=60_000)

    assert isinstance(panel.last_error, Cancelled)
    status = panel.status_label.text()
    assert "ยกเลิก" in status and "cancelled" in status and "previous result is still shown" in status
    assert panel.result is previous, "no partial result replaces the shown one"
    assert panel.area_model.frame["code"].astype(str).tolist() == rows
    assert panel.map_layer() is layer and layer.visible
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert panel.thresholds_button.isEnabled() and panel.progress_bar.value() == 0
    assert run_record(panel.window_.workspace, HAZARD, "amphoe")["created_at"] == stored, "nothing stored"


def test_amphoe_level(qtbot, review):
    panel = review
    panel.set_level("amphoe")
    run(qtbot, panel)
    assert panel.result.level == "amphoe"
    assert panel.area_model.rowCount() == len(panel.window_.layers["amphoe"].data)
