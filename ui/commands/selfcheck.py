"""`areaplan selfcheck` (hidden): check that PROJ, GDAL and AreaPlan's own data files work in this install.

Made for the standalone bundle (packaging/): it reprojects a point with pyproj and rasterio, writes and reads a
GeoTIFF (rasterio) and a GeoPackage (pyogrio) in EPSG:32647, imports the desktop app's modules and checks the
Sarabun font, the translations, the geothai gazetteer and the demo workspace. It prints the versions and the
data folders each library uses and exits 1 when a check fails. In a bundle every data folder must lie inside
the bundle. `--paint WS` instead opens the app on WS and prints the time of the first map paint.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

#: Bangkok (100.5 E, 13.75 N) in UTM zone 47N (EPSG:32647), metres; PROJ gives this with any recent proj.db.
BANGKOK_LONLAT = (100.5, 13.75)
BANGKOK_UTM47 = (662176.29, 1520582.49)
TOLERANCE_M = 0.5
EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `selfcheck` parser (no help line: it is a diagnostic for support and packaging)."""
    s = subparsers.add_parser("selfcheck", description=__doc__.splitlines()[0])
    s.add_argument("--paint", type=Path, metavar="WS.gpkg",
                   help="แทนการตรวจ: เปิดโปรแกรมบนพื้นที่ทำงานนี้ พิมพ์เวลาที่วาดแผนที่ครั้งแรกแล้วปิด "
                        "(instead of the checks: open the app on WS, print 'painted <epoch s>' at the first "
                        "map paint and quit; start-up timing of the bundle)")
    s.set_defaults(func=cmd_selfcheck)


def bundle_dir() -> Path | None:
    """The folder of a PyInstaller bundle's files when running frozen, else None."""
    return Path(sys._MEIPASS).resolve() if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS") else None


def _version(module: str) -> str:
    """The version of an importable module, or why it is missing."""
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        return f"ไม่มี (missing: {exc})"
    return str(getattr(mod, "__version__", "?"))


def versions() -> list[tuple[str, str]]:
    """(name, version) of AreaPlan, Python, Qt and the geospatial libraries."""
    import pyogrio
    import pyproj
    import rasterio
    import shapely
    from PySide6 import QtCore

    from areaplan import __version__

    return [
        ("AreaPlan", __version__),
        ("Python", sys.version.split()[0]),
        ("PySide6 / Qt", f"{_version('PySide6')} / {QtCore.qVersion()}"),
        ("pyqtgraph", _version("pyqtgraph")),
        ("pyproj / PROJ", f"{pyproj.__version__} / {pyproj.proj_version_str}"),
        ("rasterio / GDAL / PROJ", f"{rasterio.__version__} / {rasterio.__gdal_version__} / "
                                   f"{getattr(rasterio, '__proj_version__', '?')}"),
        ("pyogrio / GDAL", f"{pyogrio.__version__} / {pyogrio.__gdal_version_string__}"),
        ("shapely / GEOS", f"{shapely.__version__} / {shapely.geos_version_string}"),
        ("geopandas", _version("geopandas")),
        ("numpy", _version("numpy")),
        ("exactextract", _version("exactextract")),
    ]  # fmt: skip


def data_paths() -> list[tuple[str, str, str]]:
    """(what, folder, marker file) of the GDAL and PROJ data each library uses."""
    import pyogrio
    import pyproj.datadir
    import rasterio
    from rasterio._env import get_gdal_config, get_proj_data_search_paths

    with rasterio.Env():  # rasterio sets its GDAL_DATA and PROJ search path inside an Env (and on import)
        rasterio_gdal = get_gdal_config("GDAL_DATA") or ""
        rasterio_proj = get_proj_data_search_paths()
    return [
        ("PROJ data (pyproj)", pyproj.datadir.get_data_dir(), "proj.db"),
        ("GDAL data (rasterio)", rasterio_gdal, "gdalvrt.xsd"),
        ("PROJ data (rasterio)", rasterio_proj[0] if rasterio_proj else "", "proj.db"),
        ("GDAL data (pyogrio)", pyogrio.get_gdal_data_path() or "", "gdalvrt.xsd"),
    ]


