"""Google Earth KML and KMZ: every folder (layer) read into one table with a ``folder`` column.

GDAL reads KML with the LIBKML driver when it is built in (the pyogrio wheels have it) and with the
older KML driver otherwise; both are handled. LIBKML's styling columns (tessellate, extrude, …) are
dropped when they hold only defaults, and its ``description`` is named ``Description`` like the KML
driver's, so the table looks the same whichever driver read it. KMZ is read through ``/vsizip/``.
Z coordinates (Google Earth altitudes) are dropped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd

from areaplan.errors import InputFileError
from areaplan.importers import vector
from areaplan.importers.crs import CrsLike
from areaplan.importers.table import RawTable

EXTENSIONS: tuple[str, ...] = (".kml", ".kmz")
DESCRIPTION = "KML/KMZ (Google Earth)"
DRIVERS: tuple[str, ...] = ("LIBKML", "KML")
FOLDER_COLUMN = "folder"

#: LIBKML columns and the value that means "not set"; dropped when every feature has that value.
_LIBKML_DEFAULTS: dict[str, object] = {
    "id": None,
    "timestamp": None,
    "begin": None,
    "end": None,
    "altitudeMode": None,
    "tessellate": -1,
    "extrude": 0,
    "visibility": -1,
    "drawOrder": None,
    "icon": None,
    "snippet": None,
}


def _kml_member(p: Path) -> str:
    """The KML document inside a KMZ: doc.kml, else the first .kml at the top, else any .kml."""
    try:
        with zipfile.ZipFile(p) as zf:
            names = [n for n in zf.namelist() if n.lower().endswith(".kml") and not n.startswith("__MACOSX/")]
    except (zipfile.BadZipFile, OSError) as exc:
        raise vector.unreadable(p, "KMZ", exc) from exc
    if not names:
        raise InputFileError(
            "ไฟล์ KMZ ไม่มีไฟล์ .kml อยู่ภายใน", "the KMZ file holds no .kml document", path=p
        )
    for name in names:
        if name.lower() == "doc.kml":
            return name
    top = [n for n in names if len(PurePosixPath(n).parts) == 1]
    return (top or names)[0]


def _source(p: Path) -> str:
    if p.suffix.lower() == ".kmz":
        return f"/vsizip/{p.resolve()}/{_kml_member(p)}"
    return str(p)


def read_layers(path: str | Path) -> list[str]:
    """Names of the folders (layers) in the KML/KMZ."""
    p = vector.check_file(path)
    return [name for name, _ in vector.list_layers(_source(p), path=p, description=DESCRIPTION)]


def _tidy(frame: gpd.GeoDataFrame, driver: str | None) -> gpd.GeoDataFrame:
    """Drop LIBKML's unset styling columns and name the description column like the KML driver."""
    if driver == "LIBKML":
        drop = []
        for name, default in _LIBKML_DEFAULTS.items():
            if name not in frame.columns:
                continue
            col = frame[name]
            if col.isna().all() or (default is not None and bool((col == default).all())):
                drop.append(name)
        frame = frame.drop(columns=drop)
    if "description" in frame.columns and "Description" not in frame.columns:
        frame = frame.rename(columns={"description": "Description"})
    for name in ("Name", "Description"):
        if name in frame.columns and frame[name].dtype == object:
            # The KML driver gives "" where LIBKML gives None for a missing name/description.
            frame[name] = frame[name].where(frame[name] != "", None)
    return frame


def read_table(
    path: str | Path,
    layer: str | None = None,
    *,
    crs: CrsLike | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
) -> RawTable:
    """All folders (or the one named) as one RawTable with a ``folder`` column, Z dropped."""
    p = vector.check_file(path)
    source = _source(p)
    layers = vector.list_layers(source, path=p, description=DESCRIPTION)
    names = [name for name, _ in layers]
    if layer is not None:
        vector.select_layer(layers, layer, path=p)
        wanted = [layer]
    else:
        if not names:
            raise InputFileError("ไฟล์ไม่มีชั้นข้อมูล", "the file has no layers", path=p)
        wanted = names
    frames = []
    for name in wanted:
        info = vector.read_info(source, path=p, layer=name, description=DESCRIPTION)
        frame = vector.read_raw(source, path=p, layer=name, description=DESCRIPTION, drivers=DRIVERS)
        if len(frame) == 0:
            continue
        frame = _tidy(frame, info.get("driver"))
        frame.insert(0, FOLDER_COLUMN, name)
        frames.append(frame)
    if frames:
        combined = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=frames[0].crs)
        combined = vector.normalise_attributes(combined)
    else:
        combined = gpd.GeoDataFrame({FOLDER_COLUMN: []}, geometry=[], crs="EPSG:4326")
    single = layer is not None and len(names) > 1
    return vector.finish(
        combined,
        path=p,
        layer=layer if single else None,
        crs=crs,
        area_of_interest=area_of_interest,
        encoding="UTF-8",
        report_layer=layer if single else None,
    )
