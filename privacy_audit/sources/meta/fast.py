"""The fast path of the Meta importers for big files: rows added as columns.

:func:`add_fast` adds the columns an extractor builds with list comprehensions (no dict
and no call chain per row) and falls back to the same rows one by one when the file has
an unexpected shape, so the rows and warnings stay exactly those of the per-row path.
:func:`smd_index` reads a ``string_map_data`` record for all its labels in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.labels import label_keys
from privacy_audit.sources.meta.reader import EXTRACT_ERRORS, MetaReader, seconds, text


def add_fast(
    r: MetaReader,
    table: str,
    m: Member,
    columns: Callable[[], tuple[int, dict[str, Any]]],
    rows: Callable[[], None],
) -> None:
    """Add the rows ``columns()`` gives as columns (the fast path of a big file); when it
    raises, run ``rows()`` (the same rows one by one) instead, so that a file of an odd
    shape keeps exactly the rows read before the failure, then raises the same error."""
    try:
        n, values = columns()
    except EXTRACT_ERRORS:
        rows()
        return
    r.add_columns(table, m, n, **values)


_STR = frozenset((str,))
_DICT = frozenset((dict,))
_PLANS: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}


def _plan(labels: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(canonical key, the first of ``labels`` meaning it) for a record's labels."""
    plan = _PLANS.get(labels)
    if plan is None:
        first: dict[str, str] = {}
        for label in labels:
            for key in label_keys(label):
                first.setdefault(key, label)
        plan = tuple(first.items())
        if len(_PLANS) < 4096:
            _PLANS[labels] = plan
    return plan


def smd_index(mapping: Any) -> dict[str, dict[str, Any]]:
    """Canonical key -> the entry :func:`smd_entry` gives for it, in one pass (for records
    read for several keys). Records with the same labels share one lookup plan."""
    if not isinstance(mapping, dict):
        return {}
    labels = tuple(mapping)
    if set(map(type, labels)) <= _STR and set(map(type, mapping.values())) <= _DICT:
        return {key: mapping[label] for key, label in _plan(labels)}
    found: dict[str, dict[str, Any]] = {}
    for label, entry in mapping.items():
        if isinstance(label, str) and isinstance(entry, dict):
            for key in label_keys(label):
                if key not in found:
                    found[key] = entry
    return found


def entry_value(entry: dict[str, Any] | None) -> str | None:
    """What :func:`smd_get` gives for ``entry``."""
    return (text(entry.get("value")) or text(entry.get("href"))) if entry else None


def entry_time(entry: dict[str, Any] | None) -> int | None:
    """What :func:`smd_time` gives for ``entry``."""
    return seconds(entry.get("timestamp")) if entry else None
