"""HTML words of the field-spec language (:mod:`.spec`): locators and getters for the
records of Meta's HTML pages (:mod:`.html`), run by the one extractor (:mod:`.extract`).

Records of a page are read with :class:`.spec.HtmlRecords` (one row per record, fields
by :func:`.spec.label`); the locators here give other rows:

- :class:`HtmlFields`: one row per label/value field of the records (profile, settings,
  advertisers, contact points), the record a field belongs to read with
  :func:`.spec.parent`;
- :class:`HtmlLabelled`: one row per canonical label a record has (settings named by
  label: "Contact syncing", "Two-factor authentication", any language).

Getters of a field row: :func:`field_label`, :func:`setting_key`, :func:`value_or_label`,
:func:`field_shaped`, :func:`field_labelled`; of a record row: :func:`shaped`,
:func:`all_shaped`, :func:`first_value`, :func:`link_name`, :func:`field_time`,
:func:`joined_labels`; of either: :func:`convert` (a converter over another getter's
value). Converters of HTML cells: :data:`NON_EMPTY`, :data:`ON_OFF_OR_AS_WRITTEN`. Like
every getter they never raise on data: a page without records is a
:class:`.reader.ShapeError`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from privacy_audit.sources.meta import spec as sp
from privacy_audit.sources.meta.html import HtmlRecord, is_shaped, leaf_records, page_records
from privacy_audit.sources.meta.labels import is_label, label_keys, norm_label, on_off
from privacy_audit.sources.meta.locate import Found
from privacy_audit.sources.meta.reader import Leaf, ShapeError

#: reads another getter's column (the ``read`` given to :meth:`.spec.ColumnGetter.column`)
Read = Callable[[sp.Getter, Found], list[Any]]


def _non_empty(value: Any) -> Any:
    return value or None


def _on_off_or_as_written(value: Any) -> Any:
    return on_off(value) or value


#: the value as written, None when empty (an HTML cell without text)
NON_EMPTY: sp.Conv = _non_empty
#: ``on`` / ``off`` for a boolean-like value in any language, else the value as written
ON_OFF_OR_AS_WRITTEN: sp.Conv = _on_off_or_as_written


def _records(innermost: bool, data: Any) -> list[HtmlRecord]:
    records = leaf_records(data) if innermost else page_records(data)
    if not records:
        raise ShapeError("no records")
    return records


def _kind(found: Found, kind: str, getter: str) -> list[Any]:
    if found.kind != kind:
        raise TypeError(f"{getter}() is read on {kind} records, not {found.kind}")
    return found.raw


# -- locators -------------------------------------------------------------------------
@dataclass(frozen=True)
class HtmlFields(sp.RecordLocator):
    """One row per label/value field of the records of an HTML page (a field is a
    :class:`.reader.Leaf`: read with :func:`.spec.item`, :func:`.spec.label`,
    :func:`field_label`...; its record with :func:`.spec.parent`).

    ``offset``: UTC offset (hours) of the page's times; ``innermost``: the innermost
    records (:func:`.html.leaf_records`); ``label``: only fields with a value whose
    label means this canonical key; ``shape``: only fields whose value is written so
    (:func:`.html.is_shaped`); ``or_title``: a record without fields is the one field
    (its title, ""); ``or_one``: a record without (kept) fields still gives one empty
    row."""

    offset: float | None = None
    innermost: bool = False
    label: str | None = None
    shape: str | None = None
    or_title: bool = False
    or_one: bool = False

    def find(self, data: Any) -> tuple[Found, int]:
        """The fields of the page's records (a page without records: ShapeError)."""
        records = _records(self.innermost, data)
        fields: list[Leaf] = []
        parents: list[int] = []
        name, shape = self.label, self.shape
        for i, record in enumerate(records):
            pairs = record.fields
            if not pairs and self.or_title:
                pairs = [(record.title, "")]
            kept = [
                Leaf((label,), value)
                for label, value in pairs
                if (name is None or (value and name in label_keys(label)))
                and (shape is None or is_shaped(value, shape))
            ]
            if not kept and self.or_one:
                kept = [Leaf(())]
            fields.extend(kept)
            parents.extend([i] * len(kept))
        up = Found("html", records, offset=self.offset)
        return Found("leaf", fields, up, parents, self.offset), 0


