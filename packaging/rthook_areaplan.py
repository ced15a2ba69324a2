"""PyInstaller runtime hook: run before AreaPlan in the bundle; set the geospatial environment for offline use.

The bundle carries three builds of GDAL/PROJ (pyogrio's, rasterio's and pyproj's), each with the data of its
own version inside the bundle (pyogrio/gdal_data, rasterio/gdal_data + proj_data, pyproj/proj_dir). Each
library finds its own folder next to its module when GDAL_DATA / PROJ_DATA / PROJ_LIB are unset, so this hook:
- removes those variables when they point outside the bundle (a QGIS or OSGeo4W install on the office
  laptop sets them to data of another version, which makes PROJ fail with "proj.db ... version" errors);
- turns PROJ's network grid download off (PROJ_NETWORK=OFF) and GDAL's HTTP retries to zero: the app
  works offline and never waits for a network.
`areaplan selfcheck` prints the folders each library uses and fails when one lies outside the bundle.
"""

import os
import sys

_BUNDLE = os.path.realpath(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)))
_DATA_VARIABLES = ("GDAL_DATA", "PROJ_DATA", "PROJ_LIB", "GDAL_DRIVER_PATH")


def _inside_bundle(path: str) -> bool:
    """True when every folder of an os.pathsep list lies inside the bundle."""
    parts = [p for p in path.split(os.pathsep) if p]
    try:
        return bool(parts) and all(os.path.commonpath([_BUNDLE, os.path.realpath(p)]) == _BUNDLE for p in parts)
    except ValueError:  # another drive on Windows
        return False


for _name in _DATA_VARIABLES:
    _value = os.environ.get(_name)
    if _value is not None and not _inside_bundle(_value):
        os.environ[f"AREAPLAN_IGNORED_{_name}"] = _value  # kept for `areaplan selfcheck` and support
        del os.environ[_name]

os.environ["PROJ_NETWORK"] = "OFF"
os.environ.setdefault("GDAL_HTTP_MAX_RETRY", "0")
