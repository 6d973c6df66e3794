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

Locators: :class:`Keyed` (lists under root keys, dotted paths allowed), :class:`MapRecords`
(Instagram ``string_map_data`` records), :class:`LabelRecords` (each ``dict`` of a
``vec`` in ``label_values``), :class:`LabelLeaves` (each leaf of ``label_values``) and
:class:`HtmlRecords` (the ``_a6-g`` records of an HTML page, label/value cells).

Getters: :func:`key` (dict keys), :func:`label` / :func:`label_time` (a field by its
canonical label in :mod:`.labels`, any language: label_values, string_map_data and
HTML), :func:`title`, :func:`item` / :func:`item_time` (a scalar record or leaf),
:func:`parent` (the record an :class:`Each` item belongs to), :func:`first` (the first
non-empty of several), :func:`join` and :func:`const`. Every converter (``conv``) must
accept any JSON value and return None for what it does not understand (:data:`TEXT`,
:data:`TIME`, :data:`LOGIN_KIND`, :data:`SERVICE` ...): a value of the wrong type is
never an error, and a record of the wrong type is skipped and counted in one warning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from privacy_audit.sources.meta.labels import login_kind, on_off, service_id
from privacy_audit.sources.meta.reader import contact_kind, seconds, text

#: a converter: any JSON value (or None) -> a cell value or None; never raises
Conv = Callable[[Any], Any]


def _login_kind(value: Any) -> str | None:
    return login_kind(value) if isinstance(value, str) else None


def _service(value: Any) -> str | None:
    return service_id(text(value))


def _raw(value: Any) -> Any:
    return value


def _email(value: Any) -> str | None:
    found = text(value)
    return found if contact_kind(found) == "email" else None


def _phone(value: Any) -> str | None:
    found = text(value)
    return found if contact_kind(found) == "phone" else None


#: a non-empty stripped string (numbers as strings), else None
TEXT: Conv = text
#: epoch seconds (int, float or digit string), else None
TIME: Conv = seconds
#: ``login`` / ``logout`` for a localised action, else None
LOGIN_KIND: Conv = _login_kind
#: the canonical service of an Accounts Center name (``whatsapp``...), else None
SERVICE: Conv = _service
#: ``on`` / ``off`` for a boolean-like value in any language, else None
ON_OFF: Conv = on_off
#: the value as it is in the file (for :func:`first` over raw values)
RAW: Conv = _raw
#: the value when it is written as an e-mail address, else None
EMAIL: Conv = _email
#: the value when it is written as a phone number, else None
PHONE: Conv = _phone


# -- getters --------------------------------------------------------------------------
@dataclass(frozen=True)
class Key:
    """The value under the first of ``paths`` (dotted: ``session.ip_address``) that
    converts to something non-empty."""

    paths: tuple[tuple[str, ...], ...]
    conv: Conv = TEXT


@dataclass(frozen=True)
class Label:
    """The field labelled ``name`` (canonical, see :mod:`.labels`): its value (``value``,
    else ``href``) or, with ``time``, its time."""

    name: str
    time: bool = False
    conv: Conv = _raw


@dataclass(frozen=True)
class Title:
    """The record's title (``title`` key of a JSON record, ``<h2>`` of an HTML record)."""

    conv: Conv = TEXT


@dataclass(frozen=True)
class Item:
    """A leaf or scalar record itself: its value, or with ``time`` its time."""

    time: bool = False
    conv: Conv = _raw


@dataclass(frozen=True)
class Parent:
    """``getter`` read on the record an :class:`Each` item belongs to."""

    getter: Getter


@dataclass(frozen=True)
class First:
    """The first non-empty value of ``getters``, per row."""

    getters: tuple[Getter, ...]


@dataclass(frozen=True)
class Join:
    """The non-empty values of ``getters`` joined with ``sep`` (each value once when
    ``distinct``)."""

    getters: tuple[Getter, ...]
    sep: str = ", "
    distinct: bool = True


@dataclass(frozen=True)
class Const:
    """The same value in every row (inside :func:`first`: a default)."""

    value: Any


class ColumnGetter:
    """A getter defined outside this module (e.g. :mod:`.spec_html`): ``column(found,
    read)`` returns its value for every record of ``found`` (a :class:`.locate.Found`);
    ``read(getter, found)`` reads another getter (each getter is read once per file).
    Subclasses are frozen dataclasses (hashable); they never raise on data."""

    def column(self, found: Any, read: Callable[[Getter, Any], list[Any]]) -> list[Any]:
        """The values of this getter for every record of ``found``."""
        raise NotImplementedError


Getter = Key | Label | Title | Item | Parent | First | Join | Const | ColumnGetter


def key(*paths: str, conv: Conv = TEXT) -> Key:
    """The first of ``paths`` (dotted for nested keys) whose converted value is non-empty."""
    if not all(isinstance(p, str) for p in paths):
        raise TypeError("key() takes key names; give the converter as conv=")
    return Key(tuple(tuple(p.split(".")) for p in paths), conv)


