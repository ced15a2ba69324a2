"""Plan outputs as Excel workbooks: the area × agenda matrix with a heat-map, and the alignment checks.

The matrix workbook has one sheet per measure (budget, projects, agenda plans): one row per area with its
names, one column per agenda, a colour-scale heat-map over the agenda block, and the gaps left empty and shaded
(pink: an agenda plan covers the area but no project; grey: neither plan nor project); then the list of gaps and
the provenance. The checks workbook has a summary, one sheet per check (budgets as a heat-map) and unaligned
projects per amphoe.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from areaplan.analyses.plan_checks import CHECKS, ChecksResult
from areaplan.analyses.plan_matrix import GAP_KINDS, MEASURES, MatrixResult
from areaplan.exporters import atomic_write
from areaplan.vocab import AGENDAS, LEVELS, PLAN_KINDS

EXTENSIONS: tuple[str, ...] = (".xlsx",)
DESCRIPTION = "ตารางพื้นที่ × ประเด็น และผลตรวจความเชื่อมโยงแผน (plan matrix and checks workbooks)"

HEAT = {"start_type": "min", "start_color": "FFFFFFFF", "mid_type": "percentile", "mid_value": 50,
        "mid_color": "FFFFD27F", "end_type": "max", "end_color": "FFE0452B"}
GAP_FILLS = {"plan_without_projects": PatternFill("solid", fgColor="FFF8CBD0"),
             "no_plan_no_project": PatternFill("solid", fgColor="FFE7E6E6")}
_BOLD = Font(bold=True)
_AREA_HEADERS = {"code": "รหัสพื้นที่ (code)", "name_th": "ชื่อ (name)", "amphoe_name": "อำเภอ (amphoe)",
                 "changwat_name": "จังหวัด (changwat)"}
_CHECK_HEADERS = {
    "source": "ไฟล์ที่มา (source)", "project_id": "รหัสโครงการ (project id)", "title": "ชื่อโครงการ (title)",
    "channel": "ช่องทาง (channel)", "agency": "หน่วยงาน (agency)", "fiscal_year": "ปีงบประมาณ (fiscal year)",
    "budget": "งบประมาณ บาท (budget)", "agenda": "ประเด็น (agenda)", "area_code": "รหัสพื้นที่ (area)",
    "plan_ids": "แผนที่เชื่อม (plans)", "reason_th": "เหตุผล", "reason_en": "reason", "plan_id": "รหัสแผน (plan id)",
    "plan_name": "ชื่อแผน (plan)", "name": "ชื่อแผน (plan)", "level": "ระดับ (level)", "kind": "ประเภท (kind)",
    "owner": "หน่วยงานเจ้าของแผน (owner)", "period_start": "ปีเริ่ม (start)", "period_end": "ปีสิ้นสุด (end)",
    "projects": "จำนวนโครงการ (projects)", "sub_plans": "แผนย่อยระดับเดียวกัน (same-level sub-plans)",
    "cycle": "ลำดับ (cycle)", "plans": "แผนที่วนกลับ (plans)", "length": "จำนวนแผน (length)",
    "plan_ids_cycle": "รหัสแผน (plan ids)", "parent_id": "แผนแม่ (parent)", "project_ids": "รหัสโครงการ (project ids)",
    "coverage": "พื้นที่ครอบคลุม (coverage)",
}
_CHECK_SHEETS = {"unaligned": "ไม่เชื่อมแผนจังหวัด unaligned", "idle_plans": "แผนไม่มีโครงการ idle",
                 "period_mismatch": "นอกช่วงแผน period", "cycles": "แผนแม่วนกลับ cycles",
                 "missing_parents": "ไม่พบแผนแม่ parents", "unknown_plans": "รหัสแผนไม่รู้จัก unknown",
                 "no_area": "ไม่ทราบพื้นที่ no area"}


def agenda_header(code: str) -> str:
    """Column header of an agenda: its Thai label and code."""
    return f"{AGENDAS.get(code, 'ไม่ระบุประเด็น')} ({code})"


def _widths(sheet, max_width: int = 50) -> None:
    for col in sheet.columns:
        width = max((len(str(c.value)) for c in col[:300] if c.value is not None), default=8)
        sheet.column_dimensions[col[0].column_letter].width = min(max_width, max(9, width + 2))


def _heat(sheet, first_col: int, last_col: int, n_rows: int) -> None:
    if n_rows and last_col >= first_col:
        ref = f"{get_column_letter(first_col)}2:{get_column_letter(last_col)}{n_rows + 1}"
        sheet.conditional_formatting.add(ref, ColorScaleRule(**HEAT))


def write_matrix_xlsx(result: MatrixResult, path: str | Path) -> Path:
    """The matrix workbook: budget, projects and plans sheets with heat-maps, gaps, provenance."""
    areas = result.areas
    name_cols = [c for c in ("code", "name_th", "amphoe_name", "changwat_name") if c in areas.columns]
    head = areas[name_cols].rename(columns=_AREA_HEADERS).reset_index(drop=True)
    gap = result.cells.pivot(index="area_code", columns="agenda", values="gap").reindex(
        index=areas["code"], columns=list(result.agendas))
    sheets: list[tuple[str, pd.DataFrame, str]] = []
    for measure, sheet_name in (("budget", "งบประมาณ budget"), ("projects", "โครงการ projects"),
                                ("plans", "แผนเชิงประเด็น plans")):
        wide = result.wide(measure).reset_index(drop=True)
        wide.columns = [agenda_header(c) if c != "total" else "รวม (total)" for c in wide.columns]
        sheets.append((sheet_name, pd.concat([head, wide], axis=1), measure))
    gaps = result.gaps().merge(areas[name_cols], left_on="area_code", right_on="code", how="left")
    gaps = pd.DataFrame({
        "รหัสพื้นที่ (code)": gaps["area_code"], "ชื่อ (name)": gaps["name_th"],
        **({"อำเภอ (amphoe)": gaps["amphoe_name"]} if "amphoe_name" in gaps else {}),
        "ประเด็น (agenda)": gaps["agenda"].map(agenda_header),
        "ช่องว่าง": gaps["gap"].map(lambda g: GAP_KINDS[g][0]), "gap": gaps["gap"].map(lambda g: GAP_KINDS[g][1]),
        "แผนเชิงประเด็นที่ครอบคลุม (agenda plans)": gaps["plans"]})
    prov = pd.DataFrame({"ที่มา (provenance)": result.provenance.lines() + result.summary() + [
        f"{MEASURES[m][0]} ({MEASURES[m][1]})" for m in MEASURES] + [
        f"ช่องว่างสีชมพู: {GAP_KINDS['plan_without_projects'][0]} (pink: {GAP_KINDS['plan_without_projects'][1]})",
        f"ช่องว่างสีเทา: {GAP_KINDS['no_plan_no_project'][0]} (grey: {GAP_KINDS['no_plan_no_project'][1]})"]})
    n_head, n_ag = len(name_cols), len(result.agendas)

    def write(tmp: str) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            for sheet_name, frame, measure in sheets:
                body = frame.copy()
                agenda_cols = body.columns[n_head:n_head + n_ag]
                body[agenda_cols] = body[agenda_cols].where(body[agenda_cols] != 0)  # gaps stay empty
                body.to_excel(xw, sheet_name=sheet_name, index=False)
                sheet = xw.sheets[sheet_name]
                sheet.freeze_panes = sheet.cell(row=2, column=n_head + 1)
                _heat(sheet, n_head + 1, n_head + n_ag, len(body))
                fmt = "#,##0" if measure == "budget" else "0"
                for j in range(n_ag):
                    col = n_head + 1 + j
                    kinds = gap.iloc[:, j].to_numpy()
                    for i, kind in enumerate(kinds):
                        cell = sheet.cell(row=i + 2, column=col)
                        cell.number_format = fmt
                        if kind and measure != "plans":
                            cell.fill = GAP_FILLS[kind]
                if measure != "plans":
                    for i in range(len(body)):
                        sheet.cell(row=i + 2, column=n_head + n_ag + 1).number_format = fmt
                _widths(sheet, 28)
            gaps.to_excel(xw, sheet_name="ช่องว่าง gaps", index=False)
            _widths(xw.sheets["ช่องว่าง gaps"])
            prov.to_excel(xw, sheet_name="ที่มา provenance", index=False)
            _widths(xw.sheets["ที่มา provenance"], 100)

    return atomic_write(Path(path), write)


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    if "agenda" in out:
        out["agenda"] = out["agenda"].map(lambda a: AGENDAS.get(a, a) if isinstance(a, str) else a)
    if "level" in out:
        out["level"] = out["level"].map(lambda a: LEVELS.get(a, a) if isinstance(a, str) else a)
    if "kind" in out:
        out["kind"] = out["kind"].map(lambda a: PLAN_KINDS.get(a, a) if isinstance(a, str) else a)
    return out.rename(columns=_CHECK_HEADERS)


def write_checks_xlsx(result: ChecksResult, path: str | Path, *, area_names: dict[str, str] | None = None) -> Path:
    """The checks workbook: summary, one sheet per check, unaligned projects per amphoe (heat-map)."""
    counts = result.counts()
    summary = pd.DataFrame({"การตรวจ": [CHECKS[k][0] for k in CHECKS], "check": [CHECKS[k][1] for k in CHECKS],
                            "จำนวนที่พบ (findings)": [counts[k] for k in CHECKS],
                            "แผ่นงาน (sheet)": [_CHECK_SHEETS[k] for k in CHECKS]})
    un = result.unaligned
    amphoe = un["area_code"].dropna().str[:4] if len(un) else pd.Series(dtype=object)
    by_amphoe = (un.loc[amphoe.index].assign(amphoe=amphoe).groupby("amphoe")
                 .agg(projects=("project_id", "size"), budget=("budget", "sum")).reset_index()
                 if len(amphoe) else pd.DataFrame(columns=["amphoe", "projects", "budget"]))
    by_amphoe.insert(1, "name", by_amphoe["amphoe"].map(lambda c: (area_names or {}).get(c)))
    by_amphoe = by_amphoe.sort_values("budget", ascending=False, kind="stable").rename(columns={
        "amphoe": "รหัสอำเภอ (amphoe)", "name": "อำเภอ (name)", "projects": "จำนวนโครงการ (projects)",
        "budget": "งบประมาณ บาท (budget)"})
    prov = pd.DataFrame({"ที่มา (provenance)": result.provenance.lines() + result.summary()})

    def write(tmp: str) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            summary.to_excel(xw, sheet_name="สรุป summary", index=False)
            _heat(xw.sheets["สรุป summary"], 3, 3, len(summary))
            _widths(xw.sheets["สรุป summary"], 70)
            for name, frame in result.tables().items():
                body = _labelled(frame.rename(columns={"plan_ids": "plan_ids_cycle"}) if name == "cycles" else frame)
                body.to_excel(xw, sheet_name=_CHECK_SHEETS[name], index=False)
                sheet = xw.sheets[_CHECK_SHEETS[name]]
                sheet.freeze_panes = "A2"
                if "budget" in frame.columns:
                    col = list(frame.columns).index("budget") + 1
                    _heat(sheet, col, col, len(body))
                    for i in range(len(body)):
                        sheet.cell(row=i + 2, column=col).number_format = "#,##0"
                for cell in sheet[1]:
                    cell.font = _BOLD
                _widths(sheet)
            by_amphoe.to_excel(xw, sheet_name="ตามอำเภอ by amphoe", index=False)
            _heat(xw.sheets["ตามอำเภอ by amphoe"], 3, 4, len(by_amphoe))
            _widths(xw.sheets["ตามอำเภอ by amphoe"])
            prov.to_excel(xw, sheet_name="ที่มา provenance", index=False)
            _widths(xw.sheets["ที่มา provenance"], 100)

    return atomic_write(Path(path), write)
