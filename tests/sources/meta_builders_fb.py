"""The synthetic persona's Facebook export members (JSON), per layout.

Layouts: "2018" (``about_you/``, no ``_v2`` keys), "2020" (flat folders), "2023"
(``your_activity_across_facebook/``), "2024" (``your_facebook_activity/``), "2026" (2024
folders with the ``label_values`` off-Meta records and ``_ve_``/``_re_`` file names),
"2025" (2026 plus the 2025-26 contact files: no ``your_address_books.json``, the same
upload in ``contacts_uploaded_before_2021.json``, ``your_imported_contacts.json`` and
``contacts_uploaded_from_your_phone.json``; friend suggestions in
``people_you_may_know.json`` and ``suggested_friends.json``).
"""

from __future__ import annotations

from typing import Any

from .meta_persona import (
    FB_ADDRESS_BOOK,
    FB_ADV_ACTIVITY,
    FB_ADV_INTERACTED,
    FB_ADV_UPLOADED,
    FB_CALL_LOG,
    FB_DEVICE,
    FB_FRIENDS,
    FB_IP_ACTIVITY,
    FB_LINKED,
    FB_LOGINS,
    FB_OFF_META,
    FB_SESSION_IP,
    FB_SMS_LOG,
    FB_SUGGESTED_FRIENDS,
    FB_SUGGESTIONS,
    FB_SUGGESTIONS_AT,
    MSG_THREADS,
    OWNER,
    OWNER_EMAILS,
    OWNER_PHONE,
    OWNER_USERNAME,
    thread_doc,
)

_2018 = "2018"
Tree = dict[str, Any]


def _fb_folders(layout: str) -> dict[str, str]:
    if layout == _2018:
        return {
            "profile": "profile_information",
            "book": "about_you",
            "friends": "friends",
            "center": "facebook_accounts_center",
            "sec": "security_and_login_information",
            "off": "apps_and_websites_off_of_facebook",
            "ads": "ads",
            "msgs": "messages",
        }
    if layout == "2020":
        return {
            "profile": "profile_information",
            "book": "other_personal_information",
            "friends": "friends_and_followers",
            "center": "facebook_accounts_center",
            "sec": "security_and_login_information",
            "off": "apps_and_websites_off_of_facebook",
            "ads": "ads_information",
            "msgs": "messages",
        }
    activity = "your_activity_across_facebook" if layout == "2023" else "your_facebook_activity"
    return {
        "profile": "personal_information/profile_information",
        "book": "personal_information/other_personal_information",
        "friends": "connections/friends",
        "center": "personal_information/facebook_accounts_center",
        "sec": "security_and_login_information",
        "off": "apps_and_websites_off_of_facebook",
        "ads": "ads_information",
        "msgs": f"{activity}/messages",
    }


