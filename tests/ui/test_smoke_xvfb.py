"""A real X11 window (xcb platform, not offscreen) on a virtual screen: the app starts and paints the demo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt-get install xvfb xauth)")
def test_app_starts_in_a_real_window_under_xvfb(tmp_path, artifacts):
    shot = artifacts / "xvfb_demo.png"
    shot.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, "-m", "ui.cli", "gui", str(DEMO),
         "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 20, "the window shows a map, not a blank surface"
