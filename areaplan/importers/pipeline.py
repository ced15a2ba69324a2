"""Import one file into a workspace: read, map, locate, write in one transaction, log, report."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from areaplan.errors import ImportFormatError, InputFileError
from areaplan.importers.boundaries import derive_parents, detect_level, map_boundaries
from areaplan.importers.columns import PLAN_COLUMNS, PROJECT_COLUMNS, fold_header, match_headers
from areaplan.importers.hazard import map_hazard
from areaplan.importers.indicators import import_indicators
from areaplan.importers.normalize import text_column
from areaplan.importers.plans import map_plans
from areaplan.analyses.title_kinds import TitleKindsJob
from areaplan.importers.projects import LocateContext, map_projects
from areaplan.importers.registry import RASTER_EXTENSIONS, iter_tables
from areaplan.importers.report import ImportReport
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.workspace import Workspace, now_iso

KINDS = ("projects", "plans", "boundaries", "hazard", "indicators")


def detect_kind(path: Path) -> str:
    """Guess what a file holds from its extension and headers (projects when unsure)."""
    if path.suffix.lower() in RASTER_EXTENSIONS:
        return "hazard"
    first = next(iter_tables(path, schema=PROJECT_COLUMNS), None)
    if first is None:
        return "projects"
    cols = [c for c in first.frame.columns if c != "geometry"]
    plan_match = set(match_headers(cols, PLAN_COLUMNS).values())
    project_match = set(match_headers(cols, PROJECT_COLUMNS).values())
    if "plan_id" in plan_match and "project_id" not in project_match:
        return "plans"
    try:
        detect_level(first)
        if "title" not in project_match:
            return "boundaries"
    except ImportFormatError:
        pass
    folded = {fold_header(c) for c in cols}
    if isinstance(first.frame, gpd.GeoDataFrame) and "title" not in project_match and folded & {
        "risk", "ระดับความเสี่ยง", "class", "frequency", "ความถี่"
    }:
        return "hazard"
    return "projects"


def import_file(
    ws: Workspace,
    path: str | Path,
    kind: str | None = None,
    *,
    layer: str | None = None,
    hazard_name: str | None = None,
    raster_kind: str = "depth",
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    chunk_rows: int = 50_000,
) -> ImportReport:
    """Import one file; everything it writes commits together or not at all.

    CSV files are read in chunks of `chunk_rows`; a GUI worker uses small chunks so no single
    numpy/shapely call holds the interpreter long enough to stall the UI thread.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError("ไม่พบไฟล์", "file not found", path=path)
    if path.is_file() and path.stat().st_size == 0:
        raise InputFileError("ไฟล์ว่าง ไม่มีข้อมูล", "the file is empty", path=path)
    kind = kind or detect_kind(path)
    if kind not in KINDS:
        raise ImportFormatError(f"ไม่รู้จักชนิดข้อมูล {kind}", f"unknown kind {kind!r}; use one of {KINDS}")
    report = ImportReport(source=path.name, path=str(path.resolve()), kind=kind, started_at=now_iso())
    rep = Reporter(progress, cancelled)
    rep(0.0, f"กำลังอ่าน {path.name}")
    if kind == "hazard" and path.suffix.lower() in RASTER_EXTENSIONS:
        record = ws.add_raster(hazard_name or path.stem, path, kind=raster_kind,
                               unit="m" if raster_kind == "depth" else None)
        report.imported = 1
        report.notes.append(f"เก็บภาพแรสเตอร์ {record['name']} ในพื้นที่ทำงาน (raster stored as {record['table_name']})")
    else:
        with ws.transaction():
            {"projects": _import_projects, "plans": _import_plans, "boundaries": _import_boundaries,
             "hazard": _import_hazard, "indicators": import_indicators,
             }[kind](ws, path, layer, report, rep, hazard_name, chunk_rows)
            rep.check()
            report.finished_at = now_iso()
            _log(ws, report)
        rep(1.0, "เสร็จ")
        return report
    report.finished_at = now_iso()
    with ws.transaction():
        _log(ws, report)
    rep(1.0, "เสร็จ")
    return report


def _log(ws: Workspace, report: ImportReport) -> None:
    ws.write_table("import_log", pd.DataFrame([report.as_log_record()]))
    if report.rejected:
        rows = pd.DataFrame([r.as_record(report.source) for r in report.rejected])
        rows["rejected_at"] = report.finished_at
        ws.write_table("rejected_rows", rows)


def _import_projects(ws, path, layer, report, rep, _hazard_name, chunk_rows=50_000) -> None:
    ctx = LocateContext.from_workspace(ws)
    seen: dict[str, int] = {}
    sources: set[str] = set()
    tables = iter_tables(path, schema=PROJECT_COLUMNS, layer=layer, area_of_interest=ctx.area_of_interest,
                         chunk_rows=chunk_rows)
    kinds = TitleKindsJob(ws)  # work types of the new titles, read by a worker process meanwhile (title_kinds)
    try:
        _import_project_chunks(ws, tables, ctx, report, rep, seen, sources, kinds)
        kinds.finish(rep.sub(0.9, 0.99))
    finally:
        kinds.close()


