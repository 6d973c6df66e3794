"""Joins across services on normalised keys: what Meta can link together.

All functions are vectorised pandas (joins, group-bys, string methods): no Python loop
runs over rows. :func:`crossref` returns the ``AuditResult.crossref`` tables:

- ``own_ids`` [kind, value, services, n_services]: the user's own phone numbers,
  e-mails and usernames and which services hold each;
- ``contact_overlap`` [key, name, services, n_services, confidence]: other people's
  numbers/e-mails present in WhatsApp *and* in a Facebook/Messenger/Instagram contact
  upload (``confirmed`` = same E.164 number or e-mail; ``probable`` = name only);
- ``shared_network`` [kind, value, services, n_services, first_seen, last_seen]: IP
  addresses and devices seen by more than one service;
- ``activity_daily`` [service, date, events], ``activity_hourly`` [service, hour, events]
  (UTC), from the activity and messages tables;
- ``off_meta_top`` [app, events, first, last];
- ``advertisers`` [name, relations, in_off_meta, in_whatsapp_business];
- ``linked_accounts``: the Evidence table as it is.

Extra tables used by the rules (not part of the fixed contract): ``uploads``,
``not_friends``, ``business_chats``, ``group_exposure``, ``suggested_contacts``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.crossref_suggestions import suggested_contacts
from privacy_audit.analysis.crossref_whatsapp import business_chats, group_exposure
from privacy_audit.model import Evidence
from privacy_audit.phones import evidence_region, phone_keys

#: services whose contact uploads come from the phone's address book
UPLOAD_SERVICES: tuple[str, ...] = ("facebook", "messenger", "instagram")
#: contact origins that are an uploaded/synced address book
UPLOAD_ORIGINS: tuple[str, ...] = ("address_book", "synced_contacts")
#: WhatsApp contact origins (account report contacts, chat senders, group members)
WHATSAPP_ORIGINS: tuple[str, ...] = ("whatsapp_contacts", "chat_participant", "group_member")
#: Facebook friends (all of them, and those whose posts are shown less)
FRIEND_ORIGINS: tuple[str, ...] = ("friends", "friends_seen_less")


def own_ids(evidence: Evidence) -> pd.DataFrame:
    """The user's own phone numbers, e-mails and usernames, and which services hold each."""
    ids = evidence.identifiers
    cols = ["kind", "value", "services", "n_services"]
    if ids.empty:
        return pd.DataFrame(columns=cols)
    kind = nz.text(ids["kind"])
    value = nz.text(ids["value"]).fillna(nz.text(ids["raw"]))
    frame = pd.DataFrame({"kind": kind, "service": nz.text(ids["service"]), "raw": value})
    frame["value"] = None
    is_phone, is_email = frame["kind"] == "phone", frame["kind"] == "email"
    is_user = frame["kind"] == "username"
    frame.loc[is_phone, "value"] = phone_keys(frame.loc[is_phone, "raw"], evidence_region(evidence))
    frame.loc[is_email, "value"] = nz.email(frame.loc[is_email, "raw"])
    frame.loc[is_user, "value"] = nz.fold(frame.loc[is_user, "raw"].str.lstrip("@~ "))
    frame = frame.dropna(subset=["value"])
    frame["kv"] = frame["kind"] + "\x1f" + frame["value"]
    out = nz.services_by_key(frame, "kv")
    if out.empty:
        return pd.DataFrame(columns=cols)
    parts = out["kv"].str.split("\x1f", n=1, expand=True)
    out["kind"], out["value"] = parts[0], parts[1]
    order = {"phone": 0, "email": 1, "username": 2}
    out["_o"] = out["kind"].map(order)
    out = out.sort_values(["_o", "n_services", "value"], ascending=[True, False, True])
    return out[cols].reset_index(drop=True)


