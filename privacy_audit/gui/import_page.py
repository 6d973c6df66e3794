"""The import screen: progress bar, the file being read, time left, Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QVBoxLayout, QWidget

from privacy_audit.gui.widgets import heading, paragraph
from privacy_audit.i18n import Translator

#: no estimate before this much work and time (early guesses jump around)
MIN_FRACTION, MIN_SECONDS = 0.05, 1.0


def time_left(elapsed: float, fraction: float) -> float | None:
    """Seconds left, extrapolated linearly; None while it would be a wild guess."""
    if fraction < MIN_FRACTION or elapsed < MIN_SECONDS or fraction >= 1.0:
        return None
    return elapsed * (1.0 - fraction) / fraction


def eta_text(tr: Translator, left: float | None) -> str:
    """The time left in words, with the language's plural forms."""
    if left is None:
        return tr.gettext("Estimating the time left…")
    if left < 60:
        n = max(1, round(left))
        return tr.ngettext("About {n} second left", "About {n} seconds left", n).format(n=n)
    n = max(1, round(left / 60))
    return tr.ngettext("About {n} minute left", "About {n} minutes left", n).format(n=n)


class ImportPage(QWidget):
    """Shown while an export is read; the window stays responsive."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.addStretch(1)
        self.title = heading("", 1)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        self.bar.setMinimumHeight(28)
        self.current = paragraph()  # the step, one sentence
        self.current.setObjectName("heading3")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.file = paragraph()  # the file being read
        self.file.setProperty("muted", True)
        self.file.setTextFormat(Qt.TextFormat.PlainText)
        self.eta = paragraph()
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(40)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        for widget in (self.title, self.bar, self.current, self.file, self.eta):
            layout.addWidget(widget)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        self._started = time.monotonic()
        self._fraction = 0.0
        self._label = ""
        self._file = ""
        self._opening: list[str] = []
        self._tr: Translator | None = None
        self._cancelling = False

    def start(self, names: list[str] | None = None) -> None:
        """Reset for a new import of the files ``names`` (shown until the first report)."""
        self._started = time.monotonic()
        self._cancelling = False
        self._label = ""
        self._file = ""
        self._opening = list(names or [])
        self.cancel_button.setEnabled(True)
        self.set_progress(0.0, "")

    def _cancel_clicked(self) -> None:
        self._cancelling = True
        self.cancel_button.setEnabled(False)
        self._refresh()
        self.cancel_requested.emit()

    def set_progress(self, fraction: float, label: str) -> None:
        """Show how far the import is (called from the worker's signal)."""
        self._fraction = fraction
        if label:
            # "Reading Facebook export (3 of 5)…\nmessages/inbox.json": step, then file
            step, _sep, file = label.partition("\n")
            self._label = step
            self._file = file
        self.bar.setValue(round(fraction * 1000))
        self._refresh()

    def _refresh(self) -> None:
        if self._tr is None:
            return
        _ = self._tr.gettext
        percent = self.bar.value() / 10  # the text says what the bar shows
        self.bar.setFormat(f"{percent:.0f} %")
        if self._cancelling:
            self.current.setText(_("Stopping…"))
            self.file.setText("")
            self.eta.setText("")
            return
        if self._label:
            self.current.setText(self._label)
            self.file.setText(self._file)
        else:  # before the first report: say what is being opened
            self.current.setText(_("Opening your export…"))
            self.file.setText(", ".join(self._opening))
        self.file.setVisible(bool(self.file.text()))
        self.eta.setText(
            eta_text(self._tr, time_left(time.monotonic() - self._started, self._fraction))
        )

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        self._tr = tr
        _ = tr.gettext
        self.title.setText(_("Reading your export…"))
        self.bar.setAccessibleName(_("Import progress"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setToolTip(_("Stop reading (Esc)"))
        self._refresh()
