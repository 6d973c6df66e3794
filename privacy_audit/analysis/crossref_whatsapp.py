"""WhatsApp side of the cross-reference: business chats and who sees your number in groups.

Vectorised pandas like :mod:`privacy_audit.analysis.crossref`, which calls these.
"""

from __future__ import annotations

import unicodedata

import pandas as pd

from privacy_audit.analysis import normalize as nz
from privacy_audit.model import Evidence
from privacy_audit.phones import evidence_region, phone_keys


def business_chats(evidence: Evidence, known_businesses: pd.Series) -> pd.DataFrame:
    """WhatsApp one-to-one chats with businesses.

    ``confirmed`` when the chat importer saw the business system line in the export
    (``SourceInfo.extra["business_chats"]``, the names of those chats; or
    ``SourceInfo.chat`` with ``"business": True`` and a ``"name"``); ``probable`` when the
    chat name equals the name of an advertiser or off-Meta business (names only).
    ``extra["business"]`` of an account report means the user's own account is a business
    account and says nothing about chats.
    """
    cols = ["chat", "messages", "first", "last", "key", "confidence"]
    m = evidence.messages
    m = m[(m["service"] == "whatsapp") & ~m["is_group"].astype(bool)]
    if m.empty:
        return pd.DataFrame(columns=cols)
    chats = (
        pd.DataFrame({"chat": nz.text(m["chat"]), "ts": m["timestamp"]})
        .dropna(subset=["chat"])
        .groupby("chat")
        .agg(messages=("chat", "size"), first=("ts", "min"), last=("ts", "max"))
        .reset_index()
    )
    chats["key"] = nz.business_name(chats["chat"])
    flagged: set[str] = set()
    for source in evidence.sources:
        if source.service != "whatsapp" or source.kind != "chat":
            continue
        chat_info = source.chat or {}
        if chat_info.get("business") and chat_info.get("name"):
            flagged.add(str(chat_info["name"]))
        flagged.update(str(c) for c in source.extra.get("business_chats", []) or [])
    flagged = {unicodedata.normalize("NFC", name) for name in flagged}
    is_flagged = chats["chat"].isin(flagged)
    known = set(known_businesses.dropna().unique())
    is_named = chats["key"].isin(known)
    chats["confidence"] = "probable"
    chats.loc[is_flagged, "confidence"] = "confirmed"
    out = chats[is_flagged | is_named]
    return out[cols].sort_values("messages", ascending=False).reset_index(drop=True)


def group_exposure(evidence: Evidence, contacts: pd.DataFrame) -> pd.DataFrame:
    """Per WhatsApp group: other members and how many are not in the user's contacts.

    ``members`` never counts the user. Columns [chat, members, known_members,
    non_contacts, basis]: ``basis`` is ``numbers`` when members were compared with the
    WhatsApp contact list by number, ``size`` when only the group size is known (then
    ``non_contacts`` is an upper bound).
    """
    cols = ["chat", "members", "known_members", "non_contacts", "basis"]
    wa_book = contacts[(contacts["service"] == "whatsapp")]
    book = set(wa_book.loc[wa_book["origin"] == "whatsapp_contacts", "phone"].dropna().unique())
    book_names = set(
        wa_book.loc[wa_book["origin"] == "whatsapp_contacts", "name_key"].dropna().unique()
    )
    m = evidence.messages
    m = m[(m["service"] == "whatsapp") & m["is_group"].astype(bool)]
    # one row per (chat, sender) before any normalisation: chats repeat senders a lot
    m = m.drop_duplicates(["chat", "sender"])
    rows: list[pd.DataFrame] = []
    if len(m):
        region = evidence_region(evidence)
        people = pd.DataFrame(
            {
                "chat": nz.text(m["chat"]),
                "phone": phone_keys(
                    nz.text(m["sender_phone_raw"]), region, nz.text(m["sender_phone_e164"])
                ),
                "name_key": nz.person_name(m["sender"]),
            }
        ).dropna(subset=["chat"])
        own_ids_ = evidence.identifiers
        mine = set(
            phone_keys(nz.text(own_ids_.loc[own_ids_["kind"] == "phone", "value"]), region)
            .dropna()
            .unique()
        )
        my_names = set(
            nz.person_name(own_ids_.loc[own_ids_["kind"] == "name", "value"]).dropna().unique()
        )
        people = people[~people["phone"].isin(mine) & ~people["name_key"].isin(my_names)]
        people["who"] = people["phone"].fillna(people["name_key"])
        people = people.dropna(subset=["who"]).drop_duplicates(["chat", "who"])
        people["known"] = people["phone"].isin(book) | (
            people["phone"].isna() & people["name_key"].isin(book_names)
        )
        per = people.groupby("chat").agg(members=("who", "size"), known_members=("known", "sum"))
        per = per.reset_index()
        per["basis"] = "numbers" if book else "size"
        rows.append(per)
    g = evidence.groups
    g = g[(g["service"] == "whatsapp") & (g["members"] > 0)]
    if len(g):
        sized = pd.DataFrame({"chat": nz.text(g["name"]), "members": g["members"].to_numpy()})
        sized = sized.dropna(subset=["chat"])
        if rows:
            sized = sized[~sized["chat"].isin(rows[0]["chat"])]
        sized["members"] = (sized["members"] - 1).clip(lower=0)  # the group size counts you
        sized["known_members"] = 0
        sized["basis"] = "size"
        rows.append(sized)
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.concat(rows, ignore_index=True)
    out["members"] = out["members"].astype("int64")
    out["known_members"] = out["known_members"].astype("int64")
    out["non_contacts"] = (out["members"] - out["known_members"]).clip(lower=0)
    return out[cols].sort_values("non_contacts", ascending=False).reset_index(drop=True)
