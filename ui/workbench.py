"""Import data into the open workspace from the desktop: File → นำเข้าข้อมูล… (Ctrl+I).

The import runs on a worker thread (ui.worker) against a second connection to the same GeoPackage, so the UI
thread never waits on it; the window is busy (menus and toolbar disabled, progress dialog window-modal) until
the job ends. The worker also reads the new layers, and the UI thread only swaps them in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError, Cancelled
from areaplan.progress import Reporter
from layers.model import LayerList, layers_from_workspace
from ui.worker import JobRunner, run_job

#: The kinds offered in the dialog; "auto" lets areaplan guess from the file.
KINDS: tuple[str, ...] = ("auto", "projects", "plans", "boundaries", "hazard", "indicators")



def kind_labels() -> dict[str, str]:
    """The dialog's label of each kind (translated)."""
    return {
        "auto": QCoreApplication.translate("Workbench", "ตรวจหาเองจากไฟล์ (อัตโนมัติ)"),
        "projects": QCoreApplication.translate("Workbench", "โครงการ"),
        "plans": QCoreApplication.translate("Workbench", "แผน"),
        "boundaries": QCoreApplication.translate("Workbench", "ขอบเขตการปกครอง"),
        "hazard": QCoreApplication.translate("Workbench", "พื้นที่เสี่ยงภัย (น้ำท่วม)"),
        "indicators": QCoreApplication.translate("Workbench", "ตัวชี้วัดรายพื้นที่ (ความจำเป็น)"),
    }


def file_filter() -> str:
    """The file dialog filter built from areaplan's importer registry."""
    try:
        from areaplan.importers.registry import RASTER_EXTENSIONS, extension_table

        exts = sorted({*extension_table(), *RASTER_EXTENSIONS})
    except ImportError:  # registry not importable: offer everything
        exts = []
    patterns = " ".join(f"*{e}" for e in exts) or "*"
    return QCoreApplication.translate("Workbench", "ข้อมูลที่นำเข้าได้ ({patterns});;ทุกไฟล์ (*)").format(patterns=patterns)


@dataclass
class ImportOutcome:
    """What an import job hands back to the UI thread."""

    reports: list[Any] = field(default_factory=list)
    layers: LayerList | None = None

    def lines(self) -> list[str]:
        """All report lines, file after file."""
        return [line for report in self.reports for line in report.lines()]


def import_files(
    workspace_path: Path, files: Sequence[str | Path], kind: str | None, *, progress: Any = None,
    cancelled: Any = None,
) -> list[Any]:
    """Import files one by one into the workspace at a path (its own connection); return the reports.

    Each file commits on its own: a cancel or error rolls back the file being imported only; the reports
    of the files done before travel on the exception as `partial_result`.
    """
    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace

    files = [Path(f) for f in files]
    reports: list[Any] = []
    ws = Workspace.open(workspace_path)
    try:
        n = len(files)
        for i, path in enumerate(files):
            part = Reporter(progress, cancelled, i / n, (i + 1) / n)
            reports.append(import_file(ws, path, kind, progress=part, cancelled=cancelled, chunk_rows=GUI_CHUNK_ROWS))
    except BaseException as exc:
        exc.partial_result = reports
        raise
    finally:
        ws.close()
    return reports


#: Rows per read when the worker reads a layer back (bounds how long one C call holds the GIL).
READ_CHUNK = 2_000
#: CSV rows per import chunk in the GUI: small enough that no single vectorised step stalls the UI thread.
GUI_CHUNK_ROWS = 2_000


class ChunkedReader:
    """Reads a workspace's layers in fid ranges of READ_CHUNK rows (same frame as one read_layer call)."""

    def __init__(self, ws: Any, chunk: int = READ_CHUNK) -> None:
        self.ws = ws
        self.chunk = chunk

    def layer_names(self) -> list[str]:
        return list(self.ws.layer_names())

    def read_layer(self, name: str) -> Any:
        import pandas as pd

        if not hasattr(self.ws, "query"):
            return self.ws.read_layer(name)
        low, high = self.ws.query(f'SELECT min(fid), max(fid) FROM "{name}"')[0]
        if low is None or high - low < self.chunk:
            return self.ws.read_layer(name)
        parts = [
            self.ws.read_layer(name, where="fid >= ? AND fid < ?", params=(start, start + self.chunk))
            for start in range(low, high + 1, self.chunk)
        ]
        return pd.concat(parts, ignore_index=True)


def read_layers(ws: Any) -> LayerList:
    """The workspace's layers, projected to the map CRS once (so the UI thread only swaps them in)."""
    layers = layers_from_workspace(ws)
    layers.extent()  # fills each layer's projected-geometry cache
    return layers


