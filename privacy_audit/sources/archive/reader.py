"""One safe, read-only view over an export: a zip, several zip parts, a folder or one file.

Every export is hostile input. This module:
- reads the zip central directory only and opens just the members asked for;
- never extracts anything to disk and never reads media members;
- matches members by file name anywhere in the tree (wrapper folders do not matter),
  treating ``'``, ``’`` and ``_`` in names as equal;
- refuses absolute names and ``..`` segments, encrypted members, corrupt or truncated
  zips and files that are not zips, with one clear :class:`InputError` naming the file;
- caps what it inflates: the declared size of a member, the bytes counted while
  inflating, the compression ratio of big members, the total read per export, and the
  number of members;
- never writes to, renames or touches the input.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.sources.archive.listing import (
    MAX_MEMBERS,
    MEDIA_SUFFIXES,
    Member,
    key_basename,
    list_folder,
    list_zip,
    match_key,
)

#: Largest member we inflate (JSON message files are a few MB; 256 MiB is generous).
MAX_MEMBER_BYTES = 256 * 1024 * 1024
#: Most bytes we inflate from one export in total (all members read, summed).
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
#: A member this big that compresses better than MAX_RATIO:1 is a zip bomb, not a JSON file.
RATIO_CHECK_BYTES = 32 * 1024 * 1024
MAX_RATIO = 200
_CHUNK = 1024 * 1024
_MB = 1024 * 1024

#: what inflating a damaged member may raise (zlib, lzma and bz2 errors included)
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    RuntimeError,
    ValueError,
    NotImplementedError,
)

_DAMAGED = N_("A file inside the archive is damaged: {member}.")
_DOWNLOAD_AGAIN = N_("Download the export again.")


class ExportArchive:
    """A read-only, merged view over the parts (zips or one folder) of one export."""

    kind = "archive"

    def __init__(
        self,
        parts: Sequence[Path],
        *,
        max_member_bytes: int = MAX_MEMBER_BYTES,
        max_total_bytes: int = MAX_TOTAL_BYTES,
    ) -> None:
        self.parts: list[Path] = [Path(p) for p in parts]
        self.max_member_bytes = max_member_bytes
        self.max_total_bytes = max_total_bytes
        self.bytes_read = 0
        self._zips: dict[int, zipfile.ZipFile] = {}
        self._dupes: dict[tuple[int, str], zipfile.ZipInfo] = {}
        self.members: list[Member] = []
        try:
            for index, part in enumerate(self.parts):
                if part.is_dir():
                    self.members.extend(list_folder(part, index, len(self.members)))
                else:
                    listing = list_zip(part, index, len(self.members))
                    self._zips[index] = listing.handle
                    self._dupes.update(listing.dupes)
                    self.members.extend(listing.members)
        except BaseException:
            self.close()
            raise
        self.kind = "folder" if self.parts and self.parts[0].is_dir() else "zip"
        self._index()

    def _index(self) -> None:
        if len(self.parts) > 1:
            self.members = self._without_repeats(self.members)
        self._by_name: dict[str, list[Member]] = {}
        for member in self.members:
            self._by_name.setdefault(key_basename(member.key), []).append(member)

    def _without_repeats(self, members: list[Member]) -> list[Member]:
        """Drop a file another part already holds (same path under the part's own
        wrapper folder, same size): Meta repeats some files in every part."""
        stems = [match_key(p.name[:-4] if p.name.lower().endswith(".zip") else p.name) + "/"
                 for p in self.parts]  # fmt: skip
        owner: dict[tuple[str, int], int] = {}
        kept: list[Member] = []
        for member in members:
            stem = stems[member.part]
            key = member.key[len(stem) :] if member.key.startswith(stem) else member.key
            first = owner.setdefault((key, member.size), member.part)
            if first == member.part:
                kept.append(member)
        return kept

    # -- queries -------------------------------------------------------------------
    @property
    def path(self) -> Path:
        """The file or folder the user gave (the first part); used in messages."""
        return self.parts[0]

    @property
    def display_name(self) -> str:
        """The name to show for this export (first part's file or folder name)."""
        return self.path.name if self.parts else ""

    def find(self, name: str) -> list[Member]:
        """Members whose path ends with ``name`` at a path boundary (quote-insensitive).

        ``name`` is a file name (``your_address_books.json``) or a path suffix
        (``contacts/synced_contacts.json``).
        """
        key = match_key(name).strip("/")
        candidates = self._by_name.get(key_basename(key), [])
        if "/" not in key:
            return list(candidates)
        return [m for m in candidates if m.key == key or m.key.endswith("/" + key)]

    def find_one(self, *names: str) -> Member | None:
        """The first member found for any of ``names`` (shortest path first)."""
        for name in names:
            found = self.find(name)
            if found:
                return min(found, key=lambda m: (m.key.count("/"), m.key))
        return None

    def glob(self, pattern: str) -> list[Member]:
        """Members whose normalized path matches the regular expression ``pattern``."""
        regex = re.compile(pattern)
        return [m for m in self.members if regex.search(m.key)]

    def non_media(self) -> Iterator[Member]:
        """Every member that is not a photo, video, audio or other blob."""
        return (m for m in self.members if not m.is_media)

    # -- reading -------------------------------------------------------------------
    def _source(self, member: Member) -> Path:
        return self.parts[member.part]

    def _raw_open(self, member: Member) -> IO[bytes]:
        if member.part in self._zips:
            info = self._dupes.get((member.part, member.path))
            return self._zips[member.part].open(info or member.path, "r")
        return open(self.parts[member.part] / member.path, "rb")

    def _damaged(self, member: Member, exc: BaseException | None = None) -> InputError:
        if member.part not in self._zips and isinstance(exc, OSError):
            return InputError(
                N_("{member} cannot be read."),
                self._source(member),
                N_("Check that it still exists and that you are allowed to read it."),
                member=member.name,
            )
        return InputError(_DAMAGED, self._source(member), _DOWNLOAD_AGAIN, member=member.name)

    def _check_declared(self, member: Member, cap: int) -> None:
        source = self._source(member)
        if member.size > cap:
            raise InputError(
                N_("{member} is too large to be read safely ({size} MB)."),
                source,
                N_(
                    "It was not read. Open the original export you downloaded from Meta "
                    "or WhatsApp."
                ),
                member=member.name,
                size=member.size // _MB,
            )
        if member.packed > 0 and member.size >= RATIO_CHECK_BYTES:
            if member.size > member.packed * MAX_RATIO:
                raise InputError(
                    N_("{member} is compressed far more than any real file (a zip bomb?)."),
                    source,
                    N_(
                        "It was not read. Open the original export you downloaded from Meta "
                        "or WhatsApp."
                    ),
                    member=member.name,
                )
        if self.bytes_read + member.size > self.max_total_bytes:
            raise self._budget_error(member)

    def _cap(self, member: Member, limit: int | None) -> int:
        """Check the declared size; the most bytes reading ``member`` may then give.

        In a zip, ``zipfile`` already stops at the declared size (a lie shows as a CRC
        error). A plain file may not give more than the size it had when listed.
        """
        cap = self.max_member_bytes if limit is None else limit
        self._check_declared(member, cap)
        return cap if member.part in self._zips else min(cap, member.size)

    def _budget_error(self, member: Member) -> InputError:
        return InputError(
            N_("Reading this export would inflate more than {size} MB of data (a zip bomb?)."),
            self._source(member),
            N_(
                "Reading stopped at {member}. Open the original export you downloaded "
                "from Meta or WhatsApp."
            ),
            size=self.max_total_bytes // _MB,
            member=member.name,
        )

    def _charge(self, member: Member, count: int, cap: int, total: int) -> None:
        """Count ``count`` more bytes read from ``member`` (``total`` so far in it)."""
        self.bytes_read += count
        if total > cap:
            raise InputError(
                N_("{member} inflates to more than it declares (a zip bomb?)."),
                self._source(member),
                N_(
                    "It was not read. Open the original export you downloaded from Meta "
                    "or WhatsApp."
                ),
                member=member.name,
            )
        if self.bytes_read > self.max_total_bytes:
            raise self._budget_error(member)

    def open(self, member: Member, limit: int | None = None) -> IO[bytes]:
        """A buffered binary stream over ``member`` (caller closes it).

        The stream is capped like :meth:`read_bytes`: it raises :class:`InputError`
        when the member inflates beyond ``limit`` or is damaged.
        """
        cap = self._cap(member, limit)
        try:
            raw = self._raw_open(member)
        except _READ_ERRORS as exc:
            raise self._damaged(member, exc) from exc
        return io.BufferedReader(_CappedStream(self, member, raw, cap), buffer_size=64 * 1024)

    def read_bytes(self, member: Member, limit: int | None = None) -> bytes:
        """The whole content of ``member``, refusing more than ``limit`` bytes (zip bombs).

        One read of at most the declared size plus one byte: ``zipfile`` never inflates
        more than a member declares (a lie shows as a CRC error), a plain file that grew
        gives the extra byte and is refused, and the result is not copied again.
        """
        cap = self._cap(member, limit)
        try:
            with self._raw_open(member) as stream:
                data = stream.read(min(cap, member.size) + 1)
        except _READ_ERRORS as exc:
            raise self._damaged(member, exc) from exc
        self._charge(member, len(data), min(cap, member.size), len(data))
        return data

    def read_text(self, member: Member, limit: int | None = None) -> str:
        """``member`` decoded as UTF-8 (BOM removed; undecodable bytes replaced)."""
        return self.read_bytes(member, limit).decode("utf-8-sig", errors="replace")

    def head(self, member: Member, size: int = 4096) -> bytes:
        """The first ``size`` bytes of ``member`` (to sniff its type); empty when unreadable."""
        try:
            with self._raw_open(member) as stream:
                data = stream.read(size)
        except _READ_ERRORS:
            return b""
        self.bytes_read += len(data)
        return data

    def close(self) -> None:
        """Close the zip files (the input files themselves are never changed)."""
        for handle in self._zips.values():
            handle.close()
        self._zips.clear()

    def __enter__(self) -> ExportArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ExportArchive({[p.name for p in self.parts]!r}, members={len(self.members)})"


class _CappedStream(io.RawIOBase):
    """A raw stream over one member that counts bytes and turns errors into InputError."""

    def __init__(self, archive: ExportArchive, member: Member, raw: IO[bytes], cap: int):
        super().__init__()
        self._archive = archive
        self._member = member
        self._raw = raw
        self._cap = cap
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(len(buffer))
        except _READ_ERRORS as exc:
            raise self._archive._damaged(self._member, exc) from exc
        count = len(data)
        self._total += count
        self._archive._charge(self._member, count, self._cap, self._total)
        buffer[:count] = data
        return count

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class SingleFileArchive(ExportArchive):
    """A lone file (a WhatsApp chat .txt, a JSON or HTML file) seen as a one-member export."""

    kind = "file"

    def __init__(self, path: Path, *, max_member_bytes: int = MAX_MEMBER_BYTES) -> None:
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(
                N_("The file does not exist."), path, N_("Check the path and try again.")
            ) from exc
        self.parts = [path.parent]
        self.max_member_bytes = max_member_bytes
        self.max_total_bytes = MAX_TOTAL_BYTES
        self.bytes_read = 0
        self._zips = {}
        self._dupes = {}
        self._file = path
        self.members = [Member(path.name, size, 0, match_key(path.name))]
        self._index()

    @property
    def path(self) -> Path:
        """The file itself."""
        return self._file

    def _source(self, member: Member) -> Path:
        return self._file

    def _raw_open(self, member: Member) -> IO[bytes]:
        return open(self._file, "rb")


def is_zip(path: Path) -> bool:
    """True when ``path`` is a regular file that starts like a zip archive."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False


__all__ = [
    "MAX_MEMBERS",
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "MEDIA_SUFFIXES",
    "ExportArchive",
    "Member",
    "SingleFileArchive",
    "is_zip",
    "match_key",
]
