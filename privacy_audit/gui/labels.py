"""Human names for Evidence tables and columns (translated at display time)."""

from __future__ import annotations

from privacy_audit.i18n import N_, Translator

TABLE_NAMES: dict[str, str] = {
    "identifiers": N_("Your identifiers"),
    "contacts": N_("Contacts"),
    "activity": N_("Logins and devices"),
    "off_platform": N_("Activity off Meta"),
    "advertisers": N_("Advertisers"),
    "linked_accounts": N_("Linked accounts"),
    "settings": N_("Settings"),
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
