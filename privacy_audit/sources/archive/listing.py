"""Listing an export's members: the zip central directory or a folder walk.

This is where names are judged: absolute names and ``..`` segments refuse the archive,
encrypted members refuse it, symlinks are skipped, duplicate names keep the first entry,
and the member count is capped (read from the zip's end record before anything else).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
import zipfile
from pathlib import Path
from typing import NamedTuple

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_

#: Most members an export may list before we refuse it.
MAX_MEMBERS = 300_000
#: file types never read (photos, videos, audio, documents, nested archives)
MEDIA_SUFFIXES = frozenset(
    """.jpg .jpeg .png .gif .webp .heic .heif .bmp .tif .tiff .mp4 .mov .m4v .avi .mkv
    .webm .3gp .mp3 .m4a .aac .ogg .opus .wav .amr .flac .pdf .vcf .docx .xlsx .pptx
    .zip .7z .rar .tgz .gz .apk .exe .svg .ico .woff .woff2 .ttf""".split()
)
#: the apostrophe family that Meta rewrote to ``_`` in 2025 file names
_NEEDS_TABLE = re.compile(r"['’‘`\\]")
_KEY_TABLE = str.maketrans({"'": "_", "’": "_", "‘": "_", "`": "_", "\\": "/"})
_DRIVE = re.compile(r"^[A-Za-z]:")


def match_key(name: str) -> str:
    """Normalize a member path for matching: NFC, lower case, quotes as ``_``, ``/``."""
    if not name.isascii():
        name = unicodedata.normalize("NFC", name)
    if _NEEDS_TABLE.search(name):
        name = name.translate(_KEY_TABLE)
    return name.lower()


def key_basename(key: str) -> str:
    """The last segment of a match key (the file name)."""
    return key.rpartition("/")[2]


class Member(NamedTuple):
    """One file inside an export (a named tuple: cheap for 100k-member exports)."""

    path: str  # path inside the export as listed (posix separators)
    size: int  # declared (zip) or actual (folder) size in bytes
    part: int  # index into ExportArchive.parts
    key: str  # match_key(path)
    packed: int = -1  # compressed size in the zip (-1: not compressed / unknown)

    @property
    def name(self) -> str:
        """The file name without folders."""
        return self.path.replace("\\", "/").rpartition("/")[2]

    @property
    def suffix(self) -> str:
        """Lower-case file extension, with the dot."""
        base = key_basename(self.key)
        dot = base.rfind(".")
        return base[dot:] if dot > 0 else ""

    @property
    def is_media(self) -> bool:
        """True for photos, videos, audio and other blobs we never read."""
        return self.suffix in MEDIA_SUFFIXES


def _unsafe_name(name: str) -> bool:
    if ".." not in name and name[:1] not in ("/", "\\") and name[1:2] != ":":
        return False  # the fast path for the 100k ordinary names
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    return ".." in name.replace("\\", "/").split("/")


def _declared_entries(path: Path) -> int:
    """The member count the zip's end record declares (0 when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]
    except (OSError, ValueError, zipfile.BadZipFile):
        return 0
    return int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else 0  # type: ignore[attr-defined]


class Listing(NamedTuple):
    """What listing one zip gives: its open handle, its members, and the first entry of
    each duplicated name (``zipfile`` alone would open the last one)."""

    handle: zipfile.ZipFile
    members: list[Member]
    dupes: dict[tuple[int, str], zipfile.ZipInfo]


def list_zip(path: Path, index: int, listed: int) -> Listing:
    """Open the zip at ``path`` (central directory only) and list its members.

    ``index`` is the part number given to the members, ``listed`` how many members the
    export's earlier parts already have. Raises :class:`InputError` for a missing,
    damaged, encrypted or oversized zip and for unsafe member names.
    """
    if not path.exists():
        raise InputError(N_("The file does not exist."), path, N_("Check the path and try again."))
    if _declared_entries(path) + listed > MAX_MEMBERS:
        raise _too_many_files(path, _declared_entries(path))
    try:
        handle = zipfile.ZipFile(path, "r")  # reads only the central directory
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise InputError(
            N_("This file is not a readable zip archive (it may be damaged or incomplete)."),
            path,
            N_("Download the export again and open the .zip file you received."),
        ) from exc
    try:
        return _members_of(handle, path, index, listed)
    except BaseException:
        handle.close()
        raise


def _too_many_files(path: Path, count: int) -> InputError:
    return InputError(
        N_("This archive lists too many files ({count}) to be a data export."),
        path,
        N_("It was not opened. Open the original export you downloaded from Meta or WhatsApp."),
        count=count,
    )


def _members_of(handle: zipfile.ZipFile, path: Path, index: int, listed: int) -> Listing:
    infos = handle.infolist()
    if len(infos) + listed > MAX_MEMBERS:
        raise _too_many_files(path, len(infos))
    seen: dict[str, zipfile.ZipInfo] = {}
    dupes: dict[tuple[int, str], zipfile.ZipInfo] = {}
    members: list[Member] = []
    add = members.append
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise InputError(
                N_("This archive contains unsafe file names (absolute or with '..')."),
                path,
                N_(
                    "It was not made by Meta or WhatsApp, so it was not opened: open the "
                    "original export you downloaded."
                ),
            )
        if name.endswith("/"):
            continue
        if info.flag_bits & 0x1:
            raise InputError(
                N_("This archive is password-protected (encrypted)."),
                path,
                N_("Meta and WhatsApp exports are not encrypted: open the original download."),
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            continue  # symlink members are never followed
        if name in seen:
            # duplicate names: the first one wins (zipfile would open the last one)
            dupes[(index, name)] = seen[name]
            continue
        seen[name] = info
        packed = info.compress_size if info.compress_type != zipfile.ZIP_STORED else -1
        add(Member(name, info.file_size, index, match_key(name), packed))
    return Listing(handle, members, dupes)


def list_folder(root: Path, index: int, listed: int) -> list[Member]:
    """Every regular file under ``root`` (symlinks are never followed)."""
    stack = [root]
    prefix = len(str(root).rstrip(os.sep)) + 1
    members: list[Member] = []
    add = members.append
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            raise InputError(
                N_("This folder cannot be read."),
                folder,
                N_("Check that you are allowed to open it."),
            ) from exc
        for entry in entries:
            try:
                if entry.is_symlink():
                    continue  # never followed: it could point anywhere on the disk
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue  # sockets, fifos, devices
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
            rel = entry.path[prefix:].replace(os.sep, "/")
            add(Member(rel, size, index, match_key(rel)))
            if len(members) + listed > MAX_MEMBERS:
                raise InputError(
                    N_("This folder holds too many files to be a data export."),
                    root,
                    N_("Open the folder of the export itself, not a folder above it."),
                )
    return members
