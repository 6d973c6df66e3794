"""The window over the real core: the bundled demo persona, end to end."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from privacy_audit import demo
from privacy_audit.gui.core import Core
from privacy_audit.gui.worker import Task, ThreadExecutor

pytestmark = pytest.mark.slow


def test_demo_persona_through_the_real_pipeline(make_window, qtbot) -> None:
    window = make_window(core=Core(), executor=ThreadExecutor())
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result.findings, "the demo persona raises findings"
    assert f">{result.score}</text>" in window.dashboard.gauge.svg
    services = [c.title.text() for c in window.dashboard.service_cards]
    # one card per service, however many exports (WhatsApp: account report + chats)
    assert len(services) == len({s.service for s in result.sources}) == len(set(services))
    assert {"Facebook", "Instagram", "WhatsApp"} <= set(services)
    assert window.dashboard.charts, "the report's charts are on the dashboard"
    window.show_tab(1)
    page = window.findings_page
    assert page.list.count() == len(result.findings)
    severities = [f.severity for f in page.findings]
    order = ["high", "medium", "low", "info"]
    assert severities == sorted(severities, key=order.index)
    assert page.title.text() == page.findings[0].title
    assert page.rec_boxes, "the first finding has steps"
    # every evidence table browsable
    window.show_tab(2)
    data = window.data_page
    data.select_table("contacts")
    assert data.model.rowCount() == len(result.evidence.contacts) > 0
    # the same audit in Italian
    with qtbot.waitSignal(window.result_relabelled, timeout=120_000) as relabelled:
        window.set_language("it")
    italian = relabelled.args[0]
    assert italian.lang == "it"
    window.show_tab(1)
    assert page.list.count() == len(italian.findings)
    assert page.title.text() == page.findings[0].title
    assert [f.id for f in italian.findings] == [f.id for f in result.findings]
    assert [f.title for f in italian.findings] != [f.title for f in result.findings]


@pytest.mark.webengine
def test_real_report_preview_loads(make_window, qtbot) -> None:
    window = make_window(core=Core(), executor=ThreadExecutor())
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        window.open_demo()
    with qtbot.waitSignal(window.report_page.preview_loaded, timeout=60_000) as loaded:
        window.show_tab(3)
    assert loaded.args == [True]
    with qtbot.waitCallback(timeout=10_000) as callback:
        window.report_page.view.page().toPlainText(callback)
    text = callback.args[0]
    assert blocker.args[0].findings[0].title in text
    assert not window.report_page.view.interceptor.blocked  # self-contained: nothing to block


def test_real_exports_csv_and_redacted_html(make_window, qtbot, tmp_path) -> None:
    import zipfile

    window = make_window(core=Core(), executor=ThreadExecutor())
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        window.open_demo()
    result = blocker.args[0]
    page = window.report_page
    with qtbot.waitSignal(page.exported, timeout=60_000):
        page.export_to(tmp_path / "tables.zip", "csv")
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        names = archive.namelist()
    assert names and all(n.endswith(".csv") for n in names)
    page.redact_box.setChecked(True)
    with qtbot.waitSignal(page.exported, timeout=60_000):
        page.export_to(tmp_path / "report.html", "html")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    names_in_evidence = {
        str(row["name"]) for f in result.findings for row in f.evidence if row.get("name")
    }
    assert names_in_evidence, "the demo has named evidence rows"
    assert not any(name in html for name in names_in_evidence)


def _window_and_persona(make_window, tmp_path: Path) -> tuple[Any, list[Path]]:
    """A window over the real core, and the giulia persona's exports written as files
    (opened as the user's own, not as the demo)."""
    return make_window(core=Core(), executor=ThreadExecutor()), demo.write_persona(
        "giulia", tmp_path / "exports"
    )


@pytest.mark.webengine
def test_a_new_import_frees_the_last_result(make_window, qtbot, tmp_path) -> None:
    """A trainer opens persona after persona all day: each import's result, its preview's
    render task and its relabelled copy go when the next result is shown, and so do the
    import tasks (their signals' slots once held them)."""
    window, paths = _window_and_persona(make_window, tmp_path)
    earlier: list[weakref.ref] = []
    other_tests = {id(o) for o in gc.get_objects() if isinstance(o, Task)}
    for _ in range(3):
        with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
            window.open_paths(paths)
        earlier.append(weakref.ref(blocker.args[0]))
        with qtbot.waitSignal(window.report_page.preview_loaded, timeout=60_000):
            window.show_tab(3)
        with qtbot.waitSignal(window.result_relabelled, timeout=120_000) as relabelled:
            window.set_language("it" if window.ctx.tr.lang == "en" else "en")
        earlier.append(weakref.ref(relabelled.args[0]))
        del blocker, relabelled
    assert window.ctx.executor.wait(10_000)
    qtbot.waitUntil(lambda: not window.report_page.status.text().endswith("…"), timeout=60_000)
    gc.collect()
    alive = [ref() is not None for ref in earlier]
    assert alive == [False] * 5 + [True]  # only the result shown now

    imports = [
        o
        for o in gc.get_objects()
        if isinstance(o, Task) and o.name == "import" and id(o) not in other_tests
    ]
    assert len(imports) <= 1  # the executor forgets the last one at its next start


@pytest.mark.webengine
def test_closing_the_export_lets_go_of_its_data(make_window, qtbot, tmp_path) -> None:
    """File › Close export: nothing of the export stays referenced (a shared machine in a
    workshop: the next person should not find the last one's data in the app's memory)."""
    window, paths = _window_and_persona(make_window, tmp_path)
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        window.open_paths(paths)
    result = weakref.ref(blocker.args[0])
    contacts = weakref.ref(blocker.args[0].evidence.contacts)
    shown = weakref.ref(window.shown)
    del blocker
    for tab in range(3):
        window.show_tab(tab)
    window.data_page.select_table("contacts")
    window.data_page.search.setText("Contatto")
    with qtbot.waitSignal(window.report_page.preview_loaded, timeout=60_000):
        window.show_tab(3)
    assert window.close_export()
    assert window.ctx.executor.wait(10_000)
    qtbot.wait(50)
    gc.collect()
    assert (result(), contacts(), shown()) == (None, None, None)
    assert window.data_page.model.rowCount() == window.findings_page.list.count() == 0
    assert window.data_page.search.text() == ""
    # and the pages fill again on the next import
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        window.open_paths(paths)
    window.show_tab(2)
    window.data_page.select_table("contacts")
    assert window.data_page.model.rowCount() == len(blocker.args[0].evidence.contacts) > 0
    window.show_tab(1)
    assert window.findings_page.list.count() == len(blocker.args[0].findings) > 0


@pytest.mark.webengine
def test_the_last_exports_report_is_not_shown_while_the_next_renders(
    make_window, qtbot, tmp_path
) -> None:
    """Workshop: the next person opens the Report tab while their report renders; the
    preview of the person before must not be on screen meanwhile."""
    window, paths = _window_and_persona(make_window, tmp_path)
    page = window.report_page
    with qtbot.waitSignal(window.import_finished, timeout=120_000):
        window.open_paths(paths)
    with qtbot.waitSignal(page.preview_loaded, timeout=60_000):
        window.show_tab(3)
    assert page.view.isVisible() and page.input_paths
    assert window.close_export()
    assert not page.view.isVisibleTo(page) and page.input_paths == []
    with qtbot.waitSignal(window.import_finished, timeout=120_000):
        window.open_paths(paths)
    with qtbot.waitSignal(page.preview_loaded, timeout=60_000):
        window.show_tab(3)
        assert not page.view.isVisibleTo(page)  # the render has not come back yet
    assert page.view.isVisible()
