"""The normalized evidence every importer fills and every analysis reads.

Importers never build DataFrames themselves: they call :meth:`SourceSink.add` with one
row at a time (plain dicts, cheap) and :class:`EvidenceBuilder` turns the rows into
typed pandas tables with fixed columns once all sources are read.

Conventions:
- ``timestamp``/``created_at`` are UTC ``datetime64[ns, UTC]``; importers may pass a
  ``datetime`` (aware or UTC-naive), Unix seconds (int/float) or None.
- phone numbers: importers fill ``phone_raw`` (contacts, messages) or put the raw number
  in ``identifiers.value`` with ``kind="phone"``; :mod:`privacy_audit.phones` fills
  ``phone_e164``/``phone_valid`` for the whole Evidence at the end of loading.
- names are NFC-normalized; emails lower-cased (done here, not in importers).
- ``messages`` holds metadata only, never message text.

pandas is imported only when tables are built: reading an export into the sinks, and
summarising it from its :class:`SourceInfo` (``inspect``), never loads it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from privacy_audit.source_info import SCHEMAS, SERVICES, TABLES, SourceInfo, text_value

if TYPE_CHECKING:  # imported where tables are built (see the module docstring)
    import numpy as np
    import pandas as pd


def empty_table(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table``."""
    from privacy_audit.model_frames import frame_of_rows

    return frame_of_rows(SCHEMAS[table], [])


def clean_text(value: Any) -> str | None:
    """NFC-normalize and strip a text value; empty becomes None."""
    if value is None:
        return None
    if type(value) is str and value.isascii():  # ASCII is always NFC
        return value.strip() or None
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _clean_texts(values: list[Any]) -> list[str | None]:
    """``[clean_text(v) for v in values]``; a column of ASCII strings (or of None) by
    C-level passes."""
    types = set(map(type, values))
    if types == {str} and all(map(str.isascii, values)):  # ASCII is always NFC
        stripped: list[str | None] = list(map(str.strip, values))
        return [s or None for s in stripped] if "" in stripped else stripped
    if types == {type(None)}:
        return list(values)
    return [clean_text(v) for v in values]


def _clean_email(value: Any) -> Any:
    return (str(value).strip().lower() or None) if value else value


def _clean_emails(values: list[Any]) -> list[Any]:
    """``[_clean_email(v) for v in values]`` (a column of None copied)."""
    if set(map(type, values)) == {type(None)}:
        return list(values)
    return [_clean_email(v) for v in values]


#: text columns that :meth:`SourceSink.add` NFC-normalizes and strips
CLEANED = ("name", "sender", "chat", "app", "account", "linked_to")


@dataclass
class Evidence:
    """All tables, plus the list of sources they came from."""

    tables: dict[str, pd.DataFrame]
    sources: list[SourceInfo]
    region: str | None = None  # default phone region used for normalization

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def services(self) -> list[str]:
        """Services present among the sources, in canonical order."""
        present = {s.service for s in self.sources}
        return [s for s in SERVICES if s in present]

    @classmethod
    def empty(cls) -> Evidence:
        """Evidence with no sources and empty tables."""
        return cls({t: empty_table(t) for t in TABLES}, [])


