"""Fixtures of the proofs."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import demo_inputs


@pytest.fixture
def demo_copy(tmp_path: Path) -> list[Path]:
    """A private copy of the demo persona "giulia"'s exports (never the bundled files)."""
    return demo_inputs(tmp_path / "inputs", "giulia")
