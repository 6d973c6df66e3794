"""The long jobs the window runs on its worker: import an export, re-run the audit texts.

Plain functions over the core (see :mod:`privacy_audit.gui.core`); everything heavy is
done off the GUI thread, so the window only swaps finished data in. With the real core
an import (reading, audit, redaction for workshops, charts, the tables' display
strings) runs in a child process (:mod:`privacy_audit.gui.prepared`) and the worker
only receives it; a language switch re-runs the audit on the worker thread.
"""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit.checklist import fingerprint, input_sizes
from privacy_audit.gui.core import Core
from privacy_audit.gui.prepared import (
    ViewData,
    latest_messages,
    prepare_here,
    prepare_in_child,
    prepare_view,
)
from privacy_audit.gui.worker import Job
from privacy_audit.i18n import Translator
from privacy_audit.progress import CancelToken, Progress

if TYPE_CHECKING:  # pandas and the core load on the worker, not on the GUI thread
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.model import Evidence

log = logging.getLogger(__name__)


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


def load_pages(tr: Translator) -> None:
    """Load the result pages' modules (pandas, the report's charts and labels, Babel's
    formats for ``tr``) in this thread: the worker's, never the GUI thread's."""
    first = "privacy_audit.gui.results_view" not in sys.modules
    from privacy_audit.gui.results_view import load_result_modules

    load_result_modules(tr)
    if first:
        # the libraries just loaded (pandas, the pages) live as long as the app: the
        # cyclic collector need not walk their ~100,000 objects again; each collection
        # of them on the GUI thread stopped the window for 30-90 ms
        gc.freeze()


def preload_job(tr: Translator) -> Job:
    """:func:`load_pages` as a job: run while the start screen waits for the user, so
    the first import does not load them (their long C calls hold the interpreter and
    the window would stutter under the progress bar)."""

    def job(progress: Progress, cancel: CancelToken) -> None:
        load_pages(tr)

    return job


def import_job(core: Core, paths: list[Path], tr: Translator, *, redact: bool, demo: bool) -> Job:
    """Read ``paths``, audit them in ``tr``'s language, prepare what the pages show."""

    def job(progress: Progress, cancel: CancelToken) -> ImportOutcome:
        load_pages(tr)  # loaded already unless the import came before the idle preload
        if core.imports_in_child():  # this thread only waits and receives
            done = prepare_in_child(paths, tr, redact=redact, progress=progress, cancel=cancel)
        else:
            done = prepare_here(core, paths, tr, redact=redact, progress=progress, cancel=cancel)
        latest_messages(done.shown.evidence)  # here, not on the GUI thread (dashboard)
        export_id = fingerprint(done.result.evidence.sources, input_sizes(paths))
        return ImportOutcome(
            done.result, done.shown, export_id, paths, demo, done.charts, done.display
        )

    return job


def relabel_job(core: Core, evidence: Evidence, tr: Translator, *, redact: bool) -> Job:
    """Re-run the audit on loaded evidence in ``tr``'s language (after a language switch)."""

    def job(progress: Progress, cancel: CancelToken) -> tuple[AuditResult, AuditResult, ViewData]:
        result = core.run_audit(evidence, lang=tr.lang, progress=progress, cancel=cancel)
        shown = core.redact_result(result) if redact else result
        latest_messages(shown.evidence)  # here, not on the GUI thread (dashboard)
        return result, shown, prepare_view(core.charts, shown, tr)

    return job
