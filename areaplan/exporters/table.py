"""Tables of projects or areas to CSV (UTF-8 with BOM, for Excel) or XLSX, with Thai or English headers.

Codes (channel, agenda, status, level, kind, location precision) are written as their Thai labels when the
headers are Thai, and as codes when they are English, so an English export can be imported again as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from areaplan import vocab
from areaplan.exporters import atomic_write

EXTENSIONS: tuple[str, ...] = (".csv", ".xlsx")
DESCRIPTION = "ตาราง CSV / Excel (table)"
#: Extension -> (Thai, English) description, for save dialogs.
FORMATS: dict[str, tuple[str, str]] = {
    ".csv": ("CSV (UTF-8 เปิดด้วย Excel ได้)", "CSV (UTF-8 with BOM)"),
    ".xlsx": ("Excel (.xlsx)", "Excel workbook"),
}

#: Column -> Thai header (workspace projects, plans and boundary layers).
HEADERS_TH: dict[str, str] = {
    "fid": "ลำดับในพื้นที่ทำงาน",
    "project_id": "รหัสโครงการ",
    "title": "ชื่อโครงการ",
    "channel": "ช่องทาง",
    "agency": "หน่วยงาน",
    "fiscal_year": "ปีงบประมาณ",
    "budget": "งบประมาณ (บาท)",
    "agenda": "ประเด็น",
    "plan_ids": "รหัสแผน",
    "status": "สถานะ",
    "village_no": "หมู่ที่",
    "tambon": "ตำบล (ตามที่ระบุ)",
    "amphoe": "อำเภอ (ตามที่ระบุ)",
    "changwat": "จังหวัด (ตามที่ระบุ)",
    "location_text": "ที่ตั้ง",
    "lon": "ลองจิจูด",
    "lat": "ละติจูด",
    "source": "แหล่งข้อมูล",
    "tambon_code": "รหัสตำบล",
    "amphoe_code": "รหัสอำเภอ",
    "changwat_code": "รหัสจังหวัด",
    "tambon_name": "ตำบล",
    "amphoe_name": "อำเภอ",
    "location_precision": "ความละเอียดที่ตั้ง",
    "location_note": "หมายเหตุที่ตั้ง",
    "source_row": "แถวในไฟล์ต้นทาง",
    "updated_at": "แก้ไขล่าสุด",
    "code": "รหัส",
    "name_th": "ชื่อ",
    "name_en": "ชื่อภาษาอังกฤษ",
    "parent_code": "รหัสเขตที่สูงกว่า",
    "plan_id": "รหัสแผน",
    "name": "ชื่อแผน",
    "level": "ระดับ",
    "kind": "ประเภท",
    "owner": "หน่วยงานเจ้าของแผน",
    "period_start": "ปีเริ่ม",
    "period_end": "ปีสิ้นสุด",
    "coverage": "พื้นที่ครอบคลุม",
    "parent_id": "แผนแม่",
    "hazard": "ภัย",
    "class": "ระดับความเสี่ยง",
    "class_label": "ระดับความเสี่ยง (ข้อความ)",
}

#: Column -> English header (the interchange names, so the file can be imported again).
HEADERS_EN: dict[str, str] = {col: col for col in HEADERS_TH}

#: Columns holding codes and the vocabulary of their labels.
CODED: dict[str, dict[str, str]] = {
    "channel": vocab.CHANNELS,
    "agenda": vocab.AGENDAS,
    "status": vocab.STATUSES,
    "level": vocab.LEVELS,
    "kind": vocab.PLAN_KINDS,
    "location_precision": vocab.PRECISIONS,
}

#: The columns of a project export, in order (others present in the frame are left out).
PROJECT_EXPORT_COLUMNS: tuple[str, ...] = (
    "project_id", "title", "channel", "agency", "fiscal_year", "budget", "agenda", "plan_ids", "status",
    "village_no", "tambon_name", "amphoe_name", "tambon_code", "amphoe_code", "changwat_code", "location_text",
    "lon", "lat", "location_precision", "source",
)  # fmt: skip


def header(column: str, lang: str = "th") -> str:
    """The header of a column in Thai ("th") or English ("en"); unknown columns keep their name."""
    return (HEADERS_TH if lang == "th" else HEADERS_EN).get(column, column)


def coordinates(geoms: gpd.GeoSeries) -> tuple[np.ndarray, np.ndarray]:
    """(lon, lat) of each geometry's representative point (the point itself for points); NaN when empty."""
    values = np.asarray(geoms.values, dtype=object) if len(geoms) else np.array([], dtype=object)
    missing = np.array([g is None for g in values], dtype=bool)
    lon = np.full(len(values), np.nan)
    lat = np.full(len(values), np.nan)
    present = ~missing
    if present.any():
        arr = np.asarray(list(values[present]), dtype=object)
        empty = shapely.is_empty(arr)
        reps = shapely.point_on_surface(arr[~empty])
        idx = np.flatnonzero(present)[~empty]
        lon[idx] = shapely.get_x(reps)
        lat[idx] = shapely.get_y(reps)
    return lon, lat


