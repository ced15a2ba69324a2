"""CRS detection, guessing and reprojection (areaplan.importers.crs)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from pyproj import CRS, Geod, Transformer
from shapely import Point

from areaplan.errors import ImportFormatError
from areaplan.importers.crs import (
    CrsDecision,
    crs_label,
    detect_crs,
    guess_crs_xy,
    is_indian_1975,
    to_wgs84,
    to_wgs84_xy,
)

SONGKHLA = (100.47, 7.0)
UBON = (104.85, 15.23)
UBON_PROVINCE = (104.3, 14.3, 105.7, 16.1)
GEOD = Geod(ellps="WGS84")


def project(lon: float, lat: float, epsg: int) -> tuple[float, float]:
    t = Transformer.from_crs(4326, epsg, always_xy=True)
    x, y = t.transform(lon, lat)
    return float(x), float(y)


def metres_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    return abs(GEOD.inv(a[0], a[1], b[0], b[1])[2])


def test_degrees_inside_thailand_are_assumed_wgs84():
    d = guess_crs_xy([100.47, 104.85], [7.0, 15.23])
    assert isinstance(d, CrsDecision)
    assert d.label == "EPSG:4326" and d.guessed and d.is_wgs84
    assert "assumed EPSG:4326" in d.warning.en
    assert d.warning.severity == "warning"


def test_utm47_songkhla_without_crs_is_guessed_as_47n():
    x, y = project(*SONGKHLA, 32647)
    d = guess_crs_xy([x], [y])
    assert d.label == "EPSG:32647"
    assert not d.ambiguous  # as 48N the point would be at 106.5E, outside Thailand
    assert "assumed UTM 47N WGS84" in d.warning.en
    assert "Indian 1975" in d.warning.en and "300 m" in d.warning.en
    assert "สันนิษฐานว่าเป็น UTM โซน 47N (WGS84)" in d.warning.th
    lon, lat = to_wgs84_xy([x], [y], d.crs)
    assert metres_apart((lon[0], lat[0]), SONGKHLA) < 1.0


def test_utm48_ubon_without_crs_uses_area_of_interest():
    x, y = project(*UBON, 32648)
    d = guess_crs_xy([x], [y], area_of_interest=UBON_PROVINCE)
    assert d.label == "EPSG:32648"
    assert not d.ambiguous
    lon, lat = to_wgs84_xy([x], [y], d.crs)
    assert metres_apart((lon[0], lat[0]), UBON) < 1.0


def test_utm48_ubon_without_crs_or_hint_is_ambiguous_and_says_so():
    # As 47N the same numbers are 98.85E 15.23N (Tak/Kanchanaburi), also in Thailand: the
    # coordinates alone cannot decide, so 47N is assumed and the warning names 48N.
    x, y = project(*UBON, 32648)
    d = guess_crs_xy([x], [y])
    assert d.ambiguous
    assert d.label == "EPSG:32647"
    assert "UTM 48N" in d.warning.en and "EPSG:32648" in d.warning.en


def test_utm47_points_east_of_102_are_suspicious_so_48n_is_chosen():
    # Data from zone 48N just east of 102E: as 47N it lands beyond 102E (outside zone 47).
    pts = [(102.3, 14.0), (103.0, 14.5)]
    xy = [project(lon, lat, 32648) for lon, lat in pts]
    d = guess_crs_xy([p[0] for p in xy], [p[1] for p in xy])
    assert d.label == "EPSG:32648"


def test_unknown_coordinates_raise_naming_the_file():
    with pytest.raises(ImportFormatError, match=r"data\.shp.*unknown coordinate system: bounds.*set --crs"):
        guess_crs_xy([5_000_000.0], [12.0], path="/tmp/data.shp")
    with pytest.raises(ImportFormatError, match=r"ระบบพิกัดไม่ทราบ"):
        guess_crs_xy([2.35], [48.85], path="paris.geojson")  # degrees, but not in Thailand


def test_no_coordinates_means_nothing_to_guess():
    d = guess_crs_xy([np.nan], [np.nan])
    assert d.label == "EPSG:4326" and d.warning is None


def test_declared_utm_is_noted():
    x, y = project(*SONGKHLA, 32647)
    gdf = gpd.GeoDataFrame(geometry=[Point(x, y)], crs=32647)
    d = detect_crs(gdf, "EPSG:32647")
    assert d.label == "EPSG:32647" and not d.guessed
    assert "UTM 47N WGS84 coordinates were converted" in d.warning.en


def test_declared_wgs84_has_no_warning():
    d = detect_crs((100.0, 7.0, 100.5, 7.5), 4326)
    assert d.label == "EPSG:4326" and d.warnings == ()


@pytest.mark.parametrize("declared", ["EPSG:24047", CRS(24047).to_wkt("WKT1_ESRI")])
def test_declared_indian_1975_is_converted_and_warned(declared):
    x, y = project(*SONGKHLA, 24047)
    d = detect_crs([Point(x, y)], declared)
    assert is_indian_1975(d.crs)
    assert "Indian 1975 UTM 47N coordinates were converted to WGS84" in d.warning.en
    assert "พิกัดเป็น Indian 1975 UTM โซน 47 แปลงเป็น WGS84 แล้ว" in d.warning.th
    lon, lat = to_wgs84_xy([x], [y], d.crs)
    assert metres_apart((lon[0], lat[0]), SONGKHLA) < 1.0
    # Read as WGS84 UTM instead, the same numbers are a few hundred metres off.
    lon2, lat2 = to_wgs84_xy([x], [y], 32647)
    assert 100 < metres_apart((lon2[0], lat2[0]), SONGKHLA) < 1000


def test_is_indian_1975_by_wkt_name():
    wkt = CRS(24048).to_wkt("WKT1_ESRI")
    assert "Indian_1975" in wkt
    assert is_indian_1975(wkt)
    assert not is_indian_1975(32648)


def test_declared_geographic_but_metres_is_overruled():
    x, y = project(*SONGKHLA, 32647)
    d = detect_crs([Point(x, y)], "EPSG:4326")
    assert d.label == "EPSG:32647" and d.guessed
    assert "does not fit the coordinates" in d.warnings[0].en


def test_declared_crs_putting_data_outside_thailand_is_warned():
    x, y = project(*SONGKHLA, 32647)
    d = detect_crs([Point(x, y)], 32630)  # a zone far away
    assert any("outside Thailand" in w.en for w in d.warnings)


def test_undecodable_declared_crs_raises():
    with pytest.raises(ImportFormatError, match=r"x\.shp.*cannot understand the declared coordinate system"):
        detect_crs((0, 0, 1, 1), "not a crs", path="x.shp")


def test_to_wgs84_reprojects_vectorised():
    pts = [project(*SONGKHLA, 32647), project(100.0, 7.5, 32647)]
    gdf = gpd.GeoDataFrame({"a": [1, 2]}, geometry=[Point(p) for p in pts])
    out = to_wgs84(gdf, "EPSG:32647")
    assert out.crs.to_epsg() == 4326
    assert metres_apart((out.geometry.x.iloc[0], out.geometry.y.iloc[0]), SONGKHLA) < 1.0
    assert crs_label(out.crs) == "EPSG:4326"
