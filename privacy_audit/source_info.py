"""What an export is and which tables the evidence has, without pandas.

:class:`SourceInfo` (one imported export and what was found in it), the services and the
table schemas are plain data: the command line summarises a small chat with them without
loading pandas. :mod:`privacy_audit.model` re-exports them next to the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

SERVICES: tuple[str, ...] = ("facebook", "instagram", "messenger", "whatsapp")

#: table name -> {column: kind}; kind is one of "str", "time", "int", "bool".
SCHEMAS: dict[str, dict[str, str]] = {
    "identifiers": {
        "service": "str",
        "kind": "str",  # phone | email | username | name
        "value": "str",  # normalized (E.164 for valid phones, lower-case email)
        "raw": "str",  # as found in the export
        "valid": "bool",  # phones: False when it could not be parsed
        "source_file": "str",
    },
    "contacts": {
        "service": "str",
        "origin": "str",  # address_book | synced_contacts | whatsapp_contacts | friends |
        # followers | following | messenger_contacts | chat_participant | group_member
        "name": "str",
        "phone_raw": "str",
        "phone_e164": "str",
        "phone_valid": "bool",
        "email": "str",
        "created_at": "time",
        "source_file": "str",
    },
    "activity": {
        "service": "str",
        "kind": "str",  # login | logout | session | ip | device | registration | ...
        "timestamp": "time",
        "ip": "str",
        "device": "str",
        "user_agent": "str",
        "location": "str",
        "source_file": "str",
    },
    "off_platform": {
        "service": "str",
        "app": "str",
        "event": "str",
        "timestamp": "time",
        "source_file": "str",
    },
    "advertisers": {
        "service": "str",
        "name": "str",
        "relation": "str",  # uploaded_list | used_activity | interacted
        "source_file": "str",
    },
    "linked_accounts": {
        "service": "str",
        "account": "str",
        "linked_to": "str",
        "via": "str",  # accounts_center | business_page | ...
        "linked_at": "time",
        "source_file": "str",
    },
    "settings": {
        "service": "str",
        "key": "str",
        "value": "str",
        "source_file": "str",
    },
    "suggestions": {
        "service": "str",
        "origin": "str",  # people_you_may_know | suggested_friends
        "name": "str",
        "phone_raw": "str",  # when the suggestion carries a number
        "phone_e164": "str",
        "suggested_at": "time",
        "source_file": "str",
    },
    "messages": {
        "service": "str",
        "chat": "str",
        "is_group": "bool",
        "sender": "str",
        "sender_phone_raw": "str",
        "sender_phone_e164": "str",
        "timestamp": "time",
        "kind": "str",  # text | media | system | deleted
        "source_file": "str",
    },
    "groups": {
        "service": "str",
        "name": "str",
        "members": "int",  # -1 when unknown
        "source_file": "str",
    },
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)


def text_value(value: Any) -> str | None:
    """A value as a text column of the tables holds it: None for None and ``""``, else
    its ``str``."""
    return None if value is None or value == "" else str(value)


@dataclass
class SourceInfo:
    """One imported export (one service) and what was found in it."""

    path: str  # display path (first part); never opened again from here
    service: str  # facebook | instagram | messenger | whatsapp
    kind: str  # dyi | account_report | chat
    format: str  # json | html | txt | mixed
    layout: str  # e.g. facebook-2024, facebook-2020, facebook-2018, instagram-2023 ...
    parts: list[str] = field(default_factory=list)
    files_recognized: list[str] = field(default_factory=list)
    files_unrecognized: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    export_date: datetime | None = None  # when the export was made, if known
    chat: dict[str, Any] | None = None  # chat stats for WhatsApp chat exports
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The ``inspect --json`` shape of this source."""
        data: dict[str, Any] = {
            "path": self.path,
            "service": self.service,
            "kind": self.kind,
            "format": self.format,
            "layout": self.layout,
            "parts": self.parts,
            "files_recognized": self.files_recognized,
            "files_unrecognized": self.files_unrecognized,
            "tables": self.tables,
            "warnings": self.warnings,
            "export_date": self.export_date.isoformat() if self.export_date else None,
        }
        if self.chat is not None:
            data["chat"] = self.chat
        for key in ("overlap", "not_read"):
            if key in self.extra:
                data[key] = self.extra[key]
        return data
