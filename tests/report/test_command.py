"""``privacy-audit report``: format from the name, bad output paths, end to end on the demo."""

from __future__ import annotations

import zipfile
from pathlib import Path

import orjson
import pytest
from lxml import html as lxml_html

from privacy_audit.cli import main
from privacy_audit.commands.report import output_format


def test_format_from_extension_or_option() -> None:
    assert output_format(Path("a.html"), None) == "html"
    assert output_format(Path("a.HTM"), None) == "html"
    assert output_format(Path("a.json"), None) == "json"
    assert output_format(Path("a.pdf"), None) == "pdf"
    assert output_format(Path("a.zip"), None) == "csv"
    assert output_format(Path("folder"), "csv") == "csv"
    assert output_format(Path("a.txt"), "html") == "html"


@pytest.mark.parametrize(
    ("output", "extra", "message"),
    [
        ("missing-dir/sub/r.html", [], "does not exist"),
        ("r.csv", [], "cannot be one .csv file"),
        ("report", [], "Cannot tell the report format"),
    ],
)
def test_bad_output_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    output: str,
    extra: list[str],
    message: str,
) -> None:
    code = main(["report", "--demo", "-o", str(tmp_path / output), "--lang", "en", *extra])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_output_folder_for_a_file_format_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "--demo", "-o", str(tmp_path), "--format", "html", "--lang", "en"])
    assert code == 2 and "is a folder" in capsys.readouterr().err


def test_existing_folder_without_format_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    code = main(["report", "--demo", "-o", str(out), "--lang", "it"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "reports è una cartella." in err and "--format csv" in err
    assert list(out.iterdir()) == []


def test_format_that_contradicts_the_name_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format pdf -o report.html would write a PDF that a browser shows as garbage."""
    code = main(["report", "--demo", "-o", str(tmp_path / "r.html"), "--format", "pdf"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "r.html" in err and ".pdf" in err
    assert list(tmp_path.iterdir()) == []
    assert output_format(Path("r.zip"), "csv") == "csv"  # the name and the format agree


@pytest.mark.slow
def test_demo_report_in_english_and_italian(tmp_path: Path) -> None:
    assert main(["report", "--demo", "-o", str(tmp_path / "en.html"), "--lang", "en"]) == 0
    assert main(["report", "--demo", "-o", str(tmp_path / "it.html"), "--lang", "it"]) == 0
    en = lxml_html.parse(str(tmp_path / "en.html")).getroot()
    it = lxml_html.parse(str(tmp_path / "it.html")).getroot()
    assert "What Meta can link" in en.text_content()
    assert "Cosa può collegare Meta" in it.text_content()
    findings = en.xpath("//section[contains(@class, 'finding')]/@id")
    assert len(findings) >= 5
    assert findings == it.xpath("//section[contains(@class, 'finding')]/@id")
    assert len(en.xpath("//svg[contains(@class, 'chart')]")) >= 3
    assert "out of 100" in en.text_content() and "su 100" in it.text_content()


@pytest.mark.slow
def test_demo_report_json_and_csv_redacted(tmp_path: Path) -> None:
    assert main(["report", "--demo", "-o", str(tmp_path / "r.json"), "--redact"]) == 0
    data = orjson.loads((tmp_path / "r.json").read_bytes())
    assert data["schema"] == "privacy-audit/1" and data["redacted"] is True
    assert data["findings"]
    assert main(["report", "--demo", "-o", str(tmp_path / "r.zip"), "--redact"]) == 0
    with zipfile.ZipFile(tmp_path / "r.zip") as z:
        assert {"contacts.csv", "findings.csv"} <= set(z.namelist())
