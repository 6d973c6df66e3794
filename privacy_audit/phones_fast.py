"""E.164 keys for the common written forms of phone numbers, without a full parse.

:func:`e164_of_keys` gives exactly what ``phonenumbers.parse`` + ``is_valid_number`` +
``format_number(E164)`` gives, for written numbers that are plain ASCII digits with an
optional leading ``+`` (separators already removed by the caller): ``+39 333 1234567``,
``0039 06 1234 5678``, ``333 1234567``, ``(202) 555-0123``, ``0170 1234567``.

It is ``phonenumbers``' own algorithm restricted to that input shape, run on
``phonenumbers``' own metadata (:mod:`privacy_audit.phones_metadata`: country calling
codes, international and national prefixes with their transform rules, possible
lengths, number-type patterns per region) on whole columns: the keys become one numpy
table of code points, where the shape check, the country code after a "+" (one lookup
table of the 1,000 three-digit heads) and the grouping by country code are array
operations; each group's national numbers are then cut out of the table at once and
checked with one compiled pattern per (region, length). Python code runs per number
only for the few that need a national prefix read or a country code found after an
international prefix. The generic text handling of ``parse`` (extracting a number out
of free text, vanity letters, extensions, RFC 3966, Unicode digits) is what costs most
and is skipped; any key outside the shape, with an unknown or non-geographic country
code, or without a default region is handed to the caller's fallback (a full
``phonenumbers`` parse).
``tests/test_phones_fast.py`` checks the equality on every region's example numbers in
national, international and ``00`` forms and on random digit strings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from itertools import compress, pairwise, repeat
from typing import cast

import numpy as np

from privacy_audit import phones_metadata
from privacy_audit.phones_metadata import (
    MIN_NSN,
    TOO_LONG,
    Region,
    home_prefixes,
    region_metadata,
    regions_of,
    split_country_code,
    valid_in_group,
)

_MIN_KEY, _MAX_KEY = 3, 21  # keys of 3 to 20 digits, "+" included in the length
_PLUS, _ZERO, _NINE = ord("+"), ord("0"), ord("9")


def _national_part(key: str, home: Region | None) -> tuple[int, str] | None:
    """(country code, number before national prefix stripping) of a key without "+".

    None: undecided; country code 0: invalid for sure (phonenumbers raises on such
    input); a negative code: no code written, a number of the default region.
    """
    if home is None:
        return None
    found = home.idd.match(key) if home.idd is not None else None
    if found is not None and key[found.end() : found.end() + 1] != "0":
        after = key[found.end() :]
        if len(after) <= MIN_NSN:
            return 0, ""
        code, rest = split_country_code(after)
        return (code, rest) if code else (0, "")
    own = str(home.country_code)
    if key.startswith(own):
        candidate = home.strip_national_prefix(key[len(own) :])
        if (not home.matches_general(key) and home.matches_general(candidate)) or (
            home.length_result(key) == TOO_LONG
        ):
            return home.country_code, candidate
    return -home.country_code, key  # negative: no code written, the home region's number


@cache
def _head_codes() -> tuple[np.ndarray, np.ndarray]:
    """For the three digits written after a "+" (as a number 0-999): the country code
    they start with and its number of digits (0 and 0: none), as phonenumbers'
    _extract_country_code reads them."""
    codes = np.zeros(1000, dtype=np.int64)
    sizes = np.zeros(1000, dtype=np.int64)
    for head in range(1000):
        code, rest = split_country_code(f"{head:03d}")
        if code:
            codes[head], sizes[head] = code, 3 - len(rest)
    return codes, sizes


class _Column:
    """The keys of one call as a table of code points, with what is known of each row:
    its country code group (``signed``: negative for the default region's numbers
    written without a code, 0 when not in a group), numbers placed one by one
    (``extra``: group -> rows and national numbers) and rows left to the full parse."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        count = len(keys)
        sizes = np.fromiter(map(len, keys), dtype=np.int64, count=count)
        fitting = (
            keys if sizes.max() <= _MAX_KEY else [k if len(k) <= _MAX_KEY else "" for k in keys]
        )
        table = np.array(fitting)  # fixed width: one row of code points per key
        self.width = table.dtype.itemsize // 4
        self.points = table.view(np.uint32).reshape(count, self.width)
        self.lengths = np.count_nonzero(self.points, axis=1)
        digit = (self.points >= _ZERO) & (self.points <= _NINE)
        self.plus = self.points[:, 0] == _PLUS
        #: "+"? then ASCII digits only, 3 to 21 characters: the fast path's shape
        self.shaped = (
            (sizes == self.lengths)  # no key cut or holding a NUL
            & (self.lengths >= _MIN_KEY)
            & (self.plus | digit[:, 0])
            & (digit[:, 1:] | (self.points[:, 1:] == 0)).all(axis=1)
        )
        self.signed = np.zeros(count, dtype=np.int64)
        self.undecided = ~self.shaped
        self.extra: defaultdict[int, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))

    def national_numbers(self, code: int, rows: np.ndarray) -> list[str]:
        """The national numbers of ``rows`` written as "+" ``code`` digits."""
        skip = 1 + len(str(code))
        width = self.width - skip
        if width <= 0:
            return [""] * len(rows)
        digits = np.ascontiguousarray(self.points[rows, skip:])
        numbers = cast(list[str], digits.view(np.dtype(("U", width))).ravel().tolist())
        if (self.lengths[rows] - skip < MIN_NSN).any():  # too short to read: "" (never valid)
            numbers = [n if len(n) >= MIN_NSN else "" for n in numbers]
        return numbers

    def place(self, row: int, part: tuple[int, str] | None, plus: bool) -> None:
        """One key as :func:`_national_part` read it (``plus``: it was written with a
        "+" that phonenumbers dropped, so a number with no code is no number)."""
        if part is None:
            self.undecided[row] = True
        elif part[0] == 0 or (plus and part[0] < 0):
            pass  # no number: the result stays None
        elif regions_of(abs(part[0])) is None:  # non-geographic: left to the full parse
            self.undecided[row] = True
        else:  # too short to read: "" (never valid)
            rows, nationals = self.extra[part[0]]
            rows.append(row)
            nationals.append(part[1] if len(part[1]) >= MIN_NSN else "")


