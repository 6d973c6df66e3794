"""Where the records of a Meta file are: the locators and :class:`.spec.Each` of a
:class:`.spec.FileSpec`, applied to a parsed file (read by :mod:`.extract`)."""

from __future__ import annotations

from itertools import repeat
from typing import Any

from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta.html import leaf_records, page_records
from privacy_audit.sources.meta.items import dict_items, dig
from privacy_audit.sources.meta.labels import label_keys
from privacy_audit.sources.meta.reader import (
    Leaf,
    ShapeError,
    flatten_label_values,
    label_records,
    text,
)
from privacy_audit.sources.meta.records import label_values_of, leaf_index, record_map, smd_index

_DICT = frozenset((dict,))


class Found:
    """Records of one kind: ``dict`` (JSON records), ``map`` (string_map_data records),
    ``leaves`` (a label_values record: its leaves), ``leaf`` (one leaf) or ``html``;
    ``parents`` maps each to its record in ``up`` (for :class:`.spec.Each` items)."""

    def __init__(
        self,
        kind: str,
        raw: list[Any],
        up: Found | None = None,
        parents: list[int] | None = None,
        offset: float | None = None,
    ) -> None:
        self.kind = kind
        self.raw = raw
        self.up = up
        self.parents = parents
        self.offset = offset  # UTC offset of HTML times (hours)
        #: True when every record of ``up`` has exactly one record here, in order
        self.one_each = False
        #: True when an :class:`.spec.Each` ``where`` was applied while expanding
        self.filtered = False
        self._index: list[dict[str, Any]] | None = None
        #: the columns already computed, by getter (a getter is read once per file)
        self.columns: dict[sp.Getter, list[Any]] = {}

    def set_index(self, index: list[dict[str, Any]]) -> None:
        """The label index of every record, when it was built while reading them."""
        self._index = index

    def subset(self, rows: list[int]) -> Found:
        """The records at ``rows`` (with their parents and label indexes)."""
        part = Found(
            self.kind,
            [self.raw[i] for i in rows],
            self.up,
            [self.parents[i] for i in rows] if self.parents is not None else None,
            self.offset,
        )
        if self._index is not None:
            part._index = [self._index[i] for i in rows]
        return part

    def index(self) -> list[dict[str, Any]]:
        """Canonical label -> the first entry or leaf so labelled, per record."""
        if self._index is None:
            if self.kind in ("map", "dict"):  # a JSON record's fields: its map or labels
                self._index = [
                    smd_index(smd if type(smd := rec.get("string_map_data")) is dict else
                              record_map(rec))
                    for rec in self.raw
                ]  # fmt: skip
            elif self.kind == "leaves":
                self._index = [leaf_index(leaves) for leaves in self.raw]
            else:
                raise TypeError(f"labels are not read on {self.kind} records")
        return self._index


def _at(data: Any, paths: tuple[str, ...]) -> tuple[bool, Any]:
    """(found, value) for the first of dotted ``paths`` present in ``data``."""
    for path in paths:
        node, parts = data, path.split(".")
        for part in parts:
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
        else:
            return True, node
    return False, None


def _listed(data: Any, paths: tuple[str, ...]) -> list[Any] | None:
    """The list a :class:`.spec.Keyed` locator points at (None: not this shape)."""
    if isinstance(data, list):
        return data
    found, value = _at(data, paths)
    if not found:
        return None
    if isinstance(value, list):
        return value
    if value in (None, {}, ""):
        return []
    raise ShapeError(f"{_where(data, paths)} is not a list", where=_where(data, paths))


def _where(data: Any, paths: tuple[str, ...]) -> str:
    """The first of ``paths`` present in ``data``."""
    return next(p for p in paths if _at(data, (p,))[0])