def facebook_tree(layout: str = "2024") -> Tree:
    """The Facebook JSON members of the persona in ``layout`` (path -> JSON-able)."""
    f = _fb_folders(layout)
    v2 = "" if layout == _2018 else "_v2"
    tree: Tree = {}
    profile = {
        "name": OWNER
        if layout == _2018
        else {"full_name": OWNER, "first_name": "Zoë", "middle_name": "", "last_name": "Ferrari"},
        "emails": {
            "emails": [OWNER_EMAILS[0]],
            "previous_emails": [OWNER_EMAILS[1]],
            "pending_emails": [],
            "ad_account_emails": [],
        },
        "phone_numbers": [{"phone_type": "Mobile", "phone_number": OWNER_PHONE, "verified": True}],
        "username": OWNER_USERNAME,
        "registration_timestamp": 1262304000,
    }
    tree[f"{f['profile']}/profile_information.json"] = {f"profile{v2}": profile}
    book = [
        {
            "name": n,
            "details": [{"contact_point": p} for p in pts],
            "created_timestamp": ts,
            "updated_timestamp": ts,
        }
        for n, pts, ts in FB_ADDRESS_BOOK
    ]
    if layout == "2025":
        tree.update(contact_files_2025(f["profile"], f["book"]))
        tree.update(suggestion_files(f["friends"]))
    else:
        tree[f"{f['book']}/your_address_books.json"] = {f"address_book{v2}": {"address_book": book}}
    friends_name = "friends.json" if layout in (_2018, "2020") else "your_friends.json"
    tree[f"{f['friends']}/{friends_name}"] = {
        f"friends{v2}": [{"name": n, "timestamp": ts} for n, ts in FB_FRIENDS]
    }
    if layout != _2018:
        tree[f"{f['center']}/accounts_center.json"] = {
            "accounts_center_v2": {"linked_accounts": list(FB_LINKED)}
        }
        tree[f"{f['msgs']}/autofill_information.json"] = {
            "autofill_information_v2": {
                "EMAIL": [OWNER_EMAILS[0]],
                "PHONE": [OWNER_PHONE],
                "FULL_NAME": [OWNER],
            }
        }
    sec = f["sec"]
    tree[f"{sec}/logins_and_logouts.json"] = {
        f"account_accesses{v2}": [
            {
                "action": "Login" if k == "login" else "Log Out",
                "timestamp": ts,
                "site": "www.facebook.com",
                "ip_address": ip,
            }
            for k, ts, ip in FB_LOGINS
        ]
    }
    ipname = "used_ip_addresses.json" if layout in (_2018, "2020") else "ip_address_activity.json"
    tree[f"{sec}/{ipname}"] = {
        f"used_ip_address{v2}": [
            {
                "ip": FB_IP_ACTIVITY,
                "action": "Login",
                "timestamp": 1699000000,
                "user_agent": "Mozilla/5.0",
            }
        ]
    }
    new_names = layout in ("2025", "2026")
    logged = "where_you_re_logged_in.json" if new_names else "where_you're_logged_in.json"
    tree[f"{sec}/{logged}"] = {
        f"active_sessions{v2}": [
            {
                "created_timestamp": 1699500000,
                "updated_timestamp": 1700500000,
                "ip_address": FB_SESSION_IP,
                "user_agent": "Mozilla/5.0 (iPhone)",
                "device": "iPhone",
                "location": "Milano, Italia",
                "app": "Facebook",
                "session_type": "app",
            }
        ]
    }
    tree[f"{sec}/account_activity.json"] = {
        f"account_activity{v2}": [
            {
                "action": "Login",
                "timestamp": 1700000000,
                "ip_address": "93.45.12.7",
                "user_agent": "Mozilla/5.0",
                "city": "Milano",
                "region": "Lombardia",
                "country": "IT",
                "site_name": "www.facebook.com",
            }
        ]
    }
    if layout != _2018:
        tree[f"{sec}/mobile_devices.json"] = {
            "devices_v2": [{"type": FB_DEVICE, "os": "iOS 17", "update_time": 1700400000}]
        }
    tree.update(_fb_off_meta(layout, f["off"]))
    tree.update(_fb_ads(layout, f["ads"]))
    for index, (title, (people, msgs)) in enumerate(MSG_THREADS.items()):
        tree[f"{f['msgs']}/inbox/thread{index}_{index + 100}/message_1.json"] = thread_doc(
            title, people, msgs
        )
    if layout == _2018:
        tree["calls_and_messages/call_logs.json"] = {
            "call_logs": {
                n: [
                    {
                        "call_type": "INCOMING",
                        "start_timestamp": 1530000000,
                        "duration": 60,
                        "contact_name": name,
                        "number_label": "mobile",
                    }
                ]
                for n, name in FB_CALL_LOG.items()
            }
        }
        tree["calls_and_messages/message_logs.json"] = {"message_logs": {"sms_logs": {
            n: [{"timestamp": 1530000100, "contact_name": name}] for n, name in FB_SMS_LOG.items()},
            "mms_logs": {}}}  # fmt: skip
    if layout in ("2024", "2025", "2026"):
        tree[f"{sec}/two-factor_authentication.json"] = {
            "label_values": [{"label": "Two-factor authentication", "value": "Off"}]
        }
    return tree


