"""layers/ serves headless printing: it never imports QtWidgets, pyqtgraph or ui (architecture §1)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LAYERS = REPO / "layers"
FORBIDDEN = ("PySide6.QtWidgets", "pyqtgraph", "ui", "PyQt5", "PyQt6")


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, including `from PySide6 import QtWidgets` as PySide6.QtWidgets."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def is_forbidden(module: str) -> bool:
    return any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN)


@pytest.mark.parametrize("path", sorted(LAYERS.glob("*.py")), ids=lambda p: p.name)
def test_layers_module_imports_no_widgets(path):
    bad = [m for m in imported_modules(path) if is_forbidden(m)]
    assert not bad, f"{path.name} imports {bad}"


def test_the_check_catches_widget_imports(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6 import QtWidgets\nimport pyqtgraph as pg\nfrom ui.app import main\n")
    assert [m for m in imported_modules(sample) if is_forbidden(m)] == [
        "PySide6.QtWidgets", "pyqtgraph", "ui.app", "ui.app.main"
    ]


def test_rendering_needs_only_a_qguiapplication(tmp_path):
    """Render a labelled map in a fresh process with QGuiApplication; QtWidgets must never be loaded."""
    script = """
import sys
import geopandas as gpd, shapely
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from layers.model import LabelSettings, LayerList, Style, VectorLayer
from layers.render import MapRenderer
gdf = gpd.GeoDataFrame({"name_th": ["คอหงส์"]}, geometry=[shapely.box(100.4, 6.9, 100.5, 7.0)], crs=4326)
layer = VectorLayer("tambon", "ตำบล", gdf, Style(fill="#ff0000"), labels=LabelSettings("name_th", True))
renderer = MapRenderer(LayerList([layer]))
image = renderer.render_image(renderer.context(300, 300))
assert image.pixelColor(30, 150).name() == "#ff0000", image.pixelColor(30, 150).name()
bad = sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "pyqtgraph")))
assert not bad, bad
print("ok")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
