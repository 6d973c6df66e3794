"""Atomic file writing: a file is either the old one or the complete new one.

The new content goes to ``.<name>.<pid>.<random>.part`` beside the target and is moved
over it with ``os.replace``. A part is removed on every error and on SIGTERM/SIGHUP/^C
(:mod:`privacy_audit.signals` turns them into exceptions). A part that a process left
when it could not clean up (SIGKILL, a power cut) names that process: the next write of
the same target sweeps the parts of processes that are gone (:func:`sweep_stale_parts`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path

#: ``.<name>.<pid>.<random>.part`` (a file or a CSV staging folder) or ``.old`` (a CSV
#: folder moved aside while its replacement goes in)
_PART = re.compile(r"\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.(?:part|old)")


def part_prefix(target: Path) -> str:
    """The name prefix of this process's temp files for ``target``."""
    return f".{target.name}.{os.getpid()}."


def _process_gone(pid: int) -> bool:
    if os.name == "nt" or pid <= 0:  # os.kill(pid, 0) would end the process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, owned by someone else
        return False
    return False


def sweep_stale_parts(target: Path) -> list[str]:
    """Remove the temp files for ``target`` left by processes that no longer exist.

    Only names of our own pattern (``.<target name>.<pid>.<random>.part|.old``) whose pid
    is not a running process are removed (an ``.old`` CSV folder is put back when the
    target is missing); returns their names.
    """
    head = f".{target.name}"
    removed: list[str] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(head):
            continue
        match = _PART.fullmatch(entry.name[len(head) :])
        if match is None or not _process_gone(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            if entry.name.endswith(".old") and not os.path.lexists(target):
                os.replace(entry.path, target)  # the earlier CSV folder, put back
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(entry.name)
    return removed


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and ``os.replace``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(target)
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=part_prefix(target), suffix=".part", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        if tmp:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 ``text`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))
