"""Map tools: identify, select (click/rectangle, Shift adds), measure, extent history, UTM status bar."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import CELL, COLS, ROWS, TAMBON_NAMES, tambon_box
from ui import main_window as main_window_module
from ui.map_canvas import ToolEvent
from ui.map_tools import IDENTIFY_PROVIDERS, RAI_M2, format_area, format_distance, lonlat_to_utm


def widget_point(window, lon: float, lat: float) -> QPoint:
    to_map = Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True)
    x, y = to_map.transform(lon, lat)
    return window.canvas.map_to_widget(x, y).toPoint()


def click(qtbot, window, pos: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    qtbot.wait(QApplication.doubleClickInterval() + 30)  # the next click is not a double click


def drag(qtbot, window, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = window.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, start + (end - start) * step / 10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


@pytest.fixture
def demo_window(main_window, tmp_path):
    """The main window on a copy of the demo workspace (tests never write to sample_data), all layers shown."""
    if not main_window_module.DEMO_WORKSPACE.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg is not built yet (areaplan demo --out ...)")
    copy = tmp_path / "demo.gpkg"
    shutil.copyfile(main_window_module.DEMO_WORKSPACE, copy)
    main_window.open_workspace(copy)
    for layer in main_window.layers:
        layer.visible = True
    main_window.canvas.settle()
    return main_window


def test_tool_actions_are_exclusive_and_follow_the_canvas(main_window):
    tools = main_window.map_tools
    assert main_window.canvas.tool.name == "pan" and tools.actions["pan"].isChecked()
    tools.actions["identify"].trigger()
    assert main_window.canvas.tool.name == "identify"
    assert [n for n, a in tools.actions.items() if a.isChecked()] == ["identify"]
    main_window.canvas.set_tool("measure_area")
    assert [n for n, a in tools.actions.items() if a.isChecked()] == ["measure_area"]
    assert tools.actions["select"] in main_window.menu_tools.actions()


def test_identify_click_lists_every_layer_under_the_cursor(main_window, qtbot):
    main_window.map_tools.actions["identify"].trigger()
    minx, miny, maxx, maxy = tambon_box(5)
    click(qtbot, main_window, widget_point(main_window, minx + 0.3 * CELL, miny + 0.3 * CELL))
    results = main_window.map_tools.last_identify
    assert [r.layer for r in results] == ["changwat", "amphoe", "tambon"]  # top layer first
    tambon = results[-1]
    assert tambon.name == TAMBON_NAMES[5]
    assert ("ชื่อ", TAMBON_NAMES[5]) in tambon.attributes
    assert tambon.extra[0][0] == "โครงการในตำบล" and tambon.extra[0][1].startswith("1 โครงการ")
    dock = main_window.map_tools.identify_dock
    assert dock.windowTitle() == "ข้อมูลตำแหน่งที่เลือก" and dock.isVisible()
    tree = main_window.map_tools.identify_tree
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())][-1] == TAMBON_NAMES[5]


def test_identify_a_project_shows_thai_field_names_and_labels(main_window):
    tools = main_window.map_tools
    minx, miny, maxx, maxy = tambon_box(0)
    to_map = Transformer.from_crs("EPSG:4326", main_window.layers.crs, always_xy=True)
    x, y = to_map.transform(maxx - 0.02, maxy - 0.02)  # the project point of tambon 0
    upp = main_window.canvas.units_per_pixel()
    results = tools.identify(x + 2 * upp, y, 5 * upp)  # two pixels off the point still hits it
    project = results[0]
    assert project.layer == "projects" and project.name.endswith(TAMBON_NAMES[0])
    attrs = dict(project.attributes)
    assert attrs["แหล่งงบประมาณ/ช่องทาง"] == "งบพัฒนาจังหวัด / แผนพัฒนาจังหวัด (province)"
    assert attrs["สถานะ"] == "เสนอ (proposed)"
    assert attrs["งบประมาณ (บาท)"] == "100,000.00"
    assert "fid" not in attrs and "content_hash" not in attrs


def test_identify_providers_extend_the_panel(main_window, monkeypatch):
    def plans(window, layer_name, row):
        return [("แผนที่ครอบคลุม", "แผนพัฒนาจังหวัด")] if layer_name == "tambon" else []

    monkeypatch.setattr("ui.map_tools.IDENTIFY_PROVIDERS", [*IDENTIFY_PROVIDERS, plans])
    minx, miny, _maxx, _maxy = tambon_box(0)
    to_map = Transformer.from_crs("EPSG:4326", main_window.layers.crs, always_xy=True)
    results = main_window.map_tools.identify(*to_map.transform(minx + 0.03, miny + 0.03))
    assert ("แผนที่ครอบคลุม", "แผนพัฒนาจังหวัด") in results[-1].extra


def test_identify_on_the_demo_lists_the_tambon_and_its_projects(demo_window, qtbot):
    layer = demo_window.layers["tambon"]
    row = layer.data[layer.data["name_th"] == "คอหงส์"].iloc[0]
    inside = shapely.point_on_surface(row.geometry)
    demo_window.canvas.zoom_to_bounds(*row.geometry.bounds)
    demo_window.canvas.settle()
    demo_window.map_tools.actions["identify"].trigger()
    click(qtbot, demo_window, widget_point(demo_window, inside.x, inside.y))
    results = demo_window.map_tools.last_identify
    tambons = [r for r in results if r.layer == "tambon"]
    assert [r.name for r in tambons] == ["คอหงส์"]
    projects = demo_window.layers["projects"].data
    mine = projects[projects["tambon_code"] == row["code"]]
    assert len(mine) > 0
    summary = dict(tambons[0].extra)["โครงการในตำบล"]
    assert summary == f"{len(mine):,} โครงการ งบประมาณรวม {mine['budget'].sum():,.2f} บาท"
    listed = {label for label, _value in tambons[0].extra[1:]}
    assert set(mine["project_id"].head(50)) <= listed


def test_select_by_rectangle_selects_the_projects_inside(main_window, qtbot):
    main_window.map_tools.actions["select"].trigger()
    # the four projects of the bottom row's first two tambons ... and the row above: a box over 2 x 2 tambons
    a = widget_point(main_window, 100.3 + 0.05, 6.9 + 0.05)
    b = widget_point(main_window, 100.3 + 2 * CELL - 0.005, 6.9 + 2 * CELL - 0.005)
    drag(qtbot, main_window, a, b)
    projects = main_window.layers["projects"].data
    expected = set(projects["fid"].iloc[[0, 1, 4, 5]])
    assert main_window.selection.get("projects") == expected
    assert main_window.selection.layers() == ["projects"]
    assert not main_window.canvas.rubber_band.isVisible()
    assert not main_window.map_tools.selection_overlay.is_empty()
    # Shift adds: one more project by clicking it
    minx, miny, maxx, maxy = tambon_box(11)
    click(qtbot, main_window, widget_point(main_window, maxx - 0.02, maxy - 0.02), Qt.KeyboardModifier.ShiftModifier)
    assert main_window.selection.get("projects") == expected | {int(projects["fid"].iloc[11])}
    # a click on nothing selectable clears the selection
    main_window.layers["tambon"].visible = False
    main_window.layers["amphoe"].visible = False
    main_window.layers["changwat"].visible = False
    click(qtbot, main_window, widget_point(main_window, 100.3 + 0.01, 6.9 + 0.01))
    assert main_window.selection.layers() == []
    assert main_window.map_tools.selection_overlay.is_empty()


def test_click_select_on_a_tambon_replaces_the_selection(main_window, qtbot):
    main_window.map_tools.actions["select"].trigger()
    main_window.selection.set("projects", [1])
    minx, miny, _maxx, _maxy = tambon_box(6)
    click(qtbot, main_window, widget_point(main_window, minx + 0.02, miny + 0.02))
    # the top-most visible layer under the point is the changwat outline layer
    assert main_window.selection.layers() == ["changwat"]
    main_window.layer_tree.setCurrentItem(main_window.layer_tree.layer_item("tambon"))
    click(qtbot, main_window, widget_point(main_window, minx + 0.02, miny + 0.02))
    tambon = main_window.layers["tambon"].data
    assert main_window.selection.layers() == ["tambon"]
    assert main_window.selection.get("tambon") == {int(tambon["fid"].iloc[6])}


def test_measure_a_one_kilometre_segment(main_window, qtbot):
    canvas = main_window.canvas
    main_window.map_tools.actions["measure_distance"].trigger()
    canvas.set_extent(660_000, 770_000, 664_000, 773_000)
    canvas.settle()
    upp = canvas.units_per_pixel()
    click(qtbot, main_window, canvas.map_to_widget(661_000, 771_000).toPoint())
    end = canvas.map_to_widget(662_000, 771_000).toPoint()
    qtbot.mouseMove(canvas.viewport(), end)
    qtbot.waitUntil(lambda: "ระยะทาง" in main_window.map_tools.measure_label.text())
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    tool = main_window.map_tools.distance_tool
    assert tool.value() == pytest.approx(1000.0, abs=2 * upp)
    text = main_window.map_tools.measure_label.text()
    value = float(re.search(r"ระยะทาง ([\d.,]+) (ม\.|กม\.)", text).group(1).replace(",", ""))
    assert value * (1000 if "กม." in text else 1) == pytest.approx(1000.0, abs=2 * upp)
    assert main_window.map_tools.map_label.isVisible()


def test_measure_area_in_square_metres_and_rai(main_window):
    tools = main_window.map_tools
    main_window.canvas.set_tool("measure_area")
    tool = tools.area_tool
    for x, y in ((0, 0), (400, 0), (400, 400), (0, 400)):
        tool.click(ToolEvent(x, y, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    tool.click(ToolEvent(0, 400, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier))
    assert tool.value() == pytest.approx(160_000.0)
    assert tools.measure_label.text() == "พื้นที่ 160,000 ตร.ม. = 0.160 ตร.กม. = 100.00 ไร่"
    assert RAI_M2 == 1600
    main_window.canvas.set_tool("pan")
    assert tools.measure_label.text() == "" and not tools.map_label.isVisible()


def test_formats():
    assert format_distance(999.94) == "999.9 ม."
    assert format_distance(12_345.6) == "12.346 กม."
    assert format_area(3_200.0).endswith("2.00 ไร่")


def test_previous_and_next_extent(main_window):
    canvas = main_window.canvas
    full = QRectF(canvas.view.viewRect())
    canvas.set_extent(660_000, 770_000, 670_000, 780_000)
    canvas.settle()
    first = QRectF(canvas.view.viewRect())
    canvas.zoom_at(first.center().x(), first.center().y(), 0.5)
    canvas.settle()
    second = QRectF(canvas.view.viewRect())
    prev, nxt = canvas.action_previous_extent, canvas.action_next_extent
    assert prev.isEnabled() and not nxt.isEnabled()
    assert prev.shortcut().toString() == "Alt+Left" and nxt.shortcut().toString() == "Alt+Right"
    prev.trigger()
    canvas.settle()
    assert canvas.view.viewRect().width() == pytest.approx(first.width(), rel=1e-6)
    prev.trigger()
    canvas.settle()
    assert canvas.view.viewRect().width() == pytest.approx(full.width(), rel=1e-6)
    assert not prev.isEnabled()
    nxt.trigger()
    nxt.trigger()
    canvas.settle()
    assert canvas.view.viewRect().center().x() == pytest.approx(second.center().x(), abs=1e-3)
    assert canvas.view.viewRect().width() == pytest.approx(second.width(), rel=1e-6)
    prev.trigger()
    canvas.settle()
    canvas.view.pan_by(500.0, 0.0)  # a new extent drops the "next" branch
    canvas.settle()
    assert not nxt.isEnabled()
    assert prev in main_window.menu_view.actions()


def test_zoom_box_tool(main_window, qtbot):
    canvas = main_window.canvas
    before = canvas.view.viewRect().width()
    main_window.map_tools.actions["zoom_box"].trigger()
    a = widget_point(main_window, 100.35, 6.95)
    b = widget_point(main_window, 100.45, 7.05)
    drag(qtbot, main_window, a, b)
    after = canvas.view.viewRect()
    assert after.width() < 0.5 * before
    to_map = Transformer.from_crs("EPSG:4326", main_window.layers.crs, always_xy=True)
    assert after.contains(QPointF(*to_map.transform(100.4, 7.0)))


def test_zoom_to_bounds_in_degrees(main_window):
    canvas = main_window.canvas
    canvas.zoom_to_bounds(*tambon_box(5))
    to_map = Transformer.from_crs("EPSG:4326", main_window.layers.crs, always_xy=True)
    minx, miny, maxx, maxy = to_map.transform_bounds(*tambon_box(5))
    view = canvas.view.viewRect()
    assert view.contains(QRectF(minx, miny, maxx - minx, maxy - miny))
    assert view.width() < 2 * (maxx - minx) * COLS / 2 and view.height() < (maxy - miny) * ROWS


def test_status_bar_shows_utm(main_window, qtbot):
    lon, lat = 100.45, 7.05
    qtbot.mouseMove(main_window.canvas.viewport(), widget_point(main_window, lon, lat))
    label = main_window.map_tools.utm_label
    qtbot.waitUntil(lambda: "UTM" in label.text())
    zone, e, n = lonlat_to_utm(lon, lat)
    found = re.search(r"UTM (\d+[NS])\s+E ([\d,]+)\s+N ([\d,]+)", label.text())
    assert found and found.group(1) == "47N" == zone
    assert float(found.group(2).replace(",", "")) == pytest.approx(e, abs=30)  # a pixel is ~60 m here
    assert float(found.group(3).replace(",", "")) == pytest.approx(n, abs=30)
    assert "มาตราส่วน 1:" in main_window.scale_label.text()


def test_selection_made_elsewhere_is_highlighted(main_window):
    overlay = main_window.map_tools.selection_overlay
    assert overlay.is_empty()
    main_window.selection.set("tambon", main_window.layers["tambon"].data["fid"].iloc[:3])
    assert not overlay.is_empty() and len(overlay._polys) == 3
    main_window.selection.clear()
    assert overlay.is_empty()
    assert np.isfinite(overlay.boundingRect().width())


def _yellow_pixels(window) -> int:
    from tests.ui.test_main_window import screenshot

    pixels = screenshot(window).astype(int)
    return int(((pixels[..., 0] > 230) & (pixels[..., 1] > 190) & (pixels[..., 2] < 60)).sum())


def test_selection_highlight_is_drawn(main_window):
    before = _yellow_pixels(main_window)
    main_window.selection.set("tambon", main_window.layers["tambon"].data["fid"].iloc[[5]])
    assert _yellow_pixels(main_window) > before + 200


def test_many_selected_points_are_drawn_in_one_call(main_window):
    from ui.overlays import MAX_RINGS, GeometryOverlay

    overlay = GeometryOverlay()
    main_window.canvas.add_overlay(overlay, 5e6)
    x0, y0, x1, y1 = main_window.canvas.extent()
    rng = np.random.default_rng(1)
    overlay.set_geometries(shapely.points(rng.uniform(x0, x1, MAX_RINGS + 500), rng.uniform(y0, y1, MAX_RINGS + 500)))
    assert _yellow_pixels(main_window) > 1000
    main_window.canvas.remove_overlay(overlay)
