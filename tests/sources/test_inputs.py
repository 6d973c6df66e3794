"""Grouping what the user dropped into exports: parts, folders, wrappers, Downloads."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from privacy_audit.errors import InputError
from privacy_audit.pipeline import expand_inputs, find_exports, load_evidence, open_exports
from privacy_audit.sources.archive import SingleFileArchive, inputs
from privacy_audit.sources.archive.inputs import (
    MAX_SCAN_DEPTH,
    is_export_tree,
    open_parts,
    scan_folder,
)
from privacy_audit.sources.archive.parts import part_group_key

from . import hostile


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _names(groups: list[list[Path]]) -> list[list[str]]:
    return [[p.name for p in group] for group in groups]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("facebook-alex-2026-05-14-a1b2c3d4.zip", "facebook-alex-2026-05-14"),
        ("facebook-alex-2026-05-14-9f8e7d6c.zip", "facebook-alex-2026-05-14"),
        ("facebook-jean-luc-2024-1-2-ZZ.zip", "facebook-jean-luc-2024-1-2"),
        ("instagram-ada.l-2025-01-02-AbC123 (1).zip", "instagram-ada.l-2025-01-02"),
        ("meta-2025-Jan-02-17-33-01.zip", "meta-2025-jan-02"),
        ("ada_20211231_part_2.zip", "ada_20211231"),
        ("ada_20211231.zip", "ada_20211231"),
        ("facebook-alex-2026-05-14-a1b2c3d4", "facebook-alex-2026-05-14"),  # extracted folder
        ("WhatsApp Chat with Ada.zip", None),
        ("holiday.zip", None),
    ],
)
def test_part_group_key(name: str, key: str | None) -> None:
    assert part_group_key(Path(name)) == key


def test_parts_of_one_export_are_merged_others_kept_apart(tmp_path: Path) -> None:
    a = _zip(tmp_path / "facebook-alex-2026-05-14-a1b2c3d4.zip", {"x/stub_export.json": "{}"})
    b = _zip(tmp_path / "facebook-alex-2026-05-14-9f8e7d6c.zip", {"x/media/1.jpg": ""})
    c = _zip(tmp_path / "instagram-alex-2026-05-14-77.zip", {"y/stub_instagram.json": "{}"})
    d = _zip(tmp_path / "ada_20211231_part_1.zip", {"z/a.json": "{}"})
    e = _zip(tmp_path / "ada_20211231_part_2.zip", {"z/b.json": "{}"})
    groups = expand_inputs([b, c, a, d, e])
    assert _names(groups) == [
        ["facebook-alex-2026-05-14-9f8e7d6c.zip", "facebook-alex-2026-05-14-a1b2c3d4.zip"],
        ["instagram-alex-2026-05-14-77.zip"],
        ["ada_20211231_part_1.zip", "ada_20211231_part_2.zip"],
    ]


def test_same_file_twice_or_downloaded_twice_counts_once(tmp_path: Path) -> None:
    a = _zip(tmp_path / "facebook-alex-2026-05-14-a1b2c3d4.zip", {"x/stub_export.json": "{}"})
    copy = tmp_path / "facebook-alex-2026-05-14-a1b2c3d4 (1).zip"
    copy.write_bytes(a.read_bytes())
    groups = expand_inputs([a, copy, a, tmp_path / "." / a.name])
    assert _names(groups) == [["facebook-alex-2026-05-14-a1b2c3d4.zip"]]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        expand_inputs([tmp_path / "nope.zip"])
    assert info.value.render() == (
        "nope.zip: The file or folder does not exist. Check the path and try again."
    )


def _extracted(root: Path, *folders: str) -> Path:
    for folder in folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "data.json").write_text("{}")
    return root


def test_extracted_export_folder_is_one_export(tmp_path: Path) -> None:
    root = _extracted(tmp_path / "facebook_data", "personal_information", "logged_information")
    (root / "some.zip").write_bytes(b"")  # even with a stray zip inside
    assert is_export_tree(root)
    assert expand_inputs([root]) == [[root]]


def test_wrapper_folders_and_dir_named_zip(tmp_path: Path) -> None:
    root = tmp_path / "insta_sampledata.zip"
    _extracted(root / "insta_sampledata", "contacts", "personal_information")
    assert root.is_dir() and is_export_tree(root)
    assert expand_inputs([root]) == [[root]]
    drive = tmp_path / "meta-2025-Jan-02" / "facebook-x-2025-01-02-ab"
    _extracted(drive, "your_facebook_activity")
    assert expand_inputs([tmp_path / "meta-2025-Jan-02"]) == [[tmp_path / "meta-2025-Jan-02"]]


def test_whatsapp_report_tree_is_an_export(tmp_path: Path) -> None:
    root = _extracted(tmp_path / "report", "whatsapp_account_information", "whatsapp_settings")
    assert is_export_tree(root)


def test_downloads_folder_is_expanded_into_its_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    _zip(downloads / "facebook-alex-2026-05-14-a1b2c3d4.zip", {"x/stub_export.json": "{}"})
    _zip(downloads / "facebook-alex-2026-05-14-9f8e7d6c.zip", {"x/media/1.jpg": ""})
    (downloads / "WhatsApp Chat with Ada.txt").write_text("01/02/24, 10:00 - Ada: hi\n")
    _zip(downloads / "WhatsApp Chat with Bo.zip", {"WhatsApp Chat with Bo.txt": "hi"})
    _zip(downloads / "holiday.zip", {"plan.json": "{}"})  # not an export: skipped
    hostile.pdf(downloads)
    hostile.encrypted(downloads)  # unreadable but not asked for: skipped
    (downloads / "notes.txt").write_text("shopping list")
    extracted = _extracted(downloads / "instagram_export", "your_instagram_activity")
    (extracted / "your_instagram_activity" / "stub_instagram.json").write_text("{}")

    groups = expand_inputs([downloads])
    assert sorted(_names(groups)) == [
        ["WhatsApp Chat with Ada.txt"],
        ["WhatsApp Chat with Bo.zip"],
        ["facebook-alex-2026-05-14-9f8e7d6c.zip", "facebook-alex-2026-05-14-a1b2c3d4.zip"],
        ["instagram_export"],
    ]
    archives = open_exports([downloads])
    try:
        kinds = sorted((type(a).__name__, a.kind) for a in archives)
        assert kinds == [
            ("ExportArchive", "folder"),
            ("ExportArchive", "zip"),
            ("ExportArchive", "zip"),
            ("SingleFileArchive", "file"),
        ]
    finally:
        for archive in archives:
            archive.close()


def test_folder_with_only_a_zip_opens_the_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    folder = tmp_path / "download"
    folder.mkdir()
    inner = hostile.good_zip(folder, "facebook-a-2024-01-02-x.zip")
    assert expand_inputs([folder]) == [[inner]]


def test_folder_with_one_unreadable_candidate_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    folder = tmp_path / "download"
    folder.mkdir()
    hostile.encrypted(folder)
    with pytest.raises(InputError, match=r"encrypted\.zip: This archive is password-protected"):
        expand_inputs([folder])


def test_folder_without_any_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile.use_stub_importer(monkeypatch)
    folder = tmp_path / "Downloads"
    folder.mkdir()
    hostile.unknown_zip(folder)
    (folder / "notes.txt").write_text("shopping list")
    with pytest.raises(InputError) as info:
        expand_inputs([folder])
    assert info.value.path == folder
    assert "No Facebook, Instagram, Messenger or WhatsApp export was found" in str(info.value)


def test_empty_and_media_folders_are_kept_for_detection_to_explain(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "a.jpg").write_bytes(b"\xff\xd8\xff")
    assert expand_inputs([empty, photos]) == [[empty], [photos]]


def test_open_parts_kinds(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Ada.txt"
    chat.write_text("hi")
    assert isinstance(open_parts([chat]), SingleFileArchive)
    fake = hostile.random_bytes(tmp_path, "facebook-a-2024-01-02-x.zip")
    with pytest.raises(InputError, match="not a readable zip archive"):
        open_parts([fake])


def test_zip_and_the_folder_it_was_extracted_to_count_once(tmp_path: Path) -> None:
    name = "facebook-alex-2026-05-14-a1b2c3d4"
    folder = _extracted(tmp_path / name, "personal_information")
    archive = _zip(tmp_path / f"{name}.zip", {f"{name}/personal_information/data.json": "{}"})
    assert expand_inputs([folder, archive]) == [[archive]]
    assert expand_inputs([archive, folder]) == [[archive]]


def test_special_files_are_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "export.zip"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file or folder"):
        expand_inputs([fifo])


def test_extracted_parts_in_a_folder_are_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    downloads = tmp_path / "Downloads"
    one = _extracted(downloads / "facebook-alex-2026-05-14-a1b2c3d4", "personal_information")
    (one / "stub_export.json").write_text("{}")
    two = _extracted(downloads / "facebook-alex-2026-05-14-9f8e7d6c", "logged_information")
    assert expand_inputs([downloads]) == [[two, one]]


def test_exports_side_by_side_under_a_wrapper_folder_are_each_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Downloads/Meta/{facebook export, instagram export}: two exports, not one Facebook
    export whose Instagram files are listed as "not known"."""
    hostile.use_stub_importer(monkeypatch)
    meta = tmp_path / "Downloads" / "Meta"
    facebook = _extracted(meta / "facebook_data", "personal_information")
    (facebook / "personal_information" / "stub_export.json").write_text("{}")
    instagram = _extracted(meta / "insta_data", "personal_information")
    (instagram / "personal_information" / "stub_instagram.json").write_text("{}")
    assert expand_inputs([tmp_path / "Downloads"]) == [[facebook], [instagram]]


