"""Facebook (and Messenger) JSON files: logins, sessions, IPs, devices, off-Meta
activity, advertisers and settings: :class:`.spec.FileSpec` data where a file is one
table with rows per record, functions (as in :mod:`.json_files`) for the others.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.labels import advertiser_relation, is_label, on_off
from privacy_audit.sources.meta.reader import (
    MetaReader,
    flatten_label_values,
    lv_find,
    lv_value,
    records_of,
    records_strict,
    seconds,
    text,
)
from privacy_audit.sources.meta.records import label_values_of
from privacy_audit.sources.meta.spec import (
    LOGIN_KIND,
    TEXT,
    TIME,
    Each,
    FileSpec,
    Getter,
    Keyed,
    Shape,
    const,
    first,
    join,
    key,
    label,
    label_time,
    parent,
)

_WHEN = key("updated_timestamp", "created_timestamp", conv=TIME)

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

#: ``where_you're_logged_in.json`` / ``active_sessions.json``: current sessions
sessions = FileSpec(
    "activity",
    Shape(
        Keyed("active_sessions_v2", "active_sessions"),
        {
            "timestamp": _WHEN,
            "ip": key("ip_address"),
            "user_agent": key("user_agent"),
            "device": key("device"),
            "location": key("location"),
        },
    ),
    const={"kind": "session"},
)

#: ``recognized_devices.json``: devices Facebook recognises for login
recognized_devices = FileSpec(
    "activity",
    Shape(
        Keyed("recognized_devices_v2", "recognized_devices"),
        {
            "timestamp": _WHEN,
            "ip": key("ip_address"),
            "device": key("name"),
            "user_agent": key("user_agent"),
        },
    ),
    const={"kind": "device"},
)

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


def activity_history(r: MetaReader, data: Any, m: Member) -> None:
    """``your_facebook_activity_history.json``: days on which each app was used."""
    root = data.get("last_activity_v2") if isinstance(data, dict) else None
    clients = root.get("last_activity_time") if isinstance(root, dict) else None
    if not isinstance(clients, dict):
        raise ValueError("unexpected root")
    for client, info in clients.items():
        days = info.get("activity_by_day") if isinstance(info, dict) else None
        for day in days or []:
            r.add("activity", m, kind="active_day", timestamp=seconds(day), user_agent=text(client))


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


def off_meta_settings(r: MetaReader, data: Any, m: Member) -> None:
    """Off-Meta activity settings (label_values): each label becomes ``off_meta.<label>``."""
    lvs = label_values_of(data)
    if not lvs:
        raise ValueError("no label_values")
    for leaf in flatten_label_values(lvs):
        value = leaf.value or (str(leaf.ts) if leaf.ts else None)
        r.add("settings", m, key="off_meta." + " / ".join(leaf.path), value=value)
    for item in lvs:  # a label without value ("Status der Kontozuordnung") is a heading
        if isinstance(item, dict) and item.get("label") and len(item) == 1:
            r.add("settings", m, key="off_meta." + str(item["label"]), value=None)


#: ``connected_apps_and_websites.json``: apps the user logged into with Facebook
connected_apps = FileSpec(
    "linked_accounts",
    Shape(
        Keyed("installed_apps_v2", "installed_apps"),
        {"linked_to": key("name"), "linked_at": key("added_timestamp", conv=TIME)},
    ),
    const={"via": "connected_app"},
)


def advertisers(r: MetaReader, data: Any, m: Member) -> None:
    """Advertisers using your activity or information / who uploaded a list with you."""
    uploaded_only = "uploaded_a_contact_list" in m.key
    entries = records_of(
        data,
        "custom_audiences_all_types_v2",
        "ig_custom_audiences_all_types",
        "custom_audiences_v2",
        "custom_audiences",
    )
    for e in entries:
        if isinstance(e, str):
            r.add(
                "advertisers",
                m,
                name=e,
                relation="uploaded_list" if uploaded_only else "used_activity",
            )
        elif isinstance(e, dict) and "label_values" not in e:
            name = text(e.get("advertiser_name")) or text(e.get("name"))
            if e.get("has_data_file_custom_audience") or uploaded_only:
                r.add("advertisers", m, name=name, relation="uploaded_list")
            if (
                not e.get("has_data_file_custom_audience")
                or e.get("has_remarketing_custom_audience")
                or e.get("has_in_person_store_visit")
            ):
                r.add("advertisers", m, name=name, relation="used_activity")
    lvs = label_values_of(data) if not entries or isinstance(entries[0], dict) else []
    for item in lvs:
        if not isinstance(item, dict):
            continue
        relation = advertiser_relation(item.get("label") or item.get("title"))
        for leaf in flatten_label_values(item.get("vec") or item.get("dict") or []):
            if leaf.value:
                r.add("advertisers", m, name=leaf.value, relation=relation)
    if not entries and not lvs:
        raise ValueError("no advertisers")


def advertisers_interacted(r: MetaReader, data: Any, m: Member) -> None:
    """``advertisers_you've_interacted_with.json``: ads the user clicked (``history_v2``,
    or 2024+ records of ``label_values`` with an action and a title)."""
    entries = records_strict(data, "history_v2", "history") if not _label_only(data) else []
    for e in entries:
        if not isinstance(e, dict):
            continue
        name = text(e.get("title"))
        if name is None and isinstance(e.get("label_values"), list):
            leaves = list(flatten_label_values(e["label_values"]))
            name = lv_value(leaves, "title") or next(
                (x.value for x in leaves if x.value and not is_label(x.label, "action")), None
            )
        if name:
            r.add("advertisers", m, name=name, relation="interacted")
    for leaf in flatten_label_values(label_values_of(data)) if not entries else []:
        if leaf.value and not is_label(leaf.label, "action"):
            r.add("advertisers", m, name=leaf.value, relation="interacted")


def _label_only(data: Any) -> bool:
    return isinstance(data, dict) and "label_values" in data


def generic_settings(prefix: str):
    """Settings files in ``label_values`` form (contact upload, 2FA, ...)."""

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        leaves = list(flatten_label_values(label_values_of(data)))
        for leaf in leaves:
            state = on_off(leaf.value)
            key = "contact_upload" if prefix == "contacts" and state else None
            r.add(
                "settings",
                m,
                key=key or f"{prefix}.{' / '.join(leaf.path)}",
                value=state or leaf.value,
            )
        if lv_find(leaves, "two_factor") is not None:
            r.add("settings", m, key="two_factor", value=on_off(lv_value(leaves, "two_factor")))

    return extract