class SourceSink:
    """What an importer writes into: rows for one source, warnings, recognized files."""

    def __init__(self, builder: EvidenceBuilder, info: SourceInfo, index: int = 0) -> None:
        self._builder = builder
        self.info = info
        self._index = index  # position among the builder's sources
        # the lists of ``info`` keep their order; these sets keep 300,000 files O(n)
        self._warned = set(info.warnings)
        self._recognized = set(info.files_recognized)

    def add(self, table: str, **row: Any) -> None:
        """Add one row to ``table``; ``service`` defaults to this source's service."""
        rows = self._builder.rows.get(table)
        if rows is None:
            raise KeyError(f"unknown table {table!r}")
        row.setdefault("service", self.info.service)
        for key in CLEANED:
            if key in row:
                row[key] = clean_text(row[key])
        if row.get("email"):
            row["email"] = str(row["email"]).strip().lower() or None
        rows.append(row)
        self._builder.note_source(table, self._index, 1)
        counts = self.info.tables
        counts[table] = counts.get(table, 0) + 1

    def add_columns(self, table: str, n: int, **columns: Any) -> None:
        """Add ``n`` rows given as columns: each a list of ``n`` values, or one value for
        all rows. The same as ``n`` calls of :meth:`add` (same cleaning, same order
        among the rows of ``table``), without a dict per row: the fast path of importers.
        """
        rows = self._builder.rows.get(table)
        if rows is None:
            raise KeyError(f"unknown table {table!r}")
        if n <= 0:
            return
        for name, values in columns.items():
            if isinstance(values, list) and len(values) != n:
                raise ValueError(f"column {name!r} has {len(values)} values, not {n}")
        columns.setdefault("service", self.info.service)
        for key in CLEANED:
            if key in columns:
                values = columns[key]
                columns[key] = (
                    _clean_texts(values) if isinstance(values, list) else clean_text(values)
                )
        if "email" in columns:
            values = columns["email"]
            columns["email"] = (
                _clean_emails(values) if isinstance(values, list) else _clean_email(values)
            )
        self._builder.chunks[table].append((len(rows), n, columns))
        self._builder.note_source(table, self._index, n)
        counts = self.info.tables
        counts[table] = counts.get(table, 0) + n

    def add_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Add many rows at once (fast path for big chats): columns of ``table``'s schema.

        Missing columns are filled with None; ``service`` defaults to this source's.
        Text columns must already be clean (NFC); times UTC ``datetime64``.
        """
        copied = frame.copy()
        self.add_frame_later(table, len(copied), lambda: copied)

    def add_frame_later(self, table: str, n: int, make: Callable[[], pd.DataFrame]) -> None:
        """:meth:`add_frame` of the ``n`` rows of the new frame ``make()`` returns, called
        only when the tables are built (:meth:`EvidenceBuilder.build`): a summary of the
        sources never pays for the frame, nor for importing pandas."""
        if table not in SCHEMAS:
            raise KeyError(f"unknown table {table!r}")
        self._builder.frames[table].append(_LaterFrame(n, make, self.info.service))
        self._builder.frame_sources[table].append(self._index)
        self.info.tables[table] = self.info.tables.get(table, 0) + n

    def count(self, table: str, n: int) -> None:
        """Count ``n`` rows of ``table`` without keeping them: only for a caller that
        reads the sources and never the tables (``LoadContext.counts_only``); the
        builder then refuses to build."""
        if table not in SCHEMAS:
            raise KeyError(f"unknown table {table!r}")
        self._builder.counted += n
        self.info.tables[table] = self.info.tables.get(table, 0) + n

    def add_many(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Add several rows to ``table``."""
        for row in rows:
            self.add(table, **row)

    def warn(self, message: str) -> None:
        """Record a warning for this source (already in the user's language, no content)."""
        if message not in self._warned:
            self._warned.add(message)
            self.info.warnings.append(message)

    def recognized(self, member: str) -> None:
        """Note that archive member ``member`` was understood."""
        if member not in self._recognized:
            self._recognized.add(member)
            self.info.files_recognized.append(member)


@dataclass(frozen=True)
class _LaterFrame:
    """The rows of :meth:`SourceSink.add_frame_later`, made when the tables are built."""

    n: int
    make: Callable[[], pd.DataFrame]
    service: str

    def frame(self) -> pd.DataFrame:
        """The frame (with ``service`` when it has none); ``n`` rows or an error."""
        frame = self.make()
        if len(frame) != self.n:  # the count is already on the source: it must hold
            raise AssertionError(f"{len(frame)} rows made, {self.n} announced")
        if "service" not in frame:
            frame["service"] = self.service
        return frame


