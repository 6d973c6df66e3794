"""Translatable labels for ids the analysis emits: count keys and letter titles.

The CLI, the report and the GUI show ``tr.gettext(COUNT_LABELS[key])`` next to a count.
Services, severities, confidence and kinds are labelled in :mod:`privacy_audit.labels`.
"""

from __future__ import annotations

from privacy_audit.i18n import N_, Translator
from privacy_audit.values import number

#: titles of the letters in ``AuditResult.letters`` (kind -> title)
LETTER_TITLES: dict[str, str] = {
    "access": N_("Access request (GDPR article 15)"),
    "erasure": N_("Erasure request (GDPR article 17)"),
    "objection": N_("Objection (GDPR article 21)"),
    "complaint": N_("Complaint to the data protection authority"),
    "advertiser": N_("Request to the advertisers that had your data (GDPR articles 14 and 15)"),
}
COUNT_LABELS: dict[str, str] = {
    "numbers": N_("phone numbers"),
    "services": N_("services"),
    "emails_shared": N_("e-mails on several services"),
    "contacts": N_("contact entries"),
    "people": N_("people"),
    "phones": N_("phone numbers"),
    "emails": N_("e-mail addresses"),
    "first_year": N_("first upload (year)"),
    "last_year": N_("latest upload (year)"),
    "sync_on": N_("contact syncing still on"),
    "confirmed": N_("confirmed"),
    "probable": N_("probable"),
    "friends": N_("friends"),
    "links": N_("links"),
    "whatsapp_linked": N_("WhatsApp linked"),
    "business_page_links": N_("Business Page links"),
    "apps": N_("apps and websites"),
    "events": N_("events"),
    "advertisers": N_("advertisers"),
    "in_off_meta": N_("also off Meta"),
    "in_whatsapp_business": N_("also on WhatsApp"),
    "chats": N_("chats"),
    "messages": N_("messages"),
    "settings_everyone": N_("settings open to everyone"),
    "ips": N_("IP addresses"),
    "devices": N_("devices"),
    "groups": N_("groups"),
    "non_contacts": N_("members not in your contacts"),
    "non_contacts_by_number": N_("of them checked by number"),
    "large_groups": N_("large groups"),
}
#: count keys that hold a year: shown as written ("2020"), never grouped ("2.020")
YEAR_COUNTS: frozenset[str] = frozenset({"first_year", "last_year"})


def count_label(tr: Translator, key: str) -> str:
    """The translated label of a count key (the key itself, readable, when unknown)."""
    if key in COUNT_LABELS:
        return tr.gettext(COUNT_LABELS[key])
    if key.startswith("everyone_"):
        return tr.gettext("open to everyone: {setting}").format(setting=key[9:].replace("_", " "))
    return key.replace("_", " ")


def count_value(tr: Translator, key: str, value: int) -> str:
    """A count in the language of ``tr`` ("3,200", "3.200"); a year count as written."""
    if key in YEAR_COUNTS:
        return str(value)
    return number(value, tr.locale)
