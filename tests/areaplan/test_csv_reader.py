"""CSV reader: encodings, delimiters, title lines, row numbers, streaming and errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from areaplan.errors import ImportFormatError, InputFileError
from areaplan.importers import csv as csv_reader
from areaplan.importers.columns import PLAN_COLUMNS, match_headers
from areaplan.importers.csv import (
    DESCRIPTION,
    EXTENSIONS,
    detect_encoding,
    iter_csv_tables,
    read_csv_table,
)

HEADER = "รหัสโครงการ,ชื่อโครงการ,งบประมาณ (บาท),ตำบล,อำเภอ\r\n"
ROWS = "001,ก่อสร้างถนนคอนกรีต,\"1,250,000\",คอหงส์,หาดใหญ่\r\n002,ขุดลอกคลอง,,บ้านพรุ,หาดใหญ่\r\n"


def write(tmp_path: Path, data: bytes, name: str = "projects.csv") -> Path:
    """A file in tmp_path with exactly these bytes."""
    p = tmp_path / name
    p.write_bytes(data)
    return p


def rows_of(table) -> list[list[object]]:
    """The frame's rows as plain lists (None for empty cells)."""
    return [list(r) for r in table.frame.itertuples(index=False, name=None)]


# ------------------------------------------------------------------ module description


def test_module_declares_its_format() -> None:
    assert EXTENSIONS == (".csv", ".txt")
    assert "TIS-620" in DESCRIPTION and "UTF-8" in DESCRIPTION


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("utf-16", "utf-16")],
)
def test_reads_thai_in_each_supported_encoding(tmp_path: Path, encoding: str, expected: str) -> None:
    p = write(tmp_path, (HEADER + ROWS).encode(encoding))
    table = read_csv_table(p)
    assert table.encoding == expected
    assert list(table.frame.columns) == [
        "รหัสโครงการ",
        "ชื่อโครงการ",
        "งบประมาณ (บาท)",
        "ตำบล",
        "อำเภอ",
    ]
    assert rows_of(table) == [
        ["001", "ก่อสร้างถนนคอนกรีต", "1,250,000", "คอหงส์", "หาดใหญ่"],
        ["002", "ขุดลอกคลอง", None, "บ้านพรุ", "หาดใหญ่"],
    ]
    assert list(table.frame.index) == [2, 3]
    assert table.header_row == 1
    assert table.path == p and table.layer is None
    assert table.source == "projects.csv"
    assert table.warnings == []


def test_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    p = write(tmp_path, (HEADER + ROWS).encode("utf-8-sig"))
    table = read_csv_table(p)
    assert table.frame.columns[0] == "รหัสโครงการ"
    assert match_headers(list(table.frame.columns), csv_reader.PROJECT_COLUMNS)["รหัสโครงการ"] == (
        "project_id"
    )


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    p = write(tmp_path, (HEADER + ROWS).encode("utf-16-le"))
    table = read_csv_table(p)
    assert table.encoding == "utf-16-le"
    assert rows_of(table)[0][1] == "ก่อสร้างถนนคอนกรีต"


def test_mixed_encoding_file_is_read_and_the_cp874_rows_are_named(tmp_path: Path) -> None:
    data = (
        (HEADER + "001,ก่อสร้างถนนคอนกรีต,100,คอหงส์,หาดใหญ่\r\n").encode("utf-8")
        + "002,ขุดลอกคลอง,200,บ้านพรุ,หาดใหญ่\r\n".encode("cp874")
        + "003,ซ่อมฝาย,300,ทุ่งตำเสา,หาดใหญ่\r\n".encode("utf-8")
        + "004,ปรับปรุงตลาด,400,คลองแห,หาดใหญ่\r\n".encode("cp874")
    )
    p = write(tmp_path, data)
    table = read_csv_table(p)
    assert table.encoding == "mixed"
    assert [r[1] for r in rows_of(table)] == ["ก่อสร้างถนนคอนกรีต", "ขุดลอกคลอง", "ซ่อมฝาย", "ปรับปรุงตลาด"]
    (warning,) = table.warnings
    assert warning.severity == "warning"
    assert "แถว 3, 5 อ่านเป็น TIS-620/cp874" in warning.message
    assert "rows 3, 5 were decoded as TIS-620/cp874" in warning.message

    encoding, problems = detect_encoding(data)
    assert encoding == "mixed"
    assert [p.severity for p in problems] == ["warning"]
    assert "3, 5" in problems[0].th and "3, 5" in problems[0].en


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"id,name\r\n1,abc\r\n", "utf-8"),
        ("id,name\r\n1,สงขลา\r\n".encode(), "utf-8"),
        ("id,name\r\n1,สงขลา\r\n".encode("cp874"), "cp874"),
        ("id,name\r\n1,สงขลา\r\n".encode("utf-8-sig"), "utf-8-sig"),
        ("id,name\r\n1,สงขลา\r\n".encode("utf-16"), "utf-16"),
        # "รถ" in cp874 is, by accident, the UTF-8 of "ö": Thai wins for AreaPlan data
        ("id,name\r\n1,รถ\r\n".encode("cp874"), "cp874"),
        # an en dash in UTF-8 reads as "โ€“" in cp874, which is not Thai text: UTF-8 wins
        ("id,name\r\n1,a – b\r\n".encode(), "utf-8"),
    ],
)
def test_detect_encoding(data: bytes, expected: str) -> None:
    assert detect_encoding(data) == (expected, [])


