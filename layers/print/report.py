"""A generic paginated table report (PDF, or PNG/SVG pages): title, sections of tables with totals, provenance.

For any feature that needs a printable report, e.g. the duplicate-projects committee report (groups,
members, channels, budgets, decisions)::

    write_table_report("report.pdf", "รายงานโครงการซ้ำซ้อน", [
        ReportSection("กลุ่มโครงการที่อาจซ้ำ", groups, columns={"group_id": "กลุ่ม", "total_budget": "งบประมาณรวม"},
                      totals={"group_id": "รวม", "total_budget": "sum"}, formats={"total_budget": "baht"}),
        ReportSection("สมาชิกแต่ละกลุ่ม", members),
    ], provenance=result.provenance)

Text is Thai in Sarabun (embedded), copyable and searchable (see layers.print.text); numbers can be printed
in Thai digits; every page has the date in Buddhist Era and "หน้า n/N".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtGui import QColor, QPainter

from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.thai_dates import prepared_on
from areaplan.thai_numbers import digits, format_baht, format_number
from layers.fonts import thai_font
from layers.print import items
from layers.print.output import PageJob, write_pages
from layers.print.page import FOOTER_MM, GAP_MM, HEADER_MM, Units
from layers.print.table import Column, TableModel, TableStyle, paint_table
from layers.print.template import PAGE_SIZES_MM
from layers.print.text import PrintError, TextRecorder, draw_text

#: Cell formats a section may ask for per column.
FORMATS: tuple[str, ...] = ("text", "int", "number", "baht", "percent")


@dataclass
class ReportSection:
    """One table of a report.

    ``columns`` maps frame columns to Thai headers (and sets their order; default: every column as named);
    ``totals`` maps columns to "sum", "count", "mean" or a literal text for the totals row (none when empty);
    ``formats`` maps columns to one of FORMATS (numbers default to "number", text to "text");
    ``widths`` gives relative column widths (default: from the typical text length).
    """

    title: str
    frame: pd.DataFrame
    columns: Mapping[str, str] | None = None
    totals: Mapping[str, str] | None = None
    formats: Mapping[str, str] | None = None
    widths: Mapping[str, float] | None = None
    note: str = ""


@dataclass
class _Block:
    kind: str  # "table" or "lines"
    y_mm: float
    model: TableModel | None = None
    start: int = 0
    stop: int = 0
    totals: bool = False
    caption: str = ""
    lines: list[str] = field(default_factory=list)


def _format(value: object, kind: str, thai: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if kind == "baht":
        return format_baht(value, thai_digits=thai)
    if kind == "int":
        return format_number(value, 0, thai_digits=thai)
    if kind == "percent":
        try:
            return digits(f"{float(value) * 100:.1f}%", thai)
        except (TypeError, ValueError):
            return str(value)
    if kind == "number":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        return format_number(number, 0 if number.is_integer() else 2, thai_digits=thai)
    return str(value)


def section_table(section: ReportSection, *, thai_digits: bool = False) -> TableModel:
    """A section as a printable table (formatted cells, totals row)."""
    frame = section.frame
    columns = dict(section.columns) if section.columns else {c: str(c) for c in frame.columns}
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise PrintError(
            f"ตาราง {section.title!r} ไม่มีคอลัมน์ {', '.join(map(str, missing))}",
            f"section {section.title!r} has no column {', '.join(map(str, missing))}",
            field=str(missing[0]),
        )
    formats = dict(section.formats or {})
    bad = [f for f in formats.values() if f not in FORMATS]
    if bad:
        raise PrintError(f"รูปแบบตัวเลขต้องเป็น {', '.join(FORMATS)} ได้ {bad[0]!r}",
                         f"formats must be among {', '.join(FORMATS)}, got {bad[0]!r}", field="formats")  # fmt: skip
    cols, cells = [], []
    for key, header in columns.items():
        series = frame[key]
        numeric = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
        kind = formats.get(key, "number" if numeric else "text")
        text = [_format(v, kind, thai_digits) for v in series.to_numpy(dtype=object)]
        cells.append(text)
        typical = np.clip(np.percentile([len(t) for t in text] or [4], 80), 3, 45) if text else 4
        weight = (section.widths or {}).get(key, max(float(typical), len(str(header)) * 0.6))
        cols.append(Column(str(key), str(header), float(weight), "right" if kind != "text" else "left"))
    rows = list(zip(*cells)) if cells else []
    totals = None
    if section.totals:
        out = []
        for key in columns:
            rule = section.totals.get(key)
            series = frame[key]
            kind = formats.get(key, "number")
            if rule == "sum":
                out.append(_format(pd.to_numeric(series, errors="coerce").sum(), kind, thai_digits))
            elif rule == "mean":
                out.append(_format(pd.to_numeric(series, errors="coerce").mean(), kind, thai_digits))
            elif rule == "count":
                out.append(format_number(int(series.notna().sum()), thai_digits=thai_digits))
            else:
                out.append("" if rule is None else str(rule))
        totals = tuple(out)
    return TableModel(cols, rows, totals, section.title)


def _provenance_lines(provenance: object) -> list[str]:
    if provenance is None:
        return []
    if hasattr(provenance, "lines"):
        return [str(s) for s in provenance.lines()]
    if isinstance(provenance, str):
        return provenance.splitlines()
    return [str(s) for s in provenance]


def plan_report(
    sections: Sequence[ReportSection], provenance_lines: list[str], size_mm: tuple[float, float], margin_mm: float,
    *, thai_digits: bool = False, style: TableStyle = TableStyle(),
) -> list[list[_Block]]:
    """The blocks (table chunks, note and provenance lines) of every page, positioned in millimetres."""
    pw, ph = size_mm
    row = style.row_mm()
    cap = style.caption_mm()
    bottom = ph - margin_mm - FOOTER_MM - GAP_MM
    pages: list[list[_Block]] = [[]]
    y = margin_mm + HEADER_MM + GAP_MM

    def new_page() -> float:
        pages.append([])
        return margin_mm + 10.0 + GAP_MM

    for section in sections:
        model = section_table(section, thai_digits=thai_digits)
        n = len(model.rows)
        start = 0
        first = True
        if section.note:
            if y + row * 1.2 > bottom:
                y = new_page()
            pages[-1].append(_Block("lines", y, lines=[section.note]))
            y += row * 1.2
        while True:
            room = int((bottom - y - cap - row) // row)  # body rows that fit under the caption and header row
            if room < min(3, n - start + (1 if model.totals else 0)):
                y = new_page()
                continue
            take = min(room, n - start)
            totals_fit = model.totals is not None and start + take == n and take < room
            caption = model.caption if first else f"{model.caption} (ต่อ)"
            pages[-1].append(_Block("table", y, model, start, start + take, totals_fit, caption))
            y += cap + row * (1 + take + (1 if totals_fit else 0)) + GAP_MM
            start += take
            first = False
            if start >= n and (model.totals is None or totals_fit):
                break
            y = new_page()
    if provenance_lines:
        needed = row * (len(provenance_lines) + 1.5)
        if y + min(needed, row * 4) > bottom:
            y = new_page()
        lines = ["ที่มาและการประมวลผล (provenance)", *provenance_lines]
        while lines:
            fit = max(1, int((bottom - y) // row))
            pages[-1].append(_Block("lines", y, lines=lines[:fit]))
            lines = lines[fit:]
            if lines:
                y = new_page()
    return pages


def write_table_report(
    path: str | Path,
    title: str,
    sections: Iterable[ReportSection],
    provenance: object = None,
    *,
    subtitle: str = "",
    page: str = "A4",
    landscape: bool = False,
    margin_mm: float = 15.0,
    thai_digits: bool = False,
    today: date | None = None,
    dpi: float = 300,
    fmt: str | None = None,
    overwrite: bool = True,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write a paginated table report (PDF by default; PNG/SVG by extension) and return its first file.

    ``provenance`` is an areaplan Provenance (its ``lines()``), a list of lines or a text.
    """
    if page not in PAGE_SIZES_MM:
        raise PrintError(f"ขนาดกระดาษต้องเป็น {', '.join(PAGE_SIZES_MM)} ได้ {page!r}",
                         f"page must be one of {', '.join(PAGE_SIZES_MM)}, got {page!r}", field="page")  # fmt: skip
    sections = list(sections)
    w, h = PAGE_SIZES_MM[page]
    size = (h, w) if landscape else (w, h)
    style = TableStyle()
    lines = _provenance_lines(provenance)
    plan = plan_report(sections, lines, size, margin_mm, thai_digits=thai_digits, style=style)
    day = today or date.today()

    def painter_for(index: int, blocks: list[_Block]) -> Callable:
        def paint(painter: QPainter, dpi_: float, recorder: TextRecorder | None, number: int, count: int) -> None:
            units = Units(dpi_)
            painter.fillRect(units.rect(0, 0, *size), QColor("#ffffff"))
            content_w = size[0] - 2 * margin_mm
            if index == 0:
                items.paint_header(painter, units.rect(margin_mm, margin_mm, content_w, HEADER_MM), title, subtitle,
                                   units, recorder=recorder)  # fmt: skip
            else:
                draw_text(painter, units.rect(margin_mm, margin_mm, content_w, 8.0), title, thai_font(9, bold=True),
                          color="#404040", recorder=recorder)  # fmt: skip
            for block in blocks:
                if block.kind == "table":
                    rect = units.rect(margin_mm, block.y_mm, content_w, size[1])
                    paint_table(painter, rect, block.model, units, start=block.start, stop=block.stop,
                                totals=block.totals, caption=block.caption, style=style, recorder=recorder)  # fmt: skip
                else:
                    y = block.y_mm
                    for k, text in enumerate(block.lines):
                        bold = text.startswith("ที่มาและการประมวลผล") and k == 0
                        draw_text(painter, units.rect(margin_mm, y, content_w, style.row_mm()), text,
                                  thai_font(8, bold=bold), recorder=recorder)  # fmt: skip
                        y += style.row_mm()
            footer = units.rect(margin_mm, size[1] - margin_mm - FOOTER_MM, content_w, FOOTER_MM)
            items.paint_footer(painter, footer, [lines[0]] if lines else [], prepared_on(day, thai_digits=thai_digits),
                               digits(f"หน้า {number}/{count}", thai_digits), units, recorder=recorder)  # fmt: skip

        return paint

    jobs = [PageJob(size, painter_for(i, blocks)) for i, blocks in enumerate(plan)]
    paths = write_pages(Path(path), jobs, fmt=fmt, dpi=dpi, title=title, subject=subtitle, overwrite=overwrite,
                        progress=Reporter(progress, cancelled))  # fmt: skip
    return paths[0]


def report_sections(frames: Mapping[str, pd.DataFrame], **common: Any) -> list[ReportSection]:
    """One section per titled frame, sharing the other ReportSection arguments."""
    return [ReportSection(title, frame, **common) for title, frame in frames.items()]


__all__ = ["FORMATS", "ReportSection", "plan_report", "report_sections", "section_table", "write_table_report"]

