"""One recommendation on the findings page: why, the steps in the app and on the web, help
links, "Open this setting" (in the system browser) and the Done tick."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton

from privacy_audit.analysis.result import Recommendation
from privacy_audit.gui.widgets import Card, escape, paragraph
from privacy_audit.i18n import Translator


def _day(text: str, tr: Translator) -> str:
    """An ISO date as the language writes it (``text`` as it is when it is not one)."""
    from datetime import date

    from babel.dates import format_date

    try:
        return str(format_date(date.fromisoformat(text[:10]), format="medium", locale=tr.locale))
    except ValueError:
        return text


def setting_url(rec: Recommendation) -> str | None:
    """The page "Open this setting" opens: the setting itself, else the first help link."""
    if rec.setting_url:
        return rec.setting_url
    return rec.links[0].url if rec.links else None


class RecommendationBox(Card):
    """One recommendation: steps, links, Open this setting, Done."""

    done_toggled = Signal(str, bool)

    def __init__(self, rec: Recommendation, done: bool, tr: Translator) -> None:
        super().__init__(rec.title)
        self.rec = rec
        _ = tr.gettext
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.done_box = QCheckBox(_("Done"))
        self.done_box.setChecked(done)
        self.done_box.setAccessibleName(_("Mark as done: {title}").format(title=rec.title))
        self.done_box.toggled.connect(lambda on: self.done_toggled.emit(rec.id, on))
        header = QHBoxLayout()
        self.body.removeWidget(self.title)
        header.addWidget(self.title, 1)
        header.addWidget(self.done_box, 0, Qt.AlignmentFlag.AlignTop)
        self.body.insertLayout(0, header)
        self.body.addWidget(paragraph(rec.why))
        for part, steps in ((_("In the app"), rec.steps_app), (_("On the web"), rec.steps_web)):
            if not steps:
                continue
            items = "".join(f"<li>{escape(step)}</li>" for step in steps)
            self.body.addWidget(paragraph(f"<b>{escape(part)}</b><ol>{items}</ol>", rich=True))
        if rec.links:
            links = " · ".join(
                f'<a href="{escape(link.url)}">{escape(link.label)}</a>' for link in rec.links
            )
            self.body.addWidget(paragraph(links, rich=True))
        row = QHBoxLayout()
        self.open_button = QPushButton(_("Open this setting"))
        self.url = setting_url(rec)
        self.open_button.setEnabled(bool(self.url))
        self.open_button.setToolTip(self.url or "")
        self.open_button.clicked.connect(self.open_setting)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        if rec.checked:  # its own line: wraps on a narrow window instead of widening it
            checked = paragraph(_("Steps checked on {date}").format(date=_day(rec.checked, tr)))
            checked.setProperty("muted", True)
            self.body.addWidget(checked)

    def open_setting(self) -> bool:
        """Open the official page in the system browser."""
        if not self.url or not self.url.startswith("https://"):
            return False
        return bool(QDesktopServices.openUrl(QUrl(self.url)))
