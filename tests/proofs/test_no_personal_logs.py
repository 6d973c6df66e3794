"""No personal data in logs: with DEBUG logging on, loading, auditing and reporting the
demo personas logs none of their names, phone numbers, e-mails, IPs or devices (the
values are collected from the loaded Evidence itself). Control: a pipeline that logs a
contact's name is caught by the same check (here for the CLI; in process and for the
desktop app's error paths: test_no_personal_logs_gui.py)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .pipeline_run import run_everything
from .support import DEMO_PERSONAS, demo_inputs, leaked, personal_values

REPO = Path(__file__).resolve().parents[2]


def _values_of(persona: str, tmp_path: Path) -> tuple[list[Path], set[str]]:
    from privacy_audit.pipeline import load_evidence

    inputs = demo_inputs(tmp_path / persona, persona)
    values = personal_values(load_evidence(inputs))
    return inputs, values


@pytest.mark.parametrize("persona", DEMO_PERSONAS)
def test_debug_log_has_no_personal_data(
    persona: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inputs, values = _values_of(persona, tmp_path)
    assert len(values) > 20  # names, numbers, e-mails, IPs, devices were found
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        run_everything(inputs, tmp_path / "out", lang="it")
        run_everything(inputs, None, lang="en")
    records = [r for r in caplog.records if r.name.startswith("privacy_audit")]
    assert records, "the pipeline logged nothing at DEBUG: this proof would be empty"
    text = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert leaked(text, values) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--debug", "inspect", "{inputs}"],
        ["--debug", "audit", "{inputs}", "--lang", "it"],
        ["--debug", "report", "{inputs}", "-o", "{out}/r.html"],
        ["--debug", "report", "{inputs}", "-o", "{out}/r.zip", "--redact"],
    ],
)
def test_cli_debug_output_has_no_personal_data(argv: list[str], tmp_path: Path) -> None:
    inputs, values = _values_of("giulia", tmp_path)
    args: list[str] = []
    for arg in argv:
        if arg == "{inputs}":
            args.extend(str(p) for p in inputs)
        else:
            args.append(arg.format(out=tmp_path))
    done = _cli(args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "DEBUG" in done.stderr  # debug logging really was on
    assert leaked(done.stderr, values) == []


#: run first in the child: the pipeline logs the first contact's name at DEBUG
CHATTY_PIPELINE = """
import logging
import privacy_audit.pipeline as pipeline
real = pipeline.load_evidence
def chatty(*args, **kwargs):
    evidence = real(*args, **kwargs)
    name = evidence.contacts["name"].dropna().iloc[0]
    logging.getLogger("privacy_audit.pipeline").debug("read contact %s", name)
    return evidence
pipeline.load_evidence = chatty
"""


def _cli(args: list[str], plant: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if plant:
        code = (
            f"{plant}\nimport sys\nfrom privacy_audit.cli import main\nsys.exit(main(sys.argv[1:]))"
        )
        command = [sys.executable, "-c", code, *args]
    else:
        command = [sys.executable, "-m", "privacy_audit", *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


def test_control_cli_a_personal_value_in_the_debug_output_is_caught(tmp_path: Path) -> None:
    """The same check finds a contact's name the pipeline logs."""
    inputs, values = _values_of("giulia", tmp_path)
    done = _cli(["--debug", "audit", *map(str, inputs)], plant=CHATTY_PIPELINE)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "read contact" in done.stderr
    assert leaked(done.stderr, values) != []
