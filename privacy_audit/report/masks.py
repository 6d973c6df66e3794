"""Masks and patterns for redaction: phone numbers, emails, IPs, field kinds, name keys."""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata

import pandas as pd

from privacy_audit.analysis.result import PERSONAL_FIELDS

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
IPV4 = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d])")
IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
PHONE = re.compile(r"(?<![\w+])\+?\d[\d\s().\-/]{5,}\d(?!\w)")
WORDS = re.compile(r"[^\W_]+", re.UNICODE)
BULLET = "•"
#: the user part of a Meta download or wrapper folder: ``facebook-<user>-<date>``, at
#: the start of a path component (``secure_storage_<user>_<date>`` too)
EXPORT_NAME = re.compile(
    r"(?<![^/\\\s\"'(\[])(facebook|instagram|messenger|threads|meta|secure_storage)([-_])"
    r"([^/\\\s]+?)([-_])(\d{4}-\d{2}-\d{2}|\d{8})(?!\d)",
    re.IGNORECASE,
)
#: a Messenger thread folder, named after the other person, then the thread id
THREAD_FOLDER = re.compile(
    r"(?<![^/\\])(inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)"
    r"([/\\])([^/\\]+?)(_\d+)?(?=[/\\]|$)",
    re.IGNORECASE,
)
#: never personal: service ids and brand names found in account columns
NOT_PERSONAL = frozenset(
    {"facebook", "instagram", "messenger", "whatsapp", "meta", "accounts center", "threads"}
)
#: enumerations: never redacted
ENUM_COLUMNS = frozenset(
    {
        "service",
        "services",
        "kind",
        "origin",
        "relation",
        "relations",
        "via",
        "confidence",
        "event",
        "n_services",
        "in_off_meta",
        "in_whatsapp_business",
        "valid",
        "phone_valid",
        "is_group",
    }
)


def key_of(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def keys_of(values: pd.Series) -> pd.Series:
    """:func:`key_of` of every value, vectorized (names are NFC already in Evidence)."""
    text = values.dropna().astype(str)
    if text.empty:
        return pd.Series([], dtype=object)
    text = text.map(lambda v: unicodedata.normalize("NFC", v)) if len(text) < 1000 else text
    return text.str.casefold().str.split().str.join(" ")


_NON_DIGIT = re.compile(r"\D+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def mask_file_names(text: str) -> str:
    """``text`` with the user part of Meta download names and the name of Messenger
    thread folders masked, by their shape (the names need not be known)."""
    if "_" in text or "-" in text:
        text = EXPORT_NAME.sub(lambda m: f"{m[1]}{m[2]}{BULLET * 3}{m[4]}{m[5]}", text)
    if "/" in text or "\\" in text:
        text = THREAD_FOLDER.sub(lambda m: f"{m[1]}{m[2]}{BULLET * 3}{m[4] or ''}", text)
    return text


def name_spellings(key: str) -> set[str]:
    """Other spellings of a name key or username in file names: joined, and joined
    without accents or punctuation (only those of 6 characters or more)."""
    joined = re.sub(r"[\s._]+", "", key)
    folded = unicodedata.normalize("NFKD", key)
    folded = _NOT_ALNUM.sub("", "".join(c for c in folded if not unicodedata.combining(c)))
    return {s for s in (joined, folded) if len(s) >= 6 and s != key}


def digits_of(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def country_code(digits: str) -> str:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    for size in (1, 2, 3):
        if int(digits[:size] or 0) in COUNTRY_CODE_TO_REGION_CODE:
            return digits[:size]
    return ""


def mask_phone(value: str) -> str:
    """``+39 •••••••67``: country code and last two digits only."""
    digits = digits_of(value)
    if len(digits) < 4:
        return BULLET * 4
    prefix = ""
    if value.strip().startswith("+"):
        code = country_code(digits)
        prefix = f"+{code} " if code else "+"
    return f"{prefix}{BULLET * 7}{digits[-2:]}"


def mask_email(value: str) -> str:
    """``g•••@•••.it``: first letter and top-level domain only."""
    local, _, domain = value.strip().partition("@")
    tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
    return f"{local[:1]}{BULLET * 3}@{BULLET * 3}.{tld}" if tld else f"{local[:1]}{BULLET * 3}@"


def truncate_ip(value: str) -> str:
    """``93.44.x.x`` (IPv4) or ``2a01:e11::/32`` (IPv6); anything else is masked."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return BULLET * 4
    if address.version == 4:
        first, second = str(address).split(".")[:2]
        return f"{first}.{second}.x.x"
    return str(ipaddress.ip_network(f"{address}/32", strict=False))


def ipv4_ok(match: re.Match[str]) -> bool:
    return all(0 <= int(part) <= 255 for part in match.groups())


@functools.cache
def field_kind(field: str) -> str:
    """Which kind of personal data an evidence field holds ('' for none)."""
    name = field.lower()
    if name in PERSONAL_FIELDS:
        return name
    if "phone" in name or name in ("number", "msisdn"):
        return "phone"
    if "email" in name or name == "mail":
        return "email"
    if name in ("ip_address", "ips") or name.endswith("_ip") or name.startswith("ip_"):
        return "ip"
    if "device" in name:
        return "device"
    if name in ("chat_name", "group", "group_name"):
        return "chat"
    if name in ("username", "user", "linked_to", "profile", "handle", "owner_account"):
        return "account"
    if name in (
        "contact",
        "person",
        "friend",
        "member",
        "owner",
        "full_name",
        "display_name",
        "sender_name",
        "contact_name",
    ):
        return "name"
    return ""
