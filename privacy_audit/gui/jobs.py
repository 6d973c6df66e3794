"""The long jobs the window runs on its worker: import an export, re-run the audit texts.

Plain functions over the core (see :mod:`privacy_audit.gui.core`); everything heavy is
done off the GUI thread, so the window only swaps finished data in: reading the exports
in a child process (:mod:`privacy_audit.gui.import_process`), auditing, redaction for
workshops, charts and display strings of the tables on the worker thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit.checklist import fingerprint, input_sizes
from privacy_audit.gui.core import Core
from privacy_audit.gui.worker import Job
from privacy_audit.i18n import Translator
from privacy_audit.logsafe import log_failure
from privacy_audit.progress import CancelToken, Progress

if TYPE_CHECKING:  # pandas and the core load on the worker, not on the GUI thread
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.model import Evidence

log = logging.getLogger(__name__)

IMPORT_SHARE = 0.85  # of the progress bar for reading; the rest is the audit

ViewData = tuple[list[tuple[str, str]], dict[str, tuple[list[Any], Any]]]


@dataclass
class ImportOutcome:
    """What an import gives the window."""

    result: AuditResult
    shown: AuditResult  # what the pages show: redacted in workshop mode
    export_id: str
    paths: list[Path]
    demo: bool
    charts: list[tuple[str, str]] = field(default_factory=list)
    display: dict[str, tuple[list[Any], Any]] = field(default_factory=dict)  # Data tab


def prepare_view(core: Core, shown: AuditResult, tr: Translator) -> ViewData:
    """Charts and table display strings for ``shown``."""
    from privacy_audit.gui.table_model import frame_display, search_text

    try:
        charts = core.charts(shown, tr)
    except Exception:  # charts are a bonus: never lose the audit over them
        log_failure(log, "charts failed")
        charts = []
    display: dict[str, tuple[list[Any], Any]] = {}
    from privacy_audit.gui.labels import readable_column

    for name, frame in shown.evidence.tables.items():
        columns = [
            readable_column(tr, str(column), strings)
            for column, strings in zip(frame.columns, frame_display(frame), strict=True)
        ]
        display[name] = (columns, search_text(columns))
    return charts, display


def import_job(core: Core, paths: list[Path], tr: Translator, *, redact: bool, demo: bool) -> Job:
    """Read ``paths``, audit them in ``tr``'s language, prepare what the pages show."""

    def job(progress: Progress, cancel: CancelToken) -> ImportOutcome:
        # the result pages' modules load here, not on the GUI thread when the result comes
        import privacy_audit.gui.results_view  # noqa: F401

        def reading(fraction: float, label: str) -> None:
            progress(fraction * IMPORT_SHARE, label)

        def auditing(fraction: float, label: str) -> None:
            progress(IMPORT_SHARE + fraction * (1 - IMPORT_SHARE), label)

        # the real core reads in a child process (gui.import_process): this thread waits
        evidence = core.load_evidence(paths, lang=tr.lang, progress=reading, cancel=cancel)
        result = core.run_audit(evidence, lang=tr.lang, progress=auditing, cancel=cancel)
        export_id = fingerprint(evidence.sources, input_sizes(paths))
        shown = core.redact_result(result) if redact else result
        charts, display = prepare_view(core, shown, tr)
        return ImportOutcome(result, shown, export_id, paths, demo, charts, display)

    return job


def relabel_job(core: Core, evidence: Evidence, tr: Translator, *, redact: bool) -> Job:
    """Re-run the audit on loaded evidence in ``tr``'s language (after a language switch)."""

    def job(progress: Progress, cancel: CancelToken) -> tuple[AuditResult, AuditResult, ViewData]:
        result = core.run_audit(evidence, lang=tr.lang, progress=progress, cancel=cancel)
        shown = core.redact_result(result) if redact else result
        return result, shown, prepare_view(core, shown, tr)

    return job
