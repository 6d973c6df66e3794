"""Progress reporting and cancellation for long work (Qt-free).

Long functions take ``progress: Progress | None`` and ``cancel: CancelToken | None``.
The GUI runs them on a worker thread and forwards progress through signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from privacy_audit.errors import Cancelled

#: ``progress(fraction, label)``: fraction in [0, 1], label names the current file/step.
Progress = Callable[[float, str], None]


def no_progress(fraction: float, label: str) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """A thread-safe flag the caller sets and the worker checks between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop as soon as possible."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled()


def check(cancel: CancelToken | None) -> None:
    """Raise :class:`Cancelled` if ``cancel`` is set (None never cancels)."""
    if cancel is not None:
        cancel.raise_if_cancelled()
