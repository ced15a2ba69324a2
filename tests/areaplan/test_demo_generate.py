"""The demonstration-province generator: counts, topology, ground truth, files and determinism."""

from __future__ import annotations

import hashlib
import json
import time

import geothai
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from areaplan.demo import generate as G
from areaplan.values import parse_budget, parse_year
from areaplan.vocab import AGENDAS, CHANNELS, LEVELS, PLAN_KINDS, STATUSES, to_code

SEED = 2569


@pytest.fixture(scope="module")
def data() -> G.DemoData:
    return G.generate(SEED)


@pytest.fixture(scope="module")
def files(data, tmp_path_factory):
    return G.write_inputs(data, tmp_path_factory.mktemp("demo_inputs"))


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- counts and names


def test_generate_is_fast():
    t = time.perf_counter()
    G.generate(7)
    assert time.perf_counter() - t < 10


def test_admin_counts_and_real_names(data):
    districts = geothai.districts("90")
    subs = [s for d in districts for s in geothai.subdistricts(d.code)]
    assert len(data.changwat) == 1 and data.changwat["code"].tolist() == ["90"]
    assert data.changwat["name_th"].iloc[0] == "สงขลา" and data.changwat["parent_code"].isna().all()
    assert len(data.amphoe) == len(districts) == 16
    assert len(data.tambon) == len(subs) == 127
    assert dict(zip(data.amphoe["code"], data.amphoe["name_th"])) == {d.code: d.name_th for d in districts}
    assert dict(zip(data.tambon["code"], data.tambon["name_th"])) == {s.code: s.name_th for s in subs}
    assert dict(zip(data.tambon["code"], data.tambon["name_en"])) == {s.code: s.name_en for s in subs}
    assert (data.amphoe["parent_code"] == "90").all()
    assert (data.tambon["parent_code"] == data.tambon["code"].str[:4]).all()
    for frame in (data.changwat, data.amphoe, data.tambon, data.muban):
        assert frame.crs.to_epsg() == 4326


def test_villages(data):
    m = data.muban
    per = m.groupby("parent_code").size()
    assert set(per.index) == set(data.tambon["code"])
    assert per.between(4, 12).all()
    assert m["code"].str.fullmatch(r"\d{8}").all() and m["code"].is_unique
    assert (m["code"].str[:6] == m["parent_code"]).all()
    assert (m["code"].str[6:].astype(int) == m["village_no"]).all()
    assert m["name_th"].str.startswith("บ้าน").all()
    assert (m.geom_type == "Point").all()
    tambon = data.tambon.set_index("code").geometry
    assert all(tambon[p].contains(g) for p, g in zip(m["parent_code"], m.geometry))


def test_projects_counts_channels_years(data):
    p = data.projects
    assert list(p.columns) == G.PROJECT_COLUMNS
    assert 1400 <= len(p) <= 1600
    assert p["project_id"].is_unique
    assert set(p["channel"]) == set(CHANNELS)
    assert set(p["fiscal_year"]) == {2567, 2568, 2569}
    assert set(p["agenda"]) <= set(AGENDAS) and set(p["status"]) <= set(STATUSES)
    assert p["title"].str.len().gt(10).all() and (p["budget"] > 0).all()
    located = p["lon"].notna() | p["wkt"].notna()
    assert 0.3 <= located.mean() <= 0.5
    kinds = data.project_truth["geometry_kind"].value_counts()
    assert kinds.get("line", 0) >= 5 and kinds.get("polygon", 0) >= 3
    # community plans carry a free-text place only
    community = p[p["channel"] == "community"]
    assert community[["tambon", "amphoe", "village_no", "lon", "wkt"]].isna().all().all()
    # place only in the title for some rows
    title_only = p[p["tambon"].isna() & p["location_text"].isna() & p["lon"].isna() & p["wkt"].isna()]
    assert len(title_only) > 50 and title_only["title"].str.contains(r"ต\.|ตำบล").all()