def _contact_keys(evidence: Evidence, own: pd.DataFrame) -> pd.DataFrame:
    """One row per contact entry with its phone/email keys and a name key."""
    c = evidence.contacts
    frame = pd.DataFrame(
        {
            "service": c["service"],
            "origin": c["origin"],
            "name": c["name"],
            "phone": phone_keys(c["phone_raw"], evidence_region(evidence), c["phone_e164"]),
            "email": nz.email(c["email"]),
            "created_at": c["created_at"],
            "source_file": c["source_file"],
        }
    )
    frame["name_key"] = nz.person_name(frame["name"])
    mine = set(own.loc[own["kind"].isin(["phone", "email"]), "value"]) if len(own) else set()
    if mine:
        frame.loc[frame["phone"].isin(mine), "phone"] = None
        frame.loc[frame["email"].isin(mine), "email"] = None
    return frame


def uploads(contacts: pd.DataFrame) -> pd.DataFrame:
    """Contact entries uploaded/synced to Facebook, Messenger or Instagram.

    An entry with a name only is left out when an entry of the same service and name has
    a number or an e-mail: 2025+ Facebook exports list the people uploaded from the
    phone again, by name only, next to their contact points.
    """
    mask = contacts["service"].isin(UPLOAD_SERVICES) & contacts["origin"].isin(UPLOAD_ORIGINS)
    up = contacts[mask]
    name_only = up["phone"].isna() & up["email"].isna()
    if not name_only.any() or name_only.all():
        return up
    who = up["service"].fillna("") + "\x1f" + up["name_key"].fillna("\x1f")
    repeated = who.isin(who[~name_only].unique())
    return up[~(name_only & repeated)]


def contact_overlap(contacts: pd.DataFrame, up: pd.DataFrame | None = None) -> pd.DataFrame:
    """Contacts present in WhatsApp and in a Facebook/Messenger/Instagram upload.

    ``up`` is :func:`uploads` of ``contacts`` when the caller already has it.
    """
    cols = ["key", "name", "services", "n_services", "confidence"]
    up = uploads(contacts) if up is None else up
    wa = contacts[(contacts["service"] == "whatsapp") & contacts["origin"].isin(WHATSAPP_ORIGINS)]
    if up.empty or wa.empty:
        return pd.DataFrame(columns=cols)
    # keys of WhatsApp contacts first; only uploads that share one are joined further
    wa_keys = pd.concat([wa["phone"], wa["email"]], ignore_index=True).dropna().unique()
    up_hit = up[up["phone"].isin(wa_keys) | up["email"].isin(wa_keys)]
    long = pd.concat(
        [
            up_hit[["phone", "service", "name"]].rename(columns={"phone": "key"}),
            up_hit[["email", "service", "name"]].rename(columns={"email": "key"}),
        ],
        ignore_index=True,
    )
    long = long[long["key"].isin(wa_keys)]
    by_key = nz.services_by_key(long, "key")
    confirmed = by_key.assign(
        services=by_key["services"] + ",whatsapp", n_services=by_key["n_services"] + 1
    )
    names = long.dropna(subset=["name"]).drop_duplicates("key").set_index("key")["name"]
    confirmed["name"] = confirmed["key"].map(names)
    confirmed["confidence"] = "confirmed"
    # probable: a WhatsApp participant known by name only, same name as an uploaded contact
    wa_named = wa[wa["phone"].isna() & wa["email"].isna()].dropna(subset=["name_key"])
    up_named = up[up["name_key"].isin(wa_named["name_key"].unique())]
    up_named = up_named.assign(key=up_named["phone"].fillna(up_named["email"])).dropna(
        subset=["key"]
    )
    match = up_named.merge(
        wa_named[["name_key"]].drop_duplicates(), on="name_key", how="inner"
    ).drop_duplicates("key")
    match = match[~match["key"].isin(confirmed["key"])]
    if len(match):
        up_services = nz.services_by_key(up_named[up_named["key"].isin(match["key"])], "key")
        probable = match[["key", "name"]].merge(up_services, on="key", how="left")
        probable["services"] = probable["services"] + ",whatsapp"
        probable["n_services"] = probable["n_services"] + 1
        probable["confidence"] = "probable"
        confirmed = pd.concat([confirmed, probable], ignore_index=True)
    by_name = _uploaded_names_only(up, wa, confirmed["key"])
    if len(by_name):
        confirmed = pd.concat([confirmed, by_name], ignore_index=True)
    return confirmed[cols].reset_index(drop=True)