class EvidenceBuilder:
    """Collects rows from every source, then builds typed tables once."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.frames: dict[str, list[_LaterFrame]] = {t: [] for t in TABLES}
        #: column blocks of :meth:`SourceSink.add_columns`: (rows added before, n, columns)
        self.chunks: dict[str, list[tuple[int, int, dict[str, Any]]]] = {t: [] for t in TABLES}
        self.sources: list[SourceInfo] = []
        #: which source added the rows and column blocks of a table: (source, rows) runs
        self.row_sources: dict[str, list[list[int]]] = {t: [] for t in TABLES}
        #: rows counted and not kept (:meth:`SourceSink.count`): then nothing is built
        self.counted = 0
        #: which source added each frame of :meth:`SourceSink.add_frame`
        self.frame_sources: dict[str, list[int]] = {t: [] for t in TABLES}

    def source(self, info: SourceInfo) -> SourceSink:
        """Register a new source and return the sink its importer writes into."""
        self.sources.append(info)
        return SourceSink(self, info, len(self.sources) - 1)

    def note_source(self, table: str, index: int, n: int) -> None:
        """Remember that source ``index`` added the next ``n`` rows of ``table``."""
        runs = self.row_sources[table]
        if runs and runs[-1][0] == index:
            runs[-1][1] += n
        else:
            runs.append([index, n])

    def build(self) -> Evidence:
        """Turn the collected rows into typed tables."""
        if self.counted:  # a bug: a summary's rows were only counted
            raise AssertionError(f"{self.counted} rows were counted, not kept: no tables")
        import pandas as pd

        from privacy_audit.model_frames import conform
        from privacy_audit.model_merge import merge_exports

        tables = {}
        for table in TABLES:
            frame = self._rows_frame(table)
            extra = [conform(SCHEMAS[table], later.frame()) for later in self.frames[table]]
            if extra:
                frame = (
                    pd.concat([frame, *extra], ignore_index=True)
                    if len(frame)
                    else (pd.concat(extra, ignore_index=True) if len(extra) > 1 else extra[0])
                )
            tables[table] = frame
        if len(self.sources) > 1:
            tables = merge_exports(tables, self.sources, self._sources_of_rows(tables))
        return Evidence(tables, list(self.sources))

    def _sources_of_rows(self, tables: dict[str, pd.DataFrame]) -> dict[str, np.ndarray]:
        """Per table, the index of the source of every row (in the built frame's order)."""
        import numpy as np

        out = {}
        for table, frame in tables.items():
            parts = [np.full(n, index, dtype=np.int32) for index, n in self.row_sources[table]]
            parts += [
                np.full(later.n, index, dtype=np.int32)
                for index, later in zip(self.frame_sources[table], self.frames[table], strict=True)
            ]
            owners = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
            if len(owners) != len(frame):  # rows added around the sinks: not attributable
                raise AssertionError(f"{table}: {len(owners)} owners for {len(frame)} rows")
            out[table] = owners
        return out

    def _rows_frame(self, table: str) -> pd.DataFrame:
        """The typed frame of the rows and column blocks of ``table``, in the order added."""
        from privacy_audit.model_frames import frame_of_parts

        schema = SCHEMAS[table]
        total = len(self.rows[table]) + sum(n for _, n, _ in self.chunks[table])
        columns = {column: self._column_parts(table, column) for column in schema}
        return frame_of_parts(schema, total, columns)

    def _column_parts(self, table: str, column: str) -> list[tuple[int, Any]]:
        """One column of the rows and column blocks of ``table``, in the order added, in
        parts: (rows, their values as a list, or one value for all of them)."""
        rows, chunks = self.rows[table], self.chunks[table]
        parts: list[tuple[int, Any]] = []
        start = 0
        for before, n, block in chunks:
            if before > start:
                parts.append((before - start, [row.get(column) for row in rows[start:before]]))
            start = before
            parts.append((n, block.get(column)))
        if len(rows) > start or not parts:
            parts.append((len(rows) - start, [row.get(column) for row in rows[start:]]))
        return parts

    def _column_values(self, table: str, column: str) -> list[Any]:
        """One column of the rows and column blocks of ``table``, in the order added."""
        rows, chunks = self.rows[table], self.chunks[table]
        if not chunks:
            return [row.get(column) for row in rows]
        values: list[Any] = []
        start = 0
        for before, n, block in chunks:
            values.extend(row.get(column) for row in rows[start:before])
            start = before
            value = block.get(column)
            values.extend(value if isinstance(value, list) else [value] * n)
        values.extend(row.get(column) for row in rows[start:])
        return values

    def text_rows(self, table: str, columns: Sequence[str]) -> list[tuple[str | None, ...]]:
        """The text ``columns`` of every row of ``table`` as the built table holds them
        (:func:`~privacy_audit.source_info.text_value`), in its order, without building
        it. Raises ``ValueError`` when frames were added to ``table``: build it instead."""
        if self.frames[table]:
            raise ValueError(f"{table} has frames: build the tables")
        if any(SCHEMAS[table][column] != "str" for column in columns):
            raise ValueError(f"not text columns of {table}: {columns}")
        values = [map(text_value, self._column_values(table, column)) for column in columns]
        return list(zip(*values, strict=True))
