"""Pausing the cyclic garbage collector while big, cycle-free data piles up."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while parsed documents and rows pile up.

    Parsing a big export allocates millions of containers (and lists of millions of
    items) that all stay alive until the file is read; each automatic collection would
    walk them again (about half the parse time of a 100k-row export). Nothing we build
    holds reference cycles, and plain reference counting still frees every document as
    soon as it is read. A collector already off (the GUI holds it off while a task runs)
    stays off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
