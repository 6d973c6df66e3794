"""Hand-built, realistic AuditResult objects for the report tests and benchmark.

They follow the documented contract (``analysis/result.py`` and the crossref columns in
the team brief) and carry plenty of personal data (names, phones, emails, IPs, accounts,
chat names, file names with a person's name) so redaction can be proven. ``payload``
puts a hostile string into contact, chat, advertiser and app names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd

from privacy_audit.analysis.result import AuditResult, Finding, Link, Recommendation
from privacy_audit.model import SCHEMAS, Evidence, SourceInfo
from privacy_audit.model_frames import frame_of_rows


def _frame(table: str, rows: list[dict[str, Any]]) -> Any:
    return frame_of_rows(SCHEMAS[table], rows)


FIRST = [
    "Marco",
    "Giulia",
    "Luca",
    "Francesca",
    "Matteo",
    "Chiara",
    "Alessandro",
    "Sara",
    "Davide",
    "Martina",
    "Simone",
    "Elena",
    "Federico",
    "Valentina",
    "Andrea",
    "Paola",
]
LAST = [
    "Bianchi",
    "Esposito",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
]
OWN_NAME = "Giulia Rossi"
OWN_PHONE = "+393471234567"
OWN_PHONE_RAW = "347 123 4567"
OWN_EMAIL = "giulia.rossi88@example.it"
OWN_USERNAME = "giuliarossi88"
CHAT_FRIEND = "Marco Bianchi"
CHAT_FILE = f"WhatsApp Chat with {CHAT_FRIEND}.txt"
IPS = ["93.44.120.15", "151.38.201.7", "2a01:e11:1402:5a0::1b", "5.90.12.133"]
DEVICES = ["iPhone 14 di Giulia", "Pixel 7", "Chrome on Windows"]
ADVERTISERS = [
    "Pizzeria Da Gino",
    "MegaStore Italia",
    "Assicurazioni Sole",
    "Viaggi Blu",
    "Palestra Fit",
    "Banca Nord",
    "Libreria Centrale",
    "Moda Roma",
]
APPS = [
    "Amazon",
    "Booking.com",
    "Spotify",
    "Zalando",
    "Trenitalia",
    "Subito.it",
    "Il Meteo",
    "Duolingo",
    "Vinted",
    "Just Eat",
    "Decathlon",
    "Ryanair",
]


@dataclass
class PersonalData:
    """Every personal value put into a result, to grep redacted outputs for."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    ips: set[str] = field(default_factory=set)
    accounts: set[str] = field(default_factory=set)

    def all(self) -> set[str]:
        """Every value, plus the digits-only form of each phone number."""
        values = self.names | self.phones | self.emails | self.ips | self.accounts
        values |= {"".join(c for c in p if c.isdigit()) for p in self.phones}
        return {v for v in values if v}


def _contacts(n: int, payload: str | None) -> list[dict[str, Any]]:
    rows = []
    base = datetime(2019, 3, 4, 9, 30, tzinfo=UTC)
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        if i >= len(FIRST) * len(LAST):
            name = f"{name} {i}"
        if payload and i == 3:
            name = payload
        number = f"{3331000000 + i * 7919:010d}"
        e164 = f"+39{number}"
        raw = f"{number[:3]} {number[3:6]} {number[6:]}"
        email = f"{FIRST[i % len(FIRST)].lower()}.{i}@mail{i % 3}.example" if i % 4 == 0 else None
        services = ["whatsapp"]
        if i % 2 == 0:
            services.append("facebook")
        if i % 5 == 0:
            services.append("instagram")
        if i % 7 == 0:
            services.append("messenger")
        for service in services:
            origin = "whatsapp_contacts" if service == "whatsapp" else "address_book"
            rows.append(
                {
                    "service": service,
                    "origin": origin,
                    "name": name,
                    "phone_raw": raw,
                    "phone_e164": e164,
                    "phone_valid": True,
                    "email": email,
                    "created_at": base + timedelta(days=i % 900),
                    "source_file": "contacts.json"
                    if service != "whatsapp"
                    else "registration_info.html",
                }
            )
    return rows


