"""Projects: map a RawTable to workspace project records, locate them, and report what was rejected."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from areaplan.errors import MissingColumnError, Problem
from areaplan.importers.columns import PROJECT_COLUMNS, PROJECT_REQUIRED, match_headers
from areaplan.importers.normalize import code_column, parse_column, text_column
from areaplan.importers.report import RejectedRow
from areaplan.importers.table import RawTable
from areaplan.locate.spatial import representative_points, tambon_of
from areaplan.values import parse_budget, parse_number, parse_village_no, parse_year, split_ids
from areaplan.workspace.gpkg import now_iso

_FIELD_TH = {
    "project_id": "รหัสโครงการ",
    "title": "ชื่อโครงการ",
    "fiscal_year": "ปีงบประมาณ",
    "budget": "งบประมาณ",
    "village_no": "หมู่ที่",
    "lon": "ลองจิจูด",
    "lat": "ละติจูด",
    "wkt": "geometry",
    "channel": "ช่องทาง",
    "agenda": "ประเด็น",
    "status": "สถานะ",
}


@dataclass
class LocateContext:
    """The workspace's boundaries used to locate projects (built once per import)."""

    tambon: gpd.GeoDataFrame
    muban: gpd.GeoDataFrame
    resolver: object  # areaplan.locate.address.AddressResolver

    @property
    def area_of_interest(self) -> tuple[float, float, float, float] | None:
        """Lon/lat bounds of the workspace's tambons (settles UTM zone guesses)."""
        if len(self.tambon) == 0:
            return None
        return tuple(float(v) for v in self.tambon.total_bounds)

    @classmethod
    def from_workspace(cls, ws) -> LocateContext:
        """Read tambon polygons, village points and the name gazetteer from a workspace."""
        from areaplan.locate.address import AddressResolver

        tambon = ws.read_layer("tambon", columns=["code", "name_th", "name_en", "parent_code"])
        muban = ws.read_layer("muban", columns=["code", "parent_code", "village_no"])
        parts = []
        for level in ("changwat", "amphoe", "tambon"):
            t = ws.read_table(level)[["code", "name_th", "name_en", "parent_code"]].copy()
            t["level"] = level
            parts.append(t)
        gazetteer = pd.concat(parts, ignore_index=True)
        resolver = AddressResolver(gazetteer if len(gazetteer) else None)
        return cls(tambon=tambon, muban=muban, resolver=resolver)


@dataclass
class MappedProjects:
    """Project records ready for the workspace, and what could not be imported."""

    frame: gpd.GeoDataFrame
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def raw_records(frame: pd.DataFrame, index: pd.Index) -> dict[object, dict]:
    """The given rows as written in the file (geometry as WKT), for rejected_rows.raw."""
    sub = frame.loc[index]
    if isinstance(sub, gpd.GeoDataFrame):
        geom_col = sub.geometry.name
        wkt = sub.geometry.to_wkt() if len(sub) else pd.Series(dtype=object)
        sub = pd.DataFrame(sub.drop(columns=[geom_col]))
        sub["geometry"] = wkt
    sub = sub.astype(object).where(sub.notna(), None)
    return dict(zip(sub.index, sub.to_dict("records")))


def check_required(raw: RawTable, mapping: dict[str, str], required: tuple[str, ...], schema: dict) -> None:
    """Raise MissingColumnError naming the first required column absent from the file."""
    present = set(mapping.values())
    for col in required:
        if col not in present:
            aliases = ", ".join(schema[col])
            raise MissingColumnError(
                f'ไม่มีคอลัมน์ที่ต้องมี "{col}" (หัวคอลัมน์ที่ใช้ได้: {aliases}); '
                f"หัวคอลัมน์ที่พบ: {', '.join(map(str, raw.frame.columns[:12]))}",
                f"required column {col!r} is missing (accepted headers: {aliases})",
                path=raw.path,
                layer=raw.layer,
                field=col,
            )


