"""A result sent across the import child's pipe in small messages.

The child's result (an :class:`~privacy_audit.model.Evidence`, or the audited result the
window shows) holds pandas frames of up to hundreds of thousands of rows. Unpickled as
one piece it would be one long C call that holds the window's interpreter. So every
DataFrame, Series and long one-dimensional array in it travels on its own, column by
column in chunks of :data:`CHUNK_ROWS` rows (numpy arrays or pandas' own arrays, dtypes
and index kept), and the rest (a small skeleton that refers to them) as one pickle.

The receiving side joins each column as soon as its last chunk is in and builds each
frame as soon as its last column is, so no step of the reassembly is long either. It
keeps one object for equal strings: the child's tables share theirs (a finding's rows
hold the very names of the contacts table, a column repeats a few values), and every
chunk that crosses the pipe arrives with copies of its own.

Qt-free and pandas-free at import: numpy and pandas load when a result is sent or
received (the child sets its thread count first).
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from typing import Any

#: rows of one column per message: unpickling one is a short C call (about a
#: millisecond), so the window's thread gets the interpreter between two of them
CHUNK_ROWS = 8192

Send = Callable[[tuple[Any, ...]], None]


def _chunks(values: Any) -> int:
    return max(1, -(-len(values) // CHUNK_ROWS))


def _column_values(column: Any) -> Any:
    """numpy-typed columns as numpy arrays, pandas' own types as their arrays."""
    import numpy as np

    return column.to_numpy() if isinstance(column.dtype, np.dtype) else column.array


class _Pickler(pickle.Pickler):
    """Pickles the skeleton; sends every frame, series and long array on its own."""

    def __init__(self, file: io.BytesIO, send: Send) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        import numpy as np
        import pandas as pd

        self._types = (pd.DataFrame, pd.Series, np.ndarray)
        self._send = send
        self._sent: dict[int, int] = {}
        self._alive: list[Any] = []  # keeps ids unique while pickling

    def persistent_id(self, obj: Any) -> Any:
        if not isinstance(obj, self._types):
            return None
        if isinstance(obj, self._types[2]) and (obj.ndim != 1 or len(obj) <= CHUNK_ROWS):
            return None  # short or many-dimensional arrays stay in the skeleton
        key = id(obj)
        if key not in self._sent:
            self._sent[key] = len(self._sent)
            self._alive.append(obj)
            self._send_part(self._sent[key], obj)
        return self._sent[key]

    def _send_part(self, part: int, obj: Any) -> None:
        if hasattr(obj, "columns"):  # a DataFrame
            self._send(("frame", part, obj.columns, obj.index, len(obj)))
            columns = [_column_values(obj.iloc[:, i]) for i in range(obj.shape[1])]
        elif hasattr(obj, "index"):  # a Series
            self._send(("series", part, obj.name, obj.index, len(obj)))
            columns = [_column_values(obj)]
        else:
            self._send(("array", part, None, None, len(obj)))
            columns = [obj]
        for values in columns:
            for start in range(0, max(1, len(values)), CHUNK_ROWS):
                self._send(("chunk", values[start : start + CHUNK_ROWS]))


def send_result(send: Send, result: Any) -> None:
    """Send ``result`` as small messages: its frames in chunks, then its skeleton
    ("result"). :class:`ResultParts` on the other side puts it together again."""
    buffer = io.BytesIO()
    _Pickler(buffer, send).dump(result)
    send(("result", buffer.getvalue()))


def _joined(chunks: list[Any]) -> Any:
    """One column (numpy array or pandas extension array) from its chunks."""
    import numpy as np

    if isinstance(chunks[0], np.ndarray):
        return chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
    return chunks[0] if len(chunks) == 1 else type(chunks[0])._concat_same_type(chunks)


def _share_equal_strings(values: Any, seen: dict[str, str]) -> Any:
    """``values`` (a chunk: numpy or pandas' python-backed string array) with each str
    equal to one in ``seen`` replaced by that one (same value, one object)."""
    import numpy as np
    import pandas as pd

    if isinstance(values, np.ndarray):
        if values.dtype != object:
            return values
    elif not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "python"):
        return values
    shared = np.fromiter(
        (seen.setdefault(v, v) if type(v) is str else v for v in np.asarray(values, dtype=object)),
        dtype=object,
        count=len(values),
    )
    return shared if isinstance(values, np.ndarray) else pd.array(shared, dtype=values.dtype)


def _series(values: Any, **kwargs: Any) -> Any:
    """A Series over ``values`` with their own dtype (object stays object: pandas
    would otherwise infer its string dtype)."""
    import pandas as pd

    return pd.Series(values, dtype=values.dtype, copy=False, **kwargs)


class _Part:
    """One frame, series or array being received."""

    def __init__(self, kind: str, name: Any, index: Any, rows: int, seen: dict[str, str]) -> None:
        self.kind = kind
        self.seen = seen  # the strings received so far
        self.name = name  # the frame's columns or the series' name
        self.index = index
        self.per_column = max(1, -(-rows // CHUNK_ROWS))
        self.columns = len(name) if kind == "frame" else 1
        self.done: list[Any] = []  # joined columns
        self.chunks: list[Any] = []  # of the column being received

    @property
    def complete(self) -> bool:
        return len(self.done) == self.columns

    def add(self, chunk: Any) -> None:
        self.chunks.append(_share_equal_strings(chunk, self.seen))
        if len(self.chunks) == self.per_column:
            self.done.append(_joined(self.chunks))
            self.chunks = []

    def build(self) -> Any:
        import pandas as pd

        if self.kind == "array":
            return self.done[0]
        if self.kind == "series":
            return _series(self.done[0], index=self.index, name=self.name)
        if not self.done:
            return pd.DataFrame(index=self.index, columns=self.name)
        data = {i: _series(values) for i, values in enumerate(self.done)}
        frame = pd.DataFrame(data, copy=False)
        frame.columns = self.name
        frame.index = self.index
        return frame


class ResultParts:
    """The receiving side of :func:`send_result`."""

    def __init__(self) -> None:
        self.parts: dict[int, Any] = {}
        self._current: tuple[int, _Part] | None = None
        self._seen: dict[str, str] = {}  # one object per string value received

    def receive(self, message: tuple[Any, ...]) -> None:
        """Take one "frame", "series", "array" or "chunk" message."""
        if message[0] == "chunk":
            if self._current is None:
                raise ValueError("a chunk came before its frame")
            key, part = self._current
            part.add(message[1])
        else:
            kind, key, name, index, rows = message
            part = _Part(kind, name, index, rows, self._seen)
            self._current = (key, part)
        if part.complete:  # build it now: the work is spread over the transfer
            self.parts[key] = part.build()
            self._current = None

    def result(self, skeleton: bytes) -> Any:
        """The object the child sent (its skeleton with every part put back)."""
        self._seen = {}  # every part is in: the table of strings is no longer needed
        unpickler = pickle.Unpickler(io.BytesIO(skeleton))
        unpickler.persistent_load = self.parts.__getitem__  # type: ignore[assignment]
        return unpickler.load()
