"""Vectorised key normalisation shared by the cross-reference and the rules.

Every function takes and returns pandas Series (no Python loops over rows). Columns
repeat a lot (200k messages have a few hundred senders), so each normaliser works on
the distinct values only (``pd.factorize``) and maps the result back by code.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

#: numpy's vectorised string functions (``numpy.strings`` from 2.0, ``numpy.char`` before)
_str = getattr(np, "strings", np.char)

#: company-form words dropped when business names are compared
_COMPANY_WORDS = (
    r"\b(?:s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l|s\.?\s?n\.?\s?c|s\.?\s?a\.?\s?s|se|ag|sa|bv|nv|srls|"
    r"plc|corp|co|limited|company|group|gruppo|italia|italy|official|ufficiale)\b\.?"
)


def text(col: pd.Series) -> pd.Series:
    """``col`` as an object Series of str with None for missing values."""
    missing = col.isna().to_numpy()  # fast on str dtype columns
    # np.array(copy=True): StringArray.to_numpy may hand out its own buffer
    out = np.array(col.to_numpy(dtype=object), dtype=object, copy=True)
    out[missing] = None
    return pd.Series(out, index=col.index, dtype=object)


def _on_uniques(col: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply ``func`` to the distinct non-missing values of ``col`` and map back."""
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    if len(uniques) == 0:
        return pd.Series([None] * len(col), index=col.index, dtype=object)
    result = func(pd.Series(np.asarray(uniques, dtype=object)))
    mapped = np.array(result.to_numpy(dtype=object), dtype=object, copy=True)
    mapped[pd.isna(mapped) | (mapped == "")] = None
    mapped = np.append(mapped, np.array([None], dtype=object))  # code -1 -> None
    return pd.Series(mapped[codes], index=col.index, dtype=object)


def _ascii(values: pd.Series) -> pd.Series:
    """Accents removed (NFKD, then ASCII) on the non-ASCII values only."""
    out = values.astype(object)
    plain = out.str.isascii().fillna(True).astype(bool)
    if not plain.all():
        out = out.copy()
        rest = out[~plain].str.normalize("NFKD").str.encode("ascii", "ignore")
        out[~plain] = rest.str.decode("ascii")
    return out


def _fast_clean(values: pd.Series, allowed: str) -> tuple[np.ndarray, np.ndarray]:
    """(lower-cased values, mask of values already in normal form) with numpy string ufuncs.

    A value is already normal when it is ASCII, has no leading/trailing or double spaces
    and, once the characters of ``allowed`` are removed, is letters and digits only; only
    the other values need the (slower, per-value) regular expressions.
    """
    arr = values.to_numpy(dtype=str)
    low = _str.lower(arr)
    if arr.size == 0 or arr.dtype.itemsize == 0:
        return low, np.zeros(len(arr), dtype=bool)
    codes = arr.view(np.uint32).reshape(len(arr), -1)
    ok = codes.max(axis=1) < 128
    bare = low
    for char in allowed:
        bare = _str.replace(bare, char, "")
    ok &= _str.isalnum(bare)
    ok &= _str.find(low, "  ") < 0
    ok &= _str.strip(low) == low
    return low, ok


def _cleaned(values: pd.Series, keep: str, drop: str) -> pd.Series:
    """``values`` case-folded and accent-free, each run matching ``drop`` made one space;
    the plain-ASCII values (letters, digits and ``keep`` only) take the fast path."""
    low, ok = _fast_clean(values, keep)
    out = pd.Series(low.astype(object), index=values.index)
    if not ok.all():
        rest = _ascii(values[~ok]).str.casefold().str.replace(drop, " ", regex=True)
        out[~ok] = rest.str.strip()
    return out


def _fold(values: pd.Series) -> pd.Series:
    return _cleaned(values, " @+.", r"[^\w@+.]+")


def fold(col: pd.Series) -> pd.Series:
    """Case-folded, accent-free, single-spaced text (None stays missing)."""
    return _on_uniques(col, _fold)


def _person(values: pd.Series) -> pd.Series:
    return _cleaned(values, " ", r"[\W_]+")


def person_name(col: pd.Series) -> pd.Series:
    """Key for comparing people's names: folded, no punctuation, single spaces."""
    return _on_uniques(col, _person)


def _business(values: pd.Series) -> pd.Series:
    folded = _fold(values)
    folded = folded.str.replace(r"^(?:https?\s*)?(?:www\.)", "", regex=True)
    folded = folded.str.replace(r"\.(?:com|it|net|org|eu|co\.uk|de|fr|es)\b", " ", regex=True)
    folded = folded.str.replace(_COMPANY_WORDS, " ", regex=True)
    return folded.str.replace(r"[^\w]+", "", regex=True)


def business_name(col: pd.Series) -> pd.Series:
    """Key for comparing business/app names: no domain suffix, company form, punctuation."""
    return _on_uniques(col, _business)


def _email(values: pd.Series) -> pd.Series:
    raw = values.astype(object).str.strip().str.lower()
    return raw.where(raw.str.contains("@", regex=False).fillna(False).astype(bool), None)


def email(col: pd.Series) -> pd.Series:
    """Lower-cased e-mail address; values without '@' are missing."""
    return _on_uniques(col, _email)


def services_in(col: pd.Series) -> list[str]:
    """Sorted services named in a comma-joined ``services`` column (distinct values only)."""
    return sorted({s for value in col.dropna().unique() for s in str(value).split(",") if s})


def services_by_key(frame: pd.DataFrame, key: str, column: str = "service") -> pd.DataFrame:
    """Per ``key``: ``services`` (sorted, comma-joined) and ``n_services``.

    Vectorised: the distinct (key, service) pairs are factorised, and for each of the few
    services a membership mask adds its name to the keys that have it.
    """
    pairs = frame[[key, column]].dropna().drop_duplicates()
    if pairs.empty:
        return pd.DataFrame(
            {
                key: pd.Series(dtype=object),
                "services": pd.Series(dtype=object),
                "n_services": pd.Series(dtype="int64"),
            }
        )
    codes, keys = pd.factorize(pairs[key])
    values = pairs[column].to_numpy(dtype=object)
    joined = np.full(len(keys), "", dtype=object)
    count = np.zeros(len(keys), dtype="int64")
    for value in sorted(set(values)):
        has = np.zeros(len(keys), dtype=bool)
        has[codes[values == value]] = True
        sep = np.where(count > 0, ",", "")
        joined = np.where(has, joined + sep + value, joined)
        count += has
    return pd.DataFrame(
        {key: np.asarray(keys, dtype=object), "services": joined, "n_services": count}
    )
