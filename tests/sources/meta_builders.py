"""Synthetic Facebook / Instagram / Messenger exports in every layout and format.

Public API (also used by other parts' tests and benchmarks)::

    build_facebook_export(tmp_path, layout="2024", fmt="json", ...) -> Path
    build_instagram_export(tmp_path, layout="2023", fmt="json", ...) -> Path
    build_messenger_export(tmp_path, fmt="json", secure_storage=False, ...) -> Path

``layout``: Facebook "2018" | "2020" | "2023" | "2024" | "2026"; Instagram "2022" | "2023"
| "2025". ``fmt``: "json" | "html". JSON strings and keys are written as Meta does
(mojibake: UTF-8 bytes escaped as Latin-1) unless ``mojibake=False``. ``zipped=False``
writes an extracted folder; ``parts=N`` splits the export into N zips of the same
name prefix and date (the path returned is then the folder holding them);
``wrapper=True`` puts everything under a folder named like the zip; ``extra_files``
adds or replaces members (path -> bytes/str/JSON-able object). The persona's data are
the module constants below (``FB_*``, ``IG_*``, ``MSG_*``) so tests can assert on them.
Message texts contain :data:`SECRET_TEXT`, which must never reach any table.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import meta_builders_html as html
from . import meta_builders_ig as ig

SECRET_TEXT = "SECRET-MESSAGE-TEXT"
EXPORT_DATE = "2026-05-14"

OWNER = "Zoë Ferrari"
OWNER_USERNAME = "zoe.ferrari"
OWNER_EMAILS = ("zoe.ferrari@example.com", "Zoe.Old@Example.org")
OWNER_PHONE = "+39 333 123 4567"
#: (name, contact points, created) uploaded from the phone
FB_ADDRESS_BOOK = (
    ("Mamma", ("+39 347 555 0101",), 1530429889),
    ("Luca Rossi", ("3281112222", "luca@example.org"), 1529519656),
    ("François Dupont", ("+33 6 12 34 56 78",), 1526845440),
)
FB_FRIENDS = (("Luca Rossi", 1500000000), ("Anna Bianchi", 1510000000), ("Björn Ekström", 0))
FB_LINKED = (
    {
        "service_name": "Instagram",
        "username": "zoe_ig",
        "email": "zoe.ferrari@example.com",
        "name": OWNER,
        "linked_time": 1650000000,
    },
    {"service_name": "WhatsApp", "phone_number": "+393331234567", "name": OWNER},
)
#: (kind, timestamp, ip) in logins_and_logouts
FB_LOGINS = (("login", 1700000000, "93.45.12.7"), ("logout", 1700003600, "93.45.12.7"))
FB_SESSION_IP = "2a01:e11:1::7"
FB_IP_ACTIVITY = "151.38.1.20"
FB_DEVICE = "iPhone15,2"
#: business -> [(event, timestamp)]
FB_OFF_META = {
    "Shop Alpha": [("PAGE_VIEW", 1700000000), ("PURCHASE", 1700500000)],
    "Café Lumière": [("ADD_TO_CART", 1701000000)],
}
FB_ADV_UPLOADED = "Brand Uploader"
FB_ADV_ACTIVITY = "Retarget Co"
FB_ADV_INTERACTED = "Clicked Brand"
#: thread title -> (participants, [(sender, timestamp_ms, kind)])
MSG_THREADS = {
    "Luca Rossi": (
        ("Luca Rossi", OWNER),
        (
            ("Luca Rossi", 1700000000000, "text"),
            (OWNER, 1700000060000, "media"),
            (OWNER, 1700000120000, "deleted"),
            ("Luca Rossi", 1700000180000, "system"),
        ),
    ),
    "Famiglia ❤️": (
        ("Mamma", "Luca Rossi", OWNER),
        (
            ("Mamma", 1700100000000, "text"),
            (OWNER, 1700100060000, "text"),
        ),
    ),
}
N_MESSAGES = sum(len(msgs) for _p, msgs in MSG_THREADS.values())

_2018 = "2018"
Tree = dict[str, Any]


# -- writing ---------------------------------------------------------------------
def mojibake(value: Any) -> Any:
    """``value`` with every string and key written as Meta does (UTF-8 bytes as Latin-1)."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list | tuple):
        return [mojibake(v) for v in value]
    if isinstance(value, dict):
        return {mojibake(k): mojibake(v) for k, v in value.items()}
    return value


def dump(value: Any, *, garble: bool = True) -> bytes:
    """JSON bytes as in a Meta export (pure ASCII, mojibake escapes)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(mojibake(value) if garble else value, indent=1).encode("ascii")


def write_export(
    tmp_path: Path,
    stem: str,
    tree: Tree,
    *,
    zipped: bool = True,
    parts: int = 1,
    wrapper: bool = False,
    garble: bool = True,
    extra_files: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``tree`` (member path -> content) as a zip, several zips or a folder."""
    files = {**tree, **(extra_files or {})}
    encoded = {
        (f"{stem}/{path}" if wrapper else path): dump(
            content, garble=garble and path.endswith(".json")
        )
        for path, content in files.items()
        if content is not None
    }
    tmp_path.mkdir(parents=True, exist_ok=True)
    if not zipped:
        root = tmp_path / stem
        for path, data in encoded.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return root
    names = sorted(encoded)
    if parts <= 1:
        target = tmp_path / f"{stem}-a1b2c3d4.zip"
        _zip(target, {n: encoded[n] for n in names})
        return target
    folder = tmp_path / f"{stem}-parts"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(parts):
        chunk = {n: encoded[n] for i, n in enumerate(names) if i % parts == index}
        _zip(folder / f"{stem}-{index:04d}part{index}.zip", chunk)
    return folder


