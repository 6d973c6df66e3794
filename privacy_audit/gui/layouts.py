"""Layout helpers shared by the pages: a grid that reflows (as many columns as fit, one
column on a narrow window or projector), a scrolling column, and emptying a layout."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def scroll_column(
    area: QScrollArea, margins: tuple[int, int, int, int], spacing: int | None = None
) -> QVBoxLayout:
    """Make ``area`` a frameless scroll area over a new page that follows its width, and
    return the page's column layout (``margins`` left, top, right, bottom)."""
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    inner = QWidget()
    area.setWidget(inner)
    column = QVBoxLayout(inner)
    column.setContentsMargins(*margins)
    if spacing is not None:
        column.setSpacing(spacing)
    return column


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``; its widgets are deleted."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def columns_for(width: int, min_column: int, spacing: int, most: int) -> int:
    """How many columns of at least ``min_column`` px fit in ``width`` (1 to ``most``)."""
    if min_column <= 0:
        return max(1, most)
    fit = (width + spacing) // (min_column + spacing)
    return max(1, min(most, int(fit)))


class FlowGrid(QWidget):
    """Widgets in rows of as many columns as fit (two columns become one when narrow).

    ``min_column`` 0 means: as wide as the widest widget wants (buttons).
    """

    reflowed = Signal(int)  # the new number of columns

    def __init__(self, min_column: int = 260, most: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.min_column = min_column
        self.most = most
        self.columns = 0
        self.items: list[QWidget] = []
        self.weights: list[int] = []

    def set_widgets(self, widgets: list[QWidget], weights: list[int] | None = None) -> None:
        """Replace the widgets (the old ones are deleted); ``weights`` = column stretches."""
        for widget in self.items:
            if widget not in widgets:
                widget.setParent(None)
                widget.deleteLater()
        self.items = list(widgets)
        self.weights = list(weights or [])
        self.columns = 0
        self._place(force=True)

    def set_min_column(self, min_column: int, most: int | None = None) -> None:
        """Change the narrowest column (e.g. with the type scale) and reflow."""
        self.min_column = min_column
        if most is not None:
            self.most = most
        self._place(force=True)

    def _place(self, *, force: bool = False) -> None:
        width = self.width() if self.isVisible() else max(self.width(), 1)
        most = max(1, min(self.most, len(self.items) or 1))
        min_column = self.min_column or max((w.sizeHint().width() for w in self.items), default=1)
        columns = columns_for(width, min_column, self.grid.horizontalSpacing(), most)
        if columns == self.columns and not force:
            return
        self.columns = columns
        for widget in self.items:
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for index, widget in enumerate(self.items):
            self.grid.addWidget(widget, index // columns, index % columns)
            widget.show()
        for column in range(columns):
            weight = self.weights[column] if columns == len(self.weights) else 1
            self.grid.setColumnStretch(column, weight)
        self.reflowed.emit(columns)

    def refresh(self) -> None:
        """Reflow now (after the widgets' size changed, e.g. a new type scale)."""
        self._place(force=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Reflow when the width changes."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._place()