def test_undecodable_bytes_are_replaced_and_reported(tmp_path: Path) -> None:
    data = (HEADER + "001,ถนน,1,คอหงส์,หาดใหญ่\r\n").encode() + b"002,\xff\xfe,2,x,y\r\n"
    table = read_csv_table(write(tmp_path, data))
    assert table.encoding == "utf-8"
    assert rows_of(table)[1][1] == "\ufffd\ufffd"
    (warning,) = table.warnings
    assert warning.row == 3 and warning.severity == "warning"
    assert "อักขระที่อ่านไม่ได้" in warning.message and "undecodable" in warning.message


def test_other_encodings_fall_back_to_charset_normalizer_with_a_warning(tmp_path: Path) -> None:
    text = "id,name\r\n" + "".join(f"{i},日本語のテキストです東京都\r\n" for i in range(1, 6))
    table = read_csv_table(write(tmp_path, text.encode("cp932")))
    assert table.encoding not in ("utf-8", "cp874", "mixed")
    assert rows_of(table)[0] == ["1", "日本語のテキストです東京都"]
    encoding, problems = detect_encoding(text.encode("cp932"))
    assert encoding == table.encoding
    assert "ไม่ใช่ UTF-8 หรือ TIS-620" in problems[0].message
    assert "neither UTF-8 nor TIS-620" in problems[0].message


def test_undetectable_encoding_is_refused_naming_the_file(tmp_path: Path) -> None:
    p = write(tmp_path, bytes(range(256)) * 10, "garbage.csv")
    with pytest.raises(
        ImportFormatError,
        match=r"garbage\.csv: อ่านรหัสตัวอักษรของไฟล์ไม่ได้.*cannot detect the text encoding",
    ):
        read_csv_table(p)
    with pytest.raises(ImportFormatError, match="cannot detect the text encoding"):
        detect_encoding(bytes(range(256)) * 10)


def test_truncated_utf16_is_refused_with_the_row(tmp_path: Path) -> None:
    p = write(tmp_path, "id,name\r\n1,สงขลา\r\n".encode("utf-16") + b"\x41")
    with pytest.raises(
        ImportFormatError, match=r"แถว 3: อ่านตัวอักษรด้วยรหัส utf-16 ไม่ได้.*row 3: cannot decode"
    ):
        read_csv_table(p)


# ------------------------------------------------------------------ layout


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    cells = [
        ["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณ (บาท)", "ตำบล", "อำเภอ"],
        ["001", "ก่อสร้างถนนคอนกรีต", "1,250,000", "คอหงส์", "หาดใหญ่"],
    ]
    text = "".join(delimiter.join(r) + "\r\n" for r in cells)
    table = read_csv_table(write(tmp_path, text.encode()))
    assert len(table.frame.columns) == 5
    assert rows_of(table)[0] == ["001", "ก่อสร้างถนนคอนกรีต", "1,250,000", "คอหงส์", "หาดใหญ่"]


def test_semicolon_file_with_decimal_commas_and_unknown_headers(tmp_path: Path) -> None:
    text = "name;value\r\na;1,5\r\nb;2,25\r\nc;3\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert list(table.frame.columns) == ["name", "value"]
    assert rows_of(table) == [["a", "1,5"], ["b", "2,25"], ["c", "3"]]


