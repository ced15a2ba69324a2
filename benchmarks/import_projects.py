"""Benchmark: import 100,000 projects (60 % with coordinates, 40 % address-only) against national tambons.

Target (issue 2): ≤ 10 s and ≤ 1 GB peak memory on 2 cores. Prints rows/s and peak RSS.
Usage: python benchmarks/import_projects.py [--rows 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ADMIN = REPO.parent / "shared" / "data" / "thailand_admin.gpkg"


def make_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    """A workspace with the national boundaries and a projects CSV of `rows` rows."""
    import numpy as np
    import pandas as pd
    import pyogrio
    import shapely

    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace

    ws_path = folder / "national.gpkg"
    t0 = time.perf_counter()
    with Workspace.create(ws_path, overwrite=True) as ws:
        import_file(ws, ADMIN, "boundaries")
    print(f"boundaries: 8,430 areas imported in {time.perf_counter() - t0:.2f} s")

    tambon = pyogrio.read_dataframe(ADMIN, layer="tambon")
    rng = np.random.default_rng(65)
    pick = rng.integers(0, len(tambon), rows)
    with_xy = rng.random(rows) < 0.6
    pts = shapely.point_on_surface(tambon.geometry.values[pick])
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    t = tambon.iloc[pick]
    village = rng.integers(1, 15, rows)
    works = np.array(["ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ขุดลอกคลอง", "ก่อสร้างฝายชะลอน้ำ", "ปรับปรุงระบบประปาหมู่บ้าน",
                      "ติดตั้งไฟฟ้าส่องสว่าง", "ก่อสร้างรางระบายน้ำ"])
    titles = (pd.Series(works[rng.integers(0, len(works), rows)]) + " หมู่ที่ " + pd.Series(village).astype(str)
              + " ตำบล" + t["ADM3_TH"].to_numpy() + " อำเภอ" + t["ADM2_TH"].to_numpy() + " จังหวัด" + t["ADM1_TH"].to_numpy())
    frame = pd.DataFrame({
        "project_id": [f"B{i:06d}" for i in range(rows)],
        "title": titles,
        "channel": rng.choice(["province", "cluster", "function", "local", "community", "other"], rows),
        "fiscal_year": rng.choice([2567, 2568, 2569], rows),
        "budget": rng.integers(100_000, 20_000_000, rows),
        "lon": np.where(with_xy, np.round(x, 6), np.nan),
        "lat": np.where(with_xy, np.round(y, 6), np.nan),
    })
    csv = folder / "projects_100k.csv"
    frame.to_csv(csv, index=False)
    return ws_path, csv


def run_import(ws_path: Path, csv: Path) -> None:
    """Time one import in this process and print rows/s and the peak resident memory."""
    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace

    t0 = time.perf_counter()
    with Workspace.open(ws_path) as ws:
        report = import_file(ws, csv, "projects")
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"imported {report.rows_read:,} rows in {dt:.2f} s = {report.rows_read / dt:,.0f} rows/s; "
          f"peak RSS {peak_mb:,.0f} MB; rejected {len(report.rejected)}; precision {report.precision_counts}")
    located = sum(v for k, v in report.precision_counts.items() if k != "unlocated" and k != "amphoe")
    print(f"located to a tambon or better: {located / report.rows_read:.1%}")
    print(f"target ≤ 10 s: {'OK' if dt <= 10 else 'MISSED'}; ≤ 1 GB: {'OK' if peak_mb <= 1024 else 'MISSED'}")


def main() -> None:
    """Build the inputs, then import them in a fresh process so its peak memory is its own."""
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--keep", type=Path)
    p.add_argument("--run", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.run:
        run_import(*args.run)
        return
    if not ADMIN.exists():
        sys.exit(f"needs the national tambons at {ADMIN}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        ws_path, csv = make_inputs(folder, args.rows)
        subprocess.run([sys.executable, __file__, "--run", str(ws_path), str(csv)], check=True)


if __name__ == "__main__":
    main()
