"""Formats describe themselves: extension -> reader module (Orange's FileFormat idea)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from areaplan.errors import ImportFormatError, InputFileError
from areaplan.importers.columns import PROJECT_COLUMNS
from areaplan.importers.table import RawTable

FORMAT_MODULES = ("csv", "xlsx", "gpkg", "shapefile", "geojson", "kml")
#: Files read whole (not streamed) above this size are refused before memory runs out;
#: CSV is streamed in chunks and has no limit. Vector data takes 3–5× its file size in memory.
MAX_IN_MEMORY_BYTES = 1024 * 1024 * 1024
RASTER_EXTENSIONS = (".tif", ".tiff")


def formats() -> list[ModuleType]:
    """The reader modules, each with EXTENSIONS and DESCRIPTION."""
    return [importlib.import_module(f"areaplan.importers.{name}") for name in FORMAT_MODULES]


def extension_table() -> dict[str, ModuleType]:
    """Lower-case extension -> reader module."""
    return {ext.lower(): mod for mod in formats() for ext in mod.EXTENSIONS}


def reader_for(path: Path) -> ModuleType:
    """The reader module for a file, by its extension."""
    suffix = path.suffix.lower()
    table = extension_table()
    if suffix not in table:
        known = ", ".join(sorted(table))
        raise ImportFormatError(
            f"ไม่รู้จักชนิดไฟล์ {suffix or '(ไม่มีนามสกุล)'} (ชนิดที่อ่านได้: {known})",
            f"unknown file type {suffix or '(none)'}; readable: {known}",
            path=path,
        )
    return table[suffix]


def iter_tables(
    path: str | Path,
    *,
    schema: dict = PROJECT_COLUMNS,
    layer: str | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
    chunk_rows: int = 50_000,
) -> Iterator[RawTable]:
    """Every table of a file: CSV in streamed chunks, each sheet or vector layer in turn.

    Empty layers of a multi-layer file are skipped; KML folders come as one table.
    `area_of_interest` (lon/lat bounds of the workspace) settles UTM 47N/48N guesses.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError("ไม่พบไฟล์", "file not found", path=path)
    module = reader_for(path)
    name = module.__name__.rsplit(".", 1)[-1]
    if name not in ("csv", "gpkg"):  # GeoPackage layers are read one at a time
        _check_size(path)
    if name == "csv":
        yield from module.iter_csv_tables(path, schema=schema, chunksize=chunk_rows)
    elif name == "xlsx":
        yield module.read_xlsx_table(path, sheet=layer, schema=schema)
    elif name == "kml" or layer:
        yield module.read_table(path, layer, area_of_interest=area_of_interest)
    else:
        layers = module.read_layers(path)
        if len(layers) <= 1:
            yield module.read_table(path, None, area_of_interest=area_of_interest)
            return
        for lyr in layers:
            if _feature_count(path, lyr) == 0:
                continue
            yield module.read_table(path, lyr, area_of_interest=area_of_interest)


def _check_size(path: Path) -> None:
    """Refuse a file too large to read whole, naming its size and the way out."""
    files = [path] if path.suffix.lower() != ".shp" else list(path.parent.glob(f"{path.stem}.*"))
    size = sum(f.stat().st_size for f in files if f.is_file())
    if size > MAX_IN_MEMORY_BYTES:
        mb, limit = size / 2**20, MAX_IN_MEMORY_BYTES / 2**20
        raise InputFileError(
            f"ไฟล์ใหญ่ {mb:,.0f} MB เกินกว่าจะอ่านทั้งไฟล์ได้ (เกิน {limit:,.0f} MB) "
            "โปรดแบ่งไฟล์ หรือบันทึกเป็น CSV/GeoPackage ซึ่งนำเข้าทีละส่วนได้",
            f"the file is {mb:,.0f} MB, more than the {limit:,.0f} MB that can be read at once; "
            "split it, or save it as CSV or GeoPackage, which are imported in parts",
            path=path,
        )


def _feature_count(path: Path, layer: str) -> int:
    import pyogrio

    try:
        return int(pyogrio.read_info(path, layer=layer)["features"])
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError):
        return -1  # unreadable: read_table reports it with the file and layer named
