"""Generic Meta structures and the reader every Meta importer shares.

- timestamps: :func:`seconds` (epoch seconds, ``0``/garbage -> None), :func:`millis`;
- ``label_values`` records: :func:`flatten_label_values`, :func:`label_records`,
  :func:`lv_find`;
- Instagram ``string_map_data`` / ``string_list_data``: :func:`smd_get`,
  :func:`string_list`;
- :class:`MetaReader`: finds members in the export (scoped to one service), reads JSON
  and HTML safely (a broken file is a translated warning, never a crash), adds rows
  and remembers which files were read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.model import SourceSink
from privacy_audit.phones import contact_point_kind
from privacy_audit.sources import skips
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.base import LoadContext
from privacy_audit.sources.meta.labels import is_label, label_keys
from privacy_audit.sources.meta.message_counts import MessageCounts
from privacy_audit.sources.text import loads_meta, parse_html

#: 2100-01-01; larger "seconds" are garbage (redacted exports hold such values)
MAX_SECONDS = 4_102_444_800

_PLAIN_NUMBERS = frozenset((int, float, type(None)))


def seconds(value: Any) -> int | None:
    """Epoch seconds from an int/float/digit string; None for 0, negatives and garbage."""
    if type(value) is int:  # the usual case, first
        return value if 0 < value < MAX_SECONDS else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isdecimal():  # "²".isdigit() is True, but int() refuses it
            return None
        value = int(value)
    if not isinstance(value, (int, float)):
        return None
    return int(value) if 0 < value < MAX_SECONDS else None


def millis(value: Any) -> float | None:
    """Epoch seconds (float) from epoch milliseconds; None for 0 and garbage."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value / 1000.0 if 0 < value < MAX_SECONDS * 1000 else None


def text(value: Any) -> str | None:
    """A non-empty stripped string, or None (numbers become strings)."""
    if type(value) is str:  # the usual case, first
        return value.strip() or None
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    result = str(value).strip()
    return result or None


def contact_kind(value: str | None) -> str | None:
    """``"email"``, ``"phone"`` or None for a value as typed by someone (by shape, with
    ``phonenumbers``: see :func:`privacy_audit.phones.contact_point_kind`)."""
    kind = contact_point_kind(value)
    return kind if kind in ("email", "phone") else None


# -- label_values -------------------------------------------------------------------
@dataclass(frozen=True)
class Leaf:
    """One value of a ``label_values`` tree, with the labels leading to it."""

    path: tuple[str, ...]
    value: str | None = None
    href: str | None = None
    ts: int | None = None

    @property
    def label(self) -> str:
        """The innermost label ('' when none)."""
        return self.path[-1] if self.path else ""


def _label_of(item: dict[str, Any]) -> str:
    return str(item.get("label") or item.get("title") or item.get("ent_field_name") or "")


def flatten_label_values(items: Any, path: tuple[str, ...] = ()) -> Iterator[Leaf]:
    """Every leaf (value/href/timestamp_value) under a ``label_values`` list, depth first."""
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict):
            if text(item):
                yield Leaf(path, text(item))
            continue
        label = _label_of(item)
        here = (*path, label) if label else path
        if any(k in item for k in ("value", "href", "timestamp_value")):
            yield Leaf(
                here,
                text(item.get("value")),
                text(item.get("href")),
                seconds(item.get("timestamp_value")),
            )
        for key in ("vec", "dict", "label_values"):
            if isinstance(item.get(key), list):
                yield from flatten_label_values(item[key], here)


def label_records(items: Any) -> list[list[Leaf]]:
    """The records of a ``label_values`` list: each ``dict`` under a ``vec`` is one record."""
    records: list[list[Leaf]] = []
    if isinstance(items, dict):
        items = [items]
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        vec = item.get("vec")
        if isinstance(vec, list):
            for entry in vec:
                if isinstance(entry, dict) and isinstance(entry.get("dict"), list):
                    records.append(list(flatten_label_values(entry["dict"])))
        if isinstance(item.get("dict"), list):
            records.append(list(flatten_label_values(item["dict"])))
    return records


