"""Typed pandas columns for the Evidence tables (see :mod:`privacy_audit.model`).

A schema maps column -> kind (``str``, ``time``, ``int``, ``bool``). Values come as
lists (one per row) or as one value for every row; times are Unix seconds, datetimes
(aware or UTC-naive) or None, and become ``datetime64[..., UTC]``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from privacy_audit.source_info import text_value


def _to_utc(value: Any) -> Any:
    if value is None or value == "" or value == 0:
        return pd.NaT
    if isinstance(value, (int, float)):
        return pd.Timestamp(value, unit="s", tz="UTC") if value > 0 else pd.NaT
    if isinstance(value, datetime):
        ts = pd.Timestamp(value)
        return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return value


_NUMBER_TYPES = frozenset((int, float, type(None)))


def _times(values: list[Any]) -> pd.DatetimeIndex:
    """Vectorized conversion of Unix seconds / datetimes / None to UTC."""
    if set(map(type, values)) <= _NUMBER_TYPES or all(
        v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in values
    ):
        arr = np.array(values, dtype="float64")  # None -> NaN
        arr[arr <= 0] = np.nan
        return pd.to_datetime(arr, unit="s", utc=True, errors="coerce")
    if all(v is None or isinstance(v, datetime) for v in values):
        try:
            return pd.to_datetime(values, utc=True, errors="coerce")
        except (TypeError, ValueError):
            pass
    return pd.to_datetime([_to_utc(v) for v in values], utc=True, errors="coerce")


_TEXT_TYPES = frozenset((str, type(None)))


def _column(kind: str, values: Any, n: int) -> Any:
    """One typed column of ``n`` rows from a list of values (or one value for all rows)."""
    if not isinstance(values, list):  # one value for every row: convert it once
        if kind == "time":
            return _times([values] * n) if n else _times([])
        if kind == "str":
            return pd.array(np.full(n, text_value(values), dtype=object), dtype=object)
        if kind == "int":
            return pd.array(np.full(n, -1 if values is None else int(values)), dtype="int64")
        if kind == "bool":
            return pd.array(np.full(n, bool(values)), dtype="bool")
        values = [values] * n
    if kind == "time":
        return _times(values)
    if kind == "int":
        return pd.array([(-1 if v is None else int(v)) for v in values], dtype="int64")
    if kind == "bool":
        return pd.array([bool(v) for v in values], dtype="bool")
    if set(map(type, values)) <= _TEXT_TYPES:  # str or None: only "" needs a change
        return pd.array([v or None for v in values] if "" in values else values, dtype=object)
    return pd.array([text_value(v) for v in values], dtype=object)


def frame_of_columns(schema: Mapping[str, str], n: int, columns: Mapping[str, Any]) -> pd.DataFrame:
    """The typed frame of ``schema`` from ``columns`` (lists of ``n`` values or scalars)."""
    data = {column: _column(kind, columns.get(column), n) for column, kind in schema.items()}
    return pd.DataFrame(data, columns=list(schema))


#: one column given in parts: (rows, a list of that many values or one value for all)
Parts = list[tuple[int, Any]]


def _joined(parts: Parts) -> Any:
    """The values of ``parts`` as one list (the one value of a single uniform part)."""
    if len(parts) == 1 and not isinstance(parts[0][1], list):
        return parts[0][1]
    values: list[Any] = []
    for n, part in parts:
        values.extend(part if isinstance(part, list) else [part] * n)
    return values


def _text_of_parts(parts: Parts, n: int) -> Any:
    """``_column("str", _joined(parts), n)`` without the joined list: each part is
    written into one object array (a uniform part by slice), and the column is made
    what pandas infers for it (pandas' string array when it holds a string, pandas 3)
    directly, so the frame does not infer it value by value again."""
    cells = np.empty(n, dtype=object)  # None everywhere
    has_text = False
    at = 0
    for count, part in parts:
        if isinstance(part, list):
            types = set(map(type, part))
            if types <= _TEXT_TYPES:  # str or None: only "" needs a change
                if "" in part:
                    part = [v or None for v in part]
                    types = set(map(type, part))
            else:
                part = [text_value(v) for v in part]
                types = set(map(type, part))
            has_text = has_text or str in types
            cells[at : at + count] = part
        elif count:
            value = text_value(part)
            if value is not None:
                cells[at : at + count] = value
                has_text = True
        at += count
    dtype = _inferred_text_dtype()
    if has_text and isinstance(dtype, pd.StringDtype):
        return pd.array(cells, dtype=dtype)
    return pd.array(cells, dtype=object)


def frame_of_parts(schema: Mapping[str, str], n: int, columns: Mapping[str, Parts]) -> pd.DataFrame:
    """:func:`frame_of_columns` of columns given in parts (:data:`Parts`, ``n`` rows in
    all; a column without parts is None on every row)."""
    data = {
        column: _text_of_parts(columns.get(column) or [(n, None)], n)
        if kind == "str"
        else _column(kind, _joined(columns.get(column) or [(n, None)]), n)
        for column, kind in schema.items()
    }
    return pd.DataFrame(data, columns=list(schema))


def frame_of_rows(schema: Mapping[str, str], rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The typed frame of ``schema`` from row dicts (missing keys are None)."""
    columns = {column: [row.get(column) for row in rows] for column in schema}
    return frame_of_columns(schema, len(rows), columns)


@functools.cache
def _inferred_text_dtype() -> Any:
    """The dtype pandas gives a column of Python strings (pandas 3: ``str``)."""
    return pd.DataFrame({"a": np.array(["a"], dtype=object)})["a"].dtype


def text_column(distinct: np.ndarray, codes: np.ndarray) -> Any:
    """``distinct[codes]`` (an object array) as a frame column: exactly what pandas
    infers for it, pandas' string array when the values used are strings or None with
    at least one string (pandas 3), else the object array itself. Only the distinct
    values are checked and converted; rows are taken by their codes (no per-row pass).
    """
    dtype = _inferred_text_dtype()
    if isinstance(dtype, pd.StringDtype) and len(codes):
        used = distinct[np.bincount(codes, minlength=len(distinct)) > 0]
        types = set(map(type, used))
        if str in types and types <= {str, type(None)}:
            return pd.array(distinct, dtype=dtype).take(codes)
    return distinct[codes]


def _is_text_array(col: pd.Series) -> bool:
    """True when ``col`` is already what :func:`conform` makes of a text column that
    holds at least one string: pandas' string array (pandas 3), missing values its own.
    (A column without any string comes out as ``object`` of None instead.)"""
    if not isinstance(col.dtype, pd.StringDtype) or col.dtype != _inferred_text_dtype():
        return False
    return len(col) > 0 and (isinstance(col.iat[0], str) or bool(col.notna().any()))


def conform(schema: Mapping[str, str], frame: pd.DataFrame) -> pd.DataFrame:
    """Give ``frame`` exactly the columns and dtypes of ``schema``."""
    out = {}
    n = len(frame)
    kept = set()  # text columns already in their final form
    for column, kind in schema.items():
        if column in frame:
            col = frame[column]
            if kind == "str" and _is_text_array(col):
                out[column] = col
                kept.add(column)
            elif kind == "time":
                out[column] = pd.to_datetime(col, utc=True, errors="coerce")
            elif kind == "int":
                out[column] = col.fillna(-1).astype("int64")
            elif kind == "bool":
                out[column] = col.fillna(False).astype("bool")
            else:
                out[column] = col.astype(object).where(col.notna(), None)
        elif kind == "time":
            out[column] = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns, UTC]")
        elif kind == "int":
            out[column] = pd.Series(-1, index=range(n), dtype="int64")
        elif kind == "bool":
            out[column] = pd.Series(False, index=range(n), dtype="bool")
        else:
            out[column] = pd.Series([None] * n, dtype=object)
    # times stay datetime arrays: to_numpy() would make 400,000 Timestamp objects
    result = pd.DataFrame(
        {
            k: (v.array if schema[k] == "time" or k in kept else v.to_numpy())
            if hasattr(v, "to_numpy")
            else v
            for k, v in out.items()
        }
    )
    for column, kind in schema.items():
        if kind == "time":
            result[column] = pd.to_datetime(result[column], utc=True)
    return result
