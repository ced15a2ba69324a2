"""Importing agencies' project files: encodings, headers, values, locating, rejects, re-import."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from areaplan.errors import InputFileError, MissingColumnError
from areaplan.importers.pipeline import import_file
from tests.areaplan import fixtures

HEADER = "รหัสโครงการ,ชื่อโครงการ,ช่องทาง,หน่วยงาน,ปีงบประมาณ,งบประมาณ (บาท),ประเด็น,สถานะ,หมู่ที่,ตำบล,อำเภอ,จังหวัด,หมายเหตุ\n"


@pytest.fixture
def ws(workspace):
    fixtures.fill(workspace)
    return workspace


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def projects(ws) -> gpd.GeoDataFrame:
    return ws.read_layer("projects").set_index("project_id")


def test_cp874_csv_with_thai_headers_lands_located(ws, tmp_path):
    f = write(tmp_path / "local.csv", HEADER +
              'L-1,ก่อสร้างถนน คสล. สายบ้านควน,อบต.,อบต.คอหงส์,2568,"1,250,000",ถนน,เสนอ,๓,คอหงส์,หาดใหญ่,สงขลา,ด่วน\n'
              "L-2,ขุดลอกคลอง ม.5 ต.คลองแห อ.หาดใหญ่ จ.สงขลา,local,,2025,1.5 ล้าน,water,approved,,,,,\n",
              "cp874")
    report = import_file(ws, f)
    assert report.kind == "projects" and report.imported == 2 and not report.rejected
    p = projects(ws)
    assert p.loc["L-1", "title"] == "ก่อสร้างถนน คสล. สายบ้านควน"
    assert p.loc["L-1", "channel"] == "local" and p.loc["L-1", "agenda"] == "transport"
    assert p.loc["L-1", "status"] == "proposed" and p.loc["L-1", "budget"] == 1_250_000
    assert p.loc["L-1", "fiscal_year"] == 2568 and p.loc["L-2", "fiscal_year"] == 2568
    assert p.loc["L-2", "budget"] == 1_500_000
    # village 3 of คอหงส์ exists as a muban point -> village precision at that point
    assert p.loc["L-1", "tambon_code"] == "901104" and p.loc["L-1", "location_precision"] == "village"
    assert p.loc["L-1", "geometry"].equals(shapely.Point(100.43, 6.98))
    # address only inside the title -> tambon precision at a point inside คลองแห
    assert p.loc["L-2", "tambon_code"] == "901105" and p.loc["L-2", "location_precision"] == "tambon"
    assert fixtures.KHLONG_HAE.contains(p.loc["L-2", "geometry"])
    assert p.loc["L-2", "village_no"] == 5
    assert json.loads(p.loc["L-1", "extra"]) == {"หมายเหตุ": "ด่วน"}
    assert report.precision_counts == {"village": 1, "tambon": 1}
    log = ws.read_table("import_log")
    assert log["source"].tolist() == ["local.csv"] and log["imported"].tolist() == [2]


def test_bad_rows_are_rejected_with_row_field_and_reason(ws, tmp_path):
    f = write(tmp_path / "bad.csv", HEADER +
              "A,ถนนหนึ่ง ต.คอหงส์ อ.หาดใหญ่,province,,2568,n/a,,,,,,,\n"
              "B,ถนนสอง ต.คอหงส์ อ.หาดใหญ่,province,,25,100,,,,,,,\n"
              "A,ถนนซ้ำ ต.คอหงส์ อ.หาดใหญ่,province,,2568,100,,,,,,,\n"
              ",ไม่มีรหัส,province,,2568,100,,,,,,,\n"
              "C,ถนนดี ต.คอหงส์ อ.หาดใหญ่,province,,2568,100,,,,,,,\n")
    report = import_file(ws, f)
    assert report.exit_code == 3
    assert report.imported == 1 and len(report.rejected) == 4 and report.rows_read == 5
    reasons = {r.row: r for r in report.rejected}
    assert reasons[2].field == "budget" and "แถว 2" in reasons[2].reason and "expected a number" in reasons[2].reason
    assert reasons[3].field == "fiscal_year"
    assert reasons[4].field == "project_id" and "แถว 2" in reasons[4].reason and "repeats row 2" in reasons[4].reason
    assert reasons[5].field == "project_id"
    stored = ws.read_table("rejected_rows")
    assert sorted(stored["row"]) == [2, 3, 4, 5]
    raw = json.loads(stored.set_index("row").loc[2, "raw"])
    assert raw["งบประมาณ (บาท)"] == "n/a" and raw["รหัสโครงการ"] == "A"


def test_reimport_updates_instead_of_copying(ws, tmp_path):
    f = write(tmp_path / "p.csv", HEADER + "X,ถนน ต.คอหงส์,province,,2568,100,,,,,,,\n")
    import_file(ws, f)
    write(f, HEADER + "X,ถนน ต.คอหงส์,province,,2568,200,,,,,,,\nY,ฝาย ต.คลองแห,province,,2568,5,,,,,,,\n")
    report = import_file(ws, f)
    assert (report.imported, report.updated) == (1, 1)
    p = projects(ws)
    assert len(p) == 2 and p.loc["X", "budget"] == 200


def test_missing_required_column_is_an_error_naming_it(ws, tmp_path):
    f = write(tmp_path / "nocol.csv", "ชื่อโครงการ,งบประมาณ\nถนน,100\n")
    with pytest.raises(MissingColumnError, match=r'nocol\.csv.*"project_id".*รหัสโครงการ'):
        import_file(ws, f)
    assert ws.count("projects") == 0


def test_missing_and_empty_files(ws, tmp_path):
    with pytest.raises(InputFileError, match="ไม่พบไฟล์.*file not found"):
        import_file(ws, tmp_path / "none.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(InputFileError, match="ว่าง.*empty"):
        import_file(ws, tmp_path / "empty.csv")


def test_point_disagreeing_with_address_keeps_the_point_and_warns(ws, tmp_path):
    x, y = fixtures.KHLONG_HAE_POINT
    f = write(tmp_path / "pts.csv", "project_id,title,lon,lat,tambon,amphoe\n"
              f"P1,ถนนสายคลองแห,{x},{y},คอหงส์,หาดใหญ่\n")
    report = import_file(ws, f)
    p = projects(ws)
    assert p.loc["P1", "tambon_code"] == "901105" and p.loc["P1", "location_precision"] == "point"
    assert p.loc["P1", "geometry"].equals(shapely.Point(x, y))
    assert any("901104" in w.message and "point is kept" in w.message for w in report.warnings)


def test_utm_values_in_x_y_columns_are_recognised(ws, tmp_path):
    import pyproj

    x, y = pyproj.Transformer.from_crs(4326, 32647, always_xy=True).transform(*fixtures.KHO_HONG_POINT)
    f = write(tmp_path / "utm.csv", f"project_id,title,X,Y\nU1,ฝายชะลอน้ำ,{x:.2f},{y:.2f}\n")
    report = import_file(ws, f)
    p = projects(ws)
    assert p.loc["U1", "tambon_code"] == "901104"
    assert p.loc["U1", "geometry"].distance(shapely.Point(*fixtures.KHO_HONG_POINT)) < 1e-5
    assert any("47" in w.message for w in report.warnings)


def test_wkt_lines_and_invalid_polygons(ws, tmp_path):
    f = write(tmp_path / "wkt.csv", "project_id,title,wkt\n"
              'R1,ถนนลาดยาง,"LINESTRING (100.41 7.0, 100.44 7.01)"\n'
              'B1,อาคาร,"POLYGON ((100.42 6.97, 100.44 6.99, 100.44 6.97, 100.42 6.99, 100.42 6.97))"\n'
              "E1,ไม่มีที่ตั้ง,\n"
              "Z1,อ่านไม่ได้,LINESTRING (1 2\n")
    report = import_file(ws, f)
    p = projects(ws)
    assert p.loc["R1", "location_precision"] == "line" and p.loc["R1", "tambon_code"] == "901104"
    assert p.loc["B1", "geometry"].is_valid and p.loc["B1", "location_precision"] == "polygon"
    assert any(w.row == 3 for w in report.warnings), "the repaired bowtie is reported"
    assert p.loc["E1", "location_precision"] == "unlocated"
    assert [r.field for r in report.rejected] == ["wkt"]


def test_geojson_and_geopackage_projects(ws, tmp_path):
    frame = gpd.GeoDataFrame(
        {"project_id": ["G1", "G2"], "title": ["สะพาน", "ประปาหมู่บ้าน"], "budget": ["๒๐๐,๐๐๐", "3 แสน"],
         "fiscal_year": ["2567", "2026"]},
        geometry=[shapely.Point(*fixtures.KHO_HONG_POINT), shapely.Point(*fixtures.KHLONG_HAE_POINT)], crs=4326,
    )
    frame.to_file(tmp_path / "f.geojson", driver="GeoJSON")
    frame.to_file(tmp_path / "f.gpkg", layer="roads", driver="GPKG")
    for name in ("f.geojson", "f.gpkg"):
        report = import_file(ws, tmp_path / name)
        assert report.imported == 2 and not report.rejected, report.lines()
    p = ws.read_layer("projects")
    assert set(p["tambon_code"]) == {"901104", "901105"}
    assert sorted(p["budget"]) == [200_000, 200_000, 300_000, 300_000]
    assert set(p["fiscal_year"]) == {2567, 2569}
    assert set(p["source"]) == {"f.geojson", "f.gpkg:roads"} or set(p["source"]) == {"f.geojson", "f.gpkg"}


def test_xlsx_with_merged_title_rows(ws, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    sh = wb.active
    sh["A1"] = "แผนพัฒนาจังหวัดสงขลา ปี 2568"
    sh.merge_cells("A1:F1")
    sh.append([])
    sh.append(["รหัสโครงการ", "ชื่อโครงการ", "ช่องทาง", "ปีงบประมาณ", "งบประมาณ (บาท)", "อำเภอ"])
    sh.append(["X-1", "ก่อสร้างรางระบายน้ำ ต.คอหงส์", "แผนพัฒนาจังหวัด", 2568, 1500000, "หาดใหญ่"])
    sh.append(["X-2", "ก่อสร้างรางระบายน้ำ ต.คลองแห", "แผนพัฒนาจังหวัด", 2568, 900000, None])
    sh.merge_cells("F4:F5")
    wb.save(tmp_path / "plan.xlsx")
    report = import_file(ws, tmp_path / "plan.xlsx")
    assert report.imported == 2 and not report.rejected
    p = projects(ws)
    assert p.loc["X-2", "amphoe"] == "หาดใหญ่", "merged cell filled down"
    assert p.loc["X-2", "tambon_code"] == "901105" and p.loc["X-1", "channel"] == "province"
    assert int(p.loc["X-1", "source_row"]) == 4


def test_plans_import_with_coverage_and_links(ws, tmp_path):
    f = write(tmp_path / "plans.csv",
              "plan_id,name,level,kind,agenda,owner,period_start,period_end,coverage,parent_id\n"
              "PV,แผนพัฒนาจังหวัดสงขลา,จังหวัด,แผนเชิงพื้นที่,,จังหวัดสงขลา,2566,2570,TH90,\n"
              "TB,แผนพัฒนาตำบลคอหงส์,ตำบล,area,,อบต.คอหงส์,2566,2570,901104;901105,PV\n"
              "TB,ซ้ำ,ตำบล,area,,,2566,2570,,\n"
              "BAD,ปีกลับด้าน,ตำบล,area,,,2570,2566,,\n")
    report = import_file(ws, f)
    assert report.kind == "plans" and report.imported == 2
    assert sorted(r.field for r in report.rejected) == ["period_end", "plan_id"]
    plans = ws.read_table("plans").set_index("plan_id")
    assert plans.loc["PV", "level"] == "province" and plans.loc["TB", "parent_id"] == "PV"
    areas = ws.read_table("plan_areas")
    assert sorted(zip(areas["plan_id"], areas["area_code"])) == [("PV", "90"), ("TB", "901104"), ("TB", "901105")]
    g = write(tmp_path / "linked.csv", "project_id,title,plan_ids\nK1,ถนน ต.คอหงส์,PV; TB\n")
    import_file(ws, g)
    links = ws.read_table("project_plans")
    assert sorted(links["plan_id"]) == ["PV", "TB"]


def test_hazard_zones_from_labels_and_frequency(ws, tmp_path):
    zones = gpd.GeoDataFrame(
        {"ระดับความเสี่ยง": ["สูงมาก", "ต่ำ", "2"]},
        geometry=[fixtures.KHO_HONG, fixtures.KHLONG_HAE, shapely.box(100.4, 6.95, 100.45, 6.97)], crs=4326,
    )
    zones.to_file(tmp_path / "risk.gpkg")
    freq = gpd.GeoDataFrame({"frequency": [2, 5, 9]}, geometry=list(zones.geometry), crs=4326)
    freq.to_file(tmp_path / "ldd.geojson", driver="GeoJSON")
    r1 = import_file(ws, tmp_path / "risk.gpkg", "hazard")
    r2 = import_file(ws, tmp_path / "ldd.geojson")
    assert r1.imported == 3 and r2.kind == "hazard" and r2.imported == 3
    z = ws.read_layer("hazard_zones")
    by = {h: sorted(g["class"]) for h, g in z.groupby("hazard")}
    assert by == {"risk": [1, 2, 4], "ldd": [2, 3, 4]}
    assert set(z["class_label"]) == {"ต่ำ", "ปานกลาง", "สูง", "สูงมาก"}


def test_kml_placemarks_from_google_earth(ws, tmp_path):
    f = tmp_path / "drawn.kml"
    f.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        "<Folder><name>ถนน</name>"
        "<Placemark><name>ถนน คสล. สายบ้านควน</name><ExtendedData>"
        '<Data name="project_id"><value>K-1</value></Data><Data name="budget"><value>1,200,000</value></Data>'
        "</ExtendedData><Point><coordinates>100.45,7.0,12</coordinates></Point></Placemark></Folder>"
        '<Folder><name>ฝาย</name><Placemark id="pm2"><name>ฝายชะลอน้ำ</name>'
        "<Point><coordinates>100.55,7.0,0</coordinates></Point></Placemark>"
        "<Placemark><name>ขุดลอกคลอง</name><Point><coordinates>100.56,7.01</coordinates></Point></Placemark>"
        "</Folder></Document></kml>", encoding="utf-8")
    report = import_file(ws, f)
    assert report.imported == 3 and not report.rejected
    p = projects(ws)
    assert p.loc["K-1", "title"] == "ถนน คสล. สายบ้านควน" and p.loc["K-1", "budget"] == 1_200_000
    assert p.loc["K-1", "tambon_code"] == "901104" and not p.loc["K-1", "geometry"].has_z
    assert p.loc["pm2", "tambon_code"] == "901105"
    assert "drawn-3" in p.index, "the third placemark numbered by its position"
    assert any("placemarks had no project_id" in w.message for w in report.warnings)


def test_content_hash_does_not_depend_on_column_dtypes():
    import geopandas as gpd
    import shapely

    from areaplan.importers.projects import _content_hash

    def frame(village, budget):
        return gpd.GeoDataFrame({"title": ["ถนน"], "channel": ["local"], "agency": [None], "fiscal_year": [2568],
                                 "budget": [budget], "agenda": [None], "status": [None], "village_no": [village],
                                 "tambon_code": ["901104"]}, geometry=[shapely.Point(100.4, 7.0)], crs=4326)

    assert _content_hash(frame(3, 1_000_000)) == _content_hash(frame(3.0, 1_000_000.0))
    assert _content_hash(frame(3, 1_000_000)) != _content_hash(frame(4, 1_000_000))


def test_tambon_only_boundaries_derive_amphoe_and_changwat(workspace, tmp_path):
    frame = fixtures.boundary_frames()["tambon"]
    codab = gpd.GeoDataFrame(
        {"ADM3_PCODE": "TH" + frame["code"], "ADM3_TH": frame["name_th"], "ADM3_EN": frame["name_en"],
         "ADM2_PCODE": "TH9011", "ADM2_TH": "หาดใหญ่", "ADM2_EN": "Hat Yai",
         "ADM1_PCODE": "TH90", "ADM1_TH": "สงขลา", "ADM1_EN": "Songkhla"},
        geometry=frame.geometry.values, crs=4326)
    codab.to_file(tmp_path / "tambon_only.gpkg", layer="tambon")
    report = import_file(workspace, tmp_path / "tambon_only.gpkg", "boundaries")
    assert any("amphoe" in n for n in report.notes)
    amphoe = workspace.read_layer("amphoe")
    changwat = workspace.read_layer("changwat")
    assert amphoe["code"].tolist() == ["9011"] and amphoe["name_th"].tolist() == ["หาดใหญ่"]
    assert amphoe["parent_code"].tolist() == ["90"]
    assert changwat["name_en"].tolist() == ["Songkhla"]
    assert abs(amphoe.geometry.iloc[0].area - codab.geometry.union_all().area) < 1e-9
