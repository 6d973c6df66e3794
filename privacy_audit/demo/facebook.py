"""A Facebook "Download Your Information" export, 2024+ JSON layout, mojibake and all.

The uploaded contacts and friend suggestions are in :mod:`.facebook_contacts`.

Folders as Meta names them (``personal_information/``, ``connections/``,
``security_and_login_information/``, ``apps_and_websites_off_of_facebook/``,
``ads_information/``, ``your_facebook_activity/messages/``); labels and action names in
the account's language.
"""

from __future__ import annotations

import random
from typing import Any

from privacy_audit.demo._base import days, label_values, meta_json, random_token
from privacy_audit.demo.facebook_contacts import (
    OTHER_INFO,
    address_book,
    people_you_may_know,
    suggested_friends,
    uploads_2026,
)
from privacy_audit.demo.personas import Business
from privacy_audit.demo.threads import facebook_threads
from privacy_audit.demo.world import World

SEC = "security_and_login_information"

#: labels Facebook writes in the account's language
LABELS = {
    "en": {
        "login": "Login",
        "logout": "Log Out",
        "adv_list": "A list uploaded or used by the advertiser",
        "adv_activity": "Interactions with the advertiser's website or app",
        "adv_store": "Visits to the advertiser's store",
        "events": "Events",
        "event": "Event",
        "received": "Received on",
        "action": "Action",
        "title": "Title",
        "clicked": "Clicked ad",
        "two_factor": "Two-factor authentication",
        "on": "On",
        "off": "Off",
        "method": "Security method",
        "sms": "Text message (SMS)",
        "app": "Authentication app",
        "updated": "Last updated",
        "pymk_created": "When these suggestions were created",
        "pymk": "Friend suggestions",
        "created": "Creation time",
        "modified": "Last modified time",
        "sent": "Suggestion sent time",
        "name": "Name",
        "contacts": "Contacts",
        "point": "Contact point",
        "first_import": "Time of first import",
        "latest_import": "Time of latest import",
        "update_time": "Update time",
        "contact_name": "Contact name",
        "upload_time": "Upload time",
    },
    "it": {
        "login": "Accesso",
        "logout": "Disconnessione",
        "adv_list": "Un elenco caricato o usato dall'inserzionista",
        "adv_activity": "Interazioni con il sito web o l'app dell'inserzionista",
        "adv_store": "Visite al negozio dell'inserzionista",
        "events": "Eventi",
        "event": "Evento",
        "received": "Ricevuto il",
        "action": "Azione",
        "title": "Titolo",
        "clicked": "Clic sull'inserzione",
        "two_factor": "Autenticazione a due fattori",
        "on": "Attiva",
        "off": "Disattivata",
        "method": "Metodo di sicurezza",
        "sms": "SMS",
        "app": "App di autenticazione",
        "updated": "Ultimo aggiornamento",
        "pymk_created": "Quando sono stati creati questi suggerimenti",
        "pymk": "Suggerimenti di amicizia",
        "created": "Data di creazione",
        "modified": "Ora dell'ultima modifica",
        "sent": "Ora di invio del suggerimento",
        "name": "Nome",
        "contacts": "Contatti",
        "point": "Recapito",
        "first_import": "Ora della prima importazione",
        "latest_import": "Ora dell'ultima importazione",
        "update_time": "Ora di aggiornamento",
        "contact_name": "Nome del contatto",
        "upload_time": "Ora di caricamento",
    },
}
#: Facebook layouts the demo writes: 2024 (``your_address_books.json``) and 2026 (the
#: uploaded contacts split over three ``label_values`` files)
LAYOUTS = ("2024", "2026")


def facebook_members(world: World, layout: str = "2024") -> dict[str, bytes]:
    """Archive member path -> bytes of the persona's Facebook export in ``layout``."""
    p = world.persona
    labels = LABELS[p.lang]
    members: dict[str, Any] = {
        "personal_information/profile_information/profile_information.json": _profile(world),
        "personal_information/facebook_accounts_center/accounts_center.json": _accounts(world),
        "connections/friends/your_friends.json": _friends(world),
        "connections/friends/people_you_may_know.json": people_you_may_know(world, labels),
        "connections/friends/suggested_friends.json": suggested_friends(world, labels),
        f"{SEC}/logins_and_logouts.json": _logins(world, labels),
        f"{SEC}/ip_address_activity.json": _ip_activity(world, labels),
        f"{SEC}/where_you're_logged_in.json": _sessions(world),
        f"{SEC}/recognized_devices.json": _devices(world),
        f"{SEC}/two-factor_authentication.json": _two_factor(world, labels),
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json": _off_meta(
            world, labels
        ),
        "ads_information/advertisers_using_your_activity_or_information.json": _advertisers(
            world, labels
        ),
        "ads_information/advertisers_you've_interacted_with.json": _interacted(world, labels),
    }
    if layout == "2026":
        members.update(uploads_2026(world, labels))
    else:
        members[f"{OTHER_INFO}/your_address_books.json"] = address_book(world)
    members.update(facebook_threads(world))
    return {name: meta_json(data) for name, data in members.items()}


