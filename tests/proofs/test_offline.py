"""Offline proof (headless): with every socket refused, the whole pipeline and every CLI
command run on the demo persona and nothing even tries to connect."""

from __future__ import annotations

import _socket
import socket
import urllib.request
from pathlib import Path

import pytest
from lxml import html as lxml_html

from privacy_audit.cli import main

from .pipeline_run import run_everything
from .support import no_network


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


@pytest.mark.webengine
def test_pdf_report_is_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``report -o x.pdf`` prints through QtWebEngine in this process: no Python socket,
    and the operating system shows no internet socket while it runs."""
    import threading

    import psutil

    seen: set[str] = set()
    stop = threading.Event()

    def watch() -> None:
        me = psutil.Process()
        while not stop.is_set():
            for process in [me, *me.children(recursive=True)]:
                try:
                    for conn in process.net_connections(kind="inet"):
                        seen.add(f"{process.name()} {conn.raddr or conn.laddr}")
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
            stop.wait(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    out = tmp_path / "report.pdf"
    with no_network(monkeypatch) as guard:
        watcher.start()
        try:
            code = main(["report", "--demo", "-o", str(out), "--lang", "it"])
        finally:
            stop.set()
            watcher.join()
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert guard.attempts == []
    assert seen == set()