def test_plans_levels_kinds_and_links(data):
    plans = data.plans
    assert list(plans.columns) == G.PLAN_COLUMNS
    assert 28 <= len(plans) <= 40 and plans["plan_id"].is_unique
    assert set(plans["level"]) == set(LEVELS)
    assert set(plans["kind"]) == set(PLAN_KINDS)
    agenda_plans = plans[plans["kind"] == "agenda"]
    assert agenda_plans["agenda"].isin(list(AGENDAS)).all()
    assert plans.loc[plans["kind"] == "area", "agenda"].isna().all()
    ids = set(plans["plan_id"])
    assert plans["parent_id"].dropna().isin(ids).all()
    assert (plans["period_start"] <= plans["period_end"]).all() and plans["period_start"].min() >= 2561
    # a full chain village -> tambon -> district -> province -> cluster -> region -> national
    parent = dict(zip(plans["plan_id"], plans["parent_id"]))
    level = dict(zip(plans["plan_id"], plans["level"]))
    chain, pid = [], plans.loc[plans["level"] == "village", "plan_id"].iloc[0]
    while isinstance(pid, str):
        chain.append(level[pid])
        pid = parent[pid]
    assert chain == ["village", "tambon", "district", "province", "cluster", "region", "national", "national"]
    # coverage codes are DOPA codes; empty means the owner's whole jurisdiction
    codes = set(data.tambon["code"]) | set(data.amphoe["code"]) | set(data.muban["code"]) | {"90"}
    for cov in plans["coverage"].dropna():
        parts = cov.split(";")
        assert all(c.isdigit() and len(c) in (2, 4, 6, 8) for c in parts)
        assert all(c in codes for c in parts if len(c) > 2)
    assert plans["coverage"].isna().any()
    # every plan a project names exists
    used = {i.strip() for v in data.projects["plan_ids"] if v for i in v.replace(",", ";").split(";")}
    assert used and used <= ids


# --------------------------------------------------------------------------- geometry


def test_boundaries_valid_and_tiling(data):
    for frame in (data.changwat, data.amphoe, data.tambon):
        assert frame.geom_type.isin(["Polygon", "MultiPolygon"]).all()
        assert frame.is_valid.all() and (~frame.is_empty).all()
    lon0, lat0, lon1, lat1 = data.changwat.total_bounds
    assert 99.9 < lon0 < 100.3 and 100.9 < lon1 < 101.2 and 6.2 < lat0 < 6.5 and 7.8 < lat1 < 8.05
    tambon = data.tambon
    for code, amp in zip(data.amphoe["code"], data.amphoe.geometry):
        parts = tambon.loc[tambon["parent_code"] == code].geometry.values
        union = shapely.union_all(parts)
        assert abs(union.area - amp.area) <= 1e-9 * amp.area
        assert abs(sum(g.area for g in parts) - amp.area) <= 1e-9 * amp.area  # no overlaps
        assert shapely.symmetric_difference(union, amp).area <= 1e-9 * amp.area
    prov = data.changwat.geometry.iloc[0]
    assert abs(sum(g.area for g in data.amphoe.geometry) - prov.area) <= 1e-9 * prov.area
    assert shapely.symmetric_difference(shapely.union_all(data.amphoe.geometry.values), prov).area <= 1e-9 * prov.area
    # the lake indents the west: the province covers much less than its outline's hull
    assert prov.area < 0.85 * prov.convex_hull.area
    # เกาะยอ is an island
    ko_yo = tambon.set_index("code").geometry["900106"]
    others = tambon[tambon["code"] != "900106"].geometry.values
    assert not shapely.intersects(ko_yo, shapely.union_all(others))


@pytest.mark.parametrize("seed", [1, 2, 3, 42, 2570])
def test_boundaries_hold_for_other_seeds(seed):
    _, amphoe, tambon, _, _ = G._build_boundaries(np.random.default_rng([seed, 1]))
    assert len(tambon) == 127 and tambon.is_valid.all() and (~tambon.is_empty).all()
    assert tambon.geom_type.isin(["Polygon", "MultiPolygon"]).all()
    for code, amp in zip(amphoe["code"], amphoe.geometry):
        parts = tambon.loc[tambon["parent_code"] == code].geometry.values
        assert abs(sum(g.area for g in parts) - amp.area) <= 1e-9 * amp.area


def _named_tambon(row, code: str, names: dict[str, str]) -> bool:
    name = names[code]
    if isinstance(row["tambon"], str):
        return row["tambon"] in (name, code, f"ต.{name}", f"ตำบล{name}")
    text = f"{row['location_text'] or ''} {row['title']}"
    return f"ต.{name}" in text or f"ตำบล{name}" in text


