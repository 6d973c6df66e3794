"""Termination signals on the command line: clean up, then exit 128 + the signal.

By default SIGTERM and SIGHUP end a process at once, with no ``finally`` run: a
half-written ``.part`` file or a temp folder would stay behind. :func:`handled` turns
them (and SIGINT, Ctrl+C) into exceptions raised in the main thread, so every cleanup
runs; the CLI then exits 143, 129 or 130 with one line. :class:`Terminated` derives from
BaseException, like KeyboardInterrupt: no ``except Exception`` swallows it.

A Qt event loop runs C++ code, where a Python exception cannot be raised. Inside
:func:`deferred` the handlers only record the signal; the loop polls :func:`pending`
(from a timer: Python runs the handlers then), quits, and the caller calls
:func:`raise_pending` once its loop is over and its page disposed.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: the signals turned into exceptions (those this platform has)
SIGNALS: tuple[int, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_state: dict[str, int] = {"deferred": 0}
_pending: list[int] = []


class Terminated(BaseException):
    """The process was asked to stop by ``signum`` (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(signal.Signals(signum).name)


def _exception(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated(signum)


def _handler(signum: int, _frame: FrameType | None) -> None:
    if _state["deferred"]:
        _pending.append(signum)
        return
    raise _exception(signum)


@contextmanager
def handled() -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP raise in the main thread (then restored)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _handler) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
        _pending.clear()


@contextmanager
def deferred() -> Iterator[None]:
    """Within (a Qt event loop): signals are only recorded, see :func:`pending`."""
    _state["deferred"] += 1
    try:
        yield
    finally:
        _state["deferred"] -= 1


def pending() -> bool:
    """True when a signal arrived during :func:`deferred` and was not raised yet."""
    return bool(_pending)


def raise_pending() -> None:
    """Raise the exception of the first signal recorded during :func:`deferred`."""
    if _pending:
        signum = _pending[0]
        _pending.clear()
        raise _exception(signum)


def exit_code(exc: BaseException) -> int:
    """The exit code for an interruption: 130 for Ctrl+C, 128 + signal otherwise."""
    return exc.exit_code if isinstance(exc, Terminated) else 130
