"""Drawn marks: severity icons (a shape as well as a colour) and service icons.

Severity is never told by colour alone: *high* is a triangle, *medium* a diamond, *low* a
circle and *info* a rounded square, each with its sign inside, in the report's severity
colours of the current theme. Service icons are the service's colour with its initial.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from privacy_audit.gui.theme import Theme

#: sign drawn inside each severity shape
SEVERITY_SIGNS = {"high": "!", "medium": "!", "low": "i", "info": "i"}
#: severity -> shape name (for tests and the legend)
SEVERITY_SHAPES = {"high": "triangle", "medium": "diamond", "low": "circle", "info": "square"}


def _shape(severity: str, size: float) -> QPainterPath:
    path = QPainterPath()
    m = size * 0.06
    s = size - 2 * m
    shape = SEVERITY_SHAPES.get(severity, "square")
    if shape == "triangle":
        path.addPolygon(
            QPolygonF([QPointF(m + s / 2, m), QPointF(m + s, m + s), QPointF(m, m + s)])
        )
        path.closeSubpath()
    elif shape == "diamond":
        c = m + s / 2
        path.addPolygon(
            QPolygonF([QPointF(c, m), QPointF(m + s, c), QPointF(c, m + s), QPointF(m, c)])
        )
        path.closeSubpath()
    elif shape == "circle":
        path.addEllipse(QRectF(m, m, s, s))
    else:
        path.addRoundedRect(QRectF(m, m, s, s), s * 0.22, s * 0.22)
    return path


def _pixmap(size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _sign(painter: QPainter, rect: QRectF, text: str, color: QColor, size: float) -> None:
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(6, round(size)))
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def severity_pixmap(severity: str, theme: Theme, size: int = 18, ratio: float = 2.0) -> QPixmap:
    """The severity mark, ``size`` logical pixels square."""
    pixmap = _pixmap(size, ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    token = severity if severity in SEVERITY_SHAPES else "info"
    painter.fillPath(_shape(severity, size), theme.color(token))
    rect = QRectF(
        0, size * (0.16 if SEVERITY_SHAPES.get(severity) == "triangle" else 0), size, size
    )
    _sign(painter, rect, SEVERITY_SIGNS.get(severity, "i"), theme.color("paper"), size * 0.58)
    painter.end()
    return pixmap


def severity_icon(severity: str, theme: Theme, size: int = 18) -> QIcon:
    """The severity mark as an icon (lists, buttons)."""
    return QIcon(severity_pixmap(severity, theme, size))


def service_pixmap(
    service: str, color: str, size: int = 28, ratio: float = 2.0, initial: str | None = None
) -> QPixmap:
    """A rounded square in the service's colour with its initial."""
    pixmap = _pixmap(size, ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, size, size), size * 0.28, size * 0.28)
    painter.fillPath(path, QColor(color))
    letter = (initial or service[:1] or "?").upper()
    _sign(painter, QRectF(0, 0, size, size), letter, QColor("#ffffff"), size * 0.56)
    painter.end()
    return pixmap


class SeverityBadge(QFrame):
    """The severity mark and its name on the severity's soft colour (a pill)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("severityBadge")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 10, 2)
        layout.setSpacing(6)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("severityText")
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.severity = ""

    def set_severity(self, severity: str, text: str, theme: Theme, size: int = 18) -> None:
        """Show ``severity`` (its shape, colour and the name ``text``)."""
        self.severity = severity
        self.setProperty("severity", severity)
        self.icon.setPixmap(severity_pixmap(severity, theme, size))
        self.text.setText(text)
        self.setAccessibleName(text)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
