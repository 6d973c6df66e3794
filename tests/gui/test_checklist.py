"""Done ticks: remembered per export fingerprint, survive a restart, move the score."""

from __future__ import annotations

import shutil

import orjson
from PySide6.QtCore import Qt

from privacy_audit.checklist import ChecklistStore, findings_done, fingerprint, input_sizes
from privacy_audit.paths import AppPaths

from .fakes import fake_evidence, fake_result


def test_fingerprint_ignores_the_folder_but_not_the_content(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "facebook.zip").write_bytes(b"1234")
    shutil.copy(a / "facebook.zip", b / "facebook.zip")
    sources = fake_evidence().sources
    first = fingerprint(sources, input_sizes([a / "facebook.zip"]))
    assert first == fingerprint(sources, input_sizes([b / "facebook.zip"]))
    (b / "facebook.zip").write_bytes(b"12345")  # a new download of another size
    assert first != fingerprint(sources, input_sizes([b / "facebook.zip"]))
    assert first != fingerprint(
        fake_evidence(n_contacts=31).sources, input_sizes([a / "facebook.zip"])
    )


def test_store_round_trip_and_corrupt_file_moved_aside(tmp_path) -> None:
    paths = AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "x")
    store = ChecklistStore(paths)
    store.set_done("abc", "two-factor", True)
    store.set_done("abc", "off-meta", True)
    store.set_done("abc", "off-meta", False)
    assert ChecklistStore(paths).done("abc") == {"two-factor"}
    assert orjson.loads(store.file.read_bytes())["exports"]["abc"]["done"] == ["two-factor"]
    store.file.write_text("{not json")
    fresh = ChecklistStore(paths)
    assert fresh.done("abc") == set()
    assert fresh.warnings and fresh.warnings[0].startswith("checklist.json.corrupt-")
    assert (paths.data_dir / fresh.warnings[0]).read_text() == "{not json"


def test_memory_store_writes_nothing(tmp_path) -> None:
    paths = AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "x")
    store = ChecklistStore(paths, persist=False)
    store.set_done("abc", "two-factor", True)
    assert store.done("abc") == {"two-factor"}
    assert not (tmp_path / "d").exists()


def test_a_finding_is_done_when_all_its_recommendations_are() -> None:
    result = fake_result(fake_evidence())
    assert findings_done(result.findings, {"lookup-by-phone"}) == set()
    assert findings_done(result.findings, {"lookup-by-phone", "two-factor", "off-meta"}) == {
        "phone-shared-across-services",
        "off-meta-activity",
    }


def _open_demo(window, qtbot) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)


def test_ticking_done_survives_a_restart_and_moves_the_score(make_window, qtbot) -> None:
    window = make_window()
    _open_demo(window, qtbot)
    page = window.findings_page
    window.show_tab(1)
    page.select_finding("off-meta-activity")
    assert [b.rec.id for b in page.rec_boxes] == ["off-meta"]
    assert window.dashboard.score_after.isHidden()
    box = page.rec_boxes[0].done_box
    qtbot.waitUntil(box.isVisible, timeout=3000)  # new widgets show on the next loop
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert page.rec_boxes[0].done_box.isChecked()
    # the score shows the effect (60 - 10 points of that finding)
    assert window.dashboard.score_after.text() == "With the actions you marked done: 50/100"
    assert page.list.item(page.list.currentRow()).text().startswith("✓ ")
    window.close()

    again = make_window()
    _open_demo(again, qtbot)
    again.findings_page.select_finding("off-meta-activity")
    assert again.findings_page.rec_boxes[0].done_box.isChecked()
    assert not again.dashboard.score_after.isHidden()
    again.findings_page.select_finding("contacts-uploaded")
    assert not again.findings_page.rec_boxes[0].done_box.isChecked()


def test_open_this_setting_opens_the_official_page(make_window, qtbot, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(
        "privacy_audit.gui.recommendation_box.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()) or True,
    )
    window = make_window()
    _open_demo(window, qtbot)
    window.show_tab(1)
    window.findings_page.select_finding("contacts-uploaded")
    button = window.findings_page.rec_boxes[0].open_button
    qtbot.waitUntil(button.isVisible, timeout=3000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == ["https://accountscenter.facebook.com/contact-upload"]
