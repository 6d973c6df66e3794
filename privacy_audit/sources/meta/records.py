"""Meta's generic record structures, read by label: ``label_values`` documents and
Instagram ``string_map_data`` records, indexed by canonical label (:mod:`.labels`)."""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.meta.labels import label_keys
from privacy_audit.sources.meta.reader import Leaf, flatten_label_values


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
