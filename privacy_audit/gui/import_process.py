"""Reading exports in a child process, with a memory limit and a time limit.

The window's import job calls :func:`run_in_child` on its worker thread. A *spawned*
child (a fresh interpreter, no copy of the window's state) runs the headless reader
(:func:`load_in_child`: :func:`privacy_audit.pipeline.load_evidence`; the window runs the
whole import there, :mod:`privacy_audit.gui.prepared`) and sends back progress and, at
the end, its result in small messages (:mod:`privacy_audit.gui.child_transport`). The
worker thread only waits on a pipe, so a long C call in a parser can no longer hold the
window's interpreter; and a parser that crashes, runs out of its memory limit
(``RLIMIT_AS`` in the child, on top of what it uses once its modules are loaded) or
runs past the time limit ends the child, not the app: the user gets one clear message.

Cancel crosses the boundary as an event the child checks at every progress report;
a child that does not stop within :data:`CANCEL_GRACE` seconds is killed (it writes
nothing, so there is nothing to clean up).

Qt-free: the caller gives a progress callback and a cancel token like any core function.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy_audit.errors import Cancelled, InputError
from privacy_audit.gui.child_transport import ResultParts, send_result
from privacy_audit.i18n import N_
from privacy_audit.logsafe import log_failure
from privacy_audit.progress import CancelToken, Progress

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event

    from privacy_audit.model import Evidence

log = logging.getLogger(__name__)

#: the reader the child runs, ``module:function`` (tests name their own)
DEFAULT_LOADER = "privacy_audit.pipeline:load_evidence"
#: seconds between two progress messages from the child
PROGRESS_INTERVAL = 0.05
#: seconds a cancelled child has to stop before it is killed
CANCEL_GRACE = 1.0
#: seconds between two looks at the pipe (and at Cancel and the clock) on the worker
POLL = 0.05


@dataclass(frozen=True)
class ChildLimits:
    """How much the child may use. ``memory_mb`` is address space on top of what the
    child uses once its modules are loaded (None: no limit); ``seconds`` is wall time."""

    memory_mb: int | None = 3072
    seconds: float = 30 * 60.0


class ChildStopped(InputError):
    """The child reading the export ended without a result (limit reached or crash)."""


def _memory_error(limits: ChildLimits) -> ChildStopped:
    return ChildStopped(
        N_("Reading this export needed more than the {limit} MB of memory an import may use."),
        hint=N_(
            "Open the exports one at a time, or leave out folders that are not from Meta "
            "or WhatsApp. Your files were not changed."
        ),
        limit=limits.memory_mb,
    )


def _time_error(limits: ChildLimits) -> ChildStopped:
    return ChildStopped(
        N_("Reading this export took longer than the {minutes} minutes an import may take."),
        hint=N_("Open the exports one at a time. Your files were not changed."),
        minutes=max(1, round(limits.seconds / 60)),
    )


def _crash_error() -> ChildStopped:
    return ChildStopped(
        N_("The reader stopped unexpectedly while reading this export."),
        hint=N_("Please report this problem; your files were not changed."),
    )


def load_in_child(
    paths: Sequence[Path],
    *,
    lang: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    limits: ChildLimits | None = None,
    loader: str = DEFAULT_LOADER,
) -> Evidence:
    """``load_evidence(paths, lang=lang)`` run in a spawned child within ``limits``.

    Raises :class:`Cancelled` when ``cancel`` is set, the reader's own
    :class:`InputError` for bad input, and :class:`ChildStopped` when the child ends
    without a result (memory limit, time limit, crash).
    """
    return run_in_child(  # type: ignore[no-any-return]
        loader, paths, lang=lang, progress=progress, cancel=cancel, limits=limits
    )


def run_in_child(
    function: str,
    paths: Sequence[Path],
    *,
    lang: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    limits: ChildLimits | None = None,
    **options: Any,
) -> Any:
    """``function(paths, lang=lang, progress=..., **options)`` (named ``module:function``)
    run in a spawned child within ``limits``; its result comes back in small messages
    (:mod:`privacy_audit.gui.child_transport`). Errors as :func:`load_in_child`."""
    limits = limits or ChildLimits()
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    stop = context.Event()
    memory = limits.memory_mb * 1024 * 1024 if limits.memory_mb else None
    child = context.Process(
        target=child_main,
        args=(send, stop, [str(p) for p in paths], lang, memory, function, _log_level()),
        kwargs={"options": options},
        name="privacy-audit-import",
        daemon=True,
    )
    child.start()
    send.close()  # the child holds the only writing end: EOF when it ends
    try:
        return _wait_for_result(child, receive, stop, progress, cancel, limits)
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)


def _log_level() -> int:
    """The level this process logs the app's records at (the child logs the same)."""
    return logging.getLogger("privacy_audit").getEffectiveLevel()


