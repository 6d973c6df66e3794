"""Rules about other people's data: uploaded address books and contact overlaps."""

from __future__ import annotations

import pandas as pd

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

_CONTACT_COLUMNS = {
    "name": "name",
    "phone": "phone",
    "email": "email",
    "service": "service",
    "created_at": "uploaded",
}


def distinct_people(frame: pd.DataFrame) -> int:
    """Distinct people in a contacts frame: by number, else e-mail, else name."""
    who = frame["phone"].fillna(frame["email"]).fillna(frame["name_key"])
    return int(who.dropna().nunique())


def _newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("created_at", ascending=False, na_position="last", kind="stable")


def contacts_uploaded(ctx: RuleContext) -> Finding | None:
    """An address book was uploaded/synced to Facebook, Messenger or Instagram."""
    up = ctx.tables["uploads"]
    if up.empty:
        return None
    tr = ctx.tr
    people = distinct_people(up)
    phones = int(up["phone"].dropna().nunique())
    emails = int(up["email"].dropna().nunique())
    services = sorted(set(up["service"].dropna().unique()))
    years = up["created_at"].dropna()
    summary = tr.ngettext(
        "You uploaded the details of {n} person from your address book to {services}.",
        "You uploaded the details of {n} people from your address book to {services}: "
        "{phones} phone numbers and {emails} e-mail addresses of people who never agreed.",
        people,
    ).format(
        **numbers(tr, n=people, services=service_names(services, tr), phones=phones, emails=emails)
    )
    settings = ctx.evidence.settings
    sync_on = settings[
        nz.fold(settings["key"]).fillna("").str.contains(r"contact.?(?:sync|upload)", regex=True)
        & nz.fold(settings["value"]).fillna("").isin(("on", "true", "yes", "enabled"))
    ]
    if len(sync_on):
        summary += " " + tr.gettext(
            "Your export shows contact syncing is still on ({services})."
        ).format(**numbers(tr, services=service_names(sync_on["service"].dropna(), tr)))
    newest = _newest_first(up)
    return make_finding(
        ctx,
        "contacts-uploaded",
        "high" if people >= 50 else "medium",
        title=tr.gettext("Your address book was uploaded to Meta"),
        summary=summary,
        counts={
            "contacts": len(up),
            "people": people,
            "phones": phones,
            "emails": emails,
            "services": len(services),
            "first_year": int(years.min().year) if len(years) else 0,
            "last_year": int(years.max().year) if len(years) else 0,
            "sync_on": len(sync_on),
        },
        table=newest,
        columns=_CONTACT_COLUMNS,
        evidence_total=len(up),
        files=source_files(up, sync_on),
        services=services,
        rec_ids=["contacts-upload-off", "contacts-delete"],
        amount=people,
    )


def contacts_shared_across_services(ctx: RuleContext) -> Finding | None:
    """Contacts (by E.164/e-mail) in WhatsApp and in a Facebook/Messenger/Instagram upload."""
    overlap = ctx.tables["contact_overlap"]
    if overlap.empty:
        return None
    tr = ctx.tr
    confirmed, probable = confidence_counts(overlap)
    services = nz.services_in(overlap["services"])
    n = confirmed + probable
    if confirmed:
        summary = tr.ngettext(
            "{n} contact is both in WhatsApp and in an address book you uploaded to "
            "{services}, matched by the same number or e-mail.",
            "{n} contacts are both in WhatsApp and in an address book you uploaded to "
            "{services}, matched by the same number or e-mail.",
            confirmed,
        ).format(
            **numbers(
                tr,
                n=confirmed,
                services=service_names((s for s in services if s != "whatsapp"), tr),
            )
        )
        if probable:
            summary += " " + tr.ngettext(
                "{n} more probably is (same name only).",
                "{n} more probably are (same name only).",
                probable,
            ).format(**numbers(tr, n=probable))
    else:
        summary = tr.ngettext(
            "{n} WhatsApp contact probably is also in an address book you uploaded "
            "(same name only, no number to compare).",
            "{n} WhatsApp contacts probably are also in an address book you uploaded "
            "(same name only, no number to compare).",
            probable,
        ).format(**numbers(tr, n=probable))
    ordered = overlap.sort_values(
        ["confidence", "n_services"], ascending=[True, False], kind="stable"
    )
    rows = ordered.assign(
        phone=ordered["key"].where(~ordered["key"].str.contains("@", regex=False)),
        email=ordered["key"].where(ordered["key"].str.contains("@", regex=False)),
    )
    contacts = ctx.tables["contacts"]
    columns = {
        "name": "name",
        "phone": "phone",
        "email": "email",
        "services": "services",
        "confidence": "confidence",
    }
    return make_finding(
        ctx,
        "contacts-shared-across-services",
        "high" if confirmed >= 20 else "medium",
        title=tr.gettext("The same contacts are in WhatsApp and in your Meta uploads"),
        summary=summary,
        counts={"confirmed": confirmed, "probable": probable, "services": len(services)},
        table=rows,
        columns=columns,
        evidence_total=n,
        files=source_files(ctx.tables["uploads"], contacts[contacts["service"] == "whatsapp"]),
        services=services,
        rec_ids=["contacts-upload-off", "contacts-delete"],
        confidence="confirmed" if confirmed else "probable",
    )


def contacts_uploaded_not_friends(ctx: RuleContext) -> Finding | None:
    """Uploaded contacts who are not Facebook friends (name match: probable)."""
    outside = ctx.tables["not_friends"]
    if outside.empty:
        return None
    tr = ctx.tr
    people = distinct_people(outside)
    services = sorted(set(outside["service"].dropna().unique()))
    summary = tr.ngettext(
        "{n} person in the address books you uploaded is not among your Facebook friends "
        "(compared by name): Meta holds their details without any relationship with them.",
        "{n} people in the address books you uploaded are not among your Facebook friends "
        "(compared by name): Meta holds their details without any relationship with them.",
        people,
    ).format(**numbers(tr, n=people))
    friends = ctx.tables["contacts"]
    friends = friends[friends["origin"] == "friends"]
    return make_finding(
        ctx,
        "contacts-uploaded-not-friends",
        "high" if people >= 50 else "medium",
        title=tr.gettext("You uploaded data about people who are not your friends"),
        summary=summary,
        counts={"people": people, "contacts": len(outside), "friends": len(friends)},
        table=outside,
        columns=_CONTACT_COLUMNS,
        files=source_files(outside, friends),
        services=[*services, "facebook"],
        rec_ids=["contacts-delete", "contacts-upload-off"],
        confidence="probable",
        amount=people,
    )
