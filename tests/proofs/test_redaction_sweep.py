"""A redacted report holds none of the input's personal values, in any format
(issue 16 item 2).

Every name, number, e-mail, IP and username of the input, collected from the Evidence
(:mod:`.redaction_sweep`), is searched case-insensitively in the redacted HTML, JSON,
every CSV file and the PDF's text (pypdf), for both demo personas and for a generated
persona whose names are also in the export file names: a ``facebook-<name>-<date>``
download, a wrapper folder of the same kind inside the zip, and a chat file name in
NFD form, as macOS writes it. The control shows the sweep finds the values in the
unredacted report.
"""

from __future__ import annotations

import dataclasses
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

from privacy_audit.analysis.audit import run_audit
from privacy_audit.demo import PERSONAS, bundled_persona_paths, persona_files
from privacy_audit.pipeline import load_evidence
from privacy_audit.report import write_report

from .redaction_sweep import leaks, output_texts, personal_values

pytestmark = pytest.mark.slow


def _generated_persona(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A persona with other names, whose names are in every export's file name."""
    base = PERSONAS["giulia"]
    persona = dataclasses.replace(
        base,
        key="niccolo",
        first_name="Niccolò",
        last_name="Dell'Acqua",
        fb_username="niccolo.dellacqua_77",
        ig_username="nicco_dellacqua",
        email="niccolo.dellacqua@example.it",
    )
    monkeypatch.setitem(PERSONAS, "niccolo", persona)
    folder.mkdir(parents=True)
    paths = []
    for name, data in persona_files("niccolo").items():
        if name.startswith("facebook-"):
            # the download named after the person, its members in a wrapper folder
            name = "facebook-NiccoloDellAcqua-2026-11-18-Ofe7iBD1.zip"
            data = _wrapped(data, "facebook-niccolodellacqua77-2026-11-18-Ofe7iBD1/")
        elif name.startswith("instagram-"):
            name = "instagram-niccolò_dellacqua-2026-11-17-dgnT3pME.zip"
        if "giovedì" in name or name.startswith("Chat WhatsApp con"):
            name = unicodedata.normalize("NFD", name)  # as macOS writes it
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _wrapped(data: bytes, prefix: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(prefix + info.filename, source.read(info))
    return buffer.getvalue()


def _inputs(persona: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    if persona == "generated":
        return _generated_persona(tmp_path / "exports", monkeypatch)
    return list(bundled_persona_paths(persona))


def _write_all(result, folder: Path, *, redact: bool, pdf: bool) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "html": write_report(result, folder / "r.html", "html", redact=redact),
        "json": write_report(result, folder / "r.json", "json", redact=redact),
        "csv": write_report(result, folder / "r.zip", "csv", redact=redact),
    }
    if pdf:
        from privacy_audit.gui.webengine import html_to_pdf

        paths["pdf"] = write_report(
            result, folder / "r.pdf", "pdf", redact=redact, pdf_printer=html_to_pdf
        )
    return paths


def _audit(paths: list[Path], lang: str):
    evidence = load_evidence(paths, lang=lang)
    result = run_audit(evidence, lang=lang)
    companies = set(result.crossref["advertisers"]["name"]) | set(
        result.crossref["off_meta_top"]["app"]
    )
    companies |= set(evidence.tables["advertisers"]["name"].dropna())
    companies |= set(evidence.tables["off_platform"]["app"].dropna())
    return evidence, result, personal_values(evidence, companies)


@pytest.mark.webengine
@pytest.mark.parametrize("persona", ["giulia", "alex", "generated"])
def test_redacted_report_holds_no_personal_value_in_any_format(
    persona: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp
) -> None:
    lang = "en" if persona == "alex" else "it"
    _evidence, result, values = _audit(_inputs(persona, tmp_path, monkeypatch), lang)
    assert len(values) > 100
    texts = output_texts(_write_all(result, tmp_path / "out", redact=True, pdf=True))
    assert {"html", "json", "pdf", "csv/findings.csv", "csv/sources.csv"} <= set(texts)
    found = leaks(texts, values)
    assert found == {}, {fmt: hits[:12] for fmt, hits in found.items()}


def test_generated_persona_names_are_in_its_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated persona is the case the issue names: its own names are in the
    export file names and wrapper folder, a chat file name is NFD."""
    paths = _generated_persona(tmp_path / "exports", monkeypatch)
    names = [p.name for p in paths]
    assert any("NiccoloDellAcqua" in n for n in names)
    assert any(n != unicodedata.normalize("NFC", n) for n in names)
    _evidence, _result, values = _audit(paths, "it")
    assert {"NiccoloDellAcqua", "niccolodellacqua77", "niccolò_dellacqua"} <= values


def test_control_the_sweep_finds_values_in_an_unredacted_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _generated_persona(tmp_path / "exports", monkeypatch)
    _evidence, result, values = _audit(paths, "it")
    texts = output_texts(_write_all(result, tmp_path / "plain", redact=False, pdf=False))
    found = leaks(texts, values)
    assert "NiccoloDellAcqua" in found["json"]  # the export file name
    assert "Dell'Acqua" in " ".join(found["html"]) or any("Niccol" in v for v in found["html"])
    assert len(found["csv/sources.csv"]) >= 2
