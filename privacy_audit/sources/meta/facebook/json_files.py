"""Facebook (and Messenger) JSON files: own identifiers, contacts, linked accounts.

Every file is :class:`.spec.FileSpec` data (a file of two tables names the second in
``also``), the 2FA state and the 2018-19 call and SMS logs included. Every layout's
root key is accepted (2018 ``profile``, 2020+ ``profile_v2``, 2025+ ``label_values``).
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.meta.labels import PHONE_WORDS
from privacy_audit.sources.meta.spec import (
    EMAIL,
    META_SERVICE,
    ON_OFF,
    PHONE,
    SERVICE,
    TEXT,
    TIME,
    Each,
    FileSpec,
    Keyed,
    LabelDocument,
    LabelLeaves,
    LabelRecords,
    Shape,
    const,
    first,
    identifiers,
    in_items,
    item,
    item_time,
    key,
    label,
    label_time,
    parent,
)

_PROFILE = Keyed("profile_v2", "profile", one=True)


def _emails(under: str) -> Shape:
    """The e-mails listed under ``under`` in the profile."""
    return Shape(_PROFILE, {"email": key("email")}, each=Each(key=under, scalar="email"))


#: ``profile_information.json``: own name, username, e-mails and phone numbers (2018
#: ``profile``, 2020+ ``profile_v2``), or 2025+ ``label_values`` leaves: an e-mail by
#: how it is written, a phone number under a label that speaks of phones, else a
#: username or name by its label
profile = identifiers(
    Shape(_PROFILE, {"name": key("name.full_name", "name"), "username": key("username")}),
    *(
        _emails(f"emails.{under}")
        for under in ("emails", "previous_emails", "pending_emails", "ad_account_emails")
    ),
    _emails("emails"),
    Shape(
        _PROFILE,
        {"phone": key("phone_number")},
        each=Each(key="phone_numbers", scalar="phone_number"),
    ),
    Shape(
        LabelLeaves(),
        {
            "email": item(EMAIL),
            "phone": label(PHONE_WORDS, PHONE),
            "username": label("username", TEXT),
            "name": label("name", TEXT),
        },
        first_kind=True,
    ),
    every_shape=True,
)


#: ``your_address_books.json``: the contacts uploaded from the user's phone, one row per
#: contact point (a contact without any still gives one row)
_POINT = key("contact_point", "extra_data.phone_number")

address_book = FileSpec(
    "contacts",
    Shape(
        Keyed("address_book_v2.address_book", "address_book.address_book", "address_book_v2"),
        {
            "name": parent(key("name")),
            "created_at": parent(key("created_timestamp", conv=TIME)),
            "point": key("contact_point", "extra_data.phone_number"),
        },
        each=Each(
            key="details", where=key("contact_point", "extra_data.phone_number"), or_one=True
        ),
    ),
    Shape(
        LabelRecords(),
        {
            "name": parent(label("name", TEXT)),
            "created_at": parent(label_time("created")),
            "point": item(TEXT),
        },
        each=Each(label="contact_info", or_one=True),
    ),
    const={"origin": "address_book"},
    contact_point="point",
)


def name_list(origin: str, *keys: str) -> FileSpec:
    """``[{name, timestamp}]`` lists (friends, following, followers) or their 2025+
    ``label_values`` form (one person per leaf)."""
    return FileSpec(
        "contacts",
        Shape(
            Keyed(*keys, scalar="name"),
            {"name": key("name", "title"), "created_at": key("timestamp", conv=TIME)},
        ),
        Shape(LabelLeaves(), {"name": item(TEXT), "created_at": item_time()}, require=("name",)),
        const={"origin": origin},
    )


_LINKED = Keyed("accounts_center_v2.linked_accounts", "accounts_center_v2")
_LINKED_LABELS = LabelRecords(whole=True)

#: ``accounts_center.json``: accounts linked in Meta Accounts Center (incl. WhatsApp),
#: and the e-mail, phone number and username of each (the user's own, on that service)
accounts_center = FileSpec(
    "linked_accounts",
    Shape(
        _LINKED,
        {
            "account": key("username", "name", "email"),
            "linked_to": key("service_name", conv=SERVICE),
            "linked_at": key("linked_time", conv=TIME),
        },
    ),
    Shape(
        _LINKED_LABELS,
        {
            "account": first(label("username", TEXT), label("name", TEXT), label("email", TEXT)),
            "linked_to": label("service", SERVICE),
        },
    ),
    const={"via": "accounts_center"},
    also=(
        identifiers(
            Shape(
                _LINKED,
                {
                    "service": key("service_name", conv=META_SERVICE),
                    "email": key("email"),
                    "phone": key("phone_number"),
                    "username": key("username"),
                },
            ),
            Shape(
                _LINKED_LABELS,
                {
                    "service": label("service", META_SERVICE),
                    "email": label("email"),
                    "phone": label("phone"),
                    "username": label("username"),
                },
            ),
        ),
    ),
)

_AUTOFILL = Keyed("autofill_information_v2", one=True)

#: ``autofill_information.json``: e-mails, phones and names Messenger autofills
autofill = identifiers(
    *(
        Shape(_AUTOFILL, {kind: key("value")}, each=Each(key=name, scalar="value"))
        for name, kind in (
            ("EMAIL", "email"),
            ("WORK_EMAIL", "email"),
            ("PHONE", "phone"),
            ("WORK_PHONE", "phone"),
            ("FULL_NAME", "name"),
        )
    ),
    every_shape=True,
)

#: ``email_address_verifications.json``: verified e-mails (and phones)
email_verifications = identifiers(
    Shape(Keyed("contact_verifications_v2", "contact_verifications"), {"contact": key("contact")})
)

_ADMIN_RECORDS = Keyed("admin_records_v2", "admin_records")

#: ``record_details.json`` (old ``administrative_records.json``): account changes, and
#: the new phone number or e-mail of each
record_details = FileSpec(
    "activity",
    Shape(
        _ADMIN_RECORDS,
        {
            "timestamp": key("session.created_timestamp", conv=TIME),
            "ip": key("session.ip_address"),
            "user_agent": key("session.user_agent"),
        },
    ),
    const={"kind": "account_change"},
    also=(
        identifiers(
            Shape(
                _ADMIN_RECORDS,
                {
                    "contact.new_number": key("extra_info.new_number"),
                    "contact.new_email": key("extra_info.new_email"),
                },
            )
        ),
    ),
)


def _listed_anything(record: Any) -> str | None:
    """ "on" for a document with any content (a non-empty list or record under a key):
    Meta lists the two-factor methods only when two-factor authentication is on."""
    if type(record) is not dict:
        return None
    return "on" if any(type(v) in (list, dict) and v for v in record.values()) else None


#: ``two-factor_authentication.json`` and similar: the 2FA state, when shown. A 2024+
#: ``label_values`` document: the value labelled two-factor, else the first on/off
#: value, else "on" (it has content: the methods); any other document: "on" when it
#: lists anything, else no row
two_factor = FileSpec(
    "settings",
    Shape(
        LabelDocument(),
        {
            "key": const("two_factor"),
            "value": first(label("two_factor", ON_OFF), label("*", ON_OFF), const("on")),
        },
    ),
    Shape(
        Keyed(one=True),
        {"key": const("two_factor"), "value": item(_listed_anything)},
        require=("value",),
    ),
)


def phone_logs(origin: str, *paths: str) -> FileSpec:
    """2018-19 ``call_logs.json`` / ``message_logs.json``: the phone's call and SMS logs that
    Messenger uploaded, each a record of the other person's number -> its calls or
    messages (``paths``: where such records are): one contact per number, with the first
    name given and the earliest time."""
    return FileSpec(
        "contacts",
        *(
            Shape(
                Keyed(where, named="number", value="log"),
                {
                    "phone_raw": key("number"),
                    "name": key("log", conv=in_items("contact_name")),
                    "created_at": key(
                        "log",
                        conv=in_items("start_timestamp", "timestamp", conv=TIME, smallest=True),
                    ),
                },
            )
            for where in paths
        ),
        const={"origin": origin},
        every_shape=True,
    )
