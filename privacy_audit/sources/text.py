"""Text helpers for Meta exports: mojibake repair, JSON loading, HTML parsing, dates.

Meta writes JSON text as the UTF-8 bytes of every character escaped one by one as if
they were Latin-1 (``"M\\u00c3\\u00bcller"`` for "Müller"). :func:`fix_mojibake` undoes
that for one string and :func:`fix_tree` for a whole document (keys too). HTML exports
are proper UTF-8; their dates are text in the account's language, which
:func:`parse_text_date` reads in English, Italian, German, Spanish, French, Dutch and
Portuguese.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

_SPACES = re.compile(r"\s+")


def fix_mojibake(text: str) -> str:
    """Repair one string whose UTF-8 bytes were written as Latin-1; keep it when not."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def fix_tree(value: Any) -> Any:
    """``value`` with :func:`fix_mojibake` applied to every string and dict key, recursively."""
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [fix_tree(item) for item in value]
    if isinstance(value, dict):
        return {
            (fix_mojibake(k) if isinstance(k, str) else k): fix_tree(v) for k, v in value.items()
        }
    return value


def fix_tree_fast(tree: Any) -> Any | None:
    """:func:`fix_tree` of a parsed document in one go, or None when it cannot be.

    Meta escapes every UTF-8 byte of a text as one character U+0080..U+00FF, so the
    document written back as JSON, with each character as its Latin-1 byte, is the
    original UTF-8 document, which orjson parses again. That gives the string-by-string
    repair exactly when every string of the document repairs: a string with a character
    above U+00FF fails the Latin-1 encoding, one that is not valid UTF-8 as bytes (an
    already clean "café") fails the parse, and then None leaves it to :func:`fix_tree`.
    """
    try:
        return orjson.loads(orjson.dumps(tree).decode("utf-8").encode("latin-1"))
    except (UnicodeEncodeError, orjson.JSONDecodeError, TypeError):  # TypeError: dumps
        return None


def parse_json(data: bytes) -> Any:
    """``orjson.loads``, except that running out of memory raises :class:`MemoryError`.

    orjson reports a failed allocation as a decode error ("Not enough memory…"): the
    file is not damaged, the import is out of memory, and must say so.
    """
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith("Not enough memory"):
            raise MemoryError(str(exc)) from None
        raise


def loads_meta(data: bytes) -> Any:
    """Parse a Meta JSON document and repair its mojibake (raises ``orjson.JSONDecodeError``).

    The result always equals ``fix_tree(orjson.loads(data))``; only the work differs.
    A pure ASCII document without ``\\u00XX`` escapes holds nothing to repair and is
    returned as parsed; any other is repaired by :func:`fix_tree_fast` (a few passes in
    C) and string by string only when that does not apply.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    tree = parse_json(data)
    # no backslash (one memchr) means no escape at all; else look for a \u00XX one
    if data.isascii() and (b"\\" not in data or b"\\u00" not in data):
        return tree
    fixed = fix_tree_fast(tree)
    return fix_tree(tree) if fixed is None else fixed


def squash(text: str | None) -> str:
    """Whitespace collapsed to single spaces and stripped (no-break spaces included)."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def parse_html(data: bytes) -> Any:
    """An lxml HTML element tree for ``data`` (UTF-8); raises ``ValueError`` when empty."""
    from lxml import etree  # HTML exports only: a JSON export never loads lxml
    from lxml import html as lxml_html

    if not data.strip():
        raise ValueError("empty document")
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except etree.LxmlError as exc:  # e.g. "Document is empty" for a comment-only page
        raise ValueError(str(exc)) from exc
    for bad in root.xpath("//script|//style"):
        bad.getparent().remove(bad)
    return root


def node_text(node: Any) -> str:
    """The visible text of an lxml node, whitespace squashed."""
    if node is None:
        return ""
    return squash(node.text_content())


def has_class(node: Any, name: str) -> bool:
    """True when the lxml ``node`` has CSS class ``name``."""
    return name in (node.get("class") or "").split()


# -- dates written as text ----------------------------------------------------------
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january gen gennaio januar jän enero ene janvier janv januari janeiro",
        "feb february febbraio februar febrero février févr fév februari fevereiro fev",
        "mar march marzo märz mär marzo mars maart mrt março",
        "apr april aprile abril avril avr",
        "may mag maggio mai mayo mei maio",
        "jun june giu giugno juni junio juin jun junho",
        "jul july lug luglio juli julio juillet juil julho",
        "aug august ago agosto augusti août aou augustus",
        "sep sept september set settembre septiembre septembre setembro",
        "oct october ott ottobre okt oktober octubre octobre oct outubro out",
        "nov november novembre noviembre novembro",
        "dec december dic dicembre dez dezember diciembre décembre déc dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _number)

_TIME_RE = re.compile(
    r"(?P<h>\d{1,2})[:h](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\w])",
    re.IGNORECASE,
)
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{2,4})\b")
_WORD_RE = re.compile(r"[^\W\d_]+")


def parse_text_date(text: str, utc_offset_hours: float | None = None) -> datetime | None:
    """A UTC datetime for a date written as text (``"Nov 14, 2023 10:13:20 pm"``,
    ``"14 nov 2023, 22:13"``, ``"14. November 2023 um 22:13"``, ISO ...), or None.

    ``utc_offset_hours`` is the zone the text is written in (Instagram HTML: -8);
    None means unknown, and the time is taken as UTC.
    """
    text = squash(text)
    if not text:
        return None
    iso = _ISO_RE.search(text)
    hour = minute = second = 0
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        if iso.group(4):
            hour, minute = int(iso.group(4)), int(iso.group(5))
            second = int(iso.group(6) or 0)
        return _make(year, month, day, hour, minute, second, utc_offset_hours)
    rest = text
    time_match = _TIME_RE.search(text)
    if time_match:
        hour, minute = int(time_match.group("h")), int(time_match.group("m"))
        second = int(time_match.group("s") or 0)
        ampm = (time_match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        rest = text[: time_match.start()] + " " + text[time_match.end() :]
    numeric = _NUMERIC_RE.search(rest)
    month = 0
    for word in _WORD_RE.findall(rest.lower()):
        if word in _MONTHS:
            month = _MONTHS[word]
            break
    if month:
        numbers = [int(n) for n in re.findall(r"\d+", rest)]
        years = [n for n in numbers if n >= 1000]
        days = [n for n in numbers if 1 <= n <= 31]
        if not years or not days:
            return None
        return _make(years[0], month, days[0], hour, minute, second, utc_offset_hours)
    if numeric:
        first, second_n, year = (int(g) for g in numeric.groups())
        if year < 100:
            year += 2000
        day, month = (second_n, first) if second_n > 12 else (first, second_n)
        return _make(year, month, day, hour, minute, second, utc_offset_hours)
    return None


def _make(
    year: int, month: int, day: int, hour: int, minute: int, second: int, offset: float | None
) -> datetime | None:
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None
    if offset:
        moment -= timedelta(hours=offset)
    return moment
