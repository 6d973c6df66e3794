"""One safe, read-only view over an export: a zip, several zip parts, or a folder.

Every export is hostile input. This module:
- reads the zip central directory only and opens just the members asked for;
- never extracts anything to disk and never reads media members;
- matches members by file name anywhere in the tree (wrapper folders do not matter),
  treating ``'``, ``’`` and ``_`` in names as equal;
- refuses absolute names and ``..`` segments, encrypted members, corrupt or truncated
  zips and files that are not zips, with one clear :class:`InputError` naming the file;
- caps the inflated size of every member it reads (declared size *and* bytes counted
  while inflating) and the number of members;
- never writes to, renames or touches the input.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_

#: Largest member we inflate (JSON message files are a few MB; 256 MiB is generous).
MAX_MEMBER_BYTES = 256 * 1024 * 1024
#: Most members an export may list before we refuse it.
MAX_MEMBERS = 500_000
_CHUNK = 1024 * 1024

MEDIA_SUFFIXES = frozenset(
    """.jpg .jpeg .png .gif .webp .heic .heif .bmp .tif .tiff .mp4 .mov .m4v .avi .mkv
    .webm .3gp .mp3 .m4a .aac .ogg .opus .wav .amr .flac .pdf .vcf .docx .xlsx .pptx
    .zip .7z .rar .tgz .gz .apk .exe .svg .ico .woff .woff2 .ttf""".split()
)
#: the apostrophe family that Meta rewrote to ``_`` in 2025 file names
_QUOTES = re.compile(r"['’‘`]")


def match_key(name: str) -> str:
    """Normalize a member path for matching: lower case, quotes as ``_``, ``/`` separators."""
    return _QUOTES.sub("_", name.replace("\\", "/")).lower()


@dataclass(frozen=True)
class Member:
    """One file inside an export."""

    path: str  # path inside the export as listed (posix separators)
    size: int  # declared (zip) or actual (folder) size in bytes
    part: int  # index into ExportArchive.parts
    key: str  # match_key(path)

    @property
    def name(self) -> str:
        """The file name without folders."""
        return PurePosixPath(self.path).name

    @property
    def suffix(self) -> str:
        """Lower-case file extension, with the dot."""
        return PurePosixPath(self.key).suffix

    @property
    def is_media(self) -> bool:
        """True for photos, videos, audio and other blobs we never read."""
        return self.suffix in MEDIA_SUFFIXES


def _unsafe_name(name: str) -> bool:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    parts = name.replace("\\", "/").split("/")
    return any(p == ".." for p in parts)


class ExportArchive:
    """A read-only, merged view over the parts (zips or one folder) of one export."""

    def __init__(self, parts: Sequence[Path], *, max_member_bytes: int = MAX_MEMBER_BYTES):
        self.parts: list[Path] = [Path(p) for p in parts]
        self.max_member_bytes = max_member_bytes
        self._zips: dict[int, zipfile.ZipFile] = {}
        self.members: list[Member] = []
        try:
            for index, part in enumerate(self.parts):
                if part.is_dir():
                    self._list_folder(index, part)
                else:
                    self._list_zip(index, part)
        except BaseException:
            self.close()
            raise
        self._by_name: dict[str, list[Member]] = {}
        for member in self.members:
            self._by_name.setdefault(PurePosixPath(member.key).name, []).append(member)

    # -- listing -------------------------------------------------------------------
    def _list_zip(self, index: int, path: Path) -> None:
        try:
            handle = zipfile.ZipFile(path, "r")  # reads only the central directory
        except FileNotFoundError as exc:
            raise InputError(N_("The file does not exist."), path) from exc
        except IsADirectoryError as exc:  # pragma: no cover - dirs are listed as folders
            raise InputError(N_("This is a folder, not a file."), path) from exc
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise InputError(
                N_("This file is not a readable zip archive (it may be damaged or incomplete)."),
                path,
                N_("Download the export again and open the .zip file you received."),
            ) from exc
        self._zips[index] = handle
        infos = handle.infolist()
        if len(infos) + len(self.members) > MAX_MEMBERS:
            raise InputError(
                N_("This archive lists too many files ({count}) to be a data export."),
                path,
                count=len(infos),
            )
        seen: set[str] = set()
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            if _unsafe_name(name):
                raise InputError(
                    N_("This archive contains unsafe file names (absolute or with '..')."),
                    path,
                    N_("It was not made by Meta or WhatsApp; it was not opened."),
                )
            if info.flag_bits & 0x1:
                raise InputError(
                    N_("This archive is password-protected (encrypted)."),
                    path,
                    N_("Meta and WhatsApp exports are not encrypted: open the original download."),
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                continue  # symlink members are never followed
            if name in seen:
                continue  # duplicate names: the first one wins, as in every unzip tool
            seen.add(name)
            self.members.append(Member(name, info.file_size, index, match_key(name)))

    def _list_folder(self, index: int, root: Path) -> None:
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError as exc:
                raise InputError(N_("This folder cannot be read."), folder) from exc
            for entry in entries:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    rel = Path(entry.path).relative_to(root).as_posix()
                    size = entry.stat(follow_symlinks=False).st_size
                    self.members.append(Member(rel, size, index, match_key(rel)))
                    if len(self.members) > MAX_MEMBERS:
                        raise InputError(
                            N_("This folder holds too many files to be a data export."), root
                        )

    # -- queries -------------------------------------------------------------------
    @property
    def display_name(self) -> str:
        """The name to show for this export (first part's file or folder name)."""
        return self.parts[0].name if self.parts else ""

    def find(self, name: str) -> list[Member]:
        """Members whose path ends with ``name`` at a path boundary (quote-insensitive).

        ``name`` is a file name (``your_address_books.json``) or a path suffix
        (``contacts/synced_contacts.json``).
        """
        key = match_key(name)
        base = PurePosixPath(key).name
        candidates = self._by_name.get(base, [])
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
    def open(self, member: Member) -> IO[bytes]:
        """A binary stream over ``member`` (caller closes it). Size is not capped here."""
        part = self.parts[member.part]
        if member.part in self._zips:
            zf = self._zips[member.part]
            try:
                return zf.open(member.path, "r")
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as exc:
                raise InputError(
                    N_("A file inside the archive is damaged: {member}."),
                    part,
                    N_("Download the export again."),
                    member=member.name,
                ) from exc
        return open(part / member.path, "rb")

    def read_bytes(self, member: Member, limit: int | None = None) -> bytes:
        """The whole content of ``member``, refusing more than ``limit`` bytes (zip bombs)."""
        cap = self.max_member_bytes if limit is None else limit
        part = self.parts[member.part]
        if member.size > cap:
            raise InputError(
                N_("{member} is too large to be read safely ({size} MB)."),
                part,
                member=member.name,
                size=member.size // (1024 * 1024),
            )
        chunks: list[bytes] = []
        total = 0
        try:
            with self.open(member) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > cap:
                        raise InputError(
                            N_("{member} inflates to more than it declares (a zip bomb?)."),
                            part,
                            N_("It was not read."),
                            member=member.name,
                        )
                    chunks.append(chunk)
        except InputError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError) as exc:
            raise InputError(
                N_("A file inside the archive is damaged: {member}."),
                part,
                N_("Download the export again."),
                member=member.name,
            ) from exc
        return b"".join(chunks)

    def read_text(self, member: Member, limit: int | None = None) -> str:
        """``member`` decoded as UTF-8 (BOM removed; undecodable bytes replaced)."""
        return self.read_bytes(member, limit).decode("utf-8-sig", errors="replace")

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


def is_zip(path: Path) -> bool:
    """True when ``path`` is a regular file that starts like a zip archive."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except OSError:
        return False
