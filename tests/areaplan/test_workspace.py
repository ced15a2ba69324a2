"""The workspace file: one GeoPackage, transactional, readable by GDAL (hence QGIS)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from areaplan.errors import WorkspaceError
from areaplan.workspace import SCHEMA_VERSION, Workspace
from areaplan.workspace import migrations
from areaplan.workspace.schema import TABLES


def _projects(n: int, source: str = "a.csv", start: int = 0) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(1)
    return gpd.GeoDataFrame(
        {
            "project_id": [f"P{i}" for i in range(start, start + n)],
            "title": ["ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"] * n,
            "source": source,
            "location_precision": "point",
            "budget": rng.uniform(1e5, 1e7, n).round(2),
            "fiscal_year": 2568,
        },
        geometry=shapely.points(rng.uniform(100.2, 100.9, n), rng.uniform(6.5, 7.8, n)),
        crs="EPSG:4326",
    )


def test_new_workspace_opens_in_gdal_with_every_table(workspace):
    path = workspace.path
    workspace.write_layer("projects", _projects(3))
    layers = dict(pyogrio.list_layers(path))
    for table in TABLES:
        assert table.name in layers, f"{table.name} not visible to GDAL"
    df = pyogrio.read_dataframe(path, layer="projects")
    assert len(df) == 3 and df.crs.to_epsg() == 4326
    assert df["title"][0] == "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"
    meta = pyogrio.read_dataframe(path, layer="metadata")
    assert dict(zip(meta["key"], meta["value"]))["schema_version"] == str(SCHEMA_VERSION)
    info = pyogrio.read_info(path, layer="projects")
    assert info["total_bounds"][0] >= 100.2


def test_metadata_has_the_contract_keys(workspace):
    meta = workspace.metadata()
    assert {"schema_version", "created_at", "areaplan_version"} <= set(meta)


def test_create_refuses_to_overwrite(tmp_path):
    Workspace.create(tmp_path / "a.gpkg").close()
    with pytest.raises(WorkspaceError, match="มีไฟล์นี้อยู่แล้ว.*--overwrite"):
        Workspace.create(tmp_path / "a.gpkg")
    Workspace.create(tmp_path / "a.gpkg", overwrite=True).close()


def test_open_missing_and_foreign_files(tmp_path):
    with pytest.raises(WorkspaceError, match="ไม่พบไฟล์พื้นที่ทำงาน.*not found"):
        Workspace.open(tmp_path / "none.gpkg")
    bad = tmp_path / "text.gpkg"
    bad.write_text("not a database at all " * 100)
    with pytest.raises(WorkspaceError, match="ไม่ใช่ GeoPackage"):
        Workspace.open(bad)
    other = tmp_path / "other.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(0, 0)], crs=4326).to_file(other)
    with pytest.raises(WorkspaceError, match="ไม่ใช่พื้นที่ทำงาน AreaPlan.*areaplan new"):
        Workspace.open(other)


def test_upsert_updates_instead_of_copying(workspace):
    assert workspace.upsert("projects", _projects(10)) == (10, 0)
    changed = _projects(10)
    changed["budget"] = 1.0
    assert workspace.upsert("projects", changed) == (0, 10)
    assert workspace.count("projects") == 10
    assert set(workspace.read_table("projects")["budget"]) == {1.0}
    assert workspace.upsert("projects", _projects(10, source="b.csv")) == (10, 0)
    assert workspace.count("projects") == 20


def test_failed_transaction_leaves_nothing(workspace):
    workspace.write_layer("projects", _projects(5))
    with pytest.raises(RuntimeError):
        with workspace.transaction():
            workspace.write_layer("projects", _projects(5, start=100))
            raise RuntimeError("boom")
    assert workspace.count("projects") == 5


def test_round_trip_geometries(workspace):
    geoms = [
        shapely.Point(100.5, 7.0),
        shapely.LineString([(100, 7), (100.1, 7.1)]),
        shapely.Polygon([(100, 7), (100.1, 7), (100.1, 7.1)]),
        None,
    ]
    frame = gpd.GeoDataFrame(
        {"project_id": list("abcd"), "title": "x", "source": "s", "location_precision": "point"},
        geometry=geoms, crs=4326,
    )
    workspace.write_layer("projects", frame)
    back = workspace.read_layer("projects")
    assert [g.wkt if g is not None else None for g in back.geometry] == [
        g.wkt if g is not None else None for g in geoms
    ]
    gdal = pyogrio.read_dataframe(workspace.path, layer="projects")
    assert gdal.geometry.iloc[1].equals(geoms[1])


def test_save_as_copies_everything(workspace, tmp_path):
    workspace.write_layer("projects", _projects(7))
    copy = workspace.save_as(tmp_path / "copy.gpkg")
    with Workspace.open(copy) as ws2:
        assert ws2.count("projects") == 7
    with pytest.raises(WorkspaceError, match="มีไฟล์นี้อยู่แล้ว"):
        workspace.save_as(copy)


def test_newer_schema_is_refused(workspace):
    workspace.set_metadata(schema_version=SCHEMA_VERSION + 1)
    path = workspace.path
    workspace.close()
    with pytest.raises(WorkspaceError, match="รุ่นใหม่กว่า.*newer AreaPlan"):
        Workspace.open(path)


def test_migration_hook_upgrades_old_workspaces(workspace, monkeypatch):
    calls = []
    workspace.set_metadata(schema_version=SCHEMA_VERSION - 1)
    path = workspace.path
    workspace.close()
    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION - 1, lambda conn: calls.append(conn))
    with Workspace.open(path) as ws:
        assert ws.metadata()["schema_version"] == str(SCHEMA_VERSION)
    assert len(calls) == 1


def test_attribute_tables_write_and_read(workspace):
    workspace.write_table("plans", pd.DataFrame([{"plan_id": "P1", "name": "แผนพัฒนาจังหวัดสงขลา", "level": "province"}]))
    plans = workspace.read_table("plans")
    assert plans["name"][0] == "แผนพัฒนาจังหวัดสงขลา"
    gdal = pyogrio.read_dataframe(workspace.path, layer="plans")
    assert gdal["name"][0] == "แผนพัฒนาจังหวัดสงขลา"


def test_raster_stored_inside_the_workspace(workspace, tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    tif = tmp_path / "depth.tif"
    data = np.linspace(0, 3, 200 * 300, dtype="float32").reshape(200, 300)
    data[:20] = -9999
    with rasterio.open(tif, "w", driver="GTiff", width=300, height=200, count=1, dtype="float32",
                       crs="EPSG:32647", transform=from_origin(640000, 780000, 100, 100), nodata=-9999) as dst:
        dst.write(data, 1)
    rec = workspace.add_raster("flood_depth", tif, kind="depth", unit="m")
    assert rec["storage"] == "gpkg" and rec["nodata"] == -9999
    (raster,) = workspace.rasters()
    with rasterio.open(raster["gdal_path"]) as src:
        assert src.crs.to_epsg() == 32647
        assert src.shape == (200, 300)
        assert abs(float(src.read(1)[100, 150]) - float(data[100, 150])) < 1e-5
    # the vector side stays intact and readable after GDAL wrote the raster
    workspace.write_layer("projects", _projects(2))
    assert len(pyogrio.read_dataframe(workspace.path, layer="projects")) == 2


KILLER = textwrap.dedent(
    """
    import sys, numpy as np, geopandas as gpd, shapely
    from areaplan.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    n = 2_000_000
    frame = gpd.GeoDataFrame({"project_id": [f"Q{i}" for i in range(n)], "title": "ถนน", "source": "big.csv",
                              "location_precision": "point"},
                             geometry=shapely.points(np.full(n, 100.5), np.full(n, 7.0)), crs=4326)
    with ws.transaction():
        print("saving", flush=True)
        ws.upsert("projects", frame)
    print("done", flush=True)
    """
)


@pytest.mark.slow
def test_kill_during_a_large_save_keeps_the_previous_state(workspace, tmp_path):
    workspace.write_layer("projects", _projects(1000))
    path = workspace.path
    workspace.close()
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    proc = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "saving"
    time.sleep(1.5)  # well inside the multi-second write
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.count("projects") == 1000
    assert len(pyogrio.read_dataframe(path, layer="projects")) == 1000


def test_row_edits_and_styles(workspace):
    workspace.write_layer("projects", _projects(3))
    fid = int(workspace.read_table("projects")["fid"].iloc[0])
    workspace.update_row("projects", fid, {"budget": 5.0, "title": "ถนนใหม่"}, geometry=shapely.Point(100.3, 6.9))
    row = workspace.read_layer("projects", where="fid = ?", params=(fid,)).iloc[0]
    assert row["budget"] == 5.0 and row["title"] == "ถนนใหม่" and row.geometry.equals(shapely.Point(100.3, 6.9))
    with pytest.raises(WorkspaceError, match="ไม่มีคอลัมน์ nonsense"):
        workspace.update_row("projects", fid, {"nonsense": 1})
    with pytest.raises(WorkspaceError, match="ไม่พบรายการ fid 999"):
        workspace.update_row("projects", 999, {"budget": 1})
    new = workspace.insert_row("projects", {"project_id": "N1", "title": "ฝาย", "source": "app",
                                            "location_precision": "point"}, geometry=shapely.Point(100.5, 7))
    assert workspace.count("projects") == 4
    workspace.delete_row("projects", new)
    assert workspace.count("projects") == 3
    workspace.save_style("tambon", {"fill": "#ff0000"})
    workspace.save_style("tambon", {"fill": "#00ff00"})
    assert workspace.load_styles() == {"tambon": {"fill": "#00ff00"}}
    qgis = pyogrio.read_dataframe(workspace.path, layer="layer_styles")
    assert qgis["f_table_name"].tolist() == ["tambon"] and not qgis["useAsDefault"].any()
