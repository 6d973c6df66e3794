"""The contacts-suggested-as-friends finding and the friend suggestions in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from privacy_audit.gui.core import Core
from privacy_audit.gui.worker import ThreadExecutor

pytestmark = pytest.mark.slow


def test_demo_suggestions_are_listed_and_browsable(make_window, qtbot) -> None:
    window = make_window(core=Core(), executor=ThreadExecutor())
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as blocker:
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    finding = next(f for f in result.findings if f.id == "contacts-suggested-as-friends")
    window.show_tab(1)
    page = window.findings_page
    row = [f.id for f in page.findings].index(finding.id)
    item = page.list.item(row)
    rect = page.list.visualItemRect(item)
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.title.text() == finding.title)
    assert page.summary.text() == finding.summary
    assert page.evidence_model.rowCount() == len(finding.evidence) > 0
    assert [box.rec.id for box in page.rec_boxes][:1] == ["people-you-may-know"]
    window.show_tab(2)
    data = window.data_page
    data.select_table("suggestions")
    assert data.current_table == "suggestions"
    assert data.model.rowCount() == len(result.evidence.suggestions) > 0
