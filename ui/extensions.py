"""The features that plug into the main window, each as `module:installer(window)`.

An installer adds docks, actions and canvas tools to a MainWindow. Listed in the order they install.
"""

from __future__ import annotations

import importlib
from typing import Any

INSTALLERS: tuple[str, ...] = (
    "ui.layer_panel:install",
    "ui.attribute_table:install",
    "ui.editing:install",
    "ui.map_tools:install",
    "ui.place_search:install",
    "ui.raster_view:install",
    "ui.workbench:install",
    "ui.duplicate_review:install",
    "ui.flood_review:install",
    "ui.print_dialog:install",
    "ui.webmap_action:install",
    "ui.plans_menu:install",
)


def install_extensions(window: Any) -> list[str]:
    """Run every installer in order; return the module names installed."""
    installed = []
    for spec in INSTALLERS:
        module_name, func = spec.split(":")
        getattr(importlib.import_module(module_name), func)(window)
        installed.append(module_name)
    return installed
