"""Where the app keeps its own files (never the user's exports).

All user dirs come from ``platformdirs``. ``PRIVACY_AUDIT_HOME`` overrides them all
(tests point it at a temp dir; a portable install can point it next to the binary).
Directories are created lazily with mode 0700 and only when something is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

HOME_ENV = "PRIVACY_AUDIT_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's config, data and cache folders."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        """Paths from ``PRIVACY_AUDIT_HOME`` if set, else the platform's user dirs."""
        override = os.environ.get(HOME_ENV)
        if override:
            root = Path(override)
            return cls(root / "config", root / "data", root / "cache")
        dirs = PlatformDirs("privacy-audit", appauthor=False)
        return cls(dirs.user_config_path, dirs.user_data_path, dirs.user_cache_path)

    def ensure(self, folder: Path) -> Path:
        """Create ``folder`` (one of ours) with private permissions and return it."""
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder
