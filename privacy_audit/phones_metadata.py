"""phonenumbers' metadata compiled for deciding whole columns of numbers at once.

One :class:`Region` per region code holds what ``phonenumbers.parse`` and
``is_valid_number`` read from the region's metadata (general pattern, possible lengths,
international and national prefixes with their transform rule, leading digits, the
number-type patterns), compiled once; :func:`regions_of` gives the regions sharing a
country calling code in phonenumbers' order, :func:`leading_claims` their leading
digits as one pattern. Used by :mod:`privacy_audit.phones_fast`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, groupby
from operator import not_
from typing import Final

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata
from phonenumbers.phonemetadata import PhoneNumberDesc

MIN_NSN = 2  # phonenumbers' _MIN_LENGTH_FOR_NSN
MAX_NSN = 17  # phonenumbers' _MAX_LENGTH_FOR_NSN
_NON_GEO = "001"

# the outcomes of phonenumbers' _test_number_length that refuse national prefix stripping
_POSSIBLE, _TOO_SHORT, TOO_LONG, _LOCAL_ONLY, _INVALID_LENGTH = range(5)
_KEEP_UNSTRIPPED = frozenset({_TOO_SHORT, _LOCAL_ONLY, _INVALID_LENGTH})


def _fullmatcher(desc: PhoneNumberDesc | None) -> re.Pattern[str] | None:
    """The desc's national number pattern (None when it has none, which never matches)."""
    if desc is None or not desc.national_number_pattern:
        return None
    return re.compile(desc.national_number_pattern)


@dataclass(frozen=True)
class Region:
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
            return TOO_LONG
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

    @property
    def literal_prefix(self) -> str | None:
        """The national prefix when it is plain digits with no transform (such as "0")."""
        pattern = self.national_prefix.pattern if self.national_prefix is not None else ""
        return pattern if pattern.isdecimal() and pattern.isascii() and not self.transform else None

    def national_for_parse(self, national: str) -> str:
        """The national number parse keeps: stripped of its national prefix when the rest
        is still of a possible length (phonenumbers' parse, after the country code)."""
        stripped = self.strip_national_prefix(national)
        return stripped if self.length_result(stripped) not in _KEEP_UNSTRIPPED else national

    def valid_among(self, numbers: Iterable[str]) -> set[str]:
        """The numbers of ``numbers`` valid in this region, one compiled check per length."""
        valid: set[str] = set()
        for size, members in groupby(sorted(numbers, key=len), len):
            check = self.check(size) if MIN_NSN <= size <= MAX_NSN else None
            if check is not None:
                valid.update(filter(check.fullmatch, members))
        return valid


#: the most common types first: the alternation stops at the first that matches
_TYPE_FIELDS = (
    "mobile",
    "fixed_line",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
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
def region_metadata(code: str) -> Region | None:
    """The compiled metadata of region ``code`` (None for an unknown region)."""
    metadata = PhoneMetadata.metadata_for_region(code, None)
    if metadata is None:
        return None
    general = metadata.general_desc
    if general is None or metadata.country_code is None:
        return None
    return Region(
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


def split_country_code(digits: str) -> tuple[int, str]:
    """phonenumbers' _extract_country_code: (code, rest), or (0, digits) when none."""
    if digits[:1] == "0":
        return 0, digits
    for size in (1, 2, 3):
        code = _CODES.get(digits[:size])
        if code is not None:
            return code, digits[size:]
    return 0, digits


@cache
def regions_of(country_code: int) -> tuple[Region, ...] | None:
    """The geographic regions sharing ``country_code``, main one first (None: non-geo)."""
    codes = COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    if not codes or _NON_GEO in codes:
        return None
    regions = tuple(region_metadata(code) for code in codes)
    if any(r is None for r in regions):
        return None
    return regions  # type: ignore[return-value]


@cache
def home_prefixes(code: str) -> re.Pattern[str] | None:
    """What a number written without "+" in region ``code`` may start with that makes it
    more than a national number: the region's international prefix or its country code
    (None for an unknown region)."""
    home = region_metadata(code)
    if home is None:
        return None
    own = str(home.country_code)
    return re.compile(f"(?:{home.idd.pattern})|{own}" if home.idd is not None else own)


@cache
def leading_claims(country_code: int) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The leading digits of every region of a shared code that has them, as one pattern
    (does any region claim the number?) and as one with each region's digits in the
    named group ``r<index>``: the alternation tries them in the regions' order, so the
    group that matches names the first region claiming a number. None: no region has
    leading digits."""
    parts = [
        (index, region.leading_digits.pattern)
        for index, region in enumerate(regions_of(country_code) or ())
        if region.leading_digits is not None
    ]
    if not parts:
        return None
    named = "|".join(f"(?P<r{index}>{pattern})" for index, pattern in parts)
    return re.compile("|".join(f"(?:{pattern})" for _, pattern in parts)), re.compile(named)


def valid_in_group(code: int, numbers: list[str]) -> set[str]:
    """phonenumbers' is_valid_number for the national numbers of one country code group.

    A shared code (+1, +7, +39, +44…) first finds the number's region, trying the regions
    in order: a region with leading digits claims the numbers they match, one without
    claims the numbers valid there; the number is then validated in its region. The
    leading digits are read once for all regions (:func:`leading_claims`). ``code`` must
    be geographic (:func:`regions_of` not None).
    """
    regions = regions_of(code) or ()
    if len(regions) == 1:
        return regions[0].valid_among(numbers)
    valid: set[str] = set()
    first = 0
    if regions[0].leading_digits is None:  # the main region claims what is valid there
        valid = regions[0].valid_among(numbers)
        numbers = list(compress(numbers, map(not_, map(valid.__contains__, numbers))))
        first = 1
    by_claim: defaultdict[str | None, list[str]] = defaultdict(list)
    claims = leading_claims(code)
    hits = list(map(claims[0].match, numbers)) if claims is not None else []
    if claims is None or not any(hits):
        by_claim[None] = numbers
    else:
        by_claim[None] = list(compress(numbers, map(not_, hits)))
        for number in compress(numbers, hits):
            claim = claims[1].match(number)
            by_claim[claim.lastgroup if claim is not None else None].append(number)
    taken: set[str] = set()  # valid in an earlier region without leading digits
    for index in range(first, len(regions)):
        region = regions[index]
        if region.leading_digits is not None:
            claimed = by_claim.get(f"r{index}", [])
            valid |= region.valid_among([n for n in claimed if n not in taken])
            continue
        # a region without leading digits sees what no earlier region claimed
        later = [by_claim[f"r{after}"] for after in range(index + 1, len(regions))]
        candidates = [n for n in chain(by_claim[None], *later) if n not in taken]
        found_valid = region.valid_among(candidates)
        valid |= found_valid
        taken |= found_valid
    return valid


def clear() -> None:
    """Forget the compiled metadata (benchmarks time the compilation too)."""
    for cached in (region_metadata, regions_of, home_prefixes, leading_claims):
        cached.cache_clear()
