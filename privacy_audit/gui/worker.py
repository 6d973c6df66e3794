"""Long work off the GUI thread: a pool thread per job, results back through signals.

A job is a plain function ``job(progress, cancel) -> result`` from the core. The
:class:`Task` runs it and emits :class:`WorkerSignals`; it never touches a widget. The
executor is injected (see :class:`ThreadExecutor` and, for tests, :class:`SyncExecutor`).
Cancelling sets the :class:`~privacy_audit.progress.CancelToken`; the core checks it
between chunks, and every progress report checks it too, so work stops quickly.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from privacy_audit.errors import Cancelled, InputError
from privacy_audit.i18n import N_, Translator
from privacy_audit.logsafe import log_failure
from privacy_audit.progress import CancelToken, Progress

log = logging.getLogger(__name__)

Job = Callable[[Progress, CancelToken], Any]

#: at most one progress signal per this many seconds (the GUI repaints at ~20 Hz)
PROGRESS_INTERVAL = 0.05


class WorkerSignals(QObject):
    """What a running task tells the GUI (always delivered on the GUI thread)."""

    progress = Signal(float, str)  # fraction 0..1, label (current file or step)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message for the user, already translated
    cancelled = Signal()


class Task:
    """Runs one job and reports through :attr:`signals`.

    Not a QRunnable: a QRunnable given to ``QThreadPool.start`` is owned by Qt from then
    on, and with auto-delete off its Python side was never freed, nor the job's closure
    (every import's whole result stayed in memory). The pool runs :meth:`run` as a plain
    callable and lets go of it when it returns.
    """

    def __init__(self, job: Job, tr: Translator, name: str = "task") -> None:
        self.job = job
        self.tr = tr
        self.name = name
        self.signals = WorkerSignals()
        self.cancel_token = CancelToken()
        self.done = False
        self._last_emit = 0.0

    def cancel(self) -> None:
        """Ask the job to stop; :attr:`signals` ``cancelled`` follows when it has."""
        self.cancel_token.cancel()

    def _progress(self, fraction: float, label: str) -> None:
        self.cancel_token.raise_if_cancelled()
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL or fraction >= 1.0:
            self._last_emit = now
            self.signals.progress.emit(float(max(0.0, min(1.0, fraction))), str(label))

    def run(self) -> None:
        """Run the job (on a pool thread, or inline with :class:`SyncExecutor`)."""
        try:
            self.cancel_token.raise_if_cancelled()
            result = self.job(self._progress, self.cancel_token)
            self.cancel_token.raise_if_cancelled()
        except Cancelled:
            self._finish(self.signals.cancelled.emit)
        except InputError as exc:
            message = exc.render(self.tr)
            self._finish(lambda: self.signals.failed.emit(message))
        except MemoryError:
            message = self.tr.gettext(N_("There is not enough memory to read this export."))
            self._finish(lambda: self.signals.failed.emit(message))
        except Exception:  # an unexpected failure must not kill the app
            log_failure(log, "%s failed", self.name)
            message = self.tr.gettext(
                N_(
                    "Something went wrong while reading the export. "
                    "Please report this problem; your files were not changed."
                )
            )
            self._finish(lambda: self.signals.failed.emit(message))
        else:
            self._finish(lambda: self.signals.finished.emit(result))

    def _finish(self, emit: Callable[[], None]) -> None:
        self.done = True
        self.job = _spent  # what the job's closure holds (a whole result) is not kept
        emit()


def _spent(_progress: Progress, _cancel: CancelToken) -> Any:
    """The job of a task that has run: a task runs once."""
    raise RuntimeError("this task has already run")


class Executor(Protocol):
    """Starts tasks; the GUI never cares how."""

    def start(self, task: Task) -> None:
        """Run ``task`` (now or later)."""

    def wait(self, msecs: int = -1) -> bool:
        """Wait until every task is done; False on timeout."""


class GuiThreadCollection(QObject):
    """Keeps the cyclic garbage collector off while pool tasks run.

    An automatic collection runs on whichever thread happens to allocate. On a pool
    thread it could finalise Qt wrappers that belong to the GUI thread (a closed
    dialog or window caught in a reference cycle), which crashes Qt. So the collector
    is switched off (on the GUI thread) before a task starts and back on after its last
    signal reached the GUI thread: collections then only ever happen there.

    Everything the task allocated meanwhile waits in the youngest generation; the first
    collection walks all of it (5-10 ms after an import). It runs in an event-loop turn
    of its own, right after the task's signals, not inside whatever the window does next.
    """

    def __init__(self) -> None:
        super().__init__()
        self._holds = 0
        self._was_enabled = False
        self._enabling = False  # back on at the next event-loop turn

    def hold(self) -> None:
        """One more running task (call on the GUI thread)."""
        if self._holds == 0:
            if not self._enabling:
                self._was_enabled = gc.isenabled()
            self._enabling = False
            gc.disable()
        self._holds += 1

    @property
    def holding(self) -> bool:
        """True while at least one task holds the collector off (or it is not on yet)."""
        return self._holds > 0 or self._enabling

    def release(self, *_signal_args: object) -> None:
        """A task has ended; delivered on the GUI thread (this object lives there)."""
        if self._holds == 0:
            return
        self._holds -= 1
        if self._holds == 0 and self._was_enabled:
            self._enabling = True
            QTimer.singleShot(0, self, self._enable)

    def _enable(self) -> None:
        if not self._enabling:  # a new task holds it off again
            return
        self._enabling = False
        gc.collect(0)
        gc.enable()


_COLLECTION: list[GuiThreadCollection] = []


def gui_thread_collection() -> GuiThreadCollection:
    """The process's one :class:`GuiThreadCollection` (made on first use, on the GUI
    thread, and kept for the life of the process, so a release always has a receiver
    even when the executor that started the task is gone)."""
    if not _COLLECTION:
        _COLLECTION.append(GuiThreadCollection())
    return _COLLECTION[0]


def tasks_running() -> bool:
    """True while a pool task holds the collector off (tests wait for this to clear)."""
    return bool(_COLLECTION) and _COLLECTION[0].holding


class ThreadExecutor:
    """Runs tasks on a private QThreadPool (one worker: imports run one at a time)."""

    def __init__(self, max_threads: int = 1) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._running: list[Task] = []
        self.collection = gui_thread_collection()

    def start(self, task: Task) -> None:
        """Queue ``task`` on the pool (the executor keeps it alive until it is done)."""
        self._running = [t for t in self._running if not t.done]
        self._running.append(task)
        self.collection.hold()
        task.signals.finished.connect(self.collection.release)
        task.signals.failed.connect(self.collection.release)
        task.signals.cancelled.connect(self.collection.release)
        self.pool.start(task.run)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the pool to drain."""
        return self.pool.waitForDone(msecs)


class SyncExecutor:
    """Runs each task immediately on the calling thread (tests, scripts)."""

    def start(self, task: Task) -> None:
        """Run ``task`` now."""
        task.run()

    def wait(self, msecs: int = -1) -> bool:
        """Nothing is ever pending."""
        return True
