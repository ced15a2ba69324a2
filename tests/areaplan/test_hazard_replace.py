"""Replacing a hazard under an existing name: `areaplan hazard add … --replace` and add_hazard(replace=True)."""

from __future__ import annotations

import geopandas as gpd
import pytest
import rasterio
import shapely

from areaplan.analyses import flood_exposure as fx
from areaplan.analyses.hazard_classes import ClassScheme, load_scheme, save_scheme
from areaplan.importers.hazard import HazardExistsError, add_hazard
from areaplan.workspace import Workspace
from tests.areaplan.test_flood_exposure import UTM47, X0, Y0, half_block, squares
from ui.cli import main


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "ws.gpkg"
    with Workspace.create(p) as w:
        w.write_layer("tambon", squares((0.0, 1500.0)))
    return p


def high_share(ws, name="d") -> float:
    return float(fx.run_workspace(ws, name).areas.set_index("code").loc["901100", "c4_share"])


def test_cli_refuses_then_replaces_keeping_the_log_and_thresholds(path, tmp_path, capsys):
    assert main(["hazard", "add", str(path), str(half_block(tmp_path)), "--name", "d"]) == 0
    with Workspace.open(path) as ws:
        scheme = ClassScheme("depth", ((1, 0.1), (2, 0.5), (3, 1.0), (4, 2.0)))
        save_scheme(ws, "d", scheme)
        old_table = ws.read_table("hazards").set_index("name").loc["d", "table_name"]
        assert high_share(ws) == 0.0  # 1 m is สูง (high), not สูงมาก
    deeper = half_block(tmp_path, depth=2.5, name="deeper.tif")
    assert main(["hazard", "add", str(path), str(deeper), "--name", "d"]) == 2
    err = capsys.readouterr().err
    assert "exists already; choose another" in err and "--replace" in err and "มีชั้นข้อมูลภัยชื่อ" in err
    assert main(["hazard", "add", str(path), str(deeper), "--name", "d", "--replace"]) == 0
    assert "replaced the previous hazard d" in capsys.readouterr().out
    with Workspace.open(path) as ws:
        hazards = ws.read_table("hazards")
        assert hazards["name"].tolist() == ["d"] and hazards.iloc[0]["source"] == "deeper.tif"
        assert load_scheme(ws, "d") == scheme, "the committee's thresholds survive a same-kind replacement"
        assert high_share(ws) == pytest.approx(0.5, abs=1e-9)  # the new 2.5 m block is สูงมาก
        log = ws.read_table("import_log")
        assert log["source"].tolist() == ["half.tif", "deeper.tif"], "the first import's log entry is kept"
        # the old coverage is gone from the GeoPackage; the new one opens in GDAL/QGIS
        assert not ws.query("SELECT 1 FROM sqlite_master WHERE name = ?", (old_table,))
        assert not ws.query("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (old_table,))
        new_table = hazards.iloc[0]["table_name"]
        assert ws.query("SELECT identifier FROM gpkg_contents WHERE table_name = ?", (new_table,)) == [("d",)]
    with rasterio.open(f"GPKG:{path}:{new_table}") as src:
        assert src.read(1).max() == pytest.approx(2.5)


def test_replacing_with_another_kind_drops_the_thresholds(path, tmp_path):
    with Workspace.open(path) as ws:
        add_hazard(ws, half_block(tmp_path), name="d", kind="depth")
        save_scheme(ws, "d", ClassScheme("depth", ((3, 0.2),)))
        add_hazard(ws, half_block(tmp_path, depth=3.0, name="f.tif"), name="d", kind="frequency", replace=True)
        rec = ws.read_table("hazards").iloc[0]
        assert rec["kind"] == "frequency" and rec["thresholds"] is None
        assert load_scheme(ws, "d").kind == "frequency"


def test_replacing_a_raster_with_zones_and_back(path, tmp_path):
    zones = gpd.GeoDataFrame({"risk": ["สูงมาก"]}, geometry=[shapely.box(X0, Y0, X0 + 500, Y0 + 1000)],
                             crs=UTM47).to_crs("EPSG:4326")
    zfile = tmp_path / "zones.gpkg"
    zones.to_file(zfile)
    with Workspace.open(path) as ws:
        add_hazard(ws, half_block(tmp_path), name="d", kind="depth")
        table = ws.read_table("hazards").iloc[0]["table_name"]
        with pytest.raises(HazardExistsError):
            add_hazard(ws, zfile, name="d")
        add_hazard(ws, zfile, name="d", replace=True)
        rec = ws.read_table("hazards").iloc[0]
        assert rec["storage"] == "vector" and len(ws.read_table("hazards")) == 1
        assert not ws.query("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (table,))
        assert high_share(ws) == pytest.approx(0.5, abs=1e-6)
        add_hazard(ws, half_block(tmp_path), name="d", kind="depth", replace=True)
        assert ws.count("hazard_zones") == 0 and ws.read_table("hazards").iloc[0]["storage"] == "gpkg"
        assert high_share(ws) == 0.0


def test_a_bad_file_leaves_the_old_hazard(path, tmp_path):
    bad = tmp_path / "bad.tif"
    bad.write_text("not a raster")
    with Workspace.open(path) as ws:
        add_hazard(ws, half_block(tmp_path), name="d", kind="depth")
        before = ws.read_table("hazards").to_dict("records")
        with pytest.raises(Exception, match="GeoTIFF"):
            add_hazard(ws, bad, name="d", replace=True)
        assert ws.read_table("hazards").to_dict("records") == before
        assert high_share(ws) == 0.0
