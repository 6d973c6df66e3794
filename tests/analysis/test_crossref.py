"""The cross-reference tables: contract columns, joins, confidence labels."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.analysis import crossref as xr
from privacy_audit.analysis import normalize as nz
from privacy_audit.analysis.audit import run_audit
from privacy_audit.model import Evidence
from privacy_audit.phones import phone_keys
from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.whatsapp.chat.importer import chat_name_from_file

from .evidence_factory import Factory, full_factory

CONTRACT = {
    "own_ids": ["kind", "value", "services", "n_services"],
    "contact_overlap": ["key", "name", "services", "n_services", "confidence"],
    "shared_network": ["kind", "value", "services", "n_services", "first_seen", "last_seen"],
    "activity_daily": ["service", "date", "events"],
    "activity_hourly": ["service", "hour", "events"],
    "off_meta_top": ["app", "events", "first", "last"],
    "advertisers": ["name", "relations", "in_off_meta", "in_whatsapp_business"],
}


def test_public_keys_and_columns_on_full_and_empty_evidence() -> None:
    for evidence in (full_factory().build(), Evidence.empty()):
        tables = xr.public(xr.crossref(evidence))
        assert set(tables) == set(xr.PUBLIC_KEYS)
        for key, columns in CONTRACT.items():
            assert list(tables[key].columns) == columns, key
        assert list(tables["linked_accounts"].columns) == list(evidence.linked_accounts.columns)


def test_own_ids_join_services() -> None:
    own = xr.crossref(full_factory().build())["own_ids"]
    phone = own[own["kind"] == "phone"].iloc[0]
    assert (phone["value"], phone["services"], phone["n_services"]) == (
        "+393470000001",
        "facebook,instagram,whatsapp",
        3,
    )
    email = own[own["kind"] == "email"].iloc[0]
    assert email["value"] == "me@example.it" and email["n_services"] == 2


def test_own_number_is_not_a_contact(factory: Factory) -> None:
    factory.add("facebook", "identifiers", kind="phone", value="+393470000001")
    factory.add(
        "facebook", "contacts", origin="address_book", name="Me", phone_e164="+393470000001"
    )
    factory.add("whatsapp", "contacts", origin="whatsapp_contacts", phone_e164="+393470000001")
    assert xr.crossref(factory.build())["contact_overlap"].empty


def test_overlap_by_email(factory: Factory) -> None:
    factory.add(
        "instagram", "contacts", origin="synced_contacts", name="Luca", email="Luca@Example.org"
    )
    factory.add("whatsapp", "contacts", origin="whatsapp_contacts", email="luca@example.org")
    overlap = xr.crossref(factory.build())["contact_overlap"]
    assert overlap[["key", "services", "confidence"]].values.tolist() == [
        ["luca@example.org", "instagram,whatsapp", "confirmed"]
    ]


def test_activity_daily_and_hourly_count_activity_and_messages() -> None:
    tables = xr.crossref(full_factory().build())
    daily = tables["activity_daily"]
    hourly = tables["activity_hourly"]
    wa = daily[daily["service"] == "whatsapp"]["events"].sum()
    assert wa == 1 + 2 + 13  # registration + business chat + group
    assert daily["events"].sum() == hourly["events"].sum()
    assert hourly["hour"].between(0, 23).all()


def test_shared_network_keeps_original_device_spelling() -> None:
    net = xr.crossref(full_factory().build())["shared_network"]
    device = net[net["kind"] == "device"].iloc[0]
    assert device["value"] in ("Pixel 8", "pixel 8")
    assert device["first_seen"] < device["last_seen"]


def test_advertiser_overlap_flags() -> None:
    adv = xr.crossref(full_factory().build())["advertisers"].set_index("name")
    assert bool(adv.loc["Viaggi Sole S.r.l.", "in_off_meta"])
    assert bool(adv.loc["Viaggi Sole S.r.l.", "in_whatsapp_business"])
    assert not bool(adv.loc["Vela Blu", "in_off_meta"])


def test_business_name_key() -> None:
    names = pd.Series(["Viaggi Sole S.r.l.", "www.viaggisole.it", "VIAGGI SOLE", None])
    assert nz.business_name(names).tolist()[:3] == ["viaggisole"] * 3
    assert nz.business_name(names).iloc[3] is None


def test_phone_key() -> None:
    """The cross-reference keys numbers with phones.phone_keys: E.164, or None."""
    phones = pd.Series(["+39 347 000 0001", "347-000-0001", "12", None])
    assert phone_keys(phones, "IT").tolist() == ["+393470000001"] * 2 + [None, None]
    found = pd.Series(["+393470000002", None, None, None])  # normalize_evidence's column
    assert phone_keys(phones, "IT", found).tolist() == [
        "+393470000002",
        "+393470000001",
        None,
        None,
    ]


def test_phone_key_of_numbers_the_library_calls_invalid() -> None:
    # +49 123… is not a valid German number: still one key, with or without its "+"
    phones = pd.Series(["+49123456789", "49123456789", "+49 123 456789", "0049123456789"])
    assert set(phone_keys(phones, "IT")) == {"+49123456789"}
    assert phone_keys(pd.Series(["49123456789"]), "IT").tolist() == ["+3949123456789"]


def test_audit_leaves_the_evidence_unchanged() -> None:
    evidence = full_factory().build()
    before = {name: table.copy() for name, table in evidence.tables.items()}
    for lang in ("en", "it"):
        run_audit(evidence, lang=lang)
    for name, table in evidence.tables.items():
        pd.testing.assert_frame_equal(table, before[name], obj=name)


@pytest.mark.parametrize(
    ("file_name", "notice"),
    [
        (
            "Chat WhatsApp con Palestra Fenice.txt",
            "Questa chat è con un account aziendale. Tocca per maggiori informazioni.",
        ),
        (
            "Chat WhatsApp con Viaggi Sole.txt",
            "Questa azienda usa un servizio sicuro di Meta per gestire questa chat. "
            "Tocca per saperne di più.",
        ),
        (
            "WhatsApp Chat with Harbor Lane Coffee.txt",
            "This business uses a secure service from Meta to manage this chat. Tap to learn more.",
        ),
    ],
)
def test_chat_marked_business_by_the_export_is_confirmed(
    tmp_path: Path, file_name: str, notice: str
) -> None:
    path = tmp_path / file_name
    path.write_text(
        f"02/05/26, 10:12 - {notice}\n"
        "02/05/26, 10:13 - Giulia: Buongiorno, orari di sabato?\n"
        "02/05/26, 10:20 - Bottega: Dalle 9 alle 13\n",
        encoding="utf-8",
    )
    evidence = load_evidence([path])
    chats = xr.crossref(evidence)["business_chats"]
    # no advertiser or off-Meta business has this name: only the export says it
    assert chats[["chat", "confidence"]].values.tolist() == [
        [chat_name_from_file(file_name), "confirmed"]
    ]
    finding = next(f for f in run_audit(evidence).findings if f.id == "business-chats")
    assert finding.confidence == "confirmed" and finding.counts["confirmed"] == 1


def test_business_account_report_does_not_confirm_chats(factory: Factory) -> None:
    # extra["business"] on the account report means the user's own account is a business
    factory.source("whatsapp").info.extra["business"] = True
    factory.add(
        "whatsapp",
        "messages",
        src="chat",
        chat="Mamma",
        is_group=False,
        sender="Mamma",
        timestamp=1_700_000_000,
    )
    assert xr.crossref(factory.build())["business_chats"].empty


def test_people_uploaded_by_name_only(factory: Factory) -> None:
    """2025+ "contacts uploaded from your phone" carry no number: a WhatsApp contact of
    the same name is a probable overlap; the same name next to a number is one person."""
    factory.add("facebook", "contacts", origin="address_book", name="Nonna Rosa")
    factory.add("facebook", "contacts", origin="address_book", name="Zio Piero")
    factory.add("facebook", "contacts", origin="address_book", name="Zio Piero",
                phone_e164="+393470000099")  # fmt: skip
    factory.add("whatsapp", "contacts", origin="whatsapp_contacts", name="nonna rosa",
                phone_e164="+393470000055")  # fmt: skip
    ev = factory.build()
    tables = xr.crossref(ev)
    assert len(tables["uploads"]) == 2  # "Zio Piero" by name only is the same person
    overlap = tables["contact_overlap"]
    assert overlap[["key", "name", "services", "confidence"]].to_dict("records") == [
        {
            "key": "+393470000055",
            "name": "Nonna Rosa",
            "services": "facebook,whatsapp",
            "confidence": "probable",
        }
    ]
