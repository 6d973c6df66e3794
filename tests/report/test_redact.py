"""Redaction: not one real name, number, email or IP of the input in any output format."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

from privacy_audit.analysis.result import AuditResult
from privacy_audit.i18n import translator
from privacy_audit.report import render_html, write_report
from privacy_audit.report.redact import Redactor, mask_email, mask_phone, truncate_ip

from .factories import CHAT_FRIEND, OWN_NAME, PersonalData, make_result


def _leaks(text: str, data: PersonalData) -> list[str]:
    """Every personal value found in ``text`` (raw, unescaped, any case, any spacing)."""
    plain = " ".join(html.unescape(text).split()).casefold()
    raw = " ".join(text.split()).casefold()
    return sorted(v for v in data.all() if v.casefold() in plain or v.casefold() in raw)


def test_the_leak_check_finds_what_it_looks_for(personal: tuple[AuditResult, PersonalData]) -> None:
    result, data = personal
    leaks = _leaks(render_html(result), data)  # not redacted: full of personal data
    assert OWN_NAME in leaks and CHAT_FRIEND in leaks
    assert any("@" in v for v in leaks) and "93.44.120.15" in leaks
    assert any(v.startswith("+39") for v in leaks)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_redacted_html_and_json_hold_no_personal_data(tmp_path: Path, lang: str) -> None:
    result, data = make_result(lang=lang, n_contacts=60)
    page = render_html(result, redact=True)
    assert _leaks(page, data) == []
    written = write_report(result, tmp_path / "r.json", fmt="json", redact=True)
    assert _leaks(written.read_text(encoding="utf-8"), data) == []
    label = "Contatto" if lang == "it" else "Contact"
    assert re.search(rf"{label} \d+", page)


def test_redacted_csv_zip_and_folder_hold_no_personal_data(
    personal: tuple[AuditResult, PersonalData], tmp_path: Path
) -> None:
    result, data = personal
    archive = write_report(result, tmp_path / "r.zip", fmt="csv", redact=True)
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert {"contacts.csv", "findings.csv", "evidence.csv", "tables/contacts.csv"} <= set(names)
        for name in names:
            assert _leaks(z.read(name).decode("utf-8-sig"), data) == [], name
    folder = write_report(result, tmp_path / "csv", fmt="csv", redact=True)
    files = sorted(folder.rglob("*.csv"))
    assert len(files) == len(names)
    for path in files:
        assert _leaks(path.read_text(encoding="utf-8-sig"), data) == [], path.name


def test_redaction_does_not_change_the_original(personal: tuple[AuditResult, PersonalData]) -> None:
    result, _data = personal
    before = result.to_json()
    render_html(result, redact=True)
    assert result.to_json() == before


def test_pseudonyms_are_stable_across_tables_and_findings(
    personal: tuple[AuditResult, PersonalData],
) -> None:
    result, _data = personal
    redactor = Redactor(result.evidence, translator("it"), result.crossref)
    redacted = redactor.result(result)
    # the chat partner is also a contact: one pseudonym everywhere
    pseudo = redactor.name(CHAT_FRIEND)
    assert pseudo.startswith("Contatto ")
    chat = next(f for f in redacted.findings if f.id == "business-chats")
    assert chat.evidence[0]["sender"] == pseudo
    assert redacted.sources[3].path == f"WhatsApp Chat with {pseudo}.txt"
    overlap = redacted.crossref["contact_overlap"]
    first = result.crossref["contact_overlap"]["name"].iloc[0]
    assert overlap["name"].iloc[0] == redactor.name(first)
    # the person themselves
    assert redactor.name(OWN_NAME) == "Tu"
    # devices are consistent pseudonyms too
    network = redacted.crossref["shared_network"]
    device = network.loc[network["kind"] == "device", "value"].iloc[0]
    assert device.startswith("Dispositivo ")


def test_companies_keep_their_names(personal: tuple[AuditResult, PersonalData]) -> None:
    result, _data = personal
    redacted = Redactor(result.evidence, translator("en"), result.crossref).result(result)
    assert list(redacted.crossref["advertisers"]["name"]) == list(
        result.crossref["advertisers"]["name"]
    )
    assert "Spotify" in render_html(result, redact=True)


def test_masks() -> None:
    assert mask_phone("+393471234567") == "+39 •••••••67"
    assert mask_email("giulia.rossi@example.it") == "g•••@•••.it"
    assert truncate_ip("93.44.120.15") == "93.44.x.x"
    assert truncate_ip("2a01:e11:1402:5a0::1b") == "2a01:e11::/32"


def test_free_text_scrub_finds_numbers_in_any_format(
    personal: tuple[AuditResult, PersonalData],
) -> None:
    result, _data = personal
    redactor = Redactor(result.evidence, translator("en"))
    text = redactor.text(
        "Call 347 123 4567 (2016) or +44 7700 900123, mail X@Y.org, from 10.0.0.1 at 10:20:30"
    )
    assert "347 123 4567" not in text and "7700 900123" not in text
    assert "X@Y.org" not in text and "10.0.0.1" not in text
    assert "(2016)" in text and "10:20:30" in text  # not phone numbers, kept
    assert redactor.text("Giulia_Rossi_chat.txt") == "You_chat.txt"
    assert redactor.text("MARCO BIANCHI said hi") == f"{redactor.name(CHAT_FRIEND)} said hi"


def test_gui_copy_and_report_agree_on_pseudonyms(
    personal: tuple[AuditResult, PersonalData],
) -> None:
    from privacy_audit.report.redact import redact_result

    result, _data = personal
    with_tables = redact_result(result, tables=True)
    without = redact_result(result, tables=False)
    assert [f.evidence for f in with_tables.findings] == [f.evidence for f in without.findings]
    assert with_tables.crossref["contact_overlap"].equals(without.crossref["contact_overlap"])
    assert without.evidence.contacts.empty and not with_tables.evidence.contacts.empty
    assert set(with_tables.evidence.contacts["name"]) & {
        row["name"] for row in with_tables.findings[1].evidence
    }
