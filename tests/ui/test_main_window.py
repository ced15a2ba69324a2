"""The main window on a small workspace: screenshot, layer tree, visibility, status bar, navigation."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from pyproj import Transformer
from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

import areaplan
from layers.model import CHANNEL_COLOURS
from layers.render import qcolor
from tests.ui.conftest import CELL, CHANNELS, COLS, ROWS, WS_TITLE, tambon_box
from ui import main_window as main_window_module
from ui.map_canvas import BACKGROUND

GROUP_NAMES = ["ขอบเขตการปกครอง", "โครงการ", "พื้นที่เสี่ยงภัย", "แผน"]


def rgb_array(image: QImage) -> np.ndarray:
    """(h, w, 3) uint8 RGB pixels of a QImage."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, bpl = image.height(), image.width(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), dtype=np.uint8, count=h * bpl).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def screenshot(window, artifacts: Path | None = None, name: str = "") -> np.ndarray:
    """Grab the whole window (saved under tests/_artifacts when asked) and return the canvas pixels."""
    image = window.grab().toImage()
    if artifacts is not None:
        image.save(str(artifacts / name))
    canvas = window.canvas
    rect = QRect(canvas.mapTo(window, QPoint(0, 0)), canvas.size())
    return rgb_array(image.copy(rect))


def widget_pos(window, lon: float, lat: float) -> QPointF:
    """Canvas widget pixel position of a lon/lat."""
    to_map = Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True)
    x, y = to_map.transform(lon, lat)
    canvas = window.canvas
    return QPointF(canvas.mapFromScene(canvas.view.mapViewToScene(QPointF(x, y))))


def tambon_samples(window) -> list[tuple[int, int]]:
    """A pixel inside each tambon, away from its label (centre) and project (north-east corner)."""
    out = []
    for i in range(COLS * ROWS):
        minx, miny, _maxx, _maxy = tambon_box(i)
        p = widget_pos(window, minx + 0.2 * CELL, miny + 0.2 * CELL)
        out.append((round(p.y()), round(p.x())))
    return out