def prepare(
    frame: pd.DataFrame,
    *,
    lang: str = "th",
    columns: Sequence[str] | None = None,
    labels: bool | None = None,
) -> pd.DataFrame:
    """The frame as it is written: chosen columns, codes as labels (Thai), headers renamed.

    ``columns`` defaults to PROJECT_EXPORT_COLUMNS for projects, otherwise every attribute column. A
    GeoDataFrame's geometry is not written; for projects, empty ``lon``/``lat`` are filled from it.
    """
    if lang not in ("th", "en"):
        raise ValueError(f"lang must be 'th' or 'en', got {lang!r}")
    labels = (lang == "th") if labels is None else labels
    out = pd.DataFrame(frame.drop(columns=[frame.geometry.name]) if isinstance(frame, gpd.GeoDataFrame) else frame)
    if isinstance(frame, gpd.GeoDataFrame) and ("lon" in columns if columns else "project_id" in out.columns):
        lon, lat = coordinates(frame.geometry)
        for name, values in (("lon", lon), ("lat", lat)):
            current = pd.to_numeric(out[name], errors="coerce") if name in out.columns else pd.Series(np.nan, index=out.index)
            out[name] = current.where(current.notna(), pd.Series(values, index=out.index))
    if columns is None:
        if "project_id" in out.columns:
            columns = [c for c in PROJECT_EXPORT_COLUMNS if c in out.columns]
        else:
            columns = [c for c in out.columns if c != "fid"]
    missing = [c for c in columns if c not in out.columns]
    if missing:
        raise KeyError(f"columns not in the table: {', '.join(missing)}")
    out = out[list(columns)].copy()
    if labels:
        for col in columns:
            if col in CODED:
                table = CODED[col]
                values = out[col].astype(object)
                out[col] = values.map(lambda v, t=table: t.get(v, v) if isinstance(v, str) else v)
    for col in ("fiscal_year", "village_no", "source_row", "period_start", "period_end"):
        if col in out.columns and out[col].dtype.kind == "f":
            out[col] = out[col].astype("Int64")
    out.columns = [header(c, lang) for c in columns]
    return out


def export_table(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    lang: str = "th",
    columns: Sequence[str] | None = None,
    labels: bool | None = None,
    sheet_name: str | None = None,
) -> Path:
    """Write a table to .csv (UTF-8 with BOM, which Excel opens as Thai) or .xlsx; return the path.

    The file is written beside the target and renamed, so a failure leaves any old file as it was.
    """
    from areaplan.exporters import exporter_for

    path = Path(path)
    exporter_for(path)  # raises ExportError for unknown types
    table = prepare(frame, lang=lang, columns=columns, labels=labels)
    if path.suffix.lower() == ".csv":
        return atomic_write(path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8-sig"))
    sheet = sheet_name or ("ตาราง" if lang == "th" else "table")

    def write_xlsx(tmp: str) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            table.to_excel(writer, index=False, sheet_name=sheet[:31])
            ws = writer.sheets[sheet[:31]]
            ws.freeze_panes = "A2"
            for i, col in enumerate(table.columns, start=1):
                sample = [len(str(col))] + [len(str(v)) for v in table.iloc[:200, i - 1].tolist()]
                ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(max(sample) + 2, 60)

    return atomic_write(path, write_xlsx)
