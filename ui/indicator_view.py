"""แผน › ตัวชี้วัดความจำเป็น: an imported need indicator as a choropleth beside the plans, and need vs investment.

The indicator values come from the workspace's ``indicators`` table (read with the plan index by
ui.plan_links.PlanIndexService) through areaplan.analyses.indicators: ``indicator_values`` (one value per area of
the chosen level, finer values summed/averaged up) and ``need_and_investment`` (value, projects, budget, plans and
budget per unit of need of every area). A worker builds the temporary layer ``need_indicator`` (group แผน),
graduated by the chosen measure with layers.style (quantiles): the need itself (purples), the budget (yellow-red),
or the budget per unit of need (red = little money for the need, green = much). "สลับกับพื้นที่ของแผน" switches
between this layer and the plan layer of แผนในพื้นที่, so need and plan coverage can be compared in turn.
The table and the scatter plot (need on x, budget on y; pyqtgraph) list every area; clicking one outlines it.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError, Cancelled
from ui.plan_links import (
    PLAN_LAYER,
    Column,
    FrameTableModel,
    LegendWidget,
    area_highlight,
    boundary_layer,
    choropleth_layer,
    put_temporary_layer,
    remove_temporary_layer,
    table_data,
    table_view,
)
from ui.worker import JobRunner, run_job

#: Name of the temporary indicator layer.
NEED_LAYER = "need_indicator"
NO_DATA_FILL = "#eeeeee"
#: Map measure -> (value column, ramp, zero counts as no data).
MEASURES: dict[str, tuple[str, str, bool]] = {
    "value": ("value", "Purples", False),
    "budget": ("budget", "YlOrRd", True),
    "budget_per_unit": ("budget_per_unit", "RdYlGn", False),
}


def measure_names() -> dict[str, str]:
    """Thai names of what the map shows."""
    t = QCoreApplication.translate
    return {"value": t("IndicatorView", "ความจำเป็น (ค่าตัวชี้วัด)"),
            "budget": t("IndicatorView", "การลงทุน (งบประมาณ)"),
            "budget_per_unit": t("IndicatorView", "งบประมาณต่อหน่วยความจำเป็น")}  # fmt: skip


def aggregation_names() -> dict[str, str]:
    """Thai names of how finer values are added up."""
    t = QCoreApplication.translate
    return {"sum": t("IndicatorView", "รวม (จำนวนนับ)"), "mean": t("IndicatorView", "เฉลี่ย (อัตรา)"),
            "max": t("IndicatorView", "สูงสุด"), "none": t("IndicatorView", "ไม่รวมจากระดับย่อย")}  # fmt: skip


def need_job(index: Any, table: pd.DataFrame, indicator: str, level: str, year: int | None, how: str,
             measure: str, boundaries: gpd.GeoDataFrame | None, crs: str, title: str, layers: Any,
             columns: list[Column]) -> dict[str, Any]:
    """Values of an indicator beside the investment of every area, the graduated layer of one measure and the
    table of every area (columns: translated headers)."""
    from areaplan.analyses.indicators import indicator_values, need_and_investment

    values = indicator_values(table, indicator, level=level, year=year, how=how)
    frame = need_and_investment(index, values, level=level)
    column, ramp, zero_empty = MEASURES[measure]
    layer = style = None
    if boundaries is not None and len(boundaries):
        layer, style = choropleth_layer(NEED_LAYER, title, boundaries, frame, column, crs=crs, ramp=ramp,
                                        empty_fill=NO_DATA_FILL, zero_is_empty=zero_empty)
    return {"frame": frame, "layer": layer, "style": style, "layers": layers, "indicator": indicator,
            "measure": measure, "level": level, "table": table_data(frame, columns)}


class IndicatorView(QWidget):
    """The dock's contents: indicator choice, map measure, legend, the need/investment table and plot."""

    areaClicked = Signal(str)

    def __init__(self, window: Any, service: Any) -> None:
        super().__init__(window)
        self.setObjectName("indicatorView")
        self.window_ = window
        self.service = service
        self.catalog = pd.DataFrame()
        self.shown: dict[str, Any] | None = None
        self.runner: JobRunner | None = None
        self.last_error: BaseException | None = None
        self.highlight = area_highlight(window)

        self.indicator_combo = QComboBox(self)
        self.indicator_combo.currentIndexChanged.connect(self._on_indicator_changed)
        self.year_combo = QComboBox(self)
        self.level_combo = QComboBox(self)
        for key, text in (("tambon", self.tr("ตำบล")), ("amphoe", self.tr("อำเภอ")), ("changwat", self.tr("จังหวัด"))):
            self.level_combo.addItem(text, key)
        self.how_combo = QComboBox(self)
        for key, text in aggregation_names().items():
            self.how_combo.addItem(text, key)
        self.measure_combo = QComboBox(self)
        for key, text in measure_names().items():
            self.measure_combo.addItem(text, key)
        self.show_button = QPushButton(self.tr("แสดงบนแผนที่"), self)
        self.show_button.clicked.connect(self.show_indicator)
        self.toggle_button = QPushButton(self.tr("สลับกับพื้นที่ของแผน"), self)
        self.toggle_button.setToolTip(self.tr(
            "แสดงชั้นตัวชี้วัดหรือชั้นพื้นที่ของแผนทีละชั้น เพื่อเทียบความจำเป็นกับแผน"))
        self.toggle_button.clicked.connect(self.toggle_plan_layer)
        self.import_button = QPushButton(self.tr("นำเข้าตัวชี้วัด…"), self)
        self.import_button.clicked.connect(self._ask_import)
        self.clear_button = QPushButton(self.tr("ล้าง"), self)
        self.clear_button.clicked.connect(self.clear)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("ตัวชี้วัด"), self), 0, 0)
        grid.addWidget(self.indicator_combo, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("ปี"), self), 1, 0)
        grid.addWidget(self.year_combo, 1, 1)
        grid.addWidget(self.level_combo, 1, 2)
        grid.addWidget(self.how_combo, 1, 3)
        grid.addWidget(QLabel(self.tr("แสดง"), self), 2, 0)
        grid.addWidget(self.measure_combo, 2, 1, 1, 3)
        buttons = QHBoxLayout()
        for button in (self.show_button, self.toggle_button, self.import_button, self.clear_button):
            buttons.addWidget(button)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.legend = LegendWidget(self)
        self.legend.hide()
        self.model = FrameTableModel(self)
        self.view, self.proxy = table_view(self, self.model)
        self.view.clicked.connect(self._on_row_clicked)
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("left", self.tr("งบประมาณ (บาท)"))
        self.scatter = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#ffffff", width=0.6), brush=pg.mkBrush("#6a51a3"))
        self.scatter.sigClicked.connect(self._on_point_clicked)
        self.plot.addItem(self.scatter)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.plot)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        service.indexChanged.connect(self._on_index_changed)
        window.workspaceChanged.connect(self._on_workspace_changed)
        self._on_index_changed()

    # -- the catalog
    def _on_workspace_changed(self) -> None:
        self.shown = None
        self.legend.set_entries("", [])
        self.model.set_frame(pd.DataFrame(), [])
        self.scatter.setData([])

    def _on_index_changed(self) -> None:
        from areaplan.analyses.indicators import indicator_catalog

        self.catalog = indicator_catalog(self.service.indicators)
        current = self.indicator_combo.currentData()
        self.indicator_combo.blockSignals(True)
        self.indicator_combo.clear()
        for rec in self.catalog.to_dict("records"):
            unit = f" ({rec['unit']})" if isinstance(rec.get("unit"), str) and rec["unit"] else ""
            self.indicator_combo.addItem(f"{rec['indicator']}{unit}", rec["indicator"])
        if current is not None and self.indicator_combo.findData(current) >= 0:
            self.indicator_combo.setCurrentIndex(self.indicator_combo.findData(current))
        self.indicator_combo.blockSignals(False)
        self._on_indicator_changed()
        ready = self.service.index is not None
        has = ready and len(self.catalog) > 0
        self.show_button.setEnabled(has)
        self.import_button.setEnabled(hasattr(self.window_, "workbench") and self.service.available())
        if not ready:
            self.status_label.setText(self.service.summary())
        elif not has:
            self.status_label.setText(self.tr("ยังไม่มีตัวชี้วัดในพื้นที่ทำงาน นำเข้าไฟล์ CSV/XLSX รายพื้นที่ "
                                              "(รหัส DOPA หรือ PCODE) ด้วยปุ่ม \"นำเข้าตัวชี้วัด…\""))
        else:
            self.status_label.setText(self.tr("ตัวชี้วัด {n} รายการ").format(n=len(self.catalog)))
        if self.shown is not None and has and self.shown["indicator"] in set(self.catalog["indicator"]):
            self.show_indicator()

    def _on_indicator_changed(self) -> None:
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("ปีล่าสุด"), None)
        name = self.indicator_combo.currentData()
        if name is None or not len(self.catalog):
            return
        rec = self.catalog[self.catalog["indicator"] == name].iloc[0]
        for year in sorted(rec["years"], reverse=True):
            self.year_combo.addItem(str(year), int(year))
        unit = rec.get("unit")
        self.how_combo.setCurrentIndex(self.how_combo.findData("mean" if isinstance(unit, str) and "%" in unit
                                                               or unit == "ร้อยละ" else "sum"))

    def indicators(self) -> list[str]:
        """Names of the indicators offered."""
        return [self.indicator_combo.itemData(i) for i in range(self.indicator_combo.count())]

    def set_choice(self, indicator: str, *, level: str | None = None, measure: str | None = None,
                   how: str | None = None) -> None:
        """Choose an indicator (and optionally the level, the map measure and the aggregation)."""
        self.indicator_combo.setCurrentIndex(self.indicator_combo.findData(indicator))
        if level:
            self.level_combo.setCurrentIndex(self.level_combo.findData(level))
        if measure:
            self.measure_combo.setCurrentIndex(self.measure_combo.findData(measure))
        if how:
            self.how_combo.setCurrentIndex(self.how_combo.findData(how))

    # -- showing
    def show_indicator(self) -> JobRunner | None:
        """Compute the chosen indicator beside the investment and show it on the map (a worker builds the layer)."""
        index = self.service.index
        indicator = self.indicator_combo.currentData()
        if index is None or indicator is None:
            self.service.ensure()
            return None
        if self.runner is not None and self.runner.is_running():
            self.runner.cancel()
        level = str(self.level_combo.currentData())
        year = self.year_combo.currentData()
        how = str(self.how_combo.currentData())
        measure = str(self.measure_combo.currentData())
        layer = boundary_layer(self.window_, level)
        boundaries = layer.data if layer is not None else None
        title = self.tr("ตัวชี้วัด: {name}").format(name=indicator)
        table, layers, crs = self.service.indicators, self.window_.layers, self.window_.canvas.crs
        columns = [
            Column("code", self.tr("รหัส")), Column("name_th", self.tr("ชื่อ")),
            Column("value", self.tr("ค่าตัวชี้วัด"), "float"), Column("projects", self.tr("โครงการ"), "int"),
            Column("budget", self.tr("งบประมาณ (บาท)"), "money"), Column("plans", self.tr("แผน"), "int"),
            Column("budget_per_unit", self.tr("งบประมาณต่อหน่วย"), "float")]  # fmt: skip
        self.status_label.setText(self.tr("กำลังคำนวณ {name}…").format(name=indicator))
        runner = run_job(
            self, lambda progress, cancelled: need_job(index, table, indicator, level, year, how, measure, boundaries,
                                                       crs, title, layers, columns),
            title=self.tr("ตัวชี้วัดความจำเป็น"), label=title, dialog=False,
            on_done=lambda result: self._on_done(result, index), on_exception=self._on_failed,
        )  # fmt: skip
        self.runner = runner
        return runner

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if not isinstance(exc, Cancelled):
            message = str(exc) if isinstance(exc, AreaPlanError) else repr(exc)
            self.status_label.setText(self.tr("แสดงตัวชี้วัดไม่ได้: {error}").format(error=message))

    def _on_done(self, result: dict[str, Any], index: Any) -> None:
        if index is not self.service.index or result["layers"] is not self.window_.layers:
            return
        self.shown = result
        frame = result["frame"]
        if result["layer"] is not None:
            put_temporary_layer(self.window_, result["layer"])
            plan_layers = self.window_.layers
            if PLAN_LAYER in plan_layers:
                plan_layers[PLAN_LAYER].visible = False  # one choropleth at a time; the toggle switches
        style = result["style"]
        unit = self._unit(result["indicator"])
        titles = {"value": self.tr("{name} ({unit})").format(name=result["indicator"], unit=unit or "-"),
                  "budget": self.tr("งบประมาณ (บาท)"),
                  "budget_per_unit": self.tr("งบประมาณต่อหน่วย (บาท ต่อ {unit})").format(unit=unit or "-")}
        if style is not None:
            from layers.style import legend_entries

            rows = legend_entries(style) if style.kind == "graduated" else []
            rows.append((self.tr("ไม่มีข้อมูล") if result["measure"] != "budget" else self.tr("ไม่มีโครงการ"),
                         NO_DATA_FILL))
            self.legend.set_entries(titles[result["measure"]], rows)
        self.model.set_data(result["table"])
        self.view.resizeColumnsToContents()
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        known = frame[frame["value"].notna()]
        self.scatter.setData(x=known["value"].to_numpy(dtype=float), y=known["budget"].to_numpy(dtype=float),
                             data=known["code"].astype(str).to_numpy())
        self.plot.setLabel("bottom", titles["value"])
        no_money = int(((known["value"] > 0) & (known["budget"] <= 0)).sum())
        self.status_label.setText(self.tr(
            "{name}: มีข้อมูล {n} จาก {m} พื้นที่ · มีความจำเป็นแต่ไม่มีงบประมาณ {k} พื้นที่").format(
            name=result["indicator"], n=f"{len(known):,}", m=f"{len(frame):,}", k=f"{no_money:,}"))

    def _unit(self, indicator: str) -> str | None:
        rec = self.catalog[self.catalog["indicator"] == indicator]
        unit = rec["unit"].iat[0] if len(rec) else None
        return unit if isinstance(unit, str) and unit else None

    def toggle_plan_layer(self) -> bool:
        """Show the plan layer instead of the indicator layer or back; False when one of them is missing."""
        layers = self.window_.layers
        if layers is None or NEED_LAYER not in layers or PLAN_LAYER not in layers:
            self.status_label.setText(self.tr(
                "ต้องมีทั้งชั้นตัวชี้วัดและชั้นพื้นที่ของแผน (เลือกแผนในแผงแผนในพื้นที่)"))
            return False
        need, plan = layers[NEED_LAYER], layers[PLAN_LAYER]
        show_need = not need.visible
        need.visible, plan.visible = show_need, not show_need
        return True

    def clear(self) -> None:
        """Take the indicator layer off the map."""
        remove_temporary_layer(self.window_, NEED_LAYER)
        self.shown = None
        self.legend.set_entries("", [])
        self.model.set_frame(pd.DataFrame(), [])
        self.scatter.setData([])

    def _on_row_clicked(self, proxy_index: QModelIndex) -> None:
        row = self.proxy.mapToSource(proxy_index).row()
        self._outline(str(self.model.frame["code"].iat[row]))

    def _on_point_clicked(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points):
            self._outline(str(points[0].data()))

    def _outline(self, code: str) -> None:
        self.highlight.show([code])
        self.areaClicked.emit(code)

    # -- import
    def _ask_import(self) -> None:
        bench = getattr(self.window_, "workbench", None)
        if bench is None or bench.is_running():
            return
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("นำเข้าตัวชี้วัดรายพื้นที่"), "",
                                                      self.tr("ตาราง CSV หรือ Excel (*.csv *.txt *.xlsx *.xlsm)"))
        if files:
            bench.start_import(files, "indicators")


def install(window: Any) -> IndicatorView:
    """Add แผน › ตัวชี้วัดความจำเป็น… (a right dock)."""
    from ui.plans_menu import add_plan_dock, plans_service

    view = IndicatorView(window, plans_service(window))
    add_plan_dock(window, view, "indicator_view", QCoreApplication.translate("IndicatorView", "ตัวชี้วัดความจำเป็น"),
                  QCoreApplication.translate("IndicatorView", "ตัวชี้วัดความจำเป็น…"), Qt.DockWidgetArea.RightDockWidgetArea)
    return view


__all__ = ["IndicatorView", "MEASURES", "install", "need_job"]