def lv_find(leaves: Iterable[Leaf], key: str) -> Leaf | None:
    """The first leaf whose own label means canonical ``key``."""
    for leaf in leaves:
        if is_label(leaf.label, key):
            return leaf
    return None


def lv_value(leaves: Iterable[Leaf], key: str) -> str | None:
    """The value (or href) of the first leaf labelled ``key``."""
    leaf = lv_find(leaves, key)
    return (leaf.value or leaf.href) if leaf else None


def lv_time(leaves: Iterable[Leaf], key: str) -> int | None:
    """The timestamp of the first leaf labelled ``key``."""
    leaf = lv_find(leaves, key)
    return leaf.ts if leaf else None


# -- string_map_data / string_list_data ---------------------------------------------
def smd_entry(mapping: Any, key: str) -> dict[str, Any] | None:
    """The ``{href, value, timestamp}`` entry of ``string_map_data`` labelled ``key``."""
    if not isinstance(mapping, dict):
        return None
    for label, entry in mapping.items():
        if isinstance(label, str) and key in label_keys(label) and isinstance(entry, dict):
            return entry
    return None


def smd_get(mapping: Any, key: str) -> str | None:
    """The value (or href) of ``string_map_data`` entry ``key``."""
    entry = smd_entry(mapping, key)
    return (text(entry.get("value")) or text(entry.get("href"))) if entry else None


def string_list(record: Any) -> list[tuple[str | None, str | None, int | None]]:
    """``(value, href, timestamp)`` for each ``string_list_data`` item of ``record``."""
    if not isinstance(record, dict):
        return []
    found = []
    for item in record.get("string_list_data") or []:
        if isinstance(item, dict):
            found.append(
                (text(item.get("value")), text(item.get("href")), seconds(item.get("timestamp")))
            )
    return found


