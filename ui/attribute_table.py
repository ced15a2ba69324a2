"""The attribute table dock (ตารางข้อมูล): sort, filter, select in step with the map, zoom to, export.

Built for 100k rows: the model keeps one numpy array per column, prepared once when the layer's data change,
and formats a cell only when the view asks for it. Sorting (one pandas argsort) and filtering (a boolean mask
computed column-wise) both happen inside the model, which shows the rows ``order`` = the sorted, filtered
positions of the layer's frame. The view's QSortFilterProxyModel is a thin front with the filter API: it does
not override ``filterAcceptsRow``/``lessThan``, because Qt calling back into Python once per row (filtering)
or per comparison (sorting) costs 1 s or more per 100k rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError
from areaplan.exporters import table as table_export
from areaplan.values import clean_text
from layers.model import VectorLayer

AnyIndex = QModelIndex | QPersistentModelIndex
#: Role giving the raw value of a cell (codes, numbers), used for sorting, filtering and editing.
ValueRole = Qt.ItemDataRole.UserRole + 1
#: Role giving a row's workspace fid.
FidRole = Qt.ItemDataRole.UserRole + 2

#: The project columns the table shows, in order (virtual columns tambon_name/amphoe_name come from codes).
PROJECT_COLUMNS: tuple[str, ...] = (
    "title", "project_id", "channel", "fiscal_year", "budget", "agenda", "status", "agency",
    "amphoe_name", "tambon_name", "location_text", "plan_ids", "village_no", "location_precision", "source",
    "updated_at",
)  # fmt: skip
#: Columns searched by the free-text filter.
TEXT_COLUMNS: tuple[str, ...] = ("title", "agency", "location_text")
#: Columns drawn right-aligned with thousands separators.
NUMERIC_COLUMNS = frozenset({"budget", "fiscal_year", "village_no", "lon", "lat", "fid", "source_row"})
#: Coded columns and their Thai labels.
CODED: dict[str, dict[str, str]] = table_export.CODED
#: Filters the proxy understands: key -> column whose value must equal the filter value.
FILTER_COLUMNS: dict[str, str] = {
    "fiscal_year": "fiscal_year",
    "channel": "channel",
    "agenda": "agenda",
    "status": "status",
    "amphoe": "amphoe_key",
}
#: Filter key -> tool tip of its combo box (Thai source text; translated when shown).
FILTER_TITLES: dict[str, str] = {
    "fiscal_year": QT_TRANSLATE_NOOP("AttributeTableDock", "ปีงบประมาณ"),
    "channel": QT_TRANSLATE_NOOP("AttributeTableDock", "ช่องทาง"),
    "agenda": QT_TRANSLATE_NOOP("AttributeTableDock", "ประเด็น"),
    "status": QT_TRANSLATE_NOOP("AttributeTableDock", "สถานะ"),
    "amphoe": QT_TRANSLATE_NOOP("AttributeTableDock", "อำเภอ"),
}
#: Filter key -> the combo box's "any value" item (Thai source text; translated when shown).
FILTER_ALL: dict[str, str] = {
    "fiscal_year": QT_TRANSLATE_NOOP("AttributeTableDock", "ทุกปีงบประมาณ"),
    "channel": QT_TRANSLATE_NOOP("AttributeTableDock", "ทุกช่องทาง"),
    "agenda": QT_TRANSLATE_NOOP("AttributeTableDock", "ทุกประเด็น"),
    "status": QT_TRANSLATE_NOOP("AttributeTableDock", "ทุกสถานะ"),
    "amphoe": QT_TRANSLATE_NOOP("AttributeTableDock", "ทุกอำเภอ"),
}
#: The columns a user may edit in the table (the others are derived or bookkeeping).
EDITABLE_COLUMNS = frozenset(
    {"project_id", "title", "channel", "agency", "fiscal_year", "budget", "agenda", "plan_ids", "status",
     "village_no", "location_text", "location_note"}
)  # fmt: skip

#: editor(layer_name, fid, column, value) -> True when the change was saved.
Editor = Callable[[str, int, str, Any], bool]


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def format_value(column: str, value: object) -> str:
    """The text of a cell: codes as Thai labels, budgets with separators, whole numbers without '.0'."""
    if _blank(value):
        return ""
    if column in CODED:
        return CODED[column].get(value, str(value))
    if column == "budget":
        number = float(value)
        return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"
    if column in ("fiscal_year", "village_no", "fid", "source_row"):
        try:
            return str(int(value))
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, (float, np.floating)):
        return f"{value:.6f}" if column in ("lon", "lat") else f"{value:g}"
    return str(value)


class LayerTableModel(QAbstractTableModel):
    """The attributes of one layer; rows are in ``order`` (positions in the layer's frame)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer: VectorLayer | None = None
        self.columns: list[str] = []
        self.arrays: dict[str, np.ndarray] = {}
        self.fids = np.array([], dtype=np.int64)
        #: row -> position in layer.data
        self.order = np.array([], dtype=np.int64)
        #: position -> row (the inverse of order)
        self.row_of = np.array([], dtype=np.int64)
        self.generation = 0
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.tambon_names: dict[str, str] = {}
        self.amphoe_names: dict[str, str] = {}
        self.editor: Editor | None = None
        #: filter key (FILTER_COLUMNS) -> value, and the folded free text
        self.filters: dict[str, object] = {}
        self.text = ""
        self._search: pd.Series | None = None
        self._fid_index: pd.Index | None = None

    # -- data
    def set_layer(self, layer: VectorLayer | None) -> None:
        """Show a layer (or nothing); listens to its data until another layer is set."""
        if self.layer is not None:
            self.layer.events.data.disconnect(self._on_data_change)
        self.layer = layer
        self.sort_column = -1
        self.filters, self.text = {}, ""
        if layer is not None:
            layer.events.data.connect(self._on_data_change)
        self.beginResetModel()
        self._prepare()
        self.endResetModel()

    def set_area_names(self, tambon: dict[str, str], amphoe: dict[str, str]) -> None:
        """Thai names of tambon (6-digit) and amphoe (4-digit) codes for the derived name columns."""
        self.tambon_names, self.amphoe_names = dict(tambon), dict(amphoe)
        if self.layer is not None:
            self.beginResetModel()
            self._prepare()
            self.endResetModel()

    def _prepare(self) -> None:
        """Column arrays from the layer's frame (once per data change; no per-cell objects)."""
        self.generation += 1
        self._search = None
        self._fid_index = None
        frame = self.layer.data if self.layer is not None else None
        if frame is None:
            self.columns, self.arrays = [], {}
            self.fids = np.array([], dtype=np.int64)
            self.order = self.row_of = np.array([], dtype=np.int64)
            return
        n = len(frame)
        self.fids = frame["fid"].to_numpy(dtype=np.int64) if "fid" in frame.columns else np.arange(1, n + 1)
        arrays: dict[str, np.ndarray] = {}
        if "project_id" in frame.columns:
            codes = frame["tambon_code"].astype(object) if "tambon_code" in frame.columns else pd.Series(
                [None] * n, index=frame.index, dtype=object)  # fmt: skip
            codes = codes.where(codes.notna(), None)
            amphoe_key = codes.map(lambda c: c[:4] if isinstance(c, str) and len(c) >= 4 else None)
            arrays["amphoe_key"] = amphoe_key.to_numpy(dtype=object)
            arrays["tambon_name"] = codes.map(self.tambon_names).to_numpy(dtype=object)
            arrays["amphoe_name"] = amphoe_key.map(self.amphoe_names).to_numpy(dtype=object)
            columns = [c for c in PROJECT_COLUMNS if c in frame.columns or c in arrays]
        else:
            columns = [c for c in frame.columns if c != frame.geometry.name]
        for col in columns:
            if col not in arrays:
                arrays[col] = frame[col].to_numpy()
        for col in FILTER_COLUMNS.values():
            if col not in arrays and col in frame.columns:
                arrays[col] = frame[col].to_numpy()
        self.columns, self.arrays = columns, arrays
        if not 0 <= self.sort_column < len(columns):
            self.sort_column = -1
        self._apply_order()

    def _on_data_change(self) -> None:
        layer = self.layer
        same_rows = layer is not None and len(layer.data) == len(self.fids) and (
            "fid" not in layer.data.columns or np.array_equal(layer.data["fid"].to_numpy(), self.fids)
        )
        if same_rows and self.rowCount():
            order, row_of = self.order, self.row_of
            self._prepare()
            self.order, self.row_of = order, row_of  # an edit keeps rows where they are
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self._prepare()
            self.endResetModel()

    # -- Qt model interface
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return table_export.header(column, "th")
        if role == Qt.ItemDataRole.ToolTipRole:
            return column
        return None

    def value(self, row: int, column: str) -> object:
        """The raw value of a column in a row."""
        return self.arrays[column][self.order[row]]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return format_value(column, self.arrays[column][self.order[index.row()]])
        if role == Qt.ItemDataRole.EditRole:
            value = self.arrays[column][self.order[index.row()]]
            if _blank(value):
                return ""
            if column in CODED:
                return CODED[column].get(value, str(value))
            return format_value(column, value).replace(",", "") if column == "budget" else format_value(column, value)
        if role == ValueRole:
            value = self.arrays[column][self.order[index.row()]]
            return None if _blank(value) else (value.item() if isinstance(value, np.generic) else value)
        if role == FidRole:
            return int(self.fids[self.order[index.row()]])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editor is not None and self.columns[index.column()] in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Hand an edit to the editor (ui.editing validates, saves and updates the layer)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.editor is None or self.layer is None:
            return False
        column = self.columns[index.column()]
        if column not in EDITABLE_COLUMNS:
            return False
        return bool(self.editor(self.layer.name, int(self.fids[self.order[index.row()]]), column, value))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column's values (codes by code, numbers by number; blanks last)."""
        self.sort_column, self.sort_order = column, order
        self.beginResetModel()
        self._apply_order()
        self.endResetModel()

    def set_filters(self, filters: dict[str, object], text: str = "") -> None:
        """Show only rows whose FILTER_COLUMNS equal the given values and whose text contains `text`."""
        unknown = set(filters) - set(FILTER_COLUMNS)
        if unknown:
            raise KeyError(f"unknown filter {sorted(unknown)}; known: {', '.join(FILTER_COLUMNS)}")
        self.filters = {k: v for k, v in filters.items() if v is not None and v != ""}
        self.text = clean_text(text).casefold()
        self.beginResetModel()
        self._apply_order()
        self.endResetModel()

    def mask(self) -> np.ndarray | None:
        """Boolean mask over positions of layer.data for the filters (None when nothing is filtered)."""
        if not self.filters and not self.text:
            return None
        mask = np.ones(len(self.fids), dtype=bool)
        for name, value in self.filters.items():
            values = self.arrays.get(FILTER_COLUMNS[name])
            if values is None:
                mask[:] = False
            elif name == "fiscal_year":
                mask &= pd.to_numeric(pd.Series(values), errors="coerce").to_numpy() == float(value)
            else:
                mask &= np.asarray(values, dtype=object) == value
        if self.text:
            mask &= self.search_text().str.contains(self.text, regex=False).to_numpy(dtype=bool)
        return mask

    def _sorted_positions(self) -> np.ndarray:
        n = len(self.fids)
        if self.sort_column < 0 or self.sort_column >= len(self.columns):
            return np.arange(n, dtype=np.int64)
        values = pd.Series(self.arrays[self.columns[self.sort_column]])
        if values.dtype == object:
            numeric = pd.to_numeric(values, errors="coerce")
            if numeric.notna().sum() == values.notna().sum():
                values = numeric
            else:
                values = values.where(values.isna(), values.astype(str))
        ascending = self.sort_order == Qt.SortOrder.AscendingOrder
        ordered = values.sort_values(ascending=ascending, kind="stable", na_position="last")
        return ordered.index.to_numpy(dtype=np.int64)

    def _apply_order(self) -> None:
        """order = the sorted positions that pass the filters; row_of = their rows (-1 when filtered out)."""
        order = self._sorted_positions()
        mask = self.mask()
        if mask is not None:
            order = order[mask[order]]
        self.order = order
        self.row_of = np.full(len(self.fids), -1, dtype=np.int64)
        self.row_of[order] = np.arange(len(order), dtype=np.int64)

    def total_rows(self) -> int:
        """Rows of the layer before filtering."""
        return len(self.fids)

    # -- helpers for the dock and tests
    def column_index(self, column: str) -> int:
        """The model column of a field name."""
        return self.columns.index(column)

    def search_text(self) -> pd.Series:
        """Case-folded title/agency/location text of each position (built on the first text search)."""
        if self._search is None:
            frame = self.layer.data if self.layer is not None else pd.DataFrame()
            parts = [frame[c].astype(object).where(frame[c].notna(), "").astype(str) for c in TEXT_COLUMNS
                     if c in frame.columns]  # fmt: skip
            if parts:
                text = parts[0]
                for part in parts[1:]:
                    text = text + "\n" + part
                self._search = text.str.casefold().reset_index(drop=True)
            else:
                self._search = pd.Series([""] * len(self.fids), dtype=object)
        return self._search

    def positions_of(self, fids: Iterable[int]) -> np.ndarray:
        """Positions in layer.data of the given fids (unknown fids dropped)."""
        if self._fid_index is None:
            self._fid_index = pd.Index(self.fids)
        wanted = np.fromiter((int(f) for f in fids), dtype=np.int64)
        pos = self._fid_index.get_indexer(wanted)
        return pos[pos >= 0]


class LayerFilterProxy(QSortFilterProxyModel):
    """The view's model: filters by fiscal year, channel, agenda, status, amphoe and free text, and sorts.

    Both are done by the LayerTableModel (vectorised); this proxy keeps the filter state and passes rows
    through in C++ without calling back into Python per row.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters: dict[str, object] = {}
        self.text = ""
        self.setDynamicSortFilter(False)

    def source(self) -> LayerTableModel:
        """The table model."""
        return self.sourceModel()  # type: ignore[return-value]

    def set_filter(self, key: str, value: object) -> None:
        """Keep rows whose `key` equals value (None removes the filter); keys are FILTER_COLUMNS."""
        if key not in FILTER_COLUMNS:
            raise KeyError(f"unknown filter {key!r}; known: {', '.join(FILTER_COLUMNS)}")
        if value is None or value == "":
            self.filters.pop(key, None)
        else:
            self.filters[key] = value
        self.refilter()

    def set_text(self, text: str) -> None:
        """Keep rows whose title, agency or location text contains the text (Thai, case-insensitive)."""
        self.text = text
        self.refilter()

    def clear_filters(self) -> None:
        """Show every row."""
        self.filters.clear()
        self.text = ""
        self.refilter()

    def refilter(self) -> None:
        """Apply the filters to the model."""
        self.source().set_filters(dict(self.filters), self.text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort through the model (one vectorised argsort); the filters stay."""
        self.source().sort(column, order)

    def visible_positions(self) -> np.ndarray:
        """Positions in layer.data of the rows the view shows, in view order."""
        return self.source().order


class AttributeTableDock(QDockWidget):
    """The ตารางข้อมูล dock of a main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(QCoreApplication.translate("AttributeTableDock", "ตารางข้อมูล"), window)
        self.setObjectName("attributeTableDock")
        self.window_ = window
        self.model = LayerTableModel(self)
        self.proxy = LayerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._syncing = False

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.layer_combo = QComboBox(body)
        self.count_label = QLabel(body)
        self.zoom_button = QPushButton(self.tr("ซูมไปที่รายการที่เลือก"), body)
        self.export_button = QPushButton(self.tr("ส่งออก…"), body)
        self.export_button.setToolTip(self.tr("ส่งออกรายการที่เลือก (หรือทุกรายการที่กรองไว้) เป็น CSV หรือ Excel"))
        top.addWidget(QLabel(self.tr("ชั้นข้อมูล"), body))
        top.addWidget(self.layer_combo)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.zoom_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        self.filter_bar = QWidget(body)
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.filter_combos: dict[str, QComboBox] = {}
        for key, title in FILTER_TITLES.items():
            combo = QComboBox(self.filter_bar)
            combo.setToolTip(self.tr(title))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(lambda _i, k=key: self._on_filter_combo(k))
            self.filter_combos[key] = combo
            bar.addWidget(combo)
        self.search_edit = QLineEdit(self.filter_bar)
        self.search_edit.setPlaceholderText(self.tr("ค้นหาชื่อโครงการ หน่วยงาน ที่ตั้ง"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_text)
        bar.addWidget(self.search_edit, 1)
        self.clear_button = QPushButton(self.tr("ล้างตัวกรอง"), self.filter_bar)
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        layout.addWidget(self.filter_bar)

        self.view = QTableView(body)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vheader = self.view.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vheader.hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.view, 1)
        self.setWidget(body)

        self.layer_combo.currentIndexChanged.connect(self._on_layer_combo)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection)
        self.proxy.modelReset.connect(self._after_reset)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        self.export_button.clicked.connect(self.ask_export)
        window.selection.events.changed.connect(self._on_selection_changed)
        self._dirty = True
        window.workspaceChanged.connect(self._on_workspace_changed)
        self.visibilityChanged.connect(self._on_visibility)

    def _on_workspace_changed(self) -> None:
        """Load the new layers now when the dock is shown, else when it is next shown (keeps opening fast)."""
        self.model.set_layer(None)
        self._dirty = True
        if self.isVisible():
            self.refresh_layers()

    def ensure_loaded(self) -> None:
        """Load the window's layers if a workspace change has not been shown yet."""
        if self._dirty:
            self.refresh_layers()

    def _on_visibility(self, visible: bool) -> None:
        if visible and self._dirty:
            self.refresh_layers()

    # -- layers
    @property
    def layer(self) -> VectorLayer | None:
        """The layer shown."""
        return self.model.layer

    def refresh_layers(self) -> None:
        """List the window's layers (projects first chosen) and load the area names used by filters."""
        self._dirty = False
        layers = self.window_.layers
        self._load_area_names()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        names = [] if layers is None else [layer.name for layer in reversed(list(layers))]
        for name in names:
            self.layer_combo.addItem(layers[name].title_th, name)
        self.layer_combo.blockSignals(False)
        if names:
            self.show_layer("projects" if "projects" in names else names[0])
        else:
            self.show_layer(None)

    def _load_area_names(self) -> None:
        names: dict[str, dict[str, str]] = {"tambon": {}, "amphoe": {}}
        layers = self.window_.layers
        for level in names:
            frame = None
            if layers is not None and level in layers:
                frame = layers[level].data
            elif self.window_.workspace is not None and hasattr(self.window_.workspace, "read_table"):
                try:
                    frame = self.window_.workspace.read_table(level)
                except (AreaPlanError, KeyError):
                    frame = None
            if frame is not None and {"code", "name_th"} <= set(frame.columns):
                names[level] = dict(zip(frame["code"].astype(str), frame["name_th"].astype(str)))
        self.model.tambon_names, self.model.amphoe_names = names["tambon"], names["amphoe"]

    def show_layer(self, name: str | None) -> None:
        """Show one layer of the window by name."""
        layer = self.window_.layers[name] if name is not None and self.window_.layers is not None else None
        i = self.layer_combo.findData(name) if name is not None else -1
        if i >= 0 and i != self.layer_combo.currentIndex():
            self.layer_combo.blockSignals(True)
            self.layer_combo.setCurrentIndex(i)
            self.layer_combo.blockSignals(False)
        self.proxy.clear_filters()
        self.model.set_layer(layer)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._fill_filters()
        self._size_columns()
        self._after_reset()

    def _on_layer_combo(self, index: int) -> None:
        self.show_layer(self.layer_combo.itemData(index))

    def _size_columns(self) -> None:
        widths = {"title": 360, "agency": 220, "location_text": 220, "channel": 200, "agenda": 180, "source": 180}
        for i, column in enumerate(self.model.columns):
            self.view.setColumnWidth(i, widths.get(column, 110))

    # -- filters
    def _fill_filters(self) -> None:
        model = self.model
        is_projects = model.layer is not None and "project_id" in model.arrays
        self.filter_bar.setVisible(is_projects)
        options: dict[str, list[tuple[str, object]]] = {key: [] for key in self.filter_combos}
        if is_projects:
            years = pd.to_numeric(pd.Series(model.arrays.get("fiscal_year", [])), errors="coerce").dropna()
            options["fiscal_year"] = [(str(int(y)), int(y)) for y in sorted(years.unique())]
            for key in ("channel", "agenda", "status"):
                options[key] = [(label, code) for code, label in CODED[key].items()]
            options["amphoe"] = [(name, code) for code, name in sorted(model.amphoe_names.items())]
        for key, combo in self.filter_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr(FILTER_ALL[key]), None)
            for text, value in options[key]:
                combo.addItem(text, value)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)

    def _on_filter_combo(self, key: str) -> None:
        self.set_filter(key, self.filter_combos[key].currentData())

    def set_filter(self, key: str, value: object) -> None:
        """Filter the table (keeps the combo box showing the same choice)."""
        combo = self.filter_combos[key]
        i = combo.findData(value) if value is not None else 0
        if i >= 0 and combo.currentIndex() != i:
            combo.blockSignals(True)
            combo.setCurrentIndex(i)
            combo.blockSignals(False)
        self.proxy.set_filter(key, value)
        self._after_filter()

    def set_text(self, text: str) -> None:
        """Free-text filter (as typing in the search box)."""
        self.search_edit.setText(text)

    def _on_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._after_filter()

    def clear_filters(self) -> None:
        """Remove every filter."""
        for combo in self.filter_combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.proxy.clear_filters()
        self._after_filter()

    def _after_filter(self) -> None:
        self._select_from_window()
        self._update_count()

    def _after_reset(self) -> None:
        self._select_from_window()
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        total = self.model.total_rows()
        shown = self.proxy.rowCount()
        selected = len(self.window_.selection.get(self.layer.name)) if self.layer is not None else 0
        text = self.tr("{shown:,} จาก {total:,} รายการ").format(shown=shown, total=total)
        if selected:
            text += self.tr(" (เลือก {n:,})").format(n=selected)
        self.count_label.setText(text)

    # -- selection
    def selected_fids(self) -> list[int]:
        """The fids of the rows selected in the table, in view order."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        model = self.model
        return [int(model.fids[model.order[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]]) for r in rows]

    def _on_view_selection(self, *_args: object) -> None:
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            self.window_.selection.set(self.layer.name, self.selected_fids())
        finally:
            self._syncing = False
        self._update_count()

    def _on_selection_changed(self, layer: str, _fids: object) -> None:
        if self._syncing or self._dirty or self.layer is None or layer != self.layer.name:
            return
        self._select_from_window()
        self._update_count()

    def _select_from_window(self) -> None:
        """Select the rows of the window's selection (merging adjacent rows into ranges)."""
        if self.layer is None:
            return
        model, proxy = self.model, self.proxy
        positions = model.positions_of(self.window_.selection.get(self.layer.name))
        source_rows = model.row_of[positions] if len(positions) else np.array([], dtype=np.int64)
        source_rows = source_rows[source_rows >= 0]
        rows = sorted(
            r for r in (proxy.mapFromSource(model.index(int(s), 0)).row() for s in source_rows) if r >= 0
        )
        selection = QItemSelection()
        last = proxy.columnCount() - 1
        start = prev = None
        for r in [*rows, None]:
            if r is not None and prev is not None and r == prev + 1:
                prev = r
                continue
            if start is not None:
                selection.select(proxy.index(start, 0), proxy.index(prev, last))
            start = prev = r
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().select(selection, flags)
            if rows:
                self.view.scrollTo(proxy.index(rows[0], 0))
        finally:
            self._syncing = False

    # -- zoom
    def zoom_to_selection(self) -> bool:
        """Zoom the map to the selected features of this layer; False when nothing is selected."""
        self.ensure_loaded()
        if self.layer is None:
            return False
        positions = self.model.positions_of(self.window_.selection.get(self.layer.name))
        if not len(positions):
            self.window_.statusBar().showMessage(self.tr("ยังไม่ได้เลือกรายการ"), 4000)
            return False
        geoms = self.layer.projected(self.window_.layers.crs).iloc[positions]
        geoms = geoms[~(geoms.isna() | geoms.is_empty)]
        if geoms.empty:
            self.window_.statusBar().showMessage(self.tr("รายการที่เลือกไม่มีตำแหน่งบนแผนที่"), 4000)
            return False
        minx, miny, maxx, maxy = (float(v) for v in geoms.total_bounds)
        canvas = self.window_.canvas
        canvas.zoom_to_bounds(minx, miny, maxx, maxy, crs=canvas.crs, margin=0.1)  # a point: MIN_ZOOM_SIZE around
        return True

    # -- export
    def export_frame(self, selected_only: bool | None = None) -> pd.DataFrame:
        """The rows to export in view order: the selection, or (when none) every filtered row."""
        self.ensure_loaded()
        if self.layer is None:
            return pd.DataFrame()
        selected = self.window_.selection.get(self.layer.name)
        visible = self.proxy.visible_positions()
        if selected_only is None:
            selected_only = bool(selected)
        if selected_only:
            chosen = set(self.model.positions_of(selected).tolist())
            visible = np.array([p for p in visible if p in chosen], dtype=np.int64)
        frame = self.layer.data.iloc[visible].copy()
        for column in ("tambon_name", "amphoe_name"):
            if column in self.model.arrays:
                frame[column] = self.model.arrays[column][visible]
        return frame

    def export(self, path: str | Path, *, selected_only: bool | None = None, lang: str = "th") -> Path:
        """Write the selected (or all filtered) rows to CSV/XLSX with Thai headers; return the path."""
        frame = self.export_frame(selected_only)
        columns = None if "project_id" in frame.columns else [
            c for c in frame.columns if c not in ("fid", getattr(self.layer.data.geometry, "name", "geometry"))]  # fmt: skip
        return table_export.export_table(frame, path, lang=lang, columns=columns)

    def ask_export(self) -> None:
        """Ask for a file name and export."""
        if self.layer is None:
            return
        filters = ";;".join(f"{th} (*{ext})" for ext, (th, _en) in table_export.FORMATS.items())
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("ส่งออกตาราง"), f"{self.layer.name}.csv", filters)
        if not path:
            return
        if not Path(path).suffix:
            path += ".xlsx" if "xlsx" in chosen else ".csv"
        try:
            out = self.export(path)
        except (AreaPlanError, OSError, KeyError) as exc:
            QMessageBox.critical(self, self.tr("ส่งออกไม่ได้"), str(exc))
            return
        self.window_.statusBar().showMessage(self.tr("บันทึก {name} แล้ว").format(name=out.name), 5000)


def install(window: Any) -> AttributeTableDock:
    """Add the ตารางข้อมูล dock (bottom, hidden until asked for) and its View/Layer menu actions."""
    dock = AttributeTableDock(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    window.attribute_table = dock
    toggle = dock.toggleViewAction()
    toggle.setShortcut("F6")
    window.menu_view.addAction(toggle)
    open_action = QAction(QCoreApplication.translate("AttributeTableDock", "เปิดตารางข้อมูล"), window)
    open_action.triggered.connect(lambda: (dock.show(), dock.raise_()))
    window.menu_layer.addAction(open_action)
    window.action_attribute_table = open_action
    zoom = QAction(QCoreApplication.translate("AttributeTableDock", "ซูมไปที่รายการที่เลือก"), window)
    zoom.setShortcut("Ctrl+J")
    zoom.triggered.connect(dock.zoom_to_selection)
    window.menu_view.addAction(zoom)
    window.action_zoom_selection = zoom
    return dock
