"""Excel reader: sheet and header detection, merged cells, formulas, values and errors."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from areaplan.errors import ImportFormatError, InputFileError
from areaplan.importers.columns import PLAN_COLUMNS, PROJECT_COLUMNS, match_headers
from areaplan.importers.xlsx import DESCRIPTION, EXTENSIONS, read_xlsx_table

HEADER = ["รหัสโครงการ", "ชื่อโครงการ", "อำเภอ", "ตำบล", "งบประมาณ (บาท)"]


def provincial_plan(path: Path) -> Path:
    """A typical agency sheet: merged two-row title, a blank row, header on row 4, merged amphoe."""
    wb = Workbook()
    ws = wb.active
    ws.title = "โครงการ"
    ws["A1"] = "แผนพัฒนาจังหวัดสงขลา ปี 2568"
    ws.merge_cells("A1:E2")
    # row 3 stays blank
    for col, name in enumerate(HEADER, start=1):
        ws.cell(4, col, name)
    data = [
        ["001", "ก่อสร้างถนนคอนกรีต", "หาดใหญ่", "คอหงส์", 1_250_000],
        ["002", "ขุดลอกคลอง", None, "คลองแห", 350_000.5],
        ["003", "ซ่อมแซมฝาย", None, "ทุ่งตำเสา", 80_000],
        ["004", "ปรับปรุงตลาด", "เมืองสงขลา", "บ่อยาง", 2_000_000],
    ]
    for r, row in enumerate(data, start=5):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    ws.merge_cells("C5:C7")  # amphoe หาดใหญ่ for three projects
    wb.save(path)
    return path


def rows_of(table) -> list[list[object]]:
    """The frame's rows as plain lists."""
    return [list(r) for r in table.frame.itertuples(index=False, name=None)]


def add_cached_values(path: Path, cached: dict[str, str]) -> None:
    """Give formula cells a cached value, as Excel does when it saves (openpyxl cannot)."""
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in cached.items():
        xml, n = re.subn(
            rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/>', rf"\g<1>\g<2><v>{value}</v>", xml
        )
        assert n == 1, ref
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


# ------------------------------------------------------------------ layout


def test_module_declares_its_format() -> None:
    assert EXTENSIONS == (".xlsx", ".xlsm")
    assert "xlsx" in DESCRIPTION


def test_header_below_a_merged_title_and_merged_cells_filled_down(tmp_path: Path) -> None:
    table = read_xlsx_table(provincial_plan(tmp_path / "plan.xlsx"))
    assert table.header_row == 4
    assert list(table.frame.columns) == HEADER
    assert list(table.frame.index) == [5, 6, 7, 8]  # Excel row numbers
    assert table.frame["อำเภอ"].tolist() == ["หาดใหญ่", "หาดใหญ่", "หาดใหญ่", "เมืองสงขลา"]
    assert table.layer is None  # one sheet
    assert table.source == "plan.xlsx"
    assert table.encoding is None
    assert table.warnings == []
    mapping = match_headers(list(table.frame.columns), PROJECT_COLUMNS)
    assert mapping["งบประมาณ (บาท)"] == "budget"


def test_values_keep_their_python_types(tmp_path: Path) -> None:
    p = tmp_path / "types.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["project_id", "title", "budget", "fiscal_year", "start", "done", "note"])
    ws.append(["001", "ถนน", 1250000.75, 2568, dt.datetime(2025, 10, 1), True, ""])
    wb.save(p)
    table = read_xlsx_table(p)
    (row,) = rows_of(table)
    assert row == ["001", "ถนน", 1250000.75, 2568, dt.datetime(2025, 10, 1), True, None]
    assert isinstance(row[3], int) and isinstance(row[2], float)


def test_empty_rows_skipped_trailing_columns_dropped_headers_unique(tmp_path: Path) -> None:
    p = tmp_path / "gaps.xlsx"
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["D1"], ws["E1"] = "project_id", " title ", "title", 2568
    ws["A2"], ws["B2"], ws["C2"] = "P1", "a", "no header"
    ws["A5"], ws["B5"] = "P2", "b"
    ws["H9"].number_format = "0.00"  # a formatted but empty cell far away
    ws["G7"] = "   "  # whitespace only: the row counts as empty
    wb.save(p)
    table = read_xlsx_table(p)
    assert list(table.frame.columns) == ["project_id", "title", "_col_C", "title_2", "2568"]
    assert list(table.frame.index) == [2, 5]
    assert rows_of(table) == [["P1", "a", "no header", None, None], ["P2", "b", None, None, None]]