def _one(data: Any, loc: sp.Keyed) -> list[Any] | None:
    """The records of a :class:`.spec.Keyed` locator with ``one`` or ``named``: the dict
    at its path (one record, or one per name; no path: the root), None when no path is
    there."""
    found, value = _at(data, loc.paths) if loc.paths else (True, data)
    if not found:
        return None
    if value in (None, {}, ""):
        return []
    if type(value) is not dict:
        if not loc.paths:
            raise ShapeError("the root is not a record")
        where = _where(data, loc.paths)
        raise ShapeError(f"{where} is not a record", where=where)
    if loc.named is None:
        return [value]
    name, inner = loc.named, loc.value
    if inner is None:
        return [{**v, name: k} if type(v) is dict else {name: k} for k, v in value.items()]
    return [{**v, name: k} if type(v) is dict else {name: k, inner: v} for k, v in value.items()]


def _dicts(items: list[Any], scalar: str | None) -> tuple[list[dict[str, Any]], int]:
    """The dict records among ``items`` (strings as ``{scalar: s}``), and how many were not."""
    if set(map(type, items)) <= _DICT:  # the usual case: nothing to skip
        return items, 0
    if scalar is None:
        kept: list[dict[str, Any]] = [x for x in items if type(x) is dict]
    else:
        kept = [x if type(x) is dict else {scalar: x} for x in items if type(x) in (dict, str)]
    return kept, len(items) - len(kept)


def locate(shape: sp.Shape, data: Any) -> tuple[Found, int] | None:
    """The records of ``shape`` in ``data`` and the number skipped (None: not this shape)."""
    loc = shape.records
    if isinstance(loc, sp.Keyed):
        items = _one(data, loc) if loc.one or loc.named else _listed(data, loc.paths)
        if items is None:
            return None
        records, bad = _dicts(items, loc.scalar)
        if shape.having:
            wanted = _keys(shape.having)
            records = [r for r in records if all(k in r for k in wanted)]
        if shape.lacking:
            unwanted = _keys(shape.lacking)
            records = [r for r in records if not any(k in r for k in unwanted)]
        return Found("dict", records), bad
    if isinstance(loc, sp.MapRecords):
        if (
            isinstance(data, dict)
            and "label_values" in data
            and not any(p in data for p in loc.paths)
        ):
            return Found("map", [data]), 0
        items = _listed(data, loc.paths)
        if items is None:
            return None
        records, bad = _dicts(items, None)
        return Found("map", records), bad
    if isinstance(loc, sp.LabelRecords):
        lvs = label_values_of(data)
        if not lvs:
            return None
        grouped = label_records(lvs)
        if not grouped and loc.whole:
            grouped = [list(flatten_label_values(lvs))]
        return Found("leaves", grouped), 0
    if isinstance(loc, sp.LabelLeaves):
        lvs = label_values_of(data)
        if not lvs:
            return None
        if loc.headings:
            leaves = _headings(lvs)
        elif loc.nested:
            leaves = _nested(lvs)
        else:
            leaves = list(flatten_label_values(lvs))
        if shape.having:
            leaves = [x for x in leaves if shape.having in label_keys(x.label)]
        if shape.lacking:
            leaves = [x for x in leaves if shape.lacking not in label_keys(x.label)]
        return Found("leaf", leaves), 0
    if isinstance(loc, sp.LabelDocument):
        lvs = label_values_of(data)
        return (Found("leaves", [list(flatten_label_values(lvs))]), 0) if lvs else None
    if isinstance(loc, sp.HtmlRecords):
        pages = leaf_records(data) if loc.innermost else page_records(data)
        if not pages:
            raise ShapeError("no records")
        return Found("html", pages, offset=loc.offset), 0
    if isinstance(loc, sp.RecordLocator):
        return loc.find(data)
    raise TypeError(f"unknown locator {loc!r}")


def _headings(items: list[Any]) -> list[Leaf]:
    """The top-level ``label_values`` items that hold a label and nothing else."""
    return [
        Leaf((str(x["label"]),))
        for x in items
        if isinstance(x, dict) and x.get("label") and len(x) == 1
    ]


def _nested(items: list[Any]) -> list[Leaf]:
    """The leaves inside the ``vec`` (else ``dict``) of each top-level item, their path
    starting with the item's label (or title; '' when it has none)."""
    leaves: list[Leaf] = []
    for group in items:
        if isinstance(group, dict):
            title = text(group.get("label")) or text(group.get("title")) or ""
            inner = group.get("vec") or group.get("dict") or []
            leaves.extend(
                Leaf((title, *leaf.path[1:]), leaf.value, leaf.href, leaf.ts)
                for leaf in flatten_label_values(inner, ("",))
            )
    return leaves


