"""Small widgets and helpers shared by the pages (no page logic here)."""

from __future__ import annotations

import base64
import importlib
from importlib import resources

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icons_dir() -> resources.abc.Traversable:
    """The packaged icons folder."""
    return resources.files("privacy_audit") / "resources" / "icons"


def app_icon() -> QIcon:
    """The app icon with every packaged PNG size (crisp at any DPI)."""
    icon = QIcon()
    folder = icons_dir()
    for size in ICON_SIZES:
        png = folder / f"privacy-audit-{size}.png"
        if png.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(png.read_bytes(), "PNG")
            icon.addPixmap(pixmap)
    if icon.isNull():
        svg = folder / "privacy-audit.svg"
        if svg.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(svg.read_bytes(), "SVG")
            icon.addPixmap(pixmap)
    return icon


def heading(text: str = "", level: int = 1) -> QLabel:
    """A bold title label; ``level`` 1 is the largest."""
    label = QLabel(text)
    label.setObjectName(f"heading{level}")  # sized by privacy_audit.gui.styles
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def paragraph(text: str = "", *, rich: bool = False) -> QLabel:
    """A wrapping text label (links open in the system browser when ``rich``)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if rich:
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class Card(QFrame):
    """A framed box with a title and a body layout (drawn by the window's style sheet:
    the report's card)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 12, 14, 12)
        self.title = heading(title, 2)
        self.body.addWidget(self.title)


def escape(text: object) -> str:
    """Escape text for Qt rich-text labels (export content is untrusted)."""
    from html import escape as html_escape

    return html_escape(str(text), quote=True)


def min_size(width: int, height: int) -> QSize:
    """A QSize (shorthand)."""
    return QSize(width, height)


def restore_geometry(widget: QWidget, saved: str) -> bool:
    """Restore a window geometry saved by :func:`saved_geometry`; False if there is none."""
    if not saved:
        return False
    try:
        return bool(widget.restoreGeometry(QByteArray(base64.b64decode(saved))))
    except ValueError:
        return False


def saved_geometry(widget: QWidget) -> str:
    """The window geometry as text for the settings file."""
    return base64.b64encode(bytes(widget.saveGeometry().data())).decode("ascii")


def preload_result_libraries() -> None:
    """Load the Qt libraries of the result pages (call when idle: they take a moment)."""
    for name in ("PySide6.QtSvg", "PySide6.QtSvgWidgets"):
        importlib.import_module(name)
