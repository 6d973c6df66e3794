"""The single-pass WhatsApp chat parser: text in, a metadata-only messages table out.

:func:`parse_chat` never keeps message text. It reads the whole export (UTF-8 bytes,
never decoded as a whole) once with one compiled header regex (``findall``), narrowed to
the header format of the file's first lines; when that narrow regex misses a line that
could be a header, the full regex runs instead, so the result never depends on the
narrowing. Every column is then built with vectorised pandas / numpy operations over
runs and *distinct* values (dates, times and authors repeat a lot; only the few distinct
authors and the special-looking bodies are ever decoded).

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

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from privacy_audit.gc_pause import no_cyclic_gc
from privacy_audit.phones import contact_point_kind, phones_in_text
from privacy_audit.sources.whatsapp.chat import locale as loc
from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat import vector as vec

KINDS: tuple[str, ...] = ("text", "media", "system", "deleted")
_TEXT, _MEDIA, _SYSTEM, _DELETED = 0, 1, 2, 3
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NS_PER_DAY = 86_400 * 1_000_000_000
#: items per message in ``regex.split``: the four groups, then the text up to the next header
_STRIDE = 5
#: system lines always read for the business notice (which comes first)
_FIRST_SYSTEM = 6
_REPLACE = ["replace"]


@dataclass
class ParsedChat:
    """The result of :func:`parse_chat` (no message text anywhere)."""

    frame: pd.DataFrame  # sender, sender_phone_raw, timestamp (UTC), kind, edited
    platform: str  # android | ios
    date_order: str  # dmy | mdy | ymd
    clock: str  # 12h | 24h
    ambiguous_order: bool = False
    rejected_headers: int = 0  # header-like lines with impossible dates/times
    is_group: bool = False
    business: bool = False  # the chat is with a WhatsApp Business account
    group_numbers: list[str] = field(default_factory=list)  # numbers in system lines

    @property
    def messages(self) -> int:
        """Number of messages."""
        return len(self.frame)

    def by_kind(self) -> dict[str, int]:
        """Messages per kind, every kind present (0 when none)."""
        counts = self.frame["kind"].value_counts()
        return {kind: int(counts.get(kind, 0)) for kind in KINDS}

    def senders(self) -> int:
        """Distinct senders of non-system messages."""
        mask = self.frame["kind"] != "system"
        return int(self.frame.loc[mask, "sender"].dropna().nunique())

    def stats(self) -> dict[str, Any]:
        """The ``SourceInfo.chat`` summary."""
        return {
            "platform": self.platform,
            "date_order": self.date_order,
            "clock": self.clock,
            "messages": self.messages,
            "by_kind": self.by_kind(),
            "senders": self.senders(),
            "edited": int(self.frame["edited"].sum()),
        }


class NotAChat(ValueError):
    """The text has no WhatsApp message header at all."""


_BOM = b"\xef\xbb\xbf"
_LRM = "\u200e".encode()


def _normalise(data: bytes) -> bytes:
    if _BOM in data:
        data = data.replace(_BOM, b"")
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return b"\n" + data


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
) -> ParsedChat:
    """Parse a whole chat export (UTF-8 bytes or text). Raises :class:`NotAChat`.

    ``chat_name`` (from the file name) helps to recognise iOS system lines, which
    WhatsApp attributes to the group. ``default_order`` overrides the date order used
    when the file is truly ambiguous. ``with_text`` adds a ``text`` column with each
    message's text: only the chat-parsing benchmark asks for it, to compare with parsers
    that keep the text; the importer never does (the messages table holds no text).
    """
    with no_cyclic_gc():  # lists of 200,000 items: each collection would walk them
        return _parse(data, chat_name, default_order, with_text)


def _parse(
    data: bytes | str, chat_name: str | None, default_order: str | None, with_text: bool
) -> ParsedChat:
    raw = _normalise(data.encode("utf-8") if isinstance(data, str) else data)
    shape = pat.pick_shape(raw)
    parts: list[Any] = []
    if shape is not None:
        regex, starts = pat.narrowed(raw, shape)
        parts = regex.split(raw)
        found = len(parts) // _STRIDE
        if (
            regex is not pat.SHAPES[shape]
            and found != vec.digit_lines(raw)
            and found != len(starts.findall(raw))
        ):
            regex = pat.SHAPES[shape]
            parts = regex.split(raw)  # a line the narrow regex missed: full one
    n = len(parts) // _STRIDE
    if not n:
        raise NotAChat("no WhatsApp header")
    # split() gives the text before the first header, then per message its four groups
    # (date, time, author or None, body's first line) and the text up to the next header
    dates, times, authors, bodies = (parts[i::_STRIDE] for i in range(1, _STRIDE))

    # -- dates and times, decoded once per distinct string -------------------------------
    date_codes, date_uniques = vec.factorize(dates)
    parsed_dates = [pat.split_date(d.decode("ascii")) for d in date_uniques]
    time_codes, time_uniques = vec.factorize(times)
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
    first = dates[0]
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
    author_codes, author_uniques = vec.factorize(authors)
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
    body_shape = vec.Bodies(bodies)
    kind, edited = _kinds(bodies, body_shape, chat_author[author_codes] if shape == "ios" else None)
    kind[system_author[author_codes]] = _SYSTEM
    is_system = kind == _SYSTEM
    senders = sender_arr[author_codes]
    senders[is_system] = None
    phones = phone_arr[author_codes]
    phones[is_system] = None

    is_group, business, numbers = _group_evidence(authors, bodies, author_codes, is_system)
    speaking = np.unique(author_codes[~is_system])
    if sum(1 for code in speaking.tolist() if clean[code]) > 2:
        is_group = True

    frame = pd.DataFrame(
        {
            "sender": pd.Series(senders[valid], dtype=object),
            "sender_phone_raw": pd.Series(phones[valid], dtype=object),
            "timestamp": pd.to_datetime(stamps[valid], unit="ns", utc=True),
            "kind": pd.Series(np.asarray(KINDS, dtype=object)[kind[valid]], dtype=object),
            "edited": edited[valid],
        }
    )
    if with_text:
        frame["text"] = _texts(bodies, parts[_STRIDE::_STRIDE], valid)
    return ParsedChat(
        frame=frame,
        platform="ios" if shape == "ios" else "android",
        date_order=date_order,
        clock="12h" if twelve else "24h",
        ambiguous_order=order.ambiguous,
        rejected_headers=int(n - valid.sum()),
        is_group=is_group,
        business=business,
        group_numbers=list(dict.fromkeys(num.strip() for num in numbers)) if is_group else [],
    )


def _texts(bodies: list[bytes], rests: list[bytes], valid: np.ndarray) -> list[str]:
    """Every valid message's text: the body's first line and every continuation line up
    to the next header (``rests``: from the body's end to the next header), without the
    newlines at its end."""
    n = len(bodies)
    texts = list(map(bytes.decode, bodies, itertools.repeat("utf-8", n), _REPLACE * n))
    for i in itertools.compress(range(n), rests):  # continuation lines (few)
        rest = rests[i].rstrip(b"\n")
        if rest:
            texts[i] = (bodies[i] + rest).decode("utf-8", "replace")
    return list(itertools.compress(texts, valid.tolist()))


def _group_evidence(
    authors: list[bytes | None],
    bodies: list[bytes],
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
        body_codes, _ = vec.factorize([bodies[i] for i in later.tolist()])
        keys = body_codes.astype(np.int64) * (int(author_codes.max()) + 2) + author_codes[later]
        _, first_seen = np.unique(keys, return_index=True)
        rows = np.concatenate([rows[:_FIRST_SYSTEM], later[np.sort(first_seen)]])
    is_group = business = False
    numbers: list[str] = []
    for count, i in enumerate(rows.tolist()):
        author = authors[i]
        line = (author + b": " + bodies[i]) if author else bodies[i]
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


def _kinds(
    bodies: list[bytes], shape: vec.Bodies, by_chat: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Kind code and edited flag of every message from its body's first line.

    ``by_chat`` marks messages whose author is the chat's own name (iOS).
    """
    n = len(bodies)
    kind = np.zeros(n, dtype=np.int8)
    exact = np.fromiter(
        map(loc.EXACT_KINDS.get, bodies, itertools.repeat(0, n)), dtype=np.int8, count=n
    )
    kind[exact == 1] = _MEDIA
    kind[exact == 3] = _DELETED
    edited = np.zeros(n, dtype=bool)
    special = shape.ends_with_any(loc.SPECIAL_SUFFIXES) & (kind == _TEXT)
    for i in np.flatnonzero(special):
        if not bodies[i].endswith(loc.SPECIAL_SUFFIXES):
            continue
        body = _text(bodies[i])
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
    marked = shape.starts_with(_LRM) & (kind == _TEXT)
    if by_chat is not None:
        kind[marked & by_chat] = _SYSTEM
        marked &= ~by_chat
    for i in np.flatnonzero(marked):
        if loc.SYSTEM_RE.match(_text(bodies[i])):
            kind[i] = _SYSTEM
    for head in range(min(n, 3)):
        if kind[head] == _TEXT and loc.ENCRYPTION_RE.match(_text(bodies[head])):
            kind[head] = _SYSTEM
    return kind, edited
