"""Display strings of DataFrame columns, fast with 100k rows (Qt-free).

Built once per column, vectorised, in chunks of :data:`CHUNK` rows; used by the table
model (:mod:`privacy_audit.gui.table_model`) and prepared ahead in the import child.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

#: rows formatted per step: each step is one short C call, so a worker thread building
#: display strings gives the GIL back to the GUI thread often (no event-loop stalls)
CHUNK = 8192
#: a boolean cell: "" for False, a tick for True
_TICKS = np.array(["", "✓"], dtype=object)


def _time_strings(values: np.ndarray) -> np.ndarray:
    if len(values) == 0:
        return np.array([], dtype=object)
    minutes = values.astype("datetime64[m]")
    text = np.datetime_as_string(minutes, unit="m")  # YYYY-MM-DDTHH:MM
    codes = text.view(np.uint32).reshape(len(text), -1).copy()
    codes[:, 10] = ord(" ")
    out = codes.view(text.dtype).ravel().astype(object)
    out[np.isnat(minutes)] = ""
    return out


def _chunk_strings(column: pd.Series) -> np.ndarray:
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        return _time_strings(column.dt.tz_convert(None).to_numpy())
    if pd.api.types.is_datetime64_any_dtype(column):
        return _time_strings(column.to_numpy())
    if pd.api.types.is_bool_dtype(column):  # two strings shared by every row
        return _TICKS[column.to_numpy(dtype=bool).astype(np.intp)]
    if pd.api.types.is_integer_dtype(column):
        values = column.to_numpy()
        out = values.astype(str).astype(object)
        out[values < 0] = ""  # -1 = unknown
        return out
    values = column.to_numpy(dtype=object)
    missing = pd.isna(values)
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        out = values.copy()
        out[missing] = ""
        return out
    return np.where(missing, "", values).astype(str).astype(object)


def display_strings(column: pd.Series) -> np.ndarray:
    """The column as an object array of display strings ("" for missing)."""
    if len(column) <= CHUNK:
        return _chunk_strings(column)
    parts = [_chunk_strings(column.iloc[i : i + CHUNK]) for i in range(0, len(column), CHUNK)]
    return np.concatenate(parts)


def frame_display(frame: pd.DataFrame) -> list[np.ndarray]:
    """Display strings of every column (Qt-free: can run on a worker thread)."""
    return [display_strings(frame.iloc[:, i]) for i in range(frame.shape[1])]


#: widest fixed-width bytes kept by :func:`compact_strings` (a date is 16)
_WIDEST = 32


def compact_strings(strings: np.ndarray) -> np.ndarray:
    """``strings`` as fixed-width ASCII bytes when every one is ASCII and none is longer
    than 32 (a date then holds 16 bytes instead of a 65-byte str object and its
    pointer), else as given; for columns of new strings (dates, numbers).
    :func:`cell_text` reads either."""
    try:
        packed = strings.astype(np.bytes_)
    except UnicodeEncodeError:
        return strings
    return packed if packed.dtype.itemsize <= _WIDEST else strings


#: rows :func:`coded_strings` looks at first: more than 256 distinct there, no coding
_SAMPLE = 2048


class CodedStrings:
    """The display strings of a column with at most 256 distinct ones: each distinct
    string once and a one-byte code per row (instead of an 8-byte pointer per row).
    Indexed like the object array it stands for (a row, or an array of rows)."""

    __slots__ = ("codes", "distinct")

    def __init__(self, distinct: np.ndarray, codes: np.ndarray) -> None:
        self.distinct = distinct  # object array of str
        self.codes = codes  # uint8, one per row

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, rows: Any) -> Any:
        return self.distinct[self.codes[rows]]

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        strings = self.distinct[self.codes]
        return strings if dtype is None else strings.astype(dtype)


def coded_strings(strings: np.ndarray) -> np.ndarray | CodedStrings:
    """``strings`` (shared display strings) as :class:`CodedStrings` when they hold at
    most 256 distinct strings, else as given."""
    if strings.dtype != object or len(strings) == 0:
        return strings
    if len(pd.unique(strings[:_SAMPLE])) > 256:  # names, phones...: no need to hash all
        return strings
    codes, distinct = pd.factorize(strings, use_na_sentinel=False)
    if len(distinct) > 256:
        return strings
    return CodedStrings(np.asarray(distinct, dtype=object), codes.astype(np.uint8))


def cell_text(value: str | bytes) -> str:
    """One display string of :func:`display_strings` or :func:`compact_strings`."""
    return value if type(value) is str else value.decode("ascii")