def test_chats_one_folder_down_are_read_as_when_their_folder_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stray file next to chat texts one folder down must not turn them into one
    unrecognised folder (exit 2) while the folder itself reads them chat by chat."""
    hostile.use_stub_importer(monkeypatch)
    chats = tmp_path / "backup" / "chats"
    chats.mkdir(parents=True)
    for name in ("WhatsApp Chat with Ada.txt", "WhatsApp Chat with Bo.txt"):
        (chats / name).write_text("01/02/24, 10:00 - Ada: hi\n")
    (chats / "target.json").write_text("{}")
    direct = expand_inputs([chats])
    assert _names(direct) == [["WhatsApp Chat with Ada.txt"], ["WhatsApp Chat with Bo.txt"]]
    assert expand_inputs([tmp_path / "backup"]) == direct


def test_export_of_an_unknown_layout_with_a_text_file_deep_inside_stays_one_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searching sub-folders must not turn an export folder of a layout the tree check does
    not know into its stray .txt files: with nothing recognised below, the folder is read
    whole, as before."""
    hostile.use_stub_importer(monkeypatch)
    root = tmp_path / "export"
    (root / "data").mkdir(parents=True)
    (root / "data" / "stub_export.json").write_text("{}")
    (root / "media" / "files").mkdir(parents=True)
    (root / "media" / "files" / "notes.txt").write_text("shopping list")
    assert expand_inputs([root]) == [[root]]


