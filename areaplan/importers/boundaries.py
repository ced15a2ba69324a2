"""Administrative boundaries in the COD-AB and DOPA schemas → changwat/amphoe/tambon/muban."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import geopandas as gpd
import shapely

from areaplan.errors import ImportFormatError, Problem
from areaplan.importers.table import RawTable
from areaplan.values import clean_text, thai_digits_to_arabic

# level -> (code, Thai name, English name) header candidates, COD-AB first then DOPA styles
_SCHEMAS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "muban": (
        ("VILL_CODE", "MUBAN_CODE", "MB_CODE", "V_CODE", "ADM4_PCODE"),
        ("VILL_NAME_T", "VILL_NAMT", "MUBAN_NAME", "MB_NAME_T", "V_NAME_T", "ADM4_TH", "NAME_T"),
        ("VILL_NAME_E", "VILL_NAME", "MB_NAME_E", "V_NAME_E", "ADM4_EN", "NAME_E"),
    ),
    "tambon": (
        ("ADM3_PCODE", "TAM_CODE", "T_CODE", "TAMBON_IDN", "TB_CODE", "SUBDISTRICT_CODE"),
        ("ADM3_TH", "TAM_NAME_T", "T_NAME_T", "TAM_NAMT", "TB_NAME_T", "TAMBON_T"),
        ("ADM3_EN", "TAM_NAME_E", "T_NAME_E", "TB_NAME_E", "TAMBON_E"),
    ),
    "amphoe": (
        ("ADM2_PCODE", "AMP_CODE", "A_CODE", "AMPHOE_IDN", "AP_CODE", "DISTRICT_CODE"),
        ("ADM2_TH", "AMP_NAME_T", "A_NAME_T", "AMP_NAMT", "AP_NAME_T", "AMPHOE_T"),
        ("ADM2_EN", "AMP_NAME_E", "A_NAME_E", "AP_NAME_E", "AMPHOE_E"),
    ),
    "changwat": (
        ("ADM1_PCODE", "PROV_CODE", "P_CODE", "PROV_ID", "PV_CODE", "PROVINCE_CODE"),
        ("ADM1_TH", "PROV_NAME_T", "P_NAME_T", "PROV_NAMT", "PV_NAME_T", "PROVINCE_T"),
        ("ADM1_EN", "PROV_NAME_E", "P_NAME_E", "PV_NAME_E", "PROVINCE_E"),
    ),
}
_CODE_LEN = {"changwat": 2, "amphoe": 4, "tambon": 6, "muban": 8}
_PARENT = {"changwat": None, "amphoe": "changwat", "tambon": "amphoe", "muban": "tambon"}
_VILLAGE_NO = ("VILL_NO", "MOO", "MU", "หมู่ที่", "village_no")


@dataclass
class MappedBoundaries:
    """Boundary records of one level, ready for the workspace."""

    level: str
    frame: gpd.GeoDataFrame
    warnings: list[Problem] = field(default_factory=list)


def _find(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    upper = {c.upper(): c for c in columns}
    for cand in candidates:
        if cand.upper() in upper:
            return upper[cand.upper()]
    return None


def detect_level(raw: RawTable) -> str:
    """The finest administrative level whose code column the table carries."""
    cols = [c for c in raw.frame.columns if c != "geometry"]
    for level in ("muban", "tambon", "amphoe", "changwat"):
        if _find(cols, _SCHEMAS[level][0]):
            return level
    if "code" in cols and "name_th" in cols:
        lengths = raw.frame["code"].astype(str).str.len().mode()
        for level, n in _CODE_LEN.items():
            if len(lengths) and lengths.iloc[0] == n:
                return level
    raise ImportFormatError(
        "ไม่พบคอลัมน์รหัสเขตการปกครอง (เช่น ADM3_PCODE, TAM_CODE, PROV_CODE)",
        "no administrative code column found (e.g. ADM3_PCODE, TAM_CODE, PROV_CODE)",
        path=raw.path, layer=raw.layer,
    )


def normalize_code(value: object, level: str) -> str | None:
    """DOPA digits of a boundary code: 'TH900101' -> '900101', Thai digits, zero-padded."""
    text = thai_digits_to_arabic(clean_text(value)).upper()
    text = re.sub(r"\.0+$", "", text)
    if text.startswith("TH"):
        text = text[2:]
    if not text.isdigit():
        return None
    return text.zfill(_CODE_LEN[level])


def map_boundaries(raw: RawTable, level: str | None = None) -> MappedBoundaries:
    """Normalise one boundary layer to code, name_th, name_en, parent_code (and village_no)."""
    if not isinstance(raw.frame, gpd.GeoDataFrame):
        raise ImportFormatError("ไฟล์เขตการปกครองต้องมีรูปเรขาคณิต", "boundary files need geometries",
                                path=raw.path, layer=raw.layer)
    level = level or detect_level(raw)
    cols = [c for c in raw.frame.columns if c != raw.frame.geometry.name]
    if "code" in cols and "name_th" in cols and not _find(cols, _SCHEMAS[level][0]):
        code_col, th_col, en_col = "code", "name_th", ("name_en" if "name_en" in cols else None)
    else:
        code_col = _find(cols, _SCHEMAS[level][0])
        th_col = _find(cols, _SCHEMAS[level][1])
        en_col = _find(cols, _SCHEMAS[level][2])
    parent_level = _PARENT[level]
    parent_col = _find(cols, _SCHEMAS[parent_level][0]) if parent_level else None
    warnings: list[Problem] = list(raw.warnings)
    f = raw.frame
    codes = f[code_col].map(lambda v: normalize_code(v, level))
    out = gpd.GeoDataFrame(
        {
            "code": codes,
            "name_th": f[th_col].map(clean_text) if th_col else None,
            "name_en": f[en_col].map(clean_text) if en_col else None,
        },
        geometry=f.geometry.values,
        crs="EPSG:4326",
        index=f.index,
    )
    if parent_col:
        out["parent_code"] = f[parent_col].map(lambda v: normalize_code(v, parent_level))
    elif "parent_code" in cols:
        out["parent_code"] = f["parent_code"].astype(object)
    elif parent_level:
        out["parent_code"] = codes.str[: _CODE_LEN[parent_level]]
    else:
        out["parent_code"] = None
    if level == "muban":
        vcol = _find(cols, _VILLAGE_NO)
        out["village_no"] = (f[vcol].map(lambda v: int(thai_digits_to_arabic(str(v))) if str(v).strip().isdigit() else None)
                             if vcol else codes.str[6:8].map(lambda v: int(v) if v and v.isdigit() else None))
    bad = out["code"].isna()
    for row in out.index[bad]:
        warnings.append(Problem(f"รหัส {f[code_col][row]!r} ไม่ใช่รหัสตัวเลข ข้ามรายการนี้",
                                f"code {f[code_col][row]!r} is not numeric; feature skipped",
                                row=int(row), field=code_col, severity="warning"))
    out = out[~bad]
    dup = out["code"].duplicated(keep=False)
    if dup.any() and level != "muban":
        # several parts of one area: dissolve into a multipolygon
        merged = out.dissolve(by="code", aggfunc="first", as_index=False)
        warnings.append(Problem(f"รวมรูปแปลงที่มีรหัสซ้ำ {int(dup.sum())} รูปเป็นรายการเดียว",
                                f"merged {int(dup.sum())} parts sharing a code", severity="warning"))
        out = merged
    if level != "muban":
        out = out.set_geometry(_as_multipolygon(out.geometry.values).values).set_crs("EPSG:4326", allow_override=True)
    out["source"] = raw.source
    return MappedBoundaries(level, out, warnings)


def _as_multipolygon(geoms) -> gpd.GeoSeries:
    """Polygon -> MultiPolygon so the layer has one geometry type (GPKG MULTIPOLYGON)."""
    out = []
    for g in geoms:
        if g is None or g.is_empty:
            out.append(g)
        elif g.geom_type == "Polygon":
            out.append(shapely.MultiPolygon([g]))
        elif g.geom_type == "MultiPolygon":
            out.append(g)
        else:
            polys = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
            out.append(shapely.MultiPolygon([q for p in polys for q in shapely.get_parts(p)]) if polys else None)
    return gpd.GeoSeries(out, crs="EPSG:4326")


def derive_parents(tambon: gpd.GeoDataFrame, raw: RawTable) -> dict[str, gpd.GeoDataFrame]:
    """Amphoe and changwat dissolved from tambons when the file carries only the tambon level."""
    cols = list(raw.frame.columns)
    out: dict[str, gpd.GeoDataFrame] = {}
    for level in ("amphoe", "changwat"):
        code_col = _find(cols, _SCHEMAS[level][0])
        th_col = _find(cols, _SCHEMAS[level][1])
        en_col = _find(cols, _SCHEMAS[level][2])
        n = _CODE_LEN[level]
        frame = gpd.GeoDataFrame(
            {
                "code": tambon["code"].str[:n],
                "name_th": raw.frame.loc[tambon.index, th_col].map(clean_text) if th_col else None,
                "name_en": raw.frame.loc[tambon.index, en_col].map(clean_text) if en_col else None,
            },
            geometry=tambon.geometry.values, crs="EPSG:4326", index=tambon.index,
        )
        if code_col:
            frame["code"] = raw.frame.loc[tambon.index, code_col].map(lambda v: normalize_code(v, level))
        merged = frame.dissolve(by="code", aggfunc="first", as_index=False)
        merged = merged.set_geometry(_as_multipolygon(merged.geometry.values))
        merged["parent_code"] = merged["code"].str[:2] if level == "amphoe" else None
        merged["source"] = raw.source
        out[level] = merged
    return out
