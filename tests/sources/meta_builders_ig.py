"""The synthetic persona's Instagram export members (JSON), per layout.

Layouts: "2022" flat folders, "2023" category folders (``string_map_data``), "2025"
category folders with the newer ``label_values`` shapes for ads and off-Meta activity.
"""

from __future__ import annotations

from typing import Any

IG_USERNAME = "zoe_ig"
IG_NAME = "Zoë Ferrari"
IG_EMAIL = "zoe.ferrari@example.com"
IG_PHONE = "+393331234567"
#: (first name, last name, contact information)
IG_SYNCED = (
    ("Luca", "Rossi", "+393281112222"),
    ("Giò", "Verdi", "giovanna@example.net"),
    ("Mamma", "", "347 555 0101"),
)
IG_FOLLOWERS = ("luca.rossi", "anna.b")
IG_FOLLOWING = ("brand_x", "luca.rossi")
#: (timestamp, ip, user agent)
IG_LOGINS = ((1700200000, "93.45.12.7", "Instagram 300.0 (iPhone15,2; iOS 17_1)"),)
IG_LOGOUT = 1700300000
IG_DEVICE_UA = "Instagram 301.0 Android (33/13; Pixel 7)"
IG_ADV_UPLOADED = "Brand Uploader"
IG_OFF_META = {"Shop Alpha": [("PAGE_VIEW", 1700000000)]}
IG_THREAD = ("luca.rossi", ("luca.rossi", IG_NAME), (("luca.rossi", 1700600000000, "text"),))


def sm(**values: Any) -> dict[str, Any]:
    """A ``string_map_data`` dict: label -> value (str) or (value, timestamp)."""
    out = {}
    for label, value in values.items():
        val, ts = value if isinstance(value, tuple) else (value, 0)
        out[label.replace("_", " ")] = {"href": "", "value": val, "timestamp": ts}
    return out


def _folders(layout: str) -> dict[str, str]:
    if layout == "2022":
        return {
            "pi": "personal_information",
            "contacts": "contacts",
            "follow": "followers_and_following",
            "login": "login_and_account_creation",
            "device": "device_information",
            "ads": "ads_and_businesses",
            "msgs": "messages",
            "off": "",
        }
    return {
        "pi": "personal_information/personal_information",
        "contacts": "connections/contacts",
        "follow": "connections/followers_and_following",
        "login": "security_and_login_information/login_and_profile_creation",
        "device": "personal_information/device_information",
        "ads": "ads_information/instagram_ads_and_businesses",
        "msgs": "your_instagram_activity/messages",
        "off": "apps_and_websites_off_of_instagram/apps_and_websites",
    }


