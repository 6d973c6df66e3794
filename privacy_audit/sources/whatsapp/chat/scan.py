"""The vectorised header scan: every message header of a chat found with numpy, no regex.

Exports write every header in one format, so a header is a fixed run of literal bytes and
digit fields (``01/01/23, 08:41 - `` or ``[2019-04-16 02:09] ``) followed by an optional
author and the body. :func:`scan` takes that template from a header of the first lines
(matched by the narrowed regex of :mod:`patterns`), matches it at every line start at
once, and reads dates, times, authors and bodies as positions in the text: no Python
object per message.

It gives exactly what the regex gives, or nothing (the caller then runs the regex):

- the template is the probe header's own bytes with each digit field allowed the widths
  the regex allows (a digit field is always a whole run of digits followed by a literal
  byte, as in the regex), so a line matching the template matches the regex with the
  same date, time and author start;
- the author part is the regex's own rule (``[^\\n:]++`` then ``": "``, ``":\\xa0"`` or
  ``":"`` before an optional ``"."`` and the line end), read from the positions of ``:``;
- every other line that could start a header (a digit, ``[`` or a mark first) is tried
  with the full regex; if it matches, the scan gives up.

Bidi marks before a header (a run of their bytes, as the regex's ``MARKS``) and AM/PM
(the probe's spelling, with A and P swapped) are part of the template; Dutch day parts
and the legacy and spaced shapes (an author is required there) go to the regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat.vector import factorize

#: widths the regex allows for the digit fields of a date and of a time, in order
_DATE_WIDTHS = ((1, 4), (1, 2), (1, 4))
_TIME_WIDTHS = ((1, 2), (2, 2), (2, 2))
#: blank lines after every normalised text: every read below stays inside the buffer
PADDING = b"\n" * 128
_MAX_TEMPLATE = 40
_MAX_SPAN = 64  # longer spans (authors) are compared as bytes objects
_COLON, _NL, _SPACE, _DOT = 58, 10, 32, 46
#: the bytes of ``MARKS`` in :mod:`patterns` (a run of them may start a header)
_IS_MARK = np.zeros(256, dtype=bool)
_IS_MARK[[0xE2, 0x80, 0x81, 0x8E, 0x8F, *range(0xAA, 0xAF), *range(0xA6, 0xAA)]] = True
_MAX_MARKS = 12
_SPACE_RE = rb"(?: |\xc2\xa0|\xe2\x80[\xaf\x87])?"
#: the AM/PM of the header regex's time (``_TIME`` in :mod:`patterns`), A/P captured
_MARKER = re.compile(_SPACE_RE + rb"([AaPp])\.?" + _SPACE_RE + rb"[Mm]\.?")


@dataclass(frozen=True)
class _Field:
    """A run of digits (``lo`` to ``hi`` of them) or a literal (``text``)."""

    text: bytes = b""
    lo: int = 0
    hi: int = 0
    alt: bytes = b""  # the other literal of the same length allowed here (PM for AM)
    marks: bool = False  # a run of the bytes of bidi marks (``MARKS`` of the regex)


@dataclass
class Scan:
    """Every header of a chat as codes and positions (rows in the order of the text)."""

    date_codes: np.ndarray
    date_uniques: list[bytes]
    time_codes: np.ndarray
    time_uniques: list[bytes]
    author_codes: np.ndarray
    author_uniques: list[bytes | None]
    body_starts: np.ndarray  # first byte of the body
    body_ends: np.ndarray  # end of the body's first line
    text_ends: np.ndarray  # end of the text (continuation lines, no newline at the end)


def _template(
    match: re.Match[bytes], shape: str
) -> tuple[list[_Field], list[int], list[int], list[int]] | None:
    """The fields of the header of ``match`` up to the author, and the indexes of the date's
    and the time's digit fields, and the probe's width of each field; None when the time is
    not digits alone (12-hour clocks)."""
    line = match.string
    author_start = match.start(3) if match.group(3) is not None else match.start(4)
    fields: list[_Field] = []
    widths: list[int] = []
    groups: list[list[int]] = []
    # the regex: marks, then "[" and marks again (iOS), then the date
    before_date = bytes(b for b in line[match.start() + 1 : match.start(1)] if not _IS_MARK[b])
    if before_date != (b"[" if shape == "ios" else b""):
        return None
    fields.append(_Field(marks=True))
    if shape == "ios":
        fields += [_Field(text=b"["), _Field(marks=True)]
    widths += [0] * len(fields)  # most lines start with no mark
    pos = match.start(1)
    for group, limits in ((1, _DATE_WIDTHS), (2, _TIME_WIDTHS)):
        start, end = match.span(group)
        if line[pos:start]:
            fields.append(_Field(text=line[pos:start]))
            widths.append(0)
        runs = re.split(rb"(\d+)", line[start:end])
        count = len(runs) // 2
        marker = _MARKER.fullmatch(runs[-1]) if group == 2 else None
        if runs[0] or (runs[-1] and not marker) or not (count == 3 or (group, count) == (2, 2)):
            return None  # a day part, or not a run of digit fields
        indexes = []
        for i, run in enumerate(runs[1:-1]):
            if i % 2 == 0:
                indexes.append(len(fields))
                lo, hi = limits[i // 2]
                fields.append(_Field(lo=lo, hi=hi))
            else:
                fields.append(_Field(text=run))
            widths.append(len(run))
        if marker:  # AM or PM: either, at the probe's place and in its spelling
            ampm = marker.start(1)
            other = bytes([runs[-1][ampm] ^ (ord("A") ^ ord("P"))])
            indexes.append(len(fields))
            fields.append(_Field(text=runs[-1], alt=runs[-1][:ampm] + other + runs[-1][ampm + 1 :]))
            widths.append(0)
        groups.append(indexes)
        pos = end
    if line[pos:author_start]:
        fields.append(_Field(text=line[pos:author_start]))
        widths.append(0)
    if sum(len(f.text) + f.hi for f in fields) > _MAX_TEMPLATE or fields[-1].hi:
        return None
    return fields, groups[0], groups[1], widths


def _layout(fields: list[_Field], widths: list[int]) -> tuple[np.ndarray, ...]:
    """The fixed layout as 8-byte words: (care, want) for a masked compare, (low, six, high)
    for the digits (low nibble + 6 must not reach 16), and the places of A/P bytes."""
    offsets = np.cumsum([0, *(len(f.text) or w for f, w in zip(fields, widths, strict=True))])
    size = max(8, -(-int(offsets[-1]) // 8) * 8)
    care, want, low = (np.zeros(size, dtype=np.uint8) for _ in range(3))
    ampm = []
    for field, start, end in zip(fields, offsets[:-1], offsets[1:], strict=True):
        if field.hi:  # 0x30-0x39: high nibble 3, low nibble below 10
            care[start:end], want[start:end], low[start:end] = 0xF0, 0x30, 0x0F
        elif field.text:  # marks: none in the fixed layout (the next byte is no mark)
            text = np.frombuffer(field.text, dtype=np.uint8)
            other = np.frombuffer(field.alt or field.text, dtype=np.uint8)
            care[start:end] = ~(text ^ other)  # A/P: compared below
            want[start:end] = text & care[start:end]
            ampm += [int(start + k) for k in np.flatnonzero(text != other)]
    high = np.where(low > 0, 0x10, 0).astype(np.uint8)
    words = [a.view("<u8") for a in (care, want, low, low & 6, high)]
    return offsets, *words, np.array(ampm, dtype=np.int64)


def _match_fields(
    buf: np.ndarray, starts: np.ndarray, fields: list[_Field], widths: list[int]
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Which ``starts`` match ``fields``, and where each field starts (and the last ends).

    Most lines have the digit widths of the probe header (``widths``): those are checked
    on 8-byte words of one window of bytes at once; only the others field by field.
    """
    offsets, care, want, low, six, high, ampm = _layout(fields, widths)
    width = 8 * len(care)
    lanes = np.lib.stride_tricks.as_strided(buf, (len(buf) - width + 1, width), (1, 1))
    window = lanes[starts]
    words = window.view("<u8")
    fixed = np.ones(len(starts), dtype=bool)
    for i in range(len(care)):
        word = words[:, i]
        fixed &= (word & care[i]) == want[i]
        if low[i]:
            fixed &= (((word & low[i]) + six[i]) & high[i]) == 0
    for place in ampm.tolist():
        byte = window[:, place]
        fixed &= np.isin(byte, np.frombuffer(b"AaPp", dtype=np.uint8))
    at = [starts + int(offset) for offset in offsets]
    rest = np.flatnonzero(~fixed)
    if len(rest):
        rest_ok, rest_at = _match_each(buf, starts[rest], fields)
        fixed[rest] = rest_ok
        for i in range(len(at)):
            at[i][rest] = rest_at[i]
    return fixed, at