def test_title_lines_above_the_header_are_skipped_and_rows_keep_file_line_numbers(
    tmp_path: Path,
) -> None:
    text = "แผนพัฒนาจังหวัดสงขลา ปี 2568,,,,\r\nจัดทำโดย สำนักงานจังหวัด,,,,\r\n,,,,\r\n" + HEADER + ROWS
    table = read_csv_table(write(tmp_path, text.encode("cp874")))
    assert table.header_row == 4
    assert list(table.frame.index) == [5, 6]
    assert table.frame.columns[0] == "รหัสโครงการ"


def test_thai_headers_with_units_are_recognised(tmp_path: Path) -> None:
    text = "ลำดับ,รหัสโครงการ,ชื่อโครงการ,งบประมาณ (บาท),ปีงบประมาณ,หมู่ที่\r\n1,P1,ถนน,100,2568,3\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    mapping = match_headers(list(table.frame.columns), csv_reader.PROJECT_COLUMNS)
    assert mapping == {
        "รหัสโครงการ": "project_id",
        "ชื่อโครงการ": "title",
        "งบประมาณ (บาท)": "budget",
        "ปีงบประมาณ": "fiscal_year",
        "หมู่ที่": "village_no",
    }
    assert "ลำดับ" in table.frame.columns  # unknown columns are kept


def test_plan_schema_finds_the_plan_header(tmp_path: Path) -> None:
    text = "บัญชีแผน\r\nรหัสแผน,ชื่อแผน,ระดับ\r\nPL1,แผนพัฒนาจังหวัด,province\r\n"
    table = read_csv_table(write(tmp_path, text.encode()), schema=PLAN_COLUMNS)
    assert table.header_row == 2
    assert rows_of(table) == [["PL1", "แผนพัฒนาจังหวัด", "province"]]


def test_data_rows_with_header_words_do_not_outrank_the_header(tmp_path: Path) -> None:
    # A plan list read with the project schema: "จังหวัด" and "ตำบล" in the level column are
    # project header words, but the text row above, as wide as they are, is the header.
    text = "plan_id,level,owner\r\nPV,จังหวัด,จังหวัดสงขลา\r\nTB,ตำบล,อบต.คอหงส์\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert table.header_row == 1
    assert list(table.frame.columns) == ["plan_id", "level", "owner"]
    assert list(table.frame.index) == [2, 3]


def test_numeric_rows_above_the_header_are_not_taken_for_it(tmp_path: Path) -> None:
    text = "รายงาน\r\n1,2,3\r\nproject_id,title,budget\r\nP1,ถนน,5\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert table.header_row == 3
    assert rows_of(table) == [["P1", "ถนน", "5"]]


def test_values_stay_text_exactly_as_written(tmp_path: Path) -> None:
    text = "project_id,title,budget,village_no,lat\r\n001,  spaced  ,1.25 ล้าน,๓,007.50\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert rows_of(table) == [["001", "  spaced  ", "1.25 ล้าน", "๓", "007.50"]]
    assert all(dtype == object for dtype in table.frame.dtypes)


def test_empty_cells_are_none_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    text = "project_id,title,budget\r\n\r\nP1,,\r\n,,\r\n   \r\nP2,ถนน,5\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert list(table.frame.index) == [3, 6]
    assert rows_of(table) == [["P1", None, None], ["P2", "ถนน", "5"]]


def test_multiline_cell_rows_are_numbered_by_their_first_line(tmp_path: Path) -> None:
    text = 'project_id,location_text\r\nP1,"ม.3\r\nต.คอหงส์"\r\nP2,x\r\n'
    table = read_csv_table(write(tmp_path, text.encode()))
    assert list(table.frame.index) == [2, 4]
    assert rows_of(table)[0] == ["P1", "ม.3\r\nต.คอหงส์"]


def test_old_mac_line_endings(tmp_path: Path) -> None:
    table = read_csv_table(write(tmp_path, b"project_id,title\rP1,a\rP2,b\r"))
    assert list(table.frame.index) == [2, 3]


