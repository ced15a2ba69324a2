"""Page geometry: millimetres to device pixels and where each item of an annex page goes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Units:
    """Converts millimetres and points to device pixels at one resolution."""

    dpi: float

    def mm(self, value: float) -> float:
        """Device pixels of a length in millimetres."""
        return value / MM_PER_INCH * self.dpi

    def pt(self, value: float) -> float:
        """Device pixels of a length in points (1/72 inch)."""
        return value / 72.0 * self.dpi

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        """A rectangle given in millimetres, in device pixels."""
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))


@dataclass(frozen=True)
class MapPageLayout:
    """The rectangles (device pixels) of the items of a map page; None where the item is not shown."""

    page: QRectF
    content: QRectF
    header: QRectF
    map: QRectF
    below_map: QRectF  # scale bar and scale text
    legend: QRectF | None
    overview: QRectF | None
    table: QRectF | None
    footer: QRectF


@dataclass(frozen=True)
class TablePageLayout:
    """The rectangles (device pixels) of a continuation page holding only a table."""

    page: QRectF
    content: QRectF
    header: QRectF
    table: QRectF
    footer: QRectF


HEADER_MM = 17.0
FOOTER_MM = 13.0
GRID_LABEL_MM = 5.0
BELOW_MAP_MM = 10.0
GAP_MM = 3.0


def map_page_layout(
    size_mm: tuple[float, float], margin_mm: float, units: Units, *, legend: bool, overview: bool, table: bool
) -> MapPageLayout:
    """Where the items go: portrait pages stack map, legend/overview and table; landscape puts the map left."""
    pw, ph = size_mm
    m = margin_mm
    cw, ch = pw - 2 * m, ph - 2 * m
    header = (m, m, cw, HEADER_MM)
    footer = (m, ph - m - FOOTER_MM, cw, FOOTER_MM)
    top = m + HEADER_MM + GAP_MM
    bottom = ph - m - FOOTER_MM - GAP_MM
    label = GRID_LABEL_MM
    legend_r = overview_r = table_r = None
    if pw <= ph:  # portrait
        map_h = ch * (0.48 if table else 0.62)
        map_r = (m + label, top + label, cw - label, map_h - label)
        below = (m + label, top + map_h + 1.0, cw - label, BELOW_MAP_MM)
        info_top = top + map_h + BELOW_MAP_MM + 2.0
        info_h = min(44.0, bottom - info_top) if table else bottom - info_top
        if overview:
            ov_w = min(cw * 0.36, info_h * 1.25)
            overview_r = (m + cw - ov_w, info_top, ov_w, info_h)
        if legend:
            legend_r = (m, info_top, cw - (overview_r[2] + GAP_MM if overview_r else 0.0), info_h)
        if table:
            t_top = info_top + info_h + GAP_MM
            if bottom - t_top > 20.0:
                table_r = (m, t_top, cw, bottom - t_top)
    else:  # landscape: map on the left, a column of legend and overview on the right
        side = min(max(cw * 0.30, 70.0), 110.0)
        map_w = cw - side - GAP_MM
        map_r = (m + label, top + label, map_w - label, bottom - top - label - BELOW_MAP_MM - 1.0)
        below = (m + label, bottom - BELOW_MAP_MM, map_w - label, BELOW_MAP_MM)
        x = m + map_w + GAP_MM
        col_h = bottom - top
        ov_h = min(col_h * 0.42, side * 0.85) if overview else 0.0
        if overview:
            overview_r = (x, bottom - ov_h, side, ov_h)
        if legend:
            legend_r = (x, top, side, col_h - ov_h - (GAP_MM if overview else 0.0))
    r = units.rect
    return MapPageLayout(
        page=r(0, 0, pw, ph), content=r(m, m, cw, ch), header=r(*header), map=r(*map_r), below_map=r(*below),
        legend=r(*legend_r) if legend_r else None, overview=r(*overview_r) if overview_r else None,
        table=r(*table_r) if table_r else None, footer=r(*footer),
    )  # fmt: skip


def table_page_layout(size_mm: tuple[float, float], margin_mm: float, units: Units, *, header_mm: float = 12.0) -> TablePageLayout:
    """A page with a short header, a table and the footer."""
    pw, ph = size_mm
    m = margin_mm
    cw, ch = pw - 2 * m, ph - 2 * m
    r = units.rect
    top = m + header_mm + GAP_MM
    bottom = ph - m - FOOTER_MM - GAP_MM
    return TablePageLayout(
        page=r(0, 0, pw, ph), content=r(m, m, cw, ch), header=r(m, m, cw, header_mm),
        table=r(m, top, cw, bottom - top), footer=r(m, ph - m - FOOTER_MM, cw, FOOTER_MM),
    )  # fmt: skip
