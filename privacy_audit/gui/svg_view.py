"""An SVG drawn at the width it is given, keeping its proportions (charts, the score gauge)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from privacy_audit.gui.charts import smallest_text, themed_svg
from privacy_audit.gui.theme import MIN_TEXT_PX, Theme


class SvgView(QWidget):
    """Draws one SVG (recoloured for the theme); height follows width."""

    def __init__(self, svg: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svg = svg
        self.renderer = QSvgRenderer(self)
        self.renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.max_width = 0  # 0: as wide as it is given
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        """Recolour for ``theme``."""
        self.renderer.load(QByteArray(themed_svg(self.svg, theme.colors).encode("utf-8")))
        self.updateGeometry()
        self.update()

    @property
    def valid(self) -> bool:
        """True when the SVG could be parsed."""
        return self.renderer.isValid()

    def natural_size(self) -> QSize:
        """The SVG's own size (its viewBox)."""
        size = self.renderer.defaultSize()
        return size if size.width() > 0 and size.height() > 0 else QSize(400, 200)

    def readable_width(self, scale: float = 1.0) -> int:
        """The narrowest width at which its smallest text is at least 12 px x ``scale``."""
        smallest = smallest_text(self.svg) or MIN_TEXT_PX
        return round(self.natural_size().width() * MIN_TEXT_PX * scale / smallest)

    def hasHeightForWidth(self) -> bool:
        """Height follows width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height that keeps the proportions at ``width``."""
        natural = self.natural_size()
        if self.max_width:
            width = min(width, self.max_width)
        return max(1, round(width * natural.height() / natural.width()))

    def sizeHint(self) -> QSize:
        """The natural size."""
        natural = self.natural_size()
        return QSize(natural.width(), self.heightForWidth(natural.width()))

    def minimumSizeHint(self) -> QSize:
        """Small: the layout gives it the width there is."""
        return QSize(120, self.heightForWidth(120))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the SVG, centred, at the largest size that fits."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        natural = self.natural_size()
        width = float(self.width() if not self.max_width else min(self.width(), self.max_width))
        height = width * natural.height() / natural.width()
        if height > self.height():
            height = float(self.height())
            width = height * natural.width() / natural.height()
        x = (self.width() - width) / 2
        self.renderer.render(painter, QRectF(x, 0, width, height))
        painter.end()
