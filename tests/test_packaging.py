"""The standalone bundle's sources (packaging/): fast checks only; the real build is `packaging/build` and
`packaging/smoke_test` (minutes of CPU), run by `.ci/run` after the test suite and before a release."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "areaplan.spec"


def spec_functions() -> dict:
    """The helper functions defined in the spec, executed without PyInstaller (ROOT = this checkout)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    lists = {"QT_EXCLUDES", "PY_EXCLUDES"}
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.Import, ast.ImportFrom))
            and not (isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("PyInstaller"))
            or isinstance(n, ast.Assign) and {getattr(t, "id", "") for t in n.targets} & lists]
    namespace = {"ROOT": REPO, "PROJECT_PACKAGES": ("areaplan", "layers", "ui")}
    exec(compile(ast.Module(body=defs, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def test_spec_has_no_platform_paths():
    code = "\n".join(line.split("#")[0] for line in SPEC.read_text(encoding="utf-8").splitlines())
    compile(code, str(SPEC), "exec")  # valid Python
    strings = [n.value for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    absolute = [s for s in strings if re.match(r"^(/(usr|lib|lib64|opt|home|root|tmp|work|etc)\b|[A-Za-z]:\\)", s)]
    assert absolute == [], "the spec must find files from SPECPATH or the packages, not fixed paths"
    assert not any("site-packages" in s or ".venv" in s or ".so" in s.split("/")[-1] for s in strings)


def test_spec_collects_every_plugged_command_and_feature():
    from ui.commands import COMMANDS
    from ui.extensions import INSTALLERS

    found = spec_functions()["plugged_modules"]()
    assert found == [*COMMANDS, *(spec.split(":")[0] for spec in INSTALLERS)]
    assert "ui.commands.selfcheck" in found


def test_spec_leaves_out_unused_qt_but_nothing_areaplan_imports():
    fns = spec_functions()
    imported = fns["imported_modules"]()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "pyogrio", "rasterio"} <= imported
    assert fns["needed_modules"]() & set(fns["QT_EXCLUDES"] + fns["PY_EXCLUDES"]) == set()
    assert {"scipy", "sklearn"} <= fns["needed_modules"]()  # mapclassify's dependencies count too
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtMultimedia", "PySide6.QtQuick"} <= set(
        fns["QT_EXCLUDES"])


def test_spec_version_is_the_package_version():
    from areaplan import __version__

    assert spec_functions()["project_version"]() == __version__


def test_spec_bundles_font_gazetteer_and_web_map_assets():
    fns = spec_functions()
    packages = fns["data_packages"]()
    assert {"fontpkg_sarabun", "geothai", "pyogrio", "rasterio"} <= set(packages)
    sources = "\n".join(p.read_text(encoding="utf-8") for p in fns["project_sources"]())
    for asset_package in set(re.findall(r"\b(xstatic\.pkg\.\w+)", sources)):  # Leaflet & co. of the web map
        assert asset_package in packages
    datas = {Path(src).relative_to(REPO).as_posix(): dest for src, dest in fns["project_datas"]()}
    assert datas.get("ui/i18n/areaplan_en.qm") == str(Path("ui/i18n"))
    assert not any(name.endswith((".py", ".ts")) for name in datas)


@pytest.mark.parametrize("name", ["build", "smoke_test", "install-menu-entry.sh"])
def test_scripts_are_executable_and_parse(name):
    script = PACKAGING / name
    assert script.is_file() and os.access(script, os.X_OK), f"{script} must exist and be executable"
    shell = "bash" if script.read_text().startswith("#!/usr/bin/env bash") else "sh"
    assert subprocess.run([shutil.which(shell) or shell, "-n", str(script)]).returncode == 0


def test_windows_build_script_uses_the_same_spec():
    ps1 = (PACKAGING / "build.ps1").read_text(encoding="utf-8")
    assert "areaplan.spec" in ps1 and "PyInstaller" in ps1


def test_icon_is_drawn_reproducibly(tmp_path, qapp):  # qapp: a QApplication (a QGuiApplication breaks later widget tests)
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(PACKAGING))
    try:
        import make_icon
    finally:
        sys.path.remove(str(PACKAGING))
    png, ico = make_icon.write_icons(tmp_path)
    shipped = QImage(str(PACKAGING / "icons" / "areaplan.png"))
    drawn = QImage(str(png))
    assert shipped.size().width() == shipped.size().height() == 256
    assert drawn.size() == shipped.size()
    assert QImage(str(PACKAGING / "icons" / "areaplan.ico")).width() == 256 and ico.stat().st_size > 0
    diff = sum(abs(a - b) for y in range(0, 256, 8) for x in range(0, 256, 8)
               for a, b in zip(drawn.pixelColor(x, y).getRgb(), shipped.pixelColor(x, y).getRgb()))
    assert diff / (32 * 32 * 4) < 2, "packaging/icons/areaplan.png is not what make_icon.py draws: rerun it"


def run_hook(env: dict[str, str], bundle: Path) -> dict[str, str]:
    """Run the runtime hook as a frozen program would (sys._MEIPASS set); return the environment after it."""
    code = (
        "import json, os, runpy, sys; sys.frozen = True; sys._MEIPASS = sys.argv[1]; "
        "runpy.run_path(sys.argv[2]); print(json.dumps(dict(os.environ)))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(bundle), str(PACKAGING / "rthook_areaplan.py")],
                         env={"PATH": os.environ.get("PATH", ""), **env}, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_runtime_hook_ignores_a_foreign_gdal_and_proj_and_goes_offline(tmp_path):
    bundle = tmp_path / "AreaPlan" / "_internal"
    (bundle / "rasterio" / "gdal_data").mkdir(parents=True)
    env = run_hook({"GDAL_DATA": "/opt/qgis/share/gdal", "PROJ_LIB": str(tmp_path / "qgis" / "proj"),
                    "PROJ_DATA": str(bundle / "rasterio" / "gdal_data")}, bundle)
    assert "GDAL_DATA" not in env and "PROJ_LIB" not in env  # another install's data: dropped
    assert env["AREAPLAN_IGNORED_GDAL_DATA"] == "/opt/qgis/share/gdal"
    assert env["PROJ_DATA"] == str(bundle / "rasterio" / "gdal_data")  # inside the bundle: kept
    assert env["PROJ_NETWORK"] == "OFF"


def test_selfcheck_passes_here_and_names_the_data_folders(capsys):
    from ui.cli import main

    assert main(["selfcheck"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"all \d+ checks passed", out)
    assert "reproject (pyproj): (100.5°E, 13.75°N) → E 662176.29 N 1520582.49" in out
    assert "GeoTIFF (rasterio): wrote and read selfcheck.tif (5×4, EPSG:32647)" in out
    for line in ("PROJ data (pyproj):", "GDAL data (rasterio):", "PROJ data (rasterio):", "GDAL data (pyogrio):"):
        assert line in out
    assert re.search(r"worker processes: (worker process \d+ answered|one core here)", out)


def test_selfcheck_fails_loudly(monkeypatch, capsys):
    from ui.cli import main
    from ui.commands import selfcheck

    monkeypatch.setattr(selfcheck, "BANGKOK_UTM47", (500000.0, 0.0))  # what a broken PROJ might answer
    assert main(["selfcheck"]) == selfcheck.EXIT_FAILED
    captured = capsys.readouterr()
    assert "ไม่ผ่าน (FAILED) reproject (pyproj): AssertionError: got E 662176.29" in captured.out
    assert "checks failed: reproject (pyproj), reproject (rasterio)" in captured.err


def test_pyinstaller_is_a_separate_extra():
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(r.lower().startswith("pyinstaller") for r in extras["package"])
    assert not any(r.lower().startswith("pyinstaller") for r in extras["dev"])  # CI does not install it