def titles_ahead(raw) -> pd.Series:
    """The titles of a chunk as map_projects stores them (read ahead; anything it misses is read at the end)."""
    src = raw.frame
    geom = src.geometry.name if isinstance(src, gpd.GeoDataFrame) else None
    mapping = match_headers([c for c in src.columns if c != geom], PROJECT_COLUMNS)
    column = next((c for c, field in mapping.items() if field == "title"), None)
    return text_column(src[column]).dropna() if column is not None else pd.Series([], dtype=object)


def _import_project_chunks(ws, tables, ctx, report, rep, seen, sources, kinds) -> None:
    for i, raw in enumerate(tables):
        rep.check()
        rep(min(0.9, 0.1 + 0.1 * i), f"จัดตำแหน่งโครงการ {report.rows_read + len(raw.frame):,} แถว")
        if raw.source not in sources:
            sources.add(raw.source)
            ws.delete("rejected_rows", "source = ?", (raw.source,))
            ws.delete("project_plans", "source = ? AND how = 'import'", (raw.source,))
        report.rows_read += len(raw.frame)
        kinds.add(titles_ahead(raw))  # the worker reads these titles while the chunk is located
        mapped = map_projects(raw, ctx, seen_ids=seen)
        report.rejected.extend(mapped.rejected)
        report.warnings.extend(mapped.warnings)
        report.notes.extend(mapped.notes)
        frame = mapped.frame
        kinds.add(frame["title"])
        inserted, updated = ws.upsert("projects", frame)
        report.imported += inserted
        report.updated += updated
        report.add_precisions(frame["location_precision"])
        links = [
            (pid, plan, raw.source, "import")
            for pid, ids in zip(frame["project_id"], frame["plan_ids"])
            if isinstance(ids, str) and ids
            for plan in ids.split(";")
        ]
        if links:
            ws.upsert("project_plans", pd.DataFrame(links, columns=["project_id", "plan_id", "source", "how"]))


def _import_plans(ws, path, layer, report, rep, _hazard_name, chunk_rows=50_000) -> None:
    for raw in iter_tables(path, schema=PLAN_COLUMNS, layer=layer):
        rep.check()
        report.rows_read += len(raw.frame)
        mapped = map_plans(raw, ws)
        report.rejected.extend(mapped.rejected)
        report.warnings.extend(mapped.warnings)
        inserted, updated = ws.upsert("plans", mapped.frame)
        report.imported += inserted
        report.updated += updated
        ids = tuple(mapped.frame["plan_id"])
        if ids:
            marks = ",".join("?" for _ in ids)
            ws.delete("plan_areas", f"plan_id IN ({marks})", ids)
        ws.write_table("plan_areas", mapped.areas)


def _import_boundaries(ws, path, layer, report, rep, _hazard_name, chunk_rows=50_000) -> None:
    levels_written = set()
    tambon_raw = None
    for raw in iter_tables(path, schema=PROJECT_COLUMNS, layer=layer):
        rep.check()
        report.rows_read += len(raw.frame)
        mapped = map_boundaries(raw)
        report.warnings.extend(mapped.warnings)
        inserted, updated = ws.upsert(mapped.level, mapped.frame)
        report.imported += inserted
        report.updated += updated
        report.precision_counts[mapped.level] = report.precision_counts.get(mapped.level, 0) + len(mapped.frame)
        levels_written.add(mapped.level)
        if mapped.level == "tambon":
            tambon_raw = (raw, mapped.frame)
    if tambon_raw is not None:
        missing = [lv for lv in ("amphoe", "changwat") if lv not in levels_written and ws.count(lv) == 0]
        if missing:
            derived = derive_parents(tambon_raw[1], tambon_raw[0])
            for lv in missing:
                ws.upsert(lv, derived[lv])
                report.notes.append(f"สร้างชั้น {lv} จากการรวมตำบล ({len(derived[lv])} รายการ) "
                                    f"(derived {lv} by dissolving tambons)")


def _import_hazard(ws, path, layer, report, rep, hazard_name, chunk_rows=50_000) -> None:
    bounds = ws.query("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'tambon'")
    area = tuple(bounds[0]) if bounds and None not in bounds[0] else None
    for raw in iter_tables(path, schema=PROJECT_COLUMNS, layer=layer, area_of_interest=area):
        rep.check()
        report.rows_read += len(raw.frame)
        mapped = map_hazard(raw, hazard_name)
        report.warnings.extend(mapped.warnings)
        name = mapped.frame["hazard"].iloc[0] if len(mapped.frame) else (hazard_name or path.stem)
        ws.delete("hazard_zones", "hazard = ?", (name,))
        report.imported += ws.write_layer("hazard_zones", mapped.frame)
        ws.upsert("hazards", pd.DataFrame([{
            "name": name, "kind": "class", "storage": "vector", "table_name": "hazard_zones",
            "source": path.name, "added_at": now_iso(),
            "description": "พื้นที่เสี่ยงน้ำท่วม (vector flood zones)",
        }]))
