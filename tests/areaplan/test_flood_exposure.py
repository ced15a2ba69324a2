"""Flood exposure of areas and projects: hand-computable cases, exactextract agreement, nodata, CRS, overlap."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import shapely
from affine import Affine

from areaplan.analyses import flood_exposure as fx
from areaplan.analyses.hazard_classes import ClassScheme, default_scheme, load_scheme, save_scheme
from areaplan.importers.pipeline import import_file
from areaplan.workspace import Workspace
from tests.conftest import shared_file

UTM47 = "EPSG:32647"
#: A 1 km square "tambon" in UTM 47N near Hat Yai, on a 100 m grid.
X0, Y0 = 660_000.0, 775_000.0
NODATA = -9999.0


def write_tif(path: Path, data: np.ndarray, transform: Affine, crs: str, nodata: float | None = NODATA) -> Path:
    """A float32 GeoTIFF (the test's hazard raster)."""
    profile = {"driver": "GTiff", "width": data.shape[1], "height": data.shape[0], "count": 1, "dtype": "float32",
               "crs": crs, "transform": transform, "nodata": nodata}
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data.astype("float32"), 1)
    return path


def half_block(tmp_path: Path, depth: float = 1.0, crs: str = UTM47, x0: float = X0, y0: float = Y0,
               res: float = 100.0, name: str = "half.tif") -> Path:
    """2 km × 2 km raster (20 × 20 cells) whose cells west of x0 + 500 hold ``depth`` on the square's rows."""
    data = np.full((20, 20), NODATA, dtype="float32")
    # the square spans x0..x0+1000 (cols 5..14) and y0..y0+1000 (rows 5..14); its western half is cols 5..9
    data[5:15, 5:10] = depth
    transform = Affine(res, 0, x0 - 5 * res, 0, -res, y0 + 15 * res)
    return write_tif(tmp_path / name, data, transform, crs)


def squares(offsets=(0.0,), crs: str = UTM47, x0: float = X0, y0: float = Y0, size: float = 1000.0) -> gpd.GeoDataFrame:
    """Square areas (code T0, T1, …) defined in ``crs``, stored in lon/lat like the workspace does."""
    geoms = [shapely.box(x0 + dx, y0, x0 + dx + size, y0 + size) for dx in offsets]
    frame = gpd.GeoDataFrame({"code": [f"90110{i}" for i in range(len(geoms))],
                              "name_th": [f"ตำบล{i}" for i in range(len(geoms))], "name_en": None,
                              "parent_code": "9011"}, geometry=geoms, crs=crs)
    return frame.to_crs("EPSG:4326")


def hazard(path: Path, scheme: ClassScheme | None = None, kind: str = "depth") -> fx.HazardLayer:
    return fx.HazardLayer("test", kind, scheme or default_scheme(kind), grid=fx.read_raster(path, nodata=NODATA),
                          source=path.name, storage="file")


def run(areas, haz, projects=None, **params) -> fx.ExposureResult:
    return fx.run(fx.ExposureInputs(areas, haz, projects, fx.ExposureParams(**params), source="test"))


# ----------------------------------------------------------------------------------------------- hand-computable

def test_square_tambon_half_covered_by_a_1m_block(tmp_path):
    result = run(squares((0.0, 50.0)), hazard(half_block(tmp_path)))
    a = result.areas.set_index("code")
    # T0: exactly its western half under 1 m of water → class สูง (high, ≥ 1.0 m)
    t0 = a.loc["901100"]
    assert t0["c3_share"] == pytest.approx(0.5, abs=1e-9)
    assert t0["none_share"] == pytest.approx(0.5, abs=1e-9)
    assert t0[["c1_share", "c2_share", "c4_share", "nodata_share"]].tolist() == pytest.approx([0, 0, 0, 0], abs=1e-12)
    assert t0["value_mean"] == pytest.approx(1.0) and t0["value_max"] == pytest.approx(1.0)
    assert t0["area_km2"] == pytest.approx(1.0, rel=1e-6)
    assert t0["c3_km2"] == pytest.approx(0.5, rel=1e-6)
    assert t0["c3_rai"] == pytest.approx(312.5, rel=1e-6)  # 500,000 m² / 1,600
    assert t0["high_share"] == pytest.approx(0.5) and t0["flooded_share"] == pytest.approx(0.5)
    assert t0["max_class"] == 3
    # T1 is shifted 50 m east: the block covers 450 m of its 1,000 m width, through half cells on its edge
    t1 = a.loc["901101"]
    assert t1["c3_share"] == pytest.approx(0.45, abs=1e-9)
    assert t1["value_mean"] == pytest.approx(1.0)


