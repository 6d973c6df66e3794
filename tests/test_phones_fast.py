"""The E.164 fast path gives exactly phonenumbers' answer (differential tests).

The reference is ``phonenumbers.parse`` + ``is_valid_number`` + ``format_number(E164)``
per value. Inputs: written forms seen in real contact lists of many regions (the +1
shared-code regions, Italian fixed lines with their leading 0, Argentine and Mexican
mobile rules, Crown dependencies, Vatican, Kazakhstan…), every region's example numbers
in national, international, ``00`` and bare forms, and random variations of them.
"""

from __future__ import annotations

from collections.abc import Callable

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from privacy_audit import phones, phones_fast, phones_metadata

DEFAULT_REGIONS = ["IT", "US", "CA", "GB", "AR", "MX", "DE", "BR", "RU", "VA", "AU", "IN"]

REAL_WORLD = [
    # Italy and Vatican (+39 shared), fixed lines keep their leading 0
    "+39 06 4991 1234", "06 4991 1234", "06-49911234", "02 8088 1234", "+39 02 80881234",
    "0039 02 80881234", "0371 123456", "+39 0371 123456", "+39 (0)6 1234 5678",
    "339 123 4567", "+39 339 1234567", "39 339 1234567", "393391234567", "3391234567",
    "0039 333 1234567", "+39 06 698 12345", "06 698 12345", "+39 3 12 34", "+39 800 123456",
    "800 123 456", "+39 199 123456", "+39 0039 333 1234567",
    # +1: US, Canada, Jamaica, Puerto Rico, Bahamas; toll free; with trunk 1
    "+1 (416) 555-0123", "+1 416 979 0123", "+1 202 555 0125", "+1 (202) 456-1111",
    "1-800-555-0199", "(212) 555-0182", "212.555.0182", "1 212 555 0182",
    "+1 876 927 1234", "+1 787 555 1234", "+1 242 357 1234", "011 39 06 1234 5678",
    "+1 684 622 1234", "+1 671 300 1234", "+1 340 642 1234", "+1 441 294 1234",
    "+1 268 460 1234", "+1 809 234 5678", "+1 829 234 5678", "+1 800 234 5678",
    "+1 268 123 4567", "+1 876 123 4567", "+1 204 234 5678", "+1 613 555 0123",
    # Argentina: mobile 9 after the code, 15 after the area code, 0 trunk
    "+54 9 11 1234-5678", "+54 11 1234-5678", "011 15-1234-5678", "0341 15 412 3456",
    "15 1234 5678", "+54 9 341 412 3456", "00 54 9 11 1234 5678", "011 4123-4567",
    "+54 341 15 412 3456", "0 11 15 1234 5678",
    # Mexico: old mobile 1 after the code, 044/045/01 prefixes
    "+52 1 55 1234 5678", "+52 55 1234 5678", "044 55 1234 5678", "045 33 1234 5678",
    "01 55 1234 5678", "55 1234 5678", "+52 1 33 1234 5678", "00 52 1 55 1234 5678",
    # United Kingdom and Crown dependencies (+44 shared)
    "+44 20 7946 0958", "020 7946 0958", "07700 900123", "+44 7700 900123",
    "+44 7624 123456", "+44 1624 812345", "+44 1481 256789", "+44 7781 123456",
    "+44 1534 123456", "+44 (0)20 7946 0958", "0044 20 7946 0958",
    # Germany, France, Spain, Netherlands, Switzerland, Austria
    "+49 30 123456", "030 1234567", "0151 12345678", "+49 (0)151 12345678",
    "+49 1512 3456789", "+33 6 12 34 56 78", "06 12 34 56 78", "0033 6 12345678",
    "+34 612 34 56 78", "+31 6 12345678", "+41 79 123 45 67", "+43 664 1234567",
    # Russia and Kazakhstan (+7 shared), 8 as trunk prefix
    "+7 912 345-67-89", "8 (912) 345-67-89", "8 912 345 67 89", "+7 701 123 4567",
    "+7 727 258 1234",
    # Brazil (carrier codes), India, Australia and its territories, others
    "+55 11 91234-5678", "(11) 91234-5678", "0 21 11 91234 5678", "011 91234 5678",
    "+91 98765 43210", "098765 43210", "+61 4 1234 5678", "0412 345 678",
    "+61 8 9164 1234", "+61 8 9162 1234", "+86 139 1234 5678", "+81 90-1234-5678",
    "+47 79 12 34 56", "+262 269 61 12 34", "+590 690 00 12 34", "+599 9 123 4567",
    "+358 18 12345", "+212 6 12 34 56 78", "+90 532 123 45 67", "+48 512 345 678",
    # non-geographic codes, unknown codes, "+0", too short and too long
    "+800 1234 5678", "+882 3456 7890", "+999 1234 5678", "+0039 333 1234567",
    "+06 4991 1234", "+1", "+12", "+123", "12", "123", "1234567890123456789012",
    "+39 333 1234567890123", "0000", "000 000 0000", "+39 0000 0000",
    # Unicode digits, and keys longer than any number (left to the full parse)
    "+٣٩ ٣٣٣ ١٢٣ ٤٥٦٧", "٣٣٣ ١٢٣ ٤٥٦٧", "+39 333 1234567 1234567 1234567 1234567",
    "123456789012345678901234567890",
]  # fmt: skip

