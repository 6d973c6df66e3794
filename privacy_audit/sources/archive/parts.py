"""Which zips or folders are parts of one multi-part Meta export.

New names ``facebook-<user>-<YYYY-MM-DD>-<random>.zip`` share everything but the random
part, old ones are ``<user>_<YYYYMMDD>_part_<N>.zip``. A second download of the same
file (``... (1).zip``) has the same key.
"""

from __future__ import annotations

import re
from pathlib import Path

# facebook-jdoe-2026-05-14-a1b2c3d4, instagram-x-2025-01-02-ZZZ, meta-2025-Jan-02-...
_PART_RE = re.compile(
    r"^(?P<key>(?:facebook|instagram|messenger|meta|threads)(?:-.+?)?"
    r"-\d{4}-(?:\d{1,2}|[A-Za-z]{3,9})-\d{1,2})-[A-Za-z0-9_-]+$",
    re.IGNORECASE,
)
_OLD_PART_RE = re.compile(r"^(?P<key>.+_\d{8})(?:_part_?\d+)?$", re.IGNORECASE)
#: what a browser appends to a second download of the same file: "x (1).zip", "x(2).zip"
_COPY_RE = re.compile(r"\s*\(\d+\)$")


def strip_zip(name: str) -> str:
    """``name`` without a ``.zip`` suffix (any case)."""
    return name[:-4] if name.lower().endswith(".zip") else name


def download_name(name: str) -> str:
    """``name`` without ``.zip`` and without a browser's copy suffix (`` (1)``)."""
    return _COPY_RE.sub("", strip_zip(name))


def part_group_key(path: Path) -> str | None:
    """The multi-part key of an export zip or folder name (same key = same export)."""
    stem = download_name(path.name)
    for regex in (_PART_RE, _OLD_PART_RE):
        match = regex.match(stem)
        if match:
            return match.group("key").lower()
    return None
