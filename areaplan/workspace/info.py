"""A printable summary of what a workspace holds (for `areaplan info` and the About box)."""

from __future__ import annotations

import json

from areaplan.vocab import PRECISIONS
from areaplan.workspace.gpkg import Workspace
from areaplan.workspace.schema import TABLES


def describe(ws: Workspace) -> list[str]:
    """Lines describing the workspace: metadata, counts per table, precision, rasters, last imports."""
    meta = ws.metadata()
    lines = [
        f"{meta.get('title', ws.path.name)}",
        f"  ไฟล์ (file): {ws.path}",
        f"  schema {meta.get('schema_version')} · สร้างเมื่อ (created) {meta.get('created_at')} · "
        f"AreaPlan {meta.get('areaplan_version')}",
    ]
    if meta.get("demo"):
        lines.append(f"  ข้อมูลสาธิต (demonstration data): {meta.get('demo')}")
    lines.append("  ตาราง (tables):")
    for t in TABLES:
        n = ws.count(t.name)
        if n or t.is_layer:
            lines.append(f"    {t.name:<20} {n:>8,}  {t.title_th} ({t.title_en})")
    rows = ws.query("SELECT location_precision, count(*) FROM projects GROUP BY 1 ORDER BY 2 DESC")
    if rows:
        lines.append("  ตำแหน่งโครงการ (project location precision): " +
                     ", ".join(f"{PRECISIONS.get(k, k)} ({k}) {n:,}" for k, n in rows))
    for r in ws.rasters():
        lines.append(f"  แรสเตอร์ (raster) {r['name']}: {r['kind']}, {r['storage']} {r.get('table_name') or r.get('path')}")
    logs = ws.query("SELECT source, kind, finished_at, imported, updated, rejected, precision_counts "
                    "FROM import_log ORDER BY fid DESC LIMIT 10")
    if logs:
        lines.append("  การนำเข้าล่าสุด (recent imports):")
        for source, kind, when, imp, upd, rej, prec in logs:
            lines.append(f"    {when} {source} ({kind}): +{imp:,} ~{upd:,} ✗{rej:,} {json.loads(prec or '{}')}")
    return lines
