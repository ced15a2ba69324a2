"""The duplicate committee report as PDF: from the CLI and from the review dock, Thai readable in the file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / "tests" / "data" / "duplicates_eval.csv"
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts) not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_poppler
def test_cli_writes_the_committee_report_as_pdf(tmp_path) -> None:
    out, report = tmp_path / "pairs.csv", tmp_path / "report.pdf"
    proc = subprocess.run([sys.executable, "-m", "ui.cli", "duplicates", str(EVAL), "--out", str(out),
                           "--report", str(report)], capture_output=True, text=True, cwd=REPO)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    fonts = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun" in fonts and " yes " in fonts  # embedded
    text = pdf_text(report)
    pairs = pd.read_csv(out)
    assert "รายงานการตรวจโครงการซ้ำซ้อน" in text
    assert "ยังไม่ตรวจ" in text and "จัดทำเมื่อ" in text
    groups = pairs["group_id"].nunique()
    assert f"{groups} กลุ่ม" in text
    assert str(pairs["project_id_a"].iloc[0]) in text  # members listed
    assert "หน้า 1/" in text


@needs_poppler
def test_dock_report_carries_the_decisions_made(demo_main_window, qtbot, tmp_path) -> None:
    from tests.ui.test_duplicate_review import run_through_dock

    window = demo_main_window
    window.canvas.settle()
    review = window.duplicate_review
    assert not review.export_button.isEnabled()
    run_through_dock(qtbot, window)
    assert review.export_button.isEnabled()
    gid = review.visible_groups()[0]
    review.select_group(gid)
    review.decide("not_duplicate")
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    for path in (pdf, xlsx):
        runner = review.export_report(path)
        qtbot.waitUntil(lambda: not runner.is_running(), timeout=60_000)
        qtbot.waitUntil(path.exists, timeout=10_000)
        assert review.last_error is None
    assert "ไม่ซ้ำ" in pdf_text(pdf)
    groups = pd.read_excel(xlsx, sheet_name="กลุ่ม groups")
    decided = groups[groups["กลุ่ม (group)"] == gid]["ผลการพิจารณา (decisions)"]
    assert list(decided) == ["not_duplicate"]
