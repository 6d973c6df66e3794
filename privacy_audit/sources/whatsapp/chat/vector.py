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


class Bodies:
    """Shape flags of every body's first line, computed on one joined buffer."""

    def __init__(self, bodies: list[bytes]) -> None:
        n = len(bodies)
        self.lengths = np.fromiter(map(len, bodies), dtype=np.int64, count=n)
        # \0 between bodies, padding on both sides so that every index below is in range
        buffer = b"\0" * _PAD + b"\0".join(bodies) + b"\0" * _PAD
        self.bytes = np.frombuffer(buffer, dtype=np.uint8)
        starts = np.empty(n, dtype=np.int64)
        if n:
            starts[0] = _PAD
            np.cumsum(self.lengths[:-1] + 1, out=starts[1:])
            starts[1:] += _PAD
        self.starts = starts
        self.ends = starts + self.lengths  # one past the last byte

    def starts_with(self, prefix: bytes) -> np.ndarray:
        """Bodies that start with ``prefix`` (a few bytes)."""
        mask = self.lengths >= len(prefix)
        for offset, byte in enumerate(prefix):
            mask &= self.bytes[self.starts + offset] == byte
        return mask

    def tail_key(self, width: int = 4) -> np.ndarray:
        """The last ``width`` bytes of every body as one integer (zero-padded in front)."""
        key = np.zeros(len(self.starts), dtype=np.uint64)
        for offset in range(width, 0, -1):
            byte = self.bytes[self.ends - offset].astype(np.uint64)
            byte[self.lengths < offset] = 0
            key = (key << np.uint64(8)) | byte
        return key

    def ends_with_any(self, suffixes: tuple[bytes, ...]) -> np.ndarray:
        """Bodies that may end with one of ``suffixes`` (exact for the last 4 bytes)."""
        keys = []
        for suffix in suffixes:
            tail = suffix[-4:]
            keys.append(int.from_bytes(tail.rjust(4, b"\0"), "big"))
        short = {k for k, s in zip(keys, suffixes, strict=True) if len(s) < 4}
        long_keys = np.array([k for k in keys if k not in short], dtype=np.uint64)
        tails = self.tail_key(4)
        mask = np.isin(tails, long_keys)
        for suffix in (s for s in suffixes if len(s) < 4):
            mask |= (self.tail_key(len(suffix)) == int.from_bytes(suffix, "big")) & (
                self.lengths >= len(suffix)
            )
        return mask
