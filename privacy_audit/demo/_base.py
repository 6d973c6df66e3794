"""Building blocks of the demo exports: Meta's JSON encoding, fixed-time zips, clocks.

Everything here is deterministic: the same input gives the same bytes on every run.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import orjson

#: byte -> its JSON escape, for the bytes 0x80-0xFF of UTF-8 text read as latin-1
_MOJIBAKE_ESCAPES = [f"\\u{code:04x}".encode("ascii") for code in range(0x100)]
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _escape(match: re.Match[bytes]) -> bytes:
    return _MOJIBAKE_ESCAPES[match.group()[0]]


def meta_json(data: Any) -> bytes:
    """``data`` as Meta writes it: 2-space JSON, every UTF-8 byte escaped as ``\\u00XX``.

    Meta encodes text to UTF-8, decodes those bytes as latin-1 and JSON-escapes the
    result (the "mojibake" every importer has to repair): ``è`` becomes
    ``\\u00c3\\u00a8``. This equals ``json.dumps(s.encode().decode("latin-1"))`` on every
    string, done here on the whole UTF-8 document at once (bytes >= 0x80 only occur
    inside strings).
    """
    raw = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    return _HIGH_BYTE.sub(_escape, raw)


def zip_bytes(members: Mapping[str, bytes], when: datetime) -> bytes:
    """A zip of ``members`` (sorted by name) with every timestamp set to ``when``."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name], compresslevel=6)
    return buffer.getvalue()


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    """Unix seconds of a UTC time."""
    return int(datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp())


def to_datetime(seconds: int) -> datetime:
    """UTC datetime of Unix seconds."""
    return datetime.fromtimestamp(seconds, tz=UTC)


def spread(rng: random.Random, start: int, end: int, count: int, utc_offset: int = 0) -> list[int]:
    """``count`` sorted random Unix times between ``start`` and ``end``.

    Busy in the local daytime and evening of a clock ``utc_offset`` hours from UTC.
    """
    times = []
    first_day = start - start % 86400
    span_days = max(1, (end - first_day) // 86400)
    hours = rng.choices(range(24), weights=_HOUR_WEIGHTS, k=count)
    draw = rng.random
    for hour in hours:
        day = first_day + int(draw() * span_days) * 86400
        t = day + (hour - utc_offset) * 3600 + int(draw() * 3600)
        times.append(min(max(t, start), end))
    return sorted(times)


#: a plausible day: quiet nights, busy lunch and evening
_HOUR_WEIGHTS = (1, 1, 1, 1, 1, 1, 2, 4, 6, 6, 5, 5, 7, 7, 5, 5, 5, 6, 8, 9, 10, 9, 6, 3)


def random_token(rng: random.Random, length: int, alphabet: str | None = None) -> str:
    """A deterministic random token (zip suffixes, cookie ids, thread ids)."""
    chars = alphabet or "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(rng.choice(chars) for _ in range(length))


def days(n: float) -> int:
    """Seconds in ``n`` days."""
    return int(n * 86400)


def label_values(items: Iterable[tuple[str, Any]]) -> list[dict[str, Any]]:
    """Meta's ``label_values`` list from (label, value) pairs.

    A str value gives ``value``, an int ``timestamp_value``, a list of str ``vec`` of
    values, a list of lists ``vec`` of ``dict`` records (each a list of pairs).
    """
    out: list[dict[str, Any]] = []
    for label, value in items:
        if isinstance(value, bool):
            out.append({"label": label, "value": "True" if value else "False"})
        elif isinstance(value, int):
            out.append({"label": label, "timestamp_value": value})
        elif isinstance(value, list):
            vec: list[dict[str, Any]] = []
            for item in value:
                if isinstance(item, list):
                    vec.append({"dict": label_values(item)})
                else:
                    vec.append({"value": item})
            out.append({"label": label, "vec": vec})
        else:
            out.append({"label": label, "value": value})
    return out
