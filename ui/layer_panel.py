"""The layer panel: layers under the four Thai groups, with visibility, drag to reorder, opacity, zoom to
layer, remove and the style editor; it saves what the user sets in the workspace and restores it on open.

The panel is a view of the LayerList (architecture §3): every action goes through a model setter or a
LayerList method, and the tree is rebuilt from the model's events. Layers are duck-typed (``name``,
``title_th``, ``group``, ``visible``, ``opacity``, ``events``), so raster layers show as well; the style
editor opens only for layers with a vector Style.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

from pyproj import Transformer
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError
from layers.model import GROUPS, GROUPS_EN, LayerList, Style
from layers.render import qcolor
from layers.style import apply_layer_state, layer_state, legend_entries, parse_layer_state

log = logging.getLogger(__name__)

_LAYER_ROLE = Qt.ItemDataRole.UserRole
#: Milliseconds a change waits before it is written to the workspace (a slider drag writes once).
SAVE_DELAY_MS = 400
#: Smallest extent (metres) zoom-to-layer shows, so one point does not zoom in without limit.
MIN_ZOOM_EXTENT = 1000.0
_SAVED_EVENTS = ("visible", "opacity", "style", "labels")
#: The group names (layers.model.GROUPS) as literals lupdate can see; translated when the tree is built.
GROUP_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("LayerPanel", "ขอบเขตการปกครอง"),
    QT_TRANSLATE_NOOP("LayerPanel", "โครงการ"),
    QT_TRANSLATE_NOOP("LayerPanel", "พื้นที่เสี่ยงภัย"),
    QT_TRANSLATE_NOOP("LayerPanel", "แผน"),
)
#: The layer panel's Layer-menu actions: key -> Thai text (translated when the action is made).
MENU_ACTIONS: tuple[tuple[str, str], ...] = (
    ("style", QT_TRANSLATE_NOOP("LayerPanel", "รูปแบบ…")),
    ("zoom", QT_TRANSLATE_NOOP("LayerPanel", "ขยายไปที่ชั้นข้อมูล")),
    ("remove", QT_TRANSLATE_NOOP("LayerPanel", "ลบชั้นข้อมูล")),
)


def swatch(style: Any, size: int = 14) -> QIcon:
    """A small legend icon of a layer: its fill (or the first colours of a classified style) and stroke."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if isinstance(style, Style):
        colours = [c for _text, c in legend_entries(style) if c][:3] or [None]
        painter = QPainter(pixmap)
        band = size / len(colours)
        for i, colour in enumerate(colours):
            if colour:
                painter.fillRect(QRectF(i * band, 0, band, size), qcolor(colour))
        painter.setPen(qcolor(style.stroke) if style.stroke else QColor("#777777"))
        painter.drawRect(0, 0, size - 1, size - 1)
        painter.end()
    return QIcon(pixmap)


