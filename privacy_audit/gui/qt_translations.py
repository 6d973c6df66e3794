"""Qt's own words (file dialogs, Yes/No, Cancel, context menus) in the app's language.

Qt ships its translations (``qtbase_<lang>.qm``); the app installs the one for its
language and removes it when the language changes back to English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: Qt catalogs to load, most general first
CATALOGS = ("qtbase",)
OBJECT_NAME = "privacyAuditQtTranslator"


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
        for translator in app.findChildren(QTranslator, OBJECT_NAME):
            app.removeTranslator(translator)
            translator.deleteLater()
        self.translators = []
        self.lang = lang
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return False
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalog in CATALOGS:
            translator = QTranslator(app)
            translator.setObjectName(OBJECT_NAME)
            if translator.load(f"{catalog}_{lang}", folder):
                app.installTranslator(translator)
                self.translators.append(translator)
        return bool(self.translators)