def _check_paths() -> str:
    """Every data folder exists, holds its marker file and (in a bundle) lies inside the bundle."""
    inside = bundle_dir()
    bad = []
    for what, folder, marker in data_paths():
        path = Path(folder) if folder else None
        if path is None or not (path / marker).is_file():
            bad.append(f"{what}: ไม่พบ {marker} (no {marker} in {folder!r})")
        elif inside is not None and not path.resolve().is_relative_to(inside):
            bad.append(f"{what}: {folder} อยู่นอกโปรแกรม (outside the bundle {inside})")
    if bad:
        raise AssertionError("; ".join(bad))
    return "every library finds its own GDAL/PROJ data" + (" inside the bundle" if inside else "")


def _near_bangkok(x: float, y: float) -> str:
    """Raise unless (x, y) is Bangkok in UTM 47N; return it formatted."""
    ex, ey = BANGKOK_UTM47
    if abs(x - ex) > TOLERANCE_M or abs(y - ey) > TOLERANCE_M:
        raise AssertionError(f"got E {x:.2f} N {y:.2f}, expected E {ex:.2f} N {ey:.2f}")
    return f"(100.5°E, 13.75°N) → E {x:.2f} N {y:.2f}"


def _check_pyproj() -> str:
    """pyproj reprojects EPSG:4326 → EPSG:32647."""
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:32647", always_xy=True).transform(*BANGKOK_LONLAT)
    return _near_bangkok(x, y)


def _check_rasterio_warp() -> str:
    """rasterio (its own GDAL and PROJ) reprojects EPSG:4326 → EPSG:32647."""
    from rasterio.warp import transform

    xs, ys = transform("EPSG:4326", "EPSG:32647", [BANGKOK_LONLAT[0]], [BANGKOK_LONLAT[1]])
    return _near_bangkok(xs[0], ys[0])


def _check_geotiff(folder: Path) -> str:
    """rasterio writes a small GeoTIFF in EPSG:32647 and reads back the same values and CRS."""
    import numpy as np
    import rasterio
    from affine import Affine

    path = folder / "selfcheck.tif"
    data = np.arange(20, dtype="float32").reshape(4, 5) / 4
    profile = {"driver": "GTiff", "width": 5, "height": 4, "count": 1, "dtype": "float32", "crs": "EPSG:32647",
               "transform": Affine(250, 0, 662000, 0, -250, 1521000), "compress": "deflate"}
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    with rasterio.open(path) as src:
        back, epsg = src.read(1), src.crs.to_epsg()
    if epsg != 32647 or not np.array_equal(back, data):
        raise AssertionError(f"read back EPSG:{epsg} and {back.tolist()}")
    return f"wrote and read {path.name} (5×4, EPSG:{epsg})"


def _check_geopackage(folder: Path) -> str:
    """pyogrio writes a GeoPackage layer in EPSG:32647 and reads back its CRS and Thai text."""
    import geopandas as gpd
    import pyogrio
    from shapely.geometry import Point

    path = folder / "selfcheck.gpkg"
    gdf = gpd.GeoDataFrame({"name": ["กรุงเทพมหานคร"]}, geometry=[Point(*BANGKOK_LONLAT)], crs=4326).to_crs(32647)
    pyogrio.write_dataframe(gdf, path, layer="check")
    crs = pyogrio.read_info(path, layer="check")["crs"]
    back = pyogrio.read_dataframe(path, layer="check")
    if crs != "EPSG:32647" or back["name"].tolist() != ["กรุงเทพมหานคร"]:
        raise AssertionError(f"read back {crs} and {back['name'].tolist()}")
    return f"wrote and read {path.name} ({crs})"


def _check_font() -> str:
    """The Sarabun TTF files ship with AreaPlan."""
    from layers.fonts import sarabun_files

    files = sarabun_files()
    if not files:
        raise AssertionError("no Sarabun *.ttf found")
    return f"{len(files)} Sarabun files in {files[0].parent}"


def _check_translations() -> str:
    """The English translation of the UI ships with AreaPlan."""
    from ui.i18n import translation_file

    qm = translation_file("en")
    if qm is None or not qm.is_file():
        raise AssertionError(f"missing {qm}")
    return str(qm)


