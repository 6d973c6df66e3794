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
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit.i18n import Translator, translator
from privacy_audit.logsafe import log_failure
from privacy_audit.progress import CancelToken, Progress

if TYPE_CHECKING:
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.gui.core import Core
    from privacy_audit.model import Evidence

log = logging.getLogger(__name__)

#: share of the progress bar for reading; the rest is the audit
IMPORT_SHARE = 0.85
#: the function the import child runs (``module:function``)
CHILD_FUNCTION = f"{__name__}:read_and_prepare"

Charts = list[tuple[str, str]]
#: table -> (display strings per column, search); a column's strings are None while
#: the child's result crosses to the window (see :func:`shares_strings`)
Display = dict[str, tuple[list[Any], Any]]
ViewData = tuple[Charts, Display]


@dataclass
class Prepared:
    """The audit of an import and what the pages show of it."""

    result: AuditResult
    shown: AuditResult  # what the pages show: redacted in workshop mode
    charts: Charts
    display: Display  # Data tab: table -> (display strings per column, search)


def column_display(tr: Translator, column: Any, values: Any) -> Any:
    """The Data tab's strings for the column ``column`` of a table (a Series)."""
    from privacy_audit.gui.labels import readable_column
    from privacy_audit.gui.table_text import display_strings

    return readable_column(tr, str(column), display_strings(values))


def shares_strings(values: Any) -> bool:
    """True when the display strings of ``values`` (a Series) are its own str objects or
    a few labels (text, object and boolean columns): quick to build again, and built
    again from the received table they share its strings, where received they would be
    copies. Dates and numbers are new strings, slower to format: they are sent."""
    import pandas as pd

    dtype = values.dtype
    text = pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype)
    return text or pd.api.types.is_bool_dtype(dtype)


def prepare_view(
    charts: Callable[[AuditResult, Translator], Charts],
    shown: AuditResult,
    tr: Translator,
    *,
    leave_shared: bool = False,
) -> ViewData:
    """Charts, table display strings and table searches for ``shown``.

    Display strings are held compactly (:func:`held_strings`); with ``leave_shared``
    those of text and boolean columns are left out (None): the import child's window
    builds them again from the received tables (:func:`rebuild_shared_strings`).
    """
    from privacy_audit.gui.table_search import table_search

    try:
        made = charts(shown, tr)
    except Exception:  # charts are a bonus: never lose the audit over them
        log_failure(log, "charts failed")
        made = []
    display: Display = {}
    for name, frame in shown.evidence.tables.items():
        columns = [column_display(tr, c, frame.iloc[:, i]) for i, c in enumerate(frame.columns)]
        search = table_search(columns, len(frame))
        for i, strings in enumerate(columns):
            values = frame.iloc[:, i]
            left_out = leave_shared and shares_strings(values)
            columns[i] = None if left_out else held_strings(values, strings)
        display[name] = (columns, search)
    return made, display


def held_strings(values: Any, strings: Any) -> Any:
    """How the Data tab holds the display strings of ``values`` (a Series): its own
    strings with at most 256 distinct ones as a byte per row
    (:func:`~privacy_audit.gui.table_text.coded_strings`), new strings of dates and
    numbers as ASCII bytes (:func:`~privacy_audit.gui.table_text.compact_strings`)."""
    from privacy_audit.gui.table_text import coded_strings, compact_strings

    return coded_strings(strings) if shares_strings(values) else compact_strings(strings)


def rebuild_shared_strings(prepared: Prepared, tr: Translator) -> None:
    """Build the display strings the child did not send, from the received tables."""
    for name, (columns, _search) in prepared.display.items():
        frame = prepared.shown.evidence.tables[name]
        for i, strings in enumerate(columns):
            if strings is None:
                values = frame.iloc[:, i]
                columns[i] = held_strings(values, column_display(tr, frame.columns[i], values))


#: the newest message of each service, for the last messages table asked about
_latest: list[tuple[weakref.ref[Any], dict[str, datetime]]] = []


def latest_messages(evidence: Evidence) -> dict[str, datetime]:
    """The newest message time of each service in ``evidence`` (services without a
    dated message are left out).

    Remembered for the last messages table asked about (held weakly): the import and
    relabel jobs ask first, on the worker, so the dashboard's card for a service
    without an export date does not scan a table of 100,000s of messages on the GUI
    thread (5-10 ms, one C call)."""
    messages = evidence.tables.get("messages")
    if messages is None or messages.empty or not {"service", "timestamp"} <= set(messages):
        return {}
    for table, known in _latest:
        if table() is messages:
            return known
    known = _newest_per_service(messages)
    _latest[:] = [(weakref.ref(messages), known)]
    return known


def _newest_per_service(messages: Any) -> dict[str, datetime]:
    """service -> its newest message time, from the messages table (a DataFrame)."""
    import pandas as pd

    newest = messages.groupby("service", observed=True, sort=False)["timestamp"].max()
    return {str(s): t.to_pydatetime(warn=False) for s, t in newest.items() if not pd.isna(t)}


def forget_latest_messages() -> None:
    """Let go of the remembered message times (Close export)."""
    _latest.clear()


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
    tr = translator(lang)
    # the window builds the strings of text columns again, sharing its received strings
    return prepare_here(core, paths, tr, redact=redact, progress=progress, leave_shared=True)


def prepare_here(
    core: Core,
    paths: Sequence[Path],
    tr: Translator,
    *,
    redact: bool,
    progress: Progress,
    cancel: CancelToken | None = None,
    leave_shared: bool = False,
) -> Prepared:
    """The import's steps with ``core``'s functions, in this process (``leave_shared``:
    see :func:`prepare_view`)."""
    reading, auditing = _shares(progress)
    evidence = core.load_evidence(list(paths), lang=tr.lang, progress=reading, cancel=cancel)
    result = core.run_audit(evidence, lang=tr.lang, progress=auditing, cancel=cancel)
    shown = core.redact_result(result) if redact else result
    charts, display = prepare_view(core.charts, shown, tr, leave_shared=leave_shared)
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
    rebuild_shared_strings(prepared, tr)
    return prepared