def test_projects_with_coordinates_lie_in_the_named_tambon(data):
    p = data.projects.merge(data.project_truth, on="project_id")
    names = dict(zip(data.tambon["code"], data.tambon["name_th"]))
    geoms = data.tambon.set_index("code").geometry
    located = p[p["lon"].notna() | p["wkt"].notna()]
    assert len(located) > 400
    for _, row in located.iterrows():
        geom = shapely.Point(row["lon"], row["lat"]) if pd.notna(row["lon"]) else shapely.from_wkt(row["wkt"])
        assert geoms[row["tambon_code"]].contains(geom), row["project_id"]
        assert _named_tambon(row, row["tambon_code"], names), row["project_id"]
        if isinstance(row["village_code"], str) and pd.notna(row["lon"]):
            village = data.muban.set_index("code").geometry[row["village_code"]]
            assert village.distance(geom) < 0.02  # within about 2 km of its village
    # an address is always there for rows without coordinates
    unlocated = p[p["lon"].isna() & p["wkt"].isna()]
    for _, row in unlocated.iterrows():
        assert _named_tambon(row, row["tambon_code"], names), row["project_id"]


# --------------------------------------------------------------------------- duplicates


def test_planted_duplicates(data):
    d = data.true_duplicates
    assert list(d.columns) == ["project_id_a", "project_id_b", "kind"]
    counts = d["kind"].value_counts()
    assert 35 <= counts["same_work_two_channels"] <= 45
    for kind in ("neighbour_village", "later_phase", "multi_year", "different_work_same_place"):
        assert counts.get(kind, 0) >= 5
    p = data.projects.merge(data.project_truth, on="project_id").set_index("project_id")
    p["village_code"] = p["village_code"].fillna("")
    assert d["project_id_a"].isin(p.index).all() and d["project_id_b"].isin(p.index).all()
    for row in d.itertuples():
        a, b = p.loc[row.project_id_a], p.loc[row.project_id_b]
        assert a["tambon_code"] == b["tambon_code"]
        if row.kind == "same_work_two_channels":
            assert a["channel"] != b["channel"]
            assert a["village_code"] == b["village_code"] and a["work_type"] == b["work_type"]
            assert abs(int(a["fiscal_year"]) - int(b["fiscal_year"])) <= 1
            assert a["title"] != b["title"]
            assert 0.8 < a["budget"] / b["budget"] < 1.25
        elif row.kind == "neighbour_village":
            assert a["village_code"] != b["village_code"] and a["work_type"] == b["work_type"]
        elif row.kind == "later_phase":
            assert "ระยะที่" in a["title"] or "ระยะที่" in b["title"]
            assert a["fiscal_year"] != b["fiscal_year"]
        elif row.kind == "multi_year":
            assert a["title"] == b["title"] and a["channel"] == b["channel"]
            assert a["fiscal_year"] != b["fiscal_year"]
        elif row.kind == "different_work_same_place":
            assert a["village_code"] == b["village_code"] and a["work_type"] != b["work_type"]


def test_no_unplanted_duplicates(data):
    """Apart from the planted pairs, no two projects are the same work at the same place."""
    t = data.project_truth.copy()
    t["place"] = t["village_code"].fillna(t["tambon_code"])
    planted = set()
    for a, b, kind in data.true_duplicates.itertuples(index=False):
        if kind in ("same_work_two_channels", "later_phase", "multi_year"):
            planted |= {a, b}
    groups = t.groupby(["place", "work_type"])["project_id"].apply(list)
    for ids in groups[groups.map(len) > 1]:
        assert set(ids) <= planted, ids


# --------------------------------------------------------------------------- flood


