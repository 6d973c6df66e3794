"""The application: the QApplication, and ``run_app`` that builds the context
(:mod:`privacy_audit.gui.context`), shows the main window and runs the event loop.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from privacy_audit import APP_ID, APP_NAME
from privacy_audit.gui.context import build_context
from privacy_audit.i18n import Translator


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with high-DPI rounding, names and icon."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        # the window composes through Qt's RHI from the start, so the report preview
        # (QtWebEngine) does not make Qt destroy and recreate the window the first time
        # it shows (a black flash)
        os.environ.setdefault("QT_WIDGETS_RHI", "1")
    app = QApplication(argv or sys.argv[:1] or ["privacy-audit"])
    app.setStyle("Fusion")  # draws with the palette of the theme on every platform
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Privacy Audit")
    app.setDesktopFileName(APP_ID)
    from privacy_audit.gui.widgets import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_app(args: argparse.Namespace, tr: Translator) -> int:
    """Start Qt, show the main window, open what was asked for, run the event loop."""
    app = make_application(sys.argv[:1])
    workshop = bool(getattr(args, "workshop", False))
    ctx = build_context(lang=getattr(args, "lang", None), workshop=workshop)
    from privacy_audit.gui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    paths = [Path(p) for p in getattr(args, "paths", None) or []]
    persona = getattr(args, "demo", None)
    if workshop:
        window.set_workshop(True)
    elif paths:
        window.open_paths(paths)
    elif persona:
        window.open_demo(persona)
    code = app.exec()
    ctx.executor.wait(2000)
    # WebEngine pages must be deleted before their profiles, all before the QApplication
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return int(code)


def main() -> int:
    """Entry point of the desktop app alone (``privacy-audit gui`` also lands here)."""
    from privacy_audit.cli import main as cli_main

    return cli_main(["gui", *sys.argv[1:]])
