"""The layer panel on the main window: groups, visibility, reorder, opacity, zoom to layer, remove, menus."""

from __future__ import annotations

import numpy as np
import pytest
from psygnal import Signal, SignalGroup
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from layers.model import GROUP_HAZARDS, LayerList
from layers.render import qcolor
from tests.ui.conftest import tambon_box
from tests.ui.test_main_window import GROUP_NAMES, background_rgb, screenshot, widget_pos
from ui.layer_panel import LayerPanel, LayerPanelTree
from ui.style_editor import StyleEditor

HAZARD_CENTRE = (100.665, 7.135)  # inside the flood zone, off the tambon label and project (drawn above tambons)


def pixel(window, lon: float, lat: float) -> np.ndarray:
    pixels = screenshot(window)
    p = widget_pos(window, lon, lat)
    return pixels[round(p.y()), round(p.x())].astype(int)


def stack(window) -> list[str]:
    """Layer names by canvas z-value, bottom first."""
    canvas = window.canvas
    return sorted(window.layers.names(), key=lambda n: canvas.layer_item(n).zValue())


def test_panel_replaces_the_plain_tree(main_window):
    assert isinstance(main_window.layer_panel, LayerPanel)
    assert main_window.layer_dock.widget() is main_window.layer_panel
    tree = main_window.layer_tree
    assert isinstance(tree, LayerPanelTree)
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == GROUP_NAMES
    assert not tree.layer_item("tambon").icon(0).isNull()  # a legend swatch


def test_group_checkbox_toggles_its_layers(main_window):
    group = main_window.layer_tree.group_item("ขอบเขตการปกครอง")
    group.setCheckState(0, Qt.CheckState.Unchecked)
    assert not any(main_window.layers[n].visible for n in ("tambon", "amphoe", "changwat"))
    assert main_window.layers["projects"].visible
    group.setCheckState(0, Qt.CheckState.Checked)
    assert all(main_window.layers[n].visible for n in ("tambon", "amphoe", "changwat"))


def test_move_changes_the_layer_order_and_canvas_stacking(main_window):
    layers = main_window.layers
    seen = []
    layers.events.moved.connect(lambda old, new, layer: seen.append((old, new, layer.name)))
    hazard_before = pixel(main_window, *HAZARD_CENTRE)
    assert stack(main_window).index("hazard_zones") > stack(main_window).index("tambon")
    main_window.layer_panel.move_layer("tambon", -1)  # on top of everything
    assert layers.names()[-1] == "tambon" and seen == [(0, len(layers) - 1, "tambon")]
    assert stack(main_window) == layers.names()
    tree = main_window.layer_tree
    assert tree.group_item("ขอบเขตการปกครอง").child(0).text(0) == "ตำบล"  # the tree shows top-most first
    covered = pixel(main_window, *HAZARD_CENTRE)  # the opaque tambon fill now hides the flood zone
    assert np.abs(covered - hazard_before).max() > 30
    minx, miny, _x, _y = tambon_box(11)
    assert np.abs(covered - pixel(main_window, minx + 0.02, miny + 0.02)).max() <= 3


def drag_and_drop(tree, name: str, onto: str, *, upper: bool) -> None:
    """Drag a layer's item onto another's upper or lower half (enter, move, drop as Qt delivers them)."""
    tree.select_layer(name)
    rect = tree.visualItemRect(tree.layer_item(onto))
    pos = QPointF(rect.center().x(), rect.top() + 2 if upper else rect.bottom() - 2)
    mime = tree.mimeData([tree.layer_item(name)])
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    viewport = tree.viewport()
    for event in (QDragEnterEvent(pos.toPoint(), *args), QDragMoveEvent(pos.toPoint(), *args), QDropEvent(pos, *args)):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted(), type(event).__name__


def test_dropping_a_layer_in_the_tree_moves_it(main_window):
    tree = main_window.layer_tree
    drag_and_drop(tree, "tambon", "projects", upper=True)  # drawn above projects: the top of the map
    assert main_window.layers.names()[-1] == "tambon"
    assert stack(main_window)[-1] == "tambon"
    drag_and_drop(tree, "projects", "changwat", upper=False)
    names = main_window.layers.names()
    assert names.index("projects") == names.index("changwat") - 1  # just below changwat
    assert stack(main_window) == names


