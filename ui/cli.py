"""Command-line interface: `areaplan new|import|info|demo|duplicates|gui`; errors become one line and an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from areaplan import __version__
from areaplan.errors import AreaPlanError, Cancelled
from areaplan.importers.report import EXIT_OK, EXIT_USAGE

EXIT_CANCELLED = 130


class _Bar:
    """A tqdm progress bar fed by AreaPlan's progress(fraction, message) callbacks."""

    def __init__(self, desc: str) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=1000, desc=desc, unit="‰", leave=False, file=sys.stderr,
                         disable=not sys.stderr.isatty(), bar_format="{desc} {bar} {percentage:3.0f}% {postfix}")

    def __call__(self, fraction: float, message: str) -> None:
        self._bar.n = int(fraction * 1000)
        self._bar.set_postfix_str(message[:40], refresh=True)

    def close(self) -> None:
        """Remove the bar from the terminal."""
        self._bar.close()


def run_with_bar(desc: str, work: Callable[[Callable[[float, str], None]], object]) -> object:
    """Run work(progress) with a terminal progress bar on stderr; return its result."""
    bar = _Bar(desc)
    try:
        return work(bar)
    finally:
        bar.close()


def cmd_new(args: argparse.Namespace) -> int:
    """Create an empty workspace, optionally importing boundaries."""
    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace

    ws = Workspace.create(args.workspace, overwrite=args.overwrite, title=args.title)
    print(f"สร้างพื้นที่ทำงาน {ws.path} แล้ว (workspace created)")
    code = EXIT_OK
    if args.boundaries:
        for path in args.boundaries:
            report = run_with_bar("เขตการปกครอง", lambda cb, p=path: import_file(ws, p, "boundaries", progress=cb))
            print("\n".join(report.lines()))
            code = max(code, report.exit_code)
    ws.close()
    return code


def cmd_import(args: argparse.Namespace) -> int:
    """Import files into a workspace and print each import report."""
    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace

    code = EXIT_OK
    with Workspace.open(args.workspace) as ws:
        for path in args.files:
            report = run_with_bar(
                Path(path).name,
                lambda cb, p=path: import_file(ws, p, args.kind, layer=args.layer, hazard_name=args.hazard_name,
                                               raster_kind=args.raster_kind, progress=cb),
            )
            print("\n".join(report.lines()))
            code = max(code, report.exit_code)
    return code


def cmd_info(args: argparse.Namespace) -> int:
    """Print what a workspace holds."""
    from areaplan.workspace import Workspace
    from areaplan.workspace.info import describe

    with Workspace.open(args.workspace) as ws:
        print("\n".join(describe(ws)))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Build the demonstration workspace (Songkhla, schematic boundaries)."""
    from areaplan.demo.build import build_demo

    path = run_with_bar("ข้อมูลสาธิต", lambda cb: build_demo(args.out, seed=args.seed, overwrite=args.overwrite,
                                                              inputs_dir=args.inputs, progress=cb))
    print(f"สร้างพื้นที่ทำงานสาธิต {path} แล้ว (demo workspace written)")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop application."""
    from ui.app import main as gui_main

    workspace = getattr(args, "workspace", None)
    if getattr(args, "demo", False):
        from areaplan.demo.working_copy import demo_working_copy

        workspace = demo_working_copy()
    return gui_main([], workspace=workspace, screenshot=getattr(args, "screenshot", None))


