"""The words for the codes every part shows: services, severities, confidence, kinds.

One place for the command line, the report and the app. Service names are brand names
(never translated); every other label is marked with ``N_`` and translated when shown.
The words are lower case, as they read inside a sentence ("(confirmed)",
"Kind: chat export"); :func:`capitalized` makes a heading, badge or table cell of them.
"""

from __future__ import annotations

from privacy_audit.i18n import N_, Translator

#: display names of the services (brand names, the same in every language)
SERVICE_NAMES: dict[str, str] = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "messenger": "Messenger",
    "whatsapp": "WhatsApp",
}
#: finding severities (``AuditResult.SEVERITIES``)
SEVERITY_LABELS: dict[str, str] = {
    "high": N_("High"),
    "medium": N_("Medium"),
    "low": N_("Low"),
    "info": N_("Info"),
}
#: how sure a match is: the same number or e-mail, or the name only
CONFIDENCE_LABELS: dict[str, str] = {
    "confirmed": N_("confirmed"),
    "probable": N_("probable"),
}
#: the kind of an export (``SourceInfo.kind``)
SOURCE_KIND_LABELS: dict[str, str] = {
    "dyi": N_("data export (Download your information)"),
    "account_report": N_("account information report"),
    "chat": N_("chat export"),
}
#: the kind of one of the user's identifiers (``identifiers.kind``) or of a network value
IDENTIFIER_KIND_LABELS: dict[str, str] = {
    "phone": N_("Phone number"),
    "email": N_("Email"),
    "username": N_("Username"),
    "name": N_("Name"),
    "ip": N_("IP address"),
    "device": N_("Device"),
}


def service_name(service: str) -> str:
    """The brand name of a service id (unknown ids as given)."""
    return SERVICE_NAMES.get(str(service), str(service))


def severity_label(tr: Translator, severity: str) -> str:
    """The translated severity ("High", "Alta"); unknown severities as given."""
    return tr.gettext(SEVERITY_LABELS.get(severity, severity))


def confidence_label(tr: Translator, confidence: str) -> str:
    """The translated confidence ("confirmed", "probabile"); unknown values as given."""
    return tr.gettext(CONFIDENCE_LABELS.get(confidence, confidence))


def source_kind_label(tr: Translator, kind: str) -> str:
    """The translated kind of an export ("chat export"); unknown kinds as given."""
    return tr.gettext(SOURCE_KIND_LABELS[kind]) if kind in SOURCE_KIND_LABELS else kind


def code_label(tr: Translator, value: str) -> str | None:
    """The label of a service, kind or confidence code, or None for any other value."""
    if value in SERVICE_NAMES:
        return SERVICE_NAMES[value]
    for labels in (SOURCE_KIND_LABELS, IDENTIFIER_KIND_LABELS, CONFIDENCE_LABELS):
        if value in labels:
            return tr.gettext(labels[value])
    return None


def capitalized(text: str) -> str:
    """``text`` with its first letter upper case ("confermato" -> "Confermato")."""
    return text[:1].upper() + text[1:]


