"""The CSV and JSON exports hold every evidence row and every Evidence table (both personas).

The report says "and N more rows (all of them are in the CSV export)": each finding's
``evidence_total`` rows are in ``evidence.csv`` and in the JSON's ``rows``; every Evidence
table is in ``tables/<name>.csv`` and the JSON's ``tables``; under ``--redact`` none of the
persona's names, numbers, e-mails or IPs is in them; the JSON validates against the
published schema.
"""

from __future__ import annotations

import csv
import html
import io
import zipfile
from collections import Counter
from pathlib import Path

import orjson
import pytest
from json_schema import schema_problems

from privacy_audit.analysis.audit import run_audit
from privacy_audit.analysis.result import AuditResult
from privacy_audit.demo import bundled_persona_paths
from privacy_audit.model import Evidence
from privacy_audit.pipeline import load_evidence
from privacy_audit.report import render_html, write_report

from .personal import personal_values


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture(scope="module", params=["giulia", "alex"])
def audited(request: pytest.FixtureRequest) -> tuple[Evidence, AuditResult]:
    lang = "it" if request.param == "giulia" else "en"
    evidence = load_evidence(bundled_persona_paths(request.param), lang=lang)
    return evidence, run_audit(evidence, lang=lang)


@pytest.mark.parametrize("redact", [False, True])
def test_every_row_is_in_the_csv_and_the_json(
    audited: tuple[Evidence, AuditResult], redact: bool, tmp_path: Path
) -> None:
    evidence, result = audited
    assert any(f.evidence_total > len(f.evidence) for f in result.findings)  # rows beyond 5
    totals = {f.id: f.evidence_total for f in result.findings}
    with zipfile.ZipFile(write_report(result, tmp_path / "r.zip", fmt="csv", redact=redact)) as z:
        zipped = {name: _csv(z.read(name)) for name in z.namelist()}
    folder = write_report(result, tmp_path / "r", fmt="csv", redact=redact)
    in_folder = {
        p.relative_to(folder).as_posix(): _csv(p.read_bytes()) for p in folder.rglob("*.csv")
    }
    doc = orjson.loads(
        write_report(result, tmp_path / "r.json", fmt="json", redact=redact).read_bytes()
    )
    assert schema_problems(doc) == []
    for files in (zipped, in_folder):
        assert Counter(row["finding"] for row in files["evidence.csv"]) == totals
        assert {row["id"]: int(row["evidence_total"]) for row in files["findings.csv"]} == totals
        for name, table in evidence.tables.items():
            rows = files[f"tables/{name}.csv"]
            assert len(rows) == len(table), name
            if len(rows):
                assert list(rows[0]) == list(table.columns)
    assert {f["id"]: len(f["rows"]) for f in doc["findings"]} == totals
    assert {f["id"]: f["evidence_total"] for f in doc["findings"]} == totals
    assert {name: len(rows) for name, rows in doc["tables"].items()} == {
        name: len(table) for name, table in evidence.tables.items()
    }
    for finding in doc["findings"]:  # the examples are the first rows, masked alike
        assert finding["rows"][: len(finding["evidence"])] == finding["evidence"], finding["id"]


def test_the_more_rows_sentence_counts_the_rows_of_the_export(
    audited: tuple[Evidence, AuditResult],
) -> None:
    _evidence, result = audited
    page = html.unescape(render_html(result))
    for finding in result.findings:
        more = finding.evidence_total - len(finding.evidence)
        if more > 0:
            assert len(finding.all_rows()) == len(finding.evidence) + more
    more_total = sum(max(0, f.evidence_total - len(f.evidence)) for f in result.findings)
    assert more_total > 0
    assert "all of them are in the CSV export" in page or "tutte sono nell'esportazione CSV" in page


def test_redacted_full_tables_hold_no_personal_value(
    audited: tuple[Evidence, AuditResult], tmp_path: Path
) -> None:
    evidence, result = audited
    values = personal_values(evidence, result)
    assert len(values) > 50
    assert any("." in v and v.count(".") == 3 for v in values)  # IPs are among them
    outputs: dict[str, str] = {}
    with zipfile.ZipFile(write_report(result, tmp_path / "r.zip", fmt="csv", redact=True)) as z:
        outputs |= {n: z.read(n).decode("utf-8-sig") for n in z.namelist()}
    doc = orjson.loads(
        write_report(result, tmp_path / "r.json", fmt="json", redact=True).read_bytes()
    )
    outputs["json rows"] = orjson.dumps([f["rows"] for f in doc["findings"]]).decode()
    outputs["json tables"] = orjson.dumps(doc["tables"]).decode()
    assert len(outputs["tables/contacts.csv"].splitlines()) == len(evidence.contacts) + 1
    for name, text in outputs.items():
        plain = " ".join(text.split()).casefold()
        leaks = sorted(v for v in values if " ".join(v.split()).casefold() in plain)
        assert leaks == [], f"{name}: {leaks[:10]}"


def test_control_unredacted_full_tables_hold_the_personal_values(
    audited: tuple[Evidence, AuditResult], tmp_path: Path
) -> None:
    """The leak check above finds the values when they are there (no redaction)."""
    evidence, result = audited
    values = personal_values(evidence, result)
    with zipfile.ZipFile(write_report(result, tmp_path / "r.zip", fmt="csv")) as z:
        text = " ".join(z.read("tables/contacts.csv").decode("utf-8-sig").split()).casefold()
    names = {str(v) for v in evidence.contacts["name"].dropna()} & values
    assert names and all(" ".join(v.split()).casefold() in text for v in names)
