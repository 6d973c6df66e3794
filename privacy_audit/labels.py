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
