"""Exporters: one module per format, each declaring EXTENSIONS and DESCRIPTION (architecture §7)."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from areaplan.errors import AreaPlanError

FORMAT_MODULES: tuple[str, ...] = ("table",)


class ExportError(AreaPlanError, OSError):
    """An export cannot be written (unknown file type, file in use, folder missing)."""


def formats() -> list[ModuleType]:
    """The exporter modules, each with EXTENSIONS and DESCRIPTION."""
    return [importlib.import_module(f"areaplan.exporters.{name}") for name in FORMAT_MODULES]


def extension_table() -> dict[str, ModuleType]:
    """Lower-case extension (with the dot) -> exporter module."""
    return {ext.lower(): mod for mod in formats() for ext in mod.EXTENSIONS}


def exporter_for(path: str | Path) -> ModuleType:
    """The exporter module for a file name, by its extension."""
    suffix = Path(path).suffix.lower()
    table = extension_table()
    if suffix not in table:
        known = ", ".join(sorted(table))
        raise ExportError(
            f"ไม่รู้จักชนิดไฟล์ส่งออก {suffix or '(ไม่มีนามสกุล)'} (ชนิดที่ส่งออกได้: {known})",
            f"unknown export file type {suffix or '(none)'}; writable: {known}",
            path=path,
        )
    return table[suffix]
