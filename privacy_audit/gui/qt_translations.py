"""Qt's own words (file dialogs, Yes/No, Cancel, context menus) in the app's language.

Qt ships its translations (``qtbase_<lang>.qm``); the app installs the one for its
language and removes it when the language changes back to English.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from privacy_audit.i18n import N_, Translator, translator

#: Qt catalogs to load, most general first
CATALOGS = ("qtbase",)
OBJECT_NAME = "privacyAuditQtTranslator"

#: Qt 6 texts of the file dialog that the shipped catalogs still miss (they hold the Qt 5
#: forms "Look in:" and "Files of type:"): (context, text) -> our message id
QT_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
    ("QAbstractFileIconProvider", "Folder"): N_("Folder"),
    ("QAbstractFileIconProvider", "Drive"): N_("Drive"),
}


class GapTranslator(QTranslator):
    """Qt's texts listed in :data:`QT_GAPS`, from our catalogs (everything else: none)."""

    def __init__(self, tr: Translator, parent: Any = None) -> None:
        super().__init__(parent)
        self.tr_ = tr

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        message = QT_GAPS.get((context, source))
        # None (a null string) lets Qt ask the next catalog; "" would blank the text
        return self.tr_.gettext(message) if message else None

    def isEmpty(self) -> bool:
        return False


class QtTranslations:
    """The installed Qt translators of one application."""

    def __init__(self) -> None:
        self.translators: list[QTranslator] = []
        self.lang = "en"

    def use(self, lang: str) -> bool:
        """Use Qt's translations for ``lang`` (English: none); True when one was loaded."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        # the application has one language: remove Qt catalogs any window installed
        for installed in app.findChildren(QTranslator, OBJECT_NAME):
            app.removeTranslator(installed)
            installed.deleteLater()
        self.translators = []
        self.lang = lang
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return False
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalog in CATALOGS:
            qt_catalog = QTranslator(app)
            qt_catalog.setObjectName(OBJECT_NAME)
            if qt_catalog.load(f"{catalog}_{lang}", folder):
                app.installTranslator(qt_catalog)
                self.translators.append(qt_catalog)
        if self.translators:  # the last installed is asked first
            gaps = GapTranslator(translator(lang), app)
            gaps.setObjectName(OBJECT_NAME)
            app.installTranslator(gaps)
            self.translators.append(gaps)
        return bool(self.translators)
