"""Vectorised helpers of the chat parser: codes for repeated values, body shape flags.

Python-level work per message is what makes chat parsers slow; these helpers look at
200,000 message bodies with a handful of C-level passes (``b"".join``, ``numpy``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

_PAD = 4


def digit_lines(data: bytes) -> int:
    """Lines of ``data`` (after its first byte) that start with a digit, ``[`` or U+2xxx.

    Every header line does; when a regex matched exactly this many lines, no line that
    could be a header was left out.
    """
    buffer = np.frombuffer(data, dtype=np.uint8)
    first = buffer[np.flatnonzero(buffer[:-1] == 10) + 1]
    return int(np.count_nonzero(((first >= 48) & (first <= 57)) | (first == 91) | (first == 0xE2)))


def run_heads(codes: np.ndarray) -> np.ndarray:
    """The index of the first row of every run of equal codes (a chat's dates come in runs)."""
    change = np.ones(len(codes), dtype=bool)
    change[1:] = codes[1:] != codes[:-1]
    return np.flatnonzero(change)


def sequence_counts(sequence: np.ndarray) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """How often each code is in ``sequence``, and each pair of consecutive codes."""
    values, counts = np.unique(sequence, return_counts=True)
    singles = dict(zip(values.tolist(), counts.tolist(), strict=True))
    if len(sequence) < 2:
        return singles, {}
    width = int(sequence.max()) + 1
    keys = sequence[:-1].astype(np.int64) * width + sequence[1:]
    pair_values, pair_counts = np.unique(keys, return_counts=True)
    pairs = {
        (key // width, key % width): count
        for key, count in zip(pair_values.tolist(), pair_counts.tolist(), strict=True)
    }
    return singles, pairs


def factorize(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Codes of ``values`` (hashable, e.g. bytes or None) and the distinct values, in order
    of first appearance (as ``pandas.factorize(sort=False)``, with None a value of its own;
    a dict is twice as fast for the few distinct dates, times and authors of a chat)."""
    codes_of: dict[Any, int] = dict.fromkeys(values, 0)
    for code, value in enumerate(codes_of):
        codes_of[value] = code
    codes = np.fromiter(map(codes_of.__getitem__, values), dtype=np.intp, count=len(values))
    return codes, list(codes_of)


def _member(values: np.ndarray, keys: list[int]) -> np.ndarray:
    """``values`` that are one of ``keys`` (as ``np.isin``, without sorting ``values``)."""
    table = np.array(sorted(set(keys)), dtype=values.dtype)
    if not len(table):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(table, values), len(table) - 1)
    return table[at] == values


def _tail(data: bytes) -> int:
    return int.from_bytes(data[-4:].rjust(4, b"\0"), "big")


class Bodies:
    """Shape flags of every body's first line, read in one buffer (``data``; ``starts``,
    ``lengths``: where each first line is in it; at least 4 bytes before the first and
    after the last)."""

    def __init__(self, data: bytes, starts: np.ndarray, lengths: np.ndarray) -> None:
        self.data = data
        self.bytes = np.frombuffer(data, dtype=np.uint8)
        self.starts = starts
        self.lengths = lengths
        self.ends = starts + lengths  # one past the last byte
        # the 4 bytes before every end as one big-endian integer, then the bytes before
        # each body's start masked off
        fours = np.ndarray((len(data) - 3,), dtype=">u4", buffer=data, strides=(1,))
        keep = np.left_shift(np.uint64(1), 8 * np.minimum(lengths, 4).astype(np.uint64))
        self.tails = fours[self.ends - 4].astype(np.uint64) & (keep - np.uint64(1))

    @classmethod
    def joined(cls, bodies: list[bytes]) -> Bodies:
        """The flags of ``bodies`` (joined into one buffer)."""
        n = len(bodies)
        lengths = np.fromiter(map(len, bodies), dtype=np.int64, count=n)
        # \0 between bodies, padding on both sides so that every index below is in range
        buffer = b"\0" * _PAD + b"\0".join(bodies) + b"\0" * _PAD
        starts = np.empty(n, dtype=np.int64)
        if n:
            starts[0] = _PAD
            np.cumsum(lengths[:-1] + 1, out=starts[1:])
            starts[1:] += _PAD
        return cls(buffer, starts, lengths)

    def body(self, row: int) -> bytes:
        """The first line of one body."""
        start = int(self.starts[row])
        return self.data[start : start + int(self.lengths[row])]

    def bodies(self, rows: np.ndarray) -> list[bytes]:
        """The first lines of the bodies of ``rows``."""
        data = self.data
        return [
            data[a:b]
            for a, b in zip(self.starts[rows].tolist(), self.ends[rows].tolist(), strict=True)
        ]

    def exact_codes(self, table: dict[bytes, int]) -> np.ndarray:
        """``table[body]`` (0 when absent) of every body; only bodies with the length and
        the last bytes of a key are looked up."""
        codes = np.zeros(len(self.starts), dtype=np.int8)
        if not table or not len(self.starts):
            return codes
        maybe = _member(self.lengths, [len(k) for k in table])
        maybe &= _member(self.tails, [_tail(k) for k in table])
        rows = np.flatnonzero(maybe)
        codes[rows] = [table.get(body, 0) for body in self.bodies(rows)]
        return codes

    def starts_with(self, prefix: bytes) -> np.ndarray:
        """Bodies that start with ``prefix`` (a few bytes)."""
        mask = self.lengths >= len(prefix)
        for offset, byte in enumerate(prefix):
            mask &= self.bytes[self.starts + offset] == byte
        return mask

    def ends_with_any(self, suffixes: tuple[bytes, ...]) -> np.ndarray:
        """Bodies that may end with one of ``suffixes`` (exact for the last 4 bytes)."""
        mask = _member(self.tails, [_tail(s) for s in suffixes if len(s) >= 4])
        for suffix in (s for s in suffixes if len(s) < 4):
            low = np.uint64((1 << (8 * len(suffix))) - 1)
            mask |= ((self.tails & low) == _tail(suffix)) & (self.lengths >= len(suffix))
        return mask
