"""The dashboard: exposure score, one card per service, the cross-service charts, top actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.gui.dashboard_widgets import ActionButton, ServiceCard, SvgChart
from privacy_audit.gui.labels import table_name
from privacy_audit.gui.layouts import FlowGrid, clear_layout, scroll_column
from privacy_audit.gui.marks import severity_pixmap
from privacy_audit.gui.prepared import forget_latest_messages
from privacy_audit.gui.svg_view import SvgView
from privacy_audit.gui.theme import Theme, themes
from privacy_audit.gui.widgets import Card, heading, paragraph
from privacy_audit.i18n import Translator
from privacy_audit.labels import service_name, severity_label
from privacy_audit.source_notes import source_notes
from privacy_audit.values import number

if TYPE_CHECKING:
    from privacy_audit.analysis.result import AuditResult
    from privacy_audit.analysis.score import RankedAction
    from privacy_audit.model import Evidence, SourceInfo


def _day(tr: Translator, when: datetime) -> str:
    from babel.dates import format_date

    return str(format_date(when.date(), format="medium", locale=tr.locale))


def latest_message(evidence: Evidence, service: str) -> datetime | None:
    """The newest message time of ``service`` in ``evidence`` (None when there is none)."""
    from privacy_audit.gui.prepared import latest_messages

    return latest_messages(evidence).get(service)


def source_lines(
    tr: Translator, service: str, sources: list[SourceInfo], evidence: Evidence
) -> list[str]:
    """What was read for one service and how recent it is, in words.

    "Account report + 5 chats" rather than "6 exports read"; the export (or report) date
    when the export says it, else the newest message as "Latest message", never "unknown".
    """
    reports = [s for s in sources if s.kind == "account_report"]
    chats = sum(int((s.chat or {}).get("chats", 1)) for s in sources if s.kind == "chat")
    others = [s for s in sources if s.kind not in ("account_report", "chat")]
    parts: list[str] = []
    if reports:
        parts.append(tr.gettext("Account report"))
    if chats:
        parts.append(tr.ngettext("{n} chat", "{n} chats", chats).format(n=chats))
    if len(others) > 1:
        parts.append(tr.ngettext("{n} export", "{n} exports", len(others)).format(n=len(others)))
    lines = [" + ".join(parts)] if len(parts) > 1 or chats or len(others) > 1 else []
    dates = [s.export_date for s in reports + others if s.export_date is not None]
    if dates:
        label = tr.gettext("Report date: {date}") if reports else tr.gettext("Export date: {date}")
        lines.append(label.format(date=_day(tr, max(dates))))
    else:
        newest = latest_message(evidence, service)
        if newest is not None:
            lines.append(tr.gettext("Latest message: {date}").format(date=_day(tr, newest)))
    return lines + source_notes(tr, sources)


def run_steps(steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` now, one after the other (a step that returns a list: those too)."""
    pending = list(steps)
    while pending:
        more = pending.pop(0)()
        if isinstance(more, list):
            pending[:0] = more


