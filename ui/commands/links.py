"""`areaplan links|matrix|checks`: plans ↔ areas from the command line (docs/plans.md).

    areaplan links WS.gpkg --area CODE [--json]     plans and projects touching an area
    areaplan links WS.gpkg --plan PLAN_ID [--json]  areas a plan touches, with projects and budget
    areaplan matrix WS.gpkg --out matrix.xlsx       area × agenda matrix with a heat-map
    areaplan checks WS.gpkg --out checks.xlsx       alignment checks
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from areaplan.errors import InputFileError
from areaplan.importers.report import EXIT_OK

#: Projects listed under each plan in the table output (JSON lists them all).
PROJECTS_SHOWN = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `links`, `matrix` and `checks` parsers."""
    s = subparsers.add_parser("links", help="แผนและโครงการที่เกี่ยวข้องกับพื้นที่ หรือพื้นที่ของแผน "
                                            "(plans touching an area, or the areas of a plan)")
    s.add_argument("workspace", type=Path)
    what = s.add_mutually_exclusive_group(required=True)
    what.add_argument("--area",
                      help="รหัสพื้นที่ DOPA/PCODE หรือชื่อ เช่น 901104, TH901104, คอหงส์ (area code or name)")
    what.add_argument("--plan", help="รหัสแผน (plan id)")
    s.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON (print JSON)")
    s.add_argument("--level", choices=("changwat", "amphoe", "tambon", "muban"), default="tambon",
                   help="ระดับพื้นที่ที่แสดงสำหรับ --plan (areas listed for --plan; default tambon)")
    s.add_argument("--limit", type=int, default=30,
                   help="จำนวนพื้นที่ที่แสดงในตาราง --plan (rows shown for --plan; default 30, 0 = all)")
    s.set_defaults(func=cmd_links)

    s = subparsers.add_parser("matrix", help="ตารางพื้นที่ × ประเด็น (area × agenda matrix, XLSX)")
    s.add_argument("workspace", type=Path)
    s.add_argument("--out", type=Path, required=True, help="ไฟล์ผลลัพธ์ .xlsx (output workbook)")
    s.add_argument("--level", choices=("changwat", "amphoe", "tambon"), default="tambon",
                   help="ระดับพื้นที่ของแถว (rows; default tambon)")
    s.add_argument("--year", type=int, action="append", dest="years",
                   help="เฉพาะปีงบประมาณ พ.ศ. (only this fiscal year, BE; repeatable)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace an existing output)")
    s.set_defaults(func=cmd_matrix)

    s = subparsers.add_parser("checks", help="ตรวจความเชื่อมโยงของแผน (plan alignment checks, XLSX)")
    s.add_argument("workspace", type=Path)
    s.add_argument("--out", type=Path, required=True, help="ไฟล์ผลลัพธ์ .xlsx (output workbook)")
    s.add_argument("--direct-only", action="store_true",
                   help="นับเฉพาะการเชื่อมกับแผนจังหวัด/กลุ่มจังหวัดโดยตรง ไม่นับผ่านแผนแม่ "
                        "(count only direct links to provincial/cluster plans, not through parent plans)")
    s.add_argument("--overwrite", action="store_true", help="เขียนทับไฟล์เดิม (replace an existing output)")
    s.set_defaults(func=cmd_checks)


def _index(path: Path):
    from areaplan.analyses.plan_links import PlanIndex
    from ui.cli import run_with_bar

    return run_with_bar("ดัชนีแผน", lambda bar: PlanIndex.from_path(path, progress=bar))


def _check_out(path: Path, overwrite: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise InputFileError("ไฟล์ผลลัพธ์ต้องเป็น .xlsx", "the output must be an .xlsx workbook", path=path)
    if path.exists() and not overwrite:
        raise InputFileError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite เพื่อเขียนทับ",
                             "the output exists already; pass --overwrite to replace it", path=path)


def _baht(value: float) -> str:
    return f"{value:,.0f}"