def test_depth_classes_follow_the_default_thresholds(tmp_path):
    values = {0.005: 0, 0.3: 1, 0.5: 2, 0.99: 2, 1.0: 3, 2.0: 4, 7.5: 4}
    scheme = default_scheme("depth")
    assert scheme.classify(np.array(list(values))).tolist() == list(values.values())
    assert scheme.classify(np.array([np.nan]))[0] == 0
    # a shallow 0.3 m block: class ต่ำ (low), mean depth 0.3 over the flooded half
    a = run(squares(), hazard(half_block(tmp_path, depth=0.3))).areas.iloc[0]
    assert a["c1_share"] == pytest.approx(0.5) and a["c3_share"] == 0
    assert a["value_mean"] == pytest.approx(0.3, rel=1e-6)


def test_mean_is_coverage_weighted_over_the_flooded_part(tmp_path):
    data = np.full((20, 20), NODATA, dtype="float32")
    data[5:15, 5:10] = 0.6
    data[5:15, 10:15] = 2.4
    path = write_tif(tmp_path / "two.tif", data, Affine(100, 0, X0 - 500, 0, -100, Y0 + 1500), UTM47)
    a = run(squares((250.0,)), hazard(path)).areas.iloc[0]
    # the square x0+250..x0+1250 covers 250 m of the 0.6 m block and 500 m of the 2.4 m block (+250 m dry)
    assert a["c2_share"] == pytest.approx(0.25) and a["c4_share"] == pytest.approx(0.5)
    assert a["none_share"] == pytest.approx(0.25)
    assert a["value_mean"] == pytest.approx((0.25 * 0.6 + 0.5 * 2.4) / 0.75, rel=1e-6)
    assert a["value_max"] == pytest.approx(2.4)


# ----------------------------------------------------------------------------------------------- nodata

def test_nodata_counts_as_dry_by_default_and_as_unknown_on_request(tmp_path):
    data = np.full((20, 20), 0.0, dtype="float32")
    data[5:15, 5:10] = 1.0
    data[5:15, 12:15] = NODATA  # the eastern 30 % of the square has no data
    path = write_tif(tmp_path / "gaps.tif", data, Affine(100, 0, X0 - 500, 0, -100, Y0 + 1500), UTM47)
    dry = run(squares(), hazard(path)).areas.iloc[0]
    assert dry["c3_share"] == pytest.approx(0.5) and dry["none_share"] == pytest.approx(0.5)
    assert dry["nodata_share"] == pytest.approx(0.0)
    assert dry["value_mean"] == pytest.approx(1.0) and dry["value_max"] == pytest.approx(1.0)  # -9999 never averaged
    unknown = run(squares(), hazard(path), nodata_as_dry=False).areas.iloc[0]
    assert unknown["nodata_share"] == pytest.approx(0.3)
    assert unknown["none_share"] == pytest.approx(0.2) and unknown["c3_share"] == pytest.approx(0.5)


def test_area_partly_outside_the_raster_reports_no_data_and_a_warning(tmp_path):
    result = run(squares((1200.0,)), hazard(half_block(tmp_path)))  # 700 m of 1,000 m beyond the raster's edge
    a = result.areas.iloc[0]
    assert a["nodata_share"] == pytest.approx(0.7, rel=1e-6)
    assert a["none_share"] == pytest.approx(0.3, rel=1e-6)
    assert any("does not cover everything" in w.en for w in result.warnings)


# ----------------------------------------------------------------------------------------------- CRS

def test_raster_in_another_utm_zone_is_used_with_a_warning(tmp_path):
    # the raster and the square are laid out in UTM 48N; the areas are measured in 47N (the data's zone)
    x48, y48 = 100_000.0, 775_000.0  # ≈ 101.4°E: the data's own zone is 47N
    path = half_block(tmp_path, crs="EPSG:32648", x0=x48, y0=y48)
    areas = squares(crs="EPSG:32648", x0=x48, y0=y48)
    result = run(areas, hazard(path))
    a = result.areas.iloc[0]
    assert a["c3_share"] == pytest.approx(0.5, abs=1e-6)
    expected_km2 = areas.to_crs(UTM47).area.iloc[0] / 1e6
    assert a["area_km2"] == pytest.approx(expected_km2, rel=1e-9)
    assert a["c3_km2"] == pytest.approx(0.5 * expected_km2, rel=1e-6)
    warn = [w for w in result.warnings if w.severity == "warning" and "EPSG:32648" in w.en]
    assert warn and "EPSG:32647" in warn[0].en and "ต่างจากระบบพิกัด" in warn[0].th


