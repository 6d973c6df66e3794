"""Log an unexpected failure without the exception's message.

A bug met while reading an export often carries a value of the export in its message
(``KeyError: 'Giulia Ferraro'``, ``invalid literal for int(): '+39 347...'``), and
``log.exception`` would write it to the log. :func:`log_failure` logs where it failed
(the traceback's frames: our code, never data) and the exception types of the chain,
and leaves every message out.
"""

from __future__ import annotations

import logging
import sys
import traceback


def failure_text(exc: BaseException) -> str:
    """The traceback of ``exc`` (and its causes): frames and exception types, no messages."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(frames.format())
            + f"{type(current).__module__}.{type(current).__qualname__}"
            " (message left out: it may hold personal data)"
        )
        current = current.__cause__ or current.__context__
    return "\nwhile handling, caused by:\n".join(reversed(parts))


def log_failure(logger: logging.Logger, what: str, *args: object) -> None:
    """In an ``except`` block: log ``what`` at ERROR with :func:`failure_text`."""
    exc = sys.exc_info()[1]
    if exc is None:
        logger.error(what, *args)
        return
    logger.error(what + "\n%s", *args, failure_text(exc))
