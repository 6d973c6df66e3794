"""E.164 keys for the common written forms of phone numbers, without a full parse.

:func:`e164_of_keys` gives exactly what ``phonenumbers.parse`` + ``is_valid_number`` +
``format_number(E164)`` gives, for written numbers that are plain ASCII digits with an
optional leading ``+`` (separators already removed by the caller): ``+39 333 1234567``,
``0039 06 1234 5678``, ``333 1234567``, ``(202) 555-0123``, ``0170 1234567``.

It is ``phonenumbers``' own algorithm restricted to that input shape, run on
``phonenumbers``' own metadata (country calling codes, international and national
prefixes with their transform rules, possible lengths, number-type patterns per
region), with the patterns compiled once per region and every number of a column
handled in one pass per country group. The generic text handling of ``parse``
(extracting a number out of free text, vanity letters, extensions, RFC 3966, Unicode
digits) is what costs most and is skipped; any key outside the shape, with an unknown
or non-geographic country code, or without a default region is handed to the caller's
fallback (a full ``phonenumbers`` parse).
``tests/test_phones_fast.py`` checks the equality on every region's example numbers in
national, international and ``00`` forms and on random digit strings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress, groupby
from typing import Final

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata
from phonenumbers.phonemetadata import PhoneNumberDesc

_MIN_KEY, _MAX_KEY = 3, 21  # keys of 3 to 20 digits, "+" included in the length
_MIN_NSN = 2  # phonenumbers' _MIN_LENGTH_FOR_NSN
_MAX_NSN = 17  # phonenumbers' _MAX_LENGTH_FOR_NSN
_NON_GEO = "001"

# the outcomes of phonenumbers' _test_number_length that refuse national prefix stripping
_POSSIBLE, _TOO_SHORT, _TOO_LONG, _LOCAL_ONLY, _INVALID_LENGTH = range(5)
_KEEP_UNSTRIPPED = frozenset({_TOO_SHORT, _LOCAL_ONLY, _INVALID_LENGTH})


def _fullmatcher(desc: PhoneNumberDesc | None) -> re.Pattern[str] | None:
    """The desc's national number pattern (None when it has none, which never matches)."""
    if desc is None or not desc.national_number_pattern:
        return None
    return re.compile(desc.national_number_pattern)


@dataclass(frozen=True)
class _Region:
    """One region's metadata, compiled for the fast path."""

    code: str
    country_code: int
    general: re.Pattern[str] | None
    general_lengths: tuple[int, ...]
    local_lengths: tuple[int, ...]
    idd: re.Pattern[str] | None
    national_prefix: re.Pattern[str] | None
    transform: str | None
    leading_digits: re.Pattern[str] | None
    types: tuple[tuple[str, tuple[int, ...]], ...]
    #: length -> compiled validity check of numbers of that length (filled lazily)
    checks: dict[int, re.Pattern[str] | None]

    def check(self, size: int) -> re.Pattern[str] | None:
        """One pattern whose fullmatch is "valid number of length ``size``", or None.

        The general pattern as a look-ahead, then the alternation of the type patterns
        possible at that length (None: no number of that length is valid).
        """
        if size not in self.checks:
            patterns = [p for p, lengths in self.types if not lengths or size in lengths]
            general_ok = not self.general_lengths or size in self.general_lengths
            if patterns and general_ok and self.general is not None:
                typed = "|".join(f"(?:{p})" for p in patterns)
                self.checks[size] = re.compile(f"(?=(?:{self.general.pattern})$)(?:{typed})")
            else:
                self.checks[size] = None
        return self.checks[size]

    def matches_general(self, number: str) -> bool:
        """phonenumbers' _match_national_number(number, general_desc, False)."""
        return self.general is not None and self.general.fullmatch(number) is not None

    def length_result(self, number: str) -> int:
        """phonenumbers' _test_number_length(number, metadata) for an unknown type."""
        size = len(number)
        if size in self.local_lengths:
            return _LOCAL_ONLY
        lengths = self.general_lengths
        if lengths[0] == size:
            return _POSSIBLE
        if lengths[0] > size:
            return _TOO_SHORT
        if lengths[-1] < size:
            return _TOO_LONG
        return _POSSIBLE if size in lengths[1:] else _INVALID_LENGTH

    def strip_national_prefix(self, number: str) -> str:
        """phonenumbers' _maybe_strip_national_prefix_carrier_code, number part only."""
        if not number or self.national_prefix is None:
            return number
        found = self.national_prefix.match(number)
        if found is None:
            return number
        viable_before = self.matches_general(number)
        groups = found.groups()
        if not self.transform or not groups or groups[-1] is None:
            stripped = number[found.end() :]
        else:
            stripped = found.expand(self.transform) + number[found.end() :]
        if viable_before and not self.matches_general(stripped):
            return number
        return stripped

    def national_for_parse(self, national: str) -> str:
        """The national number parse keeps: stripped of its national prefix when the rest
        is still of a possible length (phonenumbers' parse, after the country code)."""
        stripped = self.strip_national_prefix(national)
        return stripped if self.length_result(stripped) not in _KEEP_UNSTRIPPED else national

    def valid_among(self, numbers: Iterable[str]) -> set[str]:
        """The numbers of ``numbers`` valid in this region, one compiled check per length."""
        valid: set[str] = set()
        for size, members in groupby(sorted(numbers, key=len), len):
            check = self.check(size) if _MIN_NSN <= size <= _MAX_NSN else None
            if check is not None:
                valid.update(filter(check.fullmatch, members))
        return valid


