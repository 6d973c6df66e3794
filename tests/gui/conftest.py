"""Fixtures for GUI tests: a main window over the fake core, torn down cleanly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from privacy_audit.gui.context import build_context
from privacy_audit.gui.main_window import MainWindow
from privacy_audit.gui.worker import ThreadExecutor

from .fakes import FakeCore


@pytest.fixture
def fake_core(tmp_path: Path) -> FakeCore:
    """A fast fake core (demo files are written under tmp_path)."""
    return FakeCore(tmp_path)


@pytest.fixture
def make_window(qtbot: Any, fake_core: FakeCore) -> Iterator[Callable[..., MainWindow]]:
    """Build main windows (closed and their workers joined at teardown)."""
    windows: list[MainWindow] = []

    def make(
        *, core: Any = None, lang: str = "en", workshop: bool = False, executor: Any = None
    ) -> MainWindow:
        ctx = build_context(
            lang=lang,
            workshop=workshop,
            core=core or fake_core,
            executor=executor or ThreadExecutor(),
        )
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.cancel_import()
        window.ctx.executor.wait(5000)
        window.close()
        window.deleteLater()
    # WebEngine pages must go before their profiles, all before the QApplication
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