#: privacy settings (``settings.key``) in words
SETTING_LABELS: dict[str, str] = {
    "last_seen": N_("Last seen and online"),
    "online": N_("Online status"),
    "profile_photo": N_("Profile photo"),
    "about": N_("About"),
    "status": N_("Status updates"),
    "groups": N_("Who can add you to groups"),
    "calls": N_("Calls"),
    "silence_unknown_callers": N_("Silence unknown callers"),
    "read_receipts": N_("Read receipts"),
    "blocked_contacts": N_("Blocked contacts"),
    "live_location": N_("Live location"),
    "disappearing_messages": N_("Disappearing messages"),
    "share_with_facebook": N_("Share account information with Facebook"),
    "two_step_verification": N_("Two-step verification"),
    "two_factor": N_("Two-factor authentication"),
}
#: the values of those settings (``settings.value``)
SETTING_VALUE_LABELS: dict[str, str] = {
    "everyone": N_("Everyone"),
    "contacts": N_("My contacts"),
    "contacts_except": N_("My contacts except…"),
    "nobody": N_("Nobody"),
    "on": N_("On"),
    "off": N_("Off"),
    "same_as_last_seen": N_("Same as last seen"),
}
#: off-Meta activity events (``off_platform.event``), as Meta names them
EVENT_LABELS: dict[str, str] = {
    "ACTIVATE_APP": N_("Opened the app"),
    "ADD_TO_CART": N_("Added to cart"),
    "ADD_TO_WISHLIST": N_("Added to wishlist"),
    "ADD_PAYMENT_INFO": N_("Added payment details"),
    "COMPLETE_REGISTRATION": N_("Signed up"),
    "CONTACT": N_("Contacted the business"),
    "CUSTOM": N_("Other activity"),
    "INITIATE_CHECKOUT": N_("Started checkout"),
    "LEAD": N_("Filled in a form"),
    "PAGE_VIEW": N_("Viewed a page"),
    "PURCHASE": N_("Bought something"),
    "SEARCH": N_("Searched"),
    "SUBSCRIBE": N_("Subscribed"),
    "START_TRIAL": N_("Started a trial"),
    "VIEW_CONTENT": N_("Viewed content"),
    "SCHEDULE": N_("Booked an appointment"),
    "DONATE": N_("Donated"),
    "FIND_LOCATION": N_("Looked up a location"),
    "SUBMIT_APPLICATION": N_("Sent an application"),
    "CUSTOMIZE_PRODUCT": N_("Customised a product"),
}
#: export formats (``SourceInfo.format``)
FORMAT_LABELS: dict[str, str] = {
    "json": "JSON",
    "html": "HTML",
    "txt": N_("text"),
    "mixed": N_("JSON and HTML"),
}


def _humane(code: str) -> str:
    """A code in words when no label exists ("ADD_TO_CART" -> "Add to cart")."""
    text = code.replace("_", " ").replace(".", " ").strip()
    return text[:1].upper() + text[1:].lower() if text.isupper() else text[:1].upper() + text[1:]


def setting_label(tr: Translator, key: str) -> str:
    """The name of a privacy setting ("last_seen" -> "Last seen", "Ultimo accesso")."""
    if key in SETTING_LABELS:
        return tr.gettext(SETTING_LABELS[key])
    for prefix in ("off_meta.", "settings."):
        if key.startswith(prefix):
            return key[len(prefix) :]  # Meta's own words, as the export wrote them
    return _humane(key)


def setting_value_label(tr: Translator, value: str) -> str | None:
    """The words of a setting's value code ("everyone" -> "Everyone"), else None."""
    return tr.gettext(SETTING_VALUE_LABELS[value]) if value in SETTING_VALUE_LABELS else None


def event_label(tr: Translator, event: str) -> str:
    """An off-Meta event code in words ("ADD_TO_CART" -> "Added to cart")."""
    if event in EVENT_LABELS:
        return tr.gettext(EVENT_LABELS[event])
    return _humane(event) if event.replace("_", "").isupper() else event


def layout_label(tr: Translator, layout: str, fmt: str = "") -> str:
    """An export layout id in words ("facebook-2024", "mixed" -> "Facebook, 2024 layout
    (JSON and HTML)"); ids it does not know are tidied, never shown raw."""
    service, _sep, rest = layout.partition("-")
    name = SERVICE_NAMES.get(service, service.capitalize())
    if rest.isdigit():
        text = tr.gettext("{service}, {year} layout").format(service=name, year=rest)
    elif rest in ("chat-ios", "chat-android"):
        device = "iPhone" if rest.endswith("ios") else "Android"
        text = tr.gettext("{service} chat from {device}").format(service=name, device=device)
    elif rest.startswith("report-") and rest[7:].isdigit():
        text = tr.gettext("{service} account report, {year} layout").format(
            service=name, year=rest[7:]
        )
    elif rest == "e2ee":
        text = tr.gettext("{service} end-to-end encrypted chats").format(service=name)
    else:
        text = f"{name} {rest.replace('-', ' ')}".strip() if rest else name
    kind = fmt.lower()
    if kind in FORMAT_LABELS:
        return f"{text} ({tr.gettext(FORMAT_LABELS[kind])})"
    return text
