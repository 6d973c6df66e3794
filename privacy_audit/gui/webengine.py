"""The one QtWebEngine module: the locked-down page that shows and prints the report.

The report contains export content, which is untrusted. Every page made here runs in an
off-the-record profile (no storage name, memory cache, no persistent cookies: nothing on
disk) with JavaScript, clipboard, local-file and remote access, storage, plugins, WebGL,
screen capture and the PDF viewer off (:data:`LOCKED_OFF`), and a request interceptor that
blocks every request other than ``data:`` URLs and the one report URL the page was given.
The page never navigates on its own; a clicked https link is offered to the app
(:attr:`ReportWebPage.link_clicked`) to open in the system browser.

The report is always given from memory: ``setHtml`` under 2 MB, else a URL scheme
handler on the page's private profile (:func:`load_report`); it is never written to a
temp file. PDF: :func:`print_html_to_pdf` prints asynchronously on the GUI thread (the
app's export);
:func:`html_to_pdf` is the same printing run to completion in its own event loop, with a
headless QApplication when there is none (the command line passes it to
:func:`privacy_audit.report.write_report` as the PDF printer).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from privacy_audit import signals
from privacy_audit.errors import InputError
from privacy_audit.i18n import N_

#: QWebEnginePage.setHtml turns the page into a data: URL, limited to 2 MB
SET_HTML_LIMIT = 2 * 1024 * 1024 - 4096
#: how long the command line waits for a PDF
PDF_TIMEOUT_MS = 120_000
#: how often the command line's PDF loop lets Python see a signal (SIGTERM, Ctrl+C)
SIGNAL_POLL_MS = 100
#: every web attribute turned off on the profile and on each page
LOCKED_OFF: tuple[str, ...] = (
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
_OWN_APP: list[QApplication] = []


class RequestInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request except ``data:`` URLs and the exact URLs in :attr:`allowed`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed: set[str] = set()  # the report file a page was given (load_report)
        self.blocked: list[str] = []  # schemes only (never full URLs: they may be personal)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        """Let ``data:`` and the allowed report file through, block anything else."""
        url = info.requestUrl()
        if url.scheme() == "data" or url.toString() in self.allowed:
            return
        info.block(True)
        self.blocked.append(url.scheme())


def lock_settings(settings: QWebEngineSettings) -> None:
    """Turn off every attribute of :data:`LOCKED_OFF` (those this Qt version knows)."""
    for name in LOCKED_OFF:
        attribute = getattr(QWebEngineSettings.WebAttribute, name, None)
        if attribute is not None:
            settings.setAttribute(attribute, False)


def locked_profile(parent: QObject | None = None) -> QWebEngineProfile:
    """An off-the-record profile (no storage name: nothing persists) with the interceptor.

    Give it to a page, then make the page its parent (as :class:`ReportWebPage` does): a
    profile must outlive its pages.
    """
    profile = QWebEngineProfile(parent)
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    interceptor = RequestInterceptor(profile)
    profile.setUrlRequestInterceptor(interceptor)
    profile.interceptor = interceptor  # type: ignore[attr-defined]  # keep it alive
    lock_settings(profile.settings())
    return profile


class ReportWebPage(QWebEnginePage):
    """A locked page that shows only what we give it and never navigates on its own."""

    link_clicked = Signal(QUrl)

    def __init__(self, parent: QObject | None = None) -> None:
        profile = locked_profile()
        super().__init__(profile, parent)
        profile.setParent(self)  # deleted after the page (children go after the parent)
        self.locked_profile = profile
        lock_settings(self.settings())

    @property
    def interceptor(self) -> RequestInterceptor:
        """The request interceptor of the page's profile (tests read what it blocked)."""
        return self.locked_profile.interceptor  # type: ignore[attr-defined]

    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        """Allow our own content (``data:`` or the allowed report file); hand https link
        clicks to the app; refuse everything else."""
        url = QUrl(url)
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() == "https":
                self.link_clicked.emit(url)
            return False
        return url.scheme() == "data" or url.toString() in self.interceptor.allowed


