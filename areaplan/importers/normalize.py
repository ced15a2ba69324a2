"""Column-wise normalisation of raw values: each distinct value parsed once, errors kept per row."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from areaplan.values import ValueProblem, clean_text
from areaplan.vocab import to_code


def _distinct(series: pd.Series) -> tuple[np.ndarray, list]:
    """Codes (-1 for missing) and the distinct values of a column, hashed in C (pandas.factorize)."""
    values = series.astype(object).to_numpy()
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, list(uniques)


def _spread(codes: np.ndarray, per_unique: list, index: pd.Index) -> pd.Series:
    """Map per-distinct results back to rows (None for missing)."""
    table = np.empty(len(per_unique) + 1, dtype=object)
    table[: len(per_unique)] = per_unique
    table[-1] = None
    return pd.Series(table[codes], index=index, dtype=object)


def parse_column(series: pd.Series, parse: Callable[[object], object]) -> tuple[pd.Series, pd.Series]:
    """Parse every value with `parse`, once per distinct value; return (values, error messages)."""
    codes, uniques = _distinct(series)
    values, errors = [], []
    for original in uniques:
        try:
            values.append(parse(original))
            errors.append(None)
        except ValueProblem as exc:
            values.append(None)
            errors.append(exc)
    out = _spread(codes, values, series.index)
    return out.where(out.notna(), None), _spread(codes, errors, series.index)


def code_column(series: pd.Series, vocabulary: str) -> tuple[pd.Series, pd.Series]:
    """Codes for a vocabulary column; unknown values kept as written, flagged in the second series."""
    codes, uniques = _distinct(series)
    mapped, unknown = [], []
    for original in uniques:
        text = clean_text(original)
        code = to_code(vocabulary, text) if text else None
        mapped.append((code or text) or None)
        unknown.append(text if text and code is None else None)
    return _spread(codes, mapped, series.index), _spread(codes, unknown, series.index)


def text_column(series: pd.Series) -> pd.Series:
    """Cleaned text (NFC, sara am joined, single spaces); empty becomes None."""
    codes, uniques = _distinct(series)
    return _spread(codes, [clean_text(v) or None for v in uniques], series.index)
