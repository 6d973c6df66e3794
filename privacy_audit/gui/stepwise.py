"""Work built a piece at a time, ahead of need, or all at once when it is needed now.

The window builds its result tabs while an import runs, one piece per event-loop turn
(each a few milliseconds), so the GUI thread never stops for the whole of it; when the
tabs are needed before that is done (a result came first), what is left is built at once.
Qt-free: the caller gives :meth:`Stepwise.run_ahead` a way to schedule (a timer) and
calls :meth:`Stepwise.finish` where it needs the work done.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator


class Stepwise:
    """Runs ``pieces()`` (a generator that yields between pieces) once, in steps or at once."""

    def __init__(self, pieces: Callable[[], Iterator[None]]) -> None:
        self._pieces = pieces
        self._running: Generator[None, None, None] | None = None
        self._ahead = False  # a next piece is scheduled
        self.done = False

    def run_ahead(self, schedule: Callable[[Callable[[], None]], None]) -> None:
        """Build the pieces left one at a time, each in a callback given to ``schedule``
        (a zero-delay timer: the event loop runs between two pieces)."""
        if self.done or self._ahead:
            return
        self._ahead = True

        def next_piece() -> None:
            self._ahead = False
            if self.step():
                self.run_ahead(schedule)

        schedule(next_piece)

    def step(self) -> bool:
        """Build the next piece; False once everything is built (or while a piece runs)."""
        if self.done or self._busy():
            return False
        next(self._generator(), None)
        return not self.done

    def finish(self) -> None:
        """Build every piece left, now. A call from inside a piece does nothing (the
        piece that runs is the one building it)."""
        if self.done or self._busy():
            return
        for _ in self._generator():
            pass

    def _busy(self) -> bool:
        return self._running is not None and self._running.gi_running

    def _generator(self) -> Generator[None, None, None]:
        if self._running is None:
            self._running = self._all()
        return self._running

    def _all(self) -> Generator[None, None, None]:
        yield from self._pieces()
        self.done = True
