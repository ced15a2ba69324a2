"""Duplicate-check outputs: the pairs CSV and the committee report workbook (XLSX).

The pairs CSV (UTF-8 with BOM so Excel shows Thai) has ``project_id_a, project_id_b, score, reasons, group_id``
then ``source_a, source_b, title_a, title_b, decision``. The report has one sheet per view: groups (with the
budget at stake), members (channels, budgets, decisions), pairs with reasons, and the provenance.
The same report as PDF is written by layers.print.duplicates_report (it needs Qt to paint).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from areaplan.analyses.duplicates import DuplicateResult
from areaplan.exporters import atomic_write

EXTENSIONS: tuple[str, ...] = (".csv", ".xlsx")
DESCRIPTION = "ผลตรวจโครงการซ้ำซ้อน (duplicate pairs CSV, committee report XLSX)"

PAIR_COLUMNS = ("project_id_a", "project_id_b", "score", "reasons", "group_id",
                "source_a", "source_b", "title_a", "title_b", "decision")

_GROUP_HEADERS = {
    "group_id": "กลุ่ม (group)", "size": "จำนวนโครงการ (projects)", "max_score": "คะแนนสูงสุด (max score)",
    "total_budget": "งบประมาณรวม บาท (total budget)", "budget_at_stake": "งบประมาณที่ซ้ำ บาท (budget at stake)",
    "channels": "ช่องทาง (channels)", "fiscal_years": "ปีงบประมาณ (fiscal years)",
    "project_ids": "รหัสโครงการ (project ids)", "decisions": "ผลการพิจารณา (decisions)",
}
_MEMBER_HEADERS = {
    "group_id": "กลุ่ม (group)", "project_id": "รหัสโครงการ (project id)", "source": "ไฟล์ที่มา (source)",
    "title": "ชื่อโครงการ (title)", "channel": "ช่องทาง (channel)", "agency": "หน่วยงาน (agency)",
    "fiscal_year": "ปีงบประมาณ (fiscal year)", "budget": "งบประมาณ บาท (budget)",
    "tambon_code": "รหัสตำบล (tambon)", "village_no": "หมู่ที่ (village)", "decision": "ผลการพิจารณา (decision)",
    "keep": "เก็บไว้ (keep)",
}
_PAIR_HEADERS = {
    "group_id": "กลุ่ม (group)", "project_id_a": "โครงการ ก (project a)", "project_id_b": "โครงการ ข (project b)",
    "score": "คะแนน (score)", "reasons_th": "เหตุผล", "reasons_en": "reasons", "title_a": "ชื่อโครงการ ก (title a)",
    "title_b": "ชื่อโครงการ ข (title b)", "decision": "ผลการพิจารณา (decision)", "note": "หมายเหตุ (note)",
}


def write_pairs_csv(result: DuplicateResult, path: str | Path) -> Path:
    """The flagged pairs as CSV (UTF-8 with BOM)."""
    frame = result.pairs.reindex(columns=list(PAIR_COLUMNS))
    return atomic_write(Path(path), lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig"))


def member_decisions(result: DuplicateResult) -> pd.DataFrame:
    """The members of every group with their group's decisions and a ✓ on the records to keep."""
    members = result.members.copy()
    members["decision"] = ""
    members["keep"] = ""
    if len(result.pairs):
        dec = result.pairs[result.pairs["decision"] != ""]
        for g, d in dec.groupby("group_id"):
            mask = members["group_id"] == g
            members.loc[mask, "decision"] = ", ".join(sorted(set(d["decision"])))
            kept = {k for k in d["keep"] if k}
            members.loc[mask, "keep"] = members.loc[mask, "project_id"].map(lambda p: "✓" if p in kept else "")
    return members


def write_report_xlsx(result: DuplicateResult, path: str | Path) -> Path:
    """The committee report: groups, members, pairs with reasons, provenance (one sheet each)."""
    groups = result.groups.rename(columns=_GROUP_HEADERS)
    members = member_decisions(result)[list(_MEMBER_HEADERS)].rename(columns=_MEMBER_HEADERS)
    pairs = result.pairs.reindex(columns=list(_PAIR_HEADERS)).rename(columns=_PAIR_HEADERS)
    prov = pd.DataFrame({"ที่มา (provenance)": result.provenance.lines() + result.summary()})

    def write(tmp: str) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            for name, frame in (("กลุ่ม groups", groups), ("รายการ members", members),
                                ("คู่ pairs", pairs), ("ที่มา provenance", prov)):
                frame.to_excel(xw, sheet_name=name, index=False)
                ws = xw.sheets[name]
                ws.freeze_panes = "A2"
                for col in ws.columns:
                    width = max((len(str(c.value)) for c in col[:200] if c.value is not None), default=8)
                    ws.column_dimensions[col[0].column_letter].width = min(60, max(10, width + 2))

    return atomic_write(Path(path), write)
