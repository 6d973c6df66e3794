"""Signals leave nothing behind (issue 16 item 3), proven with real child processes.

SIGTERM or SIGHUP while a report is being written removes the ``.part`` file (or the
CSV staging folder) and exits 128+signal with one line; parts left by a process that is
gone (SIGKILL, power loss) are swept on the next write of the same output. While the
PDF is being printed, SIGTERM and Ctrl+C (SIGINT, exit 130) end the print at once, and
the report HTML never exists as a file in the temp folder (it is printed from memory).
Each child holds the step under test until the signal arrives (see signal_driver.py):
nothing depends on timing. Controls: the residue checks catch a planted part file and a
planted HTML copy.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from privacy_audit.cli import main

from .signal_driver import MARKER
from .support import tree

REPO = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("signal_driver.py")
CHAT = b"14/10/25, 10:11 - Mamma: ciao\n14/10/25, 10:12 - Giulia Ferraro: ciao mamma\n"


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Path]:
    dirs = {name: tmp_path / name for name in ("in", "out", "tmp", "home")}
    for folder in dirs.values():
        folder.mkdir()
    (dirs["in"] / "Chat WhatsApp con Mamma.txt").write_bytes(CHAT)
    return dirs


def _held_child(mode: str, argv: list[str], dirs: dict[str, Path]) -> subprocess.Popen[str]:
    """Start the driver and return once it holds the step (its flag file exists)."""
    flag = dirs["home"] / "arrived"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("QTWEBENGINE_CHROMIUM_FLAGS", "LANG")},
        "LANG": "en_US.UTF-8",
        "PYTHONPATH": str(REPO),
        "TMPDIR": str(dirs["tmp"]),
        "PRIVACY_AUDIT_HOME": str(dirs["home"] / "app"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    child = subprocess.Popen(
        [sys.executable, str(DRIVER), mode, str(flag), *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while not flag.exists():  # an event, not a timing: the child writes it in the step
        if child.poll() is not None:
            _out, err = child.communicate()
            pytest.fail(f"the child ended before the step: {child.returncode} {err[-2000:]}")
        time.sleep(0.02)
    return child


def _signal_and_wait(child: subprocess.Popen[str], signum: int) -> tuple[int, str]:
    child.send_signal(signum)
    try:
        _out, err = child.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail(f"signal {signum} was ignored: the child was still running")
    return child.returncode, err


def _one_line(err: str) -> None:
    assert "Traceback" not in err, err[-3000:]
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("privacy-audit: "), err[-3000:]


def _files_holding(root: Path, needle: bytes) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if needle in path.read_bytes():
                    found.append(str(path.relative_to(root)))
            except OSError:
                continue
    return found


@pytest.mark.parametrize(
    ("signum", "output"),
    [(signal.SIGTERM, "report.html"), (signal.SIGHUP, "report.zip"), (signal.SIGTERM, "r.json")],
)
def test_signal_during_a_write_leaves_no_part(
    sandbox: dict[str, Path], signum: int, output: str
) -> None:
    argv = ["report", str(sandbox["in"]), "-o", str(sandbox["out"] / output)]
    child = _held_child("write", argv, sandbox)
    assert any(name.endswith(".part") for name in tree(sandbox["out"]))  # held mid-write
    code, err = _signal_and_wait(child, signum)
    assert code == 128 + signum, err[-2000:]
    _one_line(err)
    assert tree(sandbox["out"]) == []
    assert tree(sandbox["in"]) == ["Chat WhatsApp con Mamma.txt"]


@pytest.mark.parametrize(
    ("argv", "signum"),
    [
        (["inspect"], signal.SIGTERM),
        (["audit", "--json"], signal.SIGHUP),
        (["audit"], signal.SIGINT),
    ],
)
def test_signal_while_reading_ends_with_its_exit_code(
    sandbox: dict[str, Path], argv: list[str], signum: int
) -> None:
    child = _held_child("read", [*argv, str(sandbox["in"])], sandbox)
    code, err = _signal_and_wait(child, signum)
    assert code == (130 if signum == signal.SIGINT else 128 + signum), err[-2000:]
    _one_line(err)
    assert tree(sandbox["tmp"]) == []


@pytest.mark.parametrize("command", ["csv-folder", "demo"])
def test_sigterm_while_a_folder_is_filled_leaves_no_staging_folder(
    sandbox: dict[str, Path], command: str
) -> None:
    out = sandbox["out"]
    argv = {
        "csv-folder": ["report", str(sandbox["in"]), "--format", "csv", "-o", str(out / "csv")],
        "demo": ["demo", "alex", "-o", str(out / "persona")],
    }[command]
    child = _held_child("folder", argv, sandbox)
    assert any(name.endswith(".part") for name in tree(out))  # held mid-write
    code, err = _signal_and_wait(child, signal.SIGTERM)
    assert code == 143, err[-2000:]
    _one_line(err)
    assert tree(out) == []


@pytest.mark.webengine
@pytest.mark.parametrize(("signum", "expected"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_during_pdf_printing_ends_it_and_leaves_no_html(
    sandbox: dict[str, Path], signum: int, expected: int
) -> None:
    argv = ["report", str(sandbox["in"]), "-o", str(sandbox["out"] / "report.pdf")]
    child = _held_child("pdf", argv, sandbox)
    held = _files_holding(sandbox["tmp"], MARKER.encode())  # while printing
    code, err = _signal_and_wait(child, signum)
    assert code == expected, err[-2000:]
    _one_line(err)
    assert held == [], held  # never a plain-text copy of the report, even while printing
    assert _files_holding(sandbox["tmp"], MARKER.encode()) == []
    assert _files_holding(sandbox["home"], MARKER.encode()) == []
    assert tree(sandbox["out"]) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_parts_of_a_gone_process_are_swept_on_the_next_write(
    sandbox: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = sandbox["out"]
    dead, alive = _dead_pid(), os.getpid()
    stale = [f".report.html.{dead}.k2j4h1zq.part", f".csv.{dead}.ab12cd34.part"]
    kept = [f".report.html.{alive}.zz99yy88.part", ".report.html.notours", "notes.txt"]
    for name in [stale[0], *kept]:
        (out / name).write_text("<html>Giulia Ferraro 333 1234567</html>")
    (out / stale[1]).mkdir()
    (out / stale[1] / "findings.csv").write_text("id\n")
    assert main(["report", str(sandbox["in"]), "-o", str(out / "report.html")]) == 0
    assert sorted(tree(out)) == sorted([*kept, "report.html", stale[1], f"{stale[1]}/findings.csv"])
    assert main(["report", str(sandbox["in"]), "--format", "csv", "-o", str(out / "csv")]) == 0
    assert not (out / stale[1]).exists()


def test_control_the_checks_see_a_planted_part_and_html(sandbox: dict[str, Path]) -> None:
    """Plant the faults the proofs above look for: both are caught."""
    (sandbox["out"] / ".report.html.123.abcdefgh.part").write_text("x")
    assert tree(sandbox["out"]) != []
    (sandbox["tmp"] / "privacy-audit-pdf-x").mkdir()
    (sandbox["tmp"] / "privacy-audit-pdf-x" / "report.html").write_text(f"<p>{MARKER}</p>")
    assert _files_holding(sandbox["tmp"], MARKER.encode()) == ["privacy-audit-pdf-x/report.html"]