def e164_of_keys(
    keys: Iterable[str], region: str | None, fallback: Callable[[str], str | None]
) -> list[str | None]:
    """E.164 of every key, or None when it is not a valid number, in the keys' order.

    ``keys`` are written numbers reduced to ``+?digits`` (separators removed); ``region``
    is the default region as for ``phonenumbers.parse``. Numbers are grouped by country
    code (written, or the default region's) on a table of the keys' code points, and
    each group is decided in one pass; ``fallback(key)`` (a full phonenumbers parse)
    decides the keys outside the fast path.
    """
    keys = list(keys)
    if not keys:
        return []
    home = region_metadata(region.upper()) if region else None
    column = _Column(keys)
    _sort_written(column, home)
    _sort_national(column, home)
    out = np.full(len(keys), None, dtype=object)
    grouped = np.flatnonzero(column.signed)
    order = np.argsort(column.signed[grouped], kind="stable")
    grouped, signs = grouped[order], column.signed[grouped][order]
    bounds = [*np.flatnonzero(np.diff(signs, prepend=0)).tolist(), len(signs)]
    for start, end in pairwise(bounds):
        signed_code, rows = int(signs[start]), grouped[start:end]
        if signed_code > 0:
            nationals = column.national_numbers(signed_code, rows)
        else:
            nationals = list(map(keys.__getitem__, rows.tolist()))
        extra_rows, extra_nationals = column.extra.pop(signed_code, ([], []))
        if extra_rows:
            rows = np.concatenate([rows, extra_rows])
            nationals += extra_nationals
        _fill(out, rows, *_decide_group(signed_code, nationals, home))
    for signed_code, (extra_rows, extra_nationals) in column.extra.items():
        _fill(out, np.array(extra_rows), *_decide_group(signed_code, extra_nationals, home))
    for row in np.flatnonzero(column.undecided).tolist():
        out[row] = fallback(keys[row])
    results: list[str | None] = out.tolist()
    return results