def _print_json(data: dict) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def area_lines(links) -> list[str]:
    """The answer of `links --area` as printable lines: level → kind → plan → projects."""
    from areaplan.analyses.plan_links import ADMIN_LABELS, COVERAGE_SOURCES, RELATIONS

    a, t = links.area, links.totals
    within = " ".join(f"{ADMIN_LABELS[w['level']][0]}{w['name_th'] or w['code']}" for w in reversed(a["within"]))
    level_th, level_en = ADMIN_LABELS.get(a["level"], (a["level"], a["level"]))
    out = [f"{level_th}{a['name_th'] or ''} ({a['code']}) {within}".rstrip() + f" [{level_en}]",
           f"แผนที่เกี่ยวข้อง {t['plans']:,} แผน (มีโครงการในพื้นที่ {t['plans_with_projects']:,}); "
           f"โครงการในพื้นที่ {t['projects']:,} โครงการ งบประมาณ {_baht(t['budget'])} บาท; "
           f"ไม่อยู่ในแผนใด {t['unplanned_projects']:,} โครงการ",
           f"({t['plans']:,} plans touch it, {t['plans_with_projects']:,} with projects here; {t['projects']:,} "
           f"projects, {_baht(t['budget'])} baht; {t['unplanned_projects']:,} projects in no plan)"]
    for g in links.groups():
        out.append("")
        out.append(f"■ {g['level_th']} ({g['level'] or '-'}) · {g['kind_th']} ({g['kind'] or '-'}): "
                   f"{len(g['plans'])} แผน, {g['projects']:,} โครงการ, {_baht(g['budget'])} บาท")
        for p in g["plans"]:
            how = []
            if p["relation"]:
                how.append(RELATIONS[p["relation"]][1])
            if p["coverage_source"] and p["coverage_source"] != "coverage":
                how.append(COVERAGE_SOURCES[p["coverage_source"]][1])
            if p["via_projects"]:
                how.append("projects here")
            period = f"{p['period_start'] or '?'}–{p['period_end'] or '?'}"
            out.append(f"  {p['plan_id']}  {p['name']}  [{period}]  {p['projects']:,} โครงการ "
                       f"{_baht(p['budget'])} บาท  ({'; '.join(how)})")
            for pr in p["projects_list"][:PROJECTS_SHOWN]:
                out.append(f"      - {pr['project_id']}  {pr['title']}  ปี {pr['fiscal_year'] or '?'}  "
                           f"{_baht(pr['budget'] or 0)} บาท")
            if len(p["projects_list"]) > PROJECTS_SHOWN:
                more = len(p["projects_list"]) - PROJECTS_SHOWN
                out.append(f"      … และอีก {more:,} โครงการ (and {more:,} more; --json lists all)")
    if len(links.unplanned):
        out.append("")
        out.append(f"■ โครงการที่ไม่อยู่ในแผนใด (projects in no plan): {len(links.unplanned):,}")
        for pr in links.unplanned.head(PROJECTS_SHOWN).itertuples(index=False):
            out.append(f"      - {pr.project_id}  {pr.title}  {_baht(pr.budget if pr.budget == pr.budget else 0)} บาท")
    return out


