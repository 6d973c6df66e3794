"""The demo personas import with no warning at all, in English and Italian."""

from __future__ import annotations

import pytest

from privacy_audit.demo import bundled_persona_paths
from privacy_audit.pipeline import load_evidence


@pytest.mark.parametrize("persona", ["giulia", "alex"])
@pytest.mark.parametrize("lang", ["en", "it"])
def test_demo_persona_imports_without_warnings(persona: str, lang: str) -> None:
    evidence = load_evidence(bundled_persona_paths(persona), lang=lang)
    assert len(evidence.sources) >= 5
    assert {s.path: s.warnings for s in evidence.sources if s.warnings} == {}
    assert sum(len(t) for t in evidence.tables.values()) > 1000
