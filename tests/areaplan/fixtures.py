"""Small synthetic boundaries with real Songkhla names and codes, for import tests."""

from __future__ import annotations

import geopandas as gpd
import shapely

# Two tambons of Hat Yai side by side: คอหงส์ (901104) west, คลองแห (901105) east.
KHO_HONG = shapely.box(100.40, 6.95, 100.50, 7.05)
KHLONG_HAE = shapely.box(100.50, 6.95, 100.60, 7.05)
KHO_HONG_POINT = (100.45, 7.00)
KHLONG_HAE_POINT = (100.55, 7.00)


def boundary_frames() -> dict[str, gpd.GeoDataFrame]:
    """changwat/amphoe/tambon/muban frames in the workspace schema."""
    def frame(rows, geoms):
        return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")

    both = shapely.union(KHO_HONG, KHLONG_HAE)
    return {
        "changwat": frame([{"code": "90", "name_th": "สงขลา", "name_en": "Songkhla", "parent_code": None}],
                          [shapely.MultiPolygon([both])]),
        "amphoe": frame([{"code": "9011", "name_th": "หาดใหญ่", "name_en": "Hat Yai", "parent_code": "90"}],
                        [shapely.MultiPolygon([both])]),
        "tambon": frame(
            [{"code": "901104", "name_th": "คอหงส์", "name_en": "Kho Hong", "parent_code": "9011"},
             {"code": "901105", "name_th": "คลองแห", "name_en": "Khlong Hae", "parent_code": "9011"}],
            [shapely.MultiPolygon([KHO_HONG]), shapely.MultiPolygon([KHLONG_HAE])],
        ),
        "muban": frame(
            [{"code": "90110403", "name_th": "บ้านควน", "parent_code": "901104", "village_no": 3}],
            [shapely.Point(100.43, 6.98)],
        ),
    }


def fill(ws) -> None:
    """Write the synthetic boundaries into a workspace."""
    for level, frame in boundary_frames().items():
        ws.write_layer(level, frame)
