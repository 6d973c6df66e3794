"""Instagram JSON files (``string_map_data`` records, and the 2025+ ``label_values`` ones).

Every file is :class:`..spec.FileSpec` data (a file of two tables names the second in
``also``). Labels are matched through
:mod:`..labels`, so non-English exports are read as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from privacy_audit.sources.meta.reader import text
from privacy_audit.sources.meta.spec import (
    ON_OFF,
    TEXT,
    TIME,
    Each,
    FileSpec,
    MapRecords,
    Shape,
    const,
    first,
    identifiers,
    join,
    key,
    label,
    label_time,
    parent,
    title,
)

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


def _setting(name: str) -> Shape:
    """The setting labelled ``name`` of an account record: on/off, else as written."""
    return Shape(
        _ACCOUNT,
        {"key": const(name), "value": first(label(name, ON_OFF), label(name, TEXT))},
        having=name,
    )


def _last(name: str) -> Shape:
    """The time labelled ``name`` of an account record, as an activity of that kind."""
    return Shape(
        _ACCOUNT,
        {"kind": const(name), "timestamp": label_time(name)},
        require=("timestamp",),
    )


_ACCOUNT = MapRecords("profile_account_insights")

#: ``account_information.json``: contact syncing and 2FA (settings), and the last login
#: and logout (activity)
account_information = FileSpec(
    "settings",
    _setting("contact_syncing"),
    _setting("two_factor"),
    every_shape=True,
    also=(FileSpec("activity", _last("last_login"), _last("last_logout"), every_shape=True),),
)


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


def signup(*keys: str) -> FileSpec:
    """``signup_information.json``: the registration event and the identifiers given."""
    records = MapRecords(*keys)
    return FileSpec(
        "activity",
        Shape(
            records,
            {
                "timestamp": first(
                    label_time("time"), title(conv=_title_time), key("timestamp", conv=TIME)
                ),
                "ip": label("ip"),
                "user_agent": label("user_agent"),
                "device": label("device"),
            },
        ),
        const={"kind": "registration"},
        also=(
            identifiers(
                Shape(
                    records,
                    {
                        "email": label("email"),
                        "phone": label("phone"),
                        "username": label("username"),
                    },
                )
            ),
        ),
    )


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
