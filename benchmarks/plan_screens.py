"""The plan screens (แผน menu) stay responsive: UI-thread time of each step and the longest UI stall.

    python benchmarks/plan_screens.py              # the demo workspace (127 tambons, 1,500 projects, 35 plans)
    python benchmarks/plan_screens.py --national   # 7,425 real tambons, synthetic 100,000 projects, 5,000 plans

Runs offscreen. A 5 ms timer on the UI thread records how late it fires: the "longest stall" is the longest time the
UI could not react (input, repaint) while a step ran, worker threads included. Each step prints its wall time and
that stall. A plain map redraw is measured first for comparison: the canvas redraws the boundaries after a dock
opens or a layer is added, which is most of the stall of the map steps at national scale. Steps: build the plan
index (demo only: on a worker, from the workspace file), list an area's plans (tree), show a plan on the map
(worker builds the layer; the UI inserts it and repaints), the area × agenda matrix, the checks, the calendar. --national needs ../shared/data/thailand_admin.gpkg (boundaries) and uses the synthetic
plans and projects of benchmarks/plan_links.py, indexed from frames (no workspace file). Figures vary with load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("AREAPLAN_SETTINGS_DIR", tempfile.mkdtemp(prefix="areaplan-bench-settings-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


class StallMeter:
    """The longest gap between ticks of a 5 ms UI timer, per measured step."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.last = 0
        self.worst = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.clock.start()
        self.last, self.worst = 0, 0
        self.timer.start()

    def stop(self) -> int:
        self.timer.stop()
        return self.worst


def run_until(app, done, timeout: float = 120.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() > end:
            raise TimeoutError("step did not finish")


def step(app, meter: StallMeter, name: str, action, done=lambda: True) -> None:
    """Run an action (and wait until `done`), print wall time and the longest UI stall."""
    meter.start()
    t = time.perf_counter()
    action()
    sync = time.perf_counter() - t
    run_until(app, done)
    for _ in range(5):  # let the repaint that follows happen inside the measurement
        app.processEvents()
        time.sleep(0.01)
    wall = time.perf_counter() - t
    stall = meter.stop()
    print(f"{name:<48} wall {wall * 1000:8.0f} ms   UI-thread call {sync * 1000:7.0f} ms   "
          f"longest UI stall {max(stall, sync * 1000):6.0f} ms")


def national_window(window) -> None:
    """Boundaries of the whole country on the map and a synthetic national plan index in the service."""
    import geopandas as gpd
    import pyogrio

    from benchmarks.plan_links import ADMIN, load_areas, synth
    from areaplan.analyses.plan_links import PlanIndex
    from layers.model import LayerList, layer_from_workspace

    layers = []
    for level, n in (("tambon", 3), ("amphoe", 2), ("changwat", 1)):
        df = pyogrio.read_dataframe(ADMIN, layer=level)
        frame = gpd.GeoDataFrame({"fid": range(1, len(df) + 1), "code": df[f"ADM{n}_PCODE"].str[2:],
                                  "name_th": df[f"ADM{n}_TH"], "name_en": df[f"ADM{n}_EN"],
                                  "parent_code": df[f"ADM{n - 1}_PCODE"].str[2:] if n > 1 else None},
                                 geometry=df.geometry.to_crs("EPSG:4326"), crs="EPSG:4326")
        layers.append(layer_from_workspace(level, frame))
    window.set_layers(LayerList(layers), title="national")
    areas, _source = load_areas()
    plans, plan_areas, projects, project_plans = synth(areas, 100_000, 5_000)
    t = time.perf_counter()
    index = PlanIndex(areas, plans, projects, project_plans, plan_areas)
    print(f"{'build PlanIndex (frames, not timed on the UI)':<48} {time.perf_counter() - t:8.2f} s")
    service = window.plan_index_service
    service.index = index
    service.indexChanged.emit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true")
    args = parser.parse_args(argv)

    from ui.app import create_application
    from ui.main_window import DEMO_WORKSPACE, MainWindow

    app = create_application()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    meter = StallMeter()
    service = window.plan_index_service
    if args.national:
        from benchmarks.plan_links import ADMIN

        if not ADMIN.exists():
            print(f"skipped: {ADMIN} not found")
            return 0
        national_window(window)
        area, plan, big_plan = "100101", "PV10", "NAT0"
    else:
        if not DEMO_WORKSPACE.exists():
            print("skipped: sample_data/demo_songkhla.gpkg not built")
            return 0
        tmp = Path(tempfile.mkdtemp(prefix="areaplan-bench-"))
        copy = tmp / "demo.gpkg"
        shutil.copy(DEMO_WORKSPACE, copy)
        step(app, meter, "open workspace + build plan index (worker)", lambda: window.open_workspace(copy),
             lambda: service.ready)
        area, plan, big_plan = "901104", "PV90", "AG-RID"
    panel = window.plan_links
    window.action_plan_links.trigger()
    run_until(app, lambda: True)
    # context: a plain redraw of the map (no plan screen involved) at this window size
    step(app, meter, "baseline: map redraw after zoom to full extent", lambda: (window.canvas.zoom_at(0, 0, 0.9),
                                                                                window.canvas.full_extent()))
    step(app, meter, f"area → plans: tree of {area}", lambda: panel.show_area(area, zoom=False))
    for pid in (plan, big_plan):
        step(app, meter, f"plan → areas: {pid} on the map", lambda pid=pid: panel.show_plan(pid, zoom=True),
             lambda pid=pid: panel.plan_map is not None and panel.plan_map.plan_id == pid
             and not panel.plan_runner.is_running())
    window.action_plan_matrix.trigger()
    matrix = window.plan_matrix
    step(app, meter, "area × agenda matrix (worker + table)", lambda: matrix.run(),
         lambda: matrix.result is not None and not matrix.runner.is_running())
    step(app, meter, "matrix: switch measure (recolour)", lambda: matrix.set_measure("projects"))
    window.action_plan_checks.trigger()
    checks = window.plan_checks
    step(app, meter, "alignment checks (worker + lists)", lambda: checks.run(),
         lambda: checks.result is not None and not checks.runner.is_running())
    window.action_plan_calendar.trigger()
    step(app, meter, "plan calendar (pyqtgraph)", lambda: window.plan_calendar.draw())
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
