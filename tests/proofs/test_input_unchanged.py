"""The input is never modified: every input file and folder has the same content,
size, mode and modification time after inspect, audit and report — zips, extracted
folders and a lone chat file, also when the inputs are read-only (run as the unprivileged
user ``nobody`` when the tests run as root, who ignores permissions).

Controls: an input touched, rewritten, changed behind an unchanged time, made writable,
or a file added beside it during a run is reported by the same check; and as ``nobody``
a write to a read-only input really fails.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from privacy_audit.cli import main

from .support import FileState, extract, snapshot

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def inputs(demo_copy: list[Path], tmp_path: Path) -> list[Path]:
    """The demo zips, one of them extracted to a folder, and any lone chat file."""
    zips = [p for p in demo_copy if p.suffix == ".zip"]
    others = [p for p in demo_copy if p.suffix != ".zip"]
    assert zips, demo_copy
    folder = extract(zips[0], tmp_path / "extracted" / zips[0].stem)
    return [*zips[1:], folder, *others]


@pytest.fixture
def read_only(inputs: list[Path]) -> Iterator[list[Path]]:
    """Make every input read-only (restored afterwards so tmp_path can be cleaned)."""
    paths = []
    for root in inputs:
        paths.append(root)
        if root.is_dir():
            paths.extend(root.rglob("*"))
    modes = {p: p.stat().st_mode for p in paths}
    for path in sorted(paths, key=lambda p: -len(p.parts)):  # children before parents
        os.chmod(path, modes[path] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield inputs
    for path in sorted(paths, key=lambda p: len(p.parts)):
        os.chmod(path, modes[path])


def _commands(inputs: list[Path], out: Path) -> list[list[str]]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [str(p) for p in inputs]
    return [
        ["inspect", *paths],
        ["inspect", "--json", *paths],
        ["audit", "--json", *paths],
        ["audit", "--lang", "it", *paths],
        ["report", *paths, "-o", str(out / "r.html")],
        ["report", *paths, "-o", str(out / "r.json"), "--redact"],
        ["report", *paths, "-o", str(out / "r.zip")],
    ]


def changes(before: dict[str, FileState], after: dict[str, FileState]) -> list[str]:
    """Every path whose state differs (or that appeared or disappeared)."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def test_inputs_unchanged(
    inputs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    before = snapshot(inputs)
    assert len(before) > len(inputs)  # the folder's files are covered too
    for argv in _commands(inputs, tmp_path / "out"):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert changes(before, snapshot(inputs)) == []


