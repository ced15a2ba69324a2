"""Flood-exposure results to CSV (UTF-8 with BOM), XLSX (one sheet per table) or GeoPackage (map layers).

* CSV — the area table; the provenance goes beside it in ``<name>.provenance.json``.
* XLSX — areas, flagged projects, all projects, gaps and the two gap lists (when given), the class table and the
  provenance (hazard source, thresholds, CRSs, date, AreaPlan version).
* GPKG — ``exposure_<level>`` (area polygons), ``project_exposure`` (projects with geometry), ``gaps_<level>``,
  and the attribute tables ``hazard_classes`` and ``provenance``; QGIS opens it as it is.

Headers are Thai (``lang="th"``, default) or the English column names (``lang="en"``); in English the value
columns are named after the hazard (``depth_mean_m``/``depth_max_m`` for depth rasters).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from areaplan.analyses.hazard_classes import class_label
from areaplan.exporters import ExportError, atomic_write

EXTENSIONS: tuple[str, ...] = (".csv", ".xlsx", ".gpkg")
DESCRIPTION = "ผลการวิเคราะห์ความเสี่ยงน้ำท่วม (flood exposure: CSV, Excel, GeoPackage)"

_CLASS_TH = {1: "ต่ำ", 2: "ปานกลาง", 3: "สูง", 4: "สูงมาก"}
HEADERS_TH: dict[str, str] = {
    "code": "รหัสพื้นที่", "name_th": "ชื่อ", "name_en": "ชื่อภาษาอังกฤษ", "parent_code": "รหัสเขตที่สูงกว่า",
    "area_km2": "พื้นที่ (ตร.กม.)", "area_rai": "พื้นที่ (ไร่)",
    **{f"c{k}_km2": f"เสี่ยง{th} (ตร.กม.)" for k, th in _CLASS_TH.items()},
    **{f"c{k}_rai": f"เสี่ยง{th} (ไร่)" for k, th in _CLASS_TH.items()},
    **{f"c{k}_share": f"สัดส่วนเสี่ยง{th}" for k, th in _CLASS_TH.items()},
    "none_share": "สัดส่วนไม่ท่วม", "nodata_share": "สัดส่วนไม่มีข้อมูล",
    "flooded_km2": "พื้นที่น้ำท่วม (ตร.กม.)", "flooded_rai": "พื้นที่น้ำท่วม (ไร่)", "flooded_share": "สัดส่วนน้ำท่วม",
    "high_km2": "เสี่ยงสูง-สูงมาก (ตร.กม.)", "high_rai": "เสี่ยงสูง-สูงมาก (ไร่)", "high_share": "สัดส่วนเสี่ยงสูง-สูงมาก",
    "max_class": "ระดับความเสี่ยงสูงสุด", "projects": "จำนวนโครงการ", "exposed_projects": "โครงการในพื้นที่เสี่ยงสูง",
    "flagged_projects": "งานก่อสร้างในพื้นที่เสี่ยงสูง", "mitigation_projects": "โครงการป้องกันน้ำท่วม",
    "mitigation_budget": "งบป้องกันน้ำท่วม (บาท)", "note": "บันทึกคณะกรรมการ", "note_status": "สถานะบันทึก",
    "project_id": "รหัสโครงการ", "title": "ชื่อโครงการ", "source": "แหล่งข้อมูล", "channel": "ช่องทาง",
    "agenda": "ประเด็น", "fiscal_year": "ปีงบประมาณ", "budget": "งบประมาณ (บาท)", "status": "สถานะ",
    "tambon_code": "รหัสตำบล", "location_precision": "ความละเอียดที่ตั้ง", "sampled": "ตรวจความเสี่ยงได้",
    "measure": "วัดจาก", "size": "ขนาด (ม. หรือ ตร.ม.)", "hazard_value": "ค่าภัย ณ จุด", "work_type": "ประเภทงาน",
    "is_construction": "งานก่อสร้าง", "is_mitigation": "โครงการป้องกันน้ำท่วม", "flagged": "แจ้งเตือน",
    "flag_reason": "เหตุผล", "risk_index": "ดัชนีความเสี่ยง", "budget_per_high_km2": "งบต่อ ตร.กม. เสี่ยงสูง",
    "risk_class": "ชั้นความเสี่ยง", "investment_class": "ชั้นการลงทุน", "bivariate_class": "ชั้นแผนที่สองตัวแปร",
    "bivariate_colour": "สี", "gap": "ช่องว่าง", "class": "ระดับ", "label_th": "ชื่อระดับ", "label_en": "class",
    "lower": "ตั้งแต่", "upper": "น้อยกว่า", "unit": "หน่วย", "colour": "สี", "key": "รายการ", "value": "ค่า",
    "max_class_label": "ชื่อระดับสูงสุด",
}
_VALUE_TH = {"depth": ("ความลึกเฉลี่ยส่วนที่ท่วม (ม.)", "ความลึกสูงสุด (ม.)"),
             "frequency": ("ความถี่เฉลี่ย (ครั้ง/10 ปี)", "ความถี่สูงสุด (ครั้ง/10 ปี)")}
_VALUE_EN = {"depth": ("depth_mean_m", "depth_max_m"), "frequency": ("frequency_mean", "frequency_max")}
PROJECT_COLUMNS: tuple[str, ...] = (
    "project_id", "title", "source", "channel", "agenda", "fiscal_year", "budget", "status", "tambon_code",
    "location_precision", "sampled", "measure", "size", "max_class", "max_class_label", "hazard_value",
    "c1_share", "c2_share", "c3_share", "c4_share", "none_share", "nodata_share", "high_share", "value_mean",
    "value_max", "work_type", "is_construction", "is_mitigation", "flagged", "flag_reason",
)


def _headers(columns, kind: str, lang: str) -> list[str]:
    if lang == "en":
        en = dict(zip(("value_mean", "value_max"), _VALUE_EN.get(kind, ("value_mean", "value_max"))))
        return [en.get(c, c) for c in columns]
    th = dict(zip(("value_mean", "value_max"), _VALUE_TH.get(kind, ("ค่าเฉลี่ย", "ค่าสูงสุด"))))
    return [th.get(c, HEADERS_TH.get(c, c)) for c in columns]


def _table(frame: pd.DataFrame, kind: str, lang: str, columns=None) -> pd.DataFrame:
    """A frame as written: chosen columns (geometry dropped), headers in the language."""
    out = pd.DataFrame(frame.drop(columns=[frame.geometry.name]) if isinstance(frame, gpd.GeoDataFrame) else frame)
    if "max_class" in out and "max_class_label" not in out:
        out["max_class_label"] = out["max_class"].map(lambda c: "" if pd.isna(c) or c < 0 else
                                                      class_label(int(c), lang))
    if columns is not None:
        out = out[[c for c in columns if c in out.columns]]
    out = out.copy()
    out.columns = _headers(out.columns, kind, lang)
    return out


def _provenance_table(result, gaps=None) -> pd.DataFrame:
    prov = result.provenance
    rows = [("analysis", prov.analysis), ("areaplan_version", prov.areaplan_version), ("created_at", prov.created_at)]
    rows += [(f"parameter.{k}", json.dumps(v, ensure_ascii=False, default=str) if not isinstance(v, str) else v)
             for k, v in prov.parameters.items()]
    rows += [(f"input.{k}", json.dumps(v, ensure_ascii=False, default=str) if not isinstance(v, str) else v)
             for k, v in prov.inputs.items()]
    rows += [("warning", w.message) for w in result.warnings]
    if gaps is not None:
        rows += [(f"gaps.{k}", json.dumps(v, ensure_ascii=False, default=str))
                 for k, v in gaps.provenance.parameters.items()]
    return pd.DataFrame(rows, columns=["key", "value"])


def write_exposure(result, path: str | Path, *, lang: str = "th", gaps=None, notes: pd.DataFrame | None = None,
                   overwrite: bool = True) -> Path:
    """Write an ExposureResult (and optionally a GapResult) to .csv, .xlsx or .gpkg; return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise ExportError(f"ไม่รู้จักชนิดไฟล์ส่งออก {suffix or '(ไม่มีนามสกุล)'} (ใช้ได้: {', '.join(EXTENSIONS)})",
                          f"unknown export file type {suffix or '(none)'}; use {', '.join(EXTENSIONS)}", path=path)
    if lang not in ("th", "en"):
        raise ValueError(f"lang must be 'th' or 'en', got {lang!r}")
    if path.exists() and not overwrite:
        raise ExportError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite เพื่อเขียนทับ",
                          "the output exists already; pass --overwrite to replace it", path=path)
    kind = result.hazard_kind
    areas = result.areas
    if notes is not None and len(notes):
        n = notes.set_index("area_code")
        areas = areas.assign(note=areas["code"].astype(str).map(n["note"]),
                             note_status=areas["code"].astype(str).map(n["status"]))
    prov = _provenance_table(result, gaps)
    if suffix == ".csv":
        table = _table(areas, kind, lang)
        atomic_write(path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8-sig"))
        side = path.with_suffix(".provenance.json")
        side.write_text(json.dumps({**result.provenance.as_dict(),
                                    "warnings": [w.message for w in result.warnings]},
                                   ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        return path
    if suffix == ".xlsx":
        return atomic_write(path, lambda tmp: _write_xlsx(tmp, result, areas, kind, lang, gaps, prov))
    return atomic_write(path, lambda tmp: _write_gpkg(tmp, result, areas, kind, lang, gaps, prov))


def _sheets(result, areas, kind, lang, gaps, prov) -> list[tuple[str, pd.DataFrame]]:
    th = lang == "th"
    sheets = [("พื้นที่" if th else "areas", _table(areas.loc[result.ranked().index], kind, lang))]
    if result.projects is not None and len(result.projects):
        sheets.append(("งานก่อสร้างเสี่ยง" if th else "flagged projects",
                       _table(result.flagged_projects(), kind, lang, PROJECT_COLUMNS)))
        sheets.append(("โครงการทั้งหมด" if th else "projects", _table(result.projects, kind, lang, PROJECT_COLUMNS)))
    if gaps is not None:
        sheets.append(("ช่องว่าง" if th else "gaps", _table(gaps.table, kind, lang)))
        sheets.append(("เสี่ยงสูงลงทุนน้อย" if th else "high risk low investment",
                       _table(gaps.high_risk_low_investment, kind, lang)))
        sheets.append(("ลงทุนในพื้นที่เสี่ยงต่ำ" if th else "investment low risk",
                       _table(gaps.low_risk_investment, kind, lang)))
    if result.scheme is not None:
        sheets.append(("ระดับความเสี่ยง" if th else "classes", _table(result.scheme.table(), kind, lang)))
    sheets.append(("ที่มา" if th else "provenance", _table(prov, kind, lang)))
    return sheets


def _write_xlsx(tmp: str, result, areas, kind, lang, gaps, prov) -> None:
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name, table in _sheets(result, areas, kind, lang, gaps, prov):
            sheet = name[:31]
            table.to_excel(writer, index=False, sheet_name=sheet)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"
            for i, col in enumerate(table.columns, start=1):
                sample = [len(str(col))] + [len(str(v)) for v in table.iloc[:100, i - 1].tolist()]
                ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(max(sample) + 2, 60)


def _write_gpkg(tmp: str, result, areas, kind, lang, gaps, prov) -> None:
    import pyogrio

    def layer(frame, name, columns=None, description=""):
        attrs = _table(frame, kind, "en", columns)  # field names: English (QGIS expressions, scripts)
        if isinstance(frame, gpd.GeoDataFrame):
            out = gpd.GeoDataFrame(attrs, geometry=frame.geometry.values, crs=frame.crs or "EPSG:4326")
        else:
            out = attrs
        opts = {"DESCRIPTION": description} if description else {}
        pyogrio.write_dataframe(out, tmp, layer=name, driver="GPKG", promote_to_multi=False,
                                layer_options=opts or None, append=Path(tmp).exists())

    level = result.level
    layer(areas, f"exposure_{level}", description=f"ความเสี่ยงน้ำท่วมราย{level} (flood exposure by {level}) — "
                                                  f"{result.hazard}, {result.provenance.created_at}")
    if result.projects is not None and len(result.projects):
        p = result.projects
        located = p[~(p.geometry.isna() | p.geometry.is_empty)]
        if len(located):
            layer(located, "project_exposure", PROJECT_COLUMNS, "ความเสี่ยงรายโครงการ (project exposure)")
    if gaps is not None:
        g = gaps.table
        if not isinstance(g, gpd.GeoDataFrame):
            g = gpd.GeoDataFrame(g, geometry=areas.geometry.values, crs="EPSG:4326")
        layer(g, f"gaps_{level}", description="ความเสี่ยงกับการลงทุนป้องกันน้ำท่วม (risk vs mitigation investment)")
    if result.scheme is not None:
        layer(result.scheme.table(), "hazard_classes")
    layer(prov, "provenance")
