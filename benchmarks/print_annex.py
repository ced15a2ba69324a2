"""Print composer speed and PDF size on the demo workspace (issue 7 targets).

    python benchmarks/print_annex.py [--workspace sample_data/demo_songkhla.gpkg] [--repeat 5] [--out DIR]

Targets: one A4 tambon annex page ≤ 0.5 s; atlas of the 16 demo amphoe ≤ 5 s; of the 127 tambons ≤ 20 s;
PDF ≤ 300 KB per page (vector maps). Works on a copy of the workspace; the PDFs stay in --out for review.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QGuiApplication  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workspace", type=Path, default=REPO / "sample_data" / "demo_songkhla.gpkg")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841

    from areaplan.workspace import Workspace
    from layers.print import PrintSource, PrintTemplate, choose_areas, export_annex

    out = args.out or Path(tempfile.mkdtemp(prefix="areaplan-print-"))
    out.mkdir(parents=True, exist_ok=True)
    work = out / "workspace.gpkg"
    shutil.copy(args.workspace, work)

    started = time.perf_counter()
    with Workspace.open(work) as ws:
        source = PrintSource.from_workspace(ws)
    print(f"read workspace (layers, rasters, styles, areas): {time.perf_counter() - started:.2f} s")

    def run(name: str, template: PrintTemplate, **choice) -> tuple[float, int, float]:
        areas = choose_areas(source, **choice)
        path = out / f"{name}.pdf"
        result = export_annex(source, areas, path, template=template)
        kb = path.stat().st_size / 1024
        return result.seconds, result.pages, kb

    standard = PrintTemplate()
    map_only = PrintTemplate(table="none")
    cold, pages, kb = run("tambon_khohong", standard, codes=["901104"])
    warm = [run("tambon_khohong", standard, codes=["901104"])[0] for _ in range(args.repeat)]
    print(f"A4 tambon annex (ตำบลคอหงส์, {pages} page): first {cold:.2f} s, then median "
          f"{statistics.median(warm):.2f} s of {args.repeat}; {kb:.0f} KB   [target ≤ 0.5 s]")
    for name, template, choice, target in (
        ("atlas_amphoe_map_only", map_only, {"atlas": "amphoe"}, 5.0),
        ("atlas_amphoe", standard, {"atlas": "amphoe"}, 5.0),
        ("atlas_tambon_map_only", map_only, {"atlas": "tambon"}, 20.0),
        ("atlas_tambon", standard, {"atlas": "tambon"}, 20.0),
        ("province_map_only", map_only, {}, None),
    ):
        seconds, pages, kb = run(name, template, **choice)
        goal = f"   [target ≤ {target:.0f} s]" if target else ""
        print(f"{name}: {pages} pages in {seconds:.2f} s ({seconds / pages * 1000:.0f} ms/page), "
              f"{kb:.0f} KB = {kb / pages:.0f} KB/page{goal}")
    print(f"PDFs in {out}  (PDF size target ≤ 300 KB per page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
