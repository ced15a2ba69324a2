"""The two pyqtgraph charts of the flood-risk review: area by hazard class per district, and budget against risk.

Both take plain DataFrames from the exposure and gap results. The scatter emits ``areaClicked(code)`` when a
point is clicked, so the review can select that area in its table and on the map.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

#: Fill of each hazard class (1 ต่ำ … 4 สูงมาก), light to dark blue-red like a depth legend.
CLASS_COLOURS: dict[int, str] = {1: "#c6dbef", 2: "#6baed6", 3: "#f16913", 4: "#a50f15"}
#: Bars shown at most (the districts with most flooded area); the rest are summed in the table only.
MAX_BARS = 40


def class_names() -> dict[int, str]:
    """Thai names of the hazard classes."""
    t = QCoreApplication.translate
    return {1: t("FloodCharts", "ต่ำ"), 2: t("FloodCharts", "ปานกลาง"), 3: t("FloodCharts", "สูง"),
            4: t("FloodCharts", "สูงมาก")}  # fmt: skip


def area_by_class(areas: pd.DataFrame, level: str, names: dict[str, str]) -> pd.DataFrame:
    """km² per class summed per amphoe (tambon results grouped by their amphoe; other levels per area)."""
    cols = [f"c{k}_km2" for k in CLASS_COLOURS]
    if not len(areas):
        return pd.DataFrame(columns=["code", "name", *cols])
    frame = pd.DataFrame(areas).copy()
    key = frame["parent_code"] if level == "tambon" and "parent_code" in frame else frame["code"]
    frame["_key"] = key.astype(str)
    out = frame.groupby("_key", sort=False)[cols].sum(min_count=1).fillna(0.0).reset_index()
    out = out.rename(columns={"_key": "code"})
    if level != "tambon":
        own = dict(zip(frame["code"].astype(str), frame.get("name_th", frame["code"]).astype(str)))
        names = {**own, **names}
    out["name"] = out["code"].map(names).fillna(out["code"])
    out["flooded"] = out[cols].sum(axis=1)
    return out.sort_values("flooded", ascending=True, kind="stable").tail(MAX_BARS).reset_index(drop=True)


class ClassAreaChart(QWidget):
    """Horizontal stacked bars: km² of each hazard class per district (largest flooded area on top)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("พื้นที่ (ตร.กม.)"))
        self.plot.addLegend(offset=(-10, 10))
        self.bars: dict[int, pg.BarGraphItem] = {}
        self.table = pd.DataFrame()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_data(self, table: pd.DataFrame) -> None:
        """Show a table from area_by_class (one bar per row, stacked by class)."""
        self.table = table
        for item in self.bars.values():
            self.plot.removeItem(item)
        self.bars.clear()
        legend = self.plot.plotItem.legend
        if legend is not None:
            legend.clear()
        if not len(table):
            return
        y = np.arange(len(table), dtype=float)
        left = np.zeros(len(table))
        names = class_names()
        for k, colour in CLASS_COLOURS.items():
            width = table[f"c{k}_km2"].to_numpy(dtype=float)
            if not np.any(width > 0):
                continue
            item = pg.BarGraphItem(x0=left.copy(), y=y, width=width, height=0.7, brush=pg.mkBrush(colour),
                                   pen=pg.mkPen("#ffffff", width=0.5), name=names[k])
            self.plot.addItem(item)
            self.bars[k] = item
            left += width
        self.plot.getAxis("left").setTicks([[(float(i), str(n)) for i, n in enumerate(table["name"])]])
        self.plot.setYRange(-0.6, len(table) - 0.4, padding=0)
        self.plot.setXRange(0, float(left.max()) * 1.05 if left.max() > 0 else 1.0, padding=0)


class BudgetRiskChart(QWidget):
    """Scatter of the risk index (x) against the flood-mitigation budget (y, million baht); click → areaClicked."""

    areaClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("ดัชนีความเสี่ยง (0–1)"))
        self.plot.setLabel("left", self.tr("งบป้องกันน้ำท่วม (ล้านบาท)"))
        self.scatter = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#555555", width=0.6), hoverable=True)
        self.scatter.sigClicked.connect(self._on_clicked)
        self.plot.addItem(self.scatter)
        self.marker = pg.ScatterPlotItem(size=18, pen=pg.mkPen("#d62728", width=2.5), brush=pg.mkBrush(0, 0, 0, 0))
        self.plot.addItem(self.marker)
        self.codes: list[str] = []
        self.xy = np.zeros((0, 2))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_data(self, gaps: pd.DataFrame) -> None:
        """One point per area of a gap table (risk_index, mitigation_budget, bivariate_colour, code, name_th)."""
        if not len(gaps):
            self.codes, self.xy = [], np.zeros((0, 2))
            self.scatter.setData([])
            self.marker.setData([])
            return
        x = pd.to_numeric(gaps["risk_index"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
        y = pd.to_numeric(gaps["mitigation_budget"], errors="coerce").fillna(0.0).to_numpy(dtype=float) / 1e6
        colours = gaps["bivariate_colour"].fillna("#cccccc").astype(str).tolist()
        self.codes = gaps["code"].astype(str).tolist()
        self.xy = np.column_stack([x, y])
        self.scatter.setData(x=x, y=y, brush=[pg.mkBrush(c) for c in colours], data=self.codes)
        self.marker.setData([])
        self.plot.autoRange()

    def mark(self, code: str | None) -> None:
        """Ring the point of one area (nothing when it is not plotted)."""
        if code is None or code not in self.codes:
            self.marker.setData([])
            return
        x, y = self.xy[self.codes.index(code)]
        self.marker.setData([x], [y])

    def view_point(self, code: str) -> QPointF | None:
        """Widget position (in the plot's viewport) of an area's point, for tests and tools."""
        if code not in self.codes:
            return None
        x, y = self.xy[self.codes.index(code)]
        scene = self.plot.plotItem.vb.mapViewToScene(QPointF(float(x), float(y)))
        return self.plot.mapFromScene(scene).toPointF()

    def _on_clicked(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points):
            self.areaClicked.emit(str(points[0].data()))


__all__ = ["BudgetRiskChart", "ClassAreaChart", "area_by_class", "CLASS_COLOURS"]
