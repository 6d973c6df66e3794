"""Human names for Evidence tables and columns (translated at display time)."""

from __future__ import annotations

from typing import Any

from privacy_audit.i18n import N_, Translator

TABLE_NAMES: dict[str, str] = {
    "identifiers": N_("Your identifiers"),
    "contacts": N_("Contacts"),
    "activity": N_("Logins and devices"),
    "off_platform": N_("Activity off Meta"),
    "advertisers": N_("Advertisers"),
    "linked_accounts": N_("Linked accounts"),
    "settings": N_("Settings"),
    "suggestions": N_("Friend suggestions"),
    "messages": N_("Messages (metadata only)"),
    "groups": N_("Groups"),
}

COLUMN_NAMES: dict[str, str] = {
    "service": N_("Service"),
    "kind": N_("Kind"),
    "value": N_("Value"),
    "raw": N_("As found"),
    "valid": N_("Valid"),
    "source_file": N_("Source file"),
    "origin": N_("Origin"),
    "name": N_("Name"),
    "phone_raw": N_("Phone (as found)"),
    "phone_e164": N_("Phone"),
    "phone_valid": N_("Valid phone"),
    "email": N_("Email"),
    "created_at": N_("Added"),
    "timestamp": N_("Time"),
    "ip": N_("IP address"),
    "device": N_("Device"),
    "user_agent": N_("Browser"),
    "location": N_("Location"),
    "app": N_("App or website"),
    "event": N_("Event"),
    "relation": N_("Relation"),
    "account": N_("Account"),
    "linked_to": N_("Linked to"),
    "via": N_("Via"),
    "linked_at": N_("Linked on"),
    "suggested_at": N_("Suggested on"),
    "key": N_("Setting"),
    "chat": N_("Chat"),
    "is_group": N_("Group chat"),
    "sender": N_("Sender"),
    "sender_phone_raw": N_("Sender phone (as found)"),
    "sender_phone_e164": N_("Sender phone"),
    "members": N_("Members"),
    "services": N_("Services"),
    "n_services": N_("Number of services"),
    "confidence": N_("Confidence"),
    "count": N_("Count"),
    "events": N_("Events"),
    "first_seen": N_("First seen"),
    "last_seen": N_("Last seen"),
    "phone": N_("Phone"),
    "date": N_("Date"),
}


def table_name(tr: Translator, table: str) -> str:
    """The translated name of an Evidence table."""
    return tr.gettext(TABLE_NAMES[table]) if table in TABLE_NAMES else table


def column_name(tr: Translator, column: str) -> str:
    """The translated name of a column (unknown columns as they are, tidied)."""
    if column in COLUMN_NAMES:
        return tr.gettext(COLUMN_NAMES[column])
    return column.replace("_", " ").capitalize()


#: columns whose values are codes with a readable label (the rest is shown as found)
LABELLED_COLUMNS = ("service", "kind", "origin", "confidence", "relation", "via")
#: columns whose labels start with a capital letter, in the report and here
CAPITALIZED_COLUMNS = ("kind", "origin", "confidence")
#: more distinct values than this: not a code column (left as it is)
MAX_CODES = 500


def value_label(tr: Translator, value: str) -> str:
    """The readable, translated text of a code value ("whatsapp" -> "WhatsApp")."""
    from privacy_audit.labels import code_label
    from privacy_audit.report.labels import VALUE_LABELS

    label = code_label(tr, value)
    if label is not None:
        return label
    for labels in (VALUE_LABELS, EXTRA_VALUE_LABELS):
        if value in labels:
            return tr.gettext(labels[value])
    if "," in value:  # "facebook,instagram"
        return ", ".join(value_label(tr, part.strip()) for part in value.split(","))
    return value.replace("_", " ") if value.isidentifier() else value


EXTRA_VALUE_LABELS: dict[str, str] = {
    "about": N_("about you"),
    "chat_participant": N_("chat participant"),
    "group_member": N_("group member"),
    "friends": N_("friends"),
    "followers": N_("followers"),
    "following": N_("following"),
    "whatsapp_contacts": N_("WhatsApp contacts"),
    "login": N_("login"),
    "logout": N_("logout"),
    "session": N_("session"),
    "last_login": N_("last login"),
    "last_logout": N_("last logout"),
    "registration": N_("registration"),
    "companion": N_("linked device"),
    "last_active": N_("last active"),
    "system": N_("system message"),
    "text": N_("text"),
    "media": N_("media"),
    "deleted": N_("deleted"),
}


def _setting_value(tr: Translator, value: str) -> str:
    from privacy_audit.labels import setting_value_label

    return setting_value_label(tr, value) or value  # only the setting codes; the rest as is


def _setting(tr: Translator, key: str) -> str:
    from privacy_audit.labels import setting_label

    return setting_label(tr, key)


def _event(tr: Translator, event: str) -> str:
    from privacy_audit.labels import event_label

    return event_label(tr, event)


#: columns whose codes have their own words: setting names and values, off-Meta events
WORDED_COLUMNS: dict[str, Any] = {
    "services": value_label,
    "key": _setting,
    "setting": _setting,
    "value": _setting_value,
    "event": _event,
}


def readable_column(tr: Translator, column: str, strings: Any) -> Any:
    """Display strings of ``column`` with code values replaced by their labels."""
    import numpy as np
    import pandas as pd

    if column not in LABELLED_COLUMNS and column not in WORDED_COLUMNS:
        return strings
    codes = pd.unique(strings)
    if len(codes) > MAX_CODES:
        return strings
    label = WORDED_COLUMNS.get(column, value_label)
    mapping = {code: label(tr, code) if code else code for code in codes}
    if column in CAPITALIZED_COLUMNS:  # as the report writes them: "Name", "About you"
        from privacy_audit.labels import capitalized

        mapping = {code: capitalized(text) if text else text for code, text in mapping.items()}
    return np.asarray(pd.Series(strings, dtype=object).map(mapping), dtype=object)