def import_job(
    workspace_path: Path | None, files: Sequence[str | Path], kind: str | None, shared: Any = None
) -> Callable[..., ImportOutcome]:
    """A job (progress=, cancelled=) importing `files`, then reading the layers again.

    With a workspace path it works on its own connection to the file (the UI keeps its own and sees the
    data once each file commits); otherwise it uses `shared`. The layers are read back in 10,000-row pieces
    and projected on the worker, so the UI thread only swaps the models in.
    """
    files = [Path(f) for f in files]

    def job(progress: Any = None, cancelled: Any = None) -> ImportOutcome:
        outcome = ImportOutcome()
        try:
            if workspace_path is not None:
                outcome.reports = import_files(
                    workspace_path, files, kind, progress=Reporter(progress, cancelled, 0.0, 0.9),
                    cancelled=cancelled,
                )
            else:
                from areaplan.importers.pipeline import import_file

                for i, path in enumerate(files):
                    part = Reporter(progress, cancelled, 0.9 * i / len(files), 0.9 * (i + 1) / len(files))
                    outcome.reports.append(import_file(shared, path, kind, progress=part, cancelled=cancelled, chunk_rows=GUI_CHUNK_ROWS))
        except BaseException as exc:
            partial = getattr(exc, "partial_result", None)
            exc.partial_outcome = ImportOutcome(reports=list(partial or outcome.reports))
            raise
        if progress is not None:
            progress(0.92, QCoreApplication.translate("Workbench", "กำลังอ่านชั้นข้อมูลใหม่"))
        if workspace_path is not None:
            from areaplan.workspace import Workspace

            with Workspace.open(workspace_path) as ws:
                outcome.layers = read_layers(ChunkedReader(ws))
        else:
            outcome.layers = read_layers(ChunkedReader(shared))
        return outcome

    return job


