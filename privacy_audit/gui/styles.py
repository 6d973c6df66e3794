"""The window's style sheet: relative type sizes, scaled up for projectors (workshop mode)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

#: type sizes relative to the base font
SIZES = {"heading1": 1.7, "heading2": 1.3, "heading3": 1.1, "scoreValue": 3.6, "dropLabel": 1.3}


def row_height(scale: float = 1.0) -> int:
    """Height of a table row for text at ``scale`` (the style sheet sets the font)."""
    from PySide6.QtGui import QFont, QFontMetrics

    app = QApplication.instance()
    font = QFont(app.font()) if isinstance(app, QApplication) else QFont()
    font.setPointSizeF(base_point_size() * scale)
    return QFontMetrics(font).height() + round(8 * scale)


def base_point_size() -> float:
    """The application's normal font size in points."""
    app = QApplication.instance()
    size = app.font().pointSizeF() if isinstance(app, QApplication) else 10.0
    return size if size > 0 else 10.0


def style_sheet(scale: float = 1.0) -> str:
    """The style sheet for the main window at ``scale`` (1.0 normal, ~1.6 projector)."""
    base = base_point_size() * scale
    rules = [f"QWidget {{ font-size: {base:.1f}pt; }}"]
    for name, factor in SIZES.items():
        rules.append(f"QLabel#{name} {{ font-size: {base * factor:.1f}pt; font-weight: bold; }}")
    if scale > 1.0:
        pad = round(4 * scale)
        rules.append(f"QPushButton {{ padding: {pad}px {pad * 2}px; }}")
        rules.append(f"QTabBar::tab {{ padding: {pad}px {pad * 3}px; }}")
        rules.append(
            "QLabel#workshopBadge { background: #1565c0; color: white; font-weight: bold;"
            f" padding: {pad}px {pad * 2}px; border-radius: {pad}px; }}"
        )
    return "\n".join(rules)