def _uploaded_names_only(up: pd.DataFrame, wa: pd.DataFrame, known: pd.Series) -> pd.DataFrame:
    """Probable overlaps of people uploaded by name only (2025+ "contacts uploaded from
    your phone"): a WhatsApp contact of the same name, keyed by its number or e-mail."""
    bare = up[up["phone"].isna() & up["email"].isna()].dropna(subset=["name_key"])
    if bare.empty:
        return bare.iloc[0:0]
    keyed = wa.assign(key=wa["phone"].fillna(wa["email"])).dropna(subset=["key", "name_key"])
    match = bare[["name_key", "service", "name"]].merge(
        keyed[["name_key", "key"]].drop_duplicates(), on="name_key", how="inner"
    )
    match = match[~match["key"].isin(set(known))]
    if match.empty:
        return match.iloc[0:0]
    out = nz.services_by_key(match, "key")
    out["services"] = out["services"] + ",whatsapp"
    out["n_services"] = out["n_services"] + 1
    out["name"] = out["key"].map(match.drop_duplicates("key").set_index("key")["name"])
    out["confidence"] = "probable"
    return out


def not_friends(contacts: pd.DataFrame, up: pd.DataFrame | None = None) -> pd.DataFrame:
    """Uploaded contacts whose name matches no Facebook friend (a *probable* match).

    Empty when the export has no friends list (then nothing can be said).
    """
    friends = contacts[contacts["origin"].isin(FRIEND_ORIGINS)].dropna(subset=["name_key"])
    up = uploads(contacts) if up is None else up
    if friends.empty or up.empty:
        return up.iloc[0:0]
    return up[~up["name_key"].isin(friends["name_key"].unique())]


