"""Turn the paths a user dropped into exports: group zip parts, look inside folders.

- A folder that holds an extracted export (Meta's category folders, a WhatsApp account
  report tree), possibly under wrapper folders, is one export.
- A folder that holds export files (a Downloads folder with a Facebook zip and a few
  WhatsApp chats) is scanned: its zips, chats and export folders are candidates, which
  the pipeline keeps only when an importer recognises them (this module never detects).
- Zips (or extracted folders) of one multi-part Meta export are merged (see
  :mod:`.parts`). A second download of the same part (``... (1).zip``) is ignored.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_, Translator
from privacy_audit.sources.archive.listing import match_key
from privacy_audit.sources.archive.parts import download_name, part_group_key
from privacy_audit.sources.archive.reader import ExportArchive, SingleFileArchive, is_zip
from privacy_audit.values import number

#: file types a scanned folder may hold exports in
_SCAN_SUFFIXES = (".zip", ".txt")

#: folder names only Meta / WhatsApp exports have (match_key form)
_DISTINCTIVE = frozenset(
    """personal_information your_facebook_activity your_activity_across_facebook
    logged_information security_and_login_information ads_information
    apps_and_websites_off_of_facebook apps_and_websites_off_of_instagram
    apps_and_websites_off_of_meta_technologies about_you your_instagram_activity
    followers_and_following connections_and_followers information_about_you
    calls_and_messages friends_and_followers whatsapp_account_information
    whatsapp_connections whatsapp_settings your_topics ads_and_businesses
    preferences_and_settings facebook_accounts_center""".split()
)
#: folder names Meta exports have that other trees may have too (two of them count)
_GENERIC = frozenset(
    """messages contacts connections location preferences account_information
    security_and_login media content comments likes_and_reactions friends
    profile_information search_history other_activity""".split()
)
_MARKER_FILES = frozenset(("start_here.html", "portability.json", "access.html"))


def _children(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        raise InputError(
            N_("This folder cannot be read."), folder, N_("Check that you are allowed to open it.")
        ) from exc


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def is_export_tree(folder: Path, depth: int = 2) -> bool:
    """True when ``folder`` (or a single wrapper folder inside it) is an extracted export."""
    try:
        entries = _children(folder)
    except InputError:
        return False
    dirs = [e for e in entries if _is_dir(e)]
    names = {match_key(e.name) for e in dirs}
    if names & _DISTINCTIVE or len(names & _GENERIC) >= 2:
        return True
    if any(match_key(e.name) in _MARKER_FILES for e in entries if _is_file(e)):
        return True
    files = [e for e in entries if _is_file(e) and not e.name.startswith(".")]
    if depth > 0 and len(dirs) == 1 and not files:
        return is_export_tree(Path(dirs[0].path), depth - 1)
    return False


#: how many folders deep a scanned folder is searched for exports at most
#: (an export unzipped into Downloads/Meta/2024/backup/... is found; a loop of links is not
#: followed anyway, symbolic links are never entered)
MAX_SCAN_DEPTH = 16
#: how many files and folders a scanned folder is searched through at most (a home folder
#: given by mistake is not walked to the end)
MAX_SCAN_ENTRIES = 50_000


@dataclass(frozen=True)
class ScanCut:
    """Where the search of a scanned folder stopped before the end, and why."""

    #: the folder the user gave
    folder: Path
    #: the first folder that was not searched
    stopped_at: Path
    #: ``"depth"`` (more than :data:`MAX_SCAN_DEPTH` folders down) or ``"entries"``
    #: (:data:`MAX_SCAN_ENTRIES` files and folders listed already)
    reason: str
    #: the number of folders down or of files and folders the search was allowed
    limit: int

    def where(self) -> str:
        """The folder where the search stopped, as seen from the folder given."""
        try:
            relative = self.stopped_at.relative_to(self.folder)
        except ValueError:
            return self.stopped_at.name
        return str(Path(self.folder.name) / relative)

    def message(self, tr: Translator) -> str:
        """The warning for the user, in ``tr``'s language."""
        if self.reason == "depth":
            text = tr.gettext(
                "The search for exports stopped at the folder {folder}: it lies more than "
                "{n} folders deep. If an export is missing, open its folder directly."
            )
            return text.format(folder=self.where(), n=self.limit)
        text = tr.gettext(
            "The search for exports stopped at the folder {folder}: more than {n} files and "
            "folders were searched. If an export is missing, open its folder directly."
        )
        return text.format(folder=self.where(), n=number(self.limit, tr.locale))


