"""The AreaPlan main window: menus, the layer tree, the map canvas and the status bar (Thai first)."""

from __future__ import annotations

import gc
import html
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

import areaplan
from areaplan.errors import AreaPlanError
from layers.model import GROUPS, GROUPS_EN, LayerList, VectorLayer, WorkspaceReader, layers_from_workspace
from layers.selection import Selection
from ui.extensions import install_extensions
from ui.i18n import LANGUAGES, current_language, save_language, saved_language, user_settings
from ui.map_canvas import MapCanvas
from ui.worker import running_jobs, shutdown_jobs

APP_NAME = "AreaPlan"
#: The demo workspace beside the source tree (sample_data/ is not part of the wheel).
DEMO_WORKSPACE = Path(__file__).resolve().parents[1] / "sample_data" / "demo_songkhla.gpkg"

_LAYER_ROLE = Qt.ItemDataRole.UserRole
#: How many workspaces File → ไฟล์ล่าสุด lists.
MAX_RECENT = 8
#: The answers of the session-edits prompt.
KEEP, UNDO, CANCEL = "keep", "undo", "cancel"


def ask_session_edits(parent: QWidget, count: int) -> str:
    """Ask what to do with this session's edits (already saved): KEEP, UNDO or CANCEL.

    A module function so tests (and scripted use) can answer without a modal box.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "การแก้ไขในรอบนี้"))
    box.setText(QCoreApplication.translate("MainWindow", "มีการแก้ไข {n} รายการในรอบการทำงานนี้").format(n=count))
    box.setInformativeText(
        QCoreApplication.translate(
            "MainWindow",
            "AreaPlan บันทึกการแก้ไขแต่ละครั้งลงพื้นที่ทำงานทันที การแก้ไขจึงถูกบันทึกไว้แล้ว "
            "ต้องการเก็บการแก้ไขไว้ หรือย้อนการแก้ไขทั้งหมดของรอบนี้?",
        )
    )
    keep = box.addButton(QCoreApplication.translate("MainWindow", "เก็บการแก้ไขไว้"), QMessageBox.ButtonRole.AcceptRole)
    undo = box.addButton(QCoreApplication.translate("MainWindow", "ย้อนการแก้ไขของรอบนี้"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("MainWindow", "ยกเลิก"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return KEEP if clicked is keep else UNDO if clicked is undo else CANCEL


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
                # the group texts are marked for lupdate in ui.layer_panel.GROUP_TITLES
                group_item = QTreeWidgetItem(self, [QCoreApplication.translate("LayerPanel", group)])
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
    #: emitted before the workspace is saved or copied: features write what they still hold in memory
    aboutToSave = Signal()
    #: emitted after "save as" opened the copy (its path)
    savedAs = Signal(object)
    #: True while a background job owns the workspace (menus and toolbars are disabled).
    busyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AreaPlanMainWindow")
        self.workspace: WorkspaceReader | None = None
        self._owns_workspace = False
        self.busy = False
        #: save geometry/state on close (ui.app.main turns it on; test windows leave the user's settings alone)
        self.persist_state = False
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
        self._update_file_actions()

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
        self.action_open_demo = self._action(self.tr("เปิดข้อมูลสาธิต"), self.open_demo, "Ctrl+Shift+D")
        self.menu_recent = QMenu(self.tr("ไฟล์ล่าสุด"), self)
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.action_save = self._action(self.tr("บันทึก"), self.save, QKeySequence.StandardKey.Save)
        self.action_save.setStatusTip(self.tr("AreaPlan บันทึกการแก้ไขทันที คำสั่งนี้ยืนยันว่าทุกอย่างบันทึกแล้ว"))
        self.action_save_as = self._action(self.tr("บันทึกเป็น…"), self._ask_save_as, "Ctrl+Shift+S")
        self.action_close_workspace = self._action(
            self.tr("ปิดพื้นที่ทำงาน"), self._ask_close_workspace, QKeySequence.StandardKey.Close
        )
        self.action_quit = self._action(self.tr("ออกจากโปรแกรม"), self.close, "Ctrl+Q")
        file_menu.addAction(self.action_open)
        file_menu.addAction(self.action_open_demo)
        file_menu.addMenu(self.menu_recent)
        file_menu.addSeparator()
        #: installers insert import/export actions before this separator (ui.workbench does)
        self.file_import_anchor = file_menu.addSeparator()
        file_menu.addAction(self.action_save)
        file_menu.addAction(self.action_save_as)
        file_menu.addAction(self.action_close_workspace)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        self.menu_edit = bar.addMenu(self.tr("แก้ไข"))
        view_menu = self.menu_view = bar.addMenu(self.tr("มุมมอง"))
        self.action_full_extent = self._action(self.tr("ขยายเต็มพื้นที่"), self.canvas.full_extent, "Ctrl+Shift+F")
        view_menu.addAction(self.action_full_extent)
        layer_dock_action = self.layer_dock.toggleViewAction()
        layer_dock_action.setShortcut(QKeySequence("Ctrl+1"))
        view_menu.addAction(layer_dock_action)
        view_menu.addSeparator()
        self.menu_language = view_menu.addMenu(self.tr("ภาษา / Language"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        chosen = saved_language()
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            group.addAction(action)
            self.menu_language.addAction(action)
            self.language_actions[code] = action

        self.menu_layer = bar.addMenu(self.tr("ชั้นข้อมูล"))
        self.menu_tools = bar.addMenu(self.tr("เครื่องมือ"))
        help_menu = self.menu_help = bar.addMenu(self.tr("วิธีใช้"))
        self.action_about = self._action(self.tr("เกี่ยวกับ AreaPlan"), self.show_about, QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(self.action_about)

    # -- workspace
    def open_workspace(self, path: str | Path) -> None:
        """Open a workspace GeoPackage and show its layers (raises AreaPlanError when it cannot).

        Programmatic: the recent-files list is updated by the menu commands and start-up, not here.
        """
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
        if layers is not None:
            # the layer data lives as long as the workspace: keep it out of the cyclic GC's full scans,
            # which otherwise interrupt redraws and pans for 60-150 ms on national data
            gc.freeze()
        self.selection.clear()
        self.layer_tree.set_layers(layers)
        self.canvas.set_layers(layers)
        self.setWindowTitle(title)
        self._update_file_actions()
        self.workspaceChanged.emit()

    def reload_layers(self, layers: LayerList | None = None) -> None:
        """Show the layers again after the workspace changed (read now unless a worker read them)."""
        if self.workspace is None:
            return
        if layers is None:
            layers = layers_from_workspace(self.workspace)
        title = self.workspace.metadata().get("title") or getattr(self.workspace, "path", None) or APP_NAME
        self.set_layers(layers, title=str(title))

    def close_workspace(self) -> None:
        """Forget the current workspace (closing it when this window opened it)."""
        old, owned = self.workspace, self._owns_workspace
        self.workspace, self._owns_workspace = None, False
        self.set_layers(None)  # listeners see workspace None and layers None together
        if old is not None and owned:
            old.close()
        self._update_file_actions()

    def _open_or_report(self, path: str | Path) -> bool:
        if not self.confirm_session_edits():
            return False
        try:
            self.open_workspace(path)
        except (AreaPlanError, OSError, ValueError) as exc:
            QMessageBox.critical(self, self.tr("เปิดพื้นที่ทำงานไม่ได้"), str(exc))
            return False
        self.add_recent_file(path)
        self.statusBar().showMessage(self.tr("เปิด {name} แล้ว").format(name=Path(path).name), 5000)
        return True

    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("เปิดพื้นที่ทำงาน"), "", self.tr("พื้นที่ทำงาน GeoPackage (*.gpkg)")
        )
        if path:
            self._open_or_report(path)

    def open_demo(self) -> bool:
        """Open the user's working copy of the demo workspace (made from the shipped one when missing)."""
        from areaplan.demo.working_copy import demo_working_copy

        try:
            path = demo_working_copy()
        except (AreaPlanError, OSError) as exc:
            QMessageBox.critical(self, self.tr("เปิดข้อมูลสาธิตไม่ได้"), str(exc))
            return False
        return self._open_or_report(path)

    def _update_file_actions(self) -> None:
        has_ws = self.workspace is not None
        for name in ("action_save", "action_save_as", "action_close_workspace"):
            action = getattr(self, name, None)
            if action is not None:
                action.setEnabled(has_ws and not self.busy)
        if hasattr(self, "action_save_as"):
            self.action_save_as.setEnabled(has_ws and not self.busy and hasattr(self.workspace, "save_as"))

    # -- recent files
    def recent_files(self) -> list[str]:
        """The recently opened workspaces, newest first (at most MAX_RECENT)."""
        value = user_settings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> None:
        """Put a workspace first in the recent list."""
        path = str(Path(path).resolve())
        files = [path, *(f for f in self.recent_files() if f != path)][:MAX_RECENT]
        settings = user_settings()
        settings.setValue("recentFiles", files)
        settings.sync()

    def clear_recent_files(self) -> None:
        """Forget the recent list."""
        settings = user_settings()
        settings.remove("recentFiles")
        settings.sync()

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = self.recent_files()
        for i, path in enumerate(files, 1):
            action = self.menu_recent.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _checked=False, path=path: self._open_or_report(path))
        if not files:
            empty = self.menu_recent.addAction(self.tr("(ยังไม่มี)"))
            empty.setEnabled(False)
        else:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction(self.tr("ล้างรายการ"), self.clear_recent_files)

    # -- save / close
    def save(self) -> None:
        """Every edit is committed when made: mark this session's edits as kept and say so."""
        self.aboutToSave.emit()
        stack = getattr(self, "undo_stack", None)
        if stack is not None:
            stack.setClean()
        self.statusBar().showMessage(self.tr("บันทึกแล้ว (AreaPlan บันทึกการแก้ไขทุกครั้งทันที)"), 5000)

    def save_workspace_as(self, path: str | Path) -> Path:
        """Copy the open workspace to `path` (replacing it) and continue working in the copy."""
        if self.workspace is None or not hasattr(self.workspace, "save_as"):
            raise RuntimeError("no workspace that can be copied is open")
        target = Path(path)
        current = getattr(self.workspace, "path", None)
        if current is not None and target.resolve() == Path(current).resolve():
            self.save()
            return target
        self.aboutToSave.emit()
        self.workspace.save_as(target, overwrite=True)
        stack = getattr(self, "undo_stack", None)
        if stack is not None:
            stack.setClean()  # the copy holds the edits; undo must not reach into the old file
        self.open_workspace(target)
        self.add_recent_file(target)
        self.savedAs.emit(target)
        return target

    def _ask_save_as(self) -> None:
        if self.workspace is None:
            return
        start = str(getattr(self.workspace, "path", "") or "")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("บันทึกพื้นที่ทำงานเป็น"), start, self.tr("พื้นที่ทำงาน GeoPackage (*.gpkg)")
        )
        if not path:
            return
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        try:
            self.save_workspace_as(path)
        except (AreaPlanError, OSError, ValueError) as exc:
            QMessageBox.critical(self, self.tr("บันทึกไม่ได้"), str(exc))
            return
        self.statusBar().showMessage(self.tr("บันทึกเป็น {name} แล้ว").format(name=Path(path).name), 5000)

    def _ask_close_workspace(self) -> None:
        if self.confirm_session_edits():
            self.close_workspace()

    def confirm_session_edits(self) -> bool:
        """Before leaving a workspace: if this session has edits (undo_stack not clean), ask the user.

        Edits are already committed; the user keeps them, undoes them all, or cancels. True to go on.
        """
        stack = getattr(self, "undo_stack", None)
        if stack is None or stack.isClean() or self.workspace is None:
            return True
        clean = stack.cleanIndex()
        count = abs(stack.index() - clean) if clean >= 0 else stack.index()
        answer = ask_session_edits(self, count)
        if answer == CANCEL:
            return False
        if answer == UNDO:
            stack.setIndex(clean if clean >= 0 else 0)
        stack.setClean()
        return True

    # -- busy (background jobs)
    def set_busy(self, busy: bool) -> None:
        """Disable the menus and toolbars while a background job writes to the workspace."""
        if busy == self.busy:
            return
        self.busy = busy
        self.menuBar().setEnabled(not busy)
        for bar in self.findChildren(QToolBar):
            bar.setEnabled(not busy)
        self._update_file_actions()
        self.busyChanged.emit(busy)

    # -- settings
    def restore_settings(self) -> None:
        """Restore the window geometry and dock/toolbar state saved at the last close (and save it again)."""
        settings = user_settings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.persist_state = True

    def save_settings(self) -> None:
        """Save the window geometry and dock/toolbar state."""
        settings = user_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.sync()

    def set_language(self, language: str) -> None:
        """Remember the UI language; it applies the next time AreaPlan starts."""
        save_language(language)
        if language == current_language():
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("ภาษา / Language"),
            self.tr("จะใช้ภาษาที่เลือกเมื่อเปิด AreaPlan ครั้งถัดไป\n(The new language applies when AreaPlan starts again.)"),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
        """Ask about this session's edits, stop background jobs, remember the layout, close the workspace."""
        if not self.confirm_session_edits():
            event.ignore()
            return
        if running_jobs(self):
            shutdown_jobs(self)  # cancel: the job's open transaction rolls back
        if self.persist_state:
            self.save_settings()
        self.close_workspace()
        super().closeEvent(event)
