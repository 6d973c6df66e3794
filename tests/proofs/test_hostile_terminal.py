"""Terminal escape sequences in file and member names never reach the terminal raw
(issue 16 item 6): ``inspect`` text and JSON, ``audit`` text, the progress line and the
one-line error all show them neutralised (U+FFFD), still on one line each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from privacy_audit.terminal import safe_line

from .hostile import assert_clean, cli, write

#: an OSC title change, a screen clear, a CSI in its C1 form, a bell, a carriage
#: return that would overwrite the line, a right-to-left override
EVIL = "\x1b]0;owned\x07\x1b[2J\x9b31m\r\u202eEve"
RAW = ("\x1b", "\x07", "\x9b", "\r", "\u202e")
CHAT = b"14/10/25, 10:11 - Eve: ciao\n14/10/25, 10:12 - Giulia Ferraro: ciao\n"


def _no_raw(text: str) -> None:
    found = [repr(c) for c in RAW if c in text]
    assert found == [], (found, text[-2000:])


@pytest.fixture
def evil_chat(tmp_path: Path) -> Path:
    return write(tmp_path / f"Chat WhatsApp con {EVIL}.txt", CHAT)


def test_inspect_text_and_json(evil_chat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = cli(["inspect", str(evil_chat), "--lang", "en"], capsys)
    assert text.code == 0, text.err
    _no_raw(text.out)
    assert "\ufffd" in text.out and "Eve" in text.out
    data = cli(["inspect", "--json", str(evil_chat), "--lang", "en"], capsys)
    assert data.code == 0
    _no_raw(data.out)
    import json

    assert EVIL in json.loads(data.out)["sources"][0]["path"]  # the same data, escaped


def test_audit_text(evil_chat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = cli(["audit", str(evil_chat), "--lang", "en"], capsys)
    assert outcome.code == 0, outcome.err
    _no_raw(outcome.out + outcome.err)


def test_progress_line(
    evil_chat: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    outcome = cli(["inspect", str(evil_chat), "--lang", "en"], capsys)
    assert outcome.code == 0
    assert "%" in outcome.err  # the progress line was drawn
    # only our own carriage returns (one per update), never one from the name
    for update in outcome.err.split("\r"):
        _no_raw(update)
        assert "\n" not in update


def test_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / f"{EVIL}\nsecond line.zip", b"not a zip at all")
    outcome = cli(["inspect", str(bad), "--lang", "en"], capsys)
    assert_clean(outcome)  # exit 2, exactly one line
    assert outcome.code == 2
    _no_raw(outcome.err)


def test_control_safe_line_catches_each_sequence() -> None:
    """The check above would see a raw sequence: each one is caught alone."""
    for raw in RAW:
        with pytest.raises(AssertionError):
            _no_raw(f"name {raw} here")
        assert raw not in safe_line(f"name {raw} here")
    assert safe_line("Giulia Ferraro · café 😀\ttab") == "Giulia Ferraro · café 😀\ufffdtab"


def test_member_names_inside_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Member names are listed by inspect (files not read, and why): neutralised too."""
    from .hostile import demo_export, make_zip

    name, members = demo_export("facebook-")
    members[f"your_activity/{EVIL}.json"] = b'{"note": "not a file any importer reads"}'
    members[f"your_activity/{EVIL}.bin"] = b"\x00\x01"
    export = write(tmp_path / name, make_zip(members))
    for argv in (["inspect", str(export)], ["inspect", "--json", str(export)]):
        outcome = cli([*argv, "--lang", "en"], capsys)
        assert outcome.code == 0, outcome.err
        assert "Eve.json" in outcome.out  # the member is listed (files not read)
        _no_raw(outcome.out + outcome.err)