def test_flood_raster_and_zones(data):
    depth = data.depth
    assert depth.dtype == np.float32 and max(depth.shape) <= 1500
    assert data.depth_crs == "EPSG:32647" and data.depth_transform.a == 100 and data.depth_transform.e == -100
    wet = depth != G.NODATA
    assert 0.03 < wet.mean() < 0.5
    assert depth[wet].min() > 0 and depth[wet].max() <= 4.0
    z = data.hazard_zones
    assert list(z.columns) == ["frequency", "class", "class_label", "geometry"] and z.crs.to_epsg() == 4326
    assert z["frequency"].between(1, 10).all()
    expected = np.select([z["frequency"] <= 3, z["frequency"] <= 7], [2, 3], 4)
    assert (z["class"].to_numpy() == expected).all()
    assert set(z["class_label"]) == {"ปานกลาง", "สูง", "สูงมาก"}
    assert z.is_valid.all() and z.geom_type.isin(["Polygon", "MultiPolygon"]).all()
    prov = data.changwat.geometry.iloc[0].buffer(0.01)
    assert shapely.union_all(z.geometry.values).difference(prov).area < 1e-4
    # polygons and raster come from the same field: flooded pixels under the zones
    from rasterio import features

    zones_utm = z.to_crs(data.depth_crs)
    mask = features.rasterize([(g, 1) for g in zones_utm.geometry], out_shape=depth.shape,
                              transform=data.depth_transform, dtype="uint8").astype(bool)
    assert (wet & mask).sum() / wet.sum() > 0.8


# --------------------------------------------------------------------------- files


def test_written_vocabulary_resolves():
    for code, written in G.CHANNEL_WRITTEN.items():
        assert to_code("channel", written) == code
    for vocab, table in (("agenda", AGENDAS), ("status", STATUSES), ("level", LEVELS)):
        for code, label in table.items():
            assert to_code(vocab, label) == code
    for code, written in G.KIND_WRITTEN.items():
        assert to_code("kind", written) == code


def test_files_written_and_small(files):
    assert set(files) == {"boundaries", "projects_province", "projects_local", "projects_function",
                          "projects_community", "projects_cluster", "projects_other", "plans",
                          "flood_frequency", "flood_depth"}
    assert all(p.exists() and p.stat().st_size > 0 for p in files.values())
    assert sum(p.stat().st_size for p in files.values()) < 6 * 1024 * 1024


def test_boundaries_gpkg(files, data):
    path = files["boundaries"]
    layers = dict(pyogrio.list_layers(path))
    assert set(layers) == {"changwat", "amphoe", "tambon", "muban"}
    tambon = pyogrio.read_dataframe(path, layer="tambon")
    assert {"TAM_CODE", "TAM_NAME_T", "TAM_NAME_E", "AMP_CODE"} <= set(tambon.columns)
    assert len(tambon) == 127 and tambon["TAM_CODE"].tolist() == data.tambon["code"].tolist()
    assert {"AMP_CODE", "AMP_NAME_T", "AMP_NAME_E", "PROV_CODE"} <= set(pyogrio.read_dataframe(path, layer="amphoe").columns)
    assert {"PROV_CODE", "PROV_NAME_T", "PROV_NAME_E"} <= set(pyogrio.read_dataframe(path, layer="changwat").columns)
    muban = pyogrio.read_dataframe(path, layer="muban")
    assert {"VILL_CODE", "VILL_NAME_T", "VILL_NO", "TAM_CODE"} <= set(muban.columns) and len(muban) == len(data.muban)
    for layer in layers:
        meta = pyogrio.read_info(path, layer=layer)["layer_metadata"]
        assert G.DEMO_MARK in meta["DESCRIPTION"] and G.DEMO_MARK in meta["IDENTIFIER"]


def test_province_xlsx(files, data):
    from openpyxl import load_workbook

    wb = load_workbook(files["projects_province"])
    ws = wb["โครงการ"]
    assert "A1" in {str(r).split(":")[0] for r in ws.merged_cells.ranges}
    assert G.DEMO_MARK in ws["A1"].value
    headers = [c.value for c in ws[4]]
    assert "งบประมาณ (บาท)" in headers and "ชื่อโครงการ" in headers and "ปีงบประมาณ" in headers
    frame = pd.read_excel(files["projects_province"], sheet_name="โครงการ", header=3)
    expected = data.projects[data.projects["channel"] == "province"]
    assert len(frame) == len(expected)
    assert frame["ปีงบประมาณ"].between(2567, 2569).all()
    assert frame["รหัสโครงการ"].tolist() == expected["project_id"].tolist()
    assert np.allclose(frame["งบประมาณ (บาท)"], expected["budget"])
    assert {to_code("channel", v) for v in frame["แหล่งงบประมาณ"]} == {"province"}
    assert {to_code("status", v) for v in frame["สถานะ"]} <= set(STATUSES)