def test_plan_schema(tmp_path: Path) -> None:
    p = tmp_path / "plans.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["บัญชีแผน"])
    ws.append(["รหัสแผน", "ชื่อแผน", "ระดับ"])
    ws.append(["PL1", "แผนพัฒนาจังหวัด", "province"])
    wb.save(p)
    table = read_xlsx_table(p, schema=PLAN_COLUMNS)
    assert table.header_row == 2
    assert rows_of(table) == [["PL1", "แผนพัฒนาจังหวัด", "province"]]


# ------------------------------------------------------------------ sheets


def _two_sheets(path: Path) -> Path:
    wb = Workbook()
    notes = wb.active
    notes.title = "คำอธิบาย"
    notes.append(["กรอกข้อมูลในแผ่นงานถัดไป"])
    notes.append(["ห้ามแก้หัวตาราง"])
    data = wb.create_sheet("โครงการ")
    data.append(["ตารางโครงการ"])
    data.append(["รหัสโครงการ", "ชื่อโครงการ", "ตำบล"])
    data.append(["P1", "ถนน", "คอหงส์"])
    wb.save(path)
    return path


def test_picks_the_sheet_with_a_header(tmp_path: Path) -> None:
    table = read_xlsx_table(_two_sheets(tmp_path / "book.xlsx"))
    assert table.layer == "โครงการ"
    assert table.source == "book.xlsx:โครงการ"
    assert table.header_row == 2
    assert rows_of(table) == [["P1", "ถนน", "คอหงส์"]]


def test_reads_the_named_sheet(tmp_path: Path) -> None:
    table = read_xlsx_table(_two_sheets(tmp_path / "book.xlsx"), sheet="คำอธิบาย")
    assert table.layer == "คำอธิบาย"
    assert table.header_row == 1
    assert rows_of(table) == [["ห้ามแก้หัวตาราง"]]


def test_falls_back_to_the_first_sheet_with_data(tmp_path: Path) -> None:
    p = tmp_path / "plain.xlsx"
    wb = Workbook()
    wb.active.title = "ว่าง"
    other = wb.create_sheet("ข้อมูล")
    other.append(["a", "b"])
    other.append([1, 2])
    wb.save(p)
    table = read_xlsx_table(p)
    assert table.layer == "ข้อมูล"
    assert rows_of(table) == [[1, 2]]


def test_unknown_sheet_name_lists_the_sheets(tmp_path: Path) -> None:
    with pytest.raises(
        ImportFormatError,
        match=r'book\.xlsx: ไม่พบแผ่นงาน "Sheet9" ในไฟล์ \(มีแผ่นงาน: คำอธิบาย, โครงการ\)'
        r'.*sheet "Sheet9" not found',
    ):
        read_xlsx_table(_two_sheets(tmp_path / "book.xlsx"), sheet="Sheet9")


# ------------------------------------------------------------------ formulas


def _formula_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["project_id", "budget", "budget_total"])
    ws.append(["P1", 100, "=B2*2"])
    ws.append(["P2", 250, "=B3*2"])
    wb.save(path)
    return path


def test_formula_without_cached_value_is_reported(tmp_path: Path) -> None:
    table = read_xlsx_table(_formula_book(tmp_path / "calc.xlsx"))
    assert table.frame["budget_total"].tolist() == [None, None]
    assert [(w.row, w.field, w.severity) for w in table.warnings] == [
        (2, "budget_total", "warning"),
        (3, "budget_total", "warning"),
    ]
    assert table.warnings[0].message == (
        'แถว 2 คอลัมน์ "budget_total": สูตรไม่มีค่าที่คำนวณไว้ — เปิดแล้วบันทึกใน Excel อีกครั้ง '
        "(row 2, field budget_total: formula has no cached value; open and save the file in Excel)"
    )


def test_formula_cached_values_are_used(tmp_path: Path) -> None:
    p = _formula_book(tmp_path / "calc.xlsx")
    add_cached_values(p, {"C2": "200", "C3": "500"})
    table = read_xlsx_table(p)
    assert table.frame["budget_total"].tolist() == [200, 500]
    assert table.warnings == []