def instagram_tree(layout: str = "2023") -> dict[str, Any]:
    """The Instagram JSON members of the persona in ``layout`` (path -> JSON-able)."""
    from .meta_persona import thread_doc

    f = _folders(layout)
    tree: dict[str, Any] = {}
    tree[f"{f['pi']}/personal_information.json"] = {
        "profile_user": [
            {
                "title": "",
                "media_map_data": {},
                "string_map_data": {
                    **sm(
                        Email=IG_EMAIL,
                        Username=IG_USERNAME,
                        Name=IG_NAME,
                        Gender="female",
                        Private_account="True",
                    ),
                    "Phone number": {"href": "", "value": IG_PHONE, "timestamp": 0},
                    "Phone Confirmed": {"href": "", "value": "True", "timestamp": 0},
                },
            }
        ]
    }
    tree[f"{f['pi']}/account_information.json"] = {
        "profile_account_insights": [
            {
                "title": "",
                "media_map_data": {},
                "string_map_data": {
                    "Contact Syncing": {"href": "", "value": "True", "timestamp": 0},
                    "First Country Code": {"href": "", "value": "IT", "timestamp": 0},
                    "Last Login": {"href": "", "value": "", "timestamp": 1700200000},
                },
            }
        ]
    }
    tree[f"{f['contacts']}/synced_contacts.json"] = {
        "contacts_contact_info": [
            {
                "title": "",
                "media_map_data": {},
                "string_map_data": {
                    "First Name": {"href": "", "value": first, "timestamp": 0},
                    "Last Name": {"href": "", "value": last, "timestamp": 0},
                    "Contact Information": {"href": "", "value": info, "timestamp": 0},
                    "Imported Time": {"href": "", "value": "", "timestamp": 1690000000},
                },
            }
            for first, last, info in IG_SYNCED
        ]
    }
    tree[f"{f['follow']}/followers_1.json"] = [
        {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/{u}", "value": u, "timestamp": 1690000000}
            ],
        }
        for u in IG_FOLLOWERS
    ]
    following = []
    for u in IG_FOLLOWING:
        item: dict[str, Any] = {"href": f"https://www.instagram.com/{u}", "timestamp": 1690000500}
        if layout != "2025":
            item["value"] = u
        following.append(
            {
                "title": u if layout == "2025" else "",
                "media_list_data": [],
                "string_list_data": [item],
            }
        )
    tree[f"{f['follow']}/following.json"] = {"relationships_following": following}
    tree[f"{f['login']}/login_activity.json"] = {
        "account_history_login_history": [
            {
                "title": "2023-11-17T05:46:40+00:00",
                "media_map_data": {},
                "string_map_data": {
                    "IP Address": {"href": "", "value": ip, "timestamp": 0},
                    "Time": {"href": "", "value": "", "timestamp": ts},
                    "User Agent": {"href": "", "value": ua, "timestamp": 0},
                },
            }
            for ts, ip, ua in IG_LOGINS
        ]
    }
    tree[f"{f['login']}/logout_activity.json"] = {
        "account_history_logout_history": [
            {
                "title": "",
                "string_map_data": {
                    "IP Address": {"href": "", "value": IG_LOGINS[0][1], "timestamp": 0},
                    "Time": {"href": "", "value": "", "timestamp": IG_LOGOUT},
                },
            }
        ]
    }
    tree[f"{f['device']}/devices.json"] = {
        "devices_devices": [
            {
                "title": "",
                "string_map_data": {
                    "User Agent": {"href": "", "value": IG_DEVICE_UA, "timestamp": 0},
                    "Last Login": {"href": "", "value": "", "timestamp": 1700250000},
                },
            }
        ]
    }
    if layout == "2025":
        tree[f"{f['ads']}/advertisers_using_your_activity_or_information.json"] = {
            "label_values": [
                {
                    "label": "A list uploaded or used by the advertiser",
                    "vec": [{"value": IG_ADV_UPLOADED}],
                }
            ]
        }
    else:
        tree[f"{f['ads']}/advertisers_using_your_activity_or_information.json"] = {
            "ig_custom_audiences_all_types": [
                {
                    "advertiser_name": IG_ADV_UPLOADED,
                    "has_data_file_custom_audience": True,
                    "has_remarketing_custom_audience": False,
                    "has_in_person_store_visit": False,
                }
            ]
        }
    if f["off"]:
        if layout == "2025":
            off: Any = [
                {
                    "title": app,
                    "fbid": "1",
                    "media": [],
                    "label_values": [
                        {
                            "label": "Events",
                            "vec": [
                                {
                                    "dict": [
                                        {"label": "Event", "value": ev},
                                        {"label": "Received on", "timestamp_value": ts},
                                    ]
                                }
                                for ev, ts in evs
                            ],
                        }
                    ],
                }
                for app, evs in IG_OFF_META.items()
            ]
        else:
            off = {
                "apps_and_websites_off_meta_activity": [
                    {
                        "name": app,
                        "events": [{"id": 1, "type": ev, "timestamp": ts} for ev, ts in evs],
                    }
                    for app, evs in IG_OFF_META.items()
                ]
            }
        tree[f"{f['off']}/your_activity_off_meta_technologies.json"] = off
    title, people, msgs = IG_THREAD
    tree[f"{f['msgs']}/inbox/{title.replace('.', '')}_17/message_1.json"] = thread_doc(
        title, people, msgs
    )
    return tree
