"""The report preview (locked-down QtWebEngine) and the exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEngineSettings

pytestmark = pytest.mark.webengine


def _open(window, qtbot) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.open_demo()


def test_preview_finishes_loading_locked_down(make_window, qtbot) -> None:
    window = make_window()
    _open(window, qtbot)
    with qtbot.waitSignal(window.report_page.preview_loaded, timeout=30_000) as blocker:
        window.show_tab(3)
    assert blocker.args == [True]
    view = window.report_page.view
    settings = view.page().settings()
    attr = QWebEngineSettings.WebAttribute
    for name in (
        "JavascriptEnabled",
        "LocalContentCanAccessFileUrls",
        "LocalContentCanAccessRemoteUrls",
        "LocalStorageEnabled",
        "PluginsEnabled",
    ):
        assert not settings.testAttribute(getattr(attr, name)), name
    assert view.page().profile().isOffTheRecord()
    with qtbot.waitCallback() as callback:
        view.page().toPlainText(callback)
    assert "Report 60" in callback.args[0]
    assert "Anna Alpha" in callback.args[0]
    # redaction re-renders the preview
    with qtbot.waitSignal(window.report_page.preview_loaded, timeout=30_000):
        window.report_page.redact_box.click()
    with qtbot.waitCallback() as callback:
        view.page().toPlainText(callback)
    assert "Anna Alpha" not in callback.args[0]
    assert "Contact 1" in callback.args[0]


def test_remote_and_file_requests_are_blocked(make_window, qtbot, tmp_path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG")
    window = make_window()
    window.show_tab(3)
    view = window.report_page._ensure_view()
    html = (
        f'<html><body><img src="http://127.0.0.1:9/x.png"><img src="file://{secret}">'
        '<link rel="stylesheet" href="https://example.org/x.css">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "<script>document.title='ran'</script><p>ok</p></body></html>"
    )
    with qtbot.waitSignal(view.loadFinished, timeout=30_000):
        view.show_html(html, "too large")
    qtbot.waitUntil(lambda: len(view.interceptor.blocked) >= 2, timeout=10_000)
    # remote requests reach the interceptor and are blocked; file: URLs are refused
    # even earlier (LocalContentCanAccessFileUrls off), so they never show up here
    assert set(view.interceptor.blocked) == {"http", "https"}
    assert "data" not in view.interceptor.blocked
    assert view.page().title() != "ran"  # JavaScript is off


def test_export_html_and_pdf(make_window, qtbot, tmp_path, monkeypatch) -> None:
    window = make_window()
    _open(window, qtbot)
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    with qtbot.waitSignal(window.report_page.exported, timeout=10_000) as blocker:
        window.report_page.export_to(target, "html")
    assert blocker.args == [str(target)]
    assert "Report 60" in target.read_text()
    # Open and Show in folder, after the save
    page = window.report_page
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.show_tab(3)
    qtbot.waitUntil(page.open_saved_button.isVisible, timeout=5000)
    assert page.show_folder_button.isVisible()
    qtbot.mouseClick(page.open_saved_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.show_folder_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(target), str(target.parent)]
    pdf = tmp_path / "out" / "report.pdf"
    with qtbot.waitSignal(window.report_page.exported, timeout=60_000):
        window.report_page.export_to(pdf, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["report.html", "report.pdf"]


def test_export_json_from_the_file_menu(make_window, qtbot, tmp_path, monkeypatch) -> None:
    """File › Export JSON… asks where to save (JSON filter) and writes a .json file; it is
    off until an export is open, like the other exports."""
    from privacy_audit.gui import report_page

    window = make_window()
    action = window.action_set["export_json"]
    assert action in window.action_set.menus["file"].actions()
    assert not action.isEnabled()
    _open(window, qtbot)
    assert action.isEnabled() and action.text() == "Export &JSON…"
    asked: list[str] = []

    def save_dialog(_parent, _title, suggested, file_filter):
        asked.extend([suggested, file_filter])
        return str(tmp_path / "audit"), file_filter

    monkeypatch.setattr(report_page.QFileDialog, "getSaveFileName", save_dialog)
    with qtbot.waitSignal(window.report_page.exported, timeout=10_000) as blocker:
        action.trigger()
    assert blocker.args == [str(tmp_path / "audit.json")]
    assert asked[0].endswith("privacy-report.json") and asked[1] == "JSON data (*.json)"
    window.set_language("it")
    assert action.text() == "Esporta &JSON…"
