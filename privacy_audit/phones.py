"""Phone numbers to E.164 with the ``phonenumbers`` library, fast on big columns.

Every phone-like value of an :class:`~privacy_audit.model.Evidence` is parsed with the
user's default region, so that ``333 123 4567`` typed into an Italian phone book and
``+39 333 1234567`` shown by WhatsApp become the same key ``+393331234567``.

The normalizing functions (:func:`normalize_number`, :func:`normalize_many`,
:func:`normalize_evidence`) equal the naive per-value reference
``phonenumbers.parse(raw, region)`` + ``is_valid_number`` + ``format_number(E164)``
(None when the value cannot be parsed or is not a valid number); only the work differs:
each *distinct* raw string is parsed once (strings that are the same digits with other
spacing share one parse) and the result mapped back onto the column.
:func:`phone_keys` is the one key the analysis compares numbers by: those E.164 forms,
plus a key for a number the library reads but does not call valid.

Default region (:func:`default_region`), first that applies:
1. the user's own number, read in international format: the WhatsApp account report
   first, then the Facebook, Instagram and Messenger profile numbers;
2. the ``region`` argument (``--region``);
3. the territory of the system locale (``LC_ALL``/``LC_CTYPE``/``LANG``…, via Babel);
4. ``"IT"``: the app is made first for Italian users and trainers, and a fixed fallback
   keeps results reproducible.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable
from itertools import compress
from typing import TYPE_CHECKING, Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

if TYPE_CHECKING:  # the column functions import them: a single number needs neither
    import numpy as np
    import pandas as pd

    from privacy_audit.model import Evidence

FALLBACK_REGION = "IT"
_OWN_NUMBER_SERVICES = ("whatsapp", "facebook", "instagram", "messenger")


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    pandas = sys.modules.get("pandas")  # not imported: no value can be its NA
    return pandas is not None and value is pandas.NA


def _e164_when(
    raw: Any, region: str | None, accept: Callable[[phonenumbers.PhoneNumber], bool]
) -> str | None:
    """E.164 form of ``raw`` read with default ``region`` when ``accept`` takes the
    parsed number, else None (also for what phonenumbers cannot parse)."""
    if _missing(raw):
        return None
    try:
        number = phonenumbers.parse(str(raw), region)
    except NumberParseException:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) if accept(number) else None


def normalize_number(raw: Any, region: str | None) -> str | None:
    """E.164 form of ``raw`` read with default ``region``, or None when not a valid number."""
    return _e164_when(raw, region, phonenumbers.is_valid_number)


def normalize_many(values: Iterable[Any], region: str | None) -> list[str | None]:
    """:func:`normalize_number` of every value, parsing each distinct value once."""
    texts = [v if type(v) is str else None if _missing(v) else str(v) for v in values]
    distinct = set(texts)
    distinct.discard(None)
    raws: list[str] = list(distinct)  # type: ignore[arg-type]
    table = dict(zip(raws, _e164_distinct(raws, region), strict=True))
    return list(map(table.get, texts))  # type: ignore[arg-type]


#: digits with the usual separators only: phonenumbers reads just the digits (and the
#: leading "+") of such a string, so its separators can be dropped before parsing
_PLAIN = re.compile(r"\+?\d[\d \-.()\u00a0]*\Z")
_SEPARATORS = str.maketrans("", "", " -.()\u00a0")
#: many plain raws, one per line, ASCII digits only (a shortcut: what it refuses is
#: checked raw by raw with _PLAIN)
_ALL_PLAIN = re.compile(r"(?:\+?[0-9][0-9 \-.()\u00a0]*+\n)*+\+?[0-9][0-9 \-.()\u00a0]*+")


def _e164_distinct(raws: list[str], region: str | None) -> list[str | None]:
    """E.164 or None for each of ``raws`` (distinct strings), in their order.

    ``+39 333 123 4567`` and ``+393331234567`` give one key; the keys of the common
    forms are decided by :mod:`privacy_audit.phones_fast` (the same answer, from
    phonenumbers' metadata, without a full parse), anything else is parsed as written.
    """
    if not raws:
        return []
    from privacy_audit.phones_fast import e164_of_keys  # numpy: only when numbers are read

    def parse(key: str) -> str | None:
        return normalize_number(key, region)

    joined = "\n".join(raws)
    if joined.count("\n") == len(raws) - 1 and _ALL_PLAIN.fullmatch(joined):
        # one line per raw, every line plain: all separators go in one translate
        return e164_of_keys(joined.translate(_SEPARATORS).split("\n"), region, parse)
    plain = [_PLAIN.match(raw) is not None for raw in raws]
    plain_raws = list(compress(raws, plain))
    keys = "\n".join(plain_raws).translate(_SEPARATORS).split("\n") if plain_raws else []
    decided = iter(e164_of_keys(keys, region, parse))
    # not plain digits and separators: parsed as written
    return [
        next(decided) if is_plain else parse(raw) for raw, is_plain in zip(raws, plain, strict=True)
    ]


def _map_column(column: pd.Series, region: str | None) -> pd.Series:
    """E.164 (or None) for every row of ``column``, object dtype."""
    import numpy as np
    import pandas as pd

    if column.empty:
        return pd.Series([], dtype=object, index=column.index)
    if column.isna().all():  # no number at all (messages whose senders have none)
        return pd.Series(np.full(len(column), None, dtype=object), index=column.index)
    values = column.to_numpy(dtype=object)  # a pandas string array iterates in Python
    if not set(map(type, values)) <= {str, type(None)}:  # read as their text, as parse does
        values = np.array([None if _missing(v) else str(v) for v in values], dtype=object)
    codes, distinct = pd.factorize(values)
    texts: list[str] = distinct.tolist()
    # one more slot, None, for the missing values (code -1)
    found = np.array([*_e164_distinct(texts, region), None], dtype=object)
    return pd.Series(found[codes], index=column.index, dtype=object)


def phone_keys(raw: pd.Series, region: str | None, e164: pd.Series | None = None) -> pd.Series:
    """The one key phone numbers are compared by (object Series; None: no number).

    The key is the E.164 form: ``e164`` (same index) where :func:`normalize_evidence`
    already found it, else ``raw`` read with ``region`` exactly as it reads it, so that a
    national ``347 555 0142`` and ``+39 347 555 0142`` get the same key in ``IT``. A
    number phonenumbers reads but does not call valid (a range newer than its metadata,
    a made-up number) is keyed by :func:`possible_number`, and bare digits that are
    another row's key without its "+" are that number, so the same number written in two
    exports still matches. Used by the cross-reference, also on Evidence that was never
    normalized.
    """
    import numpy as np
    import pandas as pd

    if e164 is None:
        keys = np.full(len(raw), None, dtype=object)
        found = np.zeros(len(raw), dtype=bool)
    else:
        keys = np.array(e164.to_numpy(dtype=object), dtype=object, copy=True)
        found = e164.notna().to_numpy()
        keys[~found] = None
    todo = ~found & raw.notna().to_numpy()
    if todo.any():
        keys[todo] = _map_column(raw[todo], region).to_numpy(dtype=object)
        rest = todo & pd.isna(keys)
        if rest.any():
            texts = raw[rest].astype(object).map(str)
            table = {text: possible_number(text, region) for text in pd.unique(texts)}
            keys[rest] = texts.map(table).to_numpy(dtype=object)
    keys[pd.isna(keys)] = None
    _plus_omitted(raw, keys)
    return pd.Series(keys, index=raw.index, dtype=object)


def _plus_omitted(raw: pd.Series, keys: np.ndarray) -> None:
    """In place: a value written as bare digits that are another row's E.164 key without
    its "+" (``49151…`` beside ``+49151…``) is that number, whatever the region."""
    import pandas as pd

    known = {k for k in keys if k is not None}
    if not known:
        return
    texts = raw.astype(object).map(str, na_action="ignore")
    bare = texts.notna() & ~texts.fillna("+").str.lstrip().str.startswith("+")
    if not bare.any():
        return
    table: dict[str, str] = {}
    for text in pd.unique(texts[bare]):  # distinct values only
        digits = text.translate(_SEPARATORS) if _PLAIN.match(text.strip()) else ""
        if digits.strip().isdigit() and "+" + digits.strip() in known:
            table[text] = "+" + digits.strip()
    if table:
        hit = texts.isin(table.keys()).to_numpy()
        keys[hit] = texts[hit].map(table).to_numpy(dtype=object)


def possible_number(raw: Any, region: str | None) -> str | None:
    """E.164 form of ``raw`` when phonenumbers reads it as a number of possible length
    (valid or not), else None."""
    return _e164_when(raw, region, phonenumbers.is_possible_number)


def evidence_region(evidence: Evidence) -> str:
    """The region ``evidence`` was normalized with, else its :func:`default_region`."""
    return evidence.region or default_region(evidence)


def region_of(raw: Any) -> str | None:
    """The region of a number written in international form (``+39…``/``0039…``), or None."""
    if _missing(raw):
        return None
    text = str(raw).strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return None
    try:
        number = phonenumbers.parse(text, None)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.region_code_for_number(number)


def system_region() -> str | None:
    """The territory of the system locale (``it_IT`` -> ``IT``), or None."""
    from babel import Locale, UnknownLocaleError, default_locale

    name = default_locale("LC_CTYPE") or default_locale()
    if not name or name.endswith("POSIX"):
        return None
    try:
        territory = Locale.parse(name).territory
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    if territory and territory in phonenumbers.SUPPORTED_REGIONS:
        return territory
    return None


def default_region(evidence: Evidence, region: str | None = None) -> str:
    """The default region for ``evidence`` (see the module docstring for the order)."""
    table = evidence.tables.get("identifiers")
    if table is None or table.empty:
        return default_region_of([], region)
    phones = table[table["kind"] == "phone"]
    own = zip(phones["service"], phones["raw"], phones["value"], strict=True)
    return default_region_of(own, region)


def default_region_of(own_phones: Iterable[tuple[Any, Any, Any]], region: str | None = None) -> str:
    """:func:`default_region` from the user's own phone identifiers, as (service, raw,
    value) in table order (no tables needed)."""
    rows = list(own_phones)
    for service in _OWN_NUMBER_SERVICES:
        for owner, raw, value in rows:
            if owner != service:
                continue
            found = region_of(value if _missing(raw) else raw)
            if found:
                return found
    if region:
        code = region.strip().upper()
        if code in phonenumbers.SUPPORTED_REGIONS:
            return code
    return system_region() or FALLBACK_REGION


def normalize_evidence(evidence: Evidence, region: str | None = None) -> Evidence:
    """Fill the phone columns of ``evidence`` in place and return it.

    - ``identifiers`` (``kind == "phone"``): ``raw`` keeps what the export says,
      ``value`` becomes E.164 when valid (else stays the raw text), ``valid`` the flag;
    - ``contacts``: ``phone_e164`` / ``phone_valid`` from ``phone_raw``;
    - ``suggestions``: ``phone_e164`` from ``phone_raw``;
    - ``messages``: ``sender_phone_e164`` from ``sender_phone_raw``;
    - ``evidence.region`` is set to the default region used.
    """
    code = default_region(evidence, region)
    evidence.region = code
    tables = evidence.tables

    ids = tables.get("identifiers")
    if ids is not None and not ids.empty:
        ids = ids.copy()
        is_phone = (ids["kind"] == "phone").to_numpy()
        if is_phone.any():
            raw = ids.loc[is_phone, "raw"].where(
                ids.loc[is_phone, "raw"].notna(), ids.loc[is_phone, "value"]
            )
            e164 = _map_column(raw, code)
            ids.loc[is_phone, "raw"] = raw.astype(object)
            ids.loc[is_phone, "value"] = e164.where(e164.notna(), raw).astype(object)
            ids.loc[is_phone, "valid"] = e164.notna().to_numpy()
            tables["identifiers"] = ids

    # contacts and suggestions: phone_e164 from phone_raw (contacts: phone_valid too)
    for name, flag in (("contacts", "phone_valid"), ("suggestions", None)):
        table = tables.get(name)
        if table is not None and not table.empty:
            table = table.copy()
            e164 = _map_column(table["phone_raw"], code)
            table["phone_e164"] = e164.to_numpy(dtype=object)
            if flag is not None:
                table[flag] = e164.notna().to_numpy(dtype=bool)
            tables[name] = table

    messages = tables.get("messages")
    if messages is not None and not messages.empty:
        messages = messages.copy()
        messages["sender_phone_e164"] = _map_column(messages["sender_phone_raw"], code).to_numpy(
            dtype=object
        )
        tables["messages"] = messages
    return evidence


# -- contact points as someone typed them ---------------------------------------------
#: invisible marks phones and apps put around numbers: zero-width spaces, bidi marks,
#: embeddings and isolates, the BOM
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_INVISIBLE[0xFEFF] = None
_URI_SCHEMES = ("tel:", "callto:", "sms:")


def is_email_address(value: Any) -> bool:
    """True for a value written as one e-mail address (``local@domain.tld``, no spaces)."""
    if _missing(value):
        return False
    text = str(value).translate(_INVISIBLE).strip()
    local, at, domain = text.rpartition("@")
    return (
        bool(at and local and "." in domain.strip("."))
        and "@" not in local
        and not any(ch.isspace() for ch in text)
    )


def contact_point_kind(value: Any, region: str | None = None) -> str | None:
    """``"email"``, ``"phone"`` or ``"other"`` for a contact point as typed; None when empty.

    A phone is what ``phonenumbers``' matcher finds as one possible number spanning the
    whole value, read with ``region`` (default :data:`FALLBACK_REGION`) for national
    forms: ``(+39) 347 123 4567``, ``tel:+39…``, ``+39.347.…``, NBSP and bidi marks
    around it, ``0039…``, ``347 123 4567``. Whether it is a *valid* number of the user's
    region is decided later by :func:`normalize_evidence`. ``"other"`` is anything else
    (kept as written by the importers, never dropped).
    """
    if _missing(value):
        return None
    text = str(value).translate(_INVISIBLE).strip()
    if not text:
        return None
    if "@" in text:
        return "email" if is_email_address(text) else "other"
    lowered = text.lower()
    for scheme in _URI_SCHEMES:
        if lowered.startswith(scheme):
            text = text[len(scheme) :].strip()
            break
    if text.startswith("00"):
        text = "+" + text[2:]  # an international prefix whatever the region dials
    if _PLAIN.match(text):  # digits and separators only: the whole value is the number
        try:
            number = phonenumbers.parse(text, region or FALLBACK_REGION)
        except NumberParseException:
            return "other"
        return "phone" if phonenumbers.is_possible_number(number) else "other"
    matches = list(
        phonenumbers.PhoneNumberMatcher(
            text, region or FALLBACK_REGION, leniency=phonenumbers.Leniency.POSSIBLE
        )
    )
    if len(matches) != 1:
        return "other"
    found = matches[0]
    outside = text[: found.start] + text[found.end :]
    if any(ch.isalnum() for ch in outside):
        return "other"
    return "phone"


def phones_in_text(text: str, region: str | None = None) -> list[str]:
    """The possible phone numbers ``phonenumbers``' matcher finds in free text, as written
    there (national forms read with ``region``, default :data:`FALLBACK_REGION`); whether
    each is valid is decided later, like every raw number (:func:`normalize_evidence`)."""
    clean = text.translate(_INVISIBLE)
    return [
        match.raw_string
        for match in phonenumbers.PhoneNumberMatcher(
            clean, region or FALLBACK_REGION, leniency=phonenumbers.Leniency.POSSIBLE
        )
    ]
