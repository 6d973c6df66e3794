"""Limits that must speak plainly (issue 16 items 5 and 7).

A chat over the size cap is called too large, with the cap, in English and Italian (not
"not a WhatsApp chat"), as a warning of its export: the other chats are still read.
``--baseline`` reads a regular, size-capped file only: a FIFO or ``/dev/zero`` is one
line and exit 2, never a hang or a traceback. The big chats are sparse files (their
size without the bytes on disk), so the tests stay fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_audit.sources.archive.reader import MAX_MEMBER_BYTES

from .hostile import assert_clean, cli, write

HEADER = b"14/10/25, 10:11 - Mamma: ciao\n14/10/25, 10:12 - Giulia Ferraro: ciao mamma\n"
CAP_MB = MAX_MEMBER_BYTES // (1024 * 1024)


def _sparse_chat(path: Path, size: int) -> Path:
    write(path, HEADER)
    os.truncate(path, size)
    return path


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ("too large", f"{CAP_MB} MB")), ("it", ("troppo grande", f"{CAP_MB} MB"))],
)
def test_a_chat_over_the_cap_is_called_too_large(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, words: tuple[str, ...]
) -> None:
    chat = _sparse_chat(tmp_path / "Chat WhatsApp con Mamma.txt", MAX_MEMBER_BYTES + (1 << 20))
    outcome = cli(["inspect", str(chat), "--lang", lang], capsys)
    assert_clean(outcome)
    text = outcome.out + outcome.err
    assert all(word in text for word in words), text
    assert "WhatsApp chat export." not in text and "non è l'esportazione" not in text


def test_a_big_chat_among_others_is_a_warning_with_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a folder of chats, the big one is a warning and the others are read."""
    folder = tmp_path / "chats"
    _sparse_chat(folder / "Chat WhatsApp con Mamma.txt", MAX_MEMBER_BYTES + (1 << 20))
    write(folder / "Chat WhatsApp con Papà.txt", HEADER.replace(b"Mamma", "Papà".encode()))
    outcome = cli(["inspect", "--json", str(folder), "--lang", "en"], capsys)
    assert outcome.code == 0, outcome.err
    assert "too large" in outcome.out and f"{CAP_MB} MB" in outcome.out
    assert "Papà" in outcome.out


def _run(argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    def limit_memory() -> None:  # the unbounded read must end in MemoryError, not OOM
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        preexec_fn=limit_memory,
        check=False,
    )


def _one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("privacy-audit: "), result.stderr[-2000:]
    assert all(word in lines[0] for word in words), lines


def test_baseline_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "old.json"
    os.mkfifo(fifo)
    try:
        result = _run(["audit", "--demo", "--baseline", str(fifo), "--lang", "en"], timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("audit --baseline FIFO hangs")
    _one_line(result, "old.json", "not a regular file")


def test_baseline_dev_zero_is_refused(tmp_path: Path) -> None:
    result = _run(["audit", "--demo", "--baseline", "/dev/zero", "--lang", "it"])
    _one_line(result, "zero", "non è un file normale")


def test_baseline_over_the_cap_is_refused(tmp_path: Path) -> None:
    from privacy_audit.commands.audit import MAX_BASELINE_BYTES

    big = tmp_path / "old.json"
    big.write_bytes(b"{}")
    os.truncate(big, MAX_BASELINE_BYTES + 1)
    result = _run(["audit", "--demo", "--baseline", str(big), "--lang", "en"])
    _one_line(result, "old.json", "too large")


def test_a_zipped_chat_over_the_cap_is_called_too_large(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """iOS style: ``_chat.txt`` in a zip, declared larger than the cap."""
    import zipfile

    path = tmp_path / "WhatsApp Chat - Mamma.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("_chat.txt", "w", force_zip64=True) as member:
            member.write(HEADER)
            chunk = b"\n" * (1 << 20)
            for _ in range(CAP_MB + 1):
                member.write(chunk)
    outcome = cli(["inspect", str(path), "--lang", "en"], capsys)
    assert_clean(outcome)
    text = outcome.out + outcome.err
    assert "too large" in text and f"{CAP_MB} MB" in text, text
