"""gui/webengine.py: one locked page for the preview, the app's PDF and the command line's PDF."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWebEngineCore import QWebEngineSettings

from privacy_audit.gui.webengine import (
    LOCKED_OFF,
    REPORT_URL,
    SET_HTML_LIMIT,
    ReportView,
    ReportWebPage,
    dispose,
    print_html_to_pdf,
)

pytestmark = pytest.mark.webengine


def _locked_names(settings: QWebEngineSettings) -> list[str]:
    attr = QWebEngineSettings.WebAttribute
    known = [n for n in LOCKED_OFF if hasattr(attr, n)]
    return [n for n in known if settings.testAttribute(getattr(attr, n))]


def test_every_page_has_the_whole_lock_down(qapp: Any) -> None:
    view = ReportView()
    printing = print_html_to_pdf("<p>x</p>", lambda _pdf: None)
    try:
        assert len(LOCKED_OFF) == 16
        for page in (view.page(), printing):
            assert isinstance(page, ReportWebPage)
            assert _locked_names(page.settings()) == []  # none left on
            assert _locked_names(page.profile().settings()) == []
            assert page.profile().isOffTheRecord()
    finally:
        dispose(printing)
        view.deleteLater()


def _print(qtbot: Any, html: str) -> tuple[bytes, ReportWebPage]:
    out: list[bytes] = []
    page = print_html_to_pdf(html, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=60_000)
    return out[0], page


def test_large_html_prints_from_memory(qtbot: Any, qapp: Any) -> None:
    """Over the 2 MB setHtml limit the report is served by the page's own scheme
    handler: printed, and nothing else requested."""
    filler = "<p>" + "lorem ipsum " * 1000 + "</p>"
    html = (
        "<html><body><h1>Big report</h1>"
        + filler * (SET_HTML_LIMIT // len(filler) + 2)
        + "</body></html>"
    )
    pdf, page = _print(qtbot, html)
    try:
        assert pdf.startswith(b"%PDF")
        assert page.interceptor.allowed == {REPORT_URL}
        assert page.interceptor.blocked == []  # the report itself was let through
    finally:
        dispose(page)
