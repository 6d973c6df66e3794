"""The single-pass WhatsApp chat parser: text in, a metadata-only messages table out.

:func:`parse_chat` never keeps message text. It reads the whole export (UTF-8 bytes,
never decoded as a whole) once: with the vectorised header scan (:mod:`scan`, every
header found with numpy from a template of the first header) when it can promise the
regex's result, else with one ``split`` of the compiled header regex, narrowed to the
header format of the file's first lines (when that narrow regex misses a line that could
be a header, the full regex runs instead, so the result never depends on the narrowing);
both in :mod:`columns`. Every column is then built with vectorised pandas / numpy
operations over runs and *distinct* values (dates, times and authors repeat a lot; only
the few distinct authors and the special-looking bodies are ever decoded).

Timestamps are the local wall-clock time of the exporting phone, stored as if it were
UTC (tz-aware UTC values holding local time): the export carries no time zone, and
treating local time as UTC keeps the hour-of-day and day charts right.

Kinds: ``system`` (no author, or text WhatsApp writes itself, such as the encryption
notice, group events and missed calls), ``media`` (placeholders for media exported
without it, attachment lines), ``deleted`` (deleted-message tombstones, and bodies that
are empty or a lone ``.``: view-once and disappearing content that is not in the export),
``text`` (everything else). An edited message keeps its kind and is counted in
``edited``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from privacy_audit.gc_pause import no_cyclic_gc
from privacy_audit.phones import contact_point_kind, phones_in_text
from privacy_audit.sources.whatsapp.chat import locale as loc
from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat import vector as vec
from privacy_audit.sources.whatsapp.chat.columns import read_columns
from privacy_audit.sources.whatsapp.chat.scan import PADDING

if TYPE_CHECKING:
    import pandas as pd

KINDS: tuple[str, ...] = ("text", "media", "system", "deleted")
_TEXT, _MEDIA, _SYSTEM, _DELETED = 0, 1, 2, 3
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NS_PER_DAY = 86_400 * 1_000_000_000
#: system lines always read for the business notice (which comes first)
_FIRST_SYSTEM = 6


@dataclass
class ParsedChat:
    """The result of :func:`parse_chat` (no message text anywhere).

    The messages are kept as columns; :attr:`frame` makes the DataFrame on first use
    (the counts of :meth:`stats` need neither it nor pandas).
    """

    #: one entry per message: sender and sender_phone_raw (object arrays, None: none),
    #: timestamp (int64 ns), kind (codes into :data:`KINDS`), edited (bool), and text
    #: (a list) when asked for
    columns: dict[str, Any]
    platform: str  # android | ios
    date_order: str  # dmy | mdy | ymd
    clock: str  # 12h | 24h
    ambiguous_order: bool = False
    rejected_headers: int = 0  # header-like lines with impossible dates/times
    is_group: bool = False
    business: bool = False  # the chat is with a WhatsApp Business account
    group_numbers: list[str] = field(default_factory=list)  # numbers in system lines

    @cached_property
    def frame(self) -> pd.DataFrame:
        """sender, sender_phone_raw, timestamp (UTC), kind, edited (and text when asked)."""
        import pandas as pd  # only when the frame is asked for

        columns = self.columns
        frame = pd.DataFrame(
            {
                "sender": pd.Series(columns["sender"], dtype=object),
                "sender_phone_raw": pd.Series(columns["sender_phone_raw"], dtype=object),
                "timestamp": pd.to_datetime(columns["timestamp"], unit="ns", utc=True),
                "kind": pd.Series(np.asarray(KINDS, dtype=object)[columns["kind"]], dtype=object),
                "edited": columns["edited"],
            }
        )
        if "text" in columns:
            frame["text"] = columns["text"]
        return frame

    @property
    def messages(self) -> int:
        """Number of messages."""
        return len(self.columns["kind"])

    def by_kind(self) -> dict[str, int]:
        """Messages per kind, every kind present (0 when none)."""
        counts = np.bincount(self.columns["kind"], minlength=len(KINDS))
        return {kind: int(counts[code]) for code, kind in enumerate(KINDS)}

    def sender_names(self) -> set[str]:
        """The distinct senders (system lines have none)."""
        return {s for s in self.columns["sender"].tolist() if s is not None}

    def sender_phones(self) -> list[str]:
        """The distinct sender numbers, in order of first appearance."""
        return [
            p for p in dict.fromkeys(self.columns["sender_phone_raw"].tolist()) if p is not None
        ]

    def edited(self) -> int:
        """Number of edited messages."""
        return int(np.count_nonzero(self.columns["edited"]))

    def senders(self) -> int:
        """Distinct senders of non-system messages."""
        return len(self.sender_names())

    def stats(self) -> dict[str, Any]:
        """The ``SourceInfo.chat`` summary."""
        return {
            "platform": self.platform,
            "date_order": self.date_order,
            "clock": self.clock,
            "messages": self.messages,
            "by_kind": self.by_kind(),
            "senders": self.senders(),
            "edited": self.edited(),
        }


class NotAChat(ValueError):
    """The text has no WhatsApp message header at all."""


_BOM = b"\xef\xbb\xbf"
_LRM = "\u200e".encode()


def _normalise(data: bytes) -> tuple[bytes, int]:
    """The text between a newline and :data:`PADDING` (blank lines: no message, and no
    text of one), without BOM and CR; and where the padding starts."""
    if _BOM in data:
        data = data.replace(_BOM, b"")
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return b"".join((b"\n", data, PADDING)), len(data) + 1


def _text(raw: bytes) -> str:
    """Decoded ``raw`` without bidi marks (only non-ASCII text can hold them)."""
    text = raw.decode("utf-8", errors="replace")
    return text if text.isascii() else _BIDI.sub("", text)


def _clean_author(raw: bytes) -> str:
    return unicodedata.normalize("NFC", _text(raw)).strip()


def parse_chat(
    data: bytes | str,
    *,
    chat_name: str | None = None,
    default_order: str | None = None,
    with_text: bool = False,
    vectorised: bool = True,
) -> ParsedChat:
    """Parse a whole chat export (UTF-8 bytes or text). Raises :class:`NotAChat`.

    ``chat_name`` (from the file name) helps to recognise iOS system lines, which
    WhatsApp attributes to the group. ``default_order`` overrides the date order used
    when the file is truly ambiguous. ``with_text`` adds a ``text`` column with each
    message's text: only the chat-parsing benchmark asks for it, to compare with parsers
    that keep the text; the importer never does (the messages table holds no text).
    ``vectorised=False`` always reads the headers with the regex, never with the
    vectorised scan (both give the same result; the tests compare them).
    """
    with no_cyclic_gc():  # lists of 200,000 items: each collection would walk them
        return _parse(data, chat_name, default_order, with_text, vectorised)


def _parse(
    data: bytes | str,
    chat_name: str | None,
    default_order: str | None,
    with_text: bool,
    vectorised: bool,
) -> ParsedChat:
    raw, end = _normalise(data.encode("utf-8") if isinstance(data, str) else data)
    shape = pat.pick_shape(raw, end)
    columns = read_columns(raw, shape, vectorised) if shape is not None else None
    if columns is None:
        raise NotAChat("no WhatsApp header")
    n = len(columns)
    date_codes, date_uniques = columns.date_codes, columns.date_uniques
    time_codes, time_uniques = columns.time_codes, columns.time_uniques

    # -- dates and times, decoded once per distinct string -------------------------------
    parsed_dates = [pat.split_date(d.decode("ascii")) for d in date_uniques]
    seconds, twelve = pat.decode_times([t.decode("utf-8", "replace") for t in time_uniques])
    heads = vec.run_heads(date_codes)  # the first row of every run of one date
    head_codes = date_codes[heads]
    runs_of = np.bincount(head_codes, minlength=len(date_uniques))
    present = {t[4] for t in parsed_dates if t is not None}
    sep_runs = {
        s: int(runs_of[[t is not None and t[4] == s for t in parsed_dates]].sum()) for s in present
    }
    sep = max(present, key=sep_runs.__getitem__) if present else "/"
    usable = [t if t is not None and t[4] == sep else None for t in parsed_dates]
    first = date_uniques[int(date_codes[0])]
    padded = first[:1] == b"0" or b"/0" in first or len(first.rsplit(b"/", 1)[-1]) == 4
    usable_code = np.array([t is not None for t in usable], dtype=bool)
    sequence = head_codes[usable_code[head_codes]]  # the dates decide_order reads
    order = pat.decide_order_counted(
        usable,
        *vec.sequence_counts(sequence),
        twelve,
        padded,
        first=usable[int(sequence[0])] if len(sequence) else None,
    )
    date_order = order.order
    if order.ambiguous and default_order in ("dmy", "mdy", "ymd"):
        date_order = default_order
    days = pat.decode_dates(usable, date_order)
    day_arr = np.array([-1 if d is None else d for d in days], dtype=np.int64)
    sec_arr = np.array([-1 if s is None else s for s in seconds], dtype=np.int64)
    row_days = day_arr[date_codes]
    row_secs = sec_arr[time_codes]
    valid = (row_days >= 0) & (row_secs >= 0)
    stamps = row_days * _NS_PER_DAY + row_secs * 1_000_000_000

    # -- authors, once per distinct name (None: no author, a system line) -----------------
    author_codes, author_uniques = columns.author_codes, columns.author_uniques
    clean = [_clean_author(a) if a else "" for a in author_uniques]
    system_author = np.array([not c or bool(loc.SYSTEM_RE.match(c)) for c in clean], dtype=bool)
    # iOS writes system events as "<chat name>: \u200e<event>"; in a 1:1 chat the chat name
    # is also the other person's name, so only their U+200E lines are system lines
    chat_author = np.array([c == chat_name for c in clean], dtype=bool)
    sender_arr = np.array([c or None for c in clean], dtype=object)
    # an unsaved contact is shown by their number in international form (+39 333 123 4567)
    phone_arr = np.array(
        [c if c[:1] == "+" and contact_point_kind(c) == "phone" else None for c in clean],
        dtype=object,
    )

    # -- kinds ---------------------------------------------------------------------------
    bodies = columns.bodies
    kind, edited = _kinds(bodies, chat_author[author_codes] if shape == "ios" else None)
    kind[system_author[author_codes]] = _SYSTEM
    is_system = kind == _SYSTEM
    senders = sender_arr[author_codes]
    senders[is_system] = None
    phones = phone_arr[author_codes]
    phones[is_system] = None

    is_group, business, numbers = _group_evidence(author_uniques, bodies, author_codes, is_system)
    speaking = np.flatnonzero(np.bincount(author_codes[~is_system], minlength=len(clean)))
    if sum(1 for code in speaking.tolist() if clean[code]) > 2:
        is_group = True

    kept: dict[str, Any] = {
        "sender": senders[valid],
        "sender_phone_raw": phones[valid],
        "timestamp": stamps[valid],
        "kind": kind[valid],
        "edited": edited[valid],
    }
    if with_text:
        kept["text"] = columns.texts(valid)
    return ParsedChat(
        columns=kept,
        platform="ios" if shape == "ios" else "android",
        date_order=date_order,
        clock="12h" if twelve else "24h",
        ambiguous_order=order.ambiguous,
        rejected_headers=int(n - valid.sum()),
        is_group=is_group,
        business=business,
        group_numbers=list(dict.fromkeys(num.strip() for num in numbers)) if is_group else [],
    )


def _group_evidence(
    author_uniques: list[bytes | None],
    bodies: vec.Bodies,
    author_codes: np.ndarray,
    is_system: np.ndarray,
) -> tuple[bool, bool, list[str]]:
    """(is a group, is with a business, numbers in order) from the system lines.

    The first six system lines are all read; of the others only the first of each
    distinct (author, body): a repeated line cannot say anything new.
    """
    rows = np.flatnonzero(is_system)
    if len(rows) > _FIRST_SYSTEM:
        later = rows[_FIRST_SYSTEM:]
        body_codes, _ = vec.factorize(bodies.bodies(later))
        keys = body_codes.astype(np.int64) * (int(author_codes.max()) + 2) + author_codes[later]
        _, first_seen = np.unique(keys, return_index=True)
        rows = np.concatenate([rows[:_FIRST_SYSTEM], later[np.sort(first_seen)]])
    is_group = business = False
    numbers: list[str] = []
    for count, i in enumerate(rows.tolist()):
        author, body = author_uniques[author_codes[i]], bodies.body(i)
        line = (author + b": " + body) if author else body
        if is_group and count > _FIRST_SYSTEM - 1 and b"+" not in line:
            continue
        text = _text(line)
        if count < _FIRST_SYSTEM and loc.BUSINESS_RE.search(text):
            business = True
        if not is_group and loc.GROUP_RE.search(text):
            is_group = True
        if "+" in text:
            numbers.extend(n for n in phones_in_text(text) if n.startswith("+"))
    return is_group, business, numbers


def _kinds(bodies: vec.Bodies, by_chat: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Kind code and edited flag of every message from its body's first line.

    ``by_chat`` marks messages whose author is the chat's own name (iOS).
    """
    n = len(bodies.starts)
    kind = np.zeros(n, dtype=np.int8)
    exact = bodies.exact_codes(loc.EXACT_KINDS)
    kind[exact == 1] = _MEDIA
    kind[exact == 3] = _DELETED
    edited = np.zeros(n, dtype=bool)
    special = bodies.ends_with_any(loc.SPECIAL_SUFFIXES) & (kind == _TEXT)
    for i in np.flatnonzero(special).tolist():
        raw = bodies.body(i)
        if not raw.endswith(loc.SPECIAL_SUFFIXES):
            continue
        body = _text(raw)
        stripped = loc.strip_edited(body)
        if stripped != body:
            edited[i] = True
            again = loc.EXACT_KINDS.get(stripped.encode())
            if again is not None:
                kind[i] = _MEDIA if again == 1 else _DELETED
                continue
        if loc.is_attachment(stripped):
            kind[i] = _MEDIA
    # bodies after U+200E are written by WhatsApp itself (iOS): check the system phrases;
    # the first lines may hold the encryption notice under the chat's name
    marked = bodies.starts_with(_LRM) & (kind == _TEXT)
    if by_chat is not None:
        kind[marked & by_chat] = _SYSTEM
        marked &= ~by_chat
    for i in np.flatnonzero(marked).tolist():
        if loc.SYSTEM_RE.match(_text(bodies.body(i))):
            kind[i] = _SYSTEM
    for head in range(min(n, 3)):
        if kind[head] == _TEXT and loc.ENCRYPTION_RE.match(_text(bodies.body(head))):
            kind[head] = _SYSTEM
    return kind, edited
