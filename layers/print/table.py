"""Paginated tables on printed pages: a header row on every page and a totals row at the end."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from layers.fonts import thai_font
from layers.print.page import Units
from layers.print.text import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, TextRecorder, draw_text

_ALIGN = {"left": ALIGN_LEFT, "right": ALIGN_RIGHT, "center": ALIGN_CENTER}


@dataclass(frozen=True)
class Column:
    """One column: its key, Thai header, relative width and alignment (left, right, center)."""

    key: str
    header: str
    weight: float = 1.0
    align: str = "left"


@dataclass
class TableModel:
    """A table ready to print: formatted cell text, optional totals row and a caption above it."""

    columns: list[Column]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    totals: tuple[str, ...] | None = None
    caption: str = ""


@dataclass(frozen=True)
class TableStyle:
    """Font sizes (points) and the row height factor of a printed table."""

    font_pt: float = 8.0
    header_pt: float = 8.0
    caption_pt: float = 9.5
    row_factor: float = 1.6  # row height = font size x this (Thai needs room above and below)

    def row_mm(self) -> float:
        """Height of one row in millimetres."""
        return self.font_pt * 25.4 / 72.0 * self.row_factor

    def caption_mm(self) -> float:
        """Height of the caption line in millimetres."""
        return self.caption_pt * 25.4 / 72.0 * 1.8


def capacity(height_px: float, units: Units, style: TableStyle, *, caption: bool) -> int:
    """How many body rows fit in a height (the header row and the caption take their share)."""
    row = units.mm(style.row_mm())
    used = row + (units.mm(style.caption_mm()) if caption else 0.0)
    return max(0, int(math.floor((height_px - used) / row + 1e-6)))


def paginate(n_rows: int, has_totals: bool, first: int, following: int) -> list[tuple[int, int, bool]]:
    """(start, stop, totals here) per page; the first page holds ``first`` rows (maybe 0), then ``following``.

    The totals row takes one row's room on the last page.
    """
    if following < 2:
        following = 2
    chunks: list[tuple[int, int, bool]] = []
    start = 0
    room = first
    total_rows = n_rows + (1 if has_totals else 0)
    consumed = 0
    while consumed < total_rows or not chunks:
        take = min(room, total_rows - consumed)
        stop_rows = min(n_rows, start + take)
        totals_here = has_totals and consumed + take >= total_rows
        chunks.append((start, stop_rows, totals_here))
        consumed += take
        start = stop_rows
        room = following
        if take == 0 and consumed >= total_rows:
            break
    return chunks


def paint_table(
    painter: QPainter,
    rect: QRectF,
    model: TableModel,
    units: Units,
    *,
    start: int = 0,
    stop: int | None = None,
    totals: bool = True,
    caption: str | None = None,
    style: TableStyle = TableStyle(),
    recorder: TextRecorder | None = None,
) -> float:
    """Paint rows[start:stop] under a header row (and the totals row when asked); return the height used."""
    stop = len(model.rows) if stop is None else stop
    row_h = units.mm(style.row_mm())
    pad = units.mm(1.2)
    y = rect.top()
    caption = model.caption if caption is None else caption
    if caption:
        cap_h = units.mm(style.caption_mm())
        draw_text(painter, QRectF(rect.left(), y, rect.width(), cap_h), caption, thai_font(style.caption_pt, bold=True),
                  recorder=recorder)  # fmt: skip
        y += cap_h
    total_weight = sum(c.weight for c in model.columns) or 1.0
    xs = [rect.left()]
    for c in model.columns:
        xs.append(xs[-1] + rect.width() * c.weight / total_weight)
    body_font = thai_font(style.font_pt)
    bold_font = thai_font(style.header_pt, bold=True)
    line_pen = QPen(QColor("#b0b0b0"), units.mm(0.12))
    frame_pen = QPen(QColor("#404040"), units.mm(0.25))

    def cells(values: tuple[str, ...], top: float, font, fill: str | None) -> None:
        if fill:
            painter.fillRect(QRectF(rect.left(), top, rect.width(), row_h), QBrush(QColor(fill)))
        for i, (col, text) in enumerate(zip(model.columns, values)):
            cell = QRectF(xs[i] + pad, top, xs[i + 1] - xs[i] - 2 * pad, row_h)
            draw_text(painter, cell, text, font, align=_ALIGN.get(col.align, ALIGN_LEFT), recorder=recorder)

    table_top = y
    cells(tuple(c.header for c in model.columns), y, bold_font, "#e6e6e6")
    y += row_h
    for k, row in enumerate(model.rows[start:stop]):
        cells(tuple(row), y, body_font, "#f7f7f7" if k % 2 else None)
        y += row_h
    painter.save()
    painter.setPen(line_pen)
    for xi in xs[1:-1]:
        painter.drawLine(QLineF(xi, table_top, xi, y))
    painter.restore()
    if totals and model.totals is not None:
        painter.save()
        painter.setPen(frame_pen)
        painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
        painter.restore()
        cells(model.totals, y, bold_font, "#eeeeee")
        y += row_h
    painter.save()
    painter.setPen(frame_pen)
    painter.setBrush(QBrush())
    painter.drawRect(QRectF(rect.left(), table_top, rect.width(), y - table_top))
    painter.drawLine(QLineF(rect.left(), table_top + row_h, rect.right(), table_top + row_h))
    painter.restore()
    return y - rect.top()
