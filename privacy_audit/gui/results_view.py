"""The four result tabs (dashboard, findings, data, report), built on the first result.

Kept out of the start-up path: these pages pull in pandas, QtSvg and the report code,
which the start screen does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from privacy_audit.gui.dashboard import Dashboard
from privacy_audit.gui.data_page import DataPage
from privacy_audit.gui.findings_page import FindingsPage
from privacy_audit.gui.report_page import ReportPage
from privacy_audit.i18n import Translator

if TYPE_CHECKING:
    from privacy_audit.gui.context import AppContext


class ResultsView(QTabWidget):
    """Tabs over one audit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.dashboard = Dashboard()
        self.findings_page = FindingsPage()
        self.data_page = DataPage()
        self.report_page = ReportPage(ctx)
        for page in (self.dashboard, self.findings_page, self.data_page, self.report_page):
            self.addTab(page, "")

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        _ = tr.gettext
        for index, text in enumerate((_("Dashboard"), _("Findings"), _("Data"), _("Report"))):
            self.setTabText(index, text)
        self.setAccessibleName(_("Audit results"))
        for page in (self.dashboard, self.findings_page, self.data_page, self.report_page):
            page.retranslate(tr)
