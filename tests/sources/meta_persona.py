"""The synthetic persona of the Meta export builders, and its message threads.

Tests assert on these constants; message texts contain :data:`SECRET_TEXT`, which must
never reach any table.
"""

from __future__ import annotations

from typing import Any

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
#: "People you may know" (2025-26 label_values): a friend, an uploaded contact who is
#: not a friend, and a stranger; ``suggested_friends``: the uploaded "Mamma"
FB_SUGGESTIONS = ("Luca Rossi", "François Dupont", "Giorgio Neri")
FB_SUGGESTIONS_AT = 1700000000
FB_SUGGESTED_FRIENDS = (("Mamma", 1680000000),)
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
#: 2018-19 exports only: numbers from the phone's call and SMS logs (number -> name)
FB_CALL_LOG = {"+39 351 000 2222": "Zio Piero"}
FB_SMS_LOG = {"+39 351 000 3333": "Dentista"}
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
