"""Coordinate reference systems of input files: detect, guess when missing, reproject to EPSG:4326.

Agencies deliver WGS84 degrees, UTM 47N/48N on WGS84 (EPSG:32647/32648) or on Indian 1975
(EPSG:24047/24048), often without a ``.prj``. A declared CRS is trusted (unless it cannot hold the
coordinates, e.g. GeoJSON that GDAL labels WGS84 but that holds metres); a missing one is guessed
from the coordinate ranges, and every guess is reported with its remedy.

UTM zone ambiguity: a point near the central meridian of zone 48N (e.g. Ubon Ratchathani, 104.85E)
read as zone 47N lands at the same offset from 99E (98.85E, Tak/Kanchanaburi), which is also in
Thailand. Coordinates alone cannot tell these apart; pass ``area_of_interest`` (the workspace's
province extent) to decide, otherwise zone 47N is assumed and the warning names the alternative.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from areaplan.errors import ImportFormatError, Problem

CrsLike = Union[CRS, str, int, dict[str, Any]]
#: (min lon, min lat, max lon, max lat) used to recognise Thai data.
THAILAND_BOUNDS: tuple[float, float, float, float] = (97.0, 5.0, 106.0, 21.0)
#: Ranges of UTM easting / northing that can hold Thai data.
UTM_X_RANGE: tuple[float, float] = (100_000.0, 900_000.0)
UTM_Y_RANGE: tuple[float, float] = (500_000.0, 2_400_000.0)
WGS84 = CRS.from_epsg(4326)
UTM_ZONES: dict[str, CRS] = {"47N": CRS.from_epsg(32647), "48N": CRS.from_epsg(32648)}
_CENTRAL_MERIDIAN = {"47N": 99.0, "48N": 105.0}
_ZONE_BORDER_LON = 102.0
_INDIAN_1975_EPSG = {4240, 24047, 24048}
#: Margin (degrees) around Thailand before reprojected data is called "outside Thailand".
_OUTSIDE_MARGIN = 1.0


@dataclass(frozen=True)
class CrsDecision:
    """The source CRS chosen for a file, whether it was guessed, and what to tell the user."""

    crs: CRS
    guessed: bool = False
    warnings: tuple[Problem, ...] = field(default_factory=tuple)
    ambiguous: bool = False

    @property
    def label(self) -> str:
        """The CRS as ``EPSG:xxxx`` or its WKT name."""
        return crs_label(self.crs)

    @property
    def warning(self) -> Problem | None:
        """The first warning, or None."""
        return self.warnings[0] if self.warnings else None

    @property
    def is_wgs84(self) -> bool:
        """True when no reprojection is needed."""
        return _same_as_wgs84(self.crs)


def as_crs(value: CrsLike) -> CRS:
    """A pyproj CRS from an EPSG code, ``EPSG:xxxx``, WKT, PROJ string or CRS."""
    if isinstance(value, CRS):
        return value
    return CRS.from_user_input(value)


def crs_label(crs: CrsLike) -> str:
    """``EPSG:xxxx`` when the CRS has an EPSG code, else its WKT name."""
    crs = as_crs(crs)
    auth = crs.to_authority(min_confidence=70)
    if auth is not None and auth[0] == "EPSG":
        return f"EPSG:{auth[1]}"
    return crs.name


def _epsg(crs: CRS) -> int | None:
    auth = crs.to_authority(min_confidence=70)
    if auth is not None and auth[0] == "EPSG":
        return int(auth[1])
    return None


def _same_as_wgs84(crs: CRS) -> bool:
    return _epsg(crs) == 4326 or crs.equals(WGS84, ignore_axis_order=True)


def is_indian_1975(crs: CrsLike) -> bool:
    """True for Indian 1975 (EPSG:4240, 24047, 24048 or a WKT naming Indian_1975)."""
    crs = as_crs(crs)
    if _epsg(crs) in _INDIAN_1975_EPSG:
        return True
    names = [crs.name]
    geodetic = crs.geodetic_crs
    if geodetic is not None:
        names.append(geodetic.name)
        if geodetic.datum is not None:
            names.append(geodetic.datum.name)
    return any("indian 1975" in n.replace("_", " ").lower() for n in names if n)


def _utm_zone(crs: CRS) -> str | None:
    try:
        return crs.utm_zone
    except (CRSError, AttributeError):  # pragma: no cover - older pyproj
        return None


@functools.lru_cache(maxsize=32)
def _transformer(src_wkt: str) -> Transformer:
    return Transformer.from_crs(CRS.from_wkt(src_wkt), WGS84, always_xy=True)


def to_wgs84_xy(x: Any, y: Any, crs: CrsLike) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude arrays (EPSG:4326) from x/y arrays in ``crs``."""
    src = as_crs(crs)
    xs = np.asarray(x, dtype="float64")
    ys = np.asarray(y, dtype="float64")
    if _same_as_wgs84(src):
        return xs.copy(), ys.copy()
    lon, lat = _transformer(src.to_wkt()).transform(xs, ys)
    return np.asarray(lon, dtype="float64"), np.asarray(lat, dtype="float64")


