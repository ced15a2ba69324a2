"""Column-wise normalisation of raw values: each distinct value parsed once, errors kept per row."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from areaplan.values import ValueProblem, clean_text
from areaplan.vocab import to_code


def parse_column(series: pd.Series, parse: Callable[[object], object]) -> tuple[pd.Series, pd.Series]:
    """Parse every value with `parse`, once per distinct value; return (values, error messages)."""
    keys = series.map(_key)
    uniques = {}
    errors = {}
    for key, original in zip(keys.drop_duplicates().tolist(), series[~keys.duplicated()].tolist()):
        try:
            uniques[key] = parse(original)
        except ValueProblem as exc:
            uniques[key] = None
            errors[key] = exc
    values = keys.map(uniques).astype(object)
    errs = keys.map(errors).astype(object)
    return values.where(values.notna(), None), errs.where(errs.notna(), None)


def code_column(series: pd.Series, vocabulary: str) -> tuple[pd.Series, pd.Series]:
    """Codes for a vocabulary column; unknown values kept as written, flagged in the second series."""
    keys = series.map(_key)
    mapping = {}
    unknown = {}
    for key, original in zip(keys.drop_duplicates().tolist(), series[~keys.duplicated()].tolist()):
        text = clean_text(original)
        if not text:
            mapping[key] = None
            continue
        code = to_code(vocabulary, text)
        mapping[key] = code if code else text
        if code is None:
            unknown[key] = text
    values = keys.map(mapping).astype(object)
    flags = keys.map(unknown).astype(object)
    return values.where(values.notna(), None), flags.where(flags.notna(), None)


def text_column(series: pd.Series) -> pd.Series:
    """Cleaned text (NFC, sara am joined, single spaces); empty becomes None."""
    keys = series.map(_key)
    mapping = {k: (clean_text(v) or None) for k, v in zip(keys.drop_duplicates(), series[~keys.duplicated()])}
    out = keys.map(mapping).astype(object)
    return out.where(out.notna(), None)


def _key(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return ("∅",)
    if isinstance(value, (int, float)):
        return (type(value).__name__, value)
    return str(value)
