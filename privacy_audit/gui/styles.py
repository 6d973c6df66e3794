"""The window's Qt style sheet, built from the design tokens (:mod:`privacy_audit.gui.theme`).

One place for the look of every page: cards, headings, buttons, tabs, tables, the drop
zone, badges. Sizes are in pixels times ``scale`` (1.0 normal; larger for projectors in
workshop mode and for the zoom steps), so nothing is ever smaller than
:data:`~privacy_audit.gui.theme.MIN_TEXT_PX` at 100 %.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from privacy_audit.gui.theme import BASE_PX, MIN_TEXT_PX, RADIUS, TYPE_SCALE, Theme, themes

#: kept for callers that size text relative to the base font
SIZES = TYPE_SCALE


def text_px(scale: float = 1.0, factor: float = 1.0) -> int:
    """Pixel size of text at ``scale`` (never under the minimum)."""
    return max(round(MIN_TEXT_PX * scale), round(BASE_PX * scale * factor))


def row_height(scale: float = 1.0) -> int:
    """Height of a table row for text at ``scale`` (the style sheet sets the font)."""
    from PySide6.QtGui import QFont, QFontMetrics

    app = QApplication.instance()
    font = QFont(app.font()) if isinstance(app, QApplication) else QFont()
    font.setPixelSize(text_px(scale))
    return QFontMetrics(font).height() + round(10 * scale)


def base_point_size() -> float:
    """The application's normal font size in points."""
    app = QApplication.instance()
    size = app.font().pointSizeF() if isinstance(app, QApplication) else 10.0
    return size if size > 0 else 10.0


