"""Meta's generic record structures, read by label: ``label_values`` documents and
Instagram ``string_map_data`` records, indexed by canonical label (:mod:`.labels`)."""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter
from typing import Any

from privacy_audit.sources.meta.columns import texts, times
from privacy_audit.sources.meta.labels import label_keys
from privacy_audit.sources.meta.reader import Leaf, flatten_label_values, text


def label_values_of(data: Any) -> list[Any]:
    """The ``label_values`` items of a 2025+ document: at its root, under its one root
    key, or of every record of a list of records (concatenated); anything that is not a
    list of them gives none."""
    if isinstance(data, dict):
        if isinstance(data.get("label_values"), list):
            return data["label_values"]
        for value in data.values():
            if isinstance(value, dict) and isinstance(value.get("label_values"), list):
                return value["label_values"]
            if isinstance(value, list) and value and isinstance(value[0], dict):
                if "label_values" in value[0]:
                    return _concatenated(value)
    if isinstance(data, list):
        return _concatenated(data)
    return []


def _concatenated(records: list[Any]) -> list[Any]:
    """The ``label_values`` lists of ``records`` one after the other."""
    return [
        item
        for rec in records
        if isinstance(rec, dict) and isinstance(rec.get("label_values"), list)
        for item in rec["label_values"]
    ]


def record_map(record: Any) -> dict[str, Any]:
    """A record's ``string_map_data``, or its ``label_values`` seen as one."""
    if not isinstance(record, dict):
        return {}
    smd = record.get("string_map_data")
    if isinstance(smd, dict):
        return smd
    mapping: dict[str, Any] = {}
    for leaf in flatten_label_values(record.get("label_values") or []):
        mapping.setdefault(
            leaf.label, {"value": leaf.value, "href": leaf.href, "timestamp": leaf.ts or 0}
        )
    return mapping


_PLANS: dict[tuple[Any, ...], tuple[tuple[str, Any], ...]] = {}


def _plan(labels: tuple[Any, ...]) -> tuple[tuple[str, Any], ...]:
    """(canonical key, the first of ``labels`` meaning it) for a record's labels."""
    plan = _PLANS.get(labels)
    if plan is None:
        first: dict[str, Any] = {}
        for name in labels:
            if isinstance(name, str):
                for canonical in label_keys(name):
                    first.setdefault(canonical, name)
        plan = tuple(first.items())
        if len(_PLANS) < 4096:
            _PLANS[labels] = plan
    return plan


def smd_index(mapping: Any) -> dict[str, dict[str, Any]]:
    """Canonical key -> the first ``string_map_data`` entry (a dict) whose label means it.
    Records with the same labels share one lookup plan; when the entry a plan points at
    is not a dict, a later label meaning the same is looked for."""
    if not isinstance(mapping, dict):
        return {}
    labels = tuple(mapping)
    plan = _PLANS.get(labels)
    if plan is None:
        plan = _plan(labels)
    found = {canonical: entry for canonical, name in plan if type(entry := mapping[name]) is dict}
    if len(found) == len(plan):
        return found
    for name, entry in mapping.items():
        if isinstance(name, str) and isinstance(entry, dict):
            for canonical in label_keys(name):
                found.setdefault(canonical, entry)
    return found


def leaf_index(leaves: list[Leaf]) -> dict[str, Leaf]:
    """Canonical label -> the first leaf of a ``label_values`` record so labelled."""
    found: dict[str, Leaf] = {}
    for leaf in leaves:
        for canonical in label_keys(leaf.label):
            found.setdefault(canonical, leaf)
    return found


def _entry_columns(entries: list[Any], time: bool) -> list[Any]:
    """Per entry (a dict, or None when the record has no such field): its time
    (:func:`.reader.seconds`), or its value (text of ``value``, else of ``href``)."""
    if None in entries:  # read the present ones, put them back in place
        at = [i for i, e in enumerate(entries) if e is not None]
        out: list[Any] = [None] * len(entries)
        for i, value in zip(at, _entry_columns([entries[i] for i in at], time), strict=True):
            out[i] = value
        return out
    if time:
        return times(list(map(dict.get, entries, repeat("timestamp"))))
    values = texts(list(map(dict.get, entries, repeat("value"))))
    if None in values:
        for i, value in enumerate(values):
            if value is None:
                values[i] = text(entries[i].get("href"))
    return values


def _all_present(maps: list[dict[str, Any]], label: str, time: bool) -> list[Any] | None:
    """:func:`_entry_columns` of the entries under ``label`` in one pass over ``maps``
    when every map has a dict there (the usual case); None when one has not."""
    try:
        parts = list(
            map(dict.get, map(itemgetter(label), maps), repeat("timestamp" if time else "value"))
        )
    except (KeyError, TypeError):  # a map without the label, an entry that is not a dict
        return None
    if time:
        return times(parts)
    values = texts(parts)
    if None in values:
        for i, value in enumerate(values):
            if value is None:
                values[i] = text(maps[i][label].get("href"))
    return values


def _meanings(maps: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Canonical label -> the labels of any of ``maps`` that mean it."""
    meanings: dict[str, list[str]] = {}
    for name in set().union(*maps):
        if isinstance(name, str):
            for canonical in label_keys(name):
                meanings.setdefault(canonical, []).append(name)
    return meanings


def _maps_columns(maps: list[dict[str, Any]], wanted: list[tuple[str, bool]]) -> list[list[Any]]:
    """:func:`label_columns` of string_map_data ``maps`` (dicts). A canonical label that
    one label alone means in all of them is read column-wise: each map's entry is the
    dict under that label, or none (what :func:`smd_index` finds then); one that several
    labels mean is read map by map with :func:`smd_index`."""
    meanings = _meanings(maps)
    columns = []
    for name, time in wanted:
        labels = meanings.get(name)
        if labels is None:
            columns.append([None] * len(maps))
            continue
        if len(labels) == 1:
            read = _all_present(maps, labels[0], time)
            if read is not None:
                columns.append(read)
                continue
            entries = list(map(dict.get, maps, repeat(labels[0])))
            if set(map(type, entries)) != {dict}:
                entries = [e if type(e) is dict else None for e in entries]
        else:
            entries = [smd_index(m).get(name) for m in maps]
        columns.append(_entry_columns(entries, time))
    return columns


def label_columns(records: list[dict[str, Any]], wanted: list[tuple[str, bool]]) -> list[list[Any]]:
    """Per (canonical label, time) of ``wanted``, its column over the JSON ``records``:
    ``e = smd_index(string_map_data or record_map(record)).get(label)``, then
    ``seconds(e["timestamp"])`` with ``time``, else ``text(e["value"]) or
    text(e["href"])``; None where a record has no such field. Records with a
    string_map_data are read together, column by column; the others one by one."""
    maps: list[Any] = list(map(dict.get, records, repeat("string_map_data")))
    if set(map(type, maps)) <= {dict}:  # the usual case
        return _maps_columns(maps, wanted)
    rows = [i for i, smd in enumerate(maps) if type(smd) is dict]
    read = _maps_columns([maps[i] for i in rows], wanted)
    columns: list[list[Any]] = [[None] * len(records) for _ in wanted]
    for column, values in zip(columns, read, strict=True):
        for i, value in zip(rows, values, strict=True):
            column[i] = value
    for i, (record, smd) in enumerate(zip(records, maps, strict=True)):
        if type(smd) is not dict:
            entries = smd_index(record_map(record))
            for column, (name, time) in zip(columns, wanted, strict=True):
                column[i] = _entry_columns([entries.get(name)], time)[0]
    return columns