def plan_lines(result, level: str, limit: int) -> list[str]:
    """The answer of `links --plan` as printable lines."""
    from areaplan.analyses.plan_links import ADMIN_LABELS, COVERAGE_SOURCES
    from areaplan.vocab import AGENDAS, LEVELS, PLAN_KINDS

    p, t = result.plan, result.totals
    out = [f"{p['plan_id']}  {p['name']}",
           f"ระดับ {LEVELS.get(p['level'], p['level'])} ({p['level']}) · {PLAN_KINDS.get(p['kind'], p['kind'])} "
           f"({p['kind']})" + (f" · ประเด็น {AGENDAS.get(p['agenda'], p['agenda'])} ({p['agenda']})"
                               if p["agenda"] else "")
           + f" · {p['period_start'] or '?'}–{p['period_end'] or '?'} · {p['owner'] or ''}"]
    if result.parents:
        out.append("แผนแม่ (parents): " + " → ".join(result.parents))
    if result.children:
        out.append(f"แผนย่อย (children): {', '.join(result.children[:20])}"
                   + (" …" if len(result.children) > 20 else ""))
    cov = [f"{r.code or 'ทั้งประเทศ'} {r.name_th or ''}".strip() + f" [{COVERAGE_SOURCES[r.source][1]}]"
           for r in result.coverage.itertuples(index=False)]
    out.append("พื้นที่ครอบคลุม (coverage): " + ("; ".join(cov) if cov else "-"))
    if result.note:
        out.append(f"หมายเหตุ (note): {result.note}")
    areas = ", ".join(f"{ADMIN_LABELS[lv][0]} {n:,}" for lv, n in t["areas"].items() if n)
    out.append(f"พื้นที่ที่เกี่ยวข้อง (areas touched): {areas or '-'}; โครงการ {t['projects']:,} "
               f"(ระบุที่ตั้งได้ {t['located_projects']:,}) งบประมาณ {_baht(t['budget'])} บาท "
               f"({t['projects']:,} projects, {_baht(t['budget'])} baht)")
    rows = result.at_level(level).sort_values(["budget", "code"], ascending=[False, True], kind="stable")
    shown = rows if limit <= 0 else rows.head(limit)
    out.append("")
    out.append(f"{ADMIN_LABELS[level][0]} ({level}): {len(rows):,}")
    for r in shown.itertuples(index=False):
        how = r.relation or "-"
        out.append(f"  {r.code}  {r.name_th or ''}  {how}  {r.projects:,} โครงการ  {_baht(r.budget)} บาท")
    if len(rows) > len(shown):
        more = len(rows) - len(shown)
        out.append(f"  … และอีก {more:,} แห่ง (and {more:,} more; --limit 0 or --json lists all)")
    return out


def cmd_links(args: argparse.Namespace) -> int:
    """Print the plans touching an area, or the areas a plan touches."""
    index = _index(args.workspace)
    if args.area is not None:
        result = index.area_links(args.area)
        if args.json:
            _print_json(result.to_dict())
        else:
            print("\n".join(area_lines(result)))
        return EXIT_OK
    result = index.plan_areas(args.plan)
    if args.json:
        _print_json(result.to_dict())
    else:
        print("\n".join(plan_lines(result, args.level, args.limit)))
    return EXIT_OK


def cmd_matrix(args: argparse.Namespace) -> int:
    """Write the area × agenda matrix workbook."""
    from areaplan.analyses import plan_matrix
    from areaplan.exporters.plan_links import write_matrix_xlsx
    from ui.cli import run_with_bar

    _check_out(args.out, args.overwrite)
    index = _index(args.workspace)
    params = plan_matrix.MatrixParams(level=args.level, fiscal_years=tuple(args.years) if args.years else None)
    inputs = plan_matrix.MatrixInputs(index, params)
    for p in plan_matrix.validate(inputs):
        if p.severity == "warning":
            print(f"คำเตือน: {p.message}", file=sys.stderr)
    result = run_with_bar("ตารางพื้นที่ × ประเด็น", lambda bar: plan_matrix.run(inputs, progress=bar))
    write_matrix_xlsx(result, args.out)
    print("\n".join(result.summary()))
    print(f"เขียน {args.out} แล้ว (matrix written)")
    return EXIT_OK


def cmd_checks(args: argparse.Namespace) -> int:
    """Run the alignment checks and write their workbook."""
    from areaplan.analyses import plan_checks
    from areaplan.exporters.plan_links import write_checks_xlsx
    from ui.cli import run_with_bar

    _check_out(args.out, args.overwrite)
    index = _index(args.workspace)
    inputs = plan_checks.ChecksInputs(index, plan_checks.ChecksParams(through_parents=not args.direct_only))
    for p in plan_checks.validate(inputs):
        print(f"คำเตือน: {p.message}", file=sys.stderr)
    result = run_with_bar("ตรวจแผน", lambda bar: plan_checks.run(inputs, progress=bar))
    names = dict(zip(index.areas["code"], index.areas["name_th"]))
    write_checks_xlsx(result, args.out, area_names=names)
    print("\n".join(result.summary()))
    print(f"เขียน {args.out} แล้ว (checks written)")
    return EXIT_OK
