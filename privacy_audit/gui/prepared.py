"""What an import gives the result pages, prepared off the window's interpreter (Qt-free).

Reading the exports, the audit, the redaction for workshops, the charts and the Data
tab's display strings are long pandas work. Done on a worker thread of the window's
process they still hold its interpreter (the GIL) in long C calls, and the window
stutters. With the real core all of it runs in the import child
(:func:`read_and_prepare`, started by :func:`prepare_in_child`); the window's worker
only receives the finished pieces. A core with any step swapped (tests' fakes) runs
the same steps in the window's process (:func:`prepare_here`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit.i18n import Translator, translator
from privacy_audit.logsafe import log_failure
from privacy_audit.progress import CancelToken, Progress

if TYPE_CHECKING:
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.gui.core import Core

log = logging.getLogger(__name__)

#: share of the progress bar for reading; the rest is the audit
IMPORT_SHARE = 0.85
#: the function the import child runs (``module:function``)
CHILD_FUNCTION = f"{__name__}:read_and_prepare"

Charts = list[tuple[str, str]]
Display = dict[str, tuple[list[Any], Any]]
ViewData = tuple[Charts, Display]


@dataclass
class Prepared:
    """The audit of an import and what the pages show of it."""

    result: AuditResult
    shown: AuditResult  # what the pages show: redacted in workshop mode
    charts: Charts
    display: Display  # Data tab: table -> (display strings per column, search text)


def prepare_view(
    charts: Callable[[AuditResult, Translator], Charts], shown: AuditResult, tr: Translator
) -> ViewData:
    """Charts and table display strings for ``shown``."""
    from privacy_audit.gui.labels import readable_column
    from privacy_audit.gui.table_text import frame_display, search_text

    try:
        made = charts(shown, tr)
    except Exception:  # charts are a bonus: never lose the audit over them
        log_failure(log, "charts failed")
        made = []
    display: Display = {}
    for name, frame in shown.evidence.tables.items():
        columns = [
            readable_column(tr, str(column), strings)
            for column, strings in zip(frame.columns, frame_display(frame), strict=True)
        ]
        display[name] = (columns, search_text(columns))
    return made, display


def _shares(progress: Progress) -> tuple[Progress, Progress]:
    """``progress`` split into reading (first :data:`IMPORT_SHARE`) and auditing."""

    def reading(fraction: float, label: str) -> None:
        progress(fraction * IMPORT_SHARE, label)

    def auditing(fraction: float, label: str) -> None:
        progress(IMPORT_SHARE + fraction * (1 - IMPORT_SHARE), label)

    return reading, auditing


def read_and_prepare(
    paths: Sequence[Path], *, lang: str, progress: Progress, redact: bool = False
) -> Prepared:
    """Read, audit, redact (``redact``) and prepare the view: the import child's job."""
    from privacy_audit.gui.core import Core
    from privacy_audit.pipeline import load_evidence

    core = Core(load_evidence=load_evidence)  # read here: this is the child
    return prepare_here(core, paths, translator(lang), redact=redact, progress=progress)


def prepare_here(
    core: Core,
    paths: Sequence[Path],
    tr: Translator,
    *,
    redact: bool,
    progress: Progress,
    cancel: CancelToken | None = None,
) -> Prepared:
    """The import's steps with ``core``'s functions, in this process."""
    reading, auditing = _shares(progress)
    evidence = core.load_evidence(list(paths), lang=tr.lang, progress=reading, cancel=cancel)
    result = core.run_audit(evidence, lang=tr.lang, progress=auditing, cancel=cancel)
    shown = core.redact_result(result) if redact else result
    charts, display = prepare_view(core.charts, shown, tr)
    return Prepared(result, shown, charts, display)


def prepare_in_child(
    paths: Sequence[Path],
    tr: Translator,
    *,
    redact: bool,
    progress: Progress,
    cancel: CancelToken | None = None,
) -> Prepared:
    """:func:`read_and_prepare` in the import child (memory and time limits, see
    :mod:`privacy_audit.gui.import_process`); this thread only receives the result."""
    from privacy_audit.gui.import_process import run_in_child

    prepared = run_in_child(
        CHILD_FUNCTION, paths, lang=tr.lang, progress=progress, cancel=cancel, redact=redact
    )
    if not isinstance(prepared, Prepared):
        raise TypeError("the import child sent something else than a prepared import")
    return prepared
