"""Excel reader: agencies' .xlsx/.xlsm workbooks as RawTable objects (openpyxl).

The sheet and its header row are found by header names (title rows above the header are
common); merged cells in the data area are filled with their value; formulas give their
cached values, and a formula without one is reported. Numbers and dates stay Python values;
the row index is the Excel row number.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from areaplan.errors import ImportFormatError, InputFileError, Problem
from areaplan.importers.columns import PROJECT_COLUMNS, header_score
from areaplan.importers.csv import (
    HEADER_SCAN_ROWS,
    MAX_ROW_WARNINGS,
    check_input_file,
    empty_file_error,
    find_header_row,
    is_blank_row,
    unique_headers,
)
from areaplan.importers.table import RawTable

EXTENSIONS = (".xlsx", ".xlsm")
DESCRIPTION = "Excel (.xlsx, .xlsm)"

#: Workbooks bigger than this are read in openpyxl's read-only (streaming) mode.
LARGE_FILE_BYTES = 50 * 1024 * 1024
#: A sheet is picked automatically when its header row names at least this many columns.
MIN_SHEET_SCORE = 2

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
#: Errors openpyxl raises on a damaged or foreign file (lxml's XMLSyntaxError is a SyntaxError).
_LOAD_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    InvalidFileException,
    SyntaxError,
    ValueError,
    EOFError,
)


def _not_xlsx(path: Path, detail: str = "") -> ImportFormatError:
    extra_en = f" ({detail})" if detail else ""
    return ImportFormatError(
        "ไม่ใช่ไฟล์ Excel .xlsx ที่ถูกต้อง (อาจเป็น CSV ที่เปลี่ยนนามสกุล หรือไฟล์เสีย)"
        " — เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือนำเข้าเป็น CSV",
        f"not a valid Excel .xlsx workbook{extra_en} (perhaps a renamed CSV or a damaged file); "
        "open it in Excel and save it as .xlsx, or import it as CSV",
        path=path,
    )


def _check_signature(path: Path) -> None:
    """Refuse .xls, password-protected and non-zip files before openpyxl sees them."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise InputFileError(
            f"เปิดไฟล์ไม่ได้: {exc.strerror or exc}",
            f"cannot open the file: {exc.strerror or exc}",
            path=path,
        ) from exc
    if not head:
        raise InputFileError("ไฟล์ว่าง (0 ไบต์)", "file is empty (0 bytes)", path=path)
    if head.startswith(_OLE2_MAGIC):
        raise ImportFormatError(
            "ไฟล์นี้เป็น Excel 97–2003 (.xls) หรือไฟล์ที่ตั้งรหัสผ่านไว้ — เปิดใน Excel"
            " แล้วบันทึกเป็น .xlsx โดยไม่ตั้งรหัสผ่าน",
            "this is an Excel 97–2003 (.xls) or password-protected workbook; open it in Excel "
            "and save it as .xlsx without a password",
            path=path,
        )
    if not head.startswith(_ZIP_MAGIC):
        raise _not_xlsx(path)