def test_geographic_raster(tmp_path):
    res = 0.001
    data = np.full((20, 20), NODATA, dtype="float32")
    data[5:15, 5:10] = 2.5
    path = write_tif(tmp_path / "geo.tif", data, Affine(res, 0, 100.4, 0, -res, 7.02), "EPSG:4326")
    areas = gpd.GeoDataFrame({"code": ["901101"], "name_th": ["ก"], "name_en": None, "parent_code": "9011"},
                             geometry=[shapely.box(100.405, 7.005, 100.415, 7.015)], crs="EPSG:4326")
    result = run(areas, hazard(path))
    a = result.areas.iloc[0]
    assert a["c4_share"] == pytest.approx(0.5, abs=1e-9)
    assert a["area_km2"] == pytest.approx(areas.to_crs(UTM47).area.iloc[0] / 1e6)
    assert any("EPSG:4326" in w.en for w in result.warnings)


# ----------------------------------------------------------------------------------------------- errors

def test_raster_not_overlapping_the_province_is_a_clear_error(tmp_path):
    far = half_block(tmp_path, x0=480_000.0, y0=2_080_000.0)  # Chiang Mai, far from the squares near Hat Yai
    with pytest.raises(fx.ExposureError, match="ไม่ซ้อนทับ") as err:
        run(squares(), hazard(far))
    assert "does not overlap" in str(err.value) and "check the raster's CRS" in str(err.value)


def test_raster_not_overlapping_the_workspace_areas(workspace, tmp_path):
    workspace.write_layer("tambon", squares())
    far = half_block(tmp_path, x0=480_000.0, y0=2_080_000.0)
    import_file(workspace, far, "hazard", hazard_name="far", raster_kind="depth")
    with pytest.raises(fx.ExposureError, match="does not overlap"):
        fx.run_workspace(workspace, "far")


def test_empty_class_table_is_refused(tmp_path):
    haz = hazard(half_block(tmp_path), scheme=ClassScheme("depth", ()))
    problems = fx.validate(fx.ExposureInputs(squares(), haz))
    assert any(p.severity == "error" and "ตารางระดับความเสี่ยงว่าง" in p.th for p in problems)
    with pytest.raises(fx.ExposureError, match="the class table is empty"):
        run(squares(), haz)


def test_no_areas_and_no_hazard_are_errors(workspace, tmp_path):
    with pytest.raises(fx.ExposureError, match="no hazard yet"):
        fx.run_workspace(workspace)
    import_file(workspace, half_block(tmp_path), "hazard", hazard_name="d", raster_kind="depth")
    with pytest.raises(fx.ExposureError, match="no subdistrict boundaries"):
        fx.run_workspace(workspace, "d")
    with pytest.raises(fx.ExposureError, match="no hazard named 'x'"):
        fx.run_workspace(workspace, "x")


# ----------------------------------------------------------------------------------------------- thresholds

def test_thresholds_saved_in_the_workspace_are_used_after_reopening(tmp_path):
    path = tmp_path / "ws.gpkg"
    ws = Workspace.create(path)
    ws.write_layer("tambon", squares())
    import_file(ws, half_block(tmp_path, depth=0.9), "hazard", hazard_name="depth", raster_kind="depth")
    assert fx.run_workspace(ws, "depth").areas.iloc[0]["c2_share"] == pytest.approx(0.5)  # default: 0.9 m is medium
    save_scheme(ws, "depth", ClassScheme("depth", ((1, 0.1), (3, 0.8), (4, 1.5))))
    ws.close()
    with Workspace.open(path) as ws:
        assert load_scheme(ws, "depth").breaks == ((1, 0.1), (3, 0.8), (4, 1.5))
        result = fx.run_workspace(ws, "depth")
    a = result.areas.iloc[0]
    assert a["c3_share"] == pytest.approx(0.5) and a["c2_share"] == 0
    assert result.provenance.parameters["thresholds"]["breaks"] == [[1, 0.1], [3, 0.8], [4, 1.5]]