# -- reading an export --------------------------------------------------------------
class ShapeError(ValueError):
    """A file whose structure is none the reader knows (a warning on the source);
    ``where``: the key at which it differs, when one is known (named in the warning)."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.where = where


BAD_FILE = N_("{file} could not be read and was skipped.")
ODD_FILE = N_("{file} has an unexpected structure; part of it was skipped.")
ODD_FILE_AT = N_("{file} has an unexpected structure at '{where}'; part of it was skipped.")


def _message_columns() -> MessageCounts:
    from privacy_audit.sources.meta.message_columns import MessageColumns

    return MessageColumns()


class MetaReader:
    """Reads the members of one service in an export and writes rows into the sink."""

    def __init__(
        self,
        archive: ExportArchive,
        sink: SourceSink,
        ctx: LoadContext,
        skip: Callable[[Member], bool] | None = None,
    ) -> None:
        self.archive = archive
        self.sink = sink
        self.ctx = ctx
        self._skip = skip or (lambda m: False)
        self.newest: float = 0.0
        self.seen: set[tuple[Any, ...]] = set()  # de-duplication keys of extractors
        #: (file, title, participants) of every message thread read
        self.thread_people: list[tuple[str, str | None, list[str]]] = []
        #: the messages of every thread read, one table at the end (``flush_messages``);
        #: only counted when the caller needs no tables (numpy is not even imported)
        self.messages = MessageCounts() if ctx.counts_only else _message_columns()

    def find(self, *names: str, under: str | None = None) -> list[Member]:
        """Members (in scope, not media) named like any of ``names``, optionally in a folder."""
        found: list[Member] = []
        for name in names:
            for member in self.archive.find(name):
                if member.is_media or self._skip(member) or member in found:
                    continue
                if under and f"/{under}/" not in f"/{member.key}":
                    continue
                found.append(member)
        return sorted(found, key=lambda m: (m.key.count("/"), m.key))

    def glob(self, pattern: str) -> list[Member]:
        """Members in scope whose normalized path matches the regex ``pattern``."""
        return [m for m in self.archive.glob(pattern) if not m.is_media and not self._skip(m)]

    def warn(self, message: str, member: Member) -> None:
        """A translated warning about ``member`` (its file name only, never content)."""
        self.sink.warn(self.ctx.tr.gettext(message).format(file=member.name))

    def raw(self, member: Member) -> bytes | None:
        """The bytes of ``member``, or None with a warning saying why it was refused."""
        try:
            return self.archive.read_bytes(member)
        except InputError as exc:
            self.sink.warn(skips.refused(self.ctx.tr, exc))
            return None

    def json(self, member: Member) -> Any:
        """The parsed, mojibake-repaired JSON of ``member``, or None with a warning."""
        data = self.raw(member)
        if data is None:
            return None
        try:
            return loads_meta(data)
        except (ValueError, RecursionError) as exc:  # orjson.JSONDecodeError is a ValueError
            self.sink.warn(skips.unreadable(self.ctx.tr, member.name, exc))
            return None

    def html(self, member: Member) -> Any:
        """The lxml tree of ``member``, or None with a warning."""
        data = self.raw(member)
        if data is None:
            return None
        try:
            return parse_html(data)
        except ValueError as exc:
            self.sink.warn(skips.unreadable(self.ctx.tr, member.name, exc, html=True))
            return None

    def run(
        self,
        member: Member,
        parse: Callable[[Member], Any],
        extract: Callable[..., None],
        errors: tuple[type[Exception], ...] = (ShapeError,),
    ) -> None:
        """Parse ``member`` and give it to ``extract(reader, data, member)``; ``errors``
        (what a file of an unexpected shape makes ``extract`` raise) become a warning."""
        data = parse(member)
        if data is None:
            return
        try:
            extract(self, data, member)
        except errors as exc:
            where = getattr(exc, "where", None)
            if where:
                text = self.ctx.tr.gettext(ODD_FILE_AT)
                self.sink.warn(text.format(file=member.name, where=where))
            else:
                self.warn(ODD_FILE, member)
        self.sink.recognized(member.path)

    def add(self, table: str, member: Member, **row: Any) -> None:
        """Add a row (with ``source_file``) and remember the newest time seen."""
        row.setdefault("source_file", member.path)
        self._note_time(row.get("timestamp") or row.get("created_at") or row.get("linked_at"))
        self.sink.add(table, **row)

    def _note_time(self, when: Any) -> None:
        """Remember ``when`` (seconds or datetime) when it is the newest time seen."""
        if when is not None:
            if isinstance(when, datetime):
                when = when.timestamp()
            if isinstance(when, (int, float)) and when > self.newest:
                self.newest = float(when)

    def add_columns(self, table: str, member: Member, n: int, **columns: Any) -> None:
        """Add ``n`` rows given as columns (lists of ``n`` values, or one value for all);
        the same as ``n`` calls of :meth:`add`, without a dict per row."""
        if n <= 0:
            return
        columns.setdefault("source_file", member.path)
        present = [columns[k] for k in ("timestamp", "created_at", "linked_at") if k in columns]
        if present:
            lists = [c if isinstance(c, list) else [c] * n for c in present]
            firsts = (
                lists[0]
                if len(lists) == 1
                else [next((w for w in ws if w), ws[-1]) for ws in zip(*lists, strict=True)]
            )
            if set(map(type, firsts)) <= _PLAIN_NUMBERS:
                newest = max(filter(None, firsts), default=0)
                if newest > self.newest:
                    self.newest = float(newest)
            else:
                for when in firsts:
                    self._note_time(when)
        self.sink.add_columns(table, n, **columns)

    def finish(self) -> None:
        """Set the export date from the archive name, else from the newest time seen."""
        if self.sink.info.export_date is None:
            self.sink.info.export_date = export_date_from_name(
                [p.name for p in self.archive.parts]
            ) or (datetime.fromtimestamp(self.newest, UTC) if self.newest else None)


_NAME_DATES = (
    re.compile(r"(?<!\d)(20\d{2})[-_](\d{2})[-_](\d{2})(?!\d)"),
    re.compile(r"_(20\d{2})(\d{2})(\d{2})(?:_|$|\.)"),
)


def export_date_from_name(names: Iterable[str]) -> datetime | None:
    """The date in ``facebook-x-2024-05-14-ab12.zip`` / ``x_20220102.zip`` / ``..._2023_12_20``."""
    for name in names:
        for regex in _NAME_DATES:
            match = regex.search(name)
            if match:
                year, month, day = (int(g) for g in match.groups())
                try:
                    return datetime(year, month, day, tzinfo=UTC)
                except ValueError:
                    continue
    return None
