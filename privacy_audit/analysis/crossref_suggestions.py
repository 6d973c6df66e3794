"""Friend suggestions matched against the user's uploaded and WhatsApp contacts.

"People you may know" is the visible effect of a contact upload: Meta suggests as
friends the people whose numbers it received. A suggestion is *confirmed* when it
carries a number that is in an uploaded address book or in WhatsApp, *probable* when
only its name matches such a contact. The same person suggested twice (in two files,
or in two exports) counts once.
"""

from __future__ import annotations

import pandas as pd

from privacy_audit.analysis import normalize as nz
from privacy_audit.model import Evidence
from privacy_audit.phones import evidence_region, phone_keys

COLUMNS = ["name", "phone", "origin", "suggested_at", "services", "confidence", "source_file"]


def _services_of(known: pd.DataFrame, key: str, values: pd.Series) -> pd.Series:
    """For each value of ``values``, the services whose ``known`` contacts have it as ``key``."""
    hits = known[known[key].isin(set(values.dropna()))].dropna(subset=[key])
    if hits.empty:
        return pd.Series([None] * len(values), index=values.index, dtype=object)
    by_key = nz.services_by_key(hits.rename(columns={key: "k"})[["k", "service"]], "k")
    return values.map(by_key.set_index("k")["services"])


def suggested_contacts(evidence: Evidence, known: pd.DataFrame) -> pd.DataFrame:
    """One row per suggested person who is among ``known``: the uploaded and WhatsApp
    rows of the keyed contacts table of :mod:`privacy_audit.analysis.crossref`
    (service, phone, name_key)."""
    s = evidence.suggestions
    if s.empty or known.empty:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame(
        {
            "name": nz.text(s["name"]),
            "phone": phone_keys(s["phone_raw"], evidence_region(evidence), s["phone_e164"]),
            "origin": nz.text(s["origin"]),
            "suggested_at": s["suggested_at"],
            "source_file": nz.text(s["source_file"]),
        }
    )
    frame["name_key"] = nz.person_name(frame["name"])
    by_phone = _services_of(known, "phone", frame["phone"])
    by_name = _services_of(known, "name_key", frame["name_key"])
    frame["services"] = by_phone.where(by_phone.notna(), by_name)
    frame["confidence"] = pd.Series(
        ["confirmed" if v is not None and not pd.isna(v) else "probable" for v in by_phone],
        index=frame.index,
        dtype=object,
    )
    frame = frame[frame["services"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    # one row per person: confirmed before probable, the latest suggestion first
    frame = frame.assign(person=frame["phone"].fillna(frame["name_key"]))
    frame = frame.sort_values(["confidence", "suggested_at"], ascending=[True, False])
    frame = frame.drop_duplicates("person")
    return frame[COLUMNS].reset_index(drop=True)
