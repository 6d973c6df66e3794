"""Hostile archives beyond the basic corpus of tests/sources: nested zip bombs and zips
of zips. Each gives a clean message or a warning, no traceback, bounded memory, and
nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .hostile import (
    assert_member_skipped_rest_read,
    demo_export,
    demo_files,
    inspect_and_report,
    make_zip,
    peak_rss,
    write,
    zeros_zip,
)
from .support import tree

BOMB = 300 * 1024 * 1024  # inflates past the 256 MiB cap on any member we read
MEMORY_BUDGET = 200 * 1024 * 1024


@pytest.fixture(scope="module")
def inner_bomb() -> bytes:
    """A zip of ~300 KB whose profile_information.json inflates to 300 MiB."""
    return zeros_zip("personal_information/profile_information/profile_information.json", BOMB)


def test_zip_of_zip_bombs(
    inner_bomb: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """42.zip style: an outer zip of ten bombs; none is ever inflated."""
    outer = make_zip({f"facebook-part-{i}.zip": inner_bomb for i in range(10)})
    path = write(tmp_path / "in" / "facebook-export.zip", outer)
    with peak_rss() as growth:
        inspect, _report = inspect_and_report([path], tmp_path / "out", capsys)
    assert inspect.code == 2  # not an export: inner zips are never opened
    assert growth() < MEMORY_BUDGET


def test_bombs_nested_inside_a_real_export(
    inner_bomb: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real export with a bomb as a known file and a nested zip bomb among the media."""
    name, members = demo_export("facebook-")
    good = write(tmp_path / "good" / name, make_zip(members))
    bomb_member = next(m for m in members if m.endswith("your_friends.json"))
    members[bomb_member] = bytes(BOMB)  # declared 300 MiB, compresses to ~300 KB
    members["your_facebook_activity/messages/inbox/x_1/files/archive.zip"] = inner_bomb
    members["your_facebook_activity/posts/media/nested.zip"] = make_zip({"a.zip": inner_bomb})
    path = write(tmp_path / "in" / name, make_zip(members))
    with peak_rss() as growth:
        inspect, _report = inspect_and_report([path], tmp_path / "out", capsys)
    assert growth() < MEMORY_BUDGET
    assert inspect.code == 0, inspect.err  # the rest of the export was read
    (source,) = json.loads(inspect.out)["sources"]
    counts = assert_member_skipped_rest_read(good, path, bomb_member, TOO_LARGE)
    assert source["tables"] == {t: n for t, n in counts.items() if n}
    assert counts["contacts"] > 0  # the address book was still read


#: why the bomb was skipped, as the user reads it
TOO_LARGE = {
    "en": "is too large to be read safely (300 MB). The file was skipped.",
    "it": "è troppo grande per essere letto in sicurezza (300 MB). Il file è stato saltato.",
}


def test_folder_of_bombs(
    inner_bomb: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Downloads-like folder holding bombs named like Meta export parts."""
    folder = tmp_path / "Downloads"
    for i in range(3):
        write(folder / f"facebook-someone-2026-01-0{i + 1}-abc{i}.zip", inner_bomb)
    with peak_rss() as growth:
        inspect_and_report([folder], tmp_path / "out", capsys)
    assert growth() < MEMORY_BUDGET


def test_zip_of_the_real_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Someone zipped their downloaded exports again: a clear message, not a crash."""
    files = demo_files("giulia")
    outer = make_zip({n: d for n, d in files.items() if n.endswith(".zip")})
    path = write(tmp_path / "in" / "my-data.zip", outer)
    inspect, _report = inspect_and_report([path], tmp_path / "out", capsys)
    assert inspect.code == 2


def test_nothing_written_next_to_inputs(
    inner_bomb: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Temp dir and working folder stay empty after hostile input."""
    import tempfile

    scratch = tmp_path / "tmp"
    cwd = tmp_path / "cwd"
    scratch.mkdir()
    cwd.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.chdir(cwd)
    outer = make_zip({"facebook-part-1.zip": inner_bomb, "../../escape.json": b"{}"})
    path = write(tmp_path / "in" / "facebook-export.zip", outer)
    inspect_and_report([path], tmp_path / "out", capsys)
    assert tree(scratch) == []
    assert tree(cwd) == []
    assert tree(tmp_path / "in") == ["facebook-export.zip"]
