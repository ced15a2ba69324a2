"""Shared reading code of the vector formats: pyogrio read, Z drop, repair, CRS, RawTable.

The format modules (gpkg, shapefile, geojson, kml) only say where the layers are and which GDAL
drivers may open them; this module does the rest the same way for all of them:

1. ``read_raw``: open with pyogrio (arrow when pyarrow is installed), check the driver, translate
   GDAL errors into bilingual ``InputFileError``/``ImportFormatError`` naming the file;
2. ``finish``: number features from 1, drop Z, repair geometry, choose the CRS (declared, override
   or guessed), reproject to EPSG:4326 and return a ``RawTable`` with every warning.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors

from areaplan.errors import ImportFormatError, InputFileError, Problem
from areaplan.importers.crs import CrsLike, crs_label, detect_crs, to_wgs84
from areaplan.importers.geometry import drop_z, repair_geometries
from areaplan.importers.table import RawTable

#: pyogrio's Arrow path is used when pyarrow is installed (not a dependency of AreaPlan).
USE_ARROW: bool = importlib.util.find_spec("pyarrow") is not None

_PYOGRIO_ERRORS = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.FieldError,
    pyogrio.errors.GeometryError,
    pyogrio.errors.FeatureError,
    pyogrio.errors.CRSError,
)


def check_file(path: str | Path) -> Path:
    """The path as a Path; InputFileError when it does not exist or is not a file."""
    p = Path(path)
    if not p.exists():
        raise InputFileError("ไม่พบไฟล์", "file not found", path=p)
    if not p.is_file():
        raise InputFileError("ไม่ใช่ไฟล์ข้อมูล (เป็นโฟลเดอร์)", "not a file (a folder)", path=p)
    return p


def _gdal_message(exc: BaseException) -> str:
    text = str(exc).split("; It might help", 1)[0].strip()
    return text[:300]


def unreadable(path: Path, description: str, exc: BaseException | None = None) -> InputFileError:
    """The error for a file GDAL cannot open as the expected format."""
    detail = f": {_gdal_message(exc)}" if exc is not None else ""
    return InputFileError(
        f"อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ {description}",
        f"cannot read the file: it is damaged or not a {description}{detail}",
        path=path,
    )


def list_layers(source: str, *, path: Path, description: str) -> list[tuple[str, str | None]]:
    """(name, geometry type or None) of each layer of a GDAL source, errors translated."""
    try:
        info = pyogrio.list_layers(source)
    except _PYOGRIO_ERRORS as exc:
        raise unreadable(path, description, exc) from exc
    return [(str(name), None if gtype is None else str(gtype)) for name, gtype in info]


def select_layer(
    layers: list[tuple[str, str | None]], layer: str | None, *, path: Path
) -> tuple[str, list[Problem]]:
    """The layer to read: the one asked for, else the first with geometry (warned if several)."""
    names = [name for name, _ in layers]
    if not names:
        raise InputFileError("ไฟล์ไม่มีชั้นข้อมูล", "the file has no layers", path=path)
    if layer is not None:
        if layer in names:
            return layer, []
        listed = ", ".join(names)
        raise ImportFormatError(
            f"ไม่พบชั้นข้อมูล {layer!r} ชั้นที่มี: {listed}",
            f"no layer named {layer!r}; layers available: {listed}",
            path=path,
        )
    spatial = [name for name, gtype in layers if gtype is not None]
    chosen = (spatial or names)[0]
    if len(names) == 1:
        return chosen, []
    listed = ", ".join(names)
    warning = Problem(
        f"ไฟล์มี {len(names)} ชั้นข้อมูล ({listed}) อ่านชั้น {chosen} เลือกชั้นอื่นด้วย --layer",
        f"the file has {len(names)} layers ({listed}); read {chosen}; choose another with --layer",
        severity="warning",
    )
    return chosen, [warning]


def read_info(
    source: str, *, path: Path, layer: str | None, description: str, encoding: str | None = None
) -> dict[str, Any]:
    """pyogrio.read_info with errors translated."""
    try:
        return pyogrio.read_info(source, layer=layer, encoding=encoding)
    except _PYOGRIO_ERRORS as exc:
        raise unreadable(path, description, exc) from exc
    except UnicodeDecodeError as exc:
        raise encoding_error(path, layer, encoding or "UTF-8", exc) from exc


class TextEncodingError(InputFileError):
    """Text in the file is not valid in the encoding it was read with."""


def encoding_error(path: Path, layer: str | None, used: str, exc: UnicodeDecodeError) -> TextEncodingError:
    """The error for text that cannot be decoded (often a DBF name cut inside a Thai letter)."""
    return TextEncodingError(
        f"อ่านตัวอักษรในไฟล์ไม่ได้ ข้อความไม่ใช่รหัส {used} หรือถูกตัดกลางตัวอักษร "
        "บันทึกไฟล์ใหม่เป็น GeoPackage",
        f"cannot decode the text as {used}: {exc.reason}; a column name or value may be cut in "
        "the middle of a character; save the data again as GeoPackage",
        path=path,
        layer=layer,
    )


def normalise_attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """Trim headers; text columns as Python str with None for missing values (not NaN)."""
    frame = frame.rename(columns={c: c.strip() for c in frame.columns if isinstance(c, str) and c != "geometry"})
    for name in frame.columns:
        if name == "geometry":
            continue
        col = frame[name]
        if isinstance(col.dtype, pd.StringDtype) or col.dtype == object:
            frame[name] = col.astype(object).where(col.notna(), None)
    return frame


def read_raw(
    source: str,
    *,
    path: Path,
    layer: str | None,
    description: str,
    drivers: Iterable[str] | None = None,
    encoding: str | None = None,
) -> gpd.GeoDataFrame:
    """One layer as pyogrio reads it (attributes normalised), after checking the GDAL driver."""
    info = read_info(source, path=path, layer=layer, description=description, encoding=encoding)
    allowed = tuple(drivers) if drivers is not None else None
    if allowed is not None and info.get("driver") not in allowed:
        raise unreadable(path, description)
    try:
        frame = pyogrio.read_dataframe(
            source, layer=layer, encoding=encoding, use_arrow=USE_ARROW
        )
    except _PYOGRIO_ERRORS as exc:
        raise unreadable(path, description, exc) from exc
    except UnicodeDecodeError as exc:
        raise encoding_error(path, layer, encoding or info.get("encoding") or "UTF-8", exc) from exc
    if not isinstance(frame, gpd.GeoDataFrame):
        # An attribute-only table (e.g. a GeoPackage "attributes" table): no geometry.
        crs = info.get("crs")
        frame = gpd.GeoDataFrame(frame, geometry=[None] * len(frame), crs=crs)
    return normalise_attributes(frame)


def finish(
    frame: gpd.GeoDataFrame,
    *,
    path: Path,
    layer: str | None,
    crs: CrsLike | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
    encoding: str | None = None,
    warnings: list[Problem] | None = None,
    report_layer: str | None = None,
) -> RawTable:
    """Number features from 1, drop Z, repair, choose the CRS and reproject: the RawTable."""
    problems = list(warnings or [])
    if len(frame) == 0:
        raise InputFileError(
            "ชั้นข้อมูลว่าง ไม่มีข้อมูลสักรายการ",
            "the layer has no features",
            path=path,
            layer=report_layer,
        )
    declared = frame.crs
    if crs is not None:
        override = crs
        if declared is not None and crs_label(declared) != crs_label(crs):
            problems.append(
                Problem(
                    f"ใช้ระบบพิกัด {crs_label(crs)} ตามที่ระบุ แทน {crs_label(declared)} ที่ไฟล์ประกาศไว้",
                    f"using the CRS given ({crs_label(crs)}) instead of the file's "
                    f"{crs_label(declared)}",
                    severity="warning",
                )
            )
        declared = override
    rows = np.arange(1, len(frame) + 1)
    geoms = drop_z(frame.geometry)
    repaired, repair_warnings = repair_geometries(geoms, rows=rows)
    decision = detect_crs(repaired, declared, path=path, area_of_interest=area_of_interest)
    problems.extend(decision.warnings)
    problems.extend(repair_warnings)
    attrs = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    attrs.index = pd.RangeIndex(1, len(frame) + 1)
    out = gpd.GeoDataFrame(
        attrs, geometry=gpd.GeoSeries(repaired, index=attrs.index), crs=decision.crs
    )
    out = to_wgs84(out, decision.crs)
    return RawTable(
        frame=out,
        path=path,
        layer=layer,
        encoding=encoding,
        crs=decision.label,
        warnings=problems,
    )


def read_vector(
    path: str | Path,
    layer: str | None = None,
    *,
    description: str,
    drivers: Iterable[str] | None = None,
    crs: CrsLike | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
) -> RawTable:
    """One layer of a single-file vector dataset (GeoPackage, GeoJSON …) as a RawTable."""
    p = check_file(path)
    source = str(p)
    layers = list_layers(source, path=p, description=description)
    name, warnings = select_layer(layers, layer, path=p)
    frame = read_raw(source, path=p, layer=name, description=description, drivers=drivers)
    multi = len(layers) > 1
    return finish(
        frame,
        path=p,
        layer=name if multi else None,
        crs=crs,
        area_of_interest=area_of_interest,
        encoding="UTF-8",
        warnings=warnings,
        report_layer=name if multi else None,
    )
