"""Test-wide setup: headless Qt, isolated user dirs, paths to the shared samples."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_FIXTURES = SHARED / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the app's user dirs at a fresh temp dir for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PRIVACY_AUDIT_HOME", str(home))
    return home


@pytest.fixture
def shared_fixtures() -> Path:
    """The real samples in ../shared/fixtures; the test is skipped when absent."""
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not present (plain clone)")
    return SHARED_FIXTURES


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """After a test that ran GUI tasks: let their last signals arrive (which switches the
    cyclic collector back on) and collect what the test left, here on the GUI thread,
    so no later test's pool thread finalises this test's Qt objects."""
    yield
    worker = sys.modules.get("privacy_audit.gui.worker")
    if worker is None:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    deadline = time.monotonic() + 10
    while app is not None and worker.tasks_running() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    assert not worker.tasks_running(), "a GUI task was still running after the test"
    gc.collect()