def shared_network(evidence: Evidence) -> pd.DataFrame:
    """IP addresses and devices seen by more than one service."""
    cols = ["kind", "value", "services", "n_services", "first_seen", "last_seen"]
    a = evidence.activity
    parts = []
    for kind in ("ip", "device"):
        # aggregate the raw values first (logins repeat the same few IPs and devices)
        raw = (
            a.dropna(subset=[kind])
            .groupby(["service", kind], sort=False)["timestamp"]
            .agg(["min", "max"])
            .reset_index()
        )
        if raw.empty:
            continue
        key = nz.text(raw[kind]).str.strip() if kind == "ip" else nz.fold(raw[kind])
        parts.append(
            pd.DataFrame(
                {
                    "kind": kind,
                    "key": key,
                    "shown": nz.text(raw[kind]),
                    "service": nz.text(raw["service"]),
                    "first_seen": raw["min"],
                    "last_seen": raw["max"],
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=cols)
    frame = pd.concat(parts, ignore_index=True).dropna(subset=["key"])
    frame["kv"] = frame["kind"] + "\x1f" + frame["key"]
    out = nz.services_by_key(frame, "kv")
    out = out[out["n_services"] >= 2]
    if out.empty:
        return pd.DataFrame(columns=cols)
    grouped = frame[frame["kv"].isin(out["kv"])].groupby("kv")
    extra = grouped.agg(
        kind=("kind", "first"),
        value=("shown", "first"),
        first_seen=("first_seen", "min"),
        last_seen=("last_seen", "max"),
    )
    out = out.merge(extra, left_on="kv", right_index=True)
    out = out.sort_values(["n_services", "kind", "value"], ascending=[False, False, True])
    return out[cols].reset_index(drop=True)


def _events(evidence: Evidence) -> pd.DataFrame:
    a, m = evidence.activity, evidence.messages
    frame = pd.concat(
        [
            pd.DataFrame({"service": nz.text(a["service"]), "ts": a["timestamp"]}),
            pd.DataFrame({"service": nz.text(m["service"]), "ts": m["timestamp"]}),
        ],
        ignore_index=True,
    )
    frame["ts"] = pd.to_datetime(frame["ts"], utc=True)
    return frame.dropna()


def activity_daily(events: pd.DataFrame) -> pd.DataFrame:
    """Events per service per UTC day."""
    if events.empty:
        return pd.DataFrame(columns=["service", "date", "events"])
    day = events["ts"].dt.floor("D").rename("date")
    out = events.groupby([events["service"], day]).size().rename("events").reset_index()
    out["date"] = out["date"].dt.date
    return out


def activity_hourly(events: pd.DataFrame) -> pd.DataFrame:
    """Events per service per UTC hour of day (0-23)."""
    if events.empty:
        return pd.DataFrame(columns=["service", "hour", "events"])
    hour = events["ts"].dt.hour.rename("hour")
    out = events.groupby([events["service"], hour]).size().rename("events")
    return out.reset_index()


def off_meta_top(evidence: Evidence) -> pd.DataFrame:
    """Apps and websites that sent activity to Meta, most events first."""
    off = evidence.off_platform
    cols = ["app", "events", "first", "last"]
    if off.empty:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame({"app": nz.text(off["app"]), "ts": off["timestamp"]}).dropna(
        subset=["app"]
    )
    out = frame.groupby("app").agg(events=("app", "size"), first=("ts", "min"), last=("ts", "max"))
    return out.reset_index().sort_values(["events", "app"], ascending=[False, True])[cols]


def advertisers(evidence: Evidence, off_top: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Advertisers with their relations, and whether they are in off-Meta / WhatsApp too.

    Returns (advertisers table, business chats table).
    """
    cols = ["name", "relations", "in_off_meta", "in_whatsapp_business"]
    adv = evidence.advertisers
    frame = pd.DataFrame(
        {"name": nz.text(adv["name"]), "relation": nz.text(adv["relation"])}
    ).dropna(subset=["name"])
    frame["key"] = nz.business_name(frame["name"])
    off_keys = nz.business_name(off_top["app"]) if len(off_top) else pd.Series(dtype=object)
    known = pd.concat([frame["key"], off_keys], ignore_index=True)
    chats = business_chats(evidence, known)
    if frame.empty:
        return pd.DataFrame(columns=cols), chats
    rel = nz.services_by_key(frame.dropna(subset=["key"]), "key", column="relation")
    names = frame.dropna(subset=["key"]).drop_duplicates("key").set_index("key")["name"]
    rel["name"] = rel["key"].map(names)
    rel = rel.rename(columns={"services": "relations"})
    rel["in_off_meta"] = rel["key"].isin(set(off_keys.dropna().unique()))
    rel["in_whatsapp_business"] = rel["key"].isin(set(chats["key"].dropna().unique()))
    rel = rel.sort_values(["in_whatsapp_business", "in_off_meta", "name"], ascending=[0, 0, 1])
    return rel[cols].reset_index(drop=True), chats


#: the ``AuditResult.crossref`` keys (the fixed contract with the report and the GUI)
PUBLIC_KEYS: tuple[str, ...] = (
    "own_ids",
    "contact_overlap",
    "shared_network",
    "activity_daily",
    "activity_hourly",
    "off_meta_top",
    "advertisers",
    "linked_accounts",
)


def public(tables: dict[str, Any]) -> dict[str, Any]:
    """Only the contract keys of :func:`crossref`'s tables (for ``AuditResult.crossref``)."""
    return {key: tables[key] for key in PUBLIC_KEYS}


def crossref(evidence: Evidence) -> dict[str, Any]:
    """All cross-service tables: the :data:`PUBLIC_KEYS` plus the rules' extra tables."""
    own = own_ids(evidence)
    contacts = _contact_keys(evidence, own)
    events = _events(evidence)
    off_top = off_meta_top(evidence)
    adv, chats = advertisers(evidence, off_top)
    up = uploads(contacts)
    wa = contacts[(contacts["service"] == "whatsapp") & contacts["origin"].isin(WHATSAPP_ORIGINS)]
    return {
        "own_ids": own,
        "contact_overlap": contact_overlap(contacts, up),
        "shared_network": shared_network(evidence),
        "activity_daily": activity_daily(events),
        "activity_hourly": activity_hourly(events),
        "off_meta_top": off_top.reset_index(drop=True),
        "advertisers": adv,
        "linked_accounts": evidence.linked_accounts,
        # extra tables for the rules and cards
        "contacts": contacts,
        "uploads": up,
        "not_friends": not_friends(contacts, up),
        "suggested_contacts": suggested_contacts(evidence, pd.concat([up, wa])),
        "business_chats": chats,
        "group_exposure": group_exposure(evidence, contacts),
    }
