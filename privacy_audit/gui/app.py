"""The application: builds the context and the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from privacy_audit import APP_NAME
from privacy_audit.i18n import Translator


def run_app(args: argparse.Namespace, tr: Translator) -> int:
    """Start Qt, show the main window, run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel(tr.gettext("Privacy Audit")))
    window.resize(1100, 750)
    window.show()
    return app.exec()
