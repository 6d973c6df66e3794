"""Context cards: the join key, third-party exposure, business stories, history, Italy.

Cards are built with :func:`privacy_audit.analysis.cardkit.card` (the card shape is
described there, their texts are data in ``resources/cards/texts.toml``); the history and
legal cards live in :mod:`privacy_audit.analysis.history`.
Card text never contains the user's numbers, e-mails or other people's names: those go
in ``rows`` so the report can redact them. Business names (companies) may appear in text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.cardkit import card, link_url, say
from privacy_audit.analysis.history import history_cards
from privacy_audit.analysis.result import AuditResult
from privacy_audit.analysis.rulekit import (
    RuleContext,
    day,
    examples,
    join_names,
    plain,
    service_names,
)

#: most business stories shown
MAX_STORIES = 10


def join_key_card(ctx: RuleContext) -> dict[str, Any] | None:
    """Which services carry the same phone number, e-mail or username, and what follows."""
    own = ctx.tables["own_ids"]
    shared = own[own["n_services"] >= 2] if len(own) else own
    if shared.empty:
        return None
    tr = ctx.tr
    phones = shared[shared["kind"] == "phone"]
    emails = shared[shared["kind"] == "email"]
    users = shared[shared["kind"] == "username"]
    services = nz.services_in(shared["services"])
    parts = [
        say(tr, "join-key", "phones", len(phones)),
        say(tr, "join-key", "emails", len(emails)),
        say(tr, "join-key", "usernames", len(users)),
    ]
    amounts = (len(phones), len(emails), len(users))
    text = [
        say(
            tr,
            "join-key",
            "held",
            services=service_names(services, tr),
            items=join_names((p for p, n in zip(parts, amounts, strict=True) if n), tr),
        )
    ]
    if len(phones):
        text.append(say(tr, "join-key", "phone_lookup"))
        text.append(say(tr, "join-key", "sim_swap"))
    if len(users):
        text.append(say(tr, "join-key", "username_everywhere"))
    rows = []
    for record in shared.to_dict("records"):
        field = {"phone": "phone", "email": "email"}.get(record["kind"], "account")
        rows.append(
            {"kind": record["kind"], field: record["value"], "services": record["services"]}
        )
    return card(
        "join-key",
        "summary",
        say(tr, "join-key", "title"),
        text,
        rows=rows,
        facts={"phones": len(phones), "emails": len(emails), "usernames": len(users)},
    )


def uploads_since(result: AuditResult, date: str | pd.Timestamp) -> int:
    """How many uploaded contact entries were created on or after ``date`` (ISO or Timestamp).

    For the "did uploading continue after I turned it off?" question.
    """
    contacts = result.evidence.contacts
    when = pd.Timestamp(date)
    when = when.tz_localize("UTC") if when.tzinfo is None else when.tz_convert("UTC")
    mask = contacts["origin"].isin(("address_book", "synced_contacts")) & (
        contacts["created_at"] >= when
    )
    return int(mask.sum())


def third_party_card(ctx: RuleContext) -> dict[str, Any] | None:
    """How many other people's numbers and e-mails the user gave Meta, via which app, since when."""
    up = ctx.tables["uploads"]
    if up.empty:
        return None
    tr = ctx.tr
    phones = int(up["phone"].dropna().nunique())
    emails = int(up["email"].dropna().nunique())
    text = [say(tr, "third-party-exposure", "gave", phones=phones, emails=emails)]
    per = up.groupby("service").agg(
        contacts=("service", "size"), first=("created_at", "min"), last=("created_at", "max")
    )
    per_service: dict[str, Any] = {}
    for service, row in per.iterrows():
        first, last = plain(row["first"]), plain(row["last"])
        per_service[str(service)] = {"contacts": int(row["contacts"]), "first": first, "last": last}
        if first and last:
            text.append(
                say(
                    tr,
                    "third-party-exposure",
                    "service_dated",
                    int(row["contacts"]),
                    service=service_names([str(service)]),
                    first=day(tr, row["first"]),
                    last=day(tr, row["last"]),
                )
            )
        else:
            text.append(
                say(
                    tr,
                    "third-party-exposure",
                    "service_undated",
                    int(row["contacts"]),
                    service=service_names([str(service)]),
                )
            )
    last_upload = up["created_at"].max()
    if pd.notna(last_upload):
        text.append(say(tr, "third-party-exposure", "latest_upload", date=day(tr, last_upload)))
    text.append(say(tr, "third-party-exposure", "removal"))
    return card(
        "third-party-exposure",
        "summary",
        say(tr, "third-party-exposure", "title"),
        text,
        facts={
            "phones": phones,
            "emails": emails,
            "last_upload": last_upload,
            "first_upload": up["created_at"].min(),
        }
        | {f"{s}_contacts": v["contacts"] for s, v in per_service.items()},
        links=[(say(tr, "third-party-exposure", "link"), link_url("contact_removal"))],
    )


def business_stories(ctx: RuleContext) -> list[dict[str, Any]]:
    """One story per business seen in two or more of: advertiser lists, off-Meta, WhatsApp."""
    adv = ctx.tables["advertisers"]
    if adv.empty:
        return []
    listed = adv["relations"].str.contains("uploaded_list", regex=False)
    hits = (
        listed.astype(int)
        + adv["in_off_meta"].astype(int)
        + adv["in_whatsapp_business"].astype(int)
    )
    stories = adv[hits >= 2].head(MAX_STORIES)
    if stories.empty:
        return []
    tr = ctx.tr
    off = ctx.tables["off_meta_top"]
    off_events = (
        off.assign(key=nz.business_name(off["app"])).groupby("key")["events"].sum()
        if len(off)
        else pd.Series(dtype="int64")
    )
    # several chats may share one business key ("Viaggi Sole" and "Viaggi Sole S.r.l.")
    chats = (
        ctx.tables["business_chats"].groupby("key")["messages"].sum()
        if len(ctx.tables["business_chats"])
        else pd.Series(dtype="int64")
    )
    cards = []
    for record in stories.to_dict("records"):
        name = record["name"]
        key = nz.business_name(pd.Series([name])).iloc[0]
        text = []
        if "uploaded_list" in record["relations"]:
            text.append(say(tr, "business", "uploaded_list", name=name))
        if record["in_off_meta"]:
            text.append(say(tr, "business", "off_meta", int(off_events.get(key, 0))))
        if record["in_whatsapp_business"]:
            text.append(say(tr, "business", "whatsapp", int(chats.get(key, 0))))
        text.append(say(tr, "business", "rights", name=name))
        cards.append(
            card(
                f"business-{key}",
                "story",
                say(tr, "business", "title", name=name),
                text,
                confidence="probable",
                facts={
                    "business": name,
                    "uploaded_list": "uploaded_list" in record["relations"],
                    "in_off_meta": bool(record["in_off_meta"]),
                    "in_whatsapp_business": bool(record["in_whatsapp_business"]),
                },
            )
        )
    return cards


def build_cards(ctx: RuleContext, result: AuditResult) -> list[dict[str, Any]]:
    """Every card that the evidence supports, in display order."""
    cards: list[dict[str, Any]] = []
    for make in (join_key_card, third_party_card):
        made = make(ctx)
        if made:
            cards.append(made)
    cards.extend(business_stories(ctx))
    cards.extend(history_cards(ctx))
    return cards


def overlap_rows(ctx: RuleContext, limit: int = 5) -> list[dict[str, Any]]:
    """A few contact overlap rows (redactable) for cards and letters."""
    overlap = ctx.tables["contact_overlap"]
    return examples(overlap, {"name": "name", "key": "phone", "confidence": "confidence"}, limit)
