"""Atlases: the page sets of many areas (every amphoe, every tambon, or the nested province → amphoe →
tambon report) in one PDF or one file per area, with progress and cancel.

``choose_areas`` picks the areas (``areaplan.atlas_areas`` filters and sorts them); ``export_annex`` plans
every page first (so page numbers are "n/N"), then paints and writes them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from areaplan.atlas_areas import AtlasError, Area, find_area, nested_areas, select_areas
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from layers.print.composer import AnnexComposer, PagePlan
from layers.print.output import PageJob, format_of, write_pages
from layers.print.source import PrintSource
from layers.print.template import PrintTemplate

ATLAS_MODES: tuple[str, ...] = ("amphoe", "tambon", "nested")


@dataclass
class AnnexResult:
    """What an export wrote: the files, the areas and pages printed, and how long it took."""

    paths: list[Path]
    areas: list[Area]
    pages: int
    seconds: float
    page_areas: list[str] = field(default_factory=list)  # area code of each page, in order

    def lines(self) -> list[str]:
        """A short bilingual summary."""
        head = (f"พิมพ์ {len(self.areas)} พื้นที่ {self.pages} หน้า ใน {self.seconds:.1f} วินาที "
                f"(printed {len(self.areas)} areas, {self.pages} pages in {self.seconds:.1f} s)")  # fmt: skip
        return [head, *(f"  {p}" for p in self.paths)]


def choose_areas(
    source: PrintSource,
    *,
    atlas: str | None = None,
    codes: Iterable[str] | None = None,
    filter: str | None = None,  # noqa: A002 - the CLI option's name
    sort: str | None = "code",
) -> list[Area]:
    """The areas to print: an atlas level (within ``codes``), the nested report, the given areas, or the province."""
    codes = [c for c in (codes or ()) if str(c).strip()]
    table = source.areas
    if atlas is None:
        if codes:
            return [find_area(table, c) for c in codes]
        provinces = select_areas(table, "changwat", filter=filter, sort=sort)
        if provinces:
            return provinces
        return select_areas(table, "amphoe", filter=filter, sort=sort)
    if atlas == "nested":
        return nested_areas(table, codes=codes, filter=filter, sort=sort)
    if atlas not in ATLAS_MODES:
        raise AtlasError(
            f"ชนิดสมุดแผนที่ต้องเป็น {', '.join(ATLAS_MODES)} ได้ {atlas!r}",
            f"atlas must be one of {', '.join(ATLAS_MODES)}, got {atlas!r}",
            field="atlas",
        )
    return select_areas(table, atlas, codes=codes, filter=filter, sort=sort)


def plan_pages(composer: AnnexComposer, areas: Iterable[Area], progress: Reporter | None = None) -> list[PagePlan]:
    """Every page of every area, in order."""
    areas = list(areas)
    pages: list[PagePlan] = []
    for i, area in enumerate(areas):
        if progress is not None:
            progress(i / max(len(areas), 1), area.title)
        pages += composer.plan(area)
    return pages


def page_jobs(composer: AnnexComposer, plans: list[PagePlan]) -> list[PageJob]:
    """The planned pages as jobs for the writers (grouped by area for --split)."""
    size = composer.template.page_size_mm

    def job(plan: PagePlan) -> PageJob:
        return PageJob(size, lambda painter, dpi, rec, n, count: composer.paint(
            painter, plan, dpi, number=n, count=count, recorder=rec), group=plan.area.code)  # fmt: skip

    return [job(p) for p in plans]


def export_annex(
    source: PrintSource,
    areas: Iterable[Area],
    out: str | Path,
    *,
    template: PrintTemplate | None = None,
    fmt: str | None = None,
    dpi: float | None = None,
    split: bool = False,
    overwrite: bool = True,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> AnnexResult:
    """Print the page sets of areas to PDF, PNG or SVG; raises Cancelled (nothing written) when cancelled."""
    started = time.perf_counter()
    out = Path(out)
    template = template or PrintTemplate()
    fmt = format_of(out, fmt)
    areas = list(areas)
    if not areas:
        raise AtlasError("ไม่มีพื้นที่ที่ตรงกับเงื่อนไข", "no area matches the choice", field="area")
    reporter = Reporter(progress, cancelled)
    composer = AnnexComposer(source, template, today=today)
    try:
        plans = plan_pages(composer, areas, reporter.sub(0.0, 0.05))
        title = composer.title(areas[0])[0] if len(areas) == 1 else (
            f"สมุดแผนที่ {len(areas)} พื้นที่ — {source.metadata.get('title', '')}".strip(" —"))  # fmt: skip
        paths = write_pages(out, page_jobs(composer, plans), fmt=fmt, dpi=dpi or template.dpi, split=split,
                            title=title, subject="ภาคผนวกแผนที่ AreaPlan (map annex)", overwrite=overwrite,
                            progress=reporter.sub(0.05, 1.0))  # fmt: skip
    finally:
        composer.close()
    return AnnexResult(paths, areas, len(plans), time.perf_counter() - started, [p.area.code for p in plans])
