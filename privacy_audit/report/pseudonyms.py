"""Pseudonyms and masks for one audit's personal data: single values and free text.

A :class:`Pseudonymizer` is built from the evidence of one audit. It knows every
person's name, account, phone number, chat and device in it and gives each a stable
pseudonym ("Contact 12" / "Contatto 12", "Chat 3", "Device 2", "Account 1", "You" for the
person themselves); phone numbers keep their country code and last two digits, emails
their first letter and top-level domain, IPv4 addresses their first two parts. Free text
(summaries, cards, letters, file names such as "WhatsApp Chat with <name>.txt") is
scrubbed for every known value and for anything shaped like an email, an IP or a phone
number. Text is NFC-normalised first (macOS writes file names in NFD). File names are
masked by shape too: the user part of a Meta download or wrapper folder
(``facebook-•••-2026-11-18-….zip``) and the name of a Messenger thread folder
(``inbox/•••_123/``), whether or not the name is known. The person's own names
and usernames are also found written joined or without accents ("giuliaferraro").
Companies (advertisers, off-Meta apps) are not people and keep their names.

Decision on devices: device names can carry a person's name ("Giulia's iPhone"), so
they become "Device N", consistently across every table and output format.
:mod:`privacy_audit.report.redact` applies it to whole tables and audit results.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import pandas as pd

from privacy_audit.i18n import N_, Translator, translator
from privacy_audit.model import Evidence
from privacy_audit.report.fmt import is_missing
from privacy_audit.report.masks import (
    EMAIL,
    ENUM_COLUMNS,
    IPV4,
    IPV6,
    NOT_PERSONAL,
    PHONE,
    WORDS,
    digits_of,
    field_kind,
    ipv4_ok,
    key_of,
    keys_of,
    mask_email,
    mask_file_names,
    mask_phone,
    name_spellings,
    truncate_ip,
)

LABELS = {
    "contact": N_("Contact {n}"),
    "chat": N_("Chat {n}"),
    "group": N_("Group {n}"),
    "account": N_("Account {n}"),
    "device": N_("Device {n}"),
}
YOU = N_("You")
#: the kinds whose names are also looked for joined or without accents: the person's own
#: names and usernames, which name their downloads and folders ("giuliaferraro92");
#: other people's names in file names are masked by the file names' shape instead
_SPELLED = frozenset({"you", "account"})


class Pseudonymizer:
    """Stable pseudonyms and masks for one audit's personal values and text (see module doc)."""

    def __init__(
        self,
        evidence: Evidence,
        tr: Translator | None = None,
        crossref: dict[str, Any] | None = None,
    ) -> None:
        self.tr = tr or translator("en")
        self._kinds: dict[str, str] = {}  # person/chat/account key -> kind of pseudonym
        self._names: dict[str, str] = {}  # key -> pseudonym, numbered on first use
        self._devices: dict[str, str] = {}
        self._counters: dict[str, int] = {}
        self._orgs: set[str] = set()
        self._phone_tails: set[str] = set()
        self._by_word: dict[str, list[str]] = {}  # first word -> keys
        self._alias: dict[str, str] = {}  # a name's other spelling -> its key
        self._learn(evidence)
        for table, column in (("advertisers", "name"), ("off_meta_top", "app")):
            frame = (crossref or {}).get(table)
            if isinstance(frame, pd.DataFrame) and column in frame:
                self._orgs |= set(keys_of(frame[column]))
        # a name that Meta lists as an advertiser or an app is a company: it keeps its name
        for key in self._orgs & set(self._kinds):
            del self._kinds[key]
        self._alias = {
            v: k for v, k in self._alias.items() if k in self._kinds and v not in self._orgs
        }
        self._by_word = {
            word: [k for k in keys if k in self._kinds or k in self._alias]
            for word, keys in self._by_word.items()
        }

    # -- building the maps -------------------------------------------------------
    def _label(self, kind: str) -> str:
        if kind == "you":
            return self.tr.gettext(YOU)
        self._counters[kind] = self._counters.get(kind, 0) + 1
        return self.tr.gettext(LABELS[kind]).format(n=self._counters[kind])

    def _pseudonym(self, key: str) -> str:
        key = self._alias.get(key, key)
        if key not in self._names:
            self._names[key] = self._label(self._kinds[key])
        return self._names[key]

    def _register(self, values: Iterable[Any], kind: str) -> None:
        series = pd.Series(list(values), dtype=object).dropna()
        if series.empty:
            return
        keys = keys_of(series)
        firsts = keys.str.extract(r"([^\W_]+)", expand=False)
        for key, first in zip(keys.tolist(), firsts.tolist(), strict=True):
            if key and key not in self._kinds and key not in NOT_PERSONAL:
                self._kinds[key] = kind
                if isinstance(first, str):
                    self._by_word.setdefault(first, []).append(key)
                if kind in _SPELLED and (" " in key or "." in key or "_" in key):
                    self._add_spellings(key)

    def _add_spellings(self, key: str) -> None:
        """The other spellings of the person's name or a username in file and folder
        names, a username read as a name: joined ("giuliaferraro", from "giulia ferraro"
        or "giulia.ferraro"), joined without accents or punctuation ("niccolodellacqua")."""
        for spelling in name_spellings(key):
            first = WORDS.search(spelling)
            if first and spelling not in self._kinds and spelling not in self._alias:
                self._alias[spelling] = key
                self._by_word.setdefault(first.group(), []).append(spelling)

    def _phones(self, values: Iterable[Any]) -> None:
        series = pd.Series(list(values), dtype=object).dropna().astype(str)
        if series.empty:
            return
        digits = series.str.replace(r"\D+", "", regex=True).drop_duplicates()
        lengths = digits.str.len()
        # the number as written, without its country code, and with a trunk 0
        for cut in range(4):
            tails = digits[lengths - cut >= 7].str[cut:]
            self._phone_tails.update(tails.tolist())
            self._phone_tails.update(("0" + tails).tolist())

    def _learn(self, evidence: Evidence) -> None:
        tables = evidence.tables
        ids = tables.get("identifiers")
        if ids is not None and len(ids):
            self._register(ids.loc[ids["kind"] == "name", "value"].unique(), "you")
            self._register(ids.loc[ids["kind"] == "username", "value"].unique(), "account")
            phones = ids.loc[ids["kind"] == "phone"]
            self._phones(phones["value"].unique())
            self._phones(phones["raw"].unique())

        def column(table: str, name: str) -> list[Any]:
            frame = tables.get(table)
            if frame is None or name not in frame or not len(frame):
                return []
            return list(frame[name].dropna().unique())

        self._register(column("contacts", "name"), "contact")
        self._register(column("suggestions", "name"), "contact")
        self._register(column("messages", "sender"), "contact")
        self._register(column("messages", "chat"), "chat")
        self._register(column("groups", "name"), "group")
        for field in ("account", "linked_to"):
            values = [v for v in column("linked_accounts", field) if not self._is_contact(v)]
            self._register(values, "account")
        for table, field in (
            ("contacts", "phone_raw"),
            ("contacts", "phone_e164"),
            ("suggestions", "phone_raw"),
            ("suggestions", "phone_e164"),
            ("messages", "sender_phone_raw"),
            ("messages", "sender_phone_e164"),
        ):
            self._phones(column(table, field))
        self._orgs = set(keys_of(pd.Series(column("advertisers", "name"), dtype=object)))
        self._orgs |= set(keys_of(pd.Series(column("off_platform", "app"), dtype=object)))

    @staticmethod
    def _is_contact(value: Any) -> bool:
        text = str(value)
        return "@" in text or len(digits_of(text)) >= 7

    # -- single values -----------------------------------------------------------
    def name(self, value: Any, kind: str = "contact") -> Any:
        """The pseudonym of a person (or chat/group/account) name; new names get one too."""
        if is_missing(value):
            return value
        text = str(value)
        if "@" in text and EMAIL.fullmatch(text.strip()):
            return mask_email(text)
        key = key_of(text)
        if not key or key in self._orgs or key in NOT_PERSONAL:
            return value
        if key not in self._kinds and key not in self._alias:
            self._register([text], kind)
        return self._pseudonym(key)

    def device(self, value: Any) -> Any:
        """``Device N``, the same for the same device string."""
        if is_missing(value):
            return value
        key = key_of(str(value))
        if key not in self._devices:
            self._devices[key] = self._label("device")
        return self._devices[key]

    def value(self, field: str, value: Any) -> Any:
        """Redact ``value`` of an evidence field (one of PERSONAL_FIELDS or similar)."""
        if is_missing(value) or not isinstance(value, str):
            return value
        kind = field_kind(field)
        if kind == "phone":
            return mask_phone(value)
        if kind == "email":
            return mask_email(value) if "@" in value else self.text(value)
        if kind == "ip":
            return truncate_ip(value)
        if kind == "device":
            return self.device(value)
        if kind in ("account", "chat", "name"):
            key = key_of(value)
            if key in self._orgs or key in NOT_PERSONAL:
                return value
            if "@" in value and EMAIL.fullmatch(value.strip()):
                return mask_email(value)
            if len(digits_of(value)) >= 7 and PHONE.fullmatch(value.strip()):
                return mask_phone(value)
            return self.name(value, {"account": "account", "chat": "chat"}.get(kind, "contact"))
        return self.text(value)

    # -- free text ---------------------------------------------------------------
    def _name_pattern(self, text: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
        words = set(WORDS.findall(text.casefold()))
        found: list[tuple[str, str]] = []
        for word in words:
            for key in self._by_word.get(word, ()):
                if set(WORDS.findall(key)) <= words:
                    found.append((key, self._pseudonym(key)))
        if not found:
            return None
        found.sort(key=lambda kv: (-len(kv[0]), kv[0]))
        parts = []
        for key, _label in found:
            body = r"[\s_]+".join(re.escape(w) for w in key.split(" "))
            start = r"(?<![^\W_])" if key[:1].isalnum() else ""
            end = r"(?![^\W_])" if key[-1:].isalnum() else ""
            parts.append(f"{start}{body}{end}")
        return re.compile("|".join(parts), re.IGNORECASE), dict(found)

    def _is_phone(self, raw: str) -> bool:
        digits = digits_of(raw)
        if len(digits) < 7:
            return False
        return (raw.startswith("+") and len(digits) >= 8) or digits in self._phone_tails

    def _phone_sub(self, match: re.Match[str]) -> str:
        raw = match.group(0)
        if self._is_phone(raw):
            return mask_phone(raw)
        # the match may join a number with other figures: try runs of its digit groups
        groups = [(m.start(), m.end()) for m in re.finditer(r"\+?\d+", raw)]
        out, pos, i = [], 0, 0
        while i < len(groups):
            for j in range(len(groups) - 1, i - 1, -1):
                span = raw[groups[i][0] : groups[j][1]]
                if self._is_phone(span):
                    out += [raw[pos : groups[i][0]], mask_phone(span)]
                    pos, i = groups[j][1], j
                    break
            i += 1
        return "".join(out) + raw[pos:]

    @staticmethod
    def _ipv6_sub(match: re.Match[str]) -> str:
        raw = match.group(0)
        try:
            ipaddress.IPv6Address(raw)
        except ValueError:
            return raw
        return truncate_ip(raw)

    def text(self, value: Any) -> Any:
        """Free text with every known name, account, email, IP and phone number masked."""
        if not isinstance(value, str) or not value:
            return value
        text = value if value.isascii() else unicodedata.normalize("NFC", value)  # macOS: NFD
        text = mask_file_names(text)
        text = EMAIL.sub(lambda m: mask_email(m.group(0)), text)
        names = self._name_pattern(text)
        if names is not None:
            pattern, labels = names
            text = pattern.sub(lambda m: _label_for(m.group(0), labels), text)
        text = IPV4.sub(lambda m: truncate_ip(m.group(0)) if ipv4_ok(m) else m.group(0), text)
        text = IPV6.sub(self._ipv6_sub, text)
        return PHONE.sub(self._phone_sub, text)

    def deep(self, value: Any, field: str = "") -> Any:
        """Redact a JSON-like structure: personal keys by kind, every other string as text."""
        if isinstance(value, dict):
            return {k: self.deep(v, str(k)) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.deep(v, field) for v in value]
        if isinstance(value, str):
            if field in ENUM_COLUMNS:
                return value
            return self.value(field, value) if field_kind(field) else self.text(value)
        return value


def _label_for(found: str, labels: dict[str, str]) -> str:
    key = key_of(re.sub(r"[\s_]+", " ", found))
    if key in labels:
        return labels[key]
    words = WORDS.findall(found.casefold())
    for known, label in labels.items():
        if WORDS.findall(known) == words:
            return label
    return next(iter(labels.values()))
