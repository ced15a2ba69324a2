"""Errors and warnings a user can act on, in Thai and English."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _where_th(path: str | None, layer: str | None, row: int | None, field: str | None) -> str:
    parts = []
    if path:
        parts.append(Path(path).name)
    if layer:
        parts.append(f"ชั้นข้อมูล {layer}")
    if row is not None:
        parts.append(f"แถว {row}")
    if field:
        parts.append(f'คอลัมน์ "{field}"')
    return " ".join(parts)


def _where_en(layer: str | None, row: int | None, field: str | None) -> str:
    parts = []
    if layer:
        parts.append(f"layer {layer}")
    if row is not None:
        parts.append(f"row {row}")
    if field:
        parts.append(f"field {field}")
    return ", ".join(parts)


class AreaPlanError(Exception):
    """Base of every error AreaPlan raises for something the user can fix."""

    def __init__(
        self,
        th: str,
        en: str,
        *,
        path: str | Path | None = None,
        layer: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.th = th
        self.en = en
        self.path = str(path) if path is not None else None
        self.layer = layer
        self.row = row
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line: where, the Thai text, and the English text in brackets."""
        where_th = _where_th(self.path, self.layer, self.row, self.field)
        where_en = _where_en(self.layer, self.row, self.field)
        head = f"{where_th}: " if where_th else ""
        tail = f"{where_en}: {self.en}" if where_en else self.en
        return f"{head}{self.th} ({tail})"

    def __str__(self) -> str:
        return self.message


class ImportFormatError(AreaPlanError, ValueError):
    """An input file or value does not follow the interchange format."""


class MissingColumnError(ImportFormatError):
    """A required column is absent from an input file."""


class WorkspaceError(AreaPlanError, OSError):
    """The workspace file cannot be created, opened or written."""


class InputFileError(AreaPlanError, OSError):
    """An input file is missing, unreadable, empty or too large."""


class Cancelled(AreaPlanError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self) -> None:
        super().__init__("ยกเลิกแล้ว ไม่มีการบันทึกข้อมูล", "cancelled; nothing was saved")


class AreaPlanWarning(UserWarning):
    """Suspicious but legal input, with the remedy in the message."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, reported instead of raised (row-level)."""

    th: str
    en: str
    row: int | None = None
    field: str | None = None
    severity: str = "error"  # "error" rejects the row; "warning" keeps it

    @property
    def message(self) -> str:
        """The problem as one bilingual line."""
        where_th = _where_th(None, None, self.row, self.field)
        where_en = _where_en(None, self.row, self.field)
        head = f"{where_th}: " if where_th else ""
        tail = f"{where_en}: {self.en}" if where_en else self.en
        return f"{head}{self.th} ({tail})"