def test_extra_fields_are_kept_with_a_warning(tmp_path: Path) -> None:
    text = "project_id,title\r\nP1,a,x,y\r\nP2,b,,\r\nP3,c\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert list(table.frame.columns) == ["project_id", "title", "_extra_1", "_extra_2"]
    assert rows_of(table) == [["P1", "a", "x", "y"], ["P2", "b", None, None], ["P3", "c", None, None]]
    (warning,) = table.warnings  # trailing empty fields (P2) are not extra values
    assert warning.row == 2 and warning.severity == "warning"
    assert "มีค่าเกินจำนวนหัวคอลัมน์ 2 ค่า" in warning.message
    assert "_extra_1…_extra_2" in warning.message


def test_headers_are_trimmed_and_made_unique(tmp_path: Path) -> None:
    text = " project_id ,x,x,,x_2\r\nP1,1,2,3,4\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert list(table.frame.columns) == ["project_id", "x", "x_2", "_col_4", "x_2_2"]


def test_trailing_empty_header_cells_are_dropped(tmp_path: Path) -> None:
    text = "project_id,title,,,\r\nP1,a,,,\r\n"
    table = read_csv_table(write(tmp_path, text.encode()))
    assert list(table.frame.columns) == ["project_id", "title"]
    assert table.warnings == []


def test_unparsable_line_is_refused_with_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The csv module's only error left in lenient mode is a cell above its size limit.
    saved = csv.field_size_limit()
    monkeypatch.setattr(csv_reader, "_raise_field_limit", lambda: csv.field_size_limit(10))
    p = write(tmp_path, b"project_id,wkt\r\nP1,a\r\nP2,POLYGON ((100 7, 101 7, 101 8, 100 7))\r\n")
    try:
        with pytest.raises(
            ImportFormatError, match=r"แถว 3: อ่านบรรทัดนี้ไม่ได้.*row 3: cannot parse this line"
        ):
            read_csv_table(p)
    finally:
        csv.field_size_limit(saved)


def test_large_cells_are_accepted(tmp_path: Path) -> None:
    wkt = "POLYGON ((" + ", ".join(f"100.{i:06d} 7.5" for i in range(20_000)) + "))"
    table = read_csv_table(write(tmp_path, f"project_id,wkt\r\nP1,\"{wkt}\"\r\n".encode()))
    assert table.frame.loc[2, "wkt"] == wkt


# ------------------------------------------------------------------ errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"nothere\.csv: ไม่พบไฟล์ \(file not found\)"):
        read_csv_table(tmp_path / "nothere.csv")
    with pytest.raises(InputFileError, match="file not found"):
        iter_csv_tables(tmp_path / "nothere.csv")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"ไม่ใช่ไฟล์.*not a file"):
        read_csv_table(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write(tmp_path, b"project_id\r\nP1\r\n", "locked.csv")

    def deny(self: Path, *args: object, **kwargs: object) -> io.BytesIO:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputFileError, match=r"locked\.csv: เปิดไฟล์ไม่ได้.*cannot open the file"):
        read_csv_table(p)
    with pytest.raises(InputFileError, match="cannot open the file"):
        list(iter_csv_tables(p))


@pytest.mark.parametrize(
    ("data", "pattern"),
    [
        (b"", r"empty\.csv: ไฟล์ว่าง \(0 ไบต์\) \(file is empty \(0 bytes\)\)"),
        (b"\r\n\r\n  \r\n", r"empty\.csv: ไฟล์ว่าง ไม่มีแถวข้อมูล \(file is empty: no data rows\)"),
        (b"project_id,title\r\n,\r\n", r"ไฟล์ว่าง ไม่มีแถวข้อมูล \(file is empty: no data rows\)"),
    ],
)
def test_empty_file(tmp_path: Path, data: bytes, pattern: str) -> None:
    p = write(tmp_path, data, "empty.csv")
    with pytest.raises(InputFileError, match=pattern):
        read_csv_table(p)
    with pytest.raises(InputFileError, match=pattern):
        list(iter_csv_tables(p))


def test_too_large_file_is_refused_with_its_size(tmp_path: Path) -> None:
    p = write(tmp_path, (HEADER + ROWS * 200).encode(), "big.csv")
    with pytest.raises(
        InputFileError,
        match=r"big\.csv: ไฟล์ขนาด [\d.]+ KB ใหญ่เกิน 1.0 KB.*แบ่งส่วน.*"
        r"above the 1.0 KB limit.*streaming import or split the file",
    ):
        read_csv_table(p, max_bytes=1024)
    assert csv_reader.DEFAULT_MAX_BYTES == 200 * 1024 * 1024


