"""The main window's modes: language, workshop mode, appearance, zoom and full screen.

:class:`WindowModes` is mixed into :class:`~privacy_audit.gui.main_window.MainWindow`
(which owns the pages, the actions and the signals it emits): switching the language
re-runs the audit texts in the background and keeps the tab the user was reading;
workshop mode opens the demo persona with redaction and large type, writing nothing
(asking first when an export is open); View › Appearance picks the light or dark theme
(or follows the system); the zoom steps are remembered outside workshop mode only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from privacy_audit import APP_NAME
from privacy_audit.gui import dialogs
from privacy_audit.gui import theme as themes
from privacy_audit.gui.styles import style_sheet
from privacy_audit.gui.worker import Task
from privacy_audit.i18n import SUPPORTED_LANGUAGES, translator

if TYPE_CHECKING:
    from pathlib import Path

    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.gui.actions import Actions
    from privacy_audit.gui.context import AppContext
    from privacy_audit.gui.dashboard import Dashboard
    from privacy_audit.gui.data_page import DataPage
    from privacy_audit.gui.findings_page import FindingsPage
    from privacy_audit.gui.import_page import ImportPage
    from privacy_audit.gui.report_page import ReportPage
    from privacy_audit.gui.results_view import ResultsView
    from privacy_audit.gui.start_page import StartPage

#: the type scales Ctrl + / Ctrl − step through (1.0 is 100 %)
ZOOM_STEPS = (1.0, 1.15, 1.3, 1.45, 1.6, 1.8, 2.0, 2.3, 2.6)


class WindowModes(QMainWindow):
    """Language, workshop mode, theme, zoom and full screen of the main window.

    The base of :class:`~privacy_audit.gui.main_window.MainWindow`, which builds the
    pages and the actions declared below and owns the import.
    """

    language_changed = Signal(str)
    result_relabelled = Signal(object)  # AuditResult in the new language
    workshop_changed = Signal(bool)
    theme_changed = Signal(str)  # "light" or "dark"

    # built by MainWindow.__init__
    ctx: AppContext
    action_set: Actions
    start_page: StartPage
    import_page: ImportPage
    workshop_badge: QLabel
    result: AuditResult | None
    shown: AuditResult | None
    _results: ResultsView | None
    _view_data: tuple[list[Any], dict[str, Any]]
    _relabel_task: Task | None
    about_box: QMessageBox | None
    help_dialog: dialogs.HelpDialog | None
    theme: themes.Theme
    _workshop_scale: float
    _was_maximized: bool

    if TYPE_CHECKING:  # MainWindow's, used here

        @property
        def busy(self) -> bool: ...
        @property
        def tabs(self) -> ResultsView: ...
        @property
        def dashboard(self) -> Dashboard: ...
        @property
        def findings_page(self) -> FindingsPage: ...
        @property
        def data_page(self) -> DataPage: ...
        @property
        def report_page(self) -> ReportPage: ...
        def open_demo(self, persona: str | None = None) -> None: ...
        def reset(self) -> None: ...
        def _update_actions(self) -> None: ...
        def _show_result(
            self, then: Callable[[], None] | None = None, paths: list[Path] | None = None
        ) -> None: ...

    def set_language(self, lang: str) -> None:
        """Switch every visible string (and the audit texts) to ``lang``."""
        if lang not in SUPPORTED_LANGUAGES or self.busy:
            return
        if lang != self.ctx.tr.lang:
            self.ctx.tr = translator(lang)
            self.qt_translations.use(lang)
            self.ctx.settings.language = lang
            self.ctx.save_settings()
            self.retranslate()
            self._relabel_result()
        self.language_changed.emit(lang)

    def toggle_language(self) -> None:
        """English <-> Italian."""
        self.set_language("it" if self.ctx.tr.lang == "en" else "en")

    def _relabel_result(self) -> None:
        """Re-run the audit texts in the new language (evidence is kept)."""
        if self.result is None or self.result.lang == self.ctx.tr.lang:
            return
        from privacy_audit.gui.jobs import relabel_job

        job = relabel_job(
            self.ctx.core, self.result.evidence, self.ctx.tr, redact=self.ctx.workshop
        )
        task = Task(job, self.ctx.tr, "relabel")
        task.signals.finished.connect(self._relabelled)
        self._relabel_task = task
        self.ctx.executor.start(task)

    def _relabelled(self, results: tuple[AuditResult, AuditResult, Any]) -> None:
        result, shown, view_data = results
        if self.result is None or result.lang != self.ctx.tr.lang:
            return
        self.result, self.shown, self._view_data = result, shown, view_data
        index = self.tabs.currentIndex()
        self._show_result(lambda: self._relabel_shown(result, index))

    def _relabel_shown(self, result: AuditResult, index: int) -> None:
        self.tabs.setCurrentIndex(index)  # stay on the tab the user was reading
        self.result_relabelled.emit(result)

    def ask_workshop(self, on: bool) -> bool:
        """View › Workshop mode: with an export open, ask first (it is closed). False when
        the user cancelled (the menu tick goes back)."""
        if on != self.ctx.workshop and (self.result is not None or self.busy):
            _ = self.ctx.tr.gettext
            title = _("Start workshop mode?") if on else _("Leave workshop mode?")
            text = (
                _(
                    "The open export will be closed and the demo persona opened, with names "
                    "and numbers hidden."
                )
                if on
                else _("The demo persona will be closed.")
            )
            accept = _("Start workshop mode") if on else _("Leave workshop mode")
            if not dialogs.confirm(self, title, text, accept, self.ctx.tr):
                self._sync_workshop_action()
                return False
        self.set_workshop(on)
        return True

    def set_workshop(self, on: bool) -> None:
        """Workshop mode: demo persona, redaction, large type, nothing written to disk."""
        if on == self.ctx.workshop:
            if on and self.result is None and not self.busy:
                self.open_demo()
            return
        self.reset()
        self.ctx.set_workshop(on)
        self._apply_mode()
        self.retranslate()
        self.workshop_changed.emit(on)
        if on:
            self.open_demo()

    def _sync_workshop_action(self) -> None:
        self.action_set["workshop"].blockSignals(True)
        self.action_set["workshop"].setChecked(self.ctx.workshop)
        self.action_set["workshop"].blockSignals(False)

    @property
    def scale(self) -> float:
        """The type scale now: the zoom (remembered), or the workshop's projector scale."""
        return self._workshop_scale if self.ctx.workshop else self.ctx.settings.zoom

    def step_zoom(self, step: int) -> None:
        """Ctrl + (1), Ctrl − (-1), Ctrl 0 (0: back to 100 %, or the workshop's scale)."""
        now = self.scale
        if step == 0:
            new = self.ctx.settings.presentation_scale if self.ctx.workshop else 1.0
        elif step > 0:
            new = next((z for z in ZOOM_STEPS if z > now + 1e-6), ZOOM_STEPS[-1])
        else:
            new = next((z for z in reversed(ZOOM_STEPS) if z < now - 1e-6), ZOOM_STEPS[0])
        if self.ctx.workshop:
            self._workshop_scale = new
        else:
            self.ctx.settings.zoom = new
            self.ctx.save_settings()
        self._apply_mode()

    def set_full_screen(self, on: bool) -> None:
        """View › Full screen (F11)."""
        if on and not self.isFullScreen():
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif not on and self.isFullScreen():
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()
        self.action_set["fullscreen"].blockSignals(True)
        self.action_set["fullscreen"].setChecked(self.isFullScreen())
        self.action_set["fullscreen"].blockSignals(False)

    def set_appearance(self, name: str) -> None:
        """View › Appearance: follow the system, or always light or dark."""
        if name not in themes.APPEARANCES:
            return
        self.ctx.settings.appearance = name
        self.ctx.save_settings()
        self._apply_mode()

    def _system_scheme_changed(self, *_args: object) -> None:
        if self.ctx.settings.appearance == "system":
            self._apply_mode()

    def _apply_mode(self) -> None:
        workshop = self.ctx.workshop
        self._sync_workshop_action()
        self.action_set.set_appearance(self.ctx.settings.appearance)
        scale = self.scale
        theme = themes.resolve(self.ctx.settings.appearance)
        theme_changed = theme != self.theme
        self.theme = theme
        themes.apply(theme)
        sheet = style_sheet(scale, theme)
        if sheet != self.styleSheet():  # re-polishing every widget takes ~50 ms
            self.setStyleSheet(sheet)
        if self.help_dialog is not None:
            self.help_dialog.setStyleSheet(sheet)
        self.start_page.set_scale(scale)
        self.workshop_badge.setVisible(workshop)
        if self._results is not None:
            self.report_page.set_redact(
                True if workshop else self.ctx.settings.redact_reports, locked=workshop
            )
            self.report_page.set_zoom(scale)
            self.data_page.set_scale(scale)
            self.findings_page.set_scale(scale)
            self.findings_page.set_theme(theme)
            self.dashboard.set_scale(scale)
            self.dashboard.set_theme(theme)
        self.start_page.set_recent(
            self.ctx.settings.recent_exports, hidden=workshop, info=self.ctx.settings.recent_info
        )
        self._update_actions()
        if theme_changed:
            self.theme_changed.emit(theme.name)

    def show_about(self) -> None:
        """The About box (version and licence)."""
        self.about_box = dialogs.show_about(self, self.ctx.tr)

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        tr = self.ctx.tr
        _ = tr.gettext
        title = APP_NAME
        if self.ctx.workshop:
            workshop = _("Workshop")
            title = f"{APP_NAME} — {workshop}"
        self.setWindowTitle(title)
        self.workshop_badge.setText(_("Workshop: names, numbers and addresses are hidden"))
        self.action_set.retranslate(tr, workshop=self.ctx.workshop)
        self.action_set.set_language(tr.lang)
        self.start_page.retranslate(tr)
        self.import_page.retranslate(tr)
        if self.help_dialog is not None:
            self.help_dialog.retranslate(tr)
        if self._results is not None:
            self._results.retranslate(tr)
