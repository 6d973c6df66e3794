"""PDF output: the HTML report printed headless by QtWebEngine (``printToPdf``, A4).

Qt is imported inside the functions only, so importing this module keeps the core
Qt-free. The page is locked down (see ``model_codebases.md`` §5b): an off-the-record
profile, JavaScript, plugins, local storage and file/remote access off, every request
other than the report itself and ``data:`` blocked, no navigation away. The HTML goes
through a private temp file (``setHtml`` cannot take more than 2 MB).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from privacy_audit.errors import InputError
from privacy_audit.i18n import N_

TIMEOUT_MS = 120_000
_OWN_APP: list[Any] = []


def _ensure_app() -> Any:
    """The running QApplication, or a new headless, quiet one (command line use)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox when run as root (containers, CI)
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # keep the terminal to our one line: no Qt or Chromium chatter about GPUs and D-Bus
    os.environ.setdefault("QT_LOGGING_RULES", "*=false")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--log-level=3 --disable-logging")
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWebEngineCore import QWebEnginePage  # noqa: F401  (before the app)

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "privacy-audit"])
    _OWN_APP.append(app)  # a headless app of our own lives as long as the process
    return app


def locked_page(parent: Any = None) -> Any:
    """A QWebEnginePage for local reports: no JS, no network, no navigation, no storage."""
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineSettings,
        QWebEngineUrlRequestInterceptor,
    )

    class _Interceptor(QWebEngineUrlRequestInterceptor):
        """Blocks every request except the report file itself and data: URLs."""

        def __init__(self, owner: Any) -> None:
            super().__init__(owner)
            self.allowed: set[str] = set()
            self.blocked: list[str] = []

        def interceptRequest(self, info: Any) -> None:
            url = info.requestUrl()
            if url.scheme() == "data" or url.toString() in self.allowed:
                return
            self.blocked.append(url.scheme())
            info.block(True)

    class _Page(QWebEnginePage):
        """Refuses navigation away from the loaded report (clicked links included)."""

        interceptor: _Interceptor

        def acceptNavigationRequest(self, url: Any, kind: Any, main: bool) -> bool:
            return url.toString() in self.interceptor.allowed

    profile = QWebEngineProfile()  # no storage name: off the record
    interceptor = _Interceptor(profile)
    profile.setUrlRequestInterceptor(interceptor)
    page = _Page(profile, parent)
    profile.setParent(page)  # deleted with the page, after it (the order Qt needs)
    page.interceptor = interceptor  # keep a Python reference alive with the page
    attr = QWebEngineSettings.WebAttribute
    settings = page.settings()
    for attribute, value in (
        (attr.JavascriptEnabled, False),
        (attr.JavascriptCanOpenWindows, False),
        (attr.LocalContentCanAccessRemoteUrls, False),
        (attr.LocalContentCanAccessFileUrls, False),
        (attr.LocalStorageEnabled, False),
        (attr.PluginsEnabled, False),
        (attr.NavigateOnDropEnabled, False),
        (attr.DnsPrefetchEnabled, False),
        (attr.AutoLoadImages, True),
    ):
        settings.setAttribute(attribute, value)
    return page


def load_report(page: Any, html: str, folder: Path) -> Any:
    """Write ``html`` to a private file in ``folder`` and load it; returns the QUrl."""
    from PySide6.QtCore import QUrl

    path = folder / "report.html"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(html)
    url = QUrl.fromLocalFile(str(path))
    page.interceptor.allowed.add(url.toString())
    page.load(url)
    return url


def dispose(page: Any) -> None:
    """Delete a locked page now (its private profile goes with it, after it)."""
    from shiboken6 import Shiboken

    if Shiboken.isValid(page):
        Shiboken.delete(page)


def html_to_pdf(html: str) -> bytes:
    """Print ``html`` to PDF bytes (A4 portrait) with a headless QtWebEngine page."""
    app = _ensure_app()
    from PySide6.QtCore import QEventLoop, QMarginsF, QTimer
    from PySide6.QtGui import QPageLayout, QPageSize

    loop = QEventLoop()
    state: dict[str, Any] = {"loaded": None, "pdf": None}
    with tempfile.TemporaryDirectory(prefix="privacy-audit-pdf-") as tmp:
        page = locked_page()

        def loaded(ok: bool) -> None:
            state["loaded"] = ok
            if not ok:
                loop.quit()
                return
            layout = QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(14, 14, 14, 14),
                QPageLayout.Unit.Millimeter,
            )
            page.printToPdf(done, layout)

        def done(data: Any) -> None:
            state["pdf"] = bytes(data)
            loop.quit()

        page.loadFinished.connect(loaded)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(TIMEOUT_MS)
        load_report(page, html, Path(tmp))
        loop.exec()
        timer.stop()
        dispose(page)
        app.processEvents()
    pdf = state["pdf"]
    if not pdf:
        raise InputError(
            N_("The PDF could not be made."),
            hint=N_("Write the HTML report instead and print it from a browser."),
        )
    return pdf