def _wait_for_result(
    child: Any,
    receive: Connection,
    stop: Event,
    progress: Progress | None,
    cancel: CancelToken | None,
    limits: ChildLimits,
) -> Any:
    deadline = time.monotonic() + limits.seconds
    parts = ResultParts()
    while True:
        if cancel is not None and cancel.cancelled:
            stop.set()
            child.join(CANCEL_GRACE)
            raise Cancelled()
        if time.monotonic() > deadline:
            child.kill()
            raise _time_error(limits)
        try:
            if not receive.poll(POLL):
                continue
            message = receive.recv()
        except (EOFError, OSError):  # the child ended without a result
            child.join(5)
            if child.exitcode == _MEMORY_EXIT:
                raise _memory_error(limits) from None
            log.error("import child ended with exit code %s", child.exitcode)
            raise _crash_error() from None
        kind = message[0]
        if kind == "log":
            _relog(*message[1:])
        elif kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind in ("frame", "series", "array", "chunk"):
            parts.receive(message)
        elif kind == "result":
            return parts.result(message[1])  # type: ignore[no-any-return]
        elif kind == "input_error":
            what, path, hint, params = message[1]
            raise InputError(what, path, hint, **params)
        elif kind == "memory":
            raise _memory_error(limits)
        elif kind == "cancelled":
            raise Cancelled()
        else:  # "failed": a bug in our reader, already logged by the child
            raise _crash_error()


def _relog(name: str, level: int, text: str, exc_text: str | None) -> None:
    """A log record of the child, handled by this process's logging like its own."""
    logger = logging.getLogger(name)
    if logger.isEnabledFor(level):
        record = logging.makeLogRecord(
            {"name": name, "levelno": level, "levelname": logging.getLevelName(level),
             "msg": text, "exc_text": exc_text, "processName": "privacy-audit-import"}
        )  # fmt: skip
        logger.handle(record)


_FORMAT = logging.Formatter()


class _PipeHandler(logging.Handler):
    """Sends the child's log records to the window's process (one log for the app)."""

    def __init__(self, send: Connection) -> None:
        super().__init__()
        self.send = send

    def emit(self, record: logging.LogRecord) -> None:
        """Send ``record`` as plain values (its arguments already merged in)."""
        try:
            exc_text = _FORMAT.formatException(record.exc_info) if record.exc_info else None
            self.send.send(("log", record.name, record.levelno, record.getMessage(), exc_text))
        except (OSError, ValueError, TypeError):
            self.handleError(record)


#: exit code of a child that ran out of memory before it could say so
_MEMORY_EXIT = 3


def _address_space() -> int | None:
    """This process's current virtual memory size in bytes (Linux), or None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _limit_memory(extra: int) -> None:
    """Cap this process's address space at what it uses now plus ``extra`` bytes."""
    try:
        import resource
    except ImportError:  # not on this platform: no limit
        return
    used = _address_space() or 0
    try:
        resource.setrlimit(resource.RLIMIT_AS, (used + extra, used + extra))
    except (ValueError, OSError):
        log.warning("could not limit the import's memory")


def give_back_freed_memory() -> None:
    """Return the memory this process freed to the system, where the C library can
    (glibc's ``malloc_trim``): after reading, much of the child's resident memory is
    freed but kept by the allocator (the parsed documents are gone). Elsewhere (not
    Linux, or a C library without it) there is nothing to do."""
    gc.collect()
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return
    trim(0)


def child_main(
    send: Connection,
    stop: Event,
    paths: list[str],
    lang: str,
    memory: int | None,
    loader: str,
    log_level: int = logging.WARNING,
    options: dict[str, Any] | None = None,
) -> None:
    """The child: load the reader, cap its memory, read, send the result back."""
    options = options or {}
    handler = _PipeHandler(send)
    logging.basicConfig(level=log_level, handlers=[handler], force=True)
    # one thread for numeric libraries: their per-thread arenas would use the budget
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    module, _, function = loader.partition(":")
    load = getattr(importlib.import_module(module), function)
    # the child builds tables: pandas and numpy load before the cap, as the reader's own
    # code does (the core imports them only where tables are made)
    importlib.import_module("privacy_audit.model_frames")
    last = [0.0]

    def report(fraction: float, label: str) -> None:
        if stop.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL or fraction >= 1.0:
            last[0] = now
            send.send(("progress", float(fraction), str(label)))

    if memory:
        _limit_memory(memory)
    try:
        result = load([Path(p) for p in paths], lang=lang, progress=report, **options)
        give_back_freed_memory()  # the window grows while it receives: shrink first
        send_result(send.send, result)
    except Cancelled:
        send.send(("cancelled",))
    except InputError as exc:
        path = str(exc.path) if exc.path is not None else None
        send.send(("input_error", (exc.what, path, exc.hint, exc.params)))
    except MemoryError:
        try:
            send.send(("memory",))
        except MemoryError:
            os._exit(_MEMORY_EXIT)
    except Exception:  # a bug in our reader: logged here, one message for the user
        log_failure(log, "reading the export failed")
        send.send(("failed",))
    finally:
        send.close()
