"""Offline proof (desktop app): with every Python socket refused, the real app opens the
demo persona and shows the report preview; nothing tries to connect. QtWebEngine's own
networking lives in C++ and in helper processes, so it is checked twice: the view's
request interceptor saw no request but ``data:`` ones, and the operating system shows no
internet socket in the app's process or any of its children at any moment. A page that
*asks* for remote content is blocked and a local listener never gets a connection."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import psutil
import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication

from privacy_audit.gui.context import build_context
from privacy_audit.gui.main_window import MainWindow
from privacy_audit.gui.worker import ThreadExecutor

from .support import no_network

pytestmark = pytest.mark.webengine


class InetWatch:
    """Samples the internet sockets of this process and its children with a QTimer."""

    def __init__(self, ignore_ports: set[int]) -> None:
        self.ignore_ports = ignore_ports
        self.seen: set[str] = set()
        self.samples = 0
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self.sample)

    def sample(self) -> None:
        me = psutil.Process()
        processes = [me, *me.children(recursive=True)]
        for process in processes:
            try:
                connections = process.net_connections(kind="inet")
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            for conn in connections:
                if conn.laddr and conn.laddr.port in self.ignore_ports:
                    continue
                self.seen.add(f"{process.name()} {conn.type.name} {conn.raddr or conn.laddr}")
        self.samples += 1


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP listener the hostile page points at (made before the guard)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    server.close()


def _dispose(window: MainWindow) -> None:
    """Stop the workers and delete the window now: WebEngine pages must go before their
    profiles, and all of them before the QApplication."""
    window.cancel_import()
    window.ctx.executor.wait(10_000)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _accepted(server: socket.socket) -> bool:
    try:
        conn, _ = server.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


def test_app_opens_demo_and_report_offline(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, listener: socket.socket
) -> None:
    port = listener.getsockname()[1]
    watch = InetWatch({port})
    with no_network(monkeypatch) as guard:
        watch.timer.start()
        ctx = build_context(lang="en", executor=ThreadExecutor())
        window = MainWindow(ctx)
        window.show()
        qtbot.waitExposed(window)
        try:
            outcome: list[str] = []
            window.import_finished.connect(lambda _r: outcome.append("finished"))
            window.import_failed.connect(lambda message: outcome.append(f"failed: {message}"))
            qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: bool(outcome), timeout=180_000)
            assert outcome == ["finished"]
            assert window.result is not None and window.result.findings
            with qtbot.waitSignal(window.report_page.preview_loaded, timeout=120_000) as loaded:
                window.show_tab(3)
            assert loaded.args == [True]
            view = window.report_page.view
            assert view.interceptor.blocked == []  # the report asked for nothing remote

            hostile = (
                f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">'
                f'<link rel="icon" href="http://127.0.0.1:{port}/favicon.ico"></head>'
                f'<body><img src="http://127.0.0.1:{port}/pixel.png">'
                f'<iframe src="http://127.0.0.1:{port}/frame"></iframe>'
                f"<script>fetch('http://127.0.0.1:{port}/js')</script></body></html>"
            )
            with qtbot.waitSignal(view.loadFinished, timeout=60_000):
                view.show_html(hostile, "")
            qtbot.wait(500)  # let any late request happen
            assert "http" in view.interceptor.blocked  # asked, and refused
        finally:
            watch.sample()
            watch.timer.stop()
            _dispose(window)
    assert guard.attempts == []
    assert not _accepted(listener), "the page reached the local listener"
    assert watch.samples > 3
    assert watch.seen == set()


def test_app_logs_no_personal_data(
    qtbot: Any, caplog: pytest.LogCaptureFixture, qtlog: Any
) -> None:
    """The desktop app at DEBUG level: importing the demo and previewing its report
    logs none of the persona's names, numbers, e-mails, IPs or devices (nor does Qt)."""
    import logging

    from privacy_audit.demo import bundled_persona_paths
    from privacy_audit.gui.context import DEMO_PERSONA
    from privacy_audit.pipeline import load_evidence

    from .support import leaked, personal_values

    values = personal_values(load_evidence(bundled_persona_paths(DEMO_PERSONA)))
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        ctx = build_context(lang="it", executor=ThreadExecutor())
        window = MainWindow(ctx)
        window.show()
        try:
            with qtbot.waitSignal(window.import_finished, timeout=180_000):
                window.open_demo()
            with qtbot.waitSignal(window.report_page.preview_loaded, timeout=120_000):
                window.show_tab(3)
            window.show_tab(2)  # the data tables
            window.show_tab(1)  # the findings
        finally:
            _dispose(window)
    assert any(r.name.startswith("privacy_audit") for r in caplog.records)
    text = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    text += "\n".join(str(r.message) for r in qtlog.records)
    assert leaked(text, values) == []
