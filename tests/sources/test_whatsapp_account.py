"""WhatsApp account-info report: both generations, JSON / HTML / both, Business, damage."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import load_evidence

from .whatsapp_report_builders import REPORT_TRUTH, report_members, write_report

T = REPORT_TRUTH
GEN2 = [("2022", fmt, lang) for fmt in ("json", "html", "mixed") for lang in ("en", "it")]
GEN1 = [("2018", fmt, "en") for fmt in ("json", "html", "mixed")]


def _load(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return load_evidence([path], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("generation", "fmt", "lang"), GEN2 + GEN1)
def test_report_fills_every_table(tmp_path: Path, generation: str, fmt: str, lang: str) -> None:
    path = write_report(tmp_path / "whatsapp_report.zip", generation, fmt, lang=lang)
    evidence = _load(path)
    source = evidence.sources[0]
    assert (source.service, source.kind, source.format) == ("whatsapp", "account_report", fmt)
    assert source.layout == f"whatsapp-report-{generation}"
    assert source.warnings == []
    assert source.files_unrecognized == 0

    ids = evidence.identifiers.set_index("kind")
    assert ids.loc["phone", "value"] == "+393331234567"
    assert ids.loc["phone", "raw"] == T["phone"]
    assert bool(ids.loc["phone", "valid"])
    assert ids.loc["name", "value"] == T["name"]
    assert ids.loc["about", "value"] == T["about"]
    assert evidence.region == "IT"

    contacts = evidence.contacts
    assert set(contacts["origin"]) == {"whatsapp_contacts"}
    assert set(contacts["phone_raw"]) == set(T["contacts"])
    assert contacts["phone_valid"].all()
    assert "+393405556677" in set(contacts["phone_e164"])

    settings = dict(zip(evidence.settings["key"], evidence.settings["value"], strict=True))
    for key, value in T["settings"].items():
        assert settings[key] == value, key
    if generation == "2018":
        assert settings["share_with_facebook"] == "on"

    activity = evidence.activity
    devices = activity[activity["kind"] == "device"]
    assert list(devices["device"]) == list(T["devices"])
    registration = activity[activity["kind"] == "registration"]
    assert registration["timestamp"].iloc[0] == pd.Timestamp(T["registration"], unit="s", tz="UTC")
    assert registration["device"].iloc[0] == "Android"
    if generation == "2022":
        assert list(activity[activity["kind"] == "companion"]["device"]) == list(T["companions"])
        last = activity[activity["kind"] == "last_active"]
        assert len(last) == 2 and last["timestamp"].notna().all()
        assert source.export_date is not None
        groups = evidence.groups
        assert list(zip(groups["name"], groups["members"], strict=True)) == list(T["groups"])
    else:
        assert list(activity[activity["kind"] == "ip"]["ip"]) == [T["ip"]]
        if fmt != "html":
            assert list(evidence.groups["name"]) == [n for n, _ in T["groups"]]


def test_business_variant(tmp_path: Path) -> None:
    path = write_report(tmp_path / "whatsapp_business.zip", "2022", "json", business=True)
    evidence = _load(path)
    assert evidence.sources[0].extra.get("business") is True
    names = set(evidence.identifiers.loc[evidence.identifiers["kind"] == "name", "value"])
    assert T["business_name"] in names
    assert "info@pizzeria.example" in set(evidence.identifiers["value"])


def test_report_inside_a_wrapper_folder(tmp_path: Path) -> None:
    path = tmp_path / "report.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in report_members("2022", "json", root="whatsapp_report/").items():
            zf.writestr(name, data)
    evidence = _load(path)
    assert evidence.sources[0].layout == "whatsapp-report-2022"
    assert len(evidence.contacts) == len(T["contacts"])


def test_damaged_and_unknown_files_become_warnings(tmp_path: Path) -> None:
    members = report_members("2022", "json")
    members["whatsapp_connections/contacts.json"] = b'{"wa_contacts": [{"x": 1}]}'
    members["whatsapp_connections/groups.json"] = b"{not json"
    members["whatsapp_account_information/user_information.json"] = b'{"label_values": []}'
    path = tmp_path / "report.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    evidence = _load(path, lang="it")
    warnings = evidence.sources[0].warnings
    assert any("groups.json" in w for w in warnings)
    assert any("numero di telefono" in w for w in warnings)
    assert any("elenco dei contatti" in w for w in warnings)
    assert len(evidence.settings) == len(T["settings"])  # the rest is still read


def test_unknown_keys_found_by_shape(tmp_path: Path) -> None:
    members = {
        "whatsapp_account_information/user_information.json":
            b'{"profile": {"whatever": "+39 333 123 4567"}}',
        "whatsapp_connections/contacts.json":
            b'{"people": [{"n": "A", "num": "+39 347 111 2222"}, ["+39 348 222 3333"]]}',
        "whatsapp_connections/groups.json": b'{"x": [{"title": "Gita", "members_count": 7}]}',
    }  # fmt: skip
    path = tmp_path / "report.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    evidence = _load(path)
    assert list(evidence.identifiers["value"]) == ["+393331234567"]
    assert set(evidence.contacts["phone_e164"]) == {"+393471112222", "+393482223333"}
    assert list(zip(evidence.groups["name"], evidence.groups["members"], strict=True)) == [
        ("Gita", 7)
    ]


def test_own_number_sets_the_region_for_contacts(tmp_path: Path) -> None:
    members = report_members("2022", "json")
    members["whatsapp_account_information/user_information.json"] = (
        b'{"label_values": [{"label": "Phone number", "value": "+49 151 23456789"}]}'
    )
    members["whatsapp_connections/contacts.json"] = b'{"wa_contacts": ["0151 98765432"]}'
    path = tmp_path / "report.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    evidence = _load(path, region="IT")
    assert evidence.region == "DE"
    assert list(evidence.contacts["phone_e164"]) == ["+4915198765432"]


def test_meta_style_html_blocks(tmp_path: Path) -> None:
    """The 2022+ HTML pages write label and value in sibling blocks, not tables."""

    def block(label: str, value: str) -> str:
        return f'<div class="_a6-g"><div class="_a6-h">{label}</div><div class="_a6-p"><div>{value}</div></div></div>'  # noqa: E501

    page = (
        "<html><body><main>"
        + block("Phone number", "+39 333 123 4567")
        + block("Name", "Giulia Rossi")
        + "</main></body></html>"
    ).encode()
    settings = (
        "<html><body>" + block("Last seen and online", "Nobody")
        + block("Read receipts", "Off") + "</body></html>"
    ).encode()  # fmt: skip
    path = tmp_path / "report.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("whatsapp_account_information/user_information.html", page)
        zf.writestr("whatsapp_settings/account_settings.html", settings)
    evidence = _load(path)
    ids = dict(zip(evidence.identifiers["kind"], evidence.identifiers["value"], strict=True))
    assert ids == {"phone": "+393331234567", "name": "Giulia Rossi"}
    settings_found = dict(zip(evidence.settings["key"], evidence.settings["value"], strict=True))
    assert settings_found == {"last_seen": "nobody", "read_receipts": "off"}


@pytest.mark.parametrize("value", ["²", "١٢³", "1²"])
def test_timestamp_with_a_superscript_digit_is_not_a_crash(value: str) -> None:
    """str.isdigit() accepts "²" but int() does not: such a value is no time, not a bug."""
    from privacy_audit.sources.whatsapp.account.sections import to_seconds

    assert to_seconds(value) is None
    assert to_seconds("1700000000") == 1_700_000_000.0  # control: digits are a time
