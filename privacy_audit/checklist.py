"""Which recommendations the user marked "Done", remembered per export (Qt-free).

An export is recognised by a *fingerprint* of what was imported (services, kinds,
layouts, formats, export dates, recognised file names and the size of each input), not
by where it lies on disk: moving or re-opening the same download finds the same ticks,
a new download of the same account starts a fresh checklist. The store is one JSON file
in the user data dir, written atomically; a corrupt file is moved aside with a warning.
With ``persist=False`` (workshop mode) everything stays in memory.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from privacy_audit.fsutil import atomic_write_bytes
from privacy_audit.paths import AppPaths
from privacy_audit.settings import move_aside

if TYPE_CHECKING:
    from privacy_audit.model import SourceInfo

log = logging.getLogger(__name__)

CHECKLIST_FILE = "checklist.json"
SCHEMA_VERSION = 1


def input_sizes(paths: Iterable[str | Path]) -> dict[str, int]:
    """File name -> size in bytes of each input file (folders: total of their files)."""
    sizes: dict[str, int] = {}
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
            else:
                total = path.stat().st_size
        except OSError:
            continue
        sizes[path.name] = total
    return sizes


def fingerprint(sources: Iterable[SourceInfo], sizes: Mapping[str, int] | None = None) -> str:
    """A stable hex id of an export set, independent of its location on disk.

    ``sizes`` (see :func:`input_sizes`) adds the size of every input file; the folder
    the files are in never counts.
    """
    parts: list[Any] = []
    for info in sources:
        parts.append(
            [
                info.service,
                info.kind,
                info.layout,
                info.format,
                info.export_date.isoformat() if info.export_date else None,
                Path(info.path).name,
                sorted(info.files_recognized),
                sorted(info.tables.items()),
            ]
        )
    parts.sort(key=lambda p: orjson.dumps(p))
    payload = {"sources": parts, "sizes": sorted((sizes or {}).items())}
    return hashlib.sha256(orjson.dumps(payload)).hexdigest()[:32]


class ChecklistStore:
    """Done recommendation ids per export fingerprint."""

    def __init__(self, paths: AppPaths, *, persist: bool = True) -> None:
        self.paths = paths
        self.persist = persist
        self.warnings: list[str] = []
        self._data: dict[str, dict[str, Any]] | None = None

    @property
    def file(self) -> Path:
        """Where the checklist lives."""
        return self.paths.data_dir / CHECKLIST_FILE

    def _exports(self) -> dict[str, dict[str, Any]]:
        if self._data is None:
            self._data = self._read()
        return self._data

    def _read(self) -> dict[str, dict[str, Any]]:
        if not self.persist or not self.file.is_file():
            return {}
        try:
            data = orjson.loads(self.file.read_bytes())
            exports = data["exports"]
            if not isinstance(exports, dict):
                raise ValueError("exports is not an object")
            return {
                str(fp): {"done": [str(x) for x in entry.get("done", [])], **entry}
                for fp, entry in exports.items()
                if isinstance(entry, dict)
            }
        except (OSError, ValueError, KeyError, TypeError) as exc:
            aside = move_aside(self.file)
            log.warning("checklist unreadable (%s); moved aside", type(exc).__name__)
            self.warnings.append(aside.name if aside else self.file.name)
            return {}

    def done(self, export_id: str) -> set[str]:
        """The recommendation ids marked done for this export."""
        entry = self._exports().get(export_id)
        return set(entry["done"]) if entry else set()

    def set_done(self, export_id: str, recommendation_id: str, done: bool) -> None:
        """Mark (or unmark) one recommendation and save."""
        exports = self._exports()
        current = self.done(export_id)
        if done:
            current.add(recommendation_id)
        else:
            current.discard(recommendation_id)
        exports[export_id] = {
            "done": sorted(current),
            "updated": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self._save()

    def _save(self) -> None:
        if not self.persist:
            return
        self.paths.ensure(self.paths.data_dir)
        data = {"schema_version": SCHEMA_VERSION, "exports": self._exports()}
        atomic_write_bytes(self.file, orjson.dumps(data, option=orjson.OPT_INDENT_2))


def findings_done(findings: Iterable[Any], done_recommendations: set[str]) -> set[str]:
    """Ids of the findings whose every recommendation is marked done."""
    result: set[str] = set()
    for finding in findings:
        recs = [r.id for r in finding.recommendations]
        if recs and all(r in done_recommendations for r in recs):
            result.add(finding.id)
    return result
