"""Regression for architecture §10: PySide6 6.12.0 on Python 3.11 drops a reference to None per void call.

The process then aborts with "Fatal Python error: deallocating None" after tens of thousands of calls (a few
thousand polygons are enough). The dependency is pinned below 6.12 on Python < 3.12; this test fails loudly
if a broken build comes back instead of crashing the app later.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter, QPen

CALLS = 10_000


def test_void_qt_calls_keep_references_to_none():
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    pen = QPen(QColor("#336699"), 1.5)
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            painter.setPen(pen)
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert before - after < 100, f"None lost {before - after} references over {CALLS} QPainter.setPen calls"
