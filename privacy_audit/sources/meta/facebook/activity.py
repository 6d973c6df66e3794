"""Facebook (and Messenger) JSON files: logins, sessions, IPs, devices, off-Meta
activity, advertisers and settings. Same extractor signature as :mod:`.json_files`.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.facebook.json_files import label_values_of
from privacy_audit.sources.meta.fast import add_fast
from privacy_audit.sources.meta.labels import advertiser_relation, is_label, login_kind, on_off
from privacy_audit.sources.meta.reader import (
    MetaReader,
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


def _join(*parts: Any) -> str | None:
    found = [text(p) for p in parts if text(p)]
    return ", ".join(dict.fromkeys(found)) or None  # type: ignore[arg-type]


def _require(entries: list[Any], data: Any, *keys: str) -> list[Any]:
    return entries if entries else records_strict(data, *keys)


def account_activity(r: MetaReader, data: Any, m: Member) -> None:
    """``account_activity.json``: account events with IP, browser and place."""
    keys = ("account_activity_v2", "account_activity")
    for e in _require(records_of(data, *keys), data, *keys):
        if isinstance(e, dict):
            r.add(
                "activity",
                m,
                kind=login_kind(e.get("action")) or "account_activity",
                timestamp=seconds(e.get("timestamp")),
                ip=text(e.get("ip_address")),
                user_agent=text(e.get("user_agent")),
                location=_join(e.get("city"), e.get("region"), e.get("country")),
            )


def logins(r: MetaReader, data: Any, m: Member) -> None:
    """``logins_and_logouts.json``: each login and logout with its IP."""
    keys = ("account_accesses_v2", "account_accesses")
    entries = _require(records_of(data, *keys), data, *keys)

    def columns() -> tuple[int, dict[str, Any]]:
        rows = [e for e in entries if isinstance(e, dict)]
        return len(rows), {
            "kind": [login_kind(e.get("action")) or "login" for e in rows],
            "timestamp": [seconds(e.get("timestamp")) for e in rows],
            "ip": [text(e.get("ip_address")) for e in rows],
        }

    def one_by_one() -> None:
        for e in entries:
            if isinstance(e, dict):
                r.add(
                    "activity",
                    m,
                    kind=login_kind(e.get("action")) or "login",
                    timestamp=seconds(e.get("timestamp")),
                    ip=text(e.get("ip_address")),
                )

    add_fast(r, "activity", m, columns, one_by_one)


def ip_activity(r: MetaReader, data: Any, m: Member) -> None:
    """``ip_address_activity.json`` / ``used_ip_addresses.json``."""
    keys = ("used_ip_address_v2", "used_ip_address", "used_ip_addresses")
    for e in _require(records_of(data, *keys), data, *keys):
        if isinstance(e, str):
            r.add("activity", m, kind="ip", ip=e)
        elif isinstance(e, dict):
            r.add(
                "activity",
                m,
                kind="ip",
                timestamp=seconds(e.get("timestamp")),
                ip=text(e.get("ip") or e.get("ip_address")),
                user_agent=text(e.get("user_agent")),
            )


def sessions(r: MetaReader, data: Any, m: Member) -> None:
    """``where_you're_logged_in.json`` / ``active_sessions.json``: current sessions."""
    keys = ("active_sessions_v2", "active_sessions")
    entries = _require(records_of(data, *keys), data, *keys)

    def columns() -> tuple[int, dict[str, Any]]:
        rows = [e for e in entries if isinstance(e, dict)]
        return len(rows), {
            "kind": "session",
            "timestamp": [
                seconds(e.get("updated_timestamp")) or seconds(e.get("created_timestamp"))
                for e in rows
            ],
            "ip": [text(e.get("ip_address")) for e in rows],
            "user_agent": [text(e.get("user_agent")) for e in rows],
            "device": [text(e.get("device")) for e in rows],
            "location": [text(e.get("location")) for e in rows],
        }

    def one_by_one() -> None:
        for e in entries:
            if isinstance(e, dict):
                when = seconds(e.get("updated_timestamp")) or seconds(e.get("created_timestamp"))
                r.add(
                    "activity",
                    m,
                    kind="session",
                    timestamp=when,
                    ip=text(e.get("ip_address")),
                    user_agent=text(e.get("user_agent")),
                    device=text(e.get("device")),
                    location=text(e.get("location")),
                )

    add_fast(r, "activity", m, columns, one_by_one)


