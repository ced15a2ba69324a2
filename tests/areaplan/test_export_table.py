"""Table export: CSV with BOM and XLSX, Thai or English headers, codes as Thai labels."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from areaplan.exporters import ExportError, exporter_for, extension_table
from areaplan.exporters import table as table_export


def projects() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "fid": [1, 2, 3],
            "project_id": ["P-1", "P-2", "P-3"],
            "title": ["ก่อสร้างถนน คสล. หมู่ที่ 3", "ขุดลอกคลองอู่ตะเภา", "ฝายชะลอน้ำ"],
            "channel": ["province", "local", "unknown-code"],
            "fiscal_year": [2568, 2569, 2568],
            "budget": [1_500_000.0, 250_000.0, np.nan],
            "agenda": ["transport", "water", None],
            "status": ["approved", "proposed", "done"],
            "village_no": [3.0, np.nan, 1.0],
            "lon": [np.nan, 100.5, np.nan],
            "lat": [np.nan, 7.0, np.nan],
            "source": "app",
        },
        geometry=[shapely.Point(100.47, 7.01), shapely.Point(100.5, 7.0), shapely.box(100, 6, 100.2, 6.2)],
        crs="EPSG:4326",
    )


def test_formats_describe_themselves():
    table = extension_table()
    assert table[".csv"] is table_export and table[".xlsx"] is table_export
    assert table_export.DESCRIPTION and table_export.EXTENSIONS == (".csv", ".xlsx")
    with pytest.raises(ExportError, match=r"ไม่รู้จักชนิดไฟล์ส่งออก \.pdf.*unknown export file type \.pdf"):
        exporter_for("out.pdf")


def test_csv_has_bom_thai_headers_and_labels(tmp_path):
    path = table_export.export_table(projects(), tmp_path / "โครงการ.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert list(back.columns[:5]) == ["รหัสโครงการ", "ชื่อโครงการ", "ช่องทาง", "ปีงบประมาณ", "งบประมาณ (บาท)"]
    assert back["ช่องทาง"].tolist() == ["งบพัฒนาจังหวัด / แผนพัฒนาจังหวัด", "แผนพัฒนาท้องถิ่น (อบจ. เทศบาล อบต.)",
                                       "unknown-code"]  # fmt: skip
    assert back["ชื่อโครงการ"][0] == "ก่อสร้างถนน คสล. หมู่ที่ 3"
    assert back["สถานะ"].tolist() == ["อนุมัติ", "เสนอ", "แล้วเสร็จ"]
    assert back["หมู่ที่"].tolist()[0] == 3  # integers stay integers, not 3.0
    # lon/lat filled from the geometry where the row had none (polygon: a point inside it)
    assert back["ลองจิจูด"][0] == pytest.approx(100.47) and back["ละติจูด"][1] == pytest.approx(7.0)
    assert 100 < back["ลองจิจูด"][2] < 100.2


def test_xlsx_english_headers_keep_codes(tmp_path):
    path = table_export.export_table(projects(), tmp_path / "projects.xlsx", lang="en")
    back = pd.read_excel(path)
    assert back.columns[0] == "project_id"
    assert back["channel"].tolist() == ["province", "local", "unknown-code"]
    assert back["budget"].tolist()[:2] == [1_500_000, 250_000]


def test_xlsx_thai(tmp_path):
    path = table_export.export_table(projects(), tmp_path / "p.xlsx", columns=["title", "agenda", "budget"])
    back = pd.read_excel(path, sheet_name="ตาราง")
    assert list(back.columns) == ["ชื่อโครงการ", "ประเด็น", "งบประมาณ (บาท)"]
    assert back["ประเด็น"][0] == "ถนน คมนาคม"


def test_areas_without_project_columns(tmp_path):
    areas = gpd.GeoDataFrame({"fid": [1], "code": ["9011"], "name_th": ["หาดใหญ่"], "name_en": ["Hat Yai"],
                              "parent_code": ["90"]}, geometry=[shapely.box(0, 0, 1, 1)], crs="EPSG:4326")  # fmt: skip
    path = table_export.export_table(areas, tmp_path / "a.csv")
    back = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert list(back.columns) == ["รหัส", "ชื่อ", "ชื่อภาษาอังกฤษ", "รหัสเขตที่สูงกว่า"]
    assert back.iloc[0].tolist() == ["9011", "หาดใหญ่", "Hat Yai", "90"]


def test_missing_folder_and_old_file_kept(tmp_path):
    with pytest.raises(ExportError, match="ไม่พบโฟลเดอร์ปลายทาง"):
        table_export.export_table(projects(), tmp_path / "nope" / "x.csv")
    target = tmp_path / "x.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KeyError):
        table_export.export_table(projects(), target, columns=["no_such_column"])
    assert target.read_text(encoding="utf-8") == "old"
    assert not list(tmp_path.glob(".areaplan-export-*"))
