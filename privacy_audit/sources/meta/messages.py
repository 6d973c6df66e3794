"""Message threads of Facebook, Messenger and Instagram: metadata only, never the text.

JSON threads (``message_N.json``) are parsed with orjson and only the fields we keep
(title, participants, sender, time, kind) are mojibake-repaired; message text is never
decoded into a row. Every thread adds its messages to the reader's
:class:`~privacy_audit.sources.meta.message_columns.MessageColumns` (or only counts them
in a :class:`~privacy_audit.sources.meta.message_counts.MessageCounts` when the caller
needs no tables); :func:`flush_messages` adds them as one table at the end of the export.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import orjson

from privacy_audit.sources.archive import Member
from privacy_audit.sources.meta.message_counts import (
    LEFT_OUT,
    MEDIA_KEYS,
    SYSTEM_TYPES,
    clean_name,
)
from privacy_audit.sources.meta.reader import BAD_FILE, ODD_FILE, MetaReader, text
from privacy_audit.sources.text import parse_json

BOM = b"\xef\xbb\xbf"


def message_kind(msg: dict[str, Any]) -> str:
    """text | media | system | deleted for one DYI or secure-storage message (the
    per-message rule that :class:`MessageColumns` applies on whole columns)."""
    if msg.get("is_unsent") or msg.get("isUnsent"):
        return "deleted"
    if not MEDIA_KEYS.isdisjoint(msg) and any(msg.get(k) for k in MEDIA_KEYS):
        return "media"
    kind = msg.get("type")
    if kind:
        kind = str(kind).lower()
        if kind == "media":
            return "media"
        if kind in SYSTEM_TYPES:
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
    messages = data["messages"]
    if set(map(type, messages)) != {dict}:  # not only messages (rare): keep the dicts
        messages = [m for m in messages if isinstance(m, dict)]
    r.sink.recognized(member.path)
    if messages:
        fits = r.messages.room(len(messages))
        r.messages.add_json_thread(title, is_group, member.path, messages[:fits])


def add_message_frame(
    r: MetaReader,
    member: Member,
    chat: str | None,
    is_group: bool,
    senders: list[str | None],
    times: list[float | None],
    kinds: list[str],
) -> None:
    """Add one thread's messages whose kinds are decided (times: epoch seconds or None)."""
    fits = r.messages.room(len(kinds))
    if fits:
        r.messages.add_decided_thread(
            chat, is_group, member.path, senders[:fits], times[:fits], kinds[:fits]
        )


def flush_messages(r: MetaReader) -> None:
    """Add the ``messages`` table of every thread read (one frame), warn about messages
    left out over the cap; before :meth:`MetaReader.finish` (it may date the export)."""
    columns = r.messages
    r.newest = max(r.newest, columns.flush(r.sink))
    if columns.left_out:
        r.sink.warn(
            r.ctx.tr.gettext(LEFT_OUT).format(
                cap=columns.cap, skipped=columns.left_out, files=columns.left_out_files
            )
        )


def thread_label(value: Any) -> str | None:
    """A thread or sender label from HTML text (already proper UTF-8)."""
    found = text(value)
    return unicodedata.normalize("NFC", found) if found else None
