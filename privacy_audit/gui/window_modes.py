"""The main window's modes: the language of every string and the workshop mode.

:class:`WindowModes` is mixed into :class:`~privacy_audit.gui.main_window.MainWindow`
(which owns the pages, the actions and the signals it emits): switching the language
re-runs the audit texts in the background and keeps the tab the user was reading;
workshop mode opens the demo persona with redaction and large type, writing nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from privacy_audit import APP_NAME
from privacy_audit.gui import dialogs
from privacy_audit.gui.styles import style_sheet
from privacy_audit.gui.worker import Task
from privacy_audit.i18n import SUPPORTED_LANGUAGES, translator

if TYPE_CHECKING:
    from privacy_audit.analysis.result import AuditResult


class WindowModes:
    """Language and workshop mode of the main window (a mixin: it uses the window's
    context, pages, actions and signals; see the module doc)."""

    def set_language(self, lang: str) -> None:
        """Switch every visible string (and the audit texts) to ``lang``."""
        if lang not in SUPPORTED_LANGUAGES or self.busy:
            return
        if lang != self.ctx.tr.lang:
            self.ctx.tr = translator(lang)
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

    def _apply_mode(self) -> None:
        workshop = self.ctx.workshop
        self.action_set["workshop"].blockSignals(True)
        self.action_set["workshop"].setChecked(workshop)
        self.action_set["workshop"].blockSignals(False)
        scale = self.ctx.settings.presentation_scale if workshop else 1.0
        sheet = style_sheet(scale)
        if sheet != self.styleSheet():  # re-polishing every widget takes ~50 ms
            self.setStyleSheet(sheet)
        self.workshop_badge.setVisible(workshop)
        if self._results is not None:
            self.report_page.set_redact(
                True if workshop else self.ctx.settings.redact_reports, locked=workshop
            )
            self.report_page.set_zoom(scale)
            self.data_page.set_scale(scale)
            self.findings_page.set_scale(scale)
            self.dashboard.set_chart_columns(1 if scale > 1.2 else 2)
        self.start_page.set_recent(self.ctx.settings.recent_exports, hidden=workshop)
        self._update_actions()

    def show_about(self) -> None:
        """The About box (version and licence)."""
        self.about_box = dialogs.show_about(self, self.ctx.tr)

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        tr = self.ctx.tr
        _ = tr.gettext
        title = APP_NAME
        if self.ctx.workshop:
            title = f"{APP_NAME} — {_('Workshop')}"
        self.setWindowTitle(title)
        self.workshop_badge.setText(_("Workshop: names, numbers and addresses are hidden"))
        self.action_set.retranslate(tr, workshop=self.ctx.workshop)
        self.action_set.set_language(tr.lang)
        self.start_page.retranslate(tr)
        self.import_page.retranslate(tr)
        if self._results is not None:
            self._results.retranslate(tr)
