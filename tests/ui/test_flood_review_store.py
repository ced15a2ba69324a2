"""The flood review shows the stored last result, warns when it is out of date, and replaces a hazard on request."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("rasterio")

from tests.ui.test_flood_review import HAZARD, review, run, write_depth_tif  # noqa: E402,F401


def test_replacing_the_hazard_asks_first_then_marks_the_result_out_of_date(qtbot, review, tmp_path, monkeypatch):
    import rasterio

    from areaplan.analyses.exposure_store import run_record
    from ui import flood_review

    panel, window = review, review.window_
    ws = window.workspace
    run(qtbot, panel)
    assert not panel.is_stale() and run_record(ws, HAZARD, "tambon") is not None
    logs = ws.count("import_log")

    # a shallower map of the same hazard: 0.7 m everywhere the old one had water
    new = write_depth_tif(tmp_path / "shallow.tif")
    with rasterio.open(new, "r+") as dst:
        data = dst.read(1)
        data[data > 0] = 0.7
        dst.write(data, 1)

    asked = []
    monkeypatch.setattr(flood_review, "confirm_replace", lambda _p, name: asked.append(name) or False)
    assert panel.add_hazard_file(new, name=HAZARD) is None
    assert asked == [HAZARD] and "not replaced" in panel.status_label.text()
    assert ws.count("import_log") == logs and not panel.is_stale()

    monkeypatch.setattr(flood_review, "confirm_replace", lambda _p, name: asked.append(name) or True)
    assert panel.add_hazard_file(new, name=HAZARD) is not None
    qtbot.waitUntil(lambda: panel.add_runner is None, timeout=60_000)
    assert panel.last_error is None, panel.last_error
    qtbot.waitUntil(lambda: panel.loader is None, timeout=60_000)  # the stored result's staleness is checked
    hazards = ws.read_table("hazards")
    assert (hazards["name"] == HAZARD).sum() == 1
    assert hazards.set_index("name").loc[HAZARD, "source"] == "shallow.tif"
    assert ws.count("import_log") == logs + 1, "the import is logged; earlier entries are kept"
    assert "replaced the previous hazard" in panel.status_label.text()
    assert panel.status_label.text().splitlines()[-1].startswith("ผลเมื่อ")
    assert HAZARD in window.layers and window.layers[HAZARD].source.endswith(
        hazards.set_index("name").loc[HAZARD, "table_name"]), "the map shows the new raster"

    # the stored (old) result is still shown, flagged out of date with a rerun button
    assert panel.hazard_combo.currentData() == HAZARD and panel.result is not None
    assert panel.is_stale() and panel.rerun_button.isVisibleTo(panel)
    assert "ชั้นข้อมูลภัยถูกแทนที่" in panel.stale_label.text() and "run again" in panel.stale_label.text()
    assert panel.result.areas["c4_share"].max() > 0.9
    from PySide6.QtCore import Qt

    from tests.ui.test_flood_review import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    window.resizeDocks([window.flood_dock], [560], Qt.Orientation.Horizontal)
    window.canvas.settle()
    assert window.grab().save(str(ARTIFACTS / "flood_review_stale.png"))
    panel.rerun_button.click()
    qtbot.waitUntil(lambda: panel.runner is None, timeout=120_000)
    assert not panel.is_stale()
    assert panel.result.areas["high_share"].max() == 0 and panel.result.areas["c2_share"].max() > 0.9


def test_level_switch_shows_the_stored_result_of_that_level(qtbot, review):
    panel = review
    panel.set_level("amphoe")
    run(qtbot, panel)
    amphoe_rows = panel.area_model.rowCount()
    panel.set_level("tambon")  # nothing stored for tambons yet: the table empties instead of mixing levels
    assert panel.result is None and panel.area_model.rowCount() == 0 and panel.map_layer() is None
    assert "no stored result" in panel.status_label.text()
    panel.set_level("amphoe")
    qtbot.waitUntil(lambda: panel.loader is None, timeout=60_000)
    assert panel.result is not None and panel.result.level == "amphoe" and panel.runner is None
    assert panel.area_model.rowCount() == amphoe_rows and panel.status_label.text().startswith("ผลเมื่อ")
    shares = panel.area_model.frame["high_share"].to_numpy(dtype=float)
    assert np.all(np.diff(shares) <= 1e-12)


def test_projects_edited_after_the_run_make_the_result_stale(qtbot, review, demo_path):
    panel, window = review, review.window_
    run(qtbot, panel)
    fid = int(window.workspace.read_table("projects").iloc[0]["fid"])
    window.workspace.update_row("projects", fid, {"budget": 123456.0})
    window.open_workspace(demo_path)
    qtbot.waitUntil(lambda: panel.loader is None, timeout=60_000)
    assert panel.result is not None and panel.is_stale()
    assert "ข้อมูลโครงการเปลี่ยนไป" in panel.stale_label.text()


def test_added_zones_appear_on_the_map_at_once(qtbot, review):
    from pathlib import Path

    panel, window = review, review.window_
    zones_file = Path(__file__).resolve().parents[2] / "sample_data" / "inputs" / "flood_frequency.gpkg"
    before = len(window.layers["hazard_zones"].data)
    assert panel.add_hazard_file(zones_file, name="พื้นที่น้ำท่วมซ้ำ ปภ.") is not None
    qtbot.waitUntil(lambda: panel.add_runner is None, timeout=60_000)
    assert panel.last_error is None, panel.last_error
    shown = window.layers["hazard_zones"].data
    assert len(shown) == before + 216, "the new zones are drawn without reopening the workspace"
    assert (shown["hazard"] == "พื้นที่น้ำท่วมซ้ำ ปภ.").sum() == 216
    assert panel.hazard_combo.currentData() == "พื้นที่น้ำท่วมซ้ำ ปภ."
