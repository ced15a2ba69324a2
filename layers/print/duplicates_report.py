"""The duplicate-projects committee report as PDF: summary, groups, members with decisions, pairs with reasons.

The same content as the XLSX report (areaplan.exporters.duplicates), paginated for printing with the
generic table report (layers.print.report): A4 landscape, Thai in Sarabun, provenance on the last page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from areaplan.analyses.duplicates import DuplicateResult
from areaplan.exporters.duplicates import member_decisions
from areaplan.progress import CancelCheck, ProgressCallback
from areaplan.vocab import label
from layers.print.report import ReportSection, write_table_report

_DECISIONS = {"duplicate": "ซ้ำ", "not_duplicate": "ไม่ซ้ำ", "unsure": "ไม่แน่ใจ", "changed": "ข้อมูลเปลี่ยน ต้องตรวจใหม่",
              "": "ยังไม่ตรวจ"}


def _decision_text(value: object) -> str:
    parts = [p.strip() for p in str(value if isinstance(value, str) else "").split(",") if p.strip()]
    return ", ".join(_DECISIONS.get(p, p) for p in parts) or _DECISIONS[""]


def _channels(value: object) -> str:
    codes = str(value or "").replace(",", "/").split("/")
    return ", ".join(label("channel", c.strip()) for c in codes if c.strip())


def report_sections(result: DuplicateResult) -> list[ReportSection]:
    """The report's tables: groups, members, pairs (with Thai headers, formats and totals)."""
    groups = result.groups.copy()
    groups["channels"] = groups["channels"].map(_channels)
    groups["decisions"] = groups["decisions"].map(_decision_text) if "decisions" in groups else ""
    groups["max_score"] = groups["max_score"].map(lambda v: f"{float(v):.2f}")
    members = member_decisions(result)
    members["channel"] = members["channel"].map(lambda c: label("channel", str(c)) if isinstance(c, str) else "")
    members["decision"] = members["decision"].map(_decision_text)
    members["fiscal_year"] = members["fiscal_year"].map(lambda v: "" if pd.isna(v) else str(int(v)))
    pairs = result.pairs.copy()
    pairs["decision"] = pairs["decision"].fillna("").map(_decision_text)
    pairs["score"] = pairs["score"].map(lambda v: f"{float(v):.2f}")
    baht = {"budget_at_stake": "baht", "total_budget": "baht", "budget": "baht"}
    return [
        ReportSection(
            "กลุ่มโครงการที่อาจซ้ำซ้อน (duplicate groups)", groups,
            columns={"group_id": "กลุ่ม", "size": "โครงการ", "max_score": "คะแนน", "channels": "ช่องทาง",
                     "fiscal_years": "ปีงบประมาณ", "total_budget": "งบประมาณรวม (บาท)",
                     "budget_at_stake": "งบประมาณที่ซ้ำ (บาท)", "decisions": "ผลการพิจารณา"},
            totals={"group_id": "รวม", "size": "sum", "total_budget": "sum", "budget_at_stake": "sum"},
            formats={**baht, "group_id": "int", "size": "int"},
            widths={"group_id": 0.6, "size": 0.7, "max_score": 0.7, "channels": 2.2, "fiscal_years": 1.1,
                    "total_budget": 1.4, "budget_at_stake": 1.4, "decisions": 1.4},
        ),
        ReportSection(
            "รายการโครงการในแต่ละกลุ่ม (members)", members,
            columns={"group_id": "กลุ่ม", "project_id": "รหัสโครงการ", "title": "ชื่อโครงการ", "channel": "ช่องทาง",
                     "agency": "หน่วยงาน", "fiscal_year": "ปี", "budget": "งบประมาณ (บาท)",
                     "decision": "ผลการพิจารณา", "keep": "เก็บไว้"},
            totals={"group_id": "รวม", "budget": "sum"},
            formats={"budget": "baht", "group_id": "int"},
            widths={"group_id": 0.5, "project_id": 1.0, "title": 4.0, "channel": 1.1, "agency": 1.8,
                    "fiscal_year": 0.5, "budget": 1.1, "decision": 1.0, "keep": 0.5},
        ),
        ReportSection(
            "คู่โครงการและเหตุผล (pairs and reasons)", pairs,
            columns={"group_id": "กลุ่ม", "project_id_a": "โครงการ ก", "project_id_b": "โครงการ ข",
                     "score": "คะแนน", "reasons_th": "เหตุผล", "decision": "ผลการพิจารณา", "note": "หมายเหตุ"},
            formats={"group_id": "int"},
            widths={"group_id": 0.5, "project_id_a": 1.0, "project_id_b": 1.0, "score": 0.6, "reasons_th": 5.0,
                    "decision": 1.0, "note": 1.5},
        ),
    ]


def write_report_pdf(result: DuplicateResult, path: str | Path, *, thai_digits: bool = False,
                     today: date | None = None, progress: ProgressCallback | None = None,
                     cancelled: CancelCheck | None = None) -> Path:
    """Write the committee report of a duplicate check as a PDF (A4 landscape) and return its path."""
    budget = float(pd.to_numeric(result.groups.get("budget_at_stake"), errors="coerce").sum()) if len(
        result.groups) else 0.0
    subtitle = (f"{len(result.groups):,} กลุ่ม {len(result.pairs):,} คู่ งบประมาณที่อาจซ้ำซ้อน {budget:,.0f} บาท "
                f"({len(result.groups):,} groups, {len(result.pairs):,} pairs)")
    return write_table_report(path, "รายงานการตรวจโครงการซ้ำซ้อน (duplicate projects: committee report)",
                              report_sections(result), result.provenance, subtitle=subtitle, landscape=True,
                              thai_digits=thai_digits, today=today, fmt="pdf", progress=progress,
                              cancelled=cancelled)


__all__ = ["report_sections", "write_report_pdf"]
