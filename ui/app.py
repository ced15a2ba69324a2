"""Start the desktop app: `main(argv, workspace)` (``areaplan gui WS.gpkg`` calls it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from areaplan.errors import AreaPlanError
from layers.fonts import register_sarabun, thai_font
from ui.i18n import install_translator
from ui.main_window import APP_NAME, MainWindow

_DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY")


def _no_display() -> bool:
    """True on Linux without a display server and without QT_QPA_PLATFORM chosen by the user."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not any(os.environ.get(v) for v in _DISPLAY_VARIABLES)
    )


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists) with Sarabun registered and set as the application font."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([APP_NAME, *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    register_sarabun()
    app.setFont(thai_font(10))
    return app


def main(
    argv: list[str] | None = None,
    workspace: str | Path | None = None,
    screenshot: str | Path | None = None,
    *,
    quit_when_painted: bool = False,
    language: str | None = None,
) -> int:
    """Run the desktop app, opening a workspace (argument or first *.gpkg in argv); return the exit code.

    The UI language is the saved one (View → ภาษา / Language) unless `language` is given; the window comes
    back where it was. With `screenshot`, the window is painted, saved as that PNG, and the app quits (smoke
    tests). With `quit_when_painted`, the app prints "painted <epoch seconds>" after the map canvas has been
    painted with the workspace and quits (benchmarks/cold_start.py).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if _no_display():
        print(
            "ไม่พบจอภาพ (DISPLAY) ตั้ง QT_QPA_PLATFORM=offscreen เพื่อทำงานแบบไม่มีจอ "
            "(no display found; set QT_QPA_PLATFORM=offscreen to run headless)",
            file=sys.stderr,
        )
        return 2
    app = create_application(argv)
    install_translator(app, language)
    if workspace is None:
        workspace = next((a for a in app.arguments()[1:] if a.lower().endswith(".gpkg")), None)
    window = MainWindow()
    window.restore_settings()
    if quit_when_painted:
        _quit_after_first_paint(window)
    window.show()
    if workspace is not None:
        try:
            window.open_workspace(workspace)
            window.add_recent_file(workspace)
        except (AreaPlanError, OSError, ValueError) as exc:
            if screenshot is not None:
                print(str(exc), file=sys.stderr)
                return 2
            QMessageBox.critical(window, QCoreApplication.translate("MainWindow", "เปิดพื้นที่ทำงานไม่ได้"), str(exc))
    if screenshot is not None:
        from PySide6.QtCore import QTimer

        def shoot() -> None:
            window.grab().save(str(screenshot))
            print(f"บันทึกภาพหน้าจอ {screenshot} (screenshot saved)")
            app.quit()

        QTimer.singleShot(1500, shoot)
    return app.exec()


def _quit_after_first_paint(window: MainWindow) -> None:
    """Print the wall-clock time of the first canvas paint with layers shown, then quit."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
            if event.type() == QEvent.Type.Paint and window.layers is not None and not self.property("seen"):
                self.setProperty("seen", True)
                QTimer.singleShot(0, self._done)  # after this paint has finished
            return False

        def _done(self) -> None:
            print(f"painted {time.time():.6f}", flush=True)
            QApplication.instance().quit()

    watch = PaintWatch(window)
    window.canvas.viewport().installEventFilter(watch)


if __name__ == "__main__":
    sys.exit(main())