@dataclass(frozen=True)
class HtmlLabelled(sp.RecordLocator):
    """One row per canonical label of ``keys`` (in that order) each record of an HTML
    page has with a value: a field whose label is that key (:func:`field_label`) and
    whose value is the record's first value so labelled."""

    keys: tuple[str, ...]
    offset: float | None = None

    def find(self, data: Any) -> tuple[Found, int]:
        """The labelled values of the page's records (a page without records: ShapeError)."""
        records = _records(False, data)
        fields: list[Leaf] = []
        parents: list[int] = []
        for i, record in enumerate(records):
            for key in self.keys:
                value = record.get(key)
                if value:
                    fields.append(Leaf((key,), value))
                    parents.append(i)
        up = Found("html", records, offset=self.offset)
        return Found("leaf", fields, up, parents, self.offset), 0


# -- getters of a field ---------------------------------------------------------------
@dataclass(frozen=True)
class FieldLabel(sp.ColumnGetter):
    """The label of each field, as written."""

    def column(self, found: Found, read: Read) -> list[Any]:
        """The labels."""
        return [leaf.label for leaf in _kind(found, "leaf", "field_label")]


@dataclass(frozen=True)
class SettingKey(sp.ColumnGetter):
    """A setting named by its label: the first canonical key of ``keys`` the label
    means, else ``prefix`` and the label as written (None for a field without label)."""

    prefix: str
    keys: tuple[str, ...] = ()

    def column(self, found: Found, read: Read) -> list[Any]:
        """The setting keys."""
        keys, prefix = self.keys, self.prefix
        result = []
        for leaf in _kind(found, "leaf", "setting_key"):
            label = leaf.label
            named = next((key for key in keys if is_label(label, key)), None)
            result.append(named or (prefix + label if label else None))
        return result


@dataclass(frozen=True)
class ValueOrLabel(sp.ColumnGetter):
    """A field's value, else its label unless the label is its record's title (an entry
    written as a label alone, as advertiser lists are)."""

    def column(self, found: Found, read: Read) -> list[Any]:
        """The values."""
        titles = read(sp.parent(sp.title(sp.RAW)), found)
        fields = _kind(found, "leaf", "value_or_label")
        return [
            leaf.value or (None if leaf.label == title else leaf.label)
            for leaf, title in zip(fields, titles, strict=True)
        ]


@dataclass(frozen=True)
class FieldWhere(sp.ColumnGetter):
    """A field's value when it is written as ``shape`` (any, when None) and
    ``label_test`` (when given) accepts the field's label, else None."""

    shape: str | None
    label_test: Callable[[str], bool] | None = None

    def column(self, found: Found, read: Read) -> list[Any]:
        """The values that pass."""
        shape, test = self.shape, self.label_test
        return [
            leaf.value
            if (shape is None or is_shaped(leaf.value, shape))
            and (test is None or test(leaf.label))
            else None
            for leaf in _kind(found, "leaf", "field_where")
        ]


# -- getters of a record --------------------------------------------------------------
@dataclass(frozen=True)
class Shaped(sp.ColumnGetter):
    """The first value of a record written as ``shape`` (``email``, ``phone``,
    ``contact`` for either, ``ip``); with ``every``: the list of all of them."""

    shape: str
    every: bool = False

    def column(self, found: Found, read: Read) -> list[Any]:
        """The shaped values."""
        shape = self.shape
        records = _kind(found, "html", "shaped")
        if self.every:
            return [[v for v in rec.values() if is_shaped(v, shape)] for rec in records]
        return [next((v for v in rec.values() if is_shaped(v, shape)), None) for rec in records]


