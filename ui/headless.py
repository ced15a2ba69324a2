"""A Qt application for painting (PDF/PNG reports) from the command line, without the desktop app."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication

from layers.fonts import register_sarabun


def painting_application() -> QGuiApplication:
    """The QGuiApplication (reused if one exists), offscreen when there is no display; Sarabun registered."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(["AreaPlan"])
    register_sarabun()
    return app
