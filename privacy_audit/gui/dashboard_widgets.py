"""The dashboard's building blocks: a report chart under its title, a top-action button
and the card that tells what one service's export contains."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from privacy_audit.gui.marks import service_pixmap
from privacy_audit.gui.svg_view import SvgView
from privacy_audit.gui.theme import Theme
from privacy_audit.gui.widgets import Card, heading, paragraph


class SvgChart(QWidget):
    """A chart from the report (recoloured for the theme) under its title."""

    def __init__(self, title: str, svg: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading(title, 3)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.view = SvgView(svg, theme)
        self.view.setAccessibleName(title)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    @property
    def valid(self) -> bool:
        """True when the SVG could be parsed."""
        return self.view.valid


class ActionButton(QPushButton):
    """A top action: severity mark, the recommendation's title (wrapping), the new score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action")
        self.icon_label = QLabel()
        self.text_label = paragraph()
        self.detail_label = paragraph()
        self.detail_label.setProperty("muted", True)
        for label in (self.icon_label, self.text_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.text_label)
        texts.addWidget(self.detail_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        """As large as its texts."""
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:
        """The texts wrap: narrow is fine."""
        return QSize(160, self.heightForWidth(160))

    def hasHeightForWidth(self) -> bool:
        """The title wraps."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Height of the wrapped texts at ``width``."""
        return self.layout().totalHeightForWidth(width)


class ServiceCard(Card):
    """What one service's export contains, under its icon and name."""

    def __init__(self, service: str, name: str, theme: Theme) -> None:
        super().__init__(name)
        self.service = service
        self.icon = QLabel()
        header = QHBoxLayout()
        self.body.removeWidget(self.title)
        header.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.title, 1)
        self.body.insertLayout(0, header)
        self.set_theme(theme)

    def set_theme(self, theme: Theme, size: int = 28) -> None:
        """Draw the icon (the service's colour does not change with the theme)."""
        from privacy_audit.report.fmt import FALLBACK_COLOR, SERVICE_COLORS

        color = SERVICE_COLORS.get(self.service, FALLBACK_COLOR)
        self.icon.setPixmap(service_pixmap(self.service, color, size))
