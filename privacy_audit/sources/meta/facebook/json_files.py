"""Facebook (and Messenger) JSON files: own identifiers, contacts, linked accounts.

Each extractor is ``extract(reader, data, member)``: ``data`` is the parsed,
mojibake-repaired document. Every layout's root key is accepted (2018 ``profile``,
2020+ ``profile_v2``, 2025+ ``label_values``). Wrong types raise and become a warning
in :meth:`MetaReader.run`.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.phones import is_email_address
from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.fast import add_fast
from privacy_audit.sources.meta.labels import is_label, is_phone_label, service_name
from privacy_audit.sources.meta.reader import (
    MetaReader,
    contact_kind,
    flatten_label_values,
    label_records,
    lv_find,
    lv_time,
    lv_value,
    records_of,
    records_strict,
    seconds,
    text,
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


def contact_point_columns(
    origin: str, names: list[Any], points: list[str | None], created: Any
) -> dict[str, Any]:
    """The columns of :func:`add_contact_point` rows; ``points`` already through ``text``."""
    emails = [p is not None and "@" in p and is_email_address(p) for p in points]
    return {
        "origin": origin,
        "name": [text(name) for name in names],
        "phone_raw": [None if e else p for p, e in zip(points, emails, strict=True)],
        "email": [p if e else None for p, e in zip(points, emails, strict=True)],
        "created_at": created,
    }


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


def label_values_of(data: Any) -> list[Any]:
    """The ``label_values`` items of a 2025+ document: at its root, under its one root
    key, or of every record of a list of records (concatenated)."""
    if isinstance(data, dict):
        if isinstance(data.get("label_values"), list):
            return data["label_values"]
        for value in data.values():
            if isinstance(value, dict) and isinstance(value.get("label_values"), list):
                return value["label_values"]
            if isinstance(value, list) and value and isinstance(value[0], dict):
                if "label_values" in value[0]:
                    return [lv for rec in value for lv in rec.get("label_values") or []]
    if isinstance(data, list):
        return [lv for rec in data if isinstance(rec, dict) for lv in rec.get("label_values") or []]
    return []


def address_book(r: MetaReader, data: Any, m: Member) -> None:
    """``your_address_books.json``: the contacts uploaded from the user's phone."""
    book = None
    if isinstance(data, dict):
        book = data.get("address_book_v2") or data.get("address_book")
    entries = records_of(book, "address_book") if book is not None else []
    if not entries and label_values_of(data):
        for record in label_records(label_values_of(data)):
            name = lv_value(record, "name")
            points: list[str | None] = [
                leaf.value for leaf in record if leaf.value and is_label(leaf.label, "contact_info")
            ]
            created = lv_time(record, "created")
            for point in points or [None]:
                add_contact_point(r, m, "address_book", name, point, created)
        return
    if book is None:
        raise ValueError("no address book")

    def columns() -> tuple[int, dict[str, Any]]:
        names: list[Any] = []
        created: list[int | None] = []
        points: list[str | None] = []
        for entry in entries:
            found = _contact_points(entry)
            if len(found) == 1:
                names.append(entry.get("name"))
                created.append(seconds(entry.get("created_timestamp")))
                points.append(text(found[0]))
            else:
                name, when = entry.get("name"), seconds(entry.get("created_timestamp"))
                for value in found or [None]:
                    names.append(name)
                    created.append(when)
                    points.append(text(value))
        return len(points), contact_point_columns("address_book", names, points, created)

    add_fast(r, "contacts", m, columns, lambda: _address_book_rows(r, m, entries))


def _contact_points(entry: Any) -> list[Any]:
    found: list[Any] = []
    for detail in entry.get("details") or []:
        if not isinstance(detail, dict):
            continue
        value: Any = detail.get("contact_point")
        extra = detail.get("extra_data")
        if not value and isinstance(extra, dict):
            value = extra.get("phone_number")
        if text(value):
            found.append(value)
    return found


def _address_book_rows(r: MetaReader, m: Member, entries: list[Any]) -> None:
    """The address book one row at a time (the reference of the column fast path)."""
    for entry in entries:
        name = entry.get("name")
        created = seconds(entry.get("created_timestamp"))
        for value in _contact_points(entry) or [None]:
            add_contact_point(r, m, "address_book", name, value, created)


def name_list(origin: str, *keys: str):
    """An extractor for ``[{name, timestamp}]`` lists (friends, following, followers)."""

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        has_key = isinstance(data, dict) and any(k in data for k in keys)
        if not has_key and not isinstance(data, list) and label_values_of(data):
            for leaf in flatten_label_values(label_values_of(data)):
                if leaf.value:
                    r.add("contacts", m, origin=origin, name=leaf.value, created_at=leaf.ts)
            return
        entries = records_strict(data, *keys)

        def columns() -> tuple[int, dict[str, Any]]:
            rows = [e for e in entries if isinstance(e, (str, dict))]
            return len(rows), {
                "origin": origin,
                "name": [
                    e if isinstance(e, str) else text(e.get("name") or e.get("title")) for e in rows
                ],
                "created_at": [
                    None if isinstance(e, str) else seconds(e.get("timestamp")) for e in rows
                ],
            }

        def one_by_one() -> None:
            for entry in entries:
                if isinstance(entry, str):
                    r.add("contacts", m, origin=origin, name=entry)
                elif isinstance(entry, dict):
                    name = entry.get("name") or entry.get("title")
                    r.add(
                        "contacts",
                        m,
                        origin=origin,
                        name=text(name),
                        created_at=seconds(entry.get("timestamp")),
                    )

        add_fast(r, "contacts", m, columns, one_by_one)

    return extract


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
        linked = service_name(text(entry.get("service_name")))
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
    for key, kind in kinds.items():
        for value in root.get(key) or []:
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
