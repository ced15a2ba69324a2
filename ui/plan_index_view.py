"""The common part of the docks computed from the shared plan index (ตารางพื้นที่ × ประเด็น, ตรวจความเชื่อมโยงแผน).

Such a view recomputes on a worker thread when the index changes (at once when visible, else when next shown),
drops a result computed on an index that has since been replaced, reports failures (not cancellations) in its
status line, and writes its workbook on a worker thread after asking where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from areaplan.errors import AreaPlanError, Cancelled
from ui.plan_links import TableData
from ui.worker import JobRunner, run_job



class PlanIndexView(QWidget):
    """A dock's contents computed from the plan index: result + tables, a status line, XLSX export.

    Subclasses build their widgets (``model``, ``status_label``, ``export_button``), then call
    :meth:`watch_index`; they implement ``run()``, ``_update_status(text=None)`` and ``_show_result()``.
    """

    def __init__(self, window: Any, service: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.service = service
        self.result: Any = None
        self.tables: dict[str, TableData] = {}
        self.runner: JobRunner | None = None
        self.export_runner: JobRunner | None = None
        self.last_error: BaseException | None = None
        self.last_export: Path | None = None
        self._dirty = True
        self._failed_text = ""

    # -- hooks for subclasses
    def run(self) -> JobRunner | None:
        """Recompute on a worker thread (None when there is no index yet)."""
        raise NotImplementedError

    def _update_status(self, text: str | None = None) -> None:
        raise NotImplementedError

    def _show_result(self) -> None:
        raise NotImplementedError

    def _index_reset(self) -> None:
        """Called when the index changed, before recomputing (e.g. to refill choices)."""

    # -- index changes
    def watch_index(self) -> None:
        """Start following the plan index (call once the widgets exist)."""
        self.service.indexChanged.connect(self._on_index_changed)

    def _on_index_changed(self) -> None:
        self.result, self.tables = None, {}
        self._dirty = True
        self._index_reset()
        if self.isVisible():
            self.run()
        else:
            self.model.set_frame(pd.DataFrame(), [])
            self._update_status()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Recompute when first shown after the index changed."""
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self.run)

    # -- computing
    def current_index(self) -> Any:
        """The plan index to compute from, or None (then it is being built and the status says so)."""
        index = self.service.index
        if index is None:
            self.service.ensure()
            self._update_status()
        return index

    def start(self, job: Callable[[Any, Any], tuple[Any, dict[str, TableData]]], index: Any, *, title: str,
              busy: str, failed: str) -> JobRunner:
        """Run ``job`` (→ result, tables) on a worker thread, replacing a run in progress.

        ``busy`` is shown meanwhile; ``failed`` (with ``{error}``) when the job fails.
        """
        if self.runner is not None and self.runner.is_running():
            self.runner.cancel()
        self._dirty = False
        self._failed_text = failed
        self._update_status(busy)
        self.runner = run_job(
            self, job, title=title, label=busy, dialog=False,
            on_done=lambda outcome: self._on_done(outcome, index), on_exception=self._on_failed,
        )  # fmt: skip
        return self.runner

    def _on_done(self, outcome: tuple[Any, dict[str, TableData]], index: Any) -> None:
        if index is not self.service.index:
            return
        self.result, self.tables = outcome
        self._show_result()

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if not isinstance(exc, Cancelled):
            self._update_status(self._failed_text.format(error=str(exc)))

    # -- export
    def ask_xlsx_path(self, caption: str, suggested: str) -> Path | None:
        """Ask where to save a workbook (None when cancelled or there is nothing to save)."""
        if self.result is None:
            return None
        path, _filter = QFileDialog.getSaveFileName(
            self, caption, suggested, QCoreApplication.translate("PlanIndexView", "สมุดงาน Excel (*.xlsx)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export(self, write: Callable[[], Any], target: Path, *, title: str, saved: str) -> JobRunner:
        """Run ``write`` (which writes ``target``) on a worker thread; ``saved`` (with ``{path}``) when done."""
        writing = QCoreApplication.translate("PlanIndexView", "กำลังเขียน {name}…").format(name=target.name)
        self._update_status(writing)
        self.export_button.setEnabled(False)

        def done(path: Path) -> None:
            self.last_export = Path(path)
            self._update_status(saved.format(path=str(path)))
            self.window_.statusBar().showMessage(
                QCoreApplication.translate("PlanIndexView", "ส่งออก {name} แล้ว").format(name=Path(path).name), 8000)

        self.export_runner = run_job(
            self, lambda progress, cancelled: write(), title=title, label=writing,
            on_done=done, on_exception=self._on_export_failed,
        )  # fmt: skip
        return self.export_runner

    def _on_export_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        message = str(exc) if isinstance(exc, (AreaPlanError, OSError)) else repr(exc)
        self._update_status(QCoreApplication.translate("PlanIndexView", "ส่งออกไม่ได้: {error}").format(error=message))


__all__ = ["PlanIndexView"]
