"""The ``messages`` table of one Meta service, built column by column.

Every thread file adds its messages to one :class:`MessageColumns` (compact arrays and
short per-thread lists, no frame and no dict per message); :meth:`MessageColumns.flush`
adds them as one frame at the end of the export, made only when the tables are built.
Message kinds are decided then, on whole columns: the reader only notes per message
whether it has text, and where (sparse positions) it is unsent, has media, a ``type``
or a call duration.

Work is bounded by rows as well as bytes: after ``MAX_MESSAGES`` messages in one
export, further messages are counted, not read, and one warning says how many were
left out and in how many files.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from privacy_audit.sources.meta.message_counts import (
    MAX_MILLIS,
    MEDIA_KEYS,
    SYSTEM_TYPES,
    MessageCounts,
    RowSink,
    clean_name,
)

if TYPE_CHECKING:
    import pandas as pd

TEXT, MEDIA, SYSTEM, DELETED = 0, 1, 2, 3
KIND_NAMES = np.array(["text", "media", "system", "deleted"], dtype=object)

#: keys that can make a message anything but text-or-system by its text
KIND_KEYS = MEDIA_KEYS | {"type", "call_duration", "is_unsent", "isUnsent"}

_NUMBERS = frozenset({int, float, type(None)})
_PENDING = 65_536  # raw times converted to an array in batches of this size


def _type_kind(value: Any) -> int | None:
    """The kind a truthy ``type`` field decides (None: it decides nothing)."""
    kind = str(value).lower()
    if kind == "media":
        return MEDIA
    return SYSTEM if kind in SYSTEM_TYPES else None


class MessageColumns(MessageCounts):
    """Messages of every thread of one export (one service), as columns (the cap and
    :meth:`room` of :class:`MessageCounts`)."""

    def __init__(self, cap: int | None = None) -> None:
        super().__init__(cap)
        # per thread
        self.chats: list[str | None] = []
        self.groups: list[bool] = []
        self.files: list[str] = []
        self.counts: list[int] = []
        self.raw_times: list[bool] = []  # True: milliseconds as written, else seconds
        # per message
        self.sender_codes = array("l")
        self.senders: dict[Any, int] = {}  # raw name (or ("clean", name)) -> code
        self.seconds: list[np.ndarray] = []  # times as written, converted in batches
        self._pending: list[Any] = []
        self.has_text = bytearray()
        self.fixed_kinds = bytearray()  # kinds decided by the reader (HTML pages)
        self.decided: list[bool] = []  # per thread: kinds in fixed_kinds
        # sparse: (row, kind) overrides in rising priority
        self.by_call: list[int] = []
        self.by_type: list[tuple[int, int]] = []
        self.by_media: list[int] = []
        self.by_unsent: list[int] = []

    def _thread(self, chat: str | None, group: bool, file: str, n: int, raw: bool) -> int:
        start = self.total
        self.chats.append(chat)
        self.groups.append(group)
        self.files.append(file)
        self.counts.append(n)
        self.raw_times.append(raw)
        self.total += n
        return start

    def _codes(self, names: Sequence[Any]) -> None:
        known = self.senders
        try:
            for name in set(names).difference(known):
                known[name] = len(known)
        except TypeError:  # unhashable garbage where a name should be
            names = [n if type(n) is str else None for n in names]
            for name in set(names).difference(known):
                known[name] = len(known)
        self.sender_codes.extend(map(known.__getitem__, names))

    def _times(self, values: list[Any]) -> None:
        if not _NUMBERS.issuperset(map(type, values)):
            values = [v if type(v) is int or type(v) is float else None for v in values]
        self._pending.extend(values)
        if len(self._pending) >= _PENDING:
            self._convert_pending()

    def _convert_pending(self) -> None:
        if self._pending:
            self.seconds.append(np.array(self._pending, dtype=float))
            self._pending = []

    def add_json_thread(
        self, chat: str | None, group: bool, file: str, messages: list[dict[str, Any]]
    ) -> None:
        """The messages (dicts of a DYI or secure-storage thread file) of one thread."""
        n = len(messages)
        start = self._thread(chat, group, file, n, True)
        self.decided.append(False)
        self._codes([m.get("sender_name") or m.get("senderName") for m in messages])
        self._times([m.get("timestamp_ms") or m.get("timestamp") for m in messages])
        self.has_text.extend(
            [bool(m.get("content") or m.get("text") or m.get("share")) for m in messages]
        )
        # the few messages with a key that can change their kind, each looked at once
        for i in [i for i, m in enumerate(messages) if not KIND_KEYS.isdisjoint(m)]:
            m = messages[i]
            if "call_duration" in m:
                self.by_call.append(start + i)
            value = m.get("type")
            kind = _type_kind(value) if value else None
            if kind is not None:
                self.by_type.append((start + i, kind))
            if not MEDIA_KEYS.isdisjoint(m) and any(m.get(k) for k in MEDIA_KEYS):
                self.by_media.append(start + i)
            if m.get("is_unsent") or m.get("isUnsent"):
                self.by_unsent.append(start + i)

    def add_decided_thread(
        self,
        chat: str | None,
        group: bool,
        file: str,
        senders: list[str | None],
        seconds: list[float | None],
        kinds: list[str],
    ) -> None:
        """A thread whose senders are clean, times in seconds and kinds decided (HTML)."""
        n = len(kinds)
        self._thread(chat, group, file, n, False)
        self.decided.append(True)
        self._codes([("clean", s) for s in senders])
        self._times(list(seconds))
        self.has_text.extend(bytes(n))
        codes = {name: code for code, name in enumerate(KIND_NAMES)}
        self.fixed_kinds.extend(codes[k] for k in kinds)

    def _kinds(self) -> np.ndarray:
        """The kind code of every message, decided on whole columns."""
        kinds = np.where(np.frombuffer(self.has_text, dtype=np.uint8) > 0, TEXT, SYSTEM)
        kinds = kinds.astype(np.int8)
        kinds[np.asarray(self.by_call, dtype=np.int64)] = SYSTEM
        if self.by_type:
            where, value = zip(*self.by_type, strict=True)
            kinds[np.asarray(where, dtype=np.int64)] = np.asarray(value, dtype=np.int8)
        kinds[np.asarray(self.by_media, dtype=np.int64)] = MEDIA
        kinds[np.asarray(self.by_unsent, dtype=np.int64)] = DELETED
        if any(self.decided):
            decided = np.repeat(np.asarray(self.decided), self.counts)
            kinds[decided] = np.frombuffer(self.fixed_kinds, dtype=np.uint8)
        return kinds

    def _seconds(self) -> np.ndarray:
        """Epoch seconds of every message: milliseconds as written are checked as
        ``reader.millis`` checks them (0 and garbage: NaN) and divided by 1000."""
        self._convert_pending()
        times = np.concatenate(self.seconds) if self.seconds else np.zeros(0)
        raw = np.repeat(np.asarray(self.raw_times, dtype=bool), self.counts)
        with np.errstate(invalid="ignore"):
            bad = raw & ~((times > 0) & (times < MAX_MILLIS))
        times[bad] = math.nan
        times[raw] /= 1000.0
        return times

    def _sender_values(self) -> tuple[np.ndarray, np.ndarray]:
        """The distinct clean sender names and every message's code into them."""
        values = np.empty(len(self.senders), dtype=object)
        for key, code in self.senders.items():
            if type(key) is str:
                values[code] = clean_name(key)
            elif type(key) is tuple:
                values[code] = key[1]
            else:
                values[code] = None
        codes = np.frombuffer(self.sender_codes, dtype=f"i{self.sender_codes.itemsize}")
        return values, codes.astype(np.intp)

    def flush(self, sink: RowSink) -> float:
        """Add the one ``messages`` frame to ``sink`` (its row count now, the frame when
        the tables are built, see :meth:`frame`); the newest time (seconds)."""
        if not self.total:
            return 0.0
        seconds = self._seconds()
        sink.add_frame_later("messages", self.total, lambda: self.frame(seconds))
        newest = np.nanmax(seconds) if np.isfinite(seconds).any() else 0.0
        return float(max(newest, 0.0))

    def frame(self, seconds: np.ndarray | None = None) -> pd.DataFrame:
        """The ``messages`` frame of every message added (``seconds``: :meth:`_seconds`).

        Text columns are built from their distinct values (threads, senders, kinds) and
        each message's code, as pandas would infer them from the full object columns.
        """
        import pandas as pd  # only when the tables are built

        from privacy_audit.model_frames import text_column

        if seconds is None:
            seconds = self._seconds()
        counts = self.counts
        thread = np.repeat(np.arange(len(counts), dtype=np.intp), counts)
        senders, sender_codes = self._sender_values()
        return pd.DataFrame(
            {
                "chat": text_column(np.asarray(self.chats, dtype=object), thread),
                "is_group": np.asarray(self.groups, dtype=bool)[thread],
                "sender": text_column(senders, sender_codes),
                "timestamp": pd.to_datetime(seconds, unit="s", utc=True, errors="coerce"),
                "kind": text_column(KIND_NAMES, self._kinds().astype(np.intp)),
                "source_file": text_column(np.asarray(self.files, dtype=object), thread),
            },
            copy=False,  # every column is new here
        )