def test_bad_chunksize() -> None:
    with pytest.raises(ValueError, match="chunksize"):
        iter_csv_tables("x.csv", chunksize=0)


# ------------------------------------------------------------------ streaming


def test_streaming_chunks_keep_row_numbers(tmp_path: Path) -> None:
    p = tmp_path / "big.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        f.write("แผนงานโครงการ ปี 2568\r\n")  # title line: header on line 2, data from line 3
        w = csv.writer(f)
        w.writerow(["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณ"])
        for i in range(120_000):
            w.writerow([f"{i:06d}", f"โครงการที่ {i}", str(i * 10)])
    chunks = list(iter_csv_tables(p, chunksize=50_000))
    assert [len(c.frame) for c in chunks] == [50_000, 50_000, 20_000]
    assert sum(len(c.frame) for c in chunks) == 120_000
    assert [c.frame.index[0] for c in chunks] == [3, 50_003, 100_003]
    assert chunks[-1].frame.index[-1] == 120_002
    assert chunks[1].frame.iloc[0].tolist() == ["050000", "โครงการที่ 50000", "500000"]
    assert all(c.header_row == 2 and c.encoding == "utf-8" for c in chunks)
    assert all(list(c.frame.columns) == ["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณ"] for c in chunks)


def test_streaming_reports_cp874_rows_in_the_chunk_they_occur(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_reader, "SAMPLE_BYTES", 256)  # the encoding sample sees UTF-8 only
    lines = [f"P{i},โครงการที่ {i}\r\n".encode() for i in range(1, 40)]
    lines[29] = "P30,ขุดลอกคลอง\r\n".encode("cp874")  # line 31 of the file
    p = write(tmp_path, "project_id,title\r\n".encode() + b"".join(lines))
    chunks = list(iter_csv_tables(p, chunksize=20))
    assert chunks[0].warnings == [] and chunks[0].encoding == "utf-8"
    assert chunks[1].frame.loc[31, "title"] == "ขุดลอกคลอง"
    assert chunks[1].encoding == "mixed"
    (warning,) = chunks[1].warnings
    assert "แถว 31 อ่านเป็น TIS-620/cp874" in warning.message


def test_streaming_cp874_file_with_an_ascii_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_reader, "SAMPLE_BYTES", 64)
    text = "project_id,title\r\n" + "".join(f"P{i},road\r\n" for i in range(20)) + "P99,รถ\r\nP100,สงขลา\r\n"
    (table,) = iter_csv_tables(write(tmp_path, text.encode("cp874")))
    assert table.frame["title"].tolist()[-2:] == ["รถ", "สงขลา"]
    assert table.encoding == "cp874"
    assert table.warnings == []


# ------------------------------------------------------------------ round trip property

_THAI_ASCII = st.text(
    st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
    ),
    max_size=12,
)
_TABLES = st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.lists(st.lists(_THAI_ASCII, min_size=n, max_size=n), min_size=1, max_size=15)
)
_HEADERS = ["project_id", "title", "budget", "tambon"]


def _expected(rows: list[list[str]]) -> list[list[str | None]]:
    kept = [r for r in rows if any(c.strip() for c in r)]
    return [[c if c != "" else None for c in r] for r in kept]


def _csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(_HEADERS[: len(rows[0])])
    w.writerows(rows)
    return buf.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_TABLES)
def test_round_trip_utf8(tmp_path: Path, rows: list[list[str]]) -> None:
    assume(_expected(rows))
    p = write(tmp_path, _csv_text(rows).encode("utf-8"), "prop.csv")
    assert rows_of(read_csv_table(p)) == _expected(rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_TABLES)
def test_round_trip_cp874(tmp_path: Path, rows: list[list[str]]) -> None:
    assume(_expected(rows))
    text = _csv_text(rows)
    try:
        data = text.encode("cp874")
    except UnicodeEncodeError:
        assume(False)
        return
    # Genuinely ambiguous input is excluded: cp874 bytes that are also UTF-8 for Thai text
    # (cp874 "เธก" is byte for byte the UTF-8 of "ม").
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    assume(not (as_utf8 is not None and any("\u0e01" <= ch <= "\u0e5b" for ch in as_utf8)))
    p = write(tmp_path, data, "prop.csv")
    assert rows_of(read_csv_table(p)) == _expected(rows)