def _frames(contact_rows: list[dict[str, Any]], payload: str | None) -> dict[str, Any]:
    contacts = pd.DataFrame(contact_rows)
    grouped = contacts.groupby("phone_e164", sort=False)
    overlap = pd.DataFrame(
        {
            "key": list(grouped.groups),
            "name": grouped["name"].first().to_numpy(),
            "services": grouped["service"].agg(lambda s: ",".join(sorted(set(s)))).to_numpy(),
        }
    )
    overlap["n_services"] = overlap["services"].str.count(",") + 1
    overlap["confidence"] = ["probable" if i % 9 == 0 else "confirmed" for i in range(len(overlap))]
    days = pd.date_range("2023-01-01", "2024-10-31", freq="D", tz="UTC")
    daily = []
    for s, service in enumerate(["facebook", "instagram", "whatsapp", "messenger"]):
        for d, when in enumerate(days[:: 1 + s]):
            daily.append({"service": service, "date": when.date(), "events": (d * 7 + s) % 23})
    apps = [*APPS]
    if payload:
        apps[1] = payload
    advertisers = [*ADVERTISERS]
    if payload:
        advertisers[0] = payload
    relations = ["uploaded_list", "used_activity,interacted", "uploaded_list,used_activity"]
    return {
        "own_ids": pd.DataFrame(
            {
                "kind": ["phone", "email", "username"],
                "value": [OWN_PHONE, OWN_EMAIL, OWN_USERNAME],
                "services": ["facebook,instagram,whatsapp", "facebook,instagram", "instagram"],
                "n_services": [3, 2, 1],
            }
        ),
        "contact_overlap": overlap,
        "shared_network": pd.DataFrame(
            {
                "kind": ["ip", "ip", "device"],
                "value": [IPS[0], IPS[2], DEVICES[0]],
                "services": ["facebook,whatsapp", "facebook,instagram", "facebook,whatsapp"],
                "n_services": [2, 2, 2],
                "first_seen": pd.to_datetime(["2023-02-01", "2023-05-03", "2022-11-12"], utc=True),
                "last_seen": pd.to_datetime(["2024-10-01", "2024-09-03", "2024-10-20"], utc=True),
            }
        ),
        "activity_daily": pd.DataFrame(daily),
        "activity_hourly": pd.DataFrame(
            {"service": ["facebook"] * 24, "hour": range(24), "events": [h * 3 for h in range(24)]}
        ),
        "off_meta_top": pd.DataFrame(
            {
                "app": apps,
                "events": [400 - 29 * i for i in range(len(apps))],
                "first": pd.to_datetime(["2021-01-05"] * len(apps), utc=True),
                "last": pd.to_datetime(["2024-10-20"] * len(apps), utc=True),
            }
        ),
        "advertisers": pd.DataFrame(
            {
                "name": advertisers,
                "relations": [relations[i % 3] for i in range(len(advertisers))],
                "in_off_meta": [i % 2 == 0 for i in range(len(advertisers))],
                "in_whatsapp_business": [i % 3 == 0 for i in range(len(advertisers))],
            }
        ),
        "linked_accounts": pd.DataFrame(
            {
                "service": ["facebook", "instagram"],
                "account": [OWN_NAME, OWN_USERNAME],
                "linked_to": [OWN_USERNAME, OWN_PHONE],
                "via": ["accounts_center", "accounts_center"],
                "linked_at": pd.to_datetime(["2021-06-01", "2024-03-07"], utc=True),
                "source_file": ["accounts_center.json", "accounts_center.json"],
            }
        ),
    }


def _recommendation(rid: str, lang: str) -> Recommendation:
    it = lang == "it"
    return Recommendation(
        id=rid,
        title=(f"Segui i passaggi per {rid}" if it else f"Follow the steps for {rid}"),
        why="Meta usa la tua rubrica per suggerire amici."
        if it
        else "Meta uses your address book to suggest friends.",
        steps_app=["Menu → Impostazioni e privacy", "Caricamento continuo → Disattiva"]
        if it
        else ["Menu → Settings & privacy", "Continuous contacts upload → Off"],
        steps_web=["Apri Accounts Center", "Elimina i contatti caricati"]
        if it
        else ["Open Accounts Center", "Delete uploaded contacts"],
        links=[
            Link("Help Center", "https://www.facebook.com/help/355489824655936"),
            Link("bad scheme", "javascript:alert(1)"),
        ],
        checked="2026-10-01",
        setting_url="https://accountscenter.facebook.com/",
    )


