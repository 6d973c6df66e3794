"""Turn the paths a user dropped into exports: group zip parts, look inside folders."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_
from privacy_audit.sources.archive import MAX_MEMBER_BYTES, ExportArchive, Member, is_zip, match_key

# facebook-jdoe-2026-05-14-a1b2c3d4.zip, instagram-x-2025-01-02-ZZZ.zip, meta-2025-Jan-02-...
_PART_RE = re.compile(
    r"^(?P<key>(?:facebook|instagram|messenger|meta|threads)-.+?-\d{4}-(?:\d{2}|[A-Za-z]{3})-\d{2})"
    r"-[A-Za-z0-9]+$",
    re.IGNORECASE,
)
_OLD_PART_RE = re.compile(r"^(?P<key>.+_\d{8})(?:_part_\d+)?$", re.IGNORECASE)
_LOOSE_SUFFIXES = (".zip", ".txt", ".json", ".html")


def part_group_key(path: Path) -> str | None:
    """The multi-part key of an export zip name (same key = same export), or None."""
    stem = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    for regex in (_PART_RE, _OLD_PART_RE):
        match = regex.match(stem)
        if match:
            return match.group("key").lower()
    return None


def _looks_like_tree(folder: Path) -> bool:
    """A folder that is an extracted export (has sub-folders with json/html/txt)."""
    for child in folder.rglob("*"):
        if (
            child.is_file()
            and child.suffix.lower() in (".json", ".html")
            and child.parent != folder
        ):
            return True
    return False


def expand_inputs(paths: Sequence[str | Path]) -> list[list[Path]]:
    """Group ``paths`` into exports; each export is a list of parts (zips or one folder).

    A folder that holds an extracted export is one export. A folder that only holds
    zips or chat files (e.g. Downloads) is expanded into those files. Zips of the same
    multi-part export are merged.
    """
    loose: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(N_("The file or folder does not exist."), path)
        if path.is_dir():
            if _looks_like_tree(path) or not any(
                c.is_file() and c.suffix.lower() in _LOOSE_SUFFIXES for c in path.iterdir()
            ):
                loose.append(path)
            else:
                loose.extend(
                    sorted(
                        c
                        for c in path.iterdir()
                        if c.is_file() and c.suffix.lower() in _LOOSE_SUFFIXES
                    )
                )
        else:
            loose.append(path)

    groups: dict[str, list[Path]] = {}
    order: list[str] = []
    for path in loose:
        key = part_group_key(path) if path.is_file() and is_zip(path) else None
        group = f"parts:{key}" if key else f"path:{path}"
        if group not in groups:
            groups[group] = []
            order.append(group)
        groups[group].append(path)
    return [sorted(groups[g]) for g in order]


def open_exports(paths: Sequence[str | Path]) -> list[ExportArchive]:
    """Open every export among ``paths`` (caller closes them)."""
    opened: list[ExportArchive] = []
    try:
        for parts in expand_inputs(paths):
            opened.append(open_parts(parts))
    except BaseException:
        for archive in opened:
            archive.close()
        raise
    return opened


def open_parts(parts: list[Path]) -> ExportArchive:
    """Open one export made of ``parts``; a single non-zip file becomes a one-file export."""
    if len(parts) == 1 and parts[0].is_file() and not is_zip(parts[0]):
        return SingleFileArchive(parts[0])
    return ExportArchive(parts)


class SingleFileArchive(ExportArchive):
    """A lone file (a WhatsApp chat .txt, an HTML/JSON report file) seen as an export."""

    def __init__(self, path: Path) -> None:
        self.parts = [path.parent]
        self.max_member_bytes = MAX_MEMBER_BYTES
        self._zips = {}
        self.members = [Member(path.name, path.stat().st_size, 0, match_key(path.name))]
        self._by_name = {self.members[0].key: list(self.members)}
        self._file = path

    @property
    def display_name(self) -> str:
        return self._file.name
