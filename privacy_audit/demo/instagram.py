"""An Instagram "Download Your Information" export, 2023+ JSON layout (category folders).

Instagram keeps ``string_map_data``/``string_list_data`` for profile, contacts, logins
and followers, and Meta's ``label_values`` records for ads and off-Meta activity.
Labels are the English ones (the demo people use Instagram in English).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from privacy_audit.demo._base import days, label_values, meta_json
from privacy_audit.demo.facebook import LABELS, off_meta_record
from privacy_audit.demo.threads import thread_messages
from privacy_audit.demo.world import World

LOGIN = "security_and_login_information/login_and_profile_creation"


def _smd(**values: Any) -> dict[str, dict[str, Any]]:
    """``string_map_data`` from label=value pairs (an int is a timestamp)."""
    out = {}
    for label, value in values.items():
        label = label.replace("_", " ")
        if isinstance(value, int) and not isinstance(value, bool):
            out[label] = {"href": "", "value": "", "timestamp": value}
        else:
            out[label] = {"href": "", "value": str(value), "timestamp": 0}
    return out


def instagram_members(world: World) -> dict[str, bytes]:
    """Archive member path -> bytes of the persona's Instagram export."""
    members: dict[str, Any] = {
        "personal_information/personal_information/personal_information.json": _personal(world),
        "personal_information/personal_information/account_information.json": _account(world),
        "personal_information/device_information/devices.json": _devices(world),
        "connections/contacts/synced_contacts.json": _synced(world),
        "connections/followers_and_following/followers_1.json": _followers(world),
        "connections/followers_and_following/following.json": _following(world),
        f"{LOGIN}/login_activity.json": _logins(world),
        f"{LOGIN}/signup_information.json": _signup(world),
        "apps_and_websites_off_of_instagram/apps_and_websites/"
        "your_activity_off_meta_technologies.json": _off_meta(world),
        "ads_information/instagram_ads_and_businesses/"
        "advertisers_using_your_activity_or_information.json": _advertisers(world),
    }
    members.update(_threads(world))
    return {name: meta_json(data) for name, data in members.items()}


def _personal(world: World) -> dict[str, Any]:
    p = world.persona
    data = {
        "Email": p.email,
        "Phone Number": p.phone_ig,
        "Phone Confirmed": "True",
        "Username": p.ig_username,
        "Name": p.full_name,
        "Bio": "📍 Bologna" if p.lang == "it" else "📍 Portland, OR",
        "Gender": "Female" if p.lang == "it" else "Male",
        "Date of birth": "1992-04-23" if p.lang == "it" else "1988-04-23",
        "Private Account": "False",
    }
    return {
        "profile_user": [
            {
                "title": "User Information",
                "media_map_data": {
                    "Profile Photo": {
                        "uri": "media/profile/202406/17_1234567890.jpg",
                        "creation_timestamp": p.export_time - days(520),
                        "title": "",
                    }
                },
                "string_map_data": {
                    k: {"href": "", "value": v, "timestamp": 0} for k, v in data.items()
                },
            }
        ]
    }


def _account(world: World) -> dict[str, Any]:
    p = world.persona
    smd = _smd(
        Contact_Syncing="True",
        First_Country_Code=p.region,
        Last_Login=p.export_time - 3600,
        Last_Logout=p.export_time - days(3),
    )
    return {
        "profile_account_insights": [{"title": "", "media_map_data": {}, "string_map_data": smd}]
    }


def _devices(world: World) -> dict[str, Any]:
    p = world.persona
    rows = [
        {
            "title": "",
            "media_map_data": {},
            "string_map_data": _smd(
                User_Agent=p.instagram_user_agent, Last_Login=p.export_time - 3600
            ),
        },
        {
            "title": "",
            "media_map_data": {},
            "string_map_data": _smd(
                User_Agent=p.laptop_user_agent, Last_Login=p.export_time - days(6)
            ),
        },
    ]
    return {"devices_devices": rows}


def _synced(world: World) -> dict[str, Any]:
    rng = world.rng("ig-synced")
    p = world.persona
    rows = []
    for contact in world.instagram:
        first, _, last = contact.name.partition(" ")
        imported = p.export_time - days(900) + rng.randrange(days(850))
        rows.append(
            {
                "title": "",
                "media_map_data": {},
                "string_map_data": {
                    "First Name": {"href": "", "value": first, "timestamp": 0},
                    "Last Name": {"href": "", "value": last, "timestamp": 0},
                    "Contact Information": {"href": "", "value": contact.typed, "timestamp": 0},
                    "Imported Time": {"href": "", "value": "", "timestamp": imported},
                },
            }
        )
    return {"contacts_contact_info": rows}


