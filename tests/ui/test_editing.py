"""Editing with undo/redo on a copy of the demo workspace: attributes, moving and adding points, deleting."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from pyproj import Transformer
from PySide6.QtCore import QPoint, Qt

from areaplan.values import ValueProblem
from areaplan.workspace import Workspace
from ui.editing import ProjectDialog, validate_value
from ui.main_window import DEMO_WORKSPACE

pytestmark = pytest.mark.skipif(not DEMO_WORKSPACE.exists(), reason="sample_data/demo_songkhla.gpkg not built")


@pytest.fixture
def window(demo_main_window):
    """The main window on a copy of the demo; refusals are recorded instead of shown in a box."""
    win = demo_main_window
    win.editing.show_messages = False
    win.refusals = []
    win.editing.refused.connect(win.refusals.append)
    win.canvas.settle()
    return win


def stored(path: Path, fid: int) -> dict | None:
    """A project row as stored in the file (opened again, independently of the window)."""
    with Workspace.open(path) as ws:
        frame = ws.read_layer("projects", where="fid = ?", params=(fid,))
    return None if frame.empty else frame.iloc[0].to_dict()


def in_memory(window, fid: int) -> dict:
    data = window.layers["projects"].data
    return data[data.fid == fid].iloc[0].to_dict()


def widget_point(window, lon: float, lat: float) -> QPoint:
    x, y = Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True).transform(lon, lat)
    return window.canvas.map_to_widget(x, y).toPoint()


def tambon_containing(window, lon: float, lat: float) -> str:
    """Independent point-in-polygon with shapely (not areaplan.locate)."""
    tambons = window.layers["tambon"].data
    hits = tambons[shapely.contains_xy(tambons.geometry.values, lon, lat)]
    assert len(hits) == 1
    return str(hits["code"].iloc[0])


def test_edit_budget_from_the_table_saves_and_undoes(window, demo_path):
    table = window.attribute_table
    assert table.isHidden() and table.model.layer is None  # loaded when first shown
    table.show()
    model = table.model
    row = int(model.row_of[0])  # fid 1
    index = table.proxy.mapFromSource(model.index(row, model.column_index("budget")))
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    assert index.data(Qt.ItemDataRole.EditRole) == "1370000"
    assert table.proxy.setData(index, "1.5 ล้าน")
    assert in_memory(window, 1)["budget"] == 1_500_000
    assert stored(demo_path, 1)["budget"] == 1_500_000
    assert model.index(row, model.column_index("budget")).data() == "1,500,000"
    assert window.action_undo.isEnabled()

    window.action_undo.trigger()
    assert in_memory(window, 1)["budget"] == 1_370_000
    assert stored(demo_path, 1)["budget"] == 1_370_000
    window.action_redo.trigger()
    assert stored(demo_path, 1)["budget"] == 1_500_000 == in_memory(window, 1)["budget"]
    assert not window.refusals


def test_undo_redo_shortcuts(window):
    assert window.action_undo.shortcut().toString() == "Ctrl+Z"
    assert [s.toString() for s in window.action_redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert window.action_undo in window.menu_edit.actions()


def test_invalid_year_is_refused_and_nothing_saved(window, demo_path):
    before = stored(demo_path, 2)
    assert not window.editing.edit_attribute("projects", 2, "fiscal_year", "ปีหน้า")
    assert len(window.refusals) == 1
    assert "ปีงบประมาณต้องเป็นปี 4 หลัก" in window.refusals[0]
    assert "expected a 4-digit year" in window.refusals[0]
    assert stored(demo_path, 2) == before
    assert window.undo_stack.count() == 0
    assert not window.editing.edit_attribute("projects", 2, "channel", "งบลับ")
    assert "channel must be one of" in window.refusals[-1]
    # a Thai label and a CE year are accepted and stored as code / BE
    assert window.editing.edit_attribute("projects", 2, "channel", "แผนชุมชน")
    assert window.editing.edit_attribute("projects", 2, "fiscal_year", "2026")
    row = stored(demo_path, 2)
    assert (row["channel"], row["fiscal_year"]) == ("community", 2569)


def test_validate_value_messages():
    assert validate_value("budget", "๑,๒๕๐,๐๐๐ บาท") == 1_250_000
    assert validate_value("status", "กำลังดำเนินการ") == "in_progress"
    with pytest.raises(ValueProblem, match=r"งบประมาณต้องเป็นตัวเลข.*expected a number"):
        validate_value("budget", "ไม่ทราบ")
    with pytest.raises(ValueProblem, match=r"ชื่อโครงการต้องไม่ว่าง \(title must not be empty\)"):
        validate_value("title", "  ")
    with pytest.raises(ValueProblem, match="cannot be edited"):
        validate_value("tambon_code", "900101")


def test_move_point_into_another_tambon(window, demo_path):
    data = window.layers["projects"].data
    point_rows = data[(data.geom_type == "Point") & data.tambon_code.notna()]
    fid = int(point_rows.fid.iloc[0])
    old = in_memory(window, fid)
    tambons = window.layers["tambon"].data
    target = tambons[tambons.code != old["tambon_code"]].iloc[0]
    spot = target.geometry.representative_point()
    assert window.editing.move_point(fid, spot.x, spot.y)
    expected = tambon_containing(window, spot.x, spot.y)
    row = stored(demo_path, fid)
    assert row["tambon_code"] == expected == in_memory(window, fid)["tambon_code"] != old["tambon_code"]
    assert (row["amphoe_code"], row["changwat_code"]) == (expected[:4], expected[:2])
    assert row["location_precision"] == "point"
    assert row["geometry"].equals_exact(shapely.Point(spot.x, spot.y), 1e-9)

    window.undo_stack.undo()
    row = stored(demo_path, fid)
    assert row["tambon_code"] == old["tambon_code"] == in_memory(window, fid)["tambon_code"]
    assert row["location_precision"] == old["location_precision"]
    assert row["geometry"].equals_exact(old["geometry"], 1e-9)
    window.undo_stack.redo()
    assert stored(demo_path, fid)["tambon_code"] == expected


def test_drag_a_point_with_the_move_tool(window, qtbot, demo_path):
    canvas = window.canvas
    window.action_move_point.trigger()
    assert canvas.tool.name == "move_point" and window.action_move_point.isChecked()
    data = window.layers["projects"].data
    fid0 = int(data.loc[data.geom_type == "Point", "fid"].iloc[0])
    geom = data.loc[data.fid == fid0, "geometry"].iloc[0]
    start = widget_point(window, geom.x, geom.y)
    x, y = Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True).transform(geom.x, geom.y)
    picked = canvas.tool.hit(x, y)  # the point the press picks (another may lie on the same pixel)
    assert picked is not None
    tambons = window.layers["tambon"].data
    spot = tambons.geometry.iloc[20].representative_point()
    end = widget_point(window, spot.x, spot.y)
    assert (end - start).manhattanLength() > 20
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, start + (end - start) * step / 10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    lon, lat = canvas.widget_to_lonlat(end.x(), end.y())
    moved = stored(demo_path, picked)
    assert moved["geometry"].distance(shapely.Point(lon, lat)) < 1e-3
    assert moved["tambon_code"] == tambon_containing(window, moved["geometry"].x, moved["geometry"].y)
    window.action_move_point.trigger()
    assert canvas.tool.name == "pan"


def test_add_a_project_by_clicking_the_map(window, qtbot, demo_path, monkeypatch):
    canvas = window.canvas
    asked = []

    def ask(lon, lat):
        asked.append((lon, lat))
        return {"project_id": "APP-1", "title": "ก่อสร้างฝายชะลอน้ำ บ้านควนลัง", "channel": "local",
                "fiscal_year": "2569", "budget": "2.5 ล้าน", "agenda": "water", "status": "proposed"}  # fmt: skip

    monkeypatch.setattr(window.editing, "ask_project_values", ask)
    window.action_add_project.trigger()
    assert canvas.tool.name == "add_project"
    tambons = window.layers["tambon"].data
    spot = tambons.geometry.iloc[5].representative_point()
    count = len(window.layers["projects"].data)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     widget_point(window, spot.x, spot.y))  # fmt: skip
    qtbot.waitUntil(lambda: len(window.layers["projects"].data) == count + 1)
    lon, lat = asked[0]
    assert abs(lon - spot.x) < 0.01 and abs(lat - spot.y) < 0.01
    fid = int(window.layers["projects"].data.fid.max())
    row = stored(demo_path, fid)
    assert row["project_id"] == "APP-1" and row["source"] == "app"
    assert (row["budget"], row["fiscal_year"], row["channel"]) == (2_500_000, 2569, "local")
    assert row["tambon_code"] == tambon_containing(window, lon, lat)
    assert row["location_precision"] == "point"
    assert window.selection.get("projects") == {fid}
    window.attribute_table.show()
    assert window.attribute_table.model.rowCount() == count + 1

    window.undo_stack.undo()
    assert stored(demo_path, fid) is None and len(window.layers["projects"].data) == count
    window.undo_stack.redo()
    assert stored(demo_path, fid)["project_id"] == "APP-1"  # the same fid again
    # project_id is unique within source "app"
    assert window.editing.add_project(spot.x, spot.y, ask(0, 0)) is None
    assert "APP-1" in window.refusals[-1] and "exists already" in window.refusals[-1]


def test_project_dialog_validates(window, qtbot):
    dialog = ProjectDialog(window, 100.47, 7.0, "901101", "APP-2569-0001")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("ซ่อมถนน")
    dialog.fiscal_year.setText("๒๕๖๙")
    dialog.budget.setText("ไม่ทราบ")
    with pytest.raises(ValueProblem, match="งบประมาณ"):
        dialog.values()
    dialog.accept()
    assert dialog.result_values is None and "งบประมาณ" in dialog.error_label.text()
    dialog.budget.setText("1,250,000")
    dialog.channel.setCurrentIndex(dialog.channel.findData("province"))
    values = dialog.values()
    assert values["fiscal_year"] == 2569 and values["budget"] == 1_250_000 and values["channel"] == "province"
    assert values["status"] == "proposed" and values["project_id"] == "APP-2569-0001"


def test_delete_and_undo_restores_the_same_row(window, demo_path):
    before = {fid: stored(demo_path, fid) for fid in (5, 6)}
    window.selection.set("projects", [5, 6])
    assert window.editing.delete_selected()
    assert stored(demo_path, 5) is None and stored(demo_path, 6) is None
    assert not window.layers["projects"].data.fid.isin([5, 6]).any()
    window.undo_stack.undo()
    for fid in (5, 6):
        row = stored(demo_path, fid)
        assert row["project_id"] == before[fid]["project_id"]
        assert row["budget"] == before[fid]["budget"] and row["extra"] == before[fid]["extra"]
        assert row["geometry"].equals_exact(before[fid]["geometry"], 1e-12)
    assert window.layers["projects"].data.fid.isin([5, 6]).sum() == 2
    assert isinstance(window.layers["projects"].data, gpd.GeoDataFrame)
