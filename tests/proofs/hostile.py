"""Build hostile variants of the demo exports and check that the app stays clean."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest

from privacy_audit.cli import main

Members = dict[str, bytes]


# -- the demo exports as editable bytes ---------------------------------------------------
def demo_files(persona: str = "giulia") -> dict[str, bytes]:
    """File name -> bytes of the demo persona's exports (made in memory)."""
    from privacy_audit.demo import persona_files

    return dict(persona_files(persona))


def demo_export(prefix: str, persona: str = "giulia") -> tuple[str, Members]:
    """The demo zip whose name starts with ``prefix`` and its members."""
    for name, data in demo_files(persona).items():
        if name.startswith(prefix) and name.endswith(".zip"):
            return name, unzip(data)
    raise LookupError(prefix)


def unzip(data: bytes) -> Members:
    """Members of a zip given as bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def make_zip(members: Members, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``members``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (parents created) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def zeros_zip(name: str, size: int) -> bytes:
    """A small zip whose member ``name`` inflates to ``size`` zero bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open(name, "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return buffer.getvalue()


def json_paths(data: Any, limit_per_list: int = 2) -> list[tuple[Any, ...]]:
    """Every path into ``data`` (the first items of each list only), parents first."""
    paths: list[tuple[Any, ...]] = [()]
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, node = stack.pop(0)
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node[:limit_per_list]))
        else:
            continue
        for key, child in children:
            paths.append((*path, key))
            stack.append(((*path, key), child))
    return paths


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``data`` with the node at ``path`` replaced by ``value``."""
    if not path:
        return value
    copy = json.loads(json.dumps(data))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


# -- running the app on hostile input -------------------------------------------------------
@dataclass
class Outcome:
    """What one CLI command did."""

    code: int
    out: str
    err: str


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Run ``privacy-audit argv`` in-process; a traceback is a test failure."""
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def assert_clean(outcome: Outcome) -> None:
    """Exit 0, or exit 2 with exactly one line on stderr; never a traceback."""
    assert "Traceback" not in outcome.err, outcome.err[-3000:]
    assert outcome.code in (0, 2), (outcome.code, outcome.err[-3000:])
    if outcome.code == 2:
        lines = [line for line in outcome.err.splitlines() if line.strip()]
        assert len(lines) == 1, outcome.err
        assert lines[0].startswith("privacy-audit: ")


def inspect_and_report(
    paths: list[Path], out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Outcome, Outcome]:
    """``inspect --json`` then ``report`` (import, audit, render, write): both clean,
    the same verdict, and a failed report writes nothing."""
    args = [str(p) for p in paths]
    inspect = cli(["inspect", "--json", *args], capsys)
    assert_clean(inspect)
    if inspect.code == 0:
        json.loads(inspect.out)  # valid JSON, whatever the input
    out_dir.mkdir(parents=True, exist_ok=True)
    report = cli(["report", *args, "-o", str(out_dir / "report.html")], capsys)
    assert_clean(report)
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == (["report.html"] if report.code == 0 else []), written
    assert report.code == inspect.code, (inspect.err, report.err)
    return inspect, report


def load_or_input_error(paths: list[Path], *, audit: bool = False) -> Any:
    """load_evidence (then run_audit + render_html when ``audit``); InputError is the
    only error allowed. Returns the Evidence, or None after an InputError."""
    from privacy_audit.errors import InputError
    from privacy_audit.pipeline import load_evidence

    try:
        evidence = load_evidence(paths)
    except InputError:
        return None
    if audit:
        from privacy_audit.analysis.audit import run_audit
        from privacy_audit.report import render_html

        result = run_audit(evidence)
        render_html(result)
        render_html(result, redact=True)
    return evidence


@contextmanager
def peak_rss() -> Iterator[Callable[[], int]]:
    """Sample this process's resident memory; yields a function giving the peak growth."""
    process = psutil.Process()
    base = process.memory_info().rss
    peak = [base]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            stop.wait(0.005)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield lambda: peak[0] - base
    finally:
        stop.set()
        thread.join()


# -- the rest of the export is read ----------------------------------------------------------
def _rows_by_file(evidence: Any) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for table, frame in evidence.tables.items():
        if "source_file" in frame and len(frame):
            for file, n in frame["source_file"].fillna("").value_counts().items():
                counts[(table, str(file))] = int(n)
    return counts


def assert_member_skipped_rest_read(
    good: Path, bad: Path, member: str, reasons: dict[str, str]
) -> dict[str, int]:
    """``bad`` is ``good`` with ``member`` made hostile. In English and Italian: one warning
    names the member's file and gives the reason (``reasons[lang]``); every other file of
    the export gives exactly the rows it gives in ``good``; the member gives none (when an
    HTML copy of it is read instead, that copy gives at most the member's rows). Returns
    the row counts per table of the hostile export."""
    from privacy_audit.pipeline import load_evidence

    base = member.rsplit("/", 1)[-1]
    counts: dict[str, int] = {}
    for lang in ("en", "it"):
        before = _rows_by_file(load_evidence([good], lang=lang))
        evidence = load_evidence([bad], lang=lang)
        after = _rows_by_file(evidence)
        warnings = [w for source in evidence.sources for w in source.warnings]
        assert [w for w in warnings if base in w and reasons[lang] in w], (lang, warnings)
        ours = {member, base}
        stem = member.rsplit(".", 1)[0]
        twin = {f"{stem}.html", f"{stem}.html".rsplit("/", 1)[-1]}  # its HTML copy, if read
        rest_before = {k: n for k, n in before.items() if k[1] not in ours | twin}
        rest_after = {k: n for k, n in after.items() if k[1] not in ours | twin}
        assert rest_after == rest_before, lang
        assert sum(rest_after.values()) > 0, "the rest of the export has rows"
        assert not {k for k in after if k[1] in ours}, "the skipped file gave rows"
        from_twin = {k[0]: n for k, n in after.items() if k[1] in twin}
        if from_twin:  # the HTML copy was read instead: at most what the JSON gave
            lost = {k[0]: n for k, n in before.items() if k[1] in ours}
            assert all(n <= lost.get(table, 0) for table, n in from_twin.items()), lang
        counts = {table: len(frame) for table, frame in evidence.tables.items()}
    return counts
