"""No residue: inspect, audit and report leave no file anywhere but the chosen output.

The commands run in a child process whose temp dir (TMPDIR), app dirs
(PRIVACY_AUDIT_HOME), home folder (HOME, so every XDG default) and working folder are
fresh empty folders; afterwards all of them are still empty, and the output folder
holds exactly the files asked for.

Controls: a command that leaves a stray file in TMPDIR, in the app's user dirs, in HOME
or in the working folder (planted in the same child process, through the same APIs the
app would use) is reported by the same check, naming the folder.
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


def leftovers(dirs: dict[str, Path]) -> dict[str, list[str]]:
    """The sandbox folders (all but the output) that hold anything, with what they hold."""
    return {
        name: tree(dirs[name])
        for name in ("tmp", "app_home", "user_home", "cwd")
        if tree(dirs[name])
    }


def _run(
    argv: list[str], dirs: dict[str, Path], plant: str = ""
) -> subprocess.CompletedProcess[str]:
    """``privacy-audit argv`` in a child process of the sandbox (``plant``: Python code run
    first in the same process, to leave a planted stray file)."""
    if plant:
        code = (
            f"import sys\n{plant}\nfrom privacy_audit.cli import main\nsys.exit(main(sys.argv[1:]))"
        )
        command = [sys.executable, "-c", code, *argv]
    else:
        command = [sys.executable, "-m", "privacy_audit", *argv]
    return subprocess.run(
        command,
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
    assert leftovers(dirs) == {}
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
    assert leftovers(dirs) == {}
    assert sorted(p.name for p in run.outputs) == sorted(p.name for p in dirs["out"].iterdir())


#: stray files left the way the app could leave them: folder -> code run in the child
PLANTS = {
    "tmp": "import tempfile; tempfile.mkstemp(prefix='stray-')",
    "app_home": (
        "from privacy_audit.paths import AppPaths\n"
        "d = AppPaths.default().cache_dir; d.mkdir(parents=True, exist_ok=True)\n"
        "(d / 'stray.bin').write_bytes(b'x')"
    ),
    "user_home": (
        "import pathlib; d = pathlib.Path.home() / '.cache' / 'privacy-audit'\n"
        "d.mkdir(parents=True); (d / 'stray.bin').write_bytes(b'x')"
    ),
    "cwd": "open('stray.log', 'w').close()",
}


@pytest.mark.parametrize("where", sorted(PLANTS))
def test_control_a_stray_file_is_reported(where: str, tmp_path: Path) -> None:
    """The check above names the folder a command left a file in."""
    dirs = _sandbox(tmp_path / "sandbox")
    done = _run(["audit", "--demo", "alex", "--json"], dirs, plant=PLANTS[where])
    assert done.returncode == 0, done.stderr[-2000:]
    found = leftovers(dirs)
    assert list(found) == [where] and found[where], found


def test_control_a_stray_temp_file_in_process_is_reported(
    tmp_path: Path, demo_copy: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process too: the redirected temp dir is where ``tempfile`` writes."""
    dirs = _sandbox(tmp_path / "sandbox")
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setattr(tempfile, "tempdir", str(dirs["tmp"]))
    monkeypatch.chdir(dirs["cwd"])
    run_everything(demo_copy, None)
    assert leftovers(dirs) == {}
    handle, _name = tempfile.mkstemp(suffix=".part")
    os.close(handle)
    assert list(leftovers(dirs)) == ["tmp"]
