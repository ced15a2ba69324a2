"""Vector readers: GeoPackage, Shapefile (cp874), GeoJSON, KML/KMZ, CRS step, geometry repair, errors.

Every fixture is built in tmp_path at test time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely import LineString, Point, Polygon

import areaplan
from areaplan.errors import ImportFormatError, InputFileError
from areaplan.importers import geojson, gpkg, kml, shapefile
from areaplan.importers.geometry import keep_dimension, repair_geometries
from areaplan.importers.table import RawTable

SONGKHLA = (100.47, 7.0)
UBON = (104.85, 15.23)
GEOD = Geod(ellps="WGS84")
REPO = Path(areaplan.__file__).resolve().parents[1]


def metres_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    return abs(GEOD.inv(a[0], a[1], b[0], b[1])[2])


def project(lon: float, lat: float, epsg: int) -> tuple[float, float]:
    x, y = Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)
    return float(x), float(y)


def bowtie(lon: float, lat: float) -> Polygon:
    d = 0.01
    return Polygon([(lon, lat), (lon + d, lat + d), (lon + d, lat), (lon, lat + d), (lon, lat)])


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def two_layer_gpkg(tmp_path: Path) -> Path:
    path = tmp_path / "projects.gpkg"
    projects = gpd.GeoDataFrame(
        {"รหัสโครงการ": ["P1", "P2"], "ชื่อโครงการ": ["ซ่อมถนน ม.3", "ขุดลอกคลอง"], "งบประมาณ": [1250000.0, 500000.0]},
        geometry=[Point(*SONGKHLA), Point(100.6, 7.1)],
        crs=4326,
    )
    roads = gpd.GeoDataFrame(
        {"name": ["สาย ก"]}, geometry=[LineString([(100.4, 7.0), (100.5, 7.1)])], crs=4326
    )
    write(projects, path, layer="projects")
    write(roads, path, layer="roads", append=True)
    return path


THAI_ROWS = {"ตำบล": ["คอหงส์", "บ้านพรุ"], "ชื่อ": ["ซ่อมถนนสายบ้านพรุ", "ฝายน้ำล้น ม.3"], "งบ": [100, 200]}


def write(gdf: gpd.GeoDataFrame, path: Path, **kwargs) -> None:
    """pyogrio.write_dataframe without its notices about missing CRS / laundered names."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        pyogrio.write_dataframe(gdf, path, **kwargs)


def thai_shapefile(tmp_path: Path, *, keep_cpg: bool, encoding: str = "cp874", rows: dict | None = None) -> Path:
    path = tmp_path / "thai.shp"
    gdf = gpd.GeoDataFrame(rows or THAI_ROWS, geometry=[Point(*SONGKHLA), Point(100.48, 7.01)], crs=4326)
    write(gdf, path, encoding=encoding)
    cpg = path.with_suffix(".cpg")
    assert cpg.exists()
    if not keep_cpg:
        cpg.unlink()
    return path


KML_TEXT = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <name>โครงการ 2568</name>
  <Folder>
    <name>ถนน</name>
    <Placemark><name>ถนนสาย ก</name><description>ซ่อมถนน ม.3</description>
      <Point><coordinates>100.47,7.0,12.5</coordinates></Point></Placemark>
    <Placemark><name>ถนนสาย ข</name><description>ขยายผิวจราจร</description>
      <LineString><coordinates>100.4,7.0,1 100.5,7.1,2</coordinates></LineString></Placemark>
  </Folder>
  <Folder>
    <name>แหล่งน้ำ</name>
    <Placemark><name>ฝาย</name><description>ฝายน้ำล้น</description>
      <Point><coordinates>100.55,7.05,3</coordinates></Point></Placemark>
  </Folder>