def _literal(window: list[np.ndarray], text: bytes) -> np.ndarray:
    """Rows whose bytes in ``window`` (one array per byte) are ``text``."""
    match = window[0] == text[0]
    for column, byte in zip(window[1:], text[1:], strict=True):
        match &= column == byte
    return match


def _match_each(
    buf: np.ndarray, starts: np.ndarray, fields: list[_Field]
) -> tuple[np.ndarray, list[np.ndarray]]:
    """:func:`_match_fields` field by field, each digit field of any width it allows."""
    ok = np.ones(len(starts), dtype=bool)
    pos = starts.copy()
    at = [pos]
    for field in fields:
        if field.marks:
            run = np.zeros(len(pos), dtype=np.int64)
            for k in range(_MAX_MARKS + 1):  # one more: a longer run is no match
                run += (run == k) & _IS_MARK[buf[pos + k]]
            ok &= run <= _MAX_MARKS
        elif not field.hi:
            window = [buf[pos + k] for k in range(len(field.text))]
            ok &= _literal(window, field.text) | (field.alt != b"" and _literal(window, field.alt))
            run = np.full(len(pos), len(field.text), dtype=np.int64)
        else:
            run = np.zeros(len(starts), dtype=np.int64)
            for k in range(field.hi + 1):  # one more: a longer run is no match
                digit = buf[pos + k]
                run += (run == k) & (digit >= 48) & (digit <= 57)
            ok &= (run >= field.lo) & (run <= field.hi)
        pos = pos + run
        at.append(pos)
    return ok, at


