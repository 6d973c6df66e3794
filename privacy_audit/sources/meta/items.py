"""The dict items of the lists inside JSON records, taken column-wise (the usual case of
an :class:`.spec.Each` over a key, read by :func:`.locate.expand`)."""

from __future__ import annotations

from itertools import chain, repeat
from typing import Any

from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta.columns import convert


def dig(record: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` (keys) in ``record``; None where a step is not a dict."""
    for part in path:
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


def _values(items: list[dict[str, Any]], path: tuple[str, ...], conv: sp.Conv) -> list[Any]:
    """``conv`` of the value at ``path`` in each of ``items``."""
    if len(path) == 1:
        return convert(conv, list(map(dict.get, items, repeat(path[0]))))
    return convert(conv, [dig(item, path) for item in items])


def _where(items: list[dict[str, Any]], where: sp.Key) -> list[Any]:
    """Per item, the first of ``where``'s paths whose value converts to something
    non-empty (else the last one's, empty)."""
    paths = [(p[0] if len(p) == 1 else None, p) for p in where.paths]
    found = _values(items, paths[0][1], where.conv)
    for _, path in paths[1:]:
        if all(found):
            break
        missing = [i for i, value in enumerate(found) if not value]
        for i, value in zip(missing, _values([items[i] for i in missing], path, where.conv),
                            strict=True):  # fmt: skip
            found[i] = value
    return found


def dict_items(
    records: list[dict[str, Any]], path: tuple[str, ...], where: sp.Key | None
) -> tuple[list[dict[str, Any]], list[int], list[Any]] | None:
    """(items, the index of each one's record, ``where`` of each) for the lists at
    ``path`` in ``records`` when every record has a list there and every item is a dict;
    only items whose ``where`` is non-empty are kept (all when ``where`` is None, then
    the last list is empty). None for any other case: the caller reads item by item."""
    lists: list[Any] = (
        list(map(dict.get, records, repeat(path[0])))
        if len(path) == 1
        else [dig(record, path) for record in records]
    )
    if set(map(type, lists)) != {list}:
        return None
    items: list[Any] = list(chain.from_iterable(lists))
    if not set(map(type, items)) <= {dict}:
        return None
    parents = list(chain.from_iterable(map(repeat, range(len(lists)), map(len, lists))))
    if where is None:
        return items, parents, []
    tests = _where(items, where)
    if all(tests):
        return items, parents, tests
    keep = [i for i, test in enumerate(tests) if test]
    return [items[i] for i in keep], [parents[i] for i in keep], [tests[i] for i in keep]