@dataclass(frozen=True)
class FirstValue(sp.ColumnGetter):
    """The first value of a record (whatever its label)."""

    def column(self, found: Found, read: Read) -> list[Any]:
        """The first values."""
        return [next(iter(rec.values()), None) for rec in _kind(found, "html", "first_value")]


@dataclass(frozen=True)
class LinkName(sp.ColumnGetter):
    """The last part of a record's first link (``…/instagram.com/name/`` -> ``name``)."""

    def column(self, found: Found, read: Read) -> list[Any]:
        """The names of the links."""
        return [
            rec.links[0].rstrip("/").rsplit("/", 1)[-1] if rec.links else None
            for rec in _kind(found, "html", "link_name")
        ]


@dataclass(frozen=True)
class FieldTime(sp.ColumnGetter):
    """The time of a record's field labelled ``name`` (its date, else the record's
    footer date); None for a record without that field (no footer fallback then)."""

    name: str

    def column(self, found: Found, read: Read) -> list[Any]:
        """The times."""
        name, offset = self.name, found.offset
        return [
            rec.time(name, offset) if rec.get(name) else None
            for rec in _kind(found, "html", "field_time")
        ]


@dataclass(frozen=True)
class JoinedLabels(sp.ColumnGetter):
    """The values of every field of a record whose label is one of ``words`` (as
    written, case-insensitive) or means one of the canonical ``keys``, joined with
    ``sep`` (None when there is none)."""

    words: tuple[str, ...]
    keys: tuple[str, ...] = ()
    sep: str = ", "

    def column(self, found: Found, read: Read) -> list[Any]:
        """The joined values."""
        words, keys = self.words, self.keys
        return [
            self.sep.join(
                v
                for label, v in rec.fields
                if norm_label(label) in words or any(is_label(label, k) for k in keys)
            )
            or None
            for rec in _kind(found, "html", "joined_labels")
        ]


@dataclass(frozen=True)
class Convert(sp.ColumnGetter):
    """``conv`` over the values of ``getter`` (a converter never raises)."""

    getter: sp.Getter
    conv: sp.Conv

    def column(self, found: Found, read: Read) -> list[Any]:
        """The converted values."""
        return list(map(self.conv, read(self.getter, found)))


def field_label() -> FieldLabel:
    """The label of a field row, as written."""
    return FieldLabel()


def setting_key(prefix: str, *keys: str) -> SettingKey:
    """A setting named by a field's label: a canonical key of ``keys``, else ``prefix``
    and the label as written."""
    return SettingKey(prefix, keys)


def value_or_label() -> ValueOrLabel:
    """A field's value, else its label (unless that is its record's title)."""
    return ValueOrLabel()


def field_shaped(shape: str, label_test: Callable[[str], bool] | None = None) -> FieldWhere:
    """A field's value when written as ``shape`` (and its label passes ``label_test``)."""
    return FieldWhere(shape, label_test)


def field_labelled(label_test: Callable[[str], bool]) -> FieldWhere:
    """A field's value when ``label_test`` accepts its label (as written)."""
    return FieldWhere(None, label_test)


def shaped(shape: str) -> Shaped:
    """The first value of a record written as ``shape``."""
    return Shaped(shape)


def all_shaped(shape: str) -> Shaped:
    """Every value of a record written as ``shape`` (a list)."""
    return Shaped(shape, every=True)


def first_value() -> FirstValue:
    """The first value of a record."""
    return FirstValue()


def link_name() -> LinkName:
    """The last part of a record's first link."""
    return LinkName()


def field_time(name: str) -> FieldTime:
    """The time of the field labelled ``name``; None without that field."""
    return FieldTime(name)


def joined_labels(*words: str, keys: tuple[str, ...] = (), sep: str = ", ") -> JoinedLabels:
    """The values of the fields labelled one of ``words`` (or meaning one of ``keys``)."""
    return JoinedLabels(words, keys, sep)


def convert(getter: sp.Getter, conv: sp.Conv) -> Convert:
    """``conv`` over the values of ``getter``."""
    return Convert(getter, conv)
