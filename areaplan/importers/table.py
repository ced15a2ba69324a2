"""RawTable: what every format reader hands to the project/plan/boundary mappers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from areaplan.errors import Problem


@dataclass
class RawTable:
    """Rows of one input file as read, before any column mapping or value normalisation.

    ``frame`` keeps the original headers (whitespace-trimmed) and every attribute value as
    written (str, number or None); its index holds the row numbers a user sees in the file
    (the spreadsheet row or the CSV line, 1-based, header counted; features numbered from 1).
    Vector readers return a GeoDataFrame whose ``geometry`` column is in EPSG:4326.
    """

    frame: pd.DataFrame
    path: Path
    layer: str | None = None
    encoding: str | None = None
    header_row: int | None = None
    crs: str | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def source(self) -> str:
        """The name stored as ``source`` on every imported record."""
        return self.path.name if self.layer is None else f"{self.path.name}:{self.layer}"
