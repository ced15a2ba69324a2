"""A feature's screen in a hidden dock with a menu action that shows it (the pattern every tool dock follows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget


def add_tool_dock(window: Any, widget: QWidget, *, title: str, action_text: str, object_name: str, menu: QMenu,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                  on_open: Callable[[], None] | None = None) -> tuple[QDockWidget, QAction]:
    """Put ``widget`` in a hidden dock (``<object_name>Dock``) and add ``action<ObjectName>`` to ``menu``.

    The action shows and raises the dock, then calls ``on_open`` (refresh or start the screen's work).
    """
    dock = QDockWidget(title, window)
    dock.setObjectName(f"{object_name}Dock")
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    dock.hide()
    action = QAction(action_text, window)
    action.setObjectName(f"action{object_name[0].upper()}{object_name[1:]}")

    def open_dock() -> None:
        dock.show()
        dock.raise_()
        if on_open is not None:
            on_open()

    action.triggered.connect(open_dock)
    menu.addAction(action)
    return dock, action


__all__ = ["add_tool_dock"]