_TYPE_FIELDS = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


def _type_patterns(metadata: PhoneMetadata) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """(pattern, possible lengths) of every number type a valid number may match.

    The order of the type checks only decides *which* type a number is; a number is
    valid when any of them matches. When mobile and fixed line share one pattern,
    phonenumbers never tests mobile on its own, so neither does this.
    """
    fields = list(_TYPE_FIELDS)
    if metadata.same_mobile_and_fixed_line_pattern:
        fields.remove("mobile")
    descs = [getattr(metadata, name) for name in fields]
    return tuple(
        (d.national_number_pattern, tuple(d.possible_length or ()))
        for d in descs
        if d is not None and d.national_number_pattern
    )


@cache
def _region(code: str) -> _Region | None:
    """The compiled metadata of region ``code`` (None for an unknown region)."""
    metadata = PhoneMetadata.metadata_for_region(code, None)
    if metadata is None:
        return None
    general = metadata.general_desc
    if general is None or metadata.country_code is None:
        return None
    return _Region(
        code=code,
        country_code=metadata.country_code,
        general=_fullmatcher(general),
        general_lengths=tuple(general.possible_length or ()),
        local_lengths=tuple(general.possible_length_local_only or ()),
        idd=re.compile(metadata.international_prefix) if metadata.international_prefix else None,
        national_prefix=(
            re.compile(metadata.national_prefix_for_parsing)
            if metadata.national_prefix_for_parsing
            else None
        ),
        transform=metadata.national_prefix_transform_rule or None,
        leading_digits=re.compile(metadata.leading_digits) if metadata.leading_digits else None,
        types=_type_patterns(metadata),
        checks={},
    )


_CODES: Final = {str(code): code for code in COUNTRY_CODE_TO_REGION_CODE}


def _split_country_code(digits: str) -> tuple[int, str]:
    """phonenumbers' _extract_country_code: (code, rest), or (0, digits) when none."""
    if digits[:1] == "0":
        return 0, digits
    for size in (1, 2, 3):
        code = _CODES.get(digits[:size])
        if code is not None:
            return code, digits[size:]
    return 0, digits


@cache
def _regions_of(country_code: int) -> tuple[_Region, ...] | None:
    """The geographic regions sharing ``country_code``, main one first (None: non-geo)."""
    codes = COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    if not codes or _NON_GEO in codes:
        return None
    regions = tuple(_region(code) for code in codes)
    if any(r is None for r in regions):
        return None
    return regions  # type: ignore[return-value]


def _valid_in_group(regions: tuple[_Region, ...], numbers: list[str]) -> set[str]:
    """phonenumbers' is_valid_number for the national numbers of one country code group.

    A shared code (+1, +7, +39, +44…) first finds the number's region (its leading
    digits, else the first region where it is valid), then validates it there.
    """
    if len(regions) == 1:
        return regions[0].valid_among(numbers)
    valid: set[str] = set()
    remaining = numbers
    for region in regions:
        if not remaining:
            break
        leading = region.leading_digits
        if leading is not None:
            claimed = [n for n in remaining if leading.match(n)]
            valid |= region.valid_among(claimed)
            taken = set(claimed)
        else:
            taken = region.valid_among(remaining)
            valid |= taken
        remaining = [n for n in remaining if n not in taken]
    return valid


