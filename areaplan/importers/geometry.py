"""Geometry clean-up on import: drop Z, find empty/missing geometries, repair invalid ones.

Everything works on whole arrays with shapely 2 ufuncs; only the warnings are built per feature.
Repair keeps the original dimension: a polygon stays (multi)polygonal, a line stays linear; parts of
another dimension that ``make_valid`` produces (collapsed edges, points) are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely

from areaplan.errors import Problem

_COLLECTION_TYPES = np.array([4, 5, 6, 7])  # Multi* and GeometryCollection type ids
_GEOMETRYCOLLECTION = 7


def as_geometry_array(geoms: Any) -> np.ndarray:
    """A 1-D object array of shapely geometries (or None) from a GeoSeries, list or array."""
    values = getattr(geoms, "values", geoms)
    arr = np.asarray(values, dtype=object)
    return arr.reshape(-1)


def drop_z(geoms: Any) -> np.ndarray:
    """The geometries without Z (or M) coordinates."""
    arr = as_geometry_array(geoms)
    has_z = shapely.has_z(arr)
    if not has_z.any():
        return arr
    out = arr.copy()
    out[has_z] = shapely.force_2d(arr[has_z])
    return out


def empty_mask(geoms: Any) -> np.ndarray:
    """True where a geometry is missing (None) or empty."""
    arr = as_geometry_array(geoms)
    return shapely.is_missing(arr) | shapely.is_empty(arr)


def _flatten(geoms: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Single-part geometries of (possibly nested) collections with the index of their owner."""
    parts, index = geoms, index
    while True:
        multi = np.isin(shapely.get_type_id(parts), _COLLECTION_TYPES)
        if not multi.any():
            return parts, index
        sub, pos = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], sub])
        index = np.concatenate([index[~multi], index[multi][pos]])


def keep_dimension(original: Any, repaired: Any) -> np.ndarray:
    """Repaired geometries reduced to the dimension of the originals (None when nothing is left)."""
    orig = as_geometry_array(original)
    fixed = as_geometry_array(repaired).copy()
    if fixed.size == 0:
        return fixed
    orig_dim = shapely.get_dimensions(orig)
    orig_is_gc = shapely.get_type_id(orig) == _GEOMETRYCOLLECTION
    fixed_dim = shapely.get_dimensions(fixed)
    fixed_is_gc = shapely.get_type_id(fixed) == _GEOMETRYCOLLECTION
    need = ~orig_is_gc & (fixed_is_gc | (fixed_dim != orig_dim)) & ~shapely.is_missing(fixed)
    if not need.any():
        return fixed
    rows = np.flatnonzero(need)
    parts, owner = _flatten(fixed[rows], np.arange(rows.size))
    keep = (shapely.get_dimensions(parts) == orig_dim[rows][owner]) & ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    rebuilt = np.full(rows.size, None, dtype=object)
    for dim, build in ((0, shapely.multipoints), (1, shapely.multilinestrings), (2, shapely.multipolygons)):
        sel = orig_dim[rows][owner] == dim
        if not sel.any():
            continue
        # Collections need contiguous owner ids: build into a compact array, then scatter.
        ids, compact = np.unique(owner[sel], return_inverse=True)
        built = build(parts[sel], indices=compact)
        rebuilt[ids] = built
    single = ~shapely.is_missing(rebuilt)
    single[single] = shapely.get_num_geometries(rebuilt[single]) == 1
    rebuilt[single] = shapely.get_geometry(rebuilt[single], 0)
    fixed[rows] = rebuilt
    return fixed


def _label(rows: Sequence[Any] | np.ndarray | None, i: int) -> int:
    return int(rows[i]) if rows is not None else i + 1


def repair_geometries(
    geoms: Any, rows: Sequence[Any] | np.ndarray | None = None
) -> tuple[np.ndarray, list[Problem]]:
    """Repaired geometries (None where empty or unrepairable) and one warning per affected feature.

    ``rows`` are the feature numbers used in the warnings (default 1..n).
    """
    arr = as_geometry_array(geoms).copy()
    row_labels = np.asarray(rows) if rows is not None else None
    emptied = empty_mask(arr)
    messages: dict[int, Problem] = {}

    for i in np.flatnonzero(emptied):
        messages[int(i)] = Problem(
            "ไม่มีเรขาคณิต (ว่าง) จะระบุตำแหน่งจากที่อยู่แทน",
            "empty or missing geometry; the feature will be located by its address",
            row=_label(row_labels, int(i)),
            field="geometry",
            severity="warning",
        )
    arr[emptied] = None

    invalid = ~emptied
    invalid[invalid] = ~shapely.is_valid(arr[invalid])
    if invalid.any():
        idx = np.flatnonzero(invalid)
        reasons = shapely.is_valid_reason(arr[idx])
        fixed = shapely.make_valid(arr[idx], method="structure", keep_collapsed=False)
        fixed = keep_dimension(arr[idx], fixed)
        lost = shapely.is_missing(fixed) | shapely.is_empty(fixed)
        fixed[lost] = None
        arr[idx] = fixed
        for i, reason, gone in zip(idx, reasons, lost):
            if gone:
                messages[int(i)] = Problem(
                    f"เรขาคณิตไม่ถูกต้องและซ่อมไม่ได้: {reason} จะระบุตำแหน่งจากที่อยู่แทน",
                    f"invalid geometry could not be repaired: {reason}; "
                    "the feature will be located by its address",
                    row=_label(row_labels, int(i)),
                    field="geometry",
                    severity="warning",
                )
            else:
                messages[int(i)] = Problem(
                    f"เรขาคณิตไม่ถูกต้อง ซ่อมแล้ว: {reason}",
                    f"invalid geometry repaired: {reason}",
                    row=_label(row_labels, int(i)),
                    field="geometry",
                    severity="warning",
                )
    warnings = [messages[i] for i in sorted(messages)]
    return arr, warnings