def to_wgs84(gdf: gpd.GeoDataFrame, crs: CrsLike | None = None) -> gpd.GeoDataFrame:
    """The frame reprojected to EPSG:4326 from ``crs`` (default: the frame's own CRS)."""
    src = as_crs(crs) if crs is not None else gdf.crs
    if src is None:
        raise ValueError("to_wgs84 needs a source CRS")
    out = gdf.set_crs(src, allow_override=True)
    if _same_as_wgs84(as_crs(src)):
        return out.set_crs(WGS84, allow_override=True)
    return out.to_crs(WGS84)


# --- guessing -------------------------------------------------------------------------------


def _inside(x: np.ndarray, y: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    minx, miny, maxx, maxy = bounds
    return (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)


def _fmt_bounds(x: np.ndarray, y: np.ndarray) -> str:
    if x.size == 0:
        return "(none)"
    return f"x {x.min():.6g}..{x.max():.6g}, y {y.min():.6g}..{y.max():.6g}"


def _unknown_crs_error(x: np.ndarray, y: np.ndarray, path: str | Path | None) -> ImportFormatError:
    b = _fmt_bounds(x, y)
    return ImportFormatError(
        f"ระบบพิกัดไม่ทราบ ค่าพิกัด {b} ไม่ใช่องศา WGS84 หรือ UTM 47N/48N ในประเทศไทย "
        "เพิ่มไฟล์ .prj หรือระบุ --crs",
        f"unknown coordinate system: bounds {b}; add a .prj or set --crs",
        path=path,
    )


def _no_crs_utm_warning(zone: str, alternative: str | None) -> Problem:
    th = (
        f"ไม่มีข้อมูลระบบพิกัด สันนิษฐานว่าเป็น UTM โซน {zone} (WGS84) — หากเป็น Indian 1975 "
        "ตำแหน่งจะคลาดประมาณ 300 เมตร"
    )
    en = (
        f"no CRS; assumed UTM {zone} WGS84; if the data is Indian 1975 the positions are off "
        "by about 300 m"
    )
    if alternative is not None:
        code = UTM_ZONES[alternative].to_epsg()
        th += (
            f" และค่าพิกัดนี้อาจเป็นโซน {alternative} ก็ได้ หากข้อมูลอยู่อีกฝั่งของประเทศให้ระบุ "
            f"--crs EPSG:{code}"
        )
        en += (
            f"; the coordinates would also fit UTM {alternative}: if the data lies on the other "
            f"side of the country set --crs EPSG:{code}"
        )
    th += " โปรดระบุระบบพิกัดด้วยไฟล์ .prj หรือ --crs"
    en += "; add a .prj or set --crs to be sure"
    return Problem(th, en, severity="warning")


def _choose_utm_zone(
    x: np.ndarray,
    y: np.ndarray,
    area_of_interest: tuple[float, float, float, float] | None,
) -> tuple[str, str | None] | None:
    """The UTM zone that puts every point in Thailand, and the other zone if it fits too."""
    fits: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for zone, crs in UTM_ZONES.items():
        lon, lat = to_wgs84_xy(x, y, crs)
        if bool(np.all(_inside(lon, lat, THAILAND_BOUNDS))):
            fits[zone] = (lon, lat)
    if not fits:
        return None
    if len(fits) == 1:
        return next(iter(fits)), None
    # Both zones put the data inside Thailand's bounds.
    if area_of_interest is not None:
        share = {z: float(np.mean(_inside(lon, lat, area_of_interest))) for z, (lon, lat) in fits.items()}
        if share["47N"] != share["48N"]:
            return max(share, key=share.__getitem__), None
    # Points from 47N east of 102E (or from 48N west of it) lie outside their zone: suspicious.
    suspicious = {
        "47N": float(np.mean(fits["47N"][0] > _ZONE_BORDER_LON)),
        "48N": float(np.mean(fits["48N"][0] < _ZONE_BORDER_LON)),
    }
    if suspicious["48N"] < suspicious["47N"]:
        return "48N", "47N"
    return "47N", "48N"


def guess_crs_xy(
    x: Any,
    y: Any,
    *,
    path: str | Path | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
) -> CrsDecision:
    """Guess the CRS of x/y values with no declared CRS (WGS84 degrees or UTM 47N/48N in Thailand)."""
    xs = np.asarray(x, dtype="float64").ravel()
    ys = np.asarray(y, dtype="float64").ravel()
    ok = np.isfinite(xs) & np.isfinite(ys)
    xs, ys = xs[ok], ys[ok]
    if xs.size == 0:
        return CrsDecision(WGS84, guessed=True)
    if bool(np.all(_inside(xs, ys, THAILAND_BOUNDS))):
        warning = Problem(
            "ไม่มีข้อมูลระบบพิกัด ค่าพิกัดอยู่ในช่วงองศาของประเทศไทย สันนิษฐานว่าเป็น WGS84 (EPSG:4326)",
            "no CRS; the coordinates look like WGS84 degrees inside Thailand; assumed EPSG:4326",
            severity="warning",
        )
        return CrsDecision(WGS84, guessed=True, warnings=(warning,))
    in_utm = _inside(xs, ys, (UTM_X_RANGE[0], UTM_Y_RANGE[0], UTM_X_RANGE[1], UTM_Y_RANGE[1]))
    if bool(np.all(in_utm)):
        choice = _choose_utm_zone(xs, ys, area_of_interest)
        if choice is not None:
            zone, alternative = choice
            return CrsDecision(
                UTM_ZONES[zone],
                guessed=True,
                warnings=(_no_crs_utm_warning(zone, alternative),),
                ambiguous=alternative is not None,
            )
    raise _unknown_crs_error(xs, ys, path)


def _coordinates_of(data: Any) -> tuple[np.ndarray, np.ndarray]:
    """x/y sample points: corners of each geometry's bounds, or of a bounds tuple."""
    if isinstance(data, (gpd.GeoDataFrame, gpd.GeoSeries)):
        b = shapely.bounds(np.asarray(data.geometry.values, dtype=object))
    else:
        arr = np.asarray(data, dtype=object)
        first = arr.flat[0] if arr.size else 0.0
        if arr.dtype == object and (first is None or isinstance(first, shapely.Geometry)):
            b = shapely.bounds(arr)
        else:
            b = np.asarray(data, dtype="float64").reshape(-1, 4)
    b = np.asarray(b, dtype="float64").reshape(-1, 4)
    x = np.concatenate([b[:, 0], b[:, 2]])
    y = np.concatenate([b[:, 1], b[:, 3]])
    return x, y


def _declared_warnings(crs: CRS) -> list[Problem]:
    zone = _utm_zone(crs)
    if is_indian_1975(crs):
        if zone:
            num = zone.rstrip("NS")
            return [
                Problem(
                    f"พิกัดเป็น Indian 1975 UTM โซน {num} แปลงเป็น WGS84 แล้ว",
                    f"Indian 1975 UTM {zone} coordinates were converted to WGS84",
                    severity="warning",
                )
            ]
        return [
            Problem(
                "พิกัดเป็น Indian 1975 แปลงเป็น WGS84 แล้ว",
                "Indian 1975 coordinates were converted to WGS84",
                severity="warning",
            )
        ]
    if _epsg(crs) in (32647, 32648):
        return [
            Problem(
                f"พิกัดเป็น UTM โซน {zone} (WGS84) แปลงเป็นละติจูด/ลองจิจูด WGS84 แล้ว",
                f"UTM {zone} WGS84 coordinates were converted to WGS84 longitude/latitude",
                severity="warning",
            )
        ]
    return []


def detect_crs(
    data: Any,
    declared: CrsLike | None,
    *,
    path: str | Path | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
) -> CrsDecision:
    """Choose the source CRS of geometries or bounds: the declared one, else a guess from ranges."""
    x, y = _coordinates_of(data)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if declared is None:
        return guess_crs_xy(x, y, path=path, area_of_interest=area_of_interest)
    try:
        crs = as_crs(declared)
    except CRSError as exc:
        raise ImportFormatError(
            f"อ่านระบบพิกัดที่ระบุไม่ได้: {declared!s:.80} ระบุ --crs",
            f"cannot understand the declared coordinate system: {exc}; set --crs",
            path=path,
        ) from exc
    if crs.is_geographic and x.size and not bool(np.all(_inside(x, y, (-180, -90, 180, 90)))):
        # e.g. GeoJSON in UTM metres, which GDAL always labels WGS84.
        guess = guess_crs_xy(x, y, path=path, area_of_interest=area_of_interest)
        mismatch = Problem(
            f"ระบบพิกัดที่ระบุ ({crs_label(crs)}) ไม่ตรงกับค่าพิกัด ({_fmt_bounds(x, y)}) "
            f"ใช้ {guess.label} แทน",
            f"the declared CRS {crs_label(crs)} does not fit the coordinates "
            f"({_fmt_bounds(x, y)}); using {guess.label}",
            severity="warning",
        )
        return CrsDecision(guess.crs, True, (mismatch, *guess.warnings), guess.ambiguous)
    warnings = _declared_warnings(crs)
    if x.size:
        try:
            lon, lat = to_wgs84_xy(x, y, crs)
        except Exception as exc:  # pyproj raises several types for impossible transformations
            raise ImportFormatError(
                f"แปลงระบบพิกัด {crs_label(crs)} เป็น WGS84 ไม่ได้ ระบุ --crs",
                f"cannot convert {crs_label(crs)} to WGS84: {exc}; set --crs",
                path=path,
            ) from exc
        finite = np.isfinite(lon) & np.isfinite(lat)
        minx, miny, maxx, maxy = THAILAND_BOUNDS
        near = (minx - _OUTSIDE_MARGIN, miny - _OUTSIDE_MARGIN, maxx + _OUTSIDE_MARGIN, maxy + _OUTSIDE_MARGIN)
        if finite.any() and not bool(np.any(_inside(lon[finite], lat[finite], near))):
            b = _fmt_bounds(lon[finite], lat[finite])
            warnings.append(
                Problem(
                    f"ข้อมูลอยู่นอกประเทศไทย ({b}) ตรวจสอบระบบพิกัด {crs_label(crs)} หรือระบุ --crs",
                    f"the data lies outside Thailand ({b}); check the CRS {crs_label(crs)} or set --crs",
                    severity="warning",
                )
            )
    return CrsDecision(crs, guessed=False, warnings=tuple(warnings))
