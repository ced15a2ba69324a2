"""The demo's flood-depth raster in the main window, and an offline basemap added from the Layer menu."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from layers.basemap import BasemapLayer
from layers.model import GROUP_HAZARDS
from layers.raster import RasterLayer
from tests.layers.test_basemap import make_xyz

#: Neighbourhood radius (raster pixels) of test points: the demo's 8x overview averaged -9999 into wet edges.
R = 4


@pytest.fixture
def demo_window(qtbot, tmp_path):
    import shutil

    from ui.app import create_application
    from ui.main_window import DEMO_WORKSPACE, MainWindow

    if not DEMO_WORKSPACE.exists():
        pytest.skip("demo workspace missing")
    demo = tmp_path / "demo.gpkg"  # a copy: the window saves layer settings into what it opens
    shutil.copyfile(DEMO_WORKSPACE, demo)
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_workspace(demo)
    window.canvas.settle()
    yield window
    window.close()


def canvas_rgb(window) -> np.ndarray:
    window.canvas.settle()
    image = window.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    h, w, bpl = image.height(), image.width(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * bpl).reshape(h, bpl)
    return data[:, : w * 3].reshape(h, w, 3).astype(int)


def widget_pixel(window, x: float, y: float) -> tuple[int, int]:
    """The canvas widget pixel (col, row) showing map point (x, y); scaled for a high-dpi grab."""
    canvas = window.canvas
    point = canvas.mapFromScene(canvas.view.mapViewToScene(QPointF(x, y)))
    dpr = canvas.devicePixelRatioF()
    return round(point.x() * dpr), round(point.y() * dpr)


def test_demo_lists_the_raster_under_hazards_and_draws_blue_flood(demo_window):
    window = demo_window
    layer = window.layers["flood_depth"]
    assert isinstance(layer, RasterLayer)
    names = window.layers.names()
    assert names.index("tambon") < names.index("flood_depth") < names.index("projects")
    group = window.layer_tree.group_item(GROUP_HAZARDS)
    titles = [group.child(i).text(0) for i in range(group.childCount())]
    assert "ความลึกน้ำท่วม (ม.)" in titles
    item = window.canvas.layer_item("flood_depth")
    assert item.render_count >= 1

    # deep (>= 1 m) and nodata pixels well inside blocks of their kind (the demo's overviews average nodata
    # into the edges of wet areas, see R), from the raster itself
    with rasterio.open(layer.source) as src:
        values = src.read(1)
        t = src.transform

    def cores(mask: np.ndarray, k: int = R) -> tuple[np.ndarray, np.ndarray]:
        """Map points of 80 pixels whose (2k+1)^2 neighbourhood is all in the mask."""
        core = mask[k:-k, k:-k].copy()
        for dr in range(-k, k + 1):
            for dc in range(-k, k + 1):
                core &= mask[k + dr : mask.shape[0] - k + dr, k + dc : mask.shape[1] - k + dc]
        rows, cols = np.nonzero(core)
        pick = np.linspace(0, len(rows) - 1, 80).astype(int)
        return t.c + (cols[pick] + k + 0.5) * t.a, t.f + (rows[pick] + k + 0.5) * t.e

    deep, dry = cores(values >= 1.0), cores(values == -9999.0)  # the demo stores dry ground as nodata
    for other in window.layers:  # the raster alone over the canvas background (no outlines or labels on top)
        other.visible = other is layer
    shown = canvas_rgb(window)
    layer.visible = False
    hidden = canvas_rgb(window)
    px = np.array([widget_pixel(window, x, y) for x, y in zip(*deep)])
    r, g, b = shown[px[:, 1], px[:, 0]].T
    blue = (b > r + 60) & (b > g + 20)
    assert blue.mean() > 0.95, f"only {blue.mean():.0%} of deep-flood pixels are blue"
    changed = (shown[px[:, 1], px[:, 0]] != hidden[px[:, 1], px[:, 0]]).any(axis=1)
    assert changed.mean() > 0.95
    px = np.array([widget_pixel(window, x, y) for x, y in zip(*dry)])
    same = (shown[px[:, 1], px[:, 0]] == hidden[px[:, 1], px[:, 0]]).all(axis=1)
    assert same.all(), "nodata must stay transparent"
    # toggling the layer back re-uses the renderer's cached image for the same view (no new read)
    reads = item.renderer.read_count
    layer.visible = True
    canvas_rgb(window)
    assert item.renderer.read_count == reads
    assert np.array_equal(canvas_rgb(window), shown)


def test_rasters_are_added_once_and_closed_with_the_workspace(demo_window):
    window = demo_window
    window.workspaceChanged.emit()  # another feature re-announcing the same workspace adds nothing
    assert window.layers.names().count("flood_depth") == 1
    layer = window.layers["flood_depth"]
    window.close_workspace()
    assert layer._dataset is None


def test_add_basemap_puts_it_at_the_bottom(demo_window, tmp_path):
    window = demo_window
    action = window.raster_view.action_add_basemap
    assert action.text() == "เพิ่มแผนที่ฐาน (MBTiles/โฟลเดอร์ XYZ)…"
    assert action in window.menu_layer.actions()
    extent = window.layers.extent()
    layer = window.raster_view.add_basemap(make_xyz(tmp_path / "tiles"))
    assert isinstance(layer, BasemapLayer)
    assert window.layers.names()[0] == "basemap"
    assert window.layers.extent() == extent
    assert window.canvas.layer_item("basemap").zValue() < window.canvas.layer_item("tambon").zValue()
    window.layer_tree.layer_item("basemap")  # listed
    window.canvas.settle()
    window.canvas.grab()
    assert window.canvas.layer_item("basemap").renderer.last_tiles[1] > 0
    second = window.raster_view.add_basemap(make_xyz(tmp_path / "tiles2"))
    assert second.name == "basemap_2"


def test_xyz_root_from_a_tile(tmp_path):
    from ui.raster_view import xyz_root

    root = make_xyz(tmp_path / "tiles")
    tile = next(root.glob("*/*/*.png"))
    assert xyz_root(tile) == root
