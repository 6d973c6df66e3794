"""Hostile inputs through ``privacy-audit inspect``: one clear line, exit 2, nothing changed.

The stub importer (see :mod:`hostile`) recognises the hostile zips and reads every data
file in them, so each attack really reaches the reader through the whole CLI path.
"""

from __future__ import annotations

import hashlib
import importlib
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from privacy_audit.cli import main

from . import hostile


def _state(path: Path) -> dict[str, tuple[str, int]]:
    """sha256 and mtime of every file under ``path`` (or of ``path`` itself)."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return {
        str(f): (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns) for f in files
    }


def _inspect(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["inspect", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _empty_folder(folder: Path) -> Path:
    path = folder / "empty_export"
    path.mkdir()
    return path


def _fake_zip(folder: Path) -> Path:
    return hostile.random_bytes(folder, "facebook-a-2024-01-02-x.zip")


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("zip-slip", hostile.zip_slip, "slip.zip: This archive contains unsafe file names"),
    ("absolute", hostile.absolute_name, "absolute.zip: This archive contains unsafe file names"),
    ("encrypted", hostile.encrypted, "encrypted.zip: This archive is password-protected"),
    ("bomb", hostile.zip_bomb, "bomb.zip: data.json is too large to be read safely (300 MB)."),
    ("declared-huge", hostile.declared_huge, "data.json is too large to be read safely"),
    ("size-lie", hostile.size_lie, "size_lie.zip: A file inside the archive is damaged: data.json"),
    ("ratio", hostile.ratio_bomb, "data.json is compressed far more than any real file"),
    ("truncated", hostile.truncated, "truncated.zip: This file is not a readable zip archive"),
    ("corrupt", hostile.corrupt_member, "corrupt.zip: A file inside the archive is damaged"),
    ("bad-utf8", hostile.bad_utf8_names, "bad_utf8.zip: This file is not a readable zip"),
    ("not-a-zip", _fake_zip, "This file is not a readable zip archive"),
    ("pdf", hostile.pdf, "my_facebook_data.pdf: This is a PDF document, not a data export."),
    ("random", hostile.random_bytes, "export.bin: This file is not a data export"),
    ("takeout", hostile.google_takeout, "This is an export from Google Takeout"),
    ("unknown-zip", hostile.unknown_zip, "holiday_documents.zip: This is not a Facebook"),
    ("nested-bomb", hostile.nested_bomb, "nested.zip: This zip archive holds other .zip files"),
    ("empty-folder", _empty_folder, "empty_export: This folder is empty."),
]


@pytest.mark.parametrize(("builder", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input_gives_one_clear_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    builder: Callable[[Path], Path],
    expected: str,
) -> None:
    hostile.use_stub_importer(monkeypatch)
    path = builder(tmp_path)
    before = _state(tmp_path)
    code, out, err = _inspect(capsys, "--lang", "en", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith("privacy-audit: ") and err.endswith("\n")
    assert err.count("\n") == 1, err
    assert expected in err
    assert "Traceback" not in err
    assert _state(tmp_path) == before  # input unchanged, nothing written next to it


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        (hostile.encrypted, "encrypted.zip: Questo archivio è protetto da password (cifrato)."),
        (hostile.google_takeout, "Questa è un'esportazione di Google Takeout"),
        (hostile.zip_bomb, "data.json è troppo grande per essere letto in sicurezza (300 MB)."),
    ],
)
def test_hostile_input_in_italian(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    builder: Callable[[Path], Path],
    expected: str,
) -> None:
    hostile.use_stub_importer(monkeypatch)
    code, _out, err = _inspect(capsys, "--lang", "it", str(builder(tmp_path)))
    assert code == 2
    assert expected in err and err.count("\n") == 1


@pytest.mark.parametrize("builder", [hostile.zip_bomb, hostile.size_lie, hostile.ratio_bomb])
def test_zip_bombs_are_refused_in_bounded_memory(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    builder: Callable[[Path], Path],
) -> None:
    hostile.use_stub_importer(monkeypatch)
    path = builder(tmp_path)
    tracemalloc.start()
    try:
        code, _out, err = _inspect(capsys, str(path))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 2 and "data.json" in err
    assert peak < 32 * hostile.MB, f"peak {peak / hostile.MB:.1f} MB"


@pytest.mark.parametrize(
    ("builder", "recognized"),
    [
        (hostile.duplicate_names, ["export/stub_export.json", "export/data.json"]),
        (hostile.symlink_member, ["export/stub_export.json"]),
        (hostile.non_utf8_names, ["export/stub_export.json", "export/caf\u00e9_societ\u00e0.json"]),
    ],
)
def test_odd_but_harmless_zips_are_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    builder: Callable[[Path], Path],
    recognized: list[str],
) -> None:
    hostile.use_stub_importer(monkeypatch)
    path = builder(tmp_path)
    before = _state(tmp_path)
    code, out, err = _inspect(capsys, "--json", str(path))
    assert code == 0, err
    (source,) = orjson.loads(out)["sources"]
    # cp1252 names without the UTF-8 flag are read as cp437, like every unzip tool does
    expected = [n.encode("cp1252").decode("cp437") if "\u00e9" in n else n for n in recognized]
    assert source["files_recognized"] == expected
    assert _state(tmp_path) == before


def test_duplicate_member_reads_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile.use_stub_importer(monkeypatch)
    code, out, _err = _inspect(capsys, "--json", str(hostile.duplicate_names(tmp_path)))
    assert code == 0
    assert orjson.loads(out)["sources"][0]["tables"] == {"settings": 2}


def test_hundred_thousand_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile.use_stub_importer(monkeypatch)
    path = hostile.many_members(tmp_path, 100_000)
    code, out, err = _inspect(capsys, "--json", str(path))
    assert code == 0, err
    (source,) = orjson.loads(out)["sources"]
    assert source["files_recognized"] == ["export/stub_export.json", "export/data/needle.json"]
    assert source["files_unrecognized"] == 0  # the 100,000 photos are media, never read


REFUSED_BEFORE_ANY_IMPORTER = [c for c in CASES if c[0] in {
    "zip-slip", "absolute", "encrypted", "truncated", "bad-utf8", "not-a-zip", "pdf",
    "random", "takeout", "unknown-zip", "nested-bomb", "empty-folder",
}]  # fmt: skip


@pytest.mark.parametrize(
    ("builder", "expected"),
    [c[1:] for c in REFUSED_BEFORE_ANY_IMPORTER],
    ids=[c[0] for c in REFUSED_BEFORE_ANY_IMPORTER],
)
def test_hostile_input_with_the_registered_importers(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    builder: Callable[[Path], Path],
    expected: str,
) -> None:
    """The same inputs with the real importers: refused by the reader or by detection."""
    path = builder(tmp_path)
    before = _state(tmp_path)
    code, out, err = _inspect(capsys, "--lang", "en", str(path))
    assert (code, out) == (2, "")
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert _state(tmp_path) == before


def test_bomb_inside_a_real_facebook_export_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A recognised file that is a bomb: the Facebook importer warns, the rest is read."""
    root = b"facebook-a-2024-01-02-x/personal_information/"
    profile = b'{"profile_v2": {"name": {"full_name": "A B"}, "emails": {"emails": ["a@e.org"]}}}'
    size = 300 * hostile.MB
    bomb = hostile.RawEntry(
        root + b"other_personal_information/your_address_books.json",
        hostile.zeros_deflated(size),
        method=8,
        crc=hostile.zero_crc(size),
        size=size,
        plain=b"",
    )
    path = hostile.write_raw_zip(
        tmp_path / "facebook-a-2024-01-02-x.zip",
        [hostile.RawEntry(root + b"profile_information/profile_information.json", profile), bomb],
    )
    from privacy_audit import sources as registry

    importlib.import_module("privacy_audit.pipeline")  # import everything before measuring
    registry.importers()
    tracemalloc.start()
    try:
        code, out, err = _inspect(capsys, "--json", "--lang", "en", str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 0, err
    (source,) = orjson.loads(out)["sources"]
    assert source["service"] == "facebook"
    assert source["tables"].get("identifiers", 0) >= 1
    assert any("your_address_books.json" in warning for warning in source["warnings"])
    assert peak < 96 * hostile.MB, f"peak {peak / hostile.MB:.1f} MB"