def _touch(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def _rewrite(path: Path) -> None:
    path.write_bytes(path.read_bytes())  # same bytes, new time


def _change_keep_time(path: Path) -> None:
    st = path.stat()
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _make_writable(path: Path) -> None:
    os.chmod(path, path.stat().st_mode | stat.S_IWOTH)


def _lock_beside(path: Path) -> None:
    (path.parent / f".~lock.{path.name}#").write_text("", encoding="utf-8")


FAULTS: dict[str, Callable[[Path], None]] = {
    "touched": _touch,
    "rewritten": _rewrite,
    "changed-same-time": _change_keep_time,
    "made-writable": _make_writable,
    "lock-file-beside": _lock_beside,
}


@pytest.mark.parametrize(
    ("fault", "where"),
    [
        (f, w)
        for f in sorted(FAULTS)
        for w in ("zip", "folder")
        if (f, w) != ("lock-file-beside", "zip")
    ],
)
def test_control_a_changed_input_is_reported(
    inputs: list[Path],
    fault: str,
    where: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The check above catches a run that changes an input (planted while it reads)."""
    from privacy_audit.commands import audit

    if where == "zip":
        target = next(p for p in inputs if p.suffix == ".zip")
    else:
        folder = next(p for p in inputs if p.is_dir())
        target = next(p for p in sorted(folder.rglob("*")) if p.is_file())
    real = audit.load_evidence

    def load_and_plant(*args: object, **kwargs: object) -> object:
        evidence = real(*args, **kwargs)
        FAULTS[fault](target)
        return evidence

    monkeypatch.setattr(audit, "load_evidence", load_and_plant)
    before = snapshot(inputs)
    assert main(["audit", "--json", *map(str, inputs)]) == 0, capsys.readouterr().err
    found = changes(before, snapshot(inputs))
    # a new file beside one in the folder changes the folder's listing
    assert (str(target.parent) if fault == "lock-file-beside" else str(target)) in found


def test_read_only_inputs_are_enough(
    read_only: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Nothing needs to write next to the input (no extraction, no lock files)."""
    if os.geteuid() == 0:
        pytest.skip("root ignores read-only permissions: see the run as nobody below")
    before = snapshot(read_only)
    for argv in _commands(read_only, tmp_path / "out"):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert changes(before, snapshot(read_only)) == []


# -- the read-only variant as an unprivileged user, when the tests run as root ----------
NOBODY = 65534
#: a Python that ``nobody`` may run (the test interpreter may live in root's home)
SYSTEM_PYTHON = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")


@pytest.fixture
def as_nobody() -> Iterator[tuple[Path, Callable[..., subprocess.CompletedProcess[str]]]]:
    """A world-readable sandbox and a runner of ``python -m privacy_audit`` as nobody."""
    if os.geteuid() != 0:
        pytest.skip("not root: the read-only test above runs as this user")
    setpriv = shutil.which("setpriv")
    if setpriv is None or not SYSTEM_PYTHON.exists():
        pytest.skip("needs setpriv and a system Python of the same version")
    site = next(p for p in map(Path, sys.path) if p.name == "site-packages" and p.is_dir())
    root = Path(tempfile.mkdtemp(prefix="privacy-audit-nobody-"))
    os.chmod(root, 0o755)
    home = root / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "TMPDIR": str(home),
            "PRIVACY_AUDIT_HOME": str(home / "app"),
            "PYTHONPATH": f"{REPO}{os.pathsep}{site}",
            "PYTHONDONTWRITEBYTECODE": "1",
            "QT_QPA_PLATFORM": "offscreen",
        }
        ids = [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        return subprocess.run(
            [setpriv, *ids, "--", str(SYSTEM_PYTHON), *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )

    try:
        yield root, run
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _read_only_copy(inputs: list[Path], root: Path) -> list[Path]:
    copies = []
    for path in inputs:
        target = root / "inputs" / path.name
        target.parent.mkdir(exist_ok=True)
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, target)
        copies.append(target)
    for path in sorted((root / "inputs").rglob("*"), key=lambda p: -len(p.parts)):
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    os.chmod(root / "inputs", 0o555)
    return copies


def test_read_only_inputs_are_enough_as_nobody(
    inputs: list[Path], as_nobody: tuple[Path, Callable[..., subprocess.CompletedProcess[str]]]
) -> None:
    """Root ignores permissions, so the commands run as ``nobody`` on read-only inputs."""
    root, run = as_nobody
    copies = _read_only_copy(inputs, root)
    out = root / "home" / "out"
    before = snapshot(copies)
    whoami = run("-c", "import os; print(os.geteuid())")
    assert whoami.stdout.strip() == str(NOBODY), whoami.stderr
    for argv in _commands(copies, out):
        if argv[0] == "report":
            out.mkdir(exist_ok=True)
            os.chown(out, NOBODY, NOBODY)
        done = run("-m", "privacy_audit", *argv)
        assert done.returncode == 0, (argv, done.stderr[-2000:])
    assert changes(before, snapshot(copies)) == []
    assert {p.name for p in out.iterdir()} == {"r.html", "r.json", "r.zip"}


def test_control_as_nobody_a_read_only_input_cannot_be_written(
    inputs: list[Path], as_nobody: tuple[Path, Callable[..., subprocess.CompletedProcess[str]]]
) -> None:
    """The run above would fail if the app wrote to its input or beside it."""
    root, run = as_nobody
    copies = _read_only_copy(inputs, root)
    target = next(p for p in copies if p.is_file())
    for code in (
        f"open({str(target)!r}, 'ab').write(b'x')",
        f"open({str(target.parent / 'lock')!r}, 'w')",
    ):
        done = run("-c", code)
        assert done.returncode != 0 and "PermissionError" in done.stderr, code