def test_local_csv_is_cp874_with_mixed_years_and_budgets(files, data):
    raw = files["projects_local"].read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp874")
    assert text.startswith("รหัสโครงการ,ชื่อโครงการ")
    raw.decode("tis-620")  # no Windows-only characters either
    frame = pd.read_csv(files["projects_local"], encoding="cp874", dtype=str, keep_default_na=False)
    expected = data.projects[data.projects["channel"] == "local"].reset_index(drop=True)
    assert frame["รหัสโครงการ"].tolist() == expected["project_id"].tolist()
    assert frame["ชื่อโครงการ"].tolist() == expected["title"].tolist()
    years = frame["ปีงบประมาณ"]
    ce = years.str.fullmatch(r"20\d\d")
    thai = years.str.contains("[๐-๙]")
    assert 0.03 < ce.mean() < 0.2 and 0.03 < thai.mean() < 0.2
    assert [parse_year(y) for y in years] == expected["fiscal_year"].tolist()
    assert [parse_budget(b) for b in frame["งบประมาณ"]] == expected["budget"].tolist()
    assert frame["งบประมาณ"].str.contains("ล้าน").any() and frame["งบประมาณ"].str.contains(",").any()


def test_other_project_files(files, data):
    by = data.projects.groupby("channel").size()
    community = files["projects_community"].read_bytes()
    assert community.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(files["projects_community"], encoding="utf-8-sig", dtype=str)
    assert len(frame) == by["community"] and "สถานที่ดำเนินการ" in frame.columns
    assert not {"ตำบล", "อำเภอ", "lon", "lat"} & set(frame.columns)
    cluster = pd.read_csv(files["projects_cluster"], dtype=str)
    assert len(cluster) == by["cluster"] and {"X", "Y", "wkt"} <= set(cluster.columns)
    other = pd.read_csv(files["projects_other"], sep=";", dtype=str)
    assert len(other) == by["other"] and "funding_source" in other.columns
    func = pyogrio.read_dataframe(files["projects_function"])
    assert len(func) == by["function"] and {"project_id", "title", "budget", "fiscal_year"} <= set(func.columns)
    types = set(func.geom_type.dropna())
    assert {"Point", "LineString"} <= types
    with open(files["projects_function"], encoding="utf-8") as f:
        assert json.load(f)["type"] == "FeatureCollection"
    plans = pd.read_csv(files["plans"], encoding="utf-8-sig", dtype=str)
    assert len(plans) == len(data.plans) and "รหัสแผน" in plans.columns
    assert {to_code("level", v) for v in plans["ระดับ"]} == set(LEVELS)
    assert {to_code("kind", v) for v in plans["ประเภท"]} == set(PLAN_KINDS)


def test_flood_files(files, data):
    import rasterio

    zones = pyogrio.read_dataframe(files["flood_frequency"])
    assert len(zones) == len(data.hazard_zones) and {"frequency", "class", "class_label"} <= set(zones.columns)
    meta = pyogrio.read_info(files["flood_frequency"])["layer_metadata"]
    assert G.DEMO_MARK in meta["DESCRIPTION"]
    with rasterio.open(files["flood_depth"]) as src:
        assert src.crs.to_epsg() == 32647 and src.nodata == G.NODATA
        assert src.res == (100.0, 100.0) and src.dtypes[0] == "float32"
        assert src.profile["tiled"] and src.compression.name.lower() == "deflate"
        assert np.array_equal(src.read(1), data.depth)
        assert G.DEMO_MARK in src.tags()["TIFFTAG_IMAGEDESCRIPTION"]


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_bytes(data, files, tmp_path):
    again = G.generate(SEED)
    pd.testing.assert_frame_equal(again.projects, data.projects)
    pd.testing.assert_frame_equal(again.plans, data.plans)
    pd.testing.assert_frame_equal(again.true_duplicates, data.true_duplicates)
    assert np.array_equal(again.depth, data.depth)
    assert again.tambon.geometry.geom_equals_exact(data.tambon.geometry, 0).all()
    out = G.write_inputs(again, tmp_path)
    for name in ("projects_local", "projects_community", "projects_cluster", "projects_other", "plans",
                 "projects_function"):
        assert _sha(out[name]) == _sha(files[name]), name


def test_other_seed_other_data(data):
    other = G.generate(SEED + 1)
    assert len(other.tambon) == len(data.tambon)
    assert not other.projects["title"].equals(data.projects["title"])
    assert not other.tambon.geometry.geom_equals_exact(data.tambon.geometry, 1e-9).all()
