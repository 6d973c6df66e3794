"""Importer for WhatsApp chat exports: a ``.txt``, or the ``.zip`` the phone makes.

Android names the file after the chat in the phone's language ("Chat WhatsApp con
Marco.txt"); iOS always zips a ``_chat.txt`` inside "WhatsApp Chat - Marco.zip". Only
the text is read, never the media. Parsing is in
:mod:`privacy_audit.sources.whatsapp.chat.parse`; this module finds the chat files,
names the chats, and fills ``messages`` (metadata only), ``contacts`` (senders shown as
phone numbers: ``chat_participant``; numbers in group system lines: ``group_member``)
and ``SourceInfo.chat``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.model import SourceSink
from privacy_audit.progress import check
from privacy_audit.sources.archive import ExportArchive, Member
from privacy_audit.sources.base import Detection, LoadContext
from privacy_audit.sources.whatsapp.chat import patterns as pat
from privacy_audit.sources.whatsapp.chat.locale import CHAT_NAME_PREFIXES

if TYPE_CHECKING:  # the parser (numpy) is imported when a chat is read, not to detect one
    from privacy_audit.sources.whatsapp.chat.parse import ParsedChat

_SNIFF_BYTES = 64 * 1024
_MB = 1024 * 1024
_MAX_CHAT_FILES = 50
_COPY_SUFFIX = re.compile(r"\s*\(\d+\)$")


def chat_name_from_file(name: str) -> str | None:
    """The chat's name from an export file name in any supported language, or None.

    ``Chat WhatsApp con Marco.txt`` -> ``Marco``; ``WhatsApp_Chat_with_Anna.zip`` ->
    ``Anna``; ``_chat.txt`` -> None.
    """
    stem = PurePosixPath(name).name
    for suffix in (".txt", ".zip"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = _COPY_SUFFIX.sub("", unicodedata.normalize("NFC", stem)).strip()
    spaced = stem.replace("_", " ")
    for prefix in CHAT_NAME_PREFIXES:
        if spaced.lower().startswith(prefix.lower()):
            found = stem[len(prefix) :].strip()
            if "_" in stem[: len(prefix)] and " " not in found:
                found = found.replace("_", " ")
            return found or None
    if stem.lower() in ("_chat", "chat", ""):
        return None
    return stem


def _chat_members(archive: ExportArchive) -> list[Member]:
    """Text members that may be chats (``_chat.txt`` and named chat files first)."""
    texts = [m for m in archive.members if m.suffix == ".txt"]
    texts.sort(key=lambda m: (m.name.lower() != "_chat.txt", m.path))
    return texts[:_MAX_CHAT_FILES]


def _sniff(archive: ExportArchive, member: Member) -> str | None:
    """The header shape of ``member`` from its first bytes, or None when not a chat.

    Only the head is read, whatever the member's size: a chat over the size cap is
    still recognised as a chat, and then called too large (:func:`_too_large`).
    """
    head = archive.head(member, _SNIFF_BYTES)
    head = head.replace(b"\xef\xbb\xbf", b"").replace(b"\r\n", b"\n")
    return pat.pick_shape(b"\n" + head)


def _too_large(archive: ExportArchive, member: Member) -> InputError | None:
    """The error for a chat file over the size cap (with the cap), or None."""
    if member.size <= archive.max_member_bytes:
        return None
    return InputError(
        N_("The chat {member} is too large to be read: {size} MB, the limit is {limit} MB."),
        archive.path,
        N_("Export the chat again without media; a longer chat cannot be read."),
        member=member.name,
        size=member.size // _MB,
        limit=archive.max_member_bytes // _MB,
    )


class _Importer:
    service = "whatsapp"

    def detect(self, archive: ExportArchive) -> Detection | None:
        """A WhatsApp chat when a text member starts with WhatsApp message headers."""
        non_media = [m for m in archive.members if not m.is_media]
        if any(m.suffix in (".json", ".html") for m in non_media):
            return None  # a report or a DYI export, not a chat
        for member in _chat_members(archive):
            shape = _sniff(archive, member)
            if shape is not None:
                layout = "whatsapp-chat-ios" if shape == "ios" else "whatsapp-chat-android"
                return Detection("whatsapp", "chat", "txt", layout, score=10)
        return None

    def load(
        self, archive: ExportArchive, detection: Detection, sink: SourceSink, ctx: LoadContext
    ) -> None:
        """Parse every chat file of the export into ``sink``."""
        from privacy_audit.sources.whatsapp.chat.parse import NotAChat, parse_chat

        members = _chat_members(archive)
        parsed: list[ParsedChat] = []
        default_order = pat.locale_date_order()
        for index, member in enumerate(members):
            check(ctx.cancel)
            ctx.progress(index / max(1, len(members)), member.name)
            too_large = _too_large(archive, member)
            if too_large is not None:  # told, never dropped silently; other chats still read
                sink.warn(too_large.render(ctx.tr))
                continue
            try:
                data = archive.read_bytes(member)
            except InputError as exc:
                sink.warn(exc.render(ctx.tr))
                continue
            name = chat_name_from_file(member.name)
            if name is None:
                name = chat_name_from_file(archive.display_name)
            try:
                chat = parse_chat(data, chat_name=name, default_order=default_order)
            except NotAChat:
                if len(members) == 1:
                    sink.warn(ctx.tr.gettext(N_("The chat file holds no WhatsApp messages.")))
                continue
            sink.recognized(member.path)
            chat_name = unicodedata.normalize("NFC", name or archive.display_name)
            self._add(chat, chat_name, member.path, sink)
            self._warn(chat, sink, ctx)
            if chat.business and not chat.is_group:  # a chat with a WhatsApp Business account
                sink.info.extra["business"] = True
                names = sink.info.extra.setdefault("business_chats", [])
                if chat_name not in names:
                    names.append(chat_name)
            parsed.append(chat)
        ctx.progress(1.0, "")
        sink.info.chat = _summary(parsed)
        if sink.info.extra.get("business_chats"):
            sink.info.chat["business"] = True

    @staticmethod
    def _add(chat: ParsedChat, name: str, source: str, sink: SourceSink) -> None:
        def messages() -> Any:  # made only when the tables are built
            frame = chat.frame.drop(columns=["edited"])
            frame["chat"] = name
            frame["is_group"] = chat.is_group
            frame["source_file"] = source
            return frame

        sink.add_frame_later("messages", chat.messages, messages)
        for phone in chat.sender_phones():
            sink.add("contacts", origin="chat_participant", phone_raw=phone, source_file=source)
        for phone in chat.group_numbers:
            sink.add("contacts", origin="group_member", phone_raw=phone, source_file=source)

    @staticmethod
    def _warn(chat: ParsedChat, sink: SourceSink, ctx: LoadContext) -> None:
        tr = ctx.tr
        if chat.ambiguous_order:
            order = {
                "dmy": tr.gettext(N_("day/month/year")),
                "mdy": tr.gettext(N_("month/day/year")),
                "ymd": tr.gettext(N_("year/month/day")),
            }[chat.date_order]
            sink.warn(
                tr.gettext(
                    N_("The dates in the chat could be read either way; they were read as {order}.")
                ).format(order=order)
            )
        if chat.rejected_headers:
            sink.warn(
                tr.ngettext(
                    "{n} line looked like a message but had an impossible date or time; "
                    "it was kept as part of the previous message.",
                    "{n} lines looked like messages but had impossible dates or times; "
                    "they were kept as part of the previous messages.",
                    chat.rejected_headers,
                ).format(n=chat.rejected_headers)
            )


def _summary(chats: list[ParsedChat]) -> dict[str, Any]:
    """``SourceInfo.chat`` for the export (several chat files are added up)."""
    from privacy_audit.sources.whatsapp.chat.parse import KINDS

    if not chats:
        return {
            "platform": None,
            "date_order": None,
            "clock": None,
            "messages": 0,
            "by_kind": dict.fromkeys(KINDS, 0),
            "senders": 0,
            "edited": 0,
        }
    main = max(chats, key=lambda c: c.messages)
    out = main.stats()
    if len(chats) > 1:
        out["messages"] = sum(c.messages for c in chats)
        out["by_kind"] = {k: sum(c.by_kind()[k] for c in chats) for k in KINDS}
        out["senders"] = len({s for c in chats for s in c.sender_names()})
        out["edited"] = sum(c.edited() for c in chats)
        out["chats"] = len(chats)
    return out


IMPORTER = _Importer()
