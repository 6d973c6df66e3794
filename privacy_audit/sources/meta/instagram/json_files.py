"""Instagram JSON files (``string_map_data`` records, and the 2025+ ``label_values`` ones).

Same extractor signature as :mod:`..facebook.json_files`. Labels are matched through
:mod:`..labels`, so non-English exports are read as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.facebook.json_files import (
    add_contact_point,
    add_identifier,
    contact_point_columns,
)
from privacy_audit.sources.meta.fast import add_fast, entry_time, entry_value, smd_index
from privacy_audit.sources.meta.labels import on_off
from privacy_audit.sources.meta.reader import (
    MetaReader,
    flatten_label_values,
    records_strict,
    seconds,
    smd_entry,
    smd_get,
    smd_time,
    string_list,
    text,
)


def record_map(record: Any) -> dict[str, Any]:
    """A record's ``string_map_data``, or its ``label_values`` seen as one."""
    if not isinstance(record, dict):
        return {}
    smd = record.get("string_map_data")
    if isinstance(smd, dict):
        return smd
    mapping: dict[str, Any] = {}
    for leaf in flatten_label_values(record.get("label_values") or []):
        mapping.setdefault(
            leaf.label, {"value": leaf.value, "href": leaf.href, "timestamp": leaf.ts or 0}
        )
    return mapping


def _records(data: Any, *keys: str) -> list[dict[str, Any]]:
    if isinstance(data, dict) and "label_values" in data and not any(k in data for k in keys):
        return [data]
    return [rec for rec in records_strict(data, *keys) if isinstance(rec, dict)]


def personal_information(r: MetaReader, data: Any, m: Member) -> None:
    """``personal_information.json``: own e-mail, phone, username and name."""
    for rec in _records(data, "profile_user"):
        smd = record_map(rec)
        add_identifier(r, m, "email", smd_get(smd, "email"))
        add_identifier(r, m, "phone", smd_get(smd, "phone"))
        add_identifier(r, m, "username", smd_get(smd, "username"))
        add_identifier(r, m, "name", smd_get(smd, "name"))


def account_information(r: MetaReader, data: Any, m: Member) -> None:
    """``account_information.json``: contact syncing, 2FA, last login/logout."""
    for rec in _records(data, "profile_account_insights"):
        smd = record_map(rec)
        for key, setting in (("contact_syncing", "contact_syncing"), ("two_factor", "two_factor")):
            entry = smd_entry(smd, key)
            if entry is not None:
                value = on_off(entry.get("value")) or text(entry.get("value"))
                r.add("settings", m, key=setting, value=value)
        for key, kind in (("last_login", "last_login"), ("last_logout", "last_logout")):
            when = smd_time(smd, key)
            if when:
                r.add("activity", m, kind=kind, timestamp=when)


def synced_contacts(r: MetaReader, data: Any, m: Member) -> None:
    """``synced_contacts.json``: the phone contacts Instagram synced."""
    records = _records(data, "contacts_contact_info")

    def columns() -> tuple[int, dict[str, Any]]:
        names: list[str | None] = []
        points: list[str | None] = []
        created: list[int | None] = []
        for rec in records:
            found = smd_index(record_map(rec))
            parts = (entry_value(found.get("first_name")), entry_value(found.get("last_name")))
            name: str | None = " ".join(p for p in parts if p)
            names.append(name or entry_value(found.get("name")) or text(rec.get("title")))
            points.append(entry_value(found.get("contact_info")))
            created.append(entry_time(found.get("imported_time")))
        return len(points), contact_point_columns("synced_contacts", names, points, created)

    def one_by_one() -> None:
        for rec in records:
            smd = record_map(rec)
            parts = (smd_get(smd, "first_name"), smd_get(smd, "last_name"))
            name: str | None = " ".join(p for p in parts if p)
            name = name or smd_get(smd, "name") or text(rec.get("title"))
            point = smd_get(smd, "contact_info")
            add_contact_point(r, m, "synced_contacts", name, point, smd_time(smd, "imported_time"))

    add_fast(r, "contacts", m, columns, one_by_one)


def relations(origin: str, *keys: str):
    """Followers / following: ``string_list_data`` records (2025: username in ``title``)."""

    def columns(records: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
        names: list[str] = []
        times: list[int | None] = []
        for rec in records:
            for value, href, ts in string_list(rec) or [(None, None, None)]:
                name = value or text(rec.get("title"))
                if not name and href:
                    name = href.rstrip("/").rsplit("/", 1)[-1]
                if name:
                    names.append(name)
                    times.append(ts)
        return len(names), {"origin": origin, "name": names, "created_at": times}

    def one_by_one(r: MetaReader, records: list[dict[str, Any]], m: Member) -> None:
        for rec in records:
            items = string_list(rec) or [(None, None, None)]
            for value, href, ts in items:
                name = value or text(rec.get("title"))
                if not name and href:
                    name = href.rstrip("/").rsplit("/", 1)[-1]
                if name:
                    r.add("contacts", m, origin=origin, name=name, created_at=ts)

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        records = _records(data, *keys)
        add_fast(r, "contacts", m, lambda: columns(records), lambda: one_by_one(r, records, m))

    return extract


def _title_time(rec: dict[str, Any]) -> datetime | None:
    title = text(rec.get("title"))
    if not title:
        return None
    try:
        moment = datetime.fromisoformat(title.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def logins(kind: str, *keys: str):
    """``login_activity.json`` / ``logout_activity.json`` / ``signup_information.json``."""

    def columns(records: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
        times: list[Any] = []
        ips: list[str | None] = []
        agents: list[str | None] = []
        devices: list[str | None] = []
        for rec in records:
            found = smd_index(record_map(rec))
            times.append(
                entry_time(found.get("time")) or _title_time(rec) or seconds(rec.get("timestamp"))
            )
            ips.append(entry_value(found.get("ip")))
            agents.append(entry_value(found.get("user_agent")))
            devices.append(entry_value(found.get("device")))
        return len(times), {
            "kind": kind,
            "timestamp": times,
            "ip": ips,
            "user_agent": agents,
            "device": devices,
        }

    def extract(r: MetaReader, data: Any, m: Member) -> None:
        records = _records(data, *keys)
        if kind != "registration":
            add_fast(r, "activity", m, lambda: columns(records), lambda: rows(r, records, m))
        else:
            rows(r, records, m)

    def rows(r: MetaReader, records: list[dict[str, Any]], m: Member) -> None:
        for rec in records:
            smd = record_map(rec)
            when: Any = smd_time(smd, "time") or _title_time(rec) or seconds(rec.get("timestamp"))
            r.add(
                "activity",
                m,
                kind=kind,
                timestamp=when,
                ip=smd_get(smd, "ip"),
                user_agent=smd_get(smd, "user_agent"),
                device=smd_get(smd, "device"),
            )
            if kind == "registration":
                add_identifier(r, m, "email", smd_get(smd, "email"))
                add_identifier(r, m, "phone", smd_get(smd, "phone"))
                add_identifier(r, m, "username", smd_get(smd, "username"))

    return extract


def devices(r: MetaReader, data: Any, m: Member) -> None:
    """``devices.json``: devices that used the account, with their last login."""
    for rec in _records(data, "devices_devices"):
        smd = record_map(rec)
        agent = smd_get(smd, "user_agent")
        r.add(
            "activity",
            m,
            kind="device",
            timestamp=smd_time(smd, "last_login"),
            user_agent=agent,
            device=smd_get(smd, "device") or agent,
        )
