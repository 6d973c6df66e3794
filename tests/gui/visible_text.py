"""Every text the window shows (labels, buttons, lists, table cells, tool tips, charts, the
report preview's HTML), and the persona's real names, numbers, e-mails and IP addresses, to
check that workshop mode shows none of them.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

#: shorter names ("Leo") would match ordinary words
MIN_NAME = 6
#: the national number's last digits that identify a phone (masking keeps fewer)
PHONE_DIGITS = 7
_SEPARATORS = re.compile(r"[\s\-().\u00a0\u202f/]")


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out: list[str] = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    columns = view.horizontalHeader().count() if isinstance(view, QTableView) else 1
    for row in range(model.rowCount(QModelIndex())):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            out.extend(str(model.data(index, role) or "") for role in roles)
    for column in range(columns if isinstance(view, QTableView) else 0):
        out.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    return out


def widget_texts(root: QWidget) -> list[str]:
    """The text of ``root`` and of each of its children (shown or not)."""
    out: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        out += [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            out.append(widget.text())
        if isinstance(widget, QAbstractItemView):
            out += _model_texts(widget)
        if isinstance(widget, QTabWidget):
            out += [widget.tabText(i) for i in range(widget.count())]
    return [text for text in out if text]


def visible_texts(window: Any) -> list[str]:
    """Visit every tab and every Data table of ``window``; all the text seen on the way."""
    out: list[str] = []
    for tab in range(window.tabs.count()):
        window.show_tab(tab)
        QApplication.processEvents()
        if tab == 1:  # every finding's details
            for row in range(window.findings_page.list.count()):
                window.findings_page.list.setCurrentRow(row)
                out += widget_texts(window)
        if tab == 2:  # every evidence table
            for name in list(window.data_page._names):
                window.data_page.select_table(name)
                out += widget_texts(window)
        out += widget_texts(window)
    charts, _display = window._view_data
    out += [svg for _title, svg in charts]
    return out


def _column(evidence: Any, table: str, column: str) -> list[str]:
    frame = evidence.tables.get(table)
    if frame is None or column not in frame:
        return []
    return [str(v) for v in pd.unique(frame[column].dropna()) if str(v).strip()]


def personal_values(evidence: Any) -> tuple[set[str], set[str]]:
    """(people's names, phone digits) of the persona, from unredacted evidence."""
    names = set(_column(evidence, "contacts", "name"))
    names |= set(_column(evidence, "messages", "sender"))
    # a name Meta lists as an advertiser or an app is a company: redaction keeps it
    companies = {n.lower() for n in _column(evidence, "advertisers", "name")}
    companies |= {n.lower() for n in _column(evidence, "off_platform", "app")}
    names = {
        n for n in names if len(n) >= MIN_NAME and " " in n.strip() and n.lower() not in companies
    }
    phones: set[str] = set()
    for table, column in (
        ("contacts", "phone_e164"),
        ("contacts", "phone_raw"),
        ("messages", "sender_phone_e164"),
        ("identifiers", "value"),
    ):
        for value in _column(evidence, table, column):
            digits = re.sub(r"\D", "", value)
            if len(digits) >= 9 and "@" not in value:
                phones.add(digits[-PHONE_DIGITS - 2 :])
    emails = {v for v in _column(evidence, "contacts", "email") if "@" in v}
    emails |= {v for v in _column(evidence, "identifiers", "value") if "@" in v}
    return names | emails | ip_addresses(evidence), phones


def ip_addresses(evidence: Any) -> set[str]:
    """The persona's full IP addresses (workshop mode shows at most their first parts)."""
    return {v for v in _column(evidence, "activity", "ip") if v.count(".") == 3 or ":" in v}


def preview_html(window: Any, qtbot: Any) -> str:
    """The report preview's HTML as QtWebEngine holds it (the Report tab, loaded)."""
    with qtbot.waitSignal(window.report_page.preview_loaded, timeout=120_000):
        window.show_tab(3)
    found: list[str] = []
    window.report_page.view.page().toHtml(found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=30_000)
    return found[0]


def leaks(texts: list[str], names: set[str], phones: set[str]) -> dict[str, str]:
    """Personal value -> a text that shows it."""
    found: dict[str, str] = {}
    for text in texts:
        lowered = text.lower()
        digits = _SEPARATORS.sub("", text)
        for name in names:
            if name not in found and name.lower() in lowered:
                found[name] = text
        for phone in phones:
            if phone not in found and phone in digits:
                found[phone] = text
    return found
