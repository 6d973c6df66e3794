"""The import screen: progress bar, the file being read, time left, Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from privacy_audit.gui.widgets import heading, paragraph
from privacy_audit.i18n import Translator

#: no estimate before this much work and time (early guesses jump around)
MIN_FRACTION, MIN_SECONDS = 0.05, 1.0


def time_left(elapsed: float, fraction: float) -> float | None:
    """Seconds left, extrapolated linearly; None while it would be a wild guess."""
    if fraction < MIN_FRACTION or elapsed < MIN_SECONDS or fraction >= 1.0:
        return None
    return elapsed * (1.0 - fraction) / fraction


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
        self.current = paragraph()
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.eta = QLabel()
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(40)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        for widget in (self.title, self.bar, self.current, self.eta):
            layout.addWidget(widget)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        self._started = time.monotonic()
        self._fraction = 0.0
        self._label = ""
        self._tr: Translator | None = None
        self._cancelling = False

    def start(self) -> None:
        """Reset for a new import."""
        self._started = time.monotonic()
        self._cancelling = False
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
            self._label = label
        self.bar.setValue(round(fraction * 1000))
        self._refresh()

    def _refresh(self) -> None:
        if self._tr is None:
            return
        _ = self._tr.gettext
        self.bar.setFormat(f"{self._fraction * 100:.0f} %")
        if self._cancelling:
            self.current.setText(_("Stopping…"))
            self.eta.setText("")
            return
        self.current.setText(_("Reading {file}").format(file=self._label) if self._label else "")
        left = time_left(time.monotonic() - self._started, self._fraction)
        if left is None:
            self.eta.setText(_("Estimating the time left…"))
        elif left < 60:
            self.eta.setText(_("About {n} seconds left").format(n=max(1, round(left))))
        else:
            self.eta.setText(_("About {n} minutes left").format(n=round(left / 60)))

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        self._tr = tr
        _ = tr.gettext
        self.title.setText(_("Reading your export…"))
        self.bar.setAccessibleName(_("Import progress"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setToolTip(_("Stop reading (Esc)"))
        self._refresh()
