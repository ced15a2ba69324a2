"""Background work: the import runs on a worker thread while the UI thread keeps ticking (watchdog)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QTimer

from areaplan.errors import Cancelled, InputFileError
from tests.ui.conftest import CELL, COLS, ORIGIN, ROWS
from ui.worker import JobRunner, run_job, running_jobs

BIG_ROWS = 60_000


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("AREAPLAN_SETTINGS_DIR", str(tmp_path / "settings"))


def big_projects_csv(folder: Path, rows: int = BIG_ROWS, prefix: str = "W") -> Path:
    """A projects CSV with `rows` points spread over the synthetic tambons."""
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "project_id": [f"{prefix}{i:06d}" for i in range(rows)],
        "title": [f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {i % 12 + 1}" for i in range(rows)],
        "channel": rng.choice(["province", "cluster", "function", "local", "community"], rows),
        "fiscal_year": rng.choice([2567, 2568], rows),
        "budget": rng.integers(100_000, 9_000_000, rows),
        "lon": np.round(ORIGIN[0] + 0.001 + rng.random(rows) * (COLS * CELL - 0.002), 6),
        "lat": np.round(ORIGIN[1] + 0.001 + rng.random(rows) * (ROWS * CELL - 0.002), 6),
    })  # fmt: skip
    path = folder / f"projects_{rows}.csv"
    frame.to_csv(path, index=False)
    return path


def click_cancel(dialog) -> None:
    """Press the progress dialog's cancel button."""
    from PySide6.QtWidgets import QPushButton

    (button,) = dialog.findChildren(QPushButton)
    assert button.text() == "ยกเลิก"
    button.click()


class Watchdog:
    """A 10 ms QTimer on the UI thread recording the gaps between its ticks."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def max_gap_ms(self) -> float:
        return float(np.max(np.diff(self.ticks)) * 1000)


# -- JobRunner on its own
def test_runner_delivers_result_on_the_ui_thread(qtbot):
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def job(progress, cancelled):
        seen["thread"] = threading.get_ident()
        for i in range(5):
            progress(i / 5, f"ขั้นที่ {i}")
            time.sleep(0.02)
        return 42

    runner = JobRunner(job)
    got: list[object] = []
    runner.succeeded.connect(lambda result: got.append((result, threading.get_ident())))
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start()
    assert got == [(42, ui_thread)]
    assert seen["thread"] != ui_thread
    assert runner.result == 42 and runner.error is None and not runner.is_running()


def test_runner_delivers_the_exception(qtbot):
    def job(progress, cancelled):
        raise InputFileError("ไม่พบไฟล์", "file not found", path=Path("x.csv"))

    runner = JobRunner(job)
    errors: list[BaseException] = []
    runner.failed.connect(errors.append)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start()
    assert len(errors) == 1 and isinstance(errors[0], InputFileError)
    with pytest.raises(InputFileError, match="ไม่พบไฟล์"):
        raise runner.error


def test_cancel_flag_stops_a_polling_job(qtbot):
    started = threading.Event()

    def job(progress, cancelled):
        started.set()
        while True:
            progress(0.5, "รอ")  # raises Cancelled once cancel() was called
            time.sleep(0.005)

    runner = JobRunner(job)
    runner.start()
    assert started.wait(5)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.cancel()
    assert runner.was_cancelled and isinstance(runner.error, Cancelled)


def test_progress_dialog_shows_thai_and_cancels(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def job(progress, cancelled):
        for _ in range(2000):
            if cancelled():
                raise Cancelled()
            progress(0.3, "กำลังทำงาน")
            time.sleep(0.005)
        return "done"

    failures: list[BaseException] = []
    runner = run_job(parent, job, title="ทดสอบ", label="เริ่ม", on_exception=failures.append)
    dialog = runner.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "ทดสอบ"
    qtbot.waitUntil(lambda: dialog.labelText() == "กำลังทำงาน", timeout=3000)
    assert dialog.value() == 300
    assert running_jobs(parent) == [runner]
    with qtbot.waitSignal(runner.finished, timeout=5000):
        click_cancel(dialog)
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)
    assert running_jobs(parent) == []


# -- the import through the main window
def test_import_keeps_the_ui_thread_responsive(main_window, qtbot, tmp_path):
    csv = big_projects_csv(tmp_path)
    before = len(main_window.layers["projects"].data)
    bench = main_window.workbench
    changed: list[int] = []
    main_window.workspaceChanged.connect(lambda: changed.append(1))
    reload_span: list[float] = []
    real_reload = main_window.reload_layers

    def timed_reload(*args):
        t = time.perf_counter()
        real_reload(*args)
        reload_span.extend([t, time.perf_counter()])

    main_window.reload_layers = timed_reload
    dog = Watchdog()
    dog.start()
    t0 = time.perf_counter()
    runner = bench.start_import([csv], "projects")
    assert main_window.busy and not main_window.menuBar().isEnabled()
    qtbot.waitUntil(lambda: not bench.is_running(), timeout=180_000)
    qtbot.wait(50)
    dog.stop()
    assert runner.error is None, runner.error
    ticks = np.array(dog.ticks)
    during_job = ticks[ticks <= runner.finished_at]
    job_gap = float(np.max(np.diff(during_job)) * 1000)
    reload_ms = (reload_span[1] - reload_span[0]) * 1000
    print(
        f"\nimport of {BIG_ROWS:,} rows: job {runner.finished_at - t0:.2f} s, largest UI gap while it ran "
        f"{job_gap:.1f} ms over {len(during_job)} ticks; swapping in the layers on the UI thread {reload_ms:.0f} ms"
    )
    assert job_gap < 100, f"UI thread blocked {job_gap:.0f} ms while the import ran"
    assert len(during_job) > (runner.finished_at - t0) * 1000 / 10 * 0.5  # the timer really kept ticking
    assert bench.last_outcome is not None and bench.last_outcome.reports[0].imported == BIG_ROWS
    assert changed, "layers were not reloaded"
    assert len(main_window.layers["projects"].data) == before + BIG_ROWS
    assert main_window.workspace.count("projects") == before + BIG_ROWS
    assert not main_window.busy and main_window.menuBar().isEnabled()
    text = bench.report_dialog.text.toPlainText()
    assert f"เพิ่ม {BIG_ROWS:,}" in text and f"added {BIG_ROWS:,}" in text


def test_cancel_import_midway_imports_nothing(main_window, qtbot, tmp_path):
    csv = big_projects_csv(tmp_path, prefix="C")
    before = main_window.workspace.count("projects")
    log_before = len(main_window.workspace.read_table("import_log"))
    bench = main_window.workbench
    runner = bench.start_import([csv], "projects")
    qtbot.waitUntil(lambda: runner._latest is not None, timeout=30_000)  # the job has begun
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        click_cancel(runner.dialog)
    assert isinstance(bench.last_error, Cancelled)
    with pytest.raises(Cancelled, match="ยกเลิกแล้ว"):
        raise bench.last_error
    assert main_window.workspace.count("projects") == before
    assert len(main_window.workspace.read_table("import_log")) == log_before
    assert not main_window.busy
    assert "ยกเลิก" in main_window.statusBar().currentMessage()
