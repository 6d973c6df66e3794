"""Offline proof (headless): with every socket refused, the whole pipeline and every CLI
command run on the demo persona and nothing even tries to create a socket or look a
name up. The PDF path prints through QtWebEngine (Chromium: helper processes that talk
over local sockets and pipes), so it is traced at the system call level: no connection
or send to an IPv4/IPv6 address and no connection to a name-lookup service (no DNS
lookup). The controls show the same trace catching an unlocked page's request and a
name lookup."""

from __future__ import annotations

import _socket
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from lxml import html as lxml_html

from privacy_audit.cli import main

from .pipeline_run import run_everything
from .support import no_network

REPO = Path(__file__).resolve().parents[2]


def test_the_guard_catches_every_way_to_open_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    """The proof can fail: each of these is refused and recorded."""
    attempts = [
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.create_connection(("192.0.2.1", 80), timeout=0.1),
        lambda: socket.getaddrinfo("example.com", 443),
        lambda: _socket.socket(socket.AF_INET, socket.SOCK_DGRAM),  # C level: audit hook
        lambda: urllib.request.urlopen("http://192.0.2.1/", timeout=0.1),
    ]
    with no_network(monkeypatch) as guard:
        for attempt in attempts:
            with pytest.raises(OSError):
                attempt()
    assert len(guard.attempts) >= len(attempts)


def test_pipeline_is_offline(
    demo_copy: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with no_network(monkeypatch) as guard:
        run = run_everything(demo_copy, tmp_path / "out", lang="it")
    assert guard.attempts == []
    assert len(run.evidence.contacts) > 0
    assert run.result.findings
    assert all(p.exists() for p in run.outputs)


@pytest.mark.parametrize(
    "argv",
    [
        ["inspect", "--demo", "--json"],
        ["audit", "--demo", "--json"],
        ["audit", "--demo", "alex", "--lang", "it"],
        ["report", "--demo", "-o", "{out}/r.html", "--redact"],
        ["report", "--demo", "-o", "{out}/r.json"],
        ["report", "--demo", "-o", "{out}/csv-folder", "--format", "csv"],
        ["--debug", "demo", "alex", "-o", "{out}/persona"],
    ],
)
def test_cli_is_offline(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    args = [a.format(out=tmp_path) for a in argv]
    with no_network(monkeypatch) as guard:
        code = main(args)
    err = capsys.readouterr().err
    assert guard.attempts == [], err
    assert code == 0, err


def _remote_references(document: str) -> list[str]:
    """URLs the HTML would fetch by itself (not links the user may click)."""
    tree = lxml_html.fromstring(document)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("src", "srcset", "poster", "data", "background", "action"):
            value = element.get(attribute)
            if value and not value.strip().lower().startswith(("data:", "#")):
                found.append(f"{element.tag}[{attribute}]={value[:60]}")
        if element.tag == "link" and element.get("href"):
            found.append(f"link[href]={element.get('href', '')[:60]}")
        style = (element.get("style") or "") + (
            element.text or "" if element.tag == "style" else ""
        )
        lowered = style.lower()
        for marker in ("url(http", "url(//", "url('http", 'url("http', "@import"):
            if marker in lowered:
                found.append(f"{element.tag} css {marker}")
    return found


def test_report_loads_nothing_remote(
    demo_copy: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report is self-contained: no script, image, style or font is fetched."""
    with no_network(monkeypatch):
        run = run_everything(demo_copy, None)
    assert _remote_references(run.html) == []
    assert "<script" not in run.html.lower()
    assert "Content-Security-Policy" in run.html


#: a QtWebEngine page with no lock at all, asked for a remote style sheet
UNLOCKED_PAGE = """
import sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv)
page = QWebEnginePage()
page.loadFinished.connect(lambda ok: app.quit())
QTimer.singleShot(20000, app.quit)
page.load(QUrl("http://192.0.2.1:8080/style.css"))
app.exec()
del page
"""


#: systemd-resolved's local sockets (a name lookup that sends nothing to port 53 itself)
_RESOLVER_SOCKET = re.compile(r'sun_path="/run/systemd/resolve/')


def _strace() -> str:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    if subprocess.run([strace, "-qq", "-o", "/dev/null", "true"], check=False).returncode:
        pytest.skip("strace cannot trace here (ptrace not allowed)")
    return strace


def inet_traffic(
    argv: list[str], tmp_path: Path
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run ``argv`` under strace (every thread and child process, Chromium's included)
    and return every connect/sendto/sendmsg to an IPv4 or IPv6 address it made (a DNS
    query is a send to port 53) and every connect to systemd-resolved's local socket.
    Local sockets between Chromium's own processes are not network traffic and are not
    returned; neither is nscd's socket, which glibc also asks for user names (Chromium
    looks up the user's home folder): on a machine where nscd caches host names too, a
    lookup answered by it would not show here."""
    log = tmp_path / "syscalls.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [_strace(), "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log), *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=240,
    )
    calls = [
        line.strip()
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
        if re.search(r"\b(connect|sendto|sendmsg)\(", line)
        and ("sa_family=AF_INET" in line or _RESOLVER_SOCKET.search(line))
    ]
    return done, calls


@pytest.mark.webengine
def test_pdf_report_is_offline(tmp_path: Path) -> None:
    """``report -o x.pdf`` prints through QtWebEngine: every system call of the process,
    its threads and Chromium's helper processes is traced, and none connects or sends
    to an internet address (a DNS query would be a send to port 53)."""
    out = tmp_path / "report.pdf"
    argv = [sys.executable, "-m", "privacy_audit", "report", "--demo", "-o", str(out)]
    done, calls = inet_traffic([*argv, "--lang", "it"], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.read_bytes().startswith(b"%PDF-")
    assert calls == []


def test_control_a_name_lookup_is_seen(tmp_path: Path) -> None:
    """The same trace sees a DNS lookup (of a .invalid name, which no server can
    answer): a send to port 53, or a request to systemd-resolved."""
    lookup = "import socket\ntry:\n socket.getaddrinfo('privacy-audit-proof.invalid', 443)\n"
    lookup += "except OSError:\n pass\n"
    done, calls = inet_traffic([sys.executable, "-c", lookup], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert any("htons(53)" in call or "/run/systemd/resolve/" in call for call in calls)


@pytest.mark.webengine
def test_control_an_unlocked_web_page_is_seen_connecting(tmp_path: Path) -> None:
    """The same trace sees Chromium connect when a page without our lock asks for a
    remote file (192.0.2.1 is a documentation address: nothing answers)."""
    done, calls = inet_traffic([sys.executable, "-c", UNLOCKED_PAGE], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert any('inet_addr("192.0.2.1")' in call and "htons(8080)" in call for call in calls)
