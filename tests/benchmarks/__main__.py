"""Run every benchmark, each in a fresh process; print one table, write docs/benchmarks.md."""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks.harness import Row

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent.parent / "docs" / "benchmarks.md"


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


HEADER = (
    "| benchmark | measure | what is timed | ours | baseline | ratio | target | met? | run on |"
)


def _line(name: str, row: Row, day: str) -> str:
    base = f"{_fmt(row.baseline)} {row.unit} ({row.baseline_name})" if row.baseline else "—"
    met = "—" if row.met is None else ("yes" if row.met else "**no**")
    timed = row.timed or "not stated by this run"
    return (
        f"| {name.removeprefix('bench_')} | {row.measure} | {timed} | {_fmt(row.ours)} "
        f"{row.unit} | {base} | {_fmt(row.ratio)} | {row.target} | {met} | {day} |"
    )


def _kept_rows(ran: set[str]) -> list[str]:
    """Rows of docs/benchmarks.md of the benchmarks not run now, with the day they ran."""
    if not DOCS.exists():
        return []
    text = DOCS.read_text(encoding="utf-8")
    old_day = re.search(r"on (\d{4}-\d{2}-\d{2})", text)
    kept = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or cells[0] in ("benchmark", "") or set(cells[0]) <= {"-"}:
            continue
        if f"bench_{cells[0]}" in ran:
            continue
        if len(cells) != 7:
            kept.append(line)  # as written (a sub-row keeps its indent)
            continue
        # the older layout: no "what is timed", no "run on"
        day = old_day.group(1) if old_day else "?"
        cells = [*cells[:2], "not stated by that run", *cells[2:], day]
        kept.append("| " + " | ".join(cells) + " |")
    return kept


def _run_alone(name: str) -> list[Row]:
    """The benchmark ``name`` in a fresh python process, so no state another left in
    this one (a frozen heap, Qt's threads, warm caches) changes its figures."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "rows.json"
        subprocess.run([sys.executable, "-m", "tests.benchmarks", "--alone", name, str(out)])
        if not out.exists():  # it failed, and said why on its output
            return [Row("FAILED (see output)", float("nan"), "")]
        return [Row(**fields) for fields in json.loads(out.read_text(encoding="utf-8"))]


def _alone(name: str, out: Path) -> int:
    """Run one benchmark in this process and write its rows to ``out`` (JSON)."""
    try:
        rows = importlib.import_module(f"tests.benchmarks.{name}").run()
    except Exception:  # a broken benchmark is reported, the others still run
        traceback.print_exc()
        return 1
    out.write_text(json.dumps([dataclasses.asdict(row) for row in rows]), encoding="utf-8")
    return 0


def main() -> int:
    """Run all benchmarks (or those named on the command line), each in a fresh
    process; update docs/benchmarks.md.

    Rows of the benchmarks run now replace theirs; the others are kept with the day they
    were run on.
    """
    if sys.argv[1:2] == ["--alone"]:
        return _alone(sys.argv[2], Path(sys.argv[3]))
    wanted = sys.argv[1:]
    new: list[str] = []
    ran: set[str] = set()
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if wanted and not any(w in name for w in wanted):
            continue
        ran.add(name)
        print(f"running {name} ...", flush=True)
        rows = _run_alone(name)
        load = os.getloadavg()[0]
        day = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {load:.1f}"
        new += [_line(name, row, day) for row in rows]
    lines = [HEADER, "|---|---|---|---|---|---|---|---|---|"]
    lines += sorted([*_kept_rows(ran), *new], key=lambda line: line.split("|")[1].strip())
    machine = f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    table = "\n".join(lines)
    print()
    print("\n".join([HEADER, *new]))
    print(f"\nmachine: {machine}")
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text(
        "# Benchmarks\n\n"
        "`make bench` runs every benchmark; `python -m tests.benchmarks NAME...` runs some and\n"
        "replaces only their rows. Each benchmark runs in a fresh process. Each row says what\n"
        "is timed, when it was run and the machine's 1-minute load average at the end of its\n"
        "benchmark (2 cores; wall times above a load of 2 include waiting for a core); machine\n"
        "of the latest run:\n"
        f"{machine}.\n\n{table}\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