def _profile(world: World) -> dict[str, Any]:
    p = world.persona
    return {
        "profile_v2": {
            "name": {
                "full_name": p.full_name,
                "first_name": p.first_name,
                "middle_name": "",
                "last_name": p.last_name,
            },
            "emails": {
                "emails": [p.email],
                "previous_emails": [],
                "pending_emails": [],
                "ad_account_emails": [],
            },
            "birthday": {"year": 1992 if p.lang == "it" else 1988, "month": 4, "day": 23},
            "gender": {"gender_option": "FEMALE" if p.lang == "it" else "MALE", "pronoun": ""},
            "phone_numbers": [
                {
                    "phone_type": "Mobile",
                    "phone_number": p.phone_fb,
                    "verified": True,
                    "creation_time": p.fb_registered + days(400),
                }
            ],
            "username": p.fb_username,
            "registration_timestamp": p.fb_registered,
            "profile_uri": f"https://www.facebook.com/{p.fb_username}",
        }
    }


def _accounts(world: World) -> dict[str, Any]:
    p = world.persona
    return {
        "accounts_center_v2": {
            "linked_accounts": [
                {
                    "service_name": "Facebook",
                    "username": p.fb_username,
                    "email": p.email,
                    "phone_number": p.phone_e164,
                    "name": p.full_name,
                    "linked_time": p.ig_registered + days(2500),
                },
                {
                    "service_name": "Instagram",
                    "native_app_id": "124024574287414",
                    "username": p.ig_username,
                    "email": p.email,
                    "name": p.full_name,
                    "linked_time": p.ig_registered + days(2500),
                },
                {
                    "service_name": "WhatsApp",
                    "phone_number": p.phone_e164,
                    "name": p.full_name,
                    "linked_time": p.export_time - days(410),
                },
            ]
        }
    }


def _friends(world: World) -> dict[str, Any]:
    rng = world.rng("fb-friends")
    p = world.persona
    times = world.times(rng, p.fb_registered, p.export_time - days(10), len(world.friends))
    rows = [{"name": n, "timestamp": t} for n, t in zip(world.friends, times, strict=True)]
    return {"friends_v2": sorted(rows, key=lambda r: -r["timestamp"])}


def _login_ips(world: World) -> list[str]:
    ips = world.persona.ips
    return [ips["home"], ips["home"], ips["mobile"], ips["v6"], ips["work"]]


def _logins(world: World, labels: dict[str, str]) -> dict[str, Any]:
    rng = world.rng("fb-logins")
    p = world.persona
    times = world.times(rng, p.export_time - days(365), p.export_time, 40 * world.scale)
    rows = []
    for t in times:
        ip = rng.choice(_login_ips(world))
        rows.append(
            {
                "action": labels["login"],
                "timestamp": t,
                "site": "www.facebook.com",
                "ip_address": ip,
            }
        )
        if rng.random() < 0.3:
            rows.append(
                {
                    "action": labels["logout"],
                    "timestamp": t + rng.randrange(3600, 20000),
                    "site": "www.facebook.com",
                    "ip_address": ip,
                }
            )
    return {"account_accesses_v2": sorted(rows, key=lambda r: -r["timestamp"])}


def _ip_activity(world: World, labels: dict[str, str]) -> dict[str, Any]:
    rng = world.rng("fb-ips")
    p = world.persona
    times = world.times(rng, p.export_time - days(365), p.export_time, 30 * world.scale)
    rows = [
        {
            "ip": rng.choice(_login_ips(world)),
            "action": labels["login"],
            "timestamp": t,
            "user_agent": rng.choice((p.phone_user_agent, p.laptop_user_agent)),
        }
        for t in times
    ]
    return {"used_ip_address_v2": sorted(rows, key=lambda r: -r["timestamp"])}