def _zip(target: Path, files: Mapping[str, bytes]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)


# -- Facebook ------------------------------------------------------------------------
def thread_doc(title: str, people: tuple[str, ...], msgs: tuple[Any, ...]) -> dict[str, Any]:
    """A DYI ``message_1.json`` document (newest message first)."""
    out = []
    for sender, ms, kind in sorted(msgs, key=lambda m: -m[1]):
        msg: dict[str, Any] = {
            "sender_name": sender,
            "timestamp_ms": ms,
            "is_geoblocked_for_viewer": False,
        }
        if kind == "text":
            msg["content"] = f"{SECRET_TEXT} ciao è così"
        elif kind == "media":
            msg["photos"] = [{"uri": "messages/photos/1.jpg", "creation_timestamp": ms // 1000}]
        elif kind == "deleted":
            msg["is_unsent"] = True
        else:
            msg["call_duration"] = 61
            msg["content"] = f"{SECRET_TEXT} call"
        out.append(msg)
    return {
        "participants": [{"name": p} for p in people],
        "messages": out,
        "title": title,
        "is_still_participant": True,
        "thread_path": "inbox/x_1",
        "magic_words": [],
    }


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
    logged = "where_you_re_logged_in.json" if layout == "2026" else "where_you're_logged_in.json"
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
    if layout in ("2024", "2026"):
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
    if layout == "2026":
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


def build_facebook_export(
    tmp_path: Path,
    layout: str = "2024",
    fmt: str = "json",
    *,
    zipped: bool = True,
    parts: int = 1,
    wrapper: bool = True,
    mojibake: bool = True,
    extra_files: Mapping[str, Any] | None = None,
    username: str = "zoeferrari",
) -> Path:
    """Write the persona's Facebook export; returns the zip, the parts folder or the folder."""
    tree = facebook_tree(layout)
    if fmt == "html":
        tree = html.facebook_html_tree(tree, layout)
    stem = f"facebook-{username}-{EXPORT_DATE}"
    return write_export(
        tmp_path,
        stem,
        tree,
        zipped=zipped,
        parts=parts,
        wrapper=wrapper,
        garble=mojibake,
        extra_files=extra_files,
    )


def build_instagram_export(
    tmp_path: Path,
    layout: str = "2023",
    fmt: str = "json",
    *,
    zipped: bool = True,
    parts: int = 1,
    wrapper: bool = True,
    mojibake: bool = True,
    extra_files: Mapping[str, Any] | None = None,
    username: str = "zoe_ig",
) -> Path:
    """Write the persona's Instagram export (see :mod:`meta_builders_ig`)."""
    tree = ig.instagram_tree(layout)
    if fmt == "html":
        tree = html.instagram_html_tree(tree, layout)
    stem = f"instagram-{username}-{EXPORT_DATE}"
    return write_export(
        tmp_path,
        stem,
        tree,
        zipped=zipped,
        parts=parts,
        wrapper=wrapper,
        garble=mojibake,
        extra_files=extra_files,
    )


def build_messenger_export(
    tmp_path: Path,
    fmt: str = "json",
    *,
    secure_storage: bool = False,
    zipped: bool = True,
    wrapper: bool = False,
    mojibake: bool = True,
    extra_files: Mapping[str, Any] | None = None,
) -> Path:
    """A Messenger-only export: DYI threads + contacts, or the E2EE secure-storage zip."""
    tree: Tree = {}
    if secure_storage:
        for title, (people, msgs) in MSG_THREADS.items():
            tree[f"{title.split()[0].lower()}_1.json"] = {
                "participants": list(people),
                "threadName": title,
                "messages": [
                    {
                        "senderName": s,
                        "timestamp": ms,
                        "text": SECRET_TEXT,
                        "type": {"deleted": "text", "system": "placeholder"}.get(k, k),
                        "media": [{"uri": "./media/x.jpeg"}] if k == "media" else [],
                        "isUnsent": k == "deleted",
                        "reactions": [],
                    }
                    for s, ms, k in msgs
                ],
            }
        stem = "messenger-secure-storage"
    else:
        base = "your_facebook_activity"
        for index, (title, (people, msgs)) in enumerate(MSG_THREADS.items()):
            tree[f"{base}/messages/inbox/t{index}_{index}/message_1.json"] = thread_doc(
                title, people, msgs
            )
        tree["personal_information/other_personal_information/your_address_books.json"] = {
            "address_book_v2": {
                "address_book": [
                    {
                        "name": n,
                        "details": [{"contact_point": p} for p in pts],
                        "created_timestamp": ts,
                    }
                    for n, pts, ts in FB_ADDRESS_BOOK
                ]
            }
        }
        tree[f"{base}/messages/autofill_information.json"] = {
            "autofill_information_v2": {"PHONE": [OWNER_PHONE], "FULL_NAME": [OWNER]}
        }
        stem = f"messenger-zoe-{EXPORT_DATE}"
        if fmt == "html":
            tree = html.facebook_html_tree(tree, "2024")
    return write_export(
        tmp_path,
        stem,
        tree,
        zipped=zipped,
        wrapper=wrapper,
        garble=mojibake,
        extra_files=extra_files,
    )
