"""The style dialog: categorised, graduated and labels on the rendered canvas; saved and restored."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from layers.model import Style
from layers.render import qcolor
from layers.style import ramp_colours
from tests.ui.conftest import CELL, CHANNELS, COLS, ROWS, tambon_box
from tests.ui.test_main_window import screenshot, widget_pos
from ui.style_editor import CATEGORISED, GRADUATED, SINGLE, StyleEditor

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)  # "numba not installed"
    import mapclassify


def project_points(window) -> list[tuple[int, int]]:
    """Canvas pixel (row, col) of every synthetic project (north-east corner of each tambon)."""
    out = []
    for i in range(COLS * ROWS):
        _minx, _miny, maxx, maxy = tambon_box(i)
        p = widget_pos(window, maxx - 0.02, maxy - 0.02)
        out.append((round(p.y()), round(p.x())))
    return out


def rgb(colour: str) -> np.ndarray:
    c = qcolor(colour)
    return np.array([c.red(), c.green(), c.blue()])


def open_editor(window, name: str) -> StyleEditor:
    editor = window.layer_panel.open_style_editor(name)
    assert isinstance(editor, StyleEditor)
    return editor


def click(editor: StyleEditor, which: QDialogButtonBox.StandardButton) -> None:
    editor.buttons.button(which).click()


def test_categorised_by_channel_gives_one_colour_per_channel(main_window):
    layer = main_window.layers["projects"]
    layer.style = Style(fill="#000000", stroke="#ffffff", point_size=9.0)  # start from a single symbol
    editor = open_editor(main_window, "projects")
    assert editor.mode == SINGLE
    editor.set_mode(CATEGORISED)
    editor._select(editor.category_field_combo, "channel")
    editor._select(editor.category_ramp_combo, "Viridis")
    rows = editor.legend_rows()
    assert rows[0][0] == "งบพัฒนาจังหวัด / แผนพัฒนาจังหวัด"  # Thai labels of the channel codes
    assert editor.legend.count() == len(CHANNELS) + 1  # the channels and "อื่น ๆ"
    click(editor, QDialogButtonBox.StandardButton.Apply)
    assert layer.style.category_field == "channel"
    colours = dict(layer.style.categories)
    assert set(colours) == set(CHANNELS) and len(set(colours.values())) == len(CHANNELS)
    assert list(colours.values()) == list(ramp_colours("Viridis", len(CHANNELS)))
    pixels = screenshot(main_window)
    for i, (r, c) in enumerate(project_points(main_window)):
        expected = rgb(colours[CHANNELS[i % len(CHANNELS)]])
        assert np.abs(pixels[r, c].astype(int) - expected).max() <= 3, (i, pixels[r, c], expected)
    editor.reject()


def test_graduated_by_budget_with_quantile_five_classes(main_window):
    layer = main_window.layers["projects"]
    editor = open_editor(main_window, "projects")
    editor.set_mode(GRADUATED)
    editor._select(editor.graduated_field_combo, "budget")
    editor._select(editor.method_combo, "quantile")
    editor.classes_spin.setValue(5)
    editor._select(editor.ramp_combo, "Blues")
    assert editor.legend.count() == 5 and editor.legend.item(0).text().startswith("≤ ")
    click(editor, QDialogButtonBox.StandardButton.Ok)
    assert not editor.isVisible()
    budget = layer.data["budget"].to_numpy(dtype=float)
    expected = mapclassify.Quantiles(budget, k=5)
    style = layer.style
    assert style.graduated_field == "budget" and style.method == "quantile" and style.category_field is None
    assert style.breaks == pytest.approx(tuple(expected.bins))
    assert style.colours == ramp_colours("Blues", 5)
    pixels = screenshot(main_window)
    seen = set()
    for i, (r, c) in enumerate(project_points(main_window)):
        want = rgb(style.colours[expected.yb[i]])
        got = pixels[r, c].astype(int)
        assert np.abs(got - want).max() <= 3, (i, got, want)
        seen.add(tuple(got))
    assert len(seen) == 5


def test_cancel_leaves_the_layer_alone(main_window):
    layer = main_window.layers["tambon"]
    before = (layer.style, layer.labels, layer.opacity)
    editor = open_editor(main_window, "tambon")
    editor.set_mode(SINGLE)
    editor.fill_button.set_colour("#00ff00")
    editor.opacity_slider.setValue(20)
    click(editor, QDialogButtonBox.StandardButton.Cancel)
    assert (layer.style, layer.labels, layer.opacity) == before


def test_single_symbol_settings_reach_the_canvas(main_window):
    editor = open_editor(main_window, "tambon")
    editor.set_mode(SINGLE)
    editor.fill_button.set_colour("#00ff00")
    editor.no_stroke.setChecked(True)
    click(editor, QDialogButtonBox.StandardButton.Apply)
    layer = main_window.layers["tambon"]
    assert layer.style.kind == "single" and layer.style.fill == "#00ff00" and layer.style.stroke is None
    minx, miny, _x, _y = tambon_box(4)
    p = widget_pos(main_window, minx + 0.2 * CELL, miny + 0.2 * CELL)
    assert tuple(screenshot(main_window)[round(p.y()), round(p.x())]) == (0, 255, 0)
    editor.reject()


def test_labels_on_draw_thai_labels_in_the_chosen_colour(main_window):
    layer = main_window.layers["amphoe"]
    assert not layer.labels.visible
    main_window.layers["tambon"].labels = main_window.layers["tambon"].labels.with_changes(visible=False)
    red_before = _red_pixels(screenshot(main_window))
    editor = open_editor(main_window, "amphoe")
    editor.labels_check.setChecked(True)
    editor._select(editor.label_field_combo, "name_th")
    editor.label_size_spin.setValue(14.0)
    editor.label_colour_button.set_colour("#ff0000")
    editor.bold_check.setChecked(True)
    editor.halo_width_spin.setValue(2.0)
    assert editor.label_preview.font().family() == "Sarabun" and editor.label_preview.text() == "หาดใหญ่"
    click(editor, QDialogButtonBox.StandardButton.Apply)
    labels = layer.labels
    assert (labels.visible, labels.field, labels.size, labels.color, labels.bold) == (True, "name_th", 14.0, "#ff0000", True)
    assert _red_pixels(screenshot(main_window)) > red_before + 200
    editor.reject()


def _red_pixels(pixels: np.ndarray) -> int:
    p = pixels.astype(int)
    return int(((p[..., 0] > 200) & (p[..., 1] < 60) & (p[..., 2] < 60)).sum())


def test_style_is_saved_and_restored_after_reopening(main_window, map_source, qtbot):
    if not isinstance(map_source, Path):
        pytest.skip("needs areaplan.workspace")
    from ui.main_window import MainWindow

    editor = open_editor(main_window, "projects")
    editor.set_mode(GRADUATED)
    editor._select(editor.graduated_field_combo, "budget")
    editor._select(editor.method_combo, "natural_breaks")
    editor.classes_spin.setValue(4)
    editor.labels_check.setChecked(True)
    editor._select(editor.label_field_combo, "project_id")
    editor.opacity_slider.setValue(70)
    click(editor, QDialogButtonBox.StandardButton.Ok)
    main_window.layers["amphoe"].visible = False
    main_window.layer_panel.move_layer("tambon", -1)
    saved = main_window.layers["projects"]
    style, labels = saved.style, saved.labels
    order = main_window.layers.names()
    main_window.close()  # pending saves are written before the workspace closes

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(map_source)  # restored synchronously, before anything is painted
    projects = window.layers["projects"]
    assert projects.style == style and projects.labels == labels and projects.opacity == pytest.approx(0.7)
    assert style.graduated_field == "budget" and len(style.breaks) == 4
    assert window.layers["amphoe"].visible is False
    assert window.layer_tree.layer_item("amphoe").checkState(0).name == "Unchecked"
    assert window.layers.names() == order
    assert window.canvas.layer_item("projects").render_count == 0
    assert window.layer_panel.restore_errors == []
    window.close()


def test_a_bad_saved_style_is_reported_and_the_default_kept(main_window, map_source, qtbot):
    if not isinstance(map_source, Path):
        pytest.skip("needs areaplan.workspace")
    from ui.main_window import MainWindow

    default = main_window.layers["tambon"].style
    main_window.workspace.save_style("tambon", {"version": 1, "style": {"fill": "red"}})
    main_window.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(map_source)
    assert window.layers["tambon"].style == default
    assert len(window.layer_panel.restore_errors) == 1
    assert "fill colour must be #rrggbb" in window.layer_panel.restore_errors[0]
    window.close()


def test_save_as_carries_the_layer_settings_to_the_copy(main_window, map_source, tmp_path):
    if not isinstance(map_source, Path):
        pytest.skip("needs areaplan.workspace")
    layer = main_window.layers["tambon"]
    layer.style = layer.style.with_changes(category_field=None, fill="#abcdef")  # still pending (debounced)
    main_window.layers["changwat"].visible = False
    copy = tmp_path / "copy.gpkg"
    main_window.save_workspace_as(copy)
    assert Path(main_window.workspace.path).resolve() == copy.resolve()
    assert main_window.layers["tambon"].style.fill == "#abcdef"  # shown again after reopening the copy
    assert main_window.layers["changwat"].visible is False
    saved = main_window.workspace.load_styles()
    assert saved["tambon"]["style"]["fill"] == "#abcdef" and saved["changwat"]["visible"] is False


def test_the_shipped_demo_is_never_written(main_window, map_source, tmp_path, monkeypatch):
    if not isinstance(map_source, Path):
        pytest.skip("needs areaplan.workspace")
    import shutil

    from areaplan.workspace import Workspace
    from ui import main_window as main_window_module

    demo = tmp_path / "demo.gpkg"  # stands in for sample_data/demo_songkhla.gpkg
    shutil.copyfile(map_source, demo)
    monkeypatch.setattr(main_window_module, "DEMO_WORKSPACE", demo)
    assert main_window.open_demo() is True
    main_window.layers["tambon"].visible = False
    main_window.layers["projects"].opacity = 0.5
    main_window.layer_panel.flush_saves()
    main_window.close_workspace()
    with Workspace.open(demo) as ws:
        assert ws.load_styles() == {}
