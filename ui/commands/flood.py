"""`areaplan exposure` (flood exposure of areas and projects) and `areaplan hazard add` (add a hazard layer)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HAZARD_KINDS = ("depth", "frequency", "class")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `exposure` and `hazard` parsers."""
    from areaplan.analyses.flood_exposure import LEVELS

    s = subparsers.add_parser(
        "exposure", help="ความเสี่ยงน้ำท่วมรายพื้นที่และรายโครงการ (flood exposure of areas and projects)",
        description="คำนวณพื้นที่แต่ละระดับความเสี่ยง (ตร.กม. ไร่ สัดส่วน) ความลึกเฉลี่ย/สูงสุด และโครงการในพื้นที่เสี่ยง "
                    "(area per hazard class, mean/max depth, projects in the water). See docs/flood.md.")
    s.add_argument("workspace", type=Path)
    s.add_argument("--hazard", help="ชื่อชั้นข้อมูลภัย (hazard name; default: the only one, or the only depth raster)")
    s.add_argument("--level", choices=LEVELS, default="tambon", help="ระดับพื้นที่ (area level, default tambon)")
    s.add_argument("--out", type=Path, required=True, help="ไฟล์ผลลัพธ์ .csv .xlsx หรือ .gpkg (output file)")
    s.add_argument("--gaps", action="store_true",
                   help="เพิ่มการวิเคราะห์ช่องว่างความเสี่ยงกับงบป้องกันน้ำท่วม (add the risk vs investment gaps)")
    s.add_argument("--lang", choices=("th", "en"), default="th", help="ภาษาหัวตาราง (header language, default th)")
    s.add_argument("--nodata-unknown", action="store_true",
                   help="นับค่า nodata เป็น 'ไม่มีข้อมูล' แทน 'ไม่ท่วม' (count nodata cells as unknown, not dry)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace an existing output)")
    s.add_argument("--save", action="store_true",
                   help="เก็บผลไว้ในพื้นที่ทำงานเป็นผลล่าสุดของภัยและระดับนี้ (store the result in the workspace "
                        "as the last one of this hazard and level; the review screen shows it on opening)")
    s.set_defaults(func=cmd_exposure)

    h = subparsers.add_parser("hazard", help="จัดการชั้นข้อมูลภัย (hazard layers)")
    hs = h.add_subparsers(dest="hazard_command", required=True)
    a = hs.add_parser("add", help="เพิ่มชั้นข้อมูลภัยจาก GeoTIFF หรือไฟล์รูปแปลง (add a hazard raster or zone file)")
    a.add_argument("workspace", type=Path)
    a.add_argument("file", type=Path)
    a.add_argument("--kind", choices=HAZARD_KINDS, default="depth",
                   help="ค่าในภาพแรสเตอร์ (raster values: depth m, frequency count, class 1..4; default depth)")
    a.add_argument("--name", help="ชื่อชั้นข้อมูลภัย (hazard name; default: the file name)")
    a.add_argument("--replace", action="store_true",
                   help="แทนที่ชั้นข้อมูลภัยชื่อเดิม (replace the hazard of that name; its stored results become stale)")
    a.set_defaults(func=cmd_hazard_add)


def cmd_exposure(args: argparse.Namespace) -> int:
    """Run the exposure analysis on a workspace and write the table(s)."""
    from areaplan.analyses import flood_gaps
    from areaplan.analyses.area_notes import notes
    from areaplan.analyses.exposure_store import fingerprints, save_result
    from areaplan.analyses.flood_exposure import ExposureInputs, choose_hazard, run
    from areaplan.exporters import ExportError
    from areaplan.exporters.exposure import write_exposure
    from areaplan.importers.report import EXIT_OK
    from areaplan.progress import Reporter
    from areaplan.workspace import Workspace
    from ui.cli import run_with_bar

    if args.out.exists() and not args.overwrite:
        raise ExportError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite เพื่อเขียนทับ",
                          "the output exists already; pass --overwrite to replace it", path=args.out)
    if args.out.suffix.lower() not in (".csv", ".xlsx", ".gpkg"):
        raise ExportError(f"ไม่รู้จักชนิดไฟล์ส่งออก {args.out.suffix or '(ไม่มีนามสกุล)'} (ใช้ได้: .csv .xlsx .gpkg)",
                          f"unknown output type {args.out.suffix or '(none)'}; use .csv, .xlsx or .gpkg", path=args.out)
    with Workspace.open(args.workspace) as ws:
        prints: dict = {}

        def work(bar):
            rep = Reporter(bar)
            rep(0.0, "อ่านพื้นที่ทำงาน")
            if args.save:  # the inputs as read now (a change during the run makes the stored result stale)
                prints.update(fingerprints(ws, choose_hazard(ws, args.hazard)["name"], args.level))
            inputs = ExposureInputs.from_workspace(ws, args.hazard, level=args.level,
                                                   nodata_as_dry=not args.nodata_unknown, progress=rep.sub(0.0, 0.1))
            return run(inputs, progress=rep.sub(0.1, 1.0))

        result = run_with_bar("ความเสี่ยงน้ำท่วม", work)
        area_notes = notes(ws, args.level)
        if args.save:
            save_result(ws, result, prints=prints)
            print(f"เก็บผลในพื้นที่ทำงานแล้ว (result stored in the workspace: {result.hazard}, {result.level})")
    for w in result.warnings:
        print("คำเตือน: " + w.message, file=sys.stderr)
    gaps = flood_gaps.run(result) if args.gaps else None
    write_exposure(result, args.out, lang=args.lang, gaps=gaps, notes=area_notes, overwrite=True)
    print("\n".join(result.summary()))
    if gaps is not None:
        print("\n".join(gaps.summary()))
    top = result.ranked().head(5)
    th_value, en_value = result.value_label
    for row in top.itertuples(index=False):
        if not row.high_share or row.high_share <= 0:
            continue
        if row.area_km2 == row.area_km2:  # an area (a village point has no area)
            print(f"  {row.code} {row.name_th}: เสี่ยงสูง-สูงมาก {row.high_share:.0%} ({row.high_km2:,.2f} ตร.กม.) "
                  f"(high/very high {row.high_share:.0%}, {row.high_km2:,.2f} km²)")
        else:
            print(f"  {row.code} {row.name_th}: {th_value} {row.value_max:g} ({en_value} {row.value_max:g})")
    print(f"เขียน {args.out} แล้ว (exposure written; hazard {result.hazard}, level {result.level})")
    return EXIT_OK


def cmd_hazard_add(args: argparse.Namespace) -> int:
    """Add a hazard raster (stored inside the workspace) or a zone file to a workspace."""
    from areaplan.errors import InputFileError
    from areaplan.importers.hazard import add_hazard, check_raster
    from areaplan.importers.registry import RASTER_EXTENSIONS
    from areaplan.workspace import Workspace
    from ui.cli import run_with_bar

    if not args.file.is_file():
        raise InputFileError("ไม่พบไฟล์", "file not found", path=args.file)
    if args.file.suffix.lower() in RASTER_EXTENSIONS:
        check_raster(args.file, kind=args.kind)
    with Workspace.open(args.workspace) as ws:
        name = args.name or args.file.stem
        report = run_with_bar(args.file.name, lambda cb: add_hazard(
            ws, args.file, name=name, kind=args.kind, replace=args.replace, progress=cb))
    print("\n".join(report.lines()))
    return report.exit_code
