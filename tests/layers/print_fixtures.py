"""Shared helpers of the print tests: a copy of the demo workspace read once, pdftotext/pdffonts wrappers."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"
#: The date every test prints ("จัดทำเมื่อ 22 พฤศจิกายน 2569").
PRINT_DATE = "2026-11-22"
#: The 16 amphoe of the demo province in DOPA code order.
DEMO_AMPHOE = [
    "เมืองสงขลา", "สทิงพระ", "จะนะ", "นาทวี", "เทพา", "สะบ้าย้อย", "ระโนด", "กระแสสินธุ์",
    "รัตภูมิ", "สะเดา", "หาดใหญ่", "นาหม่อม", "ควนเนียง", "บางกล่ำ", "สิงหนคร", "คลองหอยโข่ง",
]  # fmt: skip


def demo_copy(folder: Path) -> Path:
    """A copy of the shipped demo workspace (tests never open the shipped file), or skip."""
    if not DEMO.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg not built (run: areaplan demo --out sample_data/demo_songkhla.gpkg)")
    path = folder / "demo.gpkg"
    shutil.copy(DEMO, path)
    return path


def tool(name: str) -> str:
    """The path of a poppler tool, or skip with the reason."""
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} not installed (Debian: apt-get install poppler-utils)")
    return found


def pdftotext(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or one page) as poppler extracts it."""
    args = [tool("pdftotext"), "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    """The page count of a PDF (pypdf)."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


@pytest.fixture(scope="module")
def demo_source(qapp, tmp_path_factory):
    """The demo workspace read as a PrintSource (once per test module)."""
    from areaplan.workspace import Workspace
    from layers.print import PrintSource

    path = demo_copy(tmp_path_factory.mktemp("demo"))
    with Workspace.open(path) as ws:
        source = PrintSource.from_workspace(ws)
    return source