def _deep(root: Path, levels: int) -> Path:
    """``root/level1/level2/.../levelN`` (created), each level with a stray file beside
    its sub-folder (as in a real tree, so no level is a mere wrapper); returns the deepest
    folder."""
    folder = root
    for level in range(1, levels + 1):
        folder = folder / f"level{level}"
        folder.mkdir(parents=True)
        (folder / "README.md").write_text("notes")
    return folder


def test_export_unzipped_many_folders_down_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Downloads/a/b/.../facebook_data (8 folders down, as a project's sample-data tree
    is): found and read, with no warning."""
    hostile.use_stub_importer(monkeypatch)
    deep = _deep(tmp_path / "Downloads", 7)
    facebook = _extracted(deep / "facebook_data", "personal_information")
    (facebook / "personal_information" / "stub_export.json").write_text("{}")
    found = find_exports([tmp_path / "Downloads"])
    assert found.exports == [[facebook]]
    assert found.cuts == []
    evidence = load_evidence([tmp_path / "Downloads"])
    assert [s.warnings for s in evidence.sources] == [[]]


def test_search_stops_at_the_depth_cap_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    downloads = tmp_path / "Downloads"
    near = _extracted(downloads / "facebook_data", "personal_information")
    (near / "personal_information" / "stub_export.json").write_text("{}")
    deepest = _deep(downloads / "old", MAX_SCAN_DEPTH)  # Downloads/old/level1/.../level16
    far = _extracted(deepest / "instagram_data", "personal_information")
    (far / "personal_information" / "stub_instagram.json").write_text("{}")

    found = find_exports([downloads])
    assert found.exports == [[near]]  # the far export lies below the cap
    (cut,) = found.cuts
    assert cut.reason == "depth" and cut.stopped_at.name == f"level{MAX_SCAN_DEPTH - 1}"

    (source,) = load_evidence([downloads], lang="it").sources
    (warning,) = source.warnings
    where = "/".join(["Downloads", "old"] + [f"level{n}" for n in range(1, MAX_SCAN_DEPTH)])
    assert f"alla cartella {where}:" in warning
    assert f"più di {MAX_SCAN_DEPTH} livelli" in warning


def test_nothing_found_before_the_cap_is_an_error_naming_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond the cap lies a downloaded export zip (the folder, read whole, is no export)."""
    hostile.use_stub_importer(monkeypatch)
    deepest = _deep(tmp_path / "backup", MAX_SCAN_DEPTH + 1)
    export = _zip(deepest / "facebook-x-2024-01-02-ab.zip", {"x/stub_export.json": "{}"})
    with pytest.raises(InputError) as info:
        expand_inputs([tmp_path / "backup"])
    message = info.value.render()
    assert message.startswith("backup: No Facebook, Instagram, Messenger or WhatsApp export")
    assert "the search stopped early, at the folder backup/level1/" in message
    assert f"level{MAX_SCAN_DEPTH}." in message
    # given directly, the same export is read
    assert expand_inputs([export]) == [[export]]


