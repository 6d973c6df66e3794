"""Synthetic WhatsApp account-info reports (both generations, JSON / HTML / both, Business).

:func:`report_members` returns ``{path inside the zip: bytes}``; :func:`write_report`
writes the zip. :data:`REPORT_TRUTH` is what a correct reader must find. All numbers are
fictional (Italian mobile ranges, documentation IPs).
"""

from __future__ import annotations

import html
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

OWN_PHONE = "+39 333 123 4567"
REGISTERED = 1_609_459_200  # 2021-01-01
LAST_ACTIVE = {"0": 1_767_261_600, "34": 1_767_175_200}
GENERATED = 1_767_268_800
CONTACT_PHONES = (
    "+39 347 111 2222",
    "+39 348 222 3333",
    "+39 349 333 4444",
    "+44 7911 123456",
    "393405556677",
)
GROUPS = (("Calcetto del giovedì", 12), ("Famiglia", 5), ("Condominio", -1))
BLOCKED = ("+39 320 000 1111", "+39 320 000 2222")
IP = "203.0.113.7"

REPORT_TRUTH: dict[str, Any] = {
    "phone": OWN_PHONE,
    "name": "Giulia Rossi",
    "about": "Ciao! Sto usando WhatsApp.",
    "contacts": CONTACT_PHONES,
    "groups": GROUPS,
    "settings": {
        "last_seen": "contacts",
        "profile_photo": "everyone",
        "about": "contacts",
        "status": "contacts_except",
        "read_receipts": "on",
        "groups": "everyone",
        "blocked_contacts": "2",
        "silence_unknown_callers": "off",
        "two_step_verification": "off",
    },
    "devices": ("Google · Pixel 8 · Android 14 · Android-2.24.1.5",),
    "companions": ("Desktop · Web-2.3000",),
    "registration": REGISTERED,
    "ip": IP,
    "business_name": "Pizzeria Da Giulia",
}

# label_values labels per language (what the phone's language makes the report say)
_LABELS = {
    "en": {
        "phone": "Phone number",
        "name": "Name",
        "about": "About",
        "about_time": "About Set Time",
        "activity": "Device Activity",
        "device": "Device",
        "last_active": "Last Active Time",
        "online_since": "Online Since",
        "generated": "Report Generation Time",
        "last_seen": "Last seen and online",
        "profile_photo": "Profile photo",
        "about_p": "About",
        "status": "Status",
        "read_receipts": "Read receipts",
        "groups": "Groups",
        "blocked": "Blocked contacts",
        "silence": "Silence unknown callers",
        "two_step": "Two-step verification",
        "v_contacts": "My contacts",
        "v_everyone": "Everyone",
        "v_except": "My contacts except...",
        "v_on": "On",
        "v_off": "Off",
    },
    "it": {
        "phone": "Numero di telefono",
        "name": "Nome",
        "about": "Info",
        "about_time": "Ora impostazione info",
        "activity": "Attività dei dispositivi",
        "device": "Dispositivo",
        "last_active": "Ultima attività",
        "online_since": "Online da",
        "generated": "Report Generation Time",
        "last_seen": "Ultimo accesso e online",
        "profile_photo": "Foto del profilo",
        "about_p": "Info",
        "status": "Stato",
        "read_receipts": "Conferme di lettura",
        "groups": "Gruppi",
        "blocked": "Contatti bloccati",
        "silence": "Silenzia chiamate da sconosciuti",
        "two_step": "Verifica in due passaggi",
        "v_contacts": "I miei contatti",
        "v_everyone": "Tutti",
        "v_except": "I miei contatti tranne...",
        "v_on": "Attivo",
        "v_off": "Disattivato",
    },
}


def _dumps(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2)


def _html(title: str, tables: list[list[tuple[str, str]]], items: list[str] = ()) -> bytes:
    body = [f"<h1>{html.escape(title)}</h1>"]
    for rows in tables:
        body.append("<table>")
        body.extend(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
        body.append("</table>")
    if items:
        body.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        + html.escape(title)
        + "</title><style>td{padding:4px}</style></head><body>"
        + "".join(body)
        + "</body></html>"
    )
    return page.encode("utf-8")


