"""The core functions the GUI calls, gathered in one injectable object.

The GUI contains no parsing and no rules: it calls these. Tests swap in fakes (a slow
loader to test Cancel, a loader that fails), like Dangerzone's ``Dummy`` isolation
provider. The real functions are imported lazily so start-up stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit.progress import CancelToken, Progress

if TYPE_CHECKING:  # imported by the functions themselves (keeps start-up light)
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.model import Evidence


def _load_evidence(
    paths: Sequence[Path],
    *,
    lang: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Evidence:
    # in a spawned child with memory and time limits: a hostile export ends the child
    from privacy_audit.gui.import_process import load_in_child

    return load_in_child(paths, lang=lang, progress=progress, cancel=cancel)


def _run_audit(
    evidence: Evidence,
    *,
    lang: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> AuditResult:
    from privacy_audit.analysis.audit import run_audit

    return run_audit(evidence, lang=lang, progress=progress, cancel=cancel)


def _score_after_actions(result: AuditResult, finding_ids: set[str]) -> int:
    from privacy_audit.analysis.score import score_after_actions

    return int(score_after_actions(result, finding_ids))


def _render_html(result: AuditResult, *, redact: bool = False) -> str:
    from privacy_audit.report import render_html

    return str(render_html(result, redact=redact))


def _write_report(result: AuditResult, path: Path, fmt: str, redact: bool) -> Path:
    from privacy_audit.report import write_report

    return Path(write_report(result, path, fmt=fmt, redact=redact))


def _demo_paths(persona: str) -> list[Path]:
    from privacy_audit.demo import bundled_persona_paths

    return list(bundled_persona_paths(persona))


def _redact_result(result: AuditResult) -> AuditResult:
    from privacy_audit.report.redact import redact_result

    return redact_result(result)


def _charts(result: AuditResult, tr: Any) -> list[tuple[str, str]]:
    from privacy_audit.gui.charts import report_charts

    return report_charts(result, tr)


@dataclass
class Core:
    """Callables of the headless core (see module docstring)."""

    load_evidence: Callable[..., Evidence] = _load_evidence
    run_audit: Callable[..., AuditResult] = _run_audit
    score_after_actions: Callable[[AuditResult, set[str]], int] = _score_after_actions
    render_html: Callable[..., str] = _render_html
    write_report: Callable[[AuditResult, Path, str, bool], Path] = _write_report
    demo_paths: Callable[[str], list[Path]] = _demo_paths
    charts: Callable[[AuditResult, Any], list[tuple[str, str]]] = _charts
    redact_result: Callable[[AuditResult], AuditResult] = _redact_result

    def imports_in_child(self) -> bool:
        """True when reading, the audit, the redaction and the charts are all the real
        ones: then the whole import runs in the child process
        (:func:`privacy_audit.gui.prepared.prepare_in_child`), not only the reading. A
        core with any of them swapped runs them in this process, each as given."""
        return (
            self.load_evidence is _load_evidence
            and self.run_audit is _run_audit
            and self.redact_result is _redact_result
            and self.charts is _charts
        )
