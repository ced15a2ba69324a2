"""`areaplan annex`: print map annexes and atlases from a workspace, headless (PDF, PNG or SVG)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from areaplan.errors import AreaPlanError

#: Options that change one field of the template: option dest -> template field.
_TEMPLATE_OPTIONS = {
    "page": "page", "title": "title", "subtitle": "subtitle", "grid": "grid", "scale": "map_scale",
    "table": "table", "logo": "logo", "date": "date", "source": "source",
}  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `annex` sub-command."""
    s = subparsers.add_parser(
        "annex",
        help="พิมพ์ภาคผนวกแผนที่และสมุดแผนที่ (print map annexes and atlases: PDF, PNG, SVG)",
        description="พิมพ์ภาคผนวกแผนที่จากพื้นที่ทำงาน โดยไม่ต้องเปิดโปรแกรม (print map annexes headless). "
        "ไม่ระบุ --atlas/--area = แผนที่ทั้งจังหวัด (no --atlas/--area: the whole province).",
    )
    s.add_argument("workspace", type=Path, help="พื้นที่ทำงาน .gpkg (workspace)")
    s.add_argument("--out", type=Path, required=True, help="ไฟล์ผลลัพธ์ .pdf .png หรือ .svg (output file)")
    s.add_argument("--atlas", choices=("amphoe", "tambon", "nested"),
                   help="หนึ่งชุดหน้าต่ออำเภอ/ตำบล หรือรายงานซ้อนชั้น จังหวัด→อำเภอ→ตำบล (one page set per area)")
    s.add_argument("--area", action="append", default=[], metavar="CODE",
                   help="รหัสหรือชื่อพื้นที่ เช่น 901104 หรือ คอหงส์ (ใช้ซ้ำได้; กับ --atlas = เฉพาะในพื้นที่นี้)")
    s.add_argument("--filter", metavar="EXPR",
                   help='เงื่อนไขเลือกพื้นที่ เช่น "projects > 10" หรือ "name_th.str.startswith(\'คลอง\')" '
                   "(columns: code, name_th, name_en, parent_code, projects, budget)")
    s.add_argument("--sort", default="code", help="เรียงตาม code|name|name_en|projects|budget (ขึ้นต้น - = กลับด้าน)")
    s.add_argument("--template", help="แม่แบบที่บันทึกในพื้นที่ทำงานหรือแม่แบบในตัว (template name)")
    s.add_argument("--page", choices=("A4", "A3"), help="ขนาดกระดาษ (default: from the template, A4)")
    s.add_argument("--landscape", action="store_true", default=None, help="แนวนอน (landscape)")
    s.add_argument("--portrait", dest="landscape", action="store_false", help="แนวตั้ง (portrait)")
    s.add_argument("--format", choices=("pdf", "png", "svg"), help="รูปแบบไฟล์ (default: from --out)")
    s.add_argument("--dpi", type=int, help="ความละเอียด (default 300; PNG pixels, PDF coordinates)")
    s.add_argument("--split", action="store_true", help="หนึ่งไฟล์ต่อพื้นที่ (one file per area)")
    s.add_argument("--thai-digits", action="store_true", default=None, help="ใช้เลขไทย (Thai digits)")
    s.add_argument("--title", help="ชื่อเรื่อง ใช้ {area} {area_full} {name} {code} ได้ (title text)")
    s.add_argument("--subtitle", help="ชื่อรอง (subtitle text)")
    s.add_argument("--grid", choices=("none", "lonlat", "utm"), help="เส้นกริดพิกัด (coordinate grid)")
    s.add_argument("--scale", type=float, metavar="N", help="มาตราส่วนคงที่ 1:N เช่น 50000 (fixed scale)")
    s.add_argument("--table", choices=("auto", "projects", "summary", "none"), help="ตารางโครงการ (table kind)")
    s.add_argument("--logo", help="ไฟล์ตราสัญลักษณ์ PNG/JPEG (logo image)")
    s.add_argument("--date", help="วันที่จัดทำ YYYY-MM-DD (default: today)")
    s.add_argument("--source", help="ข้อความแหล่งที่มา (source line)")
    s.add_argument("--save-template", metavar="NAME", help="บันทึกการตั้งค่านี้เป็นแม่แบบในพื้นที่ทำงาน (save as template)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace existing outputs)")
    s.set_defaults(func=cmd_annex)


def _gui_application() -> object:
    """A QGuiApplication for painting; offscreen when there is no display (servers, CI)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["areaplan"])


def cmd_annex(args: argparse.Namespace) -> int:
    """Print annexes: choose the areas, apply the template and options, write the files."""
    from areaplan.atlas_areas import resolve_area
    from areaplan.importers.report import EXIT_OK
    from areaplan.workspace import Workspace
    from areaplan.workspace.templates import save_template
    from ui.cli import run_with_bar

    app = _gui_application()  # noqa: F841 - must outlive the painting
    from layers.print import PrintSource, choose_areas, export_annex, resolve_template

    with Workspace.open(args.workspace) as ws:
        template = resolve_template(args.template, ws)
        changes = {field: getattr(args, dest) for dest, field in _TEMPLATE_OPTIONS.items()
                   if getattr(args, dest) is not None}  # fmt: skip
        if args.landscape is not None:
            changes["landscape"] = args.landscape
        if args.thai_digits:
            changes["thai_digits"] = True
        if args.dpi is not None:
            changes["dpi"] = args.dpi
        if args.logo and not Path(args.logo).is_file():
            raise AreaPlanError("ไม่พบไฟล์ตราสัญลักษณ์", "logo file not found", path=args.logo)
        template = template.with_changes(**changes)
        if args.save_template:
            save_template(ws, args.save_template, template.to_dict())
            print(f"บันทึกแม่แบบ {args.save_template} ในพื้นที่ทำงานแล้ว (template saved)")
        source = run_with_bar("อ่านพื้นที่ทำงาน", lambda _cb: PrintSource.from_workspace(ws))
    codes = [resolve_area(source.areas, a).code for a in args.area]
    areas = choose_areas(source, atlas=args.atlas, codes=codes, filter=args.filter, sort=args.sort)
    result = run_with_bar(
        "ภาคผนวกแผนที่",
        lambda cb: export_annex(source, areas, args.out, template=template, fmt=args.format, dpi=args.dpi,
                                split=args.split, overwrite=args.overwrite, progress=cb),
    )  # fmt: skip
    print("\n".join(result.lines()))
    return EXIT_OK
