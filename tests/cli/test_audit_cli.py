"""``privacy-audit audit``: text (en/it), --json shape, --baseline, bad baseline files."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from analysis.evidence_factory import Factory, full_factory
from json_schema import schema_problems

from privacy_audit.analysis.rulekit import FINDING_IDS
from privacy_audit.cli import main
from privacy_audit.commands import audit as audit_cmd
from privacy_audit.model import Evidence


@pytest.fixture
def use_evidence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Make the command read the given Evidence instead of importing the exports."""

    def install(evidence: Evidence) -> str:
        monkeypatch.setattr(audit_cmd, "load_evidence", lambda paths, **_kw: evidence)
        export = tmp_path / "export.zip"
        export.write_bytes(b"")
        return str(export)

    return install


def test_text_output_english(use_evidence, capsys: pytest.CaptureFixture[str]) -> None:
    path = use_evidence(full_factory().build())
    assert main(["audit", path, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Privacy Audit: exposure score ")
    assert "Findings: 13" in out
    assert "[HIGH] The same phone number links your accounts (confirmed)" in out
    assert "In the app:" in out and "On the web:" in out and "https://" in out
    assert "+393470000001" not in out  # no evidence rows in the text output
    high = out.index("[HIGH]")
    assert high < out.index("[MEDIUM]") < out.index("[LOW]")


def test_text_output_italian(use_evidence, capsys: pytest.CaptureFixture[str]) -> None:
    path = use_evidence(full_factory().build())
    assert main(["audit", path, "--lang", "it"]) == 0
    out = capsys.readouterr().out
    assert "Privacy Audit: punteggio di esposizione" in out
    assert "Risultati: 13" in out and "Nell'app:" in out and "Perché:" in out
    assert "[ALTA] Lo stesso numero di telefono collega i tuoi account (confermato)" in out


def test_not_checked_in_text(use_evidence, capsys: pytest.CaptureFixture[str]) -> None:
    factory = Factory()
    factory.add("facebook", "off_platform", app="Shop", event="VIEW", timestamp=1_700_000_000)
    path = use_evidence(factory.build())
    assert main(["audit", path, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Not checked (export not given)" in out
    assert "Request account info" in out


def test_json_output_validates(use_evidence, capsys: pytest.CaptureFixture[str]) -> None:
    path = use_evidence(full_factory().build())
    assert main(["audit", path, "--json", "--lang", "it"]) == 0
    doc = orjson.loads(capsys.readouterr().out)
    assert schema_problems(doc) == []
    assert doc["lang"] == "it"
    assert {f["id"] for f in doc["findings"]} == set(FINDING_IDS)


def test_baseline_reports_resolved(
    use_evidence, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = use_evidence(full_factory().build())
    assert main(["audit", path, "--json"]) == 0
    old = tmp_path / "old.json"
    old.write_bytes(capsys.readouterr().out.encode())
    after = Factory()
    after.add("facebook", "settings", key="two_factor", value="off")
    path = use_evidence(after.build())
    assert main(["audit", path, "--json", "--baseline", str(old)]) == 0
    doc = orjson.loads(capsys.readouterr().out)
    assert schema_problems(doc) == []
    assert "contacts-uploaded" in doc["baseline"]["resolved"]
    assert "two-factor-off" not in doc["baseline"]["resolved"]
    assert main(["audit", path, "--baseline", str(old), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Compared with the earlier audit" in out
    assert "Resolved:" in out and "contacts-uploaded" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"{not json", "could not be read as JSON"),
        (b'{"schema": "other", "findings": []}', "is not an audit result"),
        (b"[1, 2]", "is not an audit result"),
    ],
)
def test_bad_baseline_is_input_error(
    use_evidence,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    message: str,
) -> None:
    path = use_evidence(full_factory().build())
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_bytes(content)
    assert main(["audit", path, "--baseline", str(baseline), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "baseline.json" in err and message in err and "audit --json" in err


def test_baseline_that_is_a_folder_is_called_a_folder(
    use_evidence, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "could not be read as JSON": the user gave a folder by mistake."""
    path = use_evidence(full_factory().build())
    folder = tmp_path / "audits"
    folder.mkdir()
    assert main(["audit", path, "--baseline", str(folder), "--lang", "it"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("privacy-audit: audits: ") and err.count("\n") == 0
    assert "cartella" in err and "JSON" not in err.split(".")[0]
