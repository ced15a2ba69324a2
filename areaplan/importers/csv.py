"""CSV reader: agencies' CSV files (UTF-8, UTF-8-BOM, TIS-620/cp874, mixed) as RawTable objects.

Every value is kept as the text written in the file (no type inference; empty cells become
None) and every row keeps the physical line number a user sees in Notepad (1-based, the
header and any title lines counted). Large files are read in chunks by
:func:`iter_csv_tables` so that they never sit in memory as Python objects at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

import pandas as pd

from areaplan.errors import ImportFormatError, InputFileError, Problem
from areaplan.importers.columns import PROJECT_COLUMNS, header_score
from areaplan.importers.table import RawTable

EXTENSIONS = (".csv", ".txt")
DESCRIPTION = "CSV (UTF-8, UTF-8-BOM, TIS-620/cp874)"

#: read_csv_table refuses bigger files; iter_csv_tables has no limit.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
#: Rows (non-empty) searched for the header row, and for the delimiter.
HEADER_SCAN_ROWS = 30
#: Bytes read from the start of a streamed file to decide its encoding.
SAMPLE_BYTES = 1024 * 1024
#: Delimiters tried, in order of preference on a tie.
DELIMITERS = (",", ";", "\t", "|")
#: Row-level warnings of one kind listed per table before they are summarised.
MAX_ROW_WARNINGS = 50

_BLOCK = 1024 * 1024
_EOL = re.compile(rb"\r\n|\r|\n")
_THAI = re.compile("[\u0e01-\u0e5b]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_NUMBER = re.compile(r"[-+]?[\d๐-๙][\d๐-๙.,\s]*")
_ROW_LIST_LIMIT = 20


# ----------------------------------------------------------------- helpers shared with xlsx


def check_input_file(path: str | Path) -> Path:
    """The path as a Path, or InputFileError if it is missing or not a regular file."""
    p = Path(path)
    if not p.exists():
        raise InputFileError("ไม่พบไฟล์", "file not found", path=p)
    if not p.is_file():
        raise InputFileError(
            "ไม่ใช่ไฟล์ (อาจเป็นโฟลเดอร์)", "not a file (perhaps a folder)", path=p
        )
    return p


def empty_file_error(path: Path, layer: str | None = None) -> InputFileError:
    """The error for a file (or sheet) without any data row."""
    return InputFileError(
        "ไฟล์ว่าง ไม่มีแถวข้อมูล", "file is empty: no data rows", path=path, layer=layer
    )


def is_blank_row(cells: Iterable[object]) -> bool:
    """True when every cell is None or text that is empty after trimming."""
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def header_text(cell: object) -> str:
    """A header cell as trimmed text without BOM or zero-width marks (2568.0 -> '2568')."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).replace("\ufeff", "").replace("\u200b", "").strip()


def unique_headers(cells: Sequence[object], blank_names: Sequence[str] | None = None) -> list[str]:
    """Trimmed header names made unique ('x', 'x_2'); blanks get '_col_<n>' or blank_names[i]."""
    names: list[str] = []
    taken: set[str] = set()
    for i, cell in enumerate(cells):
        base = header_text(cell)
        if not base:
            base = blank_names[i] if blank_names is not None else f"_col_{i + 1}"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}_{n}"
        taken.add(name)
        names.append(name)
    return names


def _filled(cells: Sequence[object]) -> int:
    return sum(1 for c in cells if not is_blank_row([c]))


def _all_text(cells: Sequence[object]) -> bool:
    """True when no filled cell is a number (header rows name things; data rows hold amounts)."""
    for c in cells:
        if is_blank_row([c]):
            continue
        if isinstance(c, (int, float)) or _NUMBER.fullmatch(str(c).strip()):
            return False
    return True


