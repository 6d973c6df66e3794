"""Facebook (and Messenger) JSON files: logins, sessions, IPs, devices, off-Meta
activity, advertisers and settings, as :class:`.spec.FileSpec` data.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.meta.labels import advertiser_relation, on_off
from privacy_audit.sources.meta.reader import (
    text,
)
from privacy_audit.sources.meta.spec import (
    LOGIN_KIND,
    ON_OFF,
    TEXT,
    TIME,
    Conv,
    Each,
    FileSpec,
    Getter,
    Keyed,
    LabelDocument,
    LabelLeaves,
    Shape,
    const,
    first,
    item,
    item_time,
    join,
    key,
    label,
    label_time,
    parent,
    path,
)

#: ``account_activity.json``: account events with IP, browser and place
account_activity = FileSpec(
    "activity",
    Shape(
        Keyed("account_activity_v2", "account_activity"),
        {
            "kind": first(key("action", conv=LOGIN_KIND), const("account_activity")),
            "timestamp": key("timestamp", conv=TIME),
            "ip": key("ip_address"),
            "user_agent": key("user_agent"),
            "location": join(key("city"), key("region"), key("country")),
        },
    ),
)

#: ``logins_and_logouts.json``: each login and logout with its IP
logins = FileSpec(
    "activity",
    Shape(
        Keyed("account_accesses_v2", "account_accesses"),
        {
            "kind": first(key("action", conv=LOGIN_KIND), const("login")),
            "timestamp": key("timestamp", conv=TIME),
            "ip": key("ip_address"),
        },
    ),
)

#: ``ip_address_activity.json`` / ``used_ip_addresses.json`` (a list of IPs or of records)
ip_activity = FileSpec(
    "activity",
    Shape(
        Keyed("used_ip_address_v2", "used_ip_address", "used_ip_addresses", scalar="ip"),
        {
            "timestamp": key("timestamp", conv=TIME),
            "ip": key("ip", "ip_address"),
            "user_agent": key("user_agent"),
        },
    ),
    const={"kind": "ip"},
)


def _logged_in(kind: str, root: str, device: str, **more: Getter) -> FileSpec:
    """Records under ``root_v2`` / ``root`` of a session or device: its last time, IP,
    browser and the device named under ``device`` (and ``more`` columns)."""
    columns: dict[str, Getter] = {
        "timestamp": key("updated_timestamp", "created_timestamp", conv=TIME),
        "ip": key("ip_address"),
        "user_agent": key("user_agent"),
        "device": key(device),
        **more,
    }
    return FileSpec("activity", Shape(Keyed(f"{root}_v2", root), columns), const={"kind": kind})


#: ``where_you're_logged_in.json`` / ``active_sessions.json``: current sessions
sessions = _logged_in("session", "active_sessions", "device", location=key("location"))
#: ``recognized_devices.json``: devices Facebook recognises for login
recognized_devices = _logged_in("device", "recognized_devices", "name")

#: ``mobile_devices.json``: phones and tablets with the app installed
mobile_devices = FileSpec(
    "activity",
    Shape(
        Keyed("devices_v2", "devices"),
        {"timestamp": key("update_time", conv=TIME), "device": join(key("type"), key("os"))},
    ),
    const={"kind": "device"},
)

#: ``login_protection_data.json``: sessions used to protect the login
login_protection = FileSpec(
    "activity",
    Shape(
        Keyed("login_protection_data_v2", "login_protection_data"),
        {
            "timestamp": key("session.updated_timestamp", "session.created_timestamp", conv=TIME),
            "ip": key("session.ip_address"),
            "user_agent": key("session.user_agent"),
        },
        having="session",
    ),
    const={"kind": "session"},
)

_SECRET_DEVICE: dict[str, Getter] = {
    "timestamp": key("last_active_time", conv=TIME),
    "ip": key("last_connected_ip"),
    "device": join(
        key("device_manufacturer"), key("device_model"), key("device_type"),
        key("device_os_version"),
    ),
}  # fmt: skip

#: ``secret_conversations.json``: Messenger devices with their last IP
secret_conversations = FileSpec(
    "activity",
    Shape(Keyed("secret_conversations_v2.armadillo_devices"), _SECRET_DEVICE),
    Shape(Keyed("secret_conversations_v2.tincan_devices"), _SECRET_DEVICE),
    const={"kind": "device"},
    every_shape=True,
)


#: ``your_facebook_activity_history.json``: days on which each app was used (a record
#: per app name under ``last_activity_time``, its days in ``activity_by_day``)
activity_history = FileSpec(
    "activity",
    Shape(
        Keyed("last_activity_v2.last_activity_time", named="client"),
        {"timestamp": key("day", conv=TIME), "user_agent": parent(key("client"))},
        each=Each(key="activity_by_day", scalar="day", numbers=True),
    ),
    const={"kind": "active_day"},
)


_OFF_META = (
    "off_facebook_activity_v2",
    "off_facebook_activity",
    "apps_and_websites_off_meta_activity",
)

#: Off-Facebook / off-Meta activity: the 2019-2025 ``_v2`` list (businesses with their
#: events) or 2026 records (a business with ``label_values`` event records); a business
#: without events still gives one row
off_meta = FileSpec(
    "off_platform",
    Shape(
        Keyed(*_OFF_META),
        {
            "app": parent(key("name")),
            "event": key("type"),
            "timestamp": key("timestamp", conv=TIME),
        },
        each=Each(key="events", or_one=True),
        lacking="label_values",
    ),
    Shape(
        Keyed(*_OFF_META),
        {
            "app": parent(key("title", "name")),
            "event": label("event", TEXT),
            "timestamp": first(
                label_time("received_on"), label_time("*"), parent(key("timestamp", conv=TIME))
            ),
        },
        each=Each(label_records="label_values", or_one=True),
        having="label_values",
    ),
    every_shape=True,
)


#: Off-Meta activity settings (label_values): each field is the setting
#: ``off_meta.<its labels>`` with its value (or time); a label without value ("Status der
#: Kontozuordnung") is a heading, kept as a setting without value
off_meta_settings = FileSpec(
    "settings",
    Shape(LabelLeaves(), {"key": path("off_meta."), "value": first(item(), item_time(TEXT))}),
    Shape(LabelLeaves(headings=True), {"key": path("off_meta."), "value": const(None)}),
    every_shape=True,
)


#: ``connected_apps_and_websites.json``: apps the user logged into with Facebook
connected_apps = FileSpec(
    "linked_accounts",
    Shape(
        Keyed("installed_apps_v2", "installed_apps"),
        {"linked_to": key("name"), "linked_at": key("added_timestamp", conv=TIME)},
    ),
    const={"via": "connected_app"},
)


_AUDIENCES = Keyed(
    "custom_audiences_all_types_v2",
    "ig_custom_audiences_all_types",
    "custom_audiences_v2",
    "custom_audiences",
    scalar="listed_name",
)


def _flag(relation: str) -> Conv:
    """A converter: ``relation`` for a flag that is set, else None."""
    return lambda value: relation if value else None


def _unless(relation: str) -> Conv:
    """A converter: ``relation`` for a flag that is not set, else None."""
    return lambda value: None if value else relation


def _relation(value: Any) -> str:
    return advertiser_relation(text(value))


#: an advertiser's records say the list (``has_data_file_custom_audience``) and the other
#: audiences (site or app visits, store visits) apart
_USED_ACTIVITY = first(
    key("has_data_file_custom_audience", conv=_unless("used_activity")),
    key("has_remarketing_custom_audience", conv=_flag("used_activity")),
    key("has_in_person_store_visit", conv=_flag("used_activity")),
)


def _advertisers(listed: str, uploaded: Getter) -> FileSpec:
    """Advertisers files: a list of names (each of relation ``listed``), records with one
    flag per kind of audience (a row per relation the record has, ``uploaded`` first), or
    2024+ ``label_values`` lists of names titled by their relation."""
    return FileSpec(
        "advertisers",
        Shape(
            _AUDIENCES, {"name": key("listed_name"), "relation": const(listed)},
            having="listed_name",
        ),
        Shape(
            _AUDIENCES,
            {"name": parent(key("advertiser_name", "name")), "relation": item()},
            each=Each(cases=(uploaded, _USED_ACTIVITY)),
            lacking=("listed_name", "label_values"),
        ),
        Shape(
            LabelLeaves(nested=True),
            {"name": item(), "relation": path(top=True, conv=_relation)},
            require=("name",),
        ),
        every_shape=True,
    )  # fmt: skip


#: ``advertisers_using_your_activity_or_information.json``
advertisers_using = _advertisers(
    "used_activity", key("has_data_file_custom_audience", conv=_flag("uploaded_list"))
)
#: ``advertisers_who_uploaded_a_contact_list_with_your_information.json``: every
#: advertiser there uploaded a list
advertisers_uploaded = _advertisers("uploaded_list", const("uploaded_list"))

#: ``advertisers_you've_interacted_with.json``: ads the user clicked (``history_v2``
#: records with a title, or 2024+ records of ``label_values``: the title, else the first
#: value that is not the action), or a 2025+ ``label_values`` document (every value that
#: is not the action)
advertisers_interacted = FileSpec(
    "advertisers",
    Shape(
        Keyed("history_v2", "history"),
        {"name": first(key("title"), label("title", TEXT), label("*", TEXT, other_than="action"))},
        require=("name",),
    ),
    Shape(LabelLeaves(), {"name": item()}, lacking="action", require=("name",)),
    const={"relation": "interacted"},
)


def _contact_upload(value: Any) -> str | None:
    """``contact_upload`` for a field whose value is on or off, else None."""
    return "contact_upload" if on_off(value) else None


#: Contact upload settings (``contacts_sync_settings.json``, label_values): a field with an
#: on/off value is the ``contact_upload`` setting, any other ``contacts.<its labels>``; a
#: two-factor field is the ``two_factor`` setting as well
contact_settings = FileSpec(
    "settings",
    Shape(
        LabelLeaves(),
        {
            "key": first(item(_contact_upload), path("contacts.")),
            "value": first(item(ON_OFF), item()),
        },
    ),
    Shape(
        LabelDocument(),
        {"key": const("two_factor"), "value": label("two_factor", ON_OFF)},
        having="two_factor",
    ),
    every_shape=True,
)
