"""The one extractor of Meta files: runs a :class:`.spec.FileSpec` on a parsed file.

Columns are built directly: the records of a file are found once, each getter of the
spec becomes one list over all of them (``dict.get`` mapped over the records for plain
keys), and the lists are added to the table as columns, with no dict or call chain per
row. A record of the wrong type (a number where records are dicts) is skipped and
counted in one warning per file; a root of another shape than every shape of the spec
raises :class:`.reader.ShapeError`, which the reader turns into a warning. Any other
exception is a bug in our code and is raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import Any

from privacy_audit.phones import is_email_address
from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta.columns import convert
from privacy_audit.sources.meta.identifiers import add_identifiers
from privacy_audit.sources.meta.items import dig
from privacy_audit.sources.meta.labels import label_keys
from privacy_audit.sources.meta.locate import (
    Found,
    empty_item,
    expand,
    having_label,
    locate,
    one_at_least,
)
from privacy_audit.sources.meta.reader import (
    Leaf,
    MetaReader,
    ShapeError,
    seconds,
    text,
)
from privacy_audit.sources.meta.records import label_columns, record_map


def _expand(found: Found, each: sp.Each) -> tuple[Found, int]:
    """One record per item of ``each`` in every record of ``found``: only items whose
    ``where`` is non-empty, and one empty item for a record without any with ``or_one``."""
    if each.cases:
        return _cases(found, each.cases), 0
    expanded, bad = expand(found, each)
    kind, items, parents = expanded.kind, expanded.raw, expanded.parents or []
    kept: list[Any] | None = None
    if expanded.filtered:
        kept = expanded.columns.get(each.where) if each.where is not None else None
    elif each.where is not None and items:
        keep = _column(each.where, Found(kind, items, found, parents))
        if all(keep):
            kept = keep
        else:
            items = [x for x, k in zip(items, keep, strict=True) if k]
            parents = [i for i, k in zip(parents, keep, strict=True) if k]
            kept = [k for k in keep if k]
    one_each = parents == list(range(len(found.raw)))
    if each.or_one and not one_each and len(set(parents)) < len(found.raw):
        items, parents = one_at_least(items, parents, len(found.raw), empty_item(kind))
        kept = None
        one_each = parents == list(range(len(found.raw)))
    result = Found(kind, items, found, parents)
    result.one_each = one_each
    if kept is not None and each.where is not None:
        result.columns[each.where] = kept  # read again as a column: not twice
    return result, bad


def _cases(found: Found, cases: tuple[sp.Getter, ...]) -> Found:
    """One leaf per non-empty value of ``cases`` on each record of ``found``, in record
    order then in the order of ``cases`` (see :class:`.spec.Each`)."""
    values = [_column(case, found) for case in cases]
    items: list[Leaf] = []
    parents: list[int] = []
    for i, row in enumerate(zip(*values, strict=True)):
        for value in row:
            if value:
                items.append(Leaf((), value))
                parents.append(i)
    result = Found("leaf", items, found, parents)
    result.one_each = parents == list(range(len(found.raw)))
    return result


def _column(getter: sp.Getter, found: Found) -> list[Any]:
    """The values of ``getter`` for every record of ``found`` (each getter read once)."""
    column = found.columns.get(getter)
    if column is None:
        column = found.columns[getter] = _read(getter, found)
    return column


def _read(getter: sp.Getter, found: Found) -> list[Any]:
    raw = found.raw
    if isinstance(getter, sp.Key):
        if found.kind not in ("dict", "map"):
            raise TypeError(f"key() is not read on {found.kind} records")
        alternatives = [sp.Key((path,), getter.conv) for path in getter.paths]
        return _firsts(alternatives, found) if len(alternatives) > 1 else _key(getter, raw)
    if isinstance(getter, sp.Label):
        return _label_column(getter, found)
    if isinstance(getter, sp.Title):
        if found.kind == "html":
            return [getter.conv(rec.title) for rec in raw]
        if found.kind in ("dict", "map"):
            return [getter.conv(rec.get("title")) for rec in raw]
        raise TypeError(f"title() is not read on {found.kind} records")
    if isinstance(getter, sp.Item):
        if found.kind == "dict" and not getter.time:  # a JSON record itself
            return list(map(getter.conv, raw))
        if found.kind != "leaf":
            raise TypeError(f"item() is read on leaves and JSON records, not {found.kind} ones")
        if getter.time:
            times = [leaf.ts for leaf in raw]
            return times if getter.conv is sp.RAW else list(map(getter.conv, times))
        return [getter.conv(leaf.value) for leaf in raw]
    if isinstance(getter, sp.Path):
        if found.kind != "leaf":
            raise TypeError(f"path() is read on leaves, not {found.kind} records")
        if getter.top:
            paths = [getter.prefix + (leaf.path[0] if leaf.path else "") for leaf in raw]
        else:
            paths = [getter.prefix + getter.sep.join(leaf.path) for leaf in raw]
        return paths if getter.conv is sp.RAW else list(map(getter.conv, paths))
    if isinstance(getter, sp.Parent):
        if found.up is None or found.parents is None:
            raise TypeError("parent() outside an Each")
        above = _column(getter.getter, found.up)
        if found.one_each:
            return above
        return list(map(above.__getitem__, found.parents))
    if isinstance(getter, sp.First):
        return _firsts(list(getter.getters), found)
    if isinstance(getter, sp.Join):
        parts = [_column(g, found) for g in getter.getters]
        sep, once = getter.sep, getter.distinct
        if len(parts) == 2:  # the usual case (first and last name), without a list per row
            return [
                (a if once and a == b else a + sep + b) if a and b else (a or b or None)
                for a, b in zip(*parts, strict=True)
            ]
        return [
            sep.join(dict.fromkeys(v for v in row if v) if once else [v for v in row if v]) or None
            for row in zip(*parts, strict=True)
        ]
    if isinstance(getter, sp.Const):
        return [getter.value] * len(raw)
    if isinstance(getter, sp.ColumnGetter):
        return getter.column(found, _column)
    raise TypeError(f"unknown getter {getter!r}")


def _key(getter: sp.Key, raw: list[Any]) -> list[Any]:
    """One path of a :func:`.spec.key` over dict records."""
    (path,) = getter.paths
    if len(path) == 1:
        return convert(getter.conv, list(map(dict.get, raw, repeat(path[0]))))
    return convert(getter.conv, [dig(rec, path) for rec in raw])


def _firsts(getters: Sequence[sp.Getter], found: Found) -> list[Any]:
    """Per row, the first non-empty value of ``getters`` (else the last one's); a getter
    is read only for the rows the ones before it left empty."""
    result = _column(getters[0], found)
    for getter in getters[1:]:
        if all(result):  # nothing left to find (one C-level pass)
            break
        missing = [i for i, value in enumerate(result) if not value]
        if isinstance(getter, sp.Const):  # a default: no need to read anything
            result = [value if value else getter.value for value in result]
            continue
        values = _column(getter, found.subset(missing)) if len(missing) < len(result) else None
        if values is None:
            result = _column(getter, found)
            continue
        result = list(result)
        for i, value in zip(missing, values, strict=True):
            result[i] = value
    return result


def _label_column(getter: sp.Label, found: Found) -> list[Any]:
    name, conv = getter.name, getter.conv
    if found.kind == "html":
        if getter.time:
            return [rec.time(name, found.offset) for rec in found.raw]
        values = [rec.get(name) for rec in found.raw]
        return values if conv is sp.RAW else list(map(conv, values))
    if name == "*" and found.kind in ("dict", "map") and not getter.time:
        return [_first_field(rec, getter) for rec in found.raw]
    if name == "*":  # the first time (or converted value) of any field
        if found.kind != "leaves":
            raise TypeError('label("*") is read on label_values records')
        if getter.time:
            return [next((x.ts for x in leaves if x.ts), None) for leaves in found.raw]
        return [next(filter(None, (conv(x.value or x.href) for x in leaves)), None)
                for leaves in found.raw]  # fmt: skip
    if found.kind == "leaf":
        return [_leaf_part(leaf, getter) if name in label_keys(leaf.label) else None
                for leaf in found.raw]  # fmt: skip
    if found.kind in ("map", "dict"):
        index = found.index()
        if getter.time:
            return [seconds(e.get("timestamp")) if (e := ix.get(name)) else None for ix in index]
        values = [
            (text(e.get("value")) or text(e.get("href"))) if (e := ix.get(name)) else None
            for ix in index
        ]
        return values if conv is sp.RAW else list(map(conv, values))
    leaves = [ix.get(name) for ix in found.index()]
    return [_leaf_part(leaf, getter) if leaf else None for leaf in leaves]


def _first_field(record: dict[str, Any], getter: sp.Label) -> Any:
    """The first field of a JSON record's string_map_data (or label_values) not labelled
    ``getter.other_than`` whose value (else href) converts to something non-empty."""
    unwanted = getter.other_than
    for name, entry in record_map(record).items():
        if type(entry) is not dict or (unwanted and unwanted in label_keys(str(name))):
            continue
        value = getter.conv(text(entry.get("value")) or text(entry.get("href")))
        if value:
            return value
    return None


def _labels(getters: Iterable[sp.Getter]) -> list[sp.Label]:
    """The label getters among ``getters`` read on the records themselves (not parents)."""
    found: list[sp.Label] = []
    for getter in getters:
        if isinstance(getter, sp.Label) and getter.name != "*":
            found.append(getter)
        elif isinstance(getter, (sp.First, sp.Join)):
            found.extend(_labels(getter.getters))
    return list(dict.fromkeys(found))


def _map_labels(found: Found, labels: list[sp.Label]) -> None:
    """Read every label of ``labels`` on string_map_data records, column by column
    (:func:`.records.label_columns`)."""
    if not labels or found.columns:
        return
    wanted = [(label.name, label.time) for label in labels]
    for label, column in zip(labels, label_columns(found.raw, wanted), strict=True):
        found.columns[label] = column if label.conv is sp.RAW else convert(label.conv, column)


def _leaf_part(leaf: Leaf, getter: sp.Label) -> Any:
    return leaf.ts if getter.time else getter.conv(leaf.value or leaf.href)


def _shapes(spec: sp.FileSpec, data: Any) -> Iterator[tuple[sp.Shape, Found, int]]:
    matched = False
    for shape in spec.shapes:
        located = locate(shape, data)
        if located is None:
            continue
        matched = True
        yield shape, *located
        if not spec.every_shape:
            return
    if not matched:
        raise ShapeError("unexpected root")


def read_file(spec: sp.FileSpec, r: MetaReader, data: Any, m: Member) -> None:
    """Add the rows ``spec`` (and its ``also`` specs) reads in ``data`` (the parsed
    ``m``) to ``r``'s sink."""
    bad: dict[Any, int] = {}  # records skipped, per list they are in (counted once)
    for one in (spec, *spec.also):
        _read_spec(one, r, data, m, bad)
    skipped = sum(bad.values())
    if skipped:
        message = r.ctx.tr.ngettext(
            "{n} record of {file} is not of the expected type and was skipped.",
            "{n} records of {file} are not of the expected type and were skipped.",
            skipped,
        )
        r.sink.warn(message.format(n=skipped, file=m.name))


def _read_spec(spec: sp.FileSpec, r: MetaReader, data: Any, m: Member, bad: dict[Any, int]) -> None:
    """Add the rows of one table; ``bad``: the records skipped for their type, by where
    they are (shapes and tables reading the same list count its records once)."""
    for shape, found, skipped in _shapes(spec, data):
        where: Any = _hashable(shape.records)
        bad[where] = max(bad.get(where, 0), skipped)
        if shape.having and found.kind in ("map", "leaves") and isinstance(shape.having, str):
            found = having_label(found, shape.having)
        if shape.each is not None:
            found, skipped = _expand(found, shape.each)
            where = (where, _hashable(shape.each))
            bad[where] = max(bad.get(where, 0), skipped)
        getters = list(shape.columns.values())
        if found.kind == "map":
            _map_labels(found, _labels(getters))
        columns = {name: _column(getter, found) for name, getter in shape.columns.items()}
        _add(spec, shape, r, m, len(found.raw), columns)


def _hashable(part: Any) -> Any:
    """``part`` as a key of a dict (itself, or its identity when it cannot be hashed)."""
    try:
        hash(part)
    except TypeError:
        return id(part)
    return part


def _add(
    spec: sp.FileSpec, shape: sp.Shape, r: MetaReader, m: Member, n: int, columns: dict[str, Any]
) -> None:
    needed = [_any(columns, c) if isinstance(c, tuple) else columns[c] for c in shape.require]
    keep = [all(row) for row in zip(*needed, strict=True)] if needed else []
    if keep and not all(keep):
        columns = {c: [v for v, k in zip(vs, keep, strict=True) if k] for c, vs in columns.items()}
        n = sum(keep)
    for hidden in [c for c in columns if c.startswith("_")]:
        del columns[hidden]  # read for ``require`` only
    if spec.contact_point:
        columns["phone_raw"], columns["email"] = _split_points(columns.pop(spec.contact_point))
    if spec.identifiers:
        add_identifiers(r, m, n, columns, spec.const, first_kind=shape.first_kind)
        return
    r.add_columns(spec.table, m, n, **spec.const, **columns)


def _split_points(points: list[Any]) -> tuple[list[Any], list[Any]]:
    """(phone_raw, email) of contact points: an e-mail address goes to ``email``, any
    other point to ``phone_raw``; points without an ``@`` at all are all phone_raw."""
    if set(map(type, points)) <= {str, type(None)} and "@" not in "\n".join(filter(None, points)):
        return list(points), [None] * len(points)
    emails = [type(p) is str and "@" in p and is_email_address(p) for p in points]
    return (
        [None if e else p for p, e in zip(points, emails, strict=True)],
        [p if e else None for p, e in zip(points, emails, strict=True)],
    )


def _any(columns: dict[str, list[Any]], names: tuple[str, ...]) -> list[bool]:
    """Per row, whether any of the columns ``names`` is non-empty."""
    return [any(row) for row in zip(*(columns[c] for c in names), strict=True)]
