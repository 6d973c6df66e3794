"""The dashboard: exposure score, one card per service, the cross-service charts, top actions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.gui.labels import table_name
from privacy_audit.gui.widgets import Card, heading, paragraph
from privacy_audit.i18n import Translator
from privacy_audit.labels import service_name, severity_label

if TYPE_CHECKING:
    from privacy_audit.analysis.result import AuditResult, Finding, Recommendation
    from privacy_audit.model import Evidence, SourceInfo


def _clear(layout: QGridLayout | QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def _day(tr: Translator, when: datetime) -> str:
    from babel.dates import format_date

    return str(format_date(when.date(), format="medium", locale=tr.locale))


def latest_message(evidence: Evidence, service: str) -> datetime | None:
    """The newest message time of ``service`` in ``evidence`` (None when there is none)."""
    import pandas as pd

    messages = evidence.tables.get("messages")
    if messages is None or messages.empty or "timestamp" not in messages:
        return None
    times = messages["timestamp"][messages["service"] == service]
    newest = times.max() if len(times) else None
    return None if newest is None or pd.isna(newest) else newest.to_pydatetime()


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
    return lines


class SvgChart(QWidget):
    """An SVG chart from the report, scaled to fit and keeping its proportions."""

    def __init__(self, title: str, svg: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading(title, 3)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QSvgWidget()
        self.view.load(QByteArray(svg.encode("utf-8")))
        renderer: QSvgRenderer = self.view.renderer()
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        size = renderer.defaultSize()
        width = max(1, size.width())
        self.view.setMinimumHeight(160)
        self.view.setMaximumHeight(max(160, min(420, int(460 * size.height() / width))))
        self.view.setAccessibleName(title)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    @property
    def valid(self) -> bool:
        """True when the SVG could be parsed."""
        return self.view.renderer().isValid()


class Dashboard(QScrollArea):
    """Overview of one audit."""

    finding_activated = Signal(str)  # finding id, from a top action
    show_findings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.setWidget(inner)
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(16)

        top = QHBoxLayout()
        self.score_card = Card()
        self.score_value = QLabel("–")
        self.score_value.setObjectName("scoreValue")
        self.score_after = paragraph()
        self.score_text = paragraph()
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
        top.addWidget(self.score_card, 2)
        top.addWidget(self.actions_card, 3)
        outer.addLayout(top)

        self.services_title = heading("", 2)
        outer.addWidget(self.services_title)
        self.services_grid = QGridLayout()
        outer.addLayout(self.services_grid)
        self.not_checked = paragraph()
        outer.addWidget(self.not_checked)

        self.charts_title = heading("", 2)
        outer.addWidget(self.charts_title)
        self.charts_grid = QGridLayout()
        outer.addLayout(self.charts_grid)
        self.no_charts = paragraph()
        outer.addWidget(self.no_charts)
        outer.addStretch(1)

        self.charts: list[SvgChart] = []
        self.service_cards: list[Card] = []
        self._result: AuditResult | None = None
        self._score_after_done: int | None = None
        self._chart_data: list[tuple[str, str]] = []
        self._tr: Translator | None = None
        self._chart_columns = 2

    def set_chart_columns(self, columns: int) -> None:
        """Charts per row (1 on a projector: each chart twice as large)."""
        if columns != self._chart_columns:
            self._chart_columns = max(1, columns)
            if self._tr is not None and self._result is not None:
                self._fill_charts()

    # --- content -------------------------------------------------------------------
    def show_result(
        self, result: AuditResult, charts: list[tuple[str, str]], score_after_done: int | None
    ) -> None:
        """Show ``result`` with its charts (title, svg) and the score after done actions."""
        self._result = result
        self._chart_data = charts
        self._score_after_done = score_after_done
        self._fill()

    def set_score_after_done(self, score: int | None) -> None:
        """Update the "after what you did" score (Done ticks changed)."""
        self._score_after_done = score
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
        _ = self._tr.gettext
        result = self._result
        self.score_value.setText(f"{result.score}/100")
        self.score_value.setAccessibleName(
            _("Exposure score {n} out of 100").format(n=result.score)
        )
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
        _clear(self.actions_box)
        actions: list[tuple[Finding, Recommendation]] = []
        seen: set[str] = set()
        for finding in self._result.findings:
            for rec in finding.recommendations:
                if rec.id not in seen and len(actions) < 3:
                    seen.add(rec.id)
                    actions.append((finding, rec))
        if not actions:
            self.actions_box.addWidget(paragraph(_("Nothing to change: no finding needs action.")))
        for finding, rec in actions:
            severity = severity_label(self._tr, finding.severity)
            button = QPushButton(f"{severity}: {rec.title}")
            button.setStyleSheet("text-align: left; padding: 6px;")
            button.setToolTip(finding.summary)
            button.setAccessibleName(rec.title)
            button.clicked.connect(
                lambda _c=False, fid=finding.id: self.finding_activated.emit(fid)
            )
            self.actions_box.addWidget(button)

    def _fill_services(self) -> None:
        assert self._tr is not None and self._result is not None
        from babel.numbers import format_decimal

        tr = self._tr
        _ = tr.gettext
        _clear(self.services_grid)
        self.service_cards = []
        by_service: dict[str, list[SourceInfo]] = {}
        for source in self._result.sources:
            by_service.setdefault(source.service, []).append(source)
        for index, (service, sources) in enumerate(by_service.items()):
            card = Card(service_name(service))
            counts: dict[str, int] = {}
            for source in sources:
                for table, count in source.tables.items():
                    counts[table] = counts.get(table, 0) + count
            lines = [
                f"{table_name(tr, table)}: {format_decimal(count, locale=tr.locale)}"
                for table, count in sorted(counts.items(), key=lambda kv: -kv[1])
                if count
            ] or [_("Nothing we know how to read.")]
            card.body.addWidget(paragraph("\n".join(lines[:6])))
            for line in source_lines(tr, service, sources, self._result.evidence):
                card.body.addWidget(paragraph(line))
            warnings = sum(len(s.warnings) for s in sources)
            if warnings:
                card.body.addWidget(paragraph(_("{n} warnings while reading").format(n=warnings)))
            card.body.addStretch(1)
            self.services_grid.addWidget(card, index // 4, index % 4)
            self.service_cards.append(card)
        missing = [item.get("service", "") for item in self._result.not_checked]
        missing = [m for m in dict.fromkeys(missing) if m and m not in by_service]
        if missing:
            names = ", ".join(service_name(m) for m in missing)
            self.not_checked.setText(
                _("Not checked (no export given): {names}").format(names=names)
            )
            self.not_checked.show()
        else:
            self.not_checked.hide()

    def _fill_charts(self) -> None:
        assert self._tr is not None
        _clear(self.charts_grid)
        self.charts = []
        for index, (title, svg) in enumerate(self._chart_data):
            chart = SvgChart(title, svg)
            if not chart.valid:
                chart.deleteLater()
                continue
            columns = self._chart_columns
            if columns == 1:
                chart.view.setMaximumHeight(chart.view.maximumHeight() * 2)
            self.charts_grid.addWidget(chart, index // columns, index % columns)
            self.charts.append(chart)
        self.no_charts.setVisible(not self.charts)
        self.no_charts.setText(self._tr.gettext("No cross-service charts for these exports."))

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
