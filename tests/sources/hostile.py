"""Builders of hostile inputs (zips that lie, escape, explode or are not zips at all).

Every builder writes one file (or folder) under the given directory and returns its path.
A tiny raw zip writer gives full control over the header fields (names, flags, declared
sizes, CRCs, attributes) that ``zipfile`` would otherwise fix for us. Also a stub
importer (``StubImporter``) that recognises ``stub_export.json`` and reads every data file,
so the hostile members are really read through the CLI whatever the real importers do.
"""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

MB = 1024 * 1024
_UTF8_FLAG = 0x800


@dataclass
class RawEntry:
    """One member of a raw zip, with every field we may want to falsify."""

    name: bytes
    data: bytes = b""  # the bytes to store (compressed already when method == 8)
    method: int = 0  # 0 stored, 8 deflated
    flags: int = _UTF8_FLAG
    crc: int | None = None  # None: computed from ``plain``
    size: int | None = None  # declared uncompressed size; None: len(plain)
    plain: bytes | None = None  # uncompressed content (for the CRC/size); None: data
    external_attr: int = 0o100644 << 16
    create_system: int = 3  # unix


def deflate(data: bytes) -> bytes:
    """Raw deflate (no zlib header), as zip stores it."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


def write_raw_zip(path: Path, entries: list[RawEntry]) -> Path:
    """Write ``entries`` as a zip with exactly the given header fields."""
    local = bytearray()
    central = bytearray()
    for entry in entries:
        plain = entry.data if entry.plain is None else entry.plain
        crc = zlib.crc32(plain) if entry.crc is None else entry.crc
        size = len(plain) if entry.size is None else entry.size
        offset = len(local)
        local += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            entry.flags,
            entry.method,
            0,
            0x21,
            crc,
            len(entry.data),
            size,
            len(entry.name),
            0,
        )
        local += entry.name + entry.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            (entry.create_system << 8) | 20,
            20,
            entry.flags,
            entry.method,
            0,
            0x21,
            crc,
            len(entry.data),
            size,
            len(entry.name),
            0,
            0,
            0,
            0,
            entry.external_attr,
            offset,
        )
        central += entry.name
    count = len(entries)
    tail = b""
    if count > 0xFFFF:  # zip64 end records carry the real count
        zip64_at = len(local) + len(central)
        tail = struct.pack(
            "<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(central), len(local)
        )
        tail += struct.pack("<IIQI", 0x07064B50, 0, zip64_at, 1)
        count = 0xFFFF
    end = tail + struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(local), 0
    )
    path.write_bytes(bytes(local) + bytes(central) + end)
    return path


MARKER = RawEntry(b"export/stub_export.json", b'{"stub": true}')


def zip_slip(folder: Path) -> Path:
    """A member named ``../../evil.json`` (path traversal)."""
    return write_raw_zip(folder / "slip.zip", [MARKER, RawEntry(b"export/../../evil.json", b"{}")])


def absolute_name(folder: Path) -> Path:
    """A member with an absolute name."""
    return write_raw_zip(folder / "absolute.zip", [MARKER, RawEntry(b"/etc/evil.json", b"{}")])


def encrypted(folder: Path) -> Path:
    """A member flagged as encrypted (traditional PKWARE encryption bit)."""
    return write_raw_zip(
        folder / "encrypted.zip",
        [MARKER, RawEntry(b"export/data.json", b"\x8a\x01\x02" * 20, flags=_UTF8_FLAG | 0x1)],
    )


def zeros_deflated(total: int) -> bytes:
    """A raw deflate stream of ``total`` zero bytes, built from one repeated block (fast)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\0" * MB) + comp.flush(zlib.Z_FULL_FLUSH)
    return block * (total // MB) + comp.flush()


def zero_crc(total: int) -> int:
    """CRC-32 of ``total`` zero bytes."""
    crc, chunk = 0, b"\0" * MB
    for _ in range(total // MB):
        crc = zlib.crc32(chunk, crc)
    return crc


def zip_bomb(folder: Path, inflated: int = 300 * MB, name: bytes = b"export/data.json") -> Path:
    """A small zip whose member honestly declares and inflates to ``inflated`` bytes."""
    bomb = RawEntry(
        name, zeros_deflated(inflated), method=8, crc=zero_crc(inflated), size=inflated, plain=b""
    )
    return write_raw_zip(folder / "bomb.zip", [MARKER, bomb])


def declared_huge(folder: Path) -> Path:
    """A member that declares 4 GB (and holds a few bytes)."""
    huge = RawEntry(b"export/data.json", b"{}", size=0xFFFFFFFE)
    return write_raw_zip(folder / "declared_huge.zip", [MARKER, huge])


def size_lie(folder: Path, inflated: int = 300 * MB) -> Path:
    """A member that declares 1 KB but whose deflate stream inflates to ``inflated`` bytes."""
    lie = RawEntry(
        b"export/data.json", zeros_deflated(inflated), method=8, crc=0, size=1024, plain=b""
    )
    return write_raw_zip(folder / "size_lie.zip", [MARKER, lie])


def ratio_bomb(folder: Path) -> Path:
    """A member within the size cap but compressed ~1000:1 (only zeros do that)."""
    return zip_bomb(folder, inflated=64 * MB)


def truncated(folder: Path) -> Path:
    """A real zip cut in half (its central directory is gone)."""
    full = good_zip(folder, "whole.zip")
    data = full.read_bytes()
    path = folder / "truncated.zip"
    path.write_bytes(data[: len(data) // 2])
    full.unlink()
    return path


def corrupt_member(folder: Path) -> Path:
    """A zip whose directory is fine but whose data bytes are garbage (bad CRC)."""
    body = b'{"rows": [' + b"1," * 5000 + b"1]}"
    packed = bytearray(deflate(body))
    packed[10:30] = bytes(20)
    return write_raw_zip(
        folder / "corrupt.zip",
        [MARKER, RawEntry(b"export/data.json", bytes(packed), method=8, plain=body)],
    )


def pdf(folder: Path) -> Path:
    """A (minimal) PDF document."""
    path = folder / "my_facebook_data.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    return path


def random_bytes(folder: Path, name: str = "export.bin") -> Path:
    """64 KB of random bytes (deterministic)."""
    path = folder / name
    path.write_bytes(random.Random(7).randbytes(64 * 1024))
    return path


def duplicate_names(folder: Path) -> Path:
    """The same member name twice (first one is the real one)."""
    return write_raw_zip(
        folder / "duplicates.zip",
        [
            MARKER,
            RawEntry(b"export/data.json", b'{"first": 1}'),
            RawEntry(b"export/data.json", b'{"second": 2}'),
        ],
    )


def symlink_member(folder: Path) -> Path:
    """A member that is a symlink to /etc/passwd."""
    return write_raw_zip(
        folder / "symlink.zip",
        [
            MARKER,
            RawEntry(b"export/data.json", b"/etc/passwd", external_attr=0o120777 << 16),
        ],
    )


def non_utf8_names(folder: Path) -> Path:
    """Member names in cp1252 without the UTF-8 flag (read as cp437, never a crash)."""
    return write_raw_zip(
        folder / "latin1.zip",
        [MARKER, RawEntry("export/café_società.json".encode("cp1252"), b"{}", flags=0)],
    )


def bad_utf8_names(folder: Path) -> Path:
    """A member name flagged UTF-8 that is not valid UTF-8."""
    return write_raw_zip(
        folder / "bad_utf8.zip", [MARKER, RawEntry(b"export/\xff\xfe.json", b"{}")]
    )


def many_members(folder: Path, count: int = 100_000) -> Path:
    """``count`` tiny members (plus the marker)."""
    entries = [MARKER]
    entries.extend(RawEntry(f"export/media/photo_{i:06d}.jpg".encode(), b"") for i in range(count))
    entries.append(RawEntry(b"export/data/needle.json", b"{}"))
    return write_raw_zip(folder / "many.zip", entries)


def google_takeout(folder: Path) -> Path:
    """What a Google Takeout zip looks like."""
    path = folder / "takeout-20260101T000000Z-001.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Takeout/archive_browser.html", "<html></html>")
        zf.writestr("Takeout/Chrome/History.json", "{}")
        zf.writestr("Takeout/Contacts/All Contacts/All Contacts.vcf", "BEGIN:VCARD")
    return path


def unknown_zip(folder: Path) -> Path:
    """A zip of something else entirely."""
    path = folder / "holiday_documents.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes/plan.json", '{"day": 1}')
        zf.writestr("notes/readme.html", "<p>hi</p>")
    return path


def nested_bomb(folder: Path) -> Path:
    """A zip whose only content is another (bomb) zip: inner zips are never opened."""
    inner = zip_bomb(folder, inflated=32 * MB)
    path = folder / "nested.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(inner, "inner/bomb.zip")
    inner.unlink()
    return path


def good_zip(folder: Path, name: str = "good.zip") -> Path:
    """A small, valid stub export."""
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("export/stub_export.json", b'{"stub": true}')
        zf.writestr("export/data/rows.json", b'{"rows": [' + b"1," * 2000 + b"1]}")
        zf.writestr("export/media/photo.jpg", b"\xff\xd8\xff" + b"\0" * 100)
    return path


# -- a stub importer -------------------------------------------------------------------
class StubImporter:
    """Recognises ``stub_export.json`` (Facebook), ``stub_<service>.json`` and files named
    ``WhatsApp Chat ... .txt``; loading reads every data file (propagating errors)."""

    service = "facebook"

    def detect(self, archive: Any) -> Any:
        from privacy_audit.sources.base import Detection

        if archive.find("stub_export.json"):
            return Detection("facebook", "dyi", "json", "stub-1", score=1)
        for service in ("instagram", "messenger", "whatsapp"):
            if archive.find(f"stub_{service}.json"):
                return Detection(service, "dyi", "json", "stub-1", score=1)
        chats = [m for m in archive.members if m.name.startswith("WhatsApp Chat")]
        if chats and chats[0].suffix == ".txt":
            return Detection("whatsapp", "chat", "txt", "whatsapp-chat-stub", score=1)
        return None

    def load(self, archive: Any, detection: Any, sink: Any, ctx: Any) -> None:
        for member in archive.non_media():
            data = archive.read_bytes(member)
            sink.recognized(member.path)
            sink.add("settings", key=member.name, value=str(len(data)), source_file=member.path)


def use_stub_importer(monkeypatch: pytest.MonkeyPatch) -> StubImporter:
    """Make the stub the only registered importer (for detection and loading)."""
    from privacy_audit import pipeline
    from privacy_audit import sources as registry

    stub = StubImporter()
    monkeypatch.setattr(registry, "IMPORTER_MODULES", ("stub",))
    monkeypatch.setattr(registry, "importers", lambda: (stub,))
    if hasattr(pipeline, "IMPORTER_MODULES"):
        monkeypatch.setattr(pipeline, "IMPORTER_MODULES", ("stub",))
    if hasattr(pipeline, "importers"):
        monkeypatch.setattr(pipeline, "importers", lambda: (stub,))
    return stub
