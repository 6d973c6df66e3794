"""A read-only table model over a pandas DataFrame, fast with 100k rows.

``data()`` does one list index and one numpy index: display strings are built once per
column (lazily, vectorised) and the visible rows are an index array into the frame.
Sorting and filtering are done in pandas/numpy on the whole column, then the model is
reset (no ``QSortFilterProxyModel``: it calls ``data()`` millions of times).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from privacy_audit.gui.table_search import TableSearch, table_search
from privacy_audit.gui.table_text import CHUNK, cell_text, display_strings, frame_display

Index = QModelIndex | QPersistentModelIndex

__all__ = ["CHUNK", "DataFrameModel", "display_strings", "frame_display"]


_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class DataFrameModel(QAbstractTableModel):
    """Shows one DataFrame; :meth:`sort` and :meth:`set_filter` work on the whole frame."""

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        header: Callable[[str], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._header = header or (lambda name: name)
        self._frame = pd.DataFrame()
        self._columns: list[str] = []
        self._display: list[Any] = []  # np.ndarray, CodedStrings or None
        self._search: TableSearch | None = None
        self._rows = np.arange(0)
        self._n_rows = 0
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        if frame is not None:
            self.set_frame(frame)

    # --- our API ---------------------------------------------------------------------
    def set_frame(
        self,
        frame: pd.DataFrame,
        display: list[Any] | None = None,
        search: TableSearch | None = None,
    ) -> None:
        """Show ``frame`` (unfiltered, unsorted).

        ``display`` and ``search`` are its display strings (:func:`frame_display`) and
        search (:func:`~privacy_audit.gui.table_search.table_search`) when they were
        prepared off the GUI thread; otherwise they are built when first needed.
        """
        self.beginResetModel()
        index = frame.index
        plain = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
        self._frame = frame if plain else frame.reset_index(drop=True)
        self._columns = [str(c) for c in self._frame.columns]
        if display is not None and len(display) == len(self._columns):
            self._display = list(display)
        else:
            self._display = [None] * len(self._columns)
        self._search = search if search is not None and search.rows == len(frame) else None
        self._needle = ""
        self._sort = None
        self._set_rows(np.arange(len(self._frame)))
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing, and hold no rows of the frame shown before (a new empty frame,
        not a slice of the old one, whose arrays would stay)."""
        self.set_frame(pd.DataFrame())

    def set_header_function(self, header: Callable[[str], str]) -> None:
        """Change how column names are shown (e.g. after a language switch)."""
        self._header = header
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    @property
    def frame(self) -> pd.DataFrame:
        """The whole frame shown (before filtering)."""
        return self._frame

    @property
    def total_rows(self) -> int:
        """Rows in the whole frame."""
        return len(self._frame)

    def visible_frame(self) -> pd.DataFrame:
        """The rows currently shown, in their shown order."""
        return self._frame.iloc[self._rows]

    def set_filter(self, text: str) -> None:
        """Show only rows where some column contains ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        if needle == self._needle:
            return
        self._needle = needle
        self.beginResetModel()
        self._set_rows(self._filtered_rows())
        if self._sort is not None:
            self._set_rows(self._sorted_rows(*self._sort))
        self.endResetModel()

    def _set_rows(self, rows: np.ndarray) -> None:
        self._rows = rows
        self._n_rows = len(rows)

    def _display_column(self, column: int) -> np.ndarray:
        cached = self._display[column]
        if cached is None:
            cached = display_strings(self._frame.iloc[:, column])
            self._display[column] = cached
        return cached

    def _filtered_rows(self) -> np.ndarray:
        if not self._needle:
            return np.arange(len(self._frame))
        if self._search is None:
            columns = [self._display_column(c) for c in range(len(self._columns))]
            self._search = table_search(columns, len(self._frame))
        return self._search.matching_rows(self._needle)

    def _sorted_rows(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        ascending = order == Qt.SortOrder.AscendingOrder
        values = self._frame.iloc[:, column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            return self._sorted_by_text(column, ascending)
        subset = values.iloc[self._rows].reset_index(drop=True)
        positions = subset.sort_values(
            kind="stable", ascending=ascending, na_position="last"
        ).index.to_numpy()
        return self._rows[positions]

    def _sorted_by_text(self, column: int, ascending: bool) -> np.ndarray:
        """Sort by the shown text with numpy (C comparisons); empty cells go last."""
        text = self._display_column(column)[self._rows]
        fixed = np.asarray(text, dtype=str)
        empty = fixed == ""
        order = np.lexsort((fixed, empty))  # by emptiness, then text; stable
        filled = order[: len(order) - int(empty.sum())]
        if not ascending:
            filled = filled[::-1]
        return self._rows[np.concatenate([filled, order[len(filled) :]])]

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Visible rows (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else self._n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the frame."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The display string of one cell."""
        if role != _DISPLAY and role != _TOOLTIP:
            return None
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= self._n_rows or column >= len(self._columns):
            return None
        return cell_text(self._display_column(column)[self._rows[row]])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names (translated by the header function) and row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._header(self._columns[section])
            return None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Cells can be selected, not edited."""
        return _CELL_FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort all visible rows by ``column`` in pandas, then reset."""
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.beginResetModel()
        self._set_rows(self._sorted_rows(column, order))
        self.endResetModel()