def _when(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%b %d, %Y %I:%M:%S %p")


def _gen2(lang: str, business: bool) -> dict[str, tuple[Any, bytes]]:
    """stem -> (JSON document, HTML page) for the 2022+ report."""
    L = _LABELS[lang]
    t = REPORT_TRUTH
    user = {
        "label_values": [
            {"label": L["phone"], "value": OWN_PHONE},
            {"label": L["name"], "value": t["name"]},
            {"label": L["about"], "value": t["about"]},
            {"label": L["about_time"], "timestamp_value": REGISTERED + 86_400},
            {
                "label": L["activity"],
                "vec": [
                    {
                        "dict": [
                            {"label": L["device"], "value": dev},
                            {"label": L["last_active"], "timestamp_value": when},
                            {"label": L["online_since"], "timestamp_value": 0},
                        ]
                    }
                    for dev, when in LAST_ACTIVE.items()
                ],
            },
            {"label": L["generated"], "timestamp_value": GENERATED},
        ]
    }
    user_html = _html(
        "User information",
        [
            [
                (L["phone"], OWN_PHONE),
                (L["name"], t["name"]),
                (L["about"], t["about"]),
                (L["generated"], _when(GENERATED)),
            ],
            *[
                [(L["device"], dev), (L["last_active"], _when(when))]
                for dev, when in LAST_ACTIVE.items()
            ],
        ],
    )
    reg = {"wa_registration_info": {"registration_timestamp": REGISTERED, "platform": "Android"}}
    reg_html = _html(
        "Registration information",
        [[("Registration time", _when(REGISTERED)), ("Platform", "Android")]],
    )
    contacts = {
        "wa_contacts": [
            p if i % 2 else {"phone_number": p, "name": f"Contatto {i}"}
            for i, p in enumerate(CONTACT_PHONES)
        ]
    }
    contacts_html = _html("Contacts", [], list(CONTACT_PHONES))
    groups = {
        "wa_groups": [
            {"subject": GROUPS[0][0], "participants": [f"+39 340 000 {i:04d}" for i in range(12)]},
            {"name": GROUPS[1][0], "size": GROUPS[1][1]},
            GROUPS[2][0],
        ]
    }
    groups_html = _html(
        "Groups",
        [
            [("Subject", GROUPS[0][0]), ("Participants", str(GROUPS[0][1]))],
            [("Subject", GROUPS[1][0]), ("Participants", str(GROUPS[1][1]))],
            [("Subject", GROUPS[2][0])],
        ],
    )
    devices = [
        {
            "device_id": 0,
            "device_manufacturer": "Google",
            "device_model": "Pixel 8",
            "operating_system_version": "Android 14",
            "app_version": "Android-2.24.1.5",
        },
        {
            "device_id": 34,
            "device_manufacturer": "",
            "device_model": "Desktop",
            "app_version": "Web-2.3000",
        },
    ]
    privacy = [
        (L["last_seen"], L["v_contacts"]),
        (L["profile_photo"], L["v_everyone"]),
        (L["about_p"], L["v_contacts"]),
        (L["status"], L["v_except"]),
        (L["read_receipts"], L["v_on"]),
        (L["groups"], L["v_everyone"]),
        (L["silence"], L["v_off"]),
        (L["two_step"], L["v_off"]),
    ]
    settings = {
        "wa_settings": {"device_info": devices},
        "label_values": [{"label": k, "value": v} for k, v in privacy]
        + [{"label": L["blocked"], "vec": [{"value": b} for b in BLOCKED]}],
    }
    settings_html = _html(
        "Account settings",
        [
            [*privacy, (L["blocked"], str(len(BLOCKED)))],
            *[
                [
                    ("Device ID", str(d["device_id"])),
                    ("Device manufacturer", d["device_manufacturer"]),
                    ("Device model", d["device_model"]),
                    ("Operating system version", d.get("operating_system_version", "")),
                    ("App version", d["app_version"]),
                ]
                for d in devices
            ],
        ],
    )
    out = {
        "whatsapp_account_information/user_information": (user, user_html),
        "whatsapp_account_information/registration_information": (reg, reg_html),
        "whatsapp_connections/contacts": (contacts, contacts_html),
        "whatsapp_connections/groups": (groups, groups_html),
        "whatsapp_settings/account_settings": (settings, settings_html),
    }
    if business:
        profile = [
            ("Business name", t["business_name"]),
            ("Category", "Restaurant"),
            ("Email", "info@pizzeria.example"),
            ("Website", "https://pizzeria.example"),
        ]
        out["whatsapp_account_information/business_information"] = (
            {"label_values": [{"label": k, "value": v} for k, v in profile]},
            _html("Business information", [profile]),
        )
    return out


def _gen1() -> tuple[Any, bytes]:
    t = REPORT_TRUTH
    doc = {
        "account": {
            "phone_number": OWN_PHONE,
            "name": t["name"],
            "about": t["about"],
            "registration_date": REGISTERED,
            "platform": "Android",
            "last_connection_ip": IP,
            "device": {
                "manufacturer": "Google",
                "model": "Pixel 8",
                "os_version": "Android 14",
                "app_version": "Android-2.24.1.5",
            },
        },
        "privacy_settings": {
            "last_seen": "My contacts",
            "profile_photo": "Everyone",
            "about": "My contacts",
            "status": "My contacts except...",
            "read_receipts": True,
            "groups": "Everyone",
            "silence_unknown_callers": False,
            "two_step_verification": False,
            "share_my_account_info_with_facebook": True,
        },
        "contacts": list(CONTACT_PHONES),
        "groups": [{"name": n} for n, _ in GROUPS],
        "blocked_contacts": list(BLOCKED),
    }
    page = _html(
        "WhatsApp account information",
        [
            [
                ("Phone number", OWN_PHONE),
                ("Name", t["name"]),
                ("About", t["about"]),
                ("Registration date", _when(REGISTERED)),
                ("Platform", "Android"),
                ("IP address", IP),
                ("Device manufacturer", "Google"),
                ("Device model", "Pixel 8"),
                ("OS version", "Android 14"),
                ("App version", "Android-2.24.1.5"),
            ],
            [
                ("Last seen", "My contacts"),
                ("Profile photo", "Everyone"),
                ("About", "My contacts"),
                ("Status", "My contacts except..."),
                ("Read receipts", "On"),
                ("Groups", "Everyone"),
                ("Silence unknown callers", "Off"),
                ("Two-step verification", "Off"),
                ("Share my account info with Facebook", "On"),
                ("Blocked contacts", str(len(BLOCKED))),
            ],
        ],
        list(CONTACT_PHONES),
    )
    return doc, page


def report_members(
    generation: str = "2022",
    fmt: str = "json",
    *,
    business: bool = False,
    lang: str = "en",
    root: str = "",
) -> dict[str, bytes]:
    """The files of a report: ``generation`` 2018|2022, ``fmt`` json|html|mixed."""
    files: dict[str, bytes] = {}
    if generation == "2018":
        doc, page = _gen1()
        if fmt in ("json", "mixed"):
            files[root + "portability.json"] = _dumps(doc)
        if fmt in ("html", "mixed"):
            files[root + "access.html"] = page
        return files
    files[root + "index.html"] = _html("Your WhatsApp account information", [])
    for stem, (doc, page) in _gen2(lang, business).items():
        if fmt in ("json", "mixed"):
            files[f"{root}{stem}.json"] = _dumps(doc)
        if fmt in ("html", "mixed"):
            files[f"{root}{stem}.html"] = page
    return files


def write_report(path: Path, generation: str = "2022", fmt: str = "json", **kwargs: Any) -> Path:
    """Write a report zip at ``path`` (see :func:`report_members`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in report_members(generation, fmt, **kwargs).items():
            zf.writestr(name, data)
    return path
