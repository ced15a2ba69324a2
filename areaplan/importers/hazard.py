"""Vector flood-hazard zones: class (low…very high, ต่ำ…สูงมาก, 1..4) or frequency → hazard_zones."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from areaplan.errors import ImportFormatError, Problem
from areaplan.importers.boundaries import _as_multipolygon
from areaplan.importers.columns import fold_header
from areaplan.importers.table import RawTable
from areaplan.values import clean_text, parse_number
from areaplan.vocab import fold

#: Ordered hazard classes (code, Thai label, English label).
HAZARD_CLASSES: dict[int, tuple[str, str]] = {
    1: ("ต่ำ", "low"),
    2: ("ปานกลาง", "medium"),
    3: ("สูง", "high"),
    4: ("สูงมาก", "very_high"),
}
#: Default LDD flood-frequency classes (times flooded in 10 years): upper bound -> class.
DEFAULT_FREQUENCY_CLASSES: tuple[tuple[float, int], ...] = ((0, 1), (3, 2), (7, 3), (10, 4))

_CLASS_HEADERS = ("risk", "ระดับความเสี่ยง", "class", "ระดับ", "hazard_class")
_FREQ_HEADERS = ("frequency", "ความถี่", "freq", "flood_freq")
_LABELS = {fold(th): k for k, (th, _) in HAZARD_CLASSES.items()} | {
    fold(en): k for k, (_, en) in HAZARD_CLASSES.items()
} | {fold("very high"): 4, fold("veryhigh"): 4, fold("เสี่ยงต่ำ"): 1, fold("เสี่ยงปานกลาง"): 2,
     fold("เสี่ยงสูง"): 3, fold("เสี่ยงสูงมาก"): 4}


@dataclass
class MappedHazard:
    """Hazard zones ready for the workspace's hazard_zones layer."""

    frame: gpd.GeoDataFrame
    warnings: list[Problem] = field(default_factory=list)


def class_of_label(value: object) -> int | None:
    """Class 1..4 from a label (low/ต่ำ/…/สูงมาก) or a number 1..4; None when unreadable."""
    text = clean_text(value)
    if not text:
        return None
    if fold(text) in _LABELS:
        return _LABELS[fold(text)]
    try:
        n = parse_number(text)
    except ValueError:
        return None
    return int(n) if n is not None and float(n).is_integer() and 1 <= n <= 4 else None


def class_of_frequency(freq: np.ndarray, classes=DEFAULT_FREQUENCY_CLASSES) -> np.ndarray:
    """Class for flood frequencies (times in 10 years) with LDD's default bands."""
    out = np.zeros(len(freq), dtype=int)
    for upper, cls in reversed(classes):
        out[freq <= upper] = cls
    out[np.isnan(freq)] = 0
    return out


def map_hazard(raw: RawTable, hazard: str | None = None) -> MappedHazard:
    """Normalise hazard polygons to hazard, class, class_label, frequency."""
    f = raw.frame
    if not isinstance(f, gpd.GeoDataFrame):
        raise ImportFormatError("ไฟล์พื้นที่เสี่ยงต้องมีรูปแปลง", "hazard files need polygons", path=raw.path)
    headers = {fold_header(c): c for c in f.columns if c != f.geometry.name}
    class_col = next((headers[fold_header(h)] for h in _CLASS_HEADERS if fold_header(h) in headers), None)
    freq_col = next((headers[fold_header(h)] for h in _FREQ_HEADERS if fold_header(h) in headers), None)
    if class_col is None and freq_col is None:
        raise ImportFormatError(
            "ไม่พบคอลัมน์ระดับความเสี่ยง (risk, ระดับความเสี่ยง, class) หรือความถี่ (frequency, ความถี่)",
            "no hazard class column (risk, class) or frequency column found",
            path=raw.path, layer=raw.layer,
        )
    warnings: list[Problem] = list(raw.warnings)
    freq = np.full(len(f), np.nan)
    if freq_col is not None:
        freq = pd.to_numeric(f[freq_col].map(lambda v: clean_text(v) or None), errors="coerce").to_numpy(float)
    if class_col is not None:
        classes = f[class_col].map(class_of_label)
        for row in f.index[classes.isna() & f[class_col].notna()]:
            warnings.append(Problem(f"อ่านระดับความเสี่ยง {f[class_col][row]!r} ไม่ได้",
                                    f"cannot read hazard class {f[class_col][row]!r}",
                                    row=int(row), field=class_col, severity="warning"))
        cls = classes.fillna(0).astype(int).to_numpy()
    else:
        cls = class_of_frequency(freq)
    keep = cls > 0
    dropped = int((~keep).sum())
    if dropped:
        warnings.append(Problem(f"ข้าม {dropped} รูปแปลงที่ไม่มีระดับความเสี่ยง",
                                f"skipped {dropped} polygons with no hazard class", severity="warning"))
    name = hazard or raw.path.stem
    out = gpd.GeoDataFrame(
        {
            "hazard": name,
            "class": cls,
            "class_label": [HAZARD_CLASSES.get(int(c), ("", ""))[0] for c in cls],
            "frequency": freq,
            "source": raw.source,
        },
        geometry=_as_multipolygon(f.geometry.values).values,
        crs="EPSG:4326",
        index=f.index,
    )[keep]
    return MappedHazard(out, warnings)


