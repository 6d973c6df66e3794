"""Detection: the best importer wins; anything else is explained (what, what to do)."""

from __future__ import annotations

import gzip
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from privacy_audit import sources as registry
from privacy_audit.errors import InputError
from privacy_audit.i18n import translator
from privacy_audit.sources import detect as detect_module
from privacy_audit.sources.archive import ExportArchive
from privacy_audit.sources.archive.inputs import open_parts
from privacy_audit.sources.base import Detection
from privacy_audit.sources.detect import HTML_FORMAT_HINT, MISSING_PARTS_HINT, detect, sniff

from . import hostile


class _Fixed:
    def __init__(self, service: str, score: int | None, fail: BaseException | None = None) -> None:
        self.service = service
        self.score = score
        self.fail = fail

    def detect(self, archive: Any) -> Detection | None:
        if self.fail is not None:
            raise self.fail
        if self.score is None:
            return None
        return Detection(self.service, "dyi", "json", f"{self.service}-x", score=self.score)


def _register(monkeypatch: pytest.MonkeyPatch, **importers: _Fixed) -> None:
    monkeypatch.setattr(registry, "IMPORTER_MODULES", tuple(importers))
    monkeypatch.setattr(registry, "importers", lambda: tuple(importers.values()))


def _archive(tmp_path: Path) -> ExportArchive:
    return ExportArchive([hostile.good_zip(tmp_path)])


def test_best_score_wins_and_ties_go_to_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(
        monkeypatch,
        messenger=_Fixed("messenger", 2),
        instagram=_Fixed("instagram", None),
        facebook=_Fixed("facebook", 5),
        other=_Fixed("whatsapp", 5),
    )
    with _archive(tmp_path) as archive:
        found = detect(archive)
    assert (found.service, found.importer, found.score) == ("facebook", "facebook", 5)


@pytest.mark.parametrize(
    "error",
    [zipfile.BadZipFile("Bad CRC-32"), zlib.error("invalid stored block"), OSError(5, "I/O")],
)
def test_a_detector_meeting_a_damaged_member_does_not_crash_detection(
    error: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(monkeypatch, broken=_Fixed("facebook", 9, fail=error), ok=_Fixed("instagram", 1))
    with _archive(tmp_path) as archive:
        assert detect(archive).importer == "ok"


def test_a_bug_in_a_detector_is_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bug = KeyError("broken detector")
    _register(monkeypatch, broken=_Fixed("facebook", 9, fail=bug), ok=_Fixed("instagram", 1))
    with _archive(tmp_path) as archive, pytest.raises(KeyError):
        detect(archive)


def _explain(tmp_path: Path, path: Path, monkeypatch: pytest.MonkeyPatch) -> InputError:
    _register(monkeypatch, none=_Fixed("facebook", None))
    with open_parts([path]) as archive, pytest.raises(InputError) as info:
        detect(archive)
    assert info.value.path == path
    return info.value


def _zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_google_takeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = _explain(tmp_path, hostile.google_takeout(tmp_path), monkeypatch)
    assert error.render().startswith(
        "takeout-20260101T000000Z-001.zip: This is an export from Google Takeout, not from "
        "Facebook, Instagram, Messenger or WhatsApp. Privacy Audit reads"
    )
    italian = error.render(translator("it"))
    assert "Questa è un'esportazione di Google Takeout" in italian
    assert "Scarica le tue informazioni" in italian


def test_takeout_extracted_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "takeout"
    (root / "Takeout" / "Chrome").mkdir(parents=True)
    (root / "Takeout" / "Chrome" / "History.json").write_text("{}")
    assert "Google Takeout" in str(_explain(tmp_path, root, monkeypatch))


def test_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = _explain(tmp_path, hostile.pdf(tmp_path), monkeypatch)
    assert "This is a PDF document, not a data export." in str(error)
    assert "Download your information" in str(error)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "photo, video or audio"),
        ("photo.heic", b"\0\0\0\x18ftypheic" + b"\0" * 50, "photo, video or audio"),
        ("export.7z", b"7z\xbc\xaf\x27\x1c" + b"\0" * 50, "compressed archive of a kind"),
        ("export.tar.gz", gzip.compress(b"data"), "compressed archive of a kind"),
        ("empty.json", b"", "This file is empty."),
        ("notes.txt", b"shopping list\n", "not a WhatsApp chat export"),
        ("profile.json", b'{"a": 1}', "on its own is not"),
        ("blob.bin", bytes(range(256)) * 4, "unknown format"),
    ],
)
def test_lone_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert expected in str(_explain(tmp_path, path, monkeypatch))


def test_random_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = _explain(tmp_path, hostile.random_bytes(tmp_path), monkeypatch)
    assert "export.bin: This file is not a data export (unknown format)." in str(error)


def test_empty_folder_and_empty_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert str(_explain(tmp_path, folder, monkeypatch)).startswith(
        "empty: This folder is empty. Request your data"
    )
    empty_zip = _zip(tmp_path / "empty.zip", {})
    assert "This zip archive is empty." in str(_explain(tmp_path, empty_zip, monkeypatch))


def test_media_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    part = _zip(
        tmp_path / "facebook-alex-2026-05-14-9f8e7d6c.zip",
        {"x/media/1.jpg": b"\xff\xd8", "x/media/2.mp4": b""},
    )
    error = _explain(tmp_path, part, monkeypatch)
    assert "This part of a Meta export holds only photos and videos" in str(error)
    assert "open all of them together" in str(error)
    photos = _zip(tmp_path / "pictures.zip", {"a.jpg": b"", "b.png": b""})
    assert "holds only photos, videos or documents" in str(_explain(tmp_path, photos, monkeypatch))
    nested = hostile.nested_bomb(tmp_path)
    error = _explain(tmp_path, nested, monkeypatch)
    assert "holds other .zip files, not the export itself" in str(error)
    assert "Estrailo e apri i file .zip" in error.render(translator("it"))


def test_meta_name_unrecognised_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _zip(tmp_path / "instagram-ada-2025-01-02-x1.zip", {"x/unknown.json": "{}"})
    error = _explain(tmp_path, path, monkeypatch)
    assert "looks like a Meta export" in str(error)
    assert "JSON format" in str(error)


def test_unknown_zip_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error = _explain(tmp_path, hostile.unknown_zip(tmp_path), monkeypatch)
    assert str(error).startswith(
        "holiday_documents.zip: This is not a Facebook, Instagram, Messenger or WhatsApp export."
    )
    assert "plan.json" not in str(error)  # member names (possibly personal) never shown
    folder = tmp_path / "stuff"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "b.json").write_text("{}")
    assert "This folder is not a Facebook" in str(_explain(tmp_path, folder, monkeypatch))


def test_sniff() -> None:
    assert sniff(b"%PDF-1.7") == "pdf"
    assert sniff(b"PK\x03\x04") == "zip"
    assert sniff("città\n".encode()) == "text"
    assert sniff(b"\x00\x01\x02") == "binary"
    assert sniff(b"") == "empty"
    assert sniff(b"RIFF\0\0\0\0WEBPVP8 ") == "image"


def test_hints_exist_in_italian() -> None:
    italian = translator("it")
    for hint in (HTML_FORMAT_HINT, MISSING_PARTS_HINT, detect_module.REQUEST_HINT):
        assert italian.has_translation(hint)
        assert italian.gettext(hint) != hint
    assert "JSON" in italian.gettext(HTML_FORMAT_HINT)
