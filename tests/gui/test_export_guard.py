"""The save dialog refuses an output that would replace an export (issue 16 item 1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog


def _open(window, qtbot, paths: list[Path]) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.open_paths(paths)


@pytest.mark.parametrize("where", ["the export", "inside its folder", "a pipe"])
def test_save_dialog_refuses_an_input_or_a_special_file(
    make_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    export = folder / "facebook-anna-2026-01-01.zip"
    export.write_bytes(b"export bytes")
    window = make_window()
    _open(window, qtbot, [folder] if where == "inside its folder" else [export])
    chosen = {
        "the export": tmp_path / "link.html",
        "inside its folder": folder / "report.html",
        "a pipe": tmp_path / "pipe.html",
    }[where]
    if where == "the export":  # the dialog's answer is the export itself (a symlink to it)
        os.symlink(export, chosen)
    if where == "a pipe":
        os.mkfifo(chosen)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), ""))
    )
    page = window.report_page
    with qtbot.waitSignal(page.export_failed, timeout=5_000) as failed:
        page.choose_and_export("html")
    assert failed.args[0].startswith(chosen.name)
    assert page.refused_box is not None and page.refused_box.isVisible()
    assert export.read_bytes() == b"export bytes"
    assert sorted(p.name for p in folder.iterdir()) == [export.name]
    assert chosen.is_symlink() or chosen.is_fifo() or not chosen.exists()
    page.refused_box.close()


def test_save_dialog_writes_beside_the_exports(
    make_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "exports" / "facebook-anna-2026-01-01.zip"
    export.parent.mkdir()
    export.write_bytes(b"export bytes")
    window = make_window()
    _open(window, qtbot, [export])
    chosen = tmp_path / "report.html"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), ""))
    )
    with qtbot.waitSignal(window.report_page.exported, timeout=10_000):
        window.report_page.choose_and_export("html")
    assert chosen.is_file() and export.read_bytes() == b"export bytes"