_TYPES = [
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.MOBILE,
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.VOIP,
    PhoneNumberType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER,
    PhoneNumberType.UAN,
    PhoneNumberType.VOICEMAIL,
]


def reference(raw: str, region: str | None) -> str | None:
    """phonenumbers' own answer for one value."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def example_forms() -> list[str]:
    """Every region's example numbers of every type, written five ways."""
    forms = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in _TYPES:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
            intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
            forms += [e164, intl, national, "00" + e164[1:], e164[1:]]
    return forms


EXAMPLES = example_forms()


def undecided_share(values: list[str], region: str) -> float:
    """How many of the plain values the fast path hands to the full parse."""
    keys = {v.translate(phones._SEPARATORS) for v in values if phones._PLAIN.match(v)}
    handed: list[str] = []
    phones_fast.e164_of_keys(keys, region, lambda key: handed.append(key))
    return len(handed) / len(keys)


@pytest.mark.parametrize("region", DEFAULT_REGIONS)
def test_real_world_forms_equal_phonenumbers(region: str) -> None:
    assert phones.normalize_many(REAL_WORLD, region) == [reference(v, region) for v in REAL_WORLD]


@pytest.mark.parametrize("region", ["IT", "US", "AR", "MX", "GB"])
def test_every_regions_examples_equal_phonenumbers(region: str) -> None:
    assert phones.normalize_many(EXAMPLES, region) == [reference(v, region) for v in EXAMPLES]


@pytest.mark.parametrize("region", ["IT", "US", "AR"])
def test_the_fast_path_decides_nearly_all_common_forms(region: str) -> None:
    # the equality above is only worth something if the fast path did the work
    assert undecided_share(EXAMPLES, region) < 0.02
    assert undecided_share(REAL_WORLD, region) < 0.1


def test_numbers_without_a_default_region_go_to_the_full_parse() -> None:
    values = ["+39 333 1234567", "333 1234567", "0039 333 1234567"]
    assert phones.normalize_many(values, None) == [reference(v, None) for v in values]
    assert undecided_share(["+39 333 1234567"], "IT") == 0


def _mutations(draw: Callable, base: str) -> str:
    digits = list(base)
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(digits) - 1))
        if digits[where].isdigit():
            digits[where] = draw(st.sampled_from("0123456789"))
    cut = draw(st.integers(0, 2))
    grow = draw(st.text(alphabet="0123456789", max_size=2))
    return "".join(digits[: len(digits) - cut]) + grow


@st.composite
def written_numbers(draw: Callable) -> str:
    """A variation of a real example number, or random digits, with a common prefix."""
    if draw(st.booleans()):
        body = _mutations(draw, draw(st.sampled_from(EXAMPLES)))
    else:
        body = draw(st.text(alphabet="0123456789", min_size=1, max_size=18))
    lead = draw(st.sampled_from(["", "+", "00", "0", "011", "+0", "1", "9", "15", "044"]))
    return lead + body


@settings(max_examples=400, deadline=None)
@given(st.lists(written_numbers(), min_size=1, max_size=30), st.sampled_from(DEFAULT_REGIONS))
def test_variations_equal_phonenumbers(values: list[str], region: str) -> None:
    assert phones.normalize_many(values, region) == [reference(v, region) for v in values]


def test_control_a_wrong_region_claim_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # plant a fault (no region of a shared code claims numbers by its leading digits):
    # the +1 and +39 numbers of the smaller regions must show it
    phones_fast.clear_compiled()
    monkeypatch.setattr(phones_metadata, "leading_claims", lambda code: None)
    try:
        assert phones.normalize_many(REAL_WORLD, "IT") != [reference(v, "IT") for v in REAL_WORLD]
    finally:
        monkeypatch.undo()
        phones_fast.clear_compiled()


def test_control_a_wrong_rule_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # plant a fault (national prefixes never stripped): the comparison must see it
    monkeypatch.setattr(phones_metadata.Region, "strip_national_prefix", lambda self, n: n)
    phones_fast.clear_compiled()
    try:
        assert phones.normalize_many(REAL_WORLD, "AR") != [reference(v, "AR") for v in REAL_WORLD]
    finally:
        monkeypatch.undo()
        phones_fast.clear_compiled()