def colours_at(pixels: np.ndarray, points: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    return [tuple(int(v) for v in pixels[r, c]) for r, c in points]


def background_rgb() -> tuple[int, int, int]:
    c = qcolor(BACKGROUND)
    return (c.red(), c.green(), c.blue())


def test_screenshot_is_a_coloured_map(main_window, artifacts):
    pixels = screenshot(main_window, artifacts, "main_window.png")
    samples = colours_at(pixels, tambon_samples(main_window))
    assert background_rgb() not in samples
    assert len(set(samples)) >= 4, samples  # tambons are coloured by amphoe with a categorised style
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50  # fills, strokes, symbols, antialiased text


def test_labels_and_projects_are_drawn(main_window):
    pixels = screenshot(main_window)
    minx, miny, maxx, maxy = tambon_box(5)
    centre = widget_pos(main_window, (minx + maxx) / 2, (miny + maxy) / 2)
    r, c = round(centre.y()), round(centre.x())
    box = pixels[r - 6 : r + 7, c - 25 : c + 26].astype(int)
    dark = (box.sum(axis=2) < 380).sum()  # the label text is #333333 on a white halo, fills are pastel
    assert dark > 40
    corner = widget_pos(main_window, maxx - 0.02, maxy - 0.02)  # the project point, coloured by channel
    expected = qcolor(CHANNEL_COLOURS[CHANNELS[5 % len(CHANNELS)]])
    colour = pixels[round(corner.y()), round(corner.x())].astype(int)
    assert np.abs(colour - [expected.red(), expected.green(), expected.blue()]).max() <= 3, colour


def test_window_title_is_the_workspace_title(main_window):
    assert main_window.windowTitle() == WS_TITLE


def test_layer_tree_lists_the_thai_groups(main_window):
    tree = main_window.layer_tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == GROUP_NAMES
    boundaries = tree.topLevelItem(0)
    assert [boundaries.child(i).text(0) for i in range(boundaries.childCount())] == ["จังหวัด", "อำเภอ", "ตำบล"]
    assert tree.layer_item("projects").parent().text(0) == "โครงการ"
    assert tree.layer_item("hazard_zones").parent().text(0) == "พื้นที่เสี่ยงภัย"


def test_unchecking_a_layer_hides_it(main_window, artifacts):
    points = tambon_samples(main_window)
    before = screenshot(main_window)
    item = main_window.layer_tree.layer_item("tambon")
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert main_window.layers["tambon"].visible is False  # the tree changed the model ...
    assert not main_window.canvas.layer_item("tambon").isVisible()  # ... and the canvas followed it
    hidden = screenshot(main_window, artifacts, "main_window_tambon_hidden.png")
    assert (np.abs(hidden.astype(int) - before.astype(int)).sum(axis=2) > 30).sum() > 10_000
    assert set(colours_at(hidden, points)) == {background_rgb()}  # amphoe and changwat are outlines only
    item.setCheckState(0, Qt.CheckState.Checked)
    again = screenshot(main_window)
    assert colours_at(again, points) == colours_at(before, points)


def test_model_visibility_updates_the_tree(main_window):
    main_window.layers["projects"].visible = False
    assert main_window.layer_tree.layer_item("projects").checkState(0) == Qt.CheckState.Unchecked
    main_window.layers["projects"].visible = True
    assert main_window.layer_tree.layer_item("projects").checkState(0) == Qt.CheckState.Checked


def test_status_bar_shows_lat_lon_of_the_cursor(main_window, qtbot):
    lon, lat = 100.45, 7.05
    pos = widget_pos(main_window, lon, lat).toPoint()
    # an earlier test may have left the cursor exactly there, and Qt sends no move for no movement
    qtbot.mouseMove(main_window.canvas.viewport(), pos + QPoint(7, 7))
    qtbot.mouseMove(main_window.canvas.viewport(), pos)
    qtbot.waitUntil(lambda: "ละติจูด" in main_window.coordinate_label.text())

    def shows_target() -> bool:
        m = re.search(r"ละติจูด ([\d.]+)°", main_window.coordinate_label.text())
        return bool(m) and abs(float(m.group(1)) - lat) < 0.005

    qtbot.waitUntil(shows_target)
    text = main_window.coordinate_label.text()
    found = re.search(r"ละติจูด ([\d.]+)°\s+ลองจิจูด ([\d.]+)°", text)
    assert found, text
    assert float(found.group(1)) == pytest.approx(lat, abs=0.005)
    assert float(found.group(2)) == pytest.approx(lon, abs=0.005)


def test_status_bar_shows_the_scale(main_window):
    found = re.search(r"มาตราส่วน 1:([\d,]+)", main_window.scale_label.text())
    assert found, main_window.scale_label.text()
    assert int(found.group(1).replace(",", "")) == pytest.approx(main_window.canvas.scale_denominator(), rel=0.01)


def test_drag_pan_keeps_the_scale(main_window, qtbot):
    canvas = main_window.canvas
    before = canvas.view.viewRect()
    upp = before.width() / canvas.view.width()
    viewport = canvas.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() // 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(viewport, start + QPoint(12 * step, 5 * step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 50))
    after = canvas.view.viewRect()
    assert after.width() == pytest.approx(before.width(), rel=1e-9)
    assert after.height() == pytest.approx(before.height(), rel=1e-9)
    assert before.center().x() - after.center().x() == pytest.approx(120 * upp, rel=0.1)  # map follows the mouse
    assert after.center().y() - before.center().y() == pytest.approx(50 * upp, rel=0.1)


def test_repeated_pans_keep_the_scale(main_window):
    view = main_window.canvas.view
    width = view.viewRect().width()
    for _ in range(50):
        view.pan_by(137.0, -59.0)
    assert view.viewRect().width() == pytest.approx(width, rel=1e-9)


def test_wheel_zooms_and_full_extent_restores(main_window):
    canvas = main_window.canvas
    full = canvas.view.viewRect()
    viewport = canvas.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(
        centre, canvas.mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)
    assert canvas.view.viewRect().width() < 0.9 * full.width()
    main_window.action_full_extent.trigger()
    assert canvas.view.viewRect().width() == pytest.approx(full.width(), rel=1e-6)


def test_moving_view_reuses_the_cached_pixmap(main_window):
    canvas = main_window.canvas
    item = canvas.layer_item("tambon")
    screenshot(main_window)
    rendered = item.render_count
    canvas.view.pan_by(2000.0, 0.0)
    assert canvas.moving
    screenshot(main_window)
    screenshot(main_window)
    assert item.render_count == rendered  # while moving, the old pixmap is drawn shifted
    canvas.settle()
    screenshot(main_window)
    screenshot(main_window)
    assert item.render_count == rendered + 1  # rendered once when the view settled, then blitted


def test_style_change_redraws_the_layer(main_window):
    layer = main_window.layers["tambon"]
    points = tambon_samples(main_window)
    layer.style = layer.style.with_changes(category_field=None, fill="#0000ff")
    pixels = screenshot(main_window)
    assert set(colours_at(pixels, points)) == {(0, 0, 255)}


def test_about_names_the_version(main_window):
    assert areaplan.__version__ in main_window.about_text()


def test_open_demo_builds_the_working_copy_when_nothing_is_shipped(main_window, monkeypatch, tmp_path):
    from areaplan.demo import working_copy

    monkeypatch.setenv("AREAPLAN_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(working_copy, "BUNDLED_DEMO", tmp_path / "missing.gpkg")
    assert main_window.open_demo() is True
    assert main_window.workspace.path == tmp_path / "demo_songkhla.gpkg"
    assert main_window.layers is not None and "tambon" in main_window.layers


def test_open_demo_opens_a_working_copy_not_the_shipped_file(main_window, monkeypatch, tmp_path):
    if not main_window_module.DEMO_WORKSPACE.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg is not built yet")
    monkeypatch.setenv("AREAPLAN_DATA_DIR", str(tmp_path))
    assert main_window.open_demo() is True
    assert "tambon" in main_window.layers
    assert main_window.workspace.path == tmp_path / "demo_songkhla.gpkg"


def test_app_main_opens_the_workspace(qapp, map_source):
    if not isinstance(map_source, Path):
        pytest.skip("needs areaplan.workspace")
    from ui.app import main
    from ui.main_window import MainWindow

    seen = {}

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["titles"] = [w.windowTitle() for w in windows]
        seen["font"] = QApplication.font().family()
        for window in windows:
            window.close()
        QApplication.quit()

    QTimer.singleShot(0, look_and_quit)
    assert main([], workspace=map_source) == 0
    assert WS_TITLE in seen["titles"]
    assert seen["font"] == "Sarabun"


def test_opening_another_workspace_replaces_the_first(main_window):
    from tests.ui.conftest import FrameWorkspace, layer_frames

    old_layers = main_window.layers
    frames = layer_frames()
    main_window.set_workspace(FrameWorkspace({"tambon": frames["tambon"]}, "อีกพื้นที่หนึ่ง"))
    assert main_window.windowTitle() == "อีกพื้นที่หนึ่ง"
    assert main_window.layers.names() == ["tambon"]
    assert main_window.layer_tree.group_item("โครงการ").childCount() == 0
    old_layers["tambon"].visible = False  # the old models are disconnected from every view
    assert main_window.layer_tree.layer_item("tambon").checkState(0) == Qt.CheckState.Checked
    assert main_window.canvas.layer_item("tambon").isVisible()
    pixels = screenshot(main_window)
    assert background_rgb() not in colours_at(pixels, tambon_samples(main_window))
