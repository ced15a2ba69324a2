"""Flood exposure speed: Songkhla at 30 m, all of Thailand at 250 m, 100,000 project points.

    .venv/bin/python benchmarks/flood_exposure.py [--songkhla] [--national] [--points] [--repeat 3] [--callback]

Without a choice it runs all three. Boundaries are the real tambons of ../shared/data/thailand_admin.gpkg
(densified with shapely.segmentize to 50 m, as the issue asks for Songkhla: survey-grade boundaries have hundreds of
vertices per tambon, the shared file only ~8). The national case runs twice: the tambons as shipped (57,860
vertices: the issue's case) and densified to 50 m (4.97 M vertices: a stress case, 86× the vertices); the depth rasters are
synthetic (numpy, seed 2569: smooth basins plus noise, dry land as nodata) written to a temporary GeoTIFF, in UTM
47N. Each variant runs once per round for ``--repeat`` rounds (interleaved, so a load change hits all alike); the best
wall-clock time and the best CPU time are printed — CPU time of this process plus AreaPlan's zonal worker processes
(read from /proc on Linux), with the workers' share where they worked. The header says how many cores, worker
processes and reprojection threads were used; the load average is printed at the start and the end. The machine is
shared: CPU time is the steadier figure, wall time is what a user waits.

For each polygon case it prints:
* ``exactextract mean+max`` — exactextract called directly (same polygons, same raster in memory, same WKB feature
  source) for the mean and max only: the reference the issue quotes (0.46 s / 2.0 s there);
* ``exactextract same work`` — exactextract called directly for mean, max and every class fraction the usual way:
  the depth raster plus a prepared class raster with ``unique``/``frac`` (the class raster is made beforehand and
  not timed);
* ``exactextract + Python callback`` (``--callback``) — mean, max and a per-feature Python function for the class
  shares, the slow way the issue measured;
* ``areaplan engine, one process`` — :func:`areaplan.analyses.flood_exposure.zonal_class_shares` with the worker
  processes turned off (``MAX_WORKERS = 0``);
* ``areaplan engine`` — the same with the work shared between this process and the spawned worker(s) (the first
  end-to-end run of a session, while the workers start, is printed on its own line);
* ``areaplan end to end`` — reading the raster window from the GeoTIFF and :func:`exposure_of` from lon/lat
  boundaries (reprojection and UTM areas included);
* a per-stage table of the end-to-end run (read window, reproject in threads — and GeoPandas' one-thread
  ``to_crs`` for comparison —, UTM areas, validity, WKB + the exactextract pass with the class counts shared with
  the workers — and in one process for comparison), best of ``--repeat`` runs of each stage.

For the points it prints the sampling, reading the work types of the distinct titles alone, and
:func:`project_exposure` (which samples while worker processes read the titles).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"
UTM47 = "EPSG:32647"
NODATA = -9999.0
SEED = 2569


def worker_cpu() -> float:
    """CPU seconds used so far by AreaPlan's zonal worker processes (Linux /proc; 0 elsewhere or without them)."""
    from areaplan.analyses import flood_exposure as fx

    pool = fx._POOL.get("pool")
    total = 0.0
    for pid in list(getattr(pool, "_processes", None) or {}):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return total


def cpu_now() -> float:
    """CPU seconds of this process and of the zonal worker processes."""
    return time.process_time() + worker_cpu()


def load() -> str:
    """The machine's load averages (1, 5, 15 min), as ``uptime`` prints them."""
    try:
        return "load average " + ", ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "load average unknown"


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """(best wall-clock seconds, best CPU seconds of this process and its workers, last result) of ``repeat`` runs."""
    wall, cpu, out = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), cpu_now()
        out = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(cpu_now() - c)
    return min(wall), min(cpu), out


WORKER_CPU: dict = {}  # name -> worker CPU seconds of the run with the best wall-clock time (last interleaved call)


def interleaved(fns: dict, repeat: int) -> dict:
    """Run each function once per round, ``repeat`` rounds (so load changes hit all alike); name -> (wall, cpu, out)."""
    wall = {k: [] for k in fns}
    cpu = {k: [] for k in fns}
    wcpu = {k: [] for k in fns}
    out = {}
    for _ in range(repeat):
        for k, fn in fns.items():
            t, c, w = time.perf_counter(), time.process_time(), worker_cpu()
            out[k] = fn()
            wall[k].append(time.perf_counter() - t)
            wcpu[k].append(worker_cpu() - w)
            cpu[k].append(time.process_time() - c + wcpu[k][-1])
    WORKER_CPU.clear()
    WORKER_CPU.update({k: wcpu[k][int(np.argmin(wall[k]))] for k in fns})
    return {k: (min(wall[k]), min(cpu[k]), out[k]) for k in fns}