@dataclass
class FolderScan:
    """The export candidates found inside a folder, and where the search stopped early."""

    candidates: list[Path] = field(default_factory=list)
    cut: ScanCut | None = None


def scan_folder(
    folder: Path, *, max_depth: int | None = None, max_entries: int | None = None
) -> FolderScan:
    """The export candidates inside a folder that is not itself an export.

    Sub-folders that are not exports are searched too, down to ``max_depth`` levels and
    through ``max_entries`` files and folders at most, so two exports side by side under a
    wrapper folder are two exports, an export unzipped a few folders down is found, and
    chats one folder down are found as when that folder is given. Where the search
    stopped early is in the result's ``cut`` (the first place only). A zip that a chat
    text in the same folder names as an attachment (an extracted chat export:
    ``_chat.txt`` next to its media, one of which is a ``.zip`` someone sent) is part of
    that chat, not an export.
    """
    depth_cap = MAX_SCAN_DEPTH if max_depth is None else max_depth
    entries_cap = MAX_SCAN_ENTRIES if max_entries is None else max_entries
    budget = [entries_cap]  # files and folders that may still be listed
    scan = FolderScan()

    def stop(at: Path, reason: str) -> None:
        if scan.cut is None:
            limit = depth_cap if reason == "depth" else entries_cap
            scan.cut = ScanCut(folder=folder, stopped_at=at, reason=reason, limit=limit)

    def search(here: Path, depth: int) -> list[Path]:
        entries = _children(here)
        budget[0] -= len(entries)
        found: list[Path] = []
        nested: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_dir(entry):
                if is_export_tree(path):
                    found.append(path)
                elif depth >= depth_cap:
                    stop(path, "depth")
                elif budget[0] <= 0:
                    stop(path, "entries")
                else:
                    try:
                        nested.extend(search(path, depth + 1))
                    except InputError:
                        continue  # an unreadable sub-folder nobody asked for
            elif _is_file(entry) and path.suffix.lower() in _SCAN_SUFFIXES:
                found.append(path)
        attached = _chat_attachments(found)
        return [path for path in found if path not in attached] + nested

    scan.candidates = search(folder, 1)
    return scan


#: chat texts larger than this are not searched for attachment names
_MAX_CHAT_TEXT = 256 * 1024 * 1024


def _chat_attachments(candidates: list[Path]) -> set[Path]:
    """The zips among ``candidates`` whose file name a ``.txt`` among them mentions."""
    zips = [p for p in candidates if p.is_file() and p.suffix.lower() == ".zip"]
    texts = [p for p in candidates if p.is_file() and p.suffix.lower() == ".txt"]
    if not zips or not texts:
        return set()
    attached: set[Path] = set()
    for text in texts:
        try:
            if text.stat().st_size > _MAX_CHAT_TEXT:
                continue
            data = text.read_bytes()
        except OSError:
            continue
        for path in zips:
            names = {unicodedata.normalize(form, path.name) for form in ("NFC", "NFD")}
            if any(name.encode("utf-8") in data for name in names):
                attached.add(path)
    return attached


def group_parts(paths: Sequence[Path]) -> list[list[Path]]:
    """Group paths into exports: multi-part zips/folders together, in first-seen order."""
    groups: dict[str, list[Path]] = {}
    for path in paths:
        key = None
        if path.is_dir() or is_zip(path):
            key = part_group_key(path)
        group = f"parts:{key}" if key else f"path:{path}"
        members = groups.setdefault(group, [])
        twin = next((i for i, other in enumerate(members) if _same_download(path, other)), None)
        if twin is None:
            members.append(path)
        elif members[twin].is_dir() and not path.is_dir():
            members[twin] = path  # a zip and the folder it was extracted to: read the zip
    return [sorted(parts, key=lambda p: p.name) for parts in groups.values()]


