"""The window's result tabs: built ahead in pieces while an import runs, then filled in
short steps, one per event-loop turn, so the window never stops for long."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget

from privacy_audit.checklist import findings_done
from privacy_audit.gui.stepwise import Stepwise
from privacy_audit.gui.window_modes import WindowModes

if TYPE_CHECKING:  # the result pages load with the first import, not at start
    from privacy_audit.gui.dashboard import Dashboard
    from privacy_audit.gui.data_page import DataPage
    from privacy_audit.gui.findings_page import FindingsPage
    from privacy_audit.gui.report_page import ReportPage
    from privacy_audit.gui.results_view import ResultsView

#: pause between the steps that fill the result pages (the window repaints in between)
STEP_MS = 1


class ResultTabs(WindowModes):
    """The result tabs of the main window, and showing a result in them."""

    # built by MainWindow.__init__
    stack: QStackedWidget
    _tabs_build: Stepwise
    export_id: str | None

    if TYPE_CHECKING:  # MainWindow's, used here

        def _done_toggled(self, rec_id: str, done: bool) -> None: ...
        def _show_recommendation(self, finding_id: str, rec_id: str) -> None: ...
        def show_tab(self, index: int) -> None: ...

    @property
    def tabs(self) -> ResultsView:
        """The result tabs (what is not built yet is built now)."""
        self._tabs_build.finish()
        assert self._results is not None
        return self._results

    def _tab_pieces(self) -> Iterator[None]:
        """Build the result tabs in pieces of a few milliseconds each."""
        from privacy_audit.gui.results_view import ResultsView, page_makers

        view = ResultsView()
        self.stack.addWidget(view)  # out of sight until a result is shown
        for make in page_makers(self.ctx):
            yield
            page = make()
            yield
            view.add_page(page)  # styled by the window's sheet, this page only
            yield
            page.ensurePolished()  # style and fonts now, not at the first show
        yield
        view.findings_page.done_toggled.connect(self._done_toggled)
        view.dashboard.action_activated.connect(self._show_recommendation)
        view.dashboard.show_findings_requested.connect(lambda: self.show_tab(1))
        self._results = view
        self._apply_mode()
        view.retranslate(self.ctx.tr)

    def _build_tabs_ahead(self, *_progress: object) -> None:
        """Build the tabs a piece per event-loop turn (while importing: the worker has
        loaded the pages' modules once the import reports progress)."""
        self._tabs_build.run_ahead(lambda piece: QTimer.singleShot(STEP_MS, self, piece))

    # the result pages (built with the tabs on first use)
    dashboard: Dashboard = property(lambda self: self.tabs.dashboard)  # type: ignore[assignment]
    findings_page: FindingsPage = property(lambda self: self.tabs.findings_page)  # type: ignore[assignment]
    data_page: DataPage = property(lambda self: self.tabs.data_page)  # type: ignore[assignment]
    report_page: ReportPage = property(lambda self: self.tabs.report_page)  # type: ignore[assignment]

    def done_recommendations(self) -> set[str]:
        """Recommendation ids marked done for the open export."""
        return self.ctx.checklist.done(self.export_id) if self.export_id else set()

    def score_after_done(self) -> int | None:
        """The score once what is marked done is done (None when nothing is)."""
        if self.result is None:
            return None
        done = findings_done(self.result.findings, self.done_recommendations())
        if not done:
            return None
        return self.ctx.core.score_after_actions(self.result, done)

    def top_actions(self) -> list[Any]:
        """The three actions that lower the score most, leaving out those marked done."""
        if self.shown is None:
            return []
        from privacy_audit.analysis.score import ranked_actions

        return ranked_actions(
            self.shown, self.done_recommendations(), 3, self.ctx.core.score_after_actions
        )

    def _show_result(
        self, then: Callable[[], None] | None = None, paths: list[Path] | None = None
    ) -> None:
        """Fill the pages in short steps, one per event-loop turn (the window never
        freezes long); ``paths``: the exports read (for the report's file names)."""
        shown = self.shown
        assert shown is not None
        charts, display = self._view_data

        def dashboard() -> list[Callable[[], object]]:
            return self.dashboard.show_result_steps(
                shown, charts, self.score_after_done(), self.top_actions()
            )

        def build_tabs() -> list[Callable[[], object]]:
            return [] if self._tabs_build.done else [self._tabs_build.step, build_tabs]

        def report() -> None:
            if paths is not None:
                self.report_page.input_paths = paths
            self.report_page.show_result(self.result)

        steps: list[Callable[[], object]] = [
            lambda: __import__("privacy_audit.gui.results_view"),  # first result: load pages
            build_tabs,  # what is left of them (first result only)
            self._show_tabs,
            dashboard,  # its own steps come next
            lambda: self.findings_page.show_result(shown, self.done_recommendations()),
            lambda: self.data_page.show_evidence(shown.evidence, display),
            report,
        ]
        if then is not None:
            steps.append(then)

        def run_next() -> None:
            if self.shown is not shown:  # reset or replaced meanwhile
                return
            more = steps.pop(0)()
            if isinstance(more, list):  # a step given as steps of its own
                steps[:0] = more
            if steps:
                # a timer, not a posted event: input and paint get a turn between steps
                QTimer.singleShot(STEP_MS, self, run_next)  # cancelled if the window goes

        run_next()

    def _show_tabs(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(0)
