"""Stored flood-exposure results: fingerprints, save and read-back time on the demo and with 100,000 more projects.

    .venv/bin/python benchmarks/exposure_store.py [--projects 100000] [--repeat 3]

Copies the demo workspace (sample_data/demo_songkhla.gpkg, 127 tambons, 1,500 projects) to a temporary folder, adds a
synthetic 200 m depth raster of the province, runs the exposure once (not timed) and times, best of ``--repeat``:
``fingerprints`` (what a staleness check costs), ``save_result`` (one transaction) and ``load_result`` (areas and
projects read back and joined, staleness included). Then the same with ``--projects`` extra project points
(synthetic titles and places, seed 2569). The machine is shared: figures are noisy.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best(fn, repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(path: Path, repeat: int, label: str) -> None:
    """Run once, then time fingerprints, save and load of the stored result."""
    from areaplan.analyses import exposure_store as es
    from areaplan.analyses import flood_exposure as fx
    from areaplan.workspace import Workspace

    with Workspace.open(path) as ws:
        n = ws.count("projects")
        result = fx.run_workspace(ws, "bench_depth", level="tambon")
        fp = best(lambda: es.fingerprints(ws, "bench_depth", "tambon"), repeat)
        fp_thresholds = best(lambda: es.fingerprints(ws, "bench_depth", "tambon", ("thresholds_fp",)), repeat)
        save = best(lambda: es.save_result(ws, result), repeat)
        load = best(lambda: es.load_result(ws, "bench_depth", "tambon"), repeat)
    print(f"{label}: {len(result.areas)} tambons, {n:,} projects")
    print(f"  fingerprints (all four)      {fp:7.3f} s")
    print(f"  fingerprint (thresholds)     {fp_thresholds:7.3f} s")
    print(f"  save_result                  {save:7.3f} s")
    print(f"  load_result (with staleness) {load:7.3f} s")


def add_projects(path: Path, n: int) -> None:
    """Append ``n`` synthetic project points inside the demo's tambons."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from areaplan.workspace import Workspace

    rng = np.random.default_rng(2569)
    with Workspace.open(path) as ws:
        tambon = ws.read_layer("tambon", columns=["code", "parent_code"])
        pick = rng.integers(0, len(tambon), n)
        pts = tambon.geometry.representative_point().to_numpy()[pick]
        x = shapely.get_x(pts) + rng.normal(0, 0.01, n)
        y = shapely.get_y(pts) + rng.normal(0, 0.01, n)
        works = np.array(["ก่อสร้างถนน คสล. สาย", "ขุดลอกคลอง", "ก่อสร้างอาคารเอนกประสงค์", "ซ่อมแซมฝาย",
                          "ติดตั้งไฟฟ้าส่องสว่าง"], dtype=object)
        frame = gpd.GeoDataFrame({
            "project_id": [f"B{i}" for i in range(n)],
            "title": works[rng.integers(0, len(works), n)] + " หมู่ " + rng.integers(1, 15, n).astype(str),
            "budget": rng.integers(50, 5000, n) * 1000.0, "source": "bench.csv", "location_precision": "point",
            "tambon_code": tambon["code"].to_numpy()[pick], "amphoe_code": tambon["parent_code"].to_numpy()[pick],
            "changwat_code": "90",
        }, geometry=shapely.points(x, y), crs="EPSG:4326")  # fmt: skip
        ws.write_layer("projects", frame)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from areaplan.importers.hazard import add_hazard
    from areaplan.workspace import Workspace
    from tests.ui.test_flood_review import write_depth_tif
    from ui.main_window import DEMO_WORKSPACE

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.gpkg"
        shutil.copy(DEMO_WORKSPACE, path)
        with Workspace.open(path) as ws:
            add_hazard(ws, write_depth_tif(Path(tmp) / "depth.tif"), name="bench_depth", kind="depth")
        measure(path, args.repeat, "demo")
        if args.projects:
            add_projects(path, args.projects)
            measure(path, args.repeat, f"demo + {args.projects:,} projects")


if __name__ == "__main__":
    main()