def tambons(changwat: str | None = None, densify: float | None = 50.0):
    """Real tambons (lon/lat) with DOPA codes, densified to ``densify`` m segments (in UTM 47N; None: as shipped)."""
    import geopandas as gpd
    import shapely

    path = SHARED / "thailand_admin.gpkg"
    if not path.exists():
        sys.exit(f"real data not found at {path}")
    t = gpd.read_file(path, layer="tambon")
    if changwat:
        t = t[t["ADM1_PCODE"] == f"TH{changwat}"]
    t = t.reset_index(drop=True)
    utm = t.to_crs(UTM47)
    if densify:
        utm["geometry"] = shapely.segmentize(utm.geometry.values, densify)
        out = utm.to_crs("EPSG:4326")
    else:
        out = t.copy()
    out = out.rename(columns={"ADM3_PCODE": "code", "ADM3_TH": "name_th", "ADM3_EN": "name_en"})
    out["code"] = out["code"].str.replace("TH", "", regex=False)
    out["parent_code"] = out["ADM2_PCODE"].str.replace("TH", "", regex=False) if "ADM2_PCODE" in out else None
    return out[["code", "name_th", "name_en", "parent_code", "geometry"]], utm


def synthetic_depth(bounds, res: float, seed: int = SEED) -> tuple[np.ndarray, object]:
    """A deterministic depth field (m) over bounds in UTM: basins + noise, dry land (≈ 60 %) as nodata."""
    from affine import Affine

    minx, miny, maxx, maxy = bounds
    w, h = int(np.ceil((maxx - minx) / res)) + 2, int(np.ceil((maxy - miny) / res)) + 2
    rng = np.random.default_rng(seed)
    cw, ch = max(4, w // 64), max(4, h // 64)
    coarse = rng.normal(0, 1, (ch, cw))
    # upsample the coarse field smoothly (separable linear interpolation), then add fine noise
    xi = np.linspace(0, cw - 1, w)
    yi = np.linspace(0, ch - 1, h)
    rows = np.array([np.interp(xi, np.arange(cw), r) for r in coarse])
    field = np.array([np.interp(yi, np.arange(ch), c) for c in rows.T]).T.astype("float32")
    field += rng.normal(0, 0.15, (h, w)).astype("float32")
    depth = np.where(field > 0.3, np.minimum((field - 0.3) * 2.0, 4.0), NODATA).astype("float32")
    transform = Affine(res, 0, minx - res, 0, -res, maxy + res)
    return depth, transform


def write_tif(path: Path, data: np.ndarray, transform, crs=UTM47, nodata=NODATA) -> Path:
    import rasterio

    profile = {"driver": "GTiff", "width": data.shape[1], "height": data.shape[0], "count": 1, "dtype": data.dtype.name,
               "crs": crs, "transform": transform, "nodata": nodata, "tiled": True, "blockxsize": 512,
               "blockysize": 512}
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


def polygon_case(label: str, areas, utm, res: float, repeat: int, callback: bool) -> None:
    """Time exactextract directly and AreaPlan's engine on the same polygons and raster."""
    import shapely
    from exactextract import Operation, exact_extract
    from exactextract.raster import NumPyRasterSource

    from areaplan.analyses import flood_exposure as fx
    from areaplan.analyses.hazard_classes import default_scheme

    scheme = default_scheme("depth")
    t0 = time.perf_counter()
    depth, transform = synthetic_depth(utm.total_bounds, res)
    print(f"\n== {label}: {len(areas):,} tambons "
          f"({int(shapely.get_num_coordinates(utm.geometry.values).sum()):,} vertices), "
          f"{depth.shape[1]:,} × {depth.shape[0]:,} = {depth.size / 1e6:.1f} Mpx at {res:g} m, "
          f"{np.mean(depth != NODATA):.0%} wet (generated in {time.perf_counter() - t0:.1f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        tif = write_tif(Path(tmp) / "depth.tif", depth, transform)
        grid = fx.read_raster(tif)
        wkt = grid.crs.to_wkt()
        ext = grid.bounds
        polys = np.asarray(utm.geometry.values, dtype=object)
        feats = lambda: fx._feature_source(polys, wkt)  # noqa: E731 - the same WKB source for every variant
        dsrc = NumPyRasterSource(grid.data, *ext, nodata=None, srs_wkt=wkt, name="depth")
        classes = scheme.classify(grid.data)
        csrc = NumPyRasterSource(classes, *ext, nodata=None, srs_wkt=wkt, name="cls")

        def ee_meanmax():
            return exact_extract(dsrc, feats(), ["mean", "max"], output=fx._row_writer())

        def ee_same():
            ops = [Operation("mean", "mean", dsrc), Operation("max", "max", dsrc),
                   Operation("unique", "unique", csrc), Operation("frac", "frac", csrc)]
            return exact_extract([dsrc, csrc], feats(), ops, output="pandas")

        def engine():
            return fx.zonal_class_shares(grid, polys, scheme)

        def engine_one():
            return one_process(fx, engine)

        def end_to_end():
            g = fx.read_raster(tif, bounds=tuple(areas.total_bounds))
            h = fx.HazardLayer("bench", "depth", scheme, grid=g, source="depth.tif", storage="file")
            return fx.exposure_of(areas.geometry, h)

        fns = {"exactextract mean+max": ee_meanmax,
               "exactextract same work (depth + class raster frac)": ee_same}
        if callback:
            def shares(values, cov):
                v = np.asarray(values.filled(np.nan) if hasattr(values, "filled") else values, dtype=float)
                return np.bincount(scheme.classify(v), weights=cov, minlength=5)[1:] / max(cov.sum(), 1e-12)

            fns["exactextract + Python callback for classes"] = \
                lambda: exact_extract(dsrc, feats(), ["mean", "max", shares], output="pandas")
        if workers() and not fx._zonal_pool()._processes:  # the workers have not been started yet
            w, c, _ = timed(end_to_end, 1)
            print(f"   first end-to-end run of the session (worker processes starting meanwhile): wall {w:6.3f} s  "
                  f"cpu {c:6.3f} s")
        fns["areaplan engine, one process (MAX_WORKERS = 0)"] = engine_one
        fns["areaplan engine (class shares + mean + max)"] = engine
        fns["areaplan end to end (read window, reproject, UTM areas)"] = end_to_end
        res = interleaved(fns, repeat)
        base_w, base_c, _ = res["exactextract mean+max"]
        same_w, same_c, same = res["exactextract same work (depth + class raster frac)"]
        for name, (w, c, _) in res.items():
            print(f"   {name:56s} wall {w:6.3f} s  cpu {c:6.3f} s   ×{w / base_w:4.2f} / ×{c / base_c:4.2f} of mean+max"
                  + (f"  (workers {WORKER_CPU[name]:.2f} s cpu)" if WORKER_CPU.get(name) else ""))
        ew, ec, ours = res["areaplan engine (class shares + mean + max)"]
        print(f"   ratio areaplan engine / exactextract same work: wall {ew / same_w:.2f}, cpu {ec / same_c:.2f}; "
              f"/ exactextract mean+max: wall {ew / base_w:.2f}, cpu {ec / base_c:.2f}")
        # check: the engine's high-class share equals exactextract's frac of the class raster
        uniq = same["unique"]
        frac = same["frac"]
        exp3 = np.array([dict(zip(u, f)).get(3, 0.0) for u, f in zip(uniq, frac)])
        err = np.nanmax(np.abs(ours["c3_share"].to_numpy() - exp3) / np.maximum(exp3, 1e-12) * (exp3 > 0))
        print(f"   max relative difference of the high-class share vs exactextract frac: {err:.2e}")
        stage_table(fx, tif, areas, scheme, repeat)


def stage_table(fx, tif: Path, areas, scheme, repeat: int) -> None:
    """Time each stage of the end-to-end polygon run separately (best of ``repeat``) and print a table."""
    import shapely

    from areaplan.locate.spatial import metric_crs

    geoms = areas.geometry
    box = tuple(areas.total_bounds)
    grid = fx.read_raster(tif, bounds=box)
    metric = metric_crs(geoms)
    fr = fx._project(geoms, metric, grid.crs)
    polys = np.asarray(fr.hazard, dtype=object)
    t = grid.transform
    ext = (t.c, t.f + t.e * grid.data.shape[0], t.c + t.a * grid.data.shape[1], t.f)
    wkt = grid.crs.to_wkt()
    pb = shapely.bounds(polys)
    cost = (pb[:, 2] - pb[:, 0]) / t.a * (pb[:, 3] - pb[:, 1]) / -t.e \
        + fx.VERTEX_WORK * shapely.get_num_coordinates(polys)
    lonlat = gpd_series(geoms)
    stages = {
        "read raster window (rasterio)": lambda: fx.read_raster(tif, bounds=box),
        f"reproject lon/lat → UTM (pyproj, {threads()} threads)": lambda: fx._project(geoms, metric, grid.crs),
        "  (before: GeoSeries.to_crs, one thread)": lambda: lonlat.to_crs(metric),
        "measure areas in UTM (shapely.area)": lambda: shapely.area(fr.metric),
        "validity check (shapely.is_valid)": lambda: shapely.is_valid(polys),
        f"WKB + exactextract + class counts, {workers()} worker(s) + this":
            lambda: fx._strip_in_runs(grid.data, ext, wkt, polys, cost, scheme, True, fx.Reporter()),
        "  (one process: WKB + _strip_stats)":
            lambda: fx._strip_stats(grid.data, ext, wkt, shapely.to_wkb(polys), scheme, True),
        "whole end to end (read + exposure_of)":
            lambda: fx.exposure_of(geoms, fx.HazardLayer("b", "depth", scheme, grid=fx.read_raster(tif, bounds=box),
                                                         storage="file")),
    }
    res = interleaved(stages, repeat)
    parts = sum(w for k, (w, _, _) in res.items() if not k.startswith(("whole", "  (")))
    print(f"   stage (best of {repeat}; cpu includes the worker processes)                wall s    cpu s  workers")
    for name, (w, c, _) in res.items():
        print(f"   {name:68s} {w:7.3f}  {c:7.3f}  {WORKER_CPU.get(name, 0.0):7.3f}")
    print(f"   (sum of the stages without the bracketed alternatives {parts:.3f} s; the rest of the whole run is "
          "assembling the table)")


def gpd_series(geoms):
    """The lon/lat boundaries as a GeoSeries (for timing GeoPandas' own reprojection)."""
    import geopandas as gpd

    return gpd.GeoSeries(geoms.values, crs="EPSG:4326")


def threads() -> int:
    """Threads the reprojection uses on this machine."""
    from areaplan.analyses import flood_exposure as fx

    return min(fx._cpu_count(), 4)


def workers() -> int:
    """Worker processes the exactextract pass uses (0: all in this process)."""
    from areaplan.analyses import flood_exposure as fx

    pool = fx._zonal_pool()
    return pool._max_workers if pool is not None else 0


def one_process(fx, fn):
    """Run ``fn`` with the worker processes turned off (``MAX_WORKERS = 0``)."""
    keep = fx.MAX_WORKERS
    fx.MAX_WORKERS = 0
    try:
        return fn()
    finally:
        fx.MAX_WORKERS = keep


def points_case(repeat: int, n: int = 100_000) -> None:
    """Sample a 30 m Songkhla raster at 100,000 project points (exposure_of on points, and project_exposure)."""
    import geopandas as gpd

    from areaplan.analyses import flood_exposure as fx
    from areaplan.analyses.hazard_classes import default_scheme

    areas, utm = tambons("90")
    depth, transform = synthetic_depth(utm.total_bounds, 30.0)
    rng = np.random.default_rng(SEED)
    minx, miny, maxx, maxy = utm.total_bounds
    pts = gpd.GeoSeries(gpd.points_from_xy(rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)), crs=UTM47)
    pts = pts.to_crs("EPSG:4326")
    print(f"\n== {n:,} project points over a {depth.size / 1e6:.1f} Mpx 30 m raster")
    with tempfile.TemporaryDirectory() as tmp:
        tif = write_tif(Path(tmp) / "depth.tif", depth, transform)
        grid = fx.read_raster(tif)
        haz = fx.HazardLayer("bench", "depth", default_scheme("depth"), grid=grid, storage="file")
        b, m, out = timed(lambda: fx.exposure_of(pts, haz), repeat)
        print(f"   sampling + classes (reproject, index arithmetic)           wall {b:6.3f} s  cpu {m:6.3f} s; "
              f"in high classes: {int((out['max_class'] >= 3).sum()):,}")
        titles = np.array(["ก่อสร้างถนน คสล. สายบ้าน", "ขุดลอกคลอง", "ก่อสร้างอาคารเรียน", "ฝึกอบรมอาชีพ",
                           "ก่อสร้างฝายชะลอน้ำ", "ซ่อมแซมสะพาน", "ก่อสร้างรางระบายน้ำ"], dtype=object)
        k = rng.integers(0, len(titles), n)
        frame = gpd.GeoDataFrame({
            "project_id": [f"P{i}" for i in range(n)],
            "title": [f"{titles[j]}{i % 5000} หมู่ที่ {i % 12 + 1}" for i, j in enumerate(k)],
            "agenda": rng.choice(["water", "transport", "education"], n), "budget": rng.uniform(1e5, 1e7, n),
            "tambon_code": rng.choice(areas["code"].to_numpy(), n), "location_precision": "point",
        }, geometry=pts.values, crs="EPSG:4326")
        b, m, out = timed(lambda: fx.project_kinds(frame), 1)
        print(f"   work types alone, {frame['title'].nunique():,} distinct titles (thai_titles.feature_columns) "
              f"wall {b:6.3f} s  cpu {m:6.3f} s (this process; worker processes read titles too)")
        b, m, out = timed(lambda: fx.project_exposure(frame, haz), max(1, repeat // 2))
        print(f"   project_exposure: sampling while the titles are read          wall {b:6.3f} s  cpu {m:6.3f} s; "
              f"flagged {int(out['flagged'].sum()):,} (later runs reuse thai_titles' cache of name stages)")
        # what a workspace run does: the work types were stored at import (title_kinds), exposure reads them
        from areaplan.analyses import title_kinds as tk
        from areaplan.workspace import Workspace

        with Workspace.create(Path(tmp) / "kinds.gpkg") as ws:
            tk.attach(ws, frame)  # reads and stores every title, as the import does (not timed)
            b, m, stored = timed(lambda: tk.attach(ws, frame), repeat)
            print(f"   stored work types: key the titles, read title_kinds (from_workspace) wall {b:6.3f} s  "
                  f"cpu {m:6.3f} s")
        b, m, out2 = timed(lambda: fx.project_exposure(stored, haz), repeat)
        same = out2.drop(columns="geometry").equals(out.drop(columns="geometry"))
        print(f"   project_exposure with stored work types (target ≤ 1 s)       wall {b:6.3f} s  cpu {m:6.3f} s; "
              f"{'OK' if b <= 1 else 'MISSED'}; same output as reading the titles: {same}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--songkhla", action="store_true")
    ap.add_argument("--national", action="store_true")
    ap.add_argument("--points", action="store_true")
    ap.add_argument("--callback", action="store_true", help="also time exactextract with a Python callback")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    everything = not (a.songkhla or a.national or a.points)
    import exactextract

    import areaplan

    from areaplan.analyses import flood_exposure as fx

    print(f"AreaPlan {areaplan.__version__}, exactextract {exactextract.__version__}; best of {a.repeat} interleaved "
          "runs, wall-clock and CPU time (shared machine: figures are noisy)")
    pool = fx._zonal_pool() if fx.MAX_WORKERS > 0 else None
    print(f"{fx._cpu_count()} cores; exactextract pass: this process + {pool._max_workers if pool else 0} spawned "
          f"worker process(es) (MAX_WORKERS = {fx.MAX_WORKERS}); reprojection: {threads()} threads; "
          f"CPU time counts this process and its workers; {load()} at the start")
    if a.songkhla or everything:
        areas, utm = tambons("90")
        polygon_case("Songkhla, 30 m", areas, utm, 30.0, a.repeat, a.callback)
    if a.national or everything:
        areas, utm = tambons(densify=None)
        polygon_case("Thailand, 250 m, tambons as shipped", areas, utm, 250.0, a.repeat, a.callback)
        areas, utm = tambons()
        polygon_case("Thailand, 250 m, tambons densified to 50 m", areas, utm, 250.0, a.repeat, a.callback)
    if a.points or everything:
        points_case(a.repeat)
    print(f"\n{load()} at the end")


if __name__ == "__main__":
    main()
