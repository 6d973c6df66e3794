"""Dialogs: About, bad input, open files/folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

import privacy_audit
from privacy_audit import APP_NAME
from privacy_audit.gui.widgets import app_icon, escape
from privacy_audit.i18n import Translator

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
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return (
        f"<h2>{escape(APP_NAME)}</h2>{body}"
        f'<p>{escape(licence)} <a href="{SOURCE_URL}">{escape(_("Read the licence"))}</a></p>'
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


def ask_export_files(parent: QWidget, tr: Translator) -> list[Path]:
    """Ask for one or more export files."""
    _ = tr.gettext
    paths, _chosen = QFileDialog.getOpenFileNames(
        parent,
        _("Open export files"),
        str(Path.home()),
        _("Exports (*.zip *.txt *.json *.html);;All files (*)"),
    )
    return [Path(p) for p in paths]


def ask_export_folder(parent: QWidget, tr: Translator) -> list[Path]:
    """Ask for an unzipped export folder."""
    folder = QFileDialog.getExistingDirectory(
        parent, tr.gettext("Open export folder"), str(Path.home())
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
