"""Contact names with XSS, template syntax, terminal escapes, control characters and
spreadsheet formulas, end to end: exports → audit --json → report (HTML, redacted
HTML, CSV) and the human-readable CLI output. Nothing is executed, nothing breaks."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from privacy_audit.cli import main

from .hostile import demo_files, make_zip, unzip, write

XSS = (
    '<script>alert("pa")</script>"><img src=x onerror=alert(1)>'
    "\x1b[2J\x1b[31mRed\x07\x08\x00Nul\u202eevil\u202c {{ 7*7 }}{% raw %}\nFAKE"
)
FORMULA = '=HYPERLINK("http://192.0.2.1/","click")'
MARKER = "onerror"  # a unique part of the person's hostile name: redaction must hide it
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _replace(data: bytes, name: str, old: str, new: str) -> bytes:
    if name.endswith(".zip"):
        members = unzip(data)
        return make_zip({n: _replace(d, n, old, new) for n, d in members.items()})
    if name.endswith(".json"):
        return data.replace(old.encode(), json.dumps(new)[1:-1].encode())
    if name.endswith(".html"):
        return data.replace(old.encode(), html.escape(new).encode())
    if name.endswith(".txt"):
        return data.replace(old.encode(), new.replace("\n", " ").encode())
    return data


def _renamed(files: dict[str, bytes], person: str, business: str) -> dict[str, bytes]:
    return {
        name: _replace(_replace(data, name, person, XSS), name, business, FORMULA)
        for name, data in files.items()
    }


def _flat(files: dict[str, bytes]) -> bytes:
    return b"\n".join(
        b"\n".join(unzip(d).values()) if n.endswith(".zip") else d for n, d in files.items()
    )


@pytest.fixture(scope="module")
def hostile_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The persona's exports with a contact and a business renamed to hostile names;
    both are ones the plain report shows, and the renamed contact is shown too."""
    from privacy_audit.analysis.audit import run_audit
    from privacy_audit.pipeline import load_evidence
    from privacy_audit.report import render_html

    def report_of(files: dict[str, bytes]) -> str:
        folder = tmp_path_factory.mktemp("names")
        evidence = load_evidence([write(folder / n, d) for n, d in files.items()])
        return str(render_html(run_audit(evidence)))

    files = demo_files("giulia")
    flat = _flat(files)
    shown = report_of(files)
    evidence = load_evidence(
        [write(tmp_path_factory.mktemp("plain") / n, d) for n, d in files.items()]
    )
    ids = evidence.identifiers
    own = set(ids[ids["kind"] == "name"]["value"].dropna())
    businesses = set(evidence.advertisers["name"].dropna())
    people = set(evidence.contacts["name"].dropna()) | set(evidence.messages["sender"].dropna())
    persons = sorted(
        n
        for n in people - own - businesses
        if n.isascii() and " " in n and n in shown and n.encode() in flat
    )
    business = sorted(n for n in businesses if n.isascii() and n in shown)[0]
    for person in persons[:6]:
        renamed = _renamed(files, person, business)
        if MARKER in report_of(renamed):
            folder = tmp_path_factory.mktemp("hostile-names")
            return [write(folder / n, d) for n, d in renamed.items()]
    raise AssertionError(f"no contact of the demo could be renamed visibly: {persons[:6]}")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_audit_json_is_valid(
    hostile_inputs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["audit", "--json", *map(str, hostile_inputs)], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["findings"]
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["audit"], ["inspect"], ["audit", "--lang", "it"]])
def test_terminal_output_has_no_escape_sequences(
    command: list[str], hostile_inputs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A name must not be able to clear the screen, ring the bell or fake lines."""
    code, out, err = _run([*command, *map(str, hostile_inputs)], capsys)
    assert code == 0, err
    assert not CONTROL.search(out), repr(CONTROL.search(out))
    assert not CONTROL.search(err)
    assert "\u202e" not in out  # no right-to-left override to disguise text


@pytest.mark.parametrize("redact", [False, True])
def test_html_report_executes_nothing(
    redact: bool, hostile_inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "report.html"
    argv = ["report", *map(str, hostile_inputs), "-o", str(out_file)]
    code, _, err = _run([*argv, "--redact"] if redact else argv, capsys)
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    assert tree.xpath("//script") == []
    assert tree.xpath("//img[@src='x']") == []
    assert [
        a
        for e in tree.iter()
        if isinstance(e.tag, str)
        for a in e.attrib
        if a.lower().startswith("on")
    ] == []
    bad = CONTROL.search(text)
    assert bad is None, repr(text[max(0, bad.start() - 200) : bad.end() + 50])
    assert "Content-Security-Policy" in text
    if "7*7" in text:
        assert "{{ 7*7 }}" in text  # shown, never evaluated by the template engine
    if redact:  # the person's name is masked everywhere (businesses are not people)
        at = text.find(MARKER)
        assert at < 0, repr(text[max(0, at - 300) : at + 50])
    else:
        assert MARKER in text  # the name is shown, escaped


def _csv_cells(path: Path) -> list[str]:
    texts: list[str] = []
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8-sig") for p in sorted(path.rglob("*.csv"))]
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            texts = [zf.read(n).decode("utf-8-sig") for n in zf.namelist() if n.endswith(".csv")]
    else:
        texts = [path.read_text(encoding="utf-8-sig")]
    assert texts, path
    return [cell for text in texts for row in csv.reader(io.StringIO(text)) for cell in row]


def test_csv_report_has_no_live_formulas(
    hostile_inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name like =HYPERLINK(...) must not become a formula in a spreadsheet."""
    out_file = tmp_path / "report.zip"
    code, _, err = _run(["report", *map(str, hostile_inputs), "-o", str(out_file)], capsys)
    assert code == 0, err
    cells = _csv_cells(out_file)
    assert any("HYPERLINK" in c for c in cells)  # the contact is in the tables
    assert [c for c in cells if c.startswith(("=", "@"))] == []
