"""Message threads in Meta's ``message_N.json`` shape (Facebook Messenger, Instagram)."""

from __future__ import annotations

from typing import Any

from privacy_audit.demo._base import days
from privacy_audit.demo.world import World

#: Messenger lines per language (the message text is never imported, but it is real)
LINES = {
    "it": (
        "Ciao! Come va?",
        "Tutto bene, tu?",
        "Ci vediamo stasera?",
        "Perché no, alle 20 in piazza Maggiore 😊",
        "Ho visto le foto, bellissime!",
        "Grazie mille ❤️",
        "Mi mandi il numero del idraulico?",
        "Certo, è nella rubrica, te lo giro",
        "Buon compleanno!! 🎉",
        "A più tardi",
    ),
    "en": (
        "Hey! How's it going?",
        "Good, you?",
        "Still on for tonight?",
        "Yep, 8pm at the usual place 🍻",
        "Loved the photos!",
        "Thanks ❤️",
        "Can you send me the plumber's number?",
        "Sure, it's in my contacts, forwarding it now",
        "Happy birthday!! 🎉",
        "See you later",
    ),
}


def thread_messages(
    world: World, salt: str, other: str, count: int, start: int, folder: str
) -> list[dict[str, Any]]:
    """``count`` Meta message records (newest first) between the persona and ``other``.

    ``folder`` is the thread's folder in the export (photo ``uri`` values start with it).
    """
    rng = world.rng(salt)
    p = world.persona
    times = world.times(rng, start, p.export_time - days(1), count)
    lines = LINES[p.lang]
    out = []
    for t in reversed(times):
        record: dict[str, Any] = {
            "sender_name": rng.choice((p.full_name, other)),
            "timestamp_ms": t * 1000 + rng.randrange(1000),
        }
        if rng.random() < 0.1:
            record["photos"] = [
                {"uri": f"{folder}/photos/{t}_{rng.randrange(10**9)}.jpg", "creation_timestamp": t}
            ]
        else:
            record["content"] = rng.choice(lines)
        record["is_geoblocked_for_viewer"] = False
        record["is_unsent_image_by_messenger_kid_parent"] = False
        out.append(record)
    return out


def facebook_threads(world: World) -> dict[str, Any]:
    """Messenger threads of the Facebook export: member path -> message_1.json data."""
    p = world.persona
    rng = world.rng("fb-threads")
    out: dict[str, Any] = {}
    partners = [*world.book[:4:2], *world.book[5:6]]
    for index, contact in enumerate(partners):
        slug = "".join(ch for ch in contact.name.lower() if ch.isalnum() and ch.isascii())
        thread_id = f"{slug}_{10000000000000000 + rng.randrange(10**16)}"
        path = f"inbox/{thread_id}"
        messages = thread_messages(
            world,
            f"fb-thread-{index}",
            contact.name,
            (30 - index * 8) * world.scale,
            p.export_time - days(720),
            f"your_facebook_activity/messages/{path}",
        )
        out[f"your_facebook_activity/messages/{path}/message_1.json"] = {
            "participants": [{"name": contact.name}, {"name": p.full_name}],
            "messages": messages,
            "title": contact.name,
            "is_still_participant": True,
            "thread_path": path,
            "magic_words": [],
        }
    return out
