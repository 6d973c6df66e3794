"""Locale-aware formatting shared by the report, its charts and the GUI (babel)."""

from __future__ import annotations

import numbers
import re
from datetime import date, datetime
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton

from privacy_audit.values import is_missing, number  # re-exported: report callers use fmt.number

#: one colour per service, readable on light and dark backgrounds
SERVICE_COLORS = {
    "facebook": "#1877f2",
    "instagram": "#d62976",
    "messenger": "#8b3dff",
    "whatsapp": "#1fa855",
}
FALLBACK_COLOR = "#6b7280"


#: C0 controls but tab, newline and carriage return; DEL; C1 controls
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_JSON_CONTROLS = re.compile(rb"\x7f|\xc2[\x80-\x9f]")


def clean_text(value: str) -> str:
    """``value`` with control characters (ESC, BEL, NUL, C1...) replaced by U+FFFD.

    Names in exports are chosen by other people: a raw escape sequence must never reach
    a report, a spreadsheet or a terminal. Tab, newline and carriage return stay.
    """
    return _CONTROLS.sub("\ufffd", value)


def json_escape_controls(data: bytes) -> bytes:
    """UTF-8 JSON with DEL and C1 controls written as ``\\u00XX`` escapes (same data).

    orjson already escapes C0 controls; DEL and C1 are legal raw in JSON strings but
    some terminals act on them. Both byte patterns can only occur inside strings.
    """
    return _JSON_CONTROLS.sub(lambda m: b"\\u%04x" % ord(m.group().decode("utf-8")), data)


def service_list(services: Any) -> list[str]:
    """A services value (comma-joined string or list) as a list of ids."""
    if is_missing(services):
        return []
    if isinstance(services, str):
        return [s.strip() for s in services.split(",") if s.strip()]
    return [str(s) for s in services]


def to_datetime(value: Any) -> datetime | date | None:
    """A date/datetime from a datetime, Timestamp, ISO string or None."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (datetime, date)):
        return value
    try:
        stamp = pd.Timestamp(str(value))
    except (ValueError, TypeError):
        return None
    return None if pd.isna(stamp) else stamp.to_pydatetime()


def day(value: Any, locale: Locale | str = "en", fmt: str = "medium") -> str:
    """A date in the locale (``25 nov 2026``); text that is not a date is returned as is."""
    when = to_datetime(value)
    if when is None:
        return "" if is_missing(value) else str(value)
    if isinstance(when, datetime):
        when = when.date()
    return format_date(when, format=fmt, locale=locale)


def moment(value: Any, locale: Locale | str = "en") -> str:
    """A date and time (UTC) in the locale."""
    when = to_datetime(value)
    if when is None:
        return "" if is_missing(value) else str(value)
    if not isinstance(when, datetime):
        return day(when, locale)
    return format_datetime(when, format="medium", tzinfo=None, locale=locale)


def month(value: Any, locale: Locale | str = "en") -> str:
    """A short month and year (``Mar 2024``)."""
    when = to_datetime(value)
    if when is None:
        return ""
    return format_skeleton("yMMM", when, locale=locale)


def cell(value: Any, locale: Locale | str = "en") -> str:
    """Any evidence value as display text (dates and numbers localized)."""
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, (pd.Timestamp, datetime)):
        return moment(value, locale)
    if isinstance(value, date):
        return day(value, locale)
    if isinstance(value, numbers.Number):
        return number(value, locale)
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v, locale) for v in value)
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        return moment(value, locale)
    return str(value)


def phone(value: str) -> str:
    """An E.164 number in international format (``+39 347 555 0142``)."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
