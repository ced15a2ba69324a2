"""แผน › ปฏิทินแผน: plan periods as bars and the fiscal years of their projects as points (pyqtgraph).

One row per plan (national first, then region … local; annual action plans right after their plan). A bar
spans the plan's period in Buddhist Era years (period_start to period_end inclusive; annual action plans are one
year wide); area plans are blue, agenda plans orange. A point sits in the middle of each fiscal year in which the
plan has projects, its size growing with the budget (five steps); green when the year is inside the period, red when outside
(the period check of ตรวจความเชื่อมโยงแผน). A dashed line marks the current fiscal year (starting 1 October).
Clicking a row shows the plan's areas on the map (แผนในพื้นที่). Data: areaplan.analyses.plan_checks.plan_calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from areaplan.vocab import LEVELS, PLAN_KINDS
from ui.plan_links import baht, period_text

KIND_COLOURS = {"area": "#4e79a7", "agenda": "#f28e2b"}
OTHER_KIND_COLOUR = "#9c9c9c"
IN_PERIOD, OUT_OF_PERIOD = "#2ca02c", "#d62728"
#: Plans whose id is written on the y axis; with more rows every n-th is labelled.
MAX_LABELS = 60


def current_fiscal_year(today: dt.date | None = None) -> int:
    """The Thai fiscal year (BE) of a date: it starts on 1 October."""
    today = today or dt.date.today()
    return today.year + 543 + (1 if today.month >= 10 else 0)


def calendar_rows(calendar: pd.DataFrame, *, level: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """One row per plan to draw (level order, then start year; a plan's sub-plans of the same level and kind
    right after it), filtered by plan level and kind."""
    plans = calendar.drop_duplicates("plan_id")[["plan_id", "name", "level", "kind", "agenda", "period_start",
                                                "period_end", "parent_id"]].reset_index(drop=True)
    if level:
        plans = plans[plans["level"] == level]
    if kind:
        plans = plans[plans["kind"] == kind]
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    plans = plans.assign(_lv=plans["level"].map(rank).fillna(len(rank)),
                         _start=pd.to_numeric(plans["period_start"], errors="coerce").fillna(0))
    plans = plans.sort_values(["_lv", "_start", "plan_id"], kind="stable").drop(columns=["_lv", "_start"])
    # a child of the same level and kind right after its parent (annual action plans under their plan)
    ids = plans["plan_id"].astype(str).tolist()
    parent = dict(zip(ids, plans["parent_id"].tolist()))
    level_of = dict(zip(ids, zip(plans["level"].tolist(), plans["kind"].tolist())))
    order: list[str] = []
    placed: set[str] = set()
    children: dict[str, list[str]] = {}
    for pid in ids:
        par = parent.get(pid)
        if isinstance(par, str) and par in level_of and level_of[par] == level_of[pid]:
            children.setdefault(par, []).append(pid)

    def place(pid: str) -> None:
        if pid in placed:
            return
        placed.add(pid)
        order.append(pid)
        for child in children.get(pid, []):
            place(child)

    for pid in ids:
        par = parent.get(pid)
        if not (isinstance(par, str) and pid in children.get(par, [])):
            place(pid)
    for pid in ids:  # children of a cycle
        place(pid)
    return plans.set_index("plan_id").loc[order].reset_index()


class PlanCalendarView(QWidget):
    """The dock's contents: level and kind filters and the timeline plot."""

    planClicked = Signal(str)

    def __init__(self, window: Any, service: Any) -> None:
        super().__init__(window)
        self.setObjectName("planCalendarView")
        self.window_ = window
        self.service = service
        self.rows = pd.DataFrame()
        self.points = pd.DataFrame()
        self._dirty = True

        self.level_combo = QComboBox(self)
        self.level_combo.addItem(self.tr("ทุกระดับ"), None)
        for key, text in LEVELS.items():
            self.level_combo.addItem(text, key)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("ทุกประเภท"), None)
        for key, text in PLAN_KINDS.items():
            self.kind_combo.addItem(text, key)
        self.level_combo.currentIndexChanged.connect(self.draw)
        self.kind_combo.currentIndexChanged.connect(self.draw)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.legend_label = QLabel(self)
        self.legend_label.setText(self.tr(
            "<span style='color:{area}'>■</span> แผนเชิงพื้นที่ &nbsp; <span style='color:{agenda}'>■</span> "
            "แผนเชิงประเด็น &nbsp; <span style='color:{inside}'>●</span> ปีงบประมาณของโครงการในช่วงแผน &nbsp; "
            "<span style='color:{outside}'>●</span> นอกช่วงแผน (ขนาดตามงบประมาณ)").format(
            area=KIND_COLOURS["area"], agenda=KIND_COLOURS["agenda"], inside=IN_PERIOD, outside=OUT_OF_PERIOD))
        controls = QHBoxLayout()
        controls.addWidget(self.level_combo)
        controls.addWidget(self.kind_combo)
        controls.addWidget(self.legend_label, 1)

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMinimumHeight(220)
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.invertY(True)
        self.plot.setLabel("bottom", self.tr("ปีงบประมาณ (พ.ศ.)"))
        self.plot.getViewBox().setMouseEnabled(x=True, y=True)
        self.bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.6, brushes=[])
        self.scatter = pg.ScatterPlotItem(pxMode=True)
        self._point_pen = pg.mkPen("#ffffff", width=0.8)
        self.now_line = pg.InfiniteLine(angle=90, movable=False,
                                        pen=pg.mkPen("#555555", width=1, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.bars)
        self.plot.addItem(self.scatter)
        self.plot.addItem(self.now_line)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.info_label)
        service.indexChanged.connect(self._on_index_changed)

    def _on_index_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.draw()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Draw when first shown after the index changed."""
        super().showEvent(event)
        if self._dirty:
            self.draw()

    def set_filters(self, level: str | None = None, kind: str | None = None) -> None:
        """Show only plans of one level and/or kind (None: all)."""
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)) if level else 0)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)) if kind else 0)

    def draw(self) -> None:
        """Rebuild the bars and points from the index (vectorised; one item each)."""
        from areaplan.analyses.plan_checks import plan_calendar

        index = self.service.index
        self._dirty = False
        if index is None:
            self.service.ensure()
            self.rows, self.points = pd.DataFrame(), pd.DataFrame()
            self.bars.setOpts(x0=[], x1=[], y=[], brushes=[])
            self.scatter.setData([])
            self.info_label.setText(self.service.summary())
            return
        calendar = plan_calendar(index)
        rows = calendar_rows(calendar, level=self.level_combo.currentData(), kind=self.kind_combo.currentData())
        self.rows = rows
        n = len(rows)
        pos = {pid: i for i, pid in enumerate(rows["plan_id"].astype(str))}
        start = pd.to_numeric(rows["period_start"], errors="coerce").to_numpy(dtype=float)
        end = pd.to_numeric(rows["period_end"], errors="coerce").to_numpy(dtype=float)
        known = np.isfinite(start) & np.isfinite(end)
        kind_brush = {k: QColor(c) for k, c in KIND_COLOURS.items()}
        colours = [kind_brush.get(k) or QColor(OTHER_KIND_COLOUR) for k in rows["kind"].tolist()]
        y = np.arange(n, dtype=float)
        self.bars.setOpts(x0=start[known], x1=end[known] + 1.0, y=y[known], height=0.6,
                          brushes=[c for c, ok in zip(colours, known) if ok], pens=[pg.mkPen(None)] * int(known.sum()))
        dated = calendar[calendar["fiscal_year"].notna() & calendar["plan_id"].isin(pos)].copy()
        dated["row"] = dated["plan_id"].map(pos)
        self.points = dated.reset_index(drop=True)
        if len(dated):
            budget = dated["budget"].to_numpy(dtype=float)
            top = max(float(budget.max()), 1.0)
            # a few sizes and two brushes, so pyqtgraph renders a handful of symbols, not one per point
            step = np.rint(4 * np.sqrt(np.clip(budget, 0, None) / top))
            sizes = 6.0 + 3.5 * step
            inside = dated["in_period"].fillna(True).astype(bool).to_numpy()
            brush = {True: pg.mkBrush(IN_PERIOD), False: pg.mkBrush(OUT_OF_PERIOD)}
            brushes = [brush[ok] for ok in inside.tolist()]
            self.scatter.setData(x=dated["fiscal_year"].astype(float).to_numpy() + 0.5,
                                 y=dated["row"].to_numpy(dtype=float), size=sizes, brush=brushes,
                                 pen=self._point_pen, data=dated["plan_id"].astype(str).to_numpy())
        else:
            self.scatter.setData([])
        step = max(1, int(np.ceil(n / MAX_LABELS)))
        ticks = [(float(i), str(pid)) for i, pid in enumerate(rows["plan_id"].astype(str)) if i % step == 0]
        self.plot.getAxis("left").setTicks([ticks, []])
        fy = current_fiscal_year()
        self.now_line.setValue(fy + 0.5)
        years = np.concatenate([start[known], end[known] + 1, dated["fiscal_year"].astype(float).to_numpy()
                                if len(dated) else np.empty(0)])
        if len(years) and n:
            lo, hi = float(np.nanmin(years)), float(np.nanmax(years))
            self.plot.setXRange(max(lo, fy - 12), min(hi, fy + 12) + 0.5, padding=0.02)
            self.plot.setYRange(-0.8, min(n, 40) - 0.2, padding=0)
        outside = int((~dated["in_period"].fillna(True).astype(bool)).sum()) if len(dated) else 0
        self.info_label.setText(self.tr("{plans} แผน · ปีงบประมาณที่มีโครงการ {years} จุด · นอกช่วงแผน {outside} จุด · "
                                        "คลิกแถวเพื่อดูพื้นที่ของแผน").format(
            plans=f"{n:,}", years=f"{len(dated):,}", outside=f"{outside:,}"))  # fmt: skip

    def row_at(self, y: float) -> str | None:
        """The plan id of the row at a y position of the plot."""
        i = int(round(y))
        return str(self.rows["plan_id"].iat[i]) if len(self.rows) and 0 <= i < len(self.rows) else None

    def describe(self, plan_id: str) -> str:
        """One line on a plan of the calendar: period and projects per fiscal year."""
        rec = self.rows[self.rows["plan_id"] == plan_id].iloc[0]
        mine = self.points[self.points["plan_id"] == plan_id] if len(self.points) else self.points
        years = ", ".join(f"{int(r.fiscal_year)}: {int(r.projects)} ({baht(r.budget)} บาท)"
                          for r in mine.itertuples(index=False))
        return self.tr("{plan} {name} · ช่วงแผน {period} · โครงการตามปีงบประมาณ: {years}").format(
            plan=plan_id, name=rec["name"], period=period_text(rec["period_start"], rec["period_end"]),
            years=years or "-")

    def choose_row(self, y: float) -> str | None:
        """Act as a click on the row at y: describe the plan and show its areas on the map."""
        plan = self.row_at(y)
        if plan is None:
            return None
        self.info_label.setText(self.describe(plan))
        self.planClicked.emit(plan)
        panel = getattr(self.window_, "plan_links", None)
        if panel is not None:
            panel.show_plan(plan)
        return plan

    def _on_scene_clicked(self, event: Any) -> None:
        view = self.plot.getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        self.choose_row(view.mapSceneToView(event.scenePos()).y())


def install(window: Any) -> PlanCalendarView:
    """Add แผน › ปฏิทินแผน… (a bottom dock)."""
    from ui.plans_menu import add_plan_dock, plans_service

    view = PlanCalendarView(window, plans_service(window))
    add_plan_dock(window, view, "plan_calendar", QCoreApplication.translate("PlanCalendarView", "ปฏิทินแผน"),
                  QCoreApplication.translate("PlanCalendarView", "ปฏิทินแผน…"))
    return view


__all__ = ["PlanCalendarView", "calendar_rows", "current_fiscal_year", "install"]