def _finding(
    fid: str,
    severity: str,
    points: int,
    evidence: list[dict[str, Any]],
    total: int,
    lang: str,
    source_files: list[str],
    services: list[str],
) -> Finding:
    it = lang == "it"
    titles = {
        "phone-shared-across-services": (
            "Your phone number links your accounts",
            "Il tuo numero di telefono collega i tuoi account",
        ),
        "contacts-uploaded": ("Your address book was uploaded", "La tua rubrica è stata caricata"),
        "contacts-shared-across-services": (
            "The same contacts on WhatsApp and Facebook",
            "Gli stessi contatti su WhatsApp e Facebook",
        ),
        "off-meta-activity": ("Apps told Meta what you did", "Le app hanno detto a Meta cosa fai"),
        "advertisers-have-your-contact": (
            "Advertisers have your contact details",
            "Gli inserzionisti hanno i tuoi recapiti",
        ),
        "business-chats": ("Chats with business accounts", "Chat con account business"),
        "shared-devices-ips": (
            "The same devices and IPs on several services",
            "Gli stessi dispositivi e IP su più servizi",
        ),
    }
    title = titles[fid][1 if it else 0]
    return Finding(
        id=fid,
        severity=severity,
        title=title,
        summary=(
            f"{total} elementi trovati, es. {OWN_PHONE} su 3 servizi."
            if it
            else f"{total} items found, e.g. {OWN_PHONE} on 3 services."
        ),
        counts={"items": total, "services": len(services)},
        evidence=evidence,
        evidence_total=total,
        source_files=source_files,
        services=services,
        confidence="confirmed",
        recommendations=[_recommendation(f"rec-{fid}", lang)],
        points=points,
    )


