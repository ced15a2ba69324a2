"""Build the demonstration workspace: generate the province's input files, then import them as a user would."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from areaplan import __version__
from areaplan.importers.pipeline import import_file
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.workspace import Workspace

DEMO_TITLE = "จังหวัดสงขลา (ข้อมูลสาธิต) — Songkhla demonstration workspace"
DEMO_NOTE = (
    "ข้อมูลสาธิต: ชื่อและรหัสเขตการปกครองจริงของจังหวัดสงขลา (geothai) แต่ขอบเขต โครงการ แผน "
    "และพื้นที่น้ำท่วมสร้างขึ้นเพื่อการสาธิต ไม่ใช่ข้อมูลจริง "
    "(demonstration data: real Songkhla names and DOPA codes; boundaries, projects, plans and flood layers are "
    "generated, schematic and not real)"
)

# (input name, kind, hazard name) in the order an office would load them
_IMPORTS = (
    ("boundaries", "boundaries", None),
    ("plans", "plans", None),
    ("projects_province", "projects", None),
    ("projects_cluster", "projects", None),
    ("projects_function", "projects", None),
    ("projects_local", "projects", None),
    ("projects_community", "projects", None),
    ("projects_other", "projects", None),
    ("flood_frequency", "hazard", "น้ำท่วมซ้ำซาก (LDD-style frequency)"),
    ("flood_depth", "hazard", "flood_depth"),
)


def build_demo(
    out: str | Path,
    *,
    seed: int = 2569,
    overwrite: bool = False,
    inputs_dir: str | Path | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the demo workspace to `out` (atomically) and return its path."""
    from areaplan.demo.generate import generate, write_inputs

    out = Path(out)
    rep = Reporter(progress, cancelled)
    if out.exists() and not overwrite:
        from areaplan.errors import WorkspaceError

        raise WorkspaceError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite หากต้องการเขียนทับ",
                             "the file exists already; use --overwrite to replace it", path=out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rep(0.02, "สร้างข้อมูลจังหวัดสาธิต")
    data = generate(seed)
    with tempfile.TemporaryDirectory(prefix="areaplan-demo-") as tmp:
        folder = Path(inputs_dir) if inputs_dir else Path(tmp) / "inputs"
        files = write_inputs(data, folder)
        work = Path(tmp) / "demo.gpkg"
        ws = Workspace.create(work, title=DEMO_TITLE)
        try:
            reports = []
            for i, (name, kind, hazard) in enumerate(_IMPORTS):
                rep(0.1 + 0.85 * i / len(_IMPORTS), f"นำเข้า {files[name].name}")
                report = import_file(ws, files[name], kind, hazard_name=hazard,
                                     raster_kind="depth", cancelled=cancelled)
                reports.append(report)
            ws.set_metadata(
                demo="true",
                demo_note=DEMO_NOTE,
                demo_seed=seed,
                demo_inputs=json.dumps({k: p.name for k, p in files.items()}, ensure_ascii=False),
                planted_duplicates=len(data.true_duplicates),
                areaplan_version=__version__,
            )
            ws.write_table("metadata", _truth_rows(data), mode="append")
        finally:
            ws.close()
        os.replace(work, out) if out.parent.resolve() == work.parent.resolve() else shutil.move(str(work), out)
    rep(1.0, "เสร็จ")
    return out


def _truth_rows(data):
    """The planted duplicate pairs, kept in metadata so the duplicate detector can be checked on the demo."""
    import pandas as pd

    pairs = data.true_duplicates.to_dict("records")
    return pd.DataFrame([{"key": "demo_true_duplicates", "value": json.dumps(pairs, ensure_ascii=False, default=str)}])
