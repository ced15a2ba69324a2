"""Fixtures for the desktop tests: a small Songkhla-like workspace and the main window on it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from pathlib import Path  # noqa: E402

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402

WS_TITLE = "จังหวัดทดสอบ (ข้อมูลทดสอบ)"
#: 4 x 3 tambons of 0.1 degree around Hat Yai (lon 100.3-100.7, lat 6.9-7.2); one amphoe per column.
ORIGIN = (100.3, 6.9)
CELL = 0.1
COLS, ROWS = 4, 3
TAMBON_NAMES = [
    "คอหงส์", "คลองแห", "คลองอู่ตะเภา", "ควนลัง",
    "คูเต่า", "ทุ่งตำเสา", "ท่าข้าม", "น้ำน้อย",
    "บ้านพรุ", "พะตง", "หาดใหญ่", "ฉลุง",
]  # fmt: skip
CHANNELS = ["province", "cluster", "function", "local", "community", "other"]


def tambon_box(i: int) -> tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) in degrees of the i-th synthetic tambon (row-major from the south-west)."""
    col, row = i % COLS, i // COLS
    x0, y0 = ORIGIN[0] + col * CELL, ORIGIN[1] + row * CELL
    return (x0, y0, x0 + CELL, y0 + CELL)


def layer_frames() -> dict[str, gpd.GeoDataFrame]:
    """Boundary, project and hazard layers in the workspace schema (EPSG:4326)."""
    n = COLS * ROWS
    boxes = [shapely.box(*tambon_box(i)) for i in range(n)]
    amphoe_codes = [f"90{11 + col}" for col in range(COLS)]
    amphoe_of = [amphoe_codes[i % COLS] for i in range(n)]
    tambon = gpd.GeoDataFrame(
        {
            "code": [f"{a}{i + 1:02d}" for i, a in enumerate(amphoe_of)],
            "name_th": TAMBON_NAMES,
            "name_en": [f"Tambon {i + 1}" for i in range(n)],
            "parent_code": amphoe_of,
        },
        geometry=[shapely.MultiPolygon([b]) for b in boxes],
        crs="EPSG:4326",
    )
    amphoe = gpd.GeoDataFrame(
        {"code": amphoe_codes, "name_th": ["หาดใหญ่", "นาหม่อม", "บางกล่ำ", "คลองหอยโข่ง"],
         "name_en": ["Hat Yai", "Na Mom", "Bang Klam", "Khlong Hoi Khong"], "parent_code": "90"},
        geometry=[
            shapely.MultiPolygon([shapely.box(x0, ORIGIN[1], x0 + CELL, ORIGIN[1] + ROWS * CELL)])
            for x0 in (ORIGIN[0] + col * CELL for col in range(COLS))
        ],
        crs="EPSG:4326",
    )  # fmt: skip
    changwat = gpd.GeoDataFrame(
        {"code": ["90"], "name_th": ["สงขลา"], "name_en": ["Songkhla"], "parent_code": [None]},
        geometry=[shapely.MultiPolygon([shapely.box(*ORIGIN, ORIGIN[0] + COLS * CELL, ORIGIN[1] + ROWS * CELL)])],
        crs="EPSG:4326",
    )
    # one project near the north-east corner of every tambon (the label anchor is the centre)
    points = [shapely.Point(b[2] - 0.02, b[3] - 0.02) for b in map(tambon_box, range(n))]
    projects = gpd.GeoDataFrame(
        {
            "project_id": [f"P-{i:03d}" for i in range(n)],
            "title": [f"ก่อสร้างถนน คสล. ตำบล{name}" for name in TAMBON_NAMES],
            "channel": [CHANNELS[i % len(CHANNELS)] for i in range(n)],
            "agency": "อบต.",
            "fiscal_year": 2568,
            "budget": np.linspace(1e5, 5e6, n),
            "agenda": "transport",
            "status": "proposed",
            "tambon_code": tambon["code"],
            "location_precision": "point",
            "source": "test.csv",
        },
        geometry=points,
        crs="EPSG:4326",
    )
    hazard = gpd.GeoDataFrame(
        {"hazard": ["flood"], "class": ["high"], "class_label": ["สูง"]},
        geometry=[shapely.Point(100.65, 7.15).buffer(0.03)],
        crs="EPSG:4326",
    )
    return {"changwat": changwat, "amphoe": amphoe, "tambon": tambon, "projects": projects, "hazard_zones": hazard}


class FrameWorkspace:
    """A workspace-like object over GeoDataFrames (used only when areaplan.workspace is missing)."""

    def __init__(self, frames: dict[str, gpd.GeoDataFrame], title: str) -> None:
        self.frames = frames
        self.path = Path("memory.gpkg")
        self._meta = {"title": title, "schema_version": "1", "areaplan_version": "test"}

    def layer_names(self) -> list[str]:
        return [name for name, frame in self.frames.items() if len(frame)]

    def read_layer(self, name: str) -> gpd.GeoDataFrame:
        return self.frames[name].copy()

    def metadata(self) -> dict[str, str]:
        return dict(self._meta)

    def rasters(self) -> list[dict]:
        return []

    def close(self) -> None:
        pass


@pytest.fixture
def map_source(tmp_path: Path) -> Path | FrameWorkspace:
    """The synthetic layers as a real workspace file (or a FrameWorkspace without areaplan.workspace)."""
    try:
        from areaplan.workspace import Workspace
    except ImportError:
        return FrameWorkspace(layer_frames(), WS_TITLE)
    path = tmp_path / "map.gpkg"
    with Workspace.create(path, title=WS_TITLE) as ws:
        for name, frame in layer_frames().items():
            ws.write_layer(name, frame)
    return path


@pytest.fixture
def main_window(qtbot, map_source: Path | FrameWorkspace):
    """The main window (Sarabun as application font) showing the synthetic workspace, settled."""
    from ui.app import create_application
    from ui.main_window import MainWindow

    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    if isinstance(map_source, Path):
        window.open_workspace(map_source)
    else:
        window.set_workspace(map_source)
    window.canvas.settle()
    yield window
    window.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A copy of the demo workspace (tests write to it; the shipped file is never opened)."""
    import shutil

    from ui.main_window import DEMO_WORKSPACE

    if not DEMO_WORKSPACE.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg not built")
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO_WORKSPACE, path)
    return path


@pytest.fixture
def demo_main_window(qtbot, demo_path: Path, monkeypatch):
    """The real main window, shown at 1200×800, on a copy of the demo; session edits are kept on close."""
    from ui import main_window as main_window_module
    from ui.app import create_application

    monkeypatch.setattr(main_window_module, "ask_session_edits", lambda *_a: main_window_module.KEEP)
    create_application()
    window = main_window_module.MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_workspace(demo_path)
    yield window
    window.close()