def cmd_duplicates(args: argparse.Namespace) -> int:
    """Find duplicate projects; write pairs.csv and optionally the committee report."""
    from areaplan.analyses.duplicates import inputs_from_files, run, save_title_features, validate
    from areaplan.errors import InputFileError
    from areaplan.exporters.duplicates import write_pairs_csv, write_report_xlsx

    for out in (args.out, args.report):
        if out is not None and out.exists() and not args.overwrite:
            raise InputFileError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite เพื่อเขียนทับ",
                                 "the output exists already; pass --overwrite to replace it", path=out)
    params = {"threshold": args.threshold, "years": args.years, "distance_m": args.distance}

    def work(bar):
        inputs = inputs_from_files(args.inputs, boundaries=args.boundaries, progress=bar, **params)
        for p in validate(inputs):
            print(("คำเตือน: " if p.severity == "warning" else "") + p.message, file=sys.stderr)
        from areaplan.progress import Reporter

        result = run(inputs, progress=Reporter(bar).sub(0.3, 1.0))
        if inputs.workspace:  # the titles a workspace lacked are stored for the next run
            save_title_features(inputs.workspace, result)
        return result

    result = run_with_bar("โครงการซ้ำซ้อน", work)
    write_pairs_csv(result, args.out)
    print("\n".join(result.summary()))
    print(f"เขียน {args.out} แล้ว (pairs written)")
    if args.report is not None:
        if args.report.suffix.lower() == ".pdf":
            from layers.print.duplicates_report import write_report_pdf
            from ui.headless import painting_application

            app = painting_application()  # noqa: F841 - must outlive the painting
            write_report_pdf(result, args.report)
        else:
            write_report_xlsx(result, args.report)
        print(f"เขียน {args.report} แล้ว (committee report written)")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `areaplan` command."""
    p = argparse.ArgumentParser(
        prog="areaplan",
        description="AreaPlan ระบบแผนที่บูรณาการแผนเชิงพื้นที่ — offline GIS for Thai provincial planning. "
        "ไม่ระบุคำสั่ง = เปิดโปรแกรม (no command opens the desktop app).",
    )
    p.add_argument("--version", action="version", version=f"AreaPlan {__version__}")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("new", help="สร้างพื้นที่ทำงานใหม่ (create a workspace)")
    s.add_argument("workspace", type=Path)
    s.add_argument("--boundaries", type=Path, action="append", help="ไฟล์เขตการปกครอง (boundary file)")
    s.add_argument("--title", help="ชื่อพื้นที่ทำงาน (workspace title)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace an existing file)")
    s.set_defaults(func=cmd_new)

    s = sub.add_parser("import", help="นำเข้าไฟล์ (import files)")
    s.add_argument("workspace", type=Path)
    s.add_argument("files", type=Path, nargs="+")
    s.add_argument("--kind", choices=("projects", "plans", "boundaries", "hazard", "indicators"),
                   help="ชนิดข้อมูล (default: detected from the file)")
    s.add_argument("--layer", help="ชั้นข้อมูลหรือชีต (layer or sheet)")
    s.add_argument("--hazard-name", help="ชื่อชั้นข้อมูลภัย (hazard name)")
    s.add_argument("--raster-kind", choices=("depth", "frequency", "class"), default="depth")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("info", help="สรุปพื้นที่ทำงาน (describe a workspace)")
    s.add_argument("workspace", type=Path)
    s.set_defaults(func=cmd_info)

    s = sub.add_parser("demo", help="สร้างพื้นที่ทำงานสาธิต (build the demo workspace)")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--seed", type=int, default=2569)
    s.add_argument("--inputs", type=Path, help="เก็บไฟล์นำเข้าตัวอย่างไว้ที่โฟลเดอร์นี้ (keep the input files here)")
    s.add_argument("--overwrite", action="store_true")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("duplicates", help="ตรวจโครงการซ้ำซ้อน (find duplicate projects)")
    s.add_argument("inputs", type=Path, nargs="+", metavar="INPUT",
                   help="พื้นที่ทำงาน .gpkg หรือไฟล์โครงการ (workspace or project files: CSV, XLSX, GeoJSON, …)")
    s.add_argument("--out", type=Path, required=True, help="ไฟล์คู่ที่ซ้ำ pairs.csv (pairs CSV)")
    s.add_argument("--boundaries", type=Path, help="ไฟล์ขอบเขตตำบล (tambon boundaries: adjacency and names)")
    s.add_argument("--threshold", type=float, default=0.75, help="เกณฑ์คะแนน 0–1 (score threshold, default 0.75)")
    s.add_argument("--years", type=int, default=1, help="ปีงบประมาณห่างกันไม่เกิน (fiscal years apart, default 1)")
    s.add_argument("--distance", type=float, default=1000.0, help="ระยะห่างเป็นเมตร (metres, default 1000)")
    s.add_argument("--report", type=Path,
                   help="รายงานสำหรับคณะกรรมการ .xlsx หรือ .pdf (committee report, XLSX or PDF by extension)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace existing outputs)")
    s.set_defaults(func=cmd_duplicates)

    s = sub.add_parser("gui", help="เปิดโปรแกรม (open the desktop app)")
    s.add_argument("workspace", type=Path, nargs="?")
    s.add_argument("--screenshot", type=Path, help="บันทึกภาพหน้าจอแล้วปิด (save a screenshot and quit)")
    s.add_argument("--demo", action="store_true",
                   help="เปิดสำเนาข้อมูลสาธิตของผู้ใช้ (open your own copy of the demo workspace)")
    s.set_defaults(func=cmd_gui)

    from ui.commands import register_all

    register_all(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `areaplan` console script."""
    args = build_parser().parse_args(argv)
    if not getattr(args, "command", None):
        args.workspace = None
        args.func = cmd_gui
    try:
        return int(args.func(args) or 0)
    except Cancelled as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว (cancelled)", file=sys.stderr)
        return EXIT_CANCELLED
    except AreaPlanError as exc:
        print(f"areaplan: {exc.message}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
