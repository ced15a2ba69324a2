"""The attribute table dock: a fast model, filters, sorting, selection sync, zoom and export (demo workspace)."""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from areaplan import vocab
from areaplan.workspace import Workspace
from layers.model import VectorLayer
from ui.attribute_table import FidRole, LayerFilterProxy, LayerTableModel, ValueRole
from ui.main_window import DEMO_WORKSPACE

pytestmark = pytest.mark.skipif(not DEMO_WORKSPACE.exists(), reason="sample_data/demo_songkhla.gpkg not built")


@pytest.fixture
def demo_window(demo_main_window):
    """The main window on a copy of the demo workspace, with the table dock shown."""
    demo_main_window.attribute_table.show()
    return demo_main_window


def demo_projects() -> pd.DataFrame:
    with Workspace.open(DEMO_WORKSPACE) as ws:
        return ws.read_table("projects")


def big_layer(n: int = 100_000) -> VectorLayer:
    rng = np.random.default_rng(7)
    codes = list(vocab.CHANNELS)
    frame = gpd.GeoDataFrame(
        {
            "fid": np.arange(1, n + 1),
            "project_id": [f"P{i}" for i in range(n)],
            "title": np.where(rng.random(n) < 0.3, "ก่อสร้างถนน คสล.", "ขุดลอกคลอง"),
            "channel": rng.choice(codes, n),
            "fiscal_year": rng.choice([2567, 2568, 2569], n),
            "budget": rng.integers(10_000, 9_000_000, n).astype(float),
            "agenda": "water",
            "status": "proposed",
            "agency": "อบต.",
            "tambon_code": rng.choice(["901101", "901201", "900101"], n),
            "source": "x.csv",
        },
        geometry=shapely.points(rng.uniform(100, 101, n), rng.uniform(6.5, 7.5, n)),
        crs="EPSG:4326",
    )
    return VectorLayer("projects", "โครงการ", frame)


def test_model_over_100k_rows_is_fast(qtbot):
    layer = big_layer()
    model = LayerTableModel()
    model.set_area_names({}, {"9011": "หาดใหญ่", "9012": "นาหม่อม"})
    start = time.perf_counter()
    model.set_layer(layer)
    proxy = LayerFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 100_000
    built = time.perf_counter() - start
    assert built < 2.0, f"building the table took {built:.2f} s"

    start = time.perf_counter()
    proxy.sort(model.column_index("budget"), Qt.SortOrder.DescendingOrder)
    proxy.set_filter("channel", "local")
    proxy.set_text("ถนน")
    filtered = time.perf_counter() - start
    frame = layer.data
    expected = ((frame.channel == "local") & frame.title.str.contains("ถนน")).sum()
    assert proxy.rowCount() == expected
    assert filtered < 2.0, f"sort + filter took {filtered:.2f} s"
    budgets = [proxy.index(r, model.column_index("budget")).data(ValueRole) for r in range(50)]
    assert budgets == sorted(budgets, reverse=True)
    assert proxy.index(0, model.column_index("channel")).data() == vocab.CHANNELS["local"]
    proxy.clear_filters()
    proxy.set_filter("amphoe", "9011")
    assert proxy.rowCount() == (frame.tambon_code.str[:4] == "9011").sum()
    assert proxy.index(0, model.column_index("amphoe_name")).data() == "หาดใหญ่"


def test_headers_are_thai_and_codes_show_labels(demo_window):
    model = demo_window.attribute_table.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    for header in ("ชื่อโครงการ", "ช่องทาง", "ปีงบประมาณ", "งบประมาณ (บาท)", "ประเด็น", "สถานะ", "อำเภอ", "ตำบล"):
        assert header in headers
    assert model.rowCount() == 1500
    first = model.index(0, model.column_index("channel"))
    assert first.data() == vocab.CHANNELS[first.data(ValueRole)]
    assert model.index(0, model.column_index("budget")).data() == "1,370,000"
    assert model.index(0, model.column_index("amphoe_name")).data() == "หาดใหญ่"


def test_filters_give_the_counts_of_the_demo(demo_window):
    table = demo_window.attribute_table
    proxy = table.proxy
    frame = demo_projects()
    table.set_filter("channel", "local")
    assert proxy.rowCount() == 535 == (frame.channel == "local").sum()
    table.set_filter("fiscal_year", 2568)
    assert proxy.rowCount() == ((frame.channel == "local") & (frame.fiscal_year == 2568)).sum()
    table.clear_filters()
    assert proxy.rowCount() == 1500
    table.set_filter("fiscal_year", 2568)
    assert proxy.rowCount() == 532
    table.clear_filters()
    table.set_filter("amphoe", "9011")  # หาดใหญ่, matched by tambon_code[:4]
    hat_yai = frame.tambon_code.str[:4] == "9011"
    assert proxy.rowCount() == hat_yai.sum() > 0
    assert table.filter_combos["amphoe"].currentText() == "หาดใหญ่"
    table.set_text("ถนน")
    text = (frame.title.fillna("") + "\n" + frame.agency.fillna("") + "\n" + frame.location_text.fillna(""))
    assert proxy.rowCount() == (hat_yai & text.str.contains("ถนน", regex=False)).sum() > 0
    table.set_filter("amphoe", None)
    assert proxy.rowCount() == text.str.contains("ถนน", regex=False).sum()
    for status in ("approved", "cancelled"):
        table.clear_filters()
        table.set_filter("status", status)
        assert proxy.rowCount() == (frame.status == status).sum()
    table.set_filter("agenda", "water")
    assert proxy.rowCount() == ((frame.status == "cancelled") & (frame.agenda == "water")).sum()
    assert "จาก 1,500 รายการ" in table.count_label.text()


