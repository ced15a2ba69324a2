"""GeoPackage geometry blobs: encode shapely arrays to GPKG binary and back, vectorised."""

from __future__ import annotations

import struct

import numpy as np
import shapely

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_HEADER_ENV = struct.Struct("<2sBBi4d")
_HEADER_NOENV = struct.Struct("<2sBBi")
_FLAG_LE = 0x01
_FLAG_ENV_XY = 0x02
_FLAG_EMPTY = 0x10


def encode(geoms: np.ndarray | list, srs_id: int = 4326) -> list[bytes | None]:
    """GPKG binary blobs for shapely geometries (None stays None, points carry no envelope)."""
    arr = np.asarray(geoms, dtype=object)
    out: list[bytes | None] = [None] * len(arr)
    if len(arr) == 0:
        return out
    present = ~shapely.is_missing(arr)
    idx = np.flatnonzero(present)
    if idx.size == 0:
        return out
    sub = arr[idx]
    wkb = shapely.to_wkb(sub, byte_order=1, include_srid=False, flavor="iso", output_dimension=2)
    empty = shapely.is_empty(sub)
    is_point = shapely.get_type_id(sub) == 0
    bounds = shapely.bounds(sub)
    pack_env, pack_noenv = _HEADER_ENV.pack, _HEADER_NOENV.pack
    for k, i in enumerate(idx.tolist()):
        if empty[k]:
            out[i] = pack_noenv(b"GP", 0, _FLAG_LE | _FLAG_EMPTY, srs_id) + wkb[k]
        elif is_point[k]:
            out[i] = pack_noenv(b"GP", 0, _FLAG_LE, srs_id) + wkb[k]
        else:
            b = bounds[k]
            out[i] = pack_env(b"GP", 0, _FLAG_LE | _FLAG_ENV_XY, srs_id, b[0], b[2], b[1], b[3]) + wkb[k]
    return out


def decode(blobs: list[bytes | None]) -> np.ndarray:
    """Shapely geometries from GPKG binary blobs (None for NULL)."""
    wkbs: list[bytes | None] = []
    for blob in blobs:
        if blob is None:
            wkbs.append(None)
            continue
        flags = blob[3]
        offset = 8 + _ENVELOPE_BYTES[(flags >> 1) & 0x07]
        wkbs.append(bytes(blob[offset:]))
    return shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="warn")


def envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of one blob, or None when null or empty (for rtree triggers)."""
    if blob is None:
        return None
    flags = blob[3]
    if flags & _FLAG_EMPTY:
        return None
    if (flags >> 1) & 0x07:
        return struct.unpack_from("<4d", blob, 8)
    wkb_type = struct.unpack_from("<I" if blob[8] == 1 else ">I", blob, 9)[0]
    if wkb_type == 1:  # 2D point: x, y follow the 5-byte WKB header
        x, y = struct.unpack_from("<2d" if blob[8] == 1 else ">2d", blob, 13)
        if x != x:  # NaN coordinates encode an empty point
            return None
        return (x, x, y, y)
    g = shapely.from_wkb(bytes(blob[8:]))
    if g.is_empty:
        return None
    minx, miny, maxx, maxy = g.bounds
    return (minx, maxx, miny, maxy)


def is_empty(blob: bytes | None) -> int:
    """1 when the blob is an empty geometry (SQL function ST_IsEmpty for rtree triggers)."""
    if blob is None:
        return 1
    return int(bool(blob[3] & _FLAG_EMPTY)) or int(envelope(blob) is None)