def _fb_off_meta(layout: str, folder: str) -> Tree:
    if layout == _2018:
        return {}
    name = (
        "your_off-facebook_activity.json"
        if layout == "2020"
        else "your_activity_off_meta_technologies.json"
    )
    if layout in ("2025", "2026"):
        records = [
            {
                "title": app,
                "fbid": str(i),
                "media": [],
                "label_values": [
                    {
                        "label": "Events",
                        "vec": [
                            {
                                "dict": [
                                    {"label": "ID", "value": str(1000 + i)},
                                    {"label": "Event", "value": ev},
                                    {"label": "Received on", "timestamp_value": ts},
                                ]
                            }
                            for ev, ts in events
                        ],
                    }
                ],
            }
            for i, (app, events) in enumerate(FB_OFF_META.items())
        ]
        doc: Any = records
    else:
        doc = {
            "off_facebook_activity_v2": [
                {
                    "name": app,
                    "events": [{"id": 1, "type": ev, "timestamp": ts} for ev, ts in events],
                }
                for app, events in FB_OFF_META.items()
            ]
        }
    settings = {
        "timestamp": 1699489293,
        "media": [],
        "label_values": [
            {"label": "Profile association state"},
            {"label": "Last activity time", "timestamp_value": 1699489293},
        ],
    }
    return {
        f"{folder}/{name}": doc,
        f"{folder}/your_activity_off_meta_technologies_settings.json": settings,
    }


def _fb_ads(layout: str, folder: str) -> Tree:
    if layout == _2018:
        return {
            f"{folder}/advertisers_who_uploaded_a_contact_list_with_your_information.json": {
                "custom_audiences": [FB_ADV_UPLOADED]
            },
            f"{folder}/advertisers_you've_interacted_with.json": {
                "history": [
                    {"title": FB_ADV_INTERACTED, "action": "Clicked ad", "timestamp": 1690000000}
                ]
            },
        }
    if layout in ("2020", "2023"):
        using: Any = {
            "custom_audiences_all_types_v2": [
                {
                    "advertiser_name": FB_ADV_UPLOADED,
                    "has_data_file_custom_audience": True,
                    "has_remarketing_custom_audience": False,
                    "has_in_person_store_visit": False,
                },
                {
                    "advertiser_name": FB_ADV_ACTIVITY,
                    "has_data_file_custom_audience": False,
                    "has_remarketing_custom_audience": True,
                    "has_in_person_store_visit": False,
                },
            ]
        }
    else:
        using = {
            "label_values": [
                {
                    "label": "A list uploaded or used by the advertiser",
                    "vec": [{"value": FB_ADV_UPLOADED}],
                },
                {
                    "label": "Your activity on their app or website",
                    "vec": [{"value": FB_ADV_ACTIVITY}],
                },
            ]
        }
    return {
        f"{folder}/advertisers_using_your_activity_or_information.json": using,
        f"{folder}/advertisers_you've_interacted_with.json": {
            "history_v2": [
                {"title": FB_ADV_INTERACTED, "action": "Clicked ad", "timestamp": 1690000000}
            ]
        },
    }