def find_header_row(rows: Sequence[Sequence[object]], schema: dict[str, tuple[str, ...]]) -> int:
    """Index of the header row among the first rows of a table; -1 when every row is empty.

    The header is the row with the highest header_score (the first on a tie), or the first
    non-empty row when no row names a known column. A data row that happens to hold header
    words (a plan list read with the project schema has "จังหวัด" in its level column) does
    not outrank a text-only row above it that is at least as wide: that row is the header.
    """
    best, best_score = -1, 0
    first_filled = -1
    for i, cells in enumerate(rows):
        if is_blank_row(cells):
            continue
        if first_filled < 0:
            first_filled = i
        score = header_score(list(cells), schema)
        if score > best_score:
            best, best_score = i, score
    if best_score == 0:
        return first_filled
    width = _filled(rows[best])
    for i in range(first_filled, best):
        if _filled(rows[i]) >= width and width > 1 and _all_text(rows[i]):
            return i
    return best


def format_rows(rows: Sequence[int], total: int | None = None) -> tuple[str, str]:
    """Row numbers as short Thai and English lists: '3, 7 และอีก 12 แถว' / '3, 7 and 12 more'."""
    total = len(rows) if total is None else total
    shown = ", ".join(str(r) for r in rows[:_ROW_LIST_LIMIT])
    more = total - min(len(rows), _ROW_LIST_LIMIT)
    if more > 0:
        return f"{shown} และอีก {more} แถว", f"{shown} and {more} more"
    return shown, shown


# --------------------------------------------------------------------------- encoding


def _has_thai(text: str) -> bool:
    return _THAI.search(text) is not None


def _prefer_cp874(as_utf8: str, as_cp874: str) -> bool:
    """For bytes valid in both encodings: TIS-620 when only that reading gives Thai text.

    Thai written in cp874 is occasionally valid UTF-8 by accident ("รถ" is the UTF-8 of "ö").
    If the UTF-8 reading has no Thai letter while (nearly) every non-ASCII character of the
    cp874 reading is a Thai letter, the cp874 reading is the plausible one for AreaPlan's
    Thai data. A UTF-8 en dash or ellipsis reads as "โ€“" in cp874 and stays UTF-8.
    """
    if _has_thai(as_utf8):
        return False
    non_ascii = sum(1 for _ in _NON_ASCII.finditer(as_cp874))
    if non_ascii == 0:
        return False
    thai = sum(1 for _ in _THAI.finditer(as_cp874))
    return thai >= 0.9 * non_ascii


