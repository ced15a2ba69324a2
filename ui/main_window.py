"""The AreaPlan main window: menus, the layer tree, the map canvas and the status bar (Thai first)."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

import areaplan
from areaplan.errors import AreaPlanError
from layers.model import GROUPS, GROUPS_EN, LayerList, VectorLayer, WorkspaceReader, layers_from_workspace
from layers.selection import Selection
from ui.extensions import install_extensions
from ui.map_canvas import MapCanvas

APP_NAME = "AreaPlan"
#: The demo workspace beside the source tree (sample_data/ is not part of the wheel).
DEMO_WORKSPACE = Path(__file__).resolve().parents[1] / "sample_data" / "demo_songkhla.gpkg"

_LAYER_ROLE = Qt.ItemDataRole.UserRole


def nice_scale(denominator: float) -> str:
    """A scale denominator rounded to three significant digits with thousands separators: 251,000."""
    if not math.isfinite(denominator) or denominator <= 0:
        return "-"
    digits = max(int(math.floor(math.log10(denominator))) - 2, 0)
    return f"{round(denominator, -digits):,.0f}"


class LayerTree(QTreeWidget):
    """Layers under the four Thai groups; a checkbox sets the layer model's visibility, never the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self._layers: LayerList | None = None
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._connections: list[tuple[Any, Any]] = []
        self.itemChanged.connect(self._on_item_changed)
        self.set_layers(None)

    def set_layers(self, layers: LayerList | None) -> None:
        """Show the layers of a map grouped by GROUPS (empty groups stay listed)."""
        self._disconnect()
        self._layers = layers
        self.blockSignals(True)
        try:
            self.clear()
            self._groups.clear()
            self._items.clear()
            for group in GROUPS:
                members = layers.in_group(group) if layers is not None else []
                group_item = QTreeWidgetItem(self, [group])
                group_item.setToolTip(0, GROUPS_EN[group])
                font = group_item.font(0)
                font.setBold(True)
                group_item.setFont(0, font)
                group_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if members:
                    group_item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                    )
                self._groups[group] = group_item
                for layer in members:
                    self._items[layer.name] = self._add_layer_item(group_item, layer)
                group_item.setExpanded(True)
        finally:
            self.blockSignals(False)

    def _add_layer_item(self, parent: QTreeWidgetItem, layer: VectorLayer) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [layer.title_th])
        item.setData(0, _LAYER_ROLE, layer.name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
        item.setToolTip(0, self.tr("{title} ({name}) {count:,} รายการ").format(
            title=layer.title_en, name=layer.name, count=len(layer.data)))  # fmt: skip

        def on_visible(visible: bool, item: QTreeWidgetItem = item) -> None:
            self.blockSignals(True)
            item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
            self.blockSignals(False)
            self.viewport().update()

        def on_title(title: str, item: QTreeWidgetItem = item) -> None:
            item.setText(0, title)

        for signal, slot in ((layer.events.visible, on_visible), (layer.events.title_th, on_title)):
            signal.connect(slot)
            self._connections.append((signal, slot))
        return item

    def _disconnect(self) -> None:
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections.clear()

    def layer_item(self, name: str) -> QTreeWidgetItem:
        """The tree item of a layer."""
        return self._items[name]

    def group_item(self, group: str) -> QTreeWidgetItem:
        """The tree item of a group."""
        return self._groups[group]

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        name = item.data(0, _LAYER_ROLE)
        if name is None or self._layers is None or column != 0:
            return
        self._layers[name].visible = item.checkState(0) == Qt.CheckState.Checked


class MainWindow(QMainWindow):
    """The main window; give it a workspace with open_workspace() or set_workspace().

    Features plug in through ui/extensions.py: each installer receives the window and adds its docks,
    actions (to menu_file/menu_edit/menu_view/menu_layer/menu_tools/toolbar) and canvas tools; it reacts
    to `workspaceChanged` (emitted after layers change) and shares `selection` (layers.selection).
    """

    workspaceChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AreaPlanMainWindow")
        self.workspace: WorkspaceReader | None = None
        self._owns_workspace = False
        self.layers: LayerList | None = None
        self.selection = Selection()

        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.layer_tree = LayerTree(self)
        self.layer_dock = QDockWidget(self.tr("ชั้นข้อมูล"), self)
        self.layer_dock.setObjectName("layerDock")
        self.layer_dock.setWidget(self.layer_tree)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layer_dock)

        self.coordinate_label = QLabel(self)
        self.scale_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.coordinate_label)
        self.statusBar().addPermanentWidget(self.scale_label)
        self.canvas.cursorMoved.connect(self._on_cursor_moved)
        self.canvas.scaleChanged.connect(self._on_scale_changed)

        self._build_menus()
        self.toolbar = self.addToolBar(self.tr("เครื่องมือ"))
        self.toolbar.setObjectName("mainToolbar")
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 800)
        install_extensions(self)

    # -- menus
    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.menu_file = bar.addMenu(self.tr("ไฟล์"))
        self.action_open = self._action(self.tr("เปิดพื้นที่ทำงาน…"), self._ask_open, QKeySequence.StandardKey.Open)
        self.action_open_demo = self._action(self.tr("เปิดข้อมูลสาธิต"), self.open_demo)
        self.action_quit = self._action(self.tr("ปิด"), self.close, "Ctrl+Q")
        file_menu.addAction(self.action_open)
        file_menu.addAction(self.action_open_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        self.menu_edit = bar.addMenu(self.tr("แก้ไข"))
        view_menu = self.menu_view = bar.addMenu(self.tr("มุมมอง"))
        self.action_full_extent = self._action(self.tr("ขยายเต็มพื้นที่"), self.canvas.full_extent, "Ctrl+Shift+F")
        view_menu.addAction(self.action_full_extent)
        view_menu.addAction(self.layer_dock.toggleViewAction())

        self.menu_layer = bar.addMenu(self.tr("ชั้นข้อมูล"))
        self.menu_tools = bar.addMenu(self.tr("เครื่องมือ"))
        help_menu = self.menu_help = bar.addMenu(self.tr("วิธีใช้"))
        self.action_about = self._action(self.tr("เกี่ยวกับ AreaPlan"), self.show_about)
        help_menu.addAction(self.action_about)

    # -- workspace
    def open_workspace(self, path: str | Path) -> None:
        """Open a workspace GeoPackage and show its layers (raises AreaPlanError when it cannot)."""
        from areaplan.workspace import Workspace

        workspace = Workspace.open(path)
        try:
            self.set_workspace(workspace, owned=True)
        except BaseException:
            workspace.close()
            raise

    def set_workspace(self, workspace: WorkspaceReader, *, owned: bool = False) -> None:
        """Show a workspace (anything with layer_names/read_layer/metadata); close it later if owned."""
        layers = layers_from_workspace(workspace)
        self.close_workspace()
        self.workspace, self._owns_workspace = workspace, owned
        title = workspace.metadata().get("title") or getattr(workspace, "path", None) or APP_NAME
        self.set_layers(layers, title=str(title))

    def set_layers(self, layers: LayerList | None, *, title: str = APP_NAME) -> None:
        """Show a layer list on the canvas and in the layer tree."""
        self.layers = layers
        self.selection.clear()
        self.layer_tree.set_layers(layers)
        self.canvas.set_layers(layers)
        self.setWindowTitle(title)
        self.workspaceChanged.emit()

    def close_workspace(self) -> None:
        """Forget the current workspace (closing it when this window opened it)."""
        self.set_layers(None)
        if self.workspace is not None and self._owns_workspace:
            self.workspace.close()
        self.workspace, self._owns_workspace = None, False

    def _open_or_report(self, path: str | Path) -> bool:
        try:
            self.open_workspace(path)
        except (AreaPlanError, OSError, ValueError) as exc:
            QMessageBox.critical(self, self.tr("เปิดพื้นที่ทำงานไม่ได้"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("เปิด {name} แล้ว").format(name=Path(path).name), 5000)
        return True

    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("เปิดพื้นที่ทำงาน"), "", self.tr("พื้นที่ทำงาน GeoPackage (*.gpkg)")
        )
        if path:
            self._open_or_report(path)

    def open_demo(self) -> bool:
        """Open the bundled demo workspace (Songkhla); tell the user how to make it when it is missing."""
        if not DEMO_WORKSPACE.exists():
            QMessageBox.information(
                self,
                self.tr("ไม่พบข้อมูลสาธิต"),
                self.tr("ไม่พบแฟ้ม {path}\nสร้างได้ด้วยคำสั่ง: areaplan demo --out {path}").format(path=DEMO_WORKSPACE),
            )
            return False
        return self._open_or_report(DEMO_WORKSPACE)

    # -- status bar
    def _on_cursor_moved(self, lon: float, lat: float) -> None:
        self.coordinate_label.setText(self.tr("ละติจูด {lat:.5f}°  ลองจิจูด {lon:.5f}°").format(lat=lat, lon=lon))

    def _on_scale_changed(self, denominator: float) -> None:
        self.scale_label.setText(self.tr("มาตราส่วน 1:{n}").format(n=nice_scale(denominator)))

    # -- help
    def about_text(self) -> str:
        """The text of the About box: version, libraries and data sources."""
        import PySide6
        import pyqtgraph

        sources = [
            self.tr("ชื่อและรหัสเขตการปกครอง: กรมการปกครอง (ผ่านแพ็กเกจ geothai)"),
            self.tr("แบบอักษร: Sarabun (SIL Open Font License)"),
        ]
        meta = self.workspace.metadata() if self.workspace is not None else {}
        for key in ("data_sources", "sources", "source"):
            if meta.get(key):
                sources.insert(0, html.escape(str(meta[key])))
        lines = [
            f"<h3>AreaPlan {areaplan.__version__}</h3>",
            self.tr("ระบบแผนที่บูรณาการแผนเชิงพื้นที่"),
            "<br>" + self.tr("แหล่งข้อมูล:") + "<ul>" + "".join(f"<li>{s}</li>" for s in sources) + "</ul>",
            f"PySide6 {PySide6.__version__}, pyqtgraph {pyqtgraph.__version__}",
        ]
        return "".join(lines)

    def show_about(self) -> None:
        """Show the About box."""
        QMessageBox.about(self, self.tr("เกี่ยวกับ AreaPlan"), self.about_text())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        """Close the workspace and disconnect the views from the models."""
        self.close_workspace()
        super().closeEvent(event)
