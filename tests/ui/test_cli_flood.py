"""`areaplan hazard add` and `areaplan exposure` end to end: exit codes, one-line errors, readable outputs."""

from __future__ import annotations

import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

from areaplan.workspace import Workspace
from tests.areaplan.test_flood_exposure import _projects, half_block, squares
from ui.cli import main


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True)


@pytest.fixture
def ws(tmp_path):
    path = tmp_path / "ws.gpkg"
    with Workspace.create(path) as w:
        w.write_layer("tambon", squares((0.0, 1500.0)))
        w.write_layer("projects", _projects())
    return path


def test_add_a_depth_raster_and_export_exposure_in_three_formats(ws, tmp_path, capsys):
    tif = half_block(tmp_path)
    assert main(["hazard", "add", str(ws), str(tif), "--kind", "depth", "--name", "ความลึก"]) == 0
    assert "ความลึก" in capsys.readouterr().out
    with Workspace.open(ws) as w:
        rec = w.read_table("hazards").iloc[0]
        assert rec["name"] == "ความลึก" and rec["kind"] == "depth" and rec["storage"] == "gpkg"
    for suffix in ("csv", "xlsx", "gpkg"):
        out = tmp_path / f"exposure.{suffix}"
        assert main(["exposure", str(ws), "--out", str(out), "--gaps"]) == 0, suffix
        printed = capsys.readouterr().out
        assert "901100" in printed and "high/very high 50%" in printed
    csv = pd.read_csv(tmp_path / "exposure.csv", encoding="utf-8-sig", dtype={"รหัสพื้นที่": str})
    assert csv.set_index("รหัสพื้นที่").loc["901100", "สัดส่วนเสี่ยงสูง"] == pytest.approx(0.5)
    assert (tmp_path / "exposure.provenance.json").exists()
    sheets = pd.read_excel(tmp_path / "exposure.xlsx", sheet_name=None)
    assert "ช่องว่าง" in sheets and len(sheets["พื้นที่"]) == 2
    assert "exposure_tambon" in dict(pyogrio.list_layers(tmp_path / "exposure.gpkg"))
    assert len(gpd.read_file(tmp_path / "exposure.gpkg", layer="exposure_tambon")) == 2


def test_amphoe_level_and_english_headers(ws, tmp_path):
    import shapely

    with Workspace.open(ws) as w:
        w.write_layer("amphoe", gpd.GeoDataFrame({"code": ["9011"], "name_th": ["หาดใหญ่"], "parent_code": ["90"]},
                                                 geometry=[shapely.union_all(squares((0.0, 1500.0)).geometry)],
                                                 crs="EPSG:4326"))
    assert main(["hazard", "add", str(ws), str(half_block(tmp_path))]) == 0
    out = tmp_path / "amphoe.csv"
    assert main(["exposure", str(ws), "--level", "amphoe", "--lang", "en", "--out", str(out)]) == 0
    t = pd.read_csv(out, encoding="utf-8-sig", dtype={"code": str})
    assert t["code"].tolist() == ["9011"] and t["c3_share"].iloc[0] == pytest.approx(0.25, rel=1e-6)
    assert t["projects"].iloc[0] == 6 and "depth_max_m" in t


@pytest.mark.parametrize(("setup", "args", "message"), [
    ("none", ["exposure", "{ws}", "--out", "{tmp}/x.csv"], "ยังไม่มีชั้นข้อมูลภัย"),
    ("far", ["exposure", "{ws}", "--out", "{tmp}/x.csv"], "does not overlap"),
    ("tif", ["exposure", "{ws}", "--hazard", "nope", "--out", "{tmp}/x.csv"], "no hazard named 'nope'"),
    ("tif", ["exposure", "{ws}", "--out", "{tmp}/x.docx"], "unknown output type .docx"),
    ("tif", ["exposure", "{ws}", "--out", "{tmp}/exists.csv"], "exists already"),
    ("tif", ["exposure", "{tmp}/nows.gpkg", "--out", "{tmp}/x.csv"], "ไม่พบไฟล์พื้นที่ทำงาน"),
    ("tif", ["hazard", "add", "{ws}", "{tmp}/missing.tif"], "file not found"),
    ("tif", ["hazard", "add", "{ws}", "{tmp}/bad.tif"], "a GeoTIFF is expected"),
    ("tif", ["hazard", "add", "{ws}", "{tmp}/half.tif", "--name", "half"], "exists already; choose another"),
])
def test_user_errors_exit_2_with_one_line(ws, tmp_path, setup, args, message):
    if setup == "tif":
        assert main(["hazard", "add", str(ws), str(half_block(tmp_path)), "--name", "half"]) == 0
    if setup == "far":
        far = half_block(tmp_path, x0=480_000.0, y0=2_080_000.0, name="far.tif")
        assert main(["hazard", "add", str(ws), str(far)]) == 0
    (tmp_path / "exists.csv").write_text("x", encoding="utf-8")
    (tmp_path / "bad.tif").write_text("not a raster", encoding="utf-8")
    r = cli(*[a.format(ws=ws, tmp=tmp_path) for a in args])
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()


def test_vector_zones_via_hazard_add(ws, tmp_path):
    import numpy as np
    import shapely

    zones = gpd.GeoDataFrame({"ความถี่": [9]}, geometry=[shapely.box(660_000, 775_000, 660_500, 776_000)],
                             crs="EPSG:32647").to_crs("EPSG:4326")
    path = tmp_path / "ldd.gpkg"
    zones.to_file(path, layer="ldd", driver="GPKG")
    assert main(["hazard", "add", str(ws), str(path), "--name", "ldd"]) == 0
    out = tmp_path / "zones.csv"
    assert main(["exposure", str(ws), "--hazard", "ldd", "--lang", "en", "--out", str(out)]) == 0
    t = pd.read_csv(out, encoding="utf-8-sig", dtype={"code": str}).set_index("code")
    assert t.loc["901100", "c4_share"] == pytest.approx(0.5, rel=1e-6)
    assert t.loc["901100", "frequency_max"] == 9 and np.isnan(t.loc["901101", "frequency_max"])
