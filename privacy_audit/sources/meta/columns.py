"""Converters applied to a whole column at once (the field-spec engine's hot path).

:func:`convert` gives exactly ``[conv(v) for v in values]``: for the converters read on
most cells (:data:`.getters.TEXT`, :data:`.getters.TIME`, :data:`.getters.RAW`) a column
of the usual types (all strings, all ints) is converted by C-level passes (``map`` of
``str.strip``, ``min``/``max``) instead of one Python call per cell; any other column,
or any other converter, is converted cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy_audit.sources.meta.getters import RAW, TEXT, TIME
from privacy_audit.sources.meta.reader import MAX_SECONDS, seconds, text


def texts(values: list[Any]) -> list[Any]:
    """``[text(v) for v in values]``."""
    if not values:
        return []
    types = set(map(type, values))
    if types == {str}:
        stripped = list(map(str.strip, values))
        return [s or None for s in stripped] if "" in stripped else stripped
    if types <= {str, type(None)}:
        return [(v.strip() or None) if v is not None else None for v in values]
    return list(map(text, values))


def times(values: list[Any]) -> list[Any]:
    """``[seconds(v) for v in values]``."""
    if not values:
        return []
    if set(map(type, values)) == {int}:  # bools are not ints here: type(True) is bool
        if 0 < min(values) and max(values) < MAX_SECONDS:
            return list(values)
        return [v if 0 < v < MAX_SECONDS else None for v in values]
    return list(map(seconds, values))


def _raw(values: list[Any]) -> list[Any]:
    return list(values)


_COLUMNWISE: dict[Callable[[Any], Any], Callable[[list[Any]], list[Any]]] = {
    TEXT: texts,
    TIME: times,
    RAW: _raw,
}


def convert(conv: Callable[[Any], Any], values: list[Any]) -> list[Any]:
    """``[conv(v) for v in values]`` (a new list), column-wise when ``conv`` has a
    column form."""
    columnwise = _COLUMNWISE.get(conv)
    return columnwise(values) if columnwise is not None else list(map(conv, values))
