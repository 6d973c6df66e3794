"""Workshop mode: demo persona, redaction, large type, nothing written to the user dirs."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from privacy_audit.gui.core import Core
from privacy_audit.paths import AppPaths
from privacy_audit.settings import Settings, SettingsStore

from .modal import click_in_next_dialog
from .visible_text import ip_addresses, leaks, personal_values, preview_html, visible_texts


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
            digest.update(path.read_bytes())
        digest.update(f"dir:{Path(folder).relative_to(root)}".encode())
    return digest.hexdigest()


def test_workshop_session_leaves_the_user_dirs_unchanged(make_window, qtbot, isolated_home) -> None:
    # a user who already used the app: settings with a recent export
    store = SettingsStore(AppPaths.default())
    store.save(Settings(language="en", recent_exports=[["/home/me/facebook.zip"]]))
    before = _tree_hash(isolated_home)

    window = make_window(workshop=True)
    assert window.ctx.workshop
    assert window.start_page.recent_list.isHidden()  # the trainer's recents stay private
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.set_workshop(True)  # what `gui --workshop` does: open the demo persona
    assert "Workshop" in window.windowTitle()
    # on screen the evidence is redacted, and the report is locked to redacted
    assert window.findings_page.findings[0].evidence == [{"name": "Contact 1"}]
    assert window.report_page.redact and not window.report_page.redact_box.isEnabled()
    # presentation scale: larger type than normal
    assert "font-size" in window.styleSheet()
    normal = float(window.styleSheet().split("font-size: ")[1].split("px")[0])
    # everything a user can do: tick done, switch language, resize, reset
    window.show_tab(1)
    box = window.findings_page.rec_boxes[0].done_box
    qtbot.waitUntil(box.isVisible, timeout=3000)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    with qtbot.waitSignal(window.result_relabelled, timeout=10_000):
        window.set_language("it")
    window.resize(800, 560)
    with qtbot.waitSignal(window.report_page.preview_loaded, timeout=30_000):
        window.show_tab(3)  # the web view too (off-the-record profile)
    asked: list[str] = []
    click_in_next_dialog("confirmAccept", asked)  # the ticks are not kept: it asks first
    window.action_set["reset"].trigger()
    assert asked and "non vengono salvate" in asked[0]  # Italian by now
    assert window.stack.currentWidget() is window.start_page
    assert window.result is None
    window.close()
    assert _tree_hash(isolated_home) == before

    # leaving workshop mode: normal type size, settings written again
    again = make_window()
    regular = float(again.styleSheet().split("font-size: ")[1].split("px")[0])
    assert normal > regular
    assert again.ctx.tr.lang == "en"  # the workshop's Italian was not saved


def test_workshop_from_the_menu_and_back(make_window, qtbot, isolated_home) -> None:
    window = make_window()
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.action_set["workshop"].trigger()
    assert window.ctx.workshop and window.action_set["workshop"].isChecked()
    assert window.action_set["reset"].text() == "&Reset workshop"
    asked: list[str] = []
    click_in_next_dialog("confirmAccept", asked)  # the demo persona is open: it asks
    window.action_set["workshop"].trigger()
    assert asked
    assert not window.ctx.workshop
    assert window.result is None
    assert window.report_page.redact_box.isEnabled()
    assert window.action_set["reset"].text() == "&Close export"


@pytest.mark.slow
@pytest.mark.webengine
def test_workshop_shows_no_real_name_or_number_anywhere(make_window, qtbot) -> None:
    """Every widget of every tab (each finding, each Data table, the charts) and the report
    preview's HTML in workshop mode, over the real demo persona: none of its people's names,
    numbers, e-mails or IP addresses is shown."""
    window = make_window(core=Core(), workshop=True, lang="it")
    with qtbot.waitSignal(window.import_finished, timeout=120_000):
        window.set_workshop(True)
    names, phones = personal_values(window.result.evidence)  # unredacted, kept in memory
    ips = ip_addresses(window.result.evidence)
    assert len(names) > 20 and len(phones) > 20, "the persona has people to hide"
    assert len(ips) >= 3 and ips <= names, "the persona's IP addresses are checked too"
    texts = visible_texts(window)
    assert sum(len(t) for t in texts) > 100_000, "the tabs and tables were really read"
    page = preview_html(window, qtbot)
    assert "<html" in page.lower() and len(page) > 20_000, "the preview was really read"
    assert leaks([*texts, page], names, phones) == {}
    # the check itself finds them when they are shown: names, numbers, IPs, preview
    outside = make_window(core=Core(), lang="it")
    with qtbot.waitSignal(outside.import_finished, timeout=120_000):
        outside.open_demo()
    assert len(leaks(visible_texts(outside), names, phones)) > 20
    shown_page = preview_html(outside, qtbot)
    assert len(leaks([shown_page], names, phones)) > 5
    assert set(leaks(visible_texts(outside), ips, set())) == ips


def test_workshop_question_buttons_say_what_they_do_in_italian(make_window, qtbot) -> None:
    """The buttons of the workshop question are commands ("Avvia…", "Esci…"), not the
    question's infinitive without its question mark."""
    window = make_window()
    window.set_language("it")
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.action_set["demo"].trigger()
    labels: list[str] = []
    click_in_next_dialog("confirmCancel", labels=labels)
    window.action_set["workshop"].trigger()
    assert labels == ["Avvia la modalità workshop", "Annulla"]
    assert not window.ctx.workshop
