"""Messenger importer: Messenger-only DYI exports and the secure-storage download."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_audit.pipeline import load_evidence
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.detect import detect

from . import meta_builders as mb


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_messenger_dyi(tmp_path: Path, fmt: str) -> None:
    path = mb.build_messenger_export(tmp_path, fmt=fmt)
    ev = load_evidence([path])
    (source,) = ev.sources
    assert (source.service, source.layout, source.format) == ("messenger", "messenger-2024", fmt)
    assert source.warnings == []
    msgs = ev.messages
    assert len(msgs) == mb.N_MESSAGES and set(msgs.service) == {"messenger"}
    assert set(msgs.chat) == set(mb.MSG_THREADS)
    assert msgs.groupby("chat").is_group.first().to_dict() == {
        "Famiglia ❤️": True,
        "Luca Rossi": False,
    }
    kinds = msgs[msgs.chat == "Luca Rossi"].kind
    assert sorted(kinds) == ["deleted", "media", "system", "text"]
    book = ev.contacts[ev.contacts.origin == "address_book"]
    assert "3281112222" in set(book.phone_raw.dropna())
    chat_contacts = ev.contacts[ev.contacts.origin == "messenger_contacts"]
    assert set(chat_contacts.name) == {"Luca Rossi", "Mamma"}  # the owner is left out
    assert mb.OWNER_PHONE in set(ev.identifiers.raw)


def test_secure_storage(tmp_path: Path) -> None:
    path = mb.build_messenger_export(tmp_path, secure_storage=True)
    ev = load_evidence([path])
    (source,) = ev.sources
    assert (source.service, source.layout) == ("messenger", "messenger-e2ee")
    msgs = ev.messages
    assert len(msgs) == mb.N_MESSAGES
    assert set(msgs.kind) == {"text", "media", "deleted", "system"}
    assert msgs.timestamp.min().year == 2023
    for frame in ev.tables.values():
        assert mb.SECRET_TEXT not in frame.to_string()


def test_facebook_with_messages_is_not_messenger(tmp_path: Path) -> None:
    for layout in ("2020", "2023", "2024"):
        path = mb.build_facebook_export(tmp_path / layout, layout=layout)
        with ExportArchive([path]) as archive:
            assert detect(archive).service == "facebook"


def test_messages_only_folder_is_messenger(tmp_path: Path) -> None:
    path = mb.build_messenger_export(tmp_path, zipped=False)
    renamed = path.with_name("my_download")
    path.rename(renamed)
    with ExportArchive([renamed]) as archive:
        assert detect(archive).service == "messenger"


@pytest.mark.parametrize(
    ("stem", "service"),
    [("facebook-zoe-2026-05-14", "facebook"), ("instagram-zoe-2026-05-14", "instagram"),
     ("messenger-zoe-2026-05-14", "messenger"), ("download", "messenger")],
)  # fmt: skip
def test_messages_only_exports_follow_their_name(tmp_path: Path, stem: str, service: str) -> None:
    title, (people, msgs) = next(iter(mb.MSG_THREADS.items()))
    tree = {"messages/inbox/luca_1/message_1.json": mb.thread_doc(title, people, msgs)}
    path = mb.write_export(tmp_path, stem, tree)
    ev = load_evidence([path])
    assert [s.service for s in ev.sources] == [service]
    assert set(ev.messages.service) == {service} and len(ev.messages) == len(msgs)


def test_user_names_that_mention_the_other_service(tmp_path: Path) -> None:
    fb = mb.build_facebook_export(tmp_path / "fb", username="instagram.lover")
    ig = mb.build_instagram_export(tmp_path / "ig", username="facebook_fan")
    ev = load_evidence([fb, ig])
    assert [(s.service, s.warnings) for s in ev.sources] == [("facebook", []), ("instagram", [])]
    per_service = ev.contacts.groupby("service").origin.agg(set).to_dict()
    assert "address_book" in per_service["facebook"]
    assert "synced_contacts" in per_service["instagram"]


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_combined_accounts_center_export(tmp_path: Path, fmt: str) -> None:
    """One ``meta-…`` zip holding a Facebook and an Instagram profile's folders."""
    fb, ig = mb.facebook_tree("2024"), mb.ig.instagram_tree("2023")
    if fmt == "html":
        fb, ig = mb.html.facebook_html_tree(fb, "2024"), mb.html.instagram_html_tree(ig, "2023")
    tree = {f"facebook-zoe-2026-05-14/{k}": v for k, v in fb.items()}
    tree.update({f"instagram-zoe-2026-05-14/{k}": v for k, v in ig.items()})
    path = mb.write_export(tmp_path, "meta-2026-May-14", tree)
    ev = load_evidence([path])
    (source,) = ev.sources
    assert source.warnings == []
    by_service = ev.contacts.groupby("service").origin.agg(set).to_dict()
    assert {"address_book", "friends"} <= by_service["facebook"]
    assert {"synced_contacts", "followers"} <= by_service["instagram"]
    assert set(ev.messages.service) == {"facebook", "instagram"}
    assert len(ev.messages) == mb.N_MESSAGES + 1
    assert source.files_unrecognized <= 4  # the root pages of the HTML variant
