"""Workshop mode on a projector, in Italian: every page fits at 1024x768 and 1280x720."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from privacy_audit.gui.core import Core

from .layout_check import layout_problems

SIZES = ((1024, 768), (1280, 720))


def _settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(60)  # layouts settle over a couple of event-loop turns (not a timing check)
    QApplication.processEvents()


def _walk(window, qtbot) -> list[str]:
    """Every page, every finding, every table; the problems found on each."""
    found: list[str] = []

    def check(where: str) -> None:
        _settle(qtbot)
        found.extend(f"{where}: {p}" for p in layout_problems(window))

    window.stack.setCurrentWidget(window.start_page)
    check("start")
    window.stack.setCurrentWidget(window.import_page)
    window.import_page.start(["facebook-giuliaferraro92-2026-11-18.zip"])
    window.import_page.set_progress(0.4, "Lettura dell'esportazione di Facebook (1 di 3)…\nx.json")
    check("import")
    window.show_tab(0)
    check("dashboard")
    window.show_tab(1)
    page = window.findings_page
    for row in range(page.list.count()):
        page.list.setCurrentRow(row)
        check(f"finding {row}")
    window.show_tab(2)
    for row in range(window.data_page.tables.count()):
        window.data_page.tables.setCurrentRow(row)
        check(f"table {row}")
    window.show_tab(3)  # the option and the export buttons (the preview is a web page)
    check("report")
    return found


@pytest.mark.slow
def test_workshop_in_italian_fits_a_projector(make_window, qtbot) -> None:
    window = make_window(core=Core(), workshop=True, lang="it")
    with qtbot.waitSignal(window.import_finished, timeout=120_000):
        window.set_workshop(True)
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=3000)
        assert _walk(window, qtbot) == [], f"at {width}x{height}"


def test_the_check_catches_a_label_too_narrow(make_window, qtbot) -> None:
    """Control: a label forced narrower than its text, and a page forced wider than the
    window, are both reported."""
    window = make_window(workshop=True, lang="it")
    window.resize(1024, 768)
    _settle(qtbot)
    assert layout_problems(window) == []
    window.workshop_badge.setFixedWidth(60)
    _settle(qtbot)
    assert any("workshopBadge" in p and "narrower" in p for p in layout_problems(window))
    window.workshop_badge.setMinimumWidth(0)
    window.workshop_badge.setMaximumWidth(16777215)
    window.start_page.widget().setMinimumWidth(1400)
    _settle(qtbot)
    assert any("scrollbar" in p for p in layout_problems(window))
