"""Shared helpers of the proofs: a network guard, file snapshots, personal values."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import socket
import sys
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

DEMO_PERSONAS = ("giulia", "alex")


# -- no network ---------------------------------------------------------------------
class NetworkAttempt(OSError):
    """Raised for every attempt to create a socket or resolve a name under the guard."""


@dataclass
class NetworkGuard:
    """Records (and refuses) every socket creation, connection and name lookup."""

    attempts: list[str] = field(default_factory=list)

    def refuse(self, what: str) -> None:
        self.attempts.append(what)
        raise NetworkAttempt(f"network access refused by the offline proof: {what}")


_GUARDS: list[NetworkGuard] = []


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    # An audit hook also sees sockets created from C (e.g. _socket.socket directly).
    if _GUARDS and (event.startswith("socket.") or event == "urllib.Request"):
        _GUARDS[-1].refuse(event)


sys.addaudithook(_audit_hook)  # permanent, but only active while a guard is installed


@contextmanager
def no_network(monkeypatch: Any) -> Iterator[NetworkGuard]:
    """Make every socket creation, connection and DNS lookup fail, and record it."""
    guard = NetworkGuard()

    def refuse(name: str) -> Any:
        def fail(*_args: Any, **_kwargs: Any) -> Any:
            guard.refuse(name)

        return fail

    class RefusedSocket(socket.socket):
        def __init__(self, *_args: Any, **_kwargs: Any) -> None:
            guard.refuse("socket.socket")

    monkeypatch.setattr(socket, "socket", RefusedSocket)
    for name in (
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "socketpair",
        "create_server",
        "fromfd",
    ):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    _GUARDS.append(guard)
    try:
        yield guard
    finally:
        _GUARDS.remove(guard)


# -- files --------------------------------------------------------------------------
@dataclass(frozen=True)
class FileState:
    """What must not change about an input file or folder."""

    kind: str
    size: int
    mtime_ns: int
    mode: int
    sha256: str


def file_state(path: Path) -> FileState:
    """Hash, size, mtime and mode of ``path`` (folders: their listing)."""
    st = path.lstat()
    if path.is_dir():
        digest = hashlib.sha256("\n".join(sorted(os.listdir(path))).encode()).hexdigest()
        return FileState("dir", 0, st.st_mtime_ns, st.st_mode, digest)
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return FileState("file", st.st_size, st.st_mtime_ns, st.st_mode, h.hexdigest())


def snapshot(roots: Iterable[Path]) -> dict[str, FileState]:
    """The state of every file and folder under ``roots`` (and the roots themselves)."""
    states: dict[str, FileState] = {}
    for root in roots:
        root = Path(root)
        states[str(root)] = file_state(root)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                states[str(path)] = file_state(path)
    return states


def tree(root: Path) -> list[str]:
    """Every file and folder under ``root``, relative, sorted."""
    return sorted(p.relative_to(root).as_posix() for p in Path(root).rglob("*"))


def copy_inputs(paths: Iterable[Path], dest: Path) -> list[Path]:
    """Copy export files/folders into ``dest`` (tests never touch the bundled ones)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for path in paths:
        target = dest / path.name
        if path.is_dir():
            shutil.copytree(path, target)
        else:
            shutil.copy2(path, target)
        out.append(target)
    return out


def demo_inputs(dest: Path, persona: str = "giulia") -> list[Path]:
    """A private copy of the bundled demo persona's exports."""
    from privacy_audit.demo import bundled_persona_paths

    return copy_inputs([Path(p) for p in bundled_persona_paths(persona)], dest)


def extract(zip_path: Path, dest: Path) -> Path:
    """Extract a (trusted, test-made) zip into ``dest`` and return it."""
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(dest)
    return dest


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated zip of ``members``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def read_members(zip_path: Path) -> dict[str, bytes]:
    """Every member of a (trusted, test-made) zip."""
    with zipfile.ZipFile(zip_path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


# -- personal values ------------------------------------------------------------------
_PERSONAL_COLUMNS = {
    "identifiers": ("value", "raw"),
    "contacts": ("name", "phone_raw", "phone_e164", "email"),
    "activity": ("ip", "device", "user_agent", "location"),
    "linked_accounts": ("account", "linked_to"),
    "suggestions": ("name", "phone_raw", "phone_e164"),
    "messages": ("chat", "sender", "sender_phone_raw", "sender_phone_e164"),
    "groups": ("name",),
}
#: strings that are in the data but are not personal (service names, generic labels)
_NOT_PERSONAL = {
    "facebook", "instagram", "messenger", "whatsapp", "meta", "unknown",
    # bare platform names in the device column say nothing about a person
    "android", "windows", "iphone", "ipad", "macos", "linux", "chrome", "safari",
    "firefox", "desktop", "mobile", "web",
}  # fmt: skip


def personal_values(evidence: Any, min_length: int = 5) -> set[str]:
    """Names, numbers, e-mails, IPs, devices of the loaded Evidence (long enough to
    be unambiguous in a log)."""
    values: set[str] = set()
    for table, columns in _PERSONAL_COLUMNS.items():
        frame: pd.DataFrame = evidence.tables[table]
        for column in columns:
            if column not in frame:
                continue
            for value in frame[column].dropna().unique():
                text = str(value).strip()
                if len(text) >= min_length and text.lower() not in _NOT_PERSONAL:
                    values.add(text)
    return values


def leaked(text: str, values: Iterable[str]) -> list[str]:
    """The ``values`` that occur in ``text`` (case-insensitive)."""
    low = text.lower()
    return sorted(v for v in values if v.lower() in low)
