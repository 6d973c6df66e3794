"""Translatable labels of the report: exposure bands, evidence columns and values.

Services, severities, confidence and kinds are labelled in :mod:`privacy_audit.labels`.
"""

from __future__ import annotations

from privacy_audit.analysis.labels import LETTER_TITLES as ANALYSIS_LETTER_TITLES
from privacy_audit.i18n import N_

BAND_LABELS = {
    "high": N_("High exposure"),
    "medium": N_("Medium exposure"),
    "low": N_("Low exposure"),
}
COLUMN_LABELS = {
    "name": N_("Name"),
    "phone": N_("Phone number"),
    "email": N_("Email"),
    "ip": N_("IP address"),
    "account": N_("Account"),
    "chat": N_("Chat"),
    "sender": N_("Sender"),
    "device": N_("Device"),
    "service": N_("Service"),
    "services": N_("Services"),
    "source_file": N_("File"),
    "created_at": N_("Added on"),
    "timestamp": N_("When"),
    "app": N_("App or website"),
    "events": N_("Events"),
    "relation": N_("Relation"),
    "first_seen": N_("First seen"),
    "last_seen": N_("Last seen"),
    "kind": N_("Kind"),
    "value": N_("Value"),
    "members": N_("Members"),
    "key": N_("Setting"),
    "linked_to": N_("Linked to"),
    "via": N_("Linked through"),
    "linked_at": N_("Linked on"),
    "count": N_("Count"),
    "confidence": N_("Match"),
    "origin": N_("Origin"),
    "uploaded": N_("Uploaded on"),
    "suggested_at": N_("Suggested on"),
    "advertiser": N_("Advertiser"),
    "relations": N_("What they did"),
    "in_off_meta": N_("In off-Meta activity"),
    "in_whatsapp_business": N_("WhatsApp business chat"),
    "non_contacts": N_("Not in your contacts"),
    "messages": N_("Messages"),
    "first": N_("First"),
    "last": N_("Last"),
    "setting": N_("Setting"),
}
VALUE_LABELS = {
    "uploaded_list": N_("had a list with your info"),
    "used_activity": N_("used your activity"),
    "interacted": N_("you interacted"),
    "accounts_center": N_("Accounts Center"),
    "business_page": N_("Business page"),
    "address_book": N_("address book"),
    "synced_contacts": N_("synced contacts"),
    "people_you_may_know": N_("people you may know"),
    "suggested_friends": N_("suggested friends"),
    "friends_seen_less": N_("friends you see less of"),
    "found_by_shape": N_("found by shape in a file this version does not know"),
}
#: one list of letter titles for the analysis, the report and the GUI
LETTER_TITLES = ANALYSIS_LETTER_TITLES
#: the title of a letter kind the report does not know yet
LETTER_FALLBACK = N_("Letter")
COLUMN_ORDER = ("name", "chat", "sender", "account", "phone", "email", "ip", "device", "app")