def _sessions(world: World) -> dict[str, Any]:
    rng = world.rng("fb-sessions")
    p = world.persona
    city = "Bologna, Italy" if p.lang == "it" else "Portland, OR, United States"
    phone_os = "Android" if p.wa_platform == "Android" else "iOS"
    rows = [
        {
            "created_timestamp": p.export_time - days(300),
            "updated_timestamp": p.export_time - 3600,
            "ip_address": p.ips["mobile"],
            "user_agent": p.phone_user_agent,
            "datr_cookie": random_token(rng, 24),
            "device": p.phone_model[3],
            "location": city,
            "app": "Facebook",
            "session_type": phone_os.lower(),
        },
        {
            "created_timestamp": p.export_time - days(40),
            "updated_timestamp": p.export_time - days(2),
            "ip_address": p.ips["home"],
            "user_agent": p.laptop_user_agent,
            "datr_cookie": random_token(rng, 24),
            "device": "Windows" if p.lang == "it" else "Mac OS X",
            "location": city,
            "app": "Chrome" if p.lang == "it" else "Safari",
            "session_type": "web",
        },
    ]
    return {"active_sessions_v2": rows}


def _devices(world: World) -> dict[str, Any]:
    rng = world.rng("fb-devices")
    p = world.persona
    rows = [
        {
            "name": p.phone_model[3],
            "created_timestamp": p.export_time - days(700),
            "updated_timestamp": p.export_time - days(1),
            "ip_address": p.ips["mobile"],
            "user_agent": p.phone_user_agent,
            "datr_cookie": random_token(rng, 24),
        },
        {
            "name": "Chrome su Windows" if p.lang == "it" else "Safari on Mac OS X",
            "created_timestamp": p.export_time - days(900),
            "updated_timestamp": p.export_time - days(2),
            "ip_address": p.ips["home"],
            "user_agent": p.laptop_user_agent,
            "datr_cookie": random_token(rng, 24),
        },
    ]
    return {"recognized_devices_v2": rows}


def _two_factor(world: World, labels: dict[str, str]) -> dict[str, Any]:
    p = world.persona
    items: list[tuple[str, Any]] = [
        (labels["two_factor"], labels["on"] if p.fb_two_factor else labels["off"])
    ]
    if p.fb_two_factor:
        items.append((labels["method"], labels["app"]))
        items.append((labels["updated"], p.export_time - days(620)))
    return {"timestamp": p.export_time, "media": [], "label_values": label_values(items)}


def _off_meta_businesses(world: World) -> list[Business]:
    return [b for b in world.persona.businesses if b.off_meta]


def _off_meta(world: World, labels: dict[str, str]) -> Any:
    """Off-Meta activity: the 2026 shape (one ``label_values`` record per business), or
    the ``off_facebook_activity_v2`` shape still seen in 2025-26 exports."""
    rng = world.rng("fb-offmeta")
    p = world.persona
    sizes = world.base_rng("fb-offmeta-sizes")
    records = []
    for number, business in enumerate(_off_meta_businesses(world)):
        count = (6 + sizes.randrange(8)) * world.scale
        times = world.times(rng, p.export_time - days(540), p.export_time - days(1), count)
        app_id = str(100000000000000 + number * 7777777 + rng.randrange(999999))
        if p.off_meta_v2:
            v2 = [
                {"id": int(app_id), "type": rng.choice(business.events), "timestamp": t}
                for t in reversed(times)
            ]
            records.append({"name": business.name, "events": v2})
            continue
        records.append(off_meta_record(business, app_id, times, labels, rng))
    return {"off_facebook_activity_v2": records} if p.off_meta_v2 else records


def off_meta_record(
    business: Business, app_id: str, times: list[int], labels: dict[str, str], rng: random.Random
) -> dict[str, Any]:
    """One business's off-Meta activity in the ``label_values`` shape (Facebook 2026,
    Instagram): an event of the business's kinds at each of ``times``, newest first."""
    events = [
        [
            ("ID", app_id),
            (labels["event"], rng.choice(business.events)),
            (labels["received"], t),
        ]
        for t in reversed(times)
    ]
    return {
        "title": business.name,
        "fbid": app_id,
        "media": [],
        "label_values": label_values([(labels["events"], events)]),
    }


def _advertisers(world: World, labels: dict[str, str]) -> dict[str, Any]:
    businesses = world.persona.businesses
    items: list[tuple[str, Any]] = [
        (labels["adv_list"], [b.name for b in businesses if b.uploaded_list]),
        (labels["adv_activity"], [b.name for b in businesses if b.used_activity]),
        (labels["adv_store"], [b.name for b in businesses if b.in_store]),
    ]
    return {"label_values": label_values(items)}


def _interacted(world: World, labels: dict[str, str]) -> list[dict[str, Any]]:
    rng = world.rng("fb-interacted")
    p = world.persona
    rows = []
    for business in p.businesses:
        if not business.interacted:
            continue
        for t in world.times(rng, p.export_time - days(300), p.export_time, 2):
            rows.append(
                {
                    "timestamp": t,
                    "media": [],
                    "label_values": label_values(
                        [(labels["action"], labels["clicked"]), (labels["title"], business.name)]
                    ),
                }
            )
    return sorted(rows, key=lambda r: -r["timestamp"])
