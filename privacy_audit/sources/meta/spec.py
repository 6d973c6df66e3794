"""The field-spec language: a Meta file described as data, read by :mod:`.extract`.

A :class:`FileSpec` says which table a file fills and, for each shape the file may have
(:class:`Shape`, tried in order), where its records are (a *locator*), which rows a
record gives (:class:`Each`, optional) and where each column's value is (a *getter*)::

    FileSpec(
        "contacts",
        Shape(Keyed("friends_v2", "friends", scalar="name"),
              {"name": key("name", "title"), "created_at": key("timestamp", conv=TIME)}),
        Shape(LabelLeaves(), {"name": item(), "created_at": item_time()}, require=("name",)),
        const={"origin": "friends"},
    )

Locators: :class:`Keyed` (lists under root keys, dotted paths allowed; or the one
record, or the records by name, in a dict there), :class:`MapRecords` (Instagram
``string_map_data`` records), :class:`LabelRecords` (each ``dict`` of a ``vec`` in
``label_values``), :class:`LabelLeaves` (each leaf, or each heading, of ``label_values``),
:class:`LabelDocument` (all of a ``label_values`` document as one record) and
:class:`HtmlRecords` (the ``_a6-g`` records of an HTML page, label/value cells).

Getters and converters are in :mod:`.getters` (re-exported here): :func:`key` (dict
keys), :func:`label` / :func:`label_time` (a field by its canonical label in
:mod:`.labels`, any language: label_values, string_map_data and HTML), :func:`title`,
:func:`item` / :func:`item_time` (a scalar record or leaf; :func:`item` on a JSON
record is the record itself), :func:`path` (a leaf's
labels), :func:`parent` (the record an :class:`Each` item belongs to), :func:`first`
(the first non-empty of several), :func:`join` and :func:`const`. Every converter
(``conv``) must accept any JSON value and return None for what it does not understand
(:data:`TEXT`, :data:`TIME`, :data:`LOGIN_KIND`, :data:`SERVICE` ...; :func:`in_items`
reads a list of items, such as a phone number's calls): a value of the
wrong type is never an error, and a record of the wrong type is skipped and counted in
one warning.

A file that fills several tables is one :class:`FileSpec` with the others in ``also``;
the user's own identifiers are a :func:`identifiers` spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from privacy_audit.sources.meta.getters import (
    EMAIL,
    LOGIN_KIND,
    META_SERVICE,
    ON_OFF,
    PHONE,
    RAW,
    SERVICE,
    TEXT,
    TIME,
    ColumnGetter,
    Const,
    Conv,
    First,
    Getter,
    Item,
    Join,
    Key,
    Label,
    Parent,
    Path,
    Title,
    const,
    first,
    in_items,
    item,
    item_time,
    join,
    key,
    label,
    label_time,
    parent,
    path,
    title,
)

__all__ = [
    "EMAIL",
    "LOGIN_KIND",
    "META_SERVICE",
    "ON_OFF",
    "PHONE",
    "RAW",
    "SERVICE",
    "TEXT",
    "TIME",
    "ColumnGetter",
    "Const",
    "Conv",
    "Each",
    "FileSpec",
    "First",
    "Getter",
    "HtmlRecords",
    "Item",
    "Join",
    "Key",
    "Keyed",
    "Label",
    "LabelDocument",
    "LabelLeaves",
    "LabelRecords",
    "Locator",
    "MapRecords",
    "Parent",
    "Path",
    "RecordLocator",
    "Shape",
    "Title",
    "const",
    "first",
    "identifiers",
    "in_items",
    "item",
    "item_time",
    "join",
    "key",
    "label",
    "label_time",
    "parent",
    "path",
    "title",
]


# -- locators -------------------------------------------------------------------------
@dataclass(frozen=True)
class Keyed:
    """JSON records in the list under the first of ``paths`` present (dotted paths; a
    root that is a list is the list). The file does not have this shape when no path is
    there; a path holding something else than a list (or an empty value) is an
    unexpected structure. ``scalar``: a string item is the record ``{scalar: item}``.
    ``one``: the dict under the path is one record (``profile_v2``; without ``paths``,
    the root itself). ``named``: the dict under the path maps names to records; each is
    read with its name under ``named`` (a value that is not a dict is the record
    ``{named: name}``, or ``{named: name, value: the value}`` when ``value`` is given:
    a phone number -> its list of calls)."""

    paths: tuple[str, ...]
    scalar: str | None = None
    one: bool = False
    named: str | None = None
    value: str | None = None

    def __init__(
        self,
        *paths: str,
        scalar: str | None = None,
        one: bool = False,
        named: str | None = None,
        value: str | None = None,
    ) -> None:
        object.__setattr__(self, "paths", paths)
        object.__setattr__(self, "scalar", scalar)
        object.__setattr__(self, "one", one)
        object.__setattr__(self, "named", named)
        object.__setattr__(self, "value", value)


@dataclass(frozen=True)
class MapRecords:
    """Instagram records with ``string_map_data`` (or ``label_values`` read the same way),
    in the list under the first of ``paths``; a root with ``label_values`` is one record.
    :func:`label` reads the ``string_map_data`` entries; :func:`key` the record itself."""

    paths: tuple[str, ...]

    def __init__(self, *paths: str) -> None:
        object.__setattr__(self, "paths", paths)


@dataclass(frozen=True)
class LabelRecords:
    """2025+ ``label_values`` documents: each ``dict`` under a ``vec`` is one record, and
    so is an item's own ``dict``; :func:`label` reads the record's leaves. ``whole``: a
    document without such records is one record of all its leaves (a batch time next to
    a ``vec`` of plain values, read with :class:`Each` ``label=``)."""

    whole: bool = False


@dataclass(frozen=True)
class LabelLeaves:
    """2025+ ``label_values`` documents read leaf by leaf: every leaf (value, href, time)
    is one record, read with :func:`item` / :func:`item_time` / :func:`label` /
    :func:`path`. ``headings``: instead, each top-level item that holds a label and
    nothing else (a heading without value) is one leaf. ``nested``: instead, the leaves
    inside the ``vec`` (else ``dict``) of each top-level item, whose :func:`path` starts
    with that item's label ('' when it has none): lists titled by what they hold."""

    headings: bool = False
    nested: bool = False


