"""HTML report for a 50k-contact audit: render time and file size (targets < 1 s, < 3 MB).

Two inputs, each run through the real ``run_audit``: the synthetic 50,000-contact Evidence
of ``bench_audit``, and the demo persona "giulia" at ``BENCH_REPORT_DEMO_SCALE`` (default
100) written with ``demo.write_persona`` and imported with the pipeline. Evidence tables in
the report are capped (the full data goes to the CSV).
Also measured, without targets: the redacted render (pseudonyms for 50k people) and the
CSV zip with the full contacts table.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from privacy_audit.analysis.audit import run_audit
from privacy_audit.analysis.result import AuditResult
from privacy_audit.report import render_html, write_report
from tests.benchmarks.bench_audit import synthetic_evidence
from tests.benchmarks.harness import Row, timed

CONTACTS = int(os.environ.get("BENCH_REPORT_CONTACTS", "50000"))
DEMO_SCALE = int(os.environ.get("BENCH_REPORT_DEMO_SCALE", "100"))
TIME_TARGET_S = 1.0
SIZE_TARGET_MB = 3.0


WALL = "wall time, same process, warm"


def _measure(result: AuditResult, label: str) -> list[Row]:
    seconds, page = timed(lambda: render_html(result), repeat=3)
    size_mb = len(page.encode("utf-8")) / 1024 / 1024
    red_seconds, _red = timed(lambda: render_html(result, redact=True), repeat=1)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        csv_seconds, path = timed(lambda: write_report(result, out / "r.zip", fmt="csv"), 1)
        csv_mb = path.stat().st_size / 1024 / 1024
        red_csv_seconds, _ = timed(
            lambda: write_report(result, out / "red.zip", fmt="csv", redact=True), 1
        )
        json_seconds, path = timed(lambda: write_report(result, out / "r.json", fmt="json"), 1)
        json_mb = path.stat().st_size / 1024 / 1024
    return [
        Row(
            f"report HTML render, {label}",
            seconds,
            "s",
            target="< 1 s",
            met=seconds < TIME_TARGET_S,
            timed=f"report.render_html(result), best of 3, {WALL}",
        ),
        Row(
            f"report HTML size, {label}",
            size_mb,
            "MB",
            target="< 3 MB",
            met=size_mb < SIZE_TARGET_MB,
            timed="size of the rendered page (UTF-8)",
        ),
        Row(
            f"report HTML render redacted, {label}",
            red_seconds,
            "s",
            timed=f"render_html(result, redact=True) incl. the redacted copy, 1 run, {WALL}",
        ),
        Row(
            f"report CSV zip write (every finding row, every table), {label}",
            csv_seconds,
            "s",
            timed=f"write_report(result, r.zip, csv), 1 run, {WALL}",
        ),
        Row(
            f"report CSV zip write redacted (every row and table redacted), {label}",
            red_csv_seconds,
            "s",
            timed=f"write_report(result, r.zip, csv, redact=True), 1 run, {WALL}",
        ),
        Row(f"report CSV zip size, {label}", csv_mb, "MB", timed="size of the zip written"),
        Row(
            f"report JSON write (every finding row, every table), {label}",
            json_seconds,
            "s",
            timed=f"write_report(result, r.json, json), 1 run, {WALL}",
        ),
        Row(f"report JSON size, {label}", json_mb, "MB", timed="size of the file written"),
    ]


def run() -> list[Row]:
    """Render the report of two big audits and measure it."""
    rows = _measure(
        run_audit(synthetic_evidence(CONTACTS), lang="en"), f"synthetic {CONTACTS:,} contacts"
    )
    if DEMO_SCALE > 0:
        from privacy_audit import demo
        from privacy_audit.pipeline import load_evidence

        with tempfile.TemporaryDirectory() as tmp:
            paths = demo.write_persona("giulia", Path(tmp), scale=DEMO_SCALE)
            evidence = load_evidence(paths, lang="it")
        label = f"demo giulia scale {DEMO_SCALE} ({len(evidence.contacts):,} contacts)"
        rows += _measure(run_audit(evidence, lang="it"), label)
    return rows


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
