"""Run the whole headless pipeline the way the CLI and the GUI do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: report formats written without Qt
HEADLESS_FORMATS = ("html", "json", "csv")


@dataclass
class Run:
    """What one full run produced."""

    evidence: Any
    result: Any
    html: str
    outputs: list[Path]


def run_everything(
    paths: Sequence[Path],
    out_dir: Path | None,
    *,
    lang: str = "en",
    formats: Sequence[str] = HEADLESS_FORMATS,
) -> Run:
    """load_evidence + run_audit + render_html (plain and redacted) + write_report."""
    from privacy_audit.analysis.audit import run_audit
    from privacy_audit.pipeline import load_evidence
    from privacy_audit.report import render_html, write_report

    evidence = load_evidence(list(paths), lang=lang)
    result = run_audit(evidence, lang=lang)
    html = render_html(result)
    render_html(result, redact=True)
    outputs: list[Path] = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for fmt in formats:
            name = "report-csv.zip" if fmt == "csv" else f"report.{fmt}"
            outputs.append(Path(write_report(result, out_dir / name, fmt=fmt)))
        outputs.append(
            Path(write_report(result, out_dir / "report-redacted.html", fmt="html", redact=True))
        )
    return Run(evidence, result, html, outputs)
