"""The report in the real QtWebEngine: hostile names stay inert, the CSP works, PDF output.

The inspection page has JavaScript ON (unlike the app's report view) so that a payload
*could* run if it were not escaped; the test reads the DOM from outside with
``runJavaScript``. A control test loads an unescaped page to prove the check can fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")  # must be imported before the QApplication
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from shiboken6 import Shiboken

from privacy_audit.gui.webengine import ReportWebPage, dispose, html_to_pdf, load_report
from privacy_audit.report import render_html, write_report

from .factories import make_result

pytestmark = pytest.mark.webengine

PAYLOAD = (
    "<script>document.title='pwned'</script>"
    "<img src=x onerror=\"document.title='pwned-img'\">"
    "<svg onload=\"document.title='pwned-svg'\"></svg>"
    "</title></style></textarea><script>window.pwned=1</script>"
    "<iframe src=\"javascript:parent.document.title='pwned-frame'\"></iframe>"
)
PROBE = """JSON.stringify({
  title: document.title,
  scripts: document.querySelectorAll('script').length,
  embeds: document.querySelectorAll('img, iframe, object, embed, link, base').length,
  handlers: Array.from(document.querySelectorAll('*')).filter(
      e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
  pwned: typeof window.pwned !== 'undefined',
  shown: document.body.innerText.includes("<script>document.title='pwned'</script>")
})"""


@pytest.fixture
def js_page(qapp: Any) -> Iterator[QWebEnginePage]:
    """An off-the-record page with JavaScript on, to inspect the loaded DOM."""
    profile = QWebEngineProfile()
    page = QWebEnginePage(profile)
    yield page
    Shiboken.delete(page)
    Shiboken.delete(profile)


def _load(qtbot: Any, page: QWebEnginePage, html: str, folder: Path) -> None:
    path = folder / "page.html"
    path.write_text(html, encoding="utf-8")
    with qtbot.waitSignal(page.loadFinished, timeout=60_000) as blocker:
        page.load(QUrl.fromLocalFile(str(path)))
    assert blocker.args == [True]


def _probe(qtbot: Any, page: QWebEnginePage) -> dict[str, Any]:
    out: list[str] = []
    page.runJavaScript(PROBE, 0, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10_000)
    return orjson.loads(out[0])


def test_hostile_names_render_inert(qtbot: Any, js_page: QWebEnginePage, tmp_path: Path) -> None:
    result, _data = make_result(payload=PAYLOAD)
    html = render_html(result)
    # the payload is in contact, chat, advertiser and app names
    assert html.count("&lt;script&gt;document.title=") >= 4
    _load(qtbot, js_page, html, tmp_path)
    state = _probe(qtbot, js_page)
    assert state == {
        "title": "Privacy report",
        "scripts": 0,
        "embeds": 0,
        "handlers": 0,
        "pwned": False,
        "shown": True,
    }


def test_control_unescaped_payload_does_run(
    qtbot: Any, js_page: QWebEnginePage, tmp_path: Path
) -> None:
    """Proof that the probe detects a payload that runs (no escaping, no CSP)."""
    _load(
        qtbot,
        js_page,
        f"<html><head><title>t</title></head><body>{PAYLOAD}</body></html>",
        tmp_path,
    )
    qtbot.waitUntil(lambda: _probe(qtbot, js_page)["pwned"], timeout=10_000)
    state = _probe(qtbot, js_page)
    assert state["title"].startswith("pwned") and state["scripts"] >= 1


def test_csp_blocks_scripts_even_if_escaping_failed(
    qtbot: Any, js_page: QWebEnginePage, tmp_path: Path
) -> None:
    result, _data = make_result()
    html = render_html(result).replace("<main>", "<main>" + PAYLOAD, 1)
    _load(qtbot, js_page, html, tmp_path)
    state = _probe(qtbot, js_page)
    assert state["title"] == "Privacy report" and state["pwned"] is False


def test_locked_page_loads_the_report_and_blocks_requests(
    qtbot: Any, qapp: Any, tmp_path: Path
) -> None:
    result, _data = make_result(payload=PAYLOAD)
    page = ReportWebPage()
    try:
        with qtbot.waitSignal(page.loadFinished, timeout=60_000) as blocker:
            load_report(page, render_html(result))
        assert blocker.args == [True]
        assert page.title() == "Privacy report"
        dom: list[str] = []
        page.toHtml(dom.append)
        qtbot.waitUntil(lambda: bool(dom), timeout=10_000)
        assert "<script" not in dom[0] and "<img" not in dom[0]
        assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom[0]
        assert page.interceptor.blocked == []  # the report asked for nothing else
    finally:
        dispose(page)


def _pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_pdf_has_pages_and_finding_titles(qapp: Any, tmp_path: Path) -> None:
    result, _data = make_result()
    pdf = write_report(result, tmp_path / "report.pdf", fmt="pdf", pdf_printer=html_to_pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    pages, text = _pdf_text(pdf)
    assert pages > 1
    for finding in result.findings:
        assert finding.title in text
    assert "Your exposure score is 72 out of 100" in text


def test_redacted_pdf_holds_no_personal_data(qapp: Any, tmp_path: Path) -> None:
    result, data = make_result(lang="it", n_contacts=60)
    pdf = write_report(
        result, tmp_path / "report.pdf", fmt="pdf", redact=True, pdf_printer=html_to_pdf
    )
    _pages, text = _pdf_text(pdf)
    assert re.search(r"Contatto \d+", text)
    folded = text.casefold()
    assert sorted(v for v in data.all() if v.casefold() in folded) == []


@pytest.mark.slow
def test_command_line_pdf_runs_its_own_headless_app(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "QTWEBENGINE"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    out = tmp_path / "demo.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "report", "--demo", "-o", str(out), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no Qt/Chromium chatter
    assert proc.stdout.strip() == f"Report written to {out}"
    pages, text = _pdf_text(out)
    assert pages > 1 and "What Meta can link" in text
