"""Rules about the user's own identity: number, linked accounts, devices, 2FA."""

from __future__ import annotations

from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.result import Finding
from privacy_audit.analysis.rulekit import (
    RuleContext,
    make_finding,
    numbers,
    source_files,
)

#: settings keys that are two-factor / two-step verification (folded, regex)
TWO_FACTOR_KEY = r"two.?factor|two.?step|2fa|login.?approval|due (?:fattori|passaggi)"
#: values that mean "off"
OFF_VALUE = (
    r"^(?:off|false|no|0|disabled|not enabled|not set|none|disattivat[ao]|"
    r"non attiv[ao]|nessuno|deaktiviert|desactivad[ao]|desactive)$"
)


def phone_shared_across_services(ctx: RuleContext) -> Finding | None:
    """One of the user's own numbers is in the account data of 2+ services."""
    own = ctx.tables["own_ids"]
    shared = own[(own["kind"] == "phone") & (own["n_services"] >= 2)]
    if shared.empty:
        return None
    tr = ctx.tr
    services = nz.services_in(shared["services"])
    ids = ctx.evidence.identifiers
    files = source_files(ids[ids["kind"] == "phone"])
    emails = own[(own["kind"] == "email") & (own["n_services"] >= 2)]
    n = len(shared)
    summary = tr.ngettext(
        "Your phone number is in the account data of {services} services: it is the key "
        "that joins them.",
        "{n} of your phone numbers are each in the account data of several services "
        "({services} services in all): they are the keys that join them.",
        n,
    ).format(**numbers(tr, n=n, services=len(services)))
    return make_finding(
        ctx,
        "phone-shared-across-services",
        "high",
        title=tr.gettext("The same phone number links your accounts"),
        summary=summary,
        counts={
            "numbers": n,
            "services": len(services),
            "emails_shared": len(emails),
        },
        table=shared,
        columns={"value": "phone", "services": "services"},
        evidence_total=n,
        files=files,
        services=services,
        rec_ids=["phone-lookup", "two-factor", "gdpr-rights"],
        amount=len(services) * 10,
    )


def accounts_center_linked(ctx: RuleContext) -> Finding | None:
    """Accounts are linked in Accounts Center (or a WhatsApp Business Page link)."""
    links = ctx.tables["linked_accounts"]
    if links.empty:
        return None
    tr = ctx.tr
    linked_to = nz.fold(links["linked_to"]).fillna("")
    services_col = nz.text(links["service"]).fillna("")
    with_wa = linked_to.str.contains("whatsapp") | services_col.eq("whatsapp")
    via = nz.text(links["via"]).fillna("")
    page = via.eq("business_page")
    targets = {s for s in linked_to if s} | {s for s in services_col if s}
    services = [s for s in ("facebook", "instagram", "messenger", "whatsapp") if s in targets]
    n = len(links)
    rec_ids = ["accounts-center-remove"]
    if with_wa.any():
        rec_ids.append("whatsapp-accounts-center")
    if page.any():
        rec_ids.append("whatsapp-business-page-unlink")
    if with_wa.any():
        summary = tr.ngettext(
            "{n} account is linked in Accounts Center, including WhatsApp: your profile, "
            "logins and ad settings are shared across them.",
            "{n} accounts are linked in Accounts Center, including WhatsApp: your profile, "
            "logins and ad settings are shared across them.",
            n,
        ).format(**numbers(tr, n=n))
    else:
        summary = tr.ngettext(
            "{n} account is linked in Accounts Center: your profile, logins and ad settings "
            "are shared across them.",
            "{n} accounts are linked in Accounts Center: your profile, logins and ad settings "
            "are shared across them.",
            n,
        ).format(**numbers(tr, n=n))
    title = tr.gettext("Your accounts are linked in Accounts Center")
    if page.all():
        title = tr.gettext("Your WhatsApp Business number is linked to a Facebook Page")
        summary = tr.ngettext(
            "{n} link ties a WhatsApp Business account to a Facebook Page: the number, the "
            "Page and the profile that runs it are connected in public.",
            "{n} links tie a WhatsApp Business account to a Facebook Page: the number, the "
            "Page and the profile that runs it are connected in public.",
            n,
        ).format(**numbers(tr, n=n))
    frame = links.assign(linked_to=nz.text(links["linked_to"]), account=nz.text(links["account"]))
    columns = {"service": "service", "account": "account", "linked_to": "linked_to", "via": "via"}
    return make_finding(
        ctx,
        "accounts-center-linked",
        "high" if with_wa.any() else "medium",
        title=title,
        summary=summary,
        counts={
            "links": n,
            "services": len(services),
            "whatsapp_linked": int(with_wa.any()),
            "business_page_links": int(page.sum()),
        },
        table=frame,
        columns=columns,
        evidence_total=n,
        files=source_files(links),
        services=services,
        rec_ids=rec_ids,
    )


