"""Shared fixtures: temporary workspaces, the real data folder, the offscreen Qt platform."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's real settings (recent files, window state, language).
os.environ.setdefault("AREAPLAN_SETTINGS_DIR", tempfile.mkdtemp(prefix="areaplan-test-settings-"))
# ... nor the user's data folder (the demo working copy).
os.environ.setdefault("AREAPLAN_DATA_DIR", tempfile.mkdtemp(prefix="areaplan-test-data-"))

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
ARTIFACTS = REPO / "tests" / "_artifacts"


def shared_file(*parts: str) -> Path:
    """A file of ../shared/data, or skip the test with the reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not found at {path} (../shared/data is beside a full checkout only)")
    return path


@pytest.fixture
def workspace(tmp_path):
    """A new empty workspace in a temporary folder."""
    from areaplan.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws.gpkg", title="ทดสอบ")
    yield ws
    ws.close()


@pytest.fixture
def artifacts() -> Path:
    """Folder for screenshots and other outputs a reviewer may look at (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
