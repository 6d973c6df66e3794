"""The benchmark protocol: every ``tests/benchmarks/bench_*.py`` has ``run() -> list[Row]``.

``make bench`` (``python -m tests.benchmarks``) runs them all, prints one table
(measure, ours, baseline, ratio, target, met?) and writes ``docs/benchmarks.md``.
"""

from __future__ import annotations

import compileall
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Row:
    """One measured figure, side by side with what it is compared against."""

    measure: str  # what was measured, with the input size
    ours: float
    unit: str  # "s", "ms", "MB", "x" ...
    baseline: float | None = None  # the same work done by the reference, same run
    baseline_name: str = ""  # what the baseline is
    target: str = ""  # human-readable target, e.g. "<= 1.3x baseline"
    met: bool | None = None  # None when there is no target
    #: exactly what runs between the clock reads, for ours and for the baseline (how
    #: often, which clock, warm or cold process); empty: the benchmark does not say yet
    timed: str = ""

    @property
    def ratio(self) -> float | None:
        """ours / baseline (lower is better for times)."""
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline  # type: ignore[operator]


def timed(func: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs (seconds) and the last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: ru_maxrss is KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compile_package() -> None:
    """Write the bytecode of ``privacy_audit`` before a whole-process measure, as an
    installed package has it (pip compiles at install time; the baselines' standard
    library and site-packages have theirs): with ``PYTHONDONTWRITEBYTECODE`` set, a
    fresh process would otherwise compile every module of ours on every run."""
    package = Path(__file__).resolve().parents[2] / "privacy_audit"
    compileall.compile_dir(str(package), quiet=1)