# ----------------------------------------------------------------------------------------------- projects

def _projects() -> gpd.GeoDataFrame:
    to_ll = gpd.GeoSeries([
        shapely.Point(X0 + 250, Y0 + 500),  # in the 1 m block
        shapely.Point(X0 + 750, Y0 + 500),  # dry
        shapely.LineString([(X0 + 100, Y0 + 300), (X0 + 900, Y0 + 300)]),  # half its length in the block
        shapely.Point(X0 + 300, Y0 + 300),  # a dredging project in the block
        shapely.Point(X0 + 350, Y0 + 350),  # a flood-work agenda project
        None,  # located by tambon only
    ], crs=UTM47).to_crs("EPSG:4326")
    return gpd.GeoDataFrame({
        "project_id": ["R1", "R2", "R3", "D1", "W1", "T1"],
        "title": ["ก่อสร้างถนน คสล. สายบ้านควน", "ก่อสร้างอาคารเรียน", "ก่อสร้างถนนลาดยาง สายบ้านนา",
                  "ขุดลอกคลองอู่ตะเภา", "จัดทำแผนรับมืออุทกภัย", "ก่อสร้างศาลาประชาคม"],
        "agenda": ["transport", "education", "transport", "transport", "water", "social"],
        "budget": [1e6, 2e6, 3e6, 4e6, 5e5, 1e5],
        "tambon_code": ["901100"] * 6, "amphoe_code": ["9011"] * 6, "changwat_code": ["90"] * 6,
        "location_precision": ["point", "point", "line", "point", "point", "tambon"],
        "source": "t.csv",
    }, geometry=to_ll.values, crs="EPSG:4326")


def test_project_exposure_flags_and_mitigation(tmp_path):
    result = run(squares(), hazard(half_block(tmp_path)), _projects())
    p = result.projects.set_index("project_id")
    assert p.loc["R1", "max_class"] == 3 and p.loc["R1", "hazard_value"] == pytest.approx(1.0)
    assert p.loc["R1", "flagged"] and "high/very-high" in p.loc["R1", "flag_reason"]
    assert p.loc["R2", "max_class"] == 0 and not p.loc["R2", "flagged"]
    assert p.loc["R3", "measure"] == "length"
    assert p.loc["R3", "c3_share"] == pytest.approx(0.5, abs=1e-9) and p.loc["R3", "flagged"]
    assert p.loc["D1", "is_mitigation"] and not p.loc["D1", "flagged"]  # a dredging work in the water is expected
    assert p.loc["W1", "is_mitigation"] and not p.loc["W1", "is_construction"]
    assert not p.loc["T1", "sampled"] and p.loc["T1", "max_class"] == -1
    a = result.areas.iloc[0]
    assert a["projects"] == 6 and a["flagged_projects"] == 2 and a["exposed_projects"] == 4
    assert a["mitigation_projects"] == 2 and a["mitigation_budget"] == pytest.approx(4.5e6)
    assert list(result.flagged_projects()["project_id"]) == ["R1", "R3"] or \
        set(result.flagged_projects()["project_id"]) == {"R1", "R3"}
    assert set(result.projects_in("901100")["project_id"]) == set("R1 R2 R3 D1 W1 T1".split())
    assert any("tambon/amphoe location" in w.en for w in result.warnings)


def test_flag_threshold_for_lines(tmp_path):
    result = run(squares(), hazard(half_block(tmp_path)), _projects(), flag_min_share=0.6)
    p = result.projects.set_index("project_id")
    assert not p.loc["R3", "flagged"] and p.loc["R1", "flagged"]  # half a road under water < 60 %


def test_point_sampling_is_vectorised_index_arithmetic(tmp_path):
    grid = fx.read_raster(half_block(tmp_path), nodata=NODATA)
    x = np.array([X0 + 10, X0 + 499.9, X0 + 500.1, X0 - 10_000, X0 + 250])
    y = np.array([Y0 + 10, Y0 + 999.9, Y0 + 10, Y0, Y0 - 0.1])
    v = fx.sample_points(grid, x, y)
    assert v[:2].tolist() == [1.0, 1.0]
    assert np.isnan(v[2]) and np.isnan(v[3]) and np.isnan(v[4])  # dry (nodata), outside, below the block


# ----------------------------------------------------------------------------------------------- vector zones