def _try_decode(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _is_ascii_compatible(encoding: str) -> bool:
    probe = "\r\n,;\t|\" azAZ09"
    try:
        return probe.encode(encoding) == probe.encode("ascii")
    except (UnicodeEncodeError, LookupError):
        return False


def _split_lines(data: bytes) -> Iterator[bytes]:
    """Physical lines of an ASCII-compatible byte string, each with its terminator."""
    start = 0
    for m in _EOL.finditer(data):
        yield data[start : m.end()]
        start = m.end()
    if start < len(data):
        yield data[start:]


def _iter_line_blocks(stream: IO[bytes]) -> Iterator[list[bytes]]:
    """Physical lines (CR, LF or CRLF, terminators kept) of a binary stream, a block at a time."""
    pending = b""
    while True:
        block = stream.read(_BLOCK)
        if not block:
            break
        lines = (pending + block).splitlines(keepends=True)
        # The last piece may be unfinished, or a CR whose LF is in the next block.
        pending = b"" if lines[-1].endswith(b"\n") else lines.pop()
        if lines:
            yield lines
    if pending:
        yield [pending]


def _mixed_warning(rows: Sequence[int], total: int, minority: str) -> Problem:
    rows_th, rows_en = format_rows(rows, total)
    if minority == "cp874":
        th_as, th_rest, en_as, en_rest = "TIS-620/cp874", "UTF-8", "TIS-620/cp874", "UTF-8"
    else:
        th_as, th_rest, en_as, en_rest = "UTF-8", "TIS-620/cp874", "UTF-8", "TIS-620/cp874"
    return Problem(
        f"ไฟล์ใช้การเข้ารหัสตัวอักษรปนกัน: แถว {rows_th} อ่านเป็น {th_as} ส่วนแถวอื่นเป็น {th_rest}"
        " — ตรวจสอบตัวอักษรในแถวเหล่านี้ แล้วบันทึกไฟล์เป็น CSV UTF-8",
        f"mixed text encodings: rows {rows_en} were decoded as {en_as}, the other rows as "
        f"{en_rest}; check the text in these rows and save the file as CSV UTF-8",
        severity="warning",
    )


def _bad_bytes_warning(row: int) -> Problem:
    return Problem(
        "มีอักขระที่อ่านไม่ได้ แทนด้วยเครื่องหมาย �",
        "undecodable bytes were replaced with �",
        row=row,
        severity="warning",
    )


def _summary_warning(kind_th: str, kind_en: str, more: int) -> Problem:
    return Problem(
        f"และอีก {more} แถว: {kind_th}", f"and {more} more rows: {kind_en}", severity="warning"
    )


def _nul_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a BOM: CSV text never holds NUL bytes, but those encodings do."""
    sample = data[:65536]
    if sample.count(0) < len(sample) // 20:  # a stray NUL is not UTF-16; delimiters are ASCII
        return None
    sample = sample[: len(sample) - len(sample) % 4] or sample
    quarters = [sample[i::4].count(0) for i in range(4)]
    n = len(sample) // 4
    if n and quarters[2] == n and quarters[3] == n:
        candidates = ["utf-32-le"]
    elif n and quarters[0] == n and quarters[1] == n:
        candidates = ["utf-32-be"]
    else:
        even, odd = quarters[0] + quarters[2], quarters[1] + quarters[3]
        if odd and even <= odd // 20:
            candidates = ["utf-16-le"]
        elif even and odd <= even // 20:
            candidates = ["utf-16-be"]
        else:
            return None
    for enc in candidates:
        text = sample.decode(enc, "ignore") if len(sample) < len(data) else _try_decode(sample, enc)
        if text and _looks_like_text(text):
            return enc
    return None


def _looks_like_text(text: str) -> bool:
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return printable >= 0.95 * len(text)


def _charset_normalizer(data: bytes, path: str | Path | None) -> tuple[str, list[Problem]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ImportFormatError(
            "อ่านรหัสตัวอักษรของไฟล์ไม่ได้ (ไม่ใช่ UTF-8 หรือ TIS-620) — เปิดใน Excel"
            " แล้วบันทึกเป็น CSV UTF-8",
            "cannot detect the text encoding (neither UTF-8 nor TIS-620); open the file in "
            "Excel and save it as CSV UTF-8",
            path=path,
        )
    enc = codecs.lookup(best.encoding).name
    return enc, [
        Problem(
            f"ไฟล์ไม่ใช่ UTF-8 หรือ TIS-620 จึงอ่านด้วยรหัส {enc} — ตรวจสอบตัวอักษร"
            " หรือบันทึกไฟล์เป็น CSV UTF-8",
            f"the file is neither UTF-8 nor TIS-620 and was decoded as {enc}; check the text "
            "or save the file as CSV UTF-8",
            severity="warning",
        )
    ]


def detect_encoding(data: bytes, *, path: str | Path | None = None) -> tuple[str, list[Problem]]:
    """The text encoding of CSV bytes: utf-8-sig, utf-16, utf-8, cp874, mixed or a guessed codec."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", []
    nul = _nul_encoding(data)
    if nul is not None:
        return nul, []
    if data.isascii():
        return "utf-8", []
    as_utf8 = _try_decode(data, "utf-8")
    as_cp874 = _try_decode(data, "cp874")
    if as_utf8 is not None:
        if as_cp874 is not None and _prefer_cp874(as_utf8, as_cp874):
            return "cp874", []
        return "utf-8", []
    if as_cp874 is not None:
        return "cp874", []

    # Neither encoding reads the whole file: look line by line.
    utf8_rows = cp874_rows = 0
    cp874_list: list[int] = []
    ambiguous_cp874: list[int] = []
    bad: list[int] = []
    for line_no, raw in enumerate(_split_lines(data), start=1):
        if raw.isascii():
            continue
        u = _try_decode(raw, "utf-8")
        c = _try_decode(raw, "cp874")
        if u is None and c is None:
            bad.append(line_no)
        elif u is None:
            cp874_rows += 1
            cp874_list.append(line_no)
        elif c is None:
            utf8_rows += 1
        elif _prefer_cp874(u, c):
            ambiguous_cp874.append(line_no)
    if not utf8_rows and not cp874_rows:
        return _charset_normalizer(data, path)
    problems: list[Problem] = []
    if utf8_rows and cp874_rows:
        encoding = "mixed"
        rows = sorted(cp874_list + ambiguous_cp874)
        problems.append(_mixed_warning(rows, len(rows), "cp874"))
    else:
        encoding = "utf-8" if utf8_rows else "cp874"
    problems.extend(_bad_bytes_warning(r) for r in bad[:MAX_ROW_WARNINGS])
    if len(bad) > MAX_ROW_WARNINGS:
        problems.append(
            _summary_warning(
                "มีอักขระที่อ่านไม่ได้", "undecodable bytes", len(bad) - MAX_ROW_WARNINGS
            )
        )
    return encoding, problems


class _LineDecoder:
    """Decodes physical lines one by one, falling back between UTF-8 and cp874 per line."""

    def __init__(self, encoding: str, *, undecided: bool = False) -> None:
        self.encoding = encoding
        name = codecs.lookup(encoding).name if encoding != "mixed" else "mixed"
        if name in ("utf-8", "utf-8-sig"):
            self.mode = "undecided" if undecided else "utf-8"
        elif name in ("cp874", "tis-620", "iso8859-11"):
            self.mode = "cp874"
        elif name == "mixed":
            self.mode = "mixed"
        else:
            self.mode = "other"
        self.strip_bom = name == "utf-8-sig"
        self.seen: set[str] = set()
        self.mixed_from: int | None = None  # first line at which both encodings were seen
        self.minority: list[int] = []
        self.bad: list[int] = []

    def label(self, upto: int | None = None) -> str:
        """The encoding of the lines up to ``upto``: 'mixed' once both encodings were seen."""
        if self.mode == "mixed":
            return "mixed"
        if self.mixed_from is not None and (upto is None or self.mixed_from <= upto):
            return "mixed"
        if self.mode == "cp874" and self.encoding in ("utf-8", "mixed"):
            return "cp874"
        return self.encoding

    def _saw(self, kind: str, line_no: int) -> None:
        self.seen.add(kind)
        if self.mixed_from is None and len(self.seen) == 2:
            self.mixed_from = line_no

    def decode(self, raw: bytes, line_no: int) -> str:
        """One physical line as text."""
        if raw.isascii():
            return raw.decode("ascii")
        if self.mode == "other":
            text = _try_decode(raw, self.encoding)
            if text is None:
                self.bad.append(line_no)
                text = raw.decode(self.encoding, "replace")
            return text
        # Fast paths: a line valid in the file's own encoding is read with it.
        if self.mode == "utf-8":
            u = _try_decode(raw, "utf-8")
            if u is not None:
                self._saw("utf-8", line_no)
                return u
            c = _try_decode(raw, "cp874")
        elif self.mode == "cp874":
            c = _try_decode(raw, "cp874")
            if c is not None:
                self._saw("cp874", line_no)
                return c
            u = _try_decode(raw, "utf-8")
        else:
            u = _try_decode(raw, "utf-8")
            c = _try_decode(raw, "cp874")
        if u is None and c is None:
            self.bad.append(line_no)
            return raw.decode("cp874" if self.mode == "cp874" else "utf-8", "replace")
        if u is not None and c is not None:
            if self.mode in ("utf-8", "cp874"):
                use_cp874 = self.mode == "cp874"
            else:
                use_cp874 = _prefer_cp874(u, c)
        else:
            use_cp874 = u is None
        kind = "cp874" if use_cp874 else "utf-8"
        self._saw(kind, line_no)
        if self.mode == "undecided":
            self.mode = kind
        if kind != self.mode and (self.mode == "cp874" or kind == "cp874"):
            self.minority.append(line_no)
        return c if use_cp874 else u  # type: ignore[return-value]

    def decode_block(self, lines: list[bytes], first_line: int) -> list[str]:
        """Consecutive physical lines as text; ``first_line`` is the number of the first one."""
        if self.strip_bom and first_line == 1 and lines[0].startswith(codecs.BOM_UTF8):
            lines[0] = lines[0][len(codecs.BOM_UTF8) :]
        data = b"".join(lines)
        ascii_only = data.isascii()
        if ascii_only or self.mode in ("utf-8", "cp874"):
            encoding = "ascii" if ascii_only else self.mode
            text = _try_decode(data, encoding)
            if text is not None:
                if not ascii_only:
                    self._saw(self.mode, first_line)
                out = text.splitlines(keepends=True)
                if len(out) == len(lines):  # no extra breaks (U+2028, \x85...) inside lines
                    return out
                return [line.decode(encoding) for line in lines]
        return [self.decode(line, first_line + i) for i, line in enumerate(lines)]

    def take_problems(self, upto: int | None) -> list[Problem]:
        """Warnings about lines decoded so far (up to line ``upto``; all when None)."""
        def take(rows: list[int]) -> tuple[list[int], list[int]]:
            if upto is None:
                return rows, []
            return [r for r in rows if r <= upto], [r for r in rows if r > upto]

        problems: list[Problem] = []
        minority, self.minority = take(self.minority)
        if minority:
            odd_one = "utf-8" if self.mode == "cp874" else "cp874"
            problems.append(_mixed_warning(minority, len(minority), odd_one))
        bad, self.bad = take(self.bad)
        problems.extend(_bad_bytes_warning(r) for r in bad[:MAX_ROW_WARNINGS])
        if len(bad) > MAX_ROW_WARNINGS:
            problems.append(
                _summary_warning(
                    "มีอักขระที่อ่านไม่ได้", "undecodable bytes", len(bad) - MAX_ROW_WARNINGS
                )
            )
        return problems


class _TextLines:
    """Decoded physical lines of a binary stream; counts lines for error messages."""

    def __init__(self, stream: IO[bytes], encoding: str, path: Path, *, undecided: bool) -> None:
        self.path = path
        self.count = 0
        self._encoding = encoding
        self.decoder: _LineDecoder | None = None
        if encoding == "mixed" or _is_ascii_compatible(encoding):
            self.decoder = _LineDecoder(encoding, undecided=undecided)
            self._lines = self._binary(stream, self.decoder)
        else:
            self._lines = self._text(stream, encoding)

    def label(self, upto: int | None) -> str:
        """The encoding to report on a table ending at line ``upto`` (None: the whole file)."""
        return self.decoder.label(upto) if self.decoder is not None else self._encoding

    def _binary(self, stream: IO[bytes], decoder: _LineDecoder) -> Iterator[str]:
        for lines in _iter_line_blocks(stream):
            first = self.count + 1
            self.count += len(lines)
            yield from decoder.decode_block(lines, first)

    def _text(self, stream: IO[bytes], encoding: str) -> Iterator[str]:
        wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
        try:
            while True:
                try:
                    line = wrapper.readline()
                except UnicodeDecodeError as exc:
                    raise ImportFormatError(
                        f"อ่านตัวอักษรด้วยรหัส {encoding} ไม่ได้ — บันทึกไฟล์เป็น CSV UTF-8",
                        f"cannot decode the text as {encoding}: {exc.reason}; save the file as "
                        "CSV UTF-8",
                        path=self.path,
                        row=self.count + 1,
                    ) from None
                if not line:
                    break
                self.count += 1
                yield line
        finally:
            wrapper.detach()

    def __iter__(self) -> Iterator[str]:
        return self._lines

    def take_problems(self, upto: int | None) -> list[Problem]:
        """Decoding warnings for lines up to ``upto``."""
        return self.decoder.take_problems(upto) if self.decoder is not None else []


# --------------------------------------------------------------------------- parsing


def _raise_field_limit() -> None:
    """Allow big cells (WKT polygons); the csv default is 128 KiB."""
    limit = min(sys.maxsize, 2**31 - 1)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def sniff_delimiter(text: str, schema: dict[str, tuple[str, ...]] = PROJECT_COLUMNS) -> str:
    """The delimiter (comma, semicolon, tab or pipe) that best splits the start of a CSV text."""
    best_key: tuple[int, bool, int, int, int] | None = None
    best = ","
    for i, delim in enumerate(DELIMITERS):
        try:
            parsed = csv.reader(io.StringIO(text), delimiter=delim)
            records = list(
                itertools.islice((r for r in parsed if not is_blank_row(r)), HEADER_SCAN_ROWS)
            )
        except csv.Error:
            continue
        if not records:
            continue
        h = find_header_row(records, schema)
        score = header_score(list(records[h]), schema)
        width = len(records[h])
        consistent = sum(1 for r in records[h + 1 :] if len(r) == width)
        key = (score, width > 1, consistent, width, -i)
        if best_key is None or key > best_key:
            best_key, best = key, delim
    return best


def _extra_warning(row: int, count: int) -> Problem:
    names = "_extra_1" if count == 1 else f"_extra_1…_extra_{count}"
    return Problem(
        f"มีค่าเกินจำนวนหัวคอลัมน์ {count} ค่า เก็บไว้ในคอลัมน์ {names}",
        f"{count} more value(s) than headers; kept in column(s) {names}",
        row=row,
        severity="warning",
    )


class _Parser:
    """Splits decoded lines into records, finds the header and builds RawTable chunks."""

    def __init__(
        self,
        lines: _TextLines,
        path: Path,
        schema: dict[str, tuple[str, ...]],
    ) -> None:
        self.lines = lines
        self.path = path
        line_iter = iter(lines)
        head: list[str] = []
        size = 0
        for line in line_iter:
            head.append(line)
            size += len(line)
            if len(head) >= 200 or size >= 256 * 1024:
                break
        self.delimiter = sniff_delimiter("".join(head), schema)
        self.reader = csv.reader(itertools.chain(head, line_iter), delimiter=self.delimiter)
        self.records = self._records()
        first: list[tuple[int, list[str]]] = list(itertools.islice(self.records, HEADER_SCAN_ROWS))
        if not first:
            raise empty_file_error(path)
        h = find_header_row([cells for _, cells in first], schema)
        self.header_row, header_cells = first[h]
        while header_cells and not header_cells[-1].strip():
            header_cells = header_cells[:-1]
        self.headers = unique_headers(header_cells)
        self.pending = first[h + 1 :]

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Non-blank records with the physical line each starts on."""
        previous = 0
        reader = self.reader
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFormatError(
                    f"อ่านบรรทัดนี้ไม่ได้: {exc}",
                    f"cannot parse this line: {exc}",
                    path=self.path,
                    row=reader.line_num,
                ) from None
            start = previous + 1
            previous = reader.line_num
            if cells and "".join(cells).strip():
                yield start, cells

    def data_records(self) -> Iterator[tuple[int, list[str]]]:
        """Every record after the header."""
        yield from self.pending
        self.pending = []
        yield from self.records

    def tables(self, chunksize: int | None) -> Iterator[RawTable]:
        """RawTable chunks of at most ``chunksize`` rows (one table when None)."""
        ncols = len(self.headers)
        rows: list[list[str | None]] = []
        index: list[int] = []
        problems: list[Problem] = []
        extra_rows = 0
        produced = False
        for start, cells in self.data_records():
            values: list[str | None] = [c or None for c in cells]
            if len(values) > ncols:
                extra = values[ncols:]
                while extra and extra[-1] is None:
                    extra.pop()
                values = values[:ncols] + extra
                if extra:
                    extra_rows += 1
                    if extra_rows <= MAX_ROW_WARNINGS:
                        problems.append(_extra_warning(start, len(extra)))
            rows.append(values)
            index.append(start)
            if chunksize is not None and len(rows) >= chunksize:
                yield self._table(rows, index, problems, extra_rows, last=False)
                produced = True
                rows, index, problems, extra_rows = [], [], [], 0
        if rows or not produced:
            if not rows:
                raise empty_file_error(self.path)
            yield self._table(rows, index, problems, extra_rows, last=True)

    def _table(
        self,
        rows: list[list[str | None]],
        index: list[int],
        problems: list[Problem],
        extra_rows: int,
        *,
        last: bool,
    ) -> RawTable:
        ncols = len(self.headers)
        width = max(ncols, max(len(r) for r in rows))
        extras = [f"_extra_{i}" for i in range(1, width - ncols + 1)]
        columns = unique_headers(self.headers + extras)
        for r in rows:
            if len(r) < width:
                r.extend([None] * (width - len(r)))
        frame = pd.DataFrame(
            rows, columns=columns, index=pd.Index(index, name="row"), dtype=object
        )
        upto = None if last else self.reader.line_num
        warnings = self.lines.take_problems(upto)
        warnings.extend(problems)
        if extra_rows > MAX_ROW_WARNINGS:
            warnings.append(
                _summary_warning(
                    "มีค่าเกินจำนวนหัวคอลัมน์",
                    "more values than headers",
                    extra_rows - MAX_ROW_WARNINGS,
                )
            )
        return RawTable(
            frame=frame,
            path=self.path,
            encoding=self.lines.label(upto),
            header_row=self.header_row,
            warnings=warnings,
        )


def _tables_from_stream(
    stream: IO[bytes],
    path: Path,
    encoding: str,
    schema: dict[str, tuple[str, ...]],
    chunksize: int | None,
    *,
    undecided: bool,
) -> Iterator[RawTable]:
    _raise_field_limit()
    lines = _TextLines(stream, encoding, path, undecided=undecided)
    parser = _Parser(lines, path, schema)
    yield from parser.tables(chunksize)


def _empty_bytes_error(path: Path) -> InputFileError:
    return InputFileError("ไฟล์ว่าง (0 ไบต์)", "file is empty (0 bytes)", path=path)


def _format_size(n: int) -> str:
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    if n >= 1024**2:
        return f"{n / 1024**2:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} B"


def _open_error(path: Path, exc: OSError) -> InputFileError:
    reason = exc.strerror or str(exc)
    return InputFileError(
        f"เปิดไฟล์ไม่ได้: {reason}", f"cannot open the file: {reason}", path=path
    )


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read() if limit is None else f.read(limit)
    except OSError as exc:
        raise _open_error(path, exc) from exc


# --------------------------------------------------------------------------- public readers


def read_csv_table(
    path: str | Path,
    *,
    schema: dict[str, tuple[str, ...]] = PROJECT_COLUMNS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RawTable:
    """Read a whole CSV file (up to ``max_bytes``) into one RawTable of text values."""
    p = check_input_file(path)
    size = p.stat().st_size
    if size == 0:
        raise _empty_bytes_error(p)
    if size > max_bytes:
        raise InputFileError(
            f"ไฟล์ขนาด {_format_size(size)} ใหญ่เกิน {_format_size(max_bytes)}"
            " ที่อ่านได้ในครั้งเดียว"
            " — ระบบจะนำเข้าแบบแบ่งส่วน หรือแบ่งไฟล์ให้เล็กลง",
            f"the file is {_format_size(size)}, above the {_format_size(max_bytes)} limit for "
            "reading at once; use the streaming import or split the file",
            path=p,
        )
    data = _read_bytes(p)
    encoding, _ = detect_encoding(data, path=p)
    tables = _tables_from_stream(
        io.BytesIO(data), p, encoding, schema, None, undecided=False
    )
    return next(tables)


def iter_csv_tables(
    path: str | Path,
    *,
    chunksize: int = 50_000,
    schema: dict[str, tuple[str, ...]] = PROJECT_COLUMNS,
) -> Iterator[RawTable]:
    """Stream a CSV file of any size as RawTable chunks of at most ``chunksize`` rows."""
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    p = check_input_file(path)
    if p.stat().st_size == 0:
        raise _empty_bytes_error(p)
    return _iter_file(p, schema, chunksize)


def _iter_file(
    path: Path, schema: dict[str, tuple[str, ...]], chunksize: int
) -> Iterator[RawTable]:
    sample = _read_bytes(path, SAMPLE_BYTES)
    if len(sample) == SAMPLE_BYTES and not sample.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        cut = sample.rfind(b"\n")
        if cut > 0:
            sample = sample[: cut + 1]
    encoding, _ = detect_encoding(sample, path=path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise _open_error(path, exc) from exc
    with stream:
        yield from _tables_from_stream(
            stream, path, encoding, schema, chunksize, undecided=sample.isascii()
        )
