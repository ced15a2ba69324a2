"""Ordered flood-hazard classes and the thresholds that map depth, frequency or class values onto them.

Classes are ordered codes 1..4 (ต่ำ low, ปานกลาง medium, สูง high, สูงมาก very high); 0 means "not hazardous"
(dry, below the first threshold). A :class:`ClassScheme` lists, for each class it uses, the *lower bound*
(inclusive) of that class: a value ``v`` belongs to the class with the largest lower bound ``≤ v``; values below
the first bound (and nodata) are class 0.

Documented defaults (:data:`DEFAULT_SCHEMES`), editable per hazard and saved in the workspace
(``hazards.thresholds``, JSON):

=============  ===============================  ==============================================================
kind           unit                             classes (lower bound, inclusive)
=============  ===============================  ==============================================================
``depth``      m                                ต่ำ ≥ 0.01 · ปานกลาง ≥ 0.5 · สูง ≥ 1.0 · สูงมาก ≥ 2.0
``frequency``  times flooded in 10 years        ปานกลาง ≥ 1 · สูง ≥ 4 · สูงมาก ≥ 8 (LDD: ≤3, 4–7, 8–10 times)
``class``      class code 1..4                  ต่ำ ≥ 1 · ปานกลาง ≥ 2 · สูง ≥ 3 · สูงมาก ≥ 4 (codes as they are)
=============  ===============================  ==============================================================
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from areaplan.errors import AreaPlanError, Problem
from areaplan.importers.hazard import HAZARD_CLASSES

KINDS: tuple[str, ...] = ("depth", "frequency", "class")
#: Class codes counted as "high" for flags, choropleths and gaps (สูง, สูงมาก).
HIGH_CLASSES: tuple[int, ...] = (3, 4)
#: Fill colours by class (ColorBrewer YlOrRd; 0 = not hazardous is transparent grey).
CLASS_COLOURS: dict[int, str] = {0: "#f0f0f0", 1: "#ffffb2", 2: "#fecc5c", 3: "#fd8d3c", 4: "#e31a1c"}
#: Labels of class 0.
NONE_LABEL: tuple[str, str] = ("ไม่เสี่ยง/ไม่ท่วม", "not flooded")
UNITS: dict[str, tuple[str, str]] = {
    "depth": ("ม.", "m"),
    "frequency": ("ครั้งใน 10 ปี", "times in 10 years"),
    "class": ("ระดับ", "class code"),
}


class HazardClassError(AreaPlanError, ValueError):
    """A class table (thresholds) that cannot be used."""


def class_label(code: int, lang: str = "th") -> str:
    """Thai or English label of a class code (0 = not hazardous)."""
    th, en = HAZARD_CLASSES.get(int(code), NONE_LABEL)
    return th if lang == "th" else en.replace("_", " ")


@dataclass(frozen=True)
class ClassScheme:
    """Ordered classes of one hazard: (class code, inclusive lower bound) pairs in ascending order."""

    kind: str
    breaks: tuple[tuple[int, float], ...]

    @property
    def codes(self) -> tuple[int, ...]:
        """The class codes this scheme can assign, ascending (without 0)."""
        return tuple(c for c, _ in self.breaks)

    @property
    def unit(self) -> tuple[str, str]:
        """(Thai, English) unit of the values the bounds apply to."""
        return UNITS.get(self.kind, ("", ""))

    def classify(self, values: np.ndarray) -> np.ndarray:
        """Class code (uint8) for each value; NaN and values below the first bound give 0."""
        v = np.asarray(values, dtype="float64")
        out = np.zeros(v.shape, dtype=np.uint8)
        for code, lower in self.breaks:
            out[v >= lower] = code  # ascending bounds: a later (higher) class overwrites
        return out

    def masks(self, values: np.ndarray) -> dict[int, np.ndarray]:
        """Boolean mask of each class (NaN is in none), built from the nested ``values ≥ bound`` tests."""
        ge = [np.greater_equal(values, lower) for _, lower in self.breaks]
        out = {}
        for i, (code, _) in enumerate(self.breaks):
            out[code] = ge[i] ^ ge[i + 1] if i + 1 < len(ge) else ge[i]
        return out

    def as_dict(self) -> dict:
        """Plain dict (what is stored in the workspace and the provenance)."""
        return {"kind": self.kind, "breaks": [[int(c), float(b)] for c, b in self.breaks]}

    def to_json(self) -> str:
        """JSON text for ``hazards.thresholds``."""
        return json.dumps(self.as_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> ClassScheme:
        """A scheme from its dict form; raises HazardClassError when malformed."""
        try:
            kind = str(data["kind"])
            breaks = tuple((int(c), float(b)) for c, b in data["breaks"])
        except (KeyError, TypeError, ValueError) as exc:
            raise HazardClassError("อ่านตารางระดับความเสี่ยงไม่ได้", f"cannot read the class table ({exc})") from exc
        return cls(kind, breaks)

    @classmethod
    def from_json(cls, text: str) -> ClassScheme:
        """A scheme from ``hazards.thresholds`` text."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HazardClassError("อ่านตารางระดับความเสี่ยงไม่ได้", f"cannot read the class table ({exc})") from exc
        return cls.from_dict(data)

    def table(self) -> pd.DataFrame:
        """One row per class: code, Thai and English labels, lower and upper bound, colour (for screens/exports)."""
        rows = []
        for i, (code, lower) in enumerate(self.breaks):
            upper = self.breaks[i + 1][1] if i + 1 < len(self.breaks) else math.inf
            rows.append({"class": code, "label_th": class_label(code, "th"), "label_en": class_label(code, "en"),
                         "lower": lower, "upper": upper, "unit": self.unit[1], "colour": CLASS_COLOURS.get(code)})
        return pd.DataFrame(rows, columns=["class", "label_th", "label_en", "lower", "upper", "unit", "colour"])

    def lines(self) -> list[str]:
        """Bilingual one-line descriptions of each class (for reports and provenance)."""
        th_unit, en_unit = self.unit
        out = []
        for row in self.table().itertuples(index=False):
            upper_th = "" if math.isinf(row.upper) else f" และ < {row.upper:g}"
            upper_en = "" if math.isinf(row.upper) else f" and < {row.upper:g}"
            out.append(f"{row.label_th} ({row.label_en}): ≥ {row.lower:g}{upper_th} {th_unit} "
                       f"(≥ {row.lower:g}{upper_en} {en_unit})")
        return out


