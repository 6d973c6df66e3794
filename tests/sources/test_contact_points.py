"""Contact points in every written form, classified with phonenumbers (issue 12 §3)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.phones import contact_point_kind
from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.meta.reader import contact_kind

from .meta_builders import write_export


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("(+39) 347 123 4567", "phone"),
        ("(+39) 320 253 0829", "phone"),
        ("tel:+393471234567", "phone"),
        ("TEL:+39-347-123-4567", "phone"),
        ("+39.347.123.4567", "phone"),
        ("+39\u00a0347\u00a0123\u00a04567", "phone"),
        ("\u202a+39 347 123 4567\u202c", "phone"),
        ("\u200e+39 347 123 4567", "phone"),
        ("\u2068+44 7911 123456\u2069", "phone"),
        ("\ufeff+39 347 123 4567", "phone"),
        ("0039 347 123 4567", "phone"),
        ("347 123 4567", "phone"),
        ("347/1234567", "phone"),
        ("06 1234 5678", "phone"),
        ("+39 (0)6 1234 5678", "phone"),
        ("+1 (415) 555-0132", "phone"),
        ("\uff0b39 347 123 4567", "phone"),
        ("mario.rossi@example.it", "email"),
        ("  Mario.Rossi@Example.IT ", "email"),
        ("mario@localhost", "other"),
        ("mario rossi@example.it", "other"),
        ("Mario Rossi", "other"),
        ("12345", "other"),
        ("skype:mario.rossi", "other"),
        ("facebook.com/mario.rossi", "other"),
        ("+39 347 123 4567 / +39 348 765 4321", "other"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_contact_point_kind(value: str | None, kind: str | None) -> None:
    assert contact_point_kind(value) == kind
    assert contact_kind(value) == (kind if kind in ("email", "phone") else None)


def test_national_form_is_read_with_the_region() -> None:
    assert contact_point_kind("0039 347 123 4567", "US") == "phone"
    assert contact_point_kind("(415) 555-0132", "US") == "phone"


# (name, contact point, E.164 the user's region IT makes of it, or None) — the written
# forms found in real address books: copied from phones, typed by hand, synced from
# SIM cards and from other apps
ADDRESS_BOOK: list[tuple[str, str, str | None]] = [
    ("Giulia Bianchi", "+39 347 123 4567", "+393471234567"),
    ("Luca Verdi", "(+39) 320 253 0829", "+393202530829"),
    ("Marco Neri", "(+39)3331234567", "+393331234567"),
    ("Sara Gallo", "tel:+39-340-765-4321", "+393407654321"),
    ("Paolo Conti", "+39.348.111.2222", "+393481112222"),
    ("Anna Russo", "+39\u00a0339\u00a0555\u00a01234", "+393395551234"),
    ("Elena Costa", "\u202a+39 366 000 1111\u202c", "+393660001111"),
    ("Davide Fontana", "\u200e+39 328 444 5555", "+393284445555"),
    ("Chiara Greco", "0039 345 678 9012", "+393456789012"),
    ("Matteo Ricci", "347 987 6543", "+393479876543"),
    ("Francesca Marino", "3281234567", "+393281234567"),
    ("Nonna", "06 1234 5678", "+390612345678"),
    ("Studio dentistico", "+39 (0)2 8765 4321", "+390287654321"),
    ("Ufficio", "02-87654321", "+390287654321"),
    ("Tom Smith", "+44 7911 123456", "+447911123456"),
    ("Julia Meyer", "+49 1512 3456789", "+4915123456789"),
    ("Mike Brown", "+1 (415) 555-0132", "+14155550132"),
    ("Ana García", "\u2068+34 612 34 56 78\u2069", "+34612345678"),
    ("Sofia Lombardi", "sofia.lombardi@example.it", None),
    ("Roberto Colombo", "Roberto.Colombo@Example.COM", None),
    ("Pizzeria", "*123#", None),
    ("Vecchio numero", "12345", None),
    ("Skype", "skype:roberto.c", None),
    ("Due numeri", "+39 347 000 1111 / +39 348 000 2222", None),
    ("Numero sbagliato", "+39 12", None),
]
EMAILS = {"sofia.lombardi@example.it", "roberto.colombo@example.com"}


def _address_book_export(tmp_path: Path) -> Path:
    book = [
        {"name": name, "details": [{"contact_point": point}], "created_timestamp": 1700000000}
        for name, point, _ in ADDRESS_BOOK
    ]
    tree = {
        "personal_information/profile_information/profile_information.json": {
            "profile_v2": {
                "name": {"full_name": "Zoë Ferrari"},
                "phone_numbers": [{"phone_number": "+39 333 765 4321"}],
            }
        },
        "personal_information/other_personal_information/your_address_books.json": {
            "address_book_v2": {"address_book": book}
        },
    }
    return write_export(tmp_path, "facebook-zoe-2026-01-02", tree)


def test_realistic_address_book_keeps_every_contact_point(tmp_path: Path) -> None:
    evidence = load_evidence([_address_book_export(tmp_path)])
    book = evidence.contacts[evidence.contacts["origin"] == "address_book"]
    assert len(book) == len(ADDRESS_BOOK)  # nothing dropped
    by_name = {row.name: row for row in book.itertuples()}
    for name, point, e164 in ADDRESS_BOOK:
        row = by_name[name]
        if point.lower() in EMAILS:
            assert row.email == point.lower() and pd.isna(row.phone_raw), name
            continue
        assert row.phone_raw == point, name  # kept as written
        assert (None if pd.isna(row.phone_e164) else row.phone_e164) == e164, name
        assert bool(row.phone_valid) is (e164 is not None), name
    assert set(book["email"].dropna()) == EMAILS
    assert book["phone_e164"].notna().sum() == 18
    unread = len(ADDRESS_BOOK) - 18 - len(EMAILS)
    warnings = evidence.sources[0].warnings
    assert (
        f"{unread} contact points in your_address_books.json are neither valid phone numbers "
        "nor e-mail addresses; they are kept as written." in warnings
    )


def test_unread_contact_points_are_told_in_italian(tmp_path: Path) -> None:
    evidence = load_evidence([_address_book_export(tmp_path)], lang="it")
    assert any(
        w.startswith("5 recapiti in your_address_books.json non sono")
        for w in evidence.sources[0].warnings
    )


def test_a_clean_address_book_has_no_such_warning(tmp_path: Path) -> None:
    """Control: the warning counts only what is unread."""
    book = [
        {"name": name, "details": [{"contact_point": point}], "created_timestamp": 1700000000}
        for name, point, e164 in ADDRESS_BOOK
        if e164 or point.lower() in EMAILS
    ]
    tree = {
        "personal_information/other_personal_information/your_address_books.json": {
            "address_book_v2": {"address_book": book}
        },
    }
    evidence = load_evidence([write_export(tmp_path, "facebook-zoe-2026-01-02", tree)])
    assert len(evidence.contacts) == 20
    assert not any("kept as written" in w for w in evidence.sources[0].warnings)


def test_chat_senders_and_group_numbers_are_read_with_phonenumbers() -> None:
    from privacy_audit.sources.whatsapp.chat.parse import parse_chat

    text = (
        "15/03/24, 10:00 - Luca ha creato il gruppo \u201cCalcetto\u201d\n"
        "15/03/24, 10:01 - Luca ha aggiunto +39 333 123 4567 e \u202a+44 7911 123456\u202c\n"
        "15/03/24, 10:02 - +12 345 578 ha aggiunto Sara\n"
        "15/03/24, 10:03 - \u202a+39 347 765 4321\u202c: ciao\n"
        "15/03/24, 10:04 - Luca: ciao a tutti\n"
        "15/03/24, 10:05 - 112: un nome fatto di cifre\n"
    )
    parsed = parse_chat(text)
    # "+12 345 578" is a possible number (+1, seven digits): kept, found invalid later
    assert parsed.group_numbers == ["+39 333 123 4567", "+44 7911 123456", "+12 345 578"]
    assert list(parsed.frame["sender_phone_raw"].dropna()) == ["+39 347 765 4321"]


def test_whatsapp_report_contacts_by_shape() -> None:
    from privacy_audit.sources.whatsapp.account.labels import looks_like_phone, phones_in

    assert looks_like_phone("(+39) 333 123 4567")
    assert looks_like_phone("\u202a+39 333 123 4567\u202c")
    assert not looks_like_phone("Android-2.26.7.73")
    assert not looks_like_phone("12345")
    assert phones_in("Contatti: (+39) 333 123 4567, tel:+44 7911 123456; 2.26.7") == [
        "(+39) 333 123 4567",
        "+44 7911 123456",
    ]
