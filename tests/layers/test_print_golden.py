"""Printed pages compared with reviewed golden images (tests/layers/golden/) within a tolerance.

Set AREAPLAN_UPDATE_GOLDEN=1 to write the golden images (for review) instead of comparing. Candidates are
always written to tests/_artifacts/ so a failure can be looked at.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from layers.print import AnnexComposer, PrintTemplate, choose_areas
from layers.print.atlas import page_jobs
from layers.print.output import page_image
from tests.layers.print_fixtures import PRINT_DATE, demo_source  # noqa: F401

GOLDEN = Path(__file__).resolve().parent / "golden"
DPI = 45


def image_array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)


def compare_with_golden(image: QImage, name: str, artifacts: Path) -> None:
    """Fail when more than 2 % of pixels differ by more than 40 levels from the golden image."""
    candidate = artifacts / f"print_{name}.png"
    image.save(str(candidate))
    golden = GOLDEN / f"{name}.png"
    if os.environ.get("AREAPLAN_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        image.save(str(golden))
        pytest.skip(f"golden image written to {golden} for review")
    if not golden.exists():
        pytest.fail(f"no golden image at {golden}; run with AREAPLAN_UPDATE_GOLDEN=1 and review it")
    reference = QImage(str(golden))
    assert (reference.width(), reference.height()) == (image.width(), image.height())
    differing = (np.abs(image_array(image) - image_array(reference)).max(axis=2) > 40).mean()
    assert differing < 0.02, f"{differing:.1%} of pixels differ from {golden.name}; candidate at {candidate}"


def render(source, template: PrintTemplate, **choice) -> QImage:
    composer = AnnexComposer(source, template)
    try:
        plans = composer.plan(choose_areas(source, **choice)[0])
        return page_image(page_jobs(composer, plans)[0], DPI, 1, len(plans))
    finally:
        composer.close()


def test_tambon_annex_page_matches_golden(demo_source, artifacts):
    image = render(demo_source, PrintTemplate(date=PRINT_DATE), codes=["901104"])
    assert (image.width(), image.height()) == (372, 526)  # A4 portrait at 45 dpi
    compare_with_golden(image, "tambon_khohong_a4", artifacts)


def test_landscape_amphoe_page_matches_golden(demo_source, artifacts):
    template = PrintTemplate(date=PRINT_DATE, landscape=True, grid="utm", thai_digits=True)
    image = render(demo_source, template, atlas="amphoe", codes=["9011"])
    assert image.width() > image.height()
    compare_with_golden(image, "amphoe_hatyai_a4_landscape", artifacts)