#: The documented defaults (see the module docstring and docs/flood.md).
DEFAULT_SCHEMES: dict[str, ClassScheme] = {
    "depth": ClassScheme("depth", ((1, 0.01), (2, 0.5), (3, 1.0), (4, 2.0))),
    "frequency": ClassScheme("frequency", ((2, 1.0), (3, 4.0), (4, 8.0))),
    "class": ClassScheme("class", ((1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0))),
}


def default_scheme(kind: str) -> ClassScheme:
    """The documented default scheme of a hazard kind (depth, frequency, class)."""
    if kind not in DEFAULT_SCHEMES:
        raise HazardClassError(f"ไม่รู้จักชนิดข้อมูลภัย {kind!r} (ใช้ได้: {', '.join(KINDS)})",
                               f"unknown hazard kind {kind!r}; use one of {', '.join(KINDS)}")
    return DEFAULT_SCHEMES[kind]


def validate_scheme(scheme: ClassScheme) -> list[Problem]:
    """What is wrong with a class table: empty, unknown kind or class, bounds not increasing."""
    problems: list[Problem] = []
    if scheme.kind not in KINDS:
        problems.append(Problem(f"ไม่รู้จักชนิดข้อมูลภัย {scheme.kind!r}", f"unknown hazard kind {scheme.kind!r}"))
    if not scheme.breaks:
        problems.append(Problem("ตารางระดับความเสี่ยงว่าง ต้องมีอย่างน้อยหนึ่งระดับ",
                                "the class table is empty; at least one class is needed"))
        return problems
    codes = [c for c, _ in scheme.breaks]
    bounds = [b for _, b in scheme.breaks]
    unknown = [c for c in codes if c not in HAZARD_CLASSES]
    if unknown:
        problems.append(Problem(f"ระดับความเสี่ยง {unknown} ไม่มีอยู่ (ใช้ 1–4)",
                                f"class codes {unknown} do not exist (use 1–4)"))
    if any(not math.isfinite(b) for b in bounds):
        problems.append(Problem("เกณฑ์ต้องเป็นตัวเลข", "thresholds must be finite numbers"))
    elif any(b < 0 for b in bounds):
        problems.append(Problem("เกณฑ์ต้องไม่ติดลบ (ความลึก จำนวนครั้ง และรหัสระดับเริ่มที่ 0)",
                                "thresholds must not be negative (depths, counts and codes start at 0)"))
    if any(b2 <= b1 for b1, b2 in zip(bounds, bounds[1:])) or any(c2 <= c1 for c1, c2 in zip(codes, codes[1:])):
        problems.append(Problem("เกณฑ์และระดับต้องเรียงจากน้อยไปมาก ไม่ซ้ำกัน",
                                "classes and thresholds must be strictly increasing"))
    return problems


