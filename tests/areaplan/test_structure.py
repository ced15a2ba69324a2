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
def test_wheel_ships_all_three_packages(tmp_path):
    """Build the wheel and list it: areaplan, layers and ui must all be inside."""
    import zipfile

    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("areaplan-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for package in ("areaplan/__init__.py", "layers/__init__.py", "ui/__init__.py", "ui/cli.py",
                    "areaplan/workspace/gpkg.py"):
        assert package in names, f"{package} missing from {wheel.name}"
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "areaplan = ui.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