def map_projects(raw: RawTable, ctx: LocateContext, *, seen_ids: dict[str, int] | None = None) -> MappedProjects:
    """Normalise, validate and locate the projects of one RawTable (chunks share `seen_ids`)."""
    src = raw.frame
    geom_in = src.geometry if isinstance(src, gpd.GeoDataFrame) else None
    attrs = src.drop(columns=[geom_in.name]) if geom_in is not None else src
    mapping = match_headers(list(attrs.columns), PROJECT_COLUMNS)
    drawn = raw.path.suffix.lower() in (".kml", ".kmz")  # Google Earth placemarks rarely carry ids
    check_required(raw, mapping, PROJECT_REQUIRED[1:] if drawn else PROJECT_REQUIRED, PROJECT_COLUMNS)
    df = attrs[list(mapping)].rename(columns=mapping)
    extra_cols = [c for c in attrs.columns if c not in mapping]
    out = pd.DataFrame(index=src.index)
    errors: dict[object, tuple[str, str, str]] = {}  # row -> (field, th, en)
    warnings: list[Problem] = list(raw.warnings)
    notes: list[str] = []

    def col(name: str) -> pd.Series:
        return df[name] if name in df.columns else pd.Series([None] * len(df), index=df.index, dtype=object)

    def note_errors(name: str, errs: pd.Series) -> None:
        for row, exc in errs.dropna().items():
            errors.setdefault(row, (name, exc.th, exc.en))

    for name in ("project_id", "title", "agency", "tambon", "amphoe", "changwat", "location_text"):
        out[name] = text_column(col(name))
    if drawn:
        _placemark_ids(out, attrs, raw, warnings)
    for name in ("project_id", "title"):
        for row in out.index[out[name].isna()]:
            errors.setdefault(row, (name, "ว่าง ต้องมีค่า", "empty; a value is required"))
    for name, parser in (("fiscal_year", parse_year), ("budget", parse_budget), ("village_no", parse_village_no)):
        values, errs = parse_column(col(name), parser)
        out[name] = values
        note_errors(name, errs)
    for name in ("channel", "agenda", "status"):
        values, unknown = code_column(col(name), name)
        out[name] = values
        for label, rows in unknown.dropna().groupby(unknown.dropna()).groups.items():
            warnings.append(
                Problem(
                    f'ค่า "{label}" ในคอลัมน์ {name} ไม่อยู่ในรายการรหัส เก็บไว้ตามที่เขียน ({len(rows)} แถว แรกสุดแถว {rows[0]})',
                    f"value {label!r} of {name} is not a known code; kept as written ({len(rows)} rows)",
                    row=int(rows[0]) if isinstance(rows[0], (int, np.integer)) else None,
                    field=name,
                    severity="warning",
                )
            )
    plan_ids = text_column(col("plan_ids")).map(lambda v: ";".join(split_ids(v)) if isinstance(v, str) else None)
    out["plan_ids"] = plan_ids.astype(object).where(plan_ids.notna(), None)

    # geometry: the file's own, else wkt, else lon/lat
    geoms = pd.Series([None] * len(src), index=src.index, dtype=object)
    if geom_in is not None:
        geoms[:] = geom_in.values
    lon, lon_err = parse_column(col("lon"), lambda v: parse_number(v, "ลองจิจูด", "lon"))
    lat, lat_err = parse_column(col("lat"), lambda v: parse_number(v, "ละติจูด", "lat"))
    note_errors("lon", lon_err)
    note_errors("lat", lat_err)
    out["lon"], out["lat"] = lon, lat
    if "wkt" in df.columns:
        wkt = text_column(df["wkt"])
        has = wkt.notna() & geoms.isna()
        if has.any():
            parsed = shapely.from_wkt(wkt[has].to_numpy(dtype=object), on_invalid="ignore")
            geoms[has] = parsed
            for row in wkt[has].index[pd.isna(parsed)]:
                errors.setdefault(row, ("wkt", "อ่านรูปเรขาคณิต WKT ไม่ได้", "cannot read the WKT geometry"))
    both = lon.notna() & lat.notna() & geoms.isna()
    if both.any():
        x = lon[both].astype(float).to_numpy()
        y = lat[both].astype(float).to_numpy()
        pts, crs_warning = _points_from_xy(x, y, raw, ctx.area_of_interest)
        geoms[both] = pts
        if crs_warning is not None:
            warnings.append(crs_warning)
    elif ((lon.notna()) ^ (lat.notna())).any():
        for row in out.index[(lon.notna()) ^ (lat.notna())]:
            errors.setdefault(row, ("lat" if lon[row] is not None else "lon",
                                    "มีพิกัดเพียงค่าเดียว ต้องมีทั้งลองจิจูดและละติจูด",
                                    "only one coordinate given; both lon and lat are needed"))
    if geom_in is None:
        repaired, repair_warnings = _repair(geoms)
        geoms = repaired
        warnings.extend(repair_warnings)

    # duplicate ids inside the file (chunks of one file share seen_ids)
    seen = seen_ids if seen_ids is not None else {}
    for row, pid in out["project_id"].items():
        if pid is None:
            continue
        first = seen.get(pid)
        if first is not None:
            errors.setdefault(row, ("project_id", f"รหัสโครงการ {pid} ซ้ำกับแถว {first}",
                           f"project_id {pid!r} repeats row {first}"))
        else:
            seen[pid] = row

    rejected_index = pd.Index(list(errors))
    rejected: list[RejectedRow] = []
    if len(rejected_index):
        raws = raw_records(src, rejected_index)
        for row in rejected_index:
            fld, th, en = errors[row]
            where_th = f'{raw.path.name} แถว {row} คอลัมน์ "{_FIELD_TH.get(fld, fld)}"'
            reason = f"{where_th}: {th} (row {row}, field {fld}: {en})"
            rejected.append(RejectedRow(row=int(row), field=fld, reason=reason, raw=raws[row]))
    keep = ~out.index.isin(rejected_index)
    out = out[keep].copy()
    geoms = geoms[keep]

    _locate(out, geoms, ctx, warnings)
    out["source"] = raw.source
    out["source_row"] = out.index.astype(int)
    if extra_cols:
        extra = attrs.loc[out.index, extra_cols].astype(object)
        extra = extra.where(extra.notna(), None)
        out["extra"] = [json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False, default=str) or None
                        for r in extra.to_dict("records")]
    else:
        out["extra"] = None
    gdf = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(out.pop("_geometry").to_numpy(dtype=object), index=out.index, crs="EPSG:4326"), crs="EPSG:4326")
    gdf["content_hash"] = _content_hash(gdf)
    gdf["updated_at"] = now_iso()
    return MappedProjects(gdf, rejected, warnings, notes)


