"""The layering contract: areaplan is Qt-free; ui -> layers -> areaplan (import-linter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_import_areaplan_loads_no_qt():
    code = (
        "import sys, areaplan, areaplan.workspace, areaplan.importers.pipeline, areaplan.locate.address, "
        "areaplan.demo.generate;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'layers', 'ui'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, f"areaplan pulled in Qt or upper layers: {result.stdout}{result.stderr}"


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run([exe, "--config", "pyproject.toml", "--no-cache"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_imports_all_three(tmp_path):
    """Build the wheel, install it into a new venv, import areaplan, layers and ui from there."""
    import site
    import zipfile

    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(tmp_path.glob("areaplan-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for member in ("areaplan/__init__.py", "layers/__init__.py", "ui/__init__.py", "ui/cli.py",
                   "areaplan/workspace/gpkg.py", "areaplan/importers/csv.py"):
        assert member in names, f"{member} missing from {wheel.name}"
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "areaplan = ui.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()

    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    target = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    # dependencies come from this environment's site-packages; AreaPlan itself only from the wheel
    deps = [p for p in site.getsitepackages() if "site-packages" in p]
    Path(target, "_deps.pth").write_text("\n".join(deps) + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    code = ("import areaplan, layers, ui, ui.cli, layers.render;"
            "print(areaplan.__file__); print(layers.__file__); print(ui.__file__)")
    out = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={"PATH": "", "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    for line in out.stdout.split():
        assert line.startswith(target), f"imported from {line}, not from the installed wheel"
