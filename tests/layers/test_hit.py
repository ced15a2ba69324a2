"""layers.hit against shapely/GEOS predicates computed directly (the independent check, architecture §8)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from layers.hit import HitIndex, HitIndexes, layer_fids
from layers.model import VectorLayer


def _mixed(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Polygons (a grid), points and lines in metres, with fids that are not row numbers."""
    rng = np.random.default_rng(seed)
    polys = [shapely.box(x, y, x + 1000, y + 1000) for x in range(0, 5000, 1000) for y in range(0, 4000, 1000)]
    pts = [shapely.Point(*xy) for xy in rng.uniform(0, 5000, size=(300, 2))]
    lines = [shapely.LineString(rng.uniform(0, 5000, size=(3, 2))) for _ in range(20)]
    geoms = np.array(polys + pts + lines + [None, shapely.Point()], dtype=object)
    fids = np.arange(len(geoms), dtype=np.int64) * 3 + 7
    return geoms, fids


def _expected_hits(geoms: np.ndarray, fids: np.ndarray, x: float, y: float, tol: float) -> np.ndarray:
    """Brute force with shapely: polygons containing/touching the point, other geometries within tol."""
    pt = shapely.Point(x, y)
    ok = np.zeros(len(geoms), dtype=bool)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    g = geoms[present]
    poly = np.isin(shapely.get_type_id(g), (3, 6))
    sub = np.where(poly, shapely.intersects(g, pt), shapely.distance(g, pt) <= tol)
    ok[present] = sub
    return fids[ok]


def test_point_hits_match_shapely():
    geoms, fids = _mixed()
    index = HitIndex(geoms, fids)
    rng = np.random.default_rng(7)
    for x, y in rng.uniform(-200, 5200, size=(200, 2)):
        for tol in (0.0, 25.0, 150.0):
            got = index.hits(x, y, tol)
            assert sorted(got.tolist()) == sorted(_expected_hits(geoms, fids, x, y, tol).tolist()), (x, y, tol)


def test_rect_matches_shapely_intersects():
    geoms, fids = _mixed()
    index = HitIndex(geoms, fids)
    rng = np.random.default_rng(3)
    for _ in range(100):
        x0, y0 = rng.uniform(-500, 5000, size=2)
        w, h = rng.uniform(1, 2500, size=2)
        box = shapely.box(x0, y0, x0 + w, y0 + h)
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        want = fids[present][shapely.intersects(geoms[present], box)]
        got = index.in_rect((x0 + w, y0 + h, x0, y0))  # corners in any order
        assert sorted(got.tolist()) == sorted(want.tolist())


def test_polygon_hit_only_inside_and_point_hit_within_tolerance():
    geoms = np.array([shapely.box(0, 0, 10, 10), shapely.Point(20, 0)], dtype=object)
    index = HitIndex(geoms, [100, 200])
    assert index.hits(5, 5, 3).tolist() == [100]
    assert index.hits(12, 5, 3).tolist() == []  # near a polygon edge is not inside it
    assert index.hits(22, 0, 3).tolist() == [200]
    assert index.hits(24, 0, 3).tolist() == []
    assert index.hits(20, 0, 0).tolist() == [200]


def test_missing_geometries_are_never_hit_and_positions_map_back():
    index = HitIndex(np.array([None, shapely.Point(1, 1), shapely.Point()], dtype=object), [5, 6, 7])
    assert index.hits(1, 1, 1).tolist() == [6]
    assert index.in_rect((-10, -10, 10, 10)).tolist() == [6]
    assert index.positions_of([7, 6, 99]).tolist() == [1, 2]


def test_mismatched_fids_raise():
    with pytest.raises(ValueError, match="2 fids for 1 geometries"):
        HitIndex([shapely.Point(0, 0)], [1, 2])


def test_indexes_are_built_once_per_data_and_crs():
    gdf = gpd.GeoDataFrame(
        {"fid": [11, 12]}, geometry=[shapely.Point(100.5, 7.0), shapely.Point(100.6, 7.1)], crs="EPSG:4326"
    )
    layer = VectorLayer("projects", "โครงการ", gdf)
    assert layer_fids(layer).tolist() == [11, 12]
    indexes = HitIndexes()
    a = indexes.index(layer, "EPSG:32647")
    assert indexes.index(layer, "EPSG:32647") is a and indexes.builds == 1
    x, y = layer.projected("EPSG:32647").iloc[1].coords[0]
    assert a.hits(x, y, 1.0).tolist() == [12]
    indexes.index(layer, "EPSG:32648")
    assert indexes.builds == 2
    layer.data = gdf.iloc[:1].copy()
    assert indexes.index(layer, "EPSG:32648").fids.tolist() == [11]
    assert indexes.builds == 3
