"""Fixtures for the report tests: hand-built audit results (see factories.py)."""

from __future__ import annotations

import pytest

from privacy_audit.analysis.result import AuditResult

from .factories import PersonalData, make_result

XSS = "<script>document.title='pwned'</script>"


@pytest.fixture
def result_en() -> AuditResult:
    """An English result with 40 contacts."""
    return make_result(lang="en")[0]


@pytest.fixture
def result_it() -> AuditResult:
    """The same result in Italian."""
    return make_result(lang="it")[0]


@pytest.fixture
def personal() -> tuple[AuditResult, PersonalData]:
    """A result and every personal value in it."""
    return make_result(lang="it", n_contacts=60)
