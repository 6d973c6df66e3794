"""The application: builds the context in ``main`` and shows the main window.

No global state: :class:`AppContext` (paths, settings, stores, executor, translator, the
core functions) is built here and passed down to every page.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from privacy_audit import APP_ID, APP_NAME
from privacy_audit.checklist import ChecklistStore
from privacy_audit.gui.core import Core
from privacy_audit.gui.worker import Executor, ThreadExecutor
from privacy_audit.i18n import SUPPORTED_LANGUAGES, Translator, system_language, translator
from privacy_audit.paths import AppPaths
from privacy_audit.settings import Settings, SettingsStore

log = logging.getLogger(__name__)

DEMO_PERSONA = "giulia"


@dataclass
class AppContext:
    """Everything the pages need, built once in :func:`build_context`."""

    paths: AppPaths
    settings: Settings
    settings_store: SettingsStore
    checklist: ChecklistStore
    executor: Executor
    tr: Translator
    core: Core = field(default_factory=Core)
    workshop: bool = False
    demo_persona: str = DEMO_PERSONA

    def save_settings(self) -> None:
        """Write the settings (never in workshop mode)."""
        if self.workshop:
            return
        try:
            self.settings_store.save(self.settings)
        except OSError:
            log.warning("could not save the settings")

    def set_workshop(self, on: bool) -> None:
        """Enter or leave workshop mode: in it nothing at all is written to disk."""
        if on == self.workshop:
            return
        self.workshop = on
        self.settings_store = SettingsStore(self.paths, persist=not on)
        self.checklist = ChecklistStore(self.paths, persist=not on)


def build_context(
    *,
    lang: str | None = None,
    workshop: bool = False,
    executor: Executor | None = None,
    core: Core | None = None,
    paths: AppPaths | None = None,
) -> AppContext:
    """The app context: user dirs, settings (read only in workshop mode), language."""
    paths = paths or AppPaths.default()
    store = SettingsStore(paths, persist=not workshop)  # workshop: read, never write
    settings = store.load()
    chosen = lang or settings.language
    if chosen not in SUPPORTED_LANGUAGES:
        chosen = system_language()
    return AppContext(
        paths=paths,
        settings=settings,
        settings_store=store,
        checklist=ChecklistStore(paths, persist=not workshop),
        executor=executor or ThreadExecutor(),
        tr=translator(chosen),
        core=core or Core(),
        workshop=workshop,
    )


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with high-DPI rounding, names and icon."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or sys.argv[:1] or ["privacy-audit"])
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
