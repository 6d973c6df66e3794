"""Start-up of the command line, whole process against a bare interpreter.

- ``privacy-audit --help`` (``python -m privacy_audit --help``);
- ``privacy-audit inspect`` of a two-message WhatsApp chat ``.txt``.

Each is timed as a fresh process (best of 5, wall time from spawn to exit), next to
the baseline ``python -c pass`` of the same interpreter in the same run; our bytecode
is written first, as an installed package has it. Targets
(issue 15): inspect of the 2-message chat under 0.3 s; ``--help`` is shown for reference.
The modules each command imports are listed with ``python -X importtime`` by
``python -m tests.benchmarks.bench_startup --imports``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import Row, compile_package

CHAT = "01/02/2024, 10:00 - Anna: ciao\n01/02/2024, 10:01 - Bruno: ciao!\n"
INSPECT_TARGET_S = 0.3
RUNS = 5
COMPILED = "our bytecode written first"


def _best(argv: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def run() -> list[Row]:
    """--help and inspect of a tiny chat, each against ``python -c pass``."""
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        chat = Path(tmp) / "WhatsApp Chat with Anna.txt"
        chat.write_text(CHAT, encoding="utf-8")
        bare = _best([sys.executable, "-c", "pass"])
        help_s = _best([sys.executable, "-m", "privacy_audit", "--help"])
        inspect_s = _best([sys.executable, "-m", "privacy_audit", "inspect", str(chat)])
    print(
        f"startup: python -c pass {bare:.3f} s, --help {help_s:.3f} s, "
        f"inspect of a 2-message chat {inspect_s:.3f} s"
    )
    return [
        Row(
            "privacy-audit --help, whole process",
            help_s,
            "s",
            baseline=bare,
            baseline_name="python -c pass",
            timed=f"wall time of a fresh process, spawn to exit, best of {RUNS}; {COMPILED}",
        ),
        Row(
            "privacy-audit inspect of a 2-message chat, whole process",
            inspect_s,
            "s",
            baseline=bare,
            baseline_name="python -c pass",
            target=f"< {INSPECT_TARGET_S} s",
            met=inspect_s < INSPECT_TARGET_S,
            timed=f"wall time of a fresh process, spawn to exit, best of {RUNS}; {COMPILED}",
        ),
    ]


def imports() -> None:
    """The slowest imports of the tiny inspect, by cumulative time."""
    with tempfile.TemporaryDirectory() as tmp:
        chat = Path(tmp) / "chat.txt"
        chat.write_text(CHAT, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "privacy_audit", "inspect", str(chat)],
            capture_output=True,
            text=True,
            check=True,
        )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    for micros, name in sorted(rows, reverse=True)[:30]:
        print(f"{micros / 1000:8.1f} ms {name}")


if __name__ == "__main__":
    if "--imports" in sys.argv:
        imports()
    else:
        for row in run():
            print(row)