def _same_download(path: Path, other: Path) -> bool:
    """True when ``path`` is a copy of ``other``: "x (1).zip" next to "x.zip", or the
    folder "x" that "x.zip" was extracted to."""
    if download_name(path.name) != download_name(other.name):
        return False
    if path.is_dir() or other.is_dir():
        return True
    try:
        return path.stat().st_size == other.stat().st_size
    except OSError:
        return False


@dataclass
class Gathered:
    """The paths a user gave, sorted out (see :func:`gather`)."""

    #: the exports given directly, each a list of parts (zips or folders)
    given: list[list[Path]] = field(default_factory=list)
    #: folder that holds no export itself -> the export candidates found inside it
    scanned: dict[Path, list[Path]] = field(default_factory=dict)
    #: scanned folder -> where its search stopped early (only folders where it did)
    cuts: dict[Path, ScanCut] = field(default_factory=dict)
    #: every path given directly, resolved (a candidate among them is not read twice)
    seen: set[Path] = field(default_factory=set)


def gather(paths: Sequence[str | Path]) -> Gathered:
    """Sort ``paths`` into exports given directly and folders to scan for exports.

    Raises :class:`InputError` for a path that does not exist or is not a regular file
    or folder. Which scanned candidates are exports is for the caller to decide.
    """
    given: list[Path] = []
    out = Gathered()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(
                N_("The file or folder does not exist."),
                path,
                N_("Check the path and try again."),
            )
        if not path.is_dir() and not path.is_file():
            raise InputError(
                N_("This is not a regular file or folder."),
                path,
                N_("Open the .zip file or the folder of your export."),
            )
        resolved = path.resolve()
        if resolved in out.seen:
            continue
        out.seen.add(resolved)
        if path.is_dir() and not is_export_tree(path):
            scan = scan_folder(path)
            if scan.cut is not None:
                out.cuts[path] = scan.cut
            if scan.candidates:
                out.scanned[path] = scan.candidates
                continue
        given.append(path)
    out.given = group_parts(given)
    return out


def _check_readable(path: Path) -> None:
    """Raise :class:`InputError` when ``path`` is a file the user is not allowed to read
    (not to be mistaken for an empty or damaged file further on), or a zip of 0 bytes."""
    if not path.is_file():
        return
    try:
        with open(path, "rb"):
            pass
    except PermissionError as exc:
        raise InputError(
            N_("You are not allowed to read this file."),
            path,
            N_("Check the file's permissions, or copy it to a folder of yours and open the copy."),
        ) from exc
    if path.suffix.lower() == ".zip" and path.stat().st_size == 0:
        # an interrupted download, not a damaged archive
        raise InputError(
            N_("This zip file is empty (0 bytes): its download did not finish."),
            path,
            N_("Download the export again and open the .zip file you received."),
        )


def open_parts(parts: list[Path]) -> ExportArchive:
    """Open one export made of ``parts``; a single non-zip file becomes a one-file export.

    A file named ``.zip`` that is not a zip, and a file the user may not read, are refused
    with a clear message.
    """
    for part in parts:
        _check_readable(part)
    if len(parts) == 1 and parts[0].is_file() and not is_zip(parts[0]):
        if parts[0].suffix.lower() == ".zip":
            return ExportArchive(parts)  # raises "not a readable zip archive"
        return SingleFileArchive(parts[0])
    return ExportArchive(parts)


__all__ = [
    "MAX_SCAN_DEPTH",
    "MAX_SCAN_ENTRIES",
    "FolderScan",
    "Gathered",
    "ScanCut",
    "gather",
    "group_parts",
    "is_export_tree",
    "open_parts",
    "scan_folder",
]