</Document>
</kml>
"""


@pytest.fixture
def kml_file(tmp_path: Path) -> Path:
    path = tmp_path / "google earth.kml"
    path.write_text(KML_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def kmz_file(tmp_path: Path) -> Path:
    path = tmp_path / "โครงการ.kmz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("doc.kml", KML_TEXT)
        zf.writestr("files/icon.txt", "not an icon")
    return path


# --- GeoPackage -----------------------------------------------------------------------------


def test_gpkg_layers_and_named_layer(two_layer_gpkg: Path):
    assert gpkg.read_layers(two_layer_gpkg) == ["projects", "roads"]
    t = gpkg.read_table(two_layer_gpkg, "roads")
    assert isinstance(t, RawTable)
    assert t.layer == "roads" and t.source == "projects.gpkg:roads"
    assert list(t.frame.index) == [1]
    assert t.frame.geometry.iloc[0].geom_type == "LineString"


def test_gpkg_default_layer_is_first_and_warned(two_layer_gpkg: Path):
    t = gpkg.read_table(two_layer_gpkg)
    assert isinstance(t.frame, gpd.GeoDataFrame)
    assert t.layer == "projects"
    assert list(t.frame.columns) == ["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณ", "geometry"]
    assert list(t.frame.index) == [1, 2]
    assert t.frame.crs.to_epsg() == 4326 and t.crs == "EPSG:4326"
    assert t.frame.loc[1, "ชื่อโครงการ"] == "ซ่อมถนน ม.3"
    assert t.frame.loc[2, "งบประมาณ"] == 500000.0
    assert [w.severity for w in t.warnings] == ["warning"]
    assert "2 layers (projects, roads); read projects" in t.warnings[0].en


def test_gpkg_unknown_layer_lists_layers(two_layer_gpkg: Path):
    with pytest.raises(ImportFormatError, match=r"projects\.gpkg.*no layer named 'budget'; layers available: projects, roads"):
        gpkg.read_table(two_layer_gpkg, "budget")


def test_gpkg_empty_layer(tmp_path: Path):
    path = tmp_path / "empty.gpkg"
    gdf = gpd.GeoDataFrame({"name": []}, geometry=gpd.GeoSeries([], crs=4326))
    write(gdf, path, layer="projects")
    with pytest.raises(InputFileError, match=r"empty\.gpkg: ชั้นข้อมูลว่าง.*the layer has no features"):
        gpkg.read_table(path)


def test_missing_file(tmp_path: Path):
    for module, name in ((gpkg, "nope.gpkg"), (shapefile, "nope.shp"), (geojson, "nope.geojson"), (kml, "nope.kml")):
        with pytest.raises(InputFileError, match=rf"{name}: ไม่พบไฟล์ \(file not found\)"):
            module.read_table(tmp_path / name)
        with pytest.raises(InputFileError, match="file not found"):
            module.read_layers(tmp_path / name)


def test_corrupt_gpkg(tmp_path: Path):
    path = tmp_path / "broken.gpkg"
    path.write_text("รหัส,ชื่อ\nP1,ถนน\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"broken\.gpkg: อ่านไฟล์ไม่ได้.*cannot read the file: it is damaged or not a GeoPackage"):
        gpkg.read_table(path)


def test_geojson_given_to_gpkg_reader_is_rejected(tmp_path: Path):
    path = tmp_path / "actually.gpkg"
    gdf = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(*SONGKHLA)], crs=4326)
    write(gdf, path, driver="GeoJSON")
    with pytest.raises(InputFileError, match="not a GeoPackage"):
        gpkg.read_table(path)


def test_corrupt_kmz(tmp_path: Path):
    path = tmp_path / "bad.kmz"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(InputFileError, match=r"bad\.kmz.*cannot read the file"):
        kml.read_table(path)


# --- Shapefile ------------------------------------------------------------------------------


def test_shapefile_cp874_with_cpg(tmp_path: Path):
    path = thai_shapefile(tmp_path, keep_cpg=True)
    t = shapefile.read_table(path)
    assert t.warnings == []
    assert list(t.frame.columns) == ["ตำบล", "ชื่อ", "งบ", "geometry"]
    assert t.frame["ชื่อ"].tolist() == THAI_ROWS["ชื่อ"]
    assert t.layer is None and t.source == "thai.shp"


def test_shapefile_cp874_without_cpg_is_detected(tmp_path: Path):
    path = thai_shapefile(tmp_path, keep_cpg=False)
    # GDAL alone reads the bytes as Latin-1 mojibake:
    raw = pyogrio.read_dataframe(path)
    assert not any("\u0e01" <= ch <= "\u0e5b" for ch in "".join(raw.iloc[:, 1]))
    t = shapefile.read_table(path)
    assert t.encoding == "cp874"
    assert t.frame["ตำบล"].tolist() == THAI_ROWS["ตำบล"]
    assert t.frame["ชื่อ"].tolist() == THAI_ROWS["ชื่อ"]
    assert t.frame["งบ"].tolist() == [100, 200]
    [w] = t.warnings
    assert w.th == "ไม่มีไฟล์ .cpg อ่านเป็น TIS-620/cp874"
    assert w.en == "no .cpg file; read as TIS-620/cp874"
    assert w.severity == "warning"


def test_shapefile_utf8_without_cpg_is_detected(tmp_path: Path):
    rows = {"name": THAI_ROWS["ชื่อ"], "n": [1, 2]}
    path = thai_shapefile(tmp_path, keep_cpg=False, encoding="UTF-8", rows=rows)
    t = shapefile.read_table(path)
    assert t.encoding == "UTF-8"
    assert t.frame["name"].tolist() == THAI_ROWS["ชื่อ"]
    assert [w.en for w in t.warnings] == ["no .cpg file; read as UTF-8"]


@pytest.mark.parametrize("keep_cpg", [True, False])
def test_shapefile_utf8_thai_field_names_cut_by_dbf_limit(tmp_path: Path, keep_cpg: bool):
    # "ตำบล" is 12 bytes in UTF-8: GDAL cuts DBF field names at 10 bytes, inside a Thai letter.
    path = thai_shapefile(tmp_path, keep_cpg=keep_cpg, encoding="UTF-8")
    t = shapefile.read_table(path)
    assert list(t.frame.columns) == ["ตำบ", "ชื่", "งบ", "geometry"]
    assert t.frame["ตำบ"].tolist() == THAI_ROWS["ตำบล"]
    assert t.frame["ชื่"].tolist() == THAI_ROWS["ชื่อ"]
    text = " ".join(w.en for w in t.warnings)
    assert "cut in the middle of a character" in text
    assert ("no .cpg file; read as UTF-8" in text) == (not keep_cpg)


def test_shapefile_ascii_without_cpg_has_no_warning(tmp_path: Path):
    path = tmp_path / "plain.shp"
    gdf = gpd.GeoDataFrame({"name": ["road"]}, geometry=[Point(*SONGKHLA)], crs=4326)
    write(gdf, path)
    path.with_suffix(".cpg").unlink()
    assert shapefile.read_table(path).warnings == []


@pytest.mark.parametrize("companion", [".dbf", ".shx"])
def test_shapefile_missing_companion(tmp_path: Path, companion: str):
    path = thai_shapefile(tmp_path, keep_cpg=True)
    path.with_suffix(companion).unlink()
    with pytest.raises(InputFileError, match=rf"thai\.shp.*missing companion file \{companion} of thai\.shp"):
        shapefile.read_table(path)


def test_zipped_shapefiles(tmp_path: Path):
    src = thai_shapefile(tmp_path, keep_cpg=False)
    other = tmp_path / "roads.shp"
    write(
        gpd.GeoDataFrame({"n": [1]}, geometry=[LineString([(100.4, 7.0), (100.5, 7.1)])], crs=4326), other
    )
    archive = tmp_path / "ส่งจังหวัด.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in tmp_path.iterdir():
            if f.stem in ("thai", "roads") and f.suffix != ".zip":
                zf.write(f, f"data/{f.name}")
    assert sorted(shapefile.read_layers(archive)) == ["roads", "thai"]
    t = shapefile.read_table(archive, "thai")
    assert t.layer == "thai"
    assert t.frame["ชื่อ"].tolist() == THAI_ROWS["ชื่อ"]
    assert any(w.en == "no .cpg file; read as TIS-620/cp874" for w in t.warnings)
    assert src.exists()  # the originals are untouched


# --- GeoJSON --------------------------------------------------------------------------------


def test_geojson(tmp_path: Path):
    path = tmp_path / "projects.geojson"
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"รหัสโครงการ": "P1", "งบประมาณ": 1250000},
             "geometry": {"type": "Point", "coordinates": list(SONGKHLA)}},
            {"type": "Feature", "properties": {"รหัสโครงการ": "P2", "งบประมาณ": None},
             "geometry": {"type": "Polygon", "coordinates": [[[100.0, 7.0], [100.1, 7.0], [100.1, 7.1], [100.0, 7.0]]]}},
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert geojson.read_layers(path) == ["projects"]
    t = geojson.read_table(path)
    assert t.layer is None and t.crs == "EPSG:4326" and t.warnings == []
    assert t.frame.loc[1, "รหัสโครงการ"] == "P1"
    assert t.frame.loc[2, "geometry"].geom_type == "Polygon"


def test_geojson_in_utm_metres_without_crs_member(tmp_path: Path):
    x, y = project(*SONGKHLA, 32647)
    path = tmp_path / "utm.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Point", "coordinates": [x, y]}}]}))
    t = geojson.read_table(path)
    assert t.crs == "EPSG:32647"
    p = t.frame.geometry.iloc[0]
    assert metres_apart((p.x, p.y), SONGKHLA) < 1.0
    assert "does not fit the coordinates" in t.warnings[0].en


def test_plain_json_is_rejected(tmp_path: Path):
    path = tmp_path / "config.json"
    path.write_text('{"hello": [1, 2, 3]}')
    with pytest.raises(InputFileError, match=r"config\.json.*cannot read the file"):
        geojson.read_table(path)


# --- KML / KMZ ------------------------------------------------------------------------------


def check_kml_table(t: RawTable) -> None:
    f = t.frame
    assert t.layer is None and t.crs == "EPSG:4326"
    assert list(f.index) == [1, 2, 3]
    assert f["folder"].tolist() == ["ถนน", "ถนน", "แหล่งน้ำ"]
    assert f["Name"].tolist() == ["ถนนสาย ก", "ถนนสาย ข", "ฝาย"]
    assert f["Description"].tolist() == ["ซ่อมถนน ม.3", "ขยายผิวจราจร", "ฝายน้ำล้น"]
    assert not shapely.has_z(f.geometry.values).any()
    assert f.geometry.iloc[0].equals(Point(*SONGKHLA))
    assert "tessellate" not in f.columns and "altitudeMode" not in f.columns


def test_kml_folders_concatenated_and_z_dropped(kml_file: Path):
    assert kml.read_layers(kml_file) == ["ถนน", "แหล่งน้ำ"]
    check_kml_table(kml.read_table(kml_file))


def test_kml_one_folder(kml_file: Path):
    t = kml.read_table(kml_file, "แหล่งน้ำ")
    assert t.layer == "แหล่งน้ำ" and t.frame["Name"].tolist() == ["ฝาย"]
    with pytest.raises(ImportFormatError, match="layers available: ถนน, แหล่งน้ำ"):
        kml.read_table(kml_file, "ไม่มี")


def test_kmz(kmz_file: Path):
    assert kml.read_layers(kmz_file) == ["ถนน", "แหล่งน้ำ"]
    check_kml_table(kml.read_table(kmz_file))


def test_kmz_without_kml(tmp_path: Path):
    path = tmp_path / "images.kmz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.png", "x")
    with pytest.raises(InputFileError, match=r"images\.kmz.*holds no \.kml"):
        kml.read_table(path)


def test_kml_and_kmz_with_the_old_kml_driver(kml_file: Path, kmz_file: Path):
    """Without LIBKML (GDAL_SKIP must be set before GDAL registers drivers: a subprocess)."""
    code = (
        "import sys, pyogrio\n"
        "assert 'LIBKML' not in pyogrio.list_drivers()\n"
        "from areaplan.importers import kml\n"
        "import json\n"
        "out = []\n"
        "for p in sys.argv[1:]:\n"
        "    t = kml.read_table(p)\n"
        "    f = t.frame\n"
        "    out.append([f['folder'].tolist(), f['Name'].tolist(), f['Description'].tolist(),\n"
        "                bool(f.has_z.any()), f.geometry.iloc[0].wkt])\n"
        "print(json.dumps(out, ensure_ascii=False))\n"
    )
    env = {**os.environ, "GDAL_SKIP": "LIBKML", "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(kml_file), str(kmz_file)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for folders, names, descriptions, has_z, first in json.loads(proc.stdout):
        assert folders == ["ถนน", "ถนน", "แหล่งน้ำ"]
        assert names == ["ถนนสาย ก", "ถนนสาย ข", "ฝาย"]
        assert descriptions == ["ซ่อมถนน ม.3", "ขยายผิวจราจร", "ฝายน้ำล้น"]
        assert has_z is False
        assert first == "POINT (100.47 7)"


# --- CRS through the readers ----------------------------------------------------------------


@pytest.mark.parametrize("with_prj", [True, False])
def test_utm47_songkhla_shapefile(tmp_path: Path, with_prj: bool):
    x, y = project(*SONGKHLA, 32647)
    path = tmp_path / "songkhla.shp"
    gdf = gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(x, y)], crs=32647 if with_prj else None)
    write(gdf, path)
    assert path.with_suffix(".prj").exists() == with_prj
    t = shapefile.read_table(path)
    p = t.frame.geometry.iloc[0]
    assert metres_apart((p.x, p.y), SONGKHLA) < 1.0
    assert t.crs == "EPSG:32647" and t.frame.crs.to_epsg() == 4326
    text = " ".join(w.en for w in t.warnings)
    if with_prj:
        assert "UTM 47N WGS84 coordinates were converted" in text
    else:
        assert "no CRS; assumed UTM 47N WGS84" in text


@pytest.mark.parametrize("with_prj", [True, False])
def test_utm48_ubon_gpkg(tmp_path: Path, with_prj: bool):
    x, y = project(*UBON, 32648)
    path = tmp_path / "ubon.gpkg"
    gdf = gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(x, y)], crs=32648 if with_prj else None)
    write(gdf, path)
    # Without a CRS the numbers fit 47N (Tak) as well as 48N (Ubon): the province decides.
    t = gpkg.read_table(path, area_of_interest=None if with_prj else (104.3, 14.3, 105.7, 16.1))
    p = t.frame.geometry.iloc[0]
    assert t.crs == "EPSG:32648"
    assert metres_apart((p.x, p.y), UBON) < 1.0


def test_utm48_without_crs_can_be_given_with_crs_option(tmp_path: Path):
    x, y = project(*UBON, 32648)
    path = tmp_path / "ubon.shp"
    write(gpd.GeoDataFrame({"n": [1]}, geometry=[Point(x, y)]), path)
    t = shapefile.read_table(path, crs="EPSG:32648")
    p = t.frame.geometry.iloc[0]
    assert metres_apart((p.x, p.y), UBON) < 1.0
    assert not any("assumed" in w.en for w in t.warnings)


def test_indian_1975_shapefile_is_converted_and_warned(tmp_path: Path):
    x, y = project(*SONGKHLA, 24047)
    path = tmp_path / "indian.shp"
    write(gpd.GeoDataFrame({"n": [1]}, geometry=[Point(x, y)], crs=24047), path)
    assert "Indian_1975" in path.with_suffix(".prj").read_text()
    t = shapefile.read_table(path)
    p = t.frame.geometry.iloc[0]
    assert metres_apart((p.x, p.y), SONGKHLA) < 1.0
    assert t.crs == "EPSG:24047"
    [w] = [w for w in t.warnings if "Indian" in w.en]
    assert w.th == "พิกัดเป็น Indian 1975 UTM โซน 47 แปลงเป็น WGS84 แล้ว"
    assert w.en == "Indian 1975 UTM 47N coordinates were converted to WGS84"


def test_unknown_crs_raises_naming_the_file(tmp_path: Path):
    path = tmp_path / "local.shp"
    write(gpd.GeoDataFrame({"n": [1]}, geometry=[Point(5_000_000, 3.0)]), path)
    with pytest.raises(ImportFormatError, match=r"local\.shp: ระบบพิกัดไม่ทราบ.*unknown coordinate system: bounds .*add a \.prj or set --crs"):
        shapefile.read_table(path)


# --- geometry repair ------------------------------------------------------------------------


def test_bowtie_repaired_and_still_polygonal(tmp_path: Path):
    path = tmp_path / "zones.gpkg"
    good = Polygon([(100.0, 7.0), (100.1, 7.0), (100.1, 7.1), (100.0, 7.0)])
    gdf = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[good, bowtie(*SONGKHLA)], crs=4326)
    write(gdf, path)
    t = gpkg.read_table(path)
    geom = t.frame.loc[2, "geometry"]
    assert geom.geom_type in ("Polygon", "MultiPolygon") and geom.is_valid
    assert geom.area == pytest.approx(0.01 * 0.01 / 2)
    assert t.frame.loc[1, "geometry"].equals(good)
    [w] = t.warnings
    assert w.row == 2 and w.field == "geometry" and w.severity == "warning"
    assert w.th.startswith("เรขาคณิตไม่ถูกต้อง ซ่อมแล้ว: Self-intersection")
    assert w.en.startswith("invalid geometry repaired: Self-intersection")


def test_empty_geometry_kept_with_warning(tmp_path: Path):
    path = tmp_path / "mixed.gpkg"
    gdf = gpd.GeoDataFrame(
        {"id": ["a", "b", "c"]}, geometry=[Point(*SONGKHLA), None, Polygon()], crs=4326
    )
    write(gdf, path)
    t = gpkg.read_table(path)
    assert len(t.frame) == 3
    assert t.frame.loc[1, "geometry"] is not None
    assert t.frame.loc[2, "geometry"] is None and t.frame.loc[3, "geometry"] is None
    assert [w.row for w in t.warnings] == [2, 3]
    assert all("empty or missing geometry" in w.en for w in t.warnings)


def test_repair_keeps_dimension_vectorised():
    spike = Polygon([(0, 0), (2, 0), (2, 2), (0, 2), (0, 0), (-1, -1), (0, 0)])
    flat = Polygon([(0, 0), (1, 0), (2, 0), (0, 0)])
    loop = LineString([(0, 0), (1, 1), (1, 0), (0, 1)])
    geoms = np.array([bowtie(0, 0), spike, flat, loop, Point(1, 1), None], dtype=object)
    out, problems = repair_geometries(geoms, rows=[10, 11, 12, 13, 14, 15])
    assert shapely.get_dimensions(out[:2]).tolist() == [2, 2]
    assert shapely.is_valid(out[:2]).all()
    assert out[1].equals(Polygon([(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]))
    assert out[2] is None  # a zero-area polygon has nothing polygonal left
    assert out[3].equals(loop)  # a self-crossing line is valid
    assert out[4].equals(Point(1, 1)) and out[5] is None
    assert [w.row for w in problems] == [10, 11, 12, 15]
    assert [w.en.split(":")[0] for w in problems] == [
        "invalid geometry repaired",
        "invalid geometry repaired",
        "invalid geometry could not be repaired",
        "empty or missing geometry; the feature will be located by its address",
    ]


def test_keep_dimension_extracts_from_collections():
    original = np.array([bowtie(0, 0), LineString([(0, 0), (1, 1)])], dtype=object)
    made = np.array(
        [
            shapely.GeometryCollection([bowtie(0, 0).buffer(0), LineString([(5, 5), (6, 6)]), Point(9, 9)]),
            shapely.GeometryCollection([LineString([(0, 0), (1, 1)]), Point(3, 3)]),
        ],
        dtype=object,
    )
    out = keep_dimension(original, made)
    assert out[0].geom_type in ("Polygon", "MultiPolygon")
    assert out[1].geom_type == "LineString"
