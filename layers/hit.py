"""Hit-testing for identify and select: one shapely STRtree per layer, no Qt item picking (architecture §4).

An index is built once per layer data and map CRS over the layer's projected geometries (metres). Points
and lines are hit within a tolerance (a pixel radius the caller converts to map units); polygons are hit
where they contain the position. Everything is a vectorised GEOS query: no Python loop over features.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely

from layers.model import VectorLayer

_POLYGON_TYPES = (3, 6)  # Polygon, MultiPolygon


class HitIndex:
    """A spatial index over projected geometries with the feature id of each row.

    ``geoms`` are shapely geometries in the map CRS (None/empty for unlocated rows, which are never hit);
    ``fids`` are the workspace feature ids (row positions when omitted).
    """

    def __init__(self, geoms: Iterable[object], fids: Iterable[int] | None = None) -> None:
        self.geoms = np.asarray(geoms, dtype=object)
        if fids is None:
            self.fids = np.arange(len(self.geoms), dtype=np.int64)
        else:
            self.fids = np.asarray(fids, dtype=np.int64)
        if len(self.fids) != len(self.geoms):
            raise ValueError(f"{len(self.fids)} fids for {len(self.geoms)} geometries")
        missing = shapely.is_missing(self.geoms) if len(self.geoms) else np.empty(0, dtype=bool)
        # GeometryCollections with a polygon count as polygonal only if every part is: keep it simple and
        # treat (Multi)Polygon as areas and everything else as points/lines hit within the tolerance.
        type_id = np.where(missing, -1, shapely.get_type_id(self.geoms)) if len(self.geoms) else np.empty(0)
        self.polygonal = np.isin(type_id, _POLYGON_TYPES)
        self.tree = shapely.STRtree(self.geoms)  # missing/empty geometries are left out by GEOS

    def __len__(self) -> int:
        return len(self.geoms)

    # -- positions (row numbers)
    def hit_positions(self, x: float, y: float, tolerance: float = 0.0) -> np.ndarray:
        """Row positions (ascending) hit at (x, y): polygons containing it, others within ``tolerance``."""
        x, y = float(x), float(y)
        tol = max(float(tolerance), 0.0)
        # bounding boxes first (cheap), then the exact test on the few candidates: containment for
        # polygons (a dwithin on a dense polygon costs a distance computation over all its vertices)
        cand = self.tree.query(shapely.box(x - tol, y - tol, x + tol, y + tol))
        if not len(cand):
            return cand.astype(np.int64)
        poly = self.polygonal[cand]
        keep = np.empty(len(cand), dtype=bool)
        if poly.any():
            keep[poly] = shapely.intersects_xy(self.geoms[cand[poly]], x, y)
        if not poly.all():
            keep[~poly] = shapely.dwithin(self.geoms[cand[~poly]], shapely.Point(x, y), tol)
        return np.sort(cand[keep]).astype(np.int64)

    def rect_positions(self, rect: tuple[float, float, float, float]) -> np.ndarray:
        """Row positions (ascending) of geometries intersecting (minx, miny, maxx, maxy)."""
        minx, miny, maxx, maxy = (float(v) for v in rect)
        box = shapely.box(min(minx, maxx), min(miny, maxy), max(minx, maxx), max(miny, maxy))
        return np.sort(self.tree.query(box, predicate="intersects")).astype(np.int64)

    # -- feature ids
    def hits(self, x: float, y: float, tolerance: float = 0.0) -> np.ndarray:
        """Feature ids hit at (x, y) with a tolerance in map units (see hit_positions)."""
        return self.fids[self.hit_positions(x, y, tolerance)]

    def in_rect(self, rect: tuple[float, float, float, float]) -> np.ndarray:
        """Feature ids of the geometries intersecting a rectangle (minx, miny, maxx, maxy) in map units."""
        return self.fids[self.rect_positions(rect)]

    def positions_of(self, fids: Iterable[int]) -> np.ndarray:
        """Row positions of the given feature ids (ids not in the layer are dropped)."""
        wanted = np.fromiter((int(f) for f in fids), dtype=np.int64)
        return np.flatnonzero(np.isin(self.fids, wanted))


def layer_fids(layer: VectorLayer) -> np.ndarray:
    """The workspace 'fid' of each row of a layer (row positions when the frame has none)."""
    data = layer.data
    if "fid" in data.columns:
        return data["fid"].to_numpy(dtype=np.int64)
    return np.arange(len(data), dtype=np.int64)


class HitIndexes:
    """The hit index of each layer, built on first use and rebuilt only after its data or the CRS change.

    A layer's data is replaced (never modified in place) when it changes, so the cache compares the frame's
    identity and the CRS instead of subscribing to events (nothing to disconnect, nothing kept alive).
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[object, str, HitIndex]] = {}
        #: How many indexes were built (tests read it).
        self.builds = 0

    def index(self, layer: VectorLayer, crs: str) -> HitIndex:
        """The index of a layer's geometries projected to ``crs``."""
        cached = self._cache.get(layer.name)
        if cached is not None and cached[0] is layer.data and cached[1] == crs:
            return cached[2]
        index = HitIndex(layer.projected(crs).values, layer_fids(layer))
        self._cache[layer.name] = (layer.data, crs, index)
        self.builds += 1
        return index

    def clear(self) -> None:
        """Forget every index (e.g. when another workspace is opened)."""
        self._cache.clear()