class Dashboard(QScrollArea):
    """Overview of one audit."""

    finding_activated = Signal(str)  # finding id, from a top action
    action_activated = Signal(str, str)  # finding id, recommendation id
    show_findings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = scroll_column(self, (24, 18, 24, 18), 16)
        self._theme = themes()["light"]
        self._scale = 1.0

        self.score_card = Card()
        self.gauge: SvgView | None = None
        self.gauge_box = QVBoxLayout()
        self.score_value = QLabel()  # the band in words: "High exposure"
        self.score_value.setObjectName("heading3")
        self.score_value.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.score_after = paragraph()
        self.score_text = paragraph()
        self.score_card.body.addLayout(self.gauge_box)
        for widget in (self.score_value, self.score_after, self.score_text):
            self.score_card.body.addWidget(widget)
        self.score_card.body.addStretch(1)
        self.actions_card = Card()
        self.actions_box = QVBoxLayout()
        self.actions_card.body.addLayout(self.actions_box)
        self.all_findings_button = QPushButton()
        self.all_findings_button.clicked.connect(self.show_findings_requested)
        self.actions_card.body.addWidget(self.all_findings_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.actions_card.body.addStretch(1)
        self.top = FlowGrid(min_column=380, most=2)
        self.top.set_widgets([self.score_card, self.actions_card], [2, 3])
        outer.addWidget(self.top)

        self.services_title = heading("", 2)
        outer.addWidget(self.services_title)
        self.services_grid = FlowGrid(min_column=240, most=4)
        outer.addWidget(self.services_grid)
        self.not_checked = paragraph()
        outer.addWidget(self.not_checked)

        self.charts_title = heading("", 2)
        outer.addWidget(self.charts_title)
        self.charts_grid = FlowGrid(min_column=830, most=2)
        outer.addWidget(self.charts_grid)
        self.no_charts = paragraph()
        outer.addWidget(self.no_charts)
        outer.addStretch(1)

        self.charts: list[SvgChart] = []
        self.service_cards: list[ServiceCard] = []
        self.action_buttons: list[ActionButton] = []
        self._result: AuditResult | None = None
        self._score_after_done: int | None = None
        self._actions: list[RankedAction] = []
        self._chart_data: list[tuple[str, str]] = []
        self._tr: Translator | None = None

    def set_scale(self, scale: float) -> None:
        """Type scale (projector, zoom): columns get wider, so fewer fit in a row."""
        if scale == self._scale:
            return
        self._scale = scale
        self.top.set_min_column(round(380 * scale))
        self.services_grid.set_min_column(round(240 * scale))
        self._fill()

    def set_theme(self, theme: Theme) -> None:
        """Redraw the gauge, icons and charts in ``theme``'s colours."""
        if theme == self._theme:
            return
        self._theme = theme
        self._fill()

    # --- content -------------------------------------------------------------------
    def show_result(
        self,
        result: AuditResult,
        charts: list[tuple[str, str]],
        score_after_done: int | None,
        actions: list[RankedAction] | None = None,
    ) -> None:
        """Show ``result`` with its charts (title, svg), the score after done actions and
        the top ``actions`` (ranked by the score they remove, done ones left out)."""
        run_steps(self.show_result_steps(result, charts, score_after_done, actions))

    def show_result_steps(
        self,
        result: AuditResult,
        charts: list[tuple[str, str]],
        score_after_done: int | None,
        actions: list[RankedAction] | None = None,
    ) -> list[Callable[[], object]]:
        """:meth:`show_result` in steps, each a few milliseconds (the window runs one
        per event-loop turn, so it repaints and takes input in between). A step may
        return a list: steps of its own, to run next."""

        def start() -> None:
            self._result = result
            self._chart_data = charts
            self._score_after_done = score_after_done
            self._actions = list(actions or [])
            if self._tr is not None:
                self._fill_score()

        def actions_step() -> None:
            if self._tr is not None and self._result is result:
                self._fill_actions()

        def services() -> list[Callable[[], object]]:
            current = self._tr is not None and self._result is result
            return self._services_steps() if current else []

        def chart_steps() -> list[Callable[[], object]]:
            current = self._tr is not None and self._result is result
            return self._charts_steps() if current else []

        def end() -> None:
            self.verticalScrollBar().setValue(0)

        return [start, actions_step, services, chart_steps, end]

    def forget(self) -> None:
        """Let go of the result (Close export); the next :meth:`show_result` redraws."""
        self._result = None
        self._actions = []
        self._chart_data = []
        forget_latest_messages()

    def set_score_after_done(
        self, score: int | None, actions: list[RankedAction] | None = None
    ) -> None:
        """Update the "after what you did" score and the top actions (Done ticks changed)."""
        self._score_after_done = score
        if actions is not None:
            self._actions = list(actions)
            self._fill_actions()
        self._fill_score()

    def _fill(self) -> None:
        if self._tr is None or self._result is None:
            return
        self._fill_score()
        self._fill_actions()
        self._fill_services()
        self._fill_charts()

    def _fill_score(self) -> None:
        if self._tr is None or self._result is None:
            return
        from privacy_audit.report.charts import score_band, score_gauge
        from privacy_audit.report.labels import BAND_LABELS

        _ = self._tr.gettext
        result = self._result
        if self.gauge is not None:
            self.gauge_box.removeWidget(self.gauge)
            self.gauge.deleteLater()
        self.gauge = SvgView(str(score_gauge(int(result.score), tr=self._tr)), self._theme)
        self.gauge.max_width = round(250 * self._scale)
        self.gauge.setAccessibleName(_("Exposure score {n} out of 100").format(n=result.score))
        self.gauge_box.addWidget(self.gauge)
        band = score_band(int(result.score))
        self.score_value.setText(_(BAND_LABELS[band]))
        token = {"high": "high", "medium": "medium", "low": "ok"}[band]
        self.score_value.setStyleSheet(f"color: {self._theme[token]};")
        after = self._score_after_done
        if after is not None and after != result.score:
            self.score_after.setText(_("With the actions you marked done: {n}/100").format(n=after))
            self.score_after.show()
        else:
            self.score_after.hide()
        explanation = result.score_explanation
        self.score_text.setText(
            explanation[0] if explanation else _("Higher means Meta can link more about you.")
        )
        self.score_text.setToolTip("\n".join(explanation[1:]))

    def _fill_actions(self) -> None:
        assert self._tr is not None and self._result is not None
        _ = self._tr.gettext
        clear_layout(self.actions_box)
        self.action_buttons = []
        if not self._actions:
            self.actions_box.addWidget(paragraph(_("Nothing to change: no finding needs action.")))
        icon_px = round(20 * self._scale)
        for action in self._actions:
            severity = severity_label(self._tr, action.severity)
            button = ActionButton()
            button.icon_label.setPixmap(severity_pixmap(action.severity, self._theme, icon_px))
            button.icon_label.setToolTip(severity)
            button.text_label.setText(action.title)
            button.detail_label.setText(
                _("{severity} · your score would drop from {before} to {after}").format(
                    severity=severity, before=self._result.score, after=action.score_after
                )
                if action.gain
                else severity
            )
            button.setAccessibleName(f"{severity}: {action.title}")
            button.clicked.connect(
                lambda _c=False, a=action: self._action_clicked(a.finding_ids[0], a.rec_id)
            )
            self.actions_box.addWidget(button)
            self.action_buttons.append(button)

    def _action_clicked(self, finding_id: str, rec_id: str) -> None:
        self.action_activated.emit(finding_id, rec_id)
        self.finding_activated.emit(finding_id)

    def _fill_services(self) -> None:
        run_steps(self._services_steps())

    def _services_steps(self) -> list[Callable[[], object]]:
        """Two steps per service card (make it, then show it in the grid: showing a card
        lays out its wrapped text, about as long as making it), then one for the note on
        services not checked."""
        assert self._tr is not None and self._result is not None
        result = self._result
        by_service: dict[str, list[SourceInfo]] = {}
        for source in result.sources:
            by_service.setdefault(source.service, []).append(source)
        cards: list[ServiceCard] = []

        def card_steps(service: str, sources: list[SourceInfo]) -> list[Callable[[], None]]:
            def make() -> None:
                card = self._service_card(service, sources, result)
                card.ensurePolished()  # styled here, not all cards at once when shown
                cards.append(card)

            def show() -> None:
                self.services_grid.set_widgets(list(cards))  # only the new card is shown
                self.service_cards = list(cards)

            return [make, show]

        def end() -> None:
            if not cards:
                self.services_grid.set_widgets([])
                self.service_cards = []
            self._show_not_checked(result, by_service)

        steps = [step for s, sources in by_service.items() for step in card_steps(s, sources)]
        return [*steps, end]

    def _service_card(
        self, service: str, sources: list[SourceInfo], result: AuditResult
    ) -> ServiceCard:
        assert self._tr is not None
        tr = self._tr
        card = ServiceCard(service, service_name(service), self._theme)
        card.set_theme(self._theme, round(28 * self._scale))
        counts: dict[str, int] = {}
        for source in sources:
            for table, count in source.tables.items():
                counts[table] = counts.get(table, 0) + count
        lines = [
            f"{table_name(tr, table)}: {number(count, tr.locale)}"
            for table, count in sorted(counts.items(), key=lambda kv: -kv[1])
            if count
        ] or [tr.gettext("Nothing we know how to read.")]
        card.body.addWidget(paragraph("\n".join(lines[:6])))
        for line in source_lines(tr, service, sources, result.evidence):
            detail = paragraph(line)
            detail.setProperty("muted", True)
            card.body.addWidget(detail)
        warnings = sum(len(s.warnings) for s in sources)
        if warnings:
            card.body.addWidget(
                paragraph(
                    tr.ngettext(
                        "{n} warning while reading", "{n} warnings while reading", warnings
                    ).format(n=warnings)
                )
            )
        card.body.addStretch(1)
        return card

    def _show_not_checked(
        self, result: AuditResult, by_service: dict[str, list[SourceInfo]]
    ) -> None:
        assert self._tr is not None
        missing = [item.get("service", "") for item in result.not_checked]
        missing = [m for m in dict.fromkeys(missing) if m and m not in by_service]
        if missing:
            names = ", ".join(service_name(m) for m in missing)
            self.not_checked.setText(
                self._tr.gettext("Not checked (no export given): {names}").format(names=names)
            )
            self.not_checked.show()
        else:
            self.not_checked.hide()

    def _fill_charts(self) -> None:
        run_steps(self._charts_steps())

    def _charts_steps(self) -> list[Callable[[], object]]:
        """Two steps per chart (make it, then show it in the grid), then one for the
        note shown when there is none."""
        charts: list[SvgChart] = []
        readable: list[int] = []  # per chart: the narrowest width its text stays readable

        def chart_steps(title: str, svg: str) -> list[Callable[[], None]]:
            def make() -> None:
                chart = SvgChart(title, svg, self._theme)
                if not chart.valid:
                    chart.deleteLater()
                    return
                chart.ensurePolished()
                charts.append(chart)
                readable.append(chart.view.readable_width(self._scale))

            def show() -> None:
                if charts and charts[-1] not in self.charts:
                    self._place_charts(charts, max(readable))

            return [make, show]

        def end() -> None:
            if not charts:
                self._place_charts([], 830)
            assert self._tr is not None
            self.no_charts.setVisible(not charts)
            self.no_charts.setText(self._tr.gettext("No cross-service charts for these exports."))

        steps = [step for t, svg in self._chart_data for step in chart_steps(t, svg)]
        return [*steps, end]

    def _place_charts(self, charts: list[SvgChart], min_column: int) -> None:
        """Lay out ``charts`` (only those not shown yet are shown now)."""
        self.charts_grid.min_column = min_column
        self.charts_grid.set_widgets(list(charts))
        self.charts = list(charts)

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        self._tr = tr
        _ = tr.gettext
        self.score_card.title.setText(_("Exposure score"))
        self.actions_card.title.setText(_("Most important actions"))
        self.all_findings_button.setText(_("See all findings"))
        self.services_title.setText(_("What each export contains"))
        self.charts_title.setText(_("What Meta can link across services"))
        self._fill()
