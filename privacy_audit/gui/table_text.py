"""Display strings of DataFrame columns, fast with 100k rows (Qt-free).

Built once per column, vectorised, in chunks of :data:`CHUNK` rows; used by the table
model (:mod:`privacy_audit.gui.table_model`) and prepared ahead in the import child.
"""

from __future__ import annotations

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


def compact_strings(strings: np.ndarray) -> np.ndarray:
    """``strings`` as fixed-width ASCII bytes when every one is ASCII (a date then holds
    16 bytes instead of a 65-byte str object and its pointer), else as given; for
    columns of new strings (dates, numbers). :func:`cell_text` reads either."""
    try:
        return strings.astype(np.bytes_)
    except UnicodeEncodeError:
        return strings


def cell_text(value: str | bytes) -> str:
    """One display string of :func:`display_strings` or :func:`compact_strings`."""
    return value if type(value) is str else value.decode("ascii")
