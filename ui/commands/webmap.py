"""`areaplan webmap WS.gpkg --out map.html`: the offline interactive web map of a workspace."""

from __future__ import annotations

import argparse
from pathlib import Path

from areaplan.importers.report import EXIT_OK


def cmd_webmap(args: argparse.Namespace) -> int:
    """Write the offline web map (HTML + its assets folder, or one self-contained file)."""
    from areaplan.exporters.webmap import WebMapOptions, export_webmap
    from ui.cli import run_with_bar

    options = WebMapOptions(duplicates=args.duplicates, cluster_from=args.cluster_from, simplify_m=args.simplify,
                            single_file=args.single_file, title=args.title, threshold=args.threshold)
    result = run_with_bar("แผนที่เว็บ", lambda bar: export_webmap(args.workspace, args.out, options=options,
                                                                  overwrite=args.overwrite, progress=bar))
    print("\n".join(result.summary()))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `webmap` sub-command."""
    from areaplan.exporters.webmap import DUPLICATE_MODES, WebMapOptions

    defaults = WebMapOptions()
    s = subparsers.add_parser(
        "webmap", help="ส่งออกแผนที่เว็บแบบออฟไลน์ (export an offline interactive web map)",
        description="แผนที่เว็บที่เปิดได้ในเบราว์เซอร์โดยไม่ต้องใช้อินเทอร์เน็ต: ขอบเขต โครงการ พื้นที่เสี่ยงน้ำท่วม "
                    "และโครงการที่อาจซ้ำซ้อน (offline web map: boundaries, projects, flood zones, duplicate flags)",
    )
    s.add_argument("workspace", type=Path, help="พื้นที่ทำงาน .gpkg (workspace)")
    s.add_argument("--out", type=Path, required=True, help="ไฟล์ .html ที่จะเขียน (the page to write)")
    s.add_argument("--duplicates", choices=DUPLICATE_MODES, default=defaults.duplicates,
                   help="run = ตรวจโครงการซ้ำซ้อนตอนส่งออก, decisions = เฉพาะคู่ที่ผู้พิจารณาบันทึกว่าซ้ำ/ไม่แน่ใจ, "
                        "none = ไม่แสดง (default: run)")
    s.add_argument("--threshold", type=float, default=None,
                   help="เกณฑ์คะแนนโครงการซ้ำซ้อนเมื่อ --duplicates run (duplicate score threshold; default 0.75)")
    s.add_argument("--cluster-from", type=int, default=defaults.cluster_from, metavar="N",
                   help=f"จัดกลุ่มจุดโครงการเมื่อมีอย่างน้อย N จุด (cluster from N projects; default {defaults.cluster_from})")
    s.add_argument("--simplify", type=float, default=defaults.simplify_m, metavar="M",
                   help=f"ลดรายละเอียดขอบเขตเป็นเมตร 0 = ไม่ลด (simplify boundaries, metres; default {defaults.simplify_m:g})")
    s.add_argument("--single-file", action="store_true",
                   help="รวมทุกอย่างไว้ในไฟล์ .html เดียว (inline every script, style and font)")
    s.add_argument("--title", default=None, help="ชื่อแผนที่ (page title; default: the workspace title)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace an existing page)")
    s.set_defaults(func=cmd_webmap)