class LayerPanelTree(QTreeWidget):
    """Layers under GROUPS (top-most layer first); checkboxes, drag-and-drop reorder and a context menu."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setObjectName("layerPanelTree")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_context_menu)
        self._layers: LayerList | None = None
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._connections: list[tuple[Any, Any]] = []
        self._list_connections: list[tuple[Any, Any]] = []
        self.itemChanged.connect(self._on_item_changed)
        self.itemDoubleClicked.connect(self._on_double_clicked)
        self.set_layers(None)

    # -- model binding
    @property
    def layers(self) -> LayerList | None:
        """The shown layer list."""
        return self._layers

    def set_layers(self, layers: LayerList | None) -> None:
        """Show a layer list (or nothing); follows its inserted/removed/moved events from now on."""
        self._disconnect(self._list_connections)
        self._layers = layers
        if layers is not None:
            for name in ("inserted", "removed", "moved"):
                signal = getattr(layers.events, name, None)
                if signal is not None:
                    signal.connect(self._on_list_change)
                    self._list_connections.append((signal, self._on_list_change))
        self._on_list_change()

    def _listen_layers(self) -> None:
        self._disconnect(self._connections)
        for layer in self._layers or ():
            name = layer.name
            for event, slot in (
                ("visible", lambda visible, name=name: self._on_visible(name, visible)),
                ("title_th", lambda title, name=name: self._on_title(name, title)),
                ("style", lambda _style, name=name: self._on_style(name)),
            ):
                signal = getattr(layer.events, event, None)
                if signal is not None:
                    signal.connect(slot)
                    self._connections.append((signal, slot))

    @staticmethod
    def _disconnect(connections: list[tuple[Any, Any]]) -> None:
        for signal, slot in connections:
            signal.disconnect(slot)
        connections.clear()

    def _on_list_change(self, *_args: object) -> None:
        self._listen_layers()
        self.rebuild()

    def rebuild(self) -> None:
        """Rebuild the items from the model (groups stay listed when empty), keeping the current layer."""
        current = self.current_layer_name()
        layers = self._layers
        self.blockSignals(True)
        try:
            self.clear()
            self._groups.clear()
            self._items.clear()
            for group in GROUPS:
                members = [layer for layer in reversed(list(layers)) if layer.group == group] if layers else []
                group_item = QTreeWidgetItem(self, [QCoreApplication.translate("LayerPanel", group)])
                group_item.setToolTip(0, GROUPS_EN[group])
                font = group_item.font(0)
                font.setBold(True)
                group_item.setFont(0, font)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
                if members:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                group_item.setFlags(flags)
                self._groups[group] = group_item
                for layer in members:
                    self._items[layer.name] = self._add_layer_item(group_item, layer)
                group_item.setExpanded(True)
            if current in self._items:
                self.setCurrentItem(self._items[current])
        finally:
            self.blockSignals(False)

    def _add_layer_item(self, parent: QTreeWidgetItem, layer: Any) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [layer.title_th])
        item.setData(0, _LAYER_ROLE, layer.name)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )  # fmt: skip
        item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
        item.setIcon(0, swatch(getattr(layer, "style", None)))
        data = getattr(layer, "data", None)
        count = (
            QCoreApplication.translate("LayerPanel", " {n} รายการ").format(n=f"{len(data):,}")
            if data is not None and hasattr(data, "__len__") else ""
        )  # fmt: skip
        item.setToolTip(0, f"{getattr(layer, 'title_en', layer.name)} ({layer.name}){count}")
        return item

    # -- item access (tests and other panels)
    def layer_item(self, name: str) -> QTreeWidgetItem:
        """The tree item of a layer."""
        return self._items[name]

    def group_item(self, group: str) -> QTreeWidgetItem:
        """The tree item of a group."""
        return self._groups[group]

    def current_layer_name(self) -> str | None:
        """The name of the selected layer, if a layer is selected."""
        item = self.currentItem()
        return item.data(0, _LAYER_ROLE) if item is not None else None

    def select_layer(self, name: str) -> None:
        """Make a layer the current item."""
        self.setCurrentItem(self._items[name])

    # -- model -> view
    def _on_visible(self, name: str, visible: bool) -> None:
        item = self._items.get(name)
        if item is None:
            return
        self.blockSignals(True)
        item.setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.viewport().update()

    def _on_title(self, name: str, title: str) -> None:
        if name in self._items:
            self._items[name].setText(0, title)

    def _on_style(self, name: str) -> None:
        if name in self._items and self._layers is not None and name in self._layers:
            self._items[name].setIcon(0, swatch(getattr(self._layers[name], "style", None)))

    # -- view -> model
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        name = item.data(0, _LAYER_ROLE)
        if self._layers is None or column != 0:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        if name is not None:
            self._layers[name].visible = checked
        elif item.checkState(0) != Qt.CheckState.PartiallyChecked:  # a group box sets all its layers
            for i in range(item.childCount()):
                self._layers[item.child(i).data(0, _LAYER_ROLE)].visible = checked

    def _on_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, _LAYER_ROLE)
        if name is not None:
            self.window_.layer_panel.open_style_editor(name)

    # -- drag and drop
    def drop_target(self, pos: QPoint) -> tuple[str | None, bool]:
        """(layer name, above) for a drop at a viewport position: above means drawn over that layer.

        Dropping on a group puts the layer at the top of that group; below the last item, at the bottom.
        """
        item = self.itemAt(pos)
        if item is None:
            names = self._layers.names() if self._layers is not None else []
            return (names[0] if names else None, False)
        name = item.data(0, _LAYER_ROLE)
        if name is None:  # a group: over its top-most layer, else nothing
            if item.childCount():
                return (item.child(0).data(0, _LAYER_ROLE), True)
            return (None, True)
        rect = self.visualItemRect(item)
        return (name, pos.y() < rect.center().y())

    def _is_layer_drag(self, event: QDropEvent) -> bool:
        """A drag of one of this tree's items (Qt's item-list MIME type), with a layer selected."""
        from_here = event.source() is self or event.mimeData().hasFormat(self.mimeTypes()[0])
        return from_here and self.current_layer_name() is not None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt naming)
        """Accept drags of this tree's layers only."""
        if self._is_layer_drag(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt naming)
        """Show Qt's drop indicator, and accept anywhere in the tree (the drop decides the place)."""
        if not self._is_layer_drag(event):
            event.ignore()
            return
        super().dragMoveEvent(event)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt naming)
        """Reorder through LayerList.move (the tree is rebuilt from the model's event, never by Qt)."""
        if not self._is_layer_drag(event):
            event.ignore()
            return
        dragged = self.current_layer_name()
        target, above = self.drop_target(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is None or target is None or target == dragged or self._layers is None:
            return
        self.window_.layer_panel.place_layer(dragged, target, above=above)

    # -- context menu
    def _show_context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        name = item.data(0, _LAYER_ROLE) if item is not None else None
        if name is None:
            return
        self.setCurrentItem(item)
        menu = self.window_.layer_panel.context_menu(name, self)
        menu.exec(self.viewport().mapToGlobal(pos))


class LayerPanel(QWidget):
    """The dock's contents: the layer tree and an opacity slider for the current layer; saves and restores
    layer settings in the window's workspace."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("layerPanel")
        self.tree = LayerPanelTree(window, self)
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setToolTip(self.tr("ความทึบของชั้นข้อมูลที่เลือก (Opacity)"))
        self.opacity_label = QLabel(self.tr("ความทึบ"), self)
        self.opacity_value = QLabel("", self)
        self.opacity_value.setMinimumWidth(36)
        row = QHBoxLayout()
        row.addWidget(self.opacity_label)
        row.addWidget(self.opacity_slider, 1)
        row.addWidget(self.opacity_value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.opacity_slider.valueChanged.connect(self._on_slider)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_slider())

        self._pending: dict[str, Any] = {}  # layer name -> workspace it was changed in
        self._restoring = False
        self._layer_slots: list[tuple[Any, Any]] = []
        self._list_slots: list[tuple[Any, Any]] = []
        self._bound: LayerList | None = None
        #: Problems met while restoring saved styles (shown in the status bar; the default look is kept).
        self.restore_errors: list[str] = []
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush_saves)
        self._editors: dict[str, QWidget] = {}
        self._sync_slider()

    # -- the shown layers
    @property
    def layers(self) -> LayerList | None:
        """The window's layer list."""
        return self.tree.layers

    def layer(self, name: str) -> Any:
        """A layer of the shown list."""
        return self.layers[name]

    def current_layer(self) -> Any | None:
        """The selected layer, if any."""
        name = self.tree.current_layer_name()
        return self.layers[name] if name is not None and self.layers is not None and name in self.layers else None

    # -- actions
    def move_layer(self, name: str, index: int) -> None:
        """Move a layer to a drawing position (0 = bottom); the canvas restacks from the model's event."""
        self.layers.move(name, index)

    def place_layer(self, name: str, target: str, *, above: bool) -> None:
        """Move a layer directly over (``above``) or under another in drawing order."""
        names = [n for n in self.layers.names() if n != name]
        index = names.index(target) + (1 if above else 0)
        self.move_layer(name, index)

    def raise_layer(self, name: str) -> None:
        """One step up in drawing order (drawn later)."""
        index = self.layers.names().index(name)
        if index < len(self.layers) - 1:
            self.move_layer(name, index + 1)

    def lower_layer(self, name: str) -> None:
        """One step down in drawing order."""
        index = self.layers.names().index(name)
        if index > 0:
            self.move_layer(name, index - 1)

    def set_opacity(self, name: str, opacity: float) -> None:
        """Set a layer's opacity (0-1) through its setter."""
        self.layer(name).opacity = opacity

    def layer_extent(self, name: str) -> tuple[float, float, float, float] | None:
        """A layer's extent in the map CRS (from its canvas item, else from its lon/lat bounds)."""
        canvas = self.window_.canvas
        try:
            bounds = canvas.layer_item(name).map_bounds()
        except (KeyError, AttributeError, NotImplementedError):
            bounds = None
        if bounds is None:
            layer = self.layer(name)
            lonlat = layer.bounds_lonlat() if hasattr(layer, "bounds_lonlat") else None
            if lonlat is None or not all(map(math.isfinite, lonlat)):
                return None
            to_map = Transformer.from_crs("EPSG:4326", self.layers.crs, always_xy=True)
            xs, ys = to_map.transform([lonlat[0], lonlat[2]], [lonlat[1], lonlat[3]])
            bounds = (min(xs), min(ys), max(xs), max(ys))
        return bounds

    def zoom_to_layer(self, name: str) -> bool:
        """Show a whole layer on the canvas; False when it has no located features."""
        bounds = self.layer_extent(name)
        if bounds is None:
            self.window_.statusBar().showMessage(self.tr("ชั้นข้อมูลนี้ไม่มีตำแหน่งให้ขยายไป"), 5000)
            return False
        minx, miny, maxx, maxy = bounds
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        w, h = max(maxx - minx, MIN_ZOOM_EXTENT), max(maxy - miny, MIN_ZOOM_EXTENT)
        self.window_.canvas.view.setRange(QRectF(cx - w / 2, cy - h / 2, w, h), padding=0.05)
        return True

    def remove_layer(self, name: str, *, confirm: bool = True) -> bool:
        """Take a layer off the map (the workspace keeps its data); asks first unless ``confirm`` is False."""
        layer = self.layer(name)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("ลบชั้นข้อมูล"),
                self.tr("เอาชั้นข้อมูล “{title}” ออกจากแผนที่? (ข้อมูลในพื้นที่ทำงานไม่ถูกลบ)").format(title=layer.title_th),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        editor = self._editors.pop(name, None)
        if editor is not None:
            editor.close()
        self.layers.remove(name)
        return True

    def open_style_editor(self, name: str) -> QWidget | None:
        """Show (non-modal) the style dialog of a vector layer; returns it (None for other layer types)."""
        from ui.style_editor import StyleEditor

        layer = self.layer(name)
        if not isinstance(getattr(layer, "style", None), Style):
            return None
        editor = self._editors.get(name)
        if editor is None:
            editor = StyleEditor(layer, self.window_)
            editor.finished.connect(lambda _result, name=name: self._editors.pop(name, None))
            self._editors[name] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def context_menu(self, name: str, parent: QWidget | None = None) -> QMenu:
        """The actions of one layer: style, zoom to layer, raise/lower, remove."""
        menu = QMenu(parent or self)
        layer = self.layer(name)
        style_action = menu.addAction(self.tr("รูปแบบ…"), lambda: self.open_style_editor(name))
        style_action.setEnabled(isinstance(getattr(layer, "style", None), Style))
        style_action.setObjectName("style")
        menu.addAction(self.tr("ขยายไปที่ชั้นข้อมูล"), lambda: self.zoom_to_layer(name)).setObjectName("zoom")
        menu.addSeparator()
        names = self.layers.names()
        up = menu.addAction(self.tr("เลื่อนขึ้น"), lambda: self.raise_layer(name))
        up.setObjectName("raise")
        up.setEnabled(names.index(name) < len(names) - 1)
        down = menu.addAction(self.tr("เลื่อนลง"), lambda: self.lower_layer(name))
        down.setObjectName("lower")
        down.setEnabled(names.index(name) > 0)
        menu.addSeparator()
        menu.addAction(self.tr("ลบชั้นข้อมูล"), lambda: self.remove_layer(name)).setObjectName("remove")
        return menu

    # -- opacity slider
    def _sync_slider(self) -> None:
        layer = self.current_layer()
        self.opacity_slider.blockSignals(True)
        self.opacity_slider.setEnabled(layer is not None)
        self.opacity_slider.setValue(round(layer.opacity * 100) if layer is not None else 100)
        self.opacity_slider.blockSignals(False)
        self.opacity_value.setText(f"{self.opacity_slider.value()}%" if layer is not None else "")

    def _on_slider(self, value: int) -> None:
        layer = self.current_layer()
        self.opacity_value.setText(f"{value}%")
        if layer is not None:
            layer.opacity = value / 100.0

    # -- binding to the window's layers
    def bind(self, layers: LayerList | None) -> None:
        """Follow a layer list: save changes, keep the canvas stacking in step with moves."""
        self._unbind()
        self._bound = layers
        if layers is None:
            return
        self._rewatch()
        for event, slot in (("inserted", self._rewatch), ("removed", self._rewatch), ("moved", self._on_moved)):
            signal = getattr(layers.events, event, None)
            if signal is not None:
                signal.connect(slot)
                self._list_slots.append((signal, slot))

    def _unbind(self) -> None:
        for signal, slot in self._layer_slots + self._list_slots:
            signal.disconnect(slot)
        self._layer_slots.clear()
        self._list_slots.clear()
        self._bound = None

    def _watch_layer(self, layer: Any) -> None:
        for event in _SAVED_EVENTS:
            signal = getattr(layer.events, event, None)
            if signal is not None:
                slot = lambda *_args, name=layer.name: self._changed(name)  # noqa: E731
                signal.connect(slot)
                self._layer_slots.append((signal, slot))
        opacity = getattr(layer.events, "opacity", None)
        if opacity is not None:
            slot = lambda *_args: self._sync_slider()  # noqa: E731
            opacity.connect(slot)
            self._layer_slots.append((opacity, slot))

    def _rewatch(self, *_args: object) -> None:
        for signal, slot in self._layer_slots:
            signal.disconnect(slot)
        self._layer_slots.clear()
        for layer in self._bound or ():
            self._watch_layer(layer)
        self._sync_slider()

    def _on_moved(self, *_args: object) -> None:
        canvas = self.window_.canvas
        # the canvas restacks on inserted/removed; a move needs the same (until it listens to `moved` itself)
        restack = getattr(canvas, "restack", None) or getattr(canvas, "_restack", None)
        if restack is not None:
            restack()
        for name in self.layers.names():  # every layer's position is part of what is saved
            self._changed(name)

    # -- persistence
    @staticmethod
    def writable(workspace: Any) -> bool:
        """Whether layer settings may be written to a workspace: it has save_style and is not the demo
        shipped with AreaPlan (sample_data is never modified; "save as" carries the settings to the copy)."""
        if workspace is None or not hasattr(workspace, "save_style"):
            return False
        from ui.main_window import DEMO_WORKSPACE

        path = getattr(workspace, "path", None)
        try:
            return path is None or Path(path).resolve() != DEMO_WORKSPACE.resolve()
        except OSError:
            return True

    def _changed(self, name: str) -> None:
        if self._restoring:
            return
        workspace = getattr(self.window_, "workspace", None)
        if not self.writable(workspace):
            return
        self._pending[name] = workspace
        self._save_timer.start()

    def flush_saves(self) -> None:
        """Write the pending layer settings to the workspace now."""
        self._save_timer.stop()
        pending, self._pending = self._pending, {}
        layers = self._bound
        if layers is None:
            return
        names = layers.names()
        for name, workspace in pending.items():
            if name not in layers:
                continue
            try:
                workspace.save_style(name, layer_state(layers[name], order=names.index(name)))
            except (AreaPlanError, OSError) as exc:
                log.error("could not save the style of %s: %s", name, exc)
                self.window_.statusBar().showMessage(self.tr("บันทึกรูปแบบไม่ได้: {e}").format(e=exc), 10000)

    def restore_styles(self) -> None:
        """Apply the styles saved in the workspace to the shown layers (bad entries are reported, not applied)."""
        self.restore_errors = []
        workspace = getattr(self.window_, "workspace", None)
        layers = self.layers
        if workspace is None or layers is None or not hasattr(workspace, "load_styles"):
            return
        try:
            saved = workspace.load_styles()
        except (AreaPlanError, OSError, ValueError) as exc:  # e.g. a JSON column someone edited by hand
            self.restore_errors.append(str(exc))
            saved = {}
        self._restoring = True
        try:
            orders = {}
            for name, state in saved.items():
                if name not in layers:
                    continue
                try:
                    apply_layer_state(layers[name], state)
                    order = parse_layer_state(state, layer=name).get("order")
                except AreaPlanError as exc:
                    self.restore_errors.append(str(exc))
                    continue
                if order is not None:
                    orders[name] = order
            if orders:
                self._restore_order(orders)
        finally:
            self._restoring = False
        if self.restore_errors:
            log.warning("saved styles not restored: %s", "; ".join(self.restore_errors))
            self.window_.statusBar().showMessage(
                self.tr("ใช้รูปแบบที่บันทึกไว้ไม่ได้บางชั้น: {e}").format(e=self.restore_errors[0]), 10000
            )

    def _restore_order(self, orders: dict[str, int]) -> None:
        names = self.layers.names()
        # layers with a saved position sort by it; the others keep their place relative to them
        keyed = sorted(names, key=lambda n: (orders.get(n, names.index(n)), names.index(n)))
        for index, name in enumerate(keyed):
            if self.layers.names().index(name) != index:
                self.layers.move(name, index)

    def states(self) -> dict[str, dict]:
        """The current settings of every shown layer (what would be saved)."""
        layers = self.layers
        if layers is None:
            return {}
        names = layers.names()
        return {name: layer_state(layers[name], order=i) for i, name in enumerate(names)}

    def carry_states(self, states: dict[str, dict]) -> None:
        """Apply settings taken from the previous workspace (after "save as") and save them in this one."""
        layers = self.layers
        if layers is None:
            return
        self._restoring = True
        try:
            for name, state in states.items():
                if name in layers:
                    apply_layer_state(layers[name], state)
            self._restore_order({n: s["order"] for n, s in states.items() if n in layers and "order" in s})
        finally:
            self._restoring = False
        for name in layers.names():
            self._changed(name)
        self.flush_saves()

    def on_workspace_changed(self) -> None:
        """The window shows another workspace (or none): save what is pending, restore what is saved."""
        self.flush_saves()
        for editor in list(self._editors.values()):
            editor.close()
        self._editors.clear()
        layers = self.window_.layers
        if self.tree.layers is not layers:
            self.tree.set_layers(layers)
        self.bind(layers)
        self.restore_styles()
        self._sync_slider()


def install(window: Any) -> LayerPanel:
    """Replace the dock's plain layer tree with the layer panel; add the layer menu actions."""
    panel = LayerPanel(window)
    old = window.layer_dock.widget()
    window.layer_dock.setWidget(panel)
    if old is not None and old is not panel:
        if hasattr(old, "set_layers"):
            old.set_layers(None)
        old.deleteLater()
    window.layer_panel = panel
    window.layer_tree = panel.tree
    if getattr(window, "layers", None) is not None:
        panel.tree.set_layers(window.layers)
    panel.bind(getattr(window, "layers", None))
    window.workspaceChanged.connect(panel.on_workspace_changed)

    def on_current(action: str) -> None:
        name = panel.tree.current_layer_name()
        if name is None:
            window.statusBar().showMessage(QCoreApplication.translate("LayerPanel", "เลือกชั้นข้อมูลในแผงชั้นข้อมูลก่อน"), 5000)
            return
        {"style": panel.open_style_editor, "zoom": panel.zoom_to_layer, "remove": panel.remove_layer}[action](name)

    # Before a save or a copy, write the settings changed in the last SAVE_DELAY_MS; "save as" also
    # carries them into the copy (a read-only source, such as the shipped demo, never held them).
    carried: dict[str, Any] = {}

    def before_save() -> None:
        panel.flush_saves()
        carried["states"] = panel.states()

    def after_save_as(_path: Any) -> None:
        states = carried.pop("states", None)
        if states is not None:
            panel.carry_states(states)

    window.aboutToSave.connect(before_save)
    window.savedAs.connect(after_save_as)

    menu = window.menu_layer
    for key, text in MENU_ACTIONS:
        action = QAction(QCoreApplication.translate("LayerPanel", text), window)
        action.setObjectName(f"layerPanel_{key}")
        action.triggered.connect(lambda _checked=False, key=key: on_current(key))
        menu.addAction(action)
        setattr(window, f"action_layer_{key}", action)
    return panel