def _placemark_ids(out: pd.DataFrame, attrs: pd.DataFrame, raw: RawTable, warnings: list[Problem]) -> None:
    """KML placemarks without project_id get their KML id, else '<file>-<feature no>' (stable per file)."""
    missing = out["project_id"].isna()
    if not missing.any():
        return
    kml_id = attrs["id"] if "id" in attrs.columns else pd.Series(None, index=attrs.index, dtype=object)
    generated = [
        str(k) if isinstance(k, str) and k.strip() else f"{raw.path.stem}-{row}"
        for row, k in zip(out.index[missing], kml_id[missing])
    ]
    out.loc[missing, "project_id"] = generated
    warnings.append(Problem(
        f"{int(missing.sum())} หมุดไม่มีรหัสโครงการ ตั้งรหัสให้จากรหัสหมุดหรือลำดับ (เช่น {generated[0]})",
        f"{int(missing.sum())} placemarks had no project_id; ids were made from the placemark id or its "
        f"number (e.g. {generated[0]}); keep the file's order to re-import it",
        field="project_id", severity="warning",
    ))


def _points_from_xy(
    x: np.ndarray, y: np.ndarray, raw: RawTable, area: tuple[float, float, float, float] | None
) -> tuple[np.ndarray, Problem | None]:
    """Points in EPSG:4326 from lon/lat columns, recognising UTM values written in X/Y."""
    if np.all((np.abs(x) <= 180) & (np.abs(y) <= 90)):
        return shapely.points(x, y), None
    from areaplan.importers.crs import guess_crs_xy, to_wgs84_xy

    decision = guess_crs_xy(x, y, path=raw.path, area_of_interest=area)
    lon, lat = to_wgs84_xy(x, y, decision.crs)
    return shapely.points(lon, lat), decision.warning


def _repair(geoms: pd.Series) -> tuple[pd.Series, list[Problem]]:
    """make_valid for invalid WKT geometries, keeping their dimension; empty ones become None."""
    from areaplan.importers.geometry import repair_geometries

    given = geoms.notna()
    if not given.any():
        return geoms, []
    fixed, problems = repair_geometries(geoms[given].to_numpy(dtype=object), rows=geoms.index[given].to_numpy())
    out = geoms.copy()
    out[given] = fixed
    return out, problems


