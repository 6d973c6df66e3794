"""Help never closes the analysis; Close export and workshop mode ask before they do."""

from __future__ import annotations

from PySide6.QtCore import Qt

from privacy_audit.gui import dialogs

from .modal import click_in_next_dialog


def _activate(window, qtbot) -> None:
    """Keyboard shortcuts reach the active window only, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def _open_demo(window, qtbot) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)


def test_f1_opens_help_and_the_analysis_stays(make_window, qtbot) -> None:
    window = make_window()
    _open_demo(window, qtbot)
    window.show_tab(1)
    result = window.result
    _activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    assert window.help_dialog.tabs.count() == 3
    assert window.result is result
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.findings_page
    window.help_dialog.close()
    assert window.result is result


def test_close_export_asks_when_ticks_would_be_lost(make_window, qtbot) -> None:
    window = make_window(workshop=True)
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.set_workshop(True)
    window.show_tab(1)
    box = window.findings_page.rec_boxes[0].done_box
    qtbot.waitUntil(box.isVisible, timeout=3000)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    asked: list[str] = []
    click_in_next_dialog("confirmCancel", asked)
    window.action_set["reset"].trigger()
    assert asked, "it asked first"
    assert window.result is not None and window.stack.currentWidget() is window.tabs
    click_in_next_dialog("confirmAccept")
    window.action_set["reset"].trigger()
    assert window.result is None and window.stack.currentWidget() is window.start_page


def test_close_export_without_unsaved_choices_does_not_ask(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    _open_demo(window, qtbot)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: (_ for _ in ()).throw(AssertionError))
    window.action_set["reset"].trigger()  # the Done ticks are saved outside workshop mode
    assert window.result is None


def test_entering_workshop_with_an_export_open_asks_first(make_window, qtbot) -> None:
    window = make_window()
    _open_demo(window, qtbot)
    result = window.result
    asked: list[str] = []
    click_in_next_dialog("confirmCancel", asked)
    window.action_set["workshop"].trigger()
    assert asked
    assert not window.ctx.workshop and not window.action_set["workshop"].isChecked()
    assert window.result is result
    click_in_next_dialog("confirmAccept")
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.action_set["workshop"].trigger()
    assert window.ctx.workshop and window.action_set["workshop"].isChecked()
    # and leaving asks too
    click_in_next_dialog("confirmCancel")
    window.action_set["workshop"].trigger()
    assert window.ctx.workshop


def test_clicking_the_drop_zone_opens_the_file_dialog(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "ask_export_files", lambda *a, **k: asked.append(True) or [])
    qtbot.mouseClick(window.start_page.drop_zone, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_a_new_result_starts_at_the_top(make_window, qtbot) -> None:
    window = make_window()
    window.resize(900, 560)
    _open_demo(window, qtbot)
    bar = window.dashboard.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(bar.maximum())
    window.show_tab(1)
    details = window.findings_page.detail_area.verticalScrollBar()
    qtbot.waitUntil(lambda: details.maximum() > 0, timeout=3000)
    details.setValue(details.maximum())
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.open_demo()
    assert bar.value() == 0
    window.show_tab(1)  # the details are rebuilt when the page shows
    qtbot.waitUntil(lambda: details.value() == 0, timeout=3000)


def test_file_dialogs_start_in_the_last_folder_outside_workshop(
    make_window, qtbot, monkeypatch, tmp_path
) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "downloads"
    folder.mkdir()
    export = folder / "facebook-me.zip"
    export.write_bytes(b"x")
    starts: list[str] = []

    def choose(_parent, _title, start, _filter):
        starts.append(start)
        return [str(export)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    window = make_window()
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.ask_open_files()
    assert starts == [str(Path.home())]
    window.reset()
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.ask_open_files()
    assert starts[-1] == str(folder)  # the folder used last time
    # workshop mode neither uses nor records it
    trainer = make_window(workshop=True)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    trainer.ctx.settings.last_folder = str(folder)
    trainer.ask_open_files()
    assert starts[-1] == str(Path.home())