def _first_seen_codes(values: np.ndarray) -> np.ndarray:
    """``pandas.factorize(values, sort=False)[0]`` of integer keys, with numpy only (the
    command line reads a small chat without importing pandas)."""
    _, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.intp)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first), dtype=np.intp)
    return rank[inverse.reshape(-1)]


def _factorize(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``keys`` in order of first appearance, and the first row of each code.

    Runs of one key (a day's dates, an author's messages) are looked at once.
    """
    if not len(keys):
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    heads = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    head_codes = _first_seen_codes(keys[heads])
    # codes come in order of first appearance: a code is new where it passes every before
    new = np.flatnonzero(head_codes > np.maximum.accumulate(np.append(-1, head_codes[:-1])))
    lengths = np.diff(np.append(heads, len(keys)))
    return np.repeat(head_codes.astype(np.intp), lengths), heads[new]


def _span_codes(
    buf: np.ndarray, raw: bytes, starts: np.ndarray, ends: np.ndarray, has: np.ndarray | None
) -> tuple[np.ndarray, list[Any]]:
    """Codes and distinct values of ``raw[start:end]`` (None where not ``has``), in order
    of first appearance, compared by their bytes."""
    has = np.ones(len(starts), dtype=bool) if has is None else has
    lengths = np.where(has, ends - starts, 0)
    longest = int(lengths.max()) if len(lengths) else 0
    if longest <= _MAX_SPAN:
        # 8 bytes read at every byte offset; a span is its words at 0, 8, ... and its last 8
        eights = np.ndarray((len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))
        short = lengths < 8
        last = np.maximum(ends - 8, starts)
        words = []
        for k in range(max(1, -(-longest // 8))):
            word = eights[np.minimum(starts + 8 * k, last)]
            if k:
                word[short] = 0
            words.append(word)
        keep = np.left_shift(np.uint64(1), np.uint64(8) * np.minimum(lengths, 7).astype(np.uint64))
        words[0] = np.where(short, words[0] & (keep - np.uint64(1)), words[0])
        key = np.where(has, lengths, -1).astype(np.uint64)
        for word in words:
            key = key * np.uint64(0x9E3779B97F4A7C15) + word
        codes, first = _factorize(key)
        rep = first[codes]
        same = (has == has[rep]) & (lengths == lengths[rep])
        for word in words:
            same &= word == word[rep]
        if same.all():
            uniques: list[Any] = [
                raw[a:b] if h else None
                for a, b, h in zip(
                    starts[first].tolist(), ends[first].tolist(), has[first].tolist(), strict=True
                )
            ]
            return codes, uniques
    # long spans, or two spans with one hash: compare the bytes themselves
    values = [
        raw[a:b] if h else None
        for a, b, h in zip(starts.tolist(), ends.tolist(), has.tolist(), strict=True)
    ]
    return factorize(values)


def _regex_finds_more(raw: bytes, shape: str, newlines: np.ndarray) -> bool:
    """True when the full header regex matches at one of ``newlines`` (lines that could
    start a header but do not match the template)."""
    full = pat.SHAPES[shape]
    return any(full.match(raw, at) for at in newlines.tolist())


def scan(raw: bytes, shape: str, regex: re.Pattern[bytes]) -> Scan | None:
    """The headers of ``raw`` (normalised: starting with a newline), or None when the
    scan cannot promise the regex's result (see the module docstring). ``regex`` finds
    the header the template is taken from."""
    if shape not in ("android", "ios") or not raw.endswith(PADDING):
        return None
    probe = regex.search(raw)
    made = _template(probe, shape) if probe is not None else None
    if made is None:
        return None
    fields, date_fields, time_fields, widths = made
    size = len(raw)
    buf = np.frombuffer(raw, dtype=np.uint8)
    newlines = np.flatnonzero(buf[: size - len(PADDING) + 1] == _NL)
    line_starts = newlines + 1
    first = buf[line_starts]
    could = ((first >= 48) & (first <= 57)) | (first == 91) | (first == 0xE2)
    candidates = np.flatnonzero(could)
    ok, at = _match_fields(buf, line_starts[candidates], fields, widths)
    if _regex_finds_more(raw, shape, newlines[candidates[~ok]]):
        return None
    lines = candidates[ok]
    if not len(lines):
        return None
    date_start, date_end = at[date_fields[0]][ok], at[date_fields[-1] + 1][ok]
    time_start, time_end = at[time_fields[0]][ok], at[time_fields[-1] + 1][ok]
    date_codes, date_uniques = _span_codes(buf, raw, date_start, date_end, None)
    time_codes, time_uniques = _span_codes(buf, raw, time_start, time_end, None)

    # the author: [^\n:]++ then ":" and " ", "\xc2\xa0", or the line's end after a "."
    author = at[-1][ok]
    line_end = np.append(newlines, size)[lines + 1]
    colons = np.flatnonzero(buf == _COLON)
    colon = np.append(colons, size - 3)[np.searchsorted(colons, author)]  # none: in PADDING
    next1, next2 = buf[colon + 1], buf[colon + 2]
    gap = np.zeros(len(lines), dtype=np.int64)
    end_after = (next1 == _NL) | ((next1 == _DOT) & (next2 == _NL))  # PADDING: never \Z
    gap[end_after] = 1
    gap[next1 == _SPACE] = 2
    gap[(next1 == 0xC2) & (next2 == 0xA0)] = 3
    has_author = (colon < line_end) & (colon > author) & (gap > 0)
    body_start = np.where(has_author, colon + gap, author)
    author_codes, author_uniques = _span_codes(buf, raw, author, colon, has_author)

    # the text runs to the newline before the next header, without newlines at its end
    text_end = np.append(newlines[lines[1:]], size - len(PADDING))
    trailing = np.flatnonzero((text_end > body_start) & (buf[text_end - 1] == _NL))
    while len(trailing):
        text_end[trailing] -= 1
        keep = (text_end[trailing] > body_start[trailing]) & (buf[text_end[trailing] - 1] == _NL)
        trailing = trailing[keep]
    return Scan(
        date_codes=date_codes,
        date_uniques=date_uniques,
        time_codes=time_codes,
        time_uniques=time_uniques,
        author_codes=author_codes,
        author_uniques=author_uniques,
        body_starts=body_start,
        body_ends=line_end,
        text_ends=text_end,
    )
