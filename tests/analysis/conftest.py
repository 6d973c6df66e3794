"""Fixtures for the analysis tests."""

from __future__ import annotations

import pytest

from .evidence_factory import Factory


@pytest.fixture
def factory() -> Factory:
    """A fresh evidence factory."""
    return Factory()
