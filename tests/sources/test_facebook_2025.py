"""The 2025-26 Facebook files: uploaded contacts in three label_values files, friend
suggestions, their HTML twins, labels in other languages; Instagram cross-app threads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from privacy_audit.pipeline import load_evidence

from . import meta_builders as mb
from .meta_builders_fb import contact_files_2025, suggestion_files

PROFILE = "personal_information/profile_information"
OTHER = "personal_information/other_personal_information"
FRIENDS = "connections/friends"


def _uploaded(ev) -> set[tuple[str, str | None, str | None]]:
    """(name, E.164, e-mail) of every uploaded contact point."""
    book = ev.contacts[ev.contacts.origin == "address_book"]
    return {
        (r.name, None if pd.isna(r.phone_e164) else r.phone_e164,
         None if pd.isna(r.email) else r.email)
        for r in book.itertuples()
    }  # fmt: skip


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_same_uploaded_contacts_as_the_2024_layout(tmp_path: Path, fmt: str) -> None:
    old = load_evidence([mb.build_facebook_export(tmp_path / "a", "2024", fmt)], region="IT")
    new = load_evidence([mb.build_facebook_export(tmp_path / "b", "2025", fmt)], region="IT")
    assert old.sources[0].warnings == new.sources[0].warnings == []
    points = _uploaded(old)
    assert len(points) == 4 and ("Luca Rossi", None, "luca@example.org") in points
    # the same points, plus "Mamma" again by name only (contacts_uploaded_from_your_phone)
    assert _uploaded(new) == points | {("Mamma", None, None)}
    recognized = {Path(p).name for p in new.sources[0].files_recognized}
    for name in (
        "contacts_uploaded_before_2021",
        "your_imported_contacts",
        "contacts_uploaded_from_your_phone",
        "people_you_may_know",
        "suggested_friends",
    ):
        assert f"{name}.{fmt}" in recognized  # fmt: skip
    book = new.contacts[new.contacts.origin == "address_book"]
    assert "1000000001" not in set(book.phone_raw.dropna())  # a user_id is not a number
    times = dict(zip(book.name, book.created_at, strict=False))
    assert times["Mamma"] == pd.Timestamp(mb.FB_ADDRESS_BOOK[0][2], unit="s", tz="UTC")


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_friend_suggestions(tmp_path: Path, fmt: str) -> None:
    ev = load_evidence([mb.build_facebook_export(tmp_path, "2025", fmt)], region="IT")
    s = ev.suggestions
    pymk = s[s.origin == "people_you_may_know"]
    assert list(pymk.name) == list(mb.FB_SUGGESTIONS)
    assert set(pymk.suggested_at) == {pd.Timestamp(mb.FB_SUGGESTIONS_AT, unit="s", tz="UTC")}
    sent = s[s.origin == "suggested_friends"]
    assert list(sent.name) == ["Mamma"]
    assert sent.suggested_at.iloc[0] == pd.Timestamp(1680000000, unit="s", tz="UTC")
    assert set(s.source_file.map(lambda p: Path(p).name)) == {
        f"people_you_may_know.{fmt}",
        f"suggested_friends.{fmt}",
    }


@pytest.mark.parametrize("lang", ["it", "de"])
def test_labels_in_other_languages(tmp_path: Path, lang: str) -> None:
    english = load_evidence([mb.build_facebook_export(tmp_path / "en", "2025")], region="IT")
    files = {**contact_files_2025(PROFILE, OTHER, lang), **suggestion_files(FRIENDS, lang)}
    local = mb.build_facebook_export(tmp_path / lang, "2025", extra_files=files)
    ev = load_evidence([local], region="IT")
    assert _uploaded(ev) == _uploaded(english)
    cols = ["origin", "name", "suggested_at"]
    pd.testing.assert_frame_equal(ev.suggestions[cols], english.suggestions[cols])
    book = ev.contacts[ev.contacts.origin == "address_book"]
    assert book.created_at.notna().all()


def test_a_suggestion_with_a_number(tmp_path: Path) -> None:
    doc = {
        "label_values": [
            {"label": "When these suggestions were created", "timestamp_value": 1700000000},
            {"label": "Friend suggestions", "vec": [{"value": "+39 347 555 0101"}]},
        ]
    }
    path = mb.build_facebook_export(
        tmp_path, "2025", extra_files={f"{FRIENDS}/people_you_may_know.json": doc}
    )
    ev = load_evidence([path], region="IT")
    pymk = ev.suggestions[ev.suggestions.origin == "people_you_may_know"]
    assert list(pymk.phone_e164) == ["+393475550101"]
    assert pymk.name.isna().all()


def test_an_unexpected_shape_is_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = mb.build_facebook_export(
        tmp_path,
        "2025",
        extra_files={f"{OTHER}/your_imported_contacts.json": {"contacts": "?"}},
    )
    ev = load_evidence([path], region="IT")
    (warning,) = ev.sources[0].warnings
    assert "your_imported_contacts.json" in warning
    # the other two files still count
    assert len(ev.contacts[ev.contacts.origin == "address_book"]) == 4


def test_instagram_cross_app_inbox_threads_are_read(tmp_path: Path) -> None:
    plain = load_evidence([mb.build_instagram_export(tmp_path / "a")])
    thread = mb.thread_doc("Luca Rossi", ("Luca Rossi", "zoe_ig"),
                           (("Luca Rossi", 1_760_000_000_000, "text"),))  # fmt: skip
    folder = "your_instagram_activity/messages"
    extra = {
        f"{folder}/cross-app-inbox/crossapp_17/message_1.json": thread,
        f"{folder}/some_future_inbox/crossapp_18/message_1.json": thread,
    }
    ev = load_evidence([mb.build_instagram_export(tmp_path / "b", extra_files=extra)])
    assert len(ev.messages) == len(plain.messages) + 2
    new = ev.messages[ev.messages.source_file.str.contains("/crossapp_")]
    assert set(new.source_file.map(lambda p: p.split("/messages/")[1].split("/")[0])) == {
        "cross-app-inbox",
        "some_future_inbox",
    }
    assert ev.sources[0].files_unrecognized == plain.sources[0].files_unrecognized


def test_the_2023_german_people_you_may_know_without_a_batch_time(tmp_path: Path) -> None:
    """The Dec-2023 German shape (a public sample): only the labelled list of names."""
    doc = {
        "media": [],
        "label_values": [
            {
                "label": "Freundschaftsvorschläge",
                "vec": [{"value": "Ada Beispiel"}, {"value": "Ben Muster"}],
            }
        ],
    }
    path = mb.build_facebook_export(
        tmp_path, "2024", extra_files={f"{FRIENDS}/people_you_may_know.json": doc}
    )
    ev = load_evidence([path], region="IT")
    assert list(ev.suggestions.name) == ["Ada Beispiel", "Ben Muster"]
    assert ev.suggestions.suggested_at.isna().all()
    assert ev.sources[0].warnings == []


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "unexpected structure at"), ("it", "inattesa in")]
)
def test_an_unexpected_shape_names_the_key(tmp_path: Path, lang: str, text: str) -> None:
    path = mb.build_facebook_export(
        tmp_path, "2024", extra_files={f"{FRIENDS}/your_friends.json": {"friends_v2": "?"}}
    )
    ev = load_evidence([path], region="IT", lang=lang)
    (warning,) = ev.sources[0].warnings
    assert "your_friends.json" in warning and text in warning and "'friends_v2'" in warning
