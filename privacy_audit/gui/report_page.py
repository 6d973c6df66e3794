"""Report: a locked-down preview and Export HTML / PDF / CSV, with redaction."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.analysis.result import AuditResult
from privacy_audit.errors import InputError
from privacy_audit.fsutil import atomic_write_bytes
from privacy_audit.gui import dialogs
from privacy_audit.gui.layouts import FlowGrid
from privacy_audit.gui.worker import Task
from privacy_audit.i18n import N_, Translator
from privacy_audit.output_guard import check_output

if TYPE_CHECKING:
    from privacy_audit.gui.context import AppContext

log = logging.getLogger(__name__)

FORMATS: dict[str, tuple[str, str]] = {  # fmt -> (file filter, suffix)
    "html": (N_("Web page (*.html)"), ".html"),
    "pdf": (N_("PDF document (*.pdf)"), ".pdf"),
    "csv": (N_("CSV tables (*.zip)"), ".zip"),
    "json": (N_("JSON data (*.json)"), ".json"),
}
#: the formats with a button of their own (JSON, for other tools, is in the File menu)
BUTTON_FORMATS = ("html", "pdf", "csv")


class ReportPage(QWidget):
    """Preview of the HTML report and the export buttons."""

    preview_loaded = Signal(bool)
    exported = Signal(str)  # path written
    export_failed = Signal(str)  # message

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.input_paths: list[Path] = []  # the open exports: never an output
        self.refused_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.redact_box = QCheckBox()
        self.redact_box.toggled.connect(self._redact_toggled)
        self.buttons: dict[str, QPushButton] = {}
        for fmt in BUTTON_FORMATS:
            button = QPushButton()
            button.clicked.connect(lambda _c=False, f=fmt: self.choose_and_export(f))
            self.buttons[fmt] = button
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for button in self.buttons.values():
            row.addWidget(button)
        # the option and the buttons side by side when they fit, else one above the other
        self.bar = FlowGrid(min_column=0, most=2)
        self.bar.grid.setSpacing(8)
        self.bar.set_widgets([self.redact_box, buttons])
        layout.addWidget(self.bar)
        status_row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        status_row.addWidget(self.status, 1)
        self.open_saved_button = QPushButton()  # after a save: open it, or its folder
        self.open_saved_button.clicked.connect(self.open_saved)
        self.show_folder_button = QPushButton()
        self.show_folder_button.clicked.connect(self.show_saved_folder)
        for button in (self.open_saved_button, self.show_folder_button):
            button.hide()
            status_row.addWidget(button)
        layout.addLayout(status_row)
        self.saved_path: Path | None = None
        self.view: Any = None  # the ReportView, created on first show (WebEngine is heavy)
        self.view_box = QVBoxLayout()
        layout.addLayout(self.view_box, 1)
        self.result: AuditResult | None = None
        self._rendered_for: tuple[int, bool, str] | None = None
        self._pdf_pages: list[Any] = []
        self._tasks: list[Task] = []
        self._zoom = 1.0

    @property
    def redact(self) -> bool:
        """True when outputs and the preview are redacted."""
        return self.redact_box.isChecked()

    def set_redact(self, on: bool, *, locked: bool = False) -> None:
        """Set the redaction option (``locked`` in workshop mode)."""
        self.redact_box.setChecked(on)
        self.redact_box.setEnabled(not locked)

    def set_zoom(self, factor: float) -> None:
        """Zoom the preview (presentation scale in workshop mode)."""
        self._zoom = factor
        self.bar.refresh()
        if self.view is not None:
            self.view.setZoomFactor(factor)

    def show_result(self, result: AuditResult | None) -> None:
        """Use ``result`` (the preview renders when the page is visible)."""
        self.result = result
        self._rendered_for = None
        if self.view is not None:  # the last export's report is not shown while the new renders
            self.view.hide()
        if result is None:
            self.input_paths = []  # no export open
        self.saved_path = None
        self.open_saved_button.hide()
        self.show_folder_button.hide()
        if self.isVisible():
            self.refresh_preview()

    def showEvent(self, event: Any) -> None:
        """Render the preview the first time the page is shown."""
        super().showEvent(event)
        self.refresh_preview()

    def _ensure_view(self) -> Any:
        if self.view is None:
            from privacy_audit.gui.webengine import ReportView

            self.view = ReportView(self)
            self.view.setAccessibleName(self.ctx.tr.gettext("Report preview"))
            self.view.loadFinished.connect(self.view.show)  # hidden while another renders
            self.view.loadFinished.connect(self.preview_loaded)
            self.view.report_page.link_clicked.connect(self._link_clicked)
            self.view.setZoomFactor(self._zoom)
            self.view_box.addWidget(self.view)
        return self.view

    def refresh_preview(self) -> None:
        """Render the report (on the worker) and show it, unless already shown."""
        if self.result is None:
            return
        key = (id(self.result), self.redact, self.ctx.tr.lang)
        if key == self._rendered_for:
            return
        self._rendered_for = key
        self._ensure_view()
        result, redact, render = self.result, self.redact, self.ctx.core.render_html
        task = Task(lambda _p, _c: render(result, redact=redact), self.ctx.tr, "render report")
        task.signals.finished.connect(lambda html, k=key: self._show_html(html, k))
        task.signals.failed.connect(self._preview_failed)
        self.status.setText(self.ctx.tr.gettext("Preparing the preview…"))
        self._start(task)

    def _start(self, task: Task) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)
        self.ctx.executor.start(task)

    def _show_html(self, html: str, key: tuple[int, bool, str]) -> None:
        if key != self._rendered_for:
            return  # a newer render was asked for
        view = self._ensure_view()
        too_large = "<p>{}</p>".format(
            self.ctx.tr.gettext(
                "This report is too large to preview. Export it and open it in a browser."
            )
        )
        view.show_html(html, too_large)
        self.status.setText(self.ctx.tr.gettext("This is how the exported report looks."))

    def _preview_failed(self, message: str) -> None:
        self._rendered_for = None
        self.status.setText(message)
        self.preview_loaded.emit(False)

    def _redact_toggled(self, on: bool) -> None:
        if not self.ctx.workshop:
            self.ctx.settings.redact_reports = on
        if self.isVisible():
            self.refresh_preview()

    def _link_clicked(self, url: QUrl) -> None:
        _ = self.ctx.tr.gettext
        answer = QMessageBox.question(
            self,
            _("Open in your browser?"),
            _("Open this page in your web browser?\n{url}").format(url=url.toString()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    # --- export ----------------------------------------------------------------------
    def choose_and_export(self, fmt: str) -> None:
        """Ask where to save, then export in ``fmt``."""
        if self.result is None:
            return
        _ = self.ctx.tr.gettext
        file_filter, suffix = FORMATS[fmt]
        suggested = str(dialogs.start_folder(self.ctx) / (_("privacy-report") + suffix))
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export the report"), suggested, _(file_filter)
        )
        if path:
            if not path.endswith(suffix):
                path += suffix
            dialogs.remember_folder(self.ctx, Path(path).parent)
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the report to ``path`` (on the worker; PDF is printed on the GUI thread)."""
        if self.result is None:
            return
        try:  # an output never replaces an export, a device or a pipe
            check_output(path, fmt, self.input_paths)
        except InputError as exc:
            self._refuse(exc.render(self.ctx.tr))
            return
        result, redact, core = self.result, self.redact, self.ctx.core
        self.status.setText(self.ctx.tr.gettext("Exporting…"))
        if fmt == "pdf":
            task = Task(lambda _p, _c: core.render_html(result, redact=redact), self.ctx.tr, "pdf")
            task.signals.finished.connect(lambda html: self._print_pdf(html, path))
        else:
            task = Task(
                lambda _p, _c: core.write_report(result, path, fmt, redact), self.ctx.tr, "export"
            )
            task.signals.finished.connect(lambda written: self._exported(Path(written)))
        task.signals.failed.connect(self._export_failed)
        self._start(task)

    def _print_pdf(self, html: str, path: Path) -> None:
        from privacy_audit.gui.webengine import print_html_to_pdf

        def done(data: bytes) -> None:
            self._pdf_pages = [p for p in self._pdf_pages if p is not page]
            page.deleteLater()
            if not data:
                self._export_failed(self.ctx.tr.gettext("The PDF could not be made."))
                return
            try:
                atomic_write_bytes(path, data)
            except OSError:
                self._export_failed(
                    self.ctx.tr.gettext("Could not write {file}.").format(file=path.name)
                )
                return
            self._exported(path)

        page = print_html_to_pdf(html, done, self)
        self._pdf_pages.append(page)

    def _refuse(self, message: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("outputRefusedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.ctx.tr.gettext("The report was not saved"))
        box.setText(message)
        box.open()
        self.refused_box = box
        self._export_failed(message)

    def _exported(self, path: Path) -> None:
        self.status.setText(self.ctx.tr.gettext("Saved {file}").format(file=path.name))
        self.saved_path = path
        self.open_saved_button.show()
        self.show_folder_button.show()
        self.exported.emit(str(path))

    def open_saved(self) -> bool:
        """Open the file just saved with the system's app for it."""
        if self.saved_path is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path))))

    def show_saved_folder(self) -> bool:
        """Show the folder of the file just saved in the file manager."""
        if self.saved_path is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent))))

    def _export_failed(self, message: str) -> None:
        self.status.setText(message)
        self.export_failed.emit(message)

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        _ = tr.gettext
        self.redact_box.setText(_("Hide names, numbers, emails and IP addresses"))
        self.redact_box.setToolTip(_("Redact the preview and every exported file"))
        self.buttons["html"].setText(_("Export HTML…"))
        self.buttons["html"].setToolTip(_("Save the report as one web page (Ctrl+E)"))
        self.buttons["pdf"].setText(_("Export PDF…"))
        self.buttons["pdf"].setToolTip(_("Save the report as a PDF (Ctrl+P)"))
        self.buttons["csv"].setText(_("Export CSV…"))
        self.buttons["csv"].setToolTip(_("Save the tables as CSV files in a zip"))
        self.open_saved_button.setText(_("Open"))
        self.open_saved_button.setToolTip(_("Open the saved file"))
        self.show_folder_button.setText(_("Show in folder"))
        self.show_folder_button.setToolTip(_("Open the folder with the saved file"))
        if self.view is not None:
            self.view.setAccessibleName(_("Report preview"))
        if self.isVisible():
            self.refresh_preview()
