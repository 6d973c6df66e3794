"""A WhatsApp "Request account info" report, current (Meta DYI-style) generation.

Layout as the public parsers read it: ``whatsapp_account_information/``,
``whatsapp_connections/``, ``whatsapp_settings/`` with one JSON per section and an
``index.html``. ``wa_contacts`` items are plain numbers and the privacy keys inside
``wa_settings`` are our reading of what the report shows (no public sample exists);
``user_information`` uses Meta's ``label_values`` with labels in the phone's language.
"""

from __future__ import annotations

import html
from typing import Any

import orjson

from privacy_audit.demo._base import days, label_values, meta_json, to_datetime
from privacy_audit.demo.world import World
from privacy_audit.sources.text import fix_mojibake

LABELS = {
    "en": {
        "phone": "Phone number",
        "name": "Name",
        "about": "About",
        "about_set": "About Set Time",
        "photo": "Profile Picture Upload Time",
        "activity": "Device Activity",
        "device": "Device",
        "last_active": "Last Active Time",
        "online": "Online Since",
        "requested": "Report Request Time",
        "generated": "Report Generation Time",
        "title": "WhatsApp account information",
        "about_text": "Coffee first ☕",
    },
    "it": {
        "phone": "Numero di telefono",
        "name": "Nome",
        "about": "Info",
        "about_set": "Ora di impostazione delle info",
        "photo": "Ora di caricamento dell'immagine del profilo",
        "activity": "Attività del dispositivo",
        "device": "Dispositivo",
        "last_active": "Ora dell'ultima attività",
        "online": "Online da",
        "requested": "Ora della richiesta del rapporto",
        "generated": "Ora di generazione del rapporto",
        "title": "Informazioni dell'account WhatsApp",
        "about_text": "Disponibile 😊 Bologna ↔ Modena",
    },
}


def report_name(world: World) -> str:
    """File name of the report zip."""
    stamp = world.persona.export_time - days(1)
    return f"whatsapp-account-report-{to_datetime(stamp):%Y-%m-%d}.zip"


def report_members(world: World, group_sizes: dict[str, int]) -> dict[str, bytes]:
    """Archive member path -> bytes of the persona's WhatsApp account report."""
    labels = LABELS[world.persona.lang]
    members: dict[str, bytes] = {
        "whatsapp_account_information/registration_information.json": meta_json(
            _registration(world)
        ),
        "whatsapp_account_information/user_information.json": meta_json(
            _user_information(world, labels)
        ),
        "whatsapp_connections/contacts.json": meta_json(_contacts(world)),
        "whatsapp_connections/groups.json": meta_json(_groups(world, group_sizes)),
        "whatsapp_settings/account_settings.json": meta_json(_settings(world)),
    }
    for name in list(members):
        data = orjson.loads(members[name])
        title = name.rsplit("/", 1)[-1].removesuffix(".json").replace("_", " ").capitalize()
        members[name.removesuffix(".json") + ".html"] = _section_html(title, data)
    members["index.html"] = _index(labels, sorted(members)).encode("utf-8")
    return members


def _registration(world: World) -> dict[str, Any]:
    p = world.persona
    return {
        "wa_registration_info": {
            "registration_timestamp": p.wa_registered,
            "platform": p.wa_platform,
            "phone_number": p.phone_wa,
        }
    }


def _user_information(world: World, labels: dict[str, str]) -> dict[str, Any]:
    p = world.persona
    t = p.export_time
    devices = [
        [(labels["device"], "0"), (labels["last_active"], t - 600), (labels["online"], 0)],
        [
            (labels["device"], "12"),
            (labels["last_active"], t - days(3)),
            (labels["online"], t - days(3) - 5400),
        ],
    ]
    items: list[tuple[str, Any]] = [
        (labels["phone"], p.phone_wa),
        (labels["name"], p.first_name),
        (labels["about"], labels["about_text"]),
        (labels["about_set"], t - days(200)),
        (labels["photo"], t - days(520)),
        (labels["activity"], devices),
        (labels["requested"], t - days(3)),
        (labels["generated"], t - days(1)),
    ]
    return {"label_values": label_values(items)}


def _contacts(world: World) -> dict[str, Any]:
    return {"wa_contacts": [c.e164 for c in world.whatsapp]}


def _groups(world: World, sizes: dict[str, int]) -> dict[str, Any]:
    rng = world.rng("wa-groups")
    p = world.persona
    extra = (
        ("Famiglia Ferraro", "Condominio Via Saragozza 12", "Mercatino usato Bologna")
        if p.lang == "it"
        else ("Morgan Family", "PDX Climbing Partners", "Soccer Moms & Dads")
    )
    groups = [(name, size) for name, size in sizes.items()]
    groups += [(name, 5 + rng.randrange(200)) for name in extra]
    return {
        "wa_groups": [
            {
                "subject": name,
                "participants": size,
                "creation_timestamp": p.export_time - days(30 + rng.randrange(1500)),
            }
            for name, size in groups
        ]
    }


def _settings(world: World) -> dict[str, Any]:
    p = world.persona
    phone = {
        "device_id": 0,
        "device_manufacturer": p.phone_model[0],
        "device_model": p.phone_model[1],
        "operating_system_version": p.phone_model[2],
        "app_version": p.wa_app_version,
    }
    web = {
        "device_id": 12,
        "device_manufacturer": "",
        "device_model": "Desktop",
        "operating_system_version": "",
        "app_version": "Web-2.3000.1029340512",
    }
    privacy: dict[str, Any] = {}
    for key, value in p.wa_privacy.items():
        privacy[key] = value == "on" if value in ("on", "off") else value
    return {
        "wa_settings": {
            "device_info": [phone, web],
            "privacy_settings": privacy,
            "two_step_verification": p.wa_two_step,
            "blocked_contacts": [world.group_strangers[-1].e164],
            "language": p.lang,
        }
    }


def _rows(data: Any, label: str = "") -> list[tuple[str, str]]:
    """(label, value) rows of a report section, for its HTML page."""
    if isinstance(data, dict):
        if "label" in data:
            label = fix_mojibake(str(data["label"]))
            if "vec" in data:
                return _rows(data["vec"], label)
            if "dict" in data:
                return _rows(data["dict"], label)
            value = data.get("value", data.get("timestamp_value", ""))
            if isinstance(value, int):
                value = f"{to_datetime(value):%Y-%m-%d %H:%M:%S} UTC" if value > 0 else ""
            return [(label, fix_mojibake(str(value)))]
        out: list[tuple[str, str]] = []
        for key, value in data.items():
            out.extend(_rows(value, key.replace("_", " ").capitalize()))
        return out
    if isinstance(data, list):
        return [row for item in data for row in _rows(item, label)]
    if isinstance(data, bool):
        return [(label, "On" if data else "Off")]
    if isinstance(data, int) and "time" in label.lower():
        return [(label, f"{to_datetime(data):%Y-%m-%d %H:%M:%S} UTC" if data else "")]
    return [(label, fix_mojibake(str(data)))]


def _section_html(title: str, data: Any) -> bytes:
    """The human-readable sibling of a JSON section (one label/value table)."""
    cells = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
        for label, value in _rows(data)
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
        f"<table>{cells}</table></body></html>\n"
    ).encode()


def _index(labels: dict[str, str], files: list[str]) -> str:
    links = "".join(
        f'<li><a href="{html.escape(name)}">{html.escape(name)}</a></li>' for name in files
    )
    title = html.escape(labels["title"])
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1><ul>{links}</ul></body></html>\n"
    )
