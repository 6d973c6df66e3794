"""The getters and converters of the field-spec language (:mod:`.spec`).

A *getter* says where a column's value is in a record; a *converter* (``conv``) turns
any JSON value (or None) into a cell value, or None for what it does not understand: a
value of the wrong type is never an error. :mod:`.extract` reads getters column-wise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from privacy_audit.sources.meta.labels import login_kind, on_off, service_id
from privacy_audit.sources.meta.reader import contact_kind, seconds, text

#: a converter: any JSON value (or None) -> a cell value or None; never raises
Conv = Callable[[Any], Any]


def _login_kind(value: Any) -> str | None:
    return login_kind(value) if isinstance(value, str) else None


def _service(value: Any) -> str | None:
    return service_id(text(value))


def _own_service(value: Any) -> str | None:
    found = service_id(text(value))
    return found if found in ("facebook", "instagram", "messenger", "whatsapp") else None


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
#: the Meta service (``facebook``, ``instagram``, ``messenger``, ``whatsapp``) of an
#: Accounts Center name, else None (an account of another app is nobody's own)
META_SERVICE: Conv = _own_service


def in_items(*keys: str, conv: Conv = TEXT, smallest: bool = False) -> Conv:
    """A converter of a list of JSON items (a phone number's calls): of its dict items,
    the value of the first of ``keys`` that converts (``conv``) to something non-empty;
    the first such value in the list (``smallest``: the smallest one, e.g. the earliest
    time), else None. A value that is not a list gives None."""

    def convert(value: Any) -> Any:
        if type(value) is not list:
            return None
        found = []
        for entry in value:
            if type(entry) is dict:
                got = next(filter(None, (conv(entry.get(k)) for k in keys)), None)
                if got is not None:
                    if not smallest:
                        return got
                    found.append(got)
        return min(found, default=None)

    return convert


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
    else ``href``) or, with ``time``, its time. ``"*"`` on ``label_values`` records and
    on the nested fields of JSON records: the first field (not labelled ``other_than``)
    whose value (or time) converts to something non-empty."""

    name: str
    time: bool = False
    conv: Conv = _raw
    other_than: str | None = None


@dataclass(frozen=True)
class Title:
    """The record's title (``title`` key of a JSON record, ``<h2>`` of an HTML record)."""

    conv: Conv = TEXT


@dataclass(frozen=True)
class Item:
    """A leaf or scalar record itself: its value, or with ``time`` its time (converted
    with ``conv`` when one is given); on JSON records, the record (a dict) itself."""

    time: bool = False
    conv: Conv = _raw


@dataclass(frozen=True)
class Path:
    """The labels leading to a leaf, joined with ``sep``, after ``prefix``
    (``off_meta.`` + ``Status / Connected``): a setting named by the export's own words."""

    prefix: str = ""
    sep: str = " / "
    #: only the first label (the group a leaf is in)
    top: bool = False
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


Getter = Key | Label | Title | Item | Path | Parent | First | Join | Const | ColumnGetter


def key(*paths: str, conv: Conv = TEXT) -> Key:
    """The first of ``paths`` (dotted for nested keys) whose converted value is non-empty."""
    if not all(isinstance(p, str) for p in paths):
        raise TypeError("key() takes key names; give the converter as conv=")
    return Key(tuple(tuple(p.split(".")) for p in paths), conv)


def label(name: str, conv: Conv = _raw, other_than: str | None = None) -> Label:
    """The value of the field labelled ``name`` (any language); ``"*"``: the first field
    (not labelled ``other_than``) whose converted value is non-empty."""
    return Label(name, False, conv, other_than)


def label_time(name: str = "time") -> Label:
    """The time of the field labelled ``name`` (HTML: its date text, else the footer's);
    ``"*"``: the first time of any field (label_values records)."""
    return Label(name, True)


def title(conv: Conv = TEXT) -> Title:
    """The record's title."""
    return Title(conv)


def item(conv: Conv = _raw) -> Item:
    """The value of a leaf (or of a scalar record), or a JSON record itself."""
    return Item(False, conv)


def item_time(conv: Conv = _raw) -> Item:
    """The time of a leaf (epoch seconds, or converted with ``conv``: ``TEXT`` for the
    seconds as text)."""
    return Item(True, conv)


def path(prefix: str = "", sep: str = " / ", *, top: bool = False, conv: Conv = _raw) -> Path:
    """A leaf's labels joined with ``sep`` after ``prefix`` (``top``: its first label
    only), converted with ``conv``."""
    return Path(prefix, sep, top, conv)


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