def recognized_devices(r: MetaReader, data: Any, m: Member) -> None:
    """``recognized_devices.json``: devices Facebook recognises for login."""
    keys = ("recognized_devices_v2", "recognized_devices")
    for e in _require(records_of(data, *keys), data, *keys):
        if isinstance(e, dict):
            when = seconds(e.get("updated_timestamp")) or seconds(e.get("created_timestamp"))
            r.add(
                "activity",
                m,
                kind="device",
                timestamp=when,
                ip=text(e.get("ip_address")),
                device=text(e.get("name")),
                user_agent=text(e.get("user_agent")),
            )


def mobile_devices(r: MetaReader, data: Any, m: Member) -> None:
    """``mobile_devices.json``: phones and tablets with the app installed."""
    keys = ("devices_v2", "devices")
    for e in _require(records_of(data, *keys), data, *keys):
        if isinstance(e, dict):
            r.add(
                "activity",
                m,
                kind="device",
                timestamp=seconds(e.get("update_time")),
                device=_join(e.get("type"), e.get("os")),
            )


def login_protection(r: MetaReader, data: Any, m: Member) -> None:
    """``login_protection_data.json``: sessions used to protect the login."""
    keys = ("login_protection_data_v2", "login_protection_data")
    for e in _require(records_of(data, *keys), data, *keys):
        session = e.get("session") if isinstance(e, dict) else None
        if isinstance(session, dict):
            when = seconds(session.get("updated_timestamp")) or seconds(
                session.get("created_timestamp")
            )
            r.add(
                "activity",
                m,
                kind="session",
                timestamp=when,
                ip=text(session.get("ip_address")),
                user_agent=text(session.get("user_agent")),
            )


def secret_conversations(r: MetaReader, data: Any, m: Member) -> None:
    """``secret_conversations.json``: Messenger devices with their last IP."""
    root = data.get("secret_conversations_v2") if isinstance(data, dict) else None
    if not isinstance(root, dict):
        raise ValueError("unexpected root")
    for key in ("armadillo_devices", "tincan_devices"):
        for e in root.get(key) or []:
            if isinstance(e, dict):
                r.add(
                    "activity",
                    m,
                    kind="device",
                    timestamp=seconds(e.get("last_active_time")),
                    ip=text(e.get("last_connected_ip")),
                    device=_join(
                        e.get("device_manufacturer"),
                        e.get("device_model"),
                        e.get("device_type"),
                        e.get("device_os_version"),
                    ),
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


def off_meta(r: MetaReader, data: Any, m: Member) -> None:
    """Off-Facebook / off-Meta activity: the 2019-2025 ``_v2`` list or 2026 records."""
    v2 = records_of(
        data,
        "off_facebook_activity_v2",
        "off_facebook_activity",
        "apps_and_websites_off_meta_activity",
    )
    if isinstance(data, dict) and not v2 and not any(k.startswith("off_") for k in data):
        raise ValueError("unexpected root")
    for business in v2:
        if not isinstance(business, dict):
            continue
        if "label_values" in business:  # 2026 record
            app = text(business.get("title")) or text(business.get("name"))
            events = label_records(business["label_values"])
            for ev in events:
                r.add(
                    "off_platform",
                    m,
                    app=app,
                    event=lv_value(ev, "event"),
                    timestamp=lv_time(ev, "received_on") or _first_ts(ev),
                )
            if not events:
                r.add("off_platform", m, app=app, timestamp=seconds(business.get("timestamp")))
            continue
        app = text(business.get("name"))
        events = business.get("events") or []
        if not events:
            r.add("off_platform", m, app=app)
            continue

        def columns(events: Any = events, app: str | None = app) -> tuple[int, dict[str, Any]]:
            rows = [ev for ev in events if isinstance(ev, dict)]
            return len(rows), {
                "app": app,
                "event": [text(ev.get("type")) for ev in rows],
                "timestamp": [seconds(ev.get("timestamp")) for ev in rows],
            }

        def one_by_one(events: Any = events, app: str | None = app) -> None:
            for ev in events:
                if isinstance(ev, dict):
                    r.add(
                        "off_platform",
                        m,
                        app=app,
                        event=text(ev.get("type")),
                        timestamp=seconds(ev.get("timestamp")),
                    )

        add_fast(r, "off_platform", m, columns, one_by_one)


def _first_ts(leaves: list[Any]) -> int | None:
    return next((leaf.ts for leaf in leaves if leaf.ts), None)


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


def connected_apps(r: MetaReader, data: Any, m: Member) -> None:
    """``connected_apps_and_websites.json``: apps the user logged into with Facebook."""
    keys = ("installed_apps_v2", "installed_apps")
    for e in _require(records_of(data, *keys), data, *keys):
        if isinstance(e, dict):
            r.add(
                "linked_accounts",
                m,
                linked_to=text(e.get("name")),
                via="connected_app",
                linked_at=seconds(e.get("added_timestamp")),
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