def test_search_stops_after_too_many_files_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    monkeypatch.setattr(inputs, "MAX_SCAN_ENTRIES", 40)
    home = tmp_path / "home"
    (home / "a_photos").mkdir(parents=True)
    for n in range(39):
        (home / "a_photos" / f"{n}.jpg").write_bytes(b"")
    export = _extracted(home / "b_facebook", "personal_information")
    (export / "personal_information" / "stub_export.json").write_text("{}")
    (home / "c_more" / "chats").mkdir(parents=True)
    (home / "c_more" / "chats" / "WhatsApp Chat with Ada.txt").write_text(
        "01/02/24, 10:00 - A: hi\n"
    )

    found = find_exports([home])
    assert found.exports == [[export]]  # c_more is not entered any more
    (cut,) = found.cuts
    assert (cut.reason, cut.stopped_at) == ("entries", home / "c_more")
    (source,) = load_evidence([home]).sources
    assert source.warnings == [
        "The search for exports stopped at the folder home/c_more: more than 40 files and "
        "folders were searched. If an export is missing, open its folder directly."
    ]


def test_scan_without_a_cap_finds_what_the_cap_hides(tmp_path: Path) -> None:
    """Control: the same tree searched with a deeper cap finds the far export, so the
    cut above is the cap and not a failure to search."""
    deepest = _deep(tmp_path / "backup", MAX_SCAN_DEPTH + 1)
    export = _zip(deepest / "facebook-x-2024-01-02-ab.zip", {"x/stub_export.json": "{}"})
    assert scan_folder(tmp_path / "backup").candidates == []
    scan = scan_folder(tmp_path / "backup", max_depth=MAX_SCAN_DEPTH + 2)
    assert scan.candidates == [export] and scan.cut is None


def test_prioss_sample_tree_is_found_deep_inside_the_fixtures(shared_fixtures: Path) -> None:
    """The PriOSS sample export lies seven folders below fixtures/meta."""
    names = [[p.name for p in parts] for parts in expand_inputs([shared_fixtures / "meta"])]
    assert ["facebook_data_marcia_2023_12_20"] in names


def test_damaged_export_in_a_scanned_folder_is_named_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Downloads holds a chat and both parts of a Facebook export, one part cut short: the
    chat is read and the user is told which Facebook file was not read and why; a damaged
    zip with a name no export has stays a stray file nobody asked for."""
    hostile.use_stub_importer(monkeypatch)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    chat = downloads / "WhatsApp Chat with Ada.txt"
    chat.write_text("01/02/24, 10:00 - Ada: hi\n")
    good = _zip(downloads / "facebook-ada-2026-05-14-a1b2c3d4.zip", {"x/stub_export.json": "{}"})
    cut_short = downloads / "facebook-ada-2026-05-14-9f8e7d6c.zip"
    cut_short.write_bytes(good.read_bytes()[:60])
    (downloads / "holiday.zip").write_bytes(good.read_bytes()[:60])

    found = find_exports([downloads])
    assert found.exports == [[chat]]
    (unread,) = found.unread
    assert unread.error.path == cut_short
    (source,) = load_evidence([downloads], lang="it").sources
    assert source.warnings == [
        "facebook-ada-2026-05-14-9f8e7d6c.zip nella cartella Downloads non è stato letto: "
        "Questo file non è un archivio zip leggibile (potrebbe essere danneggiato o "
        "incompleto). Scarica di nuovo l'esportazione e apri il file .zip che hai ricevuto."
    ]


def test_damaged_export_alone_in_a_scanned_folder_is_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile.use_stub_importer(monkeypatch)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    good = _zip(downloads / "facebook-ada-2026-05-14-a1b2c3d4.zip", {"x/stub_export.json": "{}"})
    (downloads / "facebook-ada-2026-05-14-9f8e7d6c.zip").write_bytes(good.read_bytes()[:60])
    (downloads / "notes.txt").write_text("shopping list")
    with pytest.raises(InputError) as info:
        expand_inputs([downloads])
    assert info.value.render().startswith(
        "facebook-ada-2026-05-14-9f8e7d6c.zip: This file is not a readable zip archive"
    )


def test_zip_of_zero_bytes_is_an_unfinished_download(tmp_path: Path) -> None:
    """A download cut off before its first byte is called empty, not damaged."""
    empty = tmp_path / "facebook-ada-2026-05-14-a1b2c3d4.zip"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as info:
        open_parts([empty])
    assert info.value.render() == (
        "facebook-ada-2026-05-14-a1b2c3d4.zip: This zip file is empty (0 bytes): its download "
        "did not finish. Download the export again and open the .zip file you received."
    )
    cut = tmp_path / "cut.zip"
    cut.write_bytes(b"PK\x03\x04")  # control: a few bytes is a damaged zip, as before
    with pytest.raises(InputError) as info:
        open_parts([cut])
    assert "not a readable zip archive" in info.value.render()