def test_vector_frequency_zones_take_the_higher_class_where_they_overlap():
    west = shapely.box(X0, Y0, X0 + 500, Y0 + 1000)
    north_west = shapely.box(X0, Y0 + 500, X0 + 500, Y0 + 1000)
    zones = gpd.GeoDataFrame({"hazard": "ldd", "class": [3, 4], "class_label": ["สูง", "สูงมาก"],
                              "frequency": [5.0, 9.0], "depth": np.nan},
                             geometry=[west, north_west], crs=UTM47).to_crs("EPSG:4326")
    haz = fx.HazardLayer("ldd", "frequency", default_scheme("frequency"), zones=zones, storage="vector")
    result = run(squares(), haz, _projects())
    a = result.areas.iloc[0]
    assert a["c4_share"] == pytest.approx(0.25, rel=1e-6) and a["c3_share"] == pytest.approx(0.25, rel=1e-6)
    assert a["none_share"] == pytest.approx(0.5, rel=1e-6)
    assert a["value_max"] == 9.0
    assert a["value_mean"] == pytest.approx((0.5 * 5 + 0.25 * 9) / 0.75, rel=1e-6)  # zones overlap: raw weighting
    p = result.projects.set_index("project_id")
    assert p.loc["R1", "max_class"] == 4 and p.loc["R1", "flagged"]  # (250, 500): on the very-high zone's edge
    assert p.loc["R3", "c3_share"] == pytest.approx(0.5, rel=1e-6)


def test_vector_zone_thresholds_reclassify_frequencies():
    zones = gpd.GeoDataFrame({"hazard": "ldd", "class": [2], "class_label": ["ปานกลาง"], "frequency": [3.0],
                              "depth": np.nan}, geometry=[shapely.box(X0, Y0, X0 + 500, Y0 + 1000)],
                             crs=UTM47).to_crs("EPSG:4326")
    strict = ClassScheme("frequency", ((2, 1.0), (3, 2.0), (4, 8.0)))  # ≥ 2 times in 10 years is high
    haz = fx.HazardLayer("ldd", "frequency", strict, zones=zones, storage="vector")
    assert run(squares(), haz).areas.iloc[0]["c3_share"] == pytest.approx(0.5, rel=1e-6)


# ----------------------------------------------------------------------------------------------- levels

def test_village_points_are_sampled(tmp_path):
    pts = gpd.GeoSeries([shapely.Point(X0 + 100, Y0 + 100), shapely.Point(X0 + 900, Y0 + 100)],
                        crs=UTM47).to_crs("EPSG:4326")
    muban = gpd.GeoDataFrame({"code": ["90110001", "90110002"], "name_th": ["บ้านก", "บ้านข"], "name_en": None,
                              "parent_code": "901100", "village_no": [1, 2]}, geometry=pts.values, crs="EPSG:4326")
    result = run(muban, hazard(half_block(tmp_path)), level="muban")
    a = result.areas.set_index("code")
    assert a.loc["90110001", "max_class"] == 3 and a.loc["90110001", "c3_share"] == 1.0
    assert a.loc["90110002", "max_class"] == 0 and np.isnan(a.loc["90110001", "area_km2"])


def test_provenance_records_source_thresholds_crs_date_and_version(tmp_path):
    from areaplan import __version__

    result = run(squares(), hazard(half_block(tmp_path)))
    prov = result.provenance
    assert prov.analysis == "flood_exposure" and prov.areaplan_version == __version__ and prov.created_at
    assert prov.inputs["hazard_source"] == "half.tif" and prov.inputs["raster_crs"] == "EPSG:32647"
    assert prov.inputs["metric_crs"] == "EPSG:32647" and prov.inputs["engine"].startswith("exactextract")
    assert prov.parameters["thresholds"] == default_scheme("depth").as_dict()
    assert any("สูง (high)" in line for line in prov.lines())


def test_cancel_stops_the_run(tmp_path):
    from areaplan.errors import Cancelled

    with pytest.raises(Cancelled):
        fx.run(fx.ExposureInputs(squares(), hazard(half_block(tmp_path))), cancelled=lambda: True)


