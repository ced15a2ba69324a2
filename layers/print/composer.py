"""The annex composer: the page set of one area (a map page, then table pages) planned and painted.

A map page holds the title, the map of the area (the same renderers as the canvas, the area outlined and
everything around it faded), a lon/lat or UTM grid with labels, north arrow, scale bar, legend, an overview of
the province, the start of the table, sources, provenance, the Buddhist-Era date and the page number. Tables
that do not fit continue on table pages, with the header row repeated and the totals at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from areaplan import __version__
from areaplan.atlas_areas import LEVEL_TH, LEVELS, Area, children_of, full_title
from areaplan.thai_dates import parse_iso_date, prepared_on
from areaplan.thai_numbers import digits, format_baht, format_number
from areaplan.vocab import VOCABULARIES
from layers.model import LayerList, Style, VectorLayer
from layers.print import items
from layers.print.page import Units, map_page_layout, table_page_layout
from layers.print.source import PrintSource, snapshot_layers
from layers.print.table import Column, TableModel, TableStyle, capacity, paginate, paint_table
from layers.print.template import TABLE_COLUMNS, PrintTemplate
from layers.print.text import TextRecorder
from layers.render import MapRenderer

_PLAN_UNITS = Units(25.4)  # one "pixel" per millimetre: planning happens in millimetres
_COLUMN_WEIGHTS = {"project_id": 1.1, "title": 3.9, "channel": 1.75, "agency": 2.1, "fiscal_year": 0.75,
                   "budget": 1.55, "status": 1.2, "agenda": 1.6}  # fmt: skip


def short_label(field: str, code: object) -> str:
    """The first alternative of a coded value's Thai label: "งบพัฒนาจังหวัด", "แผนพัฒนาท้องถิ่น"."""
    if code is None or (isinstance(code, float) and np.isnan(code)) or str(code) == "":
        return ""
    text = VOCABULARIES.get(field, {}).get(str(code), str(code))
    return text.split(" / ")[0].split(" (")[0].strip()


@dataclass
class PagePlan:
    """One page of an annex: the area, whether it is the map page, and which table rows it holds."""

    area: Area
    kind: str  # "map" or "table"
    table: TableModel | None
    start: int = 0
    stop: int = 0
    totals: bool = False
    part: int = 1  # page number within the area's page set
    parts: int = 1


