"""Privacy Audit: what Meta can link together about you, from your own data exports."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("privacy-audit")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+unknown"

APP_NAME = "Privacy Audit"
APP_ID = "org.privacyaudit.PrivacyAudit"
