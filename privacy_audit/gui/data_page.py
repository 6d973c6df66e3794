"""Data: every Evidence table, browsable, sortable and searchable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.gui.labels import column_name, table_name
from privacy_audit.gui.styles import row_height
from privacy_audit.gui.table_model import DataFrameModel
from privacy_audit.gui.table_search import TableSearch
from privacy_audit.i18n import Translator
from privacy_audit.model import TABLES, Evidence
from privacy_audit.values import number

#: wait this long after the last key press before filtering (typing stays smooth)
SEARCH_DELAY_MS = 250


class DataPage(QSplitter):
    """A list of tables on the left, the chosen table with a search box on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables = QListWidget()
        self.tables.setMaximumWidth(300)
        self.tables.setWordWrap(True)  # a long name wraps instead of being cut
        self.tables.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tables.currentRowChanged.connect(self._table_chosen)
        self.addWidget(self.tables)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(8, 0, 8, 0)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0") * 18)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.model = DataFrameModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(row_height())
        header = self.view.horizontalHeader()
        header.setDefaultSectionSize(170)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.view, 1)
        self.no_match = QLabel()  # an empty search says so instead of an empty grid
        self.no_match.setObjectName("heading3")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        layout.addWidget(self.no_match)
        self.addWidget(right)
        self.setStretchFactor(1, 4)
        self._scale = 1.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.model.modelReset.connect(self._update_count)
        self.evidence: Evidence | None = None
        self._prepared: dict[str, tuple[list[Any], TableSearch]] = {}
        self._names: list[str] = []
        self._tr: Translator | None = None

    def show_evidence(
        self,
        evidence: Evidence,
        display: dict[str, tuple[list[Any], TableSearch]] | None = None,
    ) -> None:
        """Offer every table of ``evidence`` (non-empty ones first).

        ``display``: table -> (display strings, search) prepared on the worker
        (see :mod:`privacy_audit.gui.table_model`).
        """
        self.evidence = evidence
        self._prepared = display or {}
        present = [t for t in TABLES if t in evidence.tables]
        present.sort(key=lambda t: len(evidence.tables[t]) == 0)
        self._names = present
        self._fill_tables()
        self.tables.setCurrentRow(0 if present else -1)

    def forget(self) -> None:
        """Let go of the tables (Close export): no row of them stays in the page."""
        self.evidence = None
        self._prepared = {}
        self._names = []
        self._timer.stop()
        self.search.blockSignals(True)
        self.search.clear()  # what was searched for may be a name
        self.search.blockSignals(False)
        self.model.clear()
        self._fill_tables()

    def select_table(self, name: str) -> None:
        """Show the table called ``name``."""
        if name in self._names:
            self.tables.setCurrentRow(self._names.index(name))

    @property
    def current_table(self) -> str | None:
        """The name of the table shown."""
        row = self.tables.currentRow()
        return self._names[row] if 0 <= row < len(self._names) else None

    def _fill_tables(self) -> None:
        if self._tr is None:
            return
        row = self.tables.currentRow()
        self.tables.blockSignals(True)
        self.tables.clear()
        for name in self._names:
            rows = len(self.evidence.tables[name]) if self.evidence is not None else 0
            label = f"{table_name(self._tr, name)} ({number(rows, self._tr.locale)})"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.tables.addItem(item)
        self.tables.blockSignals(False)
        if 0 <= row < len(self._names):
            self.tables.setCurrentRow(row)

    def _table_chosen(self, row: int) -> None:
        if self.evidence is None or not 0 <= row < len(self._names):
            return
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        name = self._names[row]
        display, search = self._prepared.get(name, (None, None))
        self.model.set_frame(self.evidence.tables[name], display, search)
        self._fit_titles()

    def _fit_titles(self) -> None:
        """Every column at least as wide as its title (bold, as the header draws it)."""
        header = self.view.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        pad = round(28 * self._scale)
        for i in range(header.count()):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal) or "")
            wanted = max(header.defaultSectionSize(), metrics.horizontalAdvance(title) + pad)
            header.resizeSection(i, wanted)

    def _search_changed(self, _text: str) -> None:
        self._timer.start()

    def apply_filter(self) -> None:
        """Filter the table by the search text now (normally after a short pause)."""
        self._timer.stop()
        self.model.set_filter(self.search.text())

    def _update_count(self) -> None:
        if self._tr is None:
            return
        empty = self.model.rowCount() == 0 and self.model.total_rows > 0
        self.no_match.setText(self._tr.gettext("No rows match"))
        self.no_match.setVisible(empty)
        self.view.setVisible(not empty)
        self.count_label.setText(
            self._tr.gettext("{shown} of {total} rows").format(
                shown=number(self.model.rowCount(), self._tr.locale),
                total=number(self.model.total_rows, self._tr.locale),
            )
        )

    def set_scale(self, scale: float) -> None:
        """Row height and column width for type at ``scale`` (projector: larger)."""
        self._scale = scale
        self.view.verticalHeader().setDefaultSectionSize(row_height(scale))
        self.view.horizontalHeader().setDefaultSectionSize(round(170 * scale))
        self.tables.setMaximumWidth(round(300 * scale))
        self.tables.setMinimumWidth(round(220 * scale))  # "Messages (metadata only) (471)"

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        self._tr = tr
        self.search.setPlaceholderText(tr.gettext("Search this table…"))
        self.search.setAccessibleName(tr.gettext("Search this table"))
        self.tables.setAccessibleName(tr.gettext("Tables"))
        self.view.setAccessibleName(tr.gettext("Table rows"))
        self.model.set_header_function(lambda c: column_name(tr, c))
        self._fill_tables()
        self._update_count()
