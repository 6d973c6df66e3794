"""Messenger's end-to-end encrypted chat download ("Download secure storage data").

Since the E2EE rollout, encrypted Messenger chats are not in Facebook's DYI export but
in this separate zip: one JSON per thread at the root (camelCase keys, ``timestamp`` in
milliseconds, participants as plain strings) and media under ``media/``.
Only the English persona has one.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from privacy_audit.demo._base import days, meta_json, to_datetime, zip_bytes
from privacy_audit.demo.chats import FAKE_JPEG
from privacy_audit.demo.threads import LINES
from privacy_audit.demo.world import World


def messenger_export(world: World, rng: random.Random) -> dict[str, bytes]:
    """File name -> bytes of the persona's Messenger secure-storage zip (maybe none)."""
    p = world.persona
    if p.lang != "en":
        return {}
    members: dict[str, bytes] = {}
    partners = [world.book[1], world.book[3]]
    for index, contact in enumerate(partners):
        thread_name = f"{contact.name}_{40 + index * 17}"
        members[f"{thread_name}.json"] = meta_json(
            _thread(world, contact.name, thread_name, members)
        )
    name = f"secure_storage_{p.fb_username}_{to_datetime(p.export_time):%Y-%m-%d}.zip"
    return {name: zip_bytes(members, to_datetime(p.export_time))}


def _thread(
    world: World, other: str, thread_name: str, members: dict[str, bytes]
) -> dict[str, Any]:
    rng = world.rng(f"e2ee-{thread_name}")
    p = world.persona
    times = world.times(rng, p.export_time - days(700), p.export_time - days(1), 25 * world.scale)
    messages: list[dict[str, Any]] = []
    for t in reversed(times):
        message: dict[str, Any] = {
            "senderName": rng.choice((p.full_name, other)),
            "timestamp": t * 1000 + rng.randrange(1000),
            "text": rng.choice(LINES["en"]),
            "type": "text",
            "media": [],
            "reactions": [],
            "isUnsent": False,
        }
        if not members and not messages:
            media = f"media/{uuid.UUID(int=rng.getrandbits(128), version=4)}.jpeg"
            members[media] = FAKE_JPEG
            message.update(type="media", text="", media=[{"uri": f"./{media}"}])
        if rng.random() < 0.1:
            message["reactions"] = [{"actor": other, "reaction": "❤"}]
        messages.append(message)
    return {"participants": [p.full_name, other], "threadName": thread_name, "messages": messages}
