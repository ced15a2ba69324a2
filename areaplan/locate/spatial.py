"""Locate geometries in the workspace's boundaries by spatial join (vectorised, GEOS)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely


def tambon_of(geoms: gpd.GeoSeries, tambons: gpd.GeoDataFrame) -> pd.Series:
    """The tambon code containing each geometry's representative point (None outside all)."""
    out = pd.Series([None] * len(geoms), index=geoms.index, dtype=object)
    if len(tambons) == 0 or len(geoms) == 0:
        return out
    present = ~(geoms.isna() | geoms.is_empty)
    if not present.any():
        return out
    pts = geoms[present]
    is_point = pts.geom_type == "Point"
    rep = pts.copy()
    if (~is_point).any():
        rep[~is_point] = shapely.point_on_surface(pts[~is_point].values)
    tree = shapely.STRtree(tambons.geometry.values)
    left, right = tree.query(rep.values, predicate="within")
    codes = tambons["code"].to_numpy()
    found = pd.Series(codes[right], index=rep.index[left])
    found = found[~found.index.duplicated(keep="first")]
    out.loc[found.index] = found.values
    return out


def representative_points(frame: gpd.GeoDataFrame, codes: pd.Series) -> gpd.GeoSeries:
    """For each code, the representative point of the boundary with that code (None if absent)."""
    if len(frame) == 0:
        return gpd.GeoSeries([None] * len(codes), index=codes.index, crs="EPSG:4326")
    pts = pd.Series(shapely.point_on_surface(frame.geometry.values), index=frame["code"].to_numpy())
    pts = pts[~pts.index.duplicated()]
    values = codes.map(pts)
    return gpd.GeoSeries(values.where(values.notna(), None).to_numpy(dtype=object), index=codes.index, crs="EPSG:4326")


def metric_crs(geoms: gpd.GeoSeries) -> str:
    """The UTM zone (WGS84) for measuring in metres: 47N west of 102°E, 48N east of it."""
    valid = geoms[~(geoms.isna() | geoms.is_empty)]
    if len(valid) == 0:
        return "EPSG:32647"
    minx, _, maxx, _ = valid.total_bounds
    return "EPSG:32647" if (minx + maxx) / 2 < 102.0 else "EPSG:32648"


def distance_m(a: gpd.GeoSeries, b: gpd.GeoSeries) -> np.ndarray:
    """Pairwise distances in metres between aligned geometries, measured in UTM."""
    crs = metric_crs(a)
    return a.to_crs(crs).distance(b.to_crs(crs), align=False).to_numpy()
