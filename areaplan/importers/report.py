"""The import report: what was read, imported, updated, rejected and warned, by precision."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from areaplan import __version__
from areaplan.errors import Problem
from areaplan.vocab import PRECISIONS

#: Exit codes of the CLI (architecture: mapped in one place).
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REJECTED = 3


@dataclass
class RejectedRow:
    """One input row that could not be imported, kept verbatim with the reason."""

    row: int | None
    field: str | None
    reason: str
    raw: dict

    def as_record(self, source: str) -> dict:
        """The row as stored in the workspace's rejected_rows table."""
        return {
            "source": source,
            "row": self.row,
            "field": self.field,
            "reason": self.reason,
            "raw": json.dumps(self.raw, ensure_ascii=False, default=str),
        }


@dataclass
class ImportReport:
    """The outcome of importing one file (one report per file, all layers/chunks together)."""

    source: str
    path: str
    kind: str
    started_at: str = ""
    finished_at: str = ""
    rows_read: int = 0
    imported: int = 0
    updated: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    precision_counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything landed, 3 when some rows went to rejected_rows."""
        return EXIT_REJECTED if self.rejected else EXIT_OK

    def add_precisions(self, values: pd.Series) -> None:
        """Count location precisions of imported records."""
        for key, n in values.value_counts().items():
            self.precision_counts[str(key)] = self.precision_counts.get(str(key), 0) + int(n)

    def lines(self, max_items: int = 20) -> list[str]:
        """The report as printable lines, Thai first with English."""
        out = [
            f"นำเข้า {self.source} ({self.kind}): อ่าน {self.rows_read:,} แถว, เพิ่ม {self.imported:,}, "
            f"ปรับปรุง {self.updated:,}, ปฏิเสธ {len(self.rejected):,}, คำเตือน {len(self.warnings):,}",
            f"  (imported {self.source}: read {self.rows_read:,}, added {self.imported:,}, "
            f"updated {self.updated:,}, rejected {len(self.rejected):,}, warnings {len(self.warnings):,})",
        ]
        if self.precision_counts:
            names = {**PRECISIONS, "changwat": "จังหวัด", "muban": "หมู่บ้าน"}
            parts = [
                f"{names.get(k, k)} ({k}) {v:,}"
                for k, v in sorted(self.precision_counts.items(), key=lambda kv: -kv[1])
            ]
            head = "ระดับ (levels)" if self.kind == "boundaries" else "ความละเอียดตำแหน่ง (location precision)"
            out.append(f"  {head}: " + ", ".join(parts))
        out.extend(f"  {n}" for n in self.notes)
        for r in self.rejected[:max_items]:
            out.append(f"  ✗ {r.reason}")
        if len(self.rejected) > max_items:
            out.append(f"  … และอีก {len(self.rejected) - max_items:,} แถว (and more; see rejected_rows)")
        for w in self.warnings[:max_items]:
            out.append(f"  ! {w.message}")
        if len(self.warnings) > max_items:
            out.append(f"  … คำเตือนอีก {len(self.warnings) - max_items:,} รายการ (more warnings in import_log)")
        return out

    def as_log_record(self) -> dict:
        """The report as one row of the workspace's import_log table."""
        return {
            "source": self.source,
            "path": self.path,
            "kind": self.kind,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "updated": self.updated,
            "rejected": len(self.rejected),
            "warnings": json.dumps([w.message for w in self.warnings], ensure_ascii=False),
            "precision_counts": json.dumps(self.precision_counts, ensure_ascii=False),
            "report": "\n".join(self.lines(max_items=10_000)),
            "areaplan_version": __version__,
        }
