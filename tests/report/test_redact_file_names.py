"""Redaction of names inside file names (issue 16 item 2): Meta download and wrapper
folder names, Messenger thread folders, NFD file names, names written joined."""

from __future__ import annotations

import unicodedata

from privacy_audit.model import EvidenceBuilder, SourceInfo
from privacy_audit.report.masks import mask_file_names, name_spellings
from privacy_audit.report.pseudonyms import Pseudonymizer


def test_download_and_wrapper_folder_names_lose_their_user_part() -> None:
    assert (
        mask_file_names("facebook-NiccoloDellAcqua-2026-11-18-Ofe7iBD1.zip")
        == "facebook-•••-2026-11-18-Ofe7iBD1.zip"
    )
    assert (
        mask_file_names("x/instagram-giulia.ferraro.bo-2026-11-17-dgnT3pME/a.json")
        == "x/instagram-•••-2026-11-17-dgnT3pME/a.json"
    )
    assert (
        mask_file_names("secure_storage_alexmorgan.pdx_2026-11-16.zip")
        == "secure_storage_•••_2026-11-16.zip"
    )
    # a folder that merely contains the word keeps its name
    assert mask_file_names("your_facebook_activity/posts_1.json") == (
        "your_facebook_activity/posts_1.json"
    )
    assert mask_file_names("whatsapp-account-report-2026-11-17.zip") == (
        "whatsapp-account-report-2026-11-17.zip"
    )


def test_messenger_thread_folders_lose_the_name() -> None:
    path = "your_facebook_activity/messages/inbox/nicolaricci_16149487810924387/message_1.json"
    assert mask_file_names(path) == (
        "your_facebook_activity/messages/inbox/•••_16149487810924387/message_1.json"
    )
    assert mask_file_names("messages/archived_threads/anna/message_1.html") == (
        "messages/archived_threads/•••/message_1.html"
    )


def test_name_spellings() -> None:
    assert name_spellings("niccolò dell'acqua") == {"niccolòdell'acqua", "niccolodellacqua"}
    assert name_spellings("giulia.ferraro.bo") == {"giuliaferrarobo"}
    assert name_spellings("al bo") == set()  # too short to be told from other words


def _pseudonymizer() -> Pseudonymizer:
    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("x.zip", "facebook", "dyi", "json", "facebook-2024"))
    sink.add_many(
        "contacts",
        [{"service": "facebook", "origin": "friends", "name": "Calcetto del giovedì"}],
    )
    sink.add_many(
        "identifiers",
        [
            {"service": "instagram", "kind": "username", "value": "nicco_dellacqua"},
            {"service": "facebook", "kind": "name", "value": "Niccolò Dell'Acqua"},
        ],
    )
    return Pseudonymizer(builder.build())


def test_text_finds_nfd_joined_and_username_spellings() -> None:
    names = _pseudonymizer()
    nfd = unicodedata.normalize("NFD", "WhatsApp Chat - Calcetto del giovedì.zip")
    assert "Calcetto" not in names.text(nfd)
    assert "niccolodellacqua" not in names.text("see niccolodellacqua and NiccoloDellAcqua")
    assert "nicco" not in names.text("ig: niccodellacqua").casefold()
    joined = names.text("Niccolò Dell'Acqua = niccolodellacqua")
    left, right = joined.split(" = ")
    assert left == right  # the same pseudonym for both spellings


def test_a_spelling_that_is_a_company_keeps_the_company_name() -> None:
    builder = EvidenceBuilder()
    sink = builder.source(SourceInfo("x.zip", "facebook", "dyi", "json", "facebook-2024"))
    sink.add_many("contacts", [{"service": "facebook", "origin": "friends", "name": "Viaggi Sole"}])
    sink.add_many("advertisers", [{"name": "ViaggiSole", "relation": "interacted"}])
    names = Pseudonymizer(builder.build())
    assert names.text("ad by ViaggiSole") == "ad by ViaggiSole"
    assert "Viaggi Sole" not in names.text("chat with Viaggi Sole")


def test_a_joined_spelling_with_an_apostrophe_is_found_by_its_first_word() -> None:
    names = _pseudonymizer()
    assert "acqua" not in names.text("dir/niccolòdell'acqua/x").casefold()
