"""Rule about friend suggestions drawn from the user's contacts."""

from __future__ import annotations

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.result import Finding
from privacy_audit.analysis.rulekit import (
    RuleContext,
    confidence_counts,
    make_finding,
    numbers,
    service_names,
    source_files,
)
from privacy_audit.phones import evidence_region, phone_keys

_COLUMNS = {
    "name": "name",
    "phone": "phone",
    "services": "services",
    "confidence": "confidence",
    "suggested_at": "suggested_at",
}


def contacts_suggested_as_friends(ctx: RuleContext) -> Finding | None:
    """Meta suggested as friends people who are in the user's uploaded or WhatsApp
    contacts: the visible effect of a contact upload."""
    found = ctx.tables["suggested_contacts"]
    if found.empty:
        return None
    tr = ctx.tr
    confirmed, probable = confidence_counts(found)
    n = confirmed + probable
    matched = nz.services_in(found["services"])
    suggestions = ctx.evidence.suggestions
    who = phone_keys(
        suggestions["phone_raw"], evidence_region(ctx.evidence), suggestions["phone_e164"]
    )
    offered = int(who.fillna(nz.person_name(suggestions["name"])).dropna().nunique())
    summary = tr.ngettext(
        "Meta suggested {n} person from your contacts as a friend: someone who is in an "
        "address book you uploaded or in WhatsApp ({services}).",
        "Meta suggested {n} people from your contacts as friends: people who are in an "
        "address book you uploaded or in WhatsApp ({services}).",
        n,
    ).format(**numbers(tr, n=n, services=service_names(matched, tr)))
    if confirmed and probable:
        summary += " " + tr.ngettext(
            "{n} of them is matched by name only.",
            "{n} of them are matched by name only.",
            probable,
        ).format(**numbers(tr, n=probable))
    elif probable:
        summary += " " + tr.gettext(
            "They are matched by name: the suggestions in the export carry no number."
        )
    rows = found.sort_values(["confidence", "suggested_at"], ascending=[True, False])
    return make_finding(
        ctx,
        "contacts-suggested-as-friends",
        "high" if n >= 20 else "medium",
        title=tr.gettext("Meta suggests your contacts to you as friends"),
        summary=summary,
        counts={
            "people": n,
            "confirmed": confirmed,
            "probable": probable,
            "suggestions": offered,
        },
        table=rows,
        columns=_COLUMNS,
        evidence_total=n,
        files=source_files(found, ctx.tables["uploads"]),
        services=["facebook", *matched],
        rec_ids=["people-you-may-know", "contacts-delete", "contacts-upload-off"],
        confidence="confirmed" if confirmed else "probable",
        amount=n,
    )