def _locate(out: pd.DataFrame, geoms: pd.Series, ctx: LocateContext, warnings: list[Problem]) -> None:
    """Fill tambon/amphoe/changwat codes, location precision, note and a display geometry."""
    gs = gpd.GeoSeries(geoms.to_numpy(dtype=object), index=out.index, crs="EPSG:4326")
    has_geom = ~(gs.isna() | gs.is_empty)
    spatial = tambon_of(gs, ctx.tambon) if has_geom.any() else pd.Series([None] * len(out), index=out.index, dtype=object)
    addr_cols = out[["tambon", "amphoe", "changwat", "location_text", "title", "village_no"]]
    addr = ctx.resolver.resolve_frame(addr_cols)
    tambon_code = spatial.where(spatial.notna(), addr["tambon_code"])
    out["tambon_code"] = tambon_code
    out["amphoe_code"] = tambon_code.str[:4].where(tambon_code.notna(), addr["amphoe_code"])
    out["changwat_code"] = tambon_code.str[:2].where(tambon_code.notna(), addr["changwat_code"])
    village = out["village_no"].where(out["village_no"].notna(), addr["village_no"])
    out["village_no"] = village.astype(object).where(village.notna(), None)
    note = addr["note_th"].fillna("") + np.where(addr["note_en"].fillna("") != "", " (" + addr["note_en"].fillna("") + ")", "")
    out["location_note"] = note.where(note != "", None)

    # points whose written address names another tambon: keep the point, warn
    disagree = has_geom & spatial.notna() & addr["tambon_code"].notna() & (spatial != addr["tambon_code"])
    for row in out.index[disagree]:
        warnings.append(
            Problem(
                f"พิกัดอยู่ในตำบล {spatial[row]} แต่ที่อยู่ระบุตำบล {addr['tambon_code'][row]} ใช้พิกัดตามไฟล์",
                f"the point lies in tambon {spatial[row]} but the address names {addr['tambon_code'][row]}; the point is kept",
                row=int(row),
                field="tambon",
                severity="warning",
            )
        )
    precision = pd.Series("unlocated", index=out.index, dtype=object)
    geom_type = gs.geom_type
    precision[has_geom & geom_type.isin(["Point", "MultiPoint"])] = "point"
    precision[has_geom & geom_type.isin(["LineString", "MultiLineString"])] = "line"
    precision[has_geom & geom_type.isin(["Polygon", "MultiPolygon"])] = "polygon"
    display = gs.copy()
    no_geom = ~has_geom
    at_tambon = no_geom & tambon_code.notna()
    if at_tambon.any():
        codes = tambon_code[at_tambon]
        vno = village[at_tambon]
        has_vno = vno.notna()
        village_code = pd.Series(None, index=codes.index, dtype=object)
        village_code[has_vno] = codes[has_vno] + vno[has_vno].astype(int).map("{:02d}".format)
        tpts = representative_points(ctx.tambon, codes)
        vpts = representative_points(ctx.muban, village_code) if len(ctx.muban) else None
        at_village = vpts.notna() if vpts is not None else pd.Series(False, index=codes.index)
        precision[codes.index] = np.where(at_village, "village", "tambon")
        chosen = tpts.copy()
        if vpts is not None:
            chosen[at_village] = vpts[at_village]
        display[codes.index] = chosen.values
    precision[no_geom & tambon_code.isna() & out["amphoe_code"].notna()] = "amphoe"
    out["location_precision"] = precision
    out["_geometry"] = display.values


def _canonical(value: object) -> str:
    """One text per value whatever the column dtype: 3, 3.0 and numpy 3 all give '3'; missing gives ''."""
    if value is None:
        return ""
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if float(value).is_integer() else repr(round(float(value), 2))
    if isinstance(value, np.integer):
        return str(int(value))
    return str(value)


def _content_hash(gdf: gpd.GeoDataFrame) -> list[str]:
    """A fingerprint of what a reviewer sees of a record (changes re-open duplicate decisions)."""
    cols = ["title", "channel", "agency", "fiscal_year", "budget", "agenda", "status", "village_no", "tambon_code"]
    frame = gdf[cols].astype(object).where(gdf[cols].notna(), None)
    frame = frame.apply(lambda column: column.map(_canonical))
    frame["geometry"] = shapely.to_wkb(gdf.geometry.values, hex=True)
    hashes = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    return [f"{h:016x}" for h in hashes.tolist()]
