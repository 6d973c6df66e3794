"""A chat's headers as columns: coded dates, times and authors, and where every body is.

Two ways to get them, with the same result: the vectorised scan (:mod:`scan`) when the
file allows it, else one ``split`` of the header regex over the whole text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat import scan as sc
from privacy_audit.sources.whatsapp.chat import vector as vec

#: items per message in ``regex.split``: the four groups, then the text up to the next header
_STRIDE = 5
_REPLACE = ["replace"]


@dataclass
class Columns:
    """Every message header of a chat, in the order of the text."""

    date_codes: np.ndarray
    date_uniques: list[bytes]
    time_codes: np.ndarray
    time_uniques: list[bytes]
    author_codes: np.ndarray
    author_uniques: list[bytes | None]  # None: no author (a system line)
    bodies: vec.Bodies  # the first line of every body
    #: every kept message's text (first line and continuation lines), given which rows
    #: are kept: a rejected header line (an impossible date) and its lines are text of
    #: the kept message before it, as they were in the file
    texts: Callable[[np.ndarray], list[str]]

    def __len__(self) -> int:
        return len(self.date_codes)


def read_columns(raw: bytes, shape: str, vectorised: bool = True) -> Columns | None:
    """The headers of ``raw`` (normalised, starting with a newline) in ``shape``, or None
    when there is none. ``vectorised=False`` always takes the regex."""
    regex, starts = pat.narrowed(raw, shape)
    scanned = sc.scan(raw, shape, regex) if vectorised else None
    if scanned is not None:
        return _from_scan(raw, scanned)
    parts: list[Any] = regex.split(raw)
    found = len(parts) // _STRIDE
    if (
        regex is not pat.SHAPES[shape]
        and found != vec.digit_lines(raw)
        and found != len(starts.findall(raw))
    ):
        regex = pat.SHAPES[shape]  # a line the narrow regex missed: the full one
        parts = regex.split(raw)
    if len(parts) < _STRIDE:
        return None
    # split() gives the text before the first header, then per message its four groups
    # (date, time, author or None, body's first line) and the text up to the next header
    dates, times, authors, bodies = (parts[i::_STRIDE] for i in range(1, _STRIDE))
    rests = parts[_STRIDE::_STRIDE]
    date_codes, date_uniques = vec.factorize(dates)
    time_codes, time_uniques = vec.factorize(times)
    author_codes, author_uniques = vec.factorize(authors)
    return Columns(
        date_codes,
        date_uniques,
        time_codes,
        time_uniques,
        author_codes,
        author_uniques,
        vec.Bodies.joined(bodies),
        lambda valid: (
            _split_texts(bodies, rests)
            if valid.all()
            else _span_texts(raw, *_regex_spans(raw, regex), valid)
        ),
    )


def _from_scan(raw: bytes, scanned: sc.Scan) -> Columns:
    bodies = vec.Bodies(raw, scanned.body_starts, scanned.body_ends - scanned.body_starts)
    return Columns(
        scanned.date_codes,
        scanned.date_uniques,
        scanned.time_codes,
        scanned.time_uniques,
        scanned.author_codes,
        scanned.author_uniques,
        bodies,
        lambda valid: _span_texts(raw, scanned.body_starts, scanned.text_ends, valid),
    )


def _split_texts(bodies: list[bytes], rests: list[bytes]) -> list[str]:
    """Every message's text: the body's first line and every continuation line up to the
    next header (``rests``: from the body's end to the next header), without the
    newlines at its end."""
    n = len(bodies)
    texts = list(map(bytes.decode, bodies, itertools.repeat("utf-8", n), _REPLACE * n))
    for i in itertools.compress(range(n), rests):  # continuation lines (few)
        rest = rests[i].rstrip(b"\n")
        if rest:
            texts[i] = (bodies[i] + rest).decode("utf-8", "replace")
    return texts


def _regex_spans(raw: bytes, regex: re.Pattern[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Where every body starts and its text ends (as :func:`scan.scan` gives them), from
    the matches of the regex that split ``raw``."""
    matches = list(regex.finditer(raw))
    starts = [m.start(4) for m in matches]
    ends = [m.start() for m in matches[1:]] + [len(raw)]
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        while end > start and raw[end - 1] == 0x0A:  # no newline at the text's end
            end -= 1
        ends[i] = end
    return np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)


def _span_texts(raw: bytes, starts: np.ndarray, ends: np.ndarray, valid: np.ndarray) -> list[str]:
    """Every kept message's text, ``raw[start:end]`` decoded; a kept message's text runs
    through the rejected rows after it (up to the next kept one)."""
    if not valid.all():
        kept = np.flatnonzero(valid)
        last = np.append(kept[1:] - 1, len(valid) - 1)  # the row before the next kept one
        starts, ends = starts[kept], ends[last]
    return [
        raw[a:b].decode("utf-8", "replace")
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
    ]