@dataclass(frozen=True)
class LabelDocument:
    """2025+ ``label_values`` documents read whole: all the leaves are one record."""


@dataclass(frozen=True)
class HtmlRecords:
    """The records of an HTML page (:func:`.html.page_records`): label/value cells, read
    with :func:`label`; times of the page taken at UTC ``offset`` hours (None: UTC).
    ``innermost``: the innermost records holding table rows (:func:`.html.leaf_records`:
    2025+ pages nest one record per ``vec`` item inside a section per file)."""

    offset: float | None = None
    innermost: bool = False


class RecordLocator:
    """A locator defined outside this module (e.g. :mod:`.spec_html`): ``find(data)``
    returns the records found (a :class:`.locate.Found`) and how many were skipped for
    their type, or None when ``data`` does not have this shape; it raises
    :class:`.reader.ShapeError` for an unexpected structure, nothing else."""

    def find(self, data: Any) -> tuple[Any, int] | None:
        """The records of ``data`` (None: not this shape)."""
        raise NotImplementedError


Locator = (
    Keyed | MapRecords | LabelRecords | LabelLeaves | LabelDocument | HtmlRecords | RecordLocator
)


@dataclass(frozen=True)
class Each:
    """One row per item of a list inside each record, instead of one row per record.

    ``key``: the list under this key of a JSON record (dotted path); items that are
    dicts are read with :func:`key`, string items become ``{scalar: item}`` (and so do
    numbers, with ``numbers``).
    ``label``: the leaves of a ``label_values`` record labelled so (read with :func:`item`).
    ``label_records``: the :class:`LabelRecords` of the ``label_values`` under this key.
    ``where``: only items whose ``where`` getter is non-empty make rows.
    ``or_one``: a record without (kept) items still gives one row (item columns empty).
    ``cases``: one row per getter of ``cases`` that is non-empty on the record, in that
    order; the getter's value is the row's :func:`item` (an advertiser with a list and
    with site visits is a row of each relation).
    """

    key: str | None = None
    label: str | None = None
    label_records: str | None = None
    scalar: str | None = None
    where: Getter | None = None
    or_one: bool = False
    numbers: bool = False
    cases: tuple[Getter, ...] = ()


