"""The input is never modified: every input file and folder has the same content,
size, mode and modification time after inspect, audit and report — zips, extracted
folders and a lone chat file, also when the inputs are read-only."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_audit.cli import main

from .support import extract, snapshot


@pytest.fixture
def inputs(demo_copy: list[Path], tmp_path: Path) -> list[Path]:
    """The demo zips, one of them extracted to a folder, and any lone chat file."""
    zips = [p for p in demo_copy if p.suffix == ".zip"]
    others = [p for p in demo_copy if p.suffix != ".zip"]
    assert zips, demo_copy
    folder = extract(zips[0], tmp_path / "extracted" / zips[0].stem)
    return [*zips[1:], folder, *others]


@pytest.fixture
def read_only(inputs: list[Path]) -> Iterator[list[Path]]:
    """Make every input read-only (restored afterwards so tmp_path can be cleaned)."""
    paths = []
    for root in inputs:
        paths.append(root)
        if root.is_dir():
            paths.extend(root.rglob("*"))
    modes = {p: p.stat().st_mode for p in paths}
    for path in sorted(paths, key=lambda p: -len(p.parts)):  # children before parents
        os.chmod(path, modes[path] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield inputs
    for path in sorted(paths, key=lambda p: len(p.parts)):
        os.chmod(path, modes[path])


def _commands(inputs: list[Path], out: Path) -> list[list[str]]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [str(p) for p in inputs]
    return [
        ["inspect", *paths],
        ["inspect", "--json", *paths],
        ["audit", "--json", *paths],
        ["audit", "--lang", "it", *paths],
        ["report", *paths, "-o", str(out / "r.html")],
        ["report", *paths, "-o", str(out / "r.json"), "--redact"],
        ["report", *paths, "-o", str(out / "r.zip")],
    ]


def test_inputs_unchanged(
    inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    before = snapshot(inputs)
    assert len(before) > len(inputs)  # the folder's files are covered too
    for argv in _commands(inputs, tmp_path / "out"):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert snapshot(inputs) == before


def test_read_only_inputs_are_enough(
    read_only: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Nothing needs to write next to the input (no extraction, no lock files)."""
    if os.geteuid() == 0:
        pytest.skip("root ignores read-only permissions")
    before = snapshot(read_only)
    for argv in _commands(read_only, tmp_path / "out"):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert snapshot(read_only) == before
