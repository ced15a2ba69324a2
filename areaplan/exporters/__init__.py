"""Exporters: one module per format, each declaring EXTENSIONS and DESCRIPTION (architecture §7)."""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from areaplan.errors import AreaPlanError

FORMAT_MODULES: tuple[str, ...] = ("table",)


class ExportError(AreaPlanError, OSError):
    """An export cannot be written (unknown file type, file in use, folder missing)."""


def atomic_write(path: str | Path, write: Callable[[str], object]) -> Path:
    """Let write(tmp) fill a temporary file beside `path`, then rename it into place (never a half-written file)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError("ไม่พบโฟลเดอร์ปลายทาง", f"folder {path.parent} does not exist", path=path)
    fd, tmp = tempfile.mkstemp(prefix=".areaplan-export-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        if path.suffix.lower() == ".gpkg":
            os.unlink(tmp)  # GDAL creates the file itself
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is an ordinary file
        os.replace(tmp, path)
    except PermissionError as exc:
        raise ExportError("เขียนไฟล์ไม่ได้ (ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น เช่น Excel)",
                          f"cannot write the file; it may be open in another program such as Excel ({exc})",
                          path=path) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


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