def _check_desktop() -> str:
    """Every module of the desktop app imports (the window's features, pyqtgraph and the Qt modules it needs)."""
    from ui.extensions import INSTALLERS

    modules = ["ui.app", *(spec.split(":")[0] for spec in INSTALLERS)]
    for name in modules:
        importlib.import_module(name)
    return f"{len(modules)} modules (ui.app and every window feature)"


def _check_gazetteer() -> str:
    """geothai reads its province list (package data)."""
    import geothai

    n = len(geothai.provinces())
    if n != 77:
        raise AssertionError(f"{n} provinces, expected 77")
    return f"{n} provinces"


def _check_demo() -> str:
    """The demo workspace ships (bundle, source checkout) or will be built on first use (wheel)."""
    from areaplan.demo.working_copy import BUNDLED_DEMO

    if BUNDLED_DEMO.is_file():
        return str(BUNDLED_DEMO)
    if bundle_dir() is not None:
        raise AssertionError(f"missing {BUNDLED_DEMO}")
    return "not shipped here; `areaplan gui --demo` builds it on first use"


def _check_workers() -> str:
    """A worker process starts the way the analyses start theirs (spawned; frozen apps need freeze_support)."""
    import os

    from areaplan.analyses.flood_exposure import _zonal_pool

    pool = _zonal_pool()
    if pool is None:
        return "one core here: the analyses run in this process"
    pid = pool.submit(os.getpid).result(timeout=120)
    if pid == os.getpid():
        raise AssertionError("the job ran in this process, not in a worker")
    return f"worker process {pid} answered"


def run_checks(folder: Path) -> list[tuple[str, bool, str]]:
    """Run every check; (name, passed, detail) in order."""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("data folders", _check_paths),
        ("reproject (pyproj)", _check_pyproj),
        ("reproject (rasterio)", _check_rasterio_warp),
        ("GeoTIFF (rasterio)", lambda: _check_geotiff(folder)),
        ("GeoPackage (pyogrio)", lambda: _check_geopackage(folder)),
        ("Sarabun font", _check_font),
        ("translations", _check_translations),
        ("desktop modules", _check_desktop),
        ("gazetteer (geothai)", _check_gazetteer),
        ("demo workspace", _check_demo),
        ("worker processes", _check_workers),
    ]
    results = []
    for name, check in checks:
        try:
            results.append((name, True, check()))
        except Exception as exc:  # a diagnostic reports every failure and goes on
            results.append((name, False, f"{type(exc).__name__}: {exc}"))
    return results


def cmd_selfcheck(args: argparse.Namespace) -> int:
    """Print versions, data folders and the result of every check; 0 when all pass, 1 otherwise."""
    if getattr(args, "paint", None) is not None:
        from ui.app import main as gui_main

        return gui_main([], workspace=args.paint, quit_when_painted=True)
    print("ตรวจความพร้อมของโปรแกรม (AreaPlan self-check)")
    where = bundle_dir()
    print(f"  {'bundle' if where else 'install'}: {where or Path(__file__).resolve().parents[2]}")
    for name, version in versions():
        print(f"  {name}: {version}")
    for what, folder, _marker in data_paths():
        print(f"  {what}: {folder}")
    for variable in ("GDAL_DATA", "PROJ_DATA", "PROJ_LIB", "PROJ_NETWORK"):
        print(f"  ${variable}: {os.environ.get(variable, '(unset)')}")
        if os.environ.get(f"AREAPLAN_IGNORED_{variable}"):  # set by the bundle's start-up (packaging/)
            print(f"    ไม่ใช้ค่าจากเครื่อง (ignored the machine's value): {os.environ[f'AREAPLAN_IGNORED_{variable}']}")
    with tempfile.TemporaryDirectory(prefix="areaplan-selfcheck-") as tmp:
        results = run_checks(Path(tmp))
    for name, passed, detail in results:
        print(f"{'ผ่าน' if passed else 'ไม่ผ่าน'} ({'ok' if passed else 'FAILED'}) {name}: {detail}")
    failed = [name for name, passed, _ in results if not passed]
    if failed:
        print(f"ไม่ผ่าน {len(failed)} รายการ ({len(failed)} checks failed: {', '.join(failed)})", file=sys.stderr)
        return EXIT_FAILED
    print(f"ผ่านทั้งหมด {len(results)} รายการ (all {len(results)} checks passed)")
    return 0
