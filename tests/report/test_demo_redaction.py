"""Redaction on the real pipeline: the demo persona's own names, numbers, emails and IPs."""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

import pytest

from privacy_audit.analysis.audit import run_audit
from privacy_audit.demo import bundled_persona_paths
from privacy_audit.pipeline import load_evidence
from privacy_audit.report import write_report

from .personal import personal_values


@pytest.mark.slow
@pytest.mark.parametrize("persona", ["giulia", "alex"])
def test_redacted_demo_outputs_hold_no_personal_value(persona: str, tmp_path: Path) -> None:
    lang = "it" if persona == "giulia" else "en"
    evidence = load_evidence(bundled_persona_paths(persona), lang=lang)
    result = run_audit(evidence, lang=lang)
    values = personal_values(evidence, result)
    assert len(values) > 50
    outputs = {
        "html": write_report(result, tmp_path / "r.html", redact=True).read_text("utf-8"),
        "json": write_report(result, tmp_path / "r.json", fmt="json", redact=True).read_text(
            "utf-8"
        ),
    }
    with zipfile.ZipFile(write_report(result, tmp_path / "r.zip", fmt="csv", redact=True)) as z:
        outputs |= {n: z.read(n).decode("utf-8-sig") for n in z.namelist()}
    for name, text in outputs.items():
        plain = " ".join(html.unescape(text).split()).casefold()
        leaks = sorted(v for v in values if " ".join(v.split()).casefold() in plain)
        assert leaks == [], f"{name}: {leaks[:10]}"
