"""write_report: every format, atomic replacement, safe CSV, clear errors."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import orjson
import pytest

from privacy_audit.analysis.result import AuditResult
from privacy_audit.errors import InputError
from privacy_audit.i18n import translator
from privacy_audit.report import charts, render_html, write_report, writers

from .factories import make_result


def test_html_and_json_files(result_en: AuditResult, tmp_path: Path) -> None:
    page = write_report(result_en, tmp_path / "r.html")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = orjson.loads(write_report(result_en, tmp_path / "r.json", fmt="json").read_bytes())
    assert data["schema"] == "privacy-audit/1" and data["score"] == 72
    assert [f["id"] for f in data["findings"]] == [f.id for f in result_en.findings]
    assert "redacted" not in data
    redacted = orjson.loads(
        write_report(result_en, tmp_path / "r2.json", fmt="json", redact=True).read_bytes()
    )
    assert redacted["redacted"] is True


def test_existing_file_is_kept_when_the_new_one_fails(
    result_en: AuditResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")

    def broken(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("rendering failed half way")

    monkeypatch.setattr(writers, "render_prepared", broken)
    with pytest.raises(RuntimeError):
        write_report(result_en, target)
    assert target.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temp left


def test_existing_file_is_replaced_when_complete(result_en: AuditResult, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    write_report(result_en, target)
    assert "Your exposure score" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def _read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # BOM for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_zip_tables(result_en: AuditResult, tmp_path: Path) -> None:
    archive = write_report(result_en, tmp_path / "r.zip", fmt="csv")
    with zipfile.ZipFile(archive) as z:
        contacts = _read_csv(z.read("contacts.csv"))
        findings = _read_csv(z.read("findings.csv"))
        evidence = _read_csv(z.read("evidence.csv"))
    overlap = result_en.crossref["contact_overlap"]
    assert contacts[0][:5] == ["key", "name", "services", "n_services", "confidence"]
    assert len(contacts) == len(overlap) + 1  # the full table, not capped
    assert [row[0] for row in findings[1:]] == [f.id for f in result_en.findings]
    # hand-built findings (factories.py) keep only their examples: those are their rows
    assert len(evidence) - 1 == sum(len(f.all_rows()) for f in result_en.findings)


def test_csv_cells_cannot_become_formulas(tmp_path: Path) -> None:
    result, _data = make_result(payload='=HYPERLINK("http://evil.example","x")')
    archive = write_report(result, tmp_path / "r.zip", fmt="csv")
    with zipfile.ZipFile(archive) as z:
        rows = _read_csv(z.read("contacts.csv")) + _read_csv(z.read("off_meta_apps.csv"))
    cells = [c for row in rows for c in row]
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert any(c.startswith("'+39") for c in cells)  # phone numbers kept as text


def test_csv_folder_replaces_only_an_earlier_report(result_en: AuditResult, tmp_path: Path) -> None:
    folder = write_report(result_en, tmp_path / "out", fmt="csv")
    assert (folder / "findings.csv").is_file()
    write_report(result_en, folder, fmt="csv")  # an earlier report: replaced
    assert (folder / "contacts.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    other = tmp_path / "documents"
    other.mkdir()
    (other / "thesis.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        write_report(result_en, other, fmt="csv")
    assert (other / "thesis.txt").read_text(encoding="utf-8") == "keep me"


def test_bad_paths_and_formats_are_input_errors(result_en: AuditResult, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        write_report(result_en, tmp_path, fmt="html")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="could not be written"):
        write_report(result_en, blocker / "r.html")
    with pytest.raises(InputError, match="Unknown report format"):
        write_report(result_en, tmp_path / "r.doc", fmt="doc")


CONTROLS = "Bar\x1b[31mRed\x07\x08\x00\x7f\x9bX"
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def test_control_characters_never_reach_any_format(tmp_path: Path) -> None:
    result, _data = make_result(payload=CONTROLS)
    for redact in (False, True):
        page = render_html(result, redact=redact)
        assert RAW_CONTROL.search(page) is None
        assert "Bar\ufffd[31mRed" in page  # shown, made harmless
    for table, chart in (
        ("off_meta_top", charts.top_apps_chart),
        ("advertisers", charts.advertisers_chart),
    ):
        svg = str(chart(result.crossref[table], tr=translator("en")))
        assert "Bar" in svg and RAW_CONTROL.search(svg) is None
    archive = write_report(result, tmp_path / "r.zip", fmt="csv")
    with zipfile.ZipFile(archive) as z:
        for name in z.namelist():
            assert RAW_CONTROL.search(z.read(name).decode("utf-8-sig")) is None, name
    json_file = write_report(result, tmp_path / "r.json", fmt="json")
    raw = json_file.read_text(encoding="utf-8")
    assert RAW_CONTROL.search(raw) is None
    assert CONTROLS in _strings(orjson.loads(raw))  # the data itself is kept, escaped


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*map(_strings, value)) if value else set()
    return set()


def test_csv_lists_every_file_not_read_with_its_reason(
    result_en: AuditResult, tmp_path: Path
) -> None:
    """The CSV report, like the HTML one's 'What was analysed', names the unread files."""
    source = result_en.sources[1]
    source.extra["not_read"] = [
        {"file": "start_here.html", "reason": "navigation", "found": 0},
        {"file": "your_instagram_activity/new_file.json", "reason": "found", "found": 3},
    ]
    archive = write_report(result_en, tmp_path / "r.zip", fmt="csv")
    with zipfile.ZipFile(archive) as z:
        rows = _read_csv(z.read("not_read.csv"))
    assert rows == [
        ["export", "file", "reason", "found"],
        [source.path, "start_here.html", "navigation", "0"],
        [source.path, "your_instagram_activity/new_file.json", "found", "3"],
    ]
