"""load_evidence pauses the cyclic garbage collector while it reads, and always restores it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import privacy_audit
from privacy_audit.errors import InputError
from privacy_audit.pipeline import load_evidence

CHAT = Path(privacy_audit.__file__).parent / "resources/demo/giulia/Chat WhatsApp con Mamma.txt"


def _load_watching_gc(paths: list[Path]) -> list[bool]:
    seen: list[bool] = []
    try:
        load_evidence(paths, progress=lambda _f, _label: seen.append(gc.isenabled()))
    finally:
        seen.append(gc.isenabled())
    return seen


def test_paused_while_reading_and_enabled_after() -> None:
    assert gc.isenabled()
    seen = _load_watching_gc([CHAT])
    assert False in seen[:-2]  # reading the export: paused
    assert seen[-1] is True  # afterwards: on again


def test_enabled_again_after_bad_input(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n", encoding="utf-8")
    with pytest.raises(InputError):
        _load_watching_gc([notes])
    assert gc.isenabled()


def test_a_caller_that_paused_it_keeps_it_paused() -> None:
    gc.disable()
    try:
        load_evidence([CHAT])
        assert not gc.isenabled()
    finally:
        gc.enable()