#: 2025-26 labels of the contact and suggestion files, per language
LABELS_2025 = {
    "en": {
        "contacts": "Contacts",
        "point": "Contact point",
        "first": "Time of first import",
        "latest": "Time of latest import",
        "name": "Name",
        "update": "Update time",
        "contact_name": "Contact name",
        "upload": "Upload time",
        "created": "Creation time",
        "batch": "When these suggestions were created",
        "suggestions": "Friend suggestions",
        "sent": "Suggestion sent time",
    },
    "it": {
        "contacts": "Contatti",
        "point": "Recapito",
        "first": "Ora della prima importazione",
        "latest": "Ora dell'ultima importazione",
        "name": "Nome",
        "update": "Ora di aggiornamento",
        "contact_name": "Nome del contatto",
        "upload": "Ora di caricamento",
        "created": "Data di creazione",
        "batch": "Quando sono stati creati questi suggerimenti",
        "suggestions": "Suggerimenti di amicizia",
        "sent": "Ora di invio del suggerimento",
    },
    "de": {
        "contacts": "Kontakte",
        "point": "Kontaktinformationen",
        "first": "Zeitpunkt des ersten Imports",
        "latest": "Zeitpunkt des letzten Imports",
        "name": "Name",
        "update": "Aktualisierungszeit",
        "contact_name": "Kontaktname",
        "upload": "Zeitpunkt des Uploads",
        "created": "Erstellt",
        "batch": "Wann diese Vorschläge erstellt wurden",
        "suggestions": "Freundschaftsvorschläge",
        "sent": "Zeitpunkt des gesendeten Vorschlags",
    },
}


def _lv(label: str, value: Any) -> dict[str, Any]:
    if isinstance(value, int):
        return {"label": label, "timestamp_value": value}
    return {"label": label, "value": value}


def contact_files_2025(profile: str, other: str, lang: str = "en") -> Tree:
    """The persona's upload as 2025-26 files: the first two contacts before 2021 (one
    ``dict`` per contact point), the third among the imported contacts, and "Mamma"
    again, by name only, among the contacts uploaded from the phone."""
    t = LABELS_2025[lang]
    before, imported = [], []
    for index, (name, points, ts) in enumerate(FB_ADDRESS_BOOK):
        for point in points:
            if index < 2:
                before.append(
                    {
                        "dict": [
                            {"label": "user_id", "value": str(1000000001 + index)},
                            _lv(t["point"], point),
                            _lv(t["first"], ts),
                            _lv(t["latest"], ts + 86400),
                            _lv(t["name"], name),
                        ]
                    }
                )
            else:
                imported.append(
                    {
                        "timestamp": ts,
                        "media": [],
                        "label_values": [
                            _lv(t["update"], ts),
                            _lv(t["contact_name"], name),
                            _lv(t["point"], point),
                        ],
                        "fbid": str(2000000001 + index),
                    }
                )
    mamma = FB_ADDRESS_BOOK[0]
    from_phone = [
        {
            "media": [],
            "label_values": [
                _lv(t["name"], mamma[0]),
                _lv(t["upload"], 0),
                _lv(t["created"], mamma[2]),
            ],
            "fbid": "3000000001",
        }
    ]
    return {
        f"{profile}/contacts_uploaded_before_2021.json": {
            "media": [],
            "label_values": [{"label": t["contacts"], "vec": before}],
            "fbid": "9000000001",
        },
        f"{other}/your_imported_contacts.json": imported,
        f"{other}/contacts_uploaded_from_your_phone.json": from_phone,
    }


def suggestion_files(friends: str, lang: str = "en") -> Tree:
    """``people_you_may_know.json`` and ``suggested_friends.json`` of the persona."""
    t = LABELS_2025[lang]
    return {
        f"{friends}/people_you_may_know.json": {
            "media": [],
            "label_values": [
                _lv(t["batch"], FB_SUGGESTIONS_AT),
                {"label": t["suggestions"], "vec": [{"value": n} for n in FB_SUGGESTIONS]},
            ],
            "fbid": "9000000002",
        },
        f"{friends}/suggested_friends.json": [
            {
                "media": [],
                "label_values": [
                    _lv(t["created"], ts),
                    _lv(t["sent"], ts),
                    {
                        "dict": [{"dict": [_lv(t["name"], name)], "title": ""}],
                        "title": t["name"],
                    },
                ],
                "fbid": str(4000000001 + i),
            }
            for i, (name, ts) in enumerate(FB_SUGGESTED_FRIENDS)
        ],
    }
