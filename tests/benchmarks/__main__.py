"""Run every benchmark, print one table, write docs/benchmarks.md."""

from __future__ import annotations

import importlib
import os
import platform
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


def main() -> int:
    """Run all benchmarks (or those named on the command line)."""
    wanted = sys.argv[1:]
    rows: list[tuple[str, Row]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if wanted and not any(w in name for w in wanted):
            continue
        print(f"running {name} ...", flush=True)
        try:
            module = importlib.import_module(f"tests.benchmarks.{name}")
            for row in module.run():
                rows.append((name, row))
        except Exception:  # a broken benchmark is reported, the others still run
            traceback.print_exc()
            rows.append((name, Row("FAILED (see output)", float("nan"), "")))
    header = "| benchmark | measure | ours | baseline | ratio | target | met? |"
    lines = [header, "|---|---|---|---|---|---|---|"]
    for name, row in rows:
        base = f"{_fmt(row.baseline)} {row.unit} ({row.baseline_name})" if row.baseline else "—"
        met = "—" if row.met is None else ("yes" if row.met else "**no**")
        lines.append(
            f"| {name.removeprefix('bench_')} | {row.measure} | {_fmt(row.ours)} {row.unit} | "
            f"{base} | {_fmt(row.ratio)} | {row.target} | {met} |"
        )
    machine = f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    table = "\n".join(lines)
    print()
    print(table)
    print(f"\nmachine: {machine}")
    if not wanted:
        DOCS.parent.mkdir(exist_ok=True)
        DOCS.write_text(
            "# Benchmarks\n\n"
            f"Run with `make bench` on {datetime.now(UTC):%Y-%m-%d}; machine: {machine}.\n\n"
            f"{table}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
