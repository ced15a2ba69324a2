"""Flood exposure on two cores: shared-out exactextract runs and threaded reprojection give the same numbers."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.affinity
from affine import Affine
from pyproj import CRS

from areaplan.analyses import flood_exposure as fx
from areaplan.analyses.hazard_classes import default_scheme
from areaplan.errors import Cancelled
from areaplan.progress import Reporter
from tests.conftest import shared_file

UTM47 = "EPSG:32647"
X0, Y0 = 660_000.0, 775_000.0


def grid_and_polygons(n: int = 60, seed: int = 3) -> tuple[fx.RasterGrid, np.ndarray]:
    """A 300 × 300 depth raster (50 m, UTM 47N, a third nodata) and ``n`` rotated, overlapping squares on it."""
    rng = np.random.default_rng(seed)
    data = rng.gamma(1.0, 0.8, (300, 300)).astype("float32")
    data[rng.random(data.shape) < 0.3] = np.nan
    grid = fx.RasterGrid(data, Affine(50, 0, X0, 0, -50, Y0), CRS.from_user_input(UTM47))
    xs = rng.uniform(X0 + 500, X0 + 13_000, n)
    ys = rng.uniform(Y0 - 13_000, Y0 - 500, n)
    polys = shapely.segmentize(shapely.box(xs, ys, xs + rng.uniform(300, 2000, n), ys + rng.uniform(300, 2000, n)),
                               37.0)
    polys = np.array([shapely.affinity.rotate(p, a, origin="centroid") for p, a in zip(polys, rng.uniform(0, 90, n))],
                     dtype=object)
    polys[5] = shapely.box(X0 - 400, Y0 - 2000, X0 + 600, Y0 - 1000)  # partly outside the raster
    polys[7] = None
    return grid, polys


def one_process(monkeypatch, fn):
    with monkeypatch.context() as m:
        m.setattr(fx, "MAX_WORKERS", 0)
        return fn()


def test_runs_shared_with_a_worker_process_give_the_same_shares_as_one_process(monkeypatch):
    grid, polys = grid_and_polygons()
    scheme = default_scheme("depth")
    alone = one_process(monkeypatch, lambda: fx.zonal_class_shares(grid, polys, scheme))
    pool = fx._zonal_pool()
    if pool is None:
        pytest.skip("no worker processes can be started here (single core or sandbox)")
    pool.submit(fx._worker_ready).result(timeout=120)  # the worker is up: it takes the first runs for sure
    here = []
    strip_stats = fx._strip_stats

    def counting(data, ext, wkt, geoms, *a, **k):  # only runs done in this process pass through here
        here.append(len(geoms))
        return strip_stats(data, ext, wkt, geoms, *a, **k)

    monkeypatch.setattr(fx, "_strip_stats", counting)
    monkeypatch.setattr(fx, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setattr(fx, "WORKER_PATIENCE", float("inf"))  # a busy machine: never redo the worker's run here
    shared = fx.zonal_class_shares(grid, polys, scheme)
    assert 0 < sum(here) < np.count_nonzero(polys != None)  # noqa: E711 - both processes did some of the runs
    pd.testing.assert_frame_equal(shared, alone, check_exact=True)
    assert shared["c1_share"].notna().sum() == len(polys) - 1
    assert shared.loc[5, "nodata_share"] > 0.35  # the part outside the raster stays "no data"


def test_a_worker_slower_than_this_process_is_not_waited_for(monkeypatch):
    grid, polys = grid_and_polygons(seed=6)
    scheme = default_scheme("depth")
    alone = one_process(monkeypatch, lambda: fx.zonal_class_shares(grid, polys, scheme))
    monkeypatch.setattr(fx, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setattr(fx, "WORKER_PATIENCE", 0.0)  # this process redoes any worker run not back yet
    shared = fx.zonal_class_shares(grid, polys, scheme)
    pd.testing.assert_frame_equal(shared, alone, check_exact=True)


class _BrokenPool:
    """A process pool whose workers died (what a frozen app without freeze_support sees)."""

    _max_workers = 1

    def submit(self, *_a, **_k):
        f = Future()
        f.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        return f

    def shutdown(self, **_k):
        pass


class _ClosedPool(_BrokenPool):
    def submit(self, *_a, **_k):
        raise RuntimeError("cannot schedule new futures after shutdown")


@pytest.mark.parametrize("pool", [_BrokenPool(), _ClosedPool()], ids=["workers-died", "pool-shut-down"])
def test_without_working_worker_processes_this_process_does_all_the_runs(monkeypatch, pool):
    grid, polys = grid_and_polygons(seed=9)
    scheme = default_scheme("depth")
    alone = one_process(monkeypatch, lambda: fx.zonal_class_shares(grid, polys, scheme))
    monkeypatch.setattr(fx, "_POOL", {"pool": pool})
    monkeypatch.setattr(fx, "_cpu_count", lambda: 2)
    monkeypatch.setattr(fx, "PARALLEL_MIN_WORK", 0)
    shared = fx.zonal_class_shares(grid, polys, scheme)
    pd.testing.assert_frame_equal(shared, alone, check_exact=True)
    assert fx._POOL["pool"] is None  # given up for the session: later runs do not try the broken pool again
    fx._close_pool()  # frees the shared block kept for a next run


def test_cancel_while_runs_are_shared_out_stops_and_the_next_run_works(monkeypatch):
    grid, polys = grid_and_polygons(seed=4)
    scheme = default_scheme("depth")
    monkeypatch.setattr(fx, "PARALLEL_MIN_WORK", 0)
    calls = []
    rep = Reporter(lambda f, m: calls.append(f), lambda: len(calls) >= 2)
    with pytest.raises(Cancelled):
        fx.zonal_class_shares(grid, polys, scheme, progress=rep)
    again = fx.zonal_class_shares(grid, polys, scheme)
    alone = one_process(monkeypatch, lambda: fx.zonal_class_shares(grid, polys, scheme))
    pd.testing.assert_frame_equal(again, alone, check_exact=True)


def test_the_shared_block_is_reused_for_new_values(monkeypatch):
    grid, polys = grid_and_polygons(seed=12)
    scheme = default_scheme("depth")
    monkeypatch.setattr(fx, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setattr(fx, "WORKER_PATIENCE", float("inf"))
    first = fx.zonal_class_shares(grid, polys, scheme)
    grid2 = fx.RasterGrid(grid.data[::-1].copy() * 1.5, grid.transform, grid.crs)  # same size, other values
    second = fx.zonal_class_shares(grid2, polys, scheme)
    alone = one_process(monkeypatch, lambda: fx.zonal_class_shares(grid2, polys, scheme))
    pd.testing.assert_frame_equal(second, alone, check_exact=True)
    assert not np.allclose(first["value_mean"], second["value_mean"], equal_nan=True)


def test_threaded_reprojection_equals_geopandas_to_crs(monkeypatch):
    rng = np.random.default_rng(11)
    xs, ys = rng.uniform(98, 105, 40), rng.uniform(6, 20, 40)
    geoms = shapely.segmentize(shapely.box(xs, ys, xs + 0.2, ys + 0.1), 0.001).astype(object)
    geoms[3] = None
    geoms[4] = shapely.Polygon()
    geoms[5] = shapely.LineString([(100, 13), (100.5, 13.2)])
    monkeypatch.setattr(fx, "THREADED_MIN_COORDS", 1000)  # several threads on this small input
    src = CRS.from_epsg(4326)
    for dst in ("EPSG:32647", "EPSG:32648", "EPSG:3857"):
        ours = fx._to_crs(geoms, src, CRS.from_user_input(dst))
        theirs = np.asarray(gpd.GeoSeries(geoms, crs=4326).to_crs(dst).values, dtype=object)
        assert ours[3] is None and ours[4].is_empty
        np.testing.assert_array_equal(shapely.get_coordinates(ours), shapely.get_coordinates(theirs))
        assert (shapely.get_type_id(ours) == shapely.get_type_id(theirs)).all()
    assert shapely.get_coordinates(geoms)[0, 0] < 106  # the lon/lat input is left as it was
    z = np.array([shapely.Point(100, 13, 5.0)], dtype=object)  # 3-D: z kept, as GeoPandas does
    assert shapely.get_coordinates(fx._to_crs(z, src, CRS.from_user_input(UTM47)), include_z=True)[0, 2] == 5.0


@pytest.mark.realdata
def test_shared_runs_agree_with_exactextract_on_real_songkhla_tambons(monkeypatch):
    from exactextract import exact_extract
    from exactextract.raster import NumPyRasterSource

    tambon = gpd.read_file(shared_file("thailand_admin.gpkg"), layer="tambon")
    tambon = tambon[tambon["ADM1_PCODE"] == "TH90"].reset_index(drop=True)
    utm = tambon.to_crs(UTM47)
    polys = np.asarray(shapely.segmentize(utm.geometry.values, 100.0), dtype=object)
    minx, miny, maxx, maxy = utm.total_bounds
    res = 90.0
    w, h = int((maxx - minx) // res) + 2, int((maxy - miny) // res) + 2
    yy, xx = np.mgrid[0:h, 0:w]
    rng = np.random.default_rng(8)
    depth = (1.2 * np.sin(xx / 40) + np.cos(yy / 55) + rng.normal(0, 0.4, (h, w))).astype("float32")
    depth[depth < 0.2] = np.nan
    grid = fx.RasterGrid(depth, Affine(res, 0, minx - res, 0, -res, maxy + res), CRS.from_user_input(UTM47))
    scheme = default_scheme("depth")
    monkeypatch.setattr(fx, "PARALLEL_MIN_WORK", 0)
    ours = fx.zonal_class_shares(grid, polys, scheme)

    wkt = grid.crs.to_wkt()
    classes = scheme.classify(depth).astype("float32")
    cls = NumPyRasterSource(classes, *grid.bounds, srs_wkt=wkt)
    wet = NumPyRasterSource(np.where(classes > 0, depth, np.nan), *grid.bounds, srs_wkt=wkt)
    feats = gpd.GeoDataFrame(geometry=polys, crs=UTM47)
    frac = exact_extract(cls, feats, ["unique", "frac"], output="pandas")
    stats = exact_extract(wet, feats, ["mean", "max"], output="pandas")
    for k in (0, 1, 2, 3, 4):
        expected = np.array([dict(zip(u, f)).get(float(k), 0.0) for u, f in zip(frac["unique"], frac["frac"])])
        col = "none_share" if k == 0 else f"c{k}_share"
        np.testing.assert_allclose(ours[col].to_numpy(float), expected, rtol=1e-6, atol=1e-12)
    np.testing.assert_allclose(ours["value_mean"].to_numpy(float), stats["mean"].to_numpy(float), rtol=1e-6)
    np.testing.assert_allclose(ours["value_max"].to_numpy(float), stats["max"].to_numpy(float), rtol=1e-6)
    assert len(ours) == 127 and (ours["c4_share"] > 0).sum() > 50