class ReportView(QWebEngineView):
    """Shows report HTML in a :class:`ReportWebPage`; drops onto it are refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_page = ReportWebPage(self)
        self.profile = self.report_page.locked_profile
        self.setPage(self.report_page)
        self.setAcceptDrops(False)

    def show_html(self, html: str, too_large_html: str) -> bool:
        """Display ``html``; when over the 2 MB limit show ``too_large_html``. False then."""
        fits = fits_in_page(html)
        self.setHtml(html if fits else too_large_html, QUrl("data:text/html"))
        return fits

    @property
    def interceptor(self) -> RequestInterceptor:
        """The request interceptor (tests read what it blocked)."""
        return self.report_page.interceptor


def fits_in_page(html: str) -> bool:
    """True when ``html`` can be given to the page directly (``setHtml``, under 2 MB)."""
    return len(html.encode("utf-8")) <= SET_HTML_LIMIT


#: the URL scheme the report is served from, out of memory (never a file on disk)
REPORT_SCHEME = b"privacy-report"
REPORT_URL = "privacy-report:report.html"


def register_report_scheme() -> None:
    """Declare :data:`REPORT_SCHEME` to QtWebEngine; call before the QApplication exists
    (later, Qt still serves it, with a warning). Safe to call more than once."""
    if QCoreApplication.instance() is not None or QWebEngineUrlScheme.schemeByName(
        REPORT_SCHEME
    ).name() == QByteArray(REPORT_SCHEME):
        return
    scheme = QWebEngineUrlScheme(REPORT_SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


class ReportSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers :data:`REPORT_URL` with the report's bytes held in memory."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = QByteArray(data)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        """Reply with the report (the interceptor let only :data:`REPORT_URL` through)."""
        if job.requestUrl().toString() != REPORT_URL:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # deleted with the job
        buffer.setData(self.data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(b"text/html;charset=utf-8", buffer)


def load_report(page: ReportWebPage, html: str) -> QUrl:
    """Load ``html`` into ``page`` from memory (any size, no file); returns the URL.

    ``setHtml`` is limited to 2 MB; a bigger report is served by a
    :class:`ReportSchemeHandler` on the page's own private profile, so the report never
    exists as a plain-text file in a temp folder, even while it is printed.
    """
    profile = page.locked_profile
    old = profile.urlSchemeHandler(REPORT_SCHEME)
    if old is not None:
        profile.removeUrlSchemeHandler(old)
    handler = ReportSchemeHandler(html.encode("utf-8"), profile)
    profile.installUrlSchemeHandler(REPORT_SCHEME, handler)
    url = QUrl(REPORT_URL)
    page.interceptor.allowed.add(url.toString())
    page.load(url)
    return url


def dispose(page: QWebEnginePage) -> None:
    """Delete a page now (its private profile goes with it, after it)."""
    if Shiboken.isValid(page):
        Shiboken.delete(page)


def print_html_to_pdf(
    html: str, on_done: Callable[[bytes], None], parent: QObject | None = None
) -> ReportWebPage:
    """Render ``html`` in a hidden locked page and call ``on_done(pdf_bytes)`` (b"" on error).

    A4 portrait, 14 mm margins. The HTML is given from memory (``setHtml`` under 2 MB,
    :func:`load_report` above), never written to a file. Runs on the GUI thread
    (WebEngine needs it); keep the returned page alive until ``on_done`` ran.
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
    if fits_in_page(html):
        page.setHtml(html, QUrl("data:text/html"))
    else:
        load_report(page, html)
    return page


def headless_application() -> QApplication:
    """The running QApplication, or a new headless, quiet one (command line use)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox when run as root (containers, CI)
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # keep the terminal to our one line: no Qt or Chromium chatter about GPUs and D-Bus
    os.environ.setdefault("QT_LOGGING_RULES", "*=false")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--log-level=3 --disable-logging")
    register_report_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "privacy-audit"])
    _OWN_APP.append(app)  # a headless app of our own lives as long as the process
    return app


def html_to_pdf(html: str) -> bytes:
    """Print ``html`` to PDF bytes (A4 portrait) and wait for it: the command line's printer.

    SIGTERM, SIGHUP and Ctrl+C end the wait at once (a timer lets Python see them while
    Qt's loop runs); the page is disposed, then the signal's exception is raised.
    Raises :class:`~privacy_audit.errors.InputError` when no PDF came out.
    """
    app = headless_application()
    loop = QEventLoop()
    printed: list[bytes] = []

    def done(data: bytes) -> None:
        printed.append(data)
        loop.quit()

    def poll() -> None:
        if signals.pending():
            loop.quit()

    with signals.deferred():
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(PDF_TIMEOUT_MS)
        ticker = QTimer()
        ticker.timeout.connect(poll)
        ticker.start(SIGNAL_POLL_MS)
        page = print_html_to_pdf(html, done)
        if not printed:
            loop.exec()
        timer.stop()
        ticker.stop()
        dispose(page)
        app.processEvents()
    signals.raise_pending()
    if not printed or not printed[0]:
        raise InputError(
            N_("The PDF could not be made."),
            hint=N_("Write the HTML report instead and print it from a browser."),
        )
    return printed[0]


register_report_scheme()  # on import: before the app exists in the GUI and in tests
