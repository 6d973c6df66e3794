"""The Data tab's search over a table's display strings, held compactly (Qt-free).

A row matches when one of its cells contains the search text, case-insensitively: the
cell's display string lower-cased (``str.lower``) contains the lower-cased text. The
search never matches across two cells.

Each column keeps its *distinct* display strings once, lower-cased and joined into one
string, with where each starts, and for every row which distinct string it shows (the
smallest integer type that fits). A search finds the distinct strings that contain the
text with one regular-expression scan of the joined string, then maps them to rows with
numpy. For 100k rows this holds a few bytes per cell instead of a lower-case copy of
every row (a column such as the source file, with a few long values, costs one byte a
row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: joins the distinct strings of a column (a search text holding it is looked up cell
#: by cell instead, so it still never matches across cells)
SEPARATOR = "\x1f"


@dataclass(frozen=True)
class ColumnSearch:
    """The distinct lower-case display strings of one column and which row shows which."""

    text: str  # the distinct strings, lower-cased, joined by SEPARATOR
    starts: np.ndarray  # where each starts in ``text``, plus len(text) + 1 at the end
    codes: np.ndarray | None  # per row, its distinct string; None: row i shows string i

    @property
    def distinct(self) -> int:
        """How many distinct strings the column has."""
        return len(self.starts) - 1

    def value(self, k: int) -> str:
        """The ``k``-th distinct string (lower-case)."""
        return self.text[int(self.starts[k]) : int(self.starts[k + 1]) - 1]

    def values_with(self, needle: str) -> np.ndarray:
        """Indices of the distinct strings that contain ``needle`` (lower-case, not "")."""
        if SEPARATOR in needle:  # could span two strings of the joined text: one by one
            found = [k for k in range(self.distinct) if needle in self.value(k)]
            return np.array(found, dtype=np.int64)
        # a match cannot contain the separator, so it lies within one string; the rest
        # of that string is consumed, so the next match starts in a later one
        pattern = re.compile(re.escape(needle) + f"[^{SEPARATOR}]*")
        positions = np.fromiter((m.start() for m in pattern.finditer(self.text)), np.int64)
        return np.unique(np.searchsorted(self.starts, positions, side="right") - 1)


def column_search(strings: np.ndarray) -> ColumnSearch:
    """The search of one column from its display strings (an object array of str, or as
    held by :func:`~privacy_audit.gui.table_text.compact_strings` or ``coded_strings``)."""
    strings = np.asarray(strings)  # coded strings: the object array they stand for
    if strings.dtype.kind == "S":
        strings = strings.astype(str).astype(object)
    codes, distinct = pd.factorize(strings, sort=False, use_na_sentinel=False)
    lowered = [value.lower() for value in distinct]
    starts = np.zeros(len(lowered) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, lowered), np.int64, len(lowered)) + 1, out=starts[1:])
    if len(distinct) == len(strings):  # first-seen order: every row its own string
        kept = None
    else:
        kept = codes.astype(np.min_scalar_type(max(len(distinct) - 1, 0)))
    return ColumnSearch(SEPARATOR.join(lowered), starts, kept)


@dataclass(frozen=True)
class TableSearch:
    """The search of a whole table (:func:`table_search`)."""

    rows: int
    columns: list[ColumnSearch]

    def matching_rows(self, text: str) -> np.ndarray:
        """Rows (ascending) where some cell contains ``text``, case-insensitively;
        every row for an empty text."""
        needle = text.lower()
        if not needle:
            return np.arange(self.rows)
        mask = np.zeros(self.rows, dtype=bool)
        for column in self.columns:
            hits = column.values_with(needle)
            if len(hits) == 0:
                continue
            if column.codes is None:
                mask[hits] = True
            else:
                chosen = np.zeros(column.distinct, dtype=bool)
                chosen[hits] = True
                mask |= chosen[column.codes]
        return np.flatnonzero(mask)


def table_search(display: list[np.ndarray], rows: int) -> TableSearch:
    """The search of a table of ``rows`` rows from its columns' display strings."""
    return TableSearch(rows, [column_search(strings) for strings in display])
