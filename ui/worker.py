"""Run long areaplan jobs (imports, analyses, printing) off the UI thread, with progress and cancel.

A job is any callable `job(progress=, cancelled=)` following areaplan.progress: it calls
`progress(fraction, message)` now and then and polls `cancelled()` (raising areaplan.errors.Cancelled).
`JobRunner` runs it on a QThread and delivers the result or the exception back on the UI thread through
signals (Orange's on_done/on_exception); `run_job` adds a window-modal progress dialog with a cancel button.

The UI thread never waits for the job: progress is throttled (the worker stores the latest value, the UI
thread polls it on a timer), and results arrive as queued signals.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from areaplan.errors import Cancelled

#: job(progress=..., cancelled=...) -> result
Job = Callable[..., Any]

_PROGRESS_STEPS = 1000
_POLL_MS = 50



class _Thread(QThread):
    """The QThread that calls the job; it only stores the outcome, the runner emits the signals."""

    def __init__(self, runner: JobRunner) -> None:
        super().__init__(None)  # no parent: the runner owns it and waits for it before letting it go
        self._runner = runner

    def run(self) -> None:  # runs on the worker thread
        runner = self._runner
        try:
            runner._result = runner._job(progress=runner._report, cancelled=runner.is_cancel_requested)
        except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread as `failed`, never swallowed
            runner._error = exc


class JobRunner(QObject):
    """One background job: `start()`, then `succeeded(result)` or `failed(exception)`, then `finished()`.

    `progressChanged(fraction, message)` arrives on the UI thread at most every 50 ms. `cancel()` sets the
    flag the job polls; a cancelled job ends with `failed(Cancelled())` (whatever it wrote is rolled back by
    areaplan's transactions).
    """

    progressChanged = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[float, str] | None = None
        self._shown: tuple[float, str] | None = None
        self._result: Any = None
        self._error: BaseException | None = None
        self._running = False
        self._done = False
        self.started_at = 0.0
        self.finished_at = 0.0
        self.elapsed = 0.0
        self._thread = _Thread(self)
        self._thread.finished.connect(self._on_thread_finished)  # queued: the thread object lives here
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._flush_progress)

    # -- called from the worker thread
    def _report(self, fraction: float, message: str = "") -> None:
        with self._lock:
            self._latest = (float(fraction), str(message))
        if self._cancel.is_set():
            raise Cancelled()

    def is_cancel_requested(self) -> bool:
        """True once cancel() was called (the job polls this; safe from any thread)."""
        return self._cancel.is_set()

    # -- UI thread
    def start(self) -> JobRunner:
        """Start the job on its thread (once)."""
        if self._running or self._done:
            raise RuntimeError("a JobRunner runs once")
        self._running = True
        self.started_at = time.perf_counter()
        # Full collections of the cyclic GC hold the interpreter for 60-150 ms on a heap this size; the
        # job's thread would trigger them and stall the UI thread. Freezing moves today's long-lived
        # objects out of the collector's scans (they stay alive anyway), so collections during the job
        # only look at the job's own objects.
        gc.freeze()
        self._timer.start()
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next progress or cancel check."""
        self._cancel.set()

    def is_running(self) -> bool:
        """True from start() until the outcome has been delivered."""
        return self._running

    @property
    def result(self) -> Any:
        """The job's return value (None until it succeeded)."""
        return self._result

    @property
    def error(self) -> BaseException | None:
        """The exception the job raised (Cancelled when it was cancelled), or None."""
        return self._error

    @property
    def was_cancelled(self) -> bool:
        """True when the job ended by Cancelled."""
        return isinstance(self._error, Cancelled)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the thread has ended (for shutdown only; never from a UI handler)."""
        return self._thread.wait() if msecs < 0 else self._thread.wait(msecs)

    def _flush_progress(self) -> None:
        with self._lock:
            latest = self._latest
        if latest is not None and latest != self._shown:
            self._shown = latest
            self.progressChanged.emit(*latest)

    def _on_thread_finished(self) -> None:
        if self._done:
            return
        self._timer.stop()
        self._flush_progress()
        self._running, self._done = False, True
        self.finished_at = time.perf_counter()
        self.elapsed = self.finished_at - self.started_at
        if self._error is None:
            self.succeeded.emit(self._result)
        else:
            self.failed.emit(self._error)
        self.finished.emit()

    def shutdown(self, msecs: int = 10_000) -> None:
        """Cancel, wait for the thread and deliver the outcome now (window closing)."""
        if self._running:
            self.cancel()
            self.wait(msecs)
            self._on_thread_finished()


class ProgressDialog(QProgressDialog):
    """A Thai progress dialog for one JobRunner: fraction bar, the job's message, a cancel button."""

    def __init__(self, runner: JobRunner, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, QCoreApplication.translate("JobRunner", "ยกเลิก"), 0, _PROGRESS_STEPS, parent)
        self.setObjectName("jobProgressDialog")
        self.setWindowTitle(title)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(420)
        self._runner = runner
        runner.progressChanged.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        self.canceled.connect(self._on_cancel)

    def _on_progress(self, fraction: float, message: str) -> None:
        self.setValue(progress_value(fraction))
        if message and not self._runner.is_cancel_requested():
            self.setLabelText(message)

    def _on_cancel(self) -> None:
        self._runner.cancel()
        self.setLabelText(QCoreApplication.translate("JobRunner", "กำลังยกเลิก… (รอให้ขั้นตอนปัจจุบันจบ)"))
        self.setCancelButtonText(QCoreApplication.translate("JobRunner", "กำลังยกเลิก…"))
        # QProgressDialog hides itself on cancel; stay visible until the job has really stopped
        if self._runner.is_running():
            self.show()

    def _on_finished(self) -> None:
        self.hide()
        self.deleteLater()


def progress_value(fraction: float, steps: int = _PROGRESS_STEPS) -> int:
    """A progress bar value (0..steps) for a job's fraction done, clamped to 0..1."""
    return round(min(max(fraction, 0.0), 1.0) * steps)


def run_job(
    parent: QWidget | None,
    job: Job,
    *,
    title: str,
    label: str,
    on_done: Callable[[Any], None] | None = None,
    on_exception: Callable[[BaseException], None] | None = None,
    dialog: bool = True,
) -> JobRunner:
    """Start `job` on a worker thread with a window-modal progress dialog; call on_done/on_exception later.

    Returns the running JobRunner (its `dialog` attribute is the ProgressDialog or None).
    """
    runner = JobRunner(job, parent)
    runner.dialog = None
    if dialog:
        runner.dialog = ProgressDialog(runner, title, label, parent)
        runner.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        runner.dialog.show()
    if on_done is not None:
        runner.succeeded.connect(on_done)
    if on_exception is not None:
        runner.failed.connect(on_exception)
    runner.finished.connect(runner.deleteLater)
    return runner.start()


def running_jobs(parent: QObject) -> list[JobRunner]:
    """The JobRunners under a parent that are still running."""
    return [r for r in parent.findChildren(JobRunner) if r.is_running()]


def shutdown_jobs(parent: QObject, msecs: int = 10_000) -> None:
    """Cancel every running job under `parent` and wait for it (call when the window closes)."""
    for runner in running_jobs(parent):
        runner.shutdown(msecs)
