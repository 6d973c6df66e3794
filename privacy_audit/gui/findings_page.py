"""Findings: a list by severity; the selected one shows why, its evidence and the steps."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.analysis.result import SEVERITIES, AuditResult, Finding
from privacy_audit.gui.layouts import clear_layout, scroll_column
from privacy_audit.gui.marks import SeverityBadge, severity_icon
from privacy_audit.gui.recommendation_box import RecommendationBox
from privacy_audit.gui.styles import row_height
from privacy_audit.gui.table_model import DataFrameModel
from privacy_audit.gui.theme import Theme, themes
from privacy_audit.gui.widgets import heading, paragraph
from privacy_audit.i18n import Translator
from privacy_audit.labels import confidence_label, severity_label


def _ordered(findings: list[Finding]) -> list[Finding]:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: rank.get(f.severity, len(rank)))


def evidence_frame(rows: list[dict[str, Any]], tr: Translator) -> pd.DataFrame:
    """The evidence rows as the report shows them: translated column names, service
    display names, formatted numbers and dates; columns with no value at all left out.
    """
    from privacy_audit.report.sections import rows_table

    table = rows_table(rows, tr, len(rows))
    labels = [str(column["label"]) for column in table["columns"]]
    cells = table["rows"]
    keep = [i for i in range(len(labels)) if any(str(row[i]).strip() for row in cells)]
    return pd.DataFrame(
        [[row[i] for i in keep] for row in cells], columns=[labels[i] for i in keep], dtype=object
    )


class FindingsPage(QSplitter):
    """List of findings and the details of the selected one."""

    done_toggled = Signal(str, bool)  # recommendation id, done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMinimumWidth(240)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._show_row)
        self.addWidget(self.list)
        self.detail_area = QScrollArea()
        self.detail = scroll_column(self.detail_area, (18, 12, 18, 12))
        self.title = heading("", 1)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.severity = SeverityBadge()
        self.confidence = paragraph()
        self.confidence.setProperty("muted", True)
        severity_row = QHBoxLayout()
        severity_row.addWidget(self.severity)
        severity_row.addWidget(self.confidence, 1)
        self.summary = paragraph()
        self.evidence_title = heading("", 2)
        self.evidence_model = DataFrameModel()
        self.evidence_view = QTableView()
        self.evidence_view.setObjectName("evidence")
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.evidence_view.setWordWrap(False)
        self.evidence_view.horizontalHeader().setStretchLastSection(True)
        self.evidence_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents  # a handful of rows: cheap
        )
        self.evidence_more = paragraph()
        self.sources = paragraph()
        self.steps_title = heading("", 2)
        self.recs_box = QVBoxLayout()
        self.detail.addWidget(self.title)
        self.detail.addLayout(severity_row)
        for widget in (self.summary, self.evidence_title):
            self.detail.addWidget(widget)
        self.detail.addWidget(self.evidence_view)
        self.detail.addWidget(self.evidence_more)
        self.detail.addWidget(self.sources)
        self.detail.addWidget(self.steps_title)
        self.detail.addLayout(self.recs_box)
        self.detail.addStretch(1)
        self.empty = paragraph()
        self.detail.addWidget(self.empty)
        self.addWidget(self.detail_area)
        self.setStretchFactor(1, 3)
        self.findings: list[Finding] = []
        self.rec_boxes: list[RecommendationBox] = []
        self._done: set[str] = set()
        self._detail_stale = False
        self._tr: Translator | None = None
        self._scale = 1.0
        self._theme = themes()["light"]

    def set_theme(self, theme: Theme) -> None:
        """Severity marks in ``theme``'s colours."""
        if theme == self._theme:
            return
        self._theme = theme
        for row, finding in enumerate(self.findings):  # in place: the selection stays
            item = self.list.item(row)
            if item is not None:
                item.setIcon(severity_icon(finding.severity, theme, 18))
        self._detail_stale = True
        if self.isVisible():
            self._show_row(self.list.currentRow())

    def reveal_recommendation(self, rec_id: str) -> None:
        """Scroll the details to the recommendation ``rec_id`` (built if need be)."""
        if self._detail_stale:
            self._show_row(self.list.currentRow())
        for box in self.rec_boxes:
            if box.rec.id == rec_id:
                QTimer.singleShot(0, self, lambda b=box: self.detail_area.ensureWidgetVisible(b))
                box.open_button.setFocus()
                return

    def set_scale(self, scale: float) -> None:
        """Type scale of the pages (projector: larger); the details follow."""
        self._scale = scale
        self.list.setMinimumWidth(round(240 * min(scale, 1.3)))
        self.list.setIconSize(QSize(round(18 * scale), round(18 * scale)))
        self._detail_stale = True
        if self.isVisible():
            self._show_row(self.list.currentRow())

    def show_result(self, result: AuditResult, done: set[str]) -> None:
        """List the findings of ``result``; ``done`` = recommendation ids marked done."""
        self._done = set(done)
        self.findings = _ordered(result.findings)
        self._fill_list()
        self.list.blockSignals(True)
        self.list.setCurrentRow(0 if self.findings else -1)
        self.list.blockSignals(False)
        self._detail_stale = True
        if self.isVisible():
            self._show_row(self.list.currentRow())

    def forget(self) -> None:
        """Let go of the findings and their evidence rows (Close export)."""
        self.findings = []
        self._fill_list()
        self.evidence_model.clear()
        self._detail_stale = True

    def showEvent(self, event: Any) -> None:
        """Build the details when the page is first shown (keeps opening an export fast)."""
        super().showEvent(event)
        if self._detail_stale:
            self._show_row(self.list.currentRow())

    def select_finding(self, finding_id: str) -> None:
        """Select the finding with this id (e.g. from a dashboard action)."""
        for row, finding in enumerate(self.findings):
            if finding.id == finding_id:
                self.list.setCurrentRow(row)
                return

    def set_done(self, done: set[str]) -> None:
        """Recommendation ids marked done (list marks follow)."""
        self._done = set(done)
        self._mark_list()

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for finding in self.findings:
            item = QListWidgetItem(finding.title)
            item.setIcon(severity_icon(finding.severity, self._theme, 18))
            item.setToolTip(finding.summary)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._mark_list()

    def _mark_list(self) -> None:
        if self._tr is None:
            return
        _ = self._tr.gettext
        for row, finding in enumerate(self.findings):
            item = self.list.item(row)
            if item is None:
                continue
            severity = severity_label(self._tr, finding.severity)
            recs = [r.id for r in finding.recommendations]
            done = bool(recs) and all(r in self._done for r in recs)
            mark = "✓ " if done else ""
            item.setText(f"{mark}{finding.title}")
            item.setData(Qt.ItemDataRole.UserRole, finding.id)
            item.setStatusTip(severity)
            item.setToolTip(f"{severity} · {finding.summary}")

    def _show_row(self, row: int) -> None:
        if self._tr is None:
            return
        self._detail_stale = False
        _ = self._tr.gettext
        clear_layout(self.recs_box)
        self.rec_boxes = []
        has = 0 <= row < len(self.findings)
        for widget in (
            self.title,
            self.severity,
            self.confidence,
            self.summary,
            self.evidence_title,
            self.evidence_view,
            self.evidence_more,
            self.sources,
            self.steps_title,
        ):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        self.empty.setText(_("No findings: nothing in these exports needs your attention."))
        if not has:
            self.evidence_model.clear()
            return
        finding = self.findings[row]
        self.title.setText(finding.title)
        severity = severity_label(self._tr, finding.severity)
        confidence = confidence_label(self._tr, finding.confidence)
        self.severity.set_severity(finding.severity, severity, self._theme, round(18 * self._scale))
        self.confidence.setText(confidence)
        self.summary.setText(finding.summary)
        self.evidence_title.setText(_("Evidence"))
        frame = evidence_frame(finding.evidence, self._tr)
        self.evidence_model.set_frame(frame)
        self.evidence_view.verticalHeader().setDefaultSectionSize(row_height(self._scale))
        self._fit_evidence()
        rest = finding.evidence_total - len(frame)
        self.evidence_more.setVisible(rest > 0)
        self.evidence_more.setText(_("…and {n} more rows (see the Data tab).").format(n=rest))
        self.sources.setText(
            _("Found in: {files}").format(files=", ".join(finding.source_files[:5]) or "—")
        )
        self.steps_title.setText(_("What to do"))
        for rec in finding.recommendations:
            box = RecommendationBox(rec, rec.id in self._done, self._tr)
            box.done_toggled.connect(self._done_toggled)
            self.recs_box.addWidget(box)
            self.rec_boxes.append(box)
        self.detail_area.verticalScrollBar().setValue(0)  # a new finding starts at its top

    def _fit_evidence(self) -> None:
        """Size the evidence table to the space: columns as wide as their text when they
        fit, else sharing the width with wrapped cells; every row shown (the page
        scrolls, not the table)."""
        view = self.evidence_view
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setWordWrap(False)
        room = self.detail_area.viewport().width() - 40
        wanted = sum(header.sectionSize(i) for i in range(header.count()))
        wanted += view.verticalHeader().width()
        rows = view.verticalHeader()
        if wanted > room > 0:
            # every header readable, the rest of the room shared by how much text each
            # column has; long cells wrap
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            bold = QFont(header.font())
            bold.setBold(True)
            metrics = QFontMetrics(bold)
            model = view.model()
            pad = round(28 * self._scale)
            heads = [
                metrics.horizontalAdvance(str(model.headerData(i, Qt.Orientation.Horizontal))) + pad
                for i in range(header.count())
            ]
            space = room - view.verticalHeader().width()
            widths = [
                max(head, min(header.sectionSize(i), int(space * 0.45)))
                for i, head in enumerate(heads)
            ]
            if sum(widths) < space:  # share what is left by how wide each column was
                spare = space - sum(widths)
                for i in range(len(widths)):
                    widths[i] += int(spare * widths[i] / sum(widths))
            for i, width in enumerate(widths):  # wider than the room: the table scrolls
                header.resizeSection(i, width)
            view.setWordWrap(True)
            view.resizeRowsToContents()
            body = sum(rows.sectionSize(i) for i in range(rows.count()))
        else:
            for i in range(rows.count()):
                rows.resizeSection(i, rows.defaultSectionSize())
            body = rows.defaultSectionSize() * rows.count()
        height = header.sizeHint().height() + max(body, rows.defaultSectionSize()) + 6
        view.setFixedHeight(height)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def resizeEvent(self, event: Any) -> None:
        """Refit the evidence table to the new width."""
        super().resizeEvent(event)
        if self.evidence_view.isVisible():
            self._fit_evidence()

    def _done_toggled(self, rec_id: str, done: bool) -> None:
        if done:
            self._done.add(rec_id)
        else:
            self._done.discard(rec_id)
        self._mark_list()
        self.done_toggled.emit(rec_id, done)

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        self._tr = tr
        self.list.setAccessibleName(tr.gettext("Findings, most serious first"))
        self.evidence_view.setAccessibleName(tr.gettext("Evidence"))
        self._mark_list()
        self._detail_stale = True
        if self.isVisible():
            self._show_row(self.list.currentRow())
