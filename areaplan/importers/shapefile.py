"""ESRI Shapefile (.shp with .shx/.dbf/.prj/.cpg), also zipped (.zip holding one or more .shp).

Thai agencies' DBFs are usually TIS-620/cp874. With a ``.cpg`` the declared encoding is used; without
one the file is read with GDAL's default and, when Thai text comes back garbled, read again as
cp874 (or UTF-8, when the bytes are UTF-8 Thai) and a warning says so.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

import geopandas as gpd

from areaplan.errors import InputFileError, Problem
from areaplan.importers import vector
from areaplan.importers.crs import CrsLike
from areaplan.importers.table import RawTable

EXTENSIONS: tuple[str, ...] = (".shp", ".zip")
DESCRIPTION = "Shapefile"
DRIVERS: tuple[str, ...] = ("ESRI Shapefile",)
_REQUIRED_COMPANIONS = (".shx", ".dbf")

_THAI = re.compile("[\u0e01-\u0e5b]")
_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
_UTF8_AS_LATIN1 = ("à¸", "à¹")  # UTF-8 Thai (E0 B8 xx / E0 B9 xx) decoded one byte per char


def _shp_members(names: list[str]) -> list[str]:
    return [
        n
        for n in names
        if n.lower().endswith(".shp") and not n.startswith("__MACOSX/") and "/." not in f"/{n}"
    ]


def _layer_sources(p: Path) -> dict[str, tuple[str, set[str], str]]:
    """Layer name -> (GDAL source, lower-case companion suffixes present, display name)."""
    if p.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(p) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise vector.unreadable(p, f"{DESCRIPTION} (.zip)", exc) from exc
        members = _shp_members(names)
        if not members:
            raise InputFileError(
                "ไฟล์ .zip ไม่มี Shapefile (.shp) อยู่ภายใน",
                "the .zip file holds no shapefile (.shp)",
                path=p,
            )
        stems = [PurePosixPath(m).stem for m in members]
        unique = len(set(stems)) == len(stems)
        lower = [n.lower() for n in names]
        out: dict[str, tuple[str, set[str], str]] = {}
        for member, stem in zip(members, stems):
            base = member[: -len(".shp")].lower()
            present = {n[len(base) :] for n in lower if n.startswith(base) and "/" not in n[len(base) :]}
            name = stem if unique else member[: -len(".shp")]
            out[name] = (f"/vsizip/{p.resolve()}/{member}", present, member)
        return out
    stem = p.stem.lower()
    present = {f.suffix.lower() for f in p.parent.iterdir() if f.stem.lower() == stem}
    return {p.stem: (str(p), present, p.name)}


def read_layers(path: str | Path) -> list[str]:
    """The layer name (the .shp name), or the shapefiles inside a .zip."""
    p = vector.check_file(path)
    return list(_layer_sources(p))


def _text_of(frame: gpd.GeoDataFrame) -> str:
    """Column names and all text values joined, to look for Thai and mojibake in one pass."""
    parts = [str(c) for c in frame.columns]
    for name in frame.columns:
        if name == "geometry" or frame[name].dtype != object:
            continue
        values = frame[name].dropna()
        parts.append("\n".join(v for v in values if isinstance(v, str)))
    return "\n".join(parts)


def looks_mojibake(text: str) -> bool:
    """True when Thai text seems decoded with the wrong codec (U+FFFD, 'à¸', Latin-1 letters)."""
    if "\ufffd" in text or any(s in text for s in _UTF8_AS_LATIN1):
        return True
    return bool(_LATIN1_HIGH.search(text)) and not _THAI.search(text)


def _utf8_read_as_cp874(text: str) -> bool:
    """True when Thai text is UTF-8 bytes decoded as cp874 ('เธ…' / 'เน…' every other letter)."""
    thai = len(_THAI.findall(text))
    pairs = text.count("เธ") + text.count("เน")
    return thai > 0 and pairs * 4 > thai


def _recover_encoding(text: str, read_as: str | None) -> str:
    """The encoding the garbled text was really in: UTF-8 when its bytes decode as Thai, else cp874."""
    try:
        raw = text.encode(read_as or "latin-1")
    except (UnicodeEncodeError, LookupError):
        return "cp874"
    decoded = raw.decode("utf-8", errors="replace")
    thai = len(_THAI.findall(decoded))
    if thai and decoded.count("\ufffd") * 10 <= thai:
        return "UTF-8"
    return "cp874"


def _is_utf8(encoding: str | None) -> bool:
    return (encoding or "").replace("-", "").replace("_", "").upper() == "UTF8"


def _latin1_to_utf8(value: object) -> object:
    if isinstance(value, str):
        return value.encode("latin-1").decode("utf-8", errors="replace").replace("\ufffd", "")
    return value


def _read_utf8_lenient(source: str, read: dict) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """UTF-8 DBF whose names/values were cut inside a character: read bytes, drop the broken ones."""
    frame = vector.read_raw(source, encoding="ISO-8859-1", **read)
    frame = frame.rename(columns={c: _latin1_to_utf8(c) for c in frame.columns if c != "geometry"})
    for name in frame.columns:
        if name != "geometry" and frame[name].dtype == object:
            frame[name] = frame[name].map(_latin1_to_utf8)
    warning = Problem(
        "ชื่อคอลัมน์หรือข้อความบางส่วนถูกตัดกลางตัวอักษร (ข้อจำกัดของ DBF) ตัดตัวอักษรที่ขาดออกแล้ว "
        "ตรวจชื่อคอลัมน์ หรือบันทึกเป็น GeoPackage แทน",
        "some column names or values were cut in the middle of a character (a DBF limit); the broken "
        "characters were dropped; check the column names or save the data as GeoPackage instead",
        severity="warning",
    )
    return frame, [warning]


def _read_decoded(
    source: str, p: Path, has_cpg: bool, encoding: str | None
) -> tuple[gpd.GeoDataFrame, str | None, list[Problem]]:
    """Read the DBF with the right text encoding; detect cp874/UTF-8 when no .cpg says it."""
    read = dict(path=p, layer=None, description=DESCRIPTION, drivers=DRIVERS)
    try:
        info = vector.read_info(source, path=p, layer=None, description=DESCRIPTION, encoding=encoding)
        default_encoding = info.get("encoding")
    except vector.TextEncodingError:
        # GDAL passed the bytes through undecoded: UTF-8 with a name cut inside a character.
        default_encoding = "UTF-8"
    if encoding is not None or has_cpg:
        used = encoding or default_encoding
        try:
            return vector.read_raw(source, encoding=encoding, **read), used, []
        except vector.TextEncodingError:
            if not _is_utf8(used):
                raise
        lenient, cut = _read_utf8_lenient(source, read)
        return lenient, "UTF-8", cut
    first_error: vector.TextEncodingError | None = None
    frame: gpd.GeoDataFrame | None = None
    try:
        frame = vector.read_raw(source, **read)
        text = _text_of(frame)
    except vector.TextEncodingError as exc:
        first_error, text = exc, "\ufffd"
    if frame is not None and not looks_mojibake(text):
        return frame, default_encoding, []
    guess = _recover_encoding(text, default_encoding)
    label = "TIS-620/cp874" if guess == "cp874" else guess
    found = Problem(f"ไม่มีไฟล์ .cpg อ่านเป็น {label}", f"no .cpg file; read as {label}", severity="warning")
    try:
        retry = vector.read_raw(source, encoding=guess, **read)
    except vector.TextEncodingError:
        if guess != "UTF-8":
            raise
        retry, cut = _read_utf8_lenient(source, read)
        return retry, guess, [found, *cut]
    retry_text = _text_of(retry)
    if _THAI.search(retry_text) and "\ufffd" not in retry_text and not _utf8_read_as_cp874(retry_text):
        return retry, guess, [found]
    if first_error is not None:
        raise first_error
    garbled = Problem(
        "ไม่มีไฟล์ .cpg และข้อความภาษาไทยอาจอ่านผิด เพิ่มไฟล์ .cpg ที่ระบุรหัสอักขระ (เช่น CP874 หรือ UTF-8)",
        "no .cpg file and the text may be garbled; add a .cpg naming the encoding (e.g. CP874 or UTF-8)",
        severity="warning",
    )
    return frame, default_encoding, [garbled]


def read_table(
    path: str | Path,
    layer: str | None = None,
    *,
    crs: CrsLike | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
    encoding: str | None = None,
) -> RawTable:
    """The shapefile (or one shapefile of a .zip) as a RawTable in EPSG:4326."""
    p = vector.check_file(path)
    sources = _layer_sources(p)
    names = [(name, "shape") for name in sources]
    name, warnings = vector.select_layer(names, layer, path=p)
    source, present, display = sources[name]
    missing = [ext for ext in _REQUIRED_COMPANIONS if ext not in present]
    if missing:
        listed = ", ".join(missing)
        raise InputFileError(
            f"ไม่พบไฟล์ประกอบ {listed} ของ {display} (Shapefile ต้องมี .shp .shx และ .dbf ชื่อเดียวกัน "
            "ในโฟลเดอร์เดียวกัน)",
            f"missing companion file {listed} of {display}; a shapefile needs .shp, .shx and .dbf "
            "with the same name in the same folder",
            path=p,
        )
    frame, used, encoding_warnings = _read_decoded(source, p, ".cpg" in present, encoding)
    multi = len(sources) > 1
    return vector.finish(
        frame,
        path=p,
        layer=name if multi else None,
        crs=crs,
        area_of_interest=area_of_interest,
        encoding=used,
        warnings=[*warnings, *encoding_warnings],
        report_layer=name if multi else None,
    )
