"""File → ส่งออกแผนที่เว็บ…: write the offline web map of the open workspace (areaplan.exporters.webmap).

The save dialog offers two kinds of page: an .html with its ``<name>_files`` folder beside it, or one
self-contained .html. The export runs on a worker thread (ui.worker.run_job) against its own connection to the
workspace file, with a progress dialog and a cancel button; when it is done a message offers to open the page
in the browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from areaplan.errors import AreaPlanError, Cancelled
from ui.worker import JobRunner, run_job


def export_job(source: Any, path: Path, single_file: bool, *, progress: Any = None, cancelled: Any = None) -> Any:
    """Write the web map of `source` (a workspace path or an open workspace) to `path`; return the WebMapResult."""
    from areaplan.exporters.webmap import WebMapOptions, export_webmap

    return export_webmap(source, path, options=WebMapOptions(single_file=single_file), overwrite=True,
                         progress=progress, cancelled=cancelled)


class WebMapExport(QObject):
    """The File-menu action, the save dialog and the background export."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner: JobRunner | None = None
        self.last_result: Any = None
        self.last_error: BaseException | None = None
        self.message_box: QMessageBox | None = None
        self.action = QAction(self.tr("ส่งออกแผนที่เว็บ…"), window)
        self.action.setObjectName("actionExportWebMap")
        self.action.setStatusTip(self.tr("แผนที่ที่เปิดได้ในเบราว์เซอร์ทุกเครื่องโดยไม่ต้องใช้อินเทอร์เน็ต"))
        self.action.triggered.connect(self.ask_and_export)
        window.workspaceChanged.connect(self._update_enabled)
        self._update_enabled()

    def filters(self) -> tuple[str, str]:
        """(page with its assets folder, one self-contained page) save-dialog filters."""
        return (self.tr("หน้าเว็บพร้อมโฟลเดอร์ไฟล์ประกอบ (*.html)"), self.tr("หน้าเว็บไฟล์เดียว (*.html)"))

    def _update_enabled(self) -> None:
        self.action.setEnabled(self.window.workspace is not None)

    def default_path(self) -> Path:
        """The suggested page: beside the workspace, named after it."""
        ws_path = getattr(self.window.workspace, "path", None)
        if ws_path:
            return Path(ws_path).with_name(f"{Path(ws_path).stem}_webmap.html")
        return Path.home() / "areaplan_webmap.html"

    def ask_and_export(self) -> JobRunner | None:
        """Ask where to write the page, then export it on a worker thread."""
        if self.window.workspace is None:
            return None
        folder, single = self.filters()
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("ส่งออกแผนที่เว็บ"), str(self.default_path()),
                                                   f"{folder};;{single}")
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_name(path.name + ".html")
        return self.export(path, single_file=chosen == single)

    def export(self, path: str | Path, *, single_file: bool = False) -> JobRunner | None:
        """Start writing the web map to `path` (replacing it); None when no workspace is open or one is running."""
        ws = self.window.workspace
        if ws is None or (self.runner is not None and self.runner.is_running()):
            return None
        ws_path = getattr(ws, "path", None)
        source = ws_path if ws_path is not None and Path(ws_path).is_file() else ws
        self.last_result = self.last_error = None
        target = Path(path)
        self.runner = run_job(
            self.window,
            lambda progress, cancelled: export_job(source, target, single_file, progress=progress, cancelled=cancelled),
            title=self.tr("ส่งออกแผนที่เว็บ"), label=self.tr("กำลังเตรียมแผนที่เว็บ…"),
            on_done=self._on_done, on_exception=self._on_failed,
        )  # fmt: skip
        return self.runner

    def _on_done(self, result: Any) -> None:
        self.last_result = result
        self.window.statusBar().showMessage(self.tr("เขียนแผนที่เว็บ {path} แล้ว").format(path=result.html), 10000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("ส่งออกแผนที่เว็บ"),
                          self.tr("เขียนแผนที่เว็บแล้ว เปิดได้ในเบราว์เซอร์โดยไม่ต้องใช้อินเทอร์เน็ต"), parent=self.window)
        lines = [str(result.html)]
        if result.assets is not None:
            lines.append(self.tr("ต้องคัดลอกโฟลเดอร์ {folder} ไปพร้อมกับหน้าเว็บ").format(folder=result.assets.name))
        lines.append(self.tr("โครงการ {n} จุด โครงการที่อาจซ้ำซ้อน {pairs} คู่").format(
            n=f"{result.projects:,}", pairs=f"{result.duplicate_pairs:,}"))
        box.setInformativeText("\n".join(lines))
        open_button = box.addButton(self.tr("เปิดในเบราว์เซอร์"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("ปิด"), QMessageBox.ButtonRole.RejectRole)
        open_button.clicked.connect(lambda: self.open_in_browser(result.html))
        box.setObjectName("webMapDoneBox")
        self._show(box)

    def open_in_browser(self, path: str | Path) -> bool:
        """Open a written page in the system browser."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if isinstance(exc, Cancelled):
            self.window.statusBar().showMessage(self.tr("ยกเลิกการส่งออกแผนที่เว็บแล้ว"), 8000)
            return
        text = exc.message if isinstance(exc, AreaPlanError) else repr(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("ส่งออกแผนที่เว็บไม่ได้"), text, parent=self.window)
        box.setObjectName("webMapErrorBox")
        self._show(box)

    def _show(self, box: QMessageBox) -> None:
        if self.message_box is not None:
            self.message_box.close()
        self.message_box = box
        box.open()  # window-modal but not blocking: the app and tests go on


def install(window: Any) -> WebMapExport:
    """Add File → ส่งออกแผนที่เว็บ… after the import action."""
    export = WebMapExport(window)
    anchor = getattr(window, "file_import_anchor", None)
    if anchor is not None:
        window.menu_file.insertAction(anchor, export.action)
    else:
        window.menu_file.addAction(export.action)
    window.webmap_export, window.action_export_webmap = export, export.action
    return export


__all__ = ["WebMapExport", "export_job", "install"]