def shared_devices_ips(ctx: RuleContext) -> Finding | None:
    """The same IP addresses or devices appear in more than one service."""
    net = ctx.tables["shared_network"]
    if net.empty:
        return None
    tr = ctx.tr
    ips = int((net["kind"] == "ip").sum())
    devices = int((net["kind"] == "device").sum())
    services = nz.services_in(net["services"])
    n = ips + devices
    rows = net.assign(
        ip=net["value"].where(net["kind"] == "ip"),
        device=net["value"].where(net["kind"] == "device"),
    )
    breakdown = ", ".join(
        (
            tr.ngettext("{k} IP address", "{k} IP addresses", ips).format(**numbers(tr, k=ips)),
            tr.ngettext("{k} device", "{k} devices", devices).format(**numbers(tr, k=devices)),
        )
    )
    summary = tr.ngettext(
        "{n} IP address or device was seen by more than one service ({breakdown}): it "
        "ties your accounts to one person and one household.",
        "{n} IP addresses and devices were seen by more than one service ({breakdown}): "
        "they tie your accounts to one person and one household.",
        n,
    ).format(**numbers(tr, n=n, breakdown=breakdown))
    act = ctx.evidence.activity
    columns = {
        "kind": "kind",
        "ip": "ip",
        "device": "device",
        "services": "services",
        "first_seen": "first_seen",
        "last_seen": "last_seen",
    }
    return make_finding(
        ctx,
        "shared-devices-ips",
        "medium" if n >= 5 else "low",
        title=tr.gettext("The same devices and IP addresses appear in several services"),
        summary=summary,
        counts={"ips": ips, "devices": devices, "services": len(services)},
        table=rows,
        columns=columns,
        evidence_total=n,
        files=source_files(act[act["ip"].notna() | act["device"].notna()]),
        services=services,
        rec_ids=["where-logged-in"],
    )


def two_factor_off(ctx: RuleContext) -> Finding | None:
    """An export shows two-factor / two-step verification off."""
    settings = ctx.evidence.settings
    if settings.empty:
        return None
    key = nz.fold(settings["key"]).fillna("")
    value = nz.fold(settings["value"]).fillna("")
    off = settings[key.str.contains(TWO_FACTOR_KEY, regex=True) & value.str.match(OFF_VALUE)]
    if off.empty:
        return None
    tr = ctx.tr
    services = sorted(set(nz.text(off["service"]).dropna().unique()))
    rec_ids = []
    if any(s != "whatsapp" for s in services):
        rec_ids.append("two-factor")
    if "whatsapp" in services:
        rec_ids.append("whatsapp-two-step")
    n = len(services)
    summary = tr.ngettext(
        "Two-factor authentication is off on {n} service: a stolen password or SMS code "
        "is enough to take the account.",
        "Two-factor authentication is off on {n} services: a stolen password or SMS code "
        "is enough to take the accounts.",
        n,
    ).format(**numbers(tr, n=n))
    return make_finding(
        ctx,
        "two-factor-off",
        "high",
        title=tr.gettext("Two-factor authentication is off"),
        summary=summary,
        counts={"services": n},
        table=off,
        columns={"service": "service", "key": "setting", "value": "value"},
        files=source_files(off),
        services=services,
        rec_ids=rec_ids,
        amount=1,
    )
