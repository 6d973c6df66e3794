"""The main window: start screen, import progress, and the result tabs."""

from __future__ import annotations

import logging
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget

from privacy_audit.gui import dialogs
from privacy_audit.gui import theme as themes
from privacy_audit.gui.actions import Actions
from privacy_audit.gui.context import AppContext
from privacy_audit.gui.import_page import ImportPage
from privacy_audit.gui.qt_translations import QtTranslations
from privacy_audit.gui.result_tabs import ResultTabs
from privacy_audit.gui.start_page import StartPage
from privacy_audit.gui.stepwise import Stepwise
from privacy_audit.gui.widgets import preload_result_libraries, restore_geometry, saved_geometry
from privacy_audit.gui.worker import Task

if TYPE_CHECKING:  # the result pages and the core load on the first result, not at start
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.gui.jobs import ImportOutcome
    from privacy_audit.gui.results_view import ResultsView

log = logging.getLogger(__name__)


#: milliseconds after the window is shown before the result pages' libraries load
PRELOAD_MS = 300
#: the module of the result pages (loaded by the preload or by the first import)
RESULT_PAGES = "privacy_audit.gui.results_view"


class MainWindow(ResultTabs):
    """One window; pages are swapped in a stack (language and workshop mode: WindowModes)."""

    import_finished = Signal(object)  # AuditResult, once shown
    import_failed = Signal(str)
    import_cancelled = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setMinimumSize(720, 520)
        self.start_page = StartPage()
        self.import_page = ImportPage()
        self._results: ResultsView | None = None  # built while the first import runs
        self._tabs_build = Stepwise(self._tab_pieces)
        self.stack = QStackedWidget()
        for page in (self.start_page, self.import_page):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.workshop_badge = QLabel()  # says on screen that names and numbers are hidden
        self.workshop_badge.setObjectName("workshopBadge")
        self.statusBar().addPermanentWidget(self.workshop_badge)
        self.action_set = Actions(self)
        self.cancel_shortcut = QShortcut(QKeySequence("Escape"), self.import_page)
        self.cancel_shortcut.activated.connect(self.import_page.cancel_button.click)
        self._connect()
        self.result: AuditResult | None = None
        self.shown: AuditResult | None = None
        self._view_data: tuple[list[Any], dict[str, Any]] = ([], {})
        self.export_id: str | None = None
        self.error_box: QMessageBox | None = None
        self.about_box: QMessageBox | None = None
        self._task: Task | None = None
        self._relabel_task: Task | None = None
        self.help_dialog: dialogs.HelpDialog | None = None
        self.qt_translations = QtTranslations()  # Qt's own buttons and dialogs
        self.qt_translations.use(ctx.tr.lang)
        self.theme = themes.resolve(ctx.settings.appearance)
        self._workshop_scale = ctx.settings.presentation_scale
        self._was_maximized = False
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._restore_geometry()
        self._apply_mode()
        self.retranslate()
        self._warn_moved_aside(ctx.settings_store.warnings)
        QTimer.singleShot(PRELOAD_MS, self, self._preload)  # idle start screen, not start-up

    def _preload(self) -> None:
        """Load the result pages' libraries while the start screen waits for the user:
        Qt's here, the rest on the worker (an import that starts first loads them)."""
        preload_result_libraries()
        if self.busy:  # an import started first: it loads them
            return
        # laid out and drawn once off screen: its fonts' glyphs are ready, so the click
        # that opens an export does not also wait for them
        self.import_page.grab()
        if self.isVisible() and RESULT_PAGES not in sys.modules:
            from privacy_audit.gui.jobs import preload_job

            self.ctx.executor.start(Task(preload_job(self.ctx.tr), self.ctx.tr, "preload"))

    # --- wiring ----------------------------------------------------------------------
    def _connect(self) -> None:
        self.action_set.connect_to(self)
        s = self.start_page
        s.open_files_requested.connect(self.ask_open_files)
        s.open_folder_requested.connect(self.ask_open_folder)
        s.demo_requested.connect(lambda: self.open_demo())
        s.paths_chosen.connect(self.open_paths)
        self.import_page.cancel_requested.connect(self.cancel_import)

    @property
    def busy(self) -> bool:
        """True while an import runs."""
        return self._task is not None

    def _update_actions(self) -> None:
        self.action_set.update(has_result=self.result is not None, busy=self.busy)

    # --- opening exports -------------------------------------------------------------
    def ask_open_files(self) -> None:
        """Ask for export files and open them."""
        self._ask_and_open(dialogs.ask_export_files)

    def ask_open_folder(self) -> None:
        """Ask for an export folder and open it."""
        self._ask_and_open(dialogs.ask_export_folder)

    def _ask_and_open(self, ask: Callable[..., list[Path]]) -> None:
        paths = ask(self, self.ctx.tr, dialogs.start_folder(self.ctx))
        if paths:
            dialogs.remember_folder(self.ctx, paths[0].parent)
            self.open_paths(paths)

    def open_demo(self, persona: str | None = None) -> None:
        """Open the bundled demo persona."""
        name = persona or self.ctx.demo_persona
        try:
            paths = self.ctx.core.demo_paths(name)
        except (KeyError, OSError, ValueError):
            self._failed(
                self.ctx.tr.gettext("The demo exports are missing from this installation.")
            )
            return
        self.open_paths(paths, demo=True)

    def open_paths(self, paths: list[Path], *, demo: bool = False) -> None:
        """Read these exports on the worker and show the audit."""
        if self.busy or not paths:
            return
        paths = [Path(p) for p in paths]
        from privacy_audit.gui.jobs import import_job

        job = import_job(self.ctx.core, paths, self.ctx.tr, redact=self.ctx.workshop, demo=demo)
        task = Task(job, self.ctx.tr, "import")
        task.signals.progress.connect(self.import_page.set_progress)
        if not self._tabs_build.done:
            task.signals.progress.connect(self._build_tabs_ahead)
        # the task's own signals hold these slots in Qt, out of the collector's sight: a
        # slot that held the task would keep it, and its signals, for good
        running = weakref.ref(task)
        task.signals.finished.connect(lambda outcome: self._imported(running(), outcome))
        task.signals.failed.connect(lambda message: self._task_failed(running(), message))
        task.signals.cancelled.connect(lambda: self._cancelled(running()))
        self._task = task
        self.import_page.start([p.name for p in paths] if not demo else [])
        self.stack.setCurrentWidget(self.import_page)
        self._update_actions()
        self.ctx.executor.start(task)

    def cancel_import(self) -> None:
        """Stop the running import (the worker stops at its next check)."""
        if self._task is not None:
            self._task.cancel()

    def _warn_moved_aside(self, names: list[str]) -> None:
        dialogs.warn_moved_aside(self.statusBar(), self.ctx.tr, names)

    def _end_task(self, task: Task | None) -> bool:
        """Forget ``task`` if it is the running import; False for a stale one."""
        if task is None or task is not self._task:
            return False
        self._task = None
        return True

    def _imported(self, task: Task | None, outcome: ImportOutcome) -> None:
        if not self._end_task(task):
            return
        self.result = outcome.result
        self.shown = outcome.shown
        self.export_id = outcome.export_id
        self._view_data = (outcome.charts, outcome.display)
        self._show_result(lambda: self._imported_shown(outcome), list(outcome.paths))

    def _imported_shown(self, outcome: ImportOutcome) -> None:
        if not outcome.demo and not self.ctx.workshop:
            self.ctx.remember_export(outcome.paths, outcome.result.sources)
            self.start_page.set_recent(
                self.ctx.settings.recent_exports, info=self.ctx.settings.recent_info
            )
        self._warn_moved_aside(self.ctx.checklist.warnings)
        self._update_actions()
        self.import_finished.emit(outcome.result)

    def _task_failed(self, task: Task | None, message: str) -> None:
        if self._end_task(task):
            self._failed(message)

    def _failed(self, message: str) -> None:
        self._back_after_import()
        self.error_box = dialogs.show_input_error(self, self.ctx.tr, message)
        self.import_failed.emit(message)

    def _cancelled(self, task: Task | None) -> None:
        if not self._end_task(task):
            return
        self._back_after_import()
        self.statusBar().showMessage(self.ctx.tr.gettext("Import cancelled."), 5000)
        self.import_cancelled.emit()

    def _back_after_import(self) -> None:
        self.stack.setCurrentWidget(self.tabs if self.result is not None else self.start_page)
        self._update_actions()

    def _done_toggled(self, rec_id: str, done: bool) -> None:
        if self.export_id is None:
            return
        try:
            self.ctx.checklist.set_done(self.export_id, rec_id, done)
        except OSError:
            self.statusBar().showMessage(self.ctx.tr.gettext("Could not save the checklist."))
        self.dashboard.set_score_after_done(self.score_after_done(), self.top_actions())

    def _show_finding(self, finding_id: str) -> None:
        self.findings_page.select_finding(finding_id)
        self.show_tab(1)

    def _show_recommendation(self, finding_id: str, rec_id: str) -> None:
        """Open a finding at one of its recommendations (a dashboard action)."""
        self._show_finding(finding_id)
        self.findings_page.reveal_recommendation(rec_id)

    def show_tab(self, index: int) -> None:
        """Show result tab ``index`` (0 dashboard, 1 findings, 2 data, 3 report)."""
        if self.result is not None and not self.busy:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentIndex(index)

    def focus_search(self) -> None:
        """Show the Data tab with the cursor in its search box."""
        self.show_tab(2)
        self.data_page.search.setFocus()

    def has_unsaved_choices(self) -> bool:
        """True when closing the export would lose something the user chose (workshop
        mode keeps the Done ticks in memory only)."""
        return (
            self.result is not None
            and not self.ctx.checklist.persist
            and bool(self.done_recommendations())
        )

    def close_export(self) -> bool:
        """File › Close export: back to the start screen, asking first when the user's
        choices would be lost. False when the user kept the export open."""
        if self.result is None and not self.busy:
            self.stack.setCurrentWidget(self.start_page)
            return True
        if self.has_unsaved_choices():
            _ = self.ctx.tr.gettext
            if not dialogs.confirm(
                self,
                _("Close this export?"),
                _("The actions you marked done are not saved in workshop mode and will be lost."),
                _("Close export"),
                self.ctx.tr,
            ):
                return False
        self.reset()
        return True

    def show_help(self) -> None:
        """Help › How to get your data (F1), in its own window: the analysis stays."""
        if self.help_dialog is None:
            self.help_dialog = dialogs.HelpDialog(self, self.ctx.tr)
            self.help_dialog.setStyleSheet(self.styleSheet())  # the window's look
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def reset(self) -> None:
        """Back to the start screen, forgetting the open export (workshop: Reset)."""
        if self.busy:
            self.cancel_import()
        self.result = None
        self.shown = None
        self.export_id = None
        if self._results is not None:
            self.report_page.show_result(None)
            for page in (self.dashboard, self.findings_page, self.data_page):
                page.forget()
        self.stack.setCurrentWidget(self.start_page)
        self._update_actions()

    # --- geometry and closing --------------------------------------------------------
    def _restore_geometry(self) -> None:
        if not restore_geometry(self, self.ctx.settings.window_geometry):
            self.resize(1200, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the size (not in workshop mode) and stop any work."""
        self.cancel_import()
        if not self.ctx.workshop:
            self.ctx.settings.window_geometry = saved_geometry(self)
            self.ctx.save_settings()
        self.ctx.executor.wait(3000)
        super().closeEvent(event)
