"""Redaction on the real pipeline: the demo persona's own names, numbers, emails and IPs."""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

import pytest

from privacy_audit.analysis.audit import run_audit
from privacy_audit.demo import bundled_persona_paths
from privacy_audit.model import SERVICES
from privacy_audit.pipeline import load_evidence
from privacy_audit.report import write_report

PERSONAL_COLUMNS = [
    ("contacts", "name"),
    ("contacts", "phone_raw"),
    ("contacts", "phone_e164"),
    ("contacts", "email"),
    ("messages", "sender"),
    ("messages", "chat"),
    ("messages", "sender_phone_raw"),
    ("messages", "sender_phone_e164"),
    ("activity", "ip"),
    ("groups", "name"),
    ("linked_accounts", "account"),
]


@pytest.mark.slow
@pytest.mark.parametrize("persona", ["giulia", "alex"])
def test_redacted_demo_outputs_hold_no_personal_value(persona: str, tmp_path: Path) -> None:
    lang = "it" if persona == "giulia" else "en"
    evidence = load_evidence(bundled_persona_paths(persona), lang=lang)
    result = run_audit(evidence, lang=lang)
    values: set[str] = set()
    for table, column in PERSONAL_COLUMNS:
        frame = evidence.tables[table]
        values |= {str(v) for v in frame[column].dropna().unique()}
    ids = evidence.identifiers
    own = ids[ids["kind"].isin(["name", "username", "email", "phone"])]
    values |= {str(v) for v in own["value"].dropna()} | {str(v) for v in own["raw"].dropna()}
    # companies (advertisers, off-Meta apps) and service names are not personal data
    companies = set(result.crossref["advertisers"]["name"]) | set(
        result.crossref["off_meta_top"]["app"]
    )
    values = {v for v in values if v not in companies and v.casefold() not in SERVICES}
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
