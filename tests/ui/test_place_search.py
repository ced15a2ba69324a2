"""Place search: Thai/English names with or without ต./อ./จ., the completer, zoom and highlight."""

from __future__ import annotations

import shutil

import pytest
from pyproj import Transformer
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import tambon_box
from ui import main_window as main_window_module

KHO_HONG = "ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา"


def _map_rect(window, bounds) -> QRectF:
    minx, miny, maxx, maxy = Transformer.from_crs("EPSG:4326", window.layers.crs, always_xy=True).transform_bounds(
        *bounds
    )
    return QRectF(minx, miny, maxx - minx, maxy - miny)


def type_text(widget, text: str) -> None:
    """Type Thai as a keyboard would (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_search_box_is_in_the_toolbar(main_window):
    box = main_window.place_search.box
    assert box.placeholderText() == "ค้นหาสถานที่…"
    assert main_window.toolbar.widgetForAction(main_window.place_search.box_action) is box


@pytest.mark.parametrize(
    "typed", ["คอหงส์", "ต.คอหงส์", "ตำบลคอหงส์", "ต. คอหงส์ อ.หาดใหญ่", "ต.คอหงส์อ.หาดใหญ่", "คอหงส์ สงขลา"]
)
def test_thai_with_or_without_prefixes_offers_the_tambon(main_window, typed):
    offered = main_window.place_search.offer(typed)
    assert offered[0] == KHO_HONG


def test_levels_are_ranked_and_parents_match(main_window):
    offered = main_window.place_search.offer("หาดใหญ่")
    assert offered[0] == "อ.หาดใหญ่ จ.สงขลา"  # the amphoe itself first
    assert KHO_HONG in offered  # a tambon of อ.หาดใหญ่
    assert main_window.place_search.offer("สงขลา")[0] == "จ.สงขลา"
    assert main_window.place_search.offer("ไม่มีที่นี่") == []


def test_english_names(main_window):
    offered = main_window.place_search.offer("Hat Yai")
    assert offered[0].startswith("อ.หาดใหญ่ จ.สงขลา (Hat Yai, Songkhla)")


def test_typing_offers_and_choosing_zooms_and_highlights(main_window, qtbot):
    search = main_window.place_search
    search.box.setFocus()
    type_text(search.box, "คอหงส์")
    assert search.box.text() == "คอหงส์"
    assert search.model.stringList()[0] == KHO_HONG
    popup = search.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    full = main_window.canvas.view.viewRect()
    popup.setCurrentIndex(search.completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.canvas.view.viewRect().width() < full.width() / 2)
    view = main_window.canvas.view.viewRect()
    tambon = _map_rect(main_window, tambon_box(0))
    assert view.contains(tambon)
    assert view.width() < full.width() / 2
    assert not search.highlight.is_empty()
    assert search.highlight.boundingRect().contains(tambon)
    search._timer.timeout.emit()  # the highlight goes after a few seconds
    assert search.highlight.is_empty()


def test_return_takes_the_first_match(main_window, qtbot):
    search = main_window.place_search
    search.box.setText("ตำบลคอหงส์")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    assert search.box.text() == KHO_HONG
    assert main_window.canvas.view.viewRect().contains(_map_rect(main_window, tambon_box(0)))


def test_demo_kho_hong_zooms_to_the_tambon_not_the_province(main_window, tmp_path):
    if not main_window_module.DEMO_WORKSPACE.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg is not built yet (areaplan demo --out ...)")
    copy = tmp_path / "demo.gpkg"  # never write to sample_data
    shutil.copyfile(main_window_module.DEMO_WORKSPACE, copy)
    main_window.open_workspace(copy)
    search = main_window.place_search
    assert search.offer("คอหงส์") == [KHO_HONG]
    assert search.choose_text(KHO_HONG)
    crs = main_window.layers.crs
    tambon = main_window.layers["tambon"].data
    changwat = main_window.layers["changwat"].data
    t = tambon[tambon["name_th"] == "คอหงส์"].to_crs(crs).total_bounds
    c = changwat.to_crs(crs).total_bounds
    view = main_window.canvas.view.viewRect()
    assert view.contains(QRectF(t[0], t[1], t[2] - t[0], t[3] - t[1]))
    assert not view.contains(QRectF(c[0], c[1], c[2] - c[0], c[3] - c[1]))
    assert view.width() < (c[2] - c[0]) / 3
