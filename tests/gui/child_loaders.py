"""Readers for the import child in tests: slow, crashing (named ``module:function``)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any


def slow(paths: list[Path], *, lang: str, progress: Any) -> None:
    """Reports progress for ever (until cancelled or killed)."""
    step = 0
    while True:
        step += 1
        progress(min(0.99, step / 1000), f"step {step}")
        time.sleep(0.01)


def silent(paths: list[Path], *, lang: str, progress: Any) -> None:
    """Never reports (a long C call): only the time limit or a kill ends it."""
    time.sleep(3600)


def crash(paths: list[Path], *, lang: str, progress: Any) -> None:
    """Dies the way a parser crash does (SIGABRT, no Python exception)."""
    progress(0.1, "reading")
    os.abort()


def bug(paths: list[Path], *, lang: str, progress: Any) -> None:
    """A bug in our reader (an unexpected Python exception)."""
    raise ZeroDivisionError("a bug")


def qt_modules_after_import(paths: list[Path], *, lang: str, progress: Any) -> list[str]:
    """The whole import as the window's child runs it, then the Qt modules it loaded."""
    import sys

    from privacy_audit.gui.prepared import read_and_prepare

    read_and_prepare(paths, lang=lang, progress=progress, redact=True)
    return sorted(name for name in sys.modules if name.startswith("PySide6"))


def heavy_modules_after_import(paths: list[Path], *, lang: str, progress: Any) -> list[str]:
    """The whole import as the window's child runs it, then which of lxml (HTML pages)
    and jinja2 (the report's templates) it loaded."""
    import sys

    from privacy_audit.gui.prepared import read_and_prepare

    read_and_prepare(paths, lang=lang, progress=progress)
    return [name for name in ("lxml", "jinja2") if name in sys.modules]
