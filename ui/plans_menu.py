"""The แผน (Plans) menu of the main window and the plan screens it opens.

``install(window)`` adds the menu between ชั้นข้อมูล and เครื่องมือ, the shared plan index
(``window.plan_index_service``, ui.plan_links.PlanIndexService) and every plan screen: แผนในพื้นที่ (ui.plan_links),
ตารางพื้นที่ × ประเด็น (ui.plan_matrix_view), ตรวจความเชื่อมโยงแผน (ui.plan_checks_view), ปฏิทินแผน
(ui.plan_calendar) and ตัวชี้วัดความจำเป็น (ui.indicator_view).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ui.docks import add_tool_dock


def plans_menu(window: Any) -> QMenu:
    """The window's แผน menu (made on first use, before the Tools menu)."""
    menu = getattr(window, "menu_plans", None)
    if menu is None:
        menu = QMenu(QCoreApplication.translate("PlansMenu", "แผน"), window)
        menu.setObjectName("menuPlans")
        tools = getattr(window, "menu_tools", None)
        if tools is not None:
            window.menuBar().insertMenu(tools.menuAction(), menu)
        else:
            window.menuBar().addMenu(menu)
        window.menu_plans = menu
    return menu


def plans_service(window: Any) -> Any:
    """The window's shared plan index service (made on first use)."""
    service = getattr(window, "plan_index_service", None)
    if service is None:
        from ui.plan_links import PlanIndexService

        service = window.plan_index_service = PlanIndexService(window)
    return service


def add_plan_dock(window: Any, view: QWidget, name: str, title: str, action_text: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> tuple[QDockWidget, QAction]:
    """Put a plan screen in a hidden dock with a แผน-menu action that shows it and builds the plan index.

    Sets ``window.<name>``, ``window.<name>_dock`` and ``window.action_<name>``.
    """
    camel = name.split("_")[0] + "".join(word.title() for word in name.split("_")[1:])
    service = plans_service(window)
    dock, action = add_tool_dock(window, view, title=title, action_text=action_text, object_name=camel,
                                 menu=plans_menu(window), area=area, on_open=service.ensure)
    setattr(window, name, view)
    setattr(window, f"{name}_dock", dock)
    setattr(window, f"action_{name}", action)
    return dock, action


def install(window: Any) -> QMenu:
    """Add the แผน menu with every plan screen and a rebuild action."""
    from ui import indicator_view, plan_calendar, plan_checks_view, plan_links, plan_matrix_view

    service = plans_service(window)
    menu = plans_menu(window)
    plan_links.install(window)
    menu.addSeparator()
    plan_matrix_view.install(window)
    plan_checks_view.install(window)
    plan_calendar.install(window)
    menu.addSeparator()
    indicator_view.install(window)
    menu.addSeparator()
    rebuild = QAction(QCoreApplication.translate("PlansMenu", "สร้างดัชนีแผนใหม่"), window)
    rebuild.setObjectName("actionRebuildPlanIndex")
    rebuild.setStatusTip(QCoreApplication.translate(
        "PlansMenu", "อ่านแผน โครงการ และการเชื่อมโยงจากพื้นที่ทำงานอีกครั้ง (Rebuild the plan index)"))
    rebuild.triggered.connect(lambda: service.rebuild())
    menu.addAction(rebuild)
    window.action_rebuild_plan_index = rebuild
    window.tabifyDockWidget(window.plan_links_dock, window.indicator_view_dock)
    window.tabifyDockWidget(window.plan_matrix_dock, window.plan_checks_dock)
    window.tabifyDockWidget(window.plan_matrix_dock, window.plan_calendar_dock)
    return menu


__all__ = ["add_plan_dock", "install", "plans_menu", "plans_service"]
