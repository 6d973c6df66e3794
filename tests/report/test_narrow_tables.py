"""The report's tables fit a narrow page (a phone, a projector at workshop zoom): long
file names and addresses wrap inside their cells instead of pushing the table out of its
card, where it could only be read by scrolling sideways. Measured in the real QtWebEngine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")  # must be imported before the QApplication
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from shiboken6 import Shiboken

from privacy_audit.analysis.audit import run_audit
from privacy_audit.demo import bundled_persona_paths
from privacy_audit.pipeline import load_evidence
from privacy_audit.report import render_html

pytestmark = pytest.mark.webengine

#: the tables wider than the box they sit in: (first header, table width, box width)
OVERFLOWING = """JSON.stringify(Array.from(document.querySelectorAll('table'))
  .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)
  .map(t => [t.querySelector('th') ? t.querySelector('th').innerText : '',
             t.scrollWidth, t.parentElement.clientWidth]))"""
#: the look before: cells keep long words whole, headers on one line
UNBREAKABLE = "<style>td { overflow-wrap: break-word; } th { white-space: nowrap; }</style>"


@pytest.fixture(scope="module")
def italian_report() -> str:
    evidence = load_evidence(bundled_persona_paths("giulia"), lang="it")
    return render_html(run_audit(evidence, lang="it"))


@pytest.fixture
def narrow_view(qapp: Any) -> Iterator[QWebEngineView]:
    view = QWebEngineView()
    view.resize(600, 900)
    view.show()
    yield view
    view.close()
    Shiboken.delete(view)


def _overflowing(qtbot: Any, view: QWebEngineView, html: str, folder: Path) -> list[Any]:
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    with qtbot.waitSignal(view.loadFinished, timeout=60_000) as blocker:
        view.load(QUrl.fromLocalFile(str(path)))
    assert blocker.args == [True]
    out: list[str] = []
    view.page().runJavaScript(OVERFLOWING, 0, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10_000)
    return list(orjson.loads(out[0]))


def test_tables_fit_a_narrow_page(
    qtbot: Any, narrow_view: QWebEngineView, italian_report: str, tmp_path: Path
) -> None:
    assert _overflowing(qtbot, narrow_view, italian_report, tmp_path) == []


def test_unbreakable_cells_overflow_a_narrow_page(
    qtbot: Any, narrow_view: QWebEngineView, italian_report: str, tmp_path: Path
) -> None:
    """Control: with long words kept whole, the same tables do not fit."""
    html = italian_report.replace("</head>", UNBREAKABLE + "</head>", 1)
    assert _overflowing(qtbot, narrow_view, html, tmp_path) != []