@dataclass(frozen=True)
class Shape:
    """One shape of a file: where its records are, the rows they give, their columns."""

    records: Locator
    columns: Mapping[str, Getter]
    each: Each | None = None
    #: only records that have this key (JSON records; a tuple: all of these keys), a
    #: field of this canonical label (string_map_data and label_values records), or
    #: leaves so labelled
    having: str | tuple[str, ...] | None = None
    #: only records that have none of these keys (JSON records), or leaves not so labelled
    lacking: str | tuple[str, ...] | None = None
    #: rows where one of these columns is empty are not kept (they hold nothing); a
    #: tuple of names among them: rows where all of those are empty are not kept.
    #: Columns named ``_…`` are read for this only, never stored.
    require: tuple[str | tuple[str, ...], ...] = ()
    #: identifiers: only the first non-empty column of each row counts
    first_kind: bool = False


@dataclass(frozen=True)
class FileSpec:
    """What one file gives: rows of ``table`` from the first of ``shapes`` it has (all of
    them with ``every_shape``); ``const`` columns in every row; ``contact_point``: this
    column's values go to ``email`` when they are e-mail addresses, else to
    ``phone_raw`` (never dropped; the E.164 step tells the numbers apart). A file that
    has none of the shapes is a warning. ``identifiers``: the user's own identifiers
    (use :func:`identifiers`). ``also``: more tables the same file fills, read after this one
    on the same parsed file (a file of account changes gives activity and identifiers)."""

    table: str
    shapes: tuple[Shape, ...]
    const: Mapping[str, Any] = field(default_factory=dict)
    contact_point: str | None = None
    every_shape: bool = False
    identifiers: bool = False
    also: tuple[FileSpec, ...] = ()

    def __init__(
        self,
        table: str,
        *shapes: Shape,
        const: Mapping[str, Any] | None = None,
        contact_point: str | None = None,
        every_shape: bool = False,
        identifiers: bool = False,
        also: tuple[FileSpec, ...] = (),
    ) -> None:
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "shapes", shapes)
        object.__setattr__(self, "const", dict(const or {}))
        object.__setattr__(self, "contact_point", contact_point)
        object.__setattr__(self, "every_shape", every_shape)
        object.__setattr__(self, "identifiers", identifiers)
        object.__setattr__(self, "also", also)


def identifiers(*shapes: Shape, every_shape: bool = False, service: str | None = None) -> FileSpec:
    """A file of the user's own identifiers: each shape's columns are named by kind
    (``email``, ``phone``, ``username``, ``name``, or ``contact``: an e-mail or a phone
    number told apart by how it is written, anything else dropped; ``kind.anything``
    names a second column of the same kind); a ``service`` column may say whose account
    a value belongs to. Every non-empty value is one ``identifiers`` row (a list in a
    cell: each of its values, in order), an e-mail
    lower-cased, each value once per file (with :attr:`Shape.first_kind`, only the first
    non-empty column of a row: a field is either an e-mail, a phone number or a name)."""
    const = {"service": service} if service else {}
    return FileSpec("identifiers", *shapes, every_shape=every_shape, identifiers=True, const=const)
