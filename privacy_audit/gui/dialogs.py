"""Dialogs: About, bad input, open files/folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

import privacy_audit
from privacy_audit import APP_NAME
from privacy_audit.gui.widgets import app_icon, escape
from privacy_audit.i18n import Translator

if TYPE_CHECKING:
    from privacy_audit.gui.context import AppContext

SOURCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


def about_text(tr: Translator) -> str:
    """Rich text of the About box: version, licence, offline promise."""
    _ = tr.gettext
    lines = [
        _("Version {version}").format(version=privacy_audit.__version__),
        _("See what Meta can link together about you, from your own data exports."),
        _(
            "Everything runs on this computer. Nothing is uploaded, and the app never "
            "connects to the internet."
        ),
    ]
    licence = _("Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later).")
    read_licence = _("Read the licence")
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        f"<h2>{escape(APP_NAME)}</h2>{body}"
        f'<p>{escape(licence)} <a href="{SOURCE_URL}">{escape(read_licence)}</a></p>'
    )


def show_about(parent: QWidget, tr: Translator) -> QMessageBox:
    """Open the About box (non-blocking); returns it."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(tr.gettext("About Privacy Audit"))
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setText(about_text(tr))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def show_input_error(parent: QWidget, tr: Translator, message: str) -> QMessageBox:
    """A warning for bad input, with the same message as the command line (non-blocking)."""
    box = QMessageBox(parent)
    box.setObjectName("inputErrorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr.gettext("This export could not be opened"))
    box.setText(message)
    box.setInformativeText(
        tr.gettext("Nothing was changed. You can open another export or try the demo.")
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def start_folder(ctx: AppContext) -> Path:
    """Where file dialogs start: the last folder used (never in workshop mode)."""
    last = Path(ctx.settings.last_folder) if ctx.settings.last_folder else None
    if not ctx.workshop and last is not None and last.is_dir():
        return last
    return Path.home()


def remember_folder(ctx: AppContext, folder: Path) -> None:
    """Start the next file dialog in ``folder`` (not remembered in workshop mode)."""
    if not ctx.workshop:
        ctx.settings.last_folder = str(folder)
        ctx.save_settings()


def ask_export_files(parent: QWidget, tr: Translator, start: Path | None = None) -> list[Path]:
    """Ask for one or more export files (the dialog opens in ``start``)."""
    _ = tr.gettext
    paths, _chosen = QFileDialog.getOpenFileNames(
        parent,
        _("Open export files"),
        str(start or Path.home()),
        _("Exports (*.zip *.txt *.json *.html);;All files (*)"),
    )
    return [Path(p) for p in paths]


def ask_export_folder(parent: QWidget, tr: Translator, start: Path | None = None) -> list[Path]:
    """Ask for an unzipped export folder (the dialog opens in ``start``)."""
    folder = QFileDialog.getExistingDirectory(
        parent, tr.gettext("Open export folder"), str(start or Path.home())
    )
    return [Path(folder)] if folder else []


def warn_moved_aside(status: QStatusBar, tr: Translator, names: list[str]) -> None:
    """Say in the status bar that a damaged file of ours was set aside (then forget it)."""
    for name in names:
        status.showMessage(
            tr.gettext(
                "A damaged file of this app was set aside as {file}; defaults are used."
            ).format(file=name),
            15000,
        )
    names.clear()


def confirm(parent: QWidget, title: str, text: str, accept: str, tr: Translator) -> bool:
    """Ask before doing something that loses what is on screen; True to go ahead.

    The buttons say what they do (``accept``, Cancel); Cancel is the default.
    """
    box = QMessageBox(parent)
    box.setObjectName("confirmBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    go = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName("confirmAccept")
    cancel = box.addButton(tr.gettext("Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("confirmCancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


class HelpDialog(QDialog):
    """Help › How to get your data (F1): a window of its own; the open export stays."""

    def __init__(self, parent: QWidget, tr: Translator) -> None:
        from privacy_audit.gui.start_page import HowToTabs
        from privacy_audit.gui.widgets import heading, paragraph

        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.title = heading("", 2)
        self.intro = paragraph()
        self.tabs = HowToTabs()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        for widget in (self.title, self.intro, self.tabs, self.buttons):
            layout.addWidget(widget)
        self.resize(560, 460)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        """Set every visible string in ``tr``'s language."""
        _ = tr.gettext
        self.setWindowTitle(_("How to get your data"))
        self.title.setText(_("How to get your data"))
        self.intro.setText(
            _(
                "Ask each service for a copy of your data, then open the files here. "
                "Use the JSON format where you can choose."
            )
        )
        self.tabs.retranslate(tr)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
