"""The app's own settings: a typed dataclass stored as JSON in the config dir (Qt-free).

Defaults are declared once, on the dataclass. Unknown keys are ignored and missing keys
take their defaults, so older and newer files both load. Writes are atomic
(:mod:`privacy_audit.fsutil`); a file that cannot be read is moved aside with a warning,
never silently overwritten. A store opened with ``persist=False`` (workshop mode) never
writes to the disk.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from privacy_audit.fsutil import atomic_write_bytes
from privacy_audit.paths import AppPaths

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SETTINGS_FILE = "settings.json"
MAX_RECENT = 8


@dataclass
class Settings:
    """Everything the app remembers between runs (never export content)."""

    schema_version: int = SCHEMA_VERSION
    language: str | None = None  # None = follow the system locale
    recent_exports: list[list[str]] = field(default_factory=list)  # each: the paths opened
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    redact_reports: bool = False
    presentation_scale: float = 1.6  # font scale used in workshop mode
    appearance: str = "system"  # system | light | dark (View › Appearance)
    zoom: float = 1.0  # type scale outside workshop mode (View › Zoom in / out)
    last_folder: str = ""  # where the file dialogs start (never in workshop mode)
    #: "\n".join(paths) of a recent export -> {"services": [...], "date": "YYYY-MM-DD"}
    recent_info: dict[str, Any] = field(default_factory=dict)

    def add_recent(
        self, paths: list[str], services: list[str] | None = None, date: str = ""
    ) -> None:
        """Put ``paths`` first in the recent exports (no duplicates, at most MAX_RECENT),
        with the services they hold and the export's date when known."""
        entry = [str(p) for p in paths]
        self.recent_exports = [r for r in self.recent_exports if r != entry]
        self.recent_exports.insert(0, entry)
        del self.recent_exports[MAX_RECENT:]
        if services is not None:
            self.recent_info["\n".join(entry)] = {"services": list(services), "date": date}
        kept = {"\n".join(r) for r in self.recent_exports}
        self.recent_info = {k: v for k, v in self.recent_info.items() if k in kept}

    @classmethod
    def from_json(cls, data: Any) -> Settings:
        """Settings from a decoded JSON object; bad or unknown values fall back to defaults."""
        settings = cls()
        if not isinstance(data, dict):
            raise ValueError("settings file is not a JSON object")
        defaults = {f.name: getattr(settings, f.name) for f in dataclasses.fields(cls)}
        for name, default in defaults.items():
            if name not in data or name == "schema_version":
                continue
            value = data[name]
            if name == "recent_exports":
                if isinstance(value, list):
                    settings.recent_exports = [
                        [str(p) for p in entry]
                        for entry in value
                        if isinstance(entry, list) and all(isinstance(p, str) for p in entry)
                    ][:MAX_RECENT]
            elif name == "language":
                settings.language = value if value is None or isinstance(value, str) else None
            elif name in ("presentation_scale", "zoom"):
                if isinstance(value, (int, float)) and 1.0 <= value <= 3.0:
                    setattr(settings, name, float(value))
            elif name == "appearance":
                if value in ("system", "light", "dark"):
                    settings.appearance = value
            elif isinstance(value, type(default)):
                setattr(settings, name, value)
        return settings

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return dataclasses.asdict(self)


class SettingsStore:
    """Loads and saves :class:`Settings` in ``paths.config_dir``."""

    def __init__(self, paths: AppPaths, *, persist: bool = True) -> None:
        self.paths = paths
        self.persist = persist
        self.warnings: list[str] = []  # for the GUI to show (no content, file names only)

    @property
    def file(self) -> Path:
        """Where the settings live."""
        return self.paths.config_dir / SETTINGS_FILE

    def load(self) -> Settings:
        """The saved settings, or defaults (a corrupt file is moved aside).

        A store that does not persist still reads the file, but never moves it.
        """
        if not self.file.is_file():
            return Settings()
        try:
            return Settings.from_json(orjson.loads(self.file.read_bytes()))
        except (OSError, ValueError) as exc:
            if not self.persist:
                return Settings()
            aside = move_aside(self.file)
            log.warning("settings file unreadable (%s); moved to %s", type(exc).__name__, aside)
            self.warnings.append(aside.name if aside else self.file.name)
            return Settings()

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically (nothing at all when not persisting)."""
        if not self.persist:
            return
        self.paths.ensure(self.paths.config_dir)
        data = orjson.dumps(settings.to_json(), option=orjson.OPT_INDENT_2)
        atomic_write_bytes(self.file, data)


def move_aside(path: Path) -> Path | None:
    """Rename a corrupt ``path`` to ``<name>.corrupt-<time>``; None when that fails too."""
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.replace(target)
    except OSError:
        log.warning("could not move %s aside", path.name)
        return None
    return target
