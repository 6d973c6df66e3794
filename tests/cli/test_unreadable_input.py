"""Files and folders the user may not read: one clear message (not "empty" or "damaged"),
exit 2. Run for real: as root the check drops the capabilities that bypass file modes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NO_OVERRIDE = ["--bounding-set=-dac_override,-dac_read_search"]


def _inspect(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "privacy_audit", "inspect", str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv to drop root's file-mode override")
        argv = [setpriv, *NO_OVERRIDE, "--", *argv]
    env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env.pop("PRIVACY_AUDIT_LANG", None)
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120, check=False)


def _chat(tmp_path: Path) -> Path:
    chat = tmp_path / "WhatsApp Chat with Ada.txt"
    chat.write_text("01/02/24, 10:00 - Ada: hi\n01/02/24, 10:01 - Bo: hello\n", encoding="utf-8")
    return chat


def test_unreadable_chat_is_not_called_empty(tmp_path: Path) -> None:
    chat = _chat(tmp_path)
    chat.chmod(0)
    done = _inspect(chat, tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        "privacy-audit: WhatsApp Chat with Ada.txt: You are not allowed to read this file. "
        "Check the file's permissions, or copy it to a folder of yours and open the copy."
    )


def test_unreadable_zip_is_not_called_damaged(tmp_path: Path) -> None:
    archive = tmp_path / "facebook-ada-2026-05-14-a1b2c3d4.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    archive.chmod(0)
    done = _inspect(archive, tmp_path)
    assert done.returncode == 2
    assert "You are not allowed to read this file." in done.stderr
    assert "damaged" not in done.stderr


def test_unreadable_folder_says_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    folder.chmod(0)
    try:
        done = _inspect(folder, tmp_path)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "privacy-audit: export: This folder cannot be read. Check that you are allowed to open it."
    )


def test_readable_chat_is_read(tmp_path: Path) -> None:
    """Control: the same chat with its permissions is read under the same conditions."""
    done = _inspect(_chat(tmp_path), tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 export read." in done.stdout
