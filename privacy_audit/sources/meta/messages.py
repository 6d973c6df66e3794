"""Message threads of Facebook, Messenger and Instagram: metadata only, never the text.

JSON threads (``message_N.json``) are parsed with orjson and only the fields we keep
(title, participants, sender, time, kind) are mojibake-repaired; message text is never
decoded into a row. Rows go to the sink as one frame per file (fast path).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

import orjson
import pandas as pd

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.reader import BAD_FILE, ODD_FILE, MetaReader, millis, text
from privacy_audit.sources.text import fix_mojibake, parse_json

BOM = b"\xef\xbb\xbf"

_MEDIA_SET = frozenset(("photos", "videos", "audio_files", "files", "gifs", "sticker", "media"))
_SYSTEM_TYPES = {"call", "subscribe", "unsubscribe", "placeholder", "system"}


@lru_cache(maxsize=65536)
def clean_name(value: str) -> str | None:
    """A sender/chat name repaired (mojibake), NFC-normalized and stripped."""
    fixed = unicodedata.normalize("NFC", fix_mojibake(value)).strip()
    return fixed or None


def message_kind(msg: dict[str, Any]) -> str:
    """text | media | system | deleted for one DYI or secure-storage message."""
    if msg.get("is_unsent") or msg.get("isUnsent"):
        return "deleted"
    if not _MEDIA_SET.isdisjoint(msg) and any(msg.get(k) for k in _MEDIA_SET):
        return "media"
    kind = msg.get("type")
    if kind:
        kind = str(kind).lower()
        if kind == "media":
            return "media"
        if kind in _SYSTEM_TYPES:
            return "system"
    if "call_duration" in msg:
        return "system"
    if msg.get("content") or msg.get("text") or msg.get("share"):
        return "text"
    return "system"


def _participants(data: dict[str, Any]) -> list[str]:
    names = []
    people = data.get("participants")
    for p in people if isinstance(people, list) else []:
        raw = p.get("name") if isinstance(p, dict) else p
        name = clean_name(raw) if isinstance(raw, str) else None
        if name:
            names.append(name)
    return names


def thread_json(r: MetaReader, member: Member) -> None:
    """Read one ``message_N.json`` (DYI) or secure-storage thread file into ``messages``."""
    raw = r.raw(member)
    if raw is None:
        return
    try:
        data = parse_json(raw[3:] if raw.startswith(BOM) else raw)  # text is never repaired
    except orjson.JSONDecodeError:
        r.warn(BAD_FILE, member)
        return
    del raw
    try:
        _thread(r, member, data)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        r.warn(ODD_FILE, member)


def _thread(r: MetaReader, member: Member, data: Any) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        r.warn(ODD_FILE, member)
        return
    people = _participants(data)
    title_raw = data.get("title") or data.get("threadName")
    title = clean_name(title_raw) if isinstance(title_raw, str) else None
    r.thread_people.append((member.path, title, people))
    if not title:
        title = ", ".join(people[1:] or people) or None
    is_group = (
        len(people) > 2
        or bool(data.get("joinable_mode"))
        or (str(data.get("thread_type") or "").lower() == "regulargroup")
    )
    senders: list[str | None] = []
    times: list[float | None] = []
    kinds: list[str] = []
    for msg in data["messages"]:
        if not isinstance(msg, dict):
            continue
        sender = msg.get("sender_name") or msg.get("senderName")
        senders.append(clean_name(sender) if isinstance(sender, str) else None)
        times.append(millis(msg.get("timestamp_ms") or msg.get("timestamp")))
        kinds.append(message_kind(msg))
    r.sink.recognized(member.path)
    if not kinds:
        return
    add_message_frame(r, member, title, is_group, senders, times, kinds)


def add_message_frame(
    r: MetaReader,
    member: Member,
    chat: str | None,
    is_group: bool,
    senders: list[str | None],
    times: list[float | None],
    kinds: list[str],
) -> None:
    """Add one thread's messages as a frame (times are epoch seconds or None)."""
    stamps = pd.to_datetime(
        pd.array([t if t is not None else pd.NA for t in times], dtype="Float64"),
        unit="s",
        utc=True,
        errors="coerce",
    )
    newest = max((t for t in times if t is not None), default=0.0)
    r.newest = max(r.newest, newest)
    n = len(kinds)
    frame = pd.DataFrame(
        {
            "chat": [chat] * n,
            "is_group": [is_group] * n,
            "sender": senders,
            "timestamp": stamps,
            "kind": kinds,
            "source_file": [member.path] * n,
        }
    )
    r.sink.add_frame("messages", frame)


def thread_label(value: Any) -> str | None:
    """A thread or sender label from HTML text (already proper UTF-8)."""
    found = text(value)
    return unicodedata.normalize("NFC", found) if found else None