def label(name: str, conv: Conv = _raw) -> Label:
    """The value of the field labelled ``name`` (any language)."""
    return Label(name, False, conv)


def label_time(name: str = "time") -> Label:
    """The time of the field labelled ``name`` (HTML: its date text, else the footer's);
    ``"*"``: the first time of any field (label_values records)."""
    return Label(name, True)


def title(conv: Conv = TEXT) -> Title:
    """The record's title."""
    return Title(conv)


def item(conv: Conv = _raw) -> Item:
    """The value of a leaf (or of a scalar record)."""
    return Item(False, conv)


def item_time() -> Item:
    """The time of a leaf."""
    return Item(True)


def parent(getter: Getter) -> Parent:
    """``getter`` on the parent record of an :class:`Each` item."""
    return Parent(getter)


def first(*getters: Getter) -> First:
    """The first non-empty of ``getters``."""
    return First(getters)


def join(*getters: Getter, sep: str = ", ", distinct: bool = True) -> Join:
    """The non-empty values of ``getters`` joined with ``sep`` (each once if ``distinct``)."""
    return Join(getters, sep, distinct)


def const(value: Any) -> Const:
    """``value`` in every row."""
    return Const(value)


# -- locators -------------------------------------------------------------------------
@dataclass(frozen=True)
class Keyed:
    """JSON records in the list under the first of ``paths`` present (dotted paths; a
    root that is a list is the list). The file does not have this shape when no path is
    there; a path holding something else than a list (or an empty value) is an
    unexpected structure. ``scalar``: a string item is the record ``{scalar: item}``."""

    paths: tuple[str, ...]
    scalar: str | None = None

    def __init__(self, *paths: str, scalar: str | None = None) -> None:
        object.__setattr__(self, "paths", paths)
        object.__setattr__(self, "scalar", scalar)


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
    is one record, read with :func:`item` / :func:`item_time` / :func:`label`."""


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


Locator = Keyed | MapRecords | LabelRecords | LabelLeaves | HtmlRecords | RecordLocator


@dataclass(frozen=True)
class Each:
    """One row per item of a list inside each record, instead of one row per record.

    ``key``: the list under this key of a JSON record (dotted path); items that are
    dicts are read with :func:`key`, string items become ``{scalar: item}``.
    ``label``: the leaves of a ``label_values`` record labelled so (read with :func:`item`).
    ``label_records``: the :class:`LabelRecords` of the ``label_values`` under this key.
    ``where``: only items whose ``where`` getter is non-empty make rows.
    ``or_one``: a record without (kept) items still gives one row (item columns empty).
    """

    key: str | None = None
    label: str | None = None
    label_records: str | None = None
    scalar: str | None = None
    where: Getter | None = None
    or_one: bool = False


@dataclass(frozen=True)
class Shape:
    """One shape of a file: where its records are, the rows they give, their columns."""

    records: Locator
    columns: Mapping[str, Getter]
    each: Each | None = None
    #: only records that have this key (JSON records)
    having: str | None = None
    #: only records that do not have this key (JSON records)
    lacking: str | None = None
    #: rows where one of these columns is empty are not kept (they hold nothing); a
    #: tuple of names among them: rows where all of those are empty are not kept
    require: tuple[str | tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class FileSpec:
    """What one file gives: rows of ``table`` from the first of ``shapes`` it has (all of
    them with ``every_shape``); ``const`` columns in every row; ``contact_point``: this
    column's values go to ``email`` when they are e-mail addresses, else to
    ``phone_raw`` (never dropped; the E.164 step tells the numbers apart). A file that
    has none of the shapes is a warning. ``identifiers``: the user's own identifiers
    (use :func:`identifiers`)."""

    table: str
    shapes: tuple[Shape, ...]
    const: Mapping[str, Any] = field(default_factory=dict)
    contact_point: str | None = None
    every_shape: bool = False
    identifiers: bool = False

    def __init__(
        self,
        table: str,
        *shapes: Shape,
        const: Mapping[str, Any] | None = None,
        contact_point: str | None = None,
        every_shape: bool = False,
        identifiers: bool = False,
    ) -> None:
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "shapes", shapes)
        object.__setattr__(self, "const", dict(const or {}))
        object.__setattr__(self, "contact_point", contact_point)
        object.__setattr__(self, "every_shape", every_shape)
        object.__setattr__(self, "identifiers", identifiers)


def identifiers(*shapes: Shape, every_shape: bool = False, service: str | None = None) -> FileSpec:
    """A file of the user's own identifiers: each shape's columns are named by kind
    (``email``, ``phone``, ``username``, ``name``; a ``service`` column may say whose
    account a value belongs to); every non-empty value is one ``identifiers`` row (a list
    in a cell: each of its values, in order), an e-mail lower-cased, each value once per
    file."""
    const = {"service": service} if service else {}
    return FileSpec("identifiers", *shapes, every_shape=every_shape, identifiers=True, const=const)
