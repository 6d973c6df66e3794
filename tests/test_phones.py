"""Phone normalisation equals the naive per-row phonenumbers reference, on a varied mix."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pandas as pd
import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_audit import phones
from privacy_audit.model import EvidenceBuilder, SourceInfo


def naive(raw: Any, region: str | None) -> str | None:
    """The reference: parse + is_valid + format E.164, per value."""
    if raw is None or (isinstance(raw, float) and pd.isna(raw)):
        return None
    try:
        number = phonenumbers.parse(str(raw), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_mix(n: int, seed: int = 0) -> list[Any]:
    """Italian (with/without +39, spaces, dashes), other EU, US, short, invalid, junk."""
    rng = random.Random(seed)

    def digits(k: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(k))

    makers = [
        lambda: f"+39 3{rng.randint(20, 49)} {digits(3)} {digits(4)}",
        lambda: f"3{rng.randint(20, 49)}{digits(7)}",
        lambda: f"3{rng.randint(20, 49)}-{digits(7)}",
        lambda: f"0039 3{rng.randint(20, 49)} {digits(7)}",
        lambda: f"06 {digits(8)}",
        lambda: f"+49 15{rng.randint(1, 9)} {digits(8)}",
        lambda: f"+33 6 {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
        lambda: f"+34 6{digits(8)}",
        lambda: f"+31 6 {digits(8)}",
        lambda: f"+44 7911 {digits(6)}",
        lambda: f"+1 ({rng.randint(201, 989)}) {digits(3)}-{digits(4)}",
        lambda: f"({rng.randint(201, 989)}) {digits(3)}-{digits(4)}",
        lambda: digits(rng.randint(2, 5)),  # short codes
        lambda: "+" + digits(rng.randint(3, 20)),  # invalid
        lambda: rng.choice(["", " ", "n/a", "abc", "+", "++39", "3331234567x", "tel:+39"]),
        lambda: None,
        lambda: f"\u202a+39 333 {digits(3)} {digits(4)}\u202c",
        lambda: f"+39 (0)6 {digits(4)}.{digits(4)}",
        lambda: f"3{rng.randint(20, 49)}.{digits(3)}.{digits(4)}",
        lambda: f"+39{digits(10)}",
        lambda: f"+39-3{rng.randint(20, 49)}-{digits(7)}",
    ]
    pool = [rng.choice(makers)() for _ in range(max(1, n // 5))]
    return [rng.choice(pool) for _ in range(n)]  # repeats, like real contact lists


@pytest.mark.parametrize("region", ["IT", "DE", "US", None])
def test_normalize_many_equals_naive(region: str | None) -> None:
    values = phone_mix(3000, seed=hash(region) % 100)
    assert phones.normalize_many(values, region) == [naive(v, region) for v in values]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="+0123456789 -.()\u00a0x/", max_size=18), max_size=40),
    st.sampled_from(["IT", "US", "GB", None]),
)
def test_shared_parses_equal_naive_on_any_digit_string(
    values: list[str], region: str | None
) -> None:
    assert phones.normalize_many(values, region) == [naive(v, region) for v in values]


def test_normalize_number_examples() -> None:
    assert phones.normalize_number("333 123 4567", "IT") == "+393331234567"
    assert phones.normalize_number("+39 333 123 4567", "US") == "+393331234567"
    assert phones.normalize_number("12345", "IT") is None
    assert phones.normalize_number(None, "IT") is None
    assert phones.normalize_number("not a number", "IT") is None


def _values(column: pd.Series) -> list[Any]:
    """Column values with every missing marker (None/NaN) as None."""
    return [None if pd.isna(v) else v for v in column]


def _evidence(rows: dict[str, list[dict[str, Any]]]):  # type: ignore[no-untyped-def]
    builder = EvidenceBuilder()
    for service, items in rows.items():
        sink = builder.source(SourceInfo(service, service, "dyi", "json", "test"))
        for item in items:
            table = item.pop("table")
            sink.add(table, **item)
    return builder.build()


def test_normalize_evidence_fills_every_phone_column(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(var, raising=False)
    mix = phone_mix(500, seed=3)
    evidence = _evidence(
        {
            "whatsapp": [
                {"table": "identifiers", "kind": "phone", "value": "+39 333 123 4567"},
                {"table": "identifiers", "kind": "name", "value": "Giulia"},
                *(
                    {"table": "contacts", "origin": "whatsapp_contacts", "phone_raw": v}
                    for v in mix
                ),
                {"table": "messages", "chat": "c", "sender_phone_raw": "347 111 2222"},
                {"table": "messages", "chat": "c", "sender_phone_raw": None},
            ],
            "facebook": [{"table": "identifiers", "kind": "phone", "value": "99"}],
        }
    )
    phones.normalize_evidence(evidence, region="US")
    assert evidence.region == "IT"  # the WhatsApp number wins over --region
    ids = evidence.identifiers
    assert list(ids["value"]) == ["+393331234567", "Giulia", "99"]
    assert list(ids["raw"][ids["kind"] == "phone"]) == ["+39 333 123 4567", "99"]
    assert list(ids["valid"][ids["kind"] == "phone"]) == [True, False]
    contacts = evidence.contacts
    expected = [naive(None if v == "" else v, "IT") for v in mix]
    assert _values(contacts["phone_e164"]) == expected
    assert list(contacts["phone_valid"]) == [e is not None for e in expected]
    assert _values(evidence.messages["sender_phone_e164"]) == ["+393471112222", None]


def test_region_order(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(var, raising=False)
    facebook_only = _evidence(
        {"facebook": [{"table": "identifiers", "kind": "phone", "value": "+49 151 23456789"}]}
    )
    assert phones.default_region(facebook_only, "US") == "DE"
    national_only = _evidence(
        {"facebook": [{"table": "identifiers", "kind": "phone", "value": "0151 23456789"}]}
    )
    assert phones.default_region(national_only, "fr") == "FR"
    assert phones.default_region(national_only, None) == phones.FALLBACK_REGION
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert phones.default_region(national_only, None) == "DE"
    assert phones.default_region(national_only, "XX") == "DE"  # unknown --region ignored


def test_empty_evidence() -> None:
    evidence = _evidence({})
    assert phones.normalize_evidence(evidence, "IT").region == "IT"


def test_column_without_numbers_maps_to_none_on_its_own_index() -> None:
    """An all-missing column (a chat's senders have no number) gives None on every row,
    object dtype, the column's own index; one number among them is still read."""
    index = pd.Index([7, 3, 5])
    empty = phones._map_column(pd.Series([None, np.nan, None], index=index, dtype=object), "IT")
    assert empty.dtype == object and empty.index.equals(index)
    assert empty.tolist() == [None, None, None]
    one = phones._map_column(pd.Series([None, "347 123 4567", None], index=index), "IT")
    assert one.index.equals(index) and one.tolist() == [None, "+393471234567", None]