def test_many_uncached_formulas_are_summarised(tmp_path: Path) -> None:
    p = tmp_path / "many.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["project_id", "budget"])
    for i in range(2, 62):
        ws.append([f"P{i}", f"=ROW()*{i}"])
    wb.save(p)
    table = read_xlsx_table(p)
    assert len(table.warnings) == 51
    assert "และอีก 10 เซลล์" in table.warnings[-1].message
    assert "and 10 more cells" in table.warnings[-1].message


# ------------------------------------------------------------------ large files


def test_large_workbook_is_read_in_read_only_mode(tmp_path: Path) -> None:
    p = provincial_plan(tmp_path / "plan.xlsx")
    table = read_xlsx_table(p, read_only_above=0)
    assert table.header_row == 4
    assert list(table.frame.index) == [5, 6, 7, 8]
    assert table.frame["อำเภอ"].tolist() == ["หาดใหญ่", None, None, "เมืองสงขลา"]
    (warning,) = table.warnings
    assert "เซลล์ที่ผสานไว้จะไม่ถูกเติมค่า" in warning.message
    assert "read-only mode: merged cells are not filled" in warning.message


def test_read_only_mode_still_reports_uncached_formulas(tmp_path: Path) -> None:
    table = read_xlsx_table(_formula_book(tmp_path / "calc.xlsx"), read_only_above=0)
    assert [w.row for w in table.warnings if w.field == "budget_total"] == [2, 3]


# ------------------------------------------------------------------ errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"nothere\.xlsx: ไม่พบไฟล์ \(file not found\)"):
        read_xlsx_table(tmp_path / "nothere.xlsx")


def test_zero_byte_file(tmp_path: Path) -> None:
    p = tmp_path / "zero.xlsx"
    p.write_bytes(b"")
    with pytest.raises(InputFileError, match=r"zero\.xlsx: ไฟล์ว่าง \(0 ไบต์\) \(file is empty"):
        read_xlsx_table(p)


def test_renamed_csv_is_refused_with_a_remedy(tmp_path: Path) -> None:
    p = tmp_path / "projects.xlsx"
    p.write_text("รหัสโครงการ,ชื่อโครงการ\nP1,ถนน\n", encoding="utf-8")
    with pytest.raises(
        ImportFormatError,
        match=r"projects\.xlsx: ไม่ใช่ไฟล์ Excel \.xlsx ที่ถูกต้อง.*บันทึกเป็น \.xlsx.*"
        r"not a valid Excel \.xlsx workbook.*save it as \.xlsx",
    ):
        read_xlsx_table(p)


def test_old_xls_is_refused_with_a_remedy(tmp_path: Path) -> None:
    p = tmp_path / "old.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(
        ImportFormatError,
        match=r"old\.xlsx: ไฟล์นี้เป็น Excel 97–2003 \(\.xls\).*save it as \.xlsx",
    ):
        read_xlsx_table(p)


def test_damaged_zip_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFormatError, match=r"broken\.xlsx: .*not a valid Excel \.xlsx workbook"):
        read_xlsx_table(p)


def test_workbook_without_data(tmp_path: Path) -> None:
    p = tmp_path / "blank.xlsx"
    wb = Workbook()
    wb.create_sheet("Sheet2")
    wb.save(p)
    with pytest.raises(
        InputFileError, match=r"blank\.xlsx: ไม่มีข้อมูลในแผ่นงานใดเลย \(no sheet in the workbook has data\)"
    ):
        read_xlsx_table(p)


def test_header_without_data_rows(tmp_path: Path) -> None:
    p = tmp_path / "header.xlsx"
    wb = Workbook()
    wb.active.title = "โครงการ"
    wb.active.append(["รหัสโครงการ", "ชื่อโครงการ"])
    wb.save(p)
    with pytest.raises(
        InputFileError,
        match=r"header\.xlsx ชั้นข้อมูล โครงการ: ไฟล์ว่าง ไม่มีแถวข้อมูล .*file is empty: no data rows",
    ):
        read_xlsx_table(p)


def test_named_sheet_with_data_only_below_row_30(tmp_path: Path) -> None:
    p = tmp_path / "deep.xlsx"
    wb = Workbook()
    wb.active.title = "ลึก"
    wb.active["A40"] = "project_id"
    wb.save(p)
    with pytest.raises(
        InputFileError, match=r"แผ่นงาน ลึก ไม่มีข้อมูลใน 30 แถวแรก.*has no data in its first 30 rows"
    ):
        read_xlsx_table(p, sheet="ลึก")
