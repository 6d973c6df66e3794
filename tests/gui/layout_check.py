"""What a projector audience would notice: a page that needs a horizontal scrollbar, a
label or button narrower than its text (cut off), a wrapped label shorter than its lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    return f"{type(widget).__name__}({widget.objectName() or text[:40]!r})"


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def layout_problems(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` that is cut off or needs sideways scrolling."""
    problems: list[str] = []
    for area in root.findChildren(QScrollArea):
        if not area.isVisible():
            continue
        if area.horizontalScrollBar().isVisible():
            problems.append(f"horizontal scrollbar on {_name(area.widget() or area)}")
        inner = area.widget()
        if inner is not None and inner.width() > area.viewport().width() + 1:
            problems.append(f"{_name(inner)} wider than its page")
    for label in root.findChildren(QLabel):
        if not _shown(label) or not label.text() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        metrics = label.fontMetrics()
        room = label.contentsRect().width() - 2 * label.margin() - label.indent() % 1
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                problems.append(f"{_name(label)} cut at the bottom ({label.height()} < {needed})")
            continue
        widest = max(metrics.horizontalAdvance(line) for line in label.text().split("\n"))
        if widest > room + 1:
            problems.append(f"{_name(label)} narrower than its text ({room} < {widest})")
    for button in root.findChildren(QAbstractButton):
        if not _shown(button) or not button.text():
            continue
        if isinstance(button, (QPushButton, QCheckBox)):
            hint = button.sizeHint().width()
            if button.width() + 1 < hint:
                problems.append(
                    f"{_name(button)} narrower than its text ({button.width()} < {hint})"
                )
    for view in root.findChildren(QTableView):
        if not _shown(view):
            continue
        header = view.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for i in range(header.count()):
            text = str(view.model().headerData(i, Qt.Orientation.Horizontal) or "")
            if text and header.sectionSize(i) < metrics.horizontalAdvance(text):
                problems.append(f"column {text!r} of {_name(view)} narrower than its title")
    for view in root.findChildren(QAbstractScrollArea):
        if isinstance(view, QScrollArea) or not view.isVisible():
            continue
        if view.objectName() == "evidence" and view.verticalScrollBar().isVisible():
            problems.append("the evidence table scrolls inside the page")
    return problems