def _fill(out: np.ndarray, rows: np.ndarray, flags: np.ndarray, e164: list[str]) -> None:
    """Write the E.164 forms of the flagged ``rows`` (the others stay None)."""
    if e164:
        out[rows[flags]] = np.array(e164, dtype=object)


def _sort_written(column: _Column, home: Region | None) -> None:
    """Group the keys written with "+" by the country code after it."""
    if column.width < 4:
        column.undecided |= column.plus  # "+" and at most two digits
        return
    written = column.shaped & column.plus
    head_digits = column.points[:, 1:4].astype(np.int64) - _ZERO
    heads = np.where(written, head_digits @ np.array([100, 10, 1]), 0)
    codes_of, _sizes = _head_codes()
    codes = np.where(written & (column.lengths >= 4), codes_of[heads.clip(0, 999)], 0)
    column.undecided |= written & (column.lengths < 4)
    for code in np.unique(codes[codes > 0]).tolist():
        if regions_of(code) is None:  # non-geographic: left to the full parse
            column.undecided |= codes == code
        else:
            column.signed[codes == code] = code
    # "+0…"/an unknown code: parse retries without the "+"
    for row in np.flatnonzero(written & (column.lengths >= 4) & (codes == 0)).tolist():
        column.place(row, _national_part(column.keys[row][1:], home), plus=True)


def _sort_national(column: _Column, home: Region | None) -> None:
    """Keys written without "+": most are the default region's numbers as they are; those
    that start with its international prefix or its country code are read one by one."""
    rows = np.flatnonzero(column.shaped & ~column.plus)
    if not len(rows):
        return
    special = home_prefixes(home.code) if home is not None else None
    if home is None or special is None:
        column.undecided[rows] = True
        return
    national = list(map(column.keys.__getitem__, rows.tolist()))
    starts = np.fromiter(map(bool, map(special.match, national)), dtype=bool, count=len(rows))
    column.signed[rows[~starts]] = -home.country_code
    for row in rows[starts].tolist():
        column.place(row, _national_part(column.keys[row], home), plus=False)


def _decide_group(
    signed_code: int, nationals: list[str], home: Region | None
) -> tuple[np.ndarray, list[str]]:
    """Which national numbers of one (geographic) country code group are valid, and
    their E.164 forms in order: strip the national prefix, check lengths and validity."""
    code = abs(signed_code)
    regions = regions_of(code) or ()
    # parse reads the national number with the main region of a written code and with
    # the default region when no code is written
    reader = home if signed_code < 0 and home is not None else regions[0]
    nsns = nationals
    literal = reader.literal_prefix
    if literal is not None:  # the common case, without a match object per number
        if any(starts := list(map(str.startswith, nsns, repeat(literal)))):
            read = reader.national_for_parse
            nsns = [read(n) if m else n for n, m in zip(nsns, starts, strict=True)]
    elif reader.national_prefix is not None:
        found = list(map(reader.national_prefix.match, nsns))
        if any(found):
            # an empty match that captured nothing leaves the number as it is
            read = reader.national_for_parse
            nsns = [
                read(n) if m is not None and (m.end() or m.lastindex) else n
                for n, m in zip(nsns, found, strict=True)
            ]
    valid = valid_in_group(code, nsns)
    flags = np.fromiter(map(valid.__contains__, nsns), dtype=bool, count=len(nsns))
    return flags, list(map(f"+{code}".__add__, compress(nsns, flags)))


def clear_compiled() -> None:
    """Forget the compiled metadata (benchmarks time the compilation too)."""
    phones_metadata.clear()
    _head_codes.cache_clear()
