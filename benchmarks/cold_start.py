"""Benchmark: cold start of the desktop app to a painted main window on the demo workspace.

Target (issue 3): ≤ 3 s. Each run is a fresh `python` process on the offscreen platform that runs
`ui.app.main(demo, quit_when_painted=True)`; the time runs from just before the process is spawned until
the map canvas has finished its first paint with the demo layers. Peak memory is the child's max RSS.
Usage: python benchmarks/cold_start.py [--runs 5] [--workspace sample_data/demo_songkhla.gpkg]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"
CHILD = (
    "import sys; from ui.app import main; "
    "sys.exit(main([], workspace=sys.argv[1], quit_when_painted=True))"
)


def one_run(workspace: Path, settings_dir: Path) -> tuple[float, float]:
    """(seconds to the first paint, peak RSS MiB) of one fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AREAPLAN_SETTINGS_DIR": str(settings_dir)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(workspace)], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"the app failed (exit {proc.returncode}):\n{proc.stderr}")
    painted = next(float(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("painted "))
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far; runs are alike, so the max is the peak
    return painted - start, max(peak_kib, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workspace", type=Path, default=DEMO)
    args = parser.parse_args()
    if not args.workspace.is_file():
        raise SystemExit(f"{args.workspace} not found (make it with: areaplan demo --out {args.workspace})")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(shutil.copy(args.workspace, Path(tmp) / "demo.gpkg"))  # the app never writes the original
        times, peaks = [], []
        for i in range(args.runs):
            seconds, peak = one_run(ws, Path(tmp) / "settings")
            times.append(seconds)
            peaks.append(peak)
            print(f"run {i + 1}: {seconds:.2f} s to a painted window")
    median = statistics.median(times)
    print(f"cold start to painted demo window: median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}) "
          f"over {len(times)} runs; target ≤ 3 s: {'OK' if median <= 3 else 'OVER'}")  # fmt: skip
    print(f"peak memory (max RSS of the app process): {max(peaks):.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
