"""Rules about businesses: off-Meta activity, advertisers' lists, WhatsApp business chats."""

from __future__ import annotations

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.result import Finding
from privacy_audit.analysis.rulekit import (
    RuleContext,
    make_finding,
    numbers,
    source_files,
)

_APP_COLUMNS = {"app": "app", "events": "events", "first": "first", "last": "last"}
_ADVERTISER_COLUMNS = {
    "name": "advertiser",
    "relations": "relations",
    "in_off_meta": "in_off_meta",
    "in_whatsapp_business": "in_whatsapp_business",
}
_CHAT_COLUMNS = {
    "chat": "chat",
    "messages": "messages",
    "first": "first",
    "last": "last",
    "confidence": "confidence",
}


def off_meta_activity(ctx: RuleContext) -> Finding | None:
    """Apps and websites sent activity about the user to Meta."""
    top = ctx.tables["off_meta_top"]
    if top.empty:
        return None
    tr = ctx.tr
    off = ctx.evidence.off_platform
    apps, events = len(top), int(top["events"].sum())
    services = sorted(set(nz.text(off["service"]).dropna().unique()))
    summary = tr.ngettext(
        "{n} app or website sent Meta {events} events about what you did there.",
        "{n} apps and websites sent Meta {events} events about what you did there.",
        apps,
    ).format(**numbers(tr, n=apps, events=events))
    return make_finding(
        ctx,
        "off-meta-activity",
        "high" if apps >= 20 else "medium",
        title=tr.gettext("Apps and websites tell Meta what you do"),
        summary=summary,
        counts={"apps": apps, "events": events},
        table=top,
        columns=_APP_COLUMNS,
        evidence_total=apps,
        files=source_files(off),
        services=services,
        rec_ids=["off-meta-activity"],
    )


def advertisers_have_your_contact(ctx: RuleContext) -> Finding | None:
    """Advertisers uploaded a list with the user's information."""
    adv = ctx.tables["advertisers"]
    listed = adv[adv["relations"].str.contains("uploaded_list", regex=False)] if len(adv) else adv
    if listed.empty:
        return None
    tr = ctx.tr
    n = len(listed)
    also_off = int(listed["in_off_meta"].sum())
    also_wa = int(listed["in_whatsapp_business"].sum())
    raw = ctx.evidence.advertisers
    raw = raw[raw["relation"] == "uploaded_list"]
    services = sorted(set(nz.text(raw["service"]).dropna().unique()))
    summary = tr.ngettext(
        "{n} advertiser gave Meta a list with your details (e-mail or phone number) to "
        "show you ads.",
        "{n} advertisers gave Meta a list with your details (e-mail or phone number) to "
        "show you ads.",
        n,
    ).format(**numbers(tr, n=n))
    if also_off:
        summary += " " + tr.ngettext(
            "{n} of them also sends Meta what you do on its site or app.",
            "{n} of them also send Meta what you do on their sites and apps.",
            also_off,
        ).format(**numbers(tr, n=also_off))
    if also_wa:
        summary += " " + tr.ngettext(
            "{n} of them also chats with you on WhatsApp.",
            "{n} of them also chat with you on WhatsApp.",
            also_wa,
        ).format(**numbers(tr, n=also_wa))
    return make_finding(
        ctx,
        "advertisers-have-your-contact",
        "high" if (also_off or also_wa or n >= 20) else "medium",
        title=tr.gettext("Advertisers have your contact details"),
        summary=summary,
        counts={"advertisers": n, "in_off_meta": also_off, "in_whatsapp_business": also_wa},
        table=listed,
        columns=_ADVERTISER_COLUMNS,
        evidence_total=n,
        files=source_files(raw),
        services=services,
        rec_ids=["advertisers-lists", "gdpr-rights"],
    )


def business_chats(ctx: RuleContext) -> Finding | None:
    """Chats with WhatsApp Business accounts (marked by the export, or by a business name)."""
    chats = ctx.tables["business_chats"]
    if chats.empty:
        return None
    tr = ctx.tr
    n = len(chats)
    confirmed = int((chats["confidence"] == "confirmed").sum())
    messages = int(chats["messages"].sum())
    adv = ctx.tables["advertisers"]
    with_ads = int(adv["in_whatsapp_business"].sum()) if len(adv) else 0
    summary = tr.ngettext(
        "You chat on WhatsApp with {n} business that Meta also knows from ads or "
        "off-Meta activity ({messages} messages).",
        "You chat on WhatsApp with {n} businesses that Meta also knows from ads or "
        "off-Meta activity ({messages} messages).",
        n,
    ).format(**numbers(tr, n=n, messages=messages))
    msgs = ctx.evidence.messages
    files = source_files(msgs[nz.text(msgs["chat"]).isin(set(chats["chat"]))])
    services = ["whatsapp"] + (["facebook"] if with_ads else [])
    return make_finding(
        ctx,
        "business-chats",
        "medium" if with_ads else "low",
        title=tr.gettext("You chat with businesses that Meta knows"),
        summary=summary,
        counts={
            "chats": n,
            "confirmed": confirmed,
            "messages": messages,
            "advertisers": with_ads,
        },
        table=chats,
        columns=_CHAT_COLUMNS,
        evidence_total=n,
        files=files,
        services=services,
        rec_ids=["business-messages", "advertisers-lists"],
        confidence="confirmed" if confirmed == n else "probable",
    )
