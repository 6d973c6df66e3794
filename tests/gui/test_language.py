"""Switching language at runtime retranslates every page and the audit texts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from privacy_audit.settings import SettingsStore


def test_switching_to_italian_from_the_menu(make_window, qtbot) -> None:
    window = make_window(lang="en")
    assert window.start_page.demo_button.text() == "Try the demo"
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert window.tabs.tabText(1) == "Findings"
    window.show_tab(1)
    assert window.findings_page.title.text() == "The same number everywhere"

    with qtbot.waitSignal(window.result_relabelled, timeout=10_000):
        window.action_set.languages["it"].trigger()
    assert window.ctx.tr.lang == "it"
    assert window.action_set.languages["it"].isChecked()
    assert window.tabs.tabText(1) == "Risultati"
    assert window.action_set.menus["file"].title() == "&File"
    assert window.action_set["open_files"].text() == "&Apri i file dell'esportazione…"
    assert window.start_page.demo_button.text() == "Prova la demo"
    assert window.dashboard.score_card.title.text() == "Punteggio di esposizione"
    # the audit texts come from the core again, in Italian
    assert window.findings_page.title.text() == "Lo stesso numero ovunque"
    assert window.data_page.model.headerData(0, Qt.Orientation.Horizontal) == "Servizio"
    # remembered for the next start
    assert SettingsStore(window.ctx.paths).load().language == "it"

    window.action_set["toggle_language"].trigger()
    assert window.start_page.demo_button.text() == "Try the demo"


def test_language_follows_the_system_locale(make_window, monkeypatch) -> None:
    monkeypatch.setenv("PRIVACY_AUDIT_LANG", "it")
    from privacy_audit.gui.context import build_context

    assert build_context().tr.lang == "it"
    monkeypatch.setenv("PRIVACY_AUDIT_LANG", "en")
    assert build_context().tr.lang == "en"


def test_qt_own_buttons_follow_the_language(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()

    window = make_window(lang="it")
    assert cancel_text() == "Annulla"  # Qt's shipped Italian catalog is loaded
    window.set_language("en")
    assert cancel_text() == "Cancel"
    window.set_language("it")
    assert cancel_text() == "Annulla"


def test_qt_file_dialog_is_italian_all_through(make_window, qtbot) -> None:
    """Qt's shipped Italian catalog misses the Qt 6 labels of the file dialog ("&Look in:",
    "Files of &type:") and the folder type: they come from our catalogs."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    def labels() -> list[str]:
        dialog = QFileDialog(None, "x", "/")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        texts = sorted(label.text() for label in dialog.findChildren(QLabel))
        dialog.deleteLater()
        return texts

    window = make_window(lang="it")
    assert labels() == ["&Cerca in:", "&Nome del file:", "File di &tipo:"]
    window.set_language("en")  # control: English keeps Qt's own words
    assert labels() == ["&Look in:", "File &name:", "Files of &type:"]
