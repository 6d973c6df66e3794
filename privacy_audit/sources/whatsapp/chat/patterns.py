"""Header regexes of WhatsApp chat exports, and how dates and times in them are read.

A message starts on a line that matches one header regex from column 0; any other line
continues the previous message. Each file is probed once to pick its header shape
(:func:`pick_shape`), then that one compiled regex runs over the whole text in a single
``findall``. Dates and times repeat a lot, so they are decoded once per distinct string
(:func:`decode_dates`, :func:`decode_times`) and the date order (day/month/year) is
decided from the whole file (:func:`decide_order`).

Groups of every header regex, in order: date, time (with AM/PM), author (empty for a
system line), body's first line (with the invisible marks WhatsApp puts before it).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

# Patterns run on the UTF-8 bytes (2-3x faster than on text with emoji, and only the
# few distinct authors are ever decoded). U+FEFF and CR are removed beforehand.
#: U+200E/U+200F, bidi embeddings (U+202A-E) and isolates (U+2066-9), byte-wise (loose on
#: purpose: a byte class is a tight C loop, an alternation of sequences is not)
MARKS = rb"[\xe2\x80\x81\x8e\x8f\xaa-\xae\xa6-\xa9]*+"
#: space, U+00A0, U+202F or U+2007 (exact sequences: a loose byte class would cut the
#: bidi marks that may follow)
_SP = rb"(?: |\xc2\xa0|\xe2\x80[\xaf\x87])"
#: hyphen, en dash (U+2013) or em dash (U+2014)
_DASH = rb"(?:-|\xe2\x80[\x93\x94])"
_DATE = rb"(\d{1,4}[/.-] ?\d{1,2}[/.-] ?\d{1,4})\.?"
#: the Dutch parts of the day a 12-hour clock writes instead of AM/PM ("6:50 ’s avonds")
_DAY_PART = rb"(?:'|\xe2\x80\x99)s (?:ochtends|middags|avonds|nachts)"
_TIME = (
    rb"(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:"
    + _SP
    + rb"?[AaPp]\.?"
    + _SP
    + rb"?[Mm]\.?|"
    + _SP
    + _DAY_PART
    + rb")?)"
)
_AUTHOR = rb"([^\n:]++):(?: |\xc2\xa0|(?=\.?(?:\n|\Z)))"
_BODY = rb"([^\n]*+)"
_SPACED_DATE = rb"(\d{1,2}\. \d{1,2}\. \d{4})\."

_SEP_ANDROID = rb"(?:, ?| (?:\xc3\xa0 |klo |um )?)"
_DASH_ANDROID = rb" {0,2}" + _DASH + rb" "  # "10:36 p.m.  - " (two spaces) seen too
_PLAIN_TIMES = {False: rb"(\d{1,2}[:.]\d{2})", True: rb"(\d{1,2}[:.]\d{2}[:.]\d{2})"}


def build(
    shape: str,
    *,
    marks: bool = True,
    time: bytes = _TIME,
    sep: bytes = _SEP_ANDROID,
    dash: bytes = _DASH_ANDROID,
) -> re.Pattern[bytes]:
    """The header regex of ``shape``; the keyword parts narrow it for one file."""
    mk = MARKS if marks else b""
    if shape == "ios":
        return re.compile(
            rb"\n"
            + mk
            + rb"\["
            + mk
            + _DATE
            + rb",? (?:klo )?"
            + time
            + rb"\] (?:"
            + _AUTHOR
            + rb")?"
            + _BODY
        )
    if shape == "legacy":
        return re.compile(rb"\n" + mk + _DATE + rb",? " + time + rb": " + _AUTHOR + _BODY)
    if shape == "spaced":
        return re.compile(rb"\n" + mk + _SPACED_DATE + rb" " + time + rb" " + _AUTHOR + _BODY)
    return re.compile(rb"\n" + mk + _DATE + sep + time + dash + rb"(?:" + _AUTHOR + rb")?" + _BODY)


ANDROID = build("android")
IOS = build("ios")
# <=2016 Android / Windows Phone: ``12.07.2017, 22:35:22: Name: text`` (author required).
LEGACY = build("legacy")
# Czech/Slovak-style spaced date with a trailing dot and no dash: ``13. 6. 2018. 21:25:15
# Name: text`` (author required: without a dash a system line cannot be told apart).
SPACED = build("spaced")
SHAPES: dict[str, re.Pattern[bytes]] = {
    "android": ANDROID,
    "ios": IOS,
    "legacy": LEGACY,
    "spaced": SPACED,
}
_ANY_MARK = re.compile(rb"\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def has_marks(data: bytes) -> bool:
    """True when ``data`` holds a bidi mark anywhere (headers may then start with one)."""
    return _ANY_MARK.search(data) is not None


def narrowed(data: bytes, shape: str) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """A regex narrowed to the header format seen in the first lines, and its safety check.

    Exports use one header format throughout, and a narrower regex is faster. The
    second pattern finds every line that starts like a date: when the narrowed regex
    matches fewer messages than that, the caller falls back to the full regex.
    """
    marks = has_marks(data)
    generic = SHAPES[shape]
    lines = data[:200_000].split(b"\n", _PROBE_LINES)[1:_PROBE_LINES]
    found = [m for m in (generic.match(b"\n" + line) for line in lines) if m]
    mk = MARKS if marks else b""
    prefix = re.compile(
        rb"\n" + mk + (rb"\[" + mk if shape == "ios" else b"") + rb"\d{1,4}[/.-] ?\d{1,2}[/.-]"
    )
    if not found:
        return generic, prefix
    times = {m.group(2) for m in found}
    kwargs: dict[str, bytes] = {}
    if all(t.isascii() and t.replace(b":", b"").replace(b".", b"").isdigit() for t in times):
        lengths = {len(t.replace(b".", b":").split(b":")) for t in times}
        if len(lengths) == 1:
            kwargs["time"] = _PLAIN_TIMES[lengths.pop() == 3]
    if shape == "android":
        seps = {m.string[m.end(1) : m.start(2)] for m in found}
        if seps in ({b", "}, {b" "}):
            kwargs["sep"] = re.escape(seps.pop())
        dashes = {m.string[m.end(2) : m.end(2) + 3] for m in found}
        if dashes == {b" - "}:
            kwargs["dash"] = b" - "
    return build(shape, marks=marks, **kwargs), prefix


_PROBE_LINES = 400


def pick_shape(data: bytes, end: int | None = None) -> str | None:
    """The header shape (``android``, ``ios``, ``legacy``, ``spaced``) matching most of the
    first lines.

    ``data`` starts with a newline (every header regex starts with one); ``end``: where
    the text ends (blank lines may follow it).
    """
    lines = data[:200_000].split(b"\n", _PROBE_LINES)[:_PROBE_LINES]
    best, best_hits = None, 0
    for name, regex in SHAPES.items():
        hits = sum(1 for line in lines if regex.match(b"\n" + line))
        if hits > best_hits:
            best, best_hits = name, hits
    if (
        best is None and (len(data) if end is None else end) > 200_000
    ):  # a huge first message: look at the whole text
        for name, regex in SHAPES.items():
            if regex.search(data):
                return name
    return best


@dataclass(frozen=True)
class DateOrder:
    """How the three date fields are read."""

    order: str  # dmy | mdy | ymd
    ambiguous: bool  # True when the file alone could not tell (locale default used)


_DATE_FIELDS = re.compile(r"(\d{1,4})([/.-]) ?(\d{1,2})\2 ?(\d{1,4})")

#: one parsed date string: (first, second, third, first has 4 digits, separator)
Triple = tuple[int, int, int, bool, str]


def split_date(raw: str) -> Triple | None:
    """The three fields of a date string, or None when its separators differ."""
    match = _DATE_FIELDS.fullmatch(raw)
    if match is None:
        return None
    a, sep, b, c = match.groups()
    return int(a), int(b), int(c), len(a) == 4, sep


def decide_order(triples: list[Triple], twelve_hour: bool, padded: bool = False) -> DateOrder:
    """Decide dmy/mdy/ymd from every distinct date of a file (in order of appearance).

    Rules: a 4-digit (or > 31) first field means year first; otherwise the year is last
    and a first field > 12 means day first, a second field > 12 month first. When no
    field says so, the field that changes more often between consecutive dates is the
    day. When that does not decide either, the order under which the dates go back less
    often wins (messages are in time order). Failing that the file is ambiguous: day first,
    unless the clock is 12-hour with ``/`` separators and the dates are not ``padded``
    (zero-padded or with a 4-digit year): en-US writes ``3/6/24``, while
    ``12/06/2024, 9:34:05 PM`` is the en-GB/en-IN/en-AU shape.
    """
    codes: dict[Triple, int] = {}
    sequence = [codes.setdefault(t, len(codes)) for t in triples]
    return decide_order_counted(
        list(codes),
        Counter(sequence),
        Counter(itertools.pairwise(sequence)),
        twelve_hour,
        padded,
        first=triples[0] if triples else None,
    )


def decide_order_counted(
    distinct: Sequence[Triple | None],
    counts: Mapping[int, int],
    pairs: Mapping[tuple[int, int], int],
    twelve_hour: bool,
    padded: bool = False,
    *,
    first: Triple | None,
) -> DateOrder:
    """:func:`decide_order` of a sequence of dates given by its counts: ``distinct``
    dates, how often each (by index) is in the sequence, how often each pair of indexes
    follows one another, and the ``first`` date. Exactly the same decision, in time
    proportional to the distinct dates and pairs (a chat with a new date every message
    has 100,000 dates but a few hundred distinct ones)."""
    total = sum(counts.values())
    if not total or first is None:
        return DateOrder("dmy", True)

    dates = {code: distinct[code] for code in counts}
    if any(t is None for t in dates.values()):
        raise ValueError("a date without fields was counted")
    known = cast(dict[int, Triple], dates)

    def weigh(test: Callable[[Triple], bool]) -> int:
        return sum(n for code, n in counts.items() if test(known[code]))

    if weigh(lambda t: t[3] or t[0] > 31) * 2 > total:
        return DateOrder("ymd", False)
    firsts = weigh(lambda t: 12 < t[0] <= 31)
    seconds = weigh(lambda t: 12 < t[1] <= 31)
    if firsts or seconds:  # both only in an inconsistent file: the majority wins
        return DateOrder("dmy" if firsts >= seconds else "mdy", False)
    first_changes = second_changes = 0
    back = {"dmy": 0, "mdy": 0}
    for (one, two), n in pairs.items():
        prev, cur = known[one], known[two]
        if prev[2] == cur[2]:
            if prev[0] != cur[0] and prev[1] == cur[1]:
                first_changes += n
            elif prev[1] != cur[1] and prev[0] == cur[0]:
                second_changes += n
        # messages are in time order: an order that makes the dates go back less often
        # is right (year, month, day compared as a tuple; the year is the third field)
        if (cur[2], cur[1], cur[0]) < (prev[2], prev[1], prev[0]):
            back["dmy"] += n
        if (cur[2], cur[0], cur[1]) < (prev[2], prev[0], prev[1]):
            back["mdy"] += n
    if first_changes >= 2 * second_changes + 3:
        return DateOrder("dmy", False)
    if second_changes >= 2 * first_changes + 3:
        return DateOrder("mdy", False)
    if back["dmy"] != back["mdy"]:
        return DateOrder(min(back, key=back.__getitem__), False)
    default = "mdy" if twelve_hour and first[4] == "/" and not padded else "dmy"
    return DateOrder(default, True)


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def decode_dates(triples: list[Triple | None], order: str) -> list[int | None]:
    """Days since 1970-01-01 for each parsed date (None when impossible)."""
    out: list[int | None] = []
    for triple in triples:
        if triple is None:
            out.append(None)
            continue
        a, b, c = triple[:3]
        if order == "ymd":
            y, m, d = a, b, c
        elif order == "mdy":
            m, d, y = a, b, c
        else:
            d, m, y = a, b, c
        if y < 100:
            y += 2000
        try:
            out.append(date(y, m, d).toordinal() - _EPOCH_ORDINAL)
        except ValueError:
            out.append(None)
    return out


#: the Dutch parts of the day: morning and night are before noon, afternoon and evening after
_DAY_PARTS = {"ochtends": "am", "nachts": "am", "middags": "pm", "avonds": "pm"}
_TIME_RE = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(.*)")


def decode_times(times: list[str]) -> tuple[list[int | None], bool]:
    """Seconds since midnight for each distinct time string, and whether any had AM/PM."""
    out: list[int | None] = []
    twelve = False
    for raw in times:
        match = _TIME_RE.match(raw)
        if match is None:
            out.append(None)
            continue
        hour, minute = int(match.group(1)), int(match.group(2))
        second = int(match.group(3) or 0)
        marker = match.group(4).lower()
        words = marker.split()
        if words and words[-1] in _DAY_PARTS:
            marker = _DAY_PARTS[words[-1]]
        if "a" in marker or "p" in marker:
            twelve = True
            # some Android builds write a 24-hour time with the marker ("23:59 PM"): the
            # hour already says it all
            if "p" in marker and hour < 12:
                hour += 12
            elif "a" in marker and hour == 12:
                hour = 0
        if hour > 24 or minute > 59 or second > 59 or (hour == 24 and (minute or second)):
            out.append(None)
            continue
        out.append(hour * 3600 + minute * 60 + second)
    return out, twelve


def locale_date_order(locale_name: str | None = None) -> str | None:
    """The date order of a locale's short date format (``it_IT`` -> ``dmy``), or None.

    Without ``locale_name`` the system locale (``LC_TIME``/``LANG``…) is used; the POSIX
    "C" locale counts as unknown.
    """
    from babel import UnknownLocaleError, default_locale
    from babel.dates import get_date_format

    name = locale_name or default_locale("LC_TIME")
    if not name or name.endswith("POSIX"):
        return None
    try:
        pattern = get_date_format("short", locale=name).pattern
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    positions = sorted((pattern.find(ch), key) for ch, key in (("y", "y"), ("M", "m"), ("d", "d")))
    if any(pos < 0 for pos, _ in positions):
        return None
    order = "".join(key for _, key in positions)
    return order if order in ("dmy", "mdy", "ymd") else None