def _national_part(key: str, home: _Region | None) -> tuple[int, str] | None:
    """(country code, number before national prefix stripping) of a key without "+".

    None: undecided; country code 0: invalid for sure (phonenumbers raises on such
    input); a negative code: no code written, a number of the default region.
    """
    if home is None:
        return None
    found = home.idd.match(key) if home.idd is not None else None
    if found is not None and key[found.end() : found.end() + 1] != "0":
        after = key[found.end() :]
        if len(after) <= _MIN_NSN:
            return 0, ""
        code, rest = _split_country_code(after)
        return (code, rest) if code else (0, "")
    own = str(home.country_code)
    if key.startswith(own):
        candidate = home.strip_national_prefix(key[len(own) :])
        if (not home.matches_general(key) and home.matches_general(candidate)) or (
            home.length_result(key) == _TOO_LONG
        ):
            return home.country_code, candidate
    return -home.country_code, key  # negative: no code written, the home region's number


@cache
def _written_code(head: str) -> tuple[int, int] | None:
    """(country code, its length) for the first three digits after a "+", or None."""
    code, rest = _split_country_code(head)
    return (code, len(head) - len(rest)) if code else None


def e164_of_keys(
    keys: Iterable[str], region: str | None, fallback: Callable[[str], str | None]
) -> dict[str, str | None]:
    """Key -> E.164, or None when the key is not a valid number.

    ``keys`` are written numbers reduced to ``+?digits`` (separators removed); ``region``
    is the default region as for ``phonenumbers.parse``. Numbers are grouped by country
    code (written, or the default region's) and each group is decided in one pass;
    ``fallback(key)`` (a full phonenumbers parse) decides the keys outside the fast path.
    """
    home = _region(region.upper()) if region else None
    out: dict[str, str | None] = {}
    undecided: list[str] = []
    written: defaultdict[str, list[str]] = defaultdict(list)
    national: list[str] = []
    for key in keys:
        if not key.isascii() or not _MIN_KEY <= len(key) <= _MAX_KEY:
            undecided.append(key)
        elif key[0] == "+":
            written[key[1:4]].append(key)
        else:
            national.append(key)
    groups: defaultdict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for head, members in written.items():
        cut = _written_code(head) if len(head) == 3 else None
        if cut is None:  # "+0…"/an unknown code: parse retries without the "+"
            for key in members:
                part = _national_part(key[1:], home) if len(head) == 3 else None
                if part is None:
                    undecided.append(key)
                elif part[0] <= 0:  # still no country code: parse gives up
                    out[key] = None
                else:
                    group_keys, group_nationals = groups[part[0]]
                    group_keys.append(key)
                    group_nationals.append(part[1])
            continue
        code, size = cut
        group_keys, group_nationals = groups[code]
        group_keys.extend(members)
        group_nationals.extend([key[size + 1 :] for key in members])
    for key in national:
        part = _national_part(key, home)
        if part is None:
            undecided.append(key)
        elif part[0] == 0:
            out[key] = None
        else:
            group_keys, group_nationals = groups[part[0]]
            group_keys.append(key)
            group_nationals.append(part[1])
    for signed_code, (group_keys, group_nationals) in groups.items():
        if not _decide_group(signed_code, group_keys, group_nationals, home, out):
            undecided.extend(group_keys)
    out.update((key, fallback(key)) for key in undecided)
    return out


def _decide_group(
    signed_code: int,
    keys: list[str],
    nationals: list[str],
    home: _Region | None,
    out: dict[str, str | None],
) -> bool:
    """Strip the national prefix, check lengths and validity for one country code group.

    False (nothing decided) for a non-geographic code, left to the full parse.
    """
    code = abs(signed_code)
    regions = _regions_of(code)
    if regions is None:
        return False
    # parse reads the national number with the main region of a written code and with
    # the default region when no code is written
    reader = home if signed_code < 0 and home is not None else regions[0]
    nsns = nationals
    if min(map(len, nsns)) < _MIN_NSN:  # too short to read: "" (never valid)
        nsns = [n if len(n) >= _MIN_NSN else "" for n in nsns]
    if reader.national_prefix is not None:
        starts = list(map(reader.national_prefix.match, nsns))
        if any(starts):
            read = reader.national_for_parse
            nsns = [read(n) if m else n for n, m in zip(nsns, starts, strict=True)]
    valid = _valid_in_group(regions, nsns)
    flags = list(map(valid.__contains__, nsns))
    out.update(dict.fromkeys(keys))
    plus = f"+{code}".__add__
    out.update(zip(compress(keys, flags), map(plus, compress(nsns, flags)), strict=True))
    return True


def clear_compiled() -> None:
    """Forget the compiled metadata (benchmarks time the compilation too)."""
    _region.cache_clear()
    _regions_of.cache_clear()
