"""Numbers for printed documents: thousands separators, baht amounts and optional Thai digits."""

from __future__ import annotations

import math

from areaplan.values import arabic_to_thai_digits


def digits(text: str, thai_digits: bool) -> str:
    """The text with 0-9 turned into Thai digits when asked (official document style)."""
    return arabic_to_thai_digits(text) if thai_digits else text


def format_number(value: object, decimals: int = 0, *, thai_digits: bool = False) -> str:
    """1250000 -> "1,250,000" (empty for missing values); Thai digits on request."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(number):
        return ""
    return digits(f"{number:,.{decimals}f}", thai_digits)


def format_baht(value: object, *, thai_digits: bool = False) -> str:
    """A budget in baht: whole baht without decimals, satang with two ("1,250,000", "1,250.50")."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(number):
        return ""
    return format_number(number, 0 if float(number).is_integer() else 2, thai_digits=thai_digits)


def format_scale(denominator: float, *, thai_digits: bool = False) -> str:
    """A map scale as "1:50,000"."""
    return digits(f"1:{denominator:,.0f}", thai_digits)