def _handle(name: str, index: int) -> str:
    base = "".join(ch for ch in name.lower() if ch.isascii() and (ch.isalnum() or ch == " "))
    return base.replace(" ", ".") + ("" if index % 3 else f"_{index % 97}")


def _string_list(world: World, salt: str, count: int) -> list[dict[str, Any]]:
    rng = world.rng(salt)
    p = world.persona
    names = world.friends[:count]
    times = world.times(rng, p.ig_registered, p.export_time, len(names))
    out = []
    for index, (name, t) in enumerate(zip(names, reversed(times), strict=True)):
        handle = _handle(name, index)
        out.append(
            {
                "title": "",
                "media_list_data": [],
                "string_list_data": [
                    {"href": f"https://www.instagram.com/{handle}", "value": handle, "timestamp": t}
                ],
            }
        )
    return out


def _followers(world: World) -> list[dict[str, Any]]:
    return _string_list(world, "ig-followers", 90 * world.scale)


def _following(world: World) -> dict[str, Any]:
    return {"relationships_following": _string_list(world, "ig-following", 70 * world.scale)}


def _logins(world: World) -> dict[str, Any]:
    rng = world.rng("ig-logins")
    p = world.persona
    ips = [p.ips["home"], p.ips["mobile"], p.ips["mobile"], p.ips["v6"]]
    rows = []
    for t in reversed(world.times(rng, p.export_time - days(365), p.export_time, 30 * world.scale)):
        iso = datetime.fromtimestamp(t, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        rows.append(
            {
                "title": iso,
                "media_map_data": {},
                "string_map_data": {
                    "Cookie Name": {
                        "href": "",
                        "value": f"{rng.randrange(16**12):012x}",
                        "timestamp": 0,
                    },
                    "IP Address": {"href": "", "value": rng.choice(ips), "timestamp": 0},
                    "Language Code": {"href": "", "value": p.lang, "timestamp": 0},
                    "Time": {"href": "", "value": "", "timestamp": t},
                    "User Agent": {
                        "href": "",
                        "value": rng.choice((p.instagram_user_agent, p.laptop_user_agent)),
                        "timestamp": 0,
                    },
                },
            }
        )
    return {"account_history_login_history": rows}


def _signup(world: World) -> dict[str, Any]:
    p = world.persona
    smd = _smd(
        Username=p.ig_username,
        IP_Address=p.ips["home"],
        Time=p.ig_registered,
        Email=p.email,
        Phone_Number=p.phone_ig,
        Device=p.phone_model[3],
    )
    return {
        "account_history_registration_info": [
            {"title": "", "media_map_data": {}, "string_map_data": smd}
        ]
    }


def _off_meta(world: World) -> list[dict[str, Any]]:
    rng = world.rng("ig-offmeta")
    p = world.persona
    labels = LABELS["en"]
    sizes = world.base_rng("ig-offmeta-sizes")
    records = []
    for number, business in enumerate(b for b in p.businesses if b.off_meta and b.events):
        if number % 2:
            continue  # Instagram only hears from some of them
        count = (3 + sizes.randrange(5)) * world.scale
        times = world.times(rng, p.export_time - days(400), p.export_time - days(1), count)
        app_id = str(200000000000000 + number * 5555555 + rng.randrange(999999))
        records.append(off_meta_record(business, app_id, times, labels, rng))
    return records


def _advertisers(world: World) -> dict[str, Any]:
    labels = LABELS["en"]
    businesses = world.persona.businesses
    items: list[tuple[str, Any]] = [
        (labels["adv_list"], [b.name for b in businesses if b.uploaded_list][:2]),
        (labels["adv_activity"], [b.name for b in businesses if b.used_activity or b.off_meta]),
    ]
    return {"label_values": label_values(items)}


def _threads(world: World) -> dict[str, Any]:
    p = world.persona
    rng = world.rng("ig-threads")
    out: dict[str, Any] = {}
    for index, contact in enumerate(world.instagram[1:3]):
        handle = _handle(contact.name, 1).replace(".", "")
        path = f"inbox/{handle}_{10**16 + rng.randrange(10**16)}"
        folder = f"your_instagram_activity/messages/{path}"
        out[f"{folder}/message_1.json"] = {
            "participants": [{"name": contact.name}, {"name": p.full_name}],
            "messages": thread_messages(
                world,
                f"ig-thread-{index}",
                contact.name,
                15 * world.scale,
                p.export_time - days(400),
                folder,
            ),
            "title": contact.name,
            "is_still_participant": True,
            "thread_path": path,
            "magic_words": [],
        }
    return out
