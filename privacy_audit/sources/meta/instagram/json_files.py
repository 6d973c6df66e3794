"""Instagram JSON files (``string_map_data`` records, and the 2025+ ``label_values`` ones).

Files of one table with one row per record are :class:`..spec.FileSpec` data, the
others functions as in :mod:`..facebook.json_files`. Labels are matched through
:mod:`..labels`, so non-English exports are read as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.facebook.json_files import add_identifier
from privacy_audit.sources.meta.labels import on_off
from privacy_audit.sources.meta.reader import (
    MetaReader,
    records_strict,
    seconds,
    smd_entry,
    smd_get,
    smd_time,
    text,
)
from privacy_audit.sources.meta.records import record_map
from privacy_audit.sources.meta.spec import (
    TIME,
    Each,
    FileSpec,
    MapRecords,
    Shape,
    first,
    identifiers,
    join,
    key,
    label,
    label_time,
    parent,
    title,
)


def _records(data: Any, *keys: str) -> list[dict[str, Any]]:
    if isinstance(data, dict) and "label_values" in data and not any(k in data for k in keys):
        return [data]
    return [rec for rec in records_strict(data, *keys) if isinstance(rec, dict)]


#: ``personal_information.json``: own e-mail, phone, username and name
personal_information = identifiers(
    Shape(
        MapRecords("profile_user"),
        {
            "email": label("email"),
            "phone": label("phone"),
            "username": label("username"),
            "name": label("name"),
        },
    )
)


def account_information(r: MetaReader, data: Any, m: Member) -> None:
    """``account_information.json``: contact syncing, 2FA, last login/logout."""
    for rec in _records(data, "profile_account_insights"):
        smd = record_map(rec)
        for name in ("contact_syncing", "two_factor"):
            entry = smd_entry(smd, name)
            if entry is not None:
                value = on_off(entry.get("value")) or text(entry.get("value"))
                r.add("settings", m, key=name, value=value)
        for name in ("last_login", "last_logout"):
            when = smd_time(smd, name)
            if when:
                r.add("activity", m, kind=name, timestamp=when)


#: ``synced_contacts.json``: the phone contacts Instagram synced
synced_contacts = FileSpec(
    "contacts",
    Shape(
        MapRecords("contacts_contact_info"),
        {
            "name": first(
                join(label("first_name"), label("last_name"), sep=" ", distinct=False),
                label("name"),
                title(),
            ),
            "point": label("contact_info"),
            "created_at": label_time("imported_time"),
        },
    ),
    const={"origin": "synced_contacts"},
    contact_point="point",
)


def _profile_name(url: Any) -> str | None:
    """The last part of a profile address (``https://www.instagram.com/anna/`` -> anna)."""
    address = text(url)
    return address.rstrip("/").rsplit("/", 1)[-1] if address else None


def relations(origin: str, *keys: str) -> FileSpec:
    """Followers / following: ``string_list_data`` records (2025: username in ``title``,
    or only the profile address)."""
    return FileSpec(
        "contacts",
        Shape(
            MapRecords(*keys),
            {
                "name": first(key("value"), parent(title()), key("href", conv=_profile_name)),
                "created_at": key("timestamp", conv=TIME),
            },
            each=Each(key="string_list_data", or_one=True),
            require=("name",),
        ),
        const={"origin": origin},
    )


def _title_time(value: Any) -> datetime | None:
    """An ISO date with its zone (2025 login records put it in ``title``), else None."""
    title_text = text(value)
    if not title_text:
        return None
    try:
        moment = datetime.fromisoformat(title_text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def logins(kind: str, *keys: str) -> FileSpec:
    """``login_activity.json`` / ``logout_activity.json``: one event per record."""
    return FileSpec(
        "activity",
        Shape(
            MapRecords(*keys),
            {
                "timestamp": first(
                    label_time("time"), title(conv=_title_time), key("timestamp", conv=TIME)
                ),
                "ip": label("ip"),
                "user_agent": label("user_agent"),
                "device": label("device"),
            },
        ),
        const={"kind": kind},
    )


def signup(*keys: str):
    """``signup_information.json``: the registration event and the identifiers given."""

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        for rec in _records(data, *keys):
            smd = record_map(rec)
            when: Any = (
                smd_time(smd, "time")
                or _title_time(rec.get("title"))
                or seconds(rec.get("timestamp"))
            )
            r.add(
                "activity",
                m,
                kind="registration",
                timestamp=when,
                ip=smd_get(smd, "ip"),
                user_agent=smd_get(smd, "user_agent"),
                device=smd_get(smd, "device"),
            )
            add_identifier(r, m, "email", smd_get(smd, "email"))
            add_identifier(r, m, "phone", smd_get(smd, "phone"))
            add_identifier(r, m, "username", smd_get(smd, "username"))

    return extract


#: ``devices.json``: devices that used the account, with their last login
devices = FileSpec(
    "activity",
    Shape(
        MapRecords("devices_devices"),
        {
            "timestamp": label_time("last_login"),
            "user_agent": label("user_agent"),
            "device": first(label("device"), label("user_agent")),
        },
    ),
    const={"kind": "device"},
)
