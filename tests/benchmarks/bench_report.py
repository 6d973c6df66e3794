"""HTML report for a 50k-contact audit: render time and file size (targets < 1 s, < 3 MB).

The input is the synthetic 50,000-contact Evidence of ``bench_audit`` run through the real
``run_audit``; evidence tables in the report are capped (the full data goes to the CSV).
Also measured, without targets: the redacted render (pseudonyms for 50k people) and the
CSV zip with the full contacts table.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from privacy_audit.analysis.audit import run_audit
from privacy_audit.report import render_html, write_report
from tests.benchmarks.bench_audit import synthetic_evidence
from tests.benchmarks.harness import Row, timed

CONTACTS = int(os.environ.get("BENCH_REPORT_CONTACTS", "50000"))
TIME_TARGET_S = 1.0
SIZE_TARGET_MB = 3.0


def run() -> list[Row]:
    """Render the report of a big audit and measure it."""
    result = run_audit(synthetic_evidence(CONTACTS), lang="en")
    label = f"{CONTACTS:,} contacts"
    seconds, page = timed(lambda: render_html(result), repeat=3)
    size_mb = len(page.encode("utf-8")) / 1024 / 1024
    red_seconds, _red = timed(lambda: render_html(result, redact=True), repeat=1)
    with tempfile.TemporaryDirectory() as tmp:
        csv_seconds, path = timed(
            lambda: write_report(result, Path(tmp) / "r.zip", fmt="csv"), repeat=1
        )
        csv_mb = path.stat().st_size / 1024 / 1024
    return [
        Row(
            f"report HTML render, {label}",
            seconds,
            "s",
            target="< 1 s",
            met=seconds < TIME_TARGET_S,
        ),
        Row(
            f"report HTML size, {label}",
            size_mb,
            "MB",
            target="< 3 MB",
            met=size_mb < SIZE_TARGET_MB,
        ),
        Row(f"report HTML render redacted, {label}", red_seconds, "s"),
        Row(f"report CSV zip write (full tables), {label}", csv_seconds, "s"),
        Row(f"report CSV zip size, {label}", csv_mb, "MB"),
    ]


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
