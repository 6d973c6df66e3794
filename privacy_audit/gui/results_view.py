"""The four result tabs (dashboard, findings, data, report), built during the first import.

Kept out of the start-up path: these pages pull in pandas, QtSvg and the report code,
which the start screen does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from privacy_audit.gui.dashboard import Dashboard
from privacy_audit.gui.data_page import DataPage
from privacy_audit.gui.findings_page import FindingsPage
from privacy_audit.gui.report_page import ReportPage
from privacy_audit.i18n import Translator

if TYPE_CHECKING:
    from privacy_audit.gui.context import AppContext


def load_result_modules(tr: Translator) -> None:
    """Load what the pages use when they first show a result: the report's charts and
    labels, the score's ranking, and ``tr``'s number and date formats (Babel reads its
    locale data on first use). Call it on the worker: then the GUI thread finds them
    loaded instead of stopping for them."""
    from babel.dates import format_date
    from babel.numbers import format_decimal

    import privacy_audit.analysis.score
    import privacy_audit.report.charts
    import privacy_audit.report.labels  # noqa: F401

    format_decimal(1234, locale=tr.locale)
    format_date(date(2020, 1, 31), format="medium", locale=tr.locale)


Pages = tuple[Dashboard, FindingsPage, DataPage, ReportPage]


def page_makers(ctx: AppContext) -> tuple[Callable[[], QWidget], ...]:
    """How to make each page, in tab order (the window makes one per event-loop turn)."""
    return (Dashboard, FindingsPage, DataPage, lambda: ReportPage(ctx))


#: the pages' attribute names, in tab order
PAGE_NAMES = ("dashboard", "findings_page", "data_page", "report_page")


class ResultsView(QTabWidget):
    """Tabs over one audit; the pages are added in tab order with :meth:`add_page`.

    The window puts the empty view in its place first and adds a page per event-loop
    turn: a page added under the window's style sheet is styled once, where a finished
    view added at the end had all four styled again in one 5-7 ms step."""

    dashboard: Dashboard
    findings_page: FindingsPage
    data_page: DataPage
    report_page: ReportPage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)

    def add_page(self, page: QWidget) -> None:
        """Add the next page (dashboard, findings, data, report: in that order)."""
        setattr(self, PAGE_NAMES[self.count()], page)
        self.addTab(page, "")

    @property
    def pages(self) -> Pages:
        """The four pages, in tab order."""
        return (self.dashboard, self.findings_page, self.data_page, self.report_page)

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        _ = tr.gettext
        for index, text in enumerate((_("Dashboard"), _("Findings"), _("Data"), _("Report"))):
            self.setTabText(index, text)
        self.setAccessibleName(_("Audit results"))
        for page in self.pages:
            page.retranslate(tr)
