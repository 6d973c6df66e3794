"""Converters applied to a whole column at once (the field-spec engine's hot path).

:func:`convert` gives exactly ``[conv(v) for v in values]``: for the converters read on
most cells (:data:`.getters.TEXT`, :data:`.getters.TIME`, :data:`.getters.RAW`) a column
of the usual types (all strings, all ints) is converted by C-level passes (``map`` of
``str.strip``, ``min``/``max``) instead of one Python call per cell; other converters
convert each distinct string of a column once when its strings repeat; anything else
is converted cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy_audit.sources.meta.getters import RAW, TEXT, TIME
from privacy_audit.sources.meta.reader import MAX_SECONDS, seconds, text


def texts(values: list[Any]) -> list[Any]:
    """``[text(v) for v in values]``."""
    try:  # all strings, the usual case: one pass (str.strip refuses anything else)
        stripped: list[Any] = list(map(str.strip, values))
    except TypeError:
        return [(v.strip() or None) if type(v) is str else text(v) for v in values]
    return [s or None for s in stripped] if "" in stripped else stripped


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


_PLAIN = frozenset((str, int, float, bool, type(None)))


def _by_distinct(conv: Callable[[Any], Any], values: list[Any]) -> list[Any] | None:
    """``[conv(v) for v in values]`` converting each distinct string once, for a column
    of strings (or None) that repeat (a login's action, a site): None when they do not
    repeat enough, or when a result is not a plain value rows could share."""
    if len(values) < 64 or not set(map(type, values)) <= {str, type(None)}:
        return None
    distinct = dict.fromkeys(values)
    if len(distinct) * 4 > len(values):
        return None
    table = {value: conv(value) for value in distinct}
    if not set(map(type, table.values())) <= _PLAIN:
        return None
    return list(map(table.__getitem__, values))


def convert(conv: Callable[[Any], Any], values: list[Any]) -> list[Any]:
    """``[conv(v) for v in values]`` (a new list): column-wise when ``conv`` has a column
    form, else each distinct string converted once when they repeat (converters are
    functions of the value alone, see :mod:`.getters`), else cell by cell."""
    columnwise = _COLUMNWISE.get(conv)
    if columnwise is not None:
        return columnwise(values)
    found = _by_distinct(conv, values)
    return found if found is not None else list(map(conv, values))
