"""GeoJSON (.geojson, .json), also the older kind with a "crs" member, and Esri JSON."""

from __future__ import annotations

from pathlib import Path

from areaplan.importers import vector
from areaplan.importers.crs import CrsLike
from areaplan.importers.table import RawTable

EXTENSIONS: tuple[str, ...] = (".geojson", ".json")
DESCRIPTION = "GeoJSON"
DRIVERS: tuple[str, ...] = ("GeoJSON", "GeoJSONSeq", "ESRIJSON", "TopoJSON")


def read_layers(path: str | Path) -> list[str]:
    """Names of the layers in the file (one for plain GeoJSON)."""
    p = vector.check_file(path)
    return [name for name, _ in vector.list_layers(str(p), path=p, description=DESCRIPTION)]


def read_table(
    path: str | Path,
    layer: str | None = None,
    *,
    crs: CrsLike | None = None,
    area_of_interest: tuple[float, float, float, float] | None = None,
) -> RawTable:
    """The features as a RawTable in EPSG:4326 (metre coordinates labelled WGS84 are detected)."""
    return vector.read_vector(
        path,
        layer,
        description=DESCRIPTION,
        drivers=DRIVERS,
        crs=crs,
        area_of_interest=area_of_interest,
    )