class ImportDialog(QDialog):
    """Choose the files and what they hold; exec() then read `files()` and `kind()`."""

    def __init__(self, parent: QWidget | None = None, files: Sequence[str | Path] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(QCoreApplication.translate("Workbench", "นำเข้าข้อมูล"))
        self.setMinimumWidth(520)
        self.file_list = QListWidget(self)
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add = QPushButton(QCoreApplication.translate("Workbench", "เพิ่มไฟล์…"), self)
        add.clicked.connect(self._ask_files)
        remove = QPushButton(QCoreApplication.translate("Workbench", "เอาออก"), self)
        remove.clicked.connect(self._remove_selected)
        self.kind_combo = QComboBox(self)
        for key, label in kind_labels().items():
            self.kind_combo.addItem(label, key)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(QCoreApplication.translate("Workbench", "นำเข้า"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QCoreApplication.translate("Workbench", "ยกเลิก"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.file_list, 1)
        row.addLayout(side)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Workbench", "ชนิดข้อมูล:"), self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.add_files(files)

    def add_files(self, files: Sequence[str | Path]) -> None:
        """Add files to the list (duplicates ignored)."""
        have = set(self.files())
        for f in files:
            if str(f) not in have:
                self.file_list.addItem(str(f))
                have.add(str(f))
        self.ok_button.setEnabled(self.file_list.count() > 0)

    def files(self) -> list[str]:
        """The chosen file paths."""
        return [self.file_list.item(i).text() for i in range(self.file_list.count())]

    def kind(self) -> str | None:
        """The chosen kind, or None for automatic detection."""
        key = self.kind_combo.currentData()
        return None if key == "auto" else key

    def set_kind(self, kind: str | None) -> None:
        """Select a kind (None = auto)."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind or "auto")))

    def _ask_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, QCoreApplication.translate("Workbench", "เลือกไฟล์ที่จะนำเข้า"), "", file_filter())
        self.add_files(files)

    def _remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self.ok_button.setEnabled(self.file_list.count() > 0)


class ReportDialog(QDialog):
    """The import report, Thai with English, read-only and copyable."""

    def __init__(self, title: str, lines: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(title)
        self.resize(720, 420)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(self)
        buttons.addButton(QCoreApplication.translate("Workbench", "ปิด"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class Workbench(QObject):
    """The import action of one main window and the job it runs."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.job: JobRunner | None = None
        self.report_dialog: ReportDialog | None = None
        self.last_outcome: ImportOutcome | None = None
        self.last_error: BaseException | None = None
        self.action_import = QAction(QCoreApplication.translate("Workbench", "นำเข้าข้อมูล…"), window)
        self.action_import.setObjectName("actionImport")
        self.action_import.setShortcut(QKeySequence("Ctrl+I"))
        self.action_import.setStatusTip(QCoreApplication.translate("Workbench", "นำเข้าโครงการ แผน ขอบเขต หรือพื้นที่เสี่ยงภัยจากไฟล์ (Import data)"))
        self.action_import.triggered.connect(self.ask_import)
        window.workspaceChanged.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self) -> None:
        writable = hasattr(getattr(self.window, "workspace", None), "transaction")
        self.action_import.setEnabled(writable and not self.is_running())

    def is_running(self) -> bool:
        """True while an import job runs."""
        return self.job is not None and self.job.is_running()

    def ask_import(self) -> None:
        """Show the import dialog, then import what the user chose."""
        if self.window.workspace is None or self.is_running():
            return
        dialog = ImportDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.files():
            self.start_import(dialog.files(), dialog.kind())

    def start_import(self, files: Sequence[str | Path], kind: str | None = None) -> JobRunner:
        """Import files into the open workspace on a worker thread; the window is busy until it ends."""
        ws = self.window.workspace
        if ws is None:
            raise RuntimeError("no workspace is open")
        if self.is_running():
            raise RuntimeError("an import is already running")
        path = getattr(ws, "path", None)
        own_connection = path is not None and Path(path).is_file() and hasattr(ws, "transaction")
        job = import_job(Path(path) if own_connection else None, files, kind, shared=ws)
        self.last_outcome, self.last_error = None, None
        self._set_busy(True)
        names = ", ".join(Path(f).name for f in files)
        self.job = run_job(
            self.window,
            job,
            title=QCoreApplication.translate("Workbench", "นำเข้าข้อมูล"),
            label=QCoreApplication.translate("Workbench", "กำลังนำเข้า {names}").format(names=names),
            on_done=self._on_done,
            on_exception=self._on_exception,
        )
        self.job.finished.connect(self._on_finished)
        self._update_enabled()
        return self.job

    def _set_busy(self, busy: bool) -> None:
        set_busy = getattr(self.window, "set_busy", None)
        if set_busy is not None:
            set_busy(busy)
        self._update_enabled()

    def _on_finished(self) -> None:
        self._set_busy(False)

    def _apply(self, outcome: ImportOutcome) -> None:
        if outcome.layers is not None:
            self.window.reload_layers(outcome.layers)

    def _on_done(self, outcome: ImportOutcome) -> None:
        self.last_outcome = outcome
        self._set_busy(False)
        self._apply(outcome)
        self.show_report(QCoreApplication.translate("Workbench", "ผลการนำเข้า"), outcome.lines())
        self.window.statusBar().showMessage(QCoreApplication.translate("Workbench", "นำเข้าเสร็จ {n} ไฟล์").format(n=len(outcome.reports)), 8000)

    def _on_exception(self, exc: BaseException) -> None:
        self.last_error = exc
        self._set_busy(False)
        partial: ImportOutcome | None = getattr(exc, "partial_outcome", None)
        if partial is not None and partial.reports:
            # earlier files were committed: show them
            self.window.reload_layers()
        lines = partial.lines() if partial is not None else []
        if isinstance(exc, Cancelled):
            head = QCoreApplication.translate("Workbench", "ยกเลิกการนำเข้าแล้ว ไฟล์ที่กำลังนำเข้าไม่ถูกบันทึก")
            self.window.statusBar().showMessage(head, 8000)
            if lines:
                self.show_report(QCoreApplication.translate("Workbench", "ยกเลิกการนำเข้า"), [head, QCoreApplication.translate("Workbench", "ไฟล์ที่นำเข้าเสร็จก่อนยกเลิก:"), *lines])
            return
        if isinstance(exc, (AreaPlanError, OSError, ValueError)):
            message = str(exc)
        else:
            message = f"{type(exc).__name__}: {exc}"
        self.show_report(QCoreApplication.translate("Workbench", "นำเข้าไม่สำเร็จ"), [message, *lines])

    def show_report(self, title: str, lines: Sequence[str]) -> ReportDialog:
        """Show report lines in a non-blocking dialog (kept in `report_dialog`)."""
        if self.report_dialog is not None:
            self.report_dialog.close()
            self.report_dialog.deleteLater()
        self.report_dialog = ReportDialog(title, lines, self.window)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.report_dialog.show()
        return self.report_dialog


def install(window: Any) -> Workbench:
    """Add File → นำเข้าข้อมูล… (Ctrl+I) to the main window."""
    bench = Workbench(window)
    window.workbench = bench
    anchor = getattr(window, "file_import_anchor", None)
    if anchor is not None:
        window.menu_file.insertAction(anchor, bench.action_import)
    else:
        window.menu_file.addAction(bench.action_import)
    window.toolbar.addAction(bench.action_import)
    window.action_import = bench.action_import
    return bench


__all__ = ["ImportDialog", "ImportOutcome", "ReportDialog", "Workbench", "import_job", "install"]
