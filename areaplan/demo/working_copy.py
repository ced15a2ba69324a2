"""The user's own copy of the demo workspace, so exploring and editing never touches the shipped file."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from areaplan.progress import ProgressCallback

#: The demo as shipped in a source checkout (a wheel has no sample_data: the demo is then built).
BUNDLED_DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo_songkhla.gpkg"
DATA_DIR_VARIABLE = "AREAPLAN_DATA_DIR"


def user_data_dir() -> Path:
    """Where AreaPlan keeps the user's files ($AREAPLAN_DATA_DIR, else the platform's app-data folder)."""
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "AreaPlan"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "AreaPlan"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "areaplan"


def demo_working_copy(*, fresh: bool = False, progress: ProgressCallback | None = None) -> Path:
    """The path of the user's demo workspace: copied from the shipped one (or built) when missing."""
    target = user_data_dir() / "demo_songkhla.gpkg"
    if target.exists() and not fresh:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if BUNDLED_DEMO.exists():
        tmp = target.with_suffix(".copying")
        shutil.copyfile(BUNDLED_DEMO, tmp)
        os.replace(tmp, target)
    else:
        from areaplan.demo.build import build_demo

        build_demo(target, overwrite=True, progress=progress)
    return target
