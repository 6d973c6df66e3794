"""A locked-down QWebEngine view for the report (the only module that imports WebEngine).

The report contains export content, which is untrusted. The page runs with JavaScript
off, no local-file or remote access, in an off-the-record profile (nothing on disk),
and a request interceptor blocks every request that is not a ``data:`` URL. Clicked
links never navigate the view: they are offered to the system browser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QObject, QUrl, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: QWebEnginePage.setHtml turns the page into a data: URL, limited to 2 MB
SET_HTML_LIMIT = 2 * 1024 * 1024 - 4096

_ATTRIBUTES_OFF = (
    "JavascriptEnabled",
    "JavascriptCanOpenWindows",
    "JavascriptCanAccessClipboard",
    "JavascriptCanPaste",
    "LocalContentCanAccessRemoteUrls",
    "LocalContentCanAccessFileUrls",
    "LocalStorageEnabled",
    "PluginsEnabled",
    "NavigateOnDropEnabled",
    "DnsPrefetchEnabled",
    "HyperlinkAuditingEnabled",
    "AutoLoadIconsForPage",
    "WebGLEnabled",
    "ScreenCaptureEnabled",
    "PdfViewerEnabled",
    "AllowRunningInsecureContent",
)


class DataOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request whose scheme is not ``data``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []  # schemes only (never full URLs: they may be personal)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        """Let ``data:`` through, block anything else."""
        scheme = info.requestUrl().scheme()
        if scheme != "data":
            info.block(True)
            self.blocked.append(scheme)


def lock_settings(settings: QWebEngineSettings) -> None:
    """Turn off JavaScript, local-file and remote access, storage and plugins."""
    for name in _ATTRIBUTES_OFF:
        attribute = getattr(QWebEngineSettings.WebAttribute, name, None)
        if attribute is not None:
            settings.setAttribute(attribute, False)


def locked_profile(parent: QObject | None = None) -> QWebEngineProfile:
    """An off-the-record profile (no storage name: nothing persists) with the interceptor.

    Give it to a page, then make the page its parent (see :class:`ReportWebPage`): a profile
    must outlive its pages.
    """
    profile = QWebEngineProfile(parent)
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    interceptor = DataOnlyInterceptor(profile)
    profile.setUrlRequestInterceptor(interceptor)
    profile.interceptor = interceptor  # type: ignore[attr-defined]  # keep it alive
    lock_settings(profile.settings())
    return profile


class ReportWebPage(QWebEnginePage):
    """A page that shows only what we give it and never navigates on its own."""

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QObject | None = None) -> None:
        profile = locked_profile()
        super().__init__(profile, parent)
        profile.setParent(self)  # deleted after the page (children go after the parent)
        self.locked_profile = profile
        lock_settings(self.settings())

    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        """Allow our own ``data:`` content; hand https link clicks to the app."""
        url = QUrl(url)
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() == "https":
                self.link_clicked.emit(url)
            return False
        return url.scheme() == "data"


class ReportView(QWebEngineView):
    """Shows report HTML; see the module docstring for the lock-down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_page = ReportWebPage(self)
        self.profile = self.report_page.locked_profile
        self.setPage(self.report_page)
        self.setAcceptDrops(False)

    def show_html(self, html: str, too_large_html: str) -> bool:
        """Display ``html``; when over the 2 MB limit show ``too_large_html``. False then."""
        fits = len(html.encode("utf-8")) <= SET_HTML_LIMIT
        self.setHtml(html if fits else too_large_html, QUrl("data:text/html"))
        return fits

    @property
    def interceptor(self) -> DataOnlyInterceptor:
        """The request interceptor (tests read what it blocked)."""
        return self.profile.interceptor  # type: ignore[attr-defined]


def print_html_to_pdf(
    html: str,
    on_done: Callable[[bytes], None],
    parent: QObject | None = None,
) -> QWebEnginePage:
    """Render ``html`` in a hidden locked page and call ``on_done(pdf_bytes)`` (b"" on error).

    Runs on the GUI thread (WebEngine needs it); keep the returned page alive until done.
    """
    page = ReportWebPage(parent)

    def loaded(ok: bool) -> None:
        if not ok:
            on_done(b"")
            return
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(14, 14, 14, 14),
            QPageLayout.Unit.Millimeter,
        )
        page.printToPdf(lambda data: on_done(bytes(data)), layout)

    page.loadFinished.connect(loaded)
    if len(html.encode("utf-8")) > SET_HTML_LIMIT:
        on_done(b"")
    else:
        page.setHtml(html, QUrl("data:text/html"))
    return page
