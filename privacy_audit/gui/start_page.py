"""The start screen: drop zone, Open export…, recent exports, demo, how to get your data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.gui.layouts import FlowGrid, scroll_column
from privacy_audit.gui.widgets import escape, heading, paragraph
from privacy_audit.i18n import N_, Translator
from privacy_audit.labels import service_name

#: service -> (link, steps); steps are message ids translated at display time
HOW_TO: dict[str, tuple[str, list[str]]] = {
    "Facebook": (
        "https://accountscenter.facebook.com/info_and_permissions/dyi/",
        [
            N_(
                "Open Accounts Center › Your information and "
                "permissions › Download your information."
            ),
            N_(
                "Choose Download or transfer information, pick your "
                "Facebook profile and All available information."
            ),
            N_("Choose Download to device, date range All time, format JSON, media quality Low."),
            N_(
                "Wait for the notification (it can take a few days), "
                "then download every part of the zip."
            ),
        ],
    ),
    "Instagram": (
        "https://accountscenter.instagram.com/info_and_permissions/dyi/",
        [
            N_("In Instagram open Settings › Accounts Center › Your information and permissions."),
            N_(
                "Choose Download your information, pick your Instagram "
                "profile and All available information."
            ),
            N_("Choose Download to device, date range All time, format JSON, media quality Low."),
            N_("Download the zip from the link you receive."),
        ],
    ),
    "WhatsApp": (
        "https://faq.whatsapp.com/526463418847093/",
        [
            N_("In WhatsApp on your phone open Settings › Account › Request account info."),
            N_("Tap Request account report; it is ready in about three days."),
            N_("Tap Download report, then Export report to save the zip to your computer."),
            N_("Optionally export chats too: open a chat › More › Export chat › Without media."),
        ],
    ),
}


def _local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class HowToTabs(QTabWidget):
    """How to get your data, one tab per service (start screen and Help › F1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        for service in HOW_TO:
            label = paragraph(rich=True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(8, 8, 8, 8)
            self.labels[service] = label
            self.addTab(label, service)

    def retranslate(self, tr: Translator) -> None:
        """Set the steps in ``tr``'s language."""
        _ = tr.gettext
        link_text = _("Open the official page")
        for service, (url, steps) in HOW_TO.items():
            items = "".join(f"<li>{escape(_(step))}</li>" for step in steps)
            self.labels[service].setText(
                f'<ol style="margin-left:-20px">{items}</ol>'
                f'<p><a href="{escape(url)}">{escape(link_text)}</a></p>'
            )


class DropZone(QFrame):
    """A big target for zips and folders dragged from the file manager; a click opens
    the file dialog."""

    paths_dropped = Signal(list)
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self.setMinimumHeight(150)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setObjectName("dropLabel")
        layout.addWidget(self.label)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on the zone opens the file dialog."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space or Enter on the focused zone opens the file dialog."""
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def _hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files and folders only."""
        if _local_paths(event):
            event.acceptProposedAction()
            self._hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        """Back to normal look."""
        self._hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        """Open what was dropped."""
        self._hover(False)
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.paths_dropped.emit(paths)


class StartPage(QScrollArea):
    """What the user sees before an export is open."""

    open_files_requested = Signal()
    open_folder_requested = Signal()
    demo_requested = Signal()
    paths_chosen = Signal(list)  # drop or recent entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = scroll_column(self, (32, 24, 32, 24), 14)

        self.title = heading("", 1)
        self.intro = paragraph()
        outer.addWidget(self.title)
        outer.addWidget(self.intro)

        self.drop_zone = DropZone()
        self.drop_zone.paths_dropped.connect(self.paths_chosen)
        self.drop_zone.clicked.connect(self.open_files_requested)
        outer.addWidget(self.drop_zone)

        self.open_files_button = QPushButton()
        self.open_folder_button = QPushButton()
        self.demo_button = QPushButton()
        self.demo_button.setDefault(True)
        self.open_files_button.clicked.connect(self.open_files_requested)
        self.open_folder_button.clicked.connect(self.open_folder_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        for button in (self.open_files_button, self.open_folder_button, self.demo_button):
            button.setMinimumHeight(40)
        self.buttons = FlowGrid(min_column=0, most=3)
        self.buttons.grid.setSpacing(10)
        self.buttons.set_widgets(
            [self.open_files_button, self.open_folder_button, self.demo_button]
        )
        outer.addWidget(self.buttons)

        left_widget, right_widget = QWidget(), QWidget()
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        self.recent_title = heading("", 2)
        self.recent_list = QListWidget()
        self.recent_list.setMaximumHeight(220)
        self.recent_list.setWordWrap(True)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.itemActivated.connect(self._recent_activated)
        self.recent_empty = paragraph()
        left.addWidget(self.recent_title)
        left.addWidget(self.recent_list)
        left.addWidget(self.recent_empty)
        left.addStretch(1)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        self.howto_title = heading("", 2)
        self.howto_tabs = HowToTabs()
        self.howto_labels = self.howto_tabs.labels
        right.addWidget(self.howto_title)
        right.addWidget(self.howto_tabs)
        right.addStretch(1)
        self.columns = FlowGrid(min_column=340, most=2)
        self.columns.grid.setSpacing(24)
        self.columns.set_widgets([left_widget, right_widget], [2, 3])
        outer.addWidget(self.columns)
        outer.addStretch(1)
        self._recent: list[list[str]] = []
        self._recent_info: dict[str, Any] = {}
        self._tr: Translator | None = None

    def set_scale(self, scale: float) -> None:
        """Type scale (projector, zoom): the columns reflow for it."""
        self.columns.set_min_column(round(340 * scale))
        self.buttons.refresh()

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        self._tr = tr
        _ = tr.gettext
        self.title.setText(_("See what Meta can link together about you"))
        self.intro.setText(
            _(
                "Open the data exports you downloaded from Facebook, Instagram, Messenger and "
                "WhatsApp. Everything stays on this computer: nothing is uploaded."
            )
        )
        self.drop_zone.label.setText(_("Drop your export zips or folders here"))
        self.drop_zone.setAccessibleName(_("Drop zone for export files"))
        self.open_files_button.setText(_("Open export files…"))
        self.open_files_button.setToolTip(_("Choose one or more zip files (Ctrl+O)"))
        self.open_folder_button.setText(_("Open export folder…"))
        self.open_folder_button.setToolTip(_("Choose an unzipped export folder (Ctrl+Shift+O)"))
        self.demo_button.setText(_("Try the demo"))
        self.demo_button.setToolTip(_("Open the example exports of a made-up person (Ctrl+D)"))
        self.recent_title.setText(_("Recent exports"))
        self.recent_list.setAccessibleName(_("Recent exports"))
        self.recent_empty.setText(_("Exports you open will be listed here."))
        self.howto_title.setText(_("How to get your data"))
        self.howto_tabs.retranslate(tr)
        self.set_recent(self._recent)
        self.buttons.refresh()

    def set_recent(
        self,
        recent: list[list[str]],
        *,
        hidden: bool = False,
        info: dict[str, Any] | None = None,
    ) -> None:
        """Show the recent exports (``hidden`` in workshop mode) by service and date."""
        self._recent = [] if hidden else recent
        if info is not None:
            self._recent_info = info
        self.recent_list.clear()
        for entry in self._recent:
            item = QListWidgetItem(self._recent_text(entry))
            item.setToolTip("\n".join(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.recent_list.addItem(item)
        for widget in (self.recent_title, self.recent_list, self.recent_empty):
            widget.setVisible(not hidden)
        self.recent_list.setVisible(not hidden and bool(self._recent))
        self.recent_empty.setVisible(not hidden and not self._recent)

    def _recent_text(self, entry: list[str]) -> str:
        """ "Facebook, WhatsApp · 18 Nov 2026" (the file names when nothing is known)."""
        known = self._recent_info.get("\n".join(entry)) or {}
        services = [service_name(s) for s in known.get("services", []) if s != "unknown"]
        if not services or self._tr is None:
            return ", ".join(Path(p).name for p in entry)
        text = ", ".join(services)
        day = str(known.get("date") or "")
        if day:
            from datetime import date

            from babel.dates import format_date

            try:
                when = format_date(date.fromisoformat(day), format="medium", locale=self._tr.locale)
            except ValueError:
                return text
            text = self._tr.gettext("{services} · exported {date}").format(services=text, date=when)
        return text

    def _recent_activated(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        if entry:
            self.paths_chosen.emit([Path(p) for p in entry])
