"""Vectorised key normalisation shared by the cross-reference and the rules.

Every function takes and returns pandas Series (no Python loops over rows), so a
column of 100k contacts is normalised in one pass.
"""

from __future__ import annotations

import pandas as pd

#: company-form words dropped when business names are compared
_COMPANY_WORDS = (
    r"\b(?:s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l|s\.?\s?n\.?\s?c|s\.?\s?a\.?\s?s|inc|ltd|llc|gmbh|"
    r"se|ag|sa|bv|nv|srls|plc|corp|co|limited|company|group|gruppo|italia|italy|official|ufficiale)\b\.?"
)


def text(col: pd.Series) -> pd.Series:
    """``col`` as an object Series of str with None for missing/empty values."""
    out = col.astype(object).where(col.notna(), None)
    if len(out):
        out = out.where(out.astype(str).str.strip() != "", None)
    return out


def fold(col: pd.Series) -> pd.Series:
    """Case-folded, accent-free, single-spaced text (None stays missing)."""
    out = text(col).astype("string")
    out = out.str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")
    out = out.str.casefold().str.replace(r"[^\w@+.]+", " ", regex=True)
    out = out.str.replace(r"\s+", " ", regex=True).str.strip()
    return text(out.astype(object).where(out.notna(), None))


def person_name(col: pd.Series) -> pd.Series:
    """Key for comparing people's names: folded, no punctuation, single spaces."""
    folded = fold(col).astype("string").str.replace(r"[^\w ]+|_", " ", regex=True)
    folded = folded.str.replace(r"\s+", " ", regex=True).str.strip()
    return text(folded.astype(object).where(folded.notna() & (folded != ""), None))


def business_name(col: pd.Series) -> pd.Series:
    """Key for comparing business/app names: no domain suffix, company form, punctuation."""
    folded = fold(col).astype("string")
    folded = folded.str.replace(r"^(?:https?\s*)?(?:www\.)", "", regex=True)
    folded = folded.str.replace(r"\.(?:com|it|net|org|eu|co\.uk|de|fr|es)\b", " ", regex=True)
    folded = folded.str.replace(_COMPANY_WORDS, " ", regex=True)
    folded = folded.str.replace(r"[^\w]+", "", regex=True)
    return text(folded.astype(object).where(folded.notna() & (folded != ""), None))


def phone(col: pd.Series) -> pd.Series:
    """E.164-looking key: '+' and digits only; values without 6+ digits are missing."""
    raw = text(col).astype("string")
    plus = raw.str.strip().str.startswith("+")
    digits = raw.str.replace(r"\D+", "", regex=True)
    out = ("+" + digits).where(plus.fillna(False), digits)
    ok = digits.str.len() >= 6
    return text(out.astype(object).where(ok.fillna(False), None))


def email(col: pd.Series) -> pd.Series:
    """Lower-cased e-mail address; values without '@' are missing."""
    raw = text(col).astype("string").str.strip().str.lower()
    ok = raw.str.contains("@", regex=False).fillna(False)
    return text(raw.astype(object).where(ok, None))


def services_by_key(frame: pd.DataFrame, key: str, column: str = "service") -> pd.DataFrame:
    """Per ``key``: ``services`` (sorted, comma-joined) and ``n_services``.

    Vectorised: de-duplicate (key, service) pairs, sort, then join per key.
    """
    pairs = frame[[key, column]].dropna().drop_duplicates().sort_values([key, column])
    if pairs.empty:
        return pd.DataFrame({key: [], "services": [], "n_services": []}).astype(
            {"n_services": "int64"}
        )
    grouped = pairs.groupby(key, sort=False)[column]
    out = pd.DataFrame({"services": grouped.agg(",".join), "n_services": grouped.size()})
    return out.reset_index()
