"""Each finding's evidence table names every column once: two columns under one heading
(``Setting | Setting``) leave the reader guessing which is which."""

from __future__ import annotations

from collections import Counter

import pytest

from privacy_audit.analysis.audit import run_audit
from privacy_audit.demo import bundled_persona_paths
from privacy_audit.i18n import translator
from privacy_audit.pipeline import load_evidence
from privacy_audit.report.sections import rows_table


def _repeated(labels: list[str]) -> list[str]:
    return sorted(label for label, n in Counter(labels).items() if n > 1)


@pytest.mark.parametrize("persona", ["giulia", "alex"])
def test_finding_evidence_headings_are_distinct(persona: str) -> None:
    evidence = load_evidence(bundled_persona_paths(persona), lang="en")
    for lang in ("en", "it"):
        result = run_audit(evidence, lang=lang)
        repeated = {}
        for finding in result.findings:
            table = rows_table(finding.evidence, translator(lang), 50)
            labels = [str(column["label"]) for column in table["columns"]]
            if _repeated(labels):
                repeated[finding.id] = labels
        assert repeated == {}, f"{lang}: columns under one heading: {repeated}"


def test_repeated_heading_is_caught() -> None:
    """Control: a table with two columns that share a heading is reported."""
    table = rows_table([{"setting": "last_seen", "key": "last_seen"}], translator("en"), 5)
    assert _repeated([str(c["label"]) for c in table["columns"]]) == ["Setting"]