class AnnexComposer:
    """Plans and paints annex pages for areas of one PrintSource with one PrintTemplate."""

    def __init__(self, source: PrintSource, template: PrintTemplate, *, today: date | None = None) -> None:
        self.source = source
        self.template = template
        self.today = parse_iso_date(template.date) or today or date.today()
        #: the layers drawn: the source's, or a copy showing exactly the template's layers
        self.layers = source.layers
        if template.layers is not None:
            self.layers = snapshot_layers(source.layers)
            for layer in self.layers:
                layer.visible = layer.name in template.layers
        self.renderer = MapRenderer(self.layers)
        self.overview_renderer = MapRenderer(self._overview_layers())
        self.table_style = TableStyle()
        self._legend: list | None = None

    def close(self) -> None:
        """Stop listening to the layers."""
        self.renderer.close()
        self.overview_renderer.close()

    # -- what goes on the pages
    def _overview_layers(self) -> LayerList:
        out = []
        amphoe = self.source.boundary_frame("amphoe")
        changwat = self.source.boundary_frame("changwat")
        if amphoe is not None:
            out.append(VectorLayer("amphoe", "อำเภอ", amphoe, Style(fill="#f1f1ee", stroke="#a0a0a0", width=0.5)))
        if changwat is not None:
            out.append(VectorLayer("changwat", "จังหวัด", changwat, Style(fill=None, stroke="#3a3a3a", width=1.0)))
        return LayerList(out, crs=self.source.crs)

    def map_layer_names(self) -> list[str]:
        """The layers drawn on the map (the visible ones)."""
        return [layer.name for layer in self.layers if layer.visible]

    def legend_rows(self) -> list:
        """The legend rows (computed once)."""
        if self._legend is None:
            self._legend = items.legend_rows(self.layers)
        return self._legend

    def fields(self, area: Area) -> dict[str, str]:
        """The values a template's text may use."""
        return {
            "area": area.title, "area_full": full_title(self.source.areas, area), "name": area.name_th,
            "code": area.code, "level": LEVEL_TH.get(area.level, ""),
            "workspace": str(self.source.metadata.get("title", "")),
        }  # fmt: skip

    def title(self, area: Area) -> tuple[str, str]:
        """(title, subtitle) of an area's pages."""
        f = self.fields(area)
        try:
            return self.template.title.format(**f), self.template.subtitle.format(**f)
        except (KeyError, IndexError, ValueError):  # a brace the user typed: print the text as written
            return self.template.title, self.template.subtitle

    def table_kind(self, area: Area) -> str:
        """"projects", "summary" or "none" for an area."""
        kind = self.template.table
        if kind == "auto":
            return "projects" if area.level == "tambon" else "summary"
        return kind

    def table_for(self, area: Area) -> TableModel | None:
        """The table printed for an area (project list or summary by the next level down), or None."""
        kind = self.table_kind(area)
        if kind == "none":
            return None
        td = self.template.thai_digits
        projects = self.source.projects_in(area)
        budget = pd.to_numeric(projects["budget"], errors="coerce") if "budget" in projects else pd.Series(dtype=float)
        if kind == "projects" or area.level == "tambon":
            return self._project_table(projects, budget, td)
        return self._summary_table(area, projects, budget, td)

    def _project_table(self, projects: pd.DataFrame, budget: pd.Series, td: bool) -> TableModel:
        cols = [Column("no", "ที่", 0.55, "right")]
        cols += [Column(c, TABLE_COLUMNS[c], _COLUMN_WEIGHTS.get(c, 1.0),
                        "right" if c in ("budget", "fiscal_year") else "left") for c in self.template.table_columns]  # fmt: skip
        order = projects.assign(_b=budget.fillna(0.0)).sort_values(
            [c for c in ("fiscal_year", "channel", "project_id") if c in projects.columns], kind="stable"
        )  # fmt: skip
        formatted: dict[str, list[str]] = {}
        for c in self.template.table_columns:
            values = order[c] if c in order.columns else pd.Series([""] * len(order))
            if c == "budget":
                formatted[c] = [format_baht(v, thai_digits=td) for v in order["_b"].where(values.notna(), np.nan)]
            elif c == "fiscal_year":
                formatted[c] = [format_number(v, thai_digits=td).replace(",", "") for v in values]
            elif c in VOCABULARIES:
                formatted[c] = [short_label(c, v) for v in values]
            else:
                formatted[c] = ["" if pd.isna(v) else str(v) for v in values]
        rows = [
            (digits(str(i + 1), td), *(formatted[c][i] for c in self.template.table_columns))
            for i in range(len(order))
        ]
        totals = ["", *([""] * len(self.template.table_columns))]
        columns = self.template.table_columns
        where = 1 + (columns.index("title") if "title" in columns else 0)
        totals[where] = "รวม " + digits(f"{len(order):,}", td) + " โครงการ"
        if "budget" in self.template.table_columns:
            totals[1 + self.template.table_columns.index("budget")] = format_baht(budget.sum(), thai_digits=td)
        caption = (f"รายการโครงการในพื้นที่ {digits(f'{len(order):,}', td)} โครงการ "
                   f"งบประมาณรวม {format_baht(budget.sum(), thai_digits=td)} บาท")  # fmt: skip
        return TableModel(cols, rows, tuple(totals), caption)

    def _summary_table(self, area: Area, projects: pd.DataFrame, budget: pd.Series, td: bool) -> TableModel:
        children = children_of(self.source.areas, area)
        child_level = LEVELS[min(LEVELS.index(area.level) + 1, len(LEVELS) - 1)]
        cols = [Column("no", "ที่", 0.5, "right"), Column("code", "รหัส", 0.9), Column("name", LEVEL_TH[child_level], 2.6),
                Column("projects", "จำนวนโครงการ", 1.3, "right"), Column("budget", "งบประมาณ (บาท)", 1.6, "right")]  # fmt: skip
        codes = self.source.project_codes.loc[projects.index, child_level]
        counts = codes.value_counts()
        sums = budget.groupby(codes).sum(min_count=1)
        rows = []
        for i, child in enumerate(children):
            rows.append((digits(str(i + 1), td), child.code, child.name_th,
                         format_number(int(counts.get(child.code, 0)), thai_digits=td),
                         format_baht(sums.get(child.code, 0.0), thai_digits=td)))  # fmt: skip
        unplaced = int((codes == "").sum())
        if unplaced:
            rows.append(("", "", f"ระบุได้เพียงระดับ{LEVEL_TH[area.level]}", format_number(unplaced, thai_digits=td),
                         format_baht(budget[(codes == '').to_numpy()].sum(), thai_digits=td)))  # fmt: skip
        totals = ("", "", "รวม", format_number(len(projects), thai_digits=td), format_baht(budget.sum(), thai_digits=td))
        caption = f"สรุปโครงการราย{LEVEL_TH[child_level]} ({digits(str(len(children)), td)} {LEVEL_TH[child_level]})"
        return TableModel(cols, rows, totals, caption)

    # -- planning
    def _map_layout(self, units: Units, area: Area, with_table: bool):
        t = self.template
        return map_page_layout(t.page_size_mm, t.margin_mm, units, legend=t.legend,
                               overview=t.overview and area.level != "changwat", table=with_table)  # fmt: skip

    def plan(self, area: Area) -> list[PagePlan]:
        """The pages of one area: the map page and as many table pages as its table needs."""
        table = self.table_for(area)
        layout = self._map_layout(_PLAN_UNITS, area, table is not None)
        if table is None:
            return [PagePlan(area, "map", None)]
        first = capacity(layout.table.height(), _PLAN_UNITS, self.table_style, caption=True) if layout.table else 0
        if first < 3:
            first = 0
        tpl = table_page_layout(self.template.page_size_mm, self.template.margin_mm, _PLAN_UNITS)
        following = capacity(tpl.table.height(), _PLAN_UNITS, self.table_style, caption=True)
        chunks = paginate(len(table.rows), table.totals is not None, first, following)
        pages = [PagePlan(area, "map", table, *chunks[0])]
        pages += [PagePlan(area, "table", table, *chunk) for chunk in chunks[1:]]
        for i, page in enumerate(pages):
            page.part, page.parts = i + 1, len(pages)
        return pages

    # -- painting
    def footer_lines(self) -> list[str]:
        """The source and provenance lines."""
        meta = self.source.metadata
        t = self.template
        source = t.source or meta.get("data_sources") or meta.get("source") or (
            "ขอบเขตและรหัสเขตการปกครอง: กรมการปกครอง • โครงการ แผน และพื้นที่เสี่ยงภัย: พื้นที่ทำงาน "
            + (meta.get("title") or self.source.workspace_name or "AreaPlan")
        )
        crs = self.source.crs
        zone = crs.split(":")[-1]
        crs_text = f"WGS 84 / UTM โซน {zone[-2:]}N ({crs})" if zone.startswith("326") else crs
        parts = [f"จัดทำด้วย AreaPlan {__version__}"]
        if self.source.workspace_name:
            parts.append(f"พื้นที่ทำงาน {self.source.workspace_name}")
        parts.append(f"ระบบพิกัด {crs_text}")
        parts.append(f"โครงการทั้งหมด {format_number(len(self.source.projects), thai_digits=t.thai_digits)} รายการ")
        if str(meta.get("demo", "")).lower() == "true":
            parts.append("ข้อมูลสาธิต ไม่ใช่ข้อมูลจริง")
        lines = ["ที่มา: " + str(source)]
        if t.provenance:
            lines.append(" • ".join(parts))
        return lines

    def paint(self, painter: QPainter, page: PagePlan, dpi: float, *, number: int = 1, count: int = 1,
              recorder: TextRecorder | None = None) -> None:
        """Paint one planned page onto a painter whose device has the given resolution."""
        units = Units(dpi)
        t = self.template
        painter.save()
        try:
            title, subtitle = self.title(page.area)
            if page.kind == "map":
                layout = self._map_layout(units, page.area, page.table is not None)
                painter.fillRect(layout.page, QColor("#ffffff"))
                items.paint_header(painter, layout.header, title, subtitle, units, logo=t.logo,
                                   font_scale=t.font_scale, recorder=recorder)  # fmt: skip
                self._paint_map_page(painter, layout, page, units, recorder)
                table_rect = layout.table
            else:
                layout = table_page_layout(t.page_size_mm, t.margin_mm, units)
                painter.fillRect(layout.page, QColor("#ffffff"))
                items.paint_header(painter, layout.header, title, f"{subtitle} (ต่อ)" if subtitle else "(ต่อ)", units,
                                   font_scale=0.8, recorder=recorder)  # fmt: skip
                table_rect = layout.table
            if page.table is not None and table_rect is not None and (page.stop > page.start or page.totals):
                caption = page.table.caption if page.part == 1 or page.kind == "map" else page.table.caption + " (ต่อ)"
                paint_table(painter, table_rect, page.table, units, start=page.start, stop=page.stop,
                            totals=page.totals, caption=caption, style=self.table_style, recorder=recorder)  # fmt: skip
            page_text = digits(f"หน้า {number}/{count}", t.thai_digits) if t.page_numbers else ""
            items.paint_footer(painter, layout.footer, self.footer_lines(),
                               prepared_on(self.today, thai_digits=t.thai_digits), page_text, units,
                               recorder=recorder)  # fmt: skip
        finally:
            painter.restore()

    def map_extent(self, area: Area) -> tuple[float, float, float, float]:
        """The area's bounds in the map CRS (the whole map when the boundary is missing)."""
        geom = self.source.geometry(area)
        if geom is not None and not shapely.is_empty(geom):
            return tuple(float(v) for v in shapely.bounds(geom))
        return self.source.layers.extent() or (0.0, 0.0, 1.0, 1.0)

    def _paint_map_page(self, painter: QPainter, layout, page: PagePlan, units: Units,
                        recorder: TextRecorder | None) -> None:
        t = self.template
        area = page.area
        frame = layout.map
        ctx = items.map_context(frame, self.map_extent(area), units.dpi, self.source.crs, scale=t.map_scale,
                                padding=t.map_margin)  # fmt: skip
        geom = self.source.geometry(area)
        area_path = items.geometry_path(geom)

        def after(p: QPainter) -> None:
            if t.highlight_area:
                items.highlight(p, ctx, area_path, units, mask=True)

        items.paint_map(painter, frame, ctx, self.renderer, names=self.map_layer_names(), after_layers=after,
                        recorder=recorder)  # fmt: skip
        if t.grid != "none":
            items.paint_grid(painter, frame, ctx, t.grid, units, thai_digits=t.thai_digits, recorder=recorder)
        painter.save()
        painter.setPen(QPen(QColor("#202020"), units.mm(0.3)))
        painter.setBrush(QBrush())
        painter.drawRect(frame)
        painter.restore()
        if t.north_arrow:
            items.paint_north_arrow(painter, frame, ctx, units, recorder=recorder)
        if t.scale_bar:
            items.paint_scale_bar(painter, layout.below_map, ctx, units, exact_scale=t.map_scale,
                                  thai_digits=t.thai_digits, recorder=recorder)  # fmt: skip
        if layout.legend is not None:
            items.paint_legend(painter, layout.legend, self.legend_rows(), units, recorder=recorder)
        if layout.overview is not None:
            items.paint_overview(painter, layout.overview, self.overview_renderer, self.source.province_geometry(area),
                                 geom, ctx.extent, units, recorder=recorder)  # fmt: skip


def page_rect_px(template: PrintTemplate, dpi: float) -> QRectF:
    """The whole sheet in device pixels."""
    w, h = template.page_size_mm
    return Units(dpi).rect(0, 0, w, h)