def test_strips_give_the_same_result_as_one_pass(tmp_path):
    rng = np.random.default_rng(5)
    data = rng.gamma(1.0, 0.8, (60, 60)).astype("float32")
    path = write_tif(tmp_path / "noise.tif", data, Affine(50, 0, X0 - 500, 0, -50, Y0 + 2500), UTM47)
    areas = squares((0.0, 333.0, 777.0))
    areas["geometry"] = areas.geometry.rotate(17, origin="centroid")
    one = run(areas, hazard(path)).areas
    many = run(areas, hazard(path), max_cells=300).areas  # 5 rows per strip
    cols = ["c1_share", "c2_share", "c3_share", "c4_share", "none_share", "value_mean", "value_max"]
    np.testing.assert_allclose(many[cols].to_numpy(float), one[cols].to_numpy(float), rtol=1e-6, atol=1e-9)


# ----------------------------------------------------------------------------------------------- exactextract

@pytest.mark.realdata
def test_agrees_with_exactextract_on_real_songkhla_tambons(tmp_path):
    from exactextract import exact_extract

    tambon = gpd.read_file(shared_file("thailand_admin.gpkg"), layer="tambon")
    tambon = tambon[tambon["ADM1_PCODE"] == "TH90"].reset_index(drop=True)
    utm = tambon.to_crs(UTM47)
    utm["geometry"] = shapely.segmentize(utm.geometry.values, 200.0)
    minx, miny, maxx, maxy = utm.total_bounds
    res = 120.0
    w, h = int((maxx - minx) // res) + 2, int((maxy - miny) // res) + 2
    yy, xx = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(7)
    depth = (1.2 * np.sin(xx / 40) + np.cos(yy / 55) + rng.normal(0, 0.4, (h, w))).astype("float32")
    depth[depth < 0.2] = NODATA
    transform = Affine(res, 0, minx - res, 0, -res, maxy + res)
    path = write_tif(tmp_path / "depth.tif", depth, transform, UTM47)
    areas = utm.to_crs("EPSG:4326").rename(columns={"ADM3_PCODE": "code", "ADM3_TH": "name_th", "ADM3_EN": "name_en"})
    areas["parent_code"] = "90"
    result = run(areas, hazard(path))
    a = result.areas

    # exactextract called directly: class fractions of a class raster, mean/max of the flooded depths
    scheme = default_scheme("depth")
    classes = scheme.classify(np.where(depth == NODATA, np.nan, depth)).astype("float32")
    cpath = write_tif(tmp_path / "classes.tif", classes, transform, UTM47, nodata=255)
    frac = exact_extract(str(cpath), utm, ["unique", "frac"], output="pandas")
    wet = np.where(classes > 0, depth, NODATA)
    wpath = write_tif(tmp_path / "wet.tif", wet, transform, UTM47)
    stats = exact_extract(str(wpath), utm, ["mean", "max"], output="pandas")
    for k in (0, 1, 2, 3, 4):
        expected = np.array([dict(zip(u, f)).get(float(k), 0.0) for u, f in zip(frac["unique"], frac["frac"])])
        col = "none_share" if k == 0 else f"c{k}_share"
        np.testing.assert_allclose(a[col].to_numpy(float), expected, rtol=1e-6, atol=1e-12)
        if k:
            np.testing.assert_allclose(a[f"c{k}_km2"].to_numpy(float), expected * utm.area.to_numpy() / 1e6,
                                       rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(a["value_mean"].to_numpy(float), stats["mean"].to_numpy(float), rtol=1e-6)
    np.testing.assert_allclose(a["value_max"].to_numpy(float), stats["max"].to_numpy(float), rtol=1e-6)
    assert (a["c3_share"] > 0).sum() > 50  # the test exercises every class on most tambons
    assert len(a) == 127


def test_demo_workspace_ranks_tambons_and_finds_projects_in_deep_water(tmp_path):
    import shutil

    demo = Path(__file__).resolve().parents[2] / "sample_data" / "demo_songkhla.gpkg"
    if not demo.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg not built")
    copy = tmp_path / "demo.gpkg"
    shutil.copy(demo, copy)
    result = fx.run_workspace(copy, "flood_depth")
    ranked = result.ranked()
    assert len(ranked) == 127 and ranked["high_share"].iloc[0] >= ranked["high_share"].iloc[-1]
    assert ranked["high_share"].iloc[0] > 0.2
    assert result.projects["flagged"].sum() > 0 and result.areas["mitigation_budget"].sum() > 0
    zones = fx.run_workspace(copy, "น้ำท่วมซ้ำซาก (LDD-style frequency)", level="amphoe")
    assert len(zones.areas) == 16 and zones.areas["high_share"].max() > 0
    assert pd.Series(zones.areas["c1_share"]).fillna(0).eq(0).all()  # LDD bands have no ต่ำ class
