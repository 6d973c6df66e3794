"""Plain values shared by the analysis, the report and the GUI: what counts as missing,
and a count written with the grouping of the user's language (babel)."""

from __future__ import annotations

import math
from typing import Any

from babel import Locale
from babel.numbers import format_decimal

__all__ = ["is_missing", "number"]


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and empty strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, int):  # a count: never missing
        return False
    from pandas import isna  # only for values that are not plain None/str/float

    try:
        return bool(isna(value))
    except (TypeError, ValueError):
        return False


def number(value: Any, locale: Locale | str = "en") -> str:
    """A number with the locale's grouping (``12.345`` in Italian)."""
    if is_missing(value):
        return ""
    return format_decimal(value, locale=locale)