def test_sorting_by_value(demo_window):
    table = demo_window.attribute_table
    model, view = table.model, table.view
    view.sortByColumn(model.column_index("budget"), Qt.SortOrder.DescendingOrder)
    frame = demo_projects()
    budget = model.column_index("budget")
    assert table.proxy.index(0, budget).data(ValueRole) == frame.budget.max()
    values = [table.proxy.index(r, budget).data(ValueRole) for r in range(table.proxy.rowCount())]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=True) and values[: len(present)] == present  # blanks last
    view.sortByColumn(model.column_index("channel"), Qt.SortOrder.AscendingOrder)
    channel = model.column_index("channel")
    codes = [table.proxy.index(r, channel).data(ValueRole) for r in range(table.proxy.rowCount())]
    assert codes == sorted(codes)  # by code, not by the Thai label shown
    assert codes[0] == "cluster"
    table.set_filter("channel", "province")  # sort and filter together
    assert table.proxy.rowCount() == 245
    assert {table.proxy.index(r, channel).data(ValueRole) for r in range(245)} == {"province"}


def test_selection_syncs_both_ways(demo_window, qtbot):
    table = demo_window.attribute_table
    proxy, selection = table.proxy, demo_window.selection
    view_selection = QItemSelection(proxy.index(2, 0), proxy.index(4, proxy.columnCount() - 1))
    table.view.selectionModel().select(
        view_selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    expected = {proxy.index(r, 0).data(FidRole) for r in (2, 3, 4)}
    assert selection.get("projects") == expected

    selection.set("projects", [10, 11, 500])
    rows = {i.row() for i in table.view.selectionModel().selectedRows()}
    assert {proxy.index(r, 0).data(FidRole) for r in rows} == {10, 11, 500}
    assert table.selected_fids() == [10, 11, 500]
    # a sort keeps the selection
    table.view.sortByColumn(table.model.column_index("budget"), Qt.SortOrder.AscendingOrder)
    assert set(table.selected_fids()) == {10, 11, 500}
    assert "เลือก 3" in table.count_label.text()
    selection.clear()
    assert table.view.selectionModel().selectedRows() == []


def test_zoom_to_selection(demo_window):
    table = demo_window.attribute_table
    canvas = demo_window.canvas
    assert table.zoom_to_selection() is False  # nothing selected
    layer = demo_window.layers["projects"]
    fid = int(layer.data.loc[layer.data.geom_type == "Point", "fid"].iloc[0])
    demo_window.selection.set("projects", [fid])
    before = canvas.view.viewRect()
    assert table.zoom_to_selection()
    after = canvas.view.viewRect()
    point = layer.projected(demo_window.layers.crs)[layer.data.fid == fid].iloc[0]
    assert after.contains(point.x, point.y)
    assert after.width() < before.width() / 10
    assert after.width() < 5_000


def test_export_selection_csv_and_filtered_xlsx(demo_window, tmp_path):
    table = demo_window.attribute_table
    demo_window.selection.set("projects", [3, 1, 2])
    path = table.export(tmp_path / "เลือก.csv")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert len(back) == 3
    assert list(back.columns[:4]) == ["รหัสโครงการ", "ชื่อโครงการ", "ช่องทาง", "หน่วยงาน"]
    assert back["รหัสโครงการ"].tolist() == ["PV67-0001", "PV67-0002", "PV67-0003"]
    assert "อำเภอ" in back.columns and back["อำเภอ"][0] == "หาดใหญ่"

    demo_window.selection.clear()
    table.set_filter("channel", "local")
    path = table.export(tmp_path / "ท้องถิ่น.xlsx")
    back = pd.read_excel(path)
    assert len(back) == 535
    assert set(back["ช่องทาง"]) == {vocab.CHANNELS["local"]}
    assert "ปีงบประมาณ" in back.columns and "งบประมาณ (บาท)" in back.columns


def test_other_layers_show_their_columns(demo_window):
    table = demo_window.attribute_table
    table.show_layer("tambon")
    assert not table.filter_bar.isVisibleTo(table)
    headers = [table.model.headerData(i, Qt.Orientation.Horizontal) for i in range(table.model.columnCount())]
    assert headers[:3] == ["ลำดับในพื้นที่ทำงาน", "รหัส", "ชื่อ"]
    assert table.model.rowCount() == len(demo_window.layers["tambon"].data)
    table.layer_combo.setCurrentIndex(table.layer_combo.findData("projects"))
    assert table.layer.name == "projects" and table.filter_bar.isVisibleTo(table)
