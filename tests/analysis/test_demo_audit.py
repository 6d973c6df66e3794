"""End to end: demo persona exports -> ``privacy-audit audit --json``, both personas.

Together the personas must raise every finding id (issue 5); each JSON must validate.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from json_schema import schema_problems

from privacy_audit.analysis.rulekit import FINDING_IDS
from privacy_audit.cli import main

demo = pytest.importorskip("privacy_audit.demo")


def _audit(paths: list[Path], lang: str, capsys: pytest.CaptureFixture[str]) -> dict:
    code = main(["audit", *map(str, paths), "--json", "--lang", lang])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return orjson.loads(captured.out)


@pytest.mark.slow
def test_demo_personas_raise_every_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raised: set[str] = set()
    for persona, lang in (("giulia", "it"), ("alex", "en")):
        paths = demo.write_persona(persona, tmp_path / persona)
        doc = _audit(paths, lang, capsys)
        assert schema_problems(doc) == [], persona
        assert doc["lang"] == lang
        assert set(doc["summary"]["services"]) >= {"facebook", "instagram", "whatsapp"}
        for finding in doc["findings"]:
            assert finding["evidence_total"] > 0 and finding["counts"], finding["id"]
        raised |= {f["id"] for f in doc["findings"]}
    assert raised == set(FINDING_IDS), sorted(set(FINDING_IDS) - raised)


@pytest.mark.slow
def test_bundled_persona_text_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    for lang, word in (("en", "Findings:"), ("it", "Risultati:")):
        assert main(["audit", "--demo", "giulia", "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert word in out
