"""Exposure exports: CSV (with a provenance file), XLSX (tables + provenance sheet), GPKG (map layers)."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

from areaplan.analyses import flood_gaps
from areaplan.exporters import ExportError
from areaplan.exporters.exposure import write_exposure
from tests.areaplan.test_flood_exposure import _projects, half_block, hazard, run, squares


@pytest.fixture
def result(tmp_path):
    return run(squares((0.0, 1500.0)), hazard(half_block(tmp_path)), _projects())


def test_csv_has_thai_headers_and_a_provenance_file(result, tmp_path):
    out = write_exposure(result, tmp_path / "exp.csv")
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"รหัสพื้นที่": str})
    assert table["รหัสพื้นที่"].tolist() == ["901100", "901101"]
    assert table.loc[0, "สัดส่วนเสี่ยงสูง"] == pytest.approx(0.5)
    assert table.loc[0, "ความลึกเฉลี่ยส่วนที่ท่วม (ม.)"] == pytest.approx(1.0)
    prov = json.loads((tmp_path / "exp.provenance.json").read_text(encoding="utf-8"))
    assert prov["inputs"]["hazard_source"] == "half.tif" and prov["parameters"]["thresholds"]["kind"] == "depth"
    assert prov["areaplan_version"] and prov["created_at"]


def test_english_csv_names_the_depth_columns(result, tmp_path):
    table = pd.read_csv(write_exposure(result, tmp_path / "exp.csv", lang="en"), encoding="utf-8-sig")
    assert {"c3_share", "c3_rai", "depth_mean_m", "depth_max_m", "mitigation_budget"} <= set(table.columns)


def test_xlsx_sheets(result, tmp_path):
    gaps = flood_gaps.run(result)
    out = write_exposure(result, tmp_path / "exp.xlsx", gaps=gaps)
    sheets = pd.read_excel(out, sheet_name=None)
    assert {"พื้นที่", "งานก่อสร้างเสี่ยง", "โครงการทั้งหมด", "ช่องว่าง", "ระดับความเสี่ยง", "ที่มา"} <= set(sheets)
    assert set(sheets["งานก่อสร้างเสี่ยง"]["รหัสโครงการ"]) == {"R1", "R3"}
    prov = dict(zip(sheets["ที่มา"]["รายการ"], sheets["ที่มา"]["ค่า"]))
    assert prov["analysis"] == "flood_exposure" and "EPSG:32647" in prov["input.raster_crs"]
    assert "thresholds" in " ".join(prov)


def test_gpkg_layers_open_as_maps(result, tmp_path):
    out = write_exposure(result, tmp_path / "exp.gpkg", gaps=flood_gaps.run(result))
    layers = dict(pyogrio.list_layers(out))
    assert {"exposure_tambon", "project_exposure", "gaps_tambon", "hazard_classes", "provenance"} <= set(layers)
    areas = gpd.read_file(out, layer="exposure_tambon")
    assert areas.crs.to_epsg() == 4326 and areas["c3_share"].iloc[0] == pytest.approx(0.5)
    assert len(gpd.read_file(out, layer="project_exposure")) == 5  # the tambon-located one has no geometry


def test_bad_target(result, tmp_path):
    with pytest.raises(ExportError, match="unknown export file type .docx"):
        write_exposure(result, tmp_path / "x.docx")
    (tmp_path / "old.csv").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="exists already"):
        write_exposure(result, tmp_path / "old.csv", overwrite=False)
    with pytest.raises(ExportError, match="does not exist"):
        write_exposure(result, tmp_path / "missing" / "x.csv")
