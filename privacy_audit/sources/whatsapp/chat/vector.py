"""Vectorised helpers of the chat parser: codes for repeated values, body shape flags.

Python-level work per message is what makes chat parsers slow; these helpers look at
200,000 message bodies with a handful of C-level passes (``b"".join``, ``numpy``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_PAD = 4


def digit_lines(data: bytes) -> int:
    """Lines of ``data`` (after its first byte) that start with a digit, ``[`` or U+2xxx.

    Every header line does; when a regex matched exactly this many lines, no line that
    could be a header was left out.
    """
    buffer = np.frombuffer(data, dtype=np.uint8)
    first = buffer[np.flatnonzero(buffer[:-1] == 10) + 1]
    return int(np.count_nonzero(((first >= 48) & (first <= 57)) | (first == 91) | (first == 0xE2)))


def run_codes(values: list[bytes]) -> tuple[np.ndarray, list[int]]:
    """Codes for values that come in runs (a chat's dates): one code per run.

    Returns (code of every row, row index of each run's first value). Equal values in
    different runs get different codes, which is harmless: each code is decoded alone.
    """
    array = np.empty(len(values), dtype=object)
    array[:] = values
    change = np.ones(len(values), dtype=bool)
    change[1:] = array[1:] != array[:-1]
    heads = np.flatnonzero(change)
    return np.cumsum(change) - 1, heads.tolist()


def factorize(values: list[bytes]) -> tuple[np.ndarray, list[bytes]]:
    """pandas' hash-based factorisation of a list of bytes (codes, distinct values)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    codes, uniques = pd.factorize(array, sort=False)
    return codes, list(uniques)


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