def make_result(
    *, lang: str = "en", n_contacts: int = 40, payload: str | None = None
) -> tuple[AuditResult, PersonalData]:
    """A realistic AuditResult and the personal values it contains."""
    contact_rows = _contacts(n_contacts, payload)
    chat = payload or CHAT_FRIEND
    messages = [
        {
            "service": "whatsapp",
            "chat": chat,
            "is_group": False,
            "sender": s,
            "sender_phone_e164": p,
            "timestamp": datetime(2024, 5, 1, tzinfo=UTC) + timedelta(hours=i),
            "kind": "text",
            "source_file": CHAT_FILE,
        }
        for i, (s, p) in enumerate([(CHAT_FRIEND, "+393331000000"), (OWN_NAME, OWN_PHONE)] * 5)
    ]
    activity = [
        {
            "service": svc,
            "kind": "login",
            "timestamp": datetime(2024, 9, d + 1, tzinfo=UTC),
            "ip": IPS[d % len(IPS)],
            "device": DEVICES[d % len(DEVICES)],
            "user_agent": "Mozilla/5.0",
            "location": "Milano",
            "source_file": "account_activity.json",
        }
        for d, svc in enumerate(["facebook", "whatsapp", "instagram", "facebook", "messenger"])
    ]
    tables = {name: _frame(name, []) for name in SCHEMAS}
    tables["contacts"] = _frame("contacts", contact_rows)
    tables["messages"] = _frame("messages", messages)
    tables["activity"] = _frame("activity", activity)
    tables["identifiers"] = _frame(
        "identifiers",
        [
            {
                "service": s,
                "kind": k,
                "value": v,
                "raw": v,
                "valid": True,
                "source_file": "profile.json",
            }
            for s in ("facebook", "instagram", "whatsapp")
            for k, v in (
                ("phone", OWN_PHONE),
                ("email", OWN_EMAIL),
                ("name", OWN_NAME),
                ("username", OWN_USERNAME),
            )
        ],
    )
    crossref = _frames(contact_rows, payload)
    tables["linked_accounts"] = crossref["linked_accounts"]
    sources = [
        SourceInfo(
            path=f"facebook-{OWN_USERNAME}-2024-10-21.zip",
            service="facebook",
            kind="dyi",
            format="json",
            layout="facebook-2024",
            files_recognized=["contacts.json"],
            export_date=datetime(2024, 10, 21, tzinfo=UTC),
            warnings=[f"{CHAT_FRIEND}.json could not be read"],
        ),
        SourceInfo(
            path=f"instagram-{OWN_USERNAME}.zip",
            service="instagram",
            kind="dyi",
            format="html",
            layout="instagram-2023",
            export_date=datetime(2024, 10, 22, tzinfo=UTC),
        ),
        SourceInfo(
            path="whatsapp_account_info.zip",
            service="whatsapp",
            kind="account_report",
            format="html",
            layout="whatsapp-account-2024",
        ),
        SourceInfo(
            path=CHAT_FILE,
            service="whatsapp",
            kind="chat",
            format="txt",
            layout="whatsapp-chat-ios",
            chat={"name": chat, "messages": 10},
        ),
    ]
    evidence = Evidence(tables, sources, region="IT")
    people = contact_rows[:12]
    findings = [
        _finding(
            "phone-shared-across-services",
            "high",
            18,
            [
                {
                    "service": s,
                    "phone": OWN_PHONE,
                    "email": OWN_EMAIL,
                    "account": OWN_USERNAME,
                    "source_file": "profile.json",
                }
                for s in ("facebook", "instagram", "whatsapp")
            ],
            3,
            lang,
            ["profile.json", "registration_info.html"],
            ["facebook", "instagram", "whatsapp"],
        ),
        _finding(
            "contacts-uploaded",
            "high",
            15,
            [
                {
                    "name": r["name"],
                    "phone": r["phone_e164"],
                    "email": r["email"],
                    "created_at": r["created_at"],
                    "source_file": r["source_file"],
                }
                for r in people
            ],
            len(contact_rows),
            lang,
            ["contacts.json"],
            ["facebook", "instagram"],
        ),
        _finding(
            "contacts-shared-across-services",
            "medium",
            10,
            [
                {"name": r["name"], "phone": r["phone_raw"], "services": "facebook,whatsapp"}
                for r in people[:8]
            ],
            n_contacts // 2,
            lang,
            ["contacts.json", CHAT_FILE],
            ["facebook", "whatsapp"],
        ),
        _finding(
            "off-meta-activity",
            "medium",
            8,
            [{"app": a, "events": 120 - i} for i, a in enumerate(crossref["off_meta_top"]["app"])],
            len(APPS),
            lang,
            ["your_off-meta_activity.json"],
            ["facebook"],
        ),
        _finding(
            "advertisers-have-your-contact",
            "medium",
            6,
            [{"name": a, "relation": "uploaded_list"} for a in crossref["advertisers"]["name"]],
            len(ADVERTISERS),
            lang,
            ["advertisers_using_your_activity.json"],
            ["facebook"],
        ),
        _finding(
            "business-chats",
            "low",
            3,
            [
                {
                    "chat": chat,
                    "sender": CHAT_FRIEND,
                    "phone": "+393331000000",
                    "timestamp": datetime(2024, 5, 1, tzinfo=UTC),
                    "source_file": CHAT_FILE,
                }
            ],
            1,
            lang,
            [CHAT_FILE],
            ["whatsapp"],
        ),
        _finding(
            "shared-devices-ips",
            "low",
            4,
            [
                {"ip": ip, "device": dev, "services": "facebook,whatsapp"}
                for ip, dev in zip(IPS, [*DEVICES, "Pixel 7"], strict=True)
            ],
            len(IPS),
            lang,
            ["account_activity.json", "whatsapp_account_info.zip"],
            ["facebook", "whatsapp"],
        ),
    ]
    it = lang == "it"
    result = AuditResult(
        lang=lang,
        evidence=evidence,
        findings=findings,
        score=72,
        score_explanation=[
            "Ogni risultato aggiunge punti in base alla gravità."
            if it
            else "Each finding adds points by severity.",
            f"Il tuo numero {OWN_PHONE} è su 3 servizi."
            if it
            else f"Your number {OWN_PHONE} is on 3 services.",
        ],
        score_after={f.id: 72 - f.points for f in findings},
        summary={
            "services": ["facebook", "instagram", "whatsapp"],
            "contacts": n_contacts,
            "overlap": n_contacts // 2,
            "owner": OWN_NAME,
            "email": OWN_EMAIL,
        },
        not_checked=[
            {
                "service": "messenger",
                "what": "Messenger export" if not it else "Esportazione di Messenger",
                "how": "Download it from Accounts Center."
                if not it
                else "Scaricala da Accounts Center.",
            }
        ],
        crossref=crossref,
        cards=[
            {
                "id": "whatsapp-2016",
                "title": "Your WhatsApp account is older than 2016",
                "kind": "history",
                "text": [
                    f"{OWN_NAME}, your account ({OWN_PHONE_RAW}) predates the 2016 opt-out.",
                    "The one-time choice ended in September 2016.",
                ],
                "rows": [{"name": CHAT_FRIEND, "phone": "+393331000000", "ip": IPS[1]}],
                "links": [{"label": "WhatsApp FAQ", "url": "https://faq.whatsapp.com/"}],
                "date": "2016-08-25",
            }
        ],
        letters={
            "access": f"Dear Meta,\nI, {OWN_NAME} ({OWN_EMAIL}, {OWN_PHONE}), ask for "
            f"a copy of my data. My IP was {IPS[0]}.\n"
        },
    )
    data = PersonalData()
    data.names |= {r["name"] for r in contact_rows} | {OWN_NAME, CHAT_FRIEND, chat}
    data.phones |= {r["phone_e164"] for r in contact_rows} | {r["phone_raw"] for r in contact_rows}
    data.phones |= {OWN_PHONE, OWN_PHONE_RAW}
    data.emails |= {r["email"] for r in contact_rows if r["email"]} | {OWN_EMAIL}
    data.ips |= set(IPS)
    data.accounts |= {OWN_USERNAME}
    return result, data