def _keys(keys: str | tuple[str, ...]) -> tuple[str, ...]:
    return (keys,) if isinstance(keys, str) else keys


def having_label(found: Found, name: str) -> Found:
    """The records of ``found`` (string_map_data or label_values) with a field labelled
    ``name``."""
    keep = [i for i, index in enumerate(found.index()) if name in index]
    return found if len(keep) == len(found.raw) else found.subset(keep)


def expand(found: Found, each: sp.Each) -> tuple[Found, int]:
    """One record per item of ``each`` in every record of ``found``, in record order, and
    the number of items skipped for their type (``where`` and ``or_one`` are applied by
    the extractor)."""
    items: list[Any] = []
    parents: list[int] = []
    bad = 0
    if each.label is not None:
        kind = "leaf"
        for i, leaves in enumerate(found.raw):
            mine = [x for x in leaves if x.value and each.label in label_keys(x.label)]
            items.extend(mine)
            parents.extend(repeat(i, len(mine)))
    elif each.label_records:
        kind = "leaves"
        path = tuple(each.label_records.split("."))
        for i, record in enumerate(found.raw):
            value = dig(record, path)
            if type(value) is list and value:
                mine = label_records(value)
                items.extend(mine)
                parents.extend(repeat(i, len(mine)))
    else:
        return _expand_dicts(found, each)
    return Found(kind, items, found, parents), bad


def _expand_dicts(found: Found, each: sp.Each) -> tuple[Found, int]:
    """:func:`expand` for the dicts (or strings) of a list inside JSON records; a
    ``where`` :func:`.spec.key` is read while each item is at hand, and kept as a column."""
    items: list[Any] = []
    parents: list[int] = []
    bad = 0
    path = tuple((each.key or "").split("."))
    name, scalar = path[0], each.scalar
    scalars = (str, int, float) if each.numbers else (str,)
    where = each.where if isinstance(each.where, sp.Key) else None
    fast = dict_items(found.raw, path, where)
    if fast is not None:  # every record has a list there, of dicts only
        result = Found("dict", fast[0], found, fast[1])
        if where is not None:
            result.columns[where] = fast[2]
            result.filtered = True
        return result, 0
    tests = [(p[0] if len(p) == 1 else None, p) for p in where.paths] if where else []
    conv = where.conv if where else None
    kept: list[Any] = []
    for i, record in enumerate(found.raw):
        value = record.get(name) if len(path) == 1 else dig(record, path)
        if type(value) is not list:
            continue
        for x in value:
            if type(x) is dict:
                item = x
            elif scalar is not None and type(x) in scalars:
                item = {scalar: x}
            else:
                bad += 1
                continue
            if conv is not None:
                test = None
                for key, key_path in tests:
                    test = conv(item.get(key) if key is not None else dig(item, key_path))
                    if test:
                        break
                if not test:
                    continue
                kept.append(test)
            items.append(item)
            parents.append(i)
    result = Found("dict", items, found, parents)
    if where is not None:
        result.columns[where] = kept
        result.filtered = True
    return result, bad


def one_at_least(
    items: list[Any], parents: list[int], n: int, empty: Any
) -> tuple[list[Any], list[int]]:
    """``items`` with ``empty`` inserted for each of the ``n`` records that has none."""
    out_items: list[Any] = []
    out_parents: list[int] = []
    j = 0
    for i in range(n):
        start = j
        while j < len(parents) and parents[j] == i:
            j += 1
        if j > start:
            out_items.extend(items[start:j])
            out_parents.extend(parents[start:j])
        else:
            out_items.append(empty)
            out_parents.append(i)
    return out_items, out_parents


def empty_item(kind: str) -> Any:
    """The item of an :class:`.spec.Each` row for a record without items."""
    return Leaf(()) if kind == "leaf" else [] if kind == "leaves" else {}