def _has_formulas(path: Path) -> bool:
    """True when any worksheet part of the workbook contains a formula element."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not _SHEET_PART.match(name):
                continue
            with zf.open(name) as part:
                tail = b""
                while block := part.read(1024 * 1024):
                    if _FORMULA_TAG.search(tail + block):
                        return True
                    tail = block[-16:]
    return False


def _load(path: Path, f: IO[bytes], *, data_only: bool, read_only: bool) -> Workbook:
    try:
        return load_workbook(f, read_only=read_only, data_only=data_only)
    except _LOAD_ERRORS as exc:
        raise _not_xlsx(path, type(exc).__name__) from None


def _head_rows(ws: Any) -> list[tuple[Any, ...]]:
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # read-only sheets: trust the cells, not the stored dimension
    return list(ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True))


def _best_score(rows: Sequence[Sequence[Any]], schema: dict[str, tuple[str, ...]]) -> int:
    return max((header_score(list(r), schema) for r in rows), default=0)


def _choose_sheet(
    wb: Workbook, sheet: str | None, schema: dict[str, tuple[str, ...]], path: Path
) -> tuple[Any, list[tuple[Any, ...]]]:
    """The worksheet to read and its first rows."""
    if sheet is not None:
        names = [ws.title for ws in wb.worksheets]
        if sheet not in names:
            listed = ", ".join(names)
            raise ImportFormatError(
                f'ไม่พบแผ่นงาน "{sheet}" ในไฟล์ (มีแผ่นงาน: {listed})',
                f'sheet "{sheet}" not found; the workbook has: {listed}',
                path=path,
            )
        ws = wb[sheet]
        return ws, _head_rows(ws)
    first_with_data: tuple[Any, list[tuple[Any, ...]]] | None = None
    for ws in wb.worksheets:
        head = _head_rows(ws)
        if _best_score(head, schema) >= MIN_SHEET_SCORE:
            return ws, head
        if first_with_data is None and any(not is_blank_row(r) for r in head):
            first_with_data = (ws, head)
    if first_with_data is None:
        raise InputFileError(
            "ไม่มีข้อมูลในแผ่นงานใดเลย", "no sheet in the workbook has data", path=path
        )
    return first_with_data


def _formula_cells(
    path: Path, sheet_title: str, header_row: int
) -> list[tuple[int, int]]:
    """(row, column) of formula cells below the header (their cached values are checked later)."""
    cells: list[tuple[int, int]] = []
    with path.open("rb") as f:
        wb = _load(path, f, data_only=False, read_only=True)
        try:
            ws = wb[sheet_title]
            ws.reset_dimensions()
            for row in ws.iter_rows(min_row=header_row + 1):
                for cell in row:
                    if getattr(cell, "data_type", None) == "f":
                        cells.append((cell.row, cell.column))
        finally:
            wb.close()
    return cells


def _cell_value(value: Any) -> Any:
    if isinstance(value, str) and value == "":
        return None
    return value


def read_xlsx_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    schema: dict[str, tuple[str, ...]] = PROJECT_COLUMNS,
    read_only_above: int = LARGE_FILE_BYTES,
) -> RawTable:
    """Read one sheet of a workbook (the named one, or the one with a header) into a RawTable."""
    p = check_input_file(path)
    _check_signature(p)
    read_only = p.stat().st_size > read_only_above
    with p.open("rb") as f:
        wb = _load(p, f, data_only=True, read_only=read_only)
        try:
            return _read_sheet(wb, p, sheet, schema, read_only=read_only)
        finally:
            if read_only:
                wb.close()


def _read_sheet(
    wb: Workbook,
    path: Path,
    sheet: str | None,
    schema: dict[str, tuple[str, ...]],
    *,
    read_only: bool,
) -> RawTable:
    ws, head = _choose_sheet(wb, sheet, schema, path)
    layer = ws.title if len(wb.worksheets) > 1 else None
    h = find_header_row(head, schema)
    if h < 0:
        raise InputFileError(
            f"แผ่นงาน {ws.title} ไม่มีข้อมูลใน {HEADER_SCAN_ROWS} แถวแรก",
            f"sheet {ws.title} has no data in its first {HEADER_SCAN_ROWS} rows",
            path=path,
            layer=layer,
        )
    header_row = h + 1
    header_cells = list(head[h])

    grid: dict[int, list[Any]] = {}
    for excel_row, values in enumerate(
        ws.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1
    ):
        grid[excel_row] = [_cell_value(v) for v in values]

    warnings: list[Problem] = []
    if read_only:
        warnings.append(
            Problem(
                "ไฟล์ใหญ่ จึงอ่านแบบประหยัดหน่วยความจำ: เซลล์ที่ผสานไว้จะไม่ถูกเติมค่าลงทุกแถว"
                " — ตรวจสอบคอลัมน์ที่ใช้เซลล์ผสาน (เช่น อำเภอ)",
                "large file read in read-only mode: merged cells are not filled down; check "
                "columns that use merged cells (e.g. amphoe)",
                severity="warning",
            )
        )
    else:
        _fill_merged(ws, grid, header_row)

    formula_cells = (
        _formula_cells(path, ws.title, header_row) if _has_formulas(path) else []
    )

    # Trailing empty columns are dropped: width = last column with a header or a value.
    width = 0
    for cells in [header_cells, *grid.values()]:
        for i in range(len(cells) - 1, -1, -1):
            if not is_blank_row([cells[i]]):
                width = max(width, i + 1)
                break
    letters = [f"_col_{get_column_letter(i + 1)}" for i in range(width)]
    padded_header = (header_cells + [None] * width)[:width]
    headers = unique_headers(padded_header, blank_names=letters)

    uncached = 0
    for row, col in formula_cells:
        cells = grid.get(row)
        if cells is None or col > len(cells) or cells[col - 1] is not None:
            continue
        uncached += 1
        if uncached <= MAX_ROW_WARNINGS:
            field = headers[col - 1] if col <= width else get_column_letter(col)
            warnings.append(
                Problem(
                    "สูตรไม่มีค่าที่คำนวณไว้ — เปิดแล้วบันทึกใน Excel อีกครั้ง",
                    "formula has no cached value; open and save the file in Excel",
                    row=row,
                    field=field,
                    severity="warning",
                )
            )
    if uncached > MAX_ROW_WARNINGS:
        more = uncached - MAX_ROW_WARNINGS
        warnings.append(
            Problem(
                f"และอีก {more} เซลล์: สูตรไม่มีค่าที่คำนวณไว้ — เปิดแล้วบันทึกใน Excel อีกครั้ง",
                f"and {more} more cells: formula has no cached value; open and save the file "
                "in Excel",
                severity="warning",
            )
        )

    rows: list[list[Any]] = []
    index: list[int] = []
    for excel_row, cells in grid.items():
        if is_blank_row(cells):
            continue
        rows.append((cells + [None] * width)[:width])
        index.append(excel_row)
    if not rows:
        raise empty_file_error(path, layer=ws.title)

    frame = pd.DataFrame(rows, columns=headers, index=pd.Index(index, name="row"), dtype=object)
    return RawTable(
        frame=frame,
        path=path,
        layer=layer,
        header_row=header_row,
        warnings=warnings,
    )


def _fill_merged(ws: Worksheet, grid: dict[int, list[Any]], header_row: int) -> None:
    """Copy each merged range's value into every cell of the range below the header."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= header_row:
            continue
        value = _cell_value(ws.cell(rng.min_row, rng.min_col).value)
        for r in range(rng.min_row, rng.max_row + 1):
            cells = grid.get(r)
            if cells is None:
                continue
            if len(cells) < rng.max_col:
                cells.extend([None] * (rng.max_col - len(cells)))
            for c in range(rng.min_col, rng.max_col + 1):
                cells[c - 1] = value

