"""Test-wide setup: headless Qt, isolated user dirs, paths to the shared samples."""

from __future__ import annotations

import os
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
