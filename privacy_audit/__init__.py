"""Privacy Audit: what Meta can link together about you, from your own data exports."""

from __future__ import annotations

APP_NAME = "Privacy Audit"
APP_ID = "org.privacyaudit.PrivacyAudit"

_version: str | None = None


def _read_version() -> str:
    """The installed distribution's version (pyproject.toml is the single source).

    ``importlib.metadata`` scans every distribution on the path; it is only asked when
    ``__version__`` is first used (``--version``, the About box), never at import.
    """
    from importlib import metadata

    try:
        return metadata.version("privacy-audit")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    """Lazy module attribute ``__version__`` (PEP 562)."""
    global _version
    if name == "__version__":
        if _version is None:
            _version = _read_version()
        return _version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