def style_sheet(scale: float = 1.0, theme: Theme | None = None) -> str:
    """The style sheet for the main window at ``scale`` in ``theme`` (light by default)."""
    t = theme or themes()["light"]
    base = text_px(scale)
    small = text_px(scale, TYPE_SCALE["small"])

    def px(value: float) -> int:
        return max(1, round(value * scale))

    card, box, control = (px(RADIUS[k]) for k in ("card", "box", "control"))
    rules = [
        f"QWidget {{ font-size: {base}px; }}",
        f"QMainWindow, QDialog, QMessageBox, QStackedWidget, QScrollArea,"
        f" QScrollArea > QWidget > QWidget, QTabWidget::pane {{ background: {t['bg']}; }}",
        f"QLabel {{ color: {t['ink']}; background: transparent; }}",
        f'QLabel[muted="true"] {{ color: {t["muted"]}; font-size: {small}px; }}',
    ]
    for name, factor in TYPE_SCALE.items():
        if name.startswith("heading") or name in ("scoreValue", "dropLabel"):
            size = text_px(scale, factor)
            rules.append(f"QLabel#{name} {{ font-size: {size}px; font-weight: 700; }}")
    rules += [
        f"QFrame#card {{ background: {t['paper']}; border: 1px solid {t['line']};"
        f" border-radius: {card}px; }}",
        "QFrame#card QLabel { background: transparent; }",
        f"QFrame#soft {{ background: {t['soft']}; border: none; border-radius: {box}px; }}",
        f"QPushButton {{ background: {t['paper']}; color: {t['ink']};"
        f" border: 1px solid {t['line']}; border-radius: {control}px;"
        f" padding: {px(6)}px {px(14)}px; min-height: {px(22)}px; }}",
        f"QPushButton:hover {{ border-color: {t['accent']}; }}",
        f"QPushButton:focus {{ border: 2px solid {t['accent']}; }}",
        f"QPushButton:pressed {{ background: {t['accent-soft']}; }}",
        f"QPushButton:disabled {{ color: {t['muted']}; background: {t['soft']}; }}",
        f'QPushButton:default, QPushButton[primary="true"] {{ background: {t["accent"]};'
        f" color: {t['paper'] if t.dark else '#ffffff'}; border-color: {t['accent']}; }}",
        f"QPushButton#action {{ text-align: left; background: {t['soft']};"
        f" border: 1px solid transparent; border-radius: {box}px;"
        f" padding: {px(8)}px {px(12)}px; }}",
        f"QPushButton#action:hover, QPushButton#action:focus {{ border-color: {t['accent']}; }}",
        f"QTabBar::tab {{ background: transparent; color: {t['muted']};"
        f" padding: {px(8)}px {px(16)}px; border: none;"
        f" border-bottom: {px(3)}px solid transparent; }}",
        f"QTabBar::tab:selected {{ color: {t['ink']}; border-bottom-color: {t['accent']};"
        f" font-weight: 700; }}",
        f"QTabBar::tab:hover {{ color: {t['ink']}; }}",
        f"QTabWidget::pane {{ border: none; border-top: 1px solid {t['line']}; }}",
        f"QTableView, QListWidget, QListView {{ background: {t['paper']}; color: {t['ink']};"
        f" border: 1px solid {t['line']}; border-radius: {box}px;"
        f" alternate-background-color: {t['soft']}; gridline-color: {t['line']};"
        f" selection-background-color: {t['accent-soft']}; selection-color: {t['ink']}; }}",
        f"QListWidget::item {{ border-radius: {px(6)}px; }}",
        f"QListWidget::item:selected {{ background: {t['accent-soft']}; color: {t['ink']}; }}",
        f"QHeaderView::section {{ background: {t['soft']}; color: {t['ink']}; border: none;"
        f" border-bottom: 1px solid {t['line']}; padding: {px(5)}px {px(8)}px;"
        f" font-weight: 600; }}",
        f"QLineEdit, QComboBox {{ background: {t['paper']}; color: {t['ink']};"
        f" border: 1px solid {t['line']}; border-radius: {control}px; padding: {px(5)}px; }}",
        f"QLineEdit:focus, QComboBox:focus {{ border: 2px solid {t['accent']}; }}",
        f"QProgressBar {{ background: {t['soft']}; border: 1px solid {t['line']};"
        f" border-radius: {control}px; text-align: center; color: {t['ink']}; }}",
        f"QProgressBar::chunk {{ background: {t['accent']}; border-radius: {control}px; }}",
        f"QCheckBox {{ color: {t['ink']}; spacing: {px(8)}px; }}",
        f"QCheckBox::indicator {{ width: {px(16)}px; height: {px(16)}px; }}",
        f"QFrame#dropZone {{ background: {t['paper']}; border: {px(2)}px dashed {t['muted']};"
        f" border-radius: {card}px; }}",
        f'QFrame#dropZone[hover="true"] {{ border-color: {t["accent"]};'
        f" background: {t['accent-soft']}; }}",
        f"QLabel#workshopBadge {{ background: {t['accent']};"
        f" color: {t['paper'] if t.dark else '#ffffff'}; font-weight: 700;"
        f" padding: {px(4)}px {px(10)}px; border-radius: {px(6)}px; }}",
        f"QStatusBar {{ background: {t['paper']}; color: {t['muted']};"
        f" border-top: 1px solid {t['line']}; }}",
        f"QMenuBar {{ background: {t['paper']}; color: {t['ink']}; }}",
        f"QMenuBar::item:selected, QMenu::item:selected {{ background: {t['accent-soft']};"
        f" color: {t['ink']}; }}",
        f"QMenu {{ background: {t['paper']}; color: {t['ink']}; border: 1px solid {t['line']}; }}",
        f"QToolTip {{ background: {t['paper']}; color: {t['ink']};"
        f" border: 1px solid {t['line']}; padding: {px(4)}px; }}",
    ]
    for severity in ("high", "medium", "low", "info"):
        badge = f'QFrame#severityBadge[severity="{severity}"]'
        rules.append(
            f"{badge} {{ background: {t[severity + '-soft']}; border: none;"
            f" border-radius: {px(12)}px; }}"
        )
        rules.append(f"{badge} QLabel#severityText {{ color: {t[severity]}; font-weight: 700; }}")
    return "\n".join(rules)
