"""The safe export reader, through its own API: matching, merging parts, caps, no writes."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from privacy_audit.errors import InputError
from privacy_audit.sources.archive import ExportArchive, Member, SingleFileArchive, match_key

from . import hostile


def _zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_match_key_treats_quotes_and_underscores_alike() -> None:
    assert match_key("who_you've_followed.json") == match_key("who_you_ve_followed.json")
    assert match_key("Where_You’re_Logged_In.JSON") == "where_you_re_logged_in.json"
    assert match_key("a\\b\\c.json") == "a/b/c.json"
    # NFD (macOS folders) and NFC names match
    assert match_key("cafe\u0301.json") == match_key("caf\u00e9.json")


def test_find_by_name_anywhere_and_by_path_suffix(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "x.zip",
        {
            "facebook-x-2024-01-02-abc/connections/friends/your_friends.json": "{}",
            "facebook-x-2024-01-02-abc/connections/followers/your_friends.json": "{}",
            "facebook-x-2024-01-02-abc/who_you've_followed.json": "[]",
            "your_friends.json.bak": "x",
        },
    )
    with ExportArchive([path]) as archive:
        assert len(archive.find("your_friends.json")) == 2
        found = archive.find("friends/your_friends.json")
        assert [m.path.split("/")[-2] for m in found] == ["friends"]
        assert archive.find("iends/your_friends.json") == []  # path boundary only
        assert archive.find("who_you_ve_followed.json")[0].name == "who_you've_followed.json"
        assert archive.find("WHO_YOU’VE_FOLLOWED.json")
        shortest = archive.find_one("missing.json", "your_friends.json")
        # same depth: the alphabetical first path wins, so the choice is stable
        assert shortest is not None and shortest.path.endswith("followers/your_friends.json")
        assert archive.find_one("missing.json") is None
        assert [m.name for m in archive.glob(r"followers/")] == ["your_friends.json"]


def test_multi_part_zips_merge_into_one_tree(tmp_path: Path) -> None:
    one = _zip(
        tmp_path / "facebook-alex-2026-05-14-a1b2c3d4.zip",
        {"facebook-alex/your_facebook_activity/messages/inbox/t_1/message_1.json": '{"a": 1}'},
    )
    two = _zip(
        tmp_path / "facebook-alex-2026-05-14-9f8e7d6c.zip",
        {
            "facebook-alex/your_facebook_activity/messages/inbox/t_1/photos/1.jpg": b"\xff\xd8",
            "facebook-alex/personal_information/profile_information.json": '{"p": 2}',
        },
    )
    with ExportArchive([one, two]) as archive:
        assert {m.part for m in archive.members} == {0, 1}
        profile = archive.find_one("profile_information.json")
        message = archive.find_one("inbox/t_1/message_1.json")
        assert profile is not None and message is not None
        assert archive.read_bytes(profile) == b'{"p": 2}'
        assert archive.read_text(message) == '{"a": 1}'
        assert [m.name for m in archive.non_media()] == [
            "message_1.json",
            "profile_information.json",
        ]
        photo = archive.find_one("1.jpg")
        assert photo is not None and photo.is_media and photo.part == 1


def test_folder_reads_like_zip(tmp_path: Path) -> None:
    root = tmp_path / "insta_sampledata.zip"  # a directory named like a zip
    (root / "wrapper" / "contacts").mkdir(parents=True)
    (root / "wrapper" / "contacts" / "synced_contacts.json").write_text('{"c": 1}')
    (root / "wrapper" / "media").mkdir()
    (root / "wrapper" / "media" / "a.mp4").write_bytes(b"\0" * 10)
    with ExportArchive([root]) as archive:
        assert archive.kind == "folder"
        member = archive.find_one("contacts/synced_contacts.json")
        assert member is not None
        assert member.path == "wrapper/contacts/synced_contacts.json"
        assert archive.read_bytes(member) == b'{"c": 1}'
        with archive.open(member) as stream:
            assert stream.read() == b'{"c": 1}'


def test_folder_symlinks_are_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text("{}")
    root = tmp_path / "export"
    root.mkdir()
    (root / "link.json").symlink_to(secret)
    (root / "linkdir").symlink_to(tmp_path)
    with ExportArchive([root]) as archive:
        assert archive.members == []


def test_declared_size_over_the_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = _zip(tmp_path / "a.zip", {"x/data.json": b"1" * 5000})
    with ExportArchive([path], max_member_bytes=1000) as archive:
        member = archive.find_one("data.json")
        assert member is not None
        with pytest.raises(InputError, match="too large"):
            archive.read_bytes(member)
        with pytest.raises(InputError, match="too large"):
            archive.open(member)
        assert archive.bytes_read == 0
        assert archive.read_bytes(member, limit=10_000) == b"1" * 5000


def test_counted_bytes_are_capped_when_a_file_grows_after_listing(tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    data = root / "data.json"
    data.write_bytes(b"1" * 100)
    with ExportArchive([root], max_member_bytes=1000) as archive:
        member = archive.find_one("data.json")
        assert member is not None and member.size == 100
        data.write_bytes(b"1" * 5000)  # now bigger than it was listed, and than the cap
        with pytest.raises(InputError, match="inflates to more than it declares"):
            archive.read_bytes(member)
        with pytest.raises(InputError, match="inflates to more than it declares"):
            with archive.open(member) as stream:
                stream.read()


def test_total_bytes_read_per_export_are_capped(tmp_path: Path) -> None:
    files = {f"x/file_{i}.json": b"7" * 400 for i in range(5)}
    path = _zip(tmp_path / "a.zip", files)
    with ExportArchive([path], max_total_bytes=1000) as archive:
        members = list(archive.non_media())
        archive.read_bytes(members[0])
        archive.read_bytes(members[1])
        assert archive.bytes_read == 800
        with pytest.raises(InputError, match="more than 0 MB"):
            archive.read_bytes(members[2])


def test_capped_stream_reads_lines_and_counts_bytes(tmp_path: Path) -> None:
    text = "".join(f"line {i}\n" for i in range(1000))
    path = _zip(tmp_path / "chat.zip", {"_chat.txt": text})
    with ExportArchive([path]) as archive:
        member = archive.members[0]
        with archive.open(member) as stream:
            lines = stream.readlines()
        assert len(lines) == 1000 and lines[-1] == b"line 999\n"
        assert archive.bytes_read == len(text)


def test_ratio_bomb_is_refused_without_reading(tmp_path: Path) -> None:
    path = hostile.ratio_bomb(tmp_path)
    with ExportArchive([path]) as archive:
        member = archive.find_one("data.json")
        assert member is not None and member.packed > 0
        with pytest.raises(InputError, match="compressed far more"):
            archive.read_bytes(member)
        assert archive.bytes_read == 0


def test_size_lie_is_caught_as_damage_after_the_declared_bytes(tmp_path: Path) -> None:
    path = hostile.size_lie(tmp_path, inflated=8 * hostile.MB)
    with ExportArchive([path]) as archive:
        member = archive.find_one("data.json")
        assert member is not None and member.size == 1024
        with pytest.raises(InputError, match="damaged"):
            archive.read_bytes(member)
        assert archive.bytes_read <= 1024


def test_duplicate_names_keep_the_first(tmp_path: Path) -> None:
    with ExportArchive([hostile.duplicate_names(tmp_path)]) as archive:
        found = archive.find("data.json")
        assert len(found) == 1
        assert archive.read_bytes(found[0]) == b'{"first": 1}'


def test_symlink_members_are_skipped(tmp_path: Path) -> None:
    with ExportArchive([hostile.symlink_member(tmp_path)]) as archive:
        assert archive.find("data.json") == []
        assert archive.find("stub_export.json")


def test_non_utf8_names_are_listed_not_fatal(tmp_path: Path) -> None:
    with ExportArchive([hostile.non_utf8_names(tmp_path)]) as archive:
        assert len(archive.members) == 2
        assert all(m.key.startswith("export/") for m in archive.members)


@pytest.mark.parametrize(
    ("builder", "message"),
    [
        (hostile.zip_slip, "unsafe file names"),
        (hostile.absolute_name, "unsafe file names"),
        (hostile.encrypted, "password-protected"),
        (hostile.truncated, "not a readable zip"),
        (hostile.bad_utf8_names, "not a readable zip"),
    ],
)
def test_archives_refused_when_opened(tmp_path: Path, builder, message: str) -> None:  # type: ignore[no-untyped-def]
    path = builder(tmp_path)
    with pytest.raises(InputError, match=message) as info:
        ExportArchive([path])
    assert info.value.path == path


def test_random_bytes_are_not_a_zip(tmp_path: Path) -> None:
    path = hostile.random_bytes(tmp_path, "download.zip")
    with pytest.raises(InputError, match="not a readable zip"):
        ExportArchive([path])


def test_many_members_are_listed_and_found(tmp_path: Path) -> None:
    path = hostile.many_members(tmp_path, 100_000)
    with ExportArchive([path]) as archive:
        assert len(archive.members) == 100_002
        needle = archive.find_one("needle.json")
        assert needle is not None and archive.read_bytes(needle) == b"{}"
        assert sum(1 for _ in archive.non_media()) == 2


def test_too_many_members_are_refused_from_the_end_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privacy_audit.sources.archive import listing as archive_module

    path = hostile.many_members(tmp_path, 2000)
    monkeypatch.setattr(archive_module, "MAX_MEMBERS", 1000)
    with pytest.raises(InputError, match=r"too many files \(2002\)"):
        ExportArchive([path])


def test_reading_never_changes_the_input(tmp_path: Path) -> None:
    path = hostile.good_zip(tmp_path)
    before = _fingerprint(path)
    with ExportArchive([path]) as archive:
        for member in archive.non_media():
            archive.read_bytes(member)
            with archive.open(member) as stream:
                stream.read()
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.zip"]


def test_single_file_archive(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Ada.txt"
    chat.write_text("\ufeff01/02/2024, 10:00 - Ada: hi\n", encoding="utf-8")
    archive = SingleFileArchive(chat)
    assert archive.kind == "file" and archive.path == chat
    assert archive.display_name == chat.name
    member = archive.find_one("WhatsApp Chat with Ada.txt")
    assert member is not None
    assert archive.read_text(member).startswith("01/02/2024")
    assert archive.head(member, 3) == b"\xef\xbb\xbf"


def test_member_properties() -> None:
    member = Member("A/B/Photo.JPG", 10, 0, match_key("A/B/Photo.JPG"))
    assert member.name == "Photo.JPG" and member.suffix == ".jpg" and member.is_media
    dotfile = Member("a/.hidden", 1, 0, ".hidden")
    assert dotfile.suffix == "" and not dotfile.is_media


def test_mutated_zips_only_ever_raise_input_error(tmp_path: Path) -> None:
    """Flip bytes all over a valid zip: listing and reading give data or InputError."""
    import random

    original = hostile.good_zip(tmp_path).read_bytes()
    rng = random.Random(1234)
    target = tmp_path / "mutated.zip"
    outcomes = {"ok": 0, "refused": 0}
    for _ in range(400):
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        target.write_bytes(bytes(data))
        try:
            with ExportArchive([target]) as archive:
                for member in archive.non_media():
                    archive.read_bytes(member)
                    with archive.open(member) as stream:
                        stream.read()
            outcomes["ok"] += 1
        except InputError:
            outcomes["refused"] += 1
    assert outcomes["ok"] > 0 and outcomes["refused"] > 0


def test_plain_file_may_not_give_more_than_its_listed_size(tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    data = root / "data.json"
    data.write_bytes(b"1" * 100)
    with ExportArchive([root]) as archive:
        member = archive.members[0]
        data.write_bytes(b"1" * 500)  # grows after listing, still far under the cap
        with pytest.raises(InputError, match="inflates to more than it declares"):
            archive.read_bytes(member)


def test_files_repeated_in_every_part_are_read_once(tmp_path: Path) -> None:
    names = ["facebook-alex-2026-05-14-a1b2c3d4", "facebook-alex-2026-05-14-9f8e7d6c"]
    parts = []
    for index, name in enumerate(names):
        parts.append(
            _zip(
                tmp_path / f"{name}.zip",
                {
                    f"{name}/start_here.json": '{"same": 1}',  # in both parts, own wrapper
                    f"{name}/data/part_{index}.json": "{}",
                    "shared/changed.json": "x" * (index + 1),  # same path, other content
                },
            )
        )
    with ExportArchive(parts) as archive:
        assert len(archive.find("start_here.json")) == 1
        assert len(archive.find("changed.json")) == 2
        assert {m.name for m in archive.members} == {
            "start_here.json",
            "part_0.json",
            "part_1.json",
            "changed.json",
        }


def test_a_folder_file_gone_after_listing_is_a_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    (root / "data.json").write_text("{}")
    with ExportArchive([root]) as archive:
        member = archive.members[0]
        (root / "data.json").unlink()
        with pytest.raises(InputError) as info:
            archive.read_bytes(member)
        assert info.value.render() == (
            "export: data.json cannot be read. "
            "Check that it still exists and that you are allowed to read it."
        )
        with pytest.raises(InputError, match="cannot be read"):
            archive.open(member)