def test_drops_from_elsewhere_are_refused(main_window):
    tree = main_window.layer_tree
    tree.select_layer("tambon")
    mime = QMimeData()
    mime.setUrls([])
    mime.setText("/tmp/projects.csv")
    event = QDragEnterEvent(tree.viewport().rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(tree.viewport(), event)
    assert not event.isAccepted()


def test_raise_and_lower_from_the_context_menu(main_window):
    panel = main_window.layer_panel
    names = main_window.layers.names()
    menu = panel.context_menu("amphoe")
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert set(actions) == {"style", "zoom", "raise", "lower", "remove"}
    assert [a.text() for a in menu.actions() if a.objectName()] == [
        "รูปแบบ…", "ขยายไปที่ชั้นข้อมูล", "เลื่อนขึ้น", "เลื่อนลง", "ลบชั้นข้อมูล",
    ]
    actions["raise"].trigger()
    i = names.index("amphoe")
    assert main_window.layers.names()[i + 1] == "amphoe"
    {a.objectName(): a for a in panel.context_menu("amphoe").actions()}["lower"].trigger()
    assert main_window.layers.names() == names
    bottom = panel.context_menu(names[0])
    assert not {a.objectName(): a for a in bottom.actions()}["lower"].isEnabled()


def test_opacity_slider_sets_the_layer_opacity_and_the_canvas_blends(main_window):
    panel = main_window.layer_panel
    minx, miny, _x, _y = tambon_box(0)
    where = (minx + 0.02, miny + 0.02)
    opaque = pixel(main_window, *where)
    panel.tree.select_layer("tambon")
    assert panel.opacity_slider.isEnabled() and panel.opacity_slider.value() == 100
    panel.opacity_slider.setValue(0)
    assert main_window.layers["tambon"].opacity == 0.0
    assert tuple(pixel(main_window, *where)) == background_rgb()
    panel.opacity_slider.setValue(50)
    half = pixel(main_window, *where)
    expected = (opaque + np.array(background_rgb())) / 2
    assert np.abs(half - expected).max() <= 4
    main_window.layers["tambon"].opacity = 0.8  # the model drives the slider too
    assert panel.opacity_slider.value() == 80 and panel.opacity_value.text() == "80%"


def test_zoom_to_layer_shows_the_whole_layer(main_window):
    canvas = main_window.canvas
    full = canvas.view.viewRect()
    menu = main_window.layer_panel.context_menu("hazard_zones")
    {a.objectName(): a for a in menu.actions()}["zoom"].trigger()
    rect = canvas.view.viewRect()
    bounds = canvas.layer_item("hazard_zones").map_bounds()
    assert rect.width() < 0.3 * full.width()
    assert rect.left() <= bounds[0] and rect.right() >= bounds[2]
    assert rect.top() <= bounds[1] and rect.bottom() >= bounds[3]
    assert rect.center().x() == pytest.approx((bounds[0] + bounds[2]) / 2, abs=1.0)


def test_remove_asks_then_takes_the_layer_off_the_map(main_window, monkeypatch):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: (asked.append(args[2]), answers.pop(0))[1])
    menu = lambda: {a.objectName(): a for a in main_window.layer_panel.context_menu("hazard_zones").actions()}  # noqa: E731
    menu()["remove"].trigger()
    assert "hazard_zones" in main_window.layers and "พื้นที่เสี่ยงน้ำท่วม" in asked[0]
    menu()["remove"].trigger()
    assert "hazard_zones" not in main_window.layers
    assert main_window.layer_tree.group_item(GROUP_HAZARDS).childCount() == 0
    with pytest.raises(KeyError):
        main_window.canvas.layer_item("hazard_zones")
    assert tuple(pixel(main_window, *HAZARD_CENTRE)) != tuple(qcolor("#f03b20").getRgb()[:3])


def test_style_action_opens_the_style_editor(main_window, qtbot):
    menu = main_window.layer_panel.context_menu("projects")
    {a.objectName(): a for a in menu.actions()}["style"].trigger()
    editors = [w for w in main_window.findChildren(StyleEditor)]
    assert len(editors) == 1 and editors[0].layer is main_window.layers["projects"] and editors[0].isVisible()
    assert main_window.layer_panel.open_style_editor("projects") is editors[0]  # one dialog per layer
    editors[0].reject()


def test_layer_menu_acts_on_the_current_layer(main_window):
    main_window.layer_tree.select_layer("hazard_zones")
    full = main_window.canvas.view.viewRect().width()
    main_window.action_layer_zoom.trigger()
    assert main_window.canvas.view.viewRect().width() < 0.3 * full


def test_visibility_and_order_are_saved_in_the_workspace(main_window):
    if not hasattr(main_window.workspace, "save_style"):
        pytest.skip("needs areaplan.workspace")
    main_window.layers["amphoe"].visible = False
    main_window.layer_panel.move_layer("projects", 0)
    main_window.layer_panel.flush_saves()
    saved = main_window.workspace.load_styles()
    assert saved["amphoe"]["visible"] is False
    assert saved["projects"]["order"] == 0


class _RasterEvents(SignalGroup):
    visible = Signal(bool)
    opacity = Signal(float)


class FakeRaster:
    """The duck-typed interface a raster layer model offers (no Style, no data frame)."""

    def __init__(self) -> None:
        self.events = _RasterEvents()
        self.name, self.title_th, self.group = "flood_depth", "ความลึกน้ำท่วม", GROUP_HAZARDS
        self._visible, self._opacity = True, 1.0

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        self._visible = bool(value)
        self.events.visible.emit(self._visible)

    @property
    def opacity(self) -> float:
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        self._opacity = float(value)
        self.events.opacity.emit(self._opacity)


def test_layers_other_than_vector_layers_are_listed(main_window):
    raster = FakeRaster()
    layers = LayerList([main_window.layers["tambon"], raster], crs=main_window.layers.crs)
    panel = main_window.layer_panel
    panel.tree.set_layers(layers)
    item = panel.tree.layer_item("flood_depth")
    assert item.parent().text(0) == GROUP_HAZARDS and item.text(0) == "ความลึกน้ำท่วม"
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert raster.visible is False
    raster.visible = True
    assert item.checkState(0) == Qt.CheckState.Checked
    panel.tree.select_layer("flood_depth")
    panel.opacity_slider.setValue(30)
    assert raster.opacity == pytest.approx(0.3)
    actions = {a.objectName(): a for a in panel.context_menu("flood_depth").actions()}
    assert not actions["style"].isEnabled()
    assert panel.open_style_editor("flood_depth") is None
