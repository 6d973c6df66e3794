"""Run every benchmark, print one table, write docs/benchmarks.md."""

from __future__ import annotations

import importlib
import os
import platform
import re
import sys
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
        if len(cells) == 7:  # the older layout: no "what is timed", no "run on"
            day = old_day.group(1) if old_day else "?"
            cells = [*cells[:2], "not stated by that run", *cells[2:], day]
        kept.append("| " + " | ".join(cells) + " |")
    return kept


def main() -> int:
    """Run all benchmarks (or those named on the command line); update docs/benchmarks.md.

    Rows of the benchmarks run now replace theirs; the others are kept with the day they
    were run on.
    """
    wanted = sys.argv[1:]
    rows: list[tuple[str, Row]] = []
    ran: set[str] = set()
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if wanted and not any(w in name for w in wanted):
            continue
        ran.add(name)
        print(f"running {name} ...", flush=True)
        try:
            module = importlib.import_module(f"tests.benchmarks.{name}")
            for row in module.run():
                rows.append((name, row))
        except Exception:  # a broken benchmark is reported, the others still run
            traceback.print_exc()
            rows.append((name, Row("FAILED (see output)", float("nan"), "")))
    load = os.getloadavg()[0]
    today = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {load:.1f}"
    new = [_line(name, row, today) for name, row in rows]
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
        "replaces only their rows. Each row says what is timed, when it was run and the\n"
        "machine's 1-minute load average at the end of that run (2 cores; wall times above a\n"
        "load of 2 include waiting for a core); machine of the latest run:\n"
        f"{machine}.\n\n{table}\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
