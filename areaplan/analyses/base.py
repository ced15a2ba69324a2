"""What every analysis result carries: provenance (what was run, on what, with which parameters, when)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

from areaplan import __version__


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Provenance:
    """Inputs, parameters, AreaPlan version and time of one analysis run (goes into the workspace and reports)."""

    analysis: str
    parameters: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    areaplan_version: str = __version__
    created_at: str = field(default_factory=_now)

    def as_dict(self) -> dict:
        """A plain dict (JSON-serialisable when parameters and inputs are)."""
        return asdict(self)

    def to_json(self) -> str:
        """One JSON line, Thai kept readable."""
        return json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True, default=str)

    def lines(self) -> list[str]:
        """Human-readable lines for a report's provenance section."""
        out = [f"การวิเคราะห์ (analysis): {self.analysis}",
               f"AreaPlan {self.areaplan_version}", f"วันที่ (created): {self.created_at}"]
        out += [f"พารามิเตอร์ {k} (parameter): {v}" for k, v in self.parameters.items()]
        out += [f"ข้อมูลนำเข้า {k} (input): {v}" for k, v in self.inputs.items()]
        return out


@dataclass
class AnalysisResult:
    """Base of analysis results: each carries its provenance; subclasses add their tables."""

    provenance: Provenance

    def summary(self) -> list[str]:
        """Short bilingual lines describing the result (subclasses extend)."""
        return [f"{self.provenance.analysis} ({self.provenance.created_at})"]
