"""Messages of one Meta service counted, not kept: what a summary of an export needs.

``inspect`` shows how many messages an export holds and when it was made, never the
messages themselves. When the caller asks only for that (``LoadContext.counts_only``),
the reader counts each thread's messages in a :class:`MessageCounts` and keeps the
newest time (it may date the export), instead of building the columns of
:class:`~privacy_audit.sources.meta.message_columns.MessageColumns`: no per-message
sender, text or kind, and no numpy. The counts, the cap and the newest time are exactly
those of ``MessageColumns`` (a differential test holds them together).

The constants and the name repair both share live here, free of numpy.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from typing import Any, Protocol

from privacy_audit.i18n import N_
from privacy_audit.sources.text import fix_mojibake

#: messages read per export (per service); the rest is counted and left out
MAX_MESSAGES = 5_000_000
#: greatest epoch milliseconds taken as a time (the year 2100, as ``reader.millis``)
MAX_MILLIS = 4_102_444_800 * 1000

MEDIA_KEYS = frozenset(("photos", "videos", "audio_files", "files", "gifs", "sticker", "media"))
SYSTEM_TYPES = frozenset({"call", "subscribe", "unsubscribe", "placeholder", "system"})

LEFT_OUT = N_(
    "Only the first {cap} messages were read; {skipped} more messages in {files} "
    "conversation files were left out."
)


@lru_cache(maxsize=65536)
def clean_name(value: str) -> str | None:
    """A sender/chat name repaired (mojibake), NFC-normalized and stripped."""
    fixed = unicodedata.normalize("NFC", fix_mojibake(value)).strip()
    return fixed or None


class RowSink(Protocol):
    """Where the messages of an export go (the reader's sink)."""

    def count(self, table: str, n: int) -> None:
        """``n`` rows of ``table`` counted, not kept."""

    def add_frame_later(self, table: str, n: int, make: Any) -> None:
        """``n`` rows of ``table``, made by ``make()`` when the tables are built."""


class MessageCounts:
    """How many messages every thread of one export (one service) has, and the newest
    time among them; the cap of :data:`MAX_MESSAGES` as the columns apply it."""

    def __init__(self, cap: int | None = None) -> None:
        self.cap = MAX_MESSAGES if cap is None else cap
        self.total = 0
        self.left_out = 0
        self.left_out_files = 0
        self._newest = -math.inf  # greatest time seen that is not NaN (seconds)
        self._finite = False  # one time at least is finite

    def room(self, n: int) -> int:
        """How many of ``n`` messages of the next thread are read (the rest is counted)."""
        fits = max(0, min(n, self.cap - self.total))
        if fits < n:
            self.left_out += n - fits
            self.left_out_files += 1
        return fits

    def add_json_thread(
        self, chat: str | None, group: bool, file: str, messages: list[dict[str, Any]]
    ) -> None:
        """The messages (dicts of a DYI or secure-storage thread file) of one thread:
        times in milliseconds, kept when in (0, :data:`MAX_MILLIS`), as the columns do."""
        self.total += len(messages)
        values: list[Any] = [m.get("timestamp_ms") or m.get("timestamp") for m in messages]
        if set(map(type, values)) == {int} and 0 < min(values) and max(values) < MAX_MILLIS:
            best = max(values)  # every time is one (the usual thread): no loop in Python
        else:
            best = 0
            for value in values:
                if (type(value) is int or type(value) is float) and best < value < MAX_MILLIS:
                    best = value
        if best > 0:
            self._note(float(best) / 1000.0)

    def add_decided_thread(
        self,
        chat: str | None,
        group: bool,
        file: str,
        senders: list[str | None],
        seconds: list[float | None],
        kinds: list[str],
    ) -> None:
        """A thread whose times are in seconds (HTML): every number counts, NaN does not."""
        self.total += len(kinds)
        for value in seconds:
            if (type(value) is int or type(value) is float) and not math.isnan(value):
                self._note(float(value))

    def _note(self, seconds: float) -> None:
        self._finite = self._finite or math.isfinite(seconds)
        self._newest = max(self._newest, seconds)

    def flush(self, sink: RowSink) -> float:
        """Count the messages on ``sink``; the newest time (seconds, 0 when none)."""
        if not self.total:
            return 0.0
        sink.count("messages", self.total)
        return max(self._newest, 0.0) if self._finite else 0.0
