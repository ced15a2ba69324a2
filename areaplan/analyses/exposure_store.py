"""The last flood-exposure result per (hazard, level), kept in the workspace so a review survives closing.

Three plain tables, readable in QGIS (see ``areaplan/workspace/schema.py``):

* ``exposure_areas`` — one row per area: the area columns of :data:`flood_exposure.AREA_COLUMNS` with ``hazard``
  and ``level``; join it to the boundary layer of that level by ``code``.
* ``exposure_projects`` — one row per project: its exposure (class shares, class, value, flags, area keys) with
  ``project_fid``; join it to ``projects`` by ``fid``.
* ``exposure_runs`` — one row per (hazard, level): the provenance (JSON), the class table, the warnings and the
  *fingerprints* of the inputs (hazard, thresholds, boundaries of the level, projects) at the time of the run.

A stored result is **stale** when any fingerprint differs from the workspace now: the hazard was replaced, the
committee changed its thresholds, the boundaries or the projects changed. Saving replaces the previous result of
the same (hazard, level) in one transaction, so a crash leaves the old result or the new one, never half of each.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

import geopandas as gpd
import numpy as np
import pandas as pd

from areaplan.analyses.base import Provenance
from areaplan.analyses.hazard_classes import ClassScheme, kind_of, load_scheme
from areaplan.errors import Problem

#: Columns of exposure_projects taken from the project exposure frame (besides hazard, level, project_fid).
PROJECT_FIELDS: tuple[str, ...] = (
    "project_id", "sampled", "measure", "size", "none_share", "c1_share", "c2_share", "c3_share", "c4_share",
    "nodata_share", "high_share", "max_class", "hazard_value", "value_mean", "value_max", "work_type",
    "is_construction", "is_mitigation", "flagged", "flag_reason", "tambon_key", "amphoe_key", "changwat_key",
    "muban_key",
)  # fmt: skip
_BOOL_FIELDS = ("sampled", "is_construction", "is_mitigation", "flagged")
#: Fingerprint names and what a change of each means (Thai, English).
FINGERPRINTS: dict[str, tuple[str, str]] = {
    "hazard_fp": ("ชั้นข้อมูลภัยถูกแทนที่หรือเปลี่ยนไป", "the hazard layer was replaced or changed"),
    "thresholds_fp": ("เกณฑ์ระดับความเสี่ยงเปลี่ยนไป", "the class thresholds changed"),
    "boundaries_fp": ("ขอบเขตพื้นที่เปลี่ยนไป", "the boundaries changed"),
    "projects_fp": ("ข้อมูลโครงการเปลี่ยนไป", "the projects changed"),
}
#: Project columns whose change can change the exposure (location, work type, agenda, budget, area codes).
_PROJECT_INPUTS = ("title", "agenda", "budget", "location_precision", "village_no", "tambon_code", "amphoe_code",
                   "changwat_code")


@dataclass
class StoredExposure:
    """A stored exposure result with when it was computed and whether its inputs changed since."""

    result: object  # flood_exposure.ExposureResult
    created_at: str
    saved_at: str
    fingerprints: dict[str, str] = field(default_factory=dict)
    stale: list[Problem] = field(default_factory=list)

    @property
    def is_stale(self) -> bool:
        """True when the hazard, thresholds, boundaries or projects changed after the run."""
        return bool(self.stale)


# ------------------------------------------------------------------------------------------- fingerprints

def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()


def _frame_bytes(frame: pd.DataFrame) -> bytes:
    if not len(frame):
        return b""
    return pd.util.hash_pandas_object(frame.astype(object).where(frame.notna(), None).astype(str),
                                      index=False).to_numpy().tobytes()


def _table_digest(ws, table: str, columns: tuple[str, ...], where: str = "", params: tuple = ()) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    rows = ws.query(f'SELECT fid, geom, {cols} FROM "{table}" {where} ORDER BY fid', params)
    if not rows:
        return _digest(b"empty")
    fids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    geoms = b"".join((r[1] or b"") + b"\x00" for r in rows)
    attrs = pd.DataFrame([r[2:] for r in rows], columns=list(columns))
    return _digest(fids.tobytes(), geoms, _frame_bytes(attrs))


def hazard_record(ws, hazard: str) -> dict | None:
    """The ``hazards`` row of a hazard, or None."""
    rows = ws.read_table("hazards", where="name = ?", params=(hazard,)).to_dict("records")
    return rows[0] if rows else None


def scheme_kind(ws, record: dict) -> str:
    """The class-scheme kind the exposure uses for a hazard record (zones with frequencies are 'frequency')."""
    if record.get("storage") == "vector":
        n = ws.query("SELECT count(*) FROM hazard_zones WHERE hazard = ? AND frequency IS NOT NULL",
                     (record["name"],))[0][0]
        if n:
            return "frequency"
    return kind_of(record)


def fingerprints(ws, hazard: str, level: str, keys: tuple[str, ...] = tuple(FINGERPRINTS)) -> dict[str, str]:
    """Fingerprints of the inputs of an exposure run: hazard, thresholds, boundaries of ``level``, projects
    (only ``keys`` when given: the projects of a large workspace take about a second)."""
    rec = hazard_record(ws, hazard)
    if rec is None:
        return {k: "missing" for k in keys}
    out: dict[str, str] = {}
    if "hazard_fp" in keys:
        out["hazard_fp"] = _hazard_digest(ws, hazard, rec)
    if "thresholds_fp" in keys:
        out["thresholds_fp"] = _digest(load_scheme(ws, hazard, kind=scheme_kind(ws, rec)).to_json().encode())
    if "boundaries_fp" in keys:
        out["boundaries_fp"] = _table_digest(ws, level, ("code", "parent_code"))
    if "projects_fp" in keys:
        out["projects_fp"] = _table_digest(ws, "projects", _PROJECT_INPUTS)
    return out


def _hazard_digest(ws, hazard: str, rec: dict) -> str:
    ident = {k: rec.get(k) for k in ("kind", "storage", "table_name", "path", "nodata", "crs", "source", "added_at")}
    extra: list[bytes] = []
    if rec.get("storage") == "vector":
        extra.append(_table_digest(ws, "hazard_zones", ("class", "frequency"), "WHERE hazard = ?", (hazard,))
                     .encode())
    elif rec.get("storage") == "gpkg":
        last = ws.query("SELECT last_change FROM gpkg_contents WHERE table_name = ?", (rec.get("table_name"),))
        extra.append(str(last[0][0] if last else None).encode())
    elif rec.get("storage") == "file" and rec.get("path"):
        from pathlib import Path

        p = Path(str(rec["path"]))
        extra.append(f"{p.stat().st_size}:{p.stat().st_mtime_ns}".encode() if p.is_file() else b"missing")
    return _digest(json.dumps(ident, default=str, sort_keys=True).encode(), *extra)


def changes(stored: dict[str, str], now: dict[str, str]) -> list[Problem]:
    """What changed between two sets of fingerprints (the keys of ``now``), as warnings naming the input."""
    return [Problem(th, en, severity="warning") for k, (th, en) in FINGERPRINTS.items()
            if k in now and stored.get(k) != now.get(k)]


def reason(key: str) -> str:
    """The bilingual line saying that the input of fingerprint ``key`` changed."""
    th, en = FINGERPRINTS[key]
    return Problem(th, en, severity="warning").message


# ------------------------------------------------------------------------------------------- save / load

def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def save_result(ws, result, *, prints: dict[str, str] | None = None) -> None:
    """Store an exposure result as the last one of its (hazard, level), replacing the previous in one transaction.

    ``prints`` are the input fingerprints taken when the inputs were read (computed now when not given).
    """
    from areaplan.analyses.flood_exposure import AREA_COLUMNS

    prints = prints or fingerprints(ws, result.hazard, result.level)
    key = (result.hazard, result.level)
    areas = pd.DataFrame(result.areas).drop(columns="geometry", errors="ignore")
    areas = areas[[c for c in AREA_COLUMNS if c in areas.columns]].copy()
    areas.insert(0, "level", result.level)
    areas.insert(0, "hazard", result.hazard)
    areas["code"] = areas["code"].astype(str)
    projects = None
    if result.projects is not None and len(result.projects) and "fid" in result.projects:
        p = pd.DataFrame(result.projects)
        projects = pd.DataFrame({c: p[c] for c in PROJECT_FIELDS if c in p})
        for c in _BOOL_FIELDS:
            if c in projects:
                projects[c] = projects[c].fillna(False).astype(bool).astype(int)
        projects.insert(0, "project_fid", pd.to_numeric(p["fid"]).astype("int64"))
        projects.insert(0, "level", result.level)
        projects.insert(0, "hazard", result.hazard)
    scheme = result.scheme
    run = {
        "hazard": result.hazard, "level": result.level, "hazard_kind": result.hazard_kind,
        "created_at": result.provenance.created_at, "thresholds": scheme.to_json() if scheme else None,
        "provenance": result.provenance.to_json(),
        "warnings": json.dumps([{"th": w.th, "en": w.en, "row": w.row, "field": w.field, "severity": w.severity}
                                for w in result.warnings], ensure_ascii=False),
        "areaplan_version": result.provenance.areaplan_version, "saved_at": _now(), **prints,
    }  # fmt: skip
    with ws.transaction():
        for table in ("exposure_areas", "exposure_projects", "exposure_runs"):
            ws.delete(table, "hazard = ? AND level = ?", key)
        ws.write_table("exposure_areas", areas)
        if projects is not None:
            ws.write_table("exposure_projects", projects)
        ws.write_table("exposure_runs", pd.DataFrame([run]))


def run_record(ws, hazard: str, level: str) -> dict | None:
    """The ``exposure_runs`` row of (hazard, level), or None when nothing is stored."""
    rows = ws.read_table("exposure_runs", where="hazard = ? AND level = ?", params=(hazard, level))
    return None if rows.empty else rows.drop(columns="fid").iloc[0].to_dict()


def stored_runs(ws) -> pd.DataFrame:
    """Every stored run: hazard, level, created_at, saved_at (no tables)."""
    return ws.read_table("exposure_runs")[["hazard", "level", "hazard_kind", "created_at", "saved_at"]]


def is_stale(ws, hazard: str, level: str) -> bool:
    """True when a stored result exists and its hazard, thresholds, boundaries or projects changed since the run."""
    return bool(stale_reasons(ws, hazard, level))


def stale_reasons(ws, hazard: str, level: str, keys: tuple[str, ...] = tuple(FINGERPRINTS)) -> list[Problem]:
    """Why the stored result of (hazard, level) is out of date (empty: up to date, or nothing stored); only the
    inputs of ``keys`` are compared when given."""
    rec = run_record(ws, hazard, level)
    if rec is None:
        return []
    return changes({k: rec.get(k) for k in FINGERPRINTS}, fingerprints(ws, hazard, level, keys))


def _bool(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(0).astype(bool)


def load_result(ws, hazard: str, level: str) -> StoredExposure | None:
    """The stored result of (hazard, level) rebuilt as an ExposureResult (areas with today's boundary shapes,
    projects with today's attributes), with its staleness; None when nothing is stored."""
    from areaplan.analyses.flood_exposure import AREA_COLUMNS, ExposureResult, read_areas

    rec = run_record(ws, hazard, level)
    if rec is None:
        return None
    areas = ws.read_table("exposure_areas", where="hazard = ? AND level = ?", params=(hazard, level))
    shapes = read_areas(ws, level)
    geom = dict(zip(shapes["code"].astype(str), shapes.geometry.values))
    areas = areas[list(AREA_COLUMNS)].copy()
    areas["code"] = areas["code"].astype(str)
    areas_gdf = gpd.GeoDataFrame(areas, geometry=gpd.GeoSeries([geom.get(c) for c in areas["code"]],
                                                               crs="EPSG:4326"), crs="EPSG:4326")
    stored = ws.read_table("exposure_projects", where="hazard = ? AND level = ?", params=(hazard, level))
    projects = None
    if len(stored):
        stored = stored.drop(columns=["fid", "hazard", "level"])
        for c in _BOOL_FIELDS:
            stored[c] = _bool(stored[c])
        stored["max_class"] = pd.to_numeric(stored["max_class"], errors="coerce").fillna(-1).astype(np.int8)
        layer = ws.read_layer("projects")
        layer = layer.drop(columns=[c for c in PROJECT_FIELDS if c in layer.columns and c != "project_id"])
        merged = stored.rename(columns={"project_fid": "fid"}).drop(columns="project_id").merge(
            layer, on="fid", how="left")
        projects = gpd.GeoDataFrame(merged, geometry="geometry", crs="EPSG:4326")
    prov_data = json.loads(rec["provenance"]) if rec.get("provenance") else {"analysis": "flood_exposure"}
    prov = Provenance(**prov_data)
    warnings = [Problem(w.get("th", ""), w.get("en", ""), row=w.get("row"), field=w.get("field"),
                        severity=w.get("severity", "warning")) for w in json.loads(rec.get("warnings") or "[]")]
    scheme = ClassScheme.from_json(rec["thresholds"]) if rec.get("thresholds") else None
    result = ExposureResult(prov, level=level, hazard=hazard, hazard_kind=rec.get("hazard_kind") or "depth",
                            scheme=scheme, areas=areas_gdf, projects=projects, warnings=warnings)
    prints = {k: rec.get(k) for k in FINGERPRINTS}
    return StoredExposure(result, str(rec.get("created_at") or ""), str(rec.get("saved_at") or ""), prints,
                          changes(prints, fingerprints(ws, hazard, level)))


def forget(ws, hazard: str, level: str | None = None) -> int:
    """Remove the stored results of a hazard (one level or all); return how many runs were removed."""
    where, params = ("hazard = ?", (hazard,)) if level is None else ("hazard = ? AND level = ?", (hazard, level))
    with ws.transaction():
        n = ws.delete("exposure_runs", where, params)
        ws.delete("exposure_areas", where, params)
        ws.delete("exposure_projects", where, params)
    return n


def when_text(created_at: str) -> tuple[str, str]:
    """(Thai with a Buddhist Era date, English) text of when a stored result was computed, in local time."""
    from areaplan.thai_dates import thai_date

    try:
        t = datetime.fromisoformat(str(created_at).replace("Z", "+00:00"))
    except ValueError:
        return str(created_at), str(created_at)
    local = t.astimezone() if t.tzinfo else t
    return (f"{thai_date(local, short=True)} {local:%H:%M} น.", f"{local:%Y-%m-%d %H:%M}")
