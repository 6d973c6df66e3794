"""Facebook (and Messenger) JSON files: own identifiers, contacts, linked accounts.

Files of one table with one row per record are :class:`.spec.FileSpec` data; the
others are ``extract(reader, data, member)`` functions (``data``: the parsed,
mojibake-repaired document). Every layout's root key is accepted (2018 ``profile``,
2020+ ``profile_v2``, 2025+ ``label_values``). Wrong types raise and become a warning
in :meth:`MetaReader.run`.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.phones import is_email_address
from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.labels import is_label, is_phone_label, service_id
from privacy_audit.sources.meta.reader import (
    MetaReader,
    contact_kind,
    flatten_label_values,
    label_records,
    lv_find,
    lv_value,
    records_of,
    seconds,
    text,
)
from privacy_audit.sources.meta.records import label_values_of
from privacy_audit.sources.meta.spec import (
    TEXT,
    TIME,
    Each,
    FileSpec,
    Keyed,
    LabelLeaves,
    LabelRecords,
    Shape,
    item,
    item_time,
    key,
    label,
    label_time,
    parent,
)


def add_identifier(r: MetaReader, m: Member, kind: str, value: Any, **extra: Any) -> None:
    """Add one own identifier (phones raw; emails lower-cased by the sink)."""
    raw = text(value)
    if not raw:
        return
    if kind == "email":
        raw = raw.lower()
    key = (extra.get("service"), kind, raw, m.path)
    if key in r.seen:
        return
    r.seen.add(key)
    r.add("identifiers", m, kind=kind, value=raw, raw=text(value), valid=True, **extra)


def add_contact_point(
    r: MetaReader, m: Member, origin: str, name: Any, point: Any, created: Any = None
) -> None:
    """Add a contact row for one contact point of an uploaded contact: an e-mail goes to
    ``email``; anything else (a number, or a value that is neither) stays as written in
    ``phone_raw``, never dropped (``phone_valid`` tells the numbers apart later)."""
    raw = text(point)
    is_email = is_email_address(raw)
    r.add(
        "contacts",
        m,
        origin=origin,
        name=text(name),
        phone_raw=None if is_email else raw,
        email=raw if is_email else None,
        created_at=created,
    )


def profile(r: MetaReader, data: Any, m: Member) -> None:
    """``profile_information.json``: own name, username, e-mails, phone numbers."""
    prof = data.get("profile_v2") or data.get("profile") if isinstance(data, dict) else None
    if not isinstance(prof, dict):
        leaves = list(flatten_label_values(label_values_of(data)))
        if not leaves:
            raise ValueError("no profile")
        for leaf in leaves:
            shape = contact_kind(leaf.value)
            if shape == "email":
                add_identifier(r, m, "email", leaf.value)
            elif shape == "phone" and is_phone_label(leaf.label):
                add_identifier(r, m, "phone", leaf.value)
            elif leaf.value and is_label(leaf.label, "username"):
                add_identifier(r, m, "username", leaf.value)
            elif leaf.value and is_label(leaf.label, "name"):
                add_identifier(r, m, "name", leaf.value)
        return
    name = prof.get("name")
    full = name.get("full_name") if isinstance(name, dict) else name
    add_identifier(r, m, "name", full)
    add_identifier(r, m, "username", prof.get("username"))
    emails = prof.get("emails")
    if isinstance(emails, dict):
        for key in ("emails", "previous_emails", "pending_emails", "ad_account_emails"):
            for email in emails.get(key) or []:
                add_identifier(r, m, "email", email)
    elif isinstance(emails, list):
        for email in emails:
            add_identifier(r, m, "email", email)
    for phone in prof.get("phone_numbers") or []:
        number = phone.get("phone_number") if isinstance(phone, dict) else phone
        add_identifier(r, m, "phone", number)


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


def accounts_center(r: MetaReader, data: Any, m: Member) -> None:
    """``accounts_center.json``: accounts linked in Meta Accounts Center (incl. WhatsApp)."""
    root = data.get("accounts_center_v2") if isinstance(data, dict) else None
    entries = records_of(root, "linked_accounts") if root is not None else []
    if root is None:
        lvs = label_values_of(data)
        if not lvs:
            raise ValueError("no accounts")
        for record in label_records(lvs) or [list(flatten_label_values(lvs))]:
            entries.append(
                {
                    "service_name": lv_value(record, "service"),
                    "username": lv_value(record, "username"),
                    "name": lv_value(record, "name"),
                    "email": lv_value(record, "email"),
                    "phone_number": lv_value(record, "phone"),
                }
            )
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        linked = service_id(text(entry.get("service_name")))
        account = text(entry.get("username")) or text(entry.get("name")) or text(entry.get("email"))
        r.add(
            "linked_accounts",
            m,
            account=account,
            linked_to=linked,
            via="accounts_center",
            linked_at=seconds(entry.get("linked_time")),
        )
        owner = linked if linked in ("facebook", "instagram", "messenger", "whatsapp") else None
        extra = {"service": owner} if owner else {}
        add_identifier(r, m, "email", entry.get("email"), **extra)
        add_identifier(r, m, "phone", entry.get("phone_number"), **extra)
        add_identifier(r, m, "username", entry.get("username"), **extra)


def autofill(r: MetaReader, data: Any, m: Member) -> None:
    """``autofill_information.json``: e-mails, phones and names Messenger autofills."""
    root = data.get("autofill_information_v2") if isinstance(data, dict) else None
    if not isinstance(root, dict):
        raise ValueError("no autofill")
    kinds = {
        "EMAIL": "email",
        "WORK_EMAIL": "email",
        "PHONE": "phone",
        "WORK_PHONE": "phone",
        "FULL_NAME": "name",
    }
    for name, kind in kinds.items():
        for value in root.get(name) or []:
            add_identifier(r, m, kind, value)


def email_verifications(r: MetaReader, data: Any, m: Member) -> None:
    """``email_address_verifications.json``: verified e-mails (and phones)."""
    for entry in records_of(data, "contact_verifications_v2", "contact_verifications"):
        value = text(entry.get("contact")) if isinstance(entry, dict) else None
        kind = contact_kind(value)
        if kind:
            add_identifier(r, m, kind, value)


def record_details(r: MetaReader, data: Any, m: Member) -> None:
    """``record_details.json`` (old ``administrative_records.json``): account changes."""
    for entry in records_of(data, "admin_records_v2", "admin_records"):
        if not isinstance(entry, dict):
            continue
        session: dict[str, Any] = entry["session"] if isinstance(entry.get("session"), dict) else {}
        r.add(
            "activity",
            m,
            kind="account_change",
            timestamp=seconds(session.get("created_timestamp")),
            ip=text(session.get("ip_address")),
            user_agent=text(session.get("user_agent")),
        )
        extra = entry.get("extra_info")
        if isinstance(extra, dict):
            for key in ("new_number", "new_email"):
                value = text(extra.get(key))
                kind = contact_kind(value)
                if kind:
                    add_identifier(r, m, kind, value)


def two_factor(r: MetaReader, data: Any, m: Member) -> None:
    """``two-factor_authentication.json`` and similar: the 2FA state, when shown."""
    from privacy_audit.sources.meta.labels import on_off

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


def phone_logs(origin: str, *keys: str):
    """2018-19 ``call_logs.json`` / ``message_logs.json``: the phone's call and SMS logs that
    Messenger uploaded, keyed by the other person's number (one contact per number)."""

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        if not isinstance(data, dict):
            raise ValueError("unexpected root")
        logs: list[dict[str, Any]] = []
        root = data.get(keys[0])
        if isinstance(root, dict):
            inner = [root.get(k) for k in keys[1:]] if len(keys) > 1 else [root]
            logs = [x for x in inner if isinstance(x, dict)]
        elif root is not None:
            raise ValueError("unexpected root")
        for log in logs:
            for number, entries in log.items():
                items = (
                    [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
                )
                name = next(
                    (text(e.get("contact_name")) for e in items if e.get("contact_name")), None
                )
                first = min(
                    (
                        t
                        for e in items
                        if (t := seconds(e.get("start_timestamp") or e.get("timestamp")))
                    ),
                    default=None,
                )
                r.add(
                    "contacts",
                    m,
                    origin=origin,
                    name=name,
                    phone_raw=text(number),
                    created_at=first,
                )

    return extract