def check_scheme(scheme: ClassScheme) -> ClassScheme:
    """The scheme itself, or HazardClassError with the first problem."""
    errors = validate_scheme(scheme)
    if errors:
        raise HazardClassError(errors[0].th, errors[0].en)
    return scheme


def _hazard_row(ws, hazard: str) -> dict:
    rows = ws.read_table("hazards", where="name = ?", params=(hazard,)).to_dict("records")
    if not rows:
        names = ", ".join(ws.read_table("hazards")["name"].astype(str)) or "-"
        raise HazardClassError(f"ไม่พบชั้นข้อมูลภัย {hazard!r} ในพื้นที่ทำงาน (มี: {names})",
                               f"no hazard named {hazard!r} in the workspace (present: {names})")
    return rows[0]


def kind_of(record: dict) -> str:
    """The class-scheme kind of a ``hazards`` record (vector zones with frequencies are 'frequency')."""
    kind = str(record.get("kind") or "class")
    return kind if kind in KINDS else "class"


def load_scheme(ws, hazard: str, *, kind: str | None = None) -> ClassScheme:
    """The saved class table of a hazard, or the documented default of its kind."""
    rec = _hazard_row(ws, hazard)
    text = rec.get("thresholds")
    if isinstance(text, str) and text.strip():
        return ClassScheme.from_json(text)
    return default_scheme(kind or kind_of(rec))


def save_scheme(ws, hazard: str, scheme: ClassScheme) -> None:
    """Check and save a hazard's class table in the workspace (``hazards.thresholds``), in one transaction."""
    check_scheme(scheme)
    _hazard_row(ws, hazard)
    with ws.transaction() as c:
        c.execute("UPDATE hazards SET thresholds = ? WHERE name = ?", (scheme.to_json(), hazard))


def saved_thresholds(ws, hazard: str) -> str | None:
    """The class table saved for a hazard as stored (JSON text), or None when the default of its kind applies."""
    text = _hazard_row(ws, hazard).get("thresholds")
    return text if isinstance(text, str) and text.strip() else None


def restore_thresholds(ws, hazard: str, text: str | None) -> None:
    """Put back a hazard's stored class table as returned by :func:`saved_thresholds` (None: the default)."""
    if text is None:
        reset_scheme(ws, hazard)
    else:
        save_scheme(ws, hazard, ClassScheme.from_json(text))


def reset_scheme(ws, hazard: str) -> None:
    """Forget a hazard's saved class table (the default of its kind applies again)."""
    _hazard_row(ws, hazard)
    with ws.transaction() as c:
        c.execute("UPDATE hazards SET thresholds = NULL WHERE name = ?", (hazard,))