def check_raster(path, *, kind: str = "depth") -> dict:
    """Open a hazard raster and return what it holds (CRS, size, nodata); ImportFormatError when it cannot be used."""
    import rasterio
    from rasterio.errors import RasterioIOError

    try:
        with rasterio.open(path) as src:
            info = {"crs": src.crs.to_string() if src.crs else None, "width": src.width, "height": src.height,
                    "count": src.count, "nodata": src.nodata, "res": src.res, "bounds": tuple(src.bounds)}
    except RasterioIOError as exc:
        raise ImportFormatError("เปิดไฟล์ภาพแรสเตอร์ไม่ได้ (ต้องเป็น GeoTIFF)",
                                f"cannot open the raster; a GeoTIFF is expected ({exc})", path=path) from exc
    if info["crs"] is None:
        raise ImportFormatError("ภาพแรสเตอร์ไม่มีระบบพิกัด (CRS) กำหนดระบบพิกัดในไฟล์ก่อน",
                                "the raster has no CRS; set one in the file first", path=path)
    if kind not in ("depth", "frequency", "class"):
        raise ImportFormatError(f"ไม่รู้จักชนิดค่าในภาพ {kind!r} (ใช้ depth, frequency หรือ class)",
                                f"unknown raster kind {kind!r}; use depth, frequency or class", path=path)
    return info


# ------------------------------------------------------------------------------------------- adding / replacing

class HazardExistsError(ImportFormatError):
    """A hazard of that name exists and replacing it was not asked for."""


def hazard_names(ws) -> list[str]:
    """Names of the hazards registered in a workspace."""
    return [str(n) for n in ws.read_table("hazards")["name"]]


def drop_raster_table(conn, table_name: str) -> None:
    """Remove a gridded-coverage table and its GeoPackage registrations (inside the caller's transaction)."""
    conn.execute(f'DROP TABLE IF EXISTS "{table_name}"')  # its triggers go with it
    for table, column in (("gpkg_tile_matrix", "table_name"), ("gpkg_tile_matrix_set", "table_name"),
                          ("gpkg_2d_gridded_coverage_ancillary", "tile_matrix_set_name"),
                          ("gpkg_2d_gridded_tile_ancillary", "tpudt_name"), ("gpkg_extensions", "table_name"),
                          ("gpkg_contents", "table_name")):  # fmt: skip
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
        if exists:
            conn.execute(f'DELETE FROM "{table}" WHERE "{column}" = ?', (table_name,))


def _drop_hazard(conn, record: dict, *, keep_row: bool = False) -> None:
    """Remove what a hazard record holds: its raster table (stored rasters) or zones (vector), and its row."""
    if record.get("storage") == "gpkg" and record.get("table_name"):
        drop_raster_table(conn, str(record["table_name"]))
    elif record.get("storage") == "vector":
        conn.execute("DELETE FROM hazard_zones WHERE hazard = ?", (record["name"],))
    if not keep_row:
        conn.execute("DELETE FROM hazards WHERE fid = ?", (int(record["fid"]),))


def add_hazard(ws, path, *, name: str | None = None, kind: str = "depth", replace: bool = False,
               progress=None, cancelled=None):
    """Add a hazard raster (stored in the workspace) or zone file; with ``replace`` an existing hazard of that name
    is replaced (its saved thresholds kept when the kind is unchanged). Returns the ImportReport; every import is
    logged in ``import_log`` (the entry of the replaced layer stays). Stored exposure results of the hazard become
    stale (their fingerprint names the replaced layer)."""
    from pathlib import Path

    from areaplan.importers.pipeline import import_file
    from areaplan.importers.registry import RASTER_EXTENSIONS
    from areaplan.workspace import now_iso

    path = Path(path)
    name = name or path.stem
    is_raster = path.suffix.lower() in RASTER_EXTENSIONS
    if is_raster:
        check_raster(path, kind=kind)
    rows = ws.read_table("hazards", where="name = ?", params=(name,)).to_dict("records")
    old = rows[0] if rows else None
    if old is not None and not replace:
        raise HazardExistsError(f"มีชั้นข้อมูลภัยชื่อ {name!r} อยู่แล้ว ตั้งชื่อใหม่ด้วย --name หรือแทนที่ด้วย --replace",
                                f"a hazard named {name!r} exists already; choose another with --name, or pass "
                                "--replace to replace it", path=path)
    if old is None:
        return import_file(ws, path, "hazard", hazard_name=name, raster_kind=kind, progress=progress,
                           cancelled=cancelled)
    if not is_raster:  # the zone import replaces the zones and the row of that name in its own transaction
        report = import_file(ws, path, "hazard", hazard_name=name, progress=progress, cancelled=cancelled)
        if old.get("storage") == "gpkg":
            with ws.transaction() as c:
                _drop_hazard(c, old, keep_row=True)
        report.notes.append(f"แทนที่ชั้นข้อมูลภัย {name} เดิม (replaced the previous hazard {name})")
        return report
    # a raster: stored under a new table first (GDAL writes through its own connection), then swapped in one
    # transaction, so a crash leaves either the old hazard or the new one (under a temporary name)
    stamp = now_iso().replace("-", "").replace(":", "").replace("T", "_")[:15]
    temp = f"{name}__r{stamp}"
    while temp in hazard_names(ws):
        temp += "x"
    report = import_file(ws, path, "hazard", hazard_name=temp, raster_kind=kind, progress=progress,
                         cancelled=cancelled)
    new = ws.read_table("hazards", where="name = ?", params=(temp,)).to_dict("records")[0]
    thresholds = old.get("thresholds") if str(old.get("kind")) == kind else None
    with ws.transaction() as c:
        _drop_hazard(c, old)
        c.execute("UPDATE hazards SET name = ?, thresholds = ? WHERE fid = ?", (name, thresholds, int(new["fid"])))
        c.execute("UPDATE gpkg_contents SET identifier = ?, description = ? WHERE table_name = ?",
                  (name, name, new["table_name"]))
    report.notes.append(f"แทนที่ชั้นข้อมูลภัย {name} เดิม (replaced the previous hazard {name})")
    return report
