"""Outputs that would destroy an input or a special file (issue 16 items 1 and 4).

``report X.zip -o X.zip`` must never replace the export it reads; an output inside an
input folder, or a folder output that holds an input, is refused the same way; an
output that exists and is not a regular file (a FIFO, a device) is never replaced.
Every refusal is exit 2 with one line, before any export is read, and the inputs are
byte-for-byte unchanged. The control plants the fault (the guard switched off) and shows
the file-state check catches the replaced input.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privacy_audit import output_guard
from privacy_audit.errors import InputError

from .hostile import assert_clean, cli, write
from .support import snapshot

CHAT = (
    b"14/10/25, 10:11 - Mamma: ciao\n"
    b"14/10/25, 10:12 - Giulia Ferraro: ciao mamma\n"
    b"15/10/25, 08:00 - Mamma: a domani\n"
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder holding one small WhatsApp chat (fast to read)."""
    write(tmp_path / "exports" / "Chat WhatsApp con Mamma.txt", CHAT)
    return tmp_path / "exports"


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str], *words: str) -> str:
    outcome = cli([*argv, "--lang", "en"], capsys)
    assert_clean(outcome)
    assert outcome.code == 2, outcome.err
    assert all(word in outcome.err for word in words), outcome.err
    return outcome.err


def test_output_that_is_the_input_chat_is_refused(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = inputs / "Chat WhatsApp con Mamma.txt"
    before = snapshot([inputs])
    _refused(["report", str(chat), "--format", "html", "-o", str(chat)], capsys, "export")
    assert snapshot([inputs]) == before


def test_output_that_is_the_input_zip_is_refused(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .support import zip_bytes

    export = write(tmp_path / "x" / "WhatsApp Chat - Mamma.zip", zip_bytes({"_chat.txt": CHAT}))
    before = snapshot([export])
    _refused(["report", str(export), "-o", str(export)], capsys)
    # the same file by another name: a symlink and a hard link
    os.symlink(export, tmp_path / "x" / "link.zip")
    _refused(["report", str(export), "-o", str(tmp_path / "x" / "link.zip")], capsys)
    os.link(export, tmp_path / "x" / "hard.zip")
    _refused(["report", str(tmp_path / "x" / "hard.zip"), "-o", str(export)], capsys)
    assert snapshot([export]) == before


def test_output_inside_an_input_folder_is_refused(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot([inputs])
    _refused(["report", str(inputs), "-o", str(inputs / "report.html")], capsys)
    _refused(["report", str(inputs), "-o", str(inputs / "sub" / ".." / "r.json")], capsys)
    assert snapshot([inputs]) == before


def test_folder_output_that_contains_an_input_is_refused(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An earlier CSV folder report (findings.csv) holding the chat: replacing it
    would delete the chat."""
    write(inputs / "findings.csv", b"id\n")
    chat = inputs / "Chat WhatsApp con Mamma.txt"
    before = snapshot([inputs])
    _refused(["report", str(chat), "--format", "csv", "-o", str(inputs)], capsys)
    _refused(["report", str(chat), "--format", "csv", "-o", str(inputs.parent)], capsys)
    assert snapshot([inputs]) == before


def test_output_that_is_a_fifo_is_refused(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    _refused(["report", str(inputs), "-o", str(fifo)], capsys, "not a regular file")
    assert fifo.is_fifo()


def test_output_that_leads_to_a_device_is_refused(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o /dev/null`` through a link (the test never risks the real /dev/null)."""
    link = tmp_path / "null.json"
    os.symlink(os.devnull, link)
    _refused(["report", str(inputs), "-o", str(link)], capsys, "not a regular file")
    assert link.is_symlink() and Path(os.devnull).is_char_device()


def test_a_regular_output_beside_the_inputs_is_written(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot([inputs])
    outcome = cli(["report", str(inputs), "-o", str(tmp_path / "r.json"), "--lang", "en"], capsys)
    assert outcome.code == 0, outcome.err
    assert (tmp_path / "r.json").stat().st_size > 0
    assert snapshot([inputs]) == before


def test_guard_direct_api(inputs: Path, tmp_path: Path) -> None:
    chat = inputs / "Chat WhatsApp con Mamma.txt"
    output_guard.check_output(tmp_path / "r.html", "html", [chat])  # fine
    with pytest.raises(InputError):
        output_guard.check_output(chat, "html", [chat])
    with pytest.raises(InputError):
        output_guard.check_output(inputs / "r.pdf", "pdf", [inputs])
    with pytest.raises(InputError):
        output_guard.check_output(tmp_path, "csv", [chat])


def test_control_without_the_guard_the_input_is_replaced(
    inputs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plant the fault: with the guard off, ``-o`` the chat replaces it, and the
    file-state check used above sees it."""
    monkeypatch.setattr(output_guard, "refuse_inputs", lambda *_a, **_k: None)
    chat = inputs / "Chat WhatsApp con Mamma.txt"
    before = snapshot([inputs])
    outcome = cli(["report", str(chat), "--format", "html", "-o", str(chat)], capsys)
    assert outcome.code == 0
    assert snapshot([inputs]) != before
