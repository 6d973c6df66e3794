"""No residue: inspect, audit and report leave no file anywhere but the chosen output.

The commands run in a child process whose temp dir (TMPDIR), app dirs
(PRIVACY_AUDIT_HOME), home folder (HOME, so every XDG default) and working folder are
fresh empty folders; afterwards all of them are still empty, and the output folder
holds exactly the files asked for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .pipeline_run import run_everything
from .support import tree

REPO = Path(__file__).resolve().parents[2]


def _sandbox(root: Path) -> dict[str, Path]:
    dirs = {name: root / name for name in ("tmp", "app_home", "user_home", "cwd", "out")}
    for folder in dirs.values():
        folder.mkdir(parents=True)
    return dirs


def _env(dirs: dict[str, Path]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("XDG_") and k not in ("PYTHONSTARTUP", "PYTHONPYCACHEPREFIX")
    }
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(dirs["tmp"]),
        TEMP=str(dirs["tmp"]),
        TMP=str(dirs["tmp"]),
        PRIVACY_AUDIT_HOME=str(dirs["app_home"]),
        HOME=str(dirs["user_home"]),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(REPO),
    )
    return env


def _run(argv: list[str], dirs: dict[str, Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", *argv],
        cwd=dirs["cwd"],
        env=_env(dirs),
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_commands_leave_nothing_behind(tmp_path: Path, demo_copy: list[Path]) -> None:
    dirs = _sandbox(tmp_path / "sandbox")
    inputs = [str(p) for p in demo_copy]
    out = dirs["out"]
    commands = [
        ["inspect", *inputs],
        ["inspect", "--json", *inputs],
        ["audit", "--json", *inputs],
        ["audit", "--lang", "it", *inputs],
        ["report", *inputs, "-o", str(out / "report.html")],
        ["report", *inputs, "-o", str(out / "redacted.html"), "--redact", "--lang", "it"],
        ["report", *inputs, "-o", str(out / "report.json")],
        ["report", *inputs, "-o", str(out / "report.zip")],
        ["report", *inputs, "-o", str(out / "report.pdf")],
        ["--debug", "audit", "--demo", "alex"],
    ]
    for argv in commands:
        done = _run(argv, dirs)
        assert done.returncode == 0, (argv, done.stderr[-2000:])
    for name in ("tmp", "app_home", "user_home", "cwd"):
        assert tree(dirs[name]) == [], f"{name} was written to"
    written = tree(out)
    for expected in ("report.html", "redacted.html", "report.json", "report.zip", "report.pdf"):
        assert expected in written
    assert not [name for name in written if name.startswith(".") or name.endswith(".tmp")]


def test_a_failed_command_leaves_nothing_behind(tmp_path: Path) -> None:
    """Bad input: exit 2, one line, and no partial output or temp file."""
    dirs = _sandbox(tmp_path / "sandbox")
    bad = tmp_path / "facebook-export.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    done = _run(["report", str(bad), "-o", str(dirs["out"] / "report.html")], dirs)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    for name in dirs:
        assert tree(dirs[name]) == [], f"{name} was written to"


def test_in_process_pipeline_leaves_nothing_behind(
    tmp_path: Path, demo_copy: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    dirs = _sandbox(tmp_path / "sandbox")
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setenv("PRIVACY_AUDIT_HOME", str(dirs["app_home"]))
    monkeypatch.setattr(tempfile, "tempdir", str(dirs["tmp"]))
    monkeypatch.chdir(dirs["cwd"])
    run = run_everything(demo_copy, dirs["out"])
    for name in ("tmp", "app_home", "cwd"):
        assert tree(dirs[name]) == [], f"{name} was written to"
    assert sorted(p.name for p in run.outputs) == sorted(p.name for p in dirs["out"].iterdir())
