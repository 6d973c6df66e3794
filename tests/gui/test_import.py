"""Opening exports: demo button, drag and drop, progress, cancel, bad input."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from .fakes import FakeCore


def test_try_the_demo_shows_findings_and_score(make_window, qtbot) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.start_page
    with qtbot.waitSignal(window.import_finished, timeout=10_000) as blocker:
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert window.stack.currentWidget() is window.tabs
    # the score as the report's gauge, its band in words
    assert ">60</text>" in window.dashboard.gauge.svg
    assert window.dashboard.score_value.text() == "Medium exposure"
    # findings listed most serious first, with their titles
    titles = [window.findings_page.list.item(i).text() for i in range(3)]
    assert titles[0] == "The same number everywhere"  # the "high" one
    assert set(titles) == {f.title for f in result.findings}
    assert [c.title.text() for c in window.dashboard.service_cards] == ["Facebook", "WhatsApp"]
    assert len(window.dashboard.charts) == 1
    # the top action (the one that lowers the score most) opens its recommendation
    gains = {f.id: f.points for f in result.findings}
    best = max(result.findings, key=lambda f: gains[f.id])
    first_action = window.dashboard.action_buttons[0]
    assert first_action.text_label.text() == best.recommendations[0].title
    qtbot.mouseClick(first_action, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.findings_page
    assert window.findings_page.title.text() == best.title
    box = window.findings_page.rec_boxes[0]
    assert box.rec.id == best.recommendations[0].id
    qtbot.waitUntil(lambda: not box.visibleRegion().isEmpty(), timeout=3000)


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center()
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)


def test_dropping_files_opens_them_and_remembers_them(make_window, qtbot, tmp_path) -> None:
    export = tmp_path / "facebook-me.zip"
    export.write_bytes(b"x" * 10)
    window = make_window()
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        _drop(window.start_page.drop_zone, [export])
    assert window.findings_page.list.count() == 3
    assert window.ctx.settings.recent_exports[0] == [str(export)]
    assert window.ctx.settings_store.file.is_file()  # written for the next start
    window.reset()
    assert window.start_page.recent_list.count() == 1
    # by service, not by file name (the full paths are in the tool tip)
    item = window.start_page.recent_list.item(0)
    assert item.text() == "Facebook, WhatsApp"
    assert item.toolTip() == str(export)
    # the same in a new window (read from the settings)
    again = make_window()
    assert again.start_page.recent_list.item(0).text() == "Facebook, WhatsApp"


def test_a_drop_of_text_is_refused(make_window) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(
        window.start_page.drop_zone.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.start_page.drop_zone, enter)
    assert not enter.isAccepted()


def test_progress_shows_the_current_file_and_cancel_stops_the_import(
    make_window, qtbot, tmp_path
) -> None:
    slow = FakeCore(tmp_path, steps=400, delay=0.02)  # 8 s if never cancelled
    window = make_window(core=slow)
    window.open_paths([tmp_path / "export.zip"])
    assert window.busy
    assert window.stack.currentWidget() is window.import_page
    qtbot.waitUntil(lambda: window.import_page.bar.value() > 0, timeout=5000)
    assert window.import_page.current.text() == "Reading the export…"  # the step
    assert window.import_page.file.text().startswith("part-")  # and the file it reads
    assert not window.action_set["demo"].isEnabled()  # one import at a time
    with qtbot.waitSignal(window.import_cancelled, timeout=5000):
        qtbot.mouseClick(window.import_page.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.busy
    assert window.stack.currentWidget() is window.start_page
    assert window.result is None
    assert window.action_set["demo"].isEnabled()
    assert window.ctx.executor.wait(2000)  # the worker really stopped
    # and the app is usable again
    slow.delay = 0
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.open_demo()


def test_a_bad_file_shows_the_cli_message_and_the_app_stays_usable(
    make_window, qtbot, tmp_path
) -> None:
    bad = tmp_path / "bad-takeout.zip"
    bad.write_bytes(b"PK")
    window = make_window()
    with qtbot.waitSignal(window.import_failed, timeout=10_000) as blocker:
        window.open_paths([bad])
    message = blocker.args[0]
    assert message == ("bad-takeout.zip: This is not a data export. Give the zip you downloaded.")
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert box.text() == message
    box.accept()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    assert window.stack.currentWidget() is window.start_page
    assert not window.busy
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)


def test_about_box_shows_version_and_licence(make_window, qtbot) -> None:
    from privacy_audit import __version__

    window = make_window()
    window.action_set["about"].trigger()
    box = window.about_box
    assert box is not None and box.isVisible()
    assert __version__ in box.text()
    assert "GPL-3.0-or-later" in box.text()
    box.accept()


def test_every_main_action_has_a_shortcut(make_window) -> None:
    window = make_window()
    for name, action in window.action_set.by_name.items():
        if name != "about":
            assert action.shortcuts(), name
    keys = [s.toString() for a in window.action_set.by_name.values() for s in a.shortcuts()]
    assert len(keys) == len(set(keys)), "no shortcut is used twice"


def test_the_result_tabs_are_built_while_the_import_runs(make_window, qtbot, tmp_path) -> None:
    slow = FakeCore(tmp_path, steps=400, delay=0.02)  # 8 s unless sped up below
    window = make_window(core=slow)
    window.open_paths([tmp_path / "export.zip"])
    assert window._results is None  # not at start-up, not in the click that opened it
    # a piece per event-loop turn, while the import reports progress
    qtbot.waitUntil(lambda: window._tabs_build.done, timeout=5000)
    assert window.busy and window.result is None  # before the result came
    assert window.stack.currentWidget() is window.import_page  # built out of sight
    assert window.tabs.tabText(0) == "Dashboard"  # translated while being built
    slow.delay = 0
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        pass
    assert window.stack.currentWidget() is window.tabs
    assert window.dashboard.isVisible()
