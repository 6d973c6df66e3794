"""Facebook (and Messenger) JSON files: own identifiers, contacts, linked accounts.

Every file is :class:`.spec.FileSpec` data (a file of two tables names the second in
``also``) but two: the 2FA state, read from any shape, and the 2018-19 call and SMS
logs, one contact per number; these are ``extract(reader, data, member)`` functions
(``data``: the parsed, mojibake-repaired document) that raise nothing but
:class:`.reader.ShapeError`. Every layout's root key is accepted (2018 ``profile``,
2020+ ``profile_v2``, 2025+ ``label_values``).
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.labels import PHONE_WORDS, on_off
from privacy_audit.sources.meta.load import Extractor
from privacy_audit.sources.meta.reader import (
    MetaReader,
    ShapeError,
    flatten_label_values,
    lv_find,
    seconds,
    text,
)
from privacy_audit.sources.meta.records import label_values_of
from privacy_audit.sources.meta.spec import (
    EMAIL,
    META_SERVICE,
    PHONE,
    SERVICE,
    TEXT,
    TIME,
    Each,
    FileSpec,
    Keyed,
    LabelLeaves,
    LabelRecords,
    Shape,
    first,
    identifiers,
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


def two_factor(r: MetaReader, data: Any, m: Member) -> None:
    """``two-factor_authentication.json`` and similar: the 2FA state, when shown: the
    value labelled two-factor, else the first on/off value, else "on" for a document
    with any content (Meta lists the methods only when 2FA is on). Reads any shape."""
    leaves = list(flatten_label_values(label_values_of(data)))
    state = None
    leaf = lv_find(leaves, "two_factor")
    if leaf is not None:
        state = on_off(leaf.value)
    if state is None:
        for leaf in leaves:
            state = state or on_off(leaf.value)
    if state is None and isinstance(data, dict):
        for value in data.values():
            if isinstance(value, (list, dict)) and value:
                state = "on"
                break
    if state:
        r.add("settings", m, key="two_factor", value=state)


def phone_logs(origin: str, *keys: str) -> Extractor:
    """2018-19 ``call_logs.json`` / ``message_logs.json``: the phone's call and SMS logs that
    Messenger uploaded, keyed by the other person's number (one contact per number: the
    first name given, the earliest time). A root of another shape raises ShapeError."""

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        if not isinstance(data, dict):
            raise ShapeError("unexpected root")
        logs: list[dict[str, Any]] = []
        root = data.get(keys[0])
        if isinstance(root, dict):
            inner = [root.get(k) for k in keys[1:]] if len(keys) > 1 else [root]
            logs = [x for x in inner if isinstance(x, dict)]
        elif root is not None:
            raise ShapeError(f"{keys[0]} is not a record", where=keys[0])
        for log in logs:
            for number, entries in log.items():
                items = (
                    [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
                )
                name = next(
                    (text(e.get("contact_name")) for e in items if e.get("contact_name")), None
                )
                times = (seconds(e.get("start_timestamp") or e.get("timestamp")) for e in items)
                r.add(
                    "contacts",
                    m,
                    origin=origin,
                    name=name,
                    phone_raw=text(number),
                    created_at=min(filter(None, times), default=None),
                )

    return extract
